//! Sorting for `list.sort` and `sorted`: a stable merge sort by `<` that tolerates
//! inconsistent comparisons, and native sorts for keys that are all immediate ints, all
//! immediate floats or all exact strs (CPython's pre-sort type check).

use std::cmp::Ordering;

use crate::object::Value;
use crate::runtime::{Args, Vm};
use crate::types::str::Str;

/// Stable sort by `<` (on keys when given); on error gives back the items in some order.
pub(crate) fn sort_values(
    vm: &Vm,
    items: Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> Result<Vec<Value>, (Vec<Value>, crate::runtime::PyErr)> {
    let computed;
    let keys: &[Value] = match key {
        Some(f) => {
            let mut keys = Vec::with_capacity(items.len());
            for item in &items {
                match vm.call(f, Args::positional(std::slice::from_ref(item))) {
                    Ok(k) => keys.push(k),
                    Err(e) => return Err((items, e)),
                }
            }
            computed = keys;
            &computed
        }
        // The items left the list, so no Python code can change them while they are sorted.
        None => &items,
    };
    let mut order: Vec<usize> = (0..items.len()).collect();
    if reverse {
        // Reverse-then-sort-then-reverse keeps stability for equal keys, as CPython does.
        order.reverse();
    }
    let mut err = None;
    if !sort_native(vm, keys, &mut order) {
        merge_sort(&mut order, &mut |a, b| {
            if err.is_some() {
                return false;
            }
            match vm.lt_bool(&keys[b], &keys[a]) {
                Ok(lt) => lt,
                Err(e) => {
                    err = Some(e);
                    false
                }
            }
        });
    }
    if let Some(e) = err {
        return Err((items, e));
    }
    if reverse {
        order.reverse();
    }
    let mut slots: Vec<Option<Value>> = items.into_iter().map(Some).collect();
    Ok(order.into_iter().filter_map(|i| slots[i].take()).collect())
}

/// Stable merge sort of indices; `gt(a, b)` says item `a` must come after item `b`
/// (i.e. `b < a`). Never assumes the comparison is a total order.
fn merge_sort(v: &mut [usize], gt: &mut impl FnMut(usize, usize) -> bool) {
    let n = v.len();
    if n <= 1 {
        return;
    }
    if n <= 16 {
        for i in 1..n {
            let mut j = i;
            while j > 0 && gt(v[j - 1], v[j]) {
                v.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    let mid = n / 2;
    merge_sort(&mut v[..mid], gt);
    merge_sort(&mut v[mid..], gt);
    if !gt(v[mid - 1], v[mid]) {
        return;
    }
    let left = v[..mid].to_vec();
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < left.len() && j < n {
        if gt(left[i], v[j]) {
            v[k] = v[j];
            j += 1;
        } else {
            v[k] = left[i];
            i += 1;
        }
        k += 1;
    }
    while i < left.len() {
        v[k] = left[i];
        i += 1;
        k += 1;
    }
}

/// Sorts `order` by `keys` without Python-level comparisons when every key is an immediate
/// int, every key an immediate float, or every key an exact str: `<` on those is a total
/// order (floats: immediates are never NaN, and equal zeros compare equal) that runs no
/// Python code, so a native stable sort gives the same result. False for anything else.
fn sort_native(vm: &Vm, keys: &[Value], order: &mut [usize]) -> bool {
    let int = |v: &Value| match v {
        Value::Int(i) => Some(*i),
        _ => None,
    };
    let float = |v: &Value| match v {
        Value::Float(f) if !f.is_nan() => Some(*f),
        _ => None,
    };
    fn exact_str<'a>(vm: &Vm, v: &'a Value) -> Option<&'a [u8]> {
        v.as_obj()
            .filter(|o| o.ty().is(&vm.types.str))
            .and_then(|_| v.downcast::<Str>())
            .map(|s| s.as_bytes())
    }
    // Indirect sorts of `order`: no allocation for short lists (the common `key=`
    // case sorts a handful of items).
    match keys.first() {
        None => true,
        Some(Value::Int(_)) if keys.iter().all(|k| int(k).is_some()) => {
            order.sort_by_key(|&i| int(&keys[i]));
            true
        }
        Some(Value::Float(_)) if keys.iter().all(|k| float(k).is_some()) => {
            order.sort_by(|&a, &b| {
                float(&keys[a])
                    .partial_cmp(&float(&keys[b]))
                    .unwrap_or(Ordering::Equal)
            });
            true
        }
        // Generalized UTF-8 orders like the code points it encodes (surrogates included),
        // which is how `str.__lt__` compares.
        Some(Value::Obj(_)) if keys.iter().all(|k| exact_str(vm, k).is_some()) => {
            order.sort_by(|&a, &b| exact_str(vm, &keys[a]).cmp(&exact_str(vm, &keys[b])));
            true
        }
        _ => false,
    }
}
