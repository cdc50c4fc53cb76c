//! The instruction set: CPython 3.14's instructions and uops, defined once in `table.rs` and
//! derived from there at compile time.
//!
//! - [`Opcode`]: instructions and pseudo-instructions with CPython's numbers, their flags,
//!   stack effects, families, cache layouts and `dis` predicates.
//! - [`Uop`]: micro-operations with CPython's names and ids, flags, replication and
//!   replacements.
//! - [`cache`]: code units and typed inline-cache fields (`LoadAttrCache::version`).
//! - [`expansion`]: tier-1 bodies and the tier-2 expansion trace projection uses.

pub mod cache;
mod define;
pub mod expansion;
pub mod flags;
pub mod oparg;
pub mod opcode;
pub mod stack;
mod table;
pub mod uop;

pub use cache::{CacheField, CacheLayout, CodeUnit};
pub use expansion::{CacheRead, MAX_UOPS_PER_EXPANSION, Operand, Part, Step};
pub use flags::Flags;
pub use oparg::OpargKind;
pub use opcode::layouts::*;
pub use opcode::{
    InstrInfo, InstrKind, MIN_INSTRUMENTED_OPCODE, OPCODE_COUNT, Opcode, PseudoInfo, PseudoMode,
};
pub use uop::{ExitKind, MAX_CPYTHON_UOP_ID, UOP_COUNT, Uop, UopCacheEntry, UopInfo};

/// The instruction table's X-macros, for generators outside this module (the tier-1
/// dispatch in `exec`).
pub(crate) use table::instruction_table;
