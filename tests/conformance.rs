//! Conformance suite: runs every script of `tests/conformance/` with the built `rpy` binary in
//! each VM mode and compares its stdout, exit status and (where a `.err` file exists) stderr with
//! what CPython 3.14 produced (`tools/gen_conformance.py` wrote the expected files).
//!
//! Every mode must reproduce CPython exactly, so the modes necessarily agree with each other;
//! where failing modes disagree among themselves the summary says so, since a tier that changes
//! what a program prints is a bug of that tier even before the program passes.
//!
//! A ratchet keeps the suite green while the VM grows: `tests/conformance/known_failures.txt`
//! lists the `area/name@mode` runs allowed to fail. A failure outside the list fails the test,
//! and so does a listed run that now passes, so the list only shrinks.
//!
//! Environment:
//! * `RPY_BLESS_KNOWN_FAILURES=1` rewrites the list from the current results.
//! * `RPY_CONFORMANCE_FILTER=text` runs only scripts whose `area/name` contains `text` (the
//!   ratchet then only judges those, and blessing is refused).
//! * `RPY_CONFORMANCE_MODES=a,b` runs only the named modes (blessing is refused).
//! * `RPY_CONFORMANCE_SHOW=n` shows up to `n` failures with a diff (default 10);
//!   `RPY_CONFORMANCE_SHOW_KNOWN=1` includes known failures in that listing.
//! * `RPY_CONFORMANCE_TIMEOUT_SECS=n` per-run time limit (default 10 s).
//! * `RPY_CONFORMANCE_JOBS=n` parallel runs (default 2).
//! * `RPY_CONFORMANCE_BINARY=path` runs another interpreter instead of rpy, in the plain mode
//!   only, and requires every script to pass (no ratchet). With CPython 3.14 this checks the
//!   harness itself: it must invoke scripts exactly as `tools/gen_conformance.py` did.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::io::{Read, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// One way of running the VM. Each mode is the same `rpy` binary with extra `-X` options and
/// environment variables, so adding one is a line here, not a rebuild.
struct Mode {
    name: &'static str,
    args: &'static [&'static str],
    env: &'static [(&'static str, &'static str)],
}

/// The configured modes. Today the VM has one: the plain tier-1 loop. When the specializer
/// lands, this mode gets its switch set off explicitly (e.g. `-X specialize=off`) and a
/// "tier1-spec" mode runs with it on; when tier 2 lands, a "tier2-stress" mode adds tier 2 with
/// every warm-up threshold at its minimum (e.g. `-X tier2=on` plus the threshold settings of
/// architecture.md §5), so that traces are built for nearly every loop of every script.
const MODES: &[Mode] = &[Mode {
    name: "tier1-plain",
    args: &[],
    env: &[],
}];

/// Options and environment shared by every run, and by CPython in `tools/gen_conformance.py`
/// (keep the two in step). The environment is otherwise empty.
const BASE_ARGS: &[&str] = &["-X", "utf8"];
const BASE_ENV: &[(&str, &str)] = &[
    ("PATH", "/usr/bin:/bin"),
    ("LC_ALL", "C.UTF-8"),
    ("TZ", "UTC"),
    ("PYTHONDONTWRITEBYTECODE", "1"),
    ("PYTHON_COLORS", "0"),
    ("NO_COLOR", "1"),
];

/// Tracebacks name files by absolute path; the expected `.err` files have this placeholder in
/// place of the suite directory, which is where the checkout happens to live.
const PLACEHOLDER: &str = "{CONFORMANCE}";

/// Output beyond this is dropped (a runaway print loop must not eat the machine's memory).
const OUTPUT_CAP: usize = 16 << 20;

fn suite_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance")
}

// --- Scripts and their expected results ---

struct Script {
    /// `area/name`.
    key: String,
    area: String,
    dir: PathBuf,
    args: Vec<String>,
    stdin: Vec<u8>,
    expected: Outcome,
}

/// What one run produced (or, for a script, what CPython produced).
#[derive(Clone, Debug, PartialEq)]
struct Outcome {
    stdout: Vec<u8>,
    /// `None` in an expectation: stderr is not compared.
    stderr: Option<Vec<u8>>,
    status: Status,
}

#[derive(Clone, Debug, PartialEq)]
enum Status {
    Exited(i32),
    Signaled(i32),
    TimedOut,
    SpawnFailed(String),
}

fn read_optional(path: &Path) -> Option<Vec<u8>> {
    std::fs::read(path).ok()
}

/// The arguments after the interpreter options: the `.argv` template (default `{script}`)
/// with its placeholders filled; see `tools/gen_conformance.py` for their meaning.
fn expand_argv(template: Option<&str>, file_name: &str, stem: &str, source: &str) -> Vec<String> {
    let lines: Vec<&str> = match template {
        Some(text) => text.lines().collect(),
        None => vec!["{script}"],
    };
    lines
        .iter()
        .map(|a| {
            a.replace("{script}", file_name)
                .replace("{stem}", stem)
                .replace("{source}", source)
        })
        .collect()
}

fn load_script(path: &Path) -> Result<Script, String> {
    let dir = path
        .parent()
        .ok_or("script without a directory")?
        .to_path_buf();
    let area = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = path
        .file_stem()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let key = format!("{area}/{stem}");
    let source = std::fs::read_to_string(path).map_err(|e| format!("{key}: {e}"))?;
    let template = std::fs::read_to_string(path.with_extension("argv")).ok();
    let args = expand_argv(template.as_deref(), &format!("{stem}.py"), &stem, &source);
    let stdin = match read_optional(&path.with_extension("stdin")) {
        Some(bytes) => bytes,
        None if args.iter().any(|a| a == "-") => source.into_bytes(),
        None => Vec::new(),
    };
    let stdout = read_optional(&path.with_extension("out")).ok_or_else(|| {
        format!("{key}: no {stem}.out (run python3.14 tools/gen_conformance.py {key})")
    })?;
    let code = match read_optional(&path.with_extension("exit")) {
        None => 0,
        Some(text) => String::from_utf8_lossy(&text)
            .trim()
            .parse()
            .map_err(|e| format!("{key}: bad .exit file: {e}"))?,
    };
    Ok(Script {
        key,
        area,
        dir,
        args,
        stdin,
        expected: Outcome {
            stdout,
            stderr: read_optional(&path.with_extension("err")),
            status: Status::Exited(code),
        },
    })
}

/// Every `<area>/<name>.py` directly inside an area directory (subdirectories hold helpers).
fn discover(root: &Path, filter: Option<&str>) -> Result<Vec<Script>, String> {
    let mut paths = Vec::new();
    let areas = std::fs::read_dir(root).map_err(|e| format!("{}: {e}", root.display()))?;
    for area in areas.flatten() {
        let name = area.file_name().to_string_lossy().into_owned();
        if !area.path().is_dir() || name.starts_with(['.', '_']) {
            continue;
        }
        let entries = std::fs::read_dir(area.path()).map_err(|e| format!("{name}: {e}"))?;
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "py") && path.is_file() {
                paths.push(path);
            }
        }
    }
    paths.sort();
    let mut scripts = Vec::new();
    for path in paths {
        let script = load_script(&path)?;
        if filter.is_none_or(|f| script.key.contains(f)) {
            scripts.push(script);
        }
    }
    Ok(scripts)
}

// --- Running one script ---

fn drain<R: Read + Send + 'static>(mut source: R) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut kept = Vec::new();
        let mut buf = [0u8; 8192];
        while let Ok(n) = source.read(&mut buf) {
            if n == 0 {
                break;
            }
            let room = OUTPUT_CAP.saturating_sub(kept.len());
            kept.extend_from_slice(&buf[..n.min(room)]);
        }
        kept
    })
}

/// Waits for `child` up to `timeout`, killing it when the time is up.
fn wait_with_timeout(child: &mut Child, timeout: Duration) -> Status {
    let deadline = Instant::now() + timeout;
    let mut pause = Duration::from_micros(200);
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return exit_status(status),
            Ok(None) if Instant::now() < deadline => {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(10));
            }
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Status::TimedOut;
            }
            Err(e) => return Status::SpawnFailed(format!("wait: {e}")),
        }
    }
}

#[cfg(unix)]
fn exit_status(status: std::process::ExitStatus) -> Status {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(code), _) => Status::Exited(code),
        (None, Some(signal)) => Status::Signaled(signal),
        (None, None) => Status::SpawnFailed("no exit status".into()),
    }
}

#[cfg(not(unix))]
fn exit_status(status: std::process::ExitStatus) -> Status {
    Status::Exited(status.code().unwrap_or(-1))
}

fn run(binary: &Path, script: &Script, mode: &Mode, timeout: Duration) -> Outcome {
    let mut command = Command::new(binary);
    command
        .args(mode.args)
        .args(BASE_ARGS)
        .args(&script.args)
        .current_dir(&script.dir)
        .env_clear()
        .envs(BASE_ENV.iter().copied())
        .envs(mode.env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let failed = |why: String| Outcome {
        stdout: Vec::new(),
        stderr: Some(Vec::new()),
        status: Status::SpawnFailed(why),
    };
    let mut child = match command.spawn() {
        Ok(child) => child,
        Err(e) => return failed(format!("cannot run {}: {e}", binary.display())),
    };
    let (Some(mut stdin), Some(stdout), Some(stderr)) =
        (child.stdin.take(), child.stdout.take(), child.stderr.take())
    else {
        let _ = child.kill();
        return failed("pipes missing".into());
    };
    let input = script.stdin.clone();
    // A child that exits without reading its stdin closes the pipe; that error is expected.
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let (out, err) = (drain(stdout), drain(stderr));
    let status = wait_with_timeout(&mut child, timeout);
    let _ = feeder.join();
    Outcome {
        stdout: out.join().unwrap_or_default(),
        stderr: Some(normalize_stderr(
            &err.join().unwrap_or_default(),
            &suite_dir(),
        )),
        status,
    }
}

/// Writes the suite directory of the checkout as the placeholder the `.err` files use. The
/// interpreter may see the directory through its canonical path (when the checkout is reached
/// through a symlink), so both spellings are rewritten.
fn normalize_stderr(stderr: &[u8], suite: &Path) -> Vec<u8> {
    let mut needles = vec![suite.to_string_lossy().into_owned()];
    if let Ok(real) = suite.canonicalize() {
        needles.push(real.to_string_lossy().into_owned());
    }
    let mut text = String::from_utf8_lossy(stderr).into_owned();
    let mut changed = false;
    for needle in needles.iter().filter(|n| !n.is_empty()) {
        if text.contains(needle.as_str()) {
            text = text.replace(needle.as_str(), PLACEHOLDER);
            changed = true;
        }
    }
    if changed {
        text.into_bytes()
    } else {
        stderr.to_vec()
    }
}

// --- Judging a run ---

struct Failure {
    class: &'static str,
    detail: String,
}

fn judge_run(expected: &Outcome, actual: &Outcome) -> Option<Failure> {
    let fail = |class, detail| Some(Failure { class, detail });
    match &actual.status {
        Status::TimedOut => return fail("timeout", "did not finish in time".into()),
        Status::Signaled(s) => return fail("crash", format!("killed by signal {s}")),
        Status::SpawnFailed(why) => return fail("spawn", why.clone()),
        Status::Exited(_) => {}
    }
    let stderr = actual.stderr.as_deref().unwrap_or_default();
    let stderr_note = if stderr.is_empty() || expected.stderr.as_deref() == Some(stderr) {
        String::new()
    } else {
        format!("stderr (last lines):\n{}\n", tail(stderr, 12))
    };
    if expected.stdout != actual.stdout {
        let shown = diff(&expected.stdout, &actual.stdout);
        return fail("stdout", format!("{shown}{stderr_note}"));
    }
    if expected.status != actual.status {
        let detail = format!(
            "exit status: expected {:?}, got {:?}",
            expected.status, actual.status
        );
        return fail("exit", format!("{detail}\n{stderr_note}"));
    }
    match (&expected.stderr, &actual.stderr) {
        (Some(want), Some(got)) if want != got => fail("stderr", diff(want, got)),
        _ => None,
    }
}

/// The last `lines` lines of `text`, for showing an unexpected traceback.
fn tail(text: &[u8], lines: usize) -> String {
    let text = String::from_utf8_lossy(text);
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

/// A compact diff: the region between the longest common prefix and suffix of lines, with
/// `-` for expected and `+` for actual lines (enough to see what went wrong first).
fn diff(expected: &[u8], actual: &[u8]) -> String {
    const MAX_SIDE: usize = 15;
    let (e, a) = (
        String::from_utf8_lossy(expected),
        String::from_utf8_lossy(actual),
    );
    let (e, a): (Vec<&str>, Vec<&str>) = (
        e.split_inclusive('\n').collect(),
        a.split_inclusive('\n').collect(),
    );
    let prefix = e.iter().zip(&a).take_while(|(x, y)| x == y).count();
    let suffix = e[prefix..]
        .iter()
        .rev()
        .zip(a[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let mut out = format!("@@ line {} @@\n", prefix + 1);
    if prefix > 0 {
        let _ = writeln!(out, "  {}", e[prefix - 1].trim_end_matches('\n'));
    }
    for (sign, side) in [('-', &e), ('+', &a)] {
        let body = &side[prefix..side.len() - suffix];
        for line in body.iter().take(MAX_SIDE) {
            let shown = line
                .strip_suffix('\n')
                .map_or(format!("{line} (no newline at end)"), str::to_string);
            let _ = writeln!(out, "{sign} {shown}");
        }
        if body.len() > MAX_SIDE {
            let _ = writeln!(out, "{sign} ... {} more lines", body.len() - MAX_SIDE);
        }
    }
    out
}

// --- The ratchet ---

fn known_failures_path() -> PathBuf {
    suite_dir().join("known_failures.txt")
}

fn run_id(script: &Script, mode: &Mode) -> String {
    format!("{}@{}", script.key, mode.name)
}

/// The ids listed in the known-failures file (first word of a line; `#` starts a comment).
fn parse_known(text: &str) -> HashSet<String> {
    text.lines()
        .filter_map(|line| line.split('#').next()?.split_whitespace().next())
        .map(str::to_string)
        .collect()
}

#[derive(Debug, Default, PartialEq)]
struct Verdict {
    unexpected: Vec<String>,
    now_passing: Vec<String>,
    /// Listed ids that match no run (only judged on unfiltered runs).
    stale: Vec<String>,
}

/// `runs` pairs each run id with whether it failed.
fn judge_ratchet(known: &HashSet<String>, runs: &[(String, bool)], complete: bool) -> Verdict {
    let mut verdict = Verdict::default();
    for (id, failed) in runs {
        match (*failed, known.contains(id)) {
            (true, false) => verdict.unexpected.push(id.clone()),
            (false, true) => verdict.now_passing.push(id.clone()),
            _ => {}
        }
    }
    if complete {
        let seen: HashSet<&str> = runs.iter().map(|(id, _)| id.as_str()).collect();
        verdict.stale = known
            .iter()
            .filter(|id| !seen.contains(id.as_str()))
            .cloned()
            .collect();
        verdict.stale.sort();
    }
    verdict
}

// --- The test ---

fn env_flag(name: &str) -> bool {
    std::env::var(name).is_ok_and(|v| v == "1")
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

/// Runs every (script, mode) pair on `jobs` threads; results are indexed like the scripts.
fn run_all(
    binary: &Path,
    scripts: &[Script],
    modes: &[&Mode],
    jobs: usize,
    timeout: Duration,
) -> Vec<Vec<Outcome>> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Vec<Outcome>>>> = Mutex::new(vec![None; scripts.len()]);
    std::thread::scope(|scope| {
        for _ in 0..jobs.max(1) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(script) = scripts.get(i) else { break };
                    // Modes of one script run one after the other: a script may use scratch
                    // files in its directory.
                    let outcomes = modes
                        .iter()
                        .map(|m| run(binary, script, m, timeout))
                        .collect();
                    if let Ok(mut slots) = results.lock() {
                        slots[i] = Some(outcomes);
                    }
                }
            });
        }
    });
    let slots = results
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    slots.into_iter().map(Option::unwrap_or_default).collect()
}

#[derive(Default)]
struct Tally {
    passed: usize,
    known: usize,
    unexpected: usize,
}

/// The modes to run: all configured ones, or those named in `RPY_CONFORMANCE_MODES`; only the
/// plain (first) mode for a foreign interpreter, which knows nothing of rpy's switches.
fn selected_modes(foreign: bool) -> Vec<&'static Mode> {
    if foreign {
        return MODES.iter().take(1).collect();
    }
    let wanted = std::env::var("RPY_CONFORMANCE_MODES").ok();
    let modes: Vec<&Mode> = MODES
        .iter()
        .filter(|m| {
            wanted
                .as_deref()
                .is_none_or(|f| f.split(',').any(|n| n == m.name))
        })
        .collect();
    assert!(
        !modes.is_empty(),
        "RPY_CONFORMANCE_MODES names no mode of {:?}",
        MODES.iter().map(|m| m.name).collect::<Vec<_>>()
    );
    modes
}

/// Every run of the suite, judged.
struct Results {
    /// (run id, area, failure) for every run.
    runs: Vec<(String, String, Option<Failure>)>,
    /// Scripts whose modes produced different outcomes.
    diverging: Vec<String>,
}

fn judge_all(scripts: &[Script], modes: &[&Mode], outcomes: &[Vec<Outcome>]) -> Results {
    let mut results = Results {
        runs: Vec::new(),
        diverging: Vec::new(),
    };
    for (script, per_mode) in scripts.iter().zip(outcomes) {
        if per_mode.windows(2).any(|w| w[0] != w[1]) {
            results.diverging.push(script.key.clone());
        }
        for (mode, actual) in modes.iter().zip(per_mode) {
            let failure = judge_run(&script.expected, actual);
            results
                .runs
                .push((run_id(script, mode), script.area.clone(), failure));
        }
    }
    results
}

/// The per-area table, the failure classes, diverging scripts and the first failures shown.
fn report(results: &Results, known: &HashSet<String>, header: &str) -> String {
    let mut by_area: BTreeMap<&str, Tally> = BTreeMap::new();
    let mut total = Tally::default();
    let mut classes: BTreeMap<&str, usize> = BTreeMap::new();
    for (id, area, failure) in &results.runs {
        let tally = by_area.entry(area).or_default();
        for t in [tally, &mut total] {
            match (failure, known.contains(id)) {
                (None, _) => t.passed += 1,
                (Some(_), true) => t.known += 1,
                (Some(_), false) => t.unexpected += 1,
            }
        }
        if let Some(f) = failure {
            *classes.entry(f.class).or_default() += 1;
        }
    }
    let mut out = format!(
        "{header}\n{:24} {:>7} {:>7} {:>10}\n",
        "area", "passed", "known", "unexpected"
    );
    for (area, t) in by_area.iter().chain(std::iter::once((&"TOTAL", &total))) {
        let _ = writeln!(
            out,
            "{area:24} {:>7} {:>7} {:>10}",
            t.passed, t.known, t.unexpected
        );
    }
    let _ = writeln!(out, "failure classes: {classes:?}");
    if !results.diverging.is_empty() {
        let _ = writeln!(
            out,
            "modes disagree on {} scripts: {}",
            results.diverging.len(),
            results.diverging.join(" ")
        );
    }
    let show = env_number("RPY_CONFORMANCE_SHOW", 10) as usize;
    let show_known = env_flag("RPY_CONFORMANCE_SHOW_KNOWN");
    let listed: Vec<(&String, &Failure)> = results
        .runs
        .iter()
        .filter_map(|(id, _, f)| Some((id, f.as_ref()?)))
        .filter(|(id, _)| show_known || !known.contains(*id))
        .collect();
    for (id, f) in listed.iter().take(show) {
        let _ = writeln!(out, "-- {id} [{}]\n{}", f.class, f.detail.trim_end());
    }
    if listed.len() > show {
        let _ = writeln!(
            out,
            "... {} more (RPY_CONFORMANCE_SHOW=n shows n)",
            listed.len() - show
        );
    }
    out
}

fn bless(results: &Results) {
    let mut text = String::from(
        "# Conformance runs (area/name@mode) allowed to fail: the ratchet, which only shrinks.\n\
         # Regenerate with RPY_BLESS_KNOWN_FAILURES=1 cargo test --release --test conformance\n",
    );
    for (id, _, failure) in &results.runs {
        if let Some(f) = failure {
            let _ = writeln!(text, "{id}  # {}", f.class);
        }
    }
    let path = known_failures_path();
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
    println!("wrote {}", path.display());
}

/// What is wrong with a ratchet verdict, or an empty string.
fn problems(verdict: &Verdict) -> String {
    let mut out = String::new();
    if !verdict.unexpected.is_empty() {
        let _ = writeln!(
            out,
            "{} runs failed that are not known failures",
            verdict.unexpected.len()
        );
    }
    if !verdict.now_passing.is_empty() {
        let _ = writeln!(
            out,
            "{} known failures now pass (remove them from the list): {}",
            verdict.now_passing.len(),
            verdict.now_passing.join(" ")
        );
    }
    if !verdict.stale.is_empty() {
        let _ = writeln!(
            out,
            "{} listed ids match no run: {}",
            verdict.stale.len(),
            verdict.stale.join(" ")
        );
    }
    out
}

#[test]
fn conformance_suite() {
    let foreign = std::env::var_os("RPY_CONFORMANCE_BINARY").map(PathBuf::from);
    let binary = foreign
        .clone()
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_rpy")));
    let filter = std::env::var("RPY_CONFORMANCE_FILTER").ok();
    let modes = selected_modes(foreign.is_some());
    let scripts = discover(&suite_dir(), filter.as_deref()).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        filter.is_some() || scripts.len() >= 400,
        "the suite has only {} scripts",
        scripts.len()
    );
    let timeout = Duration::from_secs(env_number("RPY_CONFORMANCE_TIMEOUT_SECS", 10));
    let jobs = env_number("RPY_CONFORMANCE_JOBS", 2) as usize;
    let started = Instant::now();
    let outcomes = run_all(&binary, &scripts, &modes, jobs, timeout);
    let results = judge_all(&scripts, &modes, &outcomes);

    let header = format!(
        "== conformance: {} scripts x {} modes of {} in {:.1}s",
        scripts.len(),
        modes.len(),
        binary.display(),
        started.elapsed().as_secs_f64()
    );
    if foreign.is_some() {
        // Another interpreter has no known failures: everything must match.
        println!("{}", report(&results, &HashSet::new(), &header));
        let failed = results.runs.iter().filter(|r| r.2.is_some()).count();
        assert_eq!(failed, 0, "{failed} runs of {} failed", binary.display());
        return;
    }
    let known = parse_known(&std::fs::read_to_string(known_failures_path()).unwrap_or_default());
    println!("{}", report(&results, &known, &header));

    let complete = filter.is_none() && std::env::var_os("RPY_CONFORMANCE_MODES").is_none();
    if env_flag("RPY_BLESS_KNOWN_FAILURES") {
        assert!(
            complete,
            "refusing to bless the known failures of a filtered run"
        );
        bless(&results);
        return;
    }
    let runs: Vec<(String, bool)> = results
        .runs
        .iter()
        .map(|(id, _, f)| (id.clone(), f.is_some()))
        .collect();
    let problems = problems(&judge_ratchet(&known, &runs, complete));
    assert!(
        problems.is_empty(),
        "conformance: {problems}(RPY_BLESS_KNOWN_FAILURES=1 accepts the current results)"
    );
}

// --- Tests of the harness itself ---

#[test]
fn ratchet_flags_new_failures_fixed_runs_and_stale_ids() {
    let known = parse_known("# comment\na@m  # stdout\nb@m\n\ngone@m # exit\n");
    let runs = [
        ("a@m".to_string(), true),
        ("b@m".to_string(), false),
        ("c@m".to_string(), true),
        ("d@m".to_string(), false),
    ];
    let verdict = judge_ratchet(&known, &runs, true);
    assert_eq!(verdict.unexpected, ["c@m"]);
    assert_eq!(verdict.now_passing, ["b@m"]);
    assert_eq!(verdict.stale, ["gone@m"]);
    assert!(judge_ratchet(&known, &runs, false).stale.is_empty());
}

#[test]
fn argv_templates_fill_placeholders() {
    assert_eq!(expand_argv(None, "s.py", "s", "x"), ["s.py"]);
    let template = "-c\n{source}\n-m\n{stem}\n{script}";
    assert_eq!(
        expand_argv(Some(template), "s.py", "s", "print(1)\nprint(2)\n"),
        ["-c", "print(1)\nprint(2)\n", "-m", "s", "s.py"]
    );
}

#[test]
fn stderr_normalization_only_rewrites_the_suite_path() {
    let suite = Path::new("/home/x/rpy/tests/conformance");
    let raw = b"  File \"/home/x/rpy/tests/conformance/exits/t.py\", line 3, in <module>\n";
    assert_eq!(
        normalize_stderr(raw, suite),
        b"  File \"{CONFORMANCE}/exits/t.py\", line 3, in <module>\n".to_vec()
    );
    assert_eq!(
        normalize_stderr(b"File \"<string>\"", suite),
        b"File \"<string>\"".to_vec()
    );
}

#[test]
fn runs_are_judged_on_stdout_then_status_then_stderr() {
    let expected = Outcome {
        stdout: b"1\n2\n".to_vec(),
        stderr: Some(b"boom\n".to_vec()),
        status: Status::Exited(1),
    };
    let mut actual = expected.clone();
    assert!(judge_run(&expected, &actual).is_none());
    actual.stderr = Some(b"bang\n".to_vec());
    assert_eq!(
        judge_run(&expected, &actual).map(|f| f.class),
        Some("stderr")
    );
    actual.status = Status::Exited(0);
    assert_eq!(judge_run(&expected, &actual).map(|f| f.class), Some("exit"));
    actual.stdout = b"1\n3\n".to_vec();
    let failure = judge_run(&expected, &actual);
    assert_eq!(failure.as_ref().map(|f| f.class), Some("stdout"));
    // An unexpected stderr (say, rpy's own traceback) is shown after the stdout diff.
    assert_eq!(
        failure.map(|f| f.detail).unwrap_or_default(),
        "@@ line 2 @@\n  1\n- 2\n+ 3\nstderr (last lines):\nbang\n"
    );
    actual.stderr = expected.stderr.clone();
    assert_eq!(
        judge_run(&expected, &actual).map(|f| f.detail),
        Some("@@ line 2 @@\n  1\n- 2\n+ 3\n".to_string())
    );
    actual.status = Status::TimedOut;
    assert_eq!(
        judge_run(&expected, &actual).map(|f| f.class),
        Some("timeout")
    );
    // Without a .err file stderr is not compared.
    let lenient = Outcome {
        stderr: None,
        ..expected.clone()
    };
    let noisy = Outcome {
        stderr: Some(b"warning\n".to_vec()),
        ..expected
    };
    assert!(judge_run(&lenient, &noisy).is_none());
}

#[test]
fn diff_marks_missing_newline_and_truncates() {
    assert_eq!(
        diff(b"a\nb", b"a\nb\n"),
        "@@ line 2 @@\n  a\n- b (no newline at end)\n+ b\n"
    );
    let long: Vec<u8> = (0..40)
        .flat_map(|i| format!("{i}\n").into_bytes())
        .collect();
    let shown = diff(b"", &long);
    assert!(
        shown.contains("+ 14\n") && !shown.contains("+ 15\n"),
        "{shown}"
    );
    assert!(shown.ends_with("+ ... 25 more lines\n"), "{shown}");
}

#[test]
fn timeouts_kill_the_child() {
    let Ok(mut child) = Command::new("sleep").arg("5").spawn() else {
        return; // no `sleep` on this system: nothing to test against
    };
    let started = Instant::now();
    assert_eq!(
        wait_with_timeout(&mut child, Duration::from_millis(100)),
        Status::TimedOut
    );
    assert!(started.elapsed() < Duration::from_secs(2));
}
