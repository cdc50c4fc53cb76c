//! `set` and `frozenset`: CPython's open-addressing table (linear probes of 9 then
//! perturbation, the same sizes, fill/used accounting and resize rules), so that iteration
//! order matches CPython's for the same sequence of operations.
//!
//! As in `dict`, comparisons run with the table released and probing restarts if the
//! table changed meanwhile; removed keys are dropped after the table access.

use std::cell::Cell;

use crate::object::{PyCell, Value};
use crate::runtime::{PyResult, Vm};

use super::dict::fast_key_eq;

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone, Default)]
struct Entry {
    /// 0 with a `Null` key: never used; -1 with a `Null` key: deleted (dummy).
    hash: i64,
    key: Value,
}

impl Entry {
    #[inline]
    fn is_unused(&self) -> bool {
        self.key.is_null() && self.hash == 0
    }

    #[inline]
    fn is_dummy(&self) -> bool {
        self.key.is_null() && self.hash == -1
    }
}

/// The start of the next linear run of probes (CPython's perturbation recurrence).
#[inline]
fn next_run(i: usize, perturb: u64, mask: usize) -> usize {
    (i.wrapping_mul(5)
        .wrapping_add(1)
        .wrapping_add(perturb as usize))
        & mask
}

struct Table {
    entries: Vec<Entry>,
    fill: usize,
    used: usize,
    finger: usize,
    /// Changes whenever the table is replaced or entries change identity.
    layout: u64,
}

/// `n` unused entries, as one zero-filled block: an unused entry (hash 0, `Null` key, whose
/// tag is 0) is all zero bits. `vec![Entry::default(); n]` cloned entry by entry (~10
/// instructions per slot; a set growing to 32 slots paid ~370 per table).
fn unused_entries(n: usize) -> Vec<Entry> {
    let mut v = Vec::<Entry>::with_capacity(n);
    // SAFETY: the capacity holds `n` entries, and the all-zero bit pattern is a valid
    // `Entry` (`Value` is `repr(C, u64)` with `Null` its first variant, tag 0, no payload).
    unsafe {
        std::ptr::write_bytes(v.as_mut_ptr(), 0, n);
        v.set_len(n);
    }
    debug_assert!(v.iter().all(Entry::is_unused));
    v
}

impl Default for Table {
    fn default() -> Table {
        Table {
            entries: unused_entries(MIN_SIZE),
            fill: 0,
            used: 0,
            finger: 0,
            layout: 0,
        }
    }
}

/// Where a probe stands.
enum Step {
    /// The key is at this index.
    Found(usize),
    /// Not present: index of the unused slot reached, and the last dummy seen.
    Missing(usize, Option<usize>),
    /// Same hash, needs `__eq__`: index, the stored key, and where to resume.
    Compare(usize, Value, Resume),
}

/// Where a native probe ended ([`Table::probe_native`]).
#[derive(Clone, Copy)]
enum Slot {
    /// The key is at this index.
    Found(usize),
    /// Not present: index of the unused slot reached, and the last dummy seen.
    Missing(usize, Option<usize>),
}

impl From<Slot> for Step {
    #[inline]
    fn from(s: Slot) -> Step {
        match s {
            Slot::Found(i) => Step::Found(i),
            Slot::Missing(i, free) => Step::Missing(i, free),
        }
    }
}

#[derive(Clone, Copy)]
struct Resume {
    i: usize,
    perturb: u64,
    /// Offset within the current linear run.
    j: usize,
    freeslot: Option<usize>,
}

impl Table {
    fn mask(&self) -> usize {
        self.entries.len() - 1
    }

    /// Probes for `key` from `r`.
    fn probe(&self, key: &Value, hash: i64, mut r: Resume) -> Step {
        let mask = self.mask();
        loop {
            let probes = if r.i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            while r.j <= probes {
                let idx = r.i + r.j;
                let e = &self.entries[idx];
                r.j += 1;
                if e.is_unused() {
                    return Step::Missing(idx, r.freeslot);
                }
                if e.hash == hash {
                    // Identity inline first (equal small ints, the same str object): the
                    // general native comparison is an out-of-line call, ~25 instructions
                    // of each hit on meteor_contest's int sets.
                    if e.key.is(key) {
                        return Step::Found(idx);
                    }
                    match fast_key_eq(&e.key, key) {
                        Some(true) => return Step::Found(idx),
                        Some(false) => {}
                        None => return Step::Compare(idx, e.key.clone(), r),
                    }
                } else if e.is_dummy() {
                    r.freeslot = Some(idx);
                }
            }
            r.perturb >>= PERTURB_SHIFT;
            r.i = next_run(r.i, r.perturb, mask);
            r.j = 0;
        }
    }

    /// The entries holding a key.
    fn live(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(|e| !e.key.is_null())
    }

    /// Probes for `key` while every same-hash comparison is native (`fast_key_eq`): the
    /// found slot or the unused slot reached (with the last dummy passed); `None` when a
    /// comparison needs `__eq__`, which [`Set::lookup`] then runs the resumable way. The
    /// general `probe` returns a large `Step` through memory and carries its resume state;
    /// this loop keeps everything in registers (meteor_contest's probes went from ~82 to
    /// ~30 instructions).
    #[inline(always)]
    fn probe_native(&self, key: &Value, hash: i64) -> Option<Slot> {
        let entries = self.entries.as_slice();
        let mask = entries.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot = None;
        loop {
            let last = if i + LINEAR_PROBES <= mask {
                i + LINEAR_PROBES
            } else {
                i
            };
            // An index loop: slicing `i..=last` cost ~20 instructions of checks per probe.
            let mut idx = i;
            loop {
                // SAFETY: `idx <= last <= mask`, and the table has `mask + 1` entries.
                let e = unsafe { entries.get_unchecked(idx) };
                if e.key.is_null() {
                    if e.hash == 0 {
                        return Some(Slot::Missing(idx, freeslot));
                    }
                    // A dummy (hashes are never -1, so it cannot match below).
                    freeslot = Some(idx);
                } else if e.hash == hash && (e.key.is(key) || fast_key_eq(&e.key, key)?) {
                    return Some(Slot::Found(idx));
                }
                if idx == last {
                    break;
                }
                idx += 1;
            }
            perturb >>= PERTURB_SHIFT;
            i = next_run(i, perturb, mask);
        }
    }

    /// Whether `key` is present, when every same-hash comparison on the way is native;
    /// `None` when one needs `__eq__`.
    #[inline]
    fn find_native(&self, key: &Value, hash: i64) -> Option<bool> {
        self.probe_native(key, hash)
            .map(|s| matches!(s, Slot::Found(_)))
    }

    /// Inserts keys known to be distinct and absent, one by one with CPython's growth
    /// (`set_add_entry` on a table without dummies places each key in the first unused
    /// slot of its probe sequence, as `insert_clean` does), so the layout and iteration
    /// order match a sequence of adds. Needs a table without dummies.
    fn extend_absent(&mut self, mut keys: Vec<(i64, Value)>) {
        debug_assert_eq!(self.fill, self.used);
        if self.used == 0 && self.entries.len() == MIN_SIZE && self.place_at_home(&mut keys) {
            return;
        }
        for (hash, key) in keys {
            Self::insert_clean(&mut self.entries, key, hash);
            self.fill += 1;
            self.used += 1;
            if self.fill * 5 >= self.mask() * 3 {
                let target = self.growth_target();
                self.resize(target);
            }
        }
        self.layout += 1;
    }

    /// The table size that inserting `n` distinct keys one by one into an empty
    /// `MIN_SIZE` table reaches (the growth steps of `extend_absent`, on counts alone).
    fn size_after_adds(n: usize) -> usize {
        let mut mask = MIN_SIZE - 1;
        for fill in 1..=n {
            if fill * 5 >= mask * 3 {
                mask = table_size(growth_target(fill)) - 1;
            }
        }
        mask + 1
    }

    /// Into an empty table: places every key in its home slot of the final-size table at
    /// once, skipping the intermediate tables and rehashes of one-by-one growth. When the
    /// home slots are all distinct, no key probes, so the layout is the one any insertion
    /// order gives, one-by-one growth included. On a clash the keys placed so far go back
    /// into `keys` (each sits in its home slot) and false says to take the general way.
    fn place_at_home(&mut self, keys: &mut [(i64, Value)]) -> bool {
        let size = Self::size_after_adds(keys.len());
        let mask = size - 1;
        if size != self.entries.len() {
            self.entries = unused_entries(size);
        }
        for j in 0..keys.len() {
            let home = (keys[j].0 as u64 as usize) & mask;
            if !self.entries[home].key.is_null() {
                for (hash, key) in &mut keys[..j] {
                    let slot = &mut self.entries[(*hash as u64 as usize) & mask];
                    *key = std::mem::take(&mut slot.key);
                    slot.hash = 0;
                }
                // The general way grows from the empty table's size.
                if size != MIN_SIZE {
                    self.entries = unused_entries(MIN_SIZE);
                }
                return false;
            }
            let (hash, key) = &mut keys[j];
            self.entries[home] = Entry {
                hash: *hash,
                key: std::mem::take(key),
            };
        }
        self.fill = keys.len();
        self.used = keys.len();
        self.layout += 1;
        true
    }

    /// Adds `key` when every same-hash comparison on its probe is native, in one pass
    /// (CPython's `set_add_entry`): `Ok` with the key back when it was already present
    /// (the caller drops it after the borrow), `Err` with the key when a comparison needs
    /// `__eq__`, which [`Set::add_hashed`] then runs the general way.
    #[inline]
    fn add_native(&mut self, key: Value, hash: i64) -> Result<Option<Value>, Value> {
        match self.probe_native(&key, hash) {
            None => Err(key),
            Some(Slot::Found(_)) => Ok(Some(key)),
            Some(Slot::Missing(idx, freeslot)) => {
                self.used += 1;
                self.layout += 1;
                if let Some(slot) = freeslot {
                    self.entries[slot] = Entry { hash, key };
                    return Ok(None);
                }
                self.entries[idx] = Entry { hash, key };
                self.fill += 1;
                if self.fill * 5 >= self.mask() * 3 {
                    let target = self.growth_target();
                    self.resize(target);
                }
                Ok(None)
            }
        }
    }

    /// A copy with the layout merging this table into an empty set gives (`Set::merge`):
    /// the entries at the same positions when the sizes match and there are no dummies,
    /// else re-inserted in table order. Built directly at its final size: no empty
    /// `MIN_SIZE` table is allocated first and replaced.
    fn copy_as_merged(&self) -> Table {
        let size = if self.used * 5 >= (MIN_SIZE - 1) * 3 {
            table_size(self.used * 2)
        } else {
            MIN_SIZE
        };
        let entries = if size == self.entries.len() && self.fill == self.used {
            self.entries.clone()
        } else {
            let mut entries = unused_entries(size);
            for e in self.live() {
                Self::insert_clean(&mut entries, e.key.clone(), e.hash);
            }
            entries
        };
        Table {
            entries,
            fill: self.used,
            used: self.used,
            finger: 0,
            layout: 0,
        }
    }

    /// A table holding `keys` (distinct), laid out as adding them one by one to an empty
    /// set would ([`Table::extend_absent`]), allocated at its final size when no key probes.
    fn from_absent(mut keys: Vec<(i64, Value)>) -> Table {
        let mut t = Table {
            entries: unused_entries(Self::size_after_adds(keys.len())),
            fill: 0,
            used: 0,
            finger: 0,
            layout: 0,
        };
        if !t.place_at_home(&mut keys) {
            t.extend_absent(keys);
        }
        t
    }

    fn start(hash: i64, mask: usize) -> Resume {
        Resume {
            i: (hash as u64 as usize) & mask,
            perturb: hash as u64,
            j: 0,
            freeslot: None,
        }
    }

    /// Inserts a key known to be absent into a table without dummies (resize, copies).
    fn insert_clean(entries: &mut [Entry], key: Value, hash: i64) {
        let mask = entries.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if entries[i].key.is_null() {
                entries[i] = Entry { hash, key };
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in 1..=LINEAR_PROBES {
                    if entries[i + j].key.is_null() {
                        entries[i + j] = Entry { hash, key };
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = next_run(i, perturb, mask);
        }
    }

    /// Rebuilds with the smallest size above `minused` (CPython's `set_table_resize`).
    fn resize(&mut self, minused: usize) {
        let newsize = table_size(minused);
        if newsize == MIN_SIZE && self.entries.len() == MIN_SIZE && self.fill == self.used {
            return;
        }
        let old = std::mem::replace(&mut self.entries, unused_entries(newsize));
        for e in old {
            if !e.key.is_null() {
                Self::insert_clean(&mut self.entries, e.key, e.hash);
            }
        }
        self.fill = self.used;
        self.layout += 1;
    }

    fn growth_target(&self) -> usize {
        growth_target(self.used)
    }
}

/// `set_table_resize`'s table size for `minused`: the smallest power of two (at least
/// `MIN_SIZE`) above it.
fn table_size(minused: usize) -> usize {
    let mut size = MIN_SIZE;
    while size <= minused {
        size <<= 1;
    }
    size
}

/// `set_add_entry`'s resize request once the table is 3/5 full with `used` live keys.
fn growth_target(used: usize) -> usize {
    if used > 50000 { used * 2 } else { used * 4 }
}

/// A Python `set` or `frozenset`.
#[derive(Default)]
pub struct Set {
    table: PyCell<Table>,
    hash: Cell<i64>,
}

crate::payload!(Set, gc);

impl Set {
    /// Cycle collector: the elements.
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        self.table
            .with(|t| visit.values(t.entries.iter().map(|e| &e.key)));
    }

    fn gc_clear(&self) {
        self.clear();
    }
}

impl Set {
    /// An empty set.
    pub fn new() -> Set {
        Set {
            table: PyCell::default(),
            hash: Cell::new(-1),
        }
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        self.table.with(|t| t.used)
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Finds `key` (with `hash`), running `__eq__` as needed.
    fn lookup(&self, vm: &Vm, key: &Value, hash: i64) -> PyResult<Step> {
        if let Some(slot) = self.table.with(|t| t.probe_native(key, hash)) {
            return Ok(slot.into());
        }
        'restart: loop {
            let (mut resume, layout) = self
                .table
                .with(|t| (Table::start(hash, t.mask()), t.layout));
            loop {
                match self.table.with(|t| t.probe(key, hash, resume)) {
                    Step::Compare(idx, candidate, r) => {
                        let eq = vm.eq_bool(&candidate, key)?;
                        let changed = self.table.with(|t| {
                            t.layout != layout
                                || t.entries.get(idx).is_none_or(|e| !e.key.is(&candidate))
                        });
                        drop(candidate);
                        if changed {
                            continue 'restart;
                        }
                        if eq {
                            return Ok(Step::Found(idx));
                        }
                        resume = r;
                    }
                    other => return Ok(other),
                }
            }
        }
    }

    /// `key in s` with a known hash.
    pub fn contains_hashed(&self, vm: &Vm, key: &Value, hash: i64) -> PyResult<bool> {
        Ok(matches!(self.lookup(vm, key, hash)?, Step::Found(_)))
    }

    /// Adds `key` with a known hash (CPython's `set_add_entry`).
    pub fn add_hashed(&self, vm: &Vm, key: Value, hash: i64) -> PyResult<()> {
        let key = match self.table.with_mut(|t| t.add_native(key, hash)) {
            Ok(dup) => {
                drop(dup);
                return Ok(());
            }
            Err(key) => key,
        };
        let step = self.lookup(vm, &key, hash)?;
        self.table.with_mut(|t| match step {
            Step::Found(_) | Step::Compare(..) => {}
            Step::Missing(idx, freeslot) => {
                if let Some(slot) = freeslot {
                    t.entries[slot] = Entry { hash, key };
                    t.used += 1;
                    t.layout += 1;
                    return;
                }
                t.entries[idx] = Entry { hash, key };
                t.fill += 1;
                t.used += 1;
                t.layout += 1;
                if t.fill * 5 >= t.mask() * 3 {
                    let target = t.growth_target();
                    t.resize(target);
                }
            }
        });
        Ok(())
    }

    /// [`Set::add`] of a key for which `native_key` holds (hashing and comparing it run no
    /// Python code): an int is hashed here and the table probed in one pass, without the
    /// general path's layers (`set(genexpr)` of 8 ints, with `unused_entries`: 7,099 ->
    /// 6,783 instructions per call).
    #[inline]
    fn add_native_key(&self, vm: &Vm, key: Value) -> PyResult<()> {
        let hash = match key {
            Value::Int(i) => crate::runtime::hash::hash_i64(i),
            _ => vm.hash_set_elem(&key)?,
        };
        match self.table.with_mut(|t| t.add_native(key, hash)) {
            Ok(dup) => {
                drop(dup);
                Ok(())
            }
            Err(key) => self.add_hashed(vm, key, hash),
        }
    }

    /// Removes `key` (known hash); returns whether it was present.
    pub fn discard_hashed(&self, vm: &Vm, key: &Value, hash: i64) -> PyResult<bool> {
        let Step::Found(idx) = self.lookup(vm, key, hash)? else {
            return Ok(false);
        };
        let old = self.table.with_mut(|t| {
            let old = std::mem::take(&mut t.entries[idx].key);
            t.entries[idx].hash = -1;
            t.used -= 1;
            t.layout += 1;
            old
        });
        drop(old);
        Ok(true)
    }

    /// `s.add(key)`.
    pub fn add(&self, vm: &Vm, key: Value) -> PyResult<()> {
        let hash = vm.hash_set_elem(&key)?;
        self.add_hashed(vm, key, hash)
    }

    /// `key in s` (a set key is looked up as the equal frozenset, like CPython).
    pub fn contains(&self, vm: &Vm, key: &Value) -> PyResult<bool> {
        let hash = match vm.hash_set_elem(key) {
            Ok(h) => h,
            Err(e) if e.matches(&vm.exc.type_error) => match key.downcast::<Set>() {
                Some(s) => s.compute_hash(),
                None => return Err(e),
            },
            Err(e) => return Err(e),
        };
        self.contains_hashed(vm, key, hash)
    }

    /// Elements with their hashes, in table order.
    pub fn entries(&self) -> Vec<(i64, Value)> {
        self.table.with(|t| {
            // Sized up front: a filtered iterator would grow the vector by reallocation.
            let mut out = Vec::with_capacity(t.used);
            out.extend(t.live().map(|e| (e.hash, e.key.clone())));
            out
        })
    }

    /// Elements, in table order.
    pub fn items(&self) -> Vec<Value> {
        self.table.with(|t| {
            let mut out = Vec::with_capacity(t.used);
            out.extend(t.live().map(|e| e.key.clone()));
            out
        })
    }

    /// Whether every element is in `other`, decided with both tables borrowed when each
    /// comparison met is native (ints, floats, exact strs, identity: `fast_key_eq`);
    /// `None` when one needs `__eq__`, which the caller then runs the general way.
    pub fn is_subset_native(&self, other: &Set) -> Option<bool> {
        if std::ptr::eq(self, other) {
            return Some(true);
        }
        self.table.with(|a| {
            other.table.with(|b| {
                for e in a.live() {
                    if !b.find_native(&e.key, e.hash)? {
                        return Some(false);
                    }
                }
                Some(true)
            })
        })
    }

    /// The first smallest (`lt`) or largest element when every element is an immediate
    /// int (no comparison can run code), read straight from the table: `min(frozenset)`
    /// without collecting the elements first. `None` when empty or any element is not.
    pub fn int_extreme(&self, lt: bool) -> Option<Value> {
        self.table.with(|t| {
            let mut best: Option<i64> = None;
            for e in t.live() {
                let Value::Int(i) = e.key else {
                    return None;
                };
                best = Some(match best {
                    Some(b) if (lt && i >= b) || (!lt && i <= b) => b,
                    _ => i,
                });
            }
            best.map(Value::Int)
        })
    }

    /// The elements (with their hashes) that are not in `other`, in table order, found as
    /// [`Set::is_subset_native`] does; `None` when a comparison needs `__eq__`.
    pub fn difference_native(&self, other: &Set) -> Option<Vec<(i64, Value)>> {
        if std::ptr::eq(self, other) {
            return Some(Vec::new());
        }
        self.table.with(|a| {
            other.table.with(|b| {
                // Copies of keys `a` holds: dropping them early (on `None`) frees nothing.
                let mut out = Vec::with_capacity(a.used);
                for e in a.live() {
                    if !b.find_native(&e.key, e.hash)? {
                        out.push((e.hash, e.key.clone()));
                    }
                }
                Some(out)
            })
        })
    }

    /// The element at table position `pos` or after, advancing `pos` (iteration).
    pub fn next_at(&self, pos: &mut usize) -> Option<Value> {
        self.table.with(|t| {
            while *pos < t.entries.len() {
                let e = &t.entries[*pos];
                *pos += 1;
                if !e.key.is_null() {
                    return Some(e.key.clone());
                }
            }
            None
        })
    }

    /// Removes everything.
    pub fn clear(&self) {
        let old = self.table.replace(Table::default());
        drop(old);
    }

    /// Removes and returns an arbitrary element (CPython's finger walk).
    pub fn pop(&self) -> Option<Value> {
        self.table.with_mut(|t| {
            if t.used == 0 {
                return None;
            }
            let mask = t.mask();
            let mut i = t.finger & mask;
            while t.entries[i].key.is_null() {
                i = if i == mask { 0 } else { i + 1 };
            }
            let key = std::mem::take(&mut t.entries[i].key);
            t.entries[i].hash = -1;
            t.used -= 1;
            t.finger = i + 1;
            t.layout += 1;
            Some(key)
        })
    }

    /// Merges another set's elements (CPython's `set_merge`), preserving its table shortcuts.
    /// Into an empty set the entries are copied straight from the other table (at the same
    /// positions when the sizes match), with no intermediate vector.
    pub fn merge(&self, vm: &Vm, other: &Set) -> PyResult<()> {
        if std::ptr::eq(self, other) {
            return Ok(());
        }
        let done = self.table.with_mut(|t| {
            other.table.with(|o| {
                if o.used == 0 {
                    return true;
                }
                if (t.fill + o.used) * 5 >= t.mask() * 3 {
                    t.resize((t.used + o.used) * 2);
                }
                if t.fill != 0 {
                    return false;
                }
                if t.mask() == o.mask() && o.fill == o.used {
                    // The replaced slots are unused (null keys): nothing is dropped.
                    for (slot, e) in t.entries.iter_mut().zip(&o.entries) {
                        if !e.key.is_null() {
                            *slot = e.clone();
                        }
                    }
                } else {
                    for e in o.live() {
                        Table::insert_clean(&mut t.entries, e.key.clone(), e.hash);
                    }
                }
                t.fill = o.used;
                t.used = o.used;
                t.layout += 1;
                true
            })
        });
        if !done {
            for (h, k) in other.entries() {
                self.add_hashed(vm, k, h)?;
            }
        }
        Ok(())
    }

    /// A new set's payload holding a copy of this one's elements, laid out as merging
    /// them into an empty set would.
    pub fn copy_payload(&self) -> Set {
        Set {
            table: PyCell::new(self.table.with(Table::copy_as_merged)),
            hash: Cell::new(-1),
        }
    }

    /// A new set's payload holding `items` (distinct), laid out as adding them one by one
    /// to an empty set would.
    pub fn from_absent(items: Vec<(i64, Value)>) -> Set {
        Set {
            table: PyCell::new(Table::from_absent(items)),
            hash: Cell::new(-1),
        }
    }

    /// The elements also in `other` (with their hashes), in table order, found with both
    /// tables borrowed while each comparison is native; `None` when one needs `__eq__`.
    pub fn intersection_native(&self, other: &Set) -> Option<Vec<(i64, Value)>> {
        if std::ptr::eq(self, other) {
            return Some(self.entries());
        }
        self.table.with(|a| {
            other.table.with(|b| {
                // Copies of keys `a` holds: dropping them early (on `None`) frees nothing.
                let mut out = Vec::with_capacity(a.used.min(b.used));
                for e in a.live() {
                    if b.find_native(&e.key, e.hash)? {
                        out.push((e.hash, e.key.clone()));
                    }
                }
                Some(out)
            })
        })
    }

    /// Removes the elements of `other` (CPython's `set_difference_update_internal` for a
    /// set), probing natively with both tables borrowed. Returns false when a comparison
    /// needs `__eq__`: the elements met before it are removed and the caller finishes the
    /// general way (removing an absent element again is a no-op).
    pub fn discard_all_native(&self, other: &Set) -> bool {
        if std::ptr::eq(self, other) {
            return false;
        }
        let mut removed = Vec::new();
        let done = self.table.with_mut(|a| {
            other.table.with(|b| {
                let mut done = true;
                for e in b.live() {
                    match a.probe_native(&e.key, e.hash) {
                        Some(Slot::Found(i)) => {
                            // Dropped after the borrows: the key's release may run code.
                            removed.push(std::mem::take(&mut a.entries[i].key));
                            a.entries[i].hash = -1;
                            a.used -= 1;
                        }
                        Some(Slot::Missing(..)) => {}
                        None => {
                            done = false;
                            break;
                        }
                    }
                }
                if !removed.is_empty() {
                    a.layout += 1;
                }
                done
            })
        });
        drop(removed);
        done
    }

    /// Adds the keys of a dict (CPython's `set_update_dict`).
    pub fn merge_dict(&self, vm: &Vm, d: &super::dict::Dict) -> PyResult<()> {
        let items = d.hashed_items();
        self.table.with_mut(|t| {
            if (t.fill + items.len()) * 5 >= t.mask() * 3 {
                t.resize((t.used + items.len()) * 2);
            }
        });
        for (h, k, _) in items {
            self.add_hashed(vm, k, h)?;
        }
        Ok(())
    }

    /// `set.update(iterable)` for one iterable.
    pub fn update(&self, vm: &Vm, other: &Value) -> PyResult<()> {
        if let Some(s) = other.downcast::<Set>() {
            return self.merge(vm, s);
        }
        if let Some(d) = other.downcast::<super::dict::Dict>()
            && other.class(vm).is(&vm.types.dict)
        {
            return self.merge_dict(vm, d);
        }
        if let Some(g) = other.downcast::<super::generator::Generator>()
            && g.kind == super::generator::GenKind::Generator
        {
            return self.update_from_generator(vm, other);
        }
        vm.for_each(other, |item| self.add(vm, item))
    }

    /// `set(genexpr)`: while every element is an int, float, bool, None or exact str (whose
    /// hashing and comparison run no Python code), items are added inside the eval loop;
    /// anything else is added here, after which the rest goes item by item too.
    fn update_from_generator(&self, vm: &Vm, g: &Value) -> PyResult<()> {
        let mut native = self.table.with(|t| t.used) == 0;
        let mut failed = None;
        loop {
            let next = super::generator::next_declined(vm, g, &mut |x| {
                if !(native && native_key(vm, &x)) {
                    return Err(x);
                }
                if let Err(e) = self.add_native_key(vm, x) {
                    // Not expected for such keys; reported once the generator yields.
                    native = false;
                    failed.get_or_insert(e);
                }
                Ok(())
            })?;
            if let Some(e) = failed.take() {
                return Err(e);
            }
            let Some(x) = next else { return Ok(()) };
            native &= native_key(vm, &x);
            self.add(vm, x)?;
        }
    }

    /// After removals: rebuild when more than a quarter of the table is dummies.
    pub fn compact_after_removals(&self) {
        self.table.with_mut(|t| {
            if t.fill - t.used > t.mask() / 4 {
                let target = t.growth_target();
                t.resize(target);
            }
        });
    }

    /// The frozenset hash of the current contents.
    pub fn compute_hash(&self) -> i64 {
        crate::runtime::hash::hash_frozenset(self.entries().into_iter().map(|(h, _)| h))
    }

    /// The cached frozenset hash.
    pub fn cached_hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = self.compute_hash();
        self.hash.set(h);
        h
    }

    /// Exchanges contents with `other` (in-place operators build a result and swap it in).
    pub fn swap_contents(&self, other: &Set) {
        let mine = self.table.replace(Table::default());
        let theirs = other.table.replace(mine);
        let old = self.table.replace(theirs);
        drop(old);
        self.hash.set(-1);
        other.hash.set(-1);
    }
}

/// Whether hashing and comparing `x` with other such keys runs no Python code.
fn native_key(vm: &Vm, x: &Value) -> bool {
    match x {
        Value::Obj(o) => o.ty().is(&vm.types.str),
        _ => true,
    }
}

/// `key in s` for a set or frozenset when hashing `key` and every comparison on the way
/// run no Python code; `None` otherwise (and for a value that is no set).
pub(crate) fn contains_native(vm: &Vm, s: &Value, key: &Value) -> Option<bool> {
    let s = s.downcast::<Set>()?;
    let hash = super::dict::native_hash(vm, key)?;
    s.table.with(|t| t.find_native(key, hash))
}
