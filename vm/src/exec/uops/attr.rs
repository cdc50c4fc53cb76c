//! Attribute instructions: loads (with the method-call shortcut), stores, deletes,
//! `super()` attribute loads and special-method lookup for `with`.

use std::cell::Cell;

use crate::exec::{Ctx, Flow};
use crate::instr::CodeUnit;
use crate::instr::cache::{LoadAttrCache, StoreAttrCache};
use crate::object::{ObjRef, Py, Value};
use crate::runtime::attr;
use crate::runtime::cache::{CachedPlace, KeyHint};
use crate::runtime::{PyResult, Vm};
use crate::tri;
use crate::types::descr::{MethodDescr, MethodKind, SlotWrapper};
use crate::types::dict::Dict;
use crate::types::function::Function;
use crate::types::module::Module;
use crate::types::str::Str;
use crate::types::type_;

/// Whether `v` is a plain function-like attribute that binds its instance as the first
/// argument (CPython's `Py_TPFLAGS_METHOD_DESCRIPTOR`).
#[inline]
pub(crate) fn is_method_like(v: &Value) -> bool {
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
///
/// A register instruction: its hit paths (an instance attribute at the place the
/// instruction's own cache names, a method, a class attribute or a module entry found
/// through the caches) only read; everything else calls VM functions that take no context
/// (a property or `__getattr__` runs in a nested loop), after saving the instruction
/// pointer for `f_lineno` (dropping the owner may run a `__del__` too).
#[inline(always)]
pub(crate) fn _LOAD_ATTR<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    c.save_ip();
    let owner = tri!(c.r.pop());
    let method = c.oparg & 1 != 0;
    if let Value::Obj(o) = &owner {
        // What this instruction found last time, if the type is the same.
        let version = c.cache_u32(LOAD_VERSION);
        if version != 0 && o.ty().version() == version {
            let place = c.cache_u16(LOAD_PLACE);
            if place & PLACE_KIND == PLACE_TYPE_ATTR {
                if let Some((kind, v)) = cached_type_attr(c, o, place) {
                    if kind == KIND_METHOD {
                        return push_method(c, v, owner, method);
                    }
                    drop(owner);
                    tri!(c.r.push(v));
                    if method {
                        tri!(c.r.push(Value::NULL));
                    }
                    return Flow::Next;
                }
            } else if let Some(v) = read_at(o, place) {
                drop(owner);
                tri!(c.r.push(v));
                if method {
                    tri!(c.r.push(Value::NULL));
                }
                return Flow::Next;
            }
        }
        let found = if o.ty().is(&c.vm.types.module) {
            // `module.name` (`math.sqrt`): straight from the module's dict.
            let Some(name) = c.name(c.oparg >> 1) else {
                return Flow::Fault;
            };
            let cells = [
                c.r.cache_cell(c.ip + 1 + MODULE_ENTRY),
                c.r.cache_cell(c.ip + 1 + LOAD_VERSION),
                c.r.cache_cell(c.ip + 2 + LOAD_VERSION),
            ];
            module_attribute(cells, o, name)
        } else if type_::uses_type_getattro(o.ty()) {
            // `Cls.attr`: `type_getattro`'s hit path without the slot call.
            let Some(name) = c.name(c.oparg >> 1) else {
                return Flow::Fault;
            };
            type_::cached_class_attr(c.vm, o, name)
        } else {
            None
        };
        if let Some(v) = found {
            drop(owner);
            tri!(c.r.push(v));
            if method {
                tri!(c.r.push(Value::NULL));
            }
            return Flow::Next;
        }
    }
    let Some(name) = c.name(c.oparg >> 1) else {
        return Flow::Fault;
    };
    let cache =
        c.r.cache_cells(c.ip + 1, usize::from(LoadAttrCache::LAYOUT.size()));
    if method
        && let Value::Obj(o) = &owner
        && let Some((f, guard)) = attr::cached_method_guarded(c.vm, &owner, name)
    {
        // `get_method`'s hit path inline (a site that sees several types takes it every
        // time), remembering the method in the instruction's cache.
        if let Value::Obj(fo) = &f
            && should_fill(cache)
        {
            remember_type_attr(cache, o, KIND_METHOD, fo.addr() as u64, guard);
        }
        tri!(c.r.push(f));
        tri!(c.r.push(owner));
        return Flow::Next;
    }
    // The generic getattr's hit path inline (no slot call), remembering where the
    // attribute was for the next time: what sites that see several types (a base class's
    // method reading `self.x`) take every time.
    if let Value::Obj(o) = &owner
        && attr::uses_generic_getattr(o.ty())
        && let Some(v) = cached_get_remember(c.vm, cache, o, name)
    {
        drop(owner);
        tri!(c.r.push(v));
        if method {
            tri!(c.r.push(Value::NULL));
        }
        return Flow::Next;
    }
    match load_attr_general(c.vm, cache, owner, name, method) {
        Ok((v, this)) => {
            tri!(c.r.push(v));
            if method {
                tri!(c.r.push(this));
            }
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}

/// `LOAD_ATTR` past the hit paths (of its own cache, the generic getattr's), out of line:
/// `(attribute, NULL)` or, for a method load, `(method, owner)`. It fills the
/// instruction's `cache` for the next time with a method the instance cannot shadow.
#[inline(never)]
fn load_attr_general(
    vm: &Vm,
    cache: &[Cell<CodeUnit>],
    owner: Value,
    name: &Py<Str>,
    method: bool,
) -> PyResult<(Value, Value)> {
    let Value::Obj(o) = &owner else {
        return if method {
            get_method_pair(vm, owner, name)
        } else {
            Ok((vm.getattr(&owner, name)?, Value::NULL))
        };
    };
    if !method && attr::uses_generic_getattr(o.ty()) {
        // The hit path ran in `LOAD_ATTR`: the rest of the generic getattr. `o.m`, a plain
        // function that the instance cannot shadow, is remembered in the instruction's
        // cache (to be bound there the next time).
        let (found, hint) = vm.type_lookup_hint(o.ty(), name);
        if let Some(Value::Obj(fo)) = &found
            && fo.downcast::<Function>().is_some()
            && let Some(guard) = attr::unshadowed_guard(o, hint)
            && should_fill(cache)
        {
            remember_type_attr(cache, o, KIND_METHOD, fo.addr() as u64, guard);
        }
        return Ok((
            attr::getattr_found(vm, &owner, name, found, hint)?,
            Value::NULL,
        ));
    }
    if method {
        get_method_pair(vm, owner, name)
    } else {
        Ok((vm.getattr(&owner, name)?, Value::NULL))
    }
}

/// [`get_method`] as `LOAD_ATTR`'s pair: `(method, owner)` or `(attribute, NULL)`.
fn get_method_pair(vm: &Vm, owner: Value, name: &Py<Str>) -> PyResult<(Value, Value)> {
    Ok(match get_method(vm, &owner, name)? {
        (m, true) => (m, owner),
        (attr, false) => (attr, Value::NULL),
    })
}

/// Pushes what `LOAD_ATTR` gives for the method `f` of `owner` that the instance does not
/// shadow: `(f, owner)` for a method load, else the bound method.
#[inline(always)]
fn push_method<const L: bool>(c: &mut Ctx<'_, L>, f: Value, owner: Value, method: bool) -> Flow {
    if method {
        tri!(c.r.push(f));
        tri!(c.r.push(owner));
    } else {
        let bound = crate::types::function::new_method(c.vm, f, owner);
        tri!(c.r.push(bound.into()));
    }
    Flow::Next
}

// The generic `LOAD_ATTR`'s and `STORE_ATTR`'s own inline caches (nothing specializes
// them yet): the type version the place was found for, and the place, a unit of
// `PLACE_INLINE | index` (an inline value: nothing of that name along the MRO) or
// `PLACE_SLOT | index` (a `__slots__` member descriptor, a data descriptor). A type's
// version names one type in one state (versions come from one counter and a change to
// the type or its MRO gives it a new one), so while the owner's type has that version the
// attribute is still where it was; version 0 (quickened, or nothing cached) never
// matches. A specializer that reuses these units for its own forms must zero them when
// it deoptimizes back to the generic instruction.
const LOAD_VERSION: usize = LoadAttrCache::version.offset as usize;
const LOAD_PLACE: usize = LoadAttrCache::keys_version.offset as usize;
const STORE_VERSION: usize = StoreAttrCache::version.offset as usize;
const STORE_PLACE: usize = StoreAttrCache::index.offset as usize;
const PLACE_INLINE: u16 = 0x4000;
const PLACE_SLOT: u16 = 0x8000;
const PLACE_INDEX: u16 = 0x3fff;
// `LOAD_ATTR` only: `PLACE_TYPE_ATTR | guard`, an attribute of the type that the instance
// cannot shadow: a method (CPython's `LOAD_ATTR_METHOD_WITH_VALUES` / `_NO_DICT`) or a
// class attribute without `__get__` (`LOAD_ATTR_CLASS`-like, read through an instance).
// The unit at `LOAD_KIND` says which (`KIND_*`) and the `descr` units hold the method's or
// the object's address, or an immediate value's bits. `guard` is the class's shared-keys
// length at which they lacked the name (the instance keeps its attributes inline), or
// `NO_STORAGE` (instances have no attribute storage). An address is borrowed: while the
// type has the version, the attribute is what the lookup along its MRO finds, which a
// type's dict holds (a type changes its version before its dict or MRO can drop anything,
// and versions are never reused).
const PLACE_KIND: u16 = 0xc000;
const PLACE_TYPE_ATTR: u16 = 0xc000;
const NO_STORAGE: u16 = PLACE_INDEX;
const LOAD_KIND: usize = LoadAttrCache::keys_version.offset as usize + 1;
const LOAD_BITS: usize = LoadAttrCache::descr.offset as usize;
/// A method: `o.m()` pushes it with the instance, `o.m` binds it.
const KIND_METHOD: u16 = 0;
/// An object, as is.
const KIND_OBJ: u16 = 1;
const KIND_INT: u16 = 2;
const KIND_FLOAT: u16 = 3;
const KIND_NONE: u16 = 4;
const KIND_BOOL: u16 = 5;
/// The kind's bits of the `LOAD_KIND` unit (the rest counts misses: `should_fill`).
const KIND_MASK: u16 = 0xff;

/// The cache unit for `place` (0: not cacheable).
#[inline(always)]
fn place_unit(place: &CachedPlace) -> u16 {
    match *place {
        CachedPlace::Inline(i) if i <= usize::from(PLACE_INDEX) => PLACE_INLINE | i as u16,
        CachedPlace::Slot(i) if i <= usize::from(PLACE_INDEX) => PLACE_SLOT | i as u16,
        _ => 0,
    }
}

/// The attribute of `o` at the (inline or slot) place `LOAD_ATTR`'s cache names for its
/// type, if it is set.
#[inline(always)]
fn read_at(o: &ObjRef, place: u16) -> Option<Value> {
    let ext = o.ext()?;
    let index = usize::from(place & PLACE_INDEX);
    if place & PLACE_INLINE != 0 {
        ext.get_inline(index)
    } else if place & PLACE_SLOT != 0 {
        Some(ext.slot(index)).filter(|v| !v.is_null())
    } else {
        None
    }
}

/// The type attribute `LOAD_ATTR`'s cache names, with its kind (`place` is a
/// `PLACE_TYPE_ATTR` unit for the type of `o`, whose version matched), when `o` still cannot
/// shadow it.
#[inline(always)]
fn cached_type_attr<const L: bool>(c: &Ctx<'_, L>, o: &ObjRef, place: u16) -> Option<(u16, Value)> {
    let guard = match place & PLACE_INDEX {
        NO_STORAGE => attr::Unshadowed::NoStorage,
        len => attr::Unshadowed::KeysLen(usize::from(len)),
    };
    if !attr::still_unshadowed(o, guard) {
        return None;
    }
    let bits = (0..4).fold(0u64, |a, i| {
        a | u64::from(c.cache_u16(LOAD_BITS + i)) << (16 * i)
    });
    let kind = c.cache_u16(LOAD_KIND) & KIND_MASK;
    let v = match kind {
        // SAFETY: the address was stored with the version, which the type still has, so the
        // object is alive (see `PLACE_TYPE_ATTR`).
        KIND_METHOD => Value::Obj(unsafe { crate::object::core::new_ref_at(bits as usize) }?),
        KIND_OBJ => {
            // SAFETY: as for a method.
            let v = unsafe { crate::object::core::new_ref_at(bits as usize) }?;
            // Its class may have gained a `__get__` since (without changing this type).
            if v.ty().slots.descr_get.get().is_some() {
                return None;
            }
            Value::Obj(v)
        }
        KIND_INT => Value::Int(bits as i64),
        KIND_FLOAT => Value::Float(f64::from_bits(bits)),
        KIND_NONE => Value::None,
        KIND_BOOL => Value::from(bits != 0),
        _ => return None,
    };
    Some((kind, v))
}

/// Whether a type attribute found past `LOAD_ATTR`'s own cache should replace what the
/// cache holds: always when it holds nothing; else (a site that sees several types) every
/// `REFILL_AFTER`th time, counted in the high byte of the `LOAD_KIND` unit (the
/// specializer's counter unit is not ours), so that such a site does not rewrite its cache
/// on every execution and still follows a site whose type changed for good.
#[inline(always)]
fn should_fill(cache: &[Cell<CodeUnit>]) -> bool {
    const REFILL_AFTER: u16 = 8;
    let unit = |i: usize| cache.get(i).map_or(0, |c| c.get().cache());
    if unit(LOAD_VERSION) == 0 && unit(LOAD_VERSION + 1) == 0 {
        return true;
    }
    let kind = unit(LOAD_KIND);
    let misses = (kind >> 8) + 1;
    let fill = misses >= REFILL_AFTER;
    set_unit(
        cache,
        LOAD_KIND,
        (kind & KIND_MASK) | if fill { 0 } else { misses << 8 },
    );
    fill
}

/// Records in `LOAD_ATTR`'s cache the type attribute of `kind` and `bits` found for the type
/// of `o`, which the instance cannot shadow for `guard`.
#[inline(never)]
fn remember_type_attr(
    cache: &[Cell<CodeUnit>],
    o: &ObjRef,
    kind: u16,
    bits: u64,
    guard: attr::Unshadowed,
) {
    let version = o.ty().version();
    let unit = match guard {
        attr::Unshadowed::NoStorage => PLACE_TYPE_ATTR | NO_STORAGE,
        attr::Unshadowed::KeysLen(len) if len < usize::from(NO_STORAGE) => {
            PLACE_TYPE_ATTR | len as u16
        }
        attr::Unshadowed::KeysLen(_) => return,
    };
    if version == 0 {
        return;
    }
    for i in 0..4 {
        set_unit(cache, LOAD_BITS + i, (bits >> (16 * i)) as u16);
    }
    set_unit(cache, LOAD_KIND, kind);
    set_version(cache, LOAD_VERSION, version);
    set_unit(cache, LOAD_PLACE, unit);
}

/// A class attribute without `__get__` as `LOAD_ATTR`'s cache keeps it: kind and bits.
fn class_value_bits(v: &Value) -> Option<(u16, u64)> {
    Some(match v {
        Value::Obj(o) => (KIND_OBJ, o.addr() as u64),
        Value::Int(i) => (KIND_INT, *i as u64),
        Value::Float(f) => (KIND_FLOAT, f.to_bits()),
        Value::None => (KIND_NONE, 0),
        Value::Bool(b) => (KIND_BOOL, u64::from(*b)),
        Value::Null => return None,
    })
}

/// [`attr::cached_get`] that also records the place in `LOAD_ATTR`'s cache.
#[inline(always)]
fn cached_get_remember(
    vm: &Vm,
    cache: &[Cell<CodeUnit>],
    o: &ObjRef,
    name: &Py<Str>,
) -> Option<Value> {
    let ty = o.ty();
    let place = vm.cached_place(ty, name)?;
    let unit = place_unit(&place);
    if unit != 0 {
        set_version(cache, LOAD_VERSION, ty.version());
        set_unit(cache, LOAD_PLACE, unit);
    }
    let guard = match &place {
        CachedPlace::Class(_, hint) => Some(attr::Unshadowed::KeysLen(
            (hint.0 & !KeyHint::ABSENT) as usize,
        )),
        _ => None,
    };
    let v = attr::read_place(o, place)?;
    if let Some(guard) = guard
        && let Some((kind, bits)) = class_value_bits(&v)
    {
        // Read, so the instance keeps its attributes inline and lacks the name.
        remember_type_attr(cache, o, kind, bits, guard);
    }
    Some(v)
}

/// Writes cache unit `offset` of an instruction's `cache`.
#[inline(always)]
fn set_unit(cache: &[Cell<CodeUnit>], offset: usize, v: u16) {
    if let Some(cell) = cache.get(offset) {
        cell.set(CodeUnit::from_cache(v));
    }
}

/// Writes a type version into the two cache units at `offset` (as `Ctx::set_cache_u32`).
#[inline(always)]
fn set_version(cache: &[Cell<CodeUnit>], offset: usize, version: u32) {
    set_unit(cache, offset, version as u16);
    set_unit(cache, offset + 1, (version >> 16) as u16);
}

/// The cache unit where `LOAD_ATTR` keeps, for a module attribute, one more than the
/// index of the name's entry in the module's dict (0: nothing cached).
const MODULE_ENTRY: usize = LoadAttrCache::descr.offset as usize;

/// `LOAD_ATTR` on an exact module (CPython's `LOAD_ATTR_MODULE`): the attribute found in
/// the module's dict, for names the module type cannot intercept. The module type is
/// immutable and neither it nor `object` has a data descriptor whose name does not start
/// with `__`, so for other names the generic lookup would return the dict's value as is.
/// The cached entry index is checked by key identity (a dict holds one entry per key), so
/// it is right for any module and whatever the cache unit holds; misses (and `__getattr__`,
/// errors) take the generic path. `cells` are the entry's unit and the type version's two.
#[inline(always)]
fn module_attribute(
    cells: [&Cell<CodeUnit>; 3],
    o: &crate::object::ObjRef,
    name: &Py<Str>,
) -> Option<Value> {
    let dict = o.downcast::<Module>()?.dict();
    let cached = usize::from(cells[0].get().cache());
    if cached != 0
        && let Some(v) = dict.value_if_key_at(cached - 1, name)
    {
        return Some(v);
    }
    module_attribute_miss(cells, dict, name)
}

#[inline(never)]
fn module_attribute_miss(
    cells: [&Cell<CodeUnit>; 3],
    dict: &Py<Dict>,
    name: &Py<Str>,
) -> Option<Value> {
    if name.as_bytes().starts_with(b"__") {
        return None;
    }
    let (ix, v) = dict.get_str_indexed(name)?;
    if let Ok(unit) = u16::try_from(ix + 1) {
        cells[0].set(CodeUnit::from_cache(unit));
        // The unit is also the first of a type attribute's bits (`PLACE_TYPE_ATTR`):
        // forget them.
        cells[1].set(CodeUnit::from_cache(0));
        cells[2].set(CodeUnit::from_cache(0));
    }
    Some(v)
}

/// `STORE_ATTR`: `(v, owner --)`.
///
/// A register instruction, as `LOAD_ATTR`: the store at the place the instruction's cache
/// (or the method cache) names is inline; the rest calls `Vm::setattr`.
#[inline(always)]
pub(crate) fn _STORE_ATTR<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let Some(name) = c.name(c.oparg) else {
        return Flow::Fault;
    };
    c.save_ip();
    let owner = tri!(c.r.pop());
    let v = tri!(c.r.pop());
    let v = match &owner {
        Value::Obj(o) => match cached_write(c, o, name, v) {
            Ok(old) => {
                drop(old);
                drop(owner);
                return Flow::Next;
            }
            Err(v) => v,
        },
        _ => v,
    };
    match c.vm.setattr(&owner, name, v) {
        Ok(()) => Flow::Next,
        Err(e) => c.error(e),
    }
}

/// `STORE_ATTR`'s hit path: stores `v` at the place the instruction's cache names for the
/// owner's type, else (for types using the generic setattr) where the method cache says
/// instances keep `name`, recording it. Returns the old value to drop, or gives `v` back.
#[inline(always)]
fn cached_write<const L: bool>(
    c: &Ctx<'_, L>,
    o: &ObjRef,
    name: &Py<Str>,
    v: Value,
) -> Result<Value, Value> {
    let ty = o.ty();
    let version = c.cache_u32(STORE_VERSION);
    if version == 0 || ty.version() != version {
        let cells = [
            c.r.cache_cell(c.ip + 1 + STORE_VERSION),
            c.r.cache_cell(c.ip + 2 + STORE_VERSION),
            c.r.cache_cell(c.ip + 1 + STORE_PLACE),
        ];
        return cached_write_miss(c.vm, cells, o, name, v);
    }
    let unit = c.cache_u16(STORE_PLACE);
    let index = usize::from(unit & PLACE_INDEX);
    let Some(ext) = o.ext() else {
        return Err(v);
    };
    if unit & PLACE_INLINE != 0 {
        ext.store_inline_at(index, v)
    } else if unit & PLACE_SLOT != 0 && index < ext.slot_count() {
        Ok(ext.set_slot(index, v))
    } else {
        Err(v)
    }
}

/// [`cached_write`] when the instruction's cache does not know the owner's type: the
/// method cache's place, recorded in the instruction's cache `cells` (the version's two
/// units and the place's).
#[inline(never)]
fn cached_write_miss(
    vm: &crate::runtime::Vm,
    cells: [&Cell<CodeUnit>; 3],
    o: &ObjRef,
    name: &Py<Str>,
    v: Value,
) -> Result<Value, Value> {
    let ty = o.ty();
    if !attr::uses_generic_setattr(ty) {
        return Err(v);
    }
    let Some(place) = vm.cached_place(ty, name) else {
        return Err(v);
    };
    let unit = place_unit(&place);
    if unit != 0 {
        let version = ty.version();
        cells[0].set(CodeUnit::from_cache(version as u16));
        cells[1].set(CodeUnit::from_cache((version >> 16) as u16));
        cells[2].set(CodeUnit::from_cache(unit));
    }
    attr::write_place(o, place, v)
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

/// `LOAD_SUPER_ATTR`: `(super, class, self -- attr, self_or_null[oparg & 1])`; `oparg >>
/// 2` names the attribute, bit 1 calls `super(class, self)` (else `super()`), bit 0 loads
/// for a call: a method found pushes `(function, self)`, as CPython's specialized
/// `LOAD_SUPER_ATTR_METHOD` does (no bound method), anything else `(attr, NULL)`.
#[inline(always)]
pub(crate) fn _LOAD_SUPER_ATTR(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let this = tri!(c.r.pop());
    let class = tri!(c.r.pop());
    let global_super = tri!(c.r.pop());
    let Some(name) = c.name(c.oparg >> 2) else {
        return Flow::Fault;
    };
    let vm = c.vm;
    if c.oparg & 1 != 0 {
        return super_method(c, global_super, class, this, name);
    }
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
    match generic_super_attr(vm, c.oparg, &global_super, class, this, name) {
        Ok(v) => {
            tri!(c.r.push(v));
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}

/// `LOAD_SUPER_ATTR`'s generic path: call `super` (with `(class, self)` when bit 1 of
/// `oparg` says so) and get the attribute from the result; it also produces every error
/// message.
fn generic_super_attr(
    vm: &Vm,
    oparg: u32,
    global_super: &Value,
    class: Value,
    this: Value,
    name: &Py<Str>,
) -> PyResult<Value> {
    let sup = if oparg & 2 != 0 {
        vm.call_pos(global_super, &[class, this])?
    } else {
        vm.call_pos(global_super, &[])?
    };
    vm.getattr(&sup, name)
}

/// The method form of [`_LOAD_SUPER_ATTR`], out of line: `(function, self)` for a method
/// found without a `super` object, else `(attr, NULL)`.
#[inline(never)]
fn super_method(
    c: &mut Ctx<'_>,
    global_super: Value,
    class: Value,
    this: Value,
    name: &Py<Str>,
) -> Flow {
    let vm = c.vm;
    let found = crate::types::super_::load_super_method(vm, &global_super, &class, &this, name);
    let attr = match found {
        Some(Ok((func, true))) => {
            tri!(c.r.push(func));
            tri!(c.r.push(this));
            return Flow::Next;
        }
        Some(Ok((attr, false))) => Ok(attr),
        Some(Err(e)) => Err(e),
        None => generic_super_attr(vm, c.oparg, &global_super, class, this, name),
    };
    match attr {
        Ok(v) => {
            tri!(c.r.push(v));
            tri!(c.r.push(Value::NULL));
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
