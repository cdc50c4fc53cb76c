//! Walking `co_code` as `dis` does: instructions with their `EXTENDED_ARG`-extended opargs,
//! inline caches skipped, jump targets and the label numbering (`dis._unpack_opargs`,
//! `findlabels`, `_make_labels_map`).

use std::collections::BTreeSet;

use crate::compile::exception_table::ExceptionTableEntry;
use crate::instr::{CodeUnit, Opcode};

/// One instruction of `co_code` (an `EXTENDED_ARG` prefix is an instruction of its own).
#[derive(Clone, Copy, Debug)]
pub struct Instruction {
    /// Byte offset of the instruction.
    pub offset: u32,
    /// Byte offset of its first `EXTENDED_ARG` prefix (its own offset without one).
    pub start_offset: u32,
    /// The opcode byte.
    pub byte: u8,
    /// The instruction, when the byte names one.
    pub op: Option<Opcode>,
    /// The oparg with prefixes folded in, for instructions that take one. Wraps like
    /// CPython's C `int`.
    pub arg: Option<i64>,
}

impl Instruction {
    /// The unspecialized form (`dis._deoptop`).
    pub fn deopt(&self) -> Option<Opcode> {
        self.op.map(Opcode::deopt)
    }

    /// Number of `CACHE` units after the instruction.
    pub fn cache_entries(&self) -> u32 {
        self.deopt().map_or(0, |op| u32::from(op.cache_entries()))
    }

    /// `dis`'s name: the table's, or `<N>` for an unassigned opcode byte.
    pub fn name(&self) -> std::borrow::Cow<'static, str> {
        match self.op {
            Some(op) => op.name().into(),
            None => format!("<{}>", self.byte).into(),
        }
    }

    /// The byte offset this instruction jumps to, for relative jumps (`_get_jump_target`).
    pub fn jump_target(&self) -> Option<i64> {
        let deop = self.deopt()?;
        let arg = self.arg?;
        if !deop.has_jump() {
            return None;
        }
        let signed = if is_backward(deop) {
            arg.wrapping_neg()
        } else {
            arg
        };
        // Wrapping: opargs built from many EXTENDED_ARG prefixes can be huge.
        Some(
            i64::from(self.offset)
                .wrapping_add(2)
                .wrapping_add(signed.wrapping_mul(2))
                .wrapping_add(2 * i64::from(self.cache_entries())),
        )
    }
}

/// `dis._is_backward_jump`: the jumps whose oparg counts backwards.
fn is_backward(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::JUMP_BACKWARD | Opcode::JUMP_BACKWARD_NO_INTERRUPT | Opcode::END_ASYNC_FOR
    )
}

/// The instructions of `code` in order, caches skipped (`dis._unpack_opargs`).
pub fn unpack(code: &[CodeUnit]) -> Vec<Instruction> {
    const INT_OVERFLOW: i64 = 1 << 31;
    let mut out = Vec::with_capacity(code.len());
    let mut extended: i64 = 0;
    let mut prefixes = 0u32;
    let mut caches = 0u32;
    for (i, unit) in code.iter().enumerate() {
        if caches > 0 {
            caches -= 1;
            continue;
        }
        let offset = 2 * i as u32;
        let op = Opcode::from_u8(unit.opcode);
        let deop = op.map(Opcode::deopt);
        caches = deop.map_or(0, |d| u32::from(d.cache_entries()));
        let is_extended = deop == Some(Opcode::EXTENDED_ARG);
        let arg = match deop {
            Some(d) if d.has_arg() => {
                let arg = i64::from(unit.oparg) | extended;
                extended = if is_extended { arg.wrapping_shl(8) } else { 0 };
                // The oparg is a C int: past 2**31 it wraps to a negative number.
                if extended >= INT_OVERFLOW {
                    extended -= 2 * INT_OVERFLOW;
                }
                Some(arg)
            }
            _ => {
                extended = 0;
                None
            }
        };
        let start_offset = if is_extended {
            prefixes += 1;
            offset
        } else {
            let start = offset - 2 * prefixes;
            prefixes = 0;
            start
        };
        out.push(Instruction {
            offset,
            start_offset,
            byte: unit.opcode,
            op,
            arg,
        });
    }
    out
}

/// Byte offsets that get a label, in order: jump targets and the exception table's range
/// starts, ends and handlers. Label `Ln` is the `n`-th (from 1).
#[derive(Clone, Debug, Default)]
pub struct Labels {
    offsets: Vec<i64>,
}

impl Labels {
    /// Labels for `instructions` and the exception table `entries` (`dis._make_labels_map`).
    pub fn new(instructions: &[Instruction], entries: &[ExceptionTableEntry]) -> Labels {
        let mut set: BTreeSet<i64> = instructions
            .iter()
            .filter_map(Instruction::jump_target)
            .collect();
        for e in entries {
            set.extend([e.start, e.end, e.target].map(|unit| 2 * i64::from(unit)));
        }
        Labels {
            offsets: set.into_iter().collect(),
        }
    }

    /// The label number at byte `offset`, if it has one.
    pub fn at(&self, offset: i64) -> Option<usize> {
        self.offsets.binary_search(&offset).ok().map(|i| i + 1)
    }

    /// Number of labels.
    pub fn len(&self) -> usize {
        self.offsets.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.offsets.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(op: Opcode, arg: u8) -> CodeUnit {
        CodeUnit::new(op as u8, arg)
    }

    #[test]
    fn extended_args_fold_and_caches_are_skipped() {
        let code = [
            unit(Opcode::RESUME, 0),
            unit(Opcode::EXTENDED_ARG, 1),
            unit(Opcode::LOAD_CONST, 2),
            unit(Opcode::TO_BOOL, 0),
            CodeUnit::default(),
            CodeUnit::default(),
            CodeUnit::default(),
            unit(Opcode::POP_JUMP_IF_FALSE, 1),
            CodeUnit::default(),
            unit(Opcode::NOP, 0),
            unit(Opcode::JUMP_BACKWARD, 4),
            CodeUnit::default(),
        ];
        let got = unpack(&code);
        let summary: Vec<_> = got
            .iter()
            .map(|i| (i.offset, i.start_offset, i.arg))
            .collect();
        assert_eq!(
            summary,
            [
                (0, 0, Some(0)),
                (2, 2, Some(1)),
                (4, 2, Some(258)),
                (6, 6, None),
                (14, 14, Some(1)),
                (18, 18, None),
                (20, 20, Some(4)),
            ]
        );
        // Forward: 14 + 2 + 2 * 1 + 2 * 1 cache; backward: 20 + 2 - 8 + 2.
        assert_eq!(got[4].jump_target(), Some(20));
        assert_eq!(got[6].jump_target(), Some(16));
        let labels = Labels::new(&got, &[]);
        assert_eq!(
            (labels.at(16), labels.at(20), labels.len()),
            (Some(1), Some(2), 2)
        );
    }

    #[test]
    fn unknown_bytes_and_truncated_caches_do_not_panic() {
        let code = [CodeUnit::new(121, 7), unit(Opcode::LOAD_ATTR, 1)];
        let got = unpack(&code);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].name(), "<121>");
        assert_eq!(got[0].arg, None);
    }
}
