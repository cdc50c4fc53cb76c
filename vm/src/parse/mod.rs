//! The front end: source decoding, tokenizer and parser producing the arena AST.

pub mod error;
pub mod file_run;
pub mod keyword_typos;
pub mod line_index;
mod parser;
pub mod report;
pub mod scope_check;
pub mod snippet_front_end;
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
    /// SyntaxWarnings (invalid escape sequences, ...), ordered by line.
    pub warnings: Vec<Warning>,
}

/// A `SyntaxWarning` emitted while tokenizing or parsing; CPython attributes it to a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// The warning text.
    pub msg: String,
    /// 1-based line.
    pub lineno: u32,
}

/// Decodes `bytes` (BOM, PEP 263 coding declaration, newline normalization) and parses them.
pub fn parse_bytes<'a>(
    arena: &'a Arena,
    bytes: &[u8],
    mode: Mode,
) -> Result<Parsed<'a>, SyntaxError> {
    let text = source::decode_borrowed(bytes)?;
    parse_text(arena, &text, mode)
}

/// Parses decoded text whose newlines are already normalized to `\n` (`compile()` of a
/// `str`, after [`source::normalize_newlines`]).
pub fn parse_text<'a>(arena: &'a Arena, text: &str, mode: Mode) -> Result<Parsed<'a>, SyntaxError> {
    let source: &'a str = arena.alloc_str(text);
    // CPython appends a final newline to `exec` input only.
    let mut stream = tokenizer::tokenize_input(source, mode == Mode::Exec);
    if mode == Mode::Single {
        parser::end_single_input(&mut stream.tokens);
    }
    let lines = LineIndex::new(source);
    let outcome = parser::parse_tokens(arena, source, &lines, &stream, mode)?;
    let mut warnings: Vec<Warning> = stream
        .warnings
        .iter()
        .map(|w| Warning {
            msg: w.msg.clone(),
            lineno: w.lineno,
        })
        .collect();
    warnings.extend(outcome.warnings);
    warnings.sort_by_key(|w| w.lineno);
    Ok(Parsed {
        module: outcome.module,
        source,
        lines,
        warnings,
    })
}
