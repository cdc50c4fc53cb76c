//! `_functools`: the native half of `functools` (`reduce`, which CPython also implements
//! natively, so tracebacks through it show no Python frame).

use crate::object::{Py, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::types::module::Module;

/// `reduce(function, iterable, /, initial=<missing>)`.
fn reduce(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    if args.npos() > 3 {
        return Err(vm.new_type_error(format!(
            "reduce expected at most 3 arguments, got {}",
            args.npos()
        )));
    }
    let [function, iterable, initial] =
        args.bind(vm, "reduce", ["function", "iterable", "initial"], 2, 0)?;
    let (Some(function), Some(iterable)) = (function, iterable) else {
        return Err(vm.new_type_error("reduce expected at least 2 arguments"));
    };
    let it = vm.iter(iterable).map_err(|e| {
        if e.matches(&vm.exc.type_error) {
            vm.new_type_error("reduce() arg 2 must support iteration")
        } else {
            e
        }
    })?;
    let mut acc = match initial {
        Some(v) => v.clone(),
        None => match vm.next_raw(&it)? {
            Some(v) => v,
            None => {
                return Err(vm.new_type_error("reduce() of empty iterable with no initial value"));
            }
        },
    };
    while let Some(item) = vm.next_raw(&it)? {
        acc = vm.call_pos(function, &[acc, item])?;
    }
    Ok(acc)
}

/// Builds `_functools`.
pub fn init(vm: &Vm) -> PyResult<Py<Module>> {
    let m = vm.new_module("_functools");
    vm.add_function(&m, "reduce", reduce);
    Ok(m)
}
