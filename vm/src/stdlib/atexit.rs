//! The `atexit` module: callbacks run (last registered first) when the interpreter exits,
//! after the main program and its traceback, before the streams are flushed. A failing
//! callback is reported as CPython reports it and does not change the exit status.

use crate::object::{Py, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::types::module::Module;

fn a_register(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(func) = args.pos().first().cloned() else {
        return Err(vm.new_type_error("register() takes at least 1 argument (0 given)"));
    };
    if func.class(vm).slots.call.get().is_none() {
        return Err(vm.new_type_error("the first argument must be callable"));
    }
    let rest = args.pos()[1..].to_vec();
    let kwargs: Value = if args.has_kwargs() {
        let d = vm.new_dict();
        for (k, v) in args.kwargs() {
            d.set_item(vm, Value::from(k), v.clone())?;
        }
        d.into()
    } else {
        Value::None
    };
    vm.stdlib
        .atexit
        .with_mut(|cbs| cbs.push((func.clone(), rest, kwargs)));
    Ok(func)
}

fn a_unregister(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let func = args.one(vm, "unregister")?;
    let cbs = vm.stdlib.atexit.take();
    let mut keep = Vec::with_capacity(cbs.len());
    let mut removed = Vec::new();
    for cb in cbs {
        let same = cb.0.is(func)
            || vm.is_true(&vm.rich_compare(&cb.0, func, crate::object::CompareOp::Eq)?)?;
        if same {
            removed.push(cb);
        } else {
            keep.push(cb);
        }
    }
    let added = vm.stdlib.atexit.take();
    keep.extend(added);
    drop(vm.stdlib.atexit.replace(keep));
    drop(removed);
    Ok(Value::None)
}

fn a_run(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "_run_exitfuncs")?;
    vm.run_atexit();
    Ok(Value::None)
}

fn a_clear(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "_clear")?;
    drop(vm.stdlib.atexit.take());
    Ok(Value::None)
}

fn a_ncallbacks(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "_ncallbacks")?;
    Ok(Value::Int(vm.stdlib.atexit.with(Vec::len) as i64))
}

impl Vm {
    /// Runs the atexit callbacks, most recently registered first, reporting failures.
    pub fn run_atexit(&self) {
        while let Some((func, args, kwargs)) = self.stdlib.atexit.with_mut(Vec::pop) {
            let result = if kwargs.is_none() {
                self.call_pos(&func, &args)
            } else {
                self.call_with_kwargs(&func, &args, &kwargs)
            };
            if let Err(e) = result {
                let shown = self
                    .repr(&func)
                    .map(|r| r.to_lossy().into_owned())
                    .unwrap_or_else(|_| "<object>".into());
                self.report_unraisable(
                    &e,
                    &format!("Exception ignored in atexit callback {shown}"),
                );
            }
        }
    }

    fn call_with_kwargs(&self, func: &Value, args: &[Value], kwargs: &Value) -> PyResult<Value> {
        let d = kwargs
            .downcast::<crate::types::dict::Dict>()
            .ok_or_else(|| self.new_type_error("keyword arguments must be a dict"))?;
        let mut all = args.to_vec();
        let mut names = Vec::new();
        for (k, v) in d.items() {
            names.push(k);
            all.push(v);
        }
        let kwnames = self.new_tuple(names);
        self.call(func, Args::new(&all, Some(&kwnames)))
    }
}

fn init_module(vm: &Vm) -> PyResult<Py<Module>> {
    let m = vm.new_module("atexit");
    for (name, f) in [
        ("register", a_register as crate::types::function::NativeFn),
        ("unregister", a_unregister),
        ("_run_exitfuncs", a_run),
        ("_clear", a_clear),
        ("_ncallbacks", a_ncallbacks),
    ] {
        vm.add_function(&m, name, f);
    }
    Ok(m)
}

/// Registers `atexit`.
pub(crate) fn register(vm: &Vm) {
    vm.register_native_module("atexit", init_module);
}
