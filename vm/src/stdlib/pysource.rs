//! Modules written in Python by the rpy project (`vm/lib/*.py`, our own code), embedded in
//! the binary and compiled with rpy's compiler on first import. Each is registered like a
//! native module; its source is also given to the line cache so tracebacks through it show
//! source lines.

use crate::object::Py;
use crate::runtime::{PyResult, Vm};
use crate::types::module::Module;

/// The embedded sources: (module name, source).
const SOURCES: &[(&str, &str)] = &[("weakref", include_str!("../../lib/weakref.py"))];

/// Runs the embedded source of `name` as a new module (present in `sys.modules` while it
/// runs, so that it can be imported circularly).
fn load(vm: &Vm, name: &str) -> PyResult<Py<Module>> {
    let Some(&(_, source)) = SOURCES.iter().find(|(n, _)| *n == name) else {
        return Err(vm.new_module_not_found_error(format!("No module named '{name}'")));
    };
    let filename = format!("<rpy {name}>");
    vm.line_cache.register(&filename, source);
    let code = vm.compile_source(source.as_bytes(), &filename, crate::parse::Mode::Exec)?;
    let m = vm.new_module(name);
    let d = m.dict();
    d.set_str(&vm.names.__builtins__, vm.builtins.clone().into());
    let key = vm.intern(name);
    vm.modules.set_str(&key, m.clone().into());
    if let Err(e) = vm.run_code(&code, d, None) {
        vm.modules.del_str(&key);
        return Err(e);
    }
    Ok(m)
}

fn init_weakref(vm: &Vm) -> PyResult<Py<Module>> {
    load(vm, "weakref")
}

/// Registers the embedded module `name`.
pub(crate) fn register(vm: &Vm, name: &'static str) {
    let init: crate::stdlib::ModuleInit = match name {
        "weakref" => init_weakref,
        _ => return,
    };
    vm.register_native_module(name, init);
}
