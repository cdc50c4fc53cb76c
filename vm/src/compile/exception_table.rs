//! Reading `co_exceptiontable`, CPython 3.14's zero-cost exception table: which handler
//! covers each range of instructions, at what stack depth, and whether `lasti` is pushed.
//! `dis` prints it; the interpreter's unwinder uses the same entries.
//!
//! Each entry is four varints: start, length and handler target (all in code units), then
//! `depth << 1 | lasti`. Varints are big-endian groups of 6 bits with bit 6 as the
//! continuation flag, and bit 7 set on the first byte of each entry (CPython's
//! `Objects/exception_handling_notes.txt`). Reading never panics: a truncated entry ends the
//! table.

/// One handler range.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionTableEntry {
    /// First code unit covered.
    pub start: u32,
    /// One past the last code unit covered.
    pub end: u32,
    /// The handler's first code unit.
    pub target: u32,
    /// Stack depth to unwind to before jumping to the handler.
    pub depth: u32,
    /// Whether the offset of the raising instruction is pushed before the exception.
    pub lasti: bool,
}

/// Decodes every complete entry of `table`.
pub fn parse(table: &[u8]) -> Vec<ExceptionTableEntry> {
    let mut out = Vec::new();
    let mut bytes = table.iter().copied();
    loop {
        let mut field = || varint(&mut bytes);
        let (Some(start), Some(len), Some(target), Some(depth_lasti)) =
            (field(), field(), field(), field())
        else {
            return out;
        };
        let Some(end) = start.checked_add(len) else {
            return out;
        };
        out.push(ExceptionTableEntry {
            start,
            end,
            target,
            depth: depth_lasti >> 1,
            lasti: depth_lasti & 1 != 0,
        });
    }
}

/// Reads one varint, `None` at the end of the table or on overflow.
fn varint(bytes: &mut impl Iterator<Item = u8>) -> Option<u32> {
    let mut b = bytes.next()?;
    let mut value = u32::from(b & 63);
    while b & 64 != 0 {
        b = bytes.next()?;
        value = value.checked_mul(64)? | u32::from(b & 63);
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_entries() {
        // start 2, len 3, target 70 (= 1 * 64 + 6: two groups), depth 1 with lasti.
        // start 100 (two groups), len 1, target 0, depth 0.
        let table = [0x80 | 2, 3, 0x40 | 1, 6, 3, 0x80 | 0x40 | 1, 36, 1, 0, 0];
        assert_eq!(
            parse(&table),
            [
                ExceptionTableEntry {
                    start: 2,
                    end: 5,
                    target: 70,
                    depth: 1,
                    lasti: true
                },
                ExceptionTableEntry {
                    start: 100,
                    end: 101,
                    target: 0,
                    depth: 0,
                    lasti: false
                },
            ]
        );
    }

    #[test]
    fn truncated_and_overflowing_tables_stop() {
        assert_eq!(parse(&[0x80 | 2, 3, 0x40]), []);
        assert_eq!(
            parse(&[0xff, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x3f, 0, 0, 0]),
            []
        );
        assert_eq!(parse(&[0x80, 1, 2, 3, 0x80]).len(), 1);
    }
}
