//! "Did you mean: 'x'?" suggestions that CPython 3.14's `traceback.TracebackException` appends
//! to NameError, AttributeError and ImportError messages when it prints them
//! (`_compute_suggestion_error` with the `_suggestions` C helper's Levenshtein distance), and
//! NameError's "Did you forget to import 'x'?" hint.

use crate::object::Value;
use crate::runtime::Vm;
use crate::types::exception::BaseException;
use crate::types::str::Str;
use crate::types::traceback::{FrameObj, Traceback, frame_locals};

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

/// What to append to the exception's message line (empty for nothing).
pub fn suffix(vm: &Vm, exc: &crate::object::Py<BaseException>) -> String {
    let v = Value::from(exc);
    let cls = v.class(vm);
    let is_import = cls.is_subtype(&vm.exc.import_error);
    let is_name = cls.is_subtype(&vm.exc.name_error);
    let is_attr = cls.is_subtype(&vm.exc.attribute_error);
    let attr = |name: &str| -> Option<Value> {
        vm.getattr_opt(&v, &vm.intern(name))
            .ok()
            .flatten()
            .filter(|x| !x.is_none())
    };
    let mut out = String::new();
    if is_import {
        if let Some(wrong) = attr("name_from")
            && let Some(s) = compute(vm, exc, &wrong, Kind::Import)
        {
            out.push_str(&format!(". Did you mean: '{s}'?"));
        }
    } else if (is_name || is_attr)
        && let Some(wrong) = attr("name")
    {
        let kind = if is_attr { Kind::Attr } else { Kind::Name };
        let suggestion = compute(vm, exc, &wrong, kind);
        if let Some(s) = &suggestion {
            out.push_str(&format!(". Did you mean: '{s}'?"));
        }
        if is_name
            && let Some(w) = wrong.downcast::<Str>()
            && crate::stdlib::stdlib_names::is_stdlib_module(&w.to_lossy())
        {
            let w = w.to_lossy();
            if suggestion.is_some() {
                out.push_str(&format!(" Or did you forget to import '{w}'?"));
            } else {
                out.push_str(&format!(". Did you forget to import '{w}'?"));
            }
        }
    }
    out
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Attr,
    Import,
    Name,
}

/// The innermost frame of the exception's traceback.
fn last_frame(exc: &crate::object::Py<BaseException>) -> Option<crate::object::Py<FrameObj>> {
    let mut tb = exc.traceback();
    let mut frame = None;
    let mut guard = 0;
    while let Some(t) = tb.downcast::<Traceback>() {
        frame = Some(t.frame.clone());
        tb = t.next.get();
        guard += 1;
        if guard > 1_000_000 {
            break;
        }
    }
    frame
}

/// `_get_safe___dir__`: `obj.__dir__()` (or `type(obj).__dir__(obj)` for classes), the str
/// entries sorted.
fn safe_dir(vm: &Vm, obj: &Value) -> Option<Vec<String>> {
    let dir = vm.intern("__dir__");
    let listing = match vm.call_method(obj, &dir, &[]) {
        Ok(d) => d,
        Err(e) if e.matches(&vm.exc.type_error) => {
            let f = vm.getattr(&Value::from(obj.class(vm).clone()), &dir).ok()?;
            vm.call_pos(&f, std::slice::from_ref(obj)).ok()?
        }
        Err(_) => return None,
    };
    let mut names: Vec<String> = vm
        .collect(&listing)
        .ok()?
        .iter()
        .filter_map(|x| x.downcast::<Str>().map(|s| s.to_lossy().into_owned()))
        .collect();
    names.sort();
    Some(names)
}

/// `frame.f_locals['self']`, if present.
fn lookup_self(vm: &Vm, locals: &Value) -> Option<Value> {
    vm.getitem(locals, &vm.new_str("self").into()).ok()
}

fn dict_keys(vm: &Vm, d: &Value) -> Vec<String> {
    vm.collect(d)
        .map(|keys| {
            keys.iter()
                .filter_map(|k| k.downcast::<Str>().map(|s| s.to_lossy().into_owned()))
                .collect()
        })
        .unwrap_or_default()
}

fn compute(
    vm: &Vm,
    exc: &crate::object::Py<BaseException>,
    wrong: &Value,
    kind: Kind,
) -> Option<String> {
    let wrong_name = wrong.downcast::<Str>()?.to_lossy().into_owned();
    let candidates = match kind {
        Kind::Attr => {
            let obj = vm
                .getattr_opt(&Value::from(exc), &vm.intern("obj"))
                .ok()
                .flatten()?;
            let mut d = safe_dir(vm, &obj)?;
            let mut hide_underscored = !wrong_name.starts_with('_');
            if hide_underscored
                && let Some(f) = last_frame(exc)
                && let Ok(locals) = frame_locals(vm, &Value::from(f))
                && let Some(s) = lookup_self(vm, &locals)
                && s.is(&obj)
            {
                hide_underscored = false;
            }
            if hide_underscored {
                d.retain(|x| !x.starts_with('_'));
            }
            d
        }
        Kind::Import => {
            let name = vm
                .getattr_opt(&Value::from(exc), &vm.names.name)
                .ok()
                .flatten()?;
            let name = name.downcast::<Str>()?.to_lossy().into_owned();
            let module = crate::exec::import::import_absolute(vm, &name).ok()?;
            let mut d = safe_dir(vm, &module)?;
            if !wrong_name.starts_with('_') {
                d.retain(|x| !x.starts_with('_'));
            }
            d
        }
        Kind::Name => {
            let f = last_frame(exc)?;
            let locals = frame_locals(vm, &Value::from(f.clone())).ok()?;
            let mut d = dict_keys(vm, &locals);
            d.extend(dict_keys(vm, &Value::from(f.globals.clone())));
            d.extend(dict_keys(vm, &Value::from(f.builtins.clone())));
            if let Some(s) = lookup_self(vm, &locals) {
                let has = vm
                    .getattr_opt(&s, &vm.intern(&wrong_name))
                    .is_ok_and(|x| x.is_some());
                if has {
                    return Some(format!("self.{wrong_name}"));
                }
            }
            d
        }
    };
    best_match(&candidates, &wrong_name)
}

/// `_suggestions._generate_suggestions` (Python/suggestions.c): the closest candidate
/// within a third of the characters, by UTF-8 Levenshtein distance.
pub fn best_match(candidates: &[String], wrong: &str) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best_distance = usize::MAX;
    let mut best: Option<&String> = None;
    for item in candidates {
        if item == wrong {
            continue;
        }
        let max_distance =
            ((wrong.len() + item.len() + 3) * MOVE_COST / 6).min(best_distance.saturating_sub(1));
        let d = levenshtein(wrong.as_bytes(), item.as_bytes(), max_distance);
        if d > max_distance {
            continue;
        }
        if best.is_none() || d < best_distance {
            best = Some(item);
            best_distance = d;
        }
    }
    best.cloned()
}

fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

fn levenshtein<'a>(mut a: &'a [u8], mut b: &'a [u8], max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    while let (Some(x), Some(y)) = (a.first(), b.first())
        && x == y
    {
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last())
        && x == y
    {
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut buffer: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (b_index, &code) in b.iter().enumerate() {
        let mut distance = b_index * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (index, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = buffer[index];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[index] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        let c = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            best_match(&c(&["y_coord", "x_coord"]), "y_cord"),
            Some("y_coord".into())
        );
        assert_eq!(
            best_match(&c(&["print", "len"]), "pritn"),
            Some("print".into())
        );
        assert_eq!(best_match(&c(&["alpha"]), "zzz"), None);
        assert_eq!(best_match(&c(&["Foo"]), "foo"), Some("Foo".into()));
    }
}
