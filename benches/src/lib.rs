//! Shared helpers for rpy's benchmarks (criterion wall clock, iai-callgrind instruction
//! counts). The benchmark targets themselves arrive with the performance-lab issue.
