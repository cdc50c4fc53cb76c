//! Attribute access: `getattr`/`setattr`/`delattr` through the type's slots, and the generic
//! implementation every ordinary object uses (CPython's `PyObject_GenericGetAttr` and
//! `PyObject_GenericSetAttr`): data descriptors on the type win over the instance's
//! attributes, which win over non-data descriptors and plain class attributes.

use crate::object::instance::AttrPlace;
use crate::object::{ObjRef, Py, PyCell, Type, Value};
use crate::runtime::cache::{CachedPlace, KeyHint};
use crate::types::dict::Dict;
use crate::types::str::Str;

use super::{PyResult, Vm};

impl Vm {
    /// `getattr(obj, name)`.
    #[inline]
    pub fn getattr(&self, obj: &Value, name: &Py<Str>) -> PyResult<Value> {
        match obj.class(self).slots.getattro.get() {
            Some(f) => f(self, obj, name),
            None => generic_getattr(self, obj, name),
        }
    }

    /// `getattr(obj, name, None)`-style lookup: `None` when the attribute is missing
    /// (AttributeError is swallowed, other errors propagate).
    pub fn getattr_opt(&self, obj: &Value, name: &Py<Str>) -> PyResult<Option<Value>> {
        let getattro = obj.class(self).slots.getattro.get();
        let generic = getattro.is_none_or(|f| {
            std::ptr::fn_addr_eq(f, generic_getattr as crate::object::slots::GetAttrFn)
        });
        let r = if generic {
            generic_getattr_opt(self, obj, name)
        } else {
            getattro.map_or(Ok(None), |f| f(self, obj, name).map(Some))
        };
        match r {
            Err(e) if e.matches(&self.exc.attribute_error) => Ok(None),
            other => other,
        }
    }

    /// `getattr` with a Rust string name.
    pub fn getattr_str(&self, obj: &Value, name: &str) -> PyResult<Value> {
        let n = self.intern(name);
        self.getattr(obj, &n)
    }

    /// `setattr(obj, name, value)`.
    #[inline]
    pub fn setattr(&self, obj: &Value, name: &Py<Str>, value: Value) -> PyResult<()> {
        match obj.class(self).slots.setattro.get() {
            Some(f) => f(self, obj, name, Some(value)),
            None => Err(self.readonly_attr_error(obj, name)),
        }
    }

    /// `delattr(obj, name)`.
    pub fn delattr(&self, obj: &Value, name: &Py<Str>) -> PyResult<()> {
        match obj.class(self).slots.setattro.get() {
            Some(f) => f(self, obj, name, None),
            None => Err(self.readonly_attr_error(obj, name)),
        }
    }

    /// `hasattr(obj, name)`.
    pub fn hasattr(&self, obj: &Value, name: &Py<Str>) -> PyResult<bool> {
        Ok(self.getattr_opt(obj, name)?.is_some())
    }

    #[cold]
    fn readonly_attr_error(&self, obj: &Value, name: &Py<Str>) -> super::PyErr {
        let msg = if self.type_lookup(obj.class(self), name).is_some() {
            format!(
                "'{}' object attribute '{}' is read-only",
                self.type_name(obj),
                name.to_lossy()
            )
        } else {
            format!(
                "'{}' object has no attribute '{}' and no __dict__ for setting new attributes",
                self.type_name(obj),
                name.to_lossy()
            )
        };
        self.new_attribute_error_msg(msg)
    }

    /// The instance's `__dict__` if it has one, materializing inline values.
    pub fn instance_dict(&self, obj: &Value) -> Option<Py<Dict>> {
        let o = obj.as_obj()?;
        if let Some(ext) = o.ext() {
            if let Some(d) = ext.dict() {
                return Some(d);
            }
            return materialize_dict(self, o.ty(), ext);
        }
        let dp = o.ty().slots.dictptr.get()?;
        let cell = dp(obj)?;
        Some(dict_in_cell(self, cell))
    }

    /// The module name of a type (`__module__`), as text.
    pub fn type_module_name(&self, ty: &Py<Type>) -> Option<String> {
        if !ty.is_heap() {
            return Some(ty.builtin_module().to_string());
        }
        ty.dict()
            .get_str(&self.names.__module__)
            .and_then(|m| m.downcast::<Str>().map(|s| s.to_lossy().into_owned()))
    }
}

/// The dict in a payload's `__dict__` cell, creating it when absent.
fn dict_in_cell(vm: &Vm, cell: &PyCell<Option<Py<Dict>>>) -> Py<Dict> {
    if let Some(d) = cell.get() {
        return d;
    }
    let d = vm.new_dict();
    drop(cell.replace(Some(d.clone())));
    d
}

/// Turns an instance's inline values into a real dict (for `__dict__` access, or when the
/// class's shared keys are full).
fn materialize_dict(vm: &Vm, ty: &Py<Type>, ext: &crate::object::InstanceExt) -> Option<Py<Dict>> {
    let values = ext.take_inline()?;
    let d = vm.new_dict();
    for (i, v) in values {
        if let Some(name) = ty.shared_keys.name(i) {
            d.set_str(&name, v);
        }
    }
    drop(ext.install_dict(d.clone()));
    Some(d)
}

/// Reads the instance's own attribute `name` (inline values, dict, or payload dict);
/// `hint` is the method cache's [`KeyHint`] for `name` on `ty`.
#[inline(always)]
fn instance_attr(
    vm: &Vm,
    obj: &Value,
    ty: &Py<Type>,
    name: &Py<Str>,
    hint: KeyHint,
) -> PyResult<Option<Value>> {
    let Value::Obj(o) = obj else {
        return Ok(None);
    };
    let dict = if let Some(ext) = o.ext() {
        let (index, new_hint) = ty.shared_keys.index_hinted(name, hint);
        if let Some(h) = new_hint {
            vm.remember_key_hint(ty, name, h);
        }
        match ext.get_attr_at(index) {
            Ok(v) => return Ok(v),
            Err(AttrPlace::Dict(d)) => d,
            Err(AttrPlace::None) => return Ok(None),
        }
    } else {
        let Some(dp) = ty.slots.dictptr.get() else {
            return Ok(None);
        };
        match dp(obj).and_then(PyCell::get) {
            Some(d) => d,
            None => return Ok(None),
        }
    };
    dict_attr(vm, &dict, name)
}

/// An attribute from an instance's dict.
#[inline(never)]
fn dict_attr(vm: &Vm, dict: &Py<Dict>, name: &Py<Str>) -> PyResult<Option<Value>> {
    if let Some(v) = dict.get_str(name) {
        return Ok(Some(v));
    }
    dict.get_item(vm, &Value::from(name))
}

/// `object.__getattribute__`: raises AttributeError when missing.
///
/// The hit path is the usual read: the method cache knowing that the type has nothing of
/// that name and where instances keep it, and the instance keeping it inline. It needs no
/// reference count but the result's and leaves everything else to [`getattr_general`].
pub fn generic_getattr(vm: &Vm, obj: &Value, name: &Py<Str>) -> PyResult<Value> {
    if let Value::Obj(o) = obj
        && let Some(v) = cached_get(vm, o, name)
    {
        return Ok(v);
    }
    getattr_general(vm, obj, name)
}

/// The hit path of [`generic_getattr`] (also inlined into `LOAD_ATTR` for types that use
/// it): the attribute from the instance's inline values or `__slots__` entry that the
/// method cache points at, if it is set.
#[inline(always)]
pub fn cached_get(vm: &Vm, o: &ObjRef, name: &Py<Str>) -> Option<Value> {
    read_place(o, vm.cached_place(o.ty(), name)?)
}

/// The attribute of the instance `o` at `place` (which the caches gave for its type), if
/// it is there.
#[inline(always)]
pub fn read_place(o: &ObjRef, place: CachedPlace) -> Option<Value> {
    let ext = o.ext()?;
    match place {
        CachedPlace::Inline(index) => ext.get_inline(index),
        // `member_get` without the descriptor call.
        CachedPlace::Slot(index) => Some(ext.slot(index)).filter(|v| !v.is_null()),
        CachedPlace::Class(v, hint) => ext.lacks_hinted(&o.ty().shared_keys, hint).then_some(v),
    }
}

/// The hit path of [`generic_setattr`] (also inlined into `STORE_ATTR`): stores `v` where
/// the method cache says instances keep `name`, returning the old value to drop; gives `v`
/// back when that takes the general path.
#[inline(always)]
pub fn cached_set(vm: &Vm, o: &ObjRef, name: &Py<Str>, v: Value) -> Result<Value, Value> {
    match vm.cached_place(o.ty(), name) {
        Some(place) => write_place(o, place, v),
        None => Err(v),
    }
}

/// Stores `v` into the instance `o` at `place` (which the caches gave for its type),
/// returning the old value to drop; gives `v` back when the store takes the general path.
#[inline(always)]
pub fn write_place(o: &ObjRef, place: CachedPlace, v: Value) -> Result<Value, Value> {
    match (place, o.ext()) {
        (CachedPlace::Inline(index), Some(ext)) => ext.store_inline_at(index, v),
        // `member_set` without the descriptor call.
        (CachedPlace::Slot(index), Some(ext)) if index < ext.slot_count() => {
            Ok(ext.set_slot(index, v))
        }
        _ => Err(v),
    }
}

/// Whether `ty` uses [`generic_getattr`] (what the inlined hit paths assume).
#[inline(always)]
pub fn uses_generic_getattr(ty: &Py<Type>) -> bool {
    ty.slots.getattro.get().is_some_and(|f| {
        std::ptr::fn_addr_eq(f, generic_getattr as crate::object::slots::GetAttrFn)
    })
}

/// Whether `ty` uses [`generic_setattr`] (what the inlined hit paths assume).
#[inline(always)]
pub fn uses_generic_setattr(ty: &Py<Type>) -> bool {
    ty.slots.setattro.get().is_some_and(|f| {
        std::ptr::fn_addr_eq(f, generic_setattr as crate::object::slots::SetAttrFn)
    })
}

/// [`generic_getattr`] past its hit path (`LOAD_ATTR` calls it after running that hit path
/// itself).
#[inline(never)]
pub(crate) fn getattr_general(vm: &Vm, obj: &Value, name: &Py<Str>) -> PyResult<Value> {
    let (found, hint) = vm.type_lookup_hint(obj.class(vm), name);
    getattr_found(vm, obj, name, found, hint)
}

/// [`getattr_general`] given what the lookup of `name` along the MRO of the type of `obj`
/// found, with the method cache's `hint`.
#[inline(always)]
pub(crate) fn getattr_found(
    vm: &Vm,
    obj: &Value,
    name: &Py<Str>,
    found: Option<Value>,
    hint: KeyHint,
) -> PyResult<Value> {
    let ty = obj.class(vm);
    let found = match found {
        // A plain function the instance does not shadow (`f = p.m`, a stored callback):
        // bound here, without the descriptor machinery (~200 machine instructions).
        Some(descr) if unshadowed_function(obj, ty, &descr, hint) => {
            let bound = crate::types::function::new_method(vm, descr, obj.clone());
            return Ok(bound.into());
        }
        // A descriptor (`__slots__` members, properties, methods): one call away.
        Some(descr) => lookup_with_descr(vm, obj, name, descr, hint)?,
        None => instance_attr(vm, obj, ty, name, hint)?,
    };
    match found {
        Some(v) => Ok(v),
        None => Err(vm.new_no_attribute(obj, name)),
    }
}

/// Whether `descr`, found on `ty` (the class of `obj`) with the method cache's `hint`, is a
/// Python function that binds `obj` (a function is a non-data descriptor), because the
/// instance surely has no attribute of that name: it has no attribute storage, or keeps its
/// attributes inline and the hint says the shared keys lack the name.
#[inline(always)]
fn unshadowed_function(obj: &Value, ty: &Py<Type>, descr: &Value, hint: KeyHint) -> bool {
    let Value::Obj(o) = obj else {
        return false;
    };
    descr
        .downcast::<crate::types::function::Function>()
        .is_some()
        && match o.ext() {
            Some(ext) => ext.lacks_hinted(&ty.shared_keys, hint),
            None => ty.slots.dictptr.get().is_none(),
        }
}

/// The method load's hit path (`LOAD_ATTR` with the method bit, CPython's
/// `LOAD_ATTR_METHOD_WITH_VALUES` and `LOAD_ATTR_METHOD_NO_DICT`): the method-like
/// attribute `name` of the type of `obj`, when the type uses the generic
/// `__getattribute__` and the instance cannot shadow it: it has no attribute storage at all
/// (`list.append`, a `__slots__` class), or the method cache knows it kept no such attribute
/// inline while the class's keys had their current length.
#[inline(always)]
pub fn cached_method(vm: &Vm, obj: &Value, name: &Py<Str>) -> Option<Value> {
    cached_method_guarded(vm, obj, name).map(|(f, _)| f)
}

/// Why an instance cannot shadow a method of its type ([`cached_method_guarded`]): what
/// `LOAD_ATTR`'s own cache checks again, besides the type's version, to reuse the method.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Unshadowed {
    /// Instances of the type have no attribute storage (a type-wide fact while its version
    /// holds).
    NoStorage,
    /// The instance keeps its attributes inline and the class's shared keys, this long,
    /// lack the name.
    KeysLen(usize),
}

/// [`cached_method`], also saying why the instance cannot shadow the method.
#[inline(always)]
pub fn cached_method_guarded(vm: &Vm, obj: &Value, name: &Py<Str>) -> Option<(Value, Unshadowed)> {
    let Value::Obj(o) = obj else {
        return None;
    };
    let ty = o.ty();
    if !ty
        .slots
        .getattro
        .get()
        .is_none_or(|f| std::ptr::fn_addr_eq(f, generic_getattr as crate::object::slots::GetAttrFn))
    {
        return None;
    }
    let (f, hint) = vm.cached_method_like(ty, name)?;
    Some((f, unshadowed_guard(o, hint)?))
}

/// Why the instance `o` cannot have an attribute that the method cache's `hint` (for its
/// type) says the shared keys lack, if it cannot.
#[inline(always)]
pub fn unshadowed_guard(o: &ObjRef, hint: KeyHint) -> Option<Unshadowed> {
    let ty = o.ty();
    match o.ext() {
        Some(ext) if ext.has_no_storage() => Some(Unshadowed::NoStorage),
        Some(ext) => ext
            .lacks_hinted(&ty.shared_keys, hint)
            .then_some(Unshadowed::KeysLen((hint.0 & !KeyHint::ABSENT) as usize)),
        None => ty
            .slots
            .dictptr
            .get()
            .is_none()
            .then_some(Unshadowed::NoStorage),
    }
}

/// Whether the instance `o` still cannot shadow a method for the `guard` found for its
/// type (at the same version).
#[inline(always)]
pub fn still_unshadowed(o: &ObjRef, guard: Unshadowed) -> bool {
    match (o.ext(), guard) {
        // Without an extension the type has no attribute storage: only `NoStorage` was
        // recorded for it.
        (None, guard) => guard == Unshadowed::NoStorage,
        (Some(ext), Unshadowed::NoStorage) => ext.has_no_storage(),
        (Some(ext), Unshadowed::KeysLen(len)) => {
            ext.has_inline_values() && o.ty().shared_keys.len() == len
        }
    }
}

/// The generic lookup, `None` when nothing is found.
pub fn generic_getattr_opt(vm: &Vm, obj: &Value, name: &Py<Str>) -> PyResult<Option<Value>> {
    lookup_attr(vm, obj, name)
}

/// The body of [`generic_getattr`]: the common case (nothing on the type, the attribute in
/// the instance's inline values) stays inline; a type attribute goes out of line.
#[inline(always)]
fn lookup_attr(vm: &Vm, obj: &Value, name: &Py<Str>) -> PyResult<Option<Value>> {
    let ty = obj.class(vm);
    match vm.type_lookup_hint(ty, name) {
        (None, hint) => instance_attr(vm, obj, ty, name, hint),
        (Some(descr), hint) => lookup_with_descr(vm, obj, name, descr, hint),
    }
}

/// [`lookup_attr`] when the MRO has an attribute `descr` of that name.
#[inline(never)]
fn lookup_with_descr(
    vm: &Vm,
    obj: &Value,
    name: &Py<Str>,
    descr: Value,
    hint: KeyHint,
) -> PyResult<Option<Value>> {
    // Held as an owned reference: a descriptor may reassign `obj.__class__`.
    let ty = obj.class(vm).clone();
    let dt = descr.class(vm);
    let getter = dt.slots.descr_get.get();
    if let Some(get) = getter
        && dt.slots.descr_set.get().is_some()
    {
        return get(vm, &descr, Some(obj), Some(&Value::from(&ty))).map(Some);
    }
    // The descriptor's type check ran no code, so `obj`'s type is still the one the hint
    // was taken for.
    if let Some(v) = instance_attr(vm, obj, &ty, name, hint)? {
        return Ok(Some(v));
    }
    match getter {
        Some(get) => get(vm, &descr, Some(obj), Some(&Value::from(&ty))).map(Some),
        None => Ok(Some(descr)),
    }
}

/// `object.__setattr__` / `object.__delattr__` (`value` `None` deletes).
///
/// The hit path is the usual write: nothing of that name on the type and the method cache
/// knowing the name's inline-values index.
pub fn generic_setattr(vm: &Vm, obj: &Value, name: &Py<Str>, value: Option<Value>) -> PyResult<()> {
    let value = match (value, obj) {
        (Some(v), Value::Obj(o)) => match cached_set(vm, o, name, v) {
            Ok(old) => {
                drop(old);
                return Ok(());
            }
            Err(v) => Some(v),
        },
        (value, _) => value,
    };
    setattr_slow(vm, obj, name, value)
}

/// [`generic_setattr`] past its hit path.
#[inline(never)]
fn setattr_slow(vm: &Vm, obj: &Value, name: &Py<Str>, value: Option<Value>) -> PyResult<()> {
    let ty = obj.class(vm);
    let (found, hint) = vm.type_lookup_hint(ty, name);
    if let Some(d) = found {
        return setattr_with_descr(vm, obj, name, value, d, hint);
    }
    setattr_general(vm, obj, name, value, hint)
}

/// [`generic_setattr`] when the type has an attribute of that name: a data descriptor's
/// `__set__`/`__delete__`, else the instance.
#[inline(never)]
fn setattr_with_descr(
    vm: &Vm,
    obj: &Value,
    name: &Py<Str>,
    value: Option<Value>,
    d: Value,
    hint: KeyHint,
) -> PyResult<()> {
    if let Some(set) = d.class(vm).slots.descr_set.get() {
        return set(vm, &d, obj, value);
    }
    drop(d);
    setattr_general(vm, obj, name, value, hint)
}

/// [`generic_setattr`] past the type and the hit path.
#[inline(never)]
fn setattr_general(
    vm: &Vm,
    obj: &Value,
    name: &Py<Str>,
    value: Option<Value>,
    hint: KeyHint,
) -> PyResult<()> {
    // A store into the inline values of a heap-type instance, finding the index.
    let value = match (value, obj) {
        (Some(v), Value::Obj(o)) => match o.ext() {
            Some(ext) => match set_inline_attr(vm, ext, o.ty(), name, hint, v) {
                Ok(old) => {
                    drop(old);
                    return Ok(());
                }
                Err((v, _)) => Some(v),
            },
            None => Some(v),
        },
        (value, _) => value,
    };
    store_attr(vm, obj, name, value)
}

/// Stores into the inline values at the index `hint` gives (see [`instance_attr`]).
#[inline(always)]
fn set_inline_attr(
    vm: &Vm,
    ext: &crate::object::InstanceExt,
    ty: &Py<Type>,
    name: &Py<Str>,
    hint: KeyHint,
    v: Value,
) -> Result<Value, (Value, Option<AttrPlace>)> {
    let (index, new_hint) = ty.shared_keys.index_hinted(name, hint);
    if let Some(h) = new_hint {
        vm.remember_key_hint(ty, name, h);
    }
    ext.set_attr_at(&ty.shared_keys, name, index, v)
}

/// [`generic_setattr`] past the descriptor check, for every kind of attribute storage.
#[inline(never)]
fn store_attr(vm: &Vm, obj: &Value, name: &Py<Str>, value: Option<Value>) -> PyResult<()> {
    let ty = obj.class(vm).clone();
    let Value::Obj(o) = obj else {
        return Err(no_dict_error(vm, obj, &ty, name));
    };
    let dict = if let Some(ext) = o.ext() {
        match value {
            Some(v) => match ext.set_attr(&ty.shared_keys, name, v) {
                Ok(old) => {
                    drop(old);
                    return Ok(());
                }
                Err((v, Some(AttrPlace::Dict(d)))) => {
                    d.set_item(vm, Value::from(name), v)?;
                    return Ok(());
                }
                Err((_, Some(AttrPlace::None))) => return Err(no_dict_error(vm, obj, &ty, name)),
                Err((v, None)) => {
                    let Some(d) = materialize_dict(vm, &ty, ext) else {
                        return Err(no_dict_error(vm, obj, &ty, name));
                    };
                    d.set_item(vm, Value::from(name), v)?;
                    return Ok(());
                }
            },
            None => match ext.del_attr(&ty.shared_keys, name) {
                Ok(Some(old)) => {
                    drop(old);
                    return Ok(());
                }
                Ok(None) => return Err(vm.new_no_attribute(obj, name)),
                Err(AttrPlace::Dict(d)) => d,
                Err(AttrPlace::None) => return Err(no_dict_error(vm, obj, &ty, name)),
            },
        }
    } else {
        let Some(cell) = ty.slots.dictptr.get().and_then(|dp| dp(obj)) else {
            return Err(no_dict_error(vm, obj, &ty, name));
        };
        dict_in_cell(vm, cell)
    };
    match value {
        Some(v) => dict.set_item(vm, Value::from(name), v),
        None => match dict.pop_item(vm, &Value::from(name))? {
            Some(_) => Ok(()),
            None => Err(vm.new_no_attribute(obj, name)),
        },
    }
}

fn no_dict_error(vm: &Vm, obj: &Value, ty: &Py<Type>, name: &Py<Str>) -> super::PyErr {
    if vm.type_lookup(ty, name).is_some() {
        return vm.new_attribute_error_msg(format!(
            "'{}' object attribute '{}' is read-only",
            ty.name(),
            name.to_lossy()
        ));
    }
    let err = vm.new_attribute_error_msg(format!(
        "'{}' object has no attribute '{}' and no __dict__ for setting new attributes",
        ty.name(),
        name.to_lossy()
    ));
    err.exc()
        .set_attr_fields(vm, Some(Value::from(name)), Some(obj.clone()));
    err
}

/// `__dict__` getter for payloads with a dict cell and for heap-type instances.
pub fn get_payload_dict(vm: &Vm, obj: &Value) -> PyResult<Value> {
    match vm.instance_dict(obj) {
        Some(d) => Ok(d.into()),
        None => Err(vm.new_attribute_error_msg(format!(
            "'{}' object has no attribute '__dict__'",
            vm.type_name(obj)
        ))),
    }
}

/// `__dict__` setter.
pub fn set_payload_dict(vm: &Vm, obj: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(value) = value else {
        return Err(vm.new_type_error("cannot delete __dict__"));
    };
    let Ok(d) = value.clone().into_downcast::<Dict>() else {
        return Err(vm.new_type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            vm.type_name(&value)
        )));
    };
    let Some(o) = obj.as_obj() else {
        return Err(vm.new_type_error("cannot set __dict__"));
    };
    if let Some(ext) = o.ext() {
        if !ext.has_dict_storage() {
            return Err(vm.new_attribute_error_msg(format!(
                "'{}' object has no attribute '__dict__'",
                vm.type_name(obj)
            )));
        }
        drop(ext.take_inline());
        drop(ext.install_dict(d));
        return Ok(());
    }
    match o.ty().slots.dictptr.get().and_then(|dp| dp(obj)) {
        Some(cell) => {
            drop(cell.replace(Some(d)));
            Ok(())
        }
        None => Err(vm.new_type_error("cannot set __dict__")),
    }
}
