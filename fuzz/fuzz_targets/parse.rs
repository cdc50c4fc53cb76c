//! Fuzz target: arbitrary bytes through source decoding, the tokenizer, the parser and the
//! `ast.dump` printer. Any panic, abort, timeout or stack overflow is a bug: every input must
//! either parse or produce a Python exception.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let arena = arena::Arena::new();
    if let Ok(parsed) = vm::parse::parse_bytes(&arena, data, vm::parse::Mode::Exec) {
        let opts = vm::ast::dump::DumpOptions { indent: None, include_attributes: true };
        let _ = vm::ast::dump::dump(&parsed.module, parsed.source, &parsed.lines, &opts);
    }
});
