//! PEP 649 lazy annotations: `__annotations__` of functions and classes is computed by
//! calling `__annotate__(1)` (the VALUE format) on first access and cached.

use crate::object::{Py, Type, Value};
use crate::types::function::Function;

use super::{Args, PyResult, Vm};

/// `function.__annotations__`.
pub fn function_annotations(vm: &Vm, f: &Py<Function>) -> PyResult<Value> {
    let cached = f.annotations.get();
    if !cached.is_null() {
        return Ok(cached);
    }
    let annotate = f.annotate.get();
    let value = if annotate.is_null() || annotate.is_none() {
        vm.new_dict().into()
    } else {
        let r = vm.call(&annotate, Args::positional(&[Value::Int(1)]))?;
        if r.downcast::<crate::types::dict::Dict>().is_none() {
            return Err(vm.new_type_error(format!(
                "__annotate__ returned non-dict of type '{}'",
                vm.type_name(&r)
            )));
        }
        r
    };
    drop(f.annotations.replace(value.clone()));
    Ok(value)
}

/// `type.__annotations__`.
pub fn type_annotations(vm: &Vm, t: &Py<Type>) -> PyResult<Value> {
    let cache = vm.intern("__annotations_cache__");
    if let Some(v) = t.dict().get_str(&cache) {
        return Ok(v);
    }
    if let Some(v) = t.dict().get_str(&vm.names.__annotations__) {
        return Ok(v);
    }
    let annotate = t
        .dict()
        .get_str(&vm.intern("__annotate_func__"))
        .or_else(|| t.dict().get_str(&vm.names.__annotate__));
    let value = match annotate {
        Some(a) if !a.is_none() => vm.call(&a, Args::positional(&[Value::Int(1)]))?,
        _ => vm.new_dict().into(),
    };
    if t.is_heap() {
        // The type's dict changes: caches keyed by its version must not see the old one.
        t.modified();
        t.dict().set_str(&cache, value.clone());
    }
    Ok(value)
}
