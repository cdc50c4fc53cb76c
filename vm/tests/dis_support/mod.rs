//! Shared loader for the dis goldens under `tests/golden/dis/` (written by
//! `tools/make_dis_goldens.py` running CPython 3.14): the sources, CPython's code objects
//! rebuilt as rpy `CodeObject`s from the extended JSON, CPython's `-m dis` listings, and the
//! field-by-field comparison of `rpy dis --json` objects.

#![allow(dead_code)] // each test binary uses a different part of this module

pub mod parity;

use std::path::PathBuf;
use std::rc::Rc;

use num_bigint::BigInt;
use serde_json::Value;
use vm::compile::{CodeObject, Const};
use vm::instr::CodeUnit;
use vm::text::wtf8::{Wtf8, Wtf8Buf};

/// The keys of the `--json` schema (issue 3), compared by the parity tests.
pub const SCHEMA_KEYS: [&str; 13] = [
    "qualname",
    "firstlineno",
    "co_code",
    "co_exceptiontable",
    "co_linetable",
    "co_consts",
    "co_names",
    "co_localsplusnames",
    "co_flags",
    "co_stacksize",
    "co_argcount",
    "co_posonlyargcount",
    "co_kwonlyargcount",
];

/// One golden source and what CPython made of it.
pub struct Golden {
    /// Path relative to the golden directory (`snippets/match_stmt.py`); also the filename
    /// CPython compiled it under.
    pub name: String,
    /// Where it comes from (`hand` or `Lib/...`).
    pub origin: String,
    /// Whether a `.COP.dis` listing (-C -O -P) exists.
    pub variants: bool,
}

/// The golden directory, or `RPY_DIS_GOLDEN_DIR` (a directory in the same layout, such as
/// the whole corpus written by `tools/make_dis_goldens.py --corpus-to DIR`).
pub fn golden_dir() -> PathBuf {
    match std::env::var_os("RPY_DIS_GOLDEN_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/dis"),
    }
}

/// Every golden of `MANIFEST.json`, filtered by `RPY_DIS_FILTER` (a substring of the name).
pub fn goldens() -> Vec<Golden> {
    let path = golden_dir().join("MANIFEST.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let manifest: Value = serde_json::from_str(&text).expect("MANIFEST.json is JSON");
    let filter = std::env::var("RPY_DIS_FILTER").unwrap_or_default();
    manifest
        .as_array()
        .expect("MANIFEST.json is an array")
        .iter()
        .map(|entry| Golden {
            name: entry["name"].as_str().unwrap_or_default().to_string(),
            origin: entry["origin"].as_str().unwrap_or_default().to_string(),
            variants: entry["variants"].as_bool().unwrap_or(false),
        })
        .filter(|g| g.name.contains(&filter))
        .collect()
}

impl Golden {
    /// The golden called `name` (as in the manifest), without manifest details.
    pub fn named(name: &str) -> Golden {
        Golden {
            name: name.to_string(),
            origin: String::new(),
            variants: false,
        }
    }

    /// Whether CPython's listing with this suffix was recorded.
    pub fn listing_exists(&self, suffix: &str) -> bool {
        self.sibling(suffix).exists()
    }

    fn sibling(&self, suffix: &str) -> PathBuf {
        let stem = self.name.strip_suffix(".py").unwrap_or(&self.name);
        golden_dir().join(format!("{stem}{suffix}"))
    }

    /// The source bytes.
    pub fn source(&self) -> Vec<u8> {
        let path = golden_dir().join(&self.name);
        std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// CPython's listing: `.dis`, or `.COP.dis` for the one with every option.
    pub fn listing(&self, suffix: &str) -> String {
        let path = self.sibling(suffix);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// CPython's code objects as JSON objects, depth-first.
    pub fn json(&self) -> Vec<Value> {
        let path = self.sibling(".json");
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        match serde_json::from_str(&text) {
            Ok(Value::Array(items)) => items,
            other => panic!("{}: not a JSON array: {other:?}", path.display()),
        }
    }
}

fn hex_bytes(text: &str) -> Result<Vec<u8>, String> {
    if !text.len().is_multiple_of(2) {
        return Err(format!("odd-length hex {text:?}"));
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).map_err(|e| format!("hex {text:?}: {e}")))
        .collect()
}

fn str_field<'v>(obj: &'v Value, key: &str) -> Result<&'v str, String> {
    obj[key]
        .as_str()
        .ok_or_else(|| format!("missing string {key}"))
}

fn int_field(obj: &Value, key: &str) -> Result<i64, String> {
    obj[key]
        .as_i64()
        .ok_or_else(|| format!("missing int {key}"))
}

fn u32_field(obj: &Value, key: &str) -> Result<u32, String> {
    u32::try_from(int_field(obj, key)?).map_err(|e| format!("{key}: {e}"))
}

fn names(obj: &Value, key: &str) -> Result<Vec<Rc<str>>, String> {
    obj[key]
        .as_array()
        .ok_or_else(|| format!("missing list {key}"))?
        .iter()
        .map(|n| {
            n.as_str()
                .map(Rc::from)
                .ok_or_else(|| format!("{key}: not a string"))
        })
        .collect()
}

fn float_bits(v: &Value) -> Result<f64, String> {
    let text = v.as_str().ok_or("float bits are not a string")?;
    u64::from_str_radix(text, 16)
        .map(f64::from_bits)
        .map_err(|e| e.to_string())
}

/// A frozenset constant keeps the order its items were inserted in (the run-time set is
/// rebuilt from it); the JSON has CPython's iteration order. Finds an insertion order whose
/// table iterates that way: the order itself when re-inserting keeps it, else (colliding
/// items, small sets) the first permutation that reproduces it.
fn insertion_order(order: Vec<Const>) -> Vec<Const> {
    let reproduces = |candidate: &[Const]| {
        vm::compile::frozenset_table_order(candidate)
            .into_iter()
            .eq(order.iter())
    };
    if order.len() > 8 || reproduces(&order) {
        return order;
    }
    let mut idx: Vec<usize> = (0..order.len()).collect();
    // Heap's algorithm over the indices.
    let mut counters = vec![0usize; idx.len()];
    let mut i = 0;
    while i < idx.len() {
        if counters[i] < i {
            let j = if i % 2 == 0 { 0 } else { counters[i] };
            idx.swap(j, i);
            let candidate: Vec<Const> = idx.iter().map(|&k| order[k].clone()).collect();
            if reproduces(&candidate) {
                return candidate;
            }
            counters[i] += 1;
            i = 0;
        } else {
            counters[i] = 0;
            i += 1;
        }
    }
    order
}

fn const_from_json(v: &Value, built: &[Option<Rc<CodeObject>>]) -> Result<Const, String> {
    let items = |v: &Value| -> Result<Vec<Const>, String> {
        v["items"]
            .as_array()
            .ok_or("missing items")?
            .iter()
            .map(|item| const_from_json(item, built))
            .collect()
    };
    Ok(match v["t"].as_str().ok_or("constant without a type")? {
        "none" => Const::None,
        "ellipsis" => Const::Ellipsis,
        "bool" => Const::Bool(v["v"].as_bool().ok_or("bool without value")?),
        "int" => {
            let text = str_field(v, "v")?;
            Const::int(
                text.parse::<BigInt>()
                    .map_err(|e| format!("int {text}: {e}"))?,
            )
        }
        "float" => Const::Float(float_bits(&v["bits"])?),
        "complex" => Const::Complex {
            real: float_bits(&v["real"])?,
            imag: float_bits(&v["imag"])?,
        },
        "str" => match v["v"].as_str() {
            Some(text) => Const::str(text),
            None => {
                let bytes = hex_bytes(str_field(v, "wtf8")?)?;
                let mut buf = Wtf8Buf::new();
                buf.push_wtf8(Wtf8::from_bytes_unchecked(&bytes));
                Const::Str(Rc::new(buf))
            }
        },
        "bytes" => Const::Bytes(hex_bytes(str_field(v, "hex")?)?.into()),
        "tuple" => Const::Tuple(items(v)?.into()),
        "frozenset" => Const::FrozenSet(insertion_order(items(v)?).into()),
        "slice" => {
            let [a, b, c]: [Const; 3] = items(v)?.try_into().map_err(|_| "slice needs 3 items")?;
            Const::Slice(Rc::new([a, b, c]))
        }
        "code" => {
            let index = v["index"].as_u64().ok_or("code without index")? as usize;
            let code = built
                .get(index)
                .and_then(Option::as_ref)
                .ok_or("code index not built yet")?;
            Const::Code(Rc::clone(code))
        }
        other => return Err(format!("unknown constant type {other}")),
    })
}

fn code_from_object(obj: &Value, built: &[Option<Rc<CodeObject>>]) -> Result<CodeObject, String> {
    let code = hex_bytes(str_field(obj, "co_code")?)?;
    let consts = obj["consts_typed"]
        .as_array()
        .ok_or("missing consts_typed (not an --extended dump)")?
        .iter()
        .map(|c| const_from_json(c, built))
        .collect::<Result<_, _>>()?;
    Ok(CodeObject {
        name: str_field(obj, "name")?.into(),
        qualname: str_field(obj, "qualname")?.into(),
        filename: str_field(obj, "filename")?.into(),
        firstlineno: i32::try_from(int_field(obj, "firstlineno")?).map_err(|e| e.to_string())?,
        argcount: u32_field(obj, "co_argcount")?,
        posonlyargcount: u32_field(obj, "co_posonlyargcount")?,
        kwonlyargcount: u32_field(obj, "co_kwonlyargcount")?,
        stacksize: u32_field(obj, "co_stacksize")?,
        flags: u32_field(obj, "co_flags")?,
        code: code
            .chunks(2)
            .map(|p| CodeUnit::new(p[0], p.get(1).copied().unwrap_or(0)))
            .collect(),
        consts,
        names: names(obj, "co_names")?,
        localsplusnames: names(obj, "co_localsplusnames")?,
        localspluskinds: hex_bytes(str_field(obj, "co_localspluskinds")?)?,
        linetable: hex_bytes(str_field(obj, "co_linetable")?)?,
        exceptiontable: hex_bytes(str_field(obj, "co_exceptiontable")?)?,
    })
}

/// Rebuilds the module code object from an extended dump (children follow their parent in
/// depth-first order, so building from the end finds every child already built).
pub fn code_from_json(objects: &[Value]) -> Result<Rc<CodeObject>, String> {
    let mut built: Vec<Option<Rc<CodeObject>>> = vec![None; objects.len()];
    for i in (0..objects.len()).rev() {
        let code =
            code_from_object(&objects[i], &built).map_err(|e| format!("code object {i}: {e}"))?;
        built[i] = Some(Rc::new(code));
    }
    built
        .first()
        .cloned()
        .flatten()
        .ok_or_else(|| "no code objects".to_string())
}

/// Where two texts first differ: the 1-based line number and the two lines (`<end>` past
/// the end of a text).
pub struct LineDifference {
    /// Line number.
    pub line: usize,
    /// The expected line.
    pub expected: String,
    /// The actual line.
    pub actual: String,
}

impl std::fmt::Display for LineDifference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "line {}:\n    expected: {}\n    actual:   {}",
            self.line, self.expected, self.actual
        )
    }
}

/// The first difference between two texts.
pub fn first_difference(expected: &str, actual: &str) -> Option<LineDifference> {
    let mut want = expected.lines();
    let mut got = actual.lines();
    for line in 1.. {
        match (want.next(), got.next()) {
            (None, None) => {
                return (expected != actual).then(|| LineDifference {
                    line,
                    expected: "(final newline)".into(),
                    actual: "(no final newline)".into(),
                });
            }
            (w, g) if w == g => {}
            (w, g) => {
                return Some(LineDifference {
                    line,
                    expected: w.unwrap_or("<end>").to_string(),
                    actual: g.unwrap_or("<end>").to_string(),
                });
            }
        }
    }
    None
}

/// The schema fields where `actual` differs from `expected`, for one code object.
pub fn differing_fields(expected: &Value, actual: &Value) -> Vec<&'static str> {
    SCHEMA_KEYS
        .into_iter()
        .filter(|key| expected[*key] != actual[*key])
        .collect()
}

/// Fails with the first failures listed when there are any.
pub fn assert_no_failures(what: &str, checked: usize, failures: &[String]) {
    assert!(checked > 0, "no goldens found");
    assert!(
        failures.is_empty(),
        "{} of {checked} {what} differ from CPython's:\n{}",
        failures.len(),
        failures
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
