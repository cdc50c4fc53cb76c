//! Numeric literals: decimal, hexadecimal, octal and binary integers with underscores,
//! floats with fractions and exponents, and imaginary numbers.
//!
//! The token covers the literal text; the parser converts values. What may follow a number
//! is checked as CPython does: a letter glued to it is an error ("invalid decimal literal"),
//! except before the keywords that can follow a number in valid code (`1if x else y`),
//! which only warns.

use super::{LexResult, Lexer, Stop, is_ident_char};
use crate::parse::token::TokenKind;

impl Lexer<'_> {
    /// A number starting at `start` (a digit, or `.` followed by a digit).
    pub(super) fn number(&mut self, start: usize) -> LexResult {
        let first = self.bump();
        if first == b'.' {
            self.fraction_and_exponent(start)?;
        } else if first == b'0' {
            match self.peek() {
                b'x' | b'X' => self.radix_int(16)?,
                b'o' | b'O' => self.radix_int(8)?,
                b'b' | b'B' => self.radix_int(2)?,
                _ => self.zero_prefixed(start)?,
            }
        } else {
            self.decimal_tail()?;
            if self.peek() == b'.' {
                self.pos += 1;
                self.fraction_and_exponent(start)?;
            } else {
                self.exponent_and_imaginary(start)?;
            }
        }
        self.push(TokenKind::Number, start, self.pos);
        Ok(())
    }

    /// Digits and single underscores after a first digit (`tok_decimal_tail`).
    fn decimal_tail(&mut self) -> LexResult {
        loop {
            while self.peek().is_ascii_digit() {
                self.pos += 1;
            }
            if self.peek() != b'_' {
                return Ok(());
            }
            self.pos += 1;
            if !self.peek().is_ascii_digit() {
                return Err(self.invalid_decimal());
            }
        }
    }

    /// `0x`, `0o` or `0b` literals; the cursor is on the radix letter.
    fn radix_int(&mut self, radix: u32) -> LexResult {
        let kind = match radix {
            16 => "hexadecimal",
            8 => "octal",
            _ => "binary",
        };
        self.pos += 1;
        loop {
            if self.peek() == b'_' {
                self.pos += 1;
            }
            let c = self.peek();
            if !is_radix_digit(c, radix) {
                return Err(self.bad_radix_digit(c, radix, kind));
            }
            while is_radix_digit(self.peek(), radix) {
                self.pos += 1;
            }
            if self.peek() != b'_' {
                break;
            }
        }
        let c = self.peek();
        if radix != 16 && c.is_ascii_digit() {
            return Err(self.bad_radix_digit(c, radix, kind));
        }
        self.verify_end_of_number(kind)
    }

    /// A digit invalid for `radix`, or a missing digit.
    fn bad_radix_digit(&mut self, c: u8, radix: u32, kind: &str) -> Stop {
        if radix != 16 && c.is_ascii_digit() {
            // CPython consumed the digit before complaining.
            let msg = format!("invalid digit '{}' in {kind} literal", c as char);
            self.raise_here(self.pos + 1, msg)
        } else {
            self.raise_at(self.pos, self.pos, format!("invalid {kind} literal"))
        }
    }

    /// A literal starting with `0` and no radix: zeros, or a float, or an imaginary number;
    /// other leading zeros are an error (old-style octal).
    fn zero_prefixed(&mut self, start: usize) -> LexResult {
        loop {
            if self.peek() == b'_' {
                self.pos += 1;
                if !self.peek().is_ascii_digit() {
                    return Err(self.invalid_decimal());
                }
            }
            if self.peek() != b'0' {
                break;
            }
            self.pos += 1;
        }
        // CPython's cursor after reading the first non-zero byte.
        let zeros_end = self.pos + 1;
        let nonzero = self.peek().is_ascii_digit();
        if nonzero {
            self.pos += 1;
            self.decimal_tail()?;
        }
        match self.peek() {
            b'.' => {
                self.pos += 1;
                self.fraction_and_exponent(start)
            }
            b'e' | b'E' | b'j' | b'J' => self.exponent_and_imaginary(start),
            _ if nonzero => {
                let msg = "leading zeros in decimal integer literals are not permitted; \
                           use an 0o prefix for octal integers";
                Err(self.raise_range(self.pos, start, zeros_end, msg.into()))
            }
            _ => self.verify_end_of_number("decimal"),
        }
    }

    /// After the `.` of a float: optional digits, then exponent and imaginary suffix.
    fn fraction_and_exponent(&mut self, start: usize) -> LexResult {
        if self.peek().is_ascii_digit() {
            self.pos += 1;
            self.decimal_tail()?;
        }
        self.exponent_and_imaginary(start)
    }

    /// An optional exponent, then an optional `j` suffix, then the end check.
    fn exponent_and_imaginary(&mut self, _start: usize) -> LexResult {
        let e = self.peek();
        if e == b'e' || e == b'E' {
            let e_pos = self.pos;
            self.pos += 1;
            let c = self.peek();
            if c == b'+' || c == b'-' {
                self.pos += 1;
                if !self.peek().is_ascii_digit() {
                    return Err(self.invalid_decimal());
                }
            } else if !c.is_ascii_digit() {
                // Not an exponent: the number ends before the `e`, which must not be glued
                // to it (`1else` only warns).
                self.pos = e_pos;
                self.verify_end_of_number("decimal")?;
                return Ok(());
            }
            self.pos += 1;
            self.decimal_tail()?;
        }
        let j = self.peek();
        if j == b'j' || j == b'J' {
            self.pos += 1;
            return self.verify_end_of_number("imaginary");
        }
        self.verify_end_of_number("decimal")
    }

    /// "invalid decimal literal" with the cursor on the byte that cannot follow.
    fn invalid_decimal(&mut self) -> Stop {
        self.raise_at(self.pos, self.pos, "invalid decimal literal".into())
    }

    /// CPython's `verify_end_of_number`: the byte after a number may not continue it.
    fn verify_end_of_number(&mut self, kind: &str) -> LexResult {
        let c = self.peek();
        let bytes = self.src.as_bytes();
        let follows = |word: &[u8]| {
            let p = self.pos + 1;
            bytes.len() >= p + word.len()
                && &bytes[p..p + word.len()] == word
                && !is_ident_char(self.byte(p + word.len()))
        };
        let keyword = match c {
            b'a' => follows(b"nd"),
            b'e' => follows(b"lse"),
            b'f' => follows(b"or"),
            b'i' => matches!(self.byte(self.pos + 1), b'f' | b'n' | b's'),
            b'o' => follows(b"r"),
            b'n' => follows(b"ot"),
            _ => false,
        };
        if keyword {
            self.warn(self.pos, format!("invalid {kind} literal"));
        } else if c < 0x80 && is_ident_char(c) {
            return Err(self.raise_at(self.pos, self.pos, format!("invalid {kind} literal")));
        }
        Ok(())
    }
}

fn is_radix_digit(c: u8, radix: u32) -> bool {
    match radix {
        16 => c.is_ascii_hexdigit(),
        8 => (b'0'..=b'7').contains(&c),
        _ => c == b'0' || c == b'1',
    }
}
