//! `open()` (also `io.open`), `io.open_code` and `io.text_encoding`: mode parsing and the
//! assembly of FileIO, a buffered layer and a TextIOWrapper, with CPython's checks and
//! messages.

use crate::object::Value;
use crate::runtime::{Args, PyResult, Vm};
use crate::types::str::Str;

use super::DEFAULT_BUFFER_SIZE;

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
/// closefd=True, opener=None)`.
pub fn builtin_open(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [
        file,
        mode,
        buffering,
        encoding,
        errors,
        newline,
        closefd,
        opener,
    ] = args.bind(
        vm,
        "open",
        [
            "file",
            "mode",
            "buffering",
            "encoding",
            "errors",
            "newline",
            "closefd",
            "opener",
        ],
        1,
        0,
    )?;
    let file = file.cloned().unwrap_or(Value::None);
    let file = if matches!(file, Value::Int(_) | Value::Bool(_)) {
        file
    } else {
        crate::stdlib::os::fspath(vm, &file)?
    };
    let mode_text = match mode {
        None => "r".to_string(),
        Some(m) => match m.downcast::<Str>() {
            Some(s) => s.to_lossy().into_owned(),
            None => {
                return Err(vm.new_type_error(format!(
                    "open() argument 'mode' must be str, not {}",
                    vm.type_name(m)
                )));
            }
        },
    };
    let mut buffering = match buffering {
        Some(b) => vm.index_value(b)?,
        None => -1,
    };
    let opt_str = |v: Option<&Value>, what: &str| -> PyResult<Option<Value>> {
        match v {
            None => Ok(None),
            Some(x) if x.is_none() => Ok(None),
            Some(x) if x.downcast::<Str>().is_some() => Ok(Some(x.clone())),
            Some(x) => Err(vm.new_type_error(format!(
                "open() argument '{what}' must be str or None, not {}",
                vm.type_name(x)
            ))),
        }
    };
    let encoding = opt_str(encoding, "encoding")?;
    let errors = opt_str(errors, "errors")?;
    let newline = opt_str(newline, "newline")?;

    let mut seen = String::new();
    for c in mode_text.chars() {
        if !"axrwb+t".contains(c) || seen.contains(c) {
            return Err(vm.new_value_error(format!(
                "invalid mode: {}",
                vm.repr(&vm.new_str(&mode_text).into())?.to_lossy()
            )));
        }
        seen.push(c);
    }
    let has = |c: char| seen.contains(c);
    let (creating, reading, writing, appending, updating) =
        (has('x'), has('r'), has('w'), has('a'), has('+'));
    let (text, binary) = (has('t'), has('b'));
    if text && binary {
        return Err(vm.new_value_error("can't have text and binary mode at once"));
    }
    let count = [creating, reading, writing, appending]
        .iter()
        .filter(|&&b| b)
        .count();
    if count > 1 {
        return Err(vm.new_value_error("must have exactly one of create/read/write/append mode"));
    }
    if count == 0 {
        return Err(vm.new_value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        ));
    }
    if binary && encoding.is_some() {
        return Err(vm.new_value_error("binary mode doesn't take an encoding argument"));
    }
    if binary && errors.is_some() {
        return Err(vm.new_value_error("binary mode doesn't take an errors argument"));
    }
    if binary && newline.is_some() {
        return Err(vm.new_value_error("binary mode doesn't take a newline argument"));
    }
    if binary && buffering == 1 {
        vm.warn_as(
            &vm.exc.runtime_warning.clone().into(),
            "line buffering (buffering=1) isn't supported in binary mode, the default buffer size will be used",
        )?;
    }
    let mut raw_mode = String::new();
    for (flag, c) in [
        (creating, 'x'),
        (reading, 'r'),
        (writing, 'w'),
        (appending, 'a'),
        (updating, '+'),
    ] {
        if flag {
            raw_mode.push(c);
        }
    }
    let t = vm.io();
    let mut kw: Vec<(&str, Value)> =
        vec![("closefd", closefd.cloned().unwrap_or(Value::Bool(true)))];
    if let Some(op) = opener {
        kw.push(("opener", op.clone()));
    }
    let raw = call_type(
        vm,
        &t.file_io,
        vec![file, vm.new_str(&raw_mode).into()],
        &kw,
    )?;
    let close_on_error = |r: &Value, e: crate::runtime::PyErr| {
        let _ = vm.call_method(r, &super::name(vm, "close"), &[]);
        e
    };
    let mut line_buffering = false;
    let isatty = || -> PyResult<bool> {
        let r = vm.call_method(&raw, &super::name(vm, "isatty"), &[])?;
        vm.is_true(&r)
    };
    if buffering == 1 || (buffering < 0 && isatty().map_err(|e| close_on_error(&raw, e))?) {
        buffering = -1;
        line_buffering = true;
    }
    if buffering < 0 {
        let blk = match raw.downcast::<super::fileio::FileIO>() {
            Some(_) => vm
                .getattr(&raw, &super::name(vm, "_blksize"))
                .and_then(|b| vm.index_value(&b))
                .unwrap_or(DEFAULT_BUFFER_SIZE as i64),
            None => DEFAULT_BUFFER_SIZE as i64,
        };
        buffering = blk.min(8192 * 1024).max(DEFAULT_BUFFER_SIZE as i64);
    }
    if buffering == 0 {
        if binary {
            return Ok(raw);
        }
        return Err(close_on_error(
            &raw,
            vm.new_value_error("can't have unbuffered text I/O"),
        ));
    }
    let buf_type = if updating {
        &t.buffered_random
    } else if creating || writing || appending {
        &t.buffered_writer
    } else {
        &t.buffered_reader
    };
    let buffer = call_type(vm, buf_type, vec![raw.clone(), Value::Int(buffering)], &[])
        .map_err(|e| close_on_error(&raw, e))?;
    if binary {
        return Ok(buffer);
    }
    let encoding = match encoding {
        Some(e)
            if e.downcast::<Str>()
                .is_some_and(|s| s.as_bytes() != b"locale") =>
        {
            e
        }
        _ => vm.new_str("utf-8").into(),
    };
    let text = call_type(
        vm,
        &t.text_io_wrapper,
        vec![
            buffer.clone(),
            encoding,
            errors.unwrap_or(Value::None),
            newline.unwrap_or(Value::None),
            Value::Bool(line_buffering),
        ],
        &[],
    )
    .map_err(|e| close_on_error(&buffer, e))?;
    vm.setattr(
        &text,
        &super::name(vm, "mode"),
        vm.new_str(&mode_text).into(),
    )?;
    Ok(text)
}

/// Calls a type with positional and keyword arguments.
fn call_type(
    vm: &Vm,
    ty: &crate::object::Py<crate::object::Type>,
    mut pos: Vec<Value>,
    kw: &[(&str, Value)],
) -> PyResult<Value> {
    let npos = pos.len();
    let names: Vec<Value> = kw.iter().map(|(k, _)| vm.intern(k).into()).collect();
    pos.extend(kw.iter().map(|(_, v)| v.clone()));
    let kwnames = vm.new_tuple(names);
    let callable: Value = ty.clone().into();
    let args = if kw.is_empty() {
        Args::positional(&pos)
    } else {
        Args::new(&pos, Some(&kwnames))
    };
    let _ = npos;
    vm.call(&callable, args)
}

/// `io.open_code(path)`: `open(path, "rb")`.
pub fn open_code(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [path] = args.bind(vm, "open_code", ["path"], 1, 0)?;
    let path = path.cloned().unwrap_or(Value::None);
    if path.downcast::<Str>().is_none() {
        return Err(vm.new_type_error(format!(
            "open_code() argument 'path' must be str, not {}",
            vm.type_name(&path)
        )));
    }
    let argv = [path, vm.new_str("rb").into()];
    builtin_open(vm, Args::positional(&argv))
}

/// `io.text_encoding(encoding, stacklevel=2)`: rpy always runs in UTF-8 mode.
pub fn text_encoding(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let vals = args.range(vm, "text_encoding", 1, 2)?;
    if vals[0].is_none() {
        return Ok(vm.new_str("utf-8").into());
    }
    Ok(vals[0].clone())
}
