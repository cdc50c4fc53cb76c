//! The object model's foundation: values, heap objects and their reference counts, payload
//! kinds, type objects with their slots, and instances of heap types.
//!
//! `core` holds the unsafe code (layout, counts, downcasts, deallocation, `PyCell`), with
//! `freelist` (the object blocks it recycles); everything else here and above is safe Rust. The builtin types' behaviour lives in
//! `crate::types`, one file per type.

pub mod core;
mod freelist;
pub mod gc;
pub mod instance;
pub mod payload;
pub mod slots;
pub mod typeobj;
pub mod value;
pub mod values;

pub use self::core::{Extended, Hooks, ObjRef, Py, PyCell, Unowned, UnownedObj, install_hooks};
pub use instance::{InstanceExt, SharedKeys};
pub use payload::{Kind, KindInfo, PyPayload};
pub use slots::{CompareOp, SlotId, Slots};
pub use typeobj::{Type, flags as type_flags};
pub use value::Value;
pub use values::ValueArray;
