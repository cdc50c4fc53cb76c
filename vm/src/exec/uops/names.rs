//! Name resolution: module and class namespaces (`*_NAME`), globals and builtins
//! (`*_GLOBAL`), imports, and the other namespace-level instructions.

use crate::exec::{Ctx, Flow};
use crate::instr::cache::LoadGlobalCache;
use crate::object::{Py, Value};
use crate::runtime::{PyResult, Vm};
use crate::tri;
use crate::types::dict::Dict;
use crate::types::str::Str;

/// `mapping[name]` for a namespace: `None` when missing (KeyError swallowed).
pub(crate) fn mapping_get(vm: &Vm, mapping: &Value, name: &Py<Str>) -> PyResult<Option<Value>> {
    if let Some(d) = mapping.downcast::<Dict>()
        && mapping.class(vm).is(&vm.types.dict)
    {
        if let Some(v) = d.get_str(name) {
            return Ok(Some(v));
        }
        return d.get_item(vm, &Value::from(name));
    }
    match vm.getitem(mapping, &Value::from(name)) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.matches(&vm.exc.key_error) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Looks `name` up in globals, then builtins.
#[inline(always)]
pub(crate) fn global_lookup(
    vm: &Vm,
    globals: &Py<Dict>,
    builtins: &Py<Dict>,
    name: &Py<Str>,
) -> PyResult<Option<Value>> {
    if let Some(v) = Dict::get_str_chain(globals, builtins, name) {
        return Ok(Some(v));
    }
    global_lookup_general(vm, globals, builtins, name)
}

/// [`global_lookup`] for namespaces with non-str keys (or a missing name).
#[inline(never)]
fn global_lookup_general(
    vm: &Vm,
    globals: &Py<Dict>,
    builtins: &Py<Dict>,
    name: &Py<Str>,
) -> PyResult<Option<Value>> {
    if let Some(v) = globals.get_item(vm, &Value::from(name))? {
        return Ok(Some(v));
    }
    builtins.get_item(vm, &Value::from(name))
}

fn name_or_fault<'f>(c: &mut Ctx<'_>, i: u32) -> Result<&'f Py<Str>, Flow> {
    c.name(i).ok_or(Flow::Fault)
}

/// `LOAD_NAME`.
#[inline(always)]
pub(crate) fn _LOAD_NAME(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let name = match name_or_fault(c, c.oparg) {
        Ok(n) => n,
        Err(f) => return f,
    };
    let frame = c.frame();
    let locals = frame.locals_mapping();
    if locals.is_null() {
        return c
            .error(c.vm.new_system_error(format!("no locals when loading '{}'", name.to_lossy())));
    }
    let found = match mapping_get(c.vm, &locals, name) {
        Ok(Some(v)) => Some(v),
        Ok(None) => match global_lookup(c.vm, frame.globals(), frame.builtins(), name) {
            Ok(v) => v,
            Err(e) => return c.error(e),
        },
        Err(e) => return c.error(e),
    };
    push_found(c, found, name)
}

/// `STORE_NAME`.
#[inline(always)]
pub(crate) fn _STORE_NAME(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let v = tri!(c.r.pop());
    let name = match name_or_fault(c, c.oparg) {
        Ok(n) => n,
        Err(f) => return f,
    };
    let locals = c.frame().locals_mapping();
    if locals.is_null() {
        return c.error(c.vm.new_system_error(format!(
            "no locals found when storing '{}'",
            name.to_lossy()
        )));
    }
    if let Some(d) = locals.downcast::<Dict>()
        && locals.class(c.vm).is(&c.vm.types.dict)
    {
        d.set_str(name, v);
        return Flow::Next;
    }
    match c.vm.setitem(&locals, &Value::from(name), v) {
        Ok(()) => Flow::Next,
        Err(e) => c.error(e),
    }
}

/// `DELETE_NAME`.
#[inline(always)]
pub(crate) fn _DELETE_NAME(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let name = match name_or_fault(c, c.oparg) {
        Ok(n) => n,
        Err(f) => return f,
    };
    let locals = c.frame().locals_mapping();
    if locals.is_null() {
        return c.error(
            c.vm.new_system_error(format!("no locals when deleting '{}'", name.to_lossy())),
        );
    }
    match c.vm.delitem(&locals, &Value::from(name)) {
        Ok(()) => Flow::Next,
        Err(e) if e.matches(&c.vm.exc.key_error) => c.error(c.vm.new_name_error(name)),
        Err(e) => c.error(e),
    }
}

/// `LOAD_GLOBAL` (the NULL is pushed by the following `_PUSH_NULL_CONDITIONAL`).
///
/// The generic instruction keeps its own cache in the instruction's cache units (nothing
/// specializes `LOAD_GLOBAL` yet): an entry index and a version, read as
/// * version 0: the name is the key of globals entry `index`;
/// * otherwise: the name was absent from the globals dict whose keys version this is
///   (versions are unique to one key set, `Dict::keys_version`), and is the key of
///   builtins entry `index`.
///
/// A hit compares the entry's key with the name by identity, so it returns what the lookup
/// would, whatever the cache holds; no hashing or probing.
#[inline(always)]
pub(crate) fn _LOAD_GLOBAL<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let Some(name) = c.name(c.oparg >> 1) else {
        return Flow::Fault;
    };
    let version = u32::from(c.cache_u16(GLOBAL_VERSION_LO))
        | (u32::from(c.cache_u16(GLOBAL_VERSION_HI)) << 16);
    let index = usize::from(c.cache_u16(GLOBAL_INDEX));
    let frame = c.frame();
    let hit = if version == 0 {
        frame.globals().value_if_key_at(index, name)
    } else if frame.globals().keys_version() == version {
        frame.builtins().value_if_key_at(index, name)
    } else {
        None
    };
    match hit {
        Some(v) => {
            tri!(c.r.push(v));
            Flow::Next
        }
        // The miss runs dict lookups that may call Python code: on the memory context.
        None => match c.full() {
            Some(c) => load_global_miss(c, name),
            None => Flow::Escape,
        },
    }
}

/// Cache units of `LOAD_GLOBAL` that its generic cache uses (see [`_LOAD_GLOBAL`]).
const GLOBAL_VERSION_LO: usize = LoadGlobalCache::module_keys_version.offset as usize;
const GLOBAL_VERSION_HI: usize = LoadGlobalCache::builtin_keys_version.offset as usize;
const GLOBAL_INDEX: usize = LoadGlobalCache::index.offset as usize;

/// [`_LOAD_GLOBAL`]'s lookup when its cache misses; refills the cache.
#[inline(never)]
fn load_global_miss(c: &mut Ctx<'_>, name: &Py<Str>) -> Flow {
    let frame = c.frame();
    let (globals, builtins) = (frame.globals(), frame.builtins());
    let found = if let Some((ix, v)) = globals.get_str_indexed(name) {
        set_global_cache(c, 0, ix);
        Some(v)
    } else if let Some((ix, v)) = builtins.get_str_indexed(name) {
        let version = globals.keys_version();
        if version != 0 {
            set_global_cache(c, version, ix);
        }
        Some(v)
    } else {
        None
    };
    let found = match found {
        Some(v) => Some(v),
        None => match global_lookup_general(c.vm, globals, builtins, name) {
            Ok(v) => v,
            Err(e) => return c.error(e),
        },
    };
    push_found(c, found, name)
}

fn set_global_cache(c: &Ctx<'_>, version: u32, index: usize) {
    let Ok(index) = u16::try_from(index) else {
        return;
    };
    c.set_cache_u16(GLOBAL_VERSION_LO, version as u16);
    c.set_cache_u16(GLOBAL_VERSION_HI, (version >> 16) as u16);
    c.set_cache_u16(GLOBAL_INDEX, index);
}

/// `STORE_GLOBAL`.
#[inline(always)]
pub(crate) fn _STORE_GLOBAL(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let v = tri!(c.r.pop());
    let name = match name_or_fault(c, c.oparg) {
        Ok(n) => n,
        Err(f) => return f,
    };
    c.frame().globals().set_str(name, v);
    Flow::Next
}

/// `DELETE_GLOBAL`.
#[inline(always)]
pub(crate) fn _DELETE_GLOBAL(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let name = match name_or_fault(c, c.oparg) {
        Ok(n) => n,
        Err(f) => return f,
    };
    match c.frame().globals().pop_item(c.vm, &Value::from(name)) {
        Ok(Some(_)) => Flow::Next,
        Ok(None) => c.error(c.vm.new_name_error(name)),
        Err(e) => c.error(e),
    }
}

/// `LOAD_FROM_DICT_OR_GLOBALS`: `(mapping -- v)`: the mapping, then globals and builtins.
#[inline(always)]
pub(crate) fn _LOAD_FROM_DICT_OR_GLOBALS(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let mapping = tri!(c.r.pop());
    let name = match name_or_fault(c, c.oparg) {
        Ok(n) => n,
        Err(f) => return f,
    };
    let frame = c.frame();
    let found = match mapping_get(c.vm, &mapping, name) {
        Ok(Some(v)) => Some(v),
        Ok(None) => match global_lookup(c.vm, frame.globals(), frame.builtins(), name) {
            Ok(v) => v,
            Err(e) => return c.error(e),
        },
        Err(e) => return c.error(e),
    };
    push_found(c, found, name)
}

/// `LOAD_LOCALS`.
#[inline(always)]
pub(crate) fn _LOAD_LOCALS(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let locals = c.frame().locals_mapping();
    if locals.is_null() {
        return c.error(c.vm.new_system_error("no locals found"));
    }
    tri!(c.r.push(locals));
    Flow::Next
}

/// `LOAD_COMMON_CONSTANT`.
#[inline(always)]
pub(crate) fn _LOAD_COMMON_CONSTANT(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let vm = c.vm;
    let v: Value = match c.oparg {
        0 => vm.exc.assertion_error.clone().into(),
        1 => vm.exc.not_implemented_error.clone().into(),
        2 => vm.types.tuple.clone().into(),
        3 => vm
            .builtins_dict()
            .get_rust_str("all")
            .unwrap_or(Value::None),
        4 => vm
            .builtins_dict()
            .get_rust_str("any")
            .unwrap_or(Value::None),
        _ => return Flow::Fault,
    };
    tri!(c.r.push(v));
    Flow::Next
}

/// `LOAD_BUILD_CLASS`.
#[inline(always)]
pub(crate) fn _LOAD_BUILD_CLASS(c: &mut Ctx<'_>, _o: usize) -> Flow {
    match c.frame().builtins().get_str(&c.vm.names.__build_class__) {
        Some(f) => {
            tri!(c.r.push(f));
            Flow::Next
        }
        None => c.error(c.vm.new_name_error_msg("__build_class__ not found")),
    }
}

/// `SETUP_ANNOTATIONS`.
#[inline(always)]
pub(crate) fn _SETUP_ANNOTATIONS(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let locals = c.frame().locals_mapping();
    if locals.is_null() {
        return c.error(c.vm.new_system_error("no locals found when setting up annotations"));
    }
    match mapping_get(c.vm, &locals, &c.vm.names.__annotations__) {
        Ok(Some(_)) => Flow::Next,
        Ok(None) => {
            let d = c.vm.new_dict();
            match c.vm.setitem(
                &locals,
                &c.vm.names.__annotations__.clone().into(),
                d.into(),
            ) {
                Ok(()) => Flow::Next,
                Err(e) => c.error(e),
            }
        }
        Err(e) => c.error(e),
    }
}

/// `IMPORT_NAME`: `(level, fromlist -- module)`.
#[inline(always)]
pub(crate) fn _IMPORT_NAME(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let fromlist = tri!(c.r.pop());
    let level = tri!(c.r.pop());
    let name = match name_or_fault(c, c.oparg) {
        Ok(n) => n.clone(),
        Err(f) => return f,
    };
    let frame = c.frame();
    let globals = frame.globals().clone();
    let locals = frame.locals_mapping();
    match crate::exec::import::import_name(
        c.vm,
        &name,
        &globals,
        &locals,
        &fromlist,
        &level,
        frame.builtins(),
    ) {
        Ok(m) => {
            tri!(c.r.push(m));
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}

/// `IMPORT_FROM`: `(module -- module, attr)`.
#[inline(always)]
pub(crate) fn _IMPORT_FROM(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let module = tri!(c.r.peek(1)).clone();
    let name = match name_or_fault(c, c.oparg) {
        Ok(n) => n.clone(),
        Err(f) => return f,
    };
    match crate::exec::import::import_from(c.vm, &module, &name) {
        Ok(v) => {
            tri!(c.r.push(v));
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}

/// Pushes a name's value, or raises NameError when the lookup found nothing (the tail of
/// `LOAD_NAME`, `LOAD_GLOBAL`'s miss and `LOAD_FROM_DICT_OR_GLOBALS`).
fn push_found(c: &mut Ctx<'_>, found: Option<Value>, name: &Py<Str>) -> Flow {
    match found {
        Some(v) => {
            tri!(c.r.push(v));
            Flow::Next
        }
        None => c.error(c.vm.new_name_error(name)),
    }
}
