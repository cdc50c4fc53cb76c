//! pprof as criterion's profiler: `cargo bench --bench wall -- --profile-time SECS [FILTER]`
//! samples the benchmark while criterion iterates it and writes a flamegraph to
//! `target/criterion/<benchmark>/profile/flamegraph.svg`.

use std::path::Path;

use criterion::profiler::Profiler;

/// Samples at `frequency` Hz between criterion's start and stop calls.
pub struct PprofProfiler {
    frequency: i32,
    active: Option<pprof::ProfilerGuard<'static>>,
}

impl PprofProfiler {
    /// A profiler sampling at `frequency` Hz (a prime such as 997 avoids beating with timers).
    pub fn new(frequency: i32) -> Self {
        Self {
            frequency,
            active: None,
        }
    }
}

impl Profiler for PprofProfiler {
    fn start_profiling(&mut self, benchmark_id: &str, _benchmark_dir: &Path) {
        // Samples inside the C library and the unwinder are noise in a flamegraph of rpy.
        let guard = pprof::ProfilerGuardBuilder::default()
            .frequency(self.frequency)
            .blocklist(&["libc", "libgcc", "pthread", "vdso"])
            .build();
        match guard {
            Ok(guard) => self.active = Some(guard),
            Err(e) => eprintln!("pprof: cannot profile {benchmark_id}: {e}"),
        }
    }

    fn stop_profiling(&mut self, benchmark_id: &str, benchmark_dir: &Path) {
        let Some(guard) = self.active.take() else {
            return;
        };
        let written = (|| -> Result<std::path::PathBuf, String> {
            let report = guard.report().build().map_err(|e| e.to_string())?;
            std::fs::create_dir_all(benchmark_dir).map_err(|e| e.to_string())?;
            let path = benchmark_dir.join("flamegraph.svg");
            let file = std::fs::File::create(&path).map_err(|e| e.to_string())?;
            report.flamegraph(file).map_err(|e| e.to_string())?;
            Ok(path)
        })();
        match written {
            Ok(path) => eprintln!("pprof: flamegraph of {benchmark_id}: {}", path.display()),
            Err(e) => eprintln!("pprof: no flamegraph for {benchmark_id}: {e}"),
        }
    }
}
