//! CPython 3.14's check results for the pyperformance benchmarks (`benches/expected/*.json`)
//! and the comparison of rpy's with them: what each benchmarked function returned, what the
//! workload's probe saw and what it printed, as `pyperformance/launch.py --check` records
//! them at the benchmark's size (`pyperformance/checking.py` does the same for the runner).

use std::path::Path;

use serde_json::{Map, Value};

/// The compared part of one check run.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckResult {
    /// Canonical return values of the benchmarked functions.
    pub returns: Value,
    /// What the workload's probe read from its module after the run.
    pub probe: Value,
    /// What the workload printed.
    pub stdout: String,
}

impl CheckResult {
    /// The check results the launcher wrote (`text`) plus the run's stdout.
    pub fn from_launcher(text: &str, stdout: &str) -> Result<CheckResult, String> {
        let value: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        Ok(CheckResult {
            returns: value.get("returns").cloned().unwrap_or(Value::Null),
            probe: value.get("probe").cloned().unwrap_or(Value::Null),
            stdout: stdout.to_string(),
        })
    }

    /// The committed file for a run with the size options `args`.
    pub fn to_json(&self, args: &str) -> String {
        let mut map = Map::new();
        map.insert("args".into(), Value::String(args.to_string()));
        map.insert("returns".into(), self.returns.clone());
        map.insert("probe".into(), self.probe.clone());
        map.insert("stdout".into(), Value::String(self.stdout.clone()));
        let mut text = serde_json::to_string_pretty(&Value::Object(map)).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Where `got` first differs from these (expected) results, if it does.
    pub fn first_difference(&self, got: &CheckResult) -> Option<String> {
        difference(&self.returns, &got.returns, "returns")
            .or_else(|| difference(&self.probe, &got.probe, "probe"))
            .or_else(|| {
                (self.stdout != got.stdout).then(|| {
                    format!(
                        "stdout: expected {:?}, got {:?}",
                        short(&self.stdout),
                        short(&got.stdout)
                    )
                })
            })
    }
}

/// Reads the committed results at `path`, which must have been recorded with `args`.
pub fn load(path: &Path, args: &str) -> Result<CheckResult, String> {
    let record = "record them with `make bench-expected CPYTHON=python3.14`";
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("{}: {e}; {record}", path.display()))?;
    let value: Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let recorded = value.get("args").and_then(Value::as_str).unwrap_or("");
    if recorded != args {
        return Err(format!(
            "{}: recorded with options {recorded:?}, the catalog now says {args:?}; {record}",
            path.display()
        ));
    }
    Ok(CheckResult {
        returns: value.get("returns").cloned().unwrap_or(Value::Null),
        probe: value.get("probe").cloned().unwrap_or(Value::Null),
        stdout: value
            .get("stdout")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string(),
    })
}

fn short(text: &str) -> String {
    let shown: String = text.chars().take(80).collect();
    if shown.len() < text.len() {
        format!("{shown}...")
    } else {
        shown
    }
}

fn difference(expected: &Value, got: &Value, at: &str) -> Option<String> {
    match (expected, got) {
        (Value::Object(a), Value::Object(b)) => {
            let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
            keys.sort();
            keys.dedup();
            keys.into_iter().find_map(|k| match (a.get(k), b.get(k)) {
                (Some(x), Some(y)) => difference(x, y, &format!("{at}.{k}")),
                (Some(_), None) => Some(format!("{at}: missing {k:?}")),
                _ => Some(format!("{at}: unexpected {k:?}")),
            })
        }
        (Value::Array(a), Value::Array(b)) => a
            .iter()
            .zip(b)
            .enumerate()
            .find_map(|(i, (x, y))| difference(x, y, &format!("{at}[{i}]")))
            .or_else(|| {
                (a.len() != b.len())
                    .then(|| format!("{at}: expected {} items, got {}", a.len(), b.len()))
            }),
        _ if expected == got => None,
        _ => Some(format!(
            "{at}: expected {}, got {}",
            short(&expected.to_string()),
            short(&got.to_string())
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RECORDED: &str = r#"{"python_implementation": "cpython",
        "returns": [["nbody", null]],
        "probe": {"dict": [["energy", -0.16908926275527172], ["n", 5]]},
        "workload": "nbody"}"#;

    #[test]
    fn equal_results_pass_whatever_the_implementation_name() {
        let a = CheckResult::from_launcher(RECORDED, "").expect("parses");
        let b =
            CheckResult::from_launcher(&RECORDED.replace("cpython", "rpy"), "").expect("parses");
        assert_eq!(a.first_difference(&b), None);
    }

    #[test]
    fn the_first_difference_is_named() {
        let a = CheckResult::from_launcher(RECORDED, "").expect("parses");
        let wrong = RECORDED.replace("-0.16908926275527172", "-0.16908926275527170");
        let b = CheckResult::from_launcher(&wrong, "").expect("parses");
        let diff = a.first_difference(&b).expect("differs");
        assert!(
            diff.starts_with("probe.dict[0][1]: expected -0.1690"),
            "{diff}"
        );
        let c = CheckResult::from_launcher(RECORDED, "oops\n").expect("parses");
        assert!(
            a.first_difference(&c)
                .expect("differs")
                .starts_with("stdout")
        );
    }

    #[test]
    fn recorded_files_round_trip_and_remember_their_options() {
        let a = CheckResult::from_launcher(RECORDED, "x\n").expect("parses");
        let dir = std::env::temp_dir().join(format!("rpy-expected-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("nbody.json");
        std::fs::write(&path, a.to_json("--iterations 10")).expect("writes");
        assert_eq!(load(&path, "--iterations 10"), Ok(a));
        let err = load(&path, "--iterations 20").expect_err("other options");
        assert!(err.contains("recorded with options"), "{err}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
