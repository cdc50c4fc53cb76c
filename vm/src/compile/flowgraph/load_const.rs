//! Constant loads and what follows them (`optimize_load_const`).
//!
//! Contract: a `LOAD_CONST` of an exact int in `0..=255` becomes `LOAD_SMALL_INT`. After a
//! constant load (or a `COPY 1` of one): a conditional jump on it becomes an unconditional
//! `JUMP` or a `NOP` by the constant's truth (a popping jump also removes the load);
//! `None` followed by `IS_OP` (and an optional `TO_BOOL`) and `POP_JUMP_IF_TRUE/FALSE`
//! becomes `POP_JUMP_IF_NONE/NOT_NONE`; `TO_BOOL` of a constant becomes the bool constant.

use super::{BlockId, Cfg, Consts};
use crate::compile::Const;
use crate::compile::consteval;
use crate::instr::Opcode;
use crate::parse::SyntaxError;

/// The value an instruction that `loads_const` pushes.
pub(super) fn const_value(
    consts: &Consts,
    opcode: Opcode,
    oparg: u32,
) -> Result<Const, SyntaxError> {
    if opcode == Opcode::LOAD_SMALL_INT {
        return Ok(Const::Int(i64::from(oparg)));
    }
    consts.get(oparg).cloned()
}

pub(super) fn optimize_load_const(cfg: &mut Cfg, consts: &mut Consts) -> Result<(), SyntaxError> {
    let mut cur = Some(cfg.entry);
    while let Some(b) = cur {
        optimize_block(cfg, b, consts)?;
        cur = cfg[b].next;
    }
    Ok(())
}

fn optimize_block(cfg: &mut Cfg, b: BlockId, consts: &mut Consts) -> Result<(), SyntaxError> {
    let instrs = &mut cfg[b].instrs;
    let mut opcode = Opcode::CACHE;
    let mut oparg = 0;
    for i in 0..instrs.len() {
        if instrs[i].opcode == Opcode::LOAD_CONST
            && let Some(small) = consteval::small_int(consts.get(instrs[i].oparg)?)
        {
            instrs[i].set_op1(Opcode::LOAD_SMALL_INT, small);
        }
        let inst = instrs[i];
        let is_copy_of_load_const =
            opcode == Opcode::LOAD_CONST && inst.opcode == Opcode::COPY && inst.oparg == 1;
        if !is_copy_of_load_const {
            opcode = inst.opcode;
            oparg = inst.oparg;
        }
        if opcode != Opcode::LOAD_CONST && opcode != Opcode::LOAD_SMALL_INT {
            continue;
        }
        let Some(next) = instrs.get(i + 1).copied() else {
            continue;
        };
        match next.opcode {
            Opcode::POP_JUMP_IF_FALSE
            | Opcode::POP_JUMP_IF_TRUE
            | Opcode::JUMP_IF_FALSE
            | Opcode::JUMP_IF_TRUE => {
                let is_true = consteval::is_true(&const_value(consts, opcode, oparg)?);
                if matches!(
                    next.opcode,
                    Opcode::POP_JUMP_IF_FALSE | Opcode::POP_JUMP_IF_TRUE
                ) {
                    instrs[i].set_op0(Opcode::NOP);
                }
                let jump_if_true =
                    matches!(next.opcode, Opcode::POP_JUMP_IF_TRUE | Opcode::JUMP_IF_TRUE);
                if is_true == jump_if_true {
                    instrs[i + 1].opcode = Opcode::JUMP;
                } else {
                    instrs[i + 1].set_op0(Opcode::NOP);
                }
            }
            Opcode::IS_OP => {
                if !matches!(const_value(consts, opcode, oparg)?, Const::None) {
                    continue;
                }
                if instrs.len() <= i + 2 {
                    continue;
                }
                let mut jump = i + 2;
                if instrs[jump].opcode == Opcode::TO_BOOL {
                    instrs[jump].set_op0(Opcode::NOP);
                    if instrs.len() <= i + 3 {
                        continue;
                    }
                    jump = i + 3;
                }
                let mut invert = instrs[i + 1].oparg != 0;
                match instrs[jump].opcode {
                    Opcode::POP_JUMP_IF_FALSE => invert = !invert,
                    Opcode::POP_JUMP_IF_TRUE => {}
                    _ => continue,
                }
                instrs[i].set_op0(Opcode::NOP);
                instrs[i + 1].set_op0(Opcode::NOP);
                instrs[jump].opcode = if invert {
                    Opcode::POP_JUMP_IF_NOT_NONE
                } else {
                    Opcode::POP_JUMP_IF_NONE
                };
            }
            Opcode::TO_BOOL => {
                let is_true = consteval::is_true(&const_value(consts, opcode, oparg)?);
                let index = consts.add(Const::Bool(is_true))?;
                instrs[i].set_op0(Opcode::NOP);
                instrs[i + 1].set_op1(Opcode::LOAD_CONST, index);
            }
            _ => {}
        }
    }
    Ok(())
}
