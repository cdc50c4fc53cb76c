//! `_warnings`: the entry points of the `warnings` module that must not add a Python frame
//! (`warn` and `warn_explicit` are native in CPython, so a warning turned into an error
//! shows no warnings frame in its traceback, and `stacklevel` counts from the caller),
//! plus the line-cache reader for the warning's second line. Filtering, registries and
//! display are Python (`vm/lib/warnings.py`, `_warn_explicit_impl`).

use std::ptr::NonNull;

use crate::exec::frame::{Frame, frame_ref};
use crate::object::{Py, Type, Value};
use crate::runtime::{Args, PyErr, PyResult, Vm};
use crate::types::dict::Dict;
use crate::types::exception::BaseException;
use crate::types::module::Module;
use crate::types::tuple::Tuple;

/// The category a warning is issued under: the message's class for Warning instances,
/// UserWarning by default, and it must be a Warning subclass.
fn category_for(vm: &Vm, message: &Value, category: Option<&Value>) -> PyResult<Value> {
    let warning: Value = vm.exc.warning.clone().into();
    let category = if vm.isinstance(message, &warning)? {
        message.class(vm).clone().into()
    } else {
        match category {
            None | Some(Value::None) => vm.exc.user_warning.clone().into(),
            Some(c) => c.clone(),
        }
    };
    if category.downcast::<Type>().is_none() || !vm.issubclass(&category, &warning)? {
        return Err(vm.new_type_error(format!(
            "category must be a Warning subclass, not '{}'",
            vm.type_name(&category)
        )));
    }
    Ok(category)
}

/// Frames of the import machinery are skipped when counting `stacklevel`, as in CPython.
fn is_internal(f: NonNull<Frame>) -> bool {
    let name = frame_ref(f).code.filename.to_lossy();
    name.contains("importlib") && name.contains("_bootstrap")
}

fn skipped_by(f: NonNull<Frame>, prefixes: Option<&Py<Tuple>>) -> bool {
    let Some(prefixes) = prefixes else {
        return false;
    };
    let name = frame_ref(f).code.filename.to_lossy();
    prefixes.as_slice().iter().any(|p| {
        p.downcast::<crate::types::str::Str>()
            .is_some_and(|s| name.starts_with(&*s.to_lossy()))
    })
}

/// The frame `level` levels up from the caller (1 is the caller itself).
fn frame_at(vm: &Vm, mut level: i64, prefixes: Option<&Py<Tuple>>) -> Option<NonNull<Frame>> {
    let mut f = vm.current_frame();
    let previous = |f: NonNull<Frame>| frame_ref(f).previous.get();
    let plain = level <= 0 || f.is_some_and(is_internal);
    while level > 1 {
        let Some(cur) = f else {
            break;
        };
        f = previous(cur);
        if !plain {
            while let Some(p) = f {
                if !(is_internal(p) || skipped_by(p, prefixes)) {
                    break;
                }
                f = previous(p);
            }
        }
        level -= 1;
    }
    f
}

/// Runs the Python half (`warnings._warn_explicit_impl`) and raises what it returns.
fn warn_explicit_impl(vm: &Vm, args: &[Value]) -> PyResult<Value> {
    let warnings = crate::exec::import::import_absolute(vm, "warnings")?;
    let imp = vm.getattr(&warnings, &vm.intern("_warn_explicit_impl"))?;
    let error = vm.call_pos(&imp, args)?;
    match error {
        Value::None => Ok(Value::None),
        e => match e.into_downcast::<BaseException>() {
            Ok(exc) => Err(PyErr::new(exc)),
            Err(_) => Err(vm.new_type_error("exceptions must derive from BaseException")),
        },
    }
}

/// `warn(message, category=None, stacklevel=1, source=None, *, skip_file_prefixes=())`.
fn warn(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    if args.npos() > 4 {
        return Err(vm.new_type_error(format!(
            "warn() takes at most 4 positional arguments ({} given)",
            args.npos()
        )));
    }
    let [message, category, stacklevel, source, prefixes] = args.bind(
        vm,
        "warn",
        [
            "message",
            "category",
            "stacklevel",
            "source",
            "skip_file_prefixes",
        ],
        1,
        0,
    )?;
    let message = message.expect("bind checks the required argument");
    let category = category_for(vm, message, category)?;
    let mut level = match stacklevel {
        Some(v) => vm.ssize_arg(v)?,
        None => 1,
    };
    let prefixes = match prefixes {
        None => None,
        Some(p) => Some(p.downcast::<Tuple>().ok_or_else(|| {
            vm.new_type_error(format!(
                "warn() argument 'skip_file_prefixes' must be tuple, not {}",
                vm.type_name(p)
            ))
        })?),
    };
    if prefixes.is_some_and(|p| !p.is_empty()) {
        level = level.max(2);
    }
    let (filename, lineno, globals): (Value, i64, Py<Dict>) = match frame_at(vm, level, prefixes) {
        Some(f) => {
            let fr = frame_ref(f);
            (
                fr.code.filename.clone().into(),
                i64::from(fr.lineno().unwrap_or(0)),
                fr.globals().clone(),
            )
        }
        None => {
            let sys = crate::exec::import::import_absolute(vm, "sys")?;
            let dict = match sys.downcast::<Module>() {
                Some(m) => m.dict().clone(),
                None => vm.new_dict(),
            };
            (vm.new_str("<sys>").into(), 0, dict)
        }
    };
    let module = match globals.get_rust_str("__name__") {
        Some(n) if n.downcast::<crate::types::str::Str>().is_some() => n,
        _ => vm.new_str("<string>").into(),
    };
    let registry = match globals.get_rust_str("__warningregistry__") {
        Some(r) => r,
        None => {
            let r: Value = vm.new_dict().into();
            globals.set_item(vm, vm.intern("__warningregistry__").into(), r.clone())?;
            r
        }
    };
    warn_explicit_impl(
        vm,
        &[
            message.clone(),
            category,
            filename,
            Value::Int(lineno),
            module,
            registry,
            globals.into(),
            source.cloned().unwrap_or(Value::None),
        ],
    )
}

/// `warn_explicit(message, category, filename, lineno, module=None, registry=None,
/// module_globals=None, source=None)`.
fn warn_explicit(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let bound = args.bind(
        vm,
        "warn_explicit",
        [
            "message",
            "category",
            "filename",
            "lineno",
            "module",
            "registry",
            "module_globals",
            "source",
        ],
        4,
        0,
    )?;
    let arg = |i: usize| bound[i].cloned().unwrap_or(Value::None);
    let filename = arg(2);
    if filename.downcast::<crate::types::str::Str>().is_none() {
        return Err(vm.new_type_error(format!(
            "warn_explicit() argument 3 must be str, not {}",
            vm.type_name(&filename)
        )));
    }
    let lineno = vm.index_value(&arg(3))?;
    let values: Vec<Value> = (0..8)
        .map(|i| if i == 3 { Value::Int(lineno) } else { arg(i) })
        .collect();
    warn_explicit_impl(vm, &values)
}

/// `_getline(filename, lineno)`: the source line (without its newline) or None.
fn getline(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "_getline", 2, 2)?;
    let name = vm.str(&vals[0])?;
    let lineno = vm.index_value(&vals[1])?;
    if lineno < 1 {
        return Ok(Value::None);
    }
    let Some(lines) = vm.line_cache.lines(&name.to_lossy()) else {
        return Ok(Value::None);
    };
    Ok(match lines.get(lineno as usize - 1) {
        Some(l) => vm.new_str(l).into(),
        None => Value::None,
    })
}

fn init_module(vm: &Vm) -> PyResult<Py<Module>> {
    let m = vm.new_module("_warnings");
    vm.add_function(&m, "warn", warn);
    vm.add_function(&m, "warn_explicit", warn_explicit);
    vm.add_function(&m, "_getline", getline);
    Ok(m)
}

/// Registers `_warnings` (the Python-level `warnings` is `vm/lib/warnings.py`).
pub(crate) fn register(vm: &Vm) {
    vm.register_native_module("_warnings", init_module);
}
