//! Checked loads of possibly unbound locals
//! (`add_checks_for_loads_of_uninitialized_variables`, `fast_scan_many_locals`).
//!
//! Contract: a `LOAD_FAST` of a local that may be unbound on some path to it (a
//! non-parameter never stored, or deleted / cleared / stored maybe-NULL, including on the
//! way to an exception handler) becomes `LOAD_FAST_CHECK`. The first 64 locals are tracked
//! across blocks with a bit mask propagated to a fixed point; the others only within a
//! block (any load not preceded in its block by a store or load of the same local is
//! checked).

use super::{BlockId, Cfg, opcodes};
use crate::instr::Opcode;

/// `maybe_push`: merge `mask` into the block's unsafe set; queue it if that added anything.
fn maybe_push(cfg: &mut Cfg, b: BlockId, mask: u64, stack: &mut Vec<BlockId>) {
    let both = cfg[b].unsafe_locals_mask | mask;
    if cfg[b].unsafe_locals_mask != both {
        cfg[b].unsafe_locals_mask = both;
        if !cfg[b].visited {
            stack.push(b);
            cfg[b].visited = true;
        }
    }
}

fn scan_block_for_locals(cfg: &mut Cfg, b: BlockId, stack: &mut Vec<BlockId>) {
    let mut unsafe_mask = cfg[b].unsafe_locals_mask;
    cfg.with_instrs(b, |cfg, instrs| {
        // Masks only grow, so pushing the same mask to the same handler again (as every
        // instruction of a `try` body does) would change nothing.
        let mut pushed: Option<(BlockId, u64)> = None;
        for instr in instrs.iter_mut() {
            if let Some(handler) = instr.except
                && pushed != Some((handler, unsafe_mask))
            {
                maybe_push(cfg, handler, unsafe_mask, stack);
                pushed = Some((handler, unsafe_mask));
            }
            if instr.oparg >= 64 {
                continue;
            }
            let bit = 1u64 << instr.oparg;
            match instr.opcode {
                Opcode::DELETE_FAST
                | Opcode::LOAD_FAST_AND_CLEAR
                | Opcode::STORE_FAST_MAYBE_NULL => unsafe_mask |= bit,
                Opcode::STORE_FAST | Opcode::LOAD_FAST_CHECK => unsafe_mask &= !bit,
                Opcode::LOAD_FAST => {
                    if unsafe_mask & bit != 0 {
                        instr.opcode = Opcode::LOAD_FAST_CHECK;
                    }
                    unsafe_mask &= !bit;
                }
                _ => {}
            }
        }
    });
    if cfg[b].has_fallthrough()
        && let Some(next) = cfg[b].next
    {
        maybe_push(cfg, next, unsafe_mask, stack);
    }
    if let Some(last) = cfg[b].last().copied()
        && opcodes::is_jump(last.opcode)
        && let Some(target) = last.target
    {
        maybe_push(cfg, target, unsafe_mask, stack);
    }
}

fn fast_scan_many_locals(cfg: &mut Cfg, nlocals: usize) {
    // states[i - 64] == blocknum: local i is known bound at this point of block blocknum.
    let mut states = vec![0usize; nlocals - 64];
    let mut blocknum = 0usize;
    let mut walk = cfg.walk();
    while let Some(b) = walk.next(cfg) {
        blocknum += 1;
        for instr in &mut cfg[b].instrs {
            let arg = instr.oparg as usize;
            if arg < 64 {
                continue;
            }
            let Some(state) = states.get_mut(arg - 64) else {
                continue;
            };
            match instr.opcode {
                Opcode::DELETE_FAST
                | Opcode::LOAD_FAST_AND_CLEAR
                | Opcode::STORE_FAST_MAYBE_NULL => {
                    *state = blocknum - 1;
                }
                Opcode::STORE_FAST => *state = blocknum,
                Opcode::LOAD_FAST => {
                    if *state != blocknum {
                        instr.opcode = Opcode::LOAD_FAST_CHECK;
                    }
                    *state = blocknum;
                }
                _ => {}
            }
        }
    }
}

pub(super) fn add_checks_for_loads_of_uninitialized_variables(
    cfg: &mut Cfg,
    nlocals: usize,
    nparams: usize,
) {
    if nlocals == 0 {
        return;
    }
    let mut nlocals = nlocals;
    if nlocals > 64 {
        fast_scan_many_locals(cfg, nlocals);
        nlocals = 64;
    }
    let mut stack = cfg.traversal_stack();
    let mut start_mask = 0u64;
    for i in nparams..nlocals {
        start_mask |= 1u64 << i;
    }
    let entry = cfg.entry;
    maybe_push(cfg, entry, start_mask, &mut stack);
    let mut walk = cfg.walk();
    while let Some(b) = walk.next(cfg) {
        scan_block_for_locals(cfg, b, &mut stack);
    }
    while let Some(b) = stack.pop() {
        cfg[b].visited = false;
        scan_block_for_locals(cfg, b, &mut stack);
    }
}
