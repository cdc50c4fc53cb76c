//! Builds the graph from codegen's instruction sequence (`_PyCfg_FromInstructionSequence`,
//! `translate_jump_labels_to_targets`, `check_cfg`).
//!
//! Contract: a new block starts at every jump target and after every terminator (jump or
//! scope exit), exactly where CPython's builder starts one, including the empty block it
//! leaves when a label follows a terminator. A block that starts at a jump target carries a
//! label (the target's index in the sequence); the other blocks have none, which later
//! passes observe. `ANNOTATIONS_PLACEHOLDER` is replaced by the sequence's
//! `annotations_code` (which has no jumps), or dropped when there is none. Every jump and
//! `SETUP_*` gets its target block; a label that is not placed, or placed after the last
//! instruction, is an error (CPython asserts).

use super::{Block, BlockId, Cfg, CfgInstr, opcodes};
use crate::compile::instr_seq::{Instr, InstrSeq};
use crate::instr::Opcode;
use crate::parse::{ErrorKind, SyntaxError};

use super::internal_error;

fn bad_label() -> SyntaxError {
    internal_error(ErrorKind::SystemError, "jump to a label that is not placed")
}

pub(super) fn from_sequence(seq: &InstrSeq) -> Result<Cfg, SyntaxError> {
    let n = seq.instrs.len();
    // A label on a dropped placeholder lands on the instruction after it, as in CPython.
    let resolve = |label: u32| -> Result<usize, SyntaxError> {
        let mut index = *seq.label_map.get(label as usize).ok_or_else(bad_label)? as usize;
        while index < n && seq.instrs[index].opcode == Opcode::ANNOTATIONS_PLACEHOLDER {
            index += 1;
        }
        if index < n {
            Ok(index)
        } else {
            Err(bad_label())
        }
    };
    // CPython asserts `0 <= oparg < (1 << 30)`; the passes rely on it.
    let out_of_range = || internal_error(ErrorKind::SystemError, "oparg out of range");
    let annotations: &[Instr] = seq.annotations_code.as_ref().map_or(&[], |a| &a.instrs);
    if annotations
        .iter()
        .any(|i| i.oparg >= 1 << 30 || opcodes::has_target(i.opcode))
    {
        return Err(out_of_range());
    }
    // Jump targets, and each instruction's index once jumps are resolved.
    let mut is_target = vec![false; n];
    for instr in &seq.instrs {
        if instr.oparg >= 1 << 30 {
            return Err(out_of_range());
        }
        if opcodes::has_target(instr.opcode) {
            is_target[resolve(instr.oparg)?] = true;
        }
    }
    // run[i]: instructions from i up to and including the next block end (to size blocks).
    let mut run = vec![1usize; n];
    for i in (0..n.saturating_sub(1)).rev() {
        if !opcodes::is_terminator(seq.instrs[i].opcode) && !is_target[i + 1] {
            run[i] = run[i + 1] + 1;
        }
    }

    // CPython's builder, in one pass: a block ends after a terminator or before a jump
    // target; a block starting at a target is labelled with the target's index.
    let mut blocks: Vec<Block> = Vec::with_capacity(n / 4 + 2);
    // The placeholder at index 0 (see `BlockId`).
    blocks.push(Block::new());
    let mut block_at: Vec<u32> = vec![u32::MAX; n];
    let mut cur = Block::new();
    cur.instrs.reserve_exact(run.first().copied().unwrap_or(0));
    // The last instruction added ends its block.
    let mut ends = false;
    for (i, instr) in seq.instrs.iter().enumerate() {
        if instr.opcode == Opcode::ANNOTATIONS_PLACEHOLDER {
            for ann in annotations {
                if ends {
                    let next = Block::with_capacity(annotations.len());
                    blocks.push(std::mem::replace(&mut cur, next));
                }
                cur.instrs
                    .push(CfgInstr::new(ann.opcode, ann.oparg, ann.loc));
                ends = opcodes::is_terminator(ann.opcode);
            }
            continue;
        }
        let target = is_target[i];
        // The entry block is the only one that can be empty here.
        if (target && !cur.instrs.is_empty()) || ends {
            blocks.push(std::mem::replace(&mut cur, Block::with_capacity(run[i])));
        }
        if target {
            cur.label = Some(i as u32);
            block_at[i] = blocks.len() as u32;
        }
        let oparg = if opcodes::has_target(instr.opcode) {
            resolve(instr.oparg)? as u32
        } else {
            instr.oparg
        };
        cur.instrs
            .push(CfgInstr::new(instr.opcode, oparg, instr.loc));
        ends = opcodes::is_terminator(instr.opcode);
    }
    blocks.push(cur);
    let count = blocks.len();
    for (k, block) in blocks.iter_mut().enumerate().skip(1) {
        if k + 1 < count {
            block.next = Some(BlockId::new(k + 1));
        }
        for instr in &mut block.instrs {
            if opcodes::has_target(instr.opcode) {
                let at = block_at[instr.oparg as usize];
                if at == u32::MAX {
                    return Err(bad_label());
                }
                instr.target = Some(BlockId::new(at as usize));
            }
        }
    }
    Ok(Cfg {
        blocks,
        entry: BlockId::new(1),
    })
}

/// A terminator must end its block (`check_cfg`).
pub(super) fn check_cfg(cfg: &Cfg) -> Result<(), SyntaxError> {
    let mut walk = cfg.walk();
    while let Some(b) = walk.next(cfg) {
        let instrs = &cfg[b].instrs;
        for (i, instr) in instrs.iter().enumerate() {
            if opcodes::is_terminator(instr.opcode) && i + 1 != instrs.len() {
                return Err(internal_error(
                    ErrorKind::SystemError,
                    "malformed control flow graph.",
                ));
            }
        }
    }
    Ok(())
}
