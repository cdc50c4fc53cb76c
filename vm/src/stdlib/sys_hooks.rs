//! The replaceable reporting hooks of `sys`: `excepthook` (uncaught exceptions),
//! `unraisablehook` (errors nobody can catch: finalizers, callbacks) and `displayhook`
//! (expression results in interactive code), each with its default kept as
//! `sys.__excepthook__` etc. The VM reports through whatever the program installed and
//! falls back to the default formatting, with CPython's messages when a hook is missing or
//! fails.

use crate::object::{Py, Value};
use crate::runtime::{Args, PyErr, PyResult, Vm};
use crate::types::exception::BaseException;
use crate::types::function::{NativeFn, NativeFunction};
use crate::types::module::Module;
use crate::types::traceback::Traceback;

use super::structseq::{self, Spec};

const UNRAISABLE_ARGS: Spec<'static> = Spec {
    name: "UnraisableHookArgs",
    visible: &[
        "exc_type",
        "exc_value",
        "exc_traceback",
        "err_msg",
        "object",
    ],
    unnamed: 0,
    extra: &[],
};

/// The hook `name` as the program left it in `sys` (None when deleted).
fn hook(vm: &Vm, name: &str) -> Option<Value> {
    vm.sys.dict().get_rust_str(name)
}

/// Whether `v` is our own native function `f` (the default hook, however it is named).
fn is_native(v: &Value, f: NativeFn) -> bool {
    v.downcast::<NativeFunction>()
        .is_some_and(|n| std::ptr::fn_addr_eq(n.func, f))
}

/// The exception's `(type, value, traceback)` as a hook receives them.
fn exc_triple(err: &PyErr) -> [Value; 3] {
    let tb = err.exc().traceback();
    let tb = if tb.is_null() { Value::None } else { tb };
    [err.class().clone().into(), err.value(), tb]
}

// --- excepthook ------------------------------------------------------------------------------

/// `sys.__excepthook__(type, value, traceback)`: prints the exception and its chain.
fn default_excepthook(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.pos();
    if vals.len() != 3 || args.nkw() != 0 {
        return Err(vm.new_type_error(format!(
            "excepthook expected 3 arguments, got {}",
            args.values().len()
        )));
    }
    let (value, tb) = (&vals[1], &vals[2]);
    match value.clone().into_downcast::<BaseException>() {
        Ok(exc) => {
            // A traceback passed separately is used when the exception has none.
            if exc.traceback().is_none() && tb.downcast::<Traceback>().is_some() {
                exc.set_traceback(tb.clone());
            }
            vm.print_exception(&PyErr::new(exc));
        }
        Err(_) => vm.write_stderr(&format!(
            "TypeError: print_exception(): Exception expected for value, {} found\n",
            vm.type_name(value)
        )),
    }
    Ok(Value::None)
}

impl Vm {
    /// Reports an exception that ended the program through `sys.excepthook`.
    pub fn report_uncaught(&self, err: &PyErr) {
        let Some(h) = hook(self, "excepthook") else {
            self.write_stderr("sys.excepthook is missing\n");
            self.print_exception(err);
            return;
        };
        if is_native(&h, default_excepthook) {
            self.print_exception(err);
            return;
        }
        if let Err(hook_err) = self.call_pos(&h, &exc_triple(err)) {
            if hook_err.matches(&self.exc.system_exit) {
                return;
            }
            self.write_stderr("Error in sys.excepthook:\n");
            self.print_exception(&hook_err);
            self.write_stderr("\nOriginal exception was:\n");
            self.print_exception(err);
        }
    }
}

// --- unraisablehook --------------------------------------------------------------------------

/// The default report: a heading from `err_msg`/`object`, then the exception.
fn write_unraisable(vm: &Vm, exc: Option<&Py<BaseException>>, msg: &Value, obj: &Value) {
    let msg_text = || vm.str(msg).map(|s| s.to_lossy().into_owned()).ok();
    let mut out = String::new();
    if !obj.is_none() {
        match (msg.is_none(), msg_text()) {
            (false, Some(m)) => out.push_str(&format!("{m}: ")),
            _ => out.push_str("Exception ignored in: "),
        }
        match vm.repr(obj) {
            Ok(r) => out.push_str(&r.to_lossy()),
            Err(_) => out.push_str("<object repr() failed>"),
        }
        out.push('\n');
    } else if let (false, Some(m)) = (msg.is_none(), msg_text()) {
        out.push_str(&format!("{m}:\n"));
    }
    if let Some(e) = exc {
        out.push_str(&crate::exec::traceback::format_unraisable(vm, e));
    }
    vm.write_stderr(&out);
}

/// `sys.__unraisablehook__(unraisable)`.
fn default_unraisablehook(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let arg = args.one(vm, "sys.unraisablehook")?;
    let ty = structseq::cached_type(vm, &UNRAISABLE_ARGS)?;
    if !arg.class(vm).is(&ty) {
        return Err(
            vm.new_type_error("sys.unraisablehook argument type must be UnraisableHookArgs")
        );
    }
    let field = |name: &str| vm.getattr(arg, &vm.intern(name));
    let value = field("exc_value")?;
    let exc = value.downcast::<BaseException>().cloned();
    if let Some(e) = &exc {
        let tb = field("exc_traceback")?;
        if e.traceback().is_none() && tb.downcast::<Traceback>().is_some() {
            e.set_traceback(tb);
        }
    }
    write_unraisable(vm, exc.as_ref(), &field("err_msg")?, &field("object")?);
    Ok(Value::None)
}

impl Vm {
    /// Reports an exception nobody can catch (CPython's `PyErr_FormatUnraisable`):
    /// `context` is the message (without the colon), through `sys.unraisablehook`.
    pub fn report_unraisable(&self, err: &PyErr, context: &str) {
        let msg: Value = self.new_str(context).into();
        let h = hook(self, "unraisablehook");
        let custom = h.as_ref().filter(|h| !is_native(h, default_unraisablehook));
        let Some(h) = custom else {
            write_unraisable(self, Some(err.exc()), &msg, &Value::None);
            return;
        };
        let call = || -> PyResult<()> {
            let ty = structseq::cached_type(self, &UNRAISABLE_ARGS)?;
            let [t, v, tb] = exc_triple(err);
            let args =
                structseq::new_instance(self, &ty, vec![t, v, tb, msg, Value::None], vec![])?;
            self.call_pos(h, &[args])?;
            Ok(())
        };
        if let Err(hook_err) = call() {
            let heading: Value = self
                .new_str("Exception ignored in sys.unraisablehook")
                .into();
            write_unraisable(self, Some(hook_err.exc()), &heading, h);
        }
    }
}

// --- displayhook -----------------------------------------------------------------------------

/// `sys.__displayhook__(value)`: prints repr(value) and keeps it as `builtins._`.
fn default_displayhook(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.one(vm, "sys.displayhook")?;
    if v.is_none() {
        return Ok(Value::None);
    }
    let underscore = vm.intern("_");
    // `_` is cleared first so the repr being printed cannot see a stale value.
    vm.builtins_dict().set_str(&underscore, Value::None);
    let text = vm.repr(v)?;
    vm.write_stdout(&format!("{}\n", text.to_lossy()))?;
    vm.builtins_dict().set_str(&underscore, v.clone());
    Ok(Value::None)
}

impl Vm {
    /// Shows an expression statement's value in interactive code (`INTRINSIC_PRINT`).
    pub fn display_value(&self, v: Value) -> PyResult<()> {
        let Some(h) = hook(self, "displayhook") else {
            return Err(self.new_runtime_error("lost sys.displayhook"));
        };
        self.call_pos(&h, &[v])?;
        Ok(())
    }
}

// --- settrace / setprofile ------------------------------------------------------------------

/// `sys.settrace(None)`/`sys.setprofile(None)` (nothing is ever installed, so clearing is
/// a no-op); installing a function needs per-line/per-call events the eval loop does not
/// produce yet, so it fails loudly instead of silently never calling it.
fn set_tracer(vm: &Vm, args: Args<'_>, name: &str) -> PyResult<Value> {
    let f = args.one(vm, name)?;
    if f.is_none() {
        return Ok(Value::None);
    }
    Err(vm.new_not_implemented_error(format!(
        "{name}(): rpy does not support trace and profile functions yet"
    )))
}

fn settrace(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    set_tracer(vm, args, "sys.settrace")
}

fn setprofile(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    set_tracer(vm, args, "sys.setprofile")
}

/// `gettrace()`/`getprofile()`: never set (see `set_tracer`).
fn get_tracer(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "gettrace")?;
    Ok(Value::None)
}

/// Installs the hooks and their `__name__` defaults into `sys`.
pub(crate) fn install(vm: &Vm, m: &Py<Module>) {
    let hooks: [(&str, &str, NativeFn); 3] = [
        ("excepthook", "__excepthook__", default_excepthook),
        (
            "unraisablehook",
            "__unraisablehook__",
            default_unraisablehook,
        ),
        ("displayhook", "__displayhook__", default_displayhook),
    ];
    vm.add_function(m, "settrace", settrace);
    vm.add_function(m, "setprofile", setprofile);
    vm.add_function(m, "gettrace", get_tracer);
    vm.add_function(m, "getprofile", get_tracer);
    for (name, dunder, f) in hooks {
        vm.add_function(m, name, f);
        if let Some(v) = m.dict().get_rust_str(name) {
            m.dict().set_str(&vm.intern(dunder), v);
        }
    }
}
