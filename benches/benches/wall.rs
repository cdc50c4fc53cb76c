//! The criterion suite: wall-clock time of every catalog benchmark, with criterion's
//! statistics and saved baselines (`make bench-wall-baseline`, `make bench-wall`), and pprof
//! flamegraphs with `--profile-time` (`make bench-flamegraph BENCH=parse/nbody`).
//!
//! Before a `run/...` benchmark is timed, one run of it is checked against CPython 3.14's
//! results; a wrong answer stops the suite.

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

use benches::profiler::PprofProfiler;

// rpy's own allocator: allocation-heavy stages must be timed with what `rpy` runs.
#[global_allocator]
static GLOBAL: benches::allocator::MiMalloc = benches::allocator::MiMalloc;

fn catalog(c: &mut Criterion) {
    for benchmark in benches::BENCHMARKS {
        let prepared = match benches::prepare(benchmark, benches::Suite::Wall) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("error {}: {e}", benchmark.id);
                std::process::exit(1);
            }
        };
        if let Some(reason) = prepared.skip_reason() {
            eprintln!("skip {}: {reason}", benchmark.id);
            continue;
        }
        if let Err(e) = prepared.verify() {
            eprintln!("error {e}");
            std::process::exit(1);
        }
        // Grouped by stage: ids read `parse/nbody`, results land in target/criterion/parse/nbody.
        let (group, name) = benchmark
            .id
            .split_once('/')
            .unwrap_or(("rpy", benchmark.id));
        let mut group = c.benchmark_group(group);
        if benchmark.stage.runs_program() {
            // A program run takes 10 ms to seconds: criterion's minimum of 10 samples.
            group.sample_size(10);
        }
        group.bench_function(name, |b| {
            b.iter(|| std::hint::black_box(&prepared).run());
        });
        group.finish();
    }
}

fn config() -> Criterion {
    // Shorter than criterion's defaults (3 s + 5 s) so the suite takes about a minute;
    // `--warm-up-time`/`--measurement-time` on the command line still override these.
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .with_profiler(PprofProfiler::new(997))
}

criterion_group! {
    name = wall;
    config = config();
    targets = catalog
}
criterion_main!(wall);
