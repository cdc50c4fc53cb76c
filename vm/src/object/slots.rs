//! Type slots: function pointers for the special methods the interpreter calls natively.
//!
//! A builtin type fills its slots with native functions. A heap type's slots are derived
//! from its MRO whenever it is created or a dunder is assigned on it or a base (CPython's
//! `update_slot`): where the nearest definition of a slot's dunder is a builtin type's,
//! the builtin's native slot is inherited; where it is Python code, the slot becomes the
//! generic dispatcher in `runtime::slot_dispatch`, which looks the dunder up and calls it.
//! The dunder-to-slot table below is the single place that relation is written down.

use std::cell::Cell;

use super::core::Py;
use super::value::Value;
use crate::runtime::{Args, PyResult, Vm};
use crate::types::str::Str;

use super::typeobj::Type;

/// `<`, `<=`, `==`, `!=`, `>`, `>=` with CPython's numbering (`Py_LT` .. `Py_GE`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum CompareOp {
    /// `<`
    Lt = 0,
    /// `<=`
    Le = 1,
    /// `==`
    Eq = 2,
    /// `!=`
    Ne = 3,
    /// `>`
    Gt = 4,
    /// `>=`
    Ge = 5,
}

impl CompareOp {
    /// The operator with operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> CompareOp {
        match self {
            CompareOp::Lt => CompareOp::Gt,
            CompareOp::Le => CompareOp::Ge,
            CompareOp::Eq => CompareOp::Eq,
            CompareOp::Ne => CompareOp::Ne,
            CompareOp::Gt => CompareOp::Lt,
            CompareOp::Ge => CompareOp::Le,
        }
    }

    /// The operator's source text.
    pub fn symbol(self) -> &'static str {
        match self {
            CompareOp::Lt => "<",
            CompareOp::Le => "<=",
            CompareOp::Eq => "==",
            CompareOp::Ne => "!=",
            CompareOp::Gt => ">",
            CompareOp::Ge => ">=",
        }
    }

    /// The dunder implementing the operator.
    pub fn dunder(self) -> &'static str {
        match self {
            CompareOp::Lt => "__lt__",
            CompareOp::Le => "__le__",
            CompareOp::Eq => "__eq__",
            CompareOp::Ne => "__ne__",
            CompareOp::Gt => "__gt__",
            CompareOp::Ge => "__ge__",
        }
    }

    /// From CPython's number (`COMPARE_OP`'s `oparg >> 5`).
    pub fn from_u32(n: u32) -> Option<CompareOp> {
        Some(match n {
            0 => CompareOp::Lt,
            1 => CompareOp::Le,
            2 => CompareOp::Eq,
            3 => CompareOp::Ne,
            4 => CompareOp::Gt,
            5 => CompareOp::Ge,
            _ => return None,
        })
    }

    /// Applies the operator to an ordering.
    pub fn test(self, ord: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            CompareOp::Lt => ord == Less,
            CompareOp::Le => ord != Greater,
            CompareOp::Eq => ord == Equal,
            CompareOp::Ne => ord != Equal,
            CompareOp::Gt => ord == Greater,
            CompareOp::Ge => ord != Less,
        }
    }
}

/// `__repr__`, `__str__`, `__iter__`, `__neg__`, ...: one operand, one result.
pub type UnaryFn = fn(&Vm, &Value) -> PyResult<Value>;
/// Binary operators and `__getitem__`: `(v, w)`; number slots handle either operand order.
pub type BinaryFn = fn(&Vm, &Value, &Value) -> PyResult<Value>;
/// `__pow__` with its optional modulus (`None` when absent).
pub type TernaryFn = fn(&Vm, &Value, &Value, &Value) -> PyResult<Value>;
/// `__hash__`.
pub type HashFn = fn(&Vm, &Value) -> PyResult<i64>;
/// `__len__`.
pub type LenFn = fn(&Vm, &Value) -> PyResult<usize>;
/// `__bool__`.
pub type BoolFn = fn(&Vm, &Value) -> PyResult<bool>;
/// `__contains__`: `(container, item)`.
pub type ContainsFn = fn(&Vm, &Value, &Value) -> PyResult<bool>;
/// Rich comparison: returns `NotImplemented` when it does not apply.
pub type RichCompareFn = fn(&Vm, &Value, &Value, CompareOp) -> PyResult<Value>;
/// `__getattribute__` (and `__getattr__` fallback).
pub type GetAttrFn = fn(&Vm, &Value, &Py<Str>) -> PyResult<Value>;
/// `__setattr__` / `__delattr__` (`None` deletes).
pub type SetAttrFn = fn(&Vm, &Value, &Py<Str>, Option<Value>) -> PyResult<()>;
/// `__setitem__` / `__delitem__` (`None` deletes).
pub type SetItemFn = fn(&Vm, &Value, &Value, Option<Value>) -> PyResult<()>;
/// `__next__`: `None` when exhausted (no StopIteration object is created).
pub type IterNextFn = fn(&Vm, &Value) -> PyResult<Option<Value>>;
/// `__call__`.
pub type CallFn = fn(&Vm, &Value, Args<'_>) -> PyResult<Value>;
/// `__get__`: `(descriptor, instance or None, owner or None)`.
pub type DescrGetFn = fn(&Vm, &Value, Option<&Value>, Option<&Value>) -> PyResult<Value>;
/// `__set__` / `__delete__`: `(descriptor, instance, value or None to delete)`.
pub type DescrSetFn = fn(&Vm, &Value, &Value, Option<Value>) -> PyResult<()>;
/// `__init__`.
pub type InitFn = fn(&Vm, &Value, Args<'_>) -> PyResult<()>;
/// `__new__`: `(type, args)`.
pub type NewFn = fn(&Vm, &Py<Type>, Args<'_>) -> PyResult<Value>;
/// `__del__`.
pub type DelFn = fn(&Vm, &Value) -> PyResult<()>;
/// Where a builtin payload keeps its `__dict__` (functions, modules, exceptions, ...).
pub type DictPtrFn =
    for<'a> fn(
        &'a Value,
    ) -> Option<&'a crate::object::PyCell<Option<Py<crate::types::dict::Dict>>>>;

macro_rules! define_slots {
    ($($(#[doc = $doc:literal])* $name:ident : $ty:ty),* $(,)?) => {
        /// Which slot (for the dunder table and for update).
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum SlotId { $($name),* }

        /// The slot table of a type.
        #[derive(Default)]
        pub struct Slots {
            $($(#[doc = $doc])* pub $name: Cell<Option<$ty>>,)*
        }

        impl Slots {
            /// Copies one slot from `other`.
            pub fn copy_slot(&self, other: &Slots, id: SlotId) {
                match id { $(SlotId::$name => self.$name.set(other.$name.get()),)* }
            }

            /// Clears one slot.
            pub fn clear_slot(&self, id: SlotId) {
                match id { $(SlotId::$name => self.$name.set(None),)* }
            }

            /// Whether a slot is filled.
            pub fn has(&self, id: SlotId) -> bool {
                match id { $(SlotId::$name => self.$name.get().is_some(),)* }
            }

            /// Every slot id.
            pub const ALL: &'static [SlotId] = &[$(SlotId::$name),*];
        }
    };
}

define_slots! {
    /// `__repr__`
    repr: UnaryFn,
    /// `__str__`
    str: UnaryFn,
    /// `__hash__`
    hash: HashFn,
    /// `__call__`
    call: CallFn,
    /// `__getattribute__` / `__getattr__`
    getattro: GetAttrFn,
    /// `__setattr__` / `__delattr__`
    setattro: SetAttrFn,
    /// `__lt__` .. `__ge__`
    richcompare: RichCompareFn,
    /// `__iter__`
    iter: UnaryFn,
    /// `__next__`
    iternext: IterNextFn,
    /// `__get__`
    descr_get: DescrGetFn,
    /// `__set__` / `__delete__`
    descr_set: DescrSetFn,
    /// `__init__`
    init: InitFn,
    /// `__new__`
    new: NewFn,
    /// `__del__`
    del: DelFn,
    /// `__len__`
    len: LenFn,
    /// `__getitem__`
    getitem: BinaryFn,
    /// `__setitem__` / `__delitem__`
    setitem: SetItemFn,
    /// `__contains__`
    contains: ContainsFn,
    /// Sequence concatenation (`sq_concat`): tried after the number slots for `+`.
    concat: BinaryFn,
    /// Sequence repetition (`sq_repeat`): `(sequence, count)`, tried after `*`'s slots.
    repeat: BinaryFn,
    /// The `__dict__` storage of builtin payloads that have one (no dunder).
    dictptr: DictPtrFn,
    /// `__bool__`
    bool: BoolFn,
    /// `__add__` / `__radd__`
    add: BinaryFn,
    /// `__sub__` / `__rsub__`
    sub: BinaryFn,
    /// `__mul__` / `__rmul__`
    mul: BinaryFn,
    /// `__matmul__` / `__rmatmul__`
    matmul: BinaryFn,
    /// `__truediv__` / `__rtruediv__`
    truediv: BinaryFn,
    /// `__floordiv__` / `__rfloordiv__`
    floordiv: BinaryFn,
    /// `__mod__` / `__rmod__`
    rem: BinaryFn,
    /// `__divmod__` / `__rdivmod__`
    divmod: BinaryFn,
    /// `__pow__` / `__rpow__`
    pow: TernaryFn,
    /// `__lshift__` / `__rlshift__`
    lshift: BinaryFn,
    /// `__rshift__` / `__rrshift__`
    rshift: BinaryFn,
    /// `__and__` / `__rand__`
    and: BinaryFn,
    /// `__or__` / `__ror__`
    or: BinaryFn,
    /// `__xor__` / `__rxor__`
    xor: BinaryFn,
    /// `__iadd__`
    iadd: BinaryFn,
    /// `__isub__`
    isub: BinaryFn,
    /// `__imul__`
    imul: BinaryFn,
    /// `__imatmul__`
    imatmul: BinaryFn,
    /// `__itruediv__`
    itruediv: BinaryFn,
    /// `__ifloordiv__`
    ifloordiv: BinaryFn,
    /// `__imod__`
    irem: BinaryFn,
    /// `__ipow__`
    ipow: TernaryFn,
    /// `__ilshift__`
    ilshift: BinaryFn,
    /// `__irshift__`
    irshift: BinaryFn,
    /// `__iand__`
    iand: BinaryFn,
    /// `__ior__`
    ior: BinaryFn,
    /// `__ixor__`
    ixor: BinaryFn,
    /// `__neg__`
    neg: UnaryFn,
    /// `__pos__`
    pos: UnaryFn,
    /// `__abs__`
    abs: UnaryFn,
    /// `__invert__`
    invert: UnaryFn,
    /// `__int__`
    int: UnaryFn,
    /// `__float__`
    float: UnaryFn,
    /// `__index__`
    index: UnaryFn,
    /// `__await__`
    await_: UnaryFn,
    /// `__aiter__`
    aiter: UnaryFn,
    /// `__anext__`
    anext: UnaryFn,
}

/// The dunders that feed each slot, in CPython's `slotdefs` order. A slot is "defined in
/// Python" on a heap type when any of its dunders is.
pub const SLOT_DUNDERS: &[(&str, SlotId)] = &[
    ("__getattribute__", SlotId::getattro),
    ("__getattr__", SlotId::getattro),
    ("__setattr__", SlotId::setattro),
    ("__delattr__", SlotId::setattro),
    ("__repr__", SlotId::repr),
    ("__hash__", SlotId::hash),
    ("__call__", SlotId::call),
    ("__str__", SlotId::str),
    ("__lt__", SlotId::richcompare),
    ("__le__", SlotId::richcompare),
    ("__eq__", SlotId::richcompare),
    ("__ne__", SlotId::richcompare),
    ("__gt__", SlotId::richcompare),
    ("__ge__", SlotId::richcompare),
    ("__iter__", SlotId::iter),
    ("__next__", SlotId::iternext),
    ("__get__", SlotId::descr_get),
    ("__set__", SlotId::descr_set),
    ("__delete__", SlotId::descr_set),
    ("__init__", SlotId::init),
    ("__new__", SlotId::new),
    ("__del__", SlotId::del),
    ("__await__", SlotId::await_),
    ("__aiter__", SlotId::aiter),
    ("__anext__", SlotId::anext),
    ("__add__", SlotId::add),
    ("__radd__", SlotId::add),
    ("__sub__", SlotId::sub),
    ("__rsub__", SlotId::sub),
    ("__mul__", SlotId::mul),
    ("__rmul__", SlotId::mul),
    ("__mod__", SlotId::rem),
    ("__rmod__", SlotId::rem),
    ("__divmod__", SlotId::divmod),
    ("__rdivmod__", SlotId::divmod),
    ("__pow__", SlotId::pow),
    ("__rpow__", SlotId::pow),
    ("__neg__", SlotId::neg),
    ("__pos__", SlotId::pos),
    ("__abs__", SlotId::abs),
    ("__bool__", SlotId::bool),
    ("__invert__", SlotId::invert),
    ("__lshift__", SlotId::lshift),
    ("__rlshift__", SlotId::lshift),
    ("__rshift__", SlotId::rshift),
    ("__rrshift__", SlotId::rshift),
    ("__and__", SlotId::and),
    ("__rand__", SlotId::and),
    ("__xor__", SlotId::xor),
    ("__rxor__", SlotId::xor),
    ("__or__", SlotId::or),
    ("__ror__", SlotId::or),
    ("__int__", SlotId::int),
    ("__float__", SlotId::float),
    ("__iadd__", SlotId::iadd),
    ("__isub__", SlotId::isub),
    ("__imul__", SlotId::imul),
    ("__imod__", SlotId::irem),
    ("__ipow__", SlotId::ipow),
    ("__ilshift__", SlotId::ilshift),
    ("__irshift__", SlotId::irshift),
    ("__iand__", SlotId::iand),
    ("__ixor__", SlotId::ixor),
    ("__ior__", SlotId::ior),
    ("__floordiv__", SlotId::floordiv),
    ("__rfloordiv__", SlotId::floordiv),
    ("__truediv__", SlotId::truediv),
    ("__rtruediv__", SlotId::truediv),
    ("__ifloordiv__", SlotId::ifloordiv),
    ("__itruediv__", SlotId::itruediv),
    ("__index__", SlotId::index),
    ("__matmul__", SlotId::matmul),
    ("__rmatmul__", SlotId::matmul),
    ("__imatmul__", SlotId::imatmul),
    ("__len__", SlotId::len),
    ("__getitem__", SlotId::getitem),
    ("__setitem__", SlotId::setitem),
    ("__delitem__", SlotId::setitem),
    ("__contains__", SlotId::contains),
];

/// The slot a dunder feeds, if any.
pub fn slot_of_dunder(name: &str) -> Option<SlotId> {
    SLOT_DUNDERS
        .iter()
        .find(|(dunder, _)| *dunder == name)
        .map(|&(_, id)| id)
}

/// The dunders feeding `id`.
pub fn dunders_of_slot(id: SlotId) -> impl Iterator<Item = &'static str> {
    SLOT_DUNDERS
        .iter()
        .filter(move |(_, slot)| *slot == id)
        .map(|&(dunder, _)| dunder)
}
