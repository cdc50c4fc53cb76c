//! Unit tests of f-string and t-string tokens.

use super::tests::{kinds, toks};
use super::{middle_text, strip_expr_comments, tokenize};
use crate::parse::token::TokenKind::*;

#[test]
fn replacement_fields_and_format_specs() {
    assert_eq!(
        toks("f\"a{{b}}c{x!r:>{w}} {y=}\"\n"),
        vec![
            (FstringStart, "f\""),
            (FstringMiddle, "a{{"),
            (FstringMiddle, "b}}"),
            (FstringMiddle, "c"),
            (Lbrace, "{"),
            (Name, "x"),
            (Exclamation, "!"),
            (Name, "r"),
            (Colon, ":"),
            (FstringMiddle, ">"),
            (Lbrace, "{"),
            (Name, "w"),
            (Rbrace, "}"),
            (FstringMiddle, ""),
            (Rbrace, "}"),
            (FstringMiddle, " "),
            (Lbrace, "{"),
            (Name, "y"),
            (Equal, "="),
            (Rbrace, "}"),
            (FstringEnd, "\""),
            (Newline, "\n"),
            (EndMarker, "")
        ]
    );
}

#[test]
fn doubled_braces_text() {
    let src = "f'a{{b}}'\n";
    let ts = tokenize(src);
    let middles: Vec<&str> = ts
        .tokens
        .iter()
        .filter(|t| t.kind == FstringMiddle)
        .map(|t| middle_text(src, t))
        .collect();
    assert_eq!(middles, vec!["a{", "b}"]);
}

#[test]
fn tstrings_use_their_own_kinds() {
    assert_eq!(
        toks("t'a{b}'\n")[..6],
        [
            (TstringStart, "t'"),
            (TstringMiddle, "a"),
            (Lbrace, "{"),
            (Name, "b"),
            (Rbrace, "}"),
            (TstringEnd, "'")
        ]
    );
    assert_eq!(toks("Rt'x'\n")[0], (TstringStart, "Rt'"));
}

#[test]
fn colon_equal_and_not_equal_in_fields() {
    // A top-level `:` starts the spec; inside parentheses `:=` is the walrus.
    let k: Vec<_> = kinds("f'{x:=10}'\n");
    assert_eq!(
        k[..6],
        [FstringStart, Lbrace, Name, Colon, FstringMiddle, Rbrace]
    );
    let k: Vec<_> = kinds("f'{(x:=10)}'\n");
    assert!(k.contains(&ColonEqual));
    let k: Vec<_> = kinds("f'{a!=b}'\n");
    assert!(k.contains(&NotEqual) && !k.contains(&Exclamation));
}

#[test]
fn nested_quotes_and_fstrings() {
    let src = "f\"{f\"{x}\"}\" f'{\"a\"}'\n";
    let k: Vec<_> = kinds(src);
    assert_eq!(
        k,
        vec![
            FstringStart,
            Lbrace,
            FstringStart,
            Lbrace,
            Name,
            Rbrace,
            FstringEnd,
            Rbrace,
            FstringEnd,
            FstringStart,
            Lbrace,
            String,
            Rbrace,
            FstringEnd,
            Newline,
            EndMarker
        ]
    );
}

#[test]
fn lambda_and_dict_braces_in_fields() {
    let k: Vec<_> = toks("f'{ {1: 2}[1] }{(lambda x: x)(1)}'\n")
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert!(k.contains(&Lambda));
    assert_eq!(k.iter().filter(|&&k| k == FstringMiddle).count(), 0);
}

#[test]
fn multiline_fields_and_comments() {
    let expected = [
        FstringStart,
        Lbrace,
        Name,
        Plus,
        Number,
        Rbrace,
        FstringEnd,
        Newline,
        EndMarker,
    ];
    assert_eq!(kinds("f'''{\n  x  # comment\n  + 1\n}'''\n"), expected);
    // PEP 701: single-quoted f-strings may also have multi-line fields.
    assert_eq!(kinds("f'{x\n+1}'\n"), expected);
}

#[test]
fn triple_quoted_spec_ends_at_newline() {
    let k: Vec<_> = kinds("f'''{x:abc\n}'''\n");
    assert_eq!(
        k,
        vec![
            FstringStart,
            Lbrace,
            Name,
            Colon,
            FstringMiddle,
            Rbrace,
            FstringEnd,
            Newline,
            EndMarker
        ]
    );
}

#[test]
fn named_unicode_escape_stays_in_one_middle() {
    assert_eq!(
        toks("f'\\N{BULLET}{x}'\n")[1],
        (FstringMiddle, "\\N{BULLET}")
    );
    // Raw: `\N` is not an escape, so `{` opens a field.
    assert_eq!(toks("rf'\\N{x}'\n")[1], (FstringMiddle, "\\N"));
}

#[test]
fn quotes_inside_triple_quoted_fstrings() {
    assert_eq!(toks("f'''a''b'''\n")[1], (FstringMiddle, "a''b"));
    assert_eq!(toks("f'''''x'''\n")[1], (FstringMiddle, "''x"));
}

#[test]
fn escaped_brace_warns() {
    let ts = tokenize("f'\\{x}'\n");
    assert!(ts.error.is_none());
    assert_eq!(ts.warnings.len(), 1);
    assert!(
        ts.warnings[0]
            .msg
            .starts_with("\"\\{\" is an invalid escape sequence. Such sequences")
    );
    assert!(tokenize("rf'\\{x}'\n").warnings.is_empty());
}

#[test]
fn debug_text_comment_stripping() {
    assert_eq!(strip_expr_comments("x + 1 "), "x + 1 ");
    assert_eq!(strip_expr_comments("x # c\n+ 1"), "x \n+ 1");
    assert_eq!(strip_expr_comments("'#' + x"), "'#' + x");
    assert_eq!(strip_expr_comments("x # c"), "x ");
}
