//! The compiler's placement errors, as a stand-in until rpy has a symbol table and compiler.
//!
//! `compile()` rejects trees the parser accepts when a construct is in the wrong place:
//! `return` or `yield` outside a function, `yield` inside a comprehension, `await` (and
//! `async for`/`async with`) outside an `async def`, `break`/`continue` outside a loop,
//! `nonlocal` outside a nested function. The keyword-typo search needs exactly these, because
//! substituting a keyword often creates one (`retrun 1` at module level becomes `return 1`).
//! Binding errors (`nonlocal x` with no enclosing `x`, ...) are left to the real compiler.

use crate::ast::{Comprehension, Expr, ExprKind, Mod, Stmt, StmtKind};

/// What kind of code a construct sits in.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    Module,
    Class,
    Function,
    AsyncFunction,
    Lambda,
}

#[derive(Clone, Copy)]
struct Ctx {
    scope: Scope,
    /// Inside a `def` that is itself inside a `def` (where `nonlocal` may appear).
    nested_function: bool,
    in_loop: bool,
    in_comprehension: bool,
}

enum Item<'t, 'a> {
    Stmts(&'t [Stmt<'a>], Ctx),
    Expr(&'t Expr<'a>, Ctx),
}

/// True when compiling `module` would fail because a construct is out of place.
pub fn has_misplaced_construct(module: &Mod<'_>) -> bool {
    let ctx = Ctx {
        scope: Scope::Module,
        nested_function: false,
        in_loop: false,
        in_comprehension: false,
    };
    let mut stack = match module {
        Mod::Module { body } | Mod::Interactive { body } => vec![Item::Stmts(body, ctx)],
        Mod::Expression { body } => vec![Item::Expr(body, ctx)],
        Mod::FunctionType { .. } => return false,
    };
    while let Some(item) = stack.pop() {
        let bad = match item {
            Item::Stmts(stmts, ctx) => stmts.iter().any(|s| stmt(s, ctx, &mut stack)),
            Item::Expr(e, ctx) => expr(e, ctx, &mut stack),
        };
        if bad {
            return true;
        }
    }
    false
}

fn in_function(scope: Scope) -> bool {
    matches!(scope, Scope::Function | Scope::AsyncFunction)
}

/// Checks one statement and schedules its children; true when it is out of place.
fn stmt<'t, 'a>(s: &'t Stmt<'a>, ctx: Ctx, stack: &mut Vec<Item<'t, 'a>>) -> bool {
    let exprs = |stack: &mut Vec<Item<'t, 'a>>, es: &'t [Expr<'a>]| {
        stack.extend(es.iter().map(|e| Item::Expr(e, ctx)));
    };
    let body_ctx = Ctx {
        in_loop: false,
        ..ctx
    };
    match s.kind {
        StmtKind::FunctionDef(f) => {
            exprs(stack, f.decorator_list);
            exprs(stack, f.args.defaults);
            stack.extend(
                f.args
                    .kw_defaults
                    .iter()
                    .flatten()
                    .map(|e| Item::Expr(e, ctx)),
            );
            let scope = if f.is_async {
                Scope::AsyncFunction
            } else {
                Scope::Function
            };
            let nested_function = in_function(ctx.scope) || ctx.nested_function;
            stack.push(Item::Stmts(
                f.body,
                Ctx {
                    scope,
                    nested_function,
                    in_loop: false,
                    in_comprehension: false,
                },
            ));
        }
        StmtKind::ClassDef(c) => {
            exprs(stack, c.decorator_list);
            exprs(stack, c.bases);
            stack.extend(c.keywords.iter().map(|k| Item::Expr(k.value, ctx)));
            stack.push(Item::Stmts(
                c.body,
                Ctx {
                    scope: Scope::Class,
                    in_loop: false,
                    ..ctx
                },
            ));
        }
        StmtKind::Return { value } => {
            if !in_function(ctx.scope) {
                return true;
            }
            stack.extend(value.map(|e| Item::Expr(e, ctx)));
        }
        StmtKind::Break | StmtKind::Continue => return !ctx.in_loop,
        StmtKind::Nonlocal { .. } => return !(in_function(ctx.scope) && ctx.nested_function),
        StmtKind::For(f) => {
            if f.is_async && ctx.scope != Scope::AsyncFunction {
                return true;
            }
            stack.push(Item::Expr(f.target, ctx));
            stack.push(Item::Expr(f.iter, ctx));
            stack.push(Item::Stmts(
                f.body,
                Ctx {
                    in_loop: true,
                    ..ctx
                },
            ));
            stack.push(Item::Stmts(f.orelse, ctx));
        }
        StmtKind::While { test, body, orelse } => {
            stack.push(Item::Expr(test, ctx));
            stack.push(Item::Stmts(
                body,
                Ctx {
                    in_loop: true,
                    ..ctx
                },
            ));
            stack.push(Item::Stmts(orelse, ctx));
        }
        StmtKind::With(w) => {
            if w.is_async && ctx.scope != Scope::AsyncFunction {
                return true;
            }
            for item in w.items {
                stack.push(Item::Expr(item.context_expr, ctx));
                stack.extend(item.optional_vars.map(|e| Item::Expr(e, ctx)));
            }
            stack.push(Item::Stmts(w.body, ctx));
        }
        StmtKind::If { test, body, orelse } => {
            stack.push(Item::Expr(test, ctx));
            stack.push(Item::Stmts(body, ctx));
            stack.push(Item::Stmts(orelse, ctx));
        }
        StmtKind::Try(t) => {
            for part in [t.body, t.orelse, t.finalbody] {
                stack.push(Item::Stmts(part, ctx));
            }
            for h in t.handlers {
                stack.extend(h.type_.map(|e| Item::Expr(e, ctx)));
                stack.push(Item::Stmts(h.body, ctx));
            }
        }
        StmtKind::Match { subject, cases } => {
            stack.push(Item::Expr(subject, ctx));
            for c in cases {
                stack.extend(c.guard.map(|e| Item::Expr(e, ctx)));
                stack.push(Item::Stmts(c.body, ctx));
            }
        }
        StmtKind::Delete { targets } => exprs(stack, targets),
        StmtKind::Assign { targets, value } => {
            exprs(stack, targets);
            stack.push(Item::Expr(value, ctx));
        }
        StmtKind::TypeAlias { value, .. } => stack.push(Item::Expr(value, body_ctx)),
        StmtKind::AugAssign { target, value, .. } => {
            stack.push(Item::Expr(target, ctx));
            stack.push(Item::Expr(value, ctx));
        }
        StmtKind::AnnAssign { target, value, .. } => {
            stack.push(Item::Expr(target, ctx));
            stack.extend(value.map(|e| Item::Expr(e, ctx)));
        }
        StmtKind::Raise { exc, cause } => {
            stack.extend(exc.into_iter().chain(cause).map(|e| Item::Expr(e, ctx)));
        }
        StmtKind::Assert { test, msg } => {
            stack.push(Item::Expr(test, ctx));
            stack.extend(msg.map(|e| Item::Expr(e, ctx)));
        }
        StmtKind::Expr { value } => stack.push(Item::Expr(value, ctx)),
        StmtKind::Import { .. }
        | StmtKind::ImportFrom { .. }
        | StmtKind::Global { .. }
        | StmtKind::Pass => {}
    }
    false
}

/// Checks one expression and schedules its children; true when it is out of place.
fn expr<'t, 'a>(e: &'t Expr<'a>, ctx: Ctx, stack: &mut Vec<Item<'t, 'a>>) -> bool {
    let mut push = |e: &'t Expr<'a>| stack.push(Item::Expr(e, ctx));
    match e.kind {
        ExprKind::Await { value } => {
            if ctx.scope != Scope::AsyncFunction {
                return true;
            }
            push(value);
        }
        ExprKind::Yield { value } => {
            if ctx.in_comprehension || !(in_function(ctx.scope) || ctx.scope == Scope::Lambda) {
                return true;
            }
            value.into_iter().for_each(push);
        }
        ExprKind::YieldFrom { value } => {
            if ctx.in_comprehension || !(in_function(ctx.scope) || ctx.scope == Scope::Lambda) {
                return true;
            }
            push(value);
        }
        ExprKind::Lambda { args, body } => {
            args.defaults.iter().for_each(&mut push);
            args.kw_defaults
                .iter()
                .flatten()
                .copied()
                .for_each(&mut push);
            stack.push(Item::Expr(
                body,
                Ctx {
                    scope: Scope::Lambda,
                    in_loop: false,
                    in_comprehension: false,
                    ..ctx
                },
            ));
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            comprehension(&[elt], generators, ctx, stack)
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => comprehension(&[key, value], generators, ctx, stack),
        ExprKind::BoolOp { values, .. } => values.iter().for_each(push),
        ExprKind::NamedExpr { target, value } => [target, value].into_iter().for_each(push),
        ExprKind::BinOp { left, right, .. } => [left, right].into_iter().for_each(push),
        ExprKind::UnaryOp { operand, .. } => push(operand),
        ExprKind::IfExp { test, body, orelse } => [test, body, orelse].into_iter().for_each(push),
        ExprKind::Dict { keys, values } => {
            keys.iter().flatten().for_each(&mut push);
            values.iter().for_each(push);
        }
        ExprKind::Set { elts }
        | ExprKind::List { elts, .. }
        | ExprKind::Tuple { elts, .. }
        | ExprKind::JoinedStr { values: elts }
        | ExprKind::TemplateStr { values: elts } => elts.iter().for_each(push),
        ExprKind::Compare {
            left, comparators, ..
        } => {
            push(left);
            comparators.iter().for_each(push);
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            push(func);
            args.iter().for_each(&mut push);
            keywords.iter().for_each(|k| push(k.value));
        }
        ExprKind::FormattedValue {
            value, format_spec, ..
        }
        | ExprKind::Interpolation {
            value, format_spec, ..
        } => {
            push(value);
            format_spec.into_iter().for_each(push);
        }
        ExprKind::Attribute { value, .. } | ExprKind::Starred { value, .. } => push(value),
        ExprKind::Subscript { value, slice, .. } => [value, slice].into_iter().for_each(push),
        ExprKind::Slice { lower, upper, step } => {
            lower.into_iter().chain(upper).chain(step).for_each(push)
        }
        ExprKind::Constant { .. } | ExprKind::Name { .. } => {}
    }
    false
}

/// Schedules a comprehension: the first iterable belongs to the enclosing code, the rest to
/// the comprehension's own scope.
fn comprehension<'t, 'a>(
    results: &[&'t Expr<'a>],
    generators: &'t [Comprehension<'a>],
    ctx: Ctx,
    stack: &mut Vec<Item<'t, 'a>>,
) {
    let inner = Ctx {
        in_comprehension: true,
        ..ctx
    };
    for (i, g) in generators.iter().enumerate() {
        stack.push(Item::Expr(g.iter, if i == 0 { ctx } else { inner }));
        stack.push(Item::Expr(g.target, inner));
        stack.extend(g.ifs.iter().map(|e| Item::Expr(e, inner)));
    }
    stack.extend(results.iter().map(|e| Item::Expr(e, inner)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{Mode, parse_bytes};

    fn misplaced(src: &str) -> bool {
        let arena = arena::Arena::new();
        let parsed = parse_bytes(&arena, src.as_bytes(), Mode::Exec).expect("test source parses");
        has_misplaced_construct(&parsed.module)
    }

    #[test]
    fn placement_errors_match_compile() {
        // compile(src, "<s>", "exec") raises SyntaxError in CPython 3.14 for each of these.
        for src in [
            "return 1",
            "yield x",
            "x = a is await b",
            "def f():\n    await x",
            "async def f():\n    lambda: await x",
            "def f():\n    [(yield) for x in y]",
            "break",
            "for x in y:\n    pass\nelse:\n    continue",
            "for x in y:\n    def f():\n        break",
            "nonlocal x",
            "def f():\n    nonlocal x",
            "class C:\n    return 1",
            "async for x in y: pass",
            "def f():\n    async with x: pass",
        ] {
            assert!(misplaced(src), "{src:?} should be rejected");
        }
        // ...and compiles these.
        for src in [
            "def f():\n    return (yield)",
            "f = lambda: (yield)",
            "async def f():\n    await x\n    [await y for y in z]\n    async for a in b: pass",
            "for x in y:\n    if x:\n        break\n    try:\n        continue\n    finally:\n        pass",
            "while x:\n    with y:\n        break",
            "def f():\n    x = 1\n    def g():\n        nonlocal x",
            "x = [y for y in z if y]",
        ] {
            assert!(!misplaced(src), "{src:?} should be accepted");
        }
    }
}
