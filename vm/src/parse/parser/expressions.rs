//! Expression rules from `expressions` down to `await_primary`: conditional expressions,
//! boolean and comparison chains, the binary operator precedence levels and unary operators.

use super::memo::{Rule, memoized, memoized_in_error_pass};
use super::{MAX_DEPTH, Parser, PrimaryAhead};
use crate::ast::*;
use crate::parse::token::TokenKind as T;

/// Rule frames the chain from `expression` down to a NUMBER atom enters (`expression`,
/// `disjunction`, `conjunction`, `inversion`, `comparison`, twelve for the binary levels,
/// `factor`, `power`, `await_primary`, two for `primary`, `atom`, the NUMBER helper): at
/// most this many, which bounds the depth [`Parser::simple_expression`] skips.
const SIMPLE_ATOM_FRAMES: u32 = 26;

/// Rule frames between `expression_body` and `primary`: `disjunction`, `conjunction`,
/// `inversion`, `comparison`, twelve for the binary levels, `factor`, `power`,
/// `await_primary`.
const PRIMARY_FRAMES: u32 = 19;

impl<'a> Parser<'a, '_> {
    /// `expressions: expression (',' expression)+ [','] | expression ',' | expression`
    pub(super) fn expressions(&mut self) -> Option<Expr<'a>> {
        self.comma_tuple(Self::expression)
    }

    /// `star_expressions`: like `expressions` over `star_expression`.
    pub(super) fn star_expressions(&mut self) -> Option<Expr<'a>> {
        self.comma_tuple(Self::star_expression)
    }

    /// `x (',' x)+ [','] | x ',' | x` as a Load tuple (or the single item).
    fn comma_tuple(&mut self, item: fn(&mut Self) -> Option<Expr<'a>>) -> Option<Expr<'a>> {
        self.nest(|p| p.comma_tuple_body(item))
    }

    fn comma_tuple_body(&mut self, item: fn(&mut Self) -> Option<Expr<'a>>) -> Option<Expr<'a>> {
        let start = self.pos;
        let first = item(self)?;
        if !self.at(T::Comma) {
            return Some(first);
        }
        let mut elts = self.vec();
        elts.push(first);
        loop {
            let save = self.pos;
            if !self.eat(T::Comma) {
                break;
            }
            match item(self) {
                Some(e) => elts.push(e),
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        self.eat(T::Comma);
        let elts = arena::into_slice(elts);
        Some(self.expr(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            self.span_from(start),
        ))
    }

    /// `expression (memo): invalid_expression | invalid_legacy_expression
    ///     | disjunction 'if' disjunction 'else' expression | disjunction | lambdef`
    pub(super) fn expression(&mut self) -> Option<Expr<'a>> {
        if let Some(e) = self.simple_expression() {
            return Some(e);
        }
        memoized!(
            self,
            expr,
            put_expr,
            Rule::Expression,
            self.nest(Self::expression_body)
        )
    }

    /// The first pass's shortcut for the commonest expression: a lone NAME, NUMBER, `True`,
    /// `False` or `None` followed by a token that ends every expression level (`,` `)` `:`
    /// ...). The rule chain from `expression` down to `atom` would build the same node after
    /// looking at the same two tokens, so the result, the furthest token looked at and the
    /// errors are those of the full rules; the shortcut is not taken where the chain's depth
    /// could reach `MAX_DEPTH`, nor in the error pass, whose `invalid_*` rules the chain runs.
    #[inline]
    fn simple_expression(&mut self) -> Option<Expr<'a>> {
        if self.invalid_pass || self.failed() || self.depth + SIMPLE_ATOM_FRAMES > MAX_DEPTH {
            return None;
        }
        if !matches!(
            self.peek(),
            T::Name | T::Number | T::True | T::False | T::None
        ) || !ends_expression(self.kind_at(self.pos + 1))
        {
            return None;
        }
        self.atom_body()
    }

    /// The first pass's shortcut for an expression that is a primary with trailers
    /// (`a.b`, `f(x)`, `d[k]`...), taken when a NAME is followed by `.`, `(` or `[`. The
    /// primary is parsed at the depth the rule chain would reach it (`PRIMARY_FRAMES` below
    /// `expression`); when the token after it ends every expression level, that primary is
    /// the expression, as the chain would have found looking at the same tokens. Otherwise
    /// it is kept in [`Parser::primary_ahead`], where the chain's own `primary` at the same
    /// token and depth picks it up instead of parsing it again. `None`: not taken.
    fn primary_expression(&mut self) -> Option<Option<Expr<'a>>> {
        if self.error_pass || self.depth + PRIMARY_FRAMES + 2 > MAX_DEPTH {
            return None;
        }
        let start = self.pos;
        if self.peek() != T::Name || !matches!(self.kind_at(start + 1), T::Dot | T::Lpar | T::Lsqb)
        {
            return None;
        }
        self.depth += PRIMARY_FRAMES;
        let value = self.primary();
        self.depth -= PRIMARY_FRAMES;
        let Some(value) = value else {
            // Only an error stops a primary that starts with a NAME.
            self.pos = start;
            return None;
        };
        if ends_expression(self.peek()) {
            return Some(Some(value));
        }
        self.primary_ahead = Some(PrimaryAhead {
            start,
            depth: self.depth + PRIMARY_FRAMES,
            end: self.pos,
            value,
        });
        self.pos = start;
        None
    }

    fn expression_body(&mut self) -> Option<Expr<'a>> {
        let start = self.pos;
        if !self.invalid_pass
            && let Some(r) = self.primary_expression()
        {
            return r;
        }
        if self.invalid_pass {
            self.invalid_expression();
            self.pos = start;
            if self.failed() {
                return None;
            }
            self.invalid_legacy_expression();
            self.pos = start;
            if self.failed() {
                return None;
            }
        }
        self.if_expression_or_disjunction(start).or_else(|| {
            self.pos = start;
            self.lambdef()
        })
    }

    /// `disjunction 'if' disjunction 'else' expression | disjunction` (shared prefix parsed
    /// once).
    fn if_expression_or_disjunction(&mut self, start: usize) -> Option<Expr<'a>> {
        let body = self.disjunction()?;
        let after = self.pos;
        if self.eat(T::If) {
            if let Some(test) = self.disjunction()
                && self.eat(T::Else)
                && let Some(orelse) = self.expression()
            {
                let kind = ExprKind::IfExp {
                    test: self.alloc(test),
                    body: self.alloc(body),
                    orelse: self.alloc(orelse),
                };
                return Some(self.expr(kind, self.span_from(start)));
            }
            self.pos = after;
        }
        Some(body)
    }

    /// The same as `expression` with no `invalid_*` alternatives anywhere below
    /// (`expression_without_invalid`).
    pub(super) fn expression_without_invalid(&mut self) -> Option<Expr<'a>> {
        let saved = self.invalid_pass;
        self.invalid_pass = false;
        let start = self.pos;
        let r = self
            .nest(|p| p.if_expression_or_disjunction(start))
            .or_else(|| {
                self.pos = start;
                self.lambdef()
            });
        self.invalid_pass = saved;
        r
    }

    /// `yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]`
    pub(super) fn yield_expr(&mut self) -> Option<Expr<'a>> {
        let start = self.pos;
        if !self.eat(T::Yield) {
            return None;
        }
        let after = self.pos;
        if self.eat(T::From) {
            if let Some(value) = self.expression() {
                let kind = ExprKind::YieldFrom {
                    value: self.alloc(value),
                };
                return Some(self.expr(kind, self.span_from(start)));
            }
            self.pos = after;
        }
        let value = self.star_expressions().map(|v| self.alloc(v));
        if value.is_none() {
            self.pos = after;
        }
        Some(self.expr(ExprKind::Yield { value }, self.span_from(start)))
    }

    /// `star_expression (memo): '*' bitwise_or | expression`
    pub(super) fn star_expression(&mut self) -> Option<Expr<'a>> {
        memoized_in_error_pass!(
            self,
            expr,
            put_expr,
            Rule::StarExpression,
            self.starred_or(Self::expression)
        )
    }

    /// `'*' bitwise_or | other`
    fn starred_or(&mut self, other: fn(&mut Self) -> Option<Expr<'a>>) -> Option<Expr<'a>> {
        let start = self.pos;
        if self.eat(T::Star) {
            if let Some(value) = self.bitwise_or() {
                let kind = ExprKind::Starred {
                    value: self.alloc(value),
                    ctx: ExprContext::Load,
                };
                return Some(self.expr(kind, self.span_from(start)));
            }
            self.pos = start;
        }
        other(self)
    }

    /// `star_named_expressions: ','.star_named_expression+ [',']`
    pub(super) fn star_named_expressions(&mut self) -> Option<&'a [Expr<'a>]> {
        let first = self.star_named_expression()?;
        let mut elts = self.vec();
        elts.push(first);
        loop {
            let save = self.pos;
            if !self.eat(T::Comma) {
                break;
            }
            match self.star_named_expression() {
                Some(e) => elts.push(e),
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        self.eat(T::Comma);
        Some(arena::into_slice(elts))
    }

    /// `star_named_expression: '*' bitwise_or | named_expression`
    pub(super) fn star_named_expression(&mut self) -> Option<Expr<'a>> {
        self.starred_or(Self::named_expression)
    }

    /// `assignment_expression: NAME ':=' ~ expression`
    pub(super) fn assignment_expression(&mut self) -> Option<Expr<'a>> {
        let start = self.pos;
        if self.peek() != T::Name || self.kind_at(start + 1) != T::ColonEqual {
            return None;
        }
        let target = self.name_expr(start);
        self.pos = start + 2;
        let Some(value) = self.expression() else {
            self.pos = start;
            return None;
        };
        let target = self.with_ctx(target, ExprContext::Store);
        let kind = ExprKind::NamedExpr {
            target: self.alloc(target),
            value: self.alloc(value),
        };
        Some(self.expr(kind, self.span_from(start)))
    }

    /// `named_expression: assignment_expression | invalid_named_expression | expression !':='`
    pub(super) fn named_expression(&mut self) -> Option<Expr<'a>> {
        self.nest(Self::named_expression_body)
    }

    fn named_expression_body(&mut self) -> Option<Expr<'a>> {
        let start = self.pos;
        if let Some(e) = self.assignment_expression() {
            return Some(e);
        }
        if self.invalid_pass {
            if self.invalid_named_expression().is_some() {
                return None;
            }
            self.pos = start;
            if self.failed() {
                return None;
            }
        }
        let e = self.expression()?;
        if self.at(T::ColonEqual) {
            self.pos = start;
            return None;
        }
        Some(e)
    }

    /// `disjunction (memo): conjunction ('or' conjunction)+ | conjunction`
    pub(super) fn disjunction(&mut self) -> Option<Expr<'a>> {
        memoized_in_error_pass!(
            self,
            expr,
            put_expr,
            Rule::Disjunction,
            self.nest(|p| p.bool_chain(T::Or))
        )
    }

    /// `conjunction: inversion ('and' inversion)+ | inversion`
    fn conjunction(&mut self) -> Option<Expr<'a>> {
        self.nest(|p| p.bool_chain(T::And))
    }

    fn bool_chain(&mut self, op_tok: T) -> Option<Expr<'a>> {
        let start = self.pos;
        let operand = |p: &mut Self| {
            if op_tok == T::Or {
                p.conjunction()
            } else {
                p.inversion()
            }
        };
        let first = operand(self)?;
        if !self.at(op_tok) {
            return Some(first);
        }
        let mut values = self.vec();
        values.push(first);
        loop {
            let save = self.pos;
            if !self.eat(op_tok) {
                break;
            }
            match operand(self) {
                Some(e) => values.push(e),
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        if values.len() == 1 {
            return values.pop();
        }
        let op = if op_tok == T::Or {
            BoolOp::Or
        } else {
            BoolOp::And
        };
        let kind = ExprKind::BoolOp {
            op,
            values: arena::into_slice(values),
        };
        Some(self.expr(kind, self.span_from(start)))
    }

    /// `inversion (memo): 'not' inversion | comparison`
    pub(super) fn inversion(&mut self) -> Option<Expr<'a>> {
        self.nest(|p| {
            let start = p.pos;
            if p.eat(T::Not) {
                if let Some(operand) = p.inversion() {
                    let kind = ExprKind::UnaryOp {
                        op: UnaryOp::Not,
                        operand: p.alloc(operand),
                    };
                    return Some(p.expr(kind, p.span_from(start)));
                }
                p.pos = start;
            }
            p.comparison()
        })
    }

    /// `comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or`
    fn comparison(&mut self) -> Option<Expr<'a>> {
        self.nest(Self::comparison_body)
    }

    fn comparison_body(&mut self) -> Option<Expr<'a>> {
        let start = self.pos;
        let left = self.bitwise_or()?;
        let mut ops = self.vec();
        let mut comparators = self.vec();
        loop {
            let save = self.pos;
            let Some(op) = self.compare_op() else {
                self.pos = save;
                break;
            };
            match self.bitwise_or() {
                Some(e) => {
                    ops.push(op);
                    comparators.push(e);
                }
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        if ops.is_empty() {
            return Some(left);
        }
        let kind = ExprKind::Compare {
            left: self.alloc(left),
            ops: arena::into_slice(ops),
            comparators: arena::into_slice(comparators),
        };
        Some(self.expr(kind, self.span_from(start)))
    }

    /// The operator of `compare_op_bitwise_or_pair`, tried in grammar order.
    fn compare_op(&mut self) -> Option<CmpOp> {
        let op = match self.peek() {
            T::EqEqual => CmpOp::Eq,
            T::NotEqual => {
                if !self.check_not_equal(self.pos) {
                    return None;
                }
                CmpOp::NotEq
            }
            T::LessEqual => CmpOp::LtE,
            T::Less => CmpOp::Lt,
            T::GreaterEqual => CmpOp::GtE,
            T::Greater => CmpOp::Gt,
            T::Not => {
                if self.kind_at(self.pos + 1) != T::In {
                    return None;
                }
                self.pos += 1;
                CmpOp::NotIn
            }
            T::In => CmpOp::In,
            T::Is => {
                if self.kind_at(self.pos + 1) == T::Not {
                    self.pos += 1;
                    CmpOp::IsNot
                } else {
                    CmpOp::Is
                }
            }
            _ => return None,
        };
        self.pos += 1;
        Some(op)
    }

    /// `_PyPegen_check_barry_as_flufl`: `!=` is the inequality unless
    /// `from __future__ import barry_as_FLUFL` is in effect, which wants `<>` instead.
    fn check_not_equal(&mut self, i: usize) -> bool {
        let text = self.text(i);
        if self.barry {
            if text != "<>" {
                self.raise_last_token(
                    crate::parse::ErrorKind::SyntaxError,
                    "with Barry as BDFL, use '<>' instead of '!='",
                );
                return false;
            }
            return true;
        }
        if text == "<>" {
            self.raise_at_token("invalid syntax.  Maybe you meant '!=' instead of '<>'?", i);
            return false;
        }
        true
    }

    /// `bitwise_or (left-recursive): bitwise_or '|' bitwise_xor | bitwise_xor`
    pub(super) fn bitwise_or(&mut self) -> Option<Expr<'a>> {
        memoized_in_error_pass!(self, expr, put_expr, Rule::BitwiseOr, self.binary_levels(0))
    }

    /// `bitwise_or`, memoized in the first pass too. Where a rule that also runs in the first
    /// pass re-parses a `bitwise_or` at the same position (`'**' bitwise_or` in the dict
    /// rules, tried by both dict alternatives), nested displays would otherwise take
    /// exponential time, as pegen (which always memoizes it) never does.
    pub(super) fn bitwise_or_memo(&mut self) -> Option<Expr<'a>> {
        memoized!(self, expr, put_expr, Rule::BitwiseOr, self.binary_levels(0))
    }

    /// The binary operator levels from `level` down (`level` as in [`Parser::binary_chain`]),
    /// as one rule call: the grammar's chain of rules in the error pass, where the
    /// `invalid_*` alternatives hang on some levels, and otherwise precedence climbing, which
    /// builds the same tree without entering twelve rule frames per operand.
    ///
    /// The climb is observably the same parse. Pegen's chain descends from `level` to the
    /// `term` level (two rule frames per level) before it looks at any token, so every
    /// `factor` runs at that depth, which the climb enters at once; the tokens looked at are
    /// the same (an operator ends every level above its own); and a right operand that fails
    /// ends the whole chain (the levels above it do not match its operator), which `stop`
    /// carries out of the climb.
    fn binary_levels(&mut self, level: u8) -> Option<Expr<'a>> {
        if self.invalid_pass {
            return self.nest_by(2, |p| p.binary_chain(level));
        }
        let frames = 2 * (6 - u32::from(level));
        self.nest_by(frames, |p| p.climb(level, &mut false))
    }

    fn climb(&mut self, min_level: u8, stop: &mut bool) -> Option<Expr<'a>> {
        let start = self.pos;
        let mut left = self.factor()?;
        while !*stop {
            let Some((level, op)) = binary_operator(self.peek()) else {
                break;
            };
            if level < min_level {
                break;
            }
            let save = self.pos;
            self.pos += 1;
            let right = if level == 5 {
                self.factor()
            } else {
                self.climb(level + 1, stop)
            };
            let Some(right) = right else {
                self.pos = save;
                *stop = true;
                break;
            };
            let kind = ExprKind::BinOp {
                left: self.alloc(left),
                op,
                right: self.alloc(right),
            };
            left = self.expr(kind, self.span_from(start));
        }
        Some(left)
    }

    /// The left-recursive binary levels as loops. `level`: 0 `|`, 1 `^`, 2 `&`, 3 shifts,
    /// 4 `+ -`, 5 `* / // % @`.
    fn binary_chain(&mut self, level: u8) -> Option<Expr<'a>> {
        let start = self.pos;
        if self.invalid_pass {
            match level {
                3 => self.invalid_arithmetic(),
                5 => self.invalid_factor(),
                _ => {}
            }
            self.pos = start;
            if self.failed() {
                return None;
            }
        }
        let operand = |p: &mut Self| {
            if level == 5 {
                p.factor()
            } else {
                p.nest_by(2, |p| p.binary_chain(level + 1))
            }
        };
        let mut left = operand(self)?;
        loop {
            let op = match binary_operator(self.peek()) {
                Some((l, op)) if l == level => op,
                _ => break,
            };
            let save = self.pos;
            self.pos += 1;
            match operand(self) {
                Some(right) => {
                    let kind = ExprKind::BinOp {
                        left: self.alloc(left),
                        op,
                        right: self.alloc(right),
                    };
                    left = self.expr(kind, self.span_from(start));
                }
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        Some(left)
    }

    /// `sum` (used by some invalid rules).
    pub(super) fn sum(&mut self) -> Option<Expr<'a>> {
        self.binary_levels(4)
    }

    /// `factor (memo): '+' factor | '-' factor | '~' factor | power`
    pub(super) fn factor(&mut self) -> Option<Expr<'a>> {
        self.nest(|p| {
            let start = p.pos;
            let op = match p.peek() {
                T::Plus => Some(UnaryOp::UAdd),
                T::Minus => Some(UnaryOp::USub),
                T::Tilde => Some(UnaryOp::Invert),
                _ => None,
            };
            if let Some(op) = op {
                p.pos += 1;
                if let Some(operand) = p.factor() {
                    let kind = ExprKind::UnaryOp {
                        op,
                        operand: p.alloc(operand),
                    };
                    return Some(p.expr(kind, p.span_from(start)));
                }
                p.pos = start;
                return None;
            }
            p.power()
        })
    }

    /// `power: await_primary '**' factor | await_primary`
    fn power(&mut self) -> Option<Expr<'a>> {
        self.nest(|p| {
            let start = p.pos;
            let base = p.await_primary()?;
            let after = p.pos;
            if p.eat(T::DoubleStar) {
                if let Some(exp) = p.factor() {
                    let kind = ExprKind::BinOp {
                        left: p.alloc(base),
                        op: Operator::Pow,
                        right: p.alloc(exp),
                    };
                    return Some(p.expr(kind, p.span_from(start)));
                }
                p.pos = after;
            }
            Some(base)
        })
    }

    /// `await_primary (memo): 'await' primary | primary`
    fn await_primary(&mut self) -> Option<Expr<'a>> {
        self.nest(Self::await_primary_body)
    }

    fn await_primary_body(&mut self) -> Option<Expr<'a>> {
        let start = self.pos;
        if self.eat(T::Await) {
            if let Some(value) = self.primary() {
                let kind = ExprKind::Await {
                    value: self.alloc(value),
                };
                return Some(self.expr(kind, self.span_from(start)));
            }
            self.pos = start;
        }
        self.primary()
    }
}

/// The level (as in [`Parser::binary_chain`]) and operator of a binary operator token.
#[inline]
fn binary_operator(kind: T) -> Option<(u8, Operator)> {
    Some(match kind {
        T::Vbar => (0, Operator::BitOr),
        T::Circumflex => (1, Operator::BitXor),
        T::Amper => (2, Operator::BitAnd),
        T::LeftShift => (3, Operator::LShift),
        T::RightShift => (3, Operator::RShift),
        T::Plus => (4, Operator::Add),
        T::Minus => (4, Operator::Sub),
        T::Star => (5, Operator::Mult),
        T::Slash => (5, Operator::Div),
        T::DoubleSlash => (5, Operator::FloorDiv),
        T::Percent => (5, Operator::Mod),
        T::At => (5, Operator::MatMult),
        _ => return None,
    })
}

/// Tokens after an atom at which every rule from `primary` up to `expression` stops without
/// looking further: none is a trailer, operator, comparison, `and`, `or` or `if`.
#[inline]
fn ends_expression(kind: T) -> bool {
    matches!(
        kind,
        T::Comma
            | T::Rpar
            | T::Rsqb
            | T::Rbrace
            | T::Colon
            | T::Newline
            | T::Equal
            | T::Semi
            | T::For
            | T::Else
            | T::As
    )
}
