//! Pass 1 of the symbol table: walk the statements, create scopes and record raw name facts
//! (CPython's `symtable_visit_stmt` and the scope bookkeeping around it). Expressions,
//! patterns, annotations and comprehensions are in `build_expr.rs`.

use arena::Arena;

use super::flags::*;
use super::{BlockKind, CompKind, ScopeEntry, ScopeId, ScopeKey, SymbolTable, Symbols};
use crate::ast::Span;
use crate::ast::{
    Alias, Arguments, ExceptHandler, Mod, Stmt, StmtKind, TypeParam, TypeParamKind, WithItem,
};
use crate::compile::Locator;
use crate::compile::future::FutureFeatures;
use crate::compile::preprocess::docstring;
use crate::parse::SyntaxError;

pub(super) type Res<T = ()> = Result<T, SyntaxError>;

/// Builds and analyzes the symbol table of `module`.
pub fn build<'a>(
    arena: &'a Arena,
    module: &'a Mod<'a>,
    loc: &Locator<'_>,
    future: FutureFeatures,
) -> Res<SymbolTable<'a>> {
    let mut b = Builder {
        arena,
        loc,
        future,
        table: SymbolTable {
            scopes: Vec::new(),
            keys: Default::default(),
            top: 0,
            mangled_sets: Vec::new(),
        },
        stack: Vec::new(),
        private: None,
        depth: Default::default(),
    };
    let top = b.new_scope("top", BlockKind::Module, ScopeKey::Module, Span::default());
    b.enter_existing(top, true);
    match module {
        Mod::Module { body } => {
            if docstring(body).is_some() {
                b.table.scopes[top].has_docstring = true;
            }
            b.stmts(body)?;
        }
        Mod::Interactive { body } => b.stmts(body)?,
        Mod::Expression { body } => b.expr(body)?,
        Mod::FunctionType { .. } => {
            return Err(SyntaxError::new(
                crate::parse::ErrorKind::SystemError,
                "this compiler does not handle FunctionTypes",
            ));
        }
    }
    b.exit_block();
    let mut table = b.table;
    super::analyze::analyze(&mut table, loc)?;
    Ok(table)
}

pub(super) struct Builder<'a, 'l, 's> {
    pub(super) arena: &'a Arena,
    pub(super) loc: &'l Locator<'s>,
    pub(super) future: FutureFeatures,
    pub(super) table: SymbolTable<'a>,
    /// Scopes being visited, innermost last (CPython's `st_stack`).
    pub(super) stack: Vec<ScopeId>,
    /// The class name for mangling (CPython's `st_private`).
    pub(super) private: Option<&'a str>,
    /// Recursion depth of the walk, for stack growth.
    pub(super) depth: crate::compile::stack::Depth,
}

crate::compile::stack::guarded_walk!(Builder<'_, '_, '_>);

impl<'a> Builder<'a, '_, '_> {
    /// A `SyntaxError` at `span` (locations are only computed for errors).
    pub(super) fn err(&self, msg: impl Into<String>, span: Span) -> crate::parse::SyntaxError {
        self.loc.error(msg, self.loc.span(span))
    }

    // --- Scope bookkeeping ---------------------------------------------------------------

    pub(super) fn cur(&self) -> ScopeId {
        self.stack.last().copied().unwrap_or(self.table.top)
    }

    pub(super) fn ste(&mut self) -> &mut ScopeEntry<'a> {
        let id = self.cur();
        &mut self.table.scopes[id]
    }

    /// A new scope, registered under `key` but not entered (CPython's `ste_new`).
    pub(super) fn new_scope(
        &mut self,
        name: &'a str,
        kind: BlockKind,
        key: ScopeKey,
        loc: Span,
    ) -> ScopeId {
        let parent = self.stack.last().map(|&p| &self.table.scopes[p]);
        let nested = parent.is_some_and(|p| p.nested || p.is_function_like());
        let method =
            parent.is_some_and(|p| p.kind == BlockKind::Class) && kind == BlockKind::Function;
        let id = self.table.scopes.len();
        self.table.scopes.push(ScopeEntry {
            name,
            kind,
            symbols: Symbols::default(),
            varnames: Vec::new(),
            children: Vec::new(),
            directives: Vec::new(),
            mangled_names: None,
            comprehension: CompKind::None,
            loc,
            annotation_block: None,
            scope_info: None,
            comp_iter_expr: 0,
            nested,
            generator: false,
            coroutine: false,
            varargs: false,
            varkeywords: false,
            returns_value: false,
            needs_class_closure: false,
            comp_inlined: false,
            comp_iter_target: false,
            can_see_class_scope: false,
            needs_classdict: false,
            has_conditional_annotations: false,
            in_conditional_block: false,
            in_unevaluated_annotation: false,
            has_docstring: false,
            method,
            annotations_used: false,
        });
        self.table.keys.insert(key, id);
        id
    }

    /// Makes `id` the current scope (CPython's `symtable_enter_existing_block`).
    pub(super) fn enter_existing(&mut self, id: ScopeId, add_to_children: bool) {
        let prev = self.stack.last().copied();
        self.stack.push(id);
        if let Some(prev) = prev {
            // bpo-37757: assignment expressions stay forbidden in the outermost iterable,
            // even inside nested scopes there.
            self.table.scopes[id].comp_iter_expr = self.table.scopes[prev].comp_iter_expr;
            if self.table.scopes[id].kind != BlockKind::Class
                && let Some(set) = self.table.scopes[prev].mangled_names
            {
                self.table.scopes[id].mangled_names = Some(set);
            }
        }
        // Under `from __future__ import annotations` annotation scopes become strings and
        // take no part in the analysis.
        if self.future.annotations() && self.table.scopes[id].kind == BlockKind::Annotation {
            return;
        }
        if add_to_children && let Some(prev) = prev {
            self.table.scopes[prev].children.push(id);
        }
    }

    /// Creates and enters a scope (CPython's `symtable_enter_block`).
    pub(super) fn enter_block(
        &mut self,
        name: &'a str,
        kind: BlockKind,
        key: ScopeKey,
        loc: Span,
    ) -> Res {
        let id = self.new_scope(name, kind, key, loc);
        self.enter_existing(id, true);
        if matches!(
            kind,
            BlockKind::Annotation | BlockKind::TypeVariable | BlockKind::TypeAlias
        ) {
            // The `format` parameter of `__annotate__`, read by the generated prologue.
            self.add_def(".format", DEF_PARAM, loc)?;
            self.add_def(".format", USE, loc)?;
        }
        Ok(())
    }

    pub(super) fn exit_block(&mut self) {
        self.stack.pop();
    }

    // --- Recording names -------------------------------------------------------------------

    /// The flags of `name` (mangled) in scope `id`.
    pub(super) fn lookup_in(&self, id: ScopeId, name: &'a str) -> u16 {
        let mangled = self.table.maybe_mangle(self.arena, self.private, id, name);
        self.table.scopes[id].flags_of(mangled)
    }

    pub(super) fn lookup(&self, name: &'a str) -> u16 {
        self.lookup_in(self.cur(), name)
    }

    /// Adds `flag` to `name` in scope `target` (CPython's `symtable_add_def_helper`; the
    /// name is mangled for the *current* scope).
    pub(super) fn add_def_in(
        &mut self,
        name: &'a str,
        flag: u16,
        target: ScopeId,
        loc: Span,
    ) -> Res {
        let mangled = self
            .table
            .maybe_mangle(self.arena, self.private, self.cur(), name);
        let ste = &mut self.table.scopes[target];
        let comp_iter_target = ste.comp_iter_target;
        let sym = ste.symbols.entry(mangled).or_default();
        if flag & DEF_PARAM != 0 && sym.flags & DEF_PARAM != 0 {
            let msg = format!("duplicate argument '{name}' in function definition");
            return Err(self.err(msg, loc));
        }
        if flag & DEF_TYPE_PARAM != 0 && sym.flags & DEF_TYPE_PARAM != 0 {
            return Err(self.err(format!("duplicate type parameter '{name}'"), loc));
        }
        let mut val = flag | sym.flags;
        if comp_iter_target {
            // An iteration variable of a comprehension: remember it, so that a walrus
            // rebinding it can be rejected.
            if val & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                let msg = format!(
                    "comprehension inner loop cannot rebind assignment expression target '{name}'"
                );
                return Err(self.err(msg, loc));
            }
            val |= DEF_COMP_ITER;
        }
        sym.flags = val;
        if flag & DEF_PARAM != 0 {
            self.table.scopes[target].varnames.push(mangled);
        } else if flag & DEF_GLOBAL != 0 {
            let top = self.table.top;
            self.table.scopes[top]
                .symbols
                .entry(mangled)
                .or_default()
                .flags |= flag;
        }
        Ok(())
    }

    /// CPython's `symtable_add_def`: assignment checks, then record in the current scope.
    pub(super) fn add_def(&mut self, name: &'a str, flag: u16, loc: Span) -> Res {
        let store = flag != USE;
        self.add_def_ctx(name, flag, loc, store, false)
    }

    pub(super) fn add_def_ctx(
        &mut self,
        name: &'a str,
        flag: u16,
        loc: Span,
        store: bool,
        del: bool,
    ) -> Res {
        if flag & (DEF_PARAM | DEF_LOCAL | DEF_IMPORT) != 0 {
            self.check_name(name, loc, store, del)?;
        }
        if flag & DEF_TYPE_PARAM != 0
            && let Some(set) = self.ste().mangled_names
        {
            self.table.mangled_sets[set].push(name);
        }
        let cur = self.cur();
        self.add_def_in(name, flag, cur, loc)
    }

    /// `__debug__` cannot be bound.
    pub(super) fn check_name(&self, name: &str, loc: Span, store: bool, del: bool) -> Res {
        if name == "__debug__" {
            if del {
                return Err(self.err("cannot delete __debug__", loc));
            }
            if store {
                return Err(self.err("cannot assign to __debug__", loc));
            }
        }
        Ok(())
    }

    pub(super) fn record_directive(&mut self, name: &'a str, loc: Span) {
        let cur = self.cur();
        let mangled = self.table.maybe_mangle(self.arena, self.private, cur, name);
        self.table.scopes[cur].directives.push((mangled, loc));
    }

    // --- Statements ------------------------------------------------------------------------

    pub(super) fn stmts(&mut self, stmts: &'a [Stmt<'a>]) -> Res {
        stmts.iter().try_for_each(|s| self.stmt(s))
    }

    /// Runs `f` with the current scope marked as inside a conditional block.
    fn conditional(&mut self, f: impl FnOnce(&mut Self) -> Res) -> Res {
        let saved = self.ste().in_conditional_block;
        self.ste().in_conditional_block = true;
        let r = f(self);
        self.ste().in_conditional_block = saved;
        r
    }

    pub(super) fn stmt(&mut self, s: &'a Stmt<'a>) -> Res {
        self.guarded(|b| b.stmt_inner(s))
    }

    fn stmt_inner(&mut self, s: &'a Stmt<'a>) -> Res {
        let loc = s.span;
        match &s.kind {
            StmtKind::FunctionDef(f) => {
                self.add_def(f.name, DEF_LOCAL, loc)?;
                self.exprs(f.args.defaults)?;
                for d in f.args.kw_defaults.iter().flatten() {
                    self.expr(d)?;
                }
                self.exprs(f.decorator_list)?;
                let generic = !f.type_params.is_empty();
                if generic {
                    let kwdefaults = f.args.kw_defaults.iter().any(Option::is_some);
                    // The parser always gives a (possibly empty) defaults list, so CPython
                    // always declares `.defaults` here.
                    self.enter_type_param_block(
                        f.name,
                        f.type_params,
                        true,
                        kwdefaults,
                        false,
                        loc,
                    )?;
                    self.type_params(f.type_params)?;
                }
                let id = self.new_scope(
                    f.name,
                    BlockKind::Function,
                    ScopeKey::Stmt(ScopeKey::addr(s)),
                    loc,
                );
                if docstring(f.body).is_some() {
                    self.table.scopes[id].has_docstring = true;
                }
                self.function_annotations(s, f.args, f.returns)?;
                self.enter_existing(id, true);
                if f.is_async {
                    self.ste().coroutine = true;
                }
                self.arguments(f.args)?;
                self.stmts(f.body)?;
                self.exit_block();
                if generic {
                    self.exit_block();
                }
            }
            StmtKind::ClassDef(c) => {
                self.add_def(c.name, DEF_LOCAL, loc)?;
                self.exprs(c.decorator_list)?;
                let saved_private = self.private;
                let generic = !c.type_params.is_empty();
                if generic {
                    self.enter_type_param_block(c.name, c.type_params, false, false, true, loc)?;
                    self.private = Some(c.name);
                    self.table.mangled_sets.push(Vec::new());
                    let set = self.table.mangled_sets.len() - 1;
                    self.ste().mangled_names = Some(set);
                    self.type_params(c.type_params)?;
                }
                self.exprs(c.bases)?;
                self.keywords(c.keywords)?;
                self.enter_block(
                    c.name,
                    BlockKind::Class,
                    ScopeKey::Stmt(ScopeKey::addr(s)),
                    loc,
                )?;
                self.private = Some(c.name);
                if generic {
                    self.add_def("__type_params__", DEF_LOCAL, loc)?;
                    self.add_def(".type_params", USE, loc)?;
                }
                if docstring(c.body).is_some() {
                    self.ste().has_docstring = true;
                }
                self.stmts(c.body)?;
                self.exit_block();
                if generic {
                    self.exit_block();
                }
                self.private = saved_private;
            }
            StmtKind::TypeAlias {
                name,
                type_params,
                value,
            } => {
                self.expr(name)?;
                let crate::ast::ExprKind::Name { id: alias, .. } = name.kind else {
                    return Ok(());
                };
                let in_class = self.table.scopes[self.cur()].kind == BlockKind::Class;
                let generic = !type_params.is_empty();
                if generic {
                    self.enter_type_param_block(alias, type_params, false, false, false, loc)?;
                    self.type_params(type_params)?;
                }
                self.enter_block(
                    alias,
                    BlockKind::TypeAlias,
                    ScopeKey::Stmt(ScopeKey::addr(s)),
                    loc,
                )?;
                self.ste().can_see_class_scope = in_class;
                if in_class {
                    self.add_def("__classdict__", USE, value.span)?;
                }
                self.expr(value)?;
                self.exit_block();
                if generic {
                    self.exit_block();
                }
            }
            StmtKind::Return { value } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.ste().returns_value = true;
                }
            }
            StmtKind::Delete { targets } => self.exprs(targets)?,
            StmtKind::Assign { targets, value } => {
                self.exprs(targets)?;
                self.expr(value)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                self.ann_assign(s, target, annotation, *value, *simple)?;
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target)?;
                self.expr(value)?;
            }
            StmtKind::For(f) => {
                if f.is_async {
                    self.require_coroutine("'async for' outside async function", loc)?;
                }
                self.expr(f.target)?;
                self.expr(f.iter)?;
                self.conditional(|b| {
                    b.stmts(f.body)?;
                    b.stmts(f.orelse)
                })?;
            }
            StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.conditional(|b| {
                    b.stmts(body)?;
                    b.stmts(orelse)
                })?;
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.conditional(|b| {
                    b.stmts(body)?;
                    b.stmts(orelse)
                })?;
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                self.conditional(|b| {
                    for case in cases.iter() {
                        b.pattern(case.pattern)?;
                        if let Some(g) = case.guard {
                            b.expr(g)?;
                        }
                        b.stmts(case.body)?;
                    }
                    Ok(())
                })?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                    if let Some(c) = cause {
                        self.expr(c)?;
                    }
                }
            }
            StmtKind::Try(t) => self.conditional(|b| {
                b.stmts(t.body)?;
                t.handlers.iter().try_for_each(|h| b.except_handler(h))?;
                b.stmts(t.orelse)?;
                b.stmts(t.finalbody)
            })?,
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Import { names } => names.iter().try_for_each(|a| self.alias(a))?,
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                names.iter().try_for_each(|a| self.alias(a))?;
                self.check_import_from(s, *module, *level)?;
            }
            StmtKind::Global { names } => {
                for &name in names.iter() {
                    self.declare(name, loc, true)?;
                }
            }
            StmtKind::Nonlocal { names } => {
                for &name in names.iter() {
                    self.declare(name, loc, false)?;
                }
            }
            StmtKind::Expr { value } => self.expr(value)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::With(w) => {
                if w.is_async {
                    self.require_coroutine("'async with' outside async function", loc)?;
                }
                self.conditional(|b| {
                    w.items.iter().try_for_each(|i| b.with_item(i))?;
                    b.stmts(w.body)
                })?;
            }
        }
        Ok(())
    }

    /// `global` / `nonlocal` of one name.
    fn declare(&mut self, name: &'a str, loc: Span, global: bool) -> Res {
        let cur = self.lookup(name);
        if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
            let (kw, what) = if global {
                ("global", "global")
            } else {
                ("nonlocal", "nonlocal")
            };
            let msg = if cur & DEF_PARAM != 0 {
                format!("name '{name}' is parameter and {what}")
            } else if cur & USE != 0 {
                format!("name '{name}' is used prior to {kw} declaration")
            } else if cur & DEF_ANNOT != 0 {
                format!("annotated name '{name}' can't be {kw}")
            } else {
                format!("name '{name}' is assigned to before {kw} declaration")
            };
            return Err(self.err(msg, loc));
        }
        self.add_def(name, if global { DEF_GLOBAL } else { DEF_NONLOCAL }, loc)?;
        self.record_directive(name, loc);
        Ok(())
    }

    /// `async for` / `async with` need an `async def` (or top-level await, which `exec`
    /// compilation never allows).
    fn require_coroutine(&mut self, msg: &str, loc: Span) -> Res {
        if !self.ste().coroutine {
            return Err(self.err(msg, loc));
        }
        Ok(())
    }

    fn check_import_from(&self, s: &Stmt<'_>, module: Option<&str>, level: u32) -> Res {
        let fut = self.future.location;
        let here = self.loc.span(s.span);
        if module == Some("__future__")
            && level == 0
            && (here.lineno > fut.lineno
                || (here.lineno == fut.end_lineno && here.col_offset > fut.end_col_offset))
        {
            return Err(self.err(
                "from __future__ imports must occur at the beginning of the file",
                s.span,
            ));
        }
        Ok(())
    }

    fn alias(&mut self, a: &'a Alias<'a>) -> Res {
        let name = a.asname.unwrap_or(a.name);
        let loc = a.span;
        if name == "*" {
            if self.table.scopes[self.cur()].kind != BlockKind::Module {
                return Err(self.err("import * only allowed at module level", loc));
            }
            return Ok(());
        }
        let store = match name.find('.') {
            Some(dot) => &name[..dot],
            None => name,
        };
        self.add_def(store, DEF_IMPORT, loc)
    }

    fn except_handler(&mut self, h: &'a ExceptHandler<'a>) -> Res {
        if let Some(t) = h.type_ {
            self.expr(t)?;
        }
        if let Some(name) = h.name {
            self.add_def(name, DEF_LOCAL, h.span)?;
        }
        self.stmts(h.body)
    }

    fn with_item(&mut self, item: &'a WithItem<'a>) -> Res {
        self.expr(item.context_expr)?;
        if let Some(v) = item.optional_vars {
            self.expr(v)?;
        }
        Ok(())
    }

    pub(super) fn arguments(&mut self, a: &'a Arguments<'a>) -> Res {
        for arg in a.posonlyargs.iter().chain(a.args).chain(a.kwonlyargs) {
            self.add_def(arg.arg, DEF_PARAM, arg.span)?;
        }
        if let Some(v) = a.vararg {
            self.add_def(v.arg, DEF_PARAM, v.span)?;
            self.ste().varargs = true;
        }
        if let Some(k) = a.kwarg {
            self.add_def(k.arg, DEF_PARAM, k.span)?;
            self.ste().varkeywords = true;
        }
        Ok(())
    }

    /// The scope holding a generic definition's type parameters (CPython's
    /// `symtable_enter_type_param_block`).
    fn enter_type_param_block(
        &mut self,
        name: &'a str,
        params: &'a [TypeParam<'a>],
        defaults: bool,
        kwdefaults: bool,
        is_class: bool,
        loc: Span,
    ) -> Res {
        let in_class = self.table.scopes[self.cur()].kind == BlockKind::Class;
        let key = ScopeKey::TypeParams(params.as_ptr() as usize);
        self.enter_block(name, BlockKind::TypeParameters, key, loc)?;
        if in_class {
            self.ste().can_see_class_scope = true;
            self.add_def("__classdict__", USE, loc)?;
        }
        if is_class {
            // `.type_params` is set when the tuple is built and read for the bases;
            // `.generic_base` holds `Generic[*params]`.
            self.add_def(".type_params", DEF_LOCAL, loc)?;
            self.add_def(".type_params", USE, loc)?;
            self.add_def(".generic_base", DEF_LOCAL, loc)?;
            self.add_def(".generic_base", USE, loc)?;
        }
        if defaults {
            self.add_def(".defaults", DEF_PARAM, loc)?;
        }
        if kwdefaults {
            self.add_def(".kwdefaults", DEF_PARAM, loc)?;
        }
        Ok(())
    }

    fn type_params(&mut self, params: &'a [TypeParam<'a>]) -> Res {
        params.iter().try_for_each(|tp| self.type_param(tp))
    }

    fn type_param(&mut self, tp: &'a TypeParam<'a>) -> Res {
        let loc = tp.span;
        let addr = ScopeKey::addr(tp);
        match tp.kind {
            TypeParamKind::TypeVar {
                name,
                bound,
                default_value,
            } => {
                self.add_def(name, DEF_TYPE_PARAM | DEF_LOCAL, loc)?;
                let info = bound.map(|b| {
                    if matches!(b.kind, crate::ast::ExprKind::Tuple { .. }) {
                        "a TypeVar constraint"
                    } else {
                        "a TypeVar bound"
                    }
                });
                self.type_param_bound_or_default(
                    bound,
                    name,
                    loc,
                    ScopeKey::TypeParam(addr),
                    info,
                )?;
                self.type_param_bound_or_default(
                    default_value,
                    name,
                    loc,
                    ScopeKey::TypeParamDefault(addr),
                    Some("a TypeVar default"),
                )
            }
            TypeParamKind::TypeVarTuple {
                name,
                default_value,
            } => {
                self.add_def(name, DEF_TYPE_PARAM | DEF_LOCAL, loc)?;
                let info = Some("a TypeVarTuple default");
                self.type_param_bound_or_default(
                    default_value,
                    name,
                    loc,
                    ScopeKey::TypeParam(addr),
                    info,
                )
            }
            TypeParamKind::ParamSpec {
                name,
                default_value,
            } => {
                self.add_def(name, DEF_TYPE_PARAM | DEF_LOCAL, loc)?;
                let info = Some("a ParamSpec default");
                self.type_param_bound_or_default(
                    default_value,
                    name,
                    loc,
                    ScopeKey::TypeParam(addr),
                    info,
                )
            }
        }
    }

    fn type_param_bound_or_default(
        &mut self,
        e: Option<&'a crate::ast::Expr<'a>>,
        name: &'a str,
        tp_loc: Span,
        key: ScopeKey,
        info: Option<&'static str>,
    ) -> Res {
        if name == "__classdict__" {
            let msg = format!("reserved name '{name}' cannot be used for type parameter");
            return Err(self.err(msg, tp_loc));
        }
        let Some(e) = e else { return Ok(()) };
        let in_class = self.ste().can_see_class_scope;
        let eloc = e.span;
        self.enter_block(name, BlockKind::TypeVariable, key, eloc)?;
        self.ste().can_see_class_scope = in_class;
        if in_class {
            self.add_def("__classdict__", USE, eloc)?;
        }
        self.ste().scope_info = info;
        self.expr(e)?;
        self.exit_block();
        Ok(())
    }
}
