//! `types.FunctionType(code, globals, name=None, argdefs=None, closure=None,
//! kwdefaults=None)`: a function object built from a code object at run time, with
//! CPython's checks and messages.

use crate::object::{Py, PyPayload, Type, Value};
use crate::runtime::{Args, PyResult, Vm};

use super::code::Code;
use super::dict::Dict;
use super::function::CellObj;
use super::str::Str;
use super::tuple::Tuple;

/// The builtins a function created over `globals` sees: `globals['__builtins__']` (a dict,
/// or a module's dict), else the running frame's builtins.
fn builtins_for(vm: &Vm, globals: &Py<Dict>) -> Py<Dict> {
    if let Some(b) = globals.get_str(&vm.names.__builtins__) {
        if let Some(d) = b.downcast::<Dict>() {
            return d.clone();
        }
        if let Some(m) = b.downcast::<super::module::Module>() {
            return m.dict().clone();
        }
    }
    match vm.current_frame() {
        Some(f) => crate::exec::frame::frame_ref(f).builtins().clone(),
        None => vm.builtins_dict().clone(),
    }
}

/// An optional argument that must be `None` (or absent) or a `T`.
fn optional<T: PyPayload>(vm: &Vm, v: Option<&Value>, msg: &str) -> PyResult<Option<Py<T>>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match v.downcast::<T>() {
            Some(t) => Ok(Some(t.clone())),
            None => Err(vm.new_type_error(msg)),
        },
    }
}

fn function_new(vm: &Vm, _cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    let [code, globals, name, argdefs, closure, kwdefaults] = args.bind(
        vm,
        "function",
        [
            "code",
            "globals",
            "name",
            "argdefs",
            "closure",
            "kwdefaults",
        ],
        2,
        0,
    )?;
    let (code, globals) = (code.expect("required"), globals.expect("required"));
    let Some(code) = code.downcast::<Code>() else {
        return Err(vm.new_type_error(format!(
            "function() argument 'code' must be code, not {}",
            vm.type_name(code)
        )));
    };
    let Some(globals) = globals.downcast::<Dict>() else {
        return Err(vm.new_type_error(format!(
            "function() argument 'globals' must be dict, not {}",
            vm.type_name(globals)
        )));
    };
    let name = optional::<Str>(vm, name, "arg 3 (name) must be None or string")?;
    let defaults = optional::<Tuple>(vm, argdefs, "arg 4 (defaults) must be None or tuple")?;
    let closure = optional::<Tuple>(vm, closure, "arg 5 (closure) must be None or tuple")?;
    let kwdefaults = optional::<Dict>(vm, kwdefaults, "arg 6 (kwdefaults) must be None or dict")?;
    let nfree = code.nfrees;
    match &closure {
        None if nfree > 0 => return Err(vm.new_type_error("arg 5 (closure) must be tuple")),
        None => {}
        Some(t) => {
            if t.as_slice().len() != nfree {
                return Err(vm.new_value_error(format!(
                    "{} requires closure of length {nfree}, not {}",
                    code.name.to_lossy(),
                    t.as_slice().len()
                )));
            }
            if let Some(bad) = t
                .as_slice()
                .iter()
                .find(|c| c.downcast::<CellObj>().is_none())
            {
                return Err(vm.new_type_error(format!(
                    "arg 5 (closure) expected cell, found {}",
                    vm.type_name(bad)
                )));
            }
        }
    }
    let builtins = builtins_for(vm, globals);
    let f = crate::exec::uops::new_function(vm, code.clone(), globals.clone(), builtins);
    if let Some(n) = name {
        drop(f.name.replace(n));
    }
    drop(f.defaults.replace(defaults));
    drop(f.kwdefaults.replace(kwdefaults));
    drop(f.closure.replace(closure));
    Ok(f.into())
}

/// Makes `types.FunctionType` callable.
pub(crate) fn init(vm: &Vm) {
    vm.types.function.slots.new.set(Some(function_new));
}
