//! Stack manipulation uops.

use crate::exec::{Ctx, Flow};
use crate::object::Value;
use crate::tri;

/// `NOP`.
#[inline(always)]
pub(crate) fn _NOP<const L: bool>(_c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    Flow::Next
}

/// `POP_TOP` / `POP_ITER`.
#[inline(always)]
pub(crate) fn _POP_TOP<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    drop(tri!(c.r.pop()));
    Flow::Next
}

/// `PUSH_NULL`.
#[inline(always)]
pub(crate) fn _PUSH_NULL<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    tri!(c.r.push(Value::NULL));
    Flow::Next
}

/// Pushes a NULL when the oparg's low bit says so (after `LOAD_GLOBAL`/`LOAD_ATTR`).
#[inline(always)]
pub(crate) fn _PUSH_NULL_CONDITIONAL<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    if c.oparg & 1 != 0 {
        tri!(c.r.push(Value::NULL));
    }
    Flow::Next
}

/// `(self -- NULL, self)`: room for `LOAD_SPECIAL`'s method and self.
#[inline(always)]
pub(crate) fn _INSERT_NULL(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let this = tri!(c.r.pop());
    tri!(c.r.push(Value::NULL));
    tri!(c.r.push(this));
    Flow::Next
}

/// `COPY n`.
#[inline(always)]
pub(crate) fn _COPY<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let v = tri!(c.r.peek(c.oparg as usize)).clone();
    tri!(c.r.push(v));
    Flow::Next
}

/// `SWAP n`.
#[inline(always)]
pub(crate) fn _SWAP<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let n = c.oparg as usize;
    let top = tri!(c.r.replace(1, Value::NULL));
    let other = tri!(c.r.replace(n, top));
    tri!(c.r.replace(1, other));
    Flow::Next
}

/// `END_FOR`: pops the value a generator-based `FOR_ITER` left.
#[inline(always)]
pub(crate) fn _END_FOR<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    drop(tri!(c.r.pop()));
    Flow::Next
}

/// `END_SEND`: `(receiver, value -- value)`.
#[inline(always)]
pub(crate) fn _END_SEND<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let v = tri!(c.r.pop());
    let receiver = tri!(c.r.pop());
    tri!(c.r.push(v));
    // Released last: the stack is whole if its deallocation runs code.
    drop(receiver);
    Flow::Next
}

/// `CACHE`: never executed (caches are skipped).
#[inline(always)]
pub(crate) fn _CACHE(c: &mut Ctx<'_>, _o: usize) -> Flow {
    super::unsupported(c, "inline cache executed as an instruction")
}

/// `RESERVED`.
#[inline(always)]
pub(crate) fn _RESERVED(c: &mut Ctx<'_>, _o: usize) -> Flow {
    super::unsupported(c, "reserved opcode")
}

/// `EXTENDED_ARG`: folds its prefixes into the oparg of the instruction they extend and
/// runs that (the loop's fetch does not test for prefixes).
#[inline(always)]
pub(crate) fn _EXTENDED_ARG(c: &mut Ctx<'_>, _o: usize) -> Flow {
    crate::exec::dispatch::extended_arg(c)
}

/// `INTERPRETER_EXIT`: only in CPython's trampoline frames.
#[inline(always)]
pub(crate) fn _INTERPRETER_EXIT(c: &mut Ctx<'_>, _o: usize) -> Flow {
    super::unsupported(c, "no interpreter trampoline frames")
}
