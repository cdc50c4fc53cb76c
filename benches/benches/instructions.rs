//! The iai-callgrind suite: every catalog benchmark run once under callgrind, counting
//! instructions (deterministic for a given binary). `make bench` compares the counts with the
//! committed baseline; `make bench-baseline` records them.
//!
//! Benchmark ids are `all_<index in the catalog>`; setup (reading and checking the input) is
//! not measured. Skipped benchmarks (`RunLong` ones, pyperformance workloads without the
//! fetched cache) run an empty body and the gate reports them as skipped with the reason, never
//! as measured. Program outputs are checked by `bench-gate verify`, natively, before the
//! suite runs (`make bench`): checking them here would double the time under valgrind.

use std::hint::black_box;

use iai_callgrind::{
    Callgrind, LibraryBenchmarkConfig, library_benchmark, library_benchmark_group, main,
};

// rpy's own allocator: allocation-heavy stages must be counted with what `rpy` runs.
#[global_allocator]
static GLOBAL: benches::allocator::MiMalloc = benches::allocator::MiMalloc;

macro_rules! iai_benches {
    ($($id:literal => $definition:tt $input:tt),* $(,)?) => {
        #[library_benchmark]
        #[benches::all(args = [$($id),*], setup = benches::iai_setup)]
        fn bench(prepared: benches::Prepared) -> usize {
            match black_box(&prepared).run() {
                Ok(size) => size,
                Err(e) => {
                    eprintln!("benchmark {}: {e}", prepared.benchmark.id);
                    std::process::exit(1)
                }
            }
        }
    };
}

benches::for_each_benchmark!(iai_benches);

library_benchmark_group!(name = rpy; benchmarks = bench);

// The gate reads only the instruction count (Ir); the cache simulation would double
// valgrind's time for metrics nobody compares. `IAI_CALLGRIND_CALLGRIND_ARGS=--cache-sim=yes`
// turns it back on for a look at cache behaviour. `--vgdb=no`: valgrind's gdb server maps a
// file named after the pid into the process, which makes /proc/self/maps (read by the stack
// probe, see `benches::iai_setup`) differ from run to run.
//
// mimalloc returns freed arena memory to the OS on a clock: a purge is due `purge_delay`
// milliseconds after the free, so how many purges a run performs (and the instructions they
// execute) depends on how fast valgrind happened to run. A negative delay turns purging off,
// which makes the counts of one binary identical from run to run; natively the workloads
// finish within the default delay, so it hardly ever fires there either.
main!(
    config = LibraryBenchmarkConfig::default()
        .tool(Callgrind::with_args(["cache-sim=no", "vgdb=no"]))
        .env("MIMALLOC_PURGE_DELAY", "-1");
    library_benchmark_groups = rpy
);
