//! Debug output of codegen in the shape of CPython's `_testinternalcapi.compiler_codegen`:
//! per unit, instructions as `[opcode, oparg, lineno, end_lineno, col, end_col]` with jump
//! targets as instruction indexes, the metadata, and the nested units. Used by
//! `tools/codegen_parity.py` and the codegen goldens.

use std::fmt::Write;

use super::code::Const;
use super::codegen::CodegenUnit;
use super::instr_seq::InstrSeq;
use crate::instr::Opcode;
use crate::text::float_repr::write_float_repr;
use crate::text::repr::{write_bytes_repr, write_complex_repr, write_str_repr};

/// Python's `repr` of a constant; a code object is `<code QUALNAME>`.
pub fn const_repr(c: &Const) -> String {
    let mut s = String::new();
    write_const(&mut s, c);
    s
}

fn write_const(s: &mut String, c: &Const) {
    match c {
        Const::None => s.push_str("None"),
        Const::Bool(true) => s.push_str("True"),
        Const::Bool(false) => s.push_str("False"),
        Const::Ellipsis => s.push_str("Ellipsis"),
        Const::Int(i) => {
            let _ = write!(s, "{i}");
        }
        Const::BigInt(b) => {
            let _ = write!(s, "{b}");
        }
        Const::Float(f) => write_float_repr(s, *f),
        Const::Complex { real, imag } => write_complex_repr(s, *real, *imag),
        Const::Str(t) => write_str_repr(s, t),
        Const::Bytes(b) => write_bytes_repr(s, b),
        Const::Tuple(items) => {
            s.push('(');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                write_const(s, item);
            }
            if items.len() == 1 {
                s.push(',');
            }
            s.push(')');
        }
        Const::FrozenSet(items) => {
            if items.is_empty() {
                s.push_str("frozenset()");
                return;
            }
            s.push_str("frozenset({");
            for (i, item) in super::consteval::frozenset_table_order(items)
                .into_iter()
                .enumerate()
            {
                if i > 0 {
                    s.push_str(", ");
                }
                write_const(s, item);
            }
            s.push_str("})");
        }
        Const::Slice(parts) => {
            s.push_str("slice(");
            for (i, p) in parts.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                write_const(s, p);
            }
            s.push(')');
        }
        Const::Code(code) => {
            let _ = write!(s, "<code {}>", code.qualname);
        }
    }
}

/// Whether an instruction's oparg is a label (CPython's `HAS_TARGET`).
pub fn has_target(op: Opcode) -> bool {
    op.has_jump()
        || matches!(
            op,
            Opcode::SETUP_FINALLY | Opcode::SETUP_CLEANUP | Opcode::SETUP_WITH
        )
}

/// The JSON of one codegen unit tree.
pub fn unit_json(unit: &CodegenUnit) -> String {
    let mut s = String::new();
    write_unit(&mut s, unit);
    s
}

fn json_str(s: &mut String, text: &str) {
    s.push('"');
    for ch in text.chars() {
        match ch {
            '"' => s.push_str("\\\""),
            '\\' => s.push_str("\\\\"),
            '\n' => s.push_str("\\n"),
            '\r' => s.push_str("\\r"),
            '\t' => s.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(s, "\\u{:04x}", c as u32);
            }
            c => s.push(c),
        }
    }
    s.push('"');
}

/// The instructions as CPython's `InstructionSequence.get_instructions()` lists them:
/// `[opcode, oparg, lineno, end_lineno, col_offset, end_col_offset]`, a jump's oparg being
/// its target's instruction index (-1 for an unplaced label).
pub fn resolved_instrs(seq: &InstrSeq) -> Vec<[i64; 6]> {
    seq.instrs
        .iter()
        .map(|ins| {
            let mut arg = i64::from(ins.oparg);
            if has_target(ins.opcode) {
                arg = seq
                    .label_map
                    .get(ins.oparg as usize)
                    .map_or(-1, |&t| if t == u32::MAX { -1 } else { i64::from(t) });
            }
            let l = ins.loc;
            let loc = [l.lineno, l.end_lineno, l.col_offset, l.end_col_offset].map(i64::from);
            [
                i64::from(ins.opcode as u16),
                arg,
                loc[0],
                loc[1],
                loc[2],
                loc[3],
            ]
        })
        .collect()
}

fn write_seq(s: &mut String, seq: &InstrSeq) {
    s.push('[');
    for (i, ins) in resolved_instrs(seq).iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        let _ = write!(
            s,
            "[{},{},{},{},{},{}]",
            ins[0], ins[1], ins[2], ins[3], ins[4], ins[5]
        );
    }
    s.push(']');
}

/// The units of a codegen tree depth-first, with CPython's `get_nested()` paths ("0",
/// "0.1", "0.1.0", ...).
pub fn flatten_units(unit: &CodegenUnit) -> Vec<(String, &CodegenUnit)> {
    let mut out = Vec::new();
    fn walk<'u>(u: &'u CodegenUnit, path: String, out: &mut Vec<(String, &'u CodegenUnit)>) {
        for (i, n) in u.nested.iter().enumerate() {
            out.push((format!("{path}.{i}"), n));
            walk(n, format!("{path}.{i}"), out);
        }
    }
    out.push(("0".to_string(), unit));
    walk(unit, "0".to_string(), &mut out);
    out
}

fn write_unit(s: &mut String, u: &CodegenUnit) {
    let m = &u.meta;
    s.push_str("{\"name\":");
    json_str(s, &m.name);
    s.push_str(",\"qualname\":");
    json_str(s, &m.qualname);
    let _ = write!(
        s,
        ",\"firstlineno\":{},\"argcount\":{},\"posonlyargcount\":{},\"kwonlyargcount\":{},\"flags\":{}",
        m.firstlineno, m.argcount, m.posonlyargcount, m.kwonlyargcount, m.flags
    );
    s.push_str(",\"consts\":[");
    for (i, c) in m.consts.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        json_str(s, &const_repr(c));
    }
    s.push(']');
    for (key, list) in [
        ("names", &m.names),
        ("varnames", &m.varnames),
        ("cellvars", &m.cellvars),
        ("freevars", &m.freevars),
    ] {
        let _ = write!(s, ",\"{key}\":[");
        for (i, n) in list.iter().enumerate() {
            if i > 0 {
                s.push(',');
            }
            json_str(s, n);
        }
        s.push(']');
    }
    s.push_str(",\"instrs\":");
    write_seq(s, &u.seq);
    if let Some(anno) = &u.seq.annotations_code {
        s.push_str(",\"annotations_code\":");
        write_seq(s, anno);
    }
    s.push_str(",\"nested\":[");
    for (i, n) in u.nested.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        write_unit(s, n);
    }
    s.push_str("]}");
}
