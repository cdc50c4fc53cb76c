//! The graph as a flat instruction sequence (`_PyCfg_ToInstructionSequence`).
//!
//! Contract: blocks are laid out in `next` order; a jump's oparg becomes the index of the
//! first instruction at or after its target block, and each instruction records its handler
//! the same way, with the handler block's start depth and whether it gets `lasti`.

use super::{Cfg, opcodes};
use crate::compile::instr_seq::Location;
use crate::instr::Opcode;
use crate::parse::{ErrorKind, SyntaxError};

use super::internal_error;

/// Where an exception raised by an instruction goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct HandlerInfo {
    /// Index of the handler's first instruction.
    pub index: u32,
    /// Stack depth at the handler's start.
    pub startdepth: i32,
    /// The handler gets `lasti` pushed.
    pub preserve_lasti: bool,
}

/// One instruction of the flat sequence the assembler takes.
#[derive(Clone, Copy, Debug)]
pub(crate) struct LinearInstr {
    pub opcode: Opcode,
    /// For jumps, the index of the target instruction.
    pub oparg: u32,
    pub loc: Location,
    pub handler: Option<HandlerInfo>,
}

pub(super) fn to_instructions(cfg: &Cfg) -> Result<Vec<LinearInstr>, SyntaxError> {
    let order = cfg.order();
    // Index of each block's first instruction (of the next non-empty one if it is empty).
    let mut start = vec![u32::MAX; cfg.blocks.len()];
    let mut n = 0u32;
    for &b in &order {
        start[b.index()] = n;
        n += cfg[b].instrs.len() as u32;
    }
    let missing = || internal_error(ErrorKind::SystemError, "jump to a block outside the layout");
    let mut out = Vec::with_capacity(n as usize);
    for &b in &order {
        for instr in &cfg[b].instrs {
            let oparg = if opcodes::has_target(instr.opcode) {
                let target = instr.target.ok_or_else(missing)?;
                let index = start[target.index()];
                if index == u32::MAX {
                    return Err(missing());
                }
                index
            } else {
                instr.oparg
            };
            let handler = match instr.except {
                Some(h) if start[h.index()] != u32::MAX => Some(HandlerInfo {
                    index: start[h.index()],
                    startdepth: cfg[h].startdepth,
                    preserve_lasti: cfg[h].preserve_lasti,
                }),
                Some(_) => return Err(missing()),
                None => None,
            };
            out.push(LinearInstr {
                opcode: instr.opcode,
                oparg,
                loc: instr.loc,
                handler,
            });
        }
    }
    Ok(out)
}
