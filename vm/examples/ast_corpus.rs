//! Parses many files in one process, for parity checks and timing: `ast_corpus LIST OUTDIR`
//! reads file paths (one per line) from LIST and writes, for the i-th file, `OUTDIR/i.txt`
//! holding `ast.dump(..., include_attributes=True)` or `ERR kind|msg|lineno|offset|end_lineno|
//! end_offset`. With `--time` it only parses (no dump, no output) and prints the total parse
//! time, which is what the speed target measures.

use std::io::Write;
use std::time::{Duration, Instant};

use vm::ast::dump::{DumpOptions, dump};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let time_only = args.iter().any(|a| a == "--time");
    let rest: Vec<&String> = args
        .iter()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let Some(list) = rest.first() else {
        eprintln!("usage: ast_corpus [--time] LIST [OUTDIR]");
        std::process::exit(2);
    };
    let files: Vec<String> = std::fs::read_to_string(list)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    let mut total = Duration::ZERO;
    let opts = DumpOptions {
        indent: None,
        include_attributes: true,
    };
    for (i, path) in files.iter().enumerate() {
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        let mut arena = arena::Arena::with_capacity(bytes.len() * 8);
        let t = Instant::now();
        let result = vm::parse::parse_bytes(&arena, &bytes, vm::parse::Mode::Exec);
        total += t.elapsed();
        if time_only {
            drop(result);
            arena.reset();
            continue;
        }
        let text = match result {
            Ok(p) => match dump(&p.module, p.source, &p.lines, &opts) {
                Ok(s) => s,
                Err(e) => format!("DUMPERR {}|{}", e.kind.name(), e.msg),
            },
            Err(e) => format!(
                "ERR {}|{}|{}|{}|{}|{}",
                e.kind.name(),
                e.msg,
                e.lineno,
                e.offset,
                e.end_lineno,
                e.end_offset
            ),
        };
        if let Some(out) = rest.get(1) {
            let _ = std::fs::write(format!("{out}/{i}.txt"), text);
        }
    }
    let _ = writeln!(
        std::io::stdout(),
        "parsed {} files in {:.3}s",
        files.len(),
        total.as_secs_f64()
    );
}
