//! `io.BytesIO`: an in-memory binary stream over a growable byte buffer.

use std::cell::Cell;

use crate::object::{Py, PyCell, Type, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::types::dict::Dict;

use super::iobase::{buffer_len, fill_buffer};
use super::{check_whence, closed_error, size_arg, unsupported};

/// The `BytesIO` payload.
pub struct BytesIO {
    buf: PyCell<Vec<u8>>,
    pos: Cell<usize>,
    closed: Cell<bool>,
    dict: PyCell<Option<Py<Dict>>>,
}

crate::payload!(BytesIO);

impl BytesIO {
    fn len(&self) -> usize {
        self.buf.with(Vec::len)
    }

    /// Writes at the position (zero-filling a gap), returning the count.
    pub fn write_bytes(&self, data: &[u8]) -> usize {
        let pos = self.pos.get();
        self.buf.with_mut(|b| {
            if pos > b.len() {
                b.resize(pos, 0);
            }
            let end = pos + data.len();
            if end > b.len() {
                b.resize(end, 0);
            }
            b[pos..end].copy_from_slice(data);
        });
        self.pos.set(pos + data.len());
        data.len()
    }

    fn read_bytes(&self, n: i64) -> Vec<u8> {
        let pos = self.pos.get();
        let len = self.len();
        if pos >= len {
            return Vec::new();
        }
        let end = if n < 0 {
            len
        } else {
            len.min(pos.saturating_add(n as usize))
        };
        self.pos.set(end);
        self.buf.with(|b| b[pos..end].to_vec())
    }

    fn readline_bytes(&self, limit: i64) -> Vec<u8> {
        let pos = self.pos.get();
        let len = self.len();
        if pos >= len {
            return Vec::new();
        }
        let mut end = self
            .buf
            .with(|b| match b[pos..].iter().position(|&c| c == b'\n') {
                Some(i) => pos + i + 1,
                None => len,
            });
        if limit >= 0 {
            end = end.min(pos.saturating_add(limit as usize));
        }
        self.pos.set(end);
        self.buf.with(|b| b[pos..end].to_vec())
    }
}

fn this<'a>(vm: &Vm, args: &Args<'a>, fname: &str) -> PyResult<(&'a Py<BytesIO>, Args<'a>)> {
    vm.method_self::<BytesIO>(*args, fname, "_io.BytesIO")
}

fn open_this<'a>(vm: &Vm, args: &Args<'a>, fname: &str) -> PyResult<(&'a Py<BytesIO>, Args<'a>)> {
    let (b, rest) = this(vm, args, fname)?;
    if b.closed.get() {
        return Err(closed_error(vm));
    }
    Ok((b, rest))
}

fn b_new(vm: &Vm, cls: &Py<Type>, _args: Args<'_>) -> PyResult<Value> {
    vm.alloc_instance(
        cls,
        BytesIO {
            buf: PyCell::new(Vec::new()),
            pos: Cell::new(0),
            closed: Cell::new(false),
            dict: PyCell::new(None),
        },
    )
}

fn b_init(vm: &Vm, v: &Value, args: Args<'_>) -> PyResult<()> {
    let [initial] = args.bind(vm, "BytesIO", ["initial_bytes"], 0, 0)?;
    let b = v
        .downcast::<BytesIO>()
        .ok_or_else(|| vm.new_type_error("BytesIO.__init__ needs a BytesIO"))?;
    let data = match initial {
        None => Vec::new(),
        Some(x) if x.is_none() => Vec::new(),
        Some(x) => vm.bytes_like(x)?,
    };
    drop(b.buf.replace(data));
    b.pos.set(0);
    b.closed.set(false);
    Ok(())
}

fn m_getvalue(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (b, rest) = open_this(vm, &args, "getvalue")?;
    rest.none(vm, "getvalue")?;
    Ok(vm.new_bytes(b.buf.with(|x| x.clone())).into())
}

/// `getbuffer()`: a writable memoryview sharing the buffer.
fn m_getbuffer(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (b, rest) = open_this(vm, &args, "getbuffer")?;
    rest.none(vm, "getbuffer")?;
    Ok(crate::types::memoryview::bytesio_view(vm, &Value::from(b)))
}

/// Runs `f` on a BytesIO's buffer (what `getbuffer()` exports); no Python code may run
/// inside `f`.
pub fn with_buffer<R>(v: &Value, f: impl FnOnce(&mut Vec<u8>) -> R) -> Option<R> {
    Some(v.downcast::<BytesIO>()?.buf.with_mut(f))
}

fn m_write(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (b, rest) = open_this(vm, &args, "write")?;
    let data = vm.bytes_like(rest.one(vm, "write")?)?;
    Ok(Value::Int(b.write_bytes(&data) as i64))
}

fn m_writelines(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (b, rest) = open_this(vm, &args, "writelines")?;
    let it = vm.iter(rest.one(vm, "writelines")?)?;
    while let Some(line) = vm.next(&it)? {
        let data = vm.bytes_like(&line)?;
        b.write_bytes(&data);
    }
    Ok(Value::None)
}

fn m_read(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (b, rest) = open_this(vm, &args, "read")?;
    let vals = rest.range(vm, "read", 0, 1)?;
    let n = size_arg(vm, vals.first())?;
    Ok(vm.new_bytes(b.read_bytes(n)).into())
}

fn m_readline(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (b, rest) = open_this(vm, &args, "readline")?;
    let vals = rest.range(vm, "readline", 0, 1)?;
    let n = size_arg(vm, vals.first())?;
    Ok(vm.new_bytes(b.readline_bytes(n)).into())
}

fn m_readlines(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (b, rest) = open_this(vm, &args, "readlines")?;
    let vals = rest.range(vm, "readlines", 0, 1)?;
    let hint = size_arg(vm, vals.first())?;
    let mut out = Vec::new();
    let mut total = 0usize;
    loop {
        let line = b.readline_bytes(-1);
        if line.is_empty() {
            break;
        }
        total += line.len();
        out.push(vm.new_bytes(line).into());
        if hint > 0 && total as i64 >= hint {
            break;
        }
    }
    Ok(vm.new_list(out).into())
}

fn m_readinto(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (b, rest) = open_this(vm, &args, "readinto")?;
    let buf = rest.one(vm, "readinto")?;
    let n = buffer_len(vm, buf)?;
    let data = b.read_bytes(n as i64);
    Ok(Value::Int(fill_buffer(vm, buf, &data)? as i64))
}

fn m_seek(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (b, rest) = open_this(vm, &args, "seek")?;
    let vals = rest.range(vm, "seek", 1, 2)?;
    let pos = vm.index_value(&vals[0])?;
    let whence = match vals.get(1) {
        Some(w) => vm.index_value(w)?,
        None => 0,
    };
    check_whence(vm, whence, false)?;
    if whence == 0 && pos < 0 {
        return Err(vm.new_value_error(format!("negative seek value {pos}")));
    }
    let base = match whence {
        0 => 0,
        1 => b.pos.get() as i64,
        _ => b.len() as i64,
    };
    let new = base.saturating_add(pos).max(0);
    b.pos.set(new as usize);
    Ok(Value::Int(new))
}

fn m_tell(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (b, rest) = open_this(vm, &args, "tell")?;
    rest.none(vm, "tell")?;
    Ok(Value::Int(b.pos.get() as i64))
}

fn m_truncate(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (b, rest) = open_this(vm, &args, "truncate")?;
    let vals = rest.range(vm, "truncate", 0, 1)?;
    let size = match vals.first() {
        None | Some(Value::None) => b.pos.get() as i64,
        Some(v) => vm.index_value(v)?,
    };
    if size < 0 {
        return Err(vm.new_value_error(format!("negative size value {size}")));
    }
    b.buf.with_mut(|x| {
        if (size as usize) < x.len() {
            x.truncate(size as usize);
        }
    });
    Ok(Value::Int(size))
}

fn m_close(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (b, _) = this(vm, &args, "close")?;
    b.closed.set(true);
    drop(b.buf.replace(Vec::new()));
    Ok(Value::None)
}

fn m_true(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let _ = open_this(vm, &args, "readable")?;
    Ok(Value::Bool(true))
}

fn m_flush(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let _ = open_this(vm, &args, "flush")?;
    Ok(Value::None)
}

fn m_isatty(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let _ = open_this(vm, &args, "isatty")?;
    Ok(Value::Bool(false))
}

fn m_fileno(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Err(unsupported(vm, "fileno"))
}

fn b_iternext(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(b) = v.downcast::<BytesIO>() else {
        return Err(vm.new_type_error("expected BytesIO"));
    };
    if b.closed.get() {
        return Err(closed_error(vm));
    }
    let line = b.readline_bytes(-1);
    Ok((!line.is_empty()).then(|| vm.new_bytes(line).into()))
}

fn g_closed(vm: &Vm, v: &Value) -> PyResult<Value> {
    let b = v
        .downcast::<BytesIO>()
        .ok_or_else(|| vm.new_type_error("expected BytesIO"))?;
    Ok(Value::Bool(b.closed.get()))
}

fn dictptr(v: &Value) -> Option<&PyCell<Option<Py<Dict>>>> {
    v.downcast::<BytesIO>().map(|s| &s.dict)
}

/// Fills in `BytesIO`.
pub(super) fn init(vm: &Vm, t: &Py<Type>) {
    t.slots.new.set(Some(b_new));
    t.slots.init.set(Some(b_init));
    t.slots.iternext.set(Some(b_iternext));
    t.slots.dictptr.set(Some(dictptr));
    vm.add_methods(
        t,
        &[
            ("getvalue", m_getvalue),
            ("getbuffer", m_getbuffer),
            ("write", m_write),
            ("writelines", m_writelines),
            ("read", m_read),
            ("read1", m_read),
            ("readline", m_readline),
            ("readlines", m_readlines),
            ("readinto", m_readinto),
            ("seek", m_seek),
            ("tell", m_tell),
            ("truncate", m_truncate),
            ("close", m_close),
            ("readable", m_true),
            ("writable", m_true),
            ("seekable", m_true),
            ("flush", m_flush),
            ("isatty", m_isatty),
            ("fileno", m_fileno),
        ],
    );
    vm.add_getset(t, "closed", g_closed, None);
}
