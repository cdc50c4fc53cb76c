//! The character predicates the regex engine needs (`\d`, `\s`, `\w`, case folding,
//! identifier checks for group names), with Python's `str` method definitions.

/// `\d`: Unicode decimal digits (ASCII only with `mode_ascii`).
pub fn is_digit(c: u32, ascii: bool) -> bool {
    if c < 0x80 || ascii {
        return (0x30..=0x39).contains(&c);
    }
    char::from_u32(c).is_some_and(|ch| crate::types::int::unicode_digit(ch).is_some())
}

/// `\s`: Python's `str.isspace` (ASCII whitespace only in ASCII mode).
pub fn is_space(c: u32, ascii: bool) -> bool {
    if c < 0x80 || ascii {
        return matches!(c, 0x09..=0x0d | 0x20);
    }
    crate::types::str_type::is_space(c)
}

/// `\w`: alphanumerics and underscore.
pub fn is_word(c: u32, ascii: bool) -> bool {
    if c < 0x80 || ascii {
        return c == 0x5f || (c < 0x80 && (c as u8).is_ascii_alphanumeric());
    }
    char::from_u32(c).is_some_and(char::is_alphanumeric)
}

/// The simple lowercase of `c` (Unicode's one-character mapping, which `re` folds with).
pub fn lower(c: u32) -> u32 {
    if c < 0x80 {
        return (c as u8).to_ascii_lowercase() as u32;
    }
    // U+0130 (I WITH DOT ABOVE) is the one code point whose full lowercase is longer than
    // one character ("i\u0307"); its simple lowercase is 'i'.
    if c == 0x130 {
        return 0x69;
    }
    let Some(ch) = char::from_u32(c) else {
        return c;
    };
    let mut it = ch.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) => l as u32,
        _ => c,
    }
}

/// The simple uppercase of `c`.
pub fn upper(c: u32) -> u32 {
    if c < 0x80 {
        return (c as u8).to_ascii_uppercase() as u32;
    }
    let Some(ch) = char::from_u32(c) else {
        return c;
    };
    let mut it = ch.to_uppercase();
    match (it.next(), it.next()) {
        (Some(u), None) => u as u32,
        _ => c,
    }
}

pub fn is_xid_start(c: char) -> bool {
    unicode_ident::is_xid_start(c)
}

pub fn is_xid_continue(c: char) -> bool {
    unicode_ident::is_xid_continue(c)
}
