//! Start rules (file, eval, interactive, func_type), statement sequences and the simple
//! statements: assignments, imports, `return`/`raise`/`del`/`assert`, `global`/`nonlocal`
//! and `type` aliases.

use super::Parser;
use crate::ast::*;
use crate::parse::token::TokenKind as T;

impl<'a> Parser<'a, '_> {
    /// `file: [statements] ENDMARKER`
    pub(super) fn file(&mut self) -> Option<Mod<'a>> {
        self.nest(Self::file_body)
    }

    fn file_body(&mut self) -> Option<Mod<'a>> {
        let body = self.statements().unwrap_or(&[]);
        if !self.eat(T::EndMarker) {
            return None;
        }
        Some(Mod::Module { body })
    }

    /// `eval: expressions NEWLINE* ENDMARKER`
    pub(super) fn eval(&mut self) -> Option<Mod<'a>> {
        let body = self.expressions()?;
        while self.eat(T::Newline) {}
        if !self.eat(T::EndMarker) {
            return None;
        }
        Some(Mod::Expression {
            body: self.alloc(body),
        })
    }

    /// `interactive: statement_newline`
    pub(super) fn interactive(&mut self) -> Option<Mod<'a>> {
        let body = self.statement_newline()?;
        Some(Mod::Interactive { body })
    }

    /// `statement_newline: single_compound_stmt NEWLINE | simple_stmts | NEWLINE | ENDMARKER`
    fn statement_newline(&mut self) -> Option<&'a [Stmt<'a>]> {
        let start = self.pos;
        if let Some(s) = self.compound_stmt() {
            self.register_stmt(&s);
            // In interactive mode the end of input stands for the closing NEWLINE.
            if self.eat(T::Newline) || self.at(T::EndMarker) {
                return Some(self.arena.alloc_slice_copy(&[s]));
            }
        }
        self.pos = start;
        if let Some(s) = self.simple_stmts() {
            return Some(s);
        }
        self.pos = start;
        if self.eat(T::Newline) {
            let pass = self.stmt(StmtKind::Pass, self.span_from(start));
            return Some(self.arena.alloc_slice_copy(&[pass]));
        }
        None
    }

    /// `func_type: '(' [type_expressions] ')' '->' expression NEWLINE* ENDMARKER`
    pub(super) fn func_type(&mut self) -> Option<Mod<'a>> {
        if !self.eat(T::Lpar) {
            return None;
        }
        let argtypes = self.optional(Self::type_expressions).unwrap_or(&[]);
        if !self.eat(T::Rpar) || !self.eat(T::Rarrow) {
            return None;
        }
        let returns = self.expression()?;
        while self.eat(T::Newline) {}
        if !self.eat(T::EndMarker) {
            return None;
        }
        Some(Mod::FunctionType {
            argtypes,
            returns: self.alloc(returns),
        })
    }

    /// `type_expressions`: a comma-separated expression list where `*e` and `**e` may close
    /// it (the stars are dropped).
    fn type_expressions(&mut self) -> Option<&'a [Expr<'a>]> {
        let mut v = self.vec();
        loop {
            let save = self.pos;
            if !v.is_empty() && !self.eat(T::Comma) {
                break;
            }
            let item_start = self.pos;
            let star = if self.eat(T::Star) {
                1
            } else if self.eat(T::DoubleStar) {
                2
            } else {
                0
            };
            match self.expression() {
                Some(e) => v.push(e),
                None => {
                    self.pos = save;
                    break;
                }
            }
            if star == 2
                || (star == 1
                    && !(self.at(T::Comma) && self.kind_at(self.pos + 1) == T::DoubleStar))
            {
                break;
            }
            let _ = item_start;
        }
        if v.is_empty() {
            None
        } else {
            Some(arena::into_slice(v))
        }
    }

    /// `statements: statement+`
    pub(super) fn statements(&mut self) -> Option<&'a [Stmt<'a>]> {
        // pegen runs `statement+` as the rule plus a loop helper: two levels.
        self.nest_by(2, Self::statements_body)
    }

    fn statements_body(&mut self) -> Option<&'a [Stmt<'a>]> {
        let mut v = self.vec();
        loop {
            let save = self.pos;
            if !self.statement(&mut v) {
                self.pos = save;
                break;
            }
        }
        if v.is_empty() {
            None
        } else {
            Some(arena::into_slice(v))
        }
    }

    /// `statement: compound_stmt | simple_stmts`, appending to `out`.
    fn statement(&mut self, out: &mut arena::ArenaVec<'a, Stmt<'a>>) -> bool {
        self.nest(|p| p.statement_body(out).then_some(())).is_some()
    }

    fn statement_body(&mut self, out: &mut arena::ArenaVec<'a, Stmt<'a>>) -> bool {
        let start = self.pos;
        if let Some(s) = self.compound_stmt() {
            self.register_stmt(&s);
            out.push(s);
            return true;
        }
        self.pos = start;
        match self.simple_stmts() {
            Some(ss) => {
                out.extend_from_slice(ss);
                true
            }
            None => false,
        }
    }

    /// `_PyPegen_register_stmts`: the error pass remembers the last compound statement.
    fn register_stmt(&mut self, s: &Stmt<'a>) {
        if self.invalid_pass {
            self.last_stmt_line = self.lines.line(s.span.start);
        }
    }

    /// `simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE`
    pub(super) fn simple_stmts(&mut self) -> Option<&'a [Stmt<'a>]> {
        // Two levels: calibrated so that nesting limits match CPython's (pegen's helper
        // rules add frames that have no counterpart here).
        self.nest_by(2, Self::simple_stmts_body)
    }

    fn simple_stmts_body(&mut self) -> Option<&'a [Stmt<'a>]> {
        let start = self.pos;
        let first = self.simple_stmt()?;
        if self.eat(T::Newline) {
            return Some(self.arena.alloc_slice_copy(&[first]));
        }
        let mut v = self.vec();
        v.push(first);
        loop {
            let save = self.pos;
            if !self.eat(T::Semi) {
                break;
            }
            match self.simple_stmt() {
                Some(s) => v.push(s),
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        self.eat(T::Semi);
        if !self.eat(T::Newline) {
            self.pos = start;
            return None;
        }
        Some(arena::into_slice(v))
    }

    /// `simple_stmt: assignment | &"type" type_alias | star_expressions | return_stmt
    ///     | import_stmt | raise_stmt | pass | del_stmt | yield_stmt | assert_stmt | break
    ///     | continue | global_stmt | nonlocal_stmt`
    pub(super) fn simple_stmt(&mut self) -> Option<Stmt<'a>> {
        self.nest(Self::simple_stmt_body)
    }

    fn simple_stmt_body(&mut self) -> Option<Stmt<'a>> {
        let start = self.pos;
        // No alternative of `assignment` can start with a statement keyword: in the first
        // pass it fails after looking at that token alone, so it is skipped (its
        // `invalid_assignment` runs in the error pass). Not where its few frames could reach
        // `MAX_DEPTH`, whose error it would raise.
        let skip_assignment = !self.invalid_pass
            && self.depth + 16 <= super::MAX_DEPTH
            && starts_keyword_statement(self.peek());
        if !skip_assignment {
            if let Some(s) = self.assignment() {
                return Some(s);
            }
            self.pos = start;
            if self.failed() {
                return None;
            }
        }
        if self.at_soft_keyword("type") {
            if let Some(s) = self.type_alias() {
                return Some(s);
            }
            self.pos = start;
        }
        match self.peek() {
            k if starts_keyword_statement(k) => {}
            _ => {
                let e = self.star_expressions()?;
                return Some(self.stmt(
                    StmtKind::Expr {
                        value: self.alloc(e),
                    },
                    self.span_from(start),
                ));
            }
        }
        // `star_expressions` comes first in the grammar but cannot start with these keywords.
        let r = match self.peek() {
            T::Return => self.return_stmt(),
            T::Import | T::From => self.import_stmt(),
            T::Raise => self.raise_stmt(),
            T::Pass => self.keyword_stmt(StmtKind::Pass),
            T::Del => self.del_stmt(),
            T::Yield => self.yield_stmt(),
            T::Assert => self.assert_stmt(),
            T::Break => self.keyword_stmt(StmtKind::Break),
            T::Continue => self.keyword_stmt(StmtKind::Continue),
            T::Global | T::Nonlocal => self.global_stmt(),
            _ => None,
        };
        if r.is_none() {
            self.pos = start;
        }
        r
    }

    /// `pass_stmt`, `break_stmt`, `continue_stmt`: the keyword alone.
    pub(super) fn keyword_stmt(&mut self, kind: StmtKind<'a>) -> Option<Stmt<'a>> {
        let start = self.pos;
        self.pos += 1;
        Some(self.stmt(kind, self.span_from(start)))
    }

    /// `assignment: NAME ':' expression ['=' annotated_rhs]
    ///     | ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
    ///     | (star_targets '=')+ annotated_rhs !'=' | single_target augassign ~ annotated_rhs
    ///     | invalid_assignment`
    fn assignment(&mut self) -> Option<Stmt<'a>> {
        self.nest(Self::assignment_body)
    }

    fn assignment_body(&mut self) -> Option<Stmt<'a>> {
        let start = self.pos;
        // NAME ':' expression ['=' annotated_rhs]
        if self.peek() == T::Name && self.kind_at(start + 1) == T::Colon {
            let target = self.name_expr(start);
            self.pos = start + 2;
            if let Some(annotation) = self.expression() {
                let target = self.with_ctx(target, ExprContext::Store);
                return Some(self.ann_assign(start, target, annotation, true));
            }
            self.pos = start;
        }
        // ('(' single_target ')' | single_subscript_attribute_target) ':' expression [...]
        let target = if self.eat(T::Lpar) {
            match self.single_target() {
                Some(t) if self.eat(T::Rpar) => Some(t),
                _ => None,
            }
        } else {
            None
        };
        let target = target.or_else(|| {
            self.pos = start;
            self.subscript_attribute_target(ExprContext::Store)
        });
        if let Some(target) = target
            && self.eat(T::Colon)
            && let Some(annotation) = self.expression()
        {
            return Some(self.ann_assign(start, target, annotation, false));
        }
        self.pos = start;
        // (star_targets '=')+ annotated_rhs !'='
        let mut targets = self.vec();
        loop {
            let save = self.pos;
            match self.star_targets() {
                Some(t) if self.eat(T::Equal) => targets.push(t),
                _ => {
                    self.pos = save;
                    break;
                }
            }
        }
        if !targets.is_empty()
            && let Some(value) = self.annotated_rhs()
            && !self.at(T::Equal)
        {
            let kind = StmtKind::Assign {
                targets: arena::into_slice(targets),
                value: self.alloc(value),
            };
            return Some(self.stmt(kind, self.span_from(start)));
        }
        self.pos = start;
        if self.failed() {
            return None;
        }
        // single_target augassign ~ annotated_rhs
        if let Some(target) = self.single_target()
            && let Some(op) = self.augassign()
        {
            let value = self.annotated_rhs()?;
            let kind = StmtKind::AugAssign {
                target: self.alloc(target),
                op,
                value: self.alloc(value),
            };
            return Some(self.stmt(kind, self.span_from(start)));
        }
        self.pos = start;
        if self.invalid_pass && !self.failed() {
            self.invalid_assignment();
            self.pos = start;
        }
        None
    }

    /// The `AnnAssign` after `target ':' annotation`, with the optional `'=' annotated_rhs`.
    fn ann_assign(
        &mut self,
        start: usize,
        target: Expr<'a>,
        annotation: Expr<'a>,
        simple: bool,
    ) -> Stmt<'a> {
        let save = self.pos;
        let mut value = None;
        if self.eat(T::Equal) {
            match self.annotated_rhs() {
                Some(v) => value = Some(self.alloc(v)),
                None => self.pos = save,
            }
        }
        let kind = StmtKind::AnnAssign {
            target: self.alloc(target),
            annotation: self.alloc(annotation),
            value,
            simple,
        };
        self.stmt(kind, self.span_from(start))
    }

    /// `annotated_rhs: yield_expr | star_expressions`
    pub(super) fn annotated_rhs(&mut self) -> Option<Expr<'a>> {
        self.nest(Self::annotated_rhs_body)
    }

    fn annotated_rhs_body(&mut self) -> Option<Expr<'a>> {
        if self.at(T::Yield)
            && let Some(e) = self.yield_expr()
        {
            return Some(e);
        }
        self.star_expressions()
    }

    /// `augassign: '+=' | '-=' | ...`
    pub(super) fn augassign(&mut self) -> Option<Operator> {
        let op = match self.peek() {
            T::PlusEqual => Operator::Add,
            T::MinEqual => Operator::Sub,
            T::StarEqual => Operator::Mult,
            T::AtEqual => Operator::MatMult,
            T::SlashEqual => Operator::Div,
            T::PercentEqual => Operator::Mod,
            T::AmperEqual => Operator::BitAnd,
            T::VbarEqual => Operator::BitOr,
            T::CircumflexEqual => Operator::BitXor,
            T::LeftShiftEqual => Operator::LShift,
            T::RightShiftEqual => Operator::RShift,
            T::DoubleStarEqual => Operator::Pow,
            T::DoubleSlashEqual => Operator::FloorDiv,
            _ => return None,
        };
        self.pos += 1;
        Some(op)
    }

    /// `type_alias: "type" NAME [type_params] '=' expression`
    fn type_alias(&mut self) -> Option<Stmt<'a>> {
        let start = self.pos;
        self.pos += 1;
        let r = (|| {
            let name = self.name()?;
            let type_params = self.optional_type_params();
            if !self.eat(T::Equal) {
                return None;
            }
            let value = self.expression()?;
            let name = self.with_ctx(name, ExprContext::Store);
            let kind = StmtKind::TypeAlias {
                name: self.alloc(name),
                type_params,
                value: self.alloc(value),
            };
            Some(self.stmt(kind, self.span_from(start)))
        })();
        if r.is_none() {
            self.pos = start;
        }
        r
    }

    /// `return_stmt: 'return' [star_expressions]`
    fn return_stmt(&mut self) -> Option<Stmt<'a>> {
        let start = self.pos;
        self.pos += 1;
        let value = self.optional(Self::star_expressions).map(|e| self.alloc(e));
        Some(self.stmt(StmtKind::Return { value }, self.span_from(start)))
    }

    /// `raise_stmt: 'raise' expression ['from' expression] | 'raise'`
    fn raise_stmt(&mut self) -> Option<Stmt<'a>> {
        let start = self.pos;
        self.pos += 1;
        let after = self.pos;
        if let Some(exc) = self.expression() {
            let save = self.pos;
            let mut cause = None;
            if self.eat(T::From) {
                match self.expression() {
                    Some(c) => cause = Some(self.alloc(c)),
                    None => self.pos = save,
                }
            }
            let kind = StmtKind::Raise {
                exc: Some(self.alloc(exc)),
                cause,
            };
            return Some(self.stmt(kind, self.span_from(start)));
        }
        self.pos = after;
        Some(self.stmt(
            StmtKind::Raise {
                exc: None,
                cause: None,
            },
            self.span_from(start),
        ))
    }

    /// `global_stmt: 'global' ','.NAME+` and `nonlocal_stmt: 'nonlocal' ','.NAME+`
    fn global_stmt(&mut self) -> Option<Stmt<'a>> {
        let start = self.pos;
        let is_global = self.peek() == T::Global;
        self.pos += 1;
        let mut names = self.vec();
        loop {
            let save = self.pos;
            if !names.is_empty() && !self.eat(T::Comma) {
                break;
            }
            match self.name_ident() {
                Some((n, _)) => names.push(n),
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        if names.is_empty() {
            self.pos = start;
            return None;
        }
        let names = arena::into_slice(names);
        let kind = if is_global {
            StmtKind::Global { names }
        } else {
            StmtKind::Nonlocal { names }
        };
        Some(self.stmt(kind, self.span_from(start)))
    }

    /// `del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt`
    fn del_stmt(&mut self) -> Option<Stmt<'a>> {
        let start = self.pos;
        self.pos += 1;
        if let Some(targets) = self.del_targets()
            && matches!(self.peek(), T::Semi | T::Newline)
        {
            return Some(self.stmt(StmtKind::Delete { targets }, self.span_from(start)));
        }
        self.pos = start;
        if self.invalid_pass && !self.failed() {
            self.invalid_del_stmt();
            self.pos = start;
        }
        None
    }

    /// `yield_stmt: yield_expr`
    fn yield_stmt(&mut self) -> Option<Stmt<'a>> {
        let start = self.pos;
        let e = self.yield_expr()?;
        Some(self.stmt(
            StmtKind::Expr {
                value: self.alloc(e),
            },
            self.span_from(start),
        ))
    }

    /// `assert_stmt: 'assert' expression [',' expression]`
    fn assert_stmt(&mut self) -> Option<Stmt<'a>> {
        let start = self.pos;
        self.pos += 1;
        let Some(test) = self.expression() else {
            self.pos = start;
            return None;
        };
        let save = self.pos;
        let mut msg = None;
        if self.eat(T::Comma) {
            match self.expression() {
                Some(m) => msg = Some(self.alloc(m)),
                None => self.pos = save,
            }
        }
        let kind = StmtKind::Assert {
            test: self.alloc(test),
            msg,
        };
        Some(self.stmt(kind, self.span_from(start)))
    }

    /// `import_stmt: invalid_import | import_name | import_from`
    fn import_stmt(&mut self) -> Option<Stmt<'a>> {
        let start = self.pos;
        if self.invalid_pass {
            self.invalid_import();
            self.pos = start;
            if self.failed() {
                return None;
            }
        }
        let r = if self.at(T::Import) {
            self.import_name()
        } else {
            self.import_from()
        };
        if r.is_none() {
            self.pos = start;
        }
        r
    }

    /// `import_name: 'import' dotted_as_names`
    fn import_name(&mut self) -> Option<Stmt<'a>> {
        let start = self.pos;
        self.pos += 1;
        let names = self.alias_list(Self::dotted_as_name)?;
        Some(self.stmt(StmtKind::Import { names }, self.span_from(start)))
    }

    /// `','.item+` for aliases.
    fn alias_list(&mut self, item: fn(&mut Self) -> Option<Alias<'a>>) -> Option<&'a [Alias<'a>]> {
        let mut v = self.vec();
        loop {
            let save = self.pos;
            if !v.is_empty() && !self.eat(T::Comma) {
                break;
            }
            match item(self) {
                Some(a) => v.push(a),
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

    /// `dotted_as_name: invalid_dotted_as_name | dotted_name ['as' NAME]`
    fn dotted_as_name(&mut self) -> Option<Alias<'a>> {
        let start = self.pos;
        if self.invalid_pass {
            self.invalid_dotted_as_name();
            self.pos = start;
            if self.failed() {
                return None;
            }
        }
        let (name, _) = self.dotted_name()?;
        let asname = self.as_name();
        Some(Alias {
            name,
            asname,
            span: self.span_from(start),
        })
    }

    /// `['as' NAME]`
    fn as_name(&mut self) -> Option<&'a str> {
        let save = self.pos;
        if self.eat(T::As)
            && let Some((n, _)) = self.name_ident()
        {
            return Some(n);
        }
        self.pos = save;
        None
    }

    /// `dotted_name: dotted_name '.' NAME | NAME`, joined with dots.
    pub(super) fn dotted_name(&mut self) -> Option<(&'a str, Span)> {
        let start = self.pos;
        let (first, _) = self.name_ident()?;
        if !self.at(T::Dot) {
            return Some((first, self.span_from(start)));
        }
        let mut joined = String::from(first);
        loop {
            let save = self.pos;
            if !self.eat(T::Dot) {
                break;
            }
            match self.name_ident() {
                Some((n, _)) => {
                    joined.push('.');
                    joined.push_str(n);
                }
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        Some((self.names.intern(&joined), self.span_from(start)))
    }

    /// `import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
    ///     | 'from' ('.' | '...')+ 'import' import_from_targets`
    fn import_from(&mut self) -> Option<Stmt<'a>> {
        let start = self.pos;
        self.pos += 1;
        let mut level = 0u32;
        loop {
            match self.peek() {
                T::Dot => level += 1,
                T::Ellipsis => level += 3,
                _ => break,
            }
            self.pos += 1;
        }
        let after_dots = self.pos;
        if let Some((module, _)) = self.dotted_name()
            && self.eat(T::Import)
            && let Some(names) = self.import_from_targets()
        {
            if level == 0
                && module == "__future__"
                && names.iter().any(|a| a.name == "barry_as_FLUFL")
            {
                self.barry = true;
            }
            let kind = StmtKind::ImportFrom {
                module: Some(module),
                names,
                level,
            };
            return Some(self.stmt(kind, self.span_from(start)));
        }
        self.pos = after_dots;
        if level > 0
            && self.eat(T::Import)
            && let Some(names) = self.import_from_targets()
        {
            let kind = StmtKind::ImportFrom {
                module: None,
                names,
                level,
            };
            return Some(self.stmt(kind, self.span_from(start)));
        }
        self.pos = start;
        None
    }

    /// `import_from_targets: '(' import_from_as_names [','] ')' | import_from_as_names !','
    ///     | '*' | invalid_import_from_targets`
    fn import_from_targets(&mut self) -> Option<&'a [Alias<'a>]> {
        let start = self.pos;
        if self.eat(T::Lpar) {
            if let Some(names) = self.alias_list(Self::import_from_as_name) {
                self.eat(T::Comma);
                if self.eat(T::Rpar) {
                    return Some(names);
                }
            }
            self.pos = start;
        }
        if let Some(names) = self.alias_list(Self::import_from_as_name)
            && !self.at(T::Comma)
        {
            return Some(names);
        }
        self.pos = start;
        if self.eat(T::Star) {
            let star = Alias {
                name: self.names.intern("*"),
                asname: None,
                span: self.tok_span(start),
            };
            return Some(self.arena.alloc_slice_copy(&[star]));
        }
        if self.invalid_pass && !self.failed() {
            self.invalid_import_from_targets();
            self.pos = start;
        }
        None
    }

    /// `import_from_as_names: ','.import_from_as_name+`
    pub(super) fn import_from_as_names(&mut self) -> Option<&'a [Alias<'a>]> {
        self.alias_list(Self::import_from_as_name)
    }

    /// `import_from_as_name: invalid_import_from_as_name | NAME ['as' NAME]`
    fn import_from_as_name(&mut self) -> Option<Alias<'a>> {
        let start = self.pos;
        if self.invalid_pass {
            self.invalid_import_from_as_name();
            self.pos = start;
            if self.failed() {
                return None;
            }
        }
        let (name, _) = self.name_ident()?;
        let asname = self.as_name();
        Some(Alias {
            name,
            asname,
            span: self.span_from(start),
        })
    }
}

/// The keywords that start a simple statement other than an assignment or an expression.
#[inline]
fn starts_keyword_statement(kind: T) -> bool {
    matches!(
        kind,
        T::Return
            | T::Import
            | T::From
            | T::Raise
            | T::Pass
            | T::Del
            | T::Yield
            | T::Assert
            | T::Break
            | T::Continue
            | T::Global
            | T::Nonlocal
    )
}
