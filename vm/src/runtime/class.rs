//! Class creation: `__build_class__` (metaclass selection, `__mro_entries__`,
//! `__prepare__`, running the class body, `__classcell__`) and `type.__new__` (bases and
//! layout, `__slots__`, MRO, slots, `__set_name__`, `__init_subclass__`).

use std::rc::Rc;

use crate::object::typeobj::{InstanceLayout, TypeInit, c3_mro, flags};
use crate::object::{Py, PyCell, Type, Value};
use crate::types::descr::{ClassMethod, MemberDescr, StaticMethod};
use crate::types::dict::Dict;
use crate::types::function::{CellObj, Function};
use crate::types::str::Str;
use crate::types::tuple::Tuple;

use super::{Args, PyResult, Vm};

/// The type whose instance layout `t`'s instances share (CPython's `solid_base`).
fn solid_base(t: &Py<Type>) -> Py<Type> {
    match t.base() {
        None => t.clone(),
        Some(base) => {
            let sb = solid_base(&base);
            let adds_layout = t.kind() != base.kind()
                || t.layout.slot_names.len() != base.layout.slot_names.len();
            if adds_layout { t.clone() } else { sb }
        }
    }
}

/// Picks the base whose layout the new class extends (CPython's `best_base`).
fn best_base(vm: &Vm, bases: &[Py<Type>]) -> PyResult<Py<Type>> {
    let mut winner: Option<(Py<Type>, Py<Type>)> = None;
    for b in bases {
        if !b.has_flag(flags::BASETYPE) {
            return Err(vm.new_type_error(format!(
                "type '{}' is not an acceptable base type",
                b.name()
            )));
        }
        let candidate = solid_base(b);
        winner = Some(match winner {
            None => (candidate, b.clone()),
            Some((w, wb)) => {
                if w.is_subtype(&candidate) {
                    (w, wb)
                } else if candidate.is_subtype(&w) {
                    (candidate, b.clone())
                } else {
                    return Err(vm.new_type_error("multiple bases have instance lay-out conflict"));
                }
            }
        });
    }
    winner
        .map(|(_, b)| b)
        .ok_or_else(|| vm.new_type_error("bases must not be empty"))
}

/// The most derived metaclass among `meta` and the bases' metaclasses.
pub fn calculate_metaclass(vm: &Vm, meta: &Py<Type>, bases: &[Value]) -> PyResult<Py<Type>> {
    let mut winner = meta.clone();
    for b in bases {
        let bt = b.class(vm);
        if winner.is_subtype(bt) {
            continue;
        }
        if bt.is_subtype(&winner) {
            winner = bt.clone();
            continue;
        }
        return Err(vm.new_type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) \
             subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// Mangles a private name (`__x` in class `C` becomes `_C__x`).
fn mangle(class_name: &str, name: &str) -> String {
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class_name.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

/// `type.__new__(meta, name, bases, ns, **kwargs)`.
pub fn type_new(
    vm: &Vm,
    meta: &Py<Type>,
    name: &Py<Str>,
    base_values: &[Value],
    ns: &Py<Dict>,
    kwargs: &[(Py<Str>, Value)],
) -> PyResult<Py<Type>> {
    let winner_meta = calculate_metaclass(vm, meta, base_values)?;
    if !winner_meta.is(meta)
        && let Some(new) = winner_meta.slots.new.get()
        && !std::ptr::fn_addr_eq(new, meta.slots.new.get().unwrap_or(new))
    {
        // A more derived metaclass with its own __new__ takes over, as in CPython.
        let args = [
            Value::from(name),
            Value::from(vm.new_tuple(base_values.to_vec())),
            Value::from(ns),
        ];
        let r = new(vm, &winner_meta, Args::positional(&args))?;
        return r
            .into_downcast::<Type>()
            .map_err(|_| vm.new_type_error("metaclass __new__ did not return a type"));
    }
    let meta = winner_meta;
    let mut bases: Vec<Py<Type>> = Vec::with_capacity(base_values.len());
    for b in base_values {
        match b.downcast::<Type>() {
            Some(t) => bases.push(t.clone()),
            None => {
                return Err(
                    vm.new_type_error(format!("bases must be types, not '{}'", vm.type_name(b)))
                );
            }
        }
    }
    if bases.is_empty() {
        bases.push(vm.types.object.clone());
    }
    let base = best_base(vm, &bases)?;
    let name_text = name
        .as_str()
        .ok_or_else(|| vm.new_value_error("type name must not contain surrogates"))?
        .to_string();
    if name_text.contains('\0') {
        return Err(vm.new_value_error("type name must not contain null characters"));
    }

    // The class namespace: a copy of the body's namespace.
    let dict = vm.new_dict();
    for (h, k, v) in ns.hashed_items() {
        dict.insert_new_hashed(h, k, v);
    }
    if dict.get_str(&vm.names.__module__).is_none()
        && let Some(m) = vm
            .current_globals()
            .and_then(|g| g.get_str(&vm.names.__name__))
    {
        dict.set_str(&vm.names.__module__, m);
    }
    let qualname: Rc<str> = match dict.del_str(&vm.names.__qualname__) {
        Some(q) => match q.downcast::<Str>() {
            Some(s) => Rc::from(s.to_lossy().as_ref()),
            None => {
                return Err(vm.new_type_error(format!(
                    "type __qualname__ must be a str, not {}",
                    vm.type_name(&q)
                )));
            }
        },
        None => Rc::from(name_text.as_str()),
    };

    // __slots__.
    // CPython's `tp_dictoffset != 0`: a managed dict, a payload dict, or a builtin that
    // exposes its own `__dict__` (type, function, module, ...).
    let base_has_dict = base.has_flag(flags::MANAGED_DICT)
        || base.slots.dictptr.get().is_some()
        || vm.type_lookup(&base, &vm.names.__dict__).is_some();
    let mut new_slots: Vec<Py<Str>> = Vec::new();
    let mut add_dict = !base_has_dict;
    if let Some(slots_value) = dict.get_str(&vm.names.__slots__) {
        add_dict = false;
        let items = if slots_value.downcast::<Str>().is_some() {
            vec![slots_value.clone()]
        } else {
            vm.collect(&slots_value)?
        };
        for item in items {
            let Some(s) = item.downcast::<Str>() else {
                return Err(vm.new_type_error(format!(
                    "__slots__ items must be strings, not '{}'",
                    vm.type_name(&item)
                )));
            };
            let text = s.to_lossy().into_owned();
            if !is_identifier(&text) {
                return Err(vm.new_type_error("__slots__ must be identifiers"));
            }
            if text == "__dict__" {
                if base_has_dict || add_dict {
                    return Err(vm.new_type_error("__dict__ slot disallowed: we already got one"));
                }
                add_dict = true;
                continue;
            }
            if text == "__weakref__" {
                continue;
            }
            let mangled = vm.intern(&mangle(&name_text, &text));
            if new_slots.iter().any(|n| n.as_bytes() == mangled.as_bytes()) {
                return Err(vm.new_type_error(format!("duplicate slot name '{}'", text)));
            }
            if dict.get_str(&mangled).is_some() {
                return Err(vm.new_value_error(format!(
                    "'{text}' in __slots__ conflicts with class variable"
                )));
            }
            new_slots.push(mangled);
        }
        if !new_slots.is_empty()
            && base.kind() != vm.types.object.kind()
            && !base_allows_slots(vm, &base)
        {
            return Err(vm.new_type_error(format!(
                "nonempty __slots__ not supported for subtype of '{}'",
                base.name()
            )));
        }
    }
    let has_dict = base_has_dict || add_dict;

    let mut slot_names: Vec<Py<Str>> = base.layout.slot_names.to_vec();
    let first_new_slot = slot_names.len();
    slot_names.extend(new_slots.iter().cloned());

    let mut type_flags = flags::HEAPTYPE | flags::BASETYPE;
    if has_dict {
        type_flags |= flags::MANAGED_DICT;
    }
    for b in &bases {
        type_flags |= b.flags() & (flags::SEQUENCE | flags::MAPPING);
    }
    let (sub_dealloc, sub_ext, sub_gc) = base.subclass_layout();
    let init = TypeInit {
        name: Rc::from(name_text.as_str()),
        qualname,
        builtin_module: "builtins",
        base: Some(base.clone()),
        bases: Rc::from(bases.clone()),
        dict: dict.clone(),
        flags: type_flags,
        kind: base.kind(),
        dealloc: sub_dealloc,
        ext_offset: Some(sub_ext),
        sub_dealloc,
        sub_ext_offset: sub_ext,
        gc: Some(sub_gc),
        sub_gc,
        layout: InstanceLayout {
            slot_names: Rc::from(slot_names),
        },
    };
    let new_type = vm
        .alloc_instance(&meta, Type::new(init))?
        .into_downcast::<Type>()
        .map_err(|_| vm.new_type_error("metaclass is not a type"))?;

    // MRO: a metaclass may override mro().
    let mro = if meta.is(&vm.types.type_)
        || vm
            .type_lookup(&meta, &vm.names.mro)
            .is_none_or(|m| m.downcast::<crate::types::descr::MethodDescr>().is_some())
    {
        c3_mro(&new_type, &bases).map_err(|m| vm.new_type_error(m))?
    } else {
        let r = vm.call_method(&Value::from(&new_type), &vm.names.mro, &[])?;
        let items = vm.collect(&r)?;
        let mut mro = Vec::with_capacity(items.len());
        for i in items {
            mro.push(i.into_downcast::<Type>().map_err(|v| {
                vm.new_type_error(format!(
                    "mro() returned a non-class ('{}')",
                    vm.type_name(&v)
                ))
            })?);
        }
        mro
    };
    new_type.set_mro(Rc::from(mro));
    for b in &bases {
        b.add_subclass(&new_type);
    }

    // Descriptors for the instance layout.
    for (i, n) in new_slots.iter().enumerate() {
        let d = crate::object::core::alloc(
            &vm.types.member_descriptor,
            MemberDescr {
                name: n.clone(),
                owner: new_type.clone(),
                index: first_new_slot + i,
            },
        );
        dict.set_str(n, d.into());
    }
    if add_dict {
        vm.add_getset(
            &new_type,
            "__dict__",
            super::attr::get_payload_dict,
            Some(super::attr::set_payload_dict),
        );
        vm.add_getset(&new_type, "__weakref__", |_, _| Ok(Value::None), None);
    }
    if dict.get_str(&vm.names.__doc__).is_none() {
        dict.set_str(&vm.names.__doc__, Value::None);
    }

    // Implicit staticmethod / classmethod wrapping.
    wrap_special(vm, &dict, &vm.names.__new__, true)?;
    wrap_special(vm, &dict, &vm.names.__init_subclass__, false)?;
    wrap_special(vm, &dict, &vm.names.__class_getitem__, false)?;
    // Defining __eq__ without __hash__ makes instances unhashable.
    if dict.get_str(&vm.names.__eq__).is_some() && dict.get_str(&vm.names.__hash__).is_none() {
        dict.set_str(&vm.names.__hash__, Value::None);
    }

    // __classcell__ / __classdictcell__.
    if let Some(cell) = dict.del_str(&vm.names.__classcell__) {
        match cell.downcast::<CellObj>() {
            Some(c) => drop(c.contents.replace(new_type.clone().into())),
            None => {
                return Err(vm.new_type_error(format!(
                    "__classcell__ must be a nonlocal cell, not {}",
                    vm.type_name(&cell)
                )));
            }
        }
    }
    if let Some(cell) = dict.del_str(&vm.names.__classdictcell__)
        && let Some(c) = cell.downcast::<CellObj>()
    {
        drop(c.contents.replace(dict.clone().into()));
    }

    super::slot_dispatch::update_slots(vm, &new_type);

    // __set_name__ on the attributes, then __init_subclass__ on the parent.
    for (k, v) in dict.items() {
        let vt = v.class(vm).clone();
        if let Some(set_name) = vm.type_lookup(&vt, &vm.names.__set_name__) {
            let r = vm.call(
                &set_name,
                Args::positional(&[v.clone(), new_type.clone().into(), k.clone()]),
            );
            if let Err(e) = r {
                let note = format!(
                    "Error calling __set_name__ on '{}' instance {} in '{}'",
                    vt.name(),
                    vm.repr(&k)?.to_lossy(),
                    name_text
                );
                e.exc().add_note(vm, &note);
                return Err(e);
            }
        }
    }
    init_subclass(vm, &new_type, kwargs)?;
    Ok(new_type)
}

fn base_allows_slots(vm: &Vm, base: &Py<Type>) -> bool {
    // Variable-size builtins (int, bytes, tuple) cannot take slots.
    ![&vm.types.int, &vm.types.bytes, &vm.types.tuple]
        .iter()
        .any(|t| base.is_subtype(t))
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || c.is_alphabetic() => {}
        _ => return false,
    }
    chars.all(|c| c == '_' || c.is_alphanumeric())
}

fn wrap_special(vm: &Vm, dict: &Py<Dict>, name: &Py<Str>, as_static: bool) -> PyResult<()> {
    let Some(f) = dict.get_str(name) else {
        return Ok(());
    };
    if f.downcast::<Function>().is_none() {
        return Ok(());
    }
    let wrapped: Value = if as_static {
        crate::object::core::alloc(
            &vm.types.staticmethod,
            StaticMethod {
                func: PyCell::new(f),
                dict: PyCell::new(None),
            },
        )
        .into()
    } else {
        crate::object::core::alloc(
            &vm.types.classmethod,
            ClassMethod {
                func: PyCell::new(f),
                dict: PyCell::new(None),
            },
        )
        .into()
    };
    dict.set_str(name, wrapped);
    Ok(())
}

/// `super(cls, cls).__init_subclass__(**kwargs)`.
fn init_subclass(vm: &Vm, cls: &Py<Type>, kwargs: &[(Py<Str>, Value)]) -> PyResult<()> {
    let mro = cls.mro();
    let Some(parent_pos) = mro.iter().position(|t| t.is(cls)) else {
        return Ok(());
    };
    for t in &mro[parent_pos + 1..] {
        let Some(attr) = t.dict().get_str(&vm.names.__init_subclass__) else {
            continue;
        };
        let bound = match attr.class(vm).slots.descr_get.get() {
            Some(get) => get(vm, &attr, None, Some(&Value::from(cls)))?,
            None => attr,
        };
        let mut values: Vec<Value> = kwargs.iter().map(|(_, v)| v.clone()).collect();
        let names = vm.new_tuple(kwargs.iter().map(|(k, _)| Value::from(k)).collect());
        let kwnames = (!kwargs.is_empty()).then_some(&names);
        let r = vm.call(&bound, Args::new(&values, kwnames))?;
        values.clear();
        drop(r);
        return Ok(());
    }
    Ok(())
}

/// `builtins.__build_class__(func, name, *bases, metaclass=None, **kwds)`.
pub fn build_class(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    if pos.len() < 2 {
        return Err(vm.new_type_error("__build_class__: not enough arguments"));
    }
    let func = &pos[0];
    let Some(body) = func.downcast::<Function>() else {
        return Err(vm.new_type_error("__build_class__: func must be a function"));
    };
    let name = &pos[1];
    if name.downcast::<Str>().is_none() {
        return Err(vm.new_type_error("__build_class__: name is not a string"));
    }
    let orig_bases: Vec<Value> = pos[2..].to_vec();
    let bases = resolve_mro_entries(vm, &orig_bases)?;
    let mut meta: Option<Value> = None;
    let mut kwds: Vec<(Py<Str>, Value)> = Vec::new();
    for (k, v) in args.kwargs() {
        if k.as_bytes() == b"metaclass" {
            meta = Some(v.clone());
        } else {
            kwds.push((k.clone(), v.clone()));
        }
    }
    let is_class = meta.is_none();
    let mut meta = match meta {
        Some(m) => m,
        None => match bases.first() {
            Some(b) => Value::from(b.class(vm).clone()),
            None => Value::from(vm.types.type_.clone()),
        },
    };
    let meta_is_type = meta.downcast::<Type>().cloned();
    if let Some(mt) = meta_is_type
        && (is_class || mt.is_subtype(&vm.types.type_))
    {
        meta = Value::from(calculate_metaclass(vm, &mt, &bases)?);
    }
    let bases_tuple: Value = vm.new_tuple(bases.clone()).into();
    let kwnames = vm.new_tuple(kwds.iter().map(|(k, _)| Value::from(k)).collect());
    let kwvals: Vec<Value> = kwds.iter().map(|(_, v)| v.clone()).collect();
    let ns = match vm.getattr_opt(&meta, &vm.names.__prepare__)? {
        Some(prepare) => {
            let mut a = vec![name.clone(), bases_tuple.clone()];
            a.extend(kwvals.iter().cloned());
            vm.call(
                &prepare,
                Args::new(&a, (!kwds.is_empty()).then_some(&kwnames)),
            )?
        }
        None => vm.new_dict().into(),
    };
    if vm.mapping_check(&ns).is_none() {
        let meta_name = match meta.downcast::<Type>() {
            Some(t) => t.name().to_string(),
            None => "<metaclass>".to_string(),
        };
        return Err(vm.new_type_error(format!(
            "{meta_name}.__prepare__() must return a mapping, not {}",
            vm.type_name(&ns)
        )));
    }
    let cell = vm.run_class_body(body, &ns)?;
    if orig_bases.len() != bases.len() || orig_bases.iter().zip(&bases).any(|(a, b)| !a.is(b)) {
        vm.setitem(
            &ns,
            &vm.names.__orig_bases__.clone().into(),
            vm.new_tuple(orig_bases).into(),
        )?;
    }
    let mut call_args = vec![name.clone(), bases_tuple, ns];
    call_args.extend(kwvals);
    let cls = vm.call(
        &meta,
        Args::new(&call_args, (!kwds.is_empty()).then_some(&kwnames)),
    )?;
    if let Some(cell) = cell.as_ref().and_then(|c| c.downcast::<CellObj>()) {
        let contents = cell.contents.get();
        if !contents.is(&cls) {
            if contents.is_null() {
                return Err(vm.new_runtime_error(format!(
                    "__class__ not set defining {} as {}. Was __classcell__ propagated to type.__new__?",
                    vm.repr(name)?.to_lossy(),
                    vm.repr(&cls)?.to_lossy()
                )));
            }
            return Err(vm.new_type_error(format!(
                "__class__ set to {} defining {} as {}",
                vm.repr(&contents)?.to_lossy(),
                vm.repr(name)?.to_lossy(),
                vm.repr(&cls)?.to_lossy()
            )));
        }
    }
    Ok(cls)
}

/// Applies `__mro_entries__` of non-class bases (PEP 560).
fn resolve_mro_entries(vm: &Vm, bases: &[Value]) -> PyResult<Vec<Value>> {
    let mut out = Vec::with_capacity(bases.len());
    let orig = vm.new_tuple(bases.to_vec());
    for b in bases {
        if b.downcast::<Type>().is_some() {
            out.push(b.clone());
            continue;
        }
        match vm.getattr_opt(b, &vm.names.__mro_entries__)? {
            Some(f) => {
                let r = vm.call(&f, Args::positional(&[orig.clone().into()]))?;
                let Some(t) = r.downcast::<Tuple>() else {
                    return Err(vm.new_type_error("__mro_entries__ must return a tuple"));
                };
                out.extend(t.as_slice().iter().cloned());
            }
            None => out.push(b.clone()),
        }
    }
    Ok(out)
}

/// `type | other` (PEP 604 unions) is provided by the `types` module's UnionType; without
/// it the operation is not supported.
pub fn type_or(vm: &Vm, a: &Value, b: &Value) -> PyResult<Value> {
    crate::types::union::union_or(vm, a, b)
}
