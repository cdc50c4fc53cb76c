//! `CALL_INTRINSIC_1` and `CALL_INTRINSIC_2`: operations the compiler emits that have no
//! instruction of their own.

use crate::object::Value;
use crate::runtime::PyResult;
use crate::types::list::List;
use crate::types::str::Str;

use super::Ctx;

/// One-operand intrinsics (`INTRINSIC_1_*`).
pub fn intrinsic_1(c: &Ctx<'_>, which: u32, v: Value) -> PyResult<Value> {
    let vm = c.vm;
    match which {
        // INTRINSIC_PRINT: expression statements in interactive code go to sys.displayhook.
        1 => {
            vm.display_value(v)?;
            Ok(Value::None)
        }
        // INTRINSIC_IMPORT_STAR: `from m import *` into the frame's locals.
        2 => {
            import_star(c, &v)?;
            Ok(Value::None)
        }
        // INTRINSIC_STOPITERATION_ERROR: PEP 479 inside generators.
        3 => stopiteration_error(c, v),
        // INTRINSIC_ASYNC_GEN_WRAP.
        4 => Ok(crate::types::async_gen::wrap(vm, v)),
        // INTRINSIC_UNARY_POSITIVE.
        5 => vm.pos(&v),
        // INTRINSIC_LIST_TO_TUPLE.
        6 => match v.downcast::<List>() {
            Some(l) => Ok(vm.new_tuple(l.to_vec()).into()),
            None => Err(vm.new_system_error("LIST_TO_TUPLE of a non-list")),
        },
        // INTRINSIC_TYPEVAR / PARAMSPEC: PEP 695 parameters infer their variance.
        7 | 8 => {
            let cls = typing_attr(c, if which == 7 { "TypeVar" } else { "ParamSpec" })?;
            call_kw(c, &cls, &[v], &[("infer_variance", Value::Bool(true))])
        }
        // INTRINSIC_TYPEVARTUPLE.
        9 => vm.call_pos(&typing_attr(c, "TypeVarTuple")?, &[v]),
        // INTRINSIC_SUBSCRIPT_GENERIC: the implicit `Generic[T, ...]` base of `class C[T]`.
        10 => vm.getitem(&typing_attr(c, "Generic")?, &v),
        // INTRINSIC_TYPEALIAS: (name, type_params or None, value evaluator).
        11 => type_alias(c, &v),
        _ => Err(vm.new_system_error(format!("unknown intrinsic {which}"))),
    }
}

/// Two-operand intrinsics (`INTRINSIC_2_*`).
pub fn intrinsic_2(c: &Ctx<'_>, which: u32, v2: Value, v1: Value) -> PyResult<Value> {
    let vm = c.vm;
    match which {
        // INTRINSIC_PREP_RERAISE_STAR: (orig, excs) -> exception to re-raise or None.
        1 => super::except_star::prep_reraise_star(vm, &v2, &v1),
        // INTRINSIC_TYPEVAR_WITH_BOUND / _WITH_CONSTRAINTS: (name, evaluator). The bound or
        // constraints are evaluated here, not on first access as CPython does.
        2 | 3 => {
            let evaluated = vm.call_pos(&v1, &[Value::Int(ANNOTATION_FORMAT_VALUE)])?;
            let cls = typing_attr(c, "TypeVar")?;
            let infer = ("infer_variance", Value::Bool(true));
            if which == 2 {
                call_kw(c, &cls, &[v2], &[("bound", evaluated), infer])
            } else {
                let mut pos = vec![v2];
                pos.extend(vm.collect(&evaluated)?);
                call_kw(c, &cls, &pos, &[infer])
            }
        }
        // INTRINSIC_SET_FUNCTION_TYPE_PARAMS: (function, params).
        4 => {
            vm.setattr(&v2, &vm.intern("__type_params__"), v1)?;
            Ok(v2)
        }
        // INTRINSIC_SET_TYPEPARAM_DEFAULT: (type parameter, evaluator).
        5 => {
            let default = vm.call_pos(&v1, &[Value::Int(ANNOTATION_FORMAT_VALUE)])?;
            vm.setattr(&v2, &vm.intern("__default__"), default)?;
            Ok(v2)
        }
        _ => Err(vm.new_system_error(format!("unknown intrinsic {which}"))),
    }
}

/// `annotationlib.Format.VALUE`, the argument lazy evaluators of PEP 695/649 take.
const ANNOTATION_FORMAT_VALUE: i64 = 1;

/// An attribute of the `typing` module, which implements the PEP 695 runtime objects.
fn typing_attr(c: &Ctx<'_>, name: &str) -> PyResult<Value> {
    let vm = c.vm;
    let typing = super::import::import_absolute(vm, "typing")?;
    vm.getattr(&typing, &vm.intern(name))
}

/// `callable(*pos, **kw)`.
fn call_kw(c: &Ctx<'_>, callable: &Value, pos: &[Value], kw: &[(&str, Value)]) -> PyResult<Value> {
    let vm = c.vm;
    let mut values = pos.to_vec();
    values.extend(kw.iter().map(|(_, v)| v.clone()));
    let names = vm.new_tuple(kw.iter().map(|(k, _)| vm.intern(k).into()).collect());
    vm.call(callable, crate::runtime::Args::new(&values, Some(&names)))
}

/// `type X[T] = value`: a `typing.TypeAliasType` whose value is evaluated on first access.
fn type_alias(c: &Ctx<'_>, v: &Value) -> PyResult<Value> {
    let vm = c.vm;
    let Some(parts) = v.downcast::<crate::types::tuple::Tuple>() else {
        return Err(vm.new_system_error("TYPEALIAS expects a tuple"));
    };
    let [name, params, evaluate] = parts.as_slice() else {
        return Err(vm.new_system_error("TYPEALIAS expects (name, type_params, evaluator)"));
    };
    let params = if params.is_none() {
        vm.empty_tuple.clone().into()
    } else {
        params.clone()
    };
    let cls = typing_attr(c, "TypeAliasType")?;
    let alias = call_kw(
        c,
        &cls,
        &[name.clone(), Value::None],
        &[("type_params", params)],
    )?;
    vm.setattr(&alias, &vm.intern("_evaluate_value"), evaluate.clone())?;
    Ok(alias)
}

fn stopiteration_error(c: &Ctx<'_>, v: Value) -> PyResult<Value> {
    let vm = c.vm;
    let code = c.code();
    let flags = code.flags;
    let msg = if flags & crate::compile::code::co_flags::ASYNC_GENERATOR != 0 {
        if v.class(vm).is_subtype(&vm.exc.stop_async_iteration) {
            Some("async generator raised StopAsyncIteration")
        } else if v.class(vm).is_subtype(&vm.exc.stop_iteration) {
            Some("async generator raised StopIteration")
        } else {
            None
        }
    } else if flags & crate::compile::code::co_flags::COROUTINE != 0 {
        v.class(vm)
            .is_subtype(&vm.exc.stop_iteration)
            .then_some("coroutine raised StopIteration")
    } else {
        v.class(vm)
            .is_subtype(&vm.exc.stop_iteration)
            .then_some("generator raised StopIteration")
    };
    match msg {
        Some(m) => {
            let err = vm.new_runtime_error(m);
            err.exc().set_cause(v.clone());
            err.exc().set_context(v);
            Err(err)
        }
        None => Ok(v),
    }
}

fn import_star(c: &Ctx<'_>, module: &Value) -> PyResult<()> {
    let vm = c.vm;
    let locals = c.frame().locals_mapping();
    if locals.is_null() {
        return Err(vm.new_system_error("no locals found during 'import *'"));
    }
    let (names, skip_private) = match vm.getattr_opt(module, &vm.names.__all__)? {
        Some(all) => (vm.collect(&all)?, false),
        None => {
            let Some(d) = vm.getattr_opt(module, &vm.names.__dict__)? else {
                return Err(
                    vm.new_import_error("from-import-* object has no __dict__ and no __all__")
                );
            };
            let keys = vm.call_method(&d, &vm.names.keys, &[])?;
            (vm.collect(&keys)?, true)
        }
    };
    for n in names {
        let Some(s) = n.downcast::<Str>() else {
            return Err(vm.new_type_error(format!(
                "Item in {}.__all__ must be str, not {}",
                "module",
                vm.type_name(&n)
            )));
        };
        if skip_private && s.as_bytes().first() == Some(&b'_') {
            continue;
        }
        let v = vm.getattr(module, s)?;
        vm.setitem(&locals, &n, v)?;
    }
    Ok(())
}
