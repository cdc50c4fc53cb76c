//! The bridge between slots and dunders, both ways.
//!
//! * Heap types whose MRO defines a slot's dunder in Python get a generic slot function
//!   here that looks the dunder up and calls it (CPython's `slot_*` functions), with
//!   CPython's rules for reflected binary operands and result checks.
//! * Builtin types expose their native slots as dunders through slot wrappers
//!   (`int.__add__`); [`call_slot_wrapper`] calls the native slot behind one.
//! * [`update_slots`] recomputes a heap type's slots from its MRO (class creation, and
//!   whenever a dunder is assigned on the class or a base).

use crate::object::slots::{BinaryFn, RichCompareFn, SLOT_DUNDERS, SlotId, Slots, dunders_of_slot};
use crate::object::{CompareOp, ObjRef, Py, Type, Value};
use crate::types::descr::{MethodDescr, MethodKind, SlotWrapper};
use crate::types::function::Function;
use crate::types::str::Str;

use super::{Args, BinOp, PyResult, Vm};

/// Looks up a special method on the type of `obj` and binds it: `(callable, needs_self)`.
/// Functions are returned unbound so the call can pass `obj` without a bound-method object.
fn lookup_special(vm: &Vm, obj: &Value, name: &Py<Str>) -> PyResult<Option<(Value, bool)>> {
    let Some(f) = vm.type_lookup(obj.class(vm), name) else {
        return Ok(None);
    };
    if f.downcast::<Function>().is_some()
        || f.downcast::<MethodDescr>()
            .is_some_and(|d| d.kind == MethodKind::Instance)
        || f.downcast::<SlotWrapper>().is_some()
    {
        return Ok(Some((f, true)));
    }
    // Owned: the descriptor may run code that reassigns `obj.__class__`.
    let ty = obj.class(vm).clone();
    match f.class(vm).slots.descr_get.get() {
        Some(get) => Ok(Some((
            get(vm, &f, Some(obj), Some(&Value::from(&ty)))?,
            false,
        ))),
        None => Ok(Some((f, false))),
    }
}

/// Whether `obj`'s type sets special method `name` to None (`__iter__ = None` and friends
/// mean "not supported").
pub fn special_is_none(vm: &Vm, obj: &Value, name: &Py<Str>) -> bool {
    vm.type_lookup(obj.class(vm), name)
        .is_some_and(|f| f.is_none())
}

/// Calls special method `name` on `obj`; `None` if the type does not define it.
pub fn call_special(
    vm: &Vm,
    obj: &Value,
    name: &Py<Str>,
    args: &[Value],
) -> PyResult<Option<Value>> {
    let Some((f, needs_self)) = lookup_special(vm, obj, name)? else {
        return Ok(None);
    };
    if needs_self && let Some(func) = f.downcast::<crate::types::function::Function>() {
        return vm.call_python_self(func, obj, args).map(Some);
    }
    let r = if needs_self {
        // The operator dunders take one or two arguments: `self` goes in front of them in
        // a stack array rather than through `call_prepended`'s eight-slot buffer.
        match args {
            [] => vm.call(&f, Args::positional(std::slice::from_ref(obj)))?,
            [a] => vm.call(&f, Args::positional(&[obj.clone(), a.clone()]))?,
            [a, b] => vm.call(&f, Args::positional(&[obj.clone(), a.clone(), b.clone()]))?,
            _ => crate::types::function::call_prepended(vm, &f, obj, Args::positional(args))?,
        }
    } else {
        vm.call(&f, Args::positional(args))?
    };
    Ok(Some(r))
}

fn require(vm: &Vm, obj: &Value, name: &Py<Str>, args: &[Value]) -> PyResult<Value> {
    match call_special(vm, obj, name, args)? {
        Some(v) => Ok(v),
        None => Err(vm.new_no_attribute(obj, name)),
    }
}

// --- generic slots for heap types --------------------------------------------------------------

fn slot_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let r = require(vm, v, &vm.names.__repr__, &[])?;
    if r.downcast::<Str>().is_none() {
        return Err(vm.new_type_error(format!(
            "__repr__ returned non-string (type {})",
            vm.type_name(&r)
        )));
    }
    Ok(r)
}

fn slot_str(vm: &Vm, v: &Value) -> PyResult<Value> {
    let r = require(vm, v, &vm.names.__str__, &[])?;
    if r.downcast::<Str>().is_none() {
        return Err(vm.new_type_error(format!(
            "__str__ returned non-string (type {})",
            vm.type_name(&r)
        )));
    }
    Ok(r)
}

/// The hash slot of types with `__hash__ = None`.
pub fn hash_not_implemented(vm: &Vm, v: &Value) -> PyResult<i64> {
    Err(vm.new_type_error(format!("unhashable type: '{}'", vm.type_name(v))))
}

fn slot_hash(vm: &Vm, v: &Value) -> PyResult<i64> {
    let Some(r) = call_special(vm, v, &vm.names.__hash__, &[])? else {
        return hash_not_implemented(vm, v);
    };
    // A result that fits a machine word is the hash itself (-1 becomes -2); a bigger one
    // is reduced as int's hash does (CPython's slot_tp_hash).
    match crate::types::int::as_int(&r) {
        Some(crate::types::int::IntRef::Small(-1)) => Ok(-2),
        Some(crate::types::int::IntRef::Small(h)) => Ok(h),
        Some(i) => Ok(crate::types::int::int_hash(i)),
        None => Err(vm.new_type_error("__hash__ method should return an integer")),
    }
}

fn slot_call(vm: &Vm, v: &Value, args: Args<'_>) -> PyResult<Value> {
    let Some((f, needs_self)) = lookup_special(vm, v, &vm.names.__call__)? else {
        return Err(vm.new_type_error(format!("'{}' object is not callable", vm.type_name(v))));
    };
    if needs_self {
        crate::types::function::call_prepended(vm, &f, v, args)
    } else {
        vm.call(&f, args)
    }
}

fn slot_getattro(vm: &Vm, v: &Value, attr: &Py<Str>) -> PyResult<Value> {
    let ty = v.class(vm).clone();
    let getattribute = vm.type_lookup(&ty, &vm.names.__getattribute__);
    let is_generic = getattribute.as_ref().is_none_or(|g| {
        g.downcast::<SlotWrapper>()
            .is_some_and(|w| w.owner.is(&vm.types.object))
    });
    let first = if is_generic {
        super::attr::generic_getattr(vm, v, attr)
    } else {
        require(vm, v, &vm.names.__getattribute__, &[Value::from(attr)])
    };
    match first {
        Err(e) if e.matches(&vm.exc.attribute_error) => {
            if vm.type_lookup(&ty, &vm.names.__getattr__).is_some() {
                drop(e);
                require(vm, v, &vm.names.__getattr__, &[Value::from(attr)])
            } else {
                Err(e)
            }
        }
        other => other,
    }
}

fn slot_setattro(vm: &Vm, v: &Value, attr: &Py<Str>, value: Option<Value>) -> PyResult<()> {
    match value {
        Some(x) => require(vm, v, &vm.names.__setattr__, &[Value::from(attr), x])?,
        None => require(vm, v, &vm.names.__delattr__, &[Value::from(attr)])?,
    };
    Ok(())
}

fn slot_richcompare(vm: &Vm, v: &Value, w: &Value, op: CompareOp) -> PyResult<Value> {
    match call_special(vm, v, compare_name(vm, op), std::slice::from_ref(w))? {
        Some(r) => Ok(r),
        None => Ok(vm.not_implemented()),
    }
}

/// The dunder name of comparison `op`.
fn compare_name(vm: &Vm, op: CompareOp) -> &Py<Str> {
    let n = &vm.names;
    match op {
        CompareOp::Lt => &n.__lt__,
        CompareOp::Le => &n.__le__,
        CompareOp::Eq => &n.__eq__,
        CompareOp::Ne => &n.__ne__,
        CompareOp::Gt => &n.__gt__,
        CompareOp::Ge => &n.__ge__,
    }
}

/// Whether `ty` compares through the generic slot (a comparison dunder defined in Python
/// somewhere in its MRO).
#[inline]
pub(crate) fn compares_in_python(ty: &Py<Type>) -> bool {
    ty.slots
        .richcompare
        .get()
        .is_some_and(|f| std::ptr::fn_addr_eq(f, slot_richcompare as RichCompareFn))
}

/// The Python function `COMPARE_OP` may run as a frame of the eval loop for `lhs OP rhs`:
/// `lhs`'s type compares through the generic slot, the lookup of the operator's dunder
/// finds a plain function, and the comparison protocol calls it first (`rhs`'s type is
/// `lhs`'s, or no subclass of it with a comparison slot, whose reflected method would go
/// first). `None` for anything else.
pub(crate) fn compare_dunder(
    vm: &Vm,
    lhs: &Value,
    rhs: &Value,
    op: CompareOp,
) -> Option<Py<Function>> {
    let lt = lhs.class(vm);
    if !compares_in_python(lt) {
        return None;
    }
    let rt = rhs.class(vm);
    if !rt.is(lt) && rt.is_subtype(lt) && rt.slots.richcompare.get().is_some() {
        return None;
    }
    vm.type_lookup(lt, compare_name(vm, op))?
        .into_downcast::<Function>()
        .ok()
}

fn slot_iter(vm: &Vm, v: &Value) -> PyResult<Value> {
    // One lookup (gens): `__iter__ = None` means not iterable; a plain function (often a
    // generator function, made into its generator without entering the loop) gets `self`
    // directly, as `call_special` would call it.
    let r = match vm.type_lookup(v.class(vm), &vm.names.__iter__) {
        None => None,
        Some(f) if f.is_none() => None,
        Some(f) => match f.downcast::<Function>() {
            Some(func) => Some(vm.call_python_self(func, v, &[])?),
            None => call_special(vm, v, &vm.names.__iter__, &[])?,
        },
    };
    let Some(r) = r else {
        return Err(vm.new_type_error(format!("'{}' object is not iterable", vm.type_name(v))));
    };
    if r.class(vm).slots.iternext.get().is_none() {
        return Err(vm.new_type_error(format!(
            "iter() returned non-iterator of type '{}'",
            vm.type_name(&r)
        )));
    }
    Ok(r)
}

/// The Python `__next__` `FOR_ITER` may run as a frame of the eval loop: `it`'s type steps
/// through the generic slot and the lookup finds a plain function. `None` otherwise.
pub(crate) fn next_dunder(vm: &Vm, it: &Value) -> Option<Py<Function>> {
    let ty = it.class(vm);
    if !ty
        .slots
        .iternext
        .get()
        .is_some_and(|f| std::ptr::fn_addr_eq(f, slot_iternext as crate::object::slots::IterNextFn))
    {
        return None;
    }
    vm.type_lookup(ty, &vm.names.__next__)?
        .into_downcast::<Function>()
        .ok()
}

fn slot_iternext(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    // StopIteration (with its value) propagates; `vm.next` treats it as exhaustion.
    require(vm, v, &vm.names.__next__, &[]).map(Some)
}

fn slot_descr_get(
    vm: &Vm,
    d: &Value,
    obj: Option<&Value>,
    owner: Option<&Value>,
) -> PyResult<Value> {
    let obj = obj.cloned().unwrap_or(Value::None);
    let owner = owner.cloned().unwrap_or(Value::None);
    require(vm, d, &vm.names.__get__, &[obj, owner])
}

fn slot_descr_set(vm: &Vm, d: &Value, obj: &Value, value: Option<Value>) -> PyResult<()> {
    match value {
        Some(x) => require(vm, d, &vm.names.__set__, &[obj.clone(), x])?,
        None => require(vm, d, &vm.names.__delete__, std::slice::from_ref(obj))?,
    };
    Ok(())
}

/// Whether a type's call slot is the generic `__call__` dispatch (a Python-level
/// `__call__`), which the eval loop may replace by calling the method itself.
pub(crate) fn is_slot_call(f: Option<crate::object::slots::CallFn>) -> bool {
    f.is_some_and(|f| std::ptr::fn_addr_eq(f, slot_call as crate::object::slots::CallFn))
}

/// Whether a type's init slot is the generic `__init__` dispatch (a Python-level
/// `__init__`), which the eval loop may replace by pushing the `__init__` frame itself.
pub(crate) fn is_slot_init(f: Option<crate::object::slots::InitFn>) -> bool {
    f.is_some_and(|f| std::ptr::fn_addr_eq(f, slot_init as crate::object::slots::InitFn))
}

fn slot_init(vm: &Vm, v: &Value, args: Args<'_>) -> PyResult<()> {
    let Some((f, needs_self)) = lookup_special(vm, v, &vm.names.__init__)? else {
        return Ok(());
    };
    let r = if needs_self {
        crate::types::function::call_prepended(vm, &f, v, args)?
    } else {
        vm.call(&f, args)?
    };
    if !r.is_none() {
        return Err(vm.new_type_error(format!(
            "__init__() should return None, not '{}'",
            vm.type_name(&r)
        )));
    }
    Ok(())
}

fn slot_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    // `type.__getattribute__(cls, '__new__')`: cls's own MRO (a staticmethod), not the
    // metatype's `__new__`.
    let new = crate::types::type_::type_getattro(vm, &Value::from(cls), &vm.names.__new__)?;
    crate::types::function::call_prepended(vm, &new, &Value::from(cls), args)
}

fn slot_del(vm: &Vm, v: &Value) -> PyResult<()> {
    call_special(vm, v, &vm.names.__del__, &[])?;
    Ok(())
}

fn slot_len(vm: &Vm, v: &Value) -> PyResult<usize> {
    let r = require(vm, v, &vm.names.__len__, &[])?;
    let Some(i) = vm.try_index(&r)? else {
        return Err(vm.new_type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(&r)
        )));
    };
    use num_traits::{Signed, ToPrimitive};
    if i.is_negative() {
        return Err(vm.new_value_error("__len__() should return >= 0"));
    }
    i.to_usize()
        .filter(|&n| n <= i64::MAX as usize)
        .ok_or_else(|| vm.new_overflow_error("cannot fit 'int' into an index-sized integer"))
}

fn slot_getitem(vm: &Vm, v: &Value, key: &Value) -> PyResult<Value> {
    require(vm, v, &vm.names.__getitem__, std::slice::from_ref(key))
}

fn slot_setitem(vm: &Vm, v: &Value, key: &Value, value: Option<Value>) -> PyResult<()> {
    match value {
        Some(x) => require(vm, v, &vm.names.__setitem__, &[key.clone(), x])?,
        None => require(vm, v, &vm.names.__delitem__, std::slice::from_ref(key))?,
    };
    Ok(())
}

fn slot_contains(vm: &Vm, v: &Value, item: &Value) -> PyResult<bool> {
    if special_is_none(vm, v, &vm.names.__contains__) {
        return Err(vm.new_type_error(format!("'{}' object is not a container", vm.type_name(v))));
    }
    match call_special(vm, v, &vm.names.__contains__, std::slice::from_ref(item))? {
        Some(r) => vm.is_true(&r),
        None => vm.contains_by_iteration(v, item),
    }
}

fn slot_bool(vm: &Vm, v: &Value) -> PyResult<bool> {
    if special_is_none(vm, v, &vm.names.__bool__) {
        return Err(vm.new_type_error(format!(
            "'{}' cannot be interpreted as a boolean",
            vm.type_name(v)
        )));
    }
    let Some(r) = call_special(vm, v, &vm.names.__bool__, &[])? else {
        // Only __len__ is defined.
        return match vm.type_lookup(v.class(vm), &vm.names.__len__) {
            Some(_) => Ok(slot_len(vm, v)? != 0),
            None => Ok(true),
        };
    };
    match r {
        Value::Bool(b) => Ok(b),
        _ => Err(vm.new_type_error(format!(
            "__bool__ should return bool, returned {}",
            vm.type_name(&r)
        ))),
    }
}

macro_rules! unary_slots {
    ($($fn_name:ident => $dunder:ident;)*) => {
        $(
            fn $fn_name(vm: &Vm, v: &Value) -> PyResult<Value> {
                require(vm, v, &vm.names.$dunder, &[])
            }
        )*
    };
}

unary_slots! {
    slot_neg => __neg__;
    slot_pos => __pos__;
    slot_abs => __abs__;
    slot_invert => __invert__;
    slot_int => __int__;
    slot_float => __float__;
    slot_index => __index__;
    slot_await => __await__;
    slot_aiter => __aiter__;
    slot_anext => __anext__;
}

/// CPython's `SLOT1BINFULL`: try `v.__op__(w)`, or `w.__rop__(v)` first when `w`'s type is a
/// proper subclass overriding it. `generic_for` tells whether a type's slot is this very
/// dispatcher (its dunder is defined in Python); `op`/`rop` are interned names.
fn binary_full(
    vm: &Vm,
    v: &Value,
    w: &Value,
    generic_for: impl Fn(&Py<Type>) -> bool,
    op: &Py<Str>,
    rop: &Py<Str>,
    extra: Option<&Value>,
) -> PyResult<Value> {
    let v_ty = v.class(vm);
    let w_ty = w.class(vm);
    let same_type = v_ty.is(w_ty);
    let mut do_other = !same_type && generic_for(w_ty);
    if generic_for(v_ty) {
        if do_other && w_ty.is_subtype(v_ty) && method_is_overridden(vm, w_ty, v_ty, rop) {
            if let Some(r) = call_binary_special(vm, w, rop, v, extra)?
                && !vm.is_not_implemented(&r)
            {
                return Ok(r);
            }
            do_other = false;
        }
        match call_binary_special(vm, v, op, w, extra)? {
            Some(r) if !vm.is_not_implemented(&r) || same_type => return Ok(r),
            None if same_type => return Ok(vm.not_implemented()),
            _ => {}
        }
    }
    if do_other && let Some(r) = call_binary_special(vm, w, rop, v, extra)? {
        return Ok(r);
    }
    Ok(vm.not_implemented())
}

/// `obj.name(other)` or `obj.name(other, extra)` (three-argument `pow`).
#[inline]
fn call_binary_special(
    vm: &Vm,
    obj: &Value,
    name: &Py<Str>,
    other: &Value,
    extra: Option<&Value>,
) -> PyResult<Option<Value>> {
    match extra {
        None => call_special(vm, obj, name, std::slice::from_ref(other)),
        Some(m) => call_special(vm, obj, name, &[other.clone(), m.clone()]),
    }
}

/// Whether `sub` defines `name` differently from `base` (CPython's `method_is_overloaded`).
fn method_is_overridden(vm: &Vm, sub: &Py<Type>, base: &Py<Type>, name: &Py<Str>) -> bool {
    match (vm.type_lookup(sub, name), vm.type_lookup(base, name)) {
        (Some(a), Some(b)) => !a.is(&b),
        (Some(_), None) => true,
        _ => false,
    }
}

macro_rules! binary_slots {
    ($($fn_name:ident => $slot:ident, $op:ident, $rop:ident;)*) => {
        $(
            fn $fn_name(vm: &Vm, v: &Value, w: &Value) -> PyResult<Value> {
                let generic_for = |t: &Py<Type>| {
                    t.slots.$slot.get().is_some_and(|f| {
                        std::ptr::fn_addr_eq(f, $fn_name as crate::object::slots::BinaryFn)
                    })
                };
                binary_full(vm, v, w, generic_for, &vm.names.$op, &vm.names.$rop, None)
            }
        )*
    };
}

binary_slots! {
    slot_add => add, __add__, __radd__;
    slot_sub => sub, __sub__, __rsub__;
    slot_mul => mul, __mul__, __rmul__;
    slot_matmul => matmul, __matmul__, __rmatmul__;
    slot_truediv => truediv, __truediv__, __rtruediv__;
    slot_floordiv => floordiv, __floordiv__, __rfloordiv__;
    slot_rem => rem, __mod__, __rmod__;
    slot_divmod => divmod, __divmod__, __rdivmod__;
    slot_lshift => lshift, __lshift__, __rlshift__;
    slot_rshift => rshift, __rshift__, __rrshift__;
    slot_and => and, __and__, __rand__;
    slot_or => or, __or__, __ror__;
    slot_xor => xor, __xor__, __rxor__;
}

/// The generic slot and dunder names of a binary operator (`None` for `**`, whose slot
/// takes a modulus).
fn generic_binary(vm: &Vm, op: BinOp) -> Option<(BinaryFn, &Py<Str>, &Py<Str>)> {
    let n = &vm.names;
    let (f, name, rname): (BinaryFn, _, _) = match op {
        BinOp::Add => (slot_add, &n.__add__, &n.__radd__),
        BinOp::Sub => (slot_sub, &n.__sub__, &n.__rsub__),
        BinOp::Mul => (slot_mul, &n.__mul__, &n.__rmul__),
        BinOp::MatMul => (slot_matmul, &n.__matmul__, &n.__rmatmul__),
        BinOp::TrueDiv => (slot_truediv, &n.__truediv__, &n.__rtruediv__),
        BinOp::FloorDiv => (slot_floordiv, &n.__floordiv__, &n.__rfloordiv__),
        BinOp::Rem => (slot_rem, &n.__mod__, &n.__rmod__),
        BinOp::LShift => (slot_lshift, &n.__lshift__, &n.__rlshift__),
        BinOp::RShift => (slot_rshift, &n.__rshift__, &n.__rrshift__),
        BinOp::And => (slot_and, &n.__and__, &n.__rand__),
        BinOp::Or => (slot_or, &n.__or__, &n.__ror__),
        BinOp::Xor => (slot_xor, &n.__xor__, &n.__rxor__),
        BinOp::Pow => return None,
    };
    Some((f, name, rname))
}

/// The Python function `BINARY_OP` with `oparg` may run as a frame of the eval loop for
/// `lhs OP rhs` (`lhs[rhs]` for `NB_SUBSCR`), as CPython's `BINARY_OP_SUBSCR_GETITEM`
/// does: `lhs`'s type reaches the operator through its generic slot (the dunder is
/// defined in Python) and the lookup finds a plain function, which the protocol calls
/// first (`rhs`'s type is `lhs`'s or no subclass of it, so its reflected method does not
/// go first). `None` for anything else (in-place forms included).
pub(crate) fn binary_dunder(vm: &Vm, lhs: &Value, rhs: &Value, oparg: u32) -> Option<Py<Function>> {
    let lt = lhs.class(vm);
    let name = if oparg == crate::instr::oparg::NB_SUBSCR {
        let generic = slot_getitem as BinaryFn;
        if !lt
            .slots
            .getitem
            .get()
            .is_some_and(|f| std::ptr::fn_addr_eq(f, generic))
        {
            return None;
        }
        &vm.names.__getitem__
    } else {
        let (op, false) = BinOp::from_oparg(oparg)? else {
            return None;
        };
        let (generic, name, _) = generic_binary(vm, op)?;
        if !op
            .slot(&lt.slots)
            .is_some_and(|f| std::ptr::fn_addr_eq(f, generic))
        {
            return None;
        }
        let rt = rhs.class(vm);
        if !rt.is(lt) && rt.is_subtype(lt) {
            return None;
        }
        name
    };
    vm.type_lookup(lt, name)?.into_downcast::<Function>().ok()
}

/// After `lhs`'s Python `__op__` returned NotImplemented (run as a frame, see
/// [`binary_dunder`]) and both types' slots are this generic one: `rhs.__rop__(lhs)` as
/// `SLOT1BINFULL` would try next (NotImplemented when `rhs`'s type does not define it).
pub(crate) fn binary_reflected(vm: &Vm, lhs: &Value, rhs: &Value, op: BinOp) -> PyResult<Value> {
    let Some((_, _, rname)) = generic_binary(vm, op) else {
        return Ok(vm.not_implemented());
    };
    Ok(call_special(vm, rhs, rname, std::slice::from_ref(lhs))?
        .unwrap_or_else(|| vm.not_implemented()))
}

fn slot_pow(vm: &Vm, v: &Value, w: &Value, m: &Value) -> PyResult<Value> {
    let extra = (!m.is_none()).then_some(m);
    let generic_for = |t: &Py<Type>| {
        t.slots
            .pow
            .get()
            .is_some_and(|f| std::ptr::fn_addr_eq(f, slot_pow as crate::object::slots::TernaryFn))
    };
    let n = &vm.names;
    binary_full(vm, v, w, generic_for, &n.__pow__, &n.__rpow__, extra)
}

macro_rules! inplace_slots {
    ($($fn_name:ident => $op:ident;)*) => {
        $(
            fn $fn_name(vm: &Vm, v: &Value, w: &Value) -> PyResult<Value> {
                Ok(call_special(vm, v, &vm.names.$op, std::slice::from_ref(w))?
                    .unwrap_or_else(|| vm.not_implemented()))
            }
        )*
    };
}

inplace_slots! {
    slot_iadd => __iadd__;
    slot_isub => __isub__;
    slot_imul => __imul__;
    slot_imatmul => __imatmul__;
    slot_itruediv => __itruediv__;
    slot_ifloordiv => __ifloordiv__;
    slot_irem => __imod__;
    slot_ilshift => __ilshift__;
    slot_irshift => __irshift__;
    slot_iand => __iand__;
    slot_ior => __ior__;
    slot_ixor => __ixor__;
}

fn slot_ipow(vm: &Vm, v: &Value, w: &Value, _m: &Value) -> PyResult<Value> {
    Ok(
        call_special(vm, v, &vm.names.__ipow__, std::slice::from_ref(w))?
            .unwrap_or_else(|| vm.not_implemented()),
    )
}

/// Sets `slots.id` to the generic (Python-dispatching) implementation.
fn set_generic(s: &Slots, id: SlotId) {
    macro_rules! set {
        ($($slot:ident => $f:expr),* $(,)?) => {
            match id {
                $(SlotId::$slot => s.$slot.set(Some($f)),)*
                SlotId::concat | SlotId::repeat | SlotId::dictptr => {}
            }
        };
    }
    set! {
        repr => slot_repr, str => slot_str, hash => slot_hash, call => slot_call,
        getattro => slot_getattro, setattro => slot_setattro, richcompare => slot_richcompare,
        iter => slot_iter, iternext => slot_iternext, descr_get => slot_descr_get,
        descr_set => slot_descr_set, init => slot_init, new => slot_new, del => slot_del,
        len => slot_len, getitem => slot_getitem, setitem => slot_setitem,
        contains => slot_contains, bool => slot_bool, add => slot_add, sub => slot_sub,
        mul => slot_mul, matmul => slot_matmul, truediv => slot_truediv,
        floordiv => slot_floordiv, rem => slot_rem, divmod => slot_divmod, pow => slot_pow,
        lshift => slot_lshift, rshift => slot_rshift, and => slot_and, or => slot_or,
        xor => slot_xor, iadd => slot_iadd, isub => slot_isub, imul => slot_imul,
        imatmul => slot_imatmul, itruediv => slot_itruediv, ifloordiv => slot_ifloordiv,
        irem => slot_irem, ipow => slot_ipow, ilshift => slot_ilshift,
        irshift => slot_irshift, iand => slot_iand, ior => slot_ior, ixor => slot_ixor,
        neg => slot_neg, pos => slot_pos, abs => slot_abs, invert => slot_invert,
        int => slot_int, float => slot_float, index => slot_index, await_ => slot_await,
        aiter => slot_aiter, anext => slot_anext,
    }
}

/// Recomputes the slots of heap type `ty` from its MRO.
pub fn update_slots(vm: &Vm, ty: &Py<Type>) {
    if !ty.is_heap() {
        return;
    }
    let mro = ty.mro();
    for &id in Slots::ALL {
        if let Some(names) = sequence_slot_dunders(id) {
            inherit_sequence_slot(ty, &mro, id, names);
            continue;
        }
        let mut dunders = dunders_of_slot(id).peekable();
        if dunders.peek().is_none() {
            // Slots without a dunder come from the nearest builtin type.
            match mro.iter().find(|t| !t.is_heap()) {
                Some(b) => ty.slots.copy_slot(&b.slots, id),
                None => ty.slots.clear_slot(id),
            }
            continue;
        }
        let names: Vec<&str> = dunders.collect();
        let definer = mro
            .iter()
            .find(|t| names.iter().any(|n| t.dict().get_rust_str(n).is_some()));
        match definer {
            None => ty.slots.clear_slot(id),
            Some(d) if !d.is_heap() => ty.slots.copy_slot(&d.slots, id),
            Some(d) => {
                if id == SlotId::hash
                    && d.dict()
                        .get_rust_str("__hash__")
                        .is_some_and(|h| h.is_none())
                {
                    ty.slots.hash.set(Some(hash_not_implemented));
                } else {
                    set_generic(&ty.slots, id);
                }
            }
        }
    }
    ty.set_has_finalizer(ty.slots.del.get().is_some());
    let _ = vm;
}

/// The dunders that expose a sequence slot (`sq_concat`, `sq_repeat`), which has no
/// generic Python-dispatching implementation of its own.
fn sequence_slot_dunders(id: SlotId) -> Option<&'static [&'static str]> {
    match id {
        SlotId::concat => Some(&["__add__"]),
        SlotId::repeat => Some(&["__mul__", "__rmul__"]),
        _ => None,
    }
}

/// A sequence slot is inherited from a builtin type only while every dunder exposing it
/// still resolves to a builtin: a class defining `__add__` (or `__mul__`/`__rmul__`) in
/// Python loses the native fallback, so `L() + []` whose `__add__` returns NotImplemented
/// raises TypeError instead of concatenating (CPython clears the slot the same way).
fn inherit_sequence_slot(ty: &Py<Type>, mro: &[Py<Type>], id: SlotId, names: &[&str]) {
    let python_defined = names.iter().any(|n| {
        mro.iter()
            .find(|t| t.dict().get_rust_str(n).is_some())
            .is_some_and(|d| d.is_heap())
    });
    match mro.iter().find(|t| !t.is_heap()) {
        Some(b) if !python_defined => ty.slots.copy_slot(&b.slots, id),
        _ => ty.slots.clear_slot(id),
    }
}

/// Recomputes slots of `ty` and every subclass (a dunder changed on `ty`).
pub fn update_slots_recursive(vm: &Vm, ty: &Py<Type>) {
    update_slots(vm, ty);
    for sub in ty.subclasses() {
        update_slots_recursive(vm, &sub);
    }
}

// --- slot wrappers (builtin types' native slots as dunders) -------------------------------------

/// Adds slot wrappers for a builtin type's own slots, then inherits the slots it lacks
/// from its base. Called once per builtin type, bases first.
pub(crate) fn finish_builtin_type(vm: &Vm, ty: &Py<Type>) {
    for &(dunder, id) in SLOT_DUNDERS {
        if !ty.slots.has(id) || ty.dict().get_rust_str(dunder).is_some() {
            continue;
        }
        if id == SlotId::new || id == SlotId::getattro && dunder == "__getattr__" {
            continue;
        }
        if id == SlotId::hash
            && ty.slots.hash.get().is_some_and(|h| {
                std::ptr::fn_addr_eq(h, hash_not_implemented as crate::object::slots::HashFn)
            })
        {
            continue;
        }
        add_slot_wrapper(vm, ty, dunder, id);
    }
    if ty.slots.new.get().is_some() && ty.dict().get_str(&vm.names.__new__).is_none() {
        let f = vm.new_bound_native("__new__", tp_new_wrapper, Value::from(ty), Some(ty));
        ty.dict().set_str(&vm.names.__new__, f.into());
    }
    if let Some(base) = ty.base() {
        for &id in Slots::ALL {
            if !ty.slots.has(id) {
                ty.slots.copy_slot(&base.slots, id);
            }
        }
    }
    ty.set_has_finalizer(ty.slots.del.get().is_some());
    // Every type's dict has `__doc__` (None without a docstring), as CPython's type_ready
    // gives it: without it, `type(x).__doc__` lookups on instances would fall through the
    // MRO to `object.__doc__`.
    if ty.dict().get_str(&vm.names.__doc__).is_none() {
        ty.dict().set_str(&vm.names.__doc__, Value::None);
    }
}

/// Exposes builtin type `ty`'s native slot `id` as the wrapper descriptor `dunder`.
pub(crate) fn add_slot_wrapper(vm: &Vm, ty: &Py<Type>, dunder: &'static str, id: SlotId) {
    let w = crate::object::core::alloc(
        &vm.types.wrapper_descriptor,
        SlotWrapper {
            name: dunder,
            owner: ty.clone(),
            slot: id,
        },
    );
    ty.dict().set_str(&vm.intern(dunder), w.into());
}

/// `T.__new__(cls, *args)` for a builtin type `T`.
fn tp_new_wrapper(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.values();
    let Some(owner) = vals.first().and_then(|v| v.downcast::<Type>()) else {
        return Err(vm.new_type_error("__new__ wrapper without its type"));
    };
    let Some(cls_v) = vals.get(1) else {
        return Err(vm.new_type_error(format!("{}.__new__(): not enough arguments", owner.name())));
    };
    let Some(cls) = cls_v.downcast::<Type>() else {
        return Err(vm.new_type_error(format!(
            "{}.__new__(X): X is not a type object ({})",
            owner.name(),
            vm.type_name(cls_v)
        )));
    };
    if !cls.is_subtype(owner) {
        return Err(vm.new_type_error(format!(
            "{}.__new__({}): {} is not a subtype of {}",
            owner.name(),
            cls.name(),
            cls.name(),
            owner.name()
        )));
    }
    // The most derived builtin base of cls must use owner's __new__ (CPython's safety check).
    if let Some(static_base) = cls.mro().iter().find(|t| !t.is_heap()).cloned()
        && static_base.kind() != owner.kind()
    {
        return Err(vm.new_type_error(format!(
            "{}.__new__({}) is not safe, use {}.__new__()",
            owner.name(),
            cls.name(),
            static_base.name()
        )));
    }
    let Some(new) = owner.slots.new.get() else {
        return Err(vm.new_type_error(format!("cannot create '{}' instances", owner.name())));
    };
    new(vm, cls, Args::new(&vals[2..], args.kwnames()))
}

/// CPython's `hackcheck`: `object.__setattr__(cls, ...)` must not bypass the native
/// `__setattr__` of the class's metatype (`type`'s, which keeps the type's caches right);
/// Python-level overrides in metaclasses are looked through.
fn hackcheck(
    vm: &Vm,
    cls: &Value,
    setattro: crate::object::slots::SetAttrFn,
    dunder: &str,
) -> PyResult<()> {
    let meta = cls.class(vm);
    let native = meta
        .mro()
        .iter()
        .find(|t| !t.is_heap())
        .and_then(|t| t.slots.setattro.get());
    if native.is_some_and(|f| !std::ptr::fn_addr_eq(f, setattro)) {
        return Err(vm.new_type_error(format!(
            "can't apply this {dunder} to {} object",
            meta.name()
        )));
    }
    Ok(())
}

/// Calls the native slot `id` of `owner` on `this` as the dunder `dunder` would.
pub fn call_slot_wrapper(
    vm: &Vm,
    owner: &Py<Type>,
    id: SlotId,
    dunder: &str,
    this: &Value,
    args: Args<'_>,
) -> PyResult<Value> {
    let s = &owner.slots;
    let missing = || vm.new_type_error(format!("'{}' has no slot for {dunder}", owner.name()));
    let reflected = dunder.starts_with("__r") && !matches!(dunder, "__repr__" | "__round__");
    if args.has_kwargs() && !matches!(id, SlotId::call | SlotId::init | SlotId::new) {
        return Err(vm.new_type_error(format!("wrapper {dunder}() takes no keyword arguments")));
    }
    let vals = args.values();
    // The wrappers' own count checks ("expected 1 argument, got 0"); a few name the dunder.
    let expect = |n: usize, named: bool| -> PyResult<&[Value]> {
        if vals.len() == n {
            return Ok(vals);
        }
        let prefix = if named {
            format!("{dunder} ")
        } else {
            String::new()
        };
        let plural = if n == 1 { "" } else { "s" };
        Err(vm.new_type_error(format!(
            "{prefix}expected {n} argument{plural}, got {}",
            vals.len()
        )))
    };
    let arg1 = || -> PyResult<&Value> { Ok(&expect(1, false)?[0]) };
    macro_rules! unary {
        ($slot:ident) => {{
            expect(0, false)?;
            (s.$slot.get().ok_or_else(missing)?)(vm, this)
        }};
    }
    match id {
        SlotId::repr => unary!(repr),
        SlotId::str => unary!(str),
        SlotId::iter => unary!(iter),
        SlotId::neg => unary!(neg),
        SlotId::pos => unary!(pos),
        SlotId::abs => unary!(abs),
        SlotId::invert => unary!(invert),
        SlotId::int => unary!(int),
        SlotId::float => unary!(float),
        SlotId::index => unary!(index),
        SlotId::await_ => unary!(await_),
        SlotId::aiter => unary!(aiter),
        SlotId::anext => unary!(anext),
        SlotId::hash => {
            expect(0, false)?;
            Ok(Value::Int((s.hash.get().ok_or_else(missing)?)(vm, this)?))
        }
        SlotId::len => {
            expect(0, false)?;
            Ok(Value::Int(
                (s.len.get().ok_or_else(missing)?)(vm, this)? as i64
            ))
        }
        SlotId::bool => {
            expect(0, false)?;
            Ok(Value::Bool((s.bool.get().ok_or_else(missing)?)(vm, this)?))
        }
        SlotId::iternext => {
            expect(0, false)?;
            match (s.iternext.get().ok_or_else(missing)?)(vm, this)? {
                Some(v) => Ok(v),
                None => Err(vm.new_stop_iteration(Value::None)),
            }
        }
        SlotId::del => {
            expect(0, false)?;
            (s.del.get().ok_or_else(missing)?)(vm, this)?;
            Ok(Value::None)
        }
        SlotId::call => (s.call.get().ok_or_else(missing)?)(vm, this, args),
        SlotId::init => {
            (s.init.get().ok_or_else(missing)?)(vm, this, args)?;
            Ok(Value::None)
        }
        SlotId::new => Err(missing()),
        SlotId::getattro => {
            let n = arg1()?;
            let Some(n) = n.downcast::<Str>() else {
                return Err(vm.new_type_error(format!(
                    "attribute name must be string, not '{}'",
                    vm.type_name(n)
                )));
            };
            (s.getattro.get().ok_or_else(missing)?)(vm, this, n)
        }
        SlotId::setattro => {
            let deleting = dunder == "__delattr__";
            let vals = if deleting {
                expect(1, false)?
            } else {
                expect(2, true)?
            };
            let Some(n) = vals[0].downcast::<Str>() else {
                return Err(vm.new_type_error(format!(
                    "attribute name must be string, not '{}'",
                    vm.type_name(&vals[0])
                )));
            };
            let value = (!deleting).then(|| vals[1].clone());
            let setattro = s.setattro.get().ok_or_else(missing)?;
            if this.downcast::<Type>().is_some() {
                hackcheck(vm, this, setattro, dunder)?;
            }
            setattro(vm, this, n, value)?;
            Ok(Value::None)
        }
        SlotId::richcompare => {
            let other = arg1()?;
            let op = match dunder {
                "__lt__" => CompareOp::Lt,
                "__le__" => CompareOp::Le,
                "__eq__" => CompareOp::Eq,
                "__ne__" => CompareOp::Ne,
                "__gt__" => CompareOp::Gt,
                _ => CompareOp::Ge,
            };
            (s.richcompare.get().ok_or_else(missing)?)(vm, this, other, op)
        }
        SlotId::descr_get => {
            let vals = args.range(vm, dunder, 1, 2)?;
            let obj = Some(&vals[0]).filter(|v| !v.is_none());
            let ty = vals.get(1).filter(|v| !v.is_none());
            if obj.is_none() && ty.is_none() {
                return Err(vm.new_type_error("__get__(None, None) is invalid"));
            }
            (s.descr_get.get().ok_or_else(missing)?)(vm, this, obj, ty)
        }
        SlotId::descr_set => {
            let setting = dunder == "__set__";
            let vals = if setting {
                expect(2, true)?
            } else {
                expect(1, false)?
            };
            let value = setting.then(|| vals[1].clone());
            (s.descr_set.get().ok_or_else(missing)?)(vm, this, &vals[0], value)?;
            Ok(Value::None)
        }
        SlotId::getitem => {
            let k = arg1()?;
            (s.getitem.get().ok_or_else(missing)?)(vm, this, k)
        }
        SlotId::setitem => {
            if dunder == "__delitem__" {
                let k = arg1()?;
                (s.setitem.get().ok_or_else(missing)?)(vm, this, k, None)?;
            } else {
                let vals = expect(2, true)?;
                (s.setitem.get().ok_or_else(missing)?)(vm, this, &vals[0], Some(vals[1].clone()))?;
            }
            Ok(Value::None)
        }
        SlotId::contains => {
            let k = arg1()?;
            Ok(Value::Bool((s.contains.get().ok_or_else(missing)?)(
                vm, this, k,
            )?))
        }
        SlotId::pow | SlotId::ipow => {
            if !(1..=2).contains(&vals.len()) {
                return Err(
                    vm.new_type_error(format!("expected 1 or 2 arguments, got {}", vals.len()))
                );
            }
            let m = vals.get(1).cloned().unwrap_or(Value::None);
            let f = if id == SlotId::pow {
                s.pow.get()
            } else {
                s.ipow.get()
            };
            let f = f.ok_or_else(missing)?;
            if reflected {
                f(vm, &vals[0], this, &m)
            } else {
                f(vm, this, &vals[0], &m)
            }
        }
        SlotId::concat => {
            let other = arg1()?;
            (s.concat.get().ok_or_else(missing)?)(vm, this, other)
        }
        SlotId::repeat => {
            let n = arg1()?;
            // A non-integer count is an error here, not NotImplemented (the wrapper
            // converts the count before the slot sees it).
            vm.index_value(n)?;
            (s.repeat.get().ok_or_else(missing)?)(vm, this, n)
        }
        SlotId::dictptr => Err(missing()),
        _ => {
            let other = arg1()?;
            let f = binary_slot(s, id).ok_or_else(missing)?;
            if reflected {
                f(vm, other, this)
            } else {
                f(vm, this, other)
            }
        }
    }
}

fn binary_slot(s: &Slots, id: SlotId) -> Option<crate::object::slots::BinaryFn> {
    match id {
        SlotId::add => s.add.get(),
        SlotId::sub => s.sub.get(),
        SlotId::mul => s.mul.get(),
        SlotId::matmul => s.matmul.get(),
        SlotId::truediv => s.truediv.get(),
        SlotId::floordiv => s.floordiv.get(),
        SlotId::rem => s.rem.get(),
        SlotId::divmod => s.divmod.get(),
        SlotId::lshift => s.lshift.get(),
        SlotId::rshift => s.rshift.get(),
        SlotId::and => s.and.get(),
        SlotId::or => s.or.get(),
        SlotId::xor => s.xor.get(),
        SlotId::iadd => s.iadd.get(),
        SlotId::isub => s.isub.get(),
        SlotId::imul => s.imul.get(),
        SlotId::imatmul => s.imatmul.get(),
        SlotId::itruediv => s.itruediv.get(),
        SlotId::ifloordiv => s.ifloordiv.get(),
        SlotId::irem => s.irem.get(),
        SlotId::ilshift => s.ilshift.get(),
        SlotId::irshift => s.irshift.get(),
        SlotId::iand => s.iand.get(),
        SlotId::ior => s.ior.get(),
        SlotId::ixor => s.ixor.get(),
        SlotId::getitem => s.getitem.get(),
        _ => None,
    }
}

/// Runs `__del__` for an object being freed (the object core calls this through its hook);
/// errors are reported as unraisable, like CPython.
pub fn run_finalizer(vm: &Vm, obj: &ObjRef) {
    let v = Value::Obj(obj.clone());
    let Some(del) = obj.ty().slots.del.get() else {
        return;
    };
    if let Err(e) = del(vm, &v) {
        let what = vm
            .type_lookup(obj.ty(), &vm.names.__del__)
            .and_then(|f| vm.repr(&f).ok())
            .map(|s| s.to_lossy().into_owned())
            .unwrap_or_default();
        vm.report_unraisable(
            &e,
            &format!("Exception ignored while calling deallocator {what}"),
        );
    }
}
