//! The `invalid_*` rules for expressions, calls, parameters, displays, comprehensions and
//! f-/t-string fields: tried only in the error pass, they match common mistakes and raise
//! CPython 3.14's specialized messages.
//!
//! Each rule tries its alternatives in grammar order; an alternative that matches runs its
//! action and ends the rule even when the action raises nothing (pegen's `goto done`).

use super::arguments::ParamStyle;
use super::memo::Rule;
use super::{Parser, rule_frame};
use crate::ast::*;
use crate::parse::ErrorKind;
use crate::parse::token::TokenKind as T;

/// What an invalid target is being used for (`TARGETS_TYPE`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Targets {
    Star,
    Del,
    For,
}

/// `_PyPegen_get_expr_name`: how messages name an expression.
pub(super) fn expr_name(e: &Expr<'_>) -> &'static str {
    match e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => "yield expression",
        ExprKind::Await { .. } => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set { .. } => "set display",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::TemplateStr { .. } | ExprKind::Interpolation { .. } => "t-string expression",
        ExprKind::Constant { value, .. } => match value {
            Constant::None => "None",
            Constant::Bool(false) => "False",
            Constant::Bool(true) => "True",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// `_PyPegen_get_invalid_target`: the first sub-expression that cannot be a target.
pub(super) fn invalid_target<'a>(e: &Expr<'a>, kind: Targets) -> Option<Expr<'a>> {
    match e.kind {
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            elts.iter().find_map(|x| invalid_target(x, kind))
        }
        ExprKind::Starred { value, .. } => {
            if kind == Targets::Del {
                Some(*e)
            } else {
                invalid_target(value, kind)
            }
        }
        ExprKind::Compare { left, ops, .. } => {
            // `for a in b` parses its target as the comparison `a in b`.
            if kind == Targets::For {
                if ops.first() == Some(&CmpOp::In) {
                    return invalid_target(left, kind);
                }
                return None;
            }
            Some(*e)
        }
        ExprKind::Name { .. } | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(*e),
    }
}

/// `_PyPegen_get_last_comprehension_item`.
fn last_comprehension_item<'a>(c: &Comprehension<'a>) -> Span {
    c.ifs.last().map_or(c.iter.span, |e| e.span)
}

impl<'a> Parser<'a, '_> {
    /// Runs one alternative from `start`: its result, or `None` with the cursor back at
    /// `start`. Nothing runs once an error has been raised.
    pub(super) fn attempt<R>(
        &mut self,
        start: usize,
        f: impl FnOnce(&mut Self) -> Option<R>,
    ) -> Option<R> {
        self.pos = start;
        if self.failed() {
            return None;
        }
        let r = f(self);
        if r.is_none() {
            self.pos = start;
        }
        r
    }

    /// `RAISE_SYNTAX_ERROR_INVALID_TARGET`: raises on the first invalid target, if any.
    pub(super) fn raise_invalid_target(&mut self, kind: Targets, e: &Expr<'a>) {
        if let Some(t) = invalid_target(e, kind) {
            let verb = if kind == Targets::Del {
                "delete"
            } else {
                "assign to"
            };
            self.raise_at(format!("cannot {verb} {}", expr_name(&t)), t.span);
        }
    }

    /// `invalid_arguments`
    pub(super) fn invalid_arguments(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            let msg_genexp = "Generator expression must be parenthesized";
            // ((args-without-kwargs ',' kwargs) | kwargs) ',' ','.(starred_expression !'=')+
            if let Some(comma) = self.attempt(start, |p| {
                let head = p.attempt(start, |p| {
                    let mut n = 0;
                    loop {
                        let save = p.pos;
                        if n > 0 && !p.eat(T::Comma) {
                            break;
                        }
                        if p.positional_arg_for_invalid().is_none() {
                            p.pos = save;
                            break;
                        }
                        n += 1;
                    }
                    if n == 0 || !p.eat(T::Comma) {
                        return None;
                    }
                    p.kwargs_for_invalid()
                });
                if head.is_none() {
                    p.pos = start;
                    p.kwargs_for_invalid()?;
                }
                let comma = p.expect(T::Comma)?;
                let mut n = 0;
                loop {
                    let save = p.pos;
                    if n > 0 && !p.eat(T::Comma) {
                        break;
                    }
                    match p.starred_expression() {
                        Some(_) if !p.at(T::Equal) => n += 1,
                        _ => {
                            p.pos = save;
                            break;
                        }
                    }
                }
                if n == 0 { None } else { Some(comma) }
            }) {
                let s = self.tok(comma).start;
                self.raise_starting_from(
                    "iterable argument unpacking follows keyword argument unpacking",
                    s,
                );
                return;
            }
            // expression for_if_clauses ',' [args | expression for_if_clauses]
            if let Some((a, b)) = self.attempt(start, |p| {
                let a = p.expression()?;
                let b = p.for_if_clauses()?;
                p.expect(T::Comma)?;
                let save = p.pos;
                if p.args().is_none() {
                    p.pos = save;
                    let ok = p.expression().is_some() && p.for_if_clauses().is_some();
                    if !ok {
                        p.pos = save;
                    }
                }
                Some((a, b))
            }) {
                let end = b.last().map_or(a.span, last_comprehension_item);
                self.raise_range(msg_genexp, a.span, end);
                return;
            }
            // NAME '=' expression for_if_clauses
            if let Some((a, b)) = self.attempt(start, |p| {
                let a = p.expect(T::Name)?;
                let b = p.expect(T::Equal)?;
                p.expression()?;
                p.for_if_clauses()?;
                Some((a, b))
            }) {
                self.raise_token_range(
                    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                    a,
                    b,
                );
                return;
            }
            // [(args ',')] NAME '=' &(',' | ')')
            if let Some((a, b)) = self.attempt(start, |p| {
                let save = p.pos;
                if !(p.args().is_some() && p.eat(T::Comma)) {
                    p.pos = save;
                }
                let a = p.expect(T::Name)?;
                let b = p.expect(T::Equal)?;
                matches!(p.peek(), T::Comma | T::Rpar).then_some((a, b))
            }) {
                self.raise_token_range("expected argument value expression", a, b);
                return;
            }
            // args for_if_clauses
            if let Some((a, b)) = self.attempt(start, |p| Some((p.args()?, p.for_if_clauses()?))) {
                // `_PyPegen_nonparen_genexp_in_call`: one argument is a valid genexp call.
                if a.args.len() > 1 {
                    let last = a.args[a.args.len() - 1].span;
                    let end = b.last().map_or(last, last_comprehension_item);
                    self.raise_range(msg_genexp, last, end);
                }
                return;
            }
            // args ',' expression for_if_clauses
            if let Some((a, b)) = self.attempt(start, |p| {
                p.args()?;
                p.expect(T::Comma)?;
                Some((p.expression()?, p.for_if_clauses()?))
            }) {
                let end = b.last().map_or(a.span, last_comprehension_item);
                self.raise_range(msg_genexp, a.span, end);
                return;
            }
            // args ',' args
            if let Some(a) = self.attempt(start, |p| {
                let a = p.args()?;
                p.expect(T::Comma)?;
                p.args()?;
                Some(a)
            }) {
                let msg = if a.keywords.iter().any(|k| k.arg.is_none()) {
                    "positional argument follows keyword argument unpacking"
                } else {
                    "positional argument follows keyword argument"
                };
                self.raise_last_token(ErrorKind::SyntaxError, msg);
            }
        })
    }

    /// `starred_expression | (assignment_expression | expression !':=') !'='`
    fn positional_arg_for_invalid(&mut self) -> Option<()> {
        let start = self.pos;
        if self.starred_expression().is_some() {
            return Some(());
        }
        self.pos = start;
        let e = self.assignment_expression().or_else(|| {
            let e = self.expression()?;
            if self.at(T::ColonEqual) {
                None
            } else {
                Some(e)
            }
        });
        if e.is_some() && !self.at(T::Equal) {
            return Some(());
        }
        self.pos = start;
        None
    }

    /// `kwargs` for the invalid rules (result unused).
    fn kwargs_for_invalid(&mut self) -> Option<()> {
        let start = self.pos;
        let r = self.kwargs().map(|_| ());
        if r.is_none() {
            self.pos = start;
        }
        r
    }

    /// `invalid_kwarg`
    pub(super) fn invalid_kwarg(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            // ('True'|'False'|'None') '='
            if let Some((a, b)) = self.attempt(start, |p| {
                if !matches!(p.peek(), T::True | T::False | T::None) {
                    return None;
                }
                p.pos += 1;
                Some((start, p.expect(T::Equal)?))
            }) {
                let msg = format!("cannot assign to {}", self.text(a));
                self.raise_token_range(msg, a, b);
                return;
            }
            // NAME '=' expression for_if_clauses
            if let Some((a, b)) = self.attempt(start, |p| {
                let a = p.expect(T::Name)?;
                let b = p.expect(T::Equal)?;
                p.expression()?;
                p.for_if_clauses()?;
                Some((a, b))
            }) {
                self.raise_token_range(
                    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                    a,
                    b,
                );
                return;
            }
            // !(NAME '=') expression '='
            if let Some((a, b)) = self.attempt(start, |p| {
                if p.peek() == T::Name && p.kind_at(start + 1) == T::Equal {
                    return None;
                }
                let a = p.expression()?;
                Some((a, p.expect(T::Equal)?))
            }) {
                let b = self.tok_span(b);
                self.raise_range(
                    "expression cannot contain assignment, perhaps you meant \"==\"?",
                    a.span,
                    b,
                );
                return;
            }
            // '**' expression '=' expression
            if let Some((a, b)) = self.attempt(start, |p| {
                let a = p.expect(T::DoubleStar)?;
                p.expression()?;
                p.expect(T::Equal)?;
                Some((a, p.expression()?))
            }) {
                let a = self.tok_span(a);
                self.raise_range("cannot assign to keyword argument unpacking", a, b.span);
            }
        })
    }

    /// `invalid_legacy_expression: NAME !'(' star_expressions`
    pub(super) fn invalid_legacy_expression(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            if let Some((a, b)) = self.attempt(start, |p| {
                let a = p.name()?;
                if p.at(T::Lpar) {
                    return None;
                }
                Some((a, p.star_expressions()?))
            }) && let ExprKind::Name { id, .. } = a.kind
                && (id == "print" || id == "exec")
            {
                self.raise_range(
                    format!("Missing parentheses in call to '{id}'. Did you mean {id}(...)?"),
                    a.span,
                    b.span,
                );
            }
        })
    }

    /// `invalid_expression`
    pub(super) fn invalid_expression(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            // STRING (!STRING expression_without_invalid)+ STRING
            if let Some((first, last)) = self.attempt(start, |p| {
                p.expect(T::String)?;
                let mut first = None;
                let mut last = None;
                loop {
                    let save = p.pos;
                    if p.at(T::String) {
                        break;
                    }
                    match p.expression_without_invalid() {
                        Some(e) => {
                            first.get_or_insert(e.span);
                            last = Some(e.span);
                        }
                        None => {
                            p.pos = save;
                            break;
                        }
                    }
                }
                let r = (first?, last?);
                p.expect(T::String)?;
                Some(r)
            }) {
                self.raise_range(
                    "invalid syntax. Is this intended to be part of the string?",
                    first,
                    last,
                );
                return;
            }
            // !(NAME STRING | SOFT_KEYWORD) disjunction expression_without_invalid
            if let Some((a, b)) = self.attempt(start, |p| {
                if p.peek() == T::Name
                    && (p.kind_at(start + 1) == T::String || p.at_any_soft_keyword())
                {
                    return None;
                }
                let a = p.disjunction()?;
                Some((a, p.expression_without_invalid()?))
            }) {
                let legacy = matches!(
                    a.kind,
                    ExprKind::Name {
                        id: "print" | "exec",
                        ..
                    }
                );
                if !legacy && self.level_at(self.pos - 1) != 0 {
                    self.raise_range(
                        "invalid syntax. Perhaps you forgot a comma?",
                        a.span,
                        b.span,
                    );
                }
                return;
            }
            // disjunction 'if' disjunction !('else' | ':')
            if let Some((a, b)) = self.attempt(start, |p| {
                let a = p.disjunction()?;
                p.expect(T::If)?;
                let b = p.disjunction()?;
                (!matches!(p.peek(), T::Else | T::Colon)).then_some((a, b))
            }) {
                self.raise_range("expected 'else' after 'if' expression", a.span, b.span);
                return;
            }
            // disjunction 'if' disjunction 'else' !expression
            if self
                .attempt(start, |p| {
                    p.disjunction()?;
                    p.expect(T::If)?;
                    p.disjunction()?;
                    p.expect(T::Else)?;
                    let save = p.pos;
                    let e = p.expression();
                    p.pos = save;
                    e.is_none().then_some(())
                })
                .is_some()
            {
                self.raise_on_next_token(
                    "expected expression after 'else', but statement is given",
                );
                return;
            }
            // (pass_stmt | break_stmt | continue_stmt) 'if' disjunction 'else' simple_stmt
            if let Some(a) = self.attempt(start, |p| {
                if !matches!(p.peek(), T::Pass | T::Break | T::Continue) {
                    return None;
                }
                p.pos += 1;
                let a = p.span_from(start);
                p.expect(T::If)?;
                p.disjunction()?;
                p.expect(T::Else)?;
                p.simple_stmt()?;
                Some(a)
            }) {
                self.raise_at("expected expression before 'if', but statement is given", a);
                return;
            }
            // 'lambda' [lambda_params] ':' &FSTRING_MIDDLE (and &TSTRING_MIDDLE)
            for (middle, prefix) in [
                (T::FstringMiddle, "f-string"),
                (T::TstringMiddle, "t-string"),
            ] {
                if let Some((a, b)) = self.attempt(start, |p| {
                    let a = p.expect(T::Lambda)?;
                    let save = p.pos;
                    if p.params(ParamStyle::Lambda).is_none() {
                        p.pos = save;
                    }
                    let b = p.expect(T::Colon)?;
                    p.at(middle).then_some((a, b))
                }) {
                    self.raise_token_range(
                        format!("{prefix}: lambda expressions are not allowed without parentheses"),
                        a,
                        b,
                    );
                    return;
                }
            }
        })
    }

    /// `invalid_named_expression (memo)`
    pub(super) fn invalid_named_expression(&mut self) -> Option<()> {
        // Memoized as in pegen: without it, nested unclosed brackets re-run it (through
        // `genexp`/`invalid_comprehension`) exponentially often.
        let start = self.pos;
        if self
            .memo
            .expr(Rule::InvalidNamedExpression, start)
            .is_some()
        {
            return None;
        }
        let r = self.invalid_named_expression_body();
        if !self.failed() {
            self.memo
                .put_expr(Rule::InvalidNamedExpression, start, start, None);
        }
        r
    }

    fn invalid_named_expression_body(&mut self) -> Option<()> {
        rule_frame!(self, {
            let start = self.pos;
            // expression ':=' expression
            if let Some(a) = self.attempt(start, |p| {
                let a = p.expression()?;
                p.expect(T::ColonEqual)?;
                p.expression()?;
                Some(a)
            }) {
                self.raise_at(
                    format!("cannot use assignment expressions with {}", expr_name(&a)),
                    a.span,
                );
                return None;
            }
            let not_assign_follows = |p: &mut Self| !matches!(p.peek(), T::Equal | T::ColonEqual);
            // NAME '=' bitwise_or !('=' | ':=')
            if let Some((a, b)) = self.attempt(start, |p| {
                let a = p.expect(T::Name)?;
                p.expect(T::Equal)?;
                let b = p.bitwise_or()?;
                not_assign_follows(p).then_some((a, b))
            }) {
                let a = self.tok_span(a);
                self.raise_range(
                    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                    a,
                    b.span,
                );
                return None;
            }
            // !(list | tuple | genexp | 'True' | 'None' | 'False') bitwise_or '=' bitwise_or !('=' | ':=')
            if let Some(a) = self.attempt(start, |p| {
                if matches!(p.peek(), T::True | T::None | T::False) {
                    return None;
                }
                let excluded = p.list().is_some()
                    || {
                        p.pos = start;
                        p.tuple().is_some()
                    }
                    || {
                        p.pos = start;
                        p.genexp().is_some()
                    };
                p.pos = start;
                if excluded || p.failed() {
                    return None;
                }
                let a = p.bitwise_or()?;
                p.expect(T::Equal)?;
                p.bitwise_or()?;
                not_assign_follows(p).then_some(a)
            }) {
                let msg = format!(
                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                    expr_name(&a)
                );
                self.raise_at(msg, a.span);
            }
            None
        })
    }

    /// `invalid_comprehension`
    pub(super) fn invalid_comprehension(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            // ('[' | '(' | '{') starred_expression for_if_clauses
            if let Some(a) = self.attempt(start, |p| {
                if !matches!(p.peek(), T::Lsqb | T::Lpar | T::Lbrace) {
                    return None;
                }
                p.pos += 1;
                let a = p.starred_expression()?;
                p.for_if_clauses()?;
                Some(a)
            }) {
                self.raise_at("iterable unpacking cannot be used in comprehension", a.span);
                return;
            }
            let msg = "did you forget parentheses around the comprehension target?";
            // ('[' | '{') star_named_expression ',' star_named_expressions for_if_clauses
            if let Some((a, b)) = self.attempt(start, |p| {
                if !matches!(p.peek(), T::Lsqb | T::Lbrace) {
                    return None;
                }
                p.pos += 1;
                let a = p.star_named_expression()?;
                p.expect(T::Comma)?;
                let b = p.star_named_expressions()?;
                p.for_if_clauses()?;
                Some((a, b.last()?.span))
            }) {
                self.raise_range(msg, a.span, b);
                return;
            }
            // ('[' | '{') star_named_expression ',' for_if_clauses
            if let Some((a, b)) = self.attempt(start, |p| {
                if !matches!(p.peek(), T::Lsqb | T::Lbrace) {
                    return None;
                }
                p.pos += 1;
                let a = p.star_named_expression()?;
                let b = p.expect(T::Comma)?;
                p.for_if_clauses()?;
                Some((a, b))
            }) {
                let b = self.tok_span(b);
                self.raise_range(msg, a.span, b);
            }
        })
    }

    /// `invalid_dict_comprehension: '{' '**' bitwise_or for_if_clauses '}'`
    pub(super) fn invalid_dict_comprehension(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            if let Some(a) = self.attempt(start, |p| {
                p.expect(T::Lbrace)?;
                let a = p.expect(T::DoubleStar)?;
                p.bitwise_or()?;
                p.for_if_clauses()?;
                p.expect(T::Rbrace)?;
                Some(a)
            }) {
                self.raise_at_token("dict unpacking cannot be used in dict comprehension", a);
            }
        })
    }

    /// `invalid_double_starred_kvpairs` (after the `{`); `Some` when the first alternative
    /// matched without raising.
    pub(super) fn invalid_double_starred_kvpairs(&mut self) -> Option<()> {
        rule_frame!(self, {
            let start = self.pos;
            // ','.double_starred_kvpair+ ',' invalid_kvpair
            if self
                .attempt(start, |p| {
                    p.double_starred_kvpair()?;
                    loop {
                        let save = p.pos;
                        if !(p.eat(T::Comma) && p.double_starred_kvpair().is_some()) {
                            p.pos = save;
                            break;
                        }
                    }
                    p.expect(T::Comma)?;
                    p.invalid_kvpair()
                })
                .is_some()
            {
                return Some(());
            }
            self.kvpair_value_errors(start, true);
            None
        })
    }

    /// The last two alternatives shared by `invalid_double_starred_kvpairs` and
    /// `invalid_kvpair`: `expression ':' '*' bitwise_or` and `expression ':' &('}' | ',')`.
    fn kvpair_value_errors(&mut self, start: usize, _outer: bool) -> bool {
        if let Some(a) = self.attempt(start, |p| {
            p.expression()?;
            p.expect(T::Colon)?;
            let a = p.expect(T::Star)?;
            p.bitwise_or_memo()?;
            Some(a)
        }) {
            let s = self.tok(a).start;
            self.raise_starting_from("cannot use a starred expression in a dictionary value", s);
            return true;
        }
        if let Some(a) = self.attempt(start, |p| {
            p.expression()?;
            let a = p.expect(T::Colon)?;
            matches!(p.peek(), T::Rbrace | T::Comma).then_some(a)
        }) {
            self.raise_at_token("expression expected after dictionary key and ':'", a);
            return true;
        }
        false
    }

    /// `invalid_kvpair`
    fn invalid_kvpair(&mut self) -> Option<()> {
        rule_frame!(self, {
            let start = self.pos;
            // expression !(':')
            if let Some(a) = self.attempt(start, |p| {
                let a = p.expression()?;
                (!p.at(T::Colon)).then_some(a)
            }) {
                let line = self.lines.line(a.span.start);
                let (end_line, end_col) = self.line_col_at(a.span.end);
                self.raise_raw(
                    ErrorKind::SyntaxError,
                    "':' expected after dictionary key",
                    (line, end_col),
                    (end_line, 0),
                );
                return None;
            }
            self.kvpair_value_errors(start, false);
            None
        })
    }

    /// `invalid_starred_expression_unpacking: '*' expression '=' expression`
    pub(super) fn invalid_starred_expression_unpacking(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            if let Some((a, b)) = self.attempt(start, |p| {
                let a = p.expect(T::Star)?;
                p.expression()?;
                p.expect(T::Equal)?;
                Some((a, p.expression()?))
            }) {
                let a = self.tok_span(a);
                self.raise_range("cannot assign to iterable argument unpacking", a, b.span);
            }
        })
    }

    /// `invalid_starred_expression: '*'`
    pub(super) fn invalid_starred_expression(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            if self.attempt(start, |p| p.expect(T::Star)).is_some() {
                self.raise_last_token(ErrorKind::SyntaxError, "Invalid star expression");
            }
        })
    }

    /// `invalid_group: '(' starred_expression ')' | '(' '**' expression ')'`
    pub(super) fn invalid_group(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            if let Some(a) = self.attempt(start, |p| {
                p.expect(T::Lpar)?;
                let a = p.starred_expression()?;
                p.expect(T::Rpar)?;
                Some(a)
            }) {
                self.raise_at("cannot use starred expression here", a.span);
                return;
            }
            if let Some(a) = self.attempt(start, |p| {
                p.expect(T::Lpar)?;
                let a = p.expect(T::DoubleStar)?;
                p.expression()?;
                p.expect(T::Rpar)?;
                Some(a)
            }) {
                self.raise_at_token("cannot use double starred expression here", a);
            }
        })
    }

    /// `invalid_for_if_clause: 'async'? 'for' (bitwise_or (',' bitwise_or)* ','?) !'in'`
    pub(super) fn invalid_for_if_clause(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            if self
                .attempt(start, |p| {
                    p.eat(T::Async);
                    p.expect(T::For)?;
                    p.bitwise_or()?;
                    loop {
                        let save = p.pos;
                        if !(p.eat(T::Comma) && p.bitwise_or().is_some()) {
                            p.pos = save;
                            break;
                        }
                    }
                    p.eat(T::Comma);
                    (!p.at(T::In)).then_some(())
                })
                .is_some()
            {
                self.raise_last_token(
                    ErrorKind::SyntaxError,
                    "'in' expected after for-loop variables",
                );
            }
        })
    }

    /// `invalid_for_target: 'async'? 'for' star_expressions`
    pub(super) fn invalid_for_target(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            if let Some(a) = self.attempt(start, |p| {
                p.eat(T::Async);
                p.expect(T::For)?;
                p.star_expressions()
            }) {
                self.raise_invalid_target(Targets::For, &a);
            }
        })
    }

    /// `invalid_string_tstring_concat: (fstring|string)+ tstring | tstring+ (fstring|string)`
    pub(super) fn invalid_string_tstring_concat(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            let plain: fn(&mut Self) -> Option<Expr<'a>> = |p| match p.peek() {
                T::String => p.string(),
                T::FstringStart => p.fstring(),
                _ => None,
            };
            let tstr: fn(&mut Self) -> Option<Expr<'a>> = |p| {
                if p.at(T::TstringStart) {
                    p.tstring()
                } else {
                    None
                }
            };
            for (first, second) in [(plain, tstr), (tstr, plain)] {
                if let Some((a, b)) = self.attempt(start, |p| {
                    let mut last = first(p)?;
                    loop {
                        let save = p.pos;
                        match first(p) {
                            Some(e) => last = e,
                            None => {
                                p.pos = save;
                                break;
                            }
                        }
                    }
                    Some((last, second(p)?))
                }) {
                    self.raise_range(
                        "cannot mix t-string literals with string or bytes literals",
                        a.span,
                        b.span,
                    );
                    return;
                }
            }
        })
    }

    /// `invalid_arithmetic: sum ('+'|'-'|'*'|'/'|'%'|'//'|'@') 'not' inversion`
    pub(super) fn invalid_arithmetic(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            if let Some((a, b)) = self.attempt(start, |p| {
                p.sum()?;
                if !matches!(
                    p.peek(),
                    T::Plus | T::Minus | T::Star | T::Slash | T::Percent | T::DoubleSlash | T::At
                ) {
                    return None;
                }
                p.pos += 1;
                let a = p.expect(T::Not)?;
                Some((a, p.inversion()?))
            }) {
                let a = self.tok_span(a);
                self.raise_range("'not' after an operator must be parenthesized", a, b.span);
            }
        })
    }

    /// `invalid_factor: ('+' | '-' | '~') 'not' factor`
    pub(super) fn invalid_factor(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            if let Some((a, b)) = self.attempt(start, |p| {
                if !matches!(p.peek(), T::Plus | T::Minus | T::Tilde) {
                    return None;
                }
                p.pos += 1;
                let a = p.expect(T::Not)?;
                Some((a, p.factor()?))
            }) {
                let a = self.tok_span(a);
                self.raise_range("'not' after an operator must be parenthesized", a, b.span);
            }
        })
    }

    /// `invalid_type_param: '*' NAME ':' expression | '**' NAME ':' expression`
    pub(super) fn invalid_type_param(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            for (star, what) in [(T::Star, "TypeVarTuple"), (T::DoubleStar, "ParamSpec")] {
                if let Some((colon, e)) = self.attempt(start, |p| {
                    p.expect(star)?;
                    p.expect(T::Name)?;
                    let colon = p.expect(T::Colon)?;
                    Some((colon, p.expression()?))
                }) {
                    let kind = if matches!(e.kind, ExprKind::Tuple { .. }) {
                        "constraints"
                    } else {
                        "bound"
                    };
                    let s = self.tok(colon).start;
                    self.raise_starting_from(format!("cannot use {kind} with {what}"), s);
                    return;
                }
            }
        })
    }

    /// `invalid_type_params: '[' ']'`
    pub(super) fn invalid_type_params(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            if let Some(t) = self.attempt(start, |p| {
                p.expect(T::Lsqb)?;
                p.expect(T::Rsqb)
            }) {
                let s = self.tok(t).start;
                self.raise_starting_from("Type parameter list cannot be empty", s);
            }
        })
    }

    /// `invalid_default: '=' &(')' | ',')`
    pub(super) fn invalid_default(&mut self) {
        rule_frame!(self, {
            let start = self.pos;
            if let Some(a) = self.attempt(start, |p| {
                let a = p.expect(T::Equal)?;
                matches!(p.peek(), T::Rpar | T::Comma).then_some(a)
            }) {
                self.raise_at_token("expected default value expression", a);
            }
        })
    }
}
