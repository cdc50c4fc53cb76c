//! Python 3.14's "invalid syntax. Did you mean 'while'?" suggestions for misspelled keywords.
//!
//! CPython computes these while *printing* a `SyntaxError`, in `traceback`'s
//! `TracebackException._find_keyword_typos`, so `ast.parse` never shows them but
//! `python3.14 FILE` does. The search, reproduced step by step:
//!
//! 1. Only for the generic "invalid syntax" message (or "Perhaps you forgot a comma").
//! 2. Take the lines from the last statement the parser completed (`_metadata[0]`, 0 meaning
//!    the file start) to the error line, re-read from the file (or, if that fails, the lines of
//!    `text`), `textwrap.dedent` them; give up above 1024 characters.
//! 3. Tokenize that snippet; for the first ten NAME tokens that are not keywords (and, when the
//!    lines came from the file, are on the error line), try up to three keywords close to the
//!    name (`_suggestions` edit distance, then `difflib.get_close_matches`).
//! 4. Substitute the keyword and compile the snippet the way `codeop.compile_command` does
//!    (incomplete input counts as success). The first candidate that compiles becomes the
//!    message, with the caret on the name. Any other failure (a tokenizer error partway, an
//!    index out of range, a non-syntax exception) silently ends the search, as CPython's
//!    `suppress(Exception)` does.
//!
//! Tokenizing and parsing come from the front end through [`SnippetFrontEnd`].

use std::ops::Range;

use super::error::SyntaxError;
use super::report::is_py_space;
use crate::text::similarity::{best_suggestion, close_matches};

/// `keyword.kwlist` of CPython 3.14.
pub const KWLIST: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// Snippets longer than this (in characters) are not searched.
const MAX_SNIPPET_CHARS: usize = 1024;
/// How many candidate names are tried.
const MAX_NAMES: usize = 10;
/// How many keywords are tried per name.
const MAX_MATCHES: usize = 3;

/// How a snippet compile failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SnippetError {
    /// `_IncompleteInputError`: the source ended where more input could complete it (only
    /// reported when incomplete input is allowed).
    Incomplete,
    /// Any other `SyntaxError` (or subclass).
    Syntax,
    /// A non-`SyntaxError` exception (`ValueError`, `MemoryError`, ...).
    Other,
}

/// What the keyword-typo search needs from the tokenizer and the parser.
pub trait SnippetFrontEnd {
    /// Byte ranges of the NAME tokens of `source` in order (hard keywords may be left out),
    /// up to the first tokenizer error.
    fn name_tokens(&self, source: &str) -> Vec<Range<usize>>;

    /// With `allow_incomplete`: `compile(source, "<input>", "exec", PyCF_ONLY_AST |
    /// PyCF_ALLOW_INCOMPLETE_INPUT | PyCF_DONT_IMPLY_DEDENT)`, a parse. Without: a full
    /// `compile(source, "<input>", "exec")` (codeop's last attempt drops the flags), so the
    /// compiler's errors count too ("'return' outside function", ...).
    fn compile(&self, source: &str, allow_incomplete: bool) -> Result<(), SnippetError>;
}

/// The error as `traceback` shows it after a successful keyword suggestion, or `None` when
/// CPython would leave it unchanged. `file_text` is the file as `open(filename).read()` returns
/// it, or `None` if that would fail.
pub fn find_keyword_typo(
    err: &SyntaxError,
    file_text: Option<&str>,
    front: &dyn SnippetFrontEnd,
) -> Option<SyntaxError> {
    if err.msg != "invalid syntax" && !err.msg.contains("Perhaps you forgot a comma") {
        return None;
    }
    let (lines, from_filename, line, end_line) = match file_text {
        Some(text) => (
            py_splitlines(text),
            true,
            err.stmt_lineno as usize,
            err.lineno as usize,
        ),
        None => (py_splitlines(err.text.as_deref()?), false, 0, 1),
    };
    let start = line.saturating_sub(1).min(lines.len());
    let stop = end_line.min(lines.len()).max(start);
    let snippet = dedent(&lines[start..stop].join("\n"));
    if snippet.chars().count() > MAX_SNIPPET_CHARS {
        return None;
    }
    let error_lines = py_splitlines(&snippet);
    // Rows of the NAME tokens are counted the tokenizer's way, by '\n'.
    let row_starts: Vec<usize> = std::iter::once(0)
        .chain(snippet.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let position = |byte: usize| {
        let row = row_starts.partition_point(|&s| s <= byte);
        let col = snippet[row_starts[row - 1]..byte].chars().count();
        (row, col)
    };
    let the_end = if line == 0 { end_line } else { end_line + 1 };
    let mut names_left = MAX_NAMES;
    for range in front.name_tokens(&snippet) {
        let wrong = snippet.get(range.clone())?;
        let (row, col) = position(range.start);
        let (end_row, end_col) = position(range.end);
        if from_filename && row + line != the_end {
            continue;
        }
        if KWLIST.contains(&wrong) {
            continue;
        }
        if names_left == 0 {
            break;
        }
        names_left -= 1;
        let mut matches: Vec<&str> = best_suggestion(KWLIST, wrong).into_iter().collect();
        matches.extend(close_matches(wrong, KWLIST, MAX_MATCHES, 0.5));
        matches.truncate(MAX_MATCHES);
        for suggestion in matches {
            if suggestion == wrong {
                continue;
            }
            // An IndexError here ends the search in CPython.
            let target = error_lines.get(row - 1)?;
            let mut chars: Vec<char> = target.chars().collect();
            let a = col.min(chars.len());
            let b = end_col.clamp(a, chars.len());
            chars.splice(a..b, suggestion.chars());
            let mut candidate_lines: Vec<String> =
                error_lines.iter().map(|s| s.to_string()).collect();
            candidate_lines[row - 1] = chars.into_iter().collect();
            if !compile_command(front, &candidate_lines.join("\n"))? {
                continue;
            }
            let token_line = snippet[row_starts[row - 1]..]
                .split_inclusive('\n')
                .next()
                .unwrap_or("");
            let mut fixed = err.clone();
            fixed.text = Some(token_line.to_string());
            fixed.offset = col as i32 + 1;
            fixed.end_offset = end_col as i32 + 1;
            fixed.lineno = row as u32;
            fixed.end_lineno = end_row as u32;
            fixed.msg = format!("invalid syntax. Did you mean '{suggestion}'?");
            return Some(fixed);
        }
    }
    None
}

/// `codeop.compile_command(source, symbol="exec", flags=PyCF_ONLY_AST)` succeeding (or
/// returning `None` for incomplete input): `Some(true)`; raising `SyntaxError`: `Some(false)`;
/// raising anything else: `None`.
fn compile_command(front: &dyn SnippetFrontEnd, source: &str) -> Option<bool> {
    let only_blank_or_comments = source.split('\n').all(|line| {
        let t = line.trim_matches(is_py_space);
        t.is_empty() || t.starts_with('#')
    });
    let source = if only_blank_or_comments {
        "pass"
    } else {
        source
    };
    match front.compile(source, true) {
        Ok(()) => {}
        Err(SnippetError::Other) => return None,
        Err(SnippetError::Syntax | SnippetError::Incomplete) => {
            match front.compile(&format!("{source}\n"), true) {
                Ok(()) | Err(SnippetError::Incomplete) => return Some(true),
                Err(SnippetError::Syntax) => {}
                Err(SnippetError::Other) => return None,
            }
        }
    }
    match front.compile(source, false) {
        Ok(()) => Some(true),
        Err(SnippetError::Syntax | SnippetError::Incomplete) => Some(false),
        Err(SnippetError::Other) => None,
    }
}

/// `str.splitlines()`: splits at \n, \r, \r\n, \v, \f, \x1c-\x1e, \x85, \u2028 and \u2029.
pub fn py_splitlines(s: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if !is_break {
            continue;
        }
        lines.push(&s[start..i]);
        let mut next = i + c.len_utf8();
        if c == '\r' && iter.peek().is_some_and(|&(_, n)| n == '\n') {
            iter.next();
            next += 1;
        }
        start = next;
    }
    if start < s.len() {
        lines.push(&s[start..]);
    }
    lines
}

/// `textwrap.dedent` of Python 3.14: removes the longest run of spaces and tabs that starts
/// both the smallest and the largest non-blank line; whitespace-only lines become empty.
pub fn dedent(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let is_blank = |l: &str| l.chars().all(is_py_space);
    let non_blank = lines.iter().filter(|l| !l.is_empty() && !is_blank(l));
    let l1 = non_blank.clone().min().copied().unwrap_or("");
    let l2 = non_blank.max().copied().unwrap_or("");
    let mut margin = 0;
    for (i, (c1, c2)) in l1
        .chars()
        .zip(l2.chars().chain(std::iter::repeat('\0')))
        .enumerate()
    {
        margin = i;
        if c1 != c2 || !matches!(c1, ' ' | '\t') {
            break;
        }
    }
    let out: Vec<&str> = lines
        .iter()
        .map(|l| {
            if !l.is_empty() && is_blank(l) {
                ""
            } else {
                // The margin counts characters, all of them ASCII spaces or tabs.
                l.get(margin..).unwrap_or("")
            }
        })
        .collect();
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::ErrorKind;

    /// A stand-in front end: names are ASCII identifiers; a snippet "compiles" when it is one
    /// of `valid`, and is "incomplete" when it is one of `incomplete`.
    struct Fake {
        valid: Vec<&'static str>,
        incomplete: Vec<&'static str>,
    }

    impl SnippetFrontEnd for Fake {
        fn name_tokens(&self, source: &str) -> Vec<Range<usize>> {
            let mut out = Vec::new();
            let bytes = source.as_bytes();
            let mut i = 0;
            while i < bytes.len() {
                if bytes[i].is_ascii_alphabetic() || bytes[i] == b'_' {
                    let s = i;
                    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_')
                    {
                        i += 1;
                    }
                    out.push(s..i);
                } else {
                    i += 1;
                }
            }
            out
        }

        fn compile(&self, source: &str, allow_incomplete: bool) -> Result<(), SnippetError> {
            if self.valid.contains(&source) {
                Ok(())
            } else if allow_incomplete && self.incomplete.contains(&source.trim_end_matches('\n')) {
                Err(SnippetError::Incomplete)
            } else {
                Err(SnippetError::Syntax)
            }
        }
    }

    #[test]
    fn misspelled_while_in_a_file() {
        // python3.14 on "x = 1\nwhille x:\n    pass\n": line 2, caret under 'whille',
        // "invalid syntax. Did you mean 'while'?". The snippet is lines 1-2 (_metadata[0] is
        // 0); with 'while' it is incomplete, which codeop accepts.
        let mut e = SyntaxError::new(ErrorKind::SyntaxError, "invalid syntax");
        (e.lineno, e.offset, e.end_lineno, e.end_offset) = (2, 8, 2, 9);
        e.text = Some("whille x:".into());
        let front = Fake {
            valid: vec![],
            incomplete: vec!["x = 1\nwhile x:"],
        };
        let fixed = find_keyword_typo(&e, Some("x = 1\nwhille x:\n    pass\n"), &front)
            .expect("suggestion");
        assert_eq!(fixed.msg, "invalid syntax. Did you mean 'while'?");
        assert_eq!((fixed.lineno, fixed.offset, fixed.end_offset), (2, 1, 7));
        // The snippet is "x = 1\nwhille x:" with no final newline, so neither is the token line.
        assert_eq!(fixed.text.as_deref(), Some("whille x:"));
        let shown = crate::parse::report::render_file_run(
            &e,
            "/t.py",
            b"x = 1\nwhille x:\n    pass\n",
            Some(&front),
        );
        assert_eq!(
            shown,
            "  File \"/t.py\", line 2\n    whille x:\n    ^^^^^^\nSyntaxError: invalid syntax. Did you mean 'while'?\n"
        );
        // Other messages are left alone.
        e.msg = "expected ':'".into();
        assert!(find_keyword_typo(&e, Some("x = 1\nwhille x:\n"), &front).is_none());
    }

    #[test]
    fn splitlines_and_dedent_follow_python() {
        assert_eq!(
            py_splitlines("a\r\nb\rc\x0cd\u{2028}e\n"),
            vec!["a", "b", "c", "d", "e"]
        );
        assert_eq!(py_splitlines(""), Vec::<&str>::new());
        assert_eq!(dedent("    a\n      b\n   \n    c"), "a\n  b\n\nc");
        assert_eq!(dedent("\ta\n  b"), "\ta\n  b");
        assert_eq!(dedent("  x"), "x");
    }
}
