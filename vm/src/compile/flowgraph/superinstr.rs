//! Super-instructions (`insert_superinstructions`).
//!
//! Contract: `LOAD_FAST a; LOAD_FAST b`, `STORE_FAST a; LOAD_FAST b` and
//! `STORE_FAST a; STORE_FAST b` with both locals below 16 and both instructions on the same
//! line (or either without one) fuse into `LOAD_FAST_LOAD_FAST` / `STORE_FAST_LOAD_FAST` /
//! `STORE_FAST_STORE_FAST` with oparg `a << 4 | b`; the second becomes a `NOP`, and redundant
//! `NOP`s are then removed.

use super::{Cfg, CfgInstr, nops};
use crate::instr::Opcode;

fn make_super_instruction(first: &mut CfgInstr, second: &mut CfgInstr, super_op: Opcode) {
    let (line1, line2) = (first.loc.lineno, second.loc.lineno);
    if line1 >= 0 && line2 >= 0 && line1 != line2 {
        return;
    }
    if first.oparg >= 16 || second.oparg >= 16 {
        return;
    }
    first.set_op1(super_op, (first.oparg << 4) | second.oparg);
    second.set_op0(Opcode::NOP);
}

pub(super) fn insert_superinstructions(cfg: &mut Cfg) {
    let mut walk = cfg.walk();
    while let Some(b) = walk.next(cfg) {
        let instrs = &mut cfg[b].instrs;
        for i in 0..instrs.len().saturating_sub(1) {
            let (head, tail) = instrs.split_at_mut(i + 1);
            let (first, second) = (&mut head[i], &mut tail[0]);
            let super_op = match (first.opcode, second.opcode) {
                (Opcode::LOAD_FAST, Opcode::LOAD_FAST) => Opcode::LOAD_FAST_LOAD_FAST,
                (Opcode::STORE_FAST, Opcode::LOAD_FAST) => Opcode::STORE_FAST_LOAD_FAST,
                (Opcode::STORE_FAST, Opcode::STORE_FAST) => Opcode::STORE_FAST_STORE_FAST,
                _ => continue,
            };
            make_super_instruction(first, second, super_op);
        }
    }
    nops::remove_redundant_nops(cfg);
}
