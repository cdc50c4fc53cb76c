//! The instruction sequence codegen emits and the flow-graph passes consume: CPython 3.14's
//! `_PyInstructionSequence`, with pseudo-instructions, symbolic jump labels and a source
//! location per instruction.

use crate::instr::Opcode;

/// A source range, CPython's `_Py_SourceLocation`: 1-based lines, 0-based UTF-8 byte
/// columns; `-1` marks an unknown part (CPython's `NO_LOCATION` is all `-1`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Location {
    /// First line.
    pub lineno: i32,
    /// Last line.
    pub end_lineno: i32,
    /// Start column (UTF-8 bytes).
    pub col_offset: i32,
    /// End column (UTF-8 bytes).
    pub end_col_offset: i32,
}

impl Location {
    /// No location (artificial instructions).
    pub const NONE: Location = Location {
        lineno: -1,
        end_lineno: -1,
        col_offset: -1,
        end_col_offset: -1,
    };

    /// "Use the next instruction's location" (CPython's `NEXT_LOCATION`, all `-2`): codegen
    /// gives it to the `POP_TOP` after a matched `case`, and the flow graph resolves it.
    pub const NEXT: Location = Location {
        lineno: -2,
        end_lineno: -2,
        col_offset: -2,
        end_col_offset: -2,
    };

    /// A location covering `lineno..=end_lineno`, `col_offset..end_col_offset`.
    pub const fn new(lineno: i32, end_lineno: i32, col_offset: i32, end_col_offset: i32) -> Self {
        Location {
            lineno,
            end_lineno,
            col_offset,
            end_col_offset,
        }
    }
}

/// A jump target; its position is fixed by [`InstrSeq::use_label`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Label(pub u32);

/// One instruction. For jumps and `SETUP_*` pseudo-instructions `oparg` is a [`Label`]
/// number until the flow graph resolves it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instr {
    /// The (possibly pseudo) opcode.
    pub opcode: Opcode,
    /// The argument (unbounded here; the assembler emits `EXTENDED_ARG` as needed).
    pub oparg: u32,
    /// Source location for the line table.
    pub loc: Location,
}

/// The instructions of one code unit in emission order, plus label positions.
#[derive(Clone, Debug, Default)]
pub struct InstrSeq {
    /// The instructions.
    pub instrs: Vec<Instr>,
    /// For each label number, the index of the instruction it precedes (`u32::MAX` while
    /// unplaced).
    pub label_map: Vec<u32>,
    /// A module's `__annotate__` set-up code (PEP 649), generated after the body but run
    /// where the `ANNOTATIONS_PLACEHOLDER` instruction stands; its labels are its own.
    /// CPython's `s_annotations_code`: the flow graph splices it in place of the
    /// placeholder (or turns the placeholder into a `NOP` when there is none).
    pub annotations_code: Option<Box<InstrSeq>>,
}

impl InstrSeq {
    /// An empty sequence.
    pub fn new() -> Self {
        InstrSeq::default()
    }

    /// A fresh, unplaced label.
    pub fn new_label(&mut self) -> Label {
        self.label_map.push(u32::MAX);
        Label(self.label_map.len() as u32 - 1)
    }

    /// Places `label` before the next instruction emitted.
    pub fn use_label(&mut self, label: Label) {
        self.label_map[label.0 as usize] = self.instrs.len() as u32;
    }

    /// Appends an instruction.
    pub fn emit(&mut self, opcode: Opcode, oparg: u32, loc: Location) {
        self.instrs.push(Instr { opcode, oparg, loc });
    }

    /// Inserts an instruction before index `pos`; labels placed at or after `pos` move with
    /// the instructions they precede (CPython's `_PyInstructionSequence_InsertInstruction`).
    pub fn insert(&mut self, pos: usize, opcode: Opcode, oparg: u32, loc: Location) {
        self.instrs.insert(pos, Instr { opcode, oparg, loc });
        for target in &mut self.label_map {
            if *target != u32::MAX && *target as usize >= pos {
                *target += 1;
            }
        }
    }

    /// Appends a jump (or `SETUP_*`) to `target`.
    pub fn emit_jump(&mut self, opcode: Opcode, target: Label, loc: Location) {
        self.emit(opcode, target.0, loc);
    }
}
