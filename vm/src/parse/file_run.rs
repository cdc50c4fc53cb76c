//! The few front-end errors that read differently when CPython runs a file.
//!
//! `ast.parse(bytes)` decodes the whole source up front, while `python3.14 FILE` reads the
//! file line by line (`Parser/tokenizer/file_tokenizer.c`), switching to a codec after the
//! coding cookie. The parser raises the same errors either way, but decoding and null-byte
//! errors differ, and rpy's front end produces the `ast.parse` forms. This module rewrites
//! them into the file forms, as measured with CPython 3.14:
//!
//! * null bytes: "source code string cannot contain null bytes" without a location becomes
//!   "source code cannot contain null bytes" on the line of the first NUL, whose text up to
//!   the NUL is shown;
//! * invalid UTF-8 without a UTF-8 declaration: the message names the file ("... in file F on
//!   line N ..."); a bad byte on line 2 after a line 1 that is neither blank nor a comment is
//!   reported on line 1 (the file reader has not counted line 2 yet);
//! * invalid UTF-8 in a file declaring UTF-8 (BOM or cookie): the codec's message,
//!   "(unicode error) 'utf-8' codec can't decode byte 0xNN in position P: REASON", with P
//!   counted from the start of the line;
//! * other codecs: the byte position counts from the end of the cookie line, plus one; errors
//!   inside the cookie line itself get the "(unicode error)" form with the line shown;
//! * "expected an indented block" at the end of the file: the column is 0 (no caret).

use super::error::SyntaxError;

/// `err` as `python3.14 FILE` would raise it, given the file's bytes.
pub fn file_run_error(err: &SyntaxError, filename: &str, bytes: &[u8]) -> SyntaxError {
    let rewritten = if err.msg == "source code string cannot contain null bytes" {
        null_byte_error(err, bytes)
    } else if let Some(rest) = err.msg.strip_prefix("Non-UTF-8 code starting with '") {
        non_utf8_error(err, filename, bytes, rest)
    } else if err.lineno == 0 {
        codec_error(err, bytes)
    } else {
        None
    };
    if let Some(e) = rewritten {
        return e;
    }
    if err.msg.starts_with("expected an indented block") && at_end_of_file(err, bytes) {
        // Reported at the end-of-file token, whose column the file reader gives as 0.
        let mut e = err.clone();
        e.offset = 0;
        return e;
    }
    err.clone()
}

/// True when nothing but whitespace follows the error position: the parser failed at the
/// end-of-file token.
fn at_end_of_file(err: &SyntaxError, bytes: &[u8]) -> bool {
    if err.end_offset > 0 || err.offset <= 0 {
        return false;
    }
    let lines = line_ranges(bytes);
    let start = match (err.lineno as usize).checked_sub(1) {
        Some(i) if i < lines.len() => lines[i].start,
        Some(i) if i == lines.len() => bytes.len(),
        _ => return false,
    };
    let rest = &bytes[start..];
    let col = String::from_utf8_lossy(rest)
        .char_indices()
        .nth(err.offset as usize - 1)
        .map_or(rest.len(), |(i, _)| i);
    // Columns count characters of the (lossily) decoded line; past the end means the end.
    let tail = String::from_utf8_lossy(rest);
    tail.get(col..)
        .unwrap_or("")
        .bytes()
        .all(|b| matches!(b, b' ' | b'\t' | b'\x0c' | b'\r' | b'\n'))
}

/// Byte ranges of the physical lines, newline included.
fn line_ranges(bytes: &[u8]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < bytes.len() {
        out.push(start..bytes.len());
    }
    out
}

fn null_byte_error(err: &SyntaxError, bytes: &[u8]) -> Option<SyntaxError> {
    let nul = bytes.iter().position(|&b| b == 0)?;
    let line_start = bytes[..nul]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let lineno = bytes[..nul].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    let mut e = err.clone();
    e.msg = "source code cannot contain null bytes".into();
    (e.lineno, e.offset, e.end_lineno, e.end_offset) = (lineno, 0, lineno, 0);
    e.text = Some(String::from_utf8_lossy(&bytes[line_start..nul]).into_owned());
    Some(e)
}

/// The declared encoding as the tokenizer normalizes it (`get_normal_name`), or `None`.
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let lines = line_ranges(bytes);
    let first = lines.first().map(|r| &bytes[r.clone()]).unwrap_or(b"");
    let first = first.strip_prefix(b"\xef\xbb\xbf").unwrap_or(first);
    if let Some(name) = cookie(first) {
        return Some(name);
    }
    // Line 2 only counts when line 1 is blank or a comment.
    let t = first
        .iter()
        .position(|&b| !matches!(b, b' ' | b'\t' | b'\x0c'));
    let blank_or_comment = t.is_none_or(|i| matches!(first[i], b'#' | b'\r' | b'\n'));
    if blank_or_comment {
        let second = lines.get(1).map(|r| &bytes[r.clone()])?;
        return cookie(second);
    }
    None
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

fn non_utf8_error(
    err: &SyntaxError,
    filename: &str,
    bytes: &[u8],
    rest: &str,
) -> Option<SyntaxError> {
    let lineno = err.lineno as usize;
    let lines = line_ranges(bytes);
    let has_bom = bytes.starts_with(b"\xef\xbb\xbf");
    let mut e = err.clone();
    if has_bom || declared_encoding(bytes).as_deref() == Some("utf-8") {
        // The file reader decodes with the utf-8 codec and reports its error.
        let range = lines.get(lineno.checked_sub(1)?)?.clone();
        let skip = if lineno == 1 && has_bom { 3 } else { 0 };
        let line = &bytes[range.start + skip..range.end];
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
        (e.offset, e.end_offset) = (0, 0);
        e.end_lineno = e.lineno;
        e.text = Some(String::from_utf8_lossy(line).into_owned());
        return Some(e);
    }
    let (byte, after) = rest.split_once("' on line ")?;
    let (_, tail) = after.split_once(',')?;
    let first = lines.first().map(|r| &bytes[r.clone()]).unwrap_or(b"");
    let first_blank_or_comment = first
        .iter()
        .find(|&&b| !matches!(b, b' ' | b'\t' | b'\x0c'))
        .is_none_or(|&b| matches!(b, b'#' | b'\r' | b'\n'));
    let shown_line = if lineno == 2 && !first_blank_or_comment {
        1
    } else {
        lineno
    };
    e.msg = format!(
        "Non-UTF-8 code starting with '{byte}' in file {filename} on line {shown_line},{tail}"
    );
    if shown_line != lineno {
        e.lineno = shown_line as u32;
        e.end_lineno = shown_line as u32;
    }
    Some(e)
}

/// "'CODEC' codec can't decode byte 0xNN in position P: REASON" from decoding a file with a
/// non-UTF-8 coding cookie.
fn codec_error(err: &SyntaxError, bytes: &[u8]) -> Option<SyntaxError> {
    let (head, reason) = err.msg.split_once(": ")?;
    let (prefix, pos) = head.rsplit_once(" in position ")?;
    if !prefix.starts_with('\'') || !prefix.contains("' codec can't decode byte 0x") {
        return None;
    }
    let pos: usize = pos.parse().ok()?;
    let lines = line_ranges(bytes);
    let first = lines.first()?;
    // The cookie line is read raw; the codec starts after it.
    let cookie_in_first = cookie(&bytes[first.clone()]).is_some();
    let raw_end = if cookie_in_first {
        first.end
    } else {
        lines.get(1).map_or(first.end, |r| r.end)
    };
    let mut e = err.clone();
    if pos < raw_end {
        let (idx, range) = lines.iter().enumerate().find(|(_, r)| r.contains(&pos))?;
        let line = &bytes[range.clone()];
        e.msg = format!(
            "(unicode error) {prefix} in position {}: {reason}",
            pos - range.start
        );
        e.lineno = idx as u32 + 1;
        e.end_lineno = e.lineno;
        (e.offset, e.end_offset) = (0, -1);
        let mut text = String::from_utf8_lossy(line).into_owned();
        if !text.ends_with('\n') {
            text.push('\n');
        }
        e.text = Some(text);
    } else {
        e.msg = format!("{prefix} in position {}: {reason}", pos - raw_end + 1);
    }
    Some(e)
}
