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

use super::{BlockId, Cfg, CfgInstr, opcodes};
use crate::compile::instr_seq::{InstrSeq, Location};
use crate::instr::Opcode;
use crate::parse::{ErrorKind, SyntaxError};

use super::internal_error;

struct Builder {
    cfg: Cfg,
    cur: BlockId,
    pending_label: Option<u32>,
}

impl Builder {
    /// `cfg_builder_current_block_is_terminated`.
    fn current_block_is_terminated(&mut self) -> bool {
        let block = &mut self.cfg[self.cur];
        if block
            .last()
            .is_some_and(|last| opcodes::is_terminator(last.opcode))
        {
            return true;
        }
        if self.pending_label.is_some() {
            if !block.instrs.is_empty() || block.label.is_some() {
                return true;
            }
            block.label = self.pending_label.take();
        }
        false
    }

    fn maybe_start_new_block(&mut self) {
        if self.current_block_is_terminated() {
            let b = self.cfg.new_block();
            self.cfg[b].label = self.pending_label.take();
            self.cfg[self.cur].next = Some(b);
            self.cur = b;
        }
    }

    fn use_label(&mut self, label: u32) {
        self.pending_label = Some(label);
        self.maybe_start_new_block();
    }

    /// Appends an instruction; `run` is how many instructions (this one included) come
    /// before the next place a block may start, used to size a fresh block at once.
    fn addop(&mut self, opcode: Opcode, oparg: u32, loc: Location, run: usize) {
        self.maybe_start_new_block();
        let instrs = &mut self.cfg[self.cur].instrs;
        if instrs.capacity() == 0 {
            instrs.reserve_exact(run);
        }
        instrs.push(CfgInstr::new(opcode, oparg, loc));
    }
}

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
    let all = seq
        .instrs
        .iter()
        .chain(seq.annotations_code.iter().flat_map(|a| a.instrs.iter()));
    if all.into_iter().any(|i| i.oparg >= 1 << 30) {
        return Err(internal_error(ErrorKind::SystemError, "oparg out of range"));
    }
    let mut is_target = vec![false; n];
    for instr in &seq.instrs {
        if opcodes::has_target(instr.opcode) {
            is_target[resolve(instr.oparg)?] = true;
        }
    }
    // run[i]: instructions from i up to and including the next block end.
    let mut run = vec![1usize; n];
    for i in (0..n.saturating_sub(1)).rev() {
        if !opcodes::is_terminator(seq.instrs[i].opcode) && !is_target[i + 1] {
            run[i] = run[i + 1] + 1;
        }
    }
    let mut cfg = Cfg::new();
    cfg.blocks.reserve(n / 4 + 1);
    let mut builder = Builder {
        cfg,
        cur: BlockId(0),
        pending_label: None,
    };
    for (i, instr) in seq.instrs.iter().enumerate() {
        if instr.opcode == Opcode::ANNOTATIONS_PLACEHOLDER {
            if let Some(annotations) = &seq.annotations_code {
                for ann in &annotations.instrs {
                    if opcodes::has_target(ann.opcode) {
                        return Err(bad_label());
                    }
                    builder.addop(ann.opcode, ann.oparg, ann.loc, annotations.instrs.len());
                }
            }
            continue;
        }
        if is_target[i] {
            builder.use_label(i as u32);
        }
        let oparg = if opcodes::has_target(instr.opcode) {
            resolve(instr.oparg)? as u32
        } else {
            instr.oparg
        };
        builder.addop(instr.opcode, oparg, instr.loc, run[i]);
    }
    let mut cfg = builder.cfg;
    translate_jump_labels_to_targets(&mut cfg)?;
    Ok(cfg)
}

/// Points every jump at the block carrying its label.
fn translate_jump_labels_to_targets(cfg: &mut Cfg) -> Result<(), SyntaxError> {
    let max = cfg.max_label();
    let mut label_to_block: Vec<Option<BlockId>> = vec![None; (max + 1) as usize];
    let mut walk = cfg.walk();
    while let Some(b) = walk.next(cfg) {
        if let Some(label) = cfg[b].label {
            label_to_block[label as usize] = Some(b);
        }
    }
    let mut walk = cfg.walk();
    while let Some(b) = walk.next(cfg) {
        for instr in &mut cfg[b].instrs {
            if opcodes::has_target(instr.opcode) {
                let target = label_to_block.get(instr.oparg as usize).copied().flatten();
                instr.target = Some(target.ok_or_else(bad_label)?);
            }
        }
    }
    Ok(())
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
