//! `rpy dis FILE`: compile a file and print what `python3.14 -m dis FILE` prints, or, with
//! `--json`, the code objects as data (the schema `tools/dis_json.py` prints for CPython).

use std::io::Write;
use std::process::ExitCode;
use std::rc::Rc;

use vm::compile::CodeObject;
use vm::dis::{DisOptions, disassemble_recursive, json::module_json};
use vm::parse::report::render_file_run;
use vm::parse::snippet_front_end::VmFrontEnd;

/// Arguments of `rpy dis` (those of `python -m dis`, plus `--json`).
#[derive(clap::Args)]
pub struct DisArgs {
    /// The Python source file; `-` reads standard input.
    #[arg(default_value = "-")]
    pub file: String,
    /// Print the code objects as a JSON array (module first, then nested code depth-first).
    #[arg(long)]
    pub json: bool,
    /// Show inline caches.
    #[arg(short = 'C', long)]
    pub show_caches: bool,
    /// Show instruction offsets.
    #[arg(short = 'O', long)]
    pub show_offsets: bool,
    /// Show instruction positions.
    #[arg(short = 'P', long)]
    pub show_positions: bool,
}

/// Compiles `bytes` as `python3.14 -m dis` does: `compile(source, filename, "exec")`. An
/// error is reported as `python3.14 FILE` reports it (CPython's `-m dis` prints a traceback
/// ending in the same lines).
fn compile(bytes: &[u8], filename: &str) -> Result<Rc<CodeObject>, String> {
    let arena = arena::Arena::with_capacity(bytes.len() * 8);
    let report =
        |e: &vm::parse::SyntaxError| render_file_run(e, filename, bytes, Some(&VmFrontEnd));
    let parsed =
        vm::parse::parse_bytes(&arena, bytes, vm::parse::Mode::Exec).map_err(|e| report(&e))?;
    vm::compile::compile_module(&parsed, filename).map_err(|e| report(&e))
}

/// Runs `rpy dis`: 0 on success, 1 on a compile error or an error while printing, 2 when the
/// file cannot be read.
pub fn run(args: &DisArgs) -> ExitCode {
    let mut stderr = std::io::stderr();
    let (bytes, filename) = if args.file == "-" {
        let mut bytes = Vec::new();
        if let Err(e) = std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes) {
            let _ = writeln!(stderr, "rpy: cannot read standard input: {e}");
            return ExitCode::from(2);
        }
        (bytes, "<stdin>".to_string())
    } else {
        match std::fs::read(&args.file) {
            Ok(bytes) => (bytes, args.file.clone()),
            Err(e) => {
                let _ = writeln!(stderr, "rpy: can't open file '{}': {e}", args.file);
                return ExitCode::from(2);
            }
        }
    };
    let code = match compile(&bytes, &filename) {
        Ok(code) => code,
        Err(report) => {
            let _ = writeln!(stderr, "{}", report.trim_end_matches('\n'));
            return ExitCode::from(1);
        }
    };
    print(&code, args)
}

/// Prints the listing or the JSON of a compiled module.
fn print(code: &CodeObject, args: &DisArgs) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    let result = if args.json {
        module_json(code).map(|value| format!("{value}\n"))
    } else {
        let options = DisOptions {
            show_caches: args.show_caches,
            show_offsets: args.show_offsets,
            show_positions: args.show_positions,
        };
        let mut out = String::new();
        match disassemble_recursive(&mut out, code, &options) {
            Ok(()) => Ok(out),
            Err(e) => {
                // CPython prints the listing up to the failing instruction, then raises.
                let _ = stdout.write_all(out.as_bytes());
                Err(e)
            }
        }
    };
    match result {
        Ok(text) => {
            // A closed pipe (`rpy dis f.py | head`) is not an error worth reporting.
            let _ = stdout.write_all(text.as_bytes());
            ExitCode::SUCCESS
        }
        Err(e) => {
            let _ = stdout.flush();
            let _ = writeln!(std::io::stderr(), "{}: {e}", e.exception_name());
            ExitCode::from(1)
        }
    }
}
