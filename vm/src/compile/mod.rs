//! The compiler: AST to CPython 3.14 code objects.
//!
//! The stages follow CPython's `Python/compile.c`: `future` (the module's `__future__`
//! features), `preprocess` (what is left of the AST optimizer), `symtable` (scopes and
//! name resolution), `codegen` (an [`InstrSeq`] and [`UnitMetadata`] per code unit, with
//! pseudo-instructions and labels), then the flow-graph passes and the assembler, which
//! turn each unit into a [`CodeObject`].

mod assemble;
pub mod backend;
pub mod code;
pub mod codegen;
pub(crate) mod consteval;
pub mod dump;
pub mod exception_table;
pub mod flowgraph;
pub mod future;
pub mod instr_seq;
pub mod line_table;
pub mod preprocess;
pub mod symtable;
pub mod unit;

use std::rc::Rc;

pub use code::{CodeObject, Const};
pub use codegen::{CodegenUnit, codegen_module};
pub use instr_seq::{Instr, InstrSeq, Label, Location};
pub use unit::UnitMetadata;

use crate::ast::Span;
use crate::parse::{LineIndex, Parsed, SyntaxError};

/// Compiles a parsed module (mode `exec`) to its code object.
///
/// Every unit goes through codegen, then the flow-graph passes and the assembler; inner
/// units first, each nested code object landing in its parent's constants.
pub fn compile_module(parsed: &Parsed<'_>, filename: &str) -> Result<Rc<CodeObject>, SyntaxError> {
    codegen::compile(parsed, filename, codegen::Output::Assemble).map(|(code, _)| code)
}

/// Turns byte spans into CPython locations and builds located `SyntaxError`s.
pub struct Locator<'s> {
    lines: &'s LineIndex,
    source: &'s str,
}

impl<'s> Locator<'s> {
    /// A locator over `source`, whose line starts are `lines`.
    pub fn new(lines: &'s LineIndex, source: &'s str) -> Self {
        Locator { lines, source }
    }

    /// The location of `span` (1-based lines, 0-based UTF-8 byte columns);
    /// [`preprocess::SPAN_NONE`] maps to [`Location::NONE`].
    pub fn span(&self, span: Span) -> Location {
        if span.start == u32::MAX {
            return Location::NONE;
        }
        let (l1, c1) = self.lines.line_col(span.start);
        let (l2, c2) = self.lines.line_col(span.end);
        Location::new(l1 as i32, l2 as i32, c1 as i32, c2 as i32)
    }

    /// A `SyntaxError` at `loc`, as `_PyCompile_Error` raises it: offsets are the byte
    /// columns plus one, and the text is the source line.
    pub fn error(&self, msg: impl Into<String>, loc: Location) -> SyntaxError {
        let mut e = SyntaxError::new(crate::parse::ErrorKind::SyntaxError, msg);
        e.lineno = loc.lineno.max(0) as u32;
        e.offset = loc.col_offset + 1;
        e.end_lineno = loc.end_lineno.max(0) as u32;
        e.end_offset = loc.end_col_offset + 1;
        if loc.lineno > 0 {
            e.text = Some(
                self.lines
                    .line_text(self.source, loc.lineno as u32)
                    .to_string(),
            );
        }
        e
    }
}
