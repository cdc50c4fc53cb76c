//! printf-style `%`-formatting for `str` and for `bytes`/`bytearray`, with CPython's
//! conversions, flags and error messages. A bytes template is handled as Latin-1 text, so
//! both share one parser; the bytes flavour differs only in `%s`/`%b`, `%r`/`%a` and `%c`.

use crate::object::Value;
use crate::types::float::as_float;
use crate::types::int::{IntRef, as_int};
use crate::types::str::Str;

use super::format::{Spec, format_float, format_int, format_str, pad};
use super::{PyResult, Vm};

/// `template % args` for a str template.
pub fn percent_format(vm: &Vm, template: &Value, args: &Value) -> PyResult<Value> {
    let t = template
        .downcast::<Str>()
        .ok_or_else(|| vm.new_type_error("expected str"))?;
    let chars: Vec<char> = t.to_lossy().chars().collect();
    let out = render(vm, &chars, args, false)?;
    Ok(vm.new_str(&out).into())
}

/// `template % args` for a bytes or bytearray template: the result's bytes.
pub fn percent_format_bytes(vm: &Vm, template: &[u8], args: &Value) -> PyResult<Vec<u8>> {
    let chars: Vec<char> = template.iter().map(|&b| char::from(b)).collect();
    let out = render(vm, &chars, args, true)?;
    // Every piece of a bytes rendering is Latin-1 text (see `bytes_piece`).
    Ok(out.chars().map(|c| c as u32 as u8).collect())
}

fn latin1(data: &[u8]) -> String {
    data.iter().map(|&b| char::from(b)).collect()
}

/// The bytes `%s`/`%b` inserts: a bytes-like object's contents or `__bytes__`'s result.
fn bytes_of(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = crate::types::bytes_methods::buffer_of(vm, v) {
        return Ok(b);
    }
    if let Some(r) =
        crate::runtime::slot_dispatch::call_special(vm, v, &vm.intern("__bytes__"), &[])?
    {
        return crate::types::bytes_methods::buffer_of(vm, &r).ok_or_else(|| {
            vm.new_type_error(format!(
                "__bytes__ returned non-bytes (type {})",
                vm.type_name(&r)
            ))
        });
    }
    Err(vm.new_type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
        vm.type_name(v)
    )))
}

fn render(vm: &Vm, chars: &[char], args: &Value, bytes: bool) -> PyResult<String> {
    let tuple_args: Vec<Value> = match args.downcast::<crate::types::tuple::Tuple>() {
        Some(tup) => tup.as_slice().to_vec(),
        None => vec![args.clone()],
    };
    let is_tuple = args.downcast::<crate::types::tuple::Tuple>().is_some();
    let is_text = args.downcast::<Str>().is_some()
        || args.downcast::<crate::types::bytes::Bytes>().is_some()
        || args.downcast::<crate::types::bytes::ByteArray>().is_some();
    let mapping = (!is_tuple && !is_text && vm.mapping_check(args).is_some()).then_some(args);
    let mut next_arg = 0usize;
    let mut out = String::with_capacity(chars.len());
    let mut i = 0;
    let mut used_mapping = false;
    while i < chars.len() {
        if chars[i] != '%' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        i += 1;
        if i >= chars.len() {
            return Err(vm.new_value_error("incomplete format"));
        }
        let mut value: Option<Value> = None;
        if chars[i] == '(' {
            let Some(m) = mapping else {
                return Err(vm.new_type_error("format requires a mapping"));
            };
            let mut level = 1;
            let start = i + 1;
            let mut j = start;
            while j < chars.len() && level > 0 {
                match chars[j] {
                    '(' => level += 1,
                    ')' => level -= 1,
                    _ => {}
                }
                j += 1;
            }
            if level > 0 {
                return Err(vm.new_value_error("incomplete format key"));
            }
            let key_chars = &chars[start..j - 1];
            let key: Value = if bytes {
                vm.new_bytes(key_chars.iter().map(|&c| c as u32 as u8).collect())
                    .into()
            } else {
                vm.new_str(&key_chars.iter().collect::<String>()).into()
            };
            value = Some(vm.getitem(m, &key)?);
            used_mapping = true;
            i = j;
        }
        let mut spec = Spec::default();
        let mut left = false;
        while i < chars.len() && matches!(chars[i], '-' | '+' | ' ' | '#' | '0') {
            match chars[i] {
                '-' => left = true,
                '+' => spec.sign = Some('+'),
                ' ' => {
                    if spec.sign.is_none() {
                        spec.sign = Some(' ');
                    }
                }
                '#' => spec.alt = true,
                _ => spec.zero = true,
            }
            i += 1;
        }
        let mut take_arg = |vm: &Vm| -> PyResult<Value> {
            let v = tuple_args
                .get(next_arg)
                .cloned()
                .ok_or_else(|| vm.new_type_error("not enough arguments for format string"))?;
            next_arg += 1;
            Ok(v)
        };
        if i < chars.len() && chars[i] == '*' {
            let w = vm.index_value(&take_arg(vm)?)?;
            if w < 0 {
                left = true;
            }
            spec.width = Some(w.unsigned_abs() as usize);
            i += 1;
        } else {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i > start {
                spec.width = chars[start..i].iter().collect::<String>().parse().ok();
            }
        }
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            if i < chars.len() && chars[i] == '*' {
                let p = vm.index_value(&take_arg(vm)?)?;
                spec.precision = Some(p.max(0) as usize);
                i += 1;
            } else {
                let start = i;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                spec.precision = Some(
                    chars[start..i]
                        .iter()
                        .collect::<String>()
                        .parse()
                        .unwrap_or(0),
                );
            }
        }
        while i < chars.len() && matches!(chars[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        if i >= chars.len() {
            return Err(vm.new_value_error("incomplete format"));
        }
        let conv = chars[i];
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let v = match value {
            Some(v) => v,
            None => take_arg(vm)?,
        };
        if left {
            spec.align = Some('<');
            spec.zero = false;
        } else if spec.zero {
            spec.align = Some('=');
            spec.fill = Some('0');
        } else {
            spec.align = Some('>');
        }
        let piece = match conv {
            's' | 'b' if bytes => text_piece(vm, &latin1(&bytes_of(vm, &v)?), &spec)?,
            'r' | 'a' if bytes => text_piece(vm, &vm.ascii(&v)?.to_lossy(), &spec)?,
            's' | 'r' | 'a' => {
                let s = match conv {
                    's' => vm.str(&v)?,
                    'r' => vm.repr(&v)?,
                    _ => vm.ascii(&v)?,
                };
                text_piece(vm, &s.to_lossy(), &spec)?
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => match v {
                // An immediate int needs no conversion and no big int.
                Value::Int(n) if spec.precision.is_none() => {
                    format_int(vm, IntRef::Small(n), &int_spec(&spec, conv))?
                }
                _ => {
                    let n = percent_int(vm, &v, conv)?;
                    int_piece(vm, &n, conv, &spec)?
                }
            },
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let f = match as_float(&v) {
                    Some(f) => f,
                    None => match as_int(&v) {
                        Some(n) => crate::types::float::int_as_f64(vm, n)?,
                        None => {
                            crate::types::float_type::float_from_value(vm, &v).map_err(|_| {
                                vm.new_type_error(format!(
                                    "must be real number, not {}",
                                    vm.type_name(&v)
                                ))
                            })?
                        }
                    },
                };
                let mut sp = spec.clone();
                sp.ty = Some(conv);
                if sp.precision.is_none() {
                    sp.precision = Some(6);
                }
                format_float(vm, f, &sp)?
            }
            'c' => {
                let c = if bytes {
                    byte_char(vm, &v)?
                } else {
                    text_char(vm, &v)?
                };
                let mut sp = spec.clone();
                sp.sign = None;
                sp.fill = None;
                if sp.align == Some('=') {
                    sp.align = Some('>');
                }
                pad(&sp, "", "", &c.to_string(), '>')
            }
            other => {
                return Err(vm.new_value_error(format!(
                    "unsupported format character '{other}' (0x{:x}) at index {}",
                    other as u32,
                    i - 1
                )));
            }
        };
        out.push_str(&piece);
    }
    if !used_mapping && mapping.is_none() && next_arg < tuple_args.len() {
        let what = if bytes { "bytes" } else { "string" };
        return Err(vm.new_type_error(format!(
            "not all arguments converted during {what} formatting"
        )));
    }
    Ok(out)
}

/// `%s`-style text padded to the width and cut to the precision.
fn text_piece(vm: &Vm, text: &str, spec: &Spec) -> PyResult<String> {
    let mut sp = spec.clone();
    sp.sign = None;
    sp.alt = false;
    sp.fill = None;
    if sp.align == Some('=') {
        sp.align = Some('>');
    }
    format_str(vm, &Str::from_str(text), &sp)
}

/// The format spec of `%d`/`%x`/`%o` without a precision.
fn int_spec(spec: &Spec, conv: char) -> Spec {
    let mut sp = spec.clone();
    if matches!(conv, 'x' | 'X' | 'o') {
        sp.ty = Some(conv);
    }
    sp
}

/// `%d`/`%x`/`%o`: a precision is a minimum digit count, zero-padded inside the sign and
/// the `0x`/`0o` prefix.
fn int_piece(vm: &Vm, n: &num_bigint::BigInt, conv: char, spec: &Spec) -> PyResult<String> {
    let Some(p) = spec.precision else {
        return format_int(vm, IntRef::Big(n), &int_spec(spec, conv));
    };
    let mag = n.magnitude();
    let mut digits = match conv {
        'x' => mag.to_str_radix(16),
        'X' => mag.to_str_radix(16).to_ascii_uppercase(),
        'o' => mag.to_str_radix(8),
        _ => mag.to_str_radix(10),
    };
    if digits.len() < p {
        digits = "0".repeat(p - digits.len()) + &digits;
    }
    let sign = if n.sign() == num_bigint::Sign::Minus {
        "-".to_string()
    } else {
        spec.sign.map(String::from).unwrap_or_default()
    };
    let prefix = match conv {
        'x' if spec.alt => "0x",
        'X' if spec.alt => "0X",
        'o' if spec.alt => "0o",
        _ => "",
    };
    let mut sp = spec.clone();
    sp.precision = None;
    Ok(pad(&sp, &sign, prefix, &digits, '>'))
}

fn text_char(vm: &Vm, v: &Value) -> PyResult<char> {
    if let Some(s) = v.downcast::<Str>() {
        if s.char_len() != 1 {
            return Err(vm.new_type_error(format!(
                "%c requires an int or a unicode character, not a string of length {}",
                s.char_len()
            )));
        }
        return Ok(char::from_u32(s.char_at(0)).unwrap_or('\u{FFFD}'));
    }
    let n = vm.index_value(v).map_err(|_| {
        vm.new_type_error(format!(
            "%c requires an int or a unicode character, not {}",
            vm.type_name(v)
        ))
    })?;
    u32::try_from(n)
        .ok()
        .and_then(char::from_u32)
        .ok_or_else(|| vm.new_overflow_error("%c arg not in range(0x110000)"))
}

fn byte_char(vm: &Vm, v: &Value) -> PyResult<char> {
    if let Some(b) = crate::types::bytes_methods::buffer_of(vm, v) {
        if b.len() != 1 {
            return Err(vm.new_type_error(format!(
                "%c requires an integer in range(256) or a single byte, not a bytes object of length {}",
                b.len()
            )));
        }
        return Ok(char::from(b[0]));
    }
    let n = vm.index_value(v).map_err(|_| {
        vm.new_type_error(format!(
            "%c requires an integer in range(256) or a single byte, not {}",
            vm.type_name(v)
        ))
    })?;
    u8::try_from(n)
        .map(char::from)
        .map_err(|_| vm.new_overflow_error("%c arg not in range(256)"))
}

fn percent_int(vm: &Vm, v: &Value, conv: char) -> PyResult<num_bigint::BigInt> {
    if let Some(i) = as_int(v) {
        return Ok(i.big().into_owned());
    }
    if let Some(f) = as_float(v)
        && matches!(conv, 'd' | 'i' | 'u')
    {
        let r = crate::types::float::float_to_int(vm, f)?;
        return Ok(as_int(&r).map(|i| i.big().into_owned()).unwrap_or_default());
    }
    if let Some(b) = vm.try_index(v)? {
        return Ok(b.into_owned());
    }
    // Only numbers convert (PyNumber_Check): `%d` of a str or bytes is a TypeError.
    let slots = &v.class(vm).slots;
    let is_number =
        slots.int.get().is_some() || slots.float.get().is_some() || slots.index.get().is_some();
    if matches!(conv, 'd' | 'i' | 'u')
        && is_number
        && let Ok(r) = crate::types::int_type::int_from_value(vm, v)
        && let Some(i) = as_int(&r)
    {
        return Ok(i.big().into_owned());
    }
    Err(vm.new_type_error(format!(
        "%{conv} format: {} is required, not {}",
        if matches!(conv, 'd' | 'i' | 'u') {
            "a real number"
        } else {
            "an integer"
        },
        vm.type_name(v)
    )))
}
