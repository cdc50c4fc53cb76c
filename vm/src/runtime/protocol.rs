//! The call, container and iteration protocols (`call`, `obj[key]`, `len`, `in`, `iter`,
//! `next`), object constructors for the core types, native recursion bounding, and the
//! `repr` recursion guard.

use crate::object::{Py, Type, Value};
use crate::text::wtf8::{Wtf8, Wtf8Buf};
use crate::types::dict::Dict;
use crate::types::str::Str;

use super::{Args, PyErr, PyResult, Vm};

/// Remaining Rust stack below which a native re-entry (a native function calling back into
/// Python, or recursing on nested data) first switches to a fresh segment of `STACK_GROW`
/// bytes. One Python -> native -> Python round trip costs ~300 KB of stack in unoptimized
/// builds (the dispatch function's frame), far less in release builds.
const STACK_RED_ZONE: usize = if cfg!(debug_assertions) {
    1024 * 1024
} else {
    256 * 1024
};
const STACK_GROW: usize = if cfg!(debug_assertions) {
    16 * 1024 * 1024
} else {
    4 * 1024 * 1024
};

/// Removes an object from the repr-in-progress set when dropped.
pub struct ReprGuard<'a> {
    vm: &'a Vm,
    id: i64,
}

impl Drop for ReprGuard<'_> {
    fn drop(&mut self) {
        self.vm.exec.repr_stack.with_mut(|s| {
            if let Some(pos) = s.iter().rposition(|&x| x == self.id) {
                s.remove(pos);
            }
        });
    }
}

impl Vm {
    /// Calls `callable` with `args`.
    #[inline]
    pub fn call(&self, callable: &Value, args: Args<'_>) -> PyResult<Value> {
        match callable.class(self).slots.call.get() {
            Some(f) => f(self, callable, args),
            None => Err(self.new_type_error(format!(
                "'{}' object is not callable",
                self.type_name(callable)
            ))),
        }
    }

    /// Calls `callable` with positional arguments.
    pub fn call_pos(&self, callable: &Value, args: &[Value]) -> PyResult<Value> {
        self.call(callable, Args::positional(args))
    }

    /// `obj.name(*args)`.
    pub fn call_method(&self, obj: &Value, name: &Py<Str>, args: &[Value]) -> PyResult<Value> {
        let f = self.getattr(obj, name)?;
        self.call(&f, Args::positional(args))
    }

    /// Runs `f` one native recursion level deeper: bounded by
    /// [`crate::exec::NATIVE_DEPTH_LIMIT`] (RecursionError "Stack overflow (used N kB){what}",
    /// CPython's C-stack message, N estimated) and growing the Rust stack when it runs low.
    /// Python frames count separately, against the recursion limit.
    pub fn with_native_recursion<R>(
        &self,
        what: &str,
        f: impl FnOnce() -> PyResult<R>,
    ) -> PyResult<R> {
        let depth = self.exec.native_depth.get();
        if depth >= crate::exec::NATIVE_DEPTH_LIMIT {
            let used_kb =
                u64::from(depth) * 8_000 / u64::from(crate::exec::NATIVE_DEPTH_LIMIT) + 150;
            return Err(
                self.new_recursion_error(format!("Stack overflow (used {used_kb} kB){what}"))
            );
        }
        self.exec.native_depth.set(depth + 1);
        let r = stacker::maybe_grow(STACK_RED_ZONE, STACK_GROW, f);
        self.exec.native_depth.set(depth);
        r
    }

    /// Marks `v` as being repr'd; `None` if it already is (a recursive container prints as
    /// `[...]`).
    pub fn repr_enter(&self, v: &Value) -> Option<ReprGuard<'_>> {
        let id = v.id();
        let fresh = self.exec.repr_stack.with_mut(|s| {
            if s.contains(&id) {
                false
            } else {
                s.push(id);
                true
            }
        });
        fresh.then_some(ReprGuard { vm: self, id })
    }

    /// `obj[key]`.
    #[inline]
    pub fn getitem(&self, obj: &Value, key: &Value) -> PyResult<Value> {
        // An exact list or tuple indexed by an in-range int: no slot call, no index
        // conversion. Anything else (negative wrap-around included) takes the slot.
        if let (Value::Obj(o), Value::Int(i)) = (obj, key)
            && let Ok(i) = usize::try_from(*i)
        {
            let ty = o.ty();
            if ty.is(&self.types.list) {
                if let Some(l) = o.downcast::<crate::types::list::List>()
                    && let Some(v) = l.get(i)
                {
                    return Ok(v);
                }
            } else if ty.is(&self.types.tuple)
                && let Some(t) = o.downcast::<crate::types::tuple::Tuple>()
                && let Some(v) = t.get(i)
            {
                return Ok(v.clone());
            }
        }
        self.getitem_slot(obj, key)
    }

    #[inline(never)]
    fn getitem_slot(&self, obj: &Value, key: &Value) -> PyResult<Value> {
        let t = obj.class(self);
        if let Some(f) = t.slots.getitem.get() {
            return f(self, obj, key);
        }
        if let Some(cls) = obj.downcast::<Type>() {
            if cls.is(&self.types.type_) {
                return crate::types::union::generic_alias(self, obj, key);
            }
            if let Some(f) = self.getattr_opt(obj, &self.names.__class_getitem__)? {
                return self.call(&f, Args::positional(std::slice::from_ref(key)));
            }
            return Err(self.new_type_error(format!("type '{}' is not subscriptable", cls.name())));
        }
        Err(self.new_type_error(format!(
            "'{}' object is not subscriptable",
            self.type_name(obj)
        )))
    }

    /// `obj[key] = value`.
    #[inline]
    pub fn setitem(&self, obj: &Value, key: &Value, value: Value) -> PyResult<()> {
        // An exact list and an in-range int index: store directly (the old item is dropped
        // after the list is released, as it may run `__del__`).
        if let (Value::Obj(o), Value::Int(i)) = (obj, key)
            && let Ok(i) = usize::try_from(*i)
            && o.ty().is(&self.types.list)
            && let Some(l) = o.downcast::<crate::types::list::List>()
            && i < l.len()
        {
            drop(l.set(i, value));
            return Ok(());
        }
        self.setitem_slot(obj, key, value)
    }

    #[inline(never)]
    fn setitem_slot(&self, obj: &Value, key: &Value, value: Value) -> PyResult<()> {
        match obj.class(self).slots.setitem.get() {
            Some(f) => f(self, obj, key, Some(value)),
            None => Err(self.new_type_error(format!(
                "'{}' object does not support item assignment",
                self.type_name(obj)
            ))),
        }
    }

    /// `del obj[key]`.
    pub fn delitem(&self, obj: &Value, key: &Value) -> PyResult<()> {
        let t = obj.class(self);
        match t.slots.setitem.get() {
            Some(f) => f(self, obj, key, None),
            None => {
                // CPython words it differently when the type has sequence methods and the
                // key is an index (PySequence_DelItem) than in the generic case.
                let sequence_like = t.is_heap()
                    || t.slots.getitem.get().is_some()
                    || t.slots.contains.get().is_some();
                let indexable = matches!(key, Value::Int(_) | Value::Bool(_))
                    || key.class(self).slots.index.get().is_some();
                let verb = if sequence_like && indexable {
                    "doesn't"
                } else {
                    "does not"
                };
                Err(self.new_type_error(format!(
                    "'{}' object {verb} support item deletion",
                    self.type_name(obj)
                )))
            }
        }
    }

    /// `len(obj)`.
    pub fn len(&self, obj: &Value) -> PyResult<usize> {
        // The exact builtin containers answer without the `__len__` slot's indirect call
        // (a subclass may override `__len__`, hence exact).
        if let Value::Obj(o) = obj {
            let (cls, t) = (o.ty(), &self.types);
            let n = if cls.is(&t.list) {
                obj.downcast::<crate::types::list::List>().map(|l| l.len())
            } else if cls.is(&t.tuple) {
                obj.downcast::<crate::types::tuple::Tuple>()
                    .map(|l| l.len())
            } else if cls.is(&t.dict) {
                obj.downcast::<crate::types::dict::Dict>().map(|l| l.len())
            } else if cls.is(&t.set) || cls.is(&t.frozenset) {
                obj.downcast::<crate::types::set::Set>().map(|l| l.len())
            } else {
                None
            };
            if let Some(n) = n {
                return Ok(n);
            }
        }
        match obj.class(self).slots.len.get() {
            Some(f) => f(self, obj),
            None => Err(self.new_type_error(format!(
                "object of type '{}' has no len()",
                self.type_name(obj)
            ))),
        }
    }

    /// `item in container`.
    pub fn contains(&self, container: &Value, item: &Value) -> PyResult<bool> {
        match container.class(self).slots.contains.get() {
            Some(f) => f(self, container, item),
            None => self.contains_by_iteration(container, item),
        }
    }

    /// `in` by iterating (containers without `__contains__`).
    pub fn contains_by_iteration(&self, container: &Value, item: &Value) -> PyResult<bool> {
        let it = match self.iter(container) {
            Ok(it) => it,
            Err(e) if e.matches(&self.exc.type_error) => {
                return Err(self.new_type_error(format!(
                    "argument of type '{}' is not a container or iterable",
                    self.type_name(container)
                )));
            }
            Err(e) => return Err(e),
        };
        while let Some(x) = self.next(&it)? {
            if self.eq_bool(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// `iter(obj)`.
    pub fn iter(&self, obj: &Value) -> PyResult<Value> {
        let t = obj.class(self);
        if let Some(f) = t.slots.iter.get() {
            return f(self, obj);
        }
        if t.slots.getitem.get().is_some() && obj.downcast::<Dict>().is_none() {
            return Ok(crate::types::iter::SeqIter::new_value(
                self,
                &self.types.seq_iterator,
                obj.clone(),
            ));
        }
        Err(self.new_type_error(format!("'{}' object is not iterable", self.type_name(obj))))
    }

    /// `next(it)`: `None` when exhausted.
    #[inline]
    pub fn next(&self, it: &Value) -> PyResult<Option<Value>> {
        match self.next_raw(it) {
            Err(e) if e.matches(&self.exc.stop_iteration) => Ok(None),
            r => r,
        }
    }

    /// The iterator slot itself: `Ok(None)` or a StopIteration error (which may carry a
    /// value, as a generator's return does) both mean exhaustion.
    pub fn next_raw(&self, it: &Value) -> PyResult<Option<Value>> {
        match it.class(self).slots.iternext.get() {
            Some(f) => f(self, it),
            None => Err(self.new_type_error(format!(
                "'{}' object is not an iterator",
                self.type_name(it)
            ))),
        }
    }

    /// Iterates `obj`, calling `f` on each item.
    pub fn for_each(&self, obj: &Value, mut f: impl FnMut(Value) -> PyResult<()>) -> PyResult<()> {
        if let Some(l) = obj.downcast::<crate::types::list::List>() {
            let mut i = 0;
            while let Some(x) = l.get(i) {
                f(x)?;
                i += 1;
            }
            return Ok(());
        }
        if let Some(t) = obj.downcast::<crate::types::tuple::Tuple>() {
            for x in t.as_slice() {
                f(x.clone())?;
            }
            return Ok(());
        }
        let it = self.iter(obj)?;
        while let Some(x) = self.next(&it)? {
            f(x)?;
        }
        Ok(())
    }

    /// Collects an iterable into a vector.
    pub fn collect(&self, obj: &Value) -> PyResult<Vec<Value>> {
        if let Some(t) = obj.downcast::<crate::types::tuple::Tuple>() {
            return Ok(t.as_slice().to_vec());
        }
        if let Some(l) = obj.downcast::<crate::types::list::List>() {
            return Ok(l.to_vec());
        }
        if let Some(g) = obj.downcast::<crate::types::generator::Generator>()
            && g.kind == crate::types::generator::GenKind::Generator
        {
            return crate::types::generator::collect_generator(self, g);
        }
        let mut out = Vec::new();
        self.for_each(obj, |x| {
            out.push(x);
            Ok(())
        })?;
        Ok(out)
    }

    /// Whether `v` looks like a mapping (has `__getitem__`); the getitem slot if so.
    pub fn mapping_check(&self, v: &Value) -> Option<crate::object::slots::BinaryFn> {
        v.class(self).slots.getitem.get()
    }

    // --- constructors --------------------------------------------------------------------

    /// A new str from UTF-8 text.
    pub fn new_str(&self, s: &str) -> Py<Str> {
        if s.is_empty() {
            return self.names.empty.clone();
        }
        crate::object::core::alloc(&self.types.str, Str::from_str(s))
    }

    /// A new str from generalized UTF-8.
    pub fn new_str_wtf8(&self, s: &Wtf8) -> Py<Str> {
        crate::object::core::alloc(&self.types.str, Str::from_wtf8(s))
    }

    /// A new str taking a buffer.
    pub fn new_str_buf(&self, s: Wtf8Buf) -> Py<Str> {
        crate::object::core::alloc(&self.types.str, Str::from_buf(s))
    }

    /// A new empty dict.
    pub fn new_dict(&self) -> Py<Dict> {
        crate::object::core::alloc(&self.types.dict, Dict::new())
    }

    /// A new empty frozenset.
    pub fn new_frozenset_empty(&self) -> Py<crate::types::set::Set> {
        crate::object::core::alloc(&self.types.frozenset, crate::types::set::Set::new())
    }

    /// A new empty set.
    pub fn new_set(&self) -> Py<crate::types::set::Set> {
        crate::object::core::alloc(&self.types.set, crate::types::set::Set::new())
    }

    /// A str argument as Rust text ("f() argument 'x' must be str, not int").
    pub fn str_arg(&self, v: &Value, fname: &str, arg: &str) -> PyResult<String> {
        match v.downcast::<Str>() {
            Some(s) => Ok(s.to_lossy().into_owned()),
            None => Err(self.new_type_error(format!(
                "{fname}() argument '{arg}' must be str, not {}",
                self.type_name(v)
            ))),
        }
    }

    /// [`Vm::report_unraisable`] with the context `"{what} {repr(obj)}"` (the repr left
    /// empty if it fails), as CPython words reports about a callback or finalizer.
    pub fn report_unraisable_for(&self, err: &PyErr, what: &str, obj: &Value) {
        let shown = self
            .repr(obj)
            .map(|s| s.to_lossy().into_owned())
            .unwrap_or_default();
        self.report_unraisable(err, &format!("{what} {shown}"));
    }
}
