//! Module specs and loaders for the import system: builds the `__spec__` / `__loader__` /
//! `__cached__` a module gets (objects of the embedded `_frozen_importlib` module), and
//! tracks `__spec__._initializing` for the "partially initialized module" error.

use crate::object::{Py, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::types::dict::Dict;

/// The embedded module holding `ModuleSpec` and the loader classes.
const BOOTSTRAP: &str = "_frozen_importlib";

/// Where a module's code comes from.
pub enum Origin<'a> {
    /// A native (Rust) module.
    Builtin,
    /// A Python module embedded in the binary.
    Frozen,
    /// A `.py` file.
    File(&'a str),
    /// An implicit namespace package: its directories.
    Namespace(&'a [String]),
}

/// The class `name` of the bootstrap module, or `None` while that module is itself loading
/// (its own spec is filled in afterwards).
fn bootstrap_class(vm: &Vm, name: &str) -> PyResult<Option<Value>> {
    let module = super::import::import_absolute(vm, BOOTSTRAP)?;
    vm.getattr_opt(&module, &vm.intern(name))
}

/// Sets `__spec__`, `__loader__` (and `__cached__` for files) in namespace `d` of module
/// `name`; `path` is a package's `__path__` (made the spec's search locations).
pub fn init_module_attrs(
    vm: &Vm,
    d: &Py<Dict>,
    name: &str,
    origin: Origin<'_>,
    path: Option<&Value>,
) -> PyResult<()> {
    if name == BOOTSTRAP {
        return Ok(());
    }
    let (Some(spec_cls), Some(loader)) = (
        bootstrap_class(vm, "ModuleSpec")?,
        make_loader(vm, name, &origin)?,
    ) else {
        return Ok(());
    };
    let origin_value: Value = match origin {
        Origin::Builtin => vm.new_str("built-in").into(),
        Origin::Frozen => vm.new_str("frozen").into(),
        Origin::File(f) => vm.new_str(f).into(),
        Origin::Namespace(_) => Value::None,
    };
    let kw = vm.new_tuple(vec![vm.intern("origin").into()]);
    let spec = vm.call(
        &spec_cls,
        Args::new(
            &[vm.new_str(name).into(), loader.clone(), origin_value],
            Some(&kw),
        ),
    )?;
    if let Some(p) = path {
        vm.setattr(&spec, &vm.intern("submodule_search_locations"), p.clone())?;
    }
    if matches!(origin, Origin::File(_)) {
        vm.setattr(&spec, &vm.intern("has_location"), Value::Bool(true))?;
        d.set_str(&vm.intern("__cached__"), Value::None);
    }
    d.set_str(&vm.names.__spec__, spec);
    d.set_str(&vm.names.__loader__, loader);
    Ok(())
}

/// The loader object for a module of this origin.
pub fn make_loader(vm: &Vm, name: &str, origin: &Origin<'_>) -> PyResult<Option<Value>> {
    Ok(match origin {
        Origin::Builtin => bootstrap_class(vm, "BuiltinImporter")?,
        Origin::Frozen => bootstrap_class(vm, "FrozenImporter")?,
        Origin::File(f) => match bootstrap_class(vm, "SourceFileLoader")? {
            Some(c) => Some(vm.call_pos(&c, &[vm.new_str(name).into(), vm.new_str(f).into()])?),
            None => None,
        },
        Origin::Namespace(dirs) => match bootstrap_class(vm, "NamespaceLoader")? {
            Some(c) => {
                let path = namespace_path(vm, name, dirs)?;
                Some(vm.call_pos(&c, &[vm.new_str(name).into(), path])?)
            }
            None => None,
        },
    })
}

/// A namespace package's `__path__` (`_NamespacePath([...])`).
pub fn namespace_path(vm: &Vm, name: &str, dirs: &[String]) -> PyResult<Value> {
    let items: Vec<Value> = dirs.iter().map(|d| vm.new_str(d).into()).collect();
    let list: Value = vm.new_list(items).into();
    match bootstrap_class(vm, "_NamespacePath")? {
        Some(c) => vm.call_pos(&c, &[vm.new_str(name).into(), list]),
        None => Ok(list),
    }
}

/// Marks module namespace `d` as executing (or done), through its spec's `_initializing`.
pub fn set_initializing(vm: &Vm, d: &Py<Dict>, on: bool) {
    if let Some(spec) = d.get_str(&vm.names.__spec__)
        && !spec.is_none()
    {
        // A spec without the attribute (a user's object) just keeps CPython's plain message.
        let _ = vm.setattr(&spec, &vm.intern("_initializing"), Value::Bool(on));
    }
}

/// Whether `module` is still executing its body (CPython's `_PyModuleSpec_IsInitializing`).
pub fn is_initializing(vm: &Vm, module: &Value) -> bool {
    let Ok(Some(spec)) = vm.getattr_opt(module, &vm.names.__spec__) else {
        return false;
    };
    matches!(
        vm.getattr_opt(&spec, &vm.intern("_initializing")),
        Ok(Some(v)) if vm.is_true(&v).unwrap_or(false)
    )
}
