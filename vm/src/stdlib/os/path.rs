//! `posixpath` (`os.path`): path manipulation on str or bytes with POSIX rules, and the
//! file tests built on `stat`. String functions work on the generalized UTF-8 bytes of a
//! str (only `/` and `.` are ever split on) and return the argument's type.

use crate::object::{Py, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::types::bytes::Bytes;
use crate::types::list::List;
use crate::types::module::Module;
use crate::types::str::Str;
use crate::types::tuple::Tuple;

use super::{fspath, stat_arg};

/// A path value's text and whether it is bytes.
#[derive(Clone)]
struct P {
    b: Vec<u8>,
    bytes: bool,
}

impl P {
    fn of(vm: &Vm, v: &Value) -> PyResult<P> {
        let p = fspath(vm, v)?;
        if let Some(s) = p.downcast::<Str>() {
            return Ok(P {
                b: s.as_bytes().to_vec(),
                bytes: false,
            });
        }
        if let Some(b) = p.downcast::<Bytes>() {
            return Ok(P {
                b: b.as_bytes().to_vec(),
                bytes: true,
            });
        }
        Err(vm.new_type_error("expected str, bytes or os.PathLike object"))
    }

    fn value(&self, vm: &Vm) -> Value {
        make(vm, self.b.clone(), self.bytes)
    }
}

fn make(vm: &Vm, b: Vec<u8>, bytes: bool) -> Value {
    if bytes {
        vm.new_bytes(b).into()
    } else {
        vm.new_str_wtf8(crate::text::wtf8::Wtf8::from_bytes_unchecked(&b))
            .into()
    }
}

/// `genericpath._check_arg_types`: the error for a bad or mixed argument list.
fn check_arg_types(vm: &Vm, fname: &str, args: &[Value]) -> crate::runtime::PyErr {
    let (mut has_str, mut has_bytes) = (false, false);
    for a in args {
        match fspath(vm, a) {
            Ok(p) if p.downcast::<Str>().is_some() => has_str = true,
            Ok(p) if p.downcast::<Bytes>().is_some() => has_bytes = true,
            _ => {
                let p = a.class(vm);
                return vm.new_type_error(format!(
                    "{fname}() argument must be str, bytes, or os.PathLike object, not '{}'",
                    p.name()
                ));
            }
        }
    }
    if has_str && has_bytes {
        return vm.new_type_error("Can't mix strings and bytes in path components");
    }
    vm.new_type_error(format!("{fname}() argument has an unexpected type"))
}

/// Converts every argument, failing as CPython's `join`/`commonpath` do.
fn all_of(vm: &Vm, fname: &str, args: &[Value]) -> PyResult<Vec<P>> {
    let mut out = Vec::with_capacity(args.len());
    for a in args {
        match P::of(vm, a) {
            Ok(p) => out.push(p),
            Err(_) => return Err(check_arg_types(vm, fname, args)),
        }
    }
    if out.windows(2).any(|w| w[0].bytes != w[1].bytes) {
        return Err(check_arg_types(vm, fname, args));
    }
    Ok(out)
}

fn one(vm: &Vm, args: Args<'_>, fname: &str) -> PyResult<P> {
    let v = args.one(vm, fname)?;
    P::of(vm, v)
}

fn rfind(b: &[u8], c: u8) -> Option<usize> {
    b.iter().rposition(|&x| x == c)
}

pub(super) fn join_bytes(path: &mut Vec<u8>, b: &[u8]) {
    if b.first() == Some(&b'/') {
        path.clear();
        path.extend_from_slice(b);
    } else if path.is_empty() || path.last() == Some(&b'/') {
        path.extend_from_slice(b);
    } else {
        path.push(b'/');
        path.extend_from_slice(b);
    }
}

fn split_bytes(p: &[u8]) -> (Vec<u8>, Vec<u8>) {
    let i = rfind(p, b'/').map_or(0, |i| i + 1);
    let (head, tail) = (&p[..i], &p[i..]);
    let head = if !head.is_empty() && head.iter().any(|&c| c != b'/') {
        let end = head.iter().rposition(|&c| c != b'/').map_or(0, |k| k + 1);
        &head[..end]
    } else {
        head
    };
    (head.to_vec(), tail.to_vec())
}

fn splitext_bytes(p: &[u8]) -> (Vec<u8>, Vec<u8>) {
    let sep = rfind(p, b'/').map_or(-1, |i| i as i64);
    if let Some(dot) = rfind(p, b'.')
        && dot as i64 > sep
    {
        let start = (sep + 1) as usize;
        if p[start..dot].iter().any(|&c| c != b'.') {
            return (p[..dot].to_vec(), p[dot..].to_vec());
        }
    }
    (p.to_vec(), Vec::new())
}

/// `posixpath.normpath` on bytes.
pub fn normpath_bytes(path: &[u8]) -> Vec<u8> {
    if path.is_empty() {
        return b".".to_vec();
    }
    let initial = if path.starts_with(b"//") && !path.starts_with(b"///") {
        2
    } else if path.starts_with(b"/") {
        1
    } else {
        0
    };
    let mut comps: Vec<&[u8]> = Vec::new();
    for comp in path.split(|&c| c == b'/') {
        if comp.is_empty() || comp == b"." {
            continue;
        }
        if comp != b".." || (initial == 0 && comps.is_empty()) || comps.last() == Some(&&b".."[..])
        {
            comps.push(comp);
        } else if !comps.is_empty() {
            comps.pop();
        }
    }
    let mut out = vec![b'/'; initial];
    out.extend_from_slice(&comps.join(&b'/'));
    if out.is_empty() {
        out.push(b'.');
    }
    out
}

fn cwd_bytes(vm: &Vm) -> PyResult<Vec<u8>> {
    use std::os::unix::ffi::OsStrExt;
    std::env::current_dir()
        .map(|d| d.as_os_str().as_bytes().to_vec())
        .map_err(|e| crate::stdlib::io::os_error(vm, &e, None))
}

fn abspath_p(vm: &Vm, p: &P) -> PyResult<P> {
    let mut b = p.b.clone();
    if b.first() != Some(&b'/') {
        let cwd = if p.bytes {
            cwd_bytes(vm)?
        } else {
            // getcwd() decodes with surrogateescape; the str's bytes are its WTF-8.
            let c = super::decode_fs(vm, &cwd_bytes(vm)?)?;
            c.as_bytes().to_vec()
        };
        let mut joined = cwd;
        join_bytes(&mut joined, &b);
        b = joined;
    }
    Ok(P {
        b: normpath_bytes(&b),
        bytes: p.bytes,
    })
}

fn p_join(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_kwargs(vm, "join")?;
    let vals = args.pos();
    let Some(first) = vals.first() else {
        return Err(vm.new_type_error("join() missing 1 required positional argument: 'a'"));
    };
    P::of(vm, first)?;
    let parts = all_of(vm, "join", vals)?;
    let mut path = parts[0].b.clone();
    for p in &parts[1..] {
        join_bytes(&mut path, &p.b);
    }
    Ok(make(vm, path, parts[0].bytes))
}

fn pair(vm: &Vm, a: Vec<u8>, b: Vec<u8>, bytes: bool) -> Value {
    vm.new_tuple(vec![make(vm, a, bytes), make(vm, b, bytes)])
        .into()
}

fn p_split(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = one(vm, args, "split")?;
    let (h, t) = split_bytes(&p.b);
    Ok(pair(vm, h, t, p.bytes))
}

fn p_splitext(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = one(vm, args, "splitext")?;
    let (a, b) = splitext_bytes(&p.b);
    Ok(pair(vm, a, b, p.bytes))
}

fn p_splitdrive(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = one(vm, args, "splitdrive")?;
    Ok(pair(vm, Vec::new(), p.b, p.bytes))
}

fn p_splitroot(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = one(vm, args, "splitroot")?;
    let b = &p.b;
    let (root, rest): (&[u8], &[u8]) = if b.first() != Some(&b'/') {
        (b"", b)
    } else if b.get(1) != Some(&b'/') || b.get(2) == Some(&b'/') {
        (b"/", &b[1..])
    } else {
        (&b[..2], &b[2..])
    };
    Ok(vm
        .new_tuple(vec![
            make(vm, Vec::new(), p.bytes),
            make(vm, root.to_vec(), p.bytes),
            make(vm, rest.to_vec(), p.bytes),
        ])
        .into())
}

fn p_basename(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = one(vm, args, "basename")?;
    let i = rfind(&p.b, b'/').map_or(0, |i| i + 1);
    Ok(make(vm, p.b[i..].to_vec(), p.bytes))
}

fn p_dirname(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = one(vm, args, "dirname")?;
    Ok(make(vm, split_bytes(&p.b).0, p.bytes))
}

fn p_isabs(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = one(vm, args, "isabs")?;
    Ok(Value::Bool(p.b.first() == Some(&b'/')))
}

fn p_normcase(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = one(vm, args, "normcase")?;
    Ok(p.value(vm))
}

fn p_normpath(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = one(vm, args, "normpath")?;
    Ok(make(vm, normpath_bytes(&p.b), p.bytes))
}

fn p_abspath(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = one(vm, args, "abspath")?;
    Ok(abspath_p(vm, &p)?.value(vm))
}

/// `realpath`: resolves symbolic links component by component (following CPython's
/// algorithm), keeping the unresolvable rest of a path that does not exist.
fn p_realpath(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [path, _strict] = args.bind(vm, "realpath", ["filename", "strict"], 1, 1)?;
    let p = P::of(vm, path.unwrap_or(&Value::None))?;
    let abs = abspath_p(vm, &p)?;
    let fs = if p.bytes {
        abs.b.clone()
    } else {
        super::encode_fs(vm, &abs.b)?
    };
    let mut resolved: Vec<u8> = Vec::new();
    let mut pending: Vec<Vec<u8>> = fs
        .split(|&c| c == b'/')
        .filter(|c| !c.is_empty())
        .rev()
        .map(<[u8]>::to_vec)
        .collect();
    let mut links = 0;
    while let Some(comp) = pending.pop() {
        if comp == b"." {
            continue;
        }
        if comp == b".." {
            let (h, _) = split_bytes(&resolved);
            resolved = if h.is_empty() { Vec::new() } else { h };
            if resolved == b"/" {
                resolved.clear();
            }
            continue;
        }
        let mut candidate = resolved.clone();
        candidate.push(b'/');
        candidate.extend_from_slice(&comp);
        let target = {
            use std::os::unix::ffi::OsStrExt;
            std::fs::read_link(std::ffi::OsStr::from_bytes(&candidate))
                .ok()
                .map(|t| t.as_os_str().as_bytes().to_vec())
        };
        match target {
            Some(t) if links < 40 => {
                links += 1;
                if t.first() == Some(&b'/') {
                    resolved.clear();
                }
                for c in t.split(|&c| c == b'/').filter(|c| !c.is_empty()).rev() {
                    pending.push(c.to_vec());
                }
            }
            _ => resolved = candidate,
        }
    }
    if resolved.is_empty() {
        resolved.push(b'/');
    }
    if p.bytes {
        return Ok(vm.new_bytes(resolved).into());
    }
    Ok(super::decode_fs(vm, &resolved)?.into())
}

fn p_relpath(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [path, start] = args.bind(vm, "relpath", ["path", "start"], 1, 0)?;
    let path = path.cloned().unwrap_or(Value::None);
    let p = P::of(vm, &path)?;
    if p.b.is_empty() {
        return Err(vm.new_value_error("no path specified"));
    }
    let s = match start {
        Some(s) if !s.is_none() => {
            let mut all = all_of(vm, "relpath", &[path.clone(), s.clone()])?;
            all.remove(1)
        }
        _ => P {
            b: b".".to_vec(),
            bytes: p.bytes,
        },
    };
    let comps = |x: &P| -> PyResult<Vec<Vec<u8>>> {
        Ok(abspath_p(vm, x)?
            .b
            .split(|&c| c == b'/')
            .filter(|c| !c.is_empty())
            .map(<[u8]>::to_vec)
            .collect())
    };
    let (sl, pl) = (comps(&s)?, comps(&p)?);
    let i = sl.iter().zip(&pl).take_while(|(a, b)| a == b).count();
    let mut rel: Vec<Vec<u8>> = vec![b"..".to_vec(); sl.len() - i];
    rel.extend(pl[i..].iter().cloned());
    if rel.is_empty() {
        return Ok(make(vm, b".".to_vec(), p.bytes));
    }
    Ok(make(vm, rel.join(&b'/'), p.bytes))
}

/// Cuts `n` back to a code-point boundary of `b` (for byte-wise prefixes of str paths).
fn char_boundary(b: &[u8], mut n: usize) -> usize {
    while n > 0 && n < b.len() && (b[n] & 0xC0) == 0x80 {
        n -= 1;
    }
    n
}

fn p_commonprefix(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let m = args.one(vm, "commonprefix")?;
    let items = vm.collect(m)?;
    let Some(first) = items.first() else {
        return Ok(vm.new_str("").into());
    };
    if first.downcast::<List>().is_some() || first.downcast::<Tuple>().is_some() {
        return generic_commonprefix(vm, &items);
    }
    let ps: Vec<P> = items
        .iter()
        .map(|v| P::of(vm, v))
        .collect::<PyResult<_>>()?;
    if ps.windows(2).any(|w| w[0].bytes != w[1].bytes) {
        return Err(vm.new_type_error("'<' not supported between instances of 'bytes' and 'str'"));
    }
    let (mut lo, mut hi) = (&ps[0].b, &ps[0].b);
    for p in &ps {
        if p.b < *lo {
            lo = &p.b;
        }
        if p.b > *hi {
            hi = &p.b;
        }
    }
    let n = lo.iter().zip(hi.iter()).take_while(|(a, b)| a == b).count();
    let n = if ps[0].bytes { n } else { char_boundary(lo, n) };
    Ok(make(vm, lo[..n].to_vec(), ps[0].bytes))
}

/// `commonprefix` of lists (as `relpath` in CPython uses it): min/max by Python ordering.
fn generic_commonprefix(vm: &Vm, items: &[Value]) -> PyResult<Value> {
    use crate::object::CompareOp;
    let (mut lo, mut hi) = (items[0].clone(), items[0].clone());
    for x in &items[1..] {
        if vm.is_true(&vm.rich_compare(x, &lo, CompareOp::Lt)?)? {
            lo = x.clone();
        }
        if vm.is_true(&vm.rich_compare(x, &hi, CompareOp::Gt)?)? {
            hi = x.clone();
        }
    }
    let a = vm.collect(&lo)?;
    let b = vm.collect(&hi)?;
    let mut n = 0;
    while n < a.len()
        && n < b.len()
        && vm.is_true(&vm.rich_compare(&a[n], &b[n], CompareOp::Eq)?)?
    {
        n += 1;
    }
    let idx: Value = vm
        .new_slice(Value::None, Value::Int(n as i64), Value::None)
        .into();
    vm.getitem(&lo, &idx)
}

fn p_commonpath(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let paths = vm.collect(args.one(vm, "commonpath")?)?;
    if paths.is_empty() {
        return Err(vm.new_value_error("commonpath() arg is an empty sequence"));
    }
    let ps = all_of(vm, "commonpath", &paths)?;
    let abs: Vec<bool> = ps.iter().map(|p| p.b.first() == Some(&b'/')).collect();
    if abs.iter().any(|&a| a != abs[0]) {
        return Err(vm.new_value_error("Can't mix absolute and relative paths"));
    }
    let split: Vec<Vec<&[u8]>> = ps
        .iter()
        .map(|p| {
            p.b.split(|&c| c == b'/')
                .filter(|c| !c.is_empty() && *c != b".")
                .collect()
        })
        .collect();
    let lo = split.iter().min().cloned().unwrap_or_default();
    let hi = split.iter().max().cloned().unwrap_or_default();
    let n = lo.iter().zip(hi.iter()).take_while(|(a, b)| a == b).count();
    let mut out: Vec<u8> = if abs[0] { b"/".to_vec() } else { Vec::new() };
    out.extend_from_slice(&lo[..n].join(&b'/'));
    Ok(make(vm, out, ps[0].bytes))
}

fn stat_test(
    vm: &Vm,
    args: Args<'_>,
    fname: &str,
    follow: bool,
    test: fn(u32) -> bool,
) -> PyResult<Value> {
    let v = args.one(vm, fname)?;
    let st = match stat_arg(vm, v, "stat", follow) {
        Ok(r) => r,
        Err(e) if e.matches(&vm.exc.value_error) => return Ok(Value::Bool(false)),
        Err(e) => return Err(e),
    };
    Ok(Value::Bool(st.is_ok_and(|s| test(s.mode))))
}

fn p_exists(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    stat_test(vm, args, "exists", true, |_| true)
}

fn p_lexists(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    stat_test(vm, args, "lexists", false, |_| true)
}

fn p_isfile(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    stat_test(vm, args, "isfile", true, |m| {
        m & libc::S_IFMT == libc::S_IFREG
    })
}

fn p_isdir(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    stat_test(vm, args, "isdir", true, |m| {
        m & libc::S_IFMT == libc::S_IFDIR
    })
}

fn p_islink(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    stat_test(vm, args, "islink", false, |m| {
        m & libc::S_IFMT == libc::S_IFLNK
    })
}

fn p_isjunction(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    one(vm, args, "isjunction")?;
    Ok(Value::Bool(false))
}

fn p_ismount(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = one(vm, args, "ismount")?;
    let fs = if p.bytes {
        p.b.clone()
    } else {
        super::encode_fs(vm, &p.b)?
    };
    let Ok(st) = crate::stdlib::ffi::stat(&fs, false) else {
        return Ok(Value::Bool(false));
    };
    if st.mode & libc::S_IFMT == libc::S_IFLNK {
        return Ok(Value::Bool(false));
    }
    let mut parent = fs.clone();
    join_bytes(&mut parent, b"..");
    let Ok(pst) = crate::stdlib::ffi::stat(&parent, false) else {
        return Ok(Value::Bool(false));
    };
    Ok(Value::Bool(st.dev != pst.dev || st.ino == pst.ino))
}

fn stat_field(vm: &Vm, args: Args<'_>, fname: &str, field: &str) -> PyResult<Value> {
    let v = args.one(vm, fname)?;
    let st = super::do_stat(vm, v, "stat", true)?;
    vm.getattr(&st, &vm.intern(field))
}

fn p_getsize(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    stat_field(vm, args, "getsize", "st_size")
}

fn p_getmtime(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    stat_field(vm, args, "getmtime", "st_mtime")
}

fn p_getatime(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    stat_field(vm, args, "getatime", "st_atime")
}

fn p_getctime(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    stat_field(vm, args, "getctime", "st_ctime")
}

fn p_samefile(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "samefile", 2, 2)?;
    let a = super::stat_raw(vm, &vals[0], "stat", true)?;
    let b = super::stat_raw(vm, &vals[1], "stat", true)?;
    Ok(Value::Bool(a.ino == b.ino && a.dev == b.dev))
}

fn p_expanduser(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = one(vm, args, "expanduser")?;
    if p.b.first() != Some(&b'~') {
        return Ok(p.value(vm));
    }
    let i = p.b[1..]
        .iter()
        .position(|&c| c == b'/')
        .map_or(p.b.len(), |k| k + 1);
    let home: Vec<u8> = if i == 1 {
        match std::env::var_os("HOME") {
            Some(h) => {
                use std::os::unix::ffi::OsStrExt;
                h.as_bytes().to_vec()
            }
            None => return Ok(p.value(vm)),
        }
    } else {
        return Ok(p.value(vm));
    };
    let home = if p.bytes {
        home
    } else {
        super::decode_fs(vm, &home)?.as_bytes().to_vec()
    };
    let mut out = home;
    while out.len() > 1 && out.last() == Some(&b'/') {
        out.pop();
    }
    let rest = &p.b[i..];
    if out == b"/" && rest.first() == Some(&b'/') {
        out.clear();
    }
    out.extend_from_slice(rest);
    if out.is_empty() {
        out.push(b'/');
    }
    Ok(make(vm, out, p.bytes))
}

fn p_expandvars(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = one(vm, args, "expandvars")?;
    if !p.b.contains(&b'$') {
        return Ok(p.value(vm));
    }
    let b = &p.b;
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    let is_word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    while i < b.len() {
        if b[i] != b'$' {
            out.push(b[i]);
            i += 1;
            continue;
        }
        let (name, end) = if b.get(i + 1) == Some(&b'{') {
            match b[i + 2..].iter().position(|&c| c == b'}') {
                Some(k) => (&b[i + 2..i + 2 + k], i + 3 + k),
                None => (&b[0..0], i + 1),
            }
        } else {
            let k = b[i + 1..].iter().take_while(|&&c| is_word(c)).count();
            (&b[i + 1..i + 1 + k], i + 1 + k)
        };
        let value = if name.is_empty() {
            None
        } else {
            use std::os::unix::ffi::OsStrExt;
            let key = if p.bytes {
                name.to_vec()
            } else {
                super::encode_fs(vm, name)?
            };
            std::env::var_os(std::ffi::OsStr::from_bytes(&key)).map(|v| v.as_bytes().to_vec())
        };
        match value {
            Some(v) => {
                let v = if p.bytes {
                    v
                } else {
                    super::decode_fs(vm, &v)?.as_bytes().to_vec()
                };
                out.extend_from_slice(&v);
                i = end;
            }
            None => {
                let stop = if name.is_empty() { i + 1 } else { end };
                out.extend_from_slice(&b[i..stop]);
                i = stop;
            }
        }
    }
    Ok(make(vm, out, p.bytes))
}

/// Builds `posixpath`.
pub(super) fn init_module(vm: &Vm) -> PyResult<Py<Module>> {
    let m = vm.new_module("posixpath");
    let d = m.dict();
    for (k, v) in [
        ("sep", "/"),
        ("extsep", "."),
        ("pathsep", ":"),
        ("curdir", "."),
        ("pardir", ".."),
        ("defpath", "/bin:/usr/bin"),
        ("devnull", "/dev/null"),
    ] {
        d.set_str(&vm.intern(k), vm.new_str(v).into());
    }
    d.set_str(&vm.intern("altsep"), Value::None);
    d.set_str(&vm.intern("supports_unicode_filenames"), Value::Bool(false));
    for (name, f) in [
        ("join", p_join as crate::types::function::NativeFn),
        ("split", p_split),
        ("splitext", p_splitext),
        ("splitdrive", p_splitdrive),
        ("splitroot", p_splitroot),
        ("basename", p_basename),
        ("dirname", p_dirname),
        ("isabs", p_isabs),
        ("normcase", p_normcase),
        ("normpath", p_normpath),
        ("abspath", p_abspath),
        ("realpath", p_realpath),
        ("relpath", p_relpath),
        ("commonprefix", p_commonprefix),
        ("commonpath", p_commonpath),
        ("exists", p_exists),
        ("lexists", p_lexists),
        ("isfile", p_isfile),
        ("isdir", p_isdir),
        ("islink", p_islink),
        ("isjunction", p_isjunction),
        ("ismount", p_ismount),
        ("getsize", p_getsize),
        ("getmtime", p_getmtime),
        ("getatime", p_getatime),
        ("getctime", p_getctime),
        ("samefile", p_samefile),
        ("expanduser", p_expanduser),
        ("expandvars", p_expandvars),
    ] {
        vm.add_function(&m, name, f);
    }
    Ok(m)
}
