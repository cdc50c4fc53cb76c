//! Unit tests of the token stream: kinds, ranges and layout tokens.

use super::tokenize;
use crate::parse::token::TokenKind::{self, *};

/// Kinds and texts of the tokens of `src`, asserting that tokenizing succeeded.
pub(super) fn toks(src: &str) -> Vec<(TokenKind, &str)> {
    let ts = tokenize(src);
    assert!(
        ts.error.is_none(),
        "unexpected error for {src:?}: {:?}",
        ts.error
    );
    ts.tokens.iter().map(|t| (t.kind, t.text(src))).collect()
}

/// Kinds of the tokens of `src`, asserting that tokenizing succeeded.
pub(super) fn kinds(src: &str) -> Vec<TokenKind> {
    toks(src).into_iter().map(|(k, _)| k).collect()
}

/// Byte ranges of the tokens of `src`.
fn ranges(src: &str) -> Vec<(TokenKind, u32, u32)> {
    tokenize(src)
        .tokens
        .iter()
        .map(|t| (t.kind, t.start, t.end))
        .collect()
}

#[test]
fn simple_statement() {
    assert_eq!(
        toks("x = 1\n"),
        vec![
            (Name, "x"),
            (Equal, "="),
            (Number, "1"),
            (Newline, "\n"),
            (EndMarker, "")
        ]
    );
}

#[test]
fn empty_and_blank_sources() {
    assert_eq!(kinds(""), vec![EndMarker]);
    assert_eq!(kinds("\n\n   \n# c\n"), vec![EndMarker]);
    assert_eq!(kinds("# only a comment"), vec![EndMarker]);
}

#[test]
fn implicit_final_newline_is_empty_at_the_end() {
    assert_eq!(
        ranges("x"),
        vec![(Name, 0, 1), (Newline, 1, 1), (EndMarker, 1, 1)]
    );
}

#[test]
fn newline_after_a_comment_starts_at_the_comment() {
    // CPython's parser sees the NEWLINE token starting at the `#`.
    assert_eq!(ranges("x  # c\n")[1], (Newline, 3, 7));
    assert_eq!(ranges("x  # c")[1], (Newline, 3, 6));
}

#[test]
fn keywords_and_soft_keywords() {
    assert_eq!(
        kinds("if not None: match = type\n"),
        vec![If, Not, None, Colon, Name, Equal, Name, Newline, EndMarker]
    );
    assert_eq!(kinds("async await _\n")[..3], [Async, Await, Name]);
}

#[test]
fn indentation_tokens() {
    let src = "if x:\n    y\n    if z:\n        w\nv\n";
    assert_eq!(
        kinds(src),
        vec![
            If, Name, Colon, Newline, Indent, Name, Newline, If, Name, Colon, Newline, Indent,
            Name, Newline, Dedent, Dedent, Name, Newline, EndMarker
        ]
    );
    let r = ranges(src);
    assert_eq!(r[4], (Indent, 6, 10));
    // Dedents are empty, at the first token of the closing line.
    assert_eq!(r[14], (Dedent, 32, 32));
}

#[test]
fn dedents_at_end_of_input() {
    assert_eq!(
        ranges("if x:\n  y"),
        vec![
            (If, 0, 2),
            (Name, 3, 4),
            (Colon, 4, 5),
            (Newline, 5, 6),
            (Indent, 6, 8),
            (Name, 8, 9),
            (Newline, 9, 9),
            (Dedent, 9, 9),
            (EndMarker, 9, 9)
        ]
    );
}

#[test]
fn blank_and_comment_lines_keep_indentation() {
    let src = "if x:\n  y\n\n      # deep comment\n  z\n";
    assert_eq!(
        kinds(src),
        vec![
            If, Name, Colon, Newline, Indent, Name, Newline, Name, Newline, Dedent, EndMarker
        ]
    );
}

#[test]
fn form_feed_resets_the_column() {
    assert_eq!(kinds("if x:\n  y\n\x0c  z\n"), kinds("if x:\n  y\n  z\n"));
}

#[test]
fn brackets_suppress_newlines_and_indentation() {
    assert_eq!(
        kinds("x = (1,\n      2,\n\n 3)\n"),
        vec![
            Name, Equal, Lpar, Number, Comma, Number, Comma, Number, Rpar, Newline, EndMarker
        ]
    );
}

#[test]
fn line_continuation() {
    assert_eq!(
        kinds("x = 1 + \\\n  2\n"),
        vec![Name, Equal, Number, Plus, Number, Newline, EndMarker]
    );
    // A continuation in the indentation: the column of the backslash counts.
    assert_eq!(
        kinds("if x:\n  \\\n y\n"),
        vec![
            If, Name, Colon, Newline, Indent, Name, Newline, Dedent, EndMarker
        ]
    );
}

#[test]
fn operators() {
    let src = "a **= b //= c <<= d >>= e -> f := g != h <> i == j ... k . l @= m\n";
    let ops: Vec<TokenKind> = kinds(src).into_iter().filter(|k| *k != Name).collect();
    assert_eq!(
        ops,
        vec![
            DoubleStarEqual,
            DoubleSlashEqual,
            LeftShiftEqual,
            RightShiftEqual,
            Rarrow,
            ColonEqual,
            NotEqual,
            NotEqual,
            EqEqual,
            Ellipsis,
            Dot,
            AtEqual,
            Newline,
            EndMarker
        ]
    );
}

#[test]
fn unknown_characters_are_op_tokens() {
    assert_eq!(toks("a $ b ? `\n")[1], (Op, "$"));
    assert_eq!(toks("a $ b ? `\n")[3], (Op, "?"));
    assert_eq!(toks("a $ b ? `\n")[4], (Op, "`"));
    assert_eq!(toks("!\n")[0], (Exclamation, "!"));
}

#[test]
fn numbers() {
    for lit in [
        "0",
        "00",
        "0_0",
        "123",
        "1_000",
        "0x_ff",
        "0XAB",
        "0o17",
        "0b1_0",
        "1.",
        ".5",
        "1.5e10",
        "1e-5",
        "1E+5",
        "1_0.0_1e1_0",
        "0.0",
        "09.5",
        "0e0",
        "1j",
        "1.5J",
        "0j",
        "00.5e3j",
    ] {
        let src = format!("{lit}\n");
        assert_eq!(toks(&src)[0], (Number, lit), "{lit}");
        assert_eq!(toks(&src).len(), 3, "{lit}");
    }
    // `1.` then `.2`, and attribute access on an int needs a space.
    assert_eq!(toks("1..2\n")[..2], [(Number, "1."), (Number, ".2")]);
    assert_eq!(
        toks("1 .real\n")[..3],
        [(Number, "1"), (Dot, "."), (Name, "real")]
    );
}

#[test]
fn number_followed_by_keyword_warns() {
    let ts = tokenize("x = 1if y else 2\n");
    assert!(ts.error.is_none());
    assert_eq!(ts.tokens[2].text("x = 1if y else 2\n"), "1");
    assert_eq!(ts.tokens[3].kind, If);
    assert_eq!(ts.warnings.len(), 1);
    assert_eq!(ts.warnings[0].msg, "invalid decimal literal");
    assert_eq!(ts.warnings[0].lineno, 1);
    let ts = tokenize("0x1for x in y\n");
    assert_eq!(ts.warnings[0].msg, "invalid hexadecimal literal");
    // `0x1f` is a complete hex literal and `or` follows it.
    assert_eq!(ts.tokens[0].text("0x1for x in y\n"), "0x1f");
}

#[test]
fn strings() {
    for lit in [
        "''",
        "\"\"",
        "'a'",
        "'''a'''",
        "\"\"\"a\nb\"\"\"",
        "r'\\''",
        "b'x'",
        "Rb'x'",
        "bR'x'",
        "u'x'",
        "U\"x\"",
        "'a\\'b'",
        "'a\\\nb'",
        "''''''",
        "'\"'",
        "br'\\\\'",
    ] {
        let src = format!("{lit}\n");
        assert_eq!(toks(&src)[0], (String, lit), "{lit}");
        assert_eq!(toks(&src).len(), 3, "{lit}");
    }
    // Prefix letters that do not make a prefix are names.
    assert_eq!(toks("rr'x'\n")[..2], [(Name, "rr"), (String, "'x'")]);
    assert_eq!(toks("bx'x'\n")[..2], [(Name, "bx"), (String, "'x'")]);
}

#[test]
fn string_ranges_span_lines() {
    let src = "x = '''a\nb''' + 1\n";
    assert_eq!(ranges(src)[2], (String, 4, 13));
}

#[test]
fn identifiers_are_not_normalized() {
    assert_eq!(
        toks("ﬁ = é·\n")[..3],
        [(Name, "ﬁ"), (Equal, "="), (Name, "é·")]
    );
    assert_eq!(toks("_Ä1\n")[0], (Name, "_Ä1"));
}

#[test]
fn tokens_stop_at_the_error() {
    let ts = tokenize("x = 1\ny = 'abc\nz = 2\n");
    let kinds: Vec<_> = ts.tokens.iter().map(|t| t.kind).collect();
    assert_eq!(kinds, vec![Name, Equal, Number, Newline, Name, Equal]);
    assert!(ts.error.is_some());
}

#[test]
fn deep_nesting_does_not_overflow() {
    let src = "(".repeat(100_000);
    let ts = tokenize(&src);
    assert_eq!(
        ts.error.map(|e| e.msg).as_deref(),
        Some("too many nested parentheses")
    );
    let src = "f'{".repeat(10_000);
    assert!(tokenize(&src).error.is_some());
}

#[test]
fn every_prefix_of_tricky_source_terminates() {
    // Tokenizing must end (with tokens or an error) on every prefix, never panic.
    let src = "if x:\n\tf'''{a!r:>{w}}''' + rb'\\x' \\\n  # c\n  y = 0x_1e5j; z = (1,\n[2]) $\n";
    for end in (0..=src.len()).filter(|&i| src.is_char_boundary(i)) {
        let ts = tokenize(&src[..end]);
        assert!(ts.error.is_some() || ts.tokens.last().map(|t| t.kind) == Some(EndMarker));
    }
}

/// Random sources built from tricky fragments never panic, and their streams are sound:
/// ranges in order and on character boundaries, `EndMarker` last unless an error stopped
/// tokenizing, and errors located inside the source.
#[test]
fn random_fragment_soup_is_handled() {
    const FRAGMENTS: &[&str] = &[
        "f'", "f\"", "t'", "rb'", "'''", "\"\"\"", "'", "\"", "{", "}", "{{", "}}", "(", ")", "[",
        "]", "\\", "\n", "\n  ", "\n\t", " ", "\t", "\x0c", "#", "x", "if", "1", "0x", "0o", "1e",
        ".", "...", ":", "=", "!", "!=", ":=", "é", "€", "\u{a0}", "\u{200d}", "\\N{", "_", "j",
        "\r", "$", "\x01", "lambda", "\\\n", "0_", "x:{y", "!r",
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..20_000 {
        let n = 1 + next() % 24;
        let src: std::string::String = (0..n)
            .map(|_| FRAGMENTS[(next() % FRAGMENTS.len() as u64) as usize])
            .collect();
        let exec_input = next() % 4 != 0;
        let ts = super::tokenize_input(&src, exec_input);
        let mut prev = 0;
        for t in &ts.tokens {
            let (s, e) = (t.start as usize, t.end as usize);
            assert!(prev <= s && s <= e && e <= src.len(), "{src:?}: {t:?}");
            assert!(
                src.is_char_boundary(s) && src.is_char_boundary(e),
                "{src:?}: {t:?}"
            );
            prev = e;
        }
        match &ts.error {
            Option::None => {
                assert_eq!(ts.tokens.last().map(|t| t.kind), Some(EndMarker), "{src:?}")
            }
            Some(e) => {
                assert!(
                    e.lineno as usize <= src.lines().count() + 1,
                    "{src:?}: {e:?}"
                );
                assert!(e.offset >= 0 && e.end_offset >= -1, "{src:?}: {e:?}");
            }
        }
    }
}
