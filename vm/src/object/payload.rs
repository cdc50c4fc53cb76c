//! Payload kinds: which Rust struct a heap object carries, for downcasting.
//!
//! Every payload struct declares itself with [`payload!`], which gives it a unique [`Kind`]
//! (the address of a static describing it). A type records the kind of its instances, and a
//! subclass inherits the kind of its solid base, as CPython's layout rule says. Declaring a
//! new payload is local to the module that defines it: there is no central list to edit.

/// Static description of a payload kind.
#[derive(Debug)]
pub struct KindInfo {
    /// The Rust payload's name, for debugging.
    pub name: &'static str,
}

/// A payload kind, compared by identity.
#[derive(Clone, Copy, Debug)]
pub struct Kind(pub &'static KindInfo);

impl PartialEq for Kind {
    #[inline(always)]
    fn eq(&self, other: &Kind) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl Eq for Kind {}

/// A Rust struct that can be the payload of a heap object.
pub trait PyPayload: Sized + 'static {
    /// The kind of objects carrying this payload.
    const KIND: Kind;
}

/// Declares a payload struct: `payload!(List);`.
#[macro_export]
macro_rules! payload {
    ($t:ty) => {
        impl $crate::object::PyPayload for $t {
            const KIND: $crate::object::Kind = {
                static INFO: $crate::object::KindInfo = $crate::object::KindInfo {
                    name: stringify!($t),
                };
                $crate::object::Kind(&INFO)
            };
        }
    };
}
