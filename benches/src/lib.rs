//! rpy's benchmark harness: one catalog of benchmarks measured two ways (criterion wall
//! clock in `benches/wall.rs`, iai-callgrind instruction counts in `benches/instructions.rs`)
//! and the `make bench` gate that compares instruction counts with a committed baseline.
//!
//! The README's "Benchmarks" section says how to run each suite and read its report.

// The `rpy` binary's global allocator, compiled from the same file, so that both suites
// count and time exactly the allocation paths `rpy` runs (mimalloc's plain entry points, not
// `mimalloc::MiMalloc`'s aligned ones).
#[path = "../../src/allocator.rs"]
pub mod allocator;
pub mod catalog;
pub mod expected;
pub mod gate;
pub mod iai_summary;
#[cfg(feature = "wall")]
pub mod profiler;
pub mod wall_report;
pub mod workload;

pub use catalog::{BENCHMARKS, Benchmark, Input, Stage};
pub use workload::{Prepared, Suite, prepare};

/// Prepares the benchmark `id` for iai-callgrind (its `setup`, which is not measured). A
/// broken input ends the benchmark process with the reason: iai-callgrind setups cannot
/// return errors, and measuring an error path would give meaningless counts.
pub fn iai_setup(id: &str) -> Prepared {
    // The VM's recursion guards (stacker) find the thread's stack bounds once, on first use,
    // by reading /proc/self/maps, whose length varies with the environment (under valgrind
    // it even names the pid). Finding them here keeps that probe out of every measurement,
    // as it already was for the front-end benchmarks, whose setup parses the input.
    let _ = stacker::remaining_stack();
    let prepared = catalog::find(id)
        .ok_or_else(|| format!("unknown benchmark {id}"))
        .and_then(|b| prepare(b, Suite::Instructions));
    match prepared {
        Ok(p) => {
            if let Some(reason) = p.skip_reason() {
                eprintln!("skip {id}: {reason}");
            }
            p
        }
        Err(e) => {
            eprintln!("benchmark {id}: {e}");
            std::process::exit(1)
        }
    }
}
