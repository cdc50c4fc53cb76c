//! The JSON decoder: CPython's C scanner behaviour (grammar, error messages and their
//! positions, hooks, constants, strict control characters) over the generalized UTF-8
//! bytes of the document. Errors report positions in code points, as CPython's do.

use crate::object::Value;
use crate::runtime::Vm;
use crate::text::wtf8::Wtf8;
use crate::types::str::Str;

/// The decoder's settings (a `JSONDecoder`'s attributes).
#[derive(Default)]
pub struct Options {
    /// Called with each decoded object's dict.
    pub object_hook: Option<Value>,
    /// Called with each decoded object's list of pairs (wins over `object_hook`).
    pub object_pairs_hook: Option<Value>,
    /// Called with the text of floats (`None`: `float`).
    pub parse_float: Option<Value>,
    /// Called with the text of ints (`None`: `int`).
    pub parse_int: Option<Value>,
    /// Called with `NaN`, `Infinity`, `-Infinity` (`None`: the float values).
    pub parse_constant: Option<Value>,
    /// Reject control characters in strings.
    pub strict: bool,
}

/// A decoding failure before it becomes a `JSONDecodeError`: message and byte offset.
pub enum Fail {
    /// A Python exception (from a hook, or a `RecursionError`).
    Py(crate::runtime::PyErr),
    /// A syntax error at a byte offset.
    At(&'static str, usize),
}

impl From<crate::runtime::PyErr> for Fail {
    fn from(e: crate::runtime::PyErr) -> Fail {
        Fail::Py(e)
    }
}

type R<T> = Result<T, Fail>;

/// The decoder over one document.
pub struct Decoder<'a> {
    vm: &'a Vm,
    s: &'a [u8],
    opts: &'a Options,
    depth: usize,
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

fn hex4(s: &[u8]) -> Option<u32> {
    if s.len() < 4 {
        return None;
    }
    let mut v = 0u32;
    for &c in &s[..4] {
        v = v * 16 + (c as char).to_digit(16)?;
    }
    Some(v)
}

impl<'a> Decoder<'a> {
    /// A decoder over `s` (the document's generalized UTF-8).
    pub fn new(vm: &'a Vm, s: &'a [u8], opts: &'a Options) -> Decoder<'a> {
        Decoder {
            vm,
            s,
            opts,
            depth: 0,
        }
    }

    /// The offset of the first non-whitespace byte at or after `i`.
    pub fn skip_ws(&self, mut i: usize) -> usize {
        while i < self.s.len() && is_ws(self.s[i]) {
            i += 1;
        }
        i
    }

    /// Decodes one value at `i`: `Ok(Err(i))` when no value starts there (CPython's
    /// `StopIteration(i)`).
    pub fn scan_once(&mut self, i: usize) -> R<Result<(Value, usize), usize>> {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.scan_inner(i))
    }

    fn starts(&self, i: usize, lit: &[u8]) -> bool {
        self.s.get(i..i + lit.len()) == Some(lit)
    }

    fn scan_inner(&mut self, i: usize) -> R<Result<(Value, usize), usize>> {
        let Some(&c) = self.s.get(i) else {
            return Ok(Err(i));
        };
        Ok(Ok(match c {
            b'"' => self.scan_string(i + 1)?,
            b'{' => self.nested(i, true)?,
            b'[' => self.nested(i, false)?,
            b'n' if self.starts(i, b"null") => (Value::None, i + 4),
            b't' if self.starts(i, b"true") => (Value::Bool(true), i + 4),
            b'f' if self.starts(i, b"false") => (Value::Bool(false), i + 5),
            b'N' if self.starts(i, b"NaN") => (self.constant("NaN", f64::NAN)?, i + 3),
            b'I' if self.starts(i, b"Infinity") => {
                (self.constant("Infinity", f64::INFINITY)?, i + 8)
            }
            b'-' if self.starts(i, b"-Infinity") => {
                (self.constant("-Infinity", f64::NEG_INFINITY)?, i + 9)
            }
            b'-' | b'0'..=b'9' => match self.number(i)? {
                Some(r) => r,
                None => return Ok(Err(i)),
            },
            _ => return Ok(Err(i)),
        }))
    }

    fn constant(&self, name: &str, value: f64) -> R<Value> {
        match &self.opts.parse_constant {
            Some(f) => Ok(self.vm.call_pos(f, &[self.vm.new_str(name).into()])?),
            None => Ok(self.vm.new_float(value)),
        }
    }

    fn number(&self, start: usize) -> R<Option<(Value, usize)>> {
        let s = self.s;
        let n = s.len();
        let mut i = start;
        if s[i] == b'-' {
            i += 1;
            if i >= n {
                return Ok(None);
            }
        }
        match s[i] {
            b'1'..=b'9' => {
                i += 1;
                while i < n && s[i].is_ascii_digit() {
                    i += 1;
                }
            }
            b'0' => i += 1,
            _ => return Ok(None),
        }
        let mut is_float = false;
        if i + 1 < n && s[i] == b'.' && s[i + 1].is_ascii_digit() {
            is_float = true;
            i += 2;
            while i < n && s[i].is_ascii_digit() {
                i += 1;
            }
        }
        if i + 1 < n && (s[i] == b'e' || s[i] == b'E') {
            let e_start = i;
            i += 1;
            if i + 1 < n && (s[i] == b'-' || s[i] == b'+') {
                i += 1;
            }
            let digits = i;
            while i < n && s[i].is_ascii_digit() {
                i += 1;
            }
            if i > digits {
                is_float = true;
            } else {
                i = e_start;
            }
        }
        // The number's bytes are ASCII.
        let text = std::str::from_utf8(&s[start..i]).unwrap_or("0");
        let vm = self.vm;
        let value = if is_float {
            match &self.opts.parse_float {
                Some(f) => vm.call_pos(f, &[vm.new_str(text).into()])?,
                None => vm.new_float(text.parse::<f64>().unwrap_or(f64::NAN)),
            }
        } else {
            match &self.opts.parse_int {
                Some(f) => vm.call_pos(f, &[vm.new_str(text).into()])?,
                None => match text.parse::<i64>() {
                    Ok(v) => Value::Int(v),
                    Err(_) => {
                        let int: Value = vm.types.int.clone().into();
                        vm.call_pos(&int, &[vm.new_str(text).into()])?
                    }
                },
            }
        };
        Ok(Some((value, i)))
    }

    /// Decodes a string whose opening quote is just before `i`.
    pub fn scan_string(&self, i: usize) -> R<(Value, usize)> {
        let s = self.s;
        let begin = i - 1;
        let mut out: Vec<u8> = Vec::new();
        let mut j = i;
        loop {
            let start = j;
            while j < s.len() && s[j] != b'"' && s[j] != b'\\' && s[j] >= 0x20 {
                j += 1;
            }
            if j >= s.len() {
                return Err(Fail::At("Unterminated string starting at", begin));
            }
            out.extend_from_slice(&s[start..j]);
            let c = s[j];
            if c == b'"' {
                j += 1;
                break;
            }
            if c != b'\\' {
                if self.opts.strict {
                    return Err(Fail::At("Invalid control character at", j));
                }
                out.push(c);
                j += 1;
                continue;
            }
            let Some(&esc) = s.get(j + 1) else {
                return Err(Fail::At("Unterminated string starting at", begin));
            };
            let simple = match esc {
                b'"' => Some(b'"'),
                b'\\' => Some(b'\\'),
                b'/' => Some(b'/'),
                b'b' => Some(0x08),
                b'f' => Some(0x0c),
                b'n' => Some(b'\n'),
                b'r' => Some(b'\r'),
                b't' => Some(b'\t'),
                _ => None,
            };
            if let Some(ch) = simple {
                out.push(ch);
                j += 2;
                continue;
            }
            if esc != b'u' {
                return Err(Fail::At("Invalid \\escape", j));
            }
            let Some(mut cp) = hex4(&s[j + 2..]) else {
                return Err(Fail::At("Invalid \\uXXXX escape", j + 1));
            };
            j += 6;
            if (0xD800..=0xDBFF).contains(&cp)
                && s.get(j..j + 2) == Some(b"\\u")
                && let Some(lo) = hex4(&s[j + 2..])
                && (0xDC00..=0xDFFF).contains(&lo)
            {
                cp = 0x10000 + (((cp - 0xD800) << 10) | (lo - 0xDC00));
                j += 6;
            }
            let mut buf = crate::text::wtf8::Wtf8Buf::new();
            buf.push_code_point(cp);
            out.extend_from_slice(buf.as_wtf8().as_bytes());
        }
        let v = match std::str::from_utf8(&out) {
            Ok(text) => self.vm.new_str(text),
            Err(_) => self.vm.new_str_wtf8(Wtf8::from_bytes_unchecked(&out)),
        };
        Ok((v.into(), j))
    }

    fn nested(&mut self, i: usize, object: bool) -> R<(Value, usize)> {
        self.depth += 1;
        let limit = self.vm.recursion_limit() as usize;
        if self.depth + self.vm.exec.depth.get() as usize > limit {
            let what = if object { "object" } else { "array" };
            return Err(Fail::Py(self.vm.new_recursion_error(format!(
                "maximum recursion depth exceeded while decoding a JSON {what} from a unicode string"
            ))));
        }
        let r = if object {
            self.object(i + 1)
        } else {
            self.array(i + 1)
        };
        self.depth -= 1;
        r
    }

    fn value_at(&mut self, i: usize) -> R<(Value, usize)> {
        match self.scan_once(i)? {
            Ok(r) => Ok(r),
            Err(at) => Err(Fail::At("Expecting value", at)),
        }
    }

    fn object(&mut self, i: usize) -> R<(Value, usize)> {
        let vm = self.vm;
        let mut pairs: Vec<(Value, Value)> = Vec::new();
        let mut j = self.skip_ws(i);
        let end;
        if self.s.get(j) == Some(&b'}') {
            end = j + 1;
        } else {
            loop {
                if self.s.get(j) != Some(&b'"') {
                    return Err(Fail::At(
                        "Expecting property name enclosed in double quotes",
                        j,
                    ));
                }
                let (key, after) = self.scan_string(j + 1)?;
                j = self.skip_ws(after);
                if self.s.get(j) != Some(&b':') {
                    return Err(Fail::At("Expecting ':' delimiter", j));
                }
                j = self.skip_ws(j + 1);
                let (value, after) = self.value_at(j)?;
                pairs.push((key, value));
                j = self.skip_ws(after);
                match self.s.get(j) {
                    Some(b'}') => {
                        end = j + 1;
                        break;
                    }
                    Some(b',') => {
                        let comma = j;
                        j = self.skip_ws(j + 1);
                        if self.s.get(j) == Some(&b'}') {
                            return Err(Fail::At(
                                "Illegal trailing comma before end of object",
                                comma,
                            ));
                        }
                    }
                    _ => return Err(Fail::At("Expecting ',' delimiter", j)),
                }
            }
        }
        if let Some(hook) = &self.opts.object_pairs_hook {
            let list: Vec<Value> = pairs
                .into_iter()
                .map(|(k, v)| vm.new_tuple(vec![k, v]).into())
                .collect();
            return Ok((vm.call_pos(hook, &[vm.new_list(list).into()])?, end));
        }
        let d = vm.new_dict();
        for (k, v) in pairs {
            d.set_item(vm, k, v)?;
        }
        let result: Value = match &self.opts.object_hook {
            Some(hook) => vm.call_pos(hook, &[d.into()])?,
            None => d.into(),
        };
        Ok((result, end))
    }

    fn array(&mut self, i: usize) -> R<(Value, usize)> {
        let mut items = Vec::new();
        let mut j = self.skip_ws(i);
        if self.s.get(j) == Some(&b']') {
            return Ok((self.vm.new_list(items).into(), j + 1));
        }
        loop {
            let (value, after) = self.value_at(j)?;
            items.push(value);
            j = self.skip_ws(after);
            match self.s.get(j) {
                Some(b']') => return Ok((self.vm.new_list(items).into(), j + 1)),
                Some(b',') => {
                    let comma = j;
                    j = self.skip_ws(j + 1);
                    if self.s.get(j) == Some(&b']') {
                        return Err(Fail::At(
                            "Illegal trailing comma before end of array",
                            comma,
                        ));
                    }
                }
                _ => return Err(Fail::At("Expecting ',' delimiter", j)),
            }
        }
    }
}

/// The code-point index of byte offset `b` in `s`.
pub fn char_index(s: &Str, b: usize) -> usize {
    if s.is_ascii() {
        return b;
    }
    let bytes = s.as_bytes();
    crate::stdlib::io::stringio::count_chars(&bytes[..b.min(bytes.len())])
}
