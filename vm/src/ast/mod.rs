//! The abstract syntax tree and its printers.

pub mod nodes;

pub use nodes::*;
