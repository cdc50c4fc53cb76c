//! Robustness of the disassembler: arbitrary bytes in `co_code`, the line table and the
//! exception table, and opargs pointing anywhere, must give a listing or a `DisError`,
//! never a panic. (Correctness against CPython is `vm/tests/dis_text.rs`.)

use std::rc::Rc;

use super::*;
use crate::instr::CodeUnit;

/// xorshift64*: deterministic, dependency-free randomness for the generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn bytes(&mut self, max_len: u64) -> Vec<u8> {
        (0..self.below(max_len))
            .map(|_| self.next() as u8)
            .collect()
    }
}

fn random_code(rng: &mut Rng, depth: u32) -> CodeObject {
    let units = rng.below(64);
    let code = (0..units)
        .map(|_| {
            // Mostly real opcodes, with EXTENDED_ARG runs and unassigned bytes mixed in.
            let opcode = match rng.below(10) {
                0 => 69,
                1 => rng.next() as u8,
                _ => rng.below(121) as u8,
            };
            CodeUnit::new(opcode, rng.next() as u8)
        })
        .collect();
    let mut consts = vec![Const::None, Const::Int(rng.next() as i64), Const::str("s")];
    if depth < 2 && rng.below(3) == 0 {
        consts.push(Const::Code(Rc::new(random_code(rng, depth + 1))));
    }
    let names: Vec<Rc<str>> = (0..rng.below(4)).map(|i| format!("n{i}").into()).collect();
    CodeObject {
        name: "f".into(),
        qualname: "f".into(),
        filename: "x.py".into(),
        firstlineno: rng.below(5) as i32,
        code,
        consts,
        localsplusnames: names.clone(),
        names,
        linetable: rng.bytes(40),
        exceptiontable: rng.bytes(24),
        ..CodeObject::default()
    }
}

#[test]
fn arbitrary_code_objects_never_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let all = DisOptions {
        show_caches: true,
        show_offsets: true,
        show_positions: true,
    };
    let (mut listed, mut refused) = (0, 0);
    for _ in 0..3000 {
        let code = random_code(&mut rng, 0);
        for options in [DisOptions::default(), all] {
            let mut out = String::new();
            match disassemble_recursive(&mut out, &code, &options) {
                Ok(()) => listed += 1,
                Err(_) => refused += 1,
            }
        }
        let _ = json::module_json(&code);
    }
    // Both outcomes occur, so the generator reaches the error paths as well.
    assert!(
        listed > 0 && refused > 0,
        "listed {listed}, refused {refused}"
    );
}

#[test]
fn addresses_normalize() {
    assert_eq!(
        normalize_addresses("(<code object f at 0x7f61d84d4030, file \"s.py\", line 6>) at 0x"),
        "(<code object f at 0x?, file \"s.py\", line 6>) at 0x"
    );
    assert_eq!(normalize_addresses("at 0x12AB at 0xab"), "at 0x?AB at 0x?");
}

#[test]
fn nested_code_objects_get_distinct_stable_addresses() {
    let inner = Rc::new(CodeObject {
        name: "g".into(),
        filename: "x.py".into(),
        firstlineno: 3,
        ..CodeObject::default()
    });
    let outer = CodeObject {
        name: "<module>".into(),
        filename: "x.py".into(),
        firstlineno: 1,
        consts: vec![Const::Code(Rc::clone(&inner))],
        ..CodeObject::default()
    };
    let addresses = Addresses::new(&outer);
    let mut text = String::new();
    addresses.write_code_repr(&mut text, &outer);
    text.push('\n');
    addresses.write_code_repr(&mut text, &inner);
    assert_eq!(
        text,
        "<code object <module> at 0x7f0000000000, file \"x.py\", line 1>\n\
         <code object g at 0x7f0000000100, file \"x.py\", line 3>"
    );
}
