//! `from __future__ import ...` at the top of a module (CPython's `Python/future.c`): which
//! features are on, where the last future import is, and the errors for unknown features.

use crate::ast::{Mod, StmtKind};
use crate::compile::{Location, Locator};
use crate::parse::SyntaxError;

/// `CO_FUTURE_BARRY_AS_BDFL`: `<>` instead of `!=`.
pub const CO_FUTURE_BARRY_AS_BDFL: u32 = 0x40_0000;
/// `CO_FUTURE_ANNOTATIONS`: annotations are compiled to strings.
pub const CO_FUTURE_ANNOTATIONS: u32 = 0x100_0000;

/// The future features of a module and the location of its last future import.
#[derive(Clone, Copy, Debug)]
pub struct FutureFeatures {
    /// `CO_FUTURE_*` bits; they are also added to every code object's `co_flags`.
    pub features: u32,
    /// Location of the last `from __future__` statement (all `-1` when there is none).
    pub location: Location,
}

impl FutureFeatures {
    /// `from __future__ import annotations` is on.
    pub fn annotations(&self) -> bool {
        self.features & CO_FUTURE_ANNOTATIONS != 0
    }
}

/// Scans the leading `from __future__ import` statements of `module`.
pub fn parse_future(module: &Mod<'_>, loc: &Locator<'_>) -> Result<FutureFeatures, SyntaxError> {
    let mut ff = FutureFeatures {
        features: 0,
        location: Location::NONE,
    };
    let body = match module {
        Mod::Module { body } | Mod::Interactive { body } => *body,
        _ => return Ok(ff),
    };
    let skip = usize::from(crate::compile::preprocess::docstring(body).is_some());
    for stmt in &body[skip.min(body.len())..] {
        let StmtKind::ImportFrom {
            module: Some("__future__"),
            names,
            level: 0,
        } = stmt.kind
        else {
            break;
        };
        for alias in names {
            match alias.name {
                "nested_scopes" | "generators" | "division" | "absolute_import"
                | "with_statement" | "print_function" | "unicode_literals" | "generator_stop" => {}
                "barry_as_FLUFL" => ff.features |= CO_FUTURE_BARRY_AS_BDFL,
                "annotations" => ff.features |= CO_FUTURE_ANNOTATIONS,
                "braces" => return Err(loc.error("not a chance", loc.span(alias.span))),
                other => {
                    let msg = format!("future feature {} is not defined", truncate(other, 100));
                    return Err(loc.error(msg, loc.span(alias.span)));
                }
            }
        }
        ff.location = loc.span(stmt.span);
    }
    Ok(ff)
}

/// CPython's `%.100s`: at most `n` bytes, cut at a character boundary.
pub(crate) fn truncate(s: &str, n: usize) -> &str {
    if s.len() <= n {
        return s;
    }
    let mut end = n;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}
