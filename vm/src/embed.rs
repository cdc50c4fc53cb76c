//! Running a Python program in a fresh VM as `python3.14 FILE ARGS...` would: the one code
//! path shared by the `rpy` command (`src/run_cmd.rs`) and programs that embed the VM (the
//! in-process benchmarks in `benches/`), so the two cannot drift apart.
//!
//! [`run_file`] is the whole job for embedders; the pieces it is made of ([`script_path0`],
//! [`run_main`], [`exit_status`], [`open_error`]) are public so that the command line can
//! add what only it has (`-c`, `-m`, stdin).

use std::path::Path;

use crate::exec::import_spec::{Origin, make_loader};
use crate::object::Py;
use crate::object::Value;
use crate::runtime::{Config, PyErr, Vm};
use crate::types::exception::BaseException;
use crate::types::module::Module;
use crate::types::str::Str;

/// What a program run by [`run_file`] ended with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// CPython's exit status: 0, 1 for an uncaught exception, `SystemExit`'s code, 2 when
    /// the file cannot be opened.
    pub status: u8,
    /// What the program wrote to `sys.stdout`, when [`Capture::Output`] asked for it.
    pub stdout: Option<String>,
    /// What it wrote to `sys.stderr` (tracebacks included), under [`Capture::Output`].
    pub stderr: Option<String>,
}

/// Where a program's `sys.stdout` and `sys.stderr` go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Capture {
    /// The process's file descriptors 1 and 2, as for `rpy FILE`.
    Inherit,
    /// `io.StringIO` objects read back into [`Outcome`] when the program ends.
    Output,
}

/// Runs the script `path` in a new VM made from `config` (its `argv` is `sys.argv`; the
/// script's directory is put first on `sys.path` unless `isolated` or `safe_path` is set),
/// then runs `atexit` handlers and flushes the streams, as the interpreter does at exit.
pub fn run_file(path: &Path, mut config: Config, capture: Capture) -> Outcome {
    let filename = path.to_string_lossy().into_owned();
    if !config.isolated && !config.safe_path {
        config.path.insert(0, script_path0(&filename));
    }
    let vm = Vm::new(config);
    if let Err(err) = start(&vm) {
        let status = exit_status(&vm, Err(err));
        shutdown(&vm);
        return Outcome {
            status,
            stdout: None,
            stderr: None,
        };
    }
    let captured = match capture {
        Capture::Inherit => None,
        Capture::Output => match capture_streams(&vm) {
            Ok(streams) => Some(streams),
            Err(err) => {
                vm.print_exception(&err);
                return Outcome {
                    status: 1,
                    stdout: None,
                    stderr: None,
                };
            }
        },
    };
    let status = match std::fs::read(path) {
        Ok(source) => run_main(&vm, &source, &filename, MainKind::Script),
        Err(e) => {
            let program = std::env::args().next().unwrap_or_else(|| "rpy".into());
            vm.write_stderr(&open_error(&program, &filename, &e));
            2
        }
    };
    shutdown(&vm);
    let (stdout, stderr) = match captured {
        Some([out, err]) => (read_capture(&vm, &out), read_capture(&vm, &err)),
        None => (None, None),
    };
    Outcome {
        status,
        stdout,
        stderr,
    }
}

/// What the interpreter does after creating the VM and before running `__main__`: the
/// `site` builtins (`exit`, `quit`, `help`, ...) unless `-S`.
pub fn start(vm: &Vm) -> Result<(), PyErr> {
    // As in CPython, -W/PYTHONWARNINGS filters are installed (and invalid ones reported)
    // at startup rather than when the program first imports `warnings`.
    if !vm.config.warnoptions.is_empty() {
        crate::exec::import::import_absolute(vm, "warnings")?;
    }
    if vm.config.no_site {
        return Ok(());
    }
    crate::stdlib::sitebuiltins::install(vm)
}

/// What the interpreter does at exit: `atexit` handlers, flushing files still held by
/// module globals, then finalizing the modules (`__main__` first, see [`finalize_modules`])
/// and flushing the standard streams.
pub fn shutdown(vm: &Vm) {
    vm.run_atexit();
    vm.flush_module_files();
    vm.stdlib.finalizing_modules.set(true);
    clear_main_globals(vm);
    finalize_modules(vm);
    vm.flush_std_streams();
}

/// Finalization drops `__main__`'s globals first (in insertion order), so the `__del__` of
/// objects a script keeps in globals runs at exit as under CPython; the cycles they leave
/// are collected with the modules' ([`finalize_modules`]). Files were flushed first: a
/// global file object is closed here.
fn clear_main_globals(vm: &Vm) {
    let Some(main) = vm.modules.get_rust_str("__main__") else {
        return;
    };
    let Some(module) = main.downcast::<Module>() else {
        return;
    };
    let dict = module.dict();
    for key in dict.keys() {
        let Some(name) = key.downcast::<Str>() else {
            continue;
        };
        if name.as_str() == Some("__builtins__") {
            continue;
        }
        dict.set_str(name, Value::None);
    }
}

/// CPython's `finalize_modules`: every `sys.modules` value becomes None (in import order,
/// which is the dict's: an import moves its module to the end when it completes) and the
/// dict is emptied, so modules nothing else holds are freed with their globals; garbage is
/// collected; then the globals of the modules still alive are wiped, modules imported later
/// first ([`wipe_module_dict`]), except `sys` and `builtins`, which stay usable for the
/// `__del__` methods that run meanwhile.
fn finalize_modules(vm: &Vm) {
    let mut alive = Vec::new();
    for (name, module) in vm.modules.items() {
        if module.downcast::<Module>().is_none() {
            continue;
        }
        // A module that cannot be weakly referenced is simply not wiped later.
        if let Ok(weak) = crate::stdlib::weakref::new_ref(vm, &module) {
            alive.push(weak);
        }
        if let Err(e) = vm.modules.set_item(vm, name, Value::None) {
            vm.report_unraisable(&e, "Exception ignored while removing modules");
        }
        drop(module);
    }
    vm.modules.clear();
    restore_builtins(vm);
    vm.gc_collect(2);
    let mut wiped = false;
    for weak in alive.iter().rev() {
        let Some(module) = crate::stdlib::weakref::ref_target(weak) else {
            continue;
        };
        let Some(m) = module.downcast::<Module>() else {
            continue;
        };
        if m.is(&vm.builtins) || m.is(&vm.sys) {
            continue;
        }
        wipe_module_dict(m);
        wiped = true;
    }
    // What the wiped globals held in cycles; nothing to find when every module was freed.
    if wiped {
        vm.gc_collect(2);
    }
}

/// Puts `builtins` back as it was at startup (what a program added or rebound there is
/// dropped once the startup values are back).
fn restore_builtins(vm: &Vm) {
    let dict = vm.builtins.dict();
    let current = dict.items();
    dict.clear();
    for (key, value) in vm.stdlib.builtins_copy.with(Clone::clone) {
        if let Err(e) = dict.set_item(vm, key, value) {
            vm.report_unraisable(&e, "Exception ignored while restoring builtins");
        }
    }
    drop(current);
}

/// CPython's `_PyModule_ClearDict`: globals named with one leading underscore become None
/// first, then every other name but `__builtins__`.
fn wipe_module_dict(module: &Py<Module>) {
    let dict = module.dict();
    let private = |name: &Py<Str>| {
        let b = name.as_bytes();
        b.first() == Some(&b'_') && b.get(1) != Some(&b'_')
    };
    for pass in [true, false] {
        for (key, value) in dict.items() {
            let Some(name) = key.downcast::<Str>() else {
                continue;
            };
            if value.is_none() || (pass && !private(name)) || name.as_bytes() == b"__builtins__" {
                continue;
            }
            drop(value);
            dict.set_str(name, Value::None);
        }
    }
}

/// `sys.path[0]` for running the script `filename`: its directory, symlinks resolved.
pub fn script_path0(filename: &str) -> String {
    let p = Path::new(filename);
    let abs = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    abs.parent()
        .map(|d| d.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// How the source given to [`run_main`] was named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MainKind {
    /// A script file: `__file__` is set to its absolute path, syntax errors are reported
    /// with the file's lines.
    Script,
    /// `-c CMD`: the command's lines are registered for tracebacks.
    Command,
    /// Source read from standard input.
    Stdin,
}

/// Compiles `source` and runs it as the `__main__` module; returns the exit status. A
/// script's syntax error is reported with the file's lines, as CPython reports it.
pub fn run_main(vm: &Vm, source: &[u8], filename: &str, kind: MainKind) -> u8 {
    let main = vm.new_module("__main__");
    let d = main.dict();
    let filename = match kind {
        MainKind::Script => absolute(filename),
        MainKind::Command | MainKind::Stdin => filename.to_string(),
    };
    // CPython's __main__: a script gets a source loader, stdin and -c the builtin importer;
    // `__file__` and `__cached__` exist except for -c.
    if kind != MainKind::Command {
        d.set_str(&vm.names.__file__, vm.new_str(&filename).into());
        d.set_str(&vm.intern("__cached__"), Value::None);
    }
    let origin = match kind {
        MainKind::Script => Origin::File(&filename),
        MainKind::Command | MainKind::Stdin => Origin::Builtin,
    };
    match make_loader(vm, "__main__", &origin) {
        Ok(Some(loader)) => d.set_str(&vm.names.__loader__, loader),
        Ok(None) => {}
        Err(e) => return exit_status(vm, Err(e)),
    }
    d.set_str(&vm.names.__builtins__, vm.builtins.clone().into());
    vm.modules.set_str(&vm.names.main, main.clone().into());
    let code = match kind {
        MainKind::Script => match vm.compile_script(source, &filename) {
            Ok(code) => code,
            Err(err) => {
                vm.flush_std_streams();
                let report = crate::parse::report::render_file_run(
                    &err,
                    &filename,
                    source,
                    Some(&crate::parse::snippet_front_end::VmFrontEnd),
                );
                vm.write_stderr(&report);
                return 1;
            }
        },
        MainKind::Command | MainKind::Stdin => {
            if kind == MainKind::Command {
                vm.line_cache
                    .register("<string>", &String::from_utf8_lossy(source));
            }
            vm.compile_source(source, &filename, crate::parse::Mode::Exec)
        }
    };
    let result = code.and_then(|code| vm.run_code(&code, d, None));
    exit_status(vm, result.map(|_| ()))
}

/// CPython's exit status for how `__main__` ended, printing an uncaught exception (other
/// than `SystemExit`) with its traceback on `sys.stderr`.
pub fn exit_status(vm: &Vm, result: Result<(), PyErr>) -> u8 {
    let Err(err) = result else {
        return 0;
    };
    if err.matches(&vm.exc.system_exit) {
        return system_exit_status(vm, &err);
    }
    vm.flush_std_streams();
    vm.report_uncaught(&err);
    1
}

fn system_exit_status(vm: &Vm, err: &PyErr) -> u8 {
    let exc: &crate::object::Py<BaseException> = err.exc();
    let code = exc.field("code").unwrap_or(Value::None);
    match &code {
        Value::None => 0,
        Value::Int(i) => (*i & 0xff) as u8,
        Value::Bool(b) => u8::from(*b),
        other => {
            if let Some(i) = crate::types::int::as_int(other).and_then(|i| i.to_i64()) {
                return (i & 0xff) as u8;
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
            1
        }
    }
}

/// CPython's message for a script it cannot open (`PROGRAM: can't open file 'PATH': [Errno
/// N] TEXT`), with a newline.
pub fn open_error(program: &str, filename: &str, e: &std::io::Error) -> String {
    let text = e.to_string();
    let text = match text.find(" (os error") {
        Some(i) => &text[..i],
        None => &text,
    };
    format!(
        "{program}: can't open file {}: [Errno {}] {text}\n",
        crate::text::repr::str_repr(&absolute(filename)),
        e.raw_os_error().unwrap_or(0),
    )
}

fn absolute(f: &str) -> String {
    let p = Path::new(f);
    if p.is_absolute() {
        return f.to_string();
    }
    std::env::current_dir()
        .map(|d| d.join(p).to_string_lossy().into_owned())
        .unwrap_or_else(|_| f.to_string())
}

/// Replaces `sys.stdout` and `sys.stderr` with fresh `io.StringIO` objects.
fn capture_streams(vm: &Vm) -> Result<[Value; 2], PyErr> {
    let string_io: Value = vm.io().string_io.clone().into();
    let out = vm.call_pos(&string_io, &[])?;
    let err = vm.call_pos(&string_io, &[])?;
    let sys = vm.sys.dict();
    sys.set_str(&vm.names.stdout, out.clone());
    sys.set_str(&vm.names.stderr, err.clone());
    Ok([out, err])
}

fn read_capture(vm: &Vm, stream: &Value) -> Option<String> {
    let value = vm.call_method(stream, &vm.intern("getvalue"), &[]).ok()?;
    value.downcast::<Str>().map(|s| s.to_lossy().into_owned())
}
