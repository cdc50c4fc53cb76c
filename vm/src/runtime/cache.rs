//! The method cache: `(type version, interned name) -> MRO lookup result`, CPython's
//! `_PyType_Lookup` cache. A type's version changes whenever it or its MRO changes, so a
//! hit is always current.
//!
//! An entry for a name the type does not have also remembers where instances of the type
//! keep that attribute: its index in the type's shared keys, or that the keys did not hold
//! it at some length. Shared keys are append-only, so an index stays right for as long as
//! the entry lives, and "absent" stays right while the keys keep that length; the instance
//! attribute paths use this instead of scanning the keys on every access.

use crate::object::{Py, PyCell, Type, Value};
use crate::types::str::Str;

use super::Vm;

const SIZE_BITS: u32 = 12;
const SIZE: usize = 1 << SIZE_BITS;

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

/// The cache table. A fixed-size array, so that the masked index needs no bounds check on
/// the hit path.
pub struct MethodCache {
    entries: PyCell<Box<[Entry; SIZE]>>,
}

impl Default for MethodCache {
    fn default() -> Self {
        let entries: Box<[Entry]> = vec![Entry::default(); SIZE].into_boxed_slice();
        let Ok(entries) = entries.try_into() else {
            unreachable!("the vector has SIZE entries")
        };
        MethodCache {
            entries: PyCell::new(entries),
        }
    }
}

#[inline(always)]
fn slot(version: u32, name: usize) -> usize {
    ((version as usize) ^ (name >> 4)) & (SIZE - 1)
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
            let i = slot(version, key);
            let hit = self.method_cache.entries.with(|e| {
                let entry = &e[i];
                (entry.version == version && entry.name == key)
                    .then(|| (entry.value.clone(), KeyHint(entry.hint)))
            });
            if let Some((v, hint)) = hit {
                return (if v.is_null() { None } else { Some(v) }, hint);
            }
        }
        (self.type_lookup_miss(ty, name), KeyHint::UNKNOWN)
    }

    /// Records `hint` in the cache entry of `(ty, name)`, if there still is one.
    #[inline(never)]
    pub fn remember_key_hint(&self, ty: &Py<Type>, name: &Py<Str>, hint: KeyHint) {
        let version = ty.version();
        if version == 0 || !name.is_interned() {
            return;
        }
        let key = name.addr();
        let i = slot(version, key);
        self.method_cache.entries.with_mut(|e| {
            let entry = &mut e[i];
            if entry.version == version && entry.name == key {
                entry.hint = hint.0;
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
            let i = slot(version, key);
            let old = self.method_cache.entries.with_mut(|e| {
                std::mem::replace(
                    &mut e[i],
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
