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
    let Some(fptr) = vm
        .exec
        .current
        .get()
        .filter(|p| std::ptr::eq(p.as_ptr(), frame))
    else {
        // Frames reached by unwinding are always current; anything else is a bug upstream,
        // so record without a frame object rather than fail.
        return add_detached(vm, err, frame, ip);
    };
    let fo = vm.frame_object(fptr);
    let exc = err.exc();
    let tb = vm.new_traceback(exc.traceback(), fo, ip as u32);
    exc.set_traceback(tb.into());
}

fn add_detached(vm: &Vm, err: &PyErr, frame: &Frame, ip: usize) {
    let Some(p) = std::ptr::NonNull::new(frame as *const Frame as *mut Frame) else {
        return;
    };
    let fo = vm.frame_object(p);
    let exc = err.exc();
    let tb = vm.new_traceback(exc.traceback(), fo, ip as u32);
    exc.set_traceback(tb.into());
}

/// A file's lines as the line cache holds them (`None`: the file could not be read).
type CachedLines = Option<Rc<Vec<String>>>;

/// Source lines of files, read once (CPython's `linecache`).
#[derive(Default)]
pub struct LineCache {
    files: PyCell<HashMap<String, CachedLines, crate::compile::hash::FxBuild>>,
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
            // linecache reads through tokenize.open: the PEP 263 encoding, universal
            // newlines.
            std::fs::read(filename).ok().map(|bytes| {
                let text = crate::parse::source::decode(&bytes).unwrap_or_else(|_| {
                    String::from_utf8_lossy(&bytes)
                        .replace("\r\n", "\n")
                        .replace('\r', "\n")
                });
                Rc::new(text.split('\n').map(str::to_string).collect())
            })
        };
        self.files
            .with_mut(|f| f.insert(filename.to_string(), loaded.clone()));
        loaded
    }

    /// Registers source text for a pseudo-file (`<string>` for `-c`, as CPython registers
    /// the command's source with linecache).
    pub fn register(&self, filename: &str, source: &str) {
        let lines = Rc::new(source.split('\n').map(str::to_string).collect());
        self.files
            .with_mut(|f| f.insert(filename.to_string(), Some(lines)));
    }
}

/// One traceback entry, resolved (a `FrameSummary`).
pub struct Entry {
    /// `co_filename`.
    pub filename: String,
    /// The line the traceback records.
    pub lineno: i32,
    /// `co_name`.
    pub name: String,
    /// The failing instruction's source span.
    pub loc: Option<linetable::Location>,
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
            lineno: t.lineno(),
            name: code.name.to_lossy().into_owned(),
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

/// Python slicing `chars[start..stop]` with clamping.
fn char_slice(s: &str, start: usize, stop: i64) -> String {
    let n = s.chars().count() as i64;
    let stop = stop.clamp(0, n) as usize;
    if stop <= start {
        return String::new();
    }
    s.chars().skip(start).take(stop - start).collect()
}

/// `FrameSummary` formatting (`StackSummary.format_frame_summary`), source lines from
/// the interpreter's line cache.
fn format_entry(vm: &Vm, e: &Entry, out: &mut String) {
    let file_lines = vm.line_cache.lines(&e.filename);
    let line_at = |l: i32| {
        file_lines
            .as_ref()
            .and_then(|f| usize::try_from(l - 1).ok().and_then(|i| f.get(i)))
            .map_or(String::new(), |s| s.clone())
    };
    format_entry_with(e, &line_at, out);
}

/// `FrameSummary` formatting with source line `n` given by `line_at` (empty when
/// unknown); the `traceback` module calls this with its `linecache` lines, so both
/// printers draw the same carets.
pub fn format_entry_with(e: &Entry, line_at: &dyn Fn(i32) -> String, out: &mut String) {
    use super::caret::{anchors, byte_to_char, display_width, should_show_carets};
    use crate::parse::keyword_typos::{dedent, py_splitlines};
    let loc = e.loc.unwrap_or_default();
    let lineno = loc.line.unwrap_or(e.lineno);
    out.push_str(&format!(
        "  File \"{}\", line {}, in {}\n",
        e.filename, lineno, e.name
    ));
    let Some(end_lineno) = loc.end_line else {
        return;
    };
    let mut lines = Vec::new();
    for l in lineno..=end_lineno.max(lineno - 1) {
        lines.push(line_at(l).trim_end_matches(py_space).to_string());
        if lines.len() > 100_000 {
            break;
        }
    }
    let original = lines.join("\n") + "\n";
    let dedented = dedent(&original);
    if dedented.trim_matches(py_space).is_empty() {
        return;
    }
    let (Some(colno), Some(end_colno)) = (loc.col, loc.end_col) else {
        out.push_str("    ");
        out.push_str(
            original
                .split('\n')
                .next()
                .unwrap_or("")
                .trim_matches(py_space),
        );
        out.push('\n');
        return;
    };
    let originals = py_splitlines(&original);
    let span = (end_lineno - lineno).max(0) as usize;
    let (Some(first_line), Some(last_line)) = (originals.first(), originals.get(span)) else {
        return;
    };
    let mut start = byte_to_char(first_line, i64::from(colno));
    let mut end = byte_to_char(last_line, i64::from(end_colno));
    let all_lines: Vec<String> = py_splitlines(&dedented)
        .into_iter()
        .take(span + 1)
        .map(str::to_string)
        .collect();
    let Some(first_ded) = all_lines.first() else {
        return;
    };
    let last_ded = &all_lines[all_lines.len() - 1];
    let dedent_chars = first_line.chars().count() as i64 - first_ded.chars().count() as i64;
    start = (start as i64 - dedent_chars).max(0) as usize;
    end = (end as i64 - dedent_chars).max(0) as usize;
    let dp_start = display_width(first_ded, start);
    let dp_end = display_width(last_ded, end);
    let joined = all_lines.join("\n");
    let seg_len = joined.chars().count() as i64;
    let segment = char_slice(
        &joined,
        start,
        seg_len - (last_ded.chars().count() as i64 - end as i64),
    );
    let anchors = anchors(&segment);
    let show_carets = should_show_carets(start, end, &all_lines, anchors.as_ref());
    let n = all_lines.len();
    let mut significant: Vec<usize> = vec![0, n - 1];
    let (mut left_off, mut right_off) = (0, 0);
    if let Some(a) = &anchors {
        left_off = a.left_col + if a.left_line == 0 { start } else { 0 };
        right_off = a.right_col + if a.right_line == 0 { start } else { 0 };
        left_off = all_lines
            .get(a.left_line)
            .map_or(left_off, |l| display_width(l, left_off));
        right_off = all_lines
            .get(a.right_line)
            .map_or(right_off, |l| display_width(l, right_off));
        for l in [a.left_line, a.right_line] {
            for d in l.saturating_sub(1)..=l + 1 {
                significant.push(d);
            }
        }
    }
    significant.retain(|&l| l < n);
    significant.sort_unstable();
    significant.dedup();
    let render = RenderCtx {
        lines: &all_lines,
        dp_start,
        dp_end,
        anchors: anchors.map(|a| (a, left_off, right_off)),
        show: show_carets,
    };
    let mut body = Vec::new();
    let mut prev: Option<usize> = None;
    for &l in &significant {
        if let Some(p) = prev {
            let diff = l - p;
            if diff == 2 {
                render.line(l - 1, &mut body);
            } else if diff > 2 {
                body.push(format!("...<{} lines>...", diff - 1));
            }
        }
        render.line(l, &mut body);
        prev = Some(l);
    }
    let text = dedent(&(body.join("\n") + "\n"));
    for line in text.split_inclusive('\n') {
        out.push_str("    ");
        out.push_str(line);
    }
}

/// Python's `str.isspace` on one character (what `strip()` removes).
fn py_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\x1c'..='\x1f')
}

struct RenderCtx<'a> {
    lines: &'a [String],
    dp_start: usize,
    dp_end: usize,
    anchors: Option<(super::caret::Anchors, usize, usize)>,
    show: bool,
}

impl RenderCtx<'_> {
    /// `output_line`: a source line and, when shown, its caret line.
    fn line(&self, l: usize, out: &mut Vec<String>) {
        let line = &self.lines[l];
        out.push(line.clone());
        if !self.show {
            return;
        }
        let spaces = line.chars().count() - line.trim_start_matches(py_space).chars().count();
        let ncarets = if l == self.lines.len() - 1 {
            self.dp_end
        } else {
            super::caret::display_width(line, usize::MAX)
        };
        let mut carets = String::with_capacity(ncarets);
        for col in 0..ncarets {
            let c = if col < spaces || (l == 0 && col < self.dp_start) {
                ' '
            } else if let Some((a, left, right)) = &self.anchors {
                let after_left = l > a.left_line || (l == a.left_line && col >= *left);
                let before_right = l < a.right_line || (l == a.right_line && col < *right);
                if after_left && before_right {
                    a.secondary
                } else {
                    a.primary
                }
            } else {
                '^'
            };
            carets.push(c);
        }
        out.push(carets);
    }
}

/// The exception's type name as the final line shows it (`module.Qualname` unless the
/// module is `__main__` or `builtins`).
pub fn type_display(vm: &Vm, exc: &Value) -> String {
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
    } + &super::suggest::suffix(vm, exc);
    if msg.is_empty() {
        format!("{name}\n")
    } else {
        format!("{name}: {msg}\n")
    }
}

/// The `__notes__` lines: each note's `str()` (a non-sequence `__notes__` prints its repr).
fn notes_text(vm: &Vm, exc: &crate::object::Py<BaseException>) -> String {
    let v = Value::from(exc);
    let mut out = String::new();
    let Ok(Some(notes)) = vm.getattr_opt(&v, &vm.names.__notes__) else {
        return out;
    };
    if notes.is_none() {
        return out;
    }
    let is_seq = notes.downcast::<crate::types::list::List>().is_some()
        || notes.downcast::<crate::types::tuple::Tuple>().is_some();
    if is_seq && let Ok(items) = vm.collect(&notes) {
        for n in items {
            let text = match vm.str(&n) {
                Ok(s) => s.to_lossy().into_owned(),
                Err(_) => "<note str() failed>".into(),
            };
            for line in text.split('\n') {
                out.push_str(line);
                out.push('\n');
            }
        }
    } else {
        match vm.repr(&notes) {
            Ok(r) => out.push_str(&r.to_lossy()),
            Err(_) => out.push_str("<__notes__ repr() failed>"),
        }
        out.push('\n');
    }
    out
}

/// `StackSummary.format()` of the exception's traceback (empty without one).
fn stack_text(vm: &Vm, exc: &crate::object::Py<BaseException>) -> String {
    stack_text_with(vm, exc, format_entry)
}

/// One entry as the interpreter's own traceback printer writes it (CPython's C
/// `_PyTraceBack_Print`, used for unraisable reports): the line, stripped, and no carets.
fn format_entry_plain(vm: &Vm, e: &Entry, out: &mut String) {
    out.push_str(&format!(
        "  File \"{}\", line {}, in {}\n",
        e.filename, e.lineno, e.name
    ));
    if vm.stdlib.finalizing_modules.get() {
        return;
    }
    let line = vm.line_cache.lines(&e.filename).and_then(|f| {
        usize::try_from(e.lineno - 1)
            .ok()
            .and_then(|i| f.get(i).map(|l| l.trim_matches(py_space).to_string()))
    });
    if let Some(line) = line.filter(|l| !l.is_empty()) {
        out.push_str("    ");
        out.push_str(&line);
        out.push('\n');
    }
}

/// An unraisable exception as `sys.unraisablehook`'s default prints it: its own
/// traceback in the plain format and `Type: message` (no chained exceptions, no notes).
pub fn format_unraisable(vm: &Vm, exc: &crate::object::Py<BaseException>) -> String {
    let stack = stack_text_with(vm, exc, format_entry_plain);
    let mut out = String::new();
    if !stack.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        out.push_str(&stack);
    }
    let v = Value::from(exc);
    let msg = match vm.str(&v) {
        Ok(s) => s.to_lossy().into_owned(),
        Err(_) => "<exception str() failed>".to_string(),
    };
    out.push_str(&format!("{}: {msg}\n", type_display(vm, &v)));
    out
}

fn stack_text_with(
    vm: &Vm,
    exc: &crate::object::Py<BaseException>,
    format_entry: fn(&Vm, &Entry, &mut String),
) -> String {
    let mut text = String::new();
    let out = &mut text;
    let entries = entries_of(vm, exc);
    if !entries.is_empty() {
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
    text
}

/// `format_exception_only()`: the message line (or SyntaxError block) and the notes.
fn exception_only(vm: &Vm, exc: &crate::object::Py<BaseException>) -> String {
    let v = Value::from(exc);
    let mut out = if v.class(vm).is_subtype(&vm.exc.syntax_error) {
        format_syntax_error(vm, exc)
    } else {
        final_line(vm, exc)
    };
    out.push_str(&notes_text(vm, exc));
    out
}

/// The SyntaxError attributes `TracebackException` captures, as its formatter reads them.
#[derive(Default)]
pub struct SyntaxFields {
    /// `str(filename)`, when not None.
    pub filename: Option<String>,
    /// `str(lineno)`, when not None.
    pub lineno: Option<String>,
    /// `str(end_lineno)`, when not None.
    pub end_lineno: Option<String>,
    /// `text`, when a str.
    pub text: Option<String>,
    /// `offset`, when an int.
    pub offset: Option<i64>,
    /// Whether `offset` was None (an offset of another type prints no source line).
    pub offset_none: bool,
    /// `end_offset`, when an int.
    pub end_offset: Option<i64>,
    /// `str(msg)` (`<no detail available>` for a false one).
    pub msg: String,
}

fn int_field(exc: &crate::object::Py<BaseException>, name: &str) -> Option<i64> {
    match exc.field(name) {
        Some(Value::Int(i)) => Some(i),
        Some(Value::Bool(b)) => Some(i64::from(b)),
        _ => None,
    }
}

/// The fields of a SyntaxError instance.
fn syntax_fields(vm: &Vm, exc: &crate::object::Py<BaseException>) -> SyntaxFields {
    let text_of = |name: &str| {
        exc.field(name)
            .filter(|v| !v.is_none())
            .and_then(|v| vm.str(&v).ok())
            .map(|s| s.to_lossy().into_owned())
    };
    let msg = exc.field("msg").unwrap_or(Value::None);
    let msg = if vm.is_true(&msg).unwrap_or(true) {
        vm.str(&msg)
            .map(|s| s.to_lossy().into_owned())
            .unwrap_or_default()
    } else {
        "<no detail available>".to_string()
    };
    SyntaxFields {
        filename: text_of("filename"),
        lineno: text_of("lineno"),
        end_lineno: text_of("end_lineno"),
        text: exc
            .field("text")
            .and_then(|t| t.downcast::<Str>().map(|s| s.to_lossy().into_owned())),
        offset: int_field(exc, "offset"),
        offset_none: exc.field("offset").is_none_or(|v| v.is_none()),
        end_offset: int_field(exc, "end_offset"),
        msg,
    }
}

/// The `File ..., line N` block, source line, carets and final line of a SyntaxError
/// (`TracebackException._format_syntax_error`).
pub fn syntax_error_text(stype: &str, f: &SyntaxFields) -> String {
    let mut out = String::new();
    let mut filename_suffix = String::new();
    if let Some(l) = &f.lineno {
        let name = f.filename.as_deref().filter(|n| !n.is_empty());
        out.push_str(&format!(
            "  File \"{}\", line {l}\n",
            name.unwrap_or("<string>")
        ));
    } else if let Some(name) = &f.filename {
        filename_suffix = format!(" ({name})");
    }
    if let Some(text) = &f.text {
        let rtext = text.trim_end_matches('\n');
        let ltext = rtext.trim_start_matches([' ', '\n', '\x0c']);
        let len = |s: &str| s.chars().count() as i64;
        let spaces = len(rtext) - len(ltext);
        if f.offset_none {
            out.push_str(&format!("    {ltext}\n"));
        } else if let Some(mut offset) = f.offset {
            let mut end_offset = if f.lineno == f.end_lineno {
                f.end_offset.filter(|&e| e != 0).unwrap_or(offset)
            } else {
                len(rtext) + 1
            };
            if !text.is_empty() && offset > len(text) {
                offset = len(rtext) + 1;
            }
            if !text.is_empty() && end_offset > len(text) {
                end_offset = len(rtext) + 1;
            }
            if offset >= end_offset || end_offset < 0 {
                end_offset = offset + 1;
            }
            let colno = offset - 1 - spaces;
            let end_colno = end_offset - 1 - spaces;
            out.push_str(&format!("    {ltext}\n"));
            if colno >= 0 {
                let lead: String = ltext
                    .chars()
                    .take(colno as usize)
                    .map(|c| if py_space(c) { c } else { ' ' })
                    .collect();
                let width = usize::try_from(end_colno - colno).unwrap_or(0);
                out.push_str(&format!("    {lead}{}\n", "^".repeat(width)));
            }
        }
    }
    out.push_str(&format!("{stype}: {}{filename_suffix}\n", f.msg));
    out
}

/// The `File ..., line N` block and final line of a SyntaxError.
fn format_syntax_error(vm: &Vm, exc: &crate::object::Py<BaseException>) -> String {
    let v = Value::from(exc);
    syntax_error_text(&type_display(vm, &v), &syntax_fields(vm, exc))
}

/// A `TracebackException` node: the exception and what it chains to.
struct Node {
    exc: crate::object::Py<BaseException>,
    cause: Option<usize>,
    context: Option<usize>,
    exceptions: Option<Vec<usize>>,
}

const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

/// Exceptions already in the tree, by address (a fixed hasher: std's per-process seed
/// would make instruction counts differ between identical runs).
type Seen = std::collections::HashSet<usize, crate::compile::hash::FxBuild>;

/// Builds the `TracebackException` tree (compact mode) with its `_seen` rules.
fn build_tree(vm: &Vm, root: &crate::object::Py<BaseException>) -> Vec<Node> {
    let mut nodes = vec![Node {
        exc: root.clone(),
        cause: None,
        context: None,
        exceptions: None,
    }];
    let mut seen: Seen = [root.addr()].into_iter().collect();
    let mut queue = vec![0usize];
    let new_node =
        |nodes: &mut Vec<Node>, seen: &mut Seen, e: &crate::object::Py<BaseException>| {
            seen.insert(e.addr());
            nodes.push(Node {
                exc: e.clone(),
                cause: None,
                context: None,
                exceptions: None,
            });
            nodes.len() - 1
        };
    while let Some(i) = queue.pop() {
        if nodes.len() > 100_000 {
            break;
        }
        let e = nodes[i].exc.clone();
        let cause = match e.cause().downcast::<BaseException>() {
            Some(c) if !seen.contains(&c.addr()) => Some(new_node(&mut nodes, &mut seen, c)),
            _ => None,
        };
        let need_context = cause.is_none() && !e.suppress_context();
        let context = match e.context().downcast::<BaseException>() {
            Some(c) if need_context && !seen.contains(&c.addr()) => {
                Some(new_node(&mut nodes, &mut seen, c))
            }
            _ => None,
        };
        let exceptions = if Value::from(&e)
            .class(vm)
            .is_subtype(&vm.exc.base_exception_group)
        {
            let members = e.group_members();
            Some(
                members
                    .iter()
                    .map(|m| new_node(&mut nodes, &mut seen, m))
                    .collect::<Vec<_>>(),
            )
        } else {
            None
        };
        nodes[i].cause = cause;
        nodes[i].context = context;
        if let Some(c) = cause {
            queue.push(c);
        }
        if let Some(c) = context {
            queue.push(c);
        }
        if let Some(ex) = &exceptions {
            queue.extend(ex.iter().copied());
        }
        nodes[i].exceptions = exceptions;
    }
    nodes
}

/// `_ExceptionPrintContext`.
struct PrintCtx {
    depth: usize,
    need_close: bool,
}

impl PrintCtx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    fn emit(&self, text: &str, margin: char, out: &mut String) {
        let mut prefix = self.indent();
        if self.depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            out.push_str(&prefix);
            out.push_str(line);
        }
    }
}

const CAUSE_MESSAGE: &str =
    "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_MESSAGE: &str =
    "\nDuring handling of the above exception, another exception occurred:\n\n";

/// `TracebackException.format(chain=True)`.
fn format_node(vm: &Vm, nodes: &[Node], top: usize, ctx: &mut PrintCtx, out: &mut String) {
    let mut chain: Vec<(Option<&str>, usize)> = Vec::new();
    let mut cur = Some(top);
    while let Some(i) = cur {
        let n = &nodes[i];
        let (msg, next) = if let Some(c) = n.cause {
            (Some(CAUSE_MESSAGE), Some(c))
        } else if let Some(c) = n.context
            && !n.exc.suppress_context()
        {
            (Some(CONTEXT_MESSAGE), Some(c))
        } else {
            (None, None)
        };
        chain.push((msg, i));
        cur = next;
        if chain.len() > nodes.len() {
            break;
        }
    }
    for &(msg, i) in chain.iter().rev() {
        if let Some(m) = msg {
            ctx.emit(m, '|', out);
        }
        let n = &nodes[i];
        let stack = stack_text(vm, &n.exc);
        match &n.exceptions {
            None => {
                if !stack.is_empty() {
                    ctx.emit("Traceback (most recent call last):\n", '|', out);
                    ctx.emit(&stack, '|', out);
                }
                ctx.emit(&exception_only(vm, &n.exc), '|', out);
            }
            Some(_) if ctx.depth > MAX_GROUP_DEPTH => {
                ctx.emit(
                    &format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"),
                    '|',
                    out,
                );
            }
            Some(members) => {
                let toplevel = ctx.depth == 0;
                if toplevel {
                    ctx.depth += 1;
                }
                if !stack.is_empty() {
                    let margin = if toplevel { '+' } else { '|' };
                    ctx.emit(
                        "Exception Group Traceback (most recent call last):\n",
                        margin,
                        out,
                    );
                    ctx.emit(&stack, '|', out);
                }
                ctx.emit(&exception_only(vm, &n.exc), '|', out);
                let num = members.len();
                let shown = if num <= MAX_GROUP_WIDTH {
                    num
                } else {
                    MAX_GROUP_WIDTH + 1
                };
                ctx.need_close = false;
                for (k, &member) in members.iter().enumerate().take(shown) {
                    let last = k == shown - 1;
                    if last {
                        ctx.need_close = true;
                    }
                    let truncated = k >= MAX_GROUP_WIDTH;
                    let title = if truncated {
                        "...".to_string()
                    } else {
                        (k + 1).to_string()
                    };
                    out.push_str(&ctx.indent());
                    out.push_str(if k == 0 { "+-" } else { "  " });
                    out.push_str(&format!("+---------------- {title} ----------------\n"));
                    ctx.depth += 1;
                    if truncated {
                        let remaining = num - MAX_GROUP_WIDTH;
                        let plural = if remaining > 1 { "s" } else { "" };
                        ctx.emit(
                            &format!("and {remaining} more exception{plural}\n"),
                            '|',
                            out,
                        );
                    } else {
                        format_node(vm, nodes, member, ctx, out);
                    }
                    if last && ctx.need_close {
                        out.push_str(&ctx.indent());
                        out.push_str("+------------------------------------\n");
                        ctx.need_close = false;
                    }
                    ctx.depth -= 1;
                }
                if toplevel {
                    ctx.depth = 0;
                }
            }
        }
    }
}

/// The full report of an uncaught exception (`traceback.print_exception`), chained causes
/// and contexts first, exception groups drawn as trees.
pub fn format_exception(vm: &Vm, err: &PyErr) -> String {
    let nodes = build_tree(vm, err.exc());
    let mut out = String::new();
    let mut ctx = PrintCtx {
        depth: 0,
        need_close: false,
    };
    vm.with_native_recursion("", || {
        format_node(vm, &nodes, 0, &mut ctx, &mut out);
        Ok(())
    })
    .ok();
    out
}

impl Vm {
    /// Prints an uncaught exception to `sys.stderr` (the default `sys.excepthook`).
    pub fn print_exception(&self, err: &PyErr) {
        let text = format_exception(self, err);
        self.write_stderr(&text);
    }
}
