//! Operators, delimiters and brackets, including the bracket bookkeeping of f-string
//! replacement fields (where `:` starts a format spec and `}` returns to literal text).

use super::{LexResult, Lexer, MAX_LEVEL, Paren};
use crate::parse::token::TokenKind;

impl Lexer<'_> {
    /// The operator or delimiter starting with ASCII byte `c` at `start`.
    pub(super) fn operator(&mut self, start: usize, c: u8) -> LexResult {
        if c == b':'
            && let Some(m) = self.modes.last_mut()
            && m.in_expr()
            && m.bracket_depth - 1 == m.expr_start_depth
        {
            // A `:` at the replacement field's own bracket level starts the format spec,
            // even before `=` (so no `:=` there).
            m.in_literal = true;
            m.in_format_spec = true;
            self.pos = start + 1;
            self.push(TokenKind::Colon, start, self.pos);
            return Ok(());
        }
        let c2 = self.byte(start + 1);
        if let Some(kind) = two_chars(c, c2) {
            let (kind, len) = match three_chars(c, c2, self.byte(start + 2)) {
                Some(k3) => (k3, 3),
                None => (kind, 2),
            };
            self.pos = start + len;
            self.push(kind, start, self.pos);
            return Ok(());
        }
        self.pos = start + 1;
        match c {
            b'(' | b'[' | b'{' => self.open_bracket(start, c)?,
            b')' | b']' | b'}' => self.close_bracket(start, c)?,
            _ => {}
        }
        if c < 0x20 || c == 0x7f {
            let msg = format!("invalid non-printable character U+{:04X}", c);
            return Err(self.raise_at(self.pos, start + 1, msg));
        }
        self.push(one_char(c), start, self.pos);
        Ok(())
    }

    fn open_bracket(&mut self, start: usize, c: u8) -> LexResult {
        if self.parens.len() >= MAX_LEVEL {
            return Err(self.raise_at(self.pos, start + 1, "too many nested parentheses".into()));
        }
        self.parens.push(Paren {
            ch: c,
            pos: start as u32,
        });
        if let Some(m) = self.modes.last_mut() {
            m.bracket_depth += 1;
        }
        Ok(())
    }

    fn close_bracket(&mut self, start: usize, c: u8) -> LexResult {
        let cur = self.pos;
        if let Some(m) = self.modes.last()
            && m.bracket_depth == 0
            && c == b'}'
        {
            let msg = format!("{}-string: single '}}' is not allowed", m.letter());
            return Err(self.raise_at(cur, start + 1, msg));
        }
        let Some(open) = self.parens.pop() else {
            return Err(self.raise_at(cur, start + 1, format!("unmatched '{}'", c as char)));
        };
        let matches = matches!((open.ch, c), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
        if !matches {
            if let Some(m) = self.modes.last() {
                // The bracket that opened the replacement field itself, closed by something
                // else (`f"{)}"`): an unmatched bracket rather than a mismatch.
                if open.ch == b'{' && m.bracket_depth - 1 == m.expr_start_depth {
                    let msg = format!("{}-string: unmatched '{}'", m.letter(), c as char);
                    return Err(self.raise_at(cur, start + 1, msg));
                }
            }
            let open_line = self.line_of(open.pos as usize);
            let msg = if open_line != self.line_of(start) {
                format!(
                    "closing parenthesis '{}' does not match opening parenthesis '{}' on line {open_line}",
                    c as char, open.ch as char
                )
            } else {
                format!(
                    "closing parenthesis '{}' does not match opening parenthesis '{}'",
                    c as char, open.ch as char
                )
            };
            return Err(self.raise_at(cur, start + 1, msg));
        }
        if let Some(m) = self.modes.last_mut() {
            m.bracket_depth -= 1;
            if m.bracket_depth < 0 {
                let msg = format!("{}-string: unmatched '{}'", m.letter(), c as char);
                return Err(self.raise_at(cur, start + 1, msg));
            }
            if c == b'}' && m.bracket_depth == m.expr_start_depth {
                // The replacement field is complete: back to literal text.
                m.expr_start_depth -= 1;
                m.in_literal = true;
                m.in_format_spec = false;
            }
        }
        Ok(())
    }
}

/// The token for a one-character operator; `Op` for characters that are no Python token.
fn one_char(c: u8) -> TokenKind {
    use TokenKind::*;
    match c {
        b'!' => Exclamation,
        b'%' => Percent,
        b'&' => Amper,
        b'(' => Lpar,
        b')' => Rpar,
        b'*' => Star,
        b'+' => Plus,
        b',' => Comma,
        b'-' => Minus,
        b'.' => Dot,
        b'/' => Slash,
        b':' => Colon,
        b';' => Semi,
        b'<' => Less,
        b'=' => Equal,
        b'>' => Greater,
        b'@' => At,
        b'[' => Lsqb,
        b']' => Rsqb,
        b'^' => Circumflex,
        b'{' => Lbrace,
        b'|' => Vbar,
        b'}' => Rbrace,
        b'~' => Tilde,
        _ => Op,
    }
}

/// Two-character operators (CPython's `_PyToken_TwoChars`, including `<>`, which the parser
/// rejects unless the Barry-as-FLUFL future is on).
fn two_chars(c1: u8, c2: u8) -> Option<TokenKind> {
    use TokenKind::*;
    Some(match (c1, c2) {
        (b'!', b'=') => NotEqual,
        (b'%', b'=') => PercentEqual,
        (b'&', b'=') => AmperEqual,
        (b'*', b'*') => DoubleStar,
        (b'*', b'=') => StarEqual,
        (b'+', b'=') => PlusEqual,
        (b'-', b'=') => MinEqual,
        (b'-', b'>') => Rarrow,
        (b'/', b'/') => DoubleSlash,
        (b'/', b'=') => SlashEqual,
        (b':', b'=') => ColonEqual,
        (b'<', b'<') => LeftShift,
        (b'<', b'=') => LessEqual,
        (b'<', b'>') => NotEqual,
        (b'=', b'=') => EqEqual,
        (b'>', b'=') => GreaterEqual,
        (b'>', b'>') => RightShift,
        (b'@', b'=') => AtEqual,
        (b'^', b'=') => CircumflexEqual,
        (b'|', b'=') => VbarEqual,
        _ => return Option::None,
    })
}

/// Three-character operators (`_PyToken_ThreeChars`; `...` is handled with `.`).
fn three_chars(c1: u8, c2: u8, c3: u8) -> Option<TokenKind> {
    use TokenKind::*;
    Some(match (c1, c2, c3) {
        (b'*', b'*', b'=') => DoubleStarEqual,
        (b'/', b'/', b'=') => DoubleSlashEqual,
        (b'<', b'<', b'=') => LeftShiftEqual,
        (b'>', b'>', b'=') => RightShiftEqual,
        _ => return Option::None,
    })
}
