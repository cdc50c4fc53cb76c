//! Maps byte offsets in the normalized source to CPython's line and column numbers.
//!
//! CPython reports `lineno` (1-based), `col_offset` (0-based, in UTF-8 bytes from the start of
//! the line) for AST nodes, and 1-based *character* offsets for `SyntaxError.offset`. Both are
//! derived here from the byte offsets that tokens and spans carry.

/// Line starts of a source text, for offset → (line, column) queries.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset at which each line starts; `line_starts[0] == 0`.
    line_starts: Vec<u32>,
}

impl LineIndex {
    /// Indexes `source`, whose newlines are already normalized to `\n`.
    pub fn new(source: &str) -> Self {
        let mut line_starts = Vec::with_capacity(source.len() / 32 + 1);
        line_starts.push(0);
        line_starts.extend(memchr::memchr_iter(b'\n', source.as_bytes()).map(|i| i as u32 + 1));
        LineIndex { line_starts }
    }

    /// Number of lines (a trailing newline starts an empty last line).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// 1-based line number containing byte `offset`.
    #[inline]
    pub fn line(&self, offset: u32) -> u32 {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    /// 1-based line number and 0-based UTF-8 byte column of `offset` (AST convention).
    #[inline]
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let line = self.line(offset);
        (line, offset - self.line_starts[line as usize - 1])
    }

    /// Byte offset where 1-based `line` starts (clamped to the last line).
    pub fn line_start(&self, line: u32) -> u32 {
        let i = (line.max(1) as usize - 1).min(self.line_starts.len() - 1);
        self.line_starts[i]
    }

    /// The text of 1-based `line` without its newline.
    pub fn line_text<'s>(&self, source: &'s str, line: u32) -> &'s str {
        let start = self.line_start(line) as usize;
        let rest = &source[start.min(source.len())..];
        match rest.find('\n') {
            Some(n) => &rest[..n],
            None => rest,
        }
    }

    /// 1-based *character* column of `offset` within its line (`SyntaxError.offset`).
    pub fn char_col(&self, source: &str, offset: u32) -> u32 {
        let start = self.line_start(self.line(offset)) as usize;
        let end = (offset as usize).min(source.len());
        source
            .get(start..end)
            .map_or(0, |s| s.chars().count() as u32)
            + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns() {
        let src = "ab\nc\u{e9}d\n\nx";
        let li = LineIndex::new(src);
        assert_eq!(li.line_count(), 4);
        assert_eq!(li.line_col(0), (1, 0));
        assert_eq!(li.line_col(2), (1, 2));
        assert_eq!(li.line_col(3), (2, 0));
        // 'd' is after a two-byte character: byte column 3, character column 3 (1-based).
        assert_eq!(li.line_col(6), (2, 3));
        assert_eq!(li.char_col(src, 6), 3);
        assert_eq!(li.line_text(src, 2), "c\u{e9}d");
        assert_eq!(li.line_col(8), (3, 0));
        assert_eq!(li.line_text(src, 4), "x");
    }
}
