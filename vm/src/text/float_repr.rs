//! Python's `repr(float)`: the shortest round-tripping digits laid out by CPython's 'r' rules.
//!
//! CPython formats with `PyOS_double_to_string(x, 'r', 0, flags)`: David Gay's shortest
//! digit string (mode 0), then positional notation when the decimal point position `decpt`
//! (value = 0.DIGITS × 10^decpt) satisfies `-4 < decpt <= 16`, scientific otherwise, with an
//! exponent of at least two digits (`1e+16`, `1e-05`). Rust's `{:e}` formatting yields the
//! same shortest, closest digit string, so only the layout is done here.

use std::fmt::Write as _;

/// Layout switches of `PyOS_double_to_string` that callers need.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FloatStyle {
    /// Append `.0` to integral values in positional notation (`repr(1.0) == '1.0'`); complex
    /// parts are formatted without it (`1j`).
    pub add_dot_0: bool,
    /// Always write a sign, `+` for non-negative values (the imaginary part of a complex).
    pub always_sign: bool,
}

impl FloatStyle {
    /// The style of `repr(float)`.
    pub const REPR: FloatStyle = FloatStyle {
        add_dot_0: true,
        always_sign: false,
    };
}

/// Appends `repr(x)` for a Python float.
pub fn write_float_repr(out: &mut String, x: f64) {
    write_float(out, x, FloatStyle::REPR);
}

/// `repr(x)` for a Python float, as a new string.
pub fn float_repr(x: f64) -> String {
    let mut s = String::new();
    write_float_repr(&mut s, x);
    s
}

/// Appends `x` formatted with CPython's 'r' format code and the given style.
pub fn write_float(out: &mut String, x: f64, style: FloatStyle) {
    if x.is_nan() {
        // CPython never prints a sign for NaN except under always_sign, where it is '+'.
        out.push_str(if style.always_sign { "+nan" } else { "nan" });
        return;
    }
    if x.is_sign_negative() {
        out.push('-');
    } else if style.always_sign {
        out.push('+');
    }
    if x.is_infinite() {
        out.push_str("inf");
        return;
    }
    let x = x.abs();
    let mut shortest = DigitBuf::new();
    // `{:e}` gives the shortest digits that round-trip, e.g. "1.2345e-7" or "5e-324".
    let _ = write!(shortest, "{x:e}");
    let ndigits = split_scientific(shortest.as_bytes()).0.count();
    // When x lies exactly halfway between two shortest candidates, Rust rounds the tie up
    // while Gay's dtoa rounds it to even. Rust's fixed-precision formatting is correctly
    // rounded half-to-even, so prefer it whenever it also round-trips.
    let mut exact = DigitBuf::new();
    let _ = write!(exact, "{:.*e}", (ndigits - 1).max(0) as usize, x);
    let chosen = if exact.as_bytes() != shortest.as_bytes() && exact.parses_to(x) {
        &exact
    } else {
        &shortest
    };
    let (digits, exp10) = split_scientific(chosen.as_bytes());
    layout(out, digits, exp10 + 1, style.add_dot_0);
}

/// Splits "D.DDDe±N" into the significant digits (without the dot) and N.
fn split_scientific(text: &[u8]) -> (DigitsRef<'_>, i32) {
    let e = text.iter().position(|&b| b == b'e').unwrap_or(text.len());
    let mantissa = &text[..e];
    let exp = text
        .get(e + 1..)
        .and_then(|t| std::str::from_utf8(t).ok())
        .and_then(|t| t.parse::<i32>().ok())
        .unwrap_or(0);
    (DigitsRef(mantissa), exp)
}

/// The mantissa text of `{:e}`: one digit, then optionally '.' and more digits.
#[derive(Clone, Copy)]
struct DigitsRef<'a>(&'a [u8]);

impl DigitsRef<'_> {
    fn iter(self) -> impl Iterator<Item = u8> + Clone {
        self.0.iter().copied().filter(|&b| b != b'.')
    }

    fn count(self) -> i32 {
        self.iter().count() as i32
    }
}

/// Lays out the digits with the decimal point at `decpt` (value = 0.DIGITS × 10^decpt).
fn layout(out: &mut String, digits: DigitsRef<'_>, decpt: i32, add_dot_0: bool) {
    let ndigits = digits.count();
    let use_exp = decpt <= -4 || decpt > 16;
    if use_exp {
        let mut it = digits.iter();
        if let Some(first) = it.next() {
            out.push(first as char);
        }
        if ndigits > 1 {
            out.push('.');
            out.extend(it.map(char::from));
        }
        let exp = decpt - 1;
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        let _ = write!(out, "{:02}", exp.unsigned_abs());
        return;
    }
    if decpt <= 0 {
        out.push_str("0.");
        for _ in 0..-decpt {
            out.push('0');
        }
        out.extend(digits.iter().map(char::from));
        return;
    }
    // 0 < decpt <= 16: digits before the point, zero padding, then the fraction.
    let mut it = digits.iter();
    for i in 0..decpt {
        out.push(if i < ndigits {
            it.next().map_or('0', char::from)
        } else {
            '0'
        });
    }
    if ndigits > decpt {
        out.push('.');
        out.extend(it.map(char::from));
    } else if add_dot_0 {
        out.push_str(".0");
    }
}

/// A fixed stack buffer for the `{:e}` text of one f64 (at most 17 digits, sign, exponent).
struct DigitBuf {
    bytes: [u8; 40],
    len: usize,
}

impl DigitBuf {
    fn new() -> Self {
        DigitBuf {
            bytes: [0; 40],
            len: 0,
        }
    }

    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }

    /// True when the text reads back as exactly `x`.
    fn parses_to(&self, x: f64) -> bool {
        std::str::from_utf8(self.as_bytes())
            .ok()
            .and_then(|t| t.parse::<f64>().ok())
            .is_some_and(|y| y == x)
    }
}

impl std::fmt::Write for DigitBuf {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        let slot = self.bytes.get_mut(self.len..end).ok_or(std::fmt::Error)?;
        slot.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `bits repr` lines generated by tools/gen_repr_cases.py with CPython 3.14.
    const FLOAT_CASES: &str = include_str!("testdata/float_repr.txt");

    #[test]
    fn matches_cpython_on_tricky_values() {
        let mut failures = Vec::new();
        let mut n = 0;
        for line in FLOAT_CASES
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let (bits, expected) = line.split_once(' ').expect("malformed test line");
            let bits = u64::from_str_radix(bits, 16).expect("malformed bits");
            let got = float_repr(f64::from_bits(bits));
            if got != expected {
                failures.push(format!("{bits:016x}: expected {expected}, got {got}"));
            }
            n += 1;
        }
        assert!(n > 300, "too few cases: {n}");
        assert!(
            failures.is_empty(),
            "{} of {n} differ:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn layout_thresholds() {
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(1e15), "1000000000000000.0");
        assert_eq!(float_repr(1e-4), "0.0001");
        assert_eq!(float_repr(1e-5), "1e-05");
        assert_eq!(float_repr(-0.0), "-0.0");
        assert_eq!(float_repr(f64::INFINITY), "inf");
        assert_eq!(float_repr(f64::NEG_INFINITY), "-inf");
        assert_eq!(float_repr(f64::NAN), "nan");
        let mut s = String::new();
        write_float(
            &mut s,
            2.0,
            FloatStyle {
                add_dot_0: false,
                always_sign: true,
            },
        );
        assert_eq!(s, "+2");
    }
}
