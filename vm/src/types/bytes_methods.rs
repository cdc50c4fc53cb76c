//! The methods `bytes` and `bytearray` share (the ASCII mirror of `str`'s): searching,
//! splitting, stripping, padding, case mapping, predicates, `join`, `replace`, `translate`,
//! `hex`/`fromhex`. Results keep the receiver's kind: a bytearray method returns bytearrays.

use std::borrow::Cow;

use crate::object::{Py, Type, Value};
use crate::runtime::{Args, PyResult, Vm};

use super::bytes::{ByteArray, Bytes};

/// The receiver of a shared method: its contents (borrowed from a `bytes`, which cannot
/// change; copied from a bytearray, which Python code run by the method could resize) and
/// whether it is a `bytes` (else bytearray).
struct Recv<'a> {
    data: Cow<'a, [u8]>,
    is_bytes: bool,
}

fn recv<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(Recv<'a>, &'a Value, Args<'a>)> {
    let Some((this, rest)) = args.split_self() else {
        return Err(vm.new_type_error(format!("unbound method bytes.{name}() needs an argument")));
    };
    if let Some(b) = this.downcast::<Bytes>() {
        let r = Recv {
            data: Cow::Borrowed(b.as_bytes()),
            is_bytes: true,
        };
        return Ok((r, this, rest));
    }
    if let Some(b) = this.downcast::<ByteArray>() {
        let r = Recv {
            data: Cow::Owned(b.to_vec()),
            is_bytes: false,
        };
        return Ok((r, this, rest));
    }
    Err(vm.new_type_error(format!(
        "descriptor '{name}' for 'bytes' objects doesn't apply to a '{}' object",
        vm.type_name(this)
    )))
}

impl Recv<'_> {
    fn make(&self, vm: &Vm, data: Vec<u8>) -> Value {
        if self.is_bytes {
            vm.new_bytes(data).into()
        } else {
            vm.new_bytearray(data).into()
        }
    }
}

/// The contents of a bytes-like argument, or None.
pub(crate) fn buffer_of(vm: &Vm, v: &Value) -> Option<Vec<u8>> {
    if let Some(b) = v.downcast::<Bytes>() {
        return Some(b.as_bytes().to_vec());
    }
    if let Some(b) = v.downcast::<ByteArray>() {
        return Some(b.to_vec());
    }
    // Other exporters (memoryview, array); a released view counts as not bytes-like.
    super::memoryview::buffer_bytes(vm, v).and_then(Result::ok)
}

fn buffer_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    buffer_of(vm, v).ok_or_else(|| {
        vm.new_type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}

/// A byte value 0..=255 from an int-like, with CPython's ValueError.
pub(crate) fn byte_value(vm: &Vm, v: &Value) -> PyResult<u8> {
    let n = vm.index_value(v).map_err(|e| {
        if e.matches(&vm.exc.overflow_error) {
            vm.new_value_error("byte must be in range(0, 256)")
        } else {
            e
        }
    })?;
    u8::try_from(n).map_err(|_| vm.new_value_error("byte must be in range(0, 256)"))
}

/// The needle of `find`/`count`/`index`...: a bytes-like object or one byte as an int.
fn sub_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer_of(vm, v) {
        return Ok(b);
    }
    if vm.try_index(v)?.is_some() {
        return Ok(vec![byte_value(vm, v)?]);
    }
    Err(vm.new_type_error(format!(
        "argument should be integer or bytes-like object, not '{}'",
        vm.type_name(v)
    )))
}

/// Slice-style `start`/`end` bounds (None allowed), clamped to `0..=n`; `None` when start is
/// past the end (the search then fails even for an empty needle).
fn bounds(
    vm: &Vm,
    start: Option<&Value>,
    end: Option<&Value>,
    n: usize,
) -> PyResult<Option<(usize, usize)>> {
    let n = n as i64;
    let get = |v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(x) => Ok(vm.slice_index(x)?.unwrap_or(default)),
        }
    };
    let mut s = get(start, 0)?;
    let mut e = get(end, n)?;
    if s < 0 {
        s = (s + n).max(0);
    }
    if e < 0 {
        e = (e + n).max(0);
    }
    e = e.min(n);
    if s > n {
        return Ok(None);
    }
    Ok(Some((s as usize, e.max(s) as usize)))
}

fn find_in(hay: &[u8], needle: &[u8], reverse: bool) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    let last = hay.len() - needle.len();
    if reverse {
        (0..=last)
            .rev()
            .find(|&i| &hay[i..i + needle.len()] == needle)
    } else {
        (0..=last).find(|&i| &hay[i..i + needle.len()] == needle)
    }
}

fn find_common(vm: &Vm, args: Args<'_>, name: &str, reverse: bool) -> PyResult<Option<usize>> {
    let (r, _, rest) = recv(vm, &args, name)?;
    let vals = rest.range(vm, name, 1, 3)?;
    let sub = sub_arg(vm, &vals[0])?;
    let Some((s, e)) = bounds(vm, vals.get(1), vals.get(2), r.data.len())? else {
        return Ok(None);
    };
    Ok(find_in(&r.data[s..e], &sub, reverse).map(|i| i + s))
}

fn m_find(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let i = find_common(vm, args, "find", false)?;
    Ok(Value::Int(i.map_or(-1, |i| i as i64)))
}

fn m_rfind(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let i = find_common(vm, args, "rfind", true)?;
    Ok(Value::Int(i.map_or(-1, |i| i as i64)))
}

fn m_index(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    match find_common(vm, args, "index", false)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.new_value_error("subsection not found")),
    }
}

fn m_rindex(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    match find_common(vm, args, "rindex", true)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.new_value_error("subsection not found")),
    }
}

fn count_in(hay: &[u8], needle: &[u8]) -> usize {
    if needle.is_empty() {
        return hay.len() + 1;
    }
    let mut n = 0;
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if &hay[i..i + needle.len()] == needle {
            n += 1;
            i += needle.len();
        } else {
            i += 1;
        }
    }
    n
}

fn m_count(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (r, _, rest) = recv(vm, &args, "count")?;
    let vals = rest.range(vm, "count", 1, 3)?;
    let sub = sub_arg(vm, &vals[0])?;
    let Some((s, e)) = bounds(vm, vals.get(1), vals.get(2), r.data.len())? else {
        return Ok(Value::Int(0));
    };
    Ok(Value::Int(count_in(&r.data[s..e], &sub) as i64))
}

fn affix_common(vm: &Vm, args: Args<'_>, name: &str, suffix: bool) -> PyResult<Value> {
    let (r, _, rest) = recv(vm, &args, name)?;
    let vals = rest.range(vm, name, 1, 3)?;
    let Some((s, e)) = bounds(vm, vals.get(1), vals.get(2), r.data.len())? else {
        return Ok(Value::Bool(false));
    };
    let hay = &r.data[s..e];
    let test = |v: &Value| -> PyResult<bool> {
        let a = buffer_of(vm, v).ok_or_else(|| {
            vm.new_type_error(format!(
                "{name} first arg must be bytes or a tuple of bytes, not {}",
                vm.type_name(v)
            ))
        })?;
        Ok(if suffix {
            hay.ends_with(&a)
        } else {
            hay.starts_with(&a)
        })
    };
    if let Some(t) = vals[0].downcast::<super::tuple::Tuple>() {
        for item in t.as_slice() {
            if test(item)? {
                return Ok(Value::Bool(true));
            }
        }
        return Ok(Value::Bool(false));
    }
    Ok(Value::Bool(test(&vals[0])?))
}

fn m_startswith(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    affix_common(vm, args, "startswith", false)
}

fn m_endswith(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    affix_common(vm, args, "endswith", true)
}

/// Python's `bytes.isspace` set: space, \t, \n, \v, \f, \r.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

fn strip_common(vm: &Vm, args: Args<'_>, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let (r, _, rest) = recv(vm, &args, name)?;
    let vals = rest.range(vm, name, 0, 1)?;
    let chars = match vals.first() {
        None | Some(Value::None) => None,
        Some(v) => Some(buffer_arg(vm, v)?),
    };
    let strip = |b: &u8| match &chars {
        Some(set) => set.contains(b),
        None => is_space(*b),
    };
    let d = &r.data;
    let mut s = 0;
    let mut e = d.len();
    if left {
        while s < e && strip(&d[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && strip(&d[e - 1]) {
            e -= 1;
        }
    }
    Ok(r.make(vm, d[s..e].to_vec()))
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

fn split_whitespace(d: &[u8], maxsplit: i64, from_right: bool) -> Vec<Vec<u8>> {
    let mut parts = Vec::new();
    let mut splits = 0;
    if from_right {
        let mut e = d.len();
        loop {
            while e > 0 && is_space(d[e - 1]) {
                e -= 1;
            }
            if e == 0 {
                break;
            }
            if maxsplit >= 0 && splits >= maxsplit {
                // The unsplit rest keeps its leading whitespace.
                parts.push(d[..e].to_vec());
                break;
            }
            let mut s = e;
            while s > 0 && !is_space(d[s - 1]) {
                s -= 1;
            }
            parts.push(d[s..e].to_vec());
            splits += 1;
            e = s;
        }
        parts.reverse();
    } else {
        let mut s = 0;
        loop {
            while s < d.len() && is_space(d[s]) {
                s += 1;
            }
            if s == d.len() {
                break;
            }
            if maxsplit >= 0 && splits >= maxsplit {
                parts.push(d[s..].to_vec());
                break;
            }
            let mut e = s;
            while e < d.len() && !is_space(d[e]) {
                e += 1;
            }
            parts.push(d[s..e].to_vec());
            splits += 1;
            s = e;
        }
    }
    parts
}

fn split_by(d: &[u8], sep: &[u8], maxsplit: i64, from_right: bool) -> Vec<Vec<u8>> {
    let mut parts = Vec::new();
    let mut splits = 0;
    if from_right {
        let mut e = d.len();
        while maxsplit < 0 || splits < maxsplit {
            match find_in(&d[..e], sep, true) {
                Some(i) => {
                    parts.push(d[i + sep.len()..e].to_vec());
                    e = i;
                    splits += 1;
                }
                None => break,
            }
        }
        parts.push(d[..e].to_vec());
        parts.reverse();
    } else {
        let mut s = 0;
        while maxsplit < 0 || splits < maxsplit {
            match find_in(&d[s..], sep, false) {
                Some(i) => {
                    parts.push(d[s..s + i].to_vec());
                    s += i + sep.len();
                    splits += 1;
                }
                None => break,
            }
        }
        parts.push(d[s..].to_vec());
    }
    parts
}

fn split_common(vm: &Vm, args: Args<'_>, name: &str, from_right: bool) -> PyResult<Value> {
    let (r, _, rest) = recv(vm, &args, name)?;
    let [sep, maxsplit] = rest.bind(vm, name, ["sep", "maxsplit"], 0, 0)?;
    let maxsplit = match maxsplit {
        Some(m) => vm.index_value(m)?,
        None => -1,
    };
    let parts = match sep {
        None | Some(Value::None) => split_whitespace(&r.data, maxsplit, from_right),
        Some(s) => {
            let sep = buffer_arg(vm, s)?;
            if sep.is_empty() {
                return Err(vm.new_value_error("empty separator"));
            }
            split_by(&r.data, &sep, maxsplit, from_right)
        }
    };
    let items = parts.into_iter().map(|p| r.make(vm, p)).collect();
    Ok(vm.new_list(items).into())
}

fn m_split(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    split_common(vm, args, "split", false)
}

fn m_rsplit(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    split_common(vm, args, "rsplit", true)
}

fn m_splitlines(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (r, _, rest) = recv(vm, &args, "splitlines")?;
    let [keepends] = rest.bind(vm, "splitlines", ["keepends"], 0, 0)?;
    let keep = match keepends {
        Some(k) => vm.is_true(k)?,
        None => false,
    };
    let d = &r.data;
    let mut items = Vec::new();
    let mut s = 0;
    let mut i = 0;
    while i < d.len() {
        let eol = match d[i] {
            b'\n' => 1,
            b'\r' if d.get(i + 1) == Some(&b'\n') => 2,
            b'\r' => 1,
            _ => 0,
        };
        if eol == 0 {
            i += 1;
            continue;
        }
        let end = if keep { i + eol } else { i };
        items.push(r.make(vm, d[s..end].to_vec()));
        i += eol;
        s = i;
    }
    if s < d.len() {
        items.push(r.make(vm, d[s..].to_vec()));
    }
    Ok(vm.new_list(items).into())
}

fn partition_common(vm: &Vm, args: Args<'_>, name: &str, reverse: bool) -> PyResult<Value> {
    let (r, this, rest) = recv(vm, &args, name)?;
    let sepv = rest.one(vm, name)?;
    let sep = buffer_arg(vm, sepv)?;
    if sep.is_empty() {
        return Err(vm.new_value_error("empty separator"));
    }
    let d = &r.data;
    let parts = match find_in(d, &sep, reverse) {
        Some(i) => vec![
            r.make(vm, d[..i].to_vec()),
            r.make(vm, sep.clone()),
            r.make(vm, d[i + sep.len()..].to_vec()),
        ],
        None => {
            // bytes returns itself unchanged; bytearray a copy.
            let whole = if r.is_bytes && this.class(vm).is(&vm.types.bytes) {
                this.clone()
            } else {
                r.make(vm, d.to_vec())
            };
            if reverse {
                vec![r.make(vm, Vec::new()), r.make(vm, Vec::new()), whole]
            } else {
                vec![whole, r.make(vm, Vec::new()), r.make(vm, Vec::new())]
            }
        }
    };
    Ok(vm.new_tuple(parts).into())
}

fn m_partition(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    partition_common(vm, args, "partition", false)
}

fn m_rpartition(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    partition_common(vm, args, "rpartition", true)
}

fn m_join(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (r, _, rest) = recv(vm, &args, "join")?;
    let items = vm.collect(rest.one(vm, "join")?)?;
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&r.data);
        }
        let b = buffer_of(vm, item).ok_or_else(|| {
            vm.new_type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                vm.type_name(item)
            ))
        })?;
        out.extend_from_slice(&b);
    }
    Ok(r.make(vm, out))
}

fn m_replace(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (r, _, rest) = recv(vm, &args, "replace")?;
    let [old, new, count] = rest.bind(vm, "replace", ["old", "new", "count"], 2, 2)?;
    let old = buffer_arg(vm, old.unwrap_or(&Value::None))?;
    let new = buffer_arg(vm, new.unwrap_or(&Value::None))?;
    let mut count = match count {
        Some(c) => vm.index_value(c)?,
        None => -1,
    };
    let d = &r.data;
    let mut out = Vec::with_capacity(d.len());
    if old.is_empty() {
        for (i, &b) in d.iter().enumerate() {
            if count != 0 {
                out.extend_from_slice(&new);
                count -= 1;
            }
            out.push(b);
            if i + 1 == d.len() && count != 0 {
                out.extend_from_slice(&new);
            }
        }
        if d.is_empty() && count != 0 {
            out.extend_from_slice(&new);
        }
        return Ok(r.make(vm, out));
    }
    let mut i = 0;
    while i < d.len() {
        if count != 0 && d[i..].starts_with(&old) {
            out.extend_from_slice(&new);
            i += old.len();
            count -= 1;
        } else {
            out.push(d[i]);
            i += 1;
        }
    }
    Ok(r.make(vm, out))
}

fn affix_remove(vm: &Vm, args: Args<'_>, name: &str, suffix: bool) -> PyResult<Value> {
    let (r, _, rest) = recv(vm, &args, name)?;
    let a = buffer_arg(vm, rest.one(vm, name)?)?;
    let d = &r.data;
    let out = if suffix && d.ends_with(&a) {
        d[..d.len() - a.len()].to_vec()
    } else if !suffix && d.starts_with(&a) {
        d[a.len()..].to_vec()
    } else {
        d.to_vec()
    };
    Ok(r.make(vm, out))
}

fn m_removeprefix(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    affix_remove(vm, args, "removeprefix", false)
}

fn m_removesuffix(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    affix_remove(vm, args, "removesuffix", true)
}

fn pad_common(vm: &Vm, args: Args<'_>, name: &str) -> PyResult<Value> {
    let (r, _, rest) = recv(vm, &args, name)?;
    let vals = rest.range(vm, name, 1, 2)?;
    let width = vm.index_value(&vals[0])?;
    let fill = match vals.get(1) {
        Some(f) => match buffer_of(vm, f) {
            Some(b) if b.len() == 1 => b[0],
            Some(b) => {
                return Err(vm.new_type_error(format!(
                    "{name}(): argument 2 must be a byte string of length 1, not a {} object \
                     of length {}",
                    vm.type_name(f),
                    b.len()
                )));
            }
            None => {
                return Err(vm.new_type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    vm.type_name(f)
                )));
            }
        },
        None => b' ',
    };
    let n = r.data.len() as i64;
    if width <= n {
        return Ok(r.make(vm, r.data.to_vec()));
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
    out.extend_from_slice(&r.data);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(r.make(vm, out))
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
    let (r, _, rest) = recv(vm, &args, "zfill")?;
    let w = vm.index_value(rest.one(vm, "zfill")?)?;
    let d = &r.data;
    if w <= d.len() as i64 {
        return Ok(r.make(vm, d.to_vec()));
    }
    let fill = w as usize - d.len();
    let (sign, body) = match d.first() {
        Some(&c) if c == b'+' || c == b'-' => (Some(c), &d[1..]),
        _ => (None, &d[..]),
    };
    let mut out = Vec::with_capacity(w as usize);
    out.extend(sign);
    out.extend(std::iter::repeat_n(b'0', fill));
    out.extend_from_slice(body);
    Ok(r.make(vm, out))
}

fn m_expandtabs(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (r, _, rest) = recv(vm, &args, "expandtabs")?;
    let [tabsize] = rest.bind(vm, "expandtabs", ["tabsize"], 0, 0)?;
    let tab = match tabsize {
        Some(t) => vm.index_value(t)?,
        None => 8,
    };
    let mut out = Vec::new();
    let mut col = 0i64;
    for &c in r.data.iter() {
        match c {
            b'\t' => {
                if tab > 0 {
                    let spaces = tab - col % tab;
                    out.extend(std::iter::repeat_n(b' ', spaces as usize));
                    col += spaces;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(r.make(vm, out))
}

#[derive(Clone, Copy)]
enum Case {
    Upper,
    Lower,
    Swap,
    Title,
    Capitalize,
}

fn case_common(vm: &Vm, args: Args<'_>, name: &str, case: Case) -> PyResult<Value> {
    let (r, _, rest) = recv(vm, &args, name)?;
    rest.none(vm, name)?;
    let mut out = r.data.to_vec();
    let mut prev_cased = false;
    for (i, b) in out.iter_mut().enumerate() {
        let upper = match case {
            Case::Upper => true,
            Case::Lower => false,
            Case::Swap => b.is_ascii_lowercase(),
            Case::Title => !prev_cased,
            Case::Capitalize => i == 0,
        };
        prev_cased = b.is_ascii_alphabetic();
        if upper {
            b.make_ascii_uppercase();
        } else {
            b.make_ascii_lowercase();
        }
    }
    Ok(r.make(vm, out))
}

fn m_upper(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    case_common(vm, args, "upper", Case::Upper)
}

fn m_lower(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    case_common(vm, args, "lower", Case::Lower)
}

fn m_swapcase(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    case_common(vm, args, "swapcase", Case::Swap)
}

fn m_title(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    case_common(vm, args, "title", Case::Title)
}

fn m_capitalize(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    case_common(vm, args, "capitalize", Case::Capitalize)
}

fn predicate(vm: &Vm, args: Args<'_>, name: &str, f: fn(&u8) -> bool) -> PyResult<Value> {
    let (r, _, rest) = recv(vm, &args, name)?;
    rest.none(vm, name)?;
    Ok(Value::Bool(!r.data.is_empty() && r.data.iter().all(f)))
}

fn m_isalnum(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, args, "isalnum", u8::is_ascii_alphanumeric)
}

fn m_isalpha(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, args, "isalpha", u8::is_ascii_alphabetic)
}

fn m_isdigit(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, args, "isdigit", u8::is_ascii_digit)
}

fn m_isspace(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, args, "isspace", |b| is_space(*b))
}

fn m_isascii(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (r, _, rest) = recv(vm, &args, "isascii")?;
    rest.none(vm, "isascii")?;
    Ok(Value::Bool(r.data.is_ascii()))
}

fn cased_check(vm: &Vm, args: Args<'_>, name: &str, upper: bool) -> PyResult<Value> {
    let (r, _, rest) = recv(vm, &args, name)?;
    rest.none(vm, name)?;
    let mut cased = false;
    for b in r.data.iter() {
        if (upper && b.is_ascii_lowercase()) || (!upper && b.is_ascii_uppercase()) {
            return Ok(Value::Bool(false));
        }
        cased |= b.is_ascii_alphabetic();
    }
    Ok(Value::Bool(cased))
}

fn m_islower(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    cased_check(vm, args, "islower", false)
}

fn m_isupper(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    cased_check(vm, args, "isupper", true)
}

fn m_istitle(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (r, _, rest) = recv(vm, &args, "istitle")?;
    rest.none(vm, "istitle")?;
    let mut prev_cased = false;
    let mut cased = false;
    for b in r.data.iter() {
        if b.is_ascii_uppercase() {
            if prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else if b.is_ascii_lowercase() {
            if !prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::Bool(cased))
}

fn m_translate(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (r, _, rest) = recv(vm, &args, "translate")?;
    let [table, delete] = rest.bind(vm, "translate", ["table", "delete"], 1, 1)?;
    let table = match table {
        None | Some(Value::None) => None,
        Some(t) => {
            let t = buffer_arg(vm, t)?;
            if t.len() != 256 {
                return Err(vm.new_value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let delete = match delete {
        Some(d) => buffer_arg(vm, d)?,
        None => Vec::new(),
    };
    let out = r
        .data
        .iter()
        .filter(|b| !delete.contains(b))
        .map(|&b| table.as_ref().map_or(b, |t| t[usize::from(b)]))
        .collect();
    Ok(r.make(vm, out))
}

fn m_maketrans(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "maketrans", 2, 2)?;
    let frm = buffer_arg(vm, &vals[0])?;
    let to = buffer_arg(vm, &vals[1])?;
    if frm.len() != to.len() {
        return Err(vm.new_value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (&f, &t) in frm.iter().zip(&to) {
        table[usize::from(f)] = t;
    }
    Ok(vm.new_bytes(table).into())
}

fn m_hex(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (r, _, rest) = recv(vm, &args, "hex")?;
    let [sep, per] = rest.bind(vm, "hex", ["sep", "bytes_per_sep"], 0, 0)?;
    let text = super::memoryview::hex_with_sep(vm, &r.data, sep, per)?;
    Ok(vm.new_str(&text).into())
}

fn parse_hex(vm: &Vm, s: &[u8]) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len() / 2);
    let mut i = 0;
    let digit = |c: u8| (c as char).to_digit(16);
    while i < s.len() {
        if is_space(s[i]) {
            i += 1;
            continue;
        }
        let hi = digit(s[i]).ok_or_else(|| {
            vm.new_value_error(format!(
                "non-hexadecimal number found in fromhex() arg at position {i}"
            ))
        })?;
        let lo = s.get(i + 1).and_then(|&c| digit(c)).ok_or_else(|| {
            vm.new_value_error(format!(
                "non-hexadecimal number found in fromhex() arg at position {}",
                i + 1
            ))
        })?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(out)
}

fn m_fromhex(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let Some((cls, rest)) = args.split_self() else {
        return Err(vm.new_type_error("fromhex() needs a class"));
    };
    let arg = rest.one(vm, "fromhex")?;
    let text = if let Some(s) = arg.downcast::<super::str::Str>() {
        s.as_bytes().to_vec()
    } else if let Some(b) = buffer_of(vm, arg) {
        b
    } else {
        return Err(vm.new_type_error(format!(
            "fromhex() argument must be str or bytes-like, not {}",
            vm.type_name(arg)
        )));
    };
    let data = parse_hex(vm, &text)?;
    let Some(cls) = cls.downcast::<Type>() else {
        return Err(vm.new_type_error("fromhex() needs a class"));
    };
    if cls.is(&vm.types.bytes) {
        return Ok(vm.new_bytes(data).into());
    }
    if cls.is(&vm.types.bytearray) {
        return Ok(vm.new_bytearray(data).into());
    }
    let base: Value = if cls.is_subtype(&vm.types.bytearray) {
        vm.new_bytearray(data).into()
    } else {
        vm.new_bytes(data).into()
    };
    vm.call_pos(&Value::from(cls.clone()), &[base])
}

type M = fn(&Vm, Args<'_>) -> PyResult<Value>;

/// Adds the shared methods to `bytes` or `bytearray`.
pub(crate) fn init(vm: &Vm, t: &Py<Type>) {
    let methods: &[(&'static str, M)] = &[
        ("find", m_find),
        ("rfind", m_rfind),
        ("index", m_index),
        ("rindex", m_rindex),
        ("count", m_count),
        ("startswith", m_startswith),
        ("endswith", m_endswith),
        ("strip", m_strip),
        ("lstrip", m_lstrip),
        ("rstrip", m_rstrip),
        ("split", m_split),
        ("rsplit", m_rsplit),
        ("splitlines", m_splitlines),
        ("partition", m_partition),
        ("rpartition", m_rpartition),
        ("join", m_join),
        ("replace", m_replace),
        ("removeprefix", m_removeprefix),
        ("removesuffix", m_removesuffix),
        ("center", m_center),
        ("ljust", m_ljust),
        ("rjust", m_rjust),
        ("zfill", m_zfill),
        ("expandtabs", m_expandtabs),
        ("upper", m_upper),
        ("lower", m_lower),
        ("swapcase", m_swapcase),
        ("title", m_title),
        ("capitalize", m_capitalize),
        ("isalnum", m_isalnum),
        ("isalpha", m_isalpha),
        ("isdigit", m_isdigit),
        ("isspace", m_isspace),
        ("isascii", m_isascii),
        ("islower", m_islower),
        ("isupper", m_isupper),
        ("istitle", m_istitle),
        ("translate", m_translate),
        ("hex", m_hex),
    ];
    vm.add_methods(t, methods);
    vm.add_staticmethod(t, "maketrans", m_maketrans);
    vm.add_classmethod(t, "fromhex", m_fromhex);
}
