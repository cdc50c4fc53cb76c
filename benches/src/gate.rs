//! The `make bench` regression gate: instruction counts of this build against the committed
//! baseline, a table of the differences, and a verdict that fails when any benchmark grew by
//! more than the threshold.
//!
//! Instruction counts (callgrind's `Ir`) are deterministic for a given binary, so any change
//! is real; the threshold only decides which changes are worth stopping a merge for.

use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Instruction counts by benchmark id.
pub type Counts = BTreeMap<String, u64>;

/// The committed reference counts (`benches/baseline/instructions.json`) and what produced
/// them. Counts depend on the compiler and the machine's libc (its memcpy variant), so the
/// provenance is kept to explain differences that are not rpy's.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Baseline {
    /// `rustc --version` of the build that recorded the counts.
    pub rustc: String,
    /// The measuring tool (iai-callgrind's version, the metric).
    pub tool: String,
    /// Instruction counts by benchmark id.
    pub counts: Counts,
}

/// The tool string written into baselines.
pub const TOOL: &str = "iai-callgrind 0.16.1, callgrind Ir (instructions executed)";

impl Baseline {
    /// Reads a baseline file's JSON text.
    pub fn from_json(text: &str) -> Result<Self, String> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| format!("baseline is not JSON: {e}"))?;
        let text_field = |name: &str| {
            value
                .get(name)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        let map = value
            .get("benchmarks")
            .and_then(|b| b.as_object())
            .ok_or("baseline has no \"benchmarks\" object")?;
        let mut counts = Counts::new();
        for (id, count) in map {
            let count = count
                .as_u64()
                .ok_or_else(|| format!("baseline count of {id} is not a non-negative integer"))?;
            counts.insert(id.clone(), count);
        }
        Ok(Self {
            rustc: text_field("rustc"),
            tool: text_field("tool"),
            counts,
        })
    }

    /// The file text: stable key order, one benchmark per line, so that a re-recorded
    /// baseline reads as a reviewable diff.
    pub fn to_json(&self) -> String {
        let counts: serde_json::Map<String, serde_json::Value> = self
            .counts
            .iter()
            .map(|(id, count)| (id.clone(), (*count).into()))
            .collect();
        let mut root = serde_json::Map::new();
        root.insert("tool".into(), self.tool.clone().into());
        root.insert("rustc".into(), self.rustc.clone().into());
        root.insert("benchmarks".into(), counts.into());
        let mut text =
            serde_json::to_string_pretty(&serde_json::Value::Object(root)).unwrap_or_default();
        text.push('\n');
        text
    }
}

/// Parses a threshold in percent (`2`, `2%`, `0.5`); it must be finite and non-negative.
pub fn parse_threshold(text: &str) -> Result<f64, String> {
    let number = text.trim().trim_end_matches('%').trim();
    match number.parse::<f64>() {
        Ok(t) if t.is_finite() && t >= 0.0 => Ok(t),
        _ => Err(format!(
            "THRESHOLD must be a non-negative percentage, got {text:?}"
        )),
    }
}

/// What happened to one benchmark.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    /// Within the threshold of the baseline.
    Unchanged,
    /// Grew by more than the threshold: fails the gate.
    Regressed,
    /// Shrank by more than the threshold: passes; re-record the baseline to lock it in.
    Improved,
    /// Measured, with no baseline yet: passes; record one.
    New,
    /// Not measured on this checkout, for the reason given, and not in the baseline.
    Skipped(String),
    /// In the baseline but not measured now (skipped for the reason given): fails, since
    /// the gate can no longer see that benchmark.
    LostMeasurement(String),
    /// Listed in the catalog but the run produced no count: fails.
    NoResult,
    /// In the baseline but no longer in the catalog: fails until the baseline is
    /// re-recorded, so that a removed benchmark is a visible decision.
    NotInCatalog,
}

impl Verdict {
    /// Whether this verdict fails the gate.
    pub fn fails(&self) -> bool {
        matches!(
            self,
            Verdict::Regressed
                | Verdict::LostMeasurement(_)
                | Verdict::NoResult
                | Verdict::NotInCatalog
        )
    }
}

/// One line of the report.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// Benchmark id.
    pub id: String,
    /// Baseline count, if any.
    pub baseline: Option<u64>,
    /// Count of this build, if measured.
    pub now: Option<u64>,
    /// The verdict.
    pub verdict: Verdict,
}

impl Row {
    /// Relative change in percent, when both counts exist.
    pub fn change_pct(&self) -> Option<f64> {
        match (self.baseline, self.now) {
            (Some(0), Some(0)) => Some(0.0),
            (Some(0), Some(_)) => Some(f64::INFINITY),
            (Some(base), Some(now)) => Some((now as f64 - base as f64) / base as f64 * 100.0),
            _ => None,
        }
    }
}

/// The comparison of one run with the baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// One row per benchmark: catalog order, then baseline entries the catalog lacks.
    pub rows: Vec<Row>,
    /// The threshold in percent.
    pub threshold_pct: f64,
}

/// Compares measured counts with the baseline. `catalog` gives the ids in report order and
/// the reason each unmeasurable benchmark was skipped (`None` when it should have a count).
pub fn compare(
    baseline: &Counts,
    now: &Counts,
    catalog: &[(&str, Option<&str>)],
    threshold_pct: f64,
) -> Report {
    let mut rows = Vec::new();
    for &(id, skip) in catalog {
        let base = baseline.get(id).copied();
        let count = now.get(id).copied();
        let verdict = match (skip, count, base) {
            (Some(reason), _, Some(_)) => Verdict::LostMeasurement(reason.to_string()),
            (Some(reason), _, None) => Verdict::Skipped(reason.to_string()),
            (None, None, _) => Verdict::NoResult,
            (None, Some(_), None) => Verdict::New,
            (None, Some(count), Some(base)) => classify(base, count, threshold_pct),
        };
        rows.push(Row {
            id: id.to_string(),
            baseline: base,
            now: if skip.is_some() { None } else { count },
            verdict,
        });
    }
    for (id, &base) in baseline {
        if !catalog.iter().any(|(c, _)| c == id) {
            rows.push(Row {
                id: id.clone(),
                baseline: Some(base),
                now: None,
                verdict: Verdict::NotInCatalog,
            });
        }
    }
    Report {
        rows,
        threshold_pct,
    }
}

/// Regressed when `now` exceeds `base` by more than `threshold_pct` percent of `base`.
fn classify(base: u64, now: u64, threshold_pct: f64) -> Verdict {
    let limit = base as f64 * threshold_pct / 100.0;
    let delta = now as f64 - base as f64;
    if delta > limit {
        Verdict::Regressed
    } else if -delta > limit {
        Verdict::Improved
    } else {
        Verdict::Unchanged
    }
}

/// `1234567` as `1,234,567`.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl Report {
    /// Whether the gate passes.
    pub fn passed(&self) -> bool {
        !self.rows.iter().any(|r| r.verdict.fails())
    }

    /// The table and a verdict line.
    pub fn render(&self) -> String {
        let width = self
            .rows
            .iter()
            .map(|r| r.id.len())
            .max()
            .unwrap_or(9)
            .max(9);
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<width$}  {:>15}  {:>15}  {:>9}",
            "benchmark", "baseline", "now", "change"
        );
        let count = |c: Option<u64>| c.map_or_else(|| "-".to_string(), grouped);
        for row in &self.rows {
            let change = match row.change_pct() {
                Some(p) if p.is_infinite() => "+inf%".to_string(),
                Some(p) => format!("{p:+.2}%"),
                None => "-".to_string(),
            };
            let note = match &row.verdict {
                Verdict::Unchanged => String::new(),
                Verdict::Regressed => format!("REGRESSED (> +{:.2}%)", self.threshold_pct),
                Verdict::Improved => "improved (re-record the baseline to keep it)".to_string(),
                Verdict::New => "new (no baseline yet)".to_string(),
                Verdict::Skipped(reason) => format!("skipped: {reason}"),
                Verdict::LostMeasurement(reason) => {
                    format!("FAILED: in the baseline but not measured: {reason}")
                }
                Verdict::NoResult => "FAILED: no result from the run".to_string(),
                Verdict::NotInCatalog => {
                    "FAILED: not in the catalog (re-record the baseline)".to_string()
                }
            };
            let line = format!(
                "{:<width$}  {:>15}  {:>15}  {:>9}  {note}",
                row.id,
                count(row.baseline),
                count(row.now),
                change
            );
            let _ = writeln!(out, "{}", line.trim_end());
        }
        let tally = |f: fn(&Verdict) -> bool| self.rows.iter().filter(|r| f(&r.verdict)).count();
        let measured = self.rows.iter().filter(|r| r.now.is_some()).count();
        let regressed = tally(|v| *v == Verdict::Regressed);
        let improved = tally(|v| *v == Verdict::Improved);
        let skipped = tally(|v| matches!(v, Verdict::Skipped(_)));
        let failed = tally(Verdict::fails);
        let _ = writeln!(
            out,
            "\n{measured} measured, {regressed} regressed, {improved} improved, {skipped} skipped; \
             threshold +{:.2}%",
            self.threshold_pct
        );
        if self.passed() {
            let _ = writeln!(out, "bench gate: PASSED");
        } else {
            let _ = writeln!(out, "bench gate: FAILED ({failed} benchmarks)");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn counts(pairs: &[(&str, u64)]) -> Counts {
        pairs.iter().map(|&(k, v)| (k.to_string(), v)).collect()
    }

    #[test]
    fn threshold_is_strictly_more_than_the_percentage() {
        assert_eq!(classify(1000, 1020, 2.0), Verdict::Unchanged);
        assert_eq!(classify(1000, 1021, 2.0), Verdict::Regressed);
        assert_eq!(classify(1000, 980, 2.0), Verdict::Unchanged);
        assert_eq!(classify(1000, 979, 2.0), Verdict::Improved);
        assert_eq!(classify(1000, 1001, 0.0), Verdict::Regressed);
        assert_eq!(classify(0, 1, 2.0), Verdict::Regressed);
    }

    #[test]
    fn threshold_parsing() {
        assert_eq!(parse_threshold("2"), Ok(2.0));
        assert_eq!(parse_threshold(" 0.5% "), Ok(0.5));
        assert!(parse_threshold("-1").is_err());
        assert!(parse_threshold("NaN").is_err());
        assert!(parse_threshold("two").is_err());
    }

    #[test]
    fn every_kind_of_row() {
        let baseline = counts(&[("a", 100), ("b", 100), ("c", 100), ("gone", 5), ("lost", 7)]);
        let now = counts(&[("a", 101), ("b", 200), ("c", 50), ("new", 9)]);
        let catalog = [
            ("a", None),
            ("b", None),
            ("c", None),
            ("new", None),
            ("vm", Some("no VM")),
            ("lost", Some("cache missing")),
            ("absent", None),
        ];
        let report = compare(&baseline, &now, &catalog, 2.0);
        let verdicts: Vec<(&str, &Verdict)> = report
            .rows
            .iter()
            .map(|r| (r.id.as_str(), &r.verdict))
            .collect();
        assert_eq!(
            verdicts,
            vec![
                ("a", &Verdict::Unchanged),
                ("b", &Verdict::Regressed),
                ("c", &Verdict::Improved),
                ("new", &Verdict::New),
                ("vm", &Verdict::Skipped("no VM".into())),
                ("lost", &Verdict::LostMeasurement("cache missing".into())),
                ("absent", &Verdict::NoResult),
                ("gone", &Verdict::NotInCatalog),
            ]
        );
        assert!(!report.passed());
        let text = report.render();
        assert!(text.contains("REGRESSED (> +2.00%)"), "{text}");
        assert!(text.contains("+100.00%"), "{text}");
        assert!(text.contains("skipped: no VM"), "{text}");
        assert!(text.contains("bench gate: FAILED (4 benchmarks)"), "{text}");
    }

    #[test]
    fn skips_and_new_benchmarks_pass() {
        let baseline = counts(&[("a", 1_000_000)]);
        let now = counts(&[("a", 1_015_000), ("n", 3)]);
        let catalog = [("a", None), ("n", None), ("vm", Some("no VM"))];
        let report = compare(&baseline, &now, &catalog, 2.0);
        assert!(report.passed(), "{}", report.render());
        let text = report.render();
        assert!(
            text.contains("1,000,000        1,015,000     +1.50%"),
            "{text}"
        );
        assert!(text.ends_with("bench gate: PASSED\n"), "{text}");
    }

    /// The committed baseline (real counts recorded on this project's machine) against
    /// itself passes; the same run with one workload 3% slower fails the gate, 1.9% passes.
    #[test]
    fn a_deliberate_slowdown_of_the_recorded_counts_fails() {
        let path = crate::workload::workspace_root().join("benches/baseline/instructions.json");
        let text = std::fs::read_to_string(&path).expect("committed baseline");
        let base = Baseline::from_json(&text).expect("valid baseline").counts;
        let catalog: Vec<(&str, Option<&str>)> = base.keys().map(|k| (k.as_str(), None)).collect();
        assert!(compare(&base, &base, &catalog, 2.0).passed());
        let victim = "run/pyperformance/nbody";
        let recorded = *base.get(victim).expect("nbody is in the baseline");
        let mut slower = base.clone();
        slower.insert(victim.to_string(), recorded + recorded * 3 / 100);
        let report = compare(&base, &slower, &catalog, 2.0);
        assert!(!report.passed());
        let text = report.render();
        assert!(text.contains("+3.00%  REGRESSED (> +2.00%)"), "{text}");
        assert!(
            text.ends_with("bench gate: FAILED (1 benchmarks)\n"),
            "{text}"
        );
        slower.insert(victim.to_string(), recorded + recorded * 19 / 1000);
        assert!(compare(&base, &slower, &catalog, 2.0).passed());
    }

    #[test]
    fn baseline_json_round_trips() {
        let baseline = Baseline {
            rustc: "rustc 1.95.0".into(),
            tool: TOOL.into(),
            counts: counts(&[("parse/x", 12), ("compile/x", 34)]),
        };
        let text = baseline.to_json();
        assert!(text.contains("\"compile/x\": 34,\n"), "{text}");
        assert_eq!(Baseline::from_json(&text), Ok(baseline));
        assert!(Baseline::from_json("{\"benchmarks\": {\"a\": -1}}").is_err());
        assert!(Baseline::from_json("[]").is_err());
    }
}
