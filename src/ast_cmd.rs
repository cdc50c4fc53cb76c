//! `rpy ast FILE`: parse a file and print `ast.dump` text, or a CPython-style error report.
//!
//! Success prints what `print(ast.dump(ast.parse(source), indent=..., include_attributes=...))`
//! prints (exit 0), with the parser's SyntaxWarnings on stderr as `ast.parse` shows them. A file CPython cannot compile prints, on stderr, what `python3.14 FILE`
//! prints (exit 1); a tree `ast.dump` itself fails on (too deep for its recursion limit, an int
//! too long for `repr`) prints the last line of CPython's traceback (exit 1).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use vm::ast::dump::{DumpOptions, dump};
use vm::parse::report::render_file_run;
use vm::parse::snippet_front_end::VmFrontEnd;

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

/// Runs `rpy ast`; exit status 0 on success, 1 on an error CPython reports, 2 on an I/O error.
pub fn run(args: &AstArgs) -> ExitCode {
    let filename = script_path(&args.file);
    let bytes = match std::fs::read(&args.file) {
        Ok(b) => b,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "rpy: can't open file '{filename}': {e}");
            return ExitCode::from(2);
        }
    };
    let arena = arena::Arena::with_capacity(bytes.len() * 8);
    let parsed = match vm::parse::parse_bytes(&arena, &bytes, vm::parse::Mode::Exec) {
        Ok(parsed) => parsed,
        Err(err) => {
            let report = render_file_run(&err, &filename, &bytes, Some(&VmFrontEnd));
            let _ = std::io::stderr().write_all(report.as_bytes());
            return ExitCode::from(1);
        }
    };
    // `ast.parse` reports its SyntaxWarnings through `warnings`, as "<unknown>:LINE: ...".
    let mut err = std::io::stderr().lock();
    for w in &parsed.warnings {
        let _ = writeln!(err, "<unknown>:{}: SyntaxWarning: {}", w.lineno, w.msg);
    }
    drop(err);
    let opts = DumpOptions {
        indent: args.indent,
        include_attributes: args.include_attributes,
    };
    match dump(&parsed.module, parsed.source, &parsed.lines, &opts) {
        Ok(mut text) => {
            text.push('\n');
            let mut out = std::io::stdout().lock();
            if out
                .write_all(text.as_bytes())
                .and_then(|()| out.flush())
                .is_err()
            {
                return ExitCode::from(2);
            }
            ExitCode::SUCCESS
        }
        Err(err) => {
            let _ = writeln!(std::io::stderr(), "{}: {}", err.kind.name(), err.msg);
            ExitCode::from(1)
        }
    }
}

/// The script path as CPython reports it: made absolute by prefixing the current directory,
/// without normalizing (`python3.14 ./t.py` shows `/cwd/./t.py`).
fn script_path(path: &Path) -> String {
    if path.is_absolute() {
        return path.display().to_string();
    }
    match std::env::current_dir() {
        Ok(cwd) => format!("{}/{}", cwd.display(), path.display()),
        Err(_) => path.display().to_string(),
    }
}
