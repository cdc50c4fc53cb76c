//! The `sys` module: interpreter state and configuration visible to Python code.

use crate::object::{Py, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::types::module::Module;
use crate::types::str::Str;

/// The version `sys.version_info` reports.
pub const VERSION: (i64, i64, i64) = (3, 14, 10);

fn sys_exit(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "exit", 0, 1)?;
    let code = vals.first().cloned().unwrap_or(Value::None);
    Err(vm.new_exception(
        &vm.exc.system_exit,
        if code.is_none() && vals.is_empty() {
            vec![]
        } else {
            vec![code]
        },
    ))
}

fn getrecursionlimit(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "getrecursionlimit")?;
    Ok(Value::Int(i64::from(vm.recursion_limit())))
}

/// `sys.flags` as the configuration and the current int/str digit limit give it (rebuilt
/// when `sys.set_int_max_str_digits` changes the limit, as CPython updates its field).
fn flags(vm: &Vm) -> Value {
    let limit = crate::text::repr::int_max_str_digits() as i64;
    struct_seq(
        vm,
        "sys.flags",
        &[
            ("debug", Value::Int(0)),
            ("inspect", Value::Int(0)),
            ("interactive", Value::Int(0)),
            ("optimize", Value::Int(0)),
            ("dont_write_bytecode", Value::Int(1)),
            ("no_user_site", Value::Int(i64::from(vm.config.isolated))),
            ("no_site", Value::Int(i64::from(vm.config.no_site))),
            (
                "ignore_environment",
                Value::Int(i64::from(
                    vm.config.ignore_environment || vm.config.isolated,
                )),
            ),
            ("verbose", Value::Int(0)),
            ("bytes_warning", Value::Int(0)),
            ("quiet", Value::Int(0)),
            (
                "hash_randomization",
                Value::Int(i64::from(vm.config.hash_seed != Some(0))),
            ),
            ("isolated", Value::Int(i64::from(vm.config.isolated))),
            ("dev_mode", Value::Bool(false)),
            ("utf8_mode", Value::Int(i64::from(utf8_mode(vm)))),
            ("warn_default_encoding", Value::Int(0)),
            (
                "safe_path",
                Value::Bool(vm.config.isolated || vm.config.safe_path),
            ),
            ("int_max_str_digits", Value::Int(limit)),
        ],
    )
    .unwrap_or(Value::None)
}

/// `sys.set_int_max_str_digits(maxdigits)`.
fn set_int_max_str_digits(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    if args.npos() == 0 && args.kwarg("maxdigits").is_none() {
        // Argument clinic reports the missing argument before any unknown keyword.
        return Err(vm.new_type_error(
            "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)",
        ));
    }
    let [n] = args.bind(vm, "set_int_max_str_digits", ["maxdigits"], 1, 0)?;
    let n = vm.index_value(n.unwrap_or(&Value::None))?;
    let threshold = crate::text::repr::INT_MAX_STR_DIGITS_THRESHOLD as i64;
    if n != 0 && n < threshold {
        return Err(vm.new_value_error(format!(
            "maxdigits must be >= {threshold} or 0 for unlimited"
        )));
    }
    crate::text::repr::set_int_max_str_digits(usize::try_from(n).unwrap_or(usize::MAX));
    vm.sys.dict().set_str(&vm.intern("flags"), flags(vm));
    Ok(Value::None)
}

/// The current digit limit of int/str conversions (0: unlimited).
fn get_int_max_str_digits(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "get_int_max_str_digits")?;
    Ok(Value::Int(crate::text::repr::int_max_str_digits() as i64))
}

fn setrecursionlimit(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let n = args.one(vm, "setrecursionlimit")?;
    if crate::types::float::is_float(n) {
        return Err(vm.new_type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = vm.index_value(n)?;
    if n < 1 {
        return Err(vm.new_value_error("recursion limit must be greater or equal than 1"));
    }
    let depth = vm.exec.depth.get();
    if n <= i64::from(depth) {
        return Err(vm.new_recursion_error(format!(
            "cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low"
        )));
    }
    vm.set_recursion_limit(n.min(i64::from(u32::MAX)) as u32);
    Ok(Value::None)
}

fn intern(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let s = args.one(vm, "intern")?;
    let Some(st) = s.downcast::<Str>() else {
        return Err(vm.new_type_error(format!(
            "intern() argument must be str, not {}",
            vm.type_name(s)
        )));
    };
    if !s.class(vm).is(&vm.types.str) {
        return Err(vm.new_type_error(format!("can't intern {}", vm.type_name(s))));
    }
    Ok(vm.intern_str(st).into())
}

fn getsizeof(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "getsizeof", 1, 2)?;
    let v = &vals[0];
    if let Some(f) = vm.getattr_opt(v, &vm.names.__sizeof__)? {
        let r = vm.call_pos(&f, &[])?;
        let n = vm.index_value(&r)?;
        if n < 0 {
            return Err(vm.new_value_error("__sizeof__() should return >= 0"));
        }
        let gc_header = if crate::types::object::gc_tracked(vm, v) {
            16
        } else {
            0
        };
        return Ok(Value::Int(n.saturating_add(gc_header)));
    }
    match vals.get(1) {
        Some(d) => Ok(d.clone()),
        None => Err(vm.new_type_error(format!(
            "Type {} doesn't define __sizeof__",
            vm.type_name(v)
        ))),
    }
}

fn exc_info(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "exc_info")?;
    Ok(match vm.handled_exception() {
        Some(e) => {
            let tb = e
                .downcast::<crate::types::exception::BaseException>()
                .map_or(Value::None, |x| x.traceback());
            vm.new_tuple(vec![e.class(vm).clone().into(), e, tb]).into()
        }
        None => vm
            .new_tuple(vec![Value::None, Value::None, Value::None])
            .into(),
    })
}

fn exception(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "exception")?;
    Ok(vm.handled_exception().unwrap_or(Value::None))
}

fn getframe(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "_getframe", 0, 1)?;
    let mut depth = match vals.first() {
        Some(d) => vm.index_value(d)?,
        None => 0,
    };
    let mut f = vm.current_frame();
    while depth > 0 {
        f = f.and_then(|p| crate::exec::frame::frame_ref(p).previous.get());
        depth -= 1;
    }
    match f {
        Some(p) => Ok(vm.frame_object(p).into()),
        None => Err(vm.new_value_error("call stack is not deep enough")),
    }
}

fn getdefaultencoding(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "getdefaultencoding")?;
    Ok(vm.new_str("utf-8").into())
}

fn getrefcount(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.one(vm, "getrefcount")?;
    Ok(Value::Int(match v.as_obj() {
        Some(o) => i64::from(o.refcount()),
        None => 1 << 30,
    }))
}

fn is_finalizing(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "is_finalizing")?;
    Ok(Value::Bool(false))
}

fn getswitchinterval(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "getswitchinterval")?;
    Ok(Value::Float(
        vm.stdlib.switch_interval.get().unwrap_or(0.005),
    ))
}

fn setswitchinterval(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let x = super::math::as_double(vm, args.one(vm, "setswitchinterval")?)?;
    // NaN passes, as in CPython.
    if x <= 0.0 {
        return Err(vm.new_value_error("switch interval must be strictly positive"));
    }
    vm.stdlib.switch_interval.set(Some(x));
    Ok(Value::None)
}

/// `call_tracing(func, args)`: `func(*args)` (tracing is never suspended here).
fn call_tracing(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "call_tracing", 2, 2)?;
    let Some(t) = vals[1].downcast::<crate::types::tuple::Tuple>() else {
        return Err(vm.new_type_error(format!(
            "call_tracing() argument 2 must be tuple, not {}",
            vm.type_name(&vals[1])
        )));
    };
    vm.call_pos(&vals[0], t.as_slice())
}

fn struct_seq(vm: &Vm, name: &str, fields: &[(&str, Value)]) -> PyResult<Value> {
    crate::stdlib::builtins::new_named_record(vm, name, fields)
}

/// Builds `sys`.
pub(crate) fn init(vm: &Vm) {
    let m: &Py<Module> = &vm.sys;
    let d = m.dict();
    let set = |name: &str, v: Value| d.set_str(&vm.intern(name), v);
    set("__name__", vm.intern("sys").into());
    set("__doc__", Value::None);
    set("__package__", vm.new_str("").into());
    set("__loader__", Value::None);
    set("__spec__", Value::None);
    let argv: Vec<Value> = vm
        .config
        .argv
        .iter()
        .map(|a| vm.new_str(a).into())
        .collect();
    set("argv", vm.new_list(argv).into());
    set("orig_argv", vm.new_list(vec![]).into());
    // rpy's standard library is embedded (like CPython's frozen modules); the directory
    // its files would occupy under the prefix ends sys.path, as CPython's stdlib dirs do.
    let prefix = install_prefix(&vm.config.executable);
    let path: Vec<Value> = vm
        .config
        .path
        .iter()
        .cloned()
        .chain(std::iter::once(format!("{prefix}/lib/rpy3.14")))
        .map(|p| vm.new_str(&p).into())
        .collect();
    set("path", vm.new_list(path).into());
    set("modules", vm.modules.clone().into());
    set("meta_path", vm.new_list(vec![]).into());
    set("path_hooks", vm.new_list(vec![]).into());
    set("path_importer_cache", vm.new_dict().into());
    set(
        "builtin_module_names",
        vm.new_tuple(vec![vm.intern("builtins").into(), vm.intern("sys").into()])
            .into(),
    );
    let streams = crate::stdlib::stdio::make_streams(vm);
    for (i, name) in ["stdin", "stdout", "stderr"].iter().enumerate() {
        set(name, streams[i].clone());
        set(&format!("__{name}__"), streams[i].clone());
    }
    set("maxsize", Value::Int(i64::MAX));
    set("maxunicode", Value::Int(0x10ffff));
    set(
        "byteorder",
        vm.new_str(if cfg!(target_endian = "little") {
            "little"
        } else {
            "big"
        })
        .into(),
    );
    set("platform", vm.new_str(std::env::consts::OS).into());
    set("executable", vm.new_str(&vm.config.executable).into());
    for name in ["prefix", "exec_prefix", "base_prefix", "base_exec_prefix"] {
        set(name, vm.new_str(&prefix).into());
    }
    set("dont_write_bytecode", Value::Bool(true));
    set(
        "hexversion",
        Value::Int((VERSION.0 << 24) | (VERSION.1 << 16) | (VERSION.2 << 8) | 0xf0),
    );
    set(
        "version",
        vm.new_str(&format!(
            "{}.{}.{} (rpy {})",
            VERSION.0,
            VERSION.1,
            VERSION.2,
            env!("CARGO_PKG_VERSION")
        ))
        .into(),
    );
    let mk =
        |name: &str, fields: &[(&str, Value)]| struct_seq(vm, name, fields).unwrap_or(Value::None);
    set(
        "version_info",
        mk(
            "sys.version_info",
            &[
                ("major", Value::Int(VERSION.0)),
                ("minor", Value::Int(VERSION.1)),
                ("micro", Value::Int(VERSION.2)),
                ("releaselevel", vm.new_str("final").into()),
                ("serial", Value::Int(0)),
            ],
        ),
    );
    let ns = crate::stdlib::builtins::new_namespace(
        vm,
        &[
            ("name", vm.new_str("rpy").into()),
            ("cache_tag", Value::None),
            (
                "version",
                mk(
                    "sys.version_info",
                    &[
                        ("major", Value::Int(0)),
                        ("minor", Value::Int(1)),
                        ("micro", Value::Int(0)),
                        ("releaselevel", vm.new_str("alpha").into()),
                        ("serial", Value::Int(0)),
                    ],
                ),
            ),
            ("hexversion", Value::Int(0x0001_00a0)),
            ("_multiarch", vm.new_str("x86_64-linux-gnu").into()),
        ],
    );
    set("implementation", ns);
    set("flags", flags(vm));
    set(
        "float_info",
        mk(
            "sys.float_info",
            &[
                ("max", Value::Float(f64::MAX)),
                ("max_exp", Value::Int(1024)),
                ("max_10_exp", Value::Int(308)),
                ("min", Value::Float(f64::MIN_POSITIVE)),
                ("min_exp", Value::Int(-1021)),
                ("min_10_exp", Value::Int(-307)),
                ("dig", Value::Int(15)),
                ("mant_dig", Value::Int(53)),
                ("epsilon", Value::Float(f64::EPSILON)),
                ("radix", Value::Int(2)),
                ("rounds", Value::Int(1)),
            ],
        ),
    );
    set(
        "int_info",
        mk(
            "sys.int_info",
            &[
                ("bits_per_digit", Value::Int(30)),
                ("sizeof_digit", Value::Int(4)),
                (
                    "default_max_str_digits",
                    Value::Int(crate::text::repr::DEFAULT_INT_MAX_STR_DIGITS as i64),
                ),
                (
                    "str_digits_check_threshold",
                    Value::Int(crate::text::repr::INT_MAX_STR_DIGITS_THRESHOLD as i64),
                ),
            ],
        ),
    );
    set(
        "hash_info",
        mk(
            "sys.hash_info",
            &[
                ("width", Value::Int(64)),
                ("modulus", Value::Int(crate::runtime::hash::MODULUS as i64)),
                ("inf", Value::Int(crate::runtime::hash::INF)),
                ("nan", Value::Int(0)),
                ("imag", Value::Int(crate::runtime::hash::IMAG as i64)),
                ("algorithm", vm.new_str("siphash13").into()),
                ("hash_bits", Value::Int(64)),
                ("seed_bits", Value::Int(128)),
                ("cutoff", Value::Int(0)),
            ],
        ),
    );
    let xopts = vm.new_dict();
    for (k, v) in &vm.config.xoptions {
        let val: Value = match v {
            Some(s) => vm.new_str(s).into(),
            None => Value::Bool(true),
        };
        let _ = xopts.set_item(vm, vm.new_str(k).into(), val);
    }
    set("_xoptions", xopts.into());
    let warnoptions = vm.config.warnoptions.iter().map(|o| vm.new_str(o).into());
    set("warnoptions", vm.new_list(warnoptions.collect()).into());
    for (name, f) in [
        ("exit", sys_exit as crate::types::function::NativeFn),
        ("getrecursionlimit", getrecursionlimit),
        ("get_int_max_str_digits", get_int_max_str_digits),
        ("set_int_max_str_digits", set_int_max_str_digits),
        ("setrecursionlimit", setrecursionlimit),
        ("intern", intern),
        ("getsizeof", getsizeof),
        ("exc_info", exc_info),
        ("exception", exception),
        ("_getframe", getframe),
        ("getdefaultencoding", getdefaultencoding),
        ("getfilesystemencoding", getdefaultencoding),
        ("getrefcount", getrefcount),
        ("is_finalizing", is_finalizing),
        ("breakpointhook", super::sitebuiltins::breakpointhook),
        ("getswitchinterval", getswitchinterval),
        ("setswitchinterval", setswitchinterval),
        ("call_tracing", call_tracing),
    ] {
        vm.add_function(m, name, f);
    }
    if let Some(hook) = m.dict().get_str(&vm.intern("breakpointhook")) {
        set("__breakpointhook__", hook);
    }
    super::sys_hooks::install(vm, m);
    super::sys_audit::install(vm, m);
    let names = vm.new_frozenset_empty();
    for n in super::stdlib_names::STDLIB_MODULE_NAMES {
        // Adding a str to a fresh frozenset cannot fail (str hashing does not raise).
        let _ = names.add(vm, vm.new_str(n).into());
    }
    set("stdlib_module_names", names.into());
    set("float_repr_style", vm.new_str("short").into());
    set("abiflags", vm.new_str("").into());
    set("platlibdir", vm.new_str("lib").into());
    set("pycache_prefix", Value::None);
    set("api_version", Value::Int(1013));
    set(
        "copyright",
        vm.new_str(
            "Copyright (c) 2001 Python Software Foundation.\nAll Rights Reserved.\n\n\
             rpy: a Python 3.14 virtual machine written in Rust.",
        )
        .into(),
    );
}

/// `sys.prefix`: the directory above the one holding the executable (`/usr` for
/// `/usr/bin/rpy`), CPython's layout.
fn install_prefix(executable: &str) -> String {
    std::path::Path::new(executable)
        .parent()
        .and_then(std::path::Path::parent)
        .map(|p| p.to_string_lossy().into_owned())
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| "/usr/local".to_string())
}

/// Whether UTF-8 mode is on: `-X utf8` / `-X utf8=1` (the last `-X utf8` wins).
fn utf8_mode(vm: &Vm) -> bool {
    vm.config
        .xoptions
        .iter()
        .rev()
        .find(|(k, _)| k == "utf8")
        .is_some_and(|(_, v)| v.as_deref() != Some("0"))
}
