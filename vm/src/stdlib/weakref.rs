//! Weak references: the hook the object core calls before freeing an object flagged as
//! weakly referenced. No weak reference type exists yet, so no object is ever flagged and
//! the hook has nothing to clear.

use crate::object::ObjRef;
use crate::runtime::Vm;

/// Clears the weak references to `obj` (none can exist yet).
pub fn clear_weakrefs(_vm: &Vm, _obj: &ObjRef) {}
