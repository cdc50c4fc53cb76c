//! Python `repr` of a `co_consts` entry ([`Const`]): what `dis` prints in parentheses after
//! `LOAD_CONST` and what `rpy dis --json` lists. Scalars use `text::repr`; containers are
//! laid out as CPython's `tuple`, `frozenset` and `slice` reprs do; how a nested code object
//! prints is the caller's choice.

use num_bigint::Sign;

use super::DisError;
use crate::compile::consteval::frozenset_table_order;
use crate::compile::{CodeObject, Const};
use crate::text::repr::{
    write_bigint_repr, write_bytes_repr, write_complex_repr, write_float_repr, write_int_repr,
    write_str_repr,
};

/// Containers nested deeper than this are refused rather than risking the Rust stack; the
/// parser cannot produce constants nested anywhere near this deep (CPython's limit on nested
/// parentheses is 200).
const MAX_DEPTH: usize = 1000;

/// How ints beyond CPython's 4,300-digit `repr` limit are treated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntDigits {
    /// Fail with the `ValueError` CPython raises (`dis` text).
    Limited,
    /// Print every digit, as after `sys.set_int_max_str_digits(0)` (`--json`).
    Unlimited,
}

/// Appends `repr(value)`; code objects are written by `code`.
pub fn write_const_repr(
    out: &mut String,
    value: &Const,
    digits: IntDigits,
    code: &dyn Fn(&mut String, &CodeObject),
) -> Result<(), DisError> {
    write_nested(out, value, digits, code, 0)
}

/// `repr(value)` as a new string.
pub fn const_repr(
    value: &Const,
    digits: IntDigits,
    code: &dyn Fn(&mut String, &CodeObject),
) -> Result<String, DisError> {
    let mut out = String::new();
    write_const_repr(&mut out, value, digits, code)?;
    Ok(out)
}

fn write_nested(
    out: &mut String,
    value: &Const,
    digits: IntDigits,
    code: &dyn Fn(&mut String, &CodeObject),
    depth: usize,
) -> Result<(), DisError> {
    if depth > MAX_DEPTH {
        return Err(DisError::Recursion);
    }
    let items = |out: &mut String, items: &mut dyn Iterator<Item = &Const>| {
        for (i, item) in items.enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            write_nested(out, item, digits, code, depth + 1)?;
        }
        Ok::<(), DisError>(())
    };
    match value {
        Const::None => out.push_str("None"),
        Const::Bool(true) => out.push_str("True"),
        Const::Bool(false) => out.push_str("False"),
        Const::Ellipsis => out.push_str("Ellipsis"),
        Const::Int(n) => write_int_repr(out, *n),
        Const::BigInt(n) => match digits {
            IntDigits::Unlimited => out.push_str(&n.to_string()),
            IntDigits::Limited => {
                let (sign, magnitude) = n.to_u32_digits();
                write_bigint_repr(out, sign == Sign::Minus, &magnitude).map_err(DisError::Repr)?;
            }
        },
        Const::Float(x) => write_float_repr(out, *x),
        Const::Complex { real, imag } => write_complex_repr(out, *real, *imag),
        Const::Str(s) => write_str_repr(out, s.as_wtf8()),
        Const::Bytes(b) => write_bytes_repr(out, b),
        Const::Tuple(elements) => {
            out.push('(');
            items(out, &mut elements.iter())?;
            if elements.len() == 1 {
                out.push(',');
            }
            out.push(')');
        }
        Const::FrozenSet(elements) if elements.is_empty() => out.push_str("frozenset()"),
        Const::FrozenSet(elements) => {
            // The constant keeps insertion order; the repr iterates the hash table.
            out.push_str("frozenset({");
            items(out, &mut frozenset_table_order(elements).into_iter())?;
            out.push_str("})");
        }
        Const::Slice(parts) => {
            out.push_str("slice(");
            items(out, &mut parts.iter())?;
            out.push(')');
        }
        Const::Code(c) => code(out, c),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use num_bigint::BigInt;

    use super::*;

    fn repr(value: &Const) -> String {
        const_repr(value, IntDigits::Limited, &|out, c| {
            out.push_str(&format!("<code {}>", c.qualname))
        })
        .expect("repr")
    }

    #[test]
    fn containers_follow_cpython_layout() {
        let one = Const::Int(1);
        let tuple = |items: &[Const]| Const::Tuple(items.to_vec().into());
        assert_eq!(repr(&tuple(&[])), "()");
        assert_eq!(repr(&tuple(std::slice::from_ref(&one))), "(1,)");
        assert_eq!(
            repr(&tuple(&[
                one.clone(),
                Const::str("a"),
                Const::None,
                Const::Ellipsis
            ])),
            "(1, 'a', None, Ellipsis)"
        );
        assert_eq!(repr(&Const::FrozenSet(Rc::from([]))), "frozenset()");
        assert_eq!(
            repr(&Const::FrozenSet(Rc::from([
                Const::Bool(true),
                Const::Float(2.5)
            ]))),
            "frozenset({True, 2.5})"
        );
        assert_eq!(
            repr(&Const::Slice(Rc::new([one, Const::None, Const::Int(-3)]))),
            "slice(1, None, -3)"
        );
        assert_eq!(
            repr(&Const::Complex {
                real: 0.0,
                imag: 1.0
            }),
            "1j"
        );
        assert_eq!(
            repr(&Const::Bytes(Rc::from(&b"a'\x00"[..]))),
            "b\"a'\\x00\""
        );
    }

    #[test]
    fn huge_ints_fail_only_when_limited() {
        let big = Const::int(BigInt::from(10).pow(5000));
        assert!(matches!(
            const_repr(&big, IntDigits::Limited, &|_, _| {}),
            Err(DisError::Repr(_))
        ));
        let text = const_repr(&big, IntDigits::Unlimited, &|_, _| {}).expect("unlimited");
        assert_eq!(text.len(), 5001);
        assert_eq!(
            repr(&Const::int(-BigInt::from(u64::MAX))),
            "-18446744073709551615"
        );
    }
}
