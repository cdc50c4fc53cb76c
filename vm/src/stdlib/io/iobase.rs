//! The abstract bases `_IOBase`, `_RawIOBase`, `_BufferedIOBase` and `_TextIOBase`: default
//! methods written against the Python-level protocol (`self.read`, `self.write`,
//! `self.closed`, ...), so that Python subclasses that define a few methods get the rest,
//! exactly as with CPython's C bases. A subclass's closed state is the instance attribute
//! `__IOBase_closed`, as in CPython.

use crate::object::{Py, Type, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::types::bytes::{ByteArray, Bytes};

use super::{IoTypes, closed_error, name, size_arg, unsupported};

fn self_of<'a>(vm: &Vm, args: &Args<'a>, fname: &str) -> PyResult<(&'a Value, Args<'a>)> {
    args.split_self()
        .ok_or_else(|| vm.new_type_error(format!("{fname}() needs an argument")))
}

/// Whether `__IOBase_closed` is set on `v` (the base class's own closed state).
fn base_closed(vm: &Vm, v: &Value) -> PyResult<bool> {
    Ok(vm.getattr_opt(v, &name(vm, "__IOBase_closed"))?.is_some())
}

/// `self.closed`, as a bool.
pub fn is_closed(vm: &Vm, v: &Value) -> PyResult<bool> {
    let c = vm.getattr(v, &name(vm, "closed"))?;
    vm.is_true(&c)
}

/// Raises `ValueError` if `self.closed`.
pub fn check_closed(vm: &Vm, v: &Value) -> PyResult<()> {
    if is_closed(vm, v)? {
        Err(closed_error(vm))
    } else {
        Ok(())
    }
}

/// Calls `v.<method>()` and raises `UnsupportedOperation("File or stream is not <what>.")`
/// unless it returns true.
pub fn check_capability_of(vm: &Vm, v: &Value, method: &str, what: &str) -> PyResult<Value> {
    let r = vm.call_method(v, &name(vm, method), &[])?;
    if !vm.is_true(&r)? {
        return Err(unsupported(vm, &format!("File or stream is not {what}.")));
    }
    Ok(Value::Bool(true))
}

fn b_seek(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Err(unsupported(vm, "seek"))
}

fn b_truncate(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Err(unsupported(vm, "truncate"))
}

fn b_fileno(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Err(unsupported(vm, "fileno"))
}

fn b_tell(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, _) = self_of(vm, &args, "tell")?;
    vm.call_method(this, &name(vm, "seek"), &[Value::Int(0), Value::Int(1)])
}

fn b_flush(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, _) = self_of(vm, &args, "flush")?;
    if base_closed(vm, this)? {
        return Err(closed_error(vm));
    }
    Ok(Value::None)
}

fn b_close(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, _) = self_of(vm, &args, "close")?;
    if base_closed(vm, this)? {
        return Ok(Value::None);
    }
    let flushed = vm.call_method(this, &vm.names.flush, &[]);
    vm.setattr(this, &name(vm, "__IOBase_closed"), Value::Bool(true))?;
    flushed.map(|_| Value::None)
}

fn b_closed_get(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Bool(base_closed(vm, v)?))
}

fn b_false(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let _ = self_of(vm, &args, "readable")?;
    Ok(Value::Bool(false))
}

fn b_check_closed(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, _) = self_of(vm, &args, "_checkClosed")?;
    check_closed(vm, this)?;
    Ok(Value::None)
}

fn b_check_readable(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, _) = self_of(vm, &args, "_checkReadable")?;
    check_capability_of(vm, this, "readable", "readable")
}

fn b_check_writable(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, _) = self_of(vm, &args, "_checkWritable")?;
    check_capability_of(vm, this, "writable", "writable")
}

fn b_check_seekable(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, _) = self_of(vm, &args, "_checkSeekable")?;
    check_capability_of(vm, this, "seekable", "seekable")
}

fn b_enter(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, _) = self_of(vm, &args, "__enter__")?;
    check_closed(vm, this)?;
    Ok(this.clone())
}

fn b_exit(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, _) = self_of(vm, &args, "__exit__")?;
    vm.call_method(this, &name(vm, "close"), &[])
}

fn b_isatty(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, _) = self_of(vm, &args, "isatty")?;
    check_closed(vm, this)?;
    Ok(Value::Bool(false))
}

fn bytes_result(vm: &Vm, v: &Value, what: &str) -> PyResult<Vec<u8>> {
    if let Some(b) = v.downcast::<Bytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    if let Some(b) = v.downcast::<ByteArray>() {
        return Ok(b.to_vec());
    }
    Err(vm.new_os_error(format!(
        "{what}() should have returned a bytes object, not '{}'",
        vm.type_name(v)
    )))
}

/// `_IOBase.readline`: reads through `peek` (when present) or one byte at a time.
fn b_readline(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, rest) = self_of(vm, &args, "readline")?;
    let vals = rest.range(vm, "readline", 0, 1)?;
    let limit = size_arg(vm, vals.first())?;
    let peek = vm.getattr_opt(this, &name(vm, "peek"))?;
    let mut res: Vec<u8> = Vec::new();
    while limit < 0 || (res.len() as i64) < limit {
        let mut nreadahead = 1usize;
        if let Some(p) = &peek {
            let ahead = vm.call_pos(p, &[Value::Int(1)])?;
            let ahead = bytes_result(vm, &ahead, "peek")?;
            if !ahead.is_empty() {
                let mut n = match ahead.iter().position(|&c| c == b'\n') {
                    Some(i) => i + 1,
                    None => ahead.len(),
                };
                if limit >= 0 {
                    n = n.min((limit as usize).saturating_sub(res.len()));
                }
                nreadahead = n.max(1);
            }
        }
        let b = vm.call_method(this, &name(vm, "read"), &[Value::Int(nreadahead as i64)])?;
        if b.is_none() {
            break;
        }
        let b = bytes_result(vm, &b, "read")?;
        if b.is_empty() {
            break;
        }
        res.extend_from_slice(&b);
        if res.last() == Some(&b'\n') {
            break;
        }
    }
    Ok(vm.new_bytes(res).into())
}

fn b_iter(vm: &Vm, v: &Value) -> PyResult<Value> {
    check_closed(vm, v)?;
    Ok(v.clone())
}

fn b_iternext(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let line = vm.call_method(v, &vm.names.readline, &[])?;
    if vm.len(&line)? == 0 {
        return Ok(None);
    }
    Ok(Some(line))
}

/// `_IOBase.readlines(hint=-1)`.
fn b_readlines(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, rest) = self_of(vm, &args, "readlines")?;
    let vals = rest.range(vm, "readlines", 0, 1)?;
    let hint = size_arg(vm, vals.first())?;
    let it = vm.iter(this)?;
    let mut out = Vec::new();
    let mut total = 0i64;
    while let Some(line) = vm.next(&it)? {
        let n = if hint > 0 { vm.len(&line)? as i64 } else { 0 };
        out.push(line);
        if hint > 0 {
            if n > hint - total {
                break;
            }
            total += n;
        }
    }
    Ok(vm.new_list(out).into())
}

fn b_writelines(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, rest) = self_of(vm, &args, "writelines")?;
    let lines = rest.one(vm, "writelines")?;
    check_closed(vm, this)?;
    let it = vm.iter(lines)?;
    let write = name(vm, "write");
    while let Some(line) = vm.next(&it)? {
        vm.call_method(this, &write, &[line])?;
    }
    Ok(Value::None)
}

/// The finalizer: `close()` an unclosed stream (errors are ignored, as CPython reports
/// them only through the unraisable hook).
fn b_del(vm: &Vm, v: &Value) -> PyResult<()> {
    if let Some(f) = native_finalizer(vm, v) {
        f(vm, v);
        return Ok(());
    }
    if matches!(is_closed(vm, v), Ok(false)) {
        let _ = vm.call_method(v, &name(vm, "close"), &[]);
    }
    Ok(())
}

/// The cleanup of exactly-native streams (no Python dispatch needed).
fn native_finalizer(vm: &Vm, v: &Value) -> Option<fn(&Vm, &Value)> {
    let t = vm.io();
    let cls = v.class(vm);
    if cls.is(&t.string_io) || cls.is(&t.bytes_io) {
        Some(|_, _| {})
    } else if cls.is(&t.text_io_wrapper) {
        Some(super::textio::finalize)
    } else if cls.is(&t.buffered_reader) || cls.is(&t.buffered_writer) || cls.is(&t.buffered_random)
    {
        Some(super::buffered::finalize)
    } else if cls.is(&t.file_io) {
        Some(super::fileio::finalize)
    } else {
        None
    }
}

// --- _RawIOBase ------------------------------------------------------------------------------

fn r_read(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, rest) = self_of(vm, &args, "read")?;
    let vals = rest.range(vm, "read", 0, 1)?;
    let n = size_arg(vm, vals.first())?;
    if n < 0 {
        return vm.call_method(this, &name(vm, "readall"), &[]);
    }
    let buf = vm.new_bytearray(vec![0; n as usize]);
    let got = vm.call_method(this, &name(vm, "readinto"), &[buf.clone().into()])?;
    if got.is_none() {
        return Ok(Value::None);
    }
    let got = vm.index_value(&got)?;
    if got < 0 || got > n {
        return Err(vm.new_value_error(format!("readinto returned {got} outside buffer size {n}")));
    }
    let mut data = buf.to_vec();
    data.truncate(got as usize);
    Ok(vm.new_bytes(data).into())
}

fn r_readall(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, _) = self_of(vm, &args, "readall")?;
    let mut out = Vec::new();
    loop {
        let chunk = vm.call_method(
            this,
            &name(vm, "read"),
            &[Value::Int(super::DEFAULT_BUFFER_SIZE as i64)],
        )?;
        if chunk.is_none() {
            if out.is_empty() {
                return Ok(Value::None);
            }
            break;
        }
        let Some(b) = chunk.downcast::<Bytes>() else {
            return Err(vm.new_type_error("read() should return bytes"));
        };
        if b.as_bytes().is_empty() {
            break;
        }
        out.extend_from_slice(b.as_bytes());
    }
    Ok(vm.new_bytes(out).into())
}

fn not_implemented(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Err(vm.new_not_implemented_error(""))
}

// --- _BufferedIOBase -------------------------------------------------------------------------

fn u_read(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Err(unsupported(vm, "read"))
}

fn u_read1(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Err(unsupported(vm, "read1"))
}

fn u_write(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Err(unsupported(vm, "write"))
}

fn u_detach(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Err(unsupported(vm, "detach"))
}

fn u_readline(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Err(unsupported(vm, "readline"))
}

/// Copies `data` into the start of a writable buffer (a `bytearray`), returning the count.
pub fn fill_buffer(vm: &Vm, buf: &Value, data: &[u8]) -> PyResult<usize> {
    let Some(ba) = buf.downcast::<ByteArray>() else {
        return Err(vm.new_type_error(format!(
            "readinto() argument must be read-write bytes-like object, not {}",
            vm.type_name(buf)
        )));
    };
    let n = ba.with_mut(|b| {
        let n = data.len().min(b.len());
        b[..n].copy_from_slice(&data[..n]);
        n
    });
    Ok(n)
}

/// The length of a writable buffer argument.
pub fn buffer_len(vm: &Vm, buf: &Value) -> PyResult<usize> {
    match buf.downcast::<ByteArray>() {
        Some(ba) => Ok(ba.len()),
        None => Err(vm.new_type_error(format!(
            "readinto() argument must be read-write bytes-like object, not {}",
            vm.type_name(buf)
        ))),
    }
}

fn readinto_via(vm: &Vm, args: Args<'_>, method: &str) -> PyResult<Value> {
    let (this, rest) = self_of(vm, &args, "readinto")?;
    let buf = rest.one(vm, "readinto")?;
    let n = buffer_len(vm, buf)?;
    let data = vm.call_method(this, &name(vm, method), &[Value::Int(n as i64)])?;
    let data = vm.bytes_like(&data)?;
    if data.len() > n {
        return Err(vm.new_value_error(format!(
            "read() returned too much data: {n} bytes requested, {} returned",
            data.len()
        )));
    }
    Ok(Value::Int(fill_buffer(vm, buf, &data)? as i64))
}

fn u_readinto(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    readinto_via(vm, args, "read")
}

fn u_readinto1(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    readinto_via(vm, args, "read1")
}

fn none_getter(_vm: &Vm, _v: &Value) -> PyResult<Value> {
    Ok(Value::None)
}

/// Fills the four abstract bases.
pub(super) fn init(vm: &Vm, t: &IoTypes) {
    let base: &Py<Type> = &t.io_base;
    base.slots.iter.set(Some(b_iter));
    base.slots.iternext.set(Some(b_iternext));
    base.slots.del.set(Some(b_del));
    vm.add_methods(
        base,
        &[
            ("seek", b_seek),
            ("tell", b_tell),
            ("truncate", b_truncate),
            ("flush", b_flush),
            ("close", b_close),
            ("seekable", b_false),
            ("readable", b_false),
            ("writable", b_false),
            ("_checkClosed", b_check_closed),
            ("_checkSeekable", b_check_seekable),
            ("_checkReadable", b_check_readable),
            ("_checkWritable", b_check_writable),
            ("fileno", b_fileno),
            ("isatty", b_isatty),
            ("__enter__", b_enter),
            ("__exit__", b_exit),
            ("readline", b_readline),
            ("readlines", b_readlines),
            ("writelines", b_writelines),
        ],
    );
    vm.add_getset(base, "closed", b_closed_get, None);
    vm.add_methods(
        &t.raw_base,
        &[
            ("read", r_read),
            ("readall", r_readall),
            ("readinto", not_implemented),
            ("write", not_implemented),
        ],
    );
    vm.add_methods(
        &t.buffered_base,
        &[
            ("read", u_read),
            ("read1", u_read1),
            ("write", u_write),
            ("detach", u_detach),
            ("readinto", u_readinto),
            ("readinto1", u_readinto1),
        ],
    );
    vm.add_methods(
        &t.text_base,
        &[
            ("read", u_read),
            ("readline", u_readline),
            ("write", u_write),
            ("detach", u_detach),
        ],
    );
    for n in ["encoding", "errors", "newlines"] {
        vm.add_getset(&t.text_base, n, none_getter, None);
    }
}
