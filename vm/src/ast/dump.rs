//! `ast.dump`: the text CPython 3.14's `Lib/ast.py` `dump()` prints for a tree, byte for byte.
//!
//! The printer follows `dump`'s `_format` with its default `annotate_fields=True` and
//! `show_empty=False`: every field is printed as `name=value`; optional fields holding `None`
//! and list fields holding `[]` are left out; a node whose printed arguments are all "simple"
//! (scalars, `[]`, or nodes printed with no arguments such as `Load()`) and number at most three
//! stays on one line even with `indent`. Attributes (`lineno`, `col_offset`, `end_lineno`,
//! `end_col_offset`) follow the fields when requested; columns are UTF-8 byte offsets.
//!
//! CPython's `_format` is recursive Python, so a deep tree makes `ast.dump` raise
//! `RecursionError`, and an int with more than 4300 decimal digits makes `repr` raise
//! `ValueError`. A first pass walks the tree in `_format`'s order with an explicit stack,
//! counting Python frames as CPython does, and reports whichever of those errors CPython would
//! hit first. The second pass prints with an explicit work stack, so neither pass recurses on
//! the Rust stack however deep the tree is.

use crate::ast::nodes::*;
use crate::parse::{ErrorKind, LineIndex, SyntaxError};
use crate::text::Wtf8;
use crate::text::repr::{
    ReprError, check_bigint_repr, write_bigint_repr, write_bytes_repr, write_complex_repr,
    write_float_repr, write_int_repr, write_str_repr,
};

/// The keyword arguments of `ast.dump` that `rpy ast` exposes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DumpOptions {
    /// `indent=N`: pretty-print with N spaces per level (`Some(0)` still breaks lines);
    /// `None` prints everything on one line.
    pub indent: Option<usize>,
    /// `include_attributes=True`: print each node's position after its fields.
    pub include_attributes: bool,
}

/// How many `_format` (and generator-expression) frames `ast.dump` can stack before CPython's
/// default recursion limit of 1000 stops it, when it is called from module level as in
/// `print(ast.dump(tree))`: the limit minus the `<module>` and `dump` frames. Measured with
/// CPython 3.14: `'-' * 992 + '1'` dumps, `'-' * 993 + '1'` raises `RecursionError`.
pub const MAX_FORMAT_FRAMES: usize = 998;

/// Prints `module` as `ast.dump(module, indent=..., include_attributes=...)` does.
///
/// `lines` indexes `source`, the text the tree's spans point into; positions are read from it.
/// Fails with `RecursionError` or `ValueError` (kind and message as CPython's) where CPython's
/// `ast.dump` raises them.
pub fn dump(
    module: &Mod<'_>,
    source: &str,
    lines: &LineIndex,
    opts: &DumpOptions,
) -> Result<String, SyntaxError> {
    let printer = Printer {
        lines,
        source_len: source.len(),
        opts,
    };
    let root = Val::Node(Node::Mod(module));
    printer.check(root)?;
    let mut out = String::with_capacity(source.len() * 4 + 64);
    printer.print(root, &mut out).map_err(repr_error)?;
    Ok(out)
}

fn repr_error(e: ReprError) -> SyntaxError {
    SyntaxError::new(ErrorKind::ValueError, e.to_string())
}

/// One value `_format` can be called on.
#[derive(Clone, Copy)]
enum Val<'a> {
    Node(Node<'a>),
    List(List<'a>),
    /// An identifier or other `str` field.
    Str(&'a str),
    /// An `int` field (`level`, `conversion`, `is_async`, `simple`, positions).
    Int(i64),
    /// A `Constant.value` or `MatchSingleton.value`.
    Const(&'a Constant<'a>),
    /// A `str` that may hold lone surrogates (`Interpolation.str`).
    Wtf8(&'a Wtf8),
    /// A `None` inside a list (`Dict.keys`, `arguments.kw_defaults`).
    None,
}

impl Val<'_> {
    /// `_format`'s second result: scalars, `[]` and argument-less nodes are simple.
    fn is_simple(&self, p: &Printer<'_>) -> bool {
        match self {
            Val::Node(n) => n.fields(p).len == 0,
            Val::List(l) => l.len() == 0,
            _ => true,
        }
    }
}

/// An AST node: anything `_format` prints as `Class(...)`.
#[derive(Clone, Copy)]
enum Node<'a> {
    Mod(&'a Mod<'a>),
    Stmt(&'a Stmt<'a>),
    Expr(&'a Expr<'a>),
    Pattern(&'a Pattern<'a>),
    TypeParam(&'a TypeParam<'a>),
    Arguments(&'a Arguments<'a>),
    Arg(&'a Arg<'a>),
    Keyword(&'a Keyword<'a>),
    Alias(&'a Alias<'a>),
    WithItem(&'a WithItem<'a>),
    MatchCase(&'a MatchCase<'a>),
    Comprehension(&'a Comprehension<'a>),
    Handler(&'a ExceptHandler<'a>),
    /// A node without fields or attributes: contexts and operators (`Load()`, `Add()`).
    Leaf(&'static str),
}

/// A list-valued field.
#[derive(Clone, Copy)]
enum List<'a> {
    Stmts(&'a [Stmt<'a>]),
    Exprs(&'a [Expr<'a>]),
    DictKeys(&'a [Option<Expr<'a>>]),
    KwDefaults(&'a [Option<&'a Expr<'a>>]),
    Patterns(&'a [Pattern<'a>]),
    TypeParams(&'a [TypeParam<'a>]),
    Keywords(&'a [Keyword<'a>]),
    Aliases(&'a [Alias<'a>]),
    WithItems(&'a [WithItem<'a>]),
    MatchCases(&'a [MatchCase<'a>]),
    Comprehensions(&'a [Comprehension<'a>]),
    Handlers(&'a [ExceptHandler<'a>]),
    Args(&'a [Arg<'a>]),
    Names(&'a [&'a str]),
    CmpOps(&'a [CmpOp]),
}

impl<'a> List<'a> {
    fn len(&self) -> usize {
        match self {
            List::Stmts(s) => s.len(),
            List::Exprs(s) => s.len(),
            List::DictKeys(s) => s.len(),
            List::KwDefaults(s) => s.len(),
            List::Patterns(s) => s.len(),
            List::TypeParams(s) => s.len(),
            List::Keywords(s) => s.len(),
            List::Aliases(s) => s.len(),
            List::WithItems(s) => s.len(),
            List::MatchCases(s) => s.len(),
            List::Comprehensions(s) => s.len(),
            List::Handlers(s) => s.len(),
            List::Args(s) => s.len(),
            List::Names(s) => s.len(),
            List::CmpOps(s) => s.len(),
        }
    }

    /// Element `i`; `i < self.len()`.
    fn get(&self, i: usize) -> Val<'a> {
        match *self {
            List::Stmts(s) => Val::Node(Node::Stmt(&s[i])),
            List::Exprs(s) => Val::Node(Node::Expr(&s[i])),
            List::DictKeys(s) => s[i]
                .as_ref()
                .map_or(Val::None, |e| Val::Node(Node::Expr(e))),
            List::KwDefaults(s) => s[i].map_or(Val::None, |e| Val::Node(Node::Expr(e))),
            List::Patterns(s) => Val::Node(Node::Pattern(&s[i])),
            List::TypeParams(s) => Val::Node(Node::TypeParam(&s[i])),
            List::Keywords(s) => Val::Node(Node::Keyword(&s[i])),
            List::Aliases(s) => Val::Node(Node::Alias(&s[i])),
            List::WithItems(s) => Val::Node(Node::WithItem(&s[i])),
            List::MatchCases(s) => Val::Node(Node::MatchCase(&s[i])),
            List::Comprehensions(s) => Val::Node(Node::Comprehension(&s[i])),
            List::Handlers(s) => Val::Node(Node::Handler(&s[i])),
            List::Args(s) => Val::Node(Node::Arg(&s[i])),
            List::Names(s) => Val::Str(s[i]),
            List::CmpOps(s) => Val::Node(Node::Leaf(cmpop_name(s[i]))),
        }
    }
}

/// Most printed arguments a node can have: `FunctionDef` and `ClassDef` have six fields
/// (`type_comment` is never set) plus four position attributes; `arguments` has seven fields.
const MAX_ARGS: usize = 10;

/// What `_format` prints for one node: its class name and `name=value` arguments, with
/// omitted fields already dropped.
struct Fields<'a> {
    class: &'static str,
    items: [(&'static str, Val<'a>); MAX_ARGS],
    len: usize,
}

impl<'a> Fields<'a> {
    fn new(class: &'static str) -> Self {
        Fields {
            class,
            items: [("", Val::None); MAX_ARGS],
            len: 0,
        }
    }

    fn val(mut self, name: &'static str, v: Val<'a>) -> Self {
        self.items[self.len] = (name, v);
        self.len += 1;
        self
    }

    /// An optional field: left out when `None`.
    fn opt(self, name: &'static str, v: Option<Val<'a>>) -> Self {
        match v {
            Some(v) => self.val(name, v),
            None => self,
        }
    }

    /// A list field: left out when empty.
    fn list(self, name: &'static str, l: List<'a>) -> Self {
        if l.len() == 0 {
            self
        } else {
            self.val(name, Val::List(l))
        }
    }

    fn expr(self, name: &'static str, e: &'a Expr<'a>) -> Self {
        self.val(name, Val::Node(Node::Expr(e)))
    }

    fn opt_expr(self, name: &'static str, e: Option<&'a Expr<'a>>) -> Self {
        self.opt(name, e.map(|e| Val::Node(Node::Expr(e))))
    }

    fn stmts(self, name: &'static str, s: &'a [Stmt<'a>]) -> Self {
        self.list(name, List::Stmts(s))
    }

    fn exprs(self, name: &'static str, s: &'a [Expr<'a>]) -> Self {
        self.list(name, List::Exprs(s))
    }

    fn opt_str(self, name: &'static str, s: Option<&'a str>) -> Self {
        self.opt(name, s.map(Val::Str))
    }

    fn leaf(self, name: &'static str, class: &'static str) -> Self {
        self.val(name, Val::Node(Node::Leaf(class)))
    }

    fn ctx(self, ctx: ExprContext) -> Self {
        self.leaf("ctx", ctx_name(ctx))
    }

    fn type_params(self, tp: &'a [TypeParam<'a>]) -> Self {
        self.list("type_params", List::TypeParams(tp))
    }

    /// Appends the position attributes of a node spanning `span`.
    fn attributes(mut self, span: Span, p: &Printer<'_>) -> Self {
        if !p.opts.include_attributes {
            return self;
        }
        let (line, col) = p.position(span.start);
        let (end_line, end_col) = p.position(span.end);
        for (name, v) in [
            ("lineno", line),
            ("col_offset", col),
            ("end_lineno", end_line),
            ("end_col_offset", end_col),
        ] {
            self = self.val(name, Val::Int(i64::from(v)));
        }
        self
    }
}

/// Walks and prints trees with one set of options.
struct Printer<'p> {
    lines: &'p LineIndex,
    source_len: usize,
    opts: &'p DumpOptions,
}

/// A step of the printing work stack.
enum Job<'a> {
    /// Print a value at a nesting level (`_format`'s `level` argument).
    Val(Val<'a>, usize),
    /// Print fixed text.
    Text(&'static str),
    /// Print `name=`.
    Key(&'static str),
    /// Print a line break and the indentation of a level.
    Break(usize),
}

impl Printer<'_> {
    fn position(&self, offset: u32) -> (u32, u32) {
        // Spans never point past the source; clamping keeps a malformed tree from panicking.
        let offset = offset.min(u32::try_from(self.source_len).unwrap_or(u32::MAX));
        self.lines.line_col(offset)
    }

    /// Finds the first `RecursionError` or `ValueError` CPython's `_format` would raise,
    /// visiting values in the order it formats them.
    fn check(&self, root: Val<'_>) -> Result<(), SyntaxError> {
        // `_format(root)` is frame 1; each node adds a frame for its fields' `_format` calls,
        // each non-empty list adds its generator-expression frame and then the elements'.
        let mut stack = vec![(root, 1usize)];
        let too_deep = || {
            SyntaxError::new(
                ErrorKind::RecursionError,
                "maximum recursion depth exceeded",
            )
        };
        while let Some((v, depth)) = stack.pop() {
            if depth > MAX_FORMAT_FRAMES {
                return Err(too_deep());
            }
            match v {
                Val::Node(n) => {
                    let f = n.fields(self);
                    for &(_, child) in f.items[..f.len].iter().rev() {
                        stack.push((child, depth + 1));
                    }
                }
                Val::List(l) => {
                    if depth + 1 > MAX_FORMAT_FRAMES {
                        return Err(too_deep());
                    }
                    for i in (0..l.len()).rev() {
                        stack.push((l.get(i), depth + 2));
                    }
                }
                Val::Const(c) => check_constant(c)?,
                Val::Str(_) | Val::Int(_) | Val::Wtf8(_) | Val::None => {}
            }
        }
        Ok(())
    }

    fn print(&self, root: Val<'_>, out: &mut String) -> Result<(), ReprError> {
        let mut jobs = vec![Job::Val(root, 0)];
        while let Some(job) = jobs.pop() {
            match job {
                Job::Text(t) => out.push_str(t),
                Job::Key(k) => {
                    out.push_str(k);
                    out.push('=');
                }
                Job::Break(level) => {
                    out.push('\n');
                    let width = self.opts.indent.unwrap_or(0) * level;
                    out.extend(std::iter::repeat_n(' ', width));
                }
                Job::Val(v, level) => self.print_val(v, level, out, &mut jobs)?,
            }
        }
        Ok(())
    }

    /// Prints a scalar directly, or opens a node or list and schedules its contents.
    fn print_val<'a>(
        &self,
        v: Val<'a>,
        level: usize,
        out: &mut String,
        jobs: &mut Vec<Job<'a>>,
    ) -> Result<(), ReprError> {
        // `_format` bumps the level on entry when indenting; contents print at `inner`.
        let inner = level + 1;
        let indent = self.opts.indent.is_some();
        match v {
            Val::Node(n) => {
                let f = n.fields(self);
                out.push_str(f.class);
                out.push('(');
                jobs.push(Job::Text(")"));
                let args = &f.items[..f.len];
                let one_line =
                    !indent || (args.len() <= 3 && args.iter().all(|(_, v)| v.is_simple(self)));
                for (i, &(name, child)) in args.iter().enumerate().rev() {
                    jobs.push(Job::Val(child, inner));
                    jobs.push(Job::Key(name));
                    if one_line {
                        if i > 0 {
                            jobs.push(Job::Text(", "));
                        }
                    } else {
                        jobs.push(Job::Break(inner));
                        if i > 0 {
                            jobs.push(Job::Text(","));
                        }
                    }
                }
            }
            Val::List(l) => {
                out.push('[');
                jobs.push(Job::Text("]"));
                for i in (0..l.len()).rev() {
                    jobs.push(Job::Val(l.get(i), inner));
                    if indent {
                        jobs.push(Job::Break(inner));
                        if i > 0 {
                            jobs.push(Job::Text(","));
                        }
                    } else if i > 0 {
                        jobs.push(Job::Text(", "));
                    }
                }
            }
            Val::Str(s) => write_str_repr(out, Wtf8::from_str(s)),
            Val::Int(n) => write_int_repr(out, n),
            Val::Const(c) => write_constant(out, c)?,
            Val::Wtf8(s) => write_str_repr(out, s),
            Val::None => out.push_str("None"),
        }
        Ok(())
    }
}

/// Nesting bound for constant tuples, which only constant folding produces (the parser never
/// does). CPython's tuple `repr` recurses in C and would exhaust its C stack somewhere deeper;
/// bounding it here keeps the recursive writer below safe.
const MAX_CONSTANT_NESTING: usize = 1000;

/// Checks that `repr(c)` succeeds: big ints within CPython's digit limit, bounded nesting.
fn check_constant(c: &Constant<'_>) -> Result<(), SyntaxError> {
    let mut stack = vec![(c, 0usize)];
    while let Some((c, depth)) = stack.pop() {
        match c {
            Constant::BigInt { digits, .. } => check_bigint_repr(digits).map_err(repr_error)?,
            Constant::Tuple(items) | Constant::FrozenSet(items) => {
                if depth >= MAX_CONSTANT_NESTING {
                    return Err(SyntaxError::new(
                        ErrorKind::RecursionError,
                        "maximum recursion depth exceeded while getting the repr of an object",
                    ));
                }
                stack.extend(items.iter().rev().map(|item| (item, depth + 1)));
            }
            _ => {}
        }
    }
    Ok(())
}

/// Appends `repr(c)`. Tuples and frozensets recurse; callers bound their nesting first (see
/// [`MAX_CONSTANT_NESTING`]).
pub fn write_constant(out: &mut String, c: &Constant<'_>) -> Result<(), ReprError> {
    match *c {
        Constant::None => out.push_str("None"),
        Constant::Bool(b) => out.push_str(if b { "True" } else { "False" }),
        Constant::Ellipsis => out.push_str("Ellipsis"),
        Constant::Int(n) => write_int_repr(out, n),
        Constant::BigInt { negative, digits } => write_bigint_repr(out, negative, digits)?,
        Constant::Float(x) => write_float_repr(out, x),
        Constant::Complex { real, imag } => write_complex_repr(out, real, imag),
        Constant::Str(s) => write_str_repr(out, s),
        Constant::Bytes(b) => write_bytes_repr(out, b),
        Constant::Tuple(items) => {
            out.push('(');
            write_constant_items(out, items)?;
            if items.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
        // Elements print in stored order; whoever builds a frozenset constant stores them in
        // CPython's iteration order.
        Constant::FrozenSet(items) => {
            out.push_str("frozenset(");
            if !items.is_empty() {
                out.push('{');
                write_constant_items(out, items)?;
                out.push('}');
            }
            out.push(')');
        }
    }
    Ok(())
}

fn write_constant_items(out: &mut String, items: &[Constant<'_>]) -> Result<(), ReprError> {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_constant(out, item)?;
    }
    Ok(())
}

impl<'a> Node<'a> {
    /// The class name and the arguments `_format` prints for this node.
    fn fields(&self, p: &Printer<'_>) -> Fields<'a> {
        match *self {
            Node::Mod(m) => mod_fields(m),
            Node::Stmt(s) => stmt_fields(s).attributes(s.span, p),
            Node::Expr(e) => expr_fields(e).attributes(e.span, p),
            Node::Pattern(pat) => pattern_fields(pat).attributes(pat.span, p),
            Node::TypeParam(tp) => {
                let f = match tp.kind {
                    TypeParamKind::TypeVar {
                        name,
                        bound,
                        default_value,
                    } => Fields::new("TypeVar")
                        .val("name", Val::Str(name))
                        .opt_expr("bound", bound)
                        .opt_expr("default_value", default_value),
                    TypeParamKind::ParamSpec {
                        name,
                        default_value,
                    } => Fields::new("ParamSpec")
                        .val("name", Val::Str(name))
                        .opt_expr("default_value", default_value),
                    TypeParamKind::TypeVarTuple {
                        name,
                        default_value,
                    } => Fields::new("TypeVarTuple")
                        .val("name", Val::Str(name))
                        .opt_expr("default_value", default_value),
                };
                f.attributes(tp.span, p)
            }
            Node::Arguments(a) => Fields::new("arguments")
                .list("posonlyargs", List::Args(a.posonlyargs))
                .list("args", List::Args(a.args))
                .opt("vararg", a.vararg.map(|v| Val::Node(Node::Arg(v))))
                .list("kwonlyargs", List::Args(a.kwonlyargs))
                .list("kw_defaults", List::KwDefaults(a.kw_defaults))
                .opt("kwarg", a.kwarg.map(|v| Val::Node(Node::Arg(v))))
                .exprs("defaults", a.defaults),
            Node::Arg(a) => Fields::new("arg")
                .val("arg", Val::Str(a.arg))
                .opt_expr("annotation", a.annotation)
                .attributes(a.span, p),
            Node::Keyword(k) => Fields::new("keyword")
                .opt_str("arg", k.arg)
                .expr("value", k.value)
                .attributes(k.span, p),
            Node::Alias(a) => Fields::new("alias")
                .val("name", Val::Str(a.name))
                .opt_str("asname", a.asname)
                .attributes(a.span, p),
            Node::WithItem(w) => Fields::new("withitem")
                .expr("context_expr", w.context_expr)
                .opt_expr("optional_vars", w.optional_vars),
            Node::MatchCase(c) => Fields::new("match_case")
                .val("pattern", Val::Node(Node::Pattern(c.pattern)))
                .opt_expr("guard", c.guard)
                .stmts("body", c.body),
            Node::Comprehension(c) => Fields::new("comprehension")
                .expr("target", c.target)
                .expr("iter", c.iter)
                .exprs("ifs", c.ifs)
                .val("is_async", Val::Int(i64::from(c.is_async))),
            Node::Handler(h) => Fields::new("ExceptHandler")
                .opt_expr("type", h.type_)
                .opt_str("name", h.name)
                .stmts("body", h.body)
                .attributes(h.span, p),
            Node::Leaf(class) => Fields::new(class),
        }
    }
}

fn mod_fields<'a>(m: &'a Mod<'a>) -> Fields<'a> {
    match *m {
        // `type_ignores` is always empty without `type_comments=True`, so never printed.
        Mod::Module { body } => Fields::new("Module").stmts("body", body),
        Mod::Interactive { body } => Fields::new("Interactive").stmts("body", body),
        Mod::Expression { body } => Fields::new("Expression").expr("body", body),
        Mod::FunctionType { argtypes, returns } => Fields::new("FunctionType")
            .exprs("argtypes", argtypes)
            .expr("returns", returns),
    }
}

fn stmt_fields<'a>(s: &'a Stmt<'a>) -> Fields<'a> {
    match s.kind {
        StmtKind::FunctionDef(f) => Fields::new(if f.is_async {
            "AsyncFunctionDef"
        } else {
            "FunctionDef"
        })
        .val("name", Val::Str(f.name))
        .val("args", Val::Node(Node::Arguments(f.args)))
        .stmts("body", f.body)
        .exprs("decorator_list", f.decorator_list)
        .opt_expr("returns", f.returns)
        .type_params(f.type_params),
        StmtKind::ClassDef(c) => Fields::new("ClassDef")
            .val("name", Val::Str(c.name))
            .exprs("bases", c.bases)
            .list("keywords", List::Keywords(c.keywords))
            .stmts("body", c.body)
            .exprs("decorator_list", c.decorator_list)
            .type_params(c.type_params),
        StmtKind::Return { value } => Fields::new("Return").opt_expr("value", value),
        StmtKind::Delete { targets } => Fields::new("Delete").exprs("targets", targets),
        StmtKind::Assign { targets, value } => Fields::new("Assign")
            .exprs("targets", targets)
            .expr("value", value),
        StmtKind::TypeAlias {
            name,
            type_params,
            value,
        } => Fields::new("TypeAlias")
            .expr("name", name)
            .type_params(type_params)
            .expr("value", value),
        StmtKind::AugAssign { target, op, value } => Fields::new("AugAssign")
            .expr("target", target)
            .leaf("op", operator_name(op))
            .expr("value", value),
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            simple,
        } => Fields::new("AnnAssign")
            .expr("target", target)
            .expr("annotation", annotation)
            .opt_expr("value", value)
            .val("simple", Val::Int(i64::from(simple))),
        StmtKind::For(f) => Fields::new(if f.is_async { "AsyncFor" } else { "For" })
            .expr("target", f.target)
            .expr("iter", f.iter)
            .stmts("body", f.body)
            .stmts("orelse", f.orelse),
        StmtKind::While { test, body, orelse } => Fields::new("While")
            .expr("test", test)
            .stmts("body", body)
            .stmts("orelse", orelse),
        StmtKind::If { test, body, orelse } => Fields::new("If")
            .expr("test", test)
            .stmts("body", body)
            .stmts("orelse", orelse),
        StmtKind::With(w) => Fields::new(if w.is_async { "AsyncWith" } else { "With" })
            .list("items", List::WithItems(w.items))
            .stmts("body", w.body),
        StmtKind::Match { subject, cases } => Fields::new("Match")
            .expr("subject", subject)
            .list("cases", List::MatchCases(cases)),
        StmtKind::Raise { exc, cause } => Fields::new("Raise")
            .opt_expr("exc", exc)
            .opt_expr("cause", cause),
        StmtKind::Try(t) => Fields::new(if t.is_star { "TryStar" } else { "Try" })
            .stmts("body", t.body)
            .list("handlers", List::Handlers(t.handlers))
            .stmts("orelse", t.orelse)
            .stmts("finalbody", t.finalbody),
        StmtKind::Assert { test, msg } => Fields::new("Assert")
            .expr("test", test)
            .opt_expr("msg", msg),
        StmtKind::Import { names } => Fields::new("Import").list("names", List::Aliases(names)),
        StmtKind::ImportFrom {
            module,
            names,
            level,
        } => Fields::new("ImportFrom")
            .opt_str("module", module)
            .list("names", List::Aliases(names))
            .val("level", Val::Int(i64::from(level))),
        StmtKind::Global { names } => Fields::new("Global").list("names", List::Names(names)),
        StmtKind::Nonlocal { names } => Fields::new("Nonlocal").list("names", List::Names(names)),
        StmtKind::Expr { value } => Fields::new("Expr").expr("value", value),
        StmtKind::Pass => Fields::new("Pass"),
        StmtKind::Break => Fields::new("Break"),
        StmtKind::Continue => Fields::new("Continue"),
    }
}

fn expr_fields<'a>(e: &'a Expr<'a>) -> Fields<'a> {
    match e.kind {
        ExprKind::BoolOp { op, values } => Fields::new("BoolOp")
            .leaf("op", if op == BoolOp::And { "And" } else { "Or" })
            .exprs("values", values),
        ExprKind::NamedExpr { target, value } => Fields::new("NamedExpr")
            .expr("target", target)
            .expr("value", value),
        ExprKind::BinOp { left, op, right } => Fields::new("BinOp")
            .expr("left", left)
            .leaf("op", operator_name(op))
            .expr("right", right),
        ExprKind::UnaryOp { op, operand } => Fields::new("UnaryOp")
            .leaf("op", unaryop_name(op))
            .expr("operand", operand),
        ExprKind::Lambda { args, body } => Fields::new("Lambda")
            .val("args", Val::Node(Node::Arguments(args)))
            .expr("body", body),
        ExprKind::IfExp { test, body, orelse } => Fields::new("IfExp")
            .expr("test", test)
            .expr("body", body)
            .expr("orelse", orelse),
        ExprKind::Dict { keys, values } => Fields::new("Dict")
            .list("keys", List::DictKeys(keys))
            .exprs("values", values),
        ExprKind::Set { elts } => Fields::new("Set").exprs("elts", elts),
        ExprKind::ListComp { elt, generators } => Fields::new("ListComp")
            .expr("elt", elt)
            .list("generators", List::Comprehensions(generators)),
        ExprKind::SetComp { elt, generators } => Fields::new("SetComp")
            .expr("elt", elt)
            .list("generators", List::Comprehensions(generators)),
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => Fields::new("DictComp")
            .expr("key", key)
            .expr("value", value)
            .list("generators", List::Comprehensions(generators)),
        ExprKind::GeneratorExp { elt, generators } => Fields::new("GeneratorExp")
            .expr("elt", elt)
            .list("generators", List::Comprehensions(generators)),
        ExprKind::Await { value } => Fields::new("Await").expr("value", value),
        ExprKind::Yield { value } => Fields::new("Yield").opt_expr("value", value),
        ExprKind::YieldFrom { value } => Fields::new("YieldFrom").expr("value", value),
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => Fields::new("Compare")
            .expr("left", left)
            .list("ops", List::CmpOps(ops))
            .exprs("comparators", comparators),
        ExprKind::Call {
            func,
            args,
            keywords,
        } => Fields::new("Call")
            .expr("func", func)
            .exprs("args", args)
            .list("keywords", List::Keywords(keywords)),
        ExprKind::FormattedValue {
            value,
            conversion,
            format_spec,
        } => Fields::new("FormattedValue")
            .expr("value", value)
            .val("conversion", Val::Int(i64::from(conversion.as_int())))
            .opt_expr("format_spec", format_spec),
        ExprKind::Interpolation {
            value,
            str,
            conversion,
            format_spec,
        } => Fields::new("Interpolation")
            .expr("value", value)
            .val("str", Val::Wtf8(str))
            .val("conversion", Val::Int(i64::from(conversion.as_int())))
            .opt_expr("format_spec", format_spec),
        ExprKind::JoinedStr { values } => Fields::new("JoinedStr").exprs("values", values),
        ExprKind::TemplateStr { values } => Fields::new("TemplateStr").exprs("values", values),
        ExprKind::Constant { ref value, kind_u } => Fields::new("Constant")
            .val("value", Val::Const(value))
            .opt("kind", kind_u.then_some(Val::Str("u"))),
        ExprKind::Attribute { value, attr, ctx } => Fields::new("Attribute")
            .expr("value", value)
            .val("attr", Val::Str(attr))
            .ctx(ctx),
        ExprKind::Subscript { value, slice, ctx } => Fields::new("Subscript")
            .expr("value", value)
            .expr("slice", slice)
            .ctx(ctx),
        ExprKind::Starred { value, ctx } => Fields::new("Starred").expr("value", value).ctx(ctx),
        ExprKind::Name { id, ctx } => Fields::new("Name").val("id", Val::Str(id)).ctx(ctx),
        ExprKind::List { elts, ctx } => Fields::new("List").exprs("elts", elts).ctx(ctx),
        ExprKind::Tuple { elts, ctx } => Fields::new("Tuple").exprs("elts", elts).ctx(ctx),
        ExprKind::Slice { lower, upper, step } => Fields::new("Slice")
            .opt_expr("lower", lower)
            .opt_expr("upper", upper)
            .opt_expr("step", step),
    }
}

fn pattern_fields<'a>(p: &'a Pattern<'a>) -> Fields<'a> {
    match p.kind {
        PatternKind::MatchValue { value } => Fields::new("MatchValue").expr("value", value),
        // `MatchSingleton.value` is a plain (non-optional) field, so `None` is printed.
        PatternKind::MatchSingleton { ref value } => {
            Fields::new("MatchSingleton").val("value", Val::Const(value))
        }
        PatternKind::MatchSequence { patterns } => {
            Fields::new("MatchSequence").list("patterns", List::Patterns(patterns))
        }
        PatternKind::MatchMapping {
            keys,
            patterns: ps,
            rest,
        } => Fields::new("MatchMapping")
            .exprs("keys", keys)
            .list("patterns", List::Patterns(ps))
            .opt_str("rest", rest),
        PatternKind::MatchClass {
            cls,
            patterns: ps,
            kwd_attrs,
            kwd_patterns,
        } => Fields::new("MatchClass")
            .expr("cls", cls)
            .list("patterns", List::Patterns(ps))
            .list("kwd_attrs", List::Names(kwd_attrs))
            .list("kwd_patterns", List::Patterns(kwd_patterns)),
        PatternKind::MatchStar { name } => Fields::new("MatchStar").opt_str("name", name),
        PatternKind::MatchAs { pattern, name } => Fields::new("MatchAs")
            .opt("pattern", pattern.map(|p| Val::Node(Node::Pattern(p))))
            .opt_str("name", name),
        PatternKind::MatchOr { patterns: ps } => {
            Fields::new("MatchOr").list("patterns", List::Patterns(ps))
        }
    }
}

fn ctx_name(ctx: ExprContext) -> &'static str {
    match ctx {
        ExprContext::Load => "Load",
        ExprContext::Store => "Store",
        ExprContext::Del => "Del",
    }
}

fn operator_name(op: Operator) -> &'static str {
    match op {
        Operator::Add => "Add",
        Operator::Sub => "Sub",
        Operator::Mult => "Mult",
        Operator::MatMult => "MatMult",
        Operator::Div => "Div",
        Operator::Mod => "Mod",
        Operator::Pow => "Pow",
        Operator::LShift => "LShift",
        Operator::RShift => "RShift",
        Operator::BitOr => "BitOr",
        Operator::BitXor => "BitXor",
        Operator::BitAnd => "BitAnd",
        Operator::FloorDiv => "FloorDiv",
    }
}

fn unaryop_name(op: UnaryOp) -> &'static str {
    match op {
        UnaryOp::Invert => "Invert",
        UnaryOp::Not => "Not",
        UnaryOp::UAdd => "UAdd",
        UnaryOp::USub => "USub",
    }
}

fn cmpop_name(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "Eq",
        CmpOp::NotEq => "NotEq",
        CmpOp::Lt => "Lt",
        CmpOp::LtE => "LtE",
        CmpOp::Gt => "Gt",
        CmpOp::GtE => "GtE",
        CmpOp::Is => "Is",
        CmpOp::IsNot => "IsNot",
        CmpOp::In => "In",
        CmpOp::NotIn => "NotIn",
    }
}

#[cfg(test)]
mod tests;
