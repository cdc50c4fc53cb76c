//! Dumps rpy's tokens for source files (or `-c SOURCE`) in the format of
//! `vm::parse::tokenizer::dump`; used by `tools/tokenize_parity.py`.
//!
//! Usage: `cargo run -p vm --release --example tokenize_dump -- [--time] FILE... | -c SOURCE`.
//! With `--time`, prints only the total tokenizing time and token count. With
//! `--errors FILE` (one quoted source per line, as in the dump), prints one line per source:
//! `OK`, or `R` (raised by the tokenizer) / `D` (deferred to the parser), `F` when inside an
//! f-string, then the error (`Type: message|lineno|offset|end_lineno|end_offset`).

use std::time::{Duration, Instant};
use vm::parse::source::decode;
use vm::parse::tokenizer::{
    dump::{describe_error, dump_tokens, unquote},
    tokenize,
};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let time_only = args.first().is_some_and(|a| a == "--time");
    if time_only {
        args.remove(0);
    }
    if args.first().is_some_and(|a| a == "--errors") {
        let list =
            std::fs::read_to_string(args.get(1).map_or("", String::as_str)).unwrap_or_default();
        for line in list.lines() {
            let ts = tokenize(&unquote(line));
            match &ts.error {
                None => println!("OK"),
                Some(e) => println!(
                    "{}{} {}",
                    if ts.error_info.raised { "R" } else { "D" },
                    if ts.error_info.in_fstring { "F" } else { "" },
                    describe_error(e)
                ),
            }
        }
        return;
    }
    if args.first().is_some_and(|a| a == "-c") {
        let src = args.get(1).cloned().unwrap_or_default();
        print!("{}", dump_tokens(&src, &tokenize(&src)));
        return;
    }
    let mut total = Duration::ZERO;
    let (mut ntokens, mut nbytes) = (0usize, 0usize);
    for path in &args {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let src = match decode(&bytes) {
            Ok(s) => s,
            Err(e) => {
                println!("=== {path}\nDECODE ERROR {}", describe_error(&e));
                continue;
            }
        };
        let t0 = Instant::now();
        let stream = tokenize(&src);
        total += t0.elapsed();
        ntokens += stream.tokens.len();
        nbytes += src.len();
        if !time_only {
            println!("=== {path}");
            print!("{}", dump_tokens(&src, &stream));
        }
    }
    if time_only {
        println!(
            "{} files, {nbytes} bytes, {ntokens} tokens, {:.3} s",
            args.len(),
            total.as_secs_f64()
        );
    }
}
