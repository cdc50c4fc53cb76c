//! The runtime: the `Vm` and what every native function needs from it. Errors, argument
//! parsing, hashing, interning, the builtin type registry, attribute access, the object
//! protocols, class creation, and the slot/dunder bridge.

pub mod annotations;
pub mod args;
pub mod attr;
pub mod cache;
pub mod class;
pub mod codecs;
pub mod codecs_charmap;
pub mod compile;
pub mod error;
pub mod format;
pub mod format_complex;
pub mod gc;
pub mod hash;
pub mod intern;
pub mod names;
pub mod ops;
pub mod percent;
pub mod protocol;
pub mod registry;
pub mod scalar_ops;
pub mod slot_dispatch;
pub mod super_cache;
pub mod vm;
pub mod warn;

pub use args::Args;
pub use error::{PyErr, PyResult};
pub use ops::BinOp;
pub use vm::{Config, Vm};
