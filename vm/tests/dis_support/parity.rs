//! The golden parity checks for a compiler: each golden source is compiled and every code
//! object's `--json` fields, and the whole `dis` listing, must be CPython's. The checks run
//! under `case_suite`'s runner (worker thread, panics and hangs caught, ratchet).
//!
//! Check ids: `<golden>@<i>` for the `i`-th code object in depth-first order (all schema
//! fields equal; the failure class names the first field that differs), and `<golden>.dis`
//! for the listing (and `<golden>.COP.dis` where the golden has it).

use std::rc::Rc;

use serde_json::Value;
use vm::compile::CodeObject;
use vm::dis::json::module_json;
use vm::dis::{DisOptions, disassemble_recursive, normalize_addresses};

use super::{Golden, SCHEMA_KEYS, first_difference, goldens};
use crate::case_suite::{Case, Check};

/// A compiler under test: source bytes and filename to the module's code object, or the
/// error it reported.
pub type Compile = fn(&[u8], &str) -> Result<Rc<CodeObject>, String>;

/// The goldens as suite cases.
pub fn golden_cases() -> Vec<Case> {
    goldens().into_iter().map(case_of).collect()
}

/// One golden as a suite case (`id` is the golden's name, `json` its CPython dump).
pub fn case_of(g: Golden) -> Case {
    Case {
        bytes: g.source(),
        json: Value::Array(g.json()),
        origin: g.origin.clone(),
        id: g.name,
    }
}

fn listing_suffixes(case: &Case) -> Vec<(&'static str, DisOptions)> {
    let mut out = vec![(".dis", DisOptions::default())];
    if Golden::named(&case.id).listing_exists(".COP.dis") {
        out.push((
            ".COP.dis",
            DisOptions {
                show_caches: true,
                show_offsets: true,
                show_positions: true,
            },
        ));
    }
    out
}

/// The checks of one golden against what `compile` makes of its source.
pub fn check_case(case: &Case, compile: Compile) -> Vec<Check> {
    let expected = case.json.as_array().cloned().unwrap_or_default();
    let listings = listing_suffixes(case);
    let code = match compile(&case.bytes, &case.id) {
        Ok(code) => code,
        Err(err) => {
            let ids = (0..expected.len())
                .map(|i| format!("{}@{i}", case.id))
                .chain(
                    listings
                        .iter()
                        .map(|(suffix, _)| format!("{}{suffix}", case.id)),
                );
            return ids
                .map(|id| Check::fail(id, "compile", "compiles".into(), err.clone()))
                .collect();
        }
    };
    let mut checks = Vec::new();
    let actual = match module_json(&code) {
        Ok(Value::Array(items)) => items,
        other => {
            let got = format!("{other:?}");
            vec![Value::String(got)]
        }
    };
    for (i, want) in expected.iter().enumerate() {
        let id = format!("{}@{i}", case.id);
        let Some(got) = actual.get(i) else {
            checks.push(Check::fail(
                id,
                "missing",
                want["qualname"].to_string(),
                "no such code object".into(),
            ));
            continue;
        };
        match SCHEMA_KEYS.into_iter().find(|key| want[*key] != got[*key]) {
            None => checks.push(Check::pass(id)),
            Some(key) => checks.push(Check::fail(
                id,
                key,
                format!("{} {key}: {}", want["qualname"], want[key]),
                got[key].to_string(),
            )),
        }
    }
    for (suffix, options) in listings {
        let id = format!("{}{suffix}", case.id);
        let golden = Golden::named(&case.id);
        let mut text = String::new();
        if let Err(e) = disassemble_recursive(&mut text, &code, &options) {
            text.push_str(&format!("<{}: {e}>", e.exception_name()));
        }
        match first_difference(&golden.listing(suffix), &normalize_addresses(&text)) {
            None => checks.push(Check::pass(id)),
            Some(diff) => checks.push(Check::fail(
                id,
                "listing",
                format!("line {}: {}", diff.line, diff.expected),
                diff.actual,
            )),
        }
    }
    checks
}
