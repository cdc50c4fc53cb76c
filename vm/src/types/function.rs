//! Callables: Python functions, native functions (`builtin_function_or_method`), bound
//! methods, and closure cells.

use std::cell::Cell;

use crate::object::{CompareOp, Py, PyCell, Type, Value};
use crate::runtime::{Args, PyResult, Vm};

use super::code::Code;
use super::dict::Dict;
use super::str::Str;
use super::tuple::Tuple;

/// A native function: receives the VM and the call's arguments (`self` first for methods).
pub type NativeFn = fn(&Vm, Args<'_>) -> PyResult<Value>;

/// A Python function.
pub struct Function {
    /// `__code__`.
    pub code: PyCell<Py<Code>>,
    /// `__globals__`.
    pub globals: Py<Dict>,
    /// `__builtins__`.
    pub builtins: Py<Dict>,
    /// `__name__`.
    pub name: PyCell<Py<Str>>,
    /// `__qualname__`.
    pub qualname: PyCell<Py<Str>>,
    /// `__defaults__`.
    pub defaults: PyCell<Option<Py<Tuple>>>,
    /// `__kwdefaults__`.
    pub kwdefaults: PyCell<Option<Py<Dict>>>,
    /// `__closure__`: a tuple of cells.
    pub closure: PyCell<Option<Py<Tuple>>>,
    /// `__doc__`.
    pub doc: PyCell<Value>,
    /// `__module__`.
    pub module: PyCell<Value>,
    /// `__dict__`.
    pub dict: PyCell<Option<Py<Dict>>>,
    /// `__annotations__` (`Null` until computed or set).
    pub annotations: PyCell<Value>,
    /// `__annotate__`.
    pub annotate: PyCell<Value>,
    /// `__type_params__`.
    pub type_params: PyCell<Value>,
    /// Function version for call specialization (0: none).
    pub version: Cell<u32>,
}

crate::payload!(Function, gc);

impl Function {
    /// Cycle collector: every object the function holds.
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        self.code.with(|c| visit.py(c));
        visit.py(&self.globals);
        visit.py(&self.builtins);
        self.name.with(|n| visit.py(n));
        self.qualname.with(|n| visit.py(n));
        self.defaults.with(|d| visit.opt(d));
        self.kwdefaults.with(|d| visit.opt(d));
        self.closure.with(|d| visit.opt(d));
        self.doc.with(|v| visit.value(v));
        self.module.with(|v| visit.value(v));
        self.dict.with(|d| visit.opt(d));
        self.annotations.with(|v| visit.value(v));
        self.annotate.with(|v| visit.value(v));
        self.type_params.with(|v| visit.value(v));
    }

    /// Drops what can be dropped; code, globals and builtins stay (immutable, and a cycle
    /// through them runs through a dict, which is cleared).
    fn gc_clear(&self) {
        drop(self.defaults.take());
        drop(self.kwdefaults.take());
        drop(self.closure.take());
        drop(self.doc.replace(Value::None));
        drop(self.module.replace(Value::None));
        drop(self.dict.take());
        drop(self.annotations.replace(Value::Null));
        drop(self.annotate.replace(Value::None));
        drop(self.type_params.replace(Value::Null));
    }
}

/// A native function or a native method bound to its receiver.
pub struct NativeFunction {
    /// `__name__`.
    pub name: &'static str,
    /// The implementation.
    pub func: NativeFn,
    /// The receiver prepended to the arguments, or `Null` for a plain function.
    pub bound_self: Value,
    /// The type defining a bound method (for `__qualname__` and repr).
    pub owner: Option<Py<Type>>,
    /// `__module__`.
    pub module: PyCell<Value>,
}

crate::payload!(NativeFunction, gc);

impl NativeFunction {
    /// Cycle collector: the bound receiver (`[].append` stored in the list), the owner and
    /// the module.
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        visit.value(&self.bound_self);
        visit.opt(&self.owner);
        self.module.with(|v| visit.value(v));
    }

    fn gc_clear(&self) {
        drop(self.module.replace(Value::None));
    }
}

/// A bound method (`types.MethodType`).
pub struct BoundMethod {
    /// `__func__`.
    pub func: Value,
    /// `__self__`.
    pub this: Value,
}

crate::payload!(BoundMethod, gc);

impl BoundMethod {
    /// Cycle collector: the function and the receiver (immutable: a cycle through a bound
    /// method is broken where it runs through something mutable).
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        visit.value(&self.func);
        visit.value(&self.this);
    }

    fn gc_clear(&self) {}
}

/// A closure cell.
#[derive(Default)]
pub struct CellObj {
    /// The contents (`Null` when empty).
    pub contents: PyCell<Value>,
}

crate::payload!(CellObj, gc);

impl CellObj {
    /// Cycle collector: the contents.
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        self.contents.with(|v| visit.value(v));
    }

    fn gc_clear(&self) {
        drop(self.contents.replace(Value::Null));
    }
}

impl Vm {
    /// A plain native function (module-level builtin).
    pub fn new_native_function(
        &self,
        name: &'static str,
        func: NativeFn,
        module: Value,
    ) -> Py<NativeFunction> {
        crate::object::core::alloc(
            &self.types.builtin_function,
            NativeFunction {
                name,
                func,
                bound_self: Value::Null,
                owner: None,
                module: PyCell::new(if module.is_null() {
                    Value::None
                } else {
                    module
                }),
            },
        )
    }

    /// A native method bound to `this`.
    pub fn new_bound_native(
        &self,
        name: &'static str,
        func: NativeFn,
        this: Value,
        owner: Option<&Py<Type>>,
    ) -> Py<NativeFunction> {
        crate::object::core::alloc(
            &self.types.builtin_function,
            NativeFunction {
                name,
                func,
                bound_self: this,
                owner: owner.cloned(),
                module: PyCell::new(Value::None),
            },
        )
    }

    /// A new closure cell.
    pub fn new_cell(&self, contents: Value) -> Py<CellObj> {
        crate::object::core::alloc(
            &self.types.cell,
            CellObj {
                contents: PyCell::new(contents),
            },
        )
    }
}

/// A bound method object.
/// `types.MethodType(function, instance)`.
fn method_new(vm: &Vm, _cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    args.no_kwargs(vm, "method")?;
    let [func, this] = args.pos() else {
        return Err(vm.new_type_error(format!("method expected 2 arguments, got {}", args.npos())));
    };
    if func.class(vm).slots.call.get().is_none() {
        return Err(vm.new_type_error("first argument must be callable"));
    }
    if this.is_none() {
        return Err(vm.new_type_error("instance must not be None"));
    }
    Ok(new_method(vm, func.clone(), this.clone()).into())
}

pub fn new_method(vm: &Vm, func: Value, this: Value) -> Py<BoundMethod> {
    crate::object::core::alloc(&vm.types.method, BoundMethod { func, this })
}

/// Calls `func` with `first` prepended to `args`, without allocating for short calls.
pub fn call_prepended(vm: &Vm, func: &Value, first: &Value, args: Args<'_>) -> PyResult<Value> {
    with_prepended(first, args, |a| vm.call(func, a))
}

/// Runs `f` on `args` with `first` prepended.
pub fn with_prepended<R>(first: &Value, args: Args<'_>, f: impl FnOnce(Args<'_>) -> R) -> R {
    let values = args.values();
    if values.len() < 8 {
        let mut buf: [Value; 8] = Default::default();
        buf[0] = first.clone();
        for (slot, v) in buf[1..].iter_mut().zip(values) {
            *slot = v.clone();
        }
        f(Args::new(&buf[..values.len() + 1], args.kwnames()))
    } else {
        let mut v = Vec::with_capacity(values.len() + 1);
        v.push(first.clone());
        v.extend_from_slice(values);
        f(Args::new(&v, args.kwnames()))
    }
}

fn native_call(vm: &Vm, callable: &Value, args: Args<'_>) -> PyResult<Value> {
    let Some(nf) = callable.downcast::<NativeFunction>() else {
        return Err(vm.new_type_error("not a builtin function"));
    };
    if nf.bound_self.is_null() {
        (nf.func)(vm, args)
    } else {
        with_prepended(&nf.bound_self, args, |a| (nf.func)(vm, a))
    }
}

fn native_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let nf = v
        .downcast::<NativeFunction>()
        .ok_or_else(|| vm.new_type_error("expected builtin function"))?;
    let text = match &nf.bound_self {
        Value::Null => format!("<built-in function {}>", nf.name),
        Value::Obj(o) if o.downcast::<super::module::Module>().is_some() => {
            format!("<built-in function {}>", nf.name)
        }
        this => match this.downcast::<Type>() {
            Some(t) => format!(
                "<built-in method {} of type object at {:#x}>",
                nf.name,
                t.addr()
            ),
            None => format!(
                "<built-in method {} of {} object at {:#x}>",
                nf.name,
                vm.type_name(this),
                this.id()
            ),
        },
    };
    Ok(vm.new_str(&text).into())
}

fn function_call(vm: &Vm, callable: &Value, args: Args<'_>) -> PyResult<Value> {
    let Some(f) = callable.downcast::<Function>() else {
        return Err(vm.new_type_error("not a function"));
    };
    vm.call_python(f, args)
}

fn function_get(
    _vm: &Vm,
    descr: &Value,
    obj: Option<&Value>,
    _owner: Option<&Value>,
) -> PyResult<Value> {
    match obj {
        Some(o) if !o.is_none() => Ok(new_method(_vm, descr.clone(), o.clone()).into()),
        _ => Ok(descr.clone()),
    }
}

fn function_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let f = v
        .downcast::<Function>()
        .ok_or_else(|| vm.new_type_error("expected function"))?;
    let q = f.qualname.get();
    Ok(vm
        .new_str(&format!("<function {} at {:#x}>", q.to_lossy(), v.id()))
        .into())
}

fn method_call(vm: &Vm, callable: &Value, args: Args<'_>) -> PyResult<Value> {
    let Some(m) = callable.downcast::<BoundMethod>() else {
        return Err(vm.new_type_error("not a method"));
    };
    call_prepended(vm, &m.func, &m.this, args)
}

fn method_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let m = v
        .downcast::<BoundMethod>()
        .ok_or_else(|| vm.new_type_error("expected method"))?;
    let name = match vm.getattr_opt(&m.func, &vm.names.__qualname__)? {
        Some(n) => vm.str(&n)?.to_lossy().into_owned(),
        None => match vm.getattr_opt(&m.func, &vm.names.__name__)? {
            Some(n) => vm.str(&n)?.to_lossy().into_owned(),
            None => "?".into(),
        },
    };
    let this = vm.repr(&m.this)?;
    Ok(vm
        .new_str(&format!("<bound method {name} of {}>", this.to_lossy()))
        .into())
}

fn method_getattro(vm: &Vm, v: &Value, name: &Py<Str>) -> PyResult<Value> {
    // Attributes of the method type first, then the function's.
    match crate::runtime::attr::generic_getattr_opt(vm, v, name)? {
        Some(x) => Ok(x),
        None => {
            let m = v
                .downcast::<BoundMethod>()
                .ok_or_else(|| vm.new_type_error("expected method"))?;
            vm.getattr(&m.func, name)
        }
    }
}

fn method_richcompare(vm: &Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.downcast::<BoundMethod>(), b.downcast::<BoundMethod>()) else {
        return Ok(vm.not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.not_implemented());
    }
    let eq = x.this.is(&y.this) && vm.eq_bool(&x.func, &y.func)?;
    Ok(Value::Bool(eq == (op == CompareOp::Eq)))
}

fn method_hash(vm: &Vm, v: &Value) -> PyResult<i64> {
    let m = v
        .downcast::<BoundMethod>()
        .ok_or_else(|| vm.new_type_error("expected method"))?;
    let a = crate::runtime::hash::hash_pointer(m.this.id() as usize);
    let b = vm.hash(&m.func)?;
    Ok(crate::runtime::hash::fix(a ^ b))
}

fn method_get(
    _vm: &Vm,
    descr: &Value,
    _obj: Option<&Value>,
    _owner: Option<&Value>,
) -> PyResult<Value> {
    Ok(descr.clone())
}

fn function_dictptr(v: &Value) -> Option<&PyCell<Option<Py<Dict>>>> {
    v.downcast::<Function>().map(|f| &f.dict)
}

fn func<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<Function>> {
    v.downcast::<Function>()
        .ok_or_else(|| vm.new_type_error("expected function"))
}

fn cell_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let c = v
        .downcast::<CellObj>()
        .ok_or_else(|| vm.new_type_error("expected cell"))?;
    let inner = c.contents.get();
    let text = if inner.is_null() {
        format!("<cell at {:#x}: empty>", v.id())
    } else {
        format!(
            "<cell at {:#x}: {} object at {:#x}>",
            v.id(),
            vm.type_name(&inner),
            inner.id()
        )
    };
    Ok(vm.new_str(&text).into())
}

/// Fills in the callable types' slots and attributes.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.builtin_function;
    t.slots.call.set(Some(native_call));
    t.slots.repr.set(Some(native_repr));
    vm.add_getset(
        t,
        "__name__",
        |vm, v| {
            let nf = v
                .downcast::<NativeFunction>()
                .ok_or_else(|| vm.new_type_error("bad"))?;
            Ok(vm.new_str(nf.name).into())
        },
        None,
    );
    vm.add_getset(
        t,
        "__qualname__",
        |vm, v| {
            let nf = v
                .downcast::<NativeFunction>()
                .ok_or_else(|| vm.new_type_error("bad"))?;
            Ok(match &nf.owner {
                Some(o) => vm.new_str(&format!("{}.{}", o.qualname(), nf.name)),
                None => vm.new_str(nf.name),
            }
            .into())
        },
        None,
    );
    vm.add_getset(
        t,
        "__self__",
        |vm, v| {
            let nf = v
                .downcast::<NativeFunction>()
                .ok_or_else(|| vm.new_type_error("bad"))?;
            Ok(match &nf.bound_self {
                Value::Null => nf.module.get(),
                s => s.clone(),
            })
        },
        None,
    );
    vm.add_getset(
        t,
        "__module__",
        |vm, v| {
            let nf = v
                .downcast::<NativeFunction>()
                .ok_or_else(|| vm.new_type_error("bad"))?;
            let m = nf.module.get();
            Ok(match m.downcast::<super::module::Module>() {
                Some(module) => module.name(vm).map(Value::from).unwrap_or(Value::None),
                None => m,
            })
        },
        None,
    );
    vm.add_getset(t, "__doc__", |_, _| Ok(Value::None), None);

    let t = &vm.types.function;
    t.slots.call.set(Some(function_call));
    t.slots.descr_get.set(Some(function_get));
    t.slots.repr.set(Some(function_repr));
    t.slots.dictptr.set(Some(function_dictptr));
    vm.add_getset(
        t,
        "__name__",
        |vm, v| Ok(func(vm, v)?.name.get().into()),
        Some(|vm, v, new| {
            let f = func(vm, v)?;
            match new.as_ref().and_then(|n| n.downcast::<Str>()) {
                Some(s) => {
                    drop(f.name.replace(s.clone()));
                    Ok(())
                }
                None => Err(vm.new_type_error("__name__ must be set to a string object")),
            }
        }),
    );
    vm.add_getset(
        t,
        "__qualname__",
        |vm, v| Ok(func(vm, v)?.qualname.get().into()),
        Some(|vm, v, new| {
            let f = func(vm, v)?;
            match new.as_ref().and_then(|n| n.downcast::<Str>()) {
                Some(s) => {
                    drop(f.qualname.replace(s.clone()));
                    Ok(())
                }
                None => Err(vm.new_type_error("__qualname__ must be set to a string object")),
            }
        }),
    );
    vm.add_getset(
        t,
        "__doc__",
        |vm, v| Ok(func(vm, v)?.doc.get()),
        Some(|vm, v, new| {
            drop(func(vm, v)?.doc.replace(new.unwrap_or(Value::None)));
            Ok(())
        }),
    );
    vm.add_getset(
        t,
        "__module__",
        |vm, v| Ok(func(vm, v)?.module.get()),
        Some(|vm, v, new| {
            drop(func(vm, v)?.module.replace(new.unwrap_or(Value::None)));
            Ok(())
        }),
    );
    vm.add_getset(
        t,
        "__defaults__",
        |vm, v| Ok(func(vm, v)?.defaults.get().map_or(Value::None, Value::from)),
        Some(|vm, v, new| {
            let f = func(vm, v)?;
            let d = match new {
                None | Some(Value::None) => None,
                Some(x) => Some(x.into_downcast::<Tuple>().map_err(|_| {
                    vm.new_type_error("__defaults__ must be set to a tuple object")
                })?),
            };
            drop(f.defaults.replace(d));
            Ok(())
        }),
    );
    vm.add_getset(
        t,
        "__kwdefaults__",
        |vm, v| {
            Ok(func(vm, v)?
                .kwdefaults
                .get()
                .map_or(Value::None, Value::from))
        },
        Some(|vm, v, new| {
            let f = func(vm, v)?;
            let d = match new {
                None | Some(Value::None) => None,
                Some(x) => Some(x.into_downcast::<Dict>().map_err(|_| {
                    vm.new_type_error("__kwdefaults__ must be set to a dict object")
                })?),
            };
            drop(f.kwdefaults.replace(d));
            Ok(())
        }),
    );
    vm.add_getset(
        t,
        "__code__",
        |vm, v| Ok(func(vm, v)?.code.get().into()),
        Some(|vm, v, new| {
            let f = func(vm, v)?;
            let Some(code) = new.and_then(|c| c.into_downcast::<Code>().ok()) else {
                return Err(vm.new_type_error("__code__ must be set to a code object"));
            };
            let nfree = code.nfrees;
            let nclosure = f.closure.get().map_or(0, |c| c.len());
            if nfree != nclosure {
                return Err(vm.new_value_error(format!(
                    "{}() requires a code object with {nclosure} free vars, not {nfree}",
                    f.name.get().to_lossy()
                )));
            }
            // Call specializations keyed on the old code must not match any more.
            f.version.set(0);
            drop(f.code.replace(code));
            Ok(())
        }),
    );
    vm.add_getset(
        t,
        "__globals__",
        |vm, v| Ok(func(vm, v)?.globals.clone().into()),
        None,
    );
    vm.add_getset(
        t,
        "__builtins__",
        |vm, v| Ok(func(vm, v)?.builtins.clone().into()),
        None,
    );
    vm.add_getset(
        t,
        "__closure__",
        |vm, v| Ok(func(vm, v)?.closure.get().map_or(Value::None, Value::from)),
        None,
    );
    vm.add_getset(
        t,
        "__annotations__",
        |vm, v| crate::runtime::annotations::function_annotations(vm, func(vm, v)?),
        Some(|vm, v, new| {
            drop(func(vm, v)?.annotations.replace(new.unwrap_or(Value::None)));
            Ok(())
        }),
    );
    vm.add_getset(
        t,
        "__annotate__",
        |vm, v| {
            let a = func(vm, v)?.annotate.get();
            Ok(if a.is_null() { Value::None } else { a })
        },
        Some(|vm, v, new| {
            drop(func(vm, v)?.annotate.replace(new.unwrap_or(Value::None)));
            Ok(())
        }),
    );
    vm.add_getset(
        t,
        "__type_params__",
        |vm, v| {
            let p = func(vm, v)?.type_params.get();
            Ok(if p.is_null() {
                vm.empty_tuple.clone().into()
            } else {
                p
            })
        },
        Some(|vm, v, new| {
            drop(func(vm, v)?.type_params.replace(new.unwrap_or(Value::Null)));
            Ok(())
        }),
    );
    vm.add_getset(
        t,
        "__dict__",
        crate::runtime::attr::get_payload_dict,
        Some(crate::runtime::attr::set_payload_dict),
    );

    let t = &vm.types.method;
    t.slots.new.set(Some(method_new));
    t.slots.call.set(Some(method_call));
    t.slots.repr.set(Some(method_repr));
    t.slots.getattro.set(Some(method_getattro));
    t.slots.richcompare.set(Some(method_richcompare));
    t.slots.hash.set(Some(method_hash));
    t.slots.descr_get.set(Some(method_get));
    vm.add_getset(
        t,
        "__func__",
        |vm, v| {
            v.downcast::<BoundMethod>()
                .map(|m| m.func.clone())
                .ok_or_else(|| vm.new_type_error("expected method"))
        },
        None,
    );
    vm.add_getset(
        t,
        "__self__",
        |vm, v| {
            v.downcast::<BoundMethod>()
                .map(|m| m.this.clone())
                .ok_or_else(|| vm.new_type_error("expected method"))
        },
        None,
    );

    let t = &vm.types.cell;
    t.slots.repr.set(Some(cell_repr));
    vm.add_getset(
        t,
        "cell_contents",
        |vm, v| {
            let c = v
                .downcast::<CellObj>()
                .ok_or_else(|| vm.new_type_error("expected cell"))?;
            let x = c.contents.get();
            if x.is_null() {
                return Err(vm.new_value_error("Cell is empty"));
            }
            Ok(x)
        },
        Some(|vm, v, new| {
            let c = v
                .downcast::<CellObj>()
                .ok_or_else(|| vm.new_type_error("expected cell"))?;
            drop(c.contents.replace(new.unwrap_or(Value::Null)));
            Ok(())
        }),
    );
}
