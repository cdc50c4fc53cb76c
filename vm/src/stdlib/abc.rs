//! `_abc`: the one part of `abc` that Python code cannot do itself. Collection ABCs mark
//! their subclasses and registered classes as sequences or mappings for `match`
//! (CPython's `Py_TPFLAGS_SEQUENCE` / `Py_TPFLAGS_MAPPING`, set from `__abc_tpflags__`).

use crate::object::typeobj::flags;
use crate::object::{Py, Type, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::types::module::Module;

/// The `__abc_tpflags__` bits of CPython (`1 << 5` sequence, `1 << 6` mapping).
const TP_SEQUENCE: i64 = 1 << 5;
const TP_MAPPING: i64 = 1 << 6;

fn collection_bits(vm: &Vm, tp_flags: i64) -> PyResult<u32> {
    match tp_flags & (TP_SEQUENCE | TP_MAPPING) {
        0 => Ok(0),
        TP_SEQUENCE => Ok(flags::SEQUENCE),
        TP_MAPPING => Ok(flags::MAPPING),
        _ => Err(vm.new_type_error(
            "__abc_tpflags__ cannot be both Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING",
        )),
    }
}

/// Marks `cls` and its subclasses, skipping immutable types and types already marked.
fn set_recursive(cls: &Py<Type>, bits: u32) {
    let mut todo = vec![cls.clone()];
    while let Some(t) = todo.pop() {
        if t.has_flag(flags::IMMUTABLE) || t.flags() & (flags::SEQUENCE | flags::MAPPING) != 0 {
            continue;
        }
        t.set_flag(bits, true);
        todo.extend(t.subclasses());
    }
}

fn type_arg<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<Type>> {
    v.downcast::<Type>()
        .ok_or_else(|| vm.new_type_error("Can only register classes"))
}

/// `_set_tpflags(cls, tp_flags)`: applies an ABC's `__abc_tpflags__` to `cls` itself.
fn set_tpflags(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.range(vm, "_set_tpflags", 2, 2)?;
    let cls = type_arg(vm, &v[0])?;
    let bits = collection_bits(vm, vm.index_value(&v[1])?)?;
    cls.set_flag(bits, true);
    Ok(Value::None)
}

/// `_inherit_collection_flag(abc, subclass)`: on `register`, a registered class (and its
/// subclasses) becomes a sequence or mapping if the ABC is one.
fn inherit_collection_flag(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.range(vm, "_inherit_collection_flag", 2, 2)?;
    let abc = type_arg(vm, &v[0])?;
    let sub = type_arg(vm, &v[1])?;
    let bits = abc.flags() & (flags::SEQUENCE | flags::MAPPING);
    if bits != 0 {
        set_recursive(sub, bits);
    }
    Ok(Value::None)
}

/// Builds `_abc`.
pub fn init(vm: &Vm) -> PyResult<Py<Module>> {
    let m = vm.new_module("_abc");
    vm.add_function(&m, "_set_tpflags", set_tpflags);
    vm.add_function(&m, "_inherit_collection_flag", inherit_collection_flag);
    Ok(m)
}
