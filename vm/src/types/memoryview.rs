//! `memoryview`: a one-dimensional view of the buffer of a bytes, bytearray or array.array
//! (slicing shares the buffer, `cast` reinterprets the bytes), and the buffer access the
//! rest of the VM uses to read any bytes-like object.

use std::cell::Cell;

use crate::object::{CompareOp, Py, Type, Value};
use crate::runtime::{Args, PyResult, Vm};

use super::bytes::{ByteArray, Bytes};
use super::slice::Slice;
use crate::stdlib::io::bytesio::BytesIO;

/// An item format of the struct-module syntax (native size, one item per element).
#[derive(Clone, Copy)]
struct Format {
    ch: char,
    size: usize,
}

impl Format {
    fn parse(text: &str) -> Option<Format> {
        let t = text.strip_prefix('@').unwrap_or(text);
        let mut chars = t.chars();
        let (Some(ch), None) = (chars.next(), chars.next()) else {
            return None;
        };
        let size = match ch {
            'c' | '?' | 'b' | 'B' => 1,
            'h' | 'H' => 2,
            'i' | 'I' | 'f' => 4,
            'l' | 'L' | 'q' | 'Q' | 'n' | 'N' | 'd' => 8,
            _ => return None,
        };
        Some(Format { ch, size })
    }

    /// Whether casts may go to or from this format (CPython allows only byte formats on
    /// one side of a cast).
    fn is_byte(self) -> bool {
        matches!(self.ch, 'B' | 'b' | 'c')
    }

    /// `(signed, bits)` of an integer format.
    fn int_kind(self) -> Option<(bool, u32)> {
        let signed = self.ch.is_ascii_lowercase();
        match self.ch {
            'b' | 'B' | 'h' | 'H' | 'i' | 'I' | 'l' | 'L' | 'q' | 'Q' | 'n' | 'N' => {
                Some((signed, 8 * self.size as u32))
            }
            _ => None,
        }
    }

    fn unpack(self, vm: &Vm, b: &[u8]) -> Value {
        let mut buf = [0u8; 8];
        buf[..self.size].copy_from_slice(&b[..self.size]);
        match self.ch {
            'c' => vm.new_bytes(vec![b[0]]).into(),
            '?' => Value::Bool(b[0] != 0),
            'f' => vm.new_float(f64::from(f32::from_ne_bytes([
                buf[0], buf[1], buf[2], buf[3],
            ]))),
            'd' => vm.new_float(f64::from_ne_bytes(buf)),
            _ => {
                let (signed, bits) = self.int_kind().unwrap_or((false, 8));
                let raw = u64::from_ne_bytes(buf);
                if signed {
                    let shift = 64 - bits;
                    Value::Int(((raw << shift) as i64) >> shift)
                } else {
                    match i64::try_from(raw) {
                        Ok(i) => Value::Int(i),
                        Err(_) => vm.new_int(num_bigint::BigInt::from(raw)),
                    }
                }
            }
        }
    }

    fn pack(self, vm: &Vm, v: &Value, out: &mut [u8]) -> PyResult<()> {
        let invalid_type =
            || vm.new_type_error(format!("memoryview: invalid type for format '{}'", self.ch));
        let invalid_value = || {
            vm.new_value_error(format!(
                "memoryview: invalid value for format '{}'",
                self.ch
            ))
        };
        match self.ch {
            'c' => match v.downcast::<Bytes>() {
                Some(b) if b.as_bytes().len() == 1 => out[0] = b.as_bytes()[0],
                _ => return Err(invalid_value()),
            },
            '?' => out[0] = u8::from(vm.is_true(v)?),
            'f' | 'd' => {
                if super::int::as_int(v).is_none() && !super::float::is_float(v) {
                    return Err(invalid_type());
                }
                let x = crate::stdlib::math::as_double(vm, v)?;
                if self.ch == 'f' {
                    out.copy_from_slice(&(x as f32).to_ne_bytes());
                } else {
                    out.copy_from_slice(&x.to_ne_bytes());
                }
            }
            _ => {
                let Some(n) = super::int::as_int(v) else {
                    return Err(invalid_type());
                };
                let (signed, bits) = self.int_kind().unwrap_or((false, 8));
                let n = n.to_big();
                let (lo, hi) = if signed {
                    (
                        -(num_bigint::BigInt::from(1) << (bits - 1)),
                        (num_bigint::BigInt::from(1) << (bits - 1)) - 1,
                    )
                } else {
                    (
                        num_bigint::BigInt::from(0),
                        (num_bigint::BigInt::from(1) << bits) - 1,
                    )
                };
                if *n < lo || *n > hi {
                    return Err(invalid_value());
                }
                let bits64: u64 = num_traits::ToPrimitive::to_i64(n.as_ref())
                    .map(|i| i as u64)
                    .or_else(|| num_traits::ToPrimitive::to_u64(n.as_ref()))
                    .unwrap_or(0);
                out.copy_from_slice(&bits64.to_ne_bytes()[..self.size]);
            }
        }
        Ok(())
    }
}

/// A `memoryview`: `len` items of `fmt`, item `k` at byte `offset + k * step * itemsize`
/// of the exporter's buffer.
pub struct MemoryView {
    obj: Value,
    fmt: Format,
    offset: i64,
    len: usize,
    step: i64,
    readonly: bool,
    released: Cell<bool>,
}

crate::payload!(MemoryView);

/// Runs `f` on the buffer of a bytes, bytearray or array.array (no Python code may run
/// inside `f`); `None` if `obj` exports no buffer.
fn with_buffer<R>(obj: &Value, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
    if let Some(b) = obj.downcast::<Bytes>() {
        return Some(f(b.as_bytes()));
    }
    if let Some(b) = obj.downcast::<ByteArray>() {
        return Some(b.with_mut(|d| f(d)));
    }
    if obj.downcast::<BytesIO>().is_some() {
        return crate::stdlib::io::bytesio::with_buffer(obj, |d| f(d));
    }
    crate::stdlib::array::with_buffer(obj, |d, _| f(d))
}

/// Like [`with_buffer`] for writing; `None` for read-only exporters.
fn with_buffer_mut<R>(obj: &Value, f: impl FnOnce(&mut [u8]) -> R) -> Option<R> {
    if let Some(b) = obj.downcast::<ByteArray>() {
        return Some(b.with_mut(|d| f(d)));
    }
    if obj.downcast::<BytesIO>().is_some() {
        return crate::stdlib::io::bytesio::with_buffer(obj, |d| f(d));
    }
    crate::stdlib::array::with_buffer(obj, |d, _| f(d))
}

/// A writable byte view of a BytesIO's whole buffer (`BytesIO.getbuffer()`; BytesIO
/// objects are not themselves bytes-like).
pub fn bytesio_view(vm: &Vm, obj: &Value) -> Value {
    let nbytes = with_buffer(obj, <[u8]>::len).unwrap_or(0);
    new_view(
        vm,
        MemoryView {
            obj: obj.clone(),
            fmt: Format { ch: 'B', size: 1 },
            offset: 0,
            len: nbytes,
            step: 1,
            readonly: false,
            released: Cell::new(false),
        },
    )
}

/// The bytes of any buffer exporter, memoryviews included (what `bytes(x)`, `b"".join`,
/// file writes and the like accept as "a bytes-like object").
pub fn buffer_bytes(vm: &Vm, v: &Value) -> Option<PyResult<Vec<u8>>> {
    if let Some(m) = v.downcast::<MemoryView>() {
        return Some(m.check(vm).and_then(|()| m.to_bytes(vm)));
    }
    if v.downcast::<BytesIO>().is_some() {
        return None;
    }
    with_buffer(v, <[u8]>::to_vec).map(Ok)
}

impl MemoryView {
    fn raw_bytes(&self) -> Option<Vec<u8>> {
        with_buffer(&self.obj, |buf| {
            let mut out = Vec::with_capacity(self.nbytes());
            for k in 0..self.len {
                out.extend_from_slice(&buf[self.item_range(k, buf.len())?]);
            }
            Some(out)
        })
        .flatten()
    }

    fn check(&self, vm: &Vm) -> PyResult<()> {
        if self.released.get() {
            return Err(vm.new_value_error("operation forbidden on released memoryview object"));
        }
        Ok(())
    }

    fn nbytes(&self) -> usize {
        self.len * self.fmt.size
    }

    /// The byte range of item `k`, when the exporter's buffer (which may have shrunk)
    /// still holds it.
    fn item_range(&self, k: usize, buf_len: usize) -> Option<std::ops::Range<usize>> {
        let start = self.offset + k as i64 * self.step * self.fmt.size as i64;
        let start = usize::try_from(start).ok()?;
        let end = start + self.fmt.size;
        (end <= buf_len).then_some(start..end)
    }

    fn to_bytes(&self, vm: &Vm) -> PyResult<Vec<u8>> {
        self.raw_bytes()
            .ok_or_else(|| vm.new_buffer_error("memoryview: underlying buffer has been resized"))
    }

    fn item(&self, vm: &Vm, k: usize) -> PyResult<Value> {
        let raw = with_buffer(&self.obj, |buf| {
            self.item_range(k, buf.len()).map(|r| buf[r].to_vec())
        })
        .flatten()
        .ok_or_else(|| vm.new_buffer_error("memoryview: underlying buffer has been resized"))?;
        Ok(self.fmt.unpack(vm, &raw))
    }

    fn items(&self, vm: &Vm) -> PyResult<Vec<Value>> {
        let data = self.to_bytes(vm)?;
        Ok(data
            .chunks_exact(self.fmt.size)
            .map(|c| self.fmt.unpack(vm, c))
            .collect())
    }

    fn write_item(&self, vm: &Vm, k: usize, raw: &[u8]) -> PyResult<()> {
        with_buffer_mut(&self.obj, |buf| {
            let r = self.item_range(k, buf.len())?;
            buf[r].copy_from_slice(raw);
            Some(())
        })
        .flatten()
        .ok_or_else(|| vm.new_buffer_error("memoryview: underlying buffer has been resized"))
    }
}

fn this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<MemoryView>> {
    v.downcast::<MemoryView>()
        .ok_or_else(|| vm.new_type_error("descriptor requires a 'memoryview' object"))
}

fn live<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<MemoryView>> {
    let m = this(vm, v)?;
    m.check(vm)?;
    Ok(m)
}

fn method<'a>(vm: &Vm, args: Args<'a>, name: &str) -> PyResult<(&'a Py<MemoryView>, Args<'a>)> {
    let (m, rest) = vm.method_self::<MemoryView>(args, name, "memoryview")?;
    m.check(vm)?;
    Ok((m, rest))
}

/// A view of the whole buffer of `obj`.
fn view_of(vm: &Vm, obj: &Value) -> PyResult<MemoryView> {
    if let Some(m) = obj.downcast::<MemoryView>() {
        m.check(vm)?;
        return Ok(MemoryView {
            obj: m.obj.clone(),
            fmt: m.fmt,
            offset: m.offset,
            len: m.len,
            step: m.step,
            readonly: m.readonly,
            released: Cell::new(false),
        });
    }
    let (fmt, readonly) = if obj.downcast::<Bytes>().is_some() {
        (Format { ch: 'B', size: 1 }, true)
    } else if obj.downcast::<ByteArray>().is_some() {
        (Format { ch: 'B', size: 1 }, false)
    } else if let Some(code) = crate::stdlib::array::with_buffer(obj, |_, code| code) {
        // 'u'/'w' arrays have no struct-syntax equivalent item; view their raw code points.
        let fmt = Format::parse(&code.to_string()).unwrap_or(Format { ch: 'I', size: 4 });
        (fmt, false)
    } else {
        return Err(vm.new_type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            vm.type_name(obj)
        )));
    };
    let nbytes = with_buffer(obj, <[u8]>::len).unwrap_or(0);
    Ok(MemoryView {
        obj: obj.clone(),
        fmt,
        offset: 0,
        len: nbytes / fmt.size,
        step: 1,
        readonly,
        released: Cell::new(false),
    })
}

fn new_view(vm: &Vm, view: MemoryView) -> Value {
    crate::object::core::alloc(&vm.types.memoryview, view).into()
}

fn memoryview_new(vm: &Vm, _cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    let [object] = args.bind(vm, "memoryview", ["object"], 1, 0)?;
    let view = view_of(vm, object.unwrap_or(&Value::None))?;
    Ok(new_view(vm, view))
}

fn mv_len(vm: &Vm, v: &Value) -> PyResult<usize> {
    Ok(live(vm, v)?.len)
}

fn mv_getitem(vm: &Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let m = live(vm, v)?;
    if let Some(s) = key.downcast::<Slice>() {
        let idx = s.indices(vm, m.len)?;
        let item_bytes = m.step * m.fmt.size as i64;
        return Ok(new_view(
            vm,
            MemoryView {
                obj: m.obj.clone(),
                fmt: m.fmt,
                offset: m.offset + idx.start * item_bytes,
                len: idx.len,
                step: m.step * idx.step,
                readonly: m.readonly,
                released: Cell::new(false),
            },
        ));
    }
    if key.downcast::<super::tuple::Tuple>().is_some() {
        return Err(vm.new_type_error("memoryview: invalid slice key"));
    }
    let k = item_index(vm, m, key)?;
    m.item(vm, k)
}

/// Resolves an integer subscript (negative counts from the end).
fn item_index(vm: &Vm, m: &MemoryView, key: &Value) -> PyResult<usize> {
    let Some(i) = vm.try_index(key)? else {
        return Err(vm.new_type_error("memoryview: invalid slice key"));
    };
    let n = m.len as i64;
    let i = num_traits::ToPrimitive::to_i64(i.as_ref())
        .ok_or_else(|| vm.new_index_error("cannot fit 'int' into an index-sized integer"))?;
    let j = if i < 0 { i + n } else { i };
    if !(0..n).contains(&j) {
        return Err(vm.new_index_error("index out of bounds on dimension 1"));
    }
    Ok(j as usize)
}

fn mv_setitem(vm: &Vm, v: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    let m = live(vm, v)?;
    if m.readonly {
        return Err(vm.new_type_error("cannot modify read-only memory"));
    }
    let Some(value) = value else {
        return Err(vm.new_type_error("cannot delete memory"));
    };
    if let Some(s) = key.downcast::<Slice>() {
        let idx = s.indices(vm, m.len)?;
        let src = view_of(vm, &value)?;
        if src.len != idx.len || src.fmt.ch != m.fmt.ch {
            return Err(vm.new_value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        // Copy first: source and destination may share the buffer.
        let data = src.to_bytes(vm)?;
        for (n, k) in idx.iter().enumerate() {
            m.write_item(vm, k, &data[n * m.fmt.size..(n + 1) * m.fmt.size])?;
        }
        return Ok(());
    }
    let k = item_index(vm, m, key)?;
    let mut raw = [0u8; 8];
    m.fmt.pack(vm, &value, &mut raw[..m.fmt.size])?;
    m.write_item(vm, k, &raw[..m.fmt.size])
}

fn mv_richcompare(vm: &Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.not_implemented());
    }
    let m = this(vm, a)?;
    if a.is(b) {
        return Ok(Value::Bool(op == CompareOp::Eq));
    }
    if m.released.get() {
        return Ok(Value::Bool(op == CompareOp::Ne));
    }
    let Ok(other) = view_of(vm, b) else {
        return Ok(vm.not_implemented());
    };
    let eq = if m.len != other.len {
        false
    } else if m.fmt.ch == other.fmt.ch && m.fmt.ch != 'f' && m.fmt.ch != 'd' {
        m.to_bytes(vm)? == other.to_bytes(vm)?
    } else {
        let (x, y) = (m.items(vm)?, other.items(vm)?);
        let mut all = true;
        for (p, q) in x.iter().zip(&y) {
            if !vm.eq_bool(p, q)? {
                all = false;
                break;
            }
        }
        all
    };
    Ok(Value::Bool(eq == (op == CompareOp::Eq)))
}

fn mv_hash(vm: &Vm, v: &Value) -> PyResult<i64> {
    let m = live(vm, v)?;
    if !m.readonly {
        return Err(vm.new_value_error("cannot hash writable memoryview object"));
    }
    if !m.fmt.is_byte() {
        return Err(
            vm.new_value_error("memoryview: hashing is restricted to formats 'B', 'b' or 'c'")
        );
    }
    Ok(crate::runtime::hash::hash_bytes(&m.to_bytes(vm)?))
}

fn mv_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let m = this(vm, v)?;
    let state = if m.released.get() { "released " } else { "" };
    Ok(vm
        .new_str(&format!("<{state}memory at {:#x}>", v.id()))
        .into())
}

fn mv_iter(vm: &Vm, v: &Value) -> PyResult<Value> {
    live(vm, v)?;
    Ok(super::iter::SeqIter::new_value(
        vm,
        &vm.types.memory_iterator,
        v.clone(),
    ))
}

fn mv_tobytes(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (m, rest) = method(vm, args, "tobytes")?;
    let [order] = rest.bind(vm, "tobytes", ["order"], 0, 0)?;
    if let Some(o) = order.filter(|o| !o.is_none()) {
        let o = vm.str_arg(o, "tobytes", "order")?;
        if !matches!(o.as_str(), "C" | "F" | "A") {
            return Err(vm.new_value_error("order must be 'C', 'F' or 'A'"));
        }
    }
    Ok(vm.new_bytes(m.to_bytes(vm)?).into())
}

fn mv_tolist(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (m, rest) = method(vm, args, "tolist")?;
    rest.none(vm, "tolist")?;
    Ok(vm.new_list(m.items(vm)?).into())
}

fn mv_hex(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (m, rest) = method(vm, args, "hex")?;
    let [sep, bytes_per_sep] = rest.bind(vm, "hex", ["sep", "bytes_per_sep"], 0, 0)?;
    let data = m.to_bytes(vm)?;
    Ok(vm
        .new_str(&hex_with_sep(vm, &data, sep, bytes_per_sep)?)
        .into())
}

/// `bytes.hex`-style hex digits, optionally grouped by `sep` every `bytes_per_sep` bytes
/// (counted from the right when positive, from the left when negative).
pub fn hex_with_sep(
    vm: &Vm,
    data: &[u8],
    sep: Option<&Value>,
    bytes_per_sep: Option<&Value>,
) -> PyResult<String> {
    let sep = match sep {
        None => None,
        Some(s) => {
            let text = if let Some(st) = s.downcast::<super::str::Str>() {
                st.to_lossy().into_owned()
            } else if let Some(b) = s.downcast::<Bytes>() {
                String::from_utf8_lossy(b.as_bytes()).into_owned()
            } else {
                return Err(vm.new_type_error("sep must be str or bytes."));
            };
            if text.chars().count() != 1 {
                return Err(vm.new_value_error("sep must be length 1."));
            }
            if !text.is_ascii() {
                return Err(vm.new_value_error("sep must be ASCII."));
            }
            Some(text)
        }
    };
    let group = match bytes_per_sep {
        Some(n) => vm.index_value(n)?,
        None => 1,
    };
    let mut out = String::with_capacity(data.len() * 3);
    let width = group.unsigned_abs() as usize;
    for (i, byte) in data.iter().enumerate() {
        if let Some(s) = &sep
            && i > 0
            && width > 0
        {
            let boundary = if group > 0 {
                (data.len() - i).is_multiple_of(width)
            } else {
                i.is_multiple_of(width)
            };
            if boundary {
                out.push_str(s);
            }
        }
        out.push_str(&format!("{byte:02x}"));
    }
    Ok(out)
}

fn mv_release(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (m, rest) = vm.method_self::<MemoryView>(args, "release", "memoryview")?;
    rest.none(vm, "release")?;
    m.released.set(true);
    Ok(Value::None)
}

fn mv_enter(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (m, rest) = method(vm, args, "__enter__")?;
    rest.none(vm, "__enter__")?;
    Ok(Value::from(m))
}

fn mv_exit(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (m, _) = vm.method_self::<MemoryView>(args, "__exit__", "memoryview")?;
    m.released.set(true);
    Ok(Value::None)
}

fn mv_cast(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (m, rest) = method(vm, args, "cast")?;
    let [format, shape] = rest.bind(vm, "cast", ["format", "shape"], 1, 0)?;
    let text = vm.str_arg(format.unwrap_or(&Value::None), "cast", "format")?;
    let Some(fmt) = Format::parse(&text) else {
        return Err(vm.new_value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    if m.step != 1 {
        return Err(vm.new_type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    if !fmt.is_byte() && !m.fmt.is_byte() {
        return Err(vm.new_type_error("memoryview: cannot cast between two non-byte formats"));
    }
    if !m.nbytes().is_multiple_of(fmt.size) {
        return Err(vm.new_type_error("memoryview: length is not a multiple of itemsize"));
    }
    let len = m.nbytes() / fmt.size;
    if let Some(shape) = shape.filter(|s| !s.is_none()) {
        let dims = vm.collect(shape)?;
        if dims.len() != 1 || vm.index_value(&dims[0])? != len as i64 {
            return Err(vm.new_type_error("memoryview: product(shape) * itemsize != buffer size"));
        }
    }
    Ok(new_view(
        vm,
        MemoryView {
            obj: m.obj.clone(),
            fmt,
            offset: m.offset,
            len,
            step: 1,
            readonly: m.readonly,
            released: Cell::new(false),
        },
    ))
}

fn mv_toreadonly(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (m, rest) = method(vm, args, "toreadonly")?;
    rest.none(vm, "toreadonly")?;
    let mut view = view_of(vm, &Value::from(m))?;
    view.readonly = true;
    Ok(new_view(vm, view))
}

fn mv_count(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (m, rest) = method(vm, args, "count")?;
    let value = rest.one(vm, "count")?;
    let mut n = 0;
    for item in m.items(vm)? {
        if vm.eq_bool(&item, value)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn mv_index(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (m, rest) = method(vm, args, "index")?;
    let vals = rest.range(vm, "index", 1, 3)?;
    let len = m.len as i64;
    let bound = |v: Option<&Value>, default: i64| -> PyResult<i64> {
        let Some(v) = v else { return Ok(default) };
        let i = vm.slice_index(v)?.unwrap_or(default);
        Ok(if i < 0 { (i + len).max(0) } else { i.min(len) })
    };
    let start = bound(vals.get(1), 0)?;
    let stop = bound(vals.get(2), len)?;
    for k in start..stop {
        if vm.eq_bool(&m.item(vm, k as usize)?, &vals[0])? {
            return Ok(Value::Int(k));
        }
    }
    Err(vm.new_value_error("memoryview.index(x): x not found"))
}

/// Fills in `memoryview`'s slots, methods and attributes.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.memoryview;
    let s = &t.slots;
    s.new.set(Some(memoryview_new));
    s.len.set(Some(mv_len));
    s.getitem.set(Some(mv_getitem));
    s.setitem.set(Some(mv_setitem));
    s.richcompare.set(Some(mv_richcompare));
    s.hash.set(Some(mv_hash));
    s.repr.set(Some(mv_repr));
    s.iter.set(Some(mv_iter));
    vm.add_methods(
        t,
        &[
            ("tobytes", mv_tobytes),
            ("tolist", mv_tolist),
            ("hex", mv_hex),
            ("release", mv_release),
            ("__enter__", mv_enter),
            ("__exit__", mv_exit),
            ("cast", mv_cast),
            ("toreadonly", mv_toreadonly),
            ("count", mv_count),
            ("index", mv_index),
        ],
    );
    vm.add_getset(t, "obj", |vm, v| Ok(live(vm, v)?.obj.clone()), None);
    vm.add_getset(
        t,
        "nbytes",
        |vm, v| Ok(Value::Int(live(vm, v)?.nbytes() as i64)),
        None,
    );
    vm.add_getset(
        t,
        "readonly",
        |vm, v| Ok(Value::Bool(live(vm, v)?.readonly)),
        None,
    );
    vm.add_getset(
        t,
        "itemsize",
        |vm, v| Ok(Value::Int(live(vm, v)?.fmt.size as i64)),
        None,
    );
    vm.add_getset(
        t,
        "format",
        |vm, v| Ok(vm.new_str(&live(vm, v)?.fmt.ch.to_string()).into()),
        None,
    );
    vm.add_getset(t, "ndim", |vm, v| live(vm, v).map(|_| Value::Int(1)), None);
    vm.add_getset(
        t,
        "shape",
        |vm, v| {
            let m = live(vm, v)?;
            Ok(vm.new_tuple(vec![Value::Int(m.len as i64)]).into())
        },
        None,
    );
    vm.add_getset(
        t,
        "strides",
        |vm, v| {
            let m = live(vm, v)?;
            Ok(vm
                .new_tuple(vec![Value::Int(m.step * m.fmt.size as i64)])
                .into())
        },
        None,
    );
    vm.add_getset(
        t,
        "suboffsets",
        |vm, v| live(vm, v).map(|_| vm.empty_tuple.clone().into()),
        None,
    );
    for name in ["c_contiguous", "f_contiguous", "contiguous"] {
        vm.add_getset(
            t,
            name,
            |vm, v| {
                let m = live(vm, v)?;
                Ok(Value::Bool(m.step == 1 || m.len <= 1))
            },
            None,
        );
    }
}
