//! The literal parts of f-strings and t-strings (CPython's `tok_get_fstring_mode`).
//!
//! While an f-string's mode is "in literal", the tokenizer produces `FstringMiddle` tokens
//! up to the next replacement field (`{` not doubled), the end of a field's format spec
//! (`}`), or the closing quote (`FstringEnd`). Replacement fields are lexed in normal mode,
//! with the bookkeeping in `operators.rs` switching back to literal mode at a top-level `:`
//! (format spec) or at the field's closing `}`.
//!
//! Middle ranges are CPython's column ranges: a doubled brace ends a middle and both braces
//! are inside its range, while its literal value holds one brace. [`middle_text`] gives the
//! text to decode.

use super::{LexResult, Lexer, MAX_EXPR_NESTING, Stop};
use crate::parse::token::{Token, TokenKind};
use std::borrow::Cow;

/// The literal text of an `FstringMiddle`/`TstringMiddle` token: its range minus the second
/// brace of a doubled `{{` or `}}` that ends it. Escapes are still to be decoded (unless the
/// string is raw); the result never contains a doubled brace that stands for one.
pub fn middle_text<'s>(source: &'s str, token: &Token) -> &'s str {
    let text = token.text(source);
    if text.ends_with("{{") || text.ends_with("}}") {
        &text[..text.len() - 1]
    } else {
        text
    }
}

/// The debug text of `{expr=}` (or a t-string interpolation's source text) given the source
/// between the field's `{` and the `!`, `:` or `}` that ends its expression: CPython removes
/// comments, keeping the newline that ends each one, and leaves everything else as is.
pub fn strip_expr_comments(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    // CPython first looks for a `#` outside quotes, skipping the byte after a backslash.
    let mut in_string = None;
    let mut has_comment = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            q @ (b'"' | b'\'') => match in_string {
                None => in_string = Some(q),
                Some(open) if open == q => in_string = None,
                Some(_) => {}
            },
            b'#' if in_string.is_none() => {
                has_comment = true;
                break;
            }
            _ => {}
        }
        i += 1;
    }
    if !has_comment {
        return Cow::Borrowed(text);
    }
    // Then it copies the text without comments; this pass does not skip escaped bytes.
    let mut out = Vec::with_capacity(bytes.len());
    let mut in_string = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'"' | b'\'' => {
                match in_string {
                    None => in_string = Some(b),
                    Some(open) if open == b => in_string = None,
                    Some(_) => {}
                }
                out.push(b);
            }
            b'#' if in_string.is_none() => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                if i < bytes.len() {
                    out.push(b'\n');
                }
            }
            _ => out.push(b),
        }
        i += 1;
    }
    Cow::Owned(String::from_utf8_lossy(&out).into_owned())
}

impl Lexer<'_> {
    /// One token in literal mode: a middle, the end of the string, or (when a replacement
    /// field starts right away) the field's first token.
    pub(super) fn fstring_literal(&mut self) -> LexResult<bool> {
        let start = self.pos;
        let Some(&m) = self.modes.last() else {
            return self.normal_token();
        };
        if self.peek() == b'{' && self.byte(start + 1) != b'{' {
            self.enter_replacement_field(start)?;
            return self.normal_token();
        }
        // The closing quote(s). Quotes that match but fall short of a triple quote stay
        // consumed and become part of the middle, as in CPython.
        let qs = m.quote_size as usize;
        let mut matched = 0;
        while matched < qs && self.peek() == m.quote {
            self.pos += 1;
            matched += 1;
        }
        if matched == qs {
            self.modes.pop();
            let kind = if m.tstring {
                TokenKind::TstringEnd
            } else {
                TokenKind::FstringEnd
            };
            self.push(kind, start, self.pos);
            return Ok(true);
        }
        self.fstring_middle(start, m)?;
        Ok(true)
    }

    /// A `{` at `at` opens a replacement field: count its nesting and switch to normal mode.
    fn enter_replacement_field(&mut self, at: usize) -> LexResult {
        let Some(m) = self.modes.last_mut() else {
            return Ok(());
        };
        m.expr_start_depth += 1;
        m.in_literal = false;
        m.in_format_spec = false;
        if m.expr_start_depth >= MAX_EXPR_NESTING {
            let msg = format!("{}-string: expressions nested too deeply", m.letter());
            return Err(self.raise_at(at, at + 1, msg));
        }
        Ok(())
    }

    /// Literal text from `start` up to a field, the end of a format spec, or the closing
    /// quotes (which are left for the `FstringEnd` token).
    fn fstring_middle(&mut self, start: usize, m: super::FstringMode) -> LexResult {
        let qs = m.quote_size as usize;
        let kind = if m.tstring {
            TokenKind::TstringMiddle
        } else {
            TokenKind::FstringMiddle
        };
        let in_format_spec = m.in_format_spec && m.in_expr();
        let mut end_quote_size = 0;
        let mut unicode_escape = false;
        while end_quote_size != qs {
            let p = self.find_fstring_special(self.pos, m.quote);
            if p > self.pos {
                end_quote_size = 0;
                self.pos = p;
            }
            let c = self.bump();
            if c == 0 || (qs == 1 && c == b'\n') {
                if in_format_spec && c == b'\n' {
                    if qs == 1 {
                        let l = m.letter();
                        let msg = format!(
                            "{l}-string: newlines are not allowed in format specifiers for single quoted {l}-strings"
                        );
                        return Err(self.raise_here(self.pos, msg));
                    }
                    // A triple-quoted format spec ends at a newline; the field goes on.
                    self.pos -= 1;
                    self.leave_literal();
                    self.push(kind, start, self.pos);
                    return Ok(());
                }
                return Err(self.unterminated_fstring(m, c));
            }
            if c == m.quote {
                end_quote_size += 1;
                continue;
            }
            end_quote_size = 0;
            match c {
                b'{' => {
                    if self.peek() != b'{' || in_format_spec {
                        self.pos -= 1;
                        self.enter_replacement_field(self.pos)?;
                        self.push(kind, start, self.pos);
                        return Ok(());
                    }
                    self.pos += 1;
                    self.push(kind, start, self.pos);
                    return Ok(());
                }
                b'}' => {
                    if !unicode_escape {
                        if self.peek() == b'}' && !in_format_spec && m.bracket_depth == 0 {
                            self.pos += 1;
                        } else {
                            self.pos -= 1;
                            self.leave_literal();
                        }
                    }
                    self.push(kind, start, self.pos);
                    return Ok(());
                }
                b'\\' => {
                    let escaped = self.bump();
                    if escaped == b'{' || escaped == b'}' {
                        if !m.raw {
                            self.invalid_brace_escape(escaped);
                        }
                        // The brace is processed as a brace.
                        self.pos -= 1;
                    } else if !m.raw && escaped == b'N' && self.peek() == b'{' {
                        self.pos += 1;
                        unicode_escape = true;
                    }
                }
                _ => {}
            }
        }
        // Leave the closing quotes for `FstringEnd`.
        self.pos -= qs;
        self.push(kind, start, self.pos);
        Ok(())
    }

    /// Back to normal mode in the current replacement field.
    fn leave_literal(&mut self) {
        if let Some(m) = self.modes.last_mut() {
            m.in_literal = false;
            m.in_format_spec = false;
        }
    }

    /// The first byte at or after `from` that matters in literal text.
    #[inline]
    fn find_fstring_special(&self, from: usize, quote: u8) -> usize {
        let bytes = &self.src.as_bytes()[..self.limit];
        let rest = &bytes[from.min(bytes.len())..];
        from + rest
            .iter()
            .position(|&b| b == quote || matches!(b, b'{' | b'}' | b'\\' | b'\n'))
            .unwrap_or(rest.len())
    }

    /// SyntaxWarning for `\{` or `\}` in a non-raw f-string (the cursor is after the brace).
    fn invalid_brace_escape(&mut self, brace: u8) {
        let b = brace as char;
        let warning = format!(
            "\"\\{b}\" is an invalid escape sequence. Such sequences will not work in the future. \
             Did you mean \"\\\\{b}\"? A raw string is also an option."
        );
        let error = format!(
            "\"\\{b}\" is an invalid escape sequence. Did you mean \"\\\\{b}\"? A raw string is also an option."
        );
        self.warn_with_error(self.pos, warning, error);
    }

    /// An f-string that reaches the end of its line (single-quoted) or of the input.
    fn unterminated_fstring(&mut self, m: super::FstringMode, c: u8) -> Stop {
        let l = m.letter();
        self.unterminated(m.start as usize, c, |detected| {
            if m.quote_size == 3 {
                format!(
                    "unterminated triple-quoted {l}-string literal (detected at line {detected})"
                )
            } else {
                format!("unterminated {l}-string literal (detected at line {detected})")
            }
        })
    }
}
