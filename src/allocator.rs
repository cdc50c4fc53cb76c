//! The global allocator: mimalloc, entered through its plain functions whenever the layout's
//! alignment is one mimalloc guarantees anyway.
//!
//! `mimalloc::MiMalloc` passes every request to `mi_malloc_aligned`, whose generic path costs
//! several times `mi_malloc`'s; nearly every allocation of the VM (objects, vectors, boxes)
//! asks for at most 16-byte alignment, which `mi_malloc` already gives for blocks at least
//! that large (the rule std's own `System` allocator applies to `malloc`).

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

use libmimalloc_sys as mi;

/// Alignment of every mimalloc block of at least this many bytes (`MI_MAX_ALIGN_SIZE`).
const MIN_ALIGN: usize = 16;

/// Whether `mi_malloc` (and friends) already align a block of `size` bytes to `align`.
#[inline(always)]
fn plain(align: usize, size: usize) -> bool {
    align <= MIN_ALIGN && align <= size
}

/// mimalloc with the unaligned fast paths.
pub struct MiMalloc;

// SAFETY: every method forwards to mimalloc's allocation functions, which return blocks of
// at least the requested size with the requested alignment (checked by `plain` before using
// the unaligned ones), or null on failure; `dealloc` and `realloc` receive blocks mimalloc
// allocated, whichever function did it.
unsafe impl GlobalAlloc for MiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: see the impl.
        unsafe {
            if plain(layout.align(), layout.size()) {
                mi::mi_malloc(layout.size()).cast()
            } else {
                mi::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: see the impl.
        unsafe {
            if plain(layout.align(), layout.size()) {
                mi::mi_zalloc(layout.size()).cast()
            } else {
                mi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: see the impl.
        unsafe { mi::mi_free(ptr.cast::<c_void>()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: see the impl.
        unsafe {
            if plain(layout.align(), new_size) {
                mi::mi_realloc(ptr.cast::<c_void>(), new_size).cast()
            } else {
                mi::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
            }
        }
    }
}
