//! Every snippet CPython 3.14 parses (`tests/data/snippets.json`) must compile: the
//! harvester puts the sources `compile()` rejects in `compile_errors.json` instead, so a
//! compile error here is a bug, and so is a panic or a hang (the runner catches both).
//! The ratchet is explained in `case_suite`.

mod case_suite;

use case_suite::{Case, Check, load_cases, run_suite};
use vm::compile::compile_module;
use vm::parse::{Mode, parse_bytes};

fn check_case(case: &Case) -> Vec<Check> {
    let arena = arena::Arena::new();
    // Sources whose parse fails are the parser suites' business.
    let Ok(parsed) = parse_bytes(&arena, &case.bytes, Mode::Exec) else {
        return vec![Check::pass(case.id.clone())];
    };
    let check = match compile_module(&parsed, "<string>") {
        Ok(_) => Check::pass(case.id.clone()),
        Err(e) => Check::fail(
            case.id.clone(),
            "compile",
            "compiles".into(),
            format!("{}: {}", e.kind.name(), e.msg),
        ),
    };
    vec![check]
}

#[test]
fn snippets_compile() {
    run_suite("compile_snippets", load_cases("snippets"), check_case);
}
