//! Per-VM state of the native modules (the `Vm` holds one `StdlibState`): the io types the
//! standard streams are made of, the weak-reference table, atexit callbacks and the gc
//! switch. Kept here so that modules can grow their state without touching the `Vm`.

use std::cell::{Cell, OnceCell};

use crate::object::{Py, PyCell, Value};
use crate::types::list::List;

/// State owned by the native modules.
#[derive(Default)]
pub struct StdlibState {
    /// The `_io` types, created with the VM (the standard streams are made of them).
    pub(crate) io: OnceCell<super::io::IoTypes>,
    /// The weak references of every weakly referenced object.
    pub(crate) weakrefs: super::weakref::WeakTable,
    /// `atexit` callbacks: (function, positional args, keyword args as a dict or None).
    pub(crate) atexit: PyCell<Vec<(Value, Vec<Value>, Value)>>,
    /// `gc.get_debug()`.
    pub(crate) gc_debug: Cell<i64>,
    /// `gc.garbage`, once the module is imported.
    pub(crate) gc_garbage: PyCell<Option<Py<List>>>,
    /// `gc.callbacks`, once the module is imported.
    pub(crate) gc_callbacks: PyCell<Option<Py<List>>>,
    /// `sys.setswitchinterval` (seconds; None until set: the default 0.005). Kept for
    /// `getswitchinterval`: there is one thread, so nothing switches.
    pub(crate) switch_interval: Cell<Option<f64>>,
    /// `sys.addaudithook` hooks, in the order they were added (they cannot be removed).
    pub(crate) audit_hooks: PyCell<Vec<Value>>,
    /// The `builtins` namespace as it was at startup, which finalization restores so
    /// that values a program stored there are freed with the modules.
    pub(crate) builtins_copy: PyCell<Vec<(Value, Value)>>,
    /// Set once finalization starts dropping modules: from then on the plain tracebacks
    /// of unraisable exceptions show no source lines (CPython's reader imports `io`,
    /// which `sys.modules` no longer has).
    pub finalizing_modules: Cell<bool>,
}
