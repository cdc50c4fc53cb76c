//! `str`'s case mappings and character-class predicates with CPython's rules: full (multi-
//! character) mappings, titlecase for `title`/`capitalize`, case folding, the final-sigma rule,
//! and the Unicode properties behind `isalpha`/`isdigit`/`isupper`/`istitle`...

use crate::object::Value;
use crate::runtime::{Args, PyResult, Vm};
use crate::text::unicode_case as case;
use crate::text::unicode_props as props;

const CAPITAL_SIGMA: u32 = 0x3A3;
const FINAL_SIGMA: u32 = 0x3C2;

fn push_upper(out: &mut Vec<u32>, cp: u32) {
    case::push_upper(out, cp);
}

fn push_title(out: &mut Vec<u32>, cp: u32) {
    match props::title_special(cp) {
        Some(m) => out.extend_from_slice(m),
        None => push_upper(out, cp),
    }
}

fn push_fold(out: &mut Vec<u32>, cp: u32) {
    match props::fold_special(cp) {
        Some(m) => out.extend_from_slice(m),
        None => case::push_lower(out, cp),
    }
}

/// Whether the capital sigma at `s[i]` ends a word (Unicode's Final_Sigma condition): a cased
/// letter precedes it and none follows, skipping case-ignorable characters on both sides.
fn is_final_sigma(s: &[u32], i: usize) -> bool {
    let before = s[..i].iter().rev().find(|&&c| !props::is_case_ignorable(c));
    if !before.is_some_and(|&c| props::is_cased(c)) {
        return false;
    }
    let after = s[i + 1..].iter().find(|&&c| !props::is_case_ignorable(c));
    !after.is_some_and(|&c| props::is_cased(c))
}

/// The full lowercase of `s[i]`, which depends on its context only for a capital sigma.
fn push_lower_at(out: &mut Vec<u32>, s: &[u32], i: usize) {
    let cp = s[i];
    if cp == CAPITAL_SIGMA && is_final_sigma(s, i) {
        out.push(FINAL_SIGMA);
    } else {
        case::push_lower(out, cp);
    }
}

/// Which case transformation a method applies.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mapping {
    Upper,
    Lower,
    Casefold,
    Swapcase,
    Capitalize,
    Title,
}

fn apply(mapping: Mapping, s: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(s.len());
    let mut prev_cased = false;
    for (i, &cp) in s.iter().enumerate() {
        match mapping {
            Mapping::Upper => push_upper(&mut out, cp),
            Mapping::Lower => push_lower_at(&mut out, s, i),
            Mapping::Casefold => push_fold(&mut out, cp),
            Mapping::Swapcase => {
                if props::is_uppercase(cp) {
                    push_lower_at(&mut out, s, i);
                } else if props::is_lowercase(cp) {
                    push_upper(&mut out, cp);
                } else {
                    out.push(cp);
                }
            }
            Mapping::Capitalize => {
                if i == 0 {
                    push_title(&mut out, cp);
                } else {
                    push_lower_at(&mut out, s, i);
                }
            }
            Mapping::Title => {
                if prev_cased {
                    push_lower_at(&mut out, s, i);
                } else {
                    push_title(&mut out, cp);
                }
                prev_cased = props::is_cased(cp);
            }
        }
    }
    out
}

fn ascii_apply(mapping: Mapping, s: &[u8]) -> Vec<u8> {
    let mut out = s.to_vec();
    let mut prev_cased = false;
    for (i, b) in out.iter_mut().enumerate() {
        let lower_it = match mapping {
            Mapping::Upper => false,
            Mapping::Lower | Mapping::Casefold => true,
            Mapping::Swapcase => b.is_ascii_uppercase(),
            Mapping::Capitalize => i > 0,
            Mapping::Title => prev_cased,
        };
        prev_cased = b.is_ascii_alphabetic();
        if lower_it {
            b.make_ascii_lowercase();
        } else if mapping != Mapping::Swapcase || b.is_ascii_lowercase() {
            b.make_ascii_uppercase();
        }
    }
    out
}

fn map_case(vm: &Vm, args: Args<'_>, name: &str, mapping: Mapping) -> PyResult<Value> {
    let (s, rest) = super::str_type::with_self(vm, &args, name)?;
    rest.none(vm, &format!("str.{name}"))?;
    if s.is_ascii() {
        let out = ascii_apply(mapping, s.as_bytes());
        // ASCII bytes are valid UTF-8.
        let text = String::from_utf8(out).unwrap_or_default();
        return Ok(vm.new_str(&text).into());
    }
    let cps: Vec<u32> = s.code_points().collect();
    Ok(vm.str_from_cps(&apply(mapping, &cps)).into())
}

pub(super) fn m_upper(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    map_case(vm, args, "upper", Mapping::Upper)
}

pub(super) fn m_lower(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    map_case(vm, args, "lower", Mapping::Lower)
}

pub(super) fn m_casefold(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    map_case(vm, args, "casefold", Mapping::Casefold)
}

pub(super) fn m_swapcase(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    map_case(vm, args, "swapcase", Mapping::Swapcase)
}

pub(super) fn m_capitalize(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    map_case(vm, args, "capitalize", Mapping::Capitalize)
}

pub(super) fn m_title(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    map_case(vm, args, "title", Mapping::Title)
}

/// Python's `str.isspace` for one code point.
pub fn is_space(cp: u32) -> bool {
    if cp < 0x80 {
        return matches!(cp, 0x09..=0x0d | 0x1c..=0x20);
    }
    props::is_space(cp)
}

/// `str.isdecimal` for one code point.
pub fn is_decimal(cp: u32) -> bool {
    props::decimal_value(cp).is_some()
}

pub(super) fn predicate(
    vm: &Vm,
    args: Args<'_>,
    name: &str,
    empty: bool,
    f: impl Fn(u32) -> bool,
) -> PyResult<Value> {
    let (s, rest) = super::str_type::with_self(vm, &args, name)?;
    rest.none(vm, &format!("str.{name}"))?;
    if s.char_len() == 0 {
        return Ok(Value::Bool(empty));
    }
    Ok(Value::Bool(s.code_points().all(f)))
}

pub(super) fn m_isdigit(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, args, "isdigit", false, props::is_digit)
}

pub(super) fn m_isdecimal(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, args, "isdecimal", false, is_decimal)
}

pub(super) fn m_isnumeric(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, args, "isnumeric", false, props::is_numeric)
}

pub(super) fn m_isalpha(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, args, "isalpha", false, props::is_alpha)
}

pub(super) fn m_isalnum(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    // Every decimal and digit character is also numeric.
    predicate(vm, args, "isalnum", false, |c| {
        props::is_alpha(c) || props::is_numeric(c)
    })
}

pub(super) fn m_isspace(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    predicate(vm, args, "isspace", false, is_space)
}

/// `islower`/`isupper`: no character of the opposite case or titlecase, and at least one of
/// the asked case.
fn cased_check(vm: &Vm, args: Args<'_>, name: &str, upper: bool) -> PyResult<Value> {
    let (s, rest) = super::str_type::with_self(vm, &args, name)?;
    rest.none(vm, &format!("str.{name}"))?;
    type Prop = fn(u32) -> bool;
    let (wanted, opposite): (Prop, Prop) = if upper {
        (props::is_uppercase, props::is_lowercase)
    } else {
        (props::is_lowercase, props::is_uppercase)
    };
    let mut cased = false;
    for c in s.code_points() {
        if opposite(c) || props::is_titlecase(c) {
            return Ok(Value::Bool(false));
        }
        cased |= wanted(c);
    }
    Ok(Value::Bool(cased))
}

pub(super) fn m_islower(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    cased_check(vm, args, "islower", false)
}

pub(super) fn m_isupper(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    cased_check(vm, args, "isupper", true)
}

pub(super) fn m_istitle(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, rest) = super::str_type::with_self(vm, &args, "istitle")?;
    rest.none(vm, "str.istitle")?;
    let mut prev_cased = false;
    let mut cased = false;
    for c in s.code_points() {
        if props::is_uppercase(c) || props::is_titlecase(c) {
            if prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else if props::is_lowercase(c) {
            if !prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::Bool(cased))
}

#[cfg(test)]
mod tests {
    use super::{Mapping, apply};

    fn map(mapping: Mapping, s: &str) -> String {
        let cps: Vec<u32> = s.chars().map(u32::from).collect();
        apply(mapping, &cps)
            .into_iter()
            .map(|c| char::from_u32(c).unwrap_or('?'))
            .collect()
    }

    // Expected values are CPython 3.14's.
    #[test]
    fn titlecase_and_special_casing() {
        assert_eq!(map(Mapping::Title, "ǆemal"), "ǅemal");
        assert_eq!(map(Mapping::Capitalize, "ǆemal"), "ǅemal");
        assert_eq!(map(Mapping::Title, "ﬁnance ßig"), "Finance Ssig");
        assert_eq!(map(Mapping::Upper, "ﬁnance ßig"), "FINANCE SSIG");
        assert_eq!(map(Mapping::Casefold, "ﬁnance ßig"), "finance ssig");
        assert_eq!(map(Mapping::Title, "ᾳ ǰ"), "ᾼ J̌");
        assert_eq!(map(Mapping::Upper, "ᾳ ǰ"), "ΑΙ J̌");
    }

    #[test]
    fn final_sigma() {
        assert_eq!(map(Mapping::Lower, "ΑΣ ΑΣ."), "ας ας.");
        assert_eq!(map(Mapping::Casefold, "ΑΣ ΑΣ."), "ασ ασ.");
        assert_eq!(map(Mapping::Title, "ΑΣ ΑΣ."), "Ας Ας.");
        assert_eq!(map(Mapping::Lower, "ΣΑ Σ"), "σα σ");
        assert_eq!(map(Mapping::Swapcase, "ΣΑ Σ"), "σα σ");
    }
}
