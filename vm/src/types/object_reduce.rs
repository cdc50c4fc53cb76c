//! The reduction protocol behind `copy` and `pickle`: `object.__reduce_ex__`,
//! `object.__reduce__` and `object.__getstate__`, plus the `__getnewargs__`/`__reduce__`
//! methods of builtin value types that tell the default reduction how to rebuild them.

use crate::object::{Py, Type, Value};
use crate::runtime::{Args, PyResult, Vm};

/// `copyreg`, where the reconstructors that reductions name live.
fn copyreg_attr(vm: &Vm, name: &str) -> PyResult<Value> {
    let module = crate::exec::import::import_absolute(vm, "copyreg")?;
    vm.getattr(&module, &vm.intern(name))
}

/// The receiver of an `object` method called with `args`.
fn receiver<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(&'a Value, Args<'a>)> {
    args.split_self()
        .ok_or_else(|| vm.new_type_error(format!("{name}() needs an argument")))
}

/// Whether `cls` finds `object`'s own `name` (the class does not override it).
fn inherits_object_method(
    vm: &Vm,
    cls: &Py<Type>,
    name: &crate::object::Py<super::str::Str>,
) -> bool {
    vm.type_lookup(cls, name)
        .zip(vm.types.object.dict().get_str(name))
        .is_some_and(|(own, base)| own.is(&base))
}

/// `object.__reduce_ex__(protocol)`: a class's own `__reduce__` wins; otherwise the
/// default reduction for the protocol.
fn object_reduce_ex(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, rest) = receiver(vm, &args, "__reduce_ex__")?;
    let protocol = vm.ssize_arg(rest.one(vm, "__reduce_ex__")?)?;
    let name = vm.intern("__reduce__");
    if let Some(reduce) = vm.getattr_opt(this, &name)?
        && !inherits_object_method(vm, this.class(vm), &name)
    {
        return vm.call(&reduce, Args::positional(&[]));
    }
    common_reduce(vm, this, protocol)
}

/// `object.__reduce__()`: the protocol-0 reduction.
fn object_reduce(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, rest) = receiver(vm, &args, "__reduce__")?;
    rest.none(vm, "__reduce__")?;
    common_reduce(vm, this, 0)
}

/// `object.__getstate__()`: the instance dict and slot values, nothing required.
fn object_getstate(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, rest) = receiver(vm, &args, "__getstate__")?;
    rest.none(vm, "__getstate__")?;
    default_state(vm, this, false)
}

fn common_reduce(vm: &Vm, obj: &Value, protocol: i64) -> PyResult<Value> {
    if protocol >= 2 {
        return reduce_newobj(vm, obj);
    }
    reduce_old(vm, obj)
}

/// The protocol 0/1 reduction (`copyreg._reduce_ex`): `copyreg._reconstructor(cls, base,
/// state)` where `base` is the nearest builtin class and `state` the object converted to
/// it, then the instance state if there is any.
fn reduce_old(vm: &Vm, obj: &Value) -> PyResult<Value> {
    let cls = obj.class(vm);
    let base = cls
        .mro()
        .iter()
        .find(|t| !t.is_heap())
        .cloned()
        .unwrap_or_else(|| vm.types.object.clone());
    let base_state = if base.is(&vm.types.object) {
        Value::None
    } else if base.is(cls) {
        return Err(vm.new_type_error(format!("cannot pickle '{}' object", cls.name())));
    } else {
        vm.call(
            &base.clone().into(),
            Args::positional(std::slice::from_ref(obj)),
        )?
    };
    let args = vm.new_tuple(vec![cls.clone().into(), base.into(), base_state]);
    let has_slots = || -> PyResult<bool> {
        Ok(vm
            .getattr_opt(obj, &vm.intern("__slots__"))?
            .is_some_and(|s| vm.is_true(&s).unwrap_or(true)))
    };
    let slots_error = || {
        vm.new_type_error(
            "a class that defines __slots__ without defining __getstate__ cannot be pickled",
        )
    };
    let name = vm.intern("__getstate__");
    if inherits_object_method(vm, cls, &name) && has_slots()? {
        return Err(slots_error());
    }
    let state = match vm.getattr_opt(obj, &name)? {
        Some(getstate) => vm.call(&getstate, Args::positional(&[]))?,
        None => Value::None,
    };
    let reconstructor = copyreg_attr(vm, "_reconstructor")?;
    let mut parts = vec![reconstructor, args.into()];
    if vm.is_true(&state)? {
        parts.push(state);
    }
    Ok(vm.new_tuple(parts).into())
}

/// The arguments `__getnewargs_ex__` or `__getnewargs__` give for rebuilding `obj`:
/// `(None, None)` when it has neither.
fn new_args(vm: &Vm, obj: &Value) -> PyResult<(Option<Value>, Option<Value>)> {
    let tuple_ty = &vm.types.tuple;
    let is_tuple = |v: &Value| v.class(vm).is_subtype(tuple_ty);
    if let Some(f) = vm.getattr_opt(obj, &vm.intern("__getnewargs_ex__"))? {
        let r = vm.call(&f, Args::positional(&[]))?;
        let Some(pair) = r.downcast::<super::tuple::Tuple>() else {
            return Err(vm.new_type_error(format!(
                "__getnewargs_ex__ should return a tuple, not '{}'",
                vm.type_name(&r)
            )));
        };
        let items = pair.as_slice();
        if items.len() != 2 {
            return Err(vm.new_value_error(format!(
                "__getnewargs_ex__ should return a tuple of length 2, not {}",
                items.len()
            )));
        }
        if !is_tuple(&items[0]) {
            return Err(vm.new_type_error(format!(
                "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{}'",
                vm.type_name(&items[0])
            )));
        }
        if !items[1].class(vm).is_subtype(&vm.types.dict) {
            return Err(vm.new_type_error(format!(
                "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{}'",
                vm.type_name(&items[1])
            )));
        }
        return Ok((Some(items[0].clone()), Some(items[1].clone())));
    }
    if let Some(f) = vm.getattr_opt(obj, &vm.intern("__getnewargs__"))? {
        let r = vm.call(&f, Args::positional(&[]))?;
        if !is_tuple(&r) {
            return Err(vm.new_type_error(format!(
                "__getnewargs__ should return a tuple, not '{}'",
                vm.type_name(&r)
            )));
        }
        return Ok((Some(r), None));
    }
    Ok((None, None))
}

/// The protocol-2+ reduction: `copyreg.__newobj__(cls, *args)` (or `__newobj_ex__` with
/// keywords), the state, and iterators over list items and dict items.
fn reduce_newobj(vm: &Vm, obj: &Value) -> PyResult<Value> {
    let cls = obj.class(vm);
    if cls.slots.new.get().is_none() {
        return Err(cannot_pickle(vm, cls));
    }
    let (args, kwargs) = new_args(vm, obj)?;
    let has_args = args.is_some();
    let args_items: Vec<Value> = match &args {
        Some(a) => a
            .downcast::<super::tuple::Tuple>()
            .map(|t| t.as_slice().to_vec())
            .unwrap_or_default(),
        None => Vec::new(),
    };
    let has_kwargs = kwargs
        .as_ref()
        .and_then(|k| k.downcast::<super::dict::Dict>())
        .is_some_and(|d| !d.is_empty());
    let cls_v: Value = cls.clone().into();
    let (newobj, newargs) = if has_kwargs {
        let args_v = args.unwrap_or_else(|| vm.new_tuple(Vec::new()).into());
        let kw = kwargs.unwrap_or(Value::None);
        (
            copyreg_attr(vm, "__newobj_ex__")?,
            vm.new_tuple(vec![cls_v, args_v, kw]),
        )
    } else {
        let mut items = Vec::with_capacity(args_items.len() + 1);
        items.push(cls_v);
        items.extend(args_items);
        (copyreg_attr(vm, "__newobj__")?, vm.new_tuple(items))
    };
    let is_list = cls.is_subtype(&vm.types.list);
    let is_dict = cls.is_subtype(&vm.types.dict);
    let state = state_of(vm, obj, !has_args && !is_list && !is_dict)?;
    let list_items = if is_list { vm.iter(obj)? } else { Value::None };
    let dict_items = if is_dict {
        let items = vm.call_method(obj, &vm.intern("items"), &[])?;
        vm.iter(&items)?
    } else {
        Value::None
    };
    Ok(vm
        .new_tuple(vec![newobj, newargs.into(), state, list_items, dict_items])
        .into())
}

fn cannot_pickle(vm: &Vm, cls: &Py<Type>) -> crate::runtime::PyErr {
    vm.new_type_error(format!("cannot pickle '{}' object", cls.name()))
}

/// The state a reduction carries: the object's own `__getstate__` if its class
/// overrides object's, else the default state.
fn state_of(vm: &Vm, obj: &Value, required: bool) -> PyResult<Value> {
    let name = vm.intern("__getstate__");
    let shadowed = vm
        .instance_dict(obj)
        .is_some_and(|d| d.get_str(&name).is_some());
    if !shadowed && inherits_object_method(vm, obj.class(vm), &name) {
        return default_state(vm, obj, required);
    }
    let getstate = vm.getattr(obj, &name)?;
    vm.call(&getstate, Args::positional(&[]))
}

/// object's default state: the instance `__dict__` (None when empty), paired with a dict
/// of the slot values that are set when the class has `__slots__`. `required` refuses
/// objects whose native data the state cannot carry.
fn default_state(vm: &Vm, obj: &Value, required: bool) -> PyResult<Value> {
    let cls = obj.class(vm);
    if required {
        let native_base = cls.mro().iter().find(|t| !t.is_heap()).cloned();
        if native_base.is_some_and(|b| !b.is(&vm.types.object)) {
            return Err(cannot_pickle(vm, cls));
        }
    }
    let mut state = match vm.instance_dict(obj) {
        Some(d) if !d.is_empty() => Value::from(d),
        _ => Value::None,
    };
    let names = slot_names(vm, cls)?;
    if !names.is_empty() {
        let slots = vm.new_dict();
        for name in names {
            let Some(n) = name.downcast::<super::str::Str>() else {
                continue;
            };
            if let Some(v) = vm.getattr_opt(obj, &vm.intern(&n.to_lossy()))? {
                slots.set_item(vm, name.clone(), v)?;
            }
        }
        if !slots.is_empty() {
            state = vm.new_tuple(vec![state, slots.into()]).into();
        }
    }
    Ok(state)
}

/// `cls.__slotnames__`, computed by `copyreg._slotnames` the first time.
fn slot_names(vm: &Vm, cls: &Py<Type>) -> PyResult<Vec<Value>> {
    let cached = cls.dict().get_str(&vm.intern("__slotnames__"));
    let names = match cached {
        Some(v) => v,
        None => {
            let f = copyreg_attr(vm, "_slotnames")?;
            vm.call(&f, Args::positional(&[cls.clone().into()]))?
        }
    };
    if names.is_none() {
        return Ok(Vec::new());
    }
    match names.downcast::<super::list::List>() {
        Some(l) => Ok(l.to_vec()),
        None => {
            Err(vm.new_type_error("copyreg._slotnames didn't return a list or None".to_string()))
        }
    }
}

fn float_getnewargs(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, rest) = receiver(vm, &args, "__getnewargs__")?;
    rest.none(vm, "__getnewargs__")?;
    let x = super::float::as_float(this).ok_or_else(|| vm.new_type_error("expected a float"))?;
    Ok(vm.new_tuple(vec![Value::Float(x)]).into())
}

fn complex_getnewargs(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, rest) = receiver(vm, &args, "__getnewargs__")?;
    rest.none(vm, "__getnewargs__")?;
    let Some(c) = this.downcast::<super::complex::Complex>() else {
        return Err(vm.new_type_error("expected a complex"));
    };
    Ok(vm
        .new_tuple(vec![Value::Float(c.re), Value::Float(c.im)])
        .into())
}

fn bytes_getnewargs(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, rest) = receiver(vm, &args, "__getnewargs__")?;
    rest.none(vm, "__getnewargs__")?;
    let Some(b) = this.downcast::<super::bytes::Bytes>() else {
        return Err(vm.new_type_error("expected bytes"));
    };
    let plain = vm.new_bytes(b.as_bytes().to_vec());
    Ok(vm.new_tuple(vec![plain.into()]).into())
}

/// `range.__reduce__` / `slice.__reduce__`: the type and its three parameters.
fn three_part_reduce(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, rest) = receiver(vm, &args, "__reduce__")?;
    rest.none(vm, "__reduce__")?;
    let mut parts = Vec::with_capacity(3);
    for name in ["start", "stop", "step"] {
        parts.push(vm.getattr(this, &vm.intern(name))?);
    }
    let cls: Value = this.class(vm).clone().into();
    Ok(vm.new_tuple(vec![cls, vm.new_tuple(parts).into()]).into())
}

/// Adds the methods to `object` and the builtin value types.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types;
    vm.add_methods(
        &t.object,
        &[
            ("__reduce_ex__", object_reduce_ex),
            ("__reduce__", object_reduce),
            ("__getstate__", object_getstate),
        ],
    );
    vm.add_methods(&t.float, &[("__getnewargs__", float_getnewargs)]);
    vm.add_methods(&t.complex, &[("__getnewargs__", complex_getnewargs)]);
    vm.add_methods(&t.bytes, &[("__getnewargs__", bytes_getnewargs)]);
    vm.add_methods(&t.range, &[("__reduce__", three_part_reduce)]);
    vm.add_methods(&t.slice, &[("__reduce__", three_part_reduce)]);
}
