//! Differential test of the compiler back end against CPython 3.14, without rpy's codegen.
//!
//! `data/backend_units.jsonl` (written by `tools/backend_fixtures.py`) holds, per code unit,
//! CPython's codegen output (instructions and unit metadata) and the code object CPython
//! built from it. Each unit goes through `optimize_and_assemble` and every field is compared:
//! `co_code`, the exception and location tables, constants, names, localsplus names and
//! kinds, stack size and flags. For module units the output of the CFG passes alone is also
//! compared with `_testinternalcapi.optimize_cfg`'s (`optimized`).
//!
//! Ratchet: `data/backend_units_known_failures.txt` lists `<id> <field>` pairs allowed to
//! differ. A difference outside the list fails, and so does a listed pair that now matches
//! (`RPY_BLESS_KNOWN_FAILURES=1` rewrites the list). `RPY_SUITE_SHOW=n` prints the first n
//! differences in detail; `RPY_SUITE_FILTER=text` keeps units whose id or origin contains it.

mod backend_support;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::rc::Rc;

use backend_support::{build_seq, data_path, decode_const, hex, int, metadata, strings};
use serde_json::Value;
use vm::compile::Const;
use vm::compile::backend::{optimize_and_assemble, optimize_for_test};
use vm::compile::code::CodeObject;
use vm::instr::Opcode;

fn show_const(c: &Const) -> String {
    match c {
        Const::None => "None".into(),
        Const::Ellipsis => "...".into(),
        Const::Bool(b) => format!("{b}"),
        Const::Int(i) => format!("{i}"),
        Const::BigInt(b) => format!("{b}"),
        Const::Float(f) => format!("f{:016x}", f.to_bits()),
        Const::Complex { real, imag } => {
            format!("c{:016x}:{:016x}", real.to_bits(), imag.to_bits())
        }
        Const::Str(s) => format!("{:?}", s.as_wtf8()),
        Const::Bytes(b) => format!("b{}", hex(b)),
        Const::Tuple(items) => {
            format!(
                "({})",
                items.iter().map(show_const).collect::<Vec<_>>().join(", ")
            )
        }
        Const::FrozenSet(items) => {
            // Compared as sets: even with PYTHONHASHSEED=0, CPython may rebuild a frozenset
            // constant when it interns its strings (`intern_constants`), in iteration order,
            // which depends on what the process interned before.
            let mut parts: Vec<String> = items.iter().map(show_const).collect();
            parts.sort();
            format!("frozenset({})", parts.join(", "))
        }
        Const::Slice(p) => format!(
            "slice({}, {}, {})",
            show_const(&p[0]),
            show_const(&p[1]),
            show_const(&p[2])
        ),
        Const::Code(code) => format!("<code {}>", code.qualname),
    }
}

/// The fields that differ between our code object and CPython's, with a description.
fn compare(u: &Value, code: &CodeObject) -> Vec<(&'static str, String)> {
    let e = &u["expect"];
    let mut diffs = Vec::new();
    let mut check = |field: &'static str, ours: String, theirs: String| {
        if ours != theirs {
            diffs.push((field, format!("ours   {ours}\ntheirs {theirs}")));
        }
    };
    check(
        "code",
        hex(&code.code_bytes()),
        e["code"].as_str().unwrap_or("").into(),
    );
    check(
        "exceptiontable",
        hex(&code.exceptiontable),
        e["exceptiontable"].as_str().unwrap_or("").into(),
    );
    check(
        "linetable",
        hex(&code.linetable),
        e["linetable"].as_str().unwrap_or("").into(),
    );
    let theirs: Vec<String> = e["consts"]
        .as_array()
        .expect("consts")
        .iter()
        .map(|c| show_const(&decode_const(c)))
        .collect();
    let ours: Vec<String> = code.consts.iter().map(show_const).collect();
    check("consts", ours.join(" | "), theirs.join(" | "));
    check(
        "names",
        format!("{:?}", code.names),
        format!("{:?}", strings(&e["names"])),
    );
    check(
        "localsplus",
        format!("{:?} {}", code.localsplusnames, hex(&code.localspluskinds)),
        format!(
            "{:?} {}",
            strings(&e["localsplusnames"]),
            e["localspluskinds"].as_str().unwrap_or("")
        ),
    );
    check(
        "stacksize",
        code.stacksize.to_string(),
        e["stacksize"].to_string(),
    );
    check("flags", code.flags.to_string(), e["flags"].to_string());
    diffs
}

fn compare_optimized(u: &Value) -> Option<(&'static str, String)> {
    let expected = u.get("optimized")?.as_array()?;
    let seq = build_seq(u["instrs"].as_array().expect("instrs"));
    let mut consts: Vec<Const> = u["consts"]
        .as_array()
        .expect("consts")
        .iter()
        .map(decode_const)
        .collect();
    let nlocals = u["varnames"].as_array().map_or(0, Vec::len);
    let ours = match optimize_for_test(&seq, &mut consts, nlocals) {
        Ok(v) => v,
        Err(e) => return Some(("optimized", format!("error {e:?}"))),
    };
    // optimize_cfg starts from an empty constant cache, so a folded constant equal to an
    // existing one is appended rather than shared: LOAD_CONST opargs may legitimately
    // differ here (the final code comparison checks them).
    let fmt = |op: u16, arg: i64, l: [i64; 4]| {
        let arg = if op == Opcode::LOAD_CONST.number() {
            -1
        } else {
            arg
        };
        format!("{op} {arg} {} {} {} {}", l[0], l[1], l[2], l[3])
    };
    let ours: Vec<String> = ours
        .iter()
        .map(|(op, arg, loc)| {
            let arg = if op.has_arg() || op.has_jump() || op.has_exc() {
                i64::from(*arg)
            } else {
                0
            };
            fmt(
                op.number(),
                arg,
                [
                    loc.lineno.into(),
                    loc.end_lineno.into(),
                    loc.col_offset.into(),
                    loc.end_col_offset.into(),
                ],
            )
        })
        .collect();
    let theirs: Vec<String> = expected
        .iter()
        .map(|r| {
            let r = r.as_array().expect("row");
            fmt(
                int(&r[0]) as u16,
                int(&r[1]),
                [int(&r[2]), int(&r[3]), int(&r[4]), int(&r[5])],
            )
        })
        .collect();
    if ours == theirs {
        return None;
    }
    let first = ours
        .iter()
        .zip(&theirs)
        .position(|(a, b)| a != b)
        .unwrap_or(ours.len().min(theirs.len()));
    let lo = first.saturating_sub(3);
    Some((
        "optimized",
        format!(
            "first difference at {first} (lengths {} / {})\nours   {:?}\ntheirs {:?}",
            ours.len(),
            theirs.len(),
            &ours[lo..(first + 4).min(ours.len())],
            &theirs[lo..(first + 4).min(theirs.len())]
        ),
    ))
}

#[test]
fn backend_units_match_cpython() {
    let text =
        std::fs::read_to_string(data_path("backend_units.jsonl")).expect("backend_units.jsonl");
    let known_path = data_path("backend_units_known_failures.txt");
    let known: BTreeSet<String> = std::fs::read_to_string(&known_path)
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect();
    let filter = std::env::var("RPY_SUITE_FILTER").ok();
    let show: usize = std::env::var("RPY_SUITE_SHOW")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let filename: Rc<str> = Rc::from("<fixture>");

    let mut units = 0;
    let mut field_fail: BTreeMap<&str, usize> = BTreeMap::new();
    let mut failing: BTreeSet<String> = BTreeSet::new();
    let mut shown = 0;
    let mut report = String::new();
    for line in text.lines() {
        let u: Value = serde_json::from_str(line).expect("json");
        let id = u["id"].as_str().expect("id").to_owned();
        let origin = u["origin"].as_str().unwrap_or("");
        if let Some(f) = &filter
            && !id.contains(f.as_str())
            && !origin.contains(f.as_str())
        {
            continue;
        }
        units += 1;
        let seq = build_seq(u["instrs"].as_array().expect("instrs"));
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            optimize_and_assemble(seq, metadata(&u), &filename)
        }));
        let mut diffs = match result {
            Ok(Ok(code)) => compare(&u, &code),
            Ok(Err(e)) => vec![("code", format!("error {e:?}"))],
            Err(_) => vec![("code", "panic".to_owned())],
        };
        diffs.extend(compare_optimized(&u));
        for (field, detail) in diffs {
            *field_fail.entry(field).or_default() += 1;
            failing.insert(format!("{id} {field}"));
            if shown < show {
                shown += 1;
                let _ = writeln!(
                    report,
                    "--- {id} {field} ({origin} {})\n{detail}",
                    u["qualname"]
                );
            }
        }
    }
    println!("{report}");
    println!("{units} units");
    for (field, n) in &field_fail {
        println!("  {field:15} {} / {units} match", units - n);
    }
    if filter.is_some() {
        return;
    }
    if std::env::var("RPY_BLESS_KNOWN_FAILURES").is_ok() {
        let body: String = failing.iter().map(|l| format!("{l}\n")).collect();
        std::fs::write(
            &known_path,
            format!("# <unit id> <field> pairs allowed to differ from CPython\n{body}"),
        )
        .expect("write known failures");
        return;
    }
    let new: Vec<_> = failing.difference(&known).collect();
    let fixed: Vec<_> = known.difference(&failing).collect();
    assert!(
        new.is_empty() && fixed.is_empty(),
        "{} new differences (first: {:?}), {} listed differences now match (first: {:?}); \
         see the test's doc comment",
        new.len(),
        new.first(),
        fixed.len(),
        fixed.first()
    );
}
