//! Text codecs: UTF-8 (also with a signature), UTF-16 and UTF-32 (with a BOM or a fixed byte
//! order), ASCII, Latin-1 and single-byte code pages, with CPython's error handlers `strict`,
//! `ignore`, `replace`, `backslashreplace`, `xmlcharrefreplace`, `namereplace`,
//! `surrogateescape` and `surrogatepass`, and CPython's error positions and messages. Other
//! codecs raise `LookupError("unknown encoding: ...")`.

use crate::object::{Py, Value};
use crate::text::wtf8::Wtf8Buf;
use crate::types::str::Str;

use super::codecs_charmap::{CP1252, CharMap, ISO8859_15};
use super::{PyErr, PyResult, Vm};

/// Normalizes an encoding name as CPython's codec lookup does (lower case, punctuation to
/// `_`) and resolves the aliases of the codecs rpy has.
pub fn normalize(name: &str) -> String {
    let lower = name.trim().to_ascii_lowercase().replace(['-', ' '], "_");
    let canonical = match lower.as_str() {
        "utf8" | "utf_8" | "u8" | "utf" | "cp65001" => "utf_8",
        "utf_8_sig" | "utf8_sig" => "utf_8_sig",
        "ascii" | "us_ascii" | "646" => "ascii",
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819"
        | "iso_ir_100" => "latin_1",
        "utf_16" | "utf16" | "u16" => "utf_16",
        "utf_16_le" | "utf_16le" => "utf_16_le",
        "utf_16_be" | "utf_16be" => "utf_16_be",
        "utf_32" | "utf32" | "u32" => "utf_32",
        "utf_32_le" | "utf_32le" => "utf_32_le",
        "utf_32_be" | "utf_32be" => "utf_32_be",
        "cp1252" | "windows_1252" | "1252" => "cp1252",
        "iso8859_15" | "iso_8859_15" | "latin9" | "l9" => "iso8859_15",
        other => other,
    };
    canonical.into()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Endian {
    Little,
    Big,
}

#[derive(Clone, Copy)]
enum Codec {
    Utf8 {
        sig: bool,
    },
    /// `None`: with a byte-order mark (little-endian when writing or when absent).
    Utf16(Option<Endian>),
    Utf32(Option<Endian>),
    Ascii,
    Latin1,
    Charmap(&'static CharMap),
}

fn lookup(vm: &Vm, encoding: &str) -> PyResult<Codec> {
    Ok(match normalize(encoding).as_str() {
        "utf_8" => Codec::Utf8 { sig: false },
        "utf_8_sig" => Codec::Utf8 { sig: true },
        "utf_16" => Codec::Utf16(None),
        "utf_16_le" => Codec::Utf16(Some(Endian::Little)),
        "utf_16_be" => Codec::Utf16(Some(Endian::Big)),
        "utf_32" => Codec::Utf32(None),
        "utf_32_le" => Codec::Utf32(Some(Endian::Little)),
        "utf_32_be" => Codec::Utf32(Some(Endian::Big)),
        "ascii" => Codec::Ascii,
        "latin_1" => Codec::Latin1,
        "cp1252" => Codec::Charmap(&CP1252),
        "iso8859_15" => Codec::Charmap(&ISO8859_15),
        _ => return Err(vm.new_lookup_error(format!("unknown encoding: {encoding}"))),
    })
}

fn unknown_handler(vm: &Vm, name: &str) -> PyErr {
    vm.new_lookup_error(format!("unknown error handler name '{name}'"))
}

fn is_surrogate(cp: u32) -> bool {
    (0xD800..=0xDFFF).contains(&cp)
}

// --- decoding ---------------------------------------------------------------------------------

/// A decoder's output and its error handling.
struct Decoder<'a> {
    vm: &'a Vm,
    /// The codec name the errors report.
    name: &'static str,
    data: &'a [u8],
    errors: &'a str,
    out: Wtf8Buf,
}

impl Decoder<'_> {
    fn error(&self, start: usize, end: usize, reason: &str) -> PyErr {
        let args = vec![
            self.vm.new_str(self.name).into(),
            self.vm.new_bytes(self.data.to_vec()).into(),
            Value::Int(start as i64),
            Value::Int(end as i64),
            self.vm.new_str(reason).into(),
        ];
        self.vm
            .new_exception(&self.vm.exc.unicode_decode_error, args)
    }

    /// Applies the error handler to the undecodable bytes `data[start..end]`.
    fn bad(&mut self, start: usize, end: usize, reason: &str) -> PyResult<()> {
        match self.errors {
            "strict" | "surrogatepass" => return Err(self.error(start, end, reason)),
            "ignore" => {}
            "replace" => self.out.push_char('\u{FFFD}'),
            "backslashreplace" => {
                for &b in &self.data[start..end] {
                    self.out.push_str(&format!("\\x{b:02x}"));
                }
            }
            "surrogateescape" => {
                // Only bytes outside ASCII can be smuggled as lone surrogates.
                if self.data[start..end].iter().any(|&b| b < 0x80) {
                    return Err(self.error(start, end, reason));
                }
                for &b in &self.data[start..end] {
                    self.out.push_code_point(0xDC00 + u32::from(b));
                }
            }
            other => return Err(unknown_handler(self.vm, other)),
        }
        Ok(())
    }
}

fn decode_utf8(d: &mut Decoder<'_>, start: usize) -> PyResult<()> {
    let data = d.data;
    let mut i = start;
    while i < data.len() {
        match std::str::from_utf8(&data[i..]) {
            Ok(s) => {
                d.out.push_str(s);
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                d.out
                    .push_str(std::str::from_utf8(&data[i..i + good]).unwrap_or(""));
                i += good;
                let bad = e.error_len().unwrap_or(data.len() - i);
                // surrogatepass accepts encoded surrogates (ED A0..BF xx).
                if d.errors == "surrogatepass"
                    && data.len() >= i + 3
                    && data[i] == 0xED
                    && (0xA0..=0xBF).contains(&data[i + 1])
                    && (0x80..=0xBF).contains(&data[i + 2])
                {
                    let cp = 0xD000
                        | (u32::from(data[i + 1] & 0x3F) << 6)
                        | u32::from(data[i + 2] & 0x3F);
                    d.out.push_code_point(cp);
                    i += 3;
                    continue;
                }
                let reason = if e.error_len().is_none() {
                    "unexpected end of data"
                } else if (0x80..0xC2).contains(&data[i]) || data[i] > 0xF4 {
                    "invalid start byte"
                } else {
                    "invalid continuation byte"
                };
                d.bad(i, i + bad, reason)?;
                i += bad;
            }
        }
    }
    Ok(())
}

fn unit16(data: &[u8], i: usize, endian: Endian) -> u32 {
    let pair = [data[i], data[i + 1]];
    u32::from(match endian {
        Endian::Little => u16::from_le_bytes(pair),
        Endian::Big => u16::from_be_bytes(pair),
    })
}

fn decode_utf16(d: &mut Decoder<'_>, start: usize, endian: Endian) -> PyResult<()> {
    let data = d.data;
    let n = data.len();
    let mut i = start;
    while i < n {
        if n - i < 2 {
            d.bad(i, n, "truncated data")?;
            break;
        }
        let u = unit16(data, i, endian);
        if !is_surrogate(u) {
            d.out.push_code_point(u);
            i += 2;
            continue;
        }
        if u >= 0xDC00 {
            if d.errors == "surrogatepass" {
                d.out.push_code_point(u);
            } else {
                d.bad(i, i + 2, "illegal encoding")?;
            }
            i += 2;
            continue;
        }
        if n - i < 4 {
            if d.errors == "surrogatepass" {
                d.out.push_code_point(u);
                i += 2;
                continue;
            }
            d.bad(i, n, "unexpected end of data")?;
            break;
        }
        let low = unit16(data, i + 2, endian);
        if (0xDC00..=0xDFFF).contains(&low) {
            d.out
                .push_code_point(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
            i += 4;
        } else {
            if d.errors == "surrogatepass" {
                d.out.push_code_point(u);
            } else {
                d.bad(i, i + 2, "illegal UTF-16 surrogate")?;
            }
            i += 2;
        }
    }
    Ok(())
}

fn decode_utf32(d: &mut Decoder<'_>, start: usize, endian: Endian) -> PyResult<()> {
    let data = d.data;
    let n = data.len();
    let mut i = start;
    while i < n {
        if n - i < 4 {
            d.bad(i, n, "truncated data")?;
            break;
        }
        let quad = [data[i], data[i + 1], data[i + 2], data[i + 3]];
        let cp = match endian {
            Endian::Little => u32::from_le_bytes(quad),
            Endian::Big => u32::from_be_bytes(quad),
        };
        if cp > 0x10FFFF {
            d.bad(i, i + 4, "code point not in range(0x110000)")?;
        } else if is_surrogate(cp) && d.errors != "surrogatepass" {
            d.bad(
                i,
                i + 4,
                "code point in surrogate code point range(0xd800, 0xe000)",
            )?;
        } else {
            d.out.push_code_point(cp);
        }
        i += 4;
    }
    Ok(())
}

fn decode_single(d: &mut Decoder<'_>, codec: Codec) -> PyResult<()> {
    for (i, &b) in d.data.iter().enumerate() {
        let cp = match codec {
            Codec::Latin1 => Some(u32::from(b)),
            Codec::Charmap(map) => map.decode(b),
            _ => (b < 0x80).then_some(u32::from(b)),
        };
        match cp {
            Some(cp) => d.out.push_code_point(cp),
            None if matches!(codec, Codec::Charmap(_)) => {
                d.bad(i, i + 1, "character maps to <undefined>")?;
            }
            None => d.bad(i, i + 1, "ordinal not in range(128)")?,
        }
    }
    Ok(())
}

/// `bytes.decode(encoding, errors)`.
pub fn decode(vm: &Vm, data: &[u8], encoding: &str, errors: &str) -> PyResult<Py<Str>> {
    let codec = lookup(vm, encoding)?;
    let mut d = Decoder {
        vm,
        name: "utf-8",
        data,
        errors,
        out: Wtf8Buf::with_capacity(data.len()),
    };
    match codec {
        Codec::Utf8 { sig } => {
            let start = if sig && data.starts_with(b"\xEF\xBB\xBF") {
                3
            } else {
                0
            };
            if start == 0
                && let Ok(s) = std::str::from_utf8(data)
            {
                return Ok(vm.new_str(s));
            }
            decode_utf8(&mut d, start)?;
        }
        Codec::Utf16(order) => {
            let (endian, start) = match order {
                Some(e) => (e, 0),
                None if data.starts_with(b"\xFF\xFE") => (Endian::Little, 2),
                None if data.starts_with(b"\xFE\xFF") => (Endian::Big, 2),
                None => (Endian::Little, 0),
            };
            d.name = match endian {
                Endian::Little => "utf-16-le",
                Endian::Big => "utf-16-be",
            };
            decode_utf16(&mut d, start, endian)?;
        }
        Codec::Utf32(order) => {
            let (endian, start) = match order {
                Some(e) => (e, 0),
                None if data.starts_with(b"\xFF\xFE\x00\x00") => (Endian::Little, 4),
                None if data.starts_with(b"\x00\x00\xFE\xFF") => (Endian::Big, 4),
                None => (Endian::Little, 0),
            };
            d.name = match endian {
                Endian::Little => "utf-32-le",
                Endian::Big => "utf-32-be",
            };
            decode_utf32(&mut d, start, endian)?;
        }
        Codec::Ascii => {
            d.name = "ascii";
            decode_single(&mut d, codec)?;
        }
        Codec::Latin1 => {
            d.name = "latin-1";
            decode_single(&mut d, codec)?;
        }
        Codec::Charmap(_) => {
            d.name = "charmap";
            decode_single(&mut d, codec)?;
        }
    }
    Ok(vm.new_str_buf(d.out))
}

// --- encoding ---------------------------------------------------------------------------------

impl Codec {
    /// Appends the encoding of `cp`, or returns false when the codec cannot encode it.
    fn put(self, out: &mut Vec<u8>, cp: u32) -> bool {
        match self {
            Codec::Utf8 { .. } => match char::from_u32(cp) {
                Some(c) => {
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                    true
                }
                None => false,
            },
            Codec::Utf16(order) => {
                if is_surrogate(cp) {
                    return false;
                }
                let endian = order.unwrap_or(Endian::Little);
                if cp >= 0x10000 {
                    let v = cp - 0x10000;
                    put_unit16(out, 0xD800 + (v >> 10), endian);
                    put_unit16(out, 0xDC00 + (v & 0x3FF), endian);
                } else {
                    put_unit16(out, cp, endian);
                }
                true
            }
            Codec::Utf32(order) => {
                if is_surrogate(cp) {
                    return false;
                }
                put_unit32(out, cp, order.unwrap_or(Endian::Little));
                true
            }
            Codec::Ascii => push_byte(out, cp, 0x80),
            Codec::Latin1 => push_byte(out, cp, 0x100),
            Codec::Charmap(map) => match map.encode(cp) {
                Some(b) => {
                    out.push(b);
                    true
                }
                None => false,
            },
        }
    }

    /// The lone surrogate `cp` written as such (`surrogatepass`), for the UTF codecs.
    fn put_surrogate(self, out: &mut Vec<u8>, cp: u32) -> bool {
        match self {
            Codec::Utf8 { .. } => {
                out.push(0xE0 | (cp >> 12) as u8);
                out.push(0x80 | ((cp >> 6) & 0x3F) as u8);
                out.push(0x80 | (cp & 0x3F) as u8);
            }
            Codec::Utf16(order) => put_unit16(out, cp, order.unwrap_or(Endian::Little)),
            Codec::Utf32(order) => put_unit32(out, cp, order.unwrap_or(Endian::Little)),
            _ => return false,
        }
        true
    }

    /// The codec name encode errors report.
    fn encode_name(self) -> &'static str {
        match self {
            Codec::Utf8 { .. } => "utf-8",
            Codec::Utf16(None) => "utf-16",
            Codec::Utf16(Some(Endian::Little)) => "utf-16-le",
            Codec::Utf16(Some(Endian::Big)) => "utf-16-be",
            Codec::Utf32(None) => "utf-32",
            Codec::Utf32(Some(Endian::Little)) => "utf-32-le",
            Codec::Utf32(Some(Endian::Big)) => "utf-32-be",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Charmap(_) => "charmap",
        }
    }

    fn encode_reason(self) -> &'static str {
        match self {
            Codec::Ascii => "ordinal not in range(128)",
            Codec::Latin1 => "ordinal not in range(256)",
            Codec::Charmap(_) => "character maps to <undefined>",
            _ => "surrogates not allowed",
        }
    }
}

fn put_unit16(out: &mut Vec<u8>, u: u32, endian: Endian) {
    let u = u as u16;
    out.extend_from_slice(&match endian {
        Endian::Little => u.to_le_bytes(),
        Endian::Big => u.to_be_bytes(),
    });
}

fn put_unit32(out: &mut Vec<u8>, u: u32, endian: Endian) {
    out.extend_from_slice(&match endian {
        Endian::Little => u.to_le_bytes(),
        Endian::Big => u.to_be_bytes(),
    });
}

fn push_byte(out: &mut Vec<u8>, cp: u32, limit: u32) -> bool {
    if cp < limit {
        out.push(cp as u8);
        true
    } else {
        false
    }
}

fn encode_error(vm: &Vm, codec: Codec, s: &Py<Str>, start: usize, end: usize) -> PyErr {
    let args = vec![
        vm.new_str(codec.encode_name()).into(),
        s.clone().into(),
        Value::Int(start as i64),
        Value::Int(end as i64),
        vm.new_str(codec.encode_reason()).into(),
    ];
    vm.new_exception(&vm.exc.unicode_encode_error, args)
}

/// Python's `\x..`/`\u....`/`\U........` escape of one code point.
fn backslash_escape(cp: u32) -> String {
    if cp <= 0xff {
        format!("\\x{cp:02x}")
    } else if cp <= 0xffff {
        format!("\\u{cp:04x}")
    } else {
        format!("\\U{cp:08x}")
    }
}

/// Writes the replacement text of an error handler; every replacement is ASCII, which all
/// of rpy's codecs encode.
fn put_text(codec: Codec, out: &mut Vec<u8>, text: &str) {
    for c in text.chars() {
        codec.put(out, u32::from(c));
    }
}

/// `str.encode(encoding, errors)`.
pub fn encode(vm: &Vm, s: &Py<Str>, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = lookup(vm, encoding)?;
    let mut out = Vec::with_capacity(s.as_bytes().len() + 4);
    match codec {
        Codec::Utf8 { sig } => {
            if sig {
                out.extend_from_slice(b"\xEF\xBB\xBF");
            }
            if s.as_str().is_some() {
                out.extend_from_slice(s.as_bytes());
                return Ok(out);
            }
        }
        Codec::Utf16(None) => out.extend_from_slice(b"\xFF\xFE"),
        Codec::Utf32(None) => out.extend_from_slice(b"\xFF\xFE\x00\x00"),
        _ => {}
    }
    let cps: Vec<u32> = s.code_points().collect();
    // The UTF-16/32 encoders report one character per error, the others a whole run.
    let one_at_a_time = matches!(codec, Codec::Utf16(_) | Codec::Utf32(_));
    let mut i = 0;
    while i < cps.len() {
        if codec.put(&mut out, cps[i]) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        if !one_at_a_time {
            let mut probe = Vec::new();
            while end < cps.len() && !codec.put(&mut probe, cps[end]) {
                end += 1;
            }
        }
        let run = &cps[i..end];
        match errors {
            "strict" => return Err(encode_error(vm, codec, s, i, end)),
            "ignore" => {}
            "replace" => put_text(codec, &mut out, &"?".repeat(run.len())),
            "backslashreplace" => {
                for &cp in run {
                    put_text(codec, &mut out, &backslash_escape(cp));
                }
            }
            "xmlcharrefreplace" => {
                for &cp in run {
                    put_text(codec, &mut out, &format!("&#{cp};"));
                }
            }
            "namereplace" => {
                for &cp in run {
                    let name = char::from_u32(cp).and_then(unicode_names2::name);
                    let text = match name {
                        Some(n) => format!("\\N{{{n}}}"),
                        None => backslash_escape(cp),
                    };
                    put_text(codec, &mut out, &text);
                }
            }
            "surrogateescape" => {
                // Lone surrogates U+DC80..U+DCFF stand for the bytes they escaped; the
                // UTF-16/32 codecs cannot write such raw bytes.
                if one_at_a_time || run.iter().any(|cp| !(0xDC80..=0xDCFF).contains(cp)) {
                    return Err(encode_error(vm, codec, s, i, end));
                }
                out.extend(run.iter().map(|cp| (cp - 0xDC00) as u8));
            }
            "surrogatepass" => {
                if !run.iter().all(|&cp| is_surrogate(cp)) {
                    return Err(encode_error(vm, codec, s, i, end));
                }
                for &cp in run {
                    if !codec.put_surrogate(&mut out, cp) {
                        return Err(encode_error(vm, codec, s, i, end));
                    }
                }
            }
            other => return Err(unknown_handler(vm, other)),
        }
        i = end;
    }
    Ok(out)
}
