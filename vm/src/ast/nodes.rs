//! The Python 3.14 abstract syntax tree, allocated in an [`arena::Arena`].
//!
//! The node set and field order follow CPython 3.14's `Parser/Python.asdl` (what `ast.dump`
//! prints). Differences are representational only and chosen for the compiler's benefit:
//!
//! * Children are arena references (`&'a Expr<'a>`) and arena slices (`&'a [Stmt<'a>]`); the
//!   whole tree is freed when the arena drops.
//! * `FunctionDef`/`AsyncFunctionDef`, `For`/`AsyncFor`, `With`/`AsyncWith` and `Try`/`TryStar`
//!   are one variant each with an `is_async`/`is_star` flag; the dumper prints the right name.
//! * Positions are a [`Span`] of byte offsets into the (decoded, newline-normalized) UTF-8
//!   source; `lineno`/`col_offset`/`end_lineno`/`end_col_offset` come from a
//!   [`crate::parse::LineIndex`]. `col_offset` is therefore in UTF-8 bytes, as in CPython.
//! * `type_comment` fields and `Module.type_ignores` are not represented: `ast.parse` without
//!   `type_comments=True` always leaves them `None`/`[]`.
//! * Identifiers are `&'a str`, NFKC-normalized (PEP 3131) and interned by the parser.
//! * String constants are [`Wtf8`] because Python strings may contain lone surrogates.

use crate::text::Wtf8;

/// Byte offsets `[start, end)` into the normalized source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    /// Offset of the first byte.
    pub start: u32,
    /// Offset one past the last byte.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end`.
    #[inline]
    pub const fn new(start: u32, end: u32) -> Self {
        Span { start, end }
    }

    /// The smallest span covering both.
    #[inline]
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start,
            end: other.end,
        }
    }
}

/// A module: `ast.Module(body, type_ignores)`. Other `mod` kinds (`Expression`,
/// `Interactive`, `FunctionType`) are produced by the other parse modes.
#[derive(Clone, Copy, Debug)]
pub enum Mod<'a> {
    /// `exec` mode: a file or `exec()` source.
    Module { body: &'a [Stmt<'a>] },
    /// `single` mode: one interactive statement.
    Interactive { body: &'a [Stmt<'a>] },
    /// `eval` mode: one expression.
    Expression { body: &'a Expr<'a> },
    /// `func_type` mode: `(argtypes) -> returns`.
    FunctionType {
        argtypes: &'a [Expr<'a>],
        returns: &'a Expr<'a>,
    },
}

// --- Statements ---

/// A statement with its position.
#[derive(Clone, Copy, Debug)]
pub struct Stmt<'a> {
    /// What kind of statement, with its fields.
    pub kind: StmtKind<'a>,
    /// Source position.
    pub span: Span,
}

/// The statement kinds of `ast.stmt`.
#[derive(Clone, Copy, Debug)]
pub enum StmtKind<'a> {
    /// `FunctionDef` / `AsyncFunctionDef`.
    FunctionDef(&'a FunctionDef<'a>),
    /// `ClassDef`.
    ClassDef(&'a ClassDef<'a>),
    /// `Return(value)`.
    Return { value: Option<&'a Expr<'a>> },
    /// `Delete(targets)`.
    Delete { targets: &'a [Expr<'a>] },
    /// `Assign(targets, value)`.
    Assign {
        targets: &'a [Expr<'a>],
        value: &'a Expr<'a>,
    },
    /// `TypeAlias(name, type_params, value)` (PEP 695).
    TypeAlias {
        name: &'a Expr<'a>,
        type_params: &'a [TypeParam<'a>],
        value: &'a Expr<'a>,
    },
    /// `AugAssign(target, op, value)`.
    AugAssign {
        target: &'a Expr<'a>,
        op: Operator,
        value: &'a Expr<'a>,
    },
    /// `AnnAssign(target, annotation, value, simple)`.
    AnnAssign {
        target: &'a Expr<'a>,
        annotation: &'a Expr<'a>,
        value: Option<&'a Expr<'a>>,
        /// 1 when the target is a plain name not in parentheses.
        simple: bool,
    },
    /// `For` / `AsyncFor`.
    For(&'a For<'a>),
    /// `While(test, body, orelse)`.
    While {
        test: &'a Expr<'a>,
        body: &'a [Stmt<'a>],
        orelse: &'a [Stmt<'a>],
    },
    /// `If(test, body, orelse)`; `elif` is a nested `If` in `orelse`.
    If {
        test: &'a Expr<'a>,
        body: &'a [Stmt<'a>],
        orelse: &'a [Stmt<'a>],
    },
    /// `With` / `AsyncWith`.
    With(&'a With<'a>),
    /// `Match(subject, cases)`.
    Match {
        subject: &'a Expr<'a>,
        cases: &'a [MatchCase<'a>],
    },
    /// `Raise(exc, cause)`.
    Raise {
        exc: Option<&'a Expr<'a>>,
        cause: Option<&'a Expr<'a>>,
    },
    /// `Try` / `TryStar`.
    Try(&'a Try<'a>),
    /// `Assert(test, msg)`.
    Assert {
        test: &'a Expr<'a>,
        msg: Option<&'a Expr<'a>>,
    },
    /// `Import(names)`.
    Import { names: &'a [Alias<'a>] },
    /// `ImportFrom(module, names, level)`.
    ImportFrom {
        module: Option<&'a str>,
        names: &'a [Alias<'a>],
        level: u32,
    },
    /// `Global(names)`.
    Global { names: &'a [&'a str] },
    /// `Nonlocal(names)`.
    Nonlocal { names: &'a [&'a str] },
    /// `Expr(value)`: an expression statement.
    Expr { value: &'a Expr<'a> },
    /// `Pass`.
    Pass,
    /// `Break`.
    Break,
    /// `Continue`.
    Continue,
}

/// `FunctionDef(name, args, body, decorator_list, returns, type_comment, type_params)`, and
/// `AsyncFunctionDef` when `is_async`.
#[derive(Clone, Copy, Debug)]
pub struct FunctionDef<'a> {
    /// `async def`.
    pub is_async: bool,
    pub name: &'a str,
    pub args: &'a Arguments<'a>,
    pub body: &'a [Stmt<'a>],
    pub decorator_list: &'a [Expr<'a>],
    pub returns: Option<&'a Expr<'a>>,
    pub type_params: &'a [TypeParam<'a>],
}

/// `ClassDef(name, bases, keywords, body, decorator_list, type_params)`.
#[derive(Clone, Copy, Debug)]
pub struct ClassDef<'a> {
    pub name: &'a str,
    pub bases: &'a [Expr<'a>],
    pub keywords: &'a [Keyword<'a>],
    pub body: &'a [Stmt<'a>],
    pub decorator_list: &'a [Expr<'a>],
    pub type_params: &'a [TypeParam<'a>],
}

/// `For(target, iter, body, orelse)`, and `AsyncFor` when `is_async`.
#[derive(Clone, Copy, Debug)]
pub struct For<'a> {
    /// `async for`.
    pub is_async: bool,
    pub target: &'a Expr<'a>,
    pub iter: &'a Expr<'a>,
    pub body: &'a [Stmt<'a>],
    pub orelse: &'a [Stmt<'a>],
}

/// `With(items, body)`, and `AsyncWith` when `is_async`.
#[derive(Clone, Copy, Debug)]
pub struct With<'a> {
    /// `async with`.
    pub is_async: bool,
    pub items: &'a [WithItem<'a>],
    pub body: &'a [Stmt<'a>],
}

/// `Try(body, handlers, orelse, finalbody)`, and `TryStar` (`except*`) when `is_star`.
#[derive(Clone, Copy, Debug)]
pub struct Try<'a> {
    /// `except*` clauses.
    pub is_star: bool,
    pub body: &'a [Stmt<'a>],
    pub handlers: &'a [ExceptHandler<'a>],
    pub orelse: &'a [Stmt<'a>],
    pub finalbody: &'a [Stmt<'a>],
}

// --- Expressions ---

/// An expression with its position.
#[derive(Clone, Copy, Debug)]
pub struct Expr<'a> {
    /// What kind of expression, with its fields.
    pub kind: ExprKind<'a>,
    /// Source position.
    pub span: Span,
}

/// The expression kinds of `ast.expr`.
#[derive(Clone, Copy, Debug)]
pub enum ExprKind<'a> {
    /// `BoolOp(op, values)`.
    BoolOp { op: BoolOp, values: &'a [Expr<'a>] },
    /// `NamedExpr(target, value)`: the walrus.
    NamedExpr {
        target: &'a Expr<'a>,
        value: &'a Expr<'a>,
    },
    /// `BinOp(left, op, right)`.
    BinOp {
        left: &'a Expr<'a>,
        op: Operator,
        right: &'a Expr<'a>,
    },
    /// `UnaryOp(op, operand)`.
    UnaryOp { op: UnaryOp, operand: &'a Expr<'a> },
    /// `Lambda(args, body)`.
    Lambda {
        args: &'a Arguments<'a>,
        body: &'a Expr<'a>,
    },
    /// `IfExp(test, body, orelse)`.
    IfExp {
        test: &'a Expr<'a>,
        body: &'a Expr<'a>,
        orelse: &'a Expr<'a>,
    },
    /// `Dict(keys, values)`; a `None` key is a `**mapping` entry.
    Dict {
        keys: &'a [Option<Expr<'a>>],
        values: &'a [Expr<'a>],
    },
    /// `Set(elts)`.
    Set { elts: &'a [Expr<'a>] },
    /// `ListComp(elt, generators)`.
    ListComp {
        elt: &'a Expr<'a>,
        generators: &'a [Comprehension<'a>],
    },
    /// `SetComp(elt, generators)`.
    SetComp {
        elt: &'a Expr<'a>,
        generators: &'a [Comprehension<'a>],
    },
    /// `DictComp(key, value, generators)`.
    DictComp {
        key: &'a Expr<'a>,
        value: &'a Expr<'a>,
        generators: &'a [Comprehension<'a>],
    },
    /// `GeneratorExp(elt, generators)`.
    GeneratorExp {
        elt: &'a Expr<'a>,
        generators: &'a [Comprehension<'a>],
    },
    /// `Await(value)`.
    Await { value: &'a Expr<'a> },
    /// `Yield(value)`.
    Yield { value: Option<&'a Expr<'a>> },
    /// `YieldFrom(value)`.
    YieldFrom { value: &'a Expr<'a> },
    /// `Compare(left, ops, comparators)`; `ops.len() == comparators.len()`.
    Compare {
        left: &'a Expr<'a>,
        ops: &'a [CmpOp],
        comparators: &'a [Expr<'a>],
    },
    /// `Call(func, args, keywords)`.
    Call {
        func: &'a Expr<'a>,
        args: &'a [Expr<'a>],
        keywords: &'a [Keyword<'a>],
    },
    /// `FormattedValue(value, conversion, format_spec)`: one `{...}` of an f-string.
    FormattedValue {
        value: &'a Expr<'a>,
        conversion: Conversion,
        format_spec: Option<&'a Expr<'a>>,
    },
    /// `Interpolation(value, str, conversion, format_spec)`: one `{...}` of a t-string
    /// (PEP 750); `str` is the expression's source text.
    Interpolation {
        value: &'a Expr<'a>,
        str: &'a Wtf8,
        conversion: Conversion,
        format_spec: Option<&'a Expr<'a>>,
    },
    /// `JoinedStr(values)`: an f-string.
    JoinedStr { values: &'a [Expr<'a>] },
    /// `TemplateStr(values)`: a t-string.
    TemplateStr { values: &'a [Expr<'a>] },
    /// `Constant(value, kind)`; `kind_u` is `kind='u'` (a `u"..."` literal).
    Constant { value: Constant<'a>, kind_u: bool },
    /// `Attribute(value, attr, ctx)`.
    Attribute {
        value: &'a Expr<'a>,
        attr: &'a str,
        ctx: ExprContext,
    },
    /// `Subscript(value, slice, ctx)`.
    Subscript {
        value: &'a Expr<'a>,
        slice: &'a Expr<'a>,
        ctx: ExprContext,
    },
    /// `Starred(value, ctx)`.
    Starred {
        value: &'a Expr<'a>,
        ctx: ExprContext,
    },
    /// `Name(id, ctx)`.
    Name { id: &'a str, ctx: ExprContext },
    /// `List(elts, ctx)`.
    List {
        elts: &'a [Expr<'a>],
        ctx: ExprContext,
    },
    /// `Tuple(elts, ctx)`.
    Tuple {
        elts: &'a [Expr<'a>],
        ctx: ExprContext,
    },
    /// `Slice(lower, upper, step)`.
    Slice {
        lower: Option<&'a Expr<'a>>,
        upper: Option<&'a Expr<'a>>,
        step: Option<&'a Expr<'a>>,
    },
}

/// A constant value: what `ast.Constant.value` (and `MatchSingleton.value`) can hold.
#[derive(Clone, Copy, Debug)]
pub enum Constant<'a> {
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// `...`.
    Ellipsis,
    /// An integer that fits in `i64`.
    Int(i64),
    /// A larger integer: little-endian base-2^32 magnitude digits (literals are
    /// non-negative; compiler-folded values carry their sign in `negative`).
    BigInt { negative: bool, digits: &'a [u32] },
    /// A float.
    Float(f64),
    /// A complex number (an imaginary literal has `real == 0.0`).
    Complex { real: f64, imag: f64 },
    /// A `str`.
    Str(&'a Wtf8),
    /// A `bytes`.
    Bytes(&'a [u8]),
    /// A tuple of constants (produced by constant folding, never by the parser).
    Tuple(&'a [Constant<'a>]),
    /// A frozenset of constants (produced by constant folding, never by the parser).
    FrozenSet(&'a [Constant<'a>]),
}

/// `FormattedValue.conversion`: -1 for none, else the character code of `s`, `r` or `a`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conversion {
    /// No `!x` conversion (-1).
    None,
    /// `!s` (115).
    Str,
    /// `!r` (114).
    Repr,
    /// `!a` (97).
    Ascii,
}

impl Conversion {
    /// The integer `ast` stores: -1, or the conversion character's code.
    pub fn as_int(self) -> i32 {
        match self {
            Conversion::None => -1,
            Conversion::Str => 's' as i32,
            Conversion::Repr => 'r' as i32,
            Conversion::Ascii => 'a' as i32,
        }
    }
}

/// `ast.expr_context`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExprContext {
    Load,
    Store,
    Del,
}

/// `ast.boolop`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

/// `ast.operator` (binary operators, also used by augmented assignment).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operator {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
}

/// `ast.unaryop`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

/// `ast.cmpop`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

// --- Auxiliary nodes ---

/// `comprehension(target, iter, ifs, is_async)` (no position attributes).
#[derive(Clone, Copy, Debug)]
pub struct Comprehension<'a> {
    pub target: &'a Expr<'a>,
    pub iter: &'a Expr<'a>,
    pub ifs: &'a [Expr<'a>],
    pub is_async: bool,
}

/// `ExceptHandler(type, name, body)`.
#[derive(Clone, Copy, Debug)]
pub struct ExceptHandler<'a> {
    pub type_: Option<&'a Expr<'a>>,
    pub name: Option<&'a str>,
    pub body: &'a [Stmt<'a>],
    pub span: Span,
}

/// `arguments(posonlyargs, args, vararg, kwonlyargs, kw_defaults, kwarg, defaults)` (no
/// position attributes). `kw_defaults` has one entry per `kwonlyargs` item, `None` where
/// there is no default; `defaults` applies to the last `defaults.len()` positional parameters.
#[derive(Clone, Copy, Debug)]
pub struct Arguments<'a> {
    pub posonlyargs: &'a [Arg<'a>],
    pub args: &'a [Arg<'a>],
    pub vararg: Option<&'a Arg<'a>>,
    pub kwonlyargs: &'a [Arg<'a>],
    pub kw_defaults: &'a [Option<&'a Expr<'a>>],
    pub kwarg: Option<&'a Arg<'a>>,
    pub defaults: &'a [Expr<'a>],
}

impl Arguments<'_> {
    /// `arguments()` with every list empty, as for `lambda: 0` or `def f():`.
    pub const EMPTY: Arguments<'static> = Arguments {
        posonlyargs: &[],
        args: &[],
        vararg: None,
        kwonlyargs: &[],
        kw_defaults: &[],
        kwarg: None,
        defaults: &[],
    };
}

/// `arg(arg, annotation)`.
#[derive(Clone, Copy, Debug)]
pub struct Arg<'a> {
    pub arg: &'a str,
    pub annotation: Option<&'a Expr<'a>>,
    pub span: Span,
}

/// `keyword(arg, value)`; `arg` is `None` for `**mapping`.
#[derive(Clone, Copy, Debug)]
pub struct Keyword<'a> {
    pub arg: Option<&'a str>,
    pub value: &'a Expr<'a>,
    pub span: Span,
}

/// `alias(name, asname)`; `name` may be dotted (`a.b.c`) or `*`.
#[derive(Clone, Copy, Debug)]
pub struct Alias<'a> {
    pub name: &'a str,
    pub asname: Option<&'a str>,
    pub span: Span,
}

/// `withitem(context_expr, optional_vars)` (no position attributes).
#[derive(Clone, Copy, Debug)]
pub struct WithItem<'a> {
    pub context_expr: &'a Expr<'a>,
    pub optional_vars: Option<&'a Expr<'a>>,
}

/// `match_case(pattern, guard, body)` (no position attributes).
#[derive(Clone, Copy, Debug)]
pub struct MatchCase<'a> {
    pub pattern: &'a Pattern<'a>,
    pub guard: Option<&'a Expr<'a>>,
    pub body: &'a [Stmt<'a>],
}

/// A pattern of a `case` clause, with its position.
#[derive(Clone, Copy, Debug)]
pub struct Pattern<'a> {
    /// What kind of pattern, with its fields.
    pub kind: PatternKind<'a>,
    /// Source position.
    pub span: Span,
}

/// The pattern kinds of `ast.pattern`.
#[derive(Clone, Copy, Debug)]
pub enum PatternKind<'a> {
    /// `MatchValue(value)`.
    MatchValue { value: &'a Expr<'a> },
    /// `MatchSingleton(value)`: `None`, `True` or `False`.
    MatchSingleton { value: Constant<'a> },
    /// `MatchSequence(patterns)`.
    MatchSequence { patterns: &'a [Pattern<'a>] },
    /// `MatchMapping(keys, patterns, rest)`.
    MatchMapping {
        keys: &'a [Expr<'a>],
        patterns: &'a [Pattern<'a>],
        rest: Option<&'a str>,
    },
    /// `MatchClass(cls, patterns, kwd_attrs, kwd_patterns)`.
    MatchClass {
        cls: &'a Expr<'a>,
        patterns: &'a [Pattern<'a>],
        kwd_attrs: &'a [&'a str],
        kwd_patterns: &'a [Pattern<'a>],
    },
    /// `MatchStar(name)`: `*name` or `*_` (name `None`).
    MatchStar { name: Option<&'a str> },
    /// `MatchAs(pattern, name)`: `p as name`, a capture `name`, or the wildcard `_` (both
    /// `None`).
    MatchAs {
        pattern: Option<&'a Pattern<'a>>,
        name: Option<&'a str>,
    },
    /// `MatchOr(patterns)`.
    MatchOr { patterns: &'a [Pattern<'a>] },
}

/// A PEP 695 type parameter, with its position.
#[derive(Clone, Copy, Debug)]
pub struct TypeParam<'a> {
    /// What kind of type parameter, with its fields.
    pub kind: TypeParamKind<'a>,
    /// Source position.
    pub span: Span,
}

/// `ast.type_param` kinds; `default_value` is PEP 696.
#[derive(Clone, Copy, Debug)]
pub enum TypeParamKind<'a> {
    /// `TypeVar(name, bound, default_value)`.
    TypeVar {
        name: &'a str,
        bound: Option<&'a Expr<'a>>,
        default_value: Option<&'a Expr<'a>>,
    },
    /// `ParamSpec(name, default_value)`: `**P`.
    ParamSpec {
        name: &'a str,
        default_value: Option<&'a Expr<'a>>,
    },
    /// `TypeVarTuple(name, default_value)`: `*Ts`.
    TypeVarTuple {
        name: &'a str,
        default_value: Option<&'a Expr<'a>>,
    },
}
