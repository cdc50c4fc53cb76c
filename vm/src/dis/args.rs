//! The text `dis` prints in parentheses after an oparg (`dis.ArgResolver.get_argval_argrepr`):
//! constants, names, locals, jump labels, and the named small-integer opargs.
//!
//! The cases are tried in `dis.py`'s order and keyed on the same predicates (`hasconst`,
//! `hasname`, `hasjump`, `haslocal`, `hasfree`, which the instruction table derives and
//! `vm/tests/isa_facts.rs` checks against CPython), so an instruction that fits two cases
//! prints as CPython prints it.

use super::const_repr::{IntDigits, write_const_repr};
use super::instructions::{Instruction, Labels};
use super::{DisError, names};
use crate::compile::CodeObject;
use crate::instr::Opcode;

/// Resolves the opargs of one code object.
pub struct ArgResolver<'a> {
    /// The code object whose tables the opargs index.
    pub code: &'a CodeObject,
    /// Its labels.
    pub labels: &'a Labels,
    /// Writes the repr of a nested code object.
    pub code_repr: &'a dyn Fn(&mut String, &CodeObject),
}

fn lookup<'t, T: ?Sized>(
    table: &'t [impl AsRef<T>],
    index: i64,
    what: &'static str,
) -> Result<&'t T, DisError> {
    usize::try_from(index)
        .ok()
        .and_then(|i| table.get(i))
        .map(AsRef::as_ref)
        .ok_or(DisError::Index(what))
}

fn entry(table: &[&'static str], index: i64, what: &'static str) -> Result<&'static str, DisError> {
    usize::try_from(index)
        .ok()
        .and_then(|i| table.get(i).copied())
        .ok_or(DisError::Index(what))
}

impl ArgResolver<'_> {
    fn name(&self, index: i64) -> Result<&str, DisError> {
        lookup::<str>(&self.code.names, index, "tuple index out of range")
    }

    fn local(&self, index: i64) -> Result<&str, DisError> {
        lookup::<str>(
            &self.code.localsplusnames,
            index,
            "tuple index out of range",
        )
    }

    /// Appends the argrepr of `instr` (nothing for instructions without one).
    pub fn write_argrepr(&self, out: &mut String, instr: &Instruction) -> Result<(), DisError> {
        let (Some(deop), Some(arg)) = (instr.deopt(), instr.arg) else {
            return Ok(());
        };
        let push = |out: &mut String, s: &str| out.push_str(s);
        if deop.has_const() {
            let value = usize::try_from(arg)
                .ok()
                .and_then(|i| self.code.consts.get(i))
                .ok_or(DisError::Index("tuple index out of range"))?;
            write_const_repr(out, value, IntDigits::Limited, self.code_repr)?;
        } else if deop.has_name() {
            let (index, flag, suffix) = match deop {
                Opcode::LOAD_GLOBAL => (arg >> 1, arg & 1, " + NULL"),
                Opcode::LOAD_ATTR => (arg >> 1, arg & 1, " + NULL|self"),
                Opcode::LOAD_SUPER_ATTR => (arg >> 2, arg & 1, " + NULL|self"),
                _ => (arg, 0, ""),
            };
            let name = self.name(index)?;
            push(out, name);
            if flag != 0 && !name.is_empty() {
                push(out, suffix);
            }
        } else if deop.has_jump() {
            let preposition = if deop == Opcode::END_ASYNC_FOR {
                "from"
            } else {
                "to"
            };
            let label = instr
                .jump_target()
                .and_then(|target| self.labels.at(target))
                .ok_or(DisError::Index("jump target without a label"))?;
            out.push_str(&format!("{preposition} L{label}"));
        } else if matches!(
            deop,
            Opcode::LOAD_FAST_LOAD_FAST
                | Opcode::LOAD_FAST_BORROW_LOAD_FAST_BORROW
                | Opcode::STORE_FAST_LOAD_FAST
                | Opcode::STORE_FAST_STORE_FAST
        ) {
            let first = self.local(arg >> 4)?;
            let second = self.local(arg & 15)?;
            out.push_str(&format!("{first}, {second}"));
        } else if deop.has_local() || deop.has_free() {
            push(out, self.local(arg)?);
        } else {
            self.write_small_arg(out, deop, arg)?;
        }
        Ok(())
    }

    /// The opargs that name one entry of a fixed table or a set of flags.
    fn write_small_arg(&self, out: &mut String, deop: Opcode, arg: i64) -> Result<(), DisError> {
        const LIST: &str = "list index out of range";
        const TUPLE: &str = "tuple index out of range";
        match deop {
            Opcode::COMPARE_OP => {
                let op = entry(&names::COMPARISONS, arg >> 5, TUPLE)?;
                if arg & 16 != 0 {
                    out.push_str(&format!("bool({op})"));
                } else {
                    out.push_str(op);
                }
            }
            Opcode::CONVERT_VALUE => out.push_str(entry(&names::CONVERSIONS, arg, TUPLE)?),
            Opcode::SET_FUNCTION_ATTRIBUTE => {
                let set: Vec<&str> = names::FUNCTION_ATTRIBUTES
                    .iter()
                    .enumerate()
                    .filter(|&(bit, _)| arg >> bit & 1 != 0)
                    .map(|(_, name)| *name)
                    .collect();
                out.push_str(&set.join(", "));
            }
            Opcode::BINARY_OP => out.push_str(entry(&names::BINARY_OPS, arg, LIST)?),
            Opcode::CALL_INTRINSIC_1 => out.push_str(entry(&names::INTRINSICS_1, arg, LIST)?),
            Opcode::CALL_INTRINSIC_2 => out.push_str(entry(&names::INTRINSICS_2, arg, LIST)?),
            Opcode::LOAD_COMMON_CONSTANT => {
                out.push_str(entry(&names::COMMON_CONSTANTS, arg, LIST)?);
            }
            Opcode::LOAD_SPECIAL => out.push_str(entry(&names::SPECIAL_METHODS, arg, TUPLE)?),
            Opcode::IS_OP => out.push_str(if arg != 0 { "is not" } else { "is" }),
            Opcode::CONTAINS_OP => out.push_str(if arg != 0 { "not in" } else { "in" }),
            _ => {}
        }
        Ok(())
    }
}
