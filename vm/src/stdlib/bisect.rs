//! The `bisect` module: binary search and insertion in sorted sequences, with `key=`.

use crate::object::{Py, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::types::list::List;
use crate::types::module::Module;

/// The parsed `(a, x, lo, hi, key)` arguments shared by all four functions.
struct Search<'a> {
    a: &'a Value,
    x: &'a Value,
    lo: i64,
    hi: Option<i64>,
    key: Option<&'a Value>,
}

fn parse<'a>(vm: &Vm, args: Args<'a>, fname: &str) -> PyResult<Search<'a>> {
    if args.npos() > 4 {
        return Err(vm.new_type_error(format!(
            "{fname}() takes at most 4 positional arguments ({} given)",
            args.npos()
        )));
    }
    let [a, x, lo, hi, key] = args.bind(vm, fname, ["a", "x", "lo", "hi", "key"], 2, 0)?;
    let (Some(a), Some(x)) = (a, x) else {
        return Err(vm.new_type_error(format!("{fname}() missing required argument 'a' (pos 1)")));
    };
    let lo = match lo {
        Some(v) => vm.index_value(v)?,
        None => 0,
    };
    let hi = match hi {
        Some(v) if !v.is_none() => Some(vm.try_index(v)?.map_or_else(
            || {
                Err(vm.new_type_error(format!(
                    "argument should be integer or None, not '{}'",
                    vm.type_name(v)
                )))
            },
            |b| Ok(crate::types::int::saturate_i64(b.as_ref())),
        )?),
        _ => None,
    };
    Ok(Search {
        a,
        x,
        lo,
        hi,
        key: key.filter(|k| !k.is_none()),
    })
}

/// `a[i]`, fast for exact lists.
fn item(vm: &Vm, a: &Value, i: i64) -> PyResult<Value> {
    if let Some(l) = a.downcast::<List>()
        && a.class(vm).is(&vm.types.list)
        && let Some(v) = usize::try_from(i).ok().and_then(|i| l.get(i))
    {
        return Ok(v);
    }
    vm.getitem(a, &Value::Int(i))
}

/// The insertion point of `x` (already mapped through the key by the caller for insort):
/// after equal items when `right`, before them otherwise.
fn search(vm: &Vm, s: &Search<'_>, x: &Value, right: bool) -> PyResult<i64> {
    if s.lo < 0 {
        return Err(vm.new_value_error("lo must be non-negative"));
    }
    let mut lo = s.lo;
    let mut hi = match s.hi {
        Some(h) => h,
        None => vm.len(s.a)? as i64,
    };
    while lo < hi {
        // lo + (hi - lo) / 2 cannot overflow.
        let mid = lo + (hi - lo) / 2;
        let mut it = item(vm, s.a, mid)?;
        if let Some(k) = s.key {
            it = vm.call_pos(k, std::slice::from_ref(&it))?;
        }
        let go_left = if right {
            vm.lt_bool(x, &it)?
        } else {
            !vm.lt_bool(&it, x)?
        };
        if go_left {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

fn bisect_right(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let s = parse(vm, args, "bisect_right")?;
    search(vm, &s, s.x, true).map(Value::Int)
}

fn bisect_left(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let s = parse(vm, args, "bisect_left")?;
    search(vm, &s, s.x, false).map(Value::Int)
}

fn insort(vm: &Vm, args: Args<'_>, fname: &str, right: bool) -> PyResult<Value> {
    let s = parse(vm, args, fname)?;
    let index = match s.key {
        Some(k) => {
            let kx = vm.call_pos(k, std::slice::from_ref(s.x))?;
            search(vm, &s, &kx, right)?
        }
        None => search(vm, &s, s.x, right)?,
    };
    if let Some(l) = s.a.downcast::<List>()
        && s.a.class(vm).is(&vm.types.list)
    {
        let n = l.len() as i64;
        l.insert(index.clamp(0, n) as usize, s.x.clone());
        return Ok(Value::None);
    }
    vm.call_method(s.a, &vm.intern("insert"), &[Value::Int(index), s.x.clone()])?;
    Ok(Value::None)
}

fn insort_right(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    insort(vm, args, "insort_right", true)
}

fn insort_left(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    insort(vm, args, "insort_left", false)
}

/// Builds `bisect`.
pub fn init(vm: &Vm) -> PyResult<Py<Module>> {
    let m = vm.new_module("bisect");
    vm.add_function(&m, "bisect_right", bisect_right);
    vm.add_function(&m, "bisect_left", bisect_left);
    vm.add_function(&m, "insort_right", insort_right);
    vm.add_function(&m, "insort_left", insort_left);
    let d = m.dict();
    for (alias, target) in [("bisect", "bisect_right"), ("insort", "insort_right")] {
        if let Some(f) = d.get_str(&vm.intern(target)) {
            d.set_str(&vm.intern(alias), f);
        }
    }
    Ok(m)
}
