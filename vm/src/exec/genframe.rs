//! Generator and coroutine frames resumed inside the caller's eval loop (CPython's
//! `FOR_ITER_GEN`/`SEND_GEN` idea, done by the generic instructions): `FOR_ITER` and `SEND`
//! on a generator link its frame above the caller's and switch to it; `YIELD_VALUE`,
//! `RETURN_VALUE` and an exception leaving the frame switch back. No Rust re-entry. `SEND`
//! on an async generator's `__anext__()` awaitable does the same (`async for` over an
//! async generator), ending the await at the generator's `yield`.
//!
//! While a frame runs this way its generator is `Running` (so re-entering it raises
//! "generator already executing" through the Rust path), the frame holds a strong
//! reference to the generator (`Frame::running_gen`), and `Frame::resumer` says where the
//! caller continues when the generator returns. Anything unusual (`throw`, `close`, a
//! first `send` of a non-None value, the recursion limit) takes `types::generator::resume`.
//!
//! `next(gen)` resumes the generator the same way (`call_next`).
//!
//! A native consumer of a generator (`sum`, `list`, `tuple`, `set`, `str.join`, `any`,
//! `all`, ...) drives it through a [`Sink`]: the frame's `YIELD_VALUE` hands each value to
//! the consumer's fast path and goes on, so the loop is entered once for all those items.

use std::ptr::NonNull;

use crate::instr::Opcode;
use crate::object::{Py, Value};
use crate::runtime::{PyErr, Vm};
use crate::types::async_gen::{AsyncGenASend, unwrap_yielded};
use crate::types::function::NativeFunction;
use crate::types::generator::{GenKind, GenState, Generator};

use super::frame::{Frame, Regs, Resumer, frame_ref};
use super::{Ctx, Flow};

/// Resumes `g` with `value` inside this loop; `Err(value)` (nothing changed) when it must
/// take the Rust path instead. Inline and generic over the context so that `FOR_ITER`
/// resumes a generator on the loop's registers.
#[inline(always)]
pub(crate) fn resume_inline<const L: bool>(
    c: &mut Ctx<'_, L>,
    g: &Py<Generator>,
    value: Value,
    resumer: Resumer,
) -> Result<Flow, Value> {
    let vm = c.vm;
    let depth = vm.exec.depth.get();
    if depth >= vm.recursion_limit() {
        return Err(value);
    }
    let Some(frame) = g.start_inline(vm, &value) else {
        return Err(value);
    };
    c.r.save(c.ip);
    c.frame().return_ip.set(c.next_ip);
    let f = frame_ref(frame);
    f.previous.set(Some(c.r.frame));
    f.set_resumer(resumer);
    drop(f.running_gen.replace(Some(g.clone())));
    vm.exec.current.set(Some(frame));
    vm.exec.depth.set(depth + 1);
    c.r = Regs::load(frame);
    c.next_ip = f.ip.get();
    // The sent value is the suspended `yield`'s result (a new generator's first
    // instruction pops it).
    if c.r.push_checked(value).is_err() {
        return Ok(Flow::Fault);
    }
    Ok(Flow::Switch)
}

/// `YIELD_VALUE` in a frame running inline: suspends it and hands `v` to the caller,
/// which continues after its `FOR_ITER`/`SEND` (inline: runs on the loop's registers).
#[inline(always)]
pub(crate) fn yield_inline<const L: bool>(c: &mut Ctx<'_, L>, v: Value) -> Flow {
    let vm = c.vm;
    c.r.save(c.next_ip);
    let f = c.frame();
    let caller = f.previous.replace(None);
    let resumer = f.take_resumer();
    let (Some(caller), Some(g)) = (caller, f.running_gen.take()) else {
        return Flow::Fault;
    };
    g.suspend_inline(vm);
    vm.exec.current.set(Some(caller));
    vm.exec.depth.set(vm.exec.depth.get().saturating_sub(1));
    switch_to_caller(c, caller);
    // The caller's stack still holds the generator.
    drop(g);
    match resumer {
        Resumer::ASend { returned_ip } => return asend_yielded(c, v, returned_ip),
        Resumer::Send { .. } if passes_yield_on(c) => {
            if let Some(c) = c.full() {
                return ascend(c, v);
            }
        }
        // `FOR_ITER` and `next(gen)` push the value.
        _ => {}
    }
    crate::tri!(c.r.push(v));
    Flow::Switch
}

/// The caller a delegated frame just yielded to is itself running inline and would yield
/// the value straight on: the instruction after its `SEND` is its `YIELD_VALUE`.
#[inline(always)]
fn passes_yield_on<const L: bool>(c: &Ctx<'_, L>) -> bool {
    c.frame().resumer() != Resumer::None
        && c.r.unit(c.next_ip).map(|u| u.opcode) == Some(Opcode::YIELD_VALUE as u8)
}

/// A value yielded up a `yield from`/`await` chain running inline: each delegating frame
/// whose `YIELD_VALUE` would only hand it on is suspended as that instruction would
/// suspend it, without running it, until a frame that does something else with the value
/// (a `FOR_ITER`, a `SEND` on another kind of awaitable, an async generator's `asend`)
/// gets it. The frames end exactly as the instructions would leave them.
#[inline(never)]
fn ascend(c: &mut Ctx<'_>, v: Value) -> Flow {
    let vm = c.vm;
    loop {
        // The frame's `YIELD_VALUE`, as `yield_inline` runs it.
        c.r.save(c.next_ip + YIELD_SIZE);
        let f = c.frame();
        let caller = f.previous.replace(None);
        let resumer = f.take_resumer();
        let (Some(caller), Some(g)) = (caller, f.running_gen.take()) else {
            return Flow::Fault;
        };
        g.suspend_inline(vm);
        vm.exec.current.set(Some(caller));
        vm.exec.depth.set(vm.exec.depth.get().saturating_sub(1));
        switch_to_caller(c, caller);
        drop(g);
        match resumer {
            Resumer::ASend { returned_ip } => return asend_yielded(c, v, returned_ip),
            Resumer::Send { .. } if passes_yield_on(c) => {}
            _ => {
                crate::tri!(c.r.push(v));
                return Flow::Switch;
            }
        }
    }
}

/// `SEND` on a generator or coroutine (not an async generator): resumes it inside this
/// loop (`Err(value)`, nothing changed, when it must take the Rust path). When its frame
/// is suspended in a `yield from`/`await` on another generator or coroutine, the value
/// goes straight on to that one, and so on down the chain: each delegating frame is left
/// at its `SEND` as its `RESUME`, `JUMP_BACKWARD_NO_INTERRUPT` and `SEND` would leave it
/// (header ip, return ip, stack, state, exception state and depth), without running
/// them.
pub(crate) fn send_inline(
    c: &mut Ctx<'_>,
    g: &Py<Generator>,
    value: Value,
    returned_ip: usize,
) -> Result<Flow, Value> {
    // Only a suspended frame can be inside a `yield from`/`await`.
    let suspended = g.state() == GenState::Suspended;
    let flow = resume_inline(c, g, value, Resumer::Send { returned_ip })?;
    if suspended && flow == Flow::Switch && delegating_send(&c.r, c.next_ip).is_some() {
        return Ok(descend(c));
    }
    Ok(flow)
}

/// See [`send_inline`]: `c` was just switched to a resumed frame, the sent value on top
/// of its stack and `c.next_ip` at its first instruction.
#[inline(never)]
fn descend(c: &mut Ctx<'_>) -> Flow {
    loop {
        let resume_ip = c.next_ip;
        let Some((send_ip, jump)) = delegating_send(&c.r, resume_ip) else {
            return Flow::Switch;
        };
        let sub = match c.r.peek(2) {
            Ok(r) => match r.downcast::<Generator>() {
                Some(sub) if sub.kind != GenKind::AsyncGenerator => NonNull::from(sub),
                _ => return Flow::Switch,
            },
            Err(_) => return Flow::Switch,
        };
        // SAFETY: the delegate stays on the delegating frame's stack (below the popped
        // value) while it runs; nothing pops it before this loop is done with it.
        let sub = unsafe { sub.as_ref() };
        let Ok(v) = c.r.pop() else {
            return Flow::Fault;
        };
        // At its `SEND`, which resumes the delegate.
        c.ip = send_ip;
        c.next_ip = send_ip + 1 + SEND_CACHE;
        let returned_ip = c.next_ip + jump;
        match resume_inline(c, sub, v, Resumer::Send { returned_ip }) {
            Ok(Flow::Switch) => {}
            Ok(other) => return other,
            Err(v) => {
                // Not resumable inline (nothing changed): the frame runs its own
                // instructions, whose `SEND` takes the Rust path.
                c.next_ip = resume_ip;
                return match c.r.push_checked(v) {
                    Ok(()) => Flow::Switch,
                    Err(_) => Flow::Fault,
                };
            }
        }
    }
}

/// `GET_AWAITABLE` just pushed back a fresh coroutine (`await f()`): when the compiler's
/// `LOAD_CONST None; SEND` follow, the coroutine starts here as that `SEND` would start
/// it (the caller left at its `SEND`, which the coroutine's return or yield continues
/// after), without running the two instructions. Otherwise (or when it must take the
/// Rust path) the caller just goes on.
#[inline(never)]
pub(crate) fn await_fresh(c: &mut Ctx<'_>) -> Flow {
    const LOAD_SIZE: usize = 1 + crate::instr::opcode::cache_size(Opcode::LOAD_CONST) as usize;
    let (ip, next_ip) = (c.ip, c.next_ip);
    let send_ip = next_ip + LOAD_SIZE;
    let (Some(load), Some(send)) = (c.r.unit(next_ip), c.r.unit(send_ip)) else {
        return Flow::Next;
    };
    if load.opcode != Opcode::LOAD_CONST as u8
        || send.opcode != Opcode::SEND as u8
        || !c
            .code()
            .consts
            .get(usize::from(load.oparg))
            .is_some_and(Value::is_none)
    {
        return Flow::Next;
    }
    let Some(g) = c.r.peek(1).ok().and_then(|v| v.downcast::<Generator>()) else {
        return Flow::Next;
    };
    let g: *const Py<Generator> = g;
    // SAFETY: `g` points into the coroutine's stack slot, which stays initialized and
    // unchanged while `resume_inline` runs (it only saves registers and pushes above).
    let g = unsafe { &*g };
    c.ip = send_ip;
    c.next_ip = send_ip + 1 + SEND_CACHE;
    let returned_ip = c.next_ip + usize::from(send.oparg);
    match resume_inline(c, g, Value::None, Resumer::Send { returned_ip }) {
        Ok(flow) => flow,
        Err(_) => {
            c.ip = ip;
            c.next_ip = next_ip;
            Flow::Next
        }
    }
}

/// `SEND`'s cache units.
const SEND_CACHE: usize = crate::instr::opcode::cache_size(Opcode::SEND) as usize;
/// `YIELD_VALUE`'s size in code units.
const YIELD_SIZE: usize = 1 + crate::instr::opcode::cache_size(Opcode::YIELD_VALUE) as usize;

/// A frame resuming at `resume_ip` is suspended in a `yield from`/`await`: the code there
/// is the compiler's `SEND; YIELD_VALUE; RESUME (after yield from/await);
/// JUMP_BACKWARD_NO_INTERRUPT (to the SEND)`. Its `SEND`'s index and jump.
#[inline(always)]
fn delegating_send(r: &Regs, resume_ip: usize) -> Option<(usize, usize)> {
    const RESUME_SIZE: usize = 1 + crate::instr::opcode::cache_size(Opcode::RESUME) as usize;
    const BACK: usize = 1 + SEND_CACHE + YIELD_SIZE;
    // The units read below lie in `[resume_ip - BACK, resume_ip + RESUME_SIZE]`.
    let send_ip = resume_ip.checked_sub(BACK)?;
    let code = r
        .frame()
        .code
        .bytecode
        .get(send_ip..=send_ip + BACK + RESUME_SIZE)?;
    // Most frames resume after a plain `yield` (`RESUME 1`): tested first.
    let resume = code[BACK].get();
    if resume.oparg & 3 < 2
        || resume.opcode != Opcode::RESUME as u8 && resume.opcode != Opcode::RESUME_CHECK as u8
    {
        return None;
    }
    let (send, yielded) = (code[0].get(), code[1 + SEND_CACHE].get());
    let back = code[BACK + RESUME_SIZE].get();
    (back.opcode == Opcode::JUMP_BACKWARD_NO_INTERRUPT as u8
        && usize::from(back.oparg) == BACK + RESUME_SIZE + 1
        && send.opcode == Opcode::SEND as u8
        && yielded.opcode == Opcode::YIELD_VALUE as u8)
        .then_some((send_ip, usize::from(send.oparg)))
}

/// `SEND` on an async generator's `asend` awaitable: runs the generator inside this loop
/// (`Resumer::ASend`); `Err(value)` (nothing changed) when it must take the Rust path.
pub(crate) fn asend_inline(
    c: &mut Ctx<'_>,
    o: &AsyncGenASend,
    v: Value,
    returned_ip: usize,
) -> Result<Flow, Value> {
    let Some(g) = o.inline_step(&v) else {
        return Err(v);
    };
    let flow = resume_inline(c, g, v, Resumer::ASend { returned_ip })?;
    o.inline_started();
    Ok(flow)
}

/// The async generator running for the caller's `SEND` yielded `v` (the caller is current
/// again, the `asend` awaitable on top of its stack): a `yield` ends the await with its
/// value; anything else (from an `await` inside) passes through to the caller.
#[inline(never)]
fn asend_yielded<const L: bool>(c: &mut Ctx<'_, L>, v: Value, returned_ip: usize) -> Flow {
    let Some(x) = unwrap_yielded(&v) else {
        crate::tri!(c.r.push(v));
        return Flow::Switch;
    };
    if let Ok(o) = c.r.peek(1)
        && let Some(o) = o.downcast::<AsyncGenASend>()
    {
        o.inline_finished(false);
    }
    crate::tri!(c.r.push(x));
    c.next_ip = returned_ip;
    Flow::Switch
}

/// The caller's `asend` awaitable (on top of its stack) after the async generator it ran
/// returned or raised.
fn asend_ended(c: &Ctx<'_>, closed: bool) {
    if let Ok(o) = c.r.peek(1)
        && let Some(o) = o.downcast::<AsyncGenASend>()
    {
        o.inline_finished(closed);
    }
}

/// `RETURN_VALUE` in a frame running inline: the generator is done; `FOR_ITER` leaves its
/// loop, `SEND` pushes the value and jumps.
pub(crate) fn return_inline(c: &mut Ctx<'_>, v: Value) -> Flow {
    let vm = c.vm;
    let f = c.frame();
    let resumer = f.take_resumer();
    let caller = f.previous.get();
    let g = f.running_gen.take();
    super::eval::pop_frame(c);
    let (Some(caller), Some(g)) = (caller, g) else {
        return Flow::Fault;
    };
    switch_to_caller(c, caller);
    // The frame is no longer used: the generator may release it.
    Generator::completed_inline(&g, vm);
    drop(g);
    match resumer {
        Resumer::ASend { .. } => {
            // The async generator is exhausted: StopAsyncIteration at the caller's `SEND`.
            drop(v);
            asend_ended(c, true);
            return c.error(vm.new_exception(&vm.exc.stop_async_iteration, vec![]));
        }
        Resumer::ForIter {
            exhausted_ip: NEXT_CALL,
        } => return next_returned(c, v),
        Resumer::ForIter { exhausted_ip } => {
            drop(v);
            c.next_ip = exhausted_ip;
        }
        Resumer::Send { returned_ip } => {
            crate::tri!(c.r.push(v));
            c.next_ip = returned_ip;
        }
        Resumer::None => return Flow::Fault,
    }
    Flow::Switch
}

/// `RETURN_VALUE` of a generator frame that `FOR_ITER` or `SEND` resumed inline and that
/// has no frame object, on the loop's registers: the frame is released out of line
/// ([`finish_returned`], given only the VM and the frame) and the caller continues as
/// [`return_inline`] would leave it. `None` (nothing changed) for anything else, which
/// then takes `return_inline` on the memory context.
#[inline(always)]
pub(crate) fn return_fast<const L: bool>(c: &mut Ctx<'_, L>) -> Option<Flow> {
    let f = c.frame();
    let (send, ip) = match f.resumer() {
        Resumer::Send { returned_ip } => (true, returned_ip),
        Resumer::ForIter { exhausted_ip } if exhausted_ip != NEXT_CALL => (false, exhausted_ip),
        _ => return None,
    };
    if f.has_frame_obj() {
        return None;
    }
    let caller = f.previous.get()?;
    let v = c.r.pop().ok()?;
    // The frame's values (up to the saved depth) are dropped with it.
    c.r.save(c.ip);
    finish_returned(c.vm, c.r.frame);
    switch_to_caller(c, caller);
    if send {
        if c.r.push(v).is_err() {
            return Some(Flow::Fault);
        }
    } else {
        drop(v);
    }
    c.next_ip = ip;
    Some(Flow::Switch)
}

/// [`return_fast`]'s release of the returned frame (no frame object), out of line: the
/// caller becomes current and the generator completes, dropping the frame.
#[inline(never)]
fn finish_returned(vm: &Vm, frame: NonNull<Frame>) {
    let f = frame_ref(frame);
    f.take_resumer();
    let g = f.running_gen.take();
    vm.exec.current.set(f.previous.get());
    vm.exec.depth.set(vm.exec.depth.get().saturating_sub(1));
    if let Some(g) = g {
        // The frame is freed here: `f` is not used afterwards.
        Generator::completed_inline(&g, vm);
        drop(g);
    }
}

/// An exception left `frame`, a frame that ran inline and was already popped (the loop
/// runs the caller now): the generator is done.
pub(crate) fn abandon(c: &Ctx<'_>, frame: &Frame, err: &PyErr) {
    let resumer = frame.take_resumer();
    if let Some(g) = frame.running_gen.take() {
        if let Resumer::ASend { .. } = resumer {
            let vm = c.vm;
            asend_ended(
                c,
                err.matches(&vm.exc.stop_async_iteration) || err.matches(&vm.exc.generator_exit),
            );
        }
        Generator::completed_inline(&g, c.vm);
        drop(g);
    }
}

/// [`Resumer::ForIter`]'s continuation for a generator resumed by `next(gen)`
/// ([`call_next`]): a yield pushes the value as for `FOR_ITER`; returning raises
/// StopIteration at the `CALL` instead of leaving a loop. (Not a variant of its own: a new
/// variant changed the register allocation of the whole eval loop.)
const NEXT_CALL: usize = usize::MAX;

/// `CALL` of the builtin `next` with a generator and no default (`next(gen)`, checked by
/// [`next_resumes`]): resumes it inside this loop as `FOR_ITER` does ([`NEXT_CALL`])
/// instead of through `gen.__next__` and a nested loop. The call's operands are popped
/// first (the running frame holds the generator), so a yield pushes the call's result as
/// `FOR_ITER`'s does.
#[inline(never)]
pub(crate) fn call_next(c: &mut Ctx<'_>) -> Flow {
    let (Ok(g), Ok(null), Ok(next)) = (c.r.pop(), c.r.pop(), c.r.pop()) else {
        return Flow::Fault;
    };
    drop((null, next));
    let Ok(g) = g.into_downcast::<Generator>() else {
        return Flow::Fault;
    };
    // Checked by `next_resumes`: the generator resumes.
    resume_inline(
        c,
        &g,
        Value::None,
        Resumer::ForIter {
            exhausted_ip: NEXT_CALL,
        },
    )
    .unwrap_or(Flow::Fault)
}

/// The call on `r`'s stack with `nargs` arguments is `next(gen)` (the builtin, no
/// default) of a generator that `resume_inline` resumes.
#[inline(never)]
pub(crate) fn next_resumes(vm: &Vm, r: Regs, nargs: usize) -> bool {
    if nargs != 1 || vm.exec.depth.get() >= vm.recursion_limit() {
        return false;
    }
    let (Ok(callable), Ok(this), Ok(arg)) = (r.peek(3), r.peek(2), r.peek(1)) else {
        return false;
    };
    let Some(nf) = callable.downcast::<NativeFunction>() else {
        return false;
    };
    let Some(g) = arg.downcast::<Generator>() else {
        return false;
    };
    crate::stdlib::builtins::is_next(nf.func)
        && nf.bound_self.is_null()
        && this.is_null()
        && g.kind == GenKind::Generator
        && matches!(g.state(), GenState::Suspended | GenState::Created)
        && g.frame_ptr().is_some()
}

/// The generator resumed by the caller's `next(gen)` returned `v`: StopIteration (with
/// the value unless it is None) at the `CALL`.
#[cold]
#[inline(never)]
fn next_returned(c: &mut Ctx<'_>, v: Value) -> Flow {
    c.error(c.vm.new_stop_iteration(v))
}

/// Loads `caller`'s registers and continuation into `c` (the caller becomes the frame `c`
/// runs; making it current and the depth are the caller's business).
#[inline(always)]
pub(crate) fn switch_to_caller<const L: bool>(
    c: &mut Ctx<'_, L>,
    caller: std::ptr::NonNull<Frame>,
) {
    c.r = Regs::load(caller);
    let cf = frame_ref(caller);
    c.next_ip = cf.return_ip.get();
    c.ip = cf.ip.get();
}

/// A consumer's per-item fast path: offered each value the generator it drives yields, it
/// takes it (`Ok`) or hands it back (`Err`), and the generator then yields it as usual. It
/// must not run Python code: the generator is still running while it does.
pub type Absorb<'a> = dyn FnMut(Value) -> Result<(), Value> + 'a;

/// The consumer driving the generator frame `frame` (`types::generator::drive` installs
/// it in `ExecState::gen_sink` for one eval-loop entry and restores the previous one).
#[derive(Clone, Copy)]
pub struct Sink {
    pub(crate) frame: NonNull<Frame>,
    absorb: NonNull<Absorb<'static>>,
}

impl Sink {
    /// A sink for `frame`. The caller keeps `absorb` alive and unused while the sink is
    /// installed.
    pub(crate) fn new(frame: NonNull<Frame>, absorb: &mut Absorb<'_>) -> Sink {
        let absorb = NonNull::from(absorb);
        // SAFETY: only the lifetime is erased; `drive` uninstalls the sink before `absorb`'s
        // borrow ends.
        let absorb =
            unsafe { std::mem::transmute::<NonNull<Absorb<'_>>, NonNull<Absorb<'static>>>(absorb) };
        Sink { frame, absorb }
    }
}

/// The consumer took the value the frame yielded: the frame goes on as if resumed with
/// None. When the `yield`'s result is unused (the compiler's `RESUME 1; POP_TOP` follow it,
/// as in every generator expression), the None is not pushed and both instructions are
/// skipped: `RESUME` after a `yield` only runs the periodic check, done here (its
/// quickening to `RESUME_CHECK` changes nothing else). ~30 instructions per item of
/// `sum`/`set`/`list`/... over a generator.
#[inline(always)]
pub(crate) fn resume_taken<const L: bool>(c: &mut Ctx<'_, L>) -> Flow {
    const RESUME_SIZE: usize = 1 + crate::instr::opcode::cache_size(Opcode::RESUME) as usize;
    const POP_SIZE: usize = 1 + crate::instr::opcode::cache_size(Opcode::POP_TOP) as usize;
    let at = c.next_ip;
    if let (Some(resume), Some(pop)) = (c.r.unit(at), c.r.unit(at + RESUME_SIZE))
        && (resume.opcode == Opcode::RESUME as u8 || resume.opcode == Opcode::RESUME_CHECK as u8)
        && resume.oparg & 3 == 1
        && pop.opcode == Opcode::POP_TOP as u8
    {
        if crate::object::gc::pending() {
            c.r.save(at);
            c.vm.gc_collect_pending();
        }
        c.next_ip = at + RESUME_SIZE + POP_SIZE;
        return Flow::Next;
    }
    crate::tri!(c.r.push(Value::None));
    Flow::Next
}

/// Offers `v` to the consumer driving the yielding frame.
#[inline(never)]
pub(crate) fn offer(sink: Sink, v: Value) -> Result<(), Value> {
    // SAFETY: the sink is installed only while `drive` runs the eval loop, holding the
    // closure borrowed and not touching it; the closure runs no Python code, so it cannot
    // be re-entered.
    unsafe { (*sink.absorb.as_ptr())(v) }
}

/// A generator function's frame just pushed by `CALL` or from native code (an
/// `__iter__`/`__aiter__` written as a generator, called by `iter()` or
/// `GET_YIELD_FROM_ITER`): when its code starts with `RETURN_GENERATOR` (no cells to make
/// first), the generator is made
/// here as that instruction would make it, without entering the eval loop for one
/// instruction. `None`, with nothing changed, otherwise.
///
/// A generator expression's code starts with `COPY_FREE_VARS n; RETURN_GENERATOR` when it
/// closes over variables of its function: the cells are copied here first, as that
/// instruction would copy them (repeating it later, if the generator is not made here,
/// copies the same cells again).
#[inline(never)]
pub(crate) fn start_generator_frame(vm: &Vm, frame: NonNull<Frame>) -> Option<Value> {
    let mut r = Regs::load(frame);
    let first = r.unit(0)?;
    // The generator resumes after `RETURN_GENERATOR` (neither instruction has caches).
    let start = if first.opcode == Opcode::RETURN_GENERATOR as u8 {
        1
    } else if first.opcode == Opcode::COPY_FREE_VARS as u8
        && r.unit(1)?.opcode == Opcode::RETURN_GENERATOR as u8
    {
        copy_free_vars(&mut r, usize::from(first.oparg))?;
        2
    } else {
        return None;
    };
    r.save(start);
    let Some(g) = crate::types::generator::new_generator(vm, frame) else {
        r.save(0);
        return None;
    };
    Some(g.into())
}

/// `COPY_FREE_VARS n` on the frame of `r`: the function's first `n` closure cells into the
/// last `n` slots of its locals. `None`, with nothing changed, when they do not fit.
fn copy_free_vars(r: &mut Regs, n: usize) -> Option<()> {
    let f = r.frame();
    let nlocalsplus = f.nlocalsplus();
    let closure = f.func.as_ref()?.closure.get()?;
    if closure.len() < n || nlocalsplus < n {
        return None;
    }
    let offset = nlocalsplus - n;
    for (k, cell) in closure.as_slice().iter().take(n).enumerate() {
        drop(r.set_local(offset + k, cell.clone()).ok()?);
    }
    Some(())
}
