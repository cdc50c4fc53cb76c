//! The frame-block stack: the loops, `try`, `with` and handler blocks enclosing the code
//! being generated, and how `return`, `break` and `continue` unwind them (CPython's
//! `fblockinfo`, `codegen_unwind_fblock` and `codegen_unwind_fblock_stack`).

use super::{Compiler, Ctx, Res};
use crate::ast::Stmt;
use crate::compile::{Const, Label, Location};
use crate::instr::Opcode;

/// CPython's `CO_MAXBLOCKS`.
const MAX_BLOCKS: usize = 21;

/// The kind of a frame block (CPython's `COMPILE_FBLOCK_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FBlockKind {
    WhileLoop,
    ForLoop,
    TryExcept,
    FinallyTry,
    FinallyEnd,
    With,
    AsyncWith,
    HandlerCleanup,
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
    StopIteration,
}

/// One frame block.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FBlock<'a> {
    pub kind: FBlockKind,
    /// The loop head (for `continue`) or the block's own label.
    pub block: Option<Label>,
    /// Where `break` goes.
    pub exit: Option<Label>,
    pub loc: Location,
    /// For `FinallyTry`: the `finally` body, replayed on unwind.
    pub finally_body: &'a [Stmt<'a>],
    /// For `HandlerCleanup`: the `except ... as NAME` name to clear on unwind.
    pub handler_name: Option<&'a str>,
}

impl<'a> FBlock<'a> {
    pub(crate) fn new(
        kind: FBlockKind,
        loc: Location,
        block: Option<Label>,
        exit: Option<Label>,
    ) -> Self {
        FBlock {
            kind,
            block,
            exit,
            loc,
            finally_body: &[],
            handler_name: None,
        }
    }
}

impl<'a> Compiler<'a, '_> {
    pub(crate) fn push_fblock(&mut self, fb: FBlock<'a>) -> Res {
        if self.u().fblocks.len() >= MAX_BLOCKS {
            return Err(self.error("too many statically nested blocks", fb.loc));
        }
        self.um().fblocks.push(fb);
        Ok(())
    }

    pub(crate) fn pop_fblock(&mut self) {
        self.um().fblocks.pop();
    }

    /// Emits the exit code of one block. With `preserve_tos`, the value on top of the
    /// stack (a return value) is kept above what the block pops.
    fn unwind_fblock(&mut self, loc: &mut Location, info: &FBlock<'a>, preserve_tos: bool) -> Res {
        match info.kind {
            FBlockKind::WhileLoop
            | FBlockKind::ExceptionHandler
            | FBlockKind::ExceptionGroupHandler
            | FBlockKind::AsyncComprehensionGenerator
            | FBlockKind::StopIteration => {}
            FBlockKind::ForLoop => {
                // Pop the iterator.
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2, *loc);
                }
                self.emit(Opcode::POP_TOP, 0, *loc);
            }
            FBlockKind::TryExcept => self.emit(Opcode::POP_BLOCK, 0, *loc),
            FBlockKind::FinallyTry => {
                // The POP_BLOCK gets the line of the statement that unwinds.
                self.emit(Opcode::POP_BLOCK, 0, *loc);
                if preserve_tos {
                    self.push_fblock(FBlock::new(FBlockKind::PopValue, *loc, None, None))?;
                }
                self.stmts(info.finally_body)?;
                if preserve_tos {
                    self.pop_fblock();
                }
                // The finally block should appear to run after the unwinding statement.
                *loc = Location::NONE;
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2, *loc);
                }
                self.emit(Opcode::POP_TOP, 0, *loc); // exc_value
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2, *loc);
                }
                self.emit(Opcode::POP_BLOCK, 0, *loc);
                self.emit(Opcode::POP_EXCEPT, 0, *loc);
            }
            FBlockKind::With | FBlockKind::AsyncWith => {
                *loc = info.loc;
                self.emit(Opcode::POP_BLOCK, 0, *loc);
                if preserve_tos {
                    self.emit(Opcode::SWAP, 3, *loc);
                    self.emit(Opcode::SWAP, 2, *loc);
                }
                self.call_exit_with_nones(*loc);
                if info.kind == FBlockKind::AsyncWith {
                    self.emit(Opcode::GET_AWAITABLE, 2, *loc);
                    self.load_const(Const::None, *loc);
                    self.yield_from(*loc, true);
                }
                self.emit(Opcode::POP_TOP, 0, *loc);
                *loc = Location::NONE;
            }
            FBlockKind::HandlerCleanup => {
                let named = info.handler_name.is_some();
                if named {
                    self.emit(Opcode::POP_BLOCK, 0, *loc);
                }
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2, *loc);
                }
                self.emit(Opcode::POP_BLOCK, 0, *loc);
                self.emit(Opcode::POP_EXCEPT, 0, *loc);
                if let Some(name) = info.handler_name {
                    self.load_const(Const::None, *loc);
                    self.nameop(name, Ctx::Store, *loc)?;
                    self.nameop(name, Ctx::Del, *loc)?;
                }
            }
            FBlockKind::PopValue => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2, *loc);
                }
                self.emit(Opcode::POP_TOP, 0, *loc);
            }
        }
        Ok(())
    }

    /// Unwinds the block stack, stopping at the innermost loop when `stop_at_loop` (whose
    /// index is returned). Blocks are popped while their exit code is generated, since a
    /// `finally` body may itself unwind, and pushed back afterwards.
    pub(crate) fn unwind_fblock_stack(
        &mut self,
        loc: &mut Location,
        preserve_tos: bool,
        stop_at_loop: bool,
    ) -> Res<Option<FBlock<'a>>> {
        let Some(&top) = self.u().fblocks.last() else {
            return Ok(None);
        };
        if top.kind == FBlockKind::ExceptionGroupHandler {
            return Err(self.error(
                "'break', 'continue' and 'return' cannot appear in an except* block",
                *loc,
            ));
        }
        if stop_at_loop && matches!(top.kind, FBlockKind::WhileLoop | FBlockKind::ForLoop) {
            return Ok(Some(top));
        }
        self.pop_fblock();
        self.unwind_fblock(loc, &top, preserve_tos)?;
        let r = self.unwind_fblock_stack(loc, preserve_tos, stop_at_loop)?;
        self.um().fblocks.push(top);
        Ok(r)
    }

    /// `return` (CPython's `codegen_return`).
    pub(crate) fn return_stmt(
        &mut self,
        s: &'a Stmt<'a>,
        value: Option<&'a crate::ast::Expr<'a>>,
    ) -> Res {
        let mut loc = self.span(s.span);
        let constant = value.and_then(crate::compile::preprocess::constant);
        let preserve_tos = value.is_some() && constant.is_none();
        if !self.ste().is_function_like() {
            return Err(self.error("'return' outside function", loc));
        }
        if value.is_some() && self.ste().coroutine && self.ste().generator {
            return Err(self.error("'return' with value in async generator", loc));
        }
        if preserve_tos {
            if let Some(v) = value {
                self.visit_expr(v)?;
            }
        } else if let Some(v) = value {
            // An instruction with the line of the returned constant.
            loc = self.eloc(v);
            self.emit(Opcode::NOP, 0, loc);
        }
        let s_loc = self.span(s.span);
        if value.is_none_or(|v| self.eloc(v).lineno != s_loc.lineno) {
            loc = s_loc;
            self.emit(Opcode::NOP, 0, loc);
        }
        self.unwind_fblock_stack(&mut loc, preserve_tos, false)?;
        match (value, constant) {
            (None, _) => self.load_const(Const::None, loc),
            (Some(_), Some(c)) => self.load_ast_const(&c, loc),
            _ => {}
        }
        self.emit(Opcode::RETURN_VALUE, 0, loc);
        Ok(())
    }

    pub(crate) fn break_stmt(&mut self, mut loc: Location) -> Res {
        let origin = loc;
        self.emit(Opcode::NOP, 0, loc);
        let Some(lp) = self.unwind_fblock_stack(&mut loc, false, true)? else {
            return Err(self.error("'break' outside loop", origin));
        };
        self.unwind_fblock(&mut loc, &lp, false)?;
        if let Some(exit) = lp.exit {
            self.emit_jump(Opcode::JUMP, exit, loc);
        }
        Ok(())
    }

    pub(crate) fn continue_stmt(&mut self, mut loc: Location) -> Res {
        let origin = loc;
        self.emit(Opcode::NOP, 0, loc);
        let Some(lp) = self.unwind_fblock_stack(&mut loc, false, true)? else {
            return Err(self.error("'continue' not properly in loop", origin));
        };
        if let Some(block) = lp.block {
            self.emit_jump(Opcode::JUMP, block, loc);
        }
        Ok(())
    }

    /// `__exit__(None, None, None)` on the bound `__exit__` below the stack top.
    pub(crate) fn call_exit_with_nones(&mut self, loc: Location) {
        for _ in 0..3 {
            self.load_const(Const::None, loc);
        }
        self.emit(Opcode::CALL, 3, loc);
    }

    /// The `SEND` loop of `yield from` / `await` (CPython's `codegen_add_yield_from`).
    pub(crate) fn yield_from(&mut self, loc: Location, is_await: bool) {
        let send = self.new_label();
        let fail = self.new_label();
        let exit = self.new_label();
        self.use_label(send);
        self.emit_jump(Opcode::SEND, exit, loc);
        // A virtual try/except for StopIteration raised by close() or throw().
        self.emit_jump(Opcode::SETUP_FINALLY, fail, loc);
        self.emit(Opcode::YIELD_VALUE, 1, loc);
        self.emit(Opcode::POP_BLOCK, 0, Location::NONE);
        self.emit(Opcode::RESUME, if is_await { 3 } else { 2 }, loc);
        self.emit_jump(Opcode::JUMP_NO_INTERRUPT, send, loc);
        self.use_label(fail);
        self.emit(Opcode::CLEANUP_THROW, 0, loc);
        self.use_label(exit);
        self.emit(Opcode::END_SEND, 0, loc);
    }

    /// `COPY 3; POP_EXCEPT; RERAISE 1` (CPython's `codegen_pop_except_and_reraise`).
    pub(crate) fn pop_except_and_reraise(&mut self, loc: Location) {
        self.emit(Opcode::COPY, 3, loc);
        self.emit(Opcode::POP_EXCEPT, 0, loc);
        self.emit(Opcode::RERAISE, 1, loc);
    }
}
