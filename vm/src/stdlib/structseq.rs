//! Struct sequences (CPython's `PyStructSequence`): tuple subclasses such as
//! `os.stat_result` and `time.struct_time` whose first fields are the tuple's items and are
//! also attributes, and whose extra fields (`st_mtime` as a float, `tm_zone`) are
//! attributes only. Instances are immutable.
//!
//! The type keeps `n_sequence_fields`, `n_fields`, `n_unnamed_fields` and `__match_args__`
//! (the named visible fields) in its dict, as CPython does; extra fields live in the
//! instance's dict in declaration order, which also gives the names CPython's repr uses
//! for unnamed fields.

use crate::object::{Py, Type, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::types::str::Str;
use crate::types::tuple::Tuple;

/// The shape of a struct sequence type.
pub struct Spec<'a> {
    /// `module.name`.
    pub name: &'a str,
    /// Named fields that are tuple items.
    pub visible: &'a [&'a str],
    /// Tuple items without a name of their own (after the visible ones).
    pub unnamed: usize,
    /// Attribute-only fields.
    pub extra: &'a [&'a str],
}

/// The struct sequence type of `spec`, created once per VM.
pub fn cached_type(vm: &Vm, spec: &Spec<'_>) -> PyResult<Py<Type>> {
    vm.cached_type(spec.name, |vm| new_type(vm, spec))
}

/// Creates a struct sequence type.
pub fn new_type(vm: &Vm, spec: &Spec<'_>) -> PyResult<Py<Type>> {
    let (module, short) = spec
        .name
        .rsplit_once('.')
        .unwrap_or(("builtins", spec.name));
    let ns = vm.new_dict();
    let names: Vec<Value> = spec.visible.iter().map(|n| vm.intern(n).into()).collect();
    ns.set_str(&vm.intern("__match_args__"), vm.new_tuple(names).into());
    ns.set_str(&vm.names.__module__, vm.new_str(module).into());
    let n_seq = spec.visible.len() + spec.unnamed;
    ns.set_str(&vm.intern("n_sequence_fields"), Value::Int(n_seq as i64));
    ns.set_str(
        &vm.intern("n_fields"),
        Value::Int((spec.visible.len() + spec.extra.len()) as i64 + spec.unnamed as i64),
    );
    ns.set_str(
        &vm.intern("n_unnamed_fields"),
        Value::Int(spec.unnamed as i64),
    );
    let extra: Vec<Value> = spec.extra.iter().map(|n| vm.intern(n).into()).collect();
    ns.set_str(&vm.intern("_rpy_extra_fields"), vm.new_tuple(extra).into());
    let ty = crate::runtime::class::type_new(
        vm,
        &vm.types.type_,
        &vm.new_str(short),
        &[vm.types.tuple.clone().into()],
        &ns,
        &[],
    )?;
    ty.slots.getattro.set(Some(getattro));
    ty.slots.setattro.set(Some(setattro));
    ty.slots.repr.set(Some(repr));
    ty.slots.new.set(Some(new));
    Ok(ty)
}

fn tuple_attr(ty: &Py<Type>, name: &str) -> Vec<Value> {
    ty.dict()
        .get_rust_str(name)
        .and_then(|t| t.downcast::<Tuple>().map(|t| t.as_slice().to_vec()))
        .unwrap_or_default()
}

fn int_attr(ty: &Py<Type>, name: &str) -> usize {
    match ty.dict().get_rust_str(name) {
        Some(Value::Int(n)) if n >= 0 => n as usize,
        _ => 0,
    }
}

fn same(a: &Value, name: &Py<Str>) -> bool {
    a.downcast::<Str>()
        .is_some_and(|s| s.as_bytes() == name.as_bytes())
}

/// An instance with the given tuple items and extra fields (missing extras are None).
pub fn new_instance(
    vm: &Vm,
    ty: &Py<Type>,
    items: Vec<Value>,
    extras: Vec<Value>,
) -> PyResult<Value> {
    let names = tuple_attr(ty, "_rpy_extra_fields");
    let v = vm.alloc_instance(ty, Tuple::new(items))?;
    if let Some(d) = vm.instance_dict(&v) {
        for (i, n) in names.iter().enumerate() {
            if let Some(s) = n.downcast::<Str>() {
                d.set_str(s, extras.get(i).cloned().unwrap_or(Value::None));
            }
        }
    }
    Ok(v)
}

fn getattro(vm: &Vm, v: &Value, name: &Py<Str>) -> PyResult<Value> {
    let cls = v.class(vm);
    if let Some(t) = v.downcast::<Tuple>() {
        let fields = tuple_attr(cls, "__match_args__");
        if let Some(i) = fields.iter().position(|f| same(f, name))
            && let Some(x) = t.get(i)
        {
            return Ok(x.clone());
        }
    }
    crate::runtime::attr::generic_getattr(vm, v, name)
}

fn setattro(vm: &Vm, v: &Value, name: &Py<Str>, _value: Option<Value>) -> PyResult<()> {
    let cls = v.class(vm);
    let is_field = tuple_attr(cls, "__match_args__")
        .iter()
        .chain(tuple_attr(cls, "_rpy_extra_fields").iter())
        .any(|f| same(f, name));
    if is_field {
        return Err(vm.new_attribute_error_msg("readonly attribute"));
    }
    Err(vm.new_attribute_error_msg(format!(
        "'{}.{}' object has no attribute '{}' and no __dict__ for setting new attributes",
        vm.type_module_name(cls).unwrap_or_default(),
        cls.name(),
        name.to_lossy()
    )))
}

fn repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let t = v
        .downcast::<Tuple>()
        .ok_or_else(|| vm.new_type_error("expected a struct sequence"))?;
    let cls = v.class(vm);
    let mut names: Vec<Value> = tuple_attr(cls, "__match_args__");
    let unnamed = int_attr(cls, "n_unnamed_fields");
    names.extend(
        tuple_attr(cls, "_rpy_extra_fields")
            .into_iter()
            .take(unnamed),
    );
    let mut parts = Vec::new();
    for (n, x) in names.iter().zip(t.as_slice()) {
        parts.push(format!(
            "{}={}",
            vm.str(n)?.to_lossy(),
            vm.repr(x)?.to_lossy()
        ));
    }
    let module = vm.type_module_name(cls).unwrap_or_default();
    Ok(vm
        .new_str(&format!("{module}.{}({})", cls.name(), parts.join(", ")))
        .into())
}

/// `T(sequence, dict=None)`.
fn new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    let [seq, dict] = args.bind(vm, cls.name().as_ref(), ["sequence", "dict"], 1, 0)?;
    let seq = seq.cloned().unwrap_or(Value::None);
    let items = match vm.collect(&seq) {
        Ok(items) => items,
        Err(e) if e.matches(&vm.exc.type_error) => {
            return Err(vm.new_type_error("constructor requires a sequence"));
        }
        Err(e) => return Err(e),
    };
    let n_seq = int_attr(cls, "n_sequence_fields");
    let n_fields = int_attr(cls, "n_fields");
    let module = vm.type_module_name(cls).unwrap_or_default();
    let full = format!("{module}.{}", cls.name());
    if items.len() < n_seq {
        let what = if n_seq == n_fields {
            "a"
        } else {
            "an at least"
        };
        return Err(vm.new_type_error(format!(
            "{full}() takes {what} {n_seq}-sequence ({}-sequence given)",
            items.len()
        )));
    }
    if items.len() > n_fields {
        let what = if n_seq == n_fields { "a" } else { "an at most" };
        return Err(vm.new_type_error(format!(
            "{full}() takes {what} {n_fields}-sequence ({}-sequence given)",
            items.len()
        )));
    }
    let extra_names = tuple_attr(cls, "_rpy_extra_fields");
    let mut extras: Vec<Value> = items[n_seq..].to_vec();
    if let Some(d) = dict.filter(|d| !d.is_none()) {
        for n in extra_names.iter().skip(extras.len()) {
            let v = vm.call_method(d, &vm.intern("get"), std::slice::from_ref(n))?;
            extras.push(v);
        }
    }
    new_instance(vm, cls, items[..n_seq].to_vec(), extras)
}
