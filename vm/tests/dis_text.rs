//! The disassembler on CPython's own code objects: every golden's code objects, rebuilt from
//! CPython's dump, must disassemble to exactly the text `python3.14 -m dis` printed (and,
//! for the snippets, `-m dis -C -O -P`), and `--json` must give back CPython's fields,
//! constant reprs included. This checks `vm::dis` independently of rpy's compiler.
//!
//! The last test checks the parity harness itself (`dis_support::parity`, which judges rpy's
//! compiler against the same goldens) by feeding it CPython's code objects.
//!
//! `RPY_DIS_FILTER=text` restricts the run to goldens whose name contains `text`.

mod case_suite;
mod dis_support;

use dis_support::parity::{case_of, check_case};
use dis_support::{
    Golden, assert_no_failures, code_from_json, differing_fields, first_difference, goldens,
};
use vm::dis::{DisOptions, disassemble_recursive, json::module_json, normalize_addresses};

fn listing(code: &vm::compile::CodeObject, options: &DisOptions) -> String {
    let mut out = String::new();
    if let Err(e) = disassemble_recursive(&mut out, code, options) {
        out.push_str(&format!("<{}: {e}>", e.exception_name()));
    }
    normalize_addresses(&out)
}

#[test]
fn listings_match_cpython() {
    let all = DisOptions {
        show_caches: true,
        show_offsets: true,
        show_positions: true,
    };
    let (mut checked, mut failures) = (0, Vec::new());
    for golden in goldens() {
        let code =
            code_from_json(&golden.json()).unwrap_or_else(|e| panic!("{}: {e}", golden.name));
        let mut cases = vec![(".dis", DisOptions::default())];
        if golden.variants {
            cases.push((".COP.dis", all));
        }
        for (suffix, options) in cases {
            checked += 1;
            let expected = golden.listing(suffix);
            if let Some(diff) = first_difference(&expected, &listing(&code, &options)) {
                failures.push(format!("{}{suffix}: {diff}", golden.name));
            }
        }
    }
    assert_no_failures("listings", checked, &failures);
}

#[test]
fn json_of_cpython_code_objects_round_trips() {
    let (mut checked, mut failures) = (0, Vec::new());
    for golden in goldens() {
        let expected = golden.json();
        let code = code_from_json(&expected).unwrap_or_else(|e| panic!("{}: {e}", golden.name));
        let actual = module_json(&code).unwrap_or_else(|e| panic!("{}: {e}", golden.name));
        let actual = actual.as_array().expect("module_json gives an array");
        assert_eq!(
            actual.len(),
            expected.len(),
            "{}: number of code objects",
            golden.name
        );
        for (i, (want, got)) in expected.iter().zip(actual).enumerate() {
            checked += 1;
            for key in differing_fields(want, got) {
                failures.push(format!(
                    "{} code object {i} ({}): {key}\n    expected: {}\n    actual:   {}",
                    golden.name, want["qualname"], want[key], got[key]
                ));
            }
        }
    }
    assert_no_failures("code object fields", checked, &failures);
}

#[test]
fn parity_harness_judges_code_objects() {
    if std::env::var_os("RPY_DIS_GOLDEN_DIR").is_some() {
        return; // a corpus run: this test needs the committed snippet
    }
    let case = &case_of(Golden::named("snippets/functions.py"));
    let ok = |checks: &[case_suite::Check]| checks.iter().filter(|c| c.failure.is_none()).count();

    // CPython's own code objects pass every check (code objects and both listings).
    let cpython = check_case(case, |_, name| code_from_json(&Golden::named(name).json()));
    assert_eq!(ok(&cpython), cpython.len());
    let objects = case.json.as_array().map_or(0, Vec::len);
    assert_eq!(
        cpython.len(),
        objects + 2,
        "one check per code object and per listing"
    );

    // One changed instruction in code object 1 fails that object and the listings only.
    let tampered = check_case(case, |_, name| {
        let mut json = Golden::named(name).json();
        let code = json[1]["co_code"].as_str().unwrap_or_default().to_string();
        json[1]["co_code"] = format!("1b00{}", &code[4..]).into(); // NOP over RESUME
        code_from_json(&json)
    });
    let failed: Vec<_> = tampered
        .iter()
        .filter_map(|c| Some((c.id.as_str(), c.failure.as_ref()?.class)))
        .collect();
    assert_eq!(
        failed,
        [
            ("snippets/functions.py@1", "co_code"),
            ("snippets/functions.py.dis", "listing"),
            ("snippets/functions.py.COP.dis", "listing"),
        ]
    );

    // A compile error fails every check.
    let broken = check_case(case, |_, _| Err("SyntaxError: no".to_string()));
    assert_eq!((broken.len(), ok(&broken)), (cpython.len(), 0));
}
