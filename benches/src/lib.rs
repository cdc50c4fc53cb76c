//! rpy's benchmark harness: one catalog of benchmarks measured two ways (criterion wall
//! clock in `benches/wall.rs`, iai-callgrind instruction counts in `benches/instructions.rs`)
//! and the `make bench` gate that compares instruction counts with a committed baseline.
//!
//! The README's "Benchmarks" section says how to run each suite and read its report.

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
