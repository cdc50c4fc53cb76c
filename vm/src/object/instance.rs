//! Instances of heap types: the extension after the solid base's payload, holding the
//! instance's attributes and its `__slots__` storage.
//!
//! Attributes are CPython 3.14's *inline values*: a values array indexed like the class's
//! [`SharedKeys`] (an append-only list of at most 30 names shared by all instances of the
//! class), plus the order in which this instance first set each of them, so that `__dict__`
//! lists attributes in assignment order. An instance whose attributes do not fit (the keys
//! are full) or whose `__dict__` is requested gets a real dict instead, for good.

use std::cell::Cell;

use super::core::{Py, PyCell};
use super::value::Value;
use crate::types::dict::Dict;
use crate::types::str::Str;

/// Most names a class's shared keys hold (CPython's `SHARED_KEYS_MAX_SIZE`).
pub const MAX_SHARED_KEYS: usize = 30;

/// Attribute names shared by the inline values of a class's instances.
#[derive(Default)]
pub struct SharedKeys {
    keys: PyCell<Vec<Py<Str>>>,
    version: Cell<u32>,
}

impl SharedKeys {
    /// The index of `name`, comparing interned pointers first.
    #[inline]
    pub fn index_of(&self, name: &Py<Str>) -> Option<usize> {
        self.keys.with(|keys| {
            keys.iter()
                .position(|k| k.is(name))
                .or_else(|| keys.iter().position(|k| k.as_wtf8() == name.as_wtf8()))
        })
    }

    /// The index of `name`, appending it if it is new and there is room.
    pub fn index_or_insert(&self, name: &Py<Str>) -> Option<usize> {
        if let Some(i) = self.index_of(name) {
            return Some(i);
        }
        self.keys
            .with_mut(|keys| {
                if keys.len() >= MAX_SHARED_KEYS {
                    return None;
                }
                keys.push(name.clone());
                Some(keys.len() - 1)
            })
            .inspect(|_| self.version.set(self.version.get().wrapping_add(1)))
    }

    /// The name at `index`.
    pub fn name(&self, index: usize) -> Option<Py<Str>> {
        self.keys.with(|keys| keys.get(index).cloned())
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.keys.with(Vec::len)
    }

    /// True when no key was added yet.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Changes whenever a key is appended (what `keys_version` caches guard on).
    pub fn version(&self) -> u32 {
        self.version.get()
    }
}

/// Where an instance keeps its attributes.
enum Attrs {
    /// `__slots__` without `__dict__`: no attribute storage.
    NoDict,
    /// Inline values indexed like the class's shared keys; `order` lists the indices in
    /// first-assignment order.
    Inline { values: Vec<Value>, order: Vec<u8> },
    /// A materialized dict.
    Dict(Py<Dict>),
}

/// The per-instance part of a heap-type instance.
pub struct InstanceExt {
    attrs: PyCell<Attrs>,
    slots: Box<[PyCell<Value>]>,
}

/// Where an attribute access must go when inline values cannot serve it.
pub enum AttrPlace {
    /// The instance has a dict: use it.
    Dict(Py<Dict>),
    /// The instance has no attribute storage at all.
    None,
}

impl InstanceExt {
    /// Storage for an instance with `nslots` `__slots__` entries and, if `has_dict`, a
    /// `__dict__`.
    pub fn new(nslots: usize, has_dict: bool) -> InstanceExt {
        InstanceExt {
            attrs: PyCell::new(if has_dict {
                Attrs::Inline {
                    values: Vec::new(),
                    order: Vec::new(),
                }
            } else {
                Attrs::NoDict
            }),
            slots: (0..nslots).map(|_| PyCell::new(Value::Null)).collect(),
        }
    }

    /// The value of `__slots__` entry `index` (`Null` when unset).
    #[inline]
    pub fn slot(&self, index: usize) -> Value {
        self.slots.get(index).map_or(Value::Null, PyCell::get)
    }

    /// Sets `__slots__` entry `index`, returning the old value (drop it after).
    #[inline]
    pub fn set_slot(&self, index: usize, value: Value) -> Value {
        self.slots
            .get(index)
            .map_or(Value::Null, |cell| cell.replace(value))
    }

    /// Number of `__slots__` entries.
    pub fn slot_count(&self) -> usize {
        self.slots.len()
    }

    /// Reads an attribute from the inline values. `Err` says where to look instead.
    #[inline]
    pub fn get_attr(&self, keys: &SharedKeys, name: &Py<Str>) -> Result<Option<Value>, AttrPlace> {
        let index = match self.attrs.with(|a| match a {
            Attrs::Inline { .. } => Ok(()),
            Attrs::Dict(d) => Err(AttrPlace::Dict(d.clone())),
            Attrs::NoDict => Err(AttrPlace::None),
        }) {
            Ok(()) => keys.index_of(name),
            Err(place) => return Err(place),
        };
        Ok(index.and_then(|i| self.get_inline(i)))
    }

    /// The inline value at `index`, if set (what `LOAD_ATTR_INSTANCE_VALUE` reads).
    #[inline]
    pub fn get_inline(&self, index: usize) -> Option<Value> {
        self.attrs.with(|a| match a {
            Attrs::Inline { values, .. } => values.get(index).filter(|v| !v.is_null()).cloned(),
            _ => None,
        })
    }

    /// Whether attributes are still inline values.
    #[inline]
    pub fn has_inline_values(&self) -> bool {
        self.attrs.with(|a| matches!(a, Attrs::Inline { .. }))
    }

    /// Sets an attribute in the inline values, returning the old value (`Null` if none).
    /// `Err` gives the value back with where to store it instead; when the shared keys are
    /// full the caller materializes a dict ([`InstanceExt::take_inline`]) and retries.
    pub fn set_attr(
        &self,
        keys: &SharedKeys,
        name: &Py<Str>,
        value: Value,
    ) -> Result<Value, (Value, Option<AttrPlace>)> {
        match self.attrs.with(|a| match a {
            Attrs::Inline { .. } => Ok(()),
            Attrs::Dict(d) => Err(AttrPlace::Dict(d.clone())),
            Attrs::NoDict => Err(AttrPlace::None),
        }) {
            Ok(()) => {}
            Err(place) => return Err((value, Some(place))),
        }
        let Some(index) = keys.index_or_insert(name) else {
            return Err((value, None));
        };
        Ok(self.set_inline(index, value))
    }

    /// Stores `value` at inline index `index` (which the shared keys define), returning the
    /// old value.
    pub fn set_inline(&self, index: usize, value: Value) -> Value {
        self.attrs.with_mut(|a| match a {
            Attrs::Inline { values, order } => {
                if values.len() <= index {
                    values.resize(index + 1, Value::Null);
                }
                let old = std::mem::replace(&mut values[index], value);
                if old.is_null() {
                    order.push(index as u8);
                }
                old
            }
            _ => value,
        })
    }

    /// Deletes an attribute from the inline values: `Ok(Some(old))` when it was there,
    /// `Ok(None)` when missing, `Err` when the instance stores attributes elsewhere.
    pub fn del_attr(&self, keys: &SharedKeys, name: &Py<Str>) -> Result<Option<Value>, AttrPlace> {
        match self.attrs.with(|a| match a {
            Attrs::Inline { .. } => Ok(()),
            Attrs::Dict(d) => Err(AttrPlace::Dict(d.clone())),
            Attrs::NoDict => Err(AttrPlace::None),
        }) {
            Ok(()) => {}
            Err(place) => return Err(place),
        }
        let Some(index) = keys.index_of(name) else {
            return Ok(None);
        };
        Ok(self.attrs.with_mut(|a| match a {
            Attrs::Inline { values, order } => {
                let old = values
                    .get_mut(index)
                    .map(std::mem::take)
                    .filter(|v| !v.is_null());
                if old.is_some() {
                    order.retain(|&i| usize::from(i) != index);
                }
                old
            }
            _ => None,
        }))
    }

    /// The materialized dict, if any.
    pub fn dict(&self) -> Option<Py<Dict>> {
        self.attrs.with(|a| match a {
            Attrs::Dict(d) => Some(d.clone()),
            _ => None,
        })
    }

    /// Whether the instance has attribute storage (inline or dict).
    pub fn has_dict_storage(&self) -> bool {
        self.attrs.with(|a| !matches!(a, Attrs::NoDict))
    }

    /// Moves the inline values out, in assignment order, as `(key index, value)` pairs,
    /// leaving the instance without storage until [`InstanceExt::install_dict`].
    /// `None` when attributes are not inline.
    pub fn take_inline(&self) -> Option<Vec<(usize, Value)>> {
        let taken = self.attrs.with_mut(|a| match a {
            Attrs::Inline { .. } => Some(std::mem::replace(a, Attrs::NoDict)),
            _ => None,
        })?;
        let Attrs::Inline { mut values, order } = taken else {
            return None;
        };
        Some(
            order
                .into_iter()
                .map(|i| {
                    let i = usize::from(i);
                    (i, std::mem::take(&mut values[i]))
                })
                .collect(),
        )
    }

    /// Makes `dict` the instance's attribute storage (`__dict__` materialized or assigned),
    /// returning the previous dict if any.
    pub fn install_dict(&self, dict: Py<Dict>) -> Option<Py<Dict>> {
        match self.attrs.replace(Attrs::Dict(dict)) {
            Attrs::Dict(old) => Some(old),
            Attrs::Inline { values, .. } => {
                drop(values);
                None
            }
            Attrs::NoDict => None,
        }
    }
}
