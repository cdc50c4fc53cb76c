//! The `operator` module: the operators as functions (each also bound under its dunder
//! alias, `operator.__add__ is operator.add`), and the callable types `itemgetter`,
//! `attrgetter` and `methodcaller`.

use crate::object::{CompareOp, Py, Type, Value};
use crate::runtime::{Args, BinOp, PyResult, Vm};
use crate::types::module::Module;
use crate::types::str::Str;
use crate::types::tuple::Tuple;

fn two<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(&'a Value, &'a Value)> {
    let v = args.range(vm, name, 2, 2)?;
    Ok((&v[0], &v[1]))
}

fn one<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    args.one(vm, &format!("_operator.{name}"))
}

macro_rules! binary {
    ($($fn_name:ident = $py:literal, $op:ident;)*) => {
        $(
            fn $fn_name(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
                let (a, b) = two(vm, &args, $py)?;
                vm.binary_op(a, b, BinOp::$op)
            }
        )*
    };
}

macro_rules! inplace {
    ($($fn_name:ident = $py:literal, $op:ident;)*) => {
        $(
            fn $fn_name(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
                let (a, b) = two(vm, &args, $py)?;
                vm.inplace_op(a, b, BinOp::$op)
            }
        )*
    };
}

macro_rules! compare {
    ($($fn_name:ident = $py:literal, $op:ident;)*) => {
        $(
            fn $fn_name(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
                let (a, b) = two(vm, &args, $py)?;
                vm.rich_compare(a, b, CompareOp::$op)
            }
        )*
    };
}

binary! {
    op_add = "add", Add;
    op_sub = "sub", Sub;
    op_mul = "mul", Mul;
    op_matmul = "matmul", MatMul;
    op_truediv = "truediv", TrueDiv;
    op_floordiv = "floordiv", FloorDiv;
    op_mod = "mod", Rem;
    op_pow = "pow", Pow;
    op_lshift = "lshift", LShift;
    op_rshift = "rshift", RShift;
    op_and = "and_", And;
    op_or = "or_", Or;
    op_xor = "xor", Xor;
}

inplace! {
    op_iadd = "iadd", Add;
    op_isub = "isub", Sub;
    op_imul = "imul", Mul;
    op_imatmul = "imatmul", MatMul;
    op_itruediv = "itruediv", TrueDiv;
    op_ifloordiv = "ifloordiv", FloorDiv;
    op_imod = "imod", Rem;
    op_ipow = "ipow", Pow;
    op_ilshift = "ilshift", LShift;
    op_irshift = "irshift", RShift;
    op_iand = "iand", And;
    op_ior = "ior", Or;
    op_ixor = "ixor", Xor;
}

compare! {
    op_lt = "lt", Lt;
    op_le = "le", Le;
    op_eq = "eq", Eq;
    op_ne = "ne", Ne;
    op_gt = "gt", Gt;
    op_ge = "ge", Ge;
}

fn op_neg(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    vm.neg(one(vm, &args, "neg")?)
}

fn op_pos(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    vm.pos(one(vm, &args, "pos")?)
}

fn op_abs(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    vm.abs(one(vm, &args, "abs")?)
}

fn op_inv(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    vm.invert(one(vm, &args, "inv")?)
}

fn op_invert(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    vm.invert(one(vm, &args, "invert")?)
}

fn op_not(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(vm.not(one(vm, &args, "not_")?)?))
}

fn op_truth(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(vm.is_true(one(vm, &args, "truth")?)?))
}

fn op_index(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = one(vm, &args, "index")?;
    match vm.try_index(v)? {
        Some(b) => Ok(vm.new_int(b.into_owned())),
        None => Err(vm.new_type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
    }
}

fn op_is(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, b) = two(vm, &args, "is_")?;
    Ok(Value::Bool(a.is(b)))
}

fn op_is_not(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, b) = two(vm, &args, "is_not")?;
    Ok(Value::Bool(!a.is(b)))
}

fn op_is_none(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(one(vm, &args, "is_none")?.is_none()))
}

fn op_is_not_none(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(!one(vm, &args, "is_not_none")?.is_none()))
}

/// `PySequence_Check`: a `__getitem__` that is not a dict's.
fn is_sequence(vm: &Vm, v: &Value) -> bool {
    v.class(vm).slots.getitem.get().is_some() && v.downcast::<crate::types::dict::Dict>().is_none()
}

fn check_concat(vm: &Vm, a: &Value) -> PyResult<()> {
    if is_sequence(vm, a) {
        Ok(())
    } else {
        Err(vm.new_type_error(format!(
            "'{}' object can't be concatenated",
            vm.type_name(a)
        )))
    }
}

fn op_concat(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, b) = two(vm, &args, "concat")?;
    check_concat(vm, a)?;
    vm.binary_op(a, b, BinOp::Add)
}

fn op_iconcat(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, b) = two(vm, &args, "iconcat")?;
    check_concat(vm, a)?;
    vm.inplace_op(a, b, BinOp::Add)
}

fn op_contains(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, b) = two(vm, &args, "contains")?;
    Ok(Value::Bool(vm.contains(a, b)?))
}

fn op_count_of(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, b) = two(vm, &args, "countOf")?;
    let mut n = 0i64;
    vm.for_each(a, |x| {
        if vm.eq_bool(&x, b)? {
            n += 1;
        }
        Ok(())
    })?;
    Ok(Value::Int(n))
}

fn op_index_of(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, b) = two(vm, &args, "indexOf")?;
    let it = vm.iter(a)?;
    let mut i = 0i64;
    while let Some(x) = vm.next(&it)? {
        if vm.eq_bool(&x, b)? {
            return Ok(Value::Int(i));
        }
        i += 1;
    }
    Err(vm.new_value_error("sequence.index(x): x not in sequence"))
}

fn op_getitem(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, b) = two(vm, &args, "getitem")?;
    vm.getitem(a, b)
}

fn op_setitem(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.range(vm, "setitem", 3, 3)?;
    vm.setitem(&v[0], &v[1], v[2].clone())?;
    Ok(Value::None)
}

fn op_delitem(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, b) = two(vm, &args, "delitem")?;
    vm.delitem(a, b)?;
    Ok(Value::None)
}

/// `operator.length_hint(obj, default=0)`: `len()`, then `__length_hint__`, then default.
fn op_length_hint(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.range(vm, "length_hint", 1, 2)?;
    let obj = &v[0];
    let default = match v.get(1) {
        Some(d) => {
            if crate::types::int::as_int(d).is_none() {
                return Err(vm.new_type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(d)
                )));
            }
            vm.index_value(d)?
        }
        None => 0,
    };
    if obj.class(vm).slots.len.get().is_some() {
        match vm.len(obj) {
            Ok(n) => return Ok(Value::Int(n as i64)),
            Err(e) if e.matches(&vm.exc.type_error) => {}
            Err(e) => return Err(e),
        }
    }
    let hint =
        crate::runtime::slot_dispatch::call_special(vm, obj, &vm.intern("__length_hint__"), &[])?;
    let Some(hint) = hint else {
        return Ok(Value::Int(default));
    };
    if vm.is_not_implemented(&hint) {
        return Ok(Value::Int(default));
    }
    if crate::types::int::as_int(&hint).is_none() {
        return Err(vm.new_type_error(format!(
            "__length_hint__ must be an integer, not {}",
            vm.type_name(&hint)
        )));
    }
    let n = vm.index_value(&hint)?;
    if n < 0 {
        return Err(vm.new_value_error("__length_hint__() should return >= 0"));
    }
    Ok(Value::Int(n))
}

fn op_call(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let Some((f, rest)) = args.split_self() else {
        return Err(vm.new_type_error("call() missing 1 required positional argument: 'obj'"));
    };
    vm.call(f, rest)
}

// ---- itemgetter / attrgetter / methodcaller ------------------------------------------------

/// `operator.itemgetter(*items)`.
pub struct ItemGetter {
    items: Vec<Value>,
}

crate::payload!(ItemGetter, gc);

impl ItemGetter {
    /// Cycle collector: the keys (immutable: a cycle through a getter is broken where it
    /// runs through something mutable).
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        visit.values(&self.items);
    }

    fn gc_clear(&self) {}
}

/// `operator.attrgetter(*attrs)`: each attribute as its dotted path.
pub struct AttrGetter {
    paths: Vec<Vec<Py<Str>>>,
    names: Vec<Value>,
}

crate::payload!(AttrGetter, gc);

impl AttrGetter {
    /// Cycle collector: the attribute names as given.
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        visit.values(&self.names);
    }

    fn gc_clear(&self) {}
}

/// `operator.methodcaller(name, /, *args, **kwargs)`.
pub struct MethodCaller {
    name: Py<Str>,
    /// Positional values followed by keyword values.
    values: Vec<Value>,
    kwnames: Option<Py<Tuple>>,
}

crate::payload!(MethodCaller, gc);

impl MethodCaller {
    /// Cycle collector: the arguments.
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        visit.values(&self.values);
    }

    fn gc_clear(&self) {}
}

fn itemgetter_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    args.no_kwargs(vm, "itemgetter")?;
    if args.npos() == 0 {
        return Err(vm.new_type_error("itemgetter expected 1 argument, got 0"));
    }
    vm.alloc_instance(
        cls,
        ItemGetter {
            items: args.pos().to_vec(),
        },
    )
}

fn itemgetter_call(vm: &Vm, this: &Value, args: Args<'_>) -> PyResult<Value> {
    let g = this
        .downcast::<ItemGetter>()
        .ok_or_else(|| vm.new_type_error("expected itemgetter"))?;
    args.no_kwargs(vm, "itemgetter")?;
    let obj = args.range(vm, "itemgetter", 1, 1)?;
    if let [item] = g.items.as_slice() {
        return vm.getitem(&obj[0], item);
    }
    let mut out = Vec::with_capacity(g.items.len());
    for item in &g.items {
        out.push(vm.getitem(&obj[0], item)?);
    }
    Ok(vm.new_tuple(out).into())
}

fn repr_args(vm: &Vm, name: &str, parts: Vec<String>) -> Value {
    vm.new_str(&format!("operator.{name}({})", parts.join(", ")))
        .into()
}

fn itemgetter_repr(vm: &Vm, this: &Value) -> PyResult<Value> {
    let g = this
        .downcast::<ItemGetter>()
        .ok_or_else(|| vm.new_type_error("expected itemgetter"))?;
    let Some(_guard) = vm.repr_enter(this) else {
        return Ok(vm.new_str("operator.itemgetter(...)").into());
    };
    let mut parts = Vec::new();
    for i in &g.items {
        parts.push(vm.repr(i)?.to_lossy().into_owned());
    }
    Ok(repr_args(vm, "itemgetter", parts))
}

fn itemgetter_reduce(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (g, _) = vm.method_self::<ItemGetter>(args, "__reduce__", "operator.itemgetter")?;
    let this = &args.values()[0];
    Ok(vm
        .new_tuple(vec![
            this.class(vm).clone().into(),
            vm.new_tuple(g.items.clone()).into(),
        ])
        .into())
}

fn attrgetter_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    args.no_kwargs(vm, "attrgetter")?;
    if args.npos() == 0 {
        return Err(vm.new_type_error("attrgetter expected 1 argument, got 0"));
    }
    let mut paths = Vec::with_capacity(args.npos());
    for a in args.pos() {
        let Some(s) = a.downcast::<Str>() else {
            return Err(vm.new_type_error("attribute name must be a string"));
        };
        let text = s.to_lossy();
        paths.push(text.split('.').map(|p| vm.intern(p)).collect());
    }
    vm.alloc_instance(
        cls,
        AttrGetter {
            paths,
            names: args.pos().to_vec(),
        },
    )
}

fn attrgetter_call(vm: &Vm, this: &Value, args: Args<'_>) -> PyResult<Value> {
    let g = this
        .downcast::<AttrGetter>()
        .ok_or_else(|| vm.new_type_error("expected attrgetter"))?;
    args.no_kwargs(vm, "attrgetter")?;
    let obj = &args.range(vm, "attrgetter", 1, 1)?[0];
    let resolve = |path: &[Py<Str>]| -> PyResult<Value> {
        let mut cur = obj.clone();
        for name in path {
            cur = vm.getattr(&cur, name)?;
        }
        Ok(cur)
    };
    if let [path] = g.paths.as_slice() {
        return resolve(path);
    }
    let mut out = Vec::with_capacity(g.paths.len());
    for p in &g.paths {
        out.push(resolve(p)?);
    }
    Ok(vm.new_tuple(out).into())
}

fn attrgetter_repr(vm: &Vm, this: &Value) -> PyResult<Value> {
    let g = this
        .downcast::<AttrGetter>()
        .ok_or_else(|| vm.new_type_error("expected attrgetter"))?;
    let mut parts = Vec::new();
    for n in &g.names {
        parts.push(vm.repr(n)?.to_lossy().into_owned());
    }
    Ok(repr_args(vm, "attrgetter", parts))
}

fn attrgetter_reduce(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (g, _) = vm.method_self::<AttrGetter>(args, "__reduce__", "operator.attrgetter")?;
    let this = &args.values()[0];
    Ok(vm
        .new_tuple(vec![
            this.class(vm).clone().into(),
            vm.new_tuple(g.names.clone()).into(),
        ])
        .into())
}

fn methodcaller_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    let Some((name, rest)) = args.split_self() else {
        return Err(vm.new_type_error("methodcaller needs at least one argument, the method name"));
    };
    let Some(name) = name.downcast::<Str>() else {
        return Err(vm.new_type_error("method name must be a string"));
    };
    vm.alloc_instance(
        cls,
        MethodCaller {
            name: vm.intern_str(name),
            values: rest.values().to_vec(),
            kwnames: rest.kwnames().cloned(),
        },
    )
}

fn methodcaller_call(vm: &Vm, this: &Value, args: Args<'_>) -> PyResult<Value> {
    let c = this
        .downcast::<MethodCaller>()
        .ok_or_else(|| vm.new_type_error("expected methodcaller"))?;
    args.no_kwargs(vm, "methodcaller")?;
    let obj = &args.range(vm, "methodcaller", 1, 1)?[0];
    let method = vm.getattr(obj, &c.name)?;
    vm.call(&method, Args::new(&c.values, c.kwnames.as_ref()))
}

fn methodcaller_repr(vm: &Vm, this: &Value) -> PyResult<Value> {
    let c = this
        .downcast::<MethodCaller>()
        .ok_or_else(|| vm.new_type_error("expected methodcaller"))?;
    let Some(_guard) = vm.repr_enter(this) else {
        return Ok(vm.new_str("operator.methodcaller(...)").into());
    };
    let mut parts = vec![vm.repr(&c.name.clone().into())?.to_lossy().into_owned()];
    let args = Args::new(&c.values, c.kwnames.as_ref());
    for v in args.pos() {
        parts.push(vm.repr(v)?.to_lossy().into_owned());
    }
    for (k, v) in args.kwargs() {
        parts.push(format!("{}={}", k.to_lossy(), vm.repr(v)?.to_lossy()));
    }
    Ok(repr_args(vm, "methodcaller", parts))
}

fn new_getter_type<T: crate::object::PyPayload>(
    vm: &Vm,
    name: &'static str,
    new: crate::object::slots::NewFn,
    call: crate::object::slots::CallFn,
    repr: crate::object::slots::UnaryFn,
) -> Py<Type> {
    let t = crate::stdlib::typedef::new_type::<T>(vm, name, "operator", None, false);
    t.slots.new.set(Some(new));
    t.slots.call.set(Some(call));
    t.slots.repr.set(Some(repr));
    t
}

/// Builds `operator`.
pub fn init(vm: &Vm) -> PyResult<Py<Module>> {
    let m = vm.new_module("operator");
    let funcs: &[(
        &'static str,
        Option<&'static str>,
        crate::types::function::NativeFn,
    )] = &[
        ("abs", Some("__abs__"), op_abs),
        ("add", Some("__add__"), op_add),
        ("and_", Some("__and__"), op_and),
        ("call", Some("__call__"), op_call),
        ("concat", Some("__concat__"), op_concat),
        ("contains", Some("__contains__"), op_contains),
        ("countOf", None, op_count_of),
        ("delitem", Some("__delitem__"), op_delitem),
        ("eq", Some("__eq__"), op_eq),
        ("floordiv", Some("__floordiv__"), op_floordiv),
        ("ge", Some("__ge__"), op_ge),
        ("getitem", Some("__getitem__"), op_getitem),
        ("gt", Some("__gt__"), op_gt),
        ("iadd", Some("__iadd__"), op_iadd),
        ("iand", Some("__iand__"), op_iand),
        ("iconcat", Some("__iconcat__"), op_iconcat),
        ("ifloordiv", Some("__ifloordiv__"), op_ifloordiv),
        ("ilshift", Some("__ilshift__"), op_ilshift),
        ("imatmul", Some("__imatmul__"), op_imatmul),
        ("imod", Some("__imod__"), op_imod),
        ("imul", Some("__imul__"), op_imul),
        ("index", Some("__index__"), op_index),
        ("indexOf", None, op_index_of),
        ("inv", Some("__inv__"), op_inv),
        ("invert", Some("__invert__"), op_invert),
        ("ior", Some("__ior__"), op_ior),
        ("ipow", Some("__ipow__"), op_ipow),
        ("irshift", Some("__irshift__"), op_irshift),
        ("is_", None, op_is),
        ("is_none", None, op_is_none),
        ("is_not", None, op_is_not),
        ("is_not_none", None, op_is_not_none),
        ("isub", Some("__isub__"), op_isub),
        ("itruediv", Some("__itruediv__"), op_itruediv),
        ("ixor", Some("__ixor__"), op_ixor),
        ("le", Some("__le__"), op_le),
        ("length_hint", None, op_length_hint),
        ("lshift", Some("__lshift__"), op_lshift),
        ("lt", Some("__lt__"), op_lt),
        ("matmul", Some("__matmul__"), op_matmul),
        ("mod", Some("__mod__"), op_mod),
        ("mul", Some("__mul__"), op_mul),
        ("ne", Some("__ne__"), op_ne),
        ("neg", Some("__neg__"), op_neg),
        ("not_", Some("__not__"), op_not),
        ("or_", Some("__or__"), op_or),
        ("pos", Some("__pos__"), op_pos),
        ("pow", Some("__pow__"), op_pow),
        ("rshift", Some("__rshift__"), op_rshift),
        ("setitem", Some("__setitem__"), op_setitem),
        ("sub", Some("__sub__"), op_sub),
        ("truediv", Some("__truediv__"), op_truediv),
        ("truth", None, op_truth),
        ("xor", Some("__xor__"), op_xor),
    ];
    let d = m.dict();
    for &(name, alias, f) in funcs {
        vm.add_function(&m, name, f);
        if let Some(alias) = alias
            && let Some(fv) = d.get_str(&vm.intern(name))
        {
            d.set_str(&vm.intern(alias), fv);
        }
    }
    let abs = vm
        .builtins_dict()
        .get_str(&vm.intern("abs"))
        .unwrap_or(Value::None);
    d.set_str(&vm.intern("_abs"), abs);
    let ig = new_getter_type::<ItemGetter>(
        vm,
        "itemgetter",
        itemgetter_new,
        itemgetter_call,
        itemgetter_repr,
    );
    vm.add_methods(&ig, &[("__reduce__", itemgetter_reduce)]);
    let ag = new_getter_type::<AttrGetter>(
        vm,
        "attrgetter",
        attrgetter_new,
        attrgetter_call,
        attrgetter_repr,
    );
    vm.add_methods(&ag, &[("__reduce__", attrgetter_reduce)]);
    let mc = new_getter_type::<MethodCaller>(
        vm,
        "methodcaller",
        methodcaller_new,
        methodcaller_call,
        methodcaller_repr,
    );
    for t in [ig, ag, mc] {
        crate::stdlib::typedef::finish_type(vm, &t);
        d.set_str(&vm.intern(t.name().as_ref()), t.into());
    }
    Ok(m)
}
