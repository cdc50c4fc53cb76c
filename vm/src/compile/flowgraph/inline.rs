//! Tail duplication of small exits (`inline_small_or_no_lineno_blocks`).
//!
//! Contract: a block ending in an unconditional jump to a block that either leaves the scope
//! within `MAX_COPY_SIZE` instructions, or has no line number and no fall-through, gets the
//! jump replaced by a `NOP` and a copy of the target's instructions appended. When the target
//! has no line number and its copied tail ends in an unconditional jump while the removed jump
//! was a plain `JUMP`, the tail becomes a `JUMP` so no eval-breaker check is lost. Repeats
//! until nothing changes.

use super::{Cfg, opcodes};
use crate::instr::Opcode;
use crate::parse::{ErrorKind, SyntaxError};

use super::internal_error;

/// Largest exit block that is copied rather than jumped to.
const MAX_COPY_SIZE: usize = 4;

pub(super) fn inline_small_or_no_lineno_blocks(cfg: &mut Cfg) -> Result<(), SyntaxError> {
    // CPython would copy forever around a cycle of line-less blocks that jump to each
    // other; codegen never produces one, but no input may hang the compiler, so the copies
    // get a budget far above what real code uses.
    let mut total = 0;
    let mut walk = cfg.walk();
    while let Some(b) = walk.next(cfg) {
        total += cfg[b].instrs.len();
    }
    let mut budget = total * 8 + 4096;
    loop {
        let mut changes = false;
        let mut cur = Some(cfg.entry);
        while let Some(b) = cur {
            if inline_one(cfg, b, &mut budget)? {
                changes = true;
            }
            cur = cfg[b].next;
        }
        if !changes {
            return Ok(());
        }
    }
}

fn inline_one(cfg: &mut Cfg, b: super::BlockId, budget: &mut usize) -> Result<bool, SyntaxError> {
    let Some(last) = cfg[b].last().copied() else {
        return Ok(false);
    };
    if !opcodes::is_unconditional_jump(last.opcode) {
        return Ok(false);
    }
    let Some(target) = last.target else {
        return Ok(false);
    };
    let small_exit_block = cfg[target].exits_scope() && cfg[target].instrs.len() <= MAX_COPY_SIZE;
    let no_lineno_no_fallthrough = cfg[target].has_no_lineno() && !cfg[target].has_fallthrough();
    if !(small_exit_block || no_lineno_no_fallthrough) {
        return Ok(false);
    }
    *budget = budget
        .checked_sub(cfg[target].instrs.len())
        .ok_or_else(|| internal_error(ErrorKind::SystemError, "jump cycle without line numbers"))?;
    let removed_jump_opcode = last.opcode;
    if let Some(l) = cfg[b].instrs.last_mut() {
        l.set_op0(Opcode::NOP);
    }
    let copied = cfg[target].instrs.clone();
    cfg[b].append_copies(&copied);
    if no_lineno_no_fallthrough
        && let Some(l) = cfg[b].instrs.last_mut()
        && opcodes::is_unconditional_jump(l.opcode)
        && removed_jump_opcode == Opcode::JUMP
    {
        l.opcode = Opcode::JUMP;
    }
    cfg[target].predecessors -= 1;
    Ok(true)
}
