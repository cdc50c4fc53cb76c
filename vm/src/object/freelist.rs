//! Free lists of object memory by size class: freeing a small object pushes its block on a
//! per-thread list, and allocating one of the same class pops it (CPython keeps per-type
//! free lists for the same reason). mimalloc's own fast path plus its periodic
//! `_mi_malloc_generic` refill cost ~60 machine instructions per allocation and ~25 per
//! free on instance-heavy code; a pop or a push is a handful.
//!
//! Every block of a class is allocated from the global allocator with the class's layout
//! (its size rounded up to 16 bytes, alignment 16), so a block freed by one payload and
//! reused by another of the same class is returned to the allocator with the layout it was
//! allocated with. Each list keeps at most [`MAX_BLOCKS`] blocks; beyond that frees go to
//! the allocator. The lists are thread-local with no destructor: blocks still cached when a
//! thread exits stay allocated (bounded by `CLASSES * MAX_BLOCKS` blocks per thread).
//! Invariant: every block on a list is unused memory of its class's layout, whose first
//! word links the next block.

use std::alloc::Layout;
use std::cell::UnsafeCell;
use std::ptr::null_mut;

/// Size classes: blocks of 16, 32, ... `16 * (CLASSES - 1)` bytes (class 0 is unused).
const CLASSES: usize = 25;
/// Most blocks one list keeps.
const MAX_BLOCKS: u32 = 128;
/// Block granularity and alignment.
const GRAIN: usize = 16;

struct Lists {
    heads: [*mut Block; CLASSES],
    counts: [u32; CLASSES],
}

/// A free block: its first word links the next one.
struct Block {
    next: *mut Block,
}

thread_local! {
    static LISTS: UnsafeCell<Lists> = const {
        UnsafeCell::new(Lists { heads: [null_mut(); CLASSES], counts: [0; CLASSES] })
    };
}

/// The size class of `layout`, when its blocks go through the lists.
#[inline(always)]
fn class_of(layout: Layout) -> Option<usize> {
    let class = layout.size().div_ceil(GRAIN);
    (class < CLASSES && layout.align() <= GRAIN).then_some(class)
}

/// The layout every block of `class` is allocated with.
#[inline(always)]
fn class_layout(class: usize) -> Layout {
    // SAFETY: a non-zero multiple of a power-of-two alignment, far below `isize::MAX`.
    unsafe { Layout::from_size_align_unchecked(class * GRAIN, GRAIN) }
}

/// Allocates a block for `layout` (size non-zero), from its class's list when it has one.
///
/// # Safety
/// `layout.size()` is non-zero; the block must be released with [`free`] and the same
/// layout. Out of line, like the allocator call it replaces: inlined into the eval loop's
/// allocation sites it shifted the loop's register allocation (+5% on `int_loop`).
#[inline(never)]
pub(crate) unsafe fn alloc(layout: Layout) -> *mut u8 {
    let Some(class) = class_of(layout) else {
        // SAFETY: a non-zero size (the caller's contract).
        return unsafe { std::alloc::alloc(layout) };
    };
    let popped = LISTS.with(|l| {
        // SAFETY: the lists are only touched inside these two functions, which never
        // re-enter each other; every listed block is unused (module invariant).
        unsafe {
            let l = &mut *l.get();
            let head = l.heads[class];
            if !head.is_null() {
                l.heads[class] = (*head).next;
                l.counts[class] -= 1;
            }
            head
        }
    });
    if !popped.is_null() {
        return popped.cast();
    }
    // SAFETY: a non-zero size.
    unsafe { std::alloc::alloc(class_layout(class)) }
}

/// Releases a block [`alloc`] returned for `layout`.
///
/// # Safety
/// `p` came from [`alloc`] with this layout and is no longer used.
#[inline(never)]
pub(crate) unsafe fn free(p: *mut u8, layout: Layout) {
    let Some(class) = class_of(layout) else {
        // SAFETY: allocated by the global allocator with `layout`.
        return unsafe { std::alloc::dealloc(p, layout) };
    };
    let kept = LISTS.with(|l| {
        // SAFETY: as in `alloc`; the block is at least 16 bytes and 16-aligned, so its
        // first word can hold the link.
        unsafe {
            let l = &mut *l.get();
            if l.counts[class] >= MAX_BLOCKS {
                return false;
            }
            let b = p.cast::<Block>();
            (*b).next = l.heads[class];
            l.heads[class] = b;
            l.counts[class] += 1;
            true
        }
    });
    if !kept {
        // SAFETY: blocks of a class are allocated with the class's layout.
        unsafe { std::alloc::dealloc(p, class_layout(class)) }
    }
}
