//! Times parsing and compiling (codegen, flow graph, assembler) of a set of files, in
//! process, for comparison with CPython's `compile()` (`tools/compile_speed.py` runs both).
//!
//! Usage: `cargo run -p vm --release --example compile_time -- [--codegen-only] [--repeat N]
//! FILE...` or `... -- --files LIST` (one path per line). Prints one line:
//! `files N parse S compile S total S failed F` (seconds, the best of N rounds). With
//! `--codegen-only` the units stop after codegen (the difference is the backend's time);
//! with `--backend-only`, "compile" is the flow graph and assembler alone, run on every
//! unit codegen produced (codegen itself untimed).

use std::time::{Duration, Instant};

use std::rc::Rc;

use vm::compile::backend::optimize_and_assemble;
use vm::compile::{CodegenUnit, InstrSeq, UnitMetadata, codegen_module, compile_module};

// The allocator the `rpy` binary uses.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use vm::parse::{Mode, parse_bytes};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let codegen_only = args.first().is_some_and(|a| a == "--codegen-only");
    if codegen_only {
        args.remove(0);
    }
    let backend_only = args.first().is_some_and(|a| a == "--backend-only");
    if backend_only {
        args.remove(0);
    }
    let mut repeat = 1;
    if args.first().is_some_and(|a| a == "--repeat") && args.len() > 1 {
        repeat = args[1].parse().unwrap_or(1);
        args.drain(..2);
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
    if backend_only {
        backend_time(&sources, repeat);
        return;
    }
    let mut best: Option<(Duration, Duration, usize)> = None;
    for _ in 0..repeat.max(1) {
        let (mut t_parse, mut t_compile, mut failed) = (Duration::ZERO, Duration::ZERO, 0);
        for (path, bytes) in &sources {
            let arena = arena::Arena::new();
            let t0 = Instant::now();
            let parsed = parse_bytes(&arena, bytes, Mode::Exec);
            t_parse += t0.elapsed();
            let Ok(parsed) = parsed else {
                failed += 1;
                continue;
            };
            let t1 = Instant::now();
            let ok = if codegen_only {
                codegen_module(&parsed, path).is_ok()
            } else {
                compile_module(&parsed, path).is_ok()
            };
            t_compile += t1.elapsed();
            if !ok {
                failed += 1;
            }
        }
        if best.is_none_or(|(p, c, _)| t_parse + t_compile < p + c) {
            best = Some((t_parse, t_compile, failed));
        }
    }
    let (p, c, failed) = best.unwrap_or_default();
    println!(
        "files {} parse {:.3} compile {:.3} total {:.3} failed {failed}",
        sources.len(),
        p.as_secs_f64(),
        c.as_secs_f64(),
        (p + c).as_secs_f64()
    );
}

/// Codegen for every file first, then the flow graph and assembler over all the units, timed
/// in CPU seconds (the machine may be shared).
fn backend_time(sources: &[(String, Vec<u8>)], repeat: usize) {
    let mut units = Vec::new();
    for (path, bytes) in sources {
        let arena = arena::Arena::new();
        if let Ok(parsed) = parse_bytes(&arena, bytes, Mode::Exec)
            && let Ok(unit) = codegen_module(&parsed, path)
        {
            flatten(unit, &mut units);
        }
    }
    let filename: Rc<str> = Rc::from("<corpus>");
    let mut best = f64::MAX;
    for _ in 0..repeat.max(1) {
        let work = units.clone();
        let t0 = cpu_seconds();
        let mut failed = 0;
        for (seq, meta) in work {
            if optimize_and_assemble(seq, meta, &filename).is_err() {
                failed += 1;
            }
        }
        best = best.min(cpu_seconds() - t0);
        if failed > 0 {
            eprintln!("{failed} units failed");
        }
    }
    println!("units {} backend_cpu {best:.3}", units.len());
}

/// This process's user + system CPU time, from `/proc/self/stat` (Linux; 0 elsewhere).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the parenthesized command name; utime and stime are the 14th and 15th.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

fn flatten(unit: CodegenUnit, out: &mut Vec<(InstrSeq, UnitMetadata)>) {
    for nested in unit.nested {
        flatten(nested, out);
    }
    out.push((unit.seq, unit.meta));
}
