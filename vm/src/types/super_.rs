//! `super`: attribute lookup starting after a class in an object's MRO, including the
//! zero-argument form that reads `__class__` and the first argument from the calling frame.

use crate::exec::frame::frame_ref;
use crate::object::{Py, PyCell, Type, Value};
use crate::runtime::{Args, PyResult, Vm};

use super::function::CellObj;
use super::str::Str;

/// A `super` object.
#[derive(Default)]
pub struct Super {
    ty: PyCell<Option<Py<Type>>>,
    obj: PyCell<Value>,
    obj_type: PyCell<Option<Py<Type>>>,
}

crate::payload!(Super, gc);

impl Super {
    /// Cycle collector: the class, the bound object and its type.
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        self.ty.with(|t| visit.opt(t));
        self.obj.with(|v| visit.value(v));
        self.obj_type.with(|t| visit.opt(t));
    }

    fn gc_clear(&self) {
        drop(self.obj.replace(Value::NULL));
        drop(self.obj_type.replace(None));
        drop(self.ty.replace(None));
    }
}

/// The type `super(ty, obj)` searches from: `obj` itself when it is a subclass of `ty`,
/// else `type(obj)` when `obj` is an instance of `ty`.
fn supercheck(vm: &Vm, ty: &Py<Type>, obj: &Value) -> PyResult<Py<Type>> {
    if let Some(t) = obj.downcast::<Type>()
        && t.is_subtype(ty)
    {
        return Ok(t.clone());
    }
    let cls = obj.class(vm);
    if cls.is_subtype(ty) {
        return Ok(cls.clone());
    }
    if let Some(c) = vm.getattr_opt(obj, &vm.names.__class__)?
        && let Some(ct) = c.downcast::<Type>()
        && ct.is_subtype(ty)
    {
        return Ok(ct.clone());
    }
    Err(vm.new_type_error(format!(
        "super(type, obj): obj ({} {}) is not an instance or subtype of type ({}).",
        if obj.downcast::<Type>().is_some() {
            "type"
        } else {
            "instance of"
        },
        match obj.downcast::<Type>() {
            Some(t) => t.name().to_string(),
            None => vm.type_name(obj).to_string(),
        },
        ty.name()
    )))
}

fn super_new(vm: &Vm, cls: &Py<Type>, _args: Args<'_>) -> PyResult<Value> {
    vm.alloc_instance(cls, Super::default())
}

fn zero_arg_super(vm: &Vm) -> PyResult<(Py<Type>, Value)> {
    let Some(frame) = vm.current_frame() else {
        return Err(vm.new_runtime_error("super(): no current frame"));
    };
    let f = frame_ref(frame);
    let code = &f.code;
    if code.argcount() == 0 && code.flags & crate::compile::code::co_flags::VARARGS == 0 {
        return Err(vm.new_runtime_error("super(): no arguments"));
    }
    let mut first = f.local(0).cloned().unwrap_or(Value::Null);
    if code.is_cell(0)
        && let Some(c) = first.downcast::<CellObj>()
    {
        first = c.contents.get();
    }
    if first.is_null() {
        return Err(vm.new_runtime_error("super(): arg[0] deleted"));
    }
    let idx = code
        .localsplusnames
        .iter()
        .position(|n| n.as_bytes() == b"__class__");
    let Some(idx) = idx else {
        return Err(vm.new_runtime_error("super(): __class__ cell not found"));
    };
    let cell = f.local(idx).cloned().unwrap_or(Value::Null);
    let Some(cell) = cell.downcast::<CellObj>() else {
        return Err(vm.new_runtime_error("super(): bad __class__ cell"));
    };
    let class = cell.contents.get();
    if class.is_null() {
        return Err(vm.new_runtime_error("super(): empty __class__ cell"));
    }
    let Some(t) = class.downcast::<Type>() else {
        return Err(vm.new_runtime_error(format!(
            "super(): __class__ is not a type ({})",
            vm.type_name(&class)
        )));
    };
    Ok((t.clone(), first))
}

fn super_init(vm: &Vm, this: &Value, args: Args<'_>) -> PyResult<()> {
    let s = this
        .downcast::<Super>()
        .ok_or_else(|| vm.new_type_error("expected super"))?;
    args.no_kwargs(vm, "super")?;
    let vals = args.range(vm, "super", 0, 2)?;
    let (ty, obj) = match vals {
        [] => {
            let (t, o) = zero_arg_super(vm)?;
            (t, Some(o))
        }
        [t, rest @ ..] => {
            let Some(t) = t.downcast::<Type>() else {
                return Err(vm.new_type_error(format!(
                    "super() argument 1 must be a type, not {}",
                    vm.type_name(t)
                )));
            };
            (t.clone(), rest.first().cloned().filter(|o| !o.is_none()))
        }
    };
    let obj_type = match &obj {
        Some(o) => Some(supercheck(vm, &ty, o)?),
        None => None,
    };
    drop(s.ty.replace(Some(ty)));
    drop(s.obj.replace(obj.unwrap_or(Value::None)));
    drop(s.obj_type.replace(obj_type));
    Ok(())
}

/// `super.__getattribute__`'s search: `name` in the MRO of `obj_type` after `start`, bound
/// to `obj` (to nothing when `obj` is `obj_type` itself); `None` when not found there.
fn mro_lookup_after(
    vm: &Vm,
    start: &Py<Type>,
    obj: &Value,
    obj_type: &Py<Type>,
    name: &Py<Str>,
) -> Option<PyResult<Value>> {
    let v = vm.super_lookup(start, obj_type, name)?;
    Some(bind_found(vm, v, obj, obj_type))
}

/// A value found by [`Vm::super_lookup`], bound as `super` binds it: to `obj`, or to nothing
/// when `obj` is `obj_type` itself.
fn bind_found(vm: &Vm, v: Value, obj: &Value, obj_type: &Py<Type>) -> PyResult<Value> {
    match v.class(vm).slots.descr_get.get() {
        Some(get) => {
            let inst = if obj.as_obj().is_some_and(|o| o.is(obj_type.as_obj())) {
                None
            } else {
                Some(obj)
            };
            get(vm, &v, inst, Some(&Value::from(obj_type)))
        }
        None => Ok(v),
    }
}

/// The instance `obj`'s type when `super(class, obj).name` can be looked up without a
/// `super` object: `super` is the builtin type, `obj` an instance (not a class) of a
/// subclass of `class`, and `name` is not `__class__`.
fn direct_super<'a>(
    vm: &'a Vm,
    global_super: &Value,
    class: &'a Value,
    obj: &'a Value,
    name: &Py<Str>,
) -> Option<(&'a Py<Type>, &'a Py<Type>)> {
    if !global_super
        .as_obj()
        .is_some_and(|o| o.is(vm.types.super_.as_obj()))
        || obj.is_none()
        || name.as_bytes() == b"__class__"
    {
        return None;
    }
    let start = class.downcast::<Type>()?;
    // The common case first: `obj` an instance of a subclass of `start`; anything else
    // (classes, `__class__` overrides, errors) goes through `supercheck` in `super_init`.
    let obj_type = obj.class(vm);
    if obj.downcast::<Type>().is_some() || !obj_type.is_subtype(start) {
        return None;
    }
    Some((start, obj_type))
}

/// `super(class, obj).name` for a call (the method form of `LOAD_SUPER_ATTR`, CPython's
/// `LOAD_SUPER_ATTR_METHOD`): a function or method descriptor found in the MRO comes back
/// unbound with `true` (the caller pushes it and `obj`, and `CALL` passes `obj` as the
/// first argument: no bound method is allocated); anything else bound, with `false`.
/// `None` as for [`load_super_attr`].
pub(crate) fn load_super_method(
    vm: &Vm,
    global_super: &Value,
    class: &Value,
    obj: &Value,
    name: &Py<Str>,
) -> Option<PyResult<(Value, bool)>> {
    let (start, obj_type) = direct_super(vm, global_super, class, obj, name)?;
    let v = vm.super_lookup(start, obj_type, name)?;
    if crate::exec::uops::is_method_like(&v) {
        return Some(Ok((v, true)));
    }
    Some(bind_found(vm, v, obj, obj_type).map(|b| (b, false)))
}

/// `super(class, obj).name` as `LOAD_SUPER_ATTR` evaluates it, without allocating the
/// `super` object when `super` is the builtin type and the search finds the name (the
/// usual `super().method(...)`). `None` means: take the generic path (call `super`, then
/// `getattr`), which also produces every error message.
pub(crate) fn load_super_attr(
    vm: &Vm,
    global_super: &Value,
    class: &Value,
    obj: &Value,
    name: &Py<Str>,
) -> Option<PyResult<Value>> {
    let (start, obj_type) = direct_super(vm, global_super, class, obj, name)?;
    mro_lookup_after(vm, start, obj, obj_type, name)
}

fn super_getattro(vm: &Vm, this: &Value, name: &Py<Str>) -> PyResult<Value> {
    let s = this
        .downcast::<Super>()
        .ok_or_else(|| vm.new_type_error("expected super"))?;
    let (Some(start), Some(obj_type)) = (s.ty.get(), s.obj_type.get()) else {
        return crate::runtime::attr::generic_getattr(vm, this, name);
    };
    if name.as_bytes() != b"__class__"
        && let Some(found) = mro_lookup_after(vm, &start, &s.obj.get(), &obj_type, name)
    {
        return found;
    }
    crate::runtime::attr::generic_getattr(vm, this, name)
}

fn super_repr(vm: &Vm, this: &Value) -> PyResult<Value> {
    let s = this
        .downcast::<Super>()
        .ok_or_else(|| vm.new_type_error("expected super"))?;
    let ty =
        s.ty.get()
            .map(|t| t.name().to_string())
            .unwrap_or_else(|| "NULL".into());
    let text = match s.obj_type.get() {
        Some(ot) => format!("<super: <class '{ty}'>, <{} object>>", ot.name()),
        None => format!("<super: <class '{ty}'>, NULL>"),
    };
    Ok(vm.new_str(&text).into())
}

fn super_get(
    vm: &Vm,
    descr: &Value,
    obj: Option<&Value>,
    _owner: Option<&Value>,
) -> PyResult<Value> {
    let s = descr
        .downcast::<Super>()
        .ok_or_else(|| vm.new_type_error("expected super"))?;
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(descr.clone());
    };
    if s.obj_type.get().is_some() {
        return Ok(descr.clone());
    }
    let Some(ty) = s.ty.get() else {
        return Ok(descr.clone());
    };
    let obj_type = supercheck(vm, &ty, obj)?;
    let n = Super::default();
    drop(n.ty.replace(Some(ty)));
    drop(n.obj.replace(obj.clone()));
    drop(n.obj_type.replace(Some(obj_type)));
    vm.alloc_instance(descr.class(vm), n)
}

/// Fills in `super`'s slots.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.super_;
    t.slots.new.set(Some(super_new));
    t.slots.init.set(Some(super_init));
    t.slots.getattro.set(Some(super_getattro));
    t.slots.repr.set(Some(super_repr));
    t.slots.descr_get.set(Some(super_get));
    vm.add_getset(
        t,
        "__thisclass__",
        |vm, v| {
            let s = v
                .downcast::<Super>()
                .ok_or_else(|| vm.new_type_error("expected super"))?;
            Ok(s.ty.get().map_or(Value::None, Value::from))
        },
        None,
    );
    vm.add_getset(
        t,
        "__self__",
        |vm, v| {
            let s = v
                .downcast::<Super>()
                .ok_or_else(|| vm.new_type_error("expected super"))?;
            Ok(s.obj.get())
        },
        None,
    );
    vm.add_getset(
        t,
        "__self_class__",
        |vm, v| {
            let s = v
                .downcast::<Super>()
                .ok_or_else(|| vm.new_type_error("expected super"))?;
            Ok(s.obj_type.get().map_or(Value::None, Value::from))
        },
        None,
    );
}
