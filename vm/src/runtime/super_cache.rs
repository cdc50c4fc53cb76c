//! The `super()` cache: `(type version of the instance's class, class after which the
//! search starts, interned name) -> what the MRO search found`, so that `super().m(...)`
//! does not walk the MRO and probe a dict per class on every call. A type's version
//! changes whenever its MRO or the dict of any class on it changes (the invalidation of a
//! class reaches all its subclasses), so a hit is always current; the start class is on
//! that MRO, which keeps it alive, so its address cannot name another class while the
//! entry matches.

use crate::object::{Py, PyCell, Type, Value};
use crate::types::str::Str;

use super::Vm;

/// log2 of the number of entries (direct-mapped: the hot `super()` sites are few).
const BITS: u32 = 9;
const ENTRIES: usize = 1 << BITS;

#[derive(Clone, Default)]
struct Entry {
    version: u32,
    start: usize,
    name: usize,
    value: Value,
}

/// The table: a fixed-size array, so the masked index needs no bounds check.
pub struct SuperCache {
    entries: PyCell<Box<[Entry; ENTRIES]>>,
}

impl Default for SuperCache {
    fn default() -> Self {
        let entries: Box<[Entry]> = vec![Entry::default(); ENTRIES].into_boxed_slice();
        let Ok(entries) = entries.try_into() else {
            unreachable!("the vector has ENTRIES entries")
        };
        SuperCache {
            entries: PyCell::new(entries),
        }
    }
}

/// The entry index of a key: a multiplicative hash of all three parts, top bits.
#[inline(always)]
fn index(version: u32, start: usize, name: usize) -> usize {
    let h = ((name as u64) ^ (start as u64).rotate_left(21) ^ (u64::from(version) << 40))
        .wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> (64 - BITS)) as usize
}

impl Vm {
    /// `name` in the dicts of `obj_type`'s MRO after `start`, unbound (what `super(start,
    /// obj).name` finds before binding), through the cache. `None` when `start` is not on
    /// the MRO or nothing after it has the name.
    #[inline]
    pub(crate) fn super_lookup(
        &self,
        start: &Py<Type>,
        obj_type: &Py<Type>,
        name: &Py<Str>,
    ) -> Option<Value> {
        let version = obj_type.version();
        if version != 0 && name.is_interned() {
            let (s, n) = (start.addr(), name.addr());
            let hit = self.super_cache.entries.with(|entries| {
                let e = &entries[index(version, s, n)];
                (e.version == version && e.start == s && e.name == n).then(|| e.value.clone())
            });
            if hit.is_some() {
                return hit;
            }
        }
        self.super_lookup_miss(start, obj_type, name)
    }

    /// The miss: the MRO walk, remembered when something was found and the instance's
    /// class is (or can be) versioned.
    #[inline(never)]
    fn super_lookup_miss(
        &self,
        start: &Py<Type>,
        obj_type: &Py<Type>,
        name: &Py<Str>,
    ) -> Option<Value> {
        let found = mro_find_after(start, obj_type, name)?;
        if !name.is_interned() {
            return Some(found);
        }
        let version = obj_type.assign_version(&self.type_versions);
        // The dict probes may have run code that changed the class: cache a current answer.
        if version != 0 && obj_type.version() == version {
            let entry = Entry {
                version,
                start: start.addr(),
                name: name.addr(),
                value: found.clone(),
            };
            let old = self.super_cache.entries.with_mut(|entries| {
                std::mem::replace(&mut entries[index(version, entry.start, entry.name)], entry)
            });
            drop(old);
        }
        Some(found)
    }
}

impl Vm {
    /// Empties the `super()` cache. Like the method cache, its entries own their values
    /// where the collector cannot see them, so a full collection empties it (see
    /// `clear_method_cache`). The values are dropped after the table is released: freeing
    /// them can run Python code.
    #[cold]
    pub(crate) fn clear_super_cache(&self) {
        let old: Vec<Value> = self.super_cache.entries.with_mut(|entries| {
            entries
                .iter_mut()
                .filter(|e| e.version != 0)
                .map(|e| std::mem::take(e).value)
                .collect()
        });
        drop(old);
    }
}

/// `name` in the dicts of `obj_type`'s MRO after `start`, unbound.
fn mro_find_after(start: &Py<Type>, obj_type: &Py<Type>, name: &Py<Str>) -> Option<Value> {
    let mro = obj_type.mro();
    let pos = mro.iter().position(|t| t.is(start))?;
    mro[pos + 1..].iter().find_map(|t| t.dict().get_str(name))
}
