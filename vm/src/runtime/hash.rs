//! CPython's hash functions, bit for bit: ints (mod 2^61 - 1), floats, complex numbers,
//! tuples (xxHash-based), frozensets, pointers, and str/bytes with SipHash-1-3 keyed by the
//! per-process secret (`PYTHONHASHSEED` as CPython interprets it: unset or `random` picks a
//! random key, `0` disables randomization, `N` seeds CPython's LCG). Matching these makes
//! set iteration order match CPython's.

use std::sync::OnceLock;

/// `sys.hash_info.modulus`: 2^61 - 1.
pub const MODULUS: u64 = (1 << 61) - 1;
/// `sys.hash_info.width` minus the sign... CPython's `_PyHASH_BITS`.
const BITS: u32 = 61;
/// `hash(float('inf'))`.
pub const INF: i64 = 314_159;
/// `sys.hash_info.imag`.
pub const IMAG: u64 = 1_000_003;
/// `hash(None)` (CPython 3.12+ uses a constant).
pub const NONE_HASH: i64 = 0xFCA8_6420;

static SECRET: OnceLock<(u64, u64)> = OnceLock::new();

/// Fixes the hash secret from a `PYTHONHASHSEED` value (`None`: random). The first call
/// wins; later calls (and hashing before any call) use the same key.
pub fn init_secret(seed: Option<u32>) {
    let _ = SECRET.get_or_init(|| make_secret(seed));
}

fn make_secret(seed: Option<u32>) -> (u64, u64) {
    match seed {
        Some(0) => (0, 0),
        Some(x0) => {
            // CPython's lcg_urandom over the secret's bytes.
            let mut buf = [0u8; 16];
            let mut x = x0;
            for b in buf.iter_mut() {
                x = x.wrapping_mul(214_013).wrapping_add(2_531_011);
                *b = ((x >> 16) & 0xff) as u8;
            }
            let k0 = u64::from_le_bytes(buf[..8].try_into().unwrap_or([0; 8]));
            let k1 = u64::from_le_bytes(buf[8..].try_into().unwrap_or([0; 8]));
            (k0, k1)
        }
        None => {
            use std::hash::{BuildHasher, Hasher};
            let state = std::collections::hash_map::RandomState::new();
            let mut a = state.build_hasher();
            a.write_u64(1);
            let mut b = state.build_hasher();
            b.write_u64(2);
            (a.finish(), b.finish())
        }
    }
}

fn secret() -> (u64, u64) {
    *SECRET.get_or_init(|| make_secret(None))
}

/// Maps CPython's reserved `-1` to `-2`.
#[inline(always)]
pub fn fix(h: i64) -> i64 {
    if h == -1 { -2 } else { h }
}

/// `hash(n)` for an int that fits in 64 bits.
#[inline]
pub fn hash_i64(n: i64) -> i64 {
    let m = n.unsigned_abs() % MODULUS;
    let h = if n < 0 { -(m as i64) } else { m as i64 };
    fix(h)
}

/// `hash(n)` for a big int given its sign and magnitude as little-endian u32 digits.
pub fn hash_bigint(negative: bool, digits: &[u32]) -> i64 {
    // Horner's rule mod 2^61 - 1 from the most significant digit: x = x * 2^32 + d.
    let mut x: u64 = 0;
    for &d in digits.iter().rev() {
        // x * 2^32 mod M as a rotation by 32 within 61 bits.
        x = ((x << 32) & MODULUS) | (x >> (BITS - 32));
        x += u64::from(d);
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let h = if negative { -(x as i64) } else { x as i64 };
    fix(h)
}

/// `hash(x)` for a float (NaN hashes by identity in CPython; callers pass `nan_id`).
pub fn hash_f64(v: f64, nan_id: usize) -> i64 {
    if !v.is_finite() {
        if v.is_infinite() {
            return if v > 0.0 { INF } else { -INF };
        }
        return hash_pointer(nan_id);
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (BITS - 28));
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 {
        (e as u32) % BITS
    } else {
        BITS - 1 - (((-1 - e) as u32) % BITS)
    };
    x = ((x << e) & MODULUS) | (x >> (BITS - e));
    let h = (x as i64).wrapping_mul(sign);
    fix(h)
}

/// `frexp`: `v = m * 2^e` with `0.5 <= |m| < 1` (finite, nonzero `v`; `(0, 0)` for zero).
pub fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(v * f64::from_bits(0x4350_0000_0000_0000)); // 2^54
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// `hash(complex(re, im))`.
pub fn hash_complex(re: i64, im: i64) -> i64 {
    let h = (re as u64).wrapping_add(IMAG.wrapping_mul(im as u64)) as i64;
    fix(h)
}

/// CPython's `_Py_HashPointer`.
pub fn hash_pointer(p: usize) -> i64 {
    let y = p.rotate_right(4);
    fix(y as i64)
}

/// Tuple hashing state (xxHash-style accumulation, CPython's `tuplehash`).
pub struct TupleHasher {
    acc: u64,
    len: u64,
}

const XXPRIME_1: u64 = 11_400_714_785_074_694_791;
const XXPRIME_2: u64 = 14_029_467_366_897_019_727;
const XXPRIME_5: u64 = 2_870_177_450_012_600_261;

impl Default for TupleHasher {
    fn default() -> Self {
        TupleHasher {
            acc: XXPRIME_5,
            len: 0,
        }
    }
}

impl TupleHasher {
    /// Adds one element's hash.
    #[inline]
    pub fn add(&mut self, lane: i64) {
        self.acc = self.acc.wrapping_add((lane as u64).wrapping_mul(XXPRIME_2));
        self.acc = self.acc.rotate_left(31);
        self.acc = self.acc.wrapping_mul(XXPRIME_1);
        self.len += 1;
    }

    /// The tuple's hash.
    pub fn finish(self) -> i64 {
        let acc = self.acc.wrapping_add(self.len ^ (XXPRIME_5 ^ 3_527_539));
        if acc == u64::MAX {
            1_546_275_796
        } else {
            acc as i64
        }
    }
}

fn shuffle_bits(h: u64) -> u64 {
    ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
}

/// `hash(frozenset)` from the hashes of its elements (order-independent).
pub fn hash_frozenset(hashes: impl Iterator<Item = i64>) -> i64 {
    let mut hash: u64 = 0;
    let mut n: u64 = 0;
    for h in hashes {
        hash ^= shuffle_bits(h as u64);
        n += 1;
    }
    hash ^= (n + 1).wrapping_mul(1_927_868_237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
    if hash == u64::MAX {
        590_923_713
    } else {
        hash as i64
    }
}

/// `_Py_HashBytes`: SipHash-1-3 of `data` under the process secret (0 for empty input).
pub fn hash_bytes(data: &[u8]) -> i64 {
    if data.is_empty() {
        return 0;
    }
    let (k0, k1) = secret();
    fix(siphash13(k0, k1, data) as i64)
}

/// SipHash-1-3 as CPython's `Python/pyhash.c` computes it.
pub fn siphash13(k0: u64, k1: u64, src: &[u8]) -> u64 {
    let mut v0 = k0 ^ 0x736f_6d65_7073_6575;
    let mut v1 = k1 ^ 0x646f_7261_6e64_6f6d;
    let mut v2 = k0 ^ 0x6c79_6765_6e65_7261;
    let mut v3 = k1 ^ 0x7465_6462_7974_6573;

    macro_rules! round {
        () => {
            v0 = v0.wrapping_add(v1);
            v2 = v2.wrapping_add(v3);
            v1 = v1.rotate_left(13) ^ v0;
            v3 = v3.rotate_left(16) ^ v2;
            v0 = v0.rotate_left(32);
            v2 = v2.wrapping_add(v1);
            v0 = v0.wrapping_add(v3);
            v1 = v1.rotate_left(17) ^ v2;
            v3 = v3.rotate_left(21) ^ v0;
            v2 = v2.rotate_left(32);
        };
    }

    let mut chunks = src.chunks_exact(8);
    for chunk in &mut chunks {
        let mi = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        v3 ^= mi;
        round!();
        v0 ^= mi;
    }
    let rest = chunks.remainder();
    let mut t: u64 = 0;
    for (i, &b) in rest.iter().enumerate() {
        t |= u64::from(b) << (8 * i);
    }
    let b = ((src.len() as u64) << 56) | t;
    v3 ^= b;
    round!();
    v0 ^= b;
    v2 ^= 0xff;
    round!();
    round!();
    round!();
    v0 ^ v1 ^ v2 ^ v3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ints_match_cpython() {
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(1 << 61), 1);
        assert_eq!(hash_i64(-(1 << 61) + 1), 0);
        assert_eq!(hash_i64(i64::MIN), -4);
    }

    #[test]
    fn floats_match_cpython() {
        assert_eq!(hash_f64(1.5, 0), 1_152_921_504_606_846_977);
        assert_eq!(hash_f64(f64::INFINITY, 0), 314_159);
        assert_eq!(hash_f64(2.0, 0), 2);
        assert_eq!(hash_f64(-0.0, 0), 0);
    }

    #[test]
    fn tuples_and_frozensets_match_cpython() {
        let mut t = TupleHasher::default();
        t.add(1);
        t.add(2);
        assert_eq!(t.finish(), -3_550_055_125_485_641_917);
        assert_eq!(TupleHasher::default().finish(), 5_740_354_900_026_072_187);
        assert_eq!(
            hash_frozenset([1, 2].into_iter()),
            -1_826_646_154_956_904_602
        );
        assert_eq!(hash_complex(1, 2), 2_000_007);
    }

    #[test]
    fn siphash_with_zero_key_matches_cpython() {
        // PYTHONHASHSEED=0: hash('a'), hash('abc') == hash(b'abc').
        assert_eq!(fix(siphash13(0, 0, b"a") as i64), 4_644_417_185_603_328_019);
        assert_eq!(
            fix(siphash13(0, 0, b"abc") as i64),
            -4_594_863_902_769_663_758
        );
    }

    #[test]
    fn seeded_secret_matches_cpython() {
        let (k0, k1) = make_secret(Some(1));
        assert_eq!(
            fix(siphash13(k0, k1, b"a") as i64),
            -3_012_895_188_637_184_397
        );
    }
}
