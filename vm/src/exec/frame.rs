//! Frames and the data stack: the eval loop's memory, and its only `unsafe` code.
//!
//! A frame is a block of 16-byte slots: the [`Frame`] header (rounded up to whole slots),
//! then `localsplus` (locals, cells, frees), then the value stack. Blocks of running
//! functions are carved LIFO from the VM's data stack, a list of chunks that never move
//! once allocated, so a pointer to a frame or to one of its values stays valid for the
//! frame's whole life, even while nested calls push more frames. Generator frames live in
//! a heap block of the same layout owned by the generator.
//!
//! Invariants:
//! 1. A block's header is initialized while the frame is live; `localsplus` slots are always
//!    initialized (`Null` when unbound); value-stack slots `[0, sp)` are initialized and the
//!    rest are not.
//! 2. `sp` never exceeds the code's stack size and never goes below zero, and
//! 3. local indices stay below `nlocalsplus`: the bytecode verifier (`exec::verify`) proved
//!    both for every instruction when the code object was made, so `Regs` does not check
//!    them again (debug builds assert them). Bad bytecode is a `SystemError` at creation.
//! 4. A frame is released exactly once: its header and initialized values are dropped, then
//!    its slots are returned to the data stack (LIFO) or freed with the generator.

use std::cell::{Cell, UnsafeCell};
use std::mem::{ManuallyDrop, MaybeUninit, size_of};
use std::ptr::NonNull;

use crate::instr::CodeUnit;
use crate::object::{Py, PyCell, Type, Value};
use crate::types::code::Code;
use crate::types::dict::Dict;
use crate::types::function::Function;
use crate::types::generator::Generator;
use crate::types::traceback::FrameObj;
use crate::types::tuple::Tuple;

#[path = "frame_kw.rs"]
mod kw;
#[path = "frame_regs.rs"]
mod regs;
pub use regs::{PopN, Regs, StackFault};

/// Slots the header takes.
const HEADER_SLOTS: usize = size_of::<Frame>().div_ceil(size_of::<Value>());
/// Slots in a data-stack chunk (256 KiB).
const CHUNK_SLOTS: usize = 16 * 1024;

/// [`Frame::rare`]: the frame is the entry frame of a Rust-level eval loop.
const RARE_ENTRY: u8 = 1;
/// [`Frame::rare`]: `return_to` is not `Push`.
const RARE_RETURN_TO: u8 = 2;
/// [`Frame::rare`]: `resumer` is not `None`.
const RARE_RESUMER: u8 = 4;
/// [`Frame::rare`]: a generator owns the frame.
const RARE_GENERATOR: u8 = 8;
/// [`Frame::rare`]: the frame has a frame object.
const RARE_FRAME_OBJ: u8 = 16;

/// Where a frame's block lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Owner {
    /// On the data stack; popping makes its start the stack's top again.
    DataStack,
    /// In a generator's heap block.
    Generator,
}

/// The header of an executing (or suspended) Python frame.
pub struct Frame {
    /// The code being run.
    pub code: Py<Code>,
    /// The function, for closures and defaults (`None` for module and `exec` code).
    pub func: Option<Py<Function>>,
    /// Globals: borrowed from `func` when there is one (a function's globals and builtins
    /// never change and the frame holds the function), owned otherwise (released in
    /// [`Frame::destroy`]). Saves two reference counts per call and two per return.
    globals: ManuallyDrop<Py<Dict>>,
    /// Builtins, owned or borrowed as `globals`.
    builtins: ManuallyDrop<Py<Dict>>,
    /// The locals mapping of module and class bodies (`Null` for functions).
    locals: PyCell<Value>,
    /// The calling frame (none at the bottom).
    pub previous: Cell<Option<NonNull<Frame>>>,
    /// Index of the instruction being executed (saved when the frame is not running).
    pub ip: Cell<usize>,
    /// Where to continue when a callee returns.
    pub return_ip: Cell<usize>,
    /// Where the value stack's first free slot is (saved when the frame is not running),
    /// as a byte offset from the header: the registers' stack pointer is the frame's
    /// address plus this (no scaling by the locals' count), and it stays valid when a
    /// generator's frame moves to its heap block.
    sp_off: Cell<usize>,
    /// Where the block lives.
    pub owner: Cell<Owner>,
    /// The conditions that make a return take the general path (`RARE_*` bits): one test
    /// on the common return instead of one per field. Kept by the setters below, which
    /// are the only writers of the fields they cover.
    rare: Cell<u8>,
    /// What returning hands the caller (a call's result, an inlined `__init__`'s or a
    /// dunder's run by `BINARY_OP`).
    return_to: Cell<ReturnTo>,
    /// The frame object, once Python code asked for one.
    frame_obj: PyCell<Option<Py<FrameObj>>>,
    /// The generator owning this frame, as an address (0 for function frames).
    generator: Cell<usize>,
    /// How a generator frame running inside an eval loop was resumed (`exec::genframe`).
    resumer: Cell<Resumer>,
    /// The generator of a frame running inline, held so it outlives the run (released at
    /// the yield, return or exception that leaves the frame).
    pub running_gen: PyCell<Option<Py<Generator>>>,
    nlocalsplus: usize,
    stacksize: usize,
}

impl Frame {
    #[inline(always)]
    fn values(&self) -> *mut Value {
        // SAFETY: the header is followed by `nlocalsplus + stacksize` slots in the same block
        // (invariant 1), so stepping past the header stays inside the allocation.
        unsafe { (self as *const Frame as *mut Value).add(HEADER_SLOTS) }
    }

    /// Whether returning from this frame leaves the Rust-level eval loop that entered it.
    #[inline(always)]
    pub fn is_entry(&self) -> bool {
        self.rare.get() & RARE_ENTRY != 0
    }

    /// Marks (or unmarks) the frame as the entry frame of a Rust-level eval loop.
    #[inline]
    pub fn set_entry(&self, entry: bool) {
        self.set_rare(RARE_ENTRY, entry);
    }

    /// What returning hands the caller.
    #[inline(always)]
    pub fn return_to(&self) -> ReturnTo {
        self.return_to.get()
    }

    /// Sets what returning hands the caller.
    #[inline]
    pub fn set_return_to(&self, to: ReturnTo) {
        self.return_to.set(to);
        self.set_rare(RARE_RETURN_TO, to != ReturnTo::Push);
    }

    /// How a generator frame running inline was resumed.
    #[inline(always)]
    pub fn resumer(&self) -> Resumer {
        self.resumer.get()
    }

    /// Records how a generator frame running inline was resumed.
    #[inline]
    pub fn set_resumer(&self, r: Resumer) {
        self.resumer.set(r);
        self.set_rare(RARE_RESUMER, r != Resumer::None);
    }

    /// Takes the resumer, leaving `Resumer::None`.
    #[inline]
    pub fn take_resumer(&self) -> Resumer {
        self.set_rare(RARE_RESUMER, false);
        self.resumer.replace(Resumer::None)
    }

    /// The owning generator's address (0 for function frames).
    #[inline(always)]
    pub fn generator(&self) -> usize {
        self.generator.get()
    }

    /// Records the owning generator's address.
    pub fn set_generator(&self, addr: usize) {
        self.generator.set(addr);
        self.set_rare(RARE_GENERATOR, addr != 0);
    }

    /// The frame object, if Python code asked for one.
    #[inline]
    pub fn frame_obj(&self) -> Option<Py<FrameObj>> {
        if self.rare.get() & RARE_FRAME_OBJ == 0 {
            return None;
        }
        self.frame_obj.get()
    }

    /// Whether the frame has a frame object.
    #[inline(always)]
    pub fn has_frame_obj(&self) -> bool {
        self.rare.get() & RARE_FRAME_OBJ != 0
    }

    /// Attaches the frame object.
    pub fn set_frame_obj(&self, fo: Py<FrameObj>) {
        drop(self.frame_obj.replace(Some(fo)));
        self.set_rare(RARE_FRAME_OBJ, true);
    }

    /// Whether returning just pushes the result on the caller's stack and releases the
    /// frame: not an entry, generator or resumed frame, no frame object, and a caller that
    /// does nothing more with the result. One test on the common return.
    #[inline(always)]
    pub fn returns_plainly(&self) -> bool {
        self.rare.get() == 0
    }

    /// Whether a generator owns the frame, it was resumed inline or it has a frame object
    /// (a return then needs more than the caller's `return_to`).
    #[inline(always)]
    pub fn held_elsewhere(&self) -> bool {
        self.rare.get() & (RARE_RESUMER | RARE_GENERATOR | RARE_FRAME_OBJ) != 0
    }

    #[inline(always)]
    fn set_rare(&self, bit: u8, on: bool) {
        let r = self.rare.get();
        self.rare.set(if on { r | bit } else { r & !bit });
    }

    /// The frame's globals.
    #[inline(always)]
    pub fn globals(&self) -> &Py<Dict> {
        &self.globals
    }

    /// The frame's builtins.
    #[inline(always)]
    pub fn builtins(&self) -> &Py<Dict> {
        &self.builtins
    }

    /// The locals mapping (`Null` for function frames).
    #[inline]
    pub fn locals_mapping(&self) -> Value {
        self.locals.get()
    }

    /// Sets the locals mapping.
    pub fn set_locals_mapping(&self, v: Value) {
        drop(self.locals.replace(v));
    }

    /// Number of locals, cells and frees.
    #[inline(always)]
    pub fn nlocalsplus(&self) -> usize {
        self.nlocalsplus
    }

    /// Maximum value-stack depth.
    #[inline(always)]
    pub fn stacksize(&self) -> usize {
        self.stacksize
    }

    /// Local slot `i` (a clone), or `None` past the end.
    #[inline(always)]
    pub fn local(&self, i: usize) -> Option<&Value> {
        if i < self.nlocalsplus {
            // SAFETY: in bounds, initialized (invariant 1); the reference lives no longer
            // than `&self`, and locals are only written through `&mut`-free `set_local`
            // which the caller does not interleave with this borrow.
            Some(unsafe { &*self.values().add(i) })
        } else {
            None
        }
    }

    /// Replaces local slot `i`, returning the old value.
    #[inline(always)]
    pub fn set_local(&self, i: usize, v: Value) -> Option<Value> {
        if i < self.nlocalsplus {
            // SAFETY: in bounds and initialized; no reference into the slot is live.
            Some(unsafe { replace_slot(self.values().add(i), v) })
        } else {
            None
        }
    }

    /// The value-stack items `[0, sp)` (of a frame that is not running).
    #[inline(always)]
    pub fn stack(&self) -> &[Value] {
        // SAFETY: `[0, sp)` of the stack region is initialized (invariant 1).
        unsafe { std::slice::from_raw_parts(self.values().add(self.nlocalsplus), self.depth()) }
    }

    /// Saved value-stack depth.
    pub fn depth(&self) -> usize {
        self.sp_off.get() / size_of::<Value>() - HEADER_SLOTS - self.nlocalsplus
    }

    /// [`Frame::sp_off`] of an empty value stack.
    #[inline(always)]
    fn empty_sp_off(nlocalsplus: usize) -> usize {
        (HEADER_SLOTS + nlocalsplus) * size_of::<Value>()
    }

    /// All locals.
    pub fn locals_slice(&self) -> &[Value] {
        // SAFETY: localsplus is initialized (invariant 1).
        unsafe { std::slice::from_raw_parts(self.values(), self.nlocalsplus) }
    }

    /// The current line number.
    pub fn lineno(&self) -> Option<i32> {
        self.code.line_for(self.ip.get() as u32)
    }

    fn total_slots(nlocalsplus: usize, stacksize: usize) -> usize {
        HEADER_SLOTS + nlocalsplus + stacksize
    }

    /// Drops the header and every initialized value (invariant 4).
    ///
    /// # Safety
    /// `this` is a live frame that is not used afterwards.
    unsafe fn destroy(this: *mut Frame) {
        // SAFETY: by the caller's contract.
        unsafe {
            let f = &*this;
            // A frame object outliving the frame (`gi_frame`, traceback entries) must stop
            // pointing at it: freeze its view first.
            if let Some(fo) = f.frame_obj() {
                crate::runtime::vm::with_current_vm(|vm| {
                    crate::types::traceback::FrameObj::freeze(&fo, vm, f);
                });
                fo.detach_bare(f);
            }
            let values = f.values();
            let live = f.nlocalsplus + f.depth();
            // Last first, as CPython clears a frame's locals (the order `__del__` sees).
            for i in (0..live).rev() {
                std::ptr::drop_in_place(values.add(i));
            }
            Frame::drop_header(this);
        }
    }

    /// Drops the header's references (the globals and builtins only when owned).
    ///
    /// # Safety
    /// As [`Frame::destroy`]; the values were already dropped.
    #[inline(always)]
    unsafe fn drop_header(this: *mut Frame) {
        // SAFETY: by the caller's contract; `globals`/`builtins` are owned exactly when
        // there is no function (see the fields).
        unsafe {
            if (*this).func.is_none() {
                ManuallyDrop::drop(&mut (*this).globals);
                ManuallyDrop::drop(&mut (*this).builtins);
            }
            std::ptr::drop_in_place(this);
        }
    }
}

impl Frame {
    /// [`Frame::drop_header`] of a frame that is no generator's and has no frame object:
    /// inline, and the cells known to be empty are not dropped.
    ///
    /// # Safety
    /// As [`Frame::drop_header`]; `frame_obj` and `running_gen` are `None`.
    #[inline(always)]
    unsafe fn drop_header_plain(this: *mut Frame) {
        // SAFETY: by the caller's contract; the fields are dropped once and the header is
        // not used afterwards (dropping the empty cells would do nothing).
        unsafe {
            let f = &mut *this;
            debug_assert!(f.frame_obj.with(Option::is_none) && f.running_gen.with(Option::is_none));
            std::ptr::drop_in_place(&mut f.code);
            match std::ptr::read(&f.func) {
                Some(func) => drop(func),
                None => {
                    ManuallyDrop::drop(&mut f.globals);
                    ManuallyDrop::drop(&mut f.builtins);
                }
            }
            if !f.locals.with(Value::is_null) {
                drop(f.locals.replace(Value::Null));
            }
        }
    }

    /// Cycle collector: every reference a *suspended* frame holds (a generator's), locals
    /// and value stack included. Only for frames that are not running: `sp` is the saved
    /// depth, so every slot below it is initialized.
    pub(crate) fn gc_traverse_suspended(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        visit.py(&self.code);
        visit.opt(&self.func);
        visit.py(&self.globals);
        visit.py(&self.builtins);
        self.locals.with(|v| visit.value(v));
        self.frame_obj.with(|f| visit.opt(f));
        self.running_gen.with(|g| visit.opt(g));
        let live = self.nlocalsplus + self.depth();
        let values = self.values();
        for i in 0..live {
            // SAFETY: a suspended frame's slots below `nlocalsplus + sp` are initialized
            // values (invariant 1); nothing mutates them while the collector looks.
            visit.value(unsafe { &*values.add(i) });
        }
    }
}

/// A shared view of a live frame given its pointer.
///
/// Frames reachable from the VM's current-frame chain, from a generator's heap block, or
/// from the eval loop's registers are live (invariant 4 releases them only after unlinking).
#[inline(always)]
pub fn frame_ref<'a>(p: NonNull<Frame>) -> &'a Frame {
    // SAFETY: callers only pass pointers to live frames (see above); the header is only
    // mutated through `Cell`s, so shared references are sound.
    unsafe { p.as_ref() }
}

/// How a generator frame running inside an eval loop (not as an entry frame) was resumed,
/// which says where its caller continues when it returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resumer {
    /// Not running inline.
    None,
    /// `FOR_ITER`: returning ends the loop, continuing at `exhausted_ip` (past `END_FOR`).
    ForIter {
        /// The caller's continuation.
        exhausted_ip: usize,
    },
    /// `SEND`: returning pushes the value and continues at `returned_ip`.
    Send {
        /// The caller's continuation.
        returned_ip: usize,
    },
    /// `SEND` on an async generator's `asend` awaitable: a wrapped `yield` ends the await
    /// (its value pushed, continuing at `returned_ip`), returning raises StopAsyncIteration
    /// at the `SEND`, anything else yielded passes through as `Send`'s yields do.
    ASend {
        /// The caller's continuation when the await ends.
        returned_ip: usize,
    },
}

/// What returning from a frame does in its caller, which pushed it inline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReturnTo {
    /// Pushes the result (a call).
    Push,
    /// An `__init__` frame pushed by `CALL` on a class (`_CALL_ALLOC_AND_ENTER_INIT`): the
    /// new instance already sits on the caller's stack as the call's result, so returning
    /// checks that `__init__` returned None and pushes nothing.
    Init,
    /// A Python dunder run by `BINARY_OP` with this oparg (`exec::uops::calls::
    /// binary_dunder_frame`): the caller kept both operands on its stack; the result
    /// replaces them, except that NotImplemented from an arithmetic dunder goes on with the
    /// rest of the number protocol (the reflected method, then the TypeError).
    BinaryOp(u8),
    /// A Python comparison dunder run by `COMPARE_OP` with this oparg
    /// (`exec::uops::compare::compare_dunder_frame`): the caller kept both operands; a bool
    /// result replaces them, anything else goes through `compare_dunder_result`
    /// (NotImplemented: the reflected method, identity or the TypeError; the bool
    /// conversion the oparg asks for).
    Compare(u8),
    /// A Python `__next__` run by `FOR_ITER` (`exec::uops::control::next_dunder_frame`): the
    /// result is pushed as `Push` does (the iterator stays below it); StopIteration leaving
    /// the frame ends the loop instead (`eval::unwind`), continuing at this index.
    Next(u32),
}

/// What a new frame needs.
pub struct FrameInit {
    /// Code.
    pub code: Py<Code>,
    /// The function and namespaces.
    pub env: FrameEnv,
    /// Locals mapping (`Null` for functions).
    pub locals: Value,
}

/// Where a new frame's globals and builtins come from.
pub enum FrameEnv {
    /// A function's frame: its globals and builtins (borrowed by the frame).
    Function(Py<Function>),
    /// Module, `exec` and `eval` code: the frame owns these.
    Code {
        /// Globals.
        globals: Py<Dict>,
        /// Builtins.
        builtins: Py<Dict>,
    },
}

/// A header's `func`, `globals` and `builtins`.
type HeaderEnv = (
    Option<Py<Function>>,
    ManuallyDrop<Py<Dict>>,
    ManuallyDrop<Py<Dict>>,
);

impl FrameEnv {
    /// The header's `func`, `globals` and `builtins`.
    #[inline(always)]
    fn split(self) -> HeaderEnv {
        match self {
            FrameEnv::Function(f) => {
                // SAFETY: bitwise copies that are never dropped (`ManuallyDrop`), valid while
                // the function they come from lives: the frame holds it, and a function's
                // `globals`/`builtins` fields are immutable.
                let (g, b) = unsafe { (std::ptr::read(&f.globals), std::ptr::read(&f.builtins)) };
                (Some(f), ManuallyDrop::new(g), ManuallyDrop::new(b))
            }
            FrameEnv::Code { globals, builtins } => (
                None,
                ManuallyDrop::new(globals),
                ManuallyDrop::new(builtins),
            ),
        }
    }
}

struct Chunk {
    slots: Box<[MaybeUninit<Value>]>,
    /// The data stack's `(top, limit, start)` when this chunk became current, restored when
    /// its first frame is popped.
    prev: Cell<(*mut Value, *mut Value, *mut Value)>,
}

/// The VM's data stack. `top`/`limit` bound the free part of the current chunk as
/// pointers (CPython's `datastack_top`/`_limit`): a push is one compare and one store, and
/// a pop stores the block's start back, unless the block starts its chunk.
pub struct DataStack {
    chunks: UnsafeCell<Vec<Chunk>>,
    /// Index of the current chunk (meaningless while `top` is null).
    current: Cell<usize>,
    /// The first free slot of the current chunk (null before the first push).
    top: Cell<*mut Value>,
    /// The end of the current chunk.
    limit: Cell<*mut Value>,
    /// The start of the current chunk.
    start: Cell<*mut Value>,
}

impl Default for DataStack {
    fn default() -> DataStack {
        DataStack {
            chunks: UnsafeCell::new(Vec::new()),
            current: Cell::new(0),
            top: Cell::new(std::ptr::null_mut()),
            limit: Cell::new(std::ptr::null_mut()),
            start: Cell::new(std::ptr::null_mut()),
        }
    }
}

impl DataStack {
    /// Pushes a frame block and initializes it (locals `Null`, empty value stack).
    pub fn push(&self, init: FrameInit, previous: Option<NonNull<Frame>>) -> NonNull<Frame> {
        self.push_with_args(init, previous, None, &[])
    }

    /// Pushes a frame block whose first locals are new references to `this` (when given)
    /// and `args` (the rest `Null`), with an empty value stack. Arguments beyond the locals
    /// are ignored (callers only pass at most `nlocalsplus`).
    #[inline(always)]
    pub fn push_with_args(
        &self,
        init: FrameInit,
        previous: Option<NonNull<Frame>>,
        this: Option<&Value>,
        args: &[Value],
    ) -> NonNull<Frame> {
        let nlocalsplus = init.code.nlocalsplus;
        let stacksize = init.code.framesize - nlocalsplus;
        let base = match self.reserve(&init.code) {
            Some(base) => base,
            None => self.new_chunk(HEADER_SLOTS + init.code.framesize),
        };
        // SAFETY: `base` points at the block's unused slots in a chunk that never moves.
        unsafe { write_frame(base, init, previous, (nlocalsplus, stacksize), this, args) }
    }

    /// Makes the next chunk (with room for `need` slots) current and takes `need` slots
    /// from it: the slow path of a push that does not fit in the current chunk.
    #[inline(never)]
    fn new_chunk(&self, need: usize) -> *mut Value {
        // SAFETY: the chunk list is only touched by push/pop, which never hand out
        // references into the list itself (only into chunk contents, which never move).
        let chunks = unsafe { &mut *self.chunks.get() };
        let idx = if self.top.get().is_null() {
            0
        } else {
            self.current.get() + 1
        };
        if idx == chunks.len() {
            chunks.push(Chunk::new(CHUNK_SLOTS.max(need)));
        } else if chunks[idx].slots.len() < need {
            // Chunks above the current one hold no frames.
            chunks[idx] = Chunk::new(need);
        }
        let c = &mut chunks[idx];
        c.prev
            .set((self.top.get(), self.limit.get(), self.start.get()));
        let len = c.slots.len();
        let start = c.slots.as_mut_ptr() as *mut Value;
        // SAFETY: `need <= len`: both stay inside the chunk.
        let (top, limit) = unsafe { (start.add(need), start.add(len)) };
        self.current.set(idx);
        self.start.set(start);
        self.top.set(top);
        self.limit.set(limit);
        start
    }

    /// Gives back the slots of the most recently taken block, which starts at `block`.
    #[inline(always)]
    fn release_block(&self, block: *mut Value) {
        if block == self.start.get() {
            self.leave_chunk();
        } else {
            self.top.set(block);
        }
    }

    /// The current chunk is empty again: the previous one (if any) becomes current.
    #[cold]
    fn leave_chunk(&self) {
        let idx = self.current.get();
        if idx == 0 {
            self.top.set(self.start.get());
            return;
        }
        // SAFETY: as in `new_chunk`.
        let chunks = unsafe { &*self.chunks.get() };
        let (top, limit, start) = chunks[idx].prev.get();
        self.current.set(idx - 1);
        self.top.set(top);
        self.limit.set(limit);
        self.start.set(start);
    }

    /// Releases the most recently pushed frame.
    ///
    /// # Safety
    /// `frame` is the most recently pushed live data-stack frame and is not used afterwards.
    pub unsafe fn pop(&self, frame: NonNull<Frame>) {
        // SAFETY: by the caller's contract.
        let owner = unsafe { frame.as_ref().owner.get() };
        unsafe { Frame::destroy(frame.as_ptr()) };
        if owner == Owner::DataStack {
            self.release_block(frame.as_ptr() as *mut Value);
        }
    }

    /// The number of slots a heap block needs for `frame` (header, locals and value stack)
    /// if it is the topmost data-stack frame (a new generator's), else `None`.
    pub fn top_frame_slots(&self, frame: NonNull<Frame>) -> Option<usize> {
        let f = frame_ref(frame);
        if f.owner.get() != Owner::DataStack {
            return None;
        }
        let size = Frame::total_slots(f.nlocalsplus, f.stacksize);
        let expected = self.top.get().wrapping_sub(size) as *const Frame;
        std::ptr::eq(expected, frame.as_ptr()).then_some(size)
    }

    /// Moves the topmost data-stack frame into `dst` (a generator's block of
    /// [`DataStack::top_frame_slots`] slots), releasing its data-stack slots without
    /// dropping anything. Only the header, the locals and the live stack are copied.
    ///
    /// # Safety
    /// `frame` is the topmost live data-stack frame (`top_frame_slots` said so) and is not
    /// used afterwards; `dst` has room for its slots and outlives the returned frame.
    pub unsafe fn move_top_into(&self, frame: NonNull<Frame>, dst: *mut Value) -> HeapFrame {
        // SAFETY: by the caller's contract the frame is live and LIFO-topmost.
        unsafe {
            let f = frame.as_ref();
            let live = HEADER_SLOTS + f.nlocalsplus + f.depth();
            std::ptr::copy_nonoverlapping(frame.as_ptr() as *const Value, dst, live);
            let moved = &*(dst as *const Frame);
            moved.owner.set(Owner::Generator);
            moved.previous.set(None);
            self.release_block(frame.as_ptr() as *mut Value);
            HeapFrame {
                frame: NonNull::new_unchecked(dst as *mut Frame),
            }
        }
    }
}

impl Chunk {
    fn new(slots: usize) -> Chunk {
        Chunk {
            slots: Box::new_uninit_slice(slots),
            prev: Cell::new((
                std::ptr::null_mut(),
                std::ptr::null_mut(),
                std::ptr::null_mut(),
            )),
        }
    }
}

impl DataStack {
    /// Pushes the frame of a positional call whose callable, self-or-NULL and `nargs`
    /// arguments are the top `nargs + 2` values of `caller`'s stack, and pops them: the
    /// callable becomes the frame's function and the arguments its first locals, moved
    /// (no reference counting); parameters past the arguments take the function's last
    /// defaults (cloned). `None`, with nothing changed, when the call does not have that
    /// shape (the callable is no Python function, see [`positional_shape`]) or the frame
    /// needs a new chunk: the caller takes the general path.
    #[inline(always)]
    pub fn push_call(&self, caller: &mut Regs, nargs: usize) -> Option<Regs> {
        // `[sp - nargs - 2, sp)`: initialized and inside the caller's stack region (the
        // verifier proved the depth); nothing writes those slots while these references
        // live.
        let items = caller.top_slice(nargs + 2).ok()?.as_ptr() as *mut Value;
        // SAFETY: as above.
        let (callable, this) = unsafe { (&*items, &*items.add(1)) };
        let func = callable.downcast::<Function>()?;
        let has_self = !this.is_null();
        let total = nargs + usize::from(has_self);
        // SAFETY: as above.
        unsafe { self.push_positional(caller, items, func, total, nargs) }
    }

    /// [`DataStack::push_call`] once the callable is known: `items` points at the call's
    /// slots (callable, self-or-NULL, `nvalues` values) on top of `caller`'s stack, the
    /// last `total` of the self and values slots are the arguments. `None`, with nothing
    /// changed, when the shape does not fit or the frame needs a new chunk.
    ///
    /// # Safety
    /// `items` is `[sp - nvalues - 2, sp)` of `caller`'s stack (initialized), `func` the
    /// callable in `items[0]`, and `total` is `nvalues` plus one when `items[1]` is not
    /// NULL.
    #[inline(always)]
    unsafe fn push_positional(
        &self,
        caller: &mut Regs,
        items: *mut Value,
        func: &Py<Function>,
        total: usize,
        nvalues: usize,
    ) -> Option<Regs> {
        let (code, defs) = positional_shape(func, total)?;
        let base = self.reserve(code)?;
        // SAFETY: the callable's slot holds a reference to `func`, which moves into the
        // header; the `total` argument slots (self included) move into the first locals;
        // then the caller's stack gives up the call's slots without dropping them (the NULL
        // of a call without self holds nothing).
        unsafe {
            let func = std::ptr::read(func);
            let args = items.add(2 + nvalues - total);
            let frame = write_moved(
                base,
                caller.frame,
                func,
                code,
                args,
                total,
                defs,
                ReturnTo::Push,
            );
            caller.sp = caller.sp.sub(nvalues + 2);
            Some(Regs::fresh(frame, code))
        }
    }

    /// Pushes the `__init__` frame of `C(args)` (`_CALL_ALLOC_AND_ENTER_INIT`): the top
    /// `nargs + 2` values of `caller`'s stack are the class, a NULL and the arguments.
    /// Once the shape and the room are known to fit, `alloc` makes the instance of the
    /// class (`None` if the callable is no class); the instance then
    /// replaces the class as the call's result (the class is dropped), and a second
    /// reference to it and the arguments move into the first locals of `init`'s frame
    /// (marked [`ReturnTo::Init`]), leaving the caller's stack. `None`, with nothing
    /// changed, when the shape does not fit (see [`positional_shape`]) or a new chunk is
    /// needed; `Some(Err)`, with nothing changed, when `alloc` fails.
    #[inline(always)]
    pub fn push_init(
        &self,
        caller: &mut Regs,
        init: Py<Function>,
        nargs: usize,
        alloc: impl FnOnce(&Py<Type>) -> crate::runtime::PyResult<Value>,
    ) -> Option<crate::runtime::PyResult<Regs>> {
        let items = caller.top_slice(nargs + 2).ok()?.as_ptr() as *mut Value;
        // SAFETY: initialized (above); nothing writes the slot while this reference lives.
        let cls = unsafe { &*items }.downcast::<Type>()?;
        let (code, defs) = positional_shape(&init, nargs + 1)?;
        // Detached from the borrow of `init`, which moves into the header: the frame holds
        // the function, so its code and defaults outlive the writes below.
        let (code, defs) = (code as *const Py<Code>, defs as *const [Value]);
        // SAFETY: as above.
        let base = self.reserve(unsafe { &*code })?;
        let obj = match alloc(cls) {
            Ok(o) => o,
            Err(e) => {
                self.release_block(base);
                return Some(Err(e));
            }
        };
        // SAFETY: `[sp - nargs - 2, sp)` is initialized and in the caller's stack region
        // (verified depth). The class's slot takes the instance (the class is dropped); the
        // NULL slot (holding nothing) takes a second reference, and it and the arguments
        // move into the frame's first locals and leave the caller's stack undropped.
        unsafe {
            drop(replace_slot(items, obj.clone()));
            write_slot(items.add(1), obj);
            let (code, defs) = (&*code, &*defs);
            let frame = write_moved(
                base,
                caller.frame,
                init,
                code,
                items.add(1),
                nargs + 1,
                defs,
                ReturnTo::Init,
            );
            caller.sp = caller.sp.sub(nargs + 1);
            Some(Ok(Regs::fresh(frame, code)))
        }
    }

    /// Pushes the frame of `func` called with new references to the top `n` values of
    /// `caller`'s stack, which stay there (`BINARY_OP` running a dunder keeps its operands
    /// until the dunder returns; the caller sets the frame's `return_to`). `None`, with
    /// nothing changed, when the shape does not fit (see [`positional_shape`]) or a new
    /// chunk is needed.
    #[inline]
    pub fn push_operands(
        &self,
        caller: &Regs,
        func: Py<Function>,
        n: usize,
    ) -> Option<NonNull<Frame>> {
        let args = caller.top_slice(n).ok()?.as_ptr();
        let (code, defs) = positional_shape(&func, n)?;
        // Detached from the borrow of `func`, which moves into the header: the frame holds
        // the function, so its code and defaults outlive the writes below.
        let (code, defs) = (code as *const Py<Code>, defs as *const [Value]);
        // SAFETY: as above.
        let base = self.reserve(unsafe { &*code })?;
        // SAFETY: `[sp - n, sp)` is initialized and in the caller's stack region (verified
        // depth); each value gets the reference its bitwise copy in the new frame owns.
        unsafe {
            for i in 0..n {
                if let Value::Obj(o) = &*args.add(i) {
                    std::mem::forget(o.clone());
                }
            }
            let (code, defs) = (&*code, &*defs);
            Some(write_moved(
                base,
                caller.frame,
                func,
                code,
                args,
                n,
                defs,
                ReturnTo::Push,
            ))
        }
    }

    /// Takes the slots of a frame for `code` in the current chunk: the block's start, or
    /// `None` (nothing changed) when it does not fit.
    #[inline(always)]
    fn reserve(&self, code: &Code) -> Option<*mut Value> {
        let need = HEADER_SLOTS + code.framesize;
        let top = self.top.get();
        // Addresses as integers: `top <= limit` in the same chunk (or both null).
        if (self.limit.get() as usize - top as usize) / size_of::<Value>() < need {
            return None;
        }
        self.top.set(top.wrapping_add(need));
        Some(top)
    }

    /// Releases the running data-stack frame `r` describes on a plain return: its values
    /// (`[0, sp)` of the registers) and header; its slots go back to the data stack.
    ///
    /// # Safety
    /// `r` are the registers of the most recently pushed live data-stack frame, which is
    /// no generator's, has no frame object and is not used afterwards.
    #[inline(always)]
    pub unsafe fn pop_return(&self, r: &Regs) {
        let frame = r.frame.as_ptr();
        // SAFETY: by the caller's contract: `[0, sp)` is initialized, then the header.
        unsafe {
            // Last first, as CPython clears a frame's locals (the order `__del__` sees).
            for i in (0..r.used()).rev() {
                std::ptr::drop_in_place(r.base().add(i));
            }
            Frame::drop_header_plain(frame);
        }
        self.release_block(frame as *mut Value);
    }
}

/// The code and the defaults to fill in when `func` is called with `total` positional
/// arguments and nothing else: its code has no `*args`, `**kwargs` or keyword-only
/// parameters, and the parameters past the arguments have defaults. `None` otherwise.
#[inline(always)]
fn positional_shape(func: &Py<Function>, total: usize) -> Option<(&Py<Code>, &[Value])> {
    // Borrowed out of their cells without a closure around the caller's path (an
    // out-of-line closure would take the eval loop's registers' address and pin them to
    // memory). SAFETY: no Python code runs and nothing replaces `__code__` or
    // `__defaults__` before the frame is written (the callers hold the function).
    let code = unsafe { &*func.code.with(|c| c as *const Py<Code>) };
    // `argcount + 1` for plain positional parameters, else 0 (which fails both tests).
    let plain = code.positional_call;
    if total + 1 == plain {
        return Some((code, &[]));
    }
    if total >= plain {
        return None;
    }
    let missing = plain - 1 - total;
    // SAFETY: as above.
    let d = unsafe {
        &*func
            .defaults
            .with(|d| d.as_ref().map(|t| t as *const Py<Tuple>))?
    };
    let d = d.as_slice();
    Some((code, d.get(d.len().checked_sub(missing)?..)?))
}

/// Copies `n` slots, small counts as straight-line moves (a variable-length copy became a
/// `memcpy` call, ~25 instructions per call for one or two arguments).
///
/// # Safety
/// `src` and `dst` are valid for `n` slots and do not overlap.
#[inline(always)]
unsafe fn copy_slots(src: *const Value, dst: *mut Value, n: usize) {
    // SAFETY: by the caller's contract.
    unsafe {
        match n {
            0 => {}
            1 => copy_slot(src, dst),
            2 => (dst as *mut [SlotBits; 2]).write((src as *const [SlotBits; 2]).read()),
            3 => (dst as *mut [SlotBits; 3]).write((src as *const [SlotBits; 3]).read()),
            4 => (dst as *mut [SlotBits; 4]).write((src as *const [SlotBits; 4]).read()),
            _ => std::ptr::copy_nonoverlapping(src as *const SlotBits, dst as *mut SlotBits, n),
        }
    }
}

/// Writes the frame of `func` (running `code`) into a block taken by
/// [`DataStack::reserve`]: the `total` values at `args` move into the first locals, then
/// `defs` are cloned after them, the other locals are `Null`.
///
/// # Safety
/// `base` comes from `reserve(code)`; `args` points at `total` initialized values
/// the caller gives up; `total + defs.len() <= code.nlocalsplus`.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
unsafe fn write_moved(
    base: *mut Value,
    previous: NonNull<Frame>,
    func: Py<Function>,
    code: &Py<Code>,
    args: *const Value,
    total: usize,
    defs: &[Value],
    return_to: ReturnTo,
) -> NonNull<Frame> {
    let nlocalsplus = code.nlocalsplus;
    let init = FrameInit {
        code: code.clone(),
        env: FrameEnv::Function(func),
        locals: Value::Null,
    };
    // SAFETY: by the caller's contract.
    unsafe {
        let frame = write_header(
            base,
            init,
            Some(previous),
            nlocalsplus,
            code.framesize - nlocalsplus,
            return_to,
        );
        let values = base.add(HEADER_SLOTS);
        copy_slots(args, values, total);
        for (i, d) in defs.iter().enumerate() {
            write_slot(values.add(total + i), d.clone());
        }
        for i in total + defs.len()..nlocalsplus {
            write_slot(values.add(i), Value::NULL);
        }
        frame
    }
}

/// # Safety
/// `base` points at `HEADER_SLOTS + nlocalsplus + stacksize` writable, unused slots.
#[inline(always)]
unsafe fn write_header(
    base: *mut Value,
    init: FrameInit,
    previous: Option<NonNull<Frame>>,
    nlocalsplus: usize,
    stacksize: usize,
    return_to: ReturnTo,
) -> NonNull<Frame> {
    let frame = base as *mut Frame;
    let (func, globals, builtins) = init.env.split();
    // SAFETY: by the caller's contract; Frame's alignment (8) divides the slot size.
    unsafe {
        frame.write(Frame {
            code: init.code,
            func,
            globals,
            builtins,
            locals: PyCell::new(init.locals),
            previous: Cell::new(previous),
            ip: Cell::new(0),
            return_ip: Cell::new(0),
            sp_off: Cell::new(Frame::empty_sp_off(nlocalsplus)),
            owner: Cell::new(Owner::DataStack),
            rare: Cell::new(if return_to == ReturnTo::Push {
                0
            } else {
                RARE_RETURN_TO
            }),
            return_to: Cell::new(return_to),
            frame_obj: PyCell::new(None),
            generator: Cell::new(0),
            resumer: Cell::new(Resumer::None),
            running_gen: PyCell::new(None),
            nlocalsplus,
            stacksize,
        });
        NonNull::new_unchecked(frame)
    }
}

/// # Safety
/// `base` points at `HEADER_SLOTS + nlocalsplus + stacksize` writable, unused slots.
unsafe fn write_frame(
    base: *mut Value,
    init: FrameInit,
    previous: Option<NonNull<Frame>>,
    (nlocalsplus, stacksize): (usize, usize),
    this: Option<&Value>,
    args: &[Value],
) -> NonNull<Frame> {
    // SAFETY: by the caller's contract.
    unsafe {
        let frame = write_header(base, init, previous, nlocalsplus, stacksize, ReturnTo::Push);
        let values = base.add(HEADER_SLOTS);
        let first = usize::from(this.is_some()).min(nlocalsplus);
        if let (Some(t), 1) = (this, first) {
            write_slot(values, t.clone());
        }
        let nargs = args.len().min(nlocalsplus - first);
        for (i, v) in args[..nargs].iter().enumerate() {
            // A slot-to-slot copy: the arguments sit in stack slots written whole.
            if let Value::Obj(o) = v {
                std::mem::forget(o.clone());
            }
            copy_slot(v, values.add(first + i));
        }
        for i in first + nargs..nlocalsplus {
            write_slot(values.add(i), Value::NULL);
        }
        frame
    }
}

/// A generator's frame, kept in the generator object's own allocation (after its payload,
/// `object::core` invariant 6): dropping it releases the frame's values; the object frees
/// the memory.
pub struct HeapFrame {
    frame: NonNull<Frame>,
}

impl HeapFrame {
    /// The frame.
    pub fn frame(&self) -> NonNull<Frame> {
        self.frame
    }

    /// The frame header.
    pub fn header(&self) -> &Frame {
        // SAFETY: the block holds an initialized frame (written by `move_top_into`) until
        // this HeapFrame is dropped.
        unsafe { self.frame.as_ref() }
    }
}

impl Drop for HeapFrame {
    fn drop(&mut self) {
        // SAFETY: the block holds a live frame that nothing else references once the
        // generator (its only owner) releases it.
        unsafe { Frame::destroy(self.frame.as_ptr()) };
    }
}

/// A value slot as raw bits: moving a `Value` through this type copies all 16 bytes with
/// two (or one vector) moves. Moving it as a `Value` let the compiler split the copy at
/// the enum's padding (payload-less variants, `Bool`'s byte), and the partial stores
/// stalled the loads that followed (see `Value`'s own note on its 8-byte tag).
type SlotBits = MaybeUninit<[u64; 2]>;

/// # Safety
/// `src` is an initialized slot; afterwards the caller owns the returned value and treats
/// the slot as moved from.
#[inline(always)]
unsafe fn read_slot(src: *const Value) -> Value {
    // SAFETY: same size; every bit pattern read from an initialized slot is that value.
    unsafe { std::mem::transmute::<SlotBits, Value>((src as *const SlotBits).read()) }
}

/// # Safety
/// `dst` is a writable slot whose old contents (if any) the caller already owns.
#[inline(always)]
unsafe fn write_slot(dst: *mut Value, v: Value) {
    // SAFETY: same size; `MaybeUninit` carries the padding bytes as they are (a value built
    // from `Value::NULL`/`NONE`/`TRUE`/`FALSE` or `Value::from(bool)` has none).
    unsafe { (dst as *mut SlotBits).write(std::mem::transmute::<Value, SlotBits>(v)) }
}

/// Replaces the value in slot `dst`, returning the old one.
///
/// # Safety
/// `dst` is an initialized slot that no live reference points into.
#[inline(always)]
unsafe fn replace_slot(dst: *mut Value, v: Value) -> Value {
    // SAFETY: by the caller's contract; the old value is moved out before the write.
    unsafe {
        let old = read_slot(dst);
        write_slot(dst, v);
        old
    }
}

/// # Safety
/// As [`read_slot`] for `src` and [`write_slot`] for `dst`.
#[inline(always)]
unsafe fn copy_slot(src: *const Value, dst: *mut Value) {
    // SAFETY: by the caller's contract.
    unsafe { (dst as *mut SlotBits).write((src as *const SlotBits).read()) }
}
