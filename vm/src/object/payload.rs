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
    /// Whether objects with this payload can hold references (container objects): they are
    /// allocated with the cycle collector's links and tracked (`object::gc`).
    const GC: bool = false;
    /// Visits every strong reference the payload holds (containers only; see `object::gc`
    /// for the contract: each owned reference exactly once, none that is not owned).
    fn gc_traverse(&self, _visit: &mut crate::object::gc::Visitor<'_>) {}
    /// Drops the payload's references to break a cycle (containers only). Values are moved
    /// out of their cells before they are dropped, since dropping can run Python code.
    fn gc_clear(&self) {}
    /// How many values the payload keeps after itself in its object's allocation
    /// (`object::core` invariant 6); declared with `payload!(T, gc, trailing)`.
    #[inline(always)]
    fn trailing_values(&self) -> usize {
        0
    }
}

/// Declares a payload struct: `payload!(Str);`, `payload!(List, gc);` for a container, or
/// `payload!(Tuple, gc, trailing);` for a container whose items follow it in its allocation.
#[macro_export]
macro_rules! payload {
    // The kind constant every payload has (internal arm).
    (@kind $t:ty) => {
        const KIND: $crate::object::Kind = {
            static INFO: $crate::object::KindInfo = $crate::object::KindInfo {
                name: stringify!($t),
            };
            $crate::object::Kind(&INFO)
        };
    };
    // A container's hooks: the payload's inherent `gc_traverse(&self, &mut Visitor)` and
    // `gc_clear(&self)` (internal arm).
    (@gc $t:ty) => {
        const GC: bool = true;
        fn gc_traverse(&self, visit: &mut $crate::object::gc::Visitor<'_>) {
            <$t>::gc_traverse(self, visit)
        }
        fn gc_clear(&self) {
            <$t>::gc_clear(self)
        }
    };
    ($t:ty) => {
        impl $crate::object::PyPayload for $t {
            $crate::payload!(@kind $t);
        }
    };
    ($t:ty, gc) => {
        impl $crate::object::PyPayload for $t {
            $crate::payload!(@kind $t);
            $crate::payload!(@gc $t);
        }
    };
    // Also the inherent `trailing_values(&self) -> usize`.
    ($t:ty, gc, trailing) => {
        impl $crate::object::PyPayload for $t {
            $crate::payload!(@kind $t);
            $crate::payload!(@gc $t);
            #[inline(always)]
            fn trailing_values(&self) -> usize {
                <$t>::trailing_values(self)
            }
        }
    };
}
