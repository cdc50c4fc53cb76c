//! Python's `hash()` of constants, as CPython 3.14 computes it on a 64-bit build
//! (`Python/pyhash.c`, `longobject.c`, `floatobject.c`, `tupleobject.c`), with string and
//! bytes hashing keyed as under `PYTHONHASHSEED=0` (SipHash-1-3 with a zero key). Only the
//! iteration order of frozenset constants depends on it.
//!
//! `None` is returned for values whose hash depends on an object's address in CPython
//! (`...`, NaN, code objects) or that this module does not reproduce (nested frozensets):
//! for those, no order can match CPython's from one run to the next anyway.

use num_bigint::{BigInt, Sign};

use crate::compile::Const;

/// `_PyHASH_BITS` and `_PyHASH_MODULUS` (2**61 - 1).
const HASH_BITS: u32 = 61;
const MODULUS: u64 = (1 << HASH_BITS) - 1;
const HASH_INF: i64 = 314_159;
const HASH_IMAG: u64 = 1_000_003;
/// `hash(None)` since 3.12 (a constant, not the address).
const HASH_NONE: i64 = 0xFCA8_6420;

/// `hash(c)`, or `None` where it cannot be reproduced.
pub(crate) fn py_hash(c: &Const) -> Option<i64> {
    Some(match c {
        Const::None => HASH_NONE,
        Const::Bool(b) => i64::from(*b),
        Const::Int(i) => hash_int(&BigInt::from(*i)),
        Const::BigInt(b) => hash_int(b),
        Const::Float(f) => hash_float(*f)?,
        Const::Complex { real, imag } => {
            let re = hash_float(*real)? as u64;
            let im = hash_float(*imag)? as u64;
            fix_minus_one(re.wrapping_add(HASH_IMAG.wrapping_mul(im)) as i64)
        }
        Const::Str(s) => hash_bytes(&unicode_data(s.code_points())),
        Const::Bytes(b) => hash_bytes(b),
        Const::Tuple(items) => hash_tuple(items)?,
        Const::Ellipsis | Const::FrozenSet(_) | Const::Slice(_) | Const::Code(_) => return None,
    })
}

fn fix_minus_one(x: i64) -> i64 {
    if x == -1 { -2 } else { x }
}

/// `long_hash`: the value modulo 2**61 - 1, with the sign.
fn hash_int(i: &BigInt) -> i64 {
    let (sign, digits) = i.to_u64_digits();
    // Horner's rule in base 2**64, reducing modulo 2**61 - 1 as we go.
    let mut x: u128 = 0;
    for &d in digits.iter().rev() {
        x = ((x << 64) | u128::from(d)) % u128::from(MODULUS);
    }
    let x = x as i64;
    fix_minus_one(if sign == Sign::Minus { -x } else { x })
}

/// `_Py_HashDouble`.
fn hash_float(v: f64) -> Option<i64> {
    if v.is_infinite() {
        return Some(if v > 0.0 { HASH_INF } else { -HASH_INF });
    }
    if v.is_nan() {
        return None;
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (HASH_BITS - 28));
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let bits = HASH_BITS as i32;
    let e = if e >= 0 {
        e % bits
    } else {
        bits - 1 - ((-1 - e) % bits)
    } as u32;
    x = ((x << e) & MODULUS) | (x >> (HASH_BITS - e));
    Some(fix_minus_one((x as i64).wrapping_mul(sign)))
}

/// C's `frexp` for finite values: `v = m * 2**e` with `0.5 <= |m| < 1` (0 for 0).
fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(v * f64::from_bits(0x4350_0000_0000_0000)); // 2**54
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// `tuplehash` (the xxHash-based combination).
fn hash_tuple(items: &[Const]) -> Option<i64> {
    const PRIME_1: u64 = 11_400_714_785_074_694_791;
    const PRIME_2: u64 = 14_029_467_366_897_019_727;
    const PRIME_5: u64 = 2_870_177_450_012_600_261;
    let mut acc = PRIME_5;
    for item in items {
        let lane = py_hash(item)? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(PRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(PRIME_1);
    }
    acc = acc.wrapping_add((items.len() as u64) ^ (PRIME_5 ^ 3_527_539));
    Some(if acc == u64::MAX {
        1_546_275_796
    } else {
        acc as i64
    })
}

/// A str's code points in CPython's storage (`PyUnicode_DATA`): one byte each when all
/// are below 256, else two (little-endian) below 65536, else four.
fn unicode_data(cps: impl Iterator<Item = u32> + Clone) -> Vec<u8> {
    let max = cps.clone().max().unwrap_or(0);
    let width = if max < 256 {
        1
    } else if max < 65536 {
        2
    } else {
        4
    };
    cps.flat_map(|cp| cp.to_le_bytes().into_iter().take(width))
        .collect()
}

/// `_Py_HashBytes` with SipHash-1-3 and a zero key.
fn hash_bytes(data: &[u8]) -> i64 {
    if data.is_empty() {
        return 0;
    }
    fix_minus_one(siphash13(0, 0, data) as i64)
}

fn siphash13(k0: u64, k1: u64, data: &[u8]) -> u64 {
    let mut v0 = k0 ^ 0x736f_6d65_7073_6575;
    let mut v1 = k1 ^ 0x646f_7261_6e64_6f6d;
    let mut v2 = k0 ^ 0x6c79_6765_6e65_7261;
    let mut v3 = k1 ^ 0x7465_6462_7974_6573;
    let round = |v0: &mut u64, v1: &mut u64, v2: &mut u64, v3: &mut u64| {
        *v0 = v0.wrapping_add(*v1);
        *v2 = v2.wrapping_add(*v3);
        *v1 = v1.rotate_left(13) ^ *v0;
        *v3 = v3.rotate_left(16) ^ *v2;
        *v0 = v0.rotate_left(32);
        *v2 = v2.wrapping_add(*v1);
        *v0 = v0.wrapping_add(*v3);
        *v1 = v1.rotate_left(17) ^ *v2;
        *v3 = v3.rotate_left(21) ^ *v0;
        *v2 = v2.rotate_left(32);
    };
    let mut chunks = data.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let mi = u64::from_le_bytes(word);
        v3 ^= mi;
        round(&mut v0, &mut v1, &mut v2, &mut v3);
        v0 ^= mi;
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    let b = ((data.len() as u64) << 56) | u64::from_le_bytes(tail);
    v3 ^= b;
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    v0 ^= b;
    v2 ^= 0xff;
    for _ in 0..3 {
        round(&mut v0, &mut v1, &mut v2, &mut v3);
    }
    (v0 ^ v1) ^ (v2 ^ v3)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Values printed by `PYTHONHASHSEED=0 python3.14 -c "print(hash(...))"`.
    #[test]
    fn hashes_match_cpython() {
        let cases: [(Const, i64); 9] = [
            (Const::None, 4_238_894_112),
            (Const::str("abc"), -4_594_863_902_769_663_758),
            (Const::str("\u{e9}"), 6_047_309_291_227_476_195),
            (Const::str("\u{20ac}x"), -483_395_623_852_268_653),
            (
                Const::Bytes(b"abc".to_vec().into()),
                -4_594_863_902_769_663_758,
            ),
            (
                Const::Tuple(vec![Const::Int(1), Const::str("a")].into()),
                3_906_047_847_676_358_913,
            ),
            (Const::Float(1.5), 1_152_921_504_606_846_977),
            (Const::Int(-1), -2),
            (
                Const::Complex {
                    real: 0.0,
                    imag: 1.0,
                },
                1_000_003,
            ),
        ];
        for (c, want) in cases {
            assert_eq!(py_hash(&c), Some(want), "{c:?}");
        }
        assert_eq!(hash_int(&(BigInt::from(1) << 64)), 8);
    }
}
