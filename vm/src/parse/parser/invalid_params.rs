//! The `invalid_*` rules for `def` and `lambda` parameter lists (misplaced `/` and `*`,
//! defaults, parenthesized parameters) and for f-/t-string replacement fields.

use super::arguments::ParamStyle;
use super::strings::Template;
use super::{Parser, rule_frame};
use crate::parse::ErrorKind;
use crate::parse::token::TokenKind as T;

impl<'a> Parser<'a, '_> {
    /// `slash_no_default | slash_with_default`
    fn any_slash(&mut self, style: ParamStyle) -> Option<()> {
        let start = self.pos;
        if self.slash_no_default(style).is_some() {
            return Some(());
        }
        self.pos = start;
        self.slash_with_default(style).map(|_| ())
    }

    /// `invalid_parameters` / `invalid_lambda_parameters`
    pub(super) fn invalid_parameters(&mut self, style: ParamStyle) {
        rule_frame!(self, {
            let start = self.pos;
            // "/" ','
            if let Some(a) = self.attempt(start, |p| {
                let a = p.expect(T::Slash)?;
                p.expect(T::Comma)?;
                Some(a)
            }) {
                self.raise_at_token("at least one argument must precede /", a);
                return;
            }
            // (slash_no_default | slash_with_default) param_maybe_default* '/'
            if let Some(a) = self.attempt(start, |p| {
                p.any_slash(style)?;
                p.param_maybe_default_star(style);
                p.expect(T::Slash)
            }) {
                self.raise_at_token("/ may appear only once", a);
                return;
            }
            // slash_no_default? param_no_default* invalid_parameters_helper param_no_default
            if let Some(a) = self.attempt(start, |p| {
                let save = p.pos;
                if p.slash_no_default(style).is_none() {
                    p.pos = save;
                }
                p.param_no_default_star(style);
                // invalid_parameters_helper: slash_with_default | param_with_default+
                let save = p.pos;
                if p.slash_with_default(style).is_none() {
                    p.pos = save;
                    if p.param_with_default_star(style).is_empty() {
                        return None;
                    }
                }
                p.param_no_default(style)
            }) {
                self.raise_at(
                    "parameter without a default follows parameter with a default",
                    a.span,
                );
                return;
            }
            // param_no_default* '(' param_no_default+ ','? ')'   (lambda: ','.lambda_param+)
            if let Some((a, b)) = self.attempt(start, |p| {
                p.param_no_default_star(style);
                let a = p.expect(T::Lpar)?;
                if style == ParamStyle::Def {
                    if p.param_no_default_star(style).is_empty() {
                        return None;
                    }
                } else {
                    p.param(style)?;
                    loop {
                        let save = p.pos;
                        if !(p.eat(T::Comma) && p.param(style).is_some()) {
                            p.pos = save;
                            break;
                        }
                    }
                }
                p.eat(T::Comma);
                Some((a, p.expect(T::Rpar)?))
            }) {
                let msg = if style == ParamStyle::Def {
                    "Function parameters cannot be parenthesized"
                } else {
                    "Lambda expression parameters cannot be parenthesized"
                };
                self.raise_token_range(msg, a, b);
                return;
            }
            // [(slash_no_default | slash_with_default)] param_maybe_default* '*'
            //     (',' | param_no_default) param_maybe_default* '/'
            if let Some(a) = self.attempt(start, |p| {
                let save = p.pos;
                if p.any_slash(style).is_none() {
                    p.pos = save;
                }
                p.param_maybe_default_star(style);
                p.expect(T::Star)?;
                if !p.eat(T::Comma) {
                    p.param_no_default(style)?;
                }
                p.param_maybe_default_star(style);
                p.expect(T::Slash)
            }) {
                self.raise_at_token("/ must be ahead of *", a);
                return;
            }
            // param_maybe_default+ '/' '*'
            if let Some(a) = self.attempt(start, |p| {
                if p.param_maybe_default_star(style).is_empty() {
                    return None;
                }
                p.expect(T::Slash)?;
                p.expect(T::Star)
            }) {
                self.raise_at_token("expected comma between / and *", a);
            }
        })
    }

    /// `invalid_star_etc` / `invalid_lambda_star_etc`
    pub(super) fn invalid_star_etc(&mut self, style: ParamStyle) {
        rule_frame!(self, {
            let start = self.pos;
            let closer = if style == ParamStyle::Def {
                T::Rpar
            } else {
                T::Colon
            };
            // '*' (')' | ',' (')' | '**'))
            if let Some(a) = self.attempt(start, |p| {
                let a = p.expect(T::Star)?;
                if p.eat(closer) {
                    return Some(a);
                }
                p.expect(T::Comma)?;
                (p.eat(closer) || p.eat(T::DoubleStar)).then_some(a)
            }) {
                if style == ParamStyle::Def {
                    self.raise_at_token("named arguments must follow bare *", a);
                } else {
                    self.raise_last_token(
                        ErrorKind::SyntaxError,
                        "named arguments must follow bare *",
                    );
                }
                return;
            }
            // '*' param '='
            if let Some(a) = self.attempt(start, |p| {
                p.expect(T::Star)?;
                p.param(style)?;
                p.expect(T::Equal)
            }) {
                self.raise_at_token("var-positional argument cannot have default value", a);
                return;
            }
            // '*' (param_no_default | ',') param_maybe_default* '*' (param_no_default | ',')
            if let Some(a) = self.attempt(start, |p| {
                p.expect(T::Star)?;
                if !p.eat(T::Comma) {
                    p.param_no_default(style)?;
                }
                p.param_maybe_default_star(style);
                let a = p.expect(T::Star)?;
                if !p.eat(T::Comma) {
                    p.param_no_default(style)?;
                }
                Some(a)
            }) {
                self.raise_at_token("* argument may appear only once", a);
            }
        })
    }

    /// `invalid_kwds` / `invalid_lambda_kwds`
    pub(super) fn invalid_kwds(&mut self, style: ParamStyle) {
        rule_frame!(self, {
            let start = self.pos;
            if let Some(a) = self.attempt(start, |p| {
                p.expect(T::DoubleStar)?;
                p.param(style)?;
                p.expect(T::Equal)
            }) {
                self.raise_at_token("var-keyword argument cannot have default value", a);
                return;
            }
            let msg = "arguments cannot follow var-keyword argument";
            if let Some(a) = self.attempt(start, |p| {
                p.expect(T::DoubleStar)?;
                p.param(style)?;
                p.expect(T::Comma)?;
                p.param(style)
            }) {
                self.raise_at(msg, a.span);
                return;
            }
            if let Some(a) = self.attempt(start, |p| {
                p.expect(T::DoubleStar)?;
                p.param(style)?;
                p.expect(T::Comma)?;
                let a = p.pos;
                matches!(p.peek(), T::Star | T::DoubleStar | T::Slash).then_some(a)
            }) {
                self.raise_at_token(msg, a);
            }
        })
    }

    /// `invalid_fstring_replacement_field` / `invalid_tstring_replacement_field`
    pub(super) fn invalid_replacement_field(&mut self, kind: Template) {
        rule_frame!(self, {
            let pre = kind.prefix();
            let start = self.pos;
            for (k, ch) in [
                (T::Equal, '='),
                (T::Exclamation, '!'),
                (T::Colon, ':'),
                (T::Rbrace, '}'),
            ] {
                if let Some(a) = self.attempt(start, |p| {
                    p.expect(T::Lbrace)?;
                    p.expect(k)
                }) {
                    self.raise_at_token(
                        format!("{pre}: valid expression required before '{ch}'"),
                        a,
                    );
                    return;
                }
            }
            // '{' !annotated_rhs
            if self
                .attempt(start, |p| {
                    p.expect(T::Lbrace)?;
                    let save = p.pos;
                    let e = p.annotated_rhs();
                    p.pos = save;
                    e.is_none().then_some(())
                })
                .is_some()
            {
                self.raise_on_next_token(format!("{pre}: expecting a valid expression after '{{'"));
                return;
            }
            // '{' annotated_rhs !('=' | '!' | ':' | '}')
            if self
                .attempt(start, |p| {
                    p.expect(T::Lbrace)?;
                    p.annotated_rhs()?;
                    (!matches!(p.peek(), T::Equal | T::Exclamation | T::Colon | T::Rbrace))
                        .then_some(())
                })
                .is_some()
            {
                self.raise_on_next_token(format!("{pre}: expecting '=', or '!', or ':', or '}}'"));
                return;
            }
            // '{' annotated_rhs '=' !('!' | ':' | '}')
            if self
                .attempt(start, |p| {
                    p.expect(T::Lbrace)?;
                    p.annotated_rhs()?;
                    p.expect(T::Equal)?;
                    (!matches!(p.peek(), T::Exclamation | T::Colon | T::Rbrace)).then_some(())
                })
                .is_some()
            {
                self.raise_on_next_token(format!("{pre}: expecting '!', or ':', or '}}'"));
                return;
            }
            // '{' annotated_rhs '='? invalid_conversion_character
            if let Some(msg) = self.attempt(start, |p| {
                p.expect(T::Lbrace)?;
                p.annotated_rhs()?;
                p.eat(T::Equal);
                p.expect(T::Exclamation)?;
                if matches!(p.peek(), T::Colon | T::Rbrace) {
                    Some("missing conversion character")
                } else if !p.at(T::Name) {
                    Some("invalid conversion character")
                } else {
                    None
                }
            }) {
                self.raise_on_next_token(format!("{pre}: {msg}"));
                return;
            }
            // '{' annotated_rhs '='? ['!' NAME] then: !(':' | '}'), ':' spec* !'}', !'}'
            let head = |p: &mut Self| {
                p.expect(T::Lbrace)?;
                p.annotated_rhs()?;
                p.eat(T::Equal);
                let save = p.pos;
                if !(p.eat(T::Exclamation) && p.eat(T::Name)) {
                    p.pos = save;
                }
                Some(())
            };
            if self
                .attempt(start, |p| {
                    head(p)?;
                    (!matches!(p.peek(), T::Colon | T::Rbrace)).then_some(())
                })
                .is_some()
            {
                self.raise_on_next_token(format!("{pre}: expecting ':' or '}}'"));
                return;
            }
            if self
                .attempt(start, |p| {
                    head(p)?;
                    p.expect(T::Colon)?;
                    p.skip_format_spec_items(Template::F);
                    (!p.at(T::Rbrace)).then_some(())
                })
                .is_some()
            {
                self.raise_on_next_token(format!("{pre}: expecting '}}', or format specs"));
                return;
            }
            if self
                .attempt(start, |p| {
                    head(p)?;
                    (!p.at(T::Rbrace)).then_some(())
                })
                .is_some()
            {
                self.raise_on_next_token(format!("{pre}: expecting '}}'"));
            }
        })
    }
}
