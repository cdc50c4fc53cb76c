//! The `float` type object: slots, constructor and methods over `float.rs`.

use crate::object::{CompareOp, Py, Type, Value};
use crate::runtime::{Args, PyResult, Vm};

use super::float::*;
use super::int::{as_int, cmp_int_f64};
use super::str::Str;

macro_rules! float_binary {
    ($($slot:ident => $f:expr;)*) => {
        $(
            fn $slot(vm: &Vm, a: &Value, b: &Value) -> PyResult<Value> {
                match float_operands(vm, a, b)? {
                    Some((x, y)) => $f(vm, x, y),
                    None => Ok(vm.not_implemented()),
                }
            }
        )*
    };
}

float_binary! {
    slot_add => |vm: &Vm, x: f64, y: f64| Ok(vm.new_float(x + y));
    slot_sub => |vm: &Vm, x: f64, y: f64| Ok(vm.new_float(x - y));
    slot_mul => |vm: &Vm, x: f64, y: f64| Ok(vm.new_float(x * y));
    slot_truediv => |vm: &Vm, x: f64, y: f64| {
        if y == 0.0 {
            return Err(vm.new_zero_division_error("division by zero"));
        }
        Ok(vm.new_float(x / y))
    };
    slot_floordiv => |vm: &Vm, x, y| Ok(vm.new_float(float_divmod(vm, x, y)?.0));
    slot_mod => |vm: &Vm, x, y| Ok(vm.new_float(float_mod(vm, x, y)?));
    slot_divmod => |vm: &Vm, x, y| {
        let (q, r) = float_divmod(vm, x, y)?;
        Ok(vm.new_tuple(vec![vm.new_float(q), vm.new_float(r)]).into())
    };
}

fn slot_pow(vm: &Vm, a: &Value, b: &Value, m: &Value) -> PyResult<Value> {
    if !m.is_none() {
        return Err(
            vm.new_type_error("pow() 3rd argument not allowed unless all arguments are integers")
        );
    }
    match float_operands(vm, a, b)? {
        Some((x, y)) => float_pow_values(vm, x, y),
        None => Ok(vm.not_implemented()),
    }
}

fn this(vm: &Vm, v: &Value) -> PyResult<f64> {
    as_float(v).ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor requires a 'float' object but received a '{}'",
            vm.type_name(v)
        ))
    })
}

fn slot_neg(vm: &Vm, a: &Value) -> PyResult<Value> {
    Ok(vm.new_float(-this(vm, a)?))
}

fn slot_pos(vm: &Vm, a: &Value) -> PyResult<Value> {
    Ok(exact_or_new(vm, a, this(vm, a)?))
}

fn slot_abs(vm: &Vm, a: &Value) -> PyResult<Value> {
    Ok(vm.new_float(this(vm, a)?.abs()))
}

fn slot_bool(vm: &Vm, a: &Value) -> PyResult<bool> {
    Ok(this(vm, a)? != 0.0)
}

fn slot_int(vm: &Vm, a: &Value) -> PyResult<Value> {
    float_to_int(vm, this(vm, a)?)
}

fn slot_float(vm: &Vm, a: &Value) -> PyResult<Value> {
    Ok(exact_or_new(vm, a, this(vm, a)?))
}

fn slot_hash(vm: &Vm, a: &Value) -> PyResult<i64> {
    let x = this(vm, a)?;
    Ok(crate::runtime::hash::hash_f64(x, a.id() as usize))
}

fn slot_repr(vm: &Vm, a: &Value) -> PyResult<Value> {
    Ok(vm
        .new_str(&crate::text::float_repr::float_repr(this(vm, a)?))
        .into())
}

fn slot_richcompare(vm: &Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let Some(x) = as_float(a) else {
        return Ok(vm.not_implemented());
    };
    let ord = if let Some(y) = as_float(b) {
        x.partial_cmp(&y)
    } else if let Some(i) = as_int(b) {
        cmp_int_f64(i, x).map(std::cmp::Ordering::reverse)
    } else {
        return Ok(vm.not_implemented());
    };
    Ok(Value::Bool(match ord {
        Some(o) => op.test(o),
        None => op == CompareOp::Ne,
    }))
}

/// `float(x)` for one argument.
pub fn float_from_value(vm: &Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = as_float(v) {
        return Ok(f);
    }
    if let Some(i) = as_int(v) {
        return int_as_f64(vm, i);
    }
    let text = if let Some(s) = v.downcast::<Str>() {
        Some(s.to_lossy().into_owned())
    } else if let Some(b) = v.downcast::<super::bytes::Bytes>() {
        Some(String::from_utf8_lossy(b.as_bytes()).into_owned())
    } else {
        v.downcast::<super::bytes::ByteArray>()
            .map(|b| String::from_utf8_lossy(&b.to_vec()).into_owned())
    };
    if let Some(text) = text {
        return parse_float(&text).ok_or_else(|| {
            let shown = vm
                .repr(v)
                .map(|s| s.to_lossy().into_owned())
                .unwrap_or_default();
            vm.new_value_error(format!("could not convert string to float: {shown}"))
        });
    }
    let cls = v.class(vm);
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
        return super::int::big_to_f64(&i)
            .ok_or_else(|| vm.new_overflow_error("int too large to convert to float"));
    }
    Err(vm.new_type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        vm.type_name(v)
    )))
}

fn float_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    args.no_kwargs(vm, "float")?;
    let vals = args.range(vm, "float", 0, 1)?;
    let x = match vals.first() {
        Some(v) => float_from_value(vm, v)?,
        None => 0.0,
    };
    if cls.is(&vm.types.float) {
        return Ok(match vals.first() {
            Some(v) => exact_or_new(vm, v, x),
            None => Value::Float(x),
        });
    }
    vm.alloc_instance(cls, Float { value: x })
}

fn method_float<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(f64, Args<'a>)> {
    let Some((this, rest)) = args.split_self() else {
        return Err(vm.new_type_error(format!("unbound method float.{name}() needs an argument")));
    };
    let f = as_float(this).ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor '{name}' for 'float' objects doesn't apply to a '{}' object",
            vm.type_name(this)
        ))
    })?;
    Ok((f, rest))
}

fn float_is_integer(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (x, rest) = method_float(vm, &args, "is_integer")?;
    rest.none(vm, "float.is_integer")?;
    Ok(Value::Bool(x.is_finite() && x == x.trunc()))
}

fn float_as_integer_ratio(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (x, rest) = method_float(vm, &args, "as_integer_ratio")?;
    rest.none(vm, "float.as_integer_ratio")?;
    if x.is_infinite() {
        return Err(vm.new_overflow_error("cannot convert Infinity to integer ratio"));
    }
    if x.is_nan() {
        return Err(vm.new_value_error("cannot convert NaN to integer ratio"));
    }
    let (n, d) = as_integer_ratio(x);
    Ok(vm.new_tuple(vec![vm.new_int(n), vm.new_int(d)]).into())
}

fn float_hex_method(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (x, rest) = method_float(vm, &args, "hex")?;
    rest.none(vm, "float.hex")?;
    Ok(vm.new_str(&float_hex(x)).into())
}

fn float_conjugate(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (x, rest) = method_float(vm, &args, "conjugate")?;
    rest.none(vm, "float.conjugate")?;
    Ok(exact_or_new(vm, &args.values()[0], x))
}

fn float_trunc(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (x, rest) = method_float(vm, &args, "__trunc__")?;
    rest.none(vm, "float.__trunc__")?;
    float_to_int(vm, x)
}

fn float_floor(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (x, rest) = method_float(vm, &args, "__floor__")?;
    rest.none(vm, "float.__floor__")?;
    float_to_int(vm, x.floor())
}

fn float_ceil(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (x, rest) = method_float(vm, &args, "__ceil__")?;
    rest.none(vm, "float.__ceil__")?;
    float_to_int(vm, x.ceil())
}

fn float_round(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (x, rest) = method_float(vm, &args, "__round__")?;
    let vals = rest.range(vm, "__round__", 0, 1)?;
    match vals.first().filter(|v| !v.is_none()) {
        None => {
            let r = x.round_ties_even();
            float_to_int(vm, r)
        }
        Some(nd) => {
            let nd = vm.index_value(nd)?;
            Ok(vm.new_float(round_float(x, nd)))
        }
    }
}

fn float_fromhex(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let Some((cls, rest)) = args.split_self() else {
        return Err(vm.new_type_error("fromhex() needs a class"));
    };
    let s = rest.one(vm, "fromhex")?;
    let text = s
        .downcast::<Str>()
        .ok_or_else(|| vm.new_type_error("fromhex() argument must be str"))?
        .to_lossy()
        .into_owned();
    let x = parse_hex_float(&text)
        .ok_or_else(|| vm.new_value_error("invalid hexadecimal floating-point string"))?;
    if cls.as_obj().is_some_and(|c| c.is(vm.types.float.as_obj())) {
        return Ok(vm.new_float(x));
    }
    vm.call(cls, Args::positional(&[vm.new_float(x)]))
}

/// Parses `float.fromhex` input.
fn parse_hex_float(text: &str) -> Option<f64> {
    let s = text.trim().to_ascii_lowercase();
    let (neg, s) = match s.strip_prefix('-') {
        Some(r) => (true, r.to_string()),
        None => (false, s.strip_prefix('+').unwrap_or(&s).to_string()),
    };
    if let Some(v) = match s.as_str() {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    } {
        return Some(if neg { -v } else { v });
    }
    let s = s.strip_prefix("0x").unwrap_or(&s);
    let (mant, exp) = match s.split_once('p') {
        Some((m, e)) => (m, e.parse::<i64>().ok()?),
        None => (s, 0),
    };
    let (int_part, frac_part) = mant.split_once('.').unwrap_or((mant, ""));
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    let mut value = num_bigint::BigInt::from(0);
    for c in int_part.chars().chain(frac_part.chars()) {
        value = value * 16 + c.to_digit(16)?;
    }
    let e = exp - 4 * frac_part.len() as i64;
    let f = super::int::big_to_f64(&value)?;
    let v = super::int::ldexp(f, e);
    Some(if neg { -v } else { v })
}

fn get_real(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(exact_or_new(vm, v, this(vm, v)?))
}

fn get_imag(_vm: &Vm, _v: &Value) -> PyResult<Value> {
    Ok(Value::Float(0.0))
}

/// Fills in `float`'s slots and methods.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.float;
    let s = &t.slots;
    s.add.set(Some(slot_add));
    s.sub.set(Some(slot_sub));
    s.mul.set(Some(slot_mul));
    s.truediv.set(Some(slot_truediv));
    s.floordiv.set(Some(slot_floordiv));
    s.rem.set(Some(slot_mod));
    s.divmod.set(Some(slot_divmod));
    s.pow.set(Some(slot_pow));
    s.neg.set(Some(slot_neg));
    s.pos.set(Some(slot_pos));
    s.abs.set(Some(slot_abs));
    s.bool.set(Some(slot_bool));
    s.int.set(Some(slot_int));
    s.float.set(Some(slot_float));
    s.hash.set(Some(slot_hash));
    s.repr.set(Some(slot_repr));
    s.richcompare.set(Some(slot_richcompare));
    s.new.set(Some(float_new));
    vm.add_methods(
        t,
        &[
            ("is_integer", float_is_integer),
            ("as_integer_ratio", float_as_integer_ratio),
            ("hex", float_hex_method),
            ("conjugate", float_conjugate),
            ("__trunc__", float_trunc),
            ("__floor__", float_floor),
            ("__ceil__", float_ceil),
            ("__round__", float_round),
        ],
    );
    vm.add_classmethod(t, "fromhex", float_fromhex);
    vm.add_getset(t, "real", get_real, None);
    vm.add_getset(t, "imag", get_imag, None);
}
