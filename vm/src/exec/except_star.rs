//! `except*` (PEP 654): splitting exception groups by type or predicate, matching in
//! `CHECK_EG_MATCH`, and assembling what to re-raise after the handlers ran.

use crate::object::{Type, Value};
use crate::runtime::{PyResult, Vm};
use crate::types::exception::BaseException;
use crate::types::tuple::Tuple;

enum Matcher<'a> {
    Types(&'a Value),
    Predicate(&'a Value),
    Leaves(&'a [Value]),
}

impl Matcher<'_> {
    fn matches(&self, vm: &Vm, exc: &Value) -> PyResult<bool> {
        match self {
            Matcher::Types(t) => vm.isinstance(exc, t),
            Matcher::Predicate(f) => {
                let r = vm.call_pos(f, std::slice::from_ref(exc))?;
                vm.is_true(&r)
            }
            Matcher::Leaves(leaves) => Ok(leaves.iter().any(|l| l.is(exc))),
        }
    }
}

fn is_group(vm: &Vm, v: &Value) -> bool {
    v.class(vm).is_subtype(&vm.exc.base_exception_group)
}

fn group_items(v: &Value) -> Vec<Value> {
    v.downcast::<BaseException>()
        .and_then(|e| e.field("exceptions"))
        .and_then(|x| x.downcast::<Tuple>().map(|t| t.as_slice().to_vec()))
        .unwrap_or_default()
}

/// `eg.derive(excs)` plus CPython's copying of traceback, cause, context and notes.
fn derive(vm: &Vm, eg: &Value, excs: Vec<Value>) -> PyResult<Value> {
    let list: Value = vm.new_list(excs).into();
    let new = vm.call_method(eg, &vm.intern("derive"), &[list])?;
    if let (Some(src), Some(dst)) = (
        eg.downcast::<BaseException>(),
        new.downcast::<BaseException>(),
    ) {
        dst.set_traceback(src.traceback());
        let cause = src.cause();
        let suppress = src.suppress_context();
        dst.set_cause(cause);
        if !suppress {
            // set_cause turned it on; mirror the original.
            let _ = vm.setattr(&new, &vm.intern("__suppress_context__"), Value::Bool(false));
        }
        dst.set_context(src.context());
        if let Some(notes) = vm.getattr_opt(eg, &vm.names.__notes__)? {
            vm.setattr(&new, &vm.names.__notes__, notes)?;
        }
    }
    Ok(new)
}

fn split(vm: &Vm, exc: &Value, m: &Matcher<'_>) -> PyResult<(Value, Value)> {
    if m.matches(vm, exc)? {
        return Ok((exc.clone(), Value::None));
    }
    if !is_group(vm, exc) {
        return Ok((Value::None, exc.clone()));
    }
    let mut matched = Vec::new();
    let mut rest = Vec::new();
    for e in group_items(exc) {
        let (a, b) = vm.with_native_recursion(" in split", || split(vm, &e, m))?;
        if !a.is_none() {
            matched.push(a);
        }
        if !b.is_none() {
            rest.push(b);
        }
    }
    let matched = if matched.is_empty() {
        Value::None
    } else {
        derive(vm, exc, matched)?
    };
    let rest = if rest.is_empty() {
        Value::None
    } else {
        derive(vm, exc, rest)?
    };
    Ok((matched, rest))
}

/// `BaseExceptionGroup.split(condition)`: `(matched, rest)`.
pub fn split_group(vm: &Vm, eg: &Value, condition: &Value) -> PyResult<(Value, Value)> {
    let is_type = |v: &Value| {
        v.downcast::<Type>()
            .is_some_and(|t| t.is_subtype(&vm.exc.base_exception))
    };
    let m = if is_type(condition)
        || condition
            .downcast::<Tuple>()
            .is_some_and(|t| t.as_slice().iter().all(is_type))
    {
        Matcher::Types(condition)
    } else if condition.class(vm).slots.call.get().is_some() {
        Matcher::Predicate(condition)
    } else {
        return Err(vm.new_type_error(
            "expected an exception type, a tuple of exception types, or a callable (other than a class)",
        ));
    };
    split(vm, eg, &m)
}

/// `CHECK_EG_MATCH`: `(rest, match)`; `match` is None when nothing matched.
pub fn exception_group_match(vm: &Vm, exc: &Value, match_type: &Value) -> PyResult<(Value, Value)> {
    if exc.is_none() {
        return Ok((Value::None, Value::None));
    }
    if vm.isinstance(exc, match_type)? {
        if is_group(vm, exc) {
            return Ok((Value::None, exc.clone()));
        }
        let eg_type: Value = vm.exc.base_exception_group.clone().into();
        let wrapped = vm.call_pos(
            &eg_type,
            &[
                vm.names.empty.clone().into(),
                vm.new_tuple(vec![exc.clone()]).into(),
            ],
        )?;
        if let (Some(src), Some(dst)) = (
            exc.downcast::<BaseException>(),
            wrapped.downcast::<BaseException>(),
        ) {
            dst.set_traceback(src.traceback());
        }
        return Ok((Value::None, wrapped));
    }
    if is_group(vm, exc) {
        let (matched, rest) = split(vm, exc, &Matcher::Types(match_type))?;
        if matched.is_none() {
            return Ok((exc.clone(), Value::None));
        }
        return Ok((rest, matched));
    }
    Ok((exc.clone(), Value::None))
}

fn leaves(vm: &Vm, exc: &Value, out: &mut Vec<Value>) {
    if is_group(vm, exc) {
        for e in group_items(exc) {
            leaves(vm, &e, out);
        }
    } else {
        out.push(exc.clone());
    }
}

/// `INTRINSIC_PREP_RERAISE_STAR(orig, excs)`: what propagates after the `except*` clauses:
/// the re-raised parts of the original group (kept in its shape) plus any new exceptions.
pub fn prep_reraise_star(vm: &Vm, orig: &Value, excs: &Value) -> PyResult<Value> {
    let raised: Vec<Value> = vm
        .collect(excs)?
        .into_iter()
        .filter(|e| !e.is_none())
        .collect();
    if raised.is_empty() {
        return Ok(Value::None);
    }
    if !is_group(vm, orig) {
        return Ok(raised[0].clone());
    }
    let mut orig_leaves = Vec::new();
    leaves(vm, orig, &mut orig_leaves);
    let mut reraised_leaves = Vec::new();
    let mut new = Vec::new();
    for e in &raised {
        let mut ls = Vec::new();
        leaves(vm, e, &mut ls);
        if ls.iter().all(|l| orig_leaves.iter().any(|o| o.is(l))) {
            reraised_leaves.extend(ls);
        } else {
            new.push(e.clone());
        }
    }
    let kept = if reraised_leaves.is_empty() {
        Value::None
    } else {
        split(vm, orig, &Matcher::Leaves(&reraised_leaves))?.0
    };
    if new.is_empty() {
        return Ok(kept);
    }
    if !kept.is_none() {
        new.push(kept);
    }
    if new.len() == 1 && !is_group(vm, orig) {
        return Ok(new.remove(0));
    }
    let eg_type: Value = vm.exc.base_exception_group.clone().into();
    vm.call_pos(
        &eg_type,
        &[vm.names.empty.clone().into(), vm.new_list(new).into()],
    )
}
