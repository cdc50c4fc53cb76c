//! `os.environ`: a `dict` subclass (`os._Environ`) holding the process environment as str,
//! whose mutating methods also change the real environment (so `TZ` changes reach
//! `time.tzset()`), plus `getenv`, `putenv` and `unsetenv`.

use std::ffi::OsStr;
use std::os::unix::ffi::{OsStrExt, OsStringExt};

use crate::object::{Py, Type, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::stdlib::ffi;
use crate::types::dict::Dict;
use crate::types::str::Str;

use super::{decode_fs, encode_fs};

fn env_str<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<Str>> {
    v.downcast::<Str>()
        .ok_or_else(|| vm.new_type_error(format!("str expected, not {}", vm.type_name(v))))
}

fn env_bytes(vm: &Vm, s: &Str, what: &str) -> PyResult<Vec<u8>> {
    let b = encode_fs(vm, s.as_bytes())?;
    if b.contains(&0) {
        return Err(vm.new_value_error("embedded null byte"));
    }
    if what == "key" && (b.is_empty() || b.contains(&b'=')) {
        return Err(vm.new_value_error("illegal environment variable name"));
    }
    Ok(b)
}

fn set_var(vm: &Vm, k: &Value, v: &Value) -> PyResult<()> {
    let key = env_bytes(vm, env_str(vm, k)?, "key")?;
    let val = env_bytes(vm, env_str(vm, v)?, "value")?;
    ffi::set_env(OsStr::from_bytes(&key), OsStr::from_bytes(&val));
    Ok(())
}

fn unset_var(vm: &Vm, k: &Value) -> PyResult<()> {
    let key = env_bytes(vm, env_str(vm, k)?, "key")?;
    ffi::unset_env(OsStr::from_bytes(&key));
    Ok(())
}

fn this<'a>(vm: &Vm, args: &Args<'a>, fname: &str) -> PyResult<(&'a Py<Dict>, Args<'a>)> {
    vm.method_self::<Dict>(*args, fname, "_Environ")
}

fn e_setitem(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, rest) = this(vm, &args, "__setitem__")?;
    let vals = rest.range(vm, "__setitem__", 2, 2)?;
    set_var(vm, &vals[0], &vals[1])?;
    d.set_item(vm, vals[0].clone(), vals[1].clone())?;
    Ok(Value::None)
}

fn e_delitem(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, rest) = this(vm, &args, "__delitem__")?;
    let k = rest.one(vm, "__delitem__")?;
    unset_var(vm, k)?;
    match d.pop_item(vm, k)? {
        Some(_) => Ok(Value::None),
        None => Err(vm.new_key_error(k.clone())),
    }
}

fn e_pop(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, rest) = this(vm, &args, "pop")?;
    let vals = rest.range(vm, "pop", 1, 2)?;
    match d.pop_item(vm, &vals[0])? {
        Some(v) => {
            unset_var(vm, &vals[0])?;
            Ok(v)
        }
        None => match vals.get(1) {
            Some(default) => Ok(default.clone()),
            None => Err(vm.new_key_error(vals[0].clone())),
        },
    }
}

fn e_setdefault(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, rest) = this(vm, &args, "setdefault")?;
    let vals = rest.range(vm, "setdefault", 2, 2)?;
    if let Some(v) = d.get_item(vm, &vals[0])? {
        return Ok(v);
    }
    set_var(vm, &vals[0], &vals[1])?;
    d.set_item(vm, vals[0].clone(), vals[1].clone())?;
    Ok(vals[1].clone())
}

fn e_update(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, rest) = this(vm, &args, "update")?;
    let tmp = vm.new_dict();
    if let Some(other) = rest.pos().first() {
        crate::types::dict_type::dict_merge(vm, &tmp, other)?;
    }
    for (k, v) in rest.kwargs() {
        tmp.set_item(vm, Value::from(k), v.clone())?;
    }
    for (k, v) in tmp.items() {
        set_var(vm, &k, &v)?;
        d.set_item(vm, k, v)?;
    }
    Ok(Value::None)
}

fn e_clear(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, _) = this(vm, &args, "clear")?;
    for k in d.keys() {
        unset_var(vm, &k)?;
    }
    d.clear();
    Ok(Value::None)
}

fn e_copy(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, _) = this(vm, &args, "copy")?;
    let out = vm.new_dict();
    for (k, v) in d.items() {
        out.set_item(vm, k, v)?;
    }
    Ok(out.into())
}

fn e_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let d = v
        .downcast::<Dict>()
        .ok_or_else(|| vm.new_type_error("expected environ"))?;
    let mut parts = Vec::new();
    for (k, x) in d.items() {
        parts.push(format!(
            "{}: {}",
            vm.repr(&k)?.to_lossy(),
            vm.repr(&x)?.to_lossy()
        ));
    }
    Ok(vm
        .new_str(&format!("environ({{{}}})", parts.join(", ")))
        .into())
}

fn environ_type(vm: &Vm) -> PyResult<Py<Type>> {
    vm.cached_type("os._Environ", |vm| {
        let ns = vm.new_dict();
        ns.set_str(&vm.names.__module__, vm.new_str("os").into());
        let ty = crate::runtime::class::type_new(
            vm,
            &vm.types.type_,
            &vm.new_str("_Environ"),
            &[vm.types.dict.clone().into()],
            &ns,
            &[],
        )?;
        vm.add_methods(
            &ty,
            &[
                ("__setitem__", e_setitem),
                ("__delitem__", e_delitem),
                ("pop", e_pop),
                ("setdefault", e_setdefault),
                ("update", e_update),
                ("clear", e_clear),
                ("copy", e_copy),
            ],
        );
        crate::runtime::slot_dispatch::update_slots_recursive(vm, &ty);
        ty.slots.repr.set(Some(e_repr));
        Ok(ty)
    })
}

/// A fresh `os.environ` from the process environment.
pub fn make_environ(vm: &Vm) -> PyResult<Value> {
    let ty = environ_type(vm)?;
    let env = vm.alloc_instance(&ty, Dict::new())?;
    let d = env
        .downcast::<Dict>()
        .ok_or_else(|| vm.new_type_error("environ is not a dict"))?;
    for (k, v) in std::env::vars_os() {
        let k = decode_fs(vm, &k.into_vec())?;
        let v = decode_fs(vm, &v.into_vec())?;
        d.set_item(vm, k.into(), v.into())?;
    }
    Ok(env)
}

/// `os.getenv(key, default=None)`.
pub fn f_getenv(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [key, default] = args.bind(vm, "getenv", ["key", "default"], 1, 0)?;
    let key = key.cloned().unwrap_or(Value::None);
    let k = env_str(vm, &key)?;
    let kb = encode_fs(vm, k.as_bytes())?;
    if kb.is_empty() || kb.contains(&0) || kb.contains(&b'=') {
        return Ok(default.cloned().unwrap_or(Value::None));
    }
    match std::env::var_os(OsStr::from_bytes(&kb)) {
        Some(v) => Ok(decode_fs(vm, &v.into_vec())?.into()),
        None => Ok(default.cloned().unwrap_or(Value::None)),
    }
}

/// `os.putenv(key, value)`.
pub fn f_putenv(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "putenv", 2, 2)?;
    set_var(vm, &vals[0], &vals[1])?;
    Ok(Value::None)
}

/// `os.unsetenv(key)`.
pub fn f_unsetenv(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    unset_var(vm, args.one(vm, "unsetenv")?)?;
    Ok(Value::None)
}
