//! Jump directions and offsets (`resolve_unconditional_jumps`, `resolve_jump_offsets`).
//!
//! Contract: `JUMP` / `JUMP_NO_INTERRUPT` become `JUMP_FORWARD` or
//! `JUMP_BACKWARD[_NO_INTERRUPT]` by whether the target index is after the jump. Jump opargs
//! then become code-unit distances from the end of the jump's caches (backwards for backward
//! jumps; `END_ASYNC_FOR` counts back to its `END_SEND`), recomputing every instruction's
//! offset until no `EXTENDED_ARG` count changes. The first round sizes jumps by their
//! target *index*, as CPython does, which decides the fixed point reached.

use crate::compile::flowgraph::{LinearInstr, opcodes};
use crate::instr::Opcode;
use crate::parse::{ErrorKind, SyntaxError};

/// Code units between `SEND` and its `END_SEND` in the `async for` sequence.
const END_SEND_OFFSET: i64 = 5;

/// Size in code units: `EXTENDED_ARG` prefixes, the instruction, its caches.
pub(crate) fn instr_size(opcode: Opcode, oparg: u32) -> usize {
    let extended =
        usize::from(oparg > 0xFF_FFFF) + usize::from(oparg > 0xFFFF) + usize::from(oparg > 0xFF);
    extended + 1 + opcodes::cache_entries(opcode) as usize
}

pub(super) fn resolve_unconditional_jumps(instrs: &mut [LinearInstr]) {
    for (i, instr) in instrs.iter_mut().enumerate() {
        let forward = instr.oparg as usize > i;
        instr.opcode = match instr.opcode {
            Opcode::JUMP if forward => Opcode::JUMP_FORWARD,
            Opcode::JUMP => Opcode::JUMP_BACKWARD,
            Opcode::JUMP_NO_INTERRUPT if forward => Opcode::JUMP_FORWARD,
            Opcode::JUMP_NO_INTERRUPT => Opcode::JUMP_BACKWARD_NO_INTERRUPT,
            other => other,
        };
    }
}

/// Rewrites jump opargs into relative offsets; returns each instruction's offset.
pub(super) fn resolve_jump_offsets(instrs: &mut [LinearInstr]) -> Result<Vec<u32>, SyntaxError> {
    // The jumps and their target indexes: only jumps change size from round to round.
    let jumps: Vec<(usize, u32)> = instrs
        .iter()
        .enumerate()
        .filter(|(_, instr)| opcodes::is_jump(instr.opcode))
        .map(|(i, instr)| (i, instr.oparg))
        .collect();
    let mut offsets = vec![0u32; instrs.len()];
    // Each round can only change EXTENDED_ARG counts; real code settles in two or three.
    for _ in 0..MAX_ROUNDS {
        let mut total = 0u32;
        for (i, instr) in instrs.iter().enumerate() {
            offsets[i] = total;
            total += instr_size(instr.opcode, instr.oparg) as u32;
        }
        let mut recompile = false;
        for &(i, target_index) in &jumps {
            // Where the jump ends, and the size the first loop measured.
            let end = offsets.get(i + 1).copied().unwrap_or(total);
            let size = (end - offsets[i]) as usize;
            let offset = i64::from(end);
            let target = i64::from(offsets.get(target_index as usize).copied().unwrap_or(total));
            let instr = &mut instrs[i];
            let relative = if instr.opcode == Opcode::END_ASYNC_FOR {
                offset - target - END_SEND_OFFSET
            } else if target < offset {
                offset - target
            } else {
                target - offset
            };
            instr.oparg = relative.max(0) as u32;
            if instr_size(instr.opcode, instr.oparg) != size {
                recompile = true;
            }
        }
        if !recompile {
            return Ok(offsets);
        }
    }
    Err(SyntaxError::new(
        ErrorKind::SystemError,
        "jump offsets do not settle",
    ))
}

/// Rounds of offset computation before giving up.
const MAX_ROUNDS: usize = 64;
