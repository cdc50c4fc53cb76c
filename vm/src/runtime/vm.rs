//! The `Vm`: the interpreter state every native function receives (`&Vm`): builtin types,
//! interned names, singletons, the `builtins` and `sys` modules, the method cache, the
//! execution state of the eval loop, and the configuration.
//!
//! All mutable state uses interior mutability, because Python code can run re-entrantly
//! from almost anywhere (a `__del__` during a drop, an `__eq__` during a dict lookup). The
//! VM of the current thread is reachable from object finalizers through a thread-local
//! pointer, installed while the boxed `Vm` is alive.

use std::cell::Cell;

use crate::exec::ExecState;
use crate::exec::plug::Plugins;
use crate::object::core::alloc;
use crate::object::{Hooks, ObjRef, Py, PyCell, Value, install_hooks};
use crate::types::dict::Dict;
use crate::types::module::Module;
use crate::types::object::ObjectBase;
use crate::types::str::Str;
use crate::types::tuple::Tuple;

use super::cache::MethodCache;
use super::hash;
use super::intern::Interner;
use super::names::Names;
use super::registry::{BuiltinTypes, ExcTypes};

/// How the VM was started (the command line's effect).
#[derive(Clone, Debug)]
pub struct Config {
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// `PYTHONHASHSEED` (`None`: random).
    pub hash_seed: Option<u32>,
    /// Whether the specializer runs (`-X specialize=0` turns it off).
    pub specialize: bool,
    /// Whether tier 2 runs (`-X tier2=0` turns it off).
    pub tier2: bool,
    /// `-u`.
    pub unbuffered: bool,
    /// `-I`.
    pub isolated: bool,
    /// `-P` (or `PYTHONSAFEPATH`): no script directory / cwd at the front of `sys.path`.
    pub safe_path: bool,
    /// `-S`: no startup "site" step (no `exit`, `help`, ... in builtins).
    pub no_site: bool,
    /// `-E` (implied by `-I`): `PYTHON*` environment variables are ignored.
    pub ignore_environment: bool,
    /// `-X` options.
    pub xoptions: Vec<(String, Option<String>)>,
    /// `sys.warnoptions`: `PYTHONWARNINGS` entries, then `-W` options, in order.
    pub warnoptions: Vec<String>,
    /// Initial `sys.path`.
    pub path: Vec<String>,
    /// `sys.executable`.
    pub executable: String,
    /// `-X int_max_str_digits` / `PYTHONINTMAXSTRDIGITS` (already validated; `None`: the
    /// default 4300).
    pub int_max_str_digits: Option<usize>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            argv: vec![String::new()],
            hash_seed: None,
            specialize: true,
            tier2: true,
            unbuffered: false,
            isolated: false,
            safe_path: false,
            no_site: false,
            ignore_environment: false,
            xoptions: Vec::new(),
            warnoptions: Vec::new(),
            path: Vec::new(),
            executable: String::new(),
            int_max_str_digits: None,
        }
    }
}

/// The interpreter.
pub struct Vm {
    /// One released slice kept for reuse (types/slice.rs `Vm::recycle_slice`). First so
    /// that it is dropped while the builtin types are still alive.
    pub(crate) slice_cache: Cell<Option<Py<crate::types::slice::Slice>>>,
    /// One released empty list and one emptied item vector kept for reuse (types/list.rs
    /// `Vm::recycle_list`).
    pub(crate) list_cache: Cell<Option<Py<crate::types::list::List>>>,
    pub(crate) list_buf: Cell<Vec<Value>>,
    /// Core builtin types.
    pub types: BuiltinTypes,
    /// Builtin exception classes.
    pub exc: ExcTypes,
    /// Interned well-known names.
    pub names: Names,
    pub(crate) interner: Interner,
    /// `NotImplemented`.
    pub not_implemented: ObjRef,
    /// `Ellipsis`.
    pub ellipsis: ObjRef,
    /// `()`.
    pub empty_tuple: Py<Tuple>,
    /// The `builtins` module.
    pub builtins: Py<Module>,
    /// The `sys` module.
    pub sys: Py<Module>,
    /// `sys.modules`.
    pub modules: Py<Dict>,
    pub(crate) type_versions: Cell<u32>,
    pub(crate) method_cache: MethodCache,
    pub(crate) super_cache: super::super_cache::SuperCache,
    pub(crate) recursion_limit: Cell<u32>,
    /// The eval loop's state (data stack, frames, handled exceptions).
    pub(crate) exec: ExecState,
    /// How the VM was started.
    pub config: Config,
    /// The specializer and trace optimizer, when installed.
    pub plugins: Plugins,
    /// Native module constructors by name.
    pub(crate) native_modules: PyCell<Vec<(&'static str, crate::stdlib::ModuleInit)>>,
    /// Types native modules create and look up again (`Vm::native_type`).
    pub(crate) native_types: PyCell<Vec<(String, Py<crate::object::Type>)>>,
    /// Source lines for tracebacks.
    pub line_cache: crate::exec::traceback::LineCache,
    /// State of the native modules (io types, weak references, atexit, ...).
    pub(crate) stdlib: crate::stdlib::state::StdlibState,
}

thread_local! {
    static CURRENT: Cell<*const Vm> = const { Cell::new(std::ptr::null()) };
}

impl Vm {
    /// Creates a VM with every builtin type, `builtins` and `sys` ready.
    pub fn new(config: Config) -> Box<Vm> {
        hash::init_secret(config.hash_seed);
        crate::text::repr::set_int_max_str_digits(
            config
                .int_max_str_digits
                .unwrap_or(crate::text::repr::DEFAULT_INT_MAX_STR_DIGITS),
        );
        let types = BuiltinTypes::create();
        let exc = ExcTypes::create(&types);
        let interner = Interner::default();
        let names = Names::new(&interner, |s| alloc(&types.str, Str::from_str(s)));
        let not_implemented = alloc(&types.not_implemented_type, ObjectBase).into_obj();
        let ellipsis = alloc(&types.ellipsis_type, ObjectBase).into_obj();
        let empty_tuple = alloc(&types.tuple, Tuple::new(Vec::new()));
        for o in [&not_implemented, &ellipsis, empty_tuple.as_obj()] {
            o.make_immortal();
        }
        let builtins = Module::alloc(&types, &names.builtins);
        let sys = Module::alloc(
            &types,
            &interner.intern_with("sys", |s| alloc(&types.str, Str::from_str(s))),
        );
        let modules = alloc(&types.dict, Dict::new());
        let vm = Box::new(Vm {
            types,
            exc,
            names,
            interner,
            not_implemented,
            ellipsis,
            empty_tuple,
            builtins,
            sys,
            modules,
            type_versions: Cell::new(1),
            slice_cache: Cell::new(None),
            list_cache: Cell::new(None),
            list_buf: Cell::new(Vec::new()),
            method_cache: MethodCache::default(),
            super_cache: Default::default(),
            recursion_limit: Cell::new(1000),
            exec: ExecState::default(),
            config,
            plugins: Plugins::default(),
            native_modules: PyCell::new(Vec::new()),
            native_types: PyCell::new(Vec::new()),
            line_cache: Default::default(),
            stdlib: Default::default(),
        });
        vm.exec.handled.with_mut(|h| h.push(Value::None));
        CURRENT.with(|c| c.set(&*vm));
        install_hooks(Hooks {
            finalize: finalize_hook,
            clear_weakrefs: clear_weakrefs_hook,
        });
        crate::types::init_all(&vm);
        crate::stdlib::init_core(&vm);
        vm
    }

    /// Interns `text`.
    pub fn intern(&self, text: &str) -> Py<Str> {
        self.interner
            .intern_with(text, |s| alloc(&self.types.str, Str::from_str(s)))
    }

    /// Interns an existing exact `str` object.
    pub fn intern_str(&self, s: &Py<Str>) -> Py<Str> {
        if s.as_obj().ty().is(&self.types.str) {
            self.interner.intern_obj(s)
        } else {
            s.clone()
        }
    }

    /// `NotImplemented` as a value.
    #[inline]
    pub fn not_implemented(&self) -> Value {
        Value::Obj(self.not_implemented.clone())
    }

    /// Whether `v` is `NotImplemented`.
    #[inline]
    pub fn is_not_implemented(&self, v: &Value) -> bool {
        matches!(v, Value::Obj(o) if o.is(&self.not_implemented))
    }

    /// The recursion limit (`sys.getrecursionlimit()`).
    pub fn recursion_limit(&self) -> u32 {
        self.recursion_limit.get()
    }

    /// Sets the recursion limit.
    pub fn set_recursion_limit(&self, n: u32) {
        self.recursion_limit.set(n);
    }

    /// The builtins dict.
    pub fn builtins_dict(&self) -> &Py<Dict> {
        self.builtins.dict()
    }

    /// Registers a native module constructor, importable by `name`.
    pub fn register_native_module(&self, name: &'static str, init: crate::stdlib::ModuleInit) {
        self.native_modules.with_mut(|m| m.push((name, init)));
    }
}

impl Drop for Vm {
    fn drop(&mut self) {
        CURRENT.with(|c| {
            if std::ptr::eq(c.get(), self) {
                c.set(std::ptr::null());
            }
        });
        // The collector's lists are per thread; what this VM leaves tracked must not reach
        // the next VM's collections (embedders and the bench harness run VMs one after
        // another on one thread).
        crate::object::gc::forget_all();
    }
}

/// Runs `f` with this thread's VM, if one is alive.
pub(crate) fn with_current_vm(f: impl FnOnce(&Vm)) {
    let p = CURRENT.with(Cell::get);
    if p.is_null() {
        return;
    }
    // SAFETY: `CURRENT` points at the boxed VM from its creation until its `Drop` clears
    // it; the box never moves, and only shared references to the VM are ever formed.
    f(unsafe { &*p });
}

fn finalize_hook(obj: &ObjRef) {
    with_current_vm(|vm| crate::runtime::slot_dispatch::run_finalizer(vm, obj));
}

fn clear_weakrefs_hook(obj: &ObjRef) {
    with_current_vm(|vm| crate::stdlib::weakref::clear_weakrefs(vm, obj));
}
