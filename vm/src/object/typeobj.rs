//! `Type`: the payload of type objects. Name, bases, MRO, the type dict, flags, the version
//! tag caches guard on, the payload kind and layout of instances, the slot table, the shared
//! attribute keys of instances, and weak links to subclasses for invalidation.

use std::cell::Cell;
use std::rc::Rc;

use super::core::{DeallocFn, Py, PyCell, Unowned};
use super::gc::GcOps;
use super::instance::SharedKeys;
use super::payload::Kind;
use super::slots::Slots;
use super::value::Value;
use crate::types::dict::Dict;
use crate::types::str::Str;

/// Type flags (a subset of CPython's `Py_TPFLAGS_*`, plus rpy's layout bits).
pub mod flags {
    /// Created by a class statement or `type()`; mutable unless `IMMUTABLE`.
    pub const HEAPTYPE: u32 = 1 << 0;
    /// Can be subclassed.
    pub const BASETYPE: u32 = 1 << 1;
    /// Attributes cannot be set or deleted (builtin types).
    pub const IMMUTABLE: u32 = 1 << 2;
    /// Has `__abstractmethods__`: instantiation fails.
    pub const ABSTRACT: u32 = 1 << 3;
    /// Instances have a `__dict__` in their extension (inline values or a dict).
    pub const MANAGED_DICT: u32 = 1 << 4;
    /// `match` treats instances as sequences (`Py_TPFLAGS_SEQUENCE`).
    pub const SEQUENCE: u32 = 1 << 5;
    /// `match` treats instances as mappings (`Py_TPFLAGS_MAPPING`).
    pub const MAPPING: u32 = 1 << 6;
    /// `case C(x)` matches the subject itself (`_Py_TPFLAGS_MATCH_SELF`).
    pub const MATCH_SELF: u32 = 1 << 7;
    /// Instances support weak references.
    pub const WEAKREFABLE: u32 = 1 << 8;
    /// A builtin type whose methods are defined with a `self` of this exact payload.
    pub const BUILTIN: u32 = 1 << 9;
}

/// How instances of a type are laid out beyond the solid base's payload.
#[derive(Clone)]
pub struct InstanceLayout {
    /// Names of every `__slots__` entry, inherited ones first; instance slot `i` stores
    /// `slot_names[i]`.
    pub slot_names: Rc<[Py<Str>]>,
}

/// The payload of a type object.
pub struct Type {
    name: PyCell<Rc<str>>,
    qualname: PyCell<Rc<str>>,
    /// `__module__` of builtin types (heap types keep it in their dict).
    builtin_module: &'static str,
    base: PyCell<Option<Py<Type>>>,
    bases: PyCell<Rc<[Py<Type>]>>,
    mro: PyCell<Rc<[Py<Type>]>>,
    dict: Py<Dict>,
    flags: Cell<u32>,
    version: Cell<u32>,
    kind: Kind,
    dealloc: DeallocFn,
    ext_offset: Option<usize>,
    sub_dealloc: DeallocFn,
    sub_ext_offset: usize,
    gc: Option<GcOps>,
    sub_gc: GcOps,
    /// Instances' `__slots__` layout.
    pub layout: InstanceLayout,
    /// The slot table.
    pub slots: Slots,
    /// Attribute names shared by instances' inline values.
    pub shared_keys: SharedKeys,
    subclasses: PyCell<Vec<Unowned<Type>>>,
    has_finalizer: Cell<bool>,
    /// What a call of this class needs from its MRO (the `__init__` a `C(args)` call
    /// runs in the eval loop), valid while the type's version is the one stored.
    call_cache: PyCell<(u32, Value)>,
}

crate::payload!(Type, gc);

impl Type {
    /// Cycle collector: the dict, `__base__`, and `__bases__`/`__mro__` (the MRO holds the
    /// type itself) when this type is the only holder of those lists (an `Rc` shared with
    /// a caller counts once but would be reported twice).
    fn gc_traverse(&self, visit: &mut super::gc::Visitor<'_>) {
        visit.py(&self.dict);
        self.call_cache.with(|(_, v)| visit.value(v));
        self.base.with(|b| visit.opt(b));
        for list in [&self.bases, &self.mro] {
            list.with(|l| {
                if Rc::strong_count(l) == 1 && Rc::weak_count(l) == 0 {
                    l.iter().for_each(|t| visit.py(t));
                }
            });
        }
    }

    /// Heap types: empties the (private) dict and drops the MRO, as CPython's
    /// `type_clear` does; `__bases__` stay for the subclass-list bookkeeping on drop.
    fn gc_clear(&self) {
        if self.flags.get() & flags::HEAPTYPE == 0 {
            return;
        }
        self.modified();
        drop(self.call_cache.replace((0, Value::NULL)));
        self.dict.clear();
        drop(self.mro.replace(Rc::from(Vec::new())));
    }
}

/// What is needed to build a type's payload.
pub struct TypeInit {
    /// `__name__`.
    pub name: Rc<str>,
    /// `__qualname__`.
    pub qualname: Rc<str>,
    /// `__module__` for builtin types.
    pub builtin_module: &'static str,
    /// `__base__`.
    pub base: Option<Py<Type>>,
    /// `__bases__`.
    pub bases: Rc<[Py<Type>]>,
    /// The type dict.
    pub dict: Py<Dict>,
    /// Flags.
    pub flags: u32,
    /// Instances' payload kind.
    pub kind: Kind,
    /// Instances' deallocator.
    pub dealloc: DeallocFn,
    /// Where instances' extension sits, for heap types.
    pub ext_offset: Option<usize>,
    /// Deallocator of heap subclasses' instances.
    pub sub_dealloc: DeallocFn,
    /// Extension offset of heap subclasses' instances.
    pub sub_ext_offset: usize,
    /// The cycle collector's operations on instances (`None`: not containers).
    pub gc: Option<GcOps>,
    /// The cycle collector's operations on heap subclasses' instances.
    pub sub_gc: GcOps,
    /// `__slots__` layout.
    pub layout: InstanceLayout,
}

impl Type {
    /// A type payload; the MRO is set by the caller right after allocation (it contains
    /// the type itself).
    pub fn new(init: TypeInit) -> Type {
        Type {
            name: PyCell::new(init.name),
            qualname: PyCell::new(init.qualname),
            builtin_module: init.builtin_module,
            base: PyCell::new(init.base),
            bases: PyCell::new(init.bases),
            mro: PyCell::new(Rc::from(Vec::new())),
            dict: init.dict,
            flags: Cell::new(init.flags),
            version: Cell::new(0),
            kind: init.kind,
            dealloc: init.dealloc,
            ext_offset: init.ext_offset,
            sub_dealloc: init.sub_dealloc,
            sub_ext_offset: init.sub_ext_offset,
            gc: init.gc,
            sub_gc: init.sub_gc,
            layout: init.layout,
            slots: Slots::default(),
            shared_keys: SharedKeys::default(),
            subclasses: PyCell::new(Vec::new()),
            has_finalizer: Cell::new(false),
            call_cache: PyCell::new((0, Value::NULL)),
        }
    }

    /// `__name__`.
    pub fn name(&self) -> Rc<str> {
        self.name.get()
    }

    /// Sets `__name__`.
    pub fn set_name(&self, name: Rc<str>) {
        drop(self.name.replace(name));
    }

    /// `__qualname__`.
    pub fn qualname(&self) -> Rc<str> {
        self.qualname.get()
    }

    /// Sets `__qualname__`.
    pub fn set_qualname(&self, name: Rc<str>) {
        drop(self.qualname.replace(name));
    }

    /// `__module__` of a builtin type.
    pub fn builtin_module(&self) -> &'static str {
        self.builtin_module
    }

    /// `__base__`.
    pub fn base(&self) -> Option<Py<Type>> {
        self.base.get()
    }

    /// `__bases__`.
    pub fn bases(&self) -> Rc<[Py<Type>]> {
        self.bases.get()
    }

    /// Replaces `__bases__` and `__base__` (the caller recomputes the MRO).
    pub fn set_bases(&self, bases: Rc<[Py<Type>]>, base: Option<Py<Type>>) {
        let old = self.bases.replace(bases);
        let old_base = self.base.replace(base);
        drop((old, old_base));
    }

    /// `__mro__`.
    #[inline]
    pub fn mro(&self) -> Rc<[Py<Type>]> {
        self.mro.get()
    }

    /// Sets the MRO.
    pub fn set_mro(&self, mro: Rc<[Py<Type>]>) {
        drop(self.mro.replace(mro));
    }

    /// The type dict.
    #[inline(always)]
    pub fn dict(&self) -> &Py<Dict> {
        &self.dict
    }

    /// Flags.
    #[inline(always)]
    pub fn flags(&self) -> u32 {
        self.flags.get()
    }

    /// Whether all of `bits` are set.
    #[inline(always)]
    pub fn has_flag(&self, bits: u32) -> bool {
        self.flags.get() & bits == bits
    }

    /// Sets or clears flag bits.
    pub fn set_flag(&self, bits: u32, on: bool) {
        let f = self.flags.get();
        self.flags.set(if on { f | bits } else { f & !bits });
    }

    /// Whether this is a heap type.
    #[inline(always)]
    pub fn is_heap(&self) -> bool {
        self.has_flag(flags::HEAPTYPE)
    }

    /// The payload kind of instances.
    #[inline(always)]
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// Whether instances carry an extension (heap types).
    #[inline(always)]
    pub fn is_extended(&self) -> bool {
        self.ext_offset.is_some()
    }

    /// Offset of the instance extension within the payload.
    #[inline(always)]
    pub fn ext_offset(&self) -> Option<usize> {
        self.ext_offset
    }

    /// Instances' deallocator.
    #[inline(always)]
    pub fn dealloc_fn(&self) -> DeallocFn {
        self.dealloc
    }

    /// Deallocator and extension offset for heap subclasses.
    pub fn subclass_layout(&self) -> (DeallocFn, usize, GcOps) {
        (self.sub_dealloc, self.sub_ext_offset, self.sub_gc)
    }

    /// Whether instances are containers allocated with the cycle collector's links.
    #[inline(always)]
    pub fn is_gc(&self) -> bool {
        self.gc.is_some()
    }

    /// The cycle collector's operations on instances.
    #[inline(always)]
    pub fn gc_ops(&self) -> Option<GcOps> {
        self.gc
    }

    /// Whether instances need `__del__` run before they are freed.
    #[inline(always)]
    pub fn has_finalizer(&self) -> bool {
        self.has_finalizer.get()
    }

    /// Sets whether instances have a finalizer (`__del__` in the MRO).
    pub fn set_has_finalizer(&self, on: bool) {
        self.has_finalizer.set(on);
    }

    /// The version tag (0 when unassigned or invalidated).
    #[inline(always)]
    pub fn version(&self) -> u32 {
        self.version.get()
    }

    /// The value [`Type::set_call_cache`] stored, if the type has not changed since.
    #[inline(always)]
    pub fn call_cache(&self) -> Option<Value> {
        let version = self.version.get();
        self.call_cache
            .with(|(v, cached)| (version != 0 && *v == version).then(|| cached.clone()))
    }

    /// Remembers `value` (derived from this type's MRO in its current state) until the
    /// type's version changes; does nothing for an unversioned type.
    pub fn set_call_cache(&self, value: Value) {
        let version = self.version.get();
        if version != 0 {
            drop(self.call_cache.replace((version, value)));
        }
    }

    /// Assigns a version tag from `next` if none is set, and returns it.
    pub fn assign_version(&self, next: &Cell<u32>) -> u32 {
        let v = self.version.get();
        if v != 0 {
            return v;
        }
        let n = next.get();
        if n == u32::MAX {
            // Out of tags: the type stays unversioned and caches do not specialize on it.
            return 0;
        }
        next.set(n + 1);
        self.version.set(n);
        n
    }

    /// Invalidates this type's version tag and those of all its subclasses (the type or
    /// something in its MRO changed).
    pub fn modified(&self) {
        if self.version.get() == 0 && self.subclasses.with(Vec::is_empty) {
            return;
        }
        self.version.set(0);
        let subs: Vec<Py<Type>> = self
            .subclasses
            .with(|s| s.iter().map(Unowned::upgrade).collect());
        for sub in subs {
            sub.modified();
        }
    }

    /// Records `sub` as a subclass (for invalidation).
    pub fn add_subclass(&self, sub: &Py<Type>) {
        self.subclasses.with_mut(|s| s.push(Unowned::new(sub)));
    }

    /// Forgets `sub` as a subclass (its bases changed).
    pub fn remove_subclass(&self, sub: &Py<Type>) {
        let payload: *const Type = &**sub;
        self.subclasses
            .with_mut(|s| s.retain(|u| !u.points_at_payload(payload)));
    }

    /// The current subclasses (`__subclasses__()`).
    pub fn subclasses(&self) -> Vec<Py<Type>> {
        self.subclasses
            .with(|s| s.iter().map(Unowned::upgrade).collect())
    }

    /// `issubclass` along the MRO.
    #[inline]
    pub fn is_subtype(&self, other: &Py<Type>) -> bool {
        let target: *const Type = &**other;
        if std::ptr::eq(self, target) {
            return true;
        }
        self.mro
            .with(|mro| mro.iter().any(|t| std::ptr::eq(&**t, target)))
    }

    /// Looks `name` up along the MRO without descriptors or caching.
    pub fn lookup(&self, name: &Py<Str>) -> Option<Value> {
        let mro = self.mro();
        for t in mro.iter() {
            if let Some(v) = t.dict.get_str(name) {
                return Some(v);
            }
        }
        None
    }

    /// Looks a Rust string name up along the MRO (slow; for setup and error paths).
    pub fn lookup_str(&self, name: &str) -> Option<Value> {
        let mro = self.mro();
        for t in mro.iter() {
            if let Some(v) = t.dict.get_rust_str(name) {
                return Some(v);
            }
        }
        None
    }

    /// The type in the MRO whose dict defines `name`.
    pub fn defining_type(&self, name: &str) -> Option<Py<Type>> {
        let mro = self.mro();
        mro.iter()
            .find(|t| t.dict.get_rust_str(name).is_some())
            .cloned()
    }
}

impl Drop for Type {
    fn drop(&mut self) {
        let me: *const Type = self;
        let bases = self.bases.get();
        for base in bases.iter() {
            base.subclasses
                .with_mut(|s| s.retain(|u| !u.points_at_payload(me)));
        }
    }
}

/// Computes the C3 linearization of a type with `bases`, CPython's `mro_implementation`.
/// `this` is the new type itself, which heads the result. Errors carry CPython's message.
pub fn c3_mro(this: &Py<Type>, bases: &[Py<Type>]) -> Result<Vec<Py<Type>>, String> {
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|o| o.is(b)) {
            return Err(format!("duplicate base class {}", b.name()));
        }
    }
    let mut seqs: Vec<Vec<Py<Type>>> = bases.iter().map(|b| b.mro().to_vec()).collect();
    seqs.push(bases.to_vec());
    let mut result = vec![this.clone()];
    let mut heads = vec![0usize; seqs.len()];
    loop {
        let mut empty = true;
        let mut chosen: Option<Py<Type>> = None;
        for (i, seq) in seqs.iter().enumerate() {
            let Some(candidate) = seq.get(heads[i]) else {
                continue;
            };
            empty = false;
            let in_tail = seqs.iter().enumerate().any(|(j, s)| {
                s[(heads[j] + 1).min(s.len())..]
                    .iter()
                    .any(|t| t.is(candidate))
            });
            if !in_tail {
                chosen = Some(candidate.clone());
                break;
            }
        }
        if empty {
            return Ok(result);
        }
        let Some(next) = chosen else {
            // CPython lists the bases whose heads are still pending, in order, once each.
            let mut names: Vec<Rc<str>> = Vec::new();
            let mut seen: Vec<Py<Type>> = Vec::new();
            for (i, seq) in seqs.iter().enumerate() {
                if let Some(h) = seq.get(heads[i])
                    && !seen.iter().any(|s| s.is(h))
                {
                    seen.push(h.clone());
                    names.push(h.name());
                }
            }
            return Err(format!(
                "Cannot create a consistent method resolution order (MRO) for bases {}",
                names.join(", ")
            ));
        };
        for (i, seq) in seqs.iter().enumerate() {
            if seq.get(heads[i]).is_some_and(|h| h.is(&next)) {
                heads[i] += 1;
            }
        }
        result.push(next);
    }
}
