//! The `os` module (POSIX only): paths and `fspath`, the file system (`stat`, `listdir`,
//! `scandir`, `walk`, `mkdir`/`makedirs`, `remove`, `rename`, ...), file descriptors,
//! process ids, the environment (`environ`, `getenv`, `putenv`) and the constants real
//! programs use. `os.path` is `posixpath` (in `path.rs`). Functions CPython has and rpy
//! does not raise `AttributeError` as absent attributes.

pub mod dir;
pub mod environ;
pub mod path;

use crate::object::{Py, Type, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::stdlib::ffi::{self, Stat};
use crate::stdlib::io::{os_error, os_error2};
use crate::types::bytes::{ByteArray, Bytes};
use crate::types::module::Module;
use crate::types::str::Str;

/// `os.fspath(path)`: str and bytes as they are, else `__fspath__()`.
pub fn fspath(vm: &Vm, v: &Value) -> PyResult<Value> {
    if v.downcast::<Str>().is_some() || v.downcast::<Bytes>().is_some() {
        return Ok(v.clone());
    }
    let cls = v.class(vm).clone();
    let Some(method) = cls
        .lookup(&vm.intern("__fspath__"))
        .filter(|m| !m.is_none())
    else {
        return Err(vm.new_type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            cls.name()
        )));
    };
    let r = vm.call_pos(&method, std::slice::from_ref(v))?;
    if r.downcast::<Str>().is_some() || r.downcast::<Bytes>().is_some() {
        return Ok(r);
    }
    Err(vm.new_type_error(format!(
        "expected {}.__fspath__() to return str or bytes, not {}",
        cls.name(),
        vm.type_name(&r)
    )))
}

/// Encodes a str's generalized UTF-8 for the file system (surrogateescape).
pub fn encode_fs(vm: &Vm, wtf8: &[u8]) -> PyResult<Vec<u8>> {
    if std::str::from_utf8(wtf8).is_ok() {
        return Ok(wtf8.to_vec());
    }
    let s = vm.new_str_wtf8(crate::text::wtf8::Wtf8::from_bytes_unchecked(wtf8));
    crate::runtime::codecs::encode(vm, &s, "utf-8", "surrogateescape")
}

/// Decodes a file-system name (surrogateescape).
pub fn decode_fs(vm: &Vm, bytes: &[u8]) -> PyResult<Py<Str>> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(vm.new_str(s)),
        Err(_) => crate::runtime::codecs::decode(vm, bytes, "utf-8", "surrogateescape"),
    }
}

/// A path argument of an `os` function.
pub struct PathArg {
    /// The file-system bytes (empty for a descriptor).
    pub bytes: Vec<u8>,
    /// Whether the argument was bytes (results then are bytes).
    pub is_bytes: bool,
    /// A descriptor given instead of a path.
    pub fd: Option<i32>,
    /// The argument as given (for error messages).
    pub orig: Value,
}

/// Converts a path argument (`path_converter`): str, bytes, os.PathLike, or (when
/// `allow_fd`) an int descriptor, with CPython's messages.
pub fn path_arg(vm: &Vm, v: &Value, fname: &str, allow_fd: bool) -> PyResult<PathArg> {
    if allow_fd && let Value::Int(fd) = v {
        return Ok(PathArg {
            bytes: Vec::new(),
            is_bytes: false,
            fd: Some(
                i32::try_from(*fd)
                    .map_err(|_| vm.new_overflow_error("fd is greater than maximum"))?,
            ),
            orig: v.clone(),
        });
    }
    let what = if allow_fd {
        "string, bytes, os.PathLike or integer"
    } else {
        "string, bytes or os.PathLike"
    };
    let p = match fspath(vm, v) {
        Ok(p) => p,
        Err(e)
            if e.matches(&vm.exc.type_error)
                && vm.getattr_opt(v, &vm.intern("__fspath__"))?.is_none() =>
        {
            return Err(vm.new_type_error(format!(
                "{fname}: path should be {what}, not {}",
                vm.type_name(v)
            )));
        }
        Err(e) => return Err(e),
    };
    let (bytes, is_bytes) = if let Some(s) = p.downcast::<Str>() {
        (encode_fs(vm, s.as_bytes())?, false)
    } else if let Some(b) = p.downcast::<Bytes>() {
        (b.as_bytes().to_vec(), true)
    } else {
        return Err(vm.new_type_error(format!(
            "{fname}: path should be {what}, not {}",
            vm.type_name(v)
        )));
    };
    if bytes.contains(&0) {
        return Err(vm.new_value_error(format!("{fname}: embedded null character in path")));
    }
    Ok(PathArg {
        bytes,
        is_bytes,
        fd: None,
        orig: v.clone(),
    })
}

/// `stat` of a path or descriptor: the outer error is a bad argument, the inner one the
/// system call's failure.
pub fn stat_arg(vm: &Vm, v: &Value, fname: &str, follow: bool) -> PyResult<std::io::Result<Stat>> {
    let p = path_arg(vm, v, fname, true)?;
    Ok(match p.fd {
        Some(fd) => ffi::fstat(fd),
        None => ffi::stat(&p.bytes, follow),
    })
}

/// `stat`, raising `OSError` with the filename.
pub fn stat_raw(vm: &Vm, v: &Value, fname: &str, follow: bool) -> PyResult<Stat> {
    stat_arg(vm, v, fname, follow)?.map_err(|e| os_error(vm, &e, Some(v.clone())))
}

/// `os.stat(...)` as a `stat_result`.
pub fn do_stat(vm: &Vm, v: &Value, fname: &str, follow: bool) -> PyResult<Value> {
    let st = stat_raw(vm, v, fname, follow)?;
    stat_result(vm, &st)
}

/// The `os.stat_result` type.
fn stat_result_type(vm: &Vm) -> PyResult<Py<Type>> {
    crate::stdlib::structseq::cached_type(
        vm,
        &crate::stdlib::structseq::Spec {
            name: "os.stat_result",
            visible: &[
                "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
            ],
            unnamed: 3,
            extra: &[
                "st_atime",
                "st_mtime",
                "st_ctime",
                "st_atime_ns",
                "st_mtime_ns",
                "st_ctime_ns",
                "st_blksize",
                "st_blocks",
                "st_rdev",
            ],
        },
    )
}

/// Builds an `os.stat_result`.
pub fn stat_result(vm: &Vm, st: &Stat) -> PyResult<Value> {
    let ty = stat_result_type(vm)?;
    let int = |n: i64| Value::Int(n);
    let uint = |n: u64| -> Value {
        match i64::try_from(n) {
            Ok(i) => Value::Int(i),
            Err(_) => vm.new_int(n.into()),
        }
    };
    let secs = |t: (i64, i64)| Value::Float(t.0 as f64 + t.1 as f64 * 1e-9);
    let ns = |t: (i64, i64)| -> Value {
        let total = i128::from(t.0) * 1_000_000_000 + i128::from(t.1);
        match i64::try_from(total) {
            Ok(i) => Value::Int(i),
            Err(_) => vm.new_int(total.into()),
        }
    };
    let items = vec![
        int(i64::from(st.mode)),
        uint(st.ino),
        uint(st.dev),
        uint(st.nlink),
        int(i64::from(st.uid)),
        int(i64::from(st.gid)),
        int(st.size),
        int(st.atime.0),
        int(st.mtime.0),
        int(st.ctime.0),
    ];
    let extras = vec![
        secs(st.atime),
        secs(st.mtime),
        secs(st.ctime),
        ns(st.atime),
        ns(st.mtime),
        ns(st.ctime),
        int(st.blksize),
        int(st.blocks),
        uint(st.rdev),
    ];
    crate::stdlib::structseq::new_instance(vm, &ty, items, extras)
}

fn path_result(vm: &Vm, bytes: Vec<u8>, as_bytes: bool) -> PyResult<Value> {
    if as_bytes {
        Ok(vm.new_bytes(bytes).into())
    } else {
        Ok(decode_fs(vm, &bytes)?.into())
    }
}

fn f_fspath(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [path] = args.bind(vm, "fspath", ["path"], 1, 0)?;
    fspath(vm, path.unwrap_or(&Value::None))
}

fn f_fsencode(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = fspath(vm, args.one(vm, "fsencode")?)?;
    match p.downcast::<Str>() {
        Some(s) => Ok(vm.new_bytes(encode_fs(vm, s.as_bytes())?).into()),
        None => Ok(p),
    }
}

fn f_fsdecode(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let p = fspath(vm, args.one(vm, "fsdecode")?)?;
    match p.downcast::<Bytes>() {
        Some(b) => Ok(decode_fs(vm, b.as_bytes())?.into()),
        None => Ok(p),
    }
}

fn f_getcwd(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "getcwd")?;
    use std::os::unix::ffi::OsStrExt;
    let d = std::env::current_dir().map_err(|e| os_error(vm, &e, None))?;
    Ok(decode_fs(vm, d.as_os_str().as_bytes())?.into())
}

fn f_getcwdb(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "getcwdb")?;
    use std::os::unix::ffi::OsStrExt;
    let d = std::env::current_dir().map_err(|e| os_error(vm, &e, None))?;
    Ok(vm.new_bytes(d.as_os_str().as_bytes().to_vec()).into())
}

fn os_path(bytes: &[u8]) -> &std::path::Path {
    use std::os::unix::ffi::OsStrExt;
    std::path::Path::new(std::ffi::OsStr::from_bytes(bytes))
}

fn f_chdir(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [path] = args.bind(vm, "chdir", ["path"], 1, 0)?;
    let v = path.cloned().unwrap_or(Value::None);
    let p = path_arg(vm, &v, "chdir", false)?;
    std::env::set_current_dir(os_path(&p.bytes)).map_err(|e| os_error(vm, &e, Some(v)))?;
    Ok(Value::None)
}

fn f_mkdir(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [path, mode, _dir_fd] = args.bind(vm, "mkdir", ["path", "mode", "dir_fd"], 1, 0)?;
    let v = path.cloned().unwrap_or(Value::None);
    let p = path_arg(vm, &v, "mkdir", false)?;
    let mode = match mode {
        Some(m) => vm.index_value(m)? as u32,
        None => 0o777,
    };
    ffi::mkdir(&p.bytes, mode).map_err(|e| os_error(vm, &e, Some(v)))?;
    Ok(Value::None)
}

fn f_makedirs(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [name, mode, exist_ok] = args.bind(vm, "makedirs", ["name", "mode", "exist_ok"], 1, 0)?;
    let v = name.cloned().unwrap_or(Value::None);
    let p = path_arg(vm, &v, "makedirs", false)?;
    let mode = match mode {
        Some(m) => vm.index_value(m)? as u32,
        None => 0o777,
    };
    let exist_ok = match exist_ok {
        Some(x) => vm.is_true(x)?,
        None => false,
    };
    makedirs(vm, &p.bytes, mode, exist_ok, &v)?;
    Ok(Value::None)
}

fn makedirs(vm: &Vm, name: &[u8], mode: u32, exist_ok: bool, orig: &Value) -> PyResult<()> {
    let split = |p: &[u8]| -> (Vec<u8>, Vec<u8>) {
        let i = p.iter().rposition(|&c| c == b'/').map_or(0, |i| i + 1);
        let mut head = p[..i].to_vec();
        if !head.is_empty() && head.iter().any(|&c| c != b'/') {
            while head.last() == Some(&b'/') {
                head.pop();
            }
        }
        (head, p[i..].to_vec())
    };
    let (mut head, mut tail) = split(name);
    if tail.is_empty() {
        (head, tail) = split(&head);
    }
    if !head.is_empty() && !tail.is_empty() && ffi::stat(&head, true).is_err() {
        match makedirs(vm, &head, mode, exist_ok, orig) {
            Ok(()) => {}
            Err(e) if e.matches(&vm.exc.file_exists_error) => {}
            Err(e) => return Err(e),
        }
        if tail == b"." {
            return Ok(());
        }
    }
    if let Err(e) = ffi::mkdir(name, mode) {
        let is_dir = ffi::stat(name, true).is_ok_and(|s| s.mode & libc::S_IFMT == libc::S_IFDIR);
        if !exist_ok || !is_dir {
            let shown = if name.len() == path_len(vm, orig) {
                orig.clone()
            } else {
                path_result(vm, name.to_vec(), orig.downcast::<Bytes>().is_some())?
            };
            return Err(os_error(vm, &e, Some(shown)));
        }
    }
    Ok(())
}

fn path_len(vm: &Vm, v: &Value) -> usize {
    path_arg(vm, v, "makedirs", false).map_or(0, |p| p.bytes.len())
}

fn unary_path_op(
    vm: &Vm,
    args: Args<'_>,
    fname: &str,
    op: fn(&std::path::Path) -> std::io::Result<()>,
) -> PyResult<Value> {
    let [path, _dir_fd] = args.bind(vm, fname, ["path", "dir_fd"], 1, 0)?;
    let v = path.cloned().unwrap_or(Value::None);
    let p = path_arg(vm, &v, fname, false)?;
    op(os_path(&p.bytes)).map_err(|e| os_error(vm, &e, Some(v)))?;
    Ok(Value::None)
}

fn f_rmdir(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    unary_path_op(vm, args, "rmdir", |p| std::fs::remove_dir(p))
}

fn remove_file(p: &std::path::Path) -> std::io::Result<()> {
    // unlink(2) on a directory fails with EISDIR on Linux, which std reports as is.
    std::fs::remove_file(p)
}

fn f_remove(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    unary_path_op(vm, args, "remove", remove_file)
}

fn f_unlink(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    unary_path_op(vm, args, "unlink", remove_file)
}

fn two_path_op(
    vm: &Vm,
    args: Args<'_>,
    fname: &str,
    op: fn(&std::path::Path, &std::path::Path) -> std::io::Result<()>,
) -> PyResult<Value> {
    let [src, dst, _a, _b] =
        args.bind(vm, fname, ["src", "dst", "src_dir_fd", "dst_dir_fd"], 2, 0)?;
    let (sv, dv) = (
        src.cloned().unwrap_or(Value::None),
        dst.cloned().unwrap_or(Value::None),
    );
    let s = path_arg(vm, &sv, fname, false)?;
    let d = path_arg(vm, &dv, fname, false)?;
    op(os_path(&s.bytes), os_path(&d.bytes)).map_err(|e| os_error2(vm, &e, Some(sv), Some(dv)))?;
    Ok(Value::None)
}

fn f_rename(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    two_path_op(vm, args, "rename", |a, b| std::fs::rename(a, b))
}

fn f_replace(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    two_path_op(vm, args, "replace", |a, b| std::fs::rename(a, b))
}

fn f_link(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    two_path_op(vm, args, "link", |a, b| std::fs::hard_link(a, b))
}

fn f_symlink(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    two_path_op(vm, args, "symlink", |a, b| std::os::unix::fs::symlink(a, b))
}

fn f_readlink(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [path, _dir_fd] = args.bind(vm, "readlink", ["path", "dir_fd"], 1, 0)?;
    let v = path.cloned().unwrap_or(Value::None);
    let p = path_arg(vm, &v, "readlink", false)?;
    use std::os::unix::ffi::OsStrExt;
    let t = std::fs::read_link(os_path(&p.bytes)).map_err(|e| os_error(vm, &e, Some(v)))?;
    path_result(vm, t.as_os_str().as_bytes().to_vec(), p.is_bytes)
}

fn f_stat(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [path, _dir_fd, follow] =
        args.bind(vm, "stat", ["path", "dir_fd", "follow_symlinks"], 1, 0)?;
    let follow = match follow {
        Some(f) => vm.is_true(f)?,
        None => true,
    };
    do_stat(vm, path.unwrap_or(&Value::None), "stat", follow)
}

fn f_lstat(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [path, _dir_fd] = args.bind(vm, "lstat", ["path", "dir_fd"], 1, 0)?;
    do_stat(vm, path.unwrap_or(&Value::None), "lstat", false)
}

fn fd_arg(vm: &Vm, v: &Value) -> PyResult<i32> {
    if crate::types::float::is_float(v) {
        return Err(vm.new_type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = vm.index_value(v)?;
    i32::try_from(n).map_err(|_| vm.new_overflow_error("fd is greater than maximum"))
}

fn f_fstat(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let fd = fd_arg(vm, args.one(vm, "fstat")?)?;
    let st = ffi::fstat(fd).map_err(|e| os_error(vm, &e, None))?;
    stat_result(vm, &st)
}

fn f_access(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [path, mode, _a, _b, _c] = args.bind(
        vm,
        "access",
        ["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"],
        2,
        0,
    )?;
    let p = path_arg(vm, path.unwrap_or(&Value::None), "access", false)?;
    let mode = vm.index_value(mode.unwrap_or(&Value::Int(0)))? as i32;
    Ok(Value::Bool(ffi::access(&p.bytes, mode)))
}

fn f_chmod(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [path, mode, _a, _b] = args.bind(
        vm,
        "chmod",
        ["path", "mode", "dir_fd", "follow_symlinks"],
        2,
        0,
    )?;
    let v = path.cloned().unwrap_or(Value::None);
    let p = path_arg(vm, &v, "chmod", false)?;
    let mode = vm.index_value(mode.unwrap_or(&Value::Int(0)))? as u32;
    ffi::chmod(&p.bytes, mode).map_err(|e| os_error(vm, &e, Some(v)))?;
    Ok(Value::None)
}

fn f_open(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [path, flags, mode, _dir_fd] =
        args.bind(vm, "open", ["path", "flags", "mode", "dir_fd"], 2, 0)?;
    let v = path.cloned().unwrap_or(Value::None);
    let p = path_arg(vm, &v, "open", false)?;
    let flags = vm.index_value(flags.unwrap_or(&Value::Int(0)))? as i32;
    let mode = match mode {
        Some(m) => vm.index_value(m)? as u32,
        None => 0o777,
    };
    let fd = ffi::open(&p.bytes, flags | libc::O_CLOEXEC, mode)
        .map_err(|e| os_error(vm, &e, Some(v)))?;
    Ok(Value::Int(i64::from(fd)))
}

fn f_read(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "read", 2, 2)?;
    let fd = fd_arg(vm, &vals[0])?;
    let n = vm.index_value(&vals[1])?;
    if n < 0 {
        return Err(vm.new_value_error("negative length"));
    }
    let mut buf = vec![0u8; n as usize];
    let got = ffi::read(fd, &mut buf).map_err(|e| os_error(vm, &e, None))?;
    buf.truncate(got);
    Ok(vm.new_bytes(buf).into())
}

fn f_write(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "write", 2, 2)?;
    let fd = fd_arg(vm, &vals[0])?;
    let data = if let Some(b) = vals[1].downcast::<Bytes>() {
        b.as_bytes().to_vec()
    } else if let Some(b) = vals[1].downcast::<ByteArray>() {
        b.to_vec()
    } else {
        vm.bytes_like(&vals[1])?
    };
    let n = ffi::write(fd, &data).map_err(|e| os_error(vm, &e, None))?;
    Ok(Value::Int(n as i64))
}

fn f_close(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [fd] = args.bind(vm, "close", ["fd"], 1, 0)?;
    let fd = fd_arg(vm, fd.unwrap_or(&Value::None))?;
    ffi::close(fd).map_err(|e| os_error(vm, &e, None))?;
    Ok(Value::None)
}

fn f_lseek(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "lseek", 3, 3)?;
    let fd = fd_arg(vm, &vals[0])?;
    let pos = vm.index_value(&vals[1])?;
    let how = vm.index_value(&vals[2])? as i32;
    let r = ffi::lseek(fd, pos, how).map_err(|e| os_error(vm, &e, None))?;
    Ok(Value::Int(r))
}

fn f_isatty(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let fd = fd_arg(vm, args.one(vm, "isatty")?)?;
    Ok(Value::Bool(ffi::isatty(fd)))
}

fn f_dup(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let fd = fd_arg(vm, args.one(vm, "dup")?)?;
    let r = ffi::dup(fd).map_err(|e| os_error(vm, &e, None))?;
    Ok(Value::Int(i64::from(r)))
}

fn f_pipe(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "pipe")?;
    let (r, w) = ffi::pipe().map_err(|e| os_error(vm, &e, None))?;
    Ok(vm
        .new_tuple(vec![Value::Int(i64::from(r)), Value::Int(i64::from(w))])
        .into())
}

fn f_fsync(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let v = args.one(vm, "fsync")?;
    let fd = match v {
        Value::Int(_) => fd_arg(vm, v)?,
        _ => {
            let r = vm.call_method(v, &vm.intern("fileno"), &[])?;
            fd_arg(vm, &r)?
        }
    };
    ffi::fsync(fd).map_err(|e| os_error(vm, &e, None))?;
    Ok(Value::None)
}

fn f_ftruncate(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "ftruncate", 2, 2)?;
    let fd = fd_arg(vm, &vals[0])?;
    let len = vm.index_value(&vals[1])?;
    ffi::ftruncate(fd, len).map_err(|e| os_error(vm, &e, None))?;
    Ok(Value::None)
}

fn f_getpid(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "getpid")?;
    Ok(Value::Int(i64::from(std::process::id())))
}

fn id_fn(
    vm: &Vm,
    args: Args<'_>,
    fname: &str,
    pick: fn((i64, i64, i64, i64, i64)) -> i64,
) -> PyResult<Value> {
    args.none(vm, fname)?;
    Ok(Value::Int(pick(ffi::ids())))
}

fn f_getppid(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    id_fn(vm, args, "getppid", |i| i.0)
}

fn f_getuid(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    id_fn(vm, args, "getuid", |i| i.1)
}

fn f_geteuid(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    id_fn(vm, args, "geteuid", |i| i.2)
}

fn f_getgid(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    id_fn(vm, args, "getgid", |i| i.3)
}

fn f_getegid(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    id_fn(vm, args, "getegid", |i| i.4)
}

fn f_umask(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let m = vm.index_value(args.one(vm, "umask")?)?;
    Ok(Value::Int(i64::from(ffi::umask(m as u32))))
}

fn f_cpu_count(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    args.none(vm, "cpu_count")?;
    Ok(match std::thread::available_parallelism() {
        Ok(n) => Value::Int(n.get() as i64),
        Err(_) => Value::None,
    })
}

fn f_urandom(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let n = vm.index_value(args.one(vm, "urandom")?)?;
    if n < 0 {
        return Err(vm.new_value_error("negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    use std::io::Read;
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .map_err(|e| os_error(vm, &e, None))?;
    Ok(vm.new_bytes(buf).into())
}

fn f_strerror(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let n = vm.index_value(args.one(vm, "strerror")?)?;
    let code = i32::try_from(n).unwrap_or(i32::MAX);
    let text = if (0..4096).contains(&code) {
        ffi::strerror(code)
    } else {
        format!("Unknown error {code}")
    };
    Ok(vm.new_str(&text).into())
}

fn f_kill(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "kill", 2, 2)?;
    let pid = vm.index_value(&vals[0])? as i32;
    let sig = vm.index_value(&vals[1])? as i32;
    ffi::kill(pid, sig).map_err(|e| os_error(vm, &e, None))?;
    Ok(Value::None)
}

fn f_exit(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [status] = args.bind(vm, "_exit", ["status"], 1, 0)?;
    let code = vm.index_value(status.unwrap_or(&Value::Int(0)))?;
    std::process::exit(code as i32)
}

/// Builds `os`.
fn init_module(vm: &Vm) -> PyResult<Py<Module>> {
    let m = vm.new_module("os");
    let d = m.dict();
    let set = |k: &str, v: Value| d.set_str(&vm.intern(k), v);
    for (k, v) in [
        ("name", "posix"),
        ("sep", "/"),
        ("extsep", "."),
        ("pathsep", ":"),
        ("linesep", "\n"),
        ("curdir", "."),
        ("pardir", ".."),
        ("defpath", "/bin:/usr/bin"),
        ("devnull", "/dev/null"),
    ] {
        set(k, vm.new_str(v).into());
    }
    set("altsep", Value::None);
    set("error", vm.exc.os_error.clone().into());
    for (k, v) in [
        ("SEEK_SET", 0),
        ("SEEK_CUR", 1),
        ("SEEK_END", 2),
        ("F_OK", libc::F_OK),
        ("R_OK", libc::R_OK),
        ("W_OK", libc::W_OK),
        ("X_OK", libc::X_OK),
        ("O_RDONLY", libc::O_RDONLY),
        ("O_WRONLY", libc::O_WRONLY),
        ("O_RDWR", libc::O_RDWR),
        ("O_APPEND", libc::O_APPEND),
        ("O_CREAT", libc::O_CREAT),
        ("O_EXCL", libc::O_EXCL),
        ("O_TRUNC", libc::O_TRUNC),
        ("O_CLOEXEC", libc::O_CLOEXEC),
        ("O_NONBLOCK", libc::O_NONBLOCK),
        ("O_NOFOLLOW", libc::O_NOFOLLOW),
        ("O_DIRECTORY", libc::O_DIRECTORY),
        ("EX_OK", 0),
    ] {
        set(k, Value::Int(i64::from(v)));
    }
    let posixpath = crate::exec::import::import_absolute(vm, "posixpath")?;
    set("path", posixpath.clone());
    vm.modules.set_str(&vm.intern("os.path"), posixpath);
    set("environ", environ::make_environ(vm)?);
    for (name, f) in [
        ("fspath", f_fspath as crate::types::function::NativeFn),
        ("fsencode", f_fsencode),
        ("fsdecode", f_fsdecode),
        ("getcwd", f_getcwd),
        ("getcwdb", f_getcwdb),
        ("chdir", f_chdir),
        ("mkdir", f_mkdir),
        ("makedirs", f_makedirs),
        ("rmdir", f_rmdir),
        ("remove", f_remove),
        ("unlink", f_unlink),
        ("rename", f_rename),
        ("replace", f_replace),
        ("link", f_link),
        ("symlink", f_symlink),
        ("readlink", f_readlink),
        ("stat", f_stat),
        ("lstat", f_lstat),
        ("fstat", f_fstat),
        ("access", f_access),
        ("chmod", f_chmod),
        ("open", f_open),
        ("read", f_read),
        ("write", f_write),
        ("close", f_close),
        ("lseek", f_lseek),
        ("isatty", f_isatty),
        ("dup", f_dup),
        ("pipe", f_pipe),
        ("fsync", f_fsync),
        ("ftruncate", f_ftruncate),
        ("getpid", f_getpid),
        ("getppid", f_getppid),
        ("getuid", f_getuid),
        ("geteuid", f_geteuid),
        ("getgid", f_getgid),
        ("getegid", f_getegid),
        ("umask", f_umask),
        ("cpu_count", f_cpu_count),
        ("urandom", f_urandom),
        ("strerror", f_strerror),
        ("kill", f_kill),
        ("_exit", f_exit),
        ("getenv", environ::f_getenv),
        ("putenv", environ::f_putenv),
        ("unsetenv", environ::f_unsetenv),
        ("listdir", dir::f_listdir),
        ("scandir", dir::f_scandir),
        ("walk", dir::f_walk),
    ] {
        vm.add_function(&m, name, f);
    }
    let t = dir::types(vm)?;
    set("DirEntry", t.dir_entry.clone().into());
    set("stat_result", stat_result_type(vm)?.into());
    set("PathLike", path_like(vm)?.into());
    Ok(m)
}

/// `os.PathLike`: a plain base class (CPython's is an ABC whose subclass hook also
/// accepts unrelated classes defining `__fspath__`; that hook is not modeled).
fn path_like(vm: &Vm) -> PyResult<Py<Type>> {
    let ns = vm.new_dict();
    ns.set_str(&vm.names.__module__, vm.new_str("os").into());
    crate::runtime::class::type_new(vm, &vm.types.type_, &vm.new_str("PathLike"), &[], &ns, &[])
}

/// Registers `os` and `posixpath`.
pub(crate) fn register(vm: &Vm) {
    vm.register_native_module("os", init_module);
    vm.register_native_module("posixpath", path::init_module);
}
