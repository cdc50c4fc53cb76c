//! The syntax-error suite: sources CPython 3.14 rejects, with its exact exception.
//!
//! Each case of `tests/data/syntax_errors.json` is parsed with `vm::parse::parse_bytes` in
//! exec mode, and the error must match CPython's `ast.parse(bytes)`: exception type, message,
//! `lineno`, `offset`, `end_lineno` and `end_offset` (CPython's `None` compares as 0). The data
//! comes from `tools/harvest_syntax_cases.py`; the ratchet is explained in `case_suite`.

mod case_suite;

use case_suite::{Case, Check, json_int, load_cases, run_suite};
use vm::parse::{Mode, SyntaxError, parse_bytes};

/// CPython's error, as recorded.
fn expected(case: &Case) -> (String, String, [i64; 4]) {
    let err = &case.json["error"];
    let text = |key: &str| err[key].as_str().unwrap_or_default().to_string();
    let loc = ["lineno", "offset", "end_lineno", "end_offset"].map(|k| json_int(err, k));
    (text("type"), text("msg"), loc)
}

fn describe(kind: &str, msg: &str, loc: [i64; 4]) -> String {
    format!(
        "{kind}: {msg:?} at {}:{}-{}:{}",
        loc[0], loc[1], loc[2], loc[3]
    )
}

fn actual_location(err: &SyntaxError) -> [i64; 4] {
    [
        i64::from(err.lineno),
        i64::from(err.offset),
        i64::from(err.end_lineno),
        i64::from(err.end_offset),
    ]
}

fn check_case(case: &Case) -> Vec<Check> {
    let (kind, msg, loc) = expected(case);
    let want = describe(&kind, &msg, loc);
    let arena = arena::Arena::new();
    let check = match parse_bytes(&arena, &case.bytes, Mode::Exec) {
        Ok(_) => Check::fail(
            case.id.clone(),
            "parsed",
            want,
            "parsed without error".into(),
        ),
        Err(err) => {
            let got = describe(err.kind.name(), &err.msg, actual_location(&err));
            if err.kind.name() != kind {
                Check::fail(case.id.clone(), "type", want, got)
            } else if err.msg != msg {
                Check::fail(case.id.clone(), "message", want, got)
            } else if actual_location(&err) != loc {
                Check::fail(case.id.clone(), "location", want, got)
            } else {
                Check::pass(case.id.clone())
            }
        }
    };
    vec![check]
}

#[test]
fn syntax_errors_match_cpython() {
    run_suite("syntax_errors", load_cases("syntax_errors"), check_case);
}
