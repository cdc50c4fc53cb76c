//! The `array` module: compact arrays of one numeric (or character) type, stored as the
//! items' native-endian bytes, with list-like indexing, slicing, comparison and the
//! byte/list/unicode conversion methods.

mod codes;

use std::cell::Cell;

use crate::object::{CompareOp, Py, PyCell, Type, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::types::bytes::{ByteArray, Bytes};
use crate::types::list::List;
use crate::types::module::Module;
use crate::types::slice::Slice;
use crate::types::str::Str;

use codes::{Code, Kind};

/// `array.array`.
pub struct Array {
    code: Code,
    data: PyCell<Vec<u8>>,
}

crate::payload!(Array);

impl Array {
    fn len(&self) -> usize {
        self.data.with(Vec::len) / self.code.size
    }

    fn item(&self, vm: &Vm, i: usize) -> PyResult<Option<Value>> {
        let size = self.code.size;
        let mut buf = [0u8; 8];
        let found = self.data.with(|d| match d.get(i * size..(i + 1) * size) {
            Some(b) => {
                buf[..size].copy_from_slice(b);
                true
            }
            None => false,
        });
        if !found {
            return Ok(None);
        }
        self.code.get(vm, &buf).map(Some)
    }

    /// The byte offset of item `i` (negative counts from the end) in a buffer of
    /// `len_bytes`, when in range: no division by the item size (a 64-bit `idiv` was a
    /// good part of scimark's `a[i]`).
    #[inline]
    fn offset(size: usize, len_bytes: usize, i: i64) -> Option<usize> {
        let size = size as i64;
        let off = if i < 0 {
            (len_bytes as i64).checked_add(i.checked_mul(size)?)?
        } else {
            i.checked_mul(size)?
        };
        (off >= 0 && off + size <= len_bytes as i64).then_some(off as usize)
    }

    /// The bytes of item `i` (an index as Python gives it), when in range.
    #[inline]
    fn read(&self, i: i64) -> Option<[u8; 8]> {
        let size = self.code.size;
        self.data.with(|d| {
            let off = Self::offset(size, d.len(), i)?;
            let mut buf = [0u8; 8];
            buf[..size].copy_from_slice(d.get(off..off + size)?);
            Some(buf)
        })
    }

    fn items(&self, vm: &Vm) -> PyResult<Vec<Value>> {
        let data = self.data.with(Clone::clone);
        data.chunks_exact(self.code.size)
            .map(|c| self.code.get(vm, c))
            .collect()
    }

    fn encode(&self, vm: &Vm, v: &Value) -> PyResult<[u8; 8]> {
        let mut buf = [0u8; 8];
        self.code.put(vm, v, &mut buf[..self.code.size])?;
        Ok(buf)
    }

    fn push(&self, vm: &Vm, v: &Value) -> PyResult<()> {
        let b = self.encode(vm, v)?;
        let size = self.code.size;
        self.data.with_mut(|d| d.extend_from_slice(&b[..size]));
        Ok(())
    }
}

/// Runs `f` on an array's buffer and typecode (the buffer protocol, for memoryview); no
/// Python code may run inside `f`.
pub fn with_buffer<R>(v: &Value, f: impl FnOnce(&mut Vec<u8>, char) -> R) -> Option<R> {
    let a = v.downcast::<Array>()?;
    Some(a.data.with_mut(|d| f(d, a.code.ch)))
}

/// The raw bytes of an array (its buffer), for `struct` and other byte consumers.
pub fn as_bytes(v: &Value) -> Option<Vec<u8>> {
    v.downcast::<Array>().map(|a| a.data.with(Clone::clone))
}

fn this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<Array>> {
    v.downcast::<Array>()
        .ok_or_else(|| vm.new_type_error("expected an array.array"))
}

fn method<'a>(vm: &Vm, args: Args<'a>, name: &str) -> PyResult<(&'a Py<Array>, Args<'a>)> {
    vm.method_self::<Array>(args, name, "array.array")
}

fn new_array(vm: &Vm, cls: &Py<Type>, code: Code, data: Vec<u8>) -> PyResult<Value> {
    vm.alloc_instance(
        cls,
        Array {
            code,
            data: PyCell::new(data),
        },
    )
}

fn same_type_array(vm: &Vm, v: &Value, code: Code, data: Vec<u8>) -> PyResult<Value> {
    let cls = v.class(vm).clone();
    new_array(vm, &cls, code, data)
}

fn extend_from_iterable(vm: &Vm, a: &Array, src: &Value) -> PyResult<()> {
    let it = vm.iter(src)?;
    while let Some(x) = vm.next(&it)? {
        a.push(vm, &x)?;
    }
    Ok(())
}

fn frombytes_into(vm: &Vm, a: &Array, b: &[u8]) -> PyResult<()> {
    if !b.len().is_multiple_of(a.code.size) {
        return Err(vm.new_value_error("bytes length not a multiple of item size"));
    }
    a.data.with_mut(|d| d.extend_from_slice(b));
    Ok(())
}

fn fromunicode_into(vm: &Vm, a: &Array, s: &Str) {
    let _ = vm;
    let cps: Vec<u32> = s.code_points().collect();
    a.data.with_mut(|d| {
        for cp in cps {
            d.extend_from_slice(&cp.to_ne_bytes());
        }
    });
}

fn array_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    if !cls.is_heap() && args.has_kwargs() {
        return Err(vm.new_type_error("array.array() takes no keyword arguments"));
    }
    let pos = args.pos();
    if pos.is_empty() || pos.len() > 2 {
        return Err(vm.new_type_error(format!(
            "array() takes at {} {} argument{} ({} given)",
            if pos.is_empty() { "least" } else { "most" },
            if pos.is_empty() { 1 } else { 2 },
            if pos.is_empty() { "" } else { "s" },
            pos.len()
        )));
    }
    let tc = match pos[0].downcast::<Str>() {
        Some(s) if s.char_len() == 1 => s.code_points().next().and_then(char::from_u32),
        Some(s) => {
            return Err(vm.new_type_error(format!(
                "array() argument 1 must be a unicode character, not a string of length {}",
                s.char_len()
            )));
        }
        None => {
            return Err(vm.new_type_error(format!(
                "array() argument 1 must be a unicode character, not {}",
                vm.type_name(&pos[0])
            )));
        }
    };
    let Some(code) = tc.and_then(Code::from_char) else {
        return Err(
            vm.new_value_error("bad typecode (must be b, B, u, w, h, H, i, I, l, L, q, Q, f or d)")
        );
    };
    if code.ch == 'u' {
        vm.warn_as(
            &vm.exc.deprecation_warning.clone().into(),
            "The 'u' type code is deprecated and will be removed in Python 3.16",
        )?;
    }
    let init = pos.get(1).filter(|v| !v.is_none());
    if let Some(init) = init {
        if init.downcast::<Str>().is_some() && code.kind != Kind::Unicode {
            return Err(vm.new_type_error(format!(
                "cannot use a str to initialize an array with typecode '{}'",
                code.ch
            )));
        }
        if let Some(other) = init.downcast::<Array>()
            && other.code.kind == Kind::Unicode
            && code.kind != Kind::Unicode
        {
            return Err(vm.new_type_error(format!(
                "cannot use a unicode array to initialize an array with typecode '{}'",
                code.ch
            )));
        }
    }
    let v = new_array(vm, cls, code, Vec::new())?;
    let a = this(vm, &v)?;
    if let Some(init) = init {
        if let Some(s) = init.downcast::<Str>() {
            fromunicode_into(vm, a, s);
        } else if let Some(b) = init.downcast::<Bytes>() {
            frombytes_into(vm, a, b.as_bytes())?;
        } else if let Some(b) = init.downcast::<ByteArray>() {
            frombytes_into(vm, a, &b.to_vec())?;
        } else if let Some(other) = init.downcast::<Array>()
            && other.code.ch == code.ch
        {
            let d = other.data.with(Clone::clone);
            a.data.with_mut(|x| x.extend_from_slice(&d));
        } else {
            extend_from_iterable(vm, a, init)?;
        }
    }
    Ok(v)
}

// ---- sequence protocol -------------------------------------------------------------------------

fn array_len(vm: &Vm, v: &Value) -> PyResult<usize> {
    Ok(this(vm, v)?.len())
}

/// A normalized index in `0..n`, or `None` when out of range.
fn norm_index(i: i64, n: usize) -> Option<usize> {
    let j = if i < 0 { i + n as i64 } else { i };
    (j >= 0 && (j as u64) < n as u64).then_some(j as usize)
}

/// The `N` bytes of item `i` (negative counts from the end) of a buffer of `N`-byte items,
/// when in range. `N` is a constant: no division and no variable-length copy (the general
/// path stages an item through a `memcpy` call).
#[inline(always)]
fn load<const N: usize>(d: &[u8], i: i64) -> Option<[u8; N]> {
    let n = (d.len() / N) as i64;
    let j = if i < 0 { i + n } else { i };
    if !(0..n).contains(&j) {
        return None;
    }
    let off = j as usize * N;
    d.get(off..)?.first_chunk::<N>().copied()
}

/// Stores `bytes` as item `i` (as [`load`] finds it); false when out of range.
#[inline(always)]
fn store<const N: usize>(d: &mut [u8], i: i64, bytes: [u8; N]) -> bool {
    let n = (d.len() / N) as i64;
    let j = if i < 0 { i + n } else { i };
    if !(0..n).contains(&j) {
        return false;
    }
    let off = j as usize * N;
    match d.get_mut(off..).and_then(|d| d.first_chunk_mut::<N>()) {
        Some(dst) => {
            *dst = bytes;
            true
        }
        None => false,
    }
}

fn array_getitem(vm: &Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let a = this(vm, v)?;
    if let Value::Int(i) = *key {
        // Doubles and C ints (scimark's arrays) read at their fixed size.
        let fast = match (a.code.kind, a.code.size) {
            (Kind::Float, 8) => Some(
                a.data
                    .with(|d| load::<8>(d, i))
                    .map(|b| vm.new_float(f64::from_ne_bytes(b))),
            ),
            (Kind::Signed, 4) => Some(
                a.data
                    .with(|d| load::<4>(d, i))
                    .map(|b| Value::Int(i64::from(i32::from_ne_bytes(b)))),
            ),
            _ => None,
        };
        if let Some(r) = fast {
            return r.ok_or_else(|| vm.new_index_error("array index out of range"));
        }
        return match a.read(i) {
            Some(buf) => a.code.get(vm, &buf),
            None => Err(vm.new_index_error("array index out of range")),
        };
    }
    if let Some(sl) = key.downcast::<Slice>() {
        let idx = sl.indices(vm, a.len())?;
        let size = a.code.size;
        let data = a.data.with(|d| {
            let mut out = Vec::with_capacity(idx.len * size);
            for i in idx.iter() {
                out.extend_from_slice(&d[i * size..(i + 1) * size]);
            }
            out
        });
        return same_type_array(vm, v, a.code, data);
    }
    let i = vm.index_for(key, "array")?;
    match norm_index(i, a.len()) {
        Some(j) => a
            .item(vm, j)?
            .ok_or_else(|| vm.new_index_error("array index out of range")),
        None => Err(vm.new_index_error("array index out of range")),
    }
}

fn array_setitem(vm: &Vm, v: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    let a = this(vm, v)?;
    if let (Value::Int(i), Some(x)) = (key, &value) {
        // A float into doubles, an int in range into C ints: stored at their fixed size,
        // no conversion can run code.
        let fast = match (a.code.kind, a.code.size, x) {
            (Kind::Float, 8, Value::Float(f)) => {
                Some(a.data.with_mut(|d| store::<8>(d, *i, f.to_ne_bytes())))
            }
            (Kind::Signed, 4, Value::Int(n)) => match i32::try_from(*n) {
                Ok(n) => Some(a.data.with_mut(|d| store::<4>(d, *i, n.to_ne_bytes()))),
                Err(_) => None,
            },
            _ => None,
        };
        match fast {
            Some(true) => return Ok(()),
            Some(false) => return Err(vm.new_index_error("array assignment index out of range")),
            None => {}
        }
        let size = a.code.size;
        let Some(off) = a.data.with(|d| Array::offset(size, d.len(), *i)) else {
            return Err(vm.new_index_error("array assignment index out of range"));
        };
        let b = a.encode(vm, x)?;
        // The conversion may have run code that shrank the array: checked again (CPython
        // 3.14 raises then too).
        let stored = a.data.with_mut(|d| match d.get_mut(off..off + size) {
            Some(dst) => {
                dst.copy_from_slice(&b[..size]);
                true
            }
            None => false,
        });
        return match stored {
            true => Ok(()),
            false => Err(vm.new_index_error("array assignment index out of range")),
        };
    }
    if let Some(sl) = key.downcast::<Slice>() {
        return set_slice(vm, a, sl, value);
    }
    let i = vm.index_for(key, "array")?;
    let Some(j) = norm_index(i, a.len()) else {
        return Err(vm.new_index_error("array assignment index out of range"));
    };
    let size = a.code.size;
    match value {
        Some(x) => {
            let b = a.encode(vm, &x)?;
            a.data.with_mut(|d| {
                if let Some(dst) = d.get_mut(j * size..(j + 1) * size) {
                    dst.copy_from_slice(&b[..size]);
                }
            });
        }
        None => a.data.with_mut(|d| {
            if (j + 1) * size <= d.len() {
                d.drain(j * size..(j + 1) * size);
            }
        }),
    }
    Ok(())
}

fn set_slice(vm: &Vm, a: &Array, sl: &Slice, value: Option<Value>) -> PyResult<()> {
    let n = a.len();
    let idx = sl.indices(vm, n)?;
    let size = a.code.size;
    let src: Option<Vec<u8>> = match &value {
        None => None,
        Some(x) => {
            let Some(other) = x.downcast::<Array>() else {
                return Err(vm.new_type_error(format!(
                    "can only assign array (not \"{}\") to array slice",
                    vm.type_name(x)
                )));
            };
            if other.code.ch != a.code.ch {
                return Err(vm.new_type_error("bad argument type for built-in operation"));
            }
            Some(other.data.with(Clone::clone))
        }
    };
    let selected: Vec<usize> = idx.iter().collect();
    if idx.step == 1 {
        let start = (idx.start.max(0) as usize).min(n);
        let stop = start + idx.len;
        a.data.with_mut(|d| {
            d.splice(start * size..stop * size, src.unwrap_or_default());
        });
        return Ok(());
    }
    match src {
        None => {
            let mut keep = vec![true; n];
            for &i in &selected {
                keep[i] = false;
            }
            a.data.with_mut(|d| {
                let old = std::mem::take(d);
                for (i, chunk) in old.chunks_exact(size).enumerate() {
                    if keep[i] {
                        d.extend_from_slice(chunk);
                    }
                }
            });
        }
        Some(src) => {
            let count = src.len() / size;
            if count != selected.len() {
                return Err(vm.new_value_error(format!(
                    "attempt to assign array of size {count} to extended slice of size {}",
                    selected.len()
                )));
            }
            a.data.with_mut(|d| {
                for (k, &i) in selected.iter().enumerate() {
                    d[i * size..(i + 1) * size].copy_from_slice(&src[k * size..(k + 1) * size]);
                }
            });
        }
    }
    Ok(())
}

fn array_contains(vm: &Vm, v: &Value, x: &Value) -> PyResult<bool> {
    let a = this(vm, v)?;
    let mut i = 0;
    while let Some(item) = a.item(vm, i)? {
        if vm.eq_bool(&item, x)? {
            return Ok(true);
        }
        i += 1;
    }
    Ok(false)
}

fn array_concat(vm: &Vm, v: &Value, w: &Value) -> PyResult<Value> {
    let a = this(vm, v)?;
    let Some(b) = w.downcast::<Array>() else {
        return Err(vm.new_type_error(format!(
            "can only append array (not \"{}\") to array",
            vm.type_name(w)
        )));
    };
    if a.code.ch != b.code.ch {
        return Err(vm.new_type_error("bad argument type for built-in operation"));
    }
    let mut data = a.data.with(Clone::clone);
    data.extend(b.data.with(Clone::clone));
    same_type_array(vm, v, a.code, data)
}

fn repeated(vm: &Vm, a: &Array, n: &Value) -> PyResult<Vec<u8>> {
    let count = vm.repeat_count(n)?.ok_or_else(|| {
        vm.new_type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            vm.type_name(n)
        ))
    })?;
    let data = a.data.with(Clone::clone);
    let total = data
        .len()
        .checked_mul(count)
        .filter(|&t| t <= isize::MAX as usize)
        .ok_or_else(|| vm.new_memory_error(""))?;
    let mut out = Vec::new();
    out.try_reserve_exact(total)
        .map_err(|_| vm.new_memory_error(""))?;
    for _ in 0..count {
        out.extend_from_slice(&data);
    }
    Ok(out)
}

fn array_repeat(vm: &Vm, v: &Value, n: &Value) -> PyResult<Value> {
    let a = this(vm, v)?;
    let data = repeated(vm, a, n)?;
    same_type_array(vm, v, a.code, data)
}

fn array_iadd(vm: &Vm, v: &Value, w: &Value) -> PyResult<Value> {
    let a = this(vm, v)?;
    let Some(b) = w.downcast::<Array>() else {
        return Err(vm.new_type_error(format!(
            "can only extend array with array (not \"{}\")",
            vm.type_name(w)
        )));
    };
    if a.code.ch != b.code.ch {
        return Err(vm.new_type_error("can only extend with array of same kind"));
    }
    let extra = b.data.with(Clone::clone);
    a.data.with_mut(|d| d.extend_from_slice(&extra));
    Ok(v.clone())
}

fn array_imul(vm: &Vm, v: &Value, n: &Value) -> PyResult<Value> {
    let a = this(vm, v)?;
    let data = repeated(vm, a, n)?;
    drop(a.data.replace(data));
    Ok(v.clone())
}

fn array_richcompare(vm: &Vm, v: &Value, w: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(a), Some(b)) = (v.downcast::<Array>(), w.downcast::<Array>()) else {
        return Ok(vm.not_implemented());
    };
    let (na, nb) = (a.len(), b.len());
    if na != nb && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(Value::Bool(op == CompareOp::Ne));
    }
    let mut i = 0;
    while i < na && i < nb {
        let (Some(x), Some(y)) = (a.item(vm, i)?, b.item(vm, i)?) else {
            break;
        };
        if !vm.eq_bool(&x, &y)? {
            return match op {
                CompareOp::Eq => Ok(Value::Bool(false)),
                CompareOp::Ne => Ok(Value::Bool(true)),
                _ => vm.rich_compare(&x, &y, op),
            };
        }
        i += 1;
    }
    Ok(Value::Bool(op.test(na.cmp(&nb))))
}

fn array_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let a = this(vm, v)?;
    let name = v.class(vm).name();
    if a.len() == 0 {
        return Ok(vm.new_str(&format!("{name}('{}')", a.code.ch)).into());
    }
    let body = if a.code.kind == Kind::Unicode {
        vm.repr(&unicode_value(vm, a)?)?
    } else {
        vm.repr(&vm.new_list(a.items(vm)?).into())?
    };
    Ok(vm
        .new_str(&format!("{name}('{}', {})", a.code.ch, body.to_lossy()))
        .into())
}

fn unicode_value(vm: &Vm, a: &Array) -> PyResult<Value> {
    let data = a.data.with(Clone::clone);
    let mut cps = Vec::with_capacity(data.len() / 4);
    for c in data.chunks_exact(4) {
        let cp = u32::from_ne_bytes([c[0], c[1], c[2], c[3]]);
        if cp > 0x10ffff {
            return Err(vm.new_value_error(format!(
                "character U+{cp:x} is not in range [U+0000; U+10ffff]"
            )));
        }
        cps.push(cp);
    }
    Ok(vm.str_from_cps(&cps).into())
}

// ---- iterator ----------------------------------------------------------------------------------

/// `arrayiterator`.
pub struct ArrayIter {
    arr: PyCell<Value>,
    index: Cell<usize>,
}

crate::payload!(ArrayIter);

fn array_iter(vm: &Vm, v: &Value) -> PyResult<Value> {
    let t = vm.native_type("array.arrayiterator")?;
    Ok(crate::object::core::alloc(
        &t,
        ArrayIter {
            arr: PyCell::new(v.clone()),
            index: Cell::new(0),
        },
    )
    .into())
}

fn array_iter_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = v
        .downcast::<ArrayIter>()
        .ok_or_else(|| vm.new_type_error("expected arrayiterator"))?;
    let arr = it.arr.get();
    if arr.is_null() {
        return Ok(None);
    }
    let a = this(vm, &arr)?;
    let i = it.index.get();
    match a.item(vm, i)? {
        Some(x) => {
            it.index.set(i + 1);
            Ok(Some(x))
        }
        None => {
            drop(it.arr.replace(Value::Null));
            Ok(None)
        }
    }
}

// ---- methods -----------------------------------------------------------------------------------

fn m_append(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, rest) = method(vm, args, "append")?;
    a.push(vm, rest.one(vm, "append")?)?;
    Ok(Value::None)
}

fn m_extend(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, rest) = method(vm, args, "extend")?;
    let src = rest.one(vm, "extend")?;
    if let Some(b) = src.downcast::<Array>() {
        if b.code.ch != a.code.ch {
            return Err(vm.new_type_error("can only extend with array of same kind"));
        }
        let extra = b.data.with(Clone::clone);
        a.data.with_mut(|d| d.extend_from_slice(&extra));
        return Ok(Value::None);
    }
    extend_from_iterable(vm, a, src)?;
    Ok(Value::None)
}

fn m_insert(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, rest) = method(vm, args, "insert")?;
    let v = rest.range(vm, "insert", 2, 2)?;
    let i = vm.index_value(&v[0])?;
    let n = a.len() as i64;
    let pos = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    let b = a.encode(vm, &v[1])?;
    let size = a.code.size;
    a.data.with_mut(|d| {
        d.splice(pos * size..pos * size, b[..size].iter().copied());
    });
    Ok(Value::None)
}

fn m_pop(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, rest) = method(vm, args, "pop")?;
    let v = rest.range(vm, "pop", 0, 1)?;
    let i = match v.first() {
        Some(x) => vm.index_value(x)?,
        None => -1,
    };
    let n = a.len();
    if n == 0 {
        return Err(vm.new_index_error("pop from empty array"));
    }
    let Some(j) = norm_index(i, n) else {
        return Err(vm.new_index_error("pop index out of range"));
    };
    let item = a.item(vm, j)?.unwrap_or(Value::None);
    let size = a.code.size;
    a.data.with_mut(|d| {
        d.drain(j * size..(j + 1) * size);
    });
    Ok(item)
}

fn position(vm: &Vm, a: &Array, x: &Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop {
        let Some(item) = a.item(vm, i)? else { break };
        if vm.eq_bool(&item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn m_remove(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, rest) = method(vm, args, "remove")?;
    let x = rest.one(vm, "remove")?;
    let Some(j) = position(vm, a, x, 0, a.len())? else {
        return Err(vm.new_value_error("array.remove(x): x not in array"));
    };
    let size = a.code.size;
    a.data.with_mut(|d| {
        if (j + 1) * size <= d.len() {
            d.drain(j * size..(j + 1) * size);
        }
    });
    Ok(Value::None)
}

fn m_index(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, rest) = method(vm, args, "index")?;
    let v = rest.range(vm, "index", 1, 3)?;
    let n = a.len() as i64;
    let bound = |x: Option<&Value>, default: i64| -> PyResult<usize> {
        let i = match x {
            Some(x) => vm.slice_index(x)?.unwrap_or(default),
            None => default,
        };
        Ok(if i < 0 { (i + n).max(0) } else { i.min(n) } as usize)
    };
    let start = bound(v.get(1), 0)?;
    let stop = bound(v.get(2), n)?;
    match position(vm, a, &v[0], start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.new_value_error("array.index(x): x not in array")),
    }
}

fn m_count(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, rest) = method(vm, args, "count")?;
    let x = rest.one(vm, "count")?;
    let mut n = 0;
    for item in a.items(vm)? {
        if vm.eq_bool(&item, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn m_reverse(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, rest) = method(vm, args, "reverse")?;
    rest.none(vm, "reverse")?;
    let size = a.code.size;
    a.data.with_mut(|d| {
        let old = std::mem::take(d);
        for chunk in old.chunks_exact(size).rev() {
            d.extend_from_slice(chunk);
        }
    });
    Ok(Value::None)
}

fn m_byteswap(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, rest) = method(vm, args, "byteswap")?;
    rest.none(vm, "byteswap")?;
    let size = a.code.size;
    a.data
        .with_mut(|d| d.chunks_exact_mut(size).for_each(<[u8]>::reverse));
    Ok(Value::None)
}

fn m_tobytes(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, rest) = method(vm, args, "tobytes")?;
    rest.none(vm, "tobytes")?;
    Ok(vm.new_bytes(a.data.with(Clone::clone)).into())
}

fn m_frombytes(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, rest) = method(vm, args, "frombytes")?;
    let src = rest.one(vm, "frombytes")?;
    let bytes = match as_bytes(src) {
        Some(b) => b,
        None => vm.bytes_like(src)?,
    };
    frombytes_into(vm, a, &bytes)?;
    Ok(Value::None)
}

fn m_tolist(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, rest) = method(vm, args, "tolist")?;
    rest.none(vm, "tolist")?;
    Ok(vm.new_list(a.items(vm)?).into())
}

fn m_fromlist(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, rest) = method(vm, args, "fromlist")?;
    let src = rest.one(vm, "fromlist")?;
    let Some(l) = src.downcast::<List>() else {
        return Err(vm.new_type_error("arg must be list"));
    };
    // All or nothing: convert everything before appending.
    let mut bytes = Vec::new();
    for x in l.to_vec() {
        let b = a.encode(vm, &x)?;
        bytes.extend_from_slice(&b[..a.code.size]);
    }
    a.data.with_mut(|d| d.extend_from_slice(&bytes));
    Ok(Value::None)
}

fn m_tounicode(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, rest) = method(vm, args, "tounicode")?;
    rest.none(vm, "tounicode")?;
    if a.code.kind != Kind::Unicode {
        return Err(vm.new_value_error(
            "tounicode() may only be called on unicode type arrays ('u' or 'w')",
        ));
    }
    unicode_value(vm, a)
}

fn m_fromunicode(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, rest) = method(vm, args, "fromunicode")?;
    let src = rest.one(vm, "fromunicode")?;
    let Some(s) = src.downcast::<Str>() else {
        return Err(vm.new_type_error(format!(
            "fromunicode() argument must be str, not {}",
            vm.type_name(src)
        )));
    };
    if a.code.kind != Kind::Unicode {
        return Err(vm.new_value_error(
            "fromunicode() may only be called on unicode type arrays ('u' or 'w')",
        ));
    }
    fromunicode_into(vm, a, s);
    Ok(Value::None)
}

fn m_buffer_info(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, rest) = method(vm, args, "buffer_info")?;
    rest.none(vm, "buffer_info")?;
    let addr = a.data.with(|d| d.as_ptr() as usize) as i64;
    Ok(vm
        .new_tuple(vec![Value::Int(addr), Value::Int(a.len() as i64)])
        .into())
}

fn m_tofile(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, rest) = method(vm, args, "tofile")?;
    let f = rest.one(vm, "tofile")?;
    let data: Value = vm.new_bytes(a.data.with(Clone::clone)).into();
    vm.call_method(f, &vm.intern("write"), &[data])?;
    Ok(Value::None)
}

fn m_fromfile(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, rest) = method(vm, args, "fromfile")?;
    let v = rest.range(vm, "fromfile", 2, 2)?;
    let n = vm.index_value(&v[1])?;
    if n < 0 {
        return Err(vm.new_value_error("negative count"));
    }
    let want = (n as usize)
        .checked_mul(a.code.size)
        .ok_or_else(|| vm.new_memory_error(""))?;
    let got = vm.call_method(&v[0], &vm.intern("read"), &[Value::Int(want as i64)])?;
    let Some(b) = got.downcast::<Bytes>() else {
        return Err(vm.new_type_error("read() didn't return bytes"));
    };
    let bytes = b.as_bytes();
    let whole = bytes.len() - bytes.len() % a.code.size;
    frombytes_into(vm, a, &bytes[..whole])?;
    if bytes.len() != want {
        return Err(vm.new_eof_error("read() didn't return enough bytes"));
    }
    Ok(Value::None)
}

fn m_clear(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, rest) = method(vm, args, "clear")?;
    rest.none(vm, "clear")?;
    a.data.with_mut(Vec::clear);
    Ok(Value::None)
}

fn m_copy(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, _) = method(vm, args, "__copy__")?;
    same_type_array(vm, &args.values()[0], a.code, a.data.with(Clone::clone))
}

fn m_reduce_ex(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, _) = method(vm, args, "__reduce_ex__")?;
    let this = &args.values()[0];
    let items: Value = if a.code.kind == Kind::Unicode {
        unicode_value(vm, a)?
    } else {
        vm.new_list(a.items(vm)?).into()
    };
    let ctor_args = vm.new_tuple(vec![vm.char_str(a.code.ch as u32).into(), items]);
    let state = vm.instance_dict(this).map_or(Value::None, Value::from);
    Ok(vm
        .new_tuple(vec![this.class(vm).clone().into(), ctor_args.into(), state])
        .into())
}

/// `bytes(a)`: the buffer's bytes (rpy has no general buffer protocol, so arrays say it
/// with `__bytes__`).
fn m_bytes(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, _) = method(vm, args, "__bytes__")?;
    Ok(vm.new_bytes(a.data.with(Clone::clone)).into())
}

/// Builds `array`.
pub fn init(vm: &Vm) -> PyResult<Py<Module>> {
    let m = vm.new_module("array");
    let t = crate::stdlib::typedef::new_type::<Array>(vm, "array", "array", None, true);
    // `match` treats arrays as sequences (CPython registers array as a MutableSequence).
    t.set_flag(crate::object::type_flags::SEQUENCE, true);
    let s = &t.slots;
    s.new.set(Some(array_new));
    s.len.set(Some(array_len));
    s.getitem.set(Some(array_getitem));
    s.setitem.set(Some(array_setitem));
    s.contains.set(Some(array_contains));
    s.iter.set(Some(array_iter));
    s.richcompare.set(Some(array_richcompare));
    s.concat.set(Some(array_concat));
    s.repeat.set(Some(array_repeat));
    s.iadd.set(Some(array_iadd));
    s.imul.set(Some(array_imul));
    s.repr.set(Some(array_repr));
    t.set_hash_none(vm);
    vm.add_methods(
        &t,
        &[
            ("append", m_append),
            ("extend", m_extend),
            ("insert", m_insert),
            ("pop", m_pop),
            ("remove", m_remove),
            ("index", m_index),
            ("count", m_count),
            ("reverse", m_reverse),
            ("byteswap", m_byteswap),
            ("tobytes", m_tobytes),
            ("frombytes", m_frombytes),
            ("tolist", m_tolist),
            ("fromlist", m_fromlist),
            ("tounicode", m_tounicode),
            ("fromunicode", m_fromunicode),
            ("buffer_info", m_buffer_info),
            ("tofile", m_tofile),
            ("fromfile", m_fromfile),
            ("clear", m_clear),
            ("__copy__", m_copy),
            ("__deepcopy__", m_copy),
            ("__reduce_ex__", m_reduce_ex),
            ("__bytes__", m_bytes),
        ],
    );
    vm.add_getset(
        &t,
        "typecode",
        |vm, v| Ok(vm.char_str(this(vm, v)?.code.ch as u32).into()),
        None,
    );
    vm.add_getset(
        &t,
        "itemsize",
        |vm, v| Ok(Value::Int(this(vm, v)?.code.size as i64)),
        None,
    );
    crate::stdlib::typedef::finish_type(vm, &t);

    let it =
        crate::stdlib::typedef::new_type::<ArrayIter>(vm, "arrayiterator", "array", None, false);
    it.slots.iter.set(Some(|_, v| Ok(v.clone())));
    it.slots.iternext.set(Some(array_iter_next));
    crate::stdlib::typedef::finish_type(vm, &it);
    vm.register_native_type("array.arrayiterator", &it);

    let d = m.dict();
    d.set_str(&vm.intern("array"), t.clone().into());
    d.set_str(&vm.intern("ArrayType"), t.into());
    d.set_str(&vm.intern("typecodes"), vm.new_str(codes::TYPECODES).into());
    Ok(m)
}
