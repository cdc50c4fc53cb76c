//! `from __future__ import ...` checks that CPython applies to every parsed module
//! (`Python/future.c`): unknown features are a SyntaxError, `braces` is "not a chance".

use super::Parser;
use crate::ast::*;
use crate::parse::{ErrorKind, SyntaxError};

/// The features `__future__` knows in 3.14.
const FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

impl Parser<'_, '_> {
    /// `future_parse`: the leading future imports (after an optional docstring) may only name
    /// known features.
    pub(super) fn check_future_imports(&self, body: &[Stmt<'_>]) -> Result<(), SyntaxError> {
        let mut stmts = body.iter().peekable();
        if let Some(Stmt {
            kind: StmtKind::Expr { value },
            ..
        }) = stmts.peek()
            && matches!(
                value.kind,
                ExprKind::Constant {
                    value: Constant::Str(_),
                    ..
                }
            )
        {
            stmts.next();
        }
        for s in stmts {
            let StmtKind::ImportFrom {
                module: Some("__future__"),
                names,
                level: 0,
            } = s.kind
            else {
                break;
            };
            for alias in names {
                if FEATURES.contains(&alias.name) {
                    continue;
                }
                let msg = if alias.name == "braces" {
                    "not a chance".to_string()
                } else {
                    format!("future feature {} is not defined", alias.name)
                };
                let (line, col) = self.lines.line_col(alias.span.start);
                let (end_line, end_col) = self.lines.line_col(alias.span.end);
                let mut e = SyntaxError::new(ErrorKind::SyntaxError, msg);
                e.lineno = line;
                e.offset = col as i32 + 1;
                e.end_lineno = end_line;
                e.end_offset = end_col as i32 + 1;
                return Err(e);
            }
        }
        Ok(())
    }
}
