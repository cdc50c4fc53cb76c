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
    let mut walk = cfg.walk();
    while let Some(b) = walk.next(cfg) {
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

/// Handler stacks as a persistent linked list: a stack is the index of its top frame (or
/// `None` when empty), so handing a copy to a jump target costs nothing.
struct Frames {
    /// (the frame below, the handler, the depth of this frame)
    frames: Vec<(Option<u32>, BlockId, u32)>,
}

impl Frames {
    fn push(&mut self, stack: Option<u32>, handler: BlockId) -> Option<u32> {
        let depth = self.depth(stack) + 1;
        self.frames.push((stack, handler, depth));
        Some(self.frames.len() as u32 - 1)
    }

    fn pop(&self, stack: Option<u32>) -> Option<u32> {
        stack.and_then(|i| self.frames[i as usize].0)
    }

    fn top(&self, stack: Option<u32>) -> Option<BlockId> {
        stack.map(|i| self.frames[i as usize].1)
    }

    fn depth(&self, stack: Option<u32>) -> u32 {
        stack.map_or(0, |i| self.frames[i as usize].2)
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
    let mut frames = Frames { frames: Vec::new() };
    // The handler stack each queued block starts with (the outer Option: assigned yet).
    let mut stacks: Vec<Option<Option<u32>>> = vec![None; cfg.blocks.len()];
    let entry = cfg.entry;
    cfg[entry].visited = true;
    stacks[entry.index()] = Some(None);
    todo.push(entry);
    while let Some(b) = todo.pop() {
        let Some(mut stack) = stacks[b.index()].take() else {
            return Err(unbalanced());
        };
        let mut handler = frames.top(stack);
        let mut last_yield_except_depth: i64 = -1;
        for i in 0..cfg[b].instrs.len() {
            let instr = cfg[b].instrs[i];
            if opcodes::is_block_push(instr.opcode) {
                let Some(target) = instr.target else { continue };
                if !cfg[target].visited {
                    stacks[target.index()] = Some(stack);
                    cfg[target].visited = true;
                    todo.push(target);
                }
                if matches!(instr.opcode, Opcode::SETUP_WITH | Opcode::SETUP_CLEANUP) {
                    cfg[target].preserve_lasti = true;
                }
                stack = frames.push(stack, target);
                handler = Some(target);
            } else if instr.opcode == Opcode::POP_BLOCK {
                if stack.is_none() {
                    return Err(unbalanced());
                }
                stack = frames.pop(stack);
                handler = frames.top(stack);
                cfg[b].instrs[i].set_op0(Opcode::NOP);
            } else if opcodes::is_jump(instr.opcode) {
                cfg[b].instrs[i].except = handler;
                let Some(target) = instr.target else { continue };
                if !cfg[target].visited {
                    stacks[target.index()] = Some(stack);
                    cfg[target].visited = true;
                    todo.push(target);
                }
            } else if instr.opcode == Opcode::YIELD_VALUE {
                cfg[b].instrs[i].except = handler;
                last_yield_except_depth = i64::from(frames.depth(stack));
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
