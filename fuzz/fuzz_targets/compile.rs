//! Fuzz target: arbitrary bytes through the whole compiler (decode, tokenize, parse, symbol
//! table, codegen, flow graph, assembler). Any panic, abort, timeout or stack overflow is a
//! bug: every input must either compile or produce a Python exception.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let arena = arena::Arena::new();
    if let Ok(parsed) = vm::parse::parse_bytes(&arena, data, vm::parse::Mode::Exec) {
        let _ = vm::compile::compile_module(&parsed, "<fuzz>");
    }
});
