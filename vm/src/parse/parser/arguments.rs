//! Call arguments (`arguments`, `args`, `kwargs`) and the parameter lists of `def` and
//! `lambda` (`params`, `lambda_params` and their slash/star/default pieces).

use super::Parser;
use super::memo::{Rule, memoized};
use crate::ast::*;
use crate::parse::token::TokenKind as T;

/// The positional and keyword arguments of a call.
#[derive(Clone, Copy)]
pub(crate) struct CallArgs<'a> {
    pub args: &'a [Expr<'a>],
    pub keywords: &'a [Keyword<'a>],
}

/// An item of `kwargs`: a keyword argument or a starred positional one.
#[derive(Clone, Copy)]
pub(super) enum KwItem<'a> {
    Keyword(Keyword<'a>),
    Starred(Expr<'a>),
}

/// A parameter with its optional default (`NameDefaultPair`).
#[derive(Clone, Copy)]
pub(super) struct ParamDefault<'a> {
    pub arg: Arg<'a>,
    pub default: Option<Expr<'a>>,
}

/// `*args, kwonly..., **kwargs` (`StarEtc`).
#[derive(Clone, Copy, Default)]
pub(super) struct StarEtc<'a> {
    vararg: Option<Arg<'a>>,
    kwonly: &'a [ParamDefault<'a>],
    kwarg: Option<Arg<'a>>,
}

/// Which parameter list: `def` (annotations, closed by `)`) or `lambda` (closed by `:`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum ParamStyle {
    Def,
    Lambda,
}

impl ParamStyle {
    fn closer(self) -> T {
        match self {
            ParamStyle::Def => T::Rpar,
            ParamStyle::Lambda => T::Colon,
        }
    }
}

impl<'a> Parser<'a, '_> {
    // --- Call arguments -----------------------------------------------------------------

    /// `arguments (memo): args [','] &')' | invalid_arguments`
    pub(super) fn arguments(&mut self) -> Option<CallArgs<'a>> {
        memoized!(
            self,
            args,
            put_args,
            Rule::Arguments,
            self.nest(Self::arguments_body)
        )
    }

    fn arguments_body(&mut self) -> Option<CallArgs<'a>> {
        let start = self.pos;
        if let Some(a) = self.args() {
            self.eat(T::Comma);
            if self.at(T::Rpar) {
                return Some(a);
            }
        }
        self.pos = start;
        if self.invalid_pass && !self.failed() {
            self.invalid_arguments();
            self.pos = start;
        }
        None
    }

    /// `args: ','.(starred_expression | (assignment_expression | expression !':=') !'=')+
    ///     [',' kwargs] | kwargs`
    pub(super) fn args(&mut self) -> Option<CallArgs<'a>> {
        let start = self.pos;
        let mut positional = self.vec();
        loop {
            let save = self.pos;
            if !positional.is_empty() && !self.eat(T::Comma) {
                break;
            }
            match self.positional_arg() {
                Some(e) => positional.push(e),
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        if positional.is_empty() {
            self.pos = start;
            let items = self.kwargs()?;
            return Some(self.collect_call(&[], items));
        }
        let save = self.pos;
        let items = if self.eat(T::Comma) {
            self.kwargs()
        } else {
            None
        };
        if items.is_none() {
            self.pos = save;
        }
        let positional = arena::into_slice(positional);
        Some(self.collect_call(positional, items.unwrap_or(&[])))
    }

    /// `starred_expression | (assignment_expression | expression !':=') !'='`
    fn positional_arg(&mut self) -> Option<Expr<'a>> {
        let start = self.pos;
        if let Some(e) = self.starred_expression() {
            return Some(e);
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
        match e {
            Some(e) if !self.at(T::Equal) => Some(e),
            _ => {
                self.pos = start;
                None
            }
        }
    }

    /// `_PyPegen_collect_call_seqs`: positional arguments first, then the starred items of
    /// `kwargs`; keywords keep their order.
    fn collect_call(
        &mut self,
        positional: &'a [Expr<'a>],
        items: &'a [KwItem<'a>],
    ) -> CallArgs<'a> {
        let n_starred = items
            .iter()
            .filter(|i| matches!(i, KwItem::Starred(_)))
            .count();
        let args = if n_starred == 0 {
            positional
        } else {
            let mut v = self.arena.vec_with_capacity(positional.len() + n_starred);
            v.extend_from_slice(positional);
            v.extend(items.iter().filter_map(|i| {
                if let KwItem::Starred(e) = i {
                    Some(*e)
                } else {
                    None
                }
            }));
            arena::into_slice(v)
        };
        let mut kws = self.arena.vec_with_capacity(items.len() - n_starred);
        kws.extend(items.iter().filter_map(|i| {
            if let KwItem::Keyword(k) = i {
                Some(*k)
            } else {
                None
            }
        }));
        CallArgs {
            args,
            keywords: arena::into_slice(kws),
        }
    }

    /// `kwargs: ','.kwarg_or_starred+ ',' ','.kwarg_or_double_starred+
    ///     | ','.kwarg_or_starred+ | ','.kwarg_or_double_starred+`
    pub(super) fn kwargs(&mut self) -> Option<&'a [KwItem<'a>]> {
        let start = self.pos;
        let mut items = self.vec();
        self.kwarg_gather(&mut items, false);
        if items.is_empty() {
            self.pos = start;
            self.kwarg_gather(&mut items, true);
            if items.is_empty() {
                self.pos = start;
                return None;
            }
            return Some(arena::into_slice(items));
        }
        let save = self.pos;
        let n = items.len();
        if self.eat(T::Comma) {
            self.kwarg_gather(&mut items, true);
        }
        if items.len() == n {
            self.pos = save;
        }
        Some(arena::into_slice(items))
    }

    /// `','.kwarg_or_starred+` (or `kwarg_or_double_starred` when `double`), appended.
    fn kwarg_gather(&mut self, items: &mut arena::ArenaVec<'a, KwItem<'a>>, double: bool) {
        let first = items.len();
        loop {
            let save = self.pos;
            if items.len() > first && !self.eat(T::Comma) {
                break;
            }
            match self.kwarg_item(double) {
                Some(k) => items.push(k),
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
    }

    /// `kwarg_or_starred: invalid_kwarg | NAME '=' expression | starred_expression` and
    /// `kwarg_or_double_starred: invalid_kwarg | NAME '=' expression | '**' expression`
    fn kwarg_item(&mut self, double: bool) -> Option<KwItem<'a>> {
        let start = self.pos;
        if self.invalid_pass {
            self.invalid_kwarg();
            self.pos = start;
            if self.failed() {
                return None;
            }
        }
        if self.peek() == T::Name && self.kind_at(start + 1) == T::Equal {
            let arg = self.ident(start);
            self.pos = start + 2;
            if let Some(value) = self.expression() {
                let span = self.span_from(start);
                return Some(KwItem::Keyword(Keyword {
                    arg: Some(arg),
                    value: self.alloc(value),
                    span,
                }));
            }
            self.pos = start;
        }
        if double {
            if self.eat(T::DoubleStar)
                && let Some(value) = self.expression()
            {
                let span = self.span_from(start);
                return Some(KwItem::Keyword(Keyword {
                    arg: None,
                    value: self.alloc(value),
                    span,
                }));
            }
            self.pos = start;
            None
        } else {
            self.starred_expression().map(KwItem::Starred)
        }
    }

    /// `starred_expression: invalid_starred_expression_unpacking | '*' expression
    ///     | invalid_starred_expression`
    pub(super) fn starred_expression(&mut self) -> Option<Expr<'a>> {
        let start = self.pos;
        if self.invalid_pass {
            self.invalid_starred_expression_unpacking();
            self.pos = start;
            if self.failed() {
                return None;
            }
        }
        if self.eat(T::Star)
            && let Some(value) = self.expression()
        {
            let kind = ExprKind::Starred {
                value: self.alloc(value),
                ctx: ExprContext::Load,
            };
            return Some(self.expr(kind, self.span_from(start)));
        }
        self.pos = start;
        if self.invalid_pass {
            self.invalid_starred_expression();
            self.pos = start;
        }
        None
    }

    // --- Parameters -----------------------------------------------------------------------

    /// `params: invalid_parameters | parameters` (and `lambda_params`).
    pub(super) fn params(&mut self, style: ParamStyle) -> Option<Arguments<'a>> {
        let start = self.pos;
        if self.invalid_pass {
            self.invalid_parameters(style);
            self.pos = start;
            if self.failed() {
                return None;
            }
        }
        let r = self.parameters(style);
        if r.is_none() {
            self.pos = start;
        }
        r
    }

    /// `parameters` / `lambda_parameters`, alternatives in grammar order.
    fn parameters(&mut self, style: ParamStyle) -> Option<Arguments<'a>> {
        let start = self.pos;
        // slash_no_default param_no_default* param_with_default* [star_etc]
        if let Some(slash) = self.slash_no_default(style) {
            let plain = self.param_no_default_star(style);
            let with_default = self.param_with_default_star(style);
            let star = self.optional_star_etc(style);
            return Some(self.make_arguments(slash, &[], plain, with_default, star));
        }
        self.pos = start;
        // slash_with_default param_with_default* [star_etc]
        if let Some((plain_slash, default_slash)) = self.slash_with_default(style) {
            let with_default = self.param_with_default_star(style);
            let star = self.optional_star_etc(style);
            let mut names = self
                .arena
                .vec_with_capacity(plain_slash.len() + default_slash.len());
            names.extend(plain_slash.iter().copied());
            names.extend(default_slash.iter().map(|p| p.arg));
            let posonly = arena::into_slice(names);
            return Some(self.make_arguments(posonly, default_slash, &[], with_default, star));
        }
        self.pos = start;
        // param_no_default+ param_with_default* [star_etc]
        let plain = self.param_no_default_star(style);
        if !plain.is_empty() {
            let with_default = self.param_with_default_star(style);
            let star = self.optional_star_etc(style);
            return Some(self.make_arguments(&[], &[], plain, with_default, star));
        }
        self.pos = start;
        // param_with_default+ [star_etc]
        let with_default = self.param_with_default_star(style);
        if !with_default.is_empty() {
            let star = self.optional_star_etc(style);
            return Some(self.make_arguments(&[], &[], &[], with_default, star));
        }
        self.pos = start;
        // star_etc
        let star = self.star_etc(style)?;
        Some(self.make_arguments(&[], &[], &[], &[], Some(star)))
    }

    fn optional_star_etc(&mut self, style: ParamStyle) -> Option<StarEtc<'a>> {
        let save = self.pos;
        let r = self.star_etc(style);
        if r.is_none() {
            self.pos = save;
        }
        r
    }

    /// `_PyPegen_make_arguments`.
    fn make_arguments(
        &mut self,
        posonly: &'a [Arg<'a>],
        posonly_defaults: &'a [ParamDefault<'a>],
        plain: &'a [Arg<'a>],
        with_default: &'a [ParamDefault<'a>],
        star: Option<StarEtc<'a>>,
    ) -> Arguments<'a> {
        let args = if with_default.is_empty() {
            plain
        } else {
            let mut v = self
                .arena
                .vec_with_capacity(plain.len() + with_default.len());
            v.extend_from_slice(plain);
            v.extend(with_default.iter().map(|p| p.arg));
            arena::into_slice(v)
        };
        let mut defaults = self
            .arena
            .vec_with_capacity(posonly_defaults.len() + with_default.len());
        defaults.extend(
            posonly_defaults
                .iter()
                .chain(with_default)
                .filter_map(|p| p.default),
        );
        let star = star.unwrap_or_default();
        let kwonlyargs = self
            .arena
            .alloc_slice_fill_iter(star.kwonly.iter().map(|p| p.arg));
        let kw_defaults = self
            .arena
            .alloc_slice_fill_iter(star.kwonly.iter().map(|p| p.default.map(|d| self.alloc(d))));
        Arguments {
            posonlyargs: posonly,
            args,
            vararg: star.vararg.map(|a| self.alloc(a)),
            kwonlyargs,
            kw_defaults,
            kwarg: star.kwarg.map(|a| self.alloc(a)),
            defaults: arena::into_slice(defaults),
        }
    }

    /// `slash_no_default: param_no_default+ '/' ',' | param_no_default+ '/' &')'`
    pub(super) fn slash_no_default(&mut self, style: ParamStyle) -> Option<&'a [Arg<'a>]> {
        let start = self.pos;
        let plain = self.param_no_default_star(style);
        if !plain.is_empty()
            && self.eat(T::Slash)
            && (self.eat(T::Comma) || self.at(style.closer()))
        {
            return Some(plain);
        }
        self.pos = start;
        None
    }

    /// `slash_with_default: param_no_default* param_with_default+ '/' ','
    ///     | param_no_default* param_with_default+ '/' &')'`
    pub(super) fn slash_with_default(
        &mut self,
        style: ParamStyle,
    ) -> Option<(&'a [Arg<'a>], &'a [ParamDefault<'a>])> {
        let start = self.pos;
        let plain = self.param_no_default_star(style);
        let with_default = self.param_with_default_star(style);
        if !with_default.is_empty()
            && self.eat(T::Slash)
            && (self.eat(T::Comma) || self.at(style.closer()))
        {
            return Some((plain, with_default));
        }
        self.pos = start;
        None
    }

    /// `star_etc: invalid_star_etc | '*' param_no_default param_maybe_default* [kwds]
    ///     | '*' param_no_default_star_annotation param_maybe_default* [kwds]
    ///     | '*' ',' param_maybe_default+ [kwds] | kwds`
    pub(super) fn star_etc(&mut self, style: ParamStyle) -> Option<StarEtc<'a>> {
        let start = self.pos;
        if self.invalid_pass {
            self.invalid_star_etc(style);
            self.pos = start;
            if self.failed() {
                return None;
            }
        }
        if self.eat(T::Star) {
            let after_star = self.pos;
            let vararg = self.param_no_default(style).or_else(|| {
                self.pos = after_star;
                if style == ParamStyle::Def {
                    self.param_no_default_star_annotation()
                } else {
                    None
                }
            });
            if let Some(vararg) = vararg {
                let kwonly = self.param_maybe_default_star(style);
                let kwarg = self.optional_kwds(style);
                return Some(StarEtc {
                    vararg: Some(vararg),
                    kwonly,
                    kwarg,
                });
            }
            self.pos = after_star;
            if self.eat(T::Comma) {
                let kwonly = self.param_maybe_default_star(style);
                if !kwonly.is_empty() {
                    let kwarg = self.optional_kwds(style);
                    return Some(StarEtc {
                        vararg: None,
                        kwonly,
                        kwarg,
                    });
                }
            }
            self.pos = start;
        }
        let kwarg = self.kwds(style)?;
        Some(StarEtc {
            vararg: None,
            kwonly: &[],
            kwarg: Some(kwarg),
        })
    }

    fn optional_kwds(&mut self, style: ParamStyle) -> Option<Arg<'a>> {
        let save = self.pos;
        let r = self.kwds(style);
        if r.is_none() {
            self.pos = save;
        }
        r
    }

    /// `kwds: invalid_kwds | '**' param_no_default`
    fn kwds(&mut self, style: ParamStyle) -> Option<Arg<'a>> {
        let start = self.pos;
        if self.invalid_pass {
            self.invalid_kwds(style);
            self.pos = start;
            if self.failed() {
                return None;
            }
        }
        if self.eat(T::DoubleStar)
            && let Some(a) = self.param_no_default(style)
        {
            return Some(a);
        }
        self.pos = start;
        None
    }

    /// `param_no_default*` as a slice.
    pub(super) fn param_no_default_star(&mut self, style: ParamStyle) -> &'a [Arg<'a>] {
        let mut v = self.vec();
        loop {
            let save = self.pos;
            match self.param_no_default(style) {
                Some(a) => v.push(a),
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        arena::into_slice(v)
    }

    /// `param_with_default*` as a slice.
    pub(super) fn param_with_default_star(&mut self, style: ParamStyle) -> &'a [ParamDefault<'a>] {
        self.param_default_star(style, true)
    }

    /// `param_maybe_default*` as a slice.
    pub(super) fn param_maybe_default_star(&mut self, style: ParamStyle) -> &'a [ParamDefault<'a>] {
        self.param_default_star(style, false)
    }

    fn param_default_star(&mut self, style: ParamStyle, required: bool) -> &'a [ParamDefault<'a>] {
        let mut v = self.vec();
        loop {
            let save = self.pos;
            match self.param_with_maybe_default(style, required) {
                Some(a) => v.push(a),
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        arena::into_slice(v)
    }

    /// `param_no_default: param ',' | param &')'` (lambda: `&':'`)
    pub(super) fn param_no_default(&mut self, style: ParamStyle) -> Option<Arg<'a>> {
        let start = self.pos;
        let a = self.param(style)?;
        if self.eat(T::Comma) || self.at(style.closer()) {
            return Some(a);
        }
        self.pos = start;
        None
    }

    /// `param_no_default_star_annotation: NAME star_annotation (',' | &')')`
    fn param_no_default_star_annotation(&mut self) -> Option<Arg<'a>> {
        let start = self.pos;
        let r = (|| {
            let (arg, _) = self.name_ident()?;
            if !self.eat(T::Colon) {
                return None;
            }
            let ann = self.star_expression()?;
            let span = self.span_from(start);
            if self.eat(T::Comma) || self.at(T::Rpar) {
                Some(Arg {
                    arg,
                    annotation: Some(self.alloc(ann)),
                    span,
                })
            } else {
                None
            }
        })();
        if r.is_none() {
            self.pos = start;
        }
        r
    }

    /// `param_with_default: param default (',' | &')')` when `required`, else
    /// `param_maybe_default: param default? (',' | &')')`.
    fn param_with_maybe_default(
        &mut self,
        style: ParamStyle,
        required: bool,
    ) -> Option<ParamDefault<'a>> {
        let start = self.pos;
        let r = (|| {
            let arg = self.param(style)?;
            let save = self.pos;
            let default = self.default();
            if default.is_none() {
                if required {
                    return None;
                }
                self.pos = save;
            }
            if self.eat(T::Comma) || self.at(style.closer()) {
                Some(ParamDefault { arg, default })
            } else {
                None
            }
        })();
        if r.is_none() {
            self.pos = start;
        }
        r
    }

    /// `param: NAME annotation?` (lambda: `NAME`)
    pub(super) fn param(&mut self, style: ParamStyle) -> Option<Arg<'a>> {
        let start = self.pos;
        let (arg, _) = self.name_ident()?;
        let mut annotation = None;
        if style == ParamStyle::Def {
            let save = self.pos;
            if self.eat(T::Colon) {
                match self.expression() {
                    Some(e) => annotation = Some(self.alloc(e)),
                    None => self.pos = save,
                }
            }
        }
        Some(Arg {
            arg,
            annotation,
            span: self.span_from(start),
        })
    }

    /// `default: '=' expression | invalid_default`
    pub(super) fn default(&mut self) -> Option<Expr<'a>> {
        let start = self.pos;
        if self.eat(T::Equal)
            && let Some(e) = self.expression()
        {
            return Some(e);
        }
        self.pos = start;
        if self.invalid_pass {
            self.invalid_default();
            self.pos = start;
        }
        None
    }

    /// `lambdef: 'lambda' [lambda_params] ':' expression`
    pub(super) fn lambdef(&mut self) -> Option<Expr<'a>> {
        let start = self.pos;
        if !self.eat(T::Lambda) {
            return None;
        }
        let r = self.nest(|p| {
            let after = p.pos;
            let params = p.params(ParamStyle::Lambda);
            if params.is_none() {
                p.pos = after;
            }
            if !p.eat(T::Colon) {
                return None;
            }
            let body = p.expression()?;
            let args = match params {
                Some(a) => p.alloc(a),
                None => p.alloc(Arguments::EMPTY),
            };
            Some(p.expr(
                ExprKind::Lambda {
                    args,
                    body: p.alloc(body),
                },
                p.span_from(start),
            ))
        });
        if r.is_none() {
            self.pos = start;
        }
        r
    }
}
