//! The itertools objects that share state between several iterators: `tee` (iterators
//! reading one source through a chain of buffered blocks, each block freed once every
//! iterator has moved past it) and `groupby` (whose `_grouper` sub-iterators stop as soon
//! as the parent advances).

use std::cell::Cell;

use crate::object::{Py, PyCell, Type, Value};
use crate::runtime::{Args, PyResult, Vm};

use super::{iter_type, payload};

/// Values per tee block (CPython's LINKCELLS).
const LINK: usize = 57;

/// `_tee_dataobject`: one block of values read from the shared source.
pub struct TeeData {
    it: Value,
    values: PyCell<Vec<Value>>,
    next: PyCell<Value>,
    running: Cell<bool>,
}

crate::payload!(TeeData, gc);

impl TeeData {
    /// Cycle collector: the source iterator, the buffered items and the next block.
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        visit.value(&self.it);
        self.values.with(|v| visit.values(v));
        self.next.with(|v| visit.value(v));
    }

    fn gc_clear(&self) {
        drop(self.next.replace(Value::Null));
    }
}

/// `_tee`: a position in the chain of blocks.
pub struct Tee {
    data: PyCell<Value>,
    index: Cell<usize>,
}

crate::payload!(Tee, gc);

impl Tee {
    /// Cycle collector: the current block.
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        self.data.with(|v| visit.value(v));
    }

    fn gc_clear(&self) {
        drop(self.data.replace(Value::None));
    }
}

fn new_block(vm: &Vm, it: Value) -> PyResult<Value> {
    let data_ty = vm.native_type("itertools._tee_dataobject")?;
    Ok(crate::object::core::alloc(
        &data_ty,
        TeeData {
            it,
            values: PyCell::new(Vec::with_capacity(LINK)),
            next: PyCell::new(Value::Null),
            running: Cell::new(false),
        },
    )
    .into())
}

/// Item `i` of block `d`, reading from the source when `i` is the next unread one.
fn block_item(vm: &Vm, d: &TeeData, i: usize) -> PyResult<Option<Value>> {
    if let Some(v) = d.values.with(|vals| vals.get(i).cloned()) {
        return Ok(Some(v));
    }
    if d.running.get() {
        return Err(vm.new_runtime_error("cannot re-enter the tee iterator"));
    }
    d.running.set(true);
    let r = vm.next(&d.it);
    d.running.set(false);
    let Some(v) = r? else {
        return Ok(None);
    };
    d.values.with_mut(|vals| vals.push(v.clone()));
    Ok(Some(v))
}

/// The block after `d`, created on first use.
fn block_next(vm: &Vm, d: &TeeData) -> PyResult<Value> {
    let next = d.next.get();
    if !next.is_null() {
        return Ok(next);
    }
    let block = new_block(vm, d.it.clone())?;
    drop(d.next.replace(block.clone()));
    Ok(block)
}

fn new_tee(vm: &Vm, cls: &Py<Type>, data: Value, index: usize) -> PyResult<Value> {
    vm.alloc_instance(
        cls,
        Tee {
            data: PyCell::new(data),
            index: Cell::new(index),
        },
    )
}

/// A tee over iterator `it` (a copy when `it` is itself a tee).
fn tee_from_iterator(vm: &Vm, cls: &Py<Type>, it: Value) -> PyResult<Value> {
    if let Some(t) = it.downcast::<Tee>() {
        return new_tee(vm, cls, t.data.get(), t.index.get());
    }
    let block = new_block(vm, it)?;
    new_tee(vm, cls, block, 0)
}

fn tee_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    args.no_kwargs(vm, "_tee")?;
    args.check_positional(vm, "_tee", 1, 1)?;
    let it = vm.iter(&args.pos()[0])?;
    tee_from_iterator(vm, cls, it)
}

fn tee_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let t = payload::<Tee>(vm, v, "_tee")?;
    let mut data = t.data.get();
    if t.index.get() >= LINK {
        let d = payload::<TeeData>(vm, &data, "_tee_dataobject")?;
        let next = block_next(vm, d)?;
        drop(t.data.replace(next.clone()));
        t.index.set(0);
        data = next;
    }
    let d = payload::<TeeData>(vm, &data, "_tee_dataobject")?;
    let item = block_item(vm, d, t.index.get())?;
    if item.is_some() {
        t.index.set(t.index.get() + 1);
    }
    Ok(item)
}

fn tee_copy(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (t, rest) = vm.method_self::<Tee>(args, "__copy__", "itertools._tee")?;
    rest.none(vm, "__copy__")?;
    let cls = args.values()[0].class(vm).clone();
    new_tee(vm, &cls, t.data.get(), t.index.get())
}

fn tee_data_new(vm: &Vm, _cls: &Py<Type>, _args: Args<'_>) -> PyResult<Value> {
    Err(vm.new_type_error("cannot create 'itertools._tee_dataobject' instances"))
}

/// `itertools.tee(iterable, n=2, /)`.
pub(super) fn tee(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "tee", 1, 2)?;
    let n = match vals.get(1) {
        Some(v) => vm.index_value(v)?,
        None => 2,
    };
    if n < 0 {
        return Err(vm.new_value_error("n must be >= 0"));
    }
    if n == 0 {
        return Ok(vm.empty_tuple.clone().into());
    }
    let it = vm.iter(&vals[0])?;
    let copy_name = vm.intern("__copy__");
    let (first, copier) = match vm.getattr_opt(&it, &copy_name)? {
        Some(copier) => (it, copier),
        None => {
            let tee_ty = vm.native_type("itertools._tee")?;
            let t = tee_from_iterator(vm, &tee_ty, it)?;
            let copier = vm.getattr(&t, &copy_name)?;
            (t, copier)
        }
    };
    let mut out = Vec::with_capacity(n.min(1 << 16) as usize);
    out.push(first);
    for _ in 1..n {
        out.push(vm.call_pos(&copier, &[])?);
    }
    Ok(vm.new_tuple(out).into())
}

// ---- groupby ----------------------------------------------------------------------------------

/// `groupby(iterable, key=None)`.
pub struct GroupBy {
    it: Value,
    keyfunc: Value,
    tgtkey: PyCell<Value>,
    currkey: PyCell<Value>,
    currvalue: PyCell<Value>,
    /// Identifies the one `_grouper` that may still yield.
    generation: Cell<u64>,
}

crate::payload!(GroupBy, gc);

impl GroupBy {
    /// Cycle collector: the iterator, the key function and the current keys and value.
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        visit.value(&self.it);
        visit.value(&self.keyfunc);
        self.tgtkey.with(|v| visit.value(v));
        self.currkey.with(|v| visit.value(v));
        self.currvalue.with(|v| visit.value(v));
    }

    fn gc_clear(&self) {
        drop(self.tgtkey.replace(Value::Null));
        drop(self.currkey.replace(Value::Null));
        drop(self.currvalue.replace(Value::Null));
    }
}

/// `_grouper`: the items of one group, valid until the parent advances.
pub struct Grouper {
    parent: Value,
    tgtkey: Value,
    generation: u64,
}

crate::payload!(Grouper, gc);

impl Grouper {
    /// Cycle collector: the parent groupby and the group's key.
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        visit.value(&self.parent);
        visit.value(&self.tgtkey);
    }

    fn gc_clear(&self) {}
}

fn groupby_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    let [iterable, key] = args.bind(vm, "groupby", ["iterable", "key"], 1, 0)?;
    let it = vm.iter(iterable.unwrap_or(&Value::None))?;
    vm.alloc_instance(
        cls,
        GroupBy {
            it,
            keyfunc: key.cloned().unwrap_or(Value::None),
            tgtkey: PyCell::new(Value::Null),
            currkey: PyCell::new(Value::Null),
            currvalue: PyCell::new(Value::Null),
            generation: Cell::new(0),
        },
    )
}

/// Reads the next value and its key; `false` at the end.
fn groupby_step(vm: &Vm, g: &GroupBy) -> PyResult<bool> {
    let Some(value) = vm.next(&g.it)? else {
        return Ok(false);
    };
    let key = if g.keyfunc.is_none() {
        value.clone()
    } else {
        vm.call_pos(&g.keyfunc, std::slice::from_ref(&value))?
    };
    drop(g.currvalue.replace(value));
    drop(g.currkey.replace(key));
    Ok(true)
}

fn groupby_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let g = payload::<GroupBy>(vm, v, "groupby")?;
    g.generation.set(g.generation.get() + 1);
    // Skip what is left of the current group.
    loop {
        let currkey = g.currkey.get();
        if !currkey.is_null() {
            let tgt = g.tgtkey.get();
            if tgt.is_null() || !vm.eq_bool(&tgt, &currkey)? {
                break;
            }
        }
        if !groupby_step(vm, g)? {
            return Ok(None);
        }
    }
    let key = g.currkey.get();
    drop(g.tgtkey.replace(key.clone()));
    let grouper_ty = vm.native_type("itertools._grouper")?;
    let grouper = vm.alloc_instance(
        &grouper_ty,
        Grouper {
            parent: v.clone(),
            tgtkey: key.clone(),
            generation: g.generation.get(),
        },
    )?;
    Ok(Some(vm.new_tuple(vec![key, grouper]).into()))
}

fn grouper_new(vm: &Vm, _cls: &Py<Type>, _args: Args<'_>) -> PyResult<Value> {
    Err(vm.new_type_error("cannot create 'itertools._grouper' instances"))
}

fn grouper_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let gr = payload::<Grouper>(vm, v, "_grouper")?;
    let g = payload::<GroupBy>(vm, &gr.parent, "groupby")?;
    if g.generation.get() != gr.generation {
        return Ok(None);
    }
    if g.currvalue.get().is_null() && !groupby_step(vm, g)? {
        return Ok(None);
    }
    if !vm.eq_bool(&gr.tgtkey, &g.currkey.get())? {
        return Ok(None);
    }
    Ok(Some(g.currvalue.replace(Value::Null)))
}

/// The tee and groupby types.
pub(super) fn types(vm: &Vm) -> Vec<Py<Type>> {
    let tee = iter_type::<Tee>(vm, "_tee", tee_new, tee_next);
    vm.add_methods(&tee, &[("__copy__", tee_copy)]);
    let data = crate::stdlib::typedef::new_type::<TeeData>(
        vm,
        "_tee_dataobject",
        "itertools",
        None,
        false,
    );
    data.slots.new.set(Some(tee_data_new));
    vm.register_native_type("itertools._tee", &tee);
    vm.register_native_type("itertools._tee_dataobject", &data);
    let groupby = iter_type::<GroupBy>(vm, "groupby", groupby_new, groupby_next);
    let grouper = iter_type::<Grouper>(vm, "_grouper", grouper_new, grouper_next);
    vm.register_native_type("itertools._grouper", &grouper);
    vec![tee, data, groupby, grouper]
}
