//! Statements: bodies and docstrings, assignments, control flow (`if`, `while`, `for`,
//! `async for`), `assert`, `raise`, imports and expression statements (CPython's
//! `codegen_visit_stmt` and the helpers it calls directly).

use super::{Compiler, Ctx, FBlock, FBlockKind, Res, ScopeType};
use crate::ast::{Alias, Expr, ExprKind, Stmt, StmtKind};
use crate::compile::preprocess::{clean_doc, constant, docstring};
use crate::compile::{Const, Location};
use crate::instr::Opcode;

/// `INTRINSIC_PRINT`.
const INTRINSIC_PRINT: u32 = 1;
/// `INTRINSIC_IMPORT_STAR`.
const INTRINSIC_IMPORT_STAR: u32 = 2;
/// `CONSTANT_ASSERTIONERROR` (`LOAD_COMMON_CONSTANT`).
const CONSTANT_ASSERTIONERROR: u32 = 0;

impl<'a> Compiler<'a, '_> {
    /// A module or class body: docstring, statements, then the deferred annotations
    /// (CPython's `codegen_body`).
    pub(crate) fn body(&mut self, loc: Location, stmts: &'a [Stmt<'a>], interactive: bool) -> Res {
        if self.future.annotations() && self.ste().annotations_used {
            self.emit(Opcode::SETUP_ANNOTATIONS, 0, loc);
        }
        if stmts.is_empty() {
            return Ok(());
        }
        let mut first = 0;
        if !interactive
            && self.ste().has_docstring
            && let Some(doc) = docstring(stmts)
            && let StmtKind::Expr { value } = stmts[0].kind
        {
            first = 1;
            let dloc = self.eloc(value);
            self.load_const(Const::Str(std::rc::Rc::new(clean_doc(doc)?)), dloc);
            self.nameop("__doc__", Ctx::Store, Location::NONE)?;
        }
        for s in &stmts[first..] {
            self.visit_stmt(s)?;
        }
        if !self.future.annotations() {
            self.process_deferred_annotations(loc)?;
        }
        Ok(())
    }

    pub(crate) fn stmts(&mut self, stmts: &'a [Stmt<'a>]) -> Res {
        stmts.iter().try_for_each(|s| self.visit_stmt(s))
    }

    /// Runs `f` inside a conditional block (annotations there may not run).
    fn conditional(&mut self, f: impl FnOnce(&mut Self) -> Res) -> Res {
        self.um().in_conditional_block += 1;
        let r = f(self);
        // After an error the unit stack is abandoned mid-way; leave it be.
        if r.is_ok() {
            self.um().in_conditional_block -= 1;
        }
        r
    }

    pub(crate) fn visit_stmt(&mut self, s: &'a Stmt<'a>) -> Res {
        self.guarded(|c| c.visit_stmt_inner(s))
    }

    fn visit_stmt_inner(&mut self, s: &'a Stmt<'a>) -> Res {
        let loc = self.span(s.span);
        match &s.kind {
            StmtKind::FunctionDef(f) => self.function_def(s, f),
            StmtKind::ClassDef(c) => self.class_def(s, c),
            StmtKind::TypeAlias {
                name,
                type_params,
                value,
            } => self.type_alias(s, name, type_params, value),
            StmtKind::Return { value } => self.return_stmt(s, *value),
            StmtKind::Delete { targets } => targets.iter().try_for_each(|t| self.visit_expr(t)),
            StmtKind::Assign { targets, value } => {
                self.visit_expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Opcode::COPY, 1, loc);
                    }
                    self.visit_expr(t)?;
                }
                Ok(())
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(s, target, *op, value),
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.ann_assign(s, target, annotation, *value, *simple),
            StmtKind::For(f) => self.conditional(|c| {
                if f.is_async {
                    c.async_for(s, f)
                } else {
                    c.for_stmt(s, f)
                }
            }),
            StmtKind::While { test, body, orelse } => {
                self.conditional(|c| c.while_stmt(s, test, body, orelse))
            }
            StmtKind::If { test, body, orelse } => {
                self.conditional(|c| c.if_stmt(s, test, body, orelse))
            }
            StmtKind::Match { subject, cases } => {
                self.conditional(|c| c.match_stmt(subject, cases))
            }
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.visit_expr(e)?;
                    n += 1;
                    if let Some(c) = cause {
                        self.visit_expr(c)?;
                        n += 1;
                    }
                }
                self.emit(Opcode::RAISE_VARARGS, n, loc);
                Ok(())
            }
            StmtKind::Try(t) => self.conditional(|c| c.try_stmt(s, t)),
            StmtKind::Assert { test, msg } => self.assert_stmt(s, test, *msg),
            StmtKind::Import { names } => self.import(loc, names),
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => self.import_from(loc, *module, names, *level),
            StmtKind::Global { .. } | StmtKind::Nonlocal { .. } => Ok(()),
            StmtKind::Expr { value } => self.expr_stmt(loc, value),
            StmtKind::Pass => {
                self.emit(Opcode::NOP, 0, loc);
                Ok(())
            }
            StmtKind::Break => self.break_stmt(loc),
            StmtKind::Continue => self.continue_stmt(loc),
            StmtKind::With(w) => self.conditional(|c| c.with_stmt(w, 0)),
        }
    }

    fn expr_stmt(&mut self, loc: Location, value: &'a Expr<'a>) -> Res {
        if self.interactive && self.units.len() == 1 {
            self.visit_expr(value)?;
            self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_PRINT, loc);
            self.emit(Opcode::POP_TOP, 0, Location::NONE);
            return Ok(());
        }
        if constant(value).is_some() {
            // A constant statement (a string used as a comment) only marks the line.
            self.emit(Opcode::NOP, 0, loc);
            return Ok(());
        }
        self.visit_expr(value)?;
        self.emit(Opcode::POP_TOP, 0, Location::NONE);
        Ok(())
    }

    fn if_stmt(
        &mut self,
        s: &'a Stmt<'a>,
        test: &'a Expr<'a>,
        body: &'a [Stmt<'a>],
        orelse: &'a [Stmt<'a>],
    ) -> Res {
        let end = self.new_label();
        let next = if orelse.is_empty() {
            end
        } else {
            self.new_label()
        };
        self.jump_if(self.span(s.span), test, next, false)?;
        self.stmts(body)?;
        if !orelse.is_empty() {
            self.emit_jump(Opcode::JUMP_NO_INTERRUPT, end, Location::NONE);
            self.use_label(next);
            self.stmts(orelse)?;
        }
        self.use_label(end);
        Ok(())
    }

    fn while_stmt(
        &mut self,
        s: &'a Stmt<'a>,
        test: &'a Expr<'a>,
        body: &'a [Stmt<'a>],
        orelse: &'a [Stmt<'a>],
    ) -> Res {
        let lp = self.new_label();
        let end = self.new_label();
        let anchor = self.new_label();
        self.use_label(lp);
        let loc = self.span(s.span);
        self.push_fblock(FBlock::new(FBlockKind::WhileLoop, loc, Some(lp), Some(end)))?;
        self.jump_if(loc, test, anchor, false)?;
        self.stmts(body)?;
        self.emit_jump(Opcode::JUMP, lp, Location::NONE);
        self.pop_fblock();
        self.use_label(anchor);
        self.stmts(orelse)?;
        self.use_label(end);
        Ok(())
    }

    fn for_stmt(&mut self, s: &'a Stmt<'a>, f: &'a crate::ast::For<'a>) -> Res {
        let loc = self.span(s.span);
        let start = self.new_label();
        let body = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.push_fblock(FBlock::new(
            FBlockKind::ForLoop,
            loc,
            Some(start),
            Some(end),
        ))?;
        self.visit_expr(f.iter)?;
        let iter_loc = self.eloc(f.iter);
        self.emit(Opcode::GET_ITER, 0, iter_loc);
        self.use_label(start);
        self.emit_jump(Opcode::FOR_ITER, cleanup, iter_loc);
        // Keeps line tracing right for multi-line `for` headers; removed later if useless.
        let target_loc = self.eloc(f.target);
        self.emit(Opcode::NOP, 0, target_loc);
        self.use_label(body);
        self.visit_expr(f.target)?;
        self.stmts(f.body)?;
        self.emit_jump(Opcode::JUMP, start, Location::NONE);
        self.use_label(cleanup);
        // END_FOR first: generators jump to it, other iterators to the next instruction.
        self.emit(Opcode::END_FOR, 0, Location::NONE);
        self.emit(Opcode::POP_ITER, 0, Location::NONE);
        self.pop_fblock();
        self.stmts(f.orelse)?;
        self.use_label(end);
        Ok(())
    }

    fn async_for(&mut self, s: &'a Stmt<'a>, f: &'a crate::ast::For<'a>) -> Res {
        let loc = self.span(s.span);
        let start = self.new_label();
        let send = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        self.visit_expr(f.iter)?;
        let iter_loc = self.eloc(f.iter);
        self.emit(Opcode::GET_AITER, 0, iter_loc);
        self.use_label(start);
        self.push_fblock(FBlock::new(
            FBlockKind::ForLoop,
            loc,
            Some(start),
            Some(end),
        ))?;
        // SETUP_FINALLY guards the __anext__ call.
        self.emit_jump(Opcode::SETUP_FINALLY, except, loc);
        self.emit(Opcode::GET_ANEXT, 0, loc);
        self.load_const(Const::None, loc);
        self.use_label(send);
        self.yield_from(loc, true);
        self.emit(Opcode::POP_BLOCK, 0, loc);
        self.emit(Opcode::NOT_TAKEN, 0, loc);
        self.visit_expr(f.target)?;
        self.stmts(f.body)?;
        self.emit_jump(Opcode::JUMP, start, Location::NONE);
        self.pop_fblock();
        self.use_label(except);
        // END_ASYNC_FOR belongs to the `for` line, through the iterator's location.
        self.emit_jump(Opcode::END_ASYNC_FOR, send, iter_loc);
        self.stmts(f.orelse)?;
        self.use_label(end);
        Ok(())
    }

    fn assert_stmt(
        &mut self,
        s: &'a Stmt<'a>,
        test: &'a Expr<'a>,
        msg: Option<&'a Expr<'a>>,
    ) -> Res {
        let loc = self.span(s.span);
        let end = self.new_label();
        self.jump_if(loc, test, end, true)?;
        self.emit(Opcode::LOAD_COMMON_CONSTANT, CONSTANT_ASSERTIONERROR, loc);
        if let Some(m) = msg {
            self.visit_expr(m)?;
            self.emit(Opcode::CALL, 0, loc);
        }
        let test_loc = self.eloc(test);
        self.emit(Opcode::RAISE_VARARGS, 1, test_loc);
        self.use_label(end);
        Ok(())
    }

    fn import(&mut self, loc: Location, names: &'a [Alias<'a>]) -> Res {
        for alias in names {
            self.load_const(Const::Int(0), loc);
            self.load_const(Const::None, loc);
            self.emit_attr_name(super::NameOp::Plain(Opcode::IMPORT_NAME), alias.name, loc);
            if let Some(asname) = alias.asname {
                self.import_as(loc, alias.name, asname)?;
            } else {
                let first = alias.name.split('.').next().unwrap_or(alias.name);
                self.nameop(first, Ctx::Store, loc)?;
            }
        }
        Ok(())
    }

    /// `import a.b.c as d`: walk the attributes, then bind (CPython's `codegen_import_as`).
    fn import_as(&mut self, loc: Location, name: &'a str, asname: &'a str) -> Res {
        let mut parts = name.split('.');
        parts.next();
        let rest: Vec<&'a str> = parts.collect();
        if rest.is_empty() {
            return self.nameop(asname, Ctx::Store, loc);
        }
        for (i, attr) in rest.iter().enumerate() {
            self.emit_name_raw(Opcode::IMPORT_FROM, attr, loc);
            if i + 1 < rest.len() {
                self.emit(Opcode::SWAP, 2, loc);
                self.emit(Opcode::POP_TOP, 0, loc);
            }
        }
        self.nameop(asname, Ctx::Store, loc)?;
        self.emit(Opcode::POP_TOP, 0, loc);
        Ok(())
    }

    fn import_from(
        &mut self,
        loc: Location,
        module: Option<&'a str>,
        names: &'a [Alias<'a>],
        level: u32,
    ) -> Res {
        self.load_const(Const::Int(i64::from(level)), loc);
        let tuple: Vec<Const> = names.iter().map(|a| Const::str(a.name)).collect();
        self.load_const(Const::Tuple(tuple.into()), loc);
        self.emit_attr_name(
            super::NameOp::Plain(Opcode::IMPORT_NAME),
            module.unwrap_or(""),
            loc,
        );
        for (i, alias) in names.iter().enumerate() {
            if i == 0 && alias.name.starts_with('*') {
                self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_IMPORT_STAR, loc);
                self.emit(Opcode::POP_TOP, 0, Location::NONE);
                return Ok(());
            }
            self.emit_attr_name(super::NameOp::Plain(Opcode::IMPORT_FROM), alias.name, loc);
            self.nameop(alias.asname.unwrap_or(alias.name), Ctx::Store, loc)?;
        }
        self.emit(Opcode::POP_TOP, 0, loc);
        Ok(())
    }

    /// `x op= v` (CPython's `codegen_augassign`).
    fn aug_assign(
        &mut self,
        s: &'a Stmt<'a>,
        target: &'a Expr<'a>,
        op: crate::ast::Operator,
        value: &'a Expr<'a>,
    ) -> Res {
        let loc = self.eloc(target);
        match &target.kind {
            ExprKind::Attribute {
                value: obj, attr, ..
            } => {
                self.visit_expr(obj)?;
                self.emit(Opcode::COPY, 1, loc);
                let aloc = self.attr_loc(loc, target);
                self.emit_attr_name(super::NameOp::LoadAttr, attr, aloc);
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                self.visit_expr(obj)?;
                if two_element_slice(slice) {
                    self.slice_two_parts(slice)?;
                    self.emit(Opcode::COPY, 3, loc);
                    self.emit(Opcode::COPY, 3, loc);
                    self.emit(Opcode::COPY, 3, loc);
                    self.emit(Opcode::BINARY_SLICE, 0, loc);
                } else {
                    self.visit_expr(slice)?;
                    self.emit(Opcode::COPY, 2, loc);
                    self.emit(Opcode::COPY, 2, loc);
                    self.emit(Opcode::BINARY_OP, super::expr::NB_SUBSCR, loc);
                }
            }
            ExprKind::Name { id, .. } => self.nameop(id, Ctx::Load, loc)?,
            _ => return Err(self.error("invalid node type for augmented assignment", loc)),
        }
        self.visit_expr(value)?;
        self.emit(
            Opcode::BINARY_OP,
            super::expr::binop_arg(op, true),
            self.span(s.span),
        );
        match &target.kind {
            ExprKind::Attribute { attr, .. } => {
                let aloc = self.attr_loc(loc, target);
                self.emit(Opcode::SWAP, 2, aloc);
                self.emit_attr_name(super::NameOp::Plain(Opcode::STORE_ATTR), attr, aloc);
            }
            ExprKind::Subscript { slice, .. } => {
                if two_element_slice(slice) {
                    self.emit(Opcode::SWAP, 4, loc);
                    self.emit(Opcode::SWAP, 3, loc);
                    self.emit(Opcode::SWAP, 2, loc);
                    self.emit(Opcode::STORE_SLICE, 0, loc);
                } else {
                    self.emit(Opcode::SWAP, 3, loc);
                    self.emit(Opcode::SWAP, 2, loc);
                    self.emit(Opcode::STORE_SUBSCR, 0, loc);
                }
            }
            ExprKind::Name { id, .. } => self.nameop(id, Ctx::Store, loc)?,
            _ => {}
        }
        Ok(())
    }

    /// Is the current unit a module or class body (where annotations are evaluated)?
    pub(crate) fn at_module_or_class(&self) -> bool {
        matches!(self.u().scope_type, ScopeType::Module | ScopeType::Class)
    }
}

/// A `[a:b]` slice (no step, not all-constant): compiled as `BINARY_SLICE`/`STORE_SLICE`.
pub(crate) fn two_element_slice(s: &Expr<'_>) -> bool {
    match s.kind {
        ExprKind::Slice { step: None, .. } => !super::expr::is_constant_slice(s),
        _ => false,
    }
}
