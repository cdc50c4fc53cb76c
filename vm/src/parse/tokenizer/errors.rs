//! Tokenizer errors and warnings with CPython's messages and locations.
//!
//! CPython reports tokenizer problems two ways, and its parser treats them differently:
//!
//! - *raised* errors (`_PyTokenizer_syntaxerror`): the exception is set inside the tokenizer;
//!   its `offset` is the number of characters from the line start to the tokenizer's cursor,
//!   and its `end_offset` the same unless a range is known;
//! - *deferred* errors (an error code in `tok->done`: indentation, line continuation, end of
//!   input): the parser builds the exception when it receives the error token
//!   (`_Pypegen_tokenizer_error`), from the tokenizer's state at that moment.
//!
//! Both are built here in their final form; [`TokenizerErrorInfo`] records which kind it was
//! and what `_PyPegen_tokenize_full_source_to_check_for_errors` needs.

use super::{Lexer, Stop, TokenStream, TokenizerWarning};
use crate::parse::error::{ErrorKind, SyntaxError};

/// How CPython's parser treats [`TokenStream::error`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TokenizerErrorInfo {
    /// The tokenizer raised the exception itself (rather than leaving an error code for the
    /// parser); only such errors replace a parser error found earlier in the file.
    pub raised: bool,
    /// The error happened inside an f-string or t-string, where a parser error wins.
    pub in_fstring: bool,
    /// "'(' was never closed" for the innermost bracket still open when tokenizing stopped.
    pub never_closed: Option<SyntaxError>,
}

impl TokenStream {
    /// The error that replaces a parser `SyntaxError` reported on line `parser_err_line`,
    /// following CPython's `_PyPegen_tokenize_full_source_to_check_for_errors`; `None`
    /// keeps the parser's error.
    pub fn error_after_parse_error(&self, parser_err_line: u32) -> Option<SyntaxError> {
        let err = self.error.as_ref()?;
        let info = &self.error_info;
        if info.raised {
            return (!info.in_fstring).then(|| err.clone());
        }
        let unclosed = info.never_closed.as_ref()?;
        (parser_err_line > unclosed.lineno).then(|| unclosed.clone())
    }
}

impl Lexer<'_> {
    // --- Locations ---

    /// 1-based line of byte `pos` (a `\n` belongs to the line it ends).
    pub(super) fn line_of(&self, pos: usize) -> u32 {
        let pos = pos.min(self.src.len());
        let newlines = self.src.as_bytes()[..pos]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        newlines as u32 + 1
    }

    /// Start of the line holding byte `pos`.
    pub(super) fn line_start_of(&self, pos: usize) -> usize {
        let pos = pos.min(self.src.len());
        self.src.as_bytes()[..pos]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1)
    }

    /// End of the line holding byte `pos`, after its newline.
    pub(super) fn line_end_of(&self, pos: usize) -> usize {
        let pos = pos.min(self.src.len());
        (pos + super::memchr_newline(&self.src.as_bytes()[pos..]) + 1).min(self.src.len())
    }

    /// The line starting at `line_start`, without its newline.
    pub(super) fn line_text(&self, line_start: usize) -> String {
        let rest = &self.src.as_bytes()[line_start.min(self.src.len())..];
        let n = super::memchr_newline(rest);
        String::from_utf8_lossy(&rest[..n]).into_owned()
    }

    /// Number of characters in `src[from..to]` (0 if the range is empty or reversed).
    pub(super) fn chars_between(&self, from: usize, to: usize) -> i32 {
        let to = to.min(self.src.len());
        if from >= to {
            return 0;
        }
        // Count the bytes that start a UTF-8 sequence.
        let bytes = &self.src.as_bytes()[from..to];
        bytes.iter().filter(|&&b| (b as i8) >= -0x40).count() as i32
    }

    /// The line CPython's tokenizer is on when the last byte it read is at `last_read`: it
    /// reads lines lazily, so a cursor at the very start of a line may still be on the
    /// previous one. Returns the line number and the line's start.
    pub(super) fn cursor_line(&self, last_read: usize) -> (u32, usize) {
        let p = last_read.min(self.src.len().saturating_sub(1));
        (self.line_of(p), self.line_start_of(p))
    }

    // --- Raised errors ---

    /// `_PyTokenizer_syntaxerror` with the cursor at `cur` and CPython's last read byte at
    /// `last_read`: the offsets count the characters from the line start to the cursor.
    pub(super) fn raise_at(&mut self, cur: usize, last_read: usize, msg: String) -> Stop {
        let (lineno, line_start) = self.cursor_line(last_read);
        let col = self.chars_between(line_start, cur);
        self.raise_full(msg, lineno, line_start, col, col)
    }

    /// The common case of [`Self::raise_at`]: the byte before the cursor was read last.
    pub(super) fn raise_here(&mut self, cur: usize, msg: String) -> Stop {
        self.raise_at(cur, cur.saturating_sub(1), msg)
    }

    /// `_PyTokenizer_syntaxerror_known_range` for the token from byte `start` to the cursor
    /// `cur`: the offsets are the 1-based character columns of `start` and of `end`.
    pub(super) fn raise_range(
        &mut self,
        cur: usize,
        start: usize,
        end: usize,
        msg: String,
    ) -> Stop {
        let (lineno, line_start) = self.cursor_line(cur.saturating_sub(1));
        let col = self.chars_between(line_start, start) + 1;
        let end_col = self.chars_between(line_start, end);
        self.raise_full(msg, lineno, line_start, col, end_col)
    }

    pub(super) fn raise_full(
        &mut self,
        msg: String,
        lineno: u32,
        line_start: usize,
        offset: i32,
        end_offset: i32,
    ) -> Stop {
        let e = self.make_error(
            ErrorKind::SyntaxError,
            msg,
            lineno,
            line_start,
            offset,
            end_offset,
        );
        self.set_error(e, true)
    }

    fn make_error(
        &self,
        kind: ErrorKind,
        msg: String,
        lineno: u32,
        line_start: usize,
        offset: i32,
        end_offset: i32,
    ) -> SyntaxError {
        let mut e = SyntaxError::new(kind, msg);
        e.lineno = lineno;
        e.end_lineno = lineno;
        e.offset = offset;
        e.end_offset = end_offset;
        e.text = Some(self.line_text(line_start));
        e
    }

    /// Records `e` as the stream's error (the first one wins).
    fn set_error(&mut self, e: SyntaxError, raised: bool) -> Stop {
        if self.error.is_none() {
            let info = TokenizerErrorInfo {
                raised,
                in_fstring: !self.modes.is_empty(),
                never_closed: self.never_closed(),
            };
            self.error = Some((e, info));
        }
        Stop
    }

    /// "'(' was never closed" for the innermost open bracket (`raise_unclosed_parentheses_error`).
    fn never_closed(&self) -> Option<SyntaxError> {
        let p = self.parens.last()?;
        let pos = p.pos as usize;
        let ls = self.line_start_of(pos);
        let msg = format!("'{}' was never closed", p.ch as char);
        let offset = self.chars_between(ls, pos) + 1;
        // CPython passes an end column of -1, which its +1 turns into 0.
        Some(self.make_error(
            ErrorKind::SyntaxError,
            msg,
            self.line_of(pos),
            ls,
            offset,
            0,
        ))
    }

    /// An unterminated literal that starts at `start` (its first prefix character), found on
    /// reading `c` (0 at the end of input): CPython reports it on the literal's first line, at
    /// its first character. `msg` receives the line where the end was detected.
    pub(super) fn unterminated(
        &mut self,
        start: usize,
        c: u8,
        msg: impl FnOnce(u32) -> String,
    ) -> Stop {
        if c == 0 && self.limit < self.src.len() {
            return self.null_byte_error();
        }
        let last = if c == 0 { self.src.len() } else { self.pos };
        let detected = self.line_of(last.saturating_sub(1));
        let ls = self.line_start_of(start);
        let offset = self.chars_between(ls, start + 1);
        let lineno = self.line_of(start);
        self.raise_full(msg(detected), lineno, ls, offset, offset)
    }

    // --- Deferred errors ---

    /// An error CPython's parser builds from an error code, at `lineno` with these offsets.
    pub(super) fn defer(
        &mut self,
        kind: ErrorKind,
        msg: &str,
        line_start: usize,
        offset: i32,
        end_offset: i32,
    ) -> Stop {
        let lineno = self.line_of(line_start);
        let e = self.make_error(kind, msg.into(), lineno, line_start, offset, end_offset);
        self.set_error(e, false)
    }

    /// Null bytes: reported when CPython reads the line holding one, at column 0.
    pub(super) fn null_byte_error(&mut self) -> Stop {
        let ls = self.limit;
        let lineno = self.line_of(ls);
        self.raise_full(
            "source code cannot contain null bytes".into(),
            lineno,
            ls,
            0,
            0,
        )
    }

    /// End of input inside brackets: the parser reports the innermost bracket.
    pub(super) fn eof_in_brackets_error(&mut self) -> Stop {
        let e = self.never_closed();
        match e {
            Some(e) => self.set_error(e, false),
            None => Stop,
        }
    }

    // --- Warnings ---

    /// A SyntaxWarning with the cursor at `cur`; `as_error` is what `-W error` raises.
    pub(super) fn warn(&mut self, cur: usize, msg: String) {
        self.warn_with_error(cur, msg.clone(), msg);
    }

    /// A SyntaxWarning whose `-W error` form has a different message.
    pub(super) fn warn_with_error(&mut self, cur: usize, msg: String, err_msg: String) {
        let (lineno, line_start) = self.cursor_line(cur.saturating_sub(1));
        let col = self.chars_between(line_start, cur);
        let as_error = self.make_error(
            ErrorKind::SyntaxError,
            err_msg,
            lineno,
            line_start,
            col,
            col,
        );
        self.warnings.push(TokenizerWarning {
            msg,
            lineno,
            as_error,
        });
    }
}
