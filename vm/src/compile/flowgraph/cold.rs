//! Cold-block layout (`mark_warm`, `mark_cold`, `push_cold_blocks_to_end`).
//!
//! Contract: blocks reachable from the entry without going through an exception handler
//! are warm; blocks reachable from a handler but not warm are cold. A cold block that falls
//! through into a warm one gets an explicit `JUMP_NO_INTERRUPT` (in a new cold block); then
//! every run of cold blocks is moved, in order, to the end of the layout, and redundant
//! `NOP`s and jumps are removed again.

use super::{Block, BlockId, Cfg, CfgInstr, nops, opcodes};
use crate::compile::instr_seq::Location;
use crate::instr::Opcode;
use crate::parse::SyntaxError;

/// Depth-first walk over fall-through and jump edges (not handler edges) from the blocks on
/// `stack`, which must be marked visited; `mark` runs on each block reached, and a block is
/// entered only if `enter` accepts it.
fn spread(cfg: &mut Cfg, mut stack: Vec<BlockId>, mark: fn(&mut Block), enter: fn(&Block) -> bool) {
    while let Some(b) = stack.pop() {
        mark(&mut cfg[b]);
        if cfg[b].has_fallthrough()
            && let Some(next) = cfg[b].next
            && enter(&cfg[next])
            && !cfg[next].visited
        {
            stack.push(next);
            cfg[next].visited = true;
        }
        for i in 0..cfg[b].instrs.len() {
            let instr = cfg[b].instrs[i];
            if opcodes::is_jump(instr.opcode)
                && let Some(target) = instr.target
                && enter(&cfg[target])
                && !cfg[target].visited
            {
                stack.push(target);
                cfg[target].visited = true;
            }
        }
    }
}

fn mark_cold(cfg: &mut Cfg) {
    let mut stack = cfg.traversal_stack();
    let entry = cfg.entry;
    stack.push(entry);
    cfg[entry].visited = true;
    spread(cfg, stack, |b| b.warm = true, |_| true);

    let mut stack = cfg.traversal_stack();
    let mut walk = cfg.walk();
    while let Some(b) = walk.next(cfg) {
        if cfg[b].except_handler {
            stack.push(b);
            cfg[b].visited = true;
        }
    }
    spread(cfg, stack, |b| b.cold = true, |b| !b.warm);
}

pub(super) fn push_cold_blocks_to_end(cfg: &mut Cfg) -> Result<(), SyntaxError> {
    let entry = cfg.entry;
    if cfg[entry].next.is_none() {
        return Ok(());
    }
    mark_cold(cfg);
    let mut next_label = cfg.max_label() + 1;

    // Cold blocks falling through into warm ones jump there instead.
    let mut cur = Some(entry);
    while let Some(b) = cur {
        if let Some(next) = cfg[b].next
            && cfg[b].cold
            && cfg[b].has_fallthrough()
            && cfg[next].warm
        {
            let explicit_jump = cfg.new_block();
            if cfg[next].label.is_none() {
                cfg[next].label = Some(next_label as u32);
                next_label += 1;
            }
            let mut jump = CfgInstr::new(Opcode::JUMP_NO_INTERRUPT, 0, Location::NONE);
            jump.target = Some(next);
            cfg[explicit_jump].addop(jump);
            cfg[explicit_jump].cold = true;
            cfg[explicit_jump].next = Some(next);
            cfg[explicit_jump].predecessors = 1;
            cfg[b].next = Some(explicit_jump);
        }
        cur = cfg[b].next;
    }

    // Unlink each run of cold blocks and chain the runs after the last warm block.
    let mut cold_head = None;
    let mut cold_tail: Option<BlockId> = None;
    let mut b = entry;
    while cfg[b].next.is_some() {
        while let Some(next) = cfg[b].next {
            if cfg[next].cold {
                break;
            }
            b = next;
        }
        let Some(start) = cfg[b].next else {
            break;
        };
        let mut end = start;
        while let Some(next) = cfg[end].next {
            if !cfg[next].cold {
                break;
            }
            end = next;
        }
        match cold_tail {
            None => cold_head = Some(start),
            Some(tail) => cfg[tail].next = Some(start),
        }
        cold_tail = Some(end);
        cfg[b].next = cfg[end].next;
        cfg[end].next = None;
    }
    cfg[b].next = cold_head;
    if cold_head.is_some() {
        nops::remove_redundant_nops_and_jumps(cfg)?;
    }
    Ok(())
}
