//! The snippet suite: sources CPython 3.14 parses, with the exact `ast.dump` text.
//!
//! Each case of `tests/data/snippets.json` must parse with `vm::parse::parse_bytes` (exec
//! mode) and print what CPython's `ast.dump(tree)` prints (check id `<id>`) and what
//! `ast.dump(tree, include_attributes=True)` prints (check id `<id>@attrs`). Cases whose dump
//! is `null` (too deep or too large to record) only have to parse. The sources of
//! `compile_errors.json` are valid syntax too (only the compiler rejects them), so they run
//! here as a second suite. The ratchet is explained in `case_suite`.

mod case_suite;

use case_suite::{Case, Check, load_cases, run_suite};
use vm::parse::{Mode, Parsed, parse_bytes};

/// Prints `parsed` like CPython's `ast.dump` (no indent). `None` while `vm::ast::dump` (branch
/// `dump`) is not merged; once it is, this becomes:
/// `Some(vm::ast::dump::dump(&parsed.module, parsed.source, &parsed.lines,
///  &vm::ast::dump::DumpOptions { indent: None, include_attributes }))`.
fn dump(parsed: &Parsed<'_>, include_attributes: bool) -> Option<String> {
    let _ = (parsed, include_attributes);
    None
}

fn check_case(case: &Case) -> Vec<Check> {
    // (expected text, include_attributes, check id); both texts are null together.
    let expected =
        [("dump", false, ""), ("dump_attrs", true, "@attrs")].map(|(key, attrs, suffix)| {
            (
                case.json[key].as_str(),
                attrs,
                format!("{}{suffix}", case.id),
            )
        });
    let only_parse = expected[0].0.is_none();
    let arena = arena::Arena::new();
    let parsed = match parse_bytes(&arena, &case.bytes, Mode::Exec) {
        Ok(parsed) => parsed,
        Err(err) => {
            let actual = format!(
                "{err} at {}:{}-{}:{}",
                err.lineno, err.offset, err.end_lineno, err.end_offset
            );
            if only_parse {
                return vec![Check::fail(
                    case.id.clone(),
                    "error",
                    "(parses)".into(),
                    actual,
                )];
            }
            return expected
                .into_iter()
                .map(|(want, _, id)| {
                    Check::fail(id, "error", want.unwrap_or_default().into(), actual.clone())
                })
                .collect();
        }
    };
    if only_parse {
        return vec![Check::pass(case.id.clone())];
    }
    expected
        .into_iter()
        .map(|(want, attrs, id)| {
            let want = want.unwrap_or_default();
            match dump(&parsed, attrs) {
                None => Check::fail(
                    id,
                    "no-dump",
                    want.into(),
                    "vm::ast::dump is not merged".into(),
                ),
                Some(got) if got == want => Check::pass(id),
                Some(got) => {
                    Check::fail(id, if attrs { "attrs" } else { "dump" }, want.into(), got)
                }
            }
        })
        .collect()
}

#[test]
fn snippets_match_cpython() {
    run_suite("snippets", load_cases("snippets"), check_case);
}

#[test]
fn compile_error_sources_parse_like_cpython() {
    run_suite(
        "compile_error_sources",
        load_cases("compile_errors"),
        check_case,
    );
}
