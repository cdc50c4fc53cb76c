//! `bench-gate`: the command behind `make bench`, `make bench-baseline` and `make bench-wall`.
//!
//! - `compare`: iai-callgrind counts of the last run against the committed baseline; prints
//!   the table and exits 1 when a benchmark regressed beyond the threshold.
//! - `record`: writes the last run's counts as the new baseline.
//! - `wall-report`: criterion's comparison with a saved baseline, as one table.
//! - `verify`: runs each program benchmark once, natively, and checks it computed what
//!   CPython 3.14 computes (`make bench` does this before measuring).
//! - `record-expected`: records CPython's check results for the pyperformance benchmarks.
//! - `list`: the catalog, with each benchmark's input and whether it runs on this checkout.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use benches::catalog::Input;
use benches::expected::CheckResult;
use benches::gate::{self, Baseline};
use benches::{BENCHMARKS, Suite, iai_summary, prepare, wall_report, workload};
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "bench-gate", about = "rpy's benchmark regression gate")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compare the last iai-callgrind run with the baseline.
    Compare {
        /// Directory of the run's summary.json files.
        #[arg(long)]
        results: PathBuf,
        /// The baseline file.
        #[arg(long)]
        baseline: PathBuf,
        /// Fail when a count grew by more than this many percent.
        #[arg(long, default_value = "2")]
        threshold: String,
    },
    /// Record the last iai-callgrind run as the baseline.
    Record {
        /// Directory of the run's summary.json files.
        #[arg(long)]
        results: PathBuf,
        /// The baseline file to write.
        #[arg(long)]
        baseline: PathBuf,
    },
    /// Summarize criterion's comparison with a saved baseline.
    WallReport {
        /// criterion's output directory.
        #[arg(long, default_value = "target/criterion")]
        criterion: PathBuf,
        /// The saved baseline's name.
        #[arg(long)]
        baseline: String,
        /// Only comparisons written after this file was (a marker touched before the run).
        #[arg(long)]
        since: Option<PathBuf>,
    },
    /// Run every program benchmark of a suite once and check its results against CPython's.
    Verify {
        /// `instructions` (what `make bench` measures) or `wall` (every program).
        #[arg(long, default_value = "instructions")]
        suite: String,
    },
    /// Record CPython's check results for the pyperformance benchmarks in benches/expected.
    RecordExpected {
        /// The CPython 3.14 interpreter.
        #[arg(long)]
        cpython: String,
    },
    /// List the catalog.
    List,
}

/// Each catalog id with the reason it cannot be measured here, if any.
fn catalog_status() -> Result<Vec<(&'static str, Option<String>)>, String> {
    BENCHMARKS
        .iter()
        .map(|b| {
            let prepared = prepare(b, Suite::Instructions).map_err(|e| format!("{}: {e}", b.id))?;
            Ok((b.id, prepared.skip_reason().map(str::to_string)))
        })
        .collect()
}

fn rustc_version() -> String {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_string());
    std::process::Command::new(rustc)
        .arg("--version")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_string())
        .unwrap_or_default()
}

fn compare(results: &Path, baseline: &Path, threshold: &str) -> Result<bool, String> {
    let threshold = gate::parse_threshold(threshold)?;
    let text = std::fs::read_to_string(baseline).map_err(|e| {
        format!(
            "{}: {e} (record one with `make bench-baseline`)",
            baseline.display()
        )
    })?;
    let base = Baseline::from_json(&text).map_err(|e| format!("{}: {e}", baseline.display()))?;
    let now = iai_summary::read_counts(results)?;
    let status = catalog_status()?;
    let catalog: Vec<(&str, Option<&str>)> = status
        .iter()
        .map(|(id, skip)| (*id, skip.as_deref()))
        .collect();
    let report = gate::compare(&base.counts, &now, &catalog, threshold);
    let rustc = rustc_version();
    if !base.rustc.is_empty() && base.rustc != rustc {
        println!(
            "note: the baseline was recorded with {}, this build uses {rustc}; \
             part of any difference may be the compiler's",
            base.rustc
        );
    }
    print!("{}", report.render());
    Ok(report.passed())
}

fn record(results: &Path, baseline: &Path) -> Result<(), String> {
    let now = iai_summary::read_counts(results)?;
    let mut counts = gate::Counts::new();
    for (id, skip) in catalog_status()? {
        match (skip, now.get(id)) {
            (Some(_), _) => {}
            (None, Some(&count)) => {
                counts.insert(id.to_string(), count);
            }
            (None, None) => return Err(format!("{id}: no result in {}", results.display())),
        }
    }
    let file = Baseline {
        rustc: rustc_version(),
        tool: gate::TOOL.to_string(),
        counts,
    };
    std::fs::write(baseline, file.to_json()).map_err(|e| format!("{}: {e}", baseline.display()))?;
    println!(
        "recorded {} instruction counts in {}",
        file.counts.len(),
        baseline.display()
    );
    Ok(())
}

fn wall(criterion: &Path, baseline: &str, since: Option<&PathBuf>) -> Result<(), String> {
    let since = match since {
        Some(marker) => Some(
            std::fs::metadata(marker)
                .and_then(|m| m.modified())
                .map_err(|e| format!("{}: {e}", marker.display()))?,
        ),
        None => None,
    };
    let rows = wall_report::collect(criterion, baseline, since)?;
    if rows.is_empty() {
        return Err(format!(
            "no benchmark was compared with baseline '{baseline}': record it with \
             `make bench-wall-baseline WALL_BASELINE={baseline}`"
        ));
    }
    print!("{}", wall_report::render(&rows, baseline));
    Ok(())
}

fn verify(suite: &str) -> Result<bool, String> {
    let suite = match suite {
        "instructions" => Suite::Instructions,
        "wall" => Suite::Wall,
        other => return Err(format!("unknown suite {other:?} (instructions or wall)")),
    };
    let mut passed = true;
    for b in BENCHMARKS.iter().filter(|b| b.stage.runs_program()) {
        let prepared = prepare(b, suite).map_err(|e| format!("{}: {e}", b.id))?;
        if let Some(reason) = prepared.skip_reason() {
            println!("skip  {:<34} {reason}", b.id);
            continue;
        }
        let start = std::time::Instant::now();
        match prepared.verify() {
            Ok(()) => println!("ok    {:<34} {:.2} s", b.id, start.elapsed().as_secs_f64()),
            Err(e) => {
                println!("FAIL  {e}");
                passed = false;
            }
        }
    }
    Ok(passed)
}

fn record_expected(cpython: &str) -> Result<(), String> {
    let dir = workload::workspace_root().join(workload::EXPECTED_DIR);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let scratch = workload::workspace_root().join("target/bench-expected");
    std::fs::create_dir_all(&scratch).map_err(|e| format!("{}: {e}", scratch.display()))?;
    for b in BENCHMARKS {
        let Input::Pyperformance(name, args) = b.input else {
            continue;
        };
        let out = scratch.join(format!("{name}.json"));
        let _ = std::fs::remove_file(&out);
        let argv = workload::pyperformance_argv(name, args, &out);
        let run = std::process::Command::new(cpython)
            .args(&argv)
            .env("PYTHONHASHSEED", "0")
            .output()
            .map_err(|e| format!("{cpython}: {e}"))?;
        if !run.status.success() {
            return Err(format!(
                "{}: {cpython} failed ({})\n{}",
                b.id,
                run.status,
                String::from_utf8_lossy(&run.stderr)
            ));
        }
        let text = std::fs::read_to_string(&out).map_err(|e| format!("{}: {e}", out.display()))?;
        let stdout = String::from_utf8_lossy(&run.stdout);
        let result = CheckResult::from_launcher(&text, &stdout)?;
        let path = dir.join(format!("{name}.json"));
        std::fs::write(&path, result.to_json(args))
            .map_err(|e| format!("{}: {e}", path.display()))?;
        println!("recorded {}", path.display());
    }
    Ok(())
}

fn list() -> Result<(), String> {
    for b in BENCHMARKS {
        let path = workload::source_path(b.input);
        let shown = path
            .strip_prefix(workload::workspace_root())
            .unwrap_or(&path)
            .display()
            .to_string();
        let status = match prepare(b, Suite::Instructions) {
            Ok(p) => p
                .skip_reason()
                .map_or_else(|| "ok".to_string(), |r| format!("skipped: {r}")),
            Err(e) => format!("ERROR: {e}"),
        };
        let shown = match b.input {
            Input::Pyperformance(_, args) if !args.is_empty() => format!("{shown} {args}"),
            _ => shown,
        };
        println!("{:<34} {:<58} {status}", b.id, shown);
    }
    Ok(())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match &cli.command {
        Command::Compare {
            results,
            baseline,
            threshold,
        } => compare(results, baseline, threshold).map(|passed| {
            if passed {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }),
        Command::Record { results, baseline } => {
            record(results, baseline).map(|()| ExitCode::SUCCESS)
        }
        Command::WallReport {
            criterion,
            baseline,
            since,
        } => wall(criterion, baseline, since.as_ref()).map(|()| ExitCode::SUCCESS),
        Command::Verify { suite } => verify(suite).map(|passed| {
            if passed {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }),
        Command::RecordExpected { cpython } => record_expected(cpython).map(|()| ExitCode::SUCCESS),
        Command::List => list().map(|()| ExitCode::SUCCESS),
    };
    outcome.unwrap_or_else(|e| {
        eprintln!("bench-gate: {e}");
        ExitCode::from(2)
    })
}
