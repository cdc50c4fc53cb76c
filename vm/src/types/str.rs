//! The `str` payload: generalized UTF-8 with its code-point length, widest code point (for
//! CPython-compatible hashing), cached hash, and a lazily built index for random access to
//! long non-ASCII strings; plus concatenation, in place when the left operand is unshared.

use std::cell::Cell;

use crate::object::PyCell;
use crate::runtime::hash;
use crate::text::wtf8::{Wtf8, Wtf8Buf};

/// How many code points apart the random-access checkpoints of a non-ASCII string are.
const INDEX_STRIDE: usize = 32;

/// A Python `str`.
pub struct Str {
    /// Exactly sized except after [`Str::append`], which grows it geometrically.
    bytes: Vec<u8>,
    char_len: usize,
    /// Widest code point class: 1 (latin-1), 2 (BMP) or 4; plus whether all ASCII.
    width: u8,
    ascii: bool,
    hash: Cell<i64>,
    interned: Cell<bool>,
    /// Byte offsets of every `INDEX_STRIDE`-th code point, built on first random access.
    index: PyCell<Option<Box<[u32]>>>,
}

crate::payload!(Str);

impl Str {
    /// A str from generalized UTF-8 bytes.
    pub fn from_wtf8(s: &Wtf8) -> Str {
        Str::from_boxed(s.as_bytes().into())
    }

    /// A str from ordinary UTF-8.
    #[allow(clippy::should_implement_trait)]
    pub fn from_str(s: &str) -> Str {
        Str::from_boxed(s.as_bytes().into())
    }

    /// A str taking ownership of a buffer.
    pub fn from_buf(buf: Wtf8Buf) -> Str {
        Str::from_boxed(buf.into_bytes().into_boxed_slice())
    }

    /// A str from a `String`.
    pub fn from_string(s: String) -> Str {
        Str::from_boxed(s.into_bytes().into_boxed_slice())
    }

    fn from_boxed(bytes: Box<[u8]>) -> Str {
        let bytes = Vec::from(bytes);
        let ascii = bytes.is_ascii();
        let (char_len, width) = if ascii {
            (bytes.len(), 1)
        } else {
            let mut n = 0;
            let mut max = 0u32;
            for cp in Wtf8::from_bytes_unchecked(&bytes).code_points() {
                n += 1;
                max = max.max(cp);
            }
            let width = if max < 0x100 {
                1
            } else if max < 0x10000 {
                2
            } else {
                4
            };
            (n, width)
        };
        Str {
            bytes,
            char_len,
            width,
            ascii,
            hash: Cell::new(-1),
            interned: Cell::new(false),
            index: PyCell::new(None),
        }
    }

    /// `a + b`, from the parts' lengths and widths (no rescan of the text).
    pub fn concat(a: &Str, b: &Str) -> Str {
        let mut bytes = Vec::with_capacity(a.bytes.len() + b.bytes.len());
        bytes.extend_from_slice(&a.bytes);
        bytes.extend_from_slice(&b.bytes);
        Str {
            bytes,
            char_len: a.char_len + b.char_len,
            width: a.width.max(b.width),
            ascii: a.ascii && b.ascii,
            hash: Cell::new(-1),
            interned: Cell::new(false),
            index: PyCell::new(None),
        }
    }

    /// Appends `other` in place (the caller owns the only reference to `self`, which is not
    /// interned). The buffer grows geometrically, so a loop of `s += t` is linear. `Err` when
    /// the result would not fit in memory.
    pub fn append(&mut self, other: &Str) -> Result<(), std::collections::TryReserveError> {
        debug_assert!(!self.interned.get());
        let need = other.bytes.len();
        if self.bytes.capacity() - self.bytes.len() < need {
            // Vec's own amortized growth: at least doubling.
            self.bytes.try_reserve(need)?;
        }
        self.bytes.extend_from_slice(&other.bytes);
        self.char_len += other.char_len;
        self.width = self.width.max(other.width);
        self.ascii &= other.ascii;
        self.hash.set(-1);
        drop(self.index.replace(None));
        Ok(())
    }

    /// The contents.
    #[inline(always)]
    pub fn as_wtf8(&self) -> &Wtf8 {
        Wtf8::from_bytes_unchecked(&self.bytes)
    }

    /// The contents as UTF-8 bytes (generalized when surrogates are present).
    #[inline(always)]
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The contents as `&str` when free of surrogates.
    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        if self.ascii {
            // SAFETY-free fast path: ASCII is valid UTF-8.
            std::str::from_utf8(&self.bytes).ok()
        } else {
            self.as_wtf8().as_str()
        }
    }

    /// The contents as text, with lone surrogates shown as U+FFFD (for messages).
    pub fn to_lossy(&self) -> std::borrow::Cow<'_, str> {
        match self.as_str() {
            Some(s) => std::borrow::Cow::Borrowed(s),
            None => std::borrow::Cow::Owned(
                self.as_wtf8()
                    .code_points()
                    .map(|cp| char::from_u32(cp).unwrap_or('\u{FFFD}'))
                    .collect(),
            ),
        }
    }

    /// Number of code points (`len()`).
    #[inline(always)]
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Whether every code point is ASCII.
    #[inline(always)]
    pub fn is_ascii(&self) -> bool {
        self.ascii
    }

    /// The widest code point class: 1, 2 or 4 bytes (CPython's kind).
    pub fn width(&self) -> u8 {
        self.width
    }

    /// Whether this string is interned.
    pub fn is_interned(&self) -> bool {
        self.interned.get()
    }

    pub(crate) fn mark_interned(&self) {
        self.interned.set(true);
    }

    /// CPython's `hash(str)`: SipHash over the latin-1, UCS-2 or UCS-4 representation.
    #[inline]
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = self.compute_hash();
        self.hash.set(h);
        h
    }

    #[cold]
    fn compute_hash(&self) -> i64 {
        if self.ascii {
            return hash::hash_bytes(&self.bytes);
        }
        let cps = self.as_wtf8().code_points();
        let buf: Vec<u8> = match self.width {
            1 => cps.map(|c| c as u8).collect(),
            2 => cps.flat_map(|c| (c as u16).to_le_bytes()).collect(),
            _ => cps.flat_map(|c| c.to_le_bytes()).collect(),
        };
        hash::hash_bytes(&buf)
    }

    /// Byte offset of code point `i` (`i <= char_len`).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.ascii || i == 0 {
            return i.min(self.bytes.len());
        }
        if i >= self.char_len {
            return self.bytes.len();
        }
        let (mut pos, mut remaining) = if self.char_len > 2 * INDEX_STRIDE {
            let start = self.checkpoint(i / INDEX_STRIDE);
            (start, i % INDEX_STRIDE)
        } else {
            (0, i)
        };
        while remaining > 0 {
            pos += utf8_len(self.bytes[pos]);
            remaining -= 1;
        }
        pos
    }

    fn checkpoint(&self, k: usize) -> usize {
        let built = self.index.with(|ix| ix.as_ref().map(|ix| ix[k] as usize));
        if let Some(pos) = built {
            return pos;
        }
        let mut offsets = Vec::with_capacity(self.char_len / INDEX_STRIDE + 1);
        let mut pos = 0usize;
        let mut n = 0usize;
        while pos < self.bytes.len() {
            if n.is_multiple_of(INDEX_STRIDE) {
                offsets.push(pos as u32);
            }
            pos += utf8_len(self.bytes[pos]);
            n += 1;
        }
        offsets.push(pos as u32);
        let pos = offsets[k] as usize;
        drop(self.index.replace(Some(offsets.into_boxed_slice())));
        pos
    }

    /// The code point at index `i` (`i < char_len`).
    pub fn char_at(&self, i: usize) -> u32 {
        if self.ascii {
            return u32::from(self.bytes[i]);
        }
        let off = self.byte_offset(i);
        Wtf8::from_bytes_unchecked(&self.bytes[off..])
            .code_points()
            .next()
            .unwrap_or(0)
    }

    /// The code points `start..end` (indices clamped by the caller).
    pub fn slice_chars(&self, start: usize, end: usize) -> &Wtf8 {
        let a = self.byte_offset(start);
        let b = self.byte_offset(end);
        Wtf8::from_bytes_unchecked(&self.bytes[a..b.max(a)])
    }

    /// Iterates over the code points.
    pub fn code_points(&self) -> impl Iterator<Item = u32> + '_ {
        self.as_wtf8().code_points()
    }
}

/// Length of the generalized-UTF-8 sequence starting with `b`.
#[inline]
fn utf8_len(b: u8) -> usize {
    match b {
        0..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => 1,
    }
}

impl PartialEq for Str {
    fn eq(&self, other: &Str) -> bool {
        self.bytes == other.bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_match_cpython_with_zero_seed() {
        hash::init_secret(Some(0));
        assert_eq!(Str::from_str("a").hash(), 4_644_417_185_603_328_019);
        assert_eq!(Str::from_str("").hash(), 0);
        assert_eq!(Str::from_str("é").hash(), 6_047_309_291_227_476_195);
        assert_eq!(Str::from_str("€").hash(), -5_529_981_157_763_016_009);
        assert_eq!(Str::from_str("😀").hash(), -3_536_540_696_076_613_844);
    }

    #[test]
    fn indexing_long_non_ascii() {
        let text: String = (0..200)
            .map(|i| if i % 3 == 0 { 'é' } else { 'a' })
            .collect();
        let s = Str::from_str(&text);
        assert_eq!(s.char_len(), 200);
        for (i, c) in text.chars().enumerate() {
            assert_eq!(s.char_at(i), c as u32);
        }
        assert_eq!(s.slice_chars(3, 6).as_str(), Some("éaa"));
    }
}
