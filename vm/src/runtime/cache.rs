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

/// The cache table.
pub struct MethodCache {
    entries: PyCell<Vec<Entry>>,
}

impl Default for MethodCache {
    fn default() -> Self {
        MethodCache {
            entries: PyCell::new(vec![Entry::default(); SIZE]),
        }
    }
}

#[inline]
fn slot(version: u32, name: usize) -> usize {
    ((version as usize) ^ (name >> 4)) & (SIZE - 1)
}

impl Vm {
    /// Looks `name` up along the MRO of `ty` (no descriptor calls), through the cache.
    #[inline]
    pub fn type_lookup(&self, ty: &Py<Type>, name: &Py<Str>) -> Option<Value> {
        if !name.is_interned() {
            return ty.lookup(name);
        }
        let version = ty.assign_version(&self.type_versions);
        if version == 0 {
            return ty.lookup(name);
        }
        let key = name.addr();
        let i = slot(version, key);
        let hit = self.method_cache.entries.with(|e| {
            let entry = &e[i];
            (entry.version == version && entry.name == key).then(|| entry.value.clone())
        });
        if let Some(v) = hit {
            return if v.is_null() { None } else { Some(v) };
        }
        let found = ty.lookup(name);
        // The lookup may have run code that changed the type; only cache a current answer.
        if ty.version() == version {
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
