//! Turning a benchmark definition into work: [`prepare`] reads and checks the input outside
//! the measurement, [`Prepared::run`] is the measured part, shared by both suites.

use std::path::{Path, PathBuf};

use crate::catalog::{Benchmark, Input, Stage};

/// A Python program for the VM to run as `python3.14 ARGV...` would.
pub struct Script<'a> {
    /// The script's path (what `__file__` and tracebacks show).
    pub path: &'a Path,
    /// Its source bytes.
    pub source: &'a [u8],
    /// `sys.argv`, the script path first.
    pub argv: &'a [String],
}

/// Runs a script to completion in a fresh VM and returns what it wrote to stdout, or the
/// error it ended with (its traceback, or why it could not start).
pub type RunScript = fn(&Script<'_>) -> Result<String, String>;

/// The VM's script runner. `None` until the VM runs scripts; installing it (one line: a
/// function over the VM's entry point) turns on every `run/...` benchmark in both suites.
pub const SCRIPT_RUNNER: Option<RunScript> = None;

/// Why `run/...` benchmarks are skipped while [`SCRIPT_RUNNER`] is `None`.
pub const VM_UNAVAILABLE: &str =
    "not available until the VM runs scripts (rpy cannot run Python programs yet)";

/// The pinned pyperformance release whose workloads `make pyperformance-fetch` caches.
pub const PYPERFORMANCE_DIR: &str = "pyperformance/cache/pyperformance-1.14.0/benchmarks";

/// The workspace root, where [`Input::Repo`] paths start. Baked in at build time because
/// cargo and iai-callgrind start bench binaries in different directories.
pub fn workspace_root() -> &'static Path {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest)
}

/// The source file a benchmark reads.
pub fn source_path(input: Input) -> PathBuf {
    let root = workspace_root();
    match input {
        Input::Repo(path) => root.join(path),
        Input::Kernel(name) => root.join("benches/kernels").join(format!("{name}.py")),
        Input::Pyperformance(name) => root
            .join(PYPERFORMANCE_DIR)
            .join(format!("bm_{name}"))
            .join("run_benchmark.py"),
    }
}

/// A benchmark ready to measure, or the reason it cannot be measured on this checkout.
pub struct Prepared {
    /// The definition.
    pub benchmark: &'static Benchmark,
    work: Work,
}

enum Work {
    Tokenize(String),
    Parse {
        bytes: Vec<u8>,
    },
    Compile {
        filename: String,
        bytes: Vec<u8>,
    },
    Run {
        runner: RunScript,
        path: PathBuf,
        source: Vec<u8>,
        argv: Vec<String>,
        expected: Option<String>,
    },
    Skip(String),
}

/// Reads a benchmark's input and checks it is usable. A committed input that is missing or
/// does not compile is an error (the benchmark would measure an error path); a workload this
/// checkout cannot run yet is a skip with its reason.
pub fn prepare(benchmark: &'static Benchmark) -> Result<Prepared, String> {
    let path = source_path(benchmark.input);
    let ready = |work| Ok(Prepared { benchmark, work });
    if benchmark.stage == Stage::Run {
        let Some(runner) = SCRIPT_RUNNER else {
            return ready(Work::Skip(VM_UNAVAILABLE.to_string()));
        };
        return prepare_run(benchmark, runner, path);
    }
    let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let filename = path.display().to_string();
    check_compiles(&bytes, &filename)?;
    match benchmark.stage {
        Stage::Tokenize => {
            let text =
                vm::parse::source::decode(&bytes).map_err(|e| format!("{filename}: {}", e.msg))?;
            ready(Work::Tokenize(text))
        }
        Stage::Parse => ready(Work::Parse { bytes }),
        // `Run` returned above.
        Stage::Compile | Stage::Run => ready(Work::Compile { filename, bytes }),
    }
}

fn prepare_run(
    benchmark: &'static Benchmark,
    runner: RunScript,
    script: PathBuf,
) -> Result<Prepared, String> {
    let skip = |reason: String| {
        Ok(Prepared {
            benchmark,
            work: Work::Skip(reason),
        })
    };
    let (path, argv, expected) = match benchmark.input {
        Input::Pyperformance(_) => {
            if !script.is_file() {
                return skip(format!(
                    "{} is missing: run `make pyperformance-fetch`",
                    script.display()
                ));
            }
            // One value of one loop, no warm-up: a fixed amount of work per run.
            let launcher = workspace_root().join("pyperformance/launch.py");
            let argv = vec![
                launcher.display().to_string(),
                script.display().to_string(),
                "--debug-single-value".to_string(),
            ];
            (launcher, argv, None)
        }
        Input::Kernel(_) | Input::Repo(_) => {
            let expected = std::fs::read_to_string(script.with_extension("out")).ok();
            (script.clone(), vec![script.display().to_string()], expected)
        }
    };
    let source = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(Prepared {
        benchmark,
        work: Work::Run {
            runner,
            path,
            source,
            argv,
            expected,
        },
    })
}

fn check_compiles(bytes: &[u8], filename: &str) -> Result<(), String> {
    let arena = arena::Arena::new();
    let parsed = vm::parse::parse_bytes(&arena, bytes, vm::parse::Mode::Exec)
        .map_err(|e| format!("{filename}: {}", e.msg))?;
    vm::compile::compile_module(&parsed, filename)
        .map(|_| ())
        .map_err(|e| format!("{filename}: {}", e.msg))
}

impl Prepared {
    /// Why this benchmark is not measured here, if it is not.
    pub fn skip_reason(&self) -> Option<&str> {
        match &self.work {
            Work::Skip(reason) => Some(reason),
            _ => None,
        }
    }

    /// Runs the measured work once. The result is a size derived from the output (tokens,
    /// bytes of bytecode, characters printed) so the work cannot be optimized away. A
    /// skipped benchmark does nothing and returns 0.
    pub fn run(&self) -> Result<usize, String> {
        match &self.work {
            Work::Tokenize(text) => Ok(vm::parse::tokenizer::tokenize(text).tokens.len()),
            Work::Parse { bytes } => {
                let arena = arena::Arena::new();
                vm::parse::parse_bytes(&arena, bytes, vm::parse::Mode::Exec)
                    .map(|p| p.source.len())
                    .map_err(|e| e.msg)
            }
            Work::Compile { filename, bytes } => {
                let arena = arena::Arena::new();
                let parsed = vm::parse::parse_bytes(&arena, bytes, vm::parse::Mode::Exec)
                    .map_err(|e| e.msg)?;
                vm::compile::compile_module(&parsed, filename)
                    .map(|code| code.code.len())
                    .map_err(|e| e.msg)
            }
            Work::Run {
                runner,
                path,
                source,
                argv,
                ..
            } => runner(&Script { path, source, argv }).map(|out| out.len()),
            Work::Skip(_) => Ok(0),
        }
    }

    /// Runs a `run/...` benchmark once and compares its output with CPython's, when that is
    /// recorded (micro kernels): a VM that got faster by computing something else must fail,
    /// not report a speed-up. Other stages were checked by [`prepare`].
    pub fn verify(&self) -> Result<(), String> {
        let Work::Run {
            runner,
            path,
            source,
            argv,
            expected,
        } = &self.work
        else {
            return Ok(());
        };
        let out = runner(&Script { path, source, argv })?;
        match expected {
            Some(expected) if *expected != out => Err(format!(
                "{}: output differs from CPython's\n  expected: {expected:?}\n  got:      {out:?}",
                self.benchmark.id
            )),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::BENCHMARKS;

    #[test]
    fn every_front_end_benchmark_prepares_and_runs() {
        for b in BENCHMARKS.iter().filter(|b| b.stage != Stage::Run) {
            let prepared = prepare(b).unwrap_or_else(|e| panic!("{}: {e}", b.id));
            assert_eq!(prepared.skip_reason(), None, "{}", b.id);
            let size = prepared.run().unwrap_or_else(|e| panic!("{}: {e}", b.id));
            assert!(size > 0, "{} measured nothing", b.id);
        }
    }

    #[test]
    fn run_benchmarks_say_why_they_are_skipped() {
        assert!(
            SCRIPT_RUNNER.is_none(),
            "the VM runs scripts: update this test"
        );
        for b in BENCHMARKS.iter().filter(|b| b.stage == Stage::Run) {
            let prepared = prepare(b).unwrap_or_else(|e| panic!("{}: {e}", b.id));
            assert_eq!(prepared.skip_reason(), Some(VM_UNAVAILABLE), "{}", b.id);
        }
    }

    #[test]
    fn kernels_compile_and_have_cpython_outputs() {
        for b in BENCHMARKS {
            if let Input::Kernel(name) = b.input {
                let path = source_path(b.input);
                let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
                check_compiles(&bytes, name).unwrap_or_else(|e| panic!("{e}"));
                let out = std::fs::read_to_string(path.with_extension("out"))
                    .unwrap_or_else(|e| panic!("{name}.out: {e}"));
                assert!(out.starts_with(&format!("{name} ")), "{name}.out: {out:?}");
            }
        }
    }

    fn fake_runner(script: &Script<'_>) -> Result<String, String> {
        let name = script
            .path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("");
        Ok(format!("{name} wrong\n"))
    }

    #[test]
    fn verify_rejects_output_that_differs_from_cpython() {
        let b = crate::catalog::find("run/kernel/int_loop").expect("listed");
        let prepared = prepare_run(b, fake_runner, source_path(b.input)).expect("prepares");
        let err = prepared.verify().expect_err("wrong output must fail");
        assert!(err.contains("differs from CPython"), "{err}");
        assert_eq!(prepared.run(), Ok("int_loop wrong\n".len()));
    }
}
