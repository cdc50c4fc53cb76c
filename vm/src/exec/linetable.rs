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

/// Iterates over the table's entries: `(first code unit, units covered, location)`.
pub fn entries(table: &[u8], firstlineno: i32) -> Vec<(u32, u32, Location)> {
    let mut out = Vec::new();
    let mut r = Reader {
        data: table,
        pos: 0,
    };
    let mut line = firstlineno;
    let mut unit = 0u32;
    while let Some(first) = r.byte() {
        if first & 0x80 == 0 {
            break;
        }
        let code = (first >> 3) & 15;
        let len = u32::from(first & 7) + 1;
        let loc = match code {
            0..=9 => {
                let Some(next) = r.byte() else { break };
                let col = i32::from(code) * 8 + i32::from((next >> 4) & 7);
                Location {
                    line: Some(line),
                    end_line: Some(line),
                    col: Some(col),
                    end_col: Some(col + i32::from(next & 15)),
                }
            }
            10..=12 => {
                line += i32::from(code) - 10;
                let (Some(c0), Some(c1)) = (r.byte(), r.byte()) else {
                    break;
                };
                Location {
                    line: Some(line),
                    end_line: Some(line),
                    col: Some(i32::from(c0)),
                    end_col: Some(i32::from(c1)),
                }
            }
            13 => {
                let Some(d) = r.svarint() else { break };
                line += d;
                // "No columns": the entry still spans its one line.
                Location {
                    line: Some(line),
                    end_line: Some(line),
                    ..Location::default()
                }
            }
            14 => {
                let (Some(d), Some(dl), Some(c0), Some(c1)) =
                    (r.svarint(), r.varint(), r.varint(), r.varint())
                else {
                    break;
                };
                line += d;
                Location {
                    line: Some(line),
                    end_line: Some(line + dl as i32),
                    col: Some(c0 as i32 - 1),
                    end_col: Some(c1 as i32 - 1),
                }
            }
            _ => Location::default(),
        };
        out.push((unit, len, loc));
        unit += len;
    }
    out
}

/// The location of the instruction at code unit `index`.
pub fn location_for(table: &[u8], firstlineno: i32, index: u32) -> Option<Location> {
    entries(table, firstlineno)
        .into_iter()
        .find(|&(start, len, _)| start <= index && index < start + len)
        .map(|(_, _, loc)| loc)
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
