//! Directory listing: `os.listdir`, `os.scandir` (its iterator and `DirEntry`) and
//! `os.walk` (lazy, so that pruning `dirs` in place works as in CPython).

use std::cell::Cell;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::DirEntryExt;

use crate::object::{Py, PyCell, Type, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::stdlib::ffi;
use crate::stdlib::io::os_error;
use crate::types::bytes::Bytes;
use crate::types::str::Str;

use super::{decode_fs, path_arg};

/// The types of this file, created once per VM.
pub struct DirTypes {
    /// `os.DirEntry`
    pub dir_entry: Py<Type>,
    /// `posix.ScandirIterator`
    pub scandir_iter: Py<Type>,
    /// The iterator `os.walk` returns.
    pub walk: Py<Type>,
}

/// One directory entry.
pub struct DirEntry {
    name: Value,
    path: Value,
    fs_path: Vec<u8>,
    file_type: Option<std::fs::FileType>,
    ino: u64,
}

crate::payload!(DirEntry);

/// The iterator of `os.scandir`.
pub struct ScandirIter {
    entries: PyCell<Option<std::fs::ReadDir>>,
    dir: Value,
    as_bytes: bool,
}

crate::payload!(ScandirIter);

enum WalkItem {
    Dir(Value),
    Done(Value),
}

/// The iterator of `os.walk`.
pub struct Walk {
    stack: PyCell<Vec<WalkItem>>,
    /// The last yielded (top, dirs) of a top-down walk, whose subdirectories are pushed
    /// when the walk resumes (after the caller had a chance to prune `dirs`).
    resume: PyCell<Option<(Value, Value)>>,
    topdown: bool,
    followlinks: bool,
    onerror: Value,
    started: Cell<bool>,
}

crate::payload!(Walk);

fn new_type<T: crate::object::PyPayload>(
    vm: &Vm,
    name: &'static str,
    module: &'static str,
) -> Py<Type> {
    let t = crate::runtime::registry::new_builtin_type::<T>(
        &vm.types.type_,
        &vm.types.dict,
        name,
        module,
        Some(&vm.types.object),
        0,
    );
    t.as_obj().make_immortal();
    t
}

/// The directory types (created on first use).
pub fn types(vm: &Vm) -> PyResult<DirTypes> {
    let dir_entry = vm.cached_type("os.DirEntry", |vm| {
        let t = new_type::<DirEntry>(vm, "DirEntry", "posix");
        t.slots.repr.set(Some(entry_repr));
        vm.add_methods(
            &t,
            &[
                ("is_dir", entry_is_dir),
                ("is_file", entry_is_file),
                ("is_symlink", entry_is_symlink),
                ("is_junction", entry_is_junction),
                ("stat", entry_stat),
                ("inode", entry_inode),
                ("__fspath__", entry_fspath),
            ],
        );
        vm.add_getset(&t, "name", |vm, v| Ok(entry(vm, v)?.name.clone()), None);
        vm.add_getset(&t, "path", |vm, v| Ok(entry(vm, v)?.path.clone()), None);
        crate::runtime::slot_dispatch::finish_builtin_type(vm, &t);
        Ok(t)
    })?;
    let scandir_iter = vm.cached_type("posix.ScandirIterator", |vm| {
        let t = new_type::<ScandirIter>(vm, "ScandirIterator", "posix");
        t.slots.iter.set(Some(|_, v| Ok(v.clone())));
        t.slots.iternext.set(Some(scandir_next));
        vm.add_methods(
            &t,
            &[
                ("close", scandir_close),
                ("__enter__", scandir_enter),
                ("__exit__", scandir_exit),
            ],
        );
        crate::runtime::slot_dispatch::finish_builtin_type(vm, &t);
        Ok(t)
    })?;
    let walk = vm.cached_type("os._walk", |vm| {
        let t = new_type::<Walk>(vm, "walk", "os");
        t.slots.iter.set(Some(|_, v| Ok(v.clone())));
        t.slots.iternext.set(Some(walk_next));
        crate::runtime::slot_dispatch::finish_builtin_type(vm, &t);
        Ok(t)
    })?;
    Ok(DirTypes {
        dir_entry,
        scandir_iter,
        walk,
    })
}

fn name_value(vm: &Vm, bytes: &[u8], as_bytes: bool) -> PyResult<Value> {
    if as_bytes {
        Ok(vm.new_bytes(bytes.to_vec()).into())
    } else {
        Ok(decode_fs(vm, bytes)?.into())
    }
}

fn dir_arg(vm: &Vm, v: Option<&Value>, fname: &str) -> PyResult<(Vec<u8>, bool, Value)> {
    match v {
        None | Some(Value::None) => Ok((b".".to_vec(), false, vm.new_str(".").into())),
        Some(v) => {
            let p = path_arg(vm, v, fname, true)?;
            match p.fd {
                Some(fd) => Ok((format!("/proc/self/fd/{fd}").into_bytes(), false, v.clone())),
                None => Ok((p.bytes, p.is_bytes, v.clone())),
            }
        }
    }
}

fn read_dir(vm: &Vm, path: &[u8], orig: &Value) -> PyResult<std::fs::ReadDir> {
    std::fs::read_dir(std::ffi::OsStr::from_bytes(path))
        .map_err(|e| os_error(vm, &e, Some(orig.clone())))
}

/// `os.listdir(path='.')`.
pub fn f_listdir(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [path] = args.bind(vm, "listdir", ["path"], 0, 0)?;
    let (fs, as_bytes, orig) = dir_arg(vm, path, "listdir")?;
    let mut out = Vec::new();
    for e in read_dir(vm, &fs, &orig)? {
        let e = e.map_err(|e| os_error(vm, &e, Some(orig.clone())))?;
        out.push(name_value(vm, e.file_name().as_bytes(), as_bytes)?);
    }
    Ok(vm.new_list(out).into())
}

/// `os.scandir(path='.')`.
pub fn f_scandir(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [path] = args.bind(vm, "scandir", ["path"], 0, 0)?;
    let (fs, as_bytes, orig) = dir_arg(vm, path, "scandir")?;
    let rd = read_dir(vm, &fs, &orig)?;
    let t = types(vm)?;
    let dir = if path.is_none_or(|p| p.is_none()) {
        vm.new_str(".").into()
    } else {
        super::fspath(vm, &orig)?
    };
    Ok(crate::object::core::alloc(
        &t.scandir_iter,
        ScandirIter {
            entries: PyCell::new(Some(rd)),
            dir,
            as_bytes,
        },
    )
    .into())
}

fn scandir_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let it = v
        .downcast::<ScandirIter>()
        .ok_or_else(|| vm.new_type_error("expected a scandir iterator"))?;
    let next = it
        .entries
        .with_mut(|rd| rd.as_mut().and_then(Iterator::next));
    let Some(e) = next else {
        drop(it.entries.replace(None));
        return Ok(None);
    };
    let e = e.map_err(|e| os_error(vm, &e, Some(it.dir.clone())))?;
    let name_bytes = e.file_name().as_bytes().to_vec();
    let name = name_value(vm, &name_bytes, it.as_bytes)?;
    let dir_bytes: Vec<u8> = if let Some(s) = it.dir.downcast::<Str>() {
        s.as_bytes().to_vec()
    } else if let Some(b) = it.dir.downcast::<Bytes>() {
        b.as_bytes().to_vec()
    } else {
        Vec::new()
    };
    let name_text: Vec<u8> = if let Some(s) = name.downcast::<Str>() {
        s.as_bytes().to_vec()
    } else {
        name_bytes.clone()
    };
    let mut joined = dir_bytes;
    super::path::join_bytes(&mut joined, &name_text);
    let path = if it.as_bytes {
        vm.new_bytes(joined.clone()).into()
    } else {
        vm.new_str_wtf8(crate::text::wtf8::Wtf8::from_bytes_unchecked(&joined))
            .into()
    };
    let fs_path = e.path().as_os_str().as_bytes().to_vec();
    let t = types(vm)?;
    Ok(Some(
        crate::object::core::alloc(
            &t.dir_entry,
            DirEntry {
                name,
                path,
                fs_path,
                file_type: e.file_type().ok(),
                ino: e.ino(),
            },
        )
        .into(),
    ))
}

fn scandir_close(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (it, _) = vm.method_self::<ScandirIter>(args, "close", "posix.ScandirIterator")?;
    drop(it.entries.replace(None));
    Ok(Value::None)
}

fn scandir_enter(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (it, _) = vm.method_self::<ScandirIter>(args, "__enter__", "posix.ScandirIterator")?;
    Ok(it.clone().into())
}

fn scandir_exit(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (it, _) = vm.method_self::<ScandirIter>(args, "__exit__", "posix.ScandirIterator")?;
    drop(it.entries.replace(None));
    Ok(Value::None)
}

fn entry<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<DirEntry>> {
    v.downcast::<DirEntry>()
        .ok_or_else(|| vm.new_type_error("expected a DirEntry"))
}

fn follow_arg(vm: &Vm, rest: Args<'_>, fname: &str) -> PyResult<bool> {
    let [follow] = rest.bind(vm, fname, ["follow_symlinks"], 0, 0)?;
    match follow {
        Some(f) => vm.is_true(f),
        None => Ok(true),
    }
}

fn entry_mode(vm: &Vm, e: &DirEntry, follow: bool) -> PyResult<Option<u32>> {
    let is_link = e.file_type.is_some_and(|t| t.is_symlink());
    if follow && is_link {
        return Ok(ffi::stat(&e.fs_path, true).ok().map(|s| s.mode));
    }
    match e.file_type {
        Some(t) => Ok(Some(if t.is_dir() {
            libc::S_IFDIR
        } else if t.is_file() {
            libc::S_IFREG
        } else if t.is_symlink() {
            libc::S_IFLNK
        } else {
            0
        })),
        None => {
            let _ = vm;
            Ok(ffi::stat(&e.fs_path, follow).ok().map(|s| s.mode))
        }
    }
}

fn entry_is_dir(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (e, rest) = vm.method_self::<DirEntry>(args, "is_dir", "posix.DirEntry")?;
    let follow = follow_arg(vm, rest, "is_dir")?;
    let m = entry_mode(vm, e, follow)?;
    Ok(Value::Bool(
        m.is_some_and(|m| m & libc::S_IFMT == libc::S_IFDIR),
    ))
}

fn entry_is_file(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (e, rest) = vm.method_self::<DirEntry>(args, "is_file", "posix.DirEntry")?;
    let follow = follow_arg(vm, rest, "is_file")?;
    let m = entry_mode(vm, e, follow)?;
    Ok(Value::Bool(
        m.is_some_and(|m| m & libc::S_IFMT == libc::S_IFREG),
    ))
}

fn entry_is_symlink(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (e, _) = vm.method_self::<DirEntry>(args, "is_symlink", "posix.DirEntry")?;
    Ok(Value::Bool(e.file_type.is_some_and(|t| t.is_symlink())))
}

fn entry_is_junction(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    vm.method_self::<DirEntry>(args, "is_junction", "posix.DirEntry")?;
    Ok(Value::Bool(false))
}

fn entry_stat(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (e, rest) = vm.method_self::<DirEntry>(args, "stat", "posix.DirEntry")?;
    let follow = follow_arg(vm, rest, "stat")?;
    let st =
        ffi::stat(&e.fs_path, follow).map_err(|err| os_error(vm, &err, Some(e.path.clone())))?;
    super::stat_result(vm, &st)
}

fn entry_inode(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (e, _) = vm.method_self::<DirEntry>(args, "inode", "posix.DirEntry")?;
    Ok(match i64::try_from(e.ino) {
        Ok(i) => Value::Int(i),
        Err(_) => vm.new_int(e.ino.into()),
    })
}

fn entry_fspath(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (e, _) = vm.method_self::<DirEntry>(args, "__fspath__", "posix.DirEntry")?;
    Ok(e.path.clone())
}

fn entry_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let e = entry(vm, v)?;
    Ok(vm
        .new_str(&format!("<DirEntry {}>", vm.repr(&e.name)?.to_lossy()))
        .into())
}

/// `os.walk(top, topdown=True, onerror=None, followlinks=False)`.
pub fn f_walk(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [top, topdown, onerror, followlinks] = args.bind(
        vm,
        "walk",
        ["top", "topdown", "onerror", "followlinks"],
        1,
        0,
    )?;
    let top = super::fspath(vm, top.unwrap_or(&Value::None))?;
    let flag = |v: Option<&Value>, default: bool| -> PyResult<bool> {
        match v {
            Some(x) => vm.is_true(x),
            None => Ok(default),
        }
    };
    let t = types(vm)?;
    Ok(crate::object::core::alloc(
        &t.walk,
        Walk {
            stack: PyCell::new(vec![WalkItem::Dir(top)]),
            resume: PyCell::new(None),
            topdown: flag(topdown, true)?,
            followlinks: flag(followlinks, false)?,
            onerror: onerror.cloned().unwrap_or(Value::None),
            started: Cell::new(false),
        },
    )
    .into())
}

fn join_value(vm: &Vm, top: &Value, name: &Value) -> Value {
    let bytes_of = |v: &Value| -> Vec<u8> {
        if let Some(s) = v.downcast::<Str>() {
            s.as_bytes().to_vec()
        } else if let Some(b) = v.downcast::<Bytes>() {
            b.as_bytes().to_vec()
        } else {
            Vec::new()
        }
    };
    let mut joined = bytes_of(top);
    super::path::join_bytes(&mut joined, &bytes_of(name));
    if top.downcast::<Bytes>().is_some() {
        vm.new_bytes(joined).into()
    } else {
        vm.new_str_wtf8(crate::text::wtf8::Wtf8::from_bytes_unchecked(&joined))
            .into()
    }
}

fn is_link(vm: &Vm, path: &Value) -> bool {
    path_arg(vm, path, "walk", false)
        .ok()
        .and_then(|p| ffi::stat(&p.bytes, false).ok())
        .is_some_and(|s| s.mode & libc::S_IFMT == libc::S_IFLNK)
}

fn walk_next(vm: &Vm, v: &Value) -> PyResult<Option<Value>> {
    let w = v
        .downcast::<Walk>()
        .ok_or_else(|| vm.new_type_error("expected a walk iterator"))?;
    w.started.set(true);
    if let Some((top, dirs)) = w.resume.replace(None) {
        let names = vm.collect(&dirs)?;
        let mut pushes = Vec::new();
        for name in names.iter().rev() {
            let new_path = join_value(vm, &top, name);
            if w.followlinks || !is_link(vm, &new_path) {
                pushes.push(WalkItem::Dir(new_path));
            }
        }
        w.stack.with_mut(|s| s.extend(pushes));
    }
    loop {
        let Some(item) = w.stack.with_mut(Vec::pop) else {
            return Ok(None);
        };
        let top = match item {
            WalkItem::Done(t) => return Ok(Some(t)),
            WalkItem::Dir(t) => t,
        };
        let p = path_arg(vm, &top, "scandir", false)?;
        let rd = match std::fs::read_dir(std::ffi::OsStr::from_bytes(&p.bytes)) {
            Ok(rd) => rd,
            Err(e) => {
                if !w.onerror.is_none() {
                    let err = os_error(vm, &e, Some(top.clone()));
                    vm.call_pos(&w.onerror, &[err.value()])?;
                }
                continue;
            }
        };
        let (mut dirs, mut files, mut walk_dirs) = (Vec::new(), Vec::new(), Vec::new());
        let mut failed = false;
        for e in rd {
            let e = match e {
                Ok(e) => e,
                Err(err) => {
                    if !w.onerror.is_none() {
                        let err = os_error(vm, &err, Some(top.clone()));
                        vm.call_pos(&w.onerror, &[err.value()])?;
                    }
                    failed = true;
                    break;
                }
            };
            let name = name_value(vm, e.file_name().as_bytes(), p.is_bytes)?;
            let ft = e.file_type().ok();
            let is_symlink = ft.is_some_and(|t| t.is_symlink());
            let is_dir = if is_symlink {
                std::fs::metadata(e.path()).is_ok_and(|m| m.is_dir())
            } else {
                ft.is_some_and(|t| t.is_dir())
            };
            if is_dir {
                if !w.topdown && (w.followlinks || !is_symlink) {
                    walk_dirs.push(join_value(vm, &top, &name));
                }
                dirs.push(name);
            } else {
                files.push(name);
            }
        }
        if failed {
            continue;
        }
        let dirs: Value = vm.new_list(dirs).into();
        let result: Value = vm
            .new_tuple(vec![top.clone(), dirs.clone(), vm.new_list(files).into()])
            .into();
        if w.topdown {
            drop(w.resume.replace(Some((top, dirs))));
            return Ok(Some(result));
        }
        w.stack.with_mut(|s| {
            s.push(WalkItem::Done(result));
            s.extend(walk_dirs.into_iter().rev().map(WalkItem::Dir));
        });
    }
}
