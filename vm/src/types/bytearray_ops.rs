//! `bytearray`'s mutating operations: item and slice assignment and deletion, `extend`,
//! `insert`, `pop`, `remove`, `clear`, `copy`, `reverse`, and in-place `+=`/`*=`.

use crate::object::{Py, Value};
use crate::runtime::{Args, PyResult, Vm};

use super::bytes::ByteArray;
use super::bytes_methods::{buffer_of, byte_value};
use super::slice::Slice;

fn this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<ByteArray>> {
    v.downcast::<ByteArray>()
        .ok_or_else(|| vm.new_type_error("expected bytearray"))
}

/// The bytes an assignment or `extend` stores: a bytes-like object's contents, or the
/// items of an iterable of ints in range(256).
fn bytes_from_iterable(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer_of(vm, v) {
        return Ok(b);
    }
    let items = vm.collect(v)?;
    items.iter().map(|x| byte_value(vm, x)).collect()
}

pub(super) fn setitem(vm: &Vm, v: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    let b = this(vm, v)?;
    if let Some(slice) = key.downcast::<Slice>() {
        return set_slice(vm, b, slice, value);
    }
    let i = vm.index_for(key, "bytearray")?;
    let n = b.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.new_index_error("bytearray index out of range"));
    }
    match value {
        Some(x) => {
            let byte = byte_value(vm, &x)?;
            b.with_mut(|d| d[j as usize] = byte);
        }
        None => {
            b.with_mut(|d| d.remove(j as usize));
        }
    }
    Ok(())
}

fn set_slice(vm: &Vm, b: &Py<ByteArray>, slice: &Slice, value: Option<Value>) -> PyResult<()> {
    let n = b.len();
    let idx = slice.indices(vm, n)?;
    let new = match &value {
        None => None,
        Some(v) => {
            if v.downcast::<super::str::Str>().is_some() || vm.try_index(v)?.is_some() {
                return Err(vm.new_type_error(
                    "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                ));
            }
            Some(bytes_from_iterable(vm, v)?)
        }
    };
    if idx.step == 1 {
        let start = idx.start.clamp(0, n as i64) as usize;
        let stop = (start + idx.len).min(n);
        let repl = new.unwrap_or_default();
        b.with_mut(|d| {
            d.splice(start..stop, repl);
        });
        return Ok(());
    }
    let positions: Vec<usize> = idx.iter().collect();
    match new {
        None => {
            let mut drop_mask = vec![false; n];
            for &p in &positions {
                drop_mask[p] = true;
            }
            b.with_mut(|d| {
                let mut k = 0;
                d.retain(|_| {
                    let keep = !drop_mask[k];
                    k += 1;
                    keep
                });
            });
        }
        Some(repl) => {
            if repl.len() != positions.len() {
                return Err(vm.new_value_error(format!(
                    "attempt to assign bytes of size {} to extended slice of size {}",
                    repl.len(),
                    positions.len()
                )));
            }
            b.with_mut(|d| {
                for (&p, &x) in positions.iter().zip(&repl) {
                    d[p] = x;
                }
            });
        }
    }
    Ok(())
}

fn m_extend(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (b, rest) = vm.method_self::<ByteArray>(args, "extend", "bytearray")?;
    let arg = rest.one(vm, "extend")?;
    if arg.downcast::<super::str::Str>().is_some() {
        return Err(vm.new_type_error("expected iterable of integers; got: 'str'"));
    }
    let more = bytes_from_iterable(vm, arg)?;
    b.with_mut(|d| d.extend_from_slice(&more));
    Ok(Value::None)
}

fn m_insert(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (b, rest) = vm.method_self::<ByteArray>(args, "insert", "bytearray")?;
    let vals = rest.range(vm, "insert", 2, 2)?;
    let i = vm.index_value(&vals[0])?;
    let x = byte_value(vm, &vals[1])?;
    let n = b.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    b.with_mut(|d| d.insert(at as usize, x));
    Ok(Value::None)
}

fn m_pop(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (b, rest) = vm.method_self::<ByteArray>(args, "pop", "bytearray")?;
    let vals = rest.range(vm, "pop", 0, 1)?;
    let n = b.len() as i64;
    if n == 0 {
        return Err(vm.new_index_error("pop from empty bytearray"));
    }
    let i = match vals.first() {
        Some(v) => vm.index_value(v)?,
        None => -1,
    };
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.new_index_error("pop index out of range"));
    }
    let x = b.with_mut(|d| d.remove(j as usize));
    Ok(Value::Int(i64::from(x)))
}

fn m_remove(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (b, rest) = vm.method_self::<ByteArray>(args, "remove", "bytearray")?;
    let x = byte_value(vm, rest.one(vm, "remove")?)?;
    let found = b.with_mut(|d| match d.iter().position(|&c| c == x) {
        Some(p) => {
            d.remove(p);
            true
        }
        None => false,
    });
    if !found {
        return Err(vm.new_value_error("value not found in bytearray"));
    }
    Ok(Value::None)
}

fn m_clear(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (b, rest) = vm.method_self::<ByteArray>(args, "clear", "bytearray")?;
    rest.none(vm, "clear")?;
    b.with_mut(Vec::clear);
    Ok(Value::None)
}

fn m_copy(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (b, rest) = vm.method_self::<ByteArray>(args, "copy", "bytearray")?;
    rest.none(vm, "copy")?;
    Ok(vm.new_bytearray(b.to_vec()).into())
}

fn m_reverse(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (b, rest) = vm.method_self::<ByteArray>(args, "reverse", "bytearray")?;
    rest.none(vm, "reverse")?;
    b.with_mut(|d| d.reverse());
    Ok(Value::None)
}

fn iadd(vm: &Vm, a: &Value, other: &Value) -> PyResult<Value> {
    let b = this(vm, a)?;
    let Some(more) = buffer_of(vm, other) else {
        return Err(vm.new_type_error(format!("can't concat {} to bytearray", vm.type_name(other))));
    };
    b.with_mut(|d| d.extend_from_slice(&more));
    Ok(a.clone())
}

fn imul(vm: &Vm, a: &Value, n: &Value) -> PyResult<Value> {
    let b = this(vm, a)?;
    let Some(count) = vm.repeat_count(n)? else {
        return Err(vm.new_type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            vm.type_name(n)
        )));
    };
    if b.len()
        .checked_mul(count)
        .is_none_or(|t| t > isize::MAX as usize)
    {
        return Err(vm.new_memory_error(""));
    }
    b.with_mut(|d| *d = d.repeat(count));
    Ok(a.clone())
}

/// Adds the mutating methods and slots to `bytearray`.
pub(super) fn init(vm: &Vm) {
    let t = &vm.types.bytearray;
    t.slots.setitem.set(Some(setitem));
    t.slots.iadd.set(Some(iadd));
    t.slots.imul.set(Some(imul));
    vm.add_methods(
        t,
        &[
            ("extend", m_extend),
            ("insert", m_insert),
            ("pop", m_pop),
            ("remove", m_remove),
            ("clear", m_clear),
            ("copy", m_copy),
            ("reverse", m_reverse),
        ],
    );
}
