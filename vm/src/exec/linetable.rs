//! Decoding CPython 3.11+'s location table (`co_linetable`, PEP 626/657): the source
//! line and column range of each instruction, for tracebacks and `f_lineno`.

/// A decoded source location (lines 1-based, columns 0-based UTF-8 byte offsets).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Location {
    /// Line, if any.
    pub line: Option<i32>,
    /// End line.
    pub end_line: Option<i32>,
    /// Start column.
    pub col: Option<i32>,
    /// End column.
    pub end_col: Option<i32>,
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.data.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    fn varint(&mut self) -> Option<u32> {
        let mut b = self.byte()?;
        let mut val = u32::from(b & 63);
        let mut shift = 6;
        while b & 64 != 0 {
            b = self.byte()?;
            val |= u32::from(b & 63).checked_shl(shift)?;
            shift += 6;
        }
        Some(val)
    }

    fn svarint(&mut self) -> Option<i32> {
        let v = self.varint()?;
        Some(if v & 1 != 0 {
            -((v >> 1) as i32)
        } else {
            (v >> 1) as i32
        })
    }
}

/// The table's entries: `(first code unit, units covered, location)`.
pub fn entries(table: &[u8], firstlineno: i32) -> Vec<(u32, u32, Location)> {
    Entries::new(table, firstlineno).collect()
}

/// The location of the instruction at code unit `index`. Decodes only up to it, without
/// allocating: tracebacks and frame objects ask this for every frame an exception leaves
/// (each `StopIteration`/`StopAsyncIteration` a loop ends with).
pub fn location_for(table: &[u8], firstlineno: i32, index: u32) -> Option<Location> {
    Entries::new(table, firstlineno)
        .take_while(|&(start, _, _)| start <= index)
        .find(|&(start, len, _)| index < start + len)
        .map(|(_, _, loc)| loc)
}

/// Decodes the table entry by entry.
struct Entries<'a> {
    r: Reader<'a>,
    line: i32,
    unit: u32,
}

impl<'a> Entries<'a> {
    fn new(table: &'a [u8], firstlineno: i32) -> Self {
        Entries {
            r: Reader {
                data: table,
                pos: 0,
            },
            line: firstlineno,
            unit: 0,
        }
    }
}

impl Iterator for Entries<'_> {
    type Item = (u32, u32, Location);

    fn next(&mut self) -> Option<Self::Item> {
        let r = &mut self.r;
        let first = r.byte()?;
        if first & 0x80 == 0 {
            return None;
        }
        let code = (first >> 3) & 15;
        let len = u32::from(first & 7) + 1;
        let loc = match code {
            0..=9 => {
                let next = r.byte()?;
                let col = i32::from(code) * 8 + i32::from((next >> 4) & 7);
                Location {
                    line: Some(self.line),
                    end_line: Some(self.line),
                    col: Some(col),
                    end_col: Some(col + i32::from(next & 15)),
                }
            }
            10..=12 => {
                self.line += i32::from(code) - 10;
                let (c0, c1) = (r.byte()?, r.byte()?);
                Location {
                    line: Some(self.line),
                    end_line: Some(self.line),
                    col: Some(i32::from(c0)),
                    end_col: Some(i32::from(c1)),
                }
            }
            13 => {
                self.line += r.svarint()?;
                // "No columns": the entry still spans its one line.
                Location {
                    line: Some(self.line),
                    end_line: Some(self.line),
                    ..Location::default()
                }
            }
            14 => {
                let d = r.svarint()?;
                let dl = r.varint()?;
                let c0 = r.varint()?;
                let c1 = r.varint()?;
                self.line += d;
                Location {
                    line: Some(self.line),
                    end_line: Some(self.line + dl as i32),
                    col: Some(c0 as i32 - 1),
                    end_col: Some(c1 as i32 - 1),
                }
            }
            _ => Location::default(),
        };
        let start = self.unit;
        self.unit += len;
        Some((start, len, loc))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_forms() {
        // Entry 1: code 14 (long), 1 unit: line +1, end line +0, cols 4..9 (stored +1).
        // Entry 2: code 0 (short), 2 units: col 0*8 + 2 = 2, end col 2 + 3.
        let table = [0x80 | (14 << 3), 2, 0, 5, 10, 0x80 | 1, 0x23];
        let e = entries(&table, 10);
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].2.line, Some(11));
        assert_eq!((e[0].2.col, e[0].2.end_col), (Some(4), Some(9)));
        assert_eq!((e[1].0, e[1].1), (1, 2));
        assert_eq!((e[1].2.col, e[1].2.end_col), (Some(2), Some(5)));
        assert_eq!(location_for(&table, 10, 2).and_then(|l| l.line), Some(11));
    }
}
