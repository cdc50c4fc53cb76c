//! Reading `data/backend_units.jsonl` (see `tools/backend_fixtures.py`): CPython's codegen
//! output and metadata per unit, as this crate's `InstrSeq` and `UnitMetadata`.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::rc::Rc;

use num_bigint::BigInt;
use serde_json::Value;
use vm::compile::code::CodeObject;
use vm::compile::{Const, InstrSeq, Location, UnitMetadata};
use vm::instr::Opcode;
use vm::text::wtf8::Wtf8Buf;

/// Every unit of the fixture file.
pub fn load_units() -> Vec<Value> {
    let text =
        std::fs::read_to_string(data_path("backend_units.jsonl")).expect("backend_units.jsonl");
    text.lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect()
}

pub fn data_path(name: &str) -> String {
    format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

pub fn unhex(s: &str) -> Vec<u8> {
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap_or(0))
        .collect()
}

pub fn f64_from_hex(s: &str) -> f64 {
    let b = unhex(s);
    f64::from_be_bytes(b.try_into().unwrap_or([0; 8]))
}

pub fn decode_const(v: &Value) -> Const {
    let a = v.as_array().expect("const");
    let tag = a[0].as_str().expect("tag");
    match tag {
        "None" => Const::None,
        "Ellipsis" => Const::Ellipsis,
        "bool" => Const::Bool(a[1].as_bool().expect("bool")),
        "int" => Const::int(a[1].as_str().expect("int").parse::<BigInt>().expect("int")),
        "float" => Const::Float(f64_from_hex(a[1].as_str().expect("float"))),
        "complex" => Const::Complex {
            real: f64_from_hex(a[1].as_str().expect("re")),
            imag: f64_from_hex(a[2].as_str().expect("im")),
        },
        "str" => Const::str(a[1].as_str().expect("str")),
        "wtf8" => {
            // Surrogates are encoded one code point at a time, which is this crate's form.
            let bytes = unhex(a[1].as_str().expect("wtf8"));
            let mut buf = Wtf8Buf::new();
            for cp in vm::text::wtf8::Wtf8::from_bytes_unchecked(&bytes).code_points() {
                buf.push_code_point(cp);
            }
            Const::Str(Rc::new(buf))
        }
        "bytes" => Const::Bytes(unhex(a[1].as_str().expect("bytes")).into()),
        "tuple" => Const::Tuple(
            a[1].as_array()
                .expect("tuple")
                .iter()
                .map(decode_const)
                .collect(),
        ),
        "frozenset" => Const::FrozenSet(
            a[1].as_array()
                .expect("frozenset")
                .iter()
                .map(decode_const)
                .collect(),
        ),
        "slice" => {
            let p: Vec<Const> = a[1]
                .as_array()
                .expect("slice")
                .iter()
                .map(decode_const)
                .collect();
            Const::Slice(Rc::new([p[0].clone(), p[1].clone(), p[2].clone()]))
        }
        "code" => Const::Code(Rc::new(CodeObject {
            qualname: Rc::from(a[1].as_str().expect("code")),
            ..CodeObject::default()
        })),
        other => panic!("unknown constant tag {other}"),
    }
}

/// A constant as comparable text (code objects by qualname, floats by bits).
pub fn strings(v: &Value) -> Vec<Rc<str>> {
    v.as_array()
        .expect("strings")
        .iter()
        .map(|s| Rc::from(s.as_str().expect("string")))
        .collect()
}

pub fn int(v: &Value) -> i64 {
    v.as_i64().expect("int")
}

/// Codegen's sequence: jump opargs are instruction indexes; give each target a label.
pub fn build_seq(rows: &[Value]) -> InstrSeq {
    let mut seq = InstrSeq::new();
    let mut labels: BTreeMap<u32, u32> = BTreeMap::new();
    for row in rows {
        let r = row.as_array().expect("instr");
        let op = Opcode::from_u16(int(&r[0]) as u16).expect("opcode");
        let oparg = int(&r[1]) as u32;
        let loc = Location::new(
            int(&r[2]) as i32,
            int(&r[3]) as i32,
            int(&r[4]) as i32,
            int(&r[5]) as i32,
        );
        let is_target = op.has_jump() || op.has_exc();
        let oparg = if is_target {
            *labels.entry(oparg).or_insert_with(|| {
                let l = seq.new_label();
                l.0
            })
        } else {
            oparg
        };
        seq.emit(op, oparg, loc);
    }
    for (&index, &label) in &labels {
        seq.label_map[label as usize] = index;
    }
    seq
}

pub fn metadata(u: &Value) -> UnitMetadata {
    UnitMetadata {
        name: Rc::from(u["name"].as_str().expect("name")),
        qualname: Rc::from(u["qualname"].as_str().expect("qualname")),
        consts: u["consts"]
            .as_array()
            .expect("consts")
            .iter()
            .map(decode_const)
            .collect(),
        names: strings(&u["names"]),
        varnames: strings(&u["varnames"]),
        cellvars: strings(&u["cellvars"]),
        freevars: strings(&u["freevars"]),
        fasthidden: strings(&u["fasthidden"])
            .into_iter()
            .map(|n| (n, true))
            .collect(),
        argcount: (int(&u["argcount"]) - int(&u["posonlyargcount"])) as u32,
        posonlyargcount: int(&u["posonlyargcount"]) as u32,
        kwonlyargcount: int(&u["kwonlyargcount"]) as u32,
        nparams: nparams(u),
        firstlineno: int(&u["firstlineno"]) as i32,
        flags: int(&u["flags"]) as u32,
    }
}

/// The parameters (CPython's `ste_varnames`): the recorded code objects do not carry the
/// count, so it is rebuilt from the argument counts and the `*args` / `**kwargs` flags.
pub fn nparams(u: &Value) -> u32 {
    let flags = int(&u["flags"]);
    let star = u32::from(flags & 0x4 != 0) + u32::from(flags & 0x8 != 0);
    (int(&u["argcount"]) + int(&u["kwonlyargcount"])) as u32 + star
}
