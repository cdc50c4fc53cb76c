//! The code object's introspection API beyond its plain fields: `co_stacksize`,
//! `co_linetable`, `co_exceptiontable`, `co_lnotab`, `co_lines()`, `co_positions()`,
//! `co_branches()`, and value equality and hashing (CPython compares code objects by
//! content, so two compilations of the same source are equal).

use crate::compile::code::{CodeObject, Const};
use crate::exec::linetable::{self, Location};
use crate::instr::Opcode;
use crate::object::{CompareOp, Value};
use crate::runtime::{Args, PyResult, Vm};

use super::code::Code;

fn code<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a crate::object::Py<Code>> {
    v.downcast::<Code>()
        .ok_or_else(|| vm.new_type_error("expected code"))
}

/// The location of every code unit (caches included) in order, as `co_positions()` yields
/// them: the table's entries expanded, padded with "no location" if the table ends early.
fn unit_locations(c: &Code) -> Vec<Location> {
    let units = c.meta.code.len();
    let mut out = Vec::with_capacity(units);
    for (_, len, loc) in linetable::entries(&c.meta.linetable, c.meta.firstlineno) {
        for _ in 0..len {
            if out.len() == units {
                return out;
            }
            out.push(loc);
        }
    }
    out.resize(units, Location::default());
    out
}

/// `co_lines()`'s ranges: `(start byte, end byte, line)` with consecutive entries of the same
/// line merged and empty ranges skipped, as CPython's line iterator produces them.
fn line_ranges(c: &Code) -> Vec<(u32, u32, Option<i32>)> {
    let mut out: Vec<(u32, u32, Option<i32>)> = Vec::new();
    for (start, len, loc) in linetable::entries(&c.meta.linetable, c.meta.firstlineno) {
        if len == 0 {
            continue;
        }
        let (start, end) = (start * 2, (start + len) * 2);
        match out.last_mut() {
            Some(last) if last.2 == loc.line && last.1 == start => last.1 = end,
            _ => out.push((start, end, loc.line)),
        }
    }
    out
}

/// `co_lnotab`'s bytes: (byte delta, line delta) pairs at each change of the last known
/// line, large deltas split into 255-byte / ±127-line steps (the pre-3.10 format CPython still
/// derives from the line table).
fn lnotab(c: &Code) -> Vec<u8> {
    let mut out = Vec::new();
    let (mut offset, mut line) = (0i64, i64::from(c.meta.firstlineno));
    for (start, _, loc) in linetable::entries(&c.meta.linetable, c.meta.firstlineno) {
        let Some(l) = loc.line.map(i64::from) else {
            continue;
        };
        if l == line {
            continue;
        }
        let start = i64::from(start) * 2;
        let (mut bdelta, mut ldelta) = (start - offset, l - line);
        while bdelta > 255 {
            out.extend([255, 0]);
            bdelta -= 255;
        }
        while ldelta > 127 {
            out.extend([bdelta as u8, 127]);
            (bdelta, ldelta) = (0, ldelta - 127);
        }
        while ldelta < -128 {
            out.extend([bdelta as u8, (-128i8) as u8]);
            (bdelta, ldelta) = (0, ldelta + 128);
        }
        out.extend([bdelta as u8, ldelta as i8 as u8]);
        (offset, line) = (start, l);
    }
    out
}

/// `co_branches()`'s triples in byte offsets: (branch instruction, fall-through, taken) for
/// each conditional jump (the fall-through skips its NOT_TAKEN), each FOR_ITER (taken lands
/// after END_FOR and POP_ITER, where the exhausted loop continues), and each `async for`
/// exit, whose branch is the END_SEND that END_ASYNC_FOR's oparg points back to.
fn branches(c: &Code) -> Vec<[usize; 3]> {
    let units = &c.meta.code;
    let mut out = Vec::new();
    let (mut i, mut oparg) = (0usize, 0usize);
    while i < units.len() {
        let op = Opcode::from_u8(units[i].opcode).map(Opcode::deopt);
        let next = i + op.map_or(1, |o| usize::from(o.size()));
        oparg = (oparg << 8) | usize::from(units[i].oparg);
        match op {
            Some(Opcode::EXTENDED_ARG) => {
                i = next;
                continue;
            }
            Some(Opcode::FOR_ITER) => out.push([i, next, next + oparg + 2]),
            Some(
                Opcode::POP_JUMP_IF_FALSE
                | Opcode::POP_JUMP_IF_TRUE
                | Opcode::POP_JUMP_IF_NONE
                | Opcode::POP_JUMP_IF_NOT_NONE,
            ) => out.push([i, next + 1, next + oparg]),
            Some(Opcode::END_ASYNC_FOR) if oparg <= next => {
                let send = next - oparg;
                out.push([send, send + 2, next]);
            }
            _ => {}
        }
        oparg = 0;
        i = next;
    }
    out.into_iter().map(|t| t.map(|u| u * 2)).collect()
}

/// An iterator over tuples, one per row: the shape of `co_lines()`, `co_positions()` and
/// `co_branches()`.
fn tuple_rows<const N: usize>(vm: &Vm, rows: impl Iterator<Item = [Value; N]>) -> PyResult<Value> {
    let items = rows.map(|r| vm.new_tuple(r.to_vec()).into()).collect();
    vm.iter(&vm.new_list(items).into())
}

fn co_branches(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (c, rest) = vm.method_self::<Code>(args, "co_branches", "code")?;
    rest.none(vm, "co_branches")?;
    tuple_rows(
        vm,
        branches(c)
            .into_iter()
            .map(|t| t.map(|b| Value::Int(b as i64))),
    )
}

fn opt_int(v: Option<i32>) -> Value {
    v.map_or(Value::None, |i| Value::Int(i64::from(i)))
}

fn co_lines(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (c, rest) = vm.method_self::<Code>(args, "co_lines", "code")?;
    rest.none(vm, "co_lines")?;
    tuple_rows(
        vm,
        line_ranges(c).into_iter().map(|(start, end, line)| {
            [
                Value::Int(i64::from(start)),
                Value::Int(i64::from(end)),
                opt_int(line),
            ]
        }),
    )
}

fn co_positions(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (c, rest) = vm.method_self::<Code>(args, "co_positions", "code")?;
    rest.none(vm, "co_positions")?;
    tuple_rows(
        vm,
        unit_locations(c).into_iter().map(|l| {
            [
                opt_int(l.line),
                opt_int(l.end_line),
                opt_int(l.col),
                opt_int(l.end_col),
            ]
        }),
    )
}

/// Whether two code objects are equal: same content, nested code constants compared by
/// content too (unlike the compiler's constant merging, which compares them by identity).
fn same_code(a: &Code, b: &Code) -> bool {
    a.flags == b.flags && same_meta(&a.meta, &b.meta)
}

fn same_meta(x: &CodeObject, y: &CodeObject) -> bool {
    x.same_content(y, |p, q| match (p, q) {
        (Const::Code(p), Const::Code(q)) => same_meta(p, q),
        _ => p == q,
    })
}

fn code_richcompare(vm: &Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.downcast::<Code>(), b.downcast::<Code>()) else {
        return Ok(vm.not_implemented());
    };
    let eq = a.is(b) || same_code(x, y);
    Ok(match op {
        CompareOp::Eq => Value::Bool(eq),
        CompareOp::Ne => Value::Bool(!eq),
        _ => vm.not_implemented(),
    })
}

fn code_hash(vm: &Vm, v: &Value) -> PyResult<i64> {
    use std::hash::{Hash, Hasher};
    let c = code(vm, v)?;
    let m = &c.meta;
    // Hash what equality compares that is cheap to hash; the constants are left out
    // (equal code objects still hash equal, which is all the hash must guarantee).
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (&*m.name, m.argcount, m.posonlyargcount, m.kwonlyargcount).hash(&mut h);
    (
        c.flags,
        m.firstlineno,
        m.names.len(),
        m.localsplusnames.len(),
    )
        .hash(&mut h);
    m.code.iter().for_each(|u| (u.opcode, u.oparg).hash(&mut h));
    let x = h.finish() as i64;
    Ok(if x == -1 { -2 } else { x })
}

/// Adds the introspection attributes and methods to the `code` type.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.code;
    t.slots.richcompare.set(Some(code_richcompare));
    t.slots.hash.set(Some(code_hash));
    vm.add_methods(
        t,
        &[
            ("co_lines", co_lines),
            ("co_branches", co_branches),
            ("co_positions", co_positions),
            ("replace", super::code_replace::code_replace),
            ("__replace__", super::code_replace::code_dunder_replace),
        ],
    );
    vm.add_getset(
        t,
        "co_stacksize",
        |vm, v| Ok(Value::Int(i64::from(code(vm, v)?.meta.stacksize))),
        None,
    );
    vm.add_getset(
        t,
        "co_lnotab",
        |vm, v| {
            let c = code(vm, v)?;
            vm.warn_as(
                &vm.exc.deprecation_warning.clone().into(),
                "co_lnotab is deprecated, use co_lines instead.",
            )?;
            Ok(vm.new_bytes(lnotab(c)).into())
        },
        None,
    );
    vm.add_getset(
        t,
        "co_linetable",
        |vm, v| Ok(vm.new_bytes(code(vm, v)?.meta.linetable.clone()).into()),
        None,
    );
    vm.add_getset(
        t,
        "co_exceptiontable",
        |vm, v| {
            Ok(vm
                .new_bytes(code(vm, v)?.meta.exceptiontable.clone())
                .into())
        },
        None,
    );
}
