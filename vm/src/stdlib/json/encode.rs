//! The JSON encoder: CPython's `c_make_encoder` behaviour (separators, indentation, key
//! coercion and sorting, `default`, circular-reference markers, `allow_nan`) writing into
//! one generalized-UTF-8 buffer.

use std::collections::HashSet;

use crate::object::Value;
use crate::runtime::{PyResult, Vm};
use crate::types::dict::Dict;
use crate::types::float::Float;
use crate::types::list::List;
use crate::types::str::Str;
use crate::types::tuple::Tuple;

/// The encoder's settings (a `JSONEncoder`'s attributes).
pub struct Options {
    /// Skip keys that are not str/int/float/bool/None instead of raising.
    pub skipkeys: bool,
    /// Escape every non-ASCII character.
    pub ensure_ascii: bool,
    /// Detect reference cycles.
    pub check_circular: bool,
    /// Emit `NaN`/`Infinity` instead of raising.
    pub allow_nan: bool,
    /// Sort dict items by key.
    pub sort_keys: bool,
    /// The indentation unit, when pretty-printing.
    pub indent: Option<Vec<u8>>,
    /// Between items.
    pub item_sep: Vec<u8>,
    /// Between a key and its value.
    pub key_sep: Vec<u8>,
    /// Called for objects that are not JSON types.
    pub default: Option<Value>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            skipkeys: false,
            ensure_ascii: true,
            check_circular: true,
            allow_nan: true,
            sort_keys: false,
            indent: None,
            item_sep: b", ".to_vec(),
            key_sep: b": ".to_vec(),
            default: None,
        }
    }
}

const HEX: &[u8; 16] = b"0123456789abcdef";

fn push_u16(out: &mut Vec<u8>, c: u32) {
    out.extend_from_slice(b"\\u");
    for shift in [12, 8, 4, 0] {
        out.push(HEX[((c >> shift) & 0xF) as usize]);
    }
}

/// Appends `s` (generalized UTF-8) as a JSON string literal.
pub fn encode_string(out: &mut Vec<u8>, s: &[u8], ensure_ascii: bool) {
    out.push(b'"');
    let mut i = 0;
    while i < s.len() {
        let b = s[i];
        if b < 0x80 {
            match b {
                b'"' => out.extend_from_slice(b"\\\""),
                b'\\' => out.extend_from_slice(b"\\\\"),
                b'\n' => out.extend_from_slice(b"\\n"),
                b'\r' => out.extend_from_slice(b"\\r"),
                b'\t' => out.extend_from_slice(b"\\t"),
                0x08 => out.extend_from_slice(b"\\b"),
                0x0c => out.extend_from_slice(b"\\f"),
                0..=0x1f => push_u16(out, u32::from(b)),
                0x7f if ensure_ascii => push_u16(out, 0x7f),
                _ => out.push(b),
            }
            i += 1;
            continue;
        }
        let len = match b {
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        }
        .min(s.len() - i);
        if !ensure_ascii {
            out.extend_from_slice(&s[i..i + len]);
        } else {
            let mut cp = u32::from(b) & (0xFF >> (len + 1));
            for &c in &s[i + 1..i + len] {
                cp = (cp << 6) | u32::from(c & 0x3F);
            }
            if cp >= 0x10000 {
                let v = cp - 0x10000;
                push_u16(out, 0xD800 | (v >> 10));
                push_u16(out, 0xDC00 | (v & 0x3FF));
            } else {
                push_u16(out, cp);
            }
        }
        i += len;
    }
    out.push(b'"');
}

/// The encoder state for one `encode` call.
pub struct Encoder<'a> {
    vm: &'a Vm,
    opts: &'a Options,
    /// The output so far.
    pub out: Vec<u8>,
    /// Containers being encoded, by address (fixed hasher: runs stay deterministic).
    markers: HashSet<usize, crate::compile::hash::FxBuild>,
    depth: usize,
}

impl<'a> Encoder<'a> {
    /// A fresh encoder.
    pub fn new(vm: &'a Vm, opts: &'a Options) -> Encoder<'a> {
        Encoder {
            vm,
            opts,
            out: Vec::new(),
            markers: HashSet::default(),
            depth: 0,
        }
    }

    fn float_text(&self, v: &Value, f: f64) -> PyResult<Vec<u8>> {
        if f.is_finite() {
            return Ok(crate::text::float_repr::float_repr(f).into_bytes());
        }
        if !self.opts.allow_nan {
            let shown = crate::text::float_repr::float_repr(f);
            let _ = v;
            return Err(self.vm.new_value_error(format!(
                "Out of range float values are not JSON compliant: {shown}"
            )));
        }
        Ok(if f.is_nan() {
            b"NaN".to_vec()
        } else if f > 0.0 {
            b"Infinity".to_vec()
        } else {
            b"-Infinity".to_vec()
        })
    }

    fn int_text(&self, v: &Value) -> PyResult<Option<Vec<u8>>> {
        match crate::types::int::as_int(v) {
            Some(crate::types::int::IntRef::Small(i)) => Ok(Some(i.to_string().into_bytes())),
            Some(crate::types::int::IntRef::Big(b)) => {
                let as_int = self.vm.new_int(b.clone());
                Ok(Some(self.vm.repr(&as_int)?.as_bytes().to_vec()))
            }
            None => Ok(None),
        }
    }

    fn float_of(v: &Value) -> Option<f64> {
        match v {
            Value::Float(f) => Some(*f),
            _ => v.downcast::<Float>().map(|f| f.value),
        }
    }

    fn newline(&mut self, level: usize) {
        if let Some(unit) = &self.opts.indent {
            self.out.push(b'\n');
            for _ in 0..level {
                self.out.extend_from_slice(unit);
            }
        }
    }

    fn enter(&mut self, v: &Value) -> PyResult<Option<usize>> {
        self.depth += 1;
        let limit = self.vm.recursion_limit() as usize;
        if self.depth + self.vm.exec.depth.get() as usize > limit {
            return Err(self.vm.new_recursion_error(
                "maximum recursion depth exceeded while encoding a JSON object",
            ));
        }
        if !self.opts.check_circular {
            return Ok(None);
        }
        let id = v.as_obj().map_or(0, |o| o.addr());
        if !self.markers.insert(id) {
            return Err(self.vm.new_value_error("Circular reference detected"));
        }
        Ok(Some(id))
    }

    fn leave(&mut self, marker: Option<usize>) {
        self.depth -= 1;
        if let Some(id) = marker {
            self.markers.remove(&id);
        }
    }

    /// Encodes `v` at nesting `level`.
    pub fn encode(&mut self, v: &Value, level: usize) -> PyResult<()> {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.encode_inner(v, level))
    }

    fn encode_inner(&mut self, v: &Value, level: usize) -> PyResult<()> {
        match v {
            Value::None => {
                self.out.extend_from_slice(b"null");
                return Ok(());
            }
            Value::Bool(b) => {
                self.out
                    .extend_from_slice(if *b { b"true" } else { b"false" });
                return Ok(());
            }
            _ => {}
        }
        if let Some(s) = v.downcast::<Str>() {
            encode_string(&mut self.out, s.as_bytes(), self.opts.ensure_ascii);
            return Ok(());
        }
        if let Some(t) = self.int_text(v)? {
            self.out.extend_from_slice(&t);
            return Ok(());
        }
        if let Some(f) = Self::float_of(v) {
            let t = self.float_text(v, f)?;
            self.out.extend_from_slice(&t);
            return Ok(());
        }
        if let Some(l) = v.downcast::<List>() {
            let items = l.to_vec();
            return self.encode_array(v, &items, level);
        }
        if let Some(t) = v.downcast::<Tuple>() {
            let items = t.as_slice().to_vec();
            return self.encode_array(v, &items, level);
        }
        if v.downcast::<Dict>().is_some() {
            return self.encode_dict(v, level);
        }
        let marker = self.enter(v)?;
        let replacement = match &self.opts.default {
            Some(f) => self.vm.call_pos(f, std::slice::from_ref(v))?,
            None => return Err(not_serializable(self.vm, v)),
        };
        self.encode(&replacement, level)?;
        self.leave(marker);
        Ok(())
    }

    fn encode_array(&mut self, v: &Value, items: &[Value], level: usize) -> PyResult<()> {
        if items.is_empty() {
            self.out.extend_from_slice(b"[]");
            return Ok(());
        }
        let marker = self.enter(v)?;
        self.out.push(b'[');
        self.newline(level + 1);
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.out.extend_from_slice(&self.opts.item_sep);
                self.newline(level + 1);
            }
            self.encode(item, level + 1)?;
        }
        self.newline(level);
        self.out.push(b']');
        self.leave(marker);
        Ok(())
    }

    fn key_text(&self, key: &Value) -> PyResult<Option<Vec<u8>>> {
        if let Some(s) = key.downcast::<Str>() {
            let mut out = Vec::with_capacity(s.as_bytes().len() + 2);
            encode_string(&mut out, s.as_bytes(), self.opts.ensure_ascii);
            return Ok(Some(out));
        }
        let bare: Option<Vec<u8>> = if let Some(f) = Self::float_of(key) {
            Some(self.float_text(key, f)?)
        } else {
            match key {
                Value::Bool(true) => Some(b"true".to_vec()),
                Value::Bool(false) => Some(b"false".to_vec()),
                Value::None => Some(b"null".to_vec()),
                _ => self.int_text(key)?,
            }
        };
        match bare {
            Some(b) => {
                let mut out = Vec::with_capacity(b.len() + 2);
                out.push(b'"');
                out.extend_from_slice(&b);
                out.push(b'"');
                Ok(Some(out))
            }
            None if self.opts.skipkeys => Ok(None),
            None => Err(self.vm.new_type_error(format!(
                "keys must be str, int, float, bool or None, not {}",
                self.vm.type_name(key)
            ))),
        }
    }

    fn dict_items(&self, v: &Value) -> PyResult<Vec<(Value, Value)>> {
        let vm = self.vm;
        let mut items = match v.downcast::<Dict>() {
            Some(d) if v.class(vm).is(&vm.types.dict) => d.items(),
            _ => {
                let it = vm.call_method(v, &vm.intern("items"), &[])?;
                let mut out = Vec::new();
                for pair in vm.collect(&it)? {
                    let kv = vm.collect(&pair)?;
                    if kv.len() != 2 {
                        return Err(vm.new_value_error("items must return 2-tuples"));
                    }
                    out.push((kv[0].clone(), kv[1].clone()));
                }
                out
            }
        };
        if self.opts.sort_keys {
            let tuples: Vec<Value> = items
                .iter()
                .map(|(k, x)| vm.new_tuple(vec![k.clone(), x.clone()]).into())
                .collect();
            let list: Value = vm.new_list(tuples).into();
            vm.call_method(&list, &vm.intern("sort"), &[])?;
            items = vm
                .collect(&list)?
                .iter()
                .filter_map(|t| {
                    t.downcast::<Tuple>()
                        .map(|t| (t.as_slice()[0].clone(), t.as_slice()[1].clone()))
                })
                .collect();
        }
        Ok(items)
    }

    fn encode_dict(&mut self, v: &Value, level: usize) -> PyResult<()> {
        let is_empty = match v.downcast::<Dict>() {
            Some(d) => d.is_empty(),
            None => false,
        };
        if is_empty {
            self.out.extend_from_slice(b"{}");
            return Ok(());
        }
        let marker = self.enter(v)?;
        let items = self.dict_items(v)?;
        self.out.push(b'{');
        self.newline(level + 1);
        let mut first = true;
        for (k, x) in &items {
            let Some(key) = self.key_text(k)? else {
                continue;
            };
            if !first {
                self.out.extend_from_slice(&self.opts.item_sep);
                self.newline(level + 1);
            }
            first = false;
            self.out.extend_from_slice(&key);
            self.out.extend_from_slice(&self.opts.key_sep);
            self.encode(x, level + 1)?;
        }
        self.newline(level);
        self.out.push(b'}');
        self.leave(marker);
        Ok(())
    }
}

/// `TypeError: Object of type X is not JSON serializable`.
pub fn not_serializable(vm: &Vm, v: &Value) -> crate::runtime::PyErr {
    vm.new_type_error(format!(
        "Object of type {} is not JSON serializable",
        vm.type_name(v)
    ))
}

#[cfg(test)]
mod tests {
    use super::encode_string;

    fn enc(s: &str, ascii: bool) -> String {
        let mut out = Vec::new();
        encode_string(&mut out, s.as_bytes(), ascii);
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn escapes_like_cpython() {
        assert_eq!(
            enc("a\"b\\c\n\t\u{8}\u{c}\r", true),
            r#""a\"b\\c\n\t\b\f\r""#
        );
        assert_eq!(enc("\u{0}\u{1f}\u{7f}", true), r#""\u0000\u001f\u007f""#);
        assert_eq!(enc("\u{7f}", false), "\"\u{7f}\"");
        assert_eq!(enc("é✓🐍", true), r#""\u00e9\u2713\ud83d\udc0d""#);
        assert_eq!(enc("é✓🐍", false), "\"é✓🐍\"");
    }
}
