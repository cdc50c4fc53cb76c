//! What codegen hands the flow-graph and assembler for one code unit besides its
//! instructions: CPython 3.14's `_PyCompile_CodeUnitMetadata` plus the unit's flags.

use std::rc::Rc;

use super::code::Const;

/// Per-unit tables and counts. Index `i` of each table is the oparg that refers to it.
#[derive(Clone, Debug, Default)]
pub struct UnitMetadata {
    /// `co_name`.
    pub name: Rc<str>,
    /// `co_qualname`.
    pub qualname: Rc<str>,
    /// Constants in first-use order (deduplicated with [`Const`]'s equality).
    pub consts: Vec<Const>,
    /// Global/attribute/import names (`co_names`).
    pub names: Vec<Rc<str>>,
    /// Fast locals, parameters first (`co_varnames`).
    pub varnames: Vec<Rc<str>>,
    /// Cell variables, sorted as CPython sorts them.
    pub cellvars: Vec<Rc<str>>,
    /// Free variables, sorted as CPython sorts them.
    pub freevars: Vec<Rc<str>>,
    /// Names that are fast locals only inside an inlined comprehension (`u_fasthidden`),
    /// with whether they are currently hidden.
    pub fasthidden: Vec<(Rc<str>, bool)>,
    /// Positional-or-keyword parameters, *not* counting the positional-only ones (CPython's
    /// `u_argcount`; `co_argcount` is this plus `posonlyargcount`).
    pub argcount: u32,
    /// `co_posonlyargcount`.
    pub posonlyargcount: u32,
    /// `co_kwonlyargcount`.
    pub kwonlyargcount: u32,
    /// Number of parameters in `varnames` (its first `nparams` entries), counting the
    /// implicit ones CPython adds (`.0` of a comprehension, `.format` of an annotation
    /// scope, `.defaults` of a generic function's type-parameter scope, `*args`, `**kw`).
    /// The flow graph treats these as initialized on entry. Not derivable from the counts
    /// above: `def f[T](x): ...` has a type-parameter scope with `argcount == 0` and
    /// `nparams == 1`.
    pub nparams: u32,
    /// `co_firstlineno`.
    pub firstlineno: i32,
    /// `co_flags` as computed from the symbol table (the assembler may add more).
    pub flags: u32,
}
