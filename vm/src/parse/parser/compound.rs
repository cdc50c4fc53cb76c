//! Compound statements: blocks, decorators, `def`/`class` (with PEP 695 type parameters),
//! `if`/`while`/`for`/`with`/`try` and their clauses.

use super::Parser;
use super::arguments::ParamStyle;
use super::memo::{Rule, memoized};
use crate::ast::*;
use crate::parse::ErrorKind;
use crate::parse::token::TokenKind as T;

impl<'a> Parser<'a, '_> {
    /// `compound_stmt: &('def' | '@' | 'async') function_def | &'if' if_stmt
    ///     | &('class' | '@') class_def | &('with' | 'async') with_stmt
    ///     | &('for' | 'async') for_stmt | &'try' try_stmt | &'while' while_stmt | match_stmt`
    pub(super) fn compound_stmt(&mut self) -> Option<Stmt<'a>> {
        self.nest(Self::compound_stmt_body)
    }

    fn compound_stmt_body(&mut self) -> Option<Stmt<'a>> {
        let start = self.pos;
        let first = self.peek();
        if matches!(first, T::Def | T::At | T::Async) {
            if let Some(s) = self.function_def() {
                return Some(s);
            }
            self.pos = start;
        }
        let r = match first {
            T::If => self.if_stmt(),
            T::Class | T::At => self.class_def(),
            T::With => self.with_stmt(),
            T::For => self.for_stmt(),
            T::Try => self.try_stmt(),
            T::While => self.while_stmt(),
            T::Async => {
                let r = self.with_stmt();
                if r.is_some() || self.failed() {
                    return r;
                }
                self.pos = start;
                self.for_stmt()
            }
            _ => None,
        };
        if r.is_some() || self.failed() {
            return r;
        }
        self.pos = start;
        let r = self.match_stmt();
        if r.is_none() {
            self.pos = start;
        }
        r
    }

    /// `block (memo): NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block`
    pub(super) fn block(&mut self) -> Option<&'a [Stmt<'a>]> {
        memoized!(
            self,
            stmts,
            put_stmts,
            Rule::Block,
            self.nest(Self::block_body)
        )
    }

    fn block_body(&mut self) -> Option<&'a [Stmt<'a>]> {
        let start = self.pos;
        if self.eat(T::Newline)
            && self.eat(T::Indent)
            && let Some(body) = self.statements()
            && self.eat(T::Dedent)
        {
            return Some(body);
        }
        self.pos = start;
        if let Some(body) = self.simple_stmts() {
            return Some(body);
        }
        self.pos = start;
        if self.invalid_pass && !self.failed() {
            self.invalid_block();
            self.pos = start;
        }
        None
    }

    /// `&&tok`: the token, or the error "expected 'tok'" at the token found instead.
    pub(super) fn expect_forced(&mut self, k: T, spelling: &str) -> bool {
        if self.failed() {
            return false;
        }
        if self.eat(k) {
            return true;
        }
        let i = self.pos;
        self.raise_at_token(format!("expected '{spelling}'"), i);
        false
    }

    /// `decorators: ('@' named_expression NEWLINE)+`
    fn decorators(&mut self) -> Option<&'a [Expr<'a>]> {
        let mut v = self.vec();
        loop {
            let save = self.pos;
            if !self.eat(T::At) {
                break;
            }
            match self.named_expression() {
                Some(e) if self.eat(T::Newline) => v.push(e),
                _ => {
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

    /// `function_def: decorators function_def_raw | function_def_raw`
    fn function_def(&mut self) -> Option<Stmt<'a>> {
        let start = self.pos;
        if let Some(decorators) = self.decorators() {
            if let Some(mut s) = self.function_def_raw() {
                if let StmtKind::FunctionDef(f) = s.kind {
                    s.kind = StmtKind::FunctionDef(self.alloc(FunctionDef {
                        decorator_list: decorators,
                        ..*f
                    }));
                }
                return Some(s);
            }
            self.pos = start;
            if self.failed() {
                return None;
            }
        }
        self.function_def_raw()
    }

    /// `function_def_raw: invalid_def_raw
    ///     | ['async'] 'def' NAME [type_params] '(' [params] ')' ['->' expression] ':' block`
    fn function_def_raw(&mut self) -> Option<Stmt<'a>> {
        let start = self.pos;
        if self.invalid_pass {
            if let Some(s) = self.invalid_def_raw() {
                return Some(s);
            }
            self.pos = start;
            if self.failed() {
                return None;
            }
        }
        let r = (|| {
            let is_async = self.eat(T::Async);
            if !self.eat(T::Def) {
                return None;
            }
            let (name, _) = self.name_ident()?;
            let type_params = self.optional_type_params();
            if !self.eat(T::Lpar) {
                return None;
            }
            let args = self.optional_params(ParamStyle::Def);
            if !self.eat(T::Rpar) {
                return None;
            }
            let returns = self.optional_return_annotation();
            if !self.eat(T::Colon) {
                return None;
            }
            let body = self.block()?;
            let f = FunctionDef {
                is_async,
                name,
                args,
                body,
                decorator_list: &[],
                returns,
                type_params,
            };
            Some(self.stmt(StmtKind::FunctionDef(self.alloc(f)), self.span_from(start)))
        })();
        if r.is_none() {
            self.pos = start;
        }
        r
    }

    /// `[params]`, empty arguments when absent.
    pub(super) fn optional_params(&mut self, style: ParamStyle) -> &'a Arguments<'a> {
        let save = self.pos;
        match self.params(style) {
            Some(a) => self.alloc(a),
            None => {
                self.pos = save;
                self.alloc(Arguments::EMPTY)
            }
        }
    }

    /// `['->' expression]`
    pub(super) fn optional_return_annotation(&mut self) -> Option<&'a Expr<'a>> {
        let save = self.pos;
        if self.eat(T::Rarrow)
            && let Some(e) = self.expression()
        {
            return Some(self.alloc(e));
        }
        self.pos = save;
        None
    }

    /// `class_def: decorators class_def_raw | class_def_raw`
    fn class_def(&mut self) -> Option<Stmt<'a>> {
        let start = self.pos;
        if let Some(decorators) = self.decorators() {
            if let Some(mut s) = self.class_def_raw() {
                if let StmtKind::ClassDef(c) = s.kind {
                    s.kind = StmtKind::ClassDef(self.alloc(ClassDef {
                        decorator_list: decorators,
                        ..*c
                    }));
                }
                return Some(s);
            }
            self.pos = start;
            if self.failed() {
                return None;
            }
        }
        self.class_def_raw()
    }

    /// `class_def_raw: invalid_class_def_raw
    ///     | 'class' NAME [type_params] ['(' [arguments] ')'] ':' block`
    fn class_def_raw(&mut self) -> Option<Stmt<'a>> {
        let start = self.pos;
        if self.invalid_pass {
            self.invalid_class_def_raw();
            self.pos = start;
            if self.failed() {
                return None;
            }
        }
        let r = (|| {
            if !self.eat(T::Class) {
                return None;
            }
            let (name, _) = self.name_ident()?;
            let type_params = self.optional_type_params();
            let (bases, keywords) = self.optional_class_arguments();
            if !self.eat(T::Colon) {
                return None;
            }
            let body = self.block()?;
            let c = ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list: &[],
                type_params,
            };
            Some(self.stmt(StmtKind::ClassDef(self.alloc(c)), self.span_from(start)))
        })();
        if r.is_none() {
            self.pos = start;
        }
        r
    }

    /// `['(' [arguments] ')']` of a class definition.
    pub(super) fn optional_class_arguments(&mut self) -> (&'a [Expr<'a>], &'a [Keyword<'a>]) {
        let save = self.pos;
        if self.eat(T::Lpar) {
            let args = self.arguments();
            if self.eat(T::Rpar) {
                return args.map_or((&[], &[]), |a| (a.args, a.keywords));
            }
        }
        self.pos = save;
        (&[], &[])
    }

    /// `if_stmt: invalid_if_stmt | 'if' named_expression ':' block elif_stmt
    ///     | 'if' named_expression ':' block [else_block]` (and `elif_stmt` alike)
    fn if_stmt(&mut self) -> Option<Stmt<'a>> {
        self.nest(Self::if_stmt_body)
    }

    fn if_stmt_body(&mut self) -> Option<Stmt<'a>> {
        self.if_or_elif(T::If)
    }

    fn if_or_elif(&mut self, keyword: T) -> Option<Stmt<'a>> {
        let start = self.pos;
        if self.invalid_pass {
            if keyword == T::If {
                self.invalid_if_stmt()
            } else {
                self.invalid_elif_stmt()
            }
            self.pos = start;
            if self.failed() {
                return None;
            }
        }
        let r = (|| {
            if !self.eat(keyword) {
                return None;
            }
            let test = self.named_expression()?;
            if !self.eat(T::Colon) {
                return None;
            }
            let body = self.block()?;
            let after_body = self.pos;
            let orelse = if self.at(T::Elif) {
                match self.nest(|p| p.if_or_elif(T::Elif)) {
                    Some(elif) => Some(&*self.arena.alloc_slice_copy(&[elif])),
                    None => None,
                }
            } else {
                None
            };
            if self.failed() {
                return None;
            }
            let orelse = match orelse {
                Some(o) => o,
                None => {
                    self.pos = after_body;
                    self.optional_else_block()?
                }
            };
            let kind = StmtKind::If {
                test: self.alloc(test),
                body,
                orelse,
            };
            Some(self.stmt(kind, self.span_from(start)))
        })();
        if r.is_none() {
            self.pos = start;
        }
        r
    }

    /// `[else_block]`: the else body, empty when absent; `None` on a raised error.
    fn optional_else_block(&mut self) -> Option<&'a [Stmt<'a>]> {
        let save = self.pos;
        match self.else_block() {
            Some(b) => Some(b),
            None if self.failed() => None,
            None => {
                self.pos = save;
                Some(&[])
            }
        }
    }

    /// `else_block: invalid_else_stmt | 'else' &&':' block`
    fn else_block(&mut self) -> Option<&'a [Stmt<'a>]> {
        let start = self.pos;
        if self.invalid_pass {
            self.invalid_else_stmt();
            self.pos = start;
            if self.failed() {
                return None;
            }
        }
        if !self.eat(T::Else) {
            return None;
        }
        if !self.expect_forced(T::Colon, ":") {
            return None;
        }
        let b = self.block();
        if b.is_none() {
            self.pos = start;
        }
        b
    }

    /// `while_stmt: invalid_while_stmt | 'while' named_expression ':' block [else_block]`
    fn while_stmt(&mut self) -> Option<Stmt<'a>> {
        let start = self.pos;
        if self.invalid_pass {
            self.invalid_while_stmt();
            self.pos = start;
            if self.failed() {
                return None;
            }
        }
        let r = (|| {
            self.pos += 1;
            let test = self.named_expression()?;
            if !self.eat(T::Colon) {
                return None;
            }
            let body = self.block()?;
            let orelse = self.optional_else_block()?;
            let kind = StmtKind::While {
                test: self.alloc(test),
                body,
                orelse,
            };
            Some(self.stmt(kind, self.span_from(start)))
        })();
        if r.is_none() {
            self.pos = start;
        }
        r
    }

    /// `for_stmt: invalid_for_stmt
    ///     | ['async'] 'for' star_targets 'in' ~ star_expressions ':' block [else_block]
    ///     | invalid_for_target`
    fn for_stmt(&mut self) -> Option<Stmt<'a>> {
        let start = self.pos;
        if self.invalid_pass {
            self.invalid_for_stmt();
            self.pos = start;
            if self.failed() {
                return None;
            }
        }
        let is_async = self.eat(T::Async);
        if self.eat(T::For)
            && let Some(target) = self.star_targets()
            && self.eat(T::In)
        {
            // Cut: past 'in' the statement either parses or fails outright.
            let r = (|| {
                let iter = self.star_expressions()?;
                if !self.eat(T::Colon) {
                    return None;
                }
                let body = self.block()?;
                let orelse = self.optional_else_block()?;
                let f = For {
                    is_async,
                    target: self.alloc(target),
                    iter: self.alloc(iter),
                    body,
                    orelse,
                };
                Some(self.stmt(StmtKind::For(self.alloc(f)), self.span_from(start)))
            })();
            if r.is_none() {
                self.pos = start;
            }
            return r;
        }
        self.pos = start;
        if self.invalid_pass && !self.failed() {
            self.invalid_for_target();
            self.pos = start;
        }
        None
    }

    /// `with_stmt: invalid_with_stmt_indent
    ///     | ['async'] 'with' '(' ','.with_item+ ','? ')' ':' block
    ///     | ['async'] 'with' ','.with_item+ ':' block | invalid_with_stmt`
    fn with_stmt(&mut self) -> Option<Stmt<'a>> {
        let start = self.pos;
        if self.invalid_pass {
            self.invalid_with_stmt_indent();
            self.pos = start;
            if self.failed() {
                return None;
            }
        }
        let is_async = self.eat(T::Async);
        if !self.eat(T::With) {
            self.pos = start;
            return None;
        }
        let after_with = self.pos;
        if self.eat(T::Lpar) {
            if let Some(items) = self.with_items() {
                self.eat(T::Comma);
                if self.eat(T::Rpar)
                    && self.eat(T::Colon)
                    && let Some(body) = self.block()
                {
                    return Some(self.with_node(start, is_async, items, body));
                }
            }
            if self.failed() {
                return None;
            }
        }
        self.pos = after_with;
        if let Some(items) = self.with_items()
            && self.eat(T::Colon)
            && let Some(body) = self.block()
        {
            return Some(self.with_node(start, is_async, items, body));
        }
        self.pos = start;
        if self.invalid_pass && !self.failed() {
            self.invalid_with_stmt();
            self.pos = start;
        }
        None
    }

    fn with_node(
        &mut self,
        start: usize,
        is_async: bool,
        items: &'a [WithItem<'a>],
        body: &'a [Stmt<'a>],
    ) -> Stmt<'a> {
        let w = With {
            is_async,
            items,
            body,
        };
        self.stmt(StmtKind::With(self.alloc(w)), self.span_from(start))
    }

    /// `','.with_item+`
    fn with_items(&mut self) -> Option<&'a [WithItem<'a>]> {
        let mut v = self.vec();
        loop {
            let save = self.pos;
            if !v.is_empty() && !self.eat(T::Comma) {
                break;
            }
            match self.with_item() {
                Some(w) => v.push(w),
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

    /// `with_item: expression 'as' star_target &(',' | ')' | ':') | invalid_with_item
    ///     | expression`
    fn with_item(&mut self) -> Option<WithItem<'a>> {
        let start = self.pos;
        let context_expr = self.expression()?;
        let after = self.pos;
        if self.eat(T::As)
            && let Some(target) = self.star_target()
            && matches!(self.peek(), T::Comma | T::Rpar | T::Colon)
        {
            return Some(WithItem {
                context_expr: self.alloc(context_expr),
                optional_vars: Some(self.alloc(target)),
            });
        }
        if self.invalid_pass && !self.failed() {
            self.pos = start;
            self.invalid_with_item();
            if self.failed() {
                return None;
            }
        }
        self.pos = after;
        Some(WithItem {
            context_expr: self.alloc(context_expr),
            optional_vars: None,
        })
    }

    /// `try_stmt: invalid_try_stmt | 'try' &&':' block finally_block
    ///     | 'try' &&':' block except_block+ [else_block] [finally_block]
    ///     | 'try' &&':' block except_star_block+ [else_block] [finally_block]`
    fn try_stmt(&mut self) -> Option<Stmt<'a>> {
        let start = self.pos;
        if self.invalid_pass {
            self.invalid_try_stmt();
            self.pos = start;
            if self.failed() {
                return None;
            }
        }
        self.pos += 1;
        if !self.expect_forced(T::Colon, ":") {
            return None;
        }
        let body = self.block()?;
        let after_body = self.pos;
        if let Some(finalbody) = self.finally_block() {
            let t = Try {
                is_star: false,
                body,
                handlers: &[],
                orelse: &[],
                finalbody,
            };
            return Some(self.stmt(StmtKind::Try(self.alloc(t)), self.span_from(start)));
        }
        for is_star in [false, true] {
            if self.failed() {
                return None;
            }
            self.pos = after_body;
            let mut handlers = self.vec();
            loop {
                let save = self.pos;
                match self.except_block(is_star) {
                    Some(h) => handlers.push(h),
                    None => {
                        self.pos = save;
                        break;
                    }
                }
            }
            if handlers.is_empty() {
                continue;
            }
            let orelse = self.optional_else_block()?;
            let save = self.pos;
            let finalbody = match self.finally_block() {
                Some(f) => f,
                None if self.failed() => return None,
                None => {
                    self.pos = save;
                    &[]
                }
            };
            let t = Try {
                is_star,
                body,
                handlers: arena::into_slice(handlers),
                orelse,
                finalbody,
            };
            return Some(self.stmt(StmtKind::Try(self.alloc(t)), self.span_from(start)));
        }
        self.pos = start;
        None
    }

    /// `except_block` (or `except_star_block` when `star`): `'except' ['*'] expression ':' block
    ///     | ... expression 'as' NAME ':' block | ... expressions ':' block | 'except' ':' block`
    pub(super) fn except_block(&mut self, star: bool) -> Option<ExceptHandler<'a>> {
        let start = self.pos;
        if self.invalid_pass {
            if star {
                self.invalid_except_star_stmt_indent()
            } else {
                self.invalid_except_stmt_indent()
            }
            self.pos = start;
            if self.failed() {
                return None;
            }
        }
        if !self.eat(T::Except) || (star && !self.eat(T::Star)) {
            self.pos = start;
            return None;
        }
        let after = self.pos;
        // expression ':' block
        if let Some(e) = self.expression() {
            if self.eat(T::Colon)
                && let Some(body) = self.block()
            {
                return Some(self.handler(start, Some(e), None, body));
            }
            self.pos = after;
            if self.failed() {
                return None;
            }
            // expression 'as' NAME ':' block
            if let Some(e) = self.expression()
                && self.eat(T::As)
                && let Some((name, _)) = self.name_ident()
                && self.eat(T::Colon)
                && let Some(body) = self.block()
            {
                return Some(self.handler(start, Some(e), Some(name), body));
            }
            self.pos = after;
            if self.failed() {
                return None;
            }
            // expressions ':' block
            if let Some(e) = self.expressions()
                && self.eat(T::Colon)
                && let Some(body) = self.block()
            {
                return Some(self.handler(start, Some(e), None, body));
            }
        }
        self.pos = after;
        if self.failed() {
            return None;
        }
        // 'except' ':' block
        if !star
            && self.eat(T::Colon)
            && let Some(body) = self.block()
        {
            return Some(self.handler(start, None, None, body));
        }
        self.pos = start;
        if self.invalid_pass && !self.failed() {
            if star {
                self.invalid_except_star_stmt()
            } else {
                self.invalid_except_stmt()
            }
            self.pos = start;
        }
        None
    }

    fn handler(
        &mut self,
        start: usize,
        e: Option<Expr<'a>>,
        name: Option<&'a str>,
        body: &'a [Stmt<'a>],
    ) -> ExceptHandler<'a> {
        ExceptHandler {
            type_: e.map(|e| self.alloc(e)),
            name,
            body,
            span: self.span_from(start),
        }
    }

    /// `finally_block: invalid_finally_stmt | 'finally' &&':' block`
    fn finally_block(&mut self) -> Option<&'a [Stmt<'a>]> {
        let start = self.pos;
        if self.invalid_pass {
            self.invalid_finally_stmt();
            self.pos = start;
            if self.failed() {
                return None;
            }
        }
        if !self.eat(T::Finally) {
            return None;
        }
        if !self.expect_forced(T::Colon, ":") {
            return None;
        }
        let b = self.block();
        if b.is_none() {
            self.pos = start;
        }
        b
    }

    /// `[type_params]`: the parameters, or an empty slice.
    pub(super) fn optional_type_params(&mut self) -> &'a [TypeParam<'a>] {
        let save = self.pos;
        match self.type_params() {
            Some(t) => t,
            None => {
                self.pos = save;
                &[]
            }
        }
    }

    /// `type_params: invalid_type_params | '[' type_param_seq ']'`
    fn type_params(&mut self) -> Option<&'a [TypeParam<'a>]> {
        let start = self.pos;
        if self.invalid_pass {
            self.invalid_type_params();
            self.pos = start;
            if self.failed() {
                return None;
            }
        }
        if !self.eat(T::Lsqb) {
            return None;
        }
        let mut v = self.vec();
        loop {
            let save = self.pos;
            if !v.is_empty() && !self.eat(T::Comma) {
                break;
            }
            match self.type_param() {
                Some(t) => v.push(t),
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        if v.is_empty() {
            self.pos = start;
            return None;
        }
        self.eat(T::Comma);
        if !self.eat(T::Rsqb) {
            self.pos = start;
            return None;
        }
        Some(arena::into_slice(v))
    }

    /// `type_param: NAME [':' expression] ['=' expression] | invalid_type_param
    ///     | '*' NAME ['=' star_expression] | '**' NAME ['=' expression]`
    fn type_param(&mut self) -> Option<TypeParam<'a>> {
        let start = self.pos;
        if let Some((name, _)) = self.name_ident() {
            let bound = self.optional_prefixed(T::Colon, Self::expression);
            let default_value = self.optional_prefixed(T::Equal, Self::expression);
            return Some(TypeParam {
                kind: TypeParamKind::TypeVar {
                    name,
                    bound,
                    default_value,
                },
                span: self.span_from(start),
            });
        }
        if self.invalid_pass {
            self.invalid_type_param();
            self.pos = start;
            if self.failed() {
                return None;
            }
        }
        let stars = if self.eat(T::Star) {
            1
        } else if self.eat(T::DoubleStar) {
            2
        } else {
            return None;
        };
        let Some((name, _)) = self.name_ident() else {
            self.pos = start;
            return None;
        };
        let kind = if stars == 1 {
            let default_value = self.optional_prefixed(T::Equal, Self::star_expression);
            TypeParamKind::TypeVarTuple {
                name,
                default_value,
            }
        } else {
            let default_value = self.optional_prefixed(T::Equal, Self::expression);
            TypeParamKind::ParamSpec {
                name,
                default_value,
            }
        };
        Some(TypeParam {
            kind,
            span: self.span_from(start),
        })
    }

    /// `[tok rule]`, allocated.
    fn optional_prefixed(
        &mut self,
        k: T,
        rule: fn(&mut Self) -> Option<Expr<'a>>,
    ) -> Option<&'a Expr<'a>> {
        let save = self.pos;
        if self.eat(k)
            && let Some(e) = rule(self)
        {
            return Some(self.alloc(e));
        }
        self.pos = save;
        None
    }

    /// Indentation errors ("expected an indented block after ...") point at the token that
    /// should have been indented.
    pub(super) fn raise_indentation(&mut self, msg: String) {
        self.raise_last_token(ErrorKind::IndentationError, msg);
    }
}
