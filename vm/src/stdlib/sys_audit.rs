//! `sys.audit` and `sys.addaudithook` (PEP 578): Python-level audit hooks. rpy's runtime
//! raises no audit events of its own; library code written in Python (glob, ...) raises
//! CPython's, and hooks the program adds see them.

use crate::object::{Py, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::types::module::Module;
use crate::types::str::Str;

/// `sys.audit(event, *args)`: calls every hook with (event, args) in the order they were
/// added; a hook's exception propagates to the caller.
fn audit(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    if args.has_kwargs() {
        return Err(vm.new_type_error("sys.audit() takes no keyword arguments"));
    }
    let pos = args.pos();
    let Some(event) = pos.first() else {
        return Err(vm.new_type_error("audit expected at least 1 argument, got 0"));
    };
    if event.downcast::<Str>().is_none() {
        return Err(vm.new_type_error(format!(
            "audit() argument 1 must be str, not {}",
            vm.type_name(event)
        )));
    }
    run_hooks(vm, event, &pos[1..])?;
    Ok(Value::None)
}

/// Calls the hooks for one event; nothing is allocated when there are none.
fn run_hooks(vm: &Vm, event: &Value, args: &[Value]) -> PyResult<()> {
    // A snapshot: a hook that adds a hook does not see it called for this event.
    let hooks = vm.stdlib.audit_hooks.with(Vec::clone);
    if hooks.is_empty() {
        return Ok(());
    }
    let tuple: Value = vm.new_tuple_cloned(args).into();
    for hook in &hooks {
        vm.call_pos(hook, &[event.clone(), tuple.clone()])?;
    }
    Ok(())
}

/// `sys.addaudithook(hook)`: existing hooks first see a "sys.addaudithook" event; if one
/// of them raises a RuntimeError the new hook is silently not added (CPython's rule), any
/// other exception propagates.
fn addaudithook(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [hook] = args.bind(vm, "addaudithook", ["hook"], 1, 0)?;
    let hook = hook.cloned().unwrap_or(Value::None);
    let event: Value = vm.new_str("sys.addaudithook").into();
    if let Err(e) = run_hooks(vm, &event, &[]) {
        if e.matches(&vm.exc.runtime_error) {
            return Ok(Value::None);
        }
        return Err(e);
    }
    vm.stdlib.audit_hooks.with_mut(|h| h.push(hook));
    Ok(Value::None)
}

/// Adds the two functions to the `sys` module.
pub fn install(vm: &Vm, m: &Py<Module>) {
    vm.add_function(m, "audit", audit);
    vm.add_function(m, "addaudithook", addaudithook);
}
