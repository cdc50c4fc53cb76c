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
use crate::instr::stack::Size;
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

/// What the verifier needs of an opcode byte, computed once from the instruction table
/// (asking the table per instruction cost ~10% of compile time).
#[derive(Clone, Copy)]
struct OpRow {
    /// A real instruction the compiler may emit.
    op: Option<Opcode>,
    /// Which code-object table the oparg indexes, and how.
    operand: Operand,
    /// Reach of the body when no stack size depends on the oparg: the lowest level after
    /// a uop's pops, the highest after its pushes, and the final level, relative to the
    /// level before the instruction.
    fixed: Option<(i32, i32, i32)>,
    /// Cache units after the instruction.
    caches: u8,
    /// Where execution goes next.
    control: Control,
}

/// Where execution continues after an instruction.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Control {
    /// The next instruction.
    Next,
    /// Nowhere in this code (a return or a raise).
    Leave,
    /// The next instruction or `next + oparg`.
    Branch,
    /// Only `next + oparg`.
    Forward,
    /// Only `next - oparg`.
    Backward,
    /// `FOR_ITER`: the next instruction, or past the `END_FOR` at `next + oparg` with one
    /// value less.
    ForIter,
    /// Some jump this verifier does not know.
    Unknown,
}

#[derive(Clone, Copy)]
enum Operand {
    None,
    Const,
    /// `co_names`, index shifted right by this much.
    Name(u8),
    Local,
    LocalPair,
}

fn rows() -> &'static [OpRow; 256] {
    static ROWS: std::sync::OnceLock<[OpRow; 256]> = std::sync::OnceLock::new();
    ROWS.get_or_init(|| {
        std::array::from_fn(|byte| {
            let op = Opcode::from_u8(byte as u8).filter(|op| {
                op.kind() == InstrKind::Real && !matches!(op, Opcode::CACHE | Opcode::RESERVED)
            });
            let operand = match op.map(Opcode::oparg_kind) {
                Some(OpargKind::Const) => Operand::Const,
                Some(OpargKind::Name) => Operand::Name(0),
                Some(OpargKind::NameAndBit) => Operand::Name(1),
                Some(OpargKind::NameAndSuperBits) => Operand::Name(2),
                Some(OpargKind::Local | OpargKind::Cell) => Operand::Local,
                Some(OpargKind::LocalPair) => Operand::LocalPair,
                _ => Operand::None,
            };
            OpRow {
                op,
                operand,
                fixed: op.and_then(fixed_reach),
                caches: op.map_or(0, Opcode::cache_entries),
                control: op.map_or(Control::Unknown, control),
            }
        })
    })
}

/// How `op` continues. `END_ASYNC_FOR`'s oparg only names its loop for `dis`: it does not
/// jump.
fn control(op: Opcode) -> Control {
    use Opcode::*;
    match op {
        RETURN_VALUE | RAISE_VARARGS | RERAISE => Control::Leave,
        POP_JUMP_IF_FALSE | POP_JUMP_IF_TRUE | POP_JUMP_IF_NONE | POP_JUMP_IF_NOT_NONE | SEND => {
            Control::Branch
        }
        JUMP_FORWARD => Control::Forward,
        JUMP_BACKWARD | JUMP_BACKWARD_NO_INTERRUPT => Control::Backward,
        FOR_ITER => Control::ForIter,
        END_ASYNC_FOR => Control::Next,
        op if op.has_jump() => Control::Unknown,
        _ => Control::Next,
    }
}

/// The reach of `op`'s body if no item's size depends on the oparg.
fn fixed_reach(op: Opcode) -> Option<(i32, i32, i32)> {
    let (mut level, mut low, mut high) = (0, 0, 0);
    for part in op.parts() {
        let (inputs, outputs) = (part.uop.inputs(), part.uop.outputs());
        if inputs
            .iter()
            .chain(outputs)
            .any(|i| !matches!(i.size, Size::One))
        {
            return None;
        }
        level -= inputs.len() as i32;
        low = low.min(level);
        level += outputs.len() as i32;
        high = high.max(level);
    }
    Some((low, high, level))
}

/// One decoded instruction.
#[derive(Clone, Copy)]
struct Inst {
    /// First unit (the first `EXTENDED_ARG` prefix, if any): where jumps land.
    start: u32,
    /// The opcode's own unit (what the loop calls `ip`).
    at: u32,
    /// The unit after the caches (`next_ip`).
    next: u32,
    oparg: u32,
    /// The opcode byte (its [`OpRow`]).
    byte: u8,
}

impl Inst {
    fn row(self) -> &'static OpRow {
        &rows()[usize::from(self.byte)]
    }

    fn op(self) -> Opcode {
        self.row().op.unwrap_or(Opcode::NOP)
    }
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
    if one_pass(code, handlers) {
        return Ok(());
    }
    dataflow(code, handlers)
}

/// The general check: decodes the instructions, then follows every path with a work list.
fn dataflow(code: &CodeObject, handlers: &[ExcEntry]) -> Result<(), VerifyError> {
    let units = &code.code;
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
    while let Some(mut k) = flow.work.pop() {
        // Straight-line code continues without the work list.
        loop {
            let inst = insts[k];
            let at = inst.at as usize;
            let after = stack_bounds(inst, flow.depth[k], stacksize)?;
            let control = inst.row().control;
            if let Some((unit, d)) = jump(inst, control, after, units)? {
                let t = target(unit, at)?;
                flow.reach(t, d, at)?;
            }
            if !matches!(control, Control::Next | Control::Branch | Control::ForIter) {
                break;
            }
            if k + 1 == insts.len() {
                return fail(at, "execution can run past the end of the code");
            }
            if flow.depth[k + 1] >= 0 {
                flow.reach(k + 1, after, at)?;
                break;
            }
            k += 1;
            flow.depth[k] = after;
        }
    }
    Ok(())
}

/// The common case in one pass over the code without building an instruction list: true
/// when every instruction's entry depth is known by the time the scan reaches it (from the
/// fall-through, an earlier forward jump or a handler) and everything checks. False when
/// something fails or an instruction is first reached by a backward jump; the full
/// dataflow then decides (and words the error). Compiler output almost always passes
/// here, which keeps verification a small part of compile time.
fn one_pass(code: &CodeObject, handlers: &[ExcEntry]) -> bool {
    /// Not reached (yet).
    const UNSEEN: i32 = -1;
    /// A prefix or cache unit: no jump may land here.
    const INSIDE: i32 = -2;
    let units = &code.code;
    let n = units.len();
    let Ok(stacksize) = i32::try_from(code.stacksize) else {
        return false;
    };
    let rows = rows();
    let mut depth = vec![UNSEEN; n];
    // Execution starts at unit 0 with an empty stack.
    depth[0] = 0;
    // Enters unit `t` with depth `d` from below it.
    let enter = |depth: &mut [i32], t: usize, d: i32| match depth.get(t) {
        Some(&UNSEEN) => {
            depth[t] = d;
            true
        }
        Some(&seen) => seen == d,
        None => false,
    };
    for h in handlers {
        let d = i64::from(h.depth) + i64::from(h.lasti) + 1;
        if d > i64::from(stacksize) || !enter(&mut depth, h.target as usize, d as i32) {
            return false;
        }
    }
    let mut i = 0;
    while i < n {
        let start = i;
        let d = depth[start];
        let Ok(inst) = decode_one(code, rows, start) else {
            return false;
        };
        let (oparg, next) = (inst.oparg, inst.next as usize);
        let row = &rows[usize::from(inst.byte)];
        for slot in &mut depth[start + 1..next] {
            if *slot != UNSEEN {
                return false;
            }
            *slot = INSIDE;
        }
        i = next;
        if d == UNSEEN {
            // Unreachable so far; a later backward jump here sends us to the full pass.
            continue;
        }
        let Ok(after) = stack_bounds(inst, i64::from(d), i64::from(stacksize)) else {
            return false;
        };
        let after = after as i32;
        let (target, at_target) = match row.control {
            Control::Next | Control::Leave => (None, 0),
            Control::Branch | Control::Forward => (Some(next + oparg as usize), after),
            Control::Backward => (next.checked_sub(oparg as usize), after),
            Control::ForIter => {
                let t = next + oparg as usize;
                if units.get(t).map(|u| u.opcode) != Some(Opcode::END_FOR as u8) {
                    return false;
                }
                (Some(t + 1), after - 1)
            }
            Control::Unknown => return false,
        };
        if matches!(row.control, Control::Backward) {
            // Backward targets were scanned: they must have been entered with this depth.
            match target {
                Some(t) if depth[t] == at_target => {}
                _ => return false,
            }
        } else if let Some(t) = target
            && !enter(&mut depth, t, at_target)
        {
            return false;
        }
        if matches!(
            row.control,
            Control::Next | Control::Branch | Control::ForIter
        ) && !enter(&mut depth, next, after)
        {
            return false;
        }
    }
    true
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
    let rows = rows();
    let mut insts = Vec::with_capacity(units.len());
    let mut index_of = vec![u32::MAX; units.len()];
    let mut i = 0;
    while i < units.len() {
        let inst = decode_one(code, rows, i)?;
        index_of[i] = insts.len() as u32;
        insts.push(inst);
        i = inst.next as usize;
    }
    Ok((insts, index_of))
}

/// Decodes the instruction starting at unit `start` (its `EXTENDED_ARG` prefixes, opcode,
/// caches) and checks its opcode, cache units and operand index; shared by the one-pass
/// check and the full decode.
#[inline]
fn decode_one(code: &CodeObject, rows: &[OpRow; 256], start: usize) -> Result<Inst, VerifyError> {
    let units = &code.code;
    let mut i = start;
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
    let row = &rows[usize::from(unit.opcode)];
    let Some(op) = row.op else {
        return fail(i, format!("invalid opcode {}", unit.opcode));
    };
    if oparg >= MAX_OPARG {
        return fail(i, format!("oparg {oparg} out of range"));
    }
    let next = i + 1 + usize::from(row.caches);
    if next > units.len() {
        return fail(i, format!("{op}'s cache runs past the end of the code"));
    }
    check_operand(code, row.operand, op, oparg, i)?;
    Ok(Inst {
        start: start as u32,
        at: i as u32,
        next: next as u32,
        oparg,
        byte: unit.opcode,
    })
}

/// Checks an oparg that indexes a table of the code object.
fn check_operand(
    code: &CodeObject,
    operand: Operand,
    op: Opcode,
    oparg: u32,
    at: usize,
) -> Result<(), VerifyError> {
    let nlocalsplus = code.localsplusnames.len();
    let (index, len, what) = match operand {
        Operand::None => return Ok(()),
        Operand::Const => (oparg, code.consts.len(), "constant"),
        Operand::Name(shift) => (oparg >> shift, code.names.len(), "name"),
        Operand::Local => (oparg, nlocalsplus, "local"),
        Operand::LocalPair => ((oparg >> 4).max(oparg & 15), nlocalsplus, "local"),
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
    if let Some((low, high, net)) = inst.row().fixed {
        if d + i64::from(low) < 0 {
            return fail(at, format!("{} pops from an empty stack", inst.op()));
        }
        if d + i64::from(high) > stacksize {
            return fail(
                at,
                format!(
                    "{} overflows the stack (co_stacksize {stacksize})",
                    inst.op()
                ),
            );
        }
        return Ok(d + i64::from(net));
    }
    let oparg = inst.oparg as i32;
    let mut level = d;
    for part in inst.op().parts() {
        let (inputs, outputs) = (part.uop.inputs(), part.uop.outputs());
        let mut popped = 0i64;
        for item in inputs {
            let n = item.size.eval(oparg);
            if n < 0 {
                return fail(at, format!("{} oparg {oparg} out of range", inst.op()));
            }
            popped += i64::from(n);
        }
        level -= popped;
        if level < 0 {
            return fail(at, format!("{} pops from an empty stack", inst.op()));
        }
        for item in outputs {
            let n = item.size.eval(oparg);
            if n < 0 {
                return fail(at, format!("{} oparg {oparg} out of range", inst.op()));
            }
            level += i64::from(n);
        }
        if level > stacksize {
            return fail(
                at,
                format!(
                    "{} overflows the stack (co_stacksize {stacksize})",
                    inst.op()
                ),
            );
        }
    }
    Ok(level)
}

/// Where `inst` may jump (the code unit the loop continues at) and the stack depth there,
/// given the depth `after` its body.
fn jump(
    inst: Inst,
    control: Control,
    after: i64,
    units: &[crate::instr::CodeUnit],
) -> Result<Option<(usize, i64)>, VerifyError> {
    let (next, oparg, at) = (inst.next as usize, inst.oparg as usize, inst.at as usize);
    Ok(Some(match control {
        Control::Next | Control::Leave => return Ok(None),
        Control::Branch | Control::Forward => (next + oparg, after),
        Control::Backward => match next.checked_sub(oparg) {
            Some(t) => (t, after),
            None => return fail(at, "backward jump before the start of the code"),
        },
        Control::ForIter => {
            // The loop's exhaustion skips the `END_FOR` at the target, with the iterator
            // (and its index slot) still on the stack and no next value.
            let t = next + oparg;
            if units.get(t).map(|u| u.opcode) != Some(Opcode::END_FOR as u8) {
                return fail(at, "FOR_ITER does not jump to an END_FOR");
            }
            (t + 1, after - 1)
        }
        Control::Unknown => return fail(at, format!("{} jumps in an unknown way", inst.op())),
    }))
}

#[cfg(test)]
#[path = "verify_tests.rs"]
mod tests;
