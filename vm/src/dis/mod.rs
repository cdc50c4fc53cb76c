//! The disassembler: CPython 3.14's `dis` text for rpy's code objects (`rpy dis FILE` prints
//! what `python3.14 -m dis FILE` prints), and the code objects as JSON (`rpy dis --json`).
//!
//! The layout follows `Lib/dis.py` line by line in behaviour (widths, labels, argument
//! reprs, the exception table, `-C`/`-O`/`-P`), not in structure:
//! - [`instructions`] walks `co_code` (extended args, caches, jump targets, labels);
//! - [`args`] prints an oparg's meaning, with the tables of [`names`] and the constant
//!   reprs of [`const_repr`];
//! - [`format`] lays out one code object; [`disassemble_recursive`] adds the nested ones.
//!
//! Code object addresses cannot match CPython's (`<code object f at 0x7f3a...>` changes on
//! every CPython run anyway). rpy prints a stable fake address instead: `0x7f0000000000` plus
//! `0x100` times the code object's depth-first index (the module is 0, then each code
//! constant in `co_consts` order, recursively). Comparisons with CPython's text normalize
//! every `at 0x[0-9a-f]+` (see [`normalize_addresses`]).

pub mod args;
pub mod const_repr;
pub mod format;
pub mod instructions;
pub mod json;
pub mod names;

use std::collections::HashMap;
use std::fmt;

use crate::compile::{CodeObject, Const};
use crate::text::repr::ReprError;

/// What `python -m dis` options ask for.
#[derive(Clone, Copy, Debug, Default)]
pub struct DisOptions {
    /// `-C`: a `CACHE` line for each inline cache unit.
    pub show_caches: bool,
    /// `-O`: the byte offset of each instruction.
    pub show_offsets: bool,
    /// `-P`: full source positions instead of line numbers.
    pub show_positions: bool,
}

/// Why a listing could not be completed; CPython's `dis` raises the same exception there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DisError {
    /// A constant's repr failed (an int beyond the digit limit).
    Repr(ReprError),
    /// An oparg points outside its table (CPython: `IndexError` with this message).
    Index(&'static str),
    /// Constants nested too deep to print.
    Recursion,
}

impl DisError {
    /// The Python exception class.
    pub fn exception_name(&self) -> &'static str {
        match self {
            DisError::Repr(e) => e.exception_name(),
            DisError::Index(_) => "IndexError",
            DisError::Recursion => "RecursionError",
        }
    }
}

impl fmt::Display for DisError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DisError::Repr(e) => write!(f, "{e}"),
            DisError::Index(msg) => f.write_str(msg),
            DisError::Recursion => {
                f.write_str("maximum recursion depth exceeded while getting the repr of an object")
            }
        }
    }
}

impl std::error::Error for DisError {}

/// Base of the fake code object addresses.
const FAKE_ADDRESS_BASE: u64 = 0x7f00_0000_0000;

/// The code objects of a tree in depth-first order: the root, then each code constant in
/// `co_consts` order, recursively (the order of `dis`'s listing and of `--json`).
pub fn code_objects(root: &CodeObject) -> Vec<&CodeObject> {
    let mut out = Vec::new();
    // An explicit stack: nesting depth is bounded by the parser, but the walk need not rely
    // on that.
    let mut stack = vec![root];
    while let Some(code) = stack.pop() {
        out.push(code);
        for c in code.consts.iter().rev() {
            if let Const::Code(inner) = c {
                stack.push(inner);
            }
        }
    }
    out
}

/// Fake addresses for the code objects of a tree, by identity.
pub struct Addresses {
    by_ptr: HashMap<*const CodeObject, u64, crate::compile::hash::FxBuild>,
}

impl Addresses {
    /// Numbers every code object of `root` depth-first.
    pub fn new(root: &CodeObject) -> Addresses {
        let mut by_ptr = HashMap::default();
        for (i, code) in code_objects(root).into_iter().enumerate() {
            by_ptr
                .entry(code as *const CodeObject)
                .or_insert(FAKE_ADDRESS_BASE + 0x100 * i as u64);
        }
        Addresses { by_ptr }
    }

    /// Appends `repr(code)`: `<code object NAME at 0x..., file "FILE", line N>`.
    pub fn write_code_repr(&self, out: &mut String, code: &CodeObject) {
        let address = self
            .by_ptr
            .get(&(code as *const CodeObject))
            .copied()
            .unwrap_or(FAKE_ADDRESS_BASE);
        // CPython prints -1 for a code object whose first line is 0.
        let line = if code.firstlineno != 0 {
            code.firstlineno
        } else {
            -1
        };
        out.push_str(&format!(
            "<code object {} at {address:#x}, file \"{}\", line {line}>",
            code.name, code.filename
        ));
    }
}

/// Appends what `python -m dis` prints for a module: its listing, then for each nested code
/// object a blank line, `Disassembly of <code object ...>:` and its listing, depth-first.
///
/// On an error the listing stops where CPython's would, with what was printed so far in
/// `out`.
pub fn disassemble_recursive(
    out: &mut String,
    root: &CodeObject,
    options: &DisOptions,
) -> Result<(), DisError> {
    let addresses = Addresses::new(root);
    let code_repr = |out: &mut String, code: &CodeObject| addresses.write_code_repr(out, code);
    for (i, code) in code_objects(root).into_iter().enumerate() {
        if i > 0 {
            out.push_str("\nDisassembly of ");
            addresses.write_code_repr(out, code);
            out.push_str(":\n");
        }
        format::disassemble(out, code, options, &code_repr)?;
    }
    Ok(())
}

/// Replaces every `at 0x[0-9a-f]+` with `at 0x?`, so that listings from different processes
/// (CPython's, or CPython's and rpy's) compare equal when only code addresses differ.
pub fn normalize_addresses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("at 0x") {
        let (before, after) = rest.split_at(at + "at 0x".len());
        out.push_str(before);
        // Lowercase only, like the `at 0x[0-9a-f]+` of the Python side.
        let digits = after
            .bytes()
            .take_while(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b))
            .count();
        if digits > 0 {
            out.push('?');
        }
        rest = &after[digits..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests;
