//! Native modules: `builtins` and `sys` (created with the VM), the standard streams, and
//! the registry other native modules add themselves to (`Vm::register_native_module`):
//! a module is a function building it, importable by name.

pub mod abc;
pub mod array;
pub mod atexit;
pub mod binascii;
pub mod bisect;
pub mod builtins;
pub mod builtins_iter;
pub mod collections;
pub mod errno;
pub mod ffi;
pub mod functools;
pub mod gc;
pub mod hashlib;
pub mod heapq;
pub mod io;
pub mod itertools;
pub mod json;
pub mod math;
pub mod operator;
pub mod os;
pub mod pysource;
pub mod random;
pub mod re;
pub mod sitebuiltins;
pub mod state;
pub mod stdio;
pub mod stdlib_names;
pub mod structmod;
pub mod structseq;
pub mod sys;
pub mod sys_audit;
pub mod sys_hooks;
pub mod tbformat;
pub mod time;
pub mod typedef;
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
    register_library_modules(vm);
    register_numeric(vm);
    // What finalization restores `builtins` to (CPython's `interp->builtins_copy`).
    vm.stdlib
        .builtins_copy
        .with_mut(|c| *c = vm.builtins.dict().items());
}

/// The native halves of the library modules (`abc`, `functools`, `collections`, ...).
fn register_library_modules(vm: &Vm) {
    vm.register_native_module("_abc", abc::init);
    vm.register_native_module("_collections", collections::init);
    vm.register_native_module("_functools", functools::init);
    vm.register_native_module("_rpytraceback", tbformat::init);
}

/// The numeric and algorithmic modules (math, random, itertools, operator, ...).
fn register_numeric(vm: &Vm) {
    vm.register_native_module("math", math::init);
    vm.register_native_module("_random", random::init);
    vm.register_native_module("bisect", bisect::init);
    vm.register_native_module("itertools", itertools::init);
    vm.register_native_module("_heapq", heapq::init);
    vm.register_native_module("struct", structmod::init);
    vm.register_native_module("array", array::init);
    vm.register_native_module("operator", operator::init);
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
    re::register(vm);
    binascii::register(vm);
    hashlib::register(vm);
}
