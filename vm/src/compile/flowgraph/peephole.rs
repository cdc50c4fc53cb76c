//! The per-block peephole pass (`optimize_basic_block`): folding, jump threading and
//! instruction pairs.
//!
//! Contract, instruction by instruction in order: `BUILD_TUPLE n; UNPACK_SEQUENCE n`
//! disappears (n = 1) or becomes `SWAP n` (n = 2, 3); constant tuples, lists, sets, binary
//! and unary operations fold (`fold.rs`); a jump whose target block starts with a `JUMP`
//! (or a compatible conditional) is threaded to that jump's target (the jump becomes a `NOP`
//! and a new jump with the target's location is appended); `STORE_FAST x; STORE_FAST x` on
//! one line drops the first store to a `POP_TOP`; `SWAP 1` goes; `LOAD_GLOBAL; PUSH_NULL`
//! merges; `COMPARE_OP`/`CONTAINS_OP`/`IS_OP` absorb a following `TO_BOOL` (and the latter
//! two a `UNARY_NOT`); `TO_BOOL; TO_BOOL` and `UNARY_NOT; UNARY_NOT` collapse; a long
//! constant list or set display built by appends folds when iterated or tested with `in`. Then runs of
//! `SWAP`s are minimized and applied statically where possible (`swaps.rs`).

use super::fold::{self, INTRINSIC_LIST_TO_TUPLE, INTRINSIC_UNARY_POSITIVE};
use super::{BlockId, Cfg, CfgInstr, Consts, swaps};
use crate::instr::Opcode;
use crate::parse::SyntaxError;

/// `jump_thread`: if `inst` (the last instruction) and the jump `target` it lands on go to
/// different places, retarget: `inst` becomes a `NOP` and a jump `opcode` to the target's
/// target, with the target's location, is appended. Returns whether it did.
///
/// `budget` bounds the threading done for one block: CPython would thread forever around a
/// cycle of jumps (codegen never makes one); a chain longer than the number of blocks
/// must be such a cycle.
fn jump_thread(
    cfg: &mut Cfg,
    b: BlockId,
    i: usize,
    target: &CfgInstr,
    opcode: Opcode,
    budget: &mut usize,
) -> bool {
    let inst = cfg[b].instrs[i];
    if inst.target == target.target || *budget == 0 {
        return false;
    }
    *budget -= 1;
    cfg[b].instrs[i].set_op0(Opcode::NOP);
    let mut jump = CfgInstr::new(opcode, 0, target.loc);
    jump.target = target.target;
    cfg[b].addop(jump);
    true
}

pub(super) fn optimize_basic_block(
    cfg: &mut Cfg,
    b: BlockId,
    consts: &mut Consts,
) -> Result<(), SyntaxError> {
    let nop = CfgInstr::new(Opcode::NOP, 0, crate::compile::instr_seq::Location::NONE);
    let mut budget = cfg.block_count() + 8;
    let mut i: isize = 0;
    while (i as usize) < cfg[b].instrs.len() {
        let idx = i as usize;
        let inst = cfg[b].instrs[idx];
        let (opcode, oparg) = (inst.opcode, inst.oparg);
        // The first instruction at the jump target (only the jump arms look at it).
        let target_of = |cfg: &Cfg| {
            inst.target
                .and_then(|t| cfg[t].instrs.first().copied())
                .unwrap_or(nop)
        };
        let next = cfg[b].instrs.get(idx + 1).copied();
        let nextop = next.map(|n| n.opcode);
        match opcode {
            Opcode::BUILD_TUPLE => {
                if let Some(next) =
                    next.filter(|n| n.opcode == Opcode::UNPACK_SEQUENCE && n.oparg == oparg)
                {
                    match oparg {
                        1 => {
                            cfg[b].instrs[idx].set_op0(Opcode::NOP);
                            cfg[b].instrs[idx + 1].set_op0(Opcode::NOP);
                            i += 1;
                            continue;
                        }
                        2 | 3 => {
                            cfg[b].instrs[idx].set_op0(Opcode::NOP);
                            cfg[b].instrs[idx + 1].opcode = Opcode::SWAP;
                            let _ = next;
                            i += 1;
                            continue;
                        }
                        _ => {}
                    }
                }
                fold::fold_tuple_of_constants(cfg, b, idx, consts)?;
            }
            Opcode::BUILD_LIST | Opcode::BUILD_SET => {
                fold::optimize_lists_and_sets(cfg, b, idx, nextop, consts)?;
            }
            Opcode::POP_JUMP_IF_NOT_NONE
            | Opcode::POP_JUMP_IF_NONE
            | Opcode::POP_JUMP_IF_FALSE
            | Opcode::POP_JUMP_IF_TRUE => {
                let target = target_of(cfg);
                if target.opcode == Opcode::JUMP
                    && jump_thread(cfg, b, idx, &target, opcode, &mut budget)
                {
                    i -= 1;
                }
            }
            Opcode::JUMP_IF_FALSE | Opcode::JUMP_IF_TRUE => {
                let target = target_of(cfg);
                let same = opcode;
                let other = if opcode == Opcode::JUMP_IF_FALSE {
                    Opcode::JUMP_IF_TRUE
                } else {
                    Opcode::JUMP_IF_FALSE
                };
                if target.opcode == Opcode::JUMP || target.opcode == same {
                    if jump_thread(cfg, b, idx, &target, same, &mut budget) {
                        i -= 1;
                    }
                } else if target.opcode == other {
                    // The opposite test on the same value falls through: go past it.
                    if let Some(after) = inst.target.and_then(|t| cfg[t].next)
                        && budget > 0
                    {
                        budget -= 1;
                        cfg[b].instrs[idx].target = Some(after);
                        i -= 1;
                    }
                }
            }
            Opcode::JUMP | Opcode::JUMP_NO_INTERRUPT => {
                let target = target_of(cfg);
                match target.opcode {
                    Opcode::JUMP
                        if jump_thread(cfg, b, idx, &target, Opcode::JUMP, &mut budget) =>
                    {
                        i -= 1;
                    }
                    Opcode::JUMP_NO_INTERRUPT
                        if jump_thread(cfg, b, idx, &target, opcode, &mut budget) =>
                    {
                        i -= 1;
                    }
                    _ => {}
                }
            }
            Opcode::STORE_FAST => {
                if let Some(next) = next
                    && next.opcode == opcode
                    && next.oparg == oparg
                    && inst.loc.lineno == next.loc.lineno
                {
                    cfg[b].instrs[idx].set_op0(Opcode::POP_TOP);
                }
            }
            Opcode::SWAP if oparg == 1 => {
                cfg[b].instrs[idx].set_op0(Opcode::NOP);
            }
            Opcode::LOAD_GLOBAL if nextop == Some(Opcode::PUSH_NULL) && oparg & 1 == 0 => {
                cfg[b].instrs[idx].set_op1(Opcode::LOAD_GLOBAL, oparg | 1);
                cfg[b].instrs[idx + 1].set_op0(Opcode::NOP);
            }
            Opcode::COMPARE_OP if nextop == Some(Opcode::TO_BOOL) => {
                cfg[b].instrs[idx].set_op0(Opcode::NOP);
                cfg[b].instrs[idx + 1].set_op1(Opcode::COMPARE_OP, oparg | 16);
            }
            Opcode::CONTAINS_OP | Opcode::IS_OP => {
                if nextop == Some(Opcode::TO_BOOL) {
                    cfg[b].instrs[idx].set_op0(Opcode::NOP);
                    cfg[b].instrs[idx + 1].set_op1(opcode, oparg);
                } else if nextop == Some(Opcode::UNARY_NOT) {
                    cfg[b].instrs[idx].set_op0(Opcode::NOP);
                    cfg[b].instrs[idx + 1].set_op1(opcode, oparg ^ 1);
                }
            }
            Opcode::TO_BOOL if nextop == Some(Opcode::TO_BOOL) => {
                cfg[b].instrs[idx].set_op0(Opcode::NOP);
            }
            Opcode::UNARY_NOT => {
                if nextop == Some(Opcode::TO_BOOL) {
                    cfg[b].instrs[idx].set_op0(Opcode::NOP);
                    cfg[b].instrs[idx + 1].set_op0(Opcode::UNARY_NOT);
                } else if nextop == Some(Opcode::UNARY_NOT) {
                    cfg[b].instrs[idx].set_op0(Opcode::NOP);
                    cfg[b].instrs[idx + 1].set_op0(Opcode::NOP);
                } else {
                    fold::fold_const_unaryop(cfg, b, idx, consts)?;
                }
            }
            Opcode::UNARY_INVERT | Opcode::UNARY_NEGATIVE => {
                fold::fold_const_unaryop(cfg, b, idx, consts)?;
            }
            Opcode::CALL_INTRINSIC_1 => {
                if oparg == INTRINSIC_LIST_TO_TUPLE {
                    let folded = fold::fold_constant_sequence_build(cfg, b, idx, consts)?;
                    if !folded && nextop == Some(Opcode::GET_ITER) {
                        // Iterating needs no tuple: iterate over the list.
                        cfg[b].instrs[idx].set_op0(Opcode::NOP);
                    }
                } else if oparg == INTRINSIC_UNARY_POSITIVE {
                    fold::fold_const_unaryop(cfg, b, idx, consts)?;
                }
            }
            Opcode::LIST_APPEND | Opcode::SET_ADD
                if oparg == 1 && matches!(nextop, Some(Opcode::GET_ITER | Opcode::CONTAINS_OP)) =>
            {
                fold::fold_constant_sequence_build(cfg, b, idx, consts)?;
            }
            Opcode::BINARY_OP => {
                fold::fold_const_binop(cfg, b, idx, consts)?;
            }
            _ => {}
        }
        i += 1;
    }

    let mut i = 0;
    while i < cfg[b].instrs.len() {
        if cfg[b].instrs[i].opcode == Opcode::SWAP {
            i = swaps::swaptimize(cfg, b, i);
            swaps::apply_static_swaps(cfg, b, i);
        }
        i += 1;
    }
    Ok(())
}
