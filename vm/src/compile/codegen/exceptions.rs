//! `try`/`except`/`except*`/`finally` and `with`/`async with`: the exception-handling
//! pseudo-instructions (`SETUP_FINALLY`, `SETUP_CLEANUP`, `SETUP_WITH`, `POP_BLOCK`) and the
//! frame blocks that `return`/`break`/`continue` unwind.

use super::{Compiler, Ctx, FBlock, FBlockKind, Res};
use crate::ast::{Stmt, Try, With};
use crate::compile::{Const, Label, Location};
use crate::instr::Opcode;

/// `INTRINSIC_PREP_RERAISE_STAR`.
const INTRINSIC_PREP_RERAISE_STAR: u32 = 1;
/// `LOAD_SPECIAL` operands.
const SPECIAL_ENTER: u32 = 0;
const SPECIAL_EXIT: u32 = 1;
const SPECIAL_AENTER: u32 = 2;
const SPECIAL_AEXIT: u32 = 3;

impl<'a> Compiler<'a, '_> {
    pub(crate) fn try_stmt(&mut self, s: &'a Stmt<'a>, t: &'a Try<'a>) -> Res {
        if !t.finalbody.is_empty() {
            self.try_finally(s, t)
        } else if t.is_star {
            self.try_star_except(s, t)
        } else {
            self.try_except(s, t)
        }
    }

    /// `try: body finally: final`: the final body is emitted twice, once on the normal
    /// path and once as the handler (CPython's `codegen_try_finally`).
    fn try_finally(&mut self, s: &'a Stmt<'a>, t: &'a Try<'a>) -> Res {
        let loc = self.span(s.span);
        let body = self.new_label();
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.emit_jump(Opcode::SETUP_FINALLY, end, loc);
        self.use_label(body);
        let mut fb = FBlock::new(FBlockKind::FinallyTry, loc, Some(body), Some(end));
        fb.finally_body = t.finalbody;
        self.push_fblock(fb)?;
        if !t.handlers.is_empty() {
            if t.is_star {
                self.try_star_except(s, t)?;
            } else {
                self.try_except(s, t)?;
            }
        } else {
            self.stmts(t.body)?;
        }
        self.emit(Opcode::POP_BLOCK, 0, Location::NONE);
        self.pop_fblock();
        self.stmts(t.finalbody)?;
        self.emit_jump(Opcode::JUMP_NO_INTERRUPT, exit, Location::NONE);
        self.use_label(end);
        self.emit_jump(Opcode::SETUP_CLEANUP, cleanup, Location::NONE);
        self.emit(Opcode::PUSH_EXC_INFO, 0, Location::NONE);
        self.push_fblock(FBlock::new(
            FBlockKind::FinallyEnd,
            Location::NONE,
            Some(end),
            None,
        ))?;
        self.stmts(t.finalbody)?;
        self.pop_fblock();
        self.emit(Opcode::RERAISE, 0, Location::NONE);
        self.use_label(cleanup);
        self.pop_except_and_reraise(Location::NONE);
        self.use_label(exit);
        Ok(())
    }

    /// `try: ... except E as n: ...` (CPython's `codegen_try_except`).
    fn try_except(&mut self, s: &'a Stmt<'a>, t: &'a Try<'a>) -> Res {
        let loc = self.span(s.span);
        let body = self.new_label();
        let mut except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        self.emit_jump(Opcode::SETUP_FINALLY, except, loc);
        self.use_label(body);
        self.push_fblock(FBlock::new(FBlockKind::TryExcept, loc, Some(body), None))?;
        self.stmts(t.body)?;
        self.pop_fblock();
        self.emit(Opcode::POP_BLOCK, 0, Location::NONE);
        self.stmts(t.orelse)?;
        self.emit_jump(Opcode::JUMP_NO_INTERRUPT, end, Location::NONE);
        self.use_label(except);
        self.emit_jump(Opcode::SETUP_CLEANUP, cleanup, Location::NONE);
        self.emit(Opcode::PUSH_EXC_INFO, 0, Location::NONE);
        // The runtime pushes a block here.
        self.push_fblock(FBlock::new(FBlockKind::ExceptionHandler, loc, None, None))?;
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let hloc = self.span(h.span);
            if h.type_.is_none() && i + 1 < n {
                return Err(self.error("default 'except:' must be last", hloc));
            }
            except = self.new_label();
            if let Some(ty) = h.type_ {
                self.visit_expr(ty)?;
                self.emit(Opcode::CHECK_EXC_MATCH, 0, hloc);
                self.emit_jump(Opcode::POP_JUMP_IF_FALSE, except, hloc);
            }
            if let Some(name) = h.name {
                let cleanup_end = self.new_label();
                let cleanup_body = self.new_label();
                self.nameop(name, Ctx::Store, hloc)?;
                // try: body finally: name = None; del name
                self.emit_jump(Opcode::SETUP_CLEANUP, cleanup_end, hloc);
                self.use_label(cleanup_body);
                let mut fb =
                    FBlock::new(FBlockKind::HandlerCleanup, hloc, Some(cleanup_body), None);
                fb.handler_name = Some(name);
                self.push_fblock(fb)?;
                self.stmts(h.body)?;
                self.pop_fblock();
                self.emit(Opcode::POP_BLOCK, 0, Location::NONE);
                self.emit(Opcode::POP_BLOCK, 0, Location::NONE);
                self.emit(Opcode::POP_EXCEPT, 0, Location::NONE);
                self.clear_handler_name(name)?;
                self.emit_jump(Opcode::JUMP_NO_INTERRUPT, end, Location::NONE);
                self.use_label(cleanup_end);
                self.clear_handler_name(name)?;
                self.emit(Opcode::RERAISE, 1, Location::NONE);
            } else {
                let cleanup_body = self.new_label();
                self.emit(Opcode::POP_TOP, 0, hloc); // exc_value
                self.use_label(cleanup_body);
                self.push_fblock(FBlock::new(
                    FBlockKind::HandlerCleanup,
                    hloc,
                    Some(cleanup_body),
                    None,
                ))?;
                self.stmts(h.body)?;
                self.pop_fblock();
                self.emit(Opcode::POP_BLOCK, 0, Location::NONE);
                self.emit(Opcode::POP_EXCEPT, 0, Location::NONE);
                self.emit_jump(Opcode::JUMP_NO_INTERRUPT, end, Location::NONE);
            }
            self.use_label(except);
        }
        self.pop_fblock();
        self.emit(Opcode::RERAISE, 0, Location::NONE);
        self.use_label(cleanup);
        self.pop_except_and_reraise(Location::NONE);
        self.use_label(end);
        Ok(())
    }

    /// `name = None; del name` after an `except ... as name` body.
    fn clear_handler_name(&mut self, name: &'a str) -> Res {
        self.load_const(Const::None, Location::NONE);
        self.nameop(name, Ctx::Store, Location::NONE)?;
        self.nameop(name, Ctx::Del, Location::NONE)
    }

    /// `try: ... except* E as n: ...` (CPython's `codegen_try_star_except`).
    fn try_star_except(&mut self, s: &'a Stmt<'a>, t: &'a Try<'a>) -> Res {
        let loc = self.span(s.span);
        let body = self.new_label();
        let mut except = self.new_label();
        let orelse = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let reraise_star = self.new_label();
        self.emit_jump(Opcode::SETUP_FINALLY, except, loc);
        self.use_label(body);
        self.push_fblock(FBlock::new(FBlockKind::TryExcept, loc, Some(body), None))?;
        self.stmts(t.body)?;
        self.pop_fblock();
        self.emit(Opcode::POP_BLOCK, 0, Location::NONE);
        self.emit_jump(Opcode::JUMP_NO_INTERRUPT, orelse, Location::NONE);
        self.use_label(except);
        self.emit_jump(Opcode::SETUP_CLEANUP, cleanup, Location::NONE);
        self.emit(Opcode::PUSH_EXC_INFO, 0, Location::NONE);
        self.push_fblock(FBlock::new(
            FBlockKind::ExceptionGroupHandler,
            loc,
            None,
            None,
        ))?;
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let hloc = self.span(h.span);
            except = self.new_label();
            let except_with_error = self.new_label();
            let no_match = self.new_label();
            if i == 0 {
                // The list of exceptions raised or re-raised by the handlers, and a copy
                // of the original group.
                self.emit(Opcode::BUILD_LIST, 0, hloc);
                self.emit(Opcode::COPY, 2, hloc);
            }
            if let Some(ty) = h.type_ {
                self.visit_expr(ty)?;
                self.emit(Opcode::CHECK_EG_MATCH, 0, hloc);
                self.emit(Opcode::COPY, 1, hloc);
                self.emit_jump(Opcode::POP_JUMP_IF_NONE, no_match, hloc);
            }
            let cleanup_end = self.new_label();
            let cleanup_body = self.new_label();
            match h.name {
                Some(name) => self.nameop(name, Ctx::Store, hloc)?,
                None => self.emit(Opcode::POP_TOP, 0, hloc),
            }
            self.emit_jump(Opcode::SETUP_CLEANUP, cleanup_end, hloc);
            self.use_label(cleanup_body);
            let mut fb = FBlock::new(FBlockKind::HandlerCleanup, hloc, Some(cleanup_body), None);
            fb.handler_name = h.name;
            self.push_fblock(fb)?;
            self.stmts(h.body)?;
            self.pop_fblock();
            self.emit(Opcode::POP_BLOCK, 0, Location::NONE);
            if let Some(name) = h.name {
                self.clear_handler_name(name)?;
            }
            self.emit_jump(Opcode::JUMP_NO_INTERRUPT, except, Location::NONE);
            self.use_label(cleanup_end);
            if let Some(name) = h.name {
                self.clear_handler_name(name)?;
            }
            // Add the exception raised in the handler to the result list.
            self.emit(Opcode::LIST_APPEND, 3, Location::NONE);
            self.emit(Opcode::POP_TOP, 0, Location::NONE); // lasti
            self.emit_jump(Opcode::JUMP_NO_INTERRUPT, except_with_error, Location::NONE);
            self.use_label(except);
            self.emit(Opcode::NOP, 0, Location::NONE); // carries a propagated location
            self.emit_jump(Opcode::JUMP_NO_INTERRUPT, except_with_error, Location::NONE);
            self.use_label(no_match);
            self.emit(Opcode::POP_TOP, 0, hloc); // match (None)
            self.use_label(except_with_error);
            if i + 1 == n {
                // The unhandled rest of the group (if not None) joins the list.
                self.emit(Opcode::LIST_APPEND, 1, Location::NONE);
                self.emit_jump(Opcode::JUMP_NO_INTERRUPT, reraise_star, Location::NONE);
            }
        }
        self.pop_fblock();
        let reraise = self.new_label();
        self.use_label(reraise_star);
        self.emit(
            Opcode::CALL_INTRINSIC_2,
            INTRINSIC_PREP_RERAISE_STAR,
            Location::NONE,
        );
        self.emit(Opcode::COPY, 1, Location::NONE);
        self.emit_jump(Opcode::POP_JUMP_IF_NOT_NONE, reraise, Location::NONE);
        // Nothing to re-raise.
        self.emit(Opcode::POP_TOP, 0, Location::NONE);
        self.emit(Opcode::POP_BLOCK, 0, Location::NONE);
        self.emit(Opcode::POP_EXCEPT, 0, Location::NONE);
        self.emit_jump(Opcode::JUMP_NO_INTERRUPT, end, Location::NONE);
        self.use_label(reraise);
        self.emit(Opcode::POP_BLOCK, 0, Location::NONE);
        self.emit(Opcode::SWAP, 2, Location::NONE);
        self.emit(Opcode::POP_EXCEPT, 0, Location::NONE);
        self.emit(Opcode::RERAISE, 0, Location::NONE);
        self.use_label(cleanup);
        self.pop_except_and_reraise(Location::NONE);
        self.use_label(orelse);
        self.stmts(t.orelse)?;
        self.use_label(end);
        Ok(())
    }

    /// `with` / `async with`, one item at a time (CPython's `codegen_with_inner` and
    /// `codegen_async_with_inner`).
    pub(crate) fn with_stmt(&mut self, w: &'a With<'a>, pos: usize) -> Res {
        let Some(item) = w.items.get(pos) else {
            return self.stmts(w.body);
        };
        let block = self.new_label();
        let final_ = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.visit_expr(item.context_expr)?;
        let loc = self.eloc(item.context_expr);
        let (enter, exit_method) = if w.is_async {
            (SPECIAL_AENTER, SPECIAL_AEXIT)
        } else {
            (SPECIAL_ENTER, SPECIAL_EXIT)
        };
        self.emit(Opcode::COPY, 1, loc);
        self.emit(Opcode::LOAD_SPECIAL, exit_method, loc);
        self.emit(Opcode::SWAP, 2, loc);
        self.emit(Opcode::SWAP, 3, loc);
        self.emit(Opcode::LOAD_SPECIAL, enter, loc);
        self.emit(Opcode::CALL, 0, loc);
        if w.is_async {
            self.await_result(loc, 1);
        }
        self.emit_jump(Opcode::SETUP_WITH, final_, loc);
        self.use_label(block);
        let kind = if w.is_async {
            FBlockKind::AsyncWith
        } else {
            FBlockKind::With
        };
        self.push_fblock(FBlock::new(kind, loc, Some(block), Some(final_)))?;
        match item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.emit(Opcode::POP_TOP, 0, loc), // the result of __enter__
        }
        if pos + 1 == w.items.len() {
            self.stmts(w.body)?;
        } else {
            self.with_stmt(w, pos + 1)?;
        }
        if w.is_async {
            self.pop_fblock();
            self.emit(Opcode::POP_BLOCK, 0, loc);
        } else {
            self.emit(Opcode::POP_BLOCK, 0, Location::NONE);
            self.pop_fblock();
        }
        // Success: __exit__(None, None, None).
        self.call_exit_with_nones(loc);
        if w.is_async {
            self.await_result(loc, 2);
        }
        self.emit(Opcode::POP_TOP, 0, loc);
        self.emit_jump(Opcode::JUMP, exit, loc);
        // Exception: __exit__(type, value, traceback) decides.
        self.use_label(final_);
        self.emit_jump(Opcode::SETUP_CLEANUP, cleanup, loc);
        self.emit(Opcode::PUSH_EXC_INFO, 0, loc);
        self.emit(Opcode::WITH_EXCEPT_START, 0, loc);
        if w.is_async {
            self.await_result(loc, 2);
        }
        self.with_except_finish(cleanup);
        self.use_label(exit);
        Ok(())
    }

    /// `GET_AWAITABLE where; LOAD_CONST None; <yield from>`.
    fn await_result(&mut self, loc: Location, where_: u32) {
        self.emit(Opcode::GET_AWAITABLE, where_, loc);
        self.load_const(Const::None, loc);
        self.yield_from(loc, true);
    }

    fn with_except_finish(&mut self, cleanup: Label) {
        let suppress = self.new_label();
        let none = Location::NONE;
        self.emit(Opcode::TO_BOOL, 0, none);
        self.emit_jump(Opcode::POP_JUMP_IF_TRUE, suppress, none);
        self.emit(Opcode::RERAISE, 2, none);
        self.use_label(suppress);
        self.emit(Opcode::POP_TOP, 0, none); // exc_value
        self.emit(Opcode::POP_BLOCK, 0, none);
        self.emit(Opcode::POP_EXCEPT, 0, none);
        self.emit(Opcode::POP_TOP, 0, none);
        self.emit(Opcode::POP_TOP, 0, none);
        self.emit(Opcode::POP_TOP, 0, none);
        let exit = self.new_label();
        self.emit_jump(Opcode::JUMP_NO_INTERRUPT, exit, none);
        self.use_label(cleanup);
        self.pop_except_and_reraise(none);
        self.use_label(exit);
    }
}
