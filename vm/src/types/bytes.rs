//! `bytes` and `bytearray`: payloads and their core behaviour (length, indexing, slicing,
//! comparison, hashing, concatenation, repr, UTF-8 decoding).

use std::borrow::Cow;

use crate::object::{CompareOp, Py, PyCell, Type, Value};
use crate::runtime::{Args, PyResult, Vm};

use super::slice::Slice;

/// A Python `bytes`.
pub struct Bytes {
    data: Box<[u8]>,
}

crate::payload!(Bytes);

impl Bytes {
    /// A bytes object holding `data`.
    pub fn new(data: Vec<u8>) -> Bytes {
        Bytes {
            data: data.into_boxed_slice(),
        }
    }

    /// The contents.
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        &self.data
    }
}

/// A Python `bytearray`.
#[derive(Default)]
pub struct ByteArray {
    data: PyCell<Vec<u8>>,
}

crate::payload!(ByteArray);

impl ByteArray {
    /// A bytearray holding `data`.
    pub fn new(data: Vec<u8>) -> ByteArray {
        ByteArray {
            data: PyCell::new(data),
        }
    }

    /// A copy of the contents.
    pub fn to_vec(&self) -> Vec<u8> {
        self.data.get()
    }

    /// Length.
    pub fn len(&self) -> usize {
        self.data.with(Vec::len)
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Runs `f` on the contents (no Python code may run inside).
    pub fn with_mut<R>(&self, f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
        self.data.with_mut(f)
    }
}

impl Vm {
    /// A new bytes object.
    pub fn new_bytes(&self, data: Vec<u8>) -> Py<Bytes> {
        crate::object::core::alloc(&self.types.bytes, Bytes::new(data))
    }

    /// A new bytearray.
    pub fn new_bytearray(&self, data: Vec<u8>) -> Py<ByteArray> {
        crate::object::core::alloc(&self.types.bytearray, ByteArray::new(data))
    }

    /// The contents of a bytes-like object (bytes, bytearray), or TypeError.
    pub fn bytes_like(&self, v: &Value) -> PyResult<Vec<u8>> {
        if let Some(b) = v.downcast::<Bytes>() {
            return Ok(b.as_bytes().to_vec());
        }
        if let Some(b) = v.downcast::<ByteArray>() {
            return Ok(b.to_vec());
        }
        if let Some(b) = super::memoryview::buffer_bytes(self, v) {
            return b;
        }
        Err(self.new_type_error(format!(
            "a bytes-like object is required, not '{}'",
            self.type_name(v)
        )))
    }
}

/// The contents of a bytes-like `v`: borrowed from a `bytes` (immutable), a copy of anything
/// else (a bytearray can change while Python code runs). Indexing, `len` and comparisons
/// of bytes run in loops, so they must not copy the whole object.
fn contents<'a>(vm: &Vm, v: &'a Value) -> Option<Cow<'a, [u8]>> {
    if let Some(b) = v.downcast::<Bytes>() {
        return Some(Cow::Borrowed(b.as_bytes()));
    }
    super::bytes_methods::buffer_of(vm, v).map(Cow::Owned)
}

fn bytes_len(vm: &Vm, v: &Value) -> PyResult<usize> {
    if let Some(b) = v.downcast::<ByteArray>() {
        return Ok(b.len());
    }
    contents(vm, v)
        .map(|b| b.len())
        .ok_or_else(|| vm.new_type_error("expected bytes"))
}

fn bytes_getitem(vm: &Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let is_bytes = v.downcast::<Bytes>().is_some();
    if let Some(slice) = key.downcast::<Slice>() {
        if let Some(b) = v.downcast::<ByteArray>() {
            // The indices first (they may run `__index__`), then one read in place.
            let picked = slice.indices(vm, b.len())?;
            let out = b
                .data
                .with(|d| picked.iter().filter_map(|i| d.get(i).copied()).collect());
            return Ok(vm.new_bytearray(out).into());
        }
        let data = contents(vm, v).ok_or_else(|| vm.new_type_error("expected bytes"))?;
        let out: Vec<u8> = slice
            .indices(vm, data.len())?
            .iter()
            .map(|i| data[i])
            .collect();
        return Ok(if is_bytes {
            vm.new_bytes(out).into()
        } else {
            vm.new_bytearray(out).into()
        });
    }
    byte_at(vm, v, key, is_bytes)
}

/// `v[key]` for an integer key: the byte, read in place.
fn byte_at(vm: &Vm, v: &Value, key: &Value, is_bytes: bool) -> PyResult<Value> {
    let what = if is_bytes { "byte" } else { "bytearray" };
    let i = vm.index_for(key, what)?;
    let at = |d: &[u8]| {
        let n = d.len() as i64;
        let j = if i < 0 { i + n } else { i };
        (0..n).contains(&j).then(|| d[j as usize])
    };
    let byte = match v.downcast::<ByteArray>() {
        Some(b) => b.data.with(|d| at(d)),
        None => at(&contents(vm, v).ok_or_else(|| vm.new_type_error("expected bytes"))?),
    };
    match byte {
        Some(b) => Ok(Value::Int(i64::from(b))),
        None => Err(vm.new_index_error(if is_bytes {
            "index out of range"
        } else {
            "bytearray index out of range"
        })),
    }
}

fn bytes_hash(vm: &Vm, v: &Value) -> PyResult<i64> {
    let b = v
        .downcast::<Bytes>()
        .ok_or_else(|| vm.new_type_error("expected bytes"))?;
    Ok(crate::runtime::hash::hash_bytes(b.as_bytes()))
}

fn bytes_richcompare(vm: &Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (contents(vm, a), contents(vm, b)) else {
        return Ok(vm.not_implemented());
    };
    Ok(Value::Bool(op.test(x.cmp(&y))))
}

fn bytes_concat(vm: &Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let x = contents(vm, a).ok_or_else(|| vm.new_type_error("expected bytes"))?;
    let Some(y) = contents(vm, b) else {
        return Err(vm.new_type_error(format!(
            "can't concat {} to {}",
            vm.type_name(b),
            vm.type_name(a)
        )));
    };
    let mut out = x.into_owned();
    out.extend_from_slice(&y);
    Ok(if a.downcast::<Bytes>().is_some() {
        vm.new_bytes(out).into()
    } else {
        vm.new_bytearray(out).into()
    })
}

fn bytes_repeat(vm: &Vm, a: &Value, n: &Value) -> PyResult<Value> {
    let x = contents(vm, a).ok_or_else(|| vm.new_type_error("expected bytes"))?;
    let Some(count) = vm.repeat_count(n)? else {
        return Err(vm.new_type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            vm.type_name(n)
        )));
    };
    if x.len()
        .checked_mul(count)
        .is_none_or(|t| t > isize::MAX as usize)
    {
        return Err(vm.new_memory_error(""));
    }
    let out = x.repeat(count);
    Ok(if a.downcast::<Bytes>().is_some() {
        vm.new_bytes(out).into()
    } else {
        vm.new_bytearray(out).into()
    })
}

fn bytes_contains(vm: &Vm, v: &Value, item: &Value) -> PyResult<bool> {
    let data = contents(vm, v).ok_or_else(|| vm.new_type_error("expected bytes"))?;
    if let Some(needle) = contents(vm, item) {
        return Ok(needle.is_empty() || data.windows(needle.len()).any(|w| w == &*needle));
    }
    if vm.try_index(item)?.is_none() {
        return Err(vm.new_type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(item)
        )));
    }
    let b = super::bytes_methods::byte_value(vm, item)?;
    Ok(data.contains(&b))
}

fn bytes_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let data = contents(vm, v).ok_or_else(|| vm.new_type_error("expected bytes"))?;
    let mut s = String::new();
    if v.downcast::<Bytes>().is_some() {
        crate::text::repr::write_bytes_repr(&mut s, &data);
    } else {
        s.push_str("bytearray(");
        crate::text::repr::write_bytes_repr(&mut s, &data);
        s.push(')');
    }
    Ok(vm.new_str(&s).into())
}

fn bytes_iter(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(super::iter::SeqIter::new_value(
        vm,
        &vm.types.bytes_iterator,
        v.clone(),
    ))
}

/// `bytes(x)` / `bytearray(x)` contents from a constructor argument.
fn bytes_from_arg(
    vm: &Vm,
    v: &Value,
    encoding: Option<&Value>,
    errors: Option<&Value>,
    what: &str,
) -> PyResult<Vec<u8>> {
    if let Some(s) = v.downcast::<super::str::Str>() {
        let Some(encoding) = encoding else {
            return Err(vm.new_type_error("string argument without an encoding"));
        };
        let encoding = vm.str_arg(encoding, "bytes", "encoding")?;
        let errors = match errors {
            Some(e) => vm.str_arg(e, "bytes", "errors")?,
            None => "strict".into(),
        };
        return crate::runtime::codecs::encode(vm, s, &encoding, &errors);
    }
    if let Some(b) = contents(vm, v) {
        return Ok(b.into_owned());
    }
    if let Some(b) = super::memoryview::buffer_bytes(vm, v) {
        return b;
    }
    if super::int::as_int(v).is_some() {
        let n = vm.index_value(v)?;
        if n < 0 {
            return Err(vm.new_value_error("negative count"));
        }
        return Ok(vec![0; n as usize]);
    }
    let range_error = if what == "bytes" { "bytes" } else { "byte" };
    items_to_bytes(vm, v, what, range_error)
}

/// The bytes of an iterable of ints (CPython's `PyBytes_FromObject` tail): "cannot convert
/// 'float' object to bytes" when `v` is not iterable.
fn items_to_bytes(vm: &Vm, v: &Value, what: &str, range_error: &str) -> PyResult<Vec<u8>> {
    let is_iterable =
        v.class(vm).slots.iter.get().is_some() || v.class(vm).slots.getitem.get().is_some();
    if v.downcast::<super::str::Str>().is_some() || !is_iterable {
        return Err(vm.new_type_error(format!(
            "cannot convert '{}' object to {what}",
            vm.type_name(v)
        )));
    }
    let items = vm.collect(v)?;
    let mut out = Vec::with_capacity(items.len());
    for item in &items {
        let b = vm.index_value(item)?;
        if !(0..256).contains(&b) {
            return Err(vm.new_value_error(format!("{range_error} must be in range(0, 256)")));
        }
        out.push(b as u8);
    }
    Ok(out)
}

impl Vm {
    /// `bytes(x)` for a non-str `x` (CPython's `PyObject_Bytes`): `__bytes__`, a buffer, or
    /// an iterable of ints.
    pub fn bytes_from_object(&self, v: &Value) -> PyResult<Vec<u8>> {
        if let Some(b) = contents(self, v) {
            return Ok(b.into_owned());
        }
        if let Some(b) = super::memoryview::buffer_bytes(self, v) {
            return b;
        }
        if let Some(r) =
            crate::runtime::slot_dispatch::call_special(self, v, &self.names.__bytes__, &[])?
        {
            return contents(self, &r).map(Cow::into_owned).ok_or_else(|| {
                self.new_type_error(format!(
                    "__bytes__ returned non-bytes (type {})",
                    self.type_name(&r)
                ))
            });
        }
        items_to_bytes(self, v, "bytes", "bytes")
    }
}

fn bytes_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    let [source, encoding, errors] =
        args.bind(vm, "bytes", ["source", "encoding", "errors"], 0, 0)?;
    if let Some(v) = source
        && encoding.is_none()
        && v.downcast::<Bytes>().is_none()
        && let Some(r) =
            crate::runtime::slot_dispatch::call_special(vm, v, &vm.intern("__bytes__"), &[])?
    {
        if r.downcast::<Bytes>().is_none() {
            return Err(vm.new_type_error(format!(
                "__bytes__ returned non-bytes (type {})",
                vm.type_name(&r)
            )));
        }
        if cls.is(&vm.types.bytes) {
            return Ok(r);
        }
        let data = contents(vm, &r).unwrap_or_default().into_owned();
        return vm.alloc_instance(cls, Bytes::new(data));
    }
    let data = match source {
        Some(v) => bytes_from_arg(vm, v, encoding, errors, "bytes")?,
        None => Vec::new(),
    };
    if cls.is(&vm.types.bytes) {
        return Ok(vm.new_bytes(data).into());
    }
    vm.alloc_instance(cls, Bytes::new(data))
}

fn bytearray_new(vm: &Vm, cls: &Py<Type>, _args: Args<'_>) -> PyResult<Value> {
    vm.alloc_instance(cls, ByteArray::default())
}

fn bytearray_init(vm: &Vm, v: &Value, args: Args<'_>) -> PyResult<()> {
    let [source, encoding, errors] =
        args.bind(vm, "bytearray", ["source", "encoding", "errors"], 0, 0)?;
    let data = match source {
        Some(v) => bytes_from_arg(vm, v, encoding, errors, "bytearray")?,
        None => Vec::new(),
    };
    if let Some(b) = v.downcast::<ByteArray>() {
        b.data.replace(data);
    }
    Ok(())
}

fn bytes_decode(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let Some((this, rest)) = args.split_self() else {
        return Err(vm.new_type_error("decode() needs an argument"));
    };
    let data = contents(vm, this).ok_or_else(|| vm.new_type_error("expected bytes"))?;
    let [encoding, errors] = rest.bind(vm, "decode", ["encoding", "errors"], 0, 0)?;
    let encoding = match encoding {
        Some(e) => vm.str_arg(e, "decode", "encoding")?,
        None => "utf-8".into(),
    };
    let errors = match errors {
        Some(e) => vm.str_arg(e, "decode", "errors")?,
        None => "strict".into(),
    };
    crate::runtime::codecs::decode(vm, &data, &encoding, &errors).map(Value::from)
}

fn bytearray_append(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (b, rest) = vm.method_self::<ByteArray>(args, "append", "bytearray")?;
    let x = rest.one(vm, "bytearray.append")?;
    let n = vm.index_value(x)?;
    if !(0..256).contains(&n) {
        return Err(vm.new_value_error("byte must be in range(0, 256)"));
    }
    b.with_mut(|d| d.push(n as u8));
    Ok(Value::None)
}

fn bytes_mod(vm: &Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let Some(data) = contents(vm, a) else {
        return Ok(vm.not_implemented());
    };
    let out = crate::runtime::percent::percent_format_bytes(vm, &data, b)?;
    Ok(if a.downcast::<Bytes>().is_some() {
        vm.new_bytes(out).into()
    } else {
        vm.new_bytearray(out).into()
    })
}

/// Fills in `bytes`'s and `bytearray`'s slots and methods.
pub(crate) fn init(vm: &Vm) {
    for (t, is_bytes) in [(&vm.types.bytes, true), (&vm.types.bytearray, false)] {
        let s = &t.slots;
        s.len.set(Some(bytes_len));
        s.getitem.set(Some(bytes_getitem));
        s.richcompare.set(Some(bytes_richcompare));
        s.concat.set(Some(bytes_concat));
        s.repeat.set(Some(bytes_repeat));
        s.contains.set(Some(bytes_contains));
        s.repr.set(Some(bytes_repr));
        s.iter.set(Some(bytes_iter));
        s.rem.set(Some(bytes_mod));
        vm.add_methods(t, &[("decode", bytes_decode)]);
        super::bytes_methods::init(vm, t);
        if is_bytes {
            s.hash.set(Some(bytes_hash));
            s.new.set(Some(bytes_new));
        } else {
            s.new.set(Some(bytearray_new));
            s.init.set(Some(bytearray_init));
            t.set_hash_none(vm);
            vm.add_methods(
                t,
                &[
                    ("append", bytearray_append),
                    ("__sizeof__", super::object::object_sizeof),
                ],
            );
            super::bytearray_ops::init(vm);
        }
    }
}
