//! A list's item storage: a `Vec<Value>` with a consumed front, so `pop(0)` is O(1).
//!
//! Queues written as `todo.pop(0)` + `append` (deltablue's planner) moved the whole list
//! down on every pop. Here the first `head` slots of the vector are consumed: they hold
//! `Value::NULL` (no reference), and the items are `vec[head..]`. Removing the first item
//! only advances `head`; inserting at the front reuses a consumed slot. The consumed
//! prefix is squeezed out once it is as long as the items (each item moves at most once per
//! pop of another, so popping stays amortized O(1)), when the list empties, and before
//! operations that need the plain vector (`splice`, handing the items out).

use crate::object::Value;

/// The items of a list (see the module comment).
#[derive(Default)]
pub(crate) struct Items {
    vec: Vec<Value>,
    /// Number of consumed slots at the front of `vec` (all `Value::NULL`).
    head: usize,
}

impl Items {
    /// Storage holding `vec`.
    #[inline]
    pub fn new(vec: Vec<Value>) -> Items {
        Items { vec, head: 0 }
    }

    /// The items.
    #[inline(always)]
    pub fn as_slice(&self) -> &[Value] {
        // SAFETY: `head <= vec.len()` always holds (every method keeps it).
        unsafe { self.vec.get_unchecked(self.head..) }
    }

    /// The items, mutably (for in-place replacement, swaps and reversal).
    #[inline(always)]
    pub fn as_mut_slice(&mut self) -> &mut [Value] {
        // SAFETY: as in `as_slice`.
        unsafe { self.vec.get_unchecked_mut(self.head..) }
    }

    /// Number of items.
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.vec.len() - self.head
    }

    /// Appends.
    #[inline]
    pub fn push(&mut self, value: Value) {
        self.vec.push(value);
    }

    /// Appends many.
    pub fn extend(&mut self, items: Vec<Value>) {
        self.vec.extend(items);
    }

    /// Removes and returns the item at `i` (`None` past the end).
    #[inline]
    pub fn remove(&mut self, i: usize) -> Option<Value> {
        if i >= self.len() {
            return None;
        }
        if i == 0 {
            return Some(self.pop_front());
        }
        if i == self.len() - 1 {
            return self.vec.pop();
        }
        Some(self.vec.remove(self.head + i))
    }

    /// Removes the first item (the list is not empty).
    fn pop_front(&mut self) -> Value {
        let first = std::mem::replace(&mut self.vec[self.head], Value::NULL);
        self.head += 1;
        if self.head == self.vec.len() {
            // Empty: drop the consumed slots (nulls: nothing to release).
            self.vec.clear();
            self.head = 0;
        } else if self.head >= self.len() {
            self.squeeze();
        }
        first
    }

    /// Inserts at `i` (clamped to the length).
    pub fn insert(&mut self, i: usize, value: Value) {
        if i == 0 && self.head > 0 {
            self.head -= 1;
            // The slot holds a null: nothing is dropped.
            self.vec[self.head] = value;
            return;
        }
        let i = i.min(self.len());
        self.vec.insert(self.head + i, value);
    }

    /// The plain vector of the items (the consumed prefix squeezed out first).
    pub fn vec_mut(&mut self) -> &mut Vec<Value> {
        self.squeeze();
        &mut self.vec
    }

    /// The items as a vector.
    #[inline]
    pub fn into_vec(mut self) -> Vec<Value> {
        self.squeeze();
        std::mem::take(&mut self.vec)
    }

    /// Moves the items to the front of the vector.
    #[inline]
    fn squeeze(&mut self) {
        if self.head > 0 {
            self.vec.drain(..self.head);
            self.head = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(items: &Items) -> Vec<i64> {
        items
            .as_slice()
            .iter()
            .map(|v| match v {
                Value::Int(i) => *i,
                _ => panic!("not an int"),
            })
            .collect()
    }

    #[test]
    fn queue_pops_front_and_reuses_slots() {
        let mut items = Items::new((0..10).map(Value::Int).collect());
        for expect in 0..4 {
            assert!(matches!(items.remove(0), Some(Value::Int(i)) if i == expect));
        }
        assert_eq!(ints(&items), (4..10).collect::<Vec<_>>());
        assert_eq!(items.head, 4);
        items.insert(0, Value::Int(-1));
        assert_eq!(items.head, 3);
        assert_eq!(ints(&items), [-1, 4, 5, 6, 7, 8, 9]);
        items.insert(3, Value::Int(50));
        assert_eq!(ints(&items), [-1, 4, 5, 50, 6, 7, 8, 9]);
        assert!(matches!(items.remove(7), Some(Value::Int(9))));
        assert!(matches!(items.remove(2), Some(Value::Int(5))));
        assert!(items.remove(6).is_none());
        assert_eq!(ints(&items), [-1, 4, 50, 6, 7, 8]);
        assert_eq!(items.into_vec().len(), 6);
    }

    #[test]
    fn consumed_prefix_is_squeezed_when_it_matches_the_items() {
        let mut items = Items::new((0..8).map(Value::Int).collect());
        for _ in 0..3 {
            items.remove(0);
        }
        assert_eq!(items.head, 3);
        items.remove(0);
        // Four consumed, four left: squeezed.
        assert_eq!(items.head, 0);
        assert_eq!(ints(&items), [4, 5, 6, 7]);
        while items.remove(0).is_some() {}
        assert_eq!((items.head, items.vec.len()), (0, 0));
    }

    #[test]
    fn vec_mut_squeezes() {
        let mut items = Items::new((0..6).map(Value::Int).collect());
        items.remove(0);
        items.vec_mut().push(Value::Int(6));
        assert_eq!(items.head, 0);
        assert_eq!(ints(&items), [1, 2, 3, 4, 5, 6]);
        items.as_mut_slice().reverse();
        assert_eq!(ints(&items), [6, 5, 4, 3, 2, 1]);
    }
}

impl Drop for Items {
    /// A list releases its items last first, as CPython's list deallocation and `clear`
    /// do (the order `__del__` methods see).
    fn drop(&mut self) {
        drop_last_first(&mut self.vec);
    }
}

/// Drops the values of `items` last first, leaving it empty (its capacity kept for reuse):
/// a list's items are released in this order when it is freed or cleared and when a
/// slice assignment or deletion removes them (CPython's `list_ass_slice`), the order
/// `__del__` methods observe.
pub(crate) fn drop_last_first(items: &mut Vec<Value>) {
    while let Some(v) = items.pop() {
        drop(v);
    }
}
