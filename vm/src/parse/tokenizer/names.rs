//! Identifier validation (PEP 3131): a name holding non-ASCII characters must start with an
//! XID_Start character or `_` and continue with XID_Continue characters, checked on the raw
//! text (the parser applies NFKC afterwards, as CPython does).

use super::{LexResult, Lexer};

impl Lexer<'_> {
    /// Checks the name `src[start..end]`; the error points just after the first invalid
    /// character, as CPython's `verify_identifier` does.
    pub(super) fn verify_identifier(&mut self, start: usize, end: usize) -> LexResult {
        let bad = self.src[start..end].char_indices().find(|&(i, ch)| {
            if i == 0 {
                !(ch == '_' || is_xid_start(ch))
            } else {
                !is_xid_continue(ch)
            }
        });
        let Some((i, ch)) = bad else { return Ok(()) };
        let cur = start + i + ch.len_utf8();
        let msg = if is_printable(ch) {
            format!("invalid character '{ch}' (U+{:04X})", ch as u32)
        } else {
            format!("invalid non-printable character U+{:04X}", ch as u32)
        };
        Err(self.raise_here(cur, msg))
    }
}

/// XID_Start as CPython 3.14 (Unicode 16.0) sees it.
fn is_xid_start(ch: char) -> bool {
    unicode_ident::is_xid_start(ch) && is_assigned(ch)
}

/// XID_Continue as CPython 3.14 (Unicode 16.0) sees it.
fn is_xid_continue(ch: char) -> bool {
    unicode_ident::is_xid_continue(ch) && is_assigned(ch)
}

/// Whether `ch` was assigned in Unicode 16.0. `unicode-ident` follows a newer Unicode
/// version; characters added since are not identifiers for CPython 3.14.
fn is_assigned(ch: char) -> bool {
    // Every XID character is printable except the few format characters below, so the
    // printable table (which excludes unassigned code points) tells assignment apart.
    is_printable(ch) || matches!(ch, '\u{200c}' | '\u{200d}')
}

/// Python's `str.isprintable()` for one character.
fn is_printable(ch: char) -> bool {
    crate::text::unicode_printable::is_printable(ch as u32)
}
