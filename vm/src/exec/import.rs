//! The import system: `import a.b.c`, relative imports, `from m import x` (submodules
//! included), `__import__`, native modules, and `.py` modules and packages found on
//! `sys.path` (compiled by rpy's own compiler).

use crate::object::{Py, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::types::dict::Dict;
use crate::types::module::Module;
use crate::types::str::Str;

use super::import_spec::{
    Origin, init_module_attrs, is_initializing, namespace_path, set_initializing,
};

/// `IMPORT_NAME`: honours a replaced `builtins.__import__`.
pub fn import_name(
    vm: &Vm,
    name: &Py<Str>,
    globals: &Py<Dict>,
    locals: &Value,
    fromlist: &Value,
    level: &Value,
    builtins: &Py<Dict>,
) -> PyResult<Value> {
    let import = builtins.get_str(&vm.names.__import__);
    let is_builtin = import.as_ref().is_some_and(|f| {
        f.downcast::<crate::types::function::NativeFunction>()
            .is_some_and(|n| n.name == "__import__")
    });
    match import {
        Some(f) if !is_builtin => {
            let locals = if locals.is_null() {
                Value::None
            } else {
                locals.clone()
            };
            vm.call_pos(
                &f,
                &[
                    Value::from(name),
                    Value::from(globals),
                    locals,
                    fromlist.clone(),
                    level.clone(),
                ],
            )
        }
        None => Err(vm.new_import_error("__import__ not found")),
        Some(_) => {
            let level = vm.index_value(level)?;
            import_module_level(vm, name, Some(globals), fromlist, level)
        }
    }
}

/// `builtins.__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
pub fn builtin_import(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [name, globals, _locals, fromlist, level] = args.bind(
        vm,
        "__import__",
        ["name", "globals", "locals", "fromlist", "level"],
        1,
        0,
    )?;
    let name = name
        .and_then(|n| n.downcast::<Str>())
        .ok_or_else(|| vm.new_type_error("module name must be str, not int"))?;
    let globals = globals.and_then(|g| g.downcast::<Dict>()).cloned();
    let level = match level {
        Some(l) => vm.index_value(l)?,
        None => 0,
    };
    let fromlist = fromlist.cloned().unwrap_or(Value::None);
    import_module_level(vm, name, globals.as_ref(), &fromlist, level)
}

fn resolve_name(vm: &Vm, name: &str, globals: Option<&Py<Dict>>, level: i64) -> PyResult<String> {
    if level < 0 {
        return Err(vm.new_value_error("level must be >= 0"));
    }
    if level == 0 {
        if name.is_empty() {
            return Err(vm.new_value_error("Empty module name"));
        }
        return Ok(name.to_string());
    }
    let no_parent =
        || vm.new_import_error("attempted relative import with no known parent package");
    let globals = globals.ok_or_else(no_parent)?;
    let package = match globals.get_str(&vm.names.__package__) {
        Some(p) if !p.is_none() => p
            .downcast::<Str>()
            .map(|s| s.to_lossy().into_owned())
            .ok_or_else(|| vm.new_type_error("package must be a string"))?,
        _ => {
            let modname = globals
                .get_str(&vm.names.__name__)
                .and_then(|n| n.downcast::<Str>().map(|s| s.to_lossy().into_owned()))
                .ok_or_else(no_parent)?;
            if globals.get_str(&vm.names.__path__).is_some() {
                modname
            } else {
                match modname.rsplit_once('.') {
                    Some((parent, _)) => parent.to_string(),
                    None => String::new(),
                }
            }
        }
    };
    if package.is_empty() {
        return Err(no_parent());
    }
    let mut base = package.as_str();
    for _ in 1..level {
        match base.rsplit_once('.') {
            Some((parent, _)) => base = parent,
            None => {
                return Err(
                    vm.new_import_error("attempted relative import beyond top-level package")
                );
            }
        }
    }
    Ok(if name.is_empty() {
        base.to_string()
    } else {
        format!("{base}.{name}")
    })
}

/// The import algorithm (`importlib._bootstrap._gcd_import` plus fromlist handling).
pub fn import_module_level(
    vm: &Vm,
    name: &Py<Str>,
    globals: Option<&Py<Dict>>,
    fromlist: &Value,
    level: i64,
) -> PyResult<Value> {
    let name_text = name.to_lossy().into_owned();
    let abs = resolve_name(vm, &name_text, globals, level)?;
    let module = import_absolute(vm, &abs)?;
    let has_fromlist = !fromlist.is_none() && vm.is_true(fromlist)?;
    if !has_fromlist {
        if level == 0 || !name_text.is_empty() {
            // `import a.b` binds `a`.
            let first = name_text.split('.').next().unwrap_or("");
            if level == 0 {
                return import_absolute(vm, first);
            }
            let cut = abs.len() - name_text.len() + first.len();
            return import_absolute(vm, &abs[..cut]);
        }
        return Ok(module);
    }
    if module.downcast::<Module>().is_some()
        && let Some(path) = vm.getattr_opt(&module, &vm.names.__path__)?
        && !path.is_none()
    {
        handle_fromlist(vm, &module, &abs, fromlist)?;
    }
    Ok(module)
}

fn handle_fromlist(vm: &Vm, module: &Value, abs: &str, fromlist: &Value) -> PyResult<()> {
    for item in vm.collect(fromlist)? {
        let Some(s) = item.downcast::<Str>() else {
            return Err(vm.new_type_error(format!(
                "Item in {}.__all__ must be str, not {}",
                abs,
                vm.type_name(&item)
            )));
        };
        let text = s.to_lossy().into_owned();
        if text == "*" {
            if let Some(all) = vm.getattr_opt(module, &vm.names.__all__)? {
                handle_fromlist(vm, module, abs, &all)?;
            }
            continue;
        }
        if vm.getattr_opt(module, s)?.is_none() {
            let sub = format!("{abs}.{text}");
            match import_absolute(vm, &sub) {
                Ok(_) => {}
                Err(e)
                    if e.matches(&vm.exc.module_not_found_error)
                        && e.exc()
                            .field("name")
                            .and_then(|n| n.downcast::<Str>().map(|s| s.to_lossy().into_owned()))
                            .as_deref()
                            == Some(sub.as_str()) => {}
                Err(e) => return Err(e),
            }
        }
    }
    Ok(())
}

/// Imports `abs` (a dotted absolute name), its parents first.
pub fn import_absolute(vm: &Vm, abs: &str) -> PyResult<Value> {
    let key = vm.intern(abs);
    if let Some(m) = vm.modules.get_str(&key)
        && !m.is_none()
    {
        return Ok(m);
    }
    let (parent, child) = match abs.rsplit_once('.') {
        Some((p, c)) => (Some(p), c),
        None => (None, abs),
    };
    let search_path: Vec<String> = match parent {
        Some(p) => {
            let pm = import_absolute(vm, p)?;
            if let Some(m) = vm.modules.get_str(&key)
                && !m.is_none()
            {
                return Ok(m);
            }
            match vm.getattr_opt(&pm, &vm.names.__path__)? {
                Some(path) if !path.is_none() => vm
                    .collect(&path)?
                    .iter()
                    .filter_map(|p| p.downcast::<Str>().map(|s| s.to_lossy().into_owned()))
                    .collect(),
                _ => {
                    return Err(not_found(
                        vm,
                        abs,
                        &format!("No module named '{abs}'; '{p}' is not a package"),
                    ));
                }
            }
        }
        None => {
            if let Some(init) = vm.native_module(abs) {
                let m = init(vm)?;
                vm.modules.set_str(&key, m.clone().into());
                init_module_attrs(vm, m.dict(), abs, Origin::Builtin, None)?;
                return Ok(m.into());
            }
            sys_path(vm)?
        }
    };
    if let Some((source, package)) = crate::stdlib::pysource::find(abs) {
        let file = crate::stdlib::pysource::filename(abs);
        let path = package.then(|| vm.new_list(vec![]).into());
        return exec_source_module(vm, abs, source.as_bytes(), &file, None, path, parent);
    }
    match find_source(&search_path, child) {
        Found::Module(file, pkg_dir) => {
            load_source_module(vm, abs, &file, pkg_dir.as_deref(), parent)
        }
        Found::Namespace(dirs) => load_namespace_package(vm, abs, &dirs, parent),
        Found::Nothing => Err(not_found(vm, abs, &format!("No module named '{abs}'"))),
    }
}

/// What a `sys.path` scan found for a module name.
enum Found {
    /// A source file, with the package directory when it is a package's `__init__.py`.
    Module(String, Option<String>),
    /// Only directories without `__init__.py`: the portions of a namespace package.
    Namespace(Vec<String>),
    Nothing,
}

/// Finds `child` in `search_path`. A regular module or package anywhere on the path wins
/// over namespace portions, which are collected in path order (PEP 420).
fn find_source(search_path: &[String], child: &str) -> Found {
    let mut portions = Vec::new();
    for dir in search_path {
        // FileFinder makes its directory absolute (joined to the cwd, not normalized).
        let base = if dir.is_empty() {
            std::env::current_dir()
                .map_or_else(|_| ".".to_string(), |d| d.to_string_lossy().into_owned())
        } else if dir.starts_with('/') {
            dir.clone()
        } else {
            match std::env::current_dir() {
                Ok(d) => format!("{}/{dir}", d.to_string_lossy().trim_end_matches('/')),
                Err(_) => dir.clone(),
            }
        };
        let pkg_dir = format!("{base}/{child}");
        let pkg_init = format!("{pkg_dir}/__init__.py");
        if std::path::Path::new(&pkg_init).is_file() {
            return Found::Module(pkg_init, Some(pkg_dir));
        }
        let file = format!("{base}/{child}.py");
        if std::path::Path::new(&file).is_file() {
            return Found::Module(file, None);
        }
        if std::path::Path::new(&pkg_dir).is_dir() {
            portions.push(pkg_dir);
        }
    }
    if portions.is_empty() {
        Found::Nothing
    } else {
        Found::Namespace(portions)
    }
}

/// Creates namespace package `abs` (no code runs) spanning `dirs`.
fn load_namespace_package(
    vm: &Vm,
    abs: &str,
    dirs: &[String],
    parent: Option<&str>,
) -> PyResult<Value> {
    let module = vm.new_module(abs);
    let d = module.dict();
    let path = namespace_path(vm, abs, dirs)?;
    d.set_str(&vm.names.__path__, path.clone());
    d.set_str(&vm.names.__package__, vm.new_str(abs).into());
    init_module_attrs(vm, d, abs, Origin::Namespace(dirs), Some(&path))?;
    let key = vm.intern(abs);
    vm.modules.set_str(&key, module.clone().into());
    let m: Value = module.into();
    if let Some((p, child)) = abs.rsplit_once('.')
        && let Some(pm) = vm.modules.get_str(&vm.intern(p))
    {
        vm.setattr(&pm, &vm.intern(child), m.clone())?;
    }
    let _ = parent;
    Ok(m)
}

/// `python -m NAME`: imports NAME's parent packages, then runs NAME's source (or
/// `NAME.__main__` for a package) as module `__main__`.
pub fn run_module_as_main(vm: &Vm, name: &str) -> PyResult<()> {
    let (parent, child) = match name.rsplit_once('.') {
        Some((p, c)) => (Some(p), c),
        None => (None, name),
    };
    let search_path: Vec<String> = match parent {
        Some(p) => {
            let pm = import_absolute(vm, p)?;
            match vm.getattr_opt(&pm, &vm.names.__path__)? {
                Some(path) if !path.is_none() => vm
                    .collect(&path)?
                    .iter()
                    .filter_map(|p| p.downcast::<Str>().map(|s| s.to_lossy().into_owned()))
                    .collect(),
                _ => {
                    return Err(not_found(vm, name, &format!("No module named {name}")));
                }
            }
        }
        None => sys_path(vm)?,
    };
    let (file, pkg_dir) = match find_source(&search_path, child) {
        Found::Module(file, pkg_dir) => (file, pkg_dir),
        Found::Namespace(_) => {
            return Err(vm.new_import_error(format!(
                "No module named {name}.__main__; '{name}' is a package and cannot be directly executed"
            )));
        }
        Found::Nothing => return Err(not_found(vm, name, &format!("No module named {name}"))),
    };
    if pkg_dir.is_some() {
        // A package: import it, then run its __main__ submodule.
        import_absolute(vm, name)?;
        return run_module_as_main(vm, &format!("{name}.__main__"));
    }
    let source = std::fs::read(&file)
        .map_err(|e| vm.new_import_error(format!("cannot read {file}: {e}")))?;
    let code = vm.compile_source(&source, &file, crate::parse::Mode::Exec)?;
    let module = vm.new_module("__main__");
    let d = module.dict();
    d.set_str(&vm.names.__file__, vm.new_str(&file).into());
    d.set_str(
        &vm.names.__package__,
        vm.new_str(parent.unwrap_or("")).into(),
    );
    d.set_str(&vm.names.__builtins__, vm.builtins.clone().into());
    init_module_attrs(vm, d, name, Origin::File(&file), None)?;
    vm.modules.set_str(&vm.names.main, module.clone().into());
    if let Some(argv) = vm.sys.dict().get_str(&vm.intern("argv"))
        && let Some(list) = argv.downcast::<crate::types::list::List>()
    {
        let _ = list.set(0, vm.new_str(&file).into());
    }
    vm.run_code(&code, d, None).map(|_| ())
}

fn not_found(vm: &Vm, abs: &str, msg: &str) -> crate::runtime::PyErr {
    let e = vm.new_module_not_found_error(msg);
    e.exc().set_field("name", vm.new_str(abs).into());
    e
}

fn sys_path(vm: &Vm) -> PyResult<Vec<String>> {
    let Some(path) = vm.sys.dict().get_str(&vm.names.path) else {
        return Ok(Vec::new());
    };
    Ok(vm
        .collect(&path)?
        .iter()
        .filter_map(|p| p.downcast::<Str>().map(|s| s.to_lossy().into_owned()))
        .collect())
}

/// Compiles and executes a `.py` file as module `abs`.
fn load_source_module(
    vm: &Vm,
    abs: &str,
    file: &str,
    package_dir: Option<&str>,
    parent: Option<&str>,
) -> PyResult<Value> {
    let source =
        std::fs::read(file).map_err(|e| vm.new_import_error(format!("cannot read {file}: {e}")))?;
    let path = package_dir.map(|dir| vm.new_list(vec![vm.new_str(dir).into()]).into());
    exec_source_module(vm, abs, &source, file, Some(file), path, parent)
}

/// Compiles and executes `source` as module `abs`; `path` is a package's `__path__`.
fn exec_source_module(
    vm: &Vm,
    abs: &str,
    source: &[u8],
    filename: &str,
    file: Option<&str>,
    path: Option<Value>,
    parent: Option<&str>,
) -> PyResult<Value> {
    let code = vm.compile_source(source, filename, crate::parse::Mode::Exec)?;
    let module = vm.new_module(abs);
    let d = module.dict();
    if let Some(file) = file {
        d.set_str(&vm.names.__file__, vm.new_str(file).into());
    }
    let package = match path {
        Some(path) => {
            d.set_str(&vm.names.__path__, path);
            abs.to_string()
        }
        None => parent.unwrap_or("").to_string(),
    };
    d.set_str(&vm.names.__package__, vm.new_str(&package).into());
    d.set_str(&vm.names.__builtins__, vm.builtins.clone().into());
    let origin = match file {
        Some(f) => Origin::File(f),
        None => Origin::Frozen,
    };
    let search_locations = d.get_str(&vm.names.__path__);
    init_module_attrs(vm, d, abs, origin, search_locations.as_ref())?;
    let key = vm.intern(abs);
    vm.modules.set_str(&key, module.clone().into());
    set_initializing(vm, d, true);
    let result = vm.run_code(&code, d, None);
    set_initializing(vm, d, false);
    if let Err(e) = result {
        vm.modules.del_str(&key);
        return Err(e);
    }
    // The module may have replaced itself in sys.modules.
    let m = vm
        .modules
        .get_str(&key)
        .unwrap_or_else(|| module.clone().into());
    if let Some((p, child)) = abs.rsplit_once('.')
        && let Some(pm) = vm.modules.get_str(&vm.intern(p))
    {
        vm.setattr(&pm, &vm.intern(child), m.clone())?;
    }
    Ok(m)
}

/// `IMPORT_FROM`: `from module import name`.
pub fn import_from(vm: &Vm, module: &Value, name: &Py<Str>) -> PyResult<Value> {
    if let Some(v) = vm.getattr_opt(module, name)? {
        return Ok(v);
    }
    let modname = vm
        .getattr_opt(module, &vm.names.__name__)?
        .and_then(|n| n.downcast::<Str>().map(|s| s.to_lossy().into_owned()));
    if let Some(m) = &modname {
        let full = format!("{m}.{}", name.to_lossy());
        if let Some(v) = vm.modules.get_str(&vm.intern(&full)) {
            return Ok(v);
        }
    }
    let modname = modname.unwrap_or_else(|| "<unknown module name>".into());
    let file = vm
        .getattr_opt(module, &vm.names.__file__)?
        .and_then(|f| f.downcast::<Str>().map(|s| s.to_lossy().into_owned()));
    let location = match &file {
        Some(f) => f.clone(),
        None => "unknown location".to_string(),
    };
    let e = if is_initializing(vm, module) {
        vm.new_import_error(format!(
            "cannot import name '{}' from partially initialized module '{modname}' \
             (most likely due to a circular import) ({location})",
            name.to_lossy()
        ))
    } else {
        vm.new_import_error(format!(
            "cannot import name '{}' from '{modname}' ({location})",
            name.to_lossy()
        ))
    };
    e.exc().set_field("name", vm.new_str(&modname).into());
    e.exc().set_field("name_from", Value::from(name));
    if let Some(f) = file {
        e.exc().set_field("path", vm.new_str(&f).into());
    }
    Err(e)
}
