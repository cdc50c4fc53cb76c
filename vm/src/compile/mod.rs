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
pub(crate) mod hash;
pub mod instr_seq;
pub mod line_table;
pub mod preprocess;
mod stack;
pub mod symtable;
pub mod unit;

use std::rc::Rc;

pub use code::{CodeObject, Const};
pub use codegen::{CodegenUnit, codegen_module};
pub use consteval::frozenset_table_order;
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
    /// The last line looked up: `[start, end)` byte range and number. Codegen asks for
    /// the location of every instruction, mostly on the line it asked about last.
    last_line: std::cell::Cell<(u32, u32, u32)>,
}

impl<'s> Locator<'s> {
    /// A locator over `source`, whose line starts are `lines`.
    pub fn new(lines: &'s LineIndex, source: &'s str) -> Self {
        Locator {
            lines,
            source,
            last_line: std::cell::Cell::new((0, 0, 0)),
        }
    }

    /// Like [`Locator::line_col`] for an offset on line `from` or a little after it (the
    /// end of a span), without disturbing the cache of the start's line.
    fn line_col_after(&self, offset: u32, from: u32) -> (u32, u32) {
        let n = self.lines.line_count() as u32;
        for line in from..(from + 16).min(n) {
            if offset < self.lines.line_start(line + 1) {
                let lo = self.lines.line_start(line);
                return (line, offset.saturating_sub(lo));
            }
        }
        self.line_col(offset)
    }

    /// 1-based line and 0-based byte column of `offset`.
    fn line_col(&self, offset: u32) -> (u32, u32) {
        let (lo, hi, line) = self.last_line.get();
        if offset >= lo && offset < hi {
            return (line, offset - lo);
        }
        // Codegen moves forward through the source: try the next few lines first.
        if offset >= hi && line > 0 {
            let n = self.lines.line_count() as u32;
            let mut l = line + 1;
            while l < n && l <= line + 4 {
                let next = self.lines.line_start(l + 1);
                if offset < next {
                    let start = self.lines.line_start(l);
                    self.last_line.set((start, next, l));
                    return (l, offset - start);
                }
                l += 1;
            }
        }
        let line = self.lines.line(offset);
        let lo = self.lines.line_start(line);
        let hi = if (line as usize) < self.lines.line_count() {
            self.lines.line_start(line + 1)
        } else {
            u32::MAX
        };
        self.last_line.set((lo, hi, line));
        (line, offset.saturating_sub(lo))
    }

    /// The location of `span` (1-based lines, 0-based UTF-8 byte columns);
    /// [`preprocess::SPAN_NONE`] maps to [`Location::NONE`].
    pub fn span(&self, span: Span) -> Location {
        if span.start == u32::MAX {
            return Location::NONE;
        }
        let (l1, c1) = self.line_col(span.start);
        let (lo, hi, _) = self.last_line.get();
        let (l2, c2) = if span.end >= lo && span.end < hi {
            (l1, span.end - lo)
        } else {
            self.line_col_after(span.end, l1)
        };
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
