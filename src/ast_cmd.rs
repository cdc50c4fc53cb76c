//! `rpy ast FILE`: parse a file and print `ast.dump` text, or a CPython-style syntax error.

use std::io::Write;
use std::process::ExitCode;

/// Arguments of `rpy ast`.
#[derive(clap::Args)]
pub struct AstArgs {
    /// The Python source file.
    pub file: std::path::PathBuf,
    /// Pretty-print with this many spaces of indentation per level (ast.dump's `indent`).
    #[arg(long)]
    pub indent: Option<usize>,
    /// Include lineno, col_offset, end_lineno and end_col_offset (ast.dump's
    /// `include_attributes=True`).
    #[arg(long)]
    pub include_attributes: bool,
}

/// Runs `rpy ast`; exit status 0 on success, 1 on a syntax error, 2 on an I/O error.
pub fn run(args: &AstArgs) -> ExitCode {
    let bytes = match std::fs::read(&args.file) {
        Ok(b) => b,
        Err(e) => {
            let _ = writeln!(
                std::io::stderr(),
                "rpy: can't open file '{}': {e}",
                args.file.display()
            );
            return ExitCode::from(2);
        }
    };
    let arena = arena::Arena::with_capacity(bytes.len() * 8);
    match vm::parse::parse_bytes(&arena, &bytes, vm::parse::Mode::Exec) {
        Ok(_parsed) => {
            let _ = writeln!(std::io::stderr(), "rpy: ast dump not built yet");
            ExitCode::from(2)
        }
        Err(err) => {
            let _ = writeln!(std::io::stderr(), "{err}");
            ExitCode::from(1)
        }
    }
}
