//! The eval loop's registers ([`Regs`]): the running frame, its stack pointer and its code,
//! with the unchecked stack and local accesses the bytecode verifier makes sound. A child
//! of `frame` so that its `unsafe` code works on the same private layout and slot helpers.

use std::cell::Cell;
use std::ptr::NonNull;

use super::*;
/// The registers of the running frame. Uop bodies work through this. `Copy`: the eval
/// loop keeps one in locals (machine registers) and copies it into and out of its
/// memory-resident `Ctx` at sync points.
///
/// Stack and local accesses are not bounds-checked in release builds: the bytecode
/// verifier (`exec::verify`) proved, when the code object was made, that every
/// instruction's pops, pushes, peeks and local indices stay inside the frame (debug builds
/// still assert it). Only [`Regs::push_checked`], [`Regs::truncate`] and [`Regs::unit`]
/// check, for callers outside the verified instruction bodies (unwinding, generator
/// resumption, code inspection).
#[derive(Clone, Copy)]
pub struct Regs {
    /// The running frame. `localsplus[0]` is at a constant offset from it
    /// ([`Regs::base`]): keeping no separate base register leaves the eval loop one more
    /// machine register for its live state (it spilled the base, the frame and the code
    /// pointer with one).
    pub frame: NonNull<Frame>,
    /// The first free value-stack slot.
    pub(super) sp: *mut Value,
    /// The code's first unit.
    code: *const Cell<CodeUnit>,
    #[cfg(debug_assertions)]
    nlocalsplus: usize,
    #[cfg(debug_assertions)]
    limit: usize,
    #[cfg(debug_assertions)]
    code_len: usize,
}

/// Stack discipline violated (a compiler bug): reported as SystemError, never UB.
#[derive(Debug)]
pub struct StackFault;

/// Values popped off the stack by [`Regs::pop_n_iter`], owned until yielded.
pub struct PopN<'a> {
    cur: *mut Value,
    end: *mut Value,
    _regs: std::marker::PhantomData<&'a mut Regs>,
}

impl Iterator for PopN<'_> {
    type Item = Value;

    #[inline(always)]
    fn next(&mut self) -> Option<Value> {
        if self.cur == self.end {
            return None;
        }
        // SAFETY: `[cur, end)` are initialized values this iterator owns (`pop_n_iter`);
        // reading one moves it out, and `cur` advances past it.
        unsafe {
            let v = self.cur.read();
            self.cur = self.cur.add(1);
            Some(v)
        }
    }

    #[inline(always)]
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.len();
        (n, Some(n))
    }
}

impl ExactSizeIterator for PopN<'_> {
    #[inline(always)]
    fn len(&self) -> usize {
        // SAFETY: both point into the same stack region, `cur <= end`.
        unsafe { self.end.offset_from(self.cur) as usize }
    }
}

impl Drop for PopN<'_> {
    fn drop(&mut self) {
        for v in self.by_ref() {
            drop(v);
        }
    }
}

impl Regs {
    /// Loads the registers of `frame` (its saved `sp`).
    #[inline(always)]
    pub fn load(frame: NonNull<Frame>) -> Regs {
        // SAFETY: `frame` is live (the eval loop only loads live frames).
        let f = unsafe { frame.as_ref() };
        Regs {
            frame,
            // SAFETY: the saved offset is inside the frame's block (`save` wrote it from a
            // stack pointer of this frame, or the header was written with an empty stack).
            sp: unsafe { (frame.as_ptr() as *mut u8).add(f.sp_off.get()) as *mut Value },
            code: f.code.bytecode.as_ptr(),
            #[cfg(debug_assertions)]
            nlocalsplus: f.nlocalsplus,
            #[cfg(debug_assertions)]
            limit: f.nlocalsplus + f.stacksize,
            #[cfg(debug_assertions)]
            code_len: f.code.bytecode.len(),
        }
    }

    /// The registers of `frame`, just written for `code` (empty value stack), computed
    /// from `code` rather than read back from the header.
    #[inline(always)]
    pub(super) fn fresh(frame: NonNull<Frame>, code: &Code) -> Regs {
        // SAFETY: the block holds the header, then `code.framesize` slots.
        let base = unsafe { (frame.as_ptr() as *mut Value).add(HEADER_SLOTS) };
        Regs {
            frame,
            // SAFETY: `nlocalsplus <= framesize` slots follow the header.
            sp: unsafe { base.add(code.nlocalsplus) },
            code: code.bytecode.as_ptr(),
            #[cfg(debug_assertions)]
            nlocalsplus: code.nlocalsplus,
            #[cfg(debug_assertions)]
            limit: code.framesize,
            #[cfg(debug_assertions)]
            code_len: code.bytecode.len(),
        }
    }

    /// Takes the stack pointer of `other`, a copy of these registers that only pushed and
    /// popped since (the eval loop's local registers, synced before out-of-line code).
    #[inline(always)]
    pub fn sync_sp(&mut self, other: &Regs) {
        debug_assert!(self.frame == other.frame);
        self.sp = other.sp;
    }

    /// Saves `sp` and `ip` into the frame header.
    #[inline(always)]
    pub fn save(&self, ip: usize) {
        let f = self.frame();
        f.sp_off
            .set(self.sp as usize - self.frame.as_ptr() as usize);
        f.ip.set(ip);
    }

    /// The frame header.
    #[inline(always)]
    pub fn frame(&self) -> &Frame {
        // SAFETY: the frame is live while its registers are loaded.
        unsafe { self.frame.as_ref() }
    }

    /// `localsplus[0]`: the slot after the header.
    #[inline(always)]
    pub(super) fn base(&self) -> *mut Value {
        self.frame().values()
    }

    /// Slots from `base` to `sp`.
    #[inline(always)]
    pub(super) fn used(&self) -> usize {
        // SAFETY: both point into the frame's block, `sp` at or above `base`.
        unsafe { self.sp.offset_from(self.base()) as usize }
    }

    /// The instruction unit at `i`, which the verifier proved is inside the code: `i` is
    /// where a verified jump or fall-through (or a handler, return or resumption point
    /// derived from one) continues.
    #[inline(always)]
    pub fn fetch(&self, i: usize) -> CodeUnit {
        #[cfg(debug_assertions)]
        debug_assert!(i < self.code_len, "fetch past the end of the code");
        // SAFETY: in bounds (above); the frame keeps the code object alive.
        unsafe { (*self.code.add(i)).get() }
    }

    /// Cache unit `i` of the running instruction (`ip + 1 + offset` with `offset` below
    /// its cache size): inside the code because the verifier checked every instruction's
    /// caches are.
    #[inline(always)]
    pub fn cache_cell(&self, i: usize) -> &Cell<CodeUnit> {
        #[cfg(debug_assertions)]
        debug_assert!(i < self.code_len, "cache past the end of the code");
        // SAFETY: as in `fetch`; the reference lives as long as `&self`.
        unsafe { &*self.code.add(i) }
    }

    /// The `n` cache units from `i` of the running instruction (`ip + 1` and its cache
    /// size): inside the code, as in `cache_cell`.
    #[inline(always)]
    pub fn cache_cells(&self, i: usize, n: usize) -> &[Cell<CodeUnit>] {
        #[cfg(debug_assertions)]
        debug_assert!(i + n <= self.code_len, "cache past the end of the code");
        // SAFETY: as in `cache_cell`, for each of the `n` units.
        unsafe { std::slice::from_raw_parts(self.code.add(i), n) }
    }

    /// The code unit at `i`, or `None` past the end.
    #[inline]
    pub fn unit(&self, i: usize) -> Option<CodeUnit> {
        self.cell(i).map(Cell::get)
    }

    /// The code cell at `i`, or `None` past the end.
    #[inline]
    pub fn cell(&self, i: usize) -> Option<&Cell<CodeUnit>> {
        if i < self.frame().code.bytecode.len() {
            Some(self.cache_cell(i))
        } else {
            None
        }
    }

    /// Value-stack depth.
    #[inline(always)]
    pub fn depth(&self) -> usize {
        self.used() - self.frame().nlocalsplus
    }

    #[inline(always)]
    fn assert_local(&self, _i: usize) {
        #[cfg(debug_assertions)]
        debug_assert!(_i < self.nlocalsplus, "local {_i} out of range");
    }

    #[inline(always)]
    fn assert_room(&self, _n: usize) {
        #[cfg(debug_assertions)]
        debug_assert!(self.used() + _n <= self.limit, "value stack overflow");
    }

    #[inline(always)]
    fn assert_depth(&self, _n: usize) {
        #[cfg(debug_assertions)]
        debug_assert!(
            _n <= self.used() - self.nlocalsplus,
            "value stack underflow"
        );
    }

    /// Pushes a value (verified room).
    #[inline(always)]
    pub fn push(&mut self, v: Value) -> Result<(), StackFault> {
        self.assert_room(1);
        // SAFETY: the verifier proved the slot is inside the stack region; it is
        // uninitialized (at `sp`).
        unsafe {
            write_slot(self.sp, v);
            self.sp = self.sp.add(1);
        }
        Ok(())
    }

    /// Pushes a value after checking there is room (callers outside verified instruction
    /// bodies). Inline: generator resumption calls it on the eval loop's registers, whose
    /// address must not reach out-of-line code.
    #[inline(always)]
    pub fn push_checked(&mut self, v: Value) -> Result<(), StackFault> {
        if self.depth() >= self.frame().stacksize {
            return Err(StackFault);
        }
        self.push(v)
    }

    /// Pops a value (verified depth).
    #[inline(always)]
    pub fn pop(&mut self) -> Result<Value, StackFault> {
        self.assert_depth(1);
        // SAFETY: the slot below `sp` is an initialized stack slot (verified depth); it
        // is now outside the stack.
        unsafe {
            self.sp = self.sp.sub(1);
            Ok(read_slot(self.sp))
        }
    }

    /// Moves the top of this stack onto `dst`'s (a return's result into the caller's
    /// stack; verified depth and room) as 16 raw bytes: one store, from which the caller's
    /// next 16-byte load of the slot (`STORE_FAST`'s copy) is forwarded (a `Value` moved
    /// as tag and payload was two 8-byte stores, which stall such a load).
    #[inline(always)]
    pub fn move_top_to(&mut self, dst: &mut Regs) {
        self.assert_depth(1);
        dst.assert_room(1);
        // SAFETY: the slot below `sp` is initialized (verified depth) and leaves this stack;
        // `dst.sp` is an uninitialized slot of the other frame's stack region.
        unsafe {
            self.sp = self.sp.sub(1);
            copy_slot(self.sp, dst.sp);
            dst.sp = dst.sp.add(1);
        }
    }

    /// Pushes a new reference to local `i` (`LOAD_FAST`).
    #[inline(always)]
    pub fn push_local(&mut self, i: usize) -> Result<(), StackFault> {
        self.assert_local(i);
        self.assert_room(1);
        // SAFETY: `i` is an initialized local and `sp` an uninitialized stack slot (both
        // verified); the count is incremented for the copy.
        unsafe {
            let src = self.base().add(i);
            if let Value::Obj(o) = &*src {
                std::mem::forget(o.clone());
            }
            copy_slot(src, self.sp);
            self.sp = self.sp.add(1);
        }
        Ok(())
    }

    /// Pops the top into local `i`, returning the local's old value (`STORE_FAST`).
    #[inline(always)]
    pub fn pop_to_local(&mut self, i: usize) -> Result<Value, StackFault> {
        self.assert_local(i);
        self.assert_depth(1);
        // SAFETY: both slots are initialized and in bounds (verified); the top's value
        // moves into the local (the top slot is now outside the stack) and the old local
        // is returned.
        unsafe {
            self.sp = self.sp.sub(1);
            let dst = self.base().add(i);
            let old = read_slot(dst);
            copy_slot(self.sp, dst);
            Ok(old)
        }
    }

    /// The item `n` from the top (`1` is the top).
    #[inline(always)]
    pub fn peek(&self, n: usize) -> Result<&Value, StackFault> {
        debug_assert!(n > 0);
        self.assert_depth(n);
        // SAFETY: in `[nlocalsplus, sp)` (verified), initialized.
        Ok(unsafe { &*self.sp.sub(n) })
    }

    /// Replaces the item `n` from the top, returning the old one.
    #[inline(always)]
    pub fn replace(&mut self, n: usize, v: Value) -> Result<Value, StackFault> {
        debug_assert!(n > 0);
        self.assert_depth(n);
        // SAFETY: in bounds and initialized (verified); no reference into it is live.
        Ok(unsafe { replace_slot(self.sp.sub(n), v) })
    }

    /// The top `n` items, bottom first.
    #[inline(always)]
    pub fn top_slice(&self, n: usize) -> Result<&[Value], StackFault> {
        self.assert_depth(n);
        // SAFETY: `[sp - n, sp)` is initialized and inside the stack region (verified).
        Ok(unsafe { std::slice::from_raw_parts(self.sp.sub(n), n) })
    }

    /// Pops the top `n` items as a moving iterator, bottom first (`BUILD_TUPLE` puts them
    /// straight into the tuple: no vector). Items the iterator does not yield are dropped
    /// with it.
    #[inline(always)]
    pub fn pop_n_iter(&mut self, n: usize) -> Result<PopN<'_>, StackFault> {
        if n > self.depth() {
            return Err(StackFault);
        }
        // SAFETY: `[sp - n, sp)` is initialized; those slots leave the stack, and the
        // iterator (which borrows the registers) owns them until it yields or drops them.
        unsafe {
            let start = self.sp.sub(n);
            self.sp = start;
            Ok(PopN {
                cur: start,
                end: start.add(n),
                _regs: std::marker::PhantomData,
            })
        }
    }

    /// Pops the top `n` items into a vector, bottom first.
    pub fn pop_n(&mut self, n: usize) -> Result<Vec<Value>, StackFault> {
        if n > self.depth() {
            return Err(StackFault);
        }
        let mut out = Vec::with_capacity(n);
        // SAFETY: `[sp - n, sp)` is initialized; those slots leave the stack.
        unsafe {
            let start = self.sp.sub(n);
            for i in 0..n {
                out.push(start.add(i).read());
            }
            self.sp = start;
        }
        Ok(out)
    }

    /// Drops the top `n` items.
    #[inline]
    pub fn drop_n(&mut self, n: usize) -> Result<(), StackFault> {
        self.assert_depth(n);
        for _ in 0..n {
            // SAFETY: initialized slot leaving the stack (verified depth).
            unsafe {
                self.sp = self.sp.sub(1);
                drop(self.sp.read());
            }
        }
        Ok(())
    }

    /// Truncates the stack to `depth` items (exception unwinding), checked.
    pub fn truncate(&mut self, depth: usize) -> Result<(), StackFault> {
        let cur = self.depth();
        if depth > cur {
            return Err(StackFault);
        }
        for _ in depth..cur {
            // SAFETY: initialized slots above `depth` leave the stack.
            unsafe {
                self.sp = self.sp.sub(1);
                drop(self.sp.read());
            }
        }
        Ok(())
    }

    /// Local `i` (a verified index).
    #[inline(always)]
    pub fn local(&self, i: usize) -> Result<&Value, StackFault> {
        self.assert_local(i);
        // SAFETY: localsplus is initialized (invariant 1) and `i` in range (verified).
        Ok(unsafe { &*self.base().add(i) })
    }

    /// Replaces local `i` (a verified index), returning the old value.
    #[inline(always)]
    pub fn set_local(&mut self, i: usize, v: Value) -> Result<Value, StackFault> {
        self.assert_local(i);
        // SAFETY: as above; no reference into the slot is live.
        Ok(unsafe { replace_slot(self.base().add(i), v) })
    }
}
