//! Source decoding: from the bytes of a file or a `compile()` argument to the text the
//! tokenizer reads.
//!
//! As CPython 3.14 does, in this order: reject null bytes (for `compile()`), turn `\r\n` and
//! lone `\r` into `\n`, drop a UTF-8 byte order mark, find a PEP 263 coding declaration on
//! line 1 (or on line 2 when line 1 holds only whitespace and a comment), then decode. UTF-8
//! is the default; a declared encoding must agree with a BOM. Latin-1, ASCII and every 8-bit
//! code page of CPython whose lower half is ASCII are supported (`source_codecs.rs`, generated
//! from CPython); other text codecs CPython knows (UTF-16/32, UTF-7, CJK multi-byte codecs)
//! are reported as unsupported rather than misread.
//!
//! Errors carry CPython's messages and locations: invalid UTF-8 is "Non-UTF-8 code starting
//! with '\xNN' on line N, ..." at the offending byte; codec failures and unknown encodings
//! have line 0 and offset -1 like CPython's.

use std::borrow::Cow;

use super::error::{ErrorKind, SyntaxError};

/// What a source encoding name resolves to (see `tools/gen_source_codecs.py`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codec {
    /// UTF-8 (any spelling CPython's `get_normal_name` does not reduce to `utf-8`).
    Utf8,
    /// UTF-8 with an optional signature.
    Utf8Sig,
    /// ISO-8859-1: every byte is the code point of the same value.
    Latin1,
    /// ASCII.
    Ascii,
    /// An 8-bit code page: bytes below 0x80 are ASCII, the table gives bytes 0x80-0xFF
    /// (U+FFFE where a byte is undefined).
    Charmap(&'static str),
    /// A codec that is not a text encoding (`rot13`, `base64`, ...).
    NotText,
    /// The `undefined` codec, which fails on any input.
    Undefined,
    /// A text codec of CPython that rpy does not implement.
    Unsupported,
}

/// Where the source comes from: the messages differ slightly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Origin<'a> {
    /// `compile()`, `exec()`, `ast.parse()` of bytes.
    Compile,
    /// A script run as `python3.14 FILE`.
    File(&'a str),
}

const UTF8_BOM: &[u8] = b"\xef\xbb\xbf";

/// Decodes source `bytes` as CPython's `compile()` does for bytes input (`exec` mode).
pub fn decode(bytes: &[u8]) -> Result<String, SyntaxError> {
    decode_borrowed(bytes).map(Cow::into_owned)
}

/// [`decode`], borrowing `bytes` when they are already the text: UTF-8 without `\r` and
/// without a coding declaration other than UTF-8 (nearly every real source), so the front
/// end does not copy the source one more time.
pub fn decode_borrowed(bytes: &[u8]) -> Result<Cow<'_, str>, SyntaxError> {
    if memchr::memchr(0, bytes).is_some() {
        return Err(SyntaxError::new(
            ErrorKind::SyntaxError,
            "source code string cannot contain null bytes",
        ));
    }
    if memchr::memchr(b'\r', bytes).is_none() {
        let text = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
        if find_coding_cookie(text).is_none_or(|c| c.name == "utf-8")
            && let Ok(s) = std::str::from_utf8(text)
        {
            return Ok(Cow::Borrowed(s));
        }
    }
    decode_from(bytes, Origin::Compile).map(Cow::Owned)
}

/// Decodes the script `filename` whose content is `bytes`, as `python3.14 FILE` does.
///
/// Null bytes pass through: the tokenizer reports them when it reaches their line. Invalid
/// UTF-8 is reported with the file name (and, as CPython does, on line 1 when it is on line 2
/// after a line of code). Codec failures use the `compile()` positions, which are offsets in
/// the whole text where CPython's file reader counts within its buffer.
pub fn decode_file(bytes: &[u8], filename: &str) -> Result<String, SyntaxError> {
    decode_from(bytes, Origin::File(filename))
}

fn decode_from(bytes: &[u8], origin: Origin<'_>) -> Result<String, SyntaxError> {
    let normalized = normalize_newline_bytes(bytes);
    let (text, bom) = match normalized.strip_prefix(UTF8_BOM) {
        Some(rest) => (rest, true),
        None => (&normalized[..], false),
    };
    let Some(cookie) = find_coding_cookie(text) else {
        return decode_utf8(text, origin);
    };
    if bom && cookie.name != "utf-8" {
        let msg = format!("encoding problem: {} with BOM", cookie.name);
        let mut e = located(msg, text, cookie.line_start, 0, None);
        // CPython's end is the size of the line it searched, which for line 2 includes the
        // newline before it.
        e.end_offset += i32::from(cookie.line_start > 0);
        return Err(e);
    }
    if cookie.name == "utf-8" {
        return decode_utf8(text, origin);
    }
    let codec = lookup_codec(&cookie.name);
    let fail = |msg: String| Err(unlocated(msg));
    match codec {
        None => fail(format!("unknown encoding: {}", cookie.name)),
        Some(Codec::NotText) => fail(match origin {
            Origin::Compile => format!(
                "'{}' is not a text encoding; use codecs.decode() to handle arbitrary codecs",
                cookie.name
            ),
            Origin::File(_) => format!("'{}' is not a text encoding", cookie.name),
        }),
        Some(Codec::Undefined) => fail("undefined encoding".into()),
        Some(Codec::Unsupported) => fail(format!(
            "encoding problem: {} (rpy decodes UTF-8, ASCII, Latin-1 and 8-bit code pages only)",
            cookie.name
        )),
        Some(Codec::Utf8) => utf8_codec(text),
        Some(Codec::Utf8Sig) => utf8_codec(text.strip_prefix(UTF8_BOM).unwrap_or(text)),
        Some(Codec::Latin1) => Ok(text.iter().map(|&b| b as char).collect()),
        Some(Codec::Ascii) => match text.iter().position(|&b| b >= 0x80) {
            Some(i) => fail(format!(
                "'ascii' codec can't decode byte 0x{:02x} in position {i}: ordinal not in range(128)",
                text[i]
            )),
            None => Ok(latin1_to_string(text)),
        },
        Some(Codec::Charmap(table)) => decode_charmap(text, table),
    }
}

/// Bytes with `\r\n` and lone `\r` turned into `\n` (borrowed when there is no `\r`).
fn normalize_newline_bytes(bytes: &[u8]) -> Cow<'_, [u8]> {
    if memchr::memchr(b'\r', bytes).is_none() {
        return Cow::Borrowed(bytes);
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\r' {
            out.push(b'\n');
            if bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
        } else {
            out.push(b);
        }
        i += 1;
    }
    Cow::Owned(out)
}

/// Replaces `\r\n` and lone `\r` with `\n` in already decoded text (`compile()` of a `str`).
pub fn normalize_newlines(text: &str) -> Cow<'_, str> {
    match normalize_newline_bytes(text.as_bytes()) {
        Cow::Borrowed(_) => Cow::Borrowed(text),
        // Only ASCII bytes were replaced by ASCII bytes, so the text is still UTF-8.
        Cow::Owned(v) => Cow::Owned(String::from_utf8(v).unwrap_or_default()),
    }
}

/// A coding declaration found in the source.
#[derive(Debug, PartialEq, Eq)]
struct Cookie {
    /// The declared name, reduced by CPython's `get_normal_name` (`utf-8`, `iso-8859-1`) or
    /// as written.
    name: String,
    /// Byte offset of the declaring line.
    line_start: usize,
}

/// CPython's `check_coding_spec` on line 1 and, if line 1 is only whitespace and maybe a
/// comment, on line 2.
fn find_coding_cookie(text: &[u8]) -> Option<Cookie> {
    if text.is_empty() {
        return None;
    }
    let line1_end = text.iter().position(|&b| b == b'\n').unwrap_or(text.len());
    let line1 = &text[..line1_end];
    if let Some(name) = coding_spec(line1) {
        return Some(Cookie {
            name,
            line_start: 0,
        });
    }
    // Anything but whitespace before a comment ends the search.
    let code_on_line1 = line1
        .iter()
        .take_while(|&&b| b != b'#')
        .any(|&b| !matches!(b, b' ' | b'\t' | b'\x0c'));
    if code_on_line1 || line1_end >= text.len() {
        return None;
    }
    let start = line1_end + 1;
    let rest = &text[start..];
    let line2 = &rest[..rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len())];
    coding_spec(line2).map(|name| Cookie {
        name,
        line_start: start,
    })
}

/// CPython's `get_coding_spec`: in a line that is a comment (after optional whitespace), the
/// name after the first `coding:` or `coding=`, normalized by `get_normal_name`.
fn coding_spec(line: &[u8]) -> Option<String> {
    let hash = line
        .iter()
        .position(|&b| !matches!(b, b' ' | b'\t' | b'\x0c'))?;
    if line[hash] != b'#' {
        return None;
    }
    let mut i = hash;
    while i + 6 < line.len() {
        if &line[i..i + 6] == b"coding" && matches!(line[i + 6], b':' | b'=') {
            let mut t = i + 7;
            while t < line.len() && matches!(line[t], b' ' | b'\t') {
                t += 1;
            }
            let begin = t;
            while t < line.len()
                && (line[t].is_ascii_alphanumeric() || matches!(line[t], b'-' | b'_' | b'.'))
            {
                t += 1;
            }
            if t > begin {
                let name = std::str::from_utf8(&line[begin..t]).unwrap_or_default();
                return Some(normal_name(name));
            }
        }
        i += 1;
    }
    None
}

/// CPython's `get_normal_name`: the spellings of UTF-8 and Latin-1 it recognizes (on the first
/// 12 characters, lowercased, `_` as `-`), else the name unchanged.
fn normal_name(name: &str) -> String {
    let head: String = name
        .chars()
        .take(12)
        .map(|c| {
            if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    if head == "utf-8" || head.starts_with("utf-8-") {
        "utf-8".into()
    } else if ["latin-1", "iso-8859-1", "iso-latin-1"].contains(&head.as_str())
        || ["latin-1-", "iso-8859-1-", "iso-latin-1-"]
            .iter()
            .any(|p| head.starts_with(p))
    {
        "iso-8859-1".into()
    } else {
        name.into()
    }
}

/// `codecs.lookup`: lowercase, then `encodings.normalize_encoding` (runs of characters other
/// than ASCII letters, digits and `.` become one `_`), then the alias table; a name with dots
/// is also tried with `_` for `.`.
pub fn lookup_codec(name: &str) -> Option<Codec> {
    let mut key = String::with_capacity(name.len());
    let mut punct = false;
    for c in name.chars().map(|c| c.to_ascii_lowercase()) {
        if c.is_ascii_alphanumeric() || c == '.' {
            if punct && !key.is_empty() {
                key.push('_');
            }
            key.push(c);
            punct = false;
        } else {
            punct = true;
        }
    }
    let find = |k: &str| {
        CODECS
            .binary_search_by(|(n, _)| (*n).cmp(k))
            .ok()
            .map(|i| CODECS[i].1)
    };
    find(&key).or_else(|| find(&key.replace('.', "_")))
}

/// The default UTF-8 path: invalid bytes are "Non-UTF-8 code" at the first bad byte.
fn decode_utf8(text: &[u8], origin: Origin<'_>) -> Result<String, SyntaxError> {
    let err = match std::str::from_utf8(text) {
        Ok(s) => return Ok(s.to_owned()),
        Err(e) => e,
    };
    let bad = err.valid_up_to();
    let line_start = text[..bad]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let mut lineno = text[..bad].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    let place = match origin {
        Origin::Compile => String::new(),
        Origin::File(name) => {
            // CPython's file reader reports line 2 as line 1 when line 1 holds code.
            let line1 = &text[..text.iter().position(|&b| b == b'\n').unwrap_or(text.len())];
            if lineno == 2 && line1.iter().any(|&b| !matches!(b, b' ' | b'\t' | b'\x0c')) {
                let first = line1
                    .iter()
                    .find(|&&b| !matches!(b, b' ' | b'\t' | b'\x0c'));
                if first != Some(&b'#') {
                    lineno = 1;
                }
            }
            format!(" in file {name}")
        }
    };
    let msg = format!(
        "Non-UTF-8 code starting with '\\x{:02x}'{place} on line {lineno}, but no encoding \
         declared; see https://peps.python.org/pep-0263/ for details",
        text[bad]
    );
    let col = String::from_utf8_lossy(&text[line_start..bad])
        .chars()
        .count() as i32
        + 1;
    let mut e = located(msg, text, line_start, col, Some(col));
    e.lineno = lineno;
    e.end_lineno = lineno;
    Err(e)
}

/// The `utf-8` codec (a declaration CPython does not reduce to `utf-8`, e.g. `utf8`): strict
/// decoding with the codec's error message.
fn utf8_codec(text: &[u8]) -> Result<String, SyntaxError> {
    let e = match std::str::from_utf8(text) {
        Ok(s) => return Ok(s.to_owned()),
        Err(e) => e,
    };
    let start = e.valid_up_to();
    let (len, reason) = match e.error_len() {
        None => (text.len() - start, "unexpected end of data"),
        Some(n) if is_utf8_start_byte(text[start]) => (n, "invalid continuation byte"),
        Some(n) => (n, "invalid start byte"),
    };
    let what = if len == 1 {
        format!("byte 0x{:02x} in position {start}", text[start])
    } else {
        format!("bytes in position {start}-{}", start + len - 1)
    };
    Err(unlocated(format!(
        "'utf-8' codec can't decode {what}: {reason}"
    )))
}

/// A byte that can begin a multi-byte UTF-8 sequence.
fn is_utf8_start_byte(b: u8) -> bool {
    (0xc2..=0xf4).contains(&b)
}

/// Decodes an 8-bit code page whose upper half is `table`.
fn decode_charmap(text: &[u8], table: &'static str) -> Result<String, SyntaxError> {
    let upper: Vec<char> = table.chars().collect();
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for (i, &b) in text.iter().enumerate() {
        let ch = if b < 0x80 {
            b as char
        } else {
            upper.get(b as usize - 0x80).copied().unwrap_or('\u{fffe}')
        };
        if ch == '\u{fffe}' {
            return Err(unlocated(format!(
                "'charmap' codec can't decode byte 0x{b:02x} in position {i}: character maps to <undefined>"
            )));
        }
        out.push(ch);
    }
    Ok(out)
}

fn latin1_to_string(text: &[u8]) -> String {
    text.iter().map(|&b| b as char).collect()
}

/// A decoding error without location (CPython reports line 0 and offset -1).
fn unlocated(msg: String) -> SyntaxError {
    let mut e = SyntaxError::new(ErrorKind::SyntaxError, msg);
    e.offset = -1;
    e
}

/// An error on the line starting at byte `line_start` of `text`, with the line as its text;
/// `end_offset` defaults to the line's length in characters.
fn located(
    msg: String,
    text: &[u8],
    line_start: usize,
    offset: i32,
    end_offset: Option<i32>,
) -> SyntaxError {
    let rest = &text[line_start..];
    let line = &rest[..rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len())];
    let line = String::from_utf8_lossy(line).into_owned();
    let lineno = text[..line_start].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    let mut e = SyntaxError::new(ErrorKind::SyntaxError, msg);
    e.lineno = lineno;
    e.end_lineno = lineno;
    e.offset = offset;
    e.end_offset = end_offset.unwrap_or(line.chars().count() as i32);
    e.text = Some(line);
    e
}

#[path = "source_codecs.rs"]
mod codecs;
use codecs::CODECS;

#[cfg(test)]
#[path = "source_tests.rs"]
mod tests;
