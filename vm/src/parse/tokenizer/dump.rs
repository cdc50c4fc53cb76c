//! A text dump of a token stream in the conventions of CPython's `tokenize` module, one
//! token per line, for tests and the parity tool.
//!
//! The format is `KIND "text" L:C-L:C`: CPython's token names (hard keywords print as `NAME`,
//! operators as `OP`, `Op` as `ERRORTOKEN`), 1-based lines, 0-based character columns, and a final
//! `ERROR` line with [`describe_error`] when tokenizing failed. Positions follow
//! `tokenize` rather than our ranges where the two differ: a `NEWLINE` is its newline
//! character only (the empty one at the end of a source without a final newline ends one
//! column later), an f-string middle is its literal text (without the second brace of a
//! doubled brace), and tokens at the end of such a source are on the line after the last.
//! Text is quoted with only `\\`, `"`, and control characters escaped (`\n`, `\u{7f}`).
//! `tools/tokenize_parity.py` writes CPython's tokens in the same format.

use super::{TokenStream, fstring::middle_text};
use crate::parse::error::SyntaxError;
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
        let _ = writeln!(out, "ERROR {}", describe_error(e));
    }
    out
}

/// An error as the dump and the test data files print it:
/// `Type: message|lineno|offset|end_lineno|end_offset`.
pub fn describe_error(e: &SyntaxError) -> String {
    format!(
        "{}: {}|{}|{}|{}|{}",
        e.kind.name(),
        e.msg,
        e.lineno,
        e.offset,
        e.end_lineno,
        e.end_offset
    )
}

/// Checks a test data table (a header line, then pairs of lines: quoted input, expected
/// output) against `actual`, which maps an input line to its output; returns the number of
/// cases and the failures.
#[cfg(test)]
pub(crate) fn table_failures(
    table: &str,
    mut actual: impl FnMut(&str) -> String,
) -> (usize, Vec<String>) {
    let mut lines = table.lines().skip(1);
    let (mut count, mut failures) = (0, Vec::new());
    while let (Some(input), Some(expected)) = (lines.next(), lines.next()) {
        count += 1;
        let got = actual(input);
        if got != expected {
            failures.push(format!(
                "{input}\n  expected: {expected}\n  got:      {got}"
            ));
        }
    }
    (count, failures)
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

/// `text` in double quotes with backslash, quote and control characters escaped (the
/// quoting of the dump and of the test data files).
pub fn quote(text: &str) -> String {
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

/// The inverse of [`quote`].
pub fn unquote(quoted: &str) -> String {
    let inner = quoted
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or(quoted);
    let mut out = String::with_capacity(inner.len());
    let mut it = inner.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some('u') => {
                let hex: String = it.by_ref().skip(1).take_while(|&c| c != '}').collect();
                out.extend(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32));
            }
            Some(c) => out.push(c),
            None => {}
        }
    }
    out
}
