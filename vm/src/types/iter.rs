//! Iterators of the core containers (list, tuple, str, bytes, the `__getitem__` protocol,
//! range, `iter(callable, sentinel)`, dict and set), dict views, and `mappingproxy`.

use std::cell::Cell;

use crate::object::{CompareOp, Py, PyCell, Type, Value};
use crate::runtime::{Args, PyResult, Vm};

use super::dict::{Dict, DictPos};
use super::list::List;
use super::set::Set;
use super::str::Str;
use super::tuple::Tuple;

/// An index-based iterator over a sequence (`Null` sequence once exhausted).
pub struct SeqIter {
    seq: PyCell<Value>,
    index: Cell<usize>,
    reverse: bool,
}

crate::payload!(SeqIter, gc);

impl SeqIter {
    /// Cycle collector: the sequence (dropped when exhausted or cleared).
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        self.seq.with(|v| visit.value(v));
    }

    fn gc_clear(&self) {
        drop(self.seq.replace(Value::Null));
    }
}

impl SeqIter {
    /// A forward iterator of type `ty` over `seq`.
    pub fn new_value(_vm: &Vm, ty: &Py<Type>, seq: Value) -> Value {
        crate::object::core::alloc(
            ty,
            SeqIter {
                seq: PyCell::new(seq),
                index: Cell::new(0),
                reverse: false,
            },
        )
        .into()
    }

    /// A `list_reverseiterator` starting at the last item.
    pub fn new_reversed(vm: &Vm, list: Value, len: usize) -> Value {
        crate::object::core::alloc(
            &vm.types.list_reverseiterator,
            SeqIter {
                seq: PyCell::new(list),
                index: Cell::new(len),
                reverse: true,
            },
        )
        .into()
    }

    /// The list being iterated, for `FOR_ITER_LIST` (with the current index).
    pub fn list_state(&self) -> Option<(Py<List>, usize)> {
        let seq = self.seq.get();
        seq.downcast::<List>()
            .map(|l| (l.clone(), self.index.get()))
    }

    /// The next item of an iterator over a list or tuple, read in place: no Python code
    /// runs and nothing is dropped, so `FOR_ITER` steps it inline without leaving the
    /// register context. `None` for other sequences and at the end (the general path then
    /// exhausts the iterator, which may free the sequence).
    #[inline(always)]
    pub fn next_in_place(&self) -> Option<Value> {
        let i = self.index.get();
        if self.reverse {
            let j = i.checked_sub(1)?;
            let x = self.seq.with(|seq| seq.downcast::<List>()?.get(j))?;
            self.index.set(j);
            return Some(x);
        }
        let x = self.seq.with(|seq| match seq.downcast::<List>() {
            Some(l) => l.get(i),
            None => seq.downcast::<Tuple>()?.get(i).cloned(),
        })?;
        self.index.set(i + 1);
        Some(x)
    }

    /// Advances the index.
    pub fn set_index(&self, i: usize) {
        self.index.set(i);
    }

    /// Marks the iterator exhausted.
    pub fn exhaust(&self) {
        drop(self.seq.replace(Value::Null));
    }
}

fn seq_iter_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(it) = v.downcast::<SeqIter>() else {
        return Err(vm.new_type_error("expected an iterator"));
    };
    let i = it.index.get();
    // Lists and tuples (nearly every iteration) are read in place, without taking a
    // reference to the sequence: no Python code runs on this path.
    let fast = it.seq.with(|seq| {
        if let Some(l) = seq.downcast::<List>() {
            if it.reverse {
                Some(i.checked_sub(1).and_then(|j| l.get(j)))
            } else {
                Some(l.get(i))
            }
        } else {
            seq.downcast::<Tuple>().map(|t| t.get(i).cloned())
        }
    });
    let item = match fast {
        Some(item) => item,
        None => seq_iter_next_slow(vm, it, i)?,
    };
    match item {
        Some(x) => {
            it.index.set(if it.reverse { i - 1 } else { i + 1 });
            Ok(Some(x))
        }
        None => {
            it.exhaust();
            Ok(None)
        }
    }
}

/// [`seq_iter_next`] for the other sequences and the `__getitem__` protocol (`None` at the
/// end, including an exhausted iterator).
#[inline(never)]
fn seq_iter_next_slow(vm: &Vm, it: &SeqIter, i: usize) -> PyResult<Option<Value>> {
    let seq = it.seq.get();
    if seq.is_null() || it.reverse {
        return Ok(None);
    }
    Ok(if let Some(s) = seq.downcast::<Str>() {
        (i < s.char_len()).then(|| vm.char_str(s.char_at(i)).into())
    } else if let Some(b) = seq.downcast::<super::bytes::Bytes>() {
        b.as_bytes().get(i).map(|&x| Value::Int(i64::from(x)))
    } else if let Some(b) = seq.downcast::<super::bytes::ByteArray>() {
        b.with_mut(|d| d.get(i).map(|&x| Value::Int(i64::from(x))))
    } else {
        // The __getitem__ protocol: IndexError and StopIteration end the iteration.
        match vm.getitem(&seq, &Value::Int(i as i64)) {
            Ok(x) => Some(x),
            Err(e) if e.matches(&vm.exc.index_error) || e.matches(&vm.exc.stop_iteration) => None,
            Err(e) => return Err(e),
        }
    })
}

fn seq_iter_length_hint(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (it, _) = vm.method_self::<SeqIter>(args, "__length_hint__", "iterator")?;
    let seq = it.seq.get();
    if seq.is_null() {
        return Ok(Value::Int(0));
    }
    if it.reverse {
        return Ok(Value::Int(it.index.get() as i64));
    }
    let n = vm.len(&seq).unwrap_or(0);
    Ok(Value::Int(n.saturating_sub(it.index.get()) as i64))
}

/// `range` iterator state.
pub struct RangeIter {
    /// Next value.
    pub next: Cell<i64>,
    /// Step.
    pub step: i64,
    /// Remaining count.
    pub remaining: Cell<u64>,
}

crate::payload!(RangeIter);

fn range_iter_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(it) = v.downcast::<RangeIter>() else {
        return Err(vm.new_type_error("expected range_iterator"));
    };
    let n = it.remaining.get();
    if n == 0 {
        return Ok(None);
    }
    let x = it.next.get();
    it.remaining.set(n - 1);
    it.next.set(x.wrapping_add(it.step));
    Ok(Some(Value::Int(x)))
}

fn range_iter_length_hint(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (it, _) = vm.method_self::<RangeIter>(args, "__length_hint__", "range_iterator")?;
    Ok(Value::Int(it.remaining.get() as i64))
}

/// `iter(callable, sentinel)`.
pub struct CallIter {
    func: PyCell<Value>,
    sentinel: Value,
}

crate::payload!(CallIter, gc);

impl CallIter {
    /// Cycle collector: the callable and the sentinel.
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        self.func.with(|v| visit.value(v));
        visit.value(&self.sentinel);
    }

    fn gc_clear(&self) {
        drop(self.func.replace(Value::Null));
    }
}

impl Vm {
    /// `iter(callable, sentinel)`.
    pub fn new_call_iter(&self, func: Value, sentinel: Value) -> Value {
        crate::object::core::alloc(
            &self.types.callable_iterator,
            CallIter {
                func: PyCell::new(func),
                sentinel,
            },
        )
        .into()
    }
}

fn call_iter_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(it) = v.downcast::<CallIter>() else {
        return Err(vm.new_type_error("expected callable_iterator"));
    };
    let f = it.func.get();
    if f.is_null() {
        return Ok(None);
    }
    let r = match vm.call(&f, Args::positional(&[])) {
        Ok(r) => r,
        Err(e) if e.matches(&vm.exc.stop_iteration) => {
            drop(it.func.replace(Value::Null));
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    if vm.eq_bool(&r, &it.sentinel)? {
        drop(it.func.replace(Value::Null));
        return Ok(None);
    }
    Ok(Some(r))
}

/// What a dict iterator or view yields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictItemKind {
    /// Keys.
    Keys,
    /// Values.
    Values,
    /// `(key, value)` pairs.
    Items,
}

/// A dict iterator.
pub struct DictIter {
    dict: Py<Dict>,
    pos: Cell<DictPos>,
    kind: DictItemKind,
    size: usize,
    done: Cell<bool>,
    /// The last `items()` result, reused when the consumer let go of it
    /// (`Vm::reuse_tuple`).
    result: PyCell<Option<Py<crate::types::tuple::Tuple>>>,
}

crate::payload!(DictIter, gc);

impl DictIter {
    /// Cycle collector: the dict (cleared through the dict itself) and the cached
    /// `items()` result tuple.
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        visit.py(&self.dict);
        self.result.with(|t| visit.opt(t));
    }

    fn gc_clear(&self) {
        drop(self.result.replace(None));
    }
}

impl Vm {
    /// An iterator over `dict`.
    pub fn new_dict_iter(&self, dict: &Py<Dict>, kind: DictItemKind) -> Value {
        let ty = match kind {
            DictItemKind::Keys => &self.types.dict_keyiterator,
            DictItemKind::Values => &self.types.dict_valueiterator,
            DictItemKind::Items => &self.types.dict_itemiterator,
        };
        crate::object::core::alloc(
            ty,
            DictIter {
                dict: dict.clone(),
                pos: Cell::new(DictPos::default()),
                kind,
                size: dict.len(),
                done: Cell::new(false),
                result: PyCell::new(None),
            },
        )
        .into()
    }
}

fn dict_iter_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(it) = v.downcast::<DictIter>() else {
        return Err(vm.new_type_error("expected dict iterator"));
    };
    if it.done.get() {
        return Ok(None);
    }
    if it.dict.len() != it.size {
        it.done.set(true);
        return Err(vm.new_runtime_error("dictionary changed size during iteration"));
    }
    let mut pos = it.pos.get();
    let entry = it.dict.next_entry(&mut pos);
    it.pos.set(pos);
    let Some((k, val)) = entry else {
        it.done.set(true);
        return Ok(None);
    };
    Ok(Some(match it.kind {
        DictItemKind::Keys => k,
        DictItemKind::Values => val,
        DictItemKind::Items => vm.reuse_tuple(&it.result, [k, val]).into(),
    }))
}

/// `dict.keys()`, `dict.values()`, `dict.items()`.
pub struct DictView {
    /// The dict.
    pub dict: Py<Dict>,
    /// What it shows.
    pub kind: DictItemKind,
}

crate::payload!(DictView, gc);

impl DictView {
    /// Cycle collector: the dict (cleared through the dict itself).
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        visit.py(&self.dict);
    }

    fn gc_clear(&self) {}
}

impl Vm {
    /// A dict view.
    pub fn new_dict_view(&self, dict: &Py<Dict>, kind: DictItemKind) -> Value {
        let ty = match kind {
            DictItemKind::Keys => &self.types.dict_keys,
            DictItemKind::Values => &self.types.dict_values,
            DictItemKind::Items => &self.types.dict_items,
        };
        crate::object::core::alloc(
            ty,
            DictView {
                dict: dict.clone(),
                kind,
            },
        )
        .into()
    }
}

fn view<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<DictView>> {
    v.downcast::<DictView>()
        .ok_or_else(|| vm.new_type_error("expected a dict view"))
}

fn view_iter(vm: &Vm, v: &Value) -> PyResult<Value> {
    let d = view(vm, v)?;
    Ok(vm.new_dict_iter(&d.dict, d.kind))
}

fn view_len(vm: &Vm, v: &Value) -> PyResult<usize> {
    Ok(view(vm, v)?.dict.len())
}

fn view_contains(vm: &Vm, v: &Value, item: &Value) -> PyResult<bool> {
    let d = view(vm, v)?;
    match d.kind {
        DictItemKind::Keys => d.dict.contains(vm, item),
        DictItemKind::Values => {
            for x in d.dict.values() {
                if vm.eq_bool(&x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        DictItemKind::Items => {
            let Some(t) = item.downcast::<Tuple>().filter(|t| t.len() == 2) else {
                return Ok(false);
            };
            match d.dict.get_item(vm, &t.as_slice()[0])? {
                Some(val) => vm.eq_bool(&val, &t.as_slice()[1]),
                None => Ok(false),
            }
        }
    }
}

fn view_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let d = view(vm, v)?;
    let Some(_guard) = vm.repr_enter(v) else {
        return Ok(vm.new_str("...").into());
    };
    let items: Vec<Value> = match d.kind {
        DictItemKind::Keys => d.dict.keys(),
        DictItemKind::Values => d.dict.values(),
        DictItemKind::Items => d
            .dict
            .items()
            .into_iter()
            .map(|(k, x)| vm.new_tuple(vec![k, x]).into())
            .collect(),
    };
    let list: Value = vm.new_list(items).into();
    let inner = vm.repr(&list)?;
    let name = v.class(vm).name();
    Ok(vm.new_str(&format!("{name}({})", inner.to_lossy())).into())
}

/// Set operations on keys/items views produce sets.
fn view_as_set(vm: &Vm, v: &Value) -> PyResult<Py<Set>> {
    let s = vm.new_set();
    s.update(vm, v)?;
    Ok(s)
}

fn view_setop(vm: &Vm, a: &Value, b: &Value, op: &str) -> PyResult<Value> {
    if vm.iter(a).is_err() || vm.iter(b).is_err() {
        return Ok(vm.not_implemented());
    }
    let left: Value = view_as_set(vm, a)?.into();
    let method = vm.intern(op);
    vm.call_method(&left, &method, std::slice::from_ref(b))
}

fn view_and(vm: &Vm, a: &Value, b: &Value) -> PyResult<Value> {
    view_setop(vm, a, b, "intersection")
}

fn view_or(vm: &Vm, a: &Value, b: &Value) -> PyResult<Value> {
    view_setop(vm, a, b, "union")
}

fn view_sub(vm: &Vm, a: &Value, b: &Value) -> PyResult<Value> {
    view_setop(vm, a, b, "difference")
}

fn view_xor(vm: &Vm, a: &Value, b: &Value) -> PyResult<Value> {
    view_setop(vm, a, b, "symmetric_difference")
}

fn view_richcompare(vm: &Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let Some(x) = a.downcast::<DictView>() else {
        return Ok(vm.not_implemented());
    };
    if x.kind == DictItemKind::Values {
        return Ok(vm.not_implemented());
    }
    if b.downcast::<DictView>().is_none() && b.downcast::<Set>().is_none() {
        return Ok(vm.not_implemented());
    }
    let left: Value = view_as_set(vm, a)?.into();
    let right: Value = view_as_set(vm, b)?.into();
    vm.rich_compare(&left, &right, op)
}

fn view_isdisjoint(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, rest) = vm.method_self::<DictView>(args, "isdisjoint", "dict_keys")?;
    let other = rest.one(vm, "isdisjoint")?;
    let this = &args.values()[0];
    let mut disjoint = true;
    vm.for_each(other, |x| {
        if disjoint && view_contains(vm, this, &x)? {
            disjoint = false;
        }
        Ok(())
    })?;
    Ok(Value::Bool(disjoint))
}

fn view_mapping(vm: &Vm, v: &Value) -> PyResult<Value> {
    let d = view(vm, v)?;
    Ok(new_mappingproxy(vm, d.dict.clone().into()).into())
}

fn view_reversed(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, _) = vm.method_self::<DictView>(args, "__reversed__", "dict_keys")?;
    let mut items: Vec<Value> = match d.kind {
        DictItemKind::Keys => d.dict.keys(),
        DictItemKind::Values => d.dict.values(),
        DictItemKind::Items => d
            .dict
            .items()
            .into_iter()
            .map(|(k, x)| vm.new_tuple(vec![k, x]).into())
            .collect(),
    };
    items.reverse();
    let l = vm.new_list(items);
    Ok(SeqIter::new_value(vm, &vm.types.list_iterator, l.into()))
}

/// A set iterator.
pub struct SetIter {
    set: Py<Set>,
    pos: Cell<usize>,
    size: usize,
    done: Cell<bool>,
}

crate::payload!(SetIter, gc);

impl SetIter {
    /// Cycle collector: the set (cleared through the set itself).
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        visit.py(&self.set);
    }

    fn gc_clear(&self) {}
}

impl Vm {
    /// An iterator over a set.
    pub fn new_set_iter(&self, set: &Py<Set>) -> Value {
        crate::object::core::alloc(
            &self.types.set_iterator,
            SetIter {
                set: set.clone(),
                pos: Cell::new(0),
                size: set.len(),
                done: Cell::new(false),
            },
        )
        .into()
    }
}

fn set_iter_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(it) = v.downcast::<SetIter>() else {
        return Err(vm.new_type_error("expected set_iterator"));
    };
    if it.done.get() {
        return Ok(None);
    }
    if it.set.len() != it.size {
        it.done.set(true);
        return Err(vm.new_runtime_error("Set changed size during iteration"));
    }
    let mut pos = it.pos.get();
    let x = it.set.next_at(&mut pos);
    it.pos.set(pos);
    if x.is_none() {
        it.done.set(true);
    }
    Ok(x)
}

/// `types.MappingProxyType`: a read-only view of a mapping.
pub struct MappingProxy {
    /// The mapping.
    pub mapping: Value,
}

crate::payload!(MappingProxy, gc);

impl MappingProxy {
    /// Cycle collector: the mapping.
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        visit.value(&self.mapping);
    }

    fn gc_clear(&self) {}
}

/// A new mappingproxy over `mapping`.
pub fn new_mappingproxy(vm: &Vm, mapping: Value) -> Py<MappingProxy> {
    crate::object::core::alloc(&vm.types.mappingproxy, MappingProxy { mapping })
}

fn proxy<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Value> {
    v.downcast::<MappingProxy>()
        .map(|p| &p.mapping)
        .ok_or_else(|| vm.new_type_error("expected mappingproxy"))
}

fn proxy_getitem(vm: &Vm, v: &Value, k: &Value) -> PyResult<Value> {
    vm.getitem(proxy(vm, v)?, k)
}

fn proxy_len(vm: &Vm, v: &Value) -> PyResult<usize> {
    vm.len(proxy(vm, v)?)
}

fn proxy_contains(vm: &Vm, v: &Value, k: &Value) -> PyResult<bool> {
    vm.contains(proxy(vm, v)?, k)
}

fn proxy_iter(vm: &Vm, v: &Value) -> PyResult<Value> {
    vm.iter(proxy(vm, v)?)
}

fn proxy_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let inner = vm.repr(proxy(vm, v)?)?;
    Ok(vm
        .new_str(&format!("mappingproxy({})", inner.to_lossy()))
        .into())
}

fn proxy_forward(vm: &Vm, args: Args<'_>, name: &str) -> PyResult<Value> {
    let (p, rest) = vm.method_self::<MappingProxy>(args, name, "mappingproxy")?;
    let f = vm.getattr_str(&p.mapping, name)?;
    vm.call(&f, rest)
}

fn proxy_new(vm: &Vm, _cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    let m = args.one(vm, "mappingproxy")?;
    if vm.mapping_check(m).is_none()
        || m.downcast::<super::list::List>().is_some()
        || m.downcast::<Tuple>().is_some()
    {
        return Err(vm.new_type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            vm.type_name(m)
        )));
    }
    Ok(new_mappingproxy(vm, m.clone()).into())
}

/// Fills in the iterator and view types' slots and methods.
pub(crate) fn init(vm: &Vm) {
    let self_iter: crate::object::slots::UnaryFn = |_, v| Ok(v.clone());
    for t in [
        &vm.types.list_iterator,
        &vm.types.list_reverseiterator,
        &vm.types.tuple_iterator,
        &vm.types.str_iterator,
        &vm.types.bytes_iterator,
        &vm.types.seq_iterator,
        &vm.types.memory_iterator,
    ] {
        t.slots.iter.set(Some(self_iter));
        t.slots.iternext.set(Some(seq_iter_next));
        vm.add_methods(t, &[("__length_hint__", seq_iter_length_hint)]);
    }
    let t = &vm.types.range_iterator;
    t.slots.iter.set(Some(self_iter));
    t.slots.iternext.set(Some(range_iter_next));
    vm.add_methods(t, &[("__length_hint__", range_iter_length_hint)]);
    let t = &vm.types.callable_iterator;
    t.slots.iter.set(Some(self_iter));
    t.slots.iternext.set(Some(call_iter_next));
    for t in [
        &vm.types.dict_keyiterator,
        &vm.types.dict_valueiterator,
        &vm.types.dict_itemiterator,
    ] {
        t.slots.iter.set(Some(self_iter));
        t.slots.iternext.set(Some(dict_iter_next));
    }
    let t = &vm.types.set_iterator;
    t.slots.iter.set(Some(self_iter));
    t.slots.iternext.set(Some(set_iter_next));
    for t in [
        &vm.types.dict_keys,
        &vm.types.dict_values,
        &vm.types.dict_items,
    ] {
        t.slots.iter.set(Some(view_iter));
        t.slots.len.set(Some(view_len));
        t.slots.contains.set(Some(view_contains));
        t.slots.repr.set(Some(view_repr));
        vm.add_getset(t, "mapping", view_mapping, None);
        vm.add_methods(t, &[("__reversed__", view_reversed)]);
    }
    for t in [&vm.types.dict_keys, &vm.types.dict_items] {
        t.slots.and.set(Some(view_and));
        t.slots.or.set(Some(view_or));
        t.slots.sub.set(Some(view_sub));
        t.slots.xor.set(Some(view_xor));
        t.slots.richcompare.set(Some(view_richcompare));
        t.set_hash_none(vm);
        vm.add_methods(t, &[("isdisjoint", view_isdisjoint)]);
    }
    let t = &vm.types.mappingproxy;
    t.slots.getitem.set(Some(proxy_getitem));
    t.slots.len.set(Some(proxy_len));
    t.slots.contains.set(Some(proxy_contains));
    t.slots.iter.set(Some(proxy_iter));
    t.slots.repr.set(Some(proxy_repr));
    t.slots
        .str
        .set(Some(|vm, v| Ok(vm.str(proxy(vm, v)?)?.into())));
    t.slots.new.set(Some(proxy_new));
    vm.add_methods(
        t,
        &[
            ("keys", |vm, a| proxy_forward(vm, a, "keys")),
            ("values", |vm, a| proxy_forward(vm, a, "values")),
            ("items", |vm, a| proxy_forward(vm, a, "items")),
            ("get", |vm, a| proxy_forward(vm, a, "get")),
            ("copy", |vm, a| proxy_forward(vm, a, "copy")),
        ],
    );
}
