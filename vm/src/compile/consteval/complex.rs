//! Complex arithmetic as `Objects/complexobject.c` defines it in 3.14: mixed-mode rules that
//! combine a real operand with a complex one directly (C11 Annex G), Smith's division, and
//! powers by repeated squaring for small integral exponents.

use super::int::num_to_f64;
use super::{Num, nb};

#[derive(Clone, Copy)]
struct C {
    re: f64,
    im: f64,
}

fn prod(z: C, w: C) -> C {
    let (mut a, mut b, mut c, mut d) = (z.re, z.im, w.re, w.im);
    let (ac, bd, ad, bc) = (a * c, b * d, a * d, b * c);
    let mut r = C {
        re: ac - bd,
        im: ad + bc,
    };
    if r.re.is_nan() && r.im.is_nan() {
        let box_inf = |x: f64| (if x.is_infinite() { 1.0f64 } else { 0.0 }).copysign(x);
        let zero_nan = |x: f64| if x.is_nan() { 0.0f64.copysign(x) } else { x };
        let mut recalc = false;
        if a.is_infinite() || b.is_infinite() {
            a = box_inf(a);
            b = box_inf(b);
            c = zero_nan(c);
            d = zero_nan(d);
            recalc = true;
        }
        if c.is_infinite() || d.is_infinite() {
            c = box_inf(c);
            d = box_inf(d);
            a = zero_nan(a);
            b = zero_nan(b);
            recalc = true;
        }
        if !recalc && (ac.is_infinite() || bd.is_infinite() || ad.is_infinite() || bc.is_infinite())
        {
            a = zero_nan(a);
            b = zero_nan(b);
            c = zero_nan(c);
            d = zero_nan(d);
            recalc = true;
        }
        if recalc {
            r.re = f64::INFINITY * (a * c - b * d);
            r.im = f64::INFINITY * (a * d + b * c);
        }
    }
    r
}

/// `_Ty_c_quot`; `None` on division by zero.
fn quot(a: C, b: C) -> Option<C> {
    let abs_breal = b.re.abs();
    let abs_bimag = b.im.abs();
    let mut r = if abs_breal >= abs_bimag {
        if abs_breal == 0.0 {
            return None;
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        C {
            re: (a.re + a.im * ratio) / denom,
            im: (a.im - a.re * ratio) / denom,
        }
    } else if abs_bimag >= abs_breal {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        C {
            re: (a.re * ratio + a.im) / denom,
            im: (a.im * ratio - a.re) / denom,
        }
    } else {
        C {
            re: f64::NAN,
            im: f64::NAN,
        }
    };
    if r.re.is_nan() && r.im.is_nan() {
        if (a.re.is_infinite() || a.im.is_infinite()) && b.re.is_finite() && b.im.is_finite() {
            let x = (if a.re.is_infinite() { 1.0f64 } else { 0.0 }).copysign(a.re);
            let y = (if a.im.is_infinite() { 1.0f64 } else { 0.0 }).copysign(a.im);
            r.re = f64::INFINITY * (x * b.re + y * b.im);
            r.im = f64::INFINITY * (y * b.re - x * b.im);
        } else if (abs_breal.is_infinite() || abs_bimag.is_infinite())
            && a.re.is_finite()
            && a.im.is_finite()
        {
            let x = (if b.re.is_infinite() { 1.0f64 } else { 0.0 }).copysign(b.re);
            let y = (if b.im.is_infinite() { 1.0f64 } else { 0.0 }).copysign(b.im);
            r.re = 0.0 * (a.re * x + a.im * y);
            r.im = 0.0 * (a.im * x - a.re * y);
        }
    }
    Some(r)
}

/// `_Ty_rc_quot`: real / complex.
fn rc_quot(a: f64, b: C) -> Option<C> {
    let abs_breal = b.re.abs();
    let abs_bimag = b.im.abs();
    let mut r = if abs_breal >= abs_bimag {
        if abs_breal == 0.0 {
            return None;
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        C {
            re: a / denom,
            im: (-a * ratio) / denom,
        }
    } else if abs_bimag >= abs_breal {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        C {
            re: (a * ratio) / denom,
            im: (-a) / denom,
        }
    } else {
        C {
            re: f64::NAN,
            im: f64::NAN,
        }
    };
    if r.re.is_nan()
        && r.im.is_nan()
        && a.is_finite()
        && (abs_breal.is_infinite() || abs_bimag.is_infinite())
    {
        let x = (if b.re.is_infinite() { 1.0f64 } else { 0.0 }).copysign(b.re);
        let y = (if b.im.is_infinite() { 1.0f64 } else { 0.0 }).copysign(b.im);
        r.re = 0.0 * (a * x);
        r.im = 0.0 * (-a * y);
    }
    Some(r)
}

fn done(c: C) -> Option<Num> {
    Some(Num::Complex(c.re, c.im))
}

/// `complex <op> (complex | real)`.
pub(super) fn binary_cc_or_cr(re: f64, im: f64, op: u32, b: Num) -> Option<Num> {
    let a = C { re, im };
    match b {
        Num::Complex(br, bi) => {
            let b = C { re: br, im: bi };
            match op {
                nb::ADD => done(C {
                    re: a.re + b.re,
                    im: a.im + b.im,
                }),
                nb::SUBTRACT => done(C {
                    re: a.re - b.re,
                    im: a.im - b.im,
                }),
                nb::MULTIPLY => done(prod(a, b)),
                nb::TRUE_DIVIDE => done(quot(a, b)?),
                _ => None,
            }
        }
        real => {
            let b = num_to_f64(real)?;
            match op {
                nb::ADD => done(C {
                    re: a.re + b,
                    im: a.im,
                }),
                nb::SUBTRACT => done(C {
                    re: a.re - b,
                    im: a.im,
                }),
                nb::MULTIPLY => done(C {
                    re: a.re * b,
                    im: a.im * b,
                }),
                nb::TRUE_DIVIDE => {
                    if b == 0.0 {
                        return None;
                    }
                    done(C {
                        re: a.re / b,
                        im: a.im / b,
                    })
                }
                _ => None,
            }
        }
    }
}

/// `real <op> complex`.
pub(super) fn binary_rc(a: Num, op: u32, br: f64, bi: f64) -> Option<Num> {
    let b = C { re: br, im: bi };
    match op {
        nb::ADD | nb::SUBTRACT | nb::MULTIPLY | nb::TRUE_DIVIDE => {}
        _ => return None,
    }
    let a = num_to_f64(a)?;
    match op {
        nb::ADD => done(C {
            re: a + b.re,
            im: b.im,
        }),
        nb::SUBTRACT => done(C {
            re: a - b.re,
            im: -b.im,
        }),
        nb::MULTIPLY => done(C {
            re: b.re * a,
            im: b.im * a,
        }),
        _ => done(rc_quot(a, b)?),
    }
}

fn to_c(n: Num) -> Option<C> {
    match n {
        Num::Complex(re, im) => Some(C { re, im }),
        real => Some(C {
            re: num_to_f64(real)?,
            im: 0.0,
        }),
    }
}

/// `c_powu`: `x ** n` by repeated squaring.
fn powu(x: C, n: i64) -> C {
    let mut r = C { re: 1.0, im: 0.0 };
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = prod(r, p);
        }
        mask <<= 1;
        p = prod(p, p);
    }
    r
}

/// `complex_pow(v, w, None)` (reals converted to complex first).
pub(super) fn pow(v: Num, w: Num) -> Option<Num> {
    let (a, b) = (to_c(v)?, to_c(w)?);
    let p = if b.im == 0.0 && b.re == b.re.floor() && b.re.abs() <= 100.0 {
        let n = b.re as i64;
        if n > 0 {
            powu(a, n)
        } else {
            quot(C { re: 1.0, im: 0.0 }, powu(a, -n))?
        }
    } else if b.re == 0.0 && b.im == 0.0 {
        C { re: 1.0, im: 0.0 }
    } else if a.re == 0.0 && a.im == 0.0 {
        if b.im != 0.0 || b.re < 0.0 {
            return None;
        }
        C { re: 0.0, im: 0.0 }
    } else {
        let vabs = a.re.hypot(a.im);
        let mut len = vabs.powf(b.re);
        let at = a.im.atan2(a.re);
        let mut phase = at * b.re;
        if b.im != 0.0 {
            len *= (-at * b.im).exp();
            phase += b.im * vabs.ln();
        }
        // cos/sin of an infinity set errno to EDOM, which CPython reports as
        // ZeroDivisionError whatever the result.
        if phase.is_infinite() {
            return None;
        }
        C {
            re: len * phase.cos(),
            im: len * phase.sin(),
        }
    };
    if p.re.is_infinite() || p.im.is_infinite() {
        // ERANGE: OverflowError("complex exponentiation").
        return None;
    }
    done(p)
}
