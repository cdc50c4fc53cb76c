//! `make bench-wall`'s summary: for each benchmark criterion just compared with a saved
//! baseline (`--baseline NAME`), the mean time then and now and the change with criterion's
//! 95% confidence interval, read from the files criterion writes under `target/criterion/`.
//!
//! Criterion prints the same numbers per benchmark as it goes; this table puts them side by
//! side. Wall-clock time is noisy, so this is information for review, not a gate.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// A benchmark's comparison with the saved baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct WallRow {
    /// Criterion's id (`parse/nbody`).
    pub id: String,
    /// Mean time per iteration in the baseline, nanoseconds.
    pub baseline_ns: f64,
    /// Mean time per iteration now, nanoseconds.
    pub now_ns: f64,
    /// Relative change of the mean (0.05 is 5% slower): lower bound, estimate, upper bound.
    pub change: (f64, f64, f64),
}

/// Criterion's default noise threshold: changes whose interval stays within ±1% are noise.
pub const NOISE: f64 = 0.01;

impl WallRow {
    /// `slower`/`faster` when the whole confidence interval is beyond the noise threshold.
    pub fn verdict(&self) -> &'static str {
        let (lo, _, hi) = self.change;
        if lo > NOISE {
            "slower"
        } else if hi < -NOISE {
            "faster"
        } else {
            "no change"
        }
    }
}

fn read_json(path: &Path) -> Result<serde_json::Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn number(value: &serde_json::Value, pointer: &str, path: &Path) -> Result<f64, String> {
    value
        .pointer(pointer)
        .and_then(|v| v.as_f64())
        .ok_or_else(|| format!("{}: no {pointer}", path.display()))
}

/// Reads one benchmark directory (`target/criterion/<group>/<function>/`).
pub fn read_row(dir: &Path, baseline: &str) -> Result<WallRow, String> {
    let benchmark = dir.join("new/benchmark.json");
    let id = read_json(&benchmark)?
        .get("full_id")
        .and_then(|v| v.as_str())
        .map(str::to_string)
        .ok_or_else(|| format!("{}: no full_id", benchmark.display()))?;
    let now_path = dir.join("new/estimates.json");
    let base_path = dir.join(baseline).join("estimates.json");
    let change_path = dir.join("change/estimates.json");
    let (now, base, change) = (
        read_json(&now_path)?,
        read_json(&base_path)?,
        read_json(&change_path)?,
    );
    Ok(WallRow {
        id,
        baseline_ns: number(&base, "/mean/point_estimate", &base_path)?,
        now_ns: number(&now, "/mean/point_estimate", &now_path)?,
        change: (
            number(
                &change,
                "/mean/confidence_interval/lower_bound",
                &change_path,
            )?,
            number(&change, "/mean/point_estimate", &change_path)?,
            number(
                &change,
                "/mean/confidence_interval/upper_bound",
                &change_path,
            )?,
        ),
    })
}

/// Every benchmark under `criterion_dir` compared with `baseline` whose comparison was
/// written at or after `since` (so results of benchmarks not run this time are left out).
pub fn collect(
    criterion_dir: &Path,
    baseline: &str,
    since: Option<SystemTime>,
) -> Result<Vec<WallRow>, String> {
    let mut dirs = Vec::new();
    find_benchmark_dirs(criterion_dir, &mut dirs);
    dirs.sort();
    let mut rows = Vec::new();
    for dir in dirs {
        let change = dir.join("change/estimates.json");
        let fresh = match (since, std::fs::metadata(&change).and_then(|m| m.modified())) {
            (_, Err(_)) => false,
            (None, Ok(_)) => true,
            (Some(since), Ok(written)) => written >= since,
        };
        if fresh && dir.join(baseline).is_dir() {
            rows.push(read_row(&dir, baseline)?);
        }
    }
    Ok(rows)
}

fn find_benchmark_dirs(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.join("new/benchmark.json").is_file() {
            out.push(path);
        } else if path.is_dir() {
            find_benchmark_dirs(&path, out);
        }
    }
}

/// A duration in nanoseconds with criterion's units.
pub fn format_ns(ns: f64) -> String {
    let (value, unit) = if ns < 1e3 {
        (ns, "ns")
    } else if ns < 1e6 {
        (ns / 1e3, "µs")
    } else if ns < 1e9 {
        (ns / 1e6, "ms")
    } else {
        (ns / 1e9, "s")
    };
    format!("{value:.2} {unit}")
}

/// The table.
pub fn render(rows: &[WallRow], baseline: &str) -> String {
    let width = rows.iter().map(|r| r.id.len()).max().unwrap_or(9).max(9);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<width$}  {:>11}  {:>11}  {:>29}",
        "benchmark", baseline, "now", "change of the mean [95% CI]"
    );
    for row in rows {
        let (lo, mid, hi) = row.change;
        let interval = format!(
            "{:+.2}% [{:+.2}% {:+.2}%]",
            mid * 100.0,
            lo * 100.0,
            hi * 100.0
        );
        let _ = writeln!(
            out,
            "{:<width$}  {:>11}  {:>11}  {:>29}  {}",
            row.id,
            format_ns(row.baseline_ns),
            format_ns(row.now_ns),
            interval,
            row.verdict()
        );
    }
    let slower = rows.iter().filter(|r| r.verdict() == "slower").count();
    let faster = rows.iter().filter(|r| r.verdict() == "faster").count();
    let _ = writeln!(
        out,
        "\n{} compared with baseline '{baseline}': {slower} slower, {faster} faster \
         (whole 95% interval beyond ±{:.0}%)",
        rows.len(),
        NOISE * 100.0
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(path: &Path, text: &str) {
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }

    fn estimates(mean: f64, lo: f64, hi: f64) -> String {
        format!(
            r#"{{"mean":{{"confidence_interval":{{"confidence_level":0.95,"lower_bound":{lo},"upper_bound":{hi}}},"point_estimate":{mean},"standard_error":0.1}},
               "median":{{"confidence_interval":{{"confidence_level":0.95,"lower_bound":{lo},"upper_bound":{hi}}},"point_estimate":{mean},"standard_error":0.1}}}}"#
        )
    }

    #[test]
    fn reads_criterion_files_and_classifies_by_interval() {
        let root = std::env::temp_dir().join(format!("rpy-wall-report-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let cases = [
            ("parse/a", 0.10, 0.08, 0.12),
            ("parse/b", -0.003, -0.02, 0.015),
            ("run/kernel_c", -0.2, -0.25, -0.15),
        ];
        for (id, mid, lo, hi) in cases {
            let dir = root.join(id);
            write(
                &dir.join("new/benchmark.json"),
                &format!(r#"{{"full_id":"{id}"}}"#),
            );
            write(
                &dir.join("new/estimates.json"),
                &estimates(1500.0, 0.0, 0.0),
            );
            write(
                &dir.join("main/estimates.json"),
                &estimates(2_500_000.0, 0.0, 0.0),
            );
            write(&dir.join("change/estimates.json"), &estimates(mid, lo, hi));
        }
        // A benchmark never compared with this baseline is not reported.
        write(
            &root.join("parse/d/new/benchmark.json"),
            r#"{"full_id":"parse/d"}"#,
        );
        let rows = collect(&root, "main", None).expect("reads");
        let verdicts: Vec<(&str, &str)> =
            rows.iter().map(|r| (r.id.as_str(), r.verdict())).collect();
        assert_eq!(
            verdicts,
            [
                ("parse/a", "slower"),
                ("parse/b", "no change"),
                ("run/kernel_c", "faster")
            ]
        );
        let text = render(&rows, "main");
        let line = text
            .lines()
            .find(|l| l.starts_with("parse/a "))
            .expect("row");
        let words: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(
            words,
            [
                "parse/a", "2.50", "ms", "1.50", "µs", "+10.00%", "[+8.00%", "+12.00%]", "slower"
            ]
        );
        assert!(
            text.contains("3 compared with baseline 'main': 1 slower, 1 faster"),
            "{text}"
        );
        let later = SystemTime::now() + std::time::Duration::from_secs(3600);
        assert_eq!(collect(&root, "main", Some(later)), Ok(vec![]));
        let _ = std::fs::remove_dir_all(&root);
    }
}
