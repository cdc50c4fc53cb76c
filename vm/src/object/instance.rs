//! Instances of heap types: the extension after the solid base's payload, holding the
//! instance's attributes and its `__slots__` storage.
//!
//! Attributes are CPython 3.14's *inline values*: a values array indexed like the class's
//! [`SharedKeys`] (an append-only list of at most 30 names shared by all instances of the
//! class), plus the order in which this instance first set each of them, so that `__dict__`
//! lists attributes in assignment order. An instance whose attributes do not fit (the keys
//! are full) or whose `__dict__` is requested gets a real dict instead, for good.

use std::cell::{Cell, UnsafeCell};
use std::ptr::NonNull;

use super::core::{Py, PyCell};
use super::value::Value;
use super::values::ValueArray;
use crate::runtime::cache::KeyHint;
use crate::types::dict::Dict;
use crate::types::str::Str;

/// Most names a class's shared keys hold (CPython's `SHARED_KEYS_MAX_SIZE`).
pub const MAX_SHARED_KEYS: usize = 30;

/// Attribute names shared by the inline values of a class's instances.
pub struct SharedKeys {
    keys: PyCell<Vec<Py<Str>>>,
    version: Cell<u32>,
    /// Whether some key is not interned. While every key is, an interned name that is not
    /// one of them by identity is not one of them at all (equal interned strs are the same
    /// object), so the text comparison pass is skipped.
    mixed: Cell<bool>,
}

impl Default for SharedKeys {
    fn default() -> Self {
        SharedKeys {
            keys: PyCell::new(Vec::new()),
            version: Cell::new(0),
            mixed: Cell::new(false),
        }
    }
}

impl SharedKeys {
    /// The index of `name`, comparing interned pointers first.
    #[inline]
    pub fn index_of(&self, name: &Py<Str>) -> Option<usize> {
        let by_text = self.mixed.get() || !name.is_interned();
        self.keys.with(|keys| {
            let found = keys.iter().position(|k| k.is(name));
            if found.is_some() || !by_text {
                return found;
            }
            keys.iter().position(|k| k.as_wtf8() == name.as_wtf8())
        })
    }

    /// [`SharedKeys::index_of`] helped by the method cache's [`KeyHint`] for `name` on the
    /// owning type: also returns the hint to record when it had to be worked out again.
    #[inline(always)]
    pub fn index_hinted(&self, name: &Py<Str>, hint: KeyHint) -> (Option<usize>, Option<KeyHint>) {
        if hint.0 < KeyHint::ABSENT {
            return (Some(hint.0 as usize), None);
        }
        if hint != KeyHint::UNKNOWN && (hint.0 & !KeyHint::ABSENT) as usize == self.len() {
            return (None, None);
        }
        self.index_and_hint(name)
    }

    #[inline(never)]
    fn index_and_hint(&self, name: &Py<Str>) -> (Option<usize>, Option<KeyHint>) {
        let found = self.index_of(name);
        let hint = match found {
            Some(i) => KeyHint(i as u32),
            None => KeyHint(KeyHint::ABSENT | self.len() as u32),
        };
        (found, Some(hint))
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
            .inspect(|_| {
                self.version.set(self.version.get().wrapping_add(1));
                if !name.is_interned() {
                    self.mixed.set(true);
                }
            })
    }

    /// The name at `index`.
    pub fn name(&self, index: usize) -> Option<Py<Str>> {
        self.keys.with(|keys| keys.get(index).cloned())
    }

    /// Number of keys.
    #[inline]
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
    /// Inline values indexed like the class's shared keys.
    Inline(Inline),
    /// A materialized dict.
    Dict(Py<Dict>),
}

/// Inline values and the order in which they were first assigned.
struct Inline {
    /// Indexed like the shared keys; `Null` where the instance has no such attribute.
    /// Allocated with the object, sized from the class's key count at that time; replaced
    /// by a separate, larger array when an index beyond it is set.
    values: ValueArray,
    /// One more than the highest index ever set (every value above it is `Null`).
    high: usize,
    /// The set indices in first-assignment order, or `None` while that order is simply
    /// increasing index order, which is the usual case (every instance of a class assigns
    /// its attributes in the same order) and spares an allocation per instance.
    order: Option<Vec<u8>>,
}

impl Inline {
    /// Stores `value` at `index`, returning the old value (`Null` if it was unset).
    /// Inline into `STORE_ATTR`: replacing a set value is the usual case.
    #[inline(always)]
    fn store(&mut self, index: usize, value: Value) -> Value {
        if index >= self.values.len() {
            self.grow(index);
        }
        let old = std::mem::replace(&mut self.values.as_mut_slice()[index], value);
        if old.is_null() {
            if index >= self.high {
                // The usual first assignment: the next attribute in key order. Nothing is
                // set above `index`, so only an explicit order needs the new index.
                self.high = index + 1;
                if let Some(order) = &mut self.order {
                    order.push(index as u8);
                }
            } else {
                self.note_new(index);
            }
        }
        old
    }

    /// Moves the values to a separate array with room for `index` (the class gained keys
    /// after this instance was allocated).
    #[cold]
    #[inline(never)]
    fn grow(&mut self, index: usize) {
        let cap = (index + 1)
            .max(self.values.len() * 2)
            .max(4)
            .min(MAX_SHARED_KEYS.max(index + 1));
        let mut grown: Vec<Value> = Vec::with_capacity(cap);
        grown.extend(self.values.as_mut_slice().iter_mut().map(std::mem::take));
        grown.resize(cap, Value::NULL);
        // The old values are all `Null` now: dropping them runs nothing.
        drop(std::mem::replace(
            &mut self.values,
            ValueArray::boxed(grown),
        ));
    }

    /// Records that `index`, below an index already set, was just assigned for the first
    /// time.
    #[inline(never)]
    fn note_new(&mut self, index: usize) {
        match &mut self.order {
            Some(order) => order.push(index as u8),
            None => {
                let values = self.values.as_slice();
                if values[index + 1..self.high].iter().any(|v| !v.is_null()) {
                    // Assigned after a higher index: record the order explicitly.
                    let mut order: Vec<u8> = (0..self.high)
                        .filter(|&i| i != index && !values[i].is_null())
                        .map(|i| i as u8)
                        .collect();
                    order.push(index as u8);
                    self.order = Some(order);
                }
            }
        }
    }

    /// The value at `index`, if set.
    #[inline(always)]
    fn get(&self, index: usize) -> Option<&Value> {
        self.values.as_slice().get(index).filter(|v| !v.is_null())
    }

    /// Removes the value at `index`, if set.
    fn remove(&mut self, index: usize) -> Option<Value> {
        let old = self
            .values
            .as_mut_slice()
            .get_mut(index)
            .map(std::mem::take)
            .filter(|v| !v.is_null());
        if old.is_some()
            && let Some(order) = &mut self.order
        {
            order.retain(|&i| usize::from(i) != index);
        }
        old
    }

    /// The set indices in first-assignment order.
    fn assignment_order(&self) -> Vec<usize> {
        match &self.order {
            Some(order) => order.iter().map(|&i| usize::from(i)).collect(),
            None => {
                let values = self.values.as_slice();
                (0..self.high).filter(|&i| !values[i].is_null()).collect()
            }
        }
    }

    /// Moves every value out (leaving `Null`s), for dropping outside the cell.
    fn take_all(&mut self) -> Vec<Value> {
        self.high = 0;
        self.order = None;
        self.values
            .as_mut_slice()
            .iter_mut()
            .map(std::mem::take)
            .filter(|v| !v.is_null())
            .collect()
    }
}

/// The per-instance part of a heap-type instance.
pub struct InstanceExt {
    attrs: PyCell<Attrs>,
    /// The `__slots__` entries (`Null` when unset): `nslots` values in the object's own
    /// memory, right before the inline attribute values (`object::core` invariant 6), so an
    /// instance of a `__slots__` class costs no second allocation. A cell is only read by
    /// cloning its value or replaced whole (no reference into it outlives the access, and
    /// neither runs Python code), the discipline `PyCell` follows (`object::core`
    /// invariant 4). Dangling when `nslots` is 0.
    slots: NonNull<UnsafeCell<Value>>,
    nslots: usize,
    /// How many values were allocated after the object (the `__slots__` entries and the
    /// inline attributes: `object::core` invariant 6), whatever happened to them since.
    trailing: usize,
}

impl Drop for InstanceExt {
    #[inline(always)]
    fn drop(&mut self) {
        for cell in self.slots_slice() {
            // SAFETY: each entry is dropped once, here; its memory is the object's.
            unsafe { std::ptr::drop_in_place(cell.get()) };
        }
    }
}

/// Where an attribute access must go when inline values cannot serve it.
pub enum AttrPlace {
    /// The instance has a dict: use it.
    Dict(Py<Dict>),
    /// The instance has no attribute storage at all.
    None,
}

impl InstanceExt {
    /// Storage for an instance with the `nslots` `__slots__` entries at `slots` and, if
    /// `has_dict`, a `__dict__` whose inline values are `values` (allocated with the
    /// object, as many as the class has shared keys so far, so that the usual instance
    /// never regrows them).
    ///
    /// # Safety
    /// `slots` points at `nslots` initialized values in the memory of the object whose
    /// extension this becomes, right before `values` when those are trailing too.
    #[inline]
    pub unsafe fn new(
        slots: NonNull<Value>,
        nslots: usize,
        has_dict: bool,
        values: ValueArray,
    ) -> InstanceExt {
        let trailing = nslots + values.trailing_len();
        // `UnsafeCell<Value>` has `Value`'s layout.
        let slots = slots.cast::<UnsafeCell<Value>>();
        // The usual class (a `__dict__`) gets its extension as one literal: building the
        // attributes' variant apart and moving it in made LLVM assemble the extension on
        // the stack and copy it twice (~25 machine instructions per instance).
        if has_dict {
            return InstanceExt {
                trailing,
                attrs: PyCell::new(Attrs::Inline(Inline {
                    values,
                    high: 0,
                    order: None,
                })),
                slots,
                nslots,
            };
        }
        InstanceExt {
            trailing,
            attrs: PyCell::new(Attrs::NoDict),
            slots,
            nslots,
        }
    }

    /// Releases the `__slots__` entries and attribute values of a dying instance that keeps
    /// the latter inline in its own memory with no explicit assignment order (or has no
    /// attribute storage), and says whether it did; then the extension owns nothing else (its values' memory is
    /// the object's) and must be forgotten, not dropped. Only the values below `high` are
    /// dropped: every value above it is `Null`. Does nothing for any other extension.
    ///
    /// # Safety
    /// `this` is the extension of an object whose count reached zero and that nothing can
    /// reach any more (untracked by the collector), so no borrow of it is live while the
    /// values' drops run (which may run `__del__`).
    #[inline(always)]
    pub(crate) unsafe fn release_plain(this: *mut InstanceExt) -> bool {
        // SAFETY: by the caller's contract the extension is exclusively ours.
        let ext = unsafe { &mut *this };
        let slots = ext.slots.as_ptr();
        let nslots = ext.nslots;
        let (items, high) = match ext.attrs.get_mut() {
            Attrs::Inline(inline) if inline.order.is_none() && inline.values.is_trailing() => {
                let values = inline.values.as_mut_slice();
                (values.as_mut_ptr(), inline.high.min(values.len()))
            }
            Attrs::NoDict => (NonNull::dangling().as_ptr(), 0),
            _ => return false,
        };
        for i in 0..nslots {
            // SAFETY: `i < nslots`: an initialized entry, dropped once here and never again
            // (the extension is forgotten after this), as `Drop` would first.
            unsafe { std::ptr::drop_in_place((*slots.add(i)).get()) };
        }
        for i in 0..high {
            // SAFETY: `i < len`: an initialized value, dropped once here and never again.
            unsafe { std::ptr::drop_in_place(items.add(i)) };
        }
        true
    }

    /// How many values follow the object in its allocation (`object::core` invariant 6).
    #[inline(always)]
    pub fn trailing_values(&self) -> usize {
        self.trailing
    }

    /// The `__slots__` entries.
    #[inline(always)]
    fn slots_slice(&self) -> &[UnsafeCell<Value>] {
        // SAFETY: `nslots` initialized entries at `slots` (dangling when 0), in the memory
        // of the object that holds this extension.
        unsafe { std::slice::from_raw_parts(self.slots.as_ptr(), self.nslots) }
    }

    /// The value of `__slots__` entry `index` (`Null` when unset).
    #[inline]
    pub fn slot(&self, index: usize) -> Value {
        self.slots_slice()
            .get(index)
            // SAFETY: no reference into the entry is live (see `slots`); cloning only
            // touches a reference count.
            .map_or(Value::Null, |cell| unsafe { (*cell.get()).clone() })
    }

    /// Sets `__slots__` entry `index`, returning the old value (drop it after).
    #[inline]
    pub fn set_slot(&self, index: usize, value: Value) -> Value {
        self.slots_slice()
            .get(index)
            // SAFETY: as in `slot`; the replacement runs no code.
            .map_or(Value::Null, |cell| unsafe {
                std::ptr::replace(cell.get(), value)
            })
    }

    /// Number of `__slots__` entries.
    pub fn slot_count(&self) -> usize {
        self.nslots
    }

    /// Reads an attribute from the inline values. `Err` says where to look instead.
    #[inline]
    pub fn get_attr(&self, keys: &SharedKeys, name: &Py<Str>) -> Result<Option<Value>, AttrPlace> {
        self.get_attr_at(keys.index_of(name))
    }

    /// [`InstanceExt::get_attr`] given the name's index in the shared keys (`None`: not a
    /// key).
    #[inline(always)]
    pub fn get_attr_at(&self, index: Option<usize>) -> Result<Option<Value>, AttrPlace> {
        self.attrs.with(|a| match a {
            Attrs::Inline(inline) => Ok(index.and_then(|i| inline.get(i)).cloned()),
            Attrs::Dict(d) => Err(AttrPlace::Dict(d.clone())),
            Attrs::NoDict => Err(AttrPlace::None),
        })
    }

    /// The inline value at `index`, if set (what `LOAD_ATTR_INSTANCE_VALUE` reads).
    #[inline(always)]
    pub fn get_inline(&self, index: usize) -> Option<Value> {
        self.attrs.with(|a| match a {
            Attrs::Inline(inline) => inline.get(index).cloned(),
            _ => None,
        })
    }

    /// Replaces the inline value at `index` (a shared-keys index of the instance's class),
    /// returning the old one (`Null` if it was unset); gives `value` back when the instance
    /// does not keep inline values.
    #[inline(always)]
    pub fn store_inline_at(&self, index: usize, value: Value) -> Result<Value, Value> {
        self.attrs.with_mut(|a| match a {
            Attrs::Inline(inline) => Ok(inline.store(index, value)),
            _ => Err(value),
        })
    }

    /// Whether the instance surely has no attribute of a name that `hint` (its method-cache
    /// hint on the instance's class, whose shared keys are `keys`) says is not a key:
    /// attributes are inline and the keys have not grown since the hint was taken.
    #[inline(always)]
    pub fn lacks_hinted(&self, keys: &SharedKeys, hint: KeyHint) -> bool {
        hint.0 >= KeyHint::ABSENT
            && hint != KeyHint::UNKNOWN
            && (hint.0 & !KeyHint::ABSENT) as usize == keys.len()
            && self.has_inline_values()
    }

    /// Whether the instance has no attribute storage (`__slots__` without `__dict__`).
    #[inline(always)]
    pub fn has_no_storage(&self) -> bool {
        self.attrs.with(|a| matches!(a, Attrs::NoDict))
    }

    /// Whether attributes are still inline values.
    #[inline(always)]
    pub fn has_inline_values(&self) -> bool {
        self.attrs.with(|a| matches!(a, Attrs::Inline(_)))
    }

    /// Sets an attribute in the inline values, returning the old value (`Null` if none).
    /// `Err` gives the value back with where to store it instead; when the shared keys are
    /// full the caller materializes a dict ([`InstanceExt::take_inline`]) and retries.
    #[inline]
    pub fn set_attr(
        &self,
        keys: &SharedKeys,
        name: &Py<Str>,
        value: Value,
    ) -> Result<Value, (Value, Option<AttrPlace>)> {
        self.set_attr_at(keys, name, keys.index_of(name), value)
    }

    /// [`InstanceExt::set_attr`] given what [`SharedKeys::index_of`] says of `name`.
    #[inline]
    pub fn set_attr_at(
        &self,
        keys: &SharedKeys,
        name: &Py<Str>,
        known: Option<usize>,
        value: Value,
    ) -> Result<Value, (Value, Option<AttrPlace>)> {
        // The usual case, an attribute the class's instances already have, is one pass.
        let r = self.attrs.with_mut(|a| match a {
            Attrs::Inline(inline) => match known {
                Some(index) => Ok(inline.store(index, value)),
                None => Err((value, None)),
            },
            Attrs::Dict(d) => Err((value, Some(AttrPlace::Dict(d.clone())))),
            Attrs::NoDict => Err((value, Some(AttrPlace::None))),
        });
        match r {
            Err((value, None)) => {
                let Some(index) = keys.index_or_insert(name) else {
                    return Err((value, None));
                };
                Ok(self.set_inline(index, value))
            }
            other => other,
        }
    }

    /// Stores `value` at inline index `index` (which the shared keys define), returning the
    /// old value.
    pub fn set_inline(&self, index: usize, value: Value) -> Value {
        self.attrs.with_mut(|a| match a {
            Attrs::Inline(inline) => inline.store(index, value),
            _ => value,
        })
    }

    /// Deletes an attribute from the inline values: `Ok(Some(old))` when it was there,
    /// `Ok(None)` when missing, `Err` when the instance stores attributes elsewhere.
    pub fn del_attr(&self, keys: &SharedKeys, name: &Py<Str>) -> Result<Option<Value>, AttrPlace> {
        match self.attrs.with(|a| match a {
            Attrs::Inline(_) => Ok(()),
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
            Attrs::Inline(inline) => inline.remove(index),
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
            Attrs::Inline(_) => Some(std::mem::replace(a, Attrs::NoDict)),
            _ => None,
        })?;
        let Attrs::Inline(mut inline) = taken else {
            return None;
        };
        let order = inline.assignment_order();
        let values = inline.values.as_mut_slice();
        Some(
            order
                .into_iter()
                .map(|i| (i, std::mem::take(&mut values[i])))
                .collect(),
        )
    }

    /// Makes `dict` the instance's attribute storage (`__dict__` materialized or assigned),
    /// returning the previous dict if any.
    pub fn install_dict(&self, dict: Py<Dict>) -> Option<Py<Dict>> {
        match self.attrs.replace(Attrs::Dict(dict)) {
            Attrs::Dict(old) => Some(old),
            Attrs::Inline(inline) => {
                drop(inline);
                None
            }
            Attrs::NoDict => None,
        }
    }

    /// Visits the attribute values (or the dict) and the `__slots__` values (cycle
    /// collector).
    pub fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        // SAFETY: collections run at safe points, where no entry is being replaced.
        visit.values(
            self.slots_slice()
                .iter()
                .map(|cell| unsafe { &*cell.get() }),
        );
        self.attrs.with(|a| match a {
            Attrs::Inline(inline) => visit.values(inline.values.as_slice()),
            Attrs::Dict(d) => visit.py(d),
            Attrs::NoDict => {}
        });
    }

    /// Drops the attributes and `__slots__` values (cycle collector). A dict is detached
    /// rather than emptied: something else may still hold it.
    pub fn gc_clear(&self) {
        // Inline values are emptied in place (their memory may be the object's); a dict
        // is detached, leaving empty inline storage.
        let (values, dict) = self.attrs.with_mut(|a| match a {
            Attrs::NoDict => (Vec::new(), None),
            Attrs::Inline(inline) => (inline.take_all(), None),
            Attrs::Dict(_) => {
                let empty = Attrs::Inline(Inline {
                    values: ValueArray::default(),
                    high: 0,
                    order: None,
                });
                (Vec::new(), Some(std::mem::replace(a, empty)))
            }
        });
        drop(values);
        drop(dict);
        for cell in self.slots_slice() {
            // SAFETY: as in `set_slot`; the old value is dropped after the replacement.
            drop(unsafe { std::ptr::replace(cell.get(), Value::Null) });
        }
    }
}
