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
        // INTRINSIC_PRINT: the REPL's display hook.
        1 => {
            if !v.is_none() {
                let text = vm.repr(&v)?;
                vm.write_stdout(&format!("{}\n", text.to_lossy()))?;
                vm.builtins_dict().set_str(&vm.intern("_"), v);
            }
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
        7..=11 => Err(vm.new_not_implemented_error(
            "PEP 695 type parameters and type aliases are not supported by rpy yet",
        )),
        _ => Err(vm.new_system_error(format!("unknown intrinsic {which}"))),
    }
}

/// Two-operand intrinsics (`INTRINSIC_2_*`).
pub fn intrinsic_2(c: &Ctx<'_>, which: u32, v2: Value, v1: Value) -> PyResult<Value> {
    let vm = c.vm;
    match which {
        // INTRINSIC_PREP_RERAISE_STAR: (orig, excs) -> exception to re-raise or None.
        1 => super::except_star::prep_reraise_star(vm, &v2, &v1),
        2..=5 => {
            Err(vm
                .new_not_implemented_error("PEP 695 type parameters are not supported by rpy yet"))
        }
        _ => Err(vm.new_system_error(format!("unknown intrinsic {which}"))),
    }
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
