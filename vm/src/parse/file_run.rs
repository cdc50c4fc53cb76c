//! The front-end errors that read differently when CPython runs a file.
//!
//! `ast.parse(bytes)` decodes the whole source up front, while `python3.14 FILE` reads the
//! file line by line (`Parser/tokenizer/file_tokenizer.c`), switching to a codec after the
//! coding cookie, and takes error text from the file. The parser raises the same errors
//! either way, but decoding, null-byte and end-of-file errors differ, and rpy's front end
//! produces the `ast.parse` forms. This module rewrites them into the file forms, as measured
//! with CPython 3.14:
//!
//! * null bytes: "source code string cannot contain null bytes" without a location becomes
//!   "source code cannot contain null bytes" on the line of the first NUL, whose text up to
//!   the NUL is shown; an invalid UTF-8 byte before the NUL is reported instead;
//! * invalid UTF-8 without a UTF-8 declaration: the message names the file ("... in file F on
//!   line N ..."); a bad byte on line 2 read between tokens of a code line 1 is reported on
//!   line 1 (the file reader has not counted line 2 yet);
//! * invalid UTF-8 in a file declaring UTF-8 (BOM or cookie): the codec's message,
//!   "(unicode error) 'utf-8' codec can't decode byte 0xNN in position P: REASON", with P
//!   counted from the start of the line;
//! * other codecs: past the cookie line, the byte position counts from the end of the cookie
//!   line, plus one; inside the lines read before the codec starts, the error gets the
//!   "(unicode error)" form on the cookie line;
//! * parser errors reported on the end-of-file token ("expected ...", "unexpected EOF while
//!   parsing" with `end_offset` -1 and nothing but whitespace after the position) get column
//!   0, so no caret (tokenizer errors at the end of the last line keep theirs);
//! * errors raised without a source line (e.g. `from __future__ import braces`) show the
//!   file's line.

use super::error::SyntaxError;
use super::tokenizer::tokenize;

/// `err` as `python3.14 FILE` would raise it, given the file's bytes.
pub fn file_run_error(err: &SyntaxError, filename: &str, bytes: &[u8]) -> SyntaxError {
    let file = File::new(bytes);
    let rewritten = if err.msg == "source code string cannot contain null bytes" {
        null_byte_error(err, filename, &file)
    } else if let Some(rest) = err.msg.strip_prefix("Non-UTF-8 code starting with '") {
        non_utf8_error(err, filename, &file, rest)
    } else if err.lineno == 0 {
        codec_error(err, &file)
    } else {
        None
    };
    let mut e = rewritten.unwrap_or_else(|| err.clone());
    if let Some(short) = e
        .msg
        .strip_suffix("; use codecs.decode() to handle arbitrary codecs")
    {
        e.msg = short.to_string();
    }
    // A logical line made only of backslash continuations also ends at the end-of-file token.
    let backslash_only =
        e.msg == "unexpected EOF while parsing" && file.only_continuations_up_to(e.lineno);
    if (e.msg.starts_with("expected ") || backslash_only)
        && e.end_offset == -1
        && e.offset > 0
        && file.only_whitespace_after(e.lineno, e.offset)
    {
        e.offset = 0;
    }
    if e.text.is_none() && e.kind.is_syntax() && e.lineno > 0 {
        e.text = file.line_text(e.lineno);
    }
    if let Some(text) = &mut e.text {
        // The reader's lines are C strings: a NUL ends them.
        if let Some(nul) = text.find('\0') {
            text.truncate(nul);
        }
    }
    let from_tokenizer = TOKENIZER_MESSAGES.iter().any(|m| e.msg.starts_with(m));
    if let Some(text) = e.text.as_mut().filter(|_| !from_tokenizer) {
        truncate_like_fgets(text);
    }
    e
}

/// Beginnings of the messages CPython's tokenizer raises itself. It builds their text from
/// its own buffer, so they show whole lines; the parser's errors re-read the line from the
/// file, where long lines get cut (see [`truncate_like_fgets`]).
const TOKENIZER_MESSAGES: &[&str] = &[
    "invalid character",
    "invalid non-printable character",
    "invalid decimal literal",
    "invalid hexadecimal literal",
    "invalid octal literal",
    "invalid binary literal",
    "invalid imaginary literal",
    "invalid digit",
    "unterminated ",
    "too many nested",
    "too many levels of indentation",
    "unexpected character after line continuation",
    "unindent does not match",
    "inconsistent use of tabs",
    "unmatched '",
    "closing parenthesis",
    "f-string: single '}'",
    "f-string: expressions nested too deeply",
    "f-string: newlines are not allowed",
];

/// The file reader fetches the error line with `fgets` into a 1000-byte buffer: longer lines
/// are cut after 999 bytes (a character cut in half decodes as U+FFFD).
fn truncate_like_fgets(text: &mut String) {
    const MAX_LINE_BYTES: usize = 999;
    let body = text.trim_end_matches('\n').len();
    if body > MAX_LINE_BYTES {
        *text = String::from_utf8_lossy(&text.as_bytes()[..MAX_LINE_BYTES]).into_owned();
    }
}

/// The file's bytes split into physical lines.
struct File<'b> {
    bytes: &'b [u8],
    /// Byte ranges of the lines, newline included.
    lines: Vec<std::ops::Range<usize>>,
}

impl<'b> File<'b> {
    fn new(bytes: &'b [u8]) -> Self {
        let mut lines = Vec::new();
        let mut start = 0;
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' {
                lines.push(start..i + 1);
                start = i + 1;
            }
        }
        if start < bytes.len() {
            lines.push(start..bytes.len());
        }
        File { bytes, lines }
    }

    /// The bytes of 1-based line `n`, newline included, BOM excluded.
    fn line(&self, n: u32) -> Option<&'b [u8]> {
        let range = self.lines.get((n as usize).checked_sub(1)?)?.clone();
        let line = &self.bytes[range];
        Some(if n == 1 {
            line.strip_prefix(b"\xef\xbb\xbf").unwrap_or(line)
        } else {
            line
        })
    }

    /// Line `n` decoded as the error text, without its newline.
    fn line_text(&self, n: u32) -> Option<String> {
        let line = self.line(n)?;
        // The reader's line is a C string: it ends at a NUL.
        let line = &line[..line.iter().position(|&b| b == 0).unwrap_or(line.len())];
        Some(
            String::from_utf8_lossy(line)
                .trim_end_matches(['\n', '\r'])
                .to_string(),
        )
    }

    /// True when line `lineno` and the lines it continues (those ending in a backslash just
    /// before it) hold nothing but whitespace and the backslash.
    fn only_continuations_up_to(&self, lineno: u32) -> bool {
        let is_bare = |line: &[u8]| {
            let t = line.trim_ascii();
            t == b"\\" || t.is_empty()
        };
        let mut n = lineno;
        loop {
            let Some(line) = self.line(n) else {
                return false;
            };
            if !is_bare(line) {
                return false;
            }
            match n.checked_sub(1).and_then(|p| self.line(p)) {
                Some(prev) if prev.trim_ascii_end().ends_with(b"\\") => n -= 1,
                _ => return true,
            }
        }
    }

    fn has_bom(&self) -> bool {
        self.bytes.starts_with(b"\xef\xbb\xbf")
    }

    /// True when only whitespace follows 1-based character column `offset` of line `lineno`
    /// (a column past the line's end counts as its end).
    fn only_whitespace_after(&self, lineno: u32, offset: i32) -> bool {
        let start = match (lineno as usize).checked_sub(1) {
            Some(i) if i < self.lines.len() => self.lines[i].start,
            Some(i) if i == self.lines.len() => self.bytes.len(),
            _ => return false,
        };
        let rest = String::from_utf8_lossy(&self.bytes[start..]);
        let line_len = rest.find('\n').unwrap_or(rest.len());
        let col = rest[..line_len]
            .char_indices()
            .nth(offset as usize - 1)
            .map_or(line_len, |(i, _)| i);
        rest[col..]
            .bytes()
            .all(|b| matches!(b, b' ' | b'\t' | b'\x0c' | b'\r' | b'\n'))
    }

    /// The declared encoding as the tokenizer normalizes it (`get_normal_name`), and the
    /// line it is declared on.
    fn declared_encoding(&self) -> Option<(String, u32)> {
        let first = self.line(1).unwrap_or(b"");
        if let Some(name) = cookie(first) {
            return Some((name, 1));
        }
        // Line 2 only counts when line 1 is blank or a comment.
        if blank_or_comment(first) {
            return cookie(self.line(2)?).map(|name| (name, 2));
        }
        None
    }

    fn declares_utf8(&self) -> bool {
        self.has_bom()
            || self
                .declared_encoding()
                .is_some_and(|(name, _)| name == "utf-8")
    }
}

fn blank_or_comment(line: &[u8]) -> bool {
    line.iter()
        .find(|&&b| !matches!(b, b' ' | b'\t' | b'\x0c'))
        .is_none_or(|&b| matches!(b, b'#' | b'\r' | b'\n'))
}

/// PEP 263: `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`, normalized as CPython does.
fn cookie(line: &[u8]) -> Option<String> {
    let start = line
        .iter()
        .position(|&b| !matches!(b, b' ' | b'\t' | b'\x0c'))?;
    if line[start] != b'#' {
        return None;
    }
    let line = &line[start..];
    let at = line.windows(6).position(|w| w == b"coding")?;
    let rest = &line[at + 6..];
    if !matches!(rest.first(), Some(b':' | b'=')) {
        return None;
    }
    let rest = &rest[1..];
    let rest = &rest[rest
        .iter()
        .position(|&b| !matches!(b, b' ' | b'\t'))
        .unwrap_or(rest.len())..];
    let len = rest
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')))
        .unwrap_or(rest.len());
    if len == 0 {
        return None;
    }
    let name: String = rest[..len].iter().map(|&b| char::from(b)).collect();
    let probe: String = name
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
    let is = |base: &str| probe == base || probe.starts_with(&format!("{base}-"));
    Some(if is("utf-8") {
        "utf-8".into()
    } else if is("latin-1") || is("iso-8859-1") || is("iso-latin-1") {
        "iso-8859-1".into()
    } else {
        name
    })
}

fn null_byte_error(err: &SyntaxError, filename: &str, file: &File<'_>) -> Option<SyntaxError> {
    let bytes = file.bytes;
    let nul = bytes.iter().position(|&b| b == 0)?;
    let body_start = if file.has_bom() { 3 } else { 0 };
    if file.declared_encoding().is_none() && !file.has_bom() {
        // The file reader decodes before it looks for NULs: a bad byte first wins.
        if let Err(bad) = std::str::from_utf8(&bytes[body_start..nul]) {
            return Some(invalid_utf8_at(
                err,
                filename,
                file,
                body_start + bad.valid_up_to(),
            ));
        }
    }
    let line_start = bytes[..nul]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(body_start, |i| i + 1);
    let lineno = bytes[..nul].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    let mut e = err.clone();
    e.msg = "source code cannot contain null bytes".into();
    (e.lineno, e.offset, e.end_lineno, e.end_offset) = (lineno, 0, lineno, 0);
    e.text = Some(String::from_utf8_lossy(&bytes[line_start..nul]).into_owned());
    Some(e)
}

/// The error `ast.parse` raises for an invalid UTF-8 byte at `pos`, in its file form.
fn invalid_utf8_at(err: &SyntaxError, filename: &str, file: &File<'_>, pos: usize) -> SyntaxError {
    let idx = file
        .lines
        .iter()
        .position(|r| r.contains(&pos))
        .unwrap_or(0);
    let lineno = idx as u32 + 1;
    let text = file.line_text(lineno).unwrap_or_default();
    let line_start = file.lines.get(idx).map_or(0, |r| r.start);
    let col = String::from_utf8_lossy(&file.bytes[line_start..pos])
        .chars()
        .count() as i32
        + 1;
    let mut e = err.clone();
    e.msg = format!(
        "Non-UTF-8 code starting with '\\x{:02x}' on line {lineno}, but no encoding declared; \
         see https://peps.python.org/pep-0263/ for details",
        file.bytes[pos]
    );
    (e.lineno, e.offset, e.end_lineno, e.end_offset) = (lineno, col, lineno, col);
    e.text = Some(text);
    let rest = e.msg["Non-UTF-8 code starting with '".len()..].to_string();
    non_utf8_error(&e, filename, file, &rest).unwrap_or(e)
}

fn non_utf8_error(
    err: &SyntaxError,
    filename: &str,
    file: &File<'_>,
    rest: &str,
) -> Option<SyntaxError> {
    let mut e = err.clone();
    if file.declares_utf8() {
        // The file reader decodes with the utf-8 codec and reports its error.
        let line = file.line(err.lineno)?;
        let with_newline: Vec<u8> = if line.ends_with(b"\n") {
            line.to_vec()
        } else {
            [line, b"\n"].concat()
        };
        let bad = std::str::from_utf8(&with_newline).err()?;
        let pos = bad.valid_up_to();
        let byte = with_newline[pos];
        let reason = match bad.error_len() {
            None => "unexpected end of data",
            Some(1) if matches!(byte, 0x80..=0xC1 | 0xF5..=0xFF) => "invalid start byte",
            Some(_) => "invalid continuation byte",
        };
        e.msg = format!(
            "(unicode error) 'utf-8' codec can't decode byte 0x{byte:02x} in position {pos}: {reason}"
        );
        (e.offset, e.end_offset) = (0, -1);
        e.end_lineno = e.lineno;
        e.text = Some(String::from_utf8_lossy(line).into_owned());
        return Some(e);
    }
    let (byte, after) = rest.split_once("' on line ")?;
    let (_, tail) = after.split_once(',')?;
    let shown_line = if err.lineno == 2 && reads_line_2_between_tokens(file) {
        1
    } else {
        err.lineno
    };
    e.msg = format!(
        "Non-UTF-8 code starting with '{byte}' in file {filename} on line {shown_line},{tail}"
    );
    e.lineno = shown_line;
    e.end_lineno = shown_line;
    Some(e)
}

/// Whether the file reader fetches line 2 between tokens of a code line 1 (not inside a
/// triple-quoted string nor after a backslash continuation), the case where it reports a
/// decoding error in line 2 as line 1.
fn reads_line_2_between_tokens(file: &File<'_>) -> bool {
    let first = file.line(1).unwrap_or(b"");
    if blank_or_comment(first) || first.ends_with(b"\\\n") || first.ends_with(b"\\\r\n") {
        return false;
    }
    let text = String::from_utf8_lossy(first);
    let stream = tokenize(&text);
    !stream
        .error
        .is_some_and(|e| e.msg.starts_with("unterminated triple-quoted"))
}

/// "'CODEC' codec can't decode byte 0xNN in position P: REASON" from decoding a file with a
/// non-UTF-8 coding cookie.
fn codec_error(err: &SyntaxError, file: &File<'_>) -> Option<SyntaxError> {
    let (head, reason) = err.msg.split_once(": ")?;
    let (prefix, pos) = head.rsplit_once(" in position ")?;
    if !prefix.starts_with('\'') || !prefix.contains("' codec can't decode byte 0x") {
        return None;
    }
    let pos: usize = pos.parse().ok()?;
    let (_, cookie_line) = file.declared_encoding()?;
    // The lines up to the cookie are read raw and decoded when the cookie is found.
    let raw_end = file.lines.get(cookie_line as usize - 1)?.end;
    let mut e = err.clone();
    if pos < raw_end {
        e.msg = format!("(unicode error) {prefix} in position {pos}: {reason}");
        e.lineno = cookie_line;
        e.end_lineno = cookie_line;
        (e.offset, e.end_offset) = (0, -1);
        let line = file.line(cookie_line)?;
        // Decoded with the cookie's codec and errors="replace".
        let mut text = if prefix.starts_with("'ascii'") {
            line.iter()
                .map(|&b| {
                    if b.is_ascii() {
                        char::from(b)
                    } else {
                        '\u{fffd}'
                    }
                })
                .collect()
        } else {
            String::from_utf8_lossy(line).into_owned()
        };
        if !text.ends_with('\n') {
            text.push('\n');
        }
        e.text = Some(text);
    } else {
        e.msg = format!("{prefix} in position {}: {reason}", pos - raw_end + 1);
    }
    Some(e)
}
