//! `memoryview` over `bytes` and `bytearray` (format 'B', one dimension): length, indexing,
//! slicing into views, item and slice assignment through a bytearray, comparison,
//! `tobytes`/`tolist`/`hex`, `release` and the context-manager protocol.

use std::cell::Cell;

use crate::object::{CompareOp, Py, Type, Value};
use crate::runtime::{Args, PyResult, Vm};

use super::bytes::{ByteArray, Bytes};
use super::slice::Slice;

/// A view of `len` bytes of `obj`, starting at `start`, `step` apart.
pub struct MemoryView {
    obj: Value,
    start: usize,
    step: isize,
    len: usize,
    released: Cell<bool>,
}

crate::payload!(MemoryView);

impl MemoryView {
    fn positions(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len).map(|k| (self.start as isize + k as isize * self.step) as usize)
    }

    fn read(&self) -> Vec<u8> {
        let all = if let Some(b) = self.obj.downcast::<Bytes>() {
            b.as_bytes().to_vec()
        } else if let Some(b) = self.obj.downcast::<ByteArray>() {
            b.to_vec()
        } else {
            Vec::new()
        };
        self.positions()
            .filter_map(|p| all.get(p).copied())
            .collect()
    }
}

/// The bytes a memoryview shows (None for other objects or a released view).
pub(crate) fn contents(v: &Value) -> Option<Vec<u8>> {
    let m = v.downcast::<MemoryView>()?;
    (!m.released.get()).then(|| m.read())
}

fn this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<MemoryView>> {
    let m = v
        .downcast::<MemoryView>()
        .ok_or_else(|| vm.new_type_error("expected memoryview"))?;
    if m.released.get() {
        return Err(vm.new_value_error("operation forbidden on released memoryview object"));
    }
    Ok(m)
}

fn new_view(vm: &Vm, obj: Value, start: usize, step: isize, len: usize) -> Value {
    crate::object::core::alloc(
        &vm.types.memoryview,
        MemoryView {
            obj,
            start,
            step,
            len,
            released: Cell::new(false),
        },
    )
    .into()
}

fn mv_new(vm: &Vm, _cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    let [obj] = args.bind(vm, "memoryview", ["object"], 1, 0)?;
    let obj = obj.unwrap_or(&Value::None);
    if obj.downcast::<MemoryView>().is_some() {
        let m = this(vm, obj)?;
        return Ok(new_view(vm, m.obj.clone(), m.start, m.step, m.len));
    }
    let len = if let Some(b) = obj.downcast::<Bytes>() {
        b.as_bytes().len()
    } else if let Some(b) = obj.downcast::<ByteArray>() {
        b.len()
    } else {
        return Err(vm.new_type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            vm.type_name(obj)
        )));
    };
    Ok(new_view(vm, obj.clone(), 0, 1, len))
}

fn mv_len(vm: &Vm, v: &Value) -> PyResult<usize> {
    Ok(this(vm, v)?.len)
}

fn mv_getitem(vm: &Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let m = this(vm, v)?;
    if let Some(slice) = key.downcast::<Slice>() {
        let idx = slice.indices(vm, m.len)?;
        let start = if idx.len == 0 {
            m.start
        } else {
            (m.start as isize + idx.start as isize * m.step) as usize
        };
        let step = m.step * idx.step as isize;
        return Ok(new_view(vm, m.obj.clone(), start, step, idx.len));
    }
    let i = vm.index_for(key, "memoryview")?;
    let n = m.len as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.new_index_error("index out of bounds on dimension 1"));
    }
    Ok(Value::Int(i64::from(m.read()[j as usize])))
}

fn mv_setitem(vm: &Vm, v: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    let m = this(vm, v)?;
    let Some(target) = m.obj.downcast::<ByteArray>() else {
        return Err(vm.new_type_error("cannot modify read-only memory"));
    };
    let Some(value) = value else {
        return Err(vm.new_type_error("cannot delete memory"));
    };
    let positions: Vec<usize> = m.positions().collect();
    if let Some(slice) = key.downcast::<Slice>() {
        let idx = slice.indices(vm, m.len)?;
        let src = super::bytes_methods::buffer_of(&value).ok_or_else(|| {
            vm.new_type_error(format!(
                "a bytes-like object is required, not '{}'",
                vm.type_name(&value)
            ))
        })?;
        if src.len() != idx.len {
            return Err(vm.new_value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        target.with_mut(|d| {
            for (k, &x) in idx.iter().zip(&src) {
                if let Some(slot) = positions.get(k).and_then(|&p| d.get_mut(p)) {
                    *slot = x;
                }
            }
        });
        return Ok(());
    }
    let i = vm.index_for(key, "memoryview")?;
    let n = m.len as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.new_index_error("index out of bounds on dimension 1"));
    }
    let x = vm
        .index_value(&value)
        .ok()
        .and_then(|x| u8::try_from(x).ok());
    let Some(x) = x else {
        return Err(vm.new_value_error("memoryview: invalid value for format 'B'"));
    };
    target.with_mut(|d| {
        if let Some(slot) = d.get_mut(positions[j as usize]) {
            *slot = x;
        }
    });
    Ok(())
}

fn mv_richcompare(vm: &Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.not_implemented());
    }
    let (Some(x), Some(y)) = (contents(a), super::bytes_methods::buffer_of(b)) else {
        return Ok(vm.not_implemented());
    };
    Ok(Value::Bool((x == y) == matches!(op, CompareOp::Eq)))
}

fn mv_hash(vm: &Vm, v: &Value) -> PyResult<i64> {
    let m = this(vm, v)?;
    if m.obj.downcast::<Bytes>().is_none() {
        return Err(vm.new_value_error("cannot hash writable memoryview object"));
    }
    Ok(crate::runtime::hash::hash_bytes(&m.read()))
}

fn method_self<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(&'a Value, Args<'a>)> {
    let Some((v, rest)) = args.split_self() else {
        return Err(vm.new_type_error(format!(
            "unbound method memoryview.{name}() needs an argument"
        )));
    };
    if v.downcast::<MemoryView>().is_none() {
        return Err(vm.new_type_error(format!(
            "descriptor '{name}' for 'memoryview' objects doesn't apply to a '{}' object",
            vm.type_name(v)
        )));
    }
    Ok((v, rest))
}

fn m_tobytes(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (v, rest) = method_self(vm, &args, "tobytes")?;
    let [_order] = rest.bind(vm, "tobytes", ["order"], 0, 0)?;
    Ok(vm.new_bytes(this(vm, v)?.read()).into())
}

fn m_tolist(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (v, rest) = method_self(vm, &args, "tolist")?;
    rest.none(vm, "tolist")?;
    let items = this(vm, v)?
        .read()
        .into_iter()
        .map(|b| Value::Int(i64::from(b)))
        .collect();
    Ok(vm.new_list(items).into())
}

fn m_hex(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (v, rest) = method_self(vm, &args, "hex")?;
    let data = this(vm, v)?.read();
    super::bytes_methods::hex_of(vm, &data, rest)
}

fn m_release(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (v, rest) = method_self(vm, &args, "release")?;
    rest.none(vm, "release")?;
    if let Some(m) = v.downcast::<MemoryView>() {
        m.released.set(true);
    }
    Ok(Value::None)
}

fn m_enter(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (v, rest) = method_self(vm, &args, "__enter__")?;
    rest.none(vm, "__enter__")?;
    this(vm, v)?;
    Ok(v.clone())
}

fn m_exit(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (v, _) = method_self(vm, &args, "__exit__")?;
    if let Some(m) = v.downcast::<MemoryView>() {
        m.released.set(true);
    }
    Ok(Value::None)
}

/// Fills in `memoryview`'s slots, methods and attributes.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.memoryview;
    let s = &t.slots;
    s.new.set(Some(mv_new));
    s.len.set(Some(mv_len));
    s.getitem.set(Some(mv_getitem));
    s.setitem.set(Some(mv_setitem));
    s.richcompare.set(Some(mv_richcompare));
    s.hash.set(Some(mv_hash));
    s.iter.set(Some(|vm, v| {
        this(vm, v)?;
        Ok(super::iter::SeqIter::new_value(
            vm,
            &vm.types.seq_iterator,
            v.clone(),
        ))
    }));
    vm.add_methods(
        t,
        &[
            ("tobytes", m_tobytes),
            ("tolist", m_tolist),
            ("hex", m_hex),
            ("release", m_release),
            ("__enter__", m_enter),
            ("__exit__", m_exit),
        ],
    );
    vm.add_getset(t, "obj", |vm, v| Ok(this(vm, v)?.obj.clone()), None);
    vm.add_getset(
        t,
        "nbytes",
        |vm, v| Ok(Value::Int(this(vm, v)?.len as i64)),
        None,
    );
    vm.add_getset(
        t,
        "readonly",
        |vm, v| Ok(Value::Bool(this(vm, v)?.obj.downcast::<Bytes>().is_some())),
        None,
    );
    vm.add_getset(t, "itemsize", |_, _| Ok(Value::Int(1)), None);
    vm.add_getset(t, "ndim", |_, _| Ok(Value::Int(1)), None);
    vm.add_getset(t, "format", |vm, _| Ok(vm.new_str("B").into()), None);
    vm.add_getset(
        t,
        "shape",
        |vm, v| {
            let n = this(vm, v)?.len as i64;
            Ok(vm.new_tuple(vec![Value::Int(n)]).into())
        },
        None,
    );
    vm.add_getset(
        t,
        "released",
        |vm, v| {
            let m = v
                .downcast::<MemoryView>()
                .ok_or_else(|| vm.new_type_error("expected memoryview"))?;
            Ok(Value::Bool(m.released.get()))
        },
        None,
    );
}
