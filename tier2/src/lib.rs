//! rpy's tier 2: trace projection, the JitOptSymbol optimizer and its passes, executors with
//! side exits and invalidation, and the uop interpreter. Empty until the tier-2 issue lands.

#![warn(missing_docs)]
