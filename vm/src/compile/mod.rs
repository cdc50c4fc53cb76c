//! The compiler: AST to CPython 3.14 code objects (symbol table, codegen, flow-graph
//! optimization, assembly). Work in progress: see docs/architecture.md for what exists.

pub mod code;
pub mod exception_table;
pub mod instr_seq;
pub mod line_table;
pub mod unit;

pub use code::{CodeObject, Const};
pub use instr_seq::{Instr, InstrSeq, Label, Location};
pub use unit::UnitMetadata;
