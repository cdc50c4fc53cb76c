//! Lowering pseudo-instructions and fixing jump directions
//! (`convert_pseudo_conditional_jumps`, `convert_pseudo_ops`, `normalize_jumps`).
//!
//! Contract: `JUMP_IF_FALSE/TRUE` become `COPY 1; TO_BOOL; POP_JUMP_IF_FALSE/TRUE` (the
//! table's lowering sequence, same location and handler); `SETUP_*` become `NOP`,
//! `LOAD_CLOSURE` `LOAD_FAST`, `STORE_FAST_MAYBE_NULL` `STORE_FAST`, followed by `NOP` and
//! jump cleanup. Once the layout is final, a conditional jump forward is followed by
//! `NOT_TAKEN`; one backward is inverted to jump forward over a new block holding
//! `NOT_TAKEN; JUMP` to the original target (conditional jumps only go forward).

use super::{Cfg, CfgInstr, nops, opcodes};
use crate::instr::Opcode;
use crate::parse::SyntaxError;

pub(super) fn convert_pseudo_conditional_jumps(cfg: &mut Cfg) {
    let mut walk = cfg.walk();
    while let Some(b) = walk.next(cfg) {
        let block = &mut cfg[b];
        let mut i = 0;
        while i < block.instrs.len() {
            let instr = block.instrs[i];
            if matches!(instr.opcode, Opcode::JUMP_IF_FALSE | Opcode::JUMP_IF_TRUE)
                && let Some(pseudo) = instr.opcode.pseudo()
            {
                // The table lowers these to COPY 1, TO_BOOL, POP_JUMP_IF_*.
                let (&jump, prefix) = pseudo.targets.split_last().unwrap_or((&instr.opcode, &[]));
                block.instrs[i].opcode = jump;
                for (n, &op) in prefix.iter().enumerate() {
                    let oparg = if op == Opcode::COPY { 1 } else { 0 };
                    let mut inserted = CfgInstr::new(op, oparg, instr.loc);
                    inserted.except = instr.except;
                    block.insert(i + n, inserted);
                }
                i += prefix.len();
            }
            i += 1;
        }
    }
}

pub(super) fn convert_pseudo_ops(cfg: &mut Cfg) -> Result<(), SyntaxError> {
    let mut walk = cfg.walk();
    while let Some(b) = walk.next(cfg) {
        for instr in &mut cfg[b].instrs {
            if opcodes::is_block_push(instr.opcode) {
                instr.set_op0(Opcode::NOP);
            } else if instr.opcode == Opcode::LOAD_CLOSURE {
                instr.opcode = Opcode::LOAD_FAST;
            } else if instr.opcode == Opcode::STORE_FAST_MAYBE_NULL {
                instr.opcode = Opcode::STORE_FAST;
            }
        }
    }
    nops::remove_redundant_nops_and_jumps(cfg)
}

fn reversed(op: Opcode) -> Opcode {
    match op {
        Opcode::POP_JUMP_IF_NOT_NONE => Opcode::POP_JUMP_IF_NONE,
        Opcode::POP_JUMP_IF_NONE => Opcode::POP_JUMP_IF_NOT_NONE,
        Opcode::POP_JUMP_IF_FALSE => Opcode::POP_JUMP_IF_TRUE,
        _ => Opcode::POP_JUMP_IF_FALSE,
    }
}

pub(super) fn normalize_jumps(cfg: &mut Cfg) {
    let mut walk = cfg.walk();
    while let Some(b) = walk.next(cfg) {
        cfg[b].visited = false;
    }
    let mut cur = Some(cfg.entry);
    while let Some(b) = cur {
        cfg[b].visited = true;
        normalize_jumps_in_block(cfg, b);
        cur = cfg[b].next;
    }
}

fn normalize_jumps_in_block(cfg: &mut Cfg, b: super::BlockId) {
    let Some(last) = cfg[b].last().copied() else {
        return;
    };
    if !opcodes::is_conditional_jump(last.opcode) {
        return;
    }
    let Some(target) = last.target else {
        return;
    };
    if !cfg[target].visited {
        // Forward: mark the fall-through path.
        cfg[b].addop(CfgInstr::new(Opcode::NOT_TAKEN, 0, last.loc));
        return;
    }
    // Backward: `if cond: goto target` becomes `if not cond: goto next; goto target`.
    let backwards_jump = cfg.new_block();
    cfg[backwards_jump].addop(CfgInstr::new(Opcode::NOT_TAKEN, 0, last.loc));
    let mut jump = CfgInstr::new(Opcode::JUMP, 0, last.loc);
    jump.target = Some(target);
    cfg[backwards_jump].addop(jump);
    cfg[backwards_jump].startdepth = cfg[target].startdepth;
    cfg[backwards_jump].cold = cfg[b].cold;
    cfg[backwards_jump].next = cfg[b].next;
    let fallthrough = cfg[b].next;
    if let Some(l) = cfg[b].instrs.last_mut() {
        l.opcode = reversed(last.opcode);
        l.target = fallthrough;
    }
    cfg[b].next = Some(backwards_jump);
}
