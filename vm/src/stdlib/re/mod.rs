//! `_rpyre`: rpy's own regular-expression engine (parser, compiler, backtracking matcher)
//! under the Python-level `re` module (`vm/lib/re.py`). `compile` turns a pattern into a
//! `Program`; `Program.match`/`Program.scan` return match spans as flat tuples of
//! character offsets (-1 for groups that did not take part).

mod exec;
mod parse;
mod prog;
mod uni;

use crate::object::{Py, Type, Value};
use crate::runtime::{Args, PyResult, Vm};
use crate::types::bytes::{ByteArray, Bytes};
use crate::types::module::Module;
use crate::types::str::Str;

use exec::{Goal, Matcher, NONE, Text};
use prog::Program;

/// A compiled pattern.
pub struct ProgramObj {
    prog: Program,
    is_bytes: bool,
}

crate::payload!(ProgramObj);

/// The subject text as something the matcher can index by character: ASCII str and
/// bytes are borrowed, other str are widened to code points, bytearray is copied.
enum Subject<'a> {
    Narrow(std::borrow::Cow<'a, [u8]>),
    Wide(Vec<u32>),
}

/// Reads `v` as a subject for a pattern of the given kind, with CPython's TypeErrors.
fn subject<'a>(vm: &Vm, v: &'a Value, is_bytes: bool) -> PyResult<Subject<'a>> {
    if let Some(s) = v.downcast::<Str>() {
        if is_bytes {
            return Err(vm.new_type_error("cannot use a bytes pattern on a string-like object"));
        }
        return Ok(if s.is_ascii() {
            Subject::Narrow(std::borrow::Cow::Borrowed(s.as_bytes()))
        } else {
            Subject::Wide(s.code_points().collect())
        });
    }
    let bytes = if let Some(b) = v.downcast::<Bytes>() {
        Some(std::borrow::Cow::Borrowed(b.as_bytes()))
    } else {
        v.downcast::<ByteArray>()
            .map(|b| std::borrow::Cow::Owned(b.to_vec()))
    };
    match bytes {
        Some(b) if is_bytes => Ok(Subject::Narrow(b)),
        Some(_) => Err(vm.new_type_error("cannot use a string pattern on a bytes-like object")),
        None => Err(vm.new_type_error(format!(
            "expected string or bytes-like object, got '{}'",
            vm.type_name(v)
        ))),
    }
}

fn spans(vm: &Vm, slots: &[usize]) -> Value {
    vm.new_tuple(
        slots
            .iter()
            .map(|&s| Value::Int(if s == NONE { -1 } else { s as i64 }))
            .collect(),
    )
    .into()
}

/// Clamps `pos`/`endpos` as CPython does; None when the range is empty and inverted.
fn bounds(vm: &Vm, len: usize, pos: &Value, endpos: &Value) -> PyResult<(usize, usize)> {
    let clamp = |v: i64| v.clamp(0, len as i64) as usize;
    let p = clamp(vm.index_value(pos)?);
    let e = if matches!(endpos, Value::None) {
        len
    } else {
        clamp(vm.index_value(endpos)?)
    };
    Ok((p, e))
}

fn run_one<T: Text + ?Sized>(
    prog: &Program,
    text: &T,
    pos: usize,
    end: usize,
    mode: i64,
) -> Option<Vec<usize>> {
    if pos > end {
        return None;
    }
    let goal = Goal {
        full: mode == 1,
        forbid_empty_at: NONE,
    };
    let mut m = Matcher::new(prog, text, end, goal);
    let found = if mode == 2 {
        m.search(pos)
    } else {
        m.match_at(pos)
    };
    found.then_some(m.slots)
}

fn run_all<T: Text + ?Sized>(
    prog: &Program,
    text: &T,
    pos: usize,
    end: usize,
    limit: usize,
) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut p = pos;
    let goal = Goal {
        full: false,
        forbid_empty_at: NONE,
    };
    let mut m = Matcher::new(prog, text, end, goal);
    while p <= end && (limit == 0 || out.len() < limit) {
        if !m.search(p) {
            break;
        }
        let (s, e) = (m.slots[0], m.slots[1]);
        m.set_forbid_empty_at(if s == e { e } else { NONE });
        p = e;
        out.push(m.slots.clone());
    }
    out
}

/// `Program.match(string, pos, endpos, mode)`: mode 0 match, 1 fullmatch, 2 search.
fn p_match(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, rest) = vm.method_self::<ProgramObj>(args, "match", "Program")?;
    let a = rest.range(vm, "match", 4, 4)?;
    let subj = subject(vm, &a[0], this.is_bytes)?;
    let mode = vm.index_value(&a[3])?;
    let found = match &subj {
        Subject::Narrow(t) => {
            let (p, e) = bounds(vm, t.len(), &a[1], &a[2])?;
            run_one(&this.prog, &t[..], p, e, mode)
        }
        Subject::Wide(t) => {
            let (p, e) = bounds(vm, t.len(), &a[1], &a[2])?;
            run_one(&this.prog, &t[..], p, e, mode)
        }
    };
    Ok(match found {
        Some(slots) => spans(vm, &slots),
        None => Value::None,
    })
}

/// `Program.scan(string, pos, endpos, limit)`: the spans of successive non-overlapping
/// matches (CPython's rule for empty matches), at most `limit` of them (0: no limit).
fn p_scan(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, rest) = vm.method_self::<ProgramObj>(args, "scan", "Program")?;
    let a = rest.range(vm, "scan", 4, 4)?;
    let subj = subject(vm, &a[0], this.is_bytes)?;
    let limit = vm.index_value(&a[3])?.max(0) as usize;
    let all = match &subj {
        Subject::Narrow(t) => {
            let (p, e) = bounds(vm, t.len(), &a[1], &a[2])?;
            run_all(&this.prog, &t[..], p, e, limit)
        }
        Subject::Wide(t) => {
            let (p, e) = bounds(vm, t.len(), &a[1], &a[2])?;
            run_all(&this.prog, &t[..], p, e, limit)
        }
    };
    let items = all.iter().map(|s| spans(vm, s)).collect();
    Ok(vm.new_list(items).into())
}

/// `compile(pattern, flags)`: `(program, groups, {name: index}, flags)`, or
/// `(message, position)` for a syntax error (position -1 when CPython gives none).
fn compile(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.range(vm, "compile", 2, 2)?;
    let flags = vm.index_value(&a[1])? as u32;
    let (cps, is_bytes): (Vec<u32>, bool) = if let Some(s) = a[0].downcast::<Str>() {
        (s.code_points().collect(), false)
    } else if let Some(b) = a[0].downcast::<Bytes>() {
        (b.as_bytes().iter().map(|&c| u32::from(c)).collect(), true)
    } else {
        return Err(vm.new_type_error("first argument must be string or compiled pattern"));
    };
    let err = |msg: String, pos: usize| -> Value {
        let pos = if pos == parse::NO_POS { -1 } else { pos as i64 };
        vm.new_tuple(vec![vm.new_str(&msg).into(), Value::Int(pos)])
            .into()
    };
    let parsed = match parse::parse(&cps, flags, is_bytes) {
        Ok(p) => p,
        Err(e) if e.msg == parse::TOO_DEEP => return Err(vm.new_recursion_error(e.msg)),
        Err(e) => return Ok(err(e.msg, e.pos)),
    };
    let program = match prog::compile(&parsed.node, parsed.groups) {
        Ok(p) => p,
        Err(msg) => return Ok(err(msg, parse::NO_POS)),
    };
    let names = vm.new_dict();
    for (name, idx) in &parsed.names {
        names.set_item(vm, vm.new_str(name).into(), Value::Int(*idx as i64))?;
    }
    let ty = vm.native_type("_rpyre.Program")?;
    let obj = vm.alloc_instance(
        &ty,
        ProgramObj {
            prog: program,
            is_bytes,
        },
    )?;
    Ok(vm
        .new_tuple(vec![
            obj,
            Value::Int(parsed.groups as i64),
            names.into(),
            Value::Int(i64::from(parsed.flags)),
        ])
        .into())
}

fn init_module(vm: &Vm) -> PyResult<Py<Module>> {
    let m = vm.new_module("_rpyre");
    let ty: Py<Type> =
        crate::stdlib::typedef::new_type::<ProgramObj>(vm, "Program", "_rpyre", None, false);
    vm.add_methods(&ty, &[("match", p_match), ("scan", p_scan)]);
    crate::stdlib::typedef::finish_type(vm, &ty);
    vm.register_native_type("_rpyre.Program", &ty);
    m.dict().set_str(&vm.intern("Program"), ty.into());
    vm.add_function(&m, "compile", compile);
    Ok(m)
}

/// Registers `_rpyre` (the Python-level `re` is `vm/lib/re.py`).
pub(crate) fn register(vm: &Vm) {
    vm.register_native_module("_rpyre", init_module);
}
