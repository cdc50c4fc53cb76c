//! Per-VM state of the native modules (the `Vm` holds one `StdlibState`): the io types the
//! standard streams are made of, the weak-reference table, atexit callbacks and the gc
//! switch. Kept here so that modules can grow their state without touching the `Vm`.

use std::cell::{Cell, OnceCell};

use crate::object::{PyCell, Value};

/// State owned by the native modules.
#[derive(Default)]
pub struct StdlibState {
    /// The `_io` types, created with the VM (the standard streams are made of them).
    pub(crate) io: OnceCell<super::io::IoTypes>,
    /// The weak references of every weakly referenced object.
    pub(crate) weakrefs: super::weakref::WeakTable,
    /// `atexit` callbacks: (function, positional args, keyword args as a dict or None).
    pub(crate) atexit: PyCell<Vec<(Value, Vec<Value>, Value)>>,
    /// `gc.isenabled()` (negated, so that the default is "enabled").
    pub(crate) gc_disabled: Cell<bool>,
    /// `gc.get_debug()`.
    pub(crate) gc_debug: Cell<i64>,
    /// `gc.get_threshold()` once set.
    pub(crate) gc_threshold: Cell<Option<(i64, i64, i64)>>,
}
