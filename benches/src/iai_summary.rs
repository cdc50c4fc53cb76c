//! Reads the instruction counts of an iai-callgrind run from the `summary.json` files it
//! writes with `--save-summary=json` (one per benchmark, under
//! `target/iai/benches/instructions/`), keyed by catalog id.

use std::path::{Path, PathBuf};

use crate::catalog;
use crate::gate::Counts;

/// Whether iai-callgrind's description of a run, `benches :: iai_setup("ID")`, names the
/// benchmark `id`. iai-callgrind cuts long descriptions to `...("run/pyperformance/spectral_n...`:
/// then the part that is shown must start the id.
fn names_benchmark(details: &str, id: &str) -> bool {
    let Some((_, shown)) = details.split_once("iai_setup(\"") else {
        return false;
    };
    let whole = format!("{id}\")");
    match shown.strip_suffix("...") {
        Some(cut) => !cut.is_empty() && whole.starts_with(cut),
        None => shown == whole,
    }
}

/// The callgrind instruction count (`Ir`) and catalog id recorded in one summary file.
pub fn parse_summary(text: &str) -> Result<(&'static str, u64), String> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    let iai_id = value
        .get("id")
        .and_then(|v| v.as_str())
        .ok_or("no benchmark id")?;
    let benchmark = catalog::by_iai_id(iai_id)
        .ok_or_else(|| format!("benchmark {iai_id} is not in the catalog (stale result?)"))?;
    // The setup call is shown as `benches :: iai_setup("parse/nbody")`: a cross-check that
    // the catalog was not reordered since the benchmark binary was built.
    let details = value.get("details").and_then(|v| v.as_str()).unwrap_or("");
    if !names_benchmark(details, benchmark.id) {
        return Err(format!(
            "{iai_id} ran {details:?} but the catalog lists {} there: rebuild the benchmarks",
            benchmark.id
        ));
    }
    let profiles = value
        .get("profiles")
        .and_then(|v| v.as_array())
        .ok_or("no profiles")?;
    let callgrind = profiles
        .iter()
        .find(|p| p.get("tool").and_then(|t| t.as_str()) == Some("Callgrind"))
        .ok_or("no callgrind profile")?;
    let metrics = callgrind
        .pointer("/summaries/total/summary/Callgrind/Ir/metrics")
        .ok_or("no total Ir metric")?;
    // `Left` holds this run's value; `Both` holds [this run, iai-callgrind's previous run].
    let current = metrics
        .get("Left")
        .or_else(|| metrics.pointer("/Both/0"))
        .and_then(|m| m.get("Int"))
        .and_then(|n| n.as_u64())
        .ok_or("Ir is not an integer count")?;
    Ok((benchmark.id, current))
}

/// Every count under `dir` (searched recursively for `summary.json`).
pub fn read_counts(dir: &Path) -> Result<Counts, String> {
    let mut files = Vec::new();
    find_summaries(dir, &mut files)?;
    files.sort();
    let mut counts = Counts::new();
    for file in files {
        let text =
            std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let (id, count) = parse_summary(&text).map_err(|e| format!("{}: {e}", file.display()))?;
        if counts.insert(id.to_string(), count).is_some() {
            return Err(format!("{id}: two results under {}", dir.display()));
        }
    }
    Ok(counts)
}

fn find_summaries(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.is_dir() {
            find_summaries(&path, out)?;
        } else if path.file_name().is_some_and(|n| n == "summary.json") {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A summary file exactly as iai-callgrind 0.16.1 wrote it for `parse/nbody`.
    const RECORDED: &str = include_str!("../testdata/iai-summary-parse-nbody.json");

    #[test]
    fn reads_a_recorded_summary() {
        // Recorded on a second run: `Both` holds [this run, iai-callgrind's previous run].
        assert_eq!(parse_summary(RECORDED), Ok(("parse/nbody", 1_201_947)));
    }

    #[test]
    fn a_first_run_has_only_the_current_value() {
        let with_metrics = |metrics: serde_json::Value| {
            let mut value: serde_json::Value = serde_json::from_str(RECORDED).expect("json");
            if let Some(slot) =
                value.pointer_mut("/profiles/0/summaries/total/summary/Callgrind/Ir/metrics")
            {
                *slot = metrics;
            }
            value.to_string()
        };
        let left = with_metrics(serde_json::json!({"Left": {"Int": 7}}));
        assert_eq!(parse_summary(&left), Ok(("parse/nbody", 7)));
        let both = with_metrics(serde_json::json!({"Both": [{"Int": 8}, {"Int": 9}]}));
        assert_eq!(parse_summary(&both), Ok(("parse/nbody", 8)));
    }

    #[test]
    fn cut_descriptions_name_their_benchmark() {
        let cut = r#"benches :: iai_setup("run/pyperformance/spectral_n..."#;
        assert!(names_benchmark(cut, "run/pyperformance/spectral_norm"));
        assert!(!names_benchmark(cut, "run/pyperformance/richards"));
        let whole = r#"benches :: iai_setup("parse/nbody")"#;
        assert!(names_benchmark(whole, "parse/nbody"));
        assert!(!names_benchmark(whole, "parse/nbod"));
        let cut_after_quote = r#"benches :: iai_setup("run/pyperformance/deltablue"..."#;
        assert!(names_benchmark(
            cut_after_quote,
            "run/pyperformance/deltablue"
        ));
        assert!(!names_benchmark(cut_after_quote, "run/pyperformance/delta"));
        assert!(!names_benchmark(
            "benches :: iai_setup(\"...",
            "parse/nbody"
        ));
    }

    #[test]
    fn a_reordered_catalog_is_detected() {
        let text = RECORDED.replace("iai_setup(\\\"parse/nbody\\\")", "iai_setup(\\\"x\\\")");
        assert_ne!(text, RECORDED, "fixture shape changed");
        let err = parse_summary(&text).expect_err("mismatch");
        assert!(err.contains("rebuild the benchmarks"), "{err}");
    }
}
