//! Numeric literals: integers (an `i64`, or base-2^32 digits when larger), floats with
//! correct rounding, and imaginary numbers; underscores are separators only.

use num_bigint::BigUint;

use super::Parser;
use crate::ast::*;
use crate::parse::ErrorKind;
use crate::parse::token::TokenKind as T;

/// The value of a numeric literal.
#[derive(Debug, PartialEq)]
pub(super) enum Number {
    Int(i64),
    Big(Vec<u32>),
    Float(f64),
    Imaginary(f64),
    /// A decimal literal over the digit limit, with its digit count.
    TooManyDigits(usize),
}

/// Parses the text of a NUMBER token (the tokenizer has validated its syntax).
pub(super) fn parse_number(text: &str) -> Number {
    let cleaned;
    let s = if text.contains('_') {
        cleaned = text.replace('_', "");
        cleaned.as_str()
    } else {
        text
    };
    let bytes = s.as_bytes();
    if let Some(stripped) = s.strip_suffix(['j', 'J']) {
        return Number::Imaginary(parse_float(stripped));
    }
    if bytes.len() > 2 && bytes[0] == b'0' {
        let radix = match bytes[1] {
            b'x' | b'X' => 16,
            b'o' | b'O' => 8,
            b'b' | b'B' => 2,
            _ => 0,
        };
        if radix != 0 {
            return parse_int(&s[2..], radix);
        }
    }
    if s.bytes().any(|b| matches!(b, b'.' | b'e' | b'E')) {
        return Number::Float(parse_float(s));
    }
    if crate::text::repr::exceeds_int_max_str_digits(s.len()) {
        return Number::TooManyDigits(s.len());
    }
    parse_int(s, 10)
}

fn parse_float(s: &str) -> f64 {
    // The tokenizer only produces valid float syntax, which Rust parses with correct
    // rounding (overflow gives infinity, as in CPython).
    s.parse::<f64>().unwrap_or(f64::NAN)
}

fn parse_int(digits: &str, radix: u32) -> Number {
    let mut acc: u64 = 0;
    for b in digits.bytes() {
        let d = u64::from((b as char).to_digit(radix).unwrap_or(0));
        match acc
            .checked_mul(u64::from(radix))
            .and_then(|v| v.checked_add(d))
        {
            Some(v) => acc = v,
            None => return big(digits, radix),
        }
    }
    match i64::try_from(acc) {
        Ok(v) => Number::Int(v),
        Err(_) => Number::Big(vec![acc as u32, (acc >> 32) as u32]),
    }
}

fn big(digits: &str, radix: u32) -> Number {
    match BigUint::parse_bytes(digits.as_bytes(), radix) {
        Some(v) => Number::Big(v.to_u32_digits()),
        None => Number::Int(0),
    }
}

impl<'a> Parser<'a, '_> {
    /// `NUMBER` as a `Constant`.
    pub(super) fn number(&mut self) -> Option<Expr<'a>> {
        let i = self.expect(T::Number)?;
        let value = match parse_number(self.text(i)) {
            Number::Int(v) => Constant::Int(v),
            Number::Big(d) => Constant::BigInt {
                negative: false,
                digits: self.arena.alloc_slice_copy(&d),
            },
            Number::Float(v) => Constant::Float(v),
            Number::Imaginary(v) => Constant::Complex { real: 0.0, imag: v },
            Number::TooManyDigits(n) => {
                let t = self.tok(i);
                let (line, end_line) = (self.lines.line(t.start), self.lines.line(t.end));
                self.raise_raw(
                    ErrorKind::SyntaxError,
                    format!(
                        "Exceeds the limit ({} digits) for integer string conversion: value has {n} digits; \
                         use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge \
                         integer literals to avoid decimal conversion limits.",
                        crate::text::repr::int_max_str_digits()
                    ),
                    (line, 0),
                    (end_line, 0),
                );
                return None;
            }
        };
        Some(self.expr(
            ExprKind::Constant {
                value,
                kind_u: false,
            },
            self.tok_span(i),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::{Number, parse_number};

    #[test]
    fn integers_in_every_base() {
        assert_eq!(parse_number("0"), Number::Int(0));
        assert_eq!(parse_number("1_000"), Number::Int(1000));
        assert_eq!(parse_number("0xff"), Number::Int(255));
        assert_eq!(parse_number("0O17"), Number::Int(15));
        assert_eq!(parse_number("0b1_01"), Number::Int(5));
        assert_eq!(parse_number("9223372036854775807"), Number::Int(i64::MAX));
        assert_eq!(
            parse_number("9223372036854775808"),
            Number::Big(vec![0, 0x8000_0000])
        );
        assert_eq!(
            parse_number("0x1_0000_0000_0000_0000"),
            Number::Big(vec![0, 0, 1])
        );
    }

    #[test]
    fn floats_and_imaginaries() {
        assert_eq!(parse_number("1.5"), Number::Float(1.5));
        assert_eq!(parse_number("1e3"), Number::Float(1000.0));
        assert_eq!(parse_number(".5"), Number::Float(0.5));
        assert_eq!(parse_number("1_0.0_1"), Number::Float(10.01));
        assert_eq!(parse_number("1e400"), Number::Float(f64::INFINITY));
        assert_eq!(parse_number("2j"), Number::Imaginary(2.0));
        assert_eq!(parse_number("1.5E2J"), Number::Imaginary(150.0));
        // Correct rounding of a halfway case.
        assert_eq!(
            parse_number("9007199254740993"),
            Number::Int(9007199254740993)
        );
        assert_eq!(
            parse_number("9007199254740993.0"),
            Number::Float(9007199254740992.0)
        );
    }

    #[test]
    fn decimal_digit_limit() {
        assert_eq!(parse_number(&"1".repeat(4301)), Number::TooManyDigits(4301));
        assert!(matches!(parse_number(&"1".repeat(4300)), Number::Big(_)));
        assert!(matches!(
            parse_number(&format!("0x{}", "f".repeat(5000))),
            Number::Big(_)
        ));
    }
}
