//! The opcode classes the flow-graph passes and the assembler branch on, as CPython 3.14's
//! `pycore_opcode_utils.h` defines them. Per-instruction facts (jump, exception-handler,
//! constant, eval-breaker flags, stack effects) come from the instruction table; only
//! CPython's hand-written class lists (scope exits, unconditional jumps, ...) are here. All
//! of it is gathered into a per-opcode row at build time, since the passes ask for every
//! instruction.

use std::sync::OnceLock;

use crate::instr::opcode::row_by_number;
use crate::instr::stack::{Size, StackItem};
use crate::instr::{Flags, InstrInfo, InstrKind, Opcode, PseudoInfo};

// Class bits, one table load per question (see `Row`).
const JUMP: u8 = 1;
const BLOCK_PUSH: u8 = 1 << 1;
const SCOPE_EXIT: u8 = 1 << 2;
const UNCONDITIONAL_JUMP: u8 = 1 << 3;
const CONDITIONAL_JUMP: u8 = 1 << 4;
const CONST: u8 = 1 << 5;
const EVAL_BREAK: u8 = 1 << 6;

fn class(op: Opcode) -> u8 {
    ROWS[op as usize].class
}

/// The class bits of `op`, from the table and CPython's hand-written lists.
const fn compute_class(op: Opcode, info: &InstrInfo, flags: Flags) -> u8 {
    let mut class = 0;
    if flags.contains(Flags::JUMP) {
        class |= JUMP;
    }
    // `has_exc`: the `SETUP_*` block pushes, with their own effect on the jump.
    if let Some(PseudoInfo {
        jump_stack: Some(_),
        ..
    }) = info.pseudo
    {
        class |= BLOCK_PUSH;
    }
    if matches!(
        op,
        Opcode::RETURN_VALUE | Opcode::RAISE_VARARGS | Opcode::RERAISE
    ) {
        class |= SCOPE_EXIT;
    }
    if matches!(
        op,
        Opcode::JUMP
            | Opcode::JUMP_NO_INTERRUPT
            | Opcode::JUMP_FORWARD
            | Opcode::JUMP_BACKWARD
            | Opcode::JUMP_BACKWARD_NO_INTERRUPT
    ) {
        class |= UNCONDITIONAL_JUMP;
    }
    if matches!(
        op,
        Opcode::POP_JUMP_IF_FALSE
            | Opcode::POP_JUMP_IF_TRUE
            | Opcode::POP_JUMP_IF_NONE
            | Opcode::POP_JUMP_IF_NOT_NONE
    ) {
        class |= CONDITIONAL_JUMP;
    }
    if flags.contains(Flags::CONST) {
        class |= CONST;
    }
    if flags.contains(Flags::EVAL_BREAK) {
        class |= EVAL_BREAK;
    }
    class
}

/// The oparg is a jump target (`OPCODE_HAS_JUMP`).
pub(crate) fn is_jump(op: Opcode) -> bool {
    class(op) & JUMP != 0
}

/// `SETUP_FINALLY`, `SETUP_CLEANUP`, `SETUP_WITH` (`IS_BLOCK_PUSH_OPCODE`).
pub(crate) fn is_block_push(op: Opcode) -> bool {
    class(op) & BLOCK_PUSH != 0
}

/// The oparg names a block (`HAS_TARGET`).
pub(crate) fn has_target(op: Opcode) -> bool {
    class(op) & (JUMP | BLOCK_PUSH) != 0
}

/// Leaves the code object (`IS_SCOPE_EXIT_OPCODE`).
pub(crate) fn is_scope_exit(op: Opcode) -> bool {
    class(op) & SCOPE_EXIT != 0
}

/// Ends a basic block (`IS_TERMINATOR_OPCODE`).
pub(crate) fn is_terminator(op: Opcode) -> bool {
    class(op) & (JUMP | SCOPE_EXIT) != 0
}

/// `IS_UNCONDITIONAL_JUMP_OPCODE`.
pub(crate) fn is_unconditional_jump(op: Opcode) -> bool {
    class(op) & UNCONDITIONAL_JUMP != 0
}

/// Ends a block with no fall-through: a scope exit or an unconditional jump.
pub(crate) fn is_no_fallthrough(op: Opcode) -> bool {
    class(op) & (SCOPE_EXIT | UNCONDITIONAL_JUMP) != 0
}

/// `IS_CONDITIONAL_JUMP_OPCODE`.
pub(crate) fn is_conditional_jump(op: Opcode) -> bool {
    class(op) & CONDITIONAL_JUMP != 0
}

/// The oparg indexes `co_consts` (`OPCODE_HAS_CONST`).
pub(crate) fn has_const(op: Opcode) -> bool {
    class(op) & CONST != 0
}

/// Checks the eval breaker (`OPCODE_HAS_EVAL_BREAK`).
pub(crate) fn has_eval_break(op: Opcode) -> bool {
    class(op) & EVAL_BREAK != 0
}

/// Loads a constant: `LOAD_CONST` or `LOAD_SMALL_INT` (`loads_const`).
pub(crate) fn loads_const(op: Opcode) -> bool {
    has_const(op) || op == Opcode::LOAD_SMALL_INT
}

/// Per-opcode facts the passes look up for every instruction, computed at build time from
/// the table: the cache size, and the stack effect of instructions whose effect does not
/// depend on the oparg (composing uop effects for each instruction would dominate the
/// passes).
#[derive(Clone, Copy)]
struct Row {
    class: u8,
    caches: u8,
    /// Specialized and instrumented instructions have no stack effect for the compiler.
    no_effect: bool,
    /// `(popped, pushed)` without and with the jump, when no stack item is oparg-sized.
    fixed: Option<[(i32, i32); 2]>,
}

/// Opcode numbers the table covers (pseudo-instructions are 256 and up).
const SLOTS: usize = 512;

const fn fixed_size(items: &[StackItem]) -> bool {
    let mut i = 0;
    while i < items.len() {
        if !matches!(items[i].size, Size::One) {
            return false;
        }
        i += 1;
    }
    true
}

/// `Composed::then` for build-time tables: pop `inputs`, then push `outputs`.
const fn then((popped, pushed): (i32, i32), inputs: usize, outputs: usize) -> (i32, i32) {
    let level = pushed - popped - inputs as i32;
    let popped = if -level > popped { -level } else { popped };
    (popped, level + outputs as i32 + popped)
}

/// `Opcode::stack(_, jump)` for an instruction whose items are all single values.
const fn fixed_effect(info: &InstrInfo, jump: bool) -> (i32, i32) {
    if let Some(pseudo) = &info.pseudo {
        let effect = match (jump, pseudo.jump_stack) {
            (true, Some(on_jump)) => on_jump,
            _ => pseudo.stack,
        };
        return then((0, 0), effect.inputs.len(), effect.outputs.len());
    }
    let mut acc = (0, 0);
    let mut i = 0;
    while i < info.parts.len() {
        let uop = info.parts[i].uop.info();
        acc = then(acc, uop.inputs.len(), uop.outputs.len());
        i += 1;
    }
    acc
}

const fn build_row(info: &InstrInfo, flags: Flags, caches: u8) -> Row {
    let independent = match &info.pseudo {
        Some(p) => {
            fixed_size(p.stack.inputs)
                && fixed_size(p.stack.outputs)
                && match p.jump_stack {
                    Some(j) => fixed_size(j.inputs) && fixed_size(j.outputs),
                    None => true,
                }
        }
        None => {
            let mut all = true;
            let mut i = 0;
            while i < info.parts.len() {
                let uop = info.parts[i].uop.info();
                all = all && fixed_size(uop.inputs) && fixed_size(uop.outputs);
                i += 1;
            }
            all
        }
    };
    let no_effect = matches!(info.kind, InstrKind::Specialized | InstrKind::Instrumented);
    Row {
        class: compute_class(info.opcode, info, flags),
        caches,
        no_effect,
        fixed: if independent && !no_effect {
            Some([fixed_effect(info, false), fixed_effect(info, true)])
        } else {
            None
        },
    }
}

static ROWS: [Row; SLOTS] = {
    let mut rows = [Row {
        class: 0,
        caches: 0,
        no_effect: true,
        fixed: None,
    }; SLOTS];
    let mut number = 0;
    while number < SLOTS {
        if let Some((info, flags, caches)) = row_by_number(number) {
            rows[number] = build_row(info, flags, caches);
        }
        number += 1;
    }
    rows
};

/// Number of `CACHE` units after the instruction.
pub(crate) fn cache_entries(op: Opcode) -> u8 {
    ROWS[op as usize].caches
}

/// `_PyOpcode_num_popped` and `_PyOpcode_num_pushed` on the given path, or `None` where
/// CPython has no stack effect (specialized instructions, negative formulas).
#[inline]
pub(crate) fn popped_pushed(op: Opcode, oparg: u32, jump: bool) -> Option<(i32, i32)> {
    let row = &ROWS[op as usize];
    if let Some(fixed) = row.fixed {
        return Some(fixed[usize::from(jump)]);
    }
    if row.no_effect {
        return None;
    }
    if oparg < 256 {
        // Oparg-sized effects (CALL, BUILD_*, LOAD_ATTR, ...) are common enough to memoize
        // per opcode for byte-sized opargs.
        let effects = SMALL_OPARG[op as usize].get_or_init(|| {
            (0..256)
                .map(|arg| [compose(op, arg, false), compose(op, arg, true)])
                .collect()
        });
        return effects[oparg as usize][usize::from(jump)];
    }
    compose(op, oparg, jump)
}

/// `(popped, pushed)` without and with the jump, for one oparg.
type Effects = [Option<(i32, i32)>; 2];

/// Effects of byte-sized opargs, per opcode, filled on first use.
static SMALL_OPARG: [OnceLock<Box<[Effects]>>; SLOTS] = [const { OnceLock::new() }; SLOTS];

fn compose(op: Opcode, oparg: u32, jump: bool) -> Option<(i32, i32)> {
    // CPython's opargs are below 2**30; larger ones would overflow the size formulas.
    if oparg >= 1 << 30 {
        return None;
    }
    let composed = op.stack(oparg as i32, jump);
    if composed.popped < 0 || composed.pushed < 0 {
        return None;
    }
    Some((composed.popped, composed.pushed))
}

/// CPython's `get_stack_effects`: the net effect, with `SETUP_*` counting only on the jump.
#[inline]
pub(crate) fn stack_effect(op: Opcode, oparg: u32, jump: bool) -> Option<i32> {
    let (popped, pushed) = popped_pushed(op, oparg, jump)?;
    if is_block_push(op) && !jump {
        return Some(0);
    }
    Some(pushed - popped)
}
