//! Raising and handling exceptions: `raise`, re-raise, the handled-exception state of
//! `except` blocks, matching, `with` exits, `except*`, and `throw()` cleanup.

use crate::exec::{Ctx, Flow};
use crate::object::{Type, Value};
use crate::runtime::{PyErr, PyResult, Vm};
use crate::tri;
use crate::types::exception::BaseException;
use crate::types::tuple::Tuple;

/// Turns a raised value (an exception instance or class) into an exception instance.
pub(crate) fn make_exception(vm: &Vm, v: &Value) -> PyResult<PyErr> {
    if let Some(t) = v.downcast::<Type>() {
        if !t.is_subtype(&vm.exc.base_exception) {
            return Err(vm.new_type_error("exceptions must derive from BaseException"));
        }
        let inst = vm.call_pos(v, &[])?;
        return match inst.into_downcast::<BaseException>() {
            Ok(e) => Ok(PyErr::new(e)),
            Err(other) => Err(vm.new_type_error(format!(
                "calling {} should have returned an instance of BaseException, not {}",
                vm.repr(v)?.to_lossy(),
                vm.type_name(&other)
            ))),
        };
    }
    match v.clone().into_downcast::<BaseException>() {
        Ok(e) => Ok(PyErr::new(e)),
        Err(_) => Err(vm.new_type_error("exceptions must derive from BaseException")),
    }
}

/// `RAISE_VARARGS 0|1|2`.
#[inline(always)]
pub(crate) fn _RAISE_VARARGS(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let vm = c.vm;
    match c.oparg {
        0 => match vm.handled_exception() {
            Some(v) => match v.into_downcast::<BaseException>() {
                Ok(e) => c.reraise(PyErr::new(e)),
                Err(_) => Flow::Fault,
            },
            None => c.error(vm.new_runtime_error("No active exception to reraise")),
        },
        1 => {
            let v = tri!(c.r.pop());
            match make_exception(vm, &v) {
                Ok(e) => {
                    // A new raise: chained to the exception being handled here.
                    e.exc().keep_context(false);
                    c.error(e)
                }
                Err(e) => c.error(e),
            }
        }
        2 => {
            let cause = tri!(c.r.pop());
            let v = tri!(c.r.pop());
            let err = match make_exception(vm, &v) {
                Ok(e) => e,
                Err(e) => return c.error(e),
            };
            let cause = if cause.is_none() {
                Value::None
            } else if cause.downcast::<Type>().is_some() {
                match make_exception(vm, &cause) {
                    Ok(e) => e.value(),
                    Err(_) => {
                        return c.error(
                            vm.new_type_error("exception causes must derive from BaseException"),
                        );
                    }
                }
            } else if cause.downcast::<BaseException>().is_some() {
                cause
            } else {
                return c
                    .error(vm.new_type_error("exception causes must derive from BaseException"));
            };
            err.exc().set_cause(cause);
            err.exc().keep_context(false);
            c.error(err)
        }
        _ => Flow::Fault,
    }
}

/// `RERAISE n`: re-raises the exception on top; with `n`, the value below the `n - 1`
/// others is the `lasti` the frame reports (the handler search still starts at the
/// `RERAISE` itself, as in CPython's `exception_unwind`).
#[inline(always)]
pub(crate) fn _RERAISE(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let exc = tri!(c.r.pop());
    if c.oparg != 0 {
        let lasti = tri!(c.r.peek(c.oparg as usize)).clone();
        match lasti {
            Value::Int(i) if i >= 0 => c.r.frame().ip.set(i as usize),
            _ => return Flow::Fault,
        }
    }
    match exc.into_downcast::<BaseException>() {
        Ok(e) => c.reraise(PyErr::new(e)),
        Err(_) => Flow::Fault,
    }
}

/// `PUSH_EXC_INFO`: `(exc -- previous_handled, exc)`, making `exc` the handled exception.
#[inline(always)]
pub(crate) fn _PUSH_EXC_INFO(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let exc = tri!(c.r.pop());
    let prev = c.vm.exec.handled.with_mut(|h| match h.last_mut() {
        Some(top) => std::mem::replace(top, exc.clone()),
        None => {
            h.push(exc.clone());
            Value::None
        }
    });
    tri!(c.r.push(if prev.is_null() { Value::None } else { prev }));
    tri!(c.r.push(exc));
    Flow::Next
}

/// `POP_EXCEPT`: restores the previously handled exception.
#[inline(always)]
pub(crate) fn _POP_EXCEPT(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let prev = tri!(c.r.pop());
    let old = c.vm.exec.handled.with_mut(|h| match h.last_mut() {
        Some(top) => std::mem::replace(top, prev),
        None => {
            h.push(prev);
            Value::None
        }
    });
    drop(old);
    Flow::Next
}

/// Validates an `except` clause's type (a class or a tuple of classes).
fn check_except_type(vm: &Vm, t: &Value) -> PyResult<()> {
    let ok = |x: &Value| {
        x.downcast::<Type>()
            .is_some_and(|t| t.is_subtype(&vm.exc.base_exception))
    };
    let valid = match t.downcast::<Tuple>() {
        Some(tup) => tup.as_slice().iter().all(ok),
        None => ok(t),
    };
    if !valid {
        return Err(vm.new_type_error(
            "catching classes that do not inherit from BaseException is not allowed",
        ));
    }
    Ok(())
}

/// `CHECK_EXC_MATCH`: `(exc, type -- exc, isinstance(exc, type))`.
#[inline(always)]
pub(crate) fn _CHECK_EXC_MATCH(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let t = tri!(c.r.pop());
    let exc = tri!(c.r.peek(1)).clone();
    if let Err(e) = check_except_type(c.vm, &t) {
        return c.error(e);
    }
    match c.vm.isinstance(&exc, &t) {
        Ok(b) => {
            tri!(c.r.push(Value::from(b)));
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}

/// `CHECK_EG_MATCH`: `(exc, type -- rest, match)` for `except*`.
#[inline(always)]
pub(crate) fn _CHECK_EG_MATCH(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let t = tri!(c.r.pop());
    let exc = tri!(c.r.pop());
    let vm = c.vm;
    if let Err(e) = check_except_type(vm, &t) {
        return c.error(e);
    }
    let is_group = |x: &Value| {
        x.downcast::<Type>()
            .is_some_and(|t| t.is_subtype(&vm.exc.base_exception_group))
    };
    let bad = match t.downcast::<Tuple>() {
        Some(tup) => tup.as_slice().iter().any(is_group),
        None => is_group(&t),
    };
    if bad {
        return c.error(vm.new_type_error(
            "catching ExceptionGroup with except* is not allowed. Use except instead.",
        ));
    }
    match crate::exec::except_star::exception_group_match(vm, &exc, &t) {
        Ok((rest, matched)) => {
            if !matched.is_none() {
                // The matched part becomes the handled exception.
                c.vm.exec.handled.with_mut(|h| {
                    if let Some(top) = h.last_mut() {
                        *top = matched.clone();
                    }
                });
            }
            tri!(c.r.push(rest));
            tri!(c.r.push(matched));
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}

/// `WITH_EXCEPT_START`: calls `__exit__(type, value, traceback)` for the exception on top.
#[inline(always)]
pub(crate) fn _WITH_EXCEPT_START(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let val = tri!(c.r.peek(1)).clone();
    let exit_self = tri!(c.r.peek(4)).clone();
    let exit_func = tri!(c.r.peek(5)).clone();
    let vm = c.vm;
    let tb = val
        .downcast::<BaseException>()
        .map_or(Value::None, |e| e.traceback());
    let ty: Value = val.class(vm).clone().into();
    let r = if exit_self.is_null() {
        vm.call_pos(&exit_func, &[ty, val, tb])
    } else {
        vm.call_pos(&exit_func, &[exit_self, ty, val, tb])
    };
    match r {
        Ok(res) => {
            tri!(c.r.push(res));
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}

/// `CLEANUP_THROW`: `(sub_iter, last_sent, exc -- None, value)` when `exc` is the
/// StopIteration ending a `yield from`; otherwise re-raises.
#[inline(always)]
pub(crate) fn _CLEANUP_THROW(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let exc = tri!(c.r.pop());
    let vm = c.vm;
    if exc.class(vm).is_subtype(&vm.exc.stop_iteration) {
        let value = exc
            .downcast::<BaseException>()
            .and_then(|e| e.field("value"))
            .unwrap_or(Value::None);
        drop(tri!(c.r.pop()));
        drop(tri!(c.r.pop()));
        tri!(c.r.push(Value::NONE));
        tri!(c.r.push(value));
        return Flow::Next;
    }
    match exc.into_downcast::<BaseException>() {
        Ok(e) => c.reraise(PyErr::new(e)),
        Err(_) => Flow::Fault,
    }
}
