//! `SWAP` runs (`swaptimize`, `apply_static_swaps`).
//!
//! Contract: a run of `SWAP`s and `NOP`s with more than one `SWAP` is replaced by the
//! shortest sequence of `SWAP`s with the same permutation (cycles rotated through the top,
//! written from the end of the run, the rest `NOP`). Then, scanning back from the end of the
//! run, a `SWAP n` whose `n` swapped values are consumed by `STORE_FAST` / `POP_TOP` on the
//! same line is applied to those instructions instead and becomes a `NOP`, unless it would
//! reorder stores to the same local.

use super::{BlockId, Cfg};
use crate::instr::Opcode;

/// Minimizes the run of swaps starting at `ix`; returns the index of its last instruction
/// (or `ix` when there was nothing to do).
pub(super) fn swaptimize(cfg: &mut Cfg, b: BlockId, ix: usize) -> usize {
    let instrs = &mut cfg[b].instrs[ix..];
    let mut depth = instrs[0].oparg as usize;
    let mut len = 0;
    let mut more = false;
    let limit = instrs.len();
    loop {
        len += 1;
        if len >= limit {
            break;
        }
        match instrs[len].opcode {
            Opcode::SWAP => {
                depth = depth.max(instrs[len].oparg as usize);
                more = true;
            }
            Opcode::NOP => {}
            _ => break,
        }
    }
    // SWAP 0 or an absurd depth is not something codegen emits; leave it alone rather
    // than simulate it.
    if !more || depth == 0 || depth > 1 << 20 {
        return ix;
    }
    // Simulate the run on the stack positions 0..depth (0 is the top).
    let mut stack: Vec<isize> = (0..depth as isize).collect();
    for instr in &instrs[..len] {
        if instr.opcode == Opcode::SWAP {
            let j = (instr.oparg as usize)
                .saturating_sub(1)
                .min(depth.saturating_sub(1));
            stack.swap(0, j);
        }
    }
    // Rewrite from the end: each cycle of the permutation rotates through the top.
    const VISITED: isize = -1;
    let mut current = len as isize - 1;
    for i in 0..depth {
        if stack[i] == VISITED || stack[i] == i as isize {
            continue;
        }
        let mut j = i;
        loop {
            if j != 0 {
                if current < 0 {
                    break;
                }
                instrs[current as usize].set_op1(Opcode::SWAP, j as u32 + 1);
                current -= 1;
            }
            if stack[j] == VISITED {
                break;
            }
            let next_j = stack[j] as usize;
            stack[j] = VISITED;
            j = next_j;
        }
    }
    while current >= 0 {
        instrs[current as usize].set_op0(Opcode::NOP);
        current -= 1;
    }
    ix + len - 1
}

/// Instructions that may be reordered with a swap: they only consume the top of the stack
/// and cannot run arbitrary code or affect control flow.
fn swappable(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::STORE_FAST | Opcode::STORE_FAST_MAYBE_NULL | Opcode::POP_TOP
    )
}

fn stores_to(op: Opcode, oparg: u32) -> Option<u32> {
    matches!(op, Opcode::STORE_FAST | Opcode::STORE_FAST_MAYBE_NULL).then_some(oparg)
}

/// The next swappable instruction after `i`, skipping `NOP`s; with `lineno >= 0`, crossing
/// onto another line ends the search (line events would see the reordering).
fn next_swappable_instruction(cfg: &Cfg, b: BlockId, mut i: usize, lineno: i32) -> Option<usize> {
    let instrs = &cfg[b].instrs;
    loop {
        i += 1;
        let instr = instrs.get(i)?;
        if lineno >= 0 && instr.loc.lineno != lineno {
            return None;
        }
        if instr.opcode == Opcode::NOP {
            continue;
        }
        return swappable(instr.opcode).then_some(i);
    }
}

pub(super) fn apply_static_swaps(cfg: &mut Cfg, b: BlockId, i: usize) {
    let mut i = i as isize;
    while i >= 0 {
        let swap = cfg[b].instrs[i as usize];
        if swap.opcode != Opcode::SWAP {
            if swap.opcode == Opcode::NOP || swappable(swap.opcode) {
                i -= 1;
                continue;
            }
            return;
        }
        let Some(j) = next_swappable_instruction(cfg, b, i as usize, -1) else {
            return;
        };
        let mut k = j;
        let lineno = cfg[b].instrs[j].loc.lineno;
        let mut count = swap.oparg as i64 - 1;
        while count > 0 {
            let Some(next) = next_swappable_instruction(cfg, b, k, lineno) else {
                return;
            };
            k = next;
            count -= 1;
        }
        let instrs = &cfg[b].instrs;
        let store_j = stores_to(instrs[j].opcode, instrs[j].oparg);
        let store_k = stores_to(instrs[k].opcode, instrs[k].oparg);
        if store_j.is_some() || store_k.is_some() {
            if store_j == store_k {
                return;
            }
            for instr in &instrs[j + 1..k] {
                let store = stores_to(instr.opcode, instr.oparg);
                if store.is_some() && (store == store_j || store == store_k) {
                    return;
                }
            }
        }
        cfg[b].instrs[i as usize].set_op0(Opcode::NOP);
        cfg[b].instrs.swap(j, k);
        i -= 1;
    }
}
