//! Uops of specialized and instrumented instructions, and the specializing prologues of
//! family heads.
//!
//! Specialized instructions only appear once the specializer (the `specialize` crate,
//! through [`crate::exec::plug::Specializer`]) rewrites a family head. The type-guarded
//! fast paths whose caches need nothing beyond versions and indices are implemented here;
//! the ones whose caches hold object pointers (`descr`, `fget`, `getattribute`) or that
//! push frames from cache data are listed in `deopt_until_specializer!` and always deopt
//! to their family head, which is correct (a deopt re-executes the generic instruction)
//! but gives no speed-up until the specializer defines their cache contents.
//! Instrumented instructions need `sys.monitoring`, which rpy does not implement; they
//! raise SystemError if ever executed.

use crate::exec::{Ctx, Flow};
use crate::object::{CompareOp, Value};
use crate::tri;
use crate::types::dict::Dict;
use crate::types::float::as_float;
use crate::types::list::List;
use crate::types::set::Set;
use crate::types::str::Str;
use crate::types::tuple::Tuple;

macro_rules! specializing_prologues {
    ($($name:ident),* $(,)?) => {
        $(
            /// Family head prologue: counts down and asks the specializer when it fires.
            #[inline(always)]
            pub(crate) fn $name<const L: bool>(c: &mut Ctx<'_, L>, o: usize) -> Flow {
                crate::exec::plug::maybe_specialize(c, o)
            }
        )*
    };
}

specializing_prologues!(
    _SPECIALIZE_BINARY_OP,
    _SPECIALIZE_CALL,
    _SPECIALIZE_CALL_KW,
    _SPECIALIZE_COMPARE_OP,
    _SPECIALIZE_CONTAINS_OP,
    _SPECIALIZE_FOR_ITER,
    _SPECIALIZE_LOAD_ATTR,
    _SPECIALIZE_LOAD_GLOBAL,
    _SPECIALIZE_LOAD_SUPER_ATTR,
    _SPECIALIZE_SEND,
    _SPECIALIZE_STORE_ATTR,
    _SPECIALIZE_STORE_SUBSCR,
    _SPECIALIZE_TO_BOOL,
    _SPECIALIZE_UNPACK_SEQUENCE,
);

/// `BINARY_SLICE`/`STORE_SLICE` have no counter (never specialized in 3.14).
#[inline(always)]
pub(crate) fn _SPECIALIZE_BINARY_SLICE<const L: bool>(_c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    Flow::Next
}

/// See [`_SPECIALIZE_BINARY_SLICE`].
#[inline(always)]
pub(crate) fn _SPECIALIZE_STORE_SLICE<const L: bool>(_c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    Flow::Next
}

// --- type guards --------------------------------------------------------------------------

macro_rules! guards {
    ($($name:ident => $depth:literal, $pred:expr;)*) => {
        $(
            /// Deopts unless the operand has the expected type.
            #[inline(always)]
            pub(crate) fn $name(c: &mut Ctx<'_>, _o: usize) -> Flow {
                let v = tri!(c.r.peek($depth));
                let check: fn(&Ctx<'_>, &Value) -> bool = $pred;
                if check(c, v) { Flow::Next } else { Flow::Deopt }
            }
        )*
    };
}

fn exact<T: crate::object::PyPayload>(
    c: &Ctx<'_>,
    v: &Value,
    ty: &crate::object::Py<crate::object::Type>,
) -> bool {
    let _ = c;
    v.as_obj()
        .is_some_and(|o| o.ty().is(ty) && o.downcast::<T>().is_some())
}

guards! {
    _GUARD_TOS_INT => 1, |_, v| matches!(v, Value::Int(_));
    _GUARD_NOS_INT => 2, |_, v| matches!(v, Value::Int(_));
    _GUARD_TOS_FLOAT => 1, |_, v| matches!(v, Value::Float(_));
    _GUARD_NOS_FLOAT => 2, |_, v| matches!(v, Value::Float(_));
    _GUARD_TOS_UNICODE => 1, |c, v| exact::<Str>(c, v, &c.vm.types.str);
    _GUARD_NOS_UNICODE => 2, |c, v| exact::<Str>(c, v, &c.vm.types.str);
    _GUARD_TOS_LIST => 1, |c, v| exact::<List>(c, v, &c.vm.types.list);
    _GUARD_NOS_LIST => 2, |c, v| exact::<List>(c, v, &c.vm.types.list);
    _GUARD_TOS_TUPLE => 1, |c, v| exact::<Tuple>(c, v, &c.vm.types.tuple);
    _GUARD_NOS_TUPLE => 2, |c, v| exact::<Tuple>(c, v, &c.vm.types.tuple);
    _GUARD_TOS_DICT => 1, |c, v| exact::<Dict>(c, v, &c.vm.types.dict);
    _GUARD_NOS_DICT => 2, |c, v| exact::<Dict>(c, v, &c.vm.types.dict);
    _GUARD_TOS_SLICE => 1, |c, v| v.as_obj().is_some_and(|o| o.ty().is(&c.vm.types.slice));
    _GUARD_TOS_ANY_SET => 1, |c, v| exact::<Set>(c, v, &c.vm.types.set) || exact::<Set>(c, v, &c.vm.types.frozenset);
}

/// Deopts unless the slot below the top two is NULL.
#[inline(always)]
pub(crate) fn _GUARD_NOS_NULL(c: &mut Ctx<'_>, _o: usize) -> Flow {
    if tri!(c.r.peek(2)).is_null() {
        Flow::Next
    } else {
        Flow::Deopt
    }
}

// --- arithmetic -----------------------------------------------------------------------------

macro_rules! int_ops {
    ($($name:ident => $method:ident;)*) => {
        $(
            /// Int fast path (overflow falls back to exact big ints, never deopts).
            #[inline(always)]
            pub(crate) fn $name(c: &mut Ctx<'_>, _o: usize) -> Flow {
                let b = tri!(c.r.pop());
                let a = tri!(c.r.pop());
                let r = match (&a, &b) {
                    (Value::Int(x), Value::Int(y)) => match x.$method(*y) {
                        Some(r) => Value::Int(r),
                        None => match int_slow(c, &a, &b, stringify!($method)) {
                            Some(v) => v,
                            None => return Flow::Fault,
                        },
                    },
                    _ => return Flow::Fault,
                };
                tri!(c.r.push(r));
                Flow::Next
            }
        )*
    };
}

fn int_slow(c: &Ctx<'_>, a: &Value, b: &Value, op: &str) -> Option<Value> {
    match op {
        "checked_add" => c.vm.add_ints(a, b),
        "checked_sub" => c.vm.sub_ints(a, b),
        _ => c.vm.mul_ints(a, b),
    }
}

int_ops! {
    _BINARY_OP_ADD_INT => checked_add;
    _BINARY_OP_SUBTRACT_INT => checked_sub;
    _BINARY_OP_MULTIPLY_INT => checked_mul;
}

macro_rules! float_ops {
    ($($name:ident => $op:tt;)*) => {
        $(
            /// Float fast path.
            #[inline(always)]
            pub(crate) fn $name(c: &mut Ctx<'_>, _o: usize) -> Flow {
                let b = tri!(c.r.pop());
                let a = tri!(c.r.pop());
                let (Some(x), Some(y)) = (as_float(&a), as_float(&b)) else {
                    return Flow::Fault;
                };
                tri!(c.r.push(c.vm.new_float(x $op y)));
                Flow::Next
            }
        )*
    };
}

float_ops! {
    _BINARY_OP_ADD_FLOAT => +;
    _BINARY_OP_SUBTRACT_FLOAT => -;
    _BINARY_OP_MULTIPLY_FLOAT => *;
}

/// `str + str`.
#[inline(always)]
pub(crate) fn _BINARY_OP_ADD_UNICODE(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let b = tri!(c.r.pop());
    let a = tri!(c.r.pop());
    let (Some(x), Some(y)) = (a.downcast::<Str>(), b.downcast::<Str>()) else {
        return Flow::Fault;
    };
    let mut out =
        crate::text::wtf8::Wtf8Buf::with_capacity(x.as_bytes().len() + y.as_bytes().len());
    out.push_wtf8(x.as_wtf8());
    out.push_wtf8(y.as_wtf8());
    tri!(c.r.push(c.vm.new_str_buf(out).into()));
    Flow::Next
}

/// `list[int]`: deopts on negative or out-of-range indices.
#[inline(always)]
pub(crate) fn _BINARY_OP_SUBSCR_LIST_INT(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let (Value::Int(i), Some(l)) = (tri!(c.r.peek(1)), tri!(c.r.peek(2)).downcast::<List>()) else {
        return Flow::Deopt;
    };
    let Some(v) = usize::try_from(*i).ok().and_then(|i| l.get(i)) else {
        return Flow::Deopt;
    };
    tri!(c.r.drop_n(2));
    tri!(c.r.push(v));
    Flow::Next
}

/// `tuple[int]`.
#[inline(always)]
pub(crate) fn _BINARY_OP_SUBSCR_TUPLE_INT(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let (Value::Int(i), Some(t)) = (tri!(c.r.peek(1)), tri!(c.r.peek(2)).downcast::<Tuple>())
    else {
        return Flow::Deopt;
    };
    let Some(v) = usize::try_from(*i).ok().and_then(|i| t.get(i)).cloned() else {
        return Flow::Deopt;
    };
    tri!(c.r.drop_n(2));
    tri!(c.r.push(v));
    Flow::Next
}

/// `str[int]` for in-range indices.
#[inline(always)]
pub(crate) fn _BINARY_OP_SUBSCR_STR_INT(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let (Value::Int(i), Some(s)) = (tri!(c.r.peek(1)), tri!(c.r.peek(2)).downcast::<Str>()) else {
        return Flow::Deopt;
    };
    let Some(i) = usize::try_from(*i).ok().filter(|&i| i < s.char_len()) else {
        return Flow::Deopt;
    };
    let v = c.vm.char_str(s.char_at(i));
    tri!(c.r.drop_n(2));
    tri!(c.r.push(v.into()));
    Flow::Next
}

/// `dict[key]`.
#[inline(always)]
pub(crate) fn _BINARY_OP_SUBSCR_DICT(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let key = tri!(c.r.pop());
    let d = tri!(c.r.pop());
    let Some(dict) = d.downcast::<Dict>() else {
        return Flow::Fault;
    };
    match dict.get_item(c.vm, &key) {
        Ok(Some(v)) => {
            tri!(c.r.push(v));
            Flow::Next
        }
        Ok(None) => c.error(c.vm.new_key_error(key)),
        Err(e) => c.error(e),
    }
}

/// `list[slice]`.
#[inline(always)]
pub(crate) fn _BINARY_OP_SUBSCR_LIST_SLICE(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let key = tri!(c.r.pop());
    let l = tri!(c.r.pop());
    match c.vm.getitem(&l, &key) {
        Ok(v) => {
            tri!(c.r.push(v));
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}

/// `list[int] = value` for in-range indices.
#[inline(always)]
pub(crate) fn _STORE_SUBSCR_LIST_INT(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let (Value::Int(i), Some(l)) = (tri!(c.r.peek(1)), tri!(c.r.peek(2)).downcast::<List>()) else {
        return Flow::Deopt;
    };
    let Some(i) = usize::try_from(*i).ok().filter(|&i| i < l.len()) else {
        return Flow::Deopt;
    };
    let l = l.clone();
    tri!(c.r.drop_n(2));
    let v = tri!(c.r.pop());
    drop(l.set(i, v));
    Flow::Next
}

/// `dict[key] = value`.
#[inline(always)]
pub(crate) fn _STORE_SUBSCR_DICT(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let key = tri!(c.r.pop());
    let d = tri!(c.r.pop());
    let v = tri!(c.r.pop());
    let Some(dict) = d.downcast::<Dict>() else {
        return Flow::Fault;
    };
    match dict.set_item(c.vm, key, v) {
        Ok(()) => Flow::Next,
        Err(e) => c.error(e),
    }
}

macro_rules! compare_ops {
    ($($name:ident => |$a:ident, $b:ident| $ord:expr;)*) => {
        $(
            /// Typed comparison fast path.
            #[inline(always)]
            pub(crate) fn $name(c: &mut Ctx<'_>, _o: usize) -> Flow {
                let $b = tri!(c.r.pop());
                let $a = tri!(c.r.pop());
                let Some(op) = CompareOp::from_u32(c.oparg >> 5) else {
                    return Flow::Fault;
                };
                let ord: Option<std::cmp::Ordering> = $ord;
                let r = match ord {
                    Some(o) => op.test(o),
                    None => op == CompareOp::Ne,
                };
                tri!(c.r.push(Value::from(r)));
                Flow::Next
            }
        )*
    };
}

compare_ops! {
    _COMPARE_OP_INT => |a, b| match (&a, &b) {
        (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
        _ => return Flow::Fault,
    };
    _COMPARE_OP_FLOAT => |a, b| match (as_float(&a), as_float(&b)) {
        (Some(x), Some(y)) => x.partial_cmp(&y),
        _ => return Flow::Fault,
    };
    _COMPARE_OP_STR => |a, b| match (a.downcast::<Str>(), b.downcast::<Str>()) {
        (Some(x), Some(y)) => Some(x.as_bytes().cmp(y.as_bytes())),
        _ => return Flow::Fault,
    };
}

/// `key in dict`.
#[inline(always)]
pub(crate) fn _CONTAINS_OP_DICT(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let d = tri!(c.r.pop());
    let k = tri!(c.r.pop());
    let Some(dict) = d.downcast::<Dict>() else {
        return Flow::Fault;
    };
    match dict.contains(c.vm, &k) {
        Ok(b) => {
            tri!(c.r.push(Value::from(b != (c.oparg == 1))));
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}

/// `key in set`.
#[inline(always)]
pub(crate) fn _CONTAINS_OP_SET(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let s = tri!(c.r.pop());
    let k = tri!(c.r.pop());
    let Some(set) = s.downcast::<Set>() else {
        return Flow::Fault;
    };
    match set.contains(c.vm, &k) {
        Ok(b) => {
            tri!(c.r.push(Value::from(b != (c.oparg == 1))));
            Flow::Next
        }
        Err(e) => c.error(e),
    }
}

/// `TO_BOOL_BOOL`: exits unless a bool.
#[inline(always)]
pub(crate) fn _TO_BOOL_BOOL(c: &mut Ctx<'_>, _o: usize) -> Flow {
    if matches!(tri!(c.r.peek(1)), Value::Bool(_)) {
        Flow::Next
    } else {
        Flow::Deopt
    }
}

/// `TO_BOOL_INT`.
#[inline(always)]
pub(crate) fn _TO_BOOL_INT(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let Value::Int(i) = tri!(c.r.peek(1)) else {
        return Flow::Deopt;
    };
    let b = *i != 0;
    tri!(c.r.replace(1, Value::from(b)));
    Flow::Next
}

/// `TO_BOOL_NONE`.
#[inline(always)]
pub(crate) fn _TO_BOOL_NONE(c: &mut Ctx<'_>, _o: usize) -> Flow {
    if !tri!(c.r.peek(1)).is_none() {
        return Flow::Deopt;
    }
    tri!(c.r.replace(1, Value::from(false)));
    Flow::Next
}

/// `TO_BOOL_LIST` (after `_GUARD_TOS_LIST`).
#[inline(always)]
pub(crate) fn _TO_BOOL_LIST(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let v = tri!(c.r.pop());
    let b = v.downcast::<List>().is_some_and(|l| !l.is_empty());
    tri!(c.r.push(Value::from(b)));
    Flow::Next
}

/// `TO_BOOL_STR` (after `_GUARD_TOS_UNICODE`).
#[inline(always)]
pub(crate) fn _TO_BOOL_STR(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let v = tri!(c.r.pop());
    let b = v.downcast::<Str>().is_some_and(|s| s.char_len() != 0);
    tri!(c.r.push(Value::from(b)));
    Flow::Next
}

/// `(value -- True)` for types known to be always true.
#[inline(always)]
pub(crate) fn _REPLACE_WITH_TRUE(c: &mut Ctx<'_>, _o: usize) -> Flow {
    drop(tri!(c.r.replace(1, Value::from(true))));
    Flow::Next
}

/// Unpacks a 2-tuple.
#[inline(always)]
pub(crate) fn _UNPACK_SEQUENCE_TWO_TUPLE(c: &mut Ctx<'_>, _o: usize) -> Flow {
    match tri!(c.r.peek(1)).downcast::<Tuple>() {
        Some(t) if t.len() == 2 => {}
        _ => return Flow::Deopt,
    }
    let v = tri!(c.r.pop());
    let Some(t) = v.downcast::<Tuple>() else {
        return Flow::Fault;
    };
    tri!(c.r.push(t.as_slice()[1].clone()));
    tri!(c.r.push(t.as_slice()[0].clone()));
    Flow::Next
}

/// Unpacks a tuple of the expected length.
#[inline(always)]
pub(crate) fn _UNPACK_SEQUENCE_TUPLE(c: &mut Ctx<'_>, _o: usize) -> Flow {
    match tri!(c.r.peek(1)).downcast::<Tuple>() {
        Some(t) if t.len() == c.oparg as usize => {}
        _ => return Flow::Deopt,
    }
    let v = tri!(c.r.pop());
    let Some(t) = v.downcast::<Tuple>() else {
        return Flow::Fault;
    };
    for x in t.as_slice().iter().rev() {
        tri!(c.r.push(x.clone()));
    }
    Flow::Next
}

/// Unpacks a list of the expected length.
#[inline(always)]
pub(crate) fn _UNPACK_SEQUENCE_LIST(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let items = match tri!(c.r.peek(1)).downcast::<List>() {
        Some(l) if l.len() == c.oparg as usize => l.to_vec(),
        _ => return Flow::Deopt,
    };
    drop(tri!(c.r.pop()));
    for x in items.into_iter().rev() {
        tri!(c.r.push(x));
    }
    Flow::Next
}

/// Deopts unless the globals dict's keys are still those the cache saw.
#[inline(always)]
pub(crate) fn _GUARD_GLOBALS_VERSION(c: &mut Ctx<'_>, o: usize) -> Flow {
    let want = u32::from(c.cache_u16(o));
    if want != 0 && c.frame().globals().keys_version() == want {
        Flow::Next
    } else {
        Flow::Deopt
    }
}

/// `LOAD_GLOBAL_MODULE`: the global at the cached entry index, under the keys version.
#[inline(always)]
pub(crate) fn _LOAD_GLOBAL_MODULE(c: &mut Ctx<'_>, o: usize) -> Flow {
    let want = u32::from(c.cache_u16(o));
    let globals = c.frame().globals();
    if want == 0 || globals.keys_version() != want {
        return Flow::Deopt;
    }
    let Some(v) = globals.value_at(usize::from(c.cache_u16(o + 2))) else {
        return Flow::Deopt;
    };
    tri!(c.r.push(v));
    Flow::Next
}

/// `LOAD_GLOBAL_BUILTIN`: the builtin at the cached entry index, under the keys version.
#[inline(always)]
pub(crate) fn _LOAD_GLOBAL_BUILTINS(c: &mut Ctx<'_>, o: usize) -> Flow {
    let want = u32::from(c.cache_u16(o));
    let builtins = c.frame().builtins();
    if want == 0 || builtins.keys_version() != want {
        return Flow::Deopt;
    }
    let Some(v) = builtins.value_at(usize::from(c.cache_u16(o + 1))) else {
        return Flow::Deopt;
    };
    tri!(c.r.push(v));
    Flow::Next
}

/// Deopts unless the owner's type has the cached version.
#[inline(always)]
pub(crate) fn _GUARD_TYPE_VERSION(c: &mut Ctx<'_>, o: usize) -> Flow {
    let want = u32::from(c.cache_u16(o)) | (u32::from(c.cache_u16(o + 1)) << 16);
    let v = tri!(c.r.peek(1));
    if want != 0 && v.class(c.vm).version() == want {
        Flow::Next
    } else {
        Flow::Deopt
    }
}

/// As `_GUARD_TYPE_VERSION` (rpy is single-threaded: nothing to lock).
#[inline(always)]
pub(crate) fn _GUARD_TYPE_VERSION_AND_LOCK(c: &mut Ctx<'_>, o: usize) -> Flow {
    _GUARD_TYPE_VERSION(c, o)
}

/// Deopts unless the instance still keeps its attributes as inline values.
#[inline(always)]
pub(crate) fn _CHECK_MANAGED_OBJECT_HAS_VALUES(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let ok = tri!(c.r.peek(1))
        .as_obj()
        .and_then(|o| o.ext())
        .is_some_and(|e| e.has_inline_values());
    if ok { Flow::Next } else { Flow::Deopt }
}

/// Deopts unless the instance has no materialized dict.
#[inline(always)]
pub(crate) fn _GUARD_DORV_NO_DICT(c: &mut Ctx<'_>, o: usize) -> Flow {
    _CHECK_MANAGED_OBJECT_HAS_VALUES(c, o)
}

/// Reads inline value `index` of the instance.
#[inline(always)]
pub(crate) fn _LOAD_ATTR_INSTANCE_VALUE(c: &mut Ctx<'_>, o: usize) -> Flow {
    let index = usize::from(c.cache_u16(o));
    let Some(v) = tri!(c.r.peek(1))
        .as_obj()
        .and_then(|x| x.ext())
        .and_then(|e| e.get_inline(index))
    else {
        return Flow::Deopt;
    };
    drop(tri!(c.r.replace(1, v)));
    Flow::Next
}

/// Writes inline value `index` of the instance: `(value, owner --)`.
#[inline(always)]
pub(crate) fn _STORE_ATTR_INSTANCE_VALUE(c: &mut Ctx<'_>, o: usize) -> Flow {
    let index = usize::from(c.cache_u16(o));
    let owner = tri!(c.r.pop());
    let v = tri!(c.r.pop());
    let Some(ext) = owner.as_obj().and_then(|x| x.ext()) else {
        return Flow::Fault;
    };
    drop(ext.set_inline(index, v));
    Flow::Next
}

/// Reads `__slots__` entry `index`.
#[inline(always)]
pub(crate) fn _LOAD_ATTR_SLOT(c: &mut Ctx<'_>, o: usize) -> Flow {
    let index = usize::from(c.cache_u16(o));
    let v = tri!(c.r.peek(1))
        .as_obj()
        .and_then(|x| x.ext())
        .map_or(Value::Null, |e| e.slot(index));
    if v.is_null() {
        return Flow::Deopt;
    }
    drop(tri!(c.r.replace(1, v)));
    Flow::Next
}

/// Writes `__slots__` entry `index`.
#[inline(always)]
pub(crate) fn _STORE_ATTR_SLOT(c: &mut Ctx<'_>, o: usize) -> Flow {
    let index = usize::from(c.cache_u16(o));
    let owner = tri!(c.r.pop());
    let v = tri!(c.r.pop());
    let Some(ext) = owner.as_obj().and_then(|x| x.ext()) else {
        return Flow::Fault;
    };
    drop(ext.set_slot(index, v));
    Flow::Next
}

/// Deopts unless the stack depth allows the call (rpy's frames never run out of space).
#[inline(always)]
pub(crate) fn _CHECK_STACK_SPACE(_c: &mut Ctx<'_>, _o: usize) -> Flow {
    Flow::Next
}

/// Deopts when the recursion limit would be exceeded (the generic path raises).
#[inline(always)]
pub(crate) fn _CHECK_RECURSION_REMAINING(c: &mut Ctx<'_>, _o: usize) -> Flow {
    if c.vm.exec.depth.get() < c.vm.recursion_limit() {
        Flow::Next
    } else {
        Flow::Deopt
    }
}

/// PEP 523 frame evaluation hooks do not exist in rpy.
#[inline(always)]
pub(crate) fn _CHECK_PEP_523(_c: &mut Ctx<'_>, _o: usize) -> Flow {
    Flow::Next
}

/// The return offset is saved when the frame is entered.
#[inline(always)]
pub(crate) fn _SAVE_RETURN_OFFSET(_c: &mut Ctx<'_>, _o: usize) -> Flow {
    Flow::Next
}

/// Generates deopting bodies for specialized uops whose caches the specializer defines.
macro_rules! deopt_until_specializer {
    ($($name:ident),* $(,)?) => {
        $(
            /// Not implemented until the specializer defines this cache: always deopts.
            #[inline(always)]
            pub(crate) fn $name(_c: &mut Ctx<'_>, _o: usize) -> Flow {
                Flow::Deopt
            }
        )*
    };
}

deopt_until_specializer!(
    _GUARD_BINARY_OP_EXTEND,
    _BINARY_OP_EXTEND,
    _BINARY_OP_INPLACE_ADD_UNICODE,
    _BINARY_OP_SUBSCR_CHECK_FUNC,
    _BINARY_OP_SUBSCR_INIT_CALL,
    _PUSH_FRAME,
    _CHECK_AND_ALLOCATE_OBJECT,
    _CREATE_INIT_FRAME,
    _CHECK_CALL_BOUND_METHOD_EXACT_ARGS,
    _INIT_CALL_BOUND_METHOD_EXACT_ARGS,
    _CHECK_FUNCTION_VERSION,
    _CHECK_FUNCTION_EXACT_ARGS,
    _INIT_CALL_PY_EXACT_ARGS,
    _CHECK_METHOD_VERSION,
    _EXPAND_METHOD,
    _PY_FRAME_GENERAL,
    _CALL_BUILTIN_CLASS,
    _CALL_BUILTIN_FAST,
    _CALL_BUILTIN_FAST_WITH_KEYWORDS,
    _CALL_BUILTIN_O,
    _CALL_ISINSTANCE,
    _GUARD_CALLABLE_LEN,
    _CALL_LEN,
    _CALL_LIST_APPEND,
    _CALL_METHOD_DESCRIPTOR_FAST,
    _CALL_METHOD_DESCRIPTOR_FAST_WITH_KEYWORDS,
    _CALL_METHOD_DESCRIPTOR_NOARGS,
    _CALL_METHOD_DESCRIPTOR_O,
    _CHECK_IS_NOT_PY_CALLABLE,
    _CALL_NON_PY_GENERAL,
    _GUARD_CALLABLE_STR_1,
    _CALL_STR_1,
    _GUARD_CALLABLE_TUPLE_1,
    _CALL_TUPLE_1,
    _GUARD_CALLABLE_TYPE_1,
    _CALL_TYPE_1,
    _CHECK_METHOD_VERSION_KW,
    _EXPAND_METHOD_KW,
    _PY_FRAME_KW,
    _CHECK_IS_NOT_PY_CALLABLE_KW,
    _CALL_KW_NON_PY,
    _CHECK_FUNCTION_VERSION_KW,
    _CHECK_ATTR_CLASS,
    _LOAD_ATTR_CLASS,
    _LOAD_ATTR_GETATTRIBUTE_OVERRIDDEN,
    _CHECK_ATTR_METHOD_LAZY_DICT,
    _LOAD_ATTR_METHOD_LAZY_DICT,
    _LOAD_ATTR_METHOD_NO_DICT,
    _GUARD_DORV_VALUES_INST_ATTR_FROM_DICT,
    _GUARD_KEYS_VERSION,
    _LOAD_ATTR_METHOD_WITH_VALUES,
    _LOAD_ATTR_MODULE,
    _LOAD_ATTR_NONDESCRIPTOR_NO_DICT,
    _LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES,
    _LOAD_ATTR_PROPERTY_FRAME,
    _LOAD_ATTR_WITH_HINT,
    _LOAD_SUPER_ATTR_ATTR,
    _LOAD_SUPER_ATTR_METHOD,
    _STORE_ATTR_WITH_HINT,
    _FOR_ITER_GEN_FRAME,
    _ITER_CHECK_LIST,
    _ITER_JUMP_LIST,
    _ITER_NEXT_LIST,
    _ITER_CHECK_RANGE,
    _ITER_JUMP_RANGE,
    _ITER_NEXT_RANGE,
    _ITER_CHECK_TUPLE,
    _ITER_JUMP_TUPLE,
    _ITER_NEXT_TUPLE,
    _SEND_GEN_FRAME,
);

/// Generates bodies for instrumented-only uops (rpy has no `sys.monitoring`).
macro_rules! instrumentation_unsupported {
    ($($name:ident),* $(,)?) => {
        $(
            /// Instrumentation is not supported: raises SystemError if ever reached.
            #[inline(always)]
            pub(crate) fn $name(c: &mut Ctx<'_>, _o: usize) -> Flow {
                super::unsupported(c, "sys.monitoring instrumentation is not supported")
            }
        )*
    };
}

instrumentation_unsupported!(
    _INSTRUMENTED_END_FOR,
    _INSTRUMENTED_POP_ITER,
    _INSTRUMENTED_END_SEND,
    _INSTRUMENTED_FOR_ITER,
    _INSTRUMENTED_INSTRUCTION,
    _INSTRUMENTED_JUMP_FORWARD,
    _INSTRUMENTED_NOT_TAKEN,
    _INSTRUMENTED_POP_JUMP_IF_TRUE,
    _INSTRUMENTED_POP_JUMP_IF_FALSE,
    _INSTRUMENTED_POP_JUMP_IF_NONE,
    _INSTRUMENTED_POP_JUMP_IF_NOT_NONE,
    _MONITOR_RESUME,
    _RETURN_VALUE_EVENT,
    _YIELD_VALUE_EVENT,
    _MONITOR_END_ASYNC_FOR,
    _MONITOR_CALL,
    _MONITOR_CALL_KW,
    _MONITOR_JUMP_BACKWARD,
    _INSTRUMENTED_LINE,
);
