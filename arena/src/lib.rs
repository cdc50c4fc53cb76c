//! Bump arenas (over bumpalo) for the AST, compiler scratch and tier-2 optimizer scratch.
//!
//! Everything allocated in an [`Arena`] lives exactly as long as the arena and is freed in one
//! step when it drops; destructors of arena values are **not** run, so only types without
//! meaningful `Drop` (plain data, references into the arena, `Copy` values) belong here. The
//! parser allocates every AST node here, the compiler keeps its per-unit scratch here, and the
//! tier-2 optimizer resets one arena per optimization.
//!
//! Besides typed allocation the crate provides arena-backed growable vectors ([`ArenaVec`]),
//! conversion of those into arena slices, and an [`Interner`] that gives every distinct string
//! one arena copy so that identifiers compare cheaply and are stored once.

#![warn(missing_docs)]

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

pub use bumpalo::collections::String as ArenaString;
pub use bumpalo::collections::Vec as ArenaVec;

/// A bump arena. Allocation is a pointer increment; all memory is released at once on drop.
///
/// A dropped arena is reset and parked in a small per-thread pool that the next
/// [`Arena::new`] takes it from: parsing and compiling one source after another (imports,
/// `compile()`, the tools that run over a corpus) then bump-allocates into memory that is
/// already mapped and warm, instead of returning each source's chunks to the allocator and
/// faulting fresh zeroed pages in for the next one.
pub struct Arena {
    bump: bumpalo::Bump,
}

// Reset arenas waiting for reuse, per thread (`bumpalo::Bump` is not `Sync`).
thread_local! {
    static POOL: RefCell<Vec<bumpalo::Bump>> = const { RefCell::new(Vec::new()) };
}

/// Arenas the pool keeps: a front-end run nests a few (the AST's, codegen's scratch).
const POOL_ARENAS: usize = 4;

/// Larger arenas are freed rather than pooled, so one huge source does not pin its memory.
const POOL_MAX_BYTES: usize = 16 << 20;

fn pooled() -> Option<bumpalo::Bump> {
    POOL.try_with(|p| p.try_borrow_mut().ok()?.pop())
        .ok()
        .flatten()
}

impl Default for Arena {
    fn default() -> Self {
        Arena::new()
    }
}

impl Drop for Arena {
    fn drop(&mut self) {
        let mut bump = std::mem::take(&mut self.bump);
        // `reset` keeps only the last (largest) chunk.
        bump.reset();
        if bump.allocated_bytes() > POOL_MAX_BYTES {
            return;
        }
        // During thread teardown the pool may be gone: the arena is then simply freed.
        let _ = POOL.try_with(|p| {
            if let Ok(mut p) = p.try_borrow_mut()
                && p.len() < POOL_ARENAS
            {
                p.push(bump);
            }
        });
    }
}

impl Arena {
    /// An empty arena: a pooled one, or a fresh one whose first chunk is allocated lazily.
    pub fn new() -> Self {
        Arena {
            bump: pooled().unwrap_or_default(),
        }
    }

    /// An arena whose first chunk holds at least `bytes` bytes (avoids regrowth when the final
    /// size is predictable, e.g. proportional to a source file's length). A pooled arena is
    /// used when its chunk is big enough.
    pub fn with_capacity(bytes: usize) -> Self {
        match pooled() {
            Some(bump) if bump.chunk_capacity() >= bytes => Arena { bump },
            other => {
                drop(other);
                Arena {
                    bump: bumpalo::Bump::with_capacity(bytes),
                }
            }
        }
    }

    /// Moves `value` into the arena and returns a reference that lives as long as the arena.
    #[inline]
    pub fn alloc<T>(&self, value: T) -> &mut T {
        self.bump.alloc(value)
    }

    /// Copies a slice of `Copy` values into the arena.
    #[inline]
    pub fn alloc_slice_copy<T: Copy>(&self, items: &[T]) -> &mut [T] {
        self.bump.alloc_slice_copy(items)
    }

    /// Moves the items of an iterator with a known length into an arena slice.
    #[inline]
    pub fn alloc_slice_fill_iter<T, I>(&self, iter: I) -> &mut [T]
    where
        I: IntoIterator<Item = T>,
        I::IntoIter: ExactSizeIterator,
    {
        self.bump.alloc_slice_fill_iter(iter)
    }

    /// Copies a string into the arena.
    #[inline]
    pub fn alloc_str(&self, s: &str) -> &mut str {
        self.bump.alloc_str(s)
    }

    /// A new empty arena-backed vector.
    #[inline]
    pub fn vec<T>(&self) -> ArenaVec<'_, T> {
        ArenaVec::new_in(&self.bump)
    }

    /// A new arena-backed vector with room for `cap` items.
    #[inline]
    pub fn vec_with_capacity<T>(&self, cap: usize) -> ArenaVec<'_, T> {
        ArenaVec::with_capacity_in(cap, &self.bump)
    }

    /// A new empty arena-backed string builder.
    #[inline]
    pub fn string(&self) -> ArenaString<'_> {
        ArenaString::new_in(&self.bump)
    }

    /// Bytes currently allocated from the system for this arena (all chunks).
    pub fn allocated_bytes(&self) -> usize {
        self.bump.allocated_bytes()
    }

    /// Frees every allocation at once and keeps the largest chunk for reuse. Requires `&mut`,
    /// so no reference into the arena can survive it.
    pub fn reset(&mut self) {
        self.bump.reset();
    }

    /// The underlying bumpalo arena, for APIs that take `&Bump` directly.
    pub fn bump(&self) -> &bumpalo::Bump {
        &self.bump
    }
}

/// Turns an arena vector into an arena slice without copying.
#[inline]
pub fn into_slice<'a, T>(v: ArenaVec<'a, T>) -> &'a [T] {
    v.into_bump_slice()
}

/// FNV-1a: a fast, deterministic hash for short keys such as identifiers. Deterministic
/// hashing keeps interning (and anything that iterates interned maps) reproducible.
#[derive(Default, Clone, Copy)]
pub struct FnvHasher(u64);

impl std::hash::Hasher for FnvHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A `BuildHasher` for [`FnvHasher`].
pub type FnvBuild = BuildHasherDefault<FnvHasher>;

/// Gives every distinct string a single copy in an arena.
///
/// Interned strings are plain `&'a str`; two interned strings are equal exactly when their
/// pointers are equal, which [`Interner::same`] exploits.
pub struct Interner<'a> {
    arena: &'a Arena,
    map: RefCell<HashMap<&'a str, (), FnvBuild>>,
}

impl<'a> Interner<'a> {
    /// An interner that stores its strings in `arena`.
    pub fn new(arena: &'a Arena) -> Self {
        Interner {
            arena,
            map: RefCell::new(HashMap::default()),
        }
    }

    /// The arena copy of `s`, allocating it the first time `s` is seen.
    pub fn intern(&self, s: &str) -> &'a str {
        let mut map = self.map.borrow_mut();
        if let Some((&k, _)) = map.get_key_value(s) {
            return k;
        }
        let copy: &'a str = self.arena.alloc_str(s);
        map.insert(copy, ());
        copy
    }

    /// Number of distinct strings interned so far.
    pub fn len(&self) -> usize {
        self.map.borrow().len()
    }

    /// True when nothing has been interned yet.
    pub fn is_empty(&self) -> bool {
        self.map.borrow().is_empty()
    }

    /// Pointer equality of two strings returned by this interner.
    #[inline]
    pub fn same(a: &str, b: &str) -> bool {
        std::ptr::eq(a.as_ptr(), b.as_ptr()) && a.len() == b.len()
    }

    /// The arena this interner allocates in.
    pub fn arena(&self) -> &'a Arena {
        self.arena
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interning_dedups_and_keeps_content() {
        let arena = Arena::new();
        let i = Interner::new(&arena);
        let a = i.intern("spam");
        let b = i.intern(&String::from("spam"));
        let c = i.intern("eggs");
        assert!(Interner::same(a, b));
        assert!(!Interner::same(a, c));
        assert_eq!((a, c), ("spam", "eggs"));
        assert_eq!(i.len(), 2);
    }

    #[test]
    fn vec_becomes_slice_in_arena() {
        let arena = Arena::new();
        let mut v = arena.vec();
        for n in 0..100u32 {
            v.push(n * 2);
        }
        let s = into_slice(v);
        assert_eq!(s.len(), 100);
        assert_eq!(s[99], 198);
    }

    #[test]
    fn reset_reclaims() {
        let mut arena = Arena::with_capacity(1 << 16);
        for n in 0..10_000u64 {
            arena.alloc(n);
        }
        let before = arena.allocated_bytes();
        arena.reset();
        arena.alloc(1u8);
        assert!(arena.allocated_bytes() <= before);
    }

    #[test]
    fn dropped_arena_is_reused_empty() {
        let arena = Arena::with_capacity(1 << 16);
        let first: *const u64 = arena.alloc(7u64);
        for n in 0..100u64 {
            arena.alloc(n);
        }
        let bytes = arena.allocated_bytes();
        drop(arena);
        // The next arena of this thread comes from the pool: same memory, nothing in use.
        let again = Arena::new();
        assert_eq!(again.allocated_bytes(), bytes);
        let second: *const u64 = again.alloc(9u64);
        assert_eq!(first, second);
        assert_eq!(*again.alloc(3u8), 3);
    }
}
