//! `_rpytraceback`: the pieces of the interpreter's own traceback printer that the
//! `traceback` module (`vm/lib/traceback.py`) reuses, so that both print the same text:
//! one frame with its source lines and carets, SyntaxError blocks, and the "Did you mean"
//! suggestions.

use crate::exec::linetable::Location;
use crate::exec::traceback::{Entry, SyntaxFields, format_entry_with, syntax_error_text};
use crate::object::{Py, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::types::exception::BaseException;
use crate::types::module::Module;
use crate::types::str::Str;

/// An optional int argument (None, or an int that fits).
fn opt_int(v: &Value) -> Option<i32> {
    match v {
        Value::Int(i) => i32::try_from(*i).ok(),
        Value::Bool(b) => Some(i32::from(*b)),
        _ => None,
    }
}

fn text(vm: &Vm, v: &Value) -> PyResult<String> {
    Ok(vm.str(v)?.to_lossy().into_owned())
}

/// `format_frame(filename, lineno, name, end_lineno, colno, end_colno, lines)`: one
/// `FrameSummary` as `StackSummary.format_frame_summary` draws it (without locals);
/// `lines` are the source lines `lineno..=end_lineno`.
fn format_frame(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [filename, lineno, name, end_lineno, colno, end_colno, lines] = args.bind(
        vm,
        "format_frame",
        [
            "filename",
            "lineno",
            "name",
            "end_lineno",
            "colno",
            "end_colno",
            "lines",
        ],
        7,
        0,
    )?;
    let (Some(filename), Some(lineno), Some(name), Some(lines)) = (filename, lineno, name, lines)
    else {
        return Err(vm.new_type_error("format_frame() missing arguments"));
    };
    let Some(line) = opt_int(lineno) else {
        return Err(vm.new_type_error("format_frame() lineno must be an int"));
    };
    let field = |v: Option<&Value>| v.and_then(opt_int);
    let entry = Entry {
        filename: text(vm, filename)?,
        lineno: line,
        name: text(vm, name)?,
        loc: Some(Location {
            line: Some(line),
            end_line: field(end_lineno),
            col: field(colno),
            end_col: field(end_colno),
        }),
    };
    let source: Vec<String> = vm
        .collect(lines)?
        .iter()
        .map(|l| {
            l.downcast::<Str>()
                .map_or(String::new(), |s| s.to_lossy().into_owned())
        })
        .collect();
    let line_at = |n: i32| {
        usize::try_from(n - line)
            .ok()
            .and_then(|i| source.get(i).cloned())
            .unwrap_or_default()
    };
    let mut out = String::new();
    format_entry_with(&entry, &line_at, &mut out);
    Ok(vm.new_str(&out).into())
}

/// `syntax_error(stype, filename, lineno, end_lineno, text, offset, end_offset, msg)`:
/// the lines `TracebackException` prints for a SyntaxError, from its captured fields.
fn syntax_error(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let [
        stype,
        filename,
        lineno,
        end_lineno,
        text_v,
        offset,
        end_offset,
        msg,
    ] = args.bind(
        vm,
        "syntax_error",
        [
            "stype",
            "filename",
            "lineno",
            "end_lineno",
            "text",
            "offset",
            "end_offset",
            "msg",
        ],
        8,
        0,
    )?;
    let opt_text = |v: Option<&Value>| -> PyResult<Option<String>> {
        match v {
            Some(v) if !v.is_none() => Ok(Some(text(vm, v)?)),
            _ => Ok(None),
        }
    };
    let as_i64 = |v: Option<&Value>| match v {
        Some(Value::Int(i)) => Some(*i),
        Some(Value::Bool(b)) => Some(i64::from(*b)),
        _ => None,
    };
    let msg = msg.cloned().unwrap_or(Value::None);
    let msg = if vm.is_true(&msg)? {
        text(vm, &msg)?
    } else {
        "<no detail available>".to_string()
    };
    let fields = SyntaxFields {
        filename: opt_text(filename)?,
        lineno: opt_text(lineno)?,
        end_lineno: opt_text(end_lineno)?,
        text: text_v.and_then(|t| t.downcast::<Str>().map(|s| s.to_lossy().into_owned())),
        offset: as_i64(offset),
        offset_none: offset.is_none_or(|v| v.is_none()),
        end_offset: as_i64(end_offset),
        msg,
    };
    let stype = text(vm, stype.unwrap_or(&Value::None))?;
    Ok(vm.new_str(&syntax_error_text(&stype, &fields)).into())
}

/// `suggestion(exc)`: what the printer appends to the exception's message ("Did you
/// mean" and "Did you forget to import" hints), or "".
fn suggestion(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let exc = args.one(vm, "suggestion")?;
    let text = exc
        .downcast::<BaseException>()
        .map(|e| crate::exec::suggest::suffix(vm, e))
        .unwrap_or_default();
    Ok(vm.new_str(&text).into())
}

/// `registered_lines(filename)`: the lines the interpreter holds for a pseudo-file such
/// as `<string>` (the `-c` command), or None.
fn registered_lines(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let name = vm.str_arg(
        args.one(vm, "registered_lines")?,
        "registered_lines",
        "filename",
    )?;
    if !(name.starts_with('<') && name.ends_with('>')) {
        return Ok(Value::None);
    }
    Ok(match vm.line_cache.lines(&name) {
        Some(lines) => {
            let n = lines.len();
            let items = lines
                .iter()
                .enumerate()
                // Each line keeps its newline, as `readlines()` gives them; the last one
                // only if the source ended with one.
                .map(|(i, l)| {
                    if i + 1 < n {
                        format!("{l}\n")
                    } else {
                        l.clone()
                    }
                })
                .filter(|s| !s.is_empty())
                .map(|s| Value::from(vm.new_str(&s)))
                .collect();
            vm.new_list(items).into()
        }
        None => Value::None,
    })
}

/// Builds `_rpytraceback`.
pub fn init(vm: &Vm) -> PyResult<Py<Module>> {
    let m = vm.new_module("_rpytraceback");
    vm.add_function(&m, "format_frame", format_frame);
    vm.add_function(&m, "syntax_error", syntax_error);
    vm.add_function(&m, "suggestion", suggestion);
    vm.add_function(&m, "registered_lines", registered_lines);
    Ok(m)
}
