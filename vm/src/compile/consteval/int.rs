//! Int arithmetic as `Objects/longobject.c` defines it: floor division and modulo, powers
//! (negative exponents go through float), shifts, and the correctly rounded conversions to
//! float (`PyLong_AsDouble`, `long_true_divide`).

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::{Num, float, nb};
use crate::compile::Const;

/// The int value of an int or bool constant.
pub(crate) fn as_int(c: &Const) -> Option<BigInt> {
    match c {
        Const::Bool(b) => Some(BigInt::from(u8::from(*b))),
        Const::Int(i) => Some(BigInt::from(*i)),
        Const::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

/// `_TyLong_NumBits`: bits in the absolute value.
pub(super) fn num_bits(i: &BigInt) -> u64 {
    i.bits()
}

/// `int <op> int`.
pub(super) fn binary(x: &BigInt, op: u32, y: &BigInt) -> Option<Num> {
    Some(Num::Int(match op {
        nb::ADD => x + y,
        nb::SUBTRACT => x - y,
        nb::MULTIPLY => x * y,
        nb::FLOOR_DIVIDE => {
            if y.is_zero() {
                return None;
            }
            x.div_floor(y)
        }
        nb::REMAINDER => {
            if y.is_zero() {
                return None;
            }
            x.mod_floor(y)
        }
        nb::TRUE_DIVIDE => return true_divide(x, y).map(Num::Float),
        nb::LSHIFT => {
            if y.is_negative() {
                return None;
            }
            if x.is_zero() {
                BigInt::zero()
            } else {
                // Callers bound the result to 128 bits before getting here.
                x << y.to_usize()?
            }
        }
        nb::RSHIFT => {
            if y.is_negative() {
                return None;
            }
            match y.to_u64() {
                Some(shift) if shift < x.bits() + 1 => x >> shift,
                // Shifting everything out leaves the sign.
                _ => {
                    if x.is_negative() {
                        -BigInt::one()
                    } else {
                        BigInt::zero()
                    }
                }
            }
        }
        _ => return None,
    }))
}

/// `int ** int`: exact for a non-negative exponent, a float power otherwise.
pub(super) fn pow(x: &BigInt, y: &BigInt) -> Option<Num> {
    if y.is_negative() {
        return float::pow(to_f64(x)?, to_f64(y)?);
    }
    if x.is_zero() {
        // 0 ** n for any positive n (folded without a size limit).
        return Some(Num::Int(if y.is_zero() {
            BigInt::one()
        } else {
            BigInt::zero()
        }));
    }
    let exp = y.to_u32()?;
    if x.bits() as u128 * u128::from(exp) > 1 << 24 {
        // Not reachable through the folding limits; refuse rather than build a huge int.
        return None;
    }
    Some(Num::Int(num_traits::pow::Pow::pow(x, exp)))
}

/// A numeric value as a float (`CONVERT_TO_DOUBLE`); `None` when an int overflows.
pub(super) fn num_to_f64(n: Num) -> Option<f64> {
    match n {
        Num::Int(i) => to_f64(&i),
        Num::Float(f) => Some(f),
        Num::Complex(..) => None,
    }
}

/// `PyLong_AsDouble`: correctly rounded (half to even), `None` on overflow.
pub(super) fn to_f64(i: &BigInt) -> Option<f64> {
    if let Some(small) = i.to_i64()
        && small.unsigned_abs() <= 1 << 53
    {
        return Some(small as f64);
    }
    true_divide(i, &BigInt::one())
}

/// Python's `int == float`, exact (no rounding of the int).
pub(super) fn eq_float(i: &BigInt, f: f64) -> bool {
    if !f.is_finite() || f.fract() != 0.0 {
        return false;
    }
    float_to_int(f).is_some_and(|g| &g == i)
}

/// The exact int value of an integral, finite float.
fn float_to_int(f: f64) -> Option<BigInt> {
    if !f.is_finite() {
        return None;
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mantissa = if exp == 0 {
        (bits & ((1 << 52) - 1)) << 1
    } else {
        (bits & ((1 << 52) - 1)) | (1 << 52)
    };
    let shift = exp - 1075;
    let magnitude = BigInt::from(mantissa);
    let value = if shift >= 0 {
        magnitude << shift as usize
    } else {
        magnitude >> (-shift) as usize
    };
    Some(if f.is_sign_negative() { -value } else { value })
}

/// `long_true_divide`: `a / b` correctly rounded to a float (half to even), subnormals
/// included. `None` on division by zero or when the result overflows.
pub(super) fn true_divide(a: &BigInt, b: &BigInt) -> Option<f64> {
    if b.is_zero() {
        return None;
    }
    let negative = (a.sign() == Sign::Minus) != (b.sign() == Sign::Minus);
    let (num, den) = (a.abs(), b.abs());
    if num.is_zero() {
        return Some(if negative { -0.0 } else { 0.0 });
    }
    // floor(log2(num / den)).
    let mut n = num.bits() as i64 - den.bits() as i64;
    let below = if n >= 0 {
        num < (&den << n as usize)
    } else {
        (&num << (-n) as usize) < den
    };
    if below {
        n -= 1;
    }
    // The unit of the last place: 53 significant bits, or the subnormal unit 2**-1074.
    let k = (n - 52).max(-1074);
    let (scaled_num, scaled_den) = if k >= 0 {
        (num, den << k as usize)
    } else {
        (num << (-k) as usize, den)
    };
    let (mut q, r) = scaled_num.div_rem(&scaled_den);
    let twice_r: BigInt = r << 1;
    if twice_r > scaled_den || (twice_r == scaled_den && q.is_odd()) {
        q += 1;
    }
    // q <= 2**53 here; the value q * 2**k must stay below 2**1024.
    if k + q.bits() as i64 > 1024 {
        return None;
    }
    let q = q.to_u64()? as f64;
    let magnitude = ldexp_exact(q, k);
    Some(if negative { -magnitude } else { magnitude })
}

/// `q * 2**k` for a representable result, without intermediate rounding.
fn ldexp_exact(q: f64, k: i64) -> f64 {
    if k >= -1022 {
        q * pow2(k)
    } else {
        // Scale into the normal range first; the final product is exact.
        (q * pow2(k + 1022)) * pow2(-1022)
    }
}

/// `2**k` for `-1022 <= k <= 1023`.
fn pow2(k: i64) -> f64 {
    f64::from_bits(((k + 1023) as u64) << 52)
}
