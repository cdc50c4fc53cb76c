//! The error report `python3.14 FILE` writes to stderr when FILE cannot be compiled.
//!
//! For a `SyntaxError` (and its subclasses) CPython prints, through the `traceback` module's
//! `TracebackException._format_syntax_error`, no "Traceback" header but:
//!
//! ```text
//!   File "/abs/path/file.py", line 3
//!     the offending line, left-stripped of spaces and form feeds
//!         ^^^^
//! SyntaxError: message
//! ```
//!
//! The caret line spans `offset..end_offset` (1-based character columns), clamped to the line;
//! it is left out when the offset falls inside the stripped indentation. Other exceptions
//! (`MemoryError` from the parser's stack limit, `RecursionError`) print as `Type: message`.
//!
//! [`render_file_run`] adds what depends on the file itself: the messages that differ between
//! `ast.parse(bytes)` and running a file (see [`super::file_run`]), and 3.14's "Did you mean
//! 'while'?" keyword suggestions (see [`super::keyword_typos`]).

use std::fmt::Write as _;

use super::error::SyntaxError;
use super::file_run::file_run_error;
use super::keyword_typos::{SnippetFrontEnd, find_keyword_typo};

impl SyntaxError {
    /// What `python3.14 FILE` prints to stderr for this error, `FILE` being `filename` as
    /// CPython shows it (the script path made absolute, not normalized).
    ///
    /// This is the report for the error as it stands; [`render_file_run`] also applies the
    /// adjustments that need the file's bytes and a front end.
    pub fn render(&self, filename: &str) -> String {
        let mut out = String::new();
        write_report(&mut out, self, self.lineno, filename);
        out
    }
}

/// What `python3.14 FILE` prints for `err`, an error `ast.parse(file_bytes)` raised: the
/// error is first turned into the one the file-reading path raises, then rendered with
/// keyword-typo suggestions when `front` can tokenize and parse snippets.
pub fn render_file_run(
    err: &SyntaxError,
    filename: &str,
    file_bytes: &[u8],
    front: Option<&dyn SnippetFrontEnd>,
) -> String {
    let err = file_run_error(err, filename, file_bytes);
    let mut out = String::new();
    // The "File" line is printed before the suggestion search runs, so it keeps the
    // original line number even when the suggestion moves the caret.
    let header_lineno = err.lineno;
    let shown = match front {
        Some(front) if err.kind.is_syntax() => {
            let file_text = file_text_for_traceback(file_bytes);
            find_keyword_typo(&err, file_text.as_deref(), front).unwrap_or(err)
        }
        _ => err,
    };
    write_report(&mut out, &shown, header_lineno, filename);
    out
}

/// The file as `traceback` re-reads it: `open(filename).read()` decodes strict UTF-8 (the
/// locale encoding here) with universal newlines; `None` when that would raise.
fn file_text_for_traceback(bytes: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(bytes).ok()?;
    Some(text.replace("\r\n", "\n").replace('\r', "\n"))
}

fn write_report(out: &mut String, err: &SyntaxError, header_lineno: u32, filename: &str) {
    let kind = err.kind.name();
    if !err.kind.is_syntax() {
        if err.msg.is_empty() {
            let _ = writeln!(out, "{kind}");
        } else {
            let _ = writeln!(out, "{kind}: {}", err.msg);
        }
        return;
    }
    let shown_name = if filename.is_empty() {
        "<string>"
    } else {
        filename
    };
    let _ = writeln!(out, "  File \"{shown_name}\", line {header_lineno}");
    if let Some(text) = &err.text {
        write_source_line(out, err, text);
    }
    let msg = if err.msg.is_empty() {
        "<no detail available>"
    } else {
        err.msg.as_str()
    };
    let _ = writeln!(out, "{kind}: {msg}");
}

/// The source line and, when the offset is past the indentation, the caret line.
fn write_source_line(out: &mut String, err: &SyntaxError, text: &str) {
    let rtext = text.trim_end_matches('\n');
    let ltext = rtext.trim_start_matches([' ', '\n', '\x0c']);
    let rlen = rtext.chars().count() as i64;
    let text_len = text.chars().count() as i64;
    let spaces = rlen - ltext.chars().count() as i64;

    // An unset offset (0) prints like CPython's None: no caret line.
    let mut offset = i64::from(err.offset);
    let mut end_offset = if err.lineno == err.end_lineno {
        if err.end_offset != 0 {
            i64::from(err.end_offset)
        } else {
            offset
        }
    } else {
        rlen + 1
    };
    if text_len > 0 && offset > text_len {
        offset = rlen + 1;
    }
    if text_len > 0 && end_offset > text_len {
        end_offset = rlen + 1;
    }
    if offset >= end_offset || end_offset < 0 {
        end_offset = offset + 1;
    }
    let colno = offset - 1 - spaces;
    let end_colno = end_offset - 1 - spaces;

    out.push_str("    ");
    out.push_str(ltext);
    out.push('\n');
    if colno >= 0 {
        out.push_str("    ");
        // Whitespace such as tabs is kept so that the caret lines up under the source.
        for c in ltext.chars().take(colno as usize) {
            out.push(if is_py_space(c) { c } else { ' ' });
        }
        for _ in colno..end_colno {
            out.push('^');
        }
        out.push('\n');
    }
}

/// `str.isspace()` for one character: Unicode White_Space plus the ASCII separators
/// U+001C..U+001F, which Python also counts.
pub fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::ErrorKind;

    fn err(
        kind: ErrorKind,
        msg: &str,
        pos: (u32, i32, u32, i32),
        text: Option<&str>,
    ) -> SyntaxError {
        let mut e = SyntaxError::new(kind, msg);
        (e.lineno, e.offset, e.end_lineno, e.end_offset) = pos;
        e.text = text.map(str::to_owned);
        e
    }

    #[test]
    fn carets_and_stripping() {
        // Outputs of python3.14 for the same SyntaxError attributes.
        let e = err(
            ErrorKind::SyntaxError,
            "invalid syntax",
            (1, 12, 1, 13),
            Some("x = \"\u{e9}t\u{e9}\" +* 2\n"),
        );
        assert_eq!(
            e.render("/tmp/uni.py"),
            "  File \"/tmp/uni.py\", line 1\n    x = \"\u{e9}t\u{e9}\" +* 2\n               ^\nSyntaxError: invalid syntax\n"
        );
        // 'unexpected indent' with end_offset -1: the offset is inside the indentation.
        let e = err(
            ErrorKind::IndentationError,
            "unexpected indent",
            (2, 2, 2, 0),
            Some("  y = 2\n"),
        );
        assert_eq!(
            e.render("f.py"),
            "  File \"f.py\", line 2\n    y = 2\nIndentationError: unexpected indent\n"
        );
        // A tab is not stripped, and is kept in the caret line.
        let e = err(
            ErrorKind::IndentationError,
            "unexpected indent",
            (1, 1, 1, 0),
            Some("\tx = $\n"),
        );
        assert_eq!(
            e.render("f.py"),
            "  File \"f.py\", line 1\n    \tx = $\n    ^\nIndentationError: unexpected indent\n"
        );
        // Ranges spanning lines run to the end of the first line.
        let e = err(
            ErrorKind::SyntaxError,
            "'(' was never closed",
            (1, 5, 1, 0),
            Some("x = (1,\n"),
        );
        assert_eq!(
            e.render("m.py"),
            "  File \"m.py\", line 1\n    x = (1,\n        ^\nSyntaxError: '(' was never closed\n"
        );
        let e = err(
            ErrorKind::SyntaxError,
            "iterable argument unpacking follows keyword argument unpacking",
            (1, 6, 1, 10),
            Some("f(**x, *y)\n"),
        );
        assert!(
            e.render("a.py")
                .contains("\n    f(**x, *y)\n         ^^^^\n")
        );
    }

    #[test]
    fn errors_without_text_or_location() {
        let e = err(
            ErrorKind::SyntaxError,
            "unknown encoding: foo",
            (0, 0, 0, 0),
            None,
        );
        assert_eq!(
            e.render("/x/b.py"),
            "  File \"/x/b.py\", line 0\nSyntaxError: unknown encoding: foo\n"
        );
        let e = err(
            ErrorKind::SyntaxError,
            "source code cannot contain null bytes",
            (1, 0, 1, 0),
            Some(""),
        );
        assert_eq!(
            e.render("n.py"),
            "  File \"n.py\", line 1\n    \nSyntaxError: source code cannot contain null bytes\n"
        );
        let e = SyntaxError::new(
            ErrorKind::MemoryError,
            "Parser stack overflowed - Python source too complex to parse",
        );
        assert_eq!(
            e.render("d.py"),
            "MemoryError: Parser stack overflowed - Python source too complex to parse\n"
        );
    }
}
