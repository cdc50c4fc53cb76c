//! Stack depth (`calculate_stackdepth`).
//!
//! Contract: walking from the entry, every block gets the stack depth it starts with
//! (`startdepth`) and the result is the deepest level seen before any instruction runs.
//! Jump targets (not `END_ASYNC_FOR`'s) get the depth after the jump path's effect;
//! instructions after an unconditional jump or scope exit in a block are ignored. A block
//! reached with two different depths, or an instruction popping below zero, is CPython's
//! `ValueError` ("Invalid CFG, ..."); an instruction without a stack effect (a specialized
//! one) its `SystemError`.

use super::{BlockId, Cfg, opcodes};
use crate::instr::Opcode;
use crate::parse::{ErrorKind, SyntaxError};

use super::internal_error;

fn push(
    cfg: &mut Cfg,
    stack: &mut Vec<BlockId>,
    b: BlockId,
    depth: i32,
) -> Result<(), SyntaxError> {
    let start = cfg[b].startdepth;
    if !(start < 0 || start == depth) {
        return Err(internal_error(
            ErrorKind::ValueError,
            "Invalid CFG, inconsistent stackdepth",
        ));
    }
    if start < depth && start < 100 {
        cfg[b].startdepth = depth;
        stack.push(b);
    }
    Ok(())
}

fn invalid_effect(opcode: Opcode, oparg: u32) -> SyntaxError {
    internal_error(
        ErrorKind::SystemError,
        &format!(
            "Invalid stack effect for opcode={}, arg={}",
            opcode.number(),
            oparg
        ),
    )
}

/// Runs one block's instructions from `depth`; returns the depth at its end and the
/// fall-through successor, if control reaches the end.
fn walk_block(
    cfg: &mut Cfg,
    stack: &mut Vec<BlockId>,
    instrs: &[super::CfgInstr],
    mut depth: i32,
    mut next: Option<BlockId>,
    maxdepth: &mut i32,
) -> Result<(i32, Option<BlockId>), SyntaxError> {
    for instr in instrs {
        let effect = opcodes::stack_effect(instr.opcode, instr.oparg, false)
            .ok_or_else(|| invalid_effect(instr.opcode, instr.oparg))?;
        let new_depth = depth + effect;
        if new_depth < 0 {
            return Err(internal_error(
                ErrorKind::ValueError,
                "Invalid CFG, stack underflow",
            ));
        }
        *maxdepth = (*maxdepth).max(depth);
        if opcodes::has_target(instr.opcode) && instr.opcode != Opcode::END_ASYNC_FOR {
            let jump_effect = opcodes::stack_effect(instr.opcode, instr.oparg, true)
                .ok_or_else(|| invalid_effect(instr.opcode, instr.oparg))?;
            if let Some(target) = instr.target {
                push(cfg, stack, target, depth + jump_effect)?;
            }
        }
        depth = new_depth;
        if opcodes::is_no_fallthrough(instr.opcode) {
            // The rest of the block is dead.
            next = None;
            break;
        }
    }
    Ok((depth, next))
}

pub(super) fn calculate_stackdepth(cfg: &mut Cfg) -> Result<u32, SyntaxError> {
    let mut walk = cfg.walk();
    while let Some(b) = walk.next(cfg) {
        cfg[b].startdepth = i32::MIN;
    }
    let mut stack = cfg.traversal_stack();
    let mut maxdepth = 0;
    let entry = cfg.entry;
    push(cfg, &mut stack, entry, 0)?;
    while let Some(b) = stack.pop() {
        let depth = cfg[b].startdepth;
        let next = cfg[b].next;
        let (depth, next) = cfg.with_instrs(b, |cfg, instrs| {
            walk_block(cfg, &mut stack, instrs, depth, next, &mut maxdepth)
        })?;
        if let Some(next) = next {
            push(cfg, &mut stack, next, depth)?;
        }
    }
    if maxdepth > MAX_STACK_DEPTH {
        return Err(internal_error(
            ErrorKind::MemoryError,
            "stack depth too large",
        ));
    }
    Ok(maxdepth as u32)
}

/// Deeper than any code CPython's codegen produces by orders of magnitude; later passes
/// simulate the stack, so an absurd depth would exhaust memory.
const MAX_STACK_DEPTH: i32 = 1 << 20;
