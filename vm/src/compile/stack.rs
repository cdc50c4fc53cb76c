//! Stack growth for the compiler's recursive walks: nested expressions, statements and
//! patterns are visited recursively, so a deep (but parseable) tree would overflow the Rust
//! stack. Every few levels the walk checks the remaining stack and continues on a fresh
//! segment when it runs low; checking at every level costs more than the visit itself.

/// Continue on a new segment when less than this remains.
pub(crate) const RED_ZONE: usize = 256 * 1024;
/// Size of each new segment.
pub(crate) const STACK_CHUNK: usize = 4 * 1024 * 1024;
/// Levels between checks; the red zone covers this many frames even in debug builds.
const CHECK_EVERY: u32 = 8;

/// Recursion depth of one walk.
#[derive(Default)]
pub(crate) struct Depth(u32);

impl Depth {
    /// One level deeper; true when this level should check the stack.
    #[inline]
    pub(crate) fn enter(&mut self) -> bool {
        self.0 += 1;
        self.0.is_multiple_of(CHECK_EVERY)
    }

    /// One level back up.
    #[inline]
    pub(crate) fn leave(&mut self) {
        self.0 = self.0.saturating_sub(1);
    }
}

/// Defines `guarded(&mut self, f)` on a walker with a `depth: Depth` field: runs `f` one
/// level deeper, on a fresh stack segment when needed.
macro_rules! guarded_walk {
    ($ty:ty) => {
        impl $ty {
            #[inline]
            pub(crate) fn guarded<T>(&mut self, f: impl FnOnce(&mut Self) -> T) -> T {
                let check = self.depth.enter();
                let r = if check {
                    stacker::maybe_grow(
                        $crate::compile::stack::RED_ZONE,
                        $crate::compile::stack::STACK_CHUNK,
                        || f(self),
                    )
                } else {
                    f(self)
                };
                self.depth.leave();
                r
            }
        }
    };
}
pub(crate) use guarded_walk;
