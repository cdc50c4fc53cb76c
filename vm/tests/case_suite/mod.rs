//! Shared runner for the CPython-generated front-end suites (syntax errors, snippets).
//!
//! The data files under `tests/data/` are written by `tools/harvest_syntax_cases.py` running
//! CPython 3.14; this module loads them, runs each case's checks on a worker thread (with a
//! per-case time limit, and with panics caught so that one bad case cannot hide the others),
//! prints a summary, and enforces a ratchet: `tests/data/<suite>_known_failures.txt` lists the
//! checks allowed to fail. A check failing outside the list fails the test, and so does a listed
//! check that now passes, so the list only shrinks.
//!
//! Environment:
//! * `RPY_BLESS_KNOWN_FAILURES=1` rewrites the list from the current results.
//! * `RPY_SUITE_FILTER=text` runs only cases whose id or origin contains `text` (the ratchet
//!   then only looks at those cases, and blessing is refused).
//! * `RPY_SUITE_SHOW=n` prints up to `n` failures (default 30), `RPY_SUITE_SHOW_KNOWN=1`
//!   includes known failures in that listing.
//! * `RPY_SUITE_TIMEOUT_SECS=n` changes the per-case time limit (default 30 s).
//! * `RPY_SUITE_TRACE=1` prints each case id to stderr before running it, to find the case
//!   behind a crash that cannot be caught (a stack overflow aborts the process).

#![allow(dead_code)] // each test binary uses a different part of this module

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::io::Write as _;
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

use serde_json::Value;

/// One case of a data file.
pub struct Case {
    /// Stable id: the first 12 hex digits of the SHA-1 of the source bytes.
    pub id: String,
    /// Where the harvester found the source: `file.py:line` or `hand:name`.
    pub origin: String,
    /// The source, exactly as CPython received it.
    pub bytes: Vec<u8>,
    /// The whole JSON object (expected values live under suite-specific keys).
    pub json: Value,
}

impl Case {
    /// Summary category: the origin file, or `hand:<group>` for hand-written cases.
    pub fn category(&self) -> String {
        match self.origin.strip_prefix("hand:") {
            Some(name) => format!("hand:{}", name.split('/').next().unwrap_or(name)),
            None => self
                .origin
                .split(':')
                .next()
                .unwrap_or(&self.origin)
                .to_string(),
        }
    }

    /// The source for display: text when it is UTF-8, else escaped bytes; long sources cut.
    pub fn display_source(&self) -> String {
        const LIMIT: usize = 300;
        let text = match std::str::from_utf8(&self.bytes) {
            Ok(s) => format!("{s:?}"),
            Err(_) => format!("b\"{}\"", self.bytes.escape_ascii()),
        };
        if text.len() > LIMIT {
            let cut = (0..=LIMIT)
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(0);
            format!("{}... ({} bytes)", &text[..cut], self.bytes.len())
        } else {
            text
        }
    }
}

/// The result of one check of one case.
pub struct Check {
    /// Ratchet id: the case id, plus a suffix when a case has several checks.
    pub id: String,
    /// `None` when the check passed.
    pub failure: Option<Failure>,
}

/// Why a check failed.
pub struct Failure {
    /// A short failure class for the summary ("message", "location", "parsed", ...).
    pub class: &'static str,
    /// What CPython did.
    pub expected: String,
    /// What rpy did.
    pub actual: String,
}

impl Check {
    /// A passing check.
    pub fn pass(id: String) -> Self {
        Check { id, failure: None }
    }

    /// A failing check.
    pub fn fail(id: String, class: &'static str, expected: String, actual: String) -> Self {
        Check {
            id,
            failure: Some(Failure {
                class,
                expected,
                actual,
            }),
        }
    }
}

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("data")
}

/// Loads `tests/data/<name>.json`, keeping only the cases `RPY_SUITE_FILTER` selects.
pub fn load_cases(name: &str) -> Vec<Case> {
    let path = data_dir().join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let root: Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not valid JSON: {e}", path.display()));
    let Some(cases) = root["cases"].as_array() else {
        panic!("{} has no \"cases\" array", path.display());
    };
    let filter = std::env::var("RPY_SUITE_FILTER").ok();
    cases
        .iter()
        .map(|json| {
            let field = |key: &str| json[key].as_str().unwrap_or_default().to_string();
            let bytes = match (json["src"].as_str(), json["src_b64"].as_str()) {
                (Some(src), _) => src.as_bytes().to_vec(),
                (None, Some(b64)) => base64_decode(b64)
                    .unwrap_or_else(|| panic!("case {}: bad src_b64", field("id"))),
                (None, None) => panic!("case {} has no source", field("id")),
            };
            Case {
                id: field("id"),
                origin: field("origin"),
                bytes,
                json: json.clone(),
            }
        })
        .filter(|case| {
            filter
                .as_deref()
                .is_none_or(|f| case.id.contains(f) || case.origin.contains(f))
        })
        .collect()
}

/// Decodes standard base64 with padding; `None` on malformed input.
fn base64_decode(text: &str) -> Option<Vec<u8>> {
    fn sextet(c: u8) -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    }
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(4) {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    for chunk in bytes.chunks(4) {
        let pad = chunk.iter().rev().take_while(|&&c| c == b'=').count();
        let mut word = 0u32;
        for &c in &chunk[..4 - pad] {
            word = (word << 6) | sextet(c)?;
        }
        word <<= 6 * pad as u32;
        out.extend_from_slice(&word.to_be_bytes()[1..4 - pad]);
    }
    Some(out)
}

/// Expected-value helper: a JSON integer field, with `null` read as 0 (CPython's "unset").
pub fn json_int(value: &Value, key: &str) -> i64 {
    value[key].as_i64().unwrap_or(0)
}

/// Stack size of the worker thread: what the `rpy` binary's main thread usually gets, so that
/// a parser that would overflow in real use also fails here.
const WORKER_STACK: usize = 8 << 20;

enum Message {
    Started(usize),
    Done(Vec<Check>),
}

/// Runs `check` on every case (on a worker thread) and enforces the ratchet of `suite`.
pub fn run_suite<F>(suite: &str, cases: Vec<Case>, check: F)
where
    F: Fn(&Case) -> Vec<Check> + Send + 'static,
{
    let timeout = std::env::var("RPY_SUITE_TIMEOUT_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .map_or(Duration::from_secs(30), Duration::from_secs);
    let cases = std::sync::Arc::new(cases);
    let results = run_checks(&cases, check, timeout);
    report_and_ratchet(suite, &cases, &results);
}

/// Runs `check` on each case on a worker thread; panics name the case that exceeds `timeout`.
fn run_checks<F>(
    cases: &std::sync::Arc<Vec<Case>>,
    check: F,
    timeout: Duration,
) -> Vec<(usize, Check)>
where
    F: Fn(&Case) -> Vec<Check> + Send + 'static,
{
    silence_worker_panics();
    let (tx, rx) = mpsc::channel();
    let worker_cases = cases.clone();
    let spawned = std::thread::Builder::new()
        .name("case-suite-worker".into())
        .stack_size(WORKER_STACK)
        .spawn(move || {
            let trace = env_flag("RPY_SUITE_TRACE");
            for (i, case) in worker_cases.iter().enumerate() {
                if trace {
                    // Written to the stream, not through eprintln!, which the test harness
                    // captures and would lose on an abort.
                    let _ = writeln!(std::io::stderr(), "case {} ({})", case.id, case.origin);
                }
                if tx.send(Message::Started(i)).is_err() {
                    return;
                }
                let checks = match panic::catch_unwind(AssertUnwindSafe(|| check(case))) {
                    Ok(checks) => checks,
                    Err(payload) => vec![Check::fail(
                        case.id.clone(),
                        "panic",
                        "no panic".into(),
                        format!("panicked: {}", panic_message(&*payload)),
                    )],
                };
                if tx.send(Message::Done(checks)).is_err() {
                    return;
                }
            }
        });
    if let Err(e) = spawned {
        panic!("cannot spawn the suite worker: {e}");
    }

    let mut results: Vec<(usize, Check)> = Vec::new();
    let mut current = None;
    loop {
        match rx.recv_timeout(timeout) {
            Ok(Message::Started(i)) => current = Some(i),
            Ok(Message::Done(checks)) => {
                let i = current.take().unwrap_or(0);
                results.extend(checks.into_iter().map(|c| (i, c)));
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let what = current.map_or_else(
                    || "the suite".to_string(),
                    |i| format!("case {} ({})", cases[i].id, cases[i].origin),
                );
                // The worker cannot be stopped; failing the test ends the process soon.
                panic!("{what} did not finish within {timeout:?} (infinite loop?)");
            }
        }
    }
    results
}

/// Keeps panics of checked code off stderr (they are reported as failures instead).
fn silence_worker_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if std::thread::current().name() != Some("case-suite-worker") {
                default(info);
            }
        }));
    });
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "(non-string panic payload)".into()
    }
}

fn known_failures_path(suite: &str) -> PathBuf {
    data_dir().join(format!("{suite}_known_failures.txt"))
}

/// The ids listed in a known-failures file (first word of each line; `#` starts a comment).
fn read_known_failures(suite: &str) -> HashSet<String> {
    let text = std::fs::read_to_string(known_failures_path(suite)).unwrap_or_default();
    text.lines()
        .filter_map(|line| line.split('#').next()?.split_whitespace().next())
        .map(str::to_string)
        .collect()
}

fn write_known_failures(suite: &str, cases: &[Case], results: &[(usize, Check)]) {
    let mut text = format!(
        "# Checks of the {suite} suite that are allowed to fail (the ratchet: this list only\n\
         # shrinks). Regenerate with RPY_BLESS_KNOWN_FAILURES=1 cargo test -p vm --test {}\n",
        env!("CARGO_CRATE_NAME")
    );
    for (i, check) in results {
        if check.failure.is_some() {
            let _ = writeln!(text, "{}  # {}", check.id, cases[*i].origin);
        }
    }
    let path = known_failures_path(suite);
    if let Err(e) = std::fs::write(&path, text) {
        panic!("cannot write {}: {e}", path.display());
    }
}

#[derive(Default)]
struct Tally {
    passed: usize,
    failed: usize,
    classes: BTreeMap<&'static str, usize>,
}

/// What the ratchet says about a run, as indexes into the results.
#[derive(Debug, Default, PartialEq)]
struct Verdict {
    /// Failed checks that are not listed.
    unexpected: Vec<usize>,
    /// Listed checks that passed.
    now_passing: Vec<usize>,
    /// Listed ids that no check has (only computed for unfiltered runs).
    stale: Vec<String>,
}

impl Verdict {
    fn is_clean(&self) -> bool {
        self.unexpected.is_empty() && self.now_passing.is_empty() && self.stale.is_empty()
    }
}

fn judge(known: &HashSet<String>, checks: &[&Check], filtered: bool) -> Verdict {
    let mut verdict = Verdict::default();
    for (i, check) in checks.iter().enumerate() {
        match (check.failure.is_some(), known.contains(&check.id)) {
            (true, false) => verdict.unexpected.push(i),
            (false, true) => verdict.now_passing.push(i),
            _ => {}
        }
    }
    if !filtered {
        let seen: HashSet<&str> = checks.iter().map(|c| c.id.as_str()).collect();
        verdict.stale = known
            .iter()
            .filter(|id| !seen.contains(id.as_str()))
            .cloned()
            .collect();
        verdict.stale.sort();
    }
    verdict
}

fn env_flag(name: &str) -> bool {
    std::env::var(name).is_ok_and(|v| v == "1")
}

fn summary(suite: &str, cases: &[Case], results: &[(usize, Check)]) -> String {
    let mut by_category: BTreeMap<String, Tally> = BTreeMap::new();
    let mut total = Tally::default();
    for (i, check) in results {
        let tally = by_category.entry(cases[*i].category()).or_default();
        for t in [tally, &mut total] {
            match &check.failure {
                None => t.passed += 1,
                Some(failure) => {
                    t.failed += 1;
                    *t.classes.entry(failure.class).or_default() += 1;
                }
            }
        }
    }
    let mut out = format!(
        "== {suite}: {} checks over {} cases\n",
        results.len(),
        cases.len()
    );
    let _ = writeln!(
        out,
        "{:40} {:>7} {:>7}  failure classes",
        "category", "passed", "failed"
    );
    let total_row = ("TOTAL".to_string(), total);
    for (category, t) in by_category
        .iter()
        .chain(std::iter::once((&total_row.0, &total_row.1)))
    {
        let classes: Vec<String> = t.classes.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let _ = writeln!(
            out,
            "{category:40} {:>7} {:>7}  {}",
            t.passed,
            t.failed,
            classes.join(" ")
        );
    }
    out
}

fn report_and_ratchet(suite: &str, cases: &[Case], results: &[(usize, Check)]) {
    let filtered = std::env::var("RPY_SUITE_FILTER").is_ok();
    let show: usize = std::env::var("RPY_SUITE_SHOW")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(30);
    let known = read_known_failures(suite);
    let checks: Vec<&Check> = results.iter().map(|(_, c)| c).collect();
    let verdict = judge(&known, &checks, filtered);

    let mut out = summary(suite, cases, results);
    let listed: Vec<usize> = if env_flag("RPY_SUITE_SHOW_KNOWN") {
        (0..results.len())
            .filter(|&i| results[i].1.failure.is_some())
            .collect()
    } else {
        verdict.unexpected.clone()
    };
    for &i in listed.iter().take(show) {
        let (case, check) = (&cases[results[i].0], &results[i].1);
        if let Some(f) = &check.failure {
            let _ = writeln!(
                out,
                "-- {} [{}] {}: {}",
                check.id,
                f.class,
                case.origin,
                case.display_source()
            );
            let _ = writeln!(
                out,
                "   expected: {}\n   actual:   {}",
                f.expected, f.actual
            );
        }
    }
    if listed.len() > show {
        let _ = writeln!(
            out,
            "... {} more failures (RPY_SUITE_SHOW=n shows n)",
            listed.len() - show
        );
    }
    println!("{out}");

    if env_flag("RPY_BLESS_KNOWN_FAILURES") {
        assert!(
            !filtered,
            "refusing to bless the known failures of a filtered run"
        );
        write_known_failures(suite, cases, results);
        println!("wrote {}", known_failures_path(suite).display());
        return;
    }
    if verdict.is_clean() {
        return;
    }
    let mut problems = String::new();
    if !verdict.unexpected.is_empty() {
        let _ = writeln!(
            problems,
            "{} checks failed that are not in the known-failures list",
            verdict.unexpected.len()
        );
    }
    if !verdict.now_passing.is_empty() {
        let _ = writeln!(
            problems,
            "{} known failures now pass (remove them from the list):",
            verdict.now_passing.len()
        );
        for &i in verdict.now_passing.iter().take(show) {
            let _ = writeln!(
                problems,
                "   {} ({})",
                results[i].1.id, cases[results[i].0].origin
            );
        }
    }
    if !verdict.stale.is_empty() {
        let _ = writeln!(
            problems,
            "{} ids in the known-failures list match no check",
            verdict.stale.len()
        );
    }
    panic!("{suite}: {problems}(RPY_BLESS_KNOWN_FAILURES=1 accepts the current results)");
}

#[test]
fn ratchet_flags_new_failures_fixed_cases_and_stale_ids() {
    let known: HashSet<String> = ["a", "b", "gone"].into_iter().map(String::from).collect();
    let checks = [
        Check::fail("a".into(), "x", String::new(), String::new()),
        Check::pass("b".into()),
        Check::fail("c".into(), "x", String::new(), String::new()),
        Check::pass("d".into()),
    ];
    let refs: Vec<&Check> = checks.iter().collect();
    let verdict = judge(&known, &refs, false);
    assert_eq!(verdict.unexpected, vec![2]);
    assert_eq!(verdict.now_passing, vec![1]);
    assert_eq!(verdict.stale, vec!["gone".to_string()]);
    assert!(judge(&known, &refs, true).stale.is_empty());
    let all_known: HashSet<String> = ["a"].into_iter().map(String::from).collect();
    assert!(judge(&all_known, &refs[..1], false).is_clean());
}

#[test]
fn base64_round_trips_cpython_encodings() {
    // Values produced by Python's base64.b64encode.
    assert_eq!(base64_decode("").as_deref(), Some(&b""[..]));
    assert_eq!(base64_decode("/w==").as_deref(), Some(&b"\xff"[..]));
    assert_eq!(
        base64_decode("eCA9ICf/Jwo=").as_deref(),
        Some(&b"x = '\xff'\n"[..])
    );
    assert_eq!(base64_decode("AAEC").as_deref(), Some(&b"\x00\x01\x02"[..]));
    assert_eq!(base64_decode("abc"), None);
    assert_eq!(base64_decode("ab!="), None);
}

#[cfg(test)]
fn dummy_cases(n: usize) -> std::sync::Arc<Vec<Case>> {
    let case = |i: usize| Case {
        id: format!("case{i}"),
        origin: format!("dummy.py:{i}"),
        bytes: Vec::new(),
        json: Value::Null,
    };
    std::sync::Arc::new((0..n).map(case).collect())
}

#[test]
fn runner_turns_panics_into_failures_and_keeps_going() {
    let results = run_checks(
        &dummy_cases(3),
        |case: &Case| {
            assert!(case.id != "case1", "boom in {}", case.id);
            vec![Check::pass(case.id.clone())]
        },
        Duration::from_secs(30),
    );
    let summary: Vec<(usize, &str, Option<&str>)> = results
        .iter()
        .map(|(i, c)| {
            (
                *i,
                c.id.as_str(),
                c.failure.as_ref().map(|f| f.actual.as_str()),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (0, "case0", None),
            (1, "case1", Some("panicked: boom in case1")),
            (2, "case2", None)
        ]
    );
}

#[test]
#[should_panic(expected = "case case1 (dummy.py:1) did not finish")]
fn runner_names_the_case_that_hangs() {
    run_checks(
        &dummy_cases(3),
        |case: &Case| {
            if case.id == "case1" {
                std::thread::sleep(Duration::from_secs(3));
            }
            vec![Check::pass(case.id.clone())]
        },
        Duration::from_millis(300),
    );
}
