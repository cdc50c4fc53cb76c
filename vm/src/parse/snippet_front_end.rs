//! The tokenizer and parser as the keyword-typo search uses them (see
//! [`super::keyword_typos`]).

use std::ops::Range;

use super::error::SyntaxError;
use super::keyword_typos::{SnippetError, SnippetFrontEnd};
use super::scope_check::has_misplaced_construct;
use super::token::TokenKind;
use super::{ErrorKind, Mode};

/// The [`SnippetFrontEnd`] of rpy's own tokenizer and parser.
///
/// rpy's parser has no `PyCF_ALLOW_INCOMPLETE_INPUT` mode, so incomplete input is recognized
/// from the error a normal parse reports, approximating pegen's `_is_end_of_source` (the
/// tokenizer had reached the end of the source when the parse failed): unclosed brackets and
/// triple-quoted strings, "unexpected EOF", and errors reported on the end-of-file token
/// (offset 0, or an `end_offset` of -1 at the very end of the source).
///
/// rpy has no compiler yet, so a full compile is a parse plus the placement errors of
/// [`super::scope_check`], which are the ones a keyword substitution commonly produces.
pub struct VmFrontEnd;

impl SnippetFrontEnd for VmFrontEnd {
    fn name_tokens(&self, source: &str) -> Vec<Range<usize>> {
        super::tokenizer::tokenize(source)
            .tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Name)
            .map(|t| t.start as usize..t.end as usize)
            .collect()
    }

    fn compile(&self, source: &str, allow_incomplete: bool) -> Result<(), SnippetError> {
        let arena = arena::Arena::new();
        let err = match super::parse_bytes(&arena, source.as_bytes(), Mode::Exec) {
            Ok(parsed) => {
                return if !allow_incomplete && has_misplaced_construct(&parsed.module) {
                    Err(SnippetError::Syntax)
                } else {
                    Ok(())
                };
            }
            Err(err) => err,
        };
        if !err.kind.is_syntax() {
            return Err(SnippetError::Other);
        }
        if allow_incomplete && looks_incomplete(&err, source) {
            return Err(SnippetError::Incomplete);
        }
        Err(SnippetError::Syntax)
    }
}

/// Whether a parse error is one pegen reports as incomplete input (see [`VmFrontEnd`]).
fn looks_incomplete(err: &SyntaxError, source: &str) -> bool {
    if err.msg.ends_with("was never closed")
        || err
            .msg
            .starts_with("unterminated triple-quoted string literal")
        || err.msg == "unexpected EOF while parsing"
    {
        return true;
    }
    let at_end = err.offset > 0 && only_whitespace_after(source, err.lineno, err.offset);
    let last_line = source
        .trim_end_matches(['\n', ' ', '\t', '\x0c'])
        .split('\n')
        .count() as u32;
    (err.offset == 0 && err.kind == ErrorKind::SyntaxError && err.lineno >= last_line)
        || (err.end_offset == -1 && at_end)
}

/// True when only whitespace follows 1-based line `lineno`, 1-based character column
/// `offset` (a column past the end of the line counts as the line's end).
fn only_whitespace_after(source: &str, lineno: u32, offset: i32) -> bool {
    let Some(line_start) = (lineno as usize).checked_sub(1).and_then(|n| {
        if n == 0 {
            Some(0)
        } else {
            source.match_indices('\n').nth(n - 1).map(|(i, _)| i + 1)
        }
    }) else {
        return false;
    };
    let rest = &source[line_start..];
    let line_len = rest.find('\n').unwrap_or(rest.len());
    let col = rest[..line_len]
        .char_indices()
        .nth((offset - 1).max(0) as usize)
        .map_or(line_len, |(i, _)| i);
    rest[col..]
        .chars()
        .all(|c| matches!(c, ' ' | '\t' | '\x0c' | '\n'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_compile_rejects_misplaced_statements() {
        // codeop.compile_command(src, symbol="exec", flags=PyCF_ONLY_AST) in CPython 3.14:
        // SyntaxError for each of these, a code object for the last two.
        for src in [
            "yield x",
            "return 1",
            "nonlocal x",
            "await x",
            "break",
            "if x:\n    continue",
        ] {
            assert_eq!(
                VmFrontEnd.compile(src, false),
                Err(SnippetError::Syntax),
                "{src}"
            );
            assert_eq!(VmFrontEnd.compile(src, true), Ok(()), "{src}");
        }
        for src in ["global x", "for x in y:\n    break"] {
            assert_eq!(VmFrontEnd.compile(src, false), Ok(()), "{src}");
        }
    }

    #[test]
    fn incomplete_input_is_recognized() {
        // codeop returns None (incomplete) for these in CPython 3.14 and raises for the rest.
        for src in [
            "x = 1\nwhile x:",
            "x = 1\nwhile x:\n",
            "x = (1,",
            "f(",
            "@dec",
            "try:\n  pass",
        ] {
            assert_eq!(
                VmFrontEnd.compile(src, true),
                Err(SnippetError::Incomplete),
                "{src}"
            );
        }
        for src in ["x = 1 +", "a b", "def f(:"] {
            assert_eq!(
                VmFrontEnd.compile(src, true),
                Err(SnippetError::Syntax),
                "{src}"
            );
        }
    }
}
