//! The unsafe core of the object model: heap object layout, reference counting, typed
//! handles, downcasting, deallocation (with the trashcan) and the interior-mutability cell.
//!
//! Everything above this module is safe Rust. The invariants this module maintains:
//!
//! 1. **Layout.** Every heap object is a `Box<Object<T>>` for some payload `T`, where
//!    `Object<T>` is `#[repr(C)] { head: Header, data: T }`. A heap-type instance is an
//!    `Object<Extended<T>>` (`#[repr(C)] { base: T, ext: InstanceExt }`), so its first bytes
//!    are a valid `Object<T>`. Payload alignment is at most 16 (asserted per payload), so the
//!    data always starts 16 bytes after the header whatever `T` is.
//! 2. **Type and kind.** `head.ty` points at a live type object (an `Object<Type>`) and holds
//!    a strong reference to it. The type's `kind` is `T::KIND` of the payload the object was
//!    allocated with, and its `dealloc` is `drop_object::<T>` or `drop_object::<Extended<T>>`.
//!    A downcast to `Py<T>` checks `kind == T::KIND`; nothing else ever reinterprets a pointer.
//!    `__class__` assignment keeps the kind (checked by the caller) and parks the old type in
//!    `retired types` so references to it obtained earlier stay valid.
//! 3. **Counts.** `refcnt` counts `ObjRef`/`Py` handles. When it reaches zero the object is
//!    finalized (`__del__`, at most once: the `FINALIZED` flag), then dropped and freed by its
//!    type's `dealloc`, then the type reference is released. Immortal objects start at
//!    `IMMORTAL_REFCNT` and can never reach zero by balanced use.
//! 4. **Cells.** `PyCell<T>` is an `UnsafeCell` whose accessors never hand out a reference
//!    that outlives the accessor call, except `with`/`with_mut`, whose closures must not run
//!    Python code, drop a `Value` or touch the same cell again. Debug builds check the
//!    re-entrancy part. Code that needs to drop values moves them out first (`replace`,
//!    returning the old contents) and drops them after the cell access ends.
//! 5. **Containers.** Objects whose type says `is_gc` (payloads declared `payload!(T, gc)`
//!    and every heap-type instance) are allocated as `GcBox<T>`: 16 bytes of cycle-collector
//!    links (`object::gc`) right before the header, so the header pointer minus 16 is the
//!    links. Their deallocator unlinks them. Other objects have no links and cost nothing.
//! 6. **Trailing values.** An object may keep values right after its payload, in its own
//!    allocation (`alloc_with_values`, and `alloc_extended`'s `__slots__` entries and inline
//!    attribute values): the payload owns them (through a [`ValueArray`] or the instance's
//!    slot cells) and reports their number
//!    (`PyPayload::trailing_values`, `InstanceExt::trailing_values`) for as long as the
//!    object lives, and the deallocator frees the memory with that size after the payload's
//!    drop has dropped the values.

use std::alloc::Layout;
use std::cell::{Cell, UnsafeCell};
use std::marker::PhantomData;
use std::mem::ManuallyDrop;
use std::ptr::NonNull;

use super::gc::{self, GcLinks, GcOps, Visitor};
use super::payload::{Kind, PyPayload};
use super::typeobj::Type;
use super::value::Value;
use super::values::ValueArray;

/// The header every heap object starts with (16 bytes).
#[repr(C)]
pub struct Header {
    refcnt: Cell<u32>,
    flags: Cell<u32>,
    ty: Cell<NonNull<Header>>,
}

const _: () = assert!(std::mem::size_of::<Header>() == 16);

/// A heap object: header then payload.
#[repr(C)]
pub struct Object<T> {
    head: Header,
    data: T,
}

/// Reference count given to immortal objects (types, singletons). Balanced increments and
/// decrements never bring it to zero.
const IMMORTAL_REFCNT: u32 = 1 << 30;

/// Header flag: `__del__` already ran (PEP 442: finalizers run at most once).
pub(crate) const FLAG_FINALIZED: u32 = 1;
/// Header flag: the object is immortal.
const FLAG_IMMORTAL: u32 = 2;
/// Header flag: weak references to this object exist (the VM's side table knows them).
pub(crate) const FLAG_WEAKREFS: u32 = 4;
/// Header flag: the cycle collector found the object unreachable in the collection under
/// way (cleared when the collection ends).
pub(crate) const FLAG_UNREACHABLE: u32 = 8;

/// A strong, untyped reference to a heap object.
#[repr(transparent)]
pub struct ObjRef(NonNull<Header>);

/// A strong reference to a heap object whose payload is known to be `T`.
#[repr(transparent)]
pub struct Py<T: PyPayload> {
    ptr: NonNull<Header>,
    _marker: PhantomData<T>,
}

/// Hooks the object core calls into the VM: finalizers and weak-reference clearing run Python
/// code, which lives above this module.
#[derive(Clone, Copy)]
pub struct Hooks {
    /// Runs `__del__` on an object whose count is temporarily 1.
    pub finalize: fn(&ObjRef),
    /// Clears the weak references to an object about to be freed.
    pub clear_weakrefs: fn(&ObjRef),
}

fn no_finalize(_: &ObjRef) {}

thread_local! {
    static HOOKS: Cell<Hooks> = const {
        Cell::new(Hooks { finalize: no_finalize, clear_weakrefs: no_finalize })
    };
    static TRASH: Trash = const {
        Trash { depth: Cell::new(0), pending: UnsafeCell::new(Vec::new()) }
    };
    static RETIRED_TYPES: UnsafeCell<Vec<ObjRef>> = const { UnsafeCell::new(Vec::new()) };
}

/// Installs the VM's hooks for this thread.
pub fn install_hooks(hooks: Hooks) {
    HOOKS.with(|h| h.set(hooks));
}

// ---------------------------------------------------------------------------------------------
// Allocation

/// Allocates an object of `ty` holding `data`. `ty`'s kind must be `T::KIND` and its layout
/// must not be extended (use [`alloc_extended`] for heap-type instances).
pub(crate) fn alloc<T: PyPayload>(ty: &Py<Type>, data: T) -> Py<T> {
    const { assert!(std::mem::align_of::<T>() <= 16) };
    debug_assert!(ty.kind() == T::KIND && !ty.is_extended());
    let ty_ptr = ty.clone().into_raw();
    Py {
        ptr: place::<T>(ty_ptr, data, T::GC),
        _marker: PhantomData,
    }
}

/// Allocates an object of `ty` whose payload keeps `values` right after itself, in the
/// object's own allocation (invariant 6): `make` builds the payload around the
/// [`ValueArray`] of those values. `ty`'s kind must be `T::KIND`, not extended, and
/// `T::trailing_values` must report the array's `trailing_len`.
#[inline]
pub(crate) fn alloc_with_values<T: PyPayload>(
    ty: &Py<Type>,
    mut values: impl ExactSizeIterator<Item = Value>,
    make: impl FnOnce(ValueArray) -> T,
) -> Py<T> {
    const { assert!(std::mem::align_of::<T>() <= 16) };
    debug_assert!(ty.kind() == T::KIND && !ty.is_extended());
    let ty_ptr = ty.clone().into_raw();
    let n = values.len();
    // Every slot is written, a short iterator leaving `None` in the rest.
    let fill = |items: *mut Value| {
        for i in 0..n {
            let v = match values.next() {
                Some(v) => v,
                None => Value::NONE,
            };
            // SAFETY: `i < n`: a slot of the new object's values.
            unsafe { items.add(i).write(v) };
        }
    };
    // SAFETY: `fill` initialized the `n` values, which lie in the new object's allocation
    // (freed by the object, not the array).
    let make = |items| make(unsafe { ValueArray::trailing(items, n) });
    Py {
        // SAFETY: `fill` writes the `n` values; `T::trailing_values` reports the array
        // (the caller's contract).
        ptr: unsafe { place_with_values::<T>(ty_ptr, T::GC, n, fill, make) },
        _marker: PhantomData,
    }
}

/// Allocates an object of `ty` whose payload manages a block of `n` value-sized slots
/// right after itself, in the object's own allocation (invariant 6; a generator's frame):
/// `fill` writes the block and `make` builds the payload given its address.
///
/// # Safety
/// `T::trailing_values` must report `n` for as long as the object lives, and the payload
/// itself must release whatever the block holds (the deallocator only frees the memory).
#[inline]
pub(crate) unsafe fn alloc_with_block<T: PyPayload>(
    ty: &Py<Type>,
    n: usize,
    fill: impl FnOnce(*mut Value),
    make: impl FnOnce(NonNull<Value>) -> T,
) -> Py<T> {
    const { assert!(std::mem::align_of::<T>() <= 16) };
    debug_assert!(ty.kind() == T::KIND && !ty.is_extended());
    let ty_ptr = ty.clone().into_raw();
    Py {
        // SAFETY: by the caller's contract.
        ptr: unsafe { place_with_values::<T>(ty_ptr, T::GC, n, fill, make) },
        _marker: PhantomData,
    }
}

/// The layout of an object with payload `P` (after the collector's links when `gc`)
/// followed by `n` values, and the offsets of the header and of the values. The values
/// start right at the end of the object (its size is a multiple of its alignment, which is
/// at least a value's); the block's size is not rounded up to the alignment, which
/// `Layout` does not need.
#[inline(always)]
fn layout_with_values<P>(gc: bool, n: usize) -> (Layout, usize, usize) {
    let (size, align, head) = if gc {
        (
            std::mem::size_of::<GcBox<P>>(),
            std::mem::align_of::<GcBox<P>>(),
            std::mem::offset_of!(GcBox<P>, obj),
        )
    } else {
        (
            std::mem::size_of::<Object<P>>(),
            std::mem::align_of::<Object<P>>(),
            0,
        )
    };
    const { assert!(std::mem::align_of::<Value>() <= std::mem::align_of::<Header>()) };
    // The values exist elsewhere already (a vector, the stack) or are few, so their size
    // fits; the check is the overflow test `Vec` would make.
    if n > (isize::MAX as usize - size) / std::mem::size_of::<Value>() - 16 {
        panic!("capacity overflow");
    }
    let bytes = size + n * std::mem::size_of::<Value>();
    // SAFETY: `align` is a type's alignment (a power of two) and `bytes`, checked above,
    // does not overflow `isize` when rounded up to it.
    let layout = unsafe { Layout::from_size_align_unchecked(bytes, align) };
    (layout, head, size)
}

/// Allocates and initializes an object of payload `P` followed by `n` values, which `fill`
/// writes (tracked when `gc`), returning its header. `make` builds the payload given the
/// values' address.
///
/// # Safety
/// `fill` must initialize the `n` slots at the pointer it receives as the payload expects;
/// the object's deallocator must free it with `layout_with_values::<P>(gc, n)`
/// (`free_with_values`), which the payload reports.
#[inline(always)]
unsafe fn place_with_values<P>(
    ty: NonNull<Header>,
    gc: bool,
    n: usize,
    fill: impl FnOnce(*mut Value),
    make: impl FnOnce(NonNull<Value>) -> P,
) -> NonNull<Header> {
    let (layout, head, at) = layout_with_values::<P>(gc, n);
    // SAFETY: the layout has a non-zero size (it holds a header); `free_with_values`
    // releases the block with the same layout.
    let base = unsafe { super::freelist::alloc(layout) };
    if base.is_null() {
        std::alloc::handle_alloc_error(layout);
    }
    // SAFETY: `base + at` is inside the block and aligned for `Value` (the layout said so),
    // and `fill` initializes the `n` slots (the caller's contract).
    let items = unsafe {
        let items = base.add(at).cast::<Value>();
        fill(items);
        NonNull::new_unchecked(items)
    };
    let obj = Object {
        head: Header {
            refcnt: Cell::new(1),
            flags: Cell::new(0),
            ty: Cell::new(ty),
        },
        data: make(items),
    };
    // SAFETY: the block is large enough and aligned for the box (or object) at its start.
    unsafe {
        if gc {
            let boxed = base.cast::<GcBox<P>>();
            boxed.write(GcBox {
                links: GcLinks::new(),
                obj,
            });
            gc::track_new(&(*boxed).links);
        } else {
            base.cast::<Object<P>>().write(obj);
        }
        NonNull::new_unchecked(base.add(head).cast::<Header>())
    }
}

/// Drops the object at `p` (payload `P`, followed by `n` values whose own drops the payload
/// already did) and frees its memory.
///
/// # Safety
/// `p` was allocated by `place_with_values::<P>` with `gc` and `n` values (or by `place`
/// with `n == 0`: a `Box` has the same layout), and has no remaining references.
#[inline(always)]
unsafe fn free_with_values<P>(p: NonNull<Header>, gc: bool, n: usize) {
    let (layout, head, _) = layout_with_values::<P>(gc, n);
    // SAFETY: by the caller's contract the block starts `head` bytes before the header.
    unsafe {
        let base = p.as_ptr().cast::<u8>().sub(head);
        if gc {
            let boxed = base.cast::<GcBox<P>>();
            gc::untrack_freed(&(*boxed).links);
            std::ptr::drop_in_place(boxed);
        } else {
            std::ptr::drop_in_place(base.cast::<Object<P>>());
        }
        super::freelist::free(base, layout);
    }
}

/// A container object: the collector's links, then the object (invariant 5).
#[repr(C)]
pub(crate) struct GcBox<T> {
    links: GcLinks,
    obj: Object<T>,
}

const _: () = assert!(std::mem::size_of::<GcLinks>() == 16);

/// Places a new object (with the collector's links and tracked when `gc`) and returns its
/// header. Same layout as a `Box` of it, freed by `free_with_values` with no values.
#[inline(always)]
fn place<T>(ty: NonNull<Header>, data: T, gc: bool) -> NonNull<Header> {
    // SAFETY: nothing to fill: no values.
    unsafe { place_with_values::<T>(ty, gc, 0, |_| {}, |_| data) }
}

/// The collector's links of a container object.
///
/// # Safety
/// `p` is a live object whose type says it is a container (`Type::is_gc`).
#[inline(always)]
pub(crate) unsafe fn gc_links<'a>(p: NonNull<Header>) -> &'a GcLinks {
    // SAFETY: invariant 5: the links sit right before the header of a container.
    unsafe { &*(p.as_ptr().cast::<u8>().sub(16) as *const GcLinks) }
}

/// The header of the container whose links are `l`.
///
/// # Safety
/// `l` are the links of a live container object.
#[inline(always)]
pub(crate) unsafe fn gc_header(l: NonNull<GcLinks>) -> NonNull<Header> {
    // SAFETY: invariant 5.
    unsafe { NonNull::new_unchecked(l.as_ptr().cast::<u8>().add(16) as *mut Header) }
}

/// Borrows the object at `p` as a reference for the duration of the call, without
/// touching its count.
///
/// # Safety
/// `p` is a live object that stays alive while the result is used.
#[inline(always)]
pub(crate) unsafe fn borrow_obj(p: &NonNull<Header>) -> &ObjRef {
    // SAFETY: `ObjRef` is transparent over the pointer; the caller keeps the object alive.
    unsafe { &*(p as *const NonNull<Header> as *const ObjRef) }
}

/// Takes a new strong reference to the object at `p`.
///
/// # Safety
/// `p` is a live object.
#[inline(always)]
pub(crate) unsafe fn new_ref(p: NonNull<Header>) -> ObjRef {
    // SAFETY: live by the caller's contract.
    unsafe { borrow_obj(&p) }.clone()
}

/// A new strong reference to the object at `addr` (an [`ObjRef::addr`]), for an inline
/// cache that keeps an object's address while something else keeps the object alive;
/// `None` for 0.
///
/// # Safety
/// `addr` is 0 or the address of a live object.
#[inline(always)]
pub(crate) unsafe fn new_ref_at(addr: usize) -> Option<ObjRef> {
    // SAFETY: live by the caller's contract.
    NonNull::new(addr as *mut Header).map(|p| unsafe { new_ref(p) })
}

/// The cycle collector's operations for objects allocated as `Object<T>`, if `T` is a
/// container.
pub(crate) fn gc_ops<T: PyPayload>() -> Option<GcOps> {
    T::GC.then_some(GcOps {
        traverse: traverse_plain::<T>,
        clear: clear_plain::<T>,
    })
}

/// The cycle collector's operations for heap-type instances with solid base `T` (always
/// containers: they can have a `__dict__` or `__slots__`).
pub(crate) fn gc_ops_extended<T: PyPayload>() -> GcOps {
    GcOps {
        traverse: traverse_extended::<T>,
        clear: clear_extended::<T>,
    }
}

fn payload_of<T: PyPayload>(o: &ObjRef) -> &T {
    // SAFETY: the type's ops were chosen for payload `T` (invariant 2), and both layouts
    // start with an `Object<T>` (invariant 1).
    unsafe { &(*o.0.cast::<Object<T>>().as_ptr()).data }
}

fn traverse_plain<T: PyPayload>(o: &ObjRef, v: &mut Visitor<'_>) {
    payload_of::<T>(o).gc_traverse(v);
}

fn clear_plain<T: PyPayload>(o: &ObjRef) {
    payload_of::<T>(o).gc_clear();
}

/// CPython's `subtype_traverse` order: `__slots__`, attributes, the type (the header's
/// strong reference), then the base payload.
fn traverse_extended<T: PyPayload>(o: &ObjRef, v: &mut Visitor<'_>) {
    if let Some(ext) = o.ext() {
        ext.gc_traverse(v);
    }
    v.py(o.ty());
    payload_of::<T>(o).gc_traverse(v);
}

fn clear_extended<T: PyPayload>(o: &ObjRef) {
    if let Some(ext) = o.ext() {
        ext.gc_clear();
    }
    payload_of::<T>(o).gc_clear();
}

/// Per-instance state of heap-type instances: attributes and `__slots__` storage.
pub use super::instance::InstanceExt;

/// The layout of a heap-type instance whose solid base has payload `T`.
#[repr(C)]
pub struct Extended<T> {
    base: T,
    ext: InstanceExt,
}

/// Allocates an instance of a heap type (`ty.is_extended()`), solid base payload `T`, with
/// room for `nslots` `__slots__` entries and then `inline` attribute values after it
/// (invariant 6), all `Null`: `make_ext` builds the instance's extension around them
/// (given the entries' address and the attribute values' array).
#[inline]
pub(crate) fn alloc_extended<T: PyPayload>(
    ty: &Py<Type>,
    data: T,
    nslots: usize,
    inline: usize,
    make_ext: impl FnOnce(NonNull<Value>, ValueArray) -> InstanceExt,
) -> Py<T> {
    const { assert!(std::mem::align_of::<Extended<T>>() <= 16) };
    debug_assert!(ty.kind() == T::KIND && ty.is_extended() && data.trailing_values() == 0);
    let ty_ptr = ty.clone().into_raw();
    let total = nslots + inline;
    let (layout, head, at) = layout_with_values::<Extended<T>>(true, total);
    // Each part is written straight into the block (not built as a `GcBox` value and
    // moved: LLVM copied the ~100-byte value through the stack three times, ~40 machine
    // instructions per instance).
    // SAFETY: the layout has a non-zero size; `drop_gc_extended` frees the block with
    // `layout_with_values::<Extended<T>>(true, n)`, `n` the extension's
    // `trailing_values`, which `make_ext` makes `nslots` plus the array's length
    // (invariant 6). The block is aligned for the box at its start, and the `total` values
    // after it are filled with `Null`s (all zero bits, `Value::NULL`) before anything reads them.
    unsafe {
        let base = super::freelist::alloc(layout);
        if base.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        let items = base.add(at).cast::<Value>();
        std::ptr::write_bytes(items, 0, total);
        let boxed = base.cast::<GcBox<Extended<T>>>();
        let obj = &raw mut (*boxed).obj;
        (&raw mut (*obj).head).write(Header {
            refcnt: Cell::new(1),
            flags: Cell::new(0),
            ty: Cell::new(ty_ptr),
        });
        (&raw mut (*obj).data.base).write(data);
        let values = ValueArray::trailing(NonNull::new_unchecked(items.add(nslots)), inline);
        (&raw mut (*obj).data.ext).write(make_ext(NonNull::new_unchecked(items), values));
        let links = &raw mut (*boxed).links;
        links.write(GcLinks::new());
        gc::track_new(&*links);
        Py {
            ptr: NonNull::new_unchecked(base.add(head).cast::<Header>()),
            _marker: PhantomData,
        }
    }
}

/// Offset of the extension inside the payload of `Extended<T>`.
pub(crate) const fn ext_offset<T>() -> usize {
    std::mem::offset_of!(Extended<T>, ext)
}

/// The deallocator for objects allocated as `Object<T>`.
pub(crate) fn dealloc_fn<T: PyPayload>() -> DeallocFn {
    if T::GC {
        drop_gc_object::<T>
    } else {
        drop_object::<T>
    }
}

/// The deallocator for objects allocated as `Object<Extended<T>>`.
pub(crate) fn dealloc_extended_fn<T: PyPayload>() -> DeallocFn {
    drop_gc_extended::<T>
}

/// Drops and frees an object (its type reference is released by the caller).
pub type DeallocFn = unsafe fn(NonNull<Header>);

/// # Safety
/// `p` must have been allocated as an `Object<T>` (by `place`, or by `place_with_values`
/// with the number of values the payload reports) and have no remaining references.
unsafe fn drop_object<T: PyPayload>(p: NonNull<Header>) {
    // SAFETY: live until freed; invariant 6 says how many values follow the payload.
    unsafe {
        let n = (*p.cast::<Object<T>>().as_ptr()).data.trailing_values();
        free_with_values::<T>(p, false, n);
    }
}

/// # Safety
/// `p` must have been allocated as a `GcBox<T>` (by `place`, or by `place_with_values` with
/// the number of values the payload reports) and have no remaining references.
unsafe fn drop_gc_object<T: PyPayload>(p: NonNull<Header>) {
    // SAFETY: live until freed; invariant 6 says how many values follow the payload.
    unsafe {
        let n = (*p.cast::<Object<T>>().as_ptr()).data.trailing_values();
        free_with_values::<T>(p, true, n);
    }
}

/// # Safety
/// `p` must have been allocated by `alloc_extended::<T>` and have no remaining references.
unsafe fn drop_gc_extended<T: PyPayload>(p: NonNull<Header>) {
    // SAFETY: live until freed; invariant 6: the extension knows the values after it, and
    // the block starts `head` bytes before the header (invariant 5). The usual instance
    // (a payload with nothing to drop, inline attributes in the object's own memory) has
    // only its `__slots__` entries and attribute values to release, which `release_plain` does
    // without the drop glue's nested out-of-line calls; otherwise the extension is
    // dropped in full. The object is untracked first, as `free_with_values` does.
    unsafe {
        let obj = p.cast::<Object<Extended<T>>>().as_ptr();
        let n = (*obj).data.ext.trailing_values();
        let (layout, head, _) = layout_with_values::<Extended<T>>(true, n);
        let base = p.as_ptr().cast::<u8>().sub(head);
        gc::untrack_freed(&(*base.cast::<GcBox<Extended<T>>>()).links);
        if std::mem::needs_drop::<T>() || !InstanceExt::release_plain(&raw mut (*obj).data.ext) {
            std::ptr::drop_in_place(&raw mut (*obj).data);
        }
        super::freelist::free(base, layout);
    }
}

/// Builds the first objects, whose types do not exist yet: `make` receives an allocator of
/// objects with a placeholder type, then `patch` fixes each placeholder once the types exist.
pub(crate) struct Bootstrap {
    placeholders: Vec<NonNull<Header>>,
}

impl Bootstrap {
    pub(crate) fn new() -> Bootstrap {
        Bootstrap {
            placeholders: Vec::new(),
        }
    }

    /// Allocates an object whose type is set later by [`Bootstrap::finish`]. Until then the
    /// object must not be inspected (no `ty()`, no downcast, no drop).
    pub(crate) fn alloc<T: PyPayload>(&mut self, data: T) -> Py<T> {
        let ptr = place::<T>(NonNull::dangling(), data, T::GC);
        self.placeholders.push(ptr);
        Py {
            ptr,
            _marker: PhantomData,
        }
    }

    /// Gives every placeholder object its type: `type_of(i)` for the i-th allocation.
    pub(crate) fn finish(self, type_of: impl Fn(usize) -> Py<Type>) {
        for (i, p) in self.placeholders.into_iter().enumerate() {
            let ty = type_of(i).into_raw();
            // SAFETY: `p` is a live object allocated above; nothing has read its type yet.
            unsafe { p.as_ref() }.ty.set(ty);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// ObjRef

impl ObjRef {
    #[inline(always)]
    fn header(&self) -> &Header {
        // SAFETY: an ObjRef keeps its object alive (invariant 3).
        unsafe { self.0.as_ref() }
    }

    /// The object's type.
    ///
    /// Do not keep the result across a call that can run Python code unless you clone it:
    /// `__class__` assignment may change it (the old type stays alive, see invariant 2).
    #[inline(always)]
    pub fn ty(&self) -> &Py<Type> {
        // SAFETY: `Cell<NonNull<Header>>` has the layout of `Py<Type>` (both transparent
        // over one pointer), the pointer is a live type object (invariant 2), and the cell is
        // only written by `set_class`, which keeps the previous type alive.
        unsafe { &*(self.header().ty.as_ptr() as *const Py<Type>) }
    }

    /// The address of the object (`id()`).
    #[inline(always)]
    pub fn addr(&self) -> usize {
        self.0.as_ptr() as usize
    }

    /// Whether two references point at the same object.
    #[inline(always)]
    pub fn is(&self, other: &ObjRef) -> bool {
        self.0 == other.0
    }

    /// Downcasts to a typed reference if the payload is `T`.
    #[inline(always)]
    pub fn downcast<T: PyPayload>(&self) -> Option<&Py<T>> {
        if self.ty().kind() == T::KIND {
            // SAFETY: `Py<T>` is transparent over the same pointer, and the kind check makes
            // the payload a `T` (invariant 2).
            Some(unsafe { &*(self as *const ObjRef as *const Py<T>) })
        } else {
            None
        }
    }

    /// Converts into a typed reference if the payload is `T`.
    #[inline(always)]
    pub fn into_downcast<T: PyPayload>(self) -> Result<Py<T>, ObjRef> {
        if self.ty().kind() == T::KIND {
            let me = ManuallyDrop::new(self);
            Ok(Py {
                ptr: me.0,
                _marker: PhantomData,
            })
        } else {
            Err(self)
        }
    }

    /// The payload kind of the object.
    #[inline(always)]
    pub fn kind(&self) -> Kind {
        self.ty().kind()
    }

    /// The extension of a heap-type instance.
    #[inline]
    pub fn ext(&self) -> Option<&InstanceExt> {
        let offset = self.ty().ext_offset()?;
        // SAFETY: the type says the object is an `Object<Extended<T>>` whose `ext` sits at
        // `offset` within the payload, which starts 16 bytes after the header (invariant 1).
        unsafe {
            let base = self.0.as_ptr().cast::<u8>().add(16 + offset);
            Some(&*(base as *const InstanceExt))
        }
    }

    /// Current reference count (for `sys.getrefcount` and tests).
    pub fn refcount(&self) -> u32 {
        self.header().refcnt.get()
    }

    /// Makes the object immortal: it will never be freed.
    pub fn make_immortal(&self) {
        let h = self.header();
        h.refcnt.set(IMMORTAL_REFCNT);
        h.flags.set(h.flags.get() | FLAG_IMMORTAL);
        // Immortal objects are never garbage: the collector need not look at them (what
        // they reference counts as referenced from outside, which is right).
        self.gc_untrack();
    }

    /// Whether the object is a container allocated with the collector's links.
    #[inline(always)]
    pub fn is_gc(&self) -> bool {
        self.ty().is_gc()
    }

    /// Whether the cycle collector tracks the object (`gc.is_tracked`).
    pub fn gc_is_tracked(&self) -> bool {
        // SAFETY: checked to be a container.
        self.is_gc() && unsafe { gc_links(self.0) }.is_linked()
    }

    /// Stops tracking the object (immortal objects).
    pub fn gc_untrack(&self) {
        if self.is_gc() {
            // SAFETY: checked to be a container.
            gc::untrack(unsafe { gc_links(self.0) });
        }
    }

    /// The raw header pointer, for the collector.
    #[inline(always)]
    pub(crate) fn raw(&self) -> NonNull<Header> {
        self.0
    }

    /// The raw flags word, for the collector.
    #[inline(always)]
    pub(crate) fn header_flags(&self) -> &Cell<u32> {
        &self.header().flags
    }

    /// Whether the object is immortal.
    pub fn is_immortal(&self) -> bool {
        self.header().flags.get() & FLAG_IMMORTAL != 0
    }

    /// Marks that weak references to this object exist, so deallocation clears them.
    pub fn set_has_weakrefs(&self) {
        let h = self.header();
        h.flags.set(h.flags.get() | FLAG_WEAKREFS);
    }

    /// Records that `__del__` ran (or is about to run) on this object.
    pub fn mark_finalized(&self) {
        let h = self.header();
        h.flags.set(h.flags.get() | FLAG_FINALIZED);
    }

    /// Whether `__del__` already ran on this object.
    pub fn is_finalized(&self) -> bool {
        self.header().flags.get() & FLAG_FINALIZED != 0
    }

    /// Changes the object's type (`__class__` assignment). The caller checks that the new
    /// type has the same kind and layout. The old type is retired, not released, so
    /// references obtained from [`ObjRef::ty`] before the change stay valid.
    pub fn set_class(&self, new: &Py<Type>) {
        debug_assert!(
            new.kind() == self.kind() && new.ext_offset() == self.ty().ext_offset(),
            "__class__ assignment between incompatible layouts"
        );
        let new_ptr = new.clone().into_raw();
        let old = self.header().ty.replace(new_ptr);
        // SAFETY: `old` was the strong type reference this header held.
        let old = ObjRef(old);
        RETIRED_TYPES.with(|r| {
            // SAFETY: only this function touches the retired list, and pushing runs no
            // Python code.
            unsafe { (*r.get()).push(old) }
        });
    }

    /// A reference to the raw object for comparison and hashing without ownership.
    #[inline(always)]
    pub fn as_ptr(&self) -> *const () {
        self.0.as_ptr() as *const ()
    }
}

impl Clone for ObjRef {
    #[inline(always)]
    fn clone(&self) -> ObjRef {
        let h = self.header();
        h.refcnt.set(h.refcnt.get().wrapping_add(1));
        ObjRef(self.0)
    }
}

impl Drop for ObjRef {
    #[inline(always)]
    fn drop(&mut self) {
        let h = self.header();
        let n = h.refcnt.get().wrapping_sub(1);
        h.refcnt.set(n);
        if n == 0 {
            release(self.0);
        }
    }
}

impl std::fmt::Debug for ObjRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{} object at {:#x}>", self.ty().name(), self.addr())
    }
}

// ---------------------------------------------------------------------------------------------
// Py<T>

impl<T: PyPayload> Py<T> {
    #[inline(always)]
    fn object(&self) -> &Object<T> {
        // SAFETY: the handle keeps the object alive, and its payload is a `T` (either an
        // `Object<T>` or the prefix of an `Object<Extended<T>>`, invariant 1).
        unsafe { self.ptr.cast::<Object<T>>().as_ref() }
    }

    /// The untyped reference.
    #[inline(always)]
    pub fn as_obj(&self) -> &ObjRef {
        // SAFETY: both are transparent over the same pointer.
        unsafe { &*(self as *const Py<T> as *const ObjRef) }
    }

    /// Converts into the untyped reference.
    #[inline(always)]
    pub fn into_obj(self) -> ObjRef {
        ObjRef(ManuallyDrop::new(self).ptr)
    }

    /// Whether two handles point at the same object.
    #[inline(always)]
    pub fn is(&self, other: &Py<T>) -> bool {
        self.ptr == other.ptr
    }

    /// The address of the object.
    #[inline(always)]
    pub fn addr(&self) -> usize {
        self.ptr.as_ptr() as usize
    }

    #[inline(always)]
    fn into_raw(self) -> NonNull<Header> {
        ManuallyDrop::new(self).ptr
    }

    /// The payload, mutably, when this handle is the object's only reference (count 1, no
    /// weak references): nothing else can observe the change. Used to grow an unshared str
    /// in place (`s += t`).
    #[inline]
    pub fn get_mut(&mut self) -> Option<&mut T> {
        let h = &self.object().head;
        if h.refcnt.get() != 1 || h.flags.get() & (FLAG_WEAKREFS | FLAG_IMMORTAL) != 0 {
            return None;
        }
        // SAFETY: the object is live and its payload is a `T` (as in `object`); with a count
        // of 1 this handle, borrowed mutably here, is the only path to the payload, so no
        // other reference to it exists for the lifetime of the result. Only `data` is
        // borrowed, never the header's cells.
        Some(unsafe { &mut (*self.ptr.cast::<Object<T>>().as_ptr()).data })
    }
}

impl<T: PyPayload> std::ops::Deref for Py<T> {
    type Target = T;
    #[inline(always)]
    fn deref(&self) -> &T {
        &self.object().data
    }
}

impl<T: PyPayload> Clone for Py<T> {
    #[inline(always)]
    fn clone(&self) -> Py<T> {
        std::mem::forget(self.as_obj().clone());
        Py {
            ptr: self.ptr,
            _marker: PhantomData,
        }
    }
}

impl<T: PyPayload> Drop for Py<T> {
    #[inline(always)]
    fn drop(&mut self) {
        let h = &self.object().head;
        let n = h.refcnt.get().wrapping_sub(1);
        h.refcnt.set(n);
        if n == 0 {
            release(self.ptr);
        }
    }
}

impl<T: PyPayload> std::fmt::Debug for Py<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_obj().fmt(f)
    }
}

// ---------------------------------------------------------------------------------------------
// Unowned

/// A non-owning reference for back-links (a type's subclass list). Whoever keeps one must
/// drop it before the object is freed: a type removes itself from its bases' subclass lists
/// when it is dropped, which is the only use.
pub struct Unowned<T: PyPayload> {
    ptr: NonNull<Header>,
    _marker: PhantomData<T>,
}

impl<T: PyPayload> Unowned<T> {
    /// A back-link to `target`.
    pub fn new(target: &Py<T>) -> Unowned<T> {
        Unowned {
            ptr: target.ptr,
            _marker: PhantomData,
        }
    }

    /// A strong reference to the (still live, by the removal protocol) target.
    pub fn upgrade(&self) -> Py<T> {
        // SAFETY: the holder removes this link before the target is freed (see above), so
        // the target is live; `Py` is transparent over the pointer, and cloning through a
        // borrowed handle takes a new strong reference.
        let borrowed = ManuallyDrop::new(Py::<T> {
            ptr: self.ptr,
            _marker: PhantomData,
        });
        (*borrowed).clone()
    }

    /// Whether this links to the object whose payload is at `payload`.
    pub fn points_at_payload(&self, payload: *const T) -> bool {
        self.ptr.as_ptr() as usize + 16 == payload as usize
    }
}

/// A non-owning, untyped reference for weak references. The weak-reference table clears
/// every `UnownedObj` to an object (through the `clear_weakrefs` hook, which runs before
/// the object is freed) and removes the ones held by dying weak references, so a live
/// `UnownedObj` always points at a live object.
pub struct UnownedObj {
    ptr: NonNull<Header>,
}

impl UnownedObj {
    /// A weak link to `target`.
    pub fn new(target: &ObjRef) -> UnownedObj {
        UnownedObj { ptr: target.0 }
    }

    /// A strong reference to the (still live, by the clearing protocol) target.
    pub fn upgrade(&self) -> ObjRef {
        // SAFETY: the holder drops this link before the target is freed (see above);
        // cloning through a borrowed handle takes a new strong reference.
        let borrowed = ManuallyDrop::new(ObjRef(self.ptr));
        (*borrowed).clone()
    }

    /// The target's address (`id()`).
    pub fn addr(&self) -> usize {
        self.ptr.as_ptr() as usize
    }
}

// ---------------------------------------------------------------------------------------------
// Deallocation and the trashcan

/// Nesting depth of deallocations beyond which nested ones are deferred (CPython's trashcan
/// uses a comparable bound), so that freeing a million-deep linked structure does not
/// recurse on the Rust stack.
const TRASH_DEPTH: u32 = 64;

struct Trash {
    depth: Cell<u32>,
    pending: UnsafeCell<Vec<NonNull<Header>>>,
}

/// Called when a count reaches zero. The thread's trash state is reached by address and
/// the deallocation is inlined here: as a `LocalKey::with` closure, whether the body stayed
/// in this function or became two more calls changed between builds with unrelated
/// edits (~65 machine instructions per deallocation, measured in session 12).
#[cold]
#[inline(never)]
fn release(p: NonNull<Header>) {
    let trash: *const Trash = TRASH.with(|t| t as *const Trash);
    // SAFETY: a thread-local lives as long as its thread, which is running this.
    let trash = unsafe { &*trash };
    let depth = trash.depth.get();
    if depth >= TRASH_DEPTH {
        // SAFETY: the pending list is only touched here and in the drain below, never
        // while a reference into it is live.
        unsafe { (*trash.pending.get()).push(p) };
        return;
    }
    trash.depth.set(depth + 1);
    // SAFETY: the count of `p` just reached zero.
    unsafe { dealloc_now(p) };
    if depth == 0 {
        loop {
            // SAFETY: as above; the pop completes before the deallocation runs.
            let next = unsafe { (*trash.pending.get()).pop() };
            match next {
                // SAFETY: deferred objects had a zero count when queued and nothing
                // can reach them.
                Some(q) => unsafe { dealloc_deferred(q) },
                None => break,
            }
        }
    }
    trash.depth.set(depth);
}

/// [`dealloc_now`] for an object the trashcan deferred (out of line: rare).
///
/// # Safety
/// As for [`dealloc_now`].
#[inline(never)]
unsafe fn dealloc_deferred(p: NonNull<Header>) {
    // SAFETY: by the caller's contract.
    unsafe { dealloc_now(p) }
}

/// # Safety
/// `p` is a live object whose count is zero.
#[inline(always)]
unsafe fn dealloc_now(p: NonNull<Header>) {
    // SAFETY: live until freed below.
    let head = unsafe { p.as_ref() };
    // SAFETY: invariant 2: `ty` is a live type object.
    let ty: &Py<Type> = unsafe { &*(head.ty.as_ptr() as *const Py<Type>) };
    let flags = head.flags.get();
    if ty.has_finalizer() && flags & FLAG_FINALIZED == 0 {
        head.flags.set(flags | FLAG_FINALIZED);
        head.refcnt.set(1);
        let obj = ManuallyDrop::new(ObjRef(p));
        (HOOKS.with(Cell::get).finalize)(&obj);
        let n = head.refcnt.get() - 1;
        head.refcnt.set(n);
        if n != 0 {
            // Resurrected by `__del__`.
            return;
        }
    }
    if head.flags.get() & FLAG_WEAKREFS != 0 {
        head.refcnt.set(1);
        let obj = ManuallyDrop::new(ObjRef(p));
        (HOOKS.with(Cell::get).clear_weakrefs)(&obj);
        head.refcnt.set(0);
    }
    let ty_ptr = head.ty.get();
    let dealloc = ty.dealloc_fn();
    // SAFETY: the type's deallocator matches the allocation (invariant 2).
    unsafe { dealloc(p) };
    // The header's strong reference to the type.
    drop(ObjRef(ty_ptr));
}

// ---------------------------------------------------------------------------------------------
// PyCell

/// Interior mutability for payload fields (see invariant 4).
pub struct PyCell<T> {
    value: UnsafeCell<T>,
    #[cfg(debug_assertions)]
    busy: Cell<bool>,
}

impl<T> PyCell<T> {
    /// A cell holding `value`.
    pub const fn new(value: T) -> PyCell<T> {
        PyCell {
            value: UnsafeCell::new(value),
            #[cfg(debug_assertions)]
            busy: Cell::new(false),
        }
    }

    #[inline(always)]
    fn enter(&self) {
        #[cfg(debug_assertions)]
        {
            assert!(!self.busy.get(), "PyCell re-entered");
            self.busy.set(true);
        }
    }

    #[inline(always)]
    fn leave(&self) {
        #[cfg(debug_assertions)]
        self.busy.set(false);
    }

    /// The contents, through exclusive access to the cell (no borrow can be live).
    #[inline(always)]
    pub fn get_mut(&mut self) -> &mut T {
        self.value.get_mut()
    }

    /// Replaces the contents, returning the old ones (drop them after this call).
    #[inline]
    pub fn replace(&self, value: T) -> T {
        self.enter();
        // SAFETY: no reference into the cell is live (invariant 4).
        let old = unsafe { std::mem::replace(&mut *self.value.get(), value) };
        self.leave();
        old
    }

    /// Runs `f` on a shared view. `f` must not run Python code, drop values, or touch this
    /// cell.
    #[inline]
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.enter();
        // SAFETY: invariant 4; re-entrancy is checked in debug builds.
        let r = f(unsafe { &*self.value.get() });
        self.leave();
        r
    }

    /// Runs `f` on a mutable view. `f` must not run Python code, drop values, or touch this
    /// cell; values it removes are returned out of it and dropped by the caller.
    #[inline]
    pub fn with_mut<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        self.enter();
        // SAFETY: invariant 4; re-entrancy is checked in debug builds.
        let r = f(unsafe { &mut *self.value.get() });
        self.leave();
        r
    }
}

impl<T: Clone> PyCell<T> {
    /// A copy of the contents (cloning values only touches reference counts).
    #[inline]
    pub fn get(&self) -> T {
        self.with(T::clone)
    }
}

impl<T: Default> PyCell<T> {
    /// Takes the contents, leaving the default.
    #[inline]
    pub fn take(&self) -> T {
        self.replace(T::default())
    }
}

impl<T: Default> Default for PyCell<T> {
    fn default() -> Self {
        PyCell::new(T::default())
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for PyCell<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PyCell(..)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_and_value_sizes() {
        assert_eq!(std::mem::size_of::<Header>(), 16);
        assert_eq!(std::mem::size_of::<ObjRef>(), 8);
        assert_eq!(std::mem::size_of::<Option<ObjRef>>(), 8);
    }
}
