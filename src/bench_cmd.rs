//! `rpy bench-frontend`: times rpy's front end (parse, or parse + compile) over many files
//! in one process, for the side-by-side speed comparison with CPython's `ast.parse` and
//! `compile()` that `tools/frontend_speed.py` runs. Files are read before timing starts, as
//! the CPython side does, so only parsing/compiling is measured.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `rpy bench-frontend`.
#[derive(clap::Args)]
pub struct BenchArgs {
    /// Also compile each file to code objects (CPython's `compile()`), not only parse it.
    #[arg(long)]
    pub compile: bool,
    /// How many times to process the whole file set; the fastest pass is reported.
    #[arg(long, default_value_t = 1)]
    pub repeat: usize,
    /// Files or directories (searched recursively for `*.py`).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let Ok(entries) = std::fs::read_dir(path) else {
            return;
        };
        let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        children.sort();
        for child in children {
            collect(&child, out);
        }
    } else if path.extension().is_some_and(|e| e == "py") && path.is_file() {
        out.push(path.to_path_buf());
    }
}

/// CPU time this process has run so far, from Linux's `/proc/self/schedstat` (nanoseconds
/// on a CPU): on a shared machine wall time counts waiting for a core, CPU time does not.
/// `None` where the file is missing.
fn cpu_time() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/schedstat").ok()?;
    let ns: u64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns as f64 / 1e9)
}

/// Runs the benchmark and prints `files=N ok=N errors=N seconds=S cpu_seconds=C` (fastest
/// pass, wall and CPU time; `cpu_seconds` only where the CPU clock can be read).
pub fn run(args: &BenchArgs) -> ExitCode {
    let mut files = Vec::new();
    for p in &args.paths {
        collect(p, &mut files);
    }
    let sources: Vec<(String, Vec<u8>)> = files
        .iter()
        .filter_map(|f| std::fs::read(f).ok().map(|b| (f.display().to_string(), b)))
        .collect();
    let mut best = f64::INFINITY;
    let mut best_cpu = f64::INFINITY;
    let (mut ok, mut errors) = (0usize, 0usize);
    for _ in 0..args.repeat.max(1) {
        (ok, errors) = (0, 0);
        let start = Instant::now();
        let cpu_start = cpu_time();
        for (name, bytes) in &sources {
            let arena = arena::Arena::new();
            let result =
                vm::parse::parse_bytes(&arena, bytes, vm::parse::Mode::Exec).and_then(|p| {
                    if args.compile {
                        vm::compile::compile_module(&p, name).map(|_| ())
                    } else {
                        Ok(())
                    }
                });
            match result {
                Ok(()) => ok += 1,
                Err(_) => errors += 1,
            }
        }
        best = best.min(start.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (cpu_start, cpu_time()) {
            best_cpu = best_cpu.min(b - a);
        }
    }
    let cpu = if best_cpu.is_finite() {
        format!(" cpu_seconds={best_cpu:.4}")
    } else {
        String::new()
    };
    let _ = writeln!(
        std::io::stdout(),
        "files={} ok={ok} errors={errors} seconds={best:.4}{cpu}",
        sources.len()
    );
    ExitCode::SUCCESS
}
