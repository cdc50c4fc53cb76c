//! The back end never panics or hangs, whatever it is handed: random instruction
//! sequences (real and pseudo opcodes, wild opargs, dangling and shared labels, odd
//! locations) with random unit metadata must come back as a code object or an error.
//! CPython asserts on most of these; rpy must fail cleanly instead.

mod backend_support;

use std::rc::Rc;

use vm::compile::backend::optimize_and_assemble;
use vm::compile::{Const, InstrSeq, Location, UnitMetadata};
use vm::instr::Opcode;

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// Opcodes the compiler may see: every real and pseudo instruction CPython's codegen can
/// emit, weighted towards the ones the passes treat specially.
fn opcode_pool() -> Vec<Opcode> {
    let mut pool: Vec<Opcode> = Opcode::ALL
        .iter()
        .copied()
        .filter(|op| !op.is_specialized() && !op.is_instrumented())
        .filter(|op| !matches!(op, Opcode::CACHE | Opcode::EXTENDED_ARG))
        .collect();
    for _ in 0..4 {
        pool.extend([
            Opcode::LOAD_CONST,
            Opcode::LOAD_SMALL_INT,
            Opcode::LOAD_FAST,
            Opcode::STORE_FAST,
            Opcode::POP_TOP,
            Opcode::JUMP,
            Opcode::POP_JUMP_IF_FALSE,
            Opcode::JUMP_IF_TRUE,
            Opcode::SETUP_FINALLY,
            Opcode::POP_BLOCK,
            Opcode::BUILD_TUPLE,
            Opcode::BINARY_OP,
            Opcode::SWAP,
            Opcode::COPY,
            Opcode::RETURN_VALUE,
            Opcode::NOP,
        ]);
    }
    pool
}

fn random_const(rng: &mut Rng) -> Const {
    match rng.below(8) {
        0 => Const::None,
        1 => Const::Bool(rng.below(2) == 1),
        2 => Const::Int(rng.below(600) as i64 - 300),
        3 => Const::Float(f64::from_bits(rng.next())),
        4 => Const::str(["", "a", "abc", "\u{e9}"][rng.below(4) as usize]),
        5 => Const::Tuple(vec![Const::Int(1), Const::str("x")].into()),
        6 => Const::Bytes(vec![1u8, 2, 3].into()),
        _ => Const::Complex {
            real: 0.0,
            imag: -0.0,
        },
    }
}

fn random_unit(rng: &mut Rng, pool: &[Opcode]) -> (InstrSeq, UnitMetadata) {
    let mut seq = InstrSeq::new();
    let nlabels = 1 + rng.below(8) as usize;
    let labels: Vec<_> = (0..nlabels).map(|_| seq.new_label()).collect();
    let max_len = if rng.below(10) == 0 { 400 } else { 40 };
    let n = 1 + rng.below(max_len) as usize;
    for _ in 0..n {
        if rng.below(5) == 0 {
            seq.use_label(labels[rng.below(nlabels as u64) as usize]);
        }
        let op = pool[rng.below(pool.len() as u64) as usize];
        let oparg = match rng.below(10) {
            0 => rng.next() as u32,
            1 => 256 + rng.below(70_000) as u32,
            _ => rng.below(20) as u32,
        };
        let oparg = if op.has_jump() || op.has_exc() {
            labels[rng.below(nlabels as u64) as usize].0
        } else {
            oparg
        };
        let line = rng.below(5) as i32 - 1;
        let loc = match rng.below(6) {
            0 => Location::NONE,
            1 => Location::NEXT,
            _ => Location::new(
                line,
                line + rng.below(3) as i32,
                rng.below(200) as i32 - 1,
                rng.below(200) as i32 - 1,
            ),
        };
        seq.emit(op, oparg, loc);
    }
    if rng.below(2) == 0 {
        seq.emit(Opcode::RETURN_VALUE, 0, Location::NONE);
    }
    let names = |rng: &mut Rng, prefix: &str| -> Vec<Rc<str>> {
        (0..rng.below(6))
            .map(|i| Rc::from(format!("{prefix}{i}").as_str()))
            .collect()
    };
    let varnames = names(rng, "v");
    let mut cellvars = names(rng, "c");
    if let Some(v) = varnames.first().filter(|_| rng.below(2) == 0) {
        cellvars.push(v.clone());
    }
    let meta = UnitMetadata {
        name: Rc::from("f"),
        qualname: Rc::from("f"),
        consts: (0..rng.below(8)).map(|_| random_const(rng)).collect(),
        names: names(rng, "n"),
        fasthidden: varnames.iter().take(1).map(|v| (v.clone(), true)).collect(),
        varnames,
        cellvars,
        freevars: names(rng, "f"),
        argcount: rng.below(3) as u32,
        posonlyargcount: rng.below(2) as u32,
        kwonlyargcount: rng.below(2) as u32,
        nparams: rng.below(4) as u32,
        firstlineno: 1,
        flags: [0, 0x20, 0x80, 0x200, 0x4 | 0x8][rng.below(5) as usize],
    };
    (seq, meta)
}

#[test]
fn random_units_never_panic() {
    let pool = opcode_pool();
    // RPY_ROBUST_CASES / RPY_ROBUST_SEED widen the search when hunting.
    let cases: usize = std::env::var("RPY_ROBUST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_000);
    let seed: u64 = std::env::var("RPY_ROBUST_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x9E37_79B9_7F4A_7C15);
    let mut rng = Rng(seed | 1);
    let filename: Rc<str> = Rc::from("<random>");
    let (mut ok, mut err) = (0, 0);
    for case in 0..cases {
        let (seq, meta) = random_unit(&mut rng, &pool);
        if std::env::var("RPY_ROBUST_TRACE").is_ok() {
            eprintln!("case {case}: {:?}", seq.instrs);
        }
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            optimize_and_assemble(seq.clone(), meta.clone(), &filename)
        }));
        match result {
            Ok(Ok(_)) => ok += 1,
            Ok(Err(_)) => err += 1,
            Err(_) => panic!("case {case} panicked: {:?}", seq.instrs),
        }
    }
    println!("{ok} assembled, {err} rejected");
    // Random input is mostly invalid, but some of it must make it through.
    assert!(ok > 0 && err > 0, "{ok} assembled, {err} rejected");
}

/// Real units from the fixture file, each mutated a few times (instructions deleted,
/// duplicated, swapped or given another oparg or opcode, jumps retargeted): shapes close
/// to what codegen emits, so that the deeper passes run on broken variants of them.
#[test]
fn mutated_fixture_units_never_panic() {
    let units = backend_support::load_units();
    let pool = opcode_pool();
    let seed: u64 = std::env::var("RPY_ROBUST_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0xD1B5_4A32_D192_ED03);
    let mut rng = Rng(seed | 1);
    let filename: Rc<str> = Rc::from("<mutated>");
    let rounds: usize = std::env::var("RPY_ROBUST_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2);
    let (mut ok, mut err) = (0, 0);
    for round in 0..rounds {
        for u in &units {
            if u["instrs"].as_array().is_none_or(|a| a.len() > 3000) {
                continue;
            }
            let mut seq = backend_support::build_seq(u["instrs"].as_array().unwrap_or(&Vec::new()));
            let meta = backend_support::metadata(u);
            for _ in 0..1 + rng.below(4) {
                mutate(&mut seq, &mut rng, &pool);
            }
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                optimize_and_assemble(seq.clone(), meta.clone(), &filename)
            }));
            match result {
                Ok(Ok(_)) => ok += 1,
                Ok(Err(_)) => err += 1,
                Err(_) => panic!("round {round} unit {} panicked: {:?}", u["id"], seq.instrs),
            }
        }
    }
    println!("{ok} assembled, {err} rejected");
    assert!(ok > 0, "{ok} assembled, {err} rejected");
}

fn mutate(seq: &mut InstrSeq, rng: &mut Rng, pool: &[Opcode]) {
    let n = seq.instrs.len();
    if n == 0 {
        return;
    }
    let i = rng.below(n as u64) as usize;
    match rng.below(6) {
        0 if n > 1 => {
            seq.instrs.remove(i);
            for t in &mut seq.label_map {
                if *t != u32::MAX && *t as usize > i {
                    *t -= 1;
                }
            }
        }
        1 => {
            let copy = seq.instrs[i];
            seq.insert(i, copy.opcode, copy.oparg, copy.loc);
        }
        2 => {
            let j = rng.below(n as u64) as usize;
            seq.instrs.swap(i, j);
        }
        3 => {
            let instr = &mut seq.instrs[i];
            if !(instr.opcode.has_jump() || instr.opcode.has_exc()) {
                instr.oparg = rng.below(40) as u32;
            }
        }
        4 => {
            let op = pool[rng.below(pool.len() as u64) as usize];
            let instr = &mut seq.instrs[i];
            let was_jump = instr.opcode.has_jump() || instr.opcode.has_exc();
            let is_jump = op.has_jump() || op.has_exc();
            if was_jump == is_jump {
                instr.opcode = op;
            }
        }
        _ => {
            if !seq.label_map.is_empty() {
                let l = rng.below(seq.label_map.len() as u64) as usize;
                seq.label_map[l] = rng.below(n as u64) as u32;
            }
        }
    }
}
