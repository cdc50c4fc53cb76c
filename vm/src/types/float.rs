//! `float`: the heap payload of float-subclass instances (exact floats are immediate) and
//! float arithmetic with CPython's semantics: Python modulo and floor division, `**` with
//! its special cases (a negative base with a fractional exponent gives a complex), exact
//! rounding for `round(x, n)`, and parsing `float(str)`.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::object::Value;
use crate::runtime::{PyResult, Vm};

use super::int::{IntRef, as_int, int_to_f64};

/// The payload of float-subclass instances.
pub struct Float {
    /// The value.
    pub value: f64,
}

crate::payload!(Float);

impl Vm {
    /// The Python float `x`. Floats are immediate except NaNs, which are boxed (see
    /// docs/vm-design.md, value model): identity of an immediate is its bits, but two NaNs
    /// made separately are distinct objects in CPython, and `is` decides `nan in [nan]`,
    /// tuple equality and dict lookups. Every float result that can be a NaN is built here.
    #[inline(always)]
    pub fn new_float(&self, x: f64) -> Value {
        if x.is_nan() {
            self.boxed_nan(x)
        } else {
            Value::Float(x)
        }
    }

    #[cold]
    #[inline(never)]
    fn boxed_nan(&self, x: f64) -> Value {
        crate::object::core::alloc(&self.types.float, Float { value: x }).into()
    }
}

/// `v` itself when it is an exact float (immediate or a boxed NaN), else the float `x`:
/// CPython's `float(x)`, `+x` and `x.real` return an exact float unchanged.
pub fn exact_or_new(vm: &Vm, v: &Value, x: f64) -> Value {
    match v {
        Value::Float(_) => v.clone(),
        Value::Obj(o) if o.ty().is(&vm.types.float) => v.clone(),
        _ => vm.new_float(x),
    }
}

/// True for floats, exact or subclass instances (CPython's `PyFloat_Check`).
#[inline]
pub fn is_float(v: &Value) -> bool {
    as_float(v).is_some()
}

/// Views `v` as a float if it is one (exact or subclass instance).
#[inline]
pub fn as_float(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        Value::Obj(o) => o.downcast::<Float>().map(|f| f.value),
        _ => None,
    }
}

/// Float operands of a binary operation: floats, or ints converted exactly (OverflowError
/// when an int is too large). `Ok(None)` means the operation does not apply.
pub fn float_operands(vm: &Vm, a: &Value, b: &Value) -> PyResult<Option<(f64, f64)>> {
    let conv = |v: &Value| -> PyResult<Option<f64>> {
        if let Some(f) = as_float(v) {
            return Ok(Some(f));
        }
        match as_int(v) {
            Some(i) => int_to_f64(i)
                .map(Some)
                .ok_or_else(|| vm.new_overflow_error("int too large to convert to float")),
            None => Ok(None),
        }
    };
    let (Some(x), Some(y)) = (conv(a)?, conv(b)?) else {
        return Ok(None);
    };
    Ok(Some((x, y)))
}

/// Python's float modulo (result has the divisor's sign).
pub fn float_mod(vm: &Vm, x: f64, y: f64) -> PyResult<f64> {
    if y == 0.0 {
        return Err(vm.new_zero_division_error("division by zero"));
    }
    Ok(py_fmod(x, y))
}

fn py_fmod(x: f64, y: f64) -> f64 {
    let mut m = x % y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    m
}

/// Python's `divmod` for floats.
pub fn float_divmod(vm: &Vm, x: f64, y: f64) -> PyResult<(f64, f64)> {
    if y == 0.0 {
        return Err(vm.new_zero_division_error("division by zero"));
    }
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(x / y)
    };
    Ok((floordiv, m))
}

fn is_odd_integer(x: f64) -> bool {
    x.is_finite() && x == x.trunc() && (x / 2.0).trunc() != x / 2.0
}

/// `x ** y` for floats, CPython's `float_pow`; may return a complex.
pub fn float_pow_values(vm: &Vm, x: f64, y: f64) -> PyResult<Value> {
    if y == 0.0 {
        return Ok(vm.new_float(1.0));
    }
    if x.is_nan() {
        return Ok(vm.new_float(x));
    }
    if y.is_nan() {
        return Ok(vm.new_float(if x == 1.0 { 1.0 } else { y }));
    }
    if y.is_infinite() {
        let ax = x.abs();
        return Ok(vm.new_float(if ax == 1.0 {
            1.0
        } else if (y > 0.0) == (ax > 1.0) {
            y.abs()
        } else {
            0.0
        }));
    }
    if x.is_infinite() {
        let odd = is_odd_integer(y);
        return Ok(vm.new_float(if y > 0.0 {
            if odd { x } else { x.abs() }
        } else if odd {
            0.0f64.copysign(x)
        } else {
            0.0
        }));
    }
    if x == 0.0 {
        if y < 0.0 {
            return Err(vm.new_zero_division_error("zero to a negative power"));
        }
        return Ok(vm.new_float(if is_odd_integer(y) { x } else { 0.0 }));
    }
    let mut base = x;
    let mut negate = false;
    if x < 0.0 {
        if y != y.floor() {
            return super::complex::complex_pow_values(vm, (x, 0.0), (y, 0.0));
        }
        base = -x;
        negate = is_odd_integer(y);
    }
    if base == 1.0 {
        return Ok(vm.new_float(if negate { -1.0 } else { 1.0 }));
    }
    let r = base.powf(y);
    if r.is_infinite() {
        return Err(vm.new_exception(
            &vm.exc.overflow_error,
            vec![
                Value::Int(34),
                vm.new_str("Numerical result out of range").into(),
            ],
        ));
    }
    Ok(vm.new_float(if negate { -r } else { r }))
}

/// Exact decomposition `x = m * 2^e` of a finite float.
fn decompose(x: f64) -> (BigInt, i64) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (m, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp - 1075)
    };
    let m = BigInt::from(m);
    (if x < 0.0 { -m } else { m }, e)
}

/// `round(x, n)`: the float nearest to `x` rounded half-even at `n` decimal places,
/// computed exactly.
pub fn round_float(x: f64, n: i64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    // Beyond these bounds rounding cannot change a double (CPython's NDIGITS_MAX/MIN).
    if n > 323 {
        return x;
    }
    if n < -308 {
        return 0.0f64.copysign(x);
    }
    let (m, e) = decompose(x);
    // value = m * 2^e; scaled = value * 10^n = num / den exactly.
    let ten = BigInt::from(10);
    let (mut num, mut den) = (m, BigInt::from(1));
    if e >= 0 {
        num <<= e as usize;
    } else {
        den <<= (-e) as usize;
    }
    if n >= 0 {
        num *= num_traits::pow(ten.clone(), n as usize);
    } else {
        den *= num_traits::pow(ten.clone(), (-n) as usize);
    }
    let (q, r) = num.div_mod_floor(&den);
    let twice: BigInt = &r * 2;
    let rounded = match twice.cmp(&den) {
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Less => q,
        std::cmp::Ordering::Equal => {
            if q.is_odd() {
                q + 1
            } else {
                q
            }
        }
    };
    // Convert rounded * 10^-n back to the nearest double via a decimal string.
    let text = format!("{rounded}e{}", -n);
    let v: f64 = text.parse().unwrap_or(x);
    if v == 0.0 { 0.0f64.copysign(x) } else { v }
}

/// Parses `float(s)` text; `None` when invalid.
pub fn parse_float(text: &str) -> Option<f64> {
    let s = text.trim_matches(|c: char| c.is_whitespace());
    let lower = s.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['+', '-']);
    if lower.len() - unsigned.len() > 1 {
        return None;
    }
    let negative = lower.starts_with('-');
    match unsigned {
        "inf" | "infinity" => {
            return Some(if negative {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            });
        }
        "nan" => return Some(if negative { -f64::NAN } else { f64::NAN }),
        _ => {}
    }
    // Unicode decimal digits become ASCII first (CPython's
    // `_PyUnicode_TransformDecimalAndSpaceToASCII`); any other non-ASCII character fails.
    let mut ascii = Vec::with_capacity(unsigned.len());
    for ch in unsigned.chars() {
        if ch.is_ascii() {
            ascii.push(ch as u8);
        } else {
            let d = super::int::unicode_digit(ch)?;
            ascii.push(b'0' + u8::try_from(d).ok()?);
        }
    }
    // Digits, optional '.', optional exponent; underscores only between digits.
    let bytes = &ascii[..];
    let mut clean = String::with_capacity(bytes.len() + 1);
    if negative {
        clean.push('-');
    }
    let mut saw_digit = false;
    for (i, &c) in bytes.iter().enumerate() {
        match c {
            b'_' => {
                let prev = i.checked_sub(1).map(|j| bytes[j]);
                let next = bytes.get(i + 1);
                if !prev.is_some_and(|p| p.is_ascii_digit())
                    || !next.is_some_and(|n| n.is_ascii_digit())
                {
                    return None;
                }
            }
            b'0'..=b'9' => {
                saw_digit = true;
                clean.push(c as char);
            }
            b'.' | b'e' | b'+' | b'-' => clean.push(c as char),
            _ => return None,
        }
    }
    if !saw_digit {
        return None;
    }
    // Rust's grammar is close to Python's; reject forms Python rejects.
    if clean.ends_with(['e', '+', '-']) || clean.contains("..") {
        return None;
    }
    clean.parse::<f64>().ok()
}

/// The exact `(numerator, denominator)` of a finite float.
pub fn as_integer_ratio(x: f64) -> (BigInt, BigInt) {
    let (m, e) = decompose(x);
    if m.is_zero() {
        return (BigInt::zero(), BigInt::from(1));
    }
    let tz = m.abs().trailing_zeros().unwrap_or(0) as i64;
    let (m, e) = (m >> tz as usize, e + tz);
    if e >= 0 {
        (m << e as usize, BigInt::from(1))
    } else {
        (m, BigInt::from(1) << (-e) as usize)
    }
}

/// Converts a float to an int value (`int(x)`), with CPython's errors.
pub fn float_to_int(vm: &Vm, x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(vm.new_value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(vm.new_overflow_error("cannot convert float infinity to integer"));
    }
    let t = x.trunc();
    if t.abs() < 9.2e18 {
        return Ok(Value::Int(t as i64));
    }
    Ok(vm.new_int(super::int::float_to_bigint(t).unwrap_or_default()))
}

/// `float.hex()`.
pub fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    format!("{sign}0x{lead}.{frac:013x}p{e:+}")
}

/// Helper for slot functions: `IntRef` to f64 with OverflowError.
pub fn int_as_f64(vm: &Vm, i: IntRef<'_>) -> PyResult<f64> {
    int_to_f64(i).ok_or_else(|| vm.new_overflow_error("int too large to convert to float"))
}

/// Whether a big int magnitude is negative (re-export convenience for callers).
pub fn big_is_negative(b: &BigInt) -> bool {
    b.is_negative()
}

/// The float as i64 when it is integral and in range.
pub fn exact_i64(x: f64) -> Option<i64> {
    if x == x.trunc() && x.abs() < 9.2e18 {
        (x as i64).to_i64()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_exact_half_even() {
        assert_eq!(round_float(2.675, 2), 2.67);
        assert_eq!(round_float(0.125, 2), 0.12);
        assert_eq!(round_float(0.375, 2), 0.38);
        assert_eq!(round_float(1e300, -300), 1e300);
        assert_eq!(round_float(5e-324, 400), 5e-324);
        assert_eq!(round_float(12345.0, -2), 12300.0);
        assert_eq!(round_float(-0.4, 0), -0.0);
    }

    #[test]
    fn parsing() {
        assert_eq!(parse_float("1_0.5"), Some(10.5));
        assert_eq!(parse_float(" -inf "), Some(f64::NEG_INFINITY));
        assert!(parse_float("nan").is_some_and(f64::is_nan));
        assert_eq!(parse_float("1e-400"), Some(0.0));
        assert_eq!(parse_float("1__0"), None);
        assert_eq!(parse_float("abc"), None);
        assert_eq!(parse_float(".5"), Some(0.5));
        assert_eq!(parse_float("5."), Some(5.0));
        assert_eq!(parse_float("."), None);
        assert_eq!(parse_float("1e"), None);
        assert_eq!(parse_float("--1"), None);
    }

    #[test]
    fn hex_and_ratio() {
        assert_eq!(float_hex(1.5), "0x1.8000000000000p+0");
        let (n, d) = as_integer_ratio(0.1);
        assert_eq!(n, BigInt::from(3602879701896397u64));
        assert_eq!(d, BigInt::from(36028797018963968u64));
    }

    #[test]
    fn modulo_signs() {
        assert_eq!(py_fmod(5.5, -2.0), -0.5);
        assert_eq!(py_fmod(-5.5, 2.0), 0.5);
        assert_eq!(py_fmod(-1.0, f64::INFINITY), f64::INFINITY);
    }
}
