//! The `slice` payload and index normalization (`slice.indices`).

use num_bigint::BigInt;
use num_traits::{One, Signed, Zero};

use crate::object::{CompareOp, Py, Type, Value};
use crate::runtime::{Args, PyResult, Vm};

/// A Python `slice`.
pub struct Slice {
    /// `start`
    pub start: Value,
    /// `stop`
    pub stop: Value,
    /// `step`
    pub step: Value,
}

crate::payload!(Slice);

/// A slice resolved against a length: CPython's `PySlice_AdjustIndices` result.
#[derive(Clone, Copy, Debug)]
pub struct SliceIndices {
    /// First index.
    pub start: i64,
    /// Stop index.
    pub stop: i64,
    /// Step (never 0).
    pub step: i64,
    /// Number of selected items.
    pub len: usize,
}

impl SliceIndices {
    /// Copies of the selected items of `items`. Indices past the end are skipped: the
    /// sequence may have shrunk since the indices were computed (`__index__` runs code).
    pub fn select(&self, items: &[Value]) -> Vec<Value> {
        let mut out = Vec::new();
        self.select_into(items, &mut out);
        out
    }

    /// [`SliceIndices::select`] appending to `out` (a recycled vector: no allocation when
    /// its capacity suffices).
    #[inline]
    pub fn select_into(&self, items: &[Value], out: &mut Vec<Value>) {
        let n = items.len();
        if self.step == 1 {
            let start = (self.start.max(0) as usize).min(n);
            let stop = start.saturating_add(self.len).min(n);
            out.extend_from_slice(&items[start..stop]);
            return;
        }
        out.reserve(self.len.min(n));
        if self.step == -1 && self.len > 0 && (self.start as usize) < n {
            // `start` is the first (highest) index taken, `start + 1 - len` the last (>= 0).
            let first = self.start as usize + 1 - self.len;
            out.extend(items[first..=self.start as usize].iter().rev().cloned());
            return;
        }
        out.extend(self.iter().filter_map(|i| items.get(i).cloned()));
    }

    /// The selected indices, in order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + use<> {
        let (start, step, len) = (self.start, self.step, self.len);
        (0..len).map(move |k| (start + step * k as i64) as usize)
    }
}

impl Slice {
    /// Resolves `[start:stop]` (step 1) against a sequence of length `len` when both bounds
    /// are immediate ints or `None` (`BINARY_SLICE`/`STORE_SLICE` without a slice object);
    /// `None` when a bound needs `__index__`.
    #[inline]
    pub fn immediate_indices(start: &Value, stop: &Value, len: usize) -> Option<SliceIndices> {
        let bound = |v: &Value| match v {
            Value::None => Some(None),
            Value::Int(i) => Some(Some(*i)),
            _ => None,
        };
        Some(SliceIndices::resolve(bound(start)?, bound(stop)?, 1, len))
    }

    /// Resolves against a sequence of length `len` when every bound is an immediate int or
    /// `None` and the step is not 0 (no conversion, no error possible); `None` otherwise.
    #[inline]
    pub fn immediate_extended_indices(&self, len: usize) -> Option<SliceIndices> {
        let bound = |v: &Value| match v {
            Value::None => Some(None),
            Value::Int(i) => Some(Some(*i)),
            _ => None,
        };
        let step = match &self.step {
            Value::None => 1,
            Value::Int(0) => return None,
            Value::Int(i) => (*i).max(-i64::MAX),
            _ => return None,
        };
        Some(SliceIndices::resolve(
            bound(&self.start)?,
            bound(&self.stop)?,
            step,
            len,
        ))
    }

    /// Resolves against a sequence of length `len`.
    #[inline]
    pub fn indices(&self, vm: &Vm, len: usize) -> PyResult<SliceIndices> {
        let bound = |v: &Value| match v {
            Value::None => Some(None),
            Value::Int(i) => Some(Some(*i)),
            _ => None,
        };
        // Immediate ints and `None` (nearly every slice) need no conversion.
        let (start, stop, step) = match (bound(&self.start), bound(&self.stop), bound(&self.step)) {
            (Some(start), Some(stop), Some(step)) => (start, stop, step.unwrap_or(1)),
            _ => self.convert_bounds(vm)?,
        };
        if step == 0 {
            return Err(vm.new_value_error("slice step cannot be zero"));
        }
        // CPython clamps the step to -PY_SSIZE_T_MAX so that negation cannot overflow.
        Ok(SliceIndices::resolve(start, stop, step.max(-i64::MAX), len))
    }

    /// Resolves against a length of any size with exact ints (CPython's
    /// `_PySlice_GetLongIndices`): `slice.indices` and range slicing, whose lengths and
    /// bounds may exceed 64 bits. Returns `(start, stop, step)` clamped like [`Self::indices`]
    /// but without saturating any bound.
    pub fn long_indices(&self, vm: &Vm, len: &BigInt) -> PyResult<(BigInt, BigInt, BigInt)> {
        let exact = |v: &Value| -> PyResult<Option<BigInt>> {
            match v {
                Value::None => Ok(None),
                v => match vm.try_index(v)? {
                    Some(i) => Ok(Some(i.into_owned())),
                    None => Err(vm.new_type_error(
                        "slice indices must be integers or None or have an __index__ method",
                    )),
                },
            }
        };
        let step = exact(&self.step)?.unwrap_or_else(BigInt::one);
        if step.is_zero() {
            return Err(vm.new_value_error("slice step cannot be zero"));
        }
        let (start, stop) = (exact(&self.start)?, exact(&self.stop)?);
        let (lower, upper) = if step.is_negative() {
            (-BigInt::one(), len - 1)
        } else {
            (BigInt::zero(), len.clone())
        };
        let adjust = |i: Option<BigInt>, default: &BigInt| match i {
            None => default.clone(),
            Some(i) if i.is_negative() => (i + len).max(lower.clone()),
            Some(i) => i.min(upper.clone()),
        };
        let (start, stop) = if step.is_negative() {
            (adjust(start, &upper), adjust(stop, &lower))
        } else {
            (adjust(start, &lower), adjust(stop, &upper))
        };
        Ok((start, stop, step))
    }

    /// The bounds through `__index__`, in CPython's order (step, start, stop); a zero
    /// step fails before the other bounds are converted.
    #[inline(never)]
    fn convert_bounds(&self, vm: &Vm) -> PyResult<(Option<i64>, Option<i64>, i64)> {
        let step = match &self.step {
            Value::None => 1,
            v => vm.slice_index(v)?.unwrap_or(1),
        };
        if step == 0 {
            return Err(vm.new_value_error("slice step cannot be zero"));
        }
        let start = vm.slice_index(&self.start)?;
        let stop = vm.slice_index(&self.stop)?;
        Ok((start, stop, step))
    }
}

impl SliceIndices {
    /// `PySlice_AdjustIndices`: bounds clamped to a sequence of length `len` (`None` takes
    /// the default for the step's direction). `step` is neither 0 nor `i64::MIN`.
    #[inline]
    fn resolve(start: Option<i64>, stop: Option<i64>, step: i64, len: usize) -> SliceIndices {
        let n = len as i64;
        let (lower, upper) = if step < 0 { (-1, n - 1) } else { (0, n) };
        let adjust = |i: Option<i64>, default: i64| match i {
            None => default,
            Some(i) if i < 0 => (i + n).max(lower),
            Some(i) => i.min(upper),
        };
        let (start, stop) = if step < 0 {
            (adjust(start, upper), adjust(stop, lower))
        } else {
            (adjust(start, lower), adjust(stop, upper))
        };
        // Steps 1 and -1 (nearly every slice) need no division: a 64-bit `idiv` takes
        // tens of cycles.
        let len = if step < 0 {
            if stop >= start {
                0
            } else if step == -1 {
                (start - stop) as usize
            } else {
                ((start - stop - 1) / (-step) + 1) as usize
            }
        } else if start >= stop {
            0
        } else if step == 1 {
            (stop - start) as usize
        } else {
            ((stop - start - 1) / step + 1) as usize
        };
        SliceIndices {
            start,
            stop,
            step,
            len,
        }
    }
}

impl Vm {
    /// A new slice object: the cached one when there is one (see [`Vm::recycle_slice`]).
    #[inline]
    pub fn new_slice(&self, start: Value, stop: Value, step: Value) -> Py<Slice> {
        if let Some(mut cached) = self.slice_cache.take()
            && let Some(s) = cached.get_mut()
        {
            // The cached slice's bounds were cleared to `None`: nothing is dropped here.
            s.start = start;
            s.stop = stop;
            s.step = step;
            return cached;
        }
        crate::object::core::alloc(&self.types.slice, Slice { start, stop, step })
    }

    /// Takes the last reference to a slice just used as a subscript (`a[i:j:k]`): instead of
    /// being freed it is kept for the next [`Vm::new_slice`], as CPython keeps one slice
    /// (an allocation and a release per extended slice, ~150 machine instructions). Any
    /// other value is just dropped.
    #[inline]
    pub fn recycle_slice(&self, v: Value) {
        let Ok(mut slice) = v.into_downcast::<Slice>() else {
            return;
        };
        let Some(s) = slice.get_mut() else {
            return;
        };
        let bounds = (
            std::mem::replace(&mut s.start, Value::NONE),
            std::mem::replace(&mut s.stop, Value::NONE),
            std::mem::replace(&mut s.step, Value::NONE),
        );
        let previous = self.slice_cache.replace(Some(slice));
        // Released after the cache is consistent: a bound's release may run code.
        drop(previous);
        drop(bounds);
    }

    /// A slice bound converted with `__index__`, saturated to the i64 range as CPython's
    /// `_PyEval_SliceIndex` saturates to `Py_ssize_t`; `None` for `None`.
    pub fn slice_index(&self, v: &Value) -> PyResult<Option<i64>> {
        match v {
            Value::None => Ok(None),
            Value::Int(i) => Ok(Some(*i)),
            Value::Bool(b) => Ok(Some(i64::from(*b))),
            _ => {
                let Some(i) = self.try_index(v)? else {
                    return Err(self.new_type_error(
                        "slice indices must be integers or None or have an __index__ method",
                    ));
                };
                Ok(Some(crate::types::int::saturate_i64(&i)))
            }
        }
    }
}

fn slice_new(vm: &Vm, _cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "slice", 1, 3)?;
    let (start, stop, step) = match vals {
        [stop] => (Value::None, stop.clone(), Value::None),
        [start, stop] => (start.clone(), stop.clone(), Value::None),
        [start, stop, step] => (start.clone(), stop.clone(), step.clone()),
        _ => return Err(vm.new_type_error("slice expected at least 1 argument, got 0")),
    };
    Ok(vm.new_slice(start, stop, step).into())
}

fn slice_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let s = v
        .downcast::<Slice>()
        .ok_or_else(|| vm.new_type_error("expected slice"))?;
    let text = format!(
        "slice({}, {}, {})",
        vm.repr(&s.start)?.to_lossy(),
        vm.repr(&s.stop)?.to_lossy(),
        vm.repr(&s.step)?.to_lossy()
    );
    Ok(vm.new_str(&text).into())
}

fn slice_richcompare(vm: &Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.downcast::<Slice>(), b.downcast::<Slice>()) else {
        return Ok(vm.not_implemented());
    };
    let xs = [x.start.clone(), x.stop.clone(), x.step.clone()];
    let ys = [y.start.clone(), y.stop.clone(), y.step.clone()];
    crate::types::list::sequence_compare(vm, &xs, &ys, op)
}

fn slice_indices(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = vm.method_self::<Slice>(args, "indices", "slice")?;
    let n = rest.one(vm, "slice.indices")?;
    let Some(len) = vm.try_index(n)? else {
        return Err(vm.new_type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(n)
        )));
    };
    if len.is_negative() {
        return Err(vm.new_value_error("length should not be negative"));
    }
    let (start, stop, step) = s.long_indices(vm, &len)?;
    Ok(vm
        .new_tuple(vec![vm.new_int(start), vm.new_int(stop), vm.new_int(step)])
        .into())
}

fn field(vm: &Vm, v: &Value, pick: fn(&Slice) -> &Value) -> PyResult<Value> {
    v.downcast::<Slice>()
        .map(|s| pick(s).clone())
        .ok_or_else(|| vm.new_type_error("expected slice"))
}

fn slice_hash(vm: &Vm, v: &Value) -> PyResult<i64> {
    let s = v
        .downcast::<Slice>()
        .ok_or_else(|| vm.new_type_error("expected slice"))?;
    let mut h = crate::runtime::hash::TupleHasher::default();
    for part in [&s.start, &s.stop, &s.step] {
        h.add(vm.hash(part)?);
    }
    Ok(h.finish())
}

/// Fills in `slice`'s slots and methods.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.slice;
    t.slots.new.set(Some(slice_new));
    t.slots.repr.set(Some(slice_repr));
    t.slots.richcompare.set(Some(slice_richcompare));
    t.slots.hash.set(Some(slice_hash));
    vm.add_methods(t, &[("indices", slice_indices)]);
    vm.add_getset(t, "start", |vm, v| field(vm, v, |s| &s.start), None);
    vm.add_getset(t, "stop", |vm, v| field(vm, v, |s| &s.stop), None);
    vm.add_getset(t, "step", |vm, v| field(vm, v, |s| &s.step), None);
}
