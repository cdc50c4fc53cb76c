//! The front end: source decoding, tokenizer and parser producing the arena AST.

pub mod error;
pub mod line_index;
pub mod source;
pub mod token;
pub mod tokenizer;

pub use error::{ErrorKind, SyntaxError};
pub use line_index::LineIndex;
pub use token::{Token, TokenKind};

use crate::ast::Mod;
use arena::Arena;

/// What the source is parsed as (CPython's `compile()` modes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module (`exec`).
    Exec,
    /// One expression (`eval`).
    Eval,
    /// One interactive statement (`single`).
    Single,
    /// A function type comment (`func_type`).
    FuncType,
}

/// A parsed source: the tree plus what is needed to report positions.
pub struct Parsed<'a> {
    /// The tree.
    pub module: Mod<'a>,
    /// The decoded, newline-normalized source text the spans index into.
    pub source: &'a str,
    /// Line starts of `source`.
    pub lines: LineIndex,
}

/// Decodes `bytes` (BOM, PEP 263 coding declaration, newline normalization) and parses them.
pub fn parse_bytes<'a>(
    arena: &'a Arena,
    bytes: &[u8],
    mode: Mode,
) -> Result<Parsed<'a>, SyntaxError> {
    let _ = (arena, bytes, mode);
    Err(SyntaxError::new(
        ErrorKind::SyntaxError,
        "the parser is not built yet",
    ))
}
