//! The builtin iterator types: `enumerate`, `zip`, `map`, `filter` and `reversed`.

use std::cell::Cell;

use crate::object::{Py, PyCell, Type, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::types::dict::Dict;

/// `enumerate`.
pub struct Enumerate {
    it: Value,
    count: PyCell<Value>,
    /// The last result, reused when the consumer let go of it (`Vm::reuse_tuple`).
    result: PyCell<Option<Py<crate::types::tuple::Tuple>>>,
}

crate::payload!(Enumerate, gc);

impl Enumerate {
    /// Cycle collector: the underlying iterator (a cycle through it is broken where it
    /// runs through something mutable) and the cached result tuple.
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        visit.value(&self.it);
        self.count.with(|v| visit.value(v));
        self.result.with(|t| visit.opt(t));
    }

    fn gc_clear(&self) {
        drop(self.result.replace(None));
    }
}

/// `zip`.
pub struct Zip {
    its: Vec<Value>,
    strict: bool,
    done: Cell<bool>,
    /// The last result of a two-way zip, reused when the consumer let go of it
    /// (`Vm::reuse_tuple`).
    result: PyCell<Option<Py<crate::types::tuple::Tuple>>>,
}

crate::payload!(Zip, gc);

impl Zip {
    /// Cycle collector: the iterators and the cached result tuple.
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        visit.values(&self.its);
        self.result.with(|t| visit.opt(t));
    }

    fn gc_clear(&self) {
        drop(self.result.replace(None));
    }
}

/// `map`.
pub struct Map {
    func: Value,
    its: Vec<Value>,
}

crate::payload!(Map, gc);

impl Map {
    /// Cycle collector: the function and the iterators.
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        visit.value(&self.func);
        visit.values(&self.its);
    }

    fn gc_clear(&self) {}
}

/// `filter`.
pub struct Filter {
    func: Value,
    it: Value,
}

crate::payload!(Filter, gc);

impl Filter {
    /// Cycle collector: the predicate and the iterator.
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        visit.value(&self.func);
        visit.value(&self.it);
    }

    fn gc_clear(&self) {}
}

/// `reversed` over a sequence (`__len__` + `__getitem__`).
pub struct Reversed {
    seq: PyCell<Value>,
    index: Cell<i64>,
}

crate::payload!(Reversed, gc);

impl Reversed {
    /// Cycle collector: the sequence (dropped when the iterator is exhausted or cleared).
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        self.seq.with(|v| visit.value(v));
    }

    fn gc_clear(&self) {
        drop(self.seq.replace(Value::Null));
    }
}

fn enumerate_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    let [iterable, start] = args.bind(vm, "enumerate", ["iterable", "start"], 1, 0)?;
    let it = vm.iter(iterable.unwrap_or(&Value::None))?;
    let start = match start {
        Some(s) => {
            if crate::types::int::as_int(s).is_none() && vm.try_index(s)?.is_none() {
                return Err(vm.new_type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(s)
                )));
            }
            match vm.try_index(s)? {
                Some(b) => vm.new_int(b.into_owned()),
                None => Value::Int(0),
            }
        }
        None => Value::Int(0),
    };
    vm.alloc_instance(
        cls,
        Enumerate {
            it,
            count: PyCell::new(start),
            result: PyCell::new(None),
        },
    )
}

fn enumerate_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let e = v
        .downcast::<Enumerate>()
        .ok_or_else(|| vm.new_type_error("expected enumerate"))?;
    let Some(x) = vm.next(&e.it)? else {
        return Ok(None);
    };
    let n = e.count.get();
    let next = match n {
        Value::Int(i) if i < i64::MAX => Value::Int(i + 1),
        _ => vm.binary_op(&n, &Value::Int(1), crate::runtime::BinOp::Add)?,
    };
    drop(e.count.replace(next));
    Ok(Some(vm.reuse_tuple(&e.result, [n, x]).into()))
}

fn zip_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    let mut strict = false;
    let nkw = args.kwargs().count();
    if nkw > 1 {
        return Err(vm.new_type_error(format!(
            "zip() takes at most 1 keyword argument ({nkw} given)"
        )));
    }
    for (k, v) in args.kwargs() {
        if k.as_bytes() == b"strict" {
            strict = vm.is_true(v)?;
        } else {
            return Err(vm.new_type_error(format!(
                "zip() got an unexpected keyword argument '{}'",
                k.to_lossy()
            )));
        }
    }
    let mut its = Vec::with_capacity(args.npos());
    for (i, a) in args.pos().iter().enumerate() {
        match vm.iter(a) {
            Ok(it) => its.push(it),
            Err(e) if e.matches(&vm.exc.type_error) && a.class(vm).slots.iter.get().is_none() => {
                return Err(
                    vm.new_type_error(format!("zip argument #{} must support iteration", i + 1))
                );
            }
            Err(e) => return Err(e),
        }
    }
    vm.alloc_instance(
        cls,
        Zip {
            its,
            strict,
            done: Cell::new(false),
            result: PyCell::new(None),
        },
    )
}

fn zip_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let z = v
        .downcast::<Zip>()
        .ok_or_else(|| vm.new_type_error("expected zip"))?;
    if z.done.get() || z.its.is_empty() {
        return Ok(None);
    }
    if let [a, b] = &z.its[..]
        && !z.strict
    {
        // The common two-way zip: no vector, and the result tuple reused.
        let Some(x) = vm.next(a)? else {
            z.done.set(true);
            return Ok(None);
        };
        let Some(y) = vm.next(b)? else {
            z.done.set(true);
            return Ok(None);
        };
        return Ok(Some(vm.reuse_tuple(&z.result, [x, y]).into()));
    }
    let mut items = Vec::with_capacity(z.its.len());
    for (i, it) in z.its.iter().enumerate() {
        match vm.next(it)? {
            Some(x) => items.push(x),
            None => {
                z.done.set(true);
                if z.strict {
                    if i > 0 {
                        let plural = if i == 1 { " " } else { "s 1-" };
                        return Err(vm.new_value_error(format!(
                            "zip() argument {} is shorter than argument{plural}{i}",
                            i + 1
                        )));
                    }
                    for (j, other) in z.its.iter().enumerate().skip(1) {
                        if vm.next(other)?.is_some() {
                            let plural = if j == 1 { " " } else { "s 1-" };
                            return Err(vm.new_value_error(format!(
                                "zip() argument {} is longer than argument{plural}{j}",
                                j + 1
                            )));
                        }
                    }
                }
                return Ok(None);
            }
        }
    }
    Ok(Some(vm.new_tuple(items).into()))
}

fn map_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    if cls.is(&vm.types.map_) {
        args.no_kwargs(vm, "map")?;
    }
    let pos = args.pos();
    if pos.len() < 2 {
        return Err(vm.new_type_error("map() must have at least two arguments."));
    }
    let mut its = Vec::with_capacity(pos.len() - 1);
    for a in &pos[1..] {
        its.push(vm.iter(a)?);
    }
    vm.alloc_instance(
        cls,
        Map {
            func: pos[0].clone(),
            its,
        },
    )
}

fn map_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let m = v
        .downcast::<Map>()
        .ok_or_else(|| vm.new_type_error("expected map"))?;
    let mut items = Vec::with_capacity(m.its.len());
    for it in &m.its {
        match vm.next(it)? {
            Some(x) => items.push(x),
            None => return Ok(None),
        }
    }
    vm.call(&m.func, Args::positional(&items)).map(Some)
}

fn filter_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    if cls.is(&vm.types.filter) {
        args.no_kwargs(vm, "filter")?;
    }
    let vals = args.range(vm, "filter", 2, 2)?;
    let it = vm.iter(&vals[1])?;
    vm.alloc_instance(
        cls,
        Filter {
            func: vals[0].clone(),
            it,
        },
    )
}

fn filter_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let f = v
        .downcast::<Filter>()
        .ok_or_else(|| vm.new_type_error("expected filter"))?;
    while let Some(x) = vm.next(&f.it)? {
        let keep = if f.func.is_none()
            || f.func
                .as_obj()
                .is_some_and(|o| o.is(vm.types.bool.as_obj()))
        {
            vm.is_true(&x)?
        } else {
            let r = vm.call(&f.func, Args::positional(std::slice::from_ref(&x)))?;
            vm.is_true(&r)?
        };
        if keep {
            return Ok(Some(x));
        }
    }
    Ok(None)
}

fn reversed_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    if cls.is(&vm.types.reversed) {
        args.no_kwargs(vm, "reversed")?;
    }
    let seq = args.range(vm, "reversed", 1, 1)?[0].clone();
    // Lists and ranges (the usual arguments, neither with a Python `__reversed__`) skip
    // the method lookup and call.
    if let Some(r) = seq.downcast::<crate::types::range::Range>() {
        return Ok(crate::types::range::reversed_iter(vm, r));
    }
    if let Some(l) = seq.downcast::<crate::types::list::List>()
        && seq.class(vm).is(&vm.types.list)
    {
        return Ok(crate::types::iter::SeqIter::new_reversed(
            vm,
            seq.clone(),
            l.len(),
        ));
    }
    if crate::runtime::slot_dispatch::special_is_none(vm, &seq, &vm.names.__reversed__) {
        return Err(vm.new_type_error(format!("'{}' object is not reversible", vm.type_name(&seq))));
    }
    if let Some(r) =
        crate::runtime::slot_dispatch::call_special(vm, &seq, &vm.names.__reversed__, &[])?
    {
        return Ok(r);
    }
    if let Some(l) = seq.downcast::<crate::types::list::List>() {
        let n = l.len();
        return Ok(crate::types::iter::SeqIter::new_reversed(
            vm,
            seq.clone(),
            n,
        ));
    }
    let t = seq.class(vm);
    if t.slots.getitem.get().is_none()
        || t.slots.len.get().is_none()
        || seq.downcast::<Dict>().is_some()
    {
        return Err(vm.new_type_error(format!("'{}' object is not reversible", vm.type_name(&seq))));
    }
    let n = vm.len(&seq)? as i64;
    vm.alloc_instance(
        cls,
        Reversed {
            seq: PyCell::new(seq),
            index: Cell::new(n - 1),
        },
    )
}

fn reversed_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let r = v
        .downcast::<Reversed>()
        .ok_or_else(|| vm.new_type_error("expected reversed"))?;
    let i = r.index.get();
    let seq = r.seq.get();
    if i < 0 || seq.is_null() {
        return Ok(None);
    }
    match vm.getitem(&seq, &Value::Int(i)) {
        Ok(x) => {
            r.index.set(i - 1);
            Ok(Some(x))
        }
        Err(e) if e.matches(&vm.exc.index_error) || e.matches(&vm.exc.stop_iteration) => {
            r.index.set(-1);
            drop(r.seq.replace(Value::Null));
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// Binds the iterator types in builtins.
pub(crate) fn register(vm: &Vm, builtins: &Py<Dict>) {
    let t = &vm.types;
    for (name, ty) in [
        ("enumerate", &t.enumerate),
        ("zip", &t.zip),
        ("map", &t.map_),
        ("filter", &t.filter),
        ("reversed", &t.reversed),
    ] {
        builtins.set_str(&vm.intern(name), ty.clone().into());
    }
}

/// Fills in the iterator types' slots.
pub(crate) fn init_types(vm: &Vm) {
    let self_iter: crate::object::slots::UnaryFn = |_, v| Ok(v.clone());
    let t = &vm.types;
    for (_name, ty, new, next) in [
        (
            "enumerate",
            &t.enumerate,
            enumerate_new as crate::object::slots::NewFn,
            enumerate_next as crate::object::slots::IterNextFn,
        ),
        ("zip", &t.zip, zip_new, zip_next),
        ("map", &t.map_, map_new, map_next),
        ("filter", &t.filter, filter_new, filter_next),
        ("reversed", &t.reversed, reversed_new, reversed_next),
    ] {
        ty.slots.new.set(Some(new));
        ty.slots.iter.set(Some(self_iter));
        ty.slots.iternext.set(Some(next));
    }
}
