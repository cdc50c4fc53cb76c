//! `io.FileIO`: raw, unbuffered I/O on an operating-system file descriptor.

use std::cell::Cell;

use crate::object::{Py, PyCell, Type, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::stdlib::ffi;
use crate::types::bytes::{ByteArray, Bytes};
use crate::types::dict::Dict;
use crate::types::str::Str;

use super::iobase::{buffer_len, fill_buffer};
use super::{DEFAULT_BUFFER_SIZE, check_whence, name, os_error, size_arg, unsupported};

/// The `FileIO` payload.
pub struct FileIO {
    fd: Cell<i32>,
    readable: Cell<bool>,
    writable: Cell<bool>,
    appending: Cell<bool>,
    created: Cell<bool>,
    closefd: Cell<bool>,
    /// `Some(true/false)` once known.
    seekable: Cell<Option<bool>>,
    blksize: Cell<i64>,
    dict: PyCell<Option<Py<Dict>>>,
}

crate::payload!(FileIO);

/// The open mode of a file, parsed from a mode string.
#[derive(Clone, Copy, Debug, Default)]
pub struct RawMode {
    /// Opened for reading.
    pub readable: bool,
    /// Opened for writing.
    pub writable: bool,
    /// `a`.
    pub appending: bool,
    /// `x`.
    pub created: bool,
    /// `w` (truncate).
    pub truncate: bool,
}

impl RawMode {
    /// Parses FileIO's mode (`r`, `w`, `x`, `a`, optional `+` and `b`).
    pub fn parse(vm: &Vm, mode: &str) -> PyResult<RawMode> {
        let mut m = RawMode::default();
        let (mut rwa, mut plus) = (false, false);
        let bad = || {
            vm.new_value_error(
                "Must have exactly one of create/read/write/append mode and at most one plus",
            )
        };
        for c in mode.chars() {
            match c {
                'x' | 'r' | 'w' | 'a' => {
                    if rwa {
                        return Err(bad());
                    }
                    rwa = true;
                    match c {
                        'x' => {
                            m.created = true;
                            m.writable = true;
                        }
                        'r' => m.readable = true,
                        'w' => {
                            m.writable = true;
                            m.truncate = true;
                        }
                        _ => {
                            m.writable = true;
                            m.appending = true;
                        }
                    }
                }
                '+' => {
                    if plus {
                        return Err(bad());
                    }
                    m.readable = true;
                    m.writable = true;
                    plus = true;
                }
                'b' => {}
                _ => return Err(vm.new_value_error(format!("invalid mode: {mode}"))),
            }
        }
        if !rwa {
            return Err(bad());
        }
        Ok(m)
    }

    fn flags(self) -> i32 {
        let mut f = if self.readable && self.writable {
            libc::O_RDWR
        } else if self.readable {
            libc::O_RDONLY
        } else {
            libc::O_WRONLY
        };
        if self.created {
            f |= libc::O_EXCL | libc::O_CREAT;
        }
        if self.truncate {
            f |= libc::O_TRUNC | libc::O_CREAT;
        }
        if self.appending {
            f |= libc::O_APPEND | libc::O_CREAT;
        }
        f | libc::O_CLOEXEC
    }
}

impl FileIO {
    /// A FileIO over an already-open descriptor (the standard streams).
    pub fn from_fd(fd: i32, readable: bool, writable: bool, closefd: bool) -> FileIO {
        FileIO {
            fd: Cell::new(fd),
            readable: Cell::new(readable),
            writable: Cell::new(writable),
            appending: Cell::new(false),
            created: Cell::new(false),
            closefd: Cell::new(closefd),
            seekable: Cell::new(None),
            blksize: Cell::new(DEFAULT_BUFFER_SIZE as i64),
            dict: PyCell::new(None),
        }
    }

    /// The descriptor, or `ValueError` when closed.
    pub fn fd(&self, vm: &Vm) -> PyResult<i32> {
        let fd = self.fd.get();
        if fd < 0 {
            return Err(vm.new_value_error("I/O operation on closed file"));
        }
        Ok(fd)
    }

    /// The descriptor when open and writable (for flushing from destructors).
    pub fn raw_fd(&self) -> Option<i32> {
        let fd = self.fd.get();
        (fd >= 0 && self.writable.get()).then_some(fd)
    }

    /// Whether the file is closed.
    pub fn is_closed(&self) -> bool {
        self.fd.get() < 0
    }

    /// `read(n)`: at most one system call; `n < 0` reads everything.
    pub fn read(&self, vm: &Vm, n: i64) -> PyResult<Vec<u8>> {
        let fd = self.fd(vm)?;
        if !self.readable.get() {
            return Err(unsupported(vm, "File not open for reading"));
        }
        if n < 0 {
            return self.readall(vm);
        }
        let mut buf = vec![0u8; n as usize];
        let got = ffi::read(fd, &mut buf).map_err(|e| os_error(vm, &e, None))?;
        buf.truncate(got);
        Ok(buf)
    }

    /// Reads to end of file.
    pub fn readall(&self, vm: &Vm) -> PyResult<Vec<u8>> {
        let fd = self.fd(vm)?;
        if !self.readable.get() {
            return Err(unsupported(vm, "File not open for reading"));
        }
        let mut out = Vec::new();
        let hint = match (ffi::fstat(fd), ffi::lseek(fd, 0, libc::SEEK_CUR)) {
            (Ok(st), Ok(pos)) if st.size > pos => (st.size - pos) as usize + 1,
            _ => 8192,
        };
        let mut chunk = vec![0u8; hint.clamp(8192, 1 << 24)];
        loop {
            let got = ffi::read(fd, &mut chunk).map_err(|e| os_error(vm, &e, None))?;
            if got == 0 {
                break;
            }
            out.extend_from_slice(&chunk[..got]);
        }
        Ok(out)
    }

    /// `write(data)`: one system call, returning the count written.
    pub fn write(&self, vm: &Vm, data: &[u8]) -> PyResult<usize> {
        let fd = self.fd(vm)?;
        if !self.writable.get() {
            return Err(unsupported(vm, "File not open for writing"));
        }
        ffi::write(fd, data).map_err(|e| os_error(vm, &e, None))
    }

    /// `seek(pos, whence)`.
    pub fn seek(&self, vm: &Vm, pos: i64, whence: i64) -> PyResult<i64> {
        let fd = self.fd(vm)?;
        check_whence(vm, whence, false)?;
        ffi::lseek(fd, pos, whence as i32).map_err(|e| os_error(vm, &e, None))
    }

    /// Whether the descriptor supports seeking.
    pub fn seekable(&self, vm: &Vm) -> PyResult<bool> {
        let fd = self.fd(vm)?;
        if let Some(s) = self.seekable.get() {
            return Ok(s);
        }
        let s = ffi::lseek(fd, 0, libc::SEEK_CUR).is_ok();
        self.seekable.set(Some(s));
        Ok(s)
    }

    /// Closes the descriptor (when owned).
    pub fn close_fd(&self) -> std::io::Result<()> {
        let fd = self.fd.replace(-1);
        if fd >= 0 && self.closefd.get() {
            ffi::close(fd)?;
        }
        Ok(())
    }

    /// The mode string (`rb`, `wb`, `rb+`, ...).
    pub fn mode_string(&self) -> &'static str {
        match (
            self.created.get(),
            self.appending.get(),
            self.readable.get(),
            self.writable.get(),
        ) {
            (true, _, true, _) => "xb+",
            (true, _, false, _) => "xb",
            (_, true, true, _) => "ab+",
            (_, true, false, _) => "ab",
            (_, _, true, true) => "rb+",
            (_, _, true, false) => "rb",
            _ => "wb",
        }
    }

    /// Whether it is readable / writable.
    pub fn capabilities(&self) -> (bool, bool) {
        (self.readable.get(), self.writable.get())
    }
}

impl Drop for FileIO {
    fn drop(&mut self) {
        let _ = self.close_fd();
    }
}

/// The finalizer of exact `FileIO` objects.
pub(super) fn finalize(_vm: &Vm, v: &Value) {
    if let Some(f) = v.downcast::<FileIO>() {
        let _ = f.close_fd();
    }
}

fn this<'a>(vm: &Vm, args: &Args<'a>, fname: &str) -> PyResult<(&'a Py<FileIO>, Args<'a>)> {
    vm.method_self::<FileIO>(*args, fname, "_io.FileIO")
}

fn f_new(vm: &Vm, cls: &Py<Type>, _args: Args<'_>) -> PyResult<Value> {
    vm.alloc_instance(cls, FileIO::from_fd(-1, false, false, true))
}

/// The bytes of a path argument (str, bytes or os.PathLike), with CPython's messages.
pub fn path_bytes(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    let p = crate::stdlib::os::fspath(vm, v)?;
    let bytes = if let Some(s) = p.downcast::<Str>() {
        crate::runtime::codecs::encode(vm, s, "utf-8", "surrogateescape")?
    } else if let Some(b) = p.downcast::<Bytes>() {
        b.as_bytes().to_vec()
    } else {
        return Err(vm.new_type_error("expected str, bytes or os.PathLike object"));
    };
    if bytes.contains(&0) {
        return Err(vm.new_value_error("embedded null byte"));
    }
    Ok(bytes)
}

fn f_init(vm: &Vm, v: &Value, args: Args<'_>) -> PyResult<()> {
    let [file, mode, closefd, opener] =
        args.bind(vm, "FileIO", ["file", "mode", "closefd", "opener"], 1, 0)?;
    let f = v
        .downcast::<FileIO>()
        .ok_or_else(|| vm.new_type_error("FileIO.__init__ needs a FileIO"))?;
    let file = file.cloned().unwrap_or(Value::None);
    let mode_text = match mode {
        None => "r".to_string(),
        Some(m) => match m.downcast::<Str>() {
            Some(s) => s.to_lossy().into_owned(),
            None => {
                return Err(vm.new_type_error(format!(
                    "FileIO() argument 'mode' must be str, not {}",
                    vm.type_name(m)
                )));
            }
        },
    };
    let closefd = match closefd {
        Some(c) => vm.is_true(c)?,
        None => true,
    };
    if f.fd.get() >= 0 {
        // Re-initialization closes the previous descriptor, as CPython does.
        let _ = f.close_fd();
    }
    let m = RawMode::parse(vm, &mode_text)?;
    let fd = if crate::types::float::is_float(&file) {
        return Err(vm.new_type_error("integer argument expected, got float"));
    } else if let Value::Int(_) | Value::Bool(_) = file {
        let fd = vm.index_value(&file)?;
        if fd < 0 {
            return Err(vm.new_value_error("negative file descriptor"));
        }
        i32::try_from(fd).map_err(|_| vm.new_overflow_error("fd is greater than maximum"))?
    } else {
        if !closefd {
            return Err(vm.new_value_error("Cannot use closefd=False with file name"));
        }
        match opener {
            Some(op) if !op.is_none() => {
                let r = vm.call_pos(op, &[file.clone(), Value::Int(i64::from(m.flags()))])?;
                let fd = vm.index_value(&r)?;
                if fd < 0 {
                    return Err(vm.new_value_error(format!("opener returned {fd}")));
                }
                fd as i32
            }
            _ => {
                let path = path_bytes(vm, &file)?;
                ffi::open(&path, m.flags(), 0o666)
                    .map_err(|e| os_error(vm, &e, Some(file.clone())))?
            }
        }
    };
    f.fd.set(fd);
    f.readable.set(m.readable);
    f.writable.set(m.writable);
    f.appending.set(m.appending);
    f.created.set(m.created);
    f.closefd.set(closefd);
    f.seekable.set(None);
    match ffi::fstat(fd) {
        Ok(st) => {
            if st.mode & libc::S_IFMT == libc::S_IFDIR {
                let _ = f.close_fd();
                let e = std::io::Error::from_raw_os_error(libc::EISDIR);
                return Err(os_error(vm, &e, Some(file)));
            }
            if st.blksize > 1 {
                f.blksize.set(st.blksize);
            }
        }
        Err(e) => {
            if e.raw_os_error() == Some(libc::EBADF) {
                f.fd.set(-1);
                return Err(os_error(vm, &e, None));
            }
        }
    }
    if let Some(d) = vm.instance_dict(v) {
        d.set_str(&name(vm, "name"), file);
    }
    if m.appending {
        let _ = ffi::lseek(fd, 0, libc::SEEK_END);
    }
    Ok(())
}

fn m_read(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (f, rest) = this(vm, &args, "read")?;
    let vals = rest.range(vm, "read", 0, 1)?;
    let n = size_arg(vm, vals.first())?;
    Ok(vm.new_bytes(f.read(vm, n)?).into())
}

fn m_readall(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (f, _) = this(vm, &args, "readall")?;
    Ok(vm.new_bytes(f.readall(vm)?).into())
}

fn m_readinto(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (f, rest) = this(vm, &args, "readinto")?;
    let buf = rest.one(vm, "readinto")?;
    let n = buffer_len(vm, buf)?;
    let data = f.read(vm, n as i64)?;
    Ok(Value::Int(fill_buffer(vm, buf, &data)? as i64))
}

fn m_write(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (f, rest) = this(vm, &args, "write")?;
    let v = rest.one(vm, "write")?;
    f.fd(vm)?;
    let n = if let Some(b) = v.downcast::<Bytes>() {
        f.write(vm, b.as_bytes())?
    } else if let Some(b) = v.downcast::<ByteArray>() {
        f.write(vm, &b.to_vec())?
    } else {
        f.write(vm, &vm.bytes_like(v)?)?
    };
    Ok(Value::Int(n as i64))
}

fn m_seek(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (f, rest) = this(vm, &args, "seek")?;
    let vals = rest.range(vm, "seek", 1, 2)?;
    if crate::types::float::is_float(&vals[0]) {
        return Err(vm.new_type_error("an integer is required"));
    }
    let pos = vm.index_value(&vals[0])?;
    let whence = match vals.get(1) {
        Some(w) => vm.index_value(w)?,
        None => 0,
    };
    Ok(Value::Int(f.seek(vm, pos, whence)?))
}

fn m_tell(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (f, _) = this(vm, &args, "tell")?;
    Ok(Value::Int(f.seek(vm, 0, 1)?))
}

fn m_truncate(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (f, rest) = this(vm, &args, "truncate")?;
    let vals = rest.range(vm, "truncate", 0, 1)?;
    let fd = f.fd(vm)?;
    if !f.writable.get() {
        return Err(unsupported(vm, "File not open for writing"));
    }
    let size = match vals.first() {
        None | Some(Value::None) => f.seek(vm, 0, 1)?,
        Some(v) => vm.index_value(v)?,
    };
    ffi::ftruncate(fd, size).map_err(|e| os_error(vm, &e, None))?;
    Ok(Value::Int(size))
}

fn m_close(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (f, _) = this(vm, &args, "close")?;
    f.close_fd().map_err(|e| os_error(vm, &e, None))?;
    Ok(Value::None)
}

fn m_seekable(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (f, _) = this(vm, &args, "seekable")?;
    Ok(Value::Bool(f.seekable(vm)?))
}

fn m_readable(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (f, _) = this(vm, &args, "readable")?;
    f.fd(vm)?;
    Ok(Value::Bool(f.readable.get()))
}

fn m_writable(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (f, _) = this(vm, &args, "writable")?;
    f.fd(vm)?;
    Ok(Value::Bool(f.writable.get()))
}

fn m_fileno(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (f, _) = this(vm, &args, "fileno")?;
    Ok(Value::Int(i64::from(f.fd(vm)?)))
}

fn m_isatty(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (f, _) = this(vm, &args, "isatty")?;
    Ok(Value::Bool(ffi::isatty(f.fd(vm)?)))
}

fn get_this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<FileIO>> {
    v.downcast::<FileIO>()
        .ok_or_else(|| vm.new_type_error("expected a FileIO"))
}

fn g_closed(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Bool(get_this(vm, v)?.is_closed()))
}

fn g_closefd(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Bool(get_this(vm, v)?.closefd.get()))
}

fn g_mode(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(vm.new_str(get_this(vm, v)?.mode_string()).into())
}

fn g_blksize(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Int(get_this(vm, v)?.blksize.get()))
}

fn f_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let f = get_this(vm, v)?;
    let cls = v.class(vm);
    let tname = format!(
        "{}.{}",
        vm.type_module_name(cls).unwrap_or_default(),
        cls.qualname()
    );
    if f.is_closed() {
        return Ok(vm.new_str(&format!("<{tname} [closed]>")).into());
    }
    let closefd = if f.closefd.get() { "True" } else { "False" };
    let text = match vm.getattr_opt(v, &name(vm, "name"))? {
        Some(n) => format!(
            "<{tname} name={} mode='{}' closefd={closefd}>",
            vm.repr(&n)?.to_lossy(),
            f.mode_string()
        ),
        None => format!(
            "<{tname} fd={} mode='{}' closefd={closefd}>",
            f.fd.get(),
            f.mode_string()
        ),
    };
    Ok(vm.new_str(&text).into())
}

fn dictptr(v: &Value) -> Option<&PyCell<Option<Py<Dict>>>> {
    v.downcast::<FileIO>().map(|s| &s.dict)
}

/// Fills in `FileIO`.
pub(super) fn init(vm: &Vm, t: &Py<Type>) {
    t.slots.new.set(Some(f_new));
    t.slots.init.set(Some(f_init));
    t.slots.repr.set(Some(f_repr));
    t.slots.dictptr.set(Some(dictptr));
    vm.add_methods(
        t,
        &[
            ("read", m_read),
            ("readall", m_readall),
            ("readinto", m_readinto),
            ("write", m_write),
            ("seek", m_seek),
            ("tell", m_tell),
            ("truncate", m_truncate),
            ("close", m_close),
            ("seekable", m_seekable),
            ("readable", m_readable),
            ("writable", m_writable),
            ("fileno", m_fileno),
            ("isatty", m_isatty),
        ],
    );
    vm.add_getset(t, "closed", g_closed, None);
    vm.add_getset(t, "closefd", g_closefd, None);
    vm.add_getset(t, "mode", g_mode, None);
    vm.add_getset(t, "_blksize", g_blksize, None);
    vm.add_getset(t, "__dict__", crate::runtime::attr::get_payload_dict, None);
}
