//! `types.GenericAlias` (`list[int]`) and `types.UnionType` (`int | str`): enough to build,
//! print, compare and use them with `isinstance`/`issubclass` (unions only, like CPython).

use crate::object::{CompareOp, Py, Type, Value};
use crate::runtime::{Args, PyResult, Vm};

use super::tuple::Tuple;

/// `list[int]`.
pub struct GenericAlias {
    /// `__origin__`.
    pub origin: Value,
    /// `__args__`.
    pub args: Py<Tuple>,
}

crate::payload!(GenericAlias, gc);

impl GenericAlias {
    /// Cycle collector: the origin and the arguments (immutable: a cycle through an alias
    /// is broken where it runs through something mutable).
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        visit.value(&self.origin);
        visit.py(&self.args);
    }

    fn gc_clear(&self) {}
}

/// `int | str`.
pub struct Union {
    /// `__args__` (deduplicated, flattened).
    pub args: Py<Tuple>,
}

crate::payload!(Union, gc);

impl Union {
    /// Cycle collector: the arguments.
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        visit.py(&self.args);
    }

    fn gc_clear(&self) {}
}

fn type_repr_text(vm: &Vm, v: &Value) -> PyResult<String> {
    if v.is_none() {
        return Ok("None".into());
    }
    if let Some(t) = v.downcast::<Type>() {
        return Ok(match vm.type_module_name(t).as_deref() {
            Some("builtins") | None => t.qualname().to_string(),
            Some(m) => format!("{m}.{}", t.qualname()),
        });
    }
    if v.as_obj().is_some_and(|o| o.is(&vm.ellipsis)) {
        return Ok("...".into());
    }
    Ok(vm.repr(v)?.to_lossy().into_owned())
}

/// `origin[args]` (`__class_getitem__` of builtin generic types and `type[...]`).
pub fn generic_alias(vm: &Vm, origin: &Value, args: &Value) -> PyResult<Value> {
    let args = match args.downcast::<Tuple>() {
        Some(t) => t.clone(),
        None => vm.new_tuple(vec![args.clone()]),
    };
    Ok(crate::object::core::alloc(
        &vm.types.generic_alias,
        GenericAlias {
            origin: origin.clone(),
            args,
        },
    )
    .into())
}

fn class_getitem(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let Some((cls, rest)) = args.split_self() else {
        return Err(vm.new_type_error("__class_getitem__ needs a class"));
    };
    let item = rest.one(vm, "__class_getitem__")?;
    generic_alias(vm, cls, item)
}

fn alias_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let a = v
        .downcast::<GenericAlias>()
        .ok_or_else(|| vm.new_type_error("expected GenericAlias"))?;
    let mut parts = Vec::new();
    for x in a.args.as_slice() {
        parts.push(type_repr_text(vm, x)?);
    }
    let text = format!(
        "{}[{}]",
        type_repr_text(vm, &a.origin)?,
        if parts.is_empty() {
            "()".into()
        } else {
            parts.join(", ")
        }
    );
    Ok(vm.new_str(&text).into())
}

fn alias_call(vm: &Vm, v: &Value, args: Args<'_>) -> PyResult<Value> {
    let a = v
        .downcast::<GenericAlias>()
        .ok_or_else(|| vm.new_type_error("expected GenericAlias"))?;
    vm.call(&a.origin, args)
}

fn alias_getattro(vm: &Vm, v: &Value, name: &Py<super::str::Str>) -> PyResult<Value> {
    if let Some(x) = crate::runtime::attr::generic_getattr_opt(vm, v, name)? {
        return Ok(x);
    }
    let a = v
        .downcast::<GenericAlias>()
        .ok_or_else(|| vm.new_type_error("expected GenericAlias"))?;
    vm.getattr(&a.origin, name)
}

fn alias_richcompare(vm: &Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.downcast::<GenericAlias>(), b.downcast::<GenericAlias>()) else {
        return Ok(vm.not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.not_implemented());
    }
    let eq = vm.eq_bool(&x.origin, &y.origin)?
        && vm.eq_bool(&Value::from(&x.args), &Value::from(&y.args))?;
    Ok(Value::Bool(eq == (op == CompareOp::Eq)))
}

fn is_unionable(vm: &Vm, v: &Value) -> bool {
    v.is_none()
        || v.downcast::<Type>().is_some()
        || v.downcast::<GenericAlias>().is_some()
        || v.downcast::<Union>().is_some()
        || v.class(vm).name().as_ref() == "TypeAliasType"
}

/// `a | b` for types.
pub fn union_or(vm: &Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if !is_unionable(vm, a) || !is_unionable(vm, b) {
        return Ok(vm.not_implemented());
    }
    let mut items: Vec<Value> = Vec::new();
    for side in [a, b] {
        let parts = match side.downcast::<Union>() {
            Some(u) => u.args.as_slice().to_vec(),
            None => vec![if side.is_none() {
                Value::from(vm.types.none_type.clone())
            } else {
                side.clone()
            }],
        };
        for p in parts {
            let mut dup = false;
            for existing in &items {
                if vm.eq_bool(existing, &p)? {
                    dup = true;
                    break;
                }
            }
            if !dup {
                items.push(p);
            }
        }
    }
    if items.len() == 1 {
        return Ok(items.remove(0));
    }
    Ok(crate::object::core::alloc(
        &vm.types.union,
        Union {
            args: vm.new_tuple(items),
        },
    )
    .into())
}

fn union_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let u = v
        .downcast::<Union>()
        .ok_or_else(|| vm.new_type_error("expected UnionType"))?;
    let mut parts = Vec::new();
    for x in u.args.as_slice() {
        if x.downcast::<Type>()
            .is_some_and(|t| t.is(&vm.types.none_type))
        {
            parts.push("None".to_string());
        } else {
            parts.push(type_repr_text(vm, x)?);
        }
    }
    Ok(vm.new_str(&parts.join(" | ")).into())
}

fn union_instancecheck(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (u, rest) = vm.method_self::<Union>(args, "__instancecheck__", "types.UnionType")?;
    let x = rest.one(vm, "__instancecheck__")?;
    for t in u.args.as_slice() {
        if vm.isinstance(x, t)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn union_subclasscheck(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (u, rest) = vm.method_self::<Union>(args, "__subclasscheck__", "types.UnionType")?;
    let x = rest.one(vm, "__subclasscheck__")?;
    for t in u.args.as_slice() {
        if vm.issubclass(x, t)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn union_richcompare(vm: &Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.downcast::<Union>(), b.downcast::<Union>()) else {
        return Ok(vm.not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.not_implemented());
    }
    let sx = vm.new_frozenset_empty();
    let sy = vm.new_frozenset_empty();
    for v in x.args.as_slice() {
        sx.add(vm, v.clone())?;
    }
    for v in y.args.as_slice() {
        sy.add(vm, v.clone())?;
    }
    vm.rich_compare(&sx.into(), &sy.into(), op)
}

/// Fills in GenericAlias and UnionType, and `__class_getitem__` of the builtin generics.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.generic_alias;
    t.slots.repr.set(Some(alias_repr));
    t.slots.call.set(Some(alias_call));
    t.slots.getattro.set(Some(alias_getattro));
    t.slots.richcompare.set(Some(alias_richcompare));
    t.slots.or.set(Some(union_or));
    vm.add_getset(
        t,
        "__origin__",
        |vm, v| {
            Ok(v.downcast::<GenericAlias>()
                .ok_or_else(|| vm.new_type_error("bad"))?
                .origin
                .clone())
        },
        None,
    );
    vm.add_getset(
        t,
        "__args__",
        |vm, v| {
            Ok(v.downcast::<GenericAlias>()
                .ok_or_else(|| vm.new_type_error("bad"))?
                .args
                .clone()
                .into())
        },
        None,
    );
    let u = &vm.types.union;
    u.slots.repr.set(Some(union_repr));
    u.slots.or.set(Some(union_or));
    u.slots.richcompare.set(Some(union_richcompare));
    vm.add_methods(
        u,
        &[
            ("__instancecheck__", union_instancecheck),
            ("__subclasscheck__", union_subclasscheck),
        ],
    );
    vm.add_getset(
        u,
        "__args__",
        |vm, v| {
            Ok(v.downcast::<Union>()
                .ok_or_else(|| vm.new_type_error("bad"))?
                .args
                .clone()
                .into())
        },
        None,
    );
    for g in [
        &vm.types.list,
        &vm.types.dict,
        &vm.types.tuple,
        &vm.types.set,
        &vm.types.frozenset,
    ] {
        vm.add_classmethod(g, "__class_getitem__", class_getitem);
    }
}
