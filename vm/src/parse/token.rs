//! Token kinds and the token record shared by the tokenizer and the parser.
//!
//! Kinds follow CPython 3.14's `Grammar/Tokens` (exact operator types, PEP 701 f-string and
//! PEP 750 t-string parts), with hard keywords split out of `NAME` by the tokenizer so the
//! parser matches them by kind. Soft keywords (`match`, `case`, `type`, `_`) stay `Name`.
//! A token is 12 bytes: its kind and byte offsets into the normalized source; text and
//! line/column positions are recovered from the source and a [`super::LineIndex`].

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum TokenKind {
    /// End of input (always the last token).
    EndMarker,
    /// An identifier that is not a hard keyword (soft keywords included).
    Name,
    /// A numeric literal (int, float or imaginary).
    Number,
    /// A complete string or bytes literal (not an f-/t-string).
    String,
    /// End of a logical line.
    Newline,
    /// Indentation increased.
    Indent,
    /// Indentation decreased (one per level closed).
    Dedent,
    /// `(`
    Lpar,
    /// `)`
    Rpar,
    /// `[`
    Lsqb,
    /// `]`
    Rsqb,
    /// `:`
    Colon,
    /// `,`
    Comma,
    /// `;`
    Semi,
    /// `+`
    Plus,
    /// `-`
    Minus,
    /// `*`
    Star,
    /// `/`
    Slash,
    /// `|`
    Vbar,
    /// `&`
    Amper,
    /// `<`
    Less,
    /// `>`
    Greater,
    /// `=`
    Equal,
    /// `.`
    Dot,
    /// `%`
    Percent,
    /// `{`
    Lbrace,
    /// `}`
    Rbrace,
    /// `==`
    EqEqual,
    /// `!=` (also `<>` under the Barry-as-FLUFL easter egg, which rpy does not enable)
    NotEqual,
    /// `<=`
    LessEqual,
    /// `>=`
    GreaterEqual,
    /// `~`
    Tilde,
    /// `^`
    Circumflex,
    /// `<<`
    LeftShift,
    /// `>>`
    RightShift,
    /// `**`
    DoubleStar,
    /// `+=`
    PlusEqual,
    /// `-=`
    MinEqual,
    /// `*=`
    StarEqual,
    /// `/=`
    SlashEqual,
    /// `%=`
    PercentEqual,
    /// `&=`
    AmperEqual,
    /// `|=`
    VbarEqual,
    /// `^=`
    CircumflexEqual,
    /// `<<=`
    LeftShiftEqual,
    /// `>>=`
    RightShiftEqual,
    /// `**=`
    DoubleStarEqual,
    /// `//`
    DoubleSlash,
    /// `//=`
    DoubleSlashEqual,
    /// `@`
    At,
    /// `@=`
    AtEqual,
    /// `->`
    Rarrow,
    /// `...`
    Ellipsis,
    /// `:=`
    ColonEqual,
    /// `!` (only meaningful inside f-/t-string replacement fields)
    Exclamation,
    /// Opening of an f-string: prefix and quote, e.g. `rf"""`.
    FstringStart,
    /// Literal text inside an f-string (raw source text; the parser decodes escapes).
    FstringMiddle,
    /// Closing quote of an f-string.
    FstringEnd,
    /// Opening of a t-string (PEP 750).
    TstringStart,
    /// Literal text inside a t-string.
    TstringMiddle,
    /// Closing quote of a t-string.
    TstringEnd,
    /// A character that is no Python token (`$`, `?`, `` ` ``): matches no grammar rule, so
    /// the parser reports "invalid syntax" on it (CPython's generic `OP`).
    Op,
    // Hard keywords.
    /// `False`
    False,
    /// `None`
    None,
    /// `True`
    True,
    /// `and`
    And,
    /// `as`
    As,
    /// `assert`
    Assert,
    /// `async`
    Async,
    /// `await`
    Await,
    /// `break`
    Break,
    /// `class`
    Class,
    /// `continue`
    Continue,
    /// `def`
    Def,
    /// `del`
    Del,
    /// `elif`
    Elif,
    /// `else`
    Else,
    /// `except`
    Except,
    /// `finally`
    Finally,
    /// `for`
    For,
    /// `from`
    From,
    /// `global`
    Global,
    /// `if`
    If,
    /// `import`
    Import,
    /// `in`
    In,
    /// `is`
    Is,
    /// `lambda`
    Lambda,
    /// `nonlocal`
    Nonlocal,
    /// `not`
    Not,
    /// `or`
    Or,
    /// `pass`
    Pass,
    /// `raise`
    Raise,
    /// `return`
    Return,
    /// `try`
    Try,
    /// `while`
    While,
    /// `with`
    With,
    /// `yield`
    Yield,
}

impl TokenKind {
    /// The hard keyword spelled `s`, if any.
    pub fn keyword(s: &str) -> Option<TokenKind> {
        keyword_by_packed_spelling(s)
    }

    /// True for hard keywords (which are also valid names in error messages' eyes).
    pub fn is_keyword(self) -> bool {
        (self as u8) >= (TokenKind::False as u8)
    }

    /// The fixed spelling of an operator, delimiter or keyword; `None` for tokens whose text
    /// varies (names, numbers, strings, layout tokens).
    pub fn spelling(self) -> Option<&'static str> {
        use TokenKind::*;
        Some(match self {
            Lpar => "(",
            Rpar => ")",
            Lsqb => "[",
            Rsqb => "]",
            Colon => ":",
            Comma => ",",
            Semi => ";",
            Plus => "+",
            Minus => "-",
            Star => "*",
            Slash => "/",
            Vbar => "|",
            Amper => "&",
            Less => "<",
            Greater => ">",
            Equal => "=",
            Dot => ".",
            Percent => "%",
            Lbrace => "{",
            Rbrace => "}",
            EqEqual => "==",
            NotEqual => "!=",
            LessEqual => "<=",
            GreaterEqual => ">=",
            Tilde => "~",
            Circumflex => "^",
            LeftShift => "<<",
            RightShift => ">>",
            DoubleStar => "**",
            PlusEqual => "+=",
            MinEqual => "-=",
            StarEqual => "*=",
            SlashEqual => "/=",
            PercentEqual => "%=",
            AmperEqual => "&=",
            VbarEqual => "|=",
            CircumflexEqual => "^=",
            LeftShiftEqual => "<<=",
            RightShiftEqual => ">>=",
            DoubleStarEqual => "**=",
            DoubleSlash => "//",
            DoubleSlashEqual => "//=",
            At => "@",
            AtEqual => "@=",
            Rarrow => "->",
            Ellipsis => "...",
            ColonEqual => ":=",
            Exclamation => "!",
            False => "False",
            None => "None",
            True => "True",
            And => "and",
            As => "as",
            Assert => "assert",
            Async => "async",
            Await => "await",
            Break => "break",
            Class => "class",
            Continue => "continue",
            Def => "def",
            Del => "del",
            Elif => "elif",
            Else => "else",
            Except => "except",
            Finally => "finally",
            For => "for",
            From => "from",
            Global => "global",
            If => "if",
            Import => "import",
            In => "in",
            Is => "is",
            Lambda => "lambda",
            Nonlocal => "nonlocal",
            Not => "not",
            Or => "or",
            Pass => "pass",
            Raise => "raise",
            Return => "return",
            Try => "try",
            While => "while",
            With => "with",
            Yield => "yield",
            _ => return Option::None,
        })
    }
}

/// `s` as a little-endian integer, for names of at most eight bytes.
const fn pack(s: &[u8]) -> u64 {
    let mut v = 0u64;
    let mut i = 0;
    while i < s.len() {
        v |= (s[i] as u64) << (8 * i);
        i += 1;
    }
    v
}

/// The keyword lookup: every keyword has two to eight bytes, so a name is compared as one
/// integer with constants (one `match`) instead of string by string.
macro_rules! keyword_lookup {
    ($($kind:ident = $text:literal),* $(,)?) => {
        fn keyword_by_packed_spelling(s: &str) -> Option<TokenKind> {
            #[allow(non_upper_case_globals)]
            mod packed {
                $(pub const $kind: u64 = super::pack($text.as_bytes());)*
            }
            let b = s.as_bytes();
            if !(2..=8).contains(&b.len()) {
                return Option::None;
            }
            match pack(b) {
                $(packed::$kind => Some(TokenKind::$kind),)*
                _ => Option::None,
            }
        }
    };
}

keyword_lookup! {
    False = "False", None = "None", True = "True", And = "and", As = "as", Assert = "assert",
    Async = "async", Await = "await", Break = "break", Class = "class", Continue = "continue",
    Def = "def", Del = "del", Elif = "elif", Else = "else", Except = "except",
    Finally = "finally", For = "for", From = "from", Global = "global", If = "if",
    Import = "import", In = "in", Is = "is", Lambda = "lambda", Nonlocal = "nonlocal",
    Not = "not", Or = "or", Pass = "pass", Raise = "raise", Return = "return", Try = "try",
    While = "while", With = "with", Yield = "yield",
}

/// One token: kind plus byte range `[start, end)` in the normalized source.
///
/// Ranges are the columns CPython's parser sees (`[starting_col_offset, col_offset)` of the C
/// tokenizer). Layout tokens: `Newline` runs from the comment before it, if any, through the
/// newline character (empty at the end of a source without a final newline, where CPython's
/// implicit newline is one column past it); `Indent` covers the leading whitespace; `Dedent`
/// and `EndMarker` are empty at the first token of the line that closes the block (at the end
/// of the source for the final ones). See `parse::tokenizer` for the full contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// What the token is.
    pub kind: TokenKind,
    /// Byte offset of the first character.
    pub start: u32,
    /// Byte offset one past the last character.
    pub end: u32,
}

const _: () = assert!(std::mem::size_of::<Token>() == 12);

impl Token {
    /// The token's source text.
    #[inline]
    pub fn text<'s>(&self, source: &'s str) -> &'s str {
        &source[self.start as usize..self.end as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::TokenKind;
    use crate::parse::keyword_typos::KWLIST;

    #[test]
    fn keyword_lookup_matches_spellings() {
        for &kw in KWLIST {
            let kind = TokenKind::keyword(kw).unwrap_or_else(|| panic!("{kw} not found"));
            assert!(kind.is_keyword());
            assert_eq!(kind.spelling(), Some(kw));
        }
        for name in [
            "",
            "x",
            "Falsey",
            "an",
            "assertx",
            "self",
            "nonlocals",
            "y",
            "_",
            "match",
        ] {
            assert_eq!(TokenKind::keyword(name), None, "{name}");
        }
    }
}
