//! `PyErr` and `PyResult`: a raised Python exception travelling up the Rust stack, and the
//! constructors of the exceptions the VM raises itself, with CPython's messages.

use crate::object::{ObjRef, Py, Type, Value};
use crate::types::exception::BaseException;

use super::Vm;

/// A raised exception: owns the exception instance.
pub struct PyErr {
    exc: Py<BaseException>,
}

/// The result of anything that can raise.
pub type PyResult<T> = Result<T, PyErr>;

impl PyErr {
    /// Wraps an exception instance.
    #[inline]
    pub fn new(exc: Py<BaseException>) -> PyErr {
        PyErr { exc }
    }

    /// The exception instance.
    #[inline]
    pub fn exc(&self) -> &Py<BaseException> {
        &self.exc
    }

    /// The exception instance as a value.
    pub fn value(&self) -> Value {
        Value::from(&self.exc)
    }

    /// Unwraps the exception instance.
    pub fn into_exc(self) -> Py<BaseException> {
        self.exc
    }

    /// The exception's type.
    pub fn class(&self) -> &Py<Type> {
        self.exc.as_obj().ty()
    }

    /// Whether the exception is an instance of `ty`.
    pub fn matches(&self, ty: &Py<Type>) -> bool {
        self.class().is_subtype(ty)
    }

    /// The untyped object.
    pub fn obj(&self) -> &ObjRef {
        self.exc.as_obj()
    }
}

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PyErr({})", self.class().name())
    }
}

/// Builds `vm.new_<name>(msg)` constructors for the exceptions the VM raises.
macro_rules! error_constructors {
    ($($(#[doc = $doc:literal])* $fn_name:ident => $field:ident,)*) => {
        impl Vm {
            $(
                $(#[doc = $doc])*
                #[cold]
                pub fn $fn_name(&self, msg: impl Into<String>) -> PyErr {
                    self.new_exception_msg(&self.exc.$field, msg.into())
                }
            )*
        }
    };
}

error_constructors! {
    /// `TypeError(msg)`.
    new_type_error => type_error,
    /// `ValueError(msg)`.
    new_value_error => value_error,
    /// `AttributeError(msg)` (use `attribute_error` to set `name`/`obj`).
    new_attribute_error_msg => attribute_error,
    /// `NameError(msg)`.
    new_name_error_msg => name_error,
    /// `IndexError(msg)`.
    new_index_error => index_error,
    /// `KeyError(msg)` with a message (use `new_key_error` for a key).
    new_key_error_msg => key_error,
    /// `ZeroDivisionError(msg)`.
    new_zero_division_error => zero_division_error,
    /// `OverflowError(msg)`.
    new_overflow_error => overflow_error,
    /// `RuntimeError(msg)`.
    new_runtime_error => runtime_error,
    /// `RecursionError(msg)`.
    new_recursion_error => recursion_error,
    /// `NotImplementedError(msg)`.
    new_not_implemented_error => not_implemented_error,
    /// `AssertionError(msg)`.
    new_assertion_error => assertion_error,
    /// `ImportError(msg)`.
    new_import_error => import_error,
    /// `ModuleNotFoundError(msg)`.
    new_module_not_found_error => module_not_found_error,
    /// `UnboundLocalError(msg)`.
    new_unbound_local_error => unbound_local_error,
    /// `MemoryError(msg)`.
    new_memory_error => memory_error,
    /// `SystemError(msg)`.
    new_system_error => system_error,
    /// `OSError(msg)`.
    new_os_error => os_error,
    /// `EOFError(msg)`.
    new_eof_error => eof_error,
    /// `LookupError(msg)`.
    new_lookup_error => lookup_error,
    /// `UnicodeError(msg)`.
    new_unicode_error => unicode_error,
    /// `BufferError(msg)`.
    new_buffer_error => buffer_error,
}

impl Vm {
    /// An exception of type `ty` with one str argument.
    #[cold]
    pub fn new_exception_msg(&self, ty: &Py<Type>, msg: String) -> PyErr {
        let arg = Value::from(self.new_str(&msg));
        PyErr::new(crate::types::exception::new_exception(self, ty, vec![arg]))
    }

    /// An exception of type `ty` with the given arguments.
    #[cold]
    pub fn new_exception(&self, ty: &Py<Type>, args: Vec<Value>) -> PyErr {
        PyErr::new(crate::types::exception::new_exception(self, ty, args))
    }

    /// `KeyError(key)`.
    #[cold]
    pub fn new_key_error(&self, key: Value) -> PyErr {
        self.new_exception(&self.exc.key_error, vec![key])
    }

    /// `StopIteration(value)` (`value` omitted when `None`).
    #[cold]
    pub fn new_stop_iteration(&self, value: Value) -> PyErr {
        let args = if value.is_none() { vec![] } else { vec![value] };
        self.new_exception(&self.exc.stop_iteration, args)
    }

    /// `AttributeError` with CPython's "'T' object has no attribute 'name'" message and its
    /// `name` and `obj` attributes set.
    #[cold]
    pub fn new_no_attribute(&self, obj: &Value, name: &Py<crate::types::str::Str>) -> PyErr {
        let msg = match obj.downcast::<Type>() {
            Some(t) => format!(
                "type object '{}' has no attribute '{}'",
                t.name(),
                name.to_lossy()
            ),
            None => format!(
                "'{}' object has no attribute '{}'",
                obj.class(self).name(),
                name.to_lossy()
            ),
        };
        let err = self.new_exception_msg(&self.exc.attribute_error, msg);
        err.exc()
            .set_attr_fields(self, Some(Value::from(name)), Some(obj.clone()));
        err
    }

    /// `NameError: name 'x' is not defined` with `name` set.
    #[cold]
    pub fn new_name_error(&self, name: &Py<crate::types::str::Str>) -> PyErr {
        let err = self.new_exception_msg(
            &self.exc.name_error,
            format!("name '{}' is not defined", name.to_lossy()),
        );
        err.exc()
            .set_attr_fields(self, Some(Value::from(name)), None);
        err
    }

    /// `TypeError: unsupported operand type(s) for OP: 'A' and 'B'`.
    #[cold]
    pub fn new_unsupported_operands(&self, op: &str, a: &Value, b: &Value) -> PyErr {
        self.new_type_error(format!(
            "unsupported operand type(s) for {op}: '{}' and '{}'",
            a.class(self).name(),
            b.class(self).name()
        ))
    }

    /// The type's name as CPython's messages show it (`%.200s` of `tp_name`): a builtin
    /// type defined by a module other than `builtins` is named `module.name` there
    /// (`'collections.deque' object ...`).
    pub fn type_name(&self, v: &Value) -> std::rc::Rc<str> {
        let ty = v.class(self);
        let module = ty.builtin_module();
        if ty.is_heap() || module == "builtins" {
            return ty.name();
        }
        std::rc::Rc::from(format!("{module}.{}", ty.name()))
    }
}
