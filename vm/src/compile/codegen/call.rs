//! Calls: method calls (`LOAD_ATTR` with the method bit), `super()` attribute loads
//! (`LOAD_SUPER_ATTR`), the inlined `all`/`any`/`tuple` of a generator expression, and the
//! general calling sequences (`CALL`, `CALL_KW`, `CALL_FUNCTION_EX`).

use super::expr::{INTRINSIC_LIST_TO_TUPLE, TUPLE_DISPLAY};
use super::{Compiler, Ctx, NameOp, Res, STACK_USE_GUIDELINE};
use crate::ast::{CmpOp, Expr, ExprKind, Keyword};
use crate::compile::symtable::{SymScope, flags::DEF_IMPORT};
use crate::compile::{Const, Label, Location};
use crate::instr::Opcode;

/// `LOAD_COMMON_CONSTANT` operands for the builtins inlined over generator expressions.
const CONSTANT_BUILTIN_TUPLE: u32 = 2;
const CONSTANT_BUILTIN_ALL: u32 = 3;
const CONSTANT_BUILTIN_ANY: u32 = 4;

impl<'a> Compiler<'a, '_> {
    pub(crate) fn call(
        &mut self,
        e: &'a Expr<'a>,
        func: &'a Expr<'a>,
        args: &'a [Expr<'a>],
        keywords: &'a [Keyword<'a>],
    ) -> Res {
        self.validate_keywords(keywords)?;
        if self.method_call(e, func, args, keywords)? {
            return Ok(());
        }
        let skip_normal_call = self.new_label();
        self.visit_expr(func)?;
        self.builtin_over_genexp(func, args, keywords, skip_normal_call)?;
        let floc = self.eloc(func);
        self.emit(Opcode::PUSH_NULL, 0, floc);
        let loc = self.eloc(e);
        self.call_helper(loc, 0, args, None, keywords)?;
        self.use_label(skip_normal_call);
        Ok(())
    }

    fn validate_keywords(&self, keywords: &[Keyword<'_>]) -> Res {
        for (i, k) in keywords.iter().enumerate() {
            let Some(arg) = k.arg else { continue };
            if let Some(other) = keywords[i + 1..].iter().find(|o| o.arg == Some(arg)) {
                let msg = format!("keyword argument repeated: {arg}");
                return Err(self.error(msg, self.span(other.span)));
            }
        }
        Ok(())
    }

    /// `obj.meth(args)` as `LOAD_ATTR` (method) + `CALL` (CPython's
    /// `maybe_optimize_method_call`); false when the call does not qualify.
    fn method_call(
        &mut self,
        e: &'a Expr<'a>,
        meth: &'a Expr<'a>,
        args: &'a [Expr<'a>],
        keywords: &'a [Keyword<'a>],
    ) -> Res<bool> {
        let ExprKind::Attribute {
            value,
            attr,
            ctx: crate::ast::ExprContext::Load,
        } = meth.kind
        else {
            return Ok(false);
        };
        if self.is_import_originated(value) {
            return Ok(false);
        }
        let (argsl, kwdsl) = (args.len(), keywords.len());
        if argsl + kwdsl + usize::from(kwdsl != 0) >= STACK_USE_GUIDELINE {
            return Ok(false);
        }
        if args
            .iter()
            .any(|a| matches!(a.kind, ExprKind::Starred { .. }))
            || keywords.iter().any(|k| k.arg.is_none())
        {
            return Ok(false);
        }
        let mut loc = self.eloc(meth);
        if let Some(nargs) = self.can_optimize_super_call(meth) {
            self.load_args_for_super(value)?;
            let op = if nargs > 0 {
                NameOp::LoadSuperMethod
            } else {
                NameOp::LoadZeroSuperMethod
            };
            self.emit_attr_name(op, attr, loc);
            loc = self.attr_loc(loc, meth);
            self.emit(Opcode::NOP, 0, loc);
        } else {
            self.visit_expr(value)?;
            loc = self.attr_loc(loc, meth);
            self.emit_attr_name(NameOp::LoadMethod, attr, loc);
        }
        for a in args {
            self.visit_expr(a)?;
        }
        let eloc = self.eloc(e);
        if kwdsl > 0 {
            for k in keywords {
                self.visit_expr(k.value)?;
            }
            self.kw_names(loc, keywords);
            let cloc = self.attr_loc(eloc, meth);
            self.emit(Opcode::CALL_KW, (argsl + kwdsl) as u32, cloc);
        } else {
            let cloc = self.attr_loc(eloc, meth);
            self.emit(Opcode::CALL, argsl as u32, cloc);
        }
        Ok(true)
    }

    /// A name the module binds by import: its methods may be lazily loaded attributes,
    /// so calls on it are not turned into method calls.
    fn is_import_originated(&self, e: &Expr<'_>) -> bool {
        let ExprKind::Name { id, .. } = e.kind else {
            return false;
        };
        self.st.scopes[self.st.top].flags_of(id) & DEF_IMPORT != 0
    }

    /// `super().attr` / `super(C, self).attr` that can load through `LOAD_SUPER_ATTR`:
    /// returns the number of arguments to `super` (CPython's `can_optimize_super_call`).
    pub(crate) fn can_optimize_super_call(&self, attr_expr: &Expr<'_>) -> Option<usize> {
        let ExprKind::Attribute { value, attr, .. } = attr_expr.kind else {
            return None;
        };
        let ExprKind::Call {
            func,
            args,
            keywords,
        } = value.kind
        else {
            return None;
        };
        if !matches!(func.kind, ExprKind::Name { id: "super", .. })
            || attr == "__class__"
            || !keywords.is_empty()
        {
            return None;
        }
        // `super` must be the builtin, as far as can be seen statically.
        if self.ste().scope_of("super") != SymScope::GlobalImplicit
            || self.st.scopes[self.st.top].scope_of("super") != SymScope::None
        {
            return None;
        }
        match args.len() {
            2 => (!args
                .iter()
                .any(|a| matches!(a.kind, ExprKind::Starred { .. })))
            .then_some(2),
            0 => {
                let u = self.u();
                if u.argcount == 0 && u.posonlyargcount == 0 {
                    return None;
                }
                (self.ref_type("__class__") == SymScope::Free).then_some(0)
            }
            _ => None,
        }
    }

    /// Pushes `super`, the class and the instance for `LOAD_SUPER_ATTR`.
    pub(crate) fn load_args_for_super(&mut self, call: &'a Expr<'a>) -> Res {
        let ExprKind::Call { func, args, .. } = call.kind else {
            return Ok(());
        };
        let loc = self.eloc(call);
        if let ExprKind::Name { id, .. } = func.kind {
            self.nameop(id, Ctx::Load, self.eloc(func))?;
        }
        if args.len() == 2 {
            self.visit_expr(&args[0])?;
            self.visit_expr(&args[1])?;
            return Ok(());
        }
        self.nameop("__class__", Ctx::Load, loc)?;
        let first = self.u().varnames.first().copied();
        if let Some(first) = first {
            self.nameop(first, Ctx::Load, loc)?;
        }
        Ok(())
    }

    /// `all(genexp)`, `any(genexp)` and `tuple(genexp)` inlined behind a check that the
    /// name is still the builtin (CPython's `maybe_optimize_function_call`).
    fn builtin_over_genexp(
        &mut self,
        func: &'a Expr<'a>,
        args: &'a [Expr<'a>],
        keywords: &'a [Keyword<'a>],
        end: Label,
    ) -> Res {
        let ExprKind::Name { id, .. } = func.kind else {
            return Ok(());
        };
        let [genexp] = args else { return Ok(()) };
        if !keywords.is_empty() || !matches!(genexp.kind, ExprKind::GeneratorExp { .. }) {
            return Ok(());
        }
        // An asynchronous generator expression cannot be iterated with FOR_ITER.
        let key = crate::compile::symtable::ScopeKey::Expr(
            crate::compile::symtable::ScopeKey::addr(genexp),
        );
        if self
            .st
            .lookup(key)
            .is_some_and(|id| self.st.scopes[id].coroutine)
        {
            return Ok(());
        }
        let loc = self.eloc(func);
        let skip = self.new_label();
        let (constant, initial) = match id {
            "all" => (CONSTANT_BUILTIN_ALL, Some(true)),
            "any" => (CONSTANT_BUILTIN_ANY, Some(false)),
            "tuple" => (CONSTANT_BUILTIN_TUPLE, None),
            _ => {
                self.use_label(skip);
                return Ok(());
            }
        };
        self.emit(Opcode::COPY, 1, loc);
        self.emit(Opcode::LOAD_COMMON_CONSTANT, constant, loc);
        self.emit_compare(loc, CmpOp::Is);
        self.emit_jump(Opcode::POP_JUMP_IF_FALSE, skip, loc);
        self.emit(Opcode::POP_TOP, 0, loc);
        if initial.is_none() {
            self.emit(Opcode::BUILD_LIST, 0, loc);
        }
        self.visit_expr(genexp)?;
        let lp = self.new_label();
        let cleanup = self.new_label();
        self.use_label(lp);
        self.emit_jump(Opcode::FOR_ITER, cleanup, loc);
        match initial {
            None => {
                self.emit(Opcode::LIST_APPEND, 2, loc);
                self.emit_jump(Opcode::JUMP, lp, loc);
            }
            Some(all) => {
                self.emit(Opcode::TO_BOOL, 0, loc);
                let jump = if all {
                    Opcode::POP_JUMP_IF_TRUE
                } else {
                    Opcode::POP_JUMP_IF_FALSE
                };
                self.emit_jump(jump, lp, loc);
            }
        }
        self.emit(Opcode::POP_ITER, 0, Location::NONE);
        if let Some(all) = initial {
            self.load_const(Const::Bool(!all), loc);
        }
        self.emit_jump(Opcode::JUMP, end, loc);
        self.use_label(cleanup);
        self.emit(Opcode::END_FOR, 0, Location::NONE);
        self.emit(Opcode::POP_ITER, 0, Location::NONE);
        match initial {
            None => self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_LIST_TO_TUPLE, loc),
            Some(all) => self.load_const(Const::Bool(all), loc),
        }
        self.emit_jump(Opcode::JUMP, end, loc);
        self.use_label(skip);
        Ok(())
    }

    /// The tuple of keyword names before `CALL_KW`.
    fn kw_names(&mut self, loc: Location, keywords: &[Keyword<'_>]) {
        let names: Vec<Const> = keywords
            .iter()
            .map(|k| Const::str(k.arg.unwrap_or("")))
            .collect();
        self.load_const(Const::Tuple(names.into()), loc);
    }

    /// Arguments and the call, `n` values being already pushed (CPython's
    /// `codegen_call_helper_impl`, shared with class creation).
    pub(crate) fn call_helper(
        &mut self,
        loc: Location,
        n: u32,
        args: &'a [Expr<'a>],
        injected: Option<&'a str>,
        keywords: &'a [Keyword<'a>],
    ) -> Res {
        self.validate_keywords(keywords)?;
        let (nelts, nkwelts) = (args.len(), keywords.len());
        let ex_call = nelts + nkwelts * 2 > STACK_USE_GUIDELINE
            || args
                .iter()
                .any(|a| matches!(a.kind, ExprKind::Starred { .. }))
            || keywords.iter().any(|k| k.arg.is_none());
        if !ex_call {
            for a in args {
                self.visit_expr(a)?;
            }
            let mut nelts = nelts as u32;
            if let Some(name) = injected {
                self.nameop(name, Ctx::Load, loc)?;
                nelts += 1;
            }
            if nkwelts > 0 {
                for k in keywords {
                    self.visit_expr(k.value)?;
                }
                self.kw_names(loc, keywords);
                self.emit(Opcode::CALL_KW, n + nelts + nkwelts as u32, loc);
            } else {
                self.emit(Opcode::CALL, n + nelts, loc);
            }
            return Ok(());
        }
        match args {
            [
                Expr {
                    kind: ExprKind::Starred { value, .. },
                    ..
                },
            ] if n == 0 => self.visit_expr(value)?,
            _ => self.starunpack(loc, args, injected, n, TUPLE_DISPLAY)?,
        }
        if nkwelts > 0 {
            let mut have_dict = false;
            let mut nseen = 0;
            for (i, k) in keywords.iter().enumerate() {
                if k.arg.is_some() {
                    nseen += 1;
                    continue;
                }
                if nseen > 0 {
                    self.subkwargs(loc, &keywords[i - nseen..i])?;
                    if have_dict {
                        self.emit(Opcode::DICT_MERGE, 1, loc);
                    }
                    have_dict = true;
                    nseen = 0;
                }
                if !have_dict {
                    self.emit(Opcode::BUILD_MAP, 0, loc);
                    have_dict = true;
                }
                self.visit_expr(k.value)?;
                self.emit(Opcode::DICT_MERGE, 1, loc);
            }
            if nseen > 0 {
                self.subkwargs(loc, &keywords[nkwelts - nseen..])?;
                if have_dict {
                    self.emit(Opcode::DICT_MERGE, 1, loc);
                }
            }
        } else {
            self.emit(Opcode::PUSH_NULL, 0, loc);
        }
        self.emit(Opcode::CALL_FUNCTION_EX, 0, loc);
        Ok(())
    }

    /// A dict of named keyword arguments for `CALL_FUNCTION_EX`.
    fn subkwargs(&mut self, loc: Location, keywords: &'a [Keyword<'a>]) -> Res {
        let big = keywords.len() * 2 > STACK_USE_GUIDELINE;
        if big {
            self.emit(Opcode::BUILD_MAP, 0, Location::NONE);
        }
        for k in keywords {
            self.load_const(Const::str(k.arg.unwrap_or("")), loc);
            self.visit_expr(k.value)?;
            if big {
                self.emit(Opcode::MAP_ADD, 1, Location::NONE);
            }
        }
        if !big {
            self.emit(Opcode::BUILD_MAP, keywords.len() as u32, loc);
        }
        Ok(())
    }
}
