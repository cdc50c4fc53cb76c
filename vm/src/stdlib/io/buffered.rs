//! `io.BufferedReader`, `io.BufferedWriter` and `io.BufferedRandom`: a read-ahead buffer and
//! a write-behind buffer over a raw stream. The raw stream is called directly when it is
//! exactly a native `FileIO`, and through its Python methods otherwise.

use std::cell::Cell;

use crate::object::{Py, PyCell, Type, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::types::bytes::{ByteArray, Bytes};
use crate::types::dict::Dict;

use super::fileio::FileIO;
use super::iobase::{buffer_len, check_capability_of, fill_buffer};
use super::{DEFAULT_BUFFER_SIZE, check_whence, name, size_arg, unsupported};

const CAN_READ: u8 = 1;
const CAN_WRITE: u8 = 2;

/// The payload shared by the three buffered classes.
pub struct Buffered {
    raw: PyCell<Value>,
    caps: Cell<u8>,
    size: Cell<usize>,
    rbuf: PyCell<Vec<u8>>,
    rpos: Cell<usize>,
    wbuf: PyCell<Vec<u8>>,
    detached: Cell<bool>,
    dict: PyCell<Option<Py<Dict>>>,
}

crate::payload!(Buffered);

/// Calls on the raw stream, natively when it is exactly a `FileIO`.
fn native_raw<'a>(vm: &Vm, raw: &'a Value) -> Option<&'a Py<FileIO>> {
    if raw.class(vm).is(&vm.io().file_io) {
        raw.downcast::<FileIO>()
    } else {
        None
    }
}

fn bytes_of(vm: &Vm, v: &Value, what: &str) -> PyResult<Vec<u8>> {
    if let Some(b) = v.downcast::<Bytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    if let Some(b) = v.downcast::<ByteArray>() {
        return Ok(b.to_vec());
    }
    Err(vm.new_type_error(format!(
        "{what}() should return bytes, not '{}'",
        vm.type_name(v)
    )))
}

/// `raw.read(n)`: `None` when the raw stream has no data right now (non-blocking).
pub fn raw_read(vm: &Vm, raw: &Value, n: i64) -> PyResult<Option<Vec<u8>>> {
    if let Some(f) = native_raw(vm, raw) {
        return f.read(vm, n).map(Some);
    }
    let r = vm.call_method(raw, &name(vm, "read"), &[Value::Int(n)])?;
    if r.is_none() {
        return Ok(None);
    }
    bytes_of(vm, &r, "read").map(Some)
}

fn raw_write(vm: &Vm, raw: &Value, data: &[u8]) -> PyResult<Option<usize>> {
    if let Some(f) = native_raw(vm, raw) {
        return f.write(vm, data).map(Some);
    }
    let r = vm.call_method(
        raw,
        &name(vm, "write"),
        &[vm.new_bytes(data.to_vec()).into()],
    )?;
    if r.is_none() {
        return Ok(None);
    }
    let n = vm.index_value(&r)?;
    if n < 0 || n as usize > data.len() {
        return Err(vm.new_os_error(format!(
            "raw write() returned invalid length {n} (should have been between 0 and {})",
            data.len()
        )));
    }
    Ok(Some(n as usize))
}

fn raw_seek(vm: &Vm, raw: &Value, pos: i64, whence: i64) -> PyResult<i64> {
    if let Some(f) = native_raw(vm, raw) {
        return f.seek(vm, pos, whence);
    }
    let r = vm.call_method(
        raw,
        &name(vm, "seek"),
        &[Value::Int(pos), Value::Int(whence)],
    )?;
    let n = vm.index_value(&r)?;
    if n < 0 {
        return Err(vm.new_os_error(format!("Raw stream returned invalid position {n}")));
    }
    Ok(n)
}

fn raw_closed(vm: &Vm, raw: &Value) -> PyResult<bool> {
    if let Some(f) = native_raw(vm, raw) {
        return Ok(f.is_closed());
    }
    let c = vm.getattr(raw, &name(vm, "closed"))?;
    vm.is_true(&c)
}

impl Buffered {
    /// A buffered stream over `raw` (`caps`: readable and/or writable).
    pub fn new(raw: Value, readable: bool, writable: bool) -> Buffered {
        Buffered {
            raw: PyCell::new(raw),
            caps: Cell::new((u8::from(readable) * CAN_READ) | (u8::from(writable) * CAN_WRITE)),
            size: Cell::new(DEFAULT_BUFFER_SIZE),
            rbuf: PyCell::new(Vec::new()),
            rpos: Cell::new(0),
            wbuf: PyCell::new(Vec::new()),
            detached: Cell::new(false),
            dict: PyCell::new(None),
        }
    }

    /// The raw stream, or the error of a detached/uninitialized object.
    pub fn raw(&self, vm: &Vm) -> PyResult<Value> {
        if self.detached.get() {
            return Err(vm.new_value_error("raw stream has been detached"));
        }
        let r = self.raw.get();
        if r.is_none() {
            return Err(vm.new_value_error("I/O operation on uninitialized object"));
        }
        Ok(r)
    }

    fn unread(&self) -> usize {
        self.rbuf.with(Vec::len) - self.rpos.get()
    }

    fn check_closed(&self, vm: &Vm, raw: &Value, what: &str) -> PyResult<()> {
        if raw_closed(vm, raw)? {
            // CPython checks the buffer first: unread data can still be read after close
            // only in its read path; every other operation reports the closed file.
            return Err(vm.new_value_error(format!("{what} of closed file")));
        }
        Ok(())
    }

    /// Writes out the pending bytes.
    pub fn flush_writes(&self, vm: &Vm, raw: &Value) -> PyResult<()> {
        loop {
            let pending = self.wbuf.with(|b| b.clone());
            if pending.is_empty() {
                return Ok(());
            }
            match raw_write(vm, raw, &pending)? {
                Some(n) => {
                    self.wbuf.with_mut(|b| {
                        b.drain(..n.min(b.len()));
                    });
                    if n == 0 {
                        return Err(vm.new_exception_msg(
                            &vm.exc.blocking_io_error,
                            "write could not complete without blocking".to_string(),
                        ));
                    }
                }
                None => {
                    return Err(vm.new_exception_msg(
                        &vm.exc.blocking_io_error,
                        "write could not complete without blocking".to_string(),
                    ));
                }
            }
        }
    }

    /// Drops read-ahead data, moving the raw position back to the logical position.
    fn drop_readahead(&self, vm: &Vm, raw: &Value) -> PyResult<()> {
        let unread = self.unread();
        if unread > 0 {
            raw_seek(vm, raw, -(unread as i64), 1)?;
        }
        self.rbuf.with_mut(Vec::clear);
        self.rpos.set(0);
        Ok(())
    }

    /// Reads one chunk from the raw stream into the read buffer; false at end of file.
    fn fill(&self, vm: &Vm, raw: &Value, want: usize) -> PyResult<bool> {
        let n = want.max(self.size.get());
        match raw_read(vm, raw, n as i64)? {
            Some(data) if !data.is_empty() => {
                self.rbuf.with_mut(|b| {
                    b.drain(..self.rpos.get());
                    b.extend_from_slice(&data);
                });
                self.rpos.set(0);
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    fn take(&self, n: usize) -> Vec<u8> {
        let pos = self.rpos.get();
        let out = self.rbuf.with(|b| {
            let end = pos.saturating_add(n).min(b.len());
            b[pos..end].to_vec()
        });
        self.rpos.set(pos + out.len());
        out
    }

    fn prepare_read(&self, vm: &Vm, raw: &Value) -> PyResult<()> {
        if self.caps.get() & CAN_READ == 0 {
            return Err(unsupported(vm, "read"));
        }
        self.check_closed(vm, raw, "read")?;
        if self.wbuf.with(Vec::len) > 0 {
            self.flush_writes(vm, raw)?;
        }
        Ok(())
    }

    /// `read(n)`; `n < 0` reads to end of file. `None` when non-blocking and empty.
    pub fn read(&self, vm: &Vm, n: i64) -> PyResult<Option<Vec<u8>>> {
        let raw = self.raw(vm)?;
        self.prepare_read(vm, &raw)?;
        if n < 0 {
            let mut out = self.take(usize::MAX);
            let rest = if let Some(f) = native_raw(vm, &raw) {
                Some(f.readall(vm)?)
            } else {
                let mut acc: Option<Vec<u8>> = None;
                loop {
                    match raw_read(vm, &raw, self.size.get() as i64)? {
                        Some(d) if !d.is_empty() => acc.get_or_insert_with(Vec::new).extend(d),
                        Some(_) => {
                            acc.get_or_insert_with(Vec::new);
                            break;
                        }
                        None => break,
                    }
                }
                acc
            };
            match rest {
                Some(r) => out.extend(r),
                None if out.is_empty() => return Ok(None),
                None => {}
            }
            return Ok(Some(out));
        }
        let n = n as usize;
        while self.unread() < n {
            if !self.fill(vm, &raw, n - self.unread())? {
                break;
            }
        }
        Ok(Some(self.take(n)))
    }

    /// `read1(n)`: at most one raw read.
    pub fn read1(&self, vm: &Vm, n: i64) -> PyResult<Vec<u8>> {
        let raw = self.raw(vm)?;
        self.prepare_read(vm, &raw)?;
        let n = if n < 0 { self.size.get() } else { n as usize };
        if n == 0 {
            return Ok(Vec::new());
        }
        if self.unread() == 0 {
            self.fill(vm, &raw, n)?;
        }
        Ok(self.take(n))
    }

    /// `peek(n)`: the buffered bytes, reading once if none are.
    fn peek(&self, vm: &Vm) -> PyResult<Vec<u8>> {
        let raw = self.raw(vm)?;
        self.prepare_read(vm, &raw)?;
        if self.unread() == 0 {
            self.fill(vm, &raw, 1)?;
        }
        let pos = self.rpos.get();
        Ok(self.rbuf.with(|b| b[pos..].to_vec()))
    }

    /// `readline(limit)`.
    pub fn readline(&self, vm: &Vm, limit: i64) -> PyResult<Vec<u8>> {
        let raw = self.raw(vm)?;
        self.prepare_read(vm, &raw)?;
        let mut scanned = 0;
        loop {
            let pos = self.rpos.get();
            let found = self.rbuf.with(|b| {
                b[pos + scanned..]
                    .iter()
                    .position(|&c| c == b'\n')
                    .map(|i| scanned + i + 1)
            });
            let avail = self.unread();
            if let Some(end) = found {
                let end = if limit >= 0 {
                    end.min(limit as usize)
                } else {
                    end
                };
                return Ok(self.take(end));
            }
            if limit >= 0 && avail >= limit as usize {
                return Ok(self.take(limit as usize));
            }
            scanned = avail;
            if !self.fill(vm, &raw, 1)? {
                return Ok(self.take(usize::MAX));
            }
        }
    }

    /// `write(data)`.
    pub fn write(&self, vm: &Vm, data: &[u8]) -> PyResult<usize> {
        let raw = self.raw(vm)?;
        if self.caps.get() & CAN_WRITE == 0 {
            return Err(unsupported(vm, "write"));
        }
        if raw_closed(vm, &raw)? {
            return Err(vm.new_value_error("write to closed file"));
        }
        if self.unread() > 0 {
            self.drop_readahead(vm, &raw)?;
        }
        let full = self.wbuf.with_mut(|b| {
            b.extend_from_slice(data);
            b.len() > self.size.get()
        });
        if full {
            self.flush_writes(vm, &raw)?;
        }
        Ok(data.len())
    }

    /// Queues bytes without any I/O (from destructors, which must not run Python code);
    /// they go out with the next flush or when this object is dropped.
    pub fn append_pending(&self, data: &[u8]) {
        self.wbuf.with_mut(|b| b.extend_from_slice(data));
    }

    /// `flush()`.
    pub fn flush(&self, vm: &Vm) -> PyResult<()> {
        let raw = self.raw(vm)?;
        if raw_closed(vm, &raw)? {
            return Err(vm.new_value_error("flush of closed file"));
        }
        self.flush_writes(vm, &raw)
    }

    fn tell(&self, vm: &Vm) -> PyResult<i64> {
        let raw = self.raw(vm)?;
        let pos = raw_seek(vm, &raw, 0, 1)?;
        let pending = self.wbuf.with(Vec::len) as i64;
        Ok((pos - self.unread() as i64 + pending).max(0))
    }

    fn seek(&self, vm: &Vm, target: i64, whence: i64) -> PyResult<i64> {
        let raw = self.raw(vm)?;
        check_whence(vm, whence, false)?;
        self.check_closed(vm, &raw, "seek")?;
        self.flush_writes(vm, &raw)?;
        let target = if whence == 1 {
            target - self.unread() as i64
        } else {
            target
        };
        self.rbuf.with_mut(Vec::clear);
        self.rpos.set(0);
        raw_seek(vm, &raw, target, whence)
    }

    /// Closes: flushes, then closes the raw stream.
    pub fn close(&self, vm: &Vm) -> PyResult<()> {
        let raw = self.raw(vm)?;
        if raw_closed(vm, &raw)? {
            return Ok(());
        }
        let flushed = self.flush_writes(vm, &raw);
        self.rbuf.with_mut(Vec::clear);
        self.rpos.set(0);
        let closed = if let Some(f) = native_raw(vm, &raw) {
            f.close_fd()
                .map_err(|e| super::os_error(vm, &e, None))
                .map(|_| ())
        } else {
            vm.call_method(&raw, &name(vm, "close"), &[]).map(|_| ())
        };
        match (flushed, closed) {
            (Err(e), _) => Err(e),
            (Ok(()), r) => r,
        }
    }
}

impl Drop for Buffered {
    fn drop(&mut self) {
        // A buffered writer dropped without close() (and without its finalizer having
        // run) still owes its pending bytes to a native file.
        let pending = self.wbuf.take();
        if pending.is_empty() {
            return;
        }
        if let Some(f) = self.raw.get().downcast::<FileIO>()
            && let Some(fd) = f.raw_fd()
        {
            let _ = crate::stdlib::ffi::write_all(fd, &pending);
        }
    }
}

/// The finalizer of exact buffered objects: flush and close natively.
pub(super) fn finalize(vm: &Vm, v: &Value) {
    if let Some(b) = v.downcast::<Buffered>()
        && !b.detached.get()
        && !b.raw.get().is_none()
    {
        let _ = b.close(vm);
    }
}

fn this<'a>(vm: &Vm, args: &Args<'a>, fname: &str) -> PyResult<(&'a Py<Buffered>, Args<'a>)> {
    vm.method_self::<Buffered>(*args, fname, "_io._Buffered")
}

fn new_buffered(vm: &Vm, cls: &Py<Type>, _args: Args<'_>) -> PyResult<Value> {
    vm.alloc_instance(cls, Buffered::new(Value::None, false, false))
}

fn init_buffered(vm: &Vm, v: &Value, args: Args<'_>) -> PyResult<()> {
    let b = v
        .downcast::<Buffered>()
        .ok_or_else(|| vm.new_type_error("expected a buffered object"))?;
    let t = vm.io();
    let cls = v.class(vm);
    let (readable, writable) = if cls.is_subtype(&t.buffered_random) {
        (true, true)
    } else if cls.is_subtype(&t.buffered_writer) {
        (false, true)
    } else {
        (true, false)
    };
    let fname = if readable && writable {
        "BufferedRandom"
    } else if writable {
        "BufferedWriter"
    } else {
        "BufferedReader"
    };
    let [raw, size] = args.bind(vm, fname, ["raw", "buffer_size"], 1, 0)?;
    let raw = raw.cloned().unwrap_or(Value::None);
    if readable && writable {
        check_capability_of(vm, &raw, "seekable", "seekable")?;
    }
    if readable {
        check_capability_of(vm, &raw, "readable", "readable")?;
    }
    if writable {
        check_capability_of(vm, &raw, "writable", "writable")?;
    }
    let size = match size {
        Some(s) => vm.index_value(s)?,
        None => DEFAULT_BUFFER_SIZE as i64,
    };
    if size <= 0 {
        return Err(vm.new_value_error("buffer size must be strictly positive"));
    }
    drop(b.raw.replace(raw));
    b.caps
        .set((u8::from(readable) * CAN_READ) | (u8::from(writable) * CAN_WRITE));
    b.size.set(size as usize);
    b.rbuf.with_mut(Vec::clear);
    b.rpos.set(0);
    b.wbuf.with_mut(Vec::clear);
    b.detached.set(false);
    Ok(())
}

fn opt_bytes(vm: &Vm, r: Option<Vec<u8>>) -> Value {
    match r {
        Some(d) => vm.new_bytes(d).into(),
        None => Value::None,
    }
}

fn m_read(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (b, rest) = this(vm, &args, "read")?;
    let vals = rest.range(vm, "read", 0, 1)?;
    let n = size_arg(vm, vals.first())?;
    if n < -1 {
        return Err(vm.new_value_error("read length must be non-negative or -1"));
    }
    Ok(opt_bytes(vm, b.read(vm, n)?))
}

fn m_read1(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (b, rest) = this(vm, &args, "read1")?;
    let vals = rest.range(vm, "read1", 0, 1)?;
    let n = size_arg(vm, vals.first())?;
    Ok(vm.new_bytes(b.read1(vm, n)?).into())
}

fn m_peek(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (b, rest) = this(vm, &args, "peek")?;
    rest.range(vm, "peek", 0, 1)?;
    Ok(vm.new_bytes(b.peek(vm)?).into())
}

fn m_readline(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (b, rest) = this(vm, &args, "readline")?;
    let vals = rest.range(vm, "readline", 0, 1)?;
    let n = size_arg(vm, vals.first())?;
    Ok(vm.new_bytes(b.readline(vm, n)?).into())
}

fn m_readinto(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (b, rest) = this(vm, &args, "readinto")?;
    let buf = rest.one(vm, "readinto")?;
    let n = buffer_len(vm, buf)?;
    let data = b.read(vm, n as i64)?.unwrap_or_default();
    Ok(Value::Int(fill_buffer(vm, buf, &data)? as i64))
}

fn m_write(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (b, rest) = this(vm, &args, "write")?;
    let data = vm.bytes_like(rest.one(vm, "write")?)?;
    Ok(Value::Int(b.write(vm, &data)? as i64))
}

fn m_flush(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (b, _) = this(vm, &args, "flush")?;
    if b.caps.get() & CAN_WRITE == 0 {
        let raw = b.raw(vm)?;
        if raw_closed(vm, &raw)? {
            return Err(vm.new_value_error("flush of closed file"));
        }
        return Ok(Value::None);
    }
    b.flush(vm)?;
    Ok(Value::None)
}

fn m_seek(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (b, rest) = this(vm, &args, "seek")?;
    let vals = rest.range(vm, "seek", 1, 2)?;
    let pos = vm.index_value(&vals[0])?;
    let whence = match vals.get(1) {
        Some(w) => vm.index_value(w)?,
        None => 0,
    };
    Ok(Value::Int(b.seek(vm, pos, whence)?))
}

fn m_tell(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (b, _) = this(vm, &args, "tell")?;
    Ok(Value::Int(b.tell(vm)?))
}

fn m_truncate(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (b, rest) = this(vm, &args, "truncate")?;
    let vals = rest.range(vm, "truncate", 0, 1)?;
    let raw = b.raw(vm)?;
    b.check_closed(vm, &raw, "truncate")?;
    if b.caps.get() & CAN_WRITE == 0 {
        return Err(unsupported(vm, "truncate"));
    }
    b.flush_writes(vm, &raw)?;
    if b.unread() > 0 {
        b.drop_readahead(vm, &raw)?;
    }
    let pos = vals.first().cloned().unwrap_or(Value::None);
    vm.call_method(&raw, &name(vm, "truncate"), &[pos])
}

fn m_close(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (b, _) = this(vm, &args, "close")?;
    b.close(vm)?;
    Ok(Value::None)
}

fn m_detach(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (b, _) = this(vm, &args, "detach")?;
    let raw = b.raw(vm)?;
    b.flush_writes(vm, &raw)?;
    b.detached.set(true);
    Ok(b.raw.replace(Value::None))
}

fn delegate(vm: &Vm, args: Args<'_>, method: &str) -> PyResult<Value> {
    let (b, _) = this(vm, &args, method)?;
    let raw = b.raw(vm)?;
    vm.call_method(&raw, &name(vm, method), &[])
}

fn m_fileno(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    delegate(vm, args, "fileno")
}

fn m_isatty(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    delegate(vm, args, "isatty")
}

fn m_seekable(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    delegate(vm, args, "seekable")
}

fn m_readable(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    delegate(vm, args, "readable")
}

fn m_writable(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    delegate(vm, args, "writable")
}

fn get_this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<Buffered>> {
    v.downcast::<Buffered>()
        .ok_or_else(|| vm.new_type_error("expected a buffered object"))
}

fn g_raw(vm: &Vm, v: &Value) -> PyResult<Value> {
    get_this(vm, v)?.raw(vm)
}

fn g_closed(vm: &Vm, v: &Value) -> PyResult<Value> {
    let raw = get_this(vm, v)?.raw(vm)?;
    vm.getattr(&raw, &name(vm, "closed"))
}

fn g_name(vm: &Vm, v: &Value) -> PyResult<Value> {
    let raw = get_this(vm, v)?.raw(vm)?;
    vm.getattr(&raw, &name(vm, "name"))
}

fn g_mode(vm: &Vm, v: &Value) -> PyResult<Value> {
    let raw = get_this(vm, v)?.raw(vm)?;
    vm.getattr(&raw, &name(vm, "mode"))
}

fn b_iternext(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let b = get_this(vm, v)?;
    let line = b.readline(vm, -1)?;
    Ok((!line.is_empty()).then(|| vm.new_bytes(line).into()))
}

fn b_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let cls = v.class(vm);
    let tname = format!(
        "{}.{}",
        vm.type_module_name(cls).unwrap_or_default(),
        cls.qualname()
    );
    let text = match vm.getattr_opt(v, &name(vm, "name")) {
        Ok(Some(n)) => format!("<{tname} name={}>", vm.repr(&n)?.to_lossy()),
        Ok(None) => format!("<{tname}>"),
        Err(e) if e.matches(&vm.exc.value_error) => format!("<{tname}>"),
        Err(e) => return Err(e),
    };
    Ok(vm.new_str(&text).into())
}

fn dictptr(v: &Value) -> Option<&PyCell<Option<Py<Dict>>>> {
    v.downcast::<Buffered>().map(|s| &s.dict)
}

/// Fills in one of the buffered types.
pub(super) fn init(vm: &Vm, t: &Py<Type>) {
    t.slots.new.set(Some(new_buffered));
    t.slots.init.set(Some(init_buffered));
    t.slots.repr.set(Some(b_repr));
    t.slots.iternext.set(Some(b_iternext));
    t.slots.dictptr.set(Some(dictptr));
    vm.add_methods(
        t,
        &[
            ("read", m_read),
            ("read1", m_read1),
            ("readline", m_readline),
            ("readinto", m_readinto),
            ("write", m_write),
            ("flush", m_flush),
            ("seek", m_seek),
            ("tell", m_tell),
            ("truncate", m_truncate),
            ("close", m_close),
            ("detach", m_detach),
            ("fileno", m_fileno),
            ("isatty", m_isatty),
            ("seekable", m_seekable),
            ("readable", m_readable),
            ("writable", m_writable),
        ],
    );
    if !t.name().starts_with("BufferedWriter") {
        vm.add_methods(t, &[("peek", m_peek)]);
    }
    vm.add_getset(t, "raw", g_raw, None);
    vm.add_getset(t, "closed", g_closed, None);
    vm.add_getset(t, "name", g_name, None);
    vm.add_getset(t, "mode", g_mode, None);
}
