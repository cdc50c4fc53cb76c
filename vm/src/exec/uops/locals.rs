//! Fast locals, constants, and closure cells.

use crate::compile::code::local_kind;
use crate::exec::{Ctx, Flow};
use crate::object::Value;
use crate::tri;
use crate::types::function::CellObj;

/// The UnboundLocalError / NameError for reading an unbound local or free variable.
#[cold]
pub(crate) fn unbound_error(c: &mut Ctx<'_>, i: usize) -> Flow {
    let code = c.code();
    let name = code
        .localsplusnames
        .get(i)
        .map(|n| n.to_lossy().into_owned())
        .unwrap_or_default();
    if code.local_kind(i) & local_kind::FREE != 0 {
        let e = c.vm.new_name_error_msg(format!(
            "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
        ));
        if let Some(n) = code.localsplusnames.get(i) {
            e.exc().set_attr_fields(c.vm, Some(Value::from(n)), None);
        }
        return c.error(e);
    }
    // UnboundLocalError leaves `name` None (CPython sets it only for global lookups).
    c.error(c.vm.new_unbound_local_error(format!(
        "cannot access local variable '{name}' where it is not associated with a value"
    )))
}

#[inline(always)]
fn load_local<const L: bool>(c: &mut Ctx<'_, L>, i: usize) -> Flow {
    tri!(c.r.push_local(i));
    Flow::Next
}

/// `LOAD_FAST`.
#[inline(always)]
pub(crate) fn _LOAD_FAST<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    load_local(c, c.oparg as usize)
}

/// `LOAD_FAST_BORROW` (no borrowed references in rpy: same as `LOAD_FAST`).
#[inline(always)]
pub(crate) fn _LOAD_FAST_BORROW<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    load_local(c, c.oparg as usize)
}

/// `LOAD_FAST_CHECK`: raises when unbound.
#[inline(always)]
pub(crate) fn _LOAD_FAST_CHECK<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let i = c.oparg as usize;
    let v = tri!(c.r.local(i)).clone();
    if v.is_null() {
        let Some(c) = c.full() else {
            return Flow::Escape;
        };
        return unbound_error(c, i);
    }
    tri!(c.r.push(v));
    Flow::Next
}

/// `LOAD_FAST_AND_CLEAR`: pushes the local (possibly NULL) and unbinds it.
#[inline(always)]
pub(crate) fn _LOAD_FAST_AND_CLEAR<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let v = tri!(c.r.set_local(c.oparg as usize, Value::NULL));
    tri!(c.r.push(v));
    Flow::Next
}

/// `LOAD_FAST_LOAD_FAST`.
#[inline(always)]
pub(crate) fn _LOAD_FAST_LOAD_FAST<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let (a, b) = ((c.oparg >> 4) as usize, (c.oparg & 15) as usize);
    tri!(c.r.push_local(a));
    tri!(c.r.push_local(b));
    Flow::Next
}

/// `LOAD_FAST_BORROW_LOAD_FAST_BORROW`.
#[inline(always)]
pub(crate) fn _LOAD_FAST_BORROW_LOAD_FAST_BORROW<const L: bool>(
    c: &mut Ctx<'_, L>,
    o: usize,
) -> Flow {
    _LOAD_FAST_LOAD_FAST(c, o)
}

#[inline(always)]
fn store_local<const L: bool>(c: &mut Ctx<'_, L>, i: usize, v: Value) -> Flow {
    let old = tri!(c.r.set_local(i, v));
    drop(old);
    Flow::Next
}

/// `STORE_FAST`.
#[inline(always)]
pub(crate) fn _STORE_FAST<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    drop(tri!(c.r.pop_to_local(c.oparg as usize)));
    Flow::Next
}

/// `STORE_FAST_LOAD_FAST`.
#[inline(always)]
pub(crate) fn _STORE_FAST_LOAD_FAST<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let v = tri!(c.r.pop());
    match store_local(c, (c.oparg >> 4) as usize, v) {
        Flow::Next => load_local(c, (c.oparg & 15) as usize),
        other => other,
    }
}

/// `STORE_FAST_STORE_FAST`: `(value2, value1 --)`.
#[inline(always)]
pub(crate) fn _STORE_FAST_STORE_FAST<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let v1 = tri!(c.r.pop());
    let v2 = tri!(c.r.pop());
    match store_local(c, (c.oparg >> 4) as usize, v1) {
        Flow::Next => store_local(c, (c.oparg & 15) as usize, v2),
        other => other,
    }
}

/// `DELETE_FAST`.
#[inline(always)]
pub(crate) fn _DELETE_FAST(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let i = c.oparg as usize;
    let old = tri!(c.r.set_local(i, Value::NULL));
    if old.is_null() {
        return unbound_error(c, i);
    }
    drop(old);
    Flow::Next
}

/// `LOAD_CONST`.
#[inline(always)]
pub(crate) fn _LOAD_CONST<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let v = c.konst(c.oparg).clone();
    tri!(c.r.push(v));
    Flow::Next
}

/// `LOAD_CONST_IMMORTAL`.
#[inline(always)]
pub(crate) fn _LOAD_CONST_IMMORTAL(c: &mut Ctx<'_>, o: usize) -> Flow {
    _LOAD_CONST(c, o)
}

/// `LOAD_CONST_MORTAL`.
#[inline(always)]
pub(crate) fn _LOAD_CONST_MORTAL(c: &mut Ctx<'_>, o: usize) -> Flow {
    _LOAD_CONST(c, o)
}

/// `LOAD_SMALL_INT`.
#[inline(always)]
pub(crate) fn _LOAD_SMALL_INT<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    tri!(c.r.push(Value::Int(i64::from(c.oparg))));
    Flow::Next
}

/// `MAKE_CELL`: wraps the local's current value in a new cell.
#[inline(always)]
pub(crate) fn _MAKE_CELL(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let i = c.oparg as usize;
    let v = tri!(c.r.local(i)).clone();
    let cell = c.vm.new_cell(v);
    store_local(c, i, cell.into())
}

/// `COPY_FREE_VARS n`: copies the function's closure cells into the last `n` slots.
#[inline(always)]
pub(crate) fn _COPY_FREE_VARS(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let n = c.oparg as usize;
    let Some(func) = c.frame().func.clone() else {
        return Flow::Fault;
    };
    let Some(closure) = func.closure.get() else {
        return Flow::Fault;
    };
    let nlocalsplus = c.frame().nlocalsplus();
    if closure.len() < n || nlocalsplus < n {
        return Flow::Fault;
    }
    let offset = nlocalsplus - n;
    for (k, cell) in closure.as_slice().iter().enumerate().take(n) {
        let old = tri!(c.r.set_local(offset + k, cell.clone()));
        drop(old);
    }
    Flow::Next
}

#[inline(always)]
fn cell_at<'a, const L: bool>(
    c: &'a Ctx<'_, L>,
    i: usize,
) -> Option<&'a crate::object::Py<CellObj>> {
    c.r.local(i).ok().and_then(|v| v.downcast::<CellObj>())
}

/// `LOAD_DEREF`.
#[inline(always)]
pub(crate) fn _LOAD_DEREF<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let i = c.oparg as usize;
    let Some(cell) = cell_at(c, i) else {
        return Flow::Fault;
    };
    let v = cell.contents.get();
    if v.is_null() {
        // Nothing changed: the register copy re-runs this on the memory context.
        return match c.full() {
            Some(c) => unbound_error(c, i),
            None => Flow::Escape,
        };
    }
    tri!(c.r.push(v));
    Flow::Next
}

/// `STORE_DEREF`.
#[inline(always)]
pub(crate) fn _STORE_DEREF<const L: bool>(c: &mut Ctx<'_, L>, _o: usize) -> Flow {
    let v = tri!(c.r.pop());
    let Some(cell) = cell_at(c, c.oparg as usize) else {
        return Flow::Fault;
    };
    drop(cell.contents.replace(v));
    Flow::Next
}

/// `DELETE_DEREF`.
#[inline(always)]
pub(crate) fn _DELETE_DEREF(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let i = c.oparg as usize;
    let Some(cell) = cell_at(c, i) else {
        return Flow::Fault;
    };
    let old = cell.contents.replace(Value::Null);
    if old.is_null() {
        return unbound_error(c, i);
    }
    drop(old);
    Flow::Next
}

/// `LOAD_FROM_DICT_OR_DEREF`: `(class_dict -- value)`: the mapping first, then the cell.
#[inline(always)]
pub(crate) fn _LOAD_FROM_DICT_OR_DEREF(c: &mut Ctx<'_>, _o: usize) -> Flow {
    let mapping = tri!(c.r.pop());
    let i = c.oparg as usize;
    let Some(name) = c.code().localsplusnames.get(i).cloned() else {
        return Flow::Fault;
    };
    match super::names::mapping_get(c.vm, &mapping, &name) {
        Ok(Some(v)) => {
            tri!(c.r.push(v));
            return Flow::Next;
        }
        Ok(None) => {}
        Err(e) => return c.error(e),
    }
    let Some(cell) = cell_at(c, i) else {
        return Flow::Fault;
    };
    let v = cell.contents.get();
    if v.is_null() {
        return unbound_error(c, i);
    }
    tri!(c.r.push(v));
    Flow::Next
}
