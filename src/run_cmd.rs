//! Running Python programs: CPython's command line (`rpy [options] FILE [args]`, `-c CMD`,
//! `-m MODULE`, `-` for stdin, `-X key[=value]`, `-u`, `-I`, `-E`, `-V`), the `__main__`
//! module, and CPython's exit statuses (0, 1 on an uncaught exception, `SystemExit`'s code).

use std::io::{Read, Write};
use std::process::ExitCode;

use std::path::Path;

use vm::embed::{self, Capture, MainKind};
use vm::runtime::{Config, Vm};

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
                    let opt = value(&mut i)?;
                    config.warnoptions.push(opt);
                    break;
                }
                'u' => config.unbuffered = true,
                'I' => {
                    config.isolated = true;
                    ignore_env = true;
                }
                'P' => config.safe_path = true,
                'E' => ignore_env = true,
                's' | 'S' | 'B' | 'b' | 'd' | 'O' | 'q' | 'v' | 'i' | 'R' => {}
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
    if let Ok(w) = std::env::var("PYTHONWARNINGS") {
        // Environment filters come first, so -W options (processed later) take precedence.
        let env = w.split(',').filter(|s| !s.is_empty()).map(str::to_string);
        config.warnoptions.splice(0..0, env);
    }
    if let Ok(p) = std::env::var("PYTHONPATH") {
        config
            .path
            .extend(p.split(':').filter(|s| !s.is_empty()).map(str::to_string));
    }
}

/// The int/str digit limit from `-X int_max_str_digits=N` (the first one given) or else
/// `PYTHONINTMAXSTRDIGITS` (unless `-E`/`-I`); `Err` names the invalid source.
fn int_max_str_digits(config: &mut Config) -> Result<(), &'static str> {
    let parse = |text: &str| -> Option<usize> {
        let n: i64 = text.trim_start().parse().ok()?;
        let threshold = vm::text::repr::INT_MAX_STR_DIGITS_THRESHOLD as i64;
        (n == 0 || n >= threshold).then(|| usize::try_from(n).ok())?
    };
    let xopt = config
        .xoptions
        .iter()
        .find(|(k, _)| k == "int_max_str_digits")
        .map(|(_, v)| v.clone());
    if let Some(v) = xopt {
        let n = v
            .as_deref()
            .and_then(parse)
            .ok_or("-X int_max_str_digits")?;
        config.int_max_str_digits = Some(n);
        return Ok(());
    }
    if config.ignore_environment || config.isolated {
        return Ok(());
    }
    match std::env::var("PYTHONINTMAXSTRDIGITS") {
        Ok(v) if !v.is_empty() => {
            config.int_max_str_digits = Some(parse(&v).ok_or("PYTHONINTMAXSTRDIGITS")?);
        }
        _ => {}
    }
    Ok(())
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
    if let Err(source) = int_max_str_digits(&mut config) {
        // CPython refuses to start with an invalid limit.
        let _ = write!(
            std::io::stderr(),
            "Fatal Python error: config_init_int_max_str_digits: {source}: invalid limit; \
             must be >= 640 or 0 for unlimited.\nPython runtime state: preinitialized\n\n"
        );
        return ExitCode::from(1);
    }
    config.argv = argv;
    config.executable = std::env::current_exe()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (source, filename, kind) = match target {
        Target::File(f) => {
            let outcome = embed::run_file(Path::new(&f), config, Capture::Inherit);
            return ExitCode::from(outcome.status);
        }
        Target::Command(c) => (c.into_bytes(), "<string>", MainKind::Command),
        Target::Stdin => {
            let mut s = Vec::new();
            if std::io::stdin().read_to_end(&mut s).is_err() {
                return ExitCode::from(1);
            }
            (s, "<stdin>", MainKind::Stdin)
        }
        Target::Module(m) => {
            // -I (like -P) leaves out the current directory.
            if !config.isolated && !config.safe_path {
                let cwd = std::env::current_dir()
                    .map(|d| d.to_string_lossy().into_owned())
                    .unwrap_or_default();
                config.path.insert(0, cwd);
            }
            return finish_vm(Vm::new(config), |vm| run_module(vm, &m));
        }
    };
    if !config.isolated && !config.safe_path {
        config.path.insert(0, String::new());
    }
    finish_vm(Vm::new(config), |vm| {
        ExitCode::from(embed::run_main(vm, &source, filename, kind))
    })
}

/// Runs `body`, then what the interpreter does at exit (`atexit` handlers, flushing).
fn finish_vm(vm: Box<Vm>, body: impl FnOnce(&Vm) -> ExitCode) -> ExitCode {
    if let Err(err) = embed::start(&vm) {
        let status = embed::exit_status(&vm, Err(err));
        embed::shutdown(&vm);
        return ExitCode::from(status);
    }
    let status = body(&vm);
    embed::shutdown(&vm);
    status
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
        other => ExitCode::from(embed::exit_status(vm, other.map(|_| ()))),
    }
}
