//! `NOP` and redundant-jump removal (`basicblock_remove_redundant_nops`,
//! `remove_redundant_nops_and_pairs`, `remove_redundant_jumps`,
//! `remove_redundant_nops_and_jumps`).
//!
//! Contract: a `NOP` survives only when it is the sole carrier of a line number (PEP 626 line
//! events): it goes when it has no line, when the previous kept instruction is on its line,
//! when the next instruction is on its line (a next instruction without a line inherits the
//! `NOP`'s whole location instead), or when it ends the block and the next non-empty block
//! starts on its line. A constant load or `COPY 1` directly followed by `POP_TOP` (within a
//! block, or across a fall-through into an unlabelled block) becomes two `NOP`s, repeatedly.
//! An unconditional jump to the next non-empty block becomes a `NOP`.

use super::{BlockId, Cfg, opcodes};
use crate::compile::instr_seq::Location;
use crate::instr::Opcode;
use crate::parse::{ErrorKind, SyntaxError};

use super::internal_error;

/// Removes the block's redundant `NOP`s; returns how many went.
#[inline]
pub(super) fn remove_redundant_nops_in_block(cfg: &mut Cfg, b: BlockId) -> usize {
    // Most blocks have no `NOP` by the time this runs again: keep that test cheap.
    if !cfg[b].instrs.iter().any(|i| i.opcode == Opcode::NOP) {
        return 0;
    }
    remove_nops(cfg, b)
}

#[inline(never)]
fn remove_nops(cfg: &mut Cfg, b: BlockId) -> usize {
    // The location of the first instruction of the next non-empty block that is not a
    // line-less NOP (those will be removed), needed only for a NOP at the end.
    let next_loc = || -> Option<Location> {
        let next = cfg.next_nonempty(cfg[b].next)?;
        Some(
            cfg[next]
                .instrs
                .iter()
                .find(|i| !(i.opcode == Opcode::NOP && i.loc.lineno < 0))
                .map_or(Location::NONE, |i| i.loc),
        )
    };
    let ends_with_nop = cfg[b].last().is_some_and(|i| i.opcode == Opcode::NOP);
    let trailing_next_line = if ends_with_nop {
        next_loc().map(|l| l.lineno)
    } else {
        None
    };
    let block = &mut cfg[b];
    let len = block.instrs.len();
    let mut dest = 0;
    let mut prev_lineno = -1;
    for src in 0..len {
        let lineno = block.instrs[src].loc.lineno;
        if block.instrs[src].opcode == Opcode::NOP {
            if lineno < 0 || prev_lineno == lineno {
                continue;
            }
            if src + 1 < len {
                let next_lineno = block.instrs[src + 1].loc.lineno;
                if next_lineno == lineno {
                    continue;
                }
                if next_lineno < 0 {
                    block.instrs[src + 1].loc = block.instrs[src].loc;
                    continue;
                }
            } else if trailing_next_line == Some(lineno) {
                continue;
            }
        }
        if dest != src {
            block.instrs[dest] = block.instrs[src];
        }
        dest += 1;
        prev_lineno = lineno;
    }
    block.truncate(dest);
    len - dest
}

pub(super) fn remove_redundant_nops(cfg: &mut Cfg) -> usize {
    let mut changes = 0;
    let mut cur = Some(cfg.entry);
    while let Some(b) = cur {
        changes += remove_redundant_nops_in_block(cfg, b);
        cur = cfg[b].next;
    }
    changes
}

pub(super) fn remove_redundant_nops_and_pairs(cfg: &mut Cfg) {
    let mut done = false;
    while !done {
        done = true;
        // The previous instruction in straight-line order, as (block, index).
        let mut instr: Option<(BlockId, usize)> = None;
        let mut cur = Some(cfg.entry);
        while let Some(b) = cur {
            remove_redundant_nops_in_block(cfg, b);
            if cfg[b].label.is_some() {
                // A jump target: what precedes it in the layout is not all that reaches it.
                instr = None;
            }
            for i in 0..cfg[b].instrs.len() {
                let prev = instr;
                instr = Some((b, i));
                let (prev_op, prev_arg) = match prev {
                    Some((pb, pi)) => (Some(cfg[pb].instrs[pi].opcode), cfg[pb].instrs[pi].oparg),
                    None => (None, 0),
                };
                let redundant = cfg[b].instrs[i].opcode == Opcode::POP_TOP
                    && (matches!(prev_op, Some(Opcode::LOAD_CONST | Opcode::LOAD_SMALL_INT))
                        || (prev_op == Some(Opcode::COPY) && prev_arg == 1));
                if redundant {
                    if let Some((pb, pi)) = prev {
                        cfg[pb].instrs[pi].set_op0(Opcode::NOP);
                    }
                    cfg[b].instrs[i].set_op0(Opcode::NOP);
                    done = false;
                }
            }
            let ends_with_jump =
                instr.is_some_and(|(ib, ii)| opcodes::is_jump(cfg[ib].instrs[ii].opcode));
            if ends_with_jump || !cfg[b].has_fallthrough() {
                instr = None;
            }
            cur = cfg[b].next;
        }
    }
}

/// Turns jumps to the next non-empty block into `NOP`s; returns how many.
pub(super) fn remove_redundant_jumps(cfg: &mut Cfg) -> Result<usize, SyntaxError> {
    let mut changes = 0;
    let mut cur = Some(cfg.entry);
    while let Some(b) = cur {
        if let Some(last) = cfg[b].last().copied()
            && opcodes::is_unconditional_jump(last.opcode)
        {
            let jump_target = cfg
                .next_nonempty(last.target)
                .ok_or_else(|| internal_error(ErrorKind::SystemError, "jump with NULL target"))?;
            if Some(jump_target) == cfg.next_nonempty(cfg[b].next) {
                changes += 1;
                if let Some(last) = cfg[b].instrs.last_mut() {
                    last.set_op0(Opcode::NOP);
                }
            }
        }
        cur = cfg[b].next;
    }
    Ok(changes)
}

pub(super) fn remove_redundant_nops_and_jumps(cfg: &mut Cfg) -> Result<(), SyntaxError> {
    loop {
        let removed_nops = remove_redundant_nops(cfg);
        let removed_jumps = remove_redundant_jumps(cfg)?;
        if removed_nops + removed_jumps == 0 {
            return Ok(());
        }
    }
}
