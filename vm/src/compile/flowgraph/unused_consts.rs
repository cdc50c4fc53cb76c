//! Constant-table compaction (`remove_unused_consts`).
//!
//! Contract: constants no instruction loads any more (folded operands, dead code) are
//! dropped, keeping the survivors in order; the first constant always stays (it may be the
//! docstring). `LOAD_CONST` opargs are renumbered to match.

use super::{Cfg, Consts, opcodes};

pub(super) fn remove_unused_consts(cfg: &mut Cfg, consts: &mut Consts) {
    let n = consts.list.len();
    if n == 0 {
        return;
    }
    let mut used = vec![false; n];
    used[0] = true;
    let order = cfg.order();
    for &b in &order {
        for instr in &cfg[b].instrs {
            if opcodes::has_const(instr.opcode)
                && let Some(slot) = used.get_mut(instr.oparg as usize)
            {
                *slot = true;
            }
        }
    }
    if used.iter().all(|&u| u) {
        return;
    }
    let mut new_index = vec![u32::MAX; n];
    let mut kept = 0u32;
    for (i, &u) in used.iter().enumerate() {
        if u {
            new_index[i] = kept;
            kept += 1;
        }
    }
    consts.reset_index();
    let mut i = 0;
    consts.list.retain(|_| {
        i += 1;
        used[i - 1]
    });
    for &b in &order {
        for instr in &mut cfg[b].instrs {
            if opcodes::has_const(instr.opcode)
                && let Some(&index) = new_index.get(instr.oparg as usize)
            {
                instr.oparg = index;
            }
        }
    }
}
