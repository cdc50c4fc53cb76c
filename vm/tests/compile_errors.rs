//! The compile-error suite: sources CPython 3.14 parses but refuses to compile, with the
//! exact exception `compile(bytes, "<string>", "exec")` raised.
//!
//! Each case of `tests/data/compile_errors.json` is parsed with `vm::parse::parse_bytes`,
//! then compiled with `vm::compile::compile_module`; the error must match CPython's:
//! exception type, message, `lineno`, `offset`, `end_lineno` and `end_offset` (CPython's
//! `None` compares as 0). The ratchet is explained in `case_suite`.

mod case_suite;

use case_suite::{Case, Check, json_int, load_cases, run_suite};
use vm::compile::compile_module;
use vm::parse::{Mode, SyntaxError, parse_bytes};

fn describe(kind: &str, msg: &str, loc: [i64; 4]) -> String {
    format!(
        "{kind}: {msg:?} at {}:{}-{}:{}",
        loc[0], loc[1], loc[2], loc[3]
    )
}

fn location(err: &SyntaxError) -> [i64; 4] {
    [
        i64::from(err.lineno),
        i64::from(err.offset),
        i64::from(err.end_lineno),
        i64::from(err.end_offset),
    ]
}

fn check_case(case: &Case) -> Vec<Check> {
    let err = &case.json["error"];
    let text = |key: &str| err[key].as_str().unwrap_or_default().to_string();
    let (kind, msg) = (text("type"), text("msg"));
    let loc = ["lineno", "offset", "end_lineno", "end_offset"].map(|k| json_int(err, k));
    let want = describe(&kind, &msg, loc);
    let arena = arena::Arena::new();
    let parsed = match parse_bytes(&arena, &case.bytes, Mode::Exec) {
        Ok(p) => p,
        Err(e) => {
            let got = describe(e.kind.name(), &e.msg, location(&e));
            return vec![Check::fail(case.id.clone(), "parse", want, got)];
        }
    };
    let check = match compile_module(&parsed, "<string>") {
        Ok(_) => Check::fail(
            case.id.clone(),
            "compiled",
            want,
            "compiled without error".into(),
        ),
        Err(e) => {
            let got = describe(e.kind.name(), &e.msg, location(&e));
            if e.kind.name() != kind {
                Check::fail(case.id.clone(), "type", want, got)
            } else if e.msg != msg {
                Check::fail(case.id.clone(), "message", want, got)
            } else if location(&e) != loc {
                Check::fail(case.id.clone(), "location", want, got)
            } else {
                Check::pass(case.id.clone())
            }
        }
    };
    vec![check]
}

#[test]
fn compile_errors_match_cpython() {
    run_suite("compile_errors", load_cases("compile_errors"), check_case);
}
