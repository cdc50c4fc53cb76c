//! Codegen goldens: CPython 3.14's `compiler_codegen` output (the instruction sequence
//! before any flow-graph pass) for the dis golden sources, checked without CPython.
//!
//! Each `tests/golden/codegen/<dir>/<NAME>.json` (written by
//! `tools/make_codegen_goldens.py`) names its source and lists every unit depth-first with
//! its instructions `[opcode, oparg, lineno, end_lineno, col, end_col]` (jump targets as
//! instruction indexes) and the module's constants. rpy's codegen for the same source must
//! give the same units, instruction for instruction: one check per unit (`<dir>/<NAME>#<path>`)
//! and one for the module constants (`<dir>/<NAME>@consts`), under the `case_suite` ratchet.

mod case_suite;

use std::path::{Path, PathBuf};

use case_suite::{Case, Check, run_suite};
use serde_json::Value;
use vm::compile::codegen_module;
use vm::compile::dump::{const_repr, flatten_units, resolved_instrs};
use vm::parse::{Mode, parse_bytes};

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/codegen")
}

fn load_goldens() -> Vec<Case> {
    let mut cases = Vec::new();
    for sub in ["snippets", "stdlib"] {
        let dir = golden_dir().join(sub);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut names: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        names.sort();
        for path in names {
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("golden is readable");
            let json: Value = serde_json::from_str(&text).expect("golden is JSON");
            let source = dir.join(json["source"].as_str().unwrap_or_default());
            let bytes = std::fs::read(&source).expect("golden source is readable");
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().to_string())
                .unwrap_or_default();
            cases.push(Case {
                id: format!("{sub}/{stem}"),
                origin: format!("{sub}/{stem}.py"),
                bytes,
                json,
            });
        }
    }
    cases
}

fn check_case(case: &Case) -> Vec<Check> {
    let arena = arena::Arena::new();
    let name = case.origin.rsplit('/').next().unwrap_or(&case.origin);
    let expected_units = case.json["units"].as_array().cloned().unwrap_or_default();
    let fail_all = |class: &'static str, actual: String| -> Vec<Check> {
        let mut checks = vec![Check::fail(
            format!("{}@consts", case.id),
            class,
            "codegen".into(),
            actual.clone(),
        )];
        for u in &expected_units {
            let path = u[0].as_str().unwrap_or_default();
            checks.push(Check::fail(
                format!("{}#{path}", case.id),
                class,
                "codegen".into(),
                actual.clone(),
            ));
        }
        checks
    };
    let parsed = match parse_bytes(&arena, &case.bytes, Mode::Exec) {
        Ok(p) => p,
        Err(e) => return fail_all("parse", format!("{}: {}", e.kind.name(), e.msg)),
    };
    let unit = match codegen_module(&parsed, name) {
        Ok(u) => u,
        Err(e) => return fail_all("codegen", format!("{}: {}", e.kind.name(), e.msg)),
    };
    let ours = flatten_units(&unit);
    let mut checks = Vec::new();
    let consts: Vec<String> = unit.meta.consts.iter().map(const_repr).collect();
    let want: Vec<String> = case.json["consts"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|v| v.as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default();
    let id = format!("{}@consts", case.id);
    checks.push(if consts == want {
        Check::pass(id)
    } else {
        Check::fail(id, "consts", format!("{want:?}"), format!("{consts:?}"))
    });
    for u in &expected_units {
        let path = u[0].as_str().unwrap_or_default();
        let id = format!("{}#{path}", case.id);
        let want: Vec<Vec<i64>> = u[1]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|i| {
                        i.as_array()
                            .map(|x| x.iter().map(|n| n.as_i64().unwrap_or(i64::MIN)).collect())
                            .unwrap_or_default()
                    })
                    .collect()
            })
            .unwrap_or_default();
        let Some((_, ounit)) = ours.iter().find(|(p, _)| p == path) else {
            checks.push(Check::fail(
                id,
                "missing unit",
                format!("{} instructions", want.len()),
                "no such unit".into(),
            ));
            continue;
        };
        let got: Vec<Vec<i64>> = resolved_instrs(&ounit.seq)
            .iter()
            .map(|i| i.to_vec())
            .collect();
        match got.iter().zip(&want).position(|(a, b)| a != b) {
            None if got.len() == want.len() => checks.push(Check::pass(id)),
            first => {
                let i = first.unwrap_or(got.len().min(want.len()));
                let show =
                    |v: &Vec<Vec<i64>>| v.get(i).map_or("end".to_string(), |x| format!("{x:?}"));
                checks.push(Check::fail(
                    id,
                    "instructions",
                    format!(
                        "{} ({}) at {i}: {}",
                        ounit.meta.qualname,
                        want.len(),
                        show(&want)
                    ),
                    format!("({}) {}", got.len(), show(&got)),
                ));
            }
        }
    }
    if ours.len() != expected_units.len() {
        checks.push(Check::fail(
            format!("{}@units", case.id),
            "unit count",
            expected_units.len().to_string(),
            ours.len().to_string(),
        ));
    }
    checks
}

#[test]
fn codegen_matches_cpython_goldens() {
    run_suite("codegen_golden", load_goldens(), check_case);
}
