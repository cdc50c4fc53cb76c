//! Inline arithmetic and comparison of immediate ints and floats for the generic
//! `BINARY_OP` and `COMPARE_OP`: the number protocol's own fast paths (CPython's generic
//! instructions also reach `long_add`/`float_add` directly through the type slots), taken
//! before any slot lookup. Anything they do not cover exactly (overflow, division by zero,
//! big shifts, `**`, mixed kinds with bools) returns `None` and takes the generic path.

use crate::object::{CompareOp, Value};

/// `BINARY_OP` oparg numbers (`NB_*`); the in-place forms are these plus 13.
mod nb {
    pub const ADD: u32 = 0;
    pub const AND: u32 = 1;
    pub const FLOOR_DIVIDE: u32 = 2;
    pub const LSHIFT: u32 = 3;
    pub const MULTIPLY: u32 = 5;
    pub const REMAINDER: u32 = 6;
    pub const OR: u32 = 7;
    pub const RSHIFT: u32 = 9;
    pub const SUBTRACT: u32 = 10;
    pub const TRUE_DIVIDE: u32 = 11;
    pub const XOR: u32 = 12;
    pub const INPLACE: u32 = 13;
    pub const SUBSCR: u32 = 26;
}

/// Ints up to this magnitude convert to `f64` exactly.
const EXACT_F64: u64 = 1 << 53;

/// `lhs OP rhs` for a pair of immediate ints or floats (ints and floats mixed), when the
/// result is an immediate too. In-place forms are the same: numbers are immutable.
#[inline(always)]
pub(crate) fn arith(lhs: &Value, rhs: &Value, oparg: u32) -> Option<Value> {
    let op = if (nb::INPLACE..nb::SUBSCR).contains(&oparg) {
        oparg - nb::INPLACE
    } else {
        oparg
    };
    match (lhs, rhs) {
        (Value::Int(a), Value::Int(b)) => int_op(*a, *b, op),
        (Value::Float(a), Value::Float(b)) => float_op(*a, *b, op),
        // i64 -> f64 rounds to nearest-even, as int.__float__ does.
        (Value::Float(a), Value::Int(b)) => float_op(*a, *b as f64, op),
        (Value::Int(a), Value::Float(b)) => float_op(*a as f64, *b, op),
        _ => None,
    }
}

#[inline(always)]
fn int_op(a: i64, b: i64, op: u32) -> Option<Value> {
    let r = match op {
        nb::ADD => a.checked_add(b)?,
        nb::SUBTRACT => a.checked_sub(b)?,
        nb::MULTIPLY => a.checked_mul(b)?,
        nb::AND => a & b,
        nb::OR => a | b,
        nb::XOR => a ^ b,
        // Python rounds toward negative infinity: for a positive divisor that is the
        // Euclidean quotient and remainder.
        nb::FLOOR_DIVIDE if b > 0 => a.div_euclid(b),
        nb::REMAINDER if b > 0 => a.rem_euclid(b),
        nb::RSHIFT if (0..64).contains(&b) => a >> b,
        nb::LSHIFT if (0..63).contains(&b) => {
            let r = a << b;
            if r >> b != a {
                return None;
            }
            r
        }
        nb::TRUE_DIVIDE
            if b != 0 && a.unsigned_abs() <= EXACT_F64 && b.unsigned_abs() <= EXACT_F64 =>
        {
            // Both exact, so one correctly rounded division is the true quotient rounded.
            return Some(Value::Float(a as f64 / b as f64));
        }
        _ => return None,
    };
    Some(Value::Int(r))
}

#[inline(always)]
fn float_op(a: f64, b: f64, op: u32) -> Option<Value> {
    Some(Value::Float(match op {
        nb::ADD => a + b,
        nb::SUBTRACT => a - b,
        nb::MULTIPLY => a * b,
        nb::TRUE_DIVIDE if b != 0.0 => a / b,
        _ => return None,
    }))
}

/// `lhs OP rhs` for immediate ints and floats (the result is a bool).
#[inline(always)]
pub(crate) fn compare(lhs: &Value, rhs: &Value, op: CompareOp) -> Option<bool> {
    match (lhs, rhs) {
        (Value::Int(a), Value::Int(b)) => Some(op.test(a.cmp(b))),
        (Value::Float(a), Value::Float(b)) => Some(match a.partial_cmp(b) {
            Some(o) => op.test(o),
            // NaN compares unequal to everything.
            None => op == CompareOp::Ne,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(v: Option<Value>) -> Option<i64> {
        match v {
            Some(Value::Int(i)) => Some(i),
            _ => None,
        }
    }

    #[test]
    fn floor_division_and_modulo_round_down() {
        assert_eq!(
            int(arith(&Value::Int(-7), &Value::Int(2), nb::FLOOR_DIVIDE)),
            Some(-4)
        );
        assert_eq!(
            int(arith(&Value::Int(-7), &Value::Int(2), nb::REMAINDER)),
            Some(1)
        );
        assert_eq!(
            int(arith(&Value::Int(7), &Value::Int(-2), nb::REMAINDER)),
            None
        );
        assert_eq!(
            int(arith(&Value::Int(7), &Value::Int(0), nb::FLOOR_DIVIDE)),
            None
        );
    }

    #[test]
    fn overflow_and_shifts_take_the_slow_path() {
        assert_eq!(
            int(arith(&Value::Int(i64::MAX), &Value::Int(1), nb::ADD)),
            None
        );
        assert_eq!(
            int(arith(&Value::Int(1), &Value::Int(62), nb::LSHIFT)),
            Some(1 << 62)
        );
        assert_eq!(
            int(arith(&Value::Int(1), &Value::Int(63), nb::LSHIFT)),
            None
        );
        assert_eq!(
            int(arith(&Value::Int(3), &Value::Int(62), nb::LSHIFT)),
            None
        );
        assert_eq!(
            int(arith(&Value::Int(-8), &Value::Int(70), nb::RSHIFT)),
            None
        );
        assert_eq!(
            int(arith(&Value::Int(5), &Value::Int(1), nb::INPLACE + nb::ADD)),
            Some(6)
        );
    }

    #[test]
    fn subscript_and_bools_are_not_numbers_here() {
        assert!(arith(&Value::Int(1), &Value::Int(1), nb::SUBSCR).is_none());
        assert!(arith(&Value::Bool(true), &Value::Int(1), nb::ADD).is_none());
    }

    #[test]
    fn nan_compares_unequal() {
        let nan = Value::Float(f64::NAN);
        assert_eq!(compare(&nan, &nan, CompareOp::Eq), Some(false));
        assert_eq!(compare(&nan, &nan, CompareOp::Ne), Some(true));
    }
}
