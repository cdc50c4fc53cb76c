//! Turning a benchmark definition into work: [`prepare`] reads and checks the input outside
//! the measurement, [`Prepared::run`] is the measured part, shared by both suites, and
//! [`Prepared::verify`] checks that a program computed what CPython 3.14 computes.

use std::path::{Path, PathBuf};

use crate::catalog::{Benchmark, Input, Stage};

/// A Python program for the VM to run as `python3.14 ARGV...` would.
pub struct Script<'a> {
    /// The script's path (what `__file__` and tracebacks show).
    pub path: &'a Path,
    /// `sys.argv`, the script path first.
    pub argv: &'a [String],
}

/// How a program run ended: exit status and what it wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunOutput {
    /// CPython's exit status.
    pub status: u8,
    /// `sys.stdout`.
    pub stdout: String,
    /// `sys.stderr` (tracebacks).
    pub stderr: String,
}

/// Runs a script to completion and returns how it ended.
pub type RunScript = fn(&Script<'_>) -> RunOutput;

/// The VM's script runner: a fresh VM per run, through the same entry point as `rpy FILE`
/// (`vm::embed::run_file`), with a fixed hash seed (`PYTHONHASHSEED=0`) so that set and dict
/// orders, and with them the instruction counts, are the same on every run.
pub fn vm_runner(script: &Script<'_>) -> RunOutput {
    let config = vm::runtime::Config {
        argv: script.argv.to_vec(),
        hash_seed: Some(0),
        ..Default::default()
    };
    let outcome = vm::embed::run_file(script.path, config, vm::embed::Capture::Output);
    RunOutput {
        status: outcome.status,
        stdout: outcome.stdout.unwrap_or_default(),
        stderr: outcome.stderr.unwrap_or_default(),
    }
}

/// Which suite a benchmark is prepared for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Suite {
    /// iai-callgrind: `RunLong` benchmarks are skipped.
    Instructions,
    /// criterion: everything runs.
    Wall,
}

/// Why `RunLong` benchmarks are not in the instruction-count suite.
pub const TOO_LONG_FOR_CALLGRIND: &str = "wall-clock suite only: its smallest run (one loop at \
     pyperformance's size) takes seconds natively, minutes under callgrind";

/// The pinned pyperformance release whose workloads `make pyperformance-fetch` caches.
pub const PYPERFORMANCE_DIR: &str = "pyperformance/cache/pyperformance-1.14.0/benchmarks";

/// Where CPython 3.14's check results for the pyperformance benchmarks are committed
/// (`make bench-expected CPYTHON=...` records them).
pub const EXPECTED_DIR: &str = "benches/expected";

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
        Input::Pyperformance(name, _) => pyperformance_script(name),
    }
}

/// The cached `run_benchmark.py` of the pyperformance workload `name`.
pub fn pyperformance_script(name: &str) -> PathBuf {
    workspace_root()
        .join(PYPERFORMANCE_DIR)
        .join(format!("bm_{name}"))
        .join("run_benchmark.py")
}

/// The command line (after the interpreter) that runs a pyperformance workload in check mode
/// at the benchmark's size, writing its check results to `check_out`: the same for rpy
/// (in-process) and for CPython when its results are recorded.
pub fn pyperformance_argv(name: &str, args: &str, check_out: &Path) -> Vec<String> {
    let root = workspace_root();
    let mut argv = vec![
        root.join("pyperformance/launch.py").display().to_string(),
        "--check".to_string(),
        check_out.display().to_string(),
        pyperformance_script(name).display().to_string(),
    ];
    argv.extend(args.split_whitespace().map(str::to_string));
    argv
}

/// Where rpy's check results for the workload `name` are written (a fixed path: it is part
/// of the measured program's input, so it must not change between runs).
pub fn check_out_path(name: &str) -> PathBuf {
    workspace_root()
        .join("target/bench-check")
        .join(format!("{name}.json"))
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
        argv: Vec<String>,
        expected: Expected,
    },
    Skip(String),
}

/// What a program run must produce.
enum Expected {
    /// Exactly this on stdout (a kernel's `.out` file, written by CPython 3.14).
    Stdout(String),
    /// The check results in this file equal to CPython's, recorded in `benches/expected`.
    Check {
        out: PathBuf,
        expected: PathBuf,
        args: &'static str,
    },
}

/// Reads a benchmark's input and checks it is usable. A committed input that is missing or
/// does not compile is an error (the benchmark would measure an error path); a workload this
/// checkout or suite cannot run is a skip with its reason.
pub fn prepare(benchmark: &'static Benchmark, suite: Suite) -> Result<Prepared, String> {
    let path = source_path(benchmark.input);
    let ready = |work| Ok(Prepared { benchmark, work });
    match (benchmark.stage, suite) {
        (Stage::RunLong, Suite::Instructions) => {
            return ready(Work::Skip(TOO_LONG_FOR_CALLGRIND.to_string()));
        }
        (Stage::Run | Stage::RunLong, _) => return prepare_run(benchmark, vm_runner, path),
        _ => {}
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
        // Program runs returned above.
        Stage::Compile | Stage::Run | Stage::RunLong => ready(Work::Compile { filename, bytes }),
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
        Input::Pyperformance(name, args) => {
            if !script.is_file() {
                return skip(format!(
                    "{} is missing: run `make pyperformance-fetch`",
                    script.display()
                ));
            }
            let out = check_out_path(name);
            if let Some(dir) = out.parent() {
                std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            }
            let argv = pyperformance_argv(name, args, &out);
            let expected = Expected::Check {
                out,
                expected: workspace_root()
                    .join(EXPECTED_DIR)
                    .join(format!("{name}.json")),
                args,
            };
            (PathBuf::from(&argv[0]), argv, expected)
        }
        Input::Kernel(_) | Input::Repo(_) => {
            let out = script.with_extension("out");
            let expected = std::fs::read_to_string(&out)
                .map_err(|e| format!("{}: {e} (CPython's output)", out.display()))?;
            let argv = vec![script.display().to_string()];
            (script, argv, Expected::Stdout(expected))
        }
    };
    Ok(Prepared {
        benchmark,
        work: Work::Run {
            runner,
            path,
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
    /// program that fails (non-zero exit status) is an error. A skipped benchmark does
    /// nothing and returns 0.
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
            Work::Run { .. } => self.run_program().map(|out| out.stdout.len()),
            Work::Skip(_) => Ok(0),
        }
    }

    fn run_program(&self) -> Result<RunOutput, String> {
        let Work::Run {
            runner, path, argv, ..
        } = &self.work
        else {
            return Err(format!("{} runs no program", self.benchmark.id));
        };
        let out = runner(&Script { path, argv });
        if out.status != 0 {
            return Err(format!(
                "{}: exit status {}\n{}",
                self.benchmark.id, out.status, out.stderr
            ));
        }
        Ok(out)
    }

    /// Runs a program benchmark once and checks that it computed what CPython 3.14 computes
    /// (a kernel's output, a workload's check results): a VM that got faster by computing
    /// something else must fail, not report a speed-up. Other stages were checked by
    /// [`prepare`].
    pub fn verify(&self) -> Result<(), String> {
        let Work::Run { expected, .. } = &self.work else {
            return Ok(());
        };
        let id = self.benchmark.id;
        if let Expected::Check { out, .. } = expected {
            // A result left by an earlier run must not pass for this one's.
            let _ = std::fs::remove_file(out);
        }
        let output = self.run_program()?;
        match expected {
            Expected::Stdout(expected) if *expected != output.stdout => Err(format!(
                "{id}: output differs from CPython's\n  expected: {expected:?}\n  got:      {:?}",
                output.stdout
            )),
            Expected::Stdout(_) => Ok(()),
            Expected::Check {
                out,
                expected,
                args,
            } => {
                let want = crate::expected::load(expected, args)?;
                let got = std::fs::read_to_string(out)
                    .map_err(|e| format!("{id}: {}: {e}", out.display()))?;
                let got = crate::expected::CheckResult::from_launcher(&got, &output.stdout)
                    .map_err(|e| format!("{id}: {}: {e}", out.display()))?;
                match want.first_difference(&got) {
                    None => Ok(()),
                    Some(diff) => Err(format!("{id}: differs from CPython's results: {diff}")),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::BENCHMARKS;

    #[test]
    fn every_front_end_benchmark_prepares_and_runs() {
        for b in BENCHMARKS.iter().filter(|b| !b.stage.runs_program()) {
            let prepared =
                prepare(b, Suite::Instructions).unwrap_or_else(|e| panic!("{}: {e}", b.id));
            assert_eq!(prepared.skip_reason(), None, "{}", b.id);
            let size = prepared.run().unwrap_or_else(|e| panic!("{}: {e}", b.id));
            assert!(size > 0, "{} measured nothing", b.id);
        }
    }

    #[test]
    fn long_runs_are_skipped_by_the_instruction_suite_only() {
        for b in BENCHMARKS.iter().filter(|b| b.stage == Stage::RunLong) {
            let prepared = prepare(b, Suite::Instructions).expect("prepares");
            assert_eq!(
                prepared.skip_reason(),
                Some(TOO_LONG_FOR_CALLGRIND),
                "{}",
                b.id
            );
            let prepared = prepare(b, Suite::Wall).expect("prepares");
            assert_ne!(
                prepared.skip_reason(),
                Some(TOO_LONG_FOR_CALLGRIND),
                "{}",
                b.id
            );
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

    #[test]
    fn every_pyperformance_benchmark_has_cpython_results_for_its_size() {
        for b in BENCHMARKS {
            if let Input::Pyperformance(name, args) = b.input {
                let path = workspace_root()
                    .join(EXPECTED_DIR)
                    .join(format!("{name}.json"));
                crate::expected::load(&path, args).unwrap_or_else(|e| panic!("{e}"));
            }
        }
    }

    #[test]
    fn a_kernel_runs_in_the_vm_and_matches_cpython() {
        let b = crate::catalog::find("run/kernel/int_loop").expect("listed");
        let prepared = prepare(b, Suite::Instructions).expect("prepares");
        prepared.verify().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(prepared.run(), Ok("int_loop -799720001\n".len()));
    }

    fn wrong_runner(script: &Script<'_>) -> RunOutput {
        let name = script
            .path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("");
        RunOutput {
            status: 0,
            stdout: format!("{name} wrong\n"),
            stderr: String::new(),
        }
    }

    fn failing_runner(_: &Script<'_>) -> RunOutput {
        RunOutput {
            status: 1,
            stdout: String::new(),
            stderr: "Traceback (most recent call last):\nZeroDivisionError\n".to_string(),
        }
    }

    #[test]
    fn verify_rejects_output_that_differs_from_cpython() {
        let b = crate::catalog::find("run/kernel/int_loop").expect("listed");
        let prepared = prepare_run(b, wrong_runner, source_path(b.input)).expect("prepares");
        let err = prepared.verify().expect_err("wrong output must fail");
        assert!(err.contains("differs from CPython"), "{err}");
        assert_eq!(prepared.run(), Ok("int_loop wrong\n".len()));
    }

    #[test]
    fn a_failing_program_is_an_error_not_a_measurement() {
        let b = crate::catalog::find("run/kernel/int_loop").expect("listed");
        let prepared = prepare_run(b, failing_runner, source_path(b.input)).expect("prepares");
        let err = prepared.run().expect_err("exit status 1 must fail");
        assert!(err.contains("ZeroDivisionError"), "{err}");
        assert!(prepared.verify().is_err());
    }
}
