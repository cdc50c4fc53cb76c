//! The compiler's back half: codegen's instruction sequence and unit metadata in, a code
//! object out (flow-graph passes in `flowgraph`, assembly in `assemble`).

pub use super::assemble::optimize_and_assemble;
pub use super::flowgraph::optimize_for_test;
