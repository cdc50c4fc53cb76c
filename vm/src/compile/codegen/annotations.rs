//! Annotations (PEP 649, 3.14): the `__annotate__` function of a function's parameters,
//! the deferred `__annotate__` of a module's or class's annotated assignments (with the
//! `__conditional_annotations__` set for annotations that may not run), annotated
//! assignment statements, and `from __future__ import annotations` strings.

use super::{ArgCounts, Compiler, Ctx, Res, ScopeType};
use crate::ast::{Arg, Arguments, Expr, ExprKind, Stmt};
use crate::compile::symtable::{BlockKind, ScopeKey};
use crate::compile::{Const, Location};
use crate::instr::Opcode;

/// `annotationlib.Format.VALUE_WITH_FAKE_GLOBALS`.
const FORMAT_VALUE_WITH_FAKE_GLOBALS: i64 = 2;
/// `CONSTANT_NOTIMPLEMENTEDERROR` (`LOAD_COMMON_CONSTANT`).
const CONSTANT_NOTIMPLEMENTEDERROR: u32 = 1;

impl<'a> Compiler<'a, '_> {
    /// Enters an annotation scope and emits its prologue: formats beyond
    /// `VALUE_WITH_FAKE_GLOBALS` raise `NotImplementedError` (CPython's
    /// `codegen_setup_annotations_scope`).
    pub(crate) fn setup_annotations_scope(
        &mut self,
        loc: Location,
        key: ScopeKey,
        name: &'a str,
    ) -> Res {
        let counts = ArgCounts {
            posonlyargcount: 1,
            ..ArgCounts::default()
        };
        self.enter_scope(name, ScopeType::Annotations, key, loc.lineno, None, counts)?;
        self.emit(Opcode::LOAD_FAST, 0, loc);
        self.load_const(Const::Int(FORMAT_VALUE_WITH_FAKE_GLOBALS), loc);
        // `format > VALUE_WITH_FAKE_GLOBALS`: Py_GT << 5 | COMPARISON_GREATER_THAN.
        self.emit(Opcode::COMPARE_OP, (4 << 5) | 4, loc);
        let body = self.new_label();
        self.emit_jump(Opcode::POP_JUMP_IF_FALSE, body, loc);
        self.emit(
            Opcode::LOAD_COMMON_CONSTANT,
            CONSTANT_NOTIMPLEMENTEDERROR,
            loc,
        );
        self.emit(Opcode::RAISE_VARARGS, 1, loc);
        self.use_label(body);
        Ok(())
    }

    /// Returns the annotations dict and closes the annotation scope; the function's first
    /// parameter is renamed `format` for `inspect.signature`.
    pub(crate) fn leave_annotations_scope(&mut self, loc: Location) -> Res {
        self.emit(Opcode::RETURN_VALUE, 0, loc);
        let (mut code, freevars) = self.exit_scope(true)?;
        if self.output == super::Output::Assemble
            && let Some(first) = std::rc::Rc::make_mut(&mut code).localsplusnames.first_mut()
        {
            *first = std::rc::Rc::from("format");
        }
        self.make_closure(loc, code, &freevars, 0)
    }

    /// The `__annotate__` of a function's parameters; returns the function flag to set.
    pub(crate) fn function_annotations(
        &mut self,
        loc: Location,
        args: &'a Arguments<'a>,
        returns: Option<&'a Expr<'a>>,
    ) -> Res<u32> {
        let key = ScopeKey::Args(ScopeKey::addr(args));
        let Some(ste) = self.st.lookup(key) else {
            return Ok(0);
        };
        if !self.st.scopes[ste].annotations_used {
            return Ok(0);
        }
        let name = self.st.scopes[ste].name;
        self.setup_annotations_scope(loc, key, name)?;
        let mut len = 0;
        for arg in args.args.iter().chain(args.posonlyargs) {
            self.arg_annotation(arg.arg, arg.annotation, &mut len, loc)?;
        }
        if let Some(Arg {
            arg,
            annotation: Some(a),
            ..
        }) = args.vararg
        {
            self.arg_annotation(arg, Some(a), &mut len, loc)?;
        }
        for arg in args.kwonlyargs {
            self.arg_annotation(arg.arg, arg.annotation, &mut len, loc)?;
        }
        if let Some(Arg {
            arg,
            annotation: Some(a),
            ..
        }) = args.kwarg
        {
            self.arg_annotation(arg, Some(a), &mut len, loc)?;
        }
        self.arg_annotation("return", returns, &mut len, loc)?;
        self.emit(Opcode::BUILD_MAP, len, loc);
        self.leave_annotations_scope(loc)?;
        Ok(super::function::MAKE_FUNCTION_ANNOTATE)
    }

    fn arg_annotation(
        &mut self,
        id: &'a str,
        annotation: Option<&'a Expr<'a>>,
        len: &mut u32,
        loc: Location,
    ) -> Res {
        let Some(annotation) = annotation else {
            return Ok(());
        };
        let mangled = self.maybe_mangle(id);
        self.load_const(Const::str(mangled), loc);
        if self.future.annotations() {
            self.annotation_string(annotation)?;
        } else if let ExprKind::Starred { value, .. } = annotation.kind {
            // `*args: *Ts` evaluates `[annotation] = [*Ts]`.
            self.visit_expr(value)?;
            self.emit(Opcode::UNPACK_SEQUENCE, 1, loc);
        } else {
            self.visit_expr(annotation)?;
        }
        *len += 1;
        Ok(())
    }

    /// An annotation as its source text (`from __future__ import annotations`).
    fn annotation_string(&mut self, annotation: &'a Expr<'a>) -> Res {
        let text = super::unparse::unparse_annotation(annotation);
        let loc = self.eloc(annotation);
        self.load_const(Const::Str(std::rc::Rc::new(text)), loc);
        Ok(())
    }

    /// Compiles the deferred annotations of a module or class body into its
    /// `__annotate__` (CPython's `codegen_process_deferred_annotations`).
    pub(crate) fn process_deferred_annotations(&mut self, loc: Location) -> Res {
        if self.u().deferred_annotations.is_empty() {
            return Ok(());
        }
        let scope_type = self.u().scope_type;
        // A module's annotation code is generated apart and spliced in at the placeholder.
        let separate = scope_type == ScopeType::Module;
        if separate {
            let u = self.um();
            let seq = std::mem::take(&mut u.seq);
            let nested = std::mem::take(&mut u.nested);
            u.stashed_seq = Some((seq, nested));
        }
        let ste_id = self.u().ste;
        let Some(block) = self.st.scopes[ste_id].annotation_block else {
            return Err(self.error("missing annotation scope", loc));
        };
        let name = self.st.scopes[block].name;
        let deferred = std::mem::take(&mut self.um().deferred_annotations);
        let indices = std::mem::take(&mut self.um().conditional_annotation_indices);
        self.setup_annotations_scope(loc, ScopeKey::AnnotationsOf(ste_id), name)?;
        self.deferred_annotations_body(loc, &deferred, &indices, scope_type)?;
        self.leave_annotations_scope(loc)?;
        let target = if self.st.scopes[ste_id].kind == BlockKind::Class {
            "__annotate_func__"
        } else {
            "__annotate__"
        };
        self.nameop(target, Ctx::Store, loc)?;
        if separate {
            let u = self.um();
            if let Some((seq, nested)) = u.stashed_seq.take() {
                let anno = std::mem::replace(&mut u.seq, seq);
                // Units finished during the annotation code belong to it (CPython attaches
                // them to the annotation sequence, which `get_nested` does not show).
                u.nested = nested;
                u.seq.annotations_code = Some(Box::new(anno));
            }
        }
        Ok(())
    }

    fn deferred_annotations_body(
        &mut self,
        loc: Location,
        deferred: &[&'a Stmt<'a>],
        indices: &[i64],
        scope_type: ScopeType,
    ) -> Res {
        self.emit(Opcode::BUILD_MAP, 0, loc);
        for (st, &idx) in deferred.iter().zip(indices) {
            let crate::ast::StmtKind::AnnAssign {
                target, annotation, ..
            } = st.kind
            else {
                continue;
            };
            let ExprKind::Name { id, .. } = target.kind else {
                continue;
            };
            let mangled = self.mangle(id);
            let sloc = self.span(st.span);
            let not_set = self.new_label();
            if idx != -1 {
                self.load_const(Const::Int(idx), sloc);
                if scope_type == ScopeType::Class {
                    self.emit_cell_raw(
                        Opcode::LOAD_DEREF,
                        "__conditional_annotations__",
                        true,
                        sloc,
                    );
                } else {
                    // CPython emits this LOAD_GLOBAL with the bare name index (no NULL bit).
                    self.emit_name_raw(Opcode::LOAD_GLOBAL, "__conditional_annotations__", sloc);
                }
                self.emit(Opcode::CONTAINS_OP, 0, sloc);
                self.emit_jump(Opcode::POP_JUMP_IF_FALSE, not_set, sloc);
            }
            self.visit_expr(annotation)?;
            self.emit(Opcode::COPY, 2, sloc);
            self.load_const(Const::str(mangled), sloc);
            self.emit(Opcode::STORE_SUBSCR, 0, loc);
            self.use_label(not_set);
        }
        Ok(())
    }

    /// `target: annotation [= value]` (CPython's `codegen_annassign`).
    pub(crate) fn ann_assign(
        &mut self,
        s: &'a Stmt<'a>,
        target: &'a Expr<'a>,
        annotation: &'a Expr<'a>,
        value: Option<&'a Expr<'a>>,
        simple: bool,
    ) -> Res {
        let loc = self.span(s.span);
        let future = self.future.annotations();
        if let Some(v) = value {
            self.visit_expr(v)?;
            self.visit_expr(target)?;
        }
        match target.kind {
            ExprKind::Name { id, .. } => {
                if simple && self.at_module_or_class() {
                    if future {
                        self.annotation_string(annotation)?;
                        self.emit_attr_name(
                            super::NameOp::Plain(Opcode::LOAD_NAME),
                            "__annotations__",
                            loc,
                        );
                        let mangled = self.maybe_mangle(id);
                        self.load_const(Const::str(mangled), loc);
                        self.emit(Opcode::STORE_SUBSCR, 0, loc);
                    } else if let Some(index) = self.add_deferred_annotation(s) {
                        let op = if self.u().scope_type == ScopeType::Class {
                            Opcode::LOAD_DEREF
                        } else {
                            Opcode::LOAD_NAME
                        };
                        // CPython indexes the cell table for both opcodes.
                        self.emit_cell_name(op, "__conditional_annotations__", false, loc);
                        self.load_const(Const::Int(index), loc);
                        self.emit(Opcode::SET_ADD, 1, loc);
                        self.emit(Opcode::POP_TOP, 0, loc);
                    }
                }
            }
            ExprKind::Attribute { value: obj, .. } => {
                if value.is_none() {
                    self.check_ann_expr(obj)?;
                }
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                if value.is_none() {
                    self.check_ann_expr(obj)?;
                    self.check_ann_subscr(slice)?;
                }
            }
            _ => return Err(self.error("invalid node type for annotated assignment", loc)),
        }
        Ok(())
    }

    /// Records a deferred annotation; returns its `__conditional_annotations__` index when
    /// it may not run (always at module level).
    fn add_deferred_annotation(&mut self, s: &'a Stmt<'a>) -> Option<i64> {
        let u = self.um();
        u.deferred_annotations.push(s);
        if u.scope_type == ScopeType::Module || u.in_conditional_block > 0 {
            let index = u.next_conditional_annotation_index;
            u.next_conditional_annotation_index += 1;
            u.conditional_annotation_indices.push(index);
            Some(index)
        } else {
            u.conditional_annotation_indices.push(-1);
            None
        }
    }

    fn check_ann_expr(&mut self, e: &'a Expr<'a>) -> Res {
        self.visit_expr(e)?;
        let loc = self.eloc(e);
        self.emit(Opcode::POP_TOP, 0, loc);
        Ok(())
    }

    fn check_ann_subscr(&mut self, e: &'a Expr<'a>) -> Res {
        match e.kind {
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.check_ann_expr(part)?;
                }
                Ok(())
            }
            ExprKind::Tuple { elts, .. } => elts.iter().try_for_each(|x| self.check_ann_subscr(x)),
            _ => self.check_ann_expr(e),
        }
    }
}
