//! `ValueArray`: a fixed-length run of values stored either right after an object's payload,
//! in the object's own allocation (a tuple's items, an instance's inline attributes), or in
//! a separate boxed slice when that is not possible (tuple subclasses, grown attributes).
//!
//! Keeping the values in the object's allocation saves one allocation and one free per
//! object (~70 machine instructions per tuple or instance). The memory of trailing values
//! belongs to the object: `object::core` allocates it (`alloc_with_values`) and frees it
//! when the object dies, sized from the payload's `trailing_values()`; the array only drops
//! the values themselves.
//!
//! Invariants: `ptr` points at `len` initialized values; when `boxed`, they are the
//! contents of a leaked `Box<[Value]>` of exactly `len` items owned by this array; otherwise
//! they lie inside a live object's allocation that outlives the array (the array is a field
//! of that object's payload, which never moves once placed).

use std::ptr::NonNull;

use super::value::Value;

/// Values owned by a payload (see the module documentation).
pub struct ValueArray {
    ptr: NonNull<Value>,
    len: usize,
    boxed: bool,
    /// Drop the values last first (a tuple's, as CPython's tuple deallocation does: the
    /// order `__del__` methods see); an instance's attributes drop first to last.
    last_first: bool,
}

impl ValueArray {
    /// An array in a separate allocation, holding `items`.
    pub fn boxed(items: Vec<Value>) -> ValueArray {
        let items = Box::into_raw(items.into_boxed_slice());
        ValueArray {
            // SAFETY: `Box::into_raw` never returns null.
            ptr: unsafe { NonNull::new_unchecked(items.cast::<Value>()) },
            len: items.len(),
            boxed: true,
            last_first: false,
        }
    }

    /// The same array, dropping its values last first (see the field).
    #[inline(always)]
    pub fn dropping_last_first(mut self) -> ValueArray {
        self.last_first = true;
        self
    }

    /// The array of `len` values placed after an object's payload.
    ///
    /// # Safety
    /// `ptr` points at `len` initialized values inside the allocation of the object whose
    /// payload will own this array, and the object frees that memory (not the array).
    pub(crate) unsafe fn trailing(ptr: NonNull<Value>, len: usize) -> ValueArray {
        ValueArray {
            ptr,
            len,
            boxed: false,
            last_first: false,
        }
    }

    /// The values.
    #[inline(always)]
    pub fn as_slice(&self) -> &[Value] {
        // SAFETY: `len` initialized values at `ptr` (module invariants), alive as long as
        // `self`.
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }

    /// The values, mutably.
    #[inline(always)]
    pub fn as_mut_slice(&mut self) -> &mut [Value] {
        // SAFETY: as in `as_slice`; `&mut self` makes the access exclusive.
        unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.len) }
    }

    /// Number of values.
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when there are no values.
    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether the values lie in the owning object's allocation (no separate box).
    #[inline(always)]
    pub fn is_trailing(&self) -> bool {
        !self.boxed
    }

    /// How many values live in the owning object's allocation (what its deallocation must
    /// free besides the payload): `len` for trailing values, 0 for a separate box.
    #[inline(always)]
    pub fn trailing_len(&self) -> usize {
        if self.boxed { 0 } else { self.len }
    }
}

impl Default for ValueArray {
    fn default() -> ValueArray {
        ValueArray::boxed(Vec::new())
    }
}

impl Drop for ValueArray {
    /// Inline into the owners' drop glue: an out-of-line call cost ~15 instructions per
    /// freed instance or tuple.
    #[inline(always)]
    fn drop(&mut self) {
        let items = std::ptr::slice_from_raw_parts_mut(self.ptr.as_ptr(), self.len);
        if self.last_first {
            for i in (0..self.len).rev() {
                // SAFETY: initialized values this array owns, each dropped once.
                unsafe { std::ptr::drop_in_place(self.ptr.as_ptr().add(i)) };
            }
            if self.boxed {
                // SAFETY: the leaked box of `len` values, whose values were just dropped:
                // only its memory is freed.
                drop(unsafe { Box::from_raw(items as *mut [std::mem::MaybeUninit<Value>]) });
            }
        } else if self.boxed {
            // SAFETY: a box leaked by `boxed`, owned by this array.
            drop(unsafe { Box::from_raw(items) });
        } else {
            // SAFETY: initialized values this array owns; their memory is the object's,
            // which frees it without dropping them again.
            unsafe { std::ptr::drop_in_place(items) }
        }
    }
}
