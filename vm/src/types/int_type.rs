//! The `int` and `bool` type objects: slots, constructor and methods over the arithmetic in
//! `int.rs`.

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};

use crate::object::{CompareOp, Py, Type, Value};
use crate::runtime::{Args, PyResult, Vm};

use super::float::{as_float, float_to_int};
use super::int::*;
use super::str::Str;

macro_rules! int_binary {
    ($($slot:ident => $f:expr;)*) => {
        $(
            fn $slot(vm: &Vm, a: &Value, b: &Value) -> PyResult<Value> {
                match (as_int(a), as_int(b)) {
                    (Some(x), Some(y)) => $f(vm, x, y),
                    _ => Ok(vm.not_implemented()),
                }
            }
        )*
    };
}

int_binary! {
    slot_add => |vm, x, y| Ok(int_add(vm, x, y));
    slot_sub => |vm, x, y| Ok(int_sub(vm, x, y));
    slot_mul => |vm, x, y| Ok(int_mul(vm, x, y));
    slot_floordiv => int_floordiv;
    slot_mod => int_mod;
    slot_truediv => int_truediv;
    slot_lshift => int_lshift;
    slot_rshift => int_rshift;
    slot_and => |vm, x, y| Ok(int_and(vm, x, y));
    slot_or => |vm, x, y| Ok(int_or(vm, x, y));
    slot_xor => |vm, x, y| Ok(int_xor(vm, x, y));
}

fn slot_divmod(vm: &Vm, a: &Value, b: &Value) -> PyResult<Value> {
    match (as_int(a), as_int(b)) {
        (Some(x), Some(y)) => {
            let (q, r) = int_divmod(vm, x, y)?;
            Ok(vm.new_tuple(vec![q, r]).into())
        }
        _ => Ok(vm.not_implemented()),
    }
}

fn slot_pow(vm: &Vm, a: &Value, b: &Value, m: &Value) -> PyResult<Value> {
    let (Some(x), Some(y)) = (as_int(a), as_int(b)) else {
        return Ok(vm.not_implemented());
    };
    if m.is_none() {
        return int_pow(vm, x, y);
    }
    let Some(z) = as_int(m) else {
        return Ok(vm.not_implemented());
    };
    int_pow_mod(vm, x, y, z)
}

fn self_int<'a>(vm: &Vm, v: &'a Value) -> PyResult<IntRef<'a>> {
    as_int(v).ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor requires a 'int' object but received a '{}'",
            vm.type_name(v)
        ))
    })
}

fn slot_neg(vm: &Vm, a: &Value) -> PyResult<Value> {
    Ok(int_neg(vm, self_int(vm, a)?))
}

fn slot_pos(vm: &Vm, a: &Value) -> PyResult<Value> {
    Ok(int_pos(vm, self_int(vm, a)?))
}

fn slot_abs(vm: &Vm, a: &Value) -> PyResult<Value> {
    Ok(int_abs(vm, self_int(vm, a)?))
}

fn slot_invert(vm: &Vm, a: &Value) -> PyResult<Value> {
    Ok(int_invert(vm, self_int(vm, a)?))
}

/// `~b` for a bool: still the int's inversion, but deprecated since 3.12 (removal in 3.16).
fn bool_invert(vm: &Vm, a: &Value) -> PyResult<Value> {
    vm.warn_as(
        &vm.exc.deprecation_warning.clone().into(),
        "Bitwise inversion '~' on bool is deprecated and will be removed in Python 3.16. \
         This returns the bitwise inversion of the underlying int object and is usually not \
         what you expect from negating a bool. Use the 'not' operator for boolean negation \
         or ~int(x) if you really want the bitwise inversion of the underlying int.",
    )?;
    slot_invert(vm, a)
}

fn slot_bool(vm: &Vm, a: &Value) -> PyResult<bool> {
    Ok(self_int(vm, a)?.signum() != 0)
}

fn slot_int(vm: &Vm, a: &Value) -> PyResult<Value> {
    Ok(int_pos(vm, self_int(vm, a)?))
}

fn slot_float(vm: &Vm, a: &Value) -> PyResult<Value> {
    Ok(Value::Float(super::float::int_as_f64(
        vm,
        self_int(vm, a)?,
    )?))
}

fn slot_hash(vm: &Vm, a: &Value) -> PyResult<i64> {
    Ok(int_hash(self_int(vm, a)?))
}

fn slot_repr(vm: &Vm, a: &Value) -> PyResult<Value> {
    let text = int_repr(vm, self_int(vm, a)?)?;
    Ok(vm.new_str(&text).into())
}

fn slot_richcompare(vm: &Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    match (as_int(a), as_int(b)) {
        (Some(x), Some(y)) => Ok(Value::Bool(op.test(int_cmp(x, y)))),
        _ => Ok(vm.not_implemented()),
    }
}

/// `int(x)` for a single argument: `__int__`, `__index__`, float truncation, str/bytes.
pub fn int_from_value(vm: &Vm, v: &Value) -> PyResult<Value> {
    if let Some(i) = as_int(v) {
        return Ok(int_pos(vm, i));
    }
    if let Some(f) = as_float(v) {
        return float_to_int(vm, f);
    }
    if let Some(s) = v.downcast::<Str>() {
        return int_from_text(vm, &s.to_lossy(), 10, v);
    }
    if let Some(b) = v.downcast::<super::bytes::Bytes>() {
        let text = String::from_utf8_lossy(b.as_bytes()).into_owned();
        return int_from_text(vm, &text, 10, v);
    }
    if let Some(b) = v.downcast::<super::bytes::ByteArray>() {
        let text = String::from_utf8_lossy(&b.to_vec()).into_owned();
        return int_from_text(vm, &text, 10, v);
    }
    let cls = v.class(vm);
    if let Some(f) = cls.slots.int.get() {
        let r = f(vm, v)?;
        if as_int(&r).is_none() {
            return Err(vm.new_type_error(format!(
                "__int__ returned non-int (type {})",
                vm.type_name(&r)
            )));
        }
        return Ok(r);
    }
    if cls.slots.index.get().is_some() {
        let b = vm.try_index(v)?.map(|b| b.into_owned()).unwrap_or_default();
        return Ok(vm.new_int(b));
    }
    Err(vm.new_type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        vm.type_name(v)
    )))
}

/// The digit count of a valid int literal when its base is not a power of two (the
/// conversions the digit limit applies to).
fn limited_digits(text: &str, base: u32) -> Option<usize> {
    let body = text
        .trim()
        .trim_start_matches(['+', '-'])
        .to_ascii_lowercase();
    let prefixed = ["0x", "0o", "0b"].iter().any(|p| body.starts_with(p));
    if base.is_power_of_two() || (base == 0 && prefixed) {
        return None;
    }
    Some(body.chars().filter(|c| c.is_alphanumeric()).count())
}

fn int_from_text(vm: &Vm, text: &str, base: u32, original: &Value) -> PyResult<Value> {
    match parse_int(text, base) {
        Some(b) => {
            // Longer decimal strings are refused (the quadratic conversion is a
            // denial-of-service risk), as under CPython.
            if let Some(n) = limited_digits(text, base)
                && crate::text::repr::exceeds_int_max_str_digits(n)
            {
                return Err(vm.new_value_error(format!(
                    "Exceeds the limit ({} digits) for integer string conversion: value has \
                     {n} digits; use sys.set_int_max_str_digits() to increase the limit",
                    crate::text::repr::int_max_str_digits()
                )));
            }
            Ok(vm.new_int(b))
        }
        None => {
            let shown = vm.repr(original)?;
            Err(vm.new_value_error(format!(
                "invalid literal for int() with base {base}: {}",
                shown.to_lossy()
            )))
        }
    }
}

/// 2**63 as a float: truncated floats in `-2**63..2**63` convert to `i64` exactly.
const I64_LIMIT: f64 = 9_223_372_036_854_775_808.0;

fn int_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    // `int(f)` of an immediate float or int (go's `int(random.random() * n)`): no binding.
    if let [x] = args.values()
        && !args.has_kwargs()
        && cls.is(&vm.types.int)
    {
        match *x {
            Value::Int(i) => return Ok(Value::Int(i)),
            // In range: the truncation is exact and fits (NaN fails both tests).
            Value::Float(f) if (-I64_LIMIT..I64_LIMIT).contains(&f.trunc()) => {
                return Ok(Value::Int(f.trunc() as i64));
            }
            _ => {}
        }
    }
    args.check_positional(vm, "int", 0, 2)?;
    let [x, base] = args.bind(vm, "int", ["x", "base"], 0, 1)?;
    let value = match (x, base) {
        (None, None) => Value::Int(0),
        (None, Some(_)) => return Err(vm.new_type_error("int() missing string argument")),
        (Some(x), None) => int_from_value(vm, x)?,
        (Some(x), Some(b)) => {
            let base = vm.index_value(b)?;
            if base != 0 && !(2..=36).contains(&base) {
                return Err(vm.new_value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            let text = if let Some(s) = x.downcast::<Str>() {
                s.to_lossy().into_owned()
            } else if let Some(b) = x.downcast::<super::bytes::Bytes>() {
                String::from_utf8_lossy(b.as_bytes()).into_owned()
            } else if let Some(b) = x.downcast::<super::bytes::ByteArray>() {
                String::from_utf8_lossy(&b.to_vec()).into_owned()
            } else {
                return Err(vm.new_type_error("int() can't convert non-string with explicit base"));
            };
            int_from_text(vm, &text, base as u32, x)?
        }
    };
    if cls.is(&vm.types.int) {
        return Ok(value);
    }
    let big = as_int(&value)
        .map(|i| i.big().into_owned())
        .unwrap_or_default();
    vm.alloc_instance(cls, Int { value: big })
}

fn method_int<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(IntRef<'a>, Args<'a>)> {
    let Some((this, rest)) = args.split_self() else {
        return Err(vm.new_type_error(format!("unbound method int.{name}() needs an argument")));
    };
    let i = as_int(this).ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor '{name}' for 'int' objects doesn't apply to a '{}' object",
            vm.type_name(this)
        ))
    })?;
    Ok((i, rest))
}

fn int_bit_length(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (i, rest) = method_int(vm, &args, "bit_length")?;
    rest.none(vm, "int.bit_length")?;
    Ok(Value::Int(match i {
        IntRef::Small(x) => 64 - x.unsigned_abs().leading_zeros() as i64,
        IntRef::Big(b) => b.bits() as i64,
    }))
}

fn int_bit_count(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (i, rest) = method_int(vm, &args, "bit_count")?;
    rest.none(vm, "int.bit_count")?;
    Ok(Value::Int(match i {
        IntRef::Small(x) => x.unsigned_abs().count_ones() as i64,
        IntRef::Big(b) => b
            .magnitude()
            .iter_u64_digits()
            .map(|d| d.count_ones() as i64)
            .sum(),
    }))
}

fn int_conjugate(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (i, rest) = method_int(vm, &args, "conjugate")?;
    rest.none(vm, "int.conjugate")?;
    Ok(int_pos(vm, i))
}

fn int_as_integer_ratio(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (i, rest) = method_int(vm, &args, "as_integer_ratio")?;
    rest.none(vm, "int.as_integer_ratio")?;
    Ok(vm.new_tuple(vec![int_pos(vm, i), Value::Int(1)]).into())
}

fn int_is_integer(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, rest) = method_int(vm, &args, "is_integer")?;
    rest.none(vm, "int.is_integer")?;
    Ok(Value::Bool(true))
}

fn int_trunc(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (i, rest) = method_int(vm, &args, "__trunc__")?;
    rest.none(vm, "int.__trunc__")?;
    Ok(int_pos(vm, i))
}

fn int_round(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (i, rest) = method_int(vm, &args, "__round__")?;
    let vals = rest.range(vm, "__round__", 0, 1)?;
    let Some(nd) = vals.first().filter(|v| !v.is_none()) else {
        return Ok(int_pos(vm, i));
    };
    let nd = vm.index_value(nd)?;
    if nd >= 0 {
        return Ok(int_pos(vm, i));
    }
    // Round to a multiple of 10^-nd, half to even.
    let Ok(exp) = u32::try_from(-nd) else {
        return Ok(Value::Int(0));
    };
    let p = num_traits::pow(BigInt::from(10), exp as usize);
    let v = i.big().into_owned();
    let (q, r) = num_integer::Integer::div_mod_floor(&v, &p);
    let twice: BigInt = &r * 2;
    let q = match twice.cmp(&p) {
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Less => q,
        std::cmp::Ordering::Equal => {
            if num_integer::Integer::is_odd(&q) {
                q + 1
            } else {
                q
            }
        }
    };
    Ok(vm.new_int(q * p))
}

fn int_to_bytes(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (i, rest) = method_int(vm, &args, "to_bytes")?;
    let [length, byteorder, signed] =
        rest.bind(vm, "to_bytes", ["length", "byteorder", "signed"], 0, 0)?;
    let length = match length {
        Some(l) => vm.ssize_arg(l)?,
        None => 1,
    };
    if length < 0 {
        return Err(vm.new_value_error("length argument must be non-negative"));
    }
    let little = match byteorder {
        None => false,
        Some(b) => match b
            .downcast::<Str>()
            .and_then(|s| s.as_str().map(str::to_owned))
        {
            Some(s) if s == "little" => true,
            Some(s) if s == "big" => false,
            _ => return Err(vm.new_value_error("byteorder must be either 'little' or 'big'")),
        },
    };
    let signed = match signed {
        Some(s) => vm.is_true(s)?,
        None => false,
    };
    let v = i.big().into_owned();
    if !signed && v.is_negative() {
        return Err(vm.new_overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if signed {
        v.to_signed_bytes_le()
    } else {
        v.to_bytes_le().1
    };
    if v.is_zero() {
        bytes.clear();
    }
    let length = length as usize;
    // Trim redundant sign bytes, then check and pad.
    if bytes.len() > length {
        return Err(vm.new_overflow_error("int too big to convert"));
    }
    let fill = if signed && v.is_negative() { 0xff } else { 0 };
    bytes.resize(length, fill);
    if !little {
        bytes.reverse();
    }
    Ok(vm.new_bytes(bytes).into())
}

fn int_from_bytes(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let Some((cls, rest)) = args.split_self() else {
        return Err(vm.new_type_error("from_bytes() needs a class"));
    };
    let [bytes, byteorder, signed] =
        rest.bind(vm, "from_bytes", ["bytes", "byteorder", "signed"], 1, 0)?;
    let data = vm.bytes_from_object(bytes.unwrap_or(&Value::None))?;
    let little = match byteorder {
        None => false,
        Some(b) => match b
            .downcast::<Str>()
            .and_then(|s| s.as_str().map(str::to_owned))
        {
            Some(s) if s == "little" => true,
            Some(s) if s == "big" => false,
            _ => return Err(vm.new_value_error("byteorder must be either 'little' or 'big'")),
        },
    };
    let signed = match signed {
        Some(s) => vm.is_true(s)?,
        None => false,
    };
    let v = if signed {
        if little {
            BigInt::from_signed_bytes_le(&data)
        } else {
            BigInt::from_signed_bytes_be(&data)
        }
    } else if little {
        BigInt::from_bytes_le(Sign::Plus, &data)
    } else {
        BigInt::from_bytes_be(Sign::Plus, &data)
    };
    let value = vm.new_int(v);
    if cls.as_obj().is_some_and(|c| c.is(vm.types.int.as_obj())) {
        return Ok(value);
    }
    vm.call(cls, Args::positional(&[value]))
}

fn int_getnewargs(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (i, _) = method_int(vm, &args, "__getnewargs__")?;
    let v = int_pos(vm, i);
    Ok(vm.new_tuple(vec![v]).into())
}

fn get_real(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(int_pos(vm, self_int(vm, v)?))
}

fn get_zero(_vm: &Vm, _v: &Value) -> PyResult<Value> {
    Ok(Value::Int(0))
}

fn get_one(_vm: &Vm, _v: &Value) -> PyResult<Value> {
    Ok(Value::Int(1))
}

// --- bool -------------------------------------------------------------------------------

fn bool_repr(vm: &Vm, a: &Value) -> PyResult<Value> {
    let b = matches!(a, Value::Bool(true));
    Ok(vm.intern(if b { "True" } else { "False" }).into())
}

fn bool_new(vm: &Vm, _cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    args.no_kwargs(vm, "bool")?;
    let vals = args.range(vm, "bool", 0, 1)?;
    Ok(Value::Bool(match vals.first() {
        Some(v) => vm.is_true(v)?,
        None => false,
    }))
}

macro_rules! bool_bitop {
    ($name:ident, $int_slot:ident, $op:tt) => {
        fn $name(vm: &Vm, a: &Value, b: &Value) -> PyResult<Value> {
            if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
                return Ok(Value::Bool(*x $op *y));
            }
            $int_slot(vm, a, b)
        }
    };
}
bool_bitop!(bool_and, slot_and, &);
bool_bitop!(bool_or, slot_or, |);
bool_bitop!(bool_xor, slot_xor, ^);

/// Fills in `int`'s and `bool`'s slots and methods.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.int;
    let s = &t.slots;
    s.add.set(Some(slot_add));
    s.sub.set(Some(slot_sub));
    s.mul.set(Some(slot_mul));
    s.floordiv.set(Some(slot_floordiv));
    s.rem.set(Some(slot_mod));
    s.truediv.set(Some(slot_truediv));
    s.divmod.set(Some(slot_divmod));
    s.pow.set(Some(slot_pow));
    s.lshift.set(Some(slot_lshift));
    s.rshift.set(Some(slot_rshift));
    s.and.set(Some(slot_and));
    s.or.set(Some(slot_or));
    s.xor.set(Some(slot_xor));
    s.neg.set(Some(slot_neg));
    s.pos.set(Some(slot_pos));
    s.abs.set(Some(slot_abs));
    s.invert.set(Some(slot_invert));
    s.bool.set(Some(slot_bool));
    s.int.set(Some(slot_int));
    s.float.set(Some(slot_float));
    s.index.set(Some(slot_int));
    s.hash.set(Some(slot_hash));
    s.repr.set(Some(slot_repr));
    s.richcompare.set(Some(slot_richcompare));
    s.new.set(Some(int_new));
    vm.add_methods(
        t,
        &[
            ("bit_length", int_bit_length),
            ("bit_count", int_bit_count),
            ("conjugate", int_conjugate),
            ("as_integer_ratio", int_as_integer_ratio),
            ("is_integer", int_is_integer),
            ("__trunc__", int_trunc),
            ("__floor__", int_trunc),
            ("__ceil__", int_trunc),
            ("__round__", int_round),
            ("to_bytes", int_to_bytes),
            ("__getnewargs__", int_getnewargs),
            ("__sizeof__", super::object::object_sizeof),
        ],
    );
    vm.add_classmethod(t, "from_bytes", int_from_bytes);
    vm.add_getset(t, "real", get_real, None);
    vm.add_getset(t, "imag", get_zero, None);
    vm.add_getset(t, "numerator", get_real, None);
    vm.add_getset(t, "denominator", get_one, None);

    let b = &vm.types.bool;
    b.slots.repr.set(Some(bool_repr));
    b.slots.new.set(Some(bool_new));
    b.slots.and.set(Some(bool_and));
    b.slots.or.set(Some(bool_or));
    b.slots.xor.set(Some(bool_xor));
    b.slots.invert.set(Some(bool_invert));
    let _ = ToPrimitive::to_i64(&BigInt::zero());
}
