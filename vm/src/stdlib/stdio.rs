//! The standard streams behind `sys.stdin`, `sys.stdout` and `sys.stderr`, built as CPython
//! builds them: a `TextIOWrapper` over a `BufferedReader`/`BufferedWriter` over a `FileIO`
//! on descriptors 0, 1 and 2 (stdout line-buffered on a terminal, stderr line-buffered,
//! both write-through over an unbuffered `FileIO` under `-u`). Also the VM's own writes to
//! the streams (warnings, tracebacks) and the flush at exit.

use crate::object::core::alloc;
use crate::object::{Py, Value};
use crate::runtime::{PyResult, Vm};
use crate::stdlib::ffi;
use crate::stdlib::io::buffered::Buffered;
use crate::stdlib::io::fileio::FileIO;
use crate::stdlib::io::textio::TextIO;
use crate::types::str::Str;

fn make_stream(vm: &Vm, fd: i32, unbuffered: bool) -> Value {
    let t = vm.io();
    let (readable, writable) = (fd == 0, fd != 0);
    let raw: Value = alloc(&t.file_io, FileIO::from_fd(fd, readable, writable, false)).into();
    let label = match fd {
        0 => "<stdin>",
        1 => "<stdout>",
        _ => "<stderr>",
    };
    if let Some(d) = vm.instance_dict(&raw) {
        d.set_str(&vm.intern("name"), vm.new_str(label).into());
    }
    let direct = unbuffered && writable;
    let buffer: Value = if direct {
        raw
    } else {
        let ty = if readable {
            &t.buffered_reader
        } else {
            &t.buffered_writer
        };
        alloc(ty, Buffered::new(raw, readable, writable)).into()
    };
    let errors = if fd == 2 {
        "backslashreplace"
    } else {
        "surrogateescape"
    };
    let line_buffering = !direct && (fd == 2 || (fd == 1 && ffi::isatty(1)));
    let text = TextIO::new(buffer, errors, line_buffering, direct);
    text.set_capabilities(readable, writable, false);
    let v: Value = alloc(&t.text_io_wrapper, text).into();
    if let Some(d) = vm.instance_dict(&v) {
        d.set_str(
            &vm.intern("mode"),
            vm.new_str(if readable { "r" } else { "w" }).into(),
        );
    }
    v
}

/// Creates the stream objects for fds 0, 1, 2.
pub fn make_streams(vm: &Vm) -> [Value; 3] {
    let unbuffered = vm.config.unbuffered;
    [
        make_stream(vm, 0, unbuffered),
        make_stream(vm, 1, unbuffered),
        make_stream(vm, 2, unbuffered),
    ]
}

/// The exact native text stream behind `v`, if it is one.
pub fn native_text(vm: &Vm, v: &Value) -> Option<Py<TextIO>> {
    if v.class(vm).is(&vm.io().text_io_wrapper) {
        v.downcast::<TextIO>().cloned()
    } else {
        None
    }
}

impl Vm {
    fn write_stream(&self, name: &Py<Str>, fd: i32, text: &str) -> PyResult<()> {
        match self.sys.dict().get_str(name) {
            Some(s) if !s.is_none() => {
                if let Some(t) = native_text(self, &s) {
                    return t.write_wtf8(self, text.as_bytes(), None);
                }
                self.call_method(&s, &self.names.write, &[self.new_str(text).into()])?;
                Ok(())
            }
            _ => ffi::write_all(fd, text.as_bytes())
                .map_err(|e| crate::stdlib::io::os_error(self, &e, None)),
        }
    }

    /// Writes to `sys.stdout`.
    pub fn write_stdout(&self, text: &str) -> PyResult<()> {
        self.write_stream(&self.names.stdout, 1, text)
    }

    /// Writes to `sys.stderr` (errors are ignored: there is nowhere to report them).
    pub fn write_stderr(&self, text: &str) {
        if self.write_stream(&self.names.stderr, 2, text).is_err() {
            let _ = ffi::write_all(2, text.as_bytes());
        }
        self.flush_stream(&self.names.stderr);
    }

    /// Flushes `sys.stdout` and `sys.stderr`, and the original streams if they were
    /// replaced (at exit, when CPython's finalization would flush them).
    pub fn flush_std_streams(&self) {
        let names = [
            self.names.stdout.clone(),
            self.names.stderr.clone(),
            self.intern("__stdout__"),
            self.intern("__stderr__"),
        ];
        for n in &names {
            self.flush_stream(n);
        }
    }

    /// Flushes the native files that module globals still hold at exit. CPython's module
    /// teardown finalizes (closes) them; rpy does not tear modules down, so without this
    /// `f = open(...); f.write(...)` at module level would lose its buffered data.
    pub fn flush_module_files(&self) {
        for m in self.modules.values() {
            let Some(module) = m.downcast::<crate::types::module::Module>() else {
                continue;
            };
            for v in module.dict().values() {
                if let Some(t) = native_text(self, &v) {
                    let _ = t.flush(self);
                } else if let Some(b) = v.downcast::<crate::stdlib::io::buffered::Buffered>() {
                    let _ = b.flush(self);
                }
            }
        }
    }

    fn flush_stream(&self, name: &Py<Str>) {
        if let Some(s) = self.sys.dict().get_str(name) {
            if let Some(t) = native_text(self, &s) {
                let _ = t.flush(self);
            } else if !s.is_none() {
                let _ = self.call_method(&s, &self.names.flush, &[]);
            }
        }
    }
}
