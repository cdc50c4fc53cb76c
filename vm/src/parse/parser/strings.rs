//! String literals: plain and bytes literals, f-strings and t-strings (PEP 701, PEP 750),
//! implicit concatenation with CPython's folding of adjacent constants, `=` debug text,
//! conversions and format specs.

use std::borrow::Cow;

use super::Parser;
use super::escapes::{InvalidEscape, decode_bytes, decode_str};
use super::memo::{Rule, memoized};
use crate::ast::*;
use crate::parse::ErrorKind;
use crate::parse::token::TokenKind as T;
use crate::text::wtf8::{Wtf8, Wtf8Buf};

/// `'s'`, `'r'` or `'a'` after `!`, with the `!` token index (for the debug text end).
struct ConversionSpec {
    conversion: Conversion,
    bang: usize,
}

/// Which kind of literal a replacement field belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Template {
    /// f-string field: `FormattedValue`.
    F,
    /// t-string field: `Interpolation`.
    T,
    /// Field inside a t-string's format spec: a `FormattedValue` with t-string tokens.
    TSpec,
}

impl Template {
    fn middle(self) -> T {
        if self == Template::F {
            T::FstringMiddle
        } else {
            T::TstringMiddle
        }
    }

    pub(super) fn prefix(self) -> &'static str {
        if self == Template::F {
            "f-string"
        } else {
            "t-string"
        }
    }
}

impl<'a> Parser<'a, '_> {
    /// `strings (memo): invalid_string_tstring_concat | (fstring|string)+ | tstring+`
    pub(super) fn strings(&mut self) -> Option<Expr<'a>> {
        memoized!(
            self,
            expr,
            put_expr,
            Rule::Strings,
            self.nest(Self::strings_body)
        )
    }

    fn strings_body(&mut self) -> Option<Expr<'a>> {
        let start = self.pos;
        if self.invalid_pass {
            self.invalid_string_tstring_concat();
            self.pos = start;
            if self.failed() {
                return None;
            }
        }
        let mut parts = self.vec();
        loop {
            let save = self.pos;
            let part = match self.peek() {
                T::String => self.string(),
                T::FstringStart => self.fstring(),
                _ => None,
            };
            match part {
                Some(p) => parts.push(p),
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        if self.failed() {
            return None;
        }
        if !parts.is_empty() {
            return self.concatenate_strings(&parts, self.span_from(start));
        }
        loop {
            let save = self.pos;
            match if self.at(T::TstringStart) {
                self.tstring()
            } else {
                None
            } {
                Some(p) => parts.push(p),
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        if parts.is_empty() {
            return None;
        }
        let values = self.fold_constants(&parts);
        Some(self.expr(ExprKind::TemplateStr { values }, self.span_from(start)))
    }

    /// `string: STRING` decoded to a `Constant`.
    pub(super) fn string(&mut self) -> Option<Expr<'a>> {
        let i = self.expect(T::String)?;
        let text = self.text(i);
        let quote_at = text.find(['\'', '"']).unwrap_or(0);
        let prefix = &text[..quote_at];
        let q = text.as_bytes().get(quote_at).copied().unwrap_or(b'"');
        let triple = text.len() >= quote_at + 6
            && text.as_bytes()[quote_at + 1] == q
            && text.as_bytes()[quote_at + 2] == q;
        let ql = if triple { 3 } else { 1 };
        let body_start = quote_at + ql;
        let body = text
            .get(body_start..text.len().saturating_sub(ql))
            .unwrap_or("");
        let is_bytes = prefix.contains(['b', 'B']);
        let raw = prefix.contains(['r', 'R']) || !body.contains('\\');
        let span = self.tok_span(i);
        let body_off = span.start + body_start as u32;
        let value = if is_bytes {
            if !body.is_ascii() {
                self.raise_at_token("bytes can only contain ASCII literal characters", i);
                return None;
            }
            let bytes = if raw {
                &*self.arena.alloc_slice_copy(body.as_bytes())
            } else {
                match decode_bytes(body.as_bytes()) {
                    Ok((v, invalid)) => {
                        self.escape_warning(invalid, body_off, i);
                        &*self.arena.alloc_slice_copy(&v)
                    }
                    Err(msg) => {
                        self.raise_last_token(
                            ErrorKind::SyntaxError,
                            format!("(value error) {msg}"),
                        );
                        return None;
                    }
                }
            };
            Constant::Bytes(bytes)
        } else {
            Constant::Str(self.decode_text(body, raw, body_off, i)?)
        };
        let kind_u = text.starts_with('u');
        Some(self.expr(ExprKind::Constant { value, kind_u }, span))
    }

    /// Decodes literal text (escapes unless `raw`) into an arena string; decode errors are
    /// raised at the last token fetched, as `_Pypegen_raise_decode_error` does.
    fn decode_text(
        &mut self,
        body: &str,
        raw: bool,
        body_off: u32,
        tok: usize,
    ) -> Option<&'a Wtf8> {
        if raw {
            return Some(Wtf8::from_str(self.arena.alloc_str(body)));
        }
        match decode_str(body) {
            Ok((v, invalid)) => {
                self.escape_warning(invalid, body_off, tok);
                Some(self.alloc_wtf8(&v))
            }
            Err(msg) => {
                self.raise_last_token(ErrorKind::SyntaxError, format!("(unicode error) {msg}"));
                None
            }
        }
    }

    fn alloc_wtf8(&self, v: &Wtf8Buf) -> &'a Wtf8 {
        Wtf8::from_bytes_unchecked(self.arena.alloc_slice_copy(v.as_bytes()))
    }

    /// Records the SyntaxWarning for the first invalid escape (first pass only). Escapes of
    /// `{` and `}` in f-string parts are the tokenizer's to report.
    fn escape_warning(&mut self, invalid: Option<InvalidEscape>, body_off: u32, tok: usize) {
        let Some(inv) = invalid else { return };
        if self.invalid_pass {
            return;
        }
        let kind = self.tok(tok).kind;
        if matches!(kind, T::FstringMiddle | T::TstringMiddle)
            && matches!(inv.text.as_str(), "{" | "}")
        {
            return;
        }
        self.warn(inv.message(), body_off + inv.offset as u32);
    }

    /// `fstring: FSTRING_START fstring_middle* FSTRING_END`
    pub(super) fn fstring(&mut self) -> Option<Expr<'a>> {
        let (values, span) = self.template_literal(Template::F)?;
        Some(self.expr(ExprKind::JoinedStr { values }, span))
    }

    /// `tstring (memo): TSTRING_START tstring_middle* TSTRING_END`
    pub(super) fn tstring(&mut self) -> Option<Expr<'a>> {
        let (values, span) = self.template_literal(Template::T)?;
        Some(self.expr(ExprKind::TemplateStr { values }, span))
    }

    /// The parts of one f- or t-string, with debug fields unpacked and empty text dropped
    /// (`_get_resized_exprs`).
    fn template_literal(&mut self, kind: Template) -> Option<(&'a [Expr<'a>], Span)> {
        let start = self.pos;
        let (open, close) = if kind == Template::F {
            (T::FstringStart, T::FstringEnd)
        } else {
            (T::TstringStart, T::TstringEnd)
        };
        if !self.eat(open) {
            return None;
        }
        let raw = self.text(start).contains(['r', 'R']);
        let mut values = self.vec();
        let mut warnings = Vec::new();
        loop {
            let save = self.pos;
            match self.peek() {
                k if k == kind.middle() => {
                    self.pos += 1;
                    let text = self.text(save);
                    let value = self.middle_text(text, raw, save, Some(&mut warnings))?;
                    if !value.is_empty() {
                        let c = ExprKind::Constant {
                            value: Constant::Str(value),
                            kind_u: false,
                        };
                        values.push(self.expr(c, self.tok_span(save)));
                    }
                }
                T::Lbrace => match self.replacement_field(kind, raw) {
                    Some((debug, field)) => {
                        if let Some(d) = debug {
                            values.push(d);
                        }
                        values.push(field);
                    }
                    None => {
                        self.pos = save;
                        break;
                    }
                },
                _ => break,
            }
        }
        if self.failed() || !self.eat(close) {
            self.pos = start;
            return None;
        }
        let end_line = self.lines.line(self.tok(self.pos - 1).start);
        for (inv, newlines) in warnings {
            self.warnings.push(crate::parse::Warning {
                msg: inv.message(),
                lineno: end_line + newlines,
            });
        }
        Some((arena::into_slice(values), self.span_from(start)))
    }

    /// Decodes an `FSTRING_MIDDLE`/`TSTRING_MIDDLE` text; doubled braces stand for one.
    ///
    /// With `deferred`, the SyntaxWarning for an invalid escape is not recorded but added to
    /// `deferred` with the number of newlines before the escape: CPython decodes the parts
    /// of an f-string (not of its format specs) only once the whole literal is parsed, and
    /// dates the warning from the closing quote's line.
    fn middle_text(
        &mut self,
        text: &str,
        raw: bool,
        tok: usize,
        deferred: Option<&mut Vec<(InvalidEscape, u32)>>,
    ) -> Option<&'a Wtf8> {
        let body_off = self.tok(tok).start;
        let collapsed;
        let text = if text.contains("{{") || text.contains("}}") {
            collapsed = text.replace("{{", "{").replace("}}", "}");
            collapsed.as_str()
        } else {
            text
        };
        let raw = raw || !text.contains('\\');
        let Some(deferred) = deferred else {
            return self.decode_text(text, raw, body_off, tok);
        };
        if raw {
            return Some(Wtf8::from_str(self.arena.alloc_str(text)));
        }
        match decode_str(text) {
            Ok((v, invalid)) => {
                if let Some(inv) = invalid
                    && !self.invalid_pass
                    && !matches!(inv.text.as_str(), "{" | "}")
                {
                    let newlines = text.as_bytes()[..inv.offset.min(text.len())]
                        .iter()
                        .filter(|&&b| b == b'\n')
                        .count() as u32;
                    deferred.push((inv, newlines));
                }
                Some(self.alloc_wtf8(&v))
            }
            Err(msg) => {
                self.raise_last_token(ErrorKind::SyntaxError, format!("(unicode error) {msg}"));
                None
            }
        }
    }

    /// `fstring_replacement_field: '{' annotated_rhs '='? [fstring_conversion]
    ///     [fstring_full_format_spec] '}' | invalid_fstring_replacement_field`
    /// (and the t-string forms). Returns the debug text constant, if any, and the field.
    fn replacement_field(
        &mut self,
        kind: Template,
        raw: bool,
    ) -> Option<(Option<Expr<'a>>, Expr<'a>)> {
        let start = self.pos;
        let r = self.nest(|p| p.replacement_field_body(kind, raw));
        if r.is_none() {
            self.pos = start;
            if self.invalid_pass && !self.failed() {
                self.invalid_replacement_field(kind);
                self.pos = start;
            }
        }
        r
    }

    fn replacement_field_body(
        &mut self,
        kind: Template,
        raw: bool,
    ) -> Option<(Option<Expr<'a>>, Expr<'a>)> {
        let start = self.pos;
        if !self.eat(T::Lbrace) {
            return None;
        }
        let value = self.annotated_rhs()?;
        let equal_tok = self.pos;
        let debug = self.eat(T::Equal);
        let conversion = self.fstring_conversion(kind);
        if self.failed() {
            return None;
        }
        let format_start = self.pos;
        let format_spec = self.full_format_spec(kind, raw);
        if self.failed() {
            return None;
        }
        if format_spec.is_none() {
            self.pos = format_start;
        }
        let rbrace = self.expect(T::Rbrace)?;
        let span = self.span_from(start);
        // The expression text runs from after '{' to the token that ends it.
        let text_end = match (&conversion, format_spec.is_some()) {
            (Some(c), _) => self.tok(c.bang).start,
            (None, true) => self.tok(format_start).start,
            (None, false) => self.tok(rbrace).start,
        };
        let text_start = self.tok(start).end;
        let expr_text = strip_expr_comments(&self.src[text_start as usize..text_end as usize]);
        let conversion = match conversion {
            Some(c) => c.conversion,
            None if debug && format_spec.is_none() => Conversion::Repr,
            None => Conversion::None,
        };
        let format_spec = format_spec.map(|f| self.alloc(f));
        let value = self.alloc(value);
        let field = if kind == Template::T {
            // The interpolation's `str` is the expression as written, without a debug `=`
            // and what follows it.
            let str_end = if debug {
                self.tok(equal_tok).start
            } else {
                text_end
            };
            let written = strip_expr_comments(&self.src[text_start as usize..str_end as usize]);
            let str = Wtf8::from_str(self.arena.alloc_str(&written));
            self.expr(
                ExprKind::Interpolation {
                    value,
                    str,
                    conversion,
                    format_spec,
                },
                span,
            )
        } else {
            self.expr(
                ExprKind::FormattedValue {
                    value,
                    conversion,
                    format_spec,
                },
                span,
            )
        };
        let debug_text = if debug {
            let text = Wtf8::from_str(self.arena.alloc_str(&expr_text));
            let c = ExprKind::Constant {
                value: Constant::Str(text),
                kind_u: false,
            };
            Some(self.expr(c, Span::new(text_start, text_end)))
        } else {
            None
        };
        Some((debug_text, field))
    }

    /// `fstring_conversion: "!" NAME`, checked for adjacency and for `s`, `r` or `a`.
    fn fstring_conversion(&mut self, kind: Template) -> Option<ConversionSpec> {
        let bang = self.pos;
        if !self.eat(T::Exclamation) {
            return None;
        }
        let Some(name_tok) = self.expect(T::Name) else {
            self.pos = bang;
            return None;
        };
        let (b, n) = (self.tok(bang), self.tok(name_tok));
        if b.end != n.start {
            self.raise_token_range(
                format!(
                    "{}: conversion type must come right after the exclamation mark",
                    kind.prefix()
                ),
                bang,
                name_tok,
            );
            return None;
        }
        let conversion = match self.text(name_tok) {
            "s" => Conversion::Str,
            "r" => Conversion::Repr,
            "a" => Conversion::Ascii,
            other => {
                let msg = format!(
                    "{}: invalid conversion character {}: expected 's', 'r', or 'a'",
                    kind.prefix(),
                    py_repr(other)
                );
                self.raise_at_token(msg, name_tok);
                return None;
            }
        };
        Some(ConversionSpec { conversion, bang })
    }

    /// `fstring_full_format_spec: ':' fstring_format_spec*` as a `JoinedStr`
    /// (`_PyPegen_setup_full_format_spec`).
    fn full_format_spec(&mut self, kind: Template, raw: bool) -> Option<Expr<'a>> {
        let start = self.pos;
        if !self.eat(T::Colon) {
            return None;
        }
        // Fields nested in a t-string's spec are formatted values, not interpolations.
        let nested = if kind == Template::F {
            Template::F
        } else {
            Template::TSpec
        };
        let mut parts = self.vec();
        loop {
            let save = self.pos;
            match self.peek() {
                k if k == kind.middle() => {
                    self.pos += 1;
                    let text = self.text(save);
                    let value = self.middle_text(text, raw, save, None)?;
                    if !value.is_empty() {
                        let c = ExprKind::Constant {
                            value: Constant::Str(value),
                            kind_u: false,
                        };
                        parts.push(self.expr(c, self.tok_span(save)));
                    }
                }
                T::Lbrace => match self.replacement_field(nested, raw) {
                    Some((debug, field)) => {
                        if let Some(d) = debug {
                            parts.push(d);
                        }
                        parts.push(field);
                    }
                    None => {
                        self.pos = save;
                        break;
                    }
                },
                _ => break,
            }
        }
        if self.failed() {
            return None;
        }
        let span = self.span_from(start);
        let values = if parts.len() == 1 && matches!(parts[0].kind, ExprKind::Constant { .. }) {
            arena::into_slice(parts)
        } else {
            self.fold_constants(&parts)
        };
        Some(self.expr(ExprKind::JoinedStr { values }, span))
    }

    /// `(MIDDLE | replacement_field)*` of a format spec, matched and discarded (used by the
    /// invalid rules).
    pub(super) fn skip_format_spec_items(&mut self, kind: Template) {
        loop {
            let save = self.pos;
            let k = self.peek();
            if k == kind.middle() {
                self.pos += 1;
            } else if k == T::Lbrace && self.replacement_field(kind, false).is_some() {
            } else {
                self.pos = save;
                break;
            }
        }
    }

    /// `_PyPegen_concatenate_strings`: plain literals concatenate into one constant; with an
    /// f-string the parts are flattened into one `JoinedStr`.
    fn concatenate_strings(&mut self, parts: &[Expr<'a>], span: Span) -> Option<Expr<'a>> {
        let mut has_f = false;
        let mut has_str = false;
        let mut has_bytes = false;
        for p in parts {
            match p.kind {
                ExprKind::Constant {
                    value: Constant::Bytes(_),
                    ..
                } => has_bytes = true,
                ExprKind::Constant { .. } => has_str = true,
                _ => has_f = true,
            }
        }
        if (has_str || has_f) && has_bytes {
            self.raise_last_token(
                ErrorKind::SyntaxError,
                "cannot mix bytes and nonbytes literals",
            );
            return None;
        }
        if !has_f {
            if parts.len() == 1 {
                return Some(parts[0]);
            }
            let kind_u = matches!(parts[0].kind, ExprKind::Constant { kind_u: true, .. });
            let value = if has_bytes {
                let mut v = self.arena.vec();
                for p in parts {
                    if let ExprKind::Constant {
                        value: Constant::Bytes(b),
                        ..
                    } = p.kind
                    {
                        v.extend_from_slice(b);
                    }
                }
                Constant::Bytes(arena::into_slice(v))
            } else {
                let mut v = self.arena.vec();
                for p in parts {
                    if let ExprKind::Constant {
                        value: Constant::Str(s),
                        ..
                    } = p.kind
                    {
                        v.extend_from_slice(s.as_bytes());
                    }
                }
                Constant::Str(Wtf8::from_bytes_unchecked(arena::into_slice(v)))
            };
            return Some(self.expr(ExprKind::Constant { value, kind_u }, span));
        }
        let values = self.fold_constants(parts);
        Some(self.expr(ExprKind::JoinedStr { values }, span))
    }

    /// `_build_concatenated_str`: flattens `JoinedStr`/`TemplateStr` parts, merges runs of
    /// adjacent string constants (spanning first to last, kind of the first) and drops empty
    /// ones.
    fn fold_constants(&mut self, parts: &[Expr<'a>]) -> &'a [Expr<'a>] {
        let mut flat: Vec<Expr<'a>> = Vec::with_capacity(parts.len());
        for p in parts {
            match p.kind {
                ExprKind::JoinedStr { values } | ExprKind::TemplateStr { values } => {
                    flat.extend_from_slice(values)
                }
                _ => flat.push(*p),
            }
        }
        let mut out = self.arena.vec_with_capacity(flat.len());
        let mut i = 0;
        while i < flat.len() {
            let e = flat[i];
            let ExprKind::Constant {
                value: Constant::Str(first),
                kind_u,
            } = e.kind
            else {
                out.push(e);
                i += 1;
                continue;
            };
            let mut j = i + 1;
            while j < flat.len() && matches!(flat[j].kind, ExprKind::Constant { .. }) {
                j += 1;
            }
            let merged = if j == i + 1 {
                e
            } else {
                let mut buf = self.arena.vec();
                for c in &flat[i..j] {
                    if let ExprKind::Constant {
                        value: Constant::Str(s),
                        ..
                    } = c.kind
                    {
                        buf.extend_from_slice(s.as_bytes());
                    }
                }
                let text = Wtf8::from_bytes_unchecked(arena::into_slice(buf));
                let span = Span::new(e.span.start, flat[j - 1].span.end);
                self.expr(
                    ExprKind::Constant {
                        value: Constant::Str(text),
                        kind_u,
                    },
                    span,
                )
            };
            let empty = match merged.kind {
                ExprKind::Constant {
                    value: Constant::Str(s),
                    ..
                } => s.is_empty(),
                _ => false,
            };
            let _ = first;
            if !empty {
                out.push(merged);
            }
            i = j;
        }
        arena::into_slice(out)
    }
}

/// Python's `repr` of a short identifier-like string (for conversion-character errors).
fn py_repr(s: &str) -> String {
    let q = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            c if c == q => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push(q);
    out
}

/// The debug text of `{expr=}` (or a t-string interpolation's `str`) from the source between
/// the field's `{` and the token that ends its expression: comments are removed, keeping the
/// newline that ends each one, and everything else stays as written.
///
/// CPython first looks for a `#` outside string literals and only then rebuilds the text;
/// both scans treat a quote character as opening or closing a literal (an odd number of
/// quotes per literal makes triple quotes work) and pass over the byte after a backslash, so
/// `"\"#"` stays intact.
fn strip_expr_comments(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut quote = None;
    let mut i = 0;
    let mut comment = false;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            q @ (b'"' | b'\'') => match quote {
                None => quote = Some(q),
                Some(open) if open == q => quote = None,
                Some(_) => {}
            },
            b'#' if quote.is_none() => {
                comment = true;
                break;
            }
            _ => {}
        }
        i += 1;
    }
    if !comment {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut quote = None;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let mut len = c.len_utf8();
        match c {
            '\\' => {
                len += rest[1..].chars().next().map_or(0, char::len_utf8);
                out.push_str(&rest[..len]);
            }
            '"' | '\'' => {
                match quote {
                    None => quote = Some(c),
                    Some(open) if open == c => quote = None,
                    Some(_) => {}
                }
                out.push(c);
            }
            '#' if quote.is_none() => {
                len = rest.find('\n').unwrap_or(rest.len());
            }
            _ => out.push(c),
        }
        rest = &rest[len..];
    }
    Cow::Owned(out)
}
