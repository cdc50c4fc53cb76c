//! Primaries and atoms: attribute, call and subscript chains, slices, names and literals,
//! parenthesized forms, list/tuple/set/dict displays and comprehensions.

use super::{Parser, rule_frame};
use crate::ast::*;
use crate::parse::token::TokenKind as T;

impl<'a> Parser<'a, '_> {
    /// `primary (left-recursive): primary '.' NAME | primary genexp
    ///     | primary '(' [arguments] ')' | primary '[' slices ']' | atom`
    pub(super) fn primary(&mut self) -> Option<Expr<'a>> {
        if let Some(ahead) = self.primary_ahead
            && ahead.start == self.pos
            && ahead.depth == self.depth
            && !self.error_pass
        {
            self.primary_ahead = None;
            self.pos = ahead.end;
            return Some(ahead.value);
        }
        self.nest_by(2, |p| {
            let start = p.pos;
            let mut value = p.atom()?;
            while let Some(next) = p.primary_trailer(start, value, ExprContext::Load) {
                value = next;
            }
            Some(value)
        })
    }

    /// One `.NAME`, genexp call, call or subscript applied to `value` (which started at token
    /// `start`); the cursor is restored when none applies.
    pub(super) fn primary_trailer(
        &mut self,
        start: usize,
        value: Expr<'a>,
        ctx: ExprContext,
    ) -> Option<Expr<'a>> {
        let save = self.pos;
        match self.peek() {
            T::Dot => {
                self.pos += 1;
                if let Some((attr, _)) = self.name_ident() {
                    let kind = ExprKind::Attribute {
                        value: self.alloc(value),
                        attr,
                        ctx,
                    };
                    return Some(self.expr(kind, self.span_from(start)));
                }
            }
            T::Lpar => {
                if let Some(g) = self.genexp() {
                    let args = self.arena.alloc_slice_copy(&[g]);
                    let kind = ExprKind::Call {
                        func: self.alloc(value),
                        args,
                        keywords: &[],
                    };
                    return Some(self.expr(kind, self.span_from(start)));
                }
                self.pos = save + 1;
                let args = self.arguments();
                if self.eat(T::Rpar) {
                    let (args, keywords) =
                        args.map_or((&[][..], &[][..]), |a| (a.args, a.keywords));
                    let kind = ExprKind::Call {
                        func: self.alloc(value),
                        args,
                        keywords,
                    };
                    return Some(self.expr(kind, self.span_from(start)));
                }
            }
            T::Lsqb => {
                // `primary genexp` comes first; in the error pass `genexp` falls into
                // `invalid_comprehension`, which also looks into `[` and `{` displays.
                if self.invalid_pass {
                    self.genexp();
                    self.pos = save;
                    if self.failed() {
                        return None;
                    }
                }
                self.pos += 1;
                if let Some(slice) = self.slices()
                    && self.eat(T::Rsqb)
                {
                    let kind = ExprKind::Subscript {
                        value: self.alloc(value),
                        slice: self.alloc(slice),
                        ctx,
                    };
                    return Some(self.expr(kind, self.span_from(start)));
                }
            }
            T::Lbrace if self.invalid_pass => {
                self.genexp();
            }
            _ => {}
        }
        self.pos = save;
        None
    }

    /// `slices: slice !',' | ','.(slice | starred_expression)+ [',']`
    pub(super) fn slices(&mut self) -> Option<Expr<'a>> {
        let start = self.pos;
        if let Some(s) = self.slice()
            && !self.at(T::Comma)
        {
            return Some(s);
        }
        self.pos = start;
        let mut elts = self.vec();
        loop {
            let save = self.pos;
            if !elts.is_empty() && !self.eat(T::Comma) {
                break;
            }
            let item = self.slice().or_else(|| {
                self.pos = if elts.is_empty() { start } else { save + 1 };
                self.starred_expression()
            });
            match item {
                Some(e) => elts.push(e),
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        if elts.is_empty() {
            self.pos = start;
            return None;
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

    /// `slice: [expression] ':' [expression] [':' [expression]] | named_expression`
    fn slice(&mut self) -> Option<Expr<'a>> {
        let start = self.pos;
        let lower = self.expression();
        if lower.is_none() {
            self.pos = start;
        }
        if self.eat(T::Colon) {
            let upper = self.optional(Self::expression);
            let mut step = None;
            let save = self.pos;
            if self.eat(T::Colon) {
                step = self.optional(Self::expression);
            } else {
                self.pos = save;
            }
            let kind = ExprKind::Slice {
                lower: lower.map(|e| self.alloc(e)),
                upper: upper.map(|e| self.alloc(e)),
                step: step.map(|e| self.alloc(e)),
            };
            return Some(self.expr(kind, self.span_from(start)));
        }
        self.pos = start;
        self.named_expression()
    }

    /// `[rule]`: the rule's result, or `None` with the cursor restored.
    pub(super) fn optional<R>(&mut self, rule: fn(&mut Self) -> Option<R>) -> Option<R> {
        let save = self.pos;
        let r = rule(self);
        if r.is_none() {
            self.pos = save;
        }
        r
    }

    /// `atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER | (genexp | tuple | group)
    ///     | (listcomp | list) | (dictcomp | setcomp | dict | set) | '...'`
    pub(super) fn atom(&mut self) -> Option<Expr<'a>> {
        self.nest(Self::atom_body)
    }

    pub(super) fn atom_body(&mut self) -> Option<Expr<'a>> {
        let start = self.pos;
        let constant = match self.peek() {
            T::Name => return self.name(),
            T::True => Constant::Bool(true),
            T::False => Constant::Bool(false),
            T::None => Constant::None,
            T::Ellipsis => Constant::Ellipsis,
            // pegen reaches these alternatives through a lookahead helper rule (one level).
            T::String | T::FstringStart | T::TstringStart => return self.nest(Self::strings),
            T::Number => return self.nest(Self::number),
            T::Lpar => {
                return self.nest(|p| {
                    p.genexp()
                        .or_else(|| {
                            p.pos = start;
                            p.tuple()
                        })
                        .or_else(|| {
                            p.pos = start;
                            p.group()
                        })
                });
            }
            T::Lsqb => {
                return self.nest(|p| {
                    p.listcomp().or_else(|| {
                        p.pos = start;
                        p.list()
                    })
                });
            }
            T::Lbrace => {
                return self.nest(|p| {
                    p.dictcomp()
                        .or_else(|| {
                            p.pos = start;
                            p.setcomp()
                        })
                        .or_else(|| {
                            p.pos = start;
                            p.dict()
                        })
                        .or_else(|| {
                            p.pos = start;
                            p.set()
                        })
                });
            }
            _ => return None,
        };
        self.pos += 1;
        Some(self.expr(
            ExprKind::Constant {
                value: constant,
                kind_u: false,
            },
            self.tok_span(start),
        ))
    }

    /// `group: '(' (yield_expr | named_expression) ')' | invalid_group`
    pub(super) fn group(&mut self) -> Option<Expr<'a>> {
        rule_frame!(self, {
            let start = self.pos;
            if self.eat(T::Lpar) {
                let inner = self.yield_expr().or_else(|| {
                    self.pos = start + 1;
                    self.named_expression()
                });
                if let Some(e) = inner
                    && self.eat(T::Rpar)
                {
                    return Some(e);
                }
            }
            self.pos = start;
            if self.invalid_pass {
                self.invalid_group();
                self.pos = start;
            }
            None
        })
    }

    /// `tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'`
    pub(super) fn tuple(&mut self) -> Option<Expr<'a>> {
        rule_frame!(self, {
            let start = self.pos;
            if !self.eat(T::Lpar) {
                return None;
            }
            let mut elts: &'a [Expr<'a>] = &[];
            let after = self.pos;
            if let Some(first) = self.star_named_expression() {
                if self.eat(T::Comma) {
                    let rest = self.optional(Self::star_named_expressions).unwrap_or(&[]);
                    let mut v = self.arena.vec_with_capacity(rest.len() + 1);
                    v.push(first);
                    v.extend_from_slice(rest);
                    elts = arena::into_slice(v);
                } else {
                    self.pos = after;
                }
            } else {
                self.pos = after;
            }
            if !self.eat(T::Rpar) {
                self.pos = start;
                return None;
            }
            Some(self.expr(
                ExprKind::Tuple {
                    elts,
                    ctx: ExprContext::Load,
                },
                self.span_from(start),
            ))
        })
    }

    /// `list: '[' [star_named_expressions] ']'`
    pub(super) fn list(&mut self) -> Option<Expr<'a>> {
        rule_frame!(self, {
            let start = self.pos;
            if !self.eat(T::Lsqb) {
                return None;
            }
            let elts = self.optional(Self::star_named_expressions).unwrap_or(&[]);
            if !self.eat(T::Rsqb) {
                self.pos = start;
                return None;
            }
            Some(self.expr(
                ExprKind::List {
                    elts,
                    ctx: ExprContext::Load,
                },
                self.span_from(start),
            ))
        })
    }

    /// `set: '{' star_named_expressions '}'`
    fn set(&mut self) -> Option<Expr<'a>> {
        rule_frame!(self, {
            let start = self.pos;
            if !self.eat(T::Lbrace) {
                return None;
            }
            let elts = self.star_named_expressions();
            match elts {
                Some(elts) if self.eat(T::Rbrace) => {
                    Some(self.expr(ExprKind::Set { elts }, self.span_from(start)))
                }
                _ => {
                    self.pos = start;
                    None
                }
            }
        })
    }

    /// `dict: '{' [double_starred_kvpairs] '}' | '{' invalid_double_starred_kvpairs '}'`
    fn dict(&mut self) -> Option<Expr<'a>> {
        rule_frame!(self, {
            let start = self.pos;
            if !self.eat(T::Lbrace) {
                return None;
            }
            let pairs = self.optional(Self::double_starred_kvpairs);
            if self.eat(T::Rbrace) {
                let (keys, values) = pairs.unwrap_or((&[], &[]));
                return Some(self.expr(ExprKind::Dict { keys, values }, self.span_from(start)));
            }
            // Not guarded by the error pass: pegen only skips alternatives that *begin* with
            // an `invalid_*` rule, so this one (and `invalid_kvpair` under it) also runs in
            // the first pass, with the `invalid_*` rules below it off. Its errors are then
            // raised before the error pass ever looks inside the dict.
            self.pos = start + 1;
            if self.invalid_double_starred_kvpairs().is_some() {
                self.eat(T::Rbrace);
            }
            self.pos = start;
            None
        })
    }

    /// `double_starred_kvpairs: ','.double_starred_kvpair+ [',']`
    pub(super) fn double_starred_kvpairs(
        &mut self,
    ) -> Option<(&'a [Option<Expr<'a>>], &'a [Expr<'a>])> {
        let (k, v) = self.double_starred_kvpair()?;
        let mut keys = self.vec();
        let mut values = self.vec();
        keys.push(k);
        values.push(v);
        loop {
            let save = self.pos;
            if !self.eat(T::Comma) {
                break;
            }
            match self.double_starred_kvpair() {
                Some((k, v)) => {
                    keys.push(k);
                    values.push(v);
                }
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        self.eat(T::Comma);
        Some((arena::into_slice(keys), arena::into_slice(values)))
    }

    /// `double_starred_kvpair: '**' bitwise_or | kvpair`
    pub(super) fn double_starred_kvpair(&mut self) -> Option<(Option<Expr<'a>>, Expr<'a>)> {
        let start = self.pos;
        if self.eat(T::DoubleStar) {
            if let Some(v) = self.bitwise_or_memo() {
                return Some((None, v));
            }
            self.pos = start;
        }
        self.kvpair().map(|(k, v)| (Some(k), v))
    }

    /// `kvpair: expression ':' expression`
    pub(super) fn kvpair(&mut self) -> Option<(Expr<'a>, Expr<'a>)> {
        let start = self.pos;
        let r = (|| {
            let k = self.expression()?;
            if !self.eat(T::Colon) {
                return None;
            }
            let v = self.expression()?;
            Some((k, v))
        })();
        if r.is_none() {
            self.pos = start;
        }
        r
    }

    /// `for_if_clauses: for_if_clause+`
    pub(super) fn for_if_clauses(&mut self) -> Option<&'a [Comprehension<'a>]> {
        let first = self.for_if_clause()?;
        let mut v = self.vec();
        v.push(first);
        loop {
            let save = self.pos;
            match self.for_if_clause() {
                Some(c) => v.push(c),
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        Some(arena::into_slice(v))
    }

    /// `for_if_clause: ['async'] 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
    ///     | invalid_for_if_clause | invalid_for_target`
    fn for_if_clause(&mut self) -> Option<Comprehension<'a>> {
        let start = self.pos;
        let is_async = self.eat(T::Async);
        if self.eat(T::For)
            && let Some(target) = self.star_targets()
            && self.eat(T::In)
        {
            // Cut: after 'in' no other alternative is tried.
            let iter = self.disjunction()?;
            let mut ifs = self.vec();
            loop {
                let save = self.pos;
                if !self.eat(T::If) {
                    break;
                }
                match self.disjunction() {
                    Some(e) => ifs.push(e),
                    None => {
                        self.pos = save;
                        break;
                    }
                }
            }
            return Some(Comprehension {
                target: self.alloc(target),
                iter: self.alloc(iter),
                ifs: arena::into_slice(ifs),
                is_async,
            });
        }
        self.pos = start;
        if self.invalid_pass {
            self.invalid_for_if_clause();
            self.pos = start;
            if !self.failed() {
                self.invalid_for_target();
            }
            self.pos = start;
        }
        None
    }

    /// `listcomp: '[' named_expression for_if_clauses ']' | invalid_comprehension`
    fn listcomp(&mut self) -> Option<Expr<'a>> {
        self.comprehension(T::Lsqb, T::Rsqb, |p, elt, generators, span| {
            p.expr(
                ExprKind::ListComp {
                    elt: p.alloc(elt),
                    generators,
                },
                span,
            )
        })
    }

    /// `setcomp: '{' named_expression for_if_clauses '}' | invalid_comprehension`
    fn setcomp(&mut self) -> Option<Expr<'a>> {
        self.comprehension(T::Lbrace, T::Rbrace, |p, elt, generators, span| {
            p.expr(
                ExprKind::SetComp {
                    elt: p.alloc(elt),
                    generators,
                },
                span,
            )
        })
    }

    fn comprehension(
        &mut self,
        open: T,
        close: T,
        build: fn(&mut Self, Expr<'a>, &'a [Comprehension<'a>], Span) -> Expr<'a>,
    ) -> Option<Expr<'a>> {
        rule_frame!(self, {
            let start = self.pos;
            if self.eat(open)
                && let Some(elt) = self.named_expression()
                && let Some(generators) = self.for_if_clauses()
                && self.eat(close)
            {
                let span = self.span_from(start);
                return Some(build(self, elt, generators, span));
            }
            self.pos = start;
            if self.invalid_pass && !self.failed() {
                self.invalid_comprehension();
                self.pos = start;
            }
            None
        })
    }

    /// `genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')'
    ///     | invalid_comprehension`
    pub(super) fn genexp(&mut self) -> Option<Expr<'a>> {
        self.nest_by(2, Self::genexp_body)
    }

    fn genexp_body(&mut self) -> Option<Expr<'a>> {
        let start = self.pos;
        if self.eat(T::Lpar) {
            let elt = self.assignment_expression().or_else(|| {
                self.pos = start + 1;
                let e = self.expression()?;
                if self.at(T::ColonEqual) {
                    None
                } else {
                    Some(e)
                }
            });
            if let Some(elt) = elt
                && let Some(generators) = self.for_if_clauses()
                && self.eat(T::Rpar)
            {
                let kind = ExprKind::GeneratorExp {
                    elt: self.alloc(elt),
                    generators,
                };
                return Some(self.expr(kind, self.span_from(start)));
            }
        }
        self.pos = start;
        if self.invalid_pass && !self.failed() {
            self.invalid_comprehension();
            self.pos = start;
        }
        None
    }

    /// `dictcomp: '{' kvpair for_if_clauses '}' | invalid_dict_comprehension`
    fn dictcomp(&mut self) -> Option<Expr<'a>> {
        rule_frame!(self, {
            let start = self.pos;
            if self.eat(T::Lbrace)
                && let Some((key, value)) = self.kvpair()
                && let Some(generators) = self.for_if_clauses()
                && self.eat(T::Rbrace)
            {
                let kind = ExprKind::DictComp {
                    key: self.alloc(key),
                    value: self.alloc(value),
                    generators,
                };
                return Some(self.expr(kind, self.span_from(start)));
            }
            self.pos = start;
            if self.invalid_pass && !self.failed() {
                self.invalid_dict_comprehension();
                self.pos = start;
            }
            None
        })
    }
}
