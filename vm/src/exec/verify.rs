//! The bytecode verifier: proves once, when a code object is created, what the eval loop
//! then assumes on every instruction without checking it again.
//!
//! A code object passes when
//! - every instruction is a real opcode the compiler emits (no `CACHE`, specialized,
//!   instrumented or pseudo opcode), with at most three `EXTENDED_ARG` prefixes and all of
//!   its cache units inside the code;
//! - every jump (and every exception handler) lands on an instruction boundary inside the
//!   code, and `FOR_ITER`'s exhaustion target is the `END_FOR` it skips;
//! - local, cell, constant and name indices are in range;
//! - on every path (exception handlers included) the stack depth before each uop of each
//!   instruction is within `[0, co_stacksize]`, and paths that meet agree on it;
//! - no reachable instruction falls through past the last code unit.
//!
//! With that, the fetch (`Regs::fetch`), pushes, pops, peeks and local accesses of the uop
//! bodies need no run-time bounds checks (they keep `debug_assert!`s). CPython crashes on
//! such bytecode; rpy raises `SystemError` when a code object fails (only the compiler
//! builds code objects today, so a failure is a compiler bug).
//!
//! Specialized instructions are not accepted as input, but the specializer writes them
//! over their family head at run time; `family_members_keep_the_heads_stack_bounds` (tests
//! below) checks that each reaches no deeper and no higher than its head.

use crate::compile::code::CodeObject;
use crate::instr::{InstrKind, OpargKind, Opcode};
use crate::types::code::ExcEntry;

/// Why a code object was rejected: the code unit and what is wrong there.
#[derive(Debug, PartialEq, Eq)]
pub struct VerifyError {
    /// Index of the offending code unit.
    pub unit: usize,
    /// What is wrong.
    pub reason: String,
}

impl std::fmt::Display for VerifyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} (at offset {})", self.reason, self.unit * 2)
    }
}

fn fail<T>(unit: usize, reason: impl Into<String>) -> Result<T, VerifyError> {
    Err(VerifyError {
        unit,
        reason: reason.into(),
    })
}

/// Opargs at or above this cannot be evaluated by the table's size formulas (`i32`); the
/// compiler never emits them.
const MAX_OPARG: u32 = 1 << 30;

/// One decoded instruction.
#[derive(Clone, Copy)]
struct Inst {
    /// First unit (the first `EXTENDED_ARG` prefix, if any): where jumps land.
    start: u32,
    /// The opcode's own unit (what the loop calls `ip`).
    at: u32,
    /// The unit after the caches (`next_ip`).
    next: u32,
    op: Opcode,
    oparg: u32,
}

/// Checks `code` (with its decoded exception table `handlers`) as described in the module
/// comment.
pub fn verify(code: &CodeObject, handlers: &[ExcEntry]) -> Result<(), VerifyError> {
    let units = &code.code;
    if units.is_empty() {
        return fail(0, "empty bytecode");
    }
    if units.len() >= MAX_OPARG as usize {
        return fail(0, "bytecode too long");
    }
    let (insts, index_of) = decode(code)?;
    let stacksize = code.stacksize as i64;
    // Instruction index -> stack depth on entry (-1: not reached yet).
    let mut depth = vec![-1i64; insts.len()];
    let mut work: Vec<usize> = Vec::with_capacity(16);
    let target = |unit: usize, from: usize| -> Result<usize, VerifyError> {
        match index_of.get(unit) {
            Some(&k) if k != u32::MAX => Ok(k as usize),
            Some(_) => fail(
                from,
                format!("jump into the middle of an instruction ({unit})"),
            ),
            None => fail(from, format!("jump target {unit} outside the code")),
        }
    };
    let mut flow = Flow {
        depth: &mut depth,
        work: &mut work,
        insts: &insts,
    };
    flow.reach(0, 0, 0)?;
    for h in handlers {
        let k = target(h.target as usize, h.start as usize)?;
        let d = i64::from(h.depth) + i64::from(h.lasti) + 1;
        if d > stacksize {
            return fail(h.target as usize, "exception handler overflows the stack");
        }
        flow.reach(k, d, h.target as usize)?;
    }
    while let Some(k) = flow.work.pop() {
        let inst = insts[k];
        let at = inst.at as usize;
        let after = stack_bounds(inst, flow.depth[k], stacksize)?;
        if let Some((unit, d)) = jump(inst, after, units)? {
            let t = target(unit, at)?;
            flow.reach(t, d, at)?;
        }
        if falls_through(inst.op) {
            if k + 1 == insts.len() {
                return fail(at, "execution can run past the end of the code");
            }
            flow.reach(k + 1, after, at)?;
        }
    }
    Ok(())
}

/// The dataflow state: the entry depth per instruction (-1 before it is reached) and the
/// instructions reached but not yet checked.
struct Flow<'a> {
    depth: &'a mut [i64],
    work: &'a mut Vec<usize>,
    insts: &'a [Inst],
}

impl Flow<'_> {
    /// Instruction `k` is entered with depth `d` (from the unit `from`).
    fn reach(&mut self, k: usize, d: i64, from: usize) -> Result<(), VerifyError> {
        let seen = self.depth[k];
        if seen < 0 {
            self.depth[k] = d;
            self.work.push(k);
        } else if seen != d {
            let at = self.insts[k].start * 2;
            return fail(
                from,
                format!("stack depth {d} meets depth {seen} at offset {at}"),
            );
        }
        Ok(())
    }
}

/// Decodes the instructions in order and checks each one's opcode, caches and operand
/// indices. Returns them and, per code unit, the index of the instruction starting there
/// (`u32::MAX` inside an instruction).
fn decode(code: &CodeObject) -> Result<(Vec<Inst>, Vec<u32>), VerifyError> {
    let units = &code.code;
    let mut insts = Vec::with_capacity(units.len());
    let mut index_of = vec![u32::MAX; units.len()];
    let mut i = 0;
    while i < units.len() {
        let start = i;
        let mut oparg = 0u32;
        let mut prefixes = 0;
        while units[i].opcode == Opcode::EXTENDED_ARG as u8 {
            prefixes += 1;
            if prefixes > 3 {
                return fail(start, "more than three EXTENDED_ARG prefixes");
            }
            oparg = (oparg << 8) | u32::from(units[i].oparg);
            i += 1;
            if i == units.len() {
                return fail(start, "EXTENDED_ARG at the end of the code");
            }
        }
        let unit = units[i];
        oparg = (oparg << 8) | u32::from(unit.oparg);
        let op = match Opcode::from_u8(unit.opcode) {
            Some(op)
                if op.kind() == InstrKind::Real
                    && !matches!(op, Opcode::CACHE | Opcode::RESERVED) =>
            {
                op
            }
            _ => return fail(i, format!("invalid opcode {}", unit.opcode)),
        };
        if oparg >= MAX_OPARG {
            return fail(i, format!("oparg {oparg} out of range"));
        }
        let next = i + 1 + op.cache_entries() as usize;
        if next > units.len() {
            return fail(i, format!("{op}'s cache runs past the end of the code"));
        }
        check_operand(code, op, oparg, i)?;
        index_of[start] = insts.len() as u32;
        insts.push(Inst {
            start: start as u32,
            at: i as u32,
            next: next as u32,
            op,
            oparg,
        });
        i = next;
    }
    Ok((insts, index_of))
}

/// Checks an oparg that indexes a table of the code object.
fn check_operand(code: &CodeObject, op: Opcode, oparg: u32, at: usize) -> Result<(), VerifyError> {
    let nlocalsplus = code.localsplusnames.len();
    let (index, len, what) = match op.oparg_kind() {
        OpargKind::Const => (oparg, code.consts.len(), "constant"),
        OpargKind::Name => (oparg, code.names.len(), "name"),
        OpargKind::NameAndBit => (oparg >> 1, code.names.len(), "name"),
        OpargKind::NameAndSuperBits => (oparg >> 2, code.names.len(), "name"),
        OpargKind::Local | OpargKind::Cell => (oparg, nlocalsplus, "local"),
        OpargKind::LocalPair => ((oparg >> 4).max(oparg & 15), nlocalsplus, "local"),
        _ => return Ok(()),
    };
    if index as usize >= len {
        return fail(at, format!("{op} {what} index {index} out of range"));
    }
    Ok(())
}

/// The stack depth after `inst` run at depth `d`, checking every uop of its body stays
/// within `[0, stacksize]` (and no size formula of the table goes negative for its oparg).
fn stack_bounds(inst: Inst, d: i64, stacksize: i64) -> Result<i64, VerifyError> {
    let at = inst.at as usize;
    let oparg = inst.oparg as i32;
    let mut level = d;
    for part in inst.op.parts() {
        let (inputs, outputs) = (part.uop.inputs(), part.uop.outputs());
        let mut popped = 0i64;
        for item in inputs {
            let n = item.size.eval(oparg);
            if n < 0 {
                return fail(at, format!("{} oparg {oparg} out of range", inst.op));
            }
            popped += i64::from(n);
        }
        level -= popped;
        if level < 0 {
            return fail(at, format!("{} pops from an empty stack", inst.op));
        }
        for item in outputs {
            let n = item.size.eval(oparg);
            if n < 0 {
                return fail(at, format!("{} oparg {oparg} out of range", inst.op));
            }
            level += i64::from(n);
        }
        if level > stacksize {
            return fail(
                at,
                format!("{} overflows the stack (co_stacksize {stacksize})", inst.op),
            );
        }
    }
    Ok(level)
}

/// Where `inst` may jump (the code unit the loop continues at) and the stack depth there,
/// given the depth `after` its body. `END_ASYNC_FOR`'s oparg only names its loop for `dis`:
/// it does not jump.
fn jump(
    inst: Inst,
    after: i64,
    units: &[crate::instr::CodeUnit],
) -> Result<Option<(usize, i64)>, VerifyError> {
    use Opcode::*;
    let (next, oparg, at) = (inst.next as usize, inst.oparg as usize, inst.at as usize);
    Ok(Some(match inst.op {
        JUMP_FORWARD | POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE | POP_JUMP_IF_NONE
        | POP_JUMP_IF_NOT_NONE | SEND => (next + oparg, after),
        JUMP_BACKWARD | JUMP_BACKWARD_NO_INTERRUPT => match next.checked_sub(oparg) {
            Some(t) => (t, after),
            None => return fail(at, "backward jump before the start of the code"),
        },
        FOR_ITER => {
            // The loop's exhaustion skips the `END_FOR` at the target, with the iterator
            // (and its index slot) still on the stack and no next value.
            let t = next + oparg;
            if units.get(t).map(|u| u.opcode) != Some(END_FOR as u8) {
                return fail(at, "FOR_ITER does not jump to an END_FOR");
            }
            (t + 1, after - 1)
        }
        END_ASYNC_FOR => return Ok(None),
        op if op.has_jump() => return fail(at, format!("{op} jumps in an unknown way")),
        _ => return Ok(None),
    }))
}

/// Whether execution continues with the next instruction (not a return, a raise or an
/// unconditional jump).
fn falls_through(op: Opcode) -> bool {
    !matches!(
        op,
        Opcode::RETURN_VALUE
            | Opcode::RAISE_VARARGS
            | Opcode::RERAISE
            | Opcode::JUMP_FORWARD
            | Opcode::JUMP_BACKWARD
            | Opcode::JUMP_BACKWARD_NO_INTERRUPT
    )
}

#[cfg(test)]
#[path = "verify_tests.rs"]
mod tests;
