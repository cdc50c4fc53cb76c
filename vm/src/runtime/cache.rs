//! The method cache: `(type version, interned name) -> MRO lookup result`, CPython's
//! `_PyType_Lookup` cache. A type's version changes whenever it or its MRO changes, so a
//! hit is always current. The table is set-associative (four entries per set, most recently
//! inserted first): with one entry per index, three hot pairs that happened to share an
//! index (raytrace: `Point.__sub__`, `Point.isPoint`, `Sphere.radius`) missed on every
//! lookup.
//!
//! An entry for a name the type does not have also remembers where instances of the type
//! keep that attribute: its index in the type's shared keys, or that the keys did not hold
//! it at some length. Shared keys are append-only, so an index stays right for as long as
//! the entry lives, and "absent" stays right while the keys keep that length; the instance
//! attribute paths use this instead of scanning the keys on every access.

use crate::object::{Py, PyCell, Type, Value};
use crate::types::str::Str;

use super::Vm;

/// log2 of the number of sets.
const SET_BITS: u32 = 11;
const SETS: usize = 1 << SET_BITS;
/// Entries per set.
const WAYS: usize = 4;

#[derive(Clone, Default)]
struct Entry {
    version: u32,
    /// A [`KeyHint`] for the name in the type's shared keys.
    hint: u32,
    name: usize,
    value: Value,
}

/// What a method-cache entry knows about a name in its type's shared keys: an index below
/// [`KeyHint::ABSENT`], `ABSENT | len` when the first `len` keys do not hold it, or
/// [`KeyHint::UNKNOWN`].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct KeyHint(pub u32);

impl KeyHint {
    /// Bit marking an absent name; the low bits are the keys' length when checked.
    pub const ABSENT: u32 = 1 << 31;
    /// Nothing known (also what an uncached lookup gets).
    pub const UNKNOWN: KeyHint = KeyHint(u32::MAX);
}

/// Where the attribute of an instance is ([`Vm::cached_place`]).
#[derive(Clone, Debug)]
pub enum CachedPlace {
    /// Inline values, at this shared-keys index.
    Inline(usize),
    /// `__slots__` entry of this index.
    Slot(usize),
    /// This class attribute (no `__get__`: a constant, not a method or descriptor), unless
    /// the instance shadows it; the hint says the shared keys lacked the name at some
    /// length.
    Class(Value, KeyHint),
}

/// The cache table: fixed-size arrays, so that the masked set index needs no bounds check
/// on the hit path.
pub struct MethodCache {
    sets: PyCell<Box<[[Entry; WAYS]; SETS]>>,
}

impl Default for MethodCache {
    fn default() -> Self {
        let sets: Box<[[Entry; WAYS]]> = vec![Default::default(); SETS].into_boxed_slice();
        let Ok(sets) = sets.try_into() else {
            unreachable!("the vector has SETS sets")
        };
        MethodCache {
            sets: PyCell::new(sets),
        }
    }
}

/// The set of `(version, name)`: a multiplicative hash of both, top bits. Interned names
/// sit at the same offsets of different allocator pages, so the address's low bits alone
/// (the former `version ^ addr >> 4`) made many hot pairs share an index (deltablue: one
/// miss in 20 lookups).
#[inline(always)]
fn set_index(version: u32, name: usize) -> usize {
    let h = ((name as u64) ^ (u64::from(version) << 40)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> (64 - SET_BITS)) as usize
}

/// The entry of `(version, key)` in `set`.
#[inline(always)]
fn find(set: &[Entry; WAYS], version: u32, key: usize) -> Option<&Entry> {
    set.iter().find(|e| e.version == version && e.name == key)
}

/// [`CachedPlace::Class`] for entry `e`, whose value is `plain` (has no `__get__`), when its
/// hint says the instances' shared keys lacked the name.
#[inline(always)]
fn class_place(e: &Entry, plain: bool) -> Option<CachedPlace> {
    let hint = KeyHint(e.hint);
    (plain && hint.0 >= KeyHint::ABSENT && hint != KeyHint::UNKNOWN)
        .then(|| CachedPlace::Class(e.value.clone(), hint))
}

impl Vm {
    /// Looks `name` up along the MRO of `ty` (no descriptor calls), through the cache.
    ///
    /// The hit path (a versioned type and an interned name, which is what every attribute
    /// instruction passes) is a handful of instructions and inlined into the attribute
    /// paths; everything else is out of line.
    #[inline(always)]
    pub fn type_lookup(&self, ty: &Py<Type>, name: &Py<Str>) -> Option<Value> {
        self.type_lookup_hint(ty, name).0
    }

    /// [`Vm::type_lookup`], also returning the entry's [`KeyHint`] for `name` in the
    /// shared keys of `ty` (meaningful when nothing was found on the type, or for a method
    /// an instance attribute might shadow).
    #[inline(always)]
    pub fn type_lookup_hint(&self, ty: &Py<Type>, name: &Py<Str>) -> (Option<Value>, KeyHint) {
        let version = ty.version();
        if version != 0 && name.is_interned() {
            let key = name.addr();
            let hit = self.method_cache.sets.with(|sets| {
                find(&sets[set_index(version, key)], version, key)
                    .map(|e| (e.value.clone(), KeyHint(e.hint)))
            });
            if let Some((v, hint)) = hit {
                return (if v.is_null() { None } else { Some(v) }, hint);
            }
        }
        (self.type_lookup_miss(ty, name), KeyHint::UNKNOWN)
    }

    /// The cache entry of `(ty, name)` if there is one, without touching its value. Only
    /// interned names have entries, and interned strings are immortal, so an address match
    /// is the name itself; an empty entry (version 0) never matches a live name.
    #[inline(always)]
    fn cached_entry<R>(
        &self,
        ty: &Py<Type>,
        name: &Py<Str>,
        f: impl FnOnce(&Entry) -> R,
    ) -> Option<R> {
        let version = ty.version();
        let key = name.addr();
        self.method_cache
            .sets
            .with(|sets| find(&sets[set_index(version, key)], version, key).map(f))
    }

    /// The attribute hit paths' probe: where instances of `ty` keep `name` when the cache
    /// knows it without a descriptor call: at a shared-keys index (nothing of that name
    /// on the type), in a `__slots__` entry (the type's attribute is a member descriptor,
    /// a data descriptor, so the instance's other storage cannot shadow it), or on the
    /// class (an attribute without `__get__` that the shared keys did not hold when the
    /// hint was taken; the reader checks that they still do not).
    #[inline(always)]
    pub fn cached_place(&self, ty: &Py<Type>, name: &Py<Str>) -> Option<CachedPlace> {
        self.cached_entry(ty, name, |e| match &e.value {
            Value::Null if e.hint < KeyHint::ABSENT => Some(CachedPlace::Inline(e.hint as usize)),
            Value::Null => None,
            Value::Obj(o) => match o.downcast::<crate::types::descr::MemberDescr>() {
                Some(d) => Some(CachedPlace::Slot(d.index)),
                None => class_place(e, o.ty().slots.descr_get.get().is_none()),
            },
            // Immediate numbers, None and bools have no `__get__`.
            _ => class_place(e, true),
        })
        .flatten()
    }

    /// Whether the cache knows that nothing along the MRO of `ty` is called `name`.
    #[inline(always)]
    pub fn cached_absent(&self, ty: &Py<Type>, name: &Py<Str>) -> bool {
        self.cached_entry(ty, name, |e| e.value.is_null()) == Some(true)
    }

    /// The attribute `name` found along the MRO of `ty`, when the cache has it.
    #[inline(always)]
    pub fn cached_present(&self, ty: &Py<Type>, name: &Py<Str>) -> Option<Value> {
        self.cached_entry(ty, name, |e| (!e.value.is_null()).then(|| e.value.clone()))
            .flatten()
    }

    /// The method-load hit path: the cached method-like attribute `name` of `ty` (a plain
    /// function, an instance method descriptor or a slot wrapper: what binds its instance
    /// as the first argument) and the entry's [`KeyHint`] for `name` in the shared keys.
    #[inline(always)]
    pub fn cached_method_like(&self, ty: &Py<Type>, name: &Py<Str>) -> Option<(Value, KeyHint)> {
        use crate::types::descr::{MethodDescr, MethodKind, SlotWrapper};
        self.cached_entry(ty, name, |e| match &e.value {
            Value::Obj(o)
                if o.downcast::<crate::types::function::Function>().is_some()
                    || o.downcast::<MethodDescr>()
                        .is_some_and(|d| d.kind == MethodKind::Instance)
                    || o.downcast::<SlotWrapper>().is_some() =>
            {
                Some((e.value.clone(), KeyHint(e.hint)))
            }
            _ => None,
        })
        .flatten()
    }

    /// Records `hint` in the cache entry of `(ty, name)`, if there still is one.
    #[inline(never)]
    pub fn remember_key_hint(&self, ty: &Py<Type>, name: &Py<Str>, hint: KeyHint) {
        let version = ty.version();
        if version == 0 || !name.is_interned() {
            return;
        }
        let key = name.addr();
        self.method_cache.sets.with_mut(|sets| {
            let set = &mut sets[set_index(version, key)];
            if let Some(e) = set
                .iter_mut()
                .find(|e| e.version == version && e.name == key)
            {
                e.hint = hint.0;
            }
        });
    }

    /// The cache miss: an MRO walk, remembered when the type is (or can be) versioned.
    #[inline(never)]
    fn type_lookup_miss(&self, ty: &Py<Type>, name: &Py<Str>) -> Option<Value> {
        if !name.is_interned() {
            return ty.lookup(name);
        }
        let version = ty.assign_version(&self.type_versions);
        if version == 0 {
            return ty.lookup(name);
        }
        let key = name.addr();
        let found = ty.lookup(name);
        // The lookup may have run code that changed the type; only cache a current answer.
        if ty.version() == version {
            // The newest entry goes first; the others move down one and the last leaves.
            let old = self.method_cache.sets.with_mut(|sets| {
                let set = &mut sets[set_index(version, key)];
                set.rotate_right(1);
                std::mem::replace(
                    &mut set[0],
                    Entry {
                        version,
                        hint: KeyHint::UNKNOWN.0,
                        name: key,
                        value: found.clone().unwrap_or(Value::Null),
                    },
                )
            });
            drop(old);
        }
        found
    }
}

impl Vm {
    /// Empties the method cache and the `super()` cache. Their entries own their values,
    /// which the cycle collector does not see; CPython's type cache borrows them instead. A
    /// full collection empties them first, so that a stale entry (of a type that died or
    /// changed) does not keep a function, and through its globals a whole module's cycle,
    /// alive.
    #[cold]
    pub(crate) fn clear_owned_caches(&self) {
        self.clear_method_cache();
        self.clear_super_cache();
    }

    /// The method cache part of `clear_owned_caches`. The values are dropped after the
    /// table is released: freeing them can run Python code.
    #[cold]
    fn clear_method_cache(&self) {
        let old: Vec<Value> = self.method_cache.sets.with_mut(|sets| {
            let mut old = Vec::new();
            for e in sets.iter_mut().flatten() {
                if e.version != 0 {
                    old.push(std::mem::take(e).value);
                }
            }
            old
        });
        drop(old);
    }
}
