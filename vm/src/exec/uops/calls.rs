//! Calls, returns, generator creation and suspension, functions, and intrinsics.
//!
//! Calling a Python function pushes its frame and switches to it in the same Rust loop;
//! returning pops it and resumes the caller: no Rust recursion.

use crate::compile::code::co_flags;
use crate::exec::frame::{Regs, Resumer, ReturnTo, frame_ref};
use crate::exec::{Ctx, Exit, Flow};
use crate::object::{Py, PyCell, Value};
use crate::object::{Type, type_flags};
use crate::runtime::Args;
use crate::runtime::Vm;
use crate::runtime::slot_dispatch::{binary_dunder, is_slot_call, is_slot_init};
use crate::tri;
use crate::types::code::Code;
use crate::types::descr::{MethodDescr, MethodKind, SlotWrapper};
use crate::types::dict::Dict;
use crate::types::function::{BoundMethod, Function, NativeFn, NativeFunction};
use crate::types::object::{ObjectBase, is_object_new};
use crate::types::str::Str;
use crate::types::tuple::Tuple;

/// `(callable, NULL, args) -> (func, self, args)` for bound methods.
#[inline(always)]
pub(crate) fn _MAYBE_EXPAND_METHOD<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let n = c.oparg as usize;
    expand_method(c, n + 2, n + 1)
}

/// `_MAYBE_EXPAND_METHOD` with a kwnames tuple on top.
#[inline(always)]
pub(crate) fn _MAYBE_EXPAND_METHOD_KW<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let n = c.oparg as usize;
    expand_method(c, n + 3, n + 2)
}

/// Idempotent (a second run sees `self` in place), so `CALL` may escape after it. The
/// callable's type is tested first: for the common callable (a function, whose type test
/// `CALL` repeats next and LLVM folds), the NULL slot is not read here.
#[inline(always)]
fn expand_method<const L: bool>(c: &mut Ctx<'_, L>, callable_at: usize, self_at: usize) -> Flow {
    let Some(m) = tri!(c.r.peek(callable_at)).downcast::<BoundMethod>() else {
        return Flow::Next;
    };
    if !tri!(c.r.peek(self_at)).is_null() {
        return Flow::Next;
    }
    let (func, this) = (m.func.clone(), m.this.clone());
    drop(tri!(c.r.replace(callable_at, func)));
    tri!(c.r.replace(self_at, this));
    Flow::Next
}

/// The common call: a Python function called with its positional parameters (or the
/// first ones, the rest having defaults) gets a frame holding the moved callable and
/// arguments, and the loop switches to it; all inline, so `CALL` runs on the loop's
/// registers. `None` (nothing changed) for anything else.
#[inline(always)]
fn call_python_fast<const L: bool>(c: &mut Ctx<'_, L>, nargs: usize) -> Option<Flow> {
    let vm = c.vm;
    let depth = vm.exec.depth.get();
    if depth >= vm.recursion_limit() {
        return None;
    }
    let callee = vm.exec.stack.push_call(&mut c.r, nargs)?;
    // A generator function's frame starts with `RETURN_GENERATOR` (no cells to make
    // first; a generator expression's free variables may be copied before it): its
    // generator is made here as that instruction would make it, without
    // switching to the frame and back (gens: small edit in calls' path).
    // A closure's code starts with `COPY_FREE_VARS` too; only a generator's is followed by
    // `RETURN_GENERATOR` (the verifier rules out a fall-through past the end, so unit 1
    // exists), which keeps methods using `super()` off the out-of-line call.
    use crate::instr::Opcode::{COPY_FREE_VARS, RETURN_GENERATOR};
    let first = callee.fetch(0).opcode;
    if (first == RETURN_GENERATOR as u8
        || (first == COPY_FREE_VARS as u8 && callee.fetch(1).opcode == RETURN_GENERATOR as u8))
        && let Some(g) = crate::exec::genframe::start_generator_frame(vm, callee.frame)
    {
        if c.r.push(g).is_err() {
            return Some(Flow::Fault);
        }
        return Some(Flow::Next);
    }
    vm.exec.depth.set(depth + 1);
    c.r.save(c.ip);
    c.frame().return_ip.set(c.next_ip);
    vm.exec.current.set(Some(callee.frame));
    c.r = callee;
    c.next_ip = 0;
    Some(Flow::Switch)
}

/// `c(args)` on an instance whose class defines `__call__` as a plain Python function:
/// that function, which is called as the method `(__call__, c, args)` instead of through
/// `type.__call__`'s slot re-entering the loop from Rust. `None` when it does not apply.
#[inline(always)]
fn call_dunder(vm: &Vm, callable: &Value) -> Option<Value> {
    let cls = callable.class(vm);
    if !is_slot_call(cls.slots.call.get()) {
        return None;
    }
    let f = vm.type_lookup(cls, &vm.names.__call__)?;
    f.downcast::<Function>()?;
    Some(f)
}

/// The `__init__` to run for `C(args)` (`callable` the class, `this` the NULL/self slot)
/// when the class's metaclass is `type`, its `__new__` is `object.__new__` and its
/// `__init__` a plain (not generator) Python function; `None` otherwise.
#[inline(always)]
fn init_target(vm: &Vm, callable: &Value, this: &Value) -> Option<Py<Function>> {
    if !this.is_null() {
        return None;
    }
    let cls = callable.downcast::<Type>()?;
    if !callable.class(vm).is(&vm.types.type_)
        || !is_object_new(cls.slots.new.get())
        || !is_slot_init(cls.slots.init.get())
        || cls.has_flag(type_flags::ABSTRACT)
    {
        return None;
    }
    // The `__init__` found last time, while the class is unchanged (no method-cache
    // probe, no code-flags test).
    if let Some(init) = cls.call_cache() {
        return init.into_downcast::<Function>().ok();
    }
    init_lookup(vm, cls)
}

/// [`init_target`]'s look-up of a plain `__init__` function, remembered on the class
/// ([`Type::call_cache`]) when found.
#[inline(never)]
fn init_lookup(vm: &Vm, cls: &Py<Type>) -> Option<Py<Function>> {
    let func = vm
        .type_lookup(cls, &vm.names.__init__)?
        .into_downcast::<Function>()
        .ok()?;
    if func.code.with(|code| {
        code.flags & (co_flags::GENERATOR | co_flags::COROUTINE | co_flags::ASYNC_GENERATOR) != 0
    }) {
        return None;
    }
    cls.set_call_cache(Value::from(&func));
    Some(func)
}

/// The calls that push a frame after a look-up on the callable's class, with positional
/// arguments: `C(args)` for a class [`init_target`] accepts (CPython's
/// `_CALL_ALLOC_AND_ENTER_INIT`: the instance is allocated and left on the stack as the
/// call's result, and the `__init__` frame returns into [`ReturnTo::Init`], which checks
/// it returned None), and `c(args)` on an instance with a Python `__call__`
/// ([`call_dunder`]: `(c, NULL, args)` becomes the method call `(__call__, c, args)`,
/// which stays valid for the general path if no frame is pushed). Out of line so the
/// eval loop's `CALL` stays small (inlined, these paths cost the common call ~30 machine
/// instructions in spills); `caller` is a copy of the loop's registers, and on success
/// the caller's header is saved (sp, ip, `return_ip`) and the new frame made current, so
/// the loop only loads the returned registers. `None` (nothing pushed) when it does not
/// apply; `Some(Err)` (nothing changed) when the allocation fails.
#[inline(never)]
fn push_class_lookup_frame(
    vm: &Vm,
    mut caller: Regs,
    ip: usize,
    next_ip: usize,
    nargs: usize,
) -> Option<crate::runtime::PyResult<Regs>> {
    let depth = vm.exec.depth.get();
    if depth >= vm.recursion_limit() {
        return None;
    }
    let (callable, this) = (caller.peek(nargs + 2).ok()?, caller.peek(nargs + 1).ok()?);
    if !this.is_null() {
        return None;
    }
    let callee = if callable.downcast::<Type>().is_some() {
        let func = init_target(vm, callable, this)?;
        let pushed = vm.exec.stack.push_init(&mut caller, func, nargs, |cls| {
            vm.alloc_instance(cls, ObjectBase)
        })?;
        match pushed {
            Ok(callee) => callee,
            Err(e) => return Some(Err(e)),
        }
    } else {
        let f = call_dunder(vm, callable)?;
        // The instance moves into the NULL slot (which holds nothing) and the method
        // takes its place: verified stack operations, which cannot fail after the peeks.
        let callable = caller.replace(nargs + 2, f).ok()?;
        drop(caller.replace(nargs + 1, callable));
        vm.exec.stack.push_call(&mut caller, nargs)?
    };
    vm.exec.depth.set(depth + 1);
    caller.save(ip);
    frame_ref(caller.frame).return_ip.set(next_ip);
    vm.exec.current.set(Some(callee.frame));
    Some(Ok(callee))
}

/// What [`call_native_fast`] calls.
enum NativeTarget {
    /// A native implementation, given the arguments (`self` first when there is one).
    Fn(NativeFn),
    /// A builtin type (`int(x)`, `len` is a function), a class without a Python
    /// `__init__` or a slot wrapper with its receiver: through the callable's call slot.
    Type,
}

/// A native callable with positional arguments, called with a slice of the stack as its
/// arguments (CPython's `CALL_BUILTIN_O`/`_FAST`, `CALL_METHOD_DESCRIPTOR_O`/`_FAST` and
/// `CALL_BUILTIN_CLASS`, done generically): a builtin function (a bound one's receiver
/// is written into the NULL slot below the arguments, as CPython's `self_or_null`
/// does), an instance method descriptor with a receiver of its type (`list.append`
/// loaded as a method), a class without a Python `__init__` (builtin types, `class
/// C(list): pass`) or a slot wrapper with its receiver (`super().__init__()` reaching
/// `object.__init__`). No `Args` binding or escape to the memory context: the
/// implementation is reached through a function pointer (the classes and wrappers through
/// `Vm::call`) that never sees the context, so `CALL` stays on the loop's registers.
/// `None` (nothing changed) for anything else.
#[inline(always)]
fn call_native_fast<const L: bool>(c: &mut Ctx<'_, L>, nargs: usize) -> Option<Flow> {
    let vm = c.vm;
    let callable = c.r.peek(nargs + 2).ok()?;
    let this = c.r.peek(nargs + 1).ok()?;
    let mut has_self = !this.is_null();
    let mut receiver = None;
    let target = if let Some(nf) = callable.downcast::<NativeFunction>() {
        // `next(gen)` resumes the generator inside this loop, from the memory context.
        if crate::stdlib::builtins::is_next(nf.func)
            && crate::exec::genframe::next_resumes(vm, c.r, nargs)
        {
            return Some(match c.full() {
                Some(c) => crate::exec::genframe::call_next(c),
                None => Flow::Escape,
            });
        }
        if !nf.bound_self.is_null() {
            if has_self {
                return None;
            }
            receiver = Some(nf.bound_self.clone());
            has_self = true;
        }
        NativeTarget::Fn(nf.func)
    } else if let Some(d) = callable.downcast::<MethodDescr>() {
        if d.kind != MethodKind::Instance || !has_self {
            return None;
        }
        let cls = this.class(vm);
        if !cls.is(&d.owner) && !cls.is_subtype(&d.owner) {
            return None;
        }
        NativeTarget::Fn(d.func)
    } else if let Some(t) = callable.downcast::<Type>() {
        // A class with a Python `__init__` may get its frame pushed instead
        // (`push_class_lookup_frame`); other classes are called as builtin types are.
        if (t.has_flag(type_flags::HEAPTYPE) && is_slot_init(t.slots.init.get()))
            || !callable.class(vm).is(&vm.types.type_)
        {
            return None;
        }
        NativeTarget::Type
    } else if has_self && callable.downcast::<SlotWrapper>().is_some() {
        // `super().__init__()` reaching `object.__init__`: the bound slot wrapper was
        // expanded into the wrapper and its receiver; `slot_wrapper_call` checks the
        // receiver's type.
        NativeTarget::Type
    } else {
        return None;
    };
    // From here the call happens: stack operations are verified (a failure is a fault).
    if let Some(receiver) = receiver {
        match c.r.replace(nargs + 1, receiver) {
            Ok(null) => drop(null),
            Err(_) => return Some(Flow::Fault),
        }
    }
    // The header's ip (for `f_lineno` of Python code the callee runs) and depth, as the
    // memory context's sync does.
    c.r.save(c.ip);
    let total = nargs + usize::from(has_self);
    let result = {
        let Ok(args) = c.r.top_slice(total) else {
            return Some(Flow::Fault);
        };
        match target {
            NativeTarget::Fn(f) => f(vm, Args::positional(args)),
            NativeTarget::Type => match c.r.peek(nargs + 2) {
                Ok(callable) => vm.call(callable, Args::positional(args)),
                Err(_) => return Some(Flow::Fault),
            },
        }
    };
    if c.r.drop_n(nargs + 2).is_err() {
        return Some(Flow::Fault);
    }
    Some(match result {
        Ok(v) => match c.r.push(v) {
            Ok(()) => Flow::Next,
            Err(_) => Flow::Fault,
        },
        Err(e) => c.error(e),
    })
}

/// Calls the callable below `nargs` arguments (plus `self` when present) and a NULL/self
/// slot, with optional keyword names; Python functions get a new frame inline.
#[inline(always)]
fn do_call(c: &mut Ctx<'_>, nargs: usize, kwnames: Option<Py<Tuple>>) -> Flow {
    let has_self = !tri!(c.r.peek(nargs + 1)).is_null();
    let total = nargs + usize::from(has_self);
    let vm = c.vm;
    // A Python function binds its arguments straight from the stack (pushing a frame only
    // writes above this one, so borrowing the callable and arguments is sound).
    if let Some(func) = tri!(c.r.peek(nargs + 2)).downcast::<Function>() {
        let args = tri!(c.r.top_slice(total));
        let frame =
            crate::exec::call::push_function_frame(vm, func, Args::new(args, kwnames.as_ref()));
        tri!(c.r.drop_n(nargs + 2));
        return match frame {
            Ok(f) => c.enter_frame(f),
            Err(e) => c.error(e),
        };
    }
    call_generic(c, nargs, total, kwnames)
}

/// Any other callable: through `Vm::call` (a Rust-level call).
#[inline(never)]
fn call_generic(c: &mut Ctx<'_>, nargs: usize, total: usize, kwnames: Option<Py<Tuple>>) -> Flow {
    if let Some(flow) = alloc_and_enter_init(c, nargs, kwnames.as_ref()) {
        return flow;
    }
    let vm = c.vm;
    let callable = tri!(c.r.peek(nargs + 2)).clone();
    let result = {
        let args = tri!(c.r.top_slice(total));
        vm.call(&callable, Args::new(args, kwnames.as_ref()))
    };
    tri!(c.r.drop_n(nargs + 2));
    match result {
        Ok(v) => {
            tri!(c.r.push(v));
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}

/// `C(args)` for a class [`init_target`] accepts, in the shapes [`push_class_lookup_frame`] does
/// not take (keywords, parameters `bind_args` handles, a frame needing a new chunk, the
/// recursion limit): allocates the instance, leaves it on the stack as the call's result,
/// and pushes the `__init__` frame in this loop through the general binding instead of
/// re-entering it through `type.__call__`. Returning from that frame checks the result is
/// None ([`Ctx::return_to_caller`]). `None` when the class does not qualify.
fn alloc_and_enter_init(
    c: &mut Ctx<'_>,
    nargs: usize,
    kwnames: Option<&Py<Tuple>>,
) -> Option<Flow> {
    let vm = c.vm;
    let func = init_target(vm, c.r.peek(nargs + 2).ok()?, c.r.peek(nargs + 1).ok()?)?;
    let cls = c.r.peek(nargs + 2).ok()?.downcast::<Type>()?;
    let obj = match vm.alloc_instance(cls, ObjectBase) {
        Ok(o) => o,
        Err(e) => return Some(c.error(e)),
    };
    // From here the stack is being rewritten: a failing stack operation (impossible after
    // the peeks above) is a fault, never a fall back to the generic call on a half-changed
    // stack. The instance fills the NULL slot, so `self` and the arguments are contiguous.
    let Ok(null) = c.r.replace(nargs + 1, obj.clone()) else {
        return Some(Flow::Fault);
    };
    drop(null);
    let frame = match c.r.top_slice(nargs + 1) {
        Ok(args) => crate::exec::call::push_function_frame(vm, &func, Args::new(args, kwnames)),
        Err(_) => return Some(Flow::Fault),
    };
    // The class's slot now holds the result.
    if c.r.drop_n(nargs + 1).is_err() {
        return Some(Flow::Fault);
    }
    let Ok(class) = c.r.replace(1, obj) else {
        return Some(Flow::Fault);
    };
    drop(class);
    Some(match frame {
        Ok(f) => {
            frame_ref(f).set_return_to(ReturnTo::Init);
            c.enter_frame(f)
        }
        Err(e) => c.error(e),
    })
}

/// `BINARY_OP` whose operator is a Python dunder of the left operand's class
/// ([`binary_dunder`]): the dunder's frame is pushed in this loop (CPython's
/// `BINARY_OP_SUBSCR_GETITEM`, here for the arithmetic operators too) instead of
/// re-entering it from the number protocol. The operands stay on the stack until it
/// returns ([`ReturnTo::BinaryOp`]). `None` (nothing changed) when it does not apply.
#[inline(never)]
pub(crate) fn binary_dunder_frame(c: &mut Ctx<'_>) -> Option<Flow> {
    let vm = c.vm;
    let depth = vm.exec.depth.get();
    if depth >= vm.recursion_limit() {
        return None;
    }
    let func = binary_dunder(vm, c.r.peek(2).ok()?, c.r.peek(1).ok()?, c.oparg)?;
    if func.code.with(|code| {
        code.flags & (co_flags::GENERATOR | co_flags::COROUTINE | co_flags::ASYNC_GENERATOR) != 0
    }) {
        return None;
    }
    let oparg = u8::try_from(c.oparg).ok()?;
    let f = vm.exec.stack.push_operands(&c.r, func, 2)?;
    vm.exec.depth.set(depth + 1);
    frame_ref(f).set_return_to(ReturnTo::BinaryOp(oparg));
    Some(c.enter_frame(f))
}

/// `CALL n`.
#[inline(always)]
pub(crate) fn _DO_CALL<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let nargs = c.oparg as usize;
    if let Some(flow) = call_python_fast(c, nargs) {
        return flow;
    }
    if let Some(flow) = call_native_fast(c, nargs) {
        return flow;
    }
    match push_class_lookup_frame(c.vm, c.r, c.ip, c.next_ip, nargs) {
        Some(Ok(callee)) => {
            c.r = callee;
            c.next_ip = 0;
            return Flow::Switch;
        }
        Some(Err(e)) => return c.error(e),
        None => {}
    }
    match c.full() {
        Some(c) => do_call(c, nargs, None),
        None => Flow::Escape,
    }
}

/// `CALL_KW n`: `(callable, self_or_null, args[n], kwnames -- res)`. A Python function
/// whose keywords bind simply gets its frame without `bind_args` ([`push_kw_frame`]).
/// Generic over the context but not a register instruction: flagged so, `run_loop`'s
/// register allocation kept `sp` in two registers (one more move per bytecode).
#[inline(always)]
pub(crate) fn _DO_CALL_KW<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    if let Some(callee) = push_kw_frame(c.vm, c.r, c.ip, c.next_ip, c.oparg as usize) {
        c.r = callee;
        c.next_ip = 0;
        return Flow::Switch;
    }
    match c.full() {
        Some(c) => call_kw_general(c),
        None => Flow::Escape,
    }
}

/// The frame of a keyword call to a Python function ([`DataStack::push_call_kw`]), out
/// of line with a copy of the loop's registers (as [`push_class_lookup_frame`]): on
/// success the caller's header is saved and the new frame made current. `None` (nothing
/// changed) when it does not apply.
///
/// [`DataStack::push_call_kw`]: crate::exec::frame::DataStack::push_call_kw
#[inline(never)]
fn push_kw_frame(
    vm: &Vm,
    mut caller: Regs,
    ip: usize,
    next_ip: usize,
    nargs: usize,
) -> Option<Regs> {
    let depth = vm.exec.depth.get();
    if depth >= vm.recursion_limit() {
        return None;
    }
    let callee = vm.exec.stack.push_call_kw(&mut caller, nargs)?;
    vm.exec.depth.set(depth + 1);
    caller.save(ip);
    frame_ref(caller.frame).return_ip.set(next_ip);
    vm.exec.current.set(Some(callee.frame));
    Some(callee)
}

/// `CALL_KW` through the general binding.
#[inline(never)]
fn call_kw_general(c: &mut Ctx<'_>) -> Flow {
    let kwnames = tri!(c.r.pop());
    let Ok(kwnames) = kwnames.into_downcast::<Tuple>() else {
        return Flow::Fault;
    };
    // The keyword values are counted in the oparg.
    do_call(c, c.oparg as usize, Some(kwnames))
}

/// How call errors name a callable (CPython's `_PyObject_FunctionStr`): `module.qualname()`
/// (no module for builtins), else `<type> object`.
pub(crate) fn function_str(vm: &crate::runtime::Vm, f: &Value) -> String {
    let text =
        |v: Option<Value>| v.and_then(|v| v.downcast::<Str>().map(|s| s.to_lossy().into_owned()));
    let Some(qualname) = text(vm.getattr_opt(f, &vm.names.__qualname__).ok().flatten()) else {
        return format!("{} object", vm.type_name(f));
    };
    match text(vm.getattr_opt(f, &vm.names.__module__).ok().flatten()) {
        Some(m) if m != "builtins" => format!("{m}.{qualname}()"),
        _ => format!("{qualname}()"),
    }
}

/// `CALL_FUNCTION_EX` step 1: make sure the positional arguments are a tuple.
#[inline(always)]
pub(crate) fn _MAKE_CALLARGS_A_TUPLE(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let callargs = tri!(c.r.peek(2)).clone();
    if callargs.downcast::<Tuple>().is_some() {
        return Flow::Next;
    }
    let vm = c.vm;
    let is_iterable = callargs.class(vm).slots.iter.get().is_some()
        || callargs.class(vm).slots.getitem.get().is_some();
    if !is_iterable {
        let func = tri!(c.r.peek(4)).clone();
        return c.error(vm.new_type_error(format!(
            "{} argument after * must be an iterable, not {}",
            function_str(vm, &func),
            vm.type_name(&callargs)
        )));
    }
    match vm.collect(&callargs) {
        Ok(items) => {
            drop(tri!(c.r.replace(2, vm.new_tuple(items).into())));
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}

/// `CALL_FUNCTION_EX` step 2: `(func, NULL, args_tuple, kwargs_or_NULL -- result)`.
#[inline(always)]
pub(crate) fn _DO_CALL_FUNCTION_EX(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let kwargs = tri!(c.r.pop());
    let callargs = tri!(c.r.pop());
    let this = tri!(c.r.pop());
    let func = tri!(c.r.pop());
    let vm = c.vm;
    let Some(pos) = callargs.downcast::<Tuple>() else {
        return Flow::Fault;
    };
    // `f(*args)` (or with an empty `**kwargs`) of a Python function binds straight from
    // the tuple: no argument vector.
    if this.is_null()
        && kwargs.downcast::<Dict>().is_none_or(|d| d.is_empty())
        && let Some(f) = func.downcast::<Function>()
    {
        return match crate::exec::call::push_function_frame(vm, f, Args::positional(pos.as_slice()))
        {
            Ok(frame) => c.enter_frame(frame),
            Err(e) => c.error(e),
        };
    }
    let mut values: Vec<Value> = Vec::with_capacity(pos.len() + 1);
    if !this.is_null() {
        values.push(this);
    }
    values.extend_from_slice(pos.as_slice());
    let mut names: Vec<Value> = Vec::new();
    if let Some(d) = kwargs.downcast::<Dict>() {
        for (k, v) in d.items() {
            if k.downcast::<Str>().is_none() {
                return c.error(vm.new_type_error("keywords must be strings"));
            }
            names.push(k);
            values.push(v);
        }
    }
    let kwnames = (!names.is_empty()).then(|| vm.new_tuple(names));
    if let Some(f) = func.downcast::<Function>() {
        return match crate::exec::call::push_function_frame(
            vm,
            f,
            Args::new(&values, kwnames.as_ref()),
        ) {
            Ok(frame) => c.enter_frame(frame),
            Err(e) => c.error(e),
        };
    }
    match vm.call(&func, Args::new(&values, kwnames.as_ref())) {
        Ok(v) => {
            tri!(c.r.push(v));
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}

/// The eval breaker check: the only pending work in rpy is an automatic cycle collection
/// requested by the allocation count (`object::gc`); this is the safe point it runs at.
///
/// Runs on the loop's register copy too, and never escapes: it follows uops that already
/// changed the state (a `CALL` that returned), which must not run again. The collection
/// needs only the VM (a running frame's values are references from outside the heap, and
/// it traverses suspended frames only); the header's ip and depth are saved first for
/// finalizers that look at this frame (`f_lineno`).
#[inline(always)]
pub(crate) fn _CHECK_PERIODIC<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    if crate::object::gc::pending() {
        c.r.save(c.ip);
        c.vm.gc_collect_pending();
    }
    Flow::Next
}

/// `_CHECK_PERIODIC` unless resuming inside `yield from`/`await`.
#[inline(always)]
pub(crate) fn _CHECK_PERIODIC_IF_NOT_YIELD_FROM<const L: bool>(
    c: &mut Ctx<'_, L>,
    o: usize,
) -> Flow {
    // RESUME's location bits: 0 function start, 1 after yield, 2 after yield from,
    // 3 after await.
    if c.oparg & 3 < 2 {
        return _CHECK_PERIODIC(c, o);
    }
    Flow::Next
}

/// `RETURN_VALUE`.
#[inline(always)]
pub(crate) fn _RETURN_VALUE<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    if let Some(flow) = return_fast(c) {
        return flow;
    }
    // A generator resumed inline by `FOR_ITER`/`SEND` returns on the registers too (gens).
    if let Some(flow) = crate::exec::genframe::return_fast(c) {
        return flow;
    }
    let Some(c) = c.full() else {
        return Flow::Escape;
    };
    let v = tri!(c.r.pop());
    let f = c.frame();
    if f.is_entry() {
        c.r.save(c.ip);
        return c.exit(Exit::Return(v));
    }
    if f.resumer() != Resumer::None {
        return crate::exec::genframe::return_inline(c, v);
    }
    c.return_to_caller(v)
}

/// The common return: from a function frame called by the frame below it (no generator,
/// frame object, failed `__init__` check or NotImplemented from an arithmetic dunder),
/// releasing the frame inline, or from the entry frame of a call from native code (leaving
/// the loop). `None` (nothing changed) otherwise.
#[inline(always)]
fn return_fast<const L: bool>(c: &mut Ctx<'_, L>) -> Option<Flow> {
    let f = c.frame();
    if f.returns_plainly() {
        // The common return, on its own path: the result goes straight onto the caller's
        // stack (no dispatch on `return_to`, and it is not held across the release).
        let caller = f.previous.get()?;
        let mut callee = c.r;
        leave_frame(c, caller);
        callee.move_top_to(&mut c.r);
        // SAFETY: a running frame that is not an entry frame nor a generator's is the
        // topmost data-stack frame; it has no frame object (checked) and is not used after
        // this.
        unsafe { c.vm.exec.stack.pop_return(&callee) };
        return Some(Flow::Switch);
    }
    return_rare(c)
}

/// Makes `caller` the running frame (registers, continuation, depth), leaving the
/// callee's registers to the caller of this function to release.
#[inline(always)]
fn leave_frame<const L: bool>(
    c: &mut Ctx<'_, L>,
    caller: std::ptr::NonNull<crate::exec::frame::Frame>,
) {
    let vm = c.vm;
    vm.exec.current.set(Some(caller));
    vm.exec.depth.set(vm.exec.depth.get().saturating_sub(1));
    crate::exec::genframe::switch_to_caller(c, caller);
}

/// [`return_fast`] of a frame with one of the `Frame::rare` conditions.
#[inline(always)]
fn return_rare<const L: bool>(c: &mut Ctx<'_, L>) -> Option<Flow> {
    let f = c.frame();
    let to = {
        let to = f.return_to();
        match to {
            ReturnTo::Push => {}
            // An `__init__` returning anything but None raises at the caller's `CALL`.
            ReturnTo::Init if !c.r.peek(1).ok()?.is_none() => return None,
            ReturnTo::BinaryOp(op) if op != 26 && c.vm.is_not_implemented(c.r.peek(1).ok()?) => {
                return None;
            }
            ReturnTo::Compare(_) if !matches!(c.r.peek(1).ok()?, Value::Bool(_)) => return None,
            _ => {}
        }
        if f.held_elsewhere() {
            return None;
        }
        if f.is_entry() {
            if to != ReturnTo::Push {
                return None;
            }
            // Leaves the Rust-level loop (a call from native code) without escaping to the
            // memory context; the loop's exit releases the frame.
            let v = c.r.pop().ok()?;
            c.r.save(c.ip);
            c.exit = Some(Exit::Return(v));
            return Some(Flow::Exit);
        }
        to
    };
    let caller = f.previous.get()?;
    let v = c.r.pop().ok()?;
    let callee = c.r;
    leave_frame(c, caller);
    // SAFETY: a running frame that is not an entry frame nor a generator's is the topmost
    // data-stack frame; it has no frame object (checked) and is not used after this.
    unsafe { c.vm.exec.stack.pop_return(&callee) };
    match to {
        ReturnTo::Push | ReturnTo::Next(_) => {
            if c.r.push(v).is_err() {
                return Some(Flow::Fault);
            }
        }
        // After an `__init__` (None, checked) the instance already is the call's result.
        ReturnTo::Init => {}
        // The dunder's result replaces the operands `BINARY_OP` kept (popped one by one:
        // an out-of-line `drop_n` would take the registers' address).
        ReturnTo::BinaryOp(_) | ReturnTo::Compare(_) => {
            let (Ok(rhs), Ok(lhs)) = (c.r.pop(), c.r.pop()) else {
                return Some(Flow::Fault);
            };
            if c.r.push(v).is_err() {
                return Some(Flow::Fault);
            }
            drop(rhs);
            drop(lhs);
        }
    }
    Some(Flow::Switch)
}

/// `YIELD_VALUE`: suspends the generator frame, handing the value to whoever resumed it:
/// the caller's `FOR_ITER`/`SEND` in this loop, or (an entry frame) the Rust-level resume,
/// leaving the loop. Both inline, so it runs on the loop's registers.
#[inline(always)]
pub(crate) fn _YIELD_VALUE<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let f = c.frame();
    if f.resumer() != Resumer::None {
        let v = tri!(c.r.pop());
        return crate::exec::genframe::yield_inline(c, v);
    }
    if f.is_entry() && f.generator() != 0 {
        let mut v = tri!(c.r.pop());
        // A consumer driving this frame (`sum(genexpr)`, `list(genexpr)`, ...) may take the
        // value here; the generator then goes on as if resumed with None.
        if let Some(sink) = c.vm.exec.gen_sink.get()
            && sink.frame == c.r.frame
        {
            match crate::exec::genframe::offer(sink, v) {
                Ok(()) => return crate::exec::genframe::resume_taken(c),
                Err(back) => v = back,
            }
        }
        c.r.save(c.next_ip);
        c.exit = Some(Exit::Yield(v));
        return Flow::Exit;
    }
    match c.full() {
        Some(c) => super::unsupported(c, "yield outside a resumed generator frame"),
        None => Flow::Escape,
    }
}

/// `RETURN_GENERATOR`: turns the new frame into a generator, coroutine or async generator
/// object and returns that to the caller.
#[inline(always)]
pub(crate) fn _RETURN_GENERATOR(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let vm = c.vm;
    let frame = c.r.frame;
    let f = frame_ref(frame);
    let was_entry = f.is_entry();
    let caller = f.previous.get();
    c.r.save(c.next_ip);
    f.set_entry(false);
    let Some(g) = crate::types::generator::new_generator(vm, frame) else {
        return Flow::Fault;
    };
    vm.exec.depth.set(vm.exec.depth.get().saturating_sub(1));
    vm.exec.current.set(caller);
    let Some(heap_frame) = g.frame_ptr() else {
        return Flow::Fault;
    };
    let gen_value: Value = g.into();
    if was_entry {
        // The loop's epilogue reads the (now heap) frame; it is no longer entry.
        c.r = Regs::load(heap_frame);
        return c.exit(Exit::Return(gen_value));
    }
    let Some(caller) = caller else {
        return Flow::Fault;
    };
    c.r = Regs::load(caller);
    c.next_ip = frame_ref(caller).return_ip.get();
    c.ip = frame_ref(caller).ip.get();
    tri!(c.r.push(gen_value));
    Flow::Switch
}

/// `MAKE_FUNCTION`: `(code -- function)`.
#[inline(always)]
pub(crate) fn _MAKE_FUNCTION(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let code = tri!(c.r.pop());
    let Ok(code) = code.into_downcast::<Code>() else {
        return Flow::Fault;
    };
    let f = c.frame();
    let func = new_function(c.vm, code, f.globals().clone(), f.builtins().clone());
    tri!(c.r.push(func.into()));
    Flow::Next
}

/// A function object for `code` in `globals`.
pub(crate) fn new_function(
    vm: &crate::runtime::Vm,
    code: Py<Code>,
    globals: Py<Dict>,
    builtins: Py<Dict>,
) -> Py<Function> {
    let doc = if code.flags & co_flags::HAS_DOCSTRING != 0 {
        code.consts.first().cloned().unwrap_or(Value::None)
    } else {
        Value::None
    };
    let module = globals.get_str(&vm.names.__name__).unwrap_or(Value::None);
    let version = code.version;
    crate::object::core::alloc(
        &vm.types.function,
        Function {
            name: PyCell::new(code.name.clone()),
            qualname: PyCell::new(code.qualname.clone()),
            code: PyCell::new(code),
            globals,
            builtins,
            defaults: PyCell::new(None),
            kwdefaults: PyCell::new(None),
            closure: PyCell::new(None),
            doc: PyCell::new(doc),
            module: PyCell::new(module),
            dict: PyCell::new(None),
            annotations: PyCell::new(Value::Null),
            annotate: PyCell::new(Value::Null),
            type_params: PyCell::new(Value::Null),
            version: std::cell::Cell::new(version),
        },
    )
}

/// `SET_FUNCTION_ATTRIBUTE flag`: `(attr, func -- func)`.
#[inline(always)]
pub(crate) fn _SET_FUNCTION_ATTRIBUTE(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let func = tri!(c.r.pop());
    let attr = tri!(c.r.pop());
    let Some(f) = func.downcast::<Function>() else {
        return Flow::Fault;
    };
    match c.oparg {
        0x01 => match attr.into_downcast::<Tuple>() {
            Ok(t) => drop(f.defaults.replace(Some(t))),
            Err(_) => return Flow::Fault,
        },
        0x02 => match attr.into_downcast::<Dict>() {
            Ok(d) => drop(f.kwdefaults.replace(Some(d))),
            Err(_) => return Flow::Fault,
        },
        0x04 => drop(f.annotations.replace(attr)),
        0x08 => match attr.into_downcast::<Tuple>() {
            Ok(t) => drop(f.closure.replace(Some(t))),
            Err(_) => return Flow::Fault,
        },
        0x10 => drop(f.annotate.replace(attr)),
        _ => return Flow::Fault,
    }
    tri!(c.r.push(func));
    Flow::Next
}

/// `CALL_INTRINSIC_1`.
#[inline(always)]
pub(crate) fn _CALL_INTRINSIC_1(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let v = tri!(c.r.pop());
    match crate::exec::intrinsics::intrinsic_1(c, c.oparg, v) {
        Ok(r) => {
            tri!(c.r.push(r));
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}

/// `CALL_INTRINSIC_2`: `(value2, value1 -- res)`.
#[inline(always)]
pub(crate) fn _CALL_INTRINSIC_2(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let v1 = tri!(c.r.pop());
    let v2 = tri!(c.r.pop());
    match crate::exec::intrinsics::intrinsic_2(c, c.oparg, v2, v1) {
        Ok(r) => {
            tri!(c.r.push(r));
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}

/// `EXIT_INIT_CHECK`: `__init__` must return None.
#[inline(always)]
pub(crate) fn _EXIT_INIT_CHECK(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let v = tri!(c.r.pop());
    if !v.is_none() {
        return c.error(c.vm.new_type_error(format!(
            "__init__() should return None, not '{}'",
            c.vm.type_name(&v)
        )));
    }
    Flow::Next
}
