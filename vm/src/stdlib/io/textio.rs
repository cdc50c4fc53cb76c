//! `io.TextIOWrapper`: text over a binary buffer, with an ASCII-compatible encoding (UTF-8,
//! Latin-1, ASCII), an errors handler and newline translation.
//!
//! Reading keeps the undecoded bytes read from the buffer (`rbuf`) and decodes only what a
//! call returns, so `tell()` is exact: the buffer's position minus the unread bytes. That
//! is the cookie CPython returns for these stateless encodings. Because every supported
//! encoding is ASCII-compatible, line endings are found and translated on the raw bytes.

use std::cell::Cell;
use std::rc::Rc;

use crate::object::{Py, PyCell, Type, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::text::wtf8::Wtf8;
use crate::types::bytes::{ByteArray, Bytes};
use crate::types::dict::Dict;
use crate::types::str::Str;

use super::buffered::Buffered;
use super::stringio::{Newline, find_line_end, newlines_value};
use super::{name, size_arg, unsupported};

/// The chunk size for reads from and writes to the buffer (`_CHUNK_SIZE`).
const CHUNK_SIZE: usize = 8192;

/// The codecs a text stream supports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codec {
    /// UTF-8 (multi-byte).
    Utf8,
    /// Latin-1 (one byte per character).
    Latin1,
    /// ASCII.
    Ascii,
}

impl Codec {
    /// The codec for an encoding name, or `LookupError`.
    pub fn lookup(vm: &Vm, encoding: &str) -> PyResult<Codec> {
        match crate::runtime::codecs::normalize(encoding).as_str() {
            "utf_8" => Ok(Codec::Utf8),
            "latin_1" => Ok(Codec::Latin1),
            "ascii" => Ok(Codec::Ascii),
            _ => Err(vm.new_lookup_error(format!("unknown encoding: {encoding}"))),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Latin1 => "latin-1",
            Codec::Ascii => "ascii",
        }
    }
}

/// The `TextIOWrapper` payload.
pub struct TextIO {
    buffer: PyCell<Value>,
    encoding: PyCell<Rc<str>>,
    codec: Cell<Codec>,
    errors: PyCell<Rc<str>>,
    newline: Cell<Newline>,
    /// The line ending written for `"\n"` when it is not `"\n"`.
    writenl: Cell<Option<&'static [u8]>>,
    line_buffering: Cell<bool>,
    write_through: Cell<bool>,
    pending: PyCell<Vec<u8>>,
    rbuf: PyCell<Vec<u8>>,
    rpos: Cell<usize>,
    seen: Cell<u8>,
    detached: Cell<bool>,
    ready: Cell<bool>,
    telling: Cell<bool>,
    seekable: Cell<bool>,
    readable: Cell<bool>,
    writable: Cell<bool>,
    chunk_size: Cell<usize>,
    dict: PyCell<Option<Py<Dict>>>,
}

crate::payload!(TextIO);

/// Byte length of the UTF-8 sequence a lead byte starts (1 for invalid bytes).
fn utf8_len(b: u8) -> usize {
    match b {
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => 1,
    }
}

/// Scans whole characters of `data` from `start` until `max` have been seen: returns
/// (end byte, characters). An incomplete character at the end (a partial UTF-8 sequence,
/// or a `\r` that may start `\r\n` when `join_crlf`) stops the scan unless `eof`.
fn scan_chars(
    data: &[u8],
    start: usize,
    max: usize,
    wide: bool,
    join_crlf: bool,
    eof: bool,
) -> (usize, usize) {
    let (mut i, mut count) = (start, 0);
    while i < data.len() && count < max {
        let b = data[i];
        let mut len = if join_crlf && b == b'\r' {
            match data.get(i + 1) {
                Some(b'\n') => 2,
                Some(_) => 1,
                None if eof => 1,
                None => break,
            }
        } else if wide {
            utf8_len(b)
        } else {
            1
        };
        if i + len > data.len() {
            if !eof {
                break;
            }
            len = data.len() - i;
        }
        i += len;
        count += 1;
    }
    (i, count)
}

impl TextIO {
    /// A text layer over `buffer` (used for the standard streams).
    pub fn new(buffer: Value, errors: &str, line_buffering: bool, write_through: bool) -> TextIO {
        TextIO {
            buffer: PyCell::new(buffer),
            encoding: PyCell::new(Rc::from("utf-8")),
            codec: Cell::new(Codec::Utf8),
            errors: PyCell::new(Rc::from(errors)),
            newline: Cell::new(Newline::Translate),
            writenl: Cell::new(None),
            line_buffering: Cell::new(line_buffering),
            write_through: Cell::new(write_through),
            pending: PyCell::new(Vec::new()),
            rbuf: PyCell::new(Vec::new()),
            rpos: Cell::new(0),
            seen: Cell::new(0),
            detached: Cell::new(false),
            ready: Cell::new(true),
            telling: Cell::new(false),
            seekable: Cell::new(false),
            readable: Cell::new(false),
            writable: Cell::new(false),
            chunk_size: Cell::new(CHUNK_SIZE),
            dict: PyCell::new(None),
        }
    }

    /// Records what the buffer can do (at construction).
    pub fn set_capabilities(&self, readable: bool, writable: bool, seekable: bool) {
        self.readable.set(readable);
        self.writable.set(writable);
        self.seekable.set(seekable);
        self.telling.set(seekable);
    }

    fn buffer(&self, vm: &Vm) -> PyResult<Value> {
        if self.detached.get() {
            return Err(vm.new_value_error("underlying buffer has been detached"));
        }
        if !self.ready.get() {
            return Err(vm.new_value_error("I/O operation on uninitialized object"));
        }
        Ok(self.buffer.get())
    }

    fn native_buffer<'a>(vm: &Vm, buffer: &'a Value) -> Option<&'a Py<Buffered>> {
        let t = vm.io();
        let cls = buffer.class(vm);
        if cls.is(&t.buffered_writer) || cls.is(&t.buffered_reader) || cls.is(&t.buffered_random) {
            buffer.downcast::<Buffered>()
        } else {
            None
        }
    }

    fn is_closed(&self, vm: &Vm, buffer: &Value) -> PyResult<bool> {
        if let Some(b) = Self::native_buffer(vm, buffer) {
            let raw = b.raw(vm)?;
            if let Some(f) = raw.downcast::<super::fileio::FileIO>()
                && raw.class(vm).is(&vm.io().file_io)
            {
                return Ok(f.is_closed());
            }
        }
        let c = vm.getattr(buffer, &name(vm, "closed"))?;
        vm.is_true(&c)
    }

    fn check_open(&self, vm: &Vm) -> PyResult<Value> {
        let buffer = self.buffer(vm)?;
        if self.is_closed(vm, &buffer)? {
            return Err(super::closed_error(vm));
        }
        Ok(buffer)
    }

    /// Sends the pending encoded bytes to the buffer.
    fn flush_pending(&self, vm: &Vm, buffer: &Value) -> PyResult<()> {
        let data = self.pending.take();
        if data.is_empty() {
            return Ok(());
        }
        if let Some(b) = Self::native_buffer(vm, buffer) {
            b.write(vm, &data)?;
            return Ok(());
        }
        if let Some(f) = buffer.downcast::<super::fileio::FileIO>()
            && buffer.class(vm).is(&vm.io().file_io)
        {
            let mut rest: &[u8] = &data;
            while !rest.is_empty() {
                let n = f.write(vm, rest)?;
                if n == 0 {
                    break;
                }
                rest = &rest[n..];
            }
            return Ok(());
        }
        vm.call_method(buffer, &name(vm, "write"), &[vm.new_bytes(data).into()])?;
        Ok(())
    }

    fn flush_buffer(&self, vm: &Vm, buffer: &Value) -> PyResult<()> {
        if let Some(b) = Self::native_buffer(vm, buffer) {
            return b.flush(vm);
        }
        vm.call_method(buffer, &vm.names.flush, &[])?;
        Ok(())
    }

    /// Encodes and writes a str; returns its length in code points.
    pub fn write_str(&self, vm: &Vm, s: &Py<Str>) -> PyResult<usize> {
        self.write_wtf8(vm, s.as_bytes(), Some(s))?;
        Ok(s.char_len())
    }

    /// Encodes and writes text given as generalized UTF-8 (`orig` is the same text as a
    /// str object, when the caller has one).
    pub fn write_wtf8(&self, vm: &Vm, raw: &[u8], orig: Option<&Py<Str>>) -> PyResult<()> {
        let buffer = self.check_open(vm)?;
        if !self.writable.get() {
            return Err(unsupported(vm, "not writable"));
        }
        let has_lf = raw.contains(&b'\n');
        let needflush = self.line_buffering.get() && (has_lf || raw.contains(&b'\r'));
        let translated: Option<Vec<u8>> = match self.writenl.get() {
            Some(nl) if has_lf => {
                let mut out = Vec::with_capacity(raw.len() + 16);
                for &c in raw {
                    if c == b'\n' {
                        out.extend_from_slice(nl);
                    } else {
                        out.push(c);
                    }
                }
                Some(out)
            }
            _ => None,
        };
        let text: &[u8] = translated.as_deref().unwrap_or(raw);
        let plain_utf8 = match self.codec.get() {
            Codec::Utf8 => std::str::from_utf8(text).is_ok(),
            Codec::Ascii | Codec::Latin1 => text.is_ascii(),
        };
        let full = if plain_utf8 {
            self.pending.with_mut(|p| {
                p.extend_from_slice(text);
                p.len()
            })
        } else {
            let owned;
            let s = match (orig, &translated) {
                (Some(s), None) => s,
                _ => {
                    owned = vm.new_str_wtf8(Wtf8::from_bytes_unchecked(text));
                    &owned
                }
            };
            let errors = self.errors.get();
            let bytes = crate::runtime::codecs::encode(vm, s, self.codec.get().name(), &errors)?;
            self.pending.with_mut(|p| {
                p.extend_from_slice(&bytes);
                p.len()
            })
        };
        if full >= self.chunk_size.get() || needflush || self.write_through.get() {
            self.flush_pending(vm, &buffer)?;
        }
        if needflush {
            self.flush_buffer(vm, &buffer)?;
        }
        if self.rbuf.with(Vec::len) > 0 {
            self.rbuf.with_mut(Vec::clear);
            self.rpos.set(0);
        }
        Ok(())
    }

    /// `flush()`.
    pub fn flush(&self, vm: &Vm) -> PyResult<()> {
        let buffer = self.check_open(vm)?;
        self.telling.set(self.seekable.get());
        self.flush_pending(vm, &buffer)?;
        self.flush_buffer(vm, &buffer)
    }

    fn prepare_read(&self, vm: &Vm) -> PyResult<Value> {
        let buffer = self.check_open(vm)?;
        if !self.readable.get() {
            return Err(unsupported(vm, "not readable"));
        }
        if self.pending.with(Vec::len) > 0 {
            self.flush_pending(vm, &buffer)?;
        }
        Ok(buffer)
    }

    /// Reads one chunk from the buffer into `rbuf`; false at end of file.
    fn read_chunk(&self, vm: &Vm, buffer: &Value) -> PyResult<bool> {
        let n = self.chunk_size.get();
        let data = if let Some(b) = Self::native_buffer(vm, buffer) {
            b.read1(vm, n as i64)?
        } else {
            let method = if vm.getattr_opt(buffer, &name(vm, "read1"))?.is_some() {
                "read1"
            } else {
                "read"
            };
            let r = vm.call_method(buffer, &name(vm, method), &[Value::Int(n as i64)])?;
            if r.is_none() {
                return Ok(false);
            }
            if let Some(b) = r.downcast::<Bytes>() {
                b.as_bytes().to_vec()
            } else if let Some(b) = r.downcast::<ByteArray>() {
                b.to_vec()
            } else {
                return Err(vm.new_type_error(format!(
                    "underlying {method}() should have returned a bytes-like object, not '{}'",
                    vm.type_name(&r)
                )));
            }
        };
        if data.is_empty() {
            return Ok(false);
        }
        let pos = self.rpos.replace(0);
        self.rbuf.with_mut(|b| {
            b.drain(..pos.min(b.len()));
            b.extend_from_slice(&data);
        });
        Ok(true)
    }

    /// Decodes raw bytes, recording and translating line endings per the newline mode.
    fn decode(&self, vm: &Vm, data: &[u8]) -> PyResult<Value> {
        let mode = self.newline.get();
        let mut seen = self.seen.get();
        let translated = match mode {
            Newline::Translate | Newline::Universal => {
                super::stringio::decode_newlines(data, mode == Newline::Translate, &mut seen)
            }
            _ => None,
        };
        self.seen.set(seen);
        let bytes = translated.as_deref().unwrap_or(data);
        let errors = self.errors.get();
        let s = match (self.codec.get(), std::str::from_utf8(bytes)) {
            (Codec::Utf8, Ok(text)) => vm.new_str(text),
            (Codec::Ascii, Ok(text)) if bytes.is_ascii() => vm.new_str(text),
            (codec, _) => crate::runtime::codecs::decode(vm, bytes, codec.name(), &errors)?,
        };
        Ok(s.into())
    }

    fn take_bytes(&self, end: usize) -> Vec<u8> {
        let pos = self.rpos.get();
        let out = self.rbuf.with(|b| b[pos..pos + end].to_vec());
        self.rpos.set(pos + end);
        out
    }

    /// `read(n)`.
    pub fn read(&self, vm: &Vm, n: i64) -> PyResult<Value> {
        let buffer = self.prepare_read(vm)?;
        if n < 0 {
            let mut data = self.take_bytes(self.rbuf.with(Vec::len) - self.rpos.get());
            let rest = if let Some(b) = Self::native_buffer(vm, &buffer) {
                b.read(vm, -1)?.unwrap_or_default()
            } else {
                let r = vm.call_method(&buffer, &name(vm, "read"), &[])?;
                if r.is_none() {
                    Vec::new()
                } else {
                    vm.bytes_like(&r)?
                }
            };
            data.extend(rest);
            self.rbuf.with_mut(Vec::clear);
            self.rpos.set(0);
            return self.decode(vm, &data);
        }
        let want = n as usize;
        let wide = self.codec.get() == Codec::Utf8;
        let join = self.newline.get() == Newline::Translate;
        let mut eof = false;
        loop {
            let pos = self.rpos.get();
            let (end, count) = self
                .rbuf
                .with(|b| scan_chars(&b[pos..], 0, want, wide, join, eof));
            if count >= want || eof {
                let data = self.take_bytes(end);
                return self.decode(vm, &data);
            }
            if !self.read_chunk(vm, &buffer)? {
                eof = true;
            }
        }
    }

    /// `readline(limit)`.
    pub fn readline(&self, vm: &Vm, limit: i64) -> PyResult<Value> {
        let buffer = self.prepare_read(vm)?;
        let mode = self.newline.get();
        // The raw bytes are untranslated: newline=None finds endings as universal mode does.
        let search = if mode == Newline::Translate {
            Newline::Universal
        } else {
            mode
        };
        let mut eof = false;
        let line_end = loop {
            let pos = self.rpos.get();
            let found = self.rbuf.with(|b| {
                let avail = &b[pos..];
                match find_line_end(avail, search) {
                    // A `\r` at the very end may be the first half of `\r\n`.
                    Some(end)
                        if !eof
                            && end == avail.len()
                            && avail[end - 1] == b'\r'
                            && matches!(mode, Newline::Translate | Newline::Universal) =>
                    {
                        None
                    }
                    other => other,
                }
            });
            let avail = self.rbuf.with(Vec::len) - pos;
            if let Some(end) = found {
                break end;
            }
            if eof {
                break avail;
            }
            if limit >= 0 && avail >= 4 * (limit as usize) + 4 {
                break avail;
            }
            if !self.read_chunk(vm, &buffer)? {
                eof = true;
            }
        };
        let end = if limit >= 0 {
            let pos = self.rpos.get();
            let wide = self.codec.get() == Codec::Utf8;
            let join = mode == Newline::Translate;
            self.rbuf.with(|b| {
                scan_chars(&b[pos..pos + line_end], 0, limit as usize, wide, join, true).0
            })
        } else {
            line_end
        };
        let data = self.take_bytes(end);
        self.decode(vm, &data)
    }

    fn unread(&self) -> usize {
        self.rbuf.with(Vec::len) - self.rpos.get()
    }

    fn reset_read(&self) {
        self.rbuf.with_mut(Vec::clear);
        self.rpos.set(0);
    }
}

impl Drop for TextIO {
    fn drop(&mut self) {
        // Pending text of a dropped wrapper still goes to a native buffer.
        let pending = self.pending.take();
        if pending.is_empty() {
            return;
        }
        let buffer = self.buffer.get();
        if let Some(b) = buffer.downcast::<Buffered>() {
            b.append_pending(&pending);
        }
    }
}

/// The finalizer of exact `TextIOWrapper` objects: flush and close.
pub(super) fn finalize(vm: &Vm, v: &Value) {
    if let Some(t) = v.downcast::<TextIO>()
        && !t.detached.get()
        && t.ready.get()
    {
        let _ = close(vm, t);
    }
}

fn close(vm: &Vm, t: &TextIO) -> PyResult<()> {
    let buffer = t.buffer(vm)?;
    if t.is_closed(vm, &buffer)? {
        return Ok(());
    }
    let flushed = t.flush(vm);
    let closed = if let Some(b) = TextIO::native_buffer(vm, &buffer) {
        b.close(vm)
    } else {
        vm.call_method(&buffer, &name(vm, "close"), &[]).map(|_| ())
    };
    flushed.and(closed)
}

fn this<'a>(vm: &Vm, args: &Args<'a>, fname: &str) -> PyResult<(&'a Py<TextIO>, Args<'a>)> {
    vm.method_self::<TextIO>(*args, fname, "_io.TextIOWrapper")
}

fn t_new(vm: &Vm, cls: &Py<Type>, _args: Args<'_>) -> PyResult<Value> {
    let t = TextIO::new(Value::None, "strict", false, false);
    t.ready.set(false);
    vm.alloc_instance(cls, t)
}

fn str_arg(vm: &Vm, v: Option<&Value>, what: &str) -> PyResult<Option<String>> {
    match v {
        None => Ok(None),
        Some(x) if x.is_none() => Ok(None),
        Some(x) => match x.downcast::<Str>() {
            Some(s) => Ok(Some(s.to_lossy().into_owned())),
            None => Err(vm.new_type_error(format!(
                "TextIOWrapper() argument '{what}' must be str or None, not {}",
                vm.type_name(x)
            ))),
        },
    }
}

fn bool_of(vm: &Vm, v: &Value) -> PyResult<Value> {
    let r = vm.is_true(v)?;
    Ok(Value::Bool(r))
}

fn t_init(vm: &Vm, v: &Value, args: Args<'_>) -> PyResult<()> {
    let [
        buffer,
        encoding,
        errors,
        newline,
        line_buffering,
        write_through,
    ] = args.bind(
        vm,
        "TextIOWrapper",
        [
            "buffer",
            "encoding",
            "errors",
            "newline",
            "line_buffering",
            "write_through",
        ],
        1,
        0,
    )?;
    let t = v
        .downcast::<TextIO>()
        .ok_or_else(|| vm.new_type_error("TextIOWrapper.__init__ needs a TextIOWrapper"))?;
    let buffer = buffer.cloned().unwrap_or(Value::None);
    let encoding = match str_arg(vm, encoding, "encoding")? {
        None => "utf-8".to_string(),
        Some(e) if e == "locale" => "utf-8".to_string(),
        Some(e) => e,
    };
    let codec = Codec::lookup(vm, &encoding)?;
    let errors = str_arg(vm, errors, "errors")?.unwrap_or_else(|| "strict".to_string());
    let mode = Newline::parse(vm, newline, Newline::Translate)?;
    let line_buffering = match line_buffering {
        Some(x) => vm.is_true(x)?,
        None => false,
    };
    let write_through = match write_through {
        Some(x) => vm.is_true(x)?,
        None => false,
    };
    let ask = |m: &str| -> PyResult<bool> {
        let r = vm.call_method(&buffer, &name(vm, m), &[])?;
        vm.is_true(&bool_of(vm, &r)?)
    };
    let seekable = ask("seekable")?;
    let readable = ask("readable")?;
    let writable = ask("writable")?;
    drop(t.buffer.replace(buffer));
    drop(t.encoding.replace(Rc::from(encoding.as_str())));
    t.codec.set(codec);
    drop(t.errors.replace(Rc::from(errors.as_str())));
    t.newline.set(mode);
    t.writenl.set(match mode {
        Newline::Cr => Some(b"\r"),
        Newline::CrLf => Some(b"\r\n"),
        _ => None,
    });
    t.line_buffering.set(line_buffering);
    t.write_through.set(write_through);
    t.pending.with_mut(Vec::clear);
    t.reset_read();
    t.seen.set(0);
    t.detached.set(false);
    t.ready.set(true);
    t.set_capabilities(readable, writable, seekable);
    Ok(())
}

fn m_write(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (t, rest) = this(vm, &args, "write")?;
    let v = rest.one(vm, "write")?;
    let Some(s) = v.downcast::<Str>() else {
        return Err(vm.new_type_error(format!(
            "write() argument must be str, not {}",
            vm.type_name(v)
        )));
    };
    Ok(Value::Int(t.write_str(vm, s)? as i64))
}

fn m_read(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (t, rest) = this(vm, &args, "read")?;
    let vals = rest.range(vm, "read", 0, 1)?;
    let n = size_arg(vm, vals.first())?;
    t.read(vm, n)
}

fn m_readline(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (t, rest) = this(vm, &args, "readline")?;
    let vals = rest.range(vm, "readline", 0, 1)?;
    let n = match vals.first() {
        Some(v) if !v.is_none() => vm.index_value(v)?,
        _ => -1,
    };
    t.readline(vm, n)
}

fn m_flush(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (t, _) = this(vm, &args, "flush")?;
    t.flush(vm)?;
    Ok(Value::None)
}

fn m_close(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (t, _) = this(vm, &args, "close")?;
    close(vm, t)?;
    Ok(Value::None)
}

fn m_tell(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (t, _) = this(vm, &args, "tell")?;
    let buffer = t.check_open(vm)?;
    if !t.seekable.get() {
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    if !t.telling.get() {
        return Err(vm.new_os_error("telling position disabled by next() call"));
    }
    t.flush(vm)?;
    let pos = vm.call_method(&buffer, &name(vm, "tell"), &[])?;
    let pos = vm.index_value(&pos)?;
    Ok(Value::Int(pos - t.unread() as i64))
}

fn m_seek(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (t, rest) = this(vm, &args, "seek")?;
    let vals = rest.range(vm, "seek", 1, 2)?;
    let buffer = t.check_open(vm)?;
    let whence = match vals.get(1) {
        Some(w) => vm.index_value(w)?,
        None => 0,
    };
    if !t.seekable.get() {
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    let cookie = vm.index_value(&vals[0])?;
    let target = match whence {
        0 => {
            if cookie < 0 {
                return Err(vm.new_value_error(format!("negative seek position {cookie}")));
            }
            cookie
        }
        1 => {
            if cookie != 0 {
                return Err(unsupported(vm, "can't do nonzero cur-relative seeks"));
            }
            let cur = m_tell(vm, Args::positional(std::slice::from_ref(&Value::from(t))))?;
            vm.index_value(&cur)?
        }
        2 => {
            if cookie != 0 {
                return Err(unsupported(vm, "can't do nonzero end-relative seeks"));
            }
            t.flush(vm)?;
            t.reset_read();
            return vm.call_method(&buffer, &name(vm, "seek"), &[Value::Int(0), Value::Int(2)]);
        }
        _ => {
            return Err(
                vm.new_value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))
            );
        }
    };
    t.flush(vm)?;
    t.reset_read();
    vm.call_method(&buffer, &name(vm, "seek"), &[Value::Int(target)])?;
    Ok(Value::Int(target))
}

fn m_truncate(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (t, rest) = this(vm, &args, "truncate")?;
    let vals = rest.range(vm, "truncate", 0, 1)?;
    let buffer = t.buffer(vm)?;
    t.flush(vm)?;
    let pos = vals.first().cloned().unwrap_or(Value::None);
    vm.call_method(&buffer, &name(vm, "truncate"), &[pos])
}

fn m_detach(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (t, _) = this(vm, &args, "detach")?;
    t.flush(vm)?;
    t.detached.set(true);
    Ok(t.buffer.replace(Value::None))
}

fn delegate(vm: &Vm, args: Args<'_>, method: &str) -> PyResult<Value> {
    let (t, _) = this(vm, &args, method)?;
    let buffer = t.buffer(vm)?;
    vm.call_method(&buffer, &name(vm, method), &[])
}

fn m_fileno(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    delegate(vm, args, "fileno")
}

fn m_isatty(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    delegate(vm, args, "isatty")
}

fn m_readable(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    delegate(vm, args, "readable")
}

fn m_writable(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    delegate(vm, args, "writable")
}

fn m_seekable(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (t, _) = this(vm, &args, "seekable")?;
    t.check_open(vm)?;
    Ok(Value::Bool(t.seekable.get()))
}

fn m_reconfigure(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (t, rest) = this(vm, &args, "reconfigure")?;
    if !rest.pos().is_empty() {
        return Err(vm.new_type_error(format!(
            "reconfigure() takes 0 positional arguments but {} were given",
            rest.pos().len()
        )));
    }
    let [encoding, errors, newline, line_buffering, write_through] = rest.bind(
        vm,
        "reconfigure",
        [
            "encoding",
            "errors",
            "newline",
            "line_buffering",
            "write_through",
        ],
        0,
        0,
    )?;
    let buffer = t.buffer(vm)?;
    if (encoding.is_some_and(|e| !e.is_none()) || newline.is_some()) && t.unread() > 0 {
        return Err(unsupported(
            vm,
            "It is not possible to set the encoding or newline of stream after the first read",
        ));
    }
    t.flush_pending(vm, &buffer)?;
    if let Some(e) = str_arg(vm, encoding, "encoding")? {
        t.codec.set(Codec::lookup(vm, &e)?);
        drop(t.encoding.replace(Rc::from(e.as_str())));
        if errors.is_none() {
            drop(t.errors.replace(Rc::from("strict")));
        }
    }
    if let Some(e) = str_arg(vm, errors, "errors")? {
        drop(t.errors.replace(Rc::from(e.as_str())));
    }
    if newline.is_some() {
        let mode = Newline::parse(vm, newline, Newline::Translate)?;
        t.newline.set(mode);
        t.writenl.set(match mode {
            Newline::Cr => Some(b"\r"),
            Newline::CrLf => Some(b"\r\n"),
            _ => None,
        });
    }
    if let Some(lb) = line_buffering.filter(|v| !v.is_none()) {
        t.line_buffering.set(vm.is_true(lb)?);
    }
    if let Some(wt) = write_through.filter(|v| !v.is_none()) {
        t.write_through.set(vm.is_true(wt)?);
    }
    Ok(Value::None)
}

fn t_iternext(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let t = get_this(vm, v)?;
    t.telling.set(false);
    let line = if v.class(vm).is(&vm.io().text_io_wrapper) {
        t.readline(vm, -1)?
    } else {
        vm.call_method(v, &vm.names.readline, &[])?
    };
    let empty = match line.downcast::<Str>() {
        Some(s) => s.char_len() == 0,
        None => {
            return Err(vm.new_os_error(format!(
                "readline() should have returned a str object, not '{}'",
                vm.type_name(&line)
            )));
        }
    };
    if empty {
        t.reset_read();
        t.telling.set(t.seekable.get());
        return Ok(None);
    }
    Ok(Some(line))
}

fn get_this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<TextIO>> {
    v.downcast::<TextIO>()
        .ok_or_else(|| vm.new_type_error("expected a TextIOWrapper"))
}

fn g_encoding(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(vm.new_str(&get_this(vm, v)?.encoding.get()).into())
}

fn g_errors(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(vm.new_str(&get_this(vm, v)?.errors.get()).into())
}

fn g_line_buffering(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Bool(get_this(vm, v)?.line_buffering.get()))
}

fn g_write_through(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Bool(get_this(vm, v)?.write_through.get()))
}

fn g_buffer(vm: &Vm, v: &Value) -> PyResult<Value> {
    get_this(vm, v)?.buffer(vm)
}

fn g_closed(vm: &Vm, v: &Value) -> PyResult<Value> {
    let t = get_this(vm, v)?;
    let buffer = t.buffer(vm)?;
    Ok(Value::Bool(t.is_closed(vm, &buffer)?))
}

fn g_name(vm: &Vm, v: &Value) -> PyResult<Value> {
    let buffer = get_this(vm, v)?.buffer(vm)?;
    vm.getattr(&buffer, &name(vm, "name"))
}

fn g_newlines(vm: &Vm, v: &Value) -> PyResult<Value> {
    let t = get_this(vm, v)?;
    t.buffer(vm)?;
    Ok(match t.newline.get() {
        Newline::Translate | Newline::Universal => newlines_value(vm, t.seen.get()),
        _ => Value::None,
    })
}

fn g_chunk_size(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Int(get_this(vm, v)?.chunk_size.get() as i64))
}

fn s_chunk_size(vm: &Vm, v: &Value, value: Option<Value>) -> PyResult<()> {
    let t = get_this(vm, v)?;
    let Some(x) = value else {
        return Err(vm.new_attribute_error_msg("cannot delete attribute"));
    };
    let n = vm.index_value(&x)?;
    if n <= 0 {
        return Err(vm.new_value_error("a strictly positive integer is required"));
    }
    t.chunk_size.set(n as usize);
    Ok(())
}

fn t_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let cls = v.class(vm);
    let mut text = format!(
        "<{}.{}",
        vm.type_module_name(cls).unwrap_or_default(),
        cls.qualname()
    );
    let Some(_guard) = vm.repr_enter(v) else {
        return Err(
            vm.new_runtime_error(format!("reentrant call inside {}.__repr__", cls.qualname()))
        );
    };
    for attr in ["name", "mode"] {
        match vm.getattr_opt(v, &name(vm, attr)) {
            Ok(Some(x)) => text.push_str(&format!(" {attr}={}", vm.repr(&x)?.to_lossy())),
            Ok(None) => {}
            Err(e) if e.matches(&vm.exc.value_error) => {}
            Err(e) => return Err(e),
        }
    }
    let t = get_this(vm, v)?;
    text.push_str(&format!(" encoding='{}'>", t.encoding.get()));
    Ok(vm.new_str(&text).into())
}

fn dictptr(v: &Value) -> Option<&PyCell<Option<Py<Dict>>>> {
    v.downcast::<TextIO>().map(|s| &s.dict)
}

/// Fills in `TextIOWrapper`.
pub(super) fn init(vm: &Vm, t: &Py<Type>) {
    t.slots.new.set(Some(t_new));
    t.slots.init.set(Some(t_init));
    t.slots.repr.set(Some(t_repr));
    t.slots.iternext.set(Some(t_iternext));
    t.slots.dictptr.set(Some(dictptr));
    vm.add_methods(
        t,
        &[
            ("write", m_write),
            ("read", m_read),
            ("readline", m_readline),
            ("flush", m_flush),
            ("close", m_close),
            ("tell", m_tell),
            ("seek", m_seek),
            ("truncate", m_truncate),
            ("detach", m_detach),
            ("fileno", m_fileno),
            ("isatty", m_isatty),
            ("readable", m_readable),
            ("writable", m_writable),
            ("seekable", m_seekable),
            ("reconfigure", m_reconfigure),
        ],
    );
    vm.add_getset(t, "encoding", g_encoding, None);
    vm.add_getset(t, "errors", g_errors, None);
    vm.add_getset(t, "line_buffering", g_line_buffering, None);
    vm.add_getset(t, "write_through", g_write_through, None);
    vm.add_getset(t, "buffer", g_buffer, None);
    vm.add_getset(t, "closed", g_closed, None);
    vm.add_getset(t, "name", g_name, None);
    vm.add_getset(t, "newlines", g_newlines, None);
    vm.add_getset(t, "_CHUNK_SIZE", g_chunk_size, Some(s_chunk_size));
    vm.add_getset(t, "_finalizing", |_, _| Ok(Value::Bool(false)), None);
    vm.add_getset(t, "__dict__", crate::runtime::attr::get_payload_dict, None);
}
