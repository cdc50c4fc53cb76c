//! Whole-process sampling profiles of rpy (`RPY_PPROF=FILE`, cargo feature `pprof`).
//!
//! With the feature compiled in, setting `RPY_PPROF=out.svg` samples every thread of the
//! process with the pprof crate (SIGPROF at `RPY_PPROF_HZ`, default 997 Hz) from the start
//! of `main` until it returns, then writes a flamegraph (`.svg`) or collapsed stacks (any
//! other extension; one `frame;frame;... count` line per stack, the input of inferno and
//! of flamegraph diff tools). Code that leaves the process without returning from `main`
//! (`std::process::exit`) must call [`flush`] first or the profile is lost. Without the
//! feature, `RPY_PPROF` only produces a warning saying how to build a profiling rpy.

use std::ffi::OsString;
use std::path::PathBuf;

/// Default sampling frequency: prime, so sampling does not beat in step with periodic work.
pub const DEFAULT_HZ: i32 = 997;

/// What the environment asks for.
#[derive(Debug, PartialEq, Eq)]
pub struct Request {
    pub output: PathBuf,
    pub frequency: i32,
}

/// Reads `RPY_PPROF` and `RPY_PPROF_HZ`; `None` when no profile is requested.
pub fn request_from(
    output: Option<OsString>,
    frequency: Option<OsString>,
) -> Result<Option<Request>, String> {
    let Some(output) = output.filter(|value| !value.is_empty()) else {
        return Ok(None);
    };
    let frequency = match frequency {
        None => DEFAULT_HZ,
        Some(text) => {
            let text = text.to_string_lossy().into_owned();
            match text.trim().parse::<i32>() {
                Ok(hz) if (1..=10_000).contains(&hz) => hz,
                _ => {
                    return Err(format!(
                        "RPY_PPROF_HZ={text:?} is not a frequency in 1..=10000"
                    ));
                }
            }
        }
    };
    Ok(Some(Request {
        output: PathBuf::from(output),
        frequency,
    }))
}

/// Writes the profile when dropped (at the end of `main`).
#[must_use = "the profile is written when this guard is dropped"]
pub struct FlushOnDrop;

impl Drop for FlushOnDrop {
    fn drop(&mut self) {
        flush();
    }
}

fn warn(message: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "rpy: {message}");
}

/// Starts profiling if `RPY_PPROF` asks for it.
pub fn start_from_env() -> FlushOnDrop {
    match request_from(
        std::env::var_os("RPY_PPROF"),
        std::env::var_os("RPY_PPROF_HZ"),
    ) {
        Ok(Some(request)) => enabled::start(request),
        Ok(None) => {}
        Err(message) => warn(&message),
    }
    FlushOnDrop
}

/// Stops the active profile, if any, and writes it.
pub fn flush() {
    enabled::flush();
}

#[cfg(feature = "pprof")]
mod enabled {
    use super::{Request, warn};
    use std::io::Write;
    use std::path::Path;
    use std::sync::Mutex;

    struct Session {
        guard: pprof::ProfilerGuard<'static>,
        output: std::path::PathBuf,
    }

    static ACTIVE: Mutex<Option<Session>> = Mutex::new(None);

    pub fn start(request: Request) {
        // Unwinding from the signal handler through these libraries can deadlock.
        let guard = pprof::ProfilerGuardBuilder::default()
            .frequency(request.frequency)
            .blocklist(&["libc", "libgcc", "pthread", "vdso"])
            .build();
        match guard {
            Ok(guard) => {
                let session = Session {
                    guard,
                    output: request.output,
                };
                if let Ok(mut active) = ACTIVE.lock() {
                    *active = Some(session);
                }
            }
            Err(error) => warn(&format!("cannot start the profiler: {error}")),
        }
    }

    pub fn flush() {
        let session = match ACTIVE.lock() {
            Ok(mut active) => active.take(),
            Err(_) => None,
        };
        if let Some(session) = session
            && let Err(message) = write(&session)
        {
            warn(&format!(
                "cannot write the profile {}: {message}",
                session.output.display()
            ));
        }
    }

    fn write(session: &Session) -> Result<(), String> {
        let report = session.guard.report().build().map_err(|e| e.to_string())?;
        if report.data.is_empty() {
            return Err(
                "no samples were taken (the run was shorter than one sampling period)".to_string(),
            );
        }
        let file = std::fs::File::create(&session.output).map_err(|e| e.to_string())?;
        let mut out = std::io::BufWriter::new(file);
        if is_svg(&session.output) {
            report.flamegraph(&mut out).map_err(|e| e.to_string())?;
        } else {
            let mut lines: Vec<String> = report
                .data
                .iter()
                .map(|(frames, count)| format!("{} {count}", folded(frames)))
                .collect();
            lines.sort();
            for line in lines {
                writeln!(out, "{line}").map_err(|e| e.to_string())?;
            }
        }
        out.flush().map_err(|e| e.to_string())
    }

    fn is_svg(path: &Path) -> bool {
        path.extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("svg"))
    }

    /// One stack, root first, as `thread;outer;...;inner` (the collapsed-stack format).
    fn folded(frames: &pprof::Frames) -> String {
        let mut names = vec![frames.thread_name.clone()];
        for frame in frames.frames.iter().rev() {
            for symbol in frame.iter().rev() {
                names.push(symbol.name());
            }
        }
        names.join(";")
    }
}

#[cfg(not(feature = "pprof"))]
mod enabled {
    use super::{Request, warn};

    pub fn start(request: Request) {
        warn(&format!(
            "RPY_PPROF={} is ignored: this rpy was built without the `pprof` feature \
             (cargo build --profile profiling --features pprof, or make flamegraph)",
            request.output.display()
        ));
    }

    pub fn flush() {}
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(text: &str) -> Option<OsString> {
        Some(OsString::from(text))
    }

    #[test]
    fn request_reads_output_and_frequency() {
        assert_eq!(request_from(None, os("50")), Ok(None));
        assert_eq!(request_from(os(""), None), Ok(None));
        assert_eq!(
            request_from(os("a.svg"), None),
            Ok(Some(Request {
                output: PathBuf::from("a.svg"),
                frequency: DEFAULT_HZ
            }))
        );
        assert_eq!(
            request_from(os("a.txt"), os(" 250 ")).map(|r| r.map(|r| r.frequency)),
            Ok(Some(250))
        );
        for bad in ["0", "-5", "fast", "20000"] {
            let error = request_from(os("a.svg"), os(bad)).unwrap_err();
            assert!(error.contains("RPY_PPROF_HZ"), "{error}");
        }
    }

    /// Profiles a busy loop and checks that the flamegraph and the folded stacks name it.
    #[cfg(feature = "pprof")]
    #[test]
    fn profile_names_the_hot_function() {
        #[inline(never)]
        fn busy_profiled_loop() -> u64 {
            let started = std::time::Instant::now();
            let mut x = 1u64;
            while started.elapsed() < std::time::Duration::from_millis(400) {
                for i in 0..10_000u64 {
                    x = std::hint::black_box(x.wrapping_mul(6364136223846793005).wrapping_add(i));
                }
            }
            x
        }
        let dir = std::env::temp_dir().join(format!("rpy-profile-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        for name in ["profile.svg", "profile.folded"] {
            let output = dir.join(name);
            enabled::start(Request {
                output: output.clone(),
                frequency: 499,
            });
            std::hint::black_box(busy_profiled_loop());
            flush();
            let text = std::fs::read_to_string(&output).expect("profile written");
            assert!(text.contains("busy_profiled_loop"), "{name}: {text:.300}");
            if name.ends_with(".svg") {
                assert!(text.contains("<svg"), "not an SVG");
            } else {
                assert!(text.lines().all(|line| line.rsplit_once(' ').is_some()));
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
