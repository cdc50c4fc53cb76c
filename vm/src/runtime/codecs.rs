//! Text codecs the core needs: UTF-8 (with surrogate handling), ASCII and Latin-1, with
//! CPython's error handlers `strict`, `replace`, `ignore`, `surrogateescape` and
//! `surrogatepass`. Other codecs raise `LookupError("unknown encoding: ...")`.

use crate::object::{Py, Value};
use crate::text::wtf8::Wtf8Buf;
use crate::types::str::Str;

use super::{PyResult, Vm};

/// Normalizes an encoding name as CPython's codec lookup does (lower case, `-`/` ` to `_`).
pub fn normalize(name: &str) -> String {
    let lower = name.trim().to_ascii_lowercase().replace(['-', ' '], "_");
    match lower.as_str() {
        "utf8" | "utf_8" | "u8" | "utf" | "cp65001" => "utf_8".into(),
        "ascii" | "us_ascii" | "646" => "ascii".into(),
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" => {
            "latin_1".into()
        }
        other => other.into(),
    }
}

fn decode_error(
    vm: &Vm,
    encoding: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
) -> super::PyErr {
    let args = vec![
        vm.new_str(encoding).into(),
        vm.new_bytes(data.to_vec()).into(),
        Value::Int(start as i64),
        Value::Int(end as i64),
        vm.new_str(reason).into(),
    ];
    vm.new_exception(&vm.exc.unicode_decode_error, args)
}

fn encode_error(
    vm: &Vm,
    encoding: &str,
    s: &Py<Str>,
    start: usize,
    end: usize,
    reason: &str,
) -> super::PyErr {
    let args = vec![
        vm.new_str(encoding).into(),
        s.clone().into(),
        Value::Int(start as i64),
        Value::Int(end as i64),
        vm.new_str(reason).into(),
    ];
    vm.new_exception(&vm.exc.unicode_encode_error, args)
}

/// `bytes.decode(encoding, errors)`.
pub fn decode(vm: &Vm, data: &[u8], encoding: &str, errors: &str) -> PyResult<Py<Str>> {
    let enc = normalize(encoding);
    let mut out = Wtf8Buf::with_capacity(data.len());
    match enc.as_str() {
        "utf_8" => {
            let mut i = 0;
            while i < data.len() {
                match std::str::from_utf8(&data[i..]) {
                    Ok(s) => {
                        out.push_str(s);
                        break;
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        // SAFETY-free: the prefix is valid UTF-8 by construction.
                        out.push_str(std::str::from_utf8(&data[i..i + good]).unwrap_or(""));
                        i += good;
                        let bad = e.error_len().unwrap_or(data.len() - i);
                        // surrogatepass accepts encoded surrogates (ED A0..BF xx).
                        if errors == "surrogatepass"
                            && data.len() >= i + 3
                            && data[i] == 0xED
                            && (0xA0..=0xBF).contains(&data[i + 1])
                            && (0x80..=0xBF).contains(&data[i + 2])
                        {
                            let cp = 0xD000
                                | (u32::from(data[i + 1] & 0x3F) << 6)
                                | u32::from(data[i + 2] & 0x3F);
                            out.push_code_point(cp);
                            i += 3;
                            continue;
                        }
                        let reason = if e.error_len().is_none() {
                            "unexpected end of data"
                        } else if data[i] >= 0x80 && data[i] < 0xC2 || data[i] > 0xF4 {
                            "invalid start byte"
                        } else {
                            "invalid continuation byte"
                        };
                        match errors {
                            "strict" => {
                                return Err(decode_error(vm, "utf-8", data, i, i + bad, reason));
                            }
                            "ignore" => {}
                            "replace" => out.push_char('\u{FFFD}'),
                            "surrogateescape" => {
                                for &b in &data[i..i + bad] {
                                    out.push_code_point(0xDC00 + u32::from(b));
                                }
                            }
                            "backslashreplace" => {
                                for &b in &data[i..i + bad] {
                                    out.push_str(&format!("\\x{b:02x}"));
                                }
                            }
                            other => {
                                return Err(vm.new_lookup_error(format!(
                                    "unknown error handler name '{other}'"
                                )));
                            }
                        }
                        i += bad;
                    }
                }
            }
        }
        "ascii" => {
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push_char(b as char);
                    continue;
                }
                match errors {
                    "strict" => {
                        return Err(decode_error(
                            vm,
                            "ascii",
                            data,
                            i,
                            i + 1,
                            "ordinal not in range(128)",
                        ));
                    }
                    "ignore" => {}
                    "replace" => out.push_char('\u{FFFD}'),
                    "surrogateescape" => out.push_code_point(0xDC00 + u32::from(b)),
                    _ => out.push_str(&format!("\\x{b:02x}")),
                }
            }
        }
        "latin_1" => {
            for &b in data {
                out.push_code_point(u32::from(b));
            }
        }
        _ => return Err(vm.new_lookup_error(format!("unknown encoding: {encoding}"))),
    }
    Ok(vm.new_str_buf(out))
}

/// `str.encode(encoding, errors)`.
pub fn encode(vm: &Vm, s: &Py<Str>, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let enc = normalize(encoding);
    let mut out = Vec::with_capacity(s.as_bytes().len());
    let (limit, name) = match enc.as_str() {
        "utf_8" => (u32::MAX, "utf-8"),
        "ascii" => (0x80, "ascii"),
        "latin_1" => (0x100, "latin-1"),
        _ => return Err(vm.new_lookup_error(format!("unknown encoding: {encoding}"))),
    };
    if enc == "utf_8" && s.as_str().is_some() {
        return Ok(s.as_bytes().to_vec());
    }
    for (i, cp) in s.code_points().enumerate() {
        let is_surrogate = (0xD800..=0xDFFF).contains(&cp);
        if cp < limit && !is_surrogate {
            if enc == "utf_8" {
                let mut buf = [0u8; 4];
                if let Some(c) = char::from_u32(cp) {
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
            } else {
                out.push(cp as u8);
            }
            continue;
        }
        match errors {
            "strict" => {
                let reason = if enc == "utf_8" {
                    "surrogates not allowed".to_string()
                } else {
                    format!("ordinal not in range({limit})")
                };
                // The error covers the whole run of unencodable characters, as CPython's.
                let run = s
                    .code_points()
                    .skip(i)
                    .take_while(|&c| c >= limit || (0xD800..=0xDFFF).contains(&c))
                    .count();
                return Err(encode_error(vm, name, s, i, i + run, &reason));
            }
            "ignore" => {}
            "replace" => out.push(b'?'),
            "surrogateescape" if (0xDC80..=0xDCFF).contains(&cp) => out.push((cp - 0xDC00) as u8),
            "surrogatepass" if enc == "utf_8" && is_surrogate => {
                out.push(0xE0 | (cp >> 12) as u8);
                out.push(0x80 | ((cp >> 6) & 0x3F) as u8);
                out.push(0x80 | (cp & 0x3F) as u8);
            }
            "backslashreplace" => {
                let esc = if cp <= 0xff {
                    format!("\\x{cp:02x}")
                } else if cp <= 0xffff {
                    format!("\\u{cp:04x}")
                } else {
                    format!("\\U{cp:08x}")
                };
                out.extend_from_slice(esc.as_bytes());
            }
            "xmlcharrefreplace" => out.extend_from_slice(format!("&#{cp};").as_bytes()),
            _ => {
                let reason = if enc == "utf_8" {
                    "surrogates not allowed".to_string()
                } else {
                    format!("ordinal not in range({limit})")
                };
                return Err(encode_error(vm, name, s, i, i + 1, &reason));
            }
        }
    }
    Ok(out)
}
