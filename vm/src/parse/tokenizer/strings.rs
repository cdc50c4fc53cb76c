//! String literal prefixes, plain string and bytes literals, and the opening of f-/t-strings.
//!
//! A plain literal is one `String` token; its escapes are the parser's business. Here we
//! only find where it ends (a backslash protects the next character, including a newline)
//! and report unterminated literals from their first quote, as CPython does.

use super::{FstringMode, LexResult, Lexer, MAX_FSTRING_LEVEL, Stop};
use crate::parse::token::TokenKind;

/// The prefix letters seen before a quote.
#[derive(Clone, Copy, Default)]
struct Prefix {
    b: bool,
    r: bool,
    u: bool,
    f: bool,
    t: bool,
}

impl Prefix {
    /// The first incompatible pair, in CPython's order of checks.
    fn conflict(self) -> Option<(char, char)> {
        [
            (self.u && self.b, ('u', 'b')),
            (self.u && self.r, ('u', 'r')),
            (self.u && self.f, ('u', 'f')),
            (self.u && self.t, ('u', 't')),
            (self.b && self.f, ('b', 'f')),
            (self.b && self.t, ('b', 't')),
            (self.f && self.t, ('f', 't')),
        ]
        .into_iter()
        .find_map(|(bad, pair)| bad.then_some(pair))
    }
}

impl Lexer<'_> {
    /// If the name starting at `start` is a string prefix followed by a quote, lexes the
    /// string and returns `Some`; otherwise leaves the cursor alone and returns `None`.
    pub(super) fn try_string_prefix(&mut self, start: usize) -> LexResult<Option<()>> {
        let mut seen = Prefix::default();
        let mut i = start;
        loop {
            let flag = match self.byte(i) {
                b'b' | b'B' => &mut seen.b,
                b'r' | b'R' => &mut seen.r,
                b'u' | b'U' => &mut seen.u,
                b'f' | b'F' => &mut seen.f,
                b't' | b'T' => &mut seen.t,
                _ => return Ok(None),
            };
            if *flag {
                return Ok(None);
            }
            *flag = true;
            i += 1;
            let q = self.byte(i);
            if q != b'"' && q != b'\'' {
                continue;
            }
            if let Some((a, b)) = seen.conflict() {
                let msg = format!("'{a}' and '{b}' prefixes are incompatible");
                return Err(self.raise_range(i + 1, start, i + 1, msg));
            }
            if seen.f || seen.t {
                self.fstring_start(start, i, seen.r, seen.t)?;
            } else {
                self.string(start, i)?;
            }
            return Ok(Some(()));
        }
    }

    /// A plain string or bytes literal whose first quote is at `quote_pos`.
    pub(super) fn string(&mut self, start: usize, quote_pos: usize) -> LexResult {
        let quote = self.byte(quote_pos);
        self.pos = quote_pos + 1;
        let mut quote_size = 1;
        if self.peek() == quote {
            if self.byte(self.pos + 1) == quote {
                quote_size = 3;
                self.pos += 2;
            } else {
                // The empty string.
                self.pos += 1;
                self.push(TokenKind::String, start, self.pos);
                return Ok(());
            }
        }
        let mut has_escaped_quote = false;
        let mut end_quote_size = 0;
        while end_quote_size != quote_size {
            // Skip the bytes that cannot end or escape anything.
            let p = self.find_string_special(self.pos, quote);
            if p > self.pos {
                end_quote_size = 0;
                self.pos = p;
            }
            let c = self.bump();
            if c == 0 || (quote_size == 1 && c == b'\n') {
                return Err(self.unterminated_string(
                    start,
                    quote,
                    quote_size,
                    c,
                    has_escaped_quote,
                ));
            }
            if c == quote {
                end_quote_size += 1;
            } else {
                end_quote_size = 0;
                if c == b'\\' {
                    // The escaped byte cannot close the string (nor end a one-line string).
                    if self.bump() == quote {
                        has_escaped_quote = true;
                    }
                }
            }
        }
        self.push(TokenKind::String, start, self.pos);
        Ok(())
    }

    /// The first quote, backslash or newline at or after `from` (or the scanning limit).
    #[inline]
    fn find_string_special(&self, from: usize, quote: u8) -> usize {
        let bytes = &self.src.as_bytes()[..self.limit];
        let rest = &bytes[from.min(bytes.len())..];
        from + memchr::memchr3(quote, b'\\', b'\n', rest).unwrap_or(rest.len())
    }

    /// The error for a literal that reaches the end of its line or of the input.
    fn unterminated_string(
        &mut self,
        start: usize,
        quote: u8,
        quote_size: usize,
        c: u8,
        has_escaped_quote: bool,
    ) -> Stop {
        // Inside a replacement field, the f-string's own closing quote means the field was
        // not closed.
        let field_unclosed = self
            .modes
            .last()
            .filter(|m| m.quote == quote && m.quote_size as usize == quote_size)
            .map(|m| m.letter());
        self.unterminated(start, c, |detected| match field_unclosed {
            Some(l) => format!("{l}-string: expecting '}}'"),
            None if quote_size == 3 => {
                format!("unterminated triple-quoted string literal (detected at line {detected})")
            }
            None if has_escaped_quote => format!(
                "unterminated string literal (detected at line {detected}); \
                 perhaps you escaped the end quote?"
            ),
            None => format!("unterminated string literal (detected at line {detected})"),
        })
    }

    /// The opening of an f-string or t-string: prefix from `start`, first quote at
    /// `quote_pos`. Pushes the string's mode and its start token.
    fn fstring_start(
        &mut self,
        start: usize,
        quote_pos: usize,
        raw: bool,
        tstring: bool,
    ) -> LexResult {
        let quote = self.byte(quote_pos);
        let quote_size: u8 =
            if self.byte(quote_pos + 1) == quote && self.byte(quote_pos + 2) == quote {
                3
            } else {
                1
            };
        self.pos = quote_pos + quote_size as usize;
        if self.modes.len() + 1 >= MAX_FSTRING_LEVEL {
            return Err(self.raise_here(self.pos, "too many nested f-strings or t-strings".into()));
        }
        self.modes.push(FstringMode {
            in_literal: true,
            tstring,
            quote,
            quote_size,
            raw,
            start: start as u32,
            bracket_depth: 0,
            expr_start_depth: -1,
            in_format_spec: false,
        });
        let kind = if tstring {
            TokenKind::TstringStart
        } else {
            TokenKind::FstringStart
        };
        self.push(kind, start, self.pos);
        Ok(())
    }
}
