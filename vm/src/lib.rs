//! rpy's VM crate: the Python 3.14 front end (tokenizer, parser, AST), the instruction
//! table, the compiler, the object model and builtin types, the runtime, the tier-1
//! interpreter and the core native modules.
//!
//! `vm` alone is a complete unspecialized interpreter; `specialize` and `tier2` plug in
//! through the traits in [`exec::plug`]. See `docs/architecture.md` for the map and
//! `docs/vm-design.md` for the design of the object model and the eval loop.

pub mod ast;
pub mod compile;
pub mod dis;
pub mod embed;
pub mod exec;
pub mod instr;
pub mod object;
pub mod parse;
pub mod runtime;
pub mod stdlib;
pub mod text;
pub mod types;
