//! Running Python programs: CPython's command line (`rpy [options] FILE [args]`, `-c CMD`,
//! `-m MODULE`, `-` for stdin, `-X key[=value]`, `-u`, `-I`, `-E`, `-V`), the `__main__`
//! module, and CPython's exit statuses (0, 1 on an uncaught exception, `SystemExit`'s code).

use std::io::{Read, Write};
use std::process::ExitCode;

use vm::exec::import_spec::{Origin, make_loader};
use vm::object::Value;
use vm::runtime::{Config, PyErr, Vm};
use vm::types::exception::BaseException;
use vm::types::str::Str;

/// What to run.
enum Target {
    File(String),
    Command(String),
    Module(String),
    Stdin,
}

/// Parses the command line after the program name; `Err` is a usage error message.
fn parse(args: &[String]) -> Result<(Target, Vec<String>, Config), String> {
    let mut config = Config::default();
    let mut ignore_env = false;
    let mut i = 0;
    while i < args.len() {
        let a = &args[i];
        if !a.starts_with('-') || a == "-" {
            break;
        }
        if a == "--" {
            i += 1;
            break;
        }
        // Short options may be clustered (`-uI`); -c, -m, -X, -W take a value.
        let flags: Vec<char> = a[1..].chars().collect();
        let mut k = 0;
        while k < flags.len() {
            let f = flags[k];
            let value = |i: &mut usize| -> Result<String, String> {
                let rest: String = flags[k + 1..].iter().collect();
                if !rest.is_empty() {
                    return Ok(rest);
                }
                *i += 1;
                args.get(*i)
                    .cloned()
                    .ok_or_else(|| format!("Argument expected for the -{f} option"))
            };
            match f {
                'c' => {
                    let cmd = value(&mut i)?;
                    let mut argv = vec!["-c".to_string()];
                    argv.extend_from_slice(&args[i + 1..]);
                    finish_env(&mut config, ignore_env);
                    return Ok((Target::Command(cmd), argv, config));
                }
                'm' => {
                    let module = value(&mut i)?;
                    let mut argv = vec![module.clone()];
                    argv.extend_from_slice(&args[i + 1..]);
                    finish_env(&mut config, ignore_env);
                    return Ok((Target::Module(module), argv, config));
                }
                'X' => {
                    let opt = value(&mut i)?;
                    let (key, val) = match opt.split_once('=') {
                        Some((k, v)) => (k.to_string(), Some(v.to_string())),
                        None => (opt.clone(), None),
                    };
                    match (key.as_str(), val.as_deref()) {
                        ("specialize", Some("0")) => config.specialize = false,
                        ("specialize", _) => config.specialize = true,
                        ("tier2", Some("0")) => config.tier2 = false,
                        ("tier2", _) => config.tier2 = true,
                        _ => {}
                    }
                    config.xoptions.push((key, val));
                    break;
                }
                'W' => {
                    let _ = value(&mut i)?;
                    break;
                }
                'u' => config.unbuffered = true,
                'I' => {
                    config.isolated = true;
                    ignore_env = true;
                }
                'P' => config.safe_path = true,
                'E' => ignore_env = true,
                'S' => config.no_site = true,
                's' | 'B' | 'b' | 'd' | 'O' | 'q' | 'v' | 'i' | 'R' => {}
                'V' => return Err("__version__".into()),
                'h' => return Err("__help__".into()),
                _ => return Err(format!("Unknown option: -{f}")),
            }
            k += 1;
        }
        i += 1;
    }
    finish_env(&mut config, ignore_env);
    match args.get(i) {
        None => Ok((Target::Stdin, vec![String::new()], config)),
        Some(s) if s == "-" => Ok((Target::Stdin, args[i..].to_vec(), config)),
        Some(file) => Ok((Target::File(file.clone()), args[i..].to_vec(), config)),
    }
}

fn finish_env(config: &mut Config, ignore_env: bool) {
    config.ignore_environment = ignore_env;
    if ignore_env {
        return;
    }
    if let Ok(seed) = std::env::var("PYTHONHASHSEED")
        && seed != "random"
        && let Ok(n) = seed.parse::<u32>()
    {
        config.hash_seed = Some(n);
    }
    if std::env::var_os("PYTHONSAFEPATH").is_some_and(|v| !v.is_empty()) {
        config.safe_path = true;
    }
    if std::env::var_os("PYTHONUNBUFFERED").is_some_and(|v| !v.is_empty()) {
        config.unbuffered = true;
    }
    if let Ok(p) = std::env::var("PYTHONPATH") {
        config
            .path
            .extend(p.split(':').filter(|s| !s.is_empty()).map(str::to_string));
    }
}

/// Runs a Python command line; returns the process exit status.
pub fn run(args: &[String]) -> ExitCode {
    let (target, argv, mut config) = match parse(args) {
        Ok(t) => t,
        Err(e) if e == "__version__" => {
            println!("Python 3.14.10");
            return ExitCode::SUCCESS;
        }
        Err(e) if e == "__help__" => {
            println!("usage: rpy [option] ... [-c cmd | -m mod | file | -] [arg] ...");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            let _ = writeln!(
                std::io::stderr(),
                "{e}\nusage: rpy [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information."
            );
            return ExitCode::from(2);
        }
    };
    let safe_path = config.safe_path;
    let first_path = match &target {
        Target::File(f) => {
            let p = std::path::Path::new(f);
            let abs = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
            abs.parent()
                .map(|d| d.to_string_lossy().into_owned())
                .unwrap_or_default()
        }
        Target::Module(_) => std::env::current_dir()
            .map(|d| d.to_string_lossy().into_owned())
            .unwrap_or_default(),
        _ => String::new(),
    };
    // -I (like -P) leaves out the script's directory / the current directory.
    if !config.isolated && !safe_path {
        config.path.insert(0, first_path);
    }
    config.argv = argv;
    config.executable = std::env::current_exe()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    let vm = Vm::new(config);
    if !vm.config.no_site
        && let Err(e) = vm::stdlib::sitebuiltins::install(&vm)
    {
        return finish(&vm, Err(e));
    }
    let status = run_target(&vm, target);
    vm.run_atexit();
    vm.flush_module_files();
    vm.flush_std_streams();
    status
}

fn run_target(vm: &Vm, target: Target) -> ExitCode {
    let (source, filename) = match &target {
        Target::File(f) => match std::fs::read(f) {
            Ok(s) => (s, f.clone()),
            Err(e) => {
                let _ = writeln!(
                    std::io::stderr(),
                    "{}: can't open file {}: [Errno {}] {}",
                    std::env::args().next().unwrap_or_else(|| "rpy".into()),
                    vm::text::repr::str_repr(&absolute(f)),
                    e.raw_os_error().unwrap_or(0),
                    errno_text(&e)
                );
                return ExitCode::from(2);
            }
        },
        Target::Command(c) => (c.clone().into_bytes(), "<string>".to_string()),
        Target::Stdin => {
            let mut s = Vec::new();
            if std::io::stdin().read_to_end(&mut s).is_err() {
                return ExitCode::from(1);
            }
            (s, "<stdin>".to_string())
        }
        Target::Module(m) => return run_module(vm, m),
    };
    let main = vm.new_module("__main__");
    let d = main.dict();
    let filename = match &target {
        Target::File(f) => absolute(f),
        _ => filename,
    };
    // CPython's __main__: a file gets a source loader; stdin and -c the builtin importer.
    let origin = match &target {
        Target::File(_) => Origin::File(&filename),
        _ => Origin::Builtin,
    };
    if !matches!(target, Target::Command(_)) {
        d.set_str(&vm.names.__file__, vm.new_str(&filename).into());
        d.set_str(&vm.intern("__cached__"), Value::None);
    }
    match make_loader(vm, "__main__", &origin) {
        Ok(Some(loader)) => d.set_str(&vm.names.__loader__, loader),
        Ok(None) => {}
        Err(e) => return finish(vm, Err(e)),
    }
    d.set_str(&vm.names.__builtins__, vm.builtins.clone().into());
    vm.modules.set_str(&vm.names.main, main.clone().into());
    let code = if let Target::File(_) = &target {
        match vm.compile_script(&source, &filename) {
            Ok(code) => code,
            Err(err) => {
                vm.flush_std_streams();
                let report = vm::parse::report::render_file_run(
                    &err,
                    &filename,
                    &source,
                    Some(&vm::parse::snippet_front_end::VmFrontEnd),
                );
                vm.write_stderr(&report);
                return ExitCode::from(1);
            }
        }
    } else {
        if let Target::Command(c) = &target {
            vm.line_cache.register("<string>", c);
        }
        vm.compile_source(&source, &filename, vm::parse::Mode::Exec)
    };
    let result = code.and_then(|code| vm.run_code(&code, d, None));
    finish(vm, result.map(|_| ()))
}

fn run_module(vm: &Vm, name: &str) -> ExitCode {
    let result = vm::exec::import::run_module_as_main(vm, name);
    match result {
        Err(e)
            if e.matches(&vm.exc.import_error) && e.class().is(&vm.exc.module_not_found_error) =>
        {
            let msg = vm
                .str(&e.value())
                .map(|s| s.to_lossy().into_owned())
                .unwrap_or_default();
            let _ = writeln!(
                std::io::stderr(),
                "{}: {msg}",
                std::env::args().next().unwrap_or_else(|| "rpy".into())
            );
            ExitCode::from(1)
        }
        other => finish(vm, other),
    }
}

fn absolute(f: &str) -> String {
    let p = std::path::Path::new(f);
    if p.is_absolute() {
        return f.to_string();
    }
    std::env::current_dir()
        .map(|d| d.join(p).to_string_lossy().into_owned())
        .unwrap_or_else(|_| f.to_string())
}

fn errno_text(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Maps the outcome to CPython's exit status, printing uncaught exceptions.
fn finish(vm: &Vm, result: Result<(), PyErr>) -> ExitCode {
    let Err(err) = result else {
        return ExitCode::SUCCESS;
    };
    if err.matches(&vm.exc.system_exit) {
        return system_exit_status(vm, &err);
    }
    vm.flush_std_streams();
    vm.print_exception(&err);
    ExitCode::from(1)
}

fn system_exit_status(vm: &Vm, err: &PyErr) -> ExitCode {
    let exc: &vm::object::Py<BaseException> = err.exc();
    let code = exc.field("code").unwrap_or(Value::None);
    match &code {
        Value::None => ExitCode::SUCCESS,
        Value::Int(i) => ExitCode::from((*i & 0xff) as u8),
        Value::Bool(b) => ExitCode::from(u8::from(*b)),
        other => {
            if let Some(i) = vm::types::int::as_int(other).and_then(|i| i.to_i64()) {
                return ExitCode::from((i & 0xff) as u8);
            }
            vm.flush_std_streams();
            let text = match other.downcast::<Str>() {
                Some(s) => s.to_lossy().into_owned(),
                None => vm
                    .str(other)
                    .map(|s| s.to_lossy().into_owned())
                    .unwrap_or_default(),
            };
            vm.write_stderr(&format!("{text}\n"));
            ExitCode::from(1)
        }
    }
}
