//! The `type` type: calling a class (instance creation), attribute lookup on classes (the
//! metatype first, then the class's MRO with `__get__(None, cls)`), attribute assignment
//! (with slot updates and version invalidation), and type's own methods and attributes.

use std::rc::Rc;

use crate::object::slots::slot_of_dunder;
use crate::object::{Py, Type, Value, type_flags};
use crate::runtime::{Args, PyResult, Vm};

use super::str::Str;
use super::tuple::Tuple;

#[inline]
fn ty<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<Type>> {
    v.downcast::<Type>().ok_or_else(|| not_a_type(vm, v))
}

#[cold]
#[inline(never)]
fn not_a_type(vm: &Vm, v: &Value) -> crate::runtime::PyErr {
    vm.new_type_error(format!(
        "descriptor requires a 'type' object but received a '{}'",
        vm.type_name(v)
    ))
}

/// Calling a class: `__new__` then, if the result is an instance, `__init__`.
fn type_call(vm: &Vm, callable: &Value, args: Args<'_>) -> PyResult<Value> {
    let cls = ty(vm, callable)?;
    if cls.is(&vm.types.type_) && args.values().len() == 1 && !args.has_kwargs() {
        return Ok(args.values()[0].class(vm).clone().into());
    }
    let Some(new) = cls.slots.new.get() else {
        return Err(vm.new_type_error(format!("cannot create '{}' instances", cls.qualname())));
    };
    let obj = new(vm, cls, args)?;
    let obj_ty = obj.class(vm).clone();
    if !obj_ty.is_subtype(cls) {
        return Ok(obj);
    }
    if let Some(init) = obj_ty.slots.init.get() {
        init(vm, &obj, args)?;
    }
    Ok(obj)
}

/// Attribute lookup on a class.
pub fn type_getattro(vm: &Vm, obj: &Value, name: &Py<Str>) -> PyResult<Value> {
    // The hit path: a class attribute the metatype does not define, both facts in the
    // method cache (no clone of the metatype's lookup result, no pair to unpack).
    if let Value::Obj(o) = obj
        && let Some(cls) = o.downcast::<Type>()
        && vm.cached_absent(o.ty(), name)
        && let Some(attr) = vm.cached_present(cls, name)
    {
        let found = match attr.class(vm).slots.descr_get.get() {
            None => return Ok(attr),
            Some(get) => class_attr_get(vm, obj, attr, get)?,
        };
        return found.ok_or_else(|| vm.new_no_attribute(obj, name));
    }
    type_getattro_general(vm, obj, name)
}

/// `LOAD_ATTR`'s inline form of [`type_getattro`]'s hit path for a class `o` of any
/// metatype using `type_getattro`: the class attribute `name` when the method cache knows
/// the metatype has nothing of that name and the class's attribute has no `__get__` (a
/// constant) or is a plain function (whose `__get__(None, cls)` is itself). `None` sends
/// the read the general way.
#[inline(always)]
pub fn cached_class_attr(vm: &Vm, o: &crate::object::ObjRef, name: &Py<Str>) -> Option<Value> {
    let cls = o.downcast::<Type>()?;
    if !vm.cached_absent(o.ty(), name) {
        return None;
    }
    let attr = vm.cached_present(cls, name)?;
    let plain = match &attr {
        Value::Obj(a) => {
            a.ty().slots.descr_get.get().is_none()
                || a.downcast::<super::function::Function>().is_some()
        }
        _ => true,
    };
    plain.then_some(attr)
}

/// Whether `ty` reads attributes with [`type_getattro`] (what `LOAD_ATTR`'s inline class
/// attribute path assumes).
#[inline(always)]
pub fn uses_type_getattro(ty: &Py<Type>) -> bool {
    ty.slots
        .getattro
        .get()
        .is_some_and(|f| std::ptr::fn_addr_eq(f, type_getattro as crate::object::slots::GetAttrFn))
}

/// [`type_getattro`] past its hit path.
#[inline(never)]
fn type_getattro_general(vm: &Vm, obj: &Value, name: &Py<Str>) -> PyResult<Value> {
    match class_getattr(vm, obj, name)? {
        Some(v) => Ok(v),
        None => Err(vm.new_no_attribute(obj, name)),
    }
}

/// [`type_getattro`] returning `None` when missing.
pub fn type_getattr_opt(vm: &Vm, obj: &Value, name: &Py<Str>) -> PyResult<Option<Value>> {
    class_getattr(vm, obj, name)
}

#[inline(always)]
fn class_getattr(vm: &Vm, obj: &Value, name: &Py<Str>) -> PyResult<Option<Value>> {
    let Some(cls) = obj.downcast::<Type>() else {
        return Err(not_a_type(vm, obj));
    };
    let meta = obj.class(vm);
    match vm.type_lookup(meta, name) {
        // The usual case (a class attribute the metatype does not define): borrowed
        // types, no reference count traffic beyond the result.
        None => match vm.type_lookup(cls, name) {
            Some(attr) => match attr.class(vm).slots.descr_get.get() {
                Some(get) => class_attr_get(vm, obj, attr, get),
                None => Ok(Some(attr)),
            },
            None => Ok(None),
        },
        Some(meta_attr) => type_getattr_meta(vm, obj, name, meta_attr),
    }
}

/// `attr.__get__(None, cls)` for a class attribute; a plain function binds to nothing and
/// is returned as it is without the call.
#[inline(never)]
fn class_attr_get(
    vm: &Vm,
    obj: &Value,
    attr: Value,
    get: crate::object::slots::DescrGetFn,
) -> PyResult<Option<Value>> {
    if attr.downcast::<super::function::Function>().is_some() {
        return Ok(Some(attr));
    }
    get(vm, &attr, None, Some(obj)).map(Some)
}

/// [`type_getattr_opt`] when the metatype has an attribute of that name: its data
/// descriptors win over the class's attributes, which win over its other attributes.
#[inline(never)]
fn type_getattr_meta(
    vm: &Vm,
    obj: &Value,
    name: &Py<Str>,
    meta_attr: Value,
) -> PyResult<Option<Value>> {
    // Owned: a descriptor may run code that changes what `obj` refers to.
    let cls = ty(vm, obj)?.clone();
    let meta = obj.class(vm).clone();
    let mt = meta_attr.class(vm);
    let meta_get = mt.slots.descr_get.get();
    if let Some(get) = meta_get
        && mt.slots.descr_set.get().is_some()
    {
        return get(vm, &meta_attr, Some(obj), Some(&Value::from(&meta))).map(Some);
    }
    if let Some(attr) = vm.type_lookup(&cls, name) {
        if let Some(get) = attr.class(vm).slots.descr_get.get() {
            return get(vm, &attr, None, Some(obj)).map(Some);
        }
        return Ok(Some(attr));
    }
    match meta_get {
        Some(get) => get(vm, &meta_attr, Some(obj), Some(&Value::from(&meta))).map(Some),
        None => Ok(Some(meta_attr)),
    }
}

fn type_setattro(vm: &Vm, obj: &Value, name: &Py<Str>, value: Option<Value>) -> PyResult<()> {
    let cls = ty(vm, obj)?.clone();
    if !cls.is_heap() || cls.has_flag(type_flags::IMMUTABLE) {
        return Err(vm.new_type_error(format!(
            "cannot set '{}' attribute of immutable type '{}'",
            name.to_lossy(),
            cls.name()
        )));
    }
    let meta = obj.class(vm).clone();
    if let Some(d) = vm.type_lookup(&meta, name)
        && let Some(set) = d.class(vm).slots.descr_set.get()
    {
        return set(vm, &d, obj, value);
    }
    let name = vm.intern_str(name);
    // Invalidated before the dict changes too: dropping the old value may run code, and
    // `LOAD_ATTR`'s cache borrows the method it found while the version holds.
    cls.modified();
    match value {
        Some(v) => cls.dict().set_item(vm, Value::from(&name), v)?,
        None => {
            if cls.dict().pop_item(vm, &Value::from(&name))?.is_none() {
                return Err(vm.new_attribute_error_msg(format!(
                    "type object '{}' has no attribute '{}'",
                    cls.name(),
                    name.to_lossy()
                )));
            }
        }
    }
    cls.modified();
    if let Some(text) = name.as_str()
        && text.starts_with("__")
        && text.ends_with("__")
        && (slot_of_dunder(text).is_some() || text == "__del__")
    {
        crate::runtime::slot_dispatch::update_slots_recursive(vm, &cls);
    }
    Ok(())
}

fn type_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let cls = ty(vm, v)?;
    let text = match vm.type_module_name(cls).as_deref() {
        Some(m) if m != "builtins" => format!("<class '{m}.{}'>", cls.qualname()),
        _ => format!("<class '{}'>", cls.qualname()),
    };
    Ok(vm.new_str(&text).into())
}

fn type_new_slot(vm: &Vm, meta: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    let vals = args.pos();
    if meta.is(&vm.types.type_) && vals.len() == 1 && !args.has_kwargs() {
        return Ok(vals[0].class(vm).clone().into());
    }
    if vals.len() != 3 {
        return Err(vm.new_type_error("type() takes 1 or 3 arguments"));
    }
    let name = vals[0].downcast::<Str>().ok_or_else(|| {
        vm.new_type_error(format!(
            "type.__new__() argument 1 must be str, not {}",
            vm.type_name(&vals[0])
        ))
    })?;
    let bases = vals[1].downcast::<Tuple>().ok_or_else(|| {
        vm.new_type_error(format!(
            "type.__new__() argument 2 must be tuple, not {}",
            vm.type_name(&vals[1])
        ))
    })?;
    let ns = vals[2].downcast::<super::dict::Dict>().ok_or_else(|| {
        vm.new_type_error(format!(
            "type.__new__() argument 3 must be dict, not {}",
            vm.type_name(&vals[2])
        ))
    })?;
    let kwargs: Vec<(Py<Str>, Value)> =
        args.kwargs().map(|(k, v)| (k.clone(), v.clone())).collect();
    crate::runtime::class::type_new(vm, meta, name, bases.as_slice(), ns, &kwargs).map(Value::from)
}

fn type_init(vm: &Vm, _this: &Value, args: Args<'_>) -> PyResult<()> {
    let n = args.npos();
    if n != 1 && n != 3 {
        return Err(vm.new_type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(())
}

fn type_mro(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (cls, rest) = vm.method_self::<Type>(args, "mro", "type")?;
    rest.none(vm, "type.mro")?;
    let mro =
        crate::object::typeobj::c3_mro(cls, &cls.bases()).map_err(|m| vm.new_type_error(m))?;
    Ok(vm
        .new_list(mro.into_iter().map(Value::from).collect())
        .into())
}

fn type_subclasses(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (cls, rest) = vm.method_self::<Type>(args, "__subclasses__", "type")?;
    rest.none(vm, "type.__subclasses__")?;
    Ok(vm
        .new_list(cls.subclasses().into_iter().map(Value::from).collect())
        .into())
}

fn type_instancecheck(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (cls, rest) = vm.method_self::<Type>(args, "__instancecheck__", "type")?;
    let x = rest.one(vm, "type.__instancecheck__")?;
    Ok(Value::Bool(vm.recursive_isinstance(x, &Value::from(cls))?))
}

fn type_subclasscheck(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (cls, rest) = vm.method_self::<Type>(args, "__subclasscheck__", "type")?;
    let x = rest.one(vm, "type.__subclasscheck__")?;
    Ok(Value::Bool(vm.recursive_issubclass(x, &Value::from(cls))?))
}

fn type_prepare(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(vm.new_dict().into())
}

fn type_dir(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (cls, _) = vm.method_self::<Type>(args, "__dir__", "type")?;
    let names = vm.new_dict();
    for t in cls.mro().iter() {
        for k in t.dict().keys() {
            names.set_item(vm, k, Value::None)?;
        }
    }
    Ok(vm.new_list(names.keys()).into())
}

fn get_name(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(vm.new_str(&ty(vm, v)?.name()).into())
}

fn set_name(vm: &Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    let cls = ty(vm, v)?;
    check_heap_set(vm, cls, "__name__")?;
    let Some(s) = value.as_ref().and_then(|x| x.downcast::<Str>()) else {
        return Err(vm.new_type_error(format!(
            "can only assign string to {}.__name__, not '{}'",
            cls.name(),
            value
                .as_ref()
                .map(|x| vm.type_name(x))
                .unwrap_or_else(|| "NoneType".into())
        )));
    };
    let text = s
        .as_str()
        .ok_or_else(|| vm.new_value_error("type name must not contain surrogates"))?;
    if text.contains('\0') {
        return Err(vm.new_value_error("type name must not contain null characters"));
    }
    cls.set_name(Rc::from(text));
    Ok(())
}

fn check_heap_set(vm: &Vm, cls: &Py<Type>, what: &str) -> PyResult<()> {
    if !cls.is_heap() {
        return Err(vm.new_type_error(format!(
            "cannot set '{what}' attribute of immutable type '{}'",
            cls.name()
        )));
    }
    Ok(())
}

fn get_qualname(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(vm.new_str(&ty(vm, v)?.qualname()).into())
}

fn set_qualname(vm: &Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    let cls = ty(vm, v)?;
    check_heap_set(vm, cls, "__qualname__")?;
    let Some(s) = value.as_ref().and_then(|x| x.downcast::<Str>()) else {
        return Err(vm.new_type_error(format!(
            "can only assign string to {}.__qualname__, not '{}'",
            cls.name(),
            value
                .as_ref()
                .map(|x| vm.type_name(x))
                .unwrap_or_else(|| "NoneType".into())
        )));
    };
    cls.set_qualname(Rc::from(s.to_lossy().as_ref()));
    Ok(())
}

fn get_module(vm: &Vm, v: &Value) -> PyResult<Value> {
    let cls = ty(vm, v)?;
    if cls.is_heap() {
        return cls
            .dict()
            .get_str(&vm.names.__module__)
            .ok_or_else(|| vm.new_attribute_error_msg("__module__"));
    }
    Ok(vm.new_str(cls.builtin_module()).into())
}

fn set_module(vm: &Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    let cls = ty(vm, v)?;
    check_heap_set(vm, cls, "__module__")?;
    cls.modified();
    cls.dict()
        .set_str(&vm.names.__module__, value.unwrap_or(Value::None));
    cls.modified();
    Ok(())
}

fn get_dict(vm: &Vm, v: &Value) -> PyResult<Value> {
    let cls = ty(vm, v)?;
    Ok(crate::types::iter::new_mappingproxy(vm, cls.dict().clone().into()).into())
}

fn get_bases(vm: &Vm, v: &Value) -> PyResult<Value> {
    let cls = ty(vm, v)?;
    Ok(vm
        .new_tuple(cls.bases().iter().map(Value::from).collect())
        .into())
}

fn set_bases(vm: &Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    let cls = ty(vm, v)?;
    check_heap_set(vm, cls, "__bases__")?;
    let Some(t) = value.as_ref().and_then(|x| x.downcast::<Tuple>()) else {
        return Err(vm.new_type_error(format!(
            "can only assign tuple to {}.__bases__, not {}",
            cls.name(),
            value
                .as_ref()
                .map(|x| vm.type_name(x))
                .unwrap_or_else(|| "NoneType".into())
        )));
    };
    if t.is_empty() {
        return Err(vm.new_type_error(format!(
            "can only assign non-empty tuple to {}.__bases__, not ()",
            cls.name()
        )));
    }
    let mut bases = Vec::with_capacity(t.len());
    for b in t.as_slice() {
        let Some(bt) = b.downcast::<Type>() else {
            return Err(vm.new_type_error(format!(
                "{}.__bases__ must be tuple of classes, not '{}'",
                cls.name(),
                vm.type_name(b)
            )));
        };
        if bt.is_subtype(cls) {
            return Err(vm.new_type_error("a __bases__ item causes an inheritance cycle"));
        }
        bases.push(bt.clone());
    }
    let mro = crate::object::typeobj::c3_mro(cls, &bases).map_err(|m| vm.new_type_error(m))?;
    for old in cls.bases().iter() {
        old.remove_subclass(cls);
    }
    for b in &bases {
        b.add_subclass(cls);
    }
    let base = bases.first().cloned();
    // Before the old bases and MRO can drop anything (see `type_setattro`).
    cls.modified();
    cls.set_bases(Rc::from(bases), base);
    cls.set_mro(Rc::from(mro));
    cls.modified();
    crate::runtime::slot_dispatch::update_slots_recursive(vm, cls);
    Ok(())
}

fn get_base(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(ty(vm, v)?.base().map_or(Value::None, Value::from))
}

fn get_mro(vm: &Vm, v: &Value) -> PyResult<Value> {
    let cls = ty(vm, v)?;
    Ok(vm
        .new_tuple(cls.mro().iter().map(Value::from).collect())
        .into())
}

fn get_doc(vm: &Vm, v: &Value) -> PyResult<Value> {
    let cls = ty(vm, v)?;
    let doc = cls.dict().get_str(&vm.names.__doc__).unwrap_or(Value::None);
    if let Some(get) = doc.class(vm).slots.descr_get.get() {
        return get(vm, &doc, None, Some(v));
    }
    Ok(doc)
}

fn set_doc(vm: &Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    let cls = ty(vm, v)?;
    check_heap_set(vm, cls, "__doc__")?;
    cls.modified();
    cls.dict()
        .set_str(&vm.names.__doc__, value.unwrap_or(Value::None));
    cls.modified();
    Ok(())
}

fn get_abstractmethods(vm: &Vm, v: &Value) -> PyResult<Value> {
    let cls = ty(vm, v)?;
    if !cls.is(&vm.types.type_)
        && let Some(a) = cls.dict().get_str(&vm.names.__abstractmethods__)
    {
        return Ok(a);
    }
    Err(vm.new_attribute_error_msg("__abstractmethods__"))
}

fn set_abstractmethods(vm: &Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    let cls = ty(vm, v)?;
    let abstract_ = match &value {
        Some(x) => vm.is_true(x)?,
        None => false,
    };
    cls.modified();
    match value {
        Some(x) => cls.dict().set_str(&vm.names.__abstractmethods__, x),
        None => {
            cls.dict().del_str(&vm.names.__abstractmethods__);
        }
    }
    cls.set_flag(type_flags::ABSTRACT, abstract_);
    cls.modified();
    Ok(())
}

fn get_annotations(vm: &Vm, v: &Value) -> PyResult<Value> {
    crate::runtime::annotations::type_annotations(vm, ty(vm, v)?)
}

fn set_annotations(vm: &Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    let cls = ty(vm, v)?;
    check_heap_set(vm, cls, "__annotations__")?;
    let key = vm.intern("__annotations_cache__");
    cls.modified();
    match value {
        Some(x) => cls.dict().set_str(&key, x),
        None => {
            cls.dict().del_str(&key);
        }
    }
    cls.modified();
    Ok(())
}

/// `type.__annotate__`: the class's annotate function (`__annotate_func__` in its dict).
fn get_annotate(vm: &Vm, v: &Value) -> PyResult<Value> {
    let cls = ty(vm, v)?;
    if !cls.is_heap() {
        return Err(vm.new_attribute_error_msg(format!(
            "type object '{}' has no attribute '__annotate__'",
            cls.name()
        )));
    }
    let d = cls.dict();
    Ok(d.get_str(&vm.intern("__annotate_func__"))
        .or_else(|| d.get_str(&vm.names.__annotate__))
        .unwrap_or(Value::None))
}

fn set_annotate(vm: &Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    let cls = ty(vm, v)?;
    check_heap_set(vm, cls, "__annotate__")?;
    let Some(value) = value else {
        return Err(vm.new_type_error("cannot delete __annotate__ attribute"));
    };
    if !value.is_none() && value.class(vm).slots.call.get().is_none() {
        return Err(vm.new_type_error("__annotate__ must be callable or None"));
    }
    cls.modified();
    if !value.is_none() {
        cls.dict().del_str(&vm.intern("__annotations_cache__"));
    }
    cls.dict().set_str(&vm.intern("__annotate_func__"), value);
    cls.modified();
    Ok(())
}

/// Fills in `type`'s slots and attributes.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.type_;
    let s = &t.slots;
    s.call.set(Some(type_call));
    s.getattro.set(Some(type_getattro));
    s.setattro.set(Some(type_setattro));
    s.repr.set(Some(type_repr));
    s.new.set(Some(type_new_slot));
    s.init.set(Some(type_init));
    // Comparison is object's (inherited when the type is finished): `type.__dict__` has
    // no `__eq__`/`__lt__`... wrappers, as under CPython.
    s.or.set(Some(crate::runtime::class::type_or));
    vm.add_methods(
        t,
        &[
            ("mro", type_mro),
            ("__subclasses__", type_subclasses),
            ("__instancecheck__", type_instancecheck),
            ("__subclasscheck__", type_subclasscheck),
            ("__dir__", type_dir),
            ("__sizeof__", super::object::object_sizeof),
        ],
    );
    vm.add_classmethod(t, "__prepare__", type_prepare);
    vm.add_getset(t, "__name__", get_name, Some(set_name));
    vm.add_getset(t, "__qualname__", get_qualname, Some(set_qualname));
    vm.add_getset(t, "__module__", get_module, Some(set_module));
    vm.add_getset(t, "__dict__", get_dict, None);
    vm.add_getset(t, "__bases__", get_bases, Some(set_bases));
    vm.add_getset(t, "__base__", get_base, None);
    vm.add_getset(t, "__mro__", get_mro, None);
    vm.add_getset(t, "__doc__", get_doc, Some(set_doc));
    vm.add_getset(
        t,
        "__abstractmethods__",
        get_abstractmethods,
        Some(set_abstractmethods),
    );
    vm.add_getset(t, "__annotations__", get_annotations, Some(set_annotations));
    vm.add_getset(t, "__annotate__", get_annotate, Some(set_annotate));
    super::type_layout::install(vm, t);
}
