//! The compiler: AST to CPython 3.14 code objects (symbol table, codegen, flow-graph
//! optimization, assembly). Work in progress: see docs/architecture.md for what exists.

mod assemble;
pub mod backend;
pub mod code;
pub(crate) mod consteval;
pub mod flowgraph;
pub mod instr_seq;
pub mod unit;

pub use code::{CodeObject, Const};
pub use instr_seq::{Instr, InstrSeq, Label, Location};
pub use unit::UnitMetadata;
