//! The `itertools` module: lazy iterator building blocks with CPython's argument checks,
//! reprs and exhaustion behaviour. The infinite and terminating iterators live here; the
//! combinatoric ones in `combinatorics.rs`; `tee` and `groupby`, which share state between
//! several iterators, in `shared.rs`.

mod combinatorics;
mod shared;

use std::cell::Cell;

use crate::object::{Py, PyCell, PyPayload, Type, Value};
use crate::runtime::{Args, BinOp, PyResult, Vm};
use crate::types::module::Module;

/// The payload of `v`, or a TypeError naming the expected type.
pub(super) fn payload<'a, T: PyPayload>(vm: &Vm, v: &'a Value, name: &str) -> PyResult<&'a Py<T>> {
    v.downcast::<T>()
        .ok_or_else(|| vm.new_type_error(format!("expected itertools.{name}")))
}

/// Rejects keywords for types that take none (subclasses may accept their own).
fn no_kwargs_exact(vm: &Vm, cls: &Py<Type>, args: &Args<'_>, name: &str) -> PyResult<()> {
    if !cls.is_heap() {
        args.no_kwargs(vm, name)?;
    }
    Ok(())
}

// ---- count ------------------------------------------------------------------------------------

/// `count(start=0, step=1)`.
pub struct Count {
    cur: PyCell<Value>,
    step: Value,
}

crate::payload!(Count, gc);

impl Count {
    /// Cycle collector: the counter and the step.
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        self.cur.with(|v| visit.value(v));
        visit.value(&self.step);
    }

    fn gc_clear(&self) {}
}

fn is_number(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::Bool(_) | Value::Float(_) => true,
        _ => {
            let s = &v.class(vm).slots;
            s.index.get().is_some() || s.float.get().is_some() || s.int.get().is_some()
        }
    }
}

fn count_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    let [start, step] = args.bind(vm, "count", ["start", "step"], 0, 0)?;
    let start = start.cloned().unwrap_or(Value::Int(0));
    let step = step.cloned().unwrap_or(Value::Int(1));
    if !is_number(vm, &start) || !is_number(vm, &step) {
        return Err(vm.new_type_error("a number is required"));
    }
    vm.alloc_instance(
        cls,
        Count {
            cur: PyCell::new(start),
            step,
        },
    )
}

fn count_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let c = payload::<Count>(vm, v, "count")?;
    let cur = c.cur.get();
    let next = match (&cur, &c.step) {
        (Value::Int(a), Value::Int(s)) if a.checked_add(*s).is_some() => Value::Int(a + s),
        _ => vm.binary_op(&cur, &c.step, BinOp::Add)?,
    };
    drop(c.cur.replace(next));
    Ok(Some(cur))
}

fn count_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let c = payload::<Count>(vm, v, "count")?;
    let name = v.class(vm).name();
    let start = vm.repr(&c.cur.get())?;
    let text = if matches!(c.step, Value::Int(1)) {
        format!("{name}({})", start.to_lossy())
    } else {
        format!(
            "{name}({}, {})",
            start.to_lossy(),
            vm.repr(&c.step)?.to_lossy()
        )
    };
    Ok(vm.new_str(&text).into())
}

// ---- cycle ------------------------------------------------------------------------------------

/// `cycle(iterable)`.
pub struct Cycle {
    it: Value,
    saved: PyCell<Vec<Value>>,
    index: Cell<usize>,
    first_pass: Cell<bool>,
}

crate::payload!(Cycle, gc);

impl Cycle {
    /// Cycle collector: the iterator and the saved items.
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        visit.value(&self.it);
        self.saved.with(|v| visit.values(v));
    }

    fn gc_clear(&self) {
        drop(self.saved.take());
        self.index.set(0);
    }
}

fn cycle_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    no_kwargs_exact(vm, cls, &args, "cycle")?;
    args.check_positional(vm, "cycle", 1, 1)?;
    let it = vm.iter(&args.pos()[0])?;
    vm.alloc_instance(
        cls,
        Cycle {
            it,
            saved: PyCell::new(Vec::new()),
            index: Cell::new(0),
            first_pass: Cell::new(true),
        },
    )
}

fn cycle_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let c = payload::<Cycle>(vm, v, "cycle")?;
    if c.first_pass.get() {
        if let Some(x) = vm.next(&c.it)? {
            c.saved.with_mut(|s| s.push(x.clone()));
            return Ok(Some(x));
        }
        c.first_pass.set(false);
    }
    let i = c.index.get();
    let item = c.saved.with(|s| {
        if s.is_empty() {
            None
        } else {
            Some(s[i % s.len()].clone())
        }
    });
    if item.is_some() {
        c.index.set(i.wrapping_add(1));
    }
    Ok(item)
}

// ---- repeat -----------------------------------------------------------------------------------

/// `repeat(object, times=None)`; `left` is `None` for infinitely many.
pub struct Repeat {
    obj: Value,
    left: Cell<Option<i64>>,
}

crate::payload!(Repeat, gc);

impl Repeat {
    /// Cycle collector: the repeated object.
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        visit.value(&self.obj);
    }

    fn gc_clear(&self) {}
}

fn repeat_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    let [obj, times] = args.bind(vm, "repeat", ["object", "times"], 1, 0)?;
    let left = match times {
        Some(t) => Some(vm.index_value(t)?.max(0)),
        None => None,
    };
    vm.alloc_instance(
        cls,
        Repeat {
            obj: obj.cloned().unwrap_or(Value::None),
            left: Cell::new(left),
        },
    )
}

fn repeat_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let r = payload::<Repeat>(vm, v, "repeat")?;
    match r.left.get() {
        None => Ok(Some(r.obj.clone())),
        Some(0) => Ok(None),
        Some(n) => {
            r.left.set(Some(n - 1));
            Ok(Some(r.obj.clone()))
        }
    }
}

fn repeat_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let r = payload::<Repeat>(vm, v, "repeat")?;
    let name = v.class(vm).name();
    let obj = vm.repr(&r.obj)?;
    let text = match r.left.get() {
        None => format!("{name}({})", obj.to_lossy()),
        Some(n) => format!("{name}({}, {n})", obj.to_lossy()),
    };
    Ok(vm.new_str(&text).into())
}

fn repeat_length_hint(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = vm.method_self::<Repeat>(args, "__length_hint__", "itertools.repeat")?;
    rest.none(vm, "__length_hint__")?;
    match r.left.get() {
        Some(n) => Ok(Value::Int(n)),
        None => Err(vm.new_type_error("len() of unsized object")),
    }
}

// ---- accumulate -------------------------------------------------------------------------------

/// `accumulate(iterable, func=None, *, initial=None)`.
pub struct Accumulate {
    it: Value,
    func: Value,
    total: PyCell<Value>,
    initial: PyCell<Value>,
}

crate::payload!(Accumulate, gc);

impl Accumulate {
    /// Cycle collector: the iterator, the function, the running total and the initial value.
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        visit.value(&self.it);
        visit.value(&self.func);
        self.total.with(|v| visit.value(v));
        self.initial.with(|v| visit.value(v));
    }

    fn gc_clear(&self) {
        drop(self.total.replace(Value::Null));
        drop(self.initial.replace(Value::Null));
    }
}

fn accumulate_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    if args.npos() > 2 {
        return Err(vm.new_type_error(format!(
            "accumulate() takes at most 2 positional arguments ({} given)",
            args.npos()
        )));
    }
    let [iterable, func, initial] =
        args.bind(vm, "accumulate", ["iterable", "func", "initial"], 1, 0)?;
    let it = vm.iter(iterable.unwrap_or(&Value::None))?;
    vm.alloc_instance(
        cls,
        Accumulate {
            it,
            func: func.cloned().unwrap_or(Value::None),
            total: PyCell::new(Value::Null),
            initial: PyCell::new(
                initial
                    .filter(|i| !i.is_none())
                    .cloned()
                    .unwrap_or(Value::Null),
            ),
        },
    )
}

fn accumulate_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let a = payload::<Accumulate>(vm, v, "accumulate")?;
    let initial = a.initial.replace(Value::Null);
    if !initial.is_null() {
        drop(a.total.replace(initial.clone()));
        return Ok(Some(initial));
    }
    let Some(x) = vm.next(&a.it)? else {
        return Ok(None);
    };
    let total = a.total.get();
    let next = if total.is_null() {
        x
    } else if a.func.is_none() {
        vm.binary_op(&total, &x, BinOp::Add)?
    } else {
        vm.call_pos(&a.func, &[total, x])?
    };
    drop(a.total.replace(next.clone()));
    Ok(Some(next))
}

// ---- batched ----------------------------------------------------------------------------------

/// `batched(iterable, n, *, strict=False)`.
pub struct Batched {
    it: PyCell<Value>,
    n: usize,
    strict: bool,
}

crate::payload!(Batched, gc);

impl Batched {
    /// Cycle collector: the iterator (dropped when exhausted or cleared).
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        self.it.with(|v| visit.value(v));
    }

    fn gc_clear(&self) {
        drop(self.it.replace(Value::Null));
    }
}

fn batched_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    if args.npos() > 2 {
        return Err(vm.new_type_error(format!(
            "batched() takes at most 2 positional arguments ({} given)",
            args.npos()
        )));
    }
    let [iterable, n, strict] = args.bind(vm, "batched", ["iterable", "n", "strict"], 2, 0)?;
    let n = vm.index_value(n.unwrap_or(&Value::None))?;
    if n < 1 {
        return Err(vm.new_value_error("n must be at least one"));
    }
    let strict = match strict {
        Some(s) => vm.is_true(s)?,
        None => false,
    };
    let it = vm.iter(iterable.unwrap_or(&Value::None))?;
    vm.alloc_instance(
        cls,
        Batched {
            it: PyCell::new(it),
            n: n as usize,
            strict,
        },
    )
}

fn batched_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let b = payload::<Batched>(vm, v, "batched")?;
    let it = b.it.get();
    if it.is_null() {
        return Ok(None);
    }
    let mut items = Vec::with_capacity(b.n.min(1024));
    while items.len() < b.n {
        match vm.next(&it)? {
            Some(x) => items.push(x),
            None => {
                drop(b.it.replace(Value::Null));
                break;
            }
        }
    }
    if items.is_empty() {
        return Ok(None);
    }
    if b.strict && items.len() < b.n {
        return Err(vm.new_value_error("batched(): incomplete batch"));
    }
    Ok(Some(vm.new_tuple(items).into()))
}

// ---- chain ------------------------------------------------------------------------------------

/// `chain(*iterables)` / `chain.from_iterable(iterable)`.
pub struct Chain {
    source: PyCell<Value>,
    active: PyCell<Value>,
}

crate::payload!(Chain, gc);

impl Chain {
    /// Cycle collector: the source of iterables and the active iterator.
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        self.source.with(|v| visit.value(v));
        self.active.with(|v| visit.value(v));
    }

    fn gc_clear(&self) {
        drop(self.source.replace(Value::Null));
        drop(self.active.replace(Value::Null));
    }
}

fn chain_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    no_kwargs_exact(vm, cls, &args, "chain")?;
    let source = vm.iter(&vm.new_tuple(args.pos().to_vec()).into())?;
    vm.alloc_instance(
        cls,
        Chain {
            source: PyCell::new(source),
            active: PyCell::new(Value::Null),
        },
    )
}

fn chain_from_iterable(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.values();
    let Some(cls) = vals.first().and_then(|c| c.downcast::<Type>()) else {
        return Err(vm.new_type_error("chain.from_iterable() needs a type"));
    };
    let rest = Args::new(&vals[1..], args.kwnames());
    let x = rest.one(vm, "chain.from_iterable")?;
    let source = vm.iter(x)?;
    vm.alloc_instance(
        cls,
        Chain {
            source: PyCell::new(source),
            active: PyCell::new(Value::Null),
        },
    )
}

fn chain_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let c = payload::<Chain>(vm, v, "chain")?;
    loop {
        let active = c.active.get();
        if !active.is_null() {
            if let Some(x) = vm.next(&active)? {
                return Ok(Some(x));
            }
            drop(c.active.replace(Value::Null));
        }
        let source = c.source.get();
        if source.is_null() {
            return Ok(None);
        }
        match vm.next(&source)? {
            Some(iterable) => {
                let it = vm.iter(&iterable)?;
                drop(c.active.replace(it));
            }
            None => {
                drop(c.source.replace(Value::Null));
                return Ok(None);
            }
        }
    }
}

// ---- compress, dropwhile, takewhile, filterfalse, starmap --------------------------------------

/// `compress(data, selectors)`.
pub struct Compress {
    data: Value,
    selectors: Value,
}

crate::payload!(Compress, gc);

impl Compress {
    /// Cycle collector: the data and selector iterators.
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        visit.value(&self.data);
        visit.value(&self.selectors);
    }

    fn gc_clear(&self) {}
}

fn compress_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    let [data, selectors] = args.bind(vm, "compress", ["data", "selectors"], 2, 0)?;
    let data = vm.iter(data.unwrap_or(&Value::None))?;
    let selectors = vm.iter(selectors.unwrap_or(&Value::None))?;
    vm.alloc_instance(cls, Compress { data, selectors })
}

fn compress_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let c = payload::<Compress>(vm, v, "compress")?;
    loop {
        let Some(d) = vm.next(&c.data)? else {
            return Ok(None);
        };
        let Some(s) = vm.next(&c.selectors)? else {
            return Ok(None);
        };
        if vm.is_true(&s)? {
            return Ok(Some(d));
        }
    }
}

/// `dropwhile`, `takewhile`, `filterfalse` and `starmap`: a function and an iterator.
pub struct FuncIter {
    func: Value,
    it: Value,
    /// dropwhile: still dropping; takewhile: still taking.
    flag: Cell<bool>,
}

crate::payload!(FuncIter, gc);

impl FuncIter {
    /// Cycle collector: the predicate and the iterator.
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        visit.value(&self.func);
        visit.value(&self.it);
    }

    fn gc_clear(&self) {}
}

fn func_iter_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>, name: &str) -> PyResult<Value> {
    no_kwargs_exact(vm, cls, &args, name)?;
    args.check_positional(vm, name, 2, 2)?;
    let pos = args.pos();
    let it = vm.iter(&pos[1])?;
    vm.alloc_instance(
        cls,
        FuncIter {
            func: pos[0].clone(),
            it,
            flag: Cell::new(true),
        },
    )
}

fn dropwhile_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    func_iter_new(vm, cls, args, "dropwhile")
}

fn takewhile_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    func_iter_new(vm, cls, args, "takewhile")
}

fn filterfalse_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    func_iter_new(vm, cls, args, "filterfalse")
}

fn starmap_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    func_iter_new(vm, cls, args, "starmap")
}

fn test(vm: &Vm, f: &FuncIter, x: &Value) -> PyResult<bool> {
    let r = vm.call_pos(&f.func, std::slice::from_ref(x))?;
    vm.is_true(&r)
}

fn dropwhile_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let f = payload::<FuncIter>(vm, v, "dropwhile")?;
    while let Some(x) = vm.next(&f.it)? {
        if !f.flag.get() {
            return Ok(Some(x));
        }
        if !test(vm, f, &x)? {
            f.flag.set(false);
            return Ok(Some(x));
        }
    }
    Ok(None)
}

fn takewhile_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let f = payload::<FuncIter>(vm, v, "takewhile")?;
    if !f.flag.get() {
        return Ok(None);
    }
    let Some(x) = vm.next(&f.it)? else {
        return Ok(None);
    };
    if test(vm, f, &x)? {
        return Ok(Some(x));
    }
    f.flag.set(false);
    Ok(None)
}

fn filterfalse_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let f = payload::<FuncIter>(vm, v, "filterfalse")?;
    while let Some(x) = vm.next(&f.it)? {
        let keep = if f.func.is_none()
            || f.func
                .as_obj()
                .is_some_and(|o| o.is(vm.types.bool.as_obj()))
        {
            !vm.is_true(&x)?
        } else {
            !test(vm, f, &x)?
        };
        if keep {
            return Ok(Some(x));
        }
    }
    Ok(None)
}

fn starmap_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let f = payload::<FuncIter>(vm, v, "starmap")?;
    let Some(args) = vm.next(&f.it)? else {
        return Ok(None);
    };
    let items = match args.downcast::<crate::types::tuple::Tuple>() {
        Some(t) => t.as_slice().to_vec(),
        None => vm.collect(&args)?,
    };
    vm.call_pos(&f.func, &items).map(Some)
}

// ---- islice -----------------------------------------------------------------------------------

/// `islice(iterable, [start,] stop [, step])`.
pub struct ISlice {
    it: PyCell<Value>,
    next: Cell<i64>,
    /// -1: no stop.
    stop: i64,
    step: i64,
    count: Cell<i64>,
}

crate::payload!(ISlice, gc);

impl ISlice {
    /// Cycle collector: the iterator (dropped when exhausted or cleared).
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        self.it.with(|v| visit.value(v));
    }

    fn gc_clear(&self) {
        drop(self.it.replace(Value::Null));
    }
}

const ISLICE_STOP: &str =
    "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";

/// `PyNumber_AsSsize_t` where any failure (non-int, overflow) counts as `fail`.
fn ssize_or(vm: &Vm, v: &Value, fail: i64) -> PyResult<i64> {
    match vm.try_index(v) {
        Ok(Some(b)) => Ok(num_traits::ToPrimitive::to_i64(b.as_ref()).unwrap_or(fail)),
        Ok(None) => Ok(fail),
        Err(e) if e.matches(&vm.exc.type_error) || e.matches(&vm.exc.overflow_error) => Ok(fail),
        Err(e) => Err(e),
    }
}

fn islice_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    no_kwargs_exact(vm, cls, &args, "islice")?;
    args.check_positional(vm, "islice", 2, 4)?;
    let pos = args.pos();
    let (mut start, mut stop, mut step) = (0i64, -1i64, 1i64);
    if pos.len() == 2 {
        if !pos[1].is_none() {
            stop = ssize_or(vm, &pos[1], -1)?;
            if stop == -1 {
                return Err(vm.new_value_error(ISLICE_STOP));
            }
        }
    } else {
        if !pos[1].is_none() {
            start = ssize_or(vm, &pos[1], -1)?;
        }
        if !pos[2].is_none() {
            stop = ssize_or(vm, &pos[2], -1)?;
            if stop == -1 {
                return Err(vm.new_value_error(ISLICE_STOP));
            }
        }
    }
    if start < 0 || stop < -1 {
        return Err(vm.new_value_error(
            "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
        ));
    }
    if let Some(s) = pos.get(3)
        && !s.is_none()
    {
        step = ssize_or(vm, s, -1)?;
    }
    if step < 1 {
        return Err(vm.new_value_error("Step for islice() must be a positive integer or None."));
    }
    let it = vm.iter(&pos[0])?;
    vm.alloc_instance(
        cls,
        ISlice {
            it: PyCell::new(it),
            next: Cell::new(start),
            stop,
            step,
            count: Cell::new(0),
        },
    )
}

fn islice_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let s = payload::<ISlice>(vm, v, "islice")?;
    let it = s.it.get();
    if it.is_null() {
        return Ok(None);
    }
    let finish = || {
        drop(s.it.replace(Value::Null));
        Ok(None)
    };
    while s.count.get() < s.next.get() {
        if vm.next(&it)?.is_none() {
            return finish();
        }
        s.count.set(s.count.get() + 1);
    }
    if s.stop != -1 && s.count.get() >= s.stop {
        return finish();
    }
    let Some(item) = vm.next(&it)? else {
        return finish();
    };
    s.count.set(s.count.get() + 1);
    let old = s.next.get();
    let mut next = old.wrapping_add(s.step);
    if next < old || (s.stop != -1 && next > s.stop) {
        next = s.stop;
    }
    s.next.set(next);
    Ok(Some(item))
}

// ---- pairwise, zip_longest ----------------------------------------------------------------------

/// `pairwise(iterable)`.
pub struct Pairwise {
    it: PyCell<Value>,
    old: PyCell<Value>,
}

crate::payload!(Pairwise, gc);

impl Pairwise {
    /// Cycle collector: the iterator and the previous item.
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        self.it.with(|v| visit.value(v));
        self.old.with(|v| visit.value(v));
    }

    fn gc_clear(&self) {
        drop(self.it.replace(Value::Null));
        drop(self.old.replace(Value::Null));
    }
}

fn pairwise_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    no_kwargs_exact(vm, cls, &args, "pairwise")?;
    args.check_positional(vm, "pairwise", 1, 1)?;
    let it = vm.iter(&args.pos()[0])?;
    vm.alloc_instance(
        cls,
        Pairwise {
            it: PyCell::new(it),
            old: PyCell::new(Value::Null),
        },
    )
}

fn pairwise_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let p = payload::<Pairwise>(vm, v, "pairwise")?;
    let it = p.it.get();
    if it.is_null() {
        return Ok(None);
    }
    let mut old = p.old.get();
    if old.is_null() {
        match vm.next(&it)? {
            Some(x) => {
                old = x.clone();
                drop(p.old.replace(x));
            }
            None => {
                drop(p.it.replace(Value::Null));
                return Ok(None);
            }
        }
    }
    match vm.next(&it)? {
        Some(new) => {
            drop(p.old.replace(new.clone()));
            Ok(Some(vm.new_tuple(vec![old, new]).into()))
        }
        None => {
            drop(p.it.replace(Value::Null));
            drop(p.old.replace(Value::Null));
            Ok(None)
        }
    }
}

/// `zip_longest(*iterables, fillvalue=None)`.
pub struct ZipLongest {
    its: PyCell<Vec<Value>>,
    active: Cell<usize>,
    fill: Value,
}

crate::payload!(ZipLongest, gc);

impl ZipLongest {
    /// Cycle collector: the iterators and the fill value.
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        self.its.with(|v| visit.values(v));
        visit.value(&self.fill);
    }

    fn gc_clear(&self) {}
}

fn zip_longest_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    let mut fill = Value::None;
    for (k, v) in args.kwargs() {
        if k.as_bytes() == b"fillvalue" {
            fill = v.clone();
        } else {
            return Err(vm.new_type_error("zip_longest() got an unexpected keyword argument"));
        }
    }
    let mut its = Vec::with_capacity(args.npos());
    for a in args.pos() {
        its.push(vm.iter(a)?);
    }
    let n = its.len();
    vm.alloc_instance(
        cls,
        ZipLongest {
            its: PyCell::new(its),
            active: Cell::new(n),
            fill,
        },
    )
}

fn zip_longest_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let z = payload::<ZipLongest>(vm, v, "zip_longest")?;
    let n = z.its.with(Vec::len);
    if n == 0 || z.active.get() == 0 {
        return Ok(None);
    }
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let it = z.its.with(|its| its[i].clone());
        if it.is_null() {
            out.push(z.fill.clone());
            continue;
        }
        let item = match vm.next(&it) {
            Ok(x) => x,
            Err(e) => {
                z.active.set(0);
                return Err(e);
            }
        };
        match item {
            Some(x) => out.push(x),
            None => {
                let left = z.active.get() - 1;
                z.active.set(left);
                if left == 0 {
                    return Ok(None);
                }
                let old = z
                    .its
                    .with_mut(|its| std::mem::replace(&mut its[i], Value::Null));
                drop(old);
                out.push(z.fill.clone());
            }
        }
    }
    Ok(Some(vm.new_tuple(out).into()))
}

// ---- module -----------------------------------------------------------------------------------

/// Registers an iterator type: `new`, `__iter__` returning self, `__next__`.
pub(super) fn iter_type<T: PyPayload>(
    vm: &Vm,
    name: &'static str,
    new: crate::object::slots::NewFn,
    next: crate::object::slots::IterNextFn,
) -> Py<Type> {
    let t = crate::stdlib::typedef::new_type::<T>(vm, name, "itertools", None, true);
    t.slots.new.set(Some(new));
    t.slots.iter.set(Some(|_, v| Ok(v.clone())));
    t.slots.iternext.set(Some(next));
    t
}

/// Builds `itertools`.
pub fn init(vm: &Vm) -> PyResult<Py<Module>> {
    let m = vm.new_module("itertools");
    let mut types = vec![
        iter_type::<Count>(vm, "count", count_new, count_next),
        iter_type::<Cycle>(vm, "cycle", cycle_new, cycle_next),
        iter_type::<Repeat>(vm, "repeat", repeat_new, repeat_next),
        iter_type::<Accumulate>(vm, "accumulate", accumulate_new, accumulate_next),
        iter_type::<Batched>(vm, "batched", batched_new, batched_next),
        iter_type::<Chain>(vm, "chain", chain_new, chain_next),
        iter_type::<Compress>(vm, "compress", compress_new, compress_next),
        iter_type::<FuncIter>(vm, "dropwhile", dropwhile_new, dropwhile_next),
        iter_type::<FuncIter>(vm, "takewhile", takewhile_new, takewhile_next),
        iter_type::<FuncIter>(vm, "filterfalse", filterfalse_new, filterfalse_next),
        iter_type::<FuncIter>(vm, "starmap", starmap_new, starmap_next),
        iter_type::<ISlice>(vm, "islice", islice_new, islice_next),
        iter_type::<Pairwise>(vm, "pairwise", pairwise_new, pairwise_next),
        iter_type::<ZipLongest>(vm, "zip_longest", zip_longest_new, zip_longest_next),
    ];
    types[0].slots.repr.set(Some(count_repr));
    types[2].slots.repr.set(Some(repeat_repr));
    vm.add_methods(&types[2], &[("__length_hint__", repeat_length_hint)]);
    vm.add_classmethod(&types[5], "from_iterable", chain_from_iterable);
    types.extend(combinatorics::types(vm));
    types.extend(shared::types(vm));
    let d = m.dict();
    for t in types {
        crate::stdlib::typedef::finish_type(vm, &t);
        d.set_str(&vm.intern(t.name().as_ref()), t.into());
    }
    vm.add_function(&m, "tee", shared::tee);
    Ok(m)
}
