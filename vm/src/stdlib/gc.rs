//! The `gc` module over the cycle collector (`object::gc` for tracking and the analysis,
//! `runtime::gc` for running a collection): `collect`, the automatic-collection switch and
//! thresholds, counts and statistics, `get_objects`/`get_referrers`/`get_referents`,
//! `is_tracked`/`is_finalized`, `freeze`, `callbacks`, `garbage` and the debug flags.

use crate::object::gc::{self as core_gc, GENERATIONS};
use crate::object::{ObjRef, Py, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::types::module::Module;

fn ints(vm: &Vm, xs: [i64; GENERATIONS]) -> Value {
    vm.new_tuple(xs.iter().map(|&x| Value::Int(x)).collect())
        .into()
}

fn g_collect(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [generation] = args.bind(vm, "collect", ["generation"], 0, 0)?;
    let mut g = GENERATIONS as i64 - 1;
    if let Some(v) = generation {
        g = vm.index_value(v)?;
        if !(0..GENERATIONS as i64).contains(&g) {
            return Err(vm.new_value_error("invalid generation"));
        }
    }
    Ok(Value::Int(vm.gc_collect(g as usize) as i64))
}

fn g_enable(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "enable")?;
    core_gc::set_enabled(true);
    Ok(Value::None)
}

fn g_disable(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "disable")?;
    core_gc::set_enabled(false);
    Ok(Value::None)
}

fn g_isenabled(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "isenabled")?;
    Ok(Value::Bool(core_gc::is_enabled()))
}

fn g_get_count(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "get_count")?;
    Ok(ints(vm, core_gc::counts()))
}

fn g_get_threshold(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "get_threshold")?;
    Ok(ints(vm, core_gc::thresholds()))
}

fn g_set_threshold(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_kwargs(vm, "set_threshold")?;
    let vals = args.pos();
    if vals.is_empty() || vals.len() > GENERATIONS {
        return Err(vm.new_type_error("gc.set_threshold requires 1 to 3 arguments"));
    }
    let mut t = core_gc::thresholds();
    for (slot, v) in t.iter_mut().zip(vals) {
        *slot = vm.index_value(v)?;
    }
    core_gc::set_thresholds(t);
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

fn g_is_tracked(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.one(vm, "gc.is_tracked")?;
    Ok(Value::Bool(v.as_obj().is_some_and(ObjRef::gc_is_tracked)))
}

fn g_is_finalized(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.one(vm, "gc.is_finalized")?;
    Ok(Value::Bool(v.as_obj().is_some_and(|o| o.is_finalized())))
}

fn g_freeze(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "freeze")?;
    core_gc::freeze();
    Ok(Value::None)
}

fn g_unfreeze(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "unfreeze")?;
    core_gc::unfreeze();
    Ok(Value::None)
}

fn g_get_freeze_count(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "get_freeze_count")?;
    Ok(Value::Int(core_gc::freeze_count() as i64))
}

fn g_get_stats(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "get_stats")?;
    let mut gens = Vec::new();
    for st in core_gc::stats() {
        let d = vm.new_dict();
        for (k, v) in [
            ("collections", st.collections),
            ("collected", st.collected),
            ("uncollectable", st.uncollectable),
        ] {
            d.set_str(&vm.intern(k), Value::Int(v));
        }
        gens.push(d.into());
    }
    Ok(vm.new_list(gens).into())
}

fn g_get_objects(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [generation] = args.bind(vm, "get_objects", ["generation"], 0, 0)?;
    let g = match generation {
        None | Some(Value::None) => None,
        Some(v) => {
            let g = vm.index_value(v)?;
            if g >= GENERATIONS as i64 {
                return Err(vm.new_value_error(
                    "generation parameter must be less than the number of available \
                     generations (3)",
                ));
            }
            // CPython treats a negative generation as "all".
            usize::try_from(g).ok()
        }
    };
    let objs = core_gc::objects(g);
    Ok(vm
        .new_list(objs.into_iter().map(Value::Obj).collect())
        .into())
}

fn g_get_referents(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_kwargs(vm, "get_referents")?;
    let mut out: Vec<Value> = Vec::new();
    for v in args.pos() {
        let Some(o) = v.as_obj() else { continue };
        if !o.is_gc() {
            continue;
        }
        let found = std::cell::RefCell::new(Vec::new());
        let mut objs = |c: &ObjRef| found.borrow_mut().push(Value::Obj(c.clone()));
        let mut scalars = |s: &Value| found.borrow_mut().push(s.clone());
        core_gc::traverse(
            o,
            &mut core_gc::Visitor::with_scalars(&mut objs, &mut scalars),
        );
        out.extend(found.into_inner());
    }
    Ok(vm.new_list(out).into())
}

fn g_get_referrers(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_kwargs(vm, "get_referrers")?;
    let targets: Vec<ObjRef> = args
        .pos()
        .iter()
        .filter_map(|v| v.as_obj().cloned())
        .collect();
    let found = crate::runtime::gc::referrers(&targets);
    Ok(vm
        .new_list(found.into_iter().map(Value::Obj).collect())
        .into())
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
        ("freeze", g_freeze),
        ("unfreeze", g_unfreeze),
        ("get_freeze_count", g_get_freeze_count),
        ("get_stats", g_get_stats),
        ("get_objects", g_get_objects),
        ("get_referents", g_get_referents),
        ("get_referrers", g_get_referrers),
    ] {
        vm.add_function(&m, name, f);
    }
    let d = m.dict();
    // The collector keeps using these list objects even if the names are rebound, as
    // CPython does.
    let garbage = vm
        .stdlib
        .gc_garbage
        .with_mut(|g| g.get_or_insert_with(|| vm.new_list(vec![])).clone());
    let callbacks = vm
        .stdlib
        .gc_callbacks
        .with_mut(|g| g.get_or_insert_with(|| vm.new_list(vec![])).clone());
    d.set_str(&vm.intern("garbage"), garbage.into());
    d.set_str(&vm.intern("callbacks"), callbacks.into());
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
