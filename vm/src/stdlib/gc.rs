//! The `gc` module. rpy frees objects by reference counting; the cycle collector is not
//! written yet, so `collect()` finds nothing and returns 0, the counts stay at zero, and
//! `enable`/`disable`/`isenabled` only keep the switch (which a future collector will
//! honour). Debug flags, thresholds and freezing are recorded as CPython records them.

use crate::object::{Py, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::types::module::Module;

fn threshold(vm: &Vm) -> (i64, i64, i64) {
    vm.stdlib.gc_threshold.get().unwrap_or((2000, 10, 10))
}

fn g_collect(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [generation] = args.bind(vm, "collect", ["generation"], 0, 0)?;
    if let Some(g) = generation {
        let g = vm.index_value(g)?;
        if !(0..=2).contains(&g) {
            return Err(vm.new_value_error("invalid generation"));
        }
    }
    Ok(Value::Int(0))
}

fn g_enable(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "enable")?;
    vm.stdlib.gc_disabled.set(false);
    Ok(Value::None)
}

fn g_disable(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "disable")?;
    vm.stdlib.gc_disabled.set(true);
    Ok(Value::None)
}

fn g_isenabled(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "isenabled")?;
    Ok(Value::Bool(!vm.stdlib.gc_disabled.get()))
}

fn g_get_count(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "get_count")?;
    Ok(vm
        .new_tuple(vec![Value::Int(0), Value::Int(0), Value::Int(0)])
        .into())
}

fn g_get_threshold(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "get_threshold")?;
    let (a, b, c) = threshold(vm);
    Ok(vm
        .new_tuple(vec![Value::Int(a), Value::Int(b), Value::Int(c)])
        .into())
}

fn g_set_threshold(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "set_threshold", 1, 3)?;
    let (_, mut b, mut c) = threshold(vm);
    let a = vm.index_value(&vals[0])?;
    if let Some(v) = vals.get(1) {
        b = vm.index_value(v)?;
    }
    if let Some(v) = vals.get(2) {
        c = vm.index_value(v)?;
    }
    vm.stdlib.gc_threshold.set(Some((a, b, c)));
    Ok(Value::None)
}

fn g_get_debug(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "get_debug")?;
    Ok(Value::Int(vm.stdlib.gc_debug.get()))
}

fn g_set_debug(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = vm.index_value(args.one(vm, "set_debug")?)?;
    vm.stdlib.gc_debug.set(v);
    Ok(Value::None)
}

/// Whether the collector would track `obj`: containers (heap objects other than atoms).
fn g_is_tracked(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.one(vm, "is_tracked")?;
    let t = &vm.types;
    let cls = v.class(vm);
    let atomic = v.as_obj().is_none()
        || [
            &t.int,
            &t.float,
            &t.str,
            &t.bytes,
            &t.complex,
            &t.bool,
            &t.none_type,
        ]
        .iter()
        .any(|a| cls.is(a));
    Ok(Value::Bool(!atomic))
}

fn g_is_finalized(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.one(vm, "is_finalized")?;
    Ok(Value::Bool(v.as_obj().is_some_and(|o| o.is_finalized())))
}

fn g_noop(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "freeze")?;
    Ok(Value::None)
}

fn g_get_freeze_count(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "get_freeze_count")?;
    Ok(Value::Int(0))
}

fn g_get_stats(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "get_stats")?;
    let mut gens = Vec::new();
    for _ in 0..3 {
        let d = vm.new_dict();
        for k in ["collections", "collected", "uncollectable"] {
            d.set_str(&vm.intern(k), Value::Int(0));
        }
        gens.push(d.into());
    }
    Ok(vm.new_list(gens).into())
}

fn init_module(vm: &Vm) -> PyResult<Py<Module>> {
    let m = vm.new_module("gc");
    for (name, f) in [
        ("collect", g_collect as crate::types::function::NativeFn),
        ("enable", g_enable),
        ("disable", g_disable),
        ("isenabled", g_isenabled),
        ("get_count", g_get_count),
        ("get_threshold", g_get_threshold),
        ("set_threshold", g_set_threshold),
        ("get_debug", g_get_debug),
        ("set_debug", g_set_debug),
        ("is_tracked", g_is_tracked),
        ("is_finalized", g_is_finalized),
        ("freeze", g_noop),
        ("unfreeze", g_noop),
        ("get_freeze_count", g_get_freeze_count),
        ("get_stats", g_get_stats),
    ] {
        vm.add_function(&m, name, f);
    }
    let d = m.dict();
    d.set_str(&vm.intern("garbage"), vm.new_list(vec![]).into());
    d.set_str(&vm.intern("callbacks"), vm.new_list(vec![]).into());
    for (k, v) in [
        ("DEBUG_STATS", 1),
        ("DEBUG_COLLECTABLE", 2),
        ("DEBUG_UNCOLLECTABLE", 4),
        ("DEBUG_SAVEALL", 32),
        ("DEBUG_LEAK", 38),
    ] {
        d.set_str(&vm.intern(k), Value::Int(v));
    }
    Ok(m)
}

/// Registers `gc`.
pub(crate) fn register(vm: &Vm) {
    vm.register_native_module("gc", init_module);
}
