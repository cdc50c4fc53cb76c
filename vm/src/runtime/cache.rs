//! The method cache: `(type version, interned name) -> MRO lookup result`, CPython's
//! `_PyType_Lookup` cache. A type's version changes whenever it or its MRO changes, so a
//! hit is always current.

use crate::object::{Py, PyCell, Type, Value};
use crate::types::str::Str;

use super::Vm;

const SIZE_BITS: u32 = 12;
const SIZE: usize = 1 << SIZE_BITS;

#[derive(Clone, Default)]
struct Entry {
    version: u32,
    name: usize,
    value: Value,
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
        let version = ty.version();
        if version != 0 && name.is_interned() {
            let key = name.addr();
            let i = slot(version, key);
            let hit = self.method_cache.entries.with(|e| {
                let entry = &e[i];
                (entry.version == version && entry.name == key).then(|| entry.value.clone())
            });
            if let Some(v) = hit {
                return if v.is_null() { None } else { Some(v) };
            }
        }
        self.type_lookup_miss(ty, name)
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
