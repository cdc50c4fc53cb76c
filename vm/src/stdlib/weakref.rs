//! Weak references (`_weakref`): `ref` (`ReferenceType`, subclassable), `proxy`
//! (`ProxyType`/`CallableProxyType`), `getweakrefcount`, `getweakrefs`, and the per-VM table
//! from referents to their weak references that the object core's dealloc hook clears.
//!
//! The table holds unowned pointers both ways: a referent's entry lists the weak reference
//! objects pointing at it (each removes itself when it dies), and a weak reference holds an
//! unowned pointer to its referent (cleared by `clear_weakrefs` before the referent is
//! freed). Callbacks run after every reference to the dying object has been cleared, most
//! recent first, as in CPython.

use std::cell::Cell;
use std::collections::HashMap;

use crate::compile::hash::FxBuild;

/// Weak references by target address: `(id, reference)` pairs.
type RefsByTarget = HashMap<usize, Vec<(u64, UnownedObj)>, FxBuild>;

use crate::object::{CompareOp, ObjRef, Py, PyCell, Type, UnownedObj, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::types::module::Module;
use crate::types::str::Str;

/// Which kind of weak reference an object is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// `weakref.ref`
    Ref,
    /// `weakref.proxy` to a non-callable object
    Proxy,
    /// `weakref.proxy` to a callable object
    CallableProxy,
}

/// The weak references of every weakly referenced object.
#[derive(Default)]
pub struct WeakTable {
    // Keyed by address with a fixed hasher: deterministic runs (see runtime/intern.rs).
    by_target: PyCell<RefsByTarget>,
    next_id: Cell<u64>,
}

/// A weak reference or proxy.
pub struct WeakRef {
    id: u64,
    kind: Kind,
    target: PyCell<Option<UnownedObj>>,
    callback: PyCell<Value>,
    hash: Cell<Option<i64>>,
}

crate::payload!(WeakRef, gc);

impl WeakRef {
    /// Cycle collector: the callback (the referent is not owned).
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        self.callback.with(|v| visit.value(v));
    }

    fn gc_clear(&self) {
        drop(self.callback.replace(Value::None));
    }
}

impl WeakRef {
    /// The referent, if it is still alive.
    pub fn get(&self) -> Option<Value> {
        self.target
            .with(|t| t.as_ref().map(UnownedObj::upgrade))
            .map(Value::Obj)
    }

    fn target_addr(&self) -> Option<usize> {
        self.target.with(|t| t.as_ref().map(UnownedObj::addr))
    }
}

impl Drop for WeakRef {
    fn drop(&mut self) {
        let Some(addr) = self.target_addr() else {
            return;
        };
        let id = self.id;
        crate::runtime::vm::with_current_vm(|vm| {
            vm.stdlib.weakrefs.by_target.with_mut(|m| {
                if let Some(list) = m.get_mut(&addr) {
                    list.retain(|(i, _)| *i != id);
                    if list.is_empty() {
                        m.remove(&addr);
                    }
                }
            });
        });
    }
}

/// Clears the weak references to `obj` (about to be freed) and runs their callbacks.
pub fn clear_weakrefs(vm: &Vm, obj: &ObjRef) {
    let Some(list) = vm
        .stdlib
        .weakrefs
        .by_target
        .with_mut(|m| m.remove(&obj.addr()))
    else {
        return;
    };
    let refs: Vec<ObjRef> = list.iter().map(|(_, p)| p.upgrade()).collect();
    drop(list);
    let mut callbacks = Vec::new();
    for r in &refs {
        if let Some(w) = r.downcast::<WeakRef>() {
            w.target.replace(None);
            let cb = w.callback.replace(Value::None);
            if !cb.is_none() {
                callbacks.push((r.clone(), cb));
            }
        }
    }
    run_callbacks(vm, callbacks.into_iter().rev());
}

/// Calls weak reference callbacks, reporting their errors as unraisable.
fn run_callbacks(vm: &Vm, callbacks: impl Iterator<Item = (ObjRef, Value)>) {
    for (r, cb) in callbacks {
        if let Err(e) = vm.call_pos(&cb, &[Value::Obj(r)]) {
            vm.report_unraisable_for(&e, "Exception ignored while calling weakref callback", &cb);
        }
    }
}

/// Clears the weak references to the cycle collector's garbage before anything else runs,
/// then runs the callbacks of the weak references that are not garbage themselves (a
/// callback of a dying weak reference must not see the garbage), as CPython's
/// `handle_weakrefs` does.
pub fn clear_weakrefs_of_garbage(vm: &Vm, garbage: &[ObjRef]) {
    let mut callbacks = Vec::new();
    for g in garbage {
        if g.header_flags().get() & crate::object::core::FLAG_WEAKREFS == 0 {
            continue;
        }
        let Some(list) = vm
            .stdlib
            .weakrefs
            .by_target
            .with_mut(|m| m.remove(&g.addr()))
        else {
            continue;
        };
        let refs: Vec<ObjRef> = list.iter().map(|(_, p)| p.upgrade()).collect();
        drop(list);
        for r in refs.into_iter().rev() {
            if let Some(w) = r.downcast::<WeakRef>() {
                w.target.replace(None);
                if crate::object::gc::Collection::is_unreachable(&r) {
                    continue;
                }
                let cb = w.callback.replace(Value::None);
                if !cb.is_none() {
                    callbacks.push((r.clone(), cb));
                }
            }
        }
    }
    run_callbacks(vm, callbacks.into_iter());
}

/// The weakref types, created once per VM.
pub struct WeakrefTypes {
    /// `weakref.ReferenceType` (`weakref.ref`)
    pub reference: Py<Type>,
    /// `weakref.ProxyType`
    pub proxy: Py<Type>,
    /// `weakref.CallableProxyType`
    pub callable_proxy: Py<Type>,
}

fn new_type(vm: &Vm, name: &'static str, base_type: bool) -> Py<Type> {
    let t = crate::runtime::registry::new_builtin_type::<WeakRef>(
        &vm.types.type_,
        &vm.types.dict,
        name,
        "weakref",
        Some(&vm.types.object),
        if base_type {
            crate::object::type_flags::BASETYPE
        } else {
            0
        },
    );
    t.as_obj().make_immortal();
    t
}

/// The weakref types.
pub fn types(vm: &Vm) -> PyResult<WeakrefTypes> {
    let reference = vm.cached_type("weakref.ReferenceType", |vm| {
        let t = new_type(vm, "ReferenceType", true);
        t.slots.new.set(Some(ref_new));
        t.slots.init.set(Some(ref_init));
        t.slots.call.set(Some(ref_call));
        t.slots.hash.set(Some(ref_hash));
        t.slots.richcompare.set(Some(ref_richcompare));
        t.slots.repr.set(Some(ref_repr));
        vm.add_getset(&t, "__callback__", callback_get, None);
        vm.add_classmethod(&t, "__class_getitem__", class_getitem);
        crate::runtime::slot_dispatch::finish_builtin_type(vm, &t);
        Ok(t)
    })?;
    let proxy = vm.cached_type("weakref.ProxyType", |vm| {
        let t = new_type(vm, "ProxyType", false);
        fill_proxy(vm, &t);
        Ok(t)
    })?;
    let callable_proxy = vm.cached_type("weakref.CallableProxyType", |vm| {
        let t = new_type(vm, "CallableProxyType", false);
        t.slots.call.set(Some(proxy_call));
        fill_proxy(vm, &t);
        Ok(t)
    })?;
    Ok(WeakrefTypes {
        reference,
        proxy,
        callable_proxy,
    })
}

/// Whether `v` can be weakly referenced (CPython's `tp_weaklistoffset != 0`).
fn can_weakref(vm: &Vm, v: &Value) -> bool {
    if v.as_obj().is_none() {
        return false;
    }
    let cls = v.class(vm);
    for t in cls.mro().iter() {
        if t.is_heap() {
            match t.dict().get_str(&vm.names.__slots__) {
                None => return true,
                Some(slots) => {
                    let names = match slots.downcast::<Str>() {
                        Some(_) => vec![slots.clone()],
                        None => vm.collect(&slots).unwrap_or_default(),
                    };
                    if names.iter().any(|n| {
                        n.downcast::<Str>()
                            .is_some_and(|s| s.as_bytes() == b"__weakref__")
                    }) {
                        return true;
                    }
                }
            }
            continue;
        }
        let ty = &vm.types;
        let io = vm.io();
        return [
            &ty.type_,
            &ty.function,
            &ty.builtin_function,
            &ty.set,
            &ty.frozenset,
            &ty.generator,
            &ty.coroutine,
            &ty.async_generator,
            &ty.module,
            &ty.method,
            &ty.code,
            &ty.property,
            &io.io_base,
        ]
        .iter()
        .any(|b| t.is_subtype(b));
    }
    false
}

/// Creates (or, for a callback-less basic reference, reuses) a weak reference.
fn make(vm: &Vm, cls: &Py<Type>, kind: Kind, target: &Value, callback: Value) -> PyResult<Value> {
    if !can_weakref(vm, target) {
        return Err(vm.new_type_error(format!(
            "cannot create weak reference to '{}' object",
            vm.type_name(target)
        )));
    }
    let Some(obj) = target.as_obj() else {
        return Err(vm.new_type_error("cannot create weak reference"));
    };
    let table = &vm.stdlib.weakrefs;
    let exact = !cls.is_heap();
    if callback.is_none() && exact {
        let existing = table.by_target.with(|m| {
            m.get(&obj.addr())
                .map(|l| l.iter().map(|(_, p)| p.upgrade()).collect::<Vec<_>>())
        });
        for r in existing.unwrap_or_default() {
            if let Some(w) = r.downcast::<WeakRef>()
                && w.kind == kind
                && r.ty().is(cls)
                && w.callback.with(Value::is_none)
            {
                return Ok(Value::Obj(r));
            }
        }
    }
    let id = table.next_id.get() + 1;
    table.next_id.set(id);
    let w = WeakRef {
        id,
        kind,
        target: PyCell::new(Some(UnownedObj::new(obj))),
        callback: PyCell::new(callback),
        hash: Cell::new(None),
    };
    let v = vm.alloc_instance(cls, w)?;
    if let Some(o) = v.as_obj() {
        obj.set_has_weakrefs();
        table.by_target.with_mut(|m| {
            m.entry(obj.addr())
                .or_default()
                .push((id, UnownedObj::new(o)))
        });
    }
    Ok(v)
}

/// A plain `weakref.ref(target)` made from native code (interpreter finalization).
pub fn new_ref(vm: &Vm, target: &Value) -> PyResult<Value> {
    make(vm, &types(vm)?.reference, Kind::Ref, target, Value::None)
}

/// The referent of the weak reference `weak`, if it is one and the referent is alive.
pub fn ref_target(weak: &Value) -> Option<Value> {
    weak.downcast::<WeakRef>().and_then(|w| w.get())
}

fn ref_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    let vals = args.pos();
    if vals.is_empty() || vals.len() > 2 {
        return Err(vm.new_type_error(format!(
            "__new__ expected at most 2 arguments, got {}",
            vals.len()
        )));
    }
    let callback = vals.get(1).cloned().unwrap_or(Value::None);
    make(vm, cls, Kind::Ref, &vals[0], callback)
}

fn ref_init(_vm: &Vm, _v: &Value, _args: Args<'_>) -> PyResult<()> {
    Ok(())
}

fn this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<WeakRef>> {
    v.downcast::<WeakRef>()
        .ok_or_else(|| vm.new_type_error("expected a weak reference"))
}

fn ref_call(vm: &Vm, v: &Value, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "weakref")?;
    Ok(this(vm, v)?.get().unwrap_or(Value::None))
}

fn ref_hash(vm: &Vm, v: &Value) -> PyResult<i64> {
    let w = this(vm, v)?;
    if let Some(h) = w.hash.get() {
        return Ok(h);
    }
    let Some(target) = w.get() else {
        return Err(vm.new_type_error("weak object has gone away"));
    };
    let h = vm.hash(&target)?;
    w.hash.set(Some(h));
    Ok(h)
}

fn ref_richcompare(vm: &Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.not_implemented());
    }
    let (Some(x), Some(y)) = (a.downcast::<WeakRef>(), b.downcast::<WeakRef>()) else {
        return Ok(vm.not_implemented());
    };
    if x.kind != Kind::Ref || y.kind != Kind::Ref {
        return Ok(vm.not_implemented());
    }
    match (x.get(), y.get()) {
        (Some(p), Some(q)) => vm.rich_compare(&p, &q, op),
        _ => {
            let same = a.is(b);
            Ok(Value::Bool(if op == CompareOp::Eq { same } else { !same }))
        }
    }
}

fn ref_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let w = this(vm, v)?;
    let text = match w.get() {
        None => format!("<weakref at {:#x}; dead>", v.id()),
        Some(t) => {
            let name = match vm.getattr_opt(&t, &vm.names.__name__) {
                Ok(Some(n)) if n.downcast::<Str>().is_some() => {
                    format!(" ({})", vm.repr(&n)?.to_lossy())
                }
                _ => String::new(),
            };
            format!(
                "<weakref at {:#x}; to '{}' at {:#x}{name}>",
                v.id(),
                t.class(vm).qualname(),
                t.id()
            )
        }
    };
    Ok(vm.new_str(&text).into())
}

fn callback_get(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(this(vm, v)?.callback.get())
}

fn class_getitem(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "__class_getitem__", 2, 2)?;
    let ga: Value = vm.types.generic_alias.clone().into();
    vm.call_pos(&ga, vals)
}

// --- proxies ---------------------------------------------------------------------------------

fn referent(vm: &Vm, v: &Value) -> PyResult<Value> {
    this(vm, v)?.get().ok_or_else(|| {
        vm.new_exception_msg(
            &vm.exc.reference_error,
            "weakly-referenced object no longer exists".into(),
        )
    })
}

/// Replaces a proxy operand by its referent.
fn unwrap(vm: &Vm, v: &Value) -> PyResult<Value> {
    match v.downcast::<WeakRef>() {
        Some(w) if w.kind != Kind::Ref => referent(vm, v),
        _ => Ok(v.clone()),
    }
}

fn proxy_getattro(vm: &Vm, v: &Value, name: &Py<Str>) -> PyResult<Value> {
    let t = referent(vm, v)?;
    vm.getattr(&t, name)
}

fn proxy_setattro(vm: &Vm, v: &Value, name: &Py<Str>, value: Option<Value>) -> PyResult<()> {
    let t = referent(vm, v)?;
    match value {
        Some(x) => vm.setattr(&t, name, x),
        None => vm.delattr(&t, name),
    }
}

fn proxy_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let w = this(vm, v)?;
    let text = match w.get() {
        Some(t) => format!(
            "<weakproxy at {:#x}; to '{}' at {:#x}>",
            v.id(),
            t.class(vm).qualname(),
            t.id()
        ),
        None => format!("<weakproxy at {:#x}; dead>", v.id()),
    };
    Ok(vm.new_str(&text).into())
}

fn proxy_str(vm: &Vm, v: &Value) -> PyResult<Value> {
    let t = referent(vm, v)?;
    Ok(vm.str(&t)?.into())
}

fn proxy_bool(vm: &Vm, v: &Value) -> PyResult<bool> {
    let t = referent(vm, v)?;
    vm.is_true(&t)
}

fn proxy_len(vm: &Vm, v: &Value) -> PyResult<usize> {
    let t = referent(vm, v)?;
    vm.len(&t)
}

fn proxy_iter(vm: &Vm, v: &Value) -> PyResult<Value> {
    let t = referent(vm, v)?;
    vm.iter(&t)
}

fn proxy_iternext(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let t = referent(vm, v)?;
    vm.next(&t)
}

fn proxy_getitem(vm: &Vm, v: &Value, k: &Value) -> PyResult<Value> {
    let t = referent(vm, v)?;
    vm.getitem(&t, k)
}

fn proxy_setitem(vm: &Vm, v: &Value, k: &Value, x: Option<Value>) -> PyResult<()> {
    let t = referent(vm, v)?;
    match x {
        Some(x) => vm.setitem(&t, k, x),
        None => vm.delitem(&t, k),
    }
}

fn proxy_contains(vm: &Vm, v: &Value, k: &Value) -> PyResult<bool> {
    let t = referent(vm, v)?;
    vm.contains(&t, k)
}

fn proxy_call(vm: &Vm, v: &Value, args: Args<'_>) -> PyResult<Value> {
    let t = referent(vm, v)?;
    vm.call(&t, args)
}

fn proxy_richcompare(vm: &Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (x, y) = (unwrap(vm, a)?, unwrap(vm, b)?);
    vm.rich_compare(&x, &y, op)
}

fn proxy_hash(vm: &Vm, v: &Value) -> PyResult<i64> {
    Err(vm.new_type_error(format!("unhashable type: 'weakref.{}'", v.class(vm).name())))
}

macro_rules! proxy_binops {
    ($($f:ident => $op:ident;)*) => {
        $(
            fn $f(vm: &Vm, a: &Value, b: &Value) -> PyResult<Value> {
                let (x, y) = (unwrap(vm, a)?, unwrap(vm, b)?);
                vm.binary_op(&x, &y, crate::runtime::ops::BinOp::$op)
            }
        )*
    };
}

proxy_binops! {
    proxy_add => Add;
    proxy_sub => Sub;
    proxy_mul => Mul;
    proxy_truediv => TrueDiv;
    proxy_floordiv => FloorDiv;
    proxy_mod => Rem;
}

fn fill_proxy(vm: &Vm, t: &Py<Type>) {
    let s = &t.slots;
    s.getattro.set(Some(proxy_getattro));
    s.setattro.set(Some(proxy_setattro));
    s.repr.set(Some(proxy_repr));
    s.str.set(Some(proxy_str));
    s.bool.set(Some(proxy_bool));
    s.len.set(Some(proxy_len));
    s.iter.set(Some(proxy_iter));
    s.iternext.set(Some(proxy_iternext));
    s.getitem.set(Some(proxy_getitem));
    s.setitem.set(Some(proxy_setitem));
    s.contains.set(Some(proxy_contains));
    s.richcompare.set(Some(proxy_richcompare));
    s.hash.set(Some(proxy_hash));
    s.add.set(Some(proxy_add));
    s.sub.set(Some(proxy_sub));
    s.mul.set(Some(proxy_mul));
    s.truediv.set(Some(proxy_truediv));
    s.floordiv.set(Some(proxy_floordiv));
    s.rem.set(Some(proxy_mod));
    crate::runtime::slot_dispatch::finish_builtin_type(vm, t);
}

// --- module functions ------------------------------------------------------------------------

fn f_proxy(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "proxy", 1, 2)?;
    let t = types(vm)?;
    let callable = vals[0].class(vm).slots.call.get().is_some();
    let (cls, kind) = if callable {
        (&t.callable_proxy, Kind::CallableProxy)
    } else {
        (&t.proxy, Kind::Proxy)
    };
    make(
        vm,
        cls,
        kind,
        &vals[0],
        vals.get(1).cloned().unwrap_or(Value::None),
    )
}

fn refs_to(vm: &Vm, v: &Value) -> Vec<ObjRef> {
    let Some(obj) = v.as_obj() else {
        return Vec::new();
    };
    vm.stdlib.weakrefs.by_target.with(|m| {
        m.get(&obj.addr())
            .map(|l| l.iter().map(|(_, p)| p.upgrade()).collect())
            .unwrap_or_default()
    })
}

fn f_getweakrefcount(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.one(vm, "getweakrefcount")?;
    Ok(Value::Int(refs_to(vm, v).len() as i64))
}

fn f_getweakrefs(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.one(vm, "getweakrefs")?;
    let refs: Vec<Value> = refs_to(vm, v).into_iter().map(Value::Obj).collect();
    Ok(vm.new_list(refs).into())
}

fn init_module(vm: &Vm) -> PyResult<Py<Module>> {
    let m = vm.new_module("_weakref");
    let t = types(vm)?;
    let d = m.dict();
    d.set_str(&vm.intern("ref"), t.reference.clone().into());
    d.set_str(&vm.intern("ReferenceType"), t.reference.into());
    d.set_str(&vm.intern("ProxyType"), t.proxy.into());
    d.set_str(&vm.intern("CallableProxyType"), t.callable_proxy.into());
    vm.add_function(&m, "proxy", f_proxy);
    vm.add_function(&m, "getweakrefcount", f_getweakrefcount);
    vm.add_function(&m, "getweakrefs", f_getweakrefs);
    Ok(m)
}

/// Registers `_weakref` (the Python-level `weakref` built on it is `vm/lib/weakref.py`).
pub(crate) fn register(vm: &Vm) {
    vm.register_native_module("_weakref", init_module);
}
