//! The `json` module (with `json.decoder` and `json.encoder`): `dumps`/`dump`,
//! `loads`/`load`, `JSONEncoder` and `JSONDecoder` (subclassable: an overridden `default`
//! is honoured) and `JSONDecodeError`. Encoding and decoding are native (`encode.rs`,
//! `decode.rs`) and reproduce CPython's output formatting and error messages.

pub mod decode;
pub mod encode;

use crate::object::{Py, Type, Value};
use crate::runtime::{Args, PyErr, PyResult, Vm};
use crate::types::bytes::{ByteArray, Bytes};
use crate::types::module::Module;
use crate::types::str::Str;

fn decode_error_type(vm: &Vm) -> PyResult<Py<Type>> {
    vm.cached_type("json.decoder.JSONDecodeError", |vm| {
        let ns = vm.new_dict();
        ns.set_str(&vm.names.__module__, vm.new_str("json.decoder").into());
        let ty = crate::runtime::class::type_new(
            vm,
            &vm.types.type_,
            &vm.new_str("JSONDecodeError"),
            &[vm.exc.value_error.clone().into()],
            &ns,
            &[],
        )?;
        vm.add_methods(
            &ty,
            &[("__init__", error_init), ("__reduce__", error_reduce)],
        );
        crate::runtime::slot_dispatch::update_slots_recursive(vm, &ty);
        Ok(ty)
    })
}

/// `JSONDecodeError(msg, doc, pos)`.
fn error_init(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let Some((this, rest)) = args.split_self() else {
        return Err(vm.new_type_error("__init__ needs an argument"));
    };
    let [msg, doc, pos] = rest.bind(vm, "JSONDecodeError", ["msg", "doc", "pos"], 3, 0)?;
    let (msg, doc, pos) = (
        msg.cloned().unwrap_or(Value::None),
        doc.cloned().unwrap_or(Value::None),
        pos.cloned().unwrap_or(Value::None),
    );
    let p = vm.index_value(&pos)?;
    let (lineno, colno) = match doc.downcast::<Str>() {
        Some(d) => {
            let text = d.as_bytes();
            let upto = if d.is_ascii() {
                (p.max(0) as usize).min(text.len())
            } else {
                crate::stdlib::io::stringio::chars_to_bytes(text, p.max(0) as usize)
            };
            let before = &text[..upto];
            let lines = before.iter().filter(|&&c| c == b'\n').count() as i64;
            let col = match before.iter().rposition(|&c| c == b'\n') {
                Some(nl) => p - crate::stdlib::io::stringio::count_chars(&text[..nl]) as i64,
                None => p + 1,
            };
            (lines + 1, col)
        }
        None => (1, p + 1),
    };
    let text = format!(
        "{}: line {lineno} column {colno} (char {p})",
        vm.str(&msg)?.to_lossy()
    );
    vm.setattr(
        this,
        &vm.intern("args"),
        vm.new_tuple(vec![vm.new_str(&text).into()]).into(),
    )?;
    for (k, v) in [
        ("msg", msg),
        ("doc", doc),
        ("pos", pos),
        ("lineno", Value::Int(lineno)),
        ("colno", Value::Int(colno)),
    ] {
        vm.setattr(this, &vm.intern(k), v)?;
    }
    Ok(Value::None)
}

fn error_reduce(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let Some((this, _)) = args.split_self() else {
        return Err(vm.new_type_error("__reduce__ needs an argument"));
    };
    let get = |k: &str| vm.getattr(this, &vm.intern(k));
    let fields = vm.new_tuple(vec![get("msg")?, get("doc")?, get("pos")?]);
    Ok(vm
        .new_tuple(vec![this.class(vm).clone().into(), fields.into()])
        .into())
}

/// Builds a `JSONDecodeError` for a failure at byte offset `at` of `doc`.
fn decode_error(vm: &Vm, msg: &str, doc: &Py<Str>, at: usize) -> PyErr {
    let pos = decode::char_index(doc, at) as i64;
    let ty = match decode_error_type(vm) {
        Ok(t) => t,
        Err(e) => return e,
    };
    let cls: Value = ty.into();
    match vm.call_pos(
        &cls,
        &[vm.new_str(msg).into(), doc.clone().into(), Value::Int(pos)],
    ) {
        Ok(e) => match e.into_downcast::<crate::types::exception::BaseException>() {
            Ok(e) => PyErr::new(e),
            Err(_) => vm.new_value_error(msg.to_string()),
        },
        Err(e) => e,
    }
}

fn fail_to_err(vm: &Vm, f: decode::Fail, doc: &Py<Str>) -> PyErr {
    match f {
        decode::Fail::Py(e) => e,
        decode::Fail::At(msg, at) => decode_error(vm, msg, doc, at),
    }
}

/// `JSONDecoder.raw_decode`: (value, end as a code-point index).
fn raw_decode(
    vm: &Vm,
    doc: &Py<Str>,
    idx: usize,
    opts: &decode::Options,
) -> PyResult<(Value, usize)> {
    let mut d = decode::Decoder::new(vm, doc.as_bytes(), opts);
    match d.scan_once(idx) {
        Ok(Ok(r)) => Ok(r),
        Ok(Err(at)) => Err(decode_error(vm, "Expecting value", doc, at)),
        Err(f) => Err(fail_to_err(vm, f, doc)),
    }
}

/// `JSONDecoder.decode`: a whole document.
fn decode_doc(vm: &Vm, doc: &Py<Str>, opts: &decode::Options) -> PyResult<Value> {
    let mut d = decode::Decoder::new(vm, doc.as_bytes(), opts);
    let start = d.skip_ws(0);
    let (value, end) = match d.scan_once(start) {
        Ok(Ok(r)) => r,
        Ok(Err(at)) => return Err(decode_error(vm, "Expecting value", doc, at)),
        Err(f) => return Err(fail_to_err(vm, f, doc)),
    };
    let end = d.skip_ws(end);
    if end != doc.as_bytes().len() {
        return Err(decode_error(vm, "Extra data", doc, end));
    }
    Ok(value)
}

/// `json.detect_encoding` plus decoding of a bytes document.
fn bytes_document(vm: &Vm, b: &[u8]) -> PyResult<Py<Str>> {
    let (enc, skip) = if b.starts_with(&[0xEF, 0xBB, 0xBF]) {
        ("utf-8", 3)
    } else if b.starts_with(&[0xFF, 0xFE, 0, 0]) {
        ("utf-32-le", 4)
    } else if b.starts_with(&[0, 0, 0xFE, 0xFF]) {
        ("utf-32-be", 4)
    } else if b.starts_with(&[0xFF, 0xFE]) {
        ("utf-16-le", 2)
    } else if b.starts_with(&[0xFE, 0xFF]) {
        ("utf-16-be", 2)
    } else if b.len() >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0 {
        ("utf-32-be", 0)
    } else if b.len() >= 4 && b[1] == 0 && b[2] == 0 && b[3] == 0 {
        ("utf-32-le", 0)
    } else if b.len() >= 2 && b[0] == 0 {
        ("utf-16-be", 0)
    } else if b.len() >= 2 && b[1] == 0 {
        ("utf-16-le", 0)
    } else {
        ("utf-8", 0)
    };
    let data = &b[skip..];
    if enc == "utf-8" {
        return crate::runtime::codecs::decode(vm, data, "utf-8", "surrogatepass");
    }
    let width = if enc.starts_with("utf-32") { 4 } else { 2 };
    let big = enc.ends_with("be");
    if !data.len().is_multiple_of(width) {
        return Err(vm.new_exception(
            &vm.exc.unicode_decode_error,
            vec![
                vm.new_str(enc).into(),
                vm.new_bytes(b.to_vec()).into(),
                Value::Int((skip + data.len() / width * width) as i64),
                Value::Int(b.len() as i64),
                vm.new_str("truncated data").into(),
            ],
        ));
    }
    let units: Vec<u32> = data
        .chunks(width)
        .map(|c| {
            let mut v = 0u32;
            for k in 0..width {
                let byte = if big { c[k] } else { c[width - 1 - k] };
                v = (v << 8) | u32::from(byte);
            }
            v
        })
        .collect();
    let mut out = crate::text::wtf8::Wtf8Buf::new();
    let mut i = 0;
    while i < units.len() {
        let u = units[i];
        if width == 2
            && (0xD800..0xDC00).contains(&u)
            && let Some(&lo) = units.get(i + 1)
            && (0xDC00..0xE000).contains(&lo)
        {
            out.push_code_point(0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
            i += 2;
            continue;
        }
        out.push_code_point(if u > 0x10FFFF { 0xFFFD } else { u });
        i += 1;
    }
    Ok(vm.new_str_buf(out))
}

/// The document argument of `loads`: str, or bytes decoded by detected encoding.
fn document(vm: &Vm, s: &Value) -> PyResult<Py<Str>> {
    if let Some(st) = s.downcast::<Str>() {
        if st.as_bytes().starts_with("\u{feff}".as_bytes()) {
            return Err(decode_error(
                vm,
                "Unexpected UTF-8 BOM (decode using utf-8-sig)",
                st,
                0,
            ));
        }
        return Ok(st.clone());
    }
    if let Some(b) = s.downcast::<Bytes>() {
        return bytes_document(vm, b.as_bytes());
    }
    if let Some(b) = s.downcast::<ByteArray>() {
        return bytes_document(vm, &b.to_vec());
    }
    Err(vm.new_type_error(format!(
        "the JSON object must be str, bytes or bytearray, not {}",
        vm.type_name(s)
    )))
}

fn opt(v: Option<&Value>) -> Option<Value> {
    v.filter(|x| !x.is_none()).cloned()
}

/// `json.loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
/// parse_constant=None, object_pairs_hook=None, **kw)`.
fn f_loads(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    if args.pos().len() != 1 {
        return Err(vm.new_type_error(format!(
            "loads() takes 1 positional argument but {} were given",
            args.pos().len()
        )));
    }
    let doc = document(vm, &args.pos()[0])?;
    loads_with(vm, &doc, args)
}

fn loads_with(vm: &Vm, doc: &Py<Str>, args: Args<'_>) -> PyResult<Value> {
    let mut cls = None;
    let mut kw: Vec<(Py<Str>, Value)> = Vec::new();
    for (k, v) in args.kwargs() {
        if k.as_bytes() == b"cls" {
            cls = opt(Some(v));
        } else {
            kw.push((k.clone(), v.clone()));
        }
    }
    let decoder_type = decoder_type(vm)?;
    let plain = cls
        .as_ref()
        .is_none_or(|c| c.is(&decoder_type.clone().into()));
    if plain {
        let mut opts = decode::Options {
            strict: true,
            ..Default::default()
        };
        for (k, v) in &kw {
            let v = opt(Some(v));
            match k.as_bytes() {
                b"object_hook" => opts.object_hook = v,
                b"object_pairs_hook" => opts.object_pairs_hook = v,
                b"parse_float" => {
                    opts.parse_float = v.filter(|f| !f.is(&vm.types.float.clone().into()))
                }
                b"parse_int" => opts.parse_int = v.filter(|f| !f.is(&vm.types.int.clone().into())),
                b"parse_constant" => opts.parse_constant = v,
                b"strict" => opts.strict = v.map_or(Ok(false), |x| vm.is_true(&x))?,
                _ => {
                    return Err(vm.new_type_error(format!(
                        "JSONDecoder.__init__() got an unexpected keyword argument '{}'",
                        k.to_lossy()
                    )));
                }
            }
        }
        return decode_doc(vm, doc, &opts);
    }
    let cls = cls.unwrap_or(Value::None);
    let mut vals: Vec<Value> = Vec::new();
    let mut names = Vec::new();
    for (k, v) in kw {
        if !v.is_none() {
            names.push(Value::from(k));
            vals.push(v);
        }
    }
    let kwnames = vm.new_tuple(names);
    let decoder = vm.call(&cls, Args::new(&vals, Some(&kwnames)))?;
    vm.call_method(&decoder, &vm.intern("decode"), &[doc.clone().into()])
}

fn f_load(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    if args.pos().len() != 1 {
        return Err(vm.new_type_error(format!(
            "load() takes 1 positional argument but {} were given",
            args.pos().len()
        )));
    }
    let text = vm.call_method(&args.pos()[0], &vm.intern("read"), &[])?;
    let doc = document(vm, &text)?;
    loads_with(vm, &doc, args)
}

/// Reads a `JSONEncoder`'s settings from its attributes.
fn encoder_options(vm: &Vm, enc: &Value) -> PyResult<encode::Options> {
    let get = |k: &str| vm.getattr(enc, &vm.intern(k));
    let flag = |k: &str| -> PyResult<bool> { vm.is_true(&get(k)?) };
    let text = |v: &Value| -> PyResult<Vec<u8>> {
        match v.downcast::<Str>() {
            Some(s) => Ok(s.as_bytes().to_vec()),
            None => Err(vm.new_type_error(format!(
                "make_encoder() argument must be str, not {}",
                vm.type_name(v)
            ))),
        }
    };
    let indent = get("indent")?;
    let indent = if indent.is_none() {
        None
    } else if let Some(s) = indent.downcast::<Str>() {
        Some(s.as_bytes().to_vec())
    } else {
        let n = vm.index_value(&indent)?;
        Some(vec![b' '; n.max(0) as usize])
    };
    Ok(encode::Options {
        skipkeys: flag("skipkeys")?,
        ensure_ascii: flag("ensure_ascii")?,
        check_circular: flag("check_circular")?,
        allow_nan: flag("allow_nan")?,
        sort_keys: flag("sort_keys")?,
        indent,
        item_sep: text(&get("item_separator")?)?,
        key_sep: text(&get("key_separator")?)?,
        default: Some(get("default")?),
    })
}

fn run_encoder(vm: &Vm, obj: &Value, opts: &encode::Options) -> PyResult<Value> {
    let mut e = encode::Encoder::new(vm, opts);
    e.encode(obj, 0)?;
    let out = e.out;
    Ok(match std::str::from_utf8(&out) {
        Ok(s) => vm.new_str(s),
        Err(_) => vm.new_str_wtf8(crate::text::wtf8::Wtf8::from_bytes_unchecked(&out)),
    }
    .into())
}

/// Settings from keyword arguments given to `dumps` or `JSONEncoder()`.
fn options_from_kwargs(vm: &Vm, kw: &[(Py<Str>, Value)], who: &str) -> PyResult<encode::Options> {
    let mut o = encode::Options::default();
    let mut separators = None;
    let mut indent_given = false;
    for (k, v) in kw {
        let truth = || vm.is_true(v);
        match k.as_bytes() {
            b"skipkeys" => o.skipkeys = truth()?,
            b"ensure_ascii" => o.ensure_ascii = truth()?,
            b"check_circular" => o.check_circular = truth()?,
            b"allow_nan" => o.allow_nan = truth()?,
            b"sort_keys" => o.sort_keys = truth()?,
            b"default" => o.default = opt(Some(v)),
            b"separators" => separators = opt(Some(v)),
            b"indent" if !v.is_none() => {
                indent_given = true;
                o.indent = Some(if let Some(s) = v.downcast::<Str>() {
                    s.as_bytes().to_vec()
                } else {
                    vec![b' '; vm.index_value(v)?.max(0) as usize]
                });
            }
            b"indent" => {}
            _ => {
                return Err(vm.new_type_error(format!(
                    "{who}() got an unexpected keyword argument '{}'",
                    k.to_lossy()
                )));
            }
        }
    }
    if let Some(seps) = separators {
        let parts = vm.collect(&seps)?;
        if parts.len() != 2 {
            return Err(vm.new_value_error(format!(
                "too many values to unpack (expected 2, got {})",
                parts.len()
            )));
        }
        let text = |v: &Value| -> PyResult<Vec<u8>> {
            v.downcast::<Str>()
                .map(|s| s.as_bytes().to_vec())
                .ok_or_else(|| {
                    vm.new_type_error(format!(
                        "make_encoder() argument 6 must be str, not {}",
                        vm.type_name(v)
                    ))
                })
        };
        o.item_sep = text(&parts[0])?;
        o.key_sep = text(&parts[1])?;
    } else if indent_given {
        o.item_sep = b",".to_vec();
    }
    Ok(o)
}

fn encode_with(vm: &Vm, obj: &Value, kwargs: Args<'_>, who: &str) -> PyResult<Value> {
    let mut cls = None;
    let mut kw: Vec<(Py<Str>, Value)> = Vec::new();
    for (k, v) in kwargs.kwargs() {
        if k.as_bytes() == b"cls" {
            cls = opt(Some(v));
        } else {
            kw.push((k.clone(), v.clone()));
        }
    }
    let encoder_type = encoder_type(vm)?;
    match cls {
        Some(c) if !c.is(&encoder_type.clone().into()) => {
            let mut vals = Vec::new();
            let mut names = Vec::new();
            for (k, v) in kw {
                names.push(Value::from(k));
                vals.push(v);
            }
            let kwnames = vm.new_tuple(names);
            let enc = vm.call(&c, Args::new(&vals, Some(&kwnames)))?;
            vm.call_method(&enc, &vm.intern("encode"), std::slice::from_ref(obj))
        }
        _ => {
            let opts = options_from_kwargs(vm, &kw, who)?;
            run_encoder(vm, obj, &opts)
        }
    }
}

fn f_dumps(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    if args.pos().len() != 1 {
        return Err(vm.new_type_error(format!(
            "dumps() takes 1 positional argument but {} were given",
            args.pos().len()
        )));
    }
    let obj = args.pos()[0].clone();
    encode_with(vm, &obj, args, "JSONEncoder.__init__")
}

fn f_dump(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    if args.pos().len() != 2 {
        return Err(vm.new_type_error(format!(
            "dump() takes 2 positional arguments but {} were given",
            args.pos().len()
        )));
    }
    let (obj, fp) = (args.pos()[0].clone(), args.pos()[1].clone());
    let text = encode_with(vm, &obj, args, "JSONEncoder.__init__")?;
    vm.call_method(&fp, &vm.names.write, &[text])?;
    Ok(Value::None)
}

// --- JSONEncoder -----------------------------------------------------------------------------

fn enc_init(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let Some((this, rest)) = args.split_self() else {
        return Err(vm.new_type_error("__init__ needs an argument"));
    };
    if !rest.pos().is_empty() {
        return Err(vm.new_type_error(format!(
            "JSONEncoder.__init__() takes 1 positional argument but {} were given",
            rest.pos().len() + 1
        )));
    }
    let kw: Vec<(Py<Str>, Value)> = rest.kwargs().map(|(k, v)| (k.clone(), v.clone())).collect();
    let o = options_from_kwargs(vm, &kw, "JSONEncoder.__init__")?;
    let set = |k: &str, v: Value| vm.setattr(this, &vm.intern(k), v);
    set("skipkeys", Value::Bool(o.skipkeys))?;
    set("ensure_ascii", Value::Bool(o.ensure_ascii))?;
    set("check_circular", Value::Bool(o.check_circular))?;
    set("allow_nan", Value::Bool(o.allow_nan))?;
    set("sort_keys", Value::Bool(o.sort_keys))?;
    let indent = kw
        .iter()
        .find(|(k, _)| k.as_bytes() == b"indent")
        .map_or(Value::None, |(_, v)| v.clone());
    set("indent", indent)?;
    let text = |b: &[u8]| -> Value {
        vm.new_str_wtf8(crate::text::wtf8::Wtf8::from_bytes_unchecked(b))
            .into()
    };
    set("item_separator", text(&o.item_sep))?;
    set("key_separator", text(&o.key_sep))?;
    if let Some(d) = o.default {
        set("default", d)?;
    }
    Ok(Value::None)
}

fn enc_default(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "default", 2, 2)?;
    Err(encode::not_serializable(vm, &vals[1]))
}

fn enc_encode(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "encode", 2, 2)?;
    let opts = encoder_options(vm, &vals[0])?;
    run_encoder(vm, &vals[1], &opts)
}

fn enc_iterencode(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.pos();
    if vals.len() < 2 || vals.len() > 3 {
        return Err(vm.new_type_error("iterencode() takes 2 or 3 positional arguments"));
    }
    let opts = encoder_options(vm, &vals[0])?;
    let text = run_encoder(vm, &vals[1], &opts)?;
    vm.iter(&vm.new_list(vec![text]).into())
}

fn encoder_type(vm: &Vm) -> PyResult<Py<Type>> {
    vm.cached_type("json.encoder.JSONEncoder", |vm| {
        let ns = vm.new_dict();
        ns.set_str(&vm.names.__module__, vm.new_str("json.encoder").into());
        ns.set_str(&vm.intern("item_separator"), vm.new_str(", ").into());
        ns.set_str(&vm.intern("key_separator"), vm.new_str(": ").into());
        let ty = crate::runtime::class::type_new(
            vm,
            &vm.types.type_,
            &vm.new_str("JSONEncoder"),
            &[],
            &ns,
            &[],
        )?;
        vm.add_methods(
            &ty,
            &[
                ("__init__", enc_init),
                ("default", enc_default),
                ("encode", enc_encode),
                ("iterencode", enc_iterencode),
            ],
        );
        crate::runtime::slot_dispatch::update_slots_recursive(vm, &ty);
        Ok(ty)
    })
}

// --- JSONDecoder -----------------------------------------------------------------------------

fn dec_init(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let Some((this, rest)) = args.split_self() else {
        return Err(vm.new_type_error("__init__ needs an argument"));
    };
    if !rest.pos().is_empty() {
        return Err(vm.new_type_error(format!(
            "JSONDecoder.__init__() takes 1 positional argument but {} were given",
            rest.pos().len() + 1
        )));
    }
    let mut vals: Vec<(&str, Value)> = vec![
        ("object_hook", Value::None),
        ("parse_float", vm.types.float.clone().into()),
        ("parse_int", vm.types.int.clone().into()),
        ("parse_constant", Value::None),
        ("strict", Value::Bool(true)),
        ("object_pairs_hook", Value::None),
    ];
    for (k, v) in rest.kwargs() {
        let Some(slot) = vals.iter_mut().find(|(n, _)| n.as_bytes() == k.as_bytes()) else {
            return Err(vm.new_type_error(format!(
                "JSONDecoder.__init__() got an unexpected keyword argument '{}'",
                k.to_lossy()
            )));
        };
        let keep_default = v.is_none() && matches!(slot.0, "parse_float" | "parse_int");
        if !keep_default {
            slot.1 = v.clone();
        }
    }
    for (k, v) in vals {
        vm.setattr(this, &vm.intern(k), v)?;
    }
    Ok(Value::None)
}

fn decoder_options(vm: &Vm, dec: &Value) -> PyResult<decode::Options> {
    let get = |k: &str| vm.getattr(dec, &vm.intern(k));
    let pf = get("parse_float")?;
    let pi = get("parse_int")?;
    Ok(decode::Options {
        object_hook: opt(Some(&get("object_hook")?)),
        object_pairs_hook: opt(Some(&get("object_pairs_hook")?)),
        parse_float: (!pf.is(&vm.types.float.clone().into())).then_some(pf),
        parse_int: (!pi.is(&vm.types.int.clone().into())).then_some(pi),
        parse_constant: opt(Some(&get("parse_constant")?)),
        strict: vm.is_true(&get("strict")?)?,
    })
}

fn str_doc<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<Str>> {
    v.downcast::<Str>().ok_or_else(|| {
        vm.new_type_error(format!(
            "the JSON object must be str, not {}",
            vm.type_name(v)
        ))
    })
}

fn dec_decode(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "decode", 2, 2)?;
    let opts = decoder_options(vm, &vals[0])?;
    decode_doc(vm, str_doc(vm, &vals[1])?, &opts)
}

fn dec_raw_decode(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "raw_decode", 2, 3)?;
    let opts = decoder_options(vm, &vals[0])?;
    let doc = str_doc(vm, &vals[1])?;
    let idx = match vals.get(2) {
        Some(i) => vm.index_value(i)?,
        None => 0,
    };
    if idx < 0 {
        return Err(vm.new_value_error("idx cannot be negative"));
    }
    let byte = if doc.is_ascii() {
        (idx as usize).min(doc.as_bytes().len())
    } else {
        crate::stdlib::io::stringio::chars_to_bytes(doc.as_bytes(), idx as usize)
    };
    let (v, end) = raw_decode(vm, doc, byte, &opts)?;
    let end = decode::char_index(doc, end) as i64;
    Ok(vm.new_tuple(vec![v, Value::Int(end)]).into())
}

fn decoder_type(vm: &Vm) -> PyResult<Py<Type>> {
    vm.cached_type("json.decoder.JSONDecoder", |vm| {
        let ns = vm.new_dict();
        ns.set_str(&vm.names.__module__, vm.new_str("json.decoder").into());
        let ty = crate::runtime::class::type_new(
            vm,
            &vm.types.type_,
            &vm.new_str("JSONDecoder"),
            &[],
            &ns,
            &[],
        )?;
        vm.add_methods(
            &ty,
            &[
                ("__init__", dec_init),
                ("decode", dec_decode),
                ("raw_decode", dec_raw_decode),
            ],
        );
        crate::runtime::slot_dispatch::update_slots_recursive(vm, &ty);
        Ok(ty)
    })
}

fn f_encode_basestring(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let s = args.one(vm, "encode_basestring")?;
    let st = s.downcast::<Str>().ok_or_else(|| {
        vm.new_type_error(format!(
            "first argument must be a string, not {}",
            vm.type_name(s)
        ))
    })?;
    let mut out = Vec::new();
    encode::encode_string(&mut out, st.as_bytes(), false);
    Ok(vm
        .new_str_wtf8(crate::text::wtf8::Wtf8::from_bytes_unchecked(&out))
        .into())
}

fn f_encode_basestring_ascii(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let s = args.one(vm, "encode_basestring_ascii")?;
    let st = s.downcast::<Str>().ok_or_else(|| {
        vm.new_type_error(format!(
            "first argument must be a string, not {}",
            vm.type_name(s)
        ))
    })?;
    let mut out = Vec::new();
    encode::encode_string(&mut out, st.as_bytes(), true);
    Ok(vm
        .new_str_wtf8(crate::text::wtf8::Wtf8::from_bytes_unchecked(&out))
        .into())
}

fn init_module(vm: &Vm) -> PyResult<Py<Module>> {
    let m = vm.new_module("json");
    let error = decode_error_type(vm)?;
    let encoder = encoder_type(vm)?;
    let decoder = decoder_type(vm)?;
    for (name, f) in [
        ("dumps", f_dumps as crate::types::function::NativeFn),
        ("dump", f_dump),
        ("loads", f_loads),
        ("load", f_load),
    ] {
        vm.add_function(&m, name, f);
    }
    let d = m.dict();
    d.set_str(&vm.intern("JSONDecodeError"), error.clone().into());
    d.set_str(&vm.intern("JSONEncoder"), encoder.clone().into());
    d.set_str(&vm.intern("JSONDecoder"), decoder.clone().into());
    d.set_str(&vm.intern("__path__"), vm.new_list(vec![]).into());
    let all: Vec<Value> = [
        "dump",
        "dumps",
        "load",
        "loads",
        "JSONDecoder",
        "JSONDecodeError",
        "JSONEncoder",
    ]
    .iter()
    .map(|n| vm.new_str(n).into())
    .collect();
    d.set_str(&vm.names.__all__, vm.new_list(all).into());

    let dec = vm.new_module("json.decoder");
    dec.dict()
        .set_str(&vm.intern("JSONDecodeError"), error.into());
    dec.dict()
        .set_str(&vm.intern("JSONDecoder"), decoder.into());
    let enc = vm.new_module("json.encoder");
    enc.dict()
        .set_str(&vm.intern("JSONEncoder"), encoder.into());
    vm.add_function(&enc, "encode_basestring", f_encode_basestring);
    vm.add_function(&enc, "encode_basestring_ascii", f_encode_basestring_ascii);
    for (name, sub) in [("decoder", dec), ("encoder", enc)] {
        d.set_str(&vm.intern(name), sub.clone().into());
        vm.modules
            .set_str(&vm.intern(&format!("json.{name}")), sub.into());
    }
    Ok(m)
}

/// Registers `json`.
pub(crate) fn register(vm: &Vm) {
    vm.register_native_module("json", init_module);
}
