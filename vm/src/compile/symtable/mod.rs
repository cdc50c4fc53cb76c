//! The symbol table: which names each scope binds, uses and declares, and how every name
//! resolves (local, global, free, cell), as CPython 3.14's `Python/symtable.c` decides it.
//!
//! Built in two passes over the arena AST. [`build`] walks the tree once, creating a
//! [`ScopeEntry`] per module, class, function, lambda, comprehension, annotation scope
//! (PEP 649), type-parameter scope, type alias and TypeVar bound/default (PEP 695/696), and
//! records raw facts as [`flags`]. `analyze` then resolves every name top-down, marks
//! cells, decides which comprehensions are inlined (PEP 709) and moves their symbols into
//! the enclosing scope. Every SyntaxError this stage raises carries CPython's message and
//! location.
//!
//! Scopes are found again by the AST node that created them ([`ScopeKey`]): arena nodes
//! never move, so their addresses are stable keys, as CPython's pointer keys are.

mod analyze;
mod build;
mod build_expr;

use crate::compile::hash::FxBuild;
use indexmap::IndexMap;

pub use build::build;

use crate::ast::Span;

/// Raw facts about a name in one scope (CPython's `DEF_*` and `USE` bits).
pub mod flags {
    /// Declared `global`.
    pub const DEF_GLOBAL: u16 = 1;
    /// Assigned in the scope.
    pub const DEF_LOCAL: u16 = 1 << 1;
    /// A parameter.
    pub const DEF_PARAM: u16 = 1 << 2;
    /// Declared `nonlocal`.
    pub const DEF_NONLOCAL: u16 = 1 << 3;
    /// Read in the scope.
    pub const USE: u16 = 1 << 4;
    /// Free in a method of this class and also bound in the class.
    pub const DEF_FREE_CLASS: u16 = 1 << 5;
    /// Bound by an import.
    pub const DEF_IMPORT: u16 = 1 << 6;
    /// Annotated (`x: int`).
    pub const DEF_ANNOT: u16 = 1 << 7;
    /// An iteration variable of a comprehension.
    pub const DEF_COMP_ITER: u16 = 1 << 8;
    /// A PEP 695 type parameter.
    pub const DEF_TYPE_PARAM: u16 = 1 << 9;
    /// A cell inside an inlined comprehension.
    pub const DEF_COMP_CELL: u16 = 1 << 10;
    /// Any binding.
    pub const DEF_BOUND: u16 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;
}

/// How a name resolves in a scope (CPython's `LOCAL` .. `CELL`; `None` is CPython's 0, a
/// name the scope never mentions).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SymScope {
    /// Not in the scope's table.
    #[default]
    None,
    /// A local of this scope.
    Local,
    /// Declared `global` (here or, for annotation scopes, in the class).
    GlobalExplicit,
    /// Not bound in any enclosing function: a global or a builtin.
    GlobalImplicit,
    /// Bound in an enclosing function scope.
    Free,
    /// Local here and free in a nested scope.
    Cell,
}

/// One name's entry in a scope.
#[derive(Clone, Copy, Debug, Default)]
pub struct Symbol {
    /// `flags::*` bits.
    pub flags: u16,
    /// The resolution, set by the analysis pass.
    pub scope: SymScope,
}

/// Names in first-mention order (the order CPython's symbol dicts iterate in).
pub type Symbols<'a> = IndexMap<&'a str, Symbol, FxBuild>;

/// What kind of block a scope is (CPython's `_Py_block_ty`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// A function, lambda or comprehension.
    Function,
    /// A class body.
    Class,
    /// The module.
    Module,
    /// An `__annotate__` scope (PEP 649).
    Annotation,
    /// A TypeVar bound or a type parameter's default.
    TypeVariable,
    /// The value of a `type X = ...` alias.
    TypeAlias,
    /// The scope holding a generic definition's type parameters.
    TypeParameters,
}

/// Which comprehension a function scope implements.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompKind {
    /// Not a comprehension.
    None,
    /// `[...]`.
    List,
    /// `{...}` of single values.
    Set,
    /// `{k: v ...}`.
    Dict,
    /// `(...)`.
    Generator,
}

/// Index of a scope in [`SymbolTable::scopes`].
pub type ScopeId = usize;

/// The AST node a scope was created for (CPython keys scopes by node pointers, with
/// `pointer + 1` for a second scope of the same node).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScopeKey {
    /// The module.
    Module,
    /// A `def`, `class` or `type` statement.
    Stmt(usize),
    /// A lambda or comprehension.
    Expr(usize),
    /// The annotation scope of a function's parameters.
    Args(usize),
    /// The type-parameter scope of a generic definition (keyed by its parameter list).
    TypeParams(usize),
    /// A TypeVar bound, or the default of a TypeVarTuple/ParamSpec.
    TypeParam(usize),
    /// A TypeVar's default.
    TypeParamDefault(usize),
    /// The annotation scope of a module's or class's annotated assignments.
    AnnotationsOf(ScopeId),
}

impl ScopeKey {
    /// The key of a node by address.
    pub fn addr<T>(node: &T) -> usize {
        node as *const T as usize
    }
}

/// One scope (CPython's `PySTEntryObject`).
#[derive(Debug)]
pub struct ScopeEntry<'a> {
    /// Scope name (`top`, a function or class name, `lambda`, `listcomp`, `__annotate__`).
    pub name: &'a str,
    /// Block kind.
    pub kind: BlockKind,
    /// Names, in first-mention order.
    pub symbols: Symbols<'a>,
    /// Parameters, in order (including the implicit `.0`, `.format`, `.defaults`).
    pub varnames: Vec<&'a str>,
    /// Nested scopes in creation order (after analysis, inlined comprehensions are replaced
    /// by their own children).
    pub children: Vec<ScopeId>,
    /// `global`/`nonlocal` declarations with their locations, for error reports.
    pub directives: Vec<(&'a str, Span)>,
    /// For the type-parameter scope of a generic class and the scopes nested in it: index
    /// of the shared list of names that get mangled ([`SymbolTable::mangled_sets`]).
    pub mangled_names: Option<usize>,
    /// The comprehension kind, if this is one.
    pub comprehension: CompKind,
    /// Where the scope starts.
    pub loc: Span,
    /// The module's or class's annotation scope, once created.
    pub annotation_block: Option<ScopeId>,
    /// For TypeVariable scopes: what it is ("a TypeVar bound", ...), for messages.
    pub scope_info: Option<&'static str>,
    /// Nesting depth of comprehension iterable expressions being visited.
    pub comp_iter_expr: u32,
    /// Inside a function (or nested in one).
    pub nested: bool,
    /// Contains `yield` (or is a generator expression).
    pub generator: bool,
    /// `async def`, or contains `await` / an async comprehension.
    pub coroutine: bool,
    /// Has `*args`.
    pub varargs: bool,
    /// Has `**kwargs`.
    pub varkeywords: bool,
    /// Has `return value`.
    pub returns_value: bool,
    /// A class whose methods use `__class__` (or `super`).
    pub needs_class_closure: bool,
    /// Inlined into its parent (PEP 709).
    pub comp_inlined: bool,
    /// Visiting a comprehension target.
    pub comp_iter_target: bool,
    /// An annotation or type scope directly inside a class: may read the class namespace.
    pub can_see_class_scope: bool,
    /// A class whose annotation scopes read `__classdict__`.
    pub needs_classdict: bool,
    /// Module or class with annotations that may not run (`__conditional_annotations__`).
    pub has_conditional_annotations: bool,
    /// Visiting a conditional statement's body.
    pub in_conditional_block: bool,
    /// Visiting a function-local annotation (never evaluated).
    pub in_unevaluated_annotation: bool,
    /// Body starts with a docstring.
    pub has_docstring: bool,
    /// A function defined directly in a class body.
    pub method: bool,
    /// Has annotations (for the `__annotate__` function).
    pub annotations_used: bool,
}

impl<'a> ScopeEntry<'a> {
    /// The flags of `name`, 0 if absent.
    pub fn flags_of(&self, name: &str) -> u16 {
        self.symbols.get(name).map_or(0, |s| s.flags)
    }

    /// The resolution of `name` (CPython's `_PyST_GetScope`).
    pub fn scope_of(&self, name: &str) -> SymScope {
        self.symbols.get(name).map_or(SymScope::None, |s| s.scope)
    }

    /// Function-like scopes use fast locals (CPython's `_PyST_IsFunctionLike`).
    pub fn is_function_like(&self) -> bool {
        !matches!(self.kind, BlockKind::Class | BlockKind::Module)
    }
}

/// The scopes of one module.
#[derive(Debug)]
pub struct SymbolTable<'a> {
    /// Every scope; the module is [`SymbolTable::top`].
    pub scopes: Vec<ScopeEntry<'a>>,
    /// Scope lookup by creating node.
    pub keys: std::collections::HashMap<ScopeKey, ScopeId, FxBuild>,
    /// The module scope.
    pub top: ScopeId,
    /// Type parameters of generic classes, the only names mangled in their type-parameter
    /// scopes; one list per generic class, shared by the scopes nested there.
    pub mangled_sets: Vec<Vec<&'a str>>,
}

impl<'a> SymbolTable<'a> {
    /// The scope created for `key`.
    pub fn lookup(&self, key: ScopeKey) -> Option<ScopeId> {
        self.keys.get(&key).copied()
    }

    /// Mangling of `name` in scope `id` (CPython's `_Py_MaybeMangle`): inside a generic
    /// class's type-parameter scope only the type parameters themselves are mangled.
    #[inline]
    pub fn maybe_mangle(
        &self,
        arena: &'a arena::Arena,
        private: Option<&str>,
        id: ScopeId,
        name: &'a str,
    ) -> &'a str {
        // What `mangle` leaves alone, decided before any lookup: most names.
        if private.is_none() || !name.starts_with("__") {
            return name;
        }
        if let Some(set) = self.scopes[id].mangled_names
            && !self.mangled_sets[set].contains(&name)
        {
            return name;
        }
        mangle(arena, private, name)
    }
}

/// Private name mangling (CPython's `_Py_Mangle`): `__x` in class `C` becomes `_C__x`,
/// except dunder names, dotted names and classes named only with underscores.
pub fn mangle<'a>(arena: &'a arena::Arena, private: Option<&str>, name: &'a str) -> &'a str {
    let Some(private) = private else { return name };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name;
    }
    let stripped = private.trim_start_matches('_');
    if stripped.is_empty() {
        return name;
    }
    let mut s = String::with_capacity(1 + stripped.len() + name.len());
    s.push('_');
    s.push_str(stripped);
    s.push_str(name);
    arena.alloc_str(&s)
}

#[cfg(test)]
mod tests;
