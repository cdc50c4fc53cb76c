//! The cycle collector's core: the tracking lists of container objects (intrusive links in
//! the 16 bytes before a container's header, see `core` invariant 5), the allocation count
//! that requests a collection, and CPython's reachability analysis (copy the counts,
//! subtract the references containers hold to each other, propagate reachability from what
//! is still referenced from outside). What runs Python code (finalizers, weak reference
//! callbacks, `gc.callbacks`) lives in `runtime::gc`, which drives a [`Collection`].
//!
//! Unsafe code here relies on: every pointer in a tracking list is the links of a live
//! container (objects unlink themselves when freed, `core::drop_gc_object`); during the
//! analysis ([`partition`]) no Python code runs and no count changes, so the `prev` links may
//! hold scratch indices, and every analysed object is relinked before the analysis returns
//! control to code that could free one.

use std::cell::Cell;
use std::ptr::{self, NonNull};

use super::core::{FLAG_UNREACHABLE, Header, ObjRef, Py, borrow_obj, gc_header, gc_links, new_ref};
use super::payload::PyPayload;
use super::value::Value;

/// Intrusive doubly linked list links (both null: not tracked).
#[repr(C)]
pub struct GcLinks {
    prev: Cell<*mut GcLinks>,
    next: Cell<*mut GcLinks>,
}

impl GcLinks {
    pub(crate) const fn new() -> GcLinks {
        GcLinks {
            prev: Cell::new(ptr::null_mut()),
            next: Cell::new(ptr::null_mut()),
        }
    }

    /// Whether the object is in a tracking list.
    pub(crate) fn is_linked(&self) -> bool {
        !self.next.get().is_null()
    }

    fn as_mut_ptr(&self) -> *mut GcLinks {
        self as *const GcLinks as *mut GcLinks
    }
}

/// A container type's collector operations.
#[derive(Clone, Copy)]
pub struct GcOps {
    /// Visits each strong reference the object holds.
    pub traverse: fn(&ObjRef, &mut Visitor<'_>),
    /// Drops the object's references.
    pub clear: fn(&ObjRef),
}

/// What a payload's `gc_traverse` reports its references to.
///
/// Contract for `gc_traverse`: report every reference the payload *owns* (holds a count on)
/// exactly once, and nothing it does not own (`Unowned` links, pointers shared through an
/// `Rc` whose count is above one). Leaving a reference out is safe (its target then counts
/// as referenced from outside, so it is kept); reporting one too many is not.
///
/// The collector's own two passes are modes decided inline at each visit (no `dyn` call
/// per reference: an instance's traversal cost ~92 machine instructions through closures);
/// everything else (`gc.get_referents`, `gc.get_referrers`) passes closures.
pub struct Visitor<'a> {
    mode: Mode<'a>,
}

enum Mode<'a> {
    /// Reachability analysis, first pass: one less for each analysed object referenced.
    Subtract(&'a mut [i64]),
    /// Second pass: an analysed object referenced whose count is not above zero becomes
    /// reachable (count 1) and is queued for traversal.
    Mark(&'a mut [i64], &'a mut Vec<usize>),
    /// Any other walk: `objs` on each heap object, `scalars` (when given) on immediates.
    Calls(
        &'a mut dyn FnMut(&ObjRef),
        Option<&'a mut dyn FnMut(&Value)>,
    ),
}

impl<'a> Visitor<'a> {
    /// A visitor calling `objs` on each referenced heap object.
    pub fn new(objs: &'a mut dyn FnMut(&ObjRef)) -> Visitor<'a> {
        Visitor {
            mode: Mode::Calls(objs, None),
        }
    }

    /// A visitor that also sees immediate values (`gc.get_referents`).
    pub fn with_scalars(
        objs: &'a mut dyn FnMut(&ObjRef),
        scalars: &'a mut dyn FnMut(&Value),
    ) -> Visitor<'a> {
        Visitor {
            mode: Mode::Calls(objs, Some(scalars)),
        }
    }

    /// A referenced value (`Null` is skipped).
    #[inline(always)]
    pub fn value(&mut self, v: &Value) {
        match v {
            Value::Obj(o) => self.obj(o),
            Value::Null => {}
            other => {
                if let Mode::Calls(_, Some(s)) = &mut self.mode {
                    s(other)
                }
            }
        }
    }

    /// Referenced values: the mode is decided once, so each pass runs its own loop (an
    /// instance's `__slots__` and attribute values, a list's items).
    #[inline]
    pub fn values<'v>(&mut self, vs: impl IntoIterator<Item = &'v Value>) {
        match &mut self.mode {
            Mode::Subtract(refs) => {
                for v in vs {
                    if let Value::Obj(o) = v {
                        subtract(refs, o);
                    }
                }
            }
            Mode::Mark(refs, work) => {
                for v in vs {
                    if let Value::Obj(o) = v {
                        mark(refs, work, o);
                    }
                }
            }
            Mode::Calls(..) => {
                for v in vs {
                    self.value(v);
                }
            }
        }
    }

    /// A referenced object.
    #[inline(always)]
    pub fn obj(&mut self, o: &ObjRef) {
        match &mut self.mode {
            Mode::Subtract(refs) => subtract(refs, o),
            Mode::Mark(refs, work) => mark(refs, work, o),
            Mode::Calls(f, _) => f(o),
        }
    }

    /// A referenced typed object.
    #[inline(always)]
    pub fn py<T: PyPayload>(&mut self, p: &Py<T>) {
        self.obj(p.as_obj())
    }

    /// An optional referenced object.
    #[inline(always)]
    pub fn opt<T: PyPayload>(&mut self, p: &Option<Py<T>>) {
        if let Some(p) = p {
            self.obj(p.as_obj())
        }
    }
}

/// The subtract pass's visit: one reference less from outside for an analysed object.
#[inline(always)]
fn subtract(refs: &mut [i64], o: &ObjRef) {
    if let Some(j) = analysed_index(o) {
        refs[j] -= 1;
    }
}

/// The mark pass's visit: an analysed object not yet known reachable becomes so (count 1)
/// and is queued.
#[inline(always)]
fn mark(refs: &mut [i64], work: &mut Vec<usize>, o: &ObjRef) {
    if let Some(j) = analysed_index(o)
        && refs[j] <= 0
    {
        refs[j] = 1;
        work.push(j);
    }
}

/// Number of generations (`gc.get_count()` / `get_threshold()` report three).
pub const GENERATIONS: usize = 3;
const PERMANENT: usize = GENERATIONS;

/// Per-generation statistics (`gc.get_stats()`).
#[derive(Clone, Copy, Default)]
pub struct GenStats {
    /// Collections of this generation.
    pub collections: i64,
    /// Objects found unreachable.
    pub collected: i64,
    /// Unreachable objects that could not be freed (DEBUG_SAVEALL keeps them).
    pub uncollectable: i64,
}

struct State {
    /// Sentinels of the generation lists and of the frozen (permanent) list; null links
    /// until first use.
    lists: [GcLinks; GENERATIONS + 1],
    count: [Cell<i64>; GENERATIONS],
    threshold: [Cell<i64>; GENERATIONS],
    /// `count[0]` above which a collection is requested (`i64::MAX` when automatic
    /// collection is off), folded so allocation makes one comparison.
    trigger: Cell<i64>,
    enabled: Cell<bool>,
    pending: Cell<bool>,
    collecting: Cell<bool>,
    long_lived_total: Cell<i64>,
    long_lived_pending: Cell<i64>,
    stats: Cell<[GenStats; GENERATIONS]>,
}

thread_local! {
    static STATE: State = const {
        State {
            lists: [const { GcLinks::new() }; GENERATIONS + 1],
            count: [const { Cell::new(0) }; GENERATIONS],
            threshold: [Cell::new(2000), Cell::new(10), Cell::new(10)],
            trigger: Cell::new(2000),
            enabled: Cell::new(true),
            pending: Cell::new(false),
            collecting: Cell::new(false),
            long_lived_total: Cell::new(0),
            long_lived_pending: Cell::new(0),
            stats: Cell::new([GenStats { collections: 0, collected: 0, uncollectable: 0 };
                GENERATIONS]),
        }
    };
}

/// This thread's collector state. The accessor's closure is trivial so that the
/// thread-local access inlines into the allocation path (a larger closure made
/// `LocalKey::with` an out-of-line call per allocation).
#[inline(always)]
fn state() -> &'static State {
    // SAFETY: the state lives as long as the thread (const-initialized, no destructor),
    // and nothing outlives the thread that uses the reference.
    STATE.with(|s| unsafe { &*(s as *const State) })
}

#[inline(always)]
fn with_state<R>(f: impl FnOnce(&State) -> R) -> R {
    f(state())
}

impl State {
    #[inline(always)]
    fn list(&self, i: usize) -> &GcLinks {
        let head = &self.lists[i];
        if head.next.get().is_null() {
            self.init_lists();
        }
        head
    }

    #[cold]
    fn init_lists(&self) {
        for l in &self.lists {
            if l.next.get().is_null() {
                l.prev.set(l.as_mut_ptr());
                l.next.set(l.as_mut_ptr());
            }
        }
    }

    fn refresh_trigger(&self) {
        let t = self.threshold[0].get();
        let on = self.enabled.get() && t > 0;
        self.trigger.set(if on { t } else { i64::MAX });
    }
}

/// Appends `l` at the tail of the list whose sentinel is `head`.
#[inline(always)]
fn link_tail(head: &GcLinks, l: &GcLinks) {
    let last = head.prev.get();
    l.prev.set(last);
    l.next.set(head.as_mut_ptr());
    // SAFETY: `last` is the sentinel or a linked live container (module invariant).
    unsafe { (*last).next.set(l.as_mut_ptr()) };
    head.prev.set(l.as_mut_ptr());
}

#[inline(always)]
fn unlink(l: &GcLinks) {
    let (prev, next) = (l.prev.get(), l.next.get());
    // SAFETY: neighbours of a linked container are live containers or sentinels.
    unsafe {
        (*prev).next.set(next);
        (*next).prev.set(prev);
    }
    l.prev.set(ptr::null_mut());
    l.next.set(ptr::null_mut());
}

/// Tracks a container just allocated (youngest generation) and requests a collection when
/// the young count passes the threshold.
#[inline(always)]
pub(crate) fn track_new(l: &GcLinks) {
    let s = state();
    link_tail(s.list(0), l);
    let n = s.count[0].get() + 1;
    s.count[0].set(n);
    if n > s.trigger.get() {
        s.pending.set(true);
    }
}

/// Unlinks a container being freed.
#[inline(always)]
pub(crate) fn untrack_freed(l: &GcLinks) {
    if l.is_linked() {
        unlink(l);
    }
    let c = &state().count[0];
    c.set((c.get() - 1).max(0));
}

/// Stops tracking a container (immortal objects).
pub(crate) fn untrack(l: &GcLinks) {
    if l.is_linked() {
        unlink(l);
    }
}

/// Whether an automatic collection was requested (checked by the eval loop's periodic
/// check, a safe point).
#[inline(always)]
pub fn pending() -> bool {
    state().pending.get()
}

/// Whether a collection is running.
pub fn collecting() -> bool {
    with_state(|s| s.collecting.get())
}

/// `gc.enable()` / `gc.disable()`.
pub fn set_enabled(on: bool) {
    with_state(|s| {
        s.enabled.set(on);
        s.refresh_trigger();
        if !on {
            s.pending.set(false);
        }
    })
}

/// `gc.isenabled()`.
pub fn is_enabled() -> bool {
    with_state(|s| s.enabled.get())
}

/// `gc.get_threshold()`.
pub fn thresholds() -> [i64; GENERATIONS] {
    with_state(|s| s.threshold.each_ref().map(Cell::get))
}

/// `gc.set_threshold()`.
pub fn set_thresholds(t: [i64; GENERATIONS]) {
    with_state(|s| {
        for (c, v) in s.threshold.iter().zip(t) {
            c.set(v);
        }
        s.refresh_trigger();
    })
}

/// `gc.get_count()`.
pub fn counts() -> [i64; GENERATIONS] {
    with_state(|s| s.count.each_ref().map(Cell::get))
}

/// `gc.get_stats()`.
pub fn stats() -> [GenStats; GENERATIONS] {
    with_state(|s| s.stats.get())
}

/// The generation an automatic collection should collect (CPython's rule: the oldest one
/// whose count passed its threshold, the oldest only when enough long-lived objects are
/// pending), and clears the request.
pub fn take_pending() -> Option<usize> {
    with_state(|s| {
        if !s.pending.replace(false) || s.collecting.get() {
            return None;
        }
        if s.count[0].get() <= s.trigger.get() {
            return None;
        }
        for g in (1..GENERATIONS).rev() {
            if s.count[g].get() > s.threshold[g].get() && s.threshold[g].get() > 0 {
                if g == GENERATIONS - 1 && s.long_lived_pending.get() < s.long_lived_total.get() / 4
                {
                    continue;
                }
                return Some(g);
            }
        }
        Some(0)
    })
}

fn list_ptrs(head: &GcLinks) -> Vec<NonNull<Header>> {
    let mut out = Vec::new();
    let end = head.as_mut_ptr();
    let mut p = head.next.get();
    while p != end {
        // SAFETY: linked entries are live containers (module invariant).
        out.push(unsafe { gc_header(NonNull::new_unchecked(p)) });
        p = unsafe { (*p).next.get() };
    }
    out
}

fn list_len(head: &GcLinks) -> usize {
    let end = head.as_mut_ptr();
    let mut n = 0;
    let mut p = head.next.get();
    while p != end {
        n += 1;
        // SAFETY: as in `list_ptrs`.
        p = unsafe { (*p).next.get() };
    }
    n
}

/// Moves every entry of `from` to the tail of `to`.
fn splice(from: &GcLinks, to: &GcLinks) {
    let (first, last) = (from.next.get(), from.prev.get());
    if first == from.as_mut_ptr() {
        return;
    }
    let tail = to.prev.get();
    // SAFETY: all are sentinels or linked live containers.
    unsafe {
        (*tail).next.set(first);
        (*first).prev.set(tail);
        (*last).next.set(to.as_mut_ptr());
    }
    to.prev.set(last);
    from.prev.set(from.as_mut_ptr());
    from.next.set(from.as_mut_ptr());
}

/// New strong references to the tracked objects of `generation` (all when `None`), frozen
/// ones excluded (`gc.get_objects`).
pub fn objects(generation: Option<usize>) -> Vec<ObjRef> {
    with_state(|s| {
        let gens = match generation {
            Some(g) => g..g + 1,
            None => 0..GENERATIONS,
        };
        gens.flat_map(|g| list_ptrs(s.list(g)))
            // SAFETY: listed objects are live.
            .map(|p| unsafe { new_ref(p) })
            .collect()
    })
}

/// Stops tracking every object (a VM is being dropped). Objects a VM leaves behind (leaked
/// or immortal) must not be seen by the next VM created on this thread: its collections
/// would traverse them and run their finalizers with the wrong interpreter, and their
/// links would tie the two VMs' lists together. Their links are cleared, so freeing one
/// later unlinks nothing.
pub fn forget_all() {
    with_state(|s| {
        for i in 0..s.lists.len() {
            let head = s.list(i);
            let end = head.as_mut_ptr();
            let mut p = head.next.get();
            while p != end {
                // SAFETY: linked entries are live containers (module invariant); the next
                // pointer is read before this entry's links are cleared.
                let next = unsafe { (*p).next.get() };
                unsafe {
                    (*p).prev.set(ptr::null_mut());
                    (*p).next.set(ptr::null_mut());
                }
                p = next;
            }
            head.prev.set(end);
            head.next.set(end);
        }
        for c in &s.count {
            c.set(0);
        }
        s.pending.set(false);
    })
}

/// `gc.freeze()`: moves every tracked object to the permanent generation.
pub fn freeze() {
    with_state(|s| {
        for g in 0..GENERATIONS {
            splice(s.list(g), s.list(PERMANENT));
        }
        s.count[0].set(0);
    })
}

/// `gc.unfreeze()`: back to the oldest generation.
pub fn unfreeze() {
    with_state(|s| splice(s.list(PERMANENT), s.list(GENERATIONS - 1)))
}

/// `gc.get_freeze_count()`.
pub fn freeze_count() -> usize {
    with_state(|s| list_len(s.list(PERMANENT)))
}

/// Traverses `o` if it is a container.
#[inline]
pub fn traverse(o: &ObjRef, visit: &mut Visitor<'_>) {
    if let Some(ops) = o.ty().gc_ops() {
        (ops.traverse)(o, visit);
    }
}

// ---------------------------------------------------------------------------------------------
// Reachability analysis

/// Tag in `prev` marking an object under analysis; the index is stored above it.
const TAG: usize = 1;

/// The index of `o` in the analysed set, if it is part of it.
#[inline(always)]
fn analysed_index(o: &ObjRef) -> Option<usize> {
    if !o.is_gc() {
        return None;
    }
    // SAFETY: a container (checked above).
    let l = unsafe { gc_links(o.raw()) };
    let p = l.prev.get() as usize;
    (p & TAG != 0).then_some(p >> 1)
}

/// Splits `objs` into reachable from outside the set (true) and not, using the counts:
/// `refcount - adjust - references from inside the set > 0` means referenced from outside.
/// Leaves every object's links as scratch: the caller relinks all of them.
fn partition(objs: &[NonNull<Header>], adjust: i64) -> Vec<bool> {
    let mut refs: Vec<i64> = Vec::with_capacity(objs.len());
    for (i, &p) in objs.iter().enumerate() {
        // SAFETY: live containers of a tracking list (module invariant).
        let o = unsafe { borrow_obj(&p) };
        refs.push(i64::from(o.refcount()) - adjust);
        unsafe { gc_links(p) }
            .prev
            .set(((i << 1) | TAG) as *mut GcLinks);
    }
    let mut visit = Visitor {
        mode: Mode::Subtract(&mut refs),
    };
    for &p in objs {
        // SAFETY: as above.
        traverse(unsafe { borrow_obj(&p) }, &mut visit);
    }
    // What is still referenced from outside is reachable, with all it reaches: counts
    // above zero from here on mean reachable.
    let mut work: Vec<usize> = (0..objs.len()).filter(|&i| refs[i] > 0).collect();
    let mut pending = Vec::new();
    while !work.is_empty() {
        let mut visit = Visitor {
            mode: Mode::Mark(&mut refs, &mut pending),
        };
        for i in work.drain(..) {
            // SAFETY: as above.
            traverse(unsafe { borrow_obj(&objs[i]) }, &mut visit);
        }
        std::mem::swap(&mut work, &mut pending);
    }
    refs.iter().map(|&r| r > 0).collect()
}

fn relink(head: &GcLinks, p: NonNull<Header>) {
    // SAFETY: a live container whose links are scratch (being relinked).
    link_tail(head, unsafe { gc_links(p) });
}

/// A collection under way: the unreachable objects found, held by strong references so
/// that running finalizers and callbacks cannot free them before they are cleared.
pub struct Collection {
    generation: usize,
    unreachable: Box<GcLinks>,
    /// The unreachable objects, in list order.
    pub garbage: Vec<ObjRef>,
    /// How many objects were found unreachable; after [`Collection::release_freed`], how
    /// many are left to clear (what `gc.collect()` reports).
    pub found: usize,
    /// Objects examined.
    pub examined: usize,
}

impl Collection {
    /// Starts collecting generations `0..=generation`: finds the unreachable objects,
    /// moves the survivors to the next generation, and marks the unreachable ones.
    /// `None` when a collection is already running.
    pub fn start(generation: usize) -> Option<Collection> {
        with_state(|s| {
            if s.collecting.replace(true) {
                return None;
            }
            s.pending.set(false);
            let mut objs = Vec::new();
            for g in 0..=generation {
                objs.extend(list_ptrs(s.list(g)));
            }
            let reachable = partition(&objs, 0);
            for g in 0..=generation {
                let head = &s.lists[g];
                head.prev.set(head.as_mut_ptr());
                head.next.set(head.as_mut_ptr());
            }
            let target = (generation + 1).min(GENERATIONS - 1);
            let unreachable = Box::new(GcLinks::new());
            unreachable.prev.set(unreachable.as_mut_ptr());
            unreachable.next.set(unreachable.as_mut_ptr());
            let mut garbage = Vec::new();
            let mut survivors = 0;
            for (&p, &r) in objs.iter().zip(&reachable) {
                if r {
                    relink(s.list(target), p);
                    survivors += 1;
                } else {
                    relink(&unreachable, p);
                    // SAFETY: live (just analysed; nothing ran since).
                    let o = unsafe { new_ref(p) };
                    let f = o.header_flags();
                    f.set(f.get() | FLAG_UNREACHABLE);
                    garbage.push(o);
                }
            }
            // Generation counts as CPython keeps them.
            if generation + 1 < GENERATIONS {
                let c = &s.count[generation + 1];
                c.set(c.get() + 1);
            }
            for g in 0..=generation {
                s.count[g].set(0);
            }
            if generation == GENERATIONS - 1 {
                s.long_lived_pending.set(0);
                s.long_lived_total.set(survivors);
            } else if generation == GENERATIONS - 2 {
                s.long_lived_pending
                    .set(s.long_lived_pending.get() + survivors);
            }
            Some(Collection {
                generation,
                unreachable,
                found: garbage.len(),
                examined: objs.len(),
                garbage,
            })
        })
    }

    /// Whether `o` was found unreachable by the collection under way.
    pub fn is_unreachable(o: &ObjRef) -> bool {
        o.header_flags().get() & FLAG_UNREACHABLE != 0
    }

    /// After finalizers ran: objects that are referenced again from outside the garbage
    /// (resurrected), and everything they reach, leave the garbage for the next generation.
    pub fn drop_resurrected(&mut self) {
        // Garbage freed meanwhile cannot be: this collection holds a reference to each.
        let objs: Vec<NonNull<Header>> = list_ptrs(&self.unreachable);
        let reachable = partition(&objs, 1);
        let target = (self.generation + 1).min(GENERATIONS - 1);
        self.unreachable.prev.set(self.unreachable.as_mut_ptr());
        self.unreachable.next.set(self.unreachable.as_mut_ptr());
        let mut alive = Vec::new();
        with_state(|s| {
            for (&p, &r) in objs.iter().zip(&reachable) {
                if r {
                    relink(s.list(target), p);
                    alive.push(p);
                } else {
                    relink(&self.unreachable, p);
                }
            }
        });
        if alive.is_empty() {
            return;
        }
        for p in &alive {
            // SAFETY: held by `garbage`.
            let f = unsafe { borrow_obj(p) }.header_flags();
            f.set(f.get() & !FLAG_UNREACHABLE);
        }
        let alive: std::collections::HashSet<usize> =
            alive.iter().map(|p| p.as_ptr() as usize).collect();
        let (keep, back): (Vec<ObjRef>, Vec<ObjRef>) = std::mem::take(&mut self.garbage)
            .into_iter()
            .partition(|o| !alive.contains(&o.addr()));
        self.garbage = keep;
        drop(back);
    }

    /// Lets go of the garbage that finalizers already set free (a generator's `close`
    /// dropping its frame breaks its cycle): our references are released, what dies
    /// unlinks itself, and the rest is taken again. `found` then counts what is left, as
    /// CPython counts what is still in its unreachable list.
    pub fn release_freed(&mut self) {
        drop(std::mem::take(&mut self.garbage));
        self.garbage = list_ptrs(&self.unreachable)
            .into_iter()
            // SAFETY: still linked, so still alive.
            .map(|p| unsafe { new_ref(p) })
            .collect();
        self.found = self.garbage.len();
    }

    /// Clears every garbage object's references, breaking the cycles.
    pub fn clear_garbage(&self) {
        for o in &self.garbage {
            if let Some(ops) = o.ty().gc_ops() {
                (ops.clear)(o);
            }
        }
    }

    /// Ends the collection: records the statistics; whatever was not freed joins the next
    /// generation (see `Drop`).
    pub fn finish(self, uncollectable: usize) {
        with_state(|s| {
            let mut st = s.stats.get();
            let g = &mut st[self.generation];
            g.collections += 1;
            g.collected += self.found as i64;
            g.uncollectable += uncollectable as i64;
            s.stats.set(st);
        });
    }
}

impl Drop for Collection {
    fn drop(&mut self) {
        for o in &self.garbage {
            let f = o.header_flags();
            f.set(f.get() & !FLAG_UNREACHABLE);
        }
        let target = (self.generation + 1).min(GENERATIONS - 1);
        // The sentinel dies with this collection: its members move first.
        with_state(|s| splice(&self.unreachable, s.list(target)));
        // Dropping the last references frees the garbage through reference counting (the
        // trashcan bounds the recursion).
        drop(std::mem::take(&mut self.garbage));
        with_state(|s| s.collecting.set(false));
    }
}
