//! Attribute instructions: loads (with the method-call shortcut), stores, deletes,
//! `super()` attribute loads and special-method lookup for `with`.

use crate::exec::{Ctx, Flow};
use crate::instr::cache::LoadAttrCache;
use crate::object::{Py, Value};
use crate::runtime::attr;
use crate::runtime::cache::KeyHint;
use crate::runtime::{PyResult, Vm};
use crate::tri;
use crate::types::descr::{MethodDescr, MethodKind, SlotWrapper};
use crate::types::dict::Dict;
use crate::types::function::Function;
use crate::types::module::Module;
use crate::types::str::Str;

/// Whether `v` is a plain function-like attribute that binds its instance as the first
/// argument (CPython's `Py_TPFLAGS_METHOD_DESCRIPTOR`).
#[inline]
fn is_method_like(v: &Value) -> bool {
    v.downcast::<Function>().is_some()
        || v.downcast::<MethodDescr>()
            .is_some_and(|d| d.kind == MethodKind::Instance)
        || v.downcast::<SlotWrapper>().is_some()
}

/// CPython's `_PyObject_GetMethod`: `(callable, Some(self))` when `name` is a method found
/// on the type and not shadowed by the instance, else `(attribute, None)`.
#[inline(never)]
pub(crate) fn get_method(vm: &Vm, obj: &Value, name: &Py<Str>) -> PyResult<(Value, bool)> {
    if let Some(f) = crate::runtime::attr::cached_method(vm, obj, name) {
        return Ok((f, true));
    }
    get_method_general(vm, obj, name)
}

/// [`get_method`] past its hit path.
#[inline(never)]
fn get_method_general(vm: &Vm, obj: &Value, name: &Py<Str>) -> PyResult<(Value, bool)> {
    let ty = obj.class(vm);
    let generic = ty.slots.getattro.get().is_none_or(|f| {
        std::ptr::fn_addr_eq(
            f,
            crate::runtime::attr::generic_getattr as crate::object::slots::GetAttrFn,
        )
    });
    if !generic {
        return Ok((vm.getattr(obj, name)?, false));
    }
    match vm.type_lookup_hint(ty, name) {
        (Some(d), hint) if is_method_like(&d) => {
            // An instance attribute of the same name shadows the method; the method cache
            // usually knows that the instance has none.
            if let Value::Obj(o) = obj
                && let Some(ext) = o.ext()
                && ext.lacks_hinted(&o.ty().shared_keys, hint)
            {
                return Ok((d, true));
            }
            if let Some(v) = instance_attribute(vm, obj, name, hint)? {
                return Ok((v, false));
            }
            Ok((d, true))
        }
        (Some(d), hint) => attribute_with_descr(vm, obj, name, d, hint),
        (None, hint) => match instance_attribute(vm, obj, name, hint)? {
            Some(v) => Ok((v, false)),
            None => Err(vm.new_no_attribute(obj, name)),
        },
    }
}

/// [`get_method`] when the type's attribute is not a plain method: descriptor protocol.
#[inline(never)]
fn attribute_with_descr(
    vm: &Vm,
    obj: &Value,
    name: &Py<Str>,
    d: Value,
    hint: KeyHint,
) -> PyResult<(Value, bool)> {
    // Held as an owned reference: a descriptor may reassign `obj.__class__`.
    let ty = obj.class(vm).clone();
    let dt = d.class(vm);
    let getter = dt.slots.descr_get.get();
    if let Some(get) = getter
        && dt.slots.descr_set.get().is_some()
    {
        return Ok((get(vm, &d, Some(obj), Some(&Value::from(&ty)))?, false));
    }
    if let Some(v) = instance_attribute(vm, obj, name, hint)? {
        return Ok((v, false));
    }
    match getter {
        Some(get) => Ok((get(vm, &d, Some(obj), Some(&Value::from(&ty)))?, false)),
        None => Ok((d, false)),
    }
}

/// The instance's own attribute `name`; `hint` is the method cache's [`KeyHint`] for it on
/// the instance's type.
#[inline]
fn instance_attribute(
    vm: &Vm,
    obj: &Value,
    name: &Py<Str>,
    hint: KeyHint,
) -> PyResult<Option<Value>> {
    let Value::Obj(o) = obj else {
        return Ok(None);
    };
    if let Some(ext) = o.ext() {
        let ty = o.ty();
        let (index, new_hint) = ty.shared_keys.index_hinted(name, hint);
        if let Some(h) = new_hint {
            vm.remember_key_hint(ty, name, h);
        }
        match ext.get_attr_at(index) {
            Ok(v) => return Ok(v),
            Err(crate::object::instance::AttrPlace::Dict(d)) => {
                return dict_attribute(vm, &d, name);
            }
            Err(crate::object::instance::AttrPlace::None) => return Ok(None),
        }
    }
    if o.ty().slots.dictptr.get().is_none() {
        return Ok(None);
    }
    match vm.instance_dict(obj) {
        Some(d) => dict_attribute(vm, &d, name),
        None => Ok(None),
    }
}

/// An attribute from an instance's dict.
#[inline(never)]
fn dict_attribute(
    vm: &Vm,
    d: &Py<crate::types::dict::Dict>,
    name: &Py<Str>,
) -> PyResult<Option<Value>> {
    if let Some(v) = d.get_str(name) {
        return Ok(Some(v));
    }
    d.get_item(vm, &Value::from(name))
}

/// `LOAD_ATTR`: `oparg >> 1` names the attribute; with the low bit, a method load pushing
/// `(method, self)` or `(attr, NULL)`.
#[inline(always)]
pub(crate) fn _LOAD_ATTR(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let owner = tri!(c.r.pop());
    let Some(name) = c.name(c.oparg >> 1) else {
        return Flow::Fault;
    };
    // `module.name` (`math.sqrt`): straight from the module's dict.
    if let Value::Obj(o) = &owner
        && o.ty().is(&c.vm.types.module)
        && let Some(v) = module_attribute(c, o, name)
    {
        drop(owner);
        tri!(c.r.push(v));
        if c.oparg & 1 != 0 {
            tri!(c.r.push(Value::NULL));
        }
        return Flow::Next;
    }
    if c.oparg & 1 != 0 {
        // `get_method`'s hit path inline: no call.
        if let Some(m) = attr::cached_method(c.vm, &owner, name) {
            tri!(c.r.push(m));
            tri!(c.r.push(owner));
            return Flow::Next;
        }
        match get_method(c.vm, &owner, name) {
            Ok((m, true)) => {
                tri!(c.r.push(m));
                tri!(c.r.push(owner));
            }
            Ok((attr, false)) => {
                tri!(c.r.push(attr));
                tri!(c.r.push(Value::NULL));
            }
            Err(e) => return c.error(e),
        }
        return Flow::Next;
    }
    // The generic getattr's hit path inline: no slot call.
    if let Value::Obj(o) = &owner
        && attr::uses_generic_getattr(o.ty())
        && let Some(v) = attr::cached_get(c.vm, o, name)
    {
        drop(owner);
        tri!(c.r.push(v));
        return Flow::Next;
    }
    match c.vm.getattr(&owner, name) {
        Ok(v) => {
            tri!(c.r.push(v));
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}

/// The cache unit where `LOAD_ATTR` keeps, for a module attribute, one more than the
/// index of the name's entry in the module's dict (0: nothing cached).
const MODULE_ENTRY: usize = LoadAttrCache::keys_version.offset as usize;

/// `LOAD_ATTR` on an exact module (CPython's `LOAD_ATTR_MODULE`): the attribute found in
/// the module's dict, for names the module type cannot intercept. The module type is
/// immutable and neither it nor `object` has a data descriptor whose name does not start
/// with `__`, so for other names the generic lookup would return the dict's value as is.
/// The cached entry index is checked by key identity (a dict holds one entry per key), so
/// it is right for any module and whatever the cache unit holds; misses (and `__getattr__`,
/// errors) take the generic path.
#[inline(always)]
fn module_attribute(c: &Ctx<'_>, o: &crate::object::ObjRef, name: &Py<Str>) -> Option<Value> {
    let dict = o.downcast::<Module>()?.dict();
    let cached = usize::from(c.cache_u16(MODULE_ENTRY));
    if cached != 0
        && let Some(v) = dict.value_if_key_at(cached - 1, name)
    {
        return Some(v);
    }
    module_attribute_miss(c, dict, name)
}

#[inline(never)]
fn module_attribute_miss(c: &Ctx<'_>, dict: &Py<Dict>, name: &Py<Str>) -> Option<Value> {
    if name.as_bytes().starts_with(b"__") {
        return None;
    }
    let (ix, v) = dict.get_str_indexed(name)?;
    if let Ok(unit) = u16::try_from(ix + 1) {
        c.set_cache_u16(MODULE_ENTRY, unit);
    }
    Some(v)
}

/// `STORE_ATTR`: `(v, owner --)`.
#[inline(always)]
pub(crate) fn _STORE_ATTR(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let owner = tri!(c.r.pop());
    let v = tri!(c.r.pop());
    let Some(name) = c.name(c.oparg) else {
        return Flow::Fault;
    };
    // The generic setattr's hit path inline: no slot call.
    let v = match &owner {
        Value::Obj(o) if attr::uses_generic_setattr(o.ty()) => {
            match attr::cached_set(c.vm, o, name, v) {
                Ok(old) => {
                    drop(old);
                    drop(owner);
                    return Flow::Next;
                }
                Err(v) => v,
            }
        }
        _ => v,
    };
    match c.vm.setattr(&owner, name, v) {
        Ok(()) => Flow::Next,
        Err(e) => c.error(e),
    }
}

/// `DELETE_ATTR`.
#[inline(always)]
pub(crate) fn _DELETE_ATTR(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let owner = tri!(c.r.pop());
    let Some(name) = c.name(c.oparg) else {
        return Flow::Fault;
    };
    match c.vm.delattr(&owner, name) {
        Ok(()) => Flow::Next,
        Err(e) => c.error(e),
    }
}

/// `LOAD_SUPER_ATTR`: `(super, class, self -- attr)`; `oparg >> 2` names the attribute,
/// bit 1 calls `super(class, self)` (else `super()`).
#[inline(always)]
pub(crate) fn _LOAD_SUPER_ATTR(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let this = tri!(c.r.pop());
    let class = tri!(c.r.pop());
    let global_super = tri!(c.r.pop());
    let Some(name) = c.name(c.oparg >> 2) else {
        return Flow::Fault;
    };
    let vm = c.vm;
    // The zero-argument form has `__class__` and the first argument on the stack too, the
    // values `super()` would read from the frame (CPython's specialized forms use them).
    if let Some(found) =
        crate::types::super_::load_super_attr(vm, &global_super, &class, &this, name)
    {
        return match found {
            Ok(v) => {
                tri!(c.r.push(v));
                Flow::Next
            }
            Err(e) => c.error(e),
        };
    }
    let sup = if c.oparg & 2 != 0 {
        vm.call_pos(&global_super, &[class, this])
    } else {
        vm.call_pos(&global_super, &[])
    };
    let sup = match sup {
        Ok(s) => s,
        Err(e) => return c.error(e),
    };
    match vm.getattr(&sup, name) {
        Ok(v) => {
            tri!(c.r.push(v));
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}

/// `LOAD_SPECIAL`: `(NULL, self -- method, self)` or `(bound, NULL)` for `__enter__`,
/// `__exit__`, `__aenter__`, `__aexit__`.
#[inline(always)]
pub(crate) fn _LOAD_SPECIAL(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let (name, asynchronous) = match c.oparg {
        0 => ("__enter__", false),
        1 => ("__exit__", false),
        2 => ("__aenter__", true),
        3 => ("__aexit__", true),
        _ => return Flow::Fault,
    };
    let this = tri!(c.r.pop());
    drop(tri!(c.r.pop()));
    let vm = c.vm;
    let n = vm.intern(name);
    let found = vm.type_lookup(this.class(vm), &n);
    let Some(f) = found else {
        return c.error(vm.new_type_error(format!(
            "'{}' object does not support the {}context manager protocol (missed {name} method)",
            vm.type_name(&this),
            if asynchronous { "asynchronous " } else { "" }
        )));
    };
    if is_method_like(&f) {
        tri!(c.r.push(f));
        tri!(c.r.push(this));
        return Flow::Next;
    }
    let bound = match f.class(vm).slots.descr_get.get() {
        Some(get) => match get(
            vm,
            &f,
            Some(&this),
            Some(&Value::from(this.class(vm).clone())),
        ) {
            Ok(b) => b,
            Err(e) => return c.error(e),
        },
        None => f,
    };
    tri!(c.r.push(bound));
    tri!(c.r.push(Value::NULL));
    Flow::Next
}
