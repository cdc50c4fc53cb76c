//! `binascii` (base64 and hex conversions, crc32, `Error`/`Incomplete`) and `_rpybase64`,
//! the byte loops behind rpy's own `base64` module (`vm/lib/base64.py`): base32 and the
//! Ascii85/base85 codecs, which CPython writes in Python but which must stay fast on
//! megabyte inputs.

use crate::object::{Py, Type, Value};
use crate::runtime::{Args, PyErr, PyResult, Vm};
use crate::types::module::Module;
use crate::types::str::Str;

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn error(vm: &Vm, msg: impl Into<String>) -> PyErr {
    match vm.native_type("binascii.Error") {
        Ok(t) => vm.new_exception_msg(&t, msg.into()),
        Err(e) => e,
    }
}

/// The data of an `a2b_*` argument: bytes-like, or a str of ASCII characters.
fn ascii_data(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = v.downcast::<Str>() {
        if !s.is_ascii() {
            return Err(vm.new_value_error("string argument should contain only ASCII characters"));
        }
        return Ok(s.as_bytes().to_vec());
    }
    vm.bytes_like(v).map_err(|_| {
        vm.new_type_error(format!(
            "argument should be bytes, buffer or ASCII string, not '{}'",
            vm.type_name(v)
        ))
    })
}

fn b64_value(c: u8) -> Option<u32> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    } as u32)
}

/// Decodes base64 with CPython's rules: non-alphabet characters are skipped (errors in
/// strict mode) and decoding stops at complete padding.
fn decode_b64(data: &[u8], strict: bool) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 3);
    let mut quad = 0;
    let mut left = 0u32;
    let mut pads = 0;
    let mut padding_started = false;
    let mut ndata = 0usize;
    if strict && data.first() == Some(&b'=') {
        return Err("Leading padding not allowed".into());
    }
    for (i, &c) in data.iter().enumerate() {
        if c == b'=' {
            padding_started = true;
            pads += 1;
            if quad >= 2 && quad + pads >= 4 {
                if strict && i + 1 < data.len() {
                    return Err("Excess data after padding".into());
                }
                return Ok(out);
            }
            continue;
        }
        let Some(v) = b64_value(c) else {
            if strict {
                return Err("Only base64 data is allowed".into());
            }
            continue;
        };
        if strict && padding_started {
            return Err("Discontinuous padding not allowed".into());
        }
        pads = 0;
        ndata += 1;
        match quad {
            0 => {
                left = v;
                quad = 1;
            }
            1 => {
                out.push(((left << 2) | (v >> 4)) as u8);
                left = v & 0xf;
                quad = 2;
            }
            2 => {
                out.push(((left << 4) | (v >> 2)) as u8);
                left = v & 0x3;
                quad = 3;
            }
            _ => {
                out.push(((left << 6) | v) as u8);
                left = 0;
                quad = 0;
            }
        }
    }
    match quad {
        0 => Ok(out),
        1 => Err(format!(
            "Invalid base64-encoded string: number of data characters ({ndata}) cannot be 1 \
             more than a multiple of 4"
        )),
        _ => Err("Incorrect padding".into()),
    }
}

fn encode_b64(data: &[u8], newline: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        out.push(B64[(n >> 18) as usize & 63]);
        out.push(B64[(n >> 12) as usize & 63]);
        out.push(if chunk.len() > 1 {
            B64[(n >> 6) as usize & 63]
        } else {
            b'='
        });
        out.push(if chunk.len() > 2 {
            B64[n as usize & 63]
        } else {
            b'='
        });
    }
    if newline {
        out.push(b'\n');
    }
    out
}

fn a2b_base64(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [data, strict] = args.bind(vm, "a2b_base64", ["data", "strict_mode"], 1, 1)?;
    let data = ascii_data(vm, data.unwrap_or(&Value::None))?;
    let strict = match strict {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    match decode_b64(&data, strict) {
        Ok(out) => Ok(vm.new_bytes(out).into()),
        Err(msg) => Err(error(vm, msg)),
    }
}

fn b2a_base64(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [data, newline] = args.bind(vm, "b2a_base64", ["data", "newline"], 1, 1)?;
    let data = vm.bytes_like(data.unwrap_or(&Value::None))?;
    let newline = match newline {
        Some(v) => vm.is_true(v)?,
        None => true,
    };
    Ok(vm.new_bytes(encode_b64(&data, newline)).into())
}

fn hexlify(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [data, sep, per] = args.bind(vm, "hexlify", ["data", "sep", "bytes_per_sep"], 1, 0)?;
    let data = vm.bytes_like(data.unwrap_or(&Value::None))?;
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(v) => {
            let s = ascii_data(vm, v)?;
            if s.len() != 1 {
                return Err(vm.new_value_error("sep must be length 1."));
            }
            Some(s[0])
        }
    };
    let per = match per {
        Some(v) => vm.index_value(v)?,
        None => 1,
    };
    let mut out = Vec::with_capacity(data.len() * 3);
    let group = per.unsigned_abs() as usize;
    for (i, &b) in data.iter().enumerate() {
        if let Some(s) = sep
            && i > 0
            && group > 0
        {
            // Positive counts group from the right, negative from the left.
            let boundary = if per > 0 {
                (data.len() - i).is_multiple_of(group)
            } else {
                i.is_multiple_of(group)
            };
            if boundary {
                out.push(s);
            }
        }
        out.push(HEX[(b >> 4) as usize]);
        out.push(HEX[(b & 15) as usize]);
    }
    Ok(vm.new_bytes(out).into())
}

fn unhexlify(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let data = ascii_data(vm, args.one(vm, "unhexlify")?)?;
    if data.len() % 2 == 1 {
        return Err(error(vm, "Odd-length string"));
    }
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks(2) {
        let h = (pair[0] as char).to_digit(16);
        let l = (pair[1] as char).to_digit(16);
        match (h, l) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => return Err(error(vm, "Non-hexadecimal digit found")),
        }
    }
    Ok(vm.new_bytes(out).into())
}

fn crc32(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "crc32", 1, 2)?;
    let data = vm.bytes_like(&a[0])?;
    let start = match a.get(1) {
        Some(v) => {
            let n = vm.try_index(v)?.ok_or_else(|| {
                vm.new_type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(v)
                ))
            })?;
            let m: num_bigint::BigInt = n.into_owned() & num_bigint::BigInt::from(0xffff_ffffu32);
            num_traits::ToPrimitive::to_u32(&m).unwrap_or(0)
        }
        None => 0,
    };
    let mut crc = !start;
    for &b in &data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    Ok(Value::Int(i64::from(!crc)))
}

fn new_error_type(vm: &Vm, name: &str, base: &Py<Type>) -> PyResult<Py<Type>> {
    let ns = vm.new_dict();
    ns.set_str(&vm.names.__module__, vm.new_str("binascii").into());
    crate::runtime::class::type_new(
        vm,
        &vm.types.type_,
        &vm.new_str(name),
        &[base.clone().into()],
        &ns,
        &[],
    )
}

fn init_binascii(vm: &Vm) -> PyResult<Py<Module>> {
    let m = vm.new_module("binascii");
    let err = new_error_type(vm, "Error", &vm.exc.value_error)?;
    vm.register_native_type("binascii.Error", &err);
    m.dict().set_str(&vm.intern("Error"), err.into());
    let inc = new_error_type(vm, "Incomplete", &vm.exc.exception)?;
    m.dict().set_str(&vm.intern("Incomplete"), inc.into());
    vm.add_function(&m, "a2b_base64", a2b_base64);
    vm.add_function(&m, "b2a_base64", b2a_base64);
    vm.add_function(&m, "hexlify", hexlify);
    vm.add_function(&m, "b2a_hex", hexlify);
    vm.add_function(&m, "unhexlify", unhexlify);
    vm.add_function(&m, "a2b_hex", unhexlify);
    vm.add_function(&m, "crc32", crc32);
    Ok(m)
}

// ---- _rpybase64 ---------------------------------------------------------------------------

fn alphabet_arg(vm: &Vm, v: &Value, n: usize) -> PyResult<Vec<u8>> {
    let a = vm.bytes_like(v)?;
    if a.len() != n {
        return Err(vm.new_value_error("bad alphabet"));
    }
    Ok(a)
}

/// The two replacement characters for '+' and '/' (None: the standard alphabet).
fn altchars_arg(vm: &Vm, v: &Value) -> PyResult<Option<[u8; 2]>> {
    if matches!(v, Value::None) {
        return Ok(None);
    }
    let a = ascii_data(vm, v)?;
    if a.len() != 2 {
        let r = vm.repr(v)?;
        return Err(vm.new_exception_msg(&vm.exc.assertion_error, r.to_lossy().into_owned()));
    }
    Ok(Some([a[0], a[1]]))
}

/// `_b64encode(data, altchars)`.
fn b64encode(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "_b64encode", 2, 2)?;
    let data = vm.bytes_like(&a[0])?;
    let alt = altchars_arg(vm, &a[1])?;
    let mut out = encode_b64(&data, false);
    if let Some([p, s]) = alt {
        for c in &mut out {
            match *c {
                b'+' => *c = p,
                b'/' => *c = s,
                _ => {}
            }
        }
    }
    Ok(vm.new_bytes(out).into())
}

/// `_b64decode(data, altchars, strict)`: data is bytes or an ASCII str.
fn b64decode(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "_b64decode", 3, 3)?;
    let mut data = ascii_data(vm, &a[0])?;
    if let Some([p, s]) = altchars_arg(vm, &a[1])? {
        for c in &mut data {
            if *c == p {
                *c = b'+';
            } else if *c == s {
                *c = b'/';
            }
        }
    }
    match decode_b64(&data, vm.is_true(&a[2])?) {
        Ok(out) => Ok(vm.new_bytes(out).into()),
        Err(msg) => Err(error(vm, msg)),
    }
}

/// `_b16encode(data)`: upper-case hex.
fn b16encode(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let data = vm.bytes_like(args.one(vm, "_b16encode")?)?;
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = Vec::with_capacity(data.len() * 2);
    for b in data {
        out.push(HEX[(b >> 4) as usize]);
        out.push(HEX[(b & 15) as usize]);
    }
    Ok(vm.new_bytes(out).into())
}

/// `_b16decode(data, casefold)`: only upper-case digits unless `casefold`.
fn b16decode(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "_b16decode", 2, 2)?;
    let mut data = ascii_data(vm, &a[0])?;
    if vm.is_true(&a[1])? {
        data.make_ascii_uppercase();
    }
    if data.iter().any(|c| !matches!(c, b'0'..=b'9' | b'A'..=b'F')) {
        return Err(error(vm, "Non-base16 digit found"));
    }
    if data.len() % 2 == 1 {
        return Err(error(vm, "Odd-length string"));
    }
    let val = |c: u8| if c <= b'9' { c - b'0' } else { c - b'A' + 10 };
    let out = data.chunks(2).map(|p| val(p[0]) * 16 + val(p[1])).collect();
    Ok(vm.new_bytes(out).into())
}

/// `_a85wrap(encoded, wrapcol, adobe)`: Ascii85 framing: `<~ ~>` markers and line
/// wrapping at `wrapcol` columns (the end marker never overflows the last line).
fn a85wrap(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "_a85wrap", 3, 3)?;
    let enc = vm.bytes_like(&a[0])?;
    let wrapcol = vm.index_value(&a[1])?;
    let adobe = vm.is_true(&a[2])?;
    let mut result = Vec::with_capacity(enc.len() + enc.len() / 8 + 4);
    if adobe {
        result.extend_from_slice(b"<~");
    }
    result.extend_from_slice(&enc);
    if wrapcol != 0 {
        let width = wrapcol.max(if adobe { 2 } else { 1 }) as usize;
        let mut wrapped = Vec::with_capacity(result.len() + result.len() / width + 2);
        let mut last_len = 0;
        for (i, chunk) in result.chunks(width).enumerate() {
            if i > 0 {
                wrapped.push(b'\n');
            }
            wrapped.extend_from_slice(chunk);
            last_len = chunk.len();
        }
        if adobe && last_len + 2 > width {
            wrapped.push(b'\n');
        }
        result = wrapped;
    }
    if adobe {
        result.extend_from_slice(b"~>");
    }
    Ok(vm.new_bytes(result).into())
}

/// `_b32encode(alphabet, data)`.
fn b32encode(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "_b32encode", 2, 2)?;
    let alpha = alphabet_arg(vm, &a[0], 32)?;
    let data = vm.bytes_like(&a[1])?;
    let mut out = Vec::with_capacity(data.len().div_ceil(5) * 8);
    for chunk in data.chunks(5) {
        let mut buf = [0u8; 5];
        buf[..chunk.len()].copy_from_slice(chunk);
        let n = buf.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
        let used = match chunk.len() {
            1 => 2,
            2 => 4,
            3 => 5,
            4 => 7,
            _ => 8,
        };
        for k in 0..8 {
            if k < used {
                out.push(alpha[((n >> (35 - 5 * k)) & 31) as usize]);
            } else {
                out.push(b'=');
            }
        }
    }
    Ok(vm.new_bytes(out).into())
}

/// `_b32decode(alphabet, data, casefold, map01)`: data is bytes or an ASCII str; `map01`
/// (or None) is what the digit 1 stands for (0 is then the letter O).
fn b32decode(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "_b32decode", 4, 4)?;
    let alpha = alphabet_arg(vm, &a[0], 32)?;
    let mut data = ascii_data(vm, &a[1])?;
    if data.len() % 8 != 0 {
        return Err(error(vm, "Incorrect padding"));
    }
    if !matches!(a[3], Value::None) {
        let m = ascii_data(vm, &a[3])?;
        if m.len() != 1 {
            let r = vm.repr(&a[3])?;
            return Err(vm.new_exception_msg(&vm.exc.assertion_error, r.to_lossy().into_owned()));
        }
        for c in &mut data {
            match *c {
                b'0' => *c = b'O',
                b'1' => *c = m[0],
                _ => {}
            }
        }
    }
    if vm.is_true(&a[2])? {
        data.make_ascii_uppercase();
    }
    let mut rev = [255u8; 256];
    for (i, &c) in alpha.iter().enumerate() {
        rev[c as usize] = i as u8;
    }
    let stripped = data.iter().rev().take_while(|&&c| c == b'=').count();
    let body = &data[..data.len() - stripped];
    let mut out = Vec::with_capacity(data.len() / 8 * 5);
    for chunk in body.chunks(8) {
        let mut n: u64 = 0;
        for &c in chunk {
            let v = rev[c as usize];
            if v == 255 {
                return Err(error(vm, "Non-base32 digit found"));
            }
            n = (n << 5) | u64::from(v);
        }
        n <<= 5 * (8 - chunk.len());
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[3..8]);
    }
    if !data.is_empty() {
        let keep = match stripped {
            0 => 5,
            1 => 4,
            3 => 3,
            4 => 2,
            6 => 1,
            _ => return Err(error(vm, "Incorrect padding")),
        };
        let drop = 5 - keep;
        out.truncate(out.len() - drop);
    }
    Ok(vm.new_bytes(out).into())
}

/// `_85encode(data, alphabet, pad, foldnuls, foldspaces)`.
fn enc85(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "_85encode", 5, 5)?;
    let data = vm.bytes_like(&a[0])?;
    let alpha = alphabet_arg(vm, &a[1], 85)?;
    let pad = vm.is_true(&a[2])?;
    let foldnuls = vm.is_true(&a[3])?;
    let foldspaces = vm.is_true(&a[4])?;
    let padding = (4 - data.len() % 4) % 4;
    let mut out = Vec::with_capacity(data.len() / 4 * 5 + 5);
    for chunk in data.chunks(4) {
        let mut buf = [0u8; 4];
        buf[..chunk.len()].copy_from_slice(chunk);
        let word = u32::from_be_bytes(buf);
        if foldnuls && word == 0 {
            out.push(b'z');
            continue;
        }
        if foldspaces && word == 0x2020_2020 {
            out.push(b'y');
            continue;
        }
        let mut digits = [0u8; 5];
        let mut w = word;
        for k in (0..5).rev() {
            digits[k] = alpha[(w % 85) as usize];
            w /= 85;
        }
        out.extend_from_slice(&digits);
    }
    if padding > 0 && !pad {
        // The final group encoded padding zeros: drop their characters (a final group
        // folded into 'z' is first spelled out, as it is shortened afterwards).
        let cut = padding;
        if foldnuls && out.last() == Some(&b'z') {
            let n = out.len();
            out.truncate(n - 1);
            out.extend_from_slice(&[alpha[0]; 5]);
        }
        let n = out.len();
        out.truncate(n - cut);
    }
    Ok(vm.new_bytes(out).into())
}

/// `_85decode(data, alphabet, ascii85, foldspaces, ignorechars)`: Ascii85 (with 'z' and
/// optionally 'y' groups, skipping `ignorechars`) or base85.
fn dec85(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "_85decode", 5, 5)?;
    let data = vm.bytes_like(&a[0])?;
    let alpha = alphabet_arg(vm, &a[1], 85)?;
    let ascii85 = vm.is_true(&a[2])?;
    let y_ok = vm.is_true(&a[3])?;
    let ignore = vm.bytes_like(&a[4])?;
    let mut rev = [255u8; 256];
    for (i, &c) in alpha.iter().enumerate() {
        rev[c as usize] = i as u8;
    }
    let mut out = Vec::with_capacity(data.len() / 5 * 4 + 4);
    let mut group: Vec<u8> = Vec::with_capacity(5);
    let flush = |group: &[u8], out: &mut Vec<u8>, vm: &Vm, pos: usize| -> PyResult<()> {
        let mut acc: u64 = 0;
        for &d in group {
            acc = acc * 85 + u64::from(d);
        }
        for _ in group.len()..5 {
            acc = acc * 85 + 84;
        }
        if acc > u64::from(u32::MAX) {
            return Err(if ascii85 {
                vm.new_value_error("Ascii85 overflow")
            } else {
                vm.new_value_error(format!("base85 overflow in hunk starting at byte {pos}"))
            });
        }
        let bytes = (acc as u32).to_be_bytes();
        let keep = if group.len() == 5 { 4 } else { group.len() - 1 };
        out.extend_from_slice(&bytes[..keep]);
        Ok(())
    };
    let mut hunk_start = 0;
    for (i, &c) in data.iter().enumerate() {
        if ascii85 && c == b'z' {
            if !group.is_empty() {
                return Err(vm.new_value_error("z inside Ascii85 5-tuple"));
            }
            out.extend_from_slice(&[0; 4]);
            continue;
        }
        if ascii85 && c == b'y' && y_ok {
            if !group.is_empty() {
                return Err(vm.new_value_error("y inside Ascii85 5-tuple"));
            }
            out.extend_from_slice(b"    ");
            continue;
        }
        if ignore.contains(&c) {
            continue;
        }
        let v = rev[c as usize];
        if v == 255 {
            return Err(if ascii85 {
                vm.new_value_error(format!("Non-Ascii85 digit found: {}", c as char))
            } else {
                vm.new_value_error(format!("bad base85 character at position {i}"))
            });
        }
        if group.is_empty() {
            hunk_start = i;
        }
        group.push(v);
        if group.len() == 5 {
            flush(&group, &mut out, vm, hunk_start)?;
            group.clear();
        }
    }
    if !group.is_empty() {
        flush(&group, &mut out, vm, hunk_start)?;
    }
    Ok(vm.new_bytes(out).into())
}

fn init_base64(vm: &Vm) -> PyResult<Py<Module>> {
    let m = vm.new_module("_rpybase64");
    vm.add_function(&m, "_b64encode", b64encode);
    vm.add_function(&m, "_b64decode", b64decode);
    vm.add_function(&m, "_b16encode", b16encode);
    vm.add_function(&m, "_b16decode", b16decode);
    vm.add_function(&m, "_a85wrap", a85wrap);
    vm.add_function(&m, "_b32encode", b32encode);
    vm.add_function(&m, "_b32decode", b32decode);
    vm.add_function(&m, "_85encode", enc85);
    vm.add_function(&m, "_85decode", dec85);
    Ok(m)
}

/// Registers `binascii` and `_rpybase64`.
pub(crate) fn register(vm: &Vm) {
    vm.register_native_module("binascii", init_binascii);
    vm.register_native_module("_rpybase64", init_base64);
}
