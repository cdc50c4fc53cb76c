//! The VM's string interner: one `str` object per distinct identifier, so that attribute
//! names and code-object names compare by pointer.

use std::borrow::Borrow;
use std::collections::HashSet;
use std::hash::{Hash, Hasher};

use crate::object::{Py, PyCell};
use crate::types::str::Str;

struct Key(Py<Str>);

impl Borrow<[u8]> for Key {
    fn borrow(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.as_bytes().hash(state);
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        self.0.as_bytes() == other.0.as_bytes()
    }
}

impl Eq for Key {}

/// Interned strings.
#[derive(Default)]
pub struct Interner {
    // A fixed hasher, so that runs are deterministic (identical instruction counts for the
    // `make bench` gate); std's random seed buys nothing against names a program chooses.
    set: PyCell<HashSet<Key, crate::compile::hash::FxBuild>>,
}

impl Interner {
    /// The interned string with contents `bytes`, if any.
    pub fn get(&self, bytes: &[u8]) -> Option<Py<Str>> {
        self.set.with(|s| s.get(bytes).map(|k| k.0.clone()))
    }

    /// Interns text, creating the string with `make` when new.
    pub fn intern_with(&self, text: &str, make: impl Fn(&str) -> Py<Str>) -> Py<Str> {
        if let Some(s) = self.get(text.as_bytes()) {
            return s;
        }
        let s = make(text);
        self.insert(s.clone());
        s
    }

    /// Interns an existing string object, returning the canonical one.
    pub fn intern_obj(&self, s: &Py<Str>) -> Py<Str> {
        if s.is_interned() {
            return s.clone();
        }
        if let Some(found) = self.get(s.as_bytes()) {
            return found;
        }
        self.insert(s.clone());
        s.clone()
    }

    fn insert(&self, s: Py<Str>) {
        s.mark_interned();
        s.as_obj().make_immortal();
        self.set.with_mut(|set| set.insert(Key(s)));
    }
}
