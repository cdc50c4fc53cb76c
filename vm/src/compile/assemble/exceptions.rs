//! The exception table (`assemble_exception_table`).
//!
//! Contract: each maximal run of instructions with the same handler becomes one entry:
//! start offset, length, handler offset, and `depth << 1 | lasti`, where depth is the
//! handler's start depth minus the exception (and `lasti`) it receives. Each number is a
//! big-endian varint of 6-bit groups with 0x40 marking continuation; the first byte of an
//! entry has 0x80 set.

use crate::compile::flowgraph::{HandlerInfo, LinearInstr};

fn emit_item(out: &mut Vec<u8>, value: u32, mut msb: u8) {
    for shift in [24, 18, 12, 6] {
        if value >= 1 << shift {
            out.push(((value >> shift) & 0x3f) as u8 | 0x40 | msb);
            msb = 0;
        }
    }
    out.push((value & 0x3f) as u8 | msb);
}

fn emit_entry(out: &mut Vec<u8>, start: u32, end: u32, handler_offset: u32, handler: &HandlerInfo) {
    // A handler the stack-depth walk never reached has no depth; CPython's arithmetic
    // would wrap, ours saturates (and such code cannot run into that handler anyway).
    let mut depth = handler.startdepth.saturating_sub(1);
    if handler.preserve_lasti {
        depth = depth.saturating_sub(1);
    }
    let depth_lasti = ((depth.max(0) as u32) << 1) | u32::from(handler.preserve_lasti);
    emit_item(out, start, 0x80);
    emit_item(out, end - start, 0);
    emit_item(out, handler_offset, 0);
    emit_item(out, depth_lasti, 0);
}

/// `offsets[i]` is where instruction `i` starts and `units` the code's length, both in code
/// units.
pub(super) fn assemble_exception_table(
    instrs: &[LinearInstr],
    offsets: &[u32],
    units: u32,
) -> Vec<u8> {
    let mut out = Vec::new();
    let mut current: Option<HandlerInfo> = None;
    let mut start = 0;
    let handler_offset = |h: &HandlerInfo| offsets.get(h.index as usize).copied().unwrap_or(0);
    for (instr, &ioffset) in instrs.iter().zip(offsets) {
        if instr.handler.map(|h| h.index) != current.map(|h| h.index) {
            if let Some(h) = current {
                emit_entry(&mut out, start, ioffset, handler_offset(&h), &h);
            }
            start = ioffset;
            current = instr.handler;
        }
    }
    if let Some(h) = current {
        emit_entry(&mut out, start, units, handler_offset(&h), &h);
    }
    out
}
