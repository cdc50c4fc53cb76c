//! Operators: binary and unary arithmetic, subscripts and slices, comparisons, truth,
//! and the f-string formatting steps.

use crate::compile::code::co_flags;
use crate::exec::frame::{ReturnTo, frame_ref};
use crate::exec::{Ctx, Flow};
use crate::instr::Opcode;
use crate::instr::oparg::NB_SUBSCR;
use crate::object::{CompareOp, Value};
use crate::runtime::{BinOp, PyResult, Vm, scalar_ops, slot_dispatch};
use crate::tri;
use crate::types::str::Str;
use crate::types::str_type;

/// `BINARY_OP`: arithmetic (`NB_*`), in-place forms, and subscripting (26).
#[inline(always)]
pub(crate) fn _BINARY_OP<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    // Immediate ints and floats first: the number protocol's own fast paths, before any
    // slot lookup (in-place forms compute the same: numbers are immutable). The operands
    // are read in place: on the loop's register copy the slow path escapes unchanged.
    if let Some((op, _)) = BinOp::from_oparg(c.oparg)
        && let (Ok(rhs), Ok(lhs)) = (c.r.peek(1), c.r.peek(2))
        && let Some(v) = scalar_ops::binary(lhs, rhs, op)
    {
        // Immediate numbers hold no references: overwriting them drops nothing.
        drop(tri!(c.r.pop()));
        tri!(c.r.replace(1, v));
        return Flow::Next;
    }
    // `list[int]` and `tuple[int]` (CPython's BINARY_OP_SUBSCR_LIST_INT/_TUPLE_INT) read
    // in place; the container outlives the dropped reference (see `item_in_place`).
    if c.oparg == NB_SUBSCR
        && let (Ok(Value::Int(i)), Ok(seq)) = (c.r.peek(1), c.r.peek(2))
        && let Some(v) = crate::types::list::item_in_place(seq, *i)
    {
        drop(tri!(c.r.pop()));
        drop(tri!(c.r.replace(1, v)));
        return Flow::Next;
    }
    // On the register copy, a builtin left operand (no Python dunder frame to push: see
    // `binary_dunder_frame`) goes through the number protocol directly, which needs only
    // the VM (a right operand's reflected Python dunder runs nested, as from the memory
    // context); the escape and re-run cost ~90 machine instructions per list slice. Not
    // `str + str`: its in-place growth looks at the next instruction's local.
    if L && let (Ok(rhs), Ok(lhs)) = (c.r.peek(1), c.r.peek(2))
        && !lhs.class(c.vm).is_heap()
        && !(matches!(BinOp::from_oparg(c.oparg), Some((BinOp::Add, _)))
            && str_type::both_exact_str(c.vm, lhs, rhs))
    {
        let rhs = tri!(c.r.pop());
        let lhs = tri!(c.r.pop());
        c.save_ip();
        return match binary_op_owned(c.vm, lhs, rhs, c.oparg) {
            Some(Ok(v)) => {
                tri!(c.r.push(v));
                Flow::Next
            }
            Some(Err(e)) => c.error(e),
            None => Flow::Fault,
        };
    }
    let Some(c) = c.full() else {
        return Flow::Escape;
    };
    // A Python dunder runs as a frame of this loop (exec/uops/calls.rs).
    if let Some(flow) = super::calls::binary_dunder_frame(c) {
        return flow;
    }
    let rhs = tri!(c.r.pop());
    let lhs = tri!(c.r.pop());
    binary_op_generic(c, lhs, rhs)
}

/// [`binary_op_value`] consuming the operands, a subscript's slice recycled: one
/// out-of-line call for the register path (every call site there, and the inlined
/// recycling, weighs on the loop's register allocation: see vm-design.md, session 8).
#[inline(never)]
fn binary_op_owned(vm: &Vm, lhs: Value, rhs: Value, oparg: u32) -> Option<PyResult<Value>> {
    let r = binary_op_value(vm, &lhs, &rhs, oparg);
    if oparg == NB_SUBSCR {
        vm.recycle_slice(rhs);
    }
    r
}

/// `BINARY_OP` through the number protocol or `getitem` (out of line); `None` for an
/// oparg that names no operator.
#[inline(never)]
fn binary_op_value(vm: &Vm, lhs: &Value, rhs: &Value, oparg: u32) -> Option<PyResult<Value>> {
    Some(match BinOp::from_oparg(oparg) {
        Some((op, false)) => vm.binary_op(lhs, rhs, op),
        Some((op, true)) => vm.inplace_op(lhs, rhs, op),
        // An exact list sliced with immediate bounds, and `dict[key]` with a key needing no
        // Python code (CPython's BINARY_OP_SUBSCR_DICT), skip the protocol's dispatch.
        None if oparg == NB_SUBSCR => match crate::types::list::get_extended_slice(vm, lhs, rhs)
            .or_else(|| crate::types::dict::item_native(vm, lhs, rhs))
        {
            Some(v) => Ok(v),
            None => vm.getitem(lhs, rhs),
        },
        None => return None,
    })
}

/// `BINARY_OP` through the number protocol (kept out of line: the eval loop inlines only
/// the immediate-number path).
#[inline(never)]
fn binary_op_generic(c: &mut Ctx<'_>, lhs: Value, rhs: Value) -> Flow {
    let r = match BinOp::from_oparg(c.oparg) {
        Some((BinOp::Add, _)) if str_type::both_exact_str(c.vm, &lhs, &rhs) => {
            // `s = s + t` / `s += t` (CPython's BINARY_OP_INPLACE_ADD_UNICODE): when the
            // next instruction stores into the local `s` came from, that local's reference
            // is dropped now so the str can grow in place (types/str_type.rs).
            if let Some(i) = store_fast_target(c)
                && c.r.local(i).is_ok_and(|l| l.is(&lhs))
            {
                drop(tri!(c.r.set_local(i, Value::NULL)));
            }
            str_type::concat_owned(c.vm, lhs, &rhs)
        }
        _ => match binary_op_value(c.vm, &lhs, &rhs, c.oparg) {
            Some(r) => r,
            None => return Flow::Fault,
        },
    };
    if c.oparg == NB_SUBSCR {
        c.vm.recycle_slice(rhs);
    }
    match r {
        Ok(v) => {
            tri!(c.r.push(v));
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}

/// The local the next instruction stores into (`STORE_FAST`, `STORE_FAST_LOAD_FAST`).
fn store_fast_target(c: &Ctx<'_>) -> Option<usize> {
    let u = c.r.unit(c.next_ip)?;
    match Opcode::from_u8(u.opcode)? {
        Opcode::STORE_FAST => Some(usize::from(u.oparg)),
        Opcode::STORE_FAST_LOAD_FAST => Some(usize::from(u.oparg >> 4)),
        _ => None,
    }
}

/// `UNARY_NEGATIVE`. A register instruction, as `CONTAINS_OP`.
#[inline(always)]
pub(crate) fn _UNARY_NEGATIVE<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let v = tri!(c.r.pop());
    c.save_ip();
    match c.vm.neg(&v) {
        Ok(r) => {
            tri!(c.r.push(r));
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}

/// `UNARY_INVERT`. A register instruction, as `CONTAINS_OP`.
#[inline(always)]
pub(crate) fn _UNARY_INVERT<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let v = tri!(c.r.pop());
    c.save_ip();
    match c.vm.invert(&v) {
        Ok(r) => {
            tri!(c.r.push(r));
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}

/// `UNARY_NOT`: the operand is a bool (a `TO_BOOL` precedes it).
#[inline(always)]
pub(crate) fn _UNARY_NOT<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let v = tri!(c.r.pop());
    let b = match v {
        Value::Bool(b) => b,
        other => match c.vm.is_true(&other) {
            Ok(b) => b,
            Err(e) => return c.error(e),
        },
    };
    tri!(c.r.push(Value::from(!b)));
    Flow::Next
}

/// `TO_BOOL`.
#[inline(always)]
pub(crate) fn _TO_BOOL<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let v = tri!(c.r.pop());
    let b = match &v {
        Value::Bool(b) => *b,
        other => match c.vm.is_true(other) {
            Ok(b) => b,
            Err(e) => return c.error(e),
        },
    };
    tri!(c.r.push(Value::from(b)));
    Flow::Next
}

/// `COMPARE_OP`: `oparg >> 5` is the operator, bit 4 asks for a bool result.
#[inline(always)]
pub(crate) fn _COMPARE_OP<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let Some(op) = CompareOp::from_u32(c.oparg >> 5) else {
        return Flow::Fault;
    };
    if let (Ok(right), Ok(left)) = (c.r.peek(1), c.r.peek(2))
        && let Some(b) = scalar_ops::compare(left, right, op)
    {
        // Immediate numbers hold no references (see `_BINARY_OP`).
        drop(tri!(c.r.pop()));
        tri!(c.r.replace(1, Value::from(b)));
        return Flow::Next;
    }
    let Some(c) = c.full() else {
        return Flow::Escape;
    };
    if let Some(flow) = compare_dunder_frame(c, op) {
        return flow;
    }
    let right = tri!(c.r.pop());
    let left = tri!(c.r.pop());
    match compare_value(c.vm, &left, &right, op, c.oparg) {
        Ok(v) => {
            tri!(c.r.push(v));
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}

/// `left OP right` through rich comparison (exact strs compared in place), converted to a
/// bool when `oparg` asks (bit 4). Out of line: the loop inlines only the immediate
/// numbers.
#[inline(never)]
fn compare_value(
    vm: &Vm,
    left: &Value,
    right: &Value,
    op: CompareOp,
    oparg: u32,
) -> PyResult<Value> {
    if let (Value::Obj(a), Value::Obj(b)) = (left, right)
        && a.ty().is(&vm.types.str)
        && b.ty().is(&vm.types.str)
        && let (Some(x), Some(y)) = (a.downcast::<Str>(), b.downcast::<Str>())
    {
        let b = match op {
            CompareOp::Eq => a.is(b) || x.as_bytes() == y.as_bytes(),
            CompareOp::Ne => !a.is(b) && x.as_bytes() != y.as_bytes(),
            _ => op.test(x.as_bytes().cmp(y.as_bytes())),
        };
        return Ok(Value::from(b));
    }
    let r = vm.rich_compare(left, right, op)?;
    if oparg & 16 != 0 && !matches!(r, Value::Bool(_)) {
        return Ok(Value::from(vm.is_true(&r)?));
    }
    Ok(r)
}

/// `COMPARE_OP` whose operator is a Python dunder of the left operand's class
/// ([`slot_dispatch::compare_dunder`]): its frame is pushed in this loop with new
/// references to the operands, which stay on the caller's stack until it returns
/// ([`ReturnTo::Compare`]), as `BINARY_OP` does (`calls::binary_dunder_frame`). `None`
/// (nothing changed) when it does not apply.
#[inline(never)]
fn compare_dunder_frame(c: &mut Ctx<'_>, op: CompareOp) -> Option<Flow> {
    let vm = c.vm;
    let depth = vm.exec.depth.get();
    if depth >= vm.recursion_limit() {
        return None;
    }
    let func = slot_dispatch::compare_dunder(vm, c.r.peek(2).ok()?, c.r.peek(1).ok()?, op)?;
    if func.code.with(|code| {
        code.flags & (co_flags::GENERATOR | co_flags::COROUTINE | co_flags::ASYNC_GENERATOR) != 0
    }) {
        return None;
    }
    let oparg = u8::try_from(c.oparg).ok()?;
    let f = vm.exec.stack.push_operands(&c.r, func, 2)?;
    vm.exec.depth.set(depth + 1);
    frame_ref(f).set_return_to(ReturnTo::Compare(oparg));
    Some(c.enter_frame(f))
}

/// A dunder run by `COMPARE_OP` as a frame returned `result` (the caller is current again,
/// its operands on the stack): NotImplemented goes on with the rest of the comparison
/// protocol (the right operand's reflected method, then identity or the TypeError), and a
/// non-bool result becomes one when the oparg asks; the result replaces the operands.
pub(crate) fn compare_dunder_result(c: &mut Ctx<'_>, oparg: u8, result: Value) -> Flow {
    let vm = c.vm;
    let oparg = u32::from(oparg);
    let Some(op) = CompareOp::from_u32(oparg >> 5) else {
        return Flow::Fault;
    };
    let result = if vm.is_not_implemented(&result) {
        let left = tri!(c.r.peek(2));
        let right = tri!(c.r.peek(1));
        vm.rich_compare_after_left(left, right, op)
    } else {
        Ok(result)
    };
    let result = match result {
        Ok(r) if oparg & 16 != 0 && !matches!(r, Value::Bool(_)) => vm.is_true(&r).map(Value::from),
        other => other,
    };
    tri!(c.r.drop_n(2));
    match result {
        Ok(v) => {
            tri!(c.r.push(v));
            Flow::Switch
        }
        Err(e) => c.error(e),
    }
}

/// `CONTAINS_OP`: `in` / `not in` (oparg 1).
#[inline(always)]
///
/// A register instruction: containment needs only the VM (Python `__contains__`/`__eq__`
/// run in a nested loop, as from the memory context).
pub(crate) fn _CONTAINS_OP<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let right = tri!(c.r.pop());
    let left = tri!(c.r.pop());
    c.save_ip();
    let found = match contains_native(c.vm, &right, &left) {
        Some(b) => Ok(b),
        None => c.vm.contains(&right, &left),
    };
    match found {
        Ok(b) => {
            tri!(c.r.push(Value::from(b != (c.oparg == 1))));
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}

/// `item in container` for the builtin sets, dicts, lists and tuples (not Python
/// subclasses, which may define `__contains__`) when no Python code has to run: no
/// protocol dispatch (CPython's CONTAINS_OP_SET/_DICT). `None` sends the caller the
/// general way.
#[inline(never)]
fn contains_native(vm: &Vm, container: &Value, item: &Value) -> Option<bool> {
    let Value::Obj(o) = container else {
        return None;
    };
    if o.ty().is_heap() {
        return None;
    }
    crate::types::set::contains_native(vm, container, item)
        .or_else(|| crate::types::dict::contains_native(vm, container, item))
        .or_else(|| crate::types::list::contains_native(container, item))
}

/// `container[sub] = v` for an exact list with an in-range int index or an exact dict
/// with a key needing no Python code (CPython's STORE_SUBSCR_LIST_INT/_DICT), without the
/// protocol's dispatch; the value back otherwise.
#[inline(never)]
fn set_item_native(vm: &Vm, container: &Value, sub: &Value, v: Value) -> Result<(), Value> {
    let Value::Obj(o) = container else {
        return Err(v);
    };
    if o.ty().is(&vm.types.list) {
        return crate::types::list::set_item_native(container, sub, v);
    }
    match container.downcast::<crate::types::dict::Dict>() {
        Some(d) if o.ty().is(&vm.types.dict) => d.set_item_native(vm, sub, v),
        _ => Err(v),
    }
}

/// `IS_OP`: `is` / `is not` (oparg 1).
#[inline(always)]
pub(crate) fn _IS_OP<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let right = tri!(c.r.pop());
    let left = tri!(c.r.pop());
    tri!(c.r.push(Value::from(left.is(&right) != (c.oparg == 1))));
    Flow::Next
}

/// `BINARY_SLICE`: `(container, start, stop -- container[start:stop])`.
#[inline(always)]
///
/// A register instruction, as `CONTAINS_OP`.
pub(crate) fn _BINARY_SLICE<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let stop = tri!(c.r.pop());
    let start = tri!(c.r.pop());
    let container = tri!(c.r.pop());
    // An exact list with immediate bounds is sliced without a slice object.
    if let Some(v) = crate::types::list::get_slice_fast(c.vm, &container, &start, &stop) {
        tri!(c.r.push(v));
        return Flow::Next;
    }
    c.save_ip();
    let slice = c.vm.new_slice(start, stop, Value::None);
    match c.vm.getitem(&container, &slice.into()) {
        Ok(v) => {
            tri!(c.r.push(v));
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}

/// `STORE_SLICE`: `(v, container, start, stop --)`. A register instruction, as
/// `CONTAINS_OP`.
#[inline(always)]
pub(crate) fn _STORE_SLICE<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let stop = tri!(c.r.pop());
    let start = tri!(c.r.pop());
    let container = tri!(c.r.pop());
    let v = tri!(c.r.pop());
    c.save_ip();
    let v = match crate::types::list::set_slice_fast(c.vm, &container, &start, &stop, v) {
        Ok(Ok(())) => return Flow::Next,
        Ok(Err(e)) => return c.error(e),
        Err(v) => v,
    };
    let slice = c.vm.new_slice(start, stop, Value::None);
    match c.vm.setitem(&container, &slice.into(), v) {
        Ok(()) => Flow::Next,
        Err(e) => c.error(e),
    }
}

/// `STORE_SUBSCR`: `(v, container, sub --)`.
#[inline(always)]
///
/// A register instruction, as `CONTAINS_OP`.
pub(crate) fn _STORE_SUBSCR<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let sub = tri!(c.r.pop());
    let container = tri!(c.r.pop());
    let v = tri!(c.r.pop());
    c.save_ip();
    let v = match set_item_native(c.vm, &container, &sub, v) {
        Ok(()) => return Flow::Next,
        Err(v) => v,
    };
    match c.vm.setitem(&container, &sub, v) {
        Ok(()) => Flow::Next,
        Err(e) => c.error(e),
    }
}

/// `DELETE_SUBSCR`.
#[inline(always)]
pub(crate) fn _DELETE_SUBSCR(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let sub = tri!(c.r.pop());
    let container = tri!(c.r.pop());
    match c.vm.delitem(&container, &sub) {
        Ok(()) => Flow::Next,
        Err(e) => c.error(e),
    }
}

/// `FORMAT_SIMPLE`: `format(value, '')` unless it already is a str.
#[inline(always)]
pub(crate) fn _FORMAT_SIMPLE(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let v = tri!(c.r.pop());
    if let Value::Obj(o) = &v
        && o.ty().is(&c.vm.types.str)
    {
        tri!(c.r.push(v));
        return Flow::Next;
    }
    match c.vm.format(&v, &c.vm.names.empty) {
        Ok(s) => {
            tri!(c.r.push(s.into()));
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}

/// `FORMAT_WITH_SPEC`.
#[inline(always)]
pub(crate) fn _FORMAT_WITH_SPEC(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let spec = tri!(c.r.pop());
    let v = tri!(c.r.pop());
    let Some(spec) = spec.downcast::<Str>() else {
        return c.error(c.vm.new_type_error("format spec must be str"));
    };
    match c.vm.format(&v, spec) {
        Ok(s) => {
            tri!(c.r.push(s.into()));
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}

/// `CONVERT_VALUE`: `!s`, `!r`, `!a`.
#[inline(always)]
pub(crate) fn _CONVERT_VALUE(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let v = tri!(c.r.pop());
    let r = match c.oparg {
        1 => c.vm.str(&v),
        2 => c.vm.repr(&v),
        3 => c.vm.ascii(&v),
        _ => return Flow::Fault,
    };
    match r {
        Ok(s) => {
            tri!(c.r.push(s.into()));
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}
