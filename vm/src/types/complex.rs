//! `complex`: payload, arithmetic mixed with ints and floats, `**`, repr and hashing.

use crate::object::{CompareOp, Py, Type, Value};
use crate::runtime::{Args, PyResult, Vm};

use super::float::as_float;
use super::int::{as_int, int_to_f64};

/// A Python `complex`.
pub struct Complex {
    /// Real part.
    pub re: f64,
    /// Imaginary part.
    pub im: f64,
}

crate::payload!(Complex);

impl Vm {
    /// A new complex.
    pub fn new_complex(&self, re: f64, im: f64) -> Value {
        crate::object::core::alloc(&self.types.complex, Complex { re, im }).into()
    }
}

/// Views a number as a complex (`None` for non-numbers); OverflowError for huge ints.
fn as_complex(vm: &Vm, v: &Value) -> PyResult<Option<(f64, f64)>> {
    if let Some(c) = v.downcast::<Complex>() {
        return Ok(Some((c.re, c.im)));
    }
    if let Some(f) = as_float(v) {
        return Ok(Some((f, 0.0)));
    }
    if let Some(i) = as_int(v) {
        let f = int_to_f64(i)
            .ok_or_else(|| vm.new_overflow_error("int too large to convert to float"))?;
        return Ok(Some((f, 0.0)));
    }
    Ok(None)
}

/// A complex number as `(real, imag)`.
type Pair = (f64, f64);

fn operands(vm: &Vm, a: &Value, b: &Value) -> PyResult<Option<(Pair, Pair)>> {
    let (Some(x), Some(y)) = (as_complex(vm, a)?, as_complex(vm, b)?) else {
        return Ok(None);
    };
    Ok(Some((x, y)))
}

/// Complex division, CPython's `_Py_c_quot` (Smith's algorithm).
fn c_quot(vm: &Vm, a: (f64, f64), b: (f64, f64)) -> PyResult<(f64, f64)> {
    let (ar, ai) = a;
    let (br, bi) = b;
    let abs_br = br.abs();
    let abs_bi = bi.abs();
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return Err(vm.new_zero_division_error("division by zero"));
        }
        let ratio = bi / br;
        let denom = br + bi * ratio;
        Ok(((ar + ai * ratio) / denom, (ai - ar * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = br / bi;
        let denom = br * ratio + bi;
        Ok(((ar * ratio + ai) / denom, (ai * ratio - ar) / denom))
    } else {
        Ok((f64::NAN, f64::NAN))
    }
}

fn c_prod(a: Pair, b: Pair) -> Pair {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `x ** n` for a natural `n` by repeated squaring (CPython's `c_powu`), which keeps
/// small integer powers exact where the polar form would round.
fn c_powu(x: Pair, n: u64) -> Pair {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask = 1u64;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

/// `a ** b` for complex operands, CPython's `complex_pow`: integral exponents up to 100 in
/// magnitude by multiplication, others by `_Py_c_pow`.
pub fn complex_pow_values(vm: &Vm, a: (f64, f64), b: (f64, f64)) -> PyResult<Value> {
    let integral = b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0;
    let (r, i) = if integral && b.0 != 0.0 {
        let n = b.0 as i64;
        if n > 0 {
            c_powu(a, n as u64)
        } else {
            let p = c_powu(a, n.unsigned_abs());
            if p.0 == 0.0 && p.1 == 0.0 {
                return Err(vm.new_zero_division_error("zero to a negative or complex power"));
            }
            c_quot(vm, (1.0, 0.0), p)?
        }
    } else if b.0 == 0.0 && b.1 == 0.0 {
        (1.0, 0.0)
    } else if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(vm.new_zero_division_error("zero to a negative or complex power"));
        }
        (0.0, 0.0)
    } else {
        let vabs = a.0.hypot(a.1);
        let mut len = vabs.powf(b.0);
        let at = a.1.atan2(a.0);
        let mut phase = at * b.0;
        if b.1 != 0.0 {
            len /= (at * b.1).exp();
            phase += b.1 * vabs.ln();
        }
        (len * phase.cos(), len * phase.sin())
    };
    if r.is_infinite() || i.is_infinite() {
        return Err(vm.new_overflow_error("complex exponentiation"));
    }
    Ok(vm.new_complex(r, i))
}

/// An operand of mixed arithmetic: a complex, or a real number (int or float), which
/// CPython 3.14 combines with only the matching component.
enum Operand {
    Complex(Pair),
    Real(f64),
}

fn operand(vm: &Vm, v: &Value) -> PyResult<Option<Operand>> {
    if let Some(c) = v.downcast::<Complex>() {
        return Ok(Some(Operand::Complex((c.re, c.im))));
    }
    Ok(as_complex(vm, v)?.map(|(re, _)| Operand::Real(re)))
}

fn binary(
    vm: &Vm,
    a: &Value,
    b: &Value,
    f: impl Fn(Operand, Operand) -> PyResult<Pair>,
) -> PyResult<Value> {
    match (operand(vm, a)?, operand(vm, b)?) {
        (Some(x), Some(y)) => {
            let (re, im) = f(x, y)?;
            Ok(vm.new_complex(re, im))
        }
        _ => Ok(vm.not_implemented()),
    }
}

fn slot_add(vm: &Vm, a: &Value, b: &Value) -> PyResult<Value> {
    binary(vm, a, b, |x, y| {
        Ok(match (x, y) {
            (Operand::Complex(x), Operand::Complex(y)) => (x.0 + y.0, x.1 + y.1),
            (Operand::Complex(x), Operand::Real(r)) | (Operand::Real(r), Operand::Complex(x)) => {
                (x.0 + r, x.1)
            }
            (Operand::Real(p), Operand::Real(q)) => (p + q, 0.0),
        })
    })
}

fn slot_sub(vm: &Vm, a: &Value, b: &Value) -> PyResult<Value> {
    binary(vm, a, b, |x, y| {
        Ok(match (x, y) {
            (Operand::Complex(x), Operand::Complex(y)) => (x.0 - y.0, x.1 - y.1),
            (Operand::Complex(x), Operand::Real(r)) => (x.0 - r, x.1),
            (Operand::Real(r), Operand::Complex(y)) => (r - y.0, -y.1),
            (Operand::Real(p), Operand::Real(q)) => (p - q, 0.0),
        })
    })
}

fn slot_mul(vm: &Vm, a: &Value, b: &Value) -> PyResult<Value> {
    binary(vm, a, b, |x, y| {
        Ok(match (x, y) {
            (Operand::Complex(x), Operand::Complex(y)) => c_prod(x, y),
            (Operand::Complex(x), Operand::Real(r)) | (Operand::Real(r), Operand::Complex(x)) => {
                (x.0 * r, x.1 * r)
            }
            (Operand::Real(p), Operand::Real(q)) => (p * q, 0.0),
        })
    })
}

fn slot_truediv(vm: &Vm, a: &Value, b: &Value) -> PyResult<Value> {
    binary(vm, a, b, |x, y| match (x, y) {
        (Operand::Complex(x), Operand::Real(r)) => {
            if r == 0.0 {
                return Err(vm.new_zero_division_error("division by zero"));
            }
            Ok((x.0 / r, x.1 / r))
        }
        (x, y) => {
            let pair = |o: Operand| match o {
                Operand::Complex(c) => c,
                Operand::Real(r) => (r, 0.0),
            };
            c_quot(vm, pair(x), pair(y))
        }
    })
}

fn slot_pow(vm: &Vm, a: &Value, b: &Value, m: &Value) -> PyResult<Value> {
    if !m.is_none() {
        return Err(vm.new_value_error("complex modulo"));
    }
    match operands(vm, a, b)? {
        Some((x, y)) => complex_pow_values(vm, x, y),
        None => Ok(vm.not_implemented()),
    }
}

fn this(vm: &Vm, v: &Value) -> PyResult<(f64, f64)> {
    v.downcast::<Complex>()
        .map(|c| (c.re, c.im))
        .ok_or_else(|| vm.new_type_error("descriptor requires a 'complex' object"))
}

fn slot_neg(vm: &Vm, a: &Value) -> PyResult<Value> {
    let (r, i) = this(vm, a)?;
    Ok(vm.new_complex(-r, -i))
}

fn slot_pos(vm: &Vm, a: &Value) -> PyResult<Value> {
    let (r, i) = this(vm, a)?;
    Ok(vm.new_complex(r, i))
}

fn slot_abs(vm: &Vm, a: &Value) -> PyResult<Value> {
    let (r, i) = this(vm, a)?;
    let h = r.hypot(i);
    if h.is_infinite() && r.is_finite() && i.is_finite() {
        return Err(vm.new_overflow_error("absolute value too large"));
    }
    Ok(vm.new_float(h))
}

fn slot_bool(vm: &Vm, a: &Value) -> PyResult<bool> {
    let (r, i) = this(vm, a)?;
    Ok(r != 0.0 || i != 0.0)
}

fn slot_hash(vm: &Vm, a: &Value) -> PyResult<i64> {
    let (r, i) = this(vm, a)?;
    let id = a.id() as usize;
    Ok(crate::runtime::hash::hash_complex(
        crate::runtime::hash::hash_f64(r, id),
        crate::runtime::hash::hash_f64(i, id),
    ))
}

fn slot_repr(vm: &Vm, a: &Value) -> PyResult<Value> {
    let (r, i) = this(vm, a)?;
    let mut s = String::new();
    crate::text::repr::write_complex_repr(&mut s, r, i);
    Ok(vm.new_str(&s).into())
}

fn slot_richcompare(vm: &Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.not_implemented());
    }
    let Some(x) = a.downcast::<Complex>().map(|c| (c.re, c.im)) else {
        return Ok(vm.not_implemented());
    };
    let eq = if let Some(c) = b.downcast::<Complex>() {
        x.0 == c.re && x.1 == c.im
    } else if let Some(f) = as_float(b) {
        x.0 == f && x.1 == 0.0
    } else if let Some(i) = as_int(b) {
        x.1 == 0.0 && super::int::cmp_int_f64(i, x.0) == Some(std::cmp::Ordering::Equal)
    } else {
        return Ok(vm.not_implemented());
    };
    Ok(Value::Bool(eq == (op == CompareOp::Eq)))
}

/// A `complex()` argument as a number: `(value, was_complex)`, or None when it is neither a
/// complex (`__complex__`) nor a real number (`__float__`/`__index__`).
fn complex_part(vm: &Vm, v: &Value) -> PyResult<Option<(Pair, bool)>> {
    if let Some(c) = v.downcast::<Complex>() {
        return Ok(Some(((c.re, c.im), true)));
    }
    if let Some(r) =
        crate::runtime::slot_dispatch::call_special(vm, v, &vm.intern("__complex__"), &[])?
    {
        let Some(c) = r.downcast::<Complex>() else {
            return Err(vm.new_type_error(format!(
                "__complex__ returned non-complex (type {})",
                vm.type_name(&r)
            )));
        };
        return Ok(Some(((c.re, c.im), true)));
    }
    if let Some(c) = as_complex(vm, v)? {
        return Ok(Some((c, false)));
    }
    if v.class(vm).slots.float.get().is_some() || v.class(vm).slots.index.get().is_some() {
        return Ok(Some((
            (super::float_type::float_from_value(vm, v)?, 0.0),
            false,
        )));
    }
    Ok(None)
}

fn complex_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    let [real, imag] = args.bind(vm, "complex", ["real", "imag"], 0, 0)?;
    let must_be_real = |name: &str, v: &Value| {
        vm.new_type_error(format!(
            "complex() argument '{name}' must be a real number, not {}",
            vm.type_name(v)
        ))
    };
    let (r, r_complex) = match real {
        None => ((0.0, 0.0), false),
        Some(v) => {
            if let Some(s) = v.downcast::<super::str::Str>() {
                if imag.is_some() {
                    return Err(must_be_real("real", v));
                }
                let c = parse_complex(&s.to_lossy())
                    .ok_or_else(|| vm.new_value_error("complex() arg is a malformed string"))?;
                return finish(vm, cls, c.0, c.1);
            }
            match complex_part(vm, v)? {
                Some(p) => p,
                None if imag.is_none() => {
                    return Err(vm.new_type_error(format!(
                        "complex() argument must be a string or a number, not {}",
                        vm.type_name(v)
                    )));
                }
                None => return Err(must_be_real("real", v)),
            }
        }
    };
    let (i, i_complex) = match imag {
        None => ((0.0, 0.0), false),
        Some(v) => {
            if v.downcast::<super::str::Str>().is_some() {
                return Err(must_be_real("imag", v));
            }
            complex_part(vm, v)?.ok_or_else(|| must_be_real("imag", v))?
        }
    };
    // Only a complex argument contributes its imaginary part (signed zeros stay as given).
    let mut re = r.0;
    if i_complex {
        re -= i.1;
    }
    let mut im = i.0;
    if r_complex {
        im = if imag.is_some() { im + r.1 } else { r.1 };
    }
    finish(vm, cls, re, im)
}

fn finish(vm: &Vm, cls: &Py<Type>, re: f64, im: f64) -> PyResult<Value> {
    if cls.is(&vm.types.complex) {
        return Ok(vm.new_complex(re, im));
    }
    vm.alloc_instance(cls, Complex { re, im })
}

fn complex_format(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (c, rest) = vm.method_self::<Complex>(args, "__format__", "complex")?;
    let spec = rest.one(vm, "complex.__format__")?;
    let Some(spec) = spec.downcast::<super::str::Str>() else {
        return Err(vm.new_type_error(format!(
            "__format__() argument must be str, not {}",
            vm.type_name(spec)
        )));
    };
    if spec.char_len() == 0 {
        let mut s = String::new();
        crate::text::repr::write_complex_repr(&mut s, c.re, c.im);
        return Ok(vm.new_str(&s).into());
    }
    let parsed =
        crate::runtime::format::parse_spec(&spec.to_lossy()).map_err(|m| vm.new_value_error(m))?;
    let out = crate::runtime::format_complex::format_complex(vm, c.re, c.im, &parsed)?;
    Ok(vm.new_str(&out).into())
}

fn complex_dunder_complex(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (c, rest) = vm.method_self::<Complex>(args, "__complex__", "complex")?;
    rest.none(vm, "complex.__complex__")?;
    Ok(vm.new_complex(c.re, c.im))
}

/// Parses `complex(str)`.
fn parse_complex(text: &str) -> Option<(f64, f64)> {
    let s = text.trim();
    let s = s
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .map_or(s, str::trim);
    if let Some(body) = s.strip_suffix(['j', 'J']) {
        // Find the split between real and imaginary parts: the last sign not after 'e'.
        let bytes = body.as_bytes();
        let mut split = None;
        for i in (1..bytes.len()).rev() {
            if (bytes[i] == b'+' || bytes[i] == b'-') && !matches!(bytes[i - 1], b'e' | b'E') {
                split = Some(i);
                break;
            }
        }
        let (re, im) = match split {
            Some(i) => (super::float::parse_float(&body[..i])?, &body[i..]),
            None => (0.0, body),
        };
        let im = match im {
            "" | "+" => 1.0,
            "-" => -1.0,
            t => super::float::parse_float(t)?,
        };
        return Some((re, im));
    }
    Some((super::float::parse_float(s)?, 0.0))
}

fn complex_conjugate(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (c, rest) = vm.method_self::<Complex>(args, "conjugate", "complex")?;
    rest.none(vm, "complex.conjugate")?;
    Ok(vm.new_complex(c.re, -c.im))
}

/// Fills in `complex`'s slots and methods.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.complex;
    let s = &t.slots;
    s.add.set(Some(slot_add));
    s.sub.set(Some(slot_sub));
    s.mul.set(Some(slot_mul));
    s.truediv.set(Some(slot_truediv));
    s.pow.set(Some(slot_pow));
    s.neg.set(Some(slot_neg));
    s.pos.set(Some(slot_pos));
    s.abs.set(Some(slot_abs));
    s.bool.set(Some(slot_bool));
    s.hash.set(Some(slot_hash));
    s.repr.set(Some(slot_repr));
    s.richcompare.set(Some(slot_richcompare));
    s.new.set(Some(complex_new));
    vm.add_methods(
        t,
        &[
            ("conjugate", complex_conjugate),
            ("__format__", complex_format),
            ("__complex__", complex_dunder_complex),
        ],
    );
    vm.add_getset(t, "real", |vm, v| Ok(vm.new_float(this(vm, v)?.0)), None);
    vm.add_getset(t, "imag", |vm, v| Ok(vm.new_float(this(vm, v)?.1)), None);
}
