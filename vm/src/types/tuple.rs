//! The `tuple` payload and its behaviour: immutable, hashable when its items are.

use crate::object::{Py, PyCell, Value, ValueArray};
use crate::runtime::hash::TupleHasher;
use crate::runtime::{Args, PyResult, Vm};

/// A Python `tuple`. Exact tuples keep their items in their own allocation, after the
/// payload (one allocation per tuple); subclass instances, whose extension follows the
/// payload, keep them in a separate box.
pub struct Tuple {
    items: ValueArray,
}

crate::payload!(Tuple, gc, trailing);

impl Tuple {
    /// Cycle collector: the items, last first (CPython's order). Tuples are immutable, so
    /// clearing leaves them alone: a cycle through a tuple also runs through something
    /// mutable, whose clearing breaks it.
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        visit.values(self.as_slice().iter().rev());
    }

    fn gc_clear(&self) {}

    #[inline(always)]
    fn trailing_values(&self) -> usize {
        self.items.trailing_len()
    }
}

impl Tuple {
    /// A tuple of `items`, kept in a separate allocation (the payload of a tuple subclass
    /// instance; exact tuples come from [`Vm::new_tuple`] and friends).
    pub fn new(items: Vec<Value>) -> Tuple {
        Tuple {
            items: ValueArray::boxed(items).dropping_last_first(),
        }
    }

    /// The items.
    #[inline(always)]
    pub fn as_slice(&self) -> &[Value] {
        self.items.as_slice()
    }

    /// Number of items.
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True for `()`.
    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The item at `i`.
    #[inline]
    pub fn get(&self, i: usize) -> Option<&Value> {
        self.as_slice().get(i)
    }

    /// Replaces the items of a tuple nobody else can see (an iterator's result tuple that
    /// came back unshared, see [`Vm::reuse_tuple`]), returning the old ones to drop.
    #[inline]
    fn refill<const N: usize>(&mut self, items: [Value; N]) -> [Value; N] {
        let slots = self.items.as_mut_slice();
        debug_assert_eq!(slots.len(), N);
        let mut old = items;
        for (slot, v) in slots.iter_mut().zip(old.iter_mut()) {
            std::mem::swap(slot, v);
        }
        old
    }
}

impl Vm {
    /// A new tuple (the shared empty tuple for no items).
    #[inline]
    pub fn new_tuple(&self, items: Vec<Value>) -> Py<Tuple> {
        self.new_tuple_from(items.into_iter())
    }

    /// A new tuple of the values of `items` (the shared empty tuple for none), in one
    /// allocation.
    #[inline]
    pub fn new_tuple_from(&self, items: impl ExactSizeIterator<Item = Value>) -> Py<Tuple> {
        if items.len() == 0 {
            return self.empty_tuple.clone();
        }
        crate::object::core::alloc_with_values(&self.types.tuple, items, |items| Tuple {
            items: items.dropping_last_first(),
        })
    }

    /// A new tuple holding copies of `items`.
    #[inline]
    pub fn new_tuple_cloned(&self, items: &[Value]) -> Py<Tuple> {
        self.new_tuple_from(items.iter().cloned())
    }

    /// The tuple an iterator returns per item (`enumerate`, `zip`, `dict.items()`), reusing
    /// the one it returned last time when the consumer let go of it (CPython does the
    /// same): `cache` holds the last result; if that tuple is referenced only from there,
    /// its items are replaced in place instead of allocating a new tuple.
    #[inline]
    pub fn reuse_tuple<const N: usize>(
        &self,
        cache: &PyCell<Option<Py<Tuple>>>,
        items: [Value; N],
    ) -> Py<Tuple> {
        let mut last = cache.take();
        if let Some(t) = &mut last
            && let Some(payload) = t.get_mut()
            && payload.len() == N
        {
            let old = payload.refill(items);
            let t = t.clone();
            drop(cache.replace(last));
            drop(old);
            return t;
        }
        let t = self.new_tuple_from(items.into_iter());
        drop(cache.replace(Some(t.clone())));
        drop(last);
        t
    }
}

fn tuple_len(_vm: &Vm, v: &Value) -> PyResult<usize> {
    Ok(v.downcast::<Tuple>().map_or(0, |t| t.len()))
}

fn tuple_hash(vm: &Vm, v: &Value) -> PyResult<i64> {
    let Some(t) = v.downcast::<Tuple>() else {
        return Err(vm.new_type_error("descriptor '__hash__' requires a 'tuple' object"));
    };
    let mut h = TupleHasher::default();
    for item in t.as_slice() {
        // Immediates and exact strs without the protocol's dispatch.
        h.add(match super::dict::flat_native_hash(vm, item) {
            Some(x) => x,
            None => vm.hash(item)?,
        });
    }
    Ok(h.finish())
}

fn tuple_getitem(vm: &Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let Some(t) = v.downcast::<Tuple>() else {
        return Ok(vm.not_implemented());
    };
    if let Some(slice) = key.downcast::<crate::types::slice::Slice>() {
        let items: Vec<Value> = slice
            .indices(vm, t.len())?
            .iter()
            .map(|i| t.as_slice()[i].clone())
            .collect();
        return Ok(vm.new_tuple(items).into());
    }
    let i = vm.index_for(key, "tuple")?;
    let n = t.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.new_index_error("tuple index out of range"));
    }
    Ok(t.as_slice()[j as usize].clone())
}

fn tuple_contains(vm: &Vm, v: &Value, item: &Value) -> PyResult<bool> {
    let Some(t) = v.downcast::<Tuple>() else {
        return Ok(false);
    };
    for x in t.as_slice() {
        if vm.eq_bool(x, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn tuple_iter(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(crate::types::iter::SeqIter::new_value(
        vm,
        &vm.types.tuple_iterator,
        v.clone(),
    ))
}

fn tuple_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let Some(t) = v.downcast::<Tuple>() else {
        return Err(vm.new_type_error("expected a tuple"));
    };
    if t.is_empty() {
        return Ok(vm.new_str("()").into());
    }
    let Some(_guard) = vm.repr_enter(v) else {
        return Ok(vm.new_str("(...)").into());
    };
    let mut out = crate::text::wtf8::Wtf8Buf::new();
    out.push_str("(");
    for (i, item) in t.as_slice().iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_wtf8(vm.repr(item)?.as_wtf8());
    }
    if t.len() == 1 {
        out.push_str(",");
    }
    out.push_str(")");
    Ok(vm.new_str_buf(out).into())
}

fn tuple_richcompare(
    vm: &Vm,
    a: &Value,
    b: &Value,
    op: crate::object::CompareOp,
) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.downcast::<Tuple>(), b.downcast::<Tuple>()) else {
        return Ok(vm.not_implemented());
    };
    crate::types::list::sequence_compare(vm, x.as_slice(), y.as_slice(), op)
}

fn this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<Tuple>> {
    v.downcast::<Tuple>()
        .ok_or_else(|| vm.new_type_error("expected a tuple"))
}

/// `sq_concat`: `tuple + x` once the number slots declined (CPython's tuple has no `nb_add`,
/// which is why `(1,) + [2]` names the tuple in its message).
fn tuple_concat(vm: &Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let x = this(vm, a)?;
    let Some(y) = b.downcast::<Tuple>() else {
        return Err(vm.new_type_error(format!(
            "can only concatenate tuple (not \"{}\") to tuple",
            vm.type_name(b)
        )));
    };
    let mut items = Vec::with_capacity(x.len() + y.len());
    items.extend_from_slice(x.as_slice());
    items.extend_from_slice(y.as_slice());
    Ok(vm.new_tuple(items).into())
}

/// `sq_repeat`: `(tuple, count)`, from either side of `*`.
fn tuple_repeat(vm: &Vm, a: &Value, n: &Value) -> PyResult<Value> {
    let t = this(vm, a)?;
    let Some(count) = vm.repeat_count(n)? else {
        return Err(vm.new_type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            vm.type_name(n)
        )));
    };
    let items = vm.repeat_items(t.as_slice(), count)?;
    Ok(vm.new_tuple(items).into())
}

fn tuple_new(vm: &Vm, cls: &Py<crate::object::Type>, args: Args<'_>) -> PyResult<Value> {
    // Keywords are refused unless a subclass's own __init__ may want them (CPython's rule).
    let own_init = cls.slots.init.get().map(|f| f as usize)
        != vm.types.tuple.slots.init.get().map(|f| f as usize);
    if !own_init {
        args.no_kwargs(vm, "tuple")?;
    }
    args.check_positional(vm, "tuple", 0, 1)?;
    let iterable = args.values().first();
    if cls.is(&vm.types.tuple)
        && let Some(v) = iterable
        && v.as_obj().is_some_and(|o| o.ty().is(&vm.types.tuple))
    {
        return Ok(v.clone());
    }
    let items = match iterable {
        Some(v) => vm.collect(v)?,
        None => Vec::new(),
    };
    if cls.is(&vm.types.tuple) {
        return Ok(vm.new_tuple(items).into());
    }
    vm.alloc_instance(cls, Tuple::new(items))
}

fn tuple_index(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, rest) = vm.method_self::<Tuple>(args, "index", "tuple")?;
    let vals = rest.range(vm, "index", 1, 3)?;
    let n = this.len();
    let (start, stop) = crate::types::list::index_bounds(vm, vals, n)?;
    for i in start..stop.min(this.len()) {
        if vm.eq_bool(&this.as_slice()[i], &vals[0])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(vm.new_value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, rest) = vm.method_self::<Tuple>(args, "count", "tuple")?;
    let x = rest.one(vm, "tuple.count")?;
    let mut n = 0;
    for item in this.as_slice() {
        if vm.eq_bool(item, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn tuple_getnewargs(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, _) = vm.method_self::<Tuple>(args, "__getnewargs__", "tuple")?;
    let copy = vm.new_tuple(this.as_slice().to_vec());
    Ok(vm.new_tuple(vec![copy.into()]).into())
}

/// Fills in `tuple`'s slots and methods.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.tuple;
    let s = &t.slots;
    s.len.set(Some(tuple_len));
    s.hash.set(Some(tuple_hash));
    s.getitem.set(Some(tuple_getitem));
    s.contains.set(Some(tuple_contains));
    s.iter.set(Some(tuple_iter));
    s.repr.set(Some(tuple_repr));
    s.richcompare.set(Some(tuple_richcompare));
    s.concat.set(Some(tuple_concat));
    s.repeat.set(Some(tuple_repeat));
    s.new.set(Some(tuple_new));
    vm.add_methods(
        t,
        &[
            ("index", tuple_index),
            ("count", tuple_count),
            ("__getnewargs__", tuple_getnewargs),
        ],
    );
}
