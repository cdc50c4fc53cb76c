//! The `match` statement and its patterns (PEP 634): literal, capture, wildcard, value,
//! group, sequence, mapping, class, `as` and `|` patterns.

use super::Parser;
use super::memo::{Rule, memoized};
use crate::ast::*;
use crate::parse::token::TokenKind as T;

impl<'a> Parser<'a, '_> {
    /// `match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
    ///     | invalid_match_stmt`
    pub(super) fn match_stmt(&mut self) -> Option<Stmt<'a>> {
        let start = self.pos;
        if self.eat_soft_keyword("match").is_some() {
            let r = (|| {
                let subject = self.subject_expr()?;
                if !(self.eat(T::Colon) && self.eat(T::Newline) && self.eat(T::Indent)) {
                    return None;
                }
                let mut cases = self.vec();
                loop {
                    let save = self.pos;
                    match self.case_block() {
                        Some(c) => cases.push(c),
                        None => {
                            self.pos = save;
                            break;
                        }
                    }
                }
                if cases.is_empty() || !self.eat(T::Dedent) {
                    return None;
                }
                let kind = StmtKind::Match {
                    subject: self.alloc(subject),
                    cases: arena::into_slice(cases),
                };
                Some(self.stmt(kind, self.span_from(start)))
            })();
            if r.is_some() || self.failed() {
                return r;
            }
        }
        self.pos = start;
        if self.invalid_pass {
            self.invalid_match_stmt();
            self.pos = start;
        }
        None
    }

    /// `subject_expr: star_named_expression ',' star_named_expressions? | named_expression`
    pub(super) fn subject_expr(&mut self) -> Option<Expr<'a>> {
        let start = self.pos;
        if let Some(first) = self.star_named_expression()
            && self.eat(T::Comma)
        {
            let rest = self.optional(Self::star_named_expressions).unwrap_or(&[]);
            let mut v = self.arena.vec_with_capacity(rest.len() + 1);
            v.push(first);
            v.extend_from_slice(rest);
            let elts = arena::into_slice(v);
            return Some(self.expr(
                ExprKind::Tuple {
                    elts,
                    ctx: ExprContext::Load,
                },
                self.span_from(start),
            ));
        }
        self.pos = start;
        self.named_expression()
    }

    /// `case_block: invalid_case_block | "case" patterns guard? ':' block`
    fn case_block(&mut self) -> Option<MatchCase<'a>> {
        let start = self.pos;
        if self.invalid_pass {
            self.invalid_case_block();
            self.pos = start;
            if self.failed() {
                return None;
            }
        }
        self.eat_soft_keyword("case")?;
        let r = (|| {
            let pattern = self.patterns()?;
            let guard = self.guard();
            if !self.eat(T::Colon) {
                return None;
            }
            let body = self.block()?;
            Some(MatchCase {
                pattern: self.alloc(pattern),
                guard: guard.map(|g| self.alloc(g)),
                body,
            })
        })();
        if r.is_none() {
            self.pos = start;
        }
        r
    }

    /// `guard: 'if' named_expression` (optional)
    pub(super) fn guard(&mut self) -> Option<Expr<'a>> {
        let save = self.pos;
        if self.eat(T::If)
            && let Some(e) = self.named_expression()
        {
            return Some(e);
        }
        self.pos = save;
        None
    }

    /// `patterns: open_sequence_pattern | pattern`
    pub(super) fn patterns(&mut self) -> Option<Pattern<'a>> {
        let start = self.pos;
        if let Some(patterns) = self.open_sequence_pattern() {
            return Some(Pattern {
                kind: PatternKind::MatchSequence { patterns },
                span: self.span_from(start),
            });
        }
        self.pos = start;
        self.pattern()
    }

    /// `pattern: as_pattern | or_pattern`
    pub(super) fn pattern(&mut self) -> Option<Pattern<'a>> {
        self.nest(|p| {
            let start = p.pos;
            let or = p.or_pattern()?;
            let after = p.pos;
            // as_pattern: or_pattern 'as' pattern_capture_target
            if p.eat(T::As)
                && let Some((name, _)) = p.pattern_capture_target()
            {
                let kind = PatternKind::MatchAs {
                    pattern: Some(p.alloc(or)),
                    name: Some(name),
                };
                return Some(Pattern {
                    kind,
                    span: p.span_from(start),
                });
            }
            if p.invalid_pass && !p.failed() {
                p.pos = start;
                p.invalid_as_pattern();
                if p.failed() {
                    return None;
                }
            }
            p.pos = after;
            Some(or)
        })
    }

    /// `or_pattern: '|'.closed_pattern+`
    pub(super) fn or_pattern(&mut self) -> Option<Pattern<'a>> {
        let start = self.pos;
        let first = self.closed_pattern()?;
        if !self.at(T::Vbar) {
            return Some(first);
        }
        let mut v = self.vec();
        v.push(first);
        loop {
            let save = self.pos;
            if !self.eat(T::Vbar) {
                break;
            }
            match self.closed_pattern() {
                Some(p) => v.push(p),
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        if v.len() == 1 {
            return v.pop();
        }
        Some(Pattern {
            kind: PatternKind::MatchOr {
                patterns: arena::into_slice(v),
            },
            span: self.span_from(start),
        })
    }

    /// `closed_pattern (memo): literal_pattern | capture_pattern | wildcard_pattern
    ///     | value_pattern | group_pattern | sequence_pattern | mapping_pattern | class_pattern`
    fn closed_pattern(&mut self) -> Option<Pattern<'a>> {
        memoized!(
            self,
            pattern,
            put_pattern,
            Rule::ClosedPattern,
            self.nest(Self::closed_pattern_body)
        )
    }

    fn closed_pattern_body(&mut self) -> Option<Pattern<'a>> {
        let start = self.pos;
        macro_rules! attempt {
            ($e:expr) => {
                if let Some(p) = $e {
                    return Some(p);
                }
                self.pos = start;
                if self.failed() {
                    return None;
                }
            };
        }
        attempt!(self.literal_pattern());
        if let Some((name, i)) = self.pattern_capture_target() {
            let kind = PatternKind::MatchAs {
                pattern: None,
                name: Some(name),
            };
            return Some(Pattern {
                kind,
                span: self.tok_span(i),
            });
        }
        self.pos = start;
        if let Some(i) = self.eat_soft_keyword("_") {
            let kind = PatternKind::MatchAs {
                pattern: None,
                name: None,
            };
            return Some(Pattern {
                kind,
                span: self.tok_span(i),
            });
        }
        // value_pattern: attr !('.' | '(' | '=')
        if let Some(attr) = self.attr()
            && !matches!(self.peek(), T::Dot | T::Lpar | T::Equal)
        {
            return Some(Pattern {
                kind: PatternKind::MatchValue {
                    value: self.alloc(attr),
                },
                span: attr.span,
            });
        }
        self.pos = start;
        // group_pattern: '(' pattern ')'
        if self.eat(T::Lpar)
            && let Some(p) = self.pattern()
            && self.eat(T::Rpar)
        {
            return Some(p);
        }
        self.pos = start;
        if self.failed() {
            return None;
        }
        attempt!(self.sequence_pattern());
        attempt!(self.mapping_pattern());
        self.class_pattern()
    }

    /// `literal_pattern: signed_number !('+' | '-') | complex_number | strings | 'None'
    ///     | 'True' | 'False'`
    fn literal_pattern(&mut self) -> Option<Pattern<'a>> {
        let start = self.pos;
        let singleton = match self.peek() {
            T::None => Some(Constant::None),
            T::True => Some(Constant::Bool(true)),
            T::False => Some(Constant::Bool(false)),
            _ => None,
        };
        if let Some(value) = singleton {
            self.pos += 1;
            return Some(Pattern {
                kind: PatternKind::MatchSingleton { value },
                span: self.tok_span(start),
            });
        }
        let value = self.literal_value()?;
        Some(Pattern {
            kind: PatternKind::MatchValue {
                value: self.alloc(value),
            },
            span: self.span_from(start),
        })
    }

    /// The numeric and string alternatives shared by `literal_pattern` and `literal_expr`.
    fn literal_value(&mut self) -> Option<Expr<'a>> {
        let start = self.pos;
        if let Some(n) = self.signed_number()
            && !matches!(self.peek(), T::Plus | T::Minus)
        {
            return Some(n);
        }
        self.pos = start;
        if self.failed() {
            return None;
        }
        if let Some(c) = self.complex_number() {
            return Some(c);
        }
        self.pos = start;
        if self.failed() {
            return None;
        }
        if matches!(self.peek(), T::String | T::FstringStart | T::TstringStart) {
            return self.strings();
        }
        None
    }

    /// `literal_expr: literal_value | 'None' | 'True' | 'False'` (mapping keys).
    fn literal_expr(&mut self) -> Option<Expr<'a>> {
        let start = self.pos;
        let value = match self.peek() {
            T::None => Constant::None,
            T::True => Constant::Bool(true),
            T::False => Constant::Bool(false),
            _ => return self.literal_value(),
        };
        self.pos += 1;
        Some(self.expr(
            ExprKind::Constant {
                value,
                kind_u: false,
            },
            self.tok_span(start),
        ))
    }

    /// `signed_number: NUMBER | '-' NUMBER`
    fn signed_number(&mut self) -> Option<Expr<'a>> {
        let start = self.pos;
        if self.eat(T::Minus) {
            if self.at(T::Number) {
                let n = self.number()?;
                let kind = ExprKind::UnaryOp {
                    op: UnaryOp::USub,
                    operand: self.alloc(n),
                };
                return Some(self.expr(kind, self.span_from(start)));
            }
            self.pos = start;
            return None;
        }
        if self.at(T::Number) {
            self.number()
        } else {
            None
        }
    }

    /// `complex_number: signed_real_number ('+' | '-') imaginary_number`
    fn complex_number(&mut self) -> Option<Expr<'a>> {
        let start = self.pos;
        // signed_real_number: real_number | '-' real_number
        let negative = self.eat(T::Minus);
        if !self.at(T::Number) {
            self.pos = start;
            return None;
        }
        let mut real = self.number()?;
        if self.is_complex(&real) {
            self.raise_at("real number required in complex literal", real.span);
            return None;
        }
        if negative {
            let kind = ExprKind::UnaryOp {
                op: UnaryOp::USub,
                operand: self.alloc(real),
            };
            real = self.expr(kind, self.span_from(start));
        }
        let op = match self.peek() {
            T::Plus => Operator::Add,
            T::Minus => Operator::Sub,
            _ => {
                self.pos = start;
                return None;
            }
        };
        self.pos += 1;
        if !self.at(T::Number) {
            self.pos = start;
            return None;
        }
        let imag = self.number()?;
        if !self.is_complex(&imag) {
            self.raise_at("imaginary number required in complex literal", imag.span);
            return None;
        }
        let kind = ExprKind::BinOp {
            left: self.alloc(real),
            op,
            right: self.alloc(imag),
        };
        Some(self.expr(kind, self.span_from(start)))
    }

    fn is_complex(&self, e: &Expr<'a>) -> bool {
        matches!(
            e.kind,
            ExprKind::Constant {
                value: Constant::Complex { .. },
                ..
            }
        )
    }

    /// `pattern_capture_target: !"_" NAME !('.' | '(' | '=')`, as identifier and token index.
    fn pattern_capture_target(&mut self) -> Option<(&'a str, usize)> {
        let start = self.pos;
        if self.peek() != T::Name || self.text(start) == "_" {
            return None;
        }
        if matches!(self.kind_at(start + 1), T::Dot | T::Lpar | T::Equal) {
            return None;
        }
        self.pos = start + 1;
        Some((self.ident(start), start))
    }

    /// `attr: name_or_attr '.' NAME` (at least one dot).
    fn attr(&mut self) -> Option<Expr<'a>> {
        let start = self.pos;
        let e = self.name_or_attr()?;
        if matches!(e.kind, ExprKind::Attribute { .. }) {
            Some(e)
        } else {
            self.pos = start;
            None
        }
    }

    /// `name_or_attr: attr | NAME` (left-recursive: NAME ('.' NAME)*).
    pub(super) fn name_or_attr(&mut self) -> Option<Expr<'a>> {
        let start = self.pos;
        let mut e = self.name()?;
        loop {
            let save = self.pos;
            if !self.eat(T::Dot) {
                break;
            }
            match self.name_ident() {
                Some((attr, _)) => {
                    let kind = ExprKind::Attribute {
                        value: self.alloc(e),
                        attr,
                        ctx: ExprContext::Load,
                    };
                    e = self.expr(kind, self.span_from(start));
                }
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        Some(e)
    }

    /// `sequence_pattern: '[' maybe_sequence_pattern? ']' | '(' open_sequence_pattern? ')'`
    fn sequence_pattern(&mut self) -> Option<Pattern<'a>> {
        let start = self.pos;
        let close = match self.peek() {
            T::Lsqb => T::Rsqb,
            T::Lpar => T::Rpar,
            _ => return None,
        };
        self.pos += 1;
        let inner = if close == T::Rsqb {
            self.optional(Self::maybe_sequence_pattern)
        } else {
            self.optional(Self::open_sequence_pattern)
        };
        let patterns = inner.unwrap_or(&[]);
        if !self.eat(close) {
            self.pos = start;
            return None;
        }
        Some(Pattern {
            kind: PatternKind::MatchSequence { patterns },
            span: self.span_from(start),
        })
    }

    /// `open_sequence_pattern: maybe_star_pattern ',' maybe_sequence_pattern?`
    fn open_sequence_pattern(&mut self) -> Option<&'a [Pattern<'a>]> {
        let start = self.pos;
        let first = self.maybe_star_pattern()?;
        if !self.eat(T::Comma) {
            self.pos = start;
            return None;
        }
        let rest = self.optional(Self::maybe_sequence_pattern).unwrap_or(&[]);
        let mut v = self.arena.vec_with_capacity(rest.len() + 1);
        v.push(first);
        v.extend_from_slice(rest);
        Some(arena::into_slice(v))
    }

    /// `maybe_sequence_pattern: ','.maybe_star_pattern+ ','?`
    fn maybe_sequence_pattern(&mut self) -> Option<&'a [Pattern<'a>]> {
        let first = self.maybe_star_pattern()?;
        let mut v = self.vec();
        v.push(first);
        loop {
            let save = self.pos;
            if !self.eat(T::Comma) {
                break;
            }
            match self.maybe_star_pattern() {
                Some(p) => v.push(p),
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        self.eat(T::Comma);
        Some(arena::into_slice(v))
    }

    /// `maybe_star_pattern: star_pattern | pattern`
    fn maybe_star_pattern(&mut self) -> Option<Pattern<'a>> {
        let start = self.pos;
        if self.eat(T::Star) {
            // star_pattern: '*' pattern_capture_target | '*' wildcard_pattern
            if let Some((name, _)) = self.pattern_capture_target() {
                return Some(Pattern {
                    kind: PatternKind::MatchStar { name: Some(name) },
                    span: self.span_from(start),
                });
            }
            if self.eat_soft_keyword("_").is_some() {
                return Some(Pattern {
                    kind: PatternKind::MatchStar { name: None },
                    span: self.span_from(start),
                });
            }
            self.pos = start;
        }
        self.pattern()
    }

    /// `mapping_pattern: '{' '}' | '{' double_star_pattern ','? '}'
    ///     | '{' items_pattern ',' double_star_pattern ','? '}' | '{' items_pattern ','? '}'`
    fn mapping_pattern(&mut self) -> Option<Pattern<'a>> {
        let start = self.pos;
        if !self.eat(T::Lbrace) {
            return None;
        }
        let after = self.pos;
        let (keys, patterns, rest) = (|| {
            if self.eat(T::Rbrace) {
                return Some((&[][..], &[][..], None));
            }
            if let Some(rest) = self.double_star_pattern() {
                self.eat(T::Comma);
                if self.eat(T::Rbrace) {
                    return Some((&[][..], &[][..], Some(rest)));
                }
            }
            self.pos = after;
            let (keys, patterns) = self.items_pattern()?;
            let after_items = self.pos;
            if self.eat(T::Comma)
                && let Some(rest) = self.double_star_pattern()
            {
                self.eat(T::Comma);
                if self.eat(T::Rbrace) {
                    return Some((keys, patterns, Some(rest)));
                }
            }
            self.pos = after_items;
            self.eat(T::Comma);
            if self.eat(T::Rbrace) {
                return Some((keys, patterns, None));
            }
            None
        })()
        .or_else(|| {
            self.pos = start;
            None
        })?;
        Some(Pattern {
            kind: PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            },
            span: self.span_from(start),
        })
    }

    /// `items_pattern: ','.key_value_pattern+`
    pub(super) fn items_pattern(&mut self) -> Option<(&'a [Expr<'a>], &'a [Pattern<'a>])> {
        let mut keys = self.vec();
        let mut patterns = self.vec();
        loop {
            let save = self.pos;
            if !keys.is_empty() && !self.eat(T::Comma) {
                break;
            }
            match self.key_value_pattern() {
                Some((k, p)) => {
                    keys.push(k);
                    patterns.push(p);
                }
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        if keys.is_empty() {
            None
        } else {
            Some((arena::into_slice(keys), arena::into_slice(patterns)))
        }
    }

    /// `key_value_pattern: (literal_expr | attr) ':' pattern`
    fn key_value_pattern(&mut self) -> Option<(Expr<'a>, Pattern<'a>)> {
        let start = self.pos;
        let key = self.literal_expr().or_else(|| {
            if self.failed() {
                return None;
            }
            self.pos = start;
            self.attr()
        });
        if let Some(key) = key
            && self.eat(T::Colon)
            && let Some(p) = self.pattern()
        {
            return Some((key, p));
        }
        self.pos = start;
        None
    }

    /// `double_star_pattern: '**' pattern_capture_target`
    pub(super) fn double_star_pattern(&mut self) -> Option<&'a str> {
        let start = self.pos;
        if self.eat(T::DoubleStar)
            && let Some((name, _)) = self.pattern_capture_target()
        {
            return Some(name);
        }
        self.pos = start;
        None
    }

    /// `class_pattern: name_or_attr '(' [positional_patterns ','] [keyword_patterns ','] ')'`
    /// in the grammar's four shapes, then `invalid_class_pattern`.
    fn class_pattern(&mut self) -> Option<Pattern<'a>> {
        let start = self.pos;
        let r = (|| {
            let cls = self.name_or_attr()?;
            if !self.eat(T::Lpar) {
                return None;
            }
            let after_paren = self.pos;
            let build = |p: &mut Self, patterns, kwd_attrs, kwd_patterns| {
                let kind = PatternKind::MatchClass {
                    cls: p.alloc(cls),
                    patterns,
                    kwd_attrs,
                    kwd_patterns,
                };
                Some(Pattern {
                    kind,
                    span: p.span_from(start),
                })
            };
            if self.eat(T::Rpar) {
                return build(self, &[], &[], &[]);
            }
            if let Some(positional) = self.positional_patterns() {
                let after_pos = self.pos;
                self.eat(T::Comma);
                if self.eat(T::Rpar) {
                    return build(self, positional, &[], &[]);
                }
                self.pos = after_pos;
                if self.eat(T::Comma)
                    && let Some((attrs, pats)) = self.keyword_patterns()
                {
                    self.eat(T::Comma);
                    if self.eat(T::Rpar) {
                        return build(self, positional, attrs, pats);
                    }
                }
            }
            self.pos = after_paren;
            if self.failed() {
                return None;
            }
            if let Some((attrs, pats)) = self.keyword_patterns() {
                self.eat(T::Comma);
                if self.eat(T::Rpar) {
                    return build(self, &[], attrs, pats);
                }
            }
            None
        })();
        if r.is_some() || self.failed() {
            return r;
        }
        self.pos = start;
        if self.invalid_pass {
            self.invalid_class_pattern();
            self.pos = start;
        }
        None
    }

    /// `positional_patterns: ','.pattern+`
    pub(super) fn positional_patterns(&mut self) -> Option<&'a [Pattern<'a>]> {
        let mut v = self.vec();
        loop {
            let save = self.pos;
            if !v.is_empty() && !self.eat(T::Comma) {
                break;
            }
            match self.pattern() {
                Some(p) => v.push(p),
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        if v.is_empty() {
            None
        } else {
            Some(arena::into_slice(v))
        }
    }

    /// `keyword_patterns: ','.keyword_pattern+` with `keyword_pattern: NAME '=' pattern`
    pub(super) fn keyword_patterns(&mut self) -> Option<(&'a [&'a str], &'a [Pattern<'a>])> {
        let mut attrs = self.vec();
        let mut pats = self.vec();
        loop {
            let save = self.pos;
            if !attrs.is_empty() && !self.eat(T::Comma) {
                break;
            }
            let item = (|| {
                let (name, _) = self.name_ident()?;
                if !self.eat(T::Equal) {
                    return None;
                }
                Some((name, self.pattern()?))
            })();
            match item {
                Some((n, p)) => {
                    attrs.push(n);
                    pats.push(p);
                }
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        if attrs.is_empty() {
            None
        } else {
            Some((arena::into_slice(attrs), arena::into_slice(pats)))
        }
    }
}
