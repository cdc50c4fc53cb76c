//! The `module` payload: a namespace dict with `__name__`, and module attribute access
//! (including PEP 562 module `__getattr__`).

use crate::object::core::alloc;
use crate::object::{Py, PyCell, Type, Value};
use crate::runtime::registry::BuiltinTypes;
use crate::runtime::{Args, PyResult, Vm};

use super::dict::Dict;
use super::str::Str;

/// A Python module.
pub struct Module {
    dict: Py<Dict>,
    /// Lazily created `__dict__` cell for the generic attribute machinery (always `Some`).
    dict_cell: PyCell<Option<Py<Dict>>>,
}

crate::payload!(Module, gc);

impl Module {
    /// Cycle collector: the dict (held twice: the field and the `__dict__` cell).
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        visit.py(&self.dict);
        self.dict_cell.with(|d| visit.opt(d));
    }

    /// Nothing: the dict field is immutable, and emptying the dict could break a live
    /// function whose globals it is; the dict, if garbage too, is cleared on its own.
    fn gc_clear(&self) {}
}

impl Module {
    /// Allocates a module named `name` with a fresh namespace.
    pub(crate) fn alloc(types: &BuiltinTypes, name: &Py<Str>) -> Py<Module> {
        let _ = name;
        let dict = alloc(&types.dict, Dict::new());
        alloc(
            &types.module,
            Module {
                dict: dict.clone(),
                dict_cell: PyCell::new(Some(dict)),
            },
        )
    }

    /// The module's namespace.
    #[inline]
    pub fn dict(&self) -> &Py<Dict> {
        &self.dict
    }

    /// `__name__`, if it is a str.
    pub fn name(&self, vm: &Vm) -> Option<Py<Str>> {
        self.dict
            .get_str(&vm.names.__name__)
            .and_then(|v| v.into_downcast::<Str>().ok())
    }
}

impl Vm {
    /// A new module object with `__name__`, `__doc__` (None), `__package__`, `__loader__`
    /// and `__spec__` set as `types.ModuleType(name)` does.
    pub fn new_module(&self, name: &str) -> Py<Module> {
        let n = self.intern(name);
        let m = Module::alloc(&self.types, &n);
        let d = m.dict();
        d.set_str(&self.names.__name__, n.into());
        d.set_str(&self.names.__doc__, Value::None);
        d.set_str(&self.names.__package__, Value::None);
        d.set_str(&self.names.__loader__, Value::None);
        d.set_str(&self.names.__spec__, Value::None);
        m
    }

    /// Adds a native function to a module.
    pub fn add_function(
        &self,
        module: &Py<Module>,
        name: &'static str,
        func: super::function::NativeFn,
    ) {
        let f = self.new_native_function(name, func, module.clone().into());
        module.dict().set_str(&self.intern(name), f.into());
    }
}

fn module_getattro(vm: &Vm, v: &Value, name: &Py<Str>) -> PyResult<Value> {
    if let Some(x) = crate::runtime::attr::generic_getattr_opt(vm, v, name)? {
        return Ok(x);
    }
    let m = v
        .downcast::<Module>()
        .ok_or_else(|| vm.new_type_error("expected module"))?;
    if let Some(getattr) = m.dict().get_str(&vm.names.__getattr__) {
        return vm.call(&getattr, Args::positional(&[Value::from(name)]));
    }
    let msg = match m.name(vm) {
        Some(n) => format!(
            "module '{}' has no attribute '{}'",
            n.to_lossy(),
            name.to_lossy()
        ),
        None => format!("module has no attribute '{}'", name.to_lossy()),
    };
    let err = vm.new_attribute_error_msg(msg);
    err.exc()
        .set_attr_fields(vm, Some(Value::from(name)), Some(v.clone()));
    Err(err)
}

fn module_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let m = v
        .downcast::<Module>()
        .ok_or_else(|| vm.new_type_error("expected module"))?;
    let name = m
        .name(vm)
        .map(|n| n.to_lossy().into_owned())
        .unwrap_or_else(|| "?".into());
    let text = match m.dict().get_str(&vm.names.__file__) {
        Some(f) if f.downcast::<Str>().is_some() => {
            format!("<module '{name}' from {}>", vm.repr(&f)?.to_lossy())
        }
        _ => {
            if m.dict()
                .get_rust_str("__loader__")
                .is_some_and(|l| !l.is_none())
                || vm.is_builtin_module_name(&name)
            {
                format!("<module '{name}' (built-in)>")
            } else {
                format!("<module '{name}'>")
            }
        }
    };
    Ok(vm.new_str(&text).into())
}

fn module_dictptr(v: &Value) -> Option<&PyCell<Option<Py<Dict>>>> {
    v.downcast::<Module>().map(|m| &m.dict_cell)
}

fn module_new(vm: &Vm, cls: &Py<Type>, _args: Args<'_>) -> PyResult<Value> {
    let dict = vm.new_dict();
    vm.alloc_instance(
        cls,
        Module {
            dict: dict.clone(),
            dict_cell: PyCell::new(Some(dict)),
        },
    )
}

fn module_init(vm: &Vm, v: &Value, args: Args<'_>) -> PyResult<()> {
    let [name, doc] = args.bind(vm, "module", ["name", "doc"], 1, 0)?;
    let m = v
        .downcast::<Module>()
        .ok_or_else(|| vm.new_type_error("expected module"))?;
    let d = m.dict();
    d.set_str(&vm.names.__name__, name.cloned().unwrap_or(Value::None));
    d.set_str(&vm.names.__doc__, doc.cloned().unwrap_or(Value::None));
    d.set_str(&vm.names.__package__, Value::None);
    d.set_str(&vm.names.__loader__, Value::None);
    d.set_str(&vm.names.__spec__, Value::None);
    Ok(())
}

/// Fills in `module`'s slots.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.module;
    t.slots.getattro.set(Some(module_getattro));
    t.slots.repr.set(Some(module_repr));
    t.slots.dictptr.set(Some(module_dictptr));
    t.slots.new.set(Some(module_new));
    t.slots.init.set(Some(module_init));
    vm.add_getset(t, "__dict__", crate::runtime::attr::get_payload_dict, None);
    vm.add_methods(t, &[("__dir__", module_dir)]);
}

/// `module.__dir__()`: the module's own `__dir__` function if its namespace defines one
/// (PEP 562), else the namespace's keys.
fn module_dir(vm: &Vm, args: crate::runtime::Args<'_>) -> PyResult<Value> {
    let this = args.one(vm, "__dir__")?;
    let dict = vm.getattr(this, &vm.names.__dict__)?;
    let Some(d) = dict.downcast::<crate::types::dict::Dict>() else {
        return Err(vm.new_type_error("<module>.__dict__ is not a dictionary"));
    };
    if let Some(f) = d.get_str(&vm.names.__dir__) {
        return vm.call_pos(&f, &[]);
    }
    Ok(vm.new_list(d.keys()).into())
}
