//! The eval loop: fetch, decode (with `EXTENDED_ARG`), dispatch the generated handler, and
//! act on its flow: continue, switch frames (Python-to-Python calls and returns happen here
//! without Rust recursion), deopt, or unwind an exception through the exception table and
//! the frame chain, adding traceback entries and chaining `__context__`.

use std::ptr::NonNull;

use crate::object::Value;
use crate::runtime::{PyErr, PyResult, Vm};
use crate::types::exception::BaseException;

use super::frame::{Frame, Owner, Regs, Resumer, ReturnTo, frame_ref};
use super::{Ctx, Exit, Flow, dispatch};

/// Runs `entry` (already pushed and initialized) until it returns or yields. With `throw`,
/// the frame resumes by raising that exception at its current instruction (generator
/// `throw()`).
pub fn run(vm: &Vm, entry: NonNull<Frame>, throw: Option<PyErr>) -> PyResult<Exit> {
    let f = frame_ref(entry);
    f.set_entry(true);
    f.previous.set(vm.exec.current.get());
    vm.exec.current.set(Some(entry));
    let ip = f.ip.get();
    let mut c = Ctx {
        vm,
        r: Regs::load(entry),
        ip,
        next_ip: ip,
        oparg: 0,
        err: None,
        exit: None,
    };
    let result = match throw {
        Some(e) => {
            // The exception surfaces at the suspended yield (the instruction before ip).
            c.ip = ip.saturating_sub(1);
            match unwind(&mut c, e, true) {
                Ok(()) => run_loop(&mut c),
                Err(e) => Err(e),
            }
        }
        None => run_loop(&mut c),
    };
    // Leaving the entry frame: unlink it (its caller is current again).
    let f = frame_ref(c.r.frame);
    vm.exec.current.set(f.previous.get());
    f.set_entry(false);
    result
}

/// The loop proper. The running frame's registers and the next instruction's index live in
/// locals (`r`, `next_ip`) that only `dispatch::step` touches, so LLVM keeps them in
/// machine registers; `c` is the memory-resident context out-of-line code works on, synced
/// by `step` around it and reloaded here after any flow but `Next`/`Switch`.
fn run_loop(c: &mut Ctx<'_>) -> PyResult<Exit> {
    let mut r = c.r;
    let mut next_ip = c.next_ip;
    loop {
        // Every place execution continues at is an instruction the verifier checked
        // (`exec::verify`), so the fetch needs no bounds check. `EXTENDED_ARG` is an
        // instruction of its own that folds its prefixes and runs the instruction they
        // extend (`dispatch::extended_arg`), so decoding tests nothing here.
        let ip = next_ip;
        let unit = r.fetch(ip);
        let oparg = u32::from(unit.oparg);
        #[cfg(debug_assertions)]
        trace(r, ip, oparg, unit.opcode);
        let flow = dispatch::step(unit.opcode, ip, oparg, &mut r, &mut next_ip, c);
        if flow != Flow::Next && flow != Flow::Switch {
            if let Some(exit) = after_flow(c, flow)? {
                return Ok(exit);
            }
            r = c.r;
            next_ip = c.next_ip;
        }
    }
}

/// Everything but `Next`/`Switch`: the entry frame's exit, deopts, and exceptions.
/// `Ok(Some(exit))` leaves the loop; `Ok(None)` continues at `c.next_ip`.
#[cold]
#[inline(never)]
fn after_flow(c: &mut Ctx<'_>, flow: Flow) -> PyResult<Option<Exit>> {
    let flow = match flow {
        Flow::Deopt => {
            let base = c.op().deopt();
            let again = dispatch::execute(base as u8, c.ip, c);
            if again == Flow::Deopt {
                let e = c.vm.new_system_error("family head deoptimized");
                unwind(c, e, true)?;
                return Ok(None);
            }
            again
        }
        other => other,
    };
    match flow {
        Flow::Next | Flow::Switch => Ok(None),
        Flow::Exit => {
            let Some(exit) = c.exit.take() else {
                let e = c.vm.new_system_error("eval loop exit without a value");
                unwind(c, e, true)?;
                return Ok(None);
            };
            if let Exit::Return(_) = &exit {
                release_entry(c);
            }
            Ok(Some(exit))
        }
        Flow::Error | Flow::Reraise => {
            let e = c
                .err
                .take()
                .unwrap_or_else(|| c.vm.new_system_error("error flow without an exception"));
            unwind(c, e, flow == Flow::Error)?;
            Ok(None)
        }
        Flow::Fault | Flow::Deopt | Flow::Escape => {
            let e =
                c.vm.new_system_error("bytecode broke the stack discipline (compiler bug)");
            unwind(c, e, true)?;
            Ok(None)
        }
    }
}

/// Debug builds print every instruction when `RPY_TRACE` is set.
#[cfg(debug_assertions)]
fn trace(r: Regs, ip: usize, oparg: u32, byte: u8) {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    if *ON.get_or_init(|| std::env::var_os("RPY_TRACE").is_some()) {
        let f = frame_ref(r.frame);
        eprintln!(
            "[{}:{}] {:?} {} (stack {})",
            f.code.name.to_lossy(),
            ip,
            crate::instr::Opcode::from_u8(byte),
            oparg,
            r.depth()
        );
    }
}

/// Releases the entry frame after it returned (data-stack frames only; generator frames
/// belong to their generator).
fn release_entry(c: &mut Ctx<'_>) {
    let f = frame_ref(c.r.frame);
    if let Owner::DataStack = f.owner.get() {
        if f.frame_obj().is_none() {
            // SAFETY: the entry frame is the topmost data-stack frame (everything it called
            // has returned), `c.r` holds its live stack depth, it has no frame object, and
            // nothing uses it after this.
            unsafe { c.vm.exec.stack.pop_return(&c.r) };
        } else {
            snapshot_frame_object(c.vm, f);
            // SAFETY: as above (`pop` reads the depth saved in the header).
            unsafe { c.vm.exec.stack.pop(c.r.frame) };
        }
        c.vm.exec.depth.set(c.vm.exec.depth.get().saturating_sub(1));
    }
}

/// Freezes a frame object's view of a frame that is going away.
pub(crate) fn snapshot_frame_object(vm: &Vm, f: &Frame) {
    if let Some(fo) = f.frame_obj() {
        crate::types::traceback::FrameObj::freeze(&fo, vm, f);
    }
}

/// Handles an exception raised at `c.ip`: finds a handler in this frame or pops frames
/// until one has one. `Ok(())` means execution continues at `c.next_ip` in `c.r`'s frame;
/// `Err` means the exception leaves the entry frame.
pub(crate) fn unwind(c: &mut Ctx<'_>, err: PyErr, add_tb: bool) -> PyResult<()> {
    let vm = c.vm;
    let mut add_tb = add_tb;
    set_context(vm, &err);
    loop {
        if add_tb {
            c.r.save(c.ip);
            super::traceback::add_traceback(vm, &err, c.r.frame(), c.ip);
        }
        let frame = frame_ref(c.r.frame);
        if let Some(h) = frame.code.handler_for(c.ip as u32) {
            if c.r.truncate(h.depth as usize).is_err() {
                return Err(vm.new_system_error("exception table depth exceeds the stack"));
            }
            if h.lasti && c.r.push_checked(Value::Int(c.ip as i64)).is_err() {
                return Err(vm.new_system_error("exception handler overflows the stack"));
            }
            if c.r.push_checked(err.value()).is_err() {
                return Err(vm.new_system_error("exception handler overflows the stack"));
            }
            c.next_ip = h.target as usize;
            return Ok(());
        }
        // No handler here: the frame is done.
        if frame.is_entry() {
            c.r.truncate(0).ok();
            c.r.save(c.ip);
            if let Owner::DataStack = frame.owner.get() {
                release_entry(c);
            }
            return Err(err);
        }
        let caller = frame.previous.get();
        let inline_gen = frame.resumer() != Resumer::None;
        let to = frame.return_to();
        pop_frame(c);
        let Some(caller) = caller else {
            return Err(err);
        };
        c.r = Regs::load(caller);
        c.ip = frame_ref(caller).ip.get();
        // StopIteration out of a `__next__` that `FOR_ITER` ran as a frame ends the loop,
        // as the iterator protocol's exhaustion does.
        if let ReturnTo::Next(exhausted) = to
            && err.matches(&vm.exc.stop_iteration)
        {
            c.next_ip = exhausted as usize;
            return Ok(());
        }
        if inline_gen {
            super::genframe::abandon(c, frame, &err);
        }
        add_tb = true;
    }
}

/// Pops the current (non-entry) frame and makes its caller current.
pub(crate) fn pop_frame(c: &mut Ctx<'_>) {
    let vm = c.vm;
    let frame = c.r.frame;
    let f = frame_ref(frame);
    c.r.truncate(0).ok();
    // The saved depth (now 0) tells `Frame::destroy` which values are live.
    c.r.save(c.ip);
    vm.exec.current.set(f.previous.get());
    vm.exec.depth.set(vm.exec.depth.get().saturating_sub(1));
    let keeps_state = matches!(f.owner.get(), Owner::Generator);
    // Only a frame object needs freezing (a generator's frame is released later).
    if f.has_frame_obj() {
        snapshot_frame_object(vm, f);
    }
    if !keeps_state {
        // SAFETY: a non-entry running data-stack frame is the topmost one.
        unsafe { vm.exec.stack.pop(frame) }
    }
}

/// Sets `__context__` of a newly raised exception to the exception being handled, as
/// CPython does when an exception is raised inside an `except` or `finally` block.
fn set_context(vm: &Vm, err: &PyErr) {
    if err.exc().context_kept() {
        return;
    }
    let Some(handled) = vm.handled_exception() else {
        return;
    };
    let exc = err.exc();
    if handled.as_obj().is_some_and(|h| h.is(exc.as_obj())) {
        return;
    }
    if !exc.context().is_none() {
        return;
    }
    // Break cycles: if `exc` is already in the handled exception's context chain, cut it.
    let mut o = handled.clone();
    let mut steps = 0;
    while let Some(e) = o.downcast::<BaseException>() {
        let next = e.context();
        if next.as_obj().is_some_and(|n| n.is(exc.as_obj())) {
            e.set_context(Value::None);
            break;
        }
        o = next;
        steps += 1;
        if steps > 10_000 {
            break;
        }
    }
    exc.set_context(handled);
}

impl Vm {
    /// The exception currently being handled (`sys.exception()`), if any.
    pub fn handled_exception(&self) -> Option<Value> {
        self.exec.handled.with(|h| {
            h.iter()
                .rev()
                .find(|v| !v.is_none() && !v.is_null())
                .cloned()
        })
    }

    /// The globals of the innermost running Python frame.
    pub fn current_globals(&self) -> Option<crate::object::Py<crate::types::dict::Dict>> {
        self.exec
            .current
            .get()
            .map(|f| frame_ref(f).globals().clone())
    }

    /// The innermost running Python frame.
    pub fn current_frame(&self) -> Option<NonNull<Frame>> {
        self.exec.current.get()
    }
}
