//! Pass 1 of the symbol table for expressions, patterns, annotations and comprehensions
//! (CPython's `symtable_visit_expr` and friends).

use super::build::{Builder, Res};
use super::flags::*;
use super::{BlockKind, CompKind, ScopeKey};
use crate::ast::Span;
use crate::ast::{
    Arguments, Comprehension, Expr, ExprContext, ExprKind, Keyword, Pattern, PatternKind, Stmt,
};

impl<'a> Builder<'a, '_, '_> {
    pub(super) fn exprs(&mut self, exprs: &'a [Expr<'a>]) -> Res {
        exprs.iter().try_for_each(|e| self.expr(e))
    }

    pub(super) fn keywords(&mut self, keywords: &'a [Keyword<'a>]) -> Res {
        for k in keywords {
            if let Some(arg) = k.arg {
                self.check_name(arg, k.span, true, false)?;
            }
        }
        keywords.iter().try_for_each(|k| self.expr(k.value))
    }

    pub(super) fn expr(&mut self, e: &'a Expr<'a>) -> Res {
        self.guarded(|b| b.expr_inner(e))
    }

    fn expr_inner(&mut self, e: &'a Expr<'a>) -> Res {
        let loc = e.span;
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                self.raise_if_annotation_block("named expression", loc)?;
                if self.ste().comp_iter_expr > 0 {
                    let msg = "assignment expression cannot be used in a comprehension iterable expression";
                    return Err(self.err(msg, loc));
                }
                if self.ste().comprehension != CompKind::None {
                    self.extend_namedexpr_scope(target)?;
                }
                self.expr(value)?;
                self.expr(target)?;
            }
            ExprKind::BoolOp { values, .. } => self.exprs(values)?,
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.exprs(args.defaults)?;
                for d in args.kw_defaults.iter().flatten() {
                    self.expr(d)?;
                }
                self.enter_block(
                    "lambda",
                    BlockKind::Function,
                    ScopeKey::Expr(ScopeKey::addr(e)),
                    loc,
                )?;
                self.arguments(args)?;
                self.expr(body)?;
                self.exit_block();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.expr(k)?;
                }
                self.exprs(values)?;
            }
            ExprKind::Set { elts } => self.exprs(elts)?,
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, "listcomp", CompKind::List, generators, elt, None)?;
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, "setcomp", CompKind::Set, generators, elt, None)?;
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                self.comprehension(e, "dictcomp", CompKind::Dict, generators, key, Some(value))?;
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, "genexpr", CompKind::Generator, generators, elt, None)?;
            }
            ExprKind::Yield { value } => {
                self.raise_if_annotation_block("yield expression", loc)?;
                if let Some(v) = value {
                    self.expr(v)?;
                }
                self.yield_seen(loc)?;
            }
            ExprKind::YieldFrom { value } => {
                self.raise_if_annotation_block("yield expression", loc)?;
                self.expr(value)?;
                self.yield_seen(loc)?;
            }
            ExprKind::Await { value } => {
                self.raise_if_annotation_block("await expression", loc)?;
                let ste = self.ste();
                if !ste.is_function_like() {
                    return Err(self.err("'await' outside function", loc));
                }
                let async_def = ste.kind == BlockKind::Function && ste.coroutine;
                if !async_def && ste.comprehension == CompKind::None {
                    return Err(self.err("'await' outside async function", loc));
                }
                self.expr(value)?;
                self.ste().coroutine = true;
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left)?;
                self.exprs(comparators)?;
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                self.exprs(args)?;
                self.keywords(keywords)?;
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            }
            | ExprKind::Interpolation {
                value, format_spec, ..
            } => {
                self.expr(value)?;
                if let Some(f) = format_spec {
                    self.expr(f)?;
                }
            }
            ExprKind::JoinedStr { values } | ExprKind::TemplateStr { values } => {
                self.exprs(values)?;
            }
            ExprKind::Constant { .. } => {}
            ExprKind::Attribute { value, attr, ctx } => {
                let (store, del) = ctx_flags(*ctx);
                self.check_name(attr, loc, store, del)?;
                self.expr(value)?;
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
            }
            ExprKind::Starred { value, .. } => self.expr(value)?,
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part)?;
                }
            }
            ExprKind::Name { id, ctx } => {
                if !self.ste().in_unevaluated_annotation {
                    // The preprocessor turns a load of `__debug__` into a constant, so
                    // CPython's symbol table never sees it.
                    if *ctx == ExprContext::Load && *id == "__debug__" {
                        return Ok(());
                    }
                    let (store, del) = ctx_flags(*ctx);
                    let flag = if *ctx == ExprContext::Load {
                        USE
                    } else {
                        DEF_LOCAL
                    };
                    self.add_def_ctx(id, flag, loc, store, del)?;
                    // `super()` needs the `__class__` cell.
                    if *ctx == ExprContext::Load && self.ste().is_function_like() && *id == "super"
                    {
                        self.add_def("__class__", USE, loc)?;
                    }
                }
            }
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.exprs(elts)?,
        }
        Ok(())
    }

    fn yield_seen(&mut self, loc: Span) -> Res {
        self.ste().generator = true;
        let msg = match self.ste().comprehension {
            CompKind::None => return Ok(()),
            CompKind::List => "'yield' inside list comprehension",
            CompKind::Set => "'yield' inside set comprehension",
            CompKind::Dict => "'yield' inside dict comprehension",
            CompKind::Generator => "'yield' inside generator expression",
        };
        Err(self.err(msg, loc))
    }

    fn raise_if_annotation_block(&mut self, what: &str, loc: Span) -> Res {
        let ste = self.ste();
        let msg = match ste.kind {
            BlockKind::Annotation => format!("{what} cannot be used within an annotation"),
            BlockKind::TypeVariable => {
                format!(
                    "{what} cannot be used within {}",
                    ste.scope_info.unwrap_or("a TypeVar bound")
                )
            }
            BlockKind::TypeAlias => format!("{what} cannot be used within a type alias"),
            BlockKind::TypeParameters => {
                format!("{what} cannot be used within the definition of a generic")
            }
            _ => return Ok(()),
        };
        Err(self.err(msg, loc))
    }

    /// A walrus inside a comprehension binds in the nearest enclosing function or module
    /// (CPython's `symtable_extend_namedexpr_scope`).
    fn extend_namedexpr_scope(&mut self, target: &'a Expr<'a>) -> Res {
        let ExprKind::Name { id: name, .. } = target.kind else {
            return Ok(());
        };
        let loc = target.span;
        for i in (0..self.stack.len()).rev() {
            let id = self.stack[i];
            let (kind, comp) = (
                self.table.scopes[id].kind,
                self.table.scopes[id].comprehension,
            );
            if comp != CompKind::None {
                let flags = self.lookup_in(id, name);
                if flags & DEF_COMP_ITER != 0 && flags & DEF_LOCAL != 0 {
                    let msg = format!(
                        "assignment expression cannot rebind comprehension iteration variable '{name}'"
                    );
                    return Err(self.err(msg, loc));
                }
                continue;
            }
            match kind {
                BlockKind::Function => {
                    let flags = self.lookup_in(id, name);
                    let decl = if flags & DEF_GLOBAL != 0 {
                        DEF_GLOBAL
                    } else {
                        DEF_NONLOCAL
                    };
                    self.add_def(name, decl, loc)?;
                    self.record_directive(name, loc);
                    return self.add_def_in(name, DEF_LOCAL, id, loc);
                }
                BlockKind::Module => {
                    self.add_def(name, DEF_GLOBAL, loc)?;
                    self.record_directive(name, loc);
                    return self.add_def_in(name, DEF_GLOBAL, id, loc);
                }
                BlockKind::Class => {
                    let msg = "assignment expression within a comprehension cannot be used in a class body";
                    return Err(self.err(msg, loc));
                }
                BlockKind::TypeParameters => {
                    let msg = "assignment expression within a comprehension cannot be used within the definition of a generic";
                    return Err(self.err(msg, loc));
                }
                BlockKind::TypeAlias => {
                    let msg = "assignment expression within a comprehension cannot be used in a type alias";
                    return Err(self.err(msg, loc));
                }
                BlockKind::TypeVariable => {
                    let msg = "assignment expression within a comprehension cannot be used in a TypeVar bound";
                    return Err(self.err(msg, loc));
                }
                // CPython falls through annotation scopes to the enclosing one.
                BlockKind::Annotation => {}
            }
        }
        Ok(())
    }

    /// A comprehension: its outermost iterable is evaluated in the enclosing scope, the rest
    /// in a new function scope taking the iterator as `.0`.
    fn comprehension(
        &mut self,
        e: &'a Expr<'a>,
        name: &'a str,
        kind: CompKind,
        generators: &'a [Comprehension<'a>],
        elt: &'a Expr<'a>,
        value: Option<&'a Expr<'a>>,
    ) -> Res {
        let Some(outermost) = generators.first() else {
            return Ok(());
        };
        let is_generator = kind == CompKind::Generator;
        self.ste().comp_iter_expr += 1;
        let r = self.expr(outermost.iter);
        self.ste().comp_iter_expr -= 1;
        r?;
        let loc = e.span;
        self.enter_block(
            name,
            BlockKind::Function,
            ScopeKey::Expr(ScopeKey::addr(e)),
            loc,
        )?;
        self.ste().comprehension = kind;
        if outermost.is_async {
            self.ste().coroutine = true;
        }
        let scope_loc = self.ste().loc;
        self.add_def(".0", DEF_PARAM, scope_loc)?;
        self.ste().comp_iter_target = true;
        let r = self.expr(outermost.target);
        self.ste().comp_iter_target = false;
        r?;
        self.exprs(outermost.ifs)?;
        for g in &generators[1..] {
            self.ste().comp_iter_target = true;
            let r = self.expr(g.target);
            self.ste().comp_iter_target = false;
            r?;
            self.ste().comp_iter_expr += 1;
            let r = self.expr(g.iter);
            self.ste().comp_iter_expr -= 1;
            r?;
            self.exprs(g.ifs)?;
            if g.is_async {
                self.ste().coroutine = true;
            }
        }
        if let Some(v) = value {
            self.expr(v)?;
        }
        self.expr(elt)?;
        self.ste().generator = is_generator;
        let is_async = self.ste().coroutine && !is_generator;
        self.exit_block();
        let outer = self.ste();
        let async_def = outer.kind == BlockKind::Function && outer.coroutine;
        if is_async && !async_def && outer.comprehension == CompKind::None {
            let msg = "asynchronous comprehension outside of an asynchronous function";
            return Err(self.err(msg, loc));
        }
        if is_async {
            self.ste().coroutine = true;
        }
        Ok(())
    }

    // --- Annotations ---------------------------------------------------------------------

    /// The `__annotate__` scope of a function's parameters and return annotation, created
    /// in the enclosing scope (CPython's `symtable_visit_annotations`).
    pub(super) fn function_annotations(
        &mut self,
        s: &'a Stmt<'a>,
        args: &'a Arguments<'a>,
        returns: Option<&'a Expr<'a>>,
    ) -> Res {
        let in_class = self.ste().can_see_class_scope;
        let cur_kind = self.ste().kind;
        let loc = s.span;
        self.enter_block(
            "__annotate__",
            BlockKind::Annotation,
            ScopeKey::Args(ScopeKey::addr(args)),
            loc,
        )?;
        if in_class || cur_kind == BlockKind::Class {
            self.ste().can_see_class_scope = true;
            self.add_def("__classdict__", USE, loc)?;
        }
        for arg in args.posonlyargs.iter().chain(args.args) {
            if let Some(a) = arg.annotation {
                self.ste().annotations_used = true;
                self.expr(a)?;
            }
        }
        for arg in [args.vararg, args.kwarg].into_iter().flatten() {
            if let Some(a) = arg.annotation {
                self.ste().annotations_used = true;
                self.expr(a)?;
            }
        }
        for arg in args.kwonlyargs {
            if let Some(a) = arg.annotation {
                self.ste().annotations_used = true;
                self.expr(a)?;
            }
        }
        if let Some(r) = returns {
            self.ste().annotations_used = true;
            self.expr(r)?;
        }
        self.exit_block();
        Ok(())
    }

    pub(super) fn ann_assign(
        &mut self,
        s: &'a Stmt<'a>,
        target: &'a Expr<'a>,
        annotation: &'a Expr<'a>,
        value: Option<&'a Expr<'a>>,
        simple: bool,
    ) -> Res {
        self.ste().annotations_used = true;
        if let ExprKind::Name { id, .. } = target.kind {
            let cur = self.lookup(id);
            let at_module = self.cur() == self.table.top;
            if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && !at_module && simple {
                let msg = if cur & DEF_GLOBAL != 0 {
                    format!("annotated name '{id}' can't be global")
                } else {
                    format!("annotated name '{id}' can't be nonlocal")
                };
                return Err(self.err(msg, s.span));
            }
            let tloc = target.span;
            if simple {
                self.add_def(id, DEF_ANNOT | DEF_LOCAL, tloc)?;
            } else if value.is_some() {
                self.add_def(id, DEF_LOCAL, tloc)?;
            }
        } else {
            self.expr(target)?;
        }
        let key = ScopeKey::AnnotationsOf(self.cur());
        self.annotation(annotation, key)?;
        if let Some(v) = value {
            self.expr(v)?;
        }
        Ok(())
    }

    /// An annotated assignment's annotation, visited in the module's or class's (shared)
    /// annotation scope; in a function it is never evaluated.
    fn annotation(&mut self, annotation: &'a Expr<'a>, key: ScopeKey) -> Res {
        let parent = self.cur();
        let is_unevaluated = self.table.scopes[parent].kind == BlockKind::Function;
        let loc = annotation.span;
        let p = &self.table.scopes[parent];
        if ((p.kind == BlockKind::Class && p.in_conditional_block) || p.kind == BlockKind::Module)
            && !p.has_conditional_annotations
        {
            self.table.scopes[parent].has_conditional_annotations = true;
            self.add_def("__conditional_annotations__", USE, loc)?;
        }
        match self.table.scopes[parent].annotation_block {
            None => {
                let parent_kind = self.table.scopes[parent].kind;
                self.enter_block("__annotate__", BlockKind::Annotation, key, loc)?;
                let block = self.cur();
                self.table.scopes[parent].annotation_block = Some(block);
                if parent_kind == BlockKind::Class && !self.future.annotations() {
                    self.ste().can_see_class_scope = true;
                    self.add_def("__classdict__", USE, loc)?;
                }
            }
            Some(block) => self.enter_existing(block, false),
        }
        if is_unevaluated {
            self.ste().in_unevaluated_annotation = true;
        }
        let r = self.expr(annotation);
        if is_unevaluated {
            self.ste().in_unevaluated_annotation = false;
        }
        self.exit_block();
        r
    }

    // --- Patterns --------------------------------------------------------------------------

    pub(super) fn pattern(&mut self, p: &'a Pattern<'a>) -> Res {
        self.guarded(|b| b.pattern_inner(p))
    }

    fn pattern_inner(&mut self, p: &'a Pattern<'a>) -> Res {
        let loc = p.span;
        match &p.kind {
            PatternKind::MatchValue { value } => self.expr(value)?,
            PatternKind::MatchSingleton { .. } => {}
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                patterns.iter().try_for_each(|q| self.pattern(q))?;
            }
            PatternKind::MatchStar { name } => {
                if let Some(n) = name {
                    self.add_def(n, DEF_LOCAL, loc)?;
                }
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                self.exprs(keys)?;
                patterns.iter().try_for_each(|q| self.pattern(q))?;
                if let Some(r) = rest {
                    self.add_def(r, DEF_LOCAL, loc)?;
                }
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                self.expr(cls)?;
                patterns.iter().try_for_each(|q| self.pattern(q))?;
                for (attr, kp) in kwd_attrs.iter().zip(kwd_patterns.iter()) {
                    self.check_name(attr, kp.span, true, false)?;
                }
                kwd_patterns.iter().try_for_each(|q| self.pattern(q))?;
            }
            PatternKind::MatchAs { pattern, name } => {
                if let Some(q) = pattern {
                    self.pattern(q)?;
                }
                if let Some(n) = name {
                    self.add_def(n, DEF_LOCAL, loc)?;
                }
            }
        }
        Ok(())
    }
}

/// (store, delete) for `__debug__` checks.
fn ctx_flags(ctx: ExprContext) -> (bool, bool) {
    (ctx == ExprContext::Store, ctx == ExprContext::Del)
}
