//! Reading `co_linetable`, CPython 3.14's location table (PEP 626 line numbers and PEP 657
//! column ranges): the entries, `co_lines()` and `co_positions()`. `dis` and tracebacks use
//! these; the assembler writes the same format.
//!
//! The table is a sequence of entries, each covering 1 to 8 code units. An entry starts with
//! a byte `1 ccc c lll`: bit 7 marks the start, `cccc` is the kind, `lll` is the number of
//! code units minus one. What follows depends on the kind (CPython's
//! `Objects/locations.md`):
//!
//! | kind | meaning | bytes after the first |
//! |---|---|---|
//! | 0-9 | short form: same line, `col = kind * 8 + (b >> 4)`, `end_col = col + (b & 15)` | 1 |
//! | 10-12 | one-line form: line += kind - 10, then `col`, `end_col` | 2 |
//! | 13 | no columns: line += signed varint | varint |
//! | 14 | long form: line += signed varint, `end_line = line + varint`, `col + 1`, `end_col + 1` as varints (0 = unknown) | 4 varints |
//! | 15 | no location at all (the line does not change) | 0 |
//!
//! Varints here are little-endian groups of 6 bits with bit 6 as the continuation flag; a
//! signed varint keeps the sign in bit 0. (The exception table uses big-endian groups.)
//! Line numbers are relative to the previous entry's, starting from `co_firstlineno`.
//!
//! Reading never panics: a truncated or malformed table ends the iteration early.

use super::instr_seq::Location;

/// One entry of the table: `len` code units from `start` share `loc`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineTableEntry {
    /// First code unit covered.
    pub start: u32,
    /// Number of code units covered (1 to 8).
    pub len: u32,
    /// The location; `-1` marks unknown parts, as in [`Location::NONE`].
    pub loc: Location,
}

impl LineTableEntry {
    /// One past the last code unit covered.
    pub fn end(&self) -> u32 {
        self.start + self.len
    }
}

/// The entry kinds (`_PyCodeLocationInfoKind`).
const KIND_ONE_LINE0: u8 = 10;
const KIND_ONE_LINE2: u8 = 12;
const KIND_NO_COLUMNS: u8 = 13;
const KIND_LONG: u8 = 14;
const KIND_NONE: u8 = 15;

/// Iterator over the entries of a location table.
#[derive(Clone, Debug)]
pub struct LineTableEntries<'t> {
    table: &'t [u8],
    pos: usize,
    /// The running line number (`computed_line`), kept across entries without a line.
    line: i32,
    unit: u32,
}

/// The entries of `table` for a code object whose `co_firstlineno` is `firstlineno`.
pub fn entries(table: &[u8], firstlineno: i32) -> LineTableEntries<'_> {
    LineTableEntries {
        table,
        pos: 0,
        line: firstlineno,
        unit: 0,
    }
}

impl LineTableEntries<'_> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.table.get(self.pos)?;
        // Only the first byte of an entry has bit 7 set; meeting one early means the
        // entry is truncated.
        if b & 0x80 != 0 {
            return None;
        }
        self.pos += 1;
        Some(b)
    }

    fn varint(&mut self) -> Option<u32> {
        let mut b = self.byte()?;
        let mut value = u32::from(b & 63);
        let mut shift = 0u32;
        while b & 64 != 0 {
            b = self.byte()?;
            shift += 6;
            if shift >= 32 {
                return None;
            }
            value |= u32::from(b & 63) << shift;
        }
        Some(value)
    }

    fn signed_varint(&mut self) -> Option<i32> {
        let raw = self.varint()?;
        let magnitude = (raw >> 1) as i32;
        Some(if raw & 1 != 0 { -magnitude } else { magnitude })
    }

    fn parse(&mut self, first: u8) -> Option<Location> {
        let kind = (first >> 3) & 15;
        let loc = match kind {
            KIND_NONE => Location::NONE,
            KIND_LONG => {
                self.line = self.line.checked_add(self.signed_varint()?)?;
                let end_line = self.line.checked_add(i32::try_from(self.varint()?).ok()?)?;
                let col = i32::try_from(self.varint()?).ok()? - 1;
                let end_col = i32::try_from(self.varint()?).ok()? - 1;
                Location::new(self.line, end_line, col, end_col)
            }
            KIND_NO_COLUMNS => {
                self.line = self.line.checked_add(self.signed_varint()?)?;
                Location::new(self.line, self.line, -1, -1)
            }
            KIND_ONE_LINE0..=KIND_ONE_LINE2 => {
                self.line = self.line.checked_add(i32::from(kind - KIND_ONE_LINE0))?;
                let col = i32::from(self.byte()?);
                let end_col = i32::from(self.byte()?);
                Location::new(self.line, self.line, col, end_col)
            }
            _ => {
                let second = self.byte()?;
                let col = i32::from(kind) << 3 | i32::from(second >> 4);
                Location::new(self.line, self.line, col, col + i32::from(second & 15))
            }
        };
        Some(loc)
    }
}

impl Iterator for LineTableEntries<'_> {
    type Item = LineTableEntry;

    fn next(&mut self) -> Option<LineTableEntry> {
        let first = *self.table.get(self.pos)?;
        if first & 0x80 == 0 {
            self.pos = self.table.len();
            return None;
        }
        self.pos += 1;
        let Some(loc) = self.parse(first) else {
            self.pos = self.table.len();
            return None;
        };
        let len = u32::from(first & 7) + 1;
        let entry = LineTableEntry {
            start: self.unit,
            len,
            loc,
        };
        self.unit = self.unit.checked_add(len)?;
        Some(entry)
    }
}

/// One item of `co_lines()`: code units `start..end` (byte offsets are twice these) belong
/// to `line` (`None` for artificial code).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineRange {
    /// First code unit.
    pub start: u32,
    /// One past the last code unit.
    pub end: u32,
    /// The line, or `None`.
    pub line: Option<i32>,
}

/// `co_lines()`: the entries' line numbers, with neighbouring entries on the same line merged
/// (CPython's `lineiter_next`).
pub fn lines(table: &[u8], firstlineno: i32) -> Vec<LineRange> {
    let mut out: Vec<LineRange> = Vec::new();
    for entry in entries(table, firstlineno) {
        let line = (entry.loc.lineno != -1).then_some(entry.loc.lineno);
        match out.last_mut() {
            Some(last) if last.line == line && last.end == entry.start => last.end = entry.end(),
            _ => out.push(LineRange {
                start: entry.start,
                end: entry.end(),
                line,
            }),
        }
    }
    out
}

/// `co_positions()`: one location per code unit covered by the table (instructions and their
/// caches alike), `-1` marking unknown parts.
pub fn positions(table: &[u8], firstlineno: i32) -> impl Iterator<Item = Location> + '_ {
    entries(table, firstlineno).flat_map(|entry| std::iter::repeat_n(entry.loc, entry.len as usize))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_each_kind() {
        // Short form (kind 1, 2 units): col 8 + 3 = 11, end 11 + 4.
        // One-line form with +1 line (kind 11, 1 unit): cols 5..9.
        // No columns, line -2 (kind 13): signed varint 5 = -(5 >> 1).
        // Long form (kind 14): line +3, end line +2, cols 0..0x41 (stored + 1).
        // No location (kind 15).
        let table = [
            0x80 | 1 << 3 | 1,
            0x34,
            0x80 | 11 << 3,
            5,
            9,
            0x80 | 13 << 3,
            5,
            0x80 | 14 << 3,
            6,
            2,
            1,
            0x40 | 2,
            1,
            0x80 | 15 << 3 | 2,
        ];
        let got: Vec<_> = entries(&table, 10).collect();
        let want = [
            (0, 2, Location::new(10, 10, 11, 15)),
            (2, 1, Location::new(11, 11, 5, 9)),
            (3, 1, Location::new(9, 9, -1, -1)),
            (4, 1, Location::new(12, 14, 0, 65)),
            (5, 3, Location::NONE),
        ];
        assert_eq!(got.len(), want.len());
        for (entry, (start, len, loc)) in got.iter().zip(want) {
            assert_eq!((entry.start, entry.len, entry.loc), (start, len, loc));
        }
        assert_eq!(positions(&table, 10).count(), 8);
    }

    #[test]
    fn lines_merge_equal_neighbours() {
        // Two short-form entries on line 3, then no location, then line 4.
        let table = [
            0x80,
            0x01,
            0x80 | 1,
            0x02,
            0x80 | 15 << 3,
            0x80 | 11 << 3,
            0,
            1,
        ];
        let got = lines(&table, 3);
        let want = [
            LineRange {
                start: 0,
                end: 3,
                line: Some(3),
            },
            LineRange {
                start: 3,
                end: 4,
                line: None,
            },
            LineRange {
                start: 4,
                end: 5,
                line: Some(4),
            },
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn malformed_tables_end_early() {
        // Truncated long form, a continuation byte where an entry should start, and a
        // varint that never ends.
        for table in [
            &[0x80 | 14 << 3, 0x02][..],
            &[0x05, 0x80][..],
            &[0x80 | 13 << 3, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f][..],
        ] {
            assert_eq!(entries(table, 1).count(), 0, "{table:?}");
        }
        let good_then_bad = [0x80, 0x01, 0x80 | 11 << 3, 1];
        assert_eq!(entries(&good_then_bad, 1).count(), 1);
    }
}
