//! The oparg name tables `dis` prints (`vm::dis::names`) against CPython 3.14's `opcode`
//! module, as recorded in `tests/data/cpython-3.14-isa.json`.

use serde_json::Value;
use vm::dis::names;

fn modules() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/cpython-3.14-isa.json"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let isa: Value = serde_json::from_str(&text).expect("isa json");
    isa["modules"].clone()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .expect("a list")
        .iter()
        .map(|s| s.as_str().expect("a string").to_string())
        .collect()
}

#[test]
fn name_tables_match_the_opcode_module() {
    let m = modules();
    let nb: Vec<String> = m["nb_ops"]
        .as_array()
        .expect("nb_ops")
        .iter()
        .map(|pair| pair[1].as_str().expect("symbol").to_string())
        .collect();
    assert_eq!(nb, names::BINARY_OPS);
    assert_eq!(strings(&m["intrinsic1"]), names::INTRINSICS_1);
    assert_eq!(strings(&m["intrinsic2"]), names::INTRINSICS_2);
    assert_eq!(strings(&m["special_method_names"]), names::SPECIAL_METHODS);
    assert_eq!(strings(&m["cmp_op"]), names::COMPARISONS);
    // dis prints a type's __name__ and any other object's repr; the facts hold reprs.
    let common: Vec<String> = strings(&m["common_constants"])
        .into_iter()
        .map(|r| match r.strip_prefix("<class '") {
            Some(rest) => rest.trim_end_matches("'>").to_string(),
            None => r,
        })
        .collect();
    assert_eq!(common, names::COMMON_CONSTANTS);
}
