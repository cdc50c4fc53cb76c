//! The `rpy` command: CPython-style command line over the `vm` crate.
//!
//! `rpy ast FILE` dumps the AST like `ast.dump(ast.parse(src))`; `rpy dis FILE` prints what
//! `python3.14 -m dis FILE` prints (or the code objects as JSON). Everything else is a Python
//! command line (`rpy FILE`, `-c`, `-m`, `-`), handled by `run_cmd`.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[cfg(not(feature = "dhat-heap"))]
#[global_allocator]
static GLOBAL: allocator::MiMalloc = allocator::MiMalloc;

// `make dhat`: dhat's allocator records every allocation; the profile is written and its
// summary printed when the profiler made in `main` is dropped, so `main` must return.
#[cfg(feature = "dhat-heap")]
#[global_allocator]
static GLOBAL: dhat::Alloc = dhat::Alloc;

#[cfg(not(feature = "dhat-heap"))]
mod allocator;
mod ast_cmd;
mod bench_cmd;
mod dis_cmd;
mod profile;
mod run_cmd;

/// Tool subcommands, recognised by the first argument. Anything else is treated as a Python
/// command line (`rpy [options] FILE [args]`), as `python3` would.
#[derive(Parser)]
#[command(name = "rpy", version = concat!(env!("CARGO_PKG_VERSION"), " (Python 3.14)"))]
struct Tools {
    #[command(subcommand)]
    command: Tool,
}

#[derive(Subcommand)]
enum Tool {
    /// Print the AST of FILE as CPython's `ast.dump(ast.parse(source))` does.
    Ast(ast_cmd::AstArgs),
    /// Print the bytecode of FILE as `python3.14 -m dis FILE` does, or as JSON (`--json`).
    Dis(dis_cmd::DisArgs),
    /// Time the front end (parse, or parse + compile) over files, in one process.
    #[command(name = "bench-frontend", hide = true)]
    BenchFrontend(bench_cmd::BenchArgs),
}

const TOOL_NAMES: &[&str] = &["ast", "dis", "bench-frontend"];

fn main() -> ExitCode {
    #[cfg(feature = "dhat-heap")]
    let _heap = dhat::Profiler::builder()
        .file_name(std::env::var_os("RPY_DHAT_FILE").unwrap_or_else(|| "dhat-heap.json".into()))
        .build();
    let _profile = profile::start_from_env();
    let args: Vec<String> = std::env::args().collect();
    let first = args.get(1).map(String::as_str);
    match first {
        Some(name) if TOOL_NAMES.contains(&name) => {}
        Some("--version" | "-h" | "--help") => {}
        _ => return run_cmd::run(&args[1..]),
    }
    let tools = Tools::parse();
    match tools.command {
        Tool::Ast(a) => ast_cmd::run(&a),
        Tool::Dis(a) => dis_cmd::run(&a),
        Tool::BenchFrontend(a) => bench_cmd::run(&a),
    }
}
