//! Generators, coroutines and async generators: objects owning a suspended frame, resumed
//! by `send`/`next`/`throw`/`close` (each resumption runs the frame in a nested eval loop
//! until it yields or returns), plus the helpers behind `SEND` and `await`.
//! `throw()`/`close()` on a generator suspended in `yield from`/`await` go to the
//! sub-iterator first, as CPython's `_gen_throw`/`gen_close` do.

use std::cell::Cell;

use crate::compile::code::co_flags;
use std::ptr::NonNull;

use crate::exec::frame::{Frame, HeapFrame, Regs, frame_ref};
use crate::exec::genframe::{Absorb, Sink};
use crate::exec::{Exit, eval};
use crate::object::{Py, PyCell, Value};
use crate::runtime::{Args, PyErr, PyResult, Vm};

use super::exception::BaseException;
use super::str::Str;

/// Lifecycle of a generator frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenState {
    /// Created, not started.
    Created,
    /// Suspended at a `yield`.
    Suspended,
    /// Running.
    Running,
    /// Returned or raised.
    Completed,
}

/// Which kind of generator-like object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenKind {
    /// `def` with `yield`.
    Generator,
    /// `async def`.
    Coroutine,
    /// `async def` with `yield`.
    AsyncGenerator,
}

/// A generator, coroutine or async generator.
pub struct Generator {
    /// The frame, in this object's allocation (`frame_slots` slots after the payload)
    /// until the generator completes.
    frame: PyCell<Option<HeapFrame>>,
    frame_slots: usize,
    state: Cell<GenState>,
    /// Which kind.
    pub kind: GenKind,
    name: PyCell<Py<Str>>,
    qualname: PyCell<Py<Str>>,
    exc_state: PyCell<Value>,
    /// The code handles exceptions: `exc_state` is swapped in while the frame runs.
    /// Otherwise it stays None and nothing in the frame touches the handled-exception
    /// stack, whose innermost non-None entry is then the caller's either way.
    swaps_exc_state: bool,
    code: Value,
    /// Async generators: an `asend`/`athrow` awaitable is driving it (`ag_running_async`).
    pub(crate) running_async: Cell<bool>,
    /// Async generators: closed by `aclose()` or exhaustion (`ag_closed`).
    pub(crate) closed: Cell<bool>,
}

crate::payload!(Generator, gc, trailing);

impl Generator {
    /// Cycle collector: names, exception state, code, and the frame while it is not
    /// running (a running frame's values are held by the running eval loop: outside
    /// references, which is conservative).
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        self.name.with(|n| visit.py(n));
        self.qualname.with(|n| visit.py(n));
        self.exc_state.with(|v| visit.value(v));
        visit.value(&self.code);
        if matches!(self.state.get(), GenState::Created | GenState::Suspended) {
            self.frame.with(|f| {
                if let Some(f) = f {
                    f.header().gc_traverse_suspended(visit);
                }
            });
        }
    }

    /// Releases the frame of a generator that is not running (its finalizer, which
    /// closes it, has run by now).
    fn gc_clear(&self) {
        if self.state.get() != GenState::Running {
            drop(self.exc_state.replace(Value::None));
            finish(self);
        }
    }
}

/// The outcome of resuming.
pub enum Sent {
    /// The generator yielded a value.
    Yielded(Value),
    /// The generator (or iterator) finished with a value.
    Returned(Value),
}

/// Makes the generator, coroutine or async generator object of `frame`, the topmost
/// data-stack frame (a function's, at its `RETURN_GENERATOR`, with its ip and depth
/// saved): one allocation holds the object and the frame, moved out of the data stack.
/// `None`, with nothing changed, when the frame is not the topmost.
pub fn new_generator(vm: &Vm, frame: NonNull<Frame>) -> Option<Py<Generator>> {
    let slots = vm.exec.stack.top_frame_slots(frame)?;
    let f = frame_ref(frame);
    let flags = f.code.flags;
    let (kind, ty) = if flags & co_flags::ASYNC_GENERATOR != 0 {
        (GenKind::AsyncGenerator, &vm.types.async_generator)
    } else if flags & co_flags::COROUTINE != 0 {
        (GenKind::Coroutine, &vm.types.coroutine)
    } else {
        (GenKind::Generator, &vm.types.generator)
    };
    let (name, qualname) = match &f.func {
        Some(func) => (func.name.get(), func.qualname.get()),
        None => (f.code.name.clone(), f.code.qualname.clone()),
    };
    let swaps_exc_state = f.code.handles_exceptions;
    let code: Value = f.code.clone().into();
    let heap = Cell::new(None);
    // SAFETY: `trailing_values` reports `frame_slots`, the block's size; the payload's
    // `frame` (dropped by `finish` or with the payload) releases the frame's values. The
    // frame is the topmost data-stack frame (checked above) and is not used afterwards.
    let g = unsafe {
        crate::object::core::alloc_with_block(
            ty,
            slots,
            |dst| heap.set(Some(vm.exec.stack.move_top_into(frame, dst))),
            |_| Generator {
                frame: PyCell::new(heap.take()),
                frame_slots: slots,
                state: Cell::new(GenState::Created),
                kind,
                name: PyCell::new(name),
                qualname: PyCell::new(qualname),
                running_async: Cell::new(false),
                closed: Cell::new(false),
                exc_state: PyCell::new(Value::None),
                swaps_exc_state,
                code,
            },
        )
    };
    g.frame.with(|h| {
        if let Some(h) = h {
            h.header().set_generator(g.addr());
        }
    });
    Some(g)
}

impl Generator {
    /// Slots of the frame block after the payload (`object::core` invariant 6).
    #[inline(always)]
    fn trailing_values(&self) -> usize {
        self.frame_slots
    }
}

fn kind_name(k: GenKind) -> &'static str {
    match k {
        GenKind::Generator => "generator",
        GenKind::Coroutine => "coroutine",
        GenKind::AsyncGenerator => "async generator",
    }
}

impl Generator {
    /// The state.
    pub fn state(&self) -> GenState {
        self.state.get()
    }

    /// The frame, until the generator completes.
    pub(crate) fn frame_ptr(&self) -> Option<NonNull<Frame>> {
        self.frame.with(|f| f.as_ref().map(HeapFrame::frame))
    }

    /// The code object (`gi_code`).
    pub fn code_value(&self) -> Value {
        self.code.clone()
    }
}

/// Resumes `g` with `value` (or by raising `throw` at its suspension point).
pub fn resume(vm: &Vm, g: &Py<Generator>, value: Value, throw: Option<PyErr>) -> PyResult<Sent> {
    resume_as(vm, g, value, throw, None)
}

/// Resumes `g` (as `next(g)`) and runs it until it yields a value `absorb` declines,
/// returns or raises: `absorb` takes the other yielded values inside the eval loop, so a
/// native consumer (`sum(genexpr)`) does not leave and re-enter it per item.
pub fn drive(vm: &Vm, g: &Py<Generator>, absorb: &mut Absorb<'_>) -> PyResult<Sent> {
    resume_as(vm, g, Value::None, None, Some(absorb))
}

/// The next item of the iterator `it` that `absorb` declines (`None` when exhausted),
/// offering each item to `absorb` first. A generator is driven ([`drive`]).
pub fn next_declined(vm: &Vm, it: &Value, absorb: &mut Absorb<'_>) -> PyResult<Option<Value>> {
    if let Some(g) = it.downcast::<Generator>()
        && g.kind == GenKind::Generator
    {
        return Ok(match drive(vm, g, absorb)? {
            Sent::Yielded(x) => Some(x),
            Sent::Returned(_) => None,
        });
    }
    while let Some(x) = vm.next(it)? {
        if let Err(x) = absorb(x) {
            return Ok(Some(x));
        }
    }
    Ok(None)
}

/// All the items of the generator `g` (`list(genexpr)`), in one eval-loop entry.
pub fn collect_generator(vm: &Vm, g: &Py<Generator>) -> PyResult<Vec<Value>> {
    let mut out = Vec::new();
    loop {
        let sent = drive(vm, g, &mut |x| {
            out.push(x);
            Ok(())
        })?;
        match sent {
            // Not reached: everything is taken.
            Sent::Yielded(x) => out.push(x),
            Sent::Returned(_) => return Ok(out),
        }
    }
}

fn resume_as(
    vm: &Vm,
    g: &Py<Generator>,
    value: Value,
    throw: Option<PyErr>,
    absorb: Option<&mut Absorb<'_>>,
) -> PyResult<Sent> {
    match g.state.get() {
        GenState::Running => {
            return Err(vm.new_value_error(format!("{} already executing", kind_name(g.kind))));
        }
        GenState::Completed => {
            if let Some(e) = throw {
                return Err(e);
            }
            if g.kind == GenKind::Coroutine {
                return Err(vm.new_runtime_error("cannot reuse already awaited coroutine"));
            }
            return Ok(Sent::Returned(Value::None));
        }
        GenState::Created => {
            if throw.is_none() && !value.is_none() {
                return Err(vm.new_type_error(format!(
                    "can't send non-None value to a just-started {}",
                    kind_name(g.kind)
                )));
            }
            if let Some(e) = throw {
                // Throwing into a fresh generator raises at its start, without running it.
                finish(g);
                return Err(e);
            }
        }
        GenState::Suspended => {}
    }
    let Some(frame) = g.frame.with(|f| f.as_ref().map(HeapFrame::frame)) else {
        return Err(vm.new_system_error("generator without a frame"));
    };
    // The sent value is pushed even when throwing (`gen_send_ex2`): the exception table's
    // depths at a yield count it.
    {
        let mut regs = Regs::load(frame);
        if regs.push_checked(value).is_err() {
            return Err(vm.new_system_error("generator frame stack overflow"));
        }
        regs.save(frame_ref(frame).ip.get());
    }
    g.enter_running(vm);
    let outer_sink = absorb.map(|a| vm.exec.gen_sink.replace(Some(Sink::new(frame, a))));
    let result = vm.with_native_recursion("", || {
        vm.exec.depth.set(vm.exec.depth.get() + 1);
        let r = eval::run(vm, frame, throw);
        vm.exec.depth.set(vm.exec.depth.get().saturating_sub(1));
        r
    });
    if let Some(outer) = outer_sink {
        vm.exec.gen_sink.set(outer);
    }
    g.leave_running(vm);
    match result {
        Ok(Exit::Yield(v)) => {
            g.state.set(GenState::Suspended);
            Ok(Sent::Yielded(v))
        }
        Ok(Exit::Return(v)) => {
            finish(g);
            g.as_obj().mark_finalized();
            Ok(Sent::Returned(v))
        }
        Err(e) => {
            finish(g);
            g.as_obj().mark_finalized();
            Err(e)
        }
    }
}

impl Generator {
    /// Starts running the generator's frame inside the caller's eval loop (see
    /// `exec::genframe`): `None` unless it is created or suspended and `value` may be sent
    /// (anything else takes [`resume`], which raises the right error). Swaps the
    /// generator's exception state in as `resume` does.
    #[inline(always)]
    pub(crate) fn start_inline(&self, vm: &Vm, value: &Value) -> Option<NonNull<Frame>> {
        match self.state.get() {
            GenState::Suspended => {}
            GenState::Created if value.is_none() => {}
            _ => return None,
        }
        let frame = self.frame.with(|f| f.as_ref().map(HeapFrame::frame))?;
        self.enter_running(vm);
        Some(frame)
    }

    /// The inline-running frame yielded: suspended again, exception state swapped back.
    #[inline(always)]
    pub(crate) fn suspend_inline(&self, vm: &Vm) {
        self.leave_running(vm);
        self.state.set(GenState::Suspended);
    }

    /// The inline-running frame returned or raised: completed, its frame released. The
    /// eval loop no longer uses the frame.
    pub(crate) fn finish_inline(&self, vm: &Vm) {
        self.leave_running(vm);
        finish(self);
    }

    /// [`Generator::finish_inline`] for the object: also spares its deallocation the
    /// finalizer call (a completed generator has nothing to close or warn about).
    pub(crate) fn completed_inline(g: &Py<Generator>, vm: &Vm) {
        g.finish_inline(vm);
        g.as_obj().mark_finalized();
    }

    /// Marks the generator running and swaps its saved exception state in as the
    /// innermost handled exception (`gi_exc_state`); [`Generator::leave_running`] undoes
    /// the swap. Shared by the Rust-level [`resume`] and the inline frame switch.
    #[inline(always)]
    fn enter_running(&self, vm: &Vm) {
        self.state.set(GenState::Running);
        if self.swaps_exc_state {
            let saved = self.exc_state.replace(Value::None);
            vm.exec.handled.with_mut(|h| h.push(saved));
        }
    }

    /// Swaps the generator's exception state back out (the state is set by the caller).
    #[inline(always)]
    fn leave_running(&self, vm: &Vm) {
        if self.swaps_exc_state {
            let restored = vm.exec.handled.with_mut(|h| h.pop()).unwrap_or(Value::None);
            drop(self.exc_state.replace(restored));
        }
    }
}

fn finish(g: &Generator) {
    g.state.set(GenState::Completed);
    let frame = g.frame.replace(None);
    drop(frame);
}

/// `SEND`'s step: resumes a generator/coroutine, or calls `send`/`__next__` on another
/// iterator, turning StopIteration into `Returned`.
pub fn send_to(vm: &Vm, receiver: &Value, v: Value) -> PyResult<Sent> {
    if let Some(g) = receiver.downcast::<Generator>()
        && g.kind != GenKind::AsyncGenerator
    {
        return resume(vm, g, v, None);
    }
    let r = if v.is_none() && receiver.class(vm).slots.iternext.get().is_some() {
        match vm.next_raw(receiver) {
            Ok(Some(x)) => Ok(x),
            Ok(None) => return Ok(Sent::Returned(Value::None)),
            Err(e) => Err(e),
        }
    } else {
        vm.call_method(receiver, &vm.names.send, &[v])
    };
    match r {
        Ok(x) => Ok(Sent::Yielded(x)),
        Err(e) if e.matches(&vm.exc.stop_iteration) => Ok(Sent::Returned(
            e.exc().field("value").unwrap_or(Value::None),
        )),
        Err(e) => Err(e),
    }
}

/// `await v`'s iterator (`GET_AWAITABLE`).
pub fn get_awaitable(vm: &Vm, v: &Value) -> PyResult<Value> {
    if let Some(g) = v.downcast::<Generator>() {
        if g.kind == GenKind::Coroutine {
            return Ok(v.clone());
        }
        if g.kind == GenKind::Generator
            && g.code
                .downcast::<super::code::Code>()
                .is_some_and(|c| c.flags & co_flags::ITERABLE_COROUTINE != 0)
        {
            return Ok(v.clone());
        }
    }
    let Some(aw) = v.class(vm).slots.await_.get() else {
        return Err(vm.new_type_error(format!("'{}' object can't be awaited", vm.type_name(v))));
    };
    let it = aw(vm, v)?;
    if it
        .downcast::<Generator>()
        .is_some_and(|g| g.kind == GenKind::Coroutine)
    {
        return Err(vm.new_type_error("__await__() returned a coroutine"));
    }
    if it.class(vm).slots.iternext.get().is_none() {
        return Err(vm.new_type_error(format!(
            "__await__() returned non-iterator of type '{}'",
            vm.type_name(&it)
        )));
    }
    Ok(it)
}

/// `GET_AWAITABLE`'s iterator: [`get_awaitable`], refusing a coroutine suspended in an
/// `await` of its own (CPython's `_PyEval_GetAwaitable`).
#[inline(never)]
pub fn get_awaitable_for_await(vm: &Vm, v: &Value) -> PyResult<Value> {
    let it = get_awaitable(vm, v)?;
    if let Some(g) = it.downcast::<Generator>()
        && g.kind == GenKind::Coroutine
        && yield_from_target(g).is_some()
    {
        return Err(vm.new_runtime_error("coroutine is being awaited already"));
    }
    Ok(it)
}

/// `gi_frame`/`cr_frame`: the frame object while the generator has a frame.
pub(crate) fn gen_frame(vm: &Vm, v: &Value) -> PyResult<Value> {
    let g = this(vm, v)?;
    if g.state.get() == GenState::Completed {
        return Ok(Value::None);
    }
    Ok(g.frame
        .with(|f| f.as_ref().map(HeapFrame::frame))
        .map_or(Value::None, |fr| vm.frame_object(fr).into()))
}

/// `gi_yieldfrom`/`cr_await`.
pub(crate) fn gen_yieldfrom(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(yield_from_target(this(vm, v)?).unwrap_or(Value::None))
}

pub(crate) fn this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<Generator>> {
    v.downcast::<Generator>()
        .ok_or_else(|| vm.new_type_error("expected a generator"))
}

fn gen_iternext(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let g = this(vm, v)?;
    match resume(vm, g, Value::None, None)? {
        Sent::Yielded(x) => Ok(Some(x)),
        Sent::Returned(v) if v.is_none() => Ok(None),
        Sent::Returned(v) => Err(vm.new_stop_iteration(v)),
    }
}

fn sent_to_result(vm: &Vm, s: Sent) -> PyResult<Value> {
    match s {
        Sent::Yielded(x) => Ok(x),
        Sent::Returned(x) => Err(vm.new_stop_iteration(x)),
    }
}

fn gen_send(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (g, rest) = vm.method_self::<Generator>(args, "send", "generator")?;
    let v = rest.one(vm, "send")?;
    let s = resume(vm, g, v.clone(), None)?;
    sent_to_result(vm, s)
}

/// Builds the exception `throw(type[, value[, tb]])` raises.
pub(crate) fn throw_exception(vm: &Vm, vals: &[Value]) -> PyResult<PyErr> {
    let typ = &vals[0];
    let val = vals.get(1).cloned().unwrap_or(Value::None);
    let tb = vals.get(2).cloned().unwrap_or(Value::None);
    if !tb.is_none() && tb.downcast::<super::traceback::Traceback>().is_none() {
        return Err(vm.new_type_error("throw() third argument must be a traceback object"));
    }
    let err = if let Some(t) = typ.downcast::<crate::object::Type>() {
        if !t.is_subtype(&vm.exc.base_exception) {
            return Err(vm.new_type_error(format!(
                "exceptions must be classes or instances deriving from BaseException, not {}",
                vm.type_name(typ)
            )));
        }
        let inst = if val.downcast::<BaseException>().is_some() && val.class(vm).is_subtype(t) {
            val
        } else if val.is_none() {
            vm.call_pos(typ, &[])?
        } else if let Some(tup) = val.downcast::<super::tuple::Tuple>() {
            vm.call_pos(typ, tup.as_slice())?
        } else {
            vm.call_pos(typ, &[val])?
        };
        match inst.into_downcast::<BaseException>() {
            Ok(e) => PyErr::new(e),
            Err(_) => return Err(vm.new_type_error("exceptions must derive from BaseException")),
        }
    } else if let Some(e) = typ.downcast::<BaseException>() {
        if !val.is_none() {
            return Err(vm.new_type_error("instance exception may not have a separate value"));
        }
        PyErr::new(e.clone())
    } else {
        return Err(vm.new_type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            vm.type_name(typ)
        )));
    };
    if !tb.is_none() {
        err.exc().set_traceback(tb);
    }
    Ok(err)
}

fn gen_throw(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (g, rest) = vm.method_self::<Generator>(args, "throw", "generator")?;
    let vals = rest.range(vm, "throw", 1, 3)?;
    let err = throw_exception(vm, vals)?;
    let s = throw(vm, g, err, true)?;
    sent_to_result(vm, s)
}

/// The sub-iterator of a generator suspended in `yield from`/`await` (`_PyGen_yf`): the
/// suspending `YIELD_VALUE` has oparg 1 and the iterator is on top of the frame's stack.
pub fn yield_from_target(g: &Generator) -> Option<Value> {
    if g.state.get() != GenState::Suspended {
        return None;
    }
    g.frame.with(|f| {
        let frame = f.as_ref()?.frame();
        let regs = Regs::load(frame);
        let ip = frame_ref(frame).ip.get();
        let unit = regs.unit(ip.checked_sub(1)?)?;
        let op = crate::instr::Opcode::from_u8(unit.opcode)?.deopt();
        if op != crate::instr::Opcode::YIELD_VALUE || unit.oparg != 1 {
            return None;
        }
        regs.peek(1).ok().cloned()
    })
}

/// `_gen_throw`: throws `err` into `g`, forwarding it to the sub-iterator first when `g`
/// is suspended in `yield from`.
pub fn throw(vm: &Vm, g: &Py<Generator>, err: PyErr, close_on_genexit: bool) -> PyResult<Sent> {
    let Some(yf) = yield_from_target(g) else {
        return resume_thrown(vm, g, err);
    };
    g.state.set(GenState::Running);
    let sub = throw_into_sub(vm, &yf, err, close_on_genexit);
    g.state.set(GenState::Suspended);
    let sub = match sub {
        SubThrow::NoThrow(err) => return resume_thrown(vm, g, err),
        SubThrow::Closed(Ok(_), err) => return resume_thrown(vm, g, err),
        SubThrow::Closed(Err(e), _) => return resume_thrown(vm, g, e),
        SubThrow::Done(r) => r,
    };
    match sub {
        Ok(v) => Ok(Sent::Yielded(v)),
        // The sub-iterator's exception (StopIteration included, which CLEANUP_THROW turns
        // into the `yield from` value) is raised in `g` at its suspension point.
        Err(e) => resume_thrown(vm, g, e),
    }
}

/// Raises `err` in `g` at its suspension point as `throw()` does: unlike a `raise`, the
/// exception is not chained to the one the caller is handling, only to the generator's
/// own handled exception when it has one (CPython's `_PyErr_ChainStackItem` in
/// `gen_send_ex2`), and that `__context__` stays as the exception unwinds through the
/// generator and back out through its caller.
fn resume_thrown(vm: &Vm, g: &Py<Generator>, err: PyErr) -> PyResult<Sent> {
    let own = if g.swaps_exc_state {
        g.exc_state.get()
    } else {
        Value::None
    };
    let exc = err.exc();
    if !own.is_none() && !own.as_obj().is_some_and(|o| o.is(exc.as_obj())) {
        // Break a cycle through the new context, as `_PyErr_SetObject` does.
        let mut o = own.clone();
        for _ in 0..10_000 {
            let Some(e) = o.downcast::<BaseException>() else {
                break;
            };
            let next = e.context();
            if next.as_obj().is_some_and(|n| n.is(exc.as_obj())) {
                e.set_context(Value::None);
                break;
            }
            o = next;
        }
        exc.set_context(own);
    }
    exc.keep_context(true);
    resume(vm, g, Value::None, Some(err))
}

enum SubThrow {
    /// The sub-iterator has no `throw`: raise the exception in the delegating frame.
    NoThrow(PyErr),
    /// GeneratorExit: the sub-iterator was closed (with this outcome).
    Closed(PyResult<Value>, PyErr),
    /// The sub-iterator's `throw` result.
    Done(PyResult<Value>),
}

fn throw_into_sub(vm: &Vm, yf: &Value, err: PyErr, close_on_genexit: bool) -> SubThrow {
    if close_on_genexit && err.matches(&vm.exc.generator_exit) {
        return SubThrow::Closed(close_iter(vm, yf), err);
    }
    if let Some(sg) = yf.downcast::<Generator>()
        && sg.kind != GenKind::AsyncGenerator
    {
        return SubThrow::Done(match throw(vm, sg, err, close_on_genexit) {
            Ok(Sent::Yielded(v)) => Ok(v),
            Ok(Sent::Returned(v)) => Err(vm.new_stop_iteration(v)),
            Err(e) => Err(e),
        });
    }
    match vm.getattr_opt(yf, &vm.names.throw) {
        Err(e) => SubThrow::Done(Err(e)),
        Ok(None) => SubThrow::NoThrow(err),
        Ok(Some(meth)) => SubThrow::Done(vm.call_pos(&meth, &[Value::from(err.exc())])),
    }
}

/// `gen_close_iter`: closes a sub-iterator (`close()` if it has one).
fn close_iter(vm: &Vm, yf: &Value) -> PyResult<Value> {
    if let Some(sg) = yf.downcast::<Generator>()
        && sg.kind != GenKind::AsyncGenerator
    {
        return close(vm, sg);
    }
    match vm.getattr_opt(yf, &vm.intern("close"))? {
        Some(m) => vm.call_pos(&m, &[]),
        None => Ok(Value::None),
    }
}

/// `close()`: closes the sub-iterator of a `yield from`, then raises GeneratorExit inside;
/// returns the generator's return value if any.
pub fn close(vm: &Vm, g: &Py<Generator>) -> PyResult<Value> {
    match g.state.get() {
        GenState::Created | GenState::Completed => {
            finish(g);
            return Ok(Value::None);
        }
        GenState::Running => {
            return Err(vm.new_value_error(format!("{} already executing", kind_name(g.kind))));
        }
        GenState::Suspended => {}
    }
    let mut pending = None;
    if let Some(yf) = yield_from_target(g) {
        g.state.set(GenState::Running);
        let r = close_iter(vm, &yf);
        g.state.set(GenState::Suspended);
        if let Err(e) = r {
            pending = Some(e);
        }
    }
    // A yield outside any try block (RESUME's depth-1 bit): nothing can observe the
    // GeneratorExit, so the frame is just dropped.
    if pending.is_none() && resumes_at_depth1(g) {
        finish(g);
        return Ok(Value::None);
    }
    let exit = pending.unwrap_or_else(|| vm.new_exception(&vm.exc.generator_exit, vec![]));
    match resume(vm, g, Value::None, Some(exit)) {
        Ok(Sent::Yielded(_)) => Err(vm.new_runtime_error(match g.kind {
            GenKind::AsyncGenerator => "async generator ignored GeneratorExit".to_string(),
            k => format!("{} ignored GeneratorExit", kind_name(k)),
        })),
        Ok(Sent::Returned(v)) => Ok(v),
        Err(e) if e.matches(&vm.exc.generator_exit) => Ok(Value::None),
        Err(e) => Err(e),
    }
}

/// Whether the suspended frame's next instruction is a `RESUME` whose oparg says the yield
/// is at exception depth 1 (only the implicit StopIteration handler around it).
fn resumes_at_depth1(g: &Generator) -> bool {
    g.frame.with(|f| {
        let Some(h) = f.as_ref() else { return false };
        let frame = h.frame();
        let regs = Regs::load(frame);
        let Some(unit) = regs.unit(frame_ref(frame).ip.get()) else {
            return false;
        };
        crate::instr::Opcode::from_u8(unit.opcode).map(|o| o.deopt())
            == Some(crate::instr::Opcode::RESUME)
            && unit.oparg & 4 != 0
    })
}

fn gen_close(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (g, rest) = vm.method_self::<Generator>(args, "close", "generator")?;
    rest.none(vm, "close")?;
    close(vm, g)
}

fn gen_del(vm: &Vm, v: &Value) -> PyResult<()> {
    let g = this(vm, v)?;
    if g.state.get() == GenState::Suspended {
        if let Err(e) = close(vm, g) {
            vm.report_unraisable_for(&e, "Exception ignored while finalizing generator", v);
        }
    } else if g.state.get() == GenState::Created && g.kind == GenKind::Coroutine {
        if let Err(e) = vm.warn_unawaited_coroutine(v) {
            vm.report_unraisable_for(&e, "Exception ignored while finalizing coroutine", v);
        }
    } else if g.state.get() == GenState::Created {
        // `_PyGen_Finalize` closes a generator that never started: its frame (and the
        // cycles through its arguments) is released now.
        finish(g);
    }
    Ok(())
}

fn gen_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let g = this(vm, v)?;
    let kind = match g.kind {
        GenKind::Generator => "generator",
        GenKind::Coroutine => "coroutine",
        GenKind::AsyncGenerator => "async_generator",
    };
    Ok(vm
        .new_str(&format!(
            "<{kind} object {} at {:#x}>",
            g.qualname.get().to_lossy(),
            v.id()
        ))
        .into())
}

fn coro_await(vm: &Vm, v: &Value) -> PyResult<Value> {
    let _ = vm;
    Ok(
        crate::object::core::alloc(&vm.types.coroutine_wrapper, CoroWrapper { coro: v.clone() })
            .into(),
    )
}

/// The iterator `coroutine.__await__()` returns.
pub struct CoroWrapper {
    coro: Value,
}

crate::payload!(CoroWrapper);

fn wrapper_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let w = v
        .downcast::<CoroWrapper>()
        .ok_or_else(|| vm.new_type_error("expected coroutine_wrapper"))?;
    let g = this(vm, &w.coro)?;
    match resume(vm, g, Value::None, None)? {
        Sent::Yielded(x) => Ok(Some(x)),
        Sent::Returned(x) => Err(vm.new_stop_iteration(x)),
    }
}

fn wrapper_send(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (w, rest) = vm.method_self::<CoroWrapper>(args, "send", "coroutine_wrapper")?;
    let v = rest.one(vm, "send")?;
    let g = this(vm, &w.coro)?;
    let s = resume(vm, g, v.clone(), None)?;
    sent_to_result(vm, s)
}

fn wrapper_throw(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (w, rest) = vm.method_self::<CoroWrapper>(args, "throw", "coroutine_wrapper")?;
    let vals = rest.range(vm, "throw", 1, 3)?;
    let err = throw_exception(vm, vals)?;
    let g = this(vm, &w.coro)?;
    let s = throw(vm, g, err, true)?;
    sent_to_result(vm, s)
}

fn wrapper_close(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (w, _) = vm.method_self::<CoroWrapper>(args, "close", "coroutine_wrapper")?;
    let g = this(vm, &w.coro)?;
    close(vm, g)
}

/// Fills in the generator types' slots and methods.
pub(crate) fn init(vm: &Vm) {
    let self_iter: crate::object::slots::UnaryFn = |_, v| Ok(v.clone());
    for t in [
        &vm.types.generator,
        &vm.types.coroutine,
        &vm.types.async_generator,
    ] {
        t.slots.repr.set(Some(gen_repr));
        t.slots.del.set(Some(gen_del));
        t.set_has_finalizer(true);
        if !t.is(&vm.types.async_generator) {
            vm.add_methods(
                t,
                &[
                    ("send", gen_send),
                    ("throw", gen_throw),
                    ("close", gen_close),
                ],
            );
        }
        vm.add_getset(
            t,
            "__name__",
            |vm, v| Ok(this(vm, v)?.name.get().into()),
            Some(|vm, v, new| {
                let g = this(vm, v)?;
                match new.and_then(|n| n.into_downcast::<Str>().ok()) {
                    Some(s) => {
                        drop(g.name.replace(s));
                        Ok(())
                    }
                    None => Err(vm.new_type_error("__name__ must be set to a string object")),
                }
            }),
        );
        vm.add_getset(
            t,
            "__qualname__",
            |vm, v| Ok(this(vm, v)?.qualname.get().into()),
            Some(|vm, v, new| {
                let g = this(vm, v)?;
                match new.and_then(|n| n.into_downcast::<Str>().ok()) {
                    Some(s) => {
                        drop(g.qualname.replace(s));
                        Ok(())
                    }
                    None => Err(vm.new_type_error("__qualname__ must be set to a string object")),
                }
            }),
        );
    }
    let g = &vm.types.generator;
    g.slots.iter.set(Some(self_iter));
    g.slots.iternext.set(Some(gen_iternext));
    vm.add_getset(
        g,
        "gi_running",
        |vm, v| Ok(Value::Bool(this(vm, v)?.state() == GenState::Running)),
        None,
    );
    vm.add_getset(g, "gi_code", |vm, v| Ok(this(vm, v)?.code.clone()), None);
    vm.add_getset(
        g,
        "gi_suspended",
        |vm, v| Ok(Value::Bool(this(vm, v)?.state() == GenState::Suspended)),
        None,
    );
    vm.add_getset(g, "gi_frame", gen_frame, None);
    vm.add_getset(g, "gi_yieldfrom", gen_yieldfrom, None);
    let c = &vm.types.coroutine;
    c.slots.await_.set(Some(coro_await));
    vm.add_getset(
        c,
        "cr_running",
        |vm, v| Ok(Value::Bool(this(vm, v)?.state() == GenState::Running)),
        None,
    );
    vm.add_getset(c, "cr_code", |vm, v| Ok(this(vm, v)?.code.clone()), None);
    vm.add_getset(
        c,
        "cr_suspended",
        |vm, v| Ok(Value::Bool(this(vm, v)?.state() == GenState::Suspended)),
        None,
    );
    vm.add_getset(c, "cr_frame", gen_frame, None);
    vm.add_getset(c, "cr_await", gen_yieldfrom, None);
    vm.add_getset(c, "cr_origin", |_, _| Ok(Value::None), None);
    let w = &vm.types.coroutine_wrapper;
    w.slots.iter.set(Some(self_iter));
    w.slots.iternext.set(Some(wrapper_next));
    vm.add_methods(
        w,
        &[
            ("send", wrapper_send),
            ("throw", wrapper_throw),
            ("close", wrapper_close),
        ],
    );
}
