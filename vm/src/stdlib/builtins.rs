//! The `builtins` module: the builtin types and exceptions, and the builtin functions the
//! core provides (printing, conversions, introspection, iteration helpers, `exec`/`eval`,
//! `__import__`, `__build_class__`).

use crate::object::{Py, PyCell, Type, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::types::dict::Dict;
use crate::types::function::NativeFn;
use crate::types::generator::next_declined;
use crate::types::str::Str;
use crate::types::tuple::Tuple;

/// `types.SimpleNamespace` instances: an attribute dict.
#[derive(Default)]
pub struct Namespace {
    dict: PyCell<Option<Py<Dict>>>,
}

crate::payload!(Namespace, gc);

impl Namespace {
    /// Cycle collector: the attribute dict.
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        self.dict.with(|d| visit.opt(d));
    }

    fn gc_clear(&self) {
        drop(self.dict.replace(None));
    }
}

/// A `SimpleNamespace` with the given attributes.
pub fn new_namespace(vm: &Vm, fields: &[(&str, Value)]) -> Value {
    let d = vm.new_dict();
    for (k, v) in fields {
        d.set_str(&vm.intern(k), v.clone());
    }
    crate::object::core::alloc(
        &vm.types.simple_namespace,
        Namespace {
            dict: PyCell::new(Some(d)),
        },
    )
    .into()
}

/// A named tuple-like record (CPython's struct sequences: `sys.version_info`): a tuple
/// subclass whose fields are also attributes.
pub fn new_named_record(vm: &Vm, name: &str, fields: &[(&str, Value)]) -> PyResult<Value> {
    let (module, short) = name.rsplit_once('.').unwrap_or(("builtins", name));
    let ns = vm.new_dict();
    let names: Vec<Value> = fields.iter().map(|(n, _)| vm.intern(n).into()).collect();
    ns.set_str(&vm.intern("_fields"), vm.new_tuple(names).into());
    ns.set_str(&vm.names.__module__, vm.new_str(module).into());
    ns.set_str(&vm.names.__slots__, vm.empty_tuple.clone().into());
    let ty = crate::runtime::class::type_new(
        vm,
        &vm.types.type_,
        &vm.new_str(short),
        &[vm.types.tuple.clone().into()],
        &ns,
        &[],
    )?;
    ty.slots.getattro.set(Some(record_getattro));
    ty.slots.repr.set(Some(record_repr));
    let values: Vec<Value> = fields.iter().map(|(_, v)| v.clone()).collect();
    vm.alloc_instance(&ty, Tuple::new(values))
}

fn record_getattro(vm: &Vm, v: &Value, name: &Py<Str>) -> PyResult<Value> {
    if let (Some(t), Some(fields)) = (
        v.downcast::<Tuple>(),
        v.class(vm).dict().get_rust_str("_fields"),
    ) && let Some(f) = fields.downcast::<Tuple>()
        && let Some(i) = f.as_slice().iter().position(|n| {
            n.downcast::<Str>()
                .is_some_and(|s| s.as_bytes() == name.as_bytes())
        })
        && let Some(x) = t.get(i)
    {
        return Ok(x.clone());
    }
    crate::runtime::attr::generic_getattr(vm, v, name)
}

fn record_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let t = v
        .downcast::<Tuple>()
        .ok_or_else(|| vm.new_type_error("expected a record"))?;
    let cls = v.class(vm);
    let fields = cls.dict().get_rust_str("_fields");
    let names: Vec<Value> = fields
        .and_then(|f| f.downcast::<Tuple>().map(|t| t.as_slice().to_vec()))
        .unwrap_or_default();
    let module = vm.type_module_name(cls).unwrap_or_default();
    let mut parts = Vec::new();
    for (n, x) in names.iter().zip(t.as_slice()) {
        parts.push(format!(
            "{}={}",
            vm.str(n)?.to_lossy(),
            vm.repr(x)?.to_lossy()
        ));
    }
    Ok(vm
        .new_str(&format!("{module}.{}({})", cls.name(), parts.join(", ")))
        .into())
}

fn namespace_dictptr(v: &Value) -> Option<&PyCell<Option<Py<Dict>>>> {
    v.downcast::<Namespace>().map(|n| &n.dict)
}

fn namespace_new(vm: &Vm, cls: &Py<Type>, _args: Args<'_>) -> PyResult<Value> {
    vm.alloc_instance(cls, Namespace::default())
}

fn namespace_init(vm: &Vm, v: &Value, args: Args<'_>) -> PyResult<()> {
    let vals = args.pos();
    if vals.len() > 1 {
        return Err(vm.new_type_error(format!(
            "SimpleNamespace expected at most 1 positional argument, got {}",
            vals.len()
        )));
    }
    let d = vm
        .instance_dict(v)
        .ok_or_else(|| vm.new_type_error("no namespace dict"))?;
    if let Some(m) = vals.first() {
        crate::types::dict_type::dict_merge(vm, &d, m)?;
    }
    for (k, x) in args.kwargs() {
        d.set_item(vm, Value::from(k), x.clone())?;
    }
    Ok(())
}

fn namespace_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let name = if v.class(vm).is(&vm.types.simple_namespace) {
        "namespace".to_string()
    } else {
        v.class(vm).name().to_string()
    };
    let Some(_g) = vm.repr_enter(v) else {
        return Ok(vm.new_str(&format!("{name}(...)")).into());
    };
    let d = vm.instance_dict(v).unwrap_or_else(|| vm.new_dict());
    let mut parts = Vec::new();
    for (k, x) in d.items() {
        if let Some(s) = k.downcast::<Str>() {
            parts.push(format!("{}={}", s.to_lossy(), vm.repr(&x)?.to_lossy()));
        }
    }
    Ok(vm.new_str(&format!("{name}({})", parts.join(", "))).into())
}

fn namespace_richcompare(
    vm: &Vm,
    a: &Value,
    b: &Value,
    op: crate::object::CompareOp,
) -> PyResult<Value> {
    if a.downcast::<Namespace>().is_none() || b.downcast::<Namespace>().is_none() {
        return Ok(vm.not_implemented());
    }
    let (Some(x), Some(y)) = (vm.instance_dict(a), vm.instance_dict(b)) else {
        return Ok(vm.not_implemented());
    };
    vm.rich_compare(&x.into(), &y.into(), op)
}

// --- functions -------------------------------------------------------------------------------

fn b_print(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let mut sep: Option<Value> = None;
    let mut end: Option<Value> = None;
    let mut file: Option<Value> = None;
    let mut flush = false;
    for (k, v) in args.kwargs() {
        match k.as_bytes() {
            b"sep" => sep = Some(v.clone()),
            b"end" => end = Some(v.clone()),
            b"file" => file = Some(v.clone()),
            b"flush" => flush = vm.is_true(v)?,
            _ => {
                return Err(vm.new_type_error(format!(
                    "print() got an unexpected keyword argument '{}'",
                    k.to_lossy()
                )));
            }
        }
    }
    let text_of = |v: Option<Value>, what: &str, default: &str| -> PyResult<Py<Str>> {
        match v {
            None | Some(Value::None) => Ok(vm.new_str(default)),
            Some(x) => match x.downcast::<Str>() {
                Some(s) => Ok(s.clone()),
                None => Err(vm.new_type_error(format!(
                    "{what} must be None or a string, not {}",
                    vm.type_name(&x)
                ))),
            },
        }
    };
    let sep = text_of(sep, "sep", " ")?;
    let end = text_of(end, "end", "\n")?;
    let file = match file {
        Some(Value::None) | None => vm
            .sys
            .dict()
            .get_str(&vm.names.stdout)
            .unwrap_or(Value::None),
        Some(f) => f,
    };
    if file.is_none() {
        return Ok(Value::None);
    }
    super::io::print_to(vm, &file, args.pos(), &sep, &end, flush)?;
    Ok(Value::None)
}

fn b_len(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.one(vm, "len")?;
    Ok(Value::Int(vm.len(v)? as i64))
}

fn b_repr(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.one(vm, "repr")?;
    Ok(vm.repr(v)?.into())
}

fn b_ascii(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.one(vm, "ascii")?;
    Ok(vm.ascii(v)?.into())
}

fn b_isinstance(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "isinstance", 2, 2)?;
    Ok(Value::Bool(vm.isinstance(&vals[0], &vals[1])?))
}

fn b_issubclass(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "issubclass", 2, 2)?;
    Ok(Value::Bool(vm.issubclass(&vals[0], &vals[1])?))
}

fn b_iter(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "iter", 1, 2)?;
    match vals {
        [v] => vm.iter(v),
        [f, sentinel] => {
            if f.class(vm).slots.call.get().is_none() {
                return Err(vm.new_type_error("iter(v, w): v must be callable"));
            }
            Ok(vm.new_call_iter(f.clone(), sentinel.clone()))
        }
        _ => Err(vm.new_type_error("iter expected at least 1 argument, got 0")),
    }
}

/// `f` is the builtin `next` (whose `CALL` on a generator resumes it inside the eval loop,
/// `exec::genframe::call_next`).
pub(crate) fn is_next(f: crate::types::function::NativeFn) -> bool {
    f as usize == b_next as crate::types::function::NativeFn as usize
}

fn b_next(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "next", 1, 2)?;
    let it = &vals[0];
    if it.class(vm).slots.iternext.get().is_none() {
        return Err(vm.new_type_error(format!("'{}' object is not an iterator", vm.type_name(it))));
    }
    match (vm.next_raw(it), vals.get(1)) {
        (Ok(Some(v)), _) => Ok(v),
        (Ok(None), None) => Err(vm.new_stop_iteration(Value::None)),
        (Err(e), Some(d)) if e.matches(&vm.exc.stop_iteration) => Ok(d.clone()),
        (Ok(None), Some(d)) => Ok(d.clone()),
        (Err(e), _) => Err(e),
    }
}

fn b_abs(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.one(vm, "abs")?;
    vm.abs(v)
}

fn min_max(vm: &Vm, args: Args<'_>, name: &str, want: crate::object::CompareOp) -> PyResult<Value> {
    // Two immediate ints or floats and no keywords (the clamps `max(0, min(255, x))`):
    // compared inline, before the keyword scan. The first of equal items wins, as below.
    if args.kwnames().is_none() {
        match args.values() {
            [Value::Int(a), Value::Int(b)] => {
                return Ok(Value::Int(if want.test(b.cmp(a)) { *b } else { *a }));
            }
            [a @ Value::Float(x), b @ Value::Float(y)] => {
                let second = y.partial_cmp(x).is_some_and(|o| want.test(o));
                return Ok(if second { b.clone() } else { a.clone() });
            }
            _ => {}
        }
    }
    let [key, default] = {
        let mut key = None;
        let mut default = None;
        for (k, v) in args.kwargs() {
            match k.as_bytes() {
                b"key" => key = Some(v.clone()),
                b"default" => default = Some(v.clone()),
                _ => {
                    return Err(vm.new_type_error(format!(
                        "{name}() got an unexpected keyword argument '{}'",
                        k.to_lossy()
                    )));
                }
            }
        }
        [key, default]
    };
    let pos = args.pos();
    let collected;
    let items: &[Value] = match pos.len() {
        0 => {
            return Err(vm.new_type_error(format!("{name} expected at least 1 argument, got 0")));
        }
        1 => {
            // An exact set or frozenset is read in one pass over its table (not through
            // its iterator).
            let cls = pos[0].class(vm);
            collected = match pos[0].downcast::<crate::types::set::Set>() {
                Some(s) if cls.is(&vm.types.set) || cls.is(&vm.types.frozenset) => {
                    if key.is_none()
                        && let Some(v) = s.int_extreme(matches!(want, crate::object::CompareOp::Lt))
                    {
                        return Ok(v);
                    }
                    s.items()
                }
                _ => vm.collect(&pos[0])?,
            };
            &collected
        }
        _ => {
            if default.is_some() {
                return Err(vm.new_type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            pos
        }
    };
    let key = key.filter(|k| !k.is_none());
    if key.is_none()
        && let Some(v) = int_extreme(items, want)
    {
        return Ok(v);
    }
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = match &key {
            Some(f) => vm.call_pos(f, std::slice::from_ref(item))?,
            None => item.clone(),
        };
        let better = match &best {
            None => true,
            Some((bk, _)) => match (&k, bk) {
                // Immediate ints and floats compare inline (the common `max(a, b)`).
                (Value::Int(a), Value::Int(b)) => want.test(a.cmp(b)),
                (Value::Float(a), Value::Float(b)) => match a.partial_cmp(b) {
                    Some(o) => want.test(o),
                    None => false,
                },
                _ => {
                    let r = vm.rich_compare(&k, bk, want)?;
                    vm.is_true(&r)?
                }
            },
        };
        if better {
            best = Some((k, item.clone()));
        }
    }
    match best {
        Some((_, v)) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => Err(vm.new_value_error(format!("{name}() iterable argument is empty"))),
        },
    }
}

/// The first smallest (`Lt`) or largest (`Gt`) of `items` when all are immediate ints (no
/// comparison can run code): one tight pass instead of a comparison dispatch per item
/// (meteor_contest's `min(frozenset)`). `None` when empty or when any item is not.
fn int_extreme(items: &[Value], want: crate::object::CompareOp) -> Option<Value> {
    let (first, rest) = items.split_first()?;
    let Value::Int(mut best) = *first else {
        return None;
    };
    let lt = matches!(want, crate::object::CompareOp::Lt);
    for item in rest {
        let Value::Int(i) = *item else {
            return None;
        };
        if (i < best && lt) || (i > best && !lt) {
            best = i;
        }
    }
    Some(Value::Int(best))
}

fn b_min(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    min_max(vm, args, "min", crate::object::CompareOp::Lt)
}

fn b_max(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    min_max(vm, args, "max", crate::object::CompareOp::Gt)
}

fn b_sum(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [iterable, start] = args.bind(vm, "sum", ["iterable", "start"], 1, 1)?;
    let acc = start.cloned().unwrap_or(Value::Int(0));
    if acc.downcast::<Str>().is_some() {
        return Err(vm.new_type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if acc.downcast::<crate::types::bytes::Bytes>().is_some() {
        return Err(vm.new_type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
    }
    if acc.downcast::<crate::types::bytes::ByteArray>().is_some() {
        return Err(vm.new_type_error("sum() can't sum bytearray [use b''.join(seq) instead]"));
    }
    let it = vm.iter(iterable.unwrap_or(&Value::None))?;
    let mut sum = Sum { acc, fsum: None };
    loop {
        // Ints and floats are added in the fast path (inside the eval loop when `it` is a
        // generator); anything else comes back here.
        let next = next_declined(vm, &it, &mut |x| sum.add_number(x))?;
        let Some(x) = next else { break };
        if let Some((s, c)) = sum.fsum.take() {
            sum.acc = vm.new_float(s + c);
        }
        sum.acc = vm.binary_op(&sum.acc, &x, crate::runtime::BinOp::Add)?;
    }
    if let Some((s, c)) = sum.fsum {
        let r = s + c;
        sum.acc = vm.new_float(if c.is_finite() { r } else { s });
    }
    Ok(sum.acc)
}

/// `sum()`'s running total. Floats are summed with Neumaier compensation, as CPython 3.12+
/// does (`fsum` holds the sum and the compensation while the total is a float).
struct Sum {
    acc: Value,
    fsum: Option<(f64, f64)>,
}

impl Sum {
    /// Adds an int or float without running Python code; anything else is handed back.
    fn add_number(&mut self, x: Value) -> Result<(), Value> {
        let b = match (&self.acc, &x) {
            (Value::Float(_), Value::Float(b)) => *b,
            (Value::Float(_), Value::Int(i)) => *i as f64,
            (Value::Int(a), Value::Int(b)) => {
                return match a.checked_add(*b) {
                    Some(t) => {
                        self.acc = Value::Int(t);
                        Ok(())
                    }
                    None => Err(x),
                };
            }
            _ => return Err(x),
        };
        let a = if let Value::Float(a) = self.acc {
            a
        } else {
            0.0
        };
        let (s, c) = self.fsum.get_or_insert((a, 0.0));
        let t = *s + b;
        if s.abs() >= b.abs() {
            *c += (*s - t) + b;
        } else {
            *c += (b - t) + *s;
        }
        *s = t;
        self.acc = Value::Float(t);
        Ok(())
    }
}

fn b_sorted(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    if pos.len() != 1 {
        return Err(vm.new_type_error(format!("sorted expected 1 argument, got {}", pos.len())));
    }
    let items = vm.collect(&pos[0])?;
    let l = vm.new_list(items);
    let kw: Vec<Value> = args.kwargs().map(|(_, v)| v.clone()).collect();
    let mut call_args = vec![Value::from(&l)];
    call_args.extend(kw);
    let sort = vm.getattr_str(&Value::from(&l), "sort")?;
    let names = args.kwnames();
    let _ = sort;
    let f = vm
        .types
        .list
        .dict()
        .get_rust_str("sort")
        .unwrap_or(Value::None);
    vm.call(&f, Args::new(&call_args, names))?;
    Ok(l.into())
}

fn b_any(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.one(vm, "any")?;
    let it = vm.iter(v)?;
    // False immediates are skipped in the fast path (inside the eval loop for a generator).
    loop {
        let next = next_declined(vm, &it, &mut |x| match immediate_truth(&x) {
            Some(false) => Ok(()),
            _ => Err(x),
        })?;
        let Some(x) = next else { break };
        if vm.is_true(&x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn b_all(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.one(vm, "all")?;
    let it = vm.iter(v)?;
    loop {
        let next = next_declined(vm, &it, &mut |x| match immediate_truth(&x) {
            Some(true) => Ok(()),
            _ => Err(x),
        })?;
        let Some(x) = next else { break };
        if !vm.is_true(&x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// The truth of a value that needs no `__bool__`/`__len__` call.
fn immediate_truth(x: &Value) -> Option<bool> {
    match x {
        Value::None => Some(false),
        Value::Bool(b) => Some(*b),
        Value::Int(i) => Some(*i != 0),
        Value::Float(f) => Some(*f != 0.0),
        Value::Null | Value::Obj(_) => None,
    }
}

fn b_hash(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.one(vm, "hash")?;
    Ok(Value::Int(vm.hash(v)?))
}

fn b_id(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.one(vm, "id")?;
    Ok(Value::Int(v.id()))
}

fn int_text(vm: &Vm, v: &Value, radix: u32, prefix: &str) -> PyResult<Value> {
    let Some(i) = vm.try_index(v)? else {
        return Err(vm.new_type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        )));
    };
    let neg = num_traits::Signed::is_negative(&*i);
    let digits = i.magnitude().to_str_radix(radix);
    Ok(vm
        .new_str(&format!("{}{prefix}{digits}", if neg { "-" } else { "" }))
        .into())
}

fn b_bin(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    int_text(vm, args.one(vm, "bin")?, 2, "0b")
}

fn b_oct(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    int_text(vm, args.one(vm, "oct")?, 8, "0o")
}

fn b_hex(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    int_text(vm, args.one(vm, "hex")?, 16, "0x")
}

fn b_chr(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.one(vm, "chr")?;
    let i = match vm.try_index(v)? {
        Some(i) => num_traits::ToPrimitive::to_i64(&*i),
        None => {
            return Err(vm.new_type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(v)
            )));
        }
    };
    match i {
        Some(n) if (0..=0x10ffff).contains(&n) => Ok(vm.char_str(n as u32).into()),
        Some(_) => Err(vm.new_value_error("chr() arg not in range(0x110000)")),
        None => Err(vm.new_overflow_error("Python int too large to convert to C int")),
    }
}

fn b_ord(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.one(vm, "ord")?;
    if let Some(s) = v.downcast::<Str>() {
        if s.char_len() != 1 {
            return Err(vm.new_type_error(format!(
                "ord() expected a character, but string of length {} found",
                s.char_len()
            )));
        }
        return Ok(Value::Int(i64::from(s.char_at(0))));
    }
    if let Ok(b) = vm.bytes_like(v) {
        if b.len() != 1 {
            return Err(vm.new_type_error(format!(
                "ord() expected a character, but string of length {} found",
                b.len()
            )));
        }
        return Ok(Value::Int(i64::from(b[0])));
    }
    Err(vm.new_type_error(format!(
        "ord() expected string of length 1, but {} found",
        vm.type_name(v)
    )))
}

fn b_round(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [number, ndigits] = args.bind(vm, "round", ["number", "ndigits"], 1, 0)?;
    let number = number.unwrap_or(&Value::None);
    let Some(f) = vm.type_lookup(number.class(vm), &vm.names.__round__) else {
        return Err(vm.new_type_error(format!(
            "type {} doesn't define __round__ method",
            vm.type_name(number)
        )));
    };
    let mut a = vec![number.clone()];
    if let Some(n) = ndigits
        && !n.is_none()
    {
        a.push(n.clone());
    }
    vm.call(&f, Args::positional(&a))
}

fn b_divmod(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "divmod", 2, 2)?;
    let (a, b) = (&vals[0], &vals[1]);
    let ta = a.class(vm);
    let tb = b.class(vm);
    let slotv = ta.slots.divmod.get();
    let slotw = if ta.is(tb) {
        None
    } else {
        tb.slots.divmod.get()
    };
    if let Some(f) = slotv {
        if let Some(g) = slotw
            && tb.is_subtype(ta)
        {
            let r = g(vm, a, b)?;
            if !vm.is_not_implemented(&r) {
                return Ok(r);
            }
        }
        let r = f(vm, a, b)?;
        if !vm.is_not_implemented(&r) {
            return Ok(r);
        }
    }
    if let Some(g) = slotw {
        let r = g(vm, a, b)?;
        if !vm.is_not_implemented(&r) {
            return Ok(r);
        }
    }
    Err(vm.new_unsupported_operands("divmod()", a, b))
}

fn b_pow(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [base, exp, m] = args.bind(vm, "pow", ["base", "exp", "mod"], 2, 0)?;
    let (Some(base), Some(exp)) = (base, exp) else {
        return Err(vm.new_type_error("pow() missing required argument"));
    };
    vm.pow3(base, exp, m.unwrap_or(&Value::None))
}

fn b_callable(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.one(vm, "callable")?;
    Ok(Value::Bool(v.class(vm).slots.call.get().is_some()))
}

fn attr_name<'a>(vm: &Vm, v: &'a Value, what: &str) -> PyResult<&'a Py<Str>> {
    v.downcast::<Str>().ok_or_else(|| {
        vm.new_type_error(format!("{what} must be string, not '{}'", vm.type_name(v)))
    })
}

fn b_getattr(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "getattr", 2, 3)?;
    let name = attr_name(vm, &vals[1], "attribute name")?;
    match vals.get(2) {
        Some(d) => Ok(vm.getattr_opt(&vals[0], name)?.unwrap_or_else(|| d.clone())),
        None => vm.getattr(&vals[0], name),
    }
}

fn b_setattr(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "setattr", 3, 3)?;
    let name = attr_name(vm, &vals[1], "attribute name")?;
    let name = vm.intern_str(name);
    vm.setattr(&vals[0], &name, vals[2].clone())?;
    Ok(Value::None)
}

fn b_delattr(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "delattr", 2, 2)?;
    let name = attr_name(vm, &vals[1], "attribute name")?;
    vm.delattr(&vals[0], name)?;
    Ok(Value::None)
}

fn b_hasattr(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "hasattr", 2, 2)?;
    let name = attr_name(vm, &vals[1], "attribute name")?;
    Ok(Value::Bool(vm.hasattr(&vals[0], name)?))
}

fn b_globals(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "globals")?;
    match vm.current_globals() {
        Some(g) => Ok(g.into()),
        None => Ok(vm.new_dict().into()),
    }
}

fn b_locals(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "locals")?;
    match vm.current_frame() {
        Some(f) => Ok(crate::types::traceback::snapshot_locals(
            vm,
            crate::exec::frame::frame_ref(f),
        )),
        None => Ok(vm.new_dict().into()),
    }
}

fn b_vars(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "vars", 0, 1)?;
    match vals.first() {
        None => b_locals(vm, Args::positional(&[])),
        Some(v) => match vm.getattr_opt(v, &vm.names.__dict__)? {
            Some(d) => Ok(d),
            None => Err(vm.new_type_error("vars() argument must have __dict__ attribute")),
        },
    }
}

fn b_dir(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "dir", 0, 1)?;
    let names = match vals.first() {
        None => {
            let l = b_locals(vm, Args::positional(&[]))?;
            let keys = vm.call_method(&l, &vm.names.keys, &[])?;
            vm.collect(&keys)?
        }
        Some(v) => {
            let r = crate::runtime::slot_dispatch::call_special(vm, v, &vm.names.__dir__, &[])?
                .ok_or_else(|| vm.new_type_error("object does not provide __dir__"))?;
            vm.collect(&r)?
        }
    };
    let l = vm.new_list(names);
    let sort = vm
        .types
        .list
        .dict()
        .get_rust_str("sort")
        .unwrap_or(Value::None);
    vm.call_pos(&sort, &[l.clone().into()])?;
    Ok(l.into())
}

fn b_format(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "format", 1, 2)?;
    let spec = match vals.get(1) {
        Some(s) => s.downcast::<Str>().cloned().ok_or_else(|| {
            vm.new_type_error(format!(
                "format() argument 2 must be str, not {}",
                vm.type_name(s)
            ))
        })?,
        None => vm.names.empty.clone(),
    };
    Ok(vm.format(&vals[0], &spec)?.into())
}

fn b_input(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "input", 0, 1)?;
    if let Some(p) = vals.first() {
        vm.write_stdout(&vm.str(p)?.to_lossy())?;
    }
    vm.flush_std_streams();
    let stdin = vm
        .sys
        .dict()
        .get_str(&vm.names.stdin)
        .unwrap_or(Value::None);
    let line = vm.call_method(&stdin, &vm.names.readline, &[])?;
    let Some(s) = line.downcast::<Str>() else {
        return Err(vm.new_type_error("readline() should return a str"));
    };
    let text = s.to_lossy();
    if text.is_empty() {
        return Err(vm.new_eof_error("EOF when reading a line"));
    }
    Ok(vm.new_str(text.strip_suffix('\n').unwrap_or(&text)).into())
}

fn code_from_source(
    vm: &Vm,
    src: &Value,
    filename: &str,
    mode: crate::parse::Mode,
    func: &str,
) -> PyResult<Py<crate::types::code::Code>> {
    if let Some(c) = src.downcast::<crate::types::code::Code>() {
        return Ok(c.clone());
    }
    let mut bytes = if let Some(s) = src.downcast::<Str>() {
        s.as_bytes().to_vec()
    } else {
        vm.bytes_like(src).map_err(|_| {
            let what = if func == "compile" { "AST" } else { "code" };
            vm.new_type_error(format!(
                "{func}() arg 1 must be a string, bytes or {what} object"
            ))
        })?
    };
    if func == "eval" {
        // eval() (unlike exec and compile) ignores leading blanks of its source text.
        let start = bytes
            .iter()
            .take_while(|&&c| c == b' ' || c == b'\t')
            .count();
        bytes.drain(..start);
    }
    vm.compile_source(&bytes, filename, mode)
}

fn exec_or_eval(vm: &Vm, args: Args<'_>, name: &str, mode: crate::parse::Mode) -> PyResult<Value> {
    let [source, globals, locals] = args.bind(vm, name, ["source", "globals", "locals"], 1, 1)?;
    let globals = match globals.filter(|g| !g.is_none()) {
        Some(g) => g.downcast::<Dict>().cloned().ok_or_else(|| {
            vm.new_type_error(format!(
                "{name}() globals must be a dict, not {}",
                vm.type_name(g)
            ))
        })?,
        None => vm.current_globals().unwrap_or_else(|| vm.new_dict()),
    };
    let locals = match locals.filter(|l| !l.is_none()) {
        Some(l) => l.clone(),
        None => match (globals_given(&args), vm.current_frame()) {
            (false, Some(f)) => {
                let fr = crate::exec::frame::frame_ref(f);
                let m = fr.locals_mapping();
                if m.is_null() {
                    crate::types::traceback::snapshot_locals(vm, fr)
                } else {
                    m
                }
            }
            _ => globals.clone().into(),
        },
    };
    let code = code_from_source(vm, source.unwrap_or(&Value::None), "<string>", mode, name)?;
    let r = vm.run_code(&code, &globals, Some(locals))?;
    Ok(if mode == crate::parse::Mode::Eval {
        r
    } else {
        Value::None
    })
}

fn globals_given(args: &Args<'_>) -> bool {
    args.pos().len() > 1 && !args.pos()[1].is_none()
        || args.kwarg("globals").is_some_and(|g| !g.is_none())
}

fn b_exec(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    exec_or_eval(vm, args, "exec", crate::parse::Mode::Exec)
}

fn b_eval(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    exec_or_eval(vm, args, "eval", crate::parse::Mode::Eval)
}

fn b_compile(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [source, filename, mode, _flags, _dont_inherit, _optimize] = args.bind(
        vm,
        "compile",
        [
            "source",
            "filename",
            "mode",
            "flags",
            "dont_inherit",
            "optimize",
        ],
        3,
        0,
    )?;
    let filename = vm.str_arg(filename.unwrap_or(&Value::None), "compile", "filename")?;
    let mode = match vm
        .str_arg(mode.unwrap_or(&Value::None), "compile", "mode")?
        .as_str()
    {
        "exec" => crate::parse::Mode::Exec,
        "eval" => crate::parse::Mode::Eval,
        "single" => crate::parse::Mode::Single,
        _ => return Err(vm.new_value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    Ok(code_from_source(
        vm,
        source.unwrap_or(&Value::None),
        &filename,
        mode,
        "compile",
    )?
    .into())
}

fn b_build_class(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    crate::runtime::class::build_class(vm, args)
}

/// The builtin functions.
const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("print", b_print),
    ("len", b_len),
    ("repr", b_repr),
    ("ascii", b_ascii),
    ("isinstance", b_isinstance),
    ("issubclass", b_issubclass),
    ("iter", b_iter),
    ("aiter", crate::types::async_gen::b_aiter),
    ("anext", crate::types::async_gen::b_anext),
    ("next", b_next),
    ("abs", b_abs),
    ("min", b_min),
    ("max", b_max),
    ("sum", b_sum),
    ("sorted", b_sorted),
    ("any", b_any),
    ("all", b_all),
    ("hash", b_hash),
    ("id", b_id),
    ("bin", b_bin),
    ("oct", b_oct),
    ("hex", b_hex),
    ("chr", b_chr),
    ("ord", b_ord),
    ("round", b_round),
    ("divmod", b_divmod),
    ("pow", b_pow),
    ("callable", b_callable),
    ("getattr", b_getattr),
    ("setattr", b_setattr),
    ("delattr", b_delattr),
    ("hasattr", b_hasattr),
    ("globals", b_globals),
    ("locals", b_locals),
    ("vars", b_vars),
    ("dir", b_dir),
    ("format", b_format),
    ("input", b_input),
    ("exec", b_exec),
    ("eval", b_eval),
    ("compile", b_compile),
    ("__build_class__", b_build_class),
    ("__import__", crate::exec::import::builtin_import),
    ("breakpoint", super::sitebuiltins::breakpoint),
];

/// Builds `builtins`.
pub(crate) fn init(vm: &Vm) {
    let m = &vm.builtins;
    let d = m.dict();
    d.set_str(&vm.names.__name__, vm.intern("builtins").into());
    d.set_str(&vm.names.__doc__, Value::None);
    d.set_str(&vm.names.__package__, vm.new_str("").into());
    d.set_str(&vm.names.__loader__, Value::None);
    d.set_str(&vm.names.__spec__, Value::None);
    for &(name, f) in FUNCTIONS {
        let func = vm.new_native_function(name, f, Value::from(m));
        d.set_str(&vm.intern(name), func.into());
    }
    super::builtins_iter::register(vm, d);
    let t = &vm.types;
    for (name, ty) in [
        ("object", &t.object),
        ("type", &t.type_),
        ("int", &t.int),
        ("bool", &t.bool),
        ("float", &t.float),
        ("complex", &t.complex),
        ("str", &t.str),
        ("bytes", &t.bytes),
        ("bytearray", &t.bytearray),
        ("memoryview", &t.memoryview),
        ("list", &t.list),
        ("tuple", &t.tuple),
        ("set", &t.set),
        ("frozenset", &t.frozenset),
        ("range", &t.range),
        ("slice", &t.slice),
        ("property", &t.property),
        ("staticmethod", &t.staticmethod),
        ("classmethod", &t.classmethod),
        ("super", &t.super_),
    ] {
        d.set_str(&vm.intern(name), ty.clone().into());
    }
    d.set_str(&vm.intern("dict"), t.dict.clone().into());
    d.set_str(&vm.intern("None"), Value::None);
    d.set_str(&vm.intern("True"), Value::Bool(true));
    d.set_str(&vm.intern("False"), Value::Bool(false));
    d.set_str(&vm.intern("NotImplemented"), vm.not_implemented());
    d.set_str(&vm.intern("Ellipsis"), Value::Obj(vm.ellipsis.clone()));
    d.set_str(&vm.intern("__debug__"), Value::Bool(true));
    for (name, ty) in vm.exc.all() {
        d.set_str(&vm.intern(name), ty.clone().into());
    }
    d.set_str(
        &vm.intern("EnvironmentError"),
        vm.exc.os_error.clone().into(),
    );
    d.set_str(&vm.intern("IOError"), vm.exc.os_error.clone().into());
}

/// Fills in `SimpleNamespace`'s slots.
pub(crate) fn init_types(vm: &Vm) {
    let ns = &vm.types.simple_namespace;
    ns.slots.dictptr.set(Some(namespace_dictptr));
    ns.slots.new.set(Some(namespace_new));
    ns.slots.init.set(Some(namespace_init));
    ns.slots.repr.set(Some(namespace_repr));
    ns.slots.richcompare.set(Some(namespace_richcompare));
    ns.set_hash_none(vm);
    vm.add_getset(ns, "__dict__", crate::runtime::attr::get_payload_dict, None);
}
