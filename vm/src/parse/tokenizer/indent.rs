//! Indentation at the start of a line, and backslash line continuations.
//!
//! Columns follow CPython: a tab advances to the next multiple of 8, a form feed resets the
//! column to 0. A second column is kept with tabs counting 1 ("alternate tab size"); an
//! indentation that compares differently under the two measures is ambiguous and raises
//! `TabError`. Blank and comment-only lines never change the indentation, and neither do
//! lines inside brackets.

use super::{LexResult, Lexer, MAX_INDENT, Stop, TAB_SIZE};
use crate::parse::error::ErrorKind;
use crate::parse::token::TokenKind;

const TAB_MSG: &str = "inconsistent use of tabs and spaces in indentation";

impl Lexer<'_> {
    /// Measures the indentation of the line at `self.pos`, emits `Indent`/`Dedent` tokens,
    /// and returns whether the line is blank (only whitespace and maybe a comment).
    pub(super) fn indentation(&mut self) -> LexResult<bool> {
        if self.pos >= self.limit && self.limit < self.src.len() {
            return Err(self.null_byte_error());
        }
        let line_start = self.pos;
        self.buf_line_start = line_start;
        // A backslash continuation inside the indentation: the column where the first one
        // appeared is the line's indentation (indentation cannot span physical lines).
        let mut cont_col = 0u32;
        // Most indentation is spaces only: count that run a word at a time.
        let spaces = count_spaces(&self.src.as_bytes()[self.pos..self.limit]);
        self.pos += spaces;
        // Lines are shorter than `u32::MAX` (the tokenizer refuses larger sources).
        let (mut col, mut alt) = (spaces as u32, spaces as u32);
        loop {
            match self.peek() {
                b' ' => {
                    col = col.saturating_add(1);
                    alt = alt.saturating_add(1);
                }
                b'\t' => {
                    col = (col / TAB_SIZE + 1).saturating_mul(TAB_SIZE);
                    alt = alt.saturating_add(1);
                }
                b'\x0c' => {
                    col = 0;
                    alt = 0;
                }
                b'\\' => {
                    if cont_col == 0 {
                        cont_col = col;
                    }
                    let backslash = self.pos;
                    self.pos += 1;
                    self.continuation_line(backslash)?;
                    // CPython read the next line while no token had started.
                    self.buf_line_start = self.pos;
                    continue;
                }
                _ => break,
            }
            self.pos += 1;
        }
        let c = self.peek();
        let blank = c == b'#' || c == b'\n';
        if blank || !self.parens.is_empty() {
            return Ok(blank);
        }
        if cont_col != 0 {
            // CPython uses the same column for both measures here.
            col = cont_col;
            alt = cont_col;
        }
        let (top_col, top_alt) = self.indents[self.indents.len() - 1];
        if col == top_col {
            if alt != top_alt {
                return Err(self.tab_error());
            }
        } else if col > top_col {
            if self.indents.len() >= MAX_INDENT {
                return Err(self.line_end_error(
                    ErrorKind::IndentationError,
                    "too many levels of indentation",
                ));
            }
            if alt <= top_alt {
                return Err(self.tab_error());
            }
            self.indents.push((col, alt));
            // After a continuation in the indentation, CPython's `tok->buf` (where its INDENT
            // starts) is the last physical line.
            self.push(TokenKind::Indent, self.buf_line_start, self.pos);
        } else {
            let mut dedents = 0;
            while self.indents.len() > 1 && col < self.indents[self.indents.len() - 1].0 {
                self.indents.pop();
                dedents += 1;
            }
            let (top_col, top_alt) = self.indents[self.indents.len() - 1];
            if col != top_col {
                let ls = self.line_start_of(self.pos);
                let offset = self.chars_between(ls, self.line_end_of(self.pos));
                let msg = "unindent does not match any outer indentation level";
                return Err(self.defer(ErrorKind::IndentationError, msg, ls, offset, -1));
            }
            if alt != top_alt {
                return Err(self.tab_error());
            }
            let at = self.pos.min(self.orig_len);
            for _ in 0..dedents {
                self.push(TokenKind::Dedent, at, at);
            }
        }
        Ok(false)
    }

    /// `TabError` as CPython's parser reports `E_TABSPACE`: offset 1, end offset 0.
    fn tab_error(&mut self) -> Stop {
        self.line_end_error(ErrorKind::TabError, TAB_MSG)
    }

    /// An error code reported by `_Pypegen_tokenizer_error` at column 0 of the current line.
    fn line_end_error(&mut self, kind: ErrorKind, msg: &str) -> Stop {
        let ls = self.line_start_of(self.pos);
        self.defer(kind, msg, ls, 1, 0)
    }

    /// After a backslash at `backslash` (already consumed): the next byte must end the line,
    /// and another line must follow.
    pub(super) fn continuation_line(&mut self, backslash: usize) -> LexResult {
        let c = self.bump();
        if c != b'\n' {
            return Err(self.line_continuation_error(backslash));
        }
        if self.pos >= self.limit {
            if self.limit < self.src.len() {
                return Err(self.null_byte_error());
            }
            return Err(self.unexpected_eof());
        }
        Ok(())
    }

    /// "unexpected character after line continuation character" (`E_LINECONT`). CPython
    /// measures the column from `tok->buf`, the start of the line last read outside a token,
    /// which is an earlier line after a multi-line string or another continuation.
    fn line_continuation_error(&mut self, backslash: usize) -> Stop {
        let ls = self.line_start_of(backslash);
        let line_end = self.line_end_of(backslash);
        // The byte offset CPython computes (one past the unexpected byte), clamped like
        // `_PyPegen_byte_offset_to_character_offset`, which then counts the terminating NUL.
        let col = self.pos - self.buf_line_start.min(self.pos);
        let line_len = line_end - ls;
        let offset = if col > line_len {
            self.chars_between(ls, line_end) + 1
        } else {
            self.chars_between(ls, ls + col)
        };
        let msg = "unexpected character after line continuation character";
        self.defer(ErrorKind::SyntaxError, msg, ls, offset.max(1), 0)
    }

    /// "unexpected EOF while parsing" (`E_EOF` outside brackets), or the unclosed bracket.
    fn unexpected_eof(&mut self) -> Stop {
        if !self.parens.is_empty() {
            return self.eof_in_brackets_error();
        }
        // Reported at the tokenizer's cursor: the end of the last line, after its newline.
        let ls = self.line_start_of(self.src.len() - 1);
        let offset = self.chars_between(ls, self.src.len());
        self.defer(
            ErrorKind::SyntaxError,
            "unexpected EOF while parsing",
            ls,
            offset,
            -1,
        )
    }
}

/// The number of leading `' '` bytes of `bytes`.
#[inline]
fn count_spaces(bytes: &[u8]) -> usize {
    const SPACES: u64 = u64::from_ne_bytes([b' '; 8]);
    let mut n = 0;
    while let Some(chunk) = bytes.get(n..n + 8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let diff = word ^ SPACES;
        if diff != 0 {
            return n + (diff.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + bytes[n..].iter().take_while(|&&b| b == b' ').count()
}
