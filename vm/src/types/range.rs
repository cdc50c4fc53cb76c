//! `range`: start, stop and step as exact ints, with an `i64` fast path for iteration,
//! indexing and membership.

use std::cell::{Cell, OnceCell};

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::object::{CompareOp, Py, Type, Value};
use crate::runtime::{Args, PyResult, Vm};

use super::int::{IntRef, as_int};
use super::iter::RangeIter;

/// A Python `range`.
///
/// Ranges of machine-size ints (nearly all) are built and iterated from `small` without
/// touching big ints; the big-int form is built on first use by the rarer operations
/// (repr, hash, comparison, attributes, slicing, huge ranges).
pub struct Range {
    /// `(start, step, len)` when they, `stop` and every item fit 64 bits.
    pub small: Option<(i64, i64, u64)>,
    /// `stop` when `small` is set (the big form is rebuilt from it).
    small_stop: i64,
    big: OnceCell<Box<BigRange>>,
}

/// A range's parameters as exact ints.
pub struct BigRange {
    /// `start`.
    pub start: BigInt,
    /// `stop`.
    pub stop: BigInt,
    /// `step` (never 0).
    pub step: BigInt,
    /// The length.
    pub len: BigInt,
}

crate::payload!(Range);

fn range_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    if step.is_positive() {
        if start < stop {
            (stop - start - 1) / step + 1
        } else {
            BigInt::zero()
        }
    } else if start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        BigInt::zero()
    }
}

/// `(start, step, len)` of a range whose items all fit 64 bits, computed in 128 bits.
fn small_form(start: i64, stop: i64, step: i64) -> Option<(i64, i64, u64)> {
    // The distance fits u64, so the length is one u64 division.
    let n = if (step > 0 && start < stop) || (step < 0 && start > stop) {
        (stop.abs_diff(start) - 1) / step.unsigned_abs() + 1
    } else {
        0
    };
    let end = i128::from(start) + i128::from(step) * i128::from(n);
    (end.abs() < i128::from(i64::MAX)).then_some((start, step, n))
}

impl Range {
    /// A range; `step` must be nonzero.
    pub fn new(start: BigInt, stop: BigInt, step: BigInt) -> Range {
        if let (Some(a), Some(b), Some(s)) = (start.to_i64(), stop.to_i64(), step.to_i64())
            && let Some(small) = small_form(a, b, s)
        {
            return Range {
                small: Some(small),
                small_stop: b,
                big: OnceCell::new(),
            };
        }
        let len = range_len(&start, &stop, &step);
        Range {
            small: None,
            small_stop: 0,
            big: OnceCell::from(Box::new(BigRange {
                start,
                stop,
                step,
                len,
            })),
        }
    }

    /// A range of machine ints; `step` must be nonzero.
    pub fn new_small(start: i64, stop: i64, step: i64) -> Range {
        match small_form(start, stop, step) {
            Some(small) => Range {
                small: Some(small),
                small_stop: stop,
                big: OnceCell::new(),
            },
            None => Range::new(start.into(), stop.into(), step.into()),
        }
    }

    /// The parameters as exact ints.
    pub fn big(&self) -> &BigRange {
        self.big.get_or_init(|| {
            let (start, step, n) = self.small.unwrap_or_default();
            Box::new(BigRange {
                start: start.into(),
                stop: self.small_stop.into(),
                step: step.into(),
                len: n.into(),
            })
        })
    }

    /// The length, when it fits `u64`.
    pub fn len_u64(&self) -> Option<u64> {
        match self.small {
            Some((_, _, n)) => Some(n),
            None => self.big().len.to_u64(),
        }
    }

    /// Whether the range is empty.
    pub fn is_empty(&self) -> bool {
        match self.small {
            Some((_, _, n)) => n == 0,
            None => self.big().len.is_zero(),
        }
    }
}

impl BigRange {
    /// The item at index `i` (`0 <= i < len`).
    pub fn item(&self, i: &BigInt) -> BigInt {
        &self.start + &self.step * i
    }

    /// Whether `x` is in the range.
    pub fn contains_int(&self, x: &BigInt) -> bool {
        let in_bounds = if self.step.is_positive() {
            &self.start <= x && x < &self.stop
        } else {
            &self.stop < x && x <= &self.start
        };
        in_bounds && (x - &self.start).mod_floor(&self.step.abs()).is_zero()
    }
}

impl Vm {
    /// A new range object.
    pub fn new_range(&self, start: BigInt, stop: BigInt, step: BigInt) -> Py<Range> {
        crate::object::core::alloc(&self.types.range, Range::new(start, stop, step))
    }

    /// A range iterator over `(start, step, count)`.
    pub fn new_range_iter(&self, start: i64, step: i64, count: u64) -> Value {
        crate::object::core::alloc(
            &self.types.range_iterator,
            RangeIter {
                next: Cell::new(start),
                step,
                remaining: Cell::new(count),
            },
        )
        .into()
    }
}

fn this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<Range>> {
    v.downcast::<Range>()
        .ok_or_else(|| vm.new_type_error("expected range"))
}

fn index_arg(vm: &Vm, v: &Value) -> PyResult<BigInt> {
    match vm.try_index(v)? {
        Some(b) => Ok(b.into_owned()),
        None => Err(vm.new_type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
    }
}

fn range_new(vm: &Vm, _cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    args.no_kwargs(vm, "range")?;
    let vals = args.pos();
    // Immediate ints (nearly every call) need no `__index__` and no big ints.
    let small = match vals {
        [Value::Int(b)] => Some((0, *b, 1)),
        [Value::Int(a), Value::Int(b)] => Some((*a, *b, 1)),
        [Value::Int(a), Value::Int(b), Value::Int(s)] if *s != 0 => Some((*a, *b, *s)),
        _ => None,
    };
    if let Some((a, b, s)) = small {
        return Ok(crate::object::core::alloc(&vm.types.range, Range::new_small(a, b, s)).into());
    }
    let (start, stop, step) = match vals {
        [stop] => (BigInt::zero(), index_arg(vm, stop)?, BigInt::from(1)),
        [start, stop] => (index_arg(vm, start)?, index_arg(vm, stop)?, BigInt::from(1)),
        [start, stop, step] => (
            index_arg(vm, start)?,
            index_arg(vm, stop)?,
            index_arg(vm, step)?,
        ),
        [] => return Err(vm.new_type_error("range expected at least 1 argument, got 0")),
        _ => {
            return Err(vm.new_type_error(format!(
                "range expected at most 3 arguments, got {}",
                vals.len()
            )));
        }
    };
    if step.is_zero() {
        return Err(vm.new_value_error("range() arg 3 must not be zero"));
    }
    Ok(vm.new_range(start, stop, step).into())
}

fn range_len_slot(vm: &Vm, v: &Value) -> PyResult<usize> {
    let r = this(vm, v)?;
    r.len_u64()
        .filter(|&n| i64::try_from(n).is_ok())
        .map(|n| n as usize)
        .ok_or_else(|| vm.new_overflow_error("Python int too large to convert to C ssize_t"))
}

fn range_bool(vm: &Vm, v: &Value) -> PyResult<bool> {
    Ok(!this(vm, v)?.is_empty())
}

fn range_iter(vm: &Vm, v: &Value) -> PyResult<Value> {
    let r = this(vm, v)?;
    match r.small {
        Some((start, step, n)) => Ok(vm.new_range_iter(start, step, n)),
        // Beyond 64 bits, iterate by index through `range.__getitem__` (exact ints).
        None => Ok(super::iter::SeqIter::new_value(
            vm,
            &vm.types.seq_iterator,
            v.clone(),
        )),
    }
}

fn range_getitem(vm: &Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let r = this(vm, v)?;
    if let Some(s) = key.downcast::<super::slice::Slice>() {
        let len = r
            .len_u64()
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(|| vm.new_overflow_error("Python int too large to convert to C ssize_t"))?;
        let ix = s.indices(vm, len)?;
        if let Some((start, step, _)) = r.small {
            // In 128 bits: the new bounds of a 64-bit range times a 64-bit index fit.
            let at = |i: i64| i128::from(start) + i128::from(step) * i128::from(i);
            let bounds = (
                i64::try_from(at(ix.start)),
                i64::try_from(at(ix.stop)),
                i64::try_from(i128::from(step) * i128::from(ix.step)),
            );
            if let (Ok(a), Ok(b), Ok(st)) = bounds {
                let range = Range::new_small(a, b, st);
                return Ok(crate::object::core::alloc(&vm.types.range, range).into());
            }
        }
        let step = &r.big().step * ix.step;
        let start = r.big().item(&BigInt::from(ix.start));
        let stop = r.big().item(&BigInt::from(ix.stop));
        return Ok(vm.new_range(start, stop, step).into());
    }
    if let (Some((start, step, n)), Value::Int(i)) = (r.small, key) {
        let i = if *i < 0 {
            i128::from(*i) + i128::from(n)
        } else {
            i128::from(*i)
        };
        if i < 0 || i >= i128::from(n) {
            return Err(vm.new_index_error("range object index out of range"));
        }
        // Every item fits 64 bits (the `small` invariant).
        return Ok(Value::Int(
            (i128::from(start) + i128::from(step) * i) as i64,
        ));
    }
    let Some(i) = vm.try_index(key)? else {
        return Err(vm.new_type_error(format!(
            "range indices must be integers or slices, not {}",
            vm.type_name(key)
        )));
    };
    let i = if i.is_negative() {
        &*i + &r.big().len
    } else {
        i.into_owned()
    };
    if i.is_negative() || i >= r.big().len {
        return Err(vm.new_index_error("range object index out of range"));
    }
    Ok(vm.new_int(r.big().item(&i)))
}

fn range_contains(vm: &Vm, v: &Value, x: &Value) -> PyResult<bool> {
    let r = this(vm, v)?;
    if let (Some((start, step, n)), Value::Int(i)) = (r.small, x) {
        if n == 0 {
            return Ok(false);
        }
        // In 128 bits: the distance between two items may not fit 64.
        let (start, step, i) = (i128::from(start), i128::from(step), i128::from(*i));
        let last = start + step * (i128::from(n) - 1);
        let (lo, hi) = if step > 0 {
            (start, last)
        } else {
            (last, start)
        };
        return Ok(i >= lo && i <= hi && (i - start) % step == 0);
    }
    if let Some(i) = as_int(x)
        && x.class(vm).is_subtype(&vm.types.int)
        && (x.class(vm).is(&vm.types.int) || x.class(vm).is(&vm.types.bool))
    {
        return Ok(r.big().contains_int(&i.big()));
    }
    vm.contains_by_iteration(v, x)
}

fn range_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let r = this(vm, v)?;
    let text = if r.big().step == BigInt::from(1) {
        format!("range({}, {})", r.big().start, r.big().stop)
    } else {
        format!(
            "range({}, {}, {})",
            r.big().start,
            r.big().stop,
            r.big().step
        )
    };
    Ok(vm.new_str(&text).into())
}

fn range_richcompare(vm: &Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.downcast::<Range>(), b.downcast::<Range>()) else {
        return Ok(vm.not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.not_implemented());
    }
    let eq = if x.big().len != y.big().len {
        false
    } else if x.big().len.is_zero() {
        true
    } else if x.big().start != y.big().start {
        false
    } else if x.big().len == BigInt::from(1) {
        true
    } else {
        x.big().step == y.big().step
    };
    Ok(Value::Bool(eq == (op == CompareOp::Eq)))
}

fn range_hash(vm: &Vm, v: &Value) -> PyResult<i64> {
    let r = this(vm, v)?;
    let mut h = crate::runtime::hash::TupleHasher::default();
    h.add(super::int::int_hash(IntRef::Big(&r.big().len)));
    if r.big().len.is_zero() {
        h.add(crate::runtime::hash::NONE_HASH);
        h.add(crate::runtime::hash::NONE_HASH);
    } else {
        h.add(super::int::int_hash(IntRef::Big(&r.big().start)));
        if r.big().len == BigInt::from(1) {
            h.add(crate::runtime::hash::NONE_HASH);
        } else {
            h.add(super::int::int_hash(IntRef::Big(&r.big().step)));
        }
    }
    Ok(h.finish())
}

fn range_reversed(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (r, _) = vm.method_self::<Range>(args, "__reversed__", "range")?;
    Ok(reversed_iter(vm, r))
}

/// `reversed(r)`: the range iterator walking `r` backwards.
pub(crate) fn reversed_iter(vm: &Vm, r: &Py<Range>) -> Value {
    match r.small {
        Some((start, step, n)) => {
            let last = if n == 0 {
                start
            } else {
                start + step * (n as i64 - 1)
            };
            vm.new_range_iter(last, -step, n)
        }
        // Beyond 64 bits, iterate the mirrored range by index (exact ints).
        None => {
            let last = &r.big().start + &r.big().step * (&r.big().len - 1);
            let stop = &r.big().start - &r.big().step;
            let mirrored = vm.new_range(last, stop, -&r.big().step);
            super::iter::SeqIter::new_value(vm, &vm.types.seq_iterator, mirrored.into())
        }
    }
}

fn range_count(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = vm.method_self::<Range>(args, "count", "range")?;
    let x = rest.one(vm, "range.count")?;
    if let Some(i) = as_int(x)
        && (x.class(vm).is(&vm.types.int) || x.class(vm).is(&vm.types.bool))
    {
        return Ok(Value::Int(i64::from(r.big().contains_int(&i.big()))));
    }
    let mut n = 0;
    vm.for_each(&args.values()[0], |item| {
        if vm.eq_bool(&item, x)? {
            n += 1;
        }
        Ok(())
    })?;
    Ok(Value::Int(n))
}

fn range_index(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (r, rest) = vm.method_self::<Range>(args, "index", "range")?;
    let x = rest.one(vm, "range.index")?;
    if let Some(i) = as_int(x) {
        let b = i.big();
        if r.big().contains_int(&b) {
            return Ok(vm.new_int((&*b - &r.big().start) / &r.big().step));
        }
    }
    let _ = x;
    Err(vm.new_value_error("range.index(x): x not in range"))
}

/// Fills in `range`'s slots and methods.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.range;
    let s = &t.slots;
    s.new.set(Some(range_new));
    s.len.set(Some(range_len_slot));
    s.bool.set(Some(range_bool));
    s.iter.set(Some(range_iter));
    s.getitem.set(Some(range_getitem));
    s.contains.set(Some(range_contains));
    s.repr.set(Some(range_repr));
    s.richcompare.set(Some(range_richcompare));
    s.hash.set(Some(range_hash));
    vm.add_methods(
        t,
        &[
            ("__reversed__", range_reversed),
            ("count", range_count),
            ("index", range_index),
        ],
    );
    vm.add_getset(
        t,
        "start",
        |vm, v| Ok(vm.new_int(this(vm, v)?.big().start.clone())),
        None,
    );
    vm.add_getset(
        t,
        "stop",
        |vm, v| Ok(vm.new_int(this(vm, v)?.big().stop.clone())),
        None,
    );
    vm.add_getset(
        t,
        "step",
        |vm, v| Ok(vm.new_int(this(vm, v)?.big().step.clone())),
        None,
    );
}
