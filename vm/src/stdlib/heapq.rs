//! `_heapq`: the binary-heap primitives on lists (min-heaps and the `_max` variants), with
//! CPython's exact sift order so that heaps holding equal or unordered items end up
//! arranged the same way. `heapq` itself (`vm/lib/heapq.py`) adds merge/nlargest/nsmallest.

use crate::object::{Py, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::types::list::List;
use crate::types::module::Module;

/// `a < b`, directly for ints and floats.
fn less(vm: &Vm, a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x < y),
        (Value::Float(x), Value::Float(y)) => Ok(x < y),
        _ => vm.lt_bool(a, b),
    }
}

/// `a` comes before `b` in the heap order (`max` reverses it).
fn before(vm: &Vm, a: &Value, b: &Value, max: bool) -> PyResult<bool> {
    if max { less(vm, b, a) } else { less(vm, a, b) }
}

fn at(heap: &List, i: usize) -> Value {
    heap.get(i).unwrap_or(Value::None)
}

fn swap(heap: &List, i: usize, j: usize) {
    let a = at(heap, i);
    let b = heap.set(j, a).unwrap_or(Value::None);
    drop(heap.set(i, b));
}

fn changed(vm: &Vm) -> crate::runtime::PyErr {
    vm.new_runtime_error("list changed size during iteration")
}

/// Moves the item at `pos` up towards `start` while it comes before its parent.
fn sift_down(vm: &Vm, heap: &List, start: usize, mut pos: usize, max: bool) -> PyResult<()> {
    let size = heap.len();
    if pos >= size {
        return Err(vm.new_index_error("index out of range"));
    }
    while pos > start {
        let parent = (pos - 1) >> 1;
        let earlier = before(vm, &at(heap, pos), &at(heap, parent), max)?;
        if size != heap.len() {
            return Err(changed(vm));
        }
        if !earlier {
            break;
        }
        swap(heap, pos, parent);
        pos = parent;
    }
    Ok(())
}

/// Moves the earlier child up from `pos` down to a leaf, then sifts the item back up.
fn sift_up(vm: &Vm, heap: &List, mut pos: usize, max: bool) -> PyResult<()> {
    let end = heap.len();
    let start = pos;
    if pos >= end {
        return Err(vm.new_index_error("index out of range"));
    }
    let limit = end >> 1;
    while pos < limit {
        let mut child = 2 * pos + 1;
        if child + 1 < end {
            let left_first = before(vm, &at(heap, child), &at(heap, child + 1), max)?;
            if !left_first {
                child += 1;
            }
            if end != heap.len() {
                return Err(changed(vm));
            }
        }
        swap(heap, child, pos);
        pos = child;
    }
    sift_down(vm, heap, start, pos, max)
}

fn list_arg<'a>(vm: &Vm, v: &'a Value, fname: &str, what: &str) -> PyResult<&'a Py<List>> {
    v.downcast::<List>().ok_or_else(|| {
        vm.new_type_error(format!(
            "{fname}() argument {what}must be list, not {}",
            vm.type_name(v)
        ))
    })
}

fn push(vm: &Vm, args: Args<'_>, name: &str, max: bool) -> PyResult<Value> {
    let v = args.range(vm, name, 2, 2)?;
    let heap = list_arg(vm, &v[0], name, "1 ")?;
    heap.push(v[1].clone());
    sift_down(vm, heap, 0, heap.len() - 1, max)?;
    Ok(Value::None)
}

fn pop(vm: &Vm, args: Args<'_>, name: &str, max: bool) -> PyResult<Value> {
    let v = args.one(vm, name)?;
    let heap = list_arg(vm, v, name, "")?;
    let n = heap.len();
    if n == 0 {
        return Err(vm.new_index_error("index out of range"));
    }
    let last = heap.remove(n - 1).unwrap_or(Value::None);
    if n == 1 {
        return Ok(last);
    }
    let top = heap.set(0, last).unwrap_or(Value::None);
    sift_up(vm, heap, 0, max)?;
    Ok(top)
}

fn replace(vm: &Vm, args: Args<'_>, name: &str, max: bool) -> PyResult<Value> {
    let v = args.range(vm, name, 2, 2)?;
    let heap = list_arg(vm, &v[0], name, "1 ")?;
    if heap.is_empty() {
        return Err(vm.new_index_error("index out of range"));
    }
    let top = heap.set(0, v[1].clone()).unwrap_or(Value::None);
    sift_up(vm, heap, 0, max)?;
    Ok(top)
}

fn pushpop(vm: &Vm, args: Args<'_>, name: &str, max: bool) -> PyResult<Value> {
    let v = args.range(vm, name, 2, 2)?;
    let heap = list_arg(vm, &v[0], name, "1 ")?;
    let item = &v[1];
    if heap.is_empty() {
        return Ok(item.clone());
    }
    if !before(vm, &at(heap, 0), item, max)? {
        return Ok(item.clone());
    }
    if heap.is_empty() {
        return Err(vm.new_index_error("index out of range"));
    }
    let top = heap.set(0, item.clone()).unwrap_or(Value::None);
    sift_up(vm, heap, 0, max)?;
    Ok(top)
}

fn heapify(vm: &Vm, args: Args<'_>, name: &str, max: bool) -> PyResult<Value> {
    let v = args.one(vm, name)?;
    let heap = list_arg(vm, v, name, "")?;
    // Sifting every parent bottom-up leaves the same arrangement as CPython's
    // cache-friendly order: each sift sees the same finished subtrees.
    for i in (0..heap.len() / 2).rev() {
        sift_up(vm, heap, i, max)?;
    }
    Ok(Value::None)
}

fn heappush(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    push(vm, args, "heappush", false)
}

fn heappush_max(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    push(vm, args, "heappush_max", true)
}

fn heappop(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    pop(vm, args, "heappop", false)
}

fn heappop_max(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    pop(vm, args, "heappop_max", true)
}

fn heapreplace(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    replace(vm, args, "heapreplace", false)
}

fn heapreplace_max(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    replace(vm, args, "heapreplace_max", true)
}

fn heappushpop(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    pushpop(vm, args, "heappushpop", false)
}

fn heappushpop_max(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    pushpop(vm, args, "heappushpop_max", true)
}

fn heapify_min(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    heapify(vm, args, "heapify", false)
}

fn heapify_max(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    heapify(vm, args, "heapify_max", true)
}

/// Builds `_heapq`.
pub fn init(vm: &Vm) -> PyResult<Py<Module>> {
    let m = vm.new_module("_heapq");
    let funcs: &[(&'static str, crate::types::function::NativeFn)] = &[
        ("heappush", heappush),
        ("heappop", heappop),
        ("heapreplace", heapreplace),
        ("heappushpop", heappushpop),
        ("heapify", heapify_min),
        ("heappush_max", heappush_max),
        ("heappop_max", heappop_max),
        ("heapreplace_max", heapreplace_max),
        ("heappushpop_max", heappushpop_max),
        ("heapify_max", heapify_max),
    ];
    for &(name, f) in funcs {
        vm.add_function(&m, name, f);
    }
    Ok(m)
}
