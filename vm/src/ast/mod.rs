//! The abstract syntax tree and its printers.

pub mod dump;
pub mod nodes;

pub use nodes::*;
