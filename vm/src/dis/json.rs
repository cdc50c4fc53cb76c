//! Code objects as data (`rpy dis --json`): one JSON object per code object, depth-first
//! (the module, then each code constant in `co_consts` order, recursively), with the keys
//! `tools/dis_json.py` prints for CPython so that the two can be compared field by field.
//!
//! `co_code`, `co_exceptiontable` and `co_linetable` are lowercase hex; `co_consts` are
//! Python reprs, with a nested code object written `<code QUALNAME>` and ints printed in
//! full whatever their size.

use serde_json::{Value, json};

use super::DisError;
use super::const_repr::{IntDigits, const_repr};
use crate::compile::CodeObject;

/// Lowercase hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(2 * bytes.len());
    for &b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    out
}

/// The `co_consts` entries as `--json` lists them.
pub fn consts_json(code: &CodeObject) -> Result<Vec<String>, DisError> {
    let code_repr = |out: &mut String, c: &CodeObject| {
        out.push_str("<code ");
        out.push_str(&c.qualname);
        out.push('>');
    };
    code.consts
        .iter()
        .map(|c| const_repr(c, IntDigits::Unlimited, &code_repr))
        .collect()
}

/// One code object's JSON object (without its nested code objects).
pub fn code_json(code: &CodeObject) -> Result<Value, DisError> {
    Ok(json!({
        "qualname": &*code.qualname,
        "firstlineno": code.firstlineno,
        "co_code": hex(&code.code_bytes()),
        "co_exceptiontable": hex(&code.exceptiontable),
        "co_linetable": hex(&code.linetable),
        "co_consts": consts_json(code)?,
        "co_names": code.names.iter().map(|n| &**n).collect::<Vec<&str>>(),
        "co_localsplusnames": code.localsplusnames.iter().map(|n| &**n).collect::<Vec<&str>>(),
        "co_flags": code.flags,
        "co_stacksize": code.stacksize,
        "co_argcount": code.argcount,
        "co_posonlyargcount": code.posonlyargcount,
        "co_kwonlyargcount": code.kwonlyargcount,
    }))
}

/// The JSON array for a module and everything nested in it.
pub fn module_json(root: &CodeObject) -> Result<Value, DisError> {
    super::code_objects(root)
        .into_iter()
        .map(code_json)
        .collect::<Result<Vec<_>, _>>()
        .map(Value::Array)
}
