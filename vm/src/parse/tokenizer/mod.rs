//! The Python 3.14 tokenizer: turns decoded source text into the token list the parser reads.
//!
//! It reproduces CPython 3.14's C tokenizer (`Parser/lexer/lexer.c`): what it accepts, the
//! tokens the PEG parser sees, and every error it raises with CPython's type, message and
//! location. It runs eagerly over the whole source and stops at the first error; see
//! "Errors" below for how the parser recovers CPython's lazy behaviour from that.
//!
//! # Input
//!
//! [`tokenize`] takes text whose newlines are already normalized to `\n` (see
//! [`super::source::decode`]). Like CPython's `exec` input, a source that does not end with a
//! newline is tokenized as if it did: the implicit final `Newline` token is empty, at the end.
//! [`tokenize_input`] also covers `eval` and `single` input, where CPython adds no newline.
//!
//! # The token stream contract
//!
//! - Kinds are those of [`TokenKind`]. Hard keywords get their own kinds; soft keywords
//!   (`match`, `case`, `type`, `_`) are `Name`. Comments and non-logical newlines (CPython's
//!   `NL`) are dropped, and there are no type comments.
//! - `Newline` ends each logical line; there is none inside brackets nor for blank or
//!   comment-only lines. It runs from the comment before it, if any, through the `\n`
//!   character, as CPython's parser sees it; at the end of a source without a final newline it
//!   is empty (CPython's implicit newline ends one column further). At the end of input the
//!   stream holds one `Dedent` per open indentation level and then `EndMarker`, all empty and
//!   placed at the end of the source.
//! - `Indent` covers the leading whitespace of the line that opens the block; `Dedent`s are
//!   empty, at the first token of the line that closes the blocks. (CPython's parser sees
//!   both with column -1 and reports errors on them at the tokenizer's current position,
//!   which is the end of the `Indent` range or the position of the `Dedent`s.)
//! - A string or bytes literal with any non-f/t prefix (`r`, `u`, `b`, `br`, `rb`, any case)
//!   is one `String` token covering prefix and quotes; the parser decodes escapes.
//! - Numbers are one `Number` token covering the literal text (`1_000`, `0x_f`, `1e-3j`...).
//! - Names are not normalized: the parser applies NFKC when it makes identifiers.
//! - A character that is no Python token (`$`, `?`, `` ` ``) is an [`TokenKind::Op`] token:
//!   it matches no grammar rule, so the parser reports "invalid syntax" on it as CPython does.
//!
//! ## f-strings and t-strings (PEP 701, PEP 750)
//!
//! `f"a{{b}}{x!r:>{w}} {y=}"` gives `FstringStart` (prefix and quote, `f"`), then the
//! literal parts and replacement fields: `FstringMiddle "a{{"`, `FstringMiddle "b}}"`,
//! `Lbrace`, `Name x`, `Exclamation`, `Name r`, `Colon`, `FstringMiddle ">"`, `Lbrace`,
//! `Name w`, `Rbrace`, `FstringMiddle ""`, `Rbrace`, `FstringMiddle " "`, `Lbrace`, `Name y`,
//! `Equal`, `Rbrace`, and `FstringEnd` (the closing quote). t-strings use the `Tstring*` kinds.
//!
//! Middle ranges are CPython's column ranges: **a doubled brace ends a middle, and both of its
//! braces are in the middle's range** while the literal holds one. [`middle_text`] gives the
//! text without the second brace; decoding its escapes (unless the string is raw) gives the
//! literal value, and CPython's `Constant` positions follow from the ranges. A middle may be
//! empty (e.g. the format spec of `f"{x:}"`, or after a nested field in a spec); the parser
//! skips empty middles as CPython does. A `\N{...}` escape stays inside one middle.
//!
//! Inside a replacement field the tokens are ordinary expression tokens. `=` directly in the
//! field is `Equal` (the debug specifier), `!=` stays `NotEqual`, `!` is `Exclamation`.
//! A `:` at the field's top bracket level starts the format spec (even when `=` follows: no
//! `:=` there); inside parentheses `:=` is `ColonEqual`. The debug text of `{expr=}` (and
//! the `str` of a t-string interpolation) is the source between the `Lbrace` and the first
//! top-level `Exclamation`/`Colon`/`Rbrace` of the field, with comments removed by
//! [`strip_expr_comments`], which mirrors CPython's algorithm.
//!
//! # Errors
//!
//! The token list stops before the first tokenizer error, stored in [`TokenStream::error`]
//! as the exception CPython raises when its parser asks for the failing token, with
//! CPython's location. The parser:
//!
//! 1. raises `error` when it needs a token beyond the list (CPython's tokenizer is lazy, so
//!    a parse error earlier in the file wins over a tokenizer error later in it);
//! 2. when it fails with its own `SyntaxError` (specific, or the generic "invalid syntax")
//!    whose reported token is on line `L`, calls [`TokenStream::error_after_parse_error`]`(L)`,
//!    which replays `_PyPegen_tokenize_full_source_to_check_for_errors`: an error the tokenizer
//!    *raises* (e.g. an unterminated string further down) replaces the parser's error unless
//!    it happened inside an f-string; an error CPython only reports when the parser reaches
//!    it (indentation errors, a bad line continuation, end of input) is ignored, except that an
//!    unclosed bracket opened on a line before `L` becomes "'(' was never closed". CPython
//!    skips this check when it reports "unexpected indent" or "unexpected unindent" (the
//!    furthest token is an `Indent`/`Dedent` and no specific error was raised).
//!
//! Tokens CPython gives column -1 (`Indent`, `Dedent`, `EndMarker`) make its parser report
//! errors at the tokenizer's cursor, which is the end of the last token it fetched: the end of
//! an `Indent` range, or the position of a `Dedent`. At the end of input the cursor is at the
//! end of the last line, after its newline, and on that line.
//!
//! SyntaxWarnings emitted while tokenizing (an invalid numeric literal followed by a
//! keyword such as `1if`, `"\{"` in a non-raw f-string) are in [`TokenStream::warnings`].

pub mod dump;
mod errors;
mod fstring;
mod indent;
mod names;
mod numbers;
mod operators;
mod strings;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_errors;
#[cfg(test)]
mod tests_fstring;

use super::error::SyntaxError;
use super::token::{Token, TokenKind};

pub use errors::TokenizerErrorInfo;
pub use fstring::{middle_text, strip_expr_comments};

/// Maximum indentation depth (CPython's `MAXINDENT`).
const MAX_INDENT: usize = 100;
/// Maximum bracket nesting (CPython's `MAXLEVEL`).
const MAX_LEVEL: usize = 200;
/// Maximum f-/t-string nesting, counting the regular mode (CPython's `MAXFSTRINGLEVEL`).
const MAX_FSTRING_LEVEL: usize = 150;
/// Maximum nesting of replacement fields in format specs (CPython's `MAX_EXPR_NESTING`).
const MAX_EXPR_NESTING: i32 = 3;
/// Columns per tab stop.
const TAB_SIZE: u32 = 8;

/// The tokens of a source and the first tokenizer error, if any.
#[derive(Clone, Debug)]
pub struct TokenStream {
    /// The tokens up to the first error; ends with `EndMarker` when there is no error.
    pub tokens: Vec<Token>,
    /// The first tokenizer error, as CPython reports it when the parser reaches it.
    pub error: Option<SyntaxError>,
    /// How CPython's parser treats `error` (see the module docs); meaningful with `error`.
    pub error_info: TokenizerErrorInfo,
    /// SyntaxWarnings the tokenizer emitted before stopping, in source order.
    pub warnings: Vec<TokenizerWarning>,
}

/// A `SyntaxWarning` raised by the tokenizer (CPython reports it with a line number only).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenizerWarning {
    /// The warning message.
    pub msg: String,
    /// 1-based line the warning is reported on.
    pub lineno: u32,
    /// The error CPython raises instead when warnings are turned into errors (`-W error`).
    pub as_error: SyntaxError,
}

/// Tokenizes `source` (newlines normalized to `\n`) as CPython 3.14 does for `exec` input:
/// files, `exec()`, `compile(..., "exec")`.
pub fn tokenize(source: &str) -> TokenStream {
    tokenize_input(source, true)
}

/// Tokenizes `source` as [`tokenize`] does when `exec_input` is true, or as CPython does for
/// `eval` and `single` input when it is false: CPython then adds no final newline, so a source
/// that lacks one ends without `Newline` and `Dedent` tokens, and a backslash at its very end
/// is an "unexpected character after line continuation character". (For `single` input,
/// CPython's parser itself turns the first `EndMarker` into a `Newline` and closes the open
/// blocks.)
pub fn tokenize_input(source: &str, exec_input: bool) -> TokenStream {
    // `exec` input lacking its final newline is tokenized from a copy that has one; the
    // lexer reads a plain `&str` either way (its byte accessor is the hottest path here).
    let with_newline;
    let src = if !exec_input || source.is_empty() || source.ends_with('\n') {
        source
    } else {
        with_newline = format!("{source}\n");
        &with_newline
    };
    Lexer::new(src, source.len()).run()
}

/// The tokenizer's view of one open f-string or t-string (CPython's `tokenizer_mode`).
#[derive(Clone, Copy, Debug)]
struct FstringMode {
    /// True while lexing literal text; false while lexing a replacement field.
    in_literal: bool,
    /// A t-string rather than an f-string.
    tstring: bool,
    /// `'` or `"`.
    quote: u8,
    /// 1 or 3.
    quote_size: u8,
    /// Raw (`rf"..."`): backslashes escape nothing.
    raw: bool,
    /// Byte offset of the string's first prefix character.
    start: u32,
    /// Brackets opened and not closed since the string started (CPython's
    /// `curly_bracket_depth`, which counts all bracket kinds).
    bracket_depth: i32,
    /// Bracket depth at which the innermost replacement field started, -1 outside fields
    /// (`curly_bracket_expr_start_depth`).
    expr_start_depth: i32,
    /// Inside a format spec.
    in_format_spec: bool,
}

impl FstringMode {
    /// Inside a replacement field (`INSIDE_FSTRING_EXPR`).
    fn in_expr(&self) -> bool {
        self.expr_start_depth >= 0
    }

    /// `f` or `t`, for messages.
    fn letter(&self) -> char {
        if self.tstring { 't' } else { 'f' }
    }
}

/// One entry of the bracket stack.
#[derive(Clone, Copy, Debug)]
struct Paren {
    /// `(`, `[` or `{`.
    ch: u8,
    /// Byte offset of the bracket.
    pos: u32,
}

/// The tokenizer state. Offsets are byte offsets into `src`, which ends with `\n` for `exec`
/// input.
struct Lexer<'s> {
    /// The source, with a final newline appended if `exec` input lacked one.
    src: &'s str,
    /// Length of the caller's source: token ranges never extend past it.
    orig_len: usize,
    /// Scanning stops here: the end of `src`, or the start of the first line holding a null
    /// byte (CPython reports null bytes when it reads that line).
    limit: usize,
    /// `src[..limit]`: what [`Lexer::byte`] reads.
    scan: &'s [u8],
    /// Current position.
    pos: usize,
    /// Start of the line CPython's `tok->buf` points at: the last line read while no token
    /// had started. An `Indent` starts there, and the line continuation error measures its
    /// column from there (a CPython quirk after multi-line tokens).
    buf_line_start: usize,
    /// At the beginning of a line: indentation must be measured.
    at_bol: bool,
    /// Indentation stack (columns with tabs to multiples of 8, and with tabs as 1 column).
    indents: Vec<(u32, u32)>,
    /// Open brackets.
    parens: Vec<Paren>,
    /// Open f-/t-strings, innermost last.
    modes: Vec<FstringMode>,
    tokens: Vec<Token>,
    warnings: Vec<TokenizerWarning>,
    error: Option<(SyntaxError, TokenizerErrorInfo)>,
}

/// Marker: tokenizing stopped; the error is stored in the lexer.
#[derive(Debug)]
struct Stop;

type LexResult<T = ()> = Result<T, Stop>;

impl<'s> Lexer<'s> {
    /// A lexer over `src`, of which the caller's source is the first `orig_len` bytes.
    fn new(src: &'s str, orig_len: usize) -> Self {
        let limit = match memchr_nul(src.as_bytes()) {
            Some(i) => src.as_bytes()[..i]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |n| n + 1),
            None => src.len(),
        };
        Lexer {
            orig_len,
            limit,
            scan: &src.as_bytes()[..limit],
            pos: 0,
            buf_line_start: 0,
            at_bol: true,
            indents: vec![(0, 0)],
            parens: Vec::new(),
            modes: Vec::new(),
            // Real code averages about one token per 4.5 bytes.
            tokens: Vec::with_capacity(src.len() / 4 + 16),
            warnings: Vec::new(),
            error: None,
            src,
        }
    }

    fn run(mut self) -> TokenStream {
        if self.src.len() >= u32::MAX as usize {
            let err = SyntaxError::new(
                super::error::ErrorKind::MemoryError,
                "Parser column offset overflow - source line is too big",
            );
            self.error = Some((err, TokenizerErrorInfo::default()));
        } else {
            while let Ok(more) = self.next_token() {
                if !more {
                    break;
                }
            }
        }
        let (error, error_info) = match self.error {
            Some((e, info)) => (Some(e), info),
            None => (None, TokenizerErrorInfo::default()),
        };
        TokenStream {
            tokens: self.tokens,
            error,
            error_info,
            warnings: self.warnings,
        }
    }

    /// Lexes the next token(s); `Ok(false)` once `EndMarker` has been produced.
    fn next_token(&mut self) -> LexResult<bool> {
        match self.modes.last() {
            Some(m) if m.in_literal => self.fstring_literal(),
            _ => self.normal_token(),
        }
    }

    // --- Cursor ---

    /// The byte at `i`, or 0 past the scanning limit (0 never occurs before it).
    #[inline(always)]
    fn byte(&self, i: usize) -> u8 {
        self.scan.get(i).copied().unwrap_or(0)
    }

    #[inline(always)]
    fn peek(&self) -> u8 {
        self.byte(self.pos)
    }

    /// Consumes and returns the current byte (0 at the end, without advancing).
    #[inline(always)]
    fn bump(&mut self) -> u8 {
        let c = self.peek();
        if c != 0 {
            self.pos += 1;
        }
        c
    }

    #[inline(always)]
    fn push(&mut self, kind: TokenKind, start: usize, end: usize) {
        let end = end.min(self.orig_len);
        let start = start.min(end);
        self.tokens.push(Token {
            kind,
            start: start as u32,
            end: end as u32,
        });
    }

    // --- Normal mode ---

    /// CPython's `tok_get_normal_mode`: one token outside f-string literal text.
    fn normal_token(&mut self) -> LexResult<bool> {
        loop {
            let mut blank = false;
            if self.at_bol {
                self.at_bol = false;
                blank = self.indentation()?;
            }
            self.skip_spaces();
            // Where CPython's token starts: a comment belongs to the `Newline` after it.
            let start = self.pos;
            let mut c = self.peek();
            if c == b'#' {
                // The comment ends at a newline before the limit (which is a line start).
                let rest = &self.src.as_bytes()[self.pos..self.limit];
                self.pos += memchr_newline(rest);
                c = self.peek();
            }
            if c == 0 {
                return self.end_of_input();
            }
            if c == b'\n' {
                self.pos += 1;
                self.at_bol = true;
                if blank || !self.parens.is_empty() {
                    continue;
                }
                self.push(TokenKind::Newline, start, self.pos);
                return Ok(true);
            }
            if c == b'\\' {
                // A line continuation: the logical line goes on after the newline.
                self.pos += 1;
                self.continuation_line(start)?;
                continue;
            }
            return self.token_at(c).map(|()| true);
        }
    }

    /// Skips spaces, tabs and form feeds between tokens.
    #[inline(always)]
    fn skip_spaces(&mut self) {
        while matches!(self.peek(), b' ' | b'\t' | b'\x0c') {
            self.pos += 1;
        }
    }

    /// Lexes the token starting with byte `c` at `self.pos` (not a newline, comment or EOF).
    fn token_at(&mut self, c: u8) -> LexResult {
        let start = self.pos;
        if is_ident_start(c) {
            return self.name_or_prefixed_string(start);
        }
        if c.is_ascii_digit() {
            return self.number(start);
        }
        if c == b'.' {
            let c1 = self.byte(start + 1);
            if c1.is_ascii_digit() {
                return self.number(start);
            }
            if c1 == b'.' && self.byte(start + 2) == b'.' {
                self.pos += 3;
                self.push(TokenKind::Ellipsis, start, self.pos);
            } else {
                self.pos += 1;
                self.push(TokenKind::Dot, start, self.pos);
            }
            return Ok(());
        }
        if c == b'"' || c == b'\'' {
            return self.string(start, start);
        }
        self.operator(start, c)
    }

    /// An identifier, keyword, or a prefixed string literal (`rb"..."`, `f'...'`).
    fn name_or_prefixed_string(&mut self, start: usize) -> LexResult {
        if let Some(done) = self.try_string_prefix(start)? {
            return Ok(done);
        }
        let bytes = &self.src.as_bytes()[..self.limit];
        let mut end = start;
        let mut nonascii = false;
        loop {
            while bytes
                .get(end)
                .is_some_and(|&b| IDENT_CLASS[b as usize] & ASCII_IDENT_CHAR != 0)
            {
                end += 1;
            }
            match bytes.get(end) {
                Some(&b) if b >= 0x80 => {
                    nonascii = true;
                    end += 1;
                }
                _ => break,
            }
        }
        self.pos = end;
        if nonascii {
            self.verify_identifier(start, end)?;
        }
        let kind = TokenKind::keyword(&self.src[start..end]).unwrap_or(TokenKind::Name);
        self.push(kind, start, end);
        Ok(())
    }

    /// End of input: the implicit dedents and `EndMarker`, or an error inside brackets.
    fn end_of_input(&mut self) -> LexResult<bool> {
        if self.limit < self.src.len() {
            return Err(self.null_byte_error());
        }
        if !self.parens.is_empty() {
            return Err(self.eof_in_brackets_error());
        }
        let end = self.orig_len;
        self.push(TokenKind::EndMarker, end, end);
        Ok(false)
    }
}

/// Byte classes for identifiers, one table lookup per byte in the name scanning loop.
const IDENT_START: u8 = 1;
const IDENT_CHAR: u8 = 2;
const ASCII_IDENT_CHAR: u8 = 4;
static IDENT_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphabetic() || c == b'_' {
            t[b] = IDENT_START | IDENT_CHAR | ASCII_IDENT_CHAR;
        } else if c >= 0x80 {
            t[b] = IDENT_START | IDENT_CHAR;
        } else if c.is_ascii_digit() {
            t[b] = IDENT_CHAR | ASCII_IDENT_CHAR;
        }
        b += 1;
    }
    t
};

/// CPython's `is_potential_identifier_start`: ASCII letters, `_`, and every non-ASCII byte.
#[inline(always)]
fn is_ident_start(c: u8) -> bool {
    IDENT_CLASS[c as usize] & IDENT_START != 0
}

/// CPython's `is_potential_identifier_char`.
#[inline(always)]
fn is_ident_char(c: u8) -> bool {
    IDENT_CLASS[c as usize] & IDENT_CHAR != 0
}

/// Index of the first `\n` in `bytes`, or its length.
#[inline]
fn memchr_newline(bytes: &[u8]) -> usize {
    memchr::memchr(b'\n', bytes).unwrap_or(bytes.len())
}

fn memchr_nul(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(0, bytes)
}
