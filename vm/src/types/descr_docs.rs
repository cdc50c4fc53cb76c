//! `__doc__` and `__text_signature__` of the builtin descriptor types. Slot wrappers
//! (`int.__add__`, `[].__len__`) answer from one row per dunder, as CPython's slot table
//! gives them, so `help()` and `inspect.signature` see what they see under CPython; native
//! methods carry no docstrings in rpy and answer None (as CPython does for a method without
//! one), rather than inheriting `object.__doc__` through the descriptor's type.

use crate::object::Value;
use crate::runtime::{PyResult, Vm};

use super::descr::SlotWrapper;
use super::method_wrapper::MethodWrapper;

/// The parameter shapes slot wrappers take after `$self`.
#[derive(Clone, Copy)]
enum Params {
    /// `($self, /)`
    Unary,
    /// `($self, value, /)`
    Value,
    /// `($self, /, *args, **kwargs)`
    Varargs,
    /// Any other list, written out.
    Other(&'static str),
}

/// `(dunder, parameters, docstring)`.
const ROWS: &[(&str, Params, &str)] = {
    use Params::*;
    &[
        ("__repr__", Unary, "Return repr(self)."),
        ("__str__", Unary, "Return str(self)."),
        ("__hash__", Unary, "Return hash(self)."),
        ("__call__", Varargs, "Call self as a function."),
        (
            "__init__",
            Varargs,
            "Initialize self.  See help(type(self)) for accurate signature.",
        ),
        (
            "__del__",
            Unary,
            "Called when the instance is about to be destroyed.",
        ),
        (
            "__getattribute__",
            Other("($self, name, /)"),
            "Return getattr(self, name).",
        ),
        (
            "__setattr__",
            Other("($self, name, value, /)"),
            "Implement setattr(self, name, value).",
        ),
        (
            "__delattr__",
            Other("($self, name, /)"),
            "Implement delattr(self, name).",
        ),
        ("__lt__", Value, "Return self<value."),
        ("__le__", Value, "Return self<=value."),
        ("__eq__", Value, "Return self==value."),
        ("__ne__", Value, "Return self!=value."),
        ("__gt__", Value, "Return self>value."),
        ("__ge__", Value, "Return self>=value."),
        ("__iter__", Unary, "Implement iter(self)."),
        ("__next__", Unary, "Implement next(self)."),
        (
            "__get__",
            Other("($self, instance, owner=None, /)"),
            "Return an attribute of instance, which is of type owner.",
        ),
        (
            "__set__",
            Other("($self, instance, value, /)"),
            "Set an attribute of instance to value.",
        ),
        (
            "__delete__",
            Other("($self, instance, /)"),
            "Delete an attribute of instance.",
        ),
        (
            "__await__",
            Unary,
            "Return an iterator to be used in await expression.",
        ),
        (
            "__aiter__",
            Unary,
            "Return an awaitable, that resolves in asynchronous iterator.",
        ),
        (
            "__anext__",
            Unary,
            "Return a value or raise StopAsyncIteration.",
        ),
        ("__add__", Value, "Return self+value."),
        ("__radd__", Value, "Return value+self."),
        ("__sub__", Value, "Return self-value."),
        ("__rsub__", Value, "Return value-self."),
        ("__mul__", Value, "Return self*value."),
        ("__rmul__", Value, "Return value*self."),
        ("__mod__", Value, "Return self%value."),
        ("__rmod__", Value, "Return value%self."),
        ("__divmod__", Value, "Return divmod(self, value)."),
        ("__rdivmod__", Value, "Return divmod(value, self)."),
        (
            "__pow__",
            Other("($self, value, mod=None, /)"),
            "Return pow(self, value, mod).",
        ),
        (
            "__rpow__",
            Other("($self, value, mod=None, /)"),
            "Return pow(value, self, mod).",
        ),
        ("__neg__", Unary, "-self"),
        ("__pos__", Unary, "+self"),
        ("__abs__", Unary, "abs(self)"),
        ("__bool__", Unary, "True if self else False"),
        ("__invert__", Unary, "~self"),
        ("__lshift__", Value, "Return self<<value."),
        ("__rlshift__", Value, "Return value<<self."),
        ("__rshift__", Value, "Return self>>value."),
        ("__rrshift__", Value, "Return value>>self."),
        ("__and__", Value, "Return self&value."),
        ("__rand__", Value, "Return value&self."),
        ("__xor__", Value, "Return self^value."),
        ("__rxor__", Value, "Return value^self."),
        ("__or__", Value, "Return self|value."),
        ("__ror__", Value, "Return value|self."),
        ("__int__", Unary, "int(self)"),
        ("__float__", Unary, "float(self)"),
        ("__iadd__", Value, "Implement self+=value."),
        ("__isub__", Value, "Return self-=value."),
        ("__imul__", Value, "Implement self*=value."),
        ("__imod__", Value, "Return self%=value."),
        ("__ipow__", Value, "Return self**=value."),
        ("__ilshift__", Value, "Return self<<=value."),
        ("__irshift__", Value, "Return self>>=value."),
        ("__iand__", Value, "Return self&=value."),
        ("__ixor__", Value, "Return self^=value."),
        ("__ior__", Value, "Return self|=value."),
        ("__floordiv__", Value, "Return self//value."),
        ("__rfloordiv__", Value, "Return value//self."),
        ("__truediv__", Value, "Return self/value."),
        ("__rtruediv__", Value, "Return value/self."),
        ("__ifloordiv__", Value, "Return self//=value."),
        ("__itruediv__", Value, "Return self/=value."),
        (
            "__index__",
            Unary,
            "Return self converted to an integer, if self is suitable for use as an index into a list.",
        ),
        ("__matmul__", Value, "Return self@value."),
        ("__rmatmul__", Value, "Return value@self."),
        ("__imatmul__", Value, "Return self@=value."),
        ("__len__", Unary, "Return len(self)."),
        ("__getitem__", Other("($self, key, /)"), "Return self[key]."),
        (
            "__setitem__",
            Other("($self, key, value, /)"),
            "Set self[key] to value.",
        ),
        ("__delitem__", Other("($self, key, /)"), "Delete self[key]."),
        (
            "__contains__",
            Other("($self, key, /)"),
            "Return bool(key in self).",
        ),
        (
            "__buffer__",
            Other("($self, flags, /)"),
            "Return a buffer object that exposes the underlying memory of the object.",
        ),
        (
            "__release_buffer__",
            Other("($self, buffer, /)"),
            "Release the buffer object that exposes the underlying memory of the object.",
        ),
    ]
};

/// The text signature and docstring of the slot wrapper named `dunder`.
fn slot_doc(dunder: &str) -> Option<(&'static str, &'static str)> {
    let &(_, params, doc) = ROWS.iter().find(|(name, _, _)| *name == dunder)?;
    let signature = match params {
        Params::Unary => "($self, /)",
        Params::Value => "($self, value, /)",
        Params::Varargs => "($self, /, *args, **kwargs)",
        Params::Other(s) => s,
    };
    Some((signature, doc))
}

/// The slot wrapper behind a wrapper descriptor or a method-wrapper.
fn wrapper_name(v: &Value) -> Option<&'static str> {
    if let Some(w) = v.downcast::<SlotWrapper>() {
        return Some(w.name);
    }
    v.downcast::<MethodWrapper>().map(|m| m.descr.name)
}

fn wrapper_doc(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(match wrapper_name(v).and_then(slot_doc) {
        Some((_, doc)) => vm.new_str(doc).into(),
        None => Value::None,
    })
}

fn wrapper_signature(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(match wrapper_name(v).and_then(slot_doc) {
        Some((signature, _)) => vm.new_str(signature).into(),
        None => Value::None,
    })
}

fn none(_: &Vm, _: &Value) -> PyResult<Value> {
    Ok(Value::None)
}

/// Adds `__doc__` (and `__text_signature__` where CPython has one) to the descriptor types.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types;
    for ty in [&t.wrapper_descriptor, &t.method_wrapper] {
        vm.add_getset(ty, "__doc__", wrapper_doc, None);
        vm.add_getset(ty, "__text_signature__", wrapper_signature, None);
    }
    for ty in [&t.method_descriptor, &t.classmethod_descriptor] {
        vm.add_getset(ty, "__doc__", none, None);
        vm.add_getset(ty, "__text_signature__", none, None);
    }
    vm.add_getset(&t.builtin_function, "__text_signature__", none, None);
    for ty in [&t.getset_descriptor, &t.member_descriptor] {
        vm.add_getset(ty, "__doc__", none, None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::object::slots::SLOT_DUNDERS;

    // The doc rows and the slot table must agree: every dunder a slot wrapper can be made
    // for has a row (`__new__` and `__getattr__` never get wrappers).
    #[test]
    fn every_slot_dunder_has_a_doc_row() {
        for &(dunder, _) in SLOT_DUNDERS {
            if dunder == "__new__" || dunder == "__getattr__" {
                continue;
            }
            assert!(slot_doc(dunder).is_some(), "no doc row for {dunder}");
        }
    }
}
