//! Async generators (PEP 525): `__anext__`/`asend()` and `athrow()`/`aclose()` return
//! awaitables that drive the generator's frame, as CPython's `async_generator_asend` and
//! `async_generator_athrow` do. A `yield v` inside an async generator yields
//! `async_generator_wrapped_value(v)` (the `ASYNC_GEN_WRAP` intrinsic); the awaitable turns it
//! into `StopIteration(v)`, the value of the `await`. Anything else the frame yields (an
//! `await` inside passing a value to the event loop) passes through.

use std::cell::Cell;

use crate::object::{Py, PyCell, Value};
use crate::runtime::{Args, PyErr, PyResult, Vm};

use super::generator::{GenKind, GenState, Generator, Sent, resume, throw, throw_exception};

/// The value of a `yield` inside an async generator, on its way out of the frame.
pub struct AsyncGenWrapped {
    /// The yielded value.
    pub value: Value,
}

crate::payload!(AsyncGenWrapped);

#[derive(Clone, Copy, PartialEq, Eq)]
enum AwaitState {
    Init,
    Iter,
    Closed,
}

/// `async_generator_asend`: the awaitable of `__anext__()` and `asend(value)`.
pub struct AsyncGenASend {
    agen: Py<Generator>,
    value: PyCell<Value>,
    state: Cell<AwaitState>,
}

crate::payload!(AsyncGenASend);

/// `async_generator_athrow`: the awaitable of `athrow(...)` (with its arguments) and
/// `aclose()` (without).
pub struct AsyncGenAThrow {
    agen: Py<Generator>,
    args: Option<Vec<Value>>,
    state: Cell<AwaitState>,
}

crate::payload!(AsyncGenAThrow);

/// `ASYNC_GEN_WRAP`.
pub fn wrap(vm: &Vm, value: Value) -> Value {
    crate::object::core::alloc(
        &vm.types.async_generator_wrapped_value,
        AsyncGenWrapped { value },
    )
    .into()
}

fn wrapped(v: &Value) -> Option<Value> {
    v.downcast::<AsyncGenWrapped>().map(|w| w.value.clone())
}

/// `async_gen_unwrap_value`: the outcome of one step of the generator as the awaitable's
/// `send`/`throw` result.
fn unwrap_value(vm: &Vm, g: &Generator, r: PyResult<Sent>) -> PyResult<Value> {
    match r {
        Ok(Sent::Yielded(v)) => match wrapped(&v) {
            Some(x) => {
                g.running_async.set(false);
                Err(vm.new_stop_iteration(x))
            }
            None => Ok(v),
        },
        Ok(Sent::Returned(_)) => {
            g.closed.set(true);
            g.running_async.set(false);
            Err(vm.new_exception(&vm.exc.stop_async_iteration, vec![]))
        }
        Err(e) => {
            if e.matches(&vm.exc.stop_async_iteration) || e.matches(&vm.exc.generator_exit) {
                g.closed.set(true);
            }
            g.running_async.set(false);
            Err(e)
        }
    }
}

/// Resumes an async generator with `value` (`gen_send`): a finished one just returns.
fn gen_send(vm: &Vm, g: &Py<Generator>, value: Value) -> PyResult<Sent> {
    if g.state() == GenState::Completed {
        return Ok(Sent::Returned(Value::None));
    }
    resume(vm, g, value, None)
}

fn agen<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<Generator>> {
    v.downcast::<Generator>()
        .filter(|g| g.kind == GenKind::AsyncGenerator)
        .ok_or_else(|| vm.new_type_error("expected an async generator"))
}

fn new_asend(vm: &Vm, g: &Py<Generator>, value: Value) -> Value {
    crate::object::core::alloc(
        &vm.types.async_generator_asend,
        AsyncGenASend {
            agen: g.clone(),
            value: PyCell::new(value),
            state: Cell::new(AwaitState::Init),
        },
    )
    .into()
}

fn new_athrow(vm: &Vm, g: &Py<Generator>, args: Option<Vec<Value>>) -> Value {
    crate::object::core::alloc(
        &vm.types.async_generator_athrow,
        AsyncGenAThrow {
            agen: g.clone(),
            args,
            state: Cell::new(AwaitState::Init),
        },
    )
    .into()
}

fn agen_anext(vm: &Vm, v: &Value) -> PyResult<Value> {
    let g = agen(vm, v)?;
    Ok(new_asend(vm, g, Value::None))
}

fn agen_asend(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (g, rest) = vm.method_self::<Generator>(args, "asend", "async_generator")?;
    let v = rest.one(vm, "asend")?;
    Ok(new_asend(vm, g, v.clone()))
}

fn agen_athrow(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (g, rest) = vm.method_self::<Generator>(args, "athrow", "async_generator")?;
    let vals = rest.range(vm, "athrow", 1, 3)?;
    Ok(new_athrow(vm, g, Some(vals.to_vec())))
}

fn agen_aclose(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (g, rest) = vm.method_self::<Generator>(args, "aclose", "async_generator")?;
    rest.none(vm, "aclose")?;
    Ok(new_athrow(vm, g, None))
}

// --- asend ---------------------------------------------------------------------------------

fn asend_this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<AsyncGenASend>> {
    v.downcast::<AsyncGenASend>()
        .ok_or_else(|| vm.new_type_error("expected async_generator_asend"))
}

fn asend_send_value(vm: &Vm, o: &AsyncGenASend, arg: Value) -> PyResult<Value> {
    match o.state.get() {
        AwaitState::Closed => {
            return Err(vm.new_runtime_error("cannot reuse already awaited __anext__()/asend()"));
        }
        AwaitState::Init => {
            if o.agen.running_async.get() {
                o.state.set(AwaitState::Closed);
                return Err(
                    vm.new_runtime_error("anext(): asynchronous generator is already running")
                );
            }
            o.state.set(AwaitState::Iter);
            // The first step sends the `asend()` argument.
            if arg.is_none() {
                let stored = o.value.replace(Value::None);
                return asend_step(vm, o, stored);
            }
        }
        AwaitState::Iter => {}
    }
    asend_step(vm, o, arg)
}

impl AsyncGenASend {
    /// The generator a `SEND` of `v` may run inside the eval loop (`exec::genframe`), when
    /// this step needs nothing [`asend_send_value`] checks or sends besides: a fresh
    /// `__anext__()` awaited with None, or a step after a passed-through yield.
    pub(crate) fn inline_step(&self, v: &Value) -> Option<&Py<Generator>> {
        let ok = match self.state.get() {
            AwaitState::Closed => false,
            AwaitState::Init => {
                !self.agen.running_async.get() && v.is_none() && self.value.with(Value::is_none)
            }
            AwaitState::Iter => true,
        };
        ok.then_some(&self.agen)
    }

    /// The generator now runs inside the eval loop for this awaitable.
    pub(crate) fn inline_started(&self) {
        self.state.set(AwaitState::Iter);
        self.agen.running_async.set(true);
    }

    /// The await ended (a value, StopAsyncIteration or another exception), as
    /// [`unwrap_value`] ends it; `closed` when the generator is done for good.
    pub(crate) fn inline_finished(&self, closed: bool) {
        self.state.set(AwaitState::Closed);
        self.agen.running_async.set(false);
        if closed {
            self.agen.closed.set(true);
        }
    }
}

/// The value of an async generator's `yield` (`None`: a value passing through from an
/// `await` inside it).
pub(crate) fn unwrap_yielded(v: &Value) -> Option<Value> {
    wrapped(v)
}

fn asend_step(vm: &Vm, o: &AsyncGenASend, arg: Value) -> PyResult<Value> {
    o.agen.running_async.set(true);
    let r = unwrap_value(vm, &o.agen, gen_send(vm, &o.agen, arg));
    if r.is_err() {
        o.state.set(AwaitState::Closed);
    }
    r
}

fn asend_iternext(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    asend_send_value(vm, asend_this(vm, v)?, Value::None).map(Some)
}

fn asend_send(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (o, rest) = vm.method_self::<AsyncGenASend>(args, "send", "async_generator_asend")?;
    let v = rest.one(vm, "send")?;
    asend_send_value(vm, o, v.clone())
}

fn asend_throw(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (o, rest) = vm.method_self::<AsyncGenASend>(args, "throw", "async_generator_asend")?;
    let vals = rest.range(vm, "throw", 1, 3)?;
    match o.state.get() {
        AwaitState::Closed => {
            return Err(vm.new_runtime_error("cannot reuse already awaited __anext__()/asend()"));
        }
        AwaitState::Init => {
            if o.agen.running_async.get() {
                o.state.set(AwaitState::Closed);
                return Err(
                    vm.new_runtime_error("anext(): asynchronous generator is already running")
                );
            }
            o.state.set(AwaitState::Iter);
            o.agen.running_async.set(true);
        }
        AwaitState::Iter => {}
    }
    let err = throw_exception(vm, vals)?;
    let r = unwrap_value(vm, &o.agen, throw(vm, &o.agen, err, true));
    if r.is_err() {
        o.agen.running_async.set(false);
        o.state.set(AwaitState::Closed);
    }
    r
}

fn asend_close(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (o, _) = vm.method_self::<AsyncGenASend>(args, "close", "async_generator_asend")?;
    o.state.set(AwaitState::Closed);
    Ok(Value::None)
}

// --- athrow / aclose -------------------------------------------------------------------------

fn athrow_this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<AsyncGenAThrow>> {
    v.downcast::<AsyncGenAThrow>()
        .ok_or_else(|| vm.new_type_error("expected async_generator_athrow"))
}

const IGNORED_EXIT: &str = "async generator ignored GeneratorExit";

/// The end of an `athrow`/`aclose` step that raised: in `aclose()` mode,
/// StopAsyncIteration/GeneratorExit mean "closed" (StopIteration, the await is done).
fn athrow_check_error(vm: &Vm, o: &AsyncGenAThrow, e: PyErr) -> PyErr {
    o.agen.running_async.set(false);
    o.state.set(AwaitState::Closed);
    if o.args.is_none()
        && (e.matches(&vm.exc.stop_async_iteration) || e.matches(&vm.exc.generator_exit))
    {
        return vm.new_stop_iteration(Value::None);
    }
    e
}

fn athrow_yield_close(vm: &Vm, o: &AsyncGenAThrow) -> PyErr {
    o.agen.running_async.set(false);
    o.state.set(AwaitState::Closed);
    vm.new_runtime_error(IGNORED_EXIT)
}

/// One step of `aclose()` whose generator step gave `r`.
fn aclose_step(vm: &Vm, o: &AsyncGenAThrow, r: PyResult<Sent>) -> PyResult<Value> {
    match r {
        Ok(Sent::Yielded(v)) if wrapped(&v).is_some() => Err(athrow_yield_close(vm, o)),
        Ok(Sent::Yielded(v)) => Ok(v),
        Ok(Sent::Returned(_)) => {
            o.agen.closed.set(true);
            Err(athrow_check_error(
                vm,
                o,
                vm.new_exception(&vm.exc.stop_async_iteration, vec![]),
            ))
        }
        Err(e) => Err(athrow_check_error(vm, o, e)),
    }
}

fn athrow_send_value(vm: &Vm, o: &AsyncGenAThrow, arg: Value) -> PyResult<Value> {
    if o.state.get() == AwaitState::Closed {
        return Err(vm.new_runtime_error("cannot reuse already awaited aclose()/athrow()"));
    }
    if o.agen.state() == GenState::Completed {
        o.state.set(AwaitState::Closed);
        return Err(vm.new_stop_iteration(Value::None));
    }
    if o.state.get() == AwaitState::Init {
        if o.agen.running_async.get() {
            o.state.set(AwaitState::Closed);
            return Err(vm.new_runtime_error(if o.args.is_none() {
                "aclose(): asynchronous generator is already running"
            } else {
                "athrow(): asynchronous generator is already running"
            }));
        }
        if o.agen.closed.get() {
            o.state.set(AwaitState::Closed);
            return Err(vm.new_exception(&vm.exc.stop_async_iteration, vec![]));
        }
        if !arg.is_none() {
            return Err(
                vm.new_runtime_error("can't send non-None value to a just-started coroutine")
            );
        }
        o.state.set(AwaitState::Iter);
        o.agen.running_async.set(true);
        return match &o.args {
            None => {
                o.agen.closed.set(true);
                let exit = vm.new_exception(&vm.exc.generator_exit, vec![]);
                aclose_step(vm, o, throw(vm, &o.agen, exit, false))
            }
            Some(a) => {
                let err = throw_exception(vm, a)?;
                unwrap_value(vm, &o.agen, throw(vm, &o.agen, err, false))
                    .map_err(|e| athrow_check_error(vm, o, e))
            }
        };
    }
    let r = gen_send(vm, &o.agen, arg);
    match &o.args {
        Some(_) => unwrap_value(vm, &o.agen, r),
        None => aclose_step(vm, o, r),
    }
}

fn athrow_iternext(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    athrow_send_value(vm, athrow_this(vm, v)?, Value::None).map(Some)
}

fn athrow_send(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (o, rest) = vm.method_self::<AsyncGenAThrow>(args, "send", "async_generator_athrow")?;
    let v = rest.one(vm, "send")?;
    athrow_send_value(vm, o, v.clone())
}

fn athrow_throw(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (o, rest) = vm.method_self::<AsyncGenAThrow>(args, "throw", "async_generator_athrow")?;
    let vals = rest.range(vm, "throw", 1, 3)?;
    match o.state.get() {
        AwaitState::Closed => {
            return Err(vm.new_runtime_error("cannot reuse already awaited aclose()/athrow()"));
        }
        AwaitState::Init => {
            if o.agen.running_async.get() {
                o.state.set(AwaitState::Closed);
                return Err(vm.new_runtime_error(if o.args.is_none() {
                    "aclose(): asynchronous generator is already running"
                } else {
                    "athrow(): asynchronous generator is already running"
                }));
            }
            o.state.set(AwaitState::Iter);
            o.agen.running_async.set(true);
        }
        AwaitState::Iter => {}
    }
    let err = throw_exception(vm, vals)?;
    let r = throw(vm, &o.agen, err, true);
    if o.args.is_some() {
        let r = unwrap_value(vm, &o.agen, r);
        if r.is_err() {
            o.agen.running_async.set(false);
            o.state.set(AwaitState::Closed);
        }
        return r;
    }
    match r {
        Ok(Sent::Yielded(v)) if wrapped(&v).is_some() => Err(athrow_yield_close(vm, o)),
        Ok(Sent::Yielded(v)) => Ok(v),
        Ok(Sent::Returned(_)) => Err(athrow_check_error(
            vm,
            o,
            vm.new_exception(&vm.exc.stop_async_iteration, vec![]),
        )),
        Err(e) => Err(athrow_check_error(vm, o, e)),
    }
}

fn athrow_close(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (o, _) = vm.method_self::<AsyncGenAThrow>(args, "close", "async_generator_athrow")?;
    o.state.set(AwaitState::Closed);
    Ok(Value::None)
}

/// Fills in the async generator types.
pub(crate) fn init(vm: &Vm) {
    let self_iter: crate::object::slots::UnaryFn = |_, v| Ok(v.clone());
    let a = &vm.types.async_generator;
    a.slots.aiter.set(Some(self_iter));
    a.slots.anext.set(Some(agen_anext));
    vm.add_methods(
        a,
        &[
            ("asend", agen_asend),
            ("athrow", agen_athrow),
            ("aclose", agen_aclose),
        ],
    );
    vm.add_getset(
        a,
        "ag_running",
        |vm, v| Ok(Value::Bool(agen(vm, v)?.running_async.get())),
        None,
    );
    vm.add_getset(a, "ag_code", |vm, v| Ok(agen(vm, v)?.code_value()), None);
    vm.add_getset(
        a,
        "ag_suspended",
        |vm, v| Ok(Value::Bool(agen(vm, v)?.state() == GenState::Suspended)),
        None,
    );
    vm.add_getset(a, "ag_frame", super::generator::gen_frame, None);
    vm.add_getset(a, "ag_await", super::generator::gen_yieldfrom, None);
    for t in [
        &vm.types.async_generator_asend,
        &vm.types.async_generator_athrow,
    ] {
        t.slots.iter.set(Some(self_iter));
        t.slots.await_.set(Some(self_iter));
    }
    let s = &vm.types.async_generator_asend;
    s.slots.iternext.set(Some(asend_iternext));
    vm.add_methods(
        s,
        &[
            ("send", asend_send),
            ("throw", asend_throw),
            ("close", asend_close),
        ],
    );
    let t = &vm.types.async_generator_athrow;
    t.slots.iternext.set(Some(athrow_iternext));
    vm.add_methods(
        t,
        &[
            ("send", athrow_send),
            ("throw", athrow_throw),
            ("close", athrow_close),
        ],
    );
}

// --- aiter() / anext() -----------------------------------------------------------------------

/// `anext(iterator, default)`'s awaitable: StopAsyncIteration becomes the default.
pub struct AnextAwaitable {
    wrapped: Value,
    default: Value,
}

crate::payload!(AnextAwaitable);

/// `aiter(async_iterable)`.
pub fn b_aiter(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let obj = args.one(vm, "aiter")?;
    let Some(f) = obj.class(vm).slots.aiter.get() else {
        return Err(vm.new_type_error(format!(
            "'{}' object is not an async iterable",
            vm.type_name(obj)
        )));
    };
    let it = f(vm, obj)?;
    if it.class(vm).slots.anext.get().is_none() {
        return Err(vm.new_type_error(format!(
            "aiter() returned not an async iterator of type '{}'",
            vm.type_name(&it)
        )));
    }
    Ok(it)
}

/// `anext(async_iterator[, default])`.
pub fn b_anext(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "anext", 1, 2)?;
    let it = &vals[0];
    let Some(f) = it.class(vm).slots.anext.get() else {
        return Err(vm.new_type_error(format!(
            "'{}' object is not an async iterator",
            vm.type_name(it)
        )));
    };
    let awaitable = f(vm, it)?;
    match vals.get(1) {
        None => Ok(awaitable),
        Some(d) => Ok(crate::object::core::alloc(
            &vm.types.anext_awaitable,
            AnextAwaitable {
                wrapped: awaitable,
                default: d.clone(),
            },
        )
        .into()),
    }
}

fn anext_this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<AnextAwaitable>> {
    v.downcast::<AnextAwaitable>()
        .ok_or_else(|| vm.new_type_error("expected anext_awaitable"))
}

/// `anextawaitable_getiter`: the iterator driving the wrapped awaitable.
fn anext_iter(vm: &Vm, o: &AnextAwaitable) -> PyResult<Value> {
    let it = super::generator::get_awaitable(vm, &o.wrapped)?;
    if it.class(vm).slots.iternext.get().is_some() {
        return Ok(it);
    }
    let Some(aw) = it.class(vm).slots.await_.get() else {
        return Err(vm.new_type_error("__await__ returned a non-iterable"));
    };
    let it = aw(vm, &it)?;
    if it.class(vm).slots.iternext.get().is_none() {
        return Err(vm.new_type_error("__await__ returned a non-iterable"));
    }
    Ok(it)
}

fn anext_result(vm: &Vm, o: &AnextAwaitable, r: PyResult<Value>) -> PyResult<Value> {
    match r {
        Err(e) if e.matches(&vm.exc.stop_async_iteration) => {
            Err(vm.new_stop_iteration(o.default.clone()))
        }
        r => r,
    }
}

fn anext_iternext(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let o = anext_this(vm, v)?;
    let it = anext_iter(vm, o)?;
    let r = match vm.next_raw(&it) {
        Ok(Some(x)) => Ok(x),
        Ok(None) => Err(vm.new_stop_iteration(Value::None)),
        Err(e) => Err(e),
    };
    anext_result(vm, o, r).map(Some)
}

fn anext_method(vm: &Vm, args: Args<'_>, name: &str) -> PyResult<Value> {
    let (o, rest) = vm.method_self::<AnextAwaitable>(args, name, "anext_awaitable")?;
    let it = anext_iter(vm, o)?;
    let r = match vm.getattr_opt(&it, &vm.intern(name))? {
        Some(m) => vm.call(&m, rest),
        None if name == "close" => Ok(Value::None),
        None => Err(vm.new_no_attribute(&it, &vm.intern(name))),
    };
    anext_result(vm, o, r)
}

/// Fills in `anext_awaitable`.
pub(crate) fn init_anext(vm: &Vm) {
    let self_iter: crate::object::slots::UnaryFn = |_, v| Ok(v.clone());
    let t = &vm.types.anext_awaitable;
    t.slots.iter.set(Some(self_iter));
    t.slots.await_.set(Some(self_iter));
    t.slots.iternext.set(Some(anext_iternext));
    vm.add_methods(
        t,
        &[
            ("send", |vm, a| anext_method(vm, a, "send")),
            ("throw", |vm, a| anext_method(vm, a, "throw")),
            ("close", |vm, a| anext_method(vm, a, "close")),
        ],
    );
}
