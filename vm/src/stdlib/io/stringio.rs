//! `io.StringIO`: an in-memory text stream. The text is kept as generalized UTF-8 with a
//! code-point count; positions are code points. ASCII text (the common case) maps
//! positions to byte offsets directly; other text keeps a cursor cache so that sequential
//! reads stay linear.

use std::cell::Cell;

use crate::object::{Py, PyCell, Type, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::text::wtf8::Wtf8;
use crate::types::dict::Dict;
use crate::types::str::Str;

use super::{check_whence, size_arg, unsupported};

/// How a text stream treats line endings (the `newline` argument).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Newline {
    /// `newline=None`: universal newlines, translated to `"\n"`.
    #[default]
    Translate,
    /// `newline=""`: universal newlines, returned untranslated.
    Universal,
    /// `newline="\n"`.
    Lf,
    /// `newline="\r"`.
    Cr,
    /// `newline="\r\n"`.
    CrLf,
}

impl Newline {
    /// Parses a `newline` argument with CPython's messages.
    pub fn parse(vm: &Vm, v: Option<&Value>, default: Newline) -> PyResult<Newline> {
        let Some(v) = v else {
            return Ok(default);
        };
        if v.is_none() {
            return Ok(Newline::Translate);
        }
        let Some(s) = v.downcast::<Str>() else {
            return Err(vm.new_type_error(format!(
                "newline must be str or None, not {}",
                vm.type_name(v)
            )));
        };
        Ok(match s.as_bytes() {
            b"" => Newline::Universal,
            b"\n" => Newline::Lf,
            b"\r" => Newline::Cr,
            b"\r\n" => Newline::CrLf,
            _ => {
                return Err(vm.new_value_error(format!(
                    "illegal newline value: {}",
                    vm.repr(v)?.to_lossy()
                )));
            }
        })
    }

    /// The literal line ending searched when not universal.
    pub fn literal(self) -> &'static [u8] {
        match self {
            Newline::Cr => b"\r",
            Newline::CrLf => b"\r\n",
            _ => b"\n",
        }
    }
}

/// Bits of the newline kinds seen by a decoder (`newlines` attribute).
pub const SEEN_CR: u8 = 1;
/// See [`SEEN_CR`].
pub const SEEN_LF: u8 = 2;
/// See [`SEEN_CR`].
pub const SEEN_CRLF: u8 = 4;

/// The `newlines` value for a set of seen kinds.
pub fn newlines_value(vm: &Vm, seen: u8) -> Value {
    let s = |t: &str| -> Value { vm.new_str(t).into() };
    match seen {
        0 => Value::None,
        SEEN_LF => s("\n"),
        SEEN_CR => s("\r"),
        SEEN_CRLF => s("\r\n"),
        x => {
            let mut items = Vec::new();
            if x & SEEN_CR != 0 {
                items.push(s("\r"));
            }
            if x & SEEN_LF != 0 {
                items.push(s("\n"));
            }
            if x & SEEN_CRLF != 0 {
                items.push(s("\r\n"));
            }
            vm.new_tuple(items).into()
        }
    }
}

/// Records the newline kinds in `text` and, when `translate`, rewrites `\r\n` and `\r`
/// to `\n` (an `IncrementalNewlineDecoder` with `final=True`).
pub fn decode_newlines(text: &[u8], translate: bool, seen: &mut u8) -> Option<Vec<u8>> {
    if !text.contains(&b'\r') {
        if text.contains(&b'\n') {
            *seen |= SEEN_LF;
        }
        return None;
    }
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        match text[i] {
            b'\r' if text.get(i + 1) == Some(&b'\n') => {
                *seen |= SEEN_CRLF;
                if translate {
                    out.push(b'\n');
                } else {
                    out.extend_from_slice(b"\r\n");
                }
                i += 2;
                continue;
            }
            b'\r' => {
                *seen |= SEEN_CR;
                out.push(if translate { b'\n' } else { b'\r' });
            }
            b'\n' => {
                *seen |= SEEN_LF;
                out.push(b'\n');
            }
            c => out.push(c),
        }
        i += 1;
    }
    Some(out)
}

/// Finds the end (exclusive) of the first line of `text` under a newline mode, or `None`
/// when no line ending occurs. In universal mode a final `\r` counts as an ending.
pub fn find_line_end(text: &[u8], mode: Newline) -> Option<usize> {
    match mode {
        Newline::Universal => {
            let i = text.iter().position(|&c| c == b'\r' || c == b'\n')?;
            if text[i] == b'\r' && text.get(i + 1) == Some(&b'\n') {
                Some(i + 2)
            } else {
                Some(i + 1)
            }
        }
        Newline::Translate | Newline::Lf => text.iter().position(|&c| c == b'\n').map(|i| i + 1),
        Newline::Cr => text.iter().position(|&c| c == b'\r').map(|i| i + 1),
        Newline::CrLf => text.windows(2).position(|w| w == b"\r\n").map(|i| i + 2),
    }
}

/// Counts code points in generalized UTF-8.
pub fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

/// Byte length of the first `n` code points of `bytes` (or all of it).
pub fn chars_to_bytes(bytes: &[u8], n: usize) -> usize {
    let mut seen = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if (b & 0xC0) != 0x80 {
            if seen == n {
                return i;
            }
            seen += 1;
        }
    }
    bytes.len()
}

/// The `StringIO` payload.
pub struct StringIO {
    buf: PyCell<Vec<u8>>,
    chars: Cell<usize>,
    ascii: Cell<bool>,
    pos: Cell<usize>,
    /// (code point, byte offset) of a known position, for non-ASCII text.
    cursor: Cell<(usize, usize)>,
    closed: Cell<bool>,
    newline: Cell<Newline>,
    seen: Cell<u8>,
    dict: PyCell<Option<Py<Dict>>>,
}

crate::payload!(StringIO);

impl StringIO {
    fn new() -> StringIO {
        StringIO {
            buf: PyCell::new(Vec::new()),
            chars: Cell::new(0),
            ascii: Cell::new(true),
            pos: Cell::new(0),
            cursor: Cell::new((0, 0)),
            closed: Cell::new(false),
            newline: Cell::new(Newline::Lf),
            seen: Cell::new(0),
            dict: PyCell::new(None),
        }
    }

    /// The byte offset of code point `i` (at most the end).
    fn byte_at(&self, i: usize) -> usize {
        if self.ascii.get() {
            return i.min(self.chars.get());
        }
        let (c0, b0) = self.cursor.get();
        let (start_c, start_b) = if c0 <= i { (c0, b0) } else { (0, 0) };
        let off = self
            .buf
            .with(|b| start_b + chars_to_bytes(&b[start_b..], i - start_c));
        self.cursor.set((i.min(self.chars.get()), off));
        off
    }

    /// The whole value as bytes.
    fn value(&self) -> Vec<u8> {
        self.buf.with(|b| b.clone())
    }

    /// Writes already-translated text at the position.
    fn write_bytes(&self, text: &[u8]) {
        let n = count_chars(text);
        if n == 0 {
            return;
        }
        let pos = self.pos.get();
        let len = self.chars.get();
        if pos > len {
            self.buf
                .with_mut(|b| b.extend(std::iter::repeat_n(0u8, pos - len)));
            self.chars.set(pos);
        }
        let len = self.chars.get();
        if pos == len {
            self.buf.with_mut(|b| b.extend_from_slice(text));
        } else {
            let start = self.byte_at(pos);
            let end = self.byte_at((pos + n).min(len));
            self.buf.with_mut(|b| {
                b.splice(start..end, text.iter().copied());
            });
            self.cursor.set((0, 0));
        }
        let overwritten = len.min(pos + n) - pos;
        self.chars.set(len + n - overwritten);
        if self.ascii.get() && !text.is_ascii() {
            self.ascii.set(false);
            self.cursor.set((0, 0));
        }
        self.pos.set(pos + n);
    }

    /// Translates a written string per the newline mode.
    fn translate_write(&self, text: &[u8]) -> Option<Vec<u8>> {
        match self.newline.get() {
            Newline::Translate | Newline::Universal => {
                let mut seen = self.seen.get();
                let out =
                    decode_newlines(text, self.newline.get() == Newline::Translate, &mut seen);
                self.seen.set(seen);
                out
            }
            Newline::Cr | Newline::CrLf if text.contains(&b'\n') => {
                let nl = self.newline.get().literal();
                let mut out = Vec::with_capacity(text.len() + 8);
                for &c in text {
                    if c == b'\n' {
                        out.extend_from_slice(nl);
                    } else {
                        out.push(c);
                    }
                }
                Some(out)
            }
            _ => None,
        }
    }

    /// Writes a str, returning its length in code points.
    pub fn write_str(&self, s: &Str) -> usize {
        match self.translate_write(s.as_bytes()) {
            Some(t) => self.write_bytes(&t),
            None => self.write_bytes(s.as_bytes()),
        }
        s.char_len()
    }

    /// Writes generalized UTF-8 text (from `print`), failing on a closed stream.
    pub fn write_wtf8_checked(&self, vm: &Vm, text: &[u8]) -> PyResult<()> {
        if self.closed.get() {
            return Err(vm.new_value_error("I/O operation on closed file"));
        }
        match self.translate_write(text) {
            Some(t) => self.write_bytes(&t),
            None => self.write_bytes(text),
        }
        Ok(())
    }

    fn read_chars(&self, n: i64) -> Vec<u8> {
        let pos = self.pos.get();
        let len = self.chars.get();
        if pos >= len {
            return Vec::new();
        }
        let end = if n < 0 {
            len
        } else {
            len.min(pos.saturating_add(n as usize))
        };
        let (a, b) = (self.byte_at(pos), self.byte_at(end));
        self.pos.set(end);
        self.buf.with(|buf| buf[a..b].to_vec())
    }

    fn readline_bytes(&self, limit: i64) -> Vec<u8> {
        let pos = self.pos.get();
        let len = self.chars.get();
        if pos >= len {
            return Vec::new();
        }
        let start = self.byte_at(pos);
        let line = self.buf.with(|b| {
            let rest = &b[start..];
            let end = find_line_end(rest, self.newline.get()).unwrap_or(rest.len());
            rest[..end].to_vec()
        });
        let mut n = if self.ascii.get() {
            line.len()
        } else {
            count_chars(&line)
        };
        let line = if limit >= 0 && (limit as usize) < n {
            n = limit as usize;
            let cut = chars_to_bytes(&line, n);
            line[..cut].to_vec()
        } else {
            line
        };
        self.pos.set(pos + n);
        line
    }
}

fn this<'a>(vm: &Vm, args: &Args<'a>, fname: &str) -> PyResult<(&'a Py<StringIO>, Args<'a>)> {
    vm.method_self::<StringIO>(*args, fname, "_io.StringIO")
}

fn open_this<'a>(vm: &Vm, args: &Args<'a>, fname: &str) -> PyResult<(&'a Py<StringIO>, Args<'a>)> {
    let (s, rest) = this(vm, args, fname)?;
    if s.closed.get() {
        return Err(vm.new_value_error("I/O operation on closed file"));
    }
    Ok((s, rest))
}

fn text_value(vm: &Vm, bytes: &[u8]) -> Value {
    vm.new_str_wtf8(Wtf8::from_bytes_unchecked(bytes)).into()
}

fn s_new(vm: &Vm, cls: &Py<Type>, _args: Args<'_>) -> PyResult<Value> {
    vm.alloc_instance(cls, StringIO::new())
}

fn s_init(vm: &Vm, v: &Value, args: Args<'_>) -> PyResult<()> {
    let [initial, newline] = args.bind(vm, "StringIO", ["initial_value", "newline"], 0, 0)?;
    let s = v
        .downcast::<StringIO>()
        .ok_or_else(|| vm.new_type_error("StringIO.__init__ needs a StringIO"))?;
    if let Some(nl) = newline
        && !nl.is_none()
        && nl.downcast::<Str>().is_none()
    {
        return Err(vm.new_type_error(format!(
            "newline must be str or None, not {}",
            vm.type_name(nl)
        )));
    }
    let mode = Newline::parse(vm, newline, Newline::Lf)?;
    let initial = match initial {
        None => None,
        Some(x) if x.is_none() => None,
        Some(x) => match x.downcast::<Str>() {
            Some(st) => Some(st.clone()),
            None => {
                return Err(vm.new_type_error(format!(
                    "initial_value must be str or None, not {}",
                    vm.type_name(x)
                )));
            }
        },
    };
    s.buf.with_mut(Vec::clear);
    s.chars.set(0);
    s.ascii.set(true);
    s.pos.set(0);
    s.cursor.set((0, 0));
    s.closed.set(false);
    s.newline.set(mode);
    s.seen.set(0);
    if let Some(init) = initial {
        s.write_str(&init);
        s.pos.set(0);
    }
    Ok(())
}

fn s_write(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = open_this(vm, &args, "write")?;
    let v = rest.one(vm, "write")?;
    let Some(text) = v.downcast::<Str>() else {
        return Err(vm.new_type_error(format!(
            "string argument expected, got '{}'",
            vm.type_name(v)
        )));
    };
    Ok(Value::Int(s.write_str(text) as i64))
}

fn s_read(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = open_this(vm, &args, "read")?;
    let vals = rest.range(vm, "read", 0, 1)?;
    let n = size_arg(vm, vals.first())?;
    Ok(text_value(vm, &s.read_chars(n)))
}

fn s_readline(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = open_this(vm, &args, "readline")?;
    let vals = rest.range(vm, "readline", 0, 1)?;
    let n = size_arg(vm, vals.first())?;
    Ok(text_value(vm, &s.readline_bytes(n)))
}

fn s_iternext(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let Some(s) = v.downcast::<StringIO>() else {
        return Err(vm.new_type_error("expected StringIO"));
    };
    if !v.class(vm).is(&vm.io().string_io) {
        let line = vm.call_method(v, &vm.names.readline, &[])?;
        let Some(l) = line.downcast::<Str>() else {
            return Err(vm.new_os_error(format!(
                "readline() should have returned a str object, not '{}'",
                vm.type_name(&line)
            )));
        };
        return Ok((l.char_len() > 0).then_some(line));
    }
    if s.closed.get() {
        return Err(vm.new_value_error("I/O operation on closed file"));
    }
    let line = s.readline_bytes(-1);
    Ok((!line.is_empty()).then(|| text_value(vm, &line)))
}

fn s_getvalue(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = open_this(vm, &args, "getvalue")?;
    rest.none(vm, "getvalue")?;
    Ok(text_value(vm, &s.value()))
}

fn s_tell(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = open_this(vm, &args, "tell")?;
    rest.none(vm, "tell")?;
    Ok(Value::Int(s.pos.get() as i64))
}

fn s_seek(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = this(vm, &args, "seek")?;
    let vals = rest.range(vm, "seek", 1, 2)?;
    let pos = vm.index_value(&vals[0])?;
    let whence = match vals.get(1) {
        Some(w) => vm.index_value(w)?,
        None => 0,
    };
    check_whence(vm, whence, true)?;
    if s.closed.get() {
        return Err(vm.new_value_error("I/O operation on closed file"));
    }
    if pos < 0 && whence == 0 {
        return Err(vm.new_value_error(format!("Negative seek position {pos}")));
    }
    if whence != 0 && pos != 0 {
        return Err(vm.new_os_error(if whence == 1 {
            "Can't do nonzero cur-relative seeks"
        } else {
            "Can't do nonzero end-relative seeks"
        }));
    }
    let new = match whence {
        0 => pos as usize,
        1 => s.pos.get(),
        _ => s.chars.get(),
    };
    s.pos.set(new);
    Ok(Value::Int(new as i64))
}

fn s_truncate(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = open_this(vm, &args, "truncate")?;
    let vals = rest.range(vm, "truncate", 0, 1)?;
    let size = match vals.first() {
        None | Some(Value::None) => s.pos.get() as i64,
        Some(v) => vm.index_value(v)?,
    };
    if size < 0 {
        return Err(vm.new_value_error(format!("Negative size value {size}")));
    }
    let size = size as usize;
    if size < s.chars.get() {
        let cut = s.byte_at(size);
        s.buf.with_mut(|b| b.truncate(cut));
        s.chars.set(size);
        s.cursor.set((0, 0));
    }
    Ok(Value::Int(size as i64))
}

fn s_close(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, _) = this(vm, &args, "close")?;
    s.closed.set(true);
    drop(s.buf.replace(Vec::new()));
    Ok(Value::None)
}

fn s_true(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let _ = open_this(vm, &args, "readable")?;
    Ok(Value::Bool(true))
}

fn s_detach(vm: &Vm, _args: Args<'_>) -> PyResult<Value> {
    Err(unsupported(vm, "detach"))
}

fn get_this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<StringIO>> {
    v.downcast::<StringIO>()
        .ok_or_else(|| vm.new_type_error("expected a StringIO"))
}

fn g_closed(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(Value::Bool(get_this(vm, v)?.closed.get()))
}

fn g_line_buffering(vm: &Vm, v: &Value) -> PyResult<Value> {
    let s = get_this(vm, v)?;
    if s.closed.get() {
        return Err(vm.new_value_error("I/O operation on closed file"));
    }
    Ok(Value::Bool(false))
}

fn g_newlines(vm: &Vm, v: &Value) -> PyResult<Value> {
    let s = get_this(vm, v)?;
    if s.closed.get() {
        return Err(vm.new_value_error("I/O operation on closed file"));
    }
    Ok(match s.newline.get() {
        Newline::Translate | Newline::Universal => newlines_value(vm, s.seen.get()),
        _ => Value::None,
    })
}

fn dictptr(v: &Value) -> Option<&PyCell<Option<Py<Dict>>>> {
    v.downcast::<StringIO>().map(|s| &s.dict)
}

/// Fills in `StringIO`.
pub(super) fn init(vm: &Vm, t: &Py<Type>) {
    t.slots.new.set(Some(s_new));
    t.slots.init.set(Some(s_init));
    t.slots.iternext.set(Some(s_iternext));
    t.slots.dictptr.set(Some(dictptr));
    vm.add_methods(
        t,
        &[
            ("write", s_write),
            ("read", s_read),
            ("readline", s_readline),
            ("getvalue", s_getvalue),
            ("tell", s_tell),
            ("seek", s_seek),
            ("truncate", s_truncate),
            ("close", s_close),
            ("readable", s_true),
            ("writable", s_true),
            ("seekable", s_true),
            ("detach", s_detach),
        ],
    );
    vm.add_getset(t, "closed", g_closed, None);
    vm.add_getset(t, "line_buffering", g_line_buffering, None);
    vm.add_getset(t, "newlines", g_newlines, None);
}
