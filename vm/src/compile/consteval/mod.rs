//! Python semantics of the operations the compiler folds on constants: CPython 3.14's
//! `eval_const_binop` / `eval_const_unaryop` (`Python/flowgraph.c`) with the object
//! protocols they call (`PyNumber_Add`, `PyObject_GetItem`, `PyObject_IsTrue`, ...).
//!
//! Every operation returns `None` where CPython raises (type errors, division by zero,
//! overflow, index errors) or refuses to fold (the size limits of
//! `const_folding_safe_multiply` and friends); the instruction is then left alone. Results
//! must equal CPython's bit for bit: ints are exact, floats follow CPython's algorithms
//! (correctly rounded int-to-float conversion and int true division, `float_floor_div`,
//! `float_pow`), complex numbers 3.14's mixed-mode rules.

mod complex;
mod float;
mod hash;
mod int;
mod seq;

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::Zero;

use crate::compile::Const;

/// The `BINARY_OP` opargs (`_opcode.get_nb_ops()`); 4 is `@`, in-place forms are 13..=25.
pub(crate) mod nb {
    pub const ADD: u32 = 0;
    pub const AND: u32 = 1;
    pub const FLOOR_DIVIDE: u32 = 2;
    pub const LSHIFT: u32 = 3;
    pub const MULTIPLY: u32 = 5;
    pub const REMAINDER: u32 = 6;
    pub const OR: u32 = 7;
    pub const POWER: u32 = 8;
    pub const RSHIFT: u32 = 9;
    pub const SUBTRACT: u32 = 10;
    pub const TRUE_DIVIDE: u32 = 11;
    pub const XOR: u32 = 12;
    pub const SUBSCR: u32 = 26;
}

/// The unary operations the compiler folds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UnaryOp {
    /// `UNARY_NEGATIVE`.
    Negative,
    /// `UNARY_INVERT`.
    Invert,
    /// `UNARY_NOT`.
    Not,
    /// `CALL_INTRINSIC_1 INTRINSIC_UNARY_POSITIVE`.
    Positive,
}

/// `PyObject_IsTrue` (never fails on constants).
pub(crate) fn is_true(c: &Const) -> bool {
    match c {
        Const::None => false,
        Const::Bool(b) => *b,
        Const::Int(i) => *i != 0,
        Const::BigInt(b) => !b.is_zero(),
        Const::Float(f) => *f != 0.0,
        Const::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Const::Str(s) => !s.is_empty(),
        Const::Bytes(b) => !b.is_empty(),
        Const::Tuple(items) | Const::FrozenSet(items) => !items.is_empty(),
        Const::Ellipsis | Const::Slice(_) | Const::Code(_) => true,
    }
}

/// The value `LOAD_SMALL_INT` can load instead of this constant: an exact int (not a bool)
/// in `0..=255` (`_PY_IS_SMALL_INT`).
pub(crate) fn small_int(c: &Const) -> Option<u32> {
    match c {
        Const::Int(i) if (0..256).contains(i) => Some(*i as u32),
        _ => None,
    }
}

/// A number as the numeric protocols see it (bool is an int).
#[derive(Clone, Debug)]
enum Num {
    Int(BigInt),
    Float(f64),
    Complex(f64, f64),
}

fn as_num(c: &Const) -> Option<Num> {
    match c {
        Const::Bool(b) => Some(Num::Int(BigInt::from(u8::from(*b)))),
        Const::Int(i) => Some(Num::Int(BigInt::from(*i))),
        Const::BigInt(b) => Some(Num::Int((**b).clone())),
        Const::Float(f) => Some(Num::Float(*f)),
        Const::Complex { real, imag } => Some(Num::Complex(*real, *imag)),
        _ => None,
    }
}

fn from_num(n: Num) -> Const {
    match n {
        Num::Int(i) => Const::int(i),
        Num::Float(f) => Const::Float(f),
        Num::Complex(real, imag) => Const::Complex { real, imag },
    }
}

/// `eval_const_binop`: `lhs <op> rhs`, or `None` where CPython does not fold.
pub(crate) fn binary_op(lhs: &Const, op: u32, rhs: &Const) -> Option<Const> {
    match op {
        nb::ADD => seq::concat(lhs, rhs).or_else(|| arith(lhs, op, rhs)),
        nb::MULTIPLY => safe_multiply(lhs, rhs),
        nb::REMAINDER => match lhs {
            Const::Str(_) | Const::Bytes(_) => None,
            _ => arith(lhs, op, rhs),
        },
        nb::POWER => safe_power(lhs, rhs),
        nb::LSHIFT => safe_lshift(lhs, rhs),
        nb::AND | nb::OR | nb::XOR => bitwise(lhs, op, rhs),
        nb::SUBSCR => seq::subscript(lhs, rhs),
        nb::SUBTRACT | nb::TRUE_DIVIDE | nb::FLOOR_DIVIDE | nb::RSHIFT => arith(lhs, op, rhs),
        // No constant implements `@`; the in-place forms never have constant operands.
        _ => None,
    }
}

/// Numeric binary operations with Python's coercions (int -> float -> complex).
fn arith(lhs: &Const, op: u32, rhs: &Const) -> Option<Const> {
    let (a, b) = (as_num(lhs)?, as_num(rhs)?);
    let result = match (a, b) {
        (Num::Int(x), Num::Int(y)) => int::binary(&x, op, &y)?,
        (Num::Complex(ar, ai), b) => complex::binary_cc_or_cr(ar, ai, op, b)?,
        (a, Num::Complex(br, bi)) => complex::binary_rc(a, op, br, bi)?,
        (a, b) => float::binary(int::num_to_f64(a)?, op, int::num_to_f64(b)?)?,
    };
    Some(from_num(result))
}

/// `&`, `|`, `^`: ints (bool op bool stays bool).
fn bitwise(lhs: &Const, op: u32, rhs: &Const) -> Option<Const> {
    if let (Const::Bool(a), Const::Bool(b)) = (lhs, rhs) {
        return Some(Const::Bool(match op {
            nb::AND => a & b,
            nb::OR => a | b,
            _ => a ^ b,
        }));
    }
    let (a, b) = (int::as_int(lhs)?, int::as_int(rhs)?);
    Some(Const::int(match op {
        nb::AND => a & b,
        nb::OR => a | b,
        _ => a ^ b,
    }))
}

/// Largest int result, in bits, of a folded `*`, `**` or `<<`.
const MAX_INT_SIZE: u64 = 128;
/// Largest folded tuple repetition, in items.
const MAX_COLLECTION_SIZE: i64 = 256;
/// Largest folded str/bytes repetition, in characters.
const MAX_STR_SIZE: i64 = 4096;
/// Largest folded tuple repetition counting nested tuples' items.
const MAX_TOTAL_ITEMS: i64 = 1024;

/// `const_folding_check_complexity`: what is left of `limit` after counting the items of
/// `c` and of the tuples nested in it; negative when over.
fn check_complexity(c: &Const, mut limit: i64) -> i64 {
    if let Const::Tuple(items) = c {
        limit -= items.len() as i64;
        for item in items.iter() {
            if limit < 0 {
                break;
            }
            limit = check_complexity(item, limit);
            if limit < 0 {
                return limit;
            }
        }
    }
    limit
}

/// `TyLong_AsLong` of an int constant, `None` on overflow (CPython then refuses to fold).
fn as_long(c: &Const) -> Option<i64> {
    match c {
        Const::Bool(b) => Some(i64::from(*b)),
        Const::Int(i) => Some(*i),
        _ => None,
    }
}

fn is_int(c: &Const) -> bool {
    matches!(c, Const::Bool(_) | Const::Int(_) | Const::BigInt(_))
}

fn is_zero_int(c: &Const) -> bool {
    matches!(c, Const::Bool(false) | Const::Int(0))
}

/// `const_folding_safe_multiply`.
fn safe_multiply(v: &Const, w: &Const) -> Option<Const> {
    if is_int(v) && is_int(w) {
        if !is_zero_int(v) && !is_zero_int(w) {
            let bits = int::num_bits(&int::as_int(v)?) + int::num_bits(&int::as_int(w)?);
            if bits > MAX_INT_SIZE {
                return None;
            }
        }
    } else if is_int(v) && matches!(w, Const::Tuple(_)) {
        let size = seq::len(w)? as i64;
        if size != 0 {
            let n = as_long(v)?;
            if n < 0 || n > MAX_COLLECTION_SIZE / size {
                return None;
            }
            if n != 0 && check_complexity(w, MAX_TOTAL_ITEMS / n) < 0 {
                return None;
            }
        }
    } else if is_int(v) && matches!(w, Const::Str(_) | Const::Bytes(_)) {
        let size = seq::len(w)? as i64;
        if size != 0 {
            let n = as_long(v)?;
            if n < 0 || n > MAX_STR_SIZE / size {
                return None;
            }
        }
    } else if is_int(w) && matches!(v, Const::Tuple(_) | Const::Str(_) | Const::Bytes(_)) {
        return safe_multiply(w, v);
    }
    // PyNumber_Multiply.
    if let Some(r) = seq::repeat(v, w).or_else(|| seq::repeat(w, v)) {
        return Some(r);
    }
    if seq::len(v).is_some() || seq::len(w).is_some() {
        return None;
    }
    arith(v, nb::MULTIPLY, w)
}

/// `const_folding_safe_power`.
fn safe_power(v: &Const, w: &Const) -> Option<Const> {
    if is_int(v) && is_int(w) {
        let (base, exp) = (int::as_int(v)?, int::as_int(w)?);
        if !base.is_zero() && exp > BigInt::zero() {
            let vbits = int::num_bits(&base);
            let wbits = u64::try_from(&exp).ok()?;
            if vbits > MAX_INT_SIZE / wbits {
                return None;
            }
        }
    }
    power(v, w)
}

/// `PyNumber_Power(v, w, None)`.
fn power(v: &Const, w: &Const) -> Option<Const> {
    let (a, b) = (as_num(v)?, as_num(w)?);
    let result = match (a, b) {
        (Num::Int(x), Num::Int(y)) => int::pow(&x, &y)?,
        (a @ Num::Complex(..), b) | (a, b @ Num::Complex(..)) => complex::pow(a, b)?,
        (a, b) => float::pow(int::num_to_f64(a)?, int::num_to_f64(b)?)?,
    };
    Some(from_num(result))
}

/// `const_folding_safe_lshift`.
fn safe_lshift(v: &Const, w: &Const) -> Option<Const> {
    if is_int(v) && is_int(w) && !is_zero_int(v) && !is_zero_int(w) {
        let vbits = int::num_bits(&int::as_int(v)?);
        let wbits = u64::try_from(&int::as_int(w)?).ok()?;
        if wbits > MAX_INT_SIZE || vbits > MAX_INT_SIZE - wbits {
            return None;
        }
    }
    arith(v, nb::LSHIFT, w)
}

/// `eval_const_unaryop`.
pub(crate) fn unary_op(op: UnaryOp, c: &Const) -> Option<Const> {
    match op {
        UnaryOp::Not => Some(Const::Bool(!is_true(c))),
        // `~bool` is deprecated and not folded.
        UnaryOp::Invert => match c {
            Const::Bool(_) => None,
            _ => Some(Const::int(-int::as_int(c)? - 1)),
        },
        UnaryOp::Negative => Some(match as_num(c)? {
            Num::Int(i) => Const::int(-i),
            Num::Float(f) => Const::Float(-f),
            Num::Complex(re, im) => Const::Complex {
                real: -re,
                imag: -im,
            },
        }),
        UnaryOp::Positive => Some(from_num(as_num(c)?)),
    }
}

/// The frozenset `TyFrozenSet_New(tuple)` makes of these constants, kept in the order its
/// elements were inserted: duplicates under Python equality collapse onto the first. The
/// insertion order (not the table order) is what the constant keeps because the run-time
/// frozenset is rebuilt by inserting the elements again: inserting them in table order would
/// place colliding elements differently from CPython's table (`{-1, -2, 17, 33, 49, 65}`),
/// and a set built from the constant (`SET_UPDATE`) iterates in that table's order.
/// [`frozenset_table_order`] gives the iteration order `dis` prints.
pub(crate) fn frozenset(items: Vec<Const>) -> Const {
    let survivors = match table_slots(&items) {
        Some(mut slots) => {
            slots.sort_unstable();
            slots
        }
        None => {
            let mut unique: Vec<usize> = Vec::with_capacity(items.len());
            for (k, item) in items.iter().enumerate() {
                if !unique.iter().any(|&u| py_eq(&items[u], item)) {
                    unique.push(k);
                }
            }
            unique
        }
    };
    let mut slots: Vec<Option<Const>> = items.into_iter().map(Some).collect();
    let kept: Vec<Const> = survivors
        .into_iter()
        .filter_map(|k| slots[k].take())
        .collect();
    Const::FrozenSet(Rc::from(kept))
}

/// The order CPython's frozenset of `items` (distinct, in insertion order) iterates in: the
/// order of its hash table with string hashes as under `PYTHONHASHSEED=0`. When some
/// element's hash cannot be reproduced (`...`, NaN), the insertion order.
///
/// This is the order of a fresh `python3.14 -m dis` run with `PYTHONHASHSEED=0`. A process
/// that interned the same strings before may rebuild the set while interning the code
/// object's constants and iterate it differently; no compiler can follow that.
pub fn frozenset_table_order(items: &[Const]) -> Vec<&Const> {
    match table_slots(items) {
        Some(slots) => slots.into_iter().map(|k| &items[k]).collect(),
        None => items.iter().collect(),
    }
}

/// The indices of the elements that survive inserting `items` one by one into a simulated
/// set table, in table order; `None` when some element's hash cannot be reproduced.
fn table_slots(items: &[Const]) -> Option<Vec<usize>> {
    let hashes: Vec<i64> = items.iter().map(hash::py_hash).collect::<Option<_>>()?;
    Some(set_table_order(items, &hashes))
}

/// `PySet_MINSIZE`, `LINEAR_PROBES`, `PERTURB_SHIFT` (`Objects/setobject.c`).
const SET_MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

/// Inserts `items` one by one into a simulated set table (`set_add_entry`, growing with
/// `set_table_resize`) and returns the survivors' indices in table order.
fn set_table_order(items: &[Const], hashes: &[i64]) -> Vec<usize> {
    // Slots hold (index into items, hash).
    let mut table: Vec<Option<(usize, i64)>> = vec![None; SET_MINSIZE];
    let (mut fill, mut used) = (0usize, 0usize);
    for (k, &hash) in hashes.iter().enumerate() {
        let mask = table.len() - 1;
        let mut i = hash as u64 as usize & mask;
        let mut perturb = hash as u64;
        let slot = 'probe: loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for (j, slot) in table.iter().enumerate().skip(i).take(probes + 1) {
                match *slot {
                    None => break 'probe Some(j),
                    Some((other, h)) if h == hash && py_eq(&items[other], &items[k]) => {
                        break 'probe None;
                    }
                    Some(_) => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        };
        let Some(j) = slot else { continue };
        table[j] = Some((k, hash));
        fill += 1;
        used += 1;
        if fill * 5 >= mask * 3 {
            table = resized(&table, if used > 50_000 { used * 2 } else { used * 4 });
            fill = used;
        }
    }
    table.iter().flatten().map(|&(k, _)| k).collect()
}

/// `set_table_resize`: the smallest power of two above `minused`, entries reinserted in
/// table order with `set_insert_clean`.
fn resized(old: &[Option<(usize, i64)>], minused: usize) -> Vec<Option<(usize, i64)>> {
    let mut size = SET_MINSIZE;
    while size <= minused {
        size <<= 1;
    }
    let mask = size - 1;
    let mut table = vec![None; size];
    for &(k, hash) in old.iter().flatten() {
        let mut i = hash as u64 as usize & mask;
        let mut perturb = hash as u64;
        loop {
            if table[i].is_none() {
                table[i] = Some((k, hash));
                break;
            }
            if i + LINEAR_PROBES <= mask
                && let Some(slot) = table[i + 1..=i + LINEAR_PROBES]
                    .iter_mut()
                    .find(|s| s.is_none())
            {
                *slot = Some((k, hash));
                break;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }
    table
}

/// Python's `==` between constants (used for set membership).
pub(crate) fn py_eq(a: &Const, b: &Const) -> bool {
    if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
        return num_eq(&x, &y);
    }
    match (a, b) {
        (Const::None, Const::None) | (Const::Ellipsis, Const::Ellipsis) => true,
        (Const::Str(x), Const::Str(y)) => x == y,
        (Const::Bytes(x), Const::Bytes(y)) => x == y,
        (Const::Tuple(x), Const::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| py_eq(p, q))
        }
        (Const::FrozenSet(x), Const::FrozenSet(y)) => {
            x.len() == y.len() && x.iter().all(|p| y.iter().any(|q| py_eq(p, q)))
        }
        (Const::Slice(x), Const::Slice(y)) => x.iter().zip(y.iter()).all(|(p, q)| py_eq(p, q)),
        (Const::Code(x), Const::Code(y)) => Rc::ptr_eq(x, y),
        _ => false,
    }
}

fn num_eq(a: &Num, b: &Num) -> bool {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => x == y,
        (Num::Int(i), Num::Float(f)) | (Num::Float(f), Num::Int(i)) => int::eq_float(i, *f),
        (Num::Float(x), Num::Float(y)) => x == y,
        (Num::Complex(r, i), other) | (other, Num::Complex(r, i)) => match other {
            Num::Complex(r2, i2) => r == r2 && i == i2,
            Num::Float(f) => *i == 0.0 && r == f,
            Num::Int(n) => *i == 0.0 && int::eq_float(n, *r),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(values: &[i64]) -> Vec<Const> {
        values.iter().map(|&v| Const::Int(v)).collect()
    }

    fn order(c: Const) -> Vec<Const> {
        match c {
            Const::FrozenSet(items) => frozenset_table_order(&items).into_iter().cloned().collect(),
            other => panic!("not a frozenset: {other:?}"),
        }
    }

    // The constant keeps insertion order (what a run-time rebuild must insert to get
    // CPython's table); `dis` prints the table order.
    #[test]
    fn frozensets_keep_insertion_order() {
        let c = frozenset(ints(&[-1, -2, 17, -1, 33, 49, 65, 17]));
        let Const::FrozenSet(items) = &c else {
            panic!("not a frozenset")
        };
        assert_eq!(items.to_vec(), ints(&[-1, -2, 17, 33, 49, 65]));
        assert_eq!(order(c), ints(&[33, 65, 17, 49, -2, -1]));
    }

    // Orders printed by `PYTHONHASHSEED=0 python3.14 -c "print(list(frozenset(...)))"`.
    #[test]
    fn frozensets_iterate_in_cpython_order() {
        assert_eq!(
            order(frozenset(ints(&[3, 11, 19, 27, 8, 16]))),
            ints(&[3, 8, 11, 16, 19, 27])
        );
        let down: Vec<i64> = (1..=40).rev().step_by(3).collect();
        assert_eq!(
            order(frozenset(ints(&down))),
            ints(&[1, 34, 4, 37, 7, 40, 10, 13, 16, 19, 22, 25, 28, 31])
        );
        let mixed = vec![
            Const::Int(1),
            Const::Float(1.0),
            Const::Bool(true),
            Const::Int(2),
            Const::str("a"),
            Const::Bytes(b"a".to_vec().into()),
            Const::Tuple(ints(&[1, 2]).into()),
            Const::None,
            Const::Float(2.5),
            Const::Int(-1),
        ];
        let want = vec![
            Const::None,
            Const::Int(1),
            Const::Int(2),
            Const::Tuple(ints(&[1, 2]).into()),
            Const::Float(2.5),
            Const::Bytes(b"a".to_vec().into()),
            Const::str("a"),
            Const::Int(-1),
        ];
        assert_eq!(order(frozenset(mixed)), want);
        let strs = ["x", "y", "z", "w", "abc", "\u{e9}", "\u{20ac}", "\u{1f600}"];
        let want = ["y", "x", "\u{e9}", "z", "\u{1f600}", "abc", "\u{20ac}", "w"];
        assert_eq!(
            order(frozenset(strs.iter().map(|s| Const::str(s)).collect())),
            want.iter().map(|s| Const::str(s)).collect::<Vec<_>>()
        );
    }
}
