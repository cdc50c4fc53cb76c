//! Times rpy's parse + compile over many files, side by side with
//! `tools/compile_speed.py` (CPython's `compile()` over the same files).
//!
//! Usage: `cargo run -p vm --release --example compile_bench -- [--repeat N] --files LIST`
//! or `... -- FILE...`. Sources are read into memory first; the time covers decoding,
//! tokenizing, parsing and compiling (symbol table, codegen, flow graph, assembler), best of
//! N runs. Prints the totals and the number of files that failed to parse or compile.
//! `--codegen-only` (first) stops after codegen (no flow graph or assembler).

use std::time::{Duration, Instant};

// As in the `rpy` binary.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use vm::compile::{codegen_module, compile_module};
use vm::parse::{Mode, parse_bytes};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut repeat = 3;
    if args.first().is_some_and(|a| a == "--repeat") {
        repeat = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(3);
        args.drain(..2.min(args.len()));
    }
    let codegen_only = args.first().is_some_and(|a| a == "--codegen-only");
    if codegen_only {
        args.remove(0);
    }
    if args.first().is_some_and(|a| a == "--files") {
        let list = args
            .get(1)
            .and_then(|p| std::fs::read_to_string(p).ok())
            .unwrap_or_default();
        args = list
            .lines()
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect();
    }
    let sources: Vec<(String, Vec<u8>)> = args
        .iter()
        .filter_map(|p| std::fs::read(p).ok().map(|b| (p.clone(), b)))
        .collect();
    let bytes: usize = sources.iter().map(|(_, b)| b.len()).sum();
    let mut best = (Duration::MAX, Duration::MAX, 0usize, 0usize);
    for _ in 0..repeat {
        let (mut t_parse, mut t_compile, mut parse_fail, mut compile_fail) =
            (Duration::ZERO, Duration::ZERO, 0, 0);
        for (path, src) in &sources {
            let arena = arena::Arena::new();
            let t0 = Instant::now();
            let parsed = parse_bytes(&arena, src, Mode::Exec);
            let t1 = Instant::now();
            t_parse += t1 - t0;
            match parsed {
                Ok(p) => {
                    let failed = if codegen_only {
                        codegen_module(&p, path).is_err()
                    } else {
                        compile_module(&p, path).is_err()
                    };
                    if failed {
                        compile_fail += 1;
                    }
                    t_compile += t1.elapsed();
                }
                Err(_) => parse_fail += 1,
            }
        }
        if t_parse + t_compile < best.0.saturating_add(best.1) {
            best = (t_parse, t_compile, parse_fail, compile_fail);
        }
    }
    println!(
        "files {} ({:.1} MB): parse {:.3}s + compile {:.3}s = {:.3}s (best of {repeat}); parse failures {}, compile failures {}",
        sources.len(),
        bytes as f64 / 1e6,
        best.0.as_secs_f64(),
        best.1.as_secs_f64(),
        (best.0 + best.1).as_secs_f64(),
        best.2,
        best.3
    );
}
