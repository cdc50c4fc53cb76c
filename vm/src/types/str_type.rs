//! The `str` type object: slots (indexing and slicing by code point, concatenation,
//! comparison, hashing, repr) and the methods real programs use.

use crate::object::{CompareOp, Py, Type, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::text::wtf8::{Wtf8, Wtf8Buf};

use super::str::Str;
use super::str_case::{
    m_capitalize, m_casefold, m_isalnum, m_isalpha, m_isdecimal, m_isdigit, m_islower, m_isnumeric,
    m_isspace, m_istitle, m_isupper, m_lower, m_swapcase, m_title, m_upper, predicate,
};

impl Vm {
    /// The one-character string for code point `cp` (ASCII ones are interned).
    pub fn char_str(&self, cp: u32) -> Py<Str> {
        if cp < 128 {
            let c = [cp as u8];
            let s = std::str::from_utf8(&c).unwrap_or("");
            return self.intern(s);
        }
        let mut b = Wtf8Buf::with_capacity(4);
        b.push_code_point(cp);
        self.new_str_buf(b)
    }

    /// A str value from code points.
    pub fn str_from_cps(&self, cps: &[u32]) -> Py<Str> {
        let mut b = Wtf8Buf::with_capacity(cps.len());
        for &c in cps {
            b.push_code_point(c);
        }
        self.new_str_buf(b)
    }
}

pub use super::str_case::is_space;

fn cps(s: &Str) -> Vec<u32> {
    s.code_points().collect()
}

fn this<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<Str>> {
    v.downcast::<Str>().ok_or_else(|| {
        vm.new_type_error(format!(
            "descriptor requires a 'str' object but received a '{}'",
            vm.type_name(v)
        ))
    })
}

fn str_arg<'a>(vm: &Vm, v: &'a Value, what: &str) -> PyResult<&'a Py<Str>> {
    v.downcast::<Str>()
        .ok_or_else(|| vm.new_type_error(format!("{what} must be str, not {}", vm.type_name(v))))
}

fn str_len(vm: &Vm, v: &Value) -> PyResult<usize> {
    Ok(this(vm, v)?.char_len())
}

fn str_hash(vm: &Vm, v: &Value) -> PyResult<i64> {
    Ok(this(vm, v)?.hash())
}

fn str_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let s = this(vm, v)?;
    let mut out = String::with_capacity(s.as_bytes().len() + 2);
    crate::text::repr::write_str_repr(&mut out, s.as_wtf8());
    Ok(vm.new_str(&out).into())
}

fn str_str(vm: &Vm, v: &Value) -> PyResult<Value> {
    let s = this(vm, v)?;
    if v.class(vm).is(&vm.types.str) {
        return Ok(v.clone());
    }
    Ok(vm.new_str_wtf8(s.as_wtf8()).into())
}

fn str_richcompare(vm: &Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.downcast::<Str>(), b.downcast::<Str>()) else {
        return Ok(vm.not_implemented());
    };
    Ok(Value::Bool(op.test(x.as_bytes().cmp(y.as_bytes()))))
}

fn str_getitem(vm: &Vm, v: &Value, key: &Value) -> PyResult<Value> {
    let s = this(vm, v)?;
    if let Some(slice) = key.downcast::<super::slice::Slice>() {
        let ix = slice.indices(vm, s.char_len())?;
        if ix.step == 1 {
            let start = ix.start.max(0) as usize;
            let end = (start + ix.len).min(s.char_len());
            return Ok(vm.new_str_wtf8(s.slice_chars(start, end)).into());
        }
        let all = cps(s);
        let picked: Vec<u32> = ix.iter().map(|i| all[i]).collect();
        return Ok(vm.str_from_cps(&picked).into());
    }
    let i = vm.index_for(key, "string")?;
    let n = s.char_len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.new_index_error("string index out of range"));
    }
    Ok(vm.char_str(s.char_at(j as usize)).into())
}

fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

/// The bytes of code points `start..end` of `s` (`start <= end <= len`). Searches run on
/// these bytes: every code point is encoded on its own (generalized UTF-8), and an encoded
/// needle starts with a lead byte, so a byte match is a code point match.
fn byte_window(s: &Str, start: usize, end: usize) -> &[u8] {
    s.slice_chars(start, end).as_bytes()
}

/// The number of code points in whole-code-point bytes `b` of `s`.
fn cp_count(s: &Str, b: &[u8]) -> usize {
    if s.is_ascii() {
        b.len()
    } else {
        b.iter().filter(|&&x| !(0x80..0xc0).contains(&x)).count()
    }
}

fn str_contains(vm: &Vm, v: &Value, item: &Value) -> PyResult<bool> {
    let s = this(vm, v)?;
    let Some(n) = item.downcast::<Str>() else {
        return Err(vm.new_type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            vm.type_name(item)
        )));
    };
    Ok(find_bytes(s.as_bytes(), n.as_bytes()).is_some())
}

fn str_iter(vm: &Vm, v: &Value) -> PyResult<Value> {
    Ok(super::iter::SeqIter::new_value(
        vm,
        &vm.types.str_iterator,
        v.clone(),
    ))
}

fn str_concat(vm: &Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let x = this(vm, a)?;
    let Some(y) = b.downcast::<Str>() else {
        return Err(vm.new_type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            vm.type_name(b)
        )));
    };
    if y.char_len() == 0 && a.class(vm).is(&vm.types.str) {
        return Ok(a.clone());
    }
    if x.char_len() == 0 && b.class(vm).is(&vm.types.str) {
        return Ok(b.clone());
    }
    Ok(crate::object::core::alloc(&vm.types.str, Str::concat(x, y)).into())
}

/// Whether `a + b` may use [`concat_owned`]: both operands are exact strs.
#[inline]
pub(crate) fn both_exact_str(vm: &Vm, a: &Value, b: &Value) -> bool {
    let is_str = |v: &Value| v.as_obj().is_some_and(|o| o.ty().is(&vm.types.str));
    is_str(a) && is_str(b)
}

/// `a + b` for two exact strs, consuming `a`: when `a` is the only reference to its object
/// (the eval loop dropped the local it is stored back into) and not interned, `b` is
/// appended in place. `s += t` in a loop is then linear, as in CPython.
pub(crate) fn concat_owned(vm: &Vm, a: Value, b: &Value) -> PyResult<Value> {
    let (Value::Obj(a), Some(y)) = (a, b.downcast::<Str>()) else {
        return Err(vm.new_system_error("concat_owned: operands are not strs"));
    };
    let mut a = match a.into_downcast::<Str>() {
        Ok(a) => a,
        Err(a) => return str_concat(vm, &Value::Obj(a), b),
    };
    if let Some(x) = a.get_mut()
        && !x.is_interned()
        && y.char_len() != 0
    {
        x.append(y).map_err(|_| vm.new_memory_error(""))?;
        return Ok(a.into());
    }
    str_concat(vm, &Value::from(a), b)
}

fn str_repeat(vm: &Vm, a: &Value, n: &Value) -> PyResult<Value> {
    let s = this(vm, a)?;
    let Some(count) = vm.repeat_count(n)? else {
        return Err(vm.new_type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            vm.type_name(n)
        )));
    };
    let bytes = s.as_bytes();
    if bytes
        .len()
        .checked_mul(count)
        .is_none_or(|t| t > isize::MAX as usize / 2)
    {
        return Err(vm.new_overflow_error("repeated string is too long"));
    }
    let out = bytes.repeat(count);
    Ok(vm.new_str_wtf8(Wtf8::from_bytes_unchecked(&out)).into())
}

fn str_new(vm: &Vm, cls: &Py<Type>, args: Args<'_>) -> PyResult<Value> {
    args.check_positional(vm, "str", 0, 3)?;
    let [object, encoding, errors] =
        args.bind(vm, "str", ["object", "encoding", "errors"], 0, 0)?;
    let s: Py<Str> = match object {
        None => vm.names.empty.clone(),
        Some(o) if encoding.is_none() && errors.is_none() => vm.str(o)?,
        Some(o) => {
            let data = vm.bytes_like(o).map_err(|_| {
                vm.new_type_error(format!(
                    "decoding to str: need a bytes-like object, {} found",
                    vm.type_name(o)
                ))
            })?;
            let enc = match encoding {
                Some(e) => vm.str_arg(e, "str", "encoding")?,
                None => "utf-8".into(),
            };
            let err = match errors {
                Some(e) => vm.str_arg(e, "str", "errors")?,
                None => "strict".into(),
            };
            crate::runtime::codecs::decode(vm, &data, &enc, &err)?
        }
    };
    if cls.is(&vm.types.str) {
        return Ok(s.into());
    }
    vm.alloc_instance(cls, Str::from_wtf8(s.as_wtf8()))
}

fn str_mod(vm: &Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if a.downcast::<Str>().is_none() {
        return Ok(vm.not_implemented());
    }
    crate::runtime::format::percent_format(vm, a, b)
}

// --- methods --------------------------------------------------------------------------------

type M = fn(&Vm, Args<'_>) -> PyResult<Value>;

pub(super) fn with_self<'a>(
    vm: &Vm,
    args: &Args<'a>,
    name: &str,
) -> PyResult<(&'a Py<Str>, Args<'a>)> {
    vm.method_self::<Str>(*args, name, "str")
}

fn m_join(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (sep, rest) = with_self(vm, &args, "join")?;
    let it = rest.one(vm, "str.join")?;
    let items = vm.collect(it)?;
    let mut out = Wtf8Buf::new();
    for (i, x) in items.iter().enumerate() {
        let Some(s) = x.downcast::<Str>() else {
            return Err(vm.new_type_error(format!(
                "sequence item {i}: expected str instance, {} found",
                vm.type_name(x)
            )));
        };
        if i > 0 {
            out.push_wtf8(sep.as_wtf8());
        }
        out.push_wtf8(s.as_wtf8());
    }
    Ok(vm.new_str_buf(out).into())
}

fn split_whitespace(s: &[u32], maxsplit: i64, from_right: bool) -> Vec<Vec<u32>> {
    let mut parts = Vec::new();
    let n = s.len();
    if !from_right {
        let mut i = 0;
        let mut splits = 0;
        while i < n {
            while i < n && is_space(s[i]) {
                i += 1;
            }
            if i == n {
                break;
            }
            if maxsplit >= 0 && splits >= maxsplit {
                // The remainder keeps its trailing whitespace.
                parts.push(s[i..n].to_vec());
                return parts;
            }
            let start = i;
            while i < n && !is_space(s[i]) {
                i += 1;
            }
            parts.push(s[start..i].to_vec());
            splits += 1;
        }
        parts
    } else {
        let mut i = n;
        let mut splits = 0;
        while i > 0 {
            while i > 0 && is_space(s[i - 1]) {
                i -= 1;
            }
            if i == 0 {
                break;
            }
            if maxsplit >= 0 && splits >= maxsplit {
                // The remainder keeps its leading whitespace.
                parts.push(s[0..i].to_vec());
                break;
            }
            let end = i;
            while i > 0 && !is_space(s[i - 1]) {
                i -= 1;
            }
            parts.push(s[i..end].to_vec());
            splits += 1;
        }
        parts.reverse();
        parts
    }
}

fn split_common(vm: &Vm, args: Args<'_>, name: &str, from_right: bool) -> PyResult<Value> {
    let (s, rest) = with_self(vm, &args, name)?;
    let [sep, maxsplit] = rest.bind(vm, name, ["sep", "maxsplit"], 0, 0)?;
    let maxsplit = match maxsplit {
        Some(m) => vm.index_value(m)?,
        None => -1,
    };
    let text = cps(s);
    let parts: Vec<Vec<u32>> = match sep.filter(|v| !v.is_none()) {
        None => split_whitespace(&text, maxsplit, from_right),
        Some(sepv) => {
            let sep = str_arg(vm, sepv, "must be str or None").map_err(|_| {
                vm.new_type_error(format!("must be str or None, not {}", vm.type_name(sepv)))
            })?;
            let sep = cps(sep);
            if sep.is_empty() {
                return Err(vm.new_value_error("empty separator"));
            }
            split_by(&text, &sep, maxsplit, from_right)
        }
    };
    let items = parts.iter().map(|p| vm.str_from_cps(p).into()).collect();
    Ok(vm.new_list(items).into())
}

fn split_by(text: &[u32], sep: &[u32], maxsplit: i64, from_right: bool) -> Vec<Vec<u32>> {
    let mut parts = Vec::new();
    let m = sep.len();
    if !from_right {
        let mut start = 0;
        let mut i = 0;
        let mut splits = 0;
        while i + m <= text.len() {
            if (maxsplit < 0 || splits < maxsplit) && text[i..i + m] == *sep {
                parts.push(text[start..i].to_vec());
                i += m;
                start = i;
                splits += 1;
            } else {
                i += 1;
            }
        }
        parts.push(text[start..].to_vec());
    } else {
        let mut end = text.len();
        let mut i = text.len();
        let mut splits = 0;
        while i >= m {
            if (maxsplit < 0 || splits < maxsplit) && text[i - m..i] == *sep {
                parts.push(text[i..end].to_vec());
                i -= m;
                end = i;
                splits += 1;
            } else {
                i -= 1;
            }
        }
        parts.push(text[..end].to_vec());
        parts.reverse();
    }
    parts
}

fn m_split(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    split_common(vm, args, "split", false)
}

fn m_rsplit(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    split_common(vm, args, "rsplit", true)
}

fn m_splitlines(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = with_self(vm, &args, "splitlines")?;
    let [keepends] = rest.bind(vm, "splitlines", ["keepends"], 0, 0)?;
    let keep = match keepends {
        Some(k) => vm.is_true(k)?,
        None => false,
    };
    let t = cps(s);
    let mut out = Vec::new();
    let mut i = 0;
    let mut start = 0;
    while i < t.len() {
        let c = t[i];
        let is_break = matches!(
            c,
            0x0a | 0x0b | 0x0c | 0x0d | 0x1c | 0x1d | 0x1e | 0x85 | 0x2028 | 0x2029
        );
        if is_break {
            let mut end = i + 1;
            if c == 0x0d && t.get(i + 1) == Some(&0x0a) {
                end += 1;
            }
            let line_end = if keep { end } else { i };
            out.push(vm.str_from_cps(&t[start..line_end]).into());
            i = end;
            start = end;
        } else {
            i += 1;
        }
    }
    if start < t.len() {
        out.push(vm.str_from_cps(&t[start..]).into());
    }
    Ok(vm.new_list(out).into())
}

fn strip_common(vm: &Vm, args: Args<'_>, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let (s, rest) = with_self(vm, &args, name)?;
    let vals = rest.range(vm, name, 0, 1)?;
    let chars: Option<Vec<u32>> = match vals.first().filter(|v| !v.is_none()) {
        Some(c) => Some(cps(str_arg(vm, c, &format!("{name} arg")).map_err(
            |_| vm.new_type_error(format!("{name} arg must be None or str")),
        )?)),
        None => None,
    };
    let t = cps(s);
    let pred = |c: u32| match &chars {
        Some(set) => set.contains(&c),
        None => is_space(c),
    };
    let mut a = 0;
    let mut b = t.len();
    if left {
        while a < b && pred(t[a]) {
            a += 1;
        }
    }
    if right {
        while b > a && pred(t[b - 1]) {
            b -= 1;
        }
    }
    if a == 0 && b == t.len() && args.values()[0].class(vm).is(&vm.types.str) {
        return Ok(args.values()[0].clone());
    }
    Ok(vm.str_from_cps(&t[a..b]).into())
}

fn m_strip(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    strip_common(vm, args, "strip", true, true)
}

fn m_lstrip(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    strip_common(vm, args, "lstrip", true, false)
}

fn m_rstrip(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    strip_common(vm, args, "rstrip", false, true)
}

/// Resolves `start`/`end` arguments against a length (slice semantics).
fn bounds(vm: &Vm, vals: &[Value], n: usize) -> PyResult<(usize, usize)> {
    let adj = |v: Option<&Value>, default: i64| -> PyResult<i64> {
        let i = match v {
            Some(x) => vm.slice_index(x)?.unwrap_or(default),
            None => default,
        };
        Ok(i)
    };
    // ADJUST_INDICES: end is clamped to the length, start only from below (a start past
    // the end makes searches fail).
    let n = n as i64;
    let start = adj(vals.first(), 0)?;
    let start = if start < 0 { (start + n).max(0) } else { start };
    let end = adj(vals.get(1), n)?;
    let end = if end < 0 {
        (end + n).max(0)
    } else {
        end.min(n)
    };
    Ok((usize::try_from(start).unwrap_or(usize::MAX), end as usize))
}

fn affix_common(vm: &Vm, args: Args<'_>, name: &str, suffix: bool) -> PyResult<Value> {
    let (s, rest) = with_self(vm, &args, name)?;
    // Argument clinic names the method with its type in this message only.
    rest.no_kwargs(
        vm,
        if suffix {
            "str.endswith"
        } else {
            "str.startswith"
        },
    )?;
    let vals = rest.range(vm, name, 1, 3)?;
    // Without bounds (the usual call) the test is on the whole string's bytes: no
    // code-point offsets. A byte-wise affix is a code-point affix (a valid encoding of the
    // affix starts and ends on character boundaries of the string it matches in).
    if let [p] = vals
        && let Some(p) = p.downcast::<Str>()
    {
        let (b, p) = (s.as_bytes(), p.as_bytes());
        return Ok(Value::Bool(if suffix {
            b.ends_with(p)
        } else {
            b.starts_with(p)
        }));
    }
    let n = s.char_len();
    let (start, end) = bounds(vm, &vals[1..], n)?;
    let check = |p: &Py<Str>| -> bool {
        // CPython's tailmatch: the (clamped) window must be able to hold the affix.
        if end < start || end - start < p.char_len() {
            return false;
        }
        let window = byte_window(s, start, end);
        if suffix {
            window.ends_with(p.as_bytes())
        } else {
            window.starts_with(p.as_bytes())
        }
    };
    if let Some(p) = vals[0].downcast::<Str>() {
        return Ok(Value::Bool(check(p)));
    }
    if let Some(tup) = vals[0].downcast::<super::tuple::Tuple>() {
        for item in tup.as_slice() {
            let Some(p) = item.downcast::<Str>() else {
                return Err(vm.new_type_error(format!(
                    "tuple for {name} must only contain str, not {}",
                    vm.type_name(item)
                )));
            };
            if check(p) {
                return Ok(Value::Bool(true));
            }
        }
        return Ok(Value::Bool(false));
    }
    Err(vm.new_type_error(format!(
        "{name} first arg must be str or a tuple of str, not {}",
        vm.type_name(&vals[0])
    )))
}

fn m_startswith(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    affix_common(vm, args, "startswith", false)
}

fn m_endswith(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    affix_common(vm, args, "endswith", true)
}

fn find_common(vm: &Vm, args: Args<'_>, name: &str, reverse: bool) -> PyResult<Option<usize>> {
    let (s, rest) = with_self(vm, &args, name)?;
    let vals = rest.range(vm, name, 1, 3)?;
    let needle = str_arg(vm, &vals[0], &format!("{name}() argument 1"))?;
    let n = s.char_len();
    let (start, end) = bounds(vm, &vals[1..], n)?;
    if start > n || end < start || end - start < needle.char_len() {
        return Ok(None);
    }
    let window = byte_window(s, start, end);
    let found = if reverse {
        memchr::memmem::rfind(window, needle.as_bytes())
    } else {
        memchr::memmem::find(window, needle.as_bytes())
    };
    Ok(found.map(|i| start + cp_count(s, &window[..i])))
}

fn m_find(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(
        find_common(vm, args, "find", false)?.map_or(-1, |i| i as i64),
    ))
}

fn m_rfind(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(
        find_common(vm, args, "rfind", true)?.map_or(-1, |i| i as i64),
    ))
}

fn m_index(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    match find_common(vm, args, "index", false)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.new_value_error("substring not found")),
    }
}

fn m_rindex(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    match find_common(vm, args, "rindex", true)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.new_value_error("substring not found")),
    }
}

fn m_count(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = with_self(vm, &args, "count")?;
    let vals = rest.range(vm, "count", 1, 3)?;
    let needle = str_arg(vm, &vals[0], "count() argument 1")?;
    let n = s.char_len();
    let (start, end) = bounds(vm, &vals[1..], n)?;
    if start > n || end < start {
        return Ok(Value::Int(0));
    }
    if needle.char_len() == 0 {
        return Ok(Value::Int((end - start) as i64 + 1));
    }
    let window = byte_window(s, start, end);
    // `find_iter` yields non-overlapping matches left to right, as CPython counts.
    let found = memchr::memmem::find_iter(window, needle.as_bytes()).count();
    Ok(Value::Int(found as i64))
}

fn m_replace(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = with_self(vm, &args, "replace")?;
    let [old, new, count] = rest.bind(vm, "replace", ["old", "new", "count"], 2, 2)?;
    let old = cps(str_arg(
        vm,
        old.unwrap_or(&Value::None),
        "replace() argument 1",
    )?);
    let new = cps(str_arg(
        vm,
        new.unwrap_or(&Value::None),
        "replace() argument 2",
    )?);
    let mut count = match count {
        Some(c) => vm.index_value(c)?,
        None => -1,
    };
    let t = cps(s);
    let mut out = Vec::with_capacity(t.len());
    if old.is_empty() {
        let mut i = 0;
        loop {
            if count != 0 {
                out.extend_from_slice(&new);
                count -= 1;
            }
            if i >= t.len() {
                break;
            }
            out.push(t[i]);
            i += 1;
        }
        return Ok(vm.str_from_cps(&out).into());
    }
    let mut i = 0;
    while i < t.len() {
        if count != 0 && i + old.len() <= t.len() && t[i..i + old.len()] == *old {
            out.extend_from_slice(&new);
            i += old.len();
            count -= 1;
        } else {
            out.push(t[i]);
            i += 1;
        }
    }
    Ok(vm.str_from_cps(&out).into())
}

fn pad_common(vm: &Vm, args: Args<'_>, name: &str) -> PyResult<Value> {
    let (s, rest) = with_self(vm, &args, name)?;
    let vals = rest.range(vm, name, 1, 2)?;
    let width = vm.index_value(&vals[0])?;
    let fill = match vals.get(1) {
        Some(f) => {
            let fs = f
                .downcast::<Str>()
                .filter(|x| x.char_len() == 1)
                .ok_or_else(|| {
                    vm.new_type_error("The fill character must be exactly one character long")
                })?;
            fs.char_at(0)
        }
        None => u32::from(b' '),
    };
    let t = cps(s);
    let n = t.len() as i64;
    if width <= n {
        if args.values()[0].class(vm).is(&vm.types.str) {
            return Ok(args.values()[0].clone());
        }
        return Ok(vm.str_from_cps(&t).into());
    }
    let marg = (width - n) as usize;
    let (left, right) = match name {
        "ljust" => (0, marg),
        "rjust" => (marg, 0),
        _ => {
            let left = marg / 2 + (marg & width as usize & 1);
            (left, marg - left)
        }
    };
    let mut out = vec![fill; left];
    out.extend_from_slice(&t);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(vm.str_from_cps(&out).into())
}

fn m_center(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    pad_common(vm, args, "center")
}

fn m_ljust(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    pad_common(vm, args, "ljust")
}

fn m_rjust(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    pad_common(vm, args, "rjust")
}

fn m_zfill(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = with_self(vm, &args, "zfill")?;
    let w = vm.index_value(rest.one(vm, "str.zfill")?)?;
    let t = cps(s);
    if w <= t.len() as i64 {
        return Ok(vm.str_from_cps(&t).into());
    }
    let fill = w as usize - t.len();
    let mut out = Vec::with_capacity(w as usize);
    let (sign, body) = match t.first() {
        Some(&c) if c == u32::from(b'+') || c == u32::from(b'-') => (Some(c), &t[1..]),
        _ => (None, &t[..]),
    };
    out.extend(sign);
    out.extend(std::iter::repeat_n(u32::from(b'0'), fill));
    out.extend_from_slice(body);
    Ok(vm.str_from_cps(&out).into())
}

fn m_expandtabs(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = with_self(vm, &args, "expandtabs")?;
    let [tabsize] = rest.bind(vm, "expandtabs", ["tabsize"], 0, 0)?;
    let tab = match tabsize {
        Some(t) => vm.index_value(t)?,
        None => 8,
    };
    let mut out = Vec::new();
    let mut col = 0i64;
    for c in s.code_points() {
        match c {
            0x09 => {
                if tab > 0 {
                    let spaces = tab - col % tab;
                    out.extend(std::iter::repeat_n(u32::from(b' '), spaces as usize));
                    col += spaces;
                }
            }
            0x0a | 0x0d => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(vm.str_from_cps(&out).into())
}

fn partition_common(vm: &Vm, args: Args<'_>, name: &str, reverse: bool) -> PyResult<Value> {
    let (s, rest) = with_self(vm, &args, name)?;
    let sepv = rest.one(vm, &format!("str.{name}"))?;
    let sep = cps(sepv
        .downcast::<Str>()
        .ok_or_else(|| vm.new_type_error(format!("must be str, not {}", vm.type_name(sepv))))?);
    if sep.is_empty() {
        return Err(vm.new_value_error("empty separator"));
    }
    let t = cps(s);
    let m = sep.len();
    let pos = if t.len() < m {
        None
    } else if reverse {
        (0..=t.len() - m).rev().find(|&i| t[i..i + m] == *sep)
    } else {
        (0..=t.len() - m).find(|&i| t[i..i + m] == *sep)
    };
    let empty: Value = vm.names.empty.clone().into();
    let parts = match pos {
        Some(i) => vec![
            vm.str_from_cps(&t[..i]).into(),
            sepv.clone(),
            vm.str_from_cps(&t[i + m..]).into(),
        ],
        None if reverse => vec![empty.clone(), empty, vm.str_from_cps(&t).into()],
        None => vec![vm.str_from_cps(&t).into(), empty.clone(), empty],
    };
    Ok(vm.new_tuple(parts).into())
}

fn m_partition(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    partition_common(vm, args, "partition", false)
}

fn m_rpartition(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    partition_common(vm, args, "rpartition", true)
}

fn ch(cp: u32) -> char {
    char::from_u32(cp).unwrap_or('\u{FFFD}')
}

fn m_isascii(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, args, "isascii", true, |c| c < 128)
}

fn m_isprintable(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(
        vm,
        args,
        "isprintable",
        true,
        crate::text::unicode_printable::is_printable,
    )
}

fn m_isidentifier(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = with_self(vm, &args, "isidentifier")?;
    rest.none(vm, "str.isidentifier")?;
    let mut it = s.code_points().map(ch);
    let ok = match it.next() {
        Some(c) => {
            (c == '_' || unicode_ident::is_xid_start(c)) && it.all(unicode_ident::is_xid_continue)
        }
        None => false,
    };
    Ok(Value::Bool(ok))
}

fn m_encode(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = with_self(vm, &args, "encode")?;
    let [encoding, errors] = rest.bind(vm, "encode", ["encoding", "errors"], 0, 0)?;
    let enc = match encoding {
        Some(e) => vm.str_arg(e, "encode", "encoding")?,
        None => "utf-8".into(),
    };
    let err = match errors {
        Some(e) => vm.str_arg(e, "encode", "errors")?,
        None => "strict".into(),
    };
    let bytes = crate::runtime::codecs::encode(vm, s, &enc, &err)?;
    Ok(vm.new_bytes(bytes).into())
}

fn m_removeprefix(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = with_self(vm, &args, "removeprefix")?;
    let p = str_arg(
        vm,
        rest.one(vm, "str.removeprefix")?,
        "removeprefix() argument",
    )?;
    match s.as_bytes().strip_prefix(p.as_bytes()) {
        Some(r) => Ok(vm.new_str_wtf8(Wtf8::from_bytes_unchecked(r)).into()),
        None => Ok(args.values()[0].clone()),
    }
}

fn m_removesuffix(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = with_self(vm, &args, "removesuffix")?;
    let p = str_arg(
        vm,
        rest.one(vm, "str.removesuffix")?,
        "removesuffix() argument",
    )?;
    if p.char_len() == 0 {
        return Ok(args.values()[0].clone());
    }
    match s.as_bytes().strip_suffix(p.as_bytes()) {
        Some(r) => Ok(vm.new_str_wtf8(Wtf8::from_bytes_unchecked(r)).into()),
        None => Ok(args.values()[0].clone()),
    }
}

fn m_format(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = with_self(vm, &args, "format")?;
    crate::runtime::format::str_format(vm, s, rest).map(Value::from)
}

fn m_format_map(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = with_self(vm, &args, "format_map")?;
    let mapping = rest.one(vm, "str.format_map")?;
    crate::runtime::format::str_format_map(vm, s, mapping).map(Value::from)
}

fn m_dunder_format(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let Some((this_v, rest)) = args.split_self() else {
        return Err(vm.new_type_error("__format__ needs an argument"));
    };
    let spec = rest.one(vm, "str.__format__")?;
    let spec = str_arg(vm, spec, "format spec")?;
    crate::runtime::format::format_str_value(vm, this_v, spec).map(Value::from)
}

fn m_translate(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = with_self(vm, &args, "translate")?;
    let table = rest.one(vm, "str.translate")?;
    let mut out = Wtf8Buf::new();
    for c in s.code_points() {
        match vm.getitem(table, &Value::Int(i64::from(c))) {
            Ok(Value::None) => {}
            Ok(v) => {
                if let Some(r) = v.downcast::<Str>() {
                    out.push_wtf8(r.as_wtf8());
                } else {
                    let n = vm.index_value(&v)?;
                    if !(0..=0x10ffff).contains(&n) {
                        return Err(
                            vm.new_value_error("character mapping must be in range(0x110000)")
                        );
                    }
                    out.push_code_point(n as u32);
                }
            }
            Err(e) if e.matches(&vm.exc.lookup_error) => out.push_code_point(c),
            Err(e) => return Err(e),
        }
    }
    Ok(vm.new_str_buf(out).into())
}

fn m_maketrans(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "maketrans", 1, 3)?;
    let d = vm.new_dict();
    if vals.len() == 1 {
        let Some(src) = vals[0].downcast::<super::dict::Dict>() else {
            return Err(
                vm.new_type_error("if you give only one argument to maketrans it must be a dict")
            );
        };
        for (k, v) in src.items() {
            let key = match k.downcast::<Str>() {
                Some(s) if s.char_len() == 1 => Value::Int(i64::from(s.char_at(0))),
                Some(_) => {
                    return Err(
                        vm.new_value_error("string keys in translate table must be of length 1")
                    );
                }
                None => k,
            };
            d.set_item(vm, key, v)?;
        }
        return Ok(d.into());
    }
    let x = cps(str_arg(vm, &vals[0], "maketrans() argument 1")?);
    let y = cps(str_arg(vm, &vals[1], "maketrans() argument 2")?);
    if x.len() != y.len() {
        return Err(vm.new_value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in x.iter().zip(&y) {
        d.set_item(vm, Value::Int(i64::from(*a)), Value::Int(i64::from(*b)))?;
    }
    if let Some(z) = vals.get(2) {
        for c in cps(str_arg(vm, z, "maketrans() argument 3")?) {
            d.set_item(vm, Value::Int(i64::from(c)), Value::None)?;
        }
    }
    Ok(d.into())
}

fn m_getnewargs(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, _) = with_self(vm, &args, "__getnewargs__")?;
    let copy = vm.new_str_wtf8(s.as_wtf8());
    Ok(vm.new_tuple(vec![copy.into()]).into())
}

/// Fills in `str`'s slots and methods.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.str;
    let s = &t.slots;
    s.len.set(Some(str_len));
    s.hash.set(Some(str_hash));
    s.repr.set(Some(str_repr));
    s.str.set(Some(str_str));
    s.richcompare.set(Some(str_richcompare));
    s.getitem.set(Some(str_getitem));
    s.contains.set(Some(str_contains));
    s.iter.set(Some(str_iter));
    s.concat.set(Some(str_concat));
    s.repeat.set(Some(str_repeat));
    s.rem.set(Some(str_mod));
    s.new.set(Some(str_new));
    let methods: &[(&'static str, M)] = &[
        ("join", m_join),
        ("split", m_split),
        ("rsplit", m_rsplit),
        ("splitlines", m_splitlines),
        ("strip", m_strip),
        ("lstrip", m_lstrip),
        ("rstrip", m_rstrip),
        ("startswith", m_startswith),
        ("endswith", m_endswith),
        ("find", m_find),
        ("rfind", m_rfind),
        ("index", m_index),
        ("rindex", m_rindex),
        ("count", m_count),
        ("replace", m_replace),
        ("upper", m_upper),
        ("lower", m_lower),
        ("casefold", m_casefold),
        ("swapcase", m_swapcase),
        ("capitalize", m_capitalize),
        ("title", m_title),
        ("center", m_center),
        ("ljust", m_ljust),
        ("rjust", m_rjust),
        ("zfill", m_zfill),
        ("expandtabs", m_expandtabs),
        ("partition", m_partition),
        ("rpartition", m_rpartition),
        ("isdigit", m_isdigit),
        ("isdecimal", m_isdecimal),
        ("isnumeric", m_isnumeric),
        ("isalpha", m_isalpha),
        ("isalnum", m_isalnum),
        ("isspace", m_isspace),
        ("isascii", m_isascii),
        ("isprintable", m_isprintable),
        ("islower", m_islower),
        ("isupper", m_isupper),
        ("istitle", m_istitle),
        ("isidentifier", m_isidentifier),
        ("encode", m_encode),
        ("removeprefix", m_removeprefix),
        ("removesuffix", m_removesuffix),
        ("format", m_format),
        ("format_map", m_format_map),
        ("__format__", m_dunder_format),
        ("translate", m_translate),
        ("__getnewargs__", m_getnewargs),
        ("__sizeof__", super::object::object_sizeof),
    ];
    vm.add_methods(t, methods);
    vm.add_staticmethod(t, "maketrans", m_maketrans);
}
