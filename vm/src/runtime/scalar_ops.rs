//! Fast paths of the number protocol for immediate operands (`Value::Int` and
//! `Value::Float`): the binary operators and comparisons that need no allocation, no error
//! and no dispatch through the type slots. Each returns `None` when the general protocol
//! must decide (an overflow to a big int, a division by zero, a result that is a complex or
//! a NaN, any operand that is not an immediate number); a `Some` is exactly what the slots return.

use crate::object::{CompareOp, Value};

use super::BinOp;

/// Largest magnitude an int may have to convert to a float exactly (2**53).
const EXACT_FLOAT_INT: u64 = 1 << f64::MANTISSA_DIGITS;

/// `a OP b` for two immediate ints.
#[inline(always)]
fn int_int(a: i64, b: i64, op: BinOp) -> Option<Value> {
    let r = match op {
        BinOp::Add => a.checked_add(b)?,
        BinOp::Sub => a.checked_sub(b)?,
        BinOp::Mul => a.checked_mul(b)?,
        BinOp::And => a & b,
        BinOp::Or => a | b,
        BinOp::Xor => a ^ b,
        BinOp::FloorDiv => {
            if b == 0 {
                return None;
            }
            let q = a.checked_div(b)?;
            // Rounds toward negative infinity: step down when the truncated quotient left
            // a remainder of the other sign than the divisor.
            if (a % b != 0) && ((a < 0) != (b < 0)) {
                q - 1
            } else {
                q
            }
        }
        BinOp::Rem => {
            if b == 0 {
                return None;
            }
            let r = a.checked_rem(b)?;
            if r != 0 && ((r < 0) != (b < 0)) {
                r + b
            } else {
                r
            }
        }
        BinOp::TrueDiv => {
            if b == 0 || a.unsigned_abs() > EXACT_FLOAT_INT || b.unsigned_abs() > EXACT_FLOAT_INT {
                return None;
            }
            // Both convert exactly, so one float division is correctly rounded.
            return Some(Value::Float(a as f64 / b as f64));
        }
        BinOp::LShift => {
            if !(0..64).contains(&b) {
                return None;
            }
            let r = a << b;
            if r >> b != a {
                return None;
            }
            r
        }
        BinOp::RShift => {
            if b < 0 {
                return None;
            }
            a >> b.min(63)
        }
        BinOp::Pow => {
            let e = u32::try_from(b).ok()?;
            a.checked_pow(e)?
        }
        BinOp::MatMul => return None,
    };
    Some(Value::Int(r))
}

/// `a OP b` for two floats (an int operand already converted exactly).
#[inline(always)]
fn float_float(a: f64, b: f64, op: BinOp) -> Option<Value> {
    let r = match op {
        BinOp::Add => a + b,
        BinOp::Sub => a - b,
        BinOp::Mul => a * b,
        BinOp::TrueDiv => {
            if b == 0.0 {
                return None;
            }
            a / b
        }
        BinOp::Pow => {
            // The plain case of `float_pow`: a positive finite base other than 1 and a
            // finite exponent give libm's `pow`, unless it overflows.
            if b == 0.0 {
                1.0
            } else if a > 0.0 && a != 1.0 && a.is_finite() && b.is_finite() {
                let r = a.powf(b);
                if !r.is_finite() {
                    return None;
                }
                r
            } else {
                return None;
            }
        }
        _ => return None,
    };
    // A NaN result is boxed (`Vm::new_float`), which needs the general path.
    if r.is_nan() {
        return None;
    }
    Some(Value::Float(r))
}

/// `v OP w` when both are immediate numbers and the result needs no slow path.
#[inline(always)]
pub fn binary(v: &Value, w: &Value, op: BinOp) -> Option<Value> {
    match (v, w) {
        (Value::Int(a), Value::Int(b)) => int_int(*a, *b, op),
        (Value::Float(a), Value::Float(b)) => float_float(*a, *b, op),
        (Value::Float(a), Value::Int(b)) if b.unsigned_abs() <= EXACT_FLOAT_INT => {
            float_float(*a, *b as f64, op)
        }
        (Value::Int(a), Value::Float(b)) if a.unsigned_abs() <= EXACT_FLOAT_INT => {
            float_float(*a as f64, *b, op)
        }
        _ => None,
    }
}

/// `v OP w` for comparisons of immediate numbers.
#[inline(always)]
pub fn compare(v: &Value, w: &Value, op: CompareOp) -> Option<bool> {
    let ord = match (v, w) {
        (Value::Int(a), Value::Int(b)) => return Some(op.test(a.cmp(b))),
        (Value::Float(a), Value::Float(b)) => a.partial_cmp(b),
        (Value::Float(a), Value::Int(b)) if b.unsigned_abs() <= EXACT_FLOAT_INT => {
            a.partial_cmp(&(*b as f64))
        }
        (Value::Int(a), Value::Float(b)) if a.unsigned_abs() <= EXACT_FLOAT_INT => {
            (*a as f64).partial_cmp(b)
        }
        _ => return None,
    };
    Some(match ord {
        Some(o) => op.test(o),
        None => op == CompareOp::Ne,
    })
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

    fn float(v: Option<Value>) -> Option<f64> {
        match v {
            Some(Value::Float(f)) => Some(f),
            _ => None,
        }
    }

    #[test]
    fn floor_division_and_modulo_round_toward_negative_infinity() {
        assert_eq!(int(int_int(7, 2, BinOp::FloorDiv)), Some(3));
        assert_eq!(int(int_int(-7, 2, BinOp::FloorDiv)), Some(-4));
        assert_eq!(int(int_int(7, -2, BinOp::FloorDiv)), Some(-4));
        assert_eq!(int(int_int(-7, -2, BinOp::FloorDiv)), Some(3));
        assert_eq!(int(int_int(-7, 2, BinOp::Rem)), Some(1));
        assert_eq!(int(int_int(7, -2, BinOp::Rem)), Some(-1));
        assert_eq!(int(int_int(-6, 2, BinOp::Rem)), Some(0));
        assert!(int_int(1, 0, BinOp::FloorDiv).is_none());
        assert!(int_int(1, 0, BinOp::Rem).is_none());
        assert!(int_int(i64::MIN, -1, BinOp::FloorDiv).is_none());
    }

    #[test]
    fn overflow_and_errors_take_the_slow_path() {
        assert!(int_int(i64::MAX, 1, BinOp::Add).is_none());
        assert!(int_int(i64::MIN, 1, BinOp::Sub).is_none());
        assert!(int_int(1 << 62, 4, BinOp::Mul).is_none());
        assert!(int_int(1, 63, BinOp::LShift).is_none());
        assert!(int_int(1, -1, BinOp::LShift).is_none());
        assert!(int_int(1, -1, BinOp::RShift).is_none());
        assert!(int_int(2, -1, BinOp::Pow).is_none());
        assert!(int_int(3, 40, BinOp::Pow).is_none());
        assert!(int_int(1 << 54, 3, BinOp::TrueDiv).is_none());
        assert!(float_float(1.0, 0.0, BinOp::TrueDiv).is_none());
        assert!(float_float(-8.0, 0.5, BinOp::Pow).is_none());
        assert!(float_float(10.0, 400.0, BinOp::Pow).is_none());
        assert!(float_float(1.0, 2.0, BinOp::FloorDiv).is_none());
    }

    #[test]
    fn exact_results() {
        assert_eq!(int(int_int(-5, 70, BinOp::RShift)), Some(-1));
        assert_eq!(int(int_int(3, 4, BinOp::Pow)), Some(81));
        assert_eq!(int(int_int(-1, 62, BinOp::LShift)), Some(-1 << 62));
        assert_eq!(float(int_int(1, 3, BinOp::TrueDiv)), Some(1.0 / 3.0));
        assert_eq!(
            float(binary(&Value::Int(3), &Value::Float(0.5), BinOp::Mul)),
            Some(1.5)
        );
        assert_eq!(float(float_float(4.0, 0.5, BinOp::Pow)), Some(2.0));
        assert_eq!(float(float_float(-3.0, 0.0, BinOp::Pow)), Some(1.0));
        assert_eq!(
            compare(&Value::Int(2), &Value::Float(2.5), CompareOp::Lt),
            Some(true)
        );
        assert_eq!(
            compare(&Value::Float(f64::NAN), &Value::Int(1), CompareOp::Ne),
            Some(true)
        );
        assert_eq!(
            compare(&Value::Int(i64::MAX), &Value::Float(1.0), CompareOp::Gt),
            None
        );
    }
}
