//! The float algorithms of CPython's `math` module that are not a single libm call, so
//! that results match CPython bit for bit: the Lanczos gamma and lgamma, IEEE remainder,
//! `pow`'s special cases, `nextafter` with steps, Shewchuk's exact `fsum`, the
//! scaled-and-corrected vector norm behind `hypot`/`dist`, and the extended-precision
//! `sumprod` and the fast paths of `prod`.

use crate::object::Value;
use crate::runtime::{BinOp, PyResult, Vm};

use super::MathErr;
use super::libm;

const PI: f64 = std::f64::consts::PI;
const LOGPI: f64 = 1.1447298858494002;

/// `frexp` for finite nonzero `x`: `(m, e)` with `0.5 <= |m| < 1` and `x == m * 2**e`.
pub(crate) fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let (x, adjust) = if x.abs() < f64::MIN_POSITIVE {
        (x * 2f64.powi(54), -54)
    } else {
        (x, 0)
    };
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022 + adjust)
}

/// `2**e` for `-1022 <= e <= 1023`.
fn pow2(e: i32) -> f64 {
    f64::from_bits(((e + 1023) as u64) << 52)
}

/// C's `ldexp`: `x * 2**e` with a single rounding (subnormal results included).
pub(crate) fn ldexp(x: f64, e: i64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let (m, ex) = frexp(x);
    let t = i64::from(ex).saturating_add(e);
    if t > 1024 {
        return f64::INFINITY.copysign(x);
    }
    if t >= -1021 {
        // m * 2**t is a normal float: exact in two steps.
        let t = t as i32;
        return m * pow2(t / 2) * pow2(t - t / 2);
    }
    if t + 1074 < -1000 {
        return 0.0f64.copysign(x);
    }
    // m * 2**(t+1074) is exact; the multiplication by 2**-1074 rounds once.
    let t = (t + 1074) as i32;
    m * pow2(t / 2) * pow2(t - t / 2) * f64::from_bits(1)
}

/// `sin(pi * x)` for finite `x`, accurate near integers (the gamma reflection formula).
fn sinpi(x: f64) -> f64 {
    let y = libm::fmod(x.abs(), 2.0);
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => libm::sin(PI * y),
        1 => libm::cos(PI * (y - 0.5)),
        // -sin(pi*(y-1.0)) would give -0.0 for y == 1.0.
        2 => libm::sin(PI * (1.0 - y)),
        3 => -libm::cos(PI * (y - 1.5)),
        _ => libm::sin(PI * (y - 2.0)),
    };
    1.0f64.copysign(x) * r
}

// Lanczos approximation with N = 13 and g = 6.024680040776729583740234375 (Boost's
// parameters), written as a rational function.
const LANCZOS_G: f64 = 6.02468004077673;
const LANCZOS_G_MINUS_HALF: f64 = 5.52468004077673;
const LANCZOS_NUM: [f64; 13] = [
    23531376880.41076,
    42919803642.6491,
    35711959237.35567,
    17921034426.03721,
    6039542586.352028,
    1439720407.3117216,
    248874557.86205417,
    31426415.585400194,
    2876370.6289353725,
    186056.26539522348,
    8071.672002365816,
    210.82427775157936,
    2.5066282746310002,
];
/// The denominator `x*(x+1)*...*(x+11)` as a polynomial.
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39_916_800.0,
    120_543_840.0,
    150_917_976.0,
    105_258_076.0,
    45_995_730.0,
    13_339_535.0,
    2_637_558.0,
    357_423.0,
    32_670.0,
    1_925.0,
    66.0,
    1.0,
];

/// Lanczos' sum for positive `x`; in 1/x for large x to avoid overflow.
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// Gamma(n) = (n-1)! for the integers 1..=23, correctly rounded.
fn gamma_integral(n: u32) -> f64 {
    (1..n).map(u128::from).product::<u128>() as f64
}

/// The gamma function (CPython's `m_tgamma`).
pub(crate) fn tgamma(x: f64) -> Result<f64, MathErr> {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return Ok(x);
        }
        return Err(MathErr::Domain);
    }
    if x == 0.0 {
        return Err(MathErr::Domain);
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(MathErr::Domain);
        }
        if x <= 23.0 {
            return Ok(gamma_integral(x as u32));
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() {
            Err(MathErr::Range)
        } else {
            Ok(r)
        };
    }
    if absx > 200.0 {
        return if x < 0.0 {
            Ok(0.0 / sinpi(x))
        } else {
            Err(MathErr::Range)
        };
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // The rounding error of y, used to correct the result.
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / sinpi(absx) / absx * libm::exp(y) / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= libm::pow(y, absx - 0.5);
        } else {
            let sqrtpow = libm::pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / libm::exp(y);
        r += z * r;
        if absx < 140.0 {
            r *= libm::pow(y, absx - 0.5);
        } else {
            let sqrtpow = libm::pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if r.is_infinite() {
        return Err(MathErr::Range);
    }
    Ok(r)
}

/// log|Gamma(x)| (CPython's `m_lgamma`).
pub(crate) fn lgamma(x: f64) -> Result<f64, MathErr> {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 {
            Err(MathErr::Domain)
        } else {
            Ok(0.0)
        };
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-libm::log(absx));
    }
    let mut r = libm::log(lanczos_sum(absx)) - LANCZOS_G;
    r += (absx - 0.5) * (libm::log(absx + LANCZOS_G - 0.5) - 1.0);
    if x < 0.0 {
        r = LOGPI - libm::log(sinpi(absx).abs()) - libm::log(absx) - r;
    }
    if r.is_infinite() {
        return Err(MathErr::Range);
    }
    Ok(r)
}

/// IEEE 754 remainder: `x - n*y` for the nearest integer `n`, ties to even; exact.
pub(crate) fn remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let absx = x.abs();
        let absy = y.abs();
        let m = libm::fmod(absx, absy);
        // Compare m with the complement rather than with 0.5*absy, which might not be
        // representable.
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            m - 2.0 * libm::fmod(0.5 * (absx - m), absy)
        };
        return 1.0f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

/// `math.pow` with C99's special cases handled directly.
pub(crate) fn pow(x: f64, y: f64) -> Result<f64, MathErr> {
    if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 { 1.0 } else { x }
        } else if y.is_nan() {
            if x == 1.0 { 1.0 } else { y }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && libm::fmod(y.abs(), 2.0) == 1.0;
            if y > 0.0 {
                if odd_y { x } else { x.abs() }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
            f64::INFINITY
        } else {
            0.0
        };
        return Ok(r);
    }
    let r = libm::pow(x, y);
    if r.is_nan() {
        return Err(MathErr::Domain);
    }
    if r.is_infinite() {
        return Err(if x == 0.0 {
            MathErr::Domain
        } else {
            MathErr::Range
        });
    }
    Ok(r)
}

/// `nextafter(x, y, steps=n)`: n representable steps from x towards y, stopping at y.
pub(crate) fn nextafter_steps(x: f64, y: f64, steps: u64) -> f64 {
    if steps == 0 || x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    let (ux, uy) = (x.to_bits(), y.to_bits());
    if ux == uy {
        return x;
    }
    const SIGN: u64 = 1 << 63;
    let ax = ux & !SIGN;
    let ay = uy & !SIGN;
    if (ux ^ uy) & SIGN != 0 {
        // Opposite signs: walk down to zero, then up on y's side.
        if ax + ay <= steps {
            y
        } else if ax < steps {
            f64::from_bits((uy & SIGN) | (steps - ax))
        } else {
            f64::from_bits(ux - steps)
        }
    } else if ax > ay {
        if ax - ay >= steps {
            f64::from_bits(ux - steps)
        } else {
            y
        }
    } else if ay - ax >= steps {
        f64::from_bits(ux + steps)
    } else {
        y
    }
}

/// `math.fsum`: Shewchuk's exact partial sums, then a correctly rounded total (with the
/// half-even fix-up across partials).
pub(crate) fn fsum(vm: &Vm, seq: &Value) -> PyResult<f64> {
    let it = vm.iter(seq)?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special_sum = 0.0;
    let mut inf_sum = 0.0;
    while let Some(item) = vm.next(&it)? {
        let mut x = super::as_double(vm, &item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // From an inf or nan summand, or from overflow of finite ones.
                if xsave.is_finite() {
                    return Err(vm.new_overflow_error("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                partials.clear();
            } else {
                if partials.len() == partials.capacity() {
                    partials
                        .try_reserve(partials.len().max(32))
                        .map_err(|_| vm.new_memory_error("math.fsum partials"))?;
                }
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if f64::is_nan(inf_sum) {
            return Err(vm.new_value_error("-inf + inf in fsum"));
        }
        return Ok(special_sum);
    }
    let mut n = partials.len();
    let mut hi = 0.0;
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(hi)
}

/// `(hi, lo)` with `hi + lo == a + b` exactly, for `|a| >= |b|`.
fn fast_two_sum(a: f64, b: f64) -> (f64, f64) {
    let x = a + b;
    (x, (a - x) + b)
}

/// `(hi, lo)` with `hi + lo == a + b` exactly.
fn two_sum(a: f64, b: f64) -> (f64, f64) {
    let x = a + b;
    let z = x - a;
    (x, (a - (x - z)) + (b - z))
}

/// `(hi, lo)` with `hi + lo == x * y` exactly.
fn two_mul(x: f64, y: f64) -> (f64, f64) {
    let z = x * y;
    (z, x.mul_add(y, -z))
}

/// The Euclidean norm of nonnegative `vec` (CPython's `vector_norm`): power-of-two
/// scaling, exact squares, compensated summation and a square-root correction step.
pub(crate) fn vector_norm(vec: &mut [f64]) -> f64 {
    let mut max = 0.0f64;
    let mut found_nan = false;
    for &x in vec.iter() {
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
    }
    norm_scaled(vec, max, found_nan)
}

fn norm_scaled(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp(max);
    if max_e < -1023 {
        // ldexp(1.0, -max_e) would overflow: make the subnormals normal first.
        for x in vec.iter_mut() {
            *x /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * norm_scaled(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = ldexp(1.0, i64::from(-max_e));
    let mut csum = 1.0;
    let mut frac1 = 0.0;
    let mut frac2 = 0.0;
    for &x in vec.iter() {
        let x = x * scale;
        let (hi, lo) = two_mul(x, x);
        let (s, slo) = fast_two_sum(csum, hi);
        csum = s;
        frac1 += lo;
        frac2 += slo;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let (hi, lo) = two_mul(-h, h);
    let (s, slo) = fast_two_sum(csum, hi);
    csum = s;
    frac1 += lo;
    frac2 += slo;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

/// A triple-length float accumulator for `sumprod`.
#[derive(Clone, Copy, Default)]
struct Triple {
    hi: f64,
    lo: f64,
    tiny: f64,
}

impl Triple {
    /// `self + x * y` (Ogita-Rump-Oishi's Algorithm 5.10 with K = 3).
    fn fma(self, x: f64, y: f64) -> Triple {
        let (phi, plo) = two_mul(x, y);
        let (shi, slo) = two_sum(self.hi, phi);
        let (r1hi, r1lo) = two_sum(self.lo, plo);
        let (r2hi, r2lo) = two_sum(r1hi, slo);
        Triple {
            hi: shi,
            lo: r2hi,
            tiny: self.tiny + r1lo + r2lo,
        }
    }

    fn to_f64(self) -> f64 {
        let (hi, lo) = two_sum(self.lo, self.hi);
        self.tiny + lo + hi
    }
}

/// Whether `v` is an exact int (not a subclass, not bool).
fn is_exact_int(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Int(_) => true,
        Value::Obj(o) => o.ty().is(&vm.types.int),
        _ => false,
    }
}

/// `math.sumprod(p, q)`: exact i64 products while they fit, extended-precision float
/// products for float/float and float/int pairs, generic arithmetic otherwise.
pub(crate) fn sumprod(vm: &Vm, p: &Value, q: &Value) -> PyResult<Value> {
    let p_it = vm.iter(p)?;
    let q_it = vm.iter(q)?;
    let mut total = Value::Int(0);
    let mut int_enabled = true;
    let mut int_total: i64 = 0;
    let mut int_in_use = false;
    let mut flt_enabled = true;
    let mut flt_total = Triple::default();
    let mut flt_in_use = false;
    loop {
        let pi = vm.next(&p_it)?;
        let qi = vm.next(&q_it)?;
        if pi.is_some() != qi.is_some() {
            return Err(vm.new_value_error("Inputs are not the same length"));
        }
        let (pi, qi) = match (pi, qi) {
            (Some(a), Some(b)) => (Some(a), Some(b)),
            _ => (None, None),
        };
        let finished = pi.is_none();
        if int_enabled {
            if let (Some(Value::Int(a)), Some(Value::Int(b))) = (&pi, &qi)
                && let Some(prod) = a.checked_mul(*b)
                && let Some(t) = int_total.checked_add(prod)
            {
                int_total = t;
                int_in_use = true;
                continue;
            }
            int_enabled = false;
            if int_in_use {
                total = vm.binary_op(&total, &Value::Int(int_total), BinOp::Add)?;
                int_in_use = false;
            }
        }
        if flt_enabled {
            if let (Some(a), Some(b)) = (&pi, &qi) {
                let pair = match (a, b) {
                    (Value::Float(x), Value::Float(y)) => Some((*x, *y)),
                    (Value::Float(x), other) | (other, Value::Float(x))
                        if is_exact_int(vm, other) || matches!(other, Value::Bool(_)) =>
                    {
                        let i = match other {
                            Value::Bool(b) => Some(f64::from(u8::from(*b))),
                            _ => crate::types::int::as_int(other)
                                .and_then(crate::types::int::int_to_f64),
                        };
                        i.map(|i| (*x, i))
                    }
                    _ => None,
                };
                if let Some((x, y)) = pair {
                    let next = flt_total.fma(x, y);
                    if next.hi.is_finite() {
                        flt_total = next;
                        flt_in_use = true;
                        continue;
                    }
                }
            }
            flt_enabled = false;
            if flt_in_use {
                total = vm.binary_op(&total, &vm.new_float(flt_total.to_f64()), BinOp::Add)?;
                flt_in_use = false;
            }
        }
        let (Some(a), Some(b)) = (pi, qi) else {
            debug_assert!(finished);
            return Ok(total);
        };
        let term = vm.binary_op(&a, &b, BinOp::Mul)?;
        total = vm.binary_op(&total, &term, BinOp::Add)?;
    }
}

/// `math.prod(iterable, start=start)` with CPython's int and float fast paths (which
/// decide the float rounding order).
pub(crate) fn prod(vm: &Vm, iterable: &Value, start: Value) -> PyResult<Value> {
    let it = vm.iter(iterable)?;
    let mut result = start;
    if let Value::Int(mut acc) = result {
        loop {
            let Some(item) = vm.next(&it)? else {
                return Ok(Value::Int(acc));
            };
            if let Value::Int(b) = item
                && let Some(p) = acc.checked_mul(b)
            {
                acc = p;
                continue;
            }
            result = vm.binary_op(&Value::Int(acc), &item, BinOp::Mul)?;
            break;
        }
    }
    if let Value::Float(mut acc) = result {
        loop {
            let Some(item) = vm.next(&it)? else {
                return Ok(vm.new_float(acc));
            };
            match item {
                Value::Float(f) => acc *= f,
                Value::Int(i) => acc *= i as f64,
                _ => {
                    result = vm.binary_op(&vm.new_float(acc), &item, BinOp::Mul)?;
                    break;
                }
            }
        }
    }
    while let Some(item) = vm.next(&it)? {
        result = vm.binary_op(&result, &item, BinOp::Mul)?;
    }
    Ok(result)
}
