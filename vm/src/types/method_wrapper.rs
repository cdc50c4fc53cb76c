//! `method-wrapper`: a builtin type's slot wrapper bound to an instance (`[].__len__`,
//! `(1).__add__`), CPython's `wrapperobject`; calling it runs the owner's native slot.

use crate::object::{CompareOp, Py, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::types::descr::SlotWrapper;

/// A slot wrapper together with the instance it was looked up on.
pub struct MethodWrapper {
    /// The unbound `wrapper_descriptor`.
    pub descr: Py<SlotWrapper>,
    /// `__self__`.
    pub this: Value,
}

crate::payload!(MethodWrapper, gc);

impl MethodWrapper {
    /// Cycle collector: the descriptor and the receiver (immutable once built).
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        visit.py(&self.descr);
        visit.value(&self.this);
    }

    fn gc_clear(&self) {}
}

/// Binds `descr` to `this` (the wrapper descriptor's `__get__`).
pub fn bind(vm: &Vm, descr: Py<SlotWrapper>, this: Value) -> Value {
    crate::object::core::alloc(&vm.types.method_wrapper, MethodWrapper { descr, this }).into()
}

fn this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<MethodWrapper>> {
    v.downcast::<MethodWrapper>()
        .ok_or_else(|| vm.new_type_error("expected method-wrapper"))
}

fn wrapper_call(vm: &Vm, callable: &Value, args: Args<'_>) -> PyResult<Value> {
    let m = this(vm, callable)?;
    let d = &m.descr;
    crate::runtime::slot_dispatch::call_slot_wrapper(vm, &d.owner, d.slot, d.name, &m.this, args)
}

fn wrapper_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let m = this(vm, v)?;
    let text = format!(
        "<method-wrapper '{}' of {} object at {:#x}>",
        m.descr.name,
        vm.type_name(&m.this),
        m.this.id()
    );
    Ok(vm.new_str(&text).into())
}

/// Equal when both wrap the same descriptor for the same object (identity, not `==`).
fn wrapper_richcompare(vm: &Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.downcast::<MethodWrapper>(), b.downcast::<MethodWrapper>()) else {
        return Ok(vm.not_implemented());
    };
    if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
        return Ok(vm.not_implemented());
    }
    let eq = x.descr.is(&y.descr) && x.this.is(&y.this);
    Ok(Value::Bool(eq == (op == CompareOp::Eq)))
}

fn wrapper_hash(vm: &Vm, v: &Value) -> PyResult<i64> {
    use crate::runtime::hash::{fix, hash_pointer};
    let m = this(vm, v)?;
    let descr: Value = m.descr.clone().into();
    Ok(fix(
        hash_pointer(m.this.id() as usize) ^ hash_pointer(descr.id() as usize)
    ))
}

/// Fills in `method-wrapper`'s slots and attributes.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.method_wrapper;
    t.slots.call.set(Some(wrapper_call));
    t.slots.repr.set(Some(wrapper_repr));
    t.slots.richcompare.set(Some(wrapper_richcompare));
    t.slots.hash.set(Some(wrapper_hash));
    vm.add_getset(t, "__self__", |vm, v| Ok(this(vm, v)?.this.clone()), None);
    vm.add_getset(
        t,
        "__name__",
        |vm, v| Ok(vm.new_str(this(vm, v)?.descr.name).into()),
        None,
    );
    vm.add_getset(
        t,
        "__qualname__",
        |vm, v| {
            let d = &this(vm, v)?.descr;
            Ok(vm
                .new_str(&format!("{}.{}", d.owner.qualname(), d.name))
                .into())
        },
        None,
    );
    vm.add_getset(
        t,
        "__objclass__",
        |vm, v| Ok(this(vm, v)?.descr.owner.clone().into()),
        None,
    );
}
