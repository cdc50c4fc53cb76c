//! The assembler (`Python/assemble.c`) and the backend's entry point: codegen's sequence and
//! metadata in, a [`CodeObject`] out, byte-identical to what CPython 3.14 builds.
//!
//! The flow graph (`super::flowgraph`) optimizes and lowers the unit; the assembler then
//! resolves jump directions and offsets (with `EXTENDED_ARG`s, to a fixed point), writes
//! `co_code` with zeroed inline caches, the location table and the exception table, and
//! fills in the localsplus names and kinds.

mod exceptions;
mod jumps;
mod linetable;
mod localsplus;

use std::rc::Rc;

use super::code::CodeObject;
use super::flowgraph::{self, Consts};
use super::instr_seq::InstrSeq;
use super::unit::UnitMetadata;
use crate::instr::CodeUnit;
use crate::parse::SyntaxError;

pub(crate) use jumps::instr_size;

/// Optimizes and assembles one code unit (CPython's `optimize_and_assemble_code_unit`).
pub fn optimize_and_assemble(
    seq: InstrSeq,
    meta: UnitMetadata,
    filename: &Rc<str>,
) -> Result<CodeObject, SyntaxError> {
    let mut cfg = flowgraph::from_sequence(&seq)?;
    drop(seq);
    let mut meta = meta;
    let mut consts = Consts::new(std::mem::take(&mut meta.consts));
    let nlocals = meta.varnames.len();
    flowgraph::optimize_code_unit(&mut cfg, &mut consts, nlocals, meta.nparams as usize)?;
    let lowered = flowgraph::lower(cfg, &meta, meta.flags)?;
    let mut instrs = lowered.instrs;
    jumps::resolve_unconditional_jumps(&mut instrs);
    let offsets = jumps::resolve_jump_offsets(&mut instrs)?;
    let units = instrs.last().map_or(0, |last| {
        offsets[instrs.len() - 1] as usize + instr_size(last.opcode, last.oparg)
    });
    let code = write_code(&instrs, &offsets, units);
    let linetable =
        linetable::assemble_location_info(&mut instrs, &offsets, units as u32, meta.firstlineno);
    let exceptiontable = exceptions::assemble_exception_table(&instrs, &offsets, units as u32);
    let (localsplusnames, localspluskinds) =
        localsplus::compute_localsplus_info(&meta, lowered.nlocalsplus);
    Ok(CodeObject {
        name: meta.name,
        qualname: meta.qualname,
        filename: filename.clone(),
        firstlineno: meta.firstlineno,
        argcount: meta.argcount + meta.posonlyargcount,
        posonlyargcount: meta.posonlyargcount,
        kwonlyargcount: meta.kwonlyargcount,
        // `init_code` gives every code object room for at least one value.
        stacksize: lowered.stackdepth.max(1),
        flags: meta.flags,
        code,
        consts: consts.list,
        names: meta.names,
        localsplusnames,
        localspluskinds,
        linetable,
        exceptiontable,
    })
}

/// `co_code`: each instruction with its `EXTENDED_ARG` prefixes and zeroed caches, `units`
/// code units in all, instruction `i` at `offsets[i]`.
fn write_code(instrs: &[flowgraph::LinearInstr], offsets: &[u32], units: usize) -> Vec<CodeUnit> {
    let mut code = Vec::with_capacity(units);
    for (i, instr) in instrs.iter().enumerate() {
        let end = offsets.get(i + 1).map_or(units, |&o| o as usize);
        let size = end - offsets[i] as usize;
        let caches = flowgraph::opcodes::cache_entries(instr.opcode) as usize;
        let oparg = instr.oparg;
        for shift in (1..size - caches).rev() {
            code.push(CodeUnit::new(
                crate::instr::Opcode::EXTENDED_ARG as u8,
                (oparg >> (8 * shift)) as u8,
            ));
        }
        code.push(CodeUnit::new(instr.opcode as u8, oparg as u8));
        code.resize(code.len() + caches, CodeUnit::new(0, 0));
    }
    code
}
