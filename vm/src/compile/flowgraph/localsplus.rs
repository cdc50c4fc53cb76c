//! The localsplus prefix and cell offsets (`prepare_localsplus`:
//! `build_cellfixedoffsets`, `insert_prefix_instructions`, `fix_cell_offsets`).
//!
//! Contract: codegen numbers cell and free variables in their own space (cells first, then
//! free variables); here they move into localsplus: a cell that is also a parameter uses the
//! parameter's slot, the others follow the locals in order with the free variables after
//! them. The entry block gets `COPY_FREE_VARS n`, one `MAKE_CELL` per cell in slot order,
//! and for generators and coroutines `RETURN_GENERATOR; POP_TOP` (at the first line, no
//! column), in that order. Returns the number of localsplus slots.

use super::{Cfg, CfgInstr};
use crate::compile::code::co_flags;
use crate::compile::instr_seq::Location;
use crate::compile::unit::UnitMetadata;
use crate::instr::Opcode;
use crate::parse::{ErrorKind, SyntaxError};

use super::internal_error;

/// For each cell/free index, its localsplus slot before duplicates are dropped.
fn build_cellfixedoffsets(meta: &UnitMetadata) -> Vec<usize> {
    let nlocals = meta.varnames.len();
    let noffsets = meta.cellvars.len() + meta.freevars.len();
    let mut fixed: Vec<usize> = (0..noffsets).map(|i| nlocals + i).collect();
    for (cellindex, name) in meta.cellvars.iter().enumerate() {
        if let Some(argoffset) = meta.varnames.iter().position(|v| v == name) {
            fixed[cellindex] = argoffset;
        }
    }
    fixed
}

fn insert_prefix_instructions(
    cfg: &mut Cfg,
    meta: &UnitMetadata,
    fixed: &[usize],
    code_flags: u32,
) {
    let entry = cfg.entry;
    let block = &mut cfg[entry];
    let generator = co_flags::GENERATOR | co_flags::COROUTINE | co_flags::ASYNC_GENERATOR;
    if code_flags & generator != 0 {
        let line = meta.firstlineno;
        let loc = Location::new(line, line, -1, -1);
        block.insert(0, CfgInstr::new(Opcode::RETURN_GENERATOR, 0, loc));
        block.insert(1, CfgInstr::new(Opcode::POP_TOP, 0, loc));
    }
    let ncellvars = meta.cellvars.len();
    if ncellvars > 0 {
        // Cells in slot order (argument cells first).
        let nvars = ncellvars + meta.varnames.len();
        let mut sorted = vec![0usize; nvars];
        for (i, &slot) in fixed.iter().take(ncellvars).enumerate() {
            if let Some(s) = sorted.get_mut(slot) {
                *s = i + 1;
            }
        }
        let mut used = 0;
        for &entry in &sorted {
            if entry == 0 {
                continue;
            }
            block.insert(
                used,
                CfgInstr::new(Opcode::MAKE_CELL, (entry - 1) as u32, Location::NONE),
            );
            used += 1;
        }
    }
    let nfreevars = meta.freevars.len();
    if nfreevars > 0 {
        block.insert(
            0,
            CfgInstr::new(Opcode::COPY_FREE_VARS, nfreevars as u32, Location::NONE),
        );
    }
}

/// Renumbers cell and free variable opargs into localsplus; returns how many cells share a
/// parameter's slot.
fn fix_cell_offsets(
    cfg: &mut Cfg,
    meta: &UnitMetadata,
    fixed: &mut [usize],
) -> Result<usize, SyntaxError> {
    let nlocals = meta.varnames.len();
    let mut numdropped = 0;
    for (i, slot) in fixed.iter_mut().enumerate() {
        if *slot == i + nlocals {
            *slot -= numdropped;
        } else {
            numdropped += 1;
        }
    }
    let mut walk = cfg.walk();
    while let Some(b) = walk.next(cfg) {
        for instr in &mut cfg[b].instrs {
            if matches!(
                instr.opcode,
                Opcode::MAKE_CELL
                    | Opcode::LOAD_CLOSURE
                    | Opcode::LOAD_DEREF
                    | Opcode::STORE_DEREF
                    | Opcode::DELETE_DEREF
                    | Opcode::LOAD_FROM_DICT_OR_DEREF
            ) {
                let slot = fixed.get(instr.oparg as usize).ok_or_else(|| {
                    internal_error(
                        ErrorKind::SystemError,
                        "cell or free variable index out of range",
                    )
                })?;
                instr.oparg = *slot as u32;
            }
        }
    }
    Ok(numdropped)
}

pub(super) fn prepare_localsplus(
    cfg: &mut Cfg,
    meta: &UnitMetadata,
    code_flags: u32,
) -> Result<usize, SyntaxError> {
    let nlocalsplus = meta.varnames.len() + meta.cellvars.len() + meta.freevars.len();
    let mut fixed = build_cellfixedoffsets(meta);
    insert_prefix_instructions(cfg, meta, &fixed, code_flags);
    let numdropped = fix_cell_offsets(cfg, meta, &mut fixed)?;
    Ok(nlocalsplus - numdropped)
}
