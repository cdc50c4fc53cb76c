//! `_collections`: the native half of `collections` (vm/lib/collections): `deque` and
//! its iterators, the `_tuplegetter` field descriptor of namedtuple classes, and the
//! `_count_elements` loop of `Counter`.
//!
//! A deque's items live in a `VecDeque`. Every mutation bumps `state`, so that iterators
//! and the comparison loops (which run Python `__eq__` between element reads) notice a
//! deque changed under them and raise CPython's "deque mutated during iteration".

use std::cell::Cell;
use std::collections::VecDeque;

use crate::object::typeobj::flags;
use crate::object::{CompareOp, Py, PyCell, Type, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::types::module::Module;
use crate::types::tuple::Tuple;

/// A `collections.deque`.
pub struct Deque {
    items: PyCell<VecDeque<Value>>,
    maxlen: Cell<Option<usize>>,
    state: Cell<u64>,
}

crate::payload!(Deque, gc);

impl Deque {
    /// Cycle collector: the items.
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        self.items.with(|d| d.iter().for_each(|v| visit.value(v)));
    }

    fn gc_clear(&self) {
        self.clear();
    }
}

/// An iterator over a deque, forwards or backwards.
pub struct DequeIter {
    deque: Py<Deque>,
    /// Items already produced.
    index: Cell<usize>,
    state: u64,
    reverse: bool,
}

crate::payload!(DequeIter, gc);

impl DequeIter {
    /// Cycle collector: the deque (cleared through the deque itself).
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        visit.py(&self.deque);
    }

    fn gc_clear(&self) {}
}

/// `_tuplegetter(index, doc)`: the read-only field accessors of namedtuple classes.
pub struct TupleGetter {
    index: usize,
    doc: PyCell<Value>,
}

crate::payload!(TupleGetter, gc);

impl TupleGetter {
    /// Cycle collector: the docstring (any object can be assigned to `__doc__`).
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        self.doc.with(|v| visit.value(v));
    }

    fn gc_clear(&self) {
        drop(self.doc.replace(Value::None));
    }
}

const MUTATED: &str = "deque mutated during iteration";

impl Deque {
    fn new() -> Deque {
        Deque {
            items: PyCell::new(VecDeque::new()),
            maxlen: Cell::new(None),
            state: Cell::new(0),
        }
    }

    fn len(&self) -> usize {
        self.items.with(VecDeque::len)
    }

    fn get(&self, i: usize) -> Option<Value> {
        self.items.with(|d| d.get(i).cloned())
    }

    fn bump(&self) {
        self.state.set(self.state.get().wrapping_add(1));
    }

    fn snapshot(&self) -> Vec<Value> {
        self.items.with(|d| d.iter().cloned().collect())
    }

    /// Appends at one end, trimming the other end past `maxlen`; the trimmed item is
    /// returned so that the caller drops it outside the cell.
    fn push(&self, value: Value, left: bool) -> Option<Value> {
        self.bump();
        let maxlen = self.maxlen.get();
        self.items.with_mut(|d| {
            if maxlen == Some(0) {
                return Some(value);
            }
            if left {
                d.push_front(value);
            } else {
                d.push_back(value);
            }
            if maxlen.is_some_and(|m| d.len() > m) {
                if left { d.pop_back() } else { d.pop_front() }
            } else {
                None
            }
        })
    }

    fn pop(&self, left: bool) -> Option<Value> {
        self.bump();
        self.items
            .with_mut(|d| if left { d.pop_front() } else { d.pop_back() })
    }

    fn clear(&self) {
        self.bump();
        drop(self.items.replace(VecDeque::new()));
    }
}

fn this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<Deque>> {
    v.downcast::<Deque>()
        .ok_or_else(|| vm.new_type_error(format!("expected deque, got {}", vm.type_name(v))))
}

fn method<'a>(vm: &Vm, args: Args<'a>, name: &str) -> PyResult<(&'a Py<Deque>, Args<'a>)> {
    vm.method_self::<Deque>(args, name, "collections.deque")
}

fn deque_new(vm: &Vm, cls: &Py<Type>, _args: Args<'_>) -> PyResult<Value> {
    vm.alloc_instance(cls, Deque::new())
}

fn parse_maxlen(vm: &Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None => Ok(None),
        Some(m) if m.is_none() => Ok(None),
        Some(m) => {
            if vm.try_index(m)?.is_none() {
                return Err(vm.new_type_error("an integer is required"));
            }
            let n = vm.index_value(m)?;
            if n < 0 {
                return Err(vm.new_value_error("maxlen must be non-negative"));
            }
            Ok(Some(usize::try_from(n).unwrap_or(usize::MAX)))
        }
    }
}

fn deque_init(vm: &Vm, v: &Value, args: Args<'_>) -> PyResult<()> {
    let d = this(vm, v)?;
    if args.npos() > 2 {
        return Err(vm.new_type_error(format!(
            "deque() takes at most 2 arguments ({} given)",
            args.npos()
        )));
    }
    let [iterable, maxlen] = args.bind(vm, "deque", ["iterable", "maxlen"], 0, 0)?;
    d.maxlen.set(parse_maxlen(vm, maxlen)?);
    if d.len() > 0 {
        d.clear();
    }
    if let Some(it) = iterable {
        extend(vm, d, v, it, false)?;
    }
    Ok(())
}

/// Appends every item of `iterable` (a snapshot when it is the deque itself).
fn extend(vm: &Vm, d: &Py<Deque>, dv: &Value, iterable: &Value, left: bool) -> PyResult<()> {
    if iterable.is(dv) {
        for x in d.snapshot() {
            drop(d.push(x, left));
        }
        return Ok(());
    }
    let it = vm.iter(iterable)?;
    while let Some(x) = vm.next(&it)? {
        drop(d.push(x, left));
    }
    Ok(())
}

fn deque_append(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, rest) = method(vm, args, "append")?;
    let x = rest.one(vm, "append")?;
    drop(d.push(x.clone(), false));
    Ok(Value::None)
}

fn deque_appendleft(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, rest) = method(vm, args, "appendleft")?;
    let x = rest.one(vm, "appendleft")?;
    drop(d.push(x.clone(), true));
    Ok(Value::None)
}

fn deque_pop(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, rest) = method(vm, args, "pop")?;
    rest.none(vm, "pop")?;
    d.pop(false)
        .ok_or_else(|| vm.new_index_error("pop from an empty deque"))
}

fn deque_popleft(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, rest) = method(vm, args, "popleft")?;
    rest.none(vm, "popleft")?;
    d.pop(true)
        .ok_or_else(|| vm.new_index_error("pop from an empty deque"))
}

fn deque_extend(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let dv = args.values().first().cloned().unwrap_or(Value::None);
    let (d, rest) = method(vm, args, "extend")?;
    extend(vm, d, &dv, rest.one(vm, "extend")?, false)?;
    Ok(Value::None)
}

fn deque_extendleft(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let dv = args.values().first().cloned().unwrap_or(Value::None);
    let (d, rest) = method(vm, args, "extendleft")?;
    extend(vm, d, &dv, rest.one(vm, "extendleft")?, true)?;
    Ok(Value::None)
}

fn deque_rotate(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, rest) = method(vm, args, "rotate")?;
    let n = match rest.range(vm, "rotate", 0, 1)?.first() {
        Some(n) => vm.index_value(n)?,
        None => 1,
    };
    let len = d.len();
    if len > 1 {
        d.bump();
        let k = n.rem_euclid(len as i64) as usize;
        d.items.with_mut(|items| items.rotate_right(k));
    }
    Ok(Value::None)
}

fn deque_clear(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, rest) = method(vm, args, "clear")?;
    rest.none(vm, "clear")?;
    d.clear();
    Ok(Value::None)
}

fn deque_reverse(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, rest) = method(vm, args, "reverse")?;
    rest.none(vm, "reverse")?;
    d.bump();
    d.items.with_mut(|items| items.make_contiguous().reverse());
    Ok(Value::None)
}

/// A copy of deque `v`: subclasses are copied by calling their class, as CPython does.
fn copy_of(vm: &Vm, v: &Value) -> PyResult<Value> {
    let d = this(vm, v)?;
    let cls = v.class(vm);
    if cls.is_heap() {
        let mut call_args = vec![v.clone()];
        if let Some(m) = d.maxlen.get() {
            call_args.push(Value::Int(m as i64));
        }
        return vm.call_pos(&Value::from(cls.clone()), &call_args);
    }
    let copy = Deque::new();
    copy.maxlen.set(d.maxlen.get());
    drop(copy.items.replace(d.items.get()));
    vm.alloc_instance(cls, copy)
}

fn deque_copy(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let dv = args.values().first().cloned().unwrap_or(Value::None);
    let (_, rest) = method(vm, args, "copy")?;
    rest.none(vm, "copy")?;
    copy_of(vm, &dv)
}

/// Compares `x` with the items from `start` to `stop`, returning the first equal index;
/// `mutated` is the error raised when the deque changes during a comparison.
fn find(
    vm: &Vm,
    d: &Py<Deque>,
    x: &Value,
    start: usize,
    stop: usize,
    mutated: fn(&Vm) -> crate::runtime::PyErr,
) -> PyResult<Option<usize>> {
    let state = d.state.get();
    let len = d.len();
    for i in start..stop.min(len) {
        let Some(item) = d.get(i) else { break };
        let equal = item.is(x) || vm.eq_bool(&item, x)?;
        if d.state.get() != state || d.len() != len {
            return Err(mutated(vm));
        }
        if equal {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn mutated_runtime(vm: &Vm) -> crate::runtime::PyErr {
    vm.new_runtime_error(MUTATED)
}

fn mutated_index(vm: &Vm) -> crate::runtime::PyErr {
    vm.new_index_error(MUTATED)
}

fn deque_count(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, rest) = method(vm, args, "count")?;
    let x = rest.one(vm, "count")?;
    let state = d.state.get();
    let len = d.len();
    let mut n = 0;
    for i in 0..len {
        let Some(item) = d.get(i) else { break };
        let equal = item.is(x) || vm.eq_bool(&item, x)?;
        if d.state.get() != state {
            return Err(mutated_runtime(vm));
        }
        n += i64::from(equal);
    }
    Ok(Value::Int(n))
}

/// Clamps a Python `start`/`stop` the way `deque.index` does.
fn clamp_bound(vm: &Vm, v: Option<&Value>, len: usize, default: usize) -> PyResult<usize> {
    let Some(v) = v else { return Ok(default) };
    let n = match vm.index_value(v) {
        Ok(n) => n,
        Err(e) if e.matches(&vm.exc.overflow_error) => {
            if vm.is_true(&vm.rich_compare(v, &Value::Int(0), CompareOp::Lt)?)? {
                i64::MIN
            } else {
                i64::MAX
            }
        }
        Err(e) => return Err(e),
    };
    let len = len as i64;
    let n = if n < 0 {
        (n.saturating_add(len)).max(0)
    } else {
        n.min(len)
    };
    Ok(n as usize)
}

fn deque_index(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, rest) = method(vm, args, "index")?;
    let vals = rest.range(vm, "index", 1, 3)?;
    let len = d.len();
    let start = clamp_bound(vm, vals.get(1), len, 0)?;
    let stop = clamp_bound(vm, vals.get(2), len, len)?;
    match find(vm, d, &vals[0], start, stop, mutated_runtime)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.new_value_error("deque.index(x): x not in deque")),
    }
}

fn deque_insert(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, rest) = method(vm, args, "insert")?;
    let vals = rest.range(vm, "insert", 2, 2)?;
    let i = vm.index_value(&vals[0])?;
    let len = d.len();
    if d.maxlen.get().is_some_and(|m| len >= m) {
        return Err(vm.new_index_error("deque already at its maximum size"));
    }
    let len_i = len as i64;
    let at = if i < 0 {
        (i + len_i).max(0)
    } else {
        i.min(len_i)
    } as usize;
    d.bump();
    d.items.with_mut(|items| items.insert(at, vals[1].clone()));
    Ok(Value::None)
}

fn deque_remove(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, rest) = method(vm, args, "remove")?;
    let x = rest.one(vm, "remove")?;
    match find(vm, d, x, 0, usize::MAX, mutated_index)? {
        Some(i) => {
            d.bump();
            drop(d.items.with_mut(|items| items.remove(i)));
            Ok(Value::None)
        }
        None => Err(vm.new_value_error("deque.remove(x): x not in deque")),
    }
}

fn maxlen_get(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(match this(vm, v)?.maxlen.get() {
        Some(m) => Value::Int(m as i64),
        None => Value::None,
    })
}

fn deque_len(vm: &Vm, v: &Value) -> PyResult<usize> {
    Ok(this(vm, v)?.len())
}

fn deque_contains(vm: &Vm, v: &Value, x: &Value) -> PyResult<bool> {
    let d = this(vm, v)?;
    Ok(find(vm, d, x, 0, usize::MAX, mutated_runtime)?.is_some())
}

/// The position an integer subscript designates, or CPython's errors.
fn subscript(vm: &Vm, d: &Py<Deque>, key: &Value) -> PyResult<usize> {
    if vm.try_index(key)?.is_none() {
        return Err(vm.new_type_error(format!(
            "sequence index must be integer, not '{}'",
            vm.type_name(key)
        )));
    }
    let out_of_range = || vm.new_index_error("deque index out of range");
    let i = vm.index_value(key).map_err(|e| {
        if e.matches(&vm.exc.overflow_error) {
            out_of_range()
        } else {
            e
        }
    })?;
    let len = d.len() as i64;
    let i = if i < 0 { i + len } else { i };
    if i < 0 || i >= len {
        return Err(out_of_range());
    }
    Ok(i as usize)
}

fn deque_getitem(vm: &Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let d = this(vm, v)?;
    let i = subscript(vm, d, key)?;
    d.get(i)
        .ok_or_else(|| vm.new_index_error("deque index out of range"))
}

fn deque_setitem(vm: &Vm, v: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    let d = this(vm, v)?;
    let i = subscript(vm, d, key)?;
    let old = match value {
        Some(x) => d
            .items
            .with_mut(|items| items.get_mut(i).map(|slot| std::mem::replace(slot, x))),
        None => {
            d.bump();
            d.items.with_mut(|items| items.remove(i))
        }
    };
    drop(old);
    Ok(())
}

fn deque_iter(vm: &Vm, v: &Value) -> PyResult<Value> {
    new_iter(vm, v, false)
}

fn deque_reversed(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let dv = args.values().first().cloned().unwrap_or(Value::None);
    let (_, rest) = method(vm, args, "__reversed__")?;
    rest.none(vm, "__reversed__")?;
    new_iter(vm, &dv, true)
}

fn new_iter(vm: &Vm, v: &Value, reverse: bool) -> PyResult<Value> {
    let d = this(vm, v)?;
    let name = if reverse {
        "_collections._deque_reverse_iterator"
    } else {
        "_collections._deque_iterator"
    };
    let ty = vm.native_type(name)?;
    vm.alloc_instance(
        &ty,
        DequeIter {
            deque: d.clone(),
            index: Cell::new(0),
            state: d.state.get(),
            reverse,
        },
    )
}

fn iter_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = v
        .downcast::<DequeIter>()
        .ok_or_else(|| vm.new_type_error("expected a deque iterator"))?;
    let d = &it.deque;
    if d.state.get() != it.state {
        it.index.set(usize::MAX);
        return Err(vm.new_runtime_error(MUTATED));
    }
    let i = it.index.get();
    let len = d.len();
    if i >= len {
        return Ok(None);
    }
    it.index.set(i + 1);
    Ok(d.get(if it.reverse { len - 1 - i } else { i }))
}

fn iter_length_hint(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (it, _) = vm.method_self::<DequeIter>(args, "__length_hint__", "_deque_iterator")?;
    let left = it.deque.len().saturating_sub(it.index.get());
    Ok(Value::Int(if it.deque.state.get() == it.state {
        left as i64
    } else {
        0
    }))
}

fn deque_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let d = this(vm, v)?;
    let name = v.class(vm).name();
    let Some(_guard) = vm.repr_enter(v) else {
        return Ok(vm.new_str("[...]").into());
    };
    let mut out = crate::text::wtf8::Wtf8Buf::new();
    out.push_str(&name);
    out.push_str("([");
    for (i, item) in d.snapshot().iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_wtf8(vm.repr(item)?.as_wtf8());
    }
    out.push_str("]");
    if let Some(m) = d.maxlen.get() {
        out.push_str(&format!(", maxlen={m}"));
    }
    out.push_str(")");
    Ok(vm.new_str_buf(out).into())
}

fn deque_richcompare(vm: &Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.downcast::<Deque>(), b.downcast::<Deque>()) else {
        return Ok(vm.not_implemented());
    };
    if x.len() != y.len() && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Value::Bool(op == CompareOp::Ne));
    }
    let mut i = 0;
    loop {
        let (Some(p), Some(q)) = (x.get(i), y.get(i)) else {
            break;
        };
        if !(p.is(&q) || vm.eq_bool(&p, &q)?) {
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

fn deque_concat(vm: &Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if b.downcast::<Deque>().is_none() {
        return Err(vm.new_type_error(format!(
            "can only concatenate deque (not \"{}\") to deque",
            vm.type_name(b)
        )));
    }
    let new = copy_of(vm, a)?;
    let nd = this(vm, &new)?;
    extend(vm, nd, &new, b, false)?;
    Ok(new)
}

fn deque_iadd(vm: &Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let d = this(vm, a)?;
    extend(vm, d, a, b, false)?;
    Ok(a.clone())
}

/// Repeats the items in place: `n` copies, keeping only the last `maxlen` items.
fn repeat_in_place(vm: &Vm, d: &Py<Deque>, n: &Value) -> PyResult<()> {
    let n = vm.index_value(n)?;
    let items = d.snapshot();
    if n <= 0 || items.is_empty() {
        d.clear();
        return Ok(());
    }
    let len = items.len();
    let total = (len as u128) * (n as u128);
    let keep = match d.maxlen.get() {
        Some(m) => total.min(m as u128),
        None => total,
    };
    if keep > (isize::MAX as u128) / 16 {
        return Err(vm.new_memory_error(""));
    }
    let keep = keep as usize;
    // The kept items are the tail of the repetition: start where it leaves `keep`.
    let first = ((total - keep as u128) % len as u128) as usize;
    let mut out = VecDeque::new();
    if out.try_reserve(keep).is_err() {
        return Err(vm.new_memory_error(""));
    }
    out.extend(items.iter().cycle().skip(first).take(keep).cloned());
    d.bump();
    drop(d.items.replace(out));
    Ok(())
}

fn deque_repeat(vm: &Vm, a: &Value, n: &Value) -> PyResult<Value> {
    let new = copy_of(vm, a)?;
    repeat_in_place(vm, this(vm, &new)?, n)?;
    Ok(new)
}

fn deque_imul(vm: &Vm, a: &Value, n: &Value) -> PyResult<Value> {
    repeat_in_place(vm, this(vm, a)?, n)?;
    Ok(a.clone())
}

fn deque_reduce(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let dv = args.values().first().cloned().unwrap_or(Value::None);
    let (d, rest) = method(vm, args, "__reduce__")?;
    rest.none(vm, "__reduce__")?;
    let cls: Value = dv.class(vm).clone().into();
    let ctor_args: Value = match d.maxlen.get() {
        Some(m) => vm
            .new_tuple(vec![vm.empty_tuple.clone().into(), Value::Int(m as i64)])
            .into(),
        None => vm.empty_tuple.clone().into(),
    };
    let state = match vm.instance_dict(&dv) {
        Some(dict) if !dict.is_empty() => dict.into(),
        _ => Value::None,
    };
    let it = new_iter(vm, &dv, false)?;
    Ok(vm.new_tuple(vec![cls, ctor_args, state, it]).into())
}

fn deque_class_getitem(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let Some((cls, rest)) = args.split_self() else {
        return Err(vm.new_type_error("__class_getitem__ needs a class"));
    };
    let item = rest.one(vm, "__class_getitem__")?;
    crate::types::union::generic_alias(vm, cls, item)
}

// --- _tuplegetter ---------------------------------------------------------------------------

fn tuplegetter_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    args.no_kwargs(vm, "_tuplegetter")?;
    let vals = args.range(vm, "_tuplegetter", 2, 2)?;
    let index = vm.index_value(&vals[0])?;
    let index =
        usize::try_from(index).map_err(|_| vm.new_value_error("index must be non-negative"))?;
    vm.alloc_instance(
        cls,
        TupleGetter {
            index,
            doc: PyCell::new(vals[1].clone()),
        },
    )
}

fn getter_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<TupleGetter>> {
    v.downcast::<TupleGetter>()
        .ok_or_else(|| vm.new_type_error("expected _tuplegetter"))
}

fn tuplegetter_get(
    vm: &Vm,
    descr: &Value,
    obj: Option<&Value>,
    _owner: Option<&Value>,
) -> PyResult<Value> {
    let g = getter_of(vm, descr)?;
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(descr.clone());
    };
    let Some(t) = obj.downcast::<Tuple>() else {
        return Err(vm.new_type_error(format!(
            "descriptor for index '{}' for tuple subclasses doesn't apply to '{}' object",
            g.index,
            vm.type_name(obj)
        )));
    };
    t.as_slice()
        .get(g.index)
        .cloned()
        .ok_or_else(|| vm.new_index_error("tuple index out of range"))
}

fn tuplegetter_set(vm: &Vm, _descr: &Value, _obj: &Value, value: Option<Value>) -> PyResult<()> {
    Err(vm.new_attribute_error_msg(if value.is_some() {
        "can't set attribute"
    } else {
        "can't delete attribute"
    }))
}

fn tuplegetter_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let g = getter_of(vm, v)?;
    let doc = vm.repr(&g.doc.get())?;
    Ok(vm
        .new_str(&format!(
            "{}({}, {})",
            v.class(vm).name(),
            g.index,
            doc.to_lossy()
        ))
        .into())
}

fn tuplegetter_reduce(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.values().first().cloned().unwrap_or(Value::None);
    let (g, rest) = vm.method_self::<TupleGetter>(args, "__reduce__", "_tuplegetter")?;
    rest.none(vm, "__reduce__")?;
    let ctor_args = vm.new_tuple(vec![Value::Int(g.index as i64), g.doc.get()]);
    Ok(vm
        .new_tuple(vec![v.class(vm).clone().into(), ctor_args.into()])
        .into())
}

// --- _count_elements ------------------------------------------------------------------------

/// `_count_elements(mapping, iterable)`: `mapping[x] = mapping.get(x, 0) + 1` for each item.
fn count_elements(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "_count_elements", 2, 2)?;
    let (mapping, iterable) = (&vals[0], &vals[1]);
    let get = vm.getattr_str(mapping, "get")?;
    let it = vm.iter(iterable)?;
    while let Some(x) = vm.next(&it)? {
        let n = vm.call_pos(&get, &[x.clone(), Value::Int(0)])?;
        let n = vm.binary_op(&n, &Value::Int(1), crate::runtime::BinOp::Add)?;
        vm.setitem(mapping, &x, n)?;
    }
    Ok(Value::None)
}

// --- module ---------------------------------------------------------------------------------

fn new_type<T: crate::object::PyPayload>(vm: &Vm, name: &'static str, base_flags: u32) -> Py<Type> {
    crate::runtime::registry::new_builtin_type::<T>(
        &vm.types.type_,
        &vm.types.dict,
        name,
        "collections",
        Some(&vm.types.object),
        base_flags,
    )
}

fn init_deque(vm: &Vm) -> Py<Type> {
    let t = new_type::<Deque>(vm, "deque", flags::BASETYPE | flags::SEQUENCE);
    let s = &t.slots;
    s.new.set(Some(deque_new));
    s.init.set(Some(deque_init));
    s.len.set(Some(deque_len));
    s.contains.set(Some(deque_contains));
    s.getitem.set(Some(deque_getitem));
    s.setitem.set(Some(deque_setitem));
    s.iter.set(Some(deque_iter));
    s.repr.set(Some(deque_repr));
    s.richcompare.set(Some(deque_richcompare));
    s.concat.set(Some(deque_concat));
    s.repeat.set(Some(deque_repeat));
    s.iadd.set(Some(deque_iadd));
    s.imul.set(Some(deque_imul));
    t.set_hash_none(vm);
    vm.add_methods(
        &t,
        &[
            ("append", deque_append),
            ("appendleft", deque_appendleft),
            ("pop", deque_pop),
            ("popleft", deque_popleft),
            ("extend", deque_extend),
            ("extendleft", deque_extendleft),
            ("rotate", deque_rotate),
            ("clear", deque_clear),
            ("copy", deque_copy),
            ("__copy__", deque_copy),
            ("count", deque_count),
            ("index", deque_index),
            ("insert", deque_insert),
            ("remove", deque_remove),
            ("reverse", deque_reverse),
            ("__reversed__", deque_reversed),
            ("__reduce__", deque_reduce),
        ],
    );
    vm.add_classmethod(&t, "__class_getitem__", deque_class_getitem);
    vm.add_getset(&t, "maxlen", maxlen_get, None);
    vm.add_attr(
        &t,
        "__doc__",
        vm.new_str("A list-like sequence optimized for data accesses near its endpoints.")
            .into(),
    );
    crate::runtime::slot_dispatch::finish_builtin_type(vm, &t);
    t
}

fn init_iter(vm: &Vm, name: &'static str) -> Py<Type> {
    let t = new_type::<DequeIter>(vm, name, 0);
    t.slots.iter.set(Some(|_, v| Ok(v.clone())));
    t.slots.iternext.set(Some(iter_next));
    vm.add_methods(&t, &[("__length_hint__", iter_length_hint)]);
    crate::runtime::slot_dispatch::finish_builtin_type(vm, &t);
    t
}

fn init_tuplegetter(vm: &Vm) -> Py<Type> {
    let t = new_type::<TupleGetter>(vm, "_tuplegetter", 0);
    t.slots.new.set(Some(tuplegetter_new));
    t.slots.descr_get.set(Some(tuplegetter_get));
    t.slots.descr_set.set(Some(tuplegetter_set));
    t.slots.repr.set(Some(tuplegetter_repr));
    vm.add_methods(&t, &[("__reduce__", tuplegetter_reduce)]);
    vm.add_getset(
        &t,
        "__doc__",
        |vm, v| Ok(getter_of(vm, v)?.doc.get()),
        Some(|vm, v, value| {
            let old = getter_of(vm, v)?.doc.replace(value.unwrap_or(Value::None));
            drop(old);
            Ok(())
        }),
    );
    crate::runtime::slot_dispatch::finish_builtin_type(vm, &t);
    t
}

/// Builds `_collections`.
pub fn init(vm: &Vm) -> PyResult<Py<Module>> {
    let m = vm.new_module("_collections");
    let deque = init_deque(vm);
    let fwd = init_iter(vm, "_deque_iterator");
    let rev = init_iter(vm, "_deque_reverse_iterator");
    let getter = init_tuplegetter(vm);
    vm.register_native_type("_collections._deque_iterator", &fwd);
    vm.register_native_type("_collections._deque_reverse_iterator", &rev);
    for (name, t) in [
        ("deque", deque),
        ("_deque_iterator", fwd),
        ("_deque_reverse_iterator", rev),
        ("_tuplegetter", getter),
    ] {
        m.dict().set_str(&vm.intern(name), t.into());
    }
    vm.add_function(&m, "_count_elements", count_elements);
    Ok(m)
}
