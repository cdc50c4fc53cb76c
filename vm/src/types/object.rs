//! The `object` type: the payload-less base of every class, and object's default behaviour
//! (`__new__`/`__init__` argument checks, identity comparison and hashing, the default
//! repr, `__class__` assignment, `__init_subclass__`, `__format__`, `__dir__`).

use crate::object::{CompareOp, InstanceExt, Py, PyPayload, Type, Value, type_flags};
use crate::runtime::{Args, PyResult, Vm};

use super::str::Str;

/// The payload of plain `object()` instances and of instances whose solid base is `object`.
pub struct ObjectBase;

crate::payload!(ObjectBase);

impl Vm {
    /// Allocates an instance of `cls` carrying `data`, adding the instance extension
    /// (attributes, `__slots__`) for heap types. `cls`'s layout must be `T`'s.
    pub fn alloc_instance<T: PyPayload>(&self, cls: &Py<Type>, data: T) -> PyResult<Value> {
        if cls.kind() != T::KIND {
            return Err(self.new_type_error(format!(
                "cannot create '{}' instances with this constructor",
                cls.name()
            )));
        }
        if cls.is_extended() {
            let nslots = cls.layout.slot_names.len();
            let has_dict = cls.has_flag(type_flags::MANAGED_DICT);
            let inline = if has_dict { cls.shared_keys.len() } else { 0 };
            Ok(
                crate::object::core::alloc_extended(cls, data, nslots, inline, |slots, values| {
                    // SAFETY: `slots` are the `nslots` entries allocated with the object.
                    unsafe { InstanceExt::new(slots, nslots, has_dict, values) }
                })
                .into(),
            )
        } else {
            Ok(crate::object::core::alloc(cls, data).into())
        }
    }
}

/// Whether the call passes arguments beyond the instance.
fn excess_args(args: &Args<'_>) -> bool {
    !args.values().is_empty()
}

fn is_object_init(f: Option<crate::object::slots::InitFn>) -> bool {
    f.is_some_and(|f| std::ptr::fn_addr_eq(f, object_init as crate::object::slots::InitFn))
}

/// Whether `f` is `object.__new__` (the eval loop's inlined class instantiation checks it).
pub(crate) fn is_object_new(f: Option<crate::object::slots::NewFn>) -> bool {
    f.is_some_and(|f| std::ptr::fn_addr_eq(f, object_new as crate::object::slots::NewFn))
}

/// `object.__init__`.
pub fn object_init(vm: &Vm, this: &Value, args: Args<'_>) -> PyResult<()> {
    if excess_args(&args) {
        let ty = this.class(vm);
        if !is_object_init(ty.slots.init.get()) {
            return Err(vm.new_type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
        if is_object_new(ty.slots.new.get()) {
            return Err(vm.new_type_error(format!(
                "{}.__init__() takes exactly one argument (the instance to initialize)",
                ty.name()
            )));
        }
    }
    Ok(())
}

/// `object.__new__`.
pub fn object_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    if excess_args(&args) {
        if !is_object_new(cls.slots.new.get()) {
            return Err(vm.new_type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        if is_object_init(cls.slots.init.get()) {
            return Err(vm.new_type_error(format!("{}() takes no arguments", cls.name())));
        }
    }
    if cls.has_flag(type_flags::ABSTRACT) {
        return Err(abstract_error(vm, cls));
    }
    vm.alloc_instance(cls, ObjectBase)
}

fn abstract_error(vm: &Vm, cls: &Py<Type>) -> crate::runtime::PyErr {
    let names = cls
        .dict()
        .get_str(&vm.names.__abstractmethods__)
        .and_then(|v| vm.collect(&v).ok())
        .unwrap_or_default();
    let mut names: Vec<String> = names
        .iter()
        .filter_map(|n| n.downcast::<Str>().map(|s| s.to_lossy().into_owned()))
        .collect();
    names.sort();
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    vm.new_type_error(format!(
        "Can't instantiate abstract class {} without an implementation for abstract method{} {}",
        cls.name(),
        if names.len() == 1 { "" } else { "s" },
        quoted.join(", ")
    ))
}

/// The default repr: `<module.Qualname object at 0x...>`.
pub fn object_repr(vm: &Vm, this: &Value) -> PyResult<Value> {
    let ty = this.class(vm);
    let module = vm.type_module_name(ty);
    let text = match module.as_deref() {
        Some(m) if m != "builtins" => {
            format!("<{m}.{} object at {:#x}>", ty.qualname(), this.id())
        }
        _ => format!("<{} object at {:#x}>", ty.qualname(), this.id()),
    };
    Ok(vm.new_str(&text).into())
}

fn object_str(vm: &Vm, this: &Value) -> PyResult<Value> {
    Ok(vm.repr(this)?.into())
}

fn object_hash(_vm: &Vm, this: &Value) -> PyResult<i64> {
    Ok(crate::runtime::hash::hash_pointer(this.id() as usize))
}

/// `object`'s comparison: identity for `==`, the inverse of `__eq__` for `!=`.
pub fn object_richcompare(vm: &Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    match op {
        CompareOp::Eq => Ok(if a.is(b) {
            Value::Bool(true)
        } else {
            vm.not_implemented()
        }),
        CompareOp::Ne => {
            // By default, __ne__ delegates to __eq__ and inverts the result.
            let Some(eq) = a.class(vm).slots.richcompare.get() else {
                return Ok(vm.not_implemented());
            };
            let r = eq(vm, a, b, CompareOp::Eq)?;
            if vm.is_not_implemented(&r) {
                return Ok(r);
            }
            Ok(Value::Bool(!vm.is_true(&r)?))
        }
        _ => Ok(vm.not_implemented()),
    }
}

fn object_init_subclass(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    if args.values().len() > 1 {
        let name = args.values()[0]
            .downcast::<Type>()
            .map(|t| t.qualname())
            .unwrap_or_else(|| "object".into());
        return Err(vm.new_type_error(if args.has_kwargs() {
            format!("{name}.__init_subclass__() takes no keyword arguments")
        } else {
            format!(
                "{name}.__init_subclass__() takes no arguments ({} given)",
                args.values().len() - 1
            )
        }));
    }
    Ok(Value::None)
}

fn object_subclasshook(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(vm.not_implemented())
}

fn object_format(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let Some((this, rest)) = args.split_self() else {
        return Err(
            vm.new_type_error("descriptor '__format__' of 'object' object needs an argument")
        );
    };
    let spec = rest.one(vm, "object.__format__")?;
    let Some(s) = spec.downcast::<Str>() else {
        return Err(vm.new_type_error(format!(
            "__format__() argument must be str, not {}",
            vm.type_name(spec)
        )));
    };
    if s.char_len() > 0 {
        return Err(vm.new_type_error(format!(
            "unsupported format string passed to {}.__format__",
            this.class(vm).name()
        )));
    }
    Ok(vm.str(this)?.into())
}

fn object_dir(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let Some((this, _)) = args.split_self() else {
        return Err(vm.new_type_error("descriptor '__dir__' of 'object' object needs an argument"));
    };
    let names = vm.new_dict();
    if let Some(d) = vm.instance_dict(this) {
        for k in d.keys() {
            names.set_item(vm, k, Value::None)?;
        }
    }
    let cls = this.class(vm).clone();
    for t in cls.mro().iter() {
        for k in t.dict().keys() {
            names.set_item(vm, k, Value::None)?;
        }
    }
    Ok(vm.new_list(names.keys()).into())
}

fn object_sizeof(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let this = args.one(vm, "__sizeof__")?;
    Ok(Value::Int(payload_size(this) as i64))
}

/// The size in bytes CPython's 64-bit layout gives a value of this shape (what
/// `__sizeof__` reports), so `sys.getsizeof` comparisons behave as they do there.
pub fn payload_size(v: &Value) -> usize {
    use super::{bytes::ByteArray, bytes::Bytes, dict::Dict, list::List, set::Set, str::Str};
    const PTR: usize = 8;
    if let Some(i) = super::int::as_int(v) {
        // 30-bit digits after a 24-byte header; zero still takes one digit.
        let bits = match i {
            super::int::IntRef::Small(n) => 64 - n.unsigned_abs().leading_zeros() as usize,
            super::int::IntRef::Big(b) => b.bits() as usize,
        };
        return 24 + 4 * bits.div_ceil(30).max(1);
    }
    match v {
        Value::Float(_) => return 24,
        Value::None | Value::Null => return 16,
        _ => {}
    }
    if let Some(s) = v.downcast::<Str>() {
        let header = if s.is_ascii() { 40 } else { 56 };
        return header + (s.char_len() + 1) * usize::from(s.width());
    }
    if let Some(b) = v.downcast::<Bytes>() {
        return 33 + b.as_bytes().len();
    }
    if let Some(b) = v.downcast::<ByteArray>() {
        return 56 + if b.is_empty() { 0 } else { b.len() + 1 };
    }
    if let Some(t) = v.downcast::<super::tuple::Tuple>() {
        return 24 + PTR * t.len();
    }
    if let Some(l) = v.downcast::<List>() {
        return 40 + PTR * l.len();
    }
    if let Some(d) = v.downcast::<Dict>() {
        return if d.is_empty() {
            48
        } else {
            // A compact dict: 8-slot minimum, a third kept free.
            let slots = (d.len() * 3 / 2).next_power_of_two().max(8);
            48 + 16 + slots + (slots * 2 / 3) * 24
        };
    }
    if let Some(st) = v.downcast::<Set>() {
        let slots = (st.len() * 5 / 3).next_power_of_two().max(8);
        return 200 + if slots > 8 { slots * 16 } else { 0 };
    }
    16
}

/// Whether CPython would put a GC header before this object (`sys.getsizeof` counts it).
pub fn gc_tracked(vm: &Vm, v: &Value) -> bool {
    use super::{dict::Dict, list::List, set::Set};
    v.downcast::<List>().is_some()
        || v.downcast::<super::tuple::Tuple>().is_some()
        || v.downcast::<Dict>().is_some()
        || v.downcast::<Set>().is_some()
        || v.class(vm).is_heap()
}

fn get_class(vm: &Vm, this: &Value) -> PyResult<Value> {
    Ok(this.class(vm).clone().into())
}

fn set_class(vm: &Vm, this: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(value) = value else {
        return Err(vm.new_type_error("can't delete __class__ attribute"));
    };
    let Some(new) = value.downcast::<Type>() else {
        return Err(vm.new_type_error(format!(
            "__class__ must be set to a class, not '{}' object",
            vm.type_name(&value)
        )));
    };
    let Some(obj) = this.as_obj() else {
        return Err(vm.new_type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    };
    let old = obj.ty();
    if !(old.is_heap() && new.is_heap()) {
        return Err(vm.new_type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    if old.kind() != new.kind()
        || old.ext_offset() != new.ext_offset()
        || old.layout.slot_names.len() != new.layout.slot_names.len()
        || old.has_flag(type_flags::MANAGED_DICT) != new.has_flag(type_flags::MANAGED_DICT)
    {
        return Err(vm.new_type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            new.name(),
            old.name()
        )));
    }
    // Inline values are indexed by the old class's shared keys: move them into a dict
    // first (CPython materializes the managed dict too).
    if obj.ext().is_some_and(|e| e.has_inline_values()) {
        drop(vm.instance_dict(this));
    }
    obj.set_class(new);
    Ok(())
}

/// Fills in `object`'s slots and methods.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.object;
    let s = &t.slots;
    s.getattro.set(Some(crate::runtime::attr::generic_getattr));
    s.setattro.set(Some(crate::runtime::attr::generic_setattr));
    s.repr.set(Some(object_repr));
    s.str.set(Some(object_str));
    s.hash.set(Some(object_hash));
    s.richcompare.set(Some(object_richcompare));
    s.init.set(Some(object_init));
    s.new.set(Some(object_new));
    vm.add_classmethod(t, "__init_subclass__", object_init_subclass);
    vm.add_classmethod(t, "__subclasshook__", object_subclasshook);
    vm.add_methods(
        t,
        &[
            ("__format__", object_format),
            ("__dir__", object_dir),
            ("__sizeof__", object_sizeof),
        ],
    );
    vm.add_getset(t, "__class__", get_class, Some(set_class));
    vm.add_attr(
        t,
        "__doc__",
        vm.new_str("The base class of the class hierarchy.").into(),
    );

    for ty in [
        &vm.types.none_type,
        &vm.types.not_implemented_type,
        &vm.types.ellipsis_type,
    ] {
        ty.slots.repr.set(Some(singleton_repr));
        ty.slots.new.set(Some(singleton_new));
    }
    vm.types.none_type.slots.bool.set(Some(|_, _| Ok(false)));
    vm.types
        .none_type
        .slots
        .hash
        .set(Some(|_, _| Ok(crate::runtime::hash::NONE_HASH)));
    vm.types
        .not_implemented_type
        .slots
        .bool
        .set(Some(not_implemented_bool));
}

fn singleton_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let text = match v {
        Value::None => "None",
        Value::Obj(o) if o.is(&vm.not_implemented) => "NotImplemented",
        Value::Obj(o) if o.is(&vm.ellipsis) => "Ellipsis",
        _ => "?",
    };
    Ok(vm.intern(text).into())
}

fn singleton_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    if !args.values().is_empty() {
        return Err(vm.new_type_error(format!("{}() takes no arguments", cls.name())));
    }
    Ok(if cls.is(&vm.types.none_type) {
        Value::None
    } else if cls.is(&vm.types.not_implemented_type) {
        vm.not_implemented()
    } else {
        Value::Obj(vm.ellipsis.clone())
    })
}

fn not_implemented_bool(vm: &Vm, _v: &Value) -> PyResult<bool> {
    Err(vm.new_type_error("NotImplemented should not be used in a boolean context"))
}
