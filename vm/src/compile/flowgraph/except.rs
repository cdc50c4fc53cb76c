//! Exception handlers (`mark_except_handlers`, `label_exception_targets`).
//!
//! Contract: every `SETUP_*` target is marked as a handler, and `SETUP_WITH` /
//! `SETUP_CLEANUP` targets as handlers that get `lasti`. Walking the graph from the entry
//! with a stack of active handlers (pushed by `SETUP_*`, popped by `POP_BLOCK`, which becomes
//! a `NOP`), every instruction learns the handler an exception raised there goes to
//! (`except`). A `RESUME` after a `yield` inside exactly one handler gets
//! `RESUME_OPARG_DEPTH1_MASK`. Blocks are visited in CPython's order (a stack, targets pushed
//! before the fall-through), and a block takes the handler stack of whoever reaches it
//! first.

use super::{BlockId, Cfg, opcodes};
use crate::instr::Opcode;
use crate::parse::{ErrorKind, SyntaxError};

use super::internal_error;

/// `RESUME` oparg for the start of a function.
const RESUME_AT_FUNC_START: u32 = 0;
/// `RESUME` oparg bit: the yield it follows is inside one level of exception handling.
const RESUME_OPARG_DEPTH1_MASK: u32 = 0x4;

pub(super) fn mark_except_handlers(cfg: &mut Cfg) {
    for b in cfg.order() {
        for i in 0..cfg[b].instrs.len() {
            let instr = cfg[b].instrs[i];
            if opcodes::is_block_push(instr.opcode)
                && let Some(target) = instr.target
            {
                cfg[target].except_handler = true;
            }
        }
    }
}

/// The handler stack: `handlers[0]` is "no handler", `handlers[depth]` the innermost.
#[derive(Clone)]
struct ExceptStack {
    handlers: Vec<Option<BlockId>>,
}

impl ExceptStack {
    fn top(&self) -> Option<BlockId> {
        self.handlers.last().copied().flatten()
    }

    fn depth(&self) -> usize {
        self.handlers.len() - 1
    }
}

fn unbalanced() -> SyntaxError {
    internal_error(
        ErrorKind::SystemError,
        "POP_BLOCK without an active handler",
    )
}

pub(super) fn label_exception_targets(cfg: &mut Cfg) -> Result<(), SyntaxError> {
    let mut todo = cfg.traversal_stack();
    let mut stacks: Vec<Option<ExceptStack>> = vec![None; cfg.blocks.len()];
    let entry = cfg.entry;
    cfg[entry].visited = true;
    stacks[entry.index()] = Some(ExceptStack {
        handlers: vec![None],
    });
    todo.push(entry);
    while let Some(b) = todo.pop() {
        let Some(mut stack) = stacks[b.index()].take() else {
            return Err(unbalanced());
        };
        let mut stack_moved = false;
        let mut handler = stack.top();
        let mut last_yield_except_depth: i64 = -1;
        for i in 0..cfg[b].instrs.len() {
            let instr = cfg[b].instrs[i];
            if opcodes::is_block_push(instr.opcode) {
                let Some(target) = instr.target else { continue };
                if !cfg[target].visited {
                    stacks[target.index()] = Some(stack.clone());
                    cfg[target].visited = true;
                    todo.push(target);
                }
                if matches!(instr.opcode, Opcode::SETUP_WITH | Opcode::SETUP_CLEANUP) {
                    cfg[target].preserve_lasti = true;
                }
                stack.handlers.push(Some(target));
                handler = Some(target);
            } else if instr.opcode == Opcode::POP_BLOCK {
                if stack.depth() == 0 {
                    return Err(unbalanced());
                }
                stack.handlers.pop();
                handler = stack.top();
                cfg[b].instrs[i].set_op0(Opcode::NOP);
            } else if opcodes::is_jump(instr.opcode) {
                cfg[b].instrs[i].except = handler;
                let Some(target) = instr.target else { continue };
                if !cfg[target].visited {
                    if cfg[b].has_fallthrough() {
                        stacks[target.index()] = Some(stack.clone());
                    } else {
                        // The jump is the last way out of the block: hand the stack over.
                        stacks[target.index()] = Some(stack.clone());
                        stack_moved = true;
                    }
                    cfg[target].visited = true;
                    todo.push(target);
                }
            } else if instr.opcode == Opcode::YIELD_VALUE {
                cfg[b].instrs[i].except = handler;
                last_yield_except_depth = stack.depth() as i64;
            } else if instr.opcode == Opcode::RESUME {
                cfg[b].instrs[i].except = handler;
                if instr.oparg != RESUME_AT_FUNC_START {
                    if last_yield_except_depth == 1 {
                        cfg[b].instrs[i].oparg |= RESUME_OPARG_DEPTH1_MASK;
                    }
                    last_yield_except_depth = -1;
                }
            } else {
                cfg[b].instrs[i].except = handler;
            }
        }
        if cfg[b].has_fallthrough()
            && !stack_moved
            && let Some(next) = cfg[b].next
            && !cfg[next].visited
        {
            stacks[next.index()] = Some(stack);
            cfg[next].visited = true;
            todo.push(next);
        }
    }
    Ok(())
}
