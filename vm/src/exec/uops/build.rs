//! Building containers and strings, comprehension appends, and unpacking.

use crate::exec::frame::Regs;
use crate::exec::{Ctx, Flow};
use crate::object::Value;
use crate::runtime::Vm;
use crate::tri;
use crate::types::dict::Dict;
use crate::types::list::List;
use crate::types::set::Set;
use crate::types::str::Str;
use crate::types::tuple::Tuple;

/// `BUILD_TUPLE n`.
#[inline(always)]
pub(crate) fn _BUILD_TUPLE<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let t = c.vm.new_tuple_from(tri!(c.r.pop_n_iter(c.oparg as usize)));
    tri!(c.r.push(t.into()));
    Flow::Next
}

/// `BUILD_LIST n`.
#[inline(always)]
pub(crate) fn _BUILD_LIST<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    // Popped through the moving iterator: an out-of-line `pop_n` would take the address
    // of the loop's registers.
    let items: Vec<Value> = tri!(c.r.pop_n_iter(c.oparg as usize)).collect();
    let l = c.vm.new_list(items);
    tri!(c.r.push(l.into()));
    Flow::Next
}

/// `BUILD_SET n`.
#[inline(always)]
pub(crate) fn _BUILD_SET(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let items = tri!(c.r.pop_n(c.oparg as usize));
    let s = c.vm.new_set();
    for item in items {
        if let Err(e) = s.add(c.vm, item) {
            return c.error(e);
        }
    }
    tri!(c.r.push(s.into()));
    Flow::Next
}

/// `BUILD_MAP n`: `n` key/value pairs.
#[inline(always)]
pub(crate) fn _BUILD_MAP(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let items = tri!(c.r.pop_n(2 * c.oparg as usize));
    let d = c.vm.new_dict();
    let mut it = items.into_iter();
    while let (Some(k), Some(v)) = (it.next(), it.next()) {
        if let Err(e) = d.set_item(c.vm, k, v) {
            return c.error(e);
        }
    }
    tri!(c.r.push(d.into()));
    Flow::Next
}

/// `BUILD_SLICE 2|3`.
#[inline(always)]
pub(crate) fn _BUILD_SLICE<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let mut items = tri!(c.r.pop_n_iter(c.oparg as usize));
    let start = items.next().unwrap_or(Value::None);
    let stop = items.next().unwrap_or(Value::None);
    let step = items.next().unwrap_or(Value::None);
    drop(items);
    let s = c.vm.new_slice(start, stop, step);
    tri!(c.r.push(s.into()));
    Flow::Next
}

/// `BUILD_STRING n`: concatenates `n` strs.
#[inline(always)]
pub(crate) fn _BUILD_STRING(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let items = tri!(c.r.pop_n(c.oparg as usize));
    let mut out = crate::text::wtf8::Wtf8Buf::new();
    for item in &items {
        match item.downcast::<Str>() {
            Some(s) => out.push_wtf8(s.as_wtf8()),
            None => return Flow::Fault,
        }
    }
    let s = c.vm.new_str_buf(out);
    tri!(c.r.push(s.into()));
    Flow::Next
}

/// `LIST_APPEND i`: appends to the list `i` deep (comprehensions).
#[inline(always)]
pub(crate) fn _LIST_APPEND<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let v = tri!(c.r.pop());
    let Some(l) = tri!(c.r.peek(c.oparg as usize)).downcast::<List>() else {
        return Flow::Fault;
    };
    l.push(v);
    Flow::Next
}

/// `LIST_EXTEND i`.
#[inline(always)]
pub(crate) fn _LIST_EXTEND(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let it = tri!(c.r.pop());
    let Some(l) = tri!(c.r.peek(c.oparg as usize)).downcast::<List>().cloned() else {
        return Flow::Fault;
    };
    match c.vm.collect(&it) {
        Ok(items) => {
            l.extend(items);
            Flow::Next
        }
        Err(e) => {
            if e.matches(&c.vm.exc.type_error)
                && it.class(c.vm).slots.iter.get().is_none()
                && it.class(c.vm).slots.getitem.get().is_none()
            {
                return c.error(c.vm.new_type_error(format!(
                    "Value after * must be an iterable, not {}",
                    c.vm.type_name(&it)
                )));
            }
            c.error(e)
        }
    }
}

/// `SET_ADD i`.
#[inline(always)]
pub(crate) fn _SET_ADD(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let v = tri!(c.r.pop());
    let Some(s) = tri!(c.r.peek(c.oparg as usize)).downcast::<Set>().cloned() else {
        return Flow::Fault;
    };
    match s.add(c.vm, v) {
        Ok(()) => Flow::Next,
        Err(e) => c.error(e),
    }
}

/// `SET_UPDATE i`.
#[inline(always)]
pub(crate) fn _SET_UPDATE(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let it = tri!(c.r.pop());
    let Some(s) = tri!(c.r.peek(c.oparg as usize)).downcast::<Set>().cloned() else {
        return Flow::Fault;
    };
    match s.update(c.vm, &it) {
        Ok(()) => Flow::Next,
        Err(e) => c.error(e),
    }
}

/// `MAP_ADD i`: `(..., key, value)` into the dict `i` deep below them.
#[inline(always)]
pub(crate) fn _MAP_ADD(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let v = tri!(c.r.pop());
    let k = tri!(c.r.pop());
    let Some(d) = tri!(c.r.peek(c.oparg as usize)).downcast::<Dict>().cloned() else {
        return Flow::Fault;
    };
    match d.set_item(c.vm, k, v) {
        Ok(()) => Flow::Next,
        Err(e) => c.error(e),
    }
}

/// `DICT_UPDATE i`: `{**x}`.
#[inline(always)]
pub(crate) fn _DICT_UPDATE(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let update = tri!(c.r.pop());
    let Some(d) = tri!(c.r.peek(c.oparg as usize)).downcast::<Dict>().cloned() else {
        return Flow::Fault;
    };
    if c.vm
        .getattr_opt(&update, &c.vm.names.keys)
        .ok()
        .flatten()
        .is_none()
    {
        return c.error(c.vm.new_type_error(format!(
            "'{}' object is not a mapping",
            c.vm.type_name(&update)
        )));
    }
    match crate::types::dict_type::dict_merge(c.vm, &d, &update) {
        Ok(()) => Flow::Next,
        Err(e) => c.error(e),
    }
}

/// The function name for call-argument errors (`f()`), CPython's `_PyEval_FormatKwargsError`.
/// `DICT_MERGE i`: `f(**x)`: no duplicate keys allowed.
#[inline(always)]
pub(crate) fn _DICT_MERGE(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let update = tri!(c.r.pop());
    let n = c.oparg as usize;
    let Some(d) = tri!(c.r.peek(n)).downcast::<Dict>().cloned() else {
        return Flow::Fault;
    };
    let callable = tri!(c.r.peek(n + 3)).clone();
    let vm = c.vm;
    let keys: Vec<Value> = if let Some(u) = update.downcast::<Dict>() {
        u.keys()
    } else {
        match vm.getattr_opt(&update, &vm.names.keys) {
            Ok(Some(k)) => match vm.call_pos(&k, &[]).and_then(|ks| vm.collect(&ks)) {
                Ok(v) => v,
                Err(e) => return c.error(e),
            },
            Ok(None) => {
                return c.error(vm.new_type_error(format!(
                    "{} argument after ** must be a mapping, not {}",
                    super::calls::function_str(vm, &callable),
                    vm.type_name(&update)
                )));
            }
            Err(e) => return c.error(e),
        }
    };
    for k in keys {
        let v = match vm.getitem(&update, &k) {
            Ok(v) => v,
            Err(e) => return c.error(e),
        };
        match d.contains(vm, &k) {
            Ok(true) => {
                let name = match k.downcast::<Str>() {
                    Some(s) => s.to_lossy().into_owned(),
                    None => return c.error(vm.new_type_error("keywords must be strings")),
                };
                return c.error(vm.new_type_error(format!(
                    "{} got multiple values for keyword argument '{name}'",
                    super::calls::function_str(vm, &callable)
                )));
            }
            Ok(false) => {}
            Err(e) => return c.error(e),
        }
        if let Err(e) = d.set_item(vm, k, v) {
            return c.error(e);
        }
    }
    Flow::Next
}

/// Items of an unpacking target (`a, b = x`), with CPython's errors.
fn unpack_items(
    vm: &Vm,
    seq: &Value,
    before: usize,
    after: Option<usize>,
) -> Result<Vec<Value>, crate::runtime::PyErr> {
    let items = match vm.iter(seq) {
        Ok(it) => {
            let known_len = seq.downcast::<List>().map(|l| l.len()).or_else(|| {
                seq.downcast::<crate::types::tuple::Tuple>()
                    .map(|t| t.len())
            });
            let mut items = Vec::new();
            let limit = match after {
                Some(_) => usize::MAX,
                None => before + 1,
            };
            while items.len() < limit {
                match vm.next(&it)? {
                    Some(x) => items.push(x),
                    None => break,
                }
            }
            if after.is_none() && items.len() > before {
                return Err(vm.new_value_error(match known_len {
                    Some(n) => format!("too many values to unpack (expected {before}, got {n})"),
                    None => format!("too many values to unpack (expected {before})"),
                }));
            }
            items
        }
        Err(e) if e.matches(&vm.exc.type_error) && seq.class(vm).slots.iter.get().is_none() => {
            return Err(vm.new_type_error(format!(
                "cannot unpack non-iterable {} object",
                vm.type_name(seq)
            )));
        }
        Err(e) => return Err(e),
    };
    let need = before + after.unwrap_or(0);
    if items.len() < need {
        return Err(vm.new_value_error(match after {
            Some(_) => format!(
                "not enough values to unpack (expected at least {need}, got {})",
                items.len()
            ),
            None => format!(
                "not enough values to unpack (expected {need}, got {})",
                items.len()
            ),
        }));
    }
    Ok(items)
}

/// A builtin tuple or list of exactly `n` items on top unpacks from its items directly (no
/// iterator, no vector), on either context: no Python code runs (dropping the sequence
/// reaches only the heap). A list's items are read through `List::with_items`, which is
/// always inlined (a closure over the registers LLVM did not inline would pin the loop's
/// registers to memory). `None` (nothing changed) for anything else.
#[inline(always)]
fn unpack_exact(r: &mut Regs, n: usize) -> Option<Flow> {
    let top = r.peek(1).ok()?;
    // Not for a Python subclass, whose `__iter__` may differ (CPython's guards are exact).
    if let Value::Obj(o) = top
        && o.ty().is_heap()
    {
        return None;
    }
    let fits = top.downcast::<Tuple>().is_some_and(|t| t.len() == n)
        || top.downcast::<List>().is_some_and(|l| l.len() == n);
    if !fits {
        return None;
    }
    let Ok(seq) = r.pop() else {
        return Some(Flow::Fault);
    };
    if let Some(t) = seq.downcast::<Tuple>() {
        return push_rev(r, t.as_slice());
    }
    let Some(l) = seq.downcast::<List>() else {
        return Some(Flow::Fault);
    };
    // One borrow of the items for the whole copy: `List::get` per item re-read the
    // vector's fields and bounds-checked each index (~20 machine instructions an item
    // against the tuple's ~6). Nothing here runs Python code, so the length checked above
    // still holds.
    l.with_items(|items| push_rev(r, items))
}

/// Pushes new references to `items`, last first (`UNPACK_SEQUENCE`'s order).
#[inline(always)]
fn push_rev(r: &mut Regs, items: &[Value]) -> Option<Flow> {
    for v in items.iter().rev() {
        if r.push(v.clone()).is_err() {
            return Some(Flow::Fault);
        }
    }
    Some(Flow::Next)
}

/// `UNPACK_SEQUENCE n`: pushes the items in reverse (the first ends on top).
#[inline(always)]
pub(crate) fn _UNPACK_SEQUENCE<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let n = c.oparg as usize;
    if let Some(flow) = unpack_exact(&mut c.r, n) {
        return flow;
    }
    let Some(c) = c.full() else {
        return Flow::Escape;
    };
    let seq = tri!(c.r.pop());
    match unpack_items(c.vm, &seq, n, None) {
        Ok(items) => {
            for v in items.into_iter().rev() {
                tri!(c.r.push(v));
            }
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}

/// `UNPACK_EX before | after << 8`: `a, *b, c = x`.
#[inline(always)]
pub(crate) fn _UNPACK_EX(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let seq = tri!(c.r.pop());
    let before = (c.oparg & 0xff) as usize;
    let after = (c.oparg >> 8) as usize;
    match unpack_items(c.vm, &seq, before, Some(after)) {
        Ok(mut items) => {
            let tail: Vec<Value> = items.split_off(items.len() - after);
            let middle: Vec<Value> = items.split_off(before);
            for v in tail.into_iter().rev() {
                tri!(c.r.push(v));
            }
            tri!(c.r.push(c.vm.new_list(middle).into()));
            for v in items.into_iter().rev() {
                tri!(c.r.push(v));
            }
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}

/// `BUILD_TEMPLATE` (t-strings, PEP 750).
#[inline(always)]
pub(crate) fn _BUILD_TEMPLATE(c: &mut Ctx<'_>, _o: usize) -> Flow {
    c.error(
        c.vm.new_not_implemented_error("template strings (t-strings) are not supported by rpy yet"),
    )
}

/// `BUILD_INTERPOLATION` (t-strings, PEP 750).
#[inline(always)]
pub(crate) fn _BUILD_INTERPOLATION(c: &mut Ctx<'_>, _o: usize) -> Flow {
    c.error(
        c.vm.new_not_implemented_error("template strings (t-strings) are not supported by rpy yet"),
    )
}
