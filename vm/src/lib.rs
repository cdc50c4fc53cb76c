//! rpy's VM crate: the Python 3.14 front end (tokenizer, parser, AST), and, as later issues
//! land, the instruction table, compiler, object model and tier-1 interpreter.
//!
//! `vm` alone is a complete unspecialized interpreter; `specialize` and `tier2` plug in
//! through traits defined here. See `docs/architecture.md` for the map.

pub mod ast;
pub mod compile;
pub mod dis;
pub mod instr;
pub mod parse;
pub mod text;
