//! A text dump of a token stream in the conventions of CPython's `tokenize` module, one
//! token per line, for tests and the parity tool.
//!
//! The format is `KIND "text" L:C-L:C`: CPython's token names (hard keywords print as `NAME`,
//! operators as `OP`, `Op` as `ERRORTOKEN`), 1-based lines, 0-based character columns, and a final
//! `ERROR Type: message L:offset-L:end_offset` line when tokenizing failed. Positions follow
//! `tokenize` rather than our ranges where the two differ: a `NEWLINE` is its newline
//! character only (the empty one at the end of a source without a final newline ends one
//! column later), an f-string middle is its literal text (without the second brace of a
//! doubled brace), and tokens at the end of such a source are on the line after the last.
//! Text is quoted with only `\\`, `"`, and control characters escaped (`\n`, `\u{7f}`).
//! `tools/tokenize_parity.py` writes CPython's tokens in the same format.

use super::{TokenStream, fstring::middle_text};
use crate::parse::line_index::LineIndex;
use crate::parse::token::{Token, TokenKind};
use std::fmt::Write;

/// CPython's `tokenize` name for a token kind.
pub fn cpython_name(kind: TokenKind) -> &'static str {
    use TokenKind::*;
    match kind {
        EndMarker => "ENDMARKER",
        Name => "NAME",
        Number => "NUMBER",
        String => "STRING",
        Newline => "NEWLINE",
        Indent => "INDENT",
        Dedent => "DEDENT",
        FstringStart => "FSTRING_START",
        FstringMiddle => "FSTRING_MIDDLE",
        FstringEnd => "FSTRING_END",
        TstringStart => "TSTRING_START",
        TstringMiddle => "TSTRING_MIDDLE",
        TstringEnd => "TSTRING_END",
        Op => "ERRORTOKEN",
        k if k.is_keyword() => "NAME",
        _ => "OP",
    }
}

/// The text a token stands for: middles lose the second brace of a final doubled brace.
fn token_text<'s>(source: &'s str, t: &Token) -> &'s str {
    match t.kind {
        TokenKind::FstringMiddle | TokenKind::TstringMiddle => middle_text(source, t),
        _ => t.text(source),
    }
}

/// Dumps `stream` (tokens of `source`) in the format described in the module docs.
pub fn dump_tokens(source: &str, stream: &TokenStream) -> String {
    let index = LineIndex::new(source);
    let lines = CharLines {
        index: &index,
        source,
    };
    let unterminated = !source.is_empty() && !source.ends_with('\n');
    // Line and column of byte `pos` as `tokenize` reports a token boundary there.
    let at = |pos: u32| {
        if unterminated && pos as usize == source.len() {
            (lines.index.line_count() as u32 + 1, 0)
        } else {
            lines.line_col(pos)
        }
    };
    let mut out = String::new();
    for t in &stream.tokens {
        let text = token_text(source, t);
        let (start, end) = (t.start, t.start + text.len() as u32);
        let (l1, c1, l2, c2);
        if t.kind == TokenKind::Newline {
            let implicit = text.is_empty() || !text.ends_with('\n');
            let nl_pos = if implicit { t.end } else { t.end - 1 };
            (l1, c1) = lines.line_col(nl_pos);
            (l2, c2) = (l1, c1 + 1);
            let nl = if implicit { "" } else { "\n" };
            let _ = writeln!(out, "NEWLINE {nl:?} {l1}:{c1}-{l2}:{c2}");
            continue;
        }
        if end > start {
            (l1, c1) = lines.line_col(start);
            (l2, c2) = lines.line_col(end);
        } else {
            (l1, c1) = at(start);
            (l2, c2) = (l1, c1);
        }
        let _ = writeln!(
            out,
            "{} {} {l1}:{c1}-{l2}:{c2}",
            cpython_name(t.kind),
            quote(text)
        );
    }
    if let Some(e) = &stream.error {
        let _ = writeln!(
            out,
            "ERROR {}: {} {}:{}-{}:{}",
            e.kind.name(),
            e.msg,
            e.lineno,
            e.offset,
            e.end_lineno,
            e.end_offset
        );
    }
    out
}

/// Line and 0-based character column of byte offsets.
struct CharLines<'a> {
    index: &'a LineIndex,
    source: &'a str,
}

impl CharLines<'_> {
    fn line_col(&self, pos: u32) -> (u32, u32) {
        let line = self.index.line(pos);
        (line, self.index.char_col(self.source, pos) - 1)
    }
}

/// `text` in double quotes with backslash, quote and control characters escaped.
fn quote(text: &str) -> String {
    let mut s = String::with_capacity(text.len() + 2);
    s.push('"');
    for ch in text.chars() {
        match ch {
            '"' => s.push_str("\\\""),
            '\\' => s.push_str("\\\\"),
            '\n' => s.push_str("\\n"),
            '\r' => s.push_str("\\r"),
            '\t' => s.push_str("\\t"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(s, "\\u{{{:x}}}", c as u32);
            }
            c => s.push(c),
        }
    }
    s.push('"');
    s
}
