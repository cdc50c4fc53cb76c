//! `_warnings`: the two things the Python-level `warnings` module (`vm/lib/warnings.py`)
//! cannot do itself: find the frame a warning is attributed to (`stacklevel`), and read a
//! source line from the VM's line cache for the warning's second line.

use crate::object::{Py, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::types::module::Module;

/// `_frame_info(depth)`: (filename, lineno, globals) of the Python frame `depth` levels
/// above the caller (0 is the caller itself), or None when the stack is not that deep.
fn frame_info(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let depth = vm.index_value(args.one(vm, "_frame_info")?)?;
    let mut f = vm.current_frame();
    let mut n = depth;
    while n > 0 {
        f = f.and_then(|p| crate::exec::frame::frame_ref(p).previous.get());
        n -= 1;
    }
    let Some(p) = f else {
        return Ok(Value::None);
    };
    let fr = crate::exec::frame::frame_ref(p);
    let lineno = fr.lineno().unwrap_or(0);
    Ok(vm
        .new_tuple(vec![
            fr.code.filename.clone().into(),
            Value::Int(i64::from(lineno)),
            fr.globals().clone().into(),
        ])
        .into())
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
    vm.add_function(&m, "_frame_info", frame_info);
    vm.add_function(&m, "_getline", getline);
    Ok(m)
}

/// Registers `_warnings` (the Python-level `warnings` is `vm/lib/warnings.py`).
pub(crate) fn register(vm: &Vm) {
    vm.register_native_module("_warnings", init_module);
}
