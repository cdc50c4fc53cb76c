//! The `dict` payload: a compact, insertion-ordered hash table (an index table probing like
//! CPython's, over a dense entries vector), with the version counters caches guard on.
//!
//! Key comparison can run Python code (`__eq__`), which can mutate the dict being searched.
//! Lookups therefore never hold the table borrowed across a comparison: they copy the
//! candidate key out, compare, then check that the table's layout did not change, and
//! restart if it did (CPython does the same). Removed keys and values are moved out of the
//! table and dropped after the borrow ends, because dropping can run `__del__`.

use std::cell::Cell;

use crate::object::{PyCell, Value};
use crate::runtime::{PyResult, Vm};

use super::str::Str;
use super::tuple::Tuple;

const EMPTY: i32 = -1;
const DUMMY: i32 = -2;
const MIN_SIZE: usize = 8;
const PERTURB_SHIFT: u32 = 5;

thread_local! {
    static NEXT_VERSION: Cell<u64> = const { Cell::new(1) };
}

thread_local! {
    static NEXT_KEYS_VERSION: Cell<u32> = const { Cell::new(1) };
}

/// A keys version no other dict state has had: `LOAD_GLOBAL`'s cache takes a globals dict's
/// keys version as proof that a name is still absent from it, so equal versions must mean
/// the same set of keys (of one dict, or of copies). When the counter runs out every later
/// change gets 0, which no cache accepts (as CPython's `dk_version` does).
fn fresh_keys_version() -> u32 {
    NEXT_KEYS_VERSION.with(|v| {
        let n = v.get();
        if n != 0 {
            v.set(n.wrapping_add(1));
        }
        n
    })
}

fn next_version() -> u64 {
    NEXT_VERSION.with(|v| {
        let n = v.get();
        v.set(n + 1);
        n
    })
}

#[derive(Clone)]
struct Entry {
    hash: i64,
    key: Value,
    value: Value,
}

#[derive(Default)]
struct Table {
    /// Power-of-two sized index table (empty for an empty dict): entry index, `EMPTY` or
    /// `DUMMY`.
    indices: Vec<i32>,
    /// Entries in insertion order; removed ones have a `Null` key.
    entries: Vec<Entry>,
    /// Live entries.
    used: usize,
    /// Changes when the set of keys changes (insertion of a new key, removal, clear), to a
    /// value unique to this state (`fresh_keys_version`); 0 for a new empty dict.
    keys_version: u32,
    /// Changes whenever entries move or disappear (lookups restart, iterators notice).
    layout: u32,
}

/// What one probing step found.
enum Step {
    Found(usize),
    Missing,
    /// Same hash, needs a Python comparison: entry index, its key, the layout seen.
    Compare(usize, Value, u32),
}

/// Probing position (CPython's `i` and `perturb`).
#[derive(Clone, Copy)]
struct Probe {
    i: usize,
    perturb: u64,
    started: bool,
}

impl Probe {
    fn new(hash: i64) -> Probe {
        Probe {
            i: 0,
            perturb: hash as u64,
            started: false,
        }
    }

    #[inline]
    fn next(&mut self, hash: i64, mask: usize) -> usize {
        if !self.started {
            self.started = true;
            self.i = (hash as u64 as usize) & mask;
        } else {
            self.perturb >>= PERTURB_SHIFT;
            self.i = (self
                .i
                .wrapping_mul(5)
                .wrapping_add(self.perturb as usize)
                .wrapping_add(1))
                & mask;
        }
        self.i
    }
}

/// Equality of two keys when it can be decided without running Python code: identity,
/// exact strs, the immediate numbers, and builtin tuples of those compared item by item
/// (`d[(x, y)]` with a new tuple; one level, so nesting never recurses). `None` means
/// "call `__eq__`".
#[inline]
pub(crate) fn fast_key_eq(a: &Value, b: &Value) -> Option<bool> {
    if let (Value::Obj(x), Value::Obj(y)) = (a, b)
        && let (Some(s), Some(t)) = (x.downcast::<Tuple>(), y.downcast::<Tuple>())
        && !x.is(y)
        && !x.ty().is_heap()
        && !y.ty().is_heap()
    {
        return tuple_items_eq(s.as_slice(), t.as_slice());
    }
    flat_key_eq(a, b)
}

/// Tuple equality as CPython's `tuple_richcompare` decides it (the first pair of items
/// that differ decides), when no item pair up to that one needs `__eq__`.
fn tuple_items_eq(a: &[Value], b: &[Value]) -> Option<bool> {
    if a.len() != b.len() {
        return Some(false);
    }
    for (x, y) in a.iter().zip(b) {
        if !flat_key_eq(x, y)? {
            return Some(false);
        }
    }
    Some(true)
}

/// [`fast_key_eq`] without the tuple case.
#[inline]
fn flat_key_eq(a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Obj(x), Value::Obj(y)) => {
            if x.is(y) {
                return Some(true);
            }
            match (x.downcast::<Str>(), y.downcast::<Str>()) {
                (Some(s), Some(t)) if !x.ty().is_heap() && !y.ty().is_heap() => {
                    Some(s.as_bytes() == t.as_bytes())
                }
                _ => None,
            }
        }
        (Value::Obj(o), _) | (_, Value::Obj(o)) => {
            if o.ty().is_heap() || o.downcast::<crate::types::complex::Complex>().is_some() {
                // A complex with a zero imaginary part equals the int or float it holds.
                None
            } else {
                // A builtin heap object (big int, str, tuple, ...) never equals an
                // immediate: big ints are outside the i64 range by normalization.
                Some(false)
            }
        }
        _ => Some(immediate_eq(a, b)),
    }
}

fn immediate_eq(a: &Value, b: &Value) -> bool {
    fn as_i64(v: &Value) -> Option<i64> {
        match v {
            Value::Int(i) => Some(*i),
            Value::Bool(b) => Some(i64::from(*b)),
            _ => None,
        }
    }
    match (a, b) {
        (Value::None, Value::None) | (Value::Null, Value::Null) => true,
        (Value::Float(x), Value::Float(y)) => x == y,
        (Value::Float(f), other) | (other, Value::Float(f)) => {
            as_i64(other).is_some_and(|i| crate::types::int::i64_eq_f64(i, *f))
        }
        _ => match (as_i64(a), as_i64(b)) {
            (Some(x), Some(y)) => x == y,
            _ => false,
        },
    }
}

impl Table {
    fn mask(&self) -> usize {
        self.indices.len().wrapping_sub(1)
    }

    /// Continues probing for `key` from `probe`.
    fn step(&self, probe: &mut Probe, key: &Value, hash: i64) -> Step {
        if self.indices.is_empty() {
            return Step::Missing;
        }
        let mask = self.mask();
        loop {
            let slot = probe.next(hash, mask);
            let ix = self.indices[slot];
            if ix == EMPTY {
                return Step::Missing;
            }
            if ix == DUMMY {
                continue;
            }
            let e = &self.entries[ix as usize];
            if e.hash != hash {
                continue;
            }
            match fast_key_eq(&e.key, key) {
                Some(true) => return Step::Found(ix as usize),
                Some(false) => continue,
                None => return Step::Compare(ix as usize, e.key.clone(), self.layout),
            }
        }
    }

    /// [`Table::find_fast`] for a str key, without wrapping it in a `Value`: identity
    /// first (interned names), then the bytes of exact strs; keys needing Python comparison
    /// count as different, as in `find_fast`.
    #[inline(always)]
    fn find_str(&self, key: &crate::object::Py<Str>, hash: i64) -> Option<usize> {
        if self.indices.is_empty() {
            return None;
        }
        let mask = self.mask();
        let mut probe = Probe::new(hash);
        loop {
            let slot = probe.next(hash, mask);
            let ix = self.indices[slot];
            if ix == EMPTY {
                return None;
            }
            if ix < 0 {
                continue;
            }
            let e = &self.entries[ix as usize];
            if e.hash != hash {
                continue;
            }
            if let Value::Obj(o) = &e.key {
                if o.addr() == key.addr() {
                    return Some(ix as usize);
                }
                if !key.as_obj().ty().is_heap()
                    && !o.ty().is_heap()
                    && let Some(s) = o.downcast::<Str>()
                    && s.as_bytes() == key.as_bytes()
                {
                    return Some(ix as usize);
                }
            }
        }
    }

    /// Probing that gives up (`None`) at a key needing Python comparison; else the
    /// entry index of `key` if present.
    fn find_native(&self, key: &Value, hash: i64) -> Option<Option<usize>> {
        let mut probe = Probe::new(hash);
        match self.step(&mut probe, key, hash) {
            Step::Found(i) => Some(Some(i)),
            Step::Missing => Some(None),
            Step::Compare(..) => None,
        }
    }

    /// Probing that treats keys needing Python comparison as different (namespaces).
    fn find_fast(&self, key: &Value, hash: i64) -> Option<usize> {
        let mut probe = Probe::new(hash);
        loop {
            match self.step(&mut probe, key, hash) {
                Step::Found(i) => return Some(i),
                Step::Missing => return None,
                Step::Compare(..) => continue,
            }
        }
    }

    fn find_empty_slot(&self, hash: i64) -> usize {
        let mask = self.mask();
        let mut probe = Probe::new(hash);
        loop {
            let slot = probe.next(hash, mask);
            if self.indices[slot] < 0 {
                return slot;
            }
        }
    }

    /// Usable entries for an index table of `size` slots (two thirds, CPython's rule).
    fn usable(size: usize) -> usize {
        (size << 1) / 3
    }

    fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while Self::usable(size) < min_used {
            size <<= 1;
        }
        let entries: Vec<Entry> = std::mem::take(&mut self.entries)
            .into_iter()
            .filter(|e| !e.key.is_null())
            .collect();
        self.indices = vec![EMPTY; size];
        self.entries = Vec::with_capacity(Self::usable(size));
        for e in entries {
            let slot = self.find_empty_slot(e.hash);
            self.indices[slot] = self.entries.len() as i32;
            self.entries.push(e);
        }
        self.layout = self.layout.wrapping_add(1);
    }

    /// Appends a new entry (the key is known to be absent).
    fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        if self.indices.is_empty() || self.entries.len() >= Self::usable(self.indices.len()) {
            self.resize((self.used + 1).max(self.used * 3));
        }
        let slot = self.find_empty_slot(hash);
        self.indices[slot] = self.entries.len() as i32;
        self.entries.push(Entry { hash, key, value });
        self.used += 1;
        self.keys_version = fresh_keys_version();
    }

    /// Removes the entry at `ix`, returning its key and value.
    fn remove_at(&mut self, ix: usize) -> (Value, Value) {
        let hash = self.entries[ix].hash;
        let mask = self.mask();
        let mut probe = Probe::new(hash);
        loop {
            let slot = probe.next(hash, mask);
            if self.indices[slot] == ix as i32 {
                self.indices[slot] = DUMMY;
                break;
            }
        }
        let e = &mut self.entries[ix];
        let key = std::mem::take(&mut e.key);
        let value = std::mem::take(&mut e.value);
        self.used -= 1;
        self.keys_version = fresh_keys_version();
        self.layout = self.layout.wrapping_add(1);
        (key, value)
    }
}

/// A Python `dict`.
#[derive(Default)]
pub struct Dict {
    table: PyCell<Table>,
    version: Cell<u64>,
}

crate::payload!(Dict, gc);

impl Dict {
    /// Cycle collector: each entry's value then key (CPython's order).
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        self.table.with(|t| {
            for e in &t.entries {
                visit.value(&e.value);
                visit.value(&e.key);
            }
        });
    }

    fn gc_clear(&self) {
        self.clear();
    }
}

/// A position in a dict for iteration: entry index and the layout it was taken under.
#[derive(Clone, Copy, Debug, Default)]
pub struct DictPos {
    /// Next entry index to look at.
    pub index: usize,
}

impl Dict {
    /// An empty dict.
    pub fn new() -> Dict {
        Dict::default()
    }

    #[inline]
    fn bump(&self) {
        self.version.set(next_version());
    }

    /// Number of items.
    #[inline]
    pub fn len(&self) -> usize {
        self.table.with(|t| t.used)
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Changes on every mutation (unique across dicts).
    #[inline]
    pub fn version(&self) -> u64 {
        self.version.get()
    }

    /// Changes when the set of keys changes.
    #[inline]
    pub fn keys_version(&self) -> u32 {
        self.table.with(|t| t.keys_version)
    }

    /// Changes when entries move or disappear.
    pub fn layout(&self) -> u32 {
        self.table.with(|t| t.layout)
    }

    /// Finds the entry index of `key` (whose hash is `hash`).
    fn lookup(&self, vm: &Vm, key: &Value, hash: i64) -> PyResult<Option<usize>> {
        'restart: loop {
            let mut probe = Probe::new(hash);
            loop {
                match self.table.with(|t| t.step(&mut probe, key, hash)) {
                    Step::Found(ix) => return Ok(Some(ix)),
                    Step::Missing => return Ok(None),
                    Step::Compare(ix, candidate, layout) => {
                        let eq = vm.eq_bool(&candidate, key)?;
                        let changed = self.table.with(|t| {
                            t.layout != layout
                                || t.entries.get(ix).is_none_or(|e| !e.key.is(&candidate))
                        });
                        drop(candidate);
                        if changed {
                            continue 'restart;
                        }
                        if eq {
                            return Ok(Some(ix));
                        }
                    }
                }
            }
        }
    }

    /// `d[key]` without raising: `None` when missing.
    pub fn get_item(&self, vm: &Vm, key: &Value) -> PyResult<Option<Value>> {
        let hash = vm.hash_dict_key(key)?;
        self.get_item_hashed(vm, key, hash)
    }

    /// `get_item` with a known hash.
    pub fn get_item_hashed(&self, vm: &Vm, key: &Value, hash: i64) -> PyResult<Option<Value>> {
        let ix = self.lookup(vm, key, hash)?;
        Ok(ix.and_then(|ix| {
            self.table
                .with(|t| t.entries.get(ix).map(|e| e.value.clone()))
        }))
    }

    /// `key in d`.
    pub fn contains(&self, vm: &Vm, key: &Value) -> PyResult<bool> {
        let hash = vm.hash_dict_key(key)?;
        Ok(self.lookup(vm, key, hash)?.is_some())
    }

    /// `d[key] = value`.
    pub fn set_item(&self, vm: &Vm, key: Value, value: Value) -> PyResult<()> {
        let hash = vm.hash_dict_key(&key)?;
        self.set_item_hashed(vm, key, hash, value)
    }

    /// `set_item` with a known hash.
    pub fn set_item_hashed(&self, vm: &Vm, key: Value, hash: i64, value: Value) -> PyResult<()> {
        let old = match self.lookup(vm, &key, hash)? {
            Some(ix) => self.table.with_mut(|t| {
                t.entries
                    .get_mut(ix)
                    .map(|e| std::mem::replace(&mut e.value, value))
            }),
            None => {
                self.table.with_mut(|t| t.insert_new(hash, key, value));
                None
            }
        };
        self.bump();
        drop(old);
        Ok(())
    }

    /// Removes `key`, returning its value (`None` when missing).
    pub fn pop_item(&self, vm: &Vm, key: &Value) -> PyResult<Option<Value>> {
        let hash = vm.hash_dict_key(key)?;
        let Some(ix) = self.lookup(vm, key, hash)? else {
            return Ok(None);
        };
        let (k, v) = self.table.with_mut(|t| t.remove_at(ix));
        self.bump();
        drop(k);
        Ok(Some(v))
    }

    /// Looks up a str key, comparing only with str keys (for namespaces, whose keys are
    /// strs; a key that would need `__eq__` is treated as different).
    #[inline]
    pub fn get_str(&self, key: &crate::object::Py<Str>) -> Option<Value> {
        let hash = key.hash();
        self.table
            .with(|t| t.find_str(key, hash).map(|ix| t.entries[ix].value.clone()))
    }

    /// `LOAD_GLOBAL`'s lookup: `name` in `globals`, else in `builtins`, hashing once and
    /// comparing as [`Dict::get_str`] does.
    pub fn get_str_chain(
        globals: &Dict,
        builtins: &Dict,
        key: &crate::object::Py<Str>,
    ) -> Option<Value> {
        let hash = key.hash();
        if let Some(v) = globals
            .table
            .with(|t| t.find_str(key, hash).map(|ix| t.entries[ix].value.clone()))
        {
            return Some(v);
        }
        builtins
            .table
            .with(|t| t.find_str(key, hash).map(|ix| t.entries[ix].value.clone()))
    }

    /// Sets a str key (namespaces; see [`Dict::get_str`]).
    pub fn set_str(&self, key: &crate::object::Py<Str>, value: Value) {
        let hash = key.hash();
        let key = Value::Obj(key.as_obj().clone());
        let old = self.table.with_mut(|t| match t.find_fast(&key, hash) {
            Some(ix) => Some(std::mem::replace(&mut t.entries[ix].value, value)),
            None => {
                t.insert_new(hash, key.clone(), value);
                None
            }
        });
        self.bump();
        drop((old, key));
    }

    /// Removes a str key (namespaces); returns the value if it was present.
    pub fn del_str(&self, key: &crate::object::Py<Str>) -> Option<Value> {
        let hash = key.hash();
        let k = Value::Obj(key.as_obj().clone());
        let removed = self
            .table
            .with_mut(|t| t.find_fast(&k, hash).map(|ix| t.remove_at(ix)));
        drop(k);
        let (rk, rv) = removed?;
        self.bump();
        drop(rk);
        Some(rv)
    }

    /// Looks up a key given as Rust text (slow path: setup code and error messages).
    pub fn get_rust_str(&self, key: &str) -> Option<Value> {
        let probe = Str::from_str(key);
        let hash = probe.hash();
        self.table.with(|t| {
            if t.indices.is_empty() {
                return None;
            }
            let mask = t.mask();
            let mut p = Probe::new(hash);
            loop {
                let slot = p.next(hash, mask);
                let ix = t.indices[slot];
                if ix == EMPTY {
                    return None;
                }
                if ix == DUMMY {
                    continue;
                }
                let e = &t.entries[ix as usize];
                if e.hash == hash
                    && let Some(s) = e.key.downcast::<Str>()
                    && s.as_bytes() == key.as_bytes()
                {
                    return Some(e.value.clone());
                }
            }
        })
    }

    /// The entry at or after `pos` (iteration in insertion order); advances `pos`.
    pub fn next_entry(&self, pos: &mut DictPos) -> Option<(Value, Value)> {
        self.table.with(|t| {
            while pos.index < t.entries.len() {
                let e = &t.entries[pos.index];
                pos.index += 1;
                if !e.key.is_null() {
                    return Some((e.key.clone(), e.value.clone()));
                }
            }
            None
        })
    }

    /// The value stored at entry `index` if that entry's key is `key` (what specialized
    /// global loads check after their version guard).
    #[inline]
    pub fn value_at(&self, index: usize) -> Option<Value> {
        self.table.with(|t| {
            t.entries
                .get(index)
                .filter(|e| !e.key.is_null())
                .map(|e| e.value.clone())
        })
    }

    /// The value of entry `index` if its key is `key` itself (a cache hit: a dict holds at
    /// most one entry per key, so this is what a lookup of `key` would find).
    #[inline(always)]
    pub fn value_if_key_at(&self, index: usize, key: &crate::object::Py<Str>) -> Option<Value> {
        self.table.with(|t| {
            let e = t.entries.get(index)?;
            match &e.key {
                Value::Obj(o) if o.addr() == key.addr() => Some(e.value.clone()),
                _ => None,
            }
        })
    }

    /// [`Dict::get_str`] with the entry index of the key (to fill caches).
    pub fn get_str_indexed(&self, key: &crate::object::Py<Str>) -> Option<(usize, Value)> {
        let hash = key.hash();
        self.table.with(|t| {
            t.find_str(key, hash)
                .map(|ix| (ix, t.entries[ix].value.clone()))
        })
    }

    /// The entry index of a str key (for caches).
    pub fn index_of_str(&self, key: &crate::object::Py<Str>) -> Option<usize> {
        let hash = key.hash();
        let k = Value::Obj(key.as_obj().clone());
        let ix = self.table.with(|t| t.find_fast(&k, hash));
        drop(k);
        ix
    }

    /// All keys, in order.
    pub fn keys(&self) -> Vec<Value> {
        self.table.with(|t| {
            t.entries
                .iter()
                .filter(|e| !e.key.is_null())
                .map(|e| e.key.clone())
                .collect()
        })
    }

    /// All values, in order.
    pub fn values(&self) -> Vec<Value> {
        self.table.with(|t| {
            t.entries
                .iter()
                .filter(|e| !e.key.is_null())
                .map(|e| e.value.clone())
                .collect()
        })
    }

    /// All items, in order.
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.table.with(|t| {
            t.entries
                .iter()
                .filter(|e| !e.key.is_null())
                .map(|e| (e.key.clone(), e.value.clone()))
                .collect()
        })
    }

    /// All items with their hashes, in order (copying a dict without rehashing).
    pub fn hashed_items(&self) -> Vec<(i64, Value, Value)> {
        self.table.with(|t| {
            t.entries
                .iter()
                .filter(|e| !e.key.is_null())
                .map(|e| (e.hash, e.key.clone(), e.value.clone()))
                .collect()
        })
    }

    /// Removes everything.
    pub fn clear(&self) {
        let old = self.table.with_mut(|t| {
            let layout = t.layout.wrapping_add(1);
            let kv = fresh_keys_version();
            let old = std::mem::take(t);
            t.layout = layout;
            t.keys_version = kv;
            old
        });
        self.bump();
        drop(old);
    }

    /// Removes and returns the last item (`popitem`).
    pub fn pop_last(&self) -> Option<(Value, Value)> {
        let r = self.table.with_mut(|t| {
            let ix = t.entries.iter().rposition(|e| !e.key.is_null())?;
            let kv = t.remove_at(ix);
            // Trim trailing removed entries so repeated popitem stays O(1).
            while t.entries.last().is_some_and(|e| e.key.is_null()) {
                t.entries.pop();
            }
            Some(kv)
        });
        if r.is_some() {
            self.bump();
        }
        r
    }

    /// Inserts an item known to be absent, with its hash (building dicts from trusted
    /// sources, e.g. copies).
    pub fn insert_new_hashed(&self, hash: i64, key: Value, value: Value) {
        self.table.with_mut(|t| t.insert_new(hash, key, value));
        self.bump();
    }
}

/// The hash of `key` when computing it runs no Python code: immediates, exact strs, and
/// exact tuples of those (one level). `None` for anything else.
pub(crate) fn native_hash(vm: &Vm, key: &Value) -> Option<i64> {
    let Value::Obj(o) = key else {
        return flat_native_hash(vm, key);
    };
    let Some(t) = o.downcast::<Tuple>().filter(|_| o.ty().is(&vm.types.tuple)) else {
        return flat_native_hash(vm, key);
    };
    let mut h = crate::runtime::hash::TupleHasher::default();
    for item in t.as_slice() {
        h.add(flat_native_hash(vm, item)?);
    }
    Some(h.finish())
}

/// [`native_hash`] of an immediate or an exact str.
#[inline]
pub(crate) fn flat_native_hash(vm: &Vm, key: &Value) -> Option<i64> {
    match key {
        Value::Obj(o) => {
            let s = o.downcast::<Str>()?;
            (!o.ty().is_heap()).then(|| s.hash())
        }
        Value::Int(i) => Some(crate::runtime::hash::hash_i64(*i)),
        Value::Null => None,
        // The other immediates hash natively and never fail.
        _ => vm.hash(key).ok(),
    }
}

/// `d[key]` for an exact dict with a key whose hash and comparisons run no Python code
/// ([`native_hash`], [`fast_key_eq`]), without the `getitem` dispatch (CPython's
/// BINARY_OP_SUBSCR_DICT). `None` (nothing done) for anything else, including a missing
/// key: the general path then raises the KeyError. (Tried as an in-place branch of
/// `BINARY_OP` on the register copy: ~60 instructions fewer per subscript, but the branch
/// moved `run_loop`'s register allocation and cost int_loop and float_loop ~1.5%.)
pub fn item_native(vm: &Vm, d: &Value, key: &Value) -> Option<Value> {
    let Value::Obj(o) = d else {
        return None;
    };
    let d = o.downcast::<Dict>()?;
    if !o.ty().is(&vm.types.dict) {
        return None;
    }
    let hash = native_hash(vm, key)?;
    d.table.with(|t| {
        let ix = t.find_native(key, hash)??;
        t.entries.get(ix).map(|e| e.value.clone())
    })
}

/// `key in d` for a dict when hashing `key` and every comparison on the way run no Python
/// code; `None` otherwise (and for a value that is no dict).
pub(crate) fn contains_native(vm: &Vm, d: &Value, key: &Value) -> Option<bool> {
    let d = d.downcast::<Dict>()?;
    let hash = native_hash(vm, key)?;
    d.table
        .with(|t| t.find_native(key, hash))
        .map(|ix| ix.is_some())
}

impl Dict {
    /// `d[key] = value` when hashing `key` and every comparison on the way run no Python
    /// code; the value back otherwise. The replaced value is dropped after the table's
    /// borrow ends (its release may run code).
    pub(crate) fn set_item_native(&self, vm: &Vm, key: &Value, value: Value) -> Result<(), Value> {
        let Some(hash) = native_hash(vm, key) else {
            return Err(value);
        };
        let old = self.table.with_mut(|t| match t.find_native(key, hash) {
            Some(Some(ix)) => Ok(t
                .entries
                .get_mut(ix)
                .map(|e| std::mem::replace(&mut e.value, value))),
            Some(None) => {
                t.insert_new(hash, key.clone(), value);
                Ok(None)
            }
            None => Err(value),
        })?;
        self.bump();
        drop(old);
        Ok(())
    }
}
