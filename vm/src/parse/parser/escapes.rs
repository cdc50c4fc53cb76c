//! Backslash escapes of string and bytes literals, decoded as CPython's `unicode_escape` and
//! `PyBytes_DecodeEscape` do, including their error messages and the first invalid escape
//! (reported as a SyntaxWarning by the caller).
//!
//! CPython first rewrites every non-ASCII character of a `str` literal as a ten-byte `\U`
//! escape (and a backslash before one as `\u005c`) and decodes that buffer; error messages
//! quote positions in that rewritten buffer, so the decoder tracks them.

use crate::text::wtf8::Wtf8Buf;

/// The first invalid escape of a literal: the text after the backslash that CPython quotes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct InvalidEscape {
    /// The character after the backslash, or the three octal digits of a too-large octal
    /// escape.
    pub text: String,
    /// Byte offset of that text in the literal body (for the warning's line).
    pub offset: usize,
    /// An octal escape above `\377`.
    pub octal: bool,
}

impl InvalidEscape {
    /// CPython's SyntaxWarning text.
    pub(super) fn message(&self) -> String {
        if self.octal {
            format!(
                "\"\\{0}\" is an invalid octal escape sequence. Such sequences will not work in the future. \
                 Did you mean \"\\\\{0}\"? A raw string is also an option.",
                self.text
            )
        } else {
            format!(
                "\"\\{0}\" is an invalid escape sequence. Such sequences will not work in the future. \
                 Did you mean \"\\\\{0}\"? A raw string is also an option.",
                self.text
            )
        }
    }
}

/// Decodes the body of a non-raw `str` literal. The error is the text after
/// "(unicode error) ".
pub(super) fn decode_str(body: &str) -> Result<(Wtf8Buf, Option<InvalidEscape>), String> {
    let b = body.as_bytes();
    let mut out = Wtf8Buf::with_capacity(b.len());
    let mut invalid = None;
    let mut i = 0;
    while i < b.len() {
        let Some(off) = b[i..].iter().position(|&c| c == b'\\') else {
            out.push_str(&body[i..]);
            break;
        };
        out.push_str(&body[i..i + off]);
        let backslash = i + off;
        i = backslash + 1;
        let err = |end: usize, msg: &str| {
            codec_error(
                rewritten_pos(body, backslash),
                rewritten_pos(body, end),
                msg,
            )
        };
        let Some(&e) = b.get(i) else {
            // A trailing backslash (possible in an f-string part) stands for itself.
            out.push_char('\\');
            break;
        };
        if e >= 0x80 {
            // `\` before a non-ASCII character is rewritten as `\u005c`: a literal backslash.
            out.push_char('\\');
            continue;
        }
        i += 1;
        match e {
            b'\n' => {}
            b'\\' => out.push_char('\\'),
            b'\'' => out.push_char('\''),
            b'"' => out.push_char('"'),
            b'a' => out.push_char('\x07'),
            b'b' => out.push_char('\x08'),
            b'f' => out.push_char('\x0c'),
            b'n' => out.push_char('\n'),
            b'r' => out.push_char('\r'),
            b't' => out.push_char('\t'),
            b'v' => out.push_char('\x0b'),
            b'0'..=b'7' => {
                let first = i - 1;
                let mut v = u32::from(e - b'0');
                while i - first < 3 && i < b.len() && (b'0'..=b'7').contains(&b[i]) {
                    v = v * 8 + u32::from(b[i] - b'0');
                    i += 1;
                }
                if v > 0o377 && invalid.is_none() {
                    invalid = Some(InvalidEscape {
                        text: body[first..i].to_string(),
                        offset: first,
                        octal: true,
                    });
                }
                out.push_code_point(v);
            }
            b'x' | b'u' | b'U' => {
                let (count, msg) = match e {
                    b'x' => (2, "truncated \\xXX escape"),
                    b'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut v: u32 = 0;
                for _ in 0..count {
                    match b.get(i).and_then(|&d| (d as char).to_digit(16)) {
                        Some(d) => {
                            v = (v << 4) | d;
                            i += 1;
                        }
                        None => return Err(err(i, msg)),
                    }
                }
                if v > 0x10FFFF {
                    return Err(err(i, "illegal Unicode character"));
                }
                out.push_code_point(v);
            }
            b'N' => {
                let malformed = "malformed \\N character escape";
                if b.get(i) != Some(&b'{') {
                    return Err(err(i, malformed));
                }
                let name_start = i + 1;
                let Some(len) = b[name_start..].iter().position(|&c| c == b'}') else {
                    return Err(err(b.len(), malformed));
                };
                if len == 0 {
                    return Err(err(name_start, malformed));
                }
                let name = &body[name_start..name_start + len];
                i = name_start + len + 1;
                match lookup_name(name) {
                    Some(ch) => out.push_char(ch),
                    None => return Err(err(i, "unknown Unicode character name")),
                }
            }
            _ => {
                if invalid.is_none() {
                    invalid = Some(InvalidEscape {
                        text: (e as char).to_string(),
                        offset: i - 1,
                        octal: false,
                    });
                }
                out.push_char('\\');
                i -= 1;
            }
        }
    }
    Ok((out, invalid))
}

/// The position of byte `idx` of `body` in CPython's rewritten buffer, where each non-ASCII
/// character takes ten bytes and a backslash before one is followed by `u005c`.
fn rewritten_pos(body: &str, idx: usize) -> usize {
    let b = body.as_bytes();
    let mut pos = 0;
    let mut i = 0;
    while i < idx.min(b.len()) {
        if b[i] == b'\\' {
            pos += 1;
            i += 1;
            if i >= b.len() || b[i] >= 0x80 {
                pos += 5;
                continue;
            }
        }
        if b[i] >= 0x80 {
            let ch_len = body[i..].chars().next().map_or(1, char::len_utf8);
            pos += 10;
            i += ch_len;
        } else {
            pos += 1;
            i += 1;
        }
    }
    pos
}

/// `UnicodeDecodeError.__str__` for the unicode-escape codec (`end` exclusive).
fn codec_error(start: usize, end: usize, reason: &str) -> String {
    if end <= start + 1 {
        format!("'unicodeescape' codec can't decode byte 0x5c in position {start}: {reason}")
    } else {
        format!(
            "'unicodeescape' codec can't decode bytes in position {start}-{}: {reason}",
            end - 1
        )
    }
}

/// `\N{name}` lookup: Unicode names and aliases, case-insensitively (CPython does not
/// apply the looser UAX44 matching that `unicode_names2` accepts).
fn lookup_name(name: &str) -> Option<char> {
    // Every Unicode name and alias starts with a letter or digit. Checking it here also keeps
    // a leading '-' away from unicode_names2, whose hyphen rule looks at the byte before it
    // (an index underflow: a panic with overflow checks on, found by the fuzzer).
    if !name.is_ascii() || !name.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return None;
    }
    let ch = unicode_names2::character(name)?;
    let upper = name.to_ascii_uppercase();
    match unicode_names2::name(ch) {
        Some(canonical) if canonical.to_string() == upper => Some(ch),
        // Aliases have no canonical-name match; accept them when the spelling is exact
        // apart from case (no underscores or squeezed spaces).
        _ if !name.contains('_') && !name.contains("  ") => Some(ch),
        _ => None,
    }
}

/// Decodes the body of a non-raw bytes literal (ASCII only). The error is the text after
/// "(value error) ".
pub(super) fn decode_bytes(body: &[u8]) -> Result<(Vec<u8>, Option<InvalidEscape>), String> {
    let mut out = Vec::with_capacity(body.len());
    let mut invalid = None;
    let mut i = 0;
    while i < body.len() {
        let c = body[i];
        i += 1;
        if c != b'\\' {
            out.push(c);
            continue;
        }
        let Some(&e) = body.get(i) else {
            out.push(b'\\');
            break;
        };
        i += 1;
        match e {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let first = i - 1;
                let mut v = u32::from(e - b'0');
                let mut n = 1;
                while n < 3 && i < body.len() && (b'0'..=b'7').contains(&body[i]) {
                    v = v * 8 + u32::from(body[i] - b'0');
                    i += 1;
                    n += 1;
                }
                if v > 0o377 && invalid.is_none() {
                    let text = String::from_utf8_lossy(&body[first..i]).into_owned();
                    invalid = Some(InvalidEscape {
                        text,
                        offset: first,
                        octal: true,
                    });
                }
                out.push(v as u8);
            }
            b'x' => {
                let hex = |k: usize| body.get(k).and_then(|&d| (d as char).to_digit(16));
                match (hex(i), hex(i + 1)) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => return Err(format!("invalid \\x escape at position {}", i - 2)),
                }
            }
            _ => {
                if invalid.is_none() {
                    invalid = Some(InvalidEscape {
                        text: (e as char).to_string(),
                        offset: i - 1,
                        octal: false,
                    });
                }
                out.push(b'\\');
                i -= 1;
            }
        }
    }
    Ok((out, invalid))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(body: &str) -> String {
        let (v, _) = decode_str(body).unwrap();
        String::from_utf8(v.into_bytes()).unwrap()
    }

    #[test]
    fn names_not_starting_with_a_letter_or_digit_are_unknown() {
        // A leading '-' once reached unicode_names2's hyphen rule and underflowed (fuzzer).
        for name in [
            "-",
            "-A",
            "--LATIN SMALL LETTER A",
            " LATIN SMALL LETTER A",
            "",
        ] {
            assert_eq!(lookup_name(name), None, "{name:?}");
        }
        assert_eq!(lookup_name("latin small letter a"), Some('a'));
    }

    #[test]
    fn simple_escapes() {
        assert_eq!(
            s(r"a\nb\t\\\'\x41\u00e9\U0001F600\101"),
            "a\nb\t\\'A\u{e9}\u{1F600}A"
        );
        assert_eq!(s("line\\\ncont"), "linecont");
        assert_eq!(s(r"\N{DIGIT ONE}\N{digit two}"), "12");
        assert_eq!(s("\\\u{e9}"), "\\\u{e9}");
    }

    #[test]
    fn invalid_escapes_are_kept_and_reported() {
        let (v, inv) = decode_str(r"\d\q").unwrap();
        assert_eq!(String::from_utf8(v.into_bytes()).unwrap(), r"\d\q");
        let inv = inv.unwrap();
        assert_eq!((inv.text.as_str(), inv.octal), ("d", false));
        let (_, inv) = decode_str(r"\777").unwrap();
        assert!(inv.unwrap().octal);
    }

    #[test]
    fn surrogates_survive() {
        let (v, _) = decode_str(r"\ud800").unwrap();
        assert_eq!(v.into_bytes(), vec![0xED, 0xA0, 0x80]);
    }

    #[test]
    fn errors_quote_rewritten_positions() {
        assert_eq!(
            decode_str(r"\x4").unwrap_err(),
            "'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape"
        );
        assert_eq!(
            decode_str("\u{e9}\\x4").unwrap_err(),
            "'unicodeescape' codec can't decode bytes in position 10-12: truncated \\xXX escape"
        );
        assert_eq!(
            decode_str(r"\N{foo}").unwrap_err(),
            "'unicodeescape' codec can't decode bytes in position 0-6: unknown Unicode character name"
        );
    }

    #[test]
    fn bytes_escapes() {
        assert_eq!(
            decode_bytes(br"\x41\777\u").unwrap().0,
            b"A\xff\\u".to_vec()
        );
        assert_eq!(
            decode_bytes(br"ab\x4").unwrap_err(),
            "invalid \\x escape at position 2"
        );
    }
}
