//! Standard-library modules written in Python (our own sources under `vm/lib/`, embedded in
//! the binary): importing one compiles its text with rpy's compiler and runs it in a fresh
//! module, registered in `sys.modules` first so that circular imports see it.

use crate::object::Py;
use crate::runtime::{PyResult, Vm};
use crate::types::module::Module;

/// Runs the embedded source `text` of module `name` and returns the module.
pub fn exec_embedded(vm: &Vm, name: &str, text: &str) -> PyResult<Py<Module>> {
    // Like CPython's frozen modules: no `__file__`, tracebacks name `<frozen NAME>`.
    let filename = format!("<frozen {name}>");
    let code = vm.compile_source(text.as_bytes(), &filename, crate::parse::Mode::Exec)?;
    let module = vm.new_module(name);
    let d = module.dict();
    let package = name.rsplit_once('.').map_or("", |(p, _)| p);
    d.set_str(&vm.names.__package__, vm.new_str(package).into());
    d.set_str(&vm.names.__builtins__, vm.builtins.clone().into());
    let key = vm.intern(name);
    vm.modules.set_str(&key, module.clone().into());
    if let Err(e) = vm.run_code(&code, d, None) {
        vm.modules.del_str(&key);
        return Err(e);
    }
    Ok(module)
}

/// Declares a `ModuleInit` function for an embedded Python module:
/// `py_module!(random_init, "random", "random.py");` (path relative to `vm/lib/`).
#[macro_export]
macro_rules! py_module {
    ($fn_name:ident, $name:literal, $file:literal) => {
        fn $fn_name(
            vm: &$crate::runtime::Vm,
        ) -> $crate::runtime::PyResult<$crate::object::Py<$crate::types::module::Module>> {
            $crate::stdlib::pysource::exec_embedded(
                vm,
                $name,
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/lib/", $file)),
            )
        }
    };
}
