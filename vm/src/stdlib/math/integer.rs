//! The integer functions of `math`: `gcd`, `lcm`, `isqrt`, `factorial`, `comb` and `perm`
//! on ints of any size (exact results; products are split in halves so that big
//! multiplications stay balanced).

use std::borrow::Cow;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::object::Value;
use crate::runtime::{Args, PyResult, Vm};

/// `operator.index(v)` as a big int, with CPython's TypeError.
fn index_big<'a>(vm: &Vm, v: &'a Value) -> PyResult<Cow<'a, BigInt>> {
    vm.try_index(v)?.ok_or_else(|| {
        vm.new_type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))
    })
}

pub(super) fn gcd(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_kwargs(vm, "math.gcd")?;
    let mut acc = BigInt::zero();
    for v in args.pos() {
        if let (Value::Int(a), Some(b)) = (v, acc.to_i64())
            && *a != i64::MIN
            && b != i64::MIN
        {
            acc = BigInt::from(a.unsigned_abs().gcd(&b.unsigned_abs()));
            continue;
        }
        let x = index_big(vm, v)?;
        acc = acc.gcd(x.as_ref());
    }
    Ok(vm.new_int(acc))
}

pub(super) fn lcm(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_kwargs(vm, "math.lcm")?;
    let pos = args.pos();
    let Some(first) = pos.first() else {
        return Ok(Value::Int(1));
    };
    let mut acc = index_big(vm, first)?.abs();
    for v in &pos[1..] {
        let x = index_big(vm, v)?;
        if acc.is_zero() {
            continue;
        }
        acc = if x.is_zero() {
            BigInt::zero()
        } else {
            acc.lcm(x.as_ref())
        };
    }
    Ok(vm.new_int(acc))
}

pub(super) fn isqrt(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.one(vm, "math.isqrt")?;
    let n = index_big(vm, v)?;
    if n.is_negative() {
        return Err(vm.new_value_error("isqrt() argument must be nonnegative"));
    }
    if let Some(small) = n.to_u64() {
        return Ok(Value::Int(small.isqrt() as i64));
    }
    Ok(vm.new_int(n.sqrt()))
}

/// The product of `lo..hi` (`lo <= hi`), by halves.
fn range_product(lo: u64, hi: u64) -> BigInt {
    if hi - lo <= 16 {
        let mut acc = BigInt::one();
        let mut chunk: u64 = 1;
        for k in lo..hi {
            match chunk.checked_mul(k) {
                Some(c) => chunk = c,
                None => {
                    acc *= chunk;
                    chunk = k;
                }
            }
        }
        return acc * chunk;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid, hi)
}

/// The product of `k` consecutive integers ending at `top` (inclusive), by halves:
/// `top * (top-1) * ... * (top-k+1)`.
fn falling_product(top: &BigInt, k: u64) -> BigInt {
    if let Some(t) = top.to_u64() {
        return range_product(t + 1 - k, t + 1);
    }
    match k {
        0 => BigInt::one(),
        1 => top.clone(),
        _ => {
            let half = k / 2;
            let rest = top - BigInt::from(half);
            falling_product(top, half) * falling_product(&rest, k - half)
        }
    }
}

pub(super) fn factorial(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.one(vm, "math.factorial")?;
    let n = index_big(vm, v)?;
    if n.is_negative() {
        return Err(vm.new_value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_i64() else {
        return Err(vm.new_overflow_error(format!(
            "factorial() argument should not exceed {}",
            i64::MAX
        )));
    };
    Ok(vm.new_int(range_product(1, n as u64 + 1)))
}

/// The checked `(n, k)` of `comb`/`perm`.
fn nonneg_pair(vm: &Vm, n: &Value, k: &Value) -> PyResult<(BigInt, BigInt)> {
    let n = index_big(vm, n)?.into_owned();
    let k = index_big(vm, k)?.into_owned();
    if n.is_negative() {
        return Err(vm.new_value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.new_value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

pub(super) fn perm(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "perm", 1, 2)?;
    if vals.len() == 1 || vals[1].is_none() {
        return factorial(vm, Args::positional(&vals[..1]));
    }
    let (n, k) = nonneg_pair(vm, &vals[0], &vals[1])?;
    if n < k {
        return Ok(Value::Int(0));
    }
    let Some(k) = k.to_u64().filter(|&k| k <= i64::MAX as u64) else {
        return Err(vm.new_overflow_error(format!("k must not exceed {}", i64::MAX)));
    };
    Ok(vm.new_int(falling_product(&n, k)))
}

pub(super) fn comb(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "comb", 2, 2)?;
    let (n, k) = nonneg_pair(vm, &vals[0], &vals[1])?;
    if k > n {
        return Ok(Value::Int(0));
    }
    let other = &n - &k;
    let k = if other < k { other } else { k };
    let Some(k) = k.to_u64().filter(|&k| k <= i64::MAX as u64) else {
        return Err(vm.new_overflow_error(format!("min(n - k, k) must not exceed {}", i64::MAX)));
    };
    let num = falling_product(&n, k);
    Ok(vm.new_int(num / range_product(1, k + 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn products() {
        assert_eq!(
            range_product(1, 21),
            BigInt::from(2_432_902_008_176_640_000u64)
        );
        assert_eq!(range_product(5, 5), BigInt::one());
        let big = BigInt::from(u64::MAX) * 4;
        let direct = &big * (&big - 1) * (&big - 2);
        assert_eq!(falling_product(&big, 3), direct);
        assert_eq!(falling_product(&BigInt::from(10), 3), BigInt::from(720));
    }
}
