//! Tracebacks: recording entries while unwinding, and printing exceptions the way CPython
//! 3.14's `traceback` module does (chained exceptions, source lines, `^` carets under the
//! failing expression, `[Previous line repeated N more times]`, notes).

use std::collections::HashMap;
use std::rc::Rc;

use crate::object::{PyCell, Value};
use crate::runtime::{PyErr, Vm};
use crate::types::exception::BaseException;
use crate::types::str::Str;
use crate::types::traceback::Traceback;

use super::frame::Frame;
use super::linetable;

/// How many identical consecutive frames are printed before summarizing.
const RECURSIVE_CUTOFF: usize = 3;

/// Prepends a traceback entry for `frame` at instruction `ip` to the exception's traceback.
pub fn add_traceback(vm: &Vm, err: &PyErr, frame: &Frame, ip: usize) {
    let Some(fptr) = vm.exec.current.get().filter(|p| std::ptr::eq(p.as_ptr(), frame)) else {
        // Frames reached by unwinding are always current; anything else is a bug upstream,
        // so record without a frame object rather than fail.
        return add_detached(vm, err, frame, ip);
    };
    let fo = vm.frame_object(fptr);
    let lineno = frame.code.line_for(ip as u32).unwrap_or(-1);
    let exc = err.exc();
    let tb = vm.new_traceback(exc.traceback(), fo, ip as u32, lineno);
    exc.set_traceback(tb.into());
}

fn add_detached(vm: &Vm, err: &PyErr, frame: &Frame, ip: usize) {
    let Some(p) = std::ptr::NonNull::new(frame as *const Frame as *mut Frame) else {
        return;
    };
    let fo = vm.frame_object(p);
    let lineno = frame.code.line_for(ip as u32).unwrap_or(-1);
    let exc = err.exc();
    let tb = vm.new_traceback(exc.traceback(), fo, ip as u32, lineno);
    exc.set_traceback(tb.into());
}

/// Source lines of files, read once (CPython's `linecache`).
#[derive(Default)]
pub struct LineCache {
    files: PyCell<HashMap<String, Option<Rc<Vec<String>>>>>,
}

impl LineCache {
    /// The lines of `filename`, if it can be read.
    pub fn lines(&self, filename: &str) -> Option<Rc<Vec<String>>> {
        if let Some(hit) = self.files.with(|f| f.get(filename).cloned()) {
            return hit;
        }
        let loaded = if filename.starts_with('<') && filename.ends_with('>') {
            None
        } else {
            std::fs::read(filename).ok().map(|bytes| {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                Rc::new(text.lines().map(|l| l.trim_end_matches('\r').to_string()).collect())
            })
        };
        self.files
            .with_mut(|f| f.insert(filename.to_string(), loaded.clone()));
        loaded
    }

    /// Registers source text for a pseudo-file (`<string>` code run by exec).
    pub fn register(&self, filename: &str, source: &str) {
        let lines = Rc::new(source.lines().map(str::to_string).collect());
        self.files
            .with_mut(|f| f.insert(filename.to_string(), Some(lines)));
    }
}

/// One traceback entry, resolved.
struct Entry {
    filename: String,
    lineno: i32,
    name: String,
    loc: Option<linetable::Location>,
}

fn entries_of(vm: &Vm, exc: &crate::object::Py<BaseException>) -> Vec<Entry> {
    let mut out = Vec::new();
    let mut tb = exc.traceback();
    let mut guard = 0;
    while let Some(t) = tb.downcast::<Traceback>() {
        let code = &t.frame.code;
        let loc = linetable::location_for(&code.meta.linetable, code.meta.firstlineno, t.lasti);
        out.push(Entry {
            filename: code.filename.to_lossy().into_owned(),
            lineno: t.lineno,
            name: code.qualname.to_lossy().into_owned(),
            loc,
        });
        tb = t.next.get();
        guard += 1;
        if guard > 1_000_000 {
            break;
        }
    }
    let _ = vm;
    out
}

fn char_offset(line: &str, byte: i32) -> usize {
    let b = (byte.max(0) as usize).min(line.len());
    String::from_utf8_lossy(&line.as_bytes()[..b]).chars().count()
}

fn format_entry(vm: &Vm, e: &Entry, out: &mut String) {
    out.push_str(&format!(
        "  File \"{}\", line {}, in {}\n",
        e.filename, e.lineno, e.name
    ));
    let Some(lines) = vm.line_cache.lines(&e.filename) else {
        return;
    };
    if e.lineno < 1 {
        return;
    }
    let Some(loc) = e.loc else { return };
    let (Some(start_line), Some(end_line)) = (loc.line, loc.end_line.or(loc.line)) else {
        return;
    };
    let first = start_line.max(1) as usize;
    let last = (end_line.max(start_line)) as usize;
    let Some(all) = lines.get(first - 1..last.min(lines.len())) else {
        return;
    };
    if all.is_empty() || all.iter().all(|l| l.trim().is_empty()) {
        return;
    }
    // Dedent the lines together.
    let indent = all
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let dedented: Vec<String> = all
        .iter()
        .map(|l| if l.len() >= indent { l[indent..].to_string() } else { l.trim_start().to_string() })
        .collect();
    let (Some(col), Some(end_col)) = (loc.col, loc.end_col) else {
        out.push_str(&format!("    {}\n", dedented[0]));
        return;
    };
    let start = char_offset(&all[0], col).saturating_sub(indent);
    let end = char_offset(&all[all.len() - 1], end_col).saturating_sub(indent);
    let show_carets = {
        let before = dedented[0].chars().take(start).collect::<String>();
        let after: String = dedented[dedented.len() - 1].chars().skip(end).collect();
        !before.trim_start().is_empty() || !after.trim_end().is_empty()
    };
    let anchors = super::caret::anchors(&dedented, start, end);
    let show_carets = show_carets || anchors.is_some();
    let n = dedented.len();
    let mut significant: Vec<usize> = vec![0, n - 1];
    if let Some(a) = &anchors {
        for l in [a.left_line, a.right_line] {
            for d in l.saturating_sub(1)..=l + 1 {
                significant.push(d);
            }
        }
    }
    significant.retain(|&l| l < n);
    significant.sort_unstable();
    significant.dedup();
    let mut body = Vec::new();
    let mut prev: Option<usize> = None;
    for &l in &significant {
        if let Some(p) = prev {
            let diff = l - p;
            if diff == 2 {
                emit_line(&dedented, p + 1, start, end, anchors.as_ref(), show_carets, &mut body);
            } else if diff > 2 {
                body.push(format!("...<{} lines>...", diff - 1));
            }
        }
        emit_line(&dedented, l, start, end, anchors.as_ref(), show_carets, &mut body);
        prev = Some(l);
    }
    for line in body {
        out.push_str("    ");
        out.push_str(&line);
        out.push('\n');
    }
}

fn emit_line(
    lines: &[String],
    l: usize,
    start: usize,
    end: usize,
    anchors: Option<&super::caret::Anchors>,
    show: bool,
    out: &mut Vec<String>,
) {
    let line = &lines[l];
    out.push(line.clone());
    if !show {
        return;
    }
    let chars: Vec<char> = line.chars().collect();
    let spaces = chars.len() - line.trim_start().chars().count();
    let ncarets = if l == lines.len() - 1 { end } else { chars.len() };
    let mut carets = String::with_capacity(ncarets);
    for col in 0..ncarets {
        let c = if col < spaces || (l == 0 && col < start) {
            ' '
        } else if let Some(a) = anchors {
            let after_left = l > a.left_line || (l == a.left_line && col >= a.left_col);
            let before_right = l < a.right_line || (l == a.right_line && col < a.right_col);
            if after_left && before_right { a.secondary } else { a.primary }
        } else {
            '^'
        };
        carets.push(c);
    }
    out.push(carets.trim_end().to_string());
}

/// The exception's type name as the final line shows it (`module.Qualname` unless the
/// module is `__main__` or `builtins`).
fn type_display(vm: &Vm, exc: &Value) -> String {
    let ty = exc.class(vm);
    let q = ty.qualname();
    match vm.type_module_name(ty).as_deref() {
        Some("__main__") | Some("builtins") | None => q.to_string(),
        Some(m) => format!("{m}.{q}"),
    }
}

fn final_line(vm: &Vm, exc: &crate::object::Py<BaseException>) -> String {
    let v = Value::from(exc);
    let name = type_display(vm, &v);
    let msg = match vm.str(&v) {
        Ok(s) => s.to_lossy().into_owned(),
        Err(_) => "<exception str() failed>".to_string(),
    };
    let mut out = if msg.is_empty() {
        format!("{name}\n")
    } else {
        format!("{name}: {msg}\n")
    };
    if let Some(d) = exc.as_obj().ty().slots.dictptr.get().and_then(|dp| dp(&v)).and_then(|c| c.get())
        && let Some(notes) = d.get_str(&vm.names.__notes__)
    {
        if let Ok(items) = vm.collect(&notes) {
            for n in items {
                let text = match n.downcast::<Str>() {
                    Some(s) => s.to_lossy().into_owned(),
                    None => vm
                        .repr(&n)
                        .map(|r| r.to_lossy().into_owned())
                        .unwrap_or_else(|_| "<note str() failed>".into()),
                };
                out.push_str(&text);
                out.push('\n');
            }
        } else if let Ok(r) = vm.repr(&notes) {
            out.push_str(&r.to_lossy());
            out.push('\n');
        }
    }
    out
}

fn format_one(vm: &Vm, exc: &crate::object::Py<BaseException>, out: &mut String) {
    let v = Value::from(exc);
    if v.class(vm).is_subtype(&vm.exc.syntax_error) && exc.traceback().is_none() {
        out.push_str(&format_syntax_error(vm, exc));
        return;
    }
    let entries = entries_of(vm, exc);
    if !entries.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        let mut last: Option<(&str, i32, &str)> = None;
        let mut count = 0usize;
        for e in &entries {
            let key = (e.filename.as_str(), e.lineno, e.name.as_str());
            if last != Some(key) {
                if count > RECURSIVE_CUTOFF {
                    let more = count - RECURSIVE_CUTOFF;
                    out.push_str(&format!(
                        "  [Previous line repeated {more} more time{}]\n",
                        if more > 1 { "s" } else { "" }
                    ));
                }
                last = Some(key);
                count = 0;
            }
            count += 1;
            if count > RECURSIVE_CUTOFF {
                continue;
            }
            format_entry(vm, e, out);
        }
        if count > RECURSIVE_CUTOFF {
            let more = count - RECURSIVE_CUTOFF;
            out.push_str(&format!(
                "  [Previous line repeated {more} more time{}]\n",
                if more > 1 { "s" } else { "" }
            ));
        }
    }
    if v.class(vm).is_subtype(&vm.exc.syntax_error) {
        out.push_str(&format_syntax_error(vm, exc));
        return;
    }
    out.push_str(&final_line(vm, exc));
}

/// The `File ..., line N` block and final line of a SyntaxError.
fn format_syntax_error(vm: &Vm, exc: &crate::object::Py<BaseException>) -> String {
    let mut out = String::new();
    let filename = exc.field("filename").and_then(|f| f.downcast::<Str>().map(|s| s.to_lossy().into_owned()));
    let lineno = exc.field("lineno").and_then(|l| match l {
        Value::Int(i) => Some(i),
        _ => None,
    });
    if let (Some(f), Some(l)) = (&filename, lineno) {
        out.push_str(&format!("  File \"{f}\", line {l}\n"));
    }
    if let Some(text) = exc.field("text").and_then(|t| t.downcast::<Str>().map(|s| s.to_lossy().into_owned())) {
        let line = text.trim_end_matches(['\n', '\r']);
        let stripped = line.trim_start();
        let lead = line.chars().count() - stripped.chars().count();
        out.push_str(&format!("    {stripped}\n"));
        let offset = exc.field("offset").and_then(|o| match o {
            Value::Int(i) => Some(i),
            _ => None,
        });
        let end_offset = exc.field("end_offset").and_then(|o| match o {
            Value::Int(i) => Some(i),
            _ => None,
        });
        if let Some(off) = offset {
            let start = (off as usize).saturating_sub(1).saturating_sub(lead);
            let end = match end_offset {
                Some(e) if e > off => (e as usize).saturating_sub(1).saturating_sub(lead),
                _ => start + 1,
            };
            let width = end.saturating_sub(start).max(1);
            out.push_str(&format!("    {}{}\n", " ".repeat(start), "^".repeat(width)));
        }
    }
    let msg = exc
        .field("msg")
        .and_then(|m| vm.str(&m).ok())
        .map(|s| s.to_lossy().into_owned())
        .unwrap_or_default();
    let v = Value::from(exc);
    out.push_str(&format!("{}: {msg}\n", type_display(vm, &v)));
    out
}

/// The full report of an uncaught exception, chained causes and contexts first.
pub fn format_exception(vm: &Vm, err: &PyErr) -> String {
    let mut chain: Vec<(crate::object::Py<BaseException>, &'static str)> = Vec::new();
    let mut seen: Vec<usize> = Vec::new();
    let mut cur = Some(err.exc().clone());
    let mut link = "";
    while let Some(e) = cur.take() {
        if seen.contains(&e.addr()) || seen.len() > 1000 {
            break;
        }
        seen.push(e.addr());
        let cause = e.cause();
        let context = e.context();
        chain.push((e.clone(), link));
        if let Some(c) = cause.downcast::<BaseException>() {
            link = "\nThe above exception was the direct cause of the following exception:\n\n";
            cur = Some(c.clone());
        } else if !e.suppress_context()
            && let Some(c) = context.downcast::<BaseException>()
        {
            link = "\nDuring handling of the above exception, another exception occurred:\n\n";
            cur = Some(c.clone());
        }
    }
    let mut out = String::new();
    for (e, link) in chain.iter().rev() {
        format_one(vm, e, &mut out);
        out.push_str(link);
    }
    out
}

impl Vm {
    /// Prints an uncaught exception to `sys.stderr` (the default `sys.excepthook`).
    pub fn print_exception(&self, err: &PyErr) {
        let text = format_exception(self, err);
        self.write_stderr(&text);
    }
}
