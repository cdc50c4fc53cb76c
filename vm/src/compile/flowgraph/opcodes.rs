//! The opcode classes the flow-graph passes and the assembler branch on, as CPython 3.14's
//! `pycore_opcode_utils.h` defines them. Per-instruction facts (jump, exception-handler,
//! constant, eval-breaker flags, stack effects) come from the instruction table; only
//! CPython's hand-written class lists (scope exits, unconditional jumps, ...) are here.

use crate::instr::{Flags, Opcode};

/// The oparg is a jump target (`OPCODE_HAS_JUMP`).
pub(crate) fn is_jump(op: Opcode) -> bool {
    op.has_jump()
}

/// `SETUP_FINALLY`, `SETUP_CLEANUP`, `SETUP_WITH` (`IS_BLOCK_PUSH_OPCODE`).
pub(crate) fn is_block_push(op: Opcode) -> bool {
    op.has_exc()
}

/// The oparg names a block (`HAS_TARGET`).
pub(crate) fn has_target(op: Opcode) -> bool {
    is_jump(op) || is_block_push(op)
}

/// Leaves the code object (`IS_SCOPE_EXIT_OPCODE`).
pub(crate) fn is_scope_exit(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::RETURN_VALUE | Opcode::RAISE_VARARGS | Opcode::RERAISE
    )
}

/// Ends a basic block (`IS_TERMINATOR_OPCODE`).
pub(crate) fn is_terminator(op: Opcode) -> bool {
    is_jump(op) || is_scope_exit(op)
}

/// `IS_UNCONDITIONAL_JUMP_OPCODE`.
pub(crate) fn is_unconditional_jump(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::JUMP
            | Opcode::JUMP_NO_INTERRUPT
            | Opcode::JUMP_FORWARD
            | Opcode::JUMP_BACKWARD
            | Opcode::JUMP_BACKWARD_NO_INTERRUPT
    )
}

/// `IS_CONDITIONAL_JUMP_OPCODE`.
pub(crate) fn is_conditional_jump(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::POP_JUMP_IF_FALSE
            | Opcode::POP_JUMP_IF_TRUE
            | Opcode::POP_JUMP_IF_NONE
            | Opcode::POP_JUMP_IF_NOT_NONE
    )
}

/// The oparg indexes `co_consts` (`OPCODE_HAS_CONST`).
pub(crate) fn has_const(op: Opcode) -> bool {
    op.has_const()
}

/// Checks the eval breaker (`OPCODE_HAS_EVAL_BREAK`).
pub(crate) fn has_eval_break(op: Opcode) -> bool {
    op.flags().contains(Flags::EVAL_BREAK)
}

/// Loads a constant: `LOAD_CONST` or `LOAD_SMALL_INT` (`loads_const`).
pub(crate) fn loads_const(op: Opcode) -> bool {
    has_const(op) || op == Opcode::LOAD_SMALL_INT
}

/// `_PyOpcode_num_popped` and `_PyOpcode_num_pushed` on the given path, or `None` where
/// CPython has no stack effect (specialized instructions, negative formulas).
pub(crate) fn popped_pushed(op: Opcode, oparg: u32, jump: bool) -> Option<(i32, i32)> {
    if op.is_specialized() || op.is_instrumented() {
        return None;
    }
    let oparg = i32::try_from(oparg).ok()?;
    let composed = op.stack(oparg, jump);
    if composed.popped < 0 || composed.pushed < 0 {
        return None;
    }
    Some((composed.popped, composed.pushed))
}

/// CPython's `get_stack_effects`: the net effect, with `SETUP_*` counting only on the jump.
pub(crate) fn stack_effect(op: Opcode, oparg: u32, jump: bool) -> Option<i32> {
    let (popped, pushed) = popped_pushed(op, oparg, jump)?;
    if is_block_push(op) && !jump {
        return Some(0);
    }
    Some(pushed - popped)
}
