//! Descriptors: native methods in type dicts (`method_descriptor`, `classmethod_descriptor`),
//! slot wrappers (`wrapper_descriptor`: `int.__add__`), computed attributes
//! (`getset_descriptor`), `__slots__` members (`member_descriptor`), and the Python-level
//! `property`, `staticmethod` and `classmethod`.

use crate::object::{Py, PyCell, SlotId, Type, Value};
use crate::runtime::{Args, PyResult, Vm};

use super::function::NativeFn;
use super::str::Str;

/// How a native method binds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MethodKind {
    /// An instance method: `self` is the first argument.
    Instance,
    /// A class method: the class is the first argument.
    Class,
    /// A static method: no implicit argument.
    Static,
}

/// A native method in a type's dict.
pub struct MethodDescr {
    /// `__name__`.
    pub name: &'static str,
    /// The implementation (receives `self` or the class first, unless static).
    pub func: NativeFn,
    /// The type defining it.
    pub owner: Py<Type>,
    /// How it binds.
    pub kind: MethodKind,
}

crate::payload!(MethodDescr, gc);

impl MethodDescr {
    /// Cycle collector: the owning type (a heap class's descriptors sit in its dict, a
    /// cycle broken by clearing the class).
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        visit.py(&self.owner);
    }

    fn gc_clear(&self) {}
}

/// `int.__add__`: a type's native slot exposed as a method.
pub struct SlotWrapper {
    /// The dunder's name.
    pub name: &'static str,
    /// The type whose slot it calls.
    pub owner: Py<Type>,
    /// Which slot.
    pub slot: SlotId,
}

crate::payload!(SlotWrapper, gc);

impl SlotWrapper {
    /// Cycle collector: the owning type (a heap class's descriptors sit in its dict, a
    /// cycle broken by clearing the class).
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        visit.py(&self.owner);
    }

    fn gc_clear(&self) {}
}

/// Getter of a computed attribute.
pub type Getter = fn(&Vm, &Value) -> PyResult<Value>;
/// Setter of a computed attribute (`None` deletes).
pub type Setter = fn(&Vm, &Value, Option<Value>) -> PyResult<()>;

/// A computed attribute of a builtin type.
pub struct GetSetDescr {
    /// The attribute name.
    pub name: &'static str,
    /// The type defining it.
    pub owner: Py<Type>,
    /// Getter.
    pub get: Getter,
    /// Setter, if writable.
    pub set: Option<Setter>,
}

crate::payload!(GetSetDescr, gc);

impl GetSetDescr {
    /// Cycle collector: the owning type (a heap class's descriptors sit in its dict, a
    /// cycle broken by clearing the class).
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        visit.py(&self.owner);
    }

    fn gc_clear(&self) {}
}

/// A `__slots__` entry: reads and writes slot `index` of instances.
pub struct MemberDescr {
    /// The attribute name.
    pub name: Py<Str>,
    /// The type defining it.
    pub owner: Py<Type>,
    /// Index into the instance's slot storage.
    pub index: usize,
}

crate::payload!(MemberDescr, gc);

impl MemberDescr {
    /// Cycle collector: the owning type (a heap class's descriptors sit in its dict, a
    /// cycle broken by clearing the class).
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        visit.py(&self.owner);
    }

    fn gc_clear(&self) {}
}

/// `property(fget, fset, fdel, doc)`.
#[derive(Default)]
pub struct Property {
    /// `fget`.
    pub fget: PyCell<Value>,
    /// `fset`.
    pub fset: PyCell<Value>,
    /// `fdel`.
    pub fdel: PyCell<Value>,
    /// `__doc__`.
    pub doc: PyCell<Value>,
    /// The name given by `__set_name__`.
    pub name: PyCell<Value>,
}

crate::payload!(Property, gc);

impl Property {
    /// Cycle collector: the accessors, doc and name.
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        for c in [&self.fget, &self.fset, &self.fdel, &self.doc, &self.name] {
            c.with(|v| visit.value(v));
        }
    }

    fn gc_clear(&self) {
        for c in [&self.fget, &self.fset, &self.fdel, &self.doc, &self.name] {
            drop(c.replace(Value::None));
        }
    }
}

/// Cycle collector support for the callable wrappers (`staticmethod`, `classmethod`):
/// the wrapped callable and the attribute dict.
macro_rules! wrapper_gc {
    ($t:ty) => {
        impl $t {
            fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
                self.func.with(|v| visit.value(v));
                self.dict.with(|d| visit.opt(d));
            }

            fn gc_clear(&self) {
                drop(self.func.replace(Value::None));
                drop(self.dict.take());
            }
        }
    };
}

/// `staticmethod(f)`.
pub struct StaticMethod {
    /// The wrapped callable.
    pub func: PyCell<Value>,
    /// Attributes copied or set (`__doc__`, `__wrapped__`, ...).
    pub dict: PyCell<Option<Py<super::dict::Dict>>>,
}

crate::payload!(StaticMethod, gc);
wrapper_gc!(StaticMethod);

/// `classmethod(f)`.
pub struct ClassMethod {
    /// The wrapped callable.
    pub func: PyCell<Value>,
    /// Attributes copied or set.
    pub dict: PyCell<Option<Py<super::dict::Dict>>>,
}

crate::payload!(ClassMethod, gc);
wrapper_gc!(ClassMethod);

impl Vm {
    /// Adds native instance methods to a type's dict.
    pub fn add_methods(&self, ty: &Py<Type>, methods: &[(&'static str, NativeFn)]) {
        for &(name, func) in methods {
            self.add_method_kind(ty, name, func, MethodKind::Instance);
        }
    }

    /// Adds a native class method.
    pub fn add_classmethod(&self, ty: &Py<Type>, name: &'static str, func: NativeFn) {
        self.add_method_kind(ty, name, func, MethodKind::Class);
    }

    /// Adds a native static method.
    pub fn add_staticmethod(&self, ty: &Py<Type>, name: &'static str, func: NativeFn) {
        self.add_method_kind(ty, name, func, MethodKind::Static);
    }

    fn add_method_kind(&self, ty: &Py<Type>, name: &'static str, func: NativeFn, kind: MethodKind) {
        let meta = match kind {
            MethodKind::Class => &self.types.classmethod_descriptor,
            _ => &self.types.method_descriptor,
        };
        let d = crate::object::core::alloc(
            meta,
            MethodDescr {
                name,
                func,
                owner: ty.clone(),
                kind,
            },
        );
        let value: Value = if kind == MethodKind::Static {
            let f = self.new_native_function(name, func, Value::Null);
            crate::object::core::alloc(
                &self.types.staticmethod,
                StaticMethod {
                    func: PyCell::new(f.into()),
                    dict: PyCell::new(None),
                },
            )
            .into()
        } else {
            d.into()
        };
        ty.dict().set_str(&self.intern(name), value);
    }

    /// Adds a computed attribute.
    pub fn add_getset(&self, ty: &Py<Type>, name: &'static str, get: Getter, set: Option<Setter>) {
        let d = crate::object::core::alloc(
            &self.types.getset_descriptor,
            GetSetDescr {
                name,
                owner: ty.clone(),
                get,
                set,
            },
        );
        ty.dict().set_str(&self.intern(name), d.into());
    }

    /// Adds a plain attribute to a type's dict.
    pub fn add_attr(&self, ty: &Py<Type>, name: &str, value: Value) {
        ty.dict().set_str(&self.intern(name), value);
    }

    /// Checks `self` of a native method: `(self as T, the other arguments)`, with CPython's
    /// "descriptor 'append' for 'list' objects doesn't apply to a 'int' object".
    ///
    /// Inline with the messages out of line: every native method of a builtin type starts
    /// with it, and as a call it cost `l.append(x)` ~20 machine instructions.
    #[inline(always)]
    pub fn method_self<'a, T: crate::object::PyPayload>(
        &self,
        args: Args<'a>,
        name: &str,
        owner: &str,
    ) -> PyResult<(&'a Py<T>, Args<'a>)> {
        let Some((this, rest)) = args.split_self() else {
            return Err(method_self_missing(self, name, owner));
        };
        match this.downcast::<T>() {
            Some(t) => Ok((t, rest)),
            None => Err(method_self_mismatch(self, this, name, owner)),
        }
    }
}

/// [`Vm::method_self`]'s error when there is no `self`.
#[cold]
#[inline(never)]
fn method_self_missing(vm: &Vm, name: &str, owner: &str) -> crate::runtime::PyErr {
    vm.new_type_error(format!("unbound method {owner}.{name}() needs an argument"))
}

/// [`Vm::method_self`]'s error when `self` is not of the method's type.
#[cold]
#[inline(never)]
fn method_self_mismatch(vm: &Vm, this: &Value, name: &str, owner: &str) -> crate::runtime::PyErr {
    vm.new_type_error(format!(
        "descriptor '{name}' for '{owner}' objects doesn't apply to a '{}' object",
        vm.type_name(this)
    ))
}

// --- descriptor slots -----------------------------------------------------------------------

fn method_descr_get(
    vm: &Vm,
    descr: &Value,
    obj: Option<&Value>,
    owner: Option<&Value>,
) -> PyResult<Value> {
    let Some(d) = descr.downcast::<MethodDescr>() else {
        return Ok(descr.clone());
    };
    match d.kind {
        MethodKind::Class => {
            let cls = match (owner, obj) {
                (Some(o), _) if !o.is_none() => o.clone(),
                (_, Some(obj)) => Value::from(obj.class(vm).clone()),
                _ => return Ok(descr.clone()),
            };
            Ok(vm
                .new_bound_native(d.name, d.func, cls, Some(&d.owner))
                .into())
        }
        MethodKind::Static => Ok(descr.clone()),
        MethodKind::Instance => match obj {
            Some(obj) if !obj.is_none() || owner.is_none() => {
                if !obj.class(vm).is_subtype(&d.owner) {
                    return Err(vm.new_type_error(format!(
                        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                        d.name,
                        d.owner.name(),
                        vm.type_name(obj)
                    )));
                }
                Ok(vm
                    .new_bound_native(d.name, d.func, obj.clone(), Some(&d.owner))
                    .into())
            }
            _ => Ok(descr.clone()),
        },
    }
}

fn method_descr_call(vm: &Vm, descr: &Value, args: Args<'_>) -> PyResult<Value> {
    let Some(d) = descr.downcast::<MethodDescr>() else {
        return Err(vm.new_type_error("not a method descriptor"));
    };
    if d.kind == MethodKind::Instance {
        match args.pos().first() {
            None => {
                return Err(vm.new_type_error(format!(
                    "unbound method {}.{}() needs an argument",
                    d.owner.name(),
                    d.name
                )));
            }
            Some(this) if !this.class(vm).is_subtype(&d.owner) => {
                return Err(vm.new_type_error(format!(
                    "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                    d.name,
                    d.owner.name(),
                    vm.type_name(this)
                )));
            }
            _ => {}
        }
    }
    (d.func)(vm, args)
}

fn method_descr_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let d = v
        .downcast::<MethodDescr>()
        .ok_or_else(|| vm.new_type_error("expected method_descriptor"))?;
    Ok(vm
        .new_str(&format!(
            "<method '{}' of '{}' objects>",
            d.name,
            d.owner.name()
        ))
        .into())
}

fn slot_wrapper_get(
    vm: &Vm,
    descr: &Value,
    obj: Option<&Value>,
    _owner: Option<&Value>,
) -> PyResult<Value> {
    match obj {
        Some(obj) => match descr.downcast::<SlotWrapper>() {
            Some(w) => Ok(super::method_wrapper::bind(vm, w.clone(), obj.clone())),
            None => Ok(descr.clone()),
        },
        None => Ok(descr.clone()),
    }
}

fn slot_wrapper_call(vm: &Vm, descr: &Value, args: Args<'_>) -> PyResult<Value> {
    let Some(w) = descr.downcast::<SlotWrapper>() else {
        return Err(vm.new_type_error("not a slot wrapper"));
    };
    let Some((this, rest)) = args.split_self() else {
        return Err(vm.new_type_error(format!(
            "descriptor '{}' of '{}' object needs an argument",
            w.name,
            w.owner.name()
        )));
    };
    if !this.class(vm).is_subtype(&w.owner) {
        return Err(vm.new_type_error(format!(
            "descriptor '{}' requires a '{}' object but received a '{}'",
            w.name,
            w.owner.name(),
            vm.type_name(this)
        )));
    }
    crate::runtime::slot_dispatch::call_slot_wrapper(vm, &w.owner, w.slot, w.name, this, rest)
}

fn slot_wrapper_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let w = v
        .downcast::<SlotWrapper>()
        .ok_or_else(|| vm.new_type_error("expected wrapper_descriptor"))?;
    Ok(vm
        .new_str(&format!(
            "<slot wrapper '{}' of '{}' objects>",
            w.name,
            w.owner.name()
        ))
        .into())
}

fn getset_get(
    vm: &Vm,
    descr: &Value,
    obj: Option<&Value>,
    _owner: Option<&Value>,
) -> PyResult<Value> {
    let Some(d) = descr.downcast::<GetSetDescr>() else {
        return Ok(descr.clone());
    };
    match obj {
        Some(obj)
            if !obj.is_none()
                || d.owner.is(&vm.types.none_type)
                || d.owner.is(&vm.types.object) =>
        {
            if !obj.class(vm).is_subtype(&d.owner) {
                return Err(vm.new_type_error(format!(
                    "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                    d.name,
                    d.owner.name(),
                    vm.type_name(obj)
                )));
            }
            (d.get)(vm, obj)
        }
        _ => Ok(descr.clone()),
    }
}

fn getset_set(vm: &Vm, descr: &Value, obj: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(d) = descr.downcast::<GetSetDescr>() else {
        return Err(vm.new_type_error("not a getset descriptor"));
    };
    match d.set {
        Some(set) => set(vm, obj, value),
        None => Err(vm.new_attribute_error_msg(format!(
            "attribute '{}' of '{}' objects is not writable",
            d.name,
            d.owner.name()
        ))),
    }
}

fn member_get(
    vm: &Vm,
    descr: &Value,
    obj: Option<&Value>,
    _owner: Option<&Value>,
) -> PyResult<Value> {
    let Some(d) = descr.downcast::<MemberDescr>() else {
        return Ok(descr.clone());
    };
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(descr.clone());
    };
    let v = obj
        .as_obj()
        .and_then(|o| o.ext())
        .map(|e| e.slot(d.index))
        .unwrap_or(Value::Null);
    if v.is_null() {
        return Err(vm.new_attribute_error_msg(format!(
            "'{}' object has no attribute '{}'",
            vm.type_name(obj),
            d.name.to_lossy()
        )));
    }
    Ok(v)
}

fn member_set(vm: &Vm, descr: &Value, obj: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(d) = descr.downcast::<MemberDescr>() else {
        return Err(vm.new_type_error("not a member descriptor"));
    };
    let Some(ext) = obj.as_obj().and_then(|o| o.ext()) else {
        return Err(vm.new_type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            d.name.to_lossy(),
            d.owner.name(),
            vm.type_name(obj)
        )));
    };
    let deleting = value.is_none();
    let old = ext.set_slot(d.index, value.unwrap_or(Value::Null));
    if deleting && old.is_null() {
        return Err(vm.new_attribute_error_msg(format!(
            "'{}' object has no attribute '{}'",
            vm.type_name(obj),
            d.name.to_lossy()
        )));
    }
    drop(old);
    Ok(())
}

fn member_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let d = v
        .downcast::<MemberDescr>()
        .ok_or_else(|| vm.new_type_error("expected member_descriptor"))?;
    Ok(vm
        .new_str(&format!(
            "<member '{}' of '{}' objects>",
            d.name.to_lossy(),
            d.owner.name()
        ))
        .into())
}

fn getset_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let d = v
        .downcast::<GetSetDescr>()
        .ok_or_else(|| vm.new_type_error("expected getset_descriptor"))?;
    Ok(vm
        .new_str(&format!(
            "<attribute '{}' of '{}' objects>",
            d.name,
            d.owner.name()
        ))
        .into())
}

// --- property -------------------------------------------------------------------------------

fn property_get(
    vm: &Vm,
    descr: &Value,
    obj: Option<&Value>,
    _owner: Option<&Value>,
) -> PyResult<Value> {
    let Some(p) = descr.downcast::<Property>() else {
        return Ok(descr.clone());
    };
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(descr.clone());
    };
    let fget = p.fget.get();
    if fget.is_none() || fget.is_null() {
        return Err(vm.new_attribute_error_msg(property_error(vm, p, obj, "getter")));
    }
    vm.call(&fget, Args::positional(std::slice::from_ref(obj)))
}

fn property_error(vm: &Vm, p: &Property, obj: &Value, what: &str) -> String {
    let name = p.name.get();
    match name.downcast::<Str>() {
        Some(n) => format!(
            "property '{}' of '{}' object has no {what}",
            n.to_lossy(),
            obj.class(vm).qualname()
        ),
        None => format!(
            "property of '{}' object has no {what}",
            obj.class(vm).qualname()
        ),
    }
}

fn property_set(vm: &Vm, descr: &Value, obj: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(p) = descr.downcast::<Property>() else {
        return Err(vm.new_type_error("not a property"));
    };
    match value {
        Some(v) => {
            let fset = p.fset.get();
            if fset.is_none() || fset.is_null() {
                return Err(vm.new_attribute_error_msg(property_error(vm, p, obj, "setter")));
            }
            vm.call(&fset, Args::positional(&[obj.clone(), v]))?;
        }
        None => {
            let fdel = p.fdel.get();
            if fdel.is_none() || fdel.is_null() {
                return Err(vm.new_attribute_error_msg(property_error(vm, p, obj, "deleter")));
            }
            vm.call(&fdel, Args::positional(std::slice::from_ref(obj)))?;
        }
    }
    Ok(())
}

fn property_init(vm: &Vm, this: &Value, args: Args<'_>) -> PyResult<()> {
    let p = this
        .downcast::<Property>()
        .ok_or_else(|| vm.new_type_error("expected property"))?;
    let [fget, fset, fdel, doc] =
        args.bind(vm, "property", ["fget", "fset", "fdel", "doc"], 0, 0)?;
    let norm = |v: Option<&Value>| v.cloned().unwrap_or(Value::None);
    drop(p.fget.replace(norm(fget)));
    drop(p.fset.replace(norm(fset)));
    drop(p.fdel.replace(norm(fdel)));
    let doc = match doc.filter(|d| !d.is_none()) {
        Some(d) => d.clone(),
        None => match fget.filter(|f| !f.is_none()) {
            Some(f) => vm.getattr_opt(f, &vm.names.__doc__)?.unwrap_or(Value::None),
            None => Value::None,
        },
    };
    drop(p.doc.replace(doc));
    Ok(())
}

fn property_new(vm: &Vm, cls: &Py<Type>, _args: Args<'_>) -> PyResult<Value> {
    vm.alloc_instance(cls, Property::default())
}

fn property_copy_with(vm: &Vm, args: Args<'_>, which: usize, name: &str) -> PyResult<Value> {
    let (p, rest) = vm.method_self::<Property>(args, name, "property")?;
    let f = rest.one(vm, name)?;
    let mut parts = [p.fget.get(), p.fset.get(), p.fdel.get(), Value::None];
    parts[which] = f.clone();
    let doc = p.doc.get();
    parts[3] = doc;
    let this = args.values()[0].clone();
    let cls = Value::from(this.class(vm).clone());
    let new = vm.call(&cls, Args::positional(&parts))?;
    if let Some(np) = new.downcast::<Property>() {
        drop(np.name.replace(p.name.get()));
    }
    Ok(new)
}

fn property_getter(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    property_copy_with(vm, args, 0, "getter")
}

fn property_setter(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    property_copy_with(vm, args, 1, "setter")
}

fn property_deleter(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    property_copy_with(vm, args, 2, "deleter")
}

fn property_set_name(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (p, rest) = vm.method_self::<Property>(args, "__set_name__", "property")?;
    let vals = rest.range(vm, "__set_name__", 2, 2)?;
    drop(p.name.replace(vals[1].clone()));
    Ok(Value::None)
}

// --- staticmethod / classmethod ---------------------------------------------------------------

fn staticmethod_get(
    vm: &Vm,
    descr: &Value,
    _obj: Option<&Value>,
    _owner: Option<&Value>,
) -> PyResult<Value> {
    match descr.downcast::<StaticMethod>() {
        Some(s) => Ok(s.func.get()),
        None => Err(vm.new_type_error("expected staticmethod")),
    }
}

fn staticmethod_call(vm: &Vm, descr: &Value, args: Args<'_>) -> PyResult<Value> {
    let f = descr
        .downcast::<StaticMethod>()
        .map(|s| s.func.get())
        .ok_or_else(|| vm.new_type_error("expected staticmethod"))?;
    vm.call(&f, args)
}

fn classmethod_get(
    vm: &Vm,
    descr: &Value,
    obj: Option<&Value>,
    owner: Option<&Value>,
) -> PyResult<Value> {
    let Some(c) = descr.downcast::<ClassMethod>() else {
        return Err(vm.new_type_error("expected classmethod"));
    };
    let cls = match owner.filter(|o| !o.is_none()) {
        Some(o) => o.clone(),
        None => match obj {
            Some(o) => Value::from(o.class(vm).clone()),
            None => return Ok(descr.clone()),
        },
    };
    Ok(super::function::new_method(vm, c.func.get(), cls).into())
}

fn wrapper_init(vm: &Vm, this: &Value, args: Args<'_>) -> PyResult<()> {
    let f = args.one(vm, this.class(vm).name().as_ref())?.clone();
    if let Some(s) = this.downcast::<StaticMethod>() {
        drop(s.func.replace(f.clone()));
    } else if let Some(c) = this.downcast::<ClassMethod>() {
        drop(c.func.replace(f.clone()));
    }
    // Copy __doc__, __name__, __qualname__, __module__, __wrapped__ like functools.wraps
    // (CPython 3.10+ does this for both).
    let dict = vm.new_dict();
    for name in ["__module__", "__name__", "__qualname__", "__doc__"] {
        if let Some(v) = vm.getattr_opt(&f, &vm.intern(name))? {
            dict.set_str(&vm.intern(name), v);
        }
    }
    dict.set_str(&vm.names.__wrapped__, f);
    if let Some(s) = this.downcast::<StaticMethod>() {
        drop(s.dict.replace(Some(dict)));
    } else if let Some(c) = this.downcast::<ClassMethod>() {
        drop(c.dict.replace(Some(dict)));
    }
    Ok(())
}

fn staticmethod_new(vm: &Vm, cls: &Py<Type>, _args: Args<'_>) -> PyResult<Value> {
    vm.alloc_instance(
        cls,
        StaticMethod {
            func: PyCell::new(Value::None),
            dict: PyCell::new(None),
        },
    )
}

fn classmethod_new(vm: &Vm, cls: &Py<Type>, _args: Args<'_>) -> PyResult<Value> {
    vm.alloc_instance(
        cls,
        ClassMethod {
            func: PyCell::new(Value::None),
            dict: PyCell::new(None),
        },
    )
}

fn wrapped_func(vm: &Vm, v: &Value) -> PyResult<Value> {
    if let Some(s) = v.downcast::<StaticMethod>() {
        return Ok(s.func.get());
    }
    if let Some(c) = v.downcast::<ClassMethod>() {
        return Ok(c.func.get());
    }
    Err(vm.new_type_error("expected staticmethod or classmethod"))
}

/// Fills in the descriptor types' slots and methods.
pub(crate) fn init(vm: &Vm) {
    for t in [
        &vm.types.method_descriptor,
        &vm.types.classmethod_descriptor,
    ] {
        t.slots.descr_get.set(Some(method_descr_get));
        t.slots.call.set(Some(method_descr_call));
        t.slots.repr.set(Some(method_descr_repr));
        vm.add_getset(
            t,
            "__name__",
            |vm, v| {
                let d = v
                    .downcast::<MethodDescr>()
                    .ok_or_else(|| vm.new_type_error("bad descr"))?;
                Ok(vm.new_str(d.name).into())
            },
            None,
        );
        vm.add_getset(
            t,
            "__qualname__",
            |vm, v| {
                let d = v
                    .downcast::<MethodDescr>()
                    .ok_or_else(|| vm.new_type_error("bad descr"))?;
                Ok(vm
                    .new_str(&format!("{}.{}", d.owner.qualname(), d.name))
                    .into())
            },
            None,
        );
        vm.add_getset(
            t,
            "__objclass__",
            |vm, v| {
                let d = v
                    .downcast::<MethodDescr>()
                    .ok_or_else(|| vm.new_type_error("bad descr"))?;
                Ok(d.owner.clone().into())
            },
            None,
        );
    }
    let t = &vm.types.wrapper_descriptor;
    t.slots.descr_get.set(Some(slot_wrapper_get));
    t.slots.call.set(Some(slot_wrapper_call));
    t.slots.repr.set(Some(slot_wrapper_repr));
    vm.add_getset(
        t,
        "__name__",
        |vm, v| {
            let d = v
                .downcast::<SlotWrapper>()
                .ok_or_else(|| vm.new_type_error("bad descr"))?;
            Ok(vm.new_str(d.name).into())
        },
        None,
    );
    vm.add_getset(
        t,
        "__qualname__",
        |vm, v| {
            let d = v
                .downcast::<SlotWrapper>()
                .ok_or_else(|| vm.new_type_error("bad descr"))?;
            Ok(vm
                .new_str(&format!("{}.{}", d.owner.qualname(), d.name))
                .into())
        },
        None,
    );
    vm.add_getset(
        t,
        "__objclass__",
        |vm, v| {
            let d = v
                .downcast::<SlotWrapper>()
                .ok_or_else(|| vm.new_type_error("bad descr"))?;
            Ok(d.owner.clone().into())
        },
        None,
    );

    let t = &vm.types.getset_descriptor;
    t.slots.descr_get.set(Some(getset_get));
    t.slots.descr_set.set(Some(getset_set));
    t.slots.repr.set(Some(getset_repr));
    vm.add_getset(
        t,
        "__name__",
        |vm, v| {
            let d = v
                .downcast::<GetSetDescr>()
                .ok_or_else(|| vm.new_type_error("bad descr"))?;
            Ok(vm.new_str(d.name).into())
        },
        None,
    );

    let t = &vm.types.member_descriptor;
    t.slots.descr_get.set(Some(member_get));
    t.slots.descr_set.set(Some(member_set));
    t.slots.repr.set(Some(member_repr));
    vm.add_getset(
        t,
        "__name__",
        |vm, v| {
            let d = v
                .downcast::<MemberDescr>()
                .ok_or_else(|| vm.new_type_error("bad descr"))?;
            Ok(d.name.clone().into())
        },
        None,
    );

    let t = &vm.types.property;
    t.slots.descr_get.set(Some(property_get));
    t.slots.descr_set.set(Some(property_set));
    t.slots.init.set(Some(property_init));
    t.slots.new.set(Some(property_new));
    vm.add_methods(
        t,
        &[
            ("getter", property_getter),
            ("setter", property_setter),
            ("deleter", property_deleter),
            ("__set_name__", property_set_name),
        ],
    );
    vm.add_getset(t, "fget", |vm, v| prop_field(vm, v, |p| &p.fget), None);
    vm.add_getset(t, "fset", |vm, v| prop_field(vm, v, |p| &p.fset), None);
    vm.add_getset(t, "fdel", |vm, v| prop_field(vm, v, |p| &p.fdel), None);
    vm.add_getset(
        t,
        "__doc__",
        |vm, v| prop_field(vm, v, |p| &p.doc),
        Some(|vm, v, new| {
            let p = v
                .downcast::<Property>()
                .ok_or_else(|| vm.new_type_error("expected property"))?;
            drop(p.doc.replace(new.unwrap_or(Value::None)));
            Ok(())
        }),
    );
    vm.add_getset(
        t,
        "__isabstractmethod__",
        |vm, v| {
            let p = v
                .downcast::<Property>()
                .ok_or_else(|| vm.new_type_error("expected property"))?;
            for f in [p.fget.get(), p.fset.get(), p.fdel.get()] {
                if let Some(x) = vm.getattr_opt(&f, &vm.intern("__isabstractmethod__"))?
                    && vm.is_true(&x)?
                {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        },
        None,
    );

    let t = &vm.types.staticmethod;
    t.slots.descr_get.set(Some(staticmethod_get));
    t.slots.call.set(Some(staticmethod_call));
    t.slots.init.set(Some(wrapper_init));
    t.slots.new.set(Some(staticmethod_new));
    vm.add_getset(t, "__func__", wrapped_func, None);
    vm.add_getset(t, "__wrapped__", wrapped_func, None);
    let t = &vm.types.classmethod;
    t.slots.descr_get.set(Some(classmethod_get));
    t.slots.init.set(Some(wrapper_init));
    t.slots.new.set(Some(classmethod_new));
    vm.add_getset(t, "__func__", wrapped_func, None);
    vm.add_getset(t, "__wrapped__", wrapped_func, None);
    for t in [&vm.types.staticmethod, &vm.types.classmethod] {
        vm.add_getset(
            t,
            "__isabstractmethod__",
            |vm, v| {
                let f = wrapped_func(vm, v)?;
                Ok(vm
                    .getattr_opt(&f, &vm.intern("__isabstractmethod__"))?
                    .unwrap_or(Value::Bool(false)))
            },
            None,
        );
    }
}

fn prop_field(vm: &Vm, v: &Value, pick: fn(&Property) -> &PyCell<Value>) -> PyResult<Value> {
    let p = v
        .downcast::<Property>()
        .ok_or_else(|| vm.new_type_error("expected property"))?;
    Ok(pick(p).get())
}
