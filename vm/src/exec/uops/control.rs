//! Control flow: jumps and branches, iteration, `yield from`/`await` (`SEND`), async
//! iteration, `RESUME`, and the structural pattern-matching instructions.

use crate::compile::code::co_flags;
use crate::exec::frame::{Resumer, ReturnTo};
use crate::exec::genframe::resume_inline;
use crate::exec::{Ctx, Flow};
use crate::object::{Type, Value, type_flags};
use crate::runtime::{PyResult, Vm};
use crate::tri;
use crate::types::generator::{GenKind, Generator};
use crate::types::str::Str;
use crate::types::tuple::Tuple;

/// Records a conditional branch in the instruction's history cache (for trace projection).
#[inline(always)]
fn record_branch<const L: bool>(c: &Ctx<'_, L>, taken: bool) {
    if c.vm.plugins.tier2.is_some() {
        let h = c.cache_u16(0);
        c.set_cache_u16(0, (h << 1) | u16::from(taken));
    }
}

#[inline(always)]
fn truth<const L: bool>(c: &mut Ctx<'_, L>, v: &Value) -> Result<bool, Flow> {
    match v {
        Value::Bool(b) => Ok(*b),
        other => match c.vm.is_true(other) {
            Ok(b) => Ok(b),
            Err(e) => Err(c.error(e)),
        },
    }
}

/// `POP_JUMP_IF_FALSE`.
#[inline(always)]
pub(crate) fn _POP_JUMP_IF_FALSE<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let v = tri!(c.r.pop());
    let b = match truth(c, &v) {
        Ok(b) => b,
        Err(f) => return f,
    };
    record_branch(c, !b);
    if !b {
        c.jump_to(c.next_ip + c.oparg as usize);
    }
    Flow::Next
}

/// `POP_JUMP_IF_TRUE`.
#[inline(always)]
pub(crate) fn _POP_JUMP_IF_TRUE<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let v = tri!(c.r.pop());
    let b = match truth(c, &v) {
        Ok(b) => b,
        Err(f) => return f,
    };
    record_branch(c, b);
    if b {
        c.jump_to(c.next_ip + c.oparg as usize);
    }
    Flow::Next
}

/// `(value -- value is None)`.
#[inline(always)]
pub(crate) fn _IS_NONE<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let v = tri!(c.r.pop());
    tri!(c.r.push(Value::from(v.is_none())));
    Flow::Next
}

/// `JUMP_FORWARD`.
#[inline(always)]
pub(crate) fn _JUMP_FORWARD<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    c.jump_to(c.next_ip + c.oparg as usize);
    Flow::Next
}

/// `JUMP_BACKWARD_NO_INTERRUPT` (and the jump of `JUMP_BACKWARD`).
#[inline(always)]
pub(crate) fn _JUMP_BACKWARD_NO_INTERRUPT<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    match c.next_ip.checked_sub(c.oparg as usize) {
        Some(t) => {
            c.jump_to(t);
            Flow::Next
        }
        None => Flow::Fault,
    }
}

/// `JUMP_BACKWARD`'s first-execution rewrite to `JUMP_BACKWARD_JIT`/`_NO_JIT` happens only
/// with the plug-ins installed.
#[inline(always)]
pub(crate) fn _SPECIALIZE_JUMP_BACKWARD<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    crate::exec::plug::specialize_jump_backward(c)
}

/// `JUMP_BACKWARD_JIT`'s hot-loop hook: asks the trace optimizer for an executor.
#[inline(always)]
pub(crate) fn _JIT(c: &mut Ctx<'_>, _o: usize) -> Flow {
    crate::exec::plug::on_hot_backedge(c)
}

/// `ENTER_EXECUTOR`: only written by tier 2.
#[inline(always)]
pub(crate) fn _ENTER_EXECUTOR(c: &mut Ctx<'_>, _o: usize) -> Flow {
    crate::exec::plug::enter_executor(c)
}

/// `RESUME` part: the bytecode is always current in rpy.
#[inline(always)]
pub(crate) fn _LOAD_BYTECODE<const L: bool>(_c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    Flow::Next
}

/// `RESUME` part: instrumentation (sys.monitoring) is not supported, so nothing to do.
#[inline(always)]
pub(crate) fn _MAYBE_INSTRUMENT<const L: bool>(_c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    Flow::Next
}

/// `RESUME` part: rewrites itself to `RESUME_CHECK` when specializing.
#[inline(always)]
pub(crate) fn _QUICKEN_RESUME<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    crate::exec::plug::quicken_resume(c);
    Flow::Next
}

/// `RESUME_CHECK`: the quickened `RESUME` (nothing to check without instrumentation).
#[inline(always)]
pub(crate) fn _RESUME_CHECK(_c: &mut Ctx<'_>, _o: usize) -> Flow {
    Flow::Next
}

/// `GET_ITER`. A register instruction: it needs only the VM (a Python `__iter__` runs
/// nested, as from the memory context).
#[inline(always)]
pub(crate) fn _GET_ITER<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let v = tri!(c.r.pop());
    c.save_ip();
    match c.vm.iter(&v) {
        Ok(it) => {
            tri!(c.r.push(it));
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}

/// `FOR_ITER`: pushes the next item, or jumps past the loop's `END_FOR` when exhausted.
#[inline(always)]
pub(crate) fn _FOR_ITER<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let it = tri!(c.r.peek(1));
    // A range iterator steps inline (its `__next__` cannot be overridden or fail).
    if let Some(r) = it.downcast::<crate::types::iter::RangeIter>() {
        let n = r.remaining.get();
        if n == 0 {
            c.jump_to(c.next_ip + c.oparg as usize + 1);
            return Flow::Next;
        }
        let x = r.next.get();
        r.remaining.set(n - 1);
        r.next.set(x.wrapping_add(r.step));
        tri!(c.r.push(Value::Int(x)));
        return Flow::Next;
    }
    // So does a list or tuple iterator, until its end.
    if let Some(s) = it.downcast::<crate::types::iter::SeqIter>()
        && let Some(x) = s.next_in_place()
    {
        tri!(c.r.push(x));
        return Flow::Next;
    }
    // A generator runs in this loop (on the registers too: `resume_inline` is inline and
    // changes nothing when it declines). The stack keeps the generator alive meanwhile.
    if let Some(g) = it.downcast::<Generator>()
        && g.kind == GenKind::Generator
    {
        let g: *const crate::object::Py<Generator> = g;
        let exhausted_ip = c.next_ip + c.oparg as usize + 1;
        // SAFETY: `g` points into the iterator's stack slot, which stays initialized and
        // unchanged while `resume_inline` runs (it only saves registers and pushes above).
        let g = unsafe { &*g };
        if let Ok(flow) = resume_inline(c, g, Value::None, Resumer::ForIter { exhausted_ip }) {
            return flow;
        }
    }
    // On the register copy, an iterator of a builtin type (no Python `__next__`) is
    // stepped through the protocol directly, which needs only the VM (what it runs, such
    // as `map`'s function, nests as from the memory context): `enumerate`, `zip`, dict and
    // set iterators no longer escape and re-run on every item.
    let it = tri!(c.r.peek(1));
    if L && !it.class(c.vm).is_heap() {
        let it = it.clone();
        c.save_ip();
        return match next_value(c.vm, &it) {
            Ok(Some(v)) => {
                tri!(c.r.push(v));
                Flow::Next
            }
            Ok(None) => {
                c.jump_to(c.next_ip + c.oparg as usize + 1);
                Flow::Next
            }
            Err(e) => c.error(e),
        };
    }
    let Some(c) = c.full() else {
        return Flow::Escape;
    };
    if let Some(flow) = next_dunder_frame(c) {
        return flow;
    }
    for_iter_generic(c)
}

/// `FOR_ITER` on an iterator whose class defines `__next__` in Python (a plain function):
/// the method's frame is pushed in this loop with a new reference to the iterator, which
/// stays on the stack; its result is pushed as the next item, and StopIteration leaving
/// it ends the loop ([`ReturnTo::Next`], handled in `eval::unwind`). `None` (nothing
/// changed) when it does not apply.
#[inline(never)]
fn next_dunder_frame(c: &mut Ctx<'_>) -> Option<Flow> {
    let vm = c.vm;
    let depth = vm.exec.depth.get();
    if depth >= vm.recursion_limit() {
        return None;
    }
    let func = crate::runtime::slot_dispatch::next_dunder(vm, c.r.peek(1).ok()?)?;
    if func.code.with(|code| {
        code.flags & (co_flags::GENERATOR | co_flags::COROUTINE | co_flags::ASYNC_GENERATOR) != 0
    }) {
        return None;
    }
    let exhausted = u32::try_from(c.next_ip + c.oparg as usize + 1).ok()?;
    let f = vm.exec.stack.push_operands(&c.r, func, 1)?;
    vm.exec.depth.set(depth + 1);
    crate::exec::frame::frame_ref(f).set_return_to(ReturnTo::Next(exhausted));
    Some(c.enter_frame(f))
}

/// The iterator protocol's next step, out of line.
#[inline(never)]
fn next_value(vm: &Vm, it: &Value) -> PyResult<Option<Value>> {
    vm.next(it)
}

/// `FOR_ITER` through the iterator protocol.
#[inline(never)]
fn for_iter_generic(c: &mut Ctx<'_>) -> Flow {
    let it = tri!(c.r.peek(1)).clone();
    match c.vm.next(&it) {
        Ok(Some(v)) => {
            tri!(c.r.push(v));
            Flow::Next
        }
        Ok(None) => {
            c.jump_to(c.next_ip + c.oparg as usize + 1);
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}

/// `GET_LEN`: `(obj -- obj, len(obj))`.
#[inline(always)]
pub(crate) fn _GET_LEN(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let v = tri!(c.r.peek(1)).clone();
    match c.vm.len(&v) {
        Ok(n) => {
            tri!(c.r.push(Value::Int(n as i64)));
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}

/// `GET_YIELD_FROM_ITER`.
#[inline(always)]
pub(crate) fn _GET_YIELD_FROM_ITER(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let v = tri!(c.r.pop());
    let vm = c.vm;
    if v.class(vm).is(&vm.types.coroutine) {
        let coro_flags = crate::compile::code::co_flags::COROUTINE
            | crate::compile::code::co_flags::ITERABLE_COROUTINE;
        if c.code().flags & coro_flags == 0 {
            return c.error(vm.new_type_error(
                "cannot 'yield from' a coroutine object in a non-coroutine generator",
            ));
        }
        tri!(c.r.push(v));
        return Flow::Next;
    }
    if v.class(vm).is(&vm.types.generator) {
        tri!(c.r.push(v));
        return Flow::Next;
    }
    match vm.iter(&v) {
        Ok(it) => {
            tri!(c.r.push(it));
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}

/// `SEND`: `(receiver, v -- receiver, retval)`; jumps to the end when the receiver returns.
#[inline(always)]
pub(crate) fn _SEND(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let mut v = tri!(c.r.pop());
    let receiver = tri!(c.r.peek(1)).clone();
    // A generator or coroutine runs in this loop.
    if let Some(g) = receiver.downcast::<Generator>()
        && g.kind != GenKind::AsyncGenerator
    {
        let returned_ip = c.next_ip + c.oparg as usize;
        match crate::exec::genframe::send_inline(c, g, v, returned_ip) {
            Ok(flow) => return flow,
            Err(back) => v = back,
        }
    }
    // So does an async generator awaited through `__anext__()`/`asend()`.
    if let Some(o) = receiver.downcast::<crate::types::async_gen::AsyncGenASend>() {
        let returned_ip = c.next_ip + c.oparg as usize;
        match crate::exec::genframe::asend_inline(c, o, v, returned_ip) {
            Ok(flow) => return flow,
            Err(back) => v = back,
        }
    }
    let vm = c.vm;
    let step = crate::types::generator::send_to(vm, &receiver, v);
    match step {
        Ok(crate::types::generator::Sent::Yielded(x)) => {
            tri!(c.r.push(x));
            Flow::Next
        }
        Ok(crate::types::generator::Sent::Returned(x)) => {
            tri!(c.r.push(x));
            c.jump_to(c.next_ip + c.oparg as usize);
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}

/// `GET_AWAITABLE`.
#[inline(always)]
pub(crate) fn _GET_AWAITABLE(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let v = tri!(c.r.pop());
    // `await f()` of a coroutine function: the fresh coroutine is its own awaitable.
    if let Some(g) = v.downcast::<Generator>()
        && g.kind == GenKind::Coroutine
        && g.state() == crate::types::generator::GenState::Created
    {
        tri!(c.r.push(v));
        return crate::exec::genframe::await_fresh(c);
    }
    match crate::types::generator::get_awaitable_for_await(c.vm, &v) {
        Ok(a) => {
            tri!(c.r.push(a));
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}

/// `GET_AITER`.
#[inline(always)]
pub(crate) fn _GET_AITER(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let obj = tri!(c.r.pop());
    let vm = c.vm;
    let Some(aiter) = obj.class(vm).slots.aiter.get() else {
        return c.error(vm.new_type_error(format!(
            "'async for' requires an object with __aiter__ method, got {}",
            vm.type_name(&obj)
        )));
    };
    let it = match aiter(vm, &obj) {
        Ok(it) => it,
        Err(e) => return c.error(e),
    };
    if it.class(vm).slots.anext.get().is_none() {
        return c.error(vm.new_type_error(format!(
            "'async for' received an object from __aiter__ that does not implement __anext__: {}",
            vm.type_name(&it)
        )));
    }
    tri!(c.r.push(it));
    Flow::Next
}

/// `GET_ANEXT`: `(aiter -- aiter, awaitable)`.
#[inline(always)]
pub(crate) fn _GET_ANEXT(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let aiter = tri!(c.r.peek(1)).clone();
    let vm = c.vm;
    let Some(anext) = aiter.class(vm).slots.anext.get() else {
        return c.error(vm.new_type_error(format!(
            "'async for' requires an iterator with __anext__ method, got {}",
            vm.type_name(&aiter)
        )));
    };
    let next = match anext(vm, &aiter) {
        Ok(n) => n,
        Err(e) => return c.error(e),
    };
    // An async generator's `__anext__` gives its `asend` awaitable, its own awaitable
    // iterator: pushed as is, as CPython's `_PyEval_GetANext` does (no `__await__` call).
    if aiter
        .downcast::<Generator>()
        .is_some_and(|g| g.kind == GenKind::AsyncGenerator)
    {
        tri!(c.r.push(next));
        return Flow::Next;
    }
    match crate::types::generator::get_awaitable(vm, &next) {
        Ok(a) => {
            tri!(c.r.push(a));
            Flow::Next
        }
        Err(e) => {
            if e.matches(&vm.exc.type_error) {
                return c.error(vm.new_type_error(format!(
                    "'async for' received an invalid object from __anext__: {}",
                    vm.type_name(&next)
                )));
            }
            c.error(e)
        }
    }
}

/// `END_ASYNC_FOR`: `(awaitable, exc --)`: StopAsyncIteration ends the loop, anything else
/// propagates.
#[inline(always)]
pub(crate) fn _END_ASYNC_FOR(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let exc = tri!(c.r.pop());
    drop(tri!(c.r.pop()));
    let vm = c.vm;
    if exc.class(vm).is_subtype(&vm.exc.stop_async_iteration) {
        return Flow::Next;
    }
    match exc.into_downcast::<crate::types::exception::BaseException>() {
        Ok(e) => c.reraise(crate::runtime::PyErr::new(e)),
        Err(_) => Flow::Fault,
    }
}

/// `MATCH_MAPPING`.
#[inline(always)]
pub(crate) fn _MATCH_MAPPING(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let subject = tri!(c.r.peek(1));
    let b = subject.class(c.vm).has_flag(type_flags::MAPPING);
    tri!(c.r.push(Value::from(b)));
    Flow::Next
}

/// `MATCH_SEQUENCE`.
#[inline(always)]
pub(crate) fn _MATCH_SEQUENCE(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let subject = tri!(c.r.peek(1));
    let b = subject.class(c.vm).has_flag(type_flags::SEQUENCE);
    tri!(c.r.push(Value::from(b)));
    Flow::Next
}

/// `MATCH_KEYS`: `(subject, keys -- subject, keys, values_or_None)`.
#[inline(always)]
pub(crate) fn _MATCH_KEYS(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let keys = tri!(c.r.peek(1)).clone();
    let subject = tri!(c.r.peek(2)).clone();
    match match_keys(c.vm, &subject, &keys) {
        Ok(v) => {
            tri!(c.r.push(v));
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}

fn match_keys(vm: &Vm, subject: &Value, keys: &Value) -> PyResult<Value> {
    let Some(keys) = keys.downcast::<Tuple>() else {
        return Err(vm.new_system_error("MATCH_KEYS expects a tuple of keys"));
    };
    if keys.is_empty() {
        return Ok(vm.empty_tuple.clone().into());
    }
    let get = vm.getattr(subject, &vm.names.get)?;
    let dummy: Value = vm.new_list(Vec::new()).into();
    let seen = vm.new_set();
    let mut values = Vec::with_capacity(keys.len());
    for k in keys.as_slice() {
        if seen.contains(vm, k)? {
            return Err(vm.new_value_error(format!(
                "mapping pattern checks duplicate key ({})",
                vm.repr(k)?.to_lossy()
            )));
        }
        seen.add(vm, k.clone())?;
        let v = vm.call_pos(&get, &[k.clone(), dummy.clone()])?;
        if v.is(&dummy) {
            return Ok(Value::None);
        }
        values.push(v);
    }
    Ok(vm.new_tuple(values).into())
}

/// `MATCH_CLASS n`: `(subject, cls, kw_names -- attrs_tuple_or_None)`.
#[inline(always)]
pub(crate) fn _MATCH_CLASS(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let names = tri!(c.r.pop());
    let cls = tri!(c.r.pop());
    let subject = tri!(c.r.pop());
    match match_class(c.vm, &subject, &cls, c.oparg as usize, &names) {
        Ok(v) => {
            tri!(c.r.push(v));
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}

fn match_class(
    vm: &Vm,
    subject: &Value,
    cls: &Value,
    nargs: usize,
    names: &Value,
) -> PyResult<Value> {
    let Some(ty) = cls.downcast::<Type>() else {
        return Err(vm.new_type_error("called match pattern must be a class"));
    };
    if !vm.isinstance(subject, cls)? {
        return Ok(Value::None);
    }
    let kw: Vec<Value> = names
        .downcast::<Tuple>()
        .map(|t| t.as_slice().to_vec())
        .unwrap_or_default();
    let mut seen: Vec<Value> = Vec::new();
    let mut attrs = Vec::with_capacity(nargs + kw.len());
    let mut lookup = |name: &Value, attrs: &mut Vec<Value>| -> PyResult<bool> {
        for s in &seen {
            if vm.eq_bool(s, name)? {
                return Err(vm.new_type_error(format!(
                    "{}() got multiple sub-patterns for attribute {}",
                    ty.name(),
                    vm.repr(name)?.to_lossy()
                )));
            }
        }
        seen.push(name.clone());
        let Some(n) = name.downcast::<Str>() else {
            return Err(vm.new_type_error("attribute name must be string"));
        };
        match vm.getattr_opt(subject, n)? {
            Some(v) => {
                attrs.push(v);
                Ok(true)
            }
            None => Ok(false),
        }
    };
    if nargs > 0 {
        let match_self = ty
            .mro()
            .iter()
            .any(|t| t.has_flag(type_flags::MATCH_SELF) && !t.is_heap());
        let match_args = vm.getattr_opt(cls, &vm.names.__match_args__)?;
        match match_args {
            Some(ma) => {
                let Some(t) = ma.downcast::<Tuple>() else {
                    return Err(vm.new_type_error(format!(
                        "{}.__match_args__ must be a tuple (got {})",
                        ty.name(),
                        vm.type_name(&ma)
                    )));
                };
                if nargs > t.len() {
                    return Err(vm.new_type_error(format!(
                        "{}() accepts {} positional sub-pattern{} ({nargs} given)",
                        ty.name(),
                        t.len(),
                        if t.len() == 1 { "" } else { "s" }
                    )));
                }
                for name in &t.as_slice()[..nargs] {
                    if name.downcast::<Str>().is_none() {
                        return Err(vm.new_type_error(format!(
                            "__match_args__ elements must be strings (got {})",
                            vm.type_name(name)
                        )));
                    }
                    if !lookup(name, &mut attrs)? {
                        return Ok(Value::None);
                    }
                }
            }
            None if match_self => {
                if nargs > 1 {
                    return Err(vm.new_type_error(format!(
                        "{}() accepts 1 positional sub-pattern ({nargs} given)",
                        ty.name()
                    )));
                }
                attrs.push(subject.clone());
            }
            None => {
                return Err(vm.new_type_error(format!(
                    "{}() accepts 0 positional sub-patterns ({nargs} given)",
                    ty.name()
                )));
            }
        }
    }
    for name in &kw {
        if !lookup(name, &mut attrs)? {
            return Ok(Value::None);
        }
    }
    Ok(vm.new_tuple(attrs).into())
}
