//! Native modules: `builtins` and `sys` (created with the VM), the standard streams, and
//! the registry other native modules add themselves to (`Vm::register_native_module`):
//! a module is a function building it, importable by name.

pub mod atexit;
pub mod builtins;
pub mod builtins_iter;
pub mod errno;
pub mod ffi;
pub mod gc;
pub mod io;
pub mod json;
pub mod os;
pub mod pysource;
pub mod state;
pub mod stdio;
pub mod stdlib_names;
pub mod structseq;
pub mod sys;
pub mod time;
pub mod warnings;
pub mod weakref;

use crate::object::Py;
use crate::runtime::{PyResult, Vm};
use crate::types::module::Module;

/// Builds a native module when it is first imported.
pub type ModuleInit = fn(&Vm) -> PyResult<Py<Module>>;

/// Sets up `builtins` and `sys` and registers the native modules.
pub(crate) fn init_core(vm: &Vm) {
    builtins::init(vm);
    io::init_types(vm);
    io::install_builtins(vm);
    sys::init(vm);
    register_system_modules(vm);
    vm.modules
        .set_str(&vm.intern("builtins"), vm.builtins.clone().into());
    vm.modules.set_str(&vm.intern("sys"), vm.sys.clone().into());
}

impl Vm {
    /// The constructor of native module `name`, if registered.
    pub fn native_module(&self, name: &str) -> Option<ModuleInit> {
        self.native_modules
            .with(|m| m.iter().find(|(n, _)| *n == name).map(|&(_, f)| f))
    }

    /// Whether `name` is a module built into the VM (for module reprs).
    pub fn is_builtin_module_name(&self, name: &str) -> bool {
        matches!(name, "builtins" | "sys") || self.native_module(name).is_some()
    }
}

/// Registers the system-facing native modules (io, os, time, json, weakref, ...).
fn register_system_modules(vm: &Vm) {
    io::register(vm);
    os::register(vm);
    time::register(vm);
    gc::register(vm);
    errno::register(vm);
    atexit::register(vm);
    json::register(vm);
    weakref::register(vm);
    warnings::register(vm);
}
