//! Constant folding inside a block (`fold_tuple_of_constants`,
//! `fold_constant_intrinsic_list_to_tuple`, `optimize_lists_and_sets`, `fold_const_binop`,
//! `fold_const_unaryop`).
//!
//! Contract: an operation whose operands are all produced by the constant loads right before
//! it (skipping `NOP`s) is replaced by a load of its result, and the operand loads become
//! location-less `NOP`s. Tuples of up to 30 constants fold; lists and sets of at least three
//! constants become `BUILD_LIST/SET 0; LOAD_CONST tuple/frozenset; LIST_EXTEND/SET_UPDATE 1`,
//! and any list or set that is only iterated or tested with `in` becomes a tuple or frozenset
//! constant (or, for a short non-constant list, a tuple). Longer displays, which codegen
//! builds one element at a time, fold the same way when iterated or tested with `in`. Operations CPython refuses to fold (see
//! `consteval`) are left alone. Results that are small ints load with `LOAD_SMALL_INT`.

use super::load_const::const_value;
use super::{BlockId, Cfg, Consts, opcodes};
use crate::compile::Const;
use crate::compile::consteval::{self, UnaryOp};
use crate::compile::instr_seq::Location;
use crate::instr::Opcode;
use crate::parse::SyntaxError;

/// `_PY_STACK_USE_GUIDELINE`: longest sequence of constant loads folded into one.
const STACK_USE_GUIDELINE: u32 = 30;
/// `MIN_CONST_SEQUENCE_SIZE`: shortest list or set literal turned into a constant.
const MIN_CONST_SEQUENCE_SIZE: u32 = 3;
/// `INTRINSIC_LIST_TO_TUPLE`.
pub(super) const INTRINSIC_LIST_TO_TUPLE: u32 = 6;
/// `INTRINSIC_UNARY_POSITIVE`.
pub(super) const INTRINSIC_UNARY_POSITIVE: u32 = 5;

/// `get_const_loading_instrs`: the positions of the `size` constant loads ending at `start`
/// (going backwards over `NOP`s), in stack order, if they are all there.
fn const_loading_instrs(cfg: &Cfg, b: BlockId, start: usize, size: usize) -> Option<Vec<usize>> {
    let instrs = &cfg[b].instrs;
    let mut found = Vec::with_capacity(size);
    let mut pos = start as isize;
    while pos >= 0 && found.len() < size {
        let instr = &instrs[pos as usize];
        if instr.opcode != Opcode::NOP {
            if !opcodes::loads_const(instr.opcode) {
                return None;
            }
            found.push(pos as usize);
        }
        pos -= 1;
    }
    if found.len() < size {
        return None;
    }
    found.reverse();
    Some(found)
}

fn values(
    cfg: &Cfg,
    b: BlockId,
    positions: &[usize],
    consts: &Consts,
) -> Result<Vec<Const>, SyntaxError> {
    positions
        .iter()
        .map(|&p| {
            let instr = &cfg[b].instrs[p];
            const_value(consts, instr.opcode, instr.oparg)
        })
        .collect()
}

/// `nop_out`: the operand loads become location-less `NOP`s.
fn nop_out(cfg: &mut Cfg, b: BlockId, positions: &[usize]) {
    for &p in positions {
        let instr = &mut cfg[b].instrs[p];
        instr.set_op0(Opcode::NOP);
        instr.loc = Location::NONE;
    }
}

/// `instr_make_load_const`: the instruction at `i` loads `value`.
fn make_load_const(
    cfg: &mut Cfg,
    b: BlockId,
    i: usize,
    value: Const,
    consts: &mut Consts,
) -> Result<(), SyntaxError> {
    if let Some(small) = consteval::small_int(&value) {
        cfg[b].instrs[i].set_op1(Opcode::LOAD_SMALL_INT, small);
        return Ok(());
    }
    let index = consts.add(value)?;
    cfg[b].instrs[i].set_op1(Opcode::LOAD_CONST, index);
    Ok(())
}

/// Folds `BUILD_TUPLE n` over `n` constant loads.
pub(super) fn fold_tuple_of_constants(
    cfg: &mut Cfg,
    b: BlockId,
    i: usize,
    consts: &mut Consts,
) -> Result<(), SyntaxError> {
    let size = cfg[b].instrs[i].oparg;
    if size > STACK_USE_GUIDELINE {
        return Ok(());
    }
    let Some(positions) = operand_loads(cfg, b, i, size as usize) else {
        return Ok(());
    };
    let items = values(cfg, b, &positions, consts)?;
    nop_out(cfg, b, &positions);
    make_load_const(cfg, b, i, Const::Tuple(items.into()), consts)
}

/// The operand loads of the instruction at `i` (none needed for a zero-size operation).
fn operand_loads(cfg: &Cfg, b: BlockId, i: usize, size: usize) -> Option<Vec<usize>> {
    if size == 0 {
        return Some(Vec::new());
    }
    if i == 0 {
        return None;
    }
    const_loading_instrs(cfg, b, i - 1, size)
}

/// Folds a list or set built one constant at a time (`fold_constant_intrinsic_list_to_tuple`,
/// as extended by CPython 3.14.x, gh-148817), ending at `i` with either
/// `CALL_INTRINSIC_1 LIST_TO_TUPLE` (a tuple display too long to build on the stack) or the
/// last `LIST_APPEND 1` / `SET_ADD 1` of a list or set that is only iterated or tested
/// with `in`:
///
/// ```text
/// BUILD_LIST 0 (BUILD_SET 0)
/// (LOAD_CONST c; LIST_APPEND 1 (SET_ADD 1))*
/// [CALL_INTRINSIC_1 LIST_TO_TUPLE]
/// ```
///
/// becomes a load of the tuple (frozenset) at `i`, everything before it location-less
/// `NOP`s; the load keeps the intrinsic's location, but not an append's. Returns whether it
/// folded.
pub(super) fn fold_constant_sequence_build(
    cfg: &mut Cfg,
    b: BlockId,
    i: usize,
    consts: &mut Consts,
) -> Result<bool, SyntaxError> {
    let target = cfg[b].instrs[i];
    let intrinsic = target.opcode == Opcode::CALL_INTRINSIC_1;
    let append_op = if intrinsic {
        Opcode::LIST_APPEND
    } else {
        target.opcode
    };
    let build_op = if append_op == Opcode::SET_ADD {
        Opcode::BUILD_SET
    } else {
        Opcode::BUILD_LIST
    };
    // Walking back, appends and constant loads alternate; after the intrinsic an append
    // comes first, after the trailing append a load.
    let mut expect_append = intrinsic;
    let mut pos = i as isize - 1;
    while pos >= 0 {
        let instr = cfg[b].instrs[pos as usize];
        if instr.opcode == Opcode::NOP {
            pos -= 1;
            continue;
        }
        if instr.opcode == build_op && instr.oparg == 0 {
            if !expect_append {
                return Ok(false);
            }
            let mut items = Vec::new();
            for p in (pos as usize..i).rev() {
                let inst = cfg[b].instrs[p];
                if inst.opcode == Opcode::NOP {
                    continue;
                }
                if opcodes::loads_const(inst.opcode) {
                    items.push(const_value(consts, inst.opcode, inst.oparg)?);
                }
                nop_out(cfg, b, &[p]);
            }
            items.reverse();
            if !intrinsic {
                // The trailing append is part of the sequence: the load that replaces it
                // has no location of its own (it takes the previous instruction's).
                nop_out(cfg, b, &[i]);
            }
            let value = if build_op == Opcode::BUILD_SET {
                consteval::frozenset(items)
            } else {
                Const::Tuple(items.into())
            };
            make_load_const(cfg, b, i, value, consts)?;
            return Ok(true);
        }
        if expect_append {
            if instr.opcode != append_op || instr.oparg != 1 {
                return Ok(false);
            }
        } else if !opcodes::loads_const(instr.opcode) {
            return Ok(false);
        }
        expect_append = !expect_append;
        pos -= 1;
    }
    Ok(false)
}

/// `optimize_lists_and_sets` for the `BUILD_LIST` / `BUILD_SET` at `i`.
pub(super) fn optimize_lists_and_sets(
    cfg: &mut Cfg,
    b: BlockId,
    i: usize,
    nextop: Option<Opcode>,
    consts: &mut Consts,
) -> Result<(), SyntaxError> {
    let instr = cfg[b].instrs[i];
    let contains_or_iter = matches!(nextop, Some(Opcode::GET_ITER | Opcode::CONTAINS_OP));
    let seq_size = instr.oparg;
    if seq_size > STACK_USE_GUIDELINE || (seq_size < MIN_CONST_SEQUENCE_SIZE && !contains_or_iter) {
        return Ok(());
    }
    let Some(positions) = operand_loads(cfg, b, i, seq_size as usize) else {
        if contains_or_iter && instr.opcode == Opcode::BUILD_LIST {
            // Iterate over a tuple instead of a list.
            cfg[b].instrs[i].set_op1(Opcode::BUILD_TUPLE, seq_size);
        }
        return Ok(());
    };
    let items = values(cfg, b, &positions, consts)?;
    let result = if instr.opcode == Opcode::BUILD_SET {
        consteval::frozenset(items)
    } else {
        Const::Tuple(items.into())
    };
    let index = consts.add(result)?;
    nop_out(cfg, b, &positions);
    if contains_or_iter {
        cfg[b].instrs[i].set_op1(Opcode::LOAD_CONST, index);
    } else {
        // Three or more loads precede the build, so i >= 3.
        let (build, extend) = if instr.opcode == Opcode::BUILD_LIST {
            (Opcode::BUILD_LIST, Opcode::LIST_EXTEND)
        } else {
            (Opcode::BUILD_SET, Opcode::SET_UPDATE)
        };
        let instrs = &mut cfg[b].instrs;
        instrs[i - 2].loc = instr.loc;
        instrs[i - 2].set_op1(build, 0);
        instrs[i - 1].set_op1(Opcode::LOAD_CONST, index);
        instrs[i].set_op1(extend, 1);
    }
    Ok(())
}

/// Folds `BINARY_OP` over two constant loads.
pub(super) fn fold_const_binop(
    cfg: &mut Cfg,
    b: BlockId,
    i: usize,
    consts: &mut Consts,
) -> Result<(), SyntaxError> {
    let Some(positions) = operand_loads(cfg, b, i, 2) else {
        return Ok(());
    };
    let operands = values(cfg, b, &positions, consts)?;
    let op = cfg[b].instrs[i].oparg;
    let Some(result) = consteval::binary_op(&operands[0], op, &operands[1]) else {
        return Ok(());
    };
    nop_out(cfg, b, &positions);
    make_load_const(cfg, b, i, result, consts)
}

/// Folds a unary operation over one constant load.
pub(super) fn fold_const_unaryop(
    cfg: &mut Cfg,
    b: BlockId,
    i: usize,
    consts: &mut Consts,
) -> Result<(), SyntaxError> {
    let Some(positions) = operand_loads(cfg, b, i, 1) else {
        return Ok(());
    };
    let operand = values(cfg, b, &positions, consts)?.remove(0);
    let op = match cfg[b].instrs[i].opcode {
        Opcode::UNARY_NEGATIVE => UnaryOp::Negative,
        Opcode::UNARY_INVERT => UnaryOp::Invert,
        Opcode::UNARY_NOT => UnaryOp::Not,
        _ => UnaryOp::Positive,
    };
    let Some(result) = consteval::unary_op(op, &operand) else {
        return Ok(());
    };
    nop_out(cfg, b, &positions);
    make_load_const(cfg, b, i, result, consts)
}
