//! Dumps rpy's codegen output (per unit: instructions with resolved jump targets, metadata,
//! nested units) as one JSON line per source file; used by `tools/codegen_parity.py`.
//!
//! Usage: `cargo run -p vm --release --example codegen_dump -- [--time] FILE...` or
//! `... -- --files LIST` (one path per line). With `--time`, prints only the total parse
//! and codegen times.

use std::io::Write;
use std::time::{Duration, Instant};

use vm::compile::codegen_module;
use vm::compile::dump::unit_json;
use vm::parse::{Mode, parse_bytes};

fn json_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let time_only = args.first().is_some_and(|a| a == "--time");
    if time_only {
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
    let (mut t_parse, mut t_codegen) = (Duration::ZERO, Duration::ZERO);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for path in &args {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let arena = arena::Arena::new();
        let t0 = Instant::now();
        let parsed = parse_bytes(&arena, &bytes, Mode::Exec);
        t_parse += t0.elapsed();
        let file = json_escape(path);
        let line = match parsed {
            Err(e) => format!(
                "{{\"file\":\"{file}\",\"parse_error\":\"{}\"}}",
                json_escape(&e.msg)
            ),
            Ok(parsed) => {
                let t1 = Instant::now();
                let r = codegen_module(&parsed, path);
                t_codegen += t1.elapsed();
                match r {
                    Ok(unit) => format!("{{\"file\":\"{file}\",\"unit\":{}}}", unit_json(&unit)),
                    Err(e) => format!(
                        "{{\"file\":\"{file}\",\"error\":{{\"type\":\"{}\",\"msg\":\"{}\",\"lineno\":{},\"offset\":{},\"end_lineno\":{},\"end_offset\":{}}}}}",
                        e.kind.name(),
                        json_escape(&e.msg),
                        e.lineno,
                        e.offset,
                        e.end_lineno,
                        e.end_offset
                    ),
                }
            }
        };
        if !time_only {
            let _ = writeln!(out, "{line}");
        }
    }
    if time_only {
        let _ = writeln!(
            out,
            "files {} parse {:.3}s codegen {:.3}s",
            args.len(),
            t_parse.as_secs_f64(),
            t_codegen.as_secs_f64()
        );
    }
}
