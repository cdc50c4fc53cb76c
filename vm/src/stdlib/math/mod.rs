//! The `math` module: CPython's functions with its exact results and errors. Elementary
//! functions go to the platform libm (as CPython's do) through wrappers that turn NaN and
//! infinite results into "math domain error"/"math range error" (or the 3.14 messages
//! naming the input); `gamma`, `lgamma`, `fsum`, `hypot`, `sumprod` and the integer
//! functions follow CPython's own algorithms (`special.rs`, `integer.rs`).

mod integer;
pub(crate) mod libm;
mod special;

pub(crate) use special::{frexp, ldexp};

use crate::object::{Py, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::types::float::as_float;
use crate::types::int::{as_int, big_to_f64};
use crate::types::module::Module;

/// A failed libm-style computation: CPython's `EDOM` / `ERANGE`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum MathErr {
    /// Invalid input or a singularity: ValueError.
    Domain,
    /// Overflow: OverflowError("math range error").
    Range,
}

/// `PyFloat_AsDouble`: a float, an int (exactly rounded), `__float__`, or `__index__`;
/// otherwise "must be real number, not T".
pub fn as_double(vm: &Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => return Ok(*f),
        Value::Int(i) => return Ok(*i as f64),
        Value::Bool(b) => return Ok(f64::from(u8::from(*b))),
        _ => {}
    }
    if let Some(f) = as_float(v) {
        return Ok(f);
    }
    let cls = v.class(vm);
    if cls.is(&vm.types.int)
        && let Some(i) = as_int(v)
    {
        return crate::types::float::int_as_f64(vm, i);
    }
    if let Some(f) = cls.slots.float.get() {
        let r = f(vm, v)?;
        return as_float(&r).ok_or_else(|| {
            vm.new_type_error(format!(
                "{}.__float__ returned non-float (type {})",
                cls.name(),
                vm.type_name(&r)
            ))
        });
    }
    if cls.slots.index.get().is_some() {
        let i = vm.try_index(v)?.map(|b| b.into_owned()).unwrap_or_default();
        return big_to_f64(&i)
            .ok_or_else(|| vm.new_overflow_error("int too large to convert to float"));
    }
    Err(vm.new_type_error(format!("must be real number, not {}", vm.type_name(v))))
}

/// The ValueError of a domain error: `msg` with `%s` replaced by `repr(x)`, or the
/// classic "math domain error".
fn domain_error(vm: &Vm, x: f64, msg: Option<&str>) -> crate::runtime::PyErr {
    match msg {
        Some(m) => vm.new_value_error(m.replace("%s", &crate::text::float_repr::float_repr(x))),
        None => vm.new_value_error("math domain error"),
    }
}

fn range_error(vm: &Vm) -> crate::runtime::PyErr {
    vm.new_overflow_error("math range error")
}

/// CPython's `math_1`: a NaN from a non-NaN input is a domain error; an infinity from a
/// finite input is an overflow (`can_overflow`) or a singularity (domain error).
fn math_1(
    vm: &Vm,
    x: f64,
    f: fn(f64) -> f64,
    can_overflow: bool,
    msg: Option<&str>,
) -> PyResult<Value> {
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error(vm, x, msg));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_error(vm)
        } else {
            domain_error(vm, x, msg)
        });
    }
    Ok(vm.new_float(r))
}

/// CPython's `math_1a` for functions reporting errors themselves.
fn math_1a(
    vm: &Vm,
    x: f64,
    f: fn(f64) -> Result<f64, MathErr>,
    msg: Option<&str>,
) -> PyResult<Value> {
    match f(x) {
        Ok(r) => Ok(vm.new_float(r)),
        Err(MathErr::Domain) => Err(domain_error(vm, x, msg)),
        Err(MathErr::Range) => Err(range_error(vm)),
    }
}

/// CPython's `math_2`: NaN from non-NaN inputs is a domain error, an infinity from finite
/// inputs a range error.
fn math_2(vm: &Vm, args: Args<'_>, name: &str, f: fn(f64, f64) -> f64) -> PyResult<Value> {
    let vals = args.range(vm, name, 2, 2)?;
    let x = as_double(vm, &vals[0])?;
    let y = as_double(vm, &vals[1])?;
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(vm.new_value_error("math domain error"));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error(vm));
    }
    Ok(vm.new_float(r))
}

/// The single argument of `math.NAME(x)` as a float.
fn arg1(vm: &Vm, args: &Args<'_>, name: &str) -> PyResult<f64> {
    as_double(vm, args.one(vm, name)?)
}

macro_rules! func1 {
    ($($fn_name:ident = $py:literal, $f:expr, $overflow:expr, $msg:expr;)*) => {
        $(
            fn $fn_name(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
                let x = match args.values() {
                    // A float argument (nearly always): no arity or conversion checks.
                    [Value::Float(x)] if !args.has_kwargs() => *x,
                    _ => arg1(vm, &args, concat!("math.", $py))?,
                };
                math_1(vm, x, |v| $f(v), $overflow, $msg)
            }
        )*
    };
}

const RANGE_1: Option<&str> = Some("expected a number in range from -1 up to 1, got %s");
const FINITE: Option<&str> = Some("expected a finite input, got %s");

func1! {
    m_acos = "acos", libm::acos, false, RANGE_1;
    m_acosh = "acosh", libm::acosh, false, Some("expected argument value not less than 1, got %s");
    m_asin = "asin", libm::asin, false, RANGE_1;
    m_asinh = "asinh", libm::asinh, false, None;
    m_atan = "atan", libm::atan, false, None;
    m_atanh = "atanh", libm::atanh, false, Some("expected a number between -1 and 1, got %s");
    m_cbrt = "cbrt", libm::cbrt, false, None;
    m_cos = "cos", libm::cos, false, FINITE;
    m_cosh = "cosh", libm::cosh, true, None;
    m_exp = "exp", libm::exp, true, None;
    m_exp2 = "exp2", libm::exp2, true, None;
    m_expm1 = "expm1", libm::expm1, true, None;
    m_fabs = "fabs", f64::abs, false, None;
    m_log1p = "log1p", libm::log1p, false, Some("expected argument value > -1, got %s");
    m_sin = "sin", libm::sin, false, FINITE;
    m_sinh = "sinh", libm::sinh, true, None;
    m_sqrt = "sqrt", f64::sqrt, false, Some("expected a nonnegative input, got %s");
    m_tan = "tan", libm::tan, false, FINITE;
    m_tanh = "tanh", libm::tanh, false, None;
}

/// erf/erfc only underflow, which CPython ignores.
fn m_erf(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(vm.new_float(libm::erf(arg1(vm, &args, "math.erf")?)))
}

fn m_erfc(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(vm.new_float(libm::erfc(arg1(vm, &args, "math.erfc")?)))
}

const GAMMA_MSG: Option<&str> = Some("expected a noninteger or positive integer, got %s");

fn m_gamma(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let x = arg1(vm, &args, "math.gamma")?;
    math_1a(vm, x, special::tgamma, GAMMA_MSG)
}

fn m_lgamma(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let x = arg1(vm, &args, "math.lgamma")?;
    math_1a(vm, x, special::lgamma, GAMMA_MSG)
}

fn m_atan2(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    math_2(vm, args, "atan2", |y, x| libm::atan2(y, x))
}

fn m_copysign(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    math_2(vm, args, "copysign", f64::copysign)
}

fn m_remainder(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    math_2(vm, args, "remainder", special::remainder)
}

/// `floor`/`ceil`: exact floats directly, then `__floor__`/`__ceil__`, then the float value.
fn rounding(
    vm: &Vm,
    args: Args<'_>,
    name: &str,
    dunder: &str,
    f: fn(f64) -> f64,
) -> PyResult<Value> {
    let v = args.one(vm, name)?;
    match v {
        Value::Float(x) => return crate::types::float::float_to_int(vm, f(*x)),
        Value::Int(_) => return Ok(v.clone()),
        Value::Bool(b) => return Ok(Value::Int(i64::from(*b))),
        _ => {}
    }
    if let Some(r) = crate::runtime::slot_dispatch::call_special(vm, v, &vm.intern(dunder), &[])? {
        return Ok(r);
    }
    let x = as_double(vm, v)?;
    crate::types::float::float_to_int(vm, f(x))
}

fn m_floor(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    rounding(vm, args, "math.floor", "__floor__", f64::floor)
}

fn m_ceil(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    rounding(vm, args, "math.ceil", "__ceil__", f64::ceil)
}

fn m_trunc(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.one(vm, "math.trunc")?;
    match v {
        Value::Float(x) => return crate::types::float::float_to_int(vm, *x),
        Value::Int(_) => return Ok(v.clone()),
        Value::Bool(b) => return Ok(Value::Int(i64::from(*b))),
        _ => {}
    }
    match crate::runtime::slot_dispatch::call_special(vm, v, &vm.intern("__trunc__"), &[])? {
        Some(r) => Ok(r),
        None => Err(vm.new_type_error(format!(
            "type {} doesn't define __trunc__ method",
            vm.type_name(v)
        ))),
    }
}

fn m_frexp(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let x = arg1(vm, &args, "math.frexp")?;
    let (m, e) = if x.is_nan() || x.is_infinite() || x == 0.0 {
        (x, 0)
    } else {
        special::frexp(x)
    };
    Ok(vm
        .new_tuple(vec![vm.new_float(m), Value::Int(i64::from(e))])
        .into())
}

fn m_ldexp(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "ldexp", 2, 2)?;
    let x = as_double(vm, &vals[0])?;
    let Some(i) = as_int(&vals[1]) else {
        return Err(vm.new_type_error("Expected an int as second argument to ldexp."));
    };
    let exp = match i.to_i64() {
        Some(e) => e,
        None if i.signum() < 0 => i64::MIN,
        None => i64::MAX,
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(vm.new_float(x));
    }
    let r = if exp > i64::from(i32::MAX) {
        return Err(range_error(vm));
    } else if exp < i64::from(i32::MIN) {
        0.0f64.copysign(x)
    } else {
        special::ldexp(x, exp)
    };
    if r.is_infinite() {
        return Err(range_error(vm));
    }
    Ok(vm.new_float(r))
}

fn m_modf(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let x = arg1(vm, &args, "math.modf")?;
    let (frac, int) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let t = x.trunc();
        ((x - t).copysign(x), t)
    };
    Ok(vm
        .new_tuple(vec![vm.new_float(frac), vm.new_float(int)])
        .into())
}

/// `log`/`log2`/`log10` of an int of any size (CPython's `loghelper`), or of a float.
fn loghelper(vm: &Vm, v: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(i) = as_int(v) {
        if i.signum() <= 0 {
            return Err(vm.new_value_error("expected a positive input"));
        }
        return Ok(match i {
            crate::types::int::IntRef::Small(s) => f(s as f64),
            crate::types::int::IntRef::Big(b) => match big_to_f64(b) {
                Some(x) => f(x),
                None => {
                    // x * 2**e with x in [0.5, 1): log(x) + log(2) * e.
                    // The top 60 bits with a sticky bit for the rest round exactly
                    // like the whole value would.
                    let shift = b.bits().saturating_sub(60);
                    let mut top: num_bigint::BigInt = b >> shift;
                    if b.trailing_zeros().is_some_and(|tz| tz < shift) {
                        top |= num_bigint::BigInt::from(1);
                    }
                    let x = big_to_f64(&top).unwrap_or(1.0);
                    let (m, e) = special::frexp(x);
                    f(m) + f(2.0) * (shift as f64 + f64::from(e))
                }
            },
        });
    }
    let x = as_double(vm, v)?;
    let r = math_1(vm, x, f, false, Some("expected a positive input, got %s"))?;
    Ok(as_float(&r).unwrap_or(f64::NAN))
}

fn m_log(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "log", 1, 2)?;
    let num = loghelper(vm, &vals[0], |x| libm::log(x))?;
    if vals.len() == 1 {
        return Ok(vm.new_float(num));
    }
    let den = loghelper(vm, &vals[1], |x| libm::log(x))?;
    if den == 0.0 {
        return Err(vm.new_zero_division_error("division by zero"));
    }
    Ok(vm.new_float(num / den))
}

fn m_log2(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.one(vm, "math.log2")?;
    loghelper(vm, v, |x| libm::log2(x)).map(|r| vm.new_float(r))
}

fn m_log10(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.one(vm, "math.log10")?;
    loghelper(vm, v, |x| libm::log10(x)).map(|r| vm.new_float(r))
}

fn m_fma(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "fma", 3, 3)?;
    let x = as_double(vm, &vals[0])?;
    let y = as_double(vm, &vals[1])?;
    let z = as_double(vm, &vals[2])?;
    let r = x.mul_add(y, z);
    if r.is_finite() {
        return Ok(vm.new_float(r));
    }
    if r.is_nan() {
        if !x.is_nan() && !y.is_nan() && !z.is_nan() {
            return Err(vm.new_value_error("invalid operation in fma"));
        }
    } else if x.is_finite() && y.is_finite() && z.is_finite() {
        return Err(vm.new_overflow_error("overflow in fma"));
    }
    Ok(vm.new_float(r))
}

fn m_fmod(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "fmod", 2, 2)?;
    let x = as_double(vm, &vals[0])?;
    let y = as_double(vm, &vals[1])?;
    if y.is_infinite() && x.is_finite() {
        return Ok(vm.new_float(x));
    }
    let r = libm::fmod(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(vm.new_value_error("math domain error"));
    }
    Ok(vm.new_float(r))
}

fn m_pow(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "pow", 2, 2)?;
    let x = as_double(vm, &vals[0])?;
    let y = as_double(vm, &vals[1])?;
    match special::pow(x, y) {
        Ok(r) => Ok(vm.new_float(r)),
        Err(MathErr::Domain) => Err(vm.new_value_error("math domain error")),
        Err(MathErr::Range) => Err(range_error(vm)),
    }
}

fn m_degrees(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let x = arg1(vm, &args, "math.degrees")?;
    Ok(vm.new_float(x * (180.0 / std::f64::consts::PI)))
}

fn m_radians(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let x = arg1(vm, &args, "math.radians")?;
    Ok(vm.new_float(x * (std::f64::consts::PI / 180.0)))
}

fn m_isfinite(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(arg1(vm, &args, "math.isfinite")?.is_finite()))
}

fn m_isinf(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(arg1(vm, &args, "math.isinf")?.is_infinite()))
}

fn m_isnan(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(arg1(vm, &args, "math.isnan")?.is_nan()))
}

fn m_isclose(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    if args.npos() > 2 {
        return Err(vm.new_type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.npos()
        )));
    }
    let [a, b, rel, abs] = args.bind(vm, "isclose", ["a", "b", "rel_tol", "abs_tol"], 2, 0)?;
    let (Some(a), Some(b)) = (a, b) else {
        return Err(vm.new_type_error("isclose() missing required argument 'a' (pos 1)"));
    };
    let a = as_double(vm, a)?;
    let b = as_double(vm, b)?;
    let rel_tol = rel.map_or(Ok(1e-9), |v| as_double(vm, v))?;
    let abs_tol = abs.map_or(Ok(0.0), |v| as_double(vm, v))?;
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(vm.new_value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(
        diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol,
    ))
}

fn m_nextafter(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    if args.npos() != 2 {
        return Err(vm.new_type_error(format!(
            "nextafter() takes exactly 2 positional arguments ({} given)",
            args.npos()
        )));
    }
    let pos = args.pos();
    let x = as_double(vm, &pos[0])?;
    let y = as_double(vm, &pos[1])?;
    let mut steps = None;
    for (k, v) in args.kwargs() {
        if k.as_bytes() == b"steps" {
            steps = Some(v);
        } else {
            return Err(vm.new_type_error(format!(
                "nextafter() got an unexpected keyword argument '{}'",
                k.to_lossy()
            )));
        }
    }
    let steps = match steps.filter(|s| !s.is_none()) {
        None => return Ok(vm.new_float(libm::nextafter(x, y))),
        Some(s) => {
            let n = vm.try_index(s)?.ok_or_else(|| {
                vm.new_type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(s)
                ))
            })?;
            if num_traits::Signed::is_negative(n.as_ref()) {
                return Err(vm.new_value_error("steps must be a non-negative integer"));
            }
            num_traits::ToPrimitive::to_u64(n.as_ref()).unwrap_or(u64::MAX)
        }
    };
    Ok(vm.new_float(special::nextafter_steps(x, y, steps)))
}

fn m_ulp(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let x = arg1(vm, &args, "math.ulp")?;
    if x.is_nan() {
        return Ok(vm.new_float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(vm.new_float(x));
    }
    let up = libm::nextafter(x, f64::INFINITY);
    if up.is_infinite() {
        return Ok(vm.new_float(x - libm::nextafter(x, f64::NEG_INFINITY)));
    }
    Ok(vm.new_float(up - x))
}

fn m_fsum(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let seq = args.one(vm, "math.fsum")?;
    special::fsum(vm, seq).map(|r| vm.new_float(r))
}

fn m_hypot(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_kwargs(vm, "math.hypot")?;
    let mut coords = Vec::with_capacity(args.npos());
    for v in args.pos() {
        coords.push(as_double(vm, v)?.abs());
    }
    Ok(vm.new_float(special::vector_norm(&mut coords)))
}

fn m_dist(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "dist", 2, 2)?;
    let p = vm.collect(&vals[0])?;
    let q = vm.collect(&vals[1])?;
    if p.len() != q.len() {
        return Err(vm.new_value_error("both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::with_capacity(p.len());
    for (a, b) in p.iter().zip(&q) {
        let a = as_double(vm, a)?;
        let b = as_double(vm, b)?;
        diffs.push((a - b).abs());
    }
    Ok(vm.new_float(special::vector_norm(&mut diffs)))
}

fn m_sumprod(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "sumprod", 2, 2)?;
    special::sumprod(vm, &vals[0], &vals[1])
}

fn m_prod(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    if args.npos() != 1 {
        return Err(vm.new_type_error(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            args.npos()
        )));
    }
    let mut start = None;
    for (k, v) in args.kwargs() {
        if k.as_bytes() == b"start" {
            start = Some(v.clone());
        } else {
            return Err(vm.new_type_error(format!(
                "prod() got an unexpected keyword argument '{}'",
                k.to_lossy()
            )));
        }
    }
    special::prod(vm, &args.pos()[0], start.unwrap_or(Value::Int(1)))
}

/// Builds the `math` module.
pub fn init(vm: &Vm) -> PyResult<Py<Module>> {
    let m = vm.new_module("math");
    let d = m.dict();
    d.set_str(
        &vm.names.__doc__,
        vm.new_str(
            "This module provides access to the mathematical functions\ndefined by the C standard.",
        )
        .into(),
    );
    for (name, value) in [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN.abs()),
    ] {
        d.set_str(&vm.intern(name), vm.new_float(value));
    }
    let funcs: &[(&'static str, crate::types::function::NativeFn)] = &[
        ("acos", m_acos),
        ("acosh", m_acosh),
        ("asin", m_asin),
        ("asinh", m_asinh),
        ("atan", m_atan),
        ("atan2", m_atan2),
        ("atanh", m_atanh),
        ("cbrt", m_cbrt),
        ("ceil", m_ceil),
        ("comb", integer::comb),
        ("copysign", m_copysign),
        ("cos", m_cos),
        ("cosh", m_cosh),
        ("degrees", m_degrees),
        ("dist", m_dist),
        ("erf", m_erf),
        ("erfc", m_erfc),
        ("exp", m_exp),
        ("exp2", m_exp2),
        ("expm1", m_expm1),
        ("fabs", m_fabs),
        ("factorial", integer::factorial),
        ("floor", m_floor),
        ("fma", m_fma),
        ("fmod", m_fmod),
        ("frexp", m_frexp),
        ("fsum", m_fsum),
        ("gamma", m_gamma),
        ("gcd", integer::gcd),
        ("hypot", m_hypot),
        ("isclose", m_isclose),
        ("isfinite", m_isfinite),
        ("isinf", m_isinf),
        ("isnan", m_isnan),
        ("isqrt", integer::isqrt),
        ("lcm", integer::lcm),
        ("ldexp", m_ldexp),
        ("lgamma", m_lgamma),
        ("log", m_log),
        ("log10", m_log10),
        ("log1p", m_log1p),
        ("log2", m_log2),
        ("modf", m_modf),
        ("nextafter", m_nextafter),
        ("perm", integer::perm),
        ("pow", m_pow),
        ("prod", m_prod),
        ("radians", m_radians),
        ("remainder", m_remainder),
        ("sin", m_sin),
        ("sinh", m_sinh),
        ("sqrt", m_sqrt),
        ("sumprod", m_sumprod),
        ("tan", m_tan),
        ("tanh", m_tanh),
        ("trunc", m_trunc),
        ("ulp", m_ulp),
    ];
    for &(name, f) in funcs {
        vm.add_function(&m, name, f);
    }
    Ok(m)
}
