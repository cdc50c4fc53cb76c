//! Line numbers for instructions codegen left without one (`resolve_line_numbers`:
//! `duplicate_exits_without_lineno`, then `propagate_line_numbers`).
//!
//! Contract (PEP 626): every exit and every eval-breaker block ends up with a line. A
//! line-less block that returns, raises or checks the eval breaker and is the target of
//! jumps from several places is copied once per extra jump (the copy placed right after the
//! original, labelled with a fresh label, its first instruction taking the jump's
//! location); one reached only by falling through takes the location of the previous block's
//! last instruction. Then within each block a line-less instruction takes the previous
//! instruction's location, and a successor with a single predecessor whose first
//! instruction is line-less takes the location the block ends with.

use super::{BlockId, Cfg, opcodes};
use crate::compile::instr_seq::Location;

pub(super) fn resolve_line_numbers(cfg: &mut Cfg) {
    duplicate_exits_without_lineno(cfg);
    propagate_line_numbers(cfg);
}

/// A block that must get a line: it leaves the scope or checks the eval breaker, and has
/// none (`is_exit_or_eval_check_without_lineno`).
fn is_exit_or_eval_check_without_lineno(cfg: &Cfg, b: BlockId) -> bool {
    let block = &cfg[b];
    // Most blocks start with a line number: test that first.
    block.has_no_lineno()
        && (block.exits_scope()
            || block
                .instrs
                .iter()
                .any(|i| opcodes::has_eval_break(i.opcode)))
}

fn duplicate_exits_without_lineno(cfg: &mut Cfg) {
    let mut next_label = cfg.max_label() + 1;
    let mut cur = Some(cfg.entry);
    while let Some(b) = cur {
        if let Some(last) = cfg[b].last().copied()
            && opcodes::is_jump(last.opcode)
            && let Some(target) = cfg.next_nonempty(last.target)
            && is_exit_or_eval_check_without_lineno(cfg, target)
            && cfg[target].predecessors > 1
        {
            let copy = cfg.new_block();
            cfg[copy].instrs = cfg[target].instrs.clone();
            cfg[copy].instrs[0].loc = last.loc;
            if let Some(l) = cfg[b].instrs.last_mut() {
                l.target = Some(copy);
            }
            cfg[target].predecessors -= 1;
            cfg[copy].predecessors = 1;
            cfg[copy].next = cfg[target].next;
            cfg[copy].label = Some(next_label as u32);
            next_label += 1;
            cfg[target].next = Some(copy);
        }
        cur = cfg[b].next;
    }

    // What is left can only be reached by falling through, from a single predecessor.
    let mut cur = Some(cfg.entry);
    while let Some(b) = cur {
        let next = cfg[b].next;
        if let (Some(next), Some(last)) = (next, cfg[b].last().copied())
            && cfg[b].has_fallthrough()
            && is_exit_or_eval_check_without_lineno(cfg, next)
            && let Some(first) = cfg[next].instrs.first_mut()
        {
            first.loc = last.loc;
        }
        cur = next;
    }
}

fn propagate_line_numbers(cfg: &mut Cfg) {
    let mut cur = Some(cfg.entry);
    while let Some(b) = cur {
        cur = cfg[b].next;
        let Some(last) = cfg[b].last().copied() else {
            continue;
        };
        let mut prev_location = Location::NONE;
        for instr in &mut cfg[b].instrs {
            if instr.loc.lineno == Location::NONE.lineno {
                instr.loc = prev_location;
            } else {
                prev_location = instr.loc;
            }
        }
        if cfg[b].has_fallthrough()
            && let Some(next) = cfg[b].next
            && cfg[next].predecessors == 1
            && let Some(first) = cfg[next].instrs.first_mut()
            && first.loc.lineno == Location::NONE.lineno
        {
            first.loc = prev_location;
        }
        if opcodes::is_jump(last.opcode)
            && let Some(target) = last.target
            && cfg[target].predecessors == 1
            && let Some(first) = cfg[target].instrs.first_mut()
            && first.loc.lineno == Location::NONE.lineno
        {
            first.loc = prev_location;
        }
    }
}
