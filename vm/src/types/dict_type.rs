//! The `dict` type object: subscripting (with `__missing__`), comparison, repr, the `|`
//! operators, the constructor and `update` protocol, and the methods.

use crate::object::{CompareOp, Py, Type, Value};
use crate::runtime::{Args, PyResult, Vm};

use super::dict::Dict;
use super::iter::DictItemKind;

fn this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<Dict>> {
    v.downcast::<Dict>()
        .ok_or_else(|| vm.new_type_error("expected a dict"))
}

fn dict_len(vm: &Vm, v: &Value) -> PyResult<usize> {
    Ok(this(vm, v)?.len())
}

fn dict_getitem(vm: &Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let d = this(vm, v)?;
    if let Some(x) = d.get_item(vm, key)? {
        return Ok(x);
    }
    if !v.class(vm).is(&vm.types.dict)
        && let Some(r) = crate::runtime::slot_dispatch::call_special(
            vm,
            v,
            &vm.names.__missing__,
            std::slice::from_ref(key),
        )?
    {
        return Ok(r);
    }
    Err(vm.new_key_error(key.clone()))
}

fn dict_setitem(vm: &Vm, v: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    let d = this(vm, v)?;
    match value {
        Some(x) => d.set_item(vm, key.clone(), x),
        None => match d.pop_item(vm, key)? {
            Some(_) => Ok(()),
            None => Err(vm.new_key_error(key.clone())),
        },
    }
}

fn dict_contains(vm: &Vm, v: &Value, key: &Value) -> PyResult<bool> {
    this(vm, v)?.contains(vm, key)
}

fn dict_iter(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(vm.new_dict_iter(this(vm, v)?, DictItemKind::Keys))
}

fn dict_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let d = this(vm, v)?;
    if d.is_empty() {
        return Ok(vm.new_str("{}").into());
    }
    let Some(_guard) = vm.repr_enter(v) else {
        return Ok(vm.new_str("{...}").into());
    };
    let mut out = crate::text::wtf8::Wtf8Buf::new();
    out.push_str("{");
    let mut pos = super::dict::DictPos::default();
    let mut first = true;
    while let Some((k, x)) = d.next_entry(&mut pos) {
        if !first {
            out.push_str(", ");
        }
        first = false;
        out.push_wtf8(vm.repr(&k)?.as_wtf8());
        out.push_str(": ");
        out.push_wtf8(vm.repr(&x)?.as_wtf8());
    }
    out.push_str("}");
    Ok(vm.new_str_buf(out).into())
}

fn dict_richcompare(vm: &Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.downcast::<Dict>(), b.downcast::<Dict>()) else {
        return Ok(vm.not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.not_implemented());
    }
    let mut eq = x.len() == y.len();
    if eq {
        for (k, v1) in x.items() {
            match y.get_item(vm, &k)? {
                Some(v2) if vm.eq_bool(&v1, &v2)? => {}
                _ => {
                    eq = false;
                    break;
                }
            }
        }
    }
    Ok(Value::Bool(eq == (op == CompareOp::Eq)))
}

/// `dict.update(other)` semantics: a mapping (with `keys()`) or an iterable of pairs.
pub fn dict_merge(vm: &Vm, d: &Py<Dict>, other: &Value) -> PyResult<()> {
    if let Some(o) = other.downcast::<Dict>()
        && o.as_obj()
            .ty()
            .slots
            .iter
            .get()
            .is_some_and(|f| std::ptr::fn_addr_eq(f, dict_iter as crate::object::slots::UnaryFn))
    {
        for (h, k, v) in o.hashed_items() {
            d.set_item_hashed(vm, k, h, v)?;
        }
        return Ok(());
    }
    if let Some(keys) = vm.getattr_opt(other, &vm.names.keys)? {
        let ks = vm.call(&keys, Args::positional(&[]))?;
        return vm.for_each(&ks, |k| {
            let v = vm.getitem(other, &k)?;
            d.set_item(vm, k, v)
        });
    }
    let mut index = 0usize;
    vm.for_each(other, |item| {
        let pair = match vm.collect(&item) {
            Ok(p) => p,
            Err(e) if e.matches(&vm.exc.type_error) => {
                // CPython 3.14's PySequence_Fast message, whatever the element's own error.
                return Err(vm.new_type_error("object is not iterable"));
            }
            Err(e) => return Err(e),
        };
        if pair.len() != 2 {
            return Err(vm.new_value_error(format!(
                "dictionary update sequence element #{index} has length {}; 2 is required",
                pair.len()
            )));
        }
        let mut it = pair.into_iter();
        let (k, v) = (
            it.next().unwrap_or(Value::None),
            it.next().unwrap_or(Value::None),
        );
        index += 1;
        d.set_item(vm, k, v)
    })
}

fn update_from_args(vm: &Vm, d: &Py<Dict>, args: Args<'_>, fname: &str) -> PyResult<()> {
    let pos = args.pos();
    if pos.len() > 1 {
        return Err(vm.new_type_error(format!(
            "{fname} expected at most 1 argument, got {}",
            pos.len()
        )));
    }
    if let Some(other) = pos.first() {
        dict_merge(vm, d, other)?;
    }
    for (k, v) in args.kwargs() {
        d.set_item(vm, Value::from(k), v.clone())?;
    }
    Ok(())
}

fn dict_new(vm: &Vm, cls: &Py<Type>, _args: Args<'_>) -> PyResult<Value> {
    vm.alloc_instance(cls, Dict::new())
}

fn dict_init(vm: &Vm, v: &Value, args: Args<'_>) -> PyResult<()> {
    update_from_args(vm, this(vm, v)?, args, "dict")
}

fn dict_or(vm: &Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let (Some(x), Some(_)) = (a.downcast::<Dict>(), b.downcast::<Dict>()) else {
        return Ok(vm.not_implemented());
    };
    let r = vm.new_dict();
    for (h, k, v) in x.hashed_items() {
        r.insert_new_hashed(h, k, v);
    }
    dict_merge(vm, &r, b)?;
    Ok(r.into())
}

fn dict_ior(vm: &Vm, a: &Value, b: &Value) -> PyResult<Value> {
    dict_merge(vm, this(vm, a)?, b)?;
    Ok(a.clone())
}

fn m_get(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, rest) = vm.method_self::<Dict>(args, "get", "dict")?;
    let vals = rest.range(vm, "get", 1, 2)?;
    Ok(d.get_item(vm, &vals[0])?
        .unwrap_or_else(|| vals.get(1).cloned().unwrap_or(Value::None)))
}

fn m_setdefault(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, rest) = vm.method_self::<Dict>(args, "setdefault", "dict")?;
    let vals = rest.range(vm, "setdefault", 1, 2)?;
    if let Some(x) = d.get_item(vm, &vals[0])? {
        return Ok(x);
    }
    let default = vals.get(1).cloned().unwrap_or(Value::None);
    d.set_item(vm, vals[0].clone(), default.clone())?;
    Ok(default)
}

fn m_pop(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, rest) = vm.method_self::<Dict>(args, "pop", "dict")?;
    let vals = rest.range(vm, "pop", 1, 2)?;
    // An empty dict answers before hashing the key (as CPython's `_PyDict_Pop` does).
    let popped = if d.is_empty() {
        None
    } else {
        d.pop_item(vm, &vals[0])?
    };
    match popped {
        Some(x) => Ok(x),
        None => match vals.get(1) {
            Some(default) => Ok(default.clone()),
            None => Err(vm.new_key_error(vals[0].clone())),
        },
    }
}

fn m_popitem(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, rest) = vm.method_self::<Dict>(args, "popitem", "dict")?;
    rest.none(vm, "dict.popitem")?;
    match d.pop_last() {
        Some((k, v)) => Ok(vm.new_tuple(vec![k, v]).into()),
        None => Err(vm.new_key_error_msg("popitem(): dictionary is empty")),
    }
}

fn m_keys(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, rest) = vm.method_self::<Dict>(args, "keys", "dict")?;
    rest.none(vm, "dict.keys")?;
    Ok(vm.new_dict_view(d, DictItemKind::Keys))
}

fn m_values(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, rest) = vm.method_self::<Dict>(args, "values", "dict")?;
    rest.none(vm, "dict.values")?;
    Ok(vm.new_dict_view(d, DictItemKind::Values))
}

fn m_items(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, rest) = vm.method_self::<Dict>(args, "items", "dict")?;
    rest.none(vm, "dict.items")?;
    Ok(vm.new_dict_view(d, DictItemKind::Items))
}

fn m_update(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, rest) = vm.method_self::<Dict>(args, "update", "dict")?;
    update_from_args(vm, d, rest, "update")?;
    Ok(Value::None)
}

fn m_clear(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, rest) = vm.method_self::<Dict>(args, "clear", "dict")?;
    rest.none(vm, "dict.clear")?;
    d.clear();
    Ok(Value::None)
}

fn m_copy(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, rest) = vm.method_self::<Dict>(args, "copy", "dict")?;
    rest.none(vm, "dict.copy")?;
    let r = vm.new_dict();
    for (h, k, v) in d.hashed_items() {
        r.insert_new_hashed(h, k, v);
    }
    Ok(r.into())
}

fn m_fromkeys(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let Some((cls, rest)) = args.split_self() else {
        return Err(vm.new_type_error("fromkeys needs a class"));
    };
    let vals = rest.range(vm, "fromkeys", 1, 2)?;
    let value = vals.get(1).cloned().unwrap_or(Value::None);
    let d = vm.call(cls, Args::positional(&[]))?;
    if let Some(dd) = d.downcast::<Dict>()
        && d.class(vm).is(&vm.types.dict)
    {
        vm.for_each(&vals[0], |k| dd.set_item(vm, k, value.clone()))?;
    } else {
        vm.for_each(&vals[0], |k| vm.setitem(&d, &k, value.clone()))?;
    }
    Ok(d)
}

fn m_reversed(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, _) = vm.method_self::<Dict>(args, "__reversed__", "dict")?;
    let mut keys = d.keys();
    keys.reverse();
    let l = vm.new_list(keys);
    Ok(super::iter::SeqIter::new_value(
        vm,
        &vm.types.list_iterator,
        l.into(),
    ))
}

fn m_getitem(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let Some((this_v, rest)) = args.split_self() else {
        return Err(vm.new_type_error("__getitem__ needs an argument"));
    };
    let k = rest.one(vm, "dict.__getitem__")?;
    dict_getitem(vm, this_v, k)
}

fn m_contains(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, rest) = vm.method_self::<Dict>(args, "__contains__", "dict")?;
    let k = rest.one(vm, "dict.__contains__")?;
    Ok(Value::Bool(dict_contains(vm, &args.values()[0], k)?))
}

/// Fills in `dict`'s slots and methods.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.dict;
    let s = &t.slots;
    s.len.set(Some(dict_len));
    s.getitem.set(Some(dict_getitem));
    s.setitem.set(Some(dict_setitem));
    s.contains.set(Some(dict_contains));
    s.iter.set(Some(dict_iter));
    s.repr.set(Some(dict_repr));
    s.richcompare.set(Some(dict_richcompare));
    s.new.set(Some(dict_new));
    s.init.set(Some(dict_init));
    s.or.set(Some(dict_or));
    s.ior.set(Some(dict_ior));
    t.set_hash_none(vm);
    vm.add_methods(
        t,
        &[
            ("get", m_get),
            ("setdefault", m_setdefault),
            ("pop", m_pop),
            ("popitem", m_popitem),
            ("keys", m_keys),
            ("values", m_values),
            ("items", m_items),
            ("update", m_update),
            ("clear", m_clear),
            ("copy", m_copy),
            ("__reversed__", m_reversed),
            ("__getitem__", m_getitem),
            ("__contains__", m_contains),
            ("__sizeof__", super::object::object_sizeof),
        ],
    );
    vm.add_classmethod(t, "fromkeys", m_fromkeys);
}
