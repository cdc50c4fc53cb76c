//! `Value`: what a Python variable, stack slot or container element holds (16 bytes).
//!
//! Ints that fit in 64 bits, floats other than NaN, bools and None are immediate; everything else is a
//! reference-counted heap object. An int is `Int` exactly when it fits in `i64` (arithmetic
//! normalizes), so a heap `int` payload always holds a larger value, except for instances of
//! int subclasses, which are heap objects whatever their value. `Null` is the interpreter's
//! "no value" (an unbound local, the NULL pushed beside a callable) and never reaches Python.

use super::core::{ObjRef, Py};
use super::payload::PyPayload;
use super::typeobj::Type;
use crate::runtime::Vm;

/// A Python value or the interpreter's `Null`.
///
/// `repr(C, u64)`: the tag is a whole 8-byte word and every payload sits at offset 8, so a
/// `Value` has no padding and every store of one writes two full words. With a one-byte tag
/// (`repr(C, u8)`) a freshly built value was stored as a tag byte plus a payload word, and
/// the next instruction's whole-word or 16-byte reload of that stack slot could not be
/// forwarded from the partial store: a stall of ~10-15 cycles per value handed between
/// instructions. Measured: unpack/subscript/tuple-iteration loops 2-2.7x faster, the
/// pyperformance compute geomean 1.43x (equal instruction counts). The tag's unused values
/// still serve as the niche of `Option<Value>` and `PyResult<Value>` (asserted below).
#[repr(C, u64)]
pub enum Value {
    /// No value (internal only).
    Null,
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// An int that fits in `i64`.
    Int(i64),
    /// A float.
    Float(f64),
    /// A heap object.
    Obj(ObjRef),
}

const _: () = assert!(std::mem::size_of::<Value>() == 16);
const _: () = assert!(std::mem::size_of::<Option<Value>>() == 16);
const _: () = assert!(std::mem::size_of::<crate::runtime::PyResult<Value>>() == 16);
const _: () = assert!(std::mem::size_of::<crate::runtime::PyResult<Option<Value>>>() == 16);

/// `Null`, as whole words: `mem::take` leaves a slot that reloads without a stall.
impl Default for Value {
    #[inline(always)]
    fn default() -> Value {
        Value::NULL
    }
}

impl Clone for Value {
    /// One 16-byte copy plus an increment for heap objects. The derived clone rebuilt each
    /// variant and copied the bytes after the tag piecewise, which the eval loop's stack
    /// pushes paid for with partial-store stalls.
    #[inline(always)]
    fn clone(&self) -> Value {
        if let Value::Obj(o) = self {
            std::mem::forget(o.clone());
        }
        // SAFETY: every variant but `Obj` is plain data, and `Obj`'s count was just
        // incremented for the copy, so the bitwise copy is an owned value.
        unsafe { std::ptr::read(self) }
    }
}

impl Value {
    /// `Null` with a zero payload word. `Null`, `None` and `Bool` leave (part of) their
    /// payload word unwritten when built as variants, so a store of one writes the tag word
    /// (and a byte) only, and the next 16-byte or payload-word load of that slot overlaps an
    /// older store and cannot be forwarded: it waits for the stores to retire (~12 cycles).
    /// Values built from these constants (and `Value::from(bool)`) are stored as two whole
    /// words. Use them where a value is built and stored into a slot that is read back
    /// soon (stack pushes, locals, inline attribute values); in patterns use the variants.
    pub const NULL: Value = Value::from_words(0, 0);
    /// `None` with a zero payload word (see [`Value::NULL`]).
    pub const NONE: Value = Value::from_words(1, 0);
    /// `False` with a whole payload word (see [`Value::NULL`]).
    pub const FALSE: Value = Value::from_words(2, 0);
    /// `True` with a whole payload word (see [`Value::NULL`]).
    pub const TRUE: Value = Value::from_words(2, 1);

    /// A payload-less or bool value from its tag and a whole payload word.
    const fn from_words(tag: u64, payload: u64) -> Value {
        assert!(tag < 2 && payload == 0 || tag == 2 && payload < 2);
        // SAFETY: tags 0, 1 and 2 are `Null`, `None` and `Bool` (`repr(C, u64)` numbers the
        // variants in order), and a `Bool` payload of 0 or 1 is a valid `bool` at offset 8.
        unsafe { std::mem::transmute::<[u64; 2], Value>([tag, payload]) }
    }

    /// True for the internal `Null`.
    #[inline(always)]
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// True for `None`.
    #[inline(always)]
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// The heap object, if this is one.
    #[inline(always)]
    pub fn as_obj(&self) -> Option<&ObjRef> {
        match self {
            Value::Obj(o) => Some(o),
            _ => None,
        }
    }

    /// The heap object, consuming the value.
    #[inline(always)]
    pub fn into_obj(self) -> Option<ObjRef> {
        match self {
            Value::Obj(o) => Some(o),
            _ => None,
        }
    }

    /// A typed reference if this is a heap object with payload `T` (instances of subclasses
    /// included).
    #[inline(always)]
    pub fn downcast<T: PyPayload>(&self) -> Option<&Py<T>> {
        match self {
            Value::Obj(o) => o.downcast::<T>(),
            _ => None,
        }
    }

    /// The typed reference, consuming the value.
    #[inline(always)]
    pub fn into_downcast<T: PyPayload>(self) -> Result<Py<T>, Value> {
        match self {
            Value::Obj(o) => o.into_downcast::<T>().map_err(Value::Obj),
            other => Err(other),
        }
    }

    /// The type of the value.
    #[inline(always)]
    pub fn class<'a>(&'a self, vm: &'a Vm) -> &'a Py<Type> {
        match self {
            Value::Obj(o) => o.ty(),
            Value::Int(_) => &vm.types.int,
            Value::Float(_) => &vm.types.float,
            Value::Bool(_) => &vm.types.bool,
            // `Null` never reaches Python; answering `NoneType` keeps this total.
            Value::None | Value::Null => &vm.types.none_type,
        }
    }

    /// `self is other`. Immediate values are identical when equal (bit-equal for floats),
    /// as CPython's cached and constant-folded objects mostly are. NaNs are never immediate
    /// (`Vm::new_float` boxes them), so each NaN has its own identity, as in CPython.
    #[inline]
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Obj(a), Value::Obj(b)) => a.is(b),
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::None, Value::None) | (Value::Null, Value::Null) => true,
            _ => false,
        }
    }

    /// The identity used by `id()`: the address for heap objects, a value-derived number
    /// for immediates (stable for equal immediates, disjoint from addresses, which are
    /// 16-byte aligned).
    pub fn id(&self) -> i64 {
        match self {
            Value::Obj(o) => o.addr() as i64,
            Value::Int(i) => i.wrapping_mul(16).wrapping_add(1),
            Value::Float(f) => (f.to_bits() as i64).wrapping_mul(16).wrapping_add(3),
            Value::Bool(b) => 5 + 16 * i64::from(*b),
            Value::None => 7,
            Value::Null => 9,
        }
    }
}

impl From<ObjRef> for Value {
    #[inline(always)]
    fn from(o: ObjRef) -> Value {
        Value::Obj(o)
    }
}

impl<T: PyPayload> From<Py<T>> for Value {
    #[inline(always)]
    fn from(o: Py<T>) -> Value {
        Value::Obj(o.into_obj())
    }
}

impl<T: PyPayload> From<&Py<T>> for Value {
    #[inline(always)]
    fn from(o: &Py<T>) -> Value {
        Value::Obj(o.as_obj().clone())
    }
}

/// Whole-word construction (see [`Value::NULL`]): two full stores, not a tag and a byte.
impl From<bool> for Value {
    #[inline(always)]
    fn from(b: bool) -> Value {
        Value::from_words(2, b as u64)
    }
}

impl From<i64> for Value {
    #[inline(always)]
    fn from(i: i64) -> Value {
        Value::Int(i)
    }
}

/// Only for floats known not to be NaN: a NaN must be boxed (`Vm::new_float`).
impl From<f64> for Value {
    #[inline(always)]
    fn from(f: f64) -> Value {
        Value::Float(f)
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Null => f.write_str("Null"),
            Value::None => f.write_str("None"),
            Value::Bool(b) => write!(f, "{}", if *b { "True" } else { "False" }),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{x:?}"),
            Value::Obj(o) => o.fmt(f),
        }
    }
}
