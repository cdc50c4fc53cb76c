//! The `io` and `_io` modules: the I/O class hierarchy of CPython (`_IOBase` and its raw,
//! buffered and text branches), in-memory streams (`StringIO`, `BytesIO`), files
//! (`FileIO` under `BufferedReader`/`BufferedWriter`/`BufferedRandom` under
//! `TextIOWrapper`) and `open()`. The types exist from VM start because the standard
//! streams are made of them.
//!
//! Native layers talk to each other directly when the layer below is exactly a native type
//! (a `TextIOWrapper` over a `BufferedWriter` over a `FileIO`); anything else (a Python
//! subclass, a user object) is driven through Python method calls, as CPython does.

pub mod buffered;
pub mod bytesio;
pub mod fileio;
pub mod iobase;
pub mod open;
pub mod stringio;
pub mod textio;

use crate::object::{Py, Type, Value};
use crate::runtime::{PyErr, PyResult, Vm};
use crate::types::module::Module;
use crate::types::object::ObjectBase;

/// `io.DEFAULT_BUFFER_SIZE`.
pub const DEFAULT_BUFFER_SIZE: usize = 128 * 1024;

/// The `_io` types.
pub struct IoTypes {
    /// `_io._IOBase`
    pub io_base: Py<Type>,
    /// `_io._RawIOBase`
    pub raw_base: Py<Type>,
    /// `_io._BufferedIOBase`
    pub buffered_base: Py<Type>,
    /// `_io._TextIOBase`
    pub text_base: Py<Type>,
    /// `_io.FileIO`
    pub file_io: Py<Type>,
    /// `_io.BytesIO`
    pub bytes_io: Py<Type>,
    /// `_io.StringIO`
    pub string_io: Py<Type>,
    /// `_io.BufferedReader`
    pub buffered_reader: Py<Type>,
    /// `_io.BufferedWriter`
    pub buffered_writer: Py<Type>,
    /// `_io.BufferedRandom`
    pub buffered_random: Py<Type>,
    /// `_io.TextIOWrapper`
    pub text_io_wrapper: Py<Type>,
    /// `io.UnsupportedOperation` (a subclass of `OSError` and `ValueError`)
    pub unsupported_operation: Py<Type>,
}

fn new_type<T: crate::object::PyPayload>(vm: &Vm, name: &'static str, base: &Py<Type>) -> Py<Type> {
    crate::runtime::registry::new_builtin_type::<T>(
        &vm.types.type_,
        &vm.types.dict,
        name,
        "_io",
        Some(base),
        crate::object::type_flags::BASETYPE,
    )
}

fn create_types(vm: &Vm) -> PyResult<IoTypes> {
    let io_base = new_type::<ObjectBase>(vm, "_IOBase", &vm.types.object);
    let raw_base = new_type::<ObjectBase>(vm, "_RawIOBase", &io_base);
    let buffered_base = new_type::<ObjectBase>(vm, "_BufferedIOBase", &io_base);
    let text_base = new_type::<ObjectBase>(vm, "_TextIOBase", &io_base);
    let file_io = new_type::<fileio::FileIO>(vm, "FileIO", &raw_base);
    let bytes_io = new_type::<bytesio::BytesIO>(vm, "BytesIO", &buffered_base);
    let string_io = new_type::<stringio::StringIO>(vm, "StringIO", &text_base);
    let buffered_reader = new_type::<buffered::Buffered>(vm, "BufferedReader", &buffered_base);
    let buffered_writer = new_type::<buffered::Buffered>(vm, "BufferedWriter", &buffered_base);
    let buffered_random = new_type::<buffered::Buffered>(vm, "BufferedRandom", &buffered_base);
    let text_io_wrapper = new_type::<textio::TextIO>(vm, "TextIOWrapper", &text_base);
    let ns = vm.new_dict();
    ns.set_str(&vm.names.__module__, vm.new_str("io").into());
    let unsupported_operation = crate::runtime::class::type_new(
        vm,
        &vm.types.type_,
        &vm.new_str("UnsupportedOperation"),
        &[
            vm.exc.os_error.clone().into(),
            vm.exc.value_error.clone().into(),
        ],
        &ns,
        &[],
    )?;
    Ok(IoTypes {
        io_base,
        raw_base,
        buffered_base,
        text_base,
        file_io,
        bytes_io,
        string_io,
        buffered_reader,
        buffered_writer,
        buffered_random,
        text_io_wrapper,
        unsupported_operation,
    })
}

/// Creates and fills the io types (at VM start, before `sys` builds its streams).
pub(crate) fn init_types(vm: &Vm) {
    let types = match create_types(vm) {
        Ok(t) => t,
        // Creating a two-base exception class from builtin bases cannot fail; if it ever
        // did, there would be no way to report it before `sys` exists.
        Err(_) => return,
    };
    iobase::init(vm, &types);
    fileio::init(vm, &types.file_io);
    bytesio::init(vm, &types.bytes_io);
    stringio::init(vm, &types.string_io);
    for t in [
        &types.buffered_reader,
        &types.buffered_writer,
        &types.buffered_random,
    ] {
        buffered::init(vm, t);
    }
    textio::init(vm, &types.text_io_wrapper);
    for t in [
        &types.io_base,
        &types.raw_base,
        &types.buffered_base,
        &types.text_base,
        &types.file_io,
        &types.bytes_io,
        &types.string_io,
        &types.buffered_reader,
        &types.buffered_writer,
        &types.buffered_random,
        &types.text_io_wrapper,
    ] {
        t.as_obj().make_immortal();
        crate::runtime::slot_dispatch::finish_builtin_type(vm, t);
    }
    let _ = vm.stdlib.io.set(types);
}

impl Vm {
    /// The `_io` types.
    pub fn io(&self) -> &IoTypes {
        match self.stdlib.io.get() {
            Some(t) => t,
            None => unreachable!("the io types are created with the VM"),
        }
    }
}

/// `ValueError("I/O operation on closed file.")`.
pub fn closed_error(vm: &Vm) -> PyErr {
    vm.new_value_error("I/O operation on closed file.")
}

/// `io.UnsupportedOperation(msg)`.
pub fn unsupported(vm: &Vm, msg: &str) -> PyErr {
    vm.new_exception_msg(&vm.io().unsupported_operation, msg.to_string())
}

/// An `OSError` (of the errno's subclass) from a system error, with an optional filename.
pub fn os_error(vm: &Vm, e: &std::io::Error, filename: Option<Value>) -> PyErr {
    os_error2(vm, e, filename, None)
}

/// As [`os_error`], with a second filename (`rename`).
pub fn os_error2(
    vm: &Vm,
    e: &std::io::Error,
    filename: Option<Value>,
    filename2: Option<Value>,
) -> PyErr {
    let Some(errno) = e.raw_os_error() else {
        return vm.new_os_error(e.to_string());
    };
    let mut args = vec![
        Value::Int(i64::from(errno)),
        vm.new_str(&super::ffi::strerror(errno)).into(),
    ];
    if let Some(f) = filename {
        args.push(f);
        if let Some(f2) = filename2 {
            args.push(Value::Int(0));
            args.push(f2);
        }
    }
    let cls: Value = vm.exc.os_error.clone().into();
    match vm.call_pos(&cls, &args) {
        Ok(exc) => match exc.into_downcast::<crate::types::exception::BaseException>() {
            Ok(e) => PyErr::new(e),
            Err(_) => vm.new_os_error(format!("[Errno {errno}]")),
        },
        Err(err) => err,
    }
}

/// An optional size argument: `None` or absent is -1, otherwise an index, with the
/// message of CPython's `_Py_convert_optional_to_ssize_t`.
pub fn size_arg(vm: &Vm, v: Option<&Value>) -> PyResult<i64> {
    match v {
        None | Some(Value::None) => Ok(-1),
        Some(x) => {
            if matches!(x, Value::Int(_) | Value::Bool(_))
                || vm.getattr_opt(x, &vm.names.__index__)?.is_some()
            {
                vm.index_value(x)
            } else {
                Err(vm.new_type_error(format!(
                    "argument should be integer or None, not '{}'",
                    vm.type_name(x)
                )))
            }
        }
    }
}

/// Validates `whence` of `seek` with the given message style.
pub fn check_whence(vm: &Vm, whence: i64, capital: bool) -> PyResult<()> {
    if (0..=2).contains(&whence) {
        return Ok(());
    }
    Err(vm.new_value_error(format!(
        "{}nvalid whence ({whence}, should be 0, 1 or 2)",
        if capital { "I" } else { "i" }
    )))
}

/// The attribute name `name`, interned.
pub(crate) fn name(vm: &Vm, name: &str) -> Py<crate::types::str::Str> {
    vm.intern(name)
}

fn fill_module(vm: &Vm, m: &Py<Module>) {
    let t = vm.io();
    let d = m.dict();
    let set = |k: &str, v: Value| d.set_str(&vm.intern(k), v);
    set(
        "DEFAULT_BUFFER_SIZE",
        Value::Int(DEFAULT_BUFFER_SIZE as i64),
    );
    for (k, ty) in [
        ("FileIO", &t.file_io),
        ("BytesIO", &t.bytes_io),
        ("StringIO", &t.string_io),
        ("BufferedReader", &t.buffered_reader),
        ("BufferedWriter", &t.buffered_writer),
        ("BufferedRandom", &t.buffered_random),
        ("TextIOWrapper", &t.text_io_wrapper),
        ("UnsupportedOperation", &t.unsupported_operation),
    ] {
        set(k, ty.clone().into());
    }
    set("BlockingIOError", vm.exc.blocking_io_error.clone().into());
    if let Some(open) = vm.builtins.dict().get_str(&vm.intern("open")) {
        set("open", open);
    }
    vm.add_function(m, "open_code", open::open_code);
    vm.add_function(m, "text_encoding", open::text_encoding);
}

/// Builds `_io`.
fn init_private(vm: &Vm) -> PyResult<Py<Module>> {
    let m = vm.new_module("_io");
    fill_module(vm, &m);
    let t = vm.io();
    let d = m.dict();
    for (k, ty) in [
        ("_IOBase", &t.io_base),
        ("_RawIOBase", &t.raw_base),
        ("_BufferedIOBase", &t.buffered_base),
        ("_TextIOBase", &t.text_base),
    ] {
        d.set_str(&vm.intern(k), ty.clone().into());
    }
    Ok(m)
}

/// Builds `io`. The abstract classes are the `_io` bases themselves (CPython wraps them in
/// ABCs; `isinstance` against them behaves the same for the concrete io classes).
fn init_public(vm: &Vm) -> PyResult<Py<Module>> {
    let m = vm.new_module("io");
    fill_module(vm, &m);
    let t = vm.io();
    let d = m.dict();
    for (k, ty) in [
        ("IOBase", &t.io_base),
        ("RawIOBase", &t.raw_base),
        ("BufferedIOBase", &t.buffered_base),
        ("TextIOBase", &t.text_base),
    ] {
        d.set_str(&vm.intern(k), ty.clone().into());
    }
    for (k, v) in [("SEEK_SET", 0), ("SEEK_CUR", 1), ("SEEK_END", 2)] {
        d.set_str(&vm.intern(k), Value::Int(v));
    }
    d.set_str(
        &vm.intern("__all__"),
        vm.new_list(
            [
                "BlockingIOError",
                "open",
                "open_code",
                "IOBase",
                "RawIOBase",
                "FileIO",
                "BytesIO",
                "StringIO",
                "BufferedIOBase",
                "BufferedReader",
                "BufferedWriter",
                "BufferedRandom",
                "TextIOBase",
                "TextIOWrapper",
                "UnsupportedOperation",
                "SEEK_SET",
                "SEEK_CUR",
                "SEEK_END",
                "DEFAULT_BUFFER_SIZE",
                "text_encoding",
            ]
            .iter()
            .map(|n| vm.new_str(n).into())
            .collect(),
        )
        .into(),
    );
    Ok(m)
}

/// Adds `open` to builtins.
pub(crate) fn install_builtins(vm: &Vm) {
    let f = vm.new_native_function("open", open::builtin_open, vm.builtins.clone().into());
    vm.builtins.dict().set_str(&vm.intern("open"), f.into());
}

/// Registers `io` and `_io`.
pub(crate) fn register(vm: &Vm) {
    vm.register_native_module("_io", init_private);
    vm.register_native_module("io", init_public);
}

/// `print(*values, sep=sep, end=end, file=file, flush=flush)` once `file` is known: native
/// text streams get the whole line at once; anything else gets one `write` call per piece,
/// as CPython makes them.
pub fn print_to(
    vm: &Vm,
    file: &Value,
    values: &[Value],
    sep: &Py<crate::types::str::Str>,
    end: &Py<crate::types::str::Str>,
    flush: bool,
) -> PyResult<()> {
    let t = vm.io();
    let cls = file.class(vm);
    if cls.is(&t.text_io_wrapper) || cls.is(&t.string_io) {
        let mut out: Vec<u8> = Vec::new();
        for (i, v) in values.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(sep.as_bytes());
            }
            out.extend_from_slice(vm.str(v)?.as_bytes());
        }
        out.extend_from_slice(end.as_bytes());
        if let Some(text) = file.downcast::<textio::TextIO>() {
            text.write_wtf8(vm, &out, None)?;
            if flush {
                text.flush(vm)?;
            }
        } else if let Some(s) = file.downcast::<stringio::StringIO>() {
            s.write_wtf8_checked(vm, &out)?;
        }
        return Ok(());
    }
    let write = vm.getattr(file, &vm.names.write)?;
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            vm.call_pos(&write, &[sep.clone().into()])?;
        }
        let s = vm.str(v)?;
        vm.call_pos(&write, &[s.into()])?;
    }
    vm.call_pos(&write, &[end.clone().into()])?;
    if flush {
        vm.call_method(file, &vm.names.flush, &[])?;
    }
    Ok(())
}
