//! `type`'s CPython layout attributes: `__flags__`, `__basicsize__`, `__itemsize__`,
//! `__dictoffset__`, `__weakrefoffset__`, `__text_signature__` and `__type_params__`.
//! rpy's objects are not laid out as CPython's, so the sizes are CPython 3.14's (x86-64)
//! for the builtin types and derived by CPython's rules for classes (a slot adds a
//! pointer, a managed `__dict__` is -1, a managed weak reference list -32); the flags are
//! the `Py_TPFLAGS_*` bits whose meaning rpy knows.

use crate::object::typeobj::flags;
use crate::object::{Py, Type, Value};
use crate::runtime::{PyResult, Vm};

/// CPython's `(tp_basicsize, tp_itemsize, tp_dictoffset, tp_weaklistoffset)` of builtin
/// types by name; other builtin types fall back to `object`'s, exceptions to
/// `BaseException`'s.
const BUILTIN_LAYOUT: &[(&str, [i64; 4])] = &[
    ("object", [16, 0, 0, 0]),
    ("type", [936, 40, 264, 368]),
    ("int", [24, 4, 0, 0]),
    ("bool", [24, 4, 0, 0]),
    ("float", [24, 0, 0, 0]),
    ("complex", [32, 0, 0, 0]),
    ("str", [64, 0, 0, 0]),
    ("bytes", [33, 1, 0, 0]),
    ("bytearray", [56, 0, 0, 0]),
    ("list", [40, 0, 0, 0]),
    ("tuple", [32, 8, 0, 0]),
    ("dict", [48, 0, 0, 0]),
    ("set", [200, 0, 0, 192]),
    ("frozenset", [200, 0, 0, 192]),
    ("range", [48, 0, 0, 0]),
    ("slice", [40, 0, 0, 0]),
    ("function", [152, 0, 88, 96]),
    ("module", [56, 0, 16, 40]),
    ("property", [64, 0, 0, 0]),
    ("staticmethod", [32, 0, 24, 0]),
    ("classmethod", [32, 0, 24, 0]),
    ("memoryview", [144, 8, 0, 136]),
    ("enumerate", [56, 0, 0, 0]),
    ("zip", [48, 0, 0, 0]),
    ("map", [40, 0, 0, 0]),
    ("filter", [32, 0, 0, 0]),
    ("reversed", [32, 0, 0, 0]),
    ("super", [40, 0, 0, 0]),
];

const BASE_EXCEPTION_LAYOUT: [i64; 4] = [72, 0, 16, 0];

// The `Py_TPFLAGS_*` bits.
const TP_STATIC_BUILTIN: i64 = 1 << 1;
const TP_INLINE_VALUES: i64 = 1 << 2;
const TP_MANAGED_WEAKREF: i64 = 1 << 3;
const TP_MANAGED_DICT: i64 = 1 << 4;
const TP_SEQUENCE: i64 = 1 << 5;
const TP_MAPPING: i64 = 1 << 6;
const TP_IMMUTABLETYPE: i64 = 1 << 8;
const TP_HEAPTYPE: i64 = 1 << 9;
const TP_BASETYPE: i64 = 1 << 10;
const TP_READY: i64 = 1 << 12;
const TP_HAVE_GC: i64 = 1 << 14;
const TP_IS_ABSTRACT: i64 = 1 << 20;
const TP_MATCH_SELF: i64 = 1 << 22;

/// Installs the attributes on `type`.
pub(super) fn install(vm: &Vm, t: &Py<Type>) {
    // CPython's are read-only members, whose setter says just "readonly attribute".
    let readonly = Some(readonly as crate::types::descr::Setter);
    vm.add_getset(t, "__flags__", get_flags, readonly);
    vm.add_getset(t, "__basicsize__", |vm, v| field(vm, v, 0), readonly);
    vm.add_getset(t, "__itemsize__", |vm, v| field(vm, v, 1), readonly);
    vm.add_getset(t, "__dictoffset__", |vm, v| field(vm, v, 2), readonly);
    vm.add_getset(t, "__weakrefoffset__", |vm, v| field(vm, v, 3), readonly);
    vm.add_getset(t, "__text_signature__", |_, _| Ok(Value::None), None);
    vm.add_getset(t, "__type_params__", get_type_params, Some(set_type_params));
}

fn readonly(vm: &Vm, _: &Value, _: Option<Value>) -> PyResult<()> {
    Err(vm.new_attribute_error_msg("readonly attribute"))
}

/// Whether instances of the heap class `cls` get a weak reference list: some class of
/// its Python-defined part has no `__slots__` or lists `__weakref__` in them.
fn heap_weakrefable(vm: &Vm, cls: &Py<Type>) -> bool {
    cls.mro().iter().take_while(|t| t.is_heap()).any(|t| {
        match t.dict().get_str(&vm.names.__slots__) {
            None => true,
            Some(slots) => {
                let names = match slots.downcast::<crate::types::str::Str>() {
                    Some(_) => vec![slots.clone()],
                    None => vm.collect(&slots).unwrap_or_default(),
                };
                names.iter().any(|n| {
                    n.downcast::<crate::types::str::Str>()
                        .is_some_and(|s| s.as_bytes() == b"__weakref__")
                })
            }
        }
    })
}

fn this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<Type>> {
    v.downcast::<Type>()
        .ok_or_else(|| vm.new_type_error("descriptor requires a 'type' object"))
}

fn field(vm: &Vm, v: &Value, i: usize) -> PyResult<Value> {
    Ok(Value::Int(layout(vm, this(vm, v)?)[i]))
}

/// `[basicsize, itemsize, dictoffset, weaklistoffset]` of `cls`.
fn layout(vm: &Vm, cls: &Py<Type>) -> [i64; 4] {
    if !cls.is_heap() {
        let name = cls.name();
        if let Some((_, l)) = BUILTIN_LAYOUT.iter().find(|(n, _)| **n == *name) {
            return *l;
        }
        if cls.is_subtype(&vm.exc.base_exception) {
            return BASE_EXCEPTION_LAYOUT;
        }
        return BUILTIN_LAYOUT[0].1;
    }
    let base = cls.base();
    let [size, items, dict, weak] = base.as_ref().map_or(BUILTIN_LAYOUT[0].1, |b| layout(vm, b));
    let inherited_slots = base.as_ref().map_or(0, |b| b.layout.slot_names.len());
    let own_slots = cls.layout.slot_names.len().saturating_sub(inherited_slots);
    let dict = if dict == 0 && cls.has_flag(flags::MANAGED_DICT) {
        -1
    } else {
        dict
    };
    // A variable-size base (int, bytes, tuple) leaves no room for a weak reference list.
    let weak = if weak == 0 && items == 0 && heap_weakrefable(vm, cls) {
        -32
    } else {
        weak
    };
    [size + 8 * own_slots as i64, items, dict, weak]
}

fn get_flags(vm: &Vm, v: &Value) -> PyResult<Value> {
    let cls = this(vm, v)?;
    let [_, items, dict, weak] = layout(vm, cls);
    let mut f = TP_READY;
    let known = [
        (flags::HEAPTYPE, TP_HEAPTYPE),
        (flags::BASETYPE, TP_BASETYPE),
        (flags::IMMUTABLE, TP_IMMUTABLETYPE),
        (flags::ABSTRACT, TP_IS_ABSTRACT),
        (flags::SEQUENCE, TP_SEQUENCE),
        (flags::MAPPING, TP_MAPPING),
        (flags::MATCH_SELF, TP_MATCH_SELF),
    ];
    for (ours, theirs) in known {
        if cls.has_flag(ours) {
            f |= theirs;
        }
    }
    if cls.is_heap() {
        f |= TP_HAVE_GC;
        if dict == -1 {
            f |= TP_MANAGED_DICT;
            if items == 0 {
                f |= TP_INLINE_VALUES;
            }
        }
        if weak == -32 {
            f |= TP_MANAGED_WEAKREF;
        }
    } else {
        f |= TP_STATIC_BUILTIN;
        if cls.is_gc() {
            f |= TP_HAVE_GC;
        }
    }
    let t = &vm.types;
    let subclass_bits = [
        (&t.int, 24),
        (&t.list, 25),
        (&t.tuple, 26),
        (&t.bytes, 27),
        (&t.str, 28),
        (&t.dict, 29),
        (&vm.exc.base_exception, 30),
        (&t.type_, 31),
    ];
    for (base, bit) in subclass_bits {
        if cls.is_subtype(base) {
            f |= 1 << bit;
        }
    }
    Ok(Value::Int(f))
}

/// The class's own `__type_params__` (PEP 695), else `()`.
fn get_type_params(vm: &Vm, v: &Value) -> PyResult<Value> {
    let cls = this(vm, v)?;
    if cls.is(&vm.types.type_) {
        return Ok(vm.empty_tuple.clone().into());
    }
    Ok(cls
        .dict()
        .get_str(&vm.intern("__type_params__"))
        .unwrap_or_else(|| vm.empty_tuple.clone().into()))
}

fn set_type_params(vm: &Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    let cls = this(vm, v)?;
    let Some(value) = value.filter(|_| cls.is_heap()) else {
        let verb = if cls.is_heap() { "delete" } else { "set" };
        return Err(vm.new_type_error(format!(
            "cannot {verb} '__type_params__' attribute of immutable type '{}'",
            cls.name()
        )));
    };
    cls.modified();
    cls.dict().set_str(&vm.intern("__type_params__"), value);
    cls.modified();
    Ok(())
}
