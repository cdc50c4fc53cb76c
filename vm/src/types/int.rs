//! `int` and `bool`: the heap payload for ints beyond 64 bits (and int-subclass instances),
//! exact arithmetic with CPython's semantics (floor division and modulo, negative shifts,
//! `**` with negative exponents giving floats, correctly rounded true division and
//! int-to-float conversion), exact int/float comparison, hashing and parsing.
//!
//! The fast paths work on `i64` with overflow checks and allocate nothing; results that do
//! not fit fall back to num-bigint and are normalized back to `Value::Int` when they fit.

use std::borrow::Cow;
use std::cmp::Ordering;

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::object::Value;
use crate::runtime::{PyResult, Vm};

/// The heap int payload: values outside `i64`, or any value for int subclasses.
pub struct Int {
    /// The value.
    pub value: BigInt,
}

crate::payload!(Int);

/// An int operand viewed without copying.
#[derive(Clone, Copy, Debug)]
pub enum IntRef<'a> {
    /// Fits in 64 bits.
    Small(i64),
    /// A heap int.
    Big(&'a BigInt),
}

impl IntRef<'_> {
    /// The value as a `BigInt` (borrowed when already big).
    pub fn to_big(self) -> Cow<'static, BigInt>
    where
        Self: Sized,
    {
        match self {
            IntRef::Small(i) => Cow::Owned(BigInt::from(i)),
            IntRef::Big(b) => Cow::Owned(b.clone()),
        }
    }

    /// The value as a `BigInt`, borrowing when possible.
    pub fn big(&self) -> Cow<'_, BigInt> {
        match *self {
            IntRef::Small(i) => Cow::Owned(BigInt::from(i)),
            IntRef::Big(b) => Cow::Borrowed(b),
        }
    }

    /// The value as `i64` if it fits.
    pub fn to_i64(self) -> Option<i64> {
        match self {
            IntRef::Small(i) => Some(i),
            IntRef::Big(b) => b.to_i64(),
        }
    }

    /// The sign: -1, 0 or 1.
    pub fn signum(self) -> i64 {
        match self {
            IntRef::Small(i) => i.signum(),
            IntRef::Big(b) => match b.sign() {
                Sign::Minus => -1,
                Sign::NoSign => 0,
                Sign::Plus => 1,
            },
        }
    }
}

/// Views `v` as an int if it is one (`int`, `bool`, or an int subclass instance).
#[inline]
pub fn as_int(v: &Value) -> Option<IntRef<'_>> {
    match v {
        Value::Int(i) => Some(IntRef::Small(*i)),
        Value::Bool(b) => Some(IntRef::Small(i64::from(*b))),
        Value::Obj(o) => o.downcast::<Int>().map(|i| IntRef::Big(&i.value)),
        _ => None,
    }
}

/// Saturates a big int to the i64 range (slice bounds).
pub fn saturate_i64(b: &BigInt) -> i64 {
    b.to_i64()
        .unwrap_or(if b.is_negative() { i64::MIN } else { i64::MAX })
}

/// Exact `i == f`.
pub fn i64_eq_f64(i: i64, f: f64) -> bool {
    cmp_i64_f64(i, f) == Some(Ordering::Equal)
}

/// Exact comparison of an i64 with a float (`None` when the float is NaN).
pub fn cmp_i64_f64(i: i64, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if i.unsigned_abs() < (1 << 53) {
        return (i as f64).partial_cmp(&f);
    }
    const TWO63: f64 = 9_223_372_036_854_775_808.0;
    if f >= TWO63 {
        return Some(Ordering::Less);
    }
    if f < -TWO63 {
        return Some(Ordering::Greater);
    }
    let t = f.trunc();
    let ti = t as i64;
    match i.cmp(&ti) {
        Ordering::Equal => 0.0f64.partial_cmp(&(f - t)),
        o => Some(o),
    }
}

/// Exact comparison of a big int with a float.
pub fn cmp_big_f64(b: &BigInt, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let t = f.trunc();
    let tb = float_to_bigint(t)?;
    match b.cmp(&tb) {
        Ordering::Equal => 0.0f64.partial_cmp(&(f - t)),
        o => Some(o),
    }
}

/// Exact comparison of an int with a float.
pub fn cmp_int_f64(i: IntRef<'_>, f: f64) -> Option<Ordering> {
    match i {
        IntRef::Small(i) => cmp_i64_f64(i, f),
        IntRef::Big(b) => cmp_big_f64(b, f),
    }
}

/// The integer value of a finite, integral float.
pub fn float_to_bigint(f: f64) -> Option<BigInt> {
    if !f.is_finite() {
        return None;
    }
    let f = f.trunc();
    if f.abs() < 9.0e15 {
        return Some(BigInt::from(f as i64));
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = (bits & ((1 << 52) - 1)) | (1 << 52);
    let mut b = BigInt::from(mant);
    if exp >= 0 {
        b <<= exp as usize;
    } else {
        b >>= (-exp) as usize;
    }
    Some(if f < 0.0 { -b } else { b })
}

/// Correctly rounded conversion to float (`None` on overflow).
pub fn int_to_f64(i: IntRef<'_>) -> Option<f64> {
    match i {
        IntRef::Small(i) => Some(i as f64),
        IntRef::Big(b) => big_to_f64(b),
    }
}

/// Correctly rounded big int to float (round-half-even), `None` when too large.
pub fn big_to_f64(b: &BigInt) -> Option<f64> {
    let mag = b.magnitude();
    let bits = mag.bits();
    if bits <= 64 {
        let v = mag.to_u64()? as f64;
        return Some(if b.is_negative() { -v } else { v });
    }
    // Keep the top 64 bits and fold the rest into a sticky bit: the u64 -> f64 conversion
    // then rounds exactly as rounding the full value would.
    let shift = bits - 64;
    let top: num_bigint::BigUint = mag >> shift;
    let mut top = top.to_u64()?;
    let rest_nonzero = mag.trailing_zeros().is_some_and(|tz| tz < shift);
    if rest_nonzero {
        top |= 1;
    }
    let v = ldexp(top as f64, shift as i64);
    if v.is_infinite() {
        return None;
    }
    Some(if b.is_negative() { -v } else { v })
}

/// `x * 2^e`, overflowing to infinity and underflowing with correct rounding.
pub fn ldexp(x: f64, e: i64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let mut x = x;
    let mut e = e.clamp(-5000, 5000) as i32;
    // Scale in steps that keep intermediate results normal where possible.
    while e > 1000 {
        x *= f64::from_bits(0x7e70_0000_0000_0000); // 2^1000
        e -= 1000;
        if x.is_infinite() {
            return x;
        }
    }
    while e < -1000 {
        x *= f64::from_bits(0x0170_0000_0000_0000); // 2^-1000
        e += 1000;
        if x == 0.0 {
            return x;
        }
    }
    x * 2f64.powi(e)
}

impl Vm {
    /// An int value from a big int, normalized to `Value::Int` when it fits.
    pub fn new_int(&self, b: BigInt) -> Value {
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => {
                Value::Obj(crate::object::core::alloc(&self.types.int, Int { value: b }).into_obj())
            }
        }
    }

    /// Converts with `__index__` (`operator.index`): `None` when `v` has no `__index__`.
    pub fn try_index<'a>(&self, v: &'a Value) -> PyResult<Option<Cow<'a, BigInt>>> {
        if let Some(i) = as_int(v) {
            return Ok(Some(match i {
                IntRef::Small(s) => Cow::Owned(BigInt::from(s)),
                IntRef::Big(b) => Cow::Borrowed(b),
            }));
        }
        let Some(index) = v.class(self).slots.index.get() else {
            return Ok(None);
        };
        let r = index(self, v)?;
        match as_int(&r) {
            Some(i) => Ok(Some(Cow::Owned(i.big().into_owned()))),
            None => Err(self.new_type_error(format!(
                "__index__ returned non-int (type {})",
                self.type_name(&r)
            ))),
        }
    }

    /// `operator.index(v)` as an `i64`, raising OverflowError beyond the range (CPython's
    /// "cannot fit 'int' into an index-sized integer").
    pub fn index_value(&self, v: &Value) -> PyResult<i64> {
        if let Value::Int(i) = v {
            return Ok(*i);
        }
        match self.try_index(v)? {
            Some(b) => b
                .to_i64()
                .ok_or_else(|| self.new_index_overflow(&self.type_name(v))),
            None => Err(self.new_type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(v)
            ))),
        }
    }

    /// A `Py_ssize_t` argument of a builtin (argument clinic's `n`): like index_value, but
    /// with CPython's message for ints beyond the range.
    pub fn ssize_arg(&self, v: &Value) -> PyResult<i64> {
        match self.try_index(v)? {
            Some(n) => n.to_i64().ok_or_else(|| {
                self.new_overflow_error("Python int too large to convert to C ssize_t")
            }),
            None => self.index_value(v),
        }
    }

    /// The OverflowError for ints that do not fit an index.
    #[cold]
    pub fn new_index_overflow(&self, type_name: &str) -> crate::runtime::PyErr {
        self.new_overflow_error(format!(
            "cannot fit '{type_name}' into an index-sized integer"
        ))
    }

    /// A subscript index for sequence `what` ("list indices must be integers or slices,
    /// not str"); IndexError-sized values raise IndexError like CPython.
    pub fn index_for(&self, key: &Value, what: &str) -> PyResult<i64> {
        if let Value::Int(i) = key {
            return Ok(*i);
        }
        match self.try_index(key)? {
            Some(b) => b.to_i64().ok_or_else(|| {
                self.new_index_error(format!(
                    "cannot fit '{}' into an index-sized integer",
                    self.type_name(key)
                ))
            }),
            None if what == "string" => Err(self.new_type_error(format!(
                "string indices must be integers, not '{}'",
                self.type_name(key)
            ))),
            None => Err(self.new_type_error(format!(
                "{what} indices must be integers or slices, not {}",
                self.type_name(key)
            ))),
        }
    }

    /// The count of a sequence repetition (`seq * n`): `None` when `n` is not an integer.
    /// Negative counts are 0.
    pub fn repeat_count(&self, n: &Value) -> PyResult<Option<usize>> {
        let Some(b) = self.try_index(n)? else {
            return Ok(None);
        };
        if b.is_negative() {
            return Ok(Some(0));
        }
        // A count beyond Py_ssize_t overflows even where the memory could never exist.
        match b.to_i64() {
            Some(c) => Ok(Some(c as usize)),
            None => Err(self.new_index_overflow(&self.type_name(n))),
        }
    }

    /// `items * count`, raising MemoryError for impossible sizes.
    pub fn repeat_items(&self, items: &[Value], count: usize) -> PyResult<Vec<Value>> {
        let total = items
            .len()
            .checked_mul(count)
            .filter(|&t| t <= isize::MAX as usize / std::mem::size_of::<Value>())
            .ok_or_else(|| self.new_memory_error(""))?;
        let mut out = Vec::new();
        out.try_reserve_exact(total)
            .map_err(|_| self.new_memory_error(""))?;
        for _ in 0..count {
            out.extend_from_slice(items);
        }
        Ok(out)
    }
}

// ---------------------------------------------------------------------------------------------
// Arithmetic on int operands

/// `a + b`.
#[inline]
pub fn int_add(vm: &Vm, a: IntRef<'_>, b: IntRef<'_>) -> Value {
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b)
        && let Some(r) = x.checked_add(y)
    {
        return Value::Int(r);
    }
    vm.new_int(&*a.big() + &*b.big())
}

/// `a - b`.
#[inline]
pub fn int_sub(vm: &Vm, a: IntRef<'_>, b: IntRef<'_>) -> Value {
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b)
        && let Some(r) = x.checked_sub(y)
    {
        return Value::Int(r);
    }
    vm.new_int(&*a.big() - &*b.big())
}

/// `a * b`.
#[inline]
pub fn int_mul(vm: &Vm, a: IntRef<'_>, b: IntRef<'_>) -> Value {
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b)
        && let Some(r) = x.checked_mul(y)
    {
        return Value::Int(r);
    }
    vm.new_int(&*a.big() * &*b.big())
}

/// `a // b` (floor division).
pub fn int_floordiv(vm: &Vm, a: IntRef<'_>, b: IntRef<'_>) -> PyResult<Value> {
    if b.signum() == 0 {
        return Err(vm.new_zero_division_error("division by zero"));
    }
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b)
        && let Some(q) = x.checked_div(y)
    {
        let q = if (x % y != 0) && ((x < 0) != (y < 0)) {
            q - 1
        } else {
            q
        };
        return Ok(Value::Int(q));
    }
    if let (IntRef::Big(x), IntRef::Big(y)) = (a, b)
        && let Some(q) = floordiv_small_quotient(x, y)
    {
        return Ok(Value::Int(q));
    }
    Ok(vm.new_int(a.big().div_floor(&b.big())))
}

/// `a // b` for a divisor wider than 64 bits and a quotient below 2^33 (known from the
/// bit lengths): pidigits' `(q*j + r) // (s*j + t)` divides numbers of thousands of digits
/// with a one-digit result. The quotient is estimated from the top bits (off by at most
/// one either way: the divisor's top word is at least 2^63) and fixed with one
/// multiply-subtract, O(n) like CPython's schoolbook division for such a quotient;
/// num-bigint's Burnikel-Ziegler division took ~75% of that workload. `None` otherwise.
fn floordiv_small_quotient(a: &BigInt, b: &BigInt) -> Option<i64> {
    let (ma, mb) = (a.magnitude(), b.magnitude());
    let (na, nb) = (ma.bits(), mb.bits());
    if nb <= 64 || na > nb + 32 {
        return None;
    }
    let (q, exact) = if na < nb {
        (0, ma.is_zero())
    } else {
        let k = nb - 64;
        let top_b = bits_from(mb, k);
        let estimate = (bits_from(ma, k) / top_b) as u64;
        let mut q = estimate;
        let mut product = mb * estimate;
        if product > *ma {
            // `estimate >= 1` here: a zero product is never above `ma`.
            q -= 1;
            product -= mb;
            if product > *ma {
                return None;
            }
        }
        let rem = ma - &product;
        if rem >= *mb {
            let rem = rem - mb;
            if rem >= *mb {
                return None;
            }
            (q + 1, rem.is_zero())
        } else {
            (q, rem.is_zero())
        }
    };
    let q = q as i64;
    // Floor: with operands of opposite signs an inexact quotient rounds down.
    let negative = (a.sign() == Sign::Minus) != (b.sign() == Sign::Minus);
    Some(match (negative, exact) {
        (false, _) => q,
        (true, true) => -q,
        (true, false) => -q - 1,
    })
}

/// Bits `k..k + 128` of `x` (the higher ones dropped).
fn bits_from(x: &num_bigint::BigUint, k: u64) -> u128 {
    let mut digits = x.iter_u64_digits();
    let lo = digits.nth((k / 64) as usize).unwrap_or(0);
    let mid = digits.next().unwrap_or(0);
    let hi = digits.next().unwrap_or(0);
    let low = u128::from(lo) | (u128::from(mid) << 64);
    match (k % 64) as u32 {
        0 => low,
        s => (low >> s) | (u128::from(hi) << (128 - s)),
    }
}

/// `a % b` (sign of the divisor).
pub fn int_mod(vm: &Vm, a: IntRef<'_>, b: IntRef<'_>) -> PyResult<Value> {
    if b.signum() == 0 {
        return Err(vm.new_zero_division_error("division by zero"));
    }
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b)
        && let Some(r) = x.checked_rem(y)
    {
        let r = if r != 0 && ((r < 0) != (y < 0)) {
            r + y
        } else {
            r
        };
        return Ok(Value::Int(r));
    }
    Ok(vm.new_int(a.big().mod_floor(&b.big())))
}

/// `divmod(a, b)` as a pair.
pub fn int_divmod(vm: &Vm, a: IntRef<'_>, b: IntRef<'_>) -> PyResult<(Value, Value)> {
    Ok((int_floordiv(vm, a, b)?, int_mod(vm, a, b)?))
}

/// `a / b`, correctly rounded.
pub fn int_truediv(vm: &Vm, a: IntRef<'_>, b: IntRef<'_>) -> PyResult<Value> {
    if b.signum() == 0 {
        return Err(vm.new_zero_division_error("division by zero"));
    }
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b)
        && x.unsigned_abs() <= 1 << 53
        && y.unsigned_abs() <= 1 << 53
    {
        return Ok(Value::Float(x as f64 / y as f64));
    }
    match big_truediv(&a.big(), &b.big()) {
        Some(f) => Ok(Value::Float(f)),
        None => Err(vm.new_overflow_error("integer division result too large for a float")),
    }
}

/// Correctly rounded `a / b` for big ints (`b != 0`); `None` on overflow.
fn big_truediv(a: &BigInt, b: &BigInt) -> Option<f64> {
    let negative = a.is_negative() != b.is_negative();
    let (a, b) = (a.magnitude(), b.magnitude());
    if a.is_zero() {
        return Some(if negative { -0.0 } else { 0.0 });
    }
    let diff = a.bits() as i64 - b.bits() as i64;
    if diff > 1025 {
        return None;
    }
    if diff < -1080 {
        return Some(if negative { -0.0 } else { 0.0 });
    }
    // Aim for a quotient of at least 55 bits (53 + guard + sticky) but never keep more
    // precision than the result's exponent allows (subnormals have fewer bits).
    let exp_estimate = diff; // a/b is in [2^(diff-1), 2^(diff+1))
    let min_exp = -1074i64; // exponent of the smallest subnormal's unit
    let mut shift = 55 - diff;
    if exp_estimate - 55 < min_exp - 2 {
        shift = -(min_exp - 2);
    }
    let (num, den) = if shift >= 0 {
        (a << (shift as usize), b.clone())
    } else {
        (a.clone(), b << ((-shift) as usize))
    };
    let (q, r) = num.div_rem(&den);
    let mut q = q.to_u128()?;
    if !r.is_zero() {
        q |= 1;
    }
    // q * 2^-shift, rounded to 53 bits (fewer when subnormal).
    let qbits = 128 - q.leading_zeros() as i64;
    let result_exp = qbits - shift; // value < 2^result_exp
    let keep = if result_exp - 53 < min_exp {
        (result_exp - min_exp).max(0)
    } else {
        53
    };
    let drop_bits = (qbits - keep).max(0);
    let mut mant = q >> drop_bits;
    if drop_bits > 0 {
        let half = 1u128 << (drop_bits - 1);
        let rest = q & ((1u128 << drop_bits) - 1);
        if rest > half || (rest == half && mant & 1 == 1) {
            mant += 1;
        }
    }
    let v = ldexp(mant as f64, drop_bits - shift);
    if v.is_infinite() {
        return None;
    }
    Some(if negative { -v } else { v })
}

/// `a ** b` for ints; a negative exponent gives a float.
pub fn int_pow(vm: &Vm, a: IntRef<'_>, b: IntRef<'_>) -> PyResult<Value> {
    if b.signum() < 0 {
        if a.signum() == 0 {
            return Err(vm.new_zero_division_error("zero to a negative power"));
        }
        let (Some(x), Some(y)) = (int_to_f64(a), int_to_f64(b)) else {
            return Err(vm.new_overflow_error("int too large to convert to float"));
        };
        return crate::types::float::float_pow_values(vm, x, y);
    }
    let Some(e) = b.to_i64() else {
        // Only 0, 1 and -1 survive huge exponents.
        return match a.to_i64() {
            Some(0) => Ok(Value::Int(0)),
            Some(1) => Ok(Value::Int(1)),
            Some(-1) => Ok(Value::Int(if b.big().is_even() { 1 } else { -1 })),
            _ => Err(vm.new_memory_error("")),
        };
    };
    if let IntRef::Small(x) = a
        && let Ok(e32) = u32::try_from(e)
        && let Some(r) = x.checked_pow(e32)
    {
        return Ok(Value::Int(r));
    }
    let base = a.big();
    let bits = base.bits() as u128 * e as u128;
    if bits > 1 << 36 {
        return Err(vm.new_memory_error(""));
    }
    Ok(vm.new_int(num_traits::pow::pow(base.into_owned(), e as usize)))
}

/// `pow(a, b, m)`.
pub fn int_pow_mod(vm: &Vm, a: IntRef<'_>, b: IntRef<'_>, m: IntRef<'_>) -> PyResult<Value> {
    let m = m.big().into_owned();
    if m.is_zero() {
        return Err(vm.new_value_error("pow() 3rd argument cannot be 0"));
    }
    let mabs = m.abs();
    let mut base = a.big().mod_floor(&mabs);
    let mut e = b.big().into_owned();
    if e.is_negative() {
        let Some(inv) = mod_inverse(&base, &mabs) else {
            return Err(vm.new_value_error("base is not invertible for the given modulus"));
        };
        base = inv;
        e = -e;
    }
    let mut r = base.modpow(&e, &mabs);
    // The result takes the sign of the modulus.
    if m.is_negative() && !r.is_zero() {
        r += &m;
    }
    Ok(vm.new_int(r))
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let g = a.extended_gcd(m);
    if !g.gcd.is_one() {
        return None;
    }
    Some(g.x.mod_floor(m))
}

/// `a << b`.
pub fn int_lshift(vm: &Vm, a: IntRef<'_>, b: IntRef<'_>) -> PyResult<Value> {
    if b.signum() < 0 {
        return Err(vm.new_value_error("negative shift count"));
    }
    if a.signum() == 0 {
        return Ok(Value::Int(0));
    }
    let Some(n) = b.to_i64() else {
        return Err(vm.new_overflow_error("too many digits in integer"));
    };
    if let IntRef::Small(x) = a
        && n < 63
    {
        let r = x.checked_shl(n as u32).filter(|r| r >> n == x);
        if let Some(r) = r {
            return Ok(Value::Int(r));
        }
    }
    if n > 1 << 36 {
        return Err(vm.new_memory_error(""));
    }
    Ok(vm.new_int(&*a.big() << (n as usize)))
}

/// `a >> b` (floor).
pub fn int_rshift(vm: &Vm, a: IntRef<'_>, b: IntRef<'_>) -> PyResult<Value> {
    if b.signum() < 0 {
        return Err(vm.new_value_error("negative shift count"));
    }
    let n = b.to_i64().unwrap_or(i64::MAX);
    if let IntRef::Small(x) = a {
        return Ok(Value::Int(if n >= 64 { x >> 63 } else { x >> n }));
    }
    let big = a.big();
    if n as u64 > big.bits() {
        return Ok(Value::Int(if big.is_negative() { -1 } else { 0 }));
    }
    Ok(vm.new_int(&*big >> (n as usize)))
}

macro_rules! bitop {
    ($name:ident, $op:tt) => {
        /// Bitwise operation on two's complement ints.
        pub fn $name(vm: &Vm, a: IntRef<'_>, b: IntRef<'_>) -> Value {
            if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
                return Value::Int(x $op y);
            }
            vm.new_int(&*a.big() $op &*b.big())
        }
    };
}
bitop!(int_and, &);
bitop!(int_or, |);
bitop!(int_xor, ^);

/// `-a`.
pub fn int_neg(vm: &Vm, a: IntRef<'_>) -> Value {
    if let IntRef::Small(x) = a
        && let Some(r) = x.checked_neg()
    {
        return Value::Int(r);
    }
    vm.new_int(-a.big().into_owned())
}

/// `abs(a)`.
pub fn int_abs(vm: &Vm, a: IntRef<'_>) -> Value {
    if a.signum() < 0 {
        int_neg(vm, a)
    } else {
        int_pos(vm, a)
    }
}

/// `+a` (an exact int).
pub fn int_pos(vm: &Vm, a: IntRef<'_>) -> Value {
    match a {
        IntRef::Small(x) => Value::Int(x),
        IntRef::Big(b) => vm.new_int(b.clone()),
    }
}

/// `~a`.
pub fn int_invert(vm: &Vm, a: IntRef<'_>) -> Value {
    match a {
        IntRef::Small(x) => Value::Int(!x),
        IntRef::Big(b) => vm.new_int(-b - 1),
    }
}

/// Compares two ints.
#[inline]
pub fn int_cmp(a: IntRef<'_>, b: IntRef<'_>) -> Ordering {
    match (a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => x.cmp(&y),
        _ => a.big().cmp(&b.big()),
    }
}

/// `hash(int)`.
pub fn int_hash(a: IntRef<'_>) -> i64 {
    match a {
        IntRef::Small(x) => crate::runtime::hash::hash_i64(x),
        IntRef::Big(b) => {
            let (sign, digits) = b.to_u32_digits();
            crate::runtime::hash::hash_bigint(sign == Sign::Minus, &digits)
        }
    }
}

/// `repr(int)`, enforcing CPython's limit on decimal digits.
pub fn int_repr(vm: &Vm, a: IntRef<'_>) -> PyResult<String> {
    match a {
        IntRef::Small(x) => Ok(x.to_string()),
        IntRef::Big(b) => {
            let (_, digits) = b.to_u32_digits();
            crate::text::repr::check_bigint_repr(&digits)
                .map_err(|e| vm.new_value_error(e.to_string()))?;
            Ok(b.to_string())
        }
    }
}

/// Parses an int literal as `int(s, base)` does; `None` when invalid.
pub fn parse_int(text: &str, base: u32) -> Option<BigInt> {
    let s = text.trim_matches(|c: char| c.is_whitespace());
    let (negative, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = s.to_ascii_lowercase();
    let (base, digits, prefixed) = match base {
        0 => {
            if let Some(rest) = lower.strip_prefix("0x") {
                (16, rest.to_string(), true)
            } else if let Some(rest) = lower.strip_prefix("0o") {
                (8, rest.to_string(), true)
            } else if let Some(rest) = lower.strip_prefix("0b") {
                (2, rest.to_string(), true)
            } else {
                // Base 0 forbids leading zeros in non-zero decimals.
                let plain: String = lower.chars().filter(|&c| c != '_').collect();
                if plain.len() > 1 && plain.starts_with('0') && plain.chars().any(|c| c != '0') {
                    return None;
                }
                (10, lower.clone(), false)
            }
        }
        16 => match lower.strip_prefix("0x") {
            Some(rest) => (16, rest.to_string(), true),
            None => (16, lower.clone(), false),
        },
        8 => match lower.strip_prefix("0o") {
            Some(rest) => (8, rest.to_string(), true),
            None => (8, lower.clone(), false),
        },
        2 => match lower.strip_prefix("0b") {
            Some(rest) => (2, rest.to_string(), true),
            None => (2, lower.clone(), false),
        },
        b => (b, lower.clone(), false),
    };
    // Underscores: single, between digits, or right after a base prefix.
    let bytes = digits.as_bytes();
    if bytes.is_empty() {
        return None;
    }
    let mut clean = String::with_capacity(digits.len());
    let mut prev_underscore = !prefixed;
    for (i, ch) in digits.chars().enumerate() {
        if ch == '_' {
            if prev_underscore || i + 1 == digits.chars().count() {
                return None;
            }
            prev_underscore = true;
            continue;
        }
        prev_underscore = false;
        let d = unicode_digit(ch)
            .map(|d| char::from_digit(d, 10).unwrap_or('0'))
            .unwrap_or(ch);
        if !d.is_digit(base) {
            return None;
        }
        clean.push(d);
    }
    if clean.is_empty() {
        return None;
    }
    let v = BigInt::parse_bytes(clean.as_bytes(), base)?;
    Some(if negative { -v } else { v })
}

/// The value of a Unicode decimal digit outside ASCII (the `Nd` blocks most text uses).
pub fn unicode_digit(c: char) -> Option<u32> {
    const ZEROS: &[u32] = &[
        0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
        0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0,
        0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0,
        0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450,
        0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6,
        0x1E950,
    ];
    let cp = c as u32;
    if cp < 0x80 {
        return None;
    }
    ZEROS
        .iter()
        .find(|&&z| (z..z + 10).contains(&cp))
        .map(|&z| cp - z)
}

/// `True`/`False` for a bool-ish int (used by `bool`'s operators).
pub fn bool_of(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_float_comparison_is_exact() {
        assert_eq!(
            cmp_i64_f64(1 << 60, 1152921504606846976.0),
            Some(Ordering::Equal)
        );
        assert_eq!(
            cmp_i64_f64((1 << 60) + 1, 1152921504606846976.0),
            Some(Ordering::Greater)
        );
        assert_eq!(
            cmp_i64_f64(i64::MAX, 9.223_372_036_854_776e18),
            Some(Ordering::Less)
        );
        assert_eq!(cmp_i64_f64(3, 2.5), Some(Ordering::Greater));
        assert_eq!(cmp_i64_f64(-3, -2.5), Some(Ordering::Less));
        assert_eq!(cmp_i64_f64(0, f64::NAN), None);
    }

    #[test]
    fn big_to_float_rounds_half_even() {
        let b = (BigInt::one() << 64usize) + BigInt::from(1 << 11); // tie below
        assert_eq!(big_to_f64(&b), Some(18446744073709551616.0));
        let b = (BigInt::one() << 64usize) + BigInt::from((1 << 11) + 1);
        assert_eq!(big_to_f64(&b), Some(18446744073709555712.0));
        let huge = BigInt::one() << 1024usize;
        assert_eq!(big_to_f64(&huge), None);
    }

    #[test]
    fn true_division_is_correctly_rounded() {
        let ten = BigInt::from(10);
        let a = num_traits::pow(ten.clone(), 30);
        let b = num_traits::pow(ten, 29) * 3;
        assert_eq!(big_truediv(&a, &b), Some(10.0 / 3.0));
        let one = BigInt::one();
        let tiny = BigInt::one() << 1074usize;
        assert_eq!(big_truediv(&one, &tiny), Some(5e-324));
        assert_eq!(big_truediv(&(BigInt::one() << 1100usize), &one), None);
    }

    #[test]
    fn parse_like_cpython() {
        assert_eq!(parse_int(" 1_000 ", 10), Some(BigInt::from(1000)));
        assert_eq!(parse_int("0x1f", 0), Some(BigInt::from(31)));
        assert_eq!(parse_int("0x_1f", 0), Some(BigInt::from(31)));
        assert_eq!(parse_int("010", 0), None);
        assert_eq!(parse_int("00", 0), Some(BigInt::from(0)));
        assert_eq!(parse_int("1__0", 10), None);
        assert_eq!(parse_int("_1", 10), None);
        assert_eq!(parse_int("1_", 10), None);
        assert_eq!(parse_int("-", 10), None);
        assert_eq!(parse_int("٣", 10), Some(BigInt::from(3)));
        assert_eq!(parse_int("z", 36), Some(BigInt::from(35)));
    }

    #[test]
    fn small_quotient_division_matches_div_floor() {
        // Deterministic pseudo-random operands around the fast path's limits.
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let mut checked = 0;
        for _ in 0..3000 {
            let words = 1 + (next() % 6) as usize;
            let mut b = BigInt::from(next() | 1);
            for _ in 0..words {
                b = (b << 64) + BigInt::from(next());
            }
            b >>= (next() % 64) as usize;
            let shift = (next() % 40) as usize;
            let mut a = (&b << shift) + BigInt::from(next()) * BigInt::from(next() % 5);
            match next() % 5 {
                0 => a -= BigInt::from(1u8),
                1 => a = &b * BigInt::from(next() % 1000),
                _ => {}
            }
            for (x, y) in [(&a, &b), (&-&a, &b), (&a, &-&b), (&-&a, &-&b)] {
                if let Some(q) = floordiv_small_quotient(x, y) {
                    assert_eq!(BigInt::from(q), x.div_floor(y), "{x} // {y}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 5000, "fast path taken {checked} times");
    }
}
