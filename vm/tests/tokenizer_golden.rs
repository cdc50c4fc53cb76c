//! Token dumps of tricky sources against CPython 3.14's `tokenize` output, committed in
//! `tests/tokenizer_golden/*.tokens` (written by `tools/tokenize_parity.py --golden`), plus
//! invariants every token stream must satisfy.

use std::path::Path;
use vm::parse::source::decode;
use vm::parse::token::{Token, TokenKind};
use vm::parse::tokenizer::{dump::dump_tokens, tokenize};

/// Structural invariants: ranges in bounds, on character boundaries, in order; the stream
/// ends with `EndMarker`; indents, brackets of f-strings and t-strings balance.
fn check_invariants(name: &str, source: &str, tokens: &[Token]) {
    let mut prev_end = 0;
    let (mut depth, mut strings) = (0i32, 0i32);
    for t in tokens {
        let (s, e) = (t.start as usize, t.end as usize);
        assert!(s <= e && e <= source.len(), "{name}: {t:?} out of bounds");
        assert!(
            source.is_char_boundary(s) && source.is_char_boundary(e),
            "{name}: {t:?}"
        );
        assert!(s >= prev_end, "{name}: {t:?} overlaps the previous token");
        prev_end = e;
        match t.kind {
            TokenKind::Indent => depth += 1,
            TokenKind::Dedent => depth -= 1,
            TokenKind::FstringStart | TokenKind::TstringStart => strings += 1,
            TokenKind::FstringEnd | TokenKind::TstringEnd => strings -= 1,
            _ => {}
        }
        assert!(depth >= 0 && strings >= 0, "{name}: unbalanced at {t:?}");
    }
    assert_eq!(
        tokens.last().map(|t| t.kind),
        Some(TokenKind::EndMarker),
        "{name}"
    );
    assert_eq!((depth, strings), (0, 0), "{name}: unbalanced at the end");
}

#[test]
fn golden_token_dumps_match_cpython() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tokenizer_golden");
    let mut sources: Vec<_> = std::fs::read_dir(&dir)
        .expect("golden directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    sources.sort();
    assert!(
        sources.len() >= 30,
        "expected the golden corpus, found {}",
        sources.len()
    );
    let mut failures = Vec::new();
    for path in &sources {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let bytes = std::fs::read(path).expect("source");
        let expected = std::fs::read_to_string(path.with_extension("py.tokens")).expect("golden");
        let source = decode(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let stream = tokenize(&source);
        assert!(stream.error.is_none(), "{name}: {:?}", stream.error);
        check_invariants(&name, &source, &stream.tokens);
        let actual = dump_tokens(&source, &stream);
        if actual != expected {
            let line = expected
                .lines()
                .zip(actual.lines())
                .position(|(a, b)| a != b);
            failures.push(format!("{name}: first difference at token {line:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
