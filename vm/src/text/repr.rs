//! Python `repr` of the built-in constant types: int, float, complex, str, bytes.
//!
//! These are the exact strings CPython 3.14 produces, shared by `ast.dump` and (later) the
//! object model. Nothing here knows about the AST. Writers append to a `String`; the only
//! fallible one is the int conversion, which enforces CPython's limit on decimal digits.

use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};

use num_bigint::BigUint;

use super::Wtf8;
use super::float_repr::{FloatStyle, write_float};
use super::unicode_printable::is_printable;

pub use super::float_repr::{float_repr, write_float_repr};

/// CPython's default `sys.get_int_max_str_digits()`.
pub const DEFAULT_INT_MAX_STR_DIGITS: usize = 4300;

/// `sys.int_info.str_digits_check_threshold`: the smallest limit other than 0 (unlimited).
pub const INT_MAX_STR_DIGITS_THRESHOLD: usize = 640;

/// The process's current limit (`sys.set_int_max_str_digits`, `-X int_max_str_digits`,
/// `PYTHONINTMAXSTRDIGITS`); 0 means unlimited. A process-wide value: the parser, `int()`,
/// `str()` and `repr()` all read it, as CPython's interpreter-wide setting.
static INT_MAX_STR_DIGITS: AtomicUsize = AtomicUsize::new(DEFAULT_INT_MAX_STR_DIGITS);

/// The current digit limit of int/str conversions (0: unlimited).
pub fn int_max_str_digits() -> usize {
    INT_MAX_STR_DIGITS.load(Ordering::Relaxed)
}

/// Sets the digit limit; callers have checked it is 0 or at least
/// [`INT_MAX_STR_DIGITS_THRESHOLD`].
pub fn set_int_max_str_digits(limit: usize) {
    INT_MAX_STR_DIGITS.store(limit, Ordering::Relaxed);
}

/// Whether a decimal conversion of `digits` digits exceeds the current limit.
pub fn exceeds_int_max_str_digits(digits: usize) -> bool {
    let limit = int_max_str_digits();
    limit != 0 && digits > limit
}

/// Why a repr could not be produced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReprError {
    /// The int has more decimal digits than `sys.get_int_max_str_digits()` allows
    /// (CPython raises `ValueError`).
    IntTooLarge,
}

impl ReprError {
    /// The Python exception class CPython raises.
    pub fn exception_name(&self) -> &'static str {
        match self {
            ReprError::IntTooLarge => "ValueError",
        }
    }
}

impl fmt::Display for ReprError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReprError::IntTooLarge => write!(
                f,
                "Exceeds the limit ({} digits) for integer string conversion; \
                 use sys.set_int_max_str_digits() to increase the limit",
                int_max_str_digits()
            ),
        }
    }
}

impl std::error::Error for ReprError {}

/// Appends `repr(n)` for an int that fits in 64 bits.
pub fn write_int_repr(out: &mut String, n: i64) {
    use std::fmt::Write as _;
    let _ = write!(out, "{n}");
}

/// Checks that an int given as little-endian base-2^32 magnitude digits can be converted to
/// decimal under CPython's digit limit, without converting it when it clearly cannot.
pub fn check_bigint_repr(digits: &[u32]) -> Result<(), ReprError> {
    let bits = bit_length(digits);
    // log10(2) = 0.30102999...; a number of `bits` bits has at least
    // floor((bits - 1) * log10(2)) + 1 decimal digits and at most ceil(bits * log10(2)).
    let min_digits = ((bits.saturating_sub(1)) as f64 * std::f64::consts::LOG10_2) as usize + 1;
    let max_digits = (bits as f64 * std::f64::consts::LOG10_2).ceil() as usize;
    // One digit of margin on each side absorbs floating-point error; near the limit the
    // number is converted and its digits counted exactly.
    let limit = int_max_str_digits();
    if limit == 0 || max_digits < limit {
        return Ok(());
    }
    if min_digits > limit + 1 {
        return Err(ReprError::IntTooLarge);
    }
    let text = BigUint::from_slice(digits).to_string();
    if text.len() > limit {
        Err(ReprError::IntTooLarge)
    } else {
        Ok(())
    }
}

/// Appends `repr(n)` for an int given as sign and little-endian base-2^32 magnitude digits.
pub fn write_bigint_repr(
    out: &mut String,
    negative: bool,
    digits: &[u32],
) -> Result<(), ReprError> {
    check_bigint_repr(digits)?;
    let magnitude = BigUint::from_slice(digits);
    if negative && bit_length(digits) > 0 {
        out.push('-');
    }
    out.push_str(&magnitude.to_string());
    Ok(())
}

fn bit_length(digits: &[u32]) -> usize {
    match digits.iter().rposition(|&d| d != 0) {
        Some(top) => top * 32 + (32 - digits[top].leading_zeros() as usize),
        None => 0,
    }
}

/// Appends `repr(complex(real, imag))`: `1j`, `(1+2j)`, `(-0-1j)`, `infj`, `(nan+nanj)`.
pub fn write_complex_repr(out: &mut String, real: f64, imag: f64) {
    let parts = FloatStyle {
        add_dot_0: false,
        always_sign: false,
    };
    if real == 0.0 && real.is_sign_positive() {
        // A +0 real part is left out, and so are the parentheses.
        write_float(out, imag, parts);
        out.push('j');
    } else {
        out.push('(');
        write_float(out, real, parts);
        write_float(
            out,
            imag,
            FloatStyle {
                add_dot_0: false,
                always_sign: true,
            },
        );
        out.push_str("j)");
    }
}

/// Appends `repr(s)` for a Python str: quotes chosen as CPython does, printable characters
/// kept, everything else escaped as `\t`, `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
pub fn write_str_repr(out: &mut String, s: &Wtf8) {
    let bytes = s.as_bytes();
    let quote = if bytes.contains(&b'\'') && !bytes.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    out.push(quote);
    for cp in s.code_points() {
        match cp {
            0x5C => out.push_str("\\\\"),
            0x09 => out.push_str("\\t"),
            0x0A => out.push_str("\\n"),
            0x0D => out.push_str("\\r"),
            _ if cp == quote as u32 => {
                out.push('\\');
                out.push(quote);
            }
            _ if cp < 0x20 || cp == 0x7F => push_hex_escape(out, 'x', cp, 2),
            _ if cp < 0x7F => out.push(cp as u8 as char),
            _ => match char::from_u32(cp) {
                Some(c) if is_printable(cp) => out.push(c),
                _ if cp <= 0xFF => push_hex_escape(out, 'x', cp, 2),
                _ if cp <= 0xFFFF => push_hex_escape(out, 'u', cp, 4),
                _ => push_hex_escape(out, 'U', cp, 8),
            },
        }
    }
    out.push(quote);
}

/// `repr(s)` for a Python str given as ordinary UTF-8.
pub fn str_repr(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    write_str_repr(&mut out, Wtf8::from_str(s));
    out
}

/// Appends `repr(b)` for a Python bytes object: `b'...'` with `\xNN` for non-ASCII and
/// control bytes.
pub fn write_bytes_repr(out: &mut String, b: &[u8]) {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    out.push('b');
    out.push(quote as char);
    for &byte in b {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if byte == quote => {
                out.push('\\');
                out.push(quote as char);
            }
            0x20..=0x7E => out.push(byte as char),
            _ => push_hex_escape(out, 'x', u32::from(byte), 2),
        }
    }
    out.push(quote as char);
}

fn push_hex_escape(out: &mut String, kind: char, cp: u32, width: usize) {
    use std::fmt::Write as _;
    out.push('\\');
    out.push(kind);
    let _ = write!(out, "{cp:0width$x}");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::wtf8::Wtf8Buf;

    /// Lines `KIND<TAB>INPUT<TAB>REPR` generated by tools/gen_repr_cases.py with CPython 3.14.
    /// INPUT is hex: code points (`str`), bytes (`bytes`), bit patterns (`complex`: real,imag),
    /// or a sign and hex digits (`int`).
    const CASES: &str = include_str!("testdata/repr_cases.txt");

    fn hex_list(s: &str) -> Vec<u32> {
        s.split(',')
            .filter(|t| !t.is_empty())
            .map(|t| u32::from_str_radix(t, 16).unwrap())
            .collect()
    }

    fn render(kind: &str, input: &str) -> String {
        let mut out = String::new();
        match kind {
            "str" => {
                let mut buf = Wtf8Buf::new();
                for cp in hex_list(input) {
                    buf.push_code_point(cp);
                }
                write_str_repr(&mut out, &buf);
            }
            "bytes" => {
                let bytes: Vec<u8> = hex_list(input).into_iter().map(|b| b as u8).collect();
                write_bytes_repr(&mut out, &bytes);
            }
            "complex" => {
                let (re, im) = input.split_once(',').unwrap();
                let re = f64::from_bits(u64::from_str_radix(re, 16).unwrap());
                let im = f64::from_bits(u64::from_str_radix(im, 16).unwrap());
                write_complex_repr(&mut out, re, im);
            }
            "int" => {
                let (negative, hex) = match input.strip_prefix('-') {
                    Some(rest) => (true, rest),
                    None => (false, input),
                };
                let n = num_bigint::BigUint::parse_bytes(hex.as_bytes(), 16).unwrap();
                match write_bigint_repr(&mut out, negative, &n.to_u32_digits()) {
                    Ok(()) => {}
                    Err(e) => out = format!("{}: {e}", e.exception_name()),
                }
            }
            _ => panic!("unknown case kind {kind}"),
        }
        out
    }

    #[test]
    fn matches_cpython() {
        let mut failures = Vec::new();
        let mut n = 0;
        for line in CASES
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let mut parts = line.splitn(3, '\t');
            let (kind, input, expected) = (
                parts.next().unwrap(),
                parts.next().unwrap(),
                parts.next().unwrap(),
            );
            let got = render(kind, input);
            if got != expected {
                failures.push(format!("{kind} {input}: expected {expected}, got {got}"));
            }
            n += 1;
        }
        assert!(n > 100, "too few cases: {n}");
        assert!(
            failures.is_empty(),
            "{} of {n} differ:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn small_values() {
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("a\"b'c"), "'a\"b\\'c'");
        assert_eq!(str_repr("\u{e9}\u{7f}\u{a0}"), "'\u{e9}\\x7f\\xa0'");
        let mut s = String::new();
        write_int_repr(&mut s, i64::MIN);
        assert_eq!(s, "-9223372036854775808");
        s.clear();
        write_bytes_repr(&mut s, b"\x00'\xff");
        assert_eq!(s, "b\"\\x00'\\xff\"");
    }
}
