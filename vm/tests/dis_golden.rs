//! rpy's compiler against CPython 3.14 on the dis goldens (`tests/golden/dis/`): every code
//! object of every golden source must have CPython's `--json` fields (co_code, exception
//! table, line table, constants, names, locals, flags, stack size, counts), and the whole
//! `dis` listing must be CPython's.
//!
//! Check ids are `<golden>@<i>` per code object (depth-first) and `<golden>.dis` /
//! `<golden>.COP.dis` per listing; `tests/data/dis_golden_known_failures.txt` is the ratchet
//! (see `case_suite`). `make dis-parity` measures the same over the whole standard library.

mod case_suite;
mod dis_support;

use std::rc::Rc;

use vm::compile::CodeObject;

/// `compile(source, filename, "exec")`.
fn compile(bytes: &[u8], filename: &str) -> Result<Rc<CodeObject>, String> {
    let arena = arena::Arena::with_capacity(bytes.len() * 8);
    let describe = |e: vm::parse::SyntaxError| format!("{}: {}", e.kind.name(), e.msg);
    let parsed = vm::parse::parse_bytes(&arena, bytes, vm::parse::Mode::Exec).map_err(describe)?;
    vm::compile::compile_module(&parsed, filename).map_err(describe)
}

#[test]
fn compiled_code_objects_match_cpython() {
    case_suite::run_suite("dis_golden", dis_support::parity::golden_cases(), |case| {
        dis_support::parity::check_case(case, compile)
    });
}
