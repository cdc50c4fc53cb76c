//! The `struct` module: packing Python values into bytes and back by format string
//! (`pack`, `unpack`, `pack_into`, `unpack_from`, `iter_unpack`, `calcsize`), the `Struct`
//! class and `struct.error`, with CPython's messages.

mod layout;

use std::cell::Cell;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::object::{Py, PyCell, Type, Value};
use crate::runtime::{Args, PyErr, PyResult, Vm};
use crate::types::bytes::{ByteArray, Bytes};
use crate::types::module::Module;
use crate::types::str::Str;

use layout::{Item, Kind, Layout};

fn error(vm: &Vm, msg: impl Into<String>) -> PyErr {
    match vm.native_type("struct.error") {
        Ok(t) => vm.new_exception_msg(&t, msg.into()),
        Err(e) => e,
    }
}

/// The format argument as bytes (str or bytes).
fn format_bytes(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = v.downcast::<Str>() {
        return Ok(s.as_bytes().to_vec());
    }
    if let Some(b) = v.downcast::<Bytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    Err(vm.new_type_error(format!(
        "Struct() argument 1 must be a str or bytes object, not {}",
        vm.type_name(v)
    )))
}

fn compile(vm: &Vm, fmt: &Value) -> PyResult<Layout> {
    let text = format_bytes(vm, fmt)?;
    layout::parse(&text).map_err(|m| error(vm, m))
}

/// An integer argument (`__index__` allowed), or struct.error.
fn int_arg(vm: &Vm, v: &Value) -> PyResult<BigInt> {
    match vm.try_index(v) {
        Ok(Some(b)) => Ok(b.into_owned()),
        Ok(None) => Err(error(vm, "required argument is not an integer")),
        Err(e) if e.matches(&vm.exc.type_error) => {
            Err(error(vm, "required argument is not an integer"))
        }
        Err(e) => Err(e),
    }
}

fn float_arg(vm: &Vm, v: &Value) -> PyResult<f64> {
    match crate::stdlib::math::as_double(vm, v) {
        Ok(f) => Ok(f),
        Err(e) if e.matches(&vm.exc.type_error) => {
            Err(error(vm, "required argument is not a float"))
        }
        Err(e) => Err(e),
    }
}

fn bytes_arg(v: &Value) -> Option<Vec<u8>> {
    if let Some(b) = v.downcast::<Bytes>() {
        return Some(b.as_bytes().to_vec());
    }
    v.downcast::<ByteArray>().map(|b| b.to_vec())
}

/// Packs one value into `out` (the item's bytes).
fn pack_item(vm: &Vm, item: &Item, v: &Value, out: &mut [u8], little: bool) -> PyResult<()> {
    let code = char::from(item.code);
    match item.kind {
        Kind::Pad => {}
        Kind::Char => match bytes_arg(v) {
            Some(b) if b.len() == 1 => out[0] = b[0],
            _ => return Err(error(vm, "char format requires a bytes object of length 1")),
        },
        Kind::Bool => out[0] = u8::from(vm.is_true(v)?),
        Kind::Int { signed } => {
            let n = int_arg(vm, v)?;
            let (lo, hi) = layout::int_range(signed, item.size);
            match n.to_i128().filter(|x| (lo..=hi).contains(x)) {
                Some(x) => layout::put_int(out, x, little),
                None => {
                    return Err(error(
                        vm,
                        format!("'{code}' format requires {lo} <= number <= {hi}"),
                    ));
                }
            }
        }
        Kind::Ptr => {
            let n = int_arg(vm, v)?;
            let x = n
                .to_i64()
                .map(|i| i128::from(i as u64))
                .or_else(|| n.to_u64().map(i128::from))
                .ok_or_else(|| vm.new_overflow_error("int too large to convert to pointer"))?;
            layout::put_int(out, x, little);
        }
        Kind::Float => {
            let x = float_arg(vm, v)?;
            let bits: u64 = match item.code {
                b'e' => u64::from(layout::f64_to_half(x).ok_or_else(|| {
                    vm.new_overflow_error("float too large to pack with e format")
                })?),
                b'f' => {
                    let f = x as f32;
                    if f.is_infinite() && !x.is_infinite() {
                        return Err(vm.new_overflow_error("float too large to pack with f format"));
                    }
                    u64::from(f.to_bits())
                }
                _ => x.to_bits(),
            };
            layout::put_int(out, i128::from(bits), little);
        }
        Kind::Str | Kind::Pascal => {
            let Some(b) = bytes_arg(v) else {
                return Err(error(
                    vm,
                    format!("argument for '{code}' must be a bytes object"),
                ));
            };
            if item.kind == Kind::Str {
                let n = b.len().min(out.len());
                out[..n].copy_from_slice(&b[..n]);
            } else if !out.is_empty() {
                let n = b.len().min(out.len() - 1).min(255);
                out[1..=n].copy_from_slice(&b[..n]);
                out[0] = n as u8;
            }
        }
    }
    Ok(())
}

fn pack_values(vm: &Vm, lay: &Layout, values: &[Value], out: &mut [u8]) -> PyResult<()> {
    if values.len() != lay.items.len() {
        return Err(error(
            vm,
            format!(
                "pack expected {} items for packing (got {})",
                lay.items.len(),
                values.len()
            ),
        ));
    }
    for (item, v) in lay.items.iter().zip(values) {
        let slot = &mut out[item.offset..item.offset + item.size];
        pack_item(vm, item, v, slot, lay.little)?;
    }
    Ok(())
}

fn unpack_item(vm: &Vm, item: &Item, data: &[u8], little: bool) -> Value {
    match item.kind {
        Kind::Pad => Value::None,
        Kind::Char => vm.new_bytes(data.to_vec()).into(),
        Kind::Bool => Value::Bool(data.iter().any(|&b| b != 0)),
        Kind::Int { signed } => {
            let x = layout::get_int(data, signed, little);
            match i64::try_from(x) {
                Ok(i) => Value::Int(i),
                Err(_) => vm.new_int(BigInt::from(x)),
            }
        }
        Kind::Ptr => {
            let x = layout::get_int(data, false, little);
            vm.new_int(BigInt::from(x))
        }
        Kind::Float => {
            let bits = layout::get_int(data, false, little) as u64;
            vm.new_float(match item.code {
                b'e' => layout::half_to_f64(bits as u16),
                b'f' => f64::from(f32::from_bits(bits as u32)),
                _ => f64::from_bits(bits),
            })
        }
        Kind::Str => vm.new_bytes(data.to_vec()).into(),
        Kind::Pascal => {
            let n = data
                .first()
                .map_or(0, |&n| usize::from(n).min(data.len().saturating_sub(1)));
            vm.new_bytes(data.get(1..=n).unwrap_or(&[]).to_vec()).into()
        }
    }
}

fn unpack_bytes(vm: &Vm, lay: &Layout, data: &[u8]) -> Value {
    let items: Vec<Value> = lay
        .items
        .iter()
        .map(|it| unpack_item(vm, it, &data[it.offset..it.offset + it.size], lay.little))
        .collect();
    vm.new_tuple(items).into()
}

/// The bytes of a readable buffer argument.
fn buffer(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_arg(v) {
        return Ok(b);
    }
    if let Some(a) = crate::stdlib::array::as_bytes(v) {
        return Ok(a);
    }
    Err(vm.new_type_error(format!(
        "a bytes-like object is required, not '{}'",
        vm.type_name(v)
    )))
}

fn do_pack(vm: &Vm, lay: &Layout, values: &[Value]) -> PyResult<Value> {
    let mut out = vec![0u8; lay.size];
    pack_values(vm, lay, values, &mut out)?;
    Ok(vm.new_bytes(out).into())
}

fn do_unpack(vm: &Vm, lay: &Layout, buf: &Value) -> PyResult<Value> {
    let data = buffer(vm, buf)?;
    if data.len() != lay.size {
        return Err(error(
            vm,
            format!("unpack requires a buffer of {} bytes", lay.size),
        ));
    }
    Ok(unpack_bytes(vm, lay, &data))
}

fn do_unpack_from(vm: &Vm, lay: &Layout, buf: &Value, offset: i64) -> PyResult<Value> {
    let data = buffer(vm, buf)?;
    let len = data.len() as i64;
    let size = lay.size as i64;
    let mut off = offset;
    if off < 0 {
        if off + size > 0 {
            return Err(error(
                vm,
                format!("not enough data to unpack {size} bytes at offset {off}"),
            ));
        }
        if off + len < 0 {
            return Err(error(
                vm,
                format!("offset {off} out of range for {len}-byte buffer"),
            ));
        }
        off += len;
    }
    if len - off < size {
        return Err(error(
            vm,
            format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {size} bytes \
                 at offset {off} (actual buffer size is {len})",
                size + off
            ),
        ));
    }
    let off = off as usize;
    Ok(unpack_bytes(vm, lay, &data[off..off + lay.size]))
}

fn do_pack_into(
    vm: &Vm,
    lay: &Layout,
    buf: &Value,
    offset: &Value,
    values: &[Value],
) -> PyResult<Value> {
    let Some(target) = buf.downcast::<ByteArray>() else {
        return Err(vm.new_type_error(format!(
            "argument must be read-write bytes-like object, not {}",
            vm.type_name(buf)
        )));
    };
    let mut packed = vec![0u8; lay.size];
    pack_values(vm, lay, values, &mut packed)?;
    let len = target.len() as i64;
    let size = lay.size as i64;
    let mut off = vm.index_value(offset)?;
    if off < 0 {
        if off + size > 0 {
            return Err(error(
                vm,
                format!("no space to pack {size} bytes at offset {off}"),
            ));
        }
        if off + len < 0 {
            return Err(error(
                vm,
                format!("offset {off} out of range for {len}-byte buffer"),
            ));
        }
        off += len;
    }
    if len - off < size {
        return Err(error(
            vm,
            format!(
                "pack_into requires a buffer of at least {} bytes for packing {size} bytes at \
                 offset {off} (actual buffer size is {len})",
                size + off
            ),
        ));
    }
    let off = off as usize;
    target.with_mut(|b| {
        if let Some(dst) = b.get_mut(off..off + packed.len()) {
            dst.copy_from_slice(&packed);
        }
    });
    Ok(Value::None)
}

// ---- module functions --------------------------------------------------------------------------

fn first_format<'a>(vm: &Vm, args: &Args<'a>, fname: &str) -> PyResult<(Layout, &'a [Value])> {
    args.no_kwargs(vm, fname)?;
    let Some((fmt, rest)) = args.pos().split_first() else {
        return Err(vm.new_type_error(format!(
            "{fname}() missing required argument 'format' (pos 1)"
        )));
    };
    Ok((compile(vm, fmt)?, rest))
}

fn pack(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (lay, rest) = first_format(vm, &args, "pack")?;
    do_pack(vm, &lay, rest)
}

fn pack_into(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (lay, rest) = first_format(vm, &args, "pack_into")?;
    if rest.len() < 2 {
        return Err(vm.new_type_error(if rest.is_empty() {
            "pack_into expected buffer argument"
        } else {
            "pack_into expected offset argument"
        }));
    }
    do_pack_into(vm, &lay, &rest[0], &rest[1], &rest[2..])
}

fn unpack(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.range(vm, "unpack", 2, 2)?;
    let lay = compile(vm, &v[0])?;
    do_unpack(vm, &lay, &v[1])
}

fn offset_arg(vm: &Vm, off: Option<&Value>) -> PyResult<i64> {
    match off {
        Some(o) => vm.index_value(o),
        None => Ok(0),
    }
}

fn unpack_from(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [fmt, buf, off] = args.bind(vm, "unpack_from", ["format", "buffer", "offset"], 2, 1)?;
    let lay = compile(vm, fmt.unwrap_or(&Value::None))?;
    do_unpack_from(vm, &lay, buf.unwrap_or(&Value::None), offset_arg(vm, off)?)
}

fn calcsize(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.one(vm, "calcsize")?;
    Ok(Value::Int(compile(vm, v)?.size as i64))
}

fn clearcache(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "_clearcache")?;
    Ok(Value::None)
}

// ---- unpack_iterator ---------------------------------------------------------------------------

/// The iterator `iter_unpack` returns.
pub struct UnpackIter {
    layout: Layout,
    data: Vec<u8>,
    pos: Cell<usize>,
}

crate::payload!(UnpackIter);

fn make_unpack_iter(vm: &Vm, lay: Layout, buf: &Value) -> PyResult<Value> {
    if lay.size == 0 {
        return Err(error(
            vm,
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    let data = buffer(vm, buf)?;
    if data.len() % lay.size != 0 {
        return Err(error(
            vm,
            format!(
                "iterative unpacking requires a buffer of a multiple of {} bytes",
                lay.size
            ),
        ));
    }
    let t = vm.native_type("struct.unpack_iterator")?;
    Ok(crate::object::core::alloc(
        &t,
        UnpackIter {
            layout: lay,
            data,
            pos: Cell::new(0),
        },
    )
    .into())
}

fn iter_unpack(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.range(vm, "iter_unpack", 2, 2)?;
    let lay = compile(vm, &v[0])?;
    make_unpack_iter(vm, lay, &v[1])
}

fn unpack_iter_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = v
        .downcast::<UnpackIter>()
        .ok_or_else(|| vm.new_type_error("expected unpack_iterator"))?;
    let pos = it.pos.get();
    if pos + it.layout.size > it.data.len() {
        return Ok(None);
    }
    it.pos.set(pos + it.layout.size);
    Ok(Some(unpack_bytes(
        vm,
        &it.layout,
        &it.data[pos..pos + it.layout.size],
    )))
}

fn unpack_iter_length_hint(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (it, _) = vm.method_self::<UnpackIter>(args, "__length_hint__", "unpack_iterator")?;
    let left = it.data.len().saturating_sub(it.pos.get());
    Ok(Value::Int((left / it.layout.size.max(1)) as i64))
}

// ---- Struct ------------------------------------------------------------------------------------

/// `struct.Struct(format)`.
pub struct StructObj {
    format: PyCell<Value>,
    layout: PyCell<Layout>,
}

crate::payload!(StructObj);

fn struct_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    let [fmt] = args.bind(vm, "Struct", ["format"], 1, 0)?;
    let fmt = fmt.cloned().unwrap_or(Value::None);
    let lay = compile(vm, &fmt)?;
    vm.alloc_instance(
        cls,
        StructObj {
            format: PyCell::new(format_str(vm, &fmt)?),
            layout: PyCell::new(lay),
        },
    )
}

fn struct_init(vm: &Vm, this: &Value, args: Args<'_>) -> PyResult<()> {
    // __new__ already parsed the format; a subclass __init__ may pass another one.
    if this.class(vm).is_heap() && args.npos() + args.nkw() == 1 {
        let s = payload(vm, this)?;
        let [fmt] = args.bind(vm, "Struct", ["format"], 1, 0)?;
        let fmt = fmt.cloned().unwrap_or(Value::None);
        let lay = compile(vm, &fmt)?;
        drop(s.format.replace(format_str(vm, &fmt)?));
        s.layout.with_mut(|l| *l = lay);
    }
    Ok(())
}

/// The `format` attribute: always a str.
fn format_str(vm: &Vm, fmt: &Value) -> PyResult<Value> {
    if fmt.downcast::<Str>().is_some() {
        return Ok(fmt.clone());
    }
    let b = format_bytes(vm, fmt)?;
    Ok(vm.new_str(&String::from_utf8_lossy(&b)).into())
}

fn payload<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<StructObj>> {
    v.downcast::<StructObj>()
        .ok_or_else(|| vm.new_type_error("expected a Struct"))
}

fn method<'a>(vm: &Vm, args: Args<'a>, name: &str) -> PyResult<(Layout, Args<'a>)> {
    let (s, rest) = vm.method_self::<StructObj>(args, name, "_struct.Struct")?;
    Ok((s.layout.with(Clone::clone), rest))
}

fn s_pack(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (lay, rest) = method(vm, args, "pack")?;
    rest.no_kwargs(vm, "pack")?;
    do_pack(vm, &lay, rest.pos())
}

fn s_pack_into(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (lay, rest) = method(vm, args, "pack_into")?;
    rest.no_kwargs(vm, "pack_into")?;
    let pos = rest.pos();
    if pos.len() < 2 {
        return Err(vm.new_type_error(if pos.is_empty() {
            "pack_into expected buffer argument"
        } else {
            "pack_into expected offset argument"
        }));
    }
    do_pack_into(vm, &lay, &pos[0], &pos[1], &pos[2..])
}

fn s_unpack(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (lay, rest) = method(vm, args, "unpack")?;
    let buf = rest.one(vm, "unpack")?;
    do_unpack(vm, &lay, buf)
}

fn s_unpack_from(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (lay, rest) = method(vm, args, "unpack_from")?;
    let [buf, off] = rest.bind(vm, "unpack_from", ["buffer", "offset"], 1, 0)?;
    do_unpack_from(vm, &lay, buf.unwrap_or(&Value::None), offset_arg(vm, off)?)
}

fn s_iter_unpack(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (lay, rest) = method(vm, args, "iter_unpack")?;
    let buf = rest.one(vm, "iter_unpack")?;
    make_unpack_iter(vm, lay, buf)
}

fn s_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let s = payload(vm, v)?;
    let f = vm.repr(&s.format.get())?;
    Ok(vm
        .new_str(&format!("{}({})", v.class(vm).name(), f.to_lossy()))
        .into())
}

/// Builds `struct`.
pub fn init(vm: &Vm) -> PyResult<Py<Module>> {
    let m = vm.new_module("struct");
    let d = m.dict();
    let ns = vm.new_dict();
    ns.set_str(&vm.names.__module__, vm.new_str("struct").into());
    let err = crate::runtime::class::type_new(
        vm,
        &vm.types.type_,
        &vm.new_str("error"),
        &[vm.exc.exception.clone().into()],
        &ns,
        &[],
    )?;
    vm.register_native_type("struct.error", &err);
    d.set_str(&vm.intern("error"), err.into());

    let st = crate::stdlib::typedef::new_type::<StructObj>(vm, "Struct", "_struct", None, true);
    st.slots.new.set(Some(struct_new));
    st.slots.init.set(Some(struct_init));
    st.slots.repr.set(Some(s_repr));
    vm.add_methods(
        &st,
        &[
            ("pack", s_pack),
            ("pack_into", s_pack_into),
            ("unpack", s_unpack),
            ("unpack_from", s_unpack_from),
            ("iter_unpack", s_iter_unpack),
        ],
    );
    vm.add_getset(
        &st,
        "format",
        |vm, v| Ok(payload(vm, v)?.format.get()),
        None,
    );
    vm.add_getset(
        &st,
        "size",
        |vm, v| Ok(Value::Int(payload(vm, v)?.layout.with(|l| l.size) as i64)),
        None,
    );
    crate::stdlib::typedef::finish_type(vm, &st);
    d.set_str(&vm.intern("Struct"), st.into());

    let ui = crate::stdlib::typedef::new_type::<UnpackIter>(
        vm,
        "unpack_iterator",
        "_struct",
        None,
        false,
    );
    ui.slots.iter.set(Some(|_, v| Ok(v.clone())));
    ui.slots.iternext.set(Some(unpack_iter_next));
    vm.add_methods(&ui, &[("__length_hint__", unpack_iter_length_hint)]);
    crate::stdlib::typedef::finish_type(vm, &ui);
    vm.register_native_type("struct.unpack_iterator", &ui);

    let funcs: &[(&'static str, crate::types::function::NativeFn)] = &[
        ("pack", pack),
        ("pack_into", pack_into),
        ("unpack", unpack),
        ("unpack_from", unpack_from),
        ("iter_unpack", iter_unpack),
        ("calcsize", calcsize),
        ("_clearcache", clearcache),
    ];
    for &(name, f) in funcs {
        vm.add_function(&m, name, f);
    }
    Ok(m)
}
