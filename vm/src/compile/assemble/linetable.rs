//! The location table (`assemble_location_info`; format in CPython's
//! `InternalDocs/code_objects.md`, PEP 626 and PEP 657).
//!
//! Contract: consecutive instructions with the same location share entries of at most 8
//! code units. An entry's first byte is `0x80 | code << 3 | (length - 1)`; the code picks
//! the shortest form: short (same line, column < 80, width < 16, codes 0-9), one-line
//! (line delta 0-2, columns < 128, codes 10-12), no-columns (13), long (14), none (15).
//! Line deltas are relative to the previous entry that recorded a line, starting from the
//! first line number. Instructions located "at the next instruction" take its location
//! (terminators take none).

use crate::compile::flowgraph::{LinearInstr, opcodes};
use crate::compile::instr_seq::Location;

const SHORT0: u8 = 0;
const ONE_LINE0: u8 = 10;
const NO_COLUMNS: u8 = 13;
const LONG: u8 = 14;
const NONE: u8 = 15;

struct Writer {
    out: Vec<u8>,
    lineno: i32,
}

impl Writer {
    fn first_byte(&mut self, code: u8, length: usize) {
        self.out.push(0x80 | (code << 3) | (length as u8 - 1));
    }

    fn varint(&mut self, mut val: u32) {
        while val >= 64 {
            self.out.push(0x40 | (val & 63) as u8);
            val >>= 6;
        }
        self.out.push(val as u8);
    }

    fn signed_varint(&mut self, val: i32) {
        let uval = if val < 0 {
            ((val as u32).wrapping_neg() << 1) | 1
        } else {
            (val as u32) << 1
        };
        self.varint(uval);
    }

    fn entry(&mut self, loc: Location, isize: usize) {
        if loc.lineno == Location::NONE.lineno {
            self.first_byte(NONE, isize);
            return;
        }
        let line_delta = loc.lineno.wrapping_sub(self.lineno);
        let column = loc.col_offset;
        let end_column = loc.end_col_offset;
        if column < 0 || end_column < 0 {
            if loc.end_lineno == loc.lineno || loc.end_lineno < 0 {
                self.first_byte(NO_COLUMNS, isize);
                self.signed_varint(line_delta);
                self.lineno = loc.lineno;
                return;
            }
        } else if loc.end_lineno == loc.lineno {
            if line_delta == 0 && column < 80 && end_column - column < 16 && end_column >= column {
                let column_group = (column >> 3) as u8;
                self.first_byte(SHORT0 + column_group, isize);
                self.out
                    .push((((column & 7) << 4) | (end_column - column)) as u8);
                return;
            }
            if (0..3).contains(&line_delta) && column < 128 && end_column < 128 {
                self.first_byte(ONE_LINE0 + line_delta as u8, isize);
                self.out.push(column as u8);
                self.out.push(end_column as u8);
                self.lineno = loc.lineno;
                return;
            }
        }
        self.first_byte(LONG, isize);
        self.signed_varint(line_delta);
        self.varint(loc.end_lineno.wrapping_sub(loc.lineno) as u32);
        self.varint(loc.col_offset.wrapping_add(1) as u32);
        self.varint(loc.end_col_offset.wrapping_add(1) as u32);
        self.lineno = loc.lineno;
    }

    fn emit(&mut self, loc: Location, mut isize: usize) {
        while isize > 8 {
            self.entry(loc, 8);
            isize -= 8;
        }
        if isize > 0 {
            self.entry(loc, isize);
        }
    }
}

/// `offsets[i]` is where instruction `i` starts and `units` the code's length, both in code
/// units.
pub(super) fn assemble_location_info(
    instrs: &mut [LinearInstr],
    offsets: &[u32],
    units: u32,
    firstlineno: i32,
) -> Vec<u8> {
    for i in (0..instrs.len()).rev() {
        if instrs[i].loc == Location::NEXT {
            instrs[i].loc = if opcodes::is_terminator(instrs[i].opcode) {
                Location::NONE
            } else {
                instrs.get(i + 1).map_or(Location::NONE, |n| n.loc)
            };
        }
    }
    let mut w = Writer {
        out: Vec::with_capacity(instrs.len() * 2),
        lineno: firstlineno,
    };
    // Each run of instructions with one location, by its start.
    let mut loc = Location::NONE;
    let mut run_start = 0;
    for (instr, &offset) in instrs.iter().zip(offsets) {
        if instr.loc != loc {
            w.emit(loc, (offset - run_start) as usize);
            loc = instr.loc;
            run_start = offset;
        }
    }
    w.emit(loc, (units - run_start) as usize);
    w.out
}
