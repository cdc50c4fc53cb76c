//! The `invalid_*` rules for statements: assignment and deletion targets, imports, blocks
//! and indentation, compound-statement headers missing their `:`, `try`/`except` shapes,
//! and `match` patterns.

use super::arguments::ParamStyle;
use super::invalid_expr::{Targets, expr_name};
use super::{Parser, rule_frame};
use crate::ast::*;
use crate::parse::ErrorKind;
use crate::parse::token::TokenKind as T;

impl<'a> Parser<'a, '_> {
    /// `invalid_assignment`
    pub(super) fn invalid_assignment(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            // invalid_ann_assign_target ':' expression
            if let Some(a) = self.attempt(start, |p| {
                let a = p.invalid_ann_assign_target()?;
                p.expect(T::Colon)?;
                p.expression()?;
                Some(a)
            }) {
                self.raise_at(
                    format!(
                        "only single target (not {}) can be annotated",
                        expr_name(&a)
                    ),
                    a.span,
                );
                return;
            }
            // star_named_expression ',' star_named_expressions* ':' expression
            if let Some(a) = self.attempt(start, |p| {
                let a = p.star_named_expression()?;
                p.expect(T::Comma)?;
                loop {
                    let save = p.pos;
                    if p.star_named_expressions().is_none() {
                        p.pos = save;
                        break;
                    }
                }
                p.expect(T::Colon)?;
                p.expression()?;
                Some(a)
            }) {
                self.raise_at("only single target (not tuple) can be annotated", a.span);
                return;
            }
            // expression ':' expression
            if let Some(a) = self.attempt(start, |p| {
                let a = p.expression()?;
                p.expect(T::Colon)?;
                p.expression()?;
                Some(a)
            }) {
                self.raise_at("illegal target for annotation", a.span);
                return;
            }
            // (star_targets '=')* star_expressions '='
            if let Some(a) = self.attempt(start, |p| {
                p.skip_star_targets_assignments();
                let a = p.star_expressions()?;
                p.expect(T::Equal)?;
                Some(a)
            }) {
                self.raise_invalid_target(Targets::Star, &a);
                return;
            }
            // (star_targets '=')* yield_expr '='
            if let Some(a) = self.attempt(start, |p| {
                p.skip_star_targets_assignments();
                let a = p.yield_expr()?;
                p.expect(T::Equal)?;
                Some(a)
            }) {
                self.raise_at("assignment to yield expression not possible", a.span);
                return;
            }
            // star_expressions augassign annotated_rhs
            if let Some(a) = self.attempt(start, |p| {
                let a = p.star_expressions()?;
                p.augassign()?;
                p.annotated_rhs()?;
                Some(a)
            }) {
                self.raise_at(
                    format!(
                        "'{}' is an illegal expression for augmented assignment",
                        expr_name(&a)
                    ),
                    a.span,
                );
            }
        })
    }

    /// `(star_targets '=')*`
    fn skip_star_targets_assignments(&mut self) {
        loop {
            let save = self.pos;
            if !(self.star_targets().is_some() && self.eat(T::Equal)) {
                self.pos = save;
                break;
            }
        }
    }

    /// `invalid_ann_assign_target: list | tuple | '(' invalid_ann_assign_target ')'`
    fn invalid_ann_assign_target(&mut self) -> Option<Expr<'a>> {
        rule_frame!(self, {
            let start = self.pos;
            if let Some(e) = self.attempt(start, Self::list) {
                return Some(e);
            }
            if let Some(e) = self.attempt(start, Self::tuple) {
                return Some(e);
            }
            self.attempt(start, |p| {
                p.expect(T::Lpar)?;
                let a = p.nest(Self::invalid_ann_assign_target)?;
                p.expect(T::Rpar)?;
                Some(a)
            })
        })
    }

    /// `invalid_del_stmt: 'del' star_expressions`
    pub(super) fn invalid_del_stmt(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            if let Some(a) = self.attempt(start, |p| {
                p.expect(T::Del)?;
                p.star_expressions()
            }) {
                self.raise_invalid_target(Targets::Del, &a);
            }
        })
    }

    /// `invalid_block: NEWLINE !INDENT`
    pub(super) fn invalid_block(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            if self.attempt(start, |p| p.newline_not_indent()).is_some() {
                self.raise_last_token(ErrorKind::IndentationError, "expected an indented block");
            }
        })
    }

    /// `NEWLINE !INDENT`
    fn newline_not_indent(&mut self) -> Option<()> {
        self.expect(T::Newline)?;
        (!self.at(T::Indent)).then_some(())
    }

    /// `":" NEWLINE !INDENT` after a header: the IndentationError naming the statement.
    fn raise_missing_block(&mut self, what: &str, kw: usize) {
        let line = self.lines.line(self.tok(kw).start);
        self.raise_indentation(format!(
            "expected an indented block after {what} on line {line}"
        ));
    }

    /// `invalid_import: 'import' ','.dotted_name+ 'from' dotted_name | 'import' NEWLINE`
    pub(super) fn invalid_import(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            if let Some(a) = self.attempt(start, |p| {
                let a = p.expect(T::Import)?;
                p.dotted_name()?;
                loop {
                    let save = p.pos;
                    if !(p.eat(T::Comma) && p.dotted_name().is_some()) {
                        p.pos = save;
                        break;
                    }
                }
                p.expect(T::From)?;
                p.dotted_name()?;
                Some(a)
            }) {
                let s = self.tok(a).start;
                self.raise_starting_from("Did you mean to use 'from ... import ...' instead?", s);
                return;
            }
            if let Some(t) = self.attempt(start, |p| {
                p.expect(T::Import)?;
                p.expect(T::Newline)
            }) {
                let s = self.tok(t).start;
                self.raise_starting_from("Expected one or more names after 'import'", s);
            }
        })
    }

    /// `invalid_dotted_as_name: dotted_name 'as' !(NAME (',' | ')' | NEWLINE)) expression`
    pub(super) fn invalid_dotted_as_name(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            if let Some(a) = self.attempt(start, |p| {
                p.dotted_name()?;
                p.import_target_expression()
            }) {
                self.raise_at(
                    format!("cannot use {} as import target", expr_name(&a)),
                    a.span,
                );
            }
        })
    }

    /// `invalid_import_from_as_name: NAME 'as' !(NAME (',' | ')' | NEWLINE)) expression`
    pub(super) fn invalid_import_from_as_name(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            if let Some(a) = self.attempt(start, |p| {
                p.expect(T::Name)?;
                p.import_target_expression()
            }) {
                self.raise_at(
                    format!("cannot use {} as import target", expr_name(&a)),
                    a.span,
                );
            }
        })
    }

    /// `'as' !(NAME (',' | ')' | ';' | NEWLINE)) expression` (the released 3.14 also stops at `;`)
    fn import_target_expression(&mut self) -> Option<Expr<'a>> {
        self.expect(T::As)?;
        if self.peek() == T::Name
            && matches!(
                self.kind_at(self.pos + 1),
                T::Comma | T::Rpar | T::Semi | T::Newline
            )
        {
            return None;
        }
        self.expression()
    }

    /// `invalid_import_from_targets: import_from_as_names ',' NEWLINE | NEWLINE`
    pub(super) fn invalid_import_from_targets(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            if self
                .attempt(start, |p| {
                    p.import_from_as_names()?;
                    p.expect(T::Comma)?;
                    p.expect(T::Newline)
                })
                .is_some()
            {
                self.raise_last_token(
                    ErrorKind::SyntaxError,
                    "trailing comma not allowed without surrounding parentheses",
                );
                return;
            }
            if let Some(t) = self.attempt(start, |p| p.expect(T::Newline)) {
                let s = self.tok(t).start;
                self.raise_starting_from("Expected one or more names after 'import'", s);
            }
        })
    }

    /// `','.(expression ['as' star_target])+` (or over `expressions` when `parenthesized`).
    fn skip_with_items(&mut self, parenthesized: bool) -> Option<()> {
        let mut n = 0;
        loop {
            let save = self.pos;
            if n > 0 && !self.eat(T::Comma) {
                break;
            }
            let e = if parenthesized {
                self.expressions()
            } else {
                self.expression()
            };
            if e.is_none() {
                self.pos = save;
                break;
            }
            let save = self.pos;
            if !(self.eat(T::As) && self.star_target().is_some()) {
                self.pos = save;
            }
            n += 1;
        }
        (n > 0).then_some(())
    }

    /// `invalid_with_stmt`: the header without its `:`.
    pub(super) fn invalid_with_stmt(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            let plain = self.attempt(start, |p| {
                p.eat(T::Async);
                p.expect(T::With)?;
                p.skip_with_items(false)?;
                p.expect(T::Newline)
            });
            let found = plain.is_some()
                || self
                    .attempt(start, |p| {
                        p.eat(T::Async);
                        p.expect(T::With)?;
                        p.expect(T::Lpar)?;
                        p.skip_with_items(true)?;
                        p.eat(T::Comma);
                        p.expect(T::Rpar)?;
                        p.expect(T::Newline)
                    })
                    .is_some();
            if found {
                self.raise_last_token(ErrorKind::SyntaxError, "expected ':'");
            }
        })
    }

    /// `invalid_with_stmt_indent`
    pub(super) fn invalid_with_stmt_indent(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            for parenthesized in [false, true] {
                if let Some(kw) = self.attempt(start, |p| {
                    p.eat(T::Async);
                    let kw = p.expect(T::With)?;
                    if parenthesized {
                        p.expect(T::Lpar)?;
                        p.skip_with_items(true)?;
                        p.eat(T::Comma);
                        p.expect(T::Rpar)?;
                    } else {
                        p.skip_with_items(false)?;
                    }
                    p.expect(T::Colon)?;
                    p.newline_not_indent()?;
                    Some(kw)
                }) {
                    self.raise_missing_block("'with' statement", kw);
                    return;
                }
            }
        })
    }

    /// `invalid_with_item: expression 'as' expression &(',' | ')' | ':')`
    pub(super) fn invalid_with_item(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            if let Some(a) = self.attempt(start, |p| {
                p.expression()?;
                p.expect(T::As)?;
                let a = p.expression()?;
                matches!(p.peek(), T::Comma | T::Rpar | T::Colon).then_some(a)
            }) {
                self.raise_invalid_target(Targets::Star, &a);
            }
        })
    }

    /// `invalid_try_stmt`
    pub(super) fn invalid_try_stmt(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            if let Some(kw) = self.attempt(start, |p| {
                let kw = p.expect(T::Try)?;
                p.expect(T::Colon)?;
                p.newline_not_indent()?;
                Some(kw)
            }) {
                self.raise_missing_block("'try' statement", kw);
                return;
            }
            if self
                .attempt(start, |p| {
                    p.expect(T::Try)?;
                    p.expect(T::Colon)?;
                    p.block()?;
                    (!matches!(p.peek(), T::Except | T::Finally)).then_some(())
                })
                .is_some()
            {
                self.raise_last_token(
                    ErrorKind::SyntaxError,
                    "expected 'except' or 'finally' block",
                );
                return;
            }
            let msg = "cannot have both 'except' and 'except*' on the same 'try'";
            // 'try' ':' block* except_block+ 'except' '*' expression ['as' NAME] ':'
            if let Some((a, b)) = self.attempt(start, |p| {
                p.try_head_with_handlers(false)?;
                let a = p.expect(T::Except)?;
                let b = p.expect(T::Star)?;
                p.expression()?;
                p.skip_as_name();
                p.expect(T::Colon)?;
                Some((a, b))
            }) {
                self.raise_token_range(msg, a, b);
                return;
            }
            // 'try' ':' block* except_star_block+ 'except' [expression ['as' NAME]] ':'
            if let Some(a) = self.attempt(start, |p| {
                p.try_head_with_handlers(true)?;
                let a = p.expect(T::Except)?;
                let save = p.pos;
                if p.expression().is_some() {
                    p.skip_as_name();
                } else {
                    p.pos = save;
                }
                p.expect(T::Colon)?;
                Some(a)
            }) {
                self.raise_at_token(msg, a);
            }
        })
    }

    /// `'try' ':' block* except_block+` (or `except_star_block+`).
    fn try_head_with_handlers(&mut self, star: bool) -> Option<()> {
        self.expect(T::Try)?;
        self.expect(T::Colon)?;
        loop {
            let save = self.pos;
            if self.block().is_none() {
                self.pos = save;
                break;
            }
        }
        let mut n = 0;
        loop {
            let save = self.pos;
            if self.except_block(star).is_none() {
                self.pos = save;
                break;
            }
            n += 1;
        }
        (n > 0).then_some(())
    }

    /// `['as' NAME]`
    fn skip_as_name(&mut self) {
        let save = self.pos;
        if !(self.eat(T::As) && self.eat(T::Name)) {
            self.pos = save;
        }
    }

    /// `invalid_except_stmt` (and the `except*` form when `star`).
    pub(super) fn invalid_except_stmt(&mut self) {
        self.invalid_except(false);
    }

    pub(super) fn invalid_except_star_stmt(&mut self) {
        self.invalid_except(true);
    }

    fn invalid_except(&mut self, star: bool) {
        rule_frame!(self, {
            let start = self.pos;
            let head = |p: &mut Self| {
                let kw = p.expect(T::Except)?;
                if star {
                    p.expect(T::Star)?;
                }
                Some(kw)
            };
            // 'except' ['*'] expression ',' expressions 'as' NAME ':'
            if let Some(a) = self.attempt(start, |p| {
                head(p)?;
                let a = p.expression()?;
                p.expect(T::Comma)?;
                p.expressions()?;
                p.expect(T::As)?;
                p.expect(T::Name)?;
                p.expect(T::Colon)?;
                Some(a)
            }) {
                self.raise_starting_from(
                    "multiple exception types must be parenthesized when using 'as'",
                    a.span.start,
                );
                return;
            }
            // 'except' ['*'] expression ['as' NAME] NEWLINE
            if self
                .attempt(start, |p| {
                    head(p)?;
                    p.expression()?;
                    p.skip_as_name();
                    p.expect(T::Newline)
                })
                .is_some()
            {
                self.raise_last_token(ErrorKind::SyntaxError, "expected ':'");
                return;
            }
            if star {
                // 'except' '*' (NEWLINE | ':')
                if self
                    .attempt(start, |p| {
                        head(p)?;
                        matches!(p.peek(), T::Newline | T::Colon).then(|| p.pos += 1)
                    })
                    .is_some()
                {
                    self.raise_last_token(
                        ErrorKind::SyntaxError,
                        "expected one or more exception types",
                    );
                    return;
                }
            } else if self
                .attempt(start, |p| {
                    head(p)?;
                    p.expect(T::Newline)
                })
                .is_some()
            {
                self.raise_last_token(ErrorKind::SyntaxError, "expected ':'");
                return;
            }
            // 'except' ['*'] expression 'as' expression ':' block
            if let Some(a) = self.attempt(start, |p| {
                head(p)?;
                p.expression()?;
                p.expect(T::As)?;
                let a = p.expression()?;
                p.expect(T::Colon)?;
                p.block()?;
                Some(a)
            }) {
                let what = if star { "except*" } else { "except" };
                self.raise_at(
                    format!("cannot use {what} statement with {}", expr_name(&a)),
                    a.span,
                );
            }
        })
    }

    /// `invalid_finally_stmt: 'finally' ':' NEWLINE !INDENT`
    pub(super) fn invalid_finally_stmt(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            if let Some(kw) = self.attempt(start, |p| {
                let kw = p.expect(T::Finally)?;
                p.expect(T::Colon)?;
                p.newline_not_indent()?;
                Some(kw)
            }) {
                self.raise_missing_block("'finally' statement", kw);
            }
        })
    }

    /// `invalid_except_stmt_indent: 'except' expression ['as' NAME] ':' NEWLINE !INDENT
    ///     | 'except' ':' NEWLINE !INDENT`
    pub(super) fn invalid_except_stmt_indent(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            if let Some(kw) = self.attempt(start, |p| {
                let kw = p.expect(T::Except)?;
                p.expression()?;
                p.skip_as_name();
                p.expect(T::Colon)?;
                p.newline_not_indent()?;
                Some(kw)
            }) {
                self.raise_missing_block("'except' statement", kw);
                return;
            }
            if let Some(kw) = self.attempt(start, |p| {
                let kw = p.expect(T::Except)?;
                p.expect(T::Colon)?;
                p.newline_not_indent()?;
                Some(kw)
            }) {
                self.raise_missing_block("'except' statement", kw);
            }
        })
    }

    /// `invalid_except_star_stmt_indent: 'except' '*' expression ['as' NAME] ':' NEWLINE !INDENT`
    pub(super) fn invalid_except_star_stmt_indent(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            if let Some(kw) = self.attempt(start, |p| {
                let kw = p.expect(T::Except)?;
                p.expect(T::Star)?;
                p.expression()?;
                p.skip_as_name();
                p.expect(T::Colon)?;
                p.newline_not_indent()?;
                Some(kw)
            }) {
                self.raise_missing_block("'except*' statement", kw);
            }
        })
    }

    /// `invalid_match_stmt: "match" subject_expr NEWLINE
    ///     | "match" subject_expr ':' NEWLINE !INDENT`
    pub(super) fn invalid_match_stmt(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            if self
                .attempt(start, |p| {
                    p.eat_soft_keyword("match")?;
                    p.subject_expr()?;
                    p.expect(T::Newline)
                })
                .is_some()
            {
                self.raise_last_token(ErrorKind::SyntaxError, "expected ':'");
                return;
            }
            if let Some(kw) = self.attempt(start, |p| {
                let kw = p.eat_soft_keyword("match")?;
                p.subject_expr()?;
                p.expect(T::Colon)?;
                p.newline_not_indent()?;
                Some(kw)
            }) {
                self.raise_missing_block("'match' statement", kw);
            }
        })
    }

    /// `invalid_case_block: "case" patterns guard? NEWLINE
    ///     | "case" patterns guard? ':' NEWLINE !INDENT`
    pub(super) fn invalid_case_block(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            if self
                .attempt(start, |p| {
                    p.eat_soft_keyword("case")?;
                    p.patterns()?;
                    p.guard();
                    p.expect(T::Newline)
                })
                .is_some()
            {
                self.raise_last_token(ErrorKind::SyntaxError, "expected ':'");
                return;
            }
            if let Some(kw) = self.attempt(start, |p| {
                let kw = p.eat_soft_keyword("case")?;
                p.patterns()?;
                p.guard();
                p.expect(T::Colon)?;
                p.newline_not_indent()?;
                Some(kw)
            }) {
                self.raise_missing_block("'case' statement", kw);
            }
        })
    }

    /// `invalid_as_pattern: or_pattern 'as' "_" | or_pattern 'as' expression`
    pub(super) fn invalid_as_pattern(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            if let Some(a) = self.attempt(start, |p| {
                p.or_pattern()?;
                p.expect(T::As)?;
                p.eat_soft_keyword("_")
            }) {
                self.raise_at_token("cannot use '_' as a target", a);
                return;
            }
            if let Some(a) = self.attempt(start, |p| {
                p.or_pattern()?;
                p.expect(T::As)?;
                p.expression()
            }) {
                self.raise_at(
                    format!("cannot use {} as pattern target", expr_name(&a)),
                    a.span,
                );
            }
        })
    }

    /// `invalid_class_pattern: name_or_attr '(' invalid_class_argument_pattern` with
    /// `invalid_class_argument_pattern: [positional_patterns ','] keyword_patterns ','
    ///     positional_patterns`
    pub(super) fn invalid_class_pattern(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            if let Some(a) = self.attempt(start, |p| {
                p.name_or_attr()?;
                p.expect(T::Lpar)?;
                let save = p.pos;
                if !(p.positional_patterns().is_some() && p.eat(T::Comma)) {
                    p.pos = save;
                }
                p.keyword_patterns()?;
                p.expect(T::Comma)?;
                p.positional_patterns()
            }) && let (Some(first), Some(last)) = (a.first(), a.last())
            {
                self.raise_range(
                    "positional patterns follow keyword patterns",
                    first.span,
                    last.span,
                );
            }
        })
    }

    /// `invalid_if_stmt` / `invalid_elif_stmt` / `invalid_while_stmt`: `kw named_expression
    /// NEWLINE` ("expected ':'") or `kw named_expression ':' NEWLINE !INDENT`.
    fn invalid_conditional_header(&mut self, kw: T, what: &str) {
        rule_frame!(self, {
            let start = self.pos;
            if self
                .attempt(start, |p| {
                    p.expect(kw)?;
                    p.named_expression()?;
                    p.expect(T::Newline)
                })
                .is_some()
            {
                self.raise_last_token(ErrorKind::SyntaxError, "expected ':'");
                return;
            }
            if let Some(k) = self.attempt(start, |p| {
                let k = p.expect(kw)?;
                p.named_expression()?;
                p.expect(T::Colon)?;
                p.newline_not_indent()?;
                Some(k)
            }) {
                self.raise_missing_block(what, k);
            }
        })
    }

    pub(super) fn invalid_if_stmt(&mut self) {
        self.invalid_conditional_header(T::If, "'if' statement");
    }

    pub(super) fn invalid_elif_stmt(&mut self) {
        self.invalid_conditional_header(T::Elif, "'elif' statement");
    }

    pub(super) fn invalid_while_stmt(&mut self) {
        self.invalid_conditional_header(T::While, "'while' statement");
    }

    /// `invalid_else_stmt: 'else' ':' NEWLINE !INDENT | 'else' ':' block 'elif'`
    pub(super) fn invalid_else_stmt(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            if let Some(kw) = self.attempt(start, |p| {
                let kw = p.expect(T::Else)?;
                p.expect(T::Colon)?;
                p.newline_not_indent()?;
                Some(kw)
            }) {
                self.raise_missing_block("'else' statement", kw);
                return;
            }
            if self
                .attempt(start, |p| {
                    p.expect(T::Else)?;
                    p.expect(T::Colon)?;
                    p.block()?;
                    p.expect(T::Elif)
                })
                .is_some()
            {
                self.raise_last_token(
                    ErrorKind::SyntaxError,
                    "'elif' block follows an 'else' block",
                );
            }
        })
    }

    /// `invalid_for_stmt: ['async'] 'for' star_targets 'in' star_expressions NEWLINE
    ///     | ['async'] 'for' star_targets 'in' star_expressions ':' NEWLINE !INDENT`
    pub(super) fn invalid_for_stmt(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            let head = |p: &mut Self| {
                p.eat(T::Async);
                let kw = p.expect(T::For)?;
                p.star_targets()?;
                p.expect(T::In)?;
                p.star_expressions()?;
                Some(kw)
            };
            if self
                .attempt(start, |p| {
                    head(p)?;
                    p.expect(T::Newline)
                })
                .is_some()
            {
                self.raise_last_token(ErrorKind::SyntaxError, "expected ':'");
                return;
            }
            if let Some(kw) = self.attempt(start, |p| {
                let kw = head(p)?;
                p.expect(T::Colon)?;
                p.newline_not_indent()?;
                Some(kw)
            }) {
                self.raise_missing_block("'for' statement", kw);
            }
        })
    }

    /// `invalid_def_raw`: a header whose block is missing, or the forced `(` and `:` of a
    /// definition. A definition that parses completely here is returned as a placeholder
    /// (pegen's dummy result), letting the error pass continue past it.
    pub(super) fn invalid_def_raw(&mut self) -> Option<Stmt<'a>> {
        rule_frame!(self, {
            let start = self.pos;
            if let Some(kw) = self.attempt(start, |p| {
                p.eat(T::Async);
                let kw = p.expect(T::Def)?;
                p.expect(T::Name)?;
                p.optional_type_params();
                p.expect(T::Lpar)?;
                p.optional_params(ParamStyle::Def);
                p.expect(T::Rpar)?;
                p.optional_return_annotation();
                p.expect(T::Colon)?;
                p.newline_not_indent()?;
                Some(kw)
            }) {
                self.raise_missing_block("function definition", kw);
                return None;
            }
            self.attempt(start, |p| {
                p.eat(T::Async);
                p.expect(T::Def)?;
                p.expect(T::Name)?;
                p.optional_type_params();
                if !p.expect_forced(T::Lpar, "(") {
                    return None;
                }
                p.optional_params(ParamStyle::Def);
                p.expect(T::Rpar)?;
                p.optional_return_annotation();
                if !p.expect_forced(T::Colon, ":") {
                    return None;
                }
                p.block()?;
                Some(p.stmt(StmtKind::Pass, p.span_from(start)))
            })
        })
    }

    /// `invalid_class_def_raw: 'class' NAME [type_params] ['(' [arguments] ')'] NEWLINE
    ///     | ... ':' NEWLINE !INDENT`
    pub(super) fn invalid_class_def_raw(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            let head = |p: &mut Self| {
                let kw = p.expect(T::Class)?;
                p.expect(T::Name)?;
                p.optional_type_params();
                p.optional_class_arguments();
                Some(kw)
            };
            if self
                .attempt(start, |p| {
                    head(p)?;
                    p.expect(T::Newline)
                })
                .is_some()
            {
                self.raise_last_token(ErrorKind::SyntaxError, "expected ':'");
                return;
            }
            if let Some(kw) = self.attempt(start, |p| {
                let kw = head(p)?;
                p.expect(T::Colon)?;
                p.newline_not_indent()?;
                Some(kw)
            }) {
                self.raise_missing_block("class definition", kw);
            }
        })
    }
}
