//! `__add__`, `__mul__` and `__rmul__` of the builtin sequences (str, bytes, bytearray, list,
//! tuple), whose `+` and `*` live in the sequence slots (`sq_concat`, `sq_repeat`) that have no
//! dunder of their own: CPython exposes them as these methods.

use crate::object::Value;
use crate::runtime::{Args, PyResult, Vm};

fn self_and_arg<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(&'a Value, &'a Value)> {
    let Some((this, rest)) = args.split_self() else {
        return Err(vm.new_type_error(format!("{name}() needs an argument")));
    };
    Ok((this, rest.one(vm, name)?))
}

fn m_add(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, other) = self_and_arg(vm, &args, "__add__")?;
    match this.class(vm).slots.concat.get() {
        Some(f) => f(vm, this, other),
        None => Ok(vm.not_implemented()),
    }
}

fn m_mul(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, n) = self_and_arg(vm, &args, "__mul__")?;
    // A non-integer count is an error here, not NotImplemented (CPython's wrapper).
    vm.index_value(n)?;
    match this.class(vm).slots.repeat.get() {
        Some(f) => f(vm, this, n),
        None => Ok(vm.not_implemented()),
    }
}

fn m_rmul(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, n) = self_and_arg(vm, &args, "__rmul__")?;
    // A non-integer count is an error here, not NotImplemented (CPython's wrapper).
    vm.index_value(n)?;
    match this.class(vm).slots.repeat.get() {
        Some(f) => f(vm, this, n),
        None => Ok(vm.not_implemented()),
    }
}

/// Adds the methods to each builtin sequence type that has the slots and not the names.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types;
    for ty in [&t.str, &t.bytes, &t.bytearray, &t.list, &t.tuple] {
        let mut methods: Vec<(&'static str, super::function::NativeFn)> = Vec::new();
        let has = |name: &str| ty.dict().get_rust_str(name).is_some();
        if ty.slots.concat.get().is_some() && !has("__add__") {
            methods.push(("__add__", m_add));
        }
        if ty.slots.repeat.get().is_some() {
            if !has("__mul__") {
                methods.push(("__mul__", m_mul));
            }
            if !has("__rmul__") {
                methods.push(("__rmul__", m_rmul));
            }
        }
        vm.add_methods(ty, &methods);
    }
}
