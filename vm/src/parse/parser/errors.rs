//! Error raising and reporting with CPython's locations: the `RAISE_*` helpers, the second
//! (error) pass, the generic-error fallbacks and the priority of tokenizer errors.
//!
//! Locations are first recorded the way pegen records them (line plus a byte column that is
//! 1-based for real tokens but raw for the position-less INDENT/DEDENT/ENDMARKER tokens) and
//! only converted to CPython's character offsets when the error is final, because pegen
//! converts both the start and the end column against the text of the *start* line.

use super::Parser;
use crate::ast::Span;
use crate::parse::token::{Token, TokenKind};
use crate::parse::{ErrorKind, Mode, SyntaxError};

/// An error recorded by the parser, not yet converted to character offsets.
pub(super) enum PendingError {
    /// Already complete (tokenizer errors, MemoryError, ValueError).
    Final(SyntaxError),
    /// pegen's raw numbers: `col`/`end_col` are byte offsets as pegen passes them to
    /// `_PyPegen_raise_error_known_location` (0 or negative means unset).
    Located {
        kind: ErrorKind,
        msg: String,
        lineno: u32,
        col: i64,
        end_lineno: u32,
        end_col: i64,
    },
}

impl<'a> Parser<'a, '_> {
    // --- Positions ------------------------------------------------------------------------

    /// `(line, 0-based byte column)` of a byte offset.
    pub(super) fn line_col_at(&self, off: u32) -> (u32, i64) {
        let (l, c) = self.lines.line_col(off);
        (l, i64::from(c))
    }

    /// Where a NEWLINE token ends for pegen: one column past its `\n`, on the `\n`'s line.
    /// At the end of a source without a final newline, `exec` input has one appended by
    /// CPython's tokenizer (so the position is one past the end) and other modes do not.
    fn newline_end(&self, end: u32) -> (u32, i64) {
        let bytes = self.src.as_bytes();
        let o = end as usize;
        if o > 0 && o <= bytes.len() && bytes[o - 1] == b'\n' {
            let (l, c) = self.line_col_at(end - 1);
            return (l, c + 1);
        }
        let (l, c) = self.line_col_at(end);
        (l, c + i64::from(self.mode == Mode::Exec))
    }

    /// The line the tokenizer is on at the end of the source (0 for an empty source).
    fn eof_line(&self) -> u32 {
        if self.src.is_empty() {
            0
        } else {
            self.newline_end(self.src.len() as u32).0
        }
    }

    /// Where the tokenizer's cursor is after the token `t` (pegen's `CURRENT_POS`): past the
    /// newline for NEWLINE, and past the final (possibly implicit) newline for the tokens
    /// placed at the end of the source.
    fn cursor_after(&self, t: Token) -> (u32, i64) {
        let at_end = t.start as usize >= self.src.len();
        if t.kind == TokenKind::Newline || (at_end && self.is_positionless(t)) {
            return self.newline_end(t.end);
        }
        self.line_col_at(t.end)
    }

    /// The last token fetched (`p->tokens[p->fill - 1]`).
    pub(super) fn last_fetched(&self) -> Token {
        self.tok(self.fill.saturating_sub(1))
    }

    /// pegen's token columns: real tokens have a start and end; position-less tokens have
    /// column -1 (so an error *at* the token reports column 0) and the tokenizer's line (the
    /// last line of the source for the final ones).
    fn token_lc(&self, t: Token) -> ((u32, i64), (u32, i64)) {
        if self.is_positionless(t) {
            let line = if t.start as usize >= self.src.len() {
                self.eof_line()
            } else {
                self.lines.line(t.start)
            };
            return ((line, -1), (line, -1));
        }
        let start = self.line_col_at(t.start);
        let end = if t.kind == TokenKind::Newline {
            self.newline_end(t.end)
        } else {
            self.line_col_at(t.end)
        };
        (start, end)
    }

    /// INDENT, DEDENT and ENDMARKER carry no columns in CPython. Outside `exec` mode the
    /// tokenizer appends no newline, so the empty NEWLINE that ends such a source stands for
    /// the end-of-input token (pegen's `single` mode turns ENDMARKER into NEWLINE there).
    fn is_positionless(&self, t: Token) -> bool {
        match t.kind {
            TokenKind::Indent | TokenKind::Dedent | TokenKind::EndMarker => true,
            TokenKind::Newline => {
                self.mode != Mode::Exec && t.start == t.end && t.start as usize >= self.src.len()
            }
            _ => false,
        }
    }

    // --- Raising --------------------------------------------------------------------------

    fn set_error(&mut self, e: PendingError) {
        if self.error.is_none() {
            self.error = Some(e);
        }
    }

    fn located(&mut self, kind: ErrorKind, msg: String, start: (u32, i64), end: (u32, i64)) {
        self.set_error(PendingError::Located {
            kind,
            msg,
            lineno: start.0,
            col: start.1,
            end_lineno: end.0,
            end_col: end.1,
        });
    }

    /// `RAISE_SYNTAX_ERROR` / `RAISE_INDENTATION_ERROR`: at the last token fetched.
    pub(super) fn raise_last_token(&mut self, kind: ErrorKind, msg: impl Into<String>) {
        let t = self.last_fetched();
        let msg = msg.into();
        if self.is_positionless(t) {
            let (l, c) = self.cursor_after(t);
            self.located(kind, msg, (l, c), (l, -1));
        } else {
            let (s, e) = self.token_lc(t);
            self.located(kind, msg, (s.0, s.1 + 1), (e.0, e.1 + 1));
        }
    }

    /// `RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b)`: from the start of `a` to the end of `b`.
    pub(super) fn raise_range(&mut self, msg: impl Into<String>, a: Span, b: Span) {
        let s = self.line_col_at(a.start);
        let e = self.line_col_at(b.end);
        self.located(
            ErrorKind::SyntaxError,
            msg.into(),
            (s.0, s.1 + 1),
            (e.0, e.1 + 1),
        );
    }

    /// `RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a)`.
    pub(super) fn raise_at(&mut self, msg: impl Into<String>, a: Span) {
        self.raise_range(msg, a, a);
    }

    /// `RAISE_SYNTAX_ERROR_KNOWN_LOCATION(tok)` for a token (NEWLINE ends one column on).
    pub(super) fn raise_at_token(&mut self, msg: impl Into<String>, i: usize) {
        let t = self.tok(i);
        let (s, e) = self.token_lc(t);
        self.located(
            ErrorKind::SyntaxError,
            msg.into(),
            (s.0, s.1 + 1),
            (e.0, e.1 + 1),
        );
    }

    /// `RAISE_SYNTAX_ERROR_KNOWN_RANGE(tok_a, tok_b)` for tokens.
    pub(super) fn raise_token_range(&mut self, msg: impl Into<String>, a: usize, b: usize) {
        let (s, _) = self.token_lc(self.tok(a));
        let (_, e) = self.token_lc(self.tok(b));
        self.located(
            ErrorKind::SyntaxError,
            msg.into(),
            (s.0, s.1 + 1),
            (e.0, e.1 + 1),
        );
    }

    /// `RAISE_SYNTAX_ERROR_STARTING_FROM(a)`: from `a` to the tokenizer cursor.
    pub(super) fn raise_starting_from(&mut self, msg: impl Into<String>, start: u32) {
        let s = self.line_col_at(start);
        let e = self.cursor_after(self.last_fetched());
        self.located(ErrorKind::SyntaxError, msg.into(), (s.0, s.1 + 1), e);
    }

    /// `RAISE_SYNTAX_ERROR_ON_NEXT_TOKEN`: at the token under the cursor.
    pub(super) fn raise_on_next_token(&mut self, msg: impl Into<String>) {
        self.peek();
        let i = self.pos;
        self.raise_at_token(msg, i);
    }

    /// An error at an explicit `(line, col)`..`(end_line, end_col)` in pegen's raw numbers.
    pub(super) fn raise_raw(
        &mut self,
        kind: ErrorKind,
        msg: impl Into<String>,
        start: (u32, i64),
        end: (u32, i64),
    ) {
        self.located(kind, msg.into(), start, end);
    }

    /// A ValueError (not a SyntaxError: no second pass, no location).
    pub(super) fn raise_value_error(&mut self, msg: String) {
        self.set_error(PendingError::Final(SyntaxError::new(
            ErrorKind::ValueError,
            msg,
        )));
    }

    /// Records a SyntaxWarning at the line of byte offset `off`.
    pub(super) fn warn(&mut self, msg: String, off: u32) {
        let lineno = self.lines.line(off);
        self.warnings.push(crate::parse::Warning { msg, lineno });
    }

    // --- Reporting ------------------------------------------------------------------------

    /// After a failed first pass: runs the error pass when appropriate and returns the error
    /// CPython would raise.
    pub(super) fn second_pass_and_report(&mut self) -> SyntaxError {
        if let Some(PendingError::Final(e)) = &self.error
            && !e.kind.is_syntax()
        {
            return e.clone();
        }
        let last_token = self.last_fetched();
        let reached_tok_err = self.fill > self.toks.len();
        if self.error.is_none() {
            self.pos = 0;
            self.memo.clear();
            self.invalid_pass = true;
            self.error_pass = true;
            self.compute_levels();
            let _ = self.start_rule();
        }
        if let Some(PendingError::Final(e)) = &self.error
            && !e.kind.is_syntax()
        {
            return e.clone();
        }
        if self.error.is_some() {
            let reached_now = self.fill > self.toks.len();
            if !reached_tok_err && !reached_now {
                self.prefer_later_tokenizer_error();
            }
            return self.finish_error();
        }
        if matches!(last_token.kind, TokenKind::Indent | TokenKind::Dedent) {
            let msg = if last_token.kind == TokenKind::Indent {
                "unexpected indent"
            } else {
                "unexpected unindent"
            };
            self.raise_last_token(ErrorKind::IndentationError, msg);
            return self.finish_error();
        }
        {
            let (s, e) = self.token_lc(last_token);
            self.located(
                ErrorKind::SyntaxError,
                "invalid syntax".into(),
                (s.0, s.1 + 1),
                (e.0, e.1 + 1),
            );
        }
        if !reached_tok_err {
            self.prefer_later_tokenizer_error();
        }
        self.finish_error()
    }

    /// A tokenizer error beyond the parser's reach replaces the parser's error when CPython's
    /// full-source re-tokenization would raise it.
    fn prefer_later_tokenizer_error(&mut self) {
        // Whatever the tokenizer finds, the parser's error stands when tokenizing stopped
        // inside an f-string or t-string (even for a bracket never closed there).
        if self.stream.error_info.in_fstring {
            return;
        }
        let (current_line, _) = self.line_col_at(self.last_fetched().start);
        if let Some(e) = self.stream.error_after_parse_error(current_line) {
            self.error = Some(PendingError::Final(e));
        }
    }

    /// Converts the recorded error to CPython's `SyntaxError` attributes.
    pub(super) fn finish_error(&mut self) -> SyntaxError {
        let mut e = self.located_error();
        if e.kind.is_syntax() {
            e.stmt_lineno = self.last_stmt_line;
        }
        e
    }

    fn located_error(&mut self) -> SyntaxError {
        match self.error.take() {
            Some(PendingError::Final(e)) => e,
            Some(PendingError::Located {
                kind,
                msg,
                lineno,
                col,
                end_lineno,
                end_col,
            }) => {
                let line = self.lines.line_text(self.src, lineno);
                let cursor_line = self.cursor_after(self.last_fetched()).0;
                let with_newline = lineno >= cursor_line
                    && (self.lines.line_start(lineno) as usize + line.len()) < self.src.len();
                let len = line.len() + usize::from(with_newline || lineno >= cursor_line);
                let offset = if col > 0 {
                    byte_to_char_offset(line, len, col as usize) as u32
                } else {
                    0
                };
                let end_offset = if end_col > 0 {
                    byte_to_char_offset(line, len, end_col as usize) as i32
                } else {
                    end_col.max(-1) as i32
                };
                SyntaxError {
                    kind,
                    msg,
                    lineno,
                    offset: offset as i32,
                    end_lineno,
                    end_offset,
                    text: Some(line.to_string()),
                    stmt_lineno: 0,
                }
            }
            None => SyntaxError::new(ErrorKind::SyntaxError, "invalid syntax"),
        }
    }

    /// Paren nesting level of every token (pegen's `Token.level`), for the error pass.
    fn compute_levels(&mut self) {
        let mut levels = Vec::with_capacity(self.toks.len());
        let mut level: u16 = 0;
        for t in self.toks {
            match t.kind {
                TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                    level = level.saturating_add(1)
                }
                TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                    level = level.saturating_sub(1)
                }
                _ => {}
            }
            levels.push(level);
        }
        self.levels = levels;
    }

    /// Bracket nesting level after token `i`.
    pub(super) fn level_at(&self, i: usize) -> u16 {
        self.levels.get(i).copied().unwrap_or(0)
    }

    /// Single-input mode: anything but whitespace and comments after the statement.
    pub(super) fn bad_single_statement(&self) -> bool {
        let rest = &self.src[self.last_fetched().end.min(self.src.len() as u32) as usize..];
        let mut lines = rest.split('\n');
        lines.any(|l| {
            let l = l.trim_start_matches([' ', '\t', '\x0c', '\r']);
            !l.is_empty() && !l.starts_with('#')
        })
    }
}

/// pegen's `_PyPegen_byte_offset_to_character_offset`: the number of characters in the first
/// `col` bytes of `line` (whose length counts as `len`), a cut character counting as one.
fn byte_to_char_offset(line: &str, len: usize, col: usize) -> usize {
    let col = col.min(len + 1);
    let bytes = line.as_bytes();
    let upto = col.min(bytes.len());
    let mut n = 0;
    let mut i = 0;
    while i < upto {
        let b = bytes[i];
        let w = if b < 0x80 {
            1
        } else if b >> 5 == 0b110 {
            2
        } else if b >> 4 == 0b1110 {
            3
        } else {
            4
        };
        n += 1;
        i += w;
    }
    n + col.saturating_sub(bytes.len())
}

#[cfg(test)]
mod tests {
    use super::byte_to_char_offset;

    #[test]
    fn byte_offsets_become_character_offsets() {
        let line = "\u{e9} = (1 b)";
        // '(' is byte 4 (0-based); pegen passes 5 (1-based) and reports character 5.
        assert_eq!(byte_to_char_offset(line, line.len(), 6), 5);
        // A cut inside the two-byte character still counts it once.
        assert_eq!(byte_to_char_offset(line, line.len(), 1), 1);
        // Past the end: clamped to one beyond the line.
        assert_eq!(byte_to_char_offset("ab", 2, 9), 3);
    }
}
