//! Assignment and deletion targets (`star_targets`, `single_target`, `del_targets`,
//! `t_primary`) and expression-context rewriting (`_PyPegen_set_expr_context`).

use super::Parser;
use super::memo::{Rule, memoized};
use crate::ast::*;
use crate::parse::token::TokenKind as T;

impl<'a> Parser<'a, '_> {
    /// `_PyPegen_set_expr_context`: the same node with `ctx` (recursively for tuples, lists
    /// and starred); other kinds are returned unchanged.
    pub(super) fn with_ctx(&self, e: Expr<'a>, ctx: ExprContext) -> Expr<'a> {
        let kind = match e.kind {
            ExprKind::Name { id, .. } => ExprKind::Name { id, ctx },
            ExprKind::Tuple { elts, .. } => ExprKind::Tuple {
                elts: self.slice_with_ctx(elts, ctx),
                ctx,
            },
            ExprKind::List { elts, .. } => ExprKind::List {
                elts: self.slice_with_ctx(elts, ctx),
                ctx,
            },
            ExprKind::Subscript { value, slice, .. } => ExprKind::Subscript { value, slice, ctx },
            ExprKind::Attribute { value, attr, .. } => ExprKind::Attribute { value, attr, ctx },
            ExprKind::Starred { value, .. } => ExprKind::Starred {
                value: self.alloc(self.with_ctx(*value, ctx)),
                ctx,
            },
            _ => return e,
        };
        Expr { kind, span: e.span }
    }

    fn slice_with_ctx(&self, elts: &'a [Expr<'a>], ctx: ExprContext) -> &'a [Expr<'a>] {
        self.arena
            .alloc_slice_fill_iter(elts.iter().map(|e| self.with_ctx(*e, ctx)))
    }

    /// `star_targets: star_target !',' | star_target (',' star_target)* [',']`
    pub(super) fn star_targets(&mut self) -> Option<Expr<'a>> {
        let start = self.pos;
        let first = self.star_target()?;
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
            match self.star_target() {
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
                ctx: ExprContext::Store,
            },
            self.span_from(start),
        ))
    }

    /// `star_targets_list_seq: ','.star_target+ [',']`
    fn star_targets_list_seq(&mut self) -> Option<&'a [Expr<'a>]> {
        let first = self.star_target()?;
        let mut elts = self.vec();
        elts.push(first);
        loop {
            let save = self.pos;
            if !self.eat(T::Comma) {
                break;
            }
            match self.star_target() {
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

    /// `star_targets_tuple_seq: star_target (',' star_target)+ [','] | star_target ','`
    fn star_targets_tuple_seq(&mut self) -> Option<&'a [Expr<'a>]> {
        let start = self.pos;
        let elts = self.star_targets_list_seq()?;
        // A single target needs its comma: `(a)` is not a tuple target.
        if elts.len() == 1 && self.tok(self.pos - 1).kind != T::Comma {
            self.pos = start;
            return None;
        }
        Some(elts)
    }

    /// `star_target (memo): '*' (!'*' star_target) | target_with_star_atom`
    pub(super) fn star_target(&mut self) -> Option<Expr<'a>> {
        memoized!(
            self,
            expr,
            put_expr,
            Rule::StarTarget,
            self.nest(Self::star_target_body)
        )
    }

    fn star_target_body(&mut self) -> Option<Expr<'a>> {
        let start = self.pos;
        if self.eat(T::Star) {
            if !self.at(T::Star)
                && let Some(inner) = self.star_target()
            {
                let value = self.with_ctx(inner, ExprContext::Store);
                let kind = ExprKind::Starred {
                    value: self.alloc(value),
                    ctx: ExprContext::Store,
                };
                return Some(self.expr(kind, self.span_from(start)));
            }
            self.pos = start;
            return None;
        }
        self.target_with_star_atom()
    }

    /// `target_with_star_atom: t_primary '.' NAME !t_lookahead
    ///     | t_primary '[' slices ']' !t_lookahead | star_atom`
    pub(super) fn target_with_star_atom(&mut self) -> Option<Expr<'a>> {
        self.nest(|p| {
            if let Some(e) = p.subscript_attribute_target(ExprContext::Store) {
                return Some(e);
            }
            p.star_atom()
        })
    }

    /// `t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead` with `ctx`
    /// (`single_subscript_attribute_target` and the first alternatives of `del_target`).
    pub(super) fn subscript_attribute_target(&mut self, ctx: ExprContext) -> Option<Expr<'a>> {
        let start = self.pos;
        let value = self.t_primary()?;
        let after = self.pos;
        if self.eat(T::Dot)
            && let Some((attr, _)) = self.name_ident()
            && !self.t_lookahead()
        {
            let kind = ExprKind::Attribute {
                value: self.alloc(value),
                attr,
                ctx,
            };
            return Some(self.expr(kind, self.span_from(start)));
        }
        self.pos = after;
        if self.eat(T::Lsqb)
            && let Some(slice) = self.slices()
            && self.eat(T::Rsqb)
            && !self.t_lookahead()
        {
            let kind = ExprKind::Subscript {
                value: self.alloc(value),
                slice: self.alloc(slice),
                ctx,
            };
            return Some(self.expr(kind, self.span_from(start)));
        }
        self.pos = start;
        None
    }

    /// `t_lookahead: '(' | '[' | '.'`
    fn t_lookahead(&mut self) -> bool {
        matches!(self.peek(), T::Lpar | T::Lsqb | T::Dot)
    }

    /// `t_primary` (left-recursive): an atom followed by trailers, each of which must itself
    /// be followed by `(`, `[` or `.`; the result stops before the last trailer.
    pub(super) fn t_primary(&mut self) -> Option<Expr<'a>> {
        // The commonest case, a NAME that no `(`, `[` or `.` follows (the first word of
        // `x = ...`, `print(...)` is the other case), fails after looking at the same two
        // tokens as the rule; skipping the memo then changes nothing but its cost. Not where
        // the rule's frames could reach `MAX_DEPTH`, whose error the rule would raise.
        if self.depth + 3 <= super::MAX_DEPTH
            && !self.failed()
            && self.peek() == T::Name
            && !matches!(self.kind_at(self.pos + 1), T::Lpar | T::Lsqb | T::Dot)
        {
            return None;
        }
        memoized!(
            self,
            expr,
            put_expr,
            Rule::TPrimary,
            self.nest_by(2, Self::t_primary_body)
        )
    }

    fn t_primary_body(&mut self) -> Option<Expr<'a>> {
        let start = self.pos;
        let mut value = self.atom()?;
        if !self.t_lookahead() {
            self.pos = start;
            return None;
        }
        while let Some(next) = self.t_primary_trailer(start, value) {
            value = next;
        }
        Some(value)
    }

    fn t_primary_trailer(&mut self, start: usize, value: Expr<'a>) -> Option<Expr<'a>> {
        let save = self.pos;
        match self.peek() {
            T::Dot => {
                self.pos += 1;
                if let Some((attr, _)) = self.name_ident()
                    && self.t_lookahead()
                {
                    let kind = ExprKind::Attribute {
                        value: self.alloc(value),
                        attr,
                        ctx: ExprContext::Load,
                    };
                    return Some(self.expr(kind, self.span_from(start)));
                }
            }
            T::Lsqb => {
                self.pos += 1;
                if let Some(slice) = self.slices()
                    && self.eat(T::Rsqb)
                    && self.t_lookahead()
                {
                    let kind = ExprKind::Subscript {
                        value: self.alloc(value),
                        slice: self.alloc(slice),
                        ctx: ExprContext::Load,
                    };
                    return Some(self.expr(kind, self.span_from(start)));
                }
                // `t_primary genexp` comes next; in the error pass `genexp` falls into
                // `invalid_comprehension`, which also looks into `[` and `{` displays.
                if self.invalid_pass && !self.failed() {
                    self.pos = save;
                    self.genexp();
                }
            }
            T::Lbrace if self.invalid_pass => {
                self.genexp();
            }
            T::Lpar => {
                if let Some(g) = self.genexp()
                    && self.t_lookahead()
                {
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
                if self.eat(T::Rpar) && self.t_lookahead() {
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
            _ => {}
        }
        self.pos = save;
        None
    }

    /// `star_atom: NAME | '(' target_with_star_atom ')' | '(' [star_targets_tuple_seq] ')'
    ///     | '[' [star_targets_list_seq] ']'`
    fn star_atom(&mut self) -> Option<Expr<'a>> {
        let start = self.pos;
        match self.peek() {
            T::Name => {
                let n = self.name()?;
                Some(self.with_ctx(n, ExprContext::Store))
            }
            T::Lpar => {
                self.pos += 1;
                if let Some(inner) = self.target_with_star_atom()
                    && self.eat(T::Rpar)
                {
                    return Some(self.with_ctx(inner, ExprContext::Store));
                }
                self.pos = start + 1;
                let elts = self.optional(Self::star_targets_tuple_seq).unwrap_or(&[]);
                if self.eat(T::Rpar) {
                    return Some(self.expr(
                        ExprKind::Tuple {
                            elts,
                            ctx: ExprContext::Store,
                        },
                        self.span_from(start),
                    ));
                }
                self.pos = start;
                None
            }
            T::Lsqb => {
                self.pos += 1;
                let elts = self.optional(Self::star_targets_list_seq).unwrap_or(&[]);
                if self.eat(T::Rsqb) {
                    return Some(self.expr(
                        ExprKind::List {
                            elts,
                            ctx: ExprContext::Store,
                        },
                        self.span_from(start),
                    ));
                }
                self.pos = start;
                None
            }
            _ => None,
        }
    }

    /// `single_target: single_subscript_attribute_target | NAME | '(' single_target ')'`
    pub(super) fn single_target(&mut self) -> Option<Expr<'a>> {
        self.nest(|p| {
            let start = p.pos;
            if let Some(e) = p.subscript_attribute_target(ExprContext::Store) {
                return Some(e);
            }
            if let Some(n) = p.name() {
                return Some(p.with_ctx(n, ExprContext::Store));
            }
            if p.eat(T::Lpar)
                && let Some(inner) = p.single_target()
                && p.eat(T::Rpar)
            {
                return Some(inner);
            }
            p.pos = start;
            None
        })
    }

    /// `del_targets: ','.del_target+ [',']`
    pub(super) fn del_targets(&mut self) -> Option<&'a [Expr<'a>]> {
        let first = self.del_target()?;
        let mut elts = self.vec();
        elts.push(first);
        loop {
            let save = self.pos;
            if !self.eat(T::Comma) {
                break;
            }
            match self.del_target() {
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

    /// `del_target (memo): t_primary '.' NAME !t_lookahead
    ///     | t_primary '[' slices ']' !t_lookahead | del_t_atom`
    fn del_target(&mut self) -> Option<Expr<'a>> {
        memoized!(
            self,
            expr,
            put_expr,
            Rule::DelTarget,
            self.nest(Self::del_target_body)
        )
    }

    fn del_target_body(&mut self) -> Option<Expr<'a>> {
        if let Some(e) = self.subscript_attribute_target(ExprContext::Del) {
            return Some(e);
        }
        let start = self.pos;
        match self.peek() {
            T::Name => {
                let n = self.name()?;
                Some(self.with_ctx(n, ExprContext::Del))
            }
            T::Lpar => {
                self.pos += 1;
                if let Some(inner) = self.del_target()
                    && self.eat(T::Rpar)
                {
                    return Some(self.with_ctx(inner, ExprContext::Del));
                }
                self.pos = start + 1;
                let elts = self.optional(Self::del_targets).unwrap_or(&[]);
                if self.eat(T::Rpar) {
                    return Some(self.expr(
                        ExprKind::Tuple {
                            elts,
                            ctx: ExprContext::Del,
                        },
                        self.span_from(start),
                    ));
                }
                self.pos = start;
                None
            }
            T::Lsqb => {
                self.pos += 1;
                let elts = self.optional(Self::del_targets).unwrap_or(&[]);
                if self.eat(T::Rsqb) {
                    return Some(self.expr(
                        ExprKind::List {
                            elts,
                            ctx: ExprContext::Del,
                        },
                        self.span_from(start),
                    ));
                }
                self.pos = start;
                None
            }
            _ => None,
        }
    }
}
