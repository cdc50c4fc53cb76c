//! Float arithmetic as `Objects/floatobject.c` defines it (`float_floor_div`, `float_rem`,
//! `float_pow` with its special cases; negative bases with fractional exponents become
//! complex powers).

use super::{Num, complex, nb};

/// `float <op> float` (ints already converted).
pub(super) fn binary(a: f64, op: u32, b: f64) -> Option<Num> {
    Some(Num::Float(match op {
        nb::ADD => a + b,
        nb::SUBTRACT => a - b,
        nb::MULTIPLY => a * b,
        nb::TRUE_DIVIDE => {
            if b == 0.0 {
                return None;
            }
            a / b
        }
        nb::FLOOR_DIVIDE => {
            if b == 0.0 {
                return None;
            }
            div_mod(a, b).0
        }
        nb::REMAINDER => {
            if b == 0.0 {
                return None;
            }
            let m = a % b;
            if m != 0.0 {
                if (b < 0.0) != (m < 0.0) { m + b } else { m }
            } else {
                0.0f64.copysign(b)
            }
        }
        _ => return None,
    }))
}

/// `_float_div_mod`: (floor quotient, remainder with the divisor's sign).
fn div_mod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

fn is_odd_integer(x: f64) -> bool {
    x.abs() % 2.0 == 1.0
}

/// `float_pow(v, w, None)`.
pub(super) fn pow(iv: f64, iw: f64) -> Option<Num> {
    let float = |x: f64| Some(Num::Float(x));
    if iw == 0.0 {
        return float(1.0);
    }
    if iv.is_nan() {
        return float(iv);
    }
    if iw.is_nan() {
        return float(if iv == 1.0 { 1.0 } else { iw });
    }
    if iw.is_infinite() {
        let av = iv.abs();
        return if av == 1.0 {
            float(1.0)
        } else if (iw > 0.0) == (av > 1.0) {
            float(iw.abs())
        } else {
            float(0.0)
        };
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return if iw > 0.0 {
            float(if odd { iv } else { iv.abs() })
        } else {
            float(if odd { 0.0f64.copysign(iv) } else { 0.0 })
        };
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return None;
        }
        return float(if is_odd_integer(iw) { iv } else { 0.0 });
    }
    let mut base = iv;
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            return complex::pow(Num::Float(iv), Num::Float(iw));
        }
        base = -iv;
        negate = is_odd_integer(iw);
    }
    if base == 1.0 {
        return float(if negate { -1.0 } else { 1.0 });
    }
    let ix = base.powf(iw);
    if ix.is_infinite() {
        // ERANGE: OverflowError.
        return None;
    }
    float(if negate { -ix } else { ix })
}
