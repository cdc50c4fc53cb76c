//! `parse_mode MODE FILE`: parses FILE in `exec`, `eval`, `single` or `func_type` mode and
//! prints the `ast.dump` text (with attributes) or the error, for checking modes by hand.

use vm::ast::dump::{DumpOptions, dump};
use vm::parse::Mode;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(mode), Some(file)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: parse_mode exec|eval|single|func_type FILE");
        std::process::exit(2);
    };
    let mode = match mode.as_str() {
        "eval" => Mode::Eval,
        "single" => Mode::Single,
        "func_type" => Mode::FuncType,
        _ => Mode::Exec,
    };
    let bytes = std::fs::read(file).unwrap_or_default();
    let arena = arena::Arena::new();
    let opts = DumpOptions {
        indent: None,
        include_attributes: true,
    };
    match vm::parse::parse_bytes(&arena, &bytes, mode) {
        Ok(p) => match dump(&p.module, p.source, &p.lines, &opts) {
            Ok(s) => println!("{s}"),
            Err(e) => println!("DUMPERR {}", e.msg),
        },
        Err(e) => println!(
            "ERR {}|{}|{}|{}|{}|{}",
            e.kind.name(),
            e.msg,
            e.lineno,
            e.offset,
            e.end_lineno,
            e.end_offset
        ),
    }
}
