//! The `list` payload and its behaviour.
//!
//! Elements live in a `PyCell<Items>` (a vector with a consumed front, `list_items.rs`).
//! Operations that run Python code (comparisons,
//! `__index__`, `__eq__`) work on copies or re-check the length afterwards, and removed
//! elements are dropped after the cell access, since dropping can run `__del__`.

use crate::object::{CompareOp, Py, PyCell, Type, Value};
use crate::runtime::{Args, PyResult, Vm};

use super::list_items::{Items, drop_last_first};
use super::slice::Slice;

/// A Python `list`.
#[derive(Default)]
pub struct List {
    items: PyCell<Items>,
}

crate::payload!(List, gc);

impl List {
    /// Cycle collector: the items, last first (CPython's order).
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        self.items
            .with(|items| visit.values(items.as_slice().iter().rev()));
    }

    fn gc_clear(&self) {
        drop(self.items.take());
    }
}

impl List {
    /// A list holding `items`.
    pub fn new(items: Vec<Value>) -> List {
        List {
            items: PyCell::new(Items::new(items)),
        }
    }

    /// Number of items.
    #[inline]
    pub fn len(&self) -> usize {
        self.items.with(Items::len)
    }

    /// True when empty.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The item at `i`.
    #[inline]
    pub fn get(&self, i: usize) -> Option<Value> {
        self.items.with(|v| v.as_slice().get(i).cloned())
    }

    /// Replaces the item at `i`, returning the old one.
    #[inline]
    pub fn set(&self, i: usize, value: Value) -> Option<Value> {
        self.items.with_mut(|v| {
            v.as_mut_slice()
                .get_mut(i)
                .map(|slot| std::mem::replace(slot, value))
        })
    }

    /// Appends.
    #[inline]
    pub fn push(&self, value: Value) {
        self.items.with_mut(|v| v.push(value));
    }

    /// Removes and returns the item at `i`.
    pub fn remove(&self, i: usize) -> Option<Value> {
        self.items.with_mut(|v| v.remove(i))
    }

    /// Inserts at `i` (clamped).
    pub fn insert(&self, i: usize, value: Value) {
        self.items.with_mut(|v| v.insert(i, value));
    }

    /// A copy of the items.
    pub fn to_vec(&self) -> Vec<Value> {
        self.items.with(|v| v.as_slice().to_vec())
    }

    /// Replaces all items, returning the old ones.
    pub fn replace(&self, items: Vec<Value>) -> Vec<Value> {
        self.items.replace(Items::new(items)).into_vec()
    }

    /// Appends many.
    pub fn extend(&self, items: Vec<Value>) {
        self.items.with_mut(|v| v.extend(items));
    }

    /// Runs `f` over the items without running Python code. Always inlined: the eval
    /// loop's uops call it with closures over their registers.
    #[inline(always)]
    pub fn with_items<R>(&self, f: impl FnOnce(&[Value]) -> R) -> R {
        self.items.with(|v| f(v.as_slice()))
    }
}

impl Vm {
    /// A new list.
    pub fn new_list(&self, items: Vec<Value>) -> Py<List> {
        crate::object::core::alloc(&self.types.list, List::new(items))
    }

    /// A new list whose `len` items `fill` pushes (it must not run Python code): the list
    /// last recycled (see [`Vm::recycle_list`]), filled in its own emptied vector, when
    /// there is one, else a new list on the item vector last recycled.
    #[inline]
    pub fn new_list_with(&self, len: usize, fill: impl FnOnce(&mut Vec<Value>)) -> Py<List> {
        if let Some(l) = self.list_cache.take() {
            l.items.with_mut(|it| {
                let v = it.vec_mut();
                v.reserve(len);
                fill(v);
            });
            return l;
        }
        let mut items = self.list_buf.take();
        // A fresh vector gets room for the usual small temporary too, so that once recycled
        // it rarely regrows.
        let want = if items.capacity() == 0 {
            len.max(LIST_BUF_MIN)
        } else {
            len
        };
        items.reserve(want);
        fill(&mut items);
        self.new_list(items)
    }

    /// Takes a list value about to be released: when it is an exact list held by no one
    /// else (the temporary of `a[:k] = a[k::-1]`), it is emptied and kept, with its item
    /// vector when small, for the next [`Vm::new_list_with`], as CPython keeps a free list
    /// of list objects (an allocation, a free and a GC unlink per temporary, ~250 machine
    /// instructions). Anything else is just dropped.
    pub fn recycle_list(&self, v: Value) {
        let Ok(mut l) = v.into_downcast::<List>() else {
            return;
        };
        if !l.as_obj().ty().is(&self.types.list) {
            return;
        }
        let Some(list) = l.get_mut() else {
            return;
        };
        let mut items = std::mem::take(list.items.get_mut()).into_vec();
        // Last first, with the list empty (a release may run code).
        drop_last_first(&mut items);
        // That code may have found the list (`gc.get_objects()`): kept only if still ours.
        let Some(list) = l.get_mut() else {
            return;
        };
        let old = (items.capacity() <= LIST_BUF_MAX)
            .then(|| std::mem::replace(list.items.get_mut(), Items::new(items)));
        drop(self.list_cache.replace(Some(l)));
        drop(old);
    }

    /// Releases `items` (last first, as [`drop_last_first`]) and keeps their emptied
    /// vector (when small) for the next [`Vm::new_list_with`].
    pub fn recycle_items(&self, mut items: Vec<Value>) {
        drop_last_first(&mut items);
        if items.capacity() <= LIST_BUF_MAX && items.capacity() > 0 {
            drop(self.list_buf.replace(items));
        }
    }
}

/// The capacity a list built from a slice starts with when no vector is recycled.
const LIST_BUF_MIN: usize = 8;

/// The largest item vector kept for reuse (larger ones go back to the allocator).
const LIST_BUF_MAX: usize = 64;

/// Normalizes `start`/`stop` arguments of `index()` for a sequence of length `n`.
pub(crate) fn index_bounds(vm: &Vm, vals: &[Value], n: usize) -> PyResult<(usize, usize)> {
    let clamp = |v: &Value, default: usize| -> PyResult<usize> {
        // `_PyEval_SliceIndexNotNone`: None is not accepted here.
        if v.is_none() {
            return Err(
                vm.new_type_error("slice indices must be integers or have an __index__ method")
            );
        }
        let i = vm
            .slice_index(v)
            .map_err(|e| {
                if e.class().is(&vm.exc.type_error) {
                    vm.new_type_error("slice indices must be integers or have an __index__ method")
                } else {
                    e
                }
            })?
            .unwrap_or(default as i64);
        let n = n as i64;
        Ok(if i < 0 { (i + n).max(0) } else { i.min(n) } as usize)
    };
    let start = match vals.get(1) {
        Some(v) => clamp(v, 0)?,
        None => 0,
    };
    let stop = match vals.get(2) {
        Some(v) => clamp(v, n)?,
        None => n,
    };
    Ok((start, stop))
}

/// Lexicographic comparison of two sequences (lists, tuples), CPython's algorithm: find
/// the first index where the items differ by `==`, then compare there or by length.
pub(crate) fn sequence_compare(
    vm: &Vm,
    a: &[Value],
    b: &[Value],
    op: CompareOp,
) -> PyResult<Value> {
    sequence_compare_by(vm, a.len(), b.len(), |i| (a[i].clone(), b[i].clone()), op)
}

/// [`sequence_compare`] over items fetched by index (lists can change during comparison).
pub(crate) fn sequence_compare_by(
    vm: &Vm,
    alen: usize,
    blen: usize,
    item: impl Fn(usize) -> (Value, Value),
    op: CompareOp,
) -> PyResult<Value> {
    if alen != blen && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Value::Bool(op == CompareOp::Ne));
    }
    let n = alen.min(blen);
    let mut i = 0;
    while i < n {
        let (x, y) = item(i);
        if !vm.eq_bool(&x, &y)? {
            return match op {
                CompareOp::Eq => Ok(Value::Bool(false)),
                CompareOp::Ne => Ok(Value::Bool(true)),
                _ => vm.rich_compare(&x, &y, op),
            };
        }
        i += 1;
    }
    Ok(Value::Bool(op.test(alen.cmp(&blen))))
}

fn this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<List>> {
    v.downcast::<List>()
        .ok_or_else(|| vm.new_type_error("expected a list"))
}

fn list_len(vm: &Vm, v: &Value) -> PyResult<usize> {
    Ok(this(vm, v)?.len())
}

/// `seq[i]` for an exact list or tuple that something besides the caller's stack slot
/// references, read in place: dropping the caller's reference then frees nothing, so the
/// eval loop can run this on its register copy. `None` for anything else (other types,
/// subclasses, a sole reference, an index out of range) sends the caller the general way.
#[inline(always)]
pub fn item_in_place(seq: &Value, i: i64) -> Option<Value> {
    let Value::Obj(o) = seq else {
        return None;
    };
    if o.ty().is_heap() || o.refcount() < 2 {
        return None;
    }
    let at = |n: usize| usize::try_from(if i < 0 { i + n as i64 } else { i }).ok();
    if let Some(l) = o.downcast::<List>() {
        return l.get(at(l.len())?);
    }
    let t = o.downcast::<crate::types::tuple::Tuple>()?;
    t.get(at(t.len())?).cloned()
}

fn list_getitem(vm: &Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let l = this(vm, v)?;
    if let Some(slice) = key.downcast::<Slice>() {
        let idx = slice.indices(vm, l.len())?;
        let items = l.with_items(|items| idx.select(items));
        return Ok(vm.new_list(items).into());
    }
    let i = vm.index_for(key, "list")?;
    let n = l.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.new_index_error("list index out of range"));
    }
    l.get(j as usize)
        .ok_or_else(|| vm.new_index_error("list index out of range"))
}

fn list_setitem(vm: &Vm, v: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    let l = this(vm, v)?;
    if let Some(slice) = key.downcast::<Slice>() {
        let idx = slice.indices(vm, l.len())?;
        return list_set_slice(vm, l, idx, value);
    }
    let i = vm.index_for(key, "list")?;
    let n = l.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.new_index_error("list assignment index out of range"));
    }
    let old = match value {
        Some(v) => l.set(j as usize, v),
        None => l.remove(j as usize),
    };
    drop(old);
    Ok(())
}

/// The exact list `v` (not a subclass, which may override the slot).
fn exact_list<'a>(vm: &Vm, v: &'a Value) -> Option<&'a Py<List>> {
    let l = v.downcast::<List>()?;
    v.class(vm).is(&vm.types.list).then_some(l)
}

/// `container[start:stop]` for an exact list with immediate-int or `None` bounds, without
/// building a slice object (`BINARY_SLICE`); `None` sends the caller the general way.
pub fn get_slice_fast(vm: &Vm, container: &Value, start: &Value, stop: &Value) -> Option<Value> {
    let l = exact_list(vm, container)?;
    let idx = Slice::immediate_indices(start, stop, l.len())?;
    Some(
        vm.new_list_with(idx.len, |out| {
            l.with_items(|items| idx.select_into(items, out))
        })
        .into(),
    )
}

/// `container[key]` for an exact list and a slice with immediate-int or `None` bounds
/// (`a[k::-1]`: `BUILD_SLICE` + `BINARY_OP`), without the `getitem` dispatch; `None` for
/// anything else.
pub fn get_extended_slice(vm: &Vm, container: &Value, key: &Value) -> Option<Value> {
    let slice = key.downcast::<Slice>()?;
    let l = exact_list(vm, container)?;
    let idx = slice.immediate_extended_indices(l.len())?;
    Some(
        vm.new_list_with(idx.len, |out| {
            l.with_items(|items| idx.select_into(items, out))
        })
        .into(),
    )
}

/// `container[start:stop] = value` likewise (`STORE_SLICE`); `Err(value)` hands the value
/// back to the general path.
pub fn set_slice_fast(
    vm: &Vm,
    container: &Value,
    start: &Value,
    stop: &Value,
    value: Value,
) -> Result<PyResult<()>, Value> {
    let Some(l) = exact_list(vm, container) else {
        return Err(value);
    };
    match Slice::immediate_indices(start, stop, l.len()) {
        Some(idx) => Ok(list_set_slice(vm, l, idx, Some(value))),
        None => Err(value),
    }
}

/// `l[idx] = value` (`del l[idx]` for `None`); `idx` was resolved against the list before
/// the value is collected, as CPython does.
fn list_set_slice(
    vm: &Vm,
    l: &Py<List>,
    idx: super::slice::SliceIndices,
    value: Option<Value>,
) -> PyResult<()> {
    let Some(value) = value else {
        if idx.step == 1 {
            // Against the current length: `indices` may have run `__index__`, which can
            // resize the list.
            let mut keep = l.replace(Vec::new());
            let start = (idx.start.max(0) as usize).min(keep.len());
            let stop = (idx.start.max(0) as usize + idx.len).min(keep.len());
            let mut gone: Vec<Value> = keep.drain(start.min(stop)..stop).collect();
            drop(l.replace(keep));
            drop_last_first(&mut gone);
            return Ok(());
        }
        // Deletion: keep items whose index is not selected. (The list may have shrunk
        // while `indices` ran `__index__`; selected positions past its end select nothing.)
        let old = l.replace(Vec::new());
        let mut selected = vec![false; old.len()];
        for i in idx.iter() {
            if let Some(s) = selected.get_mut(i) {
                *s = true;
            }
        }
        let (keep, gone): (Vec<_>, Vec<_>) = old
            .into_iter()
            .enumerate()
            .partition(|(i, _)| !selected[*i]);
        drop(l.replace(keep.into_iter().map(|(_, v)| v).collect()));
        drop(gone);
        return Ok(());
    };
    let mut temporary = false;
    if idx.step == 1
        && let Some(src) = value.downcast::<List>()
        && value.class(vm).is(&vm.types.list)
        && src.as_obj().refcount() == 1
        && !src.as_obj().is(l.as_obj())
    {
        // A temporary of the slice's length (`a[:k+1] = a[k::-1]`): the items trade places
        // in the two lists' storage, and the temporary, now holding the old items, is
        // recycled whole (its vector stays with it for the next temporary).
        let swapped = l.items.with_mut(|v| {
            src.items.with_mut(|s| {
                let v = v.as_mut_slice();
                let n = v.len() as i64;
                let start = idx.start.clamp(0, n) as usize;
                let stop = (idx.stop.clamp(0, n) as usize).max(start);
                let same = stop - start == s.len();
                if same {
                    v[start..stop].swap_with_slice(s.as_mut_slice());
                }
                same
            })
        });
        if swapped {
            vm.recycle_list(value);
            return Ok(());
        }
    }
    let new_items = if value.as_obj().is_some_and(|o| o.is(l.as_obj())) {
        l.to_vec()
    } else if let Some(src) = value.downcast::<List>()
        && value.class(vm).is(&vm.types.list)
        && src.as_obj().refcount() == 1
    {
        // A temporary list (`a[:k] = a[k::-1]`): ours alone, so take its items, no copy,
        // and recycle the emptied list below.
        temporary = true;
        src.replace(Vec::new())
    } else {
        match vm.collect(&value) {
            Ok(items) => items,
            Err(e) if e.matches(&vm.exc.type_error) => {
                return Err(vm.new_type_error("must assign iterable to extended slice"));
            }
            Err(e) => return Err(e),
        }
    };
    if idx.step == 1 {
        // `collect` may have run Python code that resized the list: clamp again.
        let mut removed: Vec<Value> = l.items.with_mut(|v| {
            let v = v.vec_mut();
            let n = v.len() as i64;
            let start = idx.start.clamp(0, n) as usize;
            let stop = (idx.stop.clamp(0, n) as usize).max(start);
            let mut new_items = new_items;
            if stop - start == new_items.len() {
                // Same length (`a[:k] = a[k-1::-1]`): swap in place, no reallocation;
                // the old items leave in `new_items`.
                v[start..stop].swap_with_slice(&mut new_items);
                new_items
            } else {
                v.splice(start..stop, new_items).collect()
            }
        });
        if temporary {
            vm.recycle_list(value);
            vm.recycle_items(removed);
        } else {
            drop_last_first(&mut removed);
        }
        return Ok(());
    }
    if new_items.len() != idx.len {
        return Err(vm.new_value_error(format!(
            "attempt to assign sequence of size {} to extended slice of size {}",
            new_items.len(),
            idx.len
        )));
    }
    let mut old = Vec::with_capacity(new_items.len());
    for (i, item) in idx.iter().zip(new_items) {
        old.push(l.set(i, item));
    }
    drop(old);
    Ok(())
}

/// `x == y` for the searches (`in`, `index`, `count`, `remove`): identity, then two
/// immediate ints or floats compared inline, else the full comparison.
#[inline]
pub(crate) fn search_eq(vm: &Vm, x: &Value, y: &Value) -> PyResult<bool> {
    match (x, y) {
        (Value::Int(a), Value::Int(b)) => Ok(a == b),
        (Value::Float(a), Value::Float(b)) if !x.is(y) => Ok(a == b),
        _ => vm.eq_bool(x, y),
    }
}

/// Where `item` first occurs in `items[from..]` when every comparison on the way is
/// decided without Python code (identity, immediate numbers, exact strs: `fast_key_eq`):
/// `Ok(Some(i))` found, `Ok(None)` absent, `Err(i)` item `i` needs `__eq__`. The searches
/// run this with the items borrowed before their general loop, which clones each item.
fn find_native(items: &[Value], item: &Value, from: usize) -> Result<Option<usize>, usize> {
    for (i, x) in items.iter().enumerate().skip(from) {
        let eq = match (x, item) {
            // Inline: the call to `fast_key_eq` costs more than the comparison.
            (Value::Int(a), Value::Int(b)) => a == b,
            _ if x.is(item) => true,
            _ => match super::dict::fast_key_eq(x, item) {
                Some(eq) => eq,
                None => return Err(i),
            },
        };
        if eq {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

/// `item in seq` for a list or tuple when every comparison on the way is decided without
/// Python code ([`find_native`]); `None` otherwise (and for other values).
pub(crate) fn contains_native(seq: &Value, item: &Value) -> Option<bool> {
    let found = match seq.downcast::<List>() {
        Some(l) => l.with_items(|items| find_native(items, item, 0)),
        None => find_native(seq.downcast::<super::tuple::Tuple>()?.as_slice(), item, 0),
    };
    found.ok().map(|i| i.is_some())
}

/// `seq[i] = value` for a list and an in-range immediate int index (negative counts from
/// the end); the value back otherwise. The old item is dropped after the items' borrow.
pub(crate) fn set_item_native(seq: &Value, i: &Value, value: Value) -> Result<(), Value> {
    let (Some(l), Value::Int(i)) = (seq.downcast::<List>(), i) else {
        return Err(value);
    };
    let n = l.len() as i64;
    let j = if *i < 0 { *i + n } else { *i };
    if j < 0 || j >= n {
        return Err(value);
    }
    drop(l.set(j as usize, value));
    Ok(())
}

fn list_contains(vm: &Vm, v: &Value, item: &Value) -> PyResult<bool> {
    let l = this(vm, v)?;
    let mut i = match l.with_items(|items| find_native(items, item, 0)) {
        Ok(found) => return Ok(found.is_some()),
        Err(i) => i,
    };
    while let Some(x) = l.get(i) {
        if search_eq(vm, &x, item)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

fn list_iter(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(crate::types::iter::SeqIter::new_value(
        vm,
        &vm.types.list_iterator,
        v.clone(),
    ))
}

fn list_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let l = this(vm, v)?;
    if l.is_empty() {
        return Ok(vm.new_str("[]").into());
    }
    let Some(_guard) = vm.repr_enter(v) else {
        return Ok(vm.new_str("[...]").into());
    };
    let mut out = crate::text::wtf8::Wtf8Buf::new();
    out.push_str("[");
    let mut i = 0;
    while let Some(item) = l.get(i) {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_wtf8(vm.repr(&item)?.as_wtf8());
        i += 1;
    }
    out.push_str("]");
    Ok(vm.new_str_buf(out).into())
}

fn list_richcompare(vm: &Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.downcast::<List>(), b.downcast::<List>()) else {
        return Ok(vm.not_implemented());
    };
    let (alen, blen) = (x.len(), y.len());
    if alen != blen && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Value::Bool(op == CompareOp::Ne));
    }
    let mut i = 0;
    loop {
        let (Some(p), Some(q)) = (x.get(i), y.get(i)) else {
            break;
        };
        if !vm.eq_bool(&p, &q)? {
            return match op {
                CompareOp::Eq => Ok(Value::Bool(false)),
                CompareOp::Ne => Ok(Value::Bool(true)),
                _ => vm.rich_compare(&p, &q, op),
            };
        }
        i += 1;
    }
    Ok(Value::Bool(op.test(x.len().cmp(&y.len()))))
}

fn list_concat(vm: &Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let x = this(vm, a)?;
    let Some(y) = b.downcast::<List>() else {
        return Err(vm.new_type_error(format!(
            "can only concatenate list (not \"{}\") to list",
            vm.type_name(b)
        )));
    };
    let mut items = x.to_vec();
    items.extend(y.to_vec());
    Ok(vm.new_list(items).into())
}

fn list_repeat(vm: &Vm, a: &Value, n: &Value) -> PyResult<Value> {
    let l = this(vm, a)?;
    let Some(count) = vm.repeat_count(n)? else {
        return Err(vm.new_type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            vm.type_name(n)
        )));
    };
    let items = vm.repeat_items(&l.to_vec(), count)?;
    Ok(vm.new_list(items).into())
}

fn list_iadd(vm: &Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let l = this(vm, a)?;
    let items = vm.collect(b)?;
    l.extend(items);
    Ok(a.clone())
}

fn list_imul(vm: &Vm, a: &Value, n: &Value) -> PyResult<Value> {
    let l = this(vm, a)?;
    let Some(count) = vm.repeat_count(n)? else {
        return Ok(vm.not_implemented());
    };
    let items = vm.repeat_items(&l.to_vec(), count)?;
    drop_last_first(&mut l.replace(items));
    Ok(a.clone())
}

fn list_init(vm: &Vm, v: &Value, args: Args<'_>) -> PyResult<()> {
    let l = this(vm, v)?;
    // Keywords are refused unless a subclass's own __new__ may want them (CPython's rule).
    let cls = v.class(vm);
    let own_new = cls.slots.new.get().map(|f| f as usize)
        != vm.types.list.slots.new.get().map(|f| f as usize);
    if !own_new {
        args.no_kwargs(vm, "list")?;
    }
    args.check_positional(vm, "list", 0, 1)?;
    let items = match args.values().first() {
        Some(it) => vm.collect(it)?,
        None => Vec::new(),
    };
    drop_last_first(&mut l.replace(items));
    Ok(())
}

fn list_new(vm: &Vm, cls: &Py<Type>, _args: Args<'_>) -> PyResult<Value> {
    vm.alloc_instance(cls, List::default())
}

fn list_append(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (l, rest) = vm.method_self::<List>(args, "append", "list")?;
    let x = rest.one(vm, "list.append")?;
    l.push(x.clone());
    Ok(Value::None)
}

fn list_extend(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (l, rest) = vm.method_self::<List>(args, "extend", "list")?;
    let x = rest.one(vm, "list.extend")?;
    let items = vm.collect(x)?;
    l.extend(items);
    Ok(Value::None)
}

fn list_pop(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    // `l.pop()` / `l.pop(i)` with an immediate index: no argument binding.
    if !args.has_kwargs()
        && let [this, rest @ ..] = args.values()
        && rest.len() <= 1
        && let Some(l) = this.downcast::<List>()
    {
        let i = match rest {
            [Value::Int(i)] => *i,
            [] => -1,
            _ => return list_pop_slow(vm, args),
        };
        let n = l.len() as i64;
        if n == 0 {
            return Err(vm.new_index_error("pop from empty list"));
        }
        let j = if i < 0 { i + n } else { i };
        if let Some(v) = (0..n).contains(&j).then(|| l.remove(j as usize)).flatten() {
            return Ok(v);
        }
        return Err(vm.new_index_error("pop index out of range"));
    }
    list_pop_slow(vm, args)
}

fn list_pop_slow(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (l, rest) = vm.method_self::<List>(args, "pop", "list")?;
    rest.no_kwargs(vm, "list.pop")?;
    let vals = rest.range(vm, "pop", 0, 1)?;
    let n = l.len() as i64;
    if n == 0 {
        return Err(vm.new_index_error("pop from empty list"));
    }
    let i = match vals.first() {
        Some(v) => vm.index_value(v)?,
        None => -1,
    };
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.new_index_error("pop index out of range"));
    }
    l.remove(j as usize)
        .ok_or_else(|| vm.new_index_error("pop index out of range"))
}

fn list_insert(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    // `l.insert(i, x)` with an immediate index: no argument binding.
    if !args.has_kwargs()
        && let [this, Value::Int(i), x] = args.values()
        && let Some(l) = this.downcast::<List>()
    {
        let n = l.len() as i64;
        let j = if *i < 0 { (*i + n).max(0) } else { (*i).min(n) };
        l.insert(j as usize, x.clone());
        return Ok(Value::None);
    }
    let (l, rest) = vm.method_self::<List>(args, "insert", "list")?;
    rest.no_kwargs(vm, "list.insert")?;
    let vals = rest.range(vm, "insert", 2, 2)?;
    let i = vm.index_value(&vals[0])?;
    let n = l.len() as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    l.insert(j as usize, vals[1].clone());
    Ok(Value::None)
}

fn list_remove(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (l, rest) = vm.method_self::<List>(args, "remove", "list")?;
    let x = rest.one(vm, "list.remove")?;
    let mut i = 0;
    while let Some(item) = l.get(i) {
        if search_eq(vm, &item, x)? {
            drop(l.remove(i));
            return Ok(Value::None);
        }
        i += 1;
    }
    Err(vm.new_value_error("list.remove(x): x not in list"))
}

fn list_index(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (l, rest) = vm.method_self::<List>(args, "index", "list")?;
    let vals = rest.range(vm, "index", 1, 3)?;
    let (start, stop) = index_bounds(vm, vals, l.len())?;
    let mut i =
        match l.with_items(|items| find_native(&items[..stop.min(items.len())], &vals[0], start)) {
            Ok(Some(i)) => return Ok(Value::Int(i as i64)),
            Ok(None) => stop,
            Err(i) => i,
        };
    while i < stop {
        let Some(item) = l.get(i) else { break };
        if search_eq(vm, &item, &vals[0])? {
            return Ok(Value::Int(i as i64));
        }
        i += 1;
    }
    Err(vm.new_value_error("list.index(x): x not in list"))
}

fn list_count(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (l, rest) = vm.method_self::<List>(args, "count", "list")?;
    let x = rest.one(vm, "list.count")?;
    let mut n = 0;
    let mut i = 0;
    while let Some(item) = l.get(i) {
        if search_eq(vm, &item, x)? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::Int(n))
}

fn list_clear(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (l, rest) = vm.method_self::<List>(args, "clear", "list")?;
    rest.none(vm, "list.clear")?;
    drop_last_first(&mut l.replace(Vec::new()));
    Ok(Value::None)
}

fn list_copy(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (l, rest) = vm.method_self::<List>(args, "copy", "list")?;
    rest.none(vm, "list.copy")?;
    Ok(vm.new_list(l.to_vec()).into())
}

fn list_reverse(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (l, rest) = vm.method_self::<List>(args, "reverse", "list")?;
    rest.none(vm, "list.reverse")?;
    l.items.with_mut(|v| v.as_mut_slice().reverse());
    Ok(Value::None)
}

fn list_sort(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (l, rest) = vm.method_self::<List>(args, "sort", "list")?;
    if rest.npos() != 0 {
        return Err(vm.new_type_error("sort() takes no positional arguments"));
    }
    let [key, reverse] = rest.bind(vm, "sort", ["key", "reverse"], 0, 0)?;
    let reverse = match reverse {
        Some(r) => vm.is_true(r)?,
        None => false,
    };
    let key = key.filter(|k| !k.is_none());
    // CPython empties the list while sorting and detects mutation by the comparisons.
    let items = l.replace(Vec::new());
    let result = super::list_sort::sort_values(vm, items, key, reverse);
    let modified = !l.is_empty();
    match result {
        Ok(sorted) => {
            let during = l.replace(sorted);
            drop(during);
            if modified {
                return Err(vm.new_value_error("list modified during sort"));
            }
            Ok(Value::None)
        }
        Err((original, err)) => {
            drop(l.replace(original));
            Err(err)
        }
    }
}

/// Fills in `list`'s slots and methods.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.list;
    let s = &t.slots;
    s.len.set(Some(list_len));
    s.getitem.set(Some(list_getitem));
    s.setitem.set(Some(list_setitem));
    s.contains.set(Some(list_contains));
    s.iter.set(Some(list_iter));
    s.repr.set(Some(list_repr));
    s.richcompare.set(Some(list_richcompare));
    s.concat.set(Some(list_concat));
    s.repeat.set(Some(list_repeat));
    s.iadd.set(Some(list_iadd));
    s.imul.set(Some(list_imul));
    s.init.set(Some(list_init));
    s.new.set(Some(list_new));
    t.set_hash_none(vm);
    vm.add_methods(
        t,
        &[
            ("append", list_append),
            ("extend", list_extend),
            ("pop", list_pop),
            ("insert", list_insert),
            ("remove", list_remove),
            ("index", list_index),
            ("count", list_count),
            ("clear", list_clear),
            ("copy", list_copy),
            ("reverse", list_reverse),
            ("sort", list_sort),
            ("__reversed__", list_reversed),
            // A method (METH_COEXIST) beside the mapping slot, as CPython's list has.
            ("__getitem__", list_getitem_method),
            ("__sizeof__", super::object::object_sizeof),
        ],
    );
}

fn list_getitem_method(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, rest) = vm.method_self::<List>(args, "__getitem__", "list")?;
    let key = rest.one(vm, "list.__getitem__")?;
    list_getitem(vm, &args.values()[0], key)
}

fn list_reversed(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (l, rest) = vm.method_self::<List>(args, "__reversed__", "list")?;
    rest.none(vm, "list.__reversed__")?;
    Ok(super::iter::SeqIter::new_reversed(
        vm,
        l.clone().into(),
        l.len(),
    ))
}
