//! The startup "site" step (adds `exit`, `quit`, `help`, `copyright`, `credits`, `license`
//! to builtins from the embedded `_sitebuiltins` module), and `breakpoint()` with its
//! `sys.breakpointhook` (which honours `$PYTHONBREAKPOINT`).

use crate::object::Value;
use crate::runtime::{Args, PyResult, Vm};

/// Installs the `_sitebuiltins` objects into builtins (what CPython's `site` does unless
/// `-S`).
pub fn install(vm: &Vm) -> PyResult<()> {
    let module = crate::exec::import::import_absolute(vm, "_sitebuiltins")?;
    let install = vm.getattr(&module, &vm.intern("install"))?;
    vm.call_pos(&install, &[vm.builtins.dict().clone().into()])?;
    Ok(())
}

/// `breakpoint(*args, **kws)`: calls `sys.breakpointhook`.
pub fn breakpoint(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(hook) = vm.sys.dict().get_str(&vm.intern("breakpointhook")) else {
        return Err(vm.new_runtime_error("lost sys.breakpointhook"));
    };
    vm.call(&hook, args)
}

/// `sys.breakpointhook(*args, **kws)`: calls the function `$PYTHONBREAKPOINT` names
/// (default `pdb.set_trace`; `0` disables), warning when it cannot be imported.
pub fn breakpointhook(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let setting = if vm.config.ignore_environment {
        None
    } else {
        std::env::var("PYTHONBREAKPOINT").ok()
    };
    let hookname = match setting.as_deref() {
        Some("0") => return Ok(Value::None),
        None | Some("") => "pdb.set_trace".to_string(),
        Some(name) => name.to_string(),
    };
    let (module, attr) = match hookname.rsplit_once('.') {
        Some((m, a)) => (m.to_string(), a.to_string()),
        None => ("builtins".to_string(), hookname.clone()),
    };
    let hook = crate::exec::import::import_absolute(vm, &module)
        .and_then(|m| vm.getattr(&m, &vm.intern(&attr)));
    match hook {
        Ok(h) => vm.call(&h, args),
        Err(e) if e.matches(&vm.exc.import_error) || e.matches(&vm.exc.attribute_error) => {
            warn_unimportable(vm, &hookname)?;
            Ok(Value::None)
        }
        Err(e) => Err(e),
    }
}

fn warn_unimportable(vm: &Vm, hookname: &str) -> PyResult<()> {
    let msg = format!("Ignoring unimportable $PYTHONBREAKPOINT: \"{hookname}\"");
    vm.warn_as(&vm.exc.runtime_warning.clone().into(), &msg)
}
