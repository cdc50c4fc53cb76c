//! The snippet suite: sources CPython 3.14 parses, with the exact `ast.dump` text.
//!
//! Each case of `tests/data/snippets.json` must parse with `vm::parse::parse_bytes` (exec
//! mode) and `vm::ast::dump::dump` must print what CPython's `ast.dump(tree)` prints from a
//! script's top level (check id `<id>`) and what `ast.dump(tree, include_attributes=True)`
//! prints (check id `<id>@attrs`). Where CPython's `ast.dump` raises (`dump_error`: a
//! RecursionError for deep trees, a ValueError for huge ints) `dump` must fail the same way.
//! Cases with null dumps and no `dump_error` (too large to record) only have to parse.
//!
//! The sources of `compile_errors.json` are valid syntax too (only the compiler rejects them),
//! so they run here as a second suite. The ratchet is explained in `case_suite`.

mod case_suite;

use case_suite::{Case, Check, load_cases, run_suite};
use vm::ast::dump::{DumpOptions, dump};
use vm::parse::{Mode, SyntaxError, parse_bytes};

/// What CPython's `ast.dump` gives for one setting of `include_attributes`.
enum Expected<'c> {
    Text(&'c str),
    Error(String),
}

fn describe_error(err: &SyntaxError) -> String {
    format!("{}: {}", err.kind.name(), err.msg)
}

fn check_case(case: &Case) -> Vec<Check> {
    let json = &case.json;
    let error = json["dump_error"].as_object().map(|e| {
        let field = |k: &str| e.get(k).and_then(|v| v.as_str()).unwrap_or_default();
        format!("{}: {}", field("type"), field("msg"))
    });
    // (include_attributes, check id, expected); empty when the case must only parse.
    let mut wanted = Vec::new();
    for (key, attrs, suffix) in [("dump", false, ""), ("dump_attrs", true, "@attrs")] {
        let id = format!("{}{suffix}", case.id);
        match (&error, json[key].as_str()) {
            (Some(err), _) => wanted.push((attrs, id, Expected::Error(err.clone()))),
            (None, Some(text)) => wanted.push((attrs, id, Expected::Text(text))),
            (None, None) => {}
        }
    }

    let arena = arena::Arena::new();
    let parsed = match parse_bytes(&arena, &case.bytes, Mode::Exec) {
        Ok(parsed) => parsed,
        Err(err) => {
            let actual = format!(
                "{} at {}:{}-{}:{}",
                describe_error(&err),
                err.lineno,
                err.offset,
                err.end_lineno,
                err.end_offset
            );
            if wanted.is_empty() {
                return vec![Check::fail(
                    case.id.clone(),
                    "error",
                    "(parses)".into(),
                    actual,
                )];
            }
            return wanted
                .into_iter()
                .map(|(_, id, want)| {
                    let want = match want {
                        Expected::Text(text) => text.to_string(),
                        Expected::Error(err) => err,
                    };
                    Check::fail(id, "error", want, actual.clone())
                })
                .collect();
        }
    };
    if wanted.is_empty() {
        return vec![Check::pass(case.id.clone())];
    }
    wanted
        .into_iter()
        .map(|(include_attributes, id, want)| {
            let options = DumpOptions {
                indent: None,
                include_attributes,
            };
            let got = dump(&parsed.module, parsed.source, &parsed.lines, &options);
            let class = if include_attributes { "attrs" } else { "dump" };
            match (want, got) {
                (Expected::Text(want), Ok(got)) if got == want => Check::pass(id),
                (Expected::Text(want), Ok(got)) => Check::fail(id, class, want.into(), got),
                (Expected::Text(want), Err(err)) => {
                    Check::fail(id, "dump-error", want.into(), describe_error(&err))
                }
                (Expected::Error(want), Err(err)) if describe_error(&err) == want => {
                    Check::pass(id)
                }
                (Expected::Error(want), Err(err)) => {
                    Check::fail(id, "dump-error", want, describe_error(&err))
                }
                (Expected::Error(want), Ok(got)) => Check::fail(id, "dump-error", want, got),
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
