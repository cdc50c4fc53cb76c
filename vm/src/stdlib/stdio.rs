//! The standard streams behind `sys.stdin`, `sys.stdout` and `sys.stderr`: text streams
//! over the process's file descriptors 0, 1 and 2, buffered like CPython's (stdout fully
//! buffered unless it is a terminal or `-u` is given, stderr line-buffered).

use std::io::{BufRead, Write};

use crate::object::{Py, PyCell, Type, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::types::str::Str;

/// A standard stream.
pub struct StdStream {
    fd: u8,
    buffer: PyCell<Vec<u8>>,
    line_buffered: bool,
    closed: std::cell::Cell<bool>,
}

crate::payload!(StdStream);

impl StdStream {
    fn flush_now(&self) -> std::io::Result<()> {
        let data = self.buffer.take();
        if data.is_empty() {
            return Ok(());
        }
        match self.fd {
            1 => {
                let mut out = std::io::stdout().lock();
                out.write_all(&data)?;
                out.flush()
            }
            _ => {
                let mut err = std::io::stderr().lock();
                err.write_all(&data)?;
                err.flush()
            }
        }
    }

    /// Writes text (UTF-8, surrogates escaped as `?`... never: they are replaced).
    pub fn write_text(&self, text: &[u8]) -> std::io::Result<()> {
        let should_flush = self.buffer.with_mut(|b| {
            b.extend_from_slice(text);
            b.len() >= 8192
        }) || (self.line_buffered && text.contains(&b'\n'));
        if should_flush {
            self.flush_now()?;
        }
        Ok(())
    }

    /// Flushes pending output.
    pub fn flush(&self) -> std::io::Result<()> {
        self.flush_now()
    }
}

impl Drop for StdStream {
    fn drop(&mut self) {
        let _ = self.flush_now();
    }
}

/// Creates the stream objects for fds 0, 1, 2.
pub fn make_streams(vm: &Vm) -> [Value; 3] {
    let unbuffered = vm.config.unbuffered;
    let tty = |fd: i32| {
        use std::io::IsTerminal;
        match fd {
            0 => std::io::stdin().is_terminal(),
            1 => std::io::stdout().is_terminal(),
            _ => std::io::stderr().is_terminal(),
        }
    };
    let mk = |fd: u8, line: bool| -> Value {
        crate::object::core::alloc(
            &vm.types.std_stream,
            StdStream {
                fd,
                buffer: PyCell::new(Vec::new()),
                line_buffered: line,
                closed: std::cell::Cell::new(false),
            },
        )
        .into()
    };
    [mk(0, false), mk(1, unbuffered || tty(1)), mk(2, true)]
}

fn this<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(&'a Py<StdStream>, Args<'a>)> {
    vm.method_self::<StdStream>(*args, name, "_io.TextIOWrapper")
}

fn io_error(vm: &Vm, e: std::io::Error) -> crate::runtime::PyErr {
    vm.new_os_error(e.to_string())
}

fn s_write(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = this(vm, &args, "write")?;
    let text = rest.one(vm, "write")?;
    let Some(t) = text.downcast::<Str>() else {
        return Err(vm.new_type_error(format!(
            "write() argument must be str, not {}",
            vm.type_name(text)
        )));
    };
    if s.closed.get() {
        return Err(vm.new_value_error("I/O operation on closed file."));
    }
    let bytes: std::borrow::Cow<'_, [u8]> = match t.as_str() {
        Some(x) => std::borrow::Cow::Borrowed(x.as_bytes()),
        None => {
            // Lone surrogates cannot be encoded to UTF-8: CPython raises with 'strict'
            // errors on stdout and uses 'backslashreplace' on stderr.
            if s.fd == 2 {
                let mut out = String::new();
                for cp in t.code_points() {
                    match char::from_u32(cp) {
                        Some(c) => out.push(c),
                        None => out.push_str(&format!("\\u{cp:04x}")),
                    }
                }
                std::borrow::Cow::Owned(out.into_bytes())
            } else {
                crate::runtime::codecs::encode(vm, t, "utf-8", "strict")?;
                std::borrow::Cow::Borrowed(t.as_bytes())
            }
        }
    };
    s.write_text(&bytes).map_err(|e| io_error(vm, e))?;
    Ok(Value::Int(t.char_len() as i64))
}

fn s_flush(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, _) = this(vm, &args, "flush")?;
    s.flush().map_err(|e| io_error(vm, e))?;
    Ok(Value::None)
}

fn s_fileno(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, _) = this(vm, &args, "fileno")?;
    Ok(Value::Int(i64::from(s.fd)))
}

fn s_isatty(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    use std::io::IsTerminal;
    let (s, _) = this(vm, &args, "isatty")?;
    Ok(Value::Bool(match s.fd {
        0 => std::io::stdin().is_terminal(),
        1 => std::io::stdout().is_terminal(),
        _ => std::io::stderr().is_terminal(),
    }))
}

fn s_readline(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, _) = this(vm, &args, "readline")?;
    if s.fd != 0 {
        return Err(vm.new_os_error("not readable"));
    }
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| io_error(vm, e))?;
    Ok(vm.new_str(&line).into())
}

fn s_read(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, _) = this(vm, &args, "read")?;
    if s.fd != 0 {
        return Err(vm.new_os_error("not readable"));
    }
    let mut text = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin().lock(), &mut text)
        .map_err(|e| io_error(vm, e))?;
    Ok(vm.new_str(&text).into())
}

fn s_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let s = v
        .downcast::<StdStream>()
        .ok_or_else(|| vm.new_type_error("expected stream"))?;
    let (name, mode) = match s.fd {
        0 => ("<stdin>", "r"),
        1 => ("<stdout>", "w"),
        _ => ("<stderr>", "w"),
    };
    Ok(vm
        .new_str(&format!(
            "<_io.TextIOWrapper name='{name}' mode='{mode}' encoding='utf-8'>"
        ))
        .into())
}

fn s_iternext(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let line = s_readline(vm, Args::positional(std::slice::from_ref(v)))?;
    if line.downcast::<Str>().is_some_and(|s| s.char_len() == 0) {
        return Ok(None);
    }
    Ok(Some(line))
}

impl Vm {
    fn write_stream(&self, name: &Py<Str>, fd: u8, text: &str) -> PyResult<()> {
        let stream = self.sys.dict().get_str(name);
        match stream {
            Some(s) if !s.is_none() => {
                if let Some(std) = s.downcast::<StdStream>() {
                    return std
                        .write_text(text.as_bytes())
                        .map_err(|e| io_error(self, e));
                }
                self.call_method(&s, &self.names.write, &[self.new_str(text).into()])?;
                Ok(())
            }
            _ => {
                let r = if fd == 1 {
                    std::io::stdout().write_all(text.as_bytes())
                } else {
                    std::io::stderr().write_all(text.as_bytes())
                };
                r.map_err(|e| io_error(self, e))
            }
        }
    }

    /// Writes to `sys.stdout`.
    pub fn write_stdout(&self, text: &str) -> PyResult<()> {
        self.write_stream(&self.names.stdout, 1, text)
    }

    /// Writes to `sys.stderr` (errors are ignored: there is nowhere to report them).
    pub fn write_stderr(&self, text: &str) {
        if self.write_stream(&self.names.stderr, 2, text).is_err() {
            let _ = std::io::stderr().write_all(text.as_bytes());
        }
        self.flush_stream(&self.names.stderr);
    }

    /// Flushes `sys.stdout` and `sys.stderr` (at exit).
    pub fn flush_std_streams(&self) {
        let names = [self.names.stdout.clone(), self.names.stderr.clone()];
        for n in &names {
            self.flush_stream(n);
        }
    }

    fn flush_stream(&self, name: &Py<Str>) {
        if let Some(s) = self.sys.dict().get_str(name) {
            if let Some(std) = s.downcast::<StdStream>() {
                let _ = std.flush();
            } else if !s.is_none() {
                let _ = self.call_method(&s, &self.names.flush, &[]);
            }
        }
    }
}

/// Fills in the stream type.
pub(crate) fn init_type(vm: &Vm, t: &Py<Type>) {
    t.slots.repr.set(Some(s_repr));
    t.slots.iter.set(Some(|_, v| Ok(v.clone())));
    t.slots.iternext.set(Some(s_iternext));
    vm.add_methods(
        t,
        &[
            ("write", s_write),
            ("flush", s_flush),
            ("fileno", s_fileno),
            ("isatty", s_isatty),
            ("readline", s_readline),
            ("read", s_read),
        ],
    );
    vm.add_attr(t, "encoding", vm.new_str("utf-8").into());
    vm.add_getset(
        t,
        "errors",
        |vm, v| {
            let s = v
                .downcast::<StdStream>()
                .ok_or_else(|| vm.new_type_error("expected stream"))?;
            Ok(vm
                .new_str(if s.fd == 2 {
                    "backslashreplace"
                } else {
                    "strict"
                })
                .into())
        },
        None,
    );
    vm.add_getset(
        t,
        "closed",
        |vm, v| {
            let s = v
                .downcast::<StdStream>()
                .ok_or_else(|| vm.new_type_error("expected stream"))?;
            Ok(Value::Bool(s.closed.get()))
        },
        None,
    );
}
