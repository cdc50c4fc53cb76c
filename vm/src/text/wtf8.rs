//! Storage for Python `str` values: UTF-8 generalized to admit lone surrogates.
//!
//! A Python string is a sequence of code points in `0..=0x10FFFF`, *including* the surrogates
//! `U+D800..=U+DFFF` (`"\ud800"` is a valid one-character string, and `"\ud83d\ude00"` is a
//! two-character string distinct from `"😀"`). Rust's `str` cannot hold surrogates, so string
//! constants and string objects are stored as *generalized UTF-8*: every code point, surrogate
//! or not, is encoded on its own with the usual UTF-8 bit layout. Surrogates are never paired
//! up, so the encoding is a bijection with Python's code-point sequences, and any string
//! without surrogates is byte-for-byte ordinary UTF-8 (so `as_str` is free).

use std::fmt;

/// A borrowed generalized-UTF-8 string (see the module docs). Unsized, like `str`.
#[repr(transparent)]
#[derive(PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Wtf8([u8]);

impl Wtf8 {
    /// Views ordinary UTF-8 as a Python string.
    #[inline]
    #[allow(clippy::should_implement_trait)] // borrows; FromStr would have to allocate
    pub fn from_str(s: &str) -> &Wtf8 {
        Wtf8::from_bytes_unchecked(s.as_bytes())
    }

    /// Views bytes as a generalized-UTF-8 string. The caller guarantees the bytes are valid
    /// generalized UTF-8 (as produced by [`Wtf8Buf`] or taken from a `str`); other bytes make
    /// iteration yield U+FFFD rather than misbehave.
    #[inline]
    pub fn from_bytes_unchecked(bytes: &[u8]) -> &Wtf8 {
        // SAFETY: `Wtf8` is `repr(transparent)` over `[u8]`.
        unsafe { &*(bytes as *const [u8] as *const Wtf8) }
    }

    /// The encoded bytes.
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    /// The string as ordinary UTF-8 when it contains no surrogates.
    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        std::str::from_utf8(&self.0).ok()
    }

    /// Number of encoded bytes.
    #[inline]
    pub fn len_bytes(&self) -> usize {
        self.0.len()
    }

    /// True for the empty string.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The code points, surrogates included, in order.
    #[inline]
    pub fn code_points(&self) -> CodePoints<'_> {
        CodePoints {
            bytes: &self.0,
            pos: 0,
        }
    }

    /// Number of code points (Python's `len`).
    pub fn len_code_points(&self) -> usize {
        // Every code point has exactly one byte that is not a continuation byte.
        self.0.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
    }

    /// True when every code point is ASCII.
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.0.is_ascii()
    }
}

impl fmt::Debug for Wtf8 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"")?;
        for cp in self.code_points() {
            match char::from_u32(cp) {
                Some(c) => write!(f, "{}", c.escape_debug())?,
                None => write!(f, "\\u{{{cp:x}}}")?,
            }
        }
        f.write_str("\"")
    }
}

/// Iterator over the code points of a [`Wtf8`].
#[derive(Clone)]
pub struct CodePoints<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Iterator for CodePoints<'_> {
    type Item = u32;

    #[inline]
    fn next(&mut self) -> Option<u32> {
        let b = self.bytes;
        let i = self.pos;
        let b0 = *b.get(i)?;
        let (cp, n) = if b0 < 0x80 {
            (u32::from(b0), 1)
        } else if b0 >= 0xF0 && i + 3 < b.len() {
            (
                (u32::from(b0 & 0x07) << 18)
                    | (u32::from(b[i + 1] & 0x3F) << 12)
                    | (u32::from(b[i + 2] & 0x3F) << 6)
                    | u32::from(b[i + 3] & 0x3F),
                4,
            )
        } else if b0 >= 0xE0 && i + 2 < b.len() {
            (
                (u32::from(b0 & 0x0F) << 12)
                    | (u32::from(b[i + 1] & 0x3F) << 6)
                    | u32::from(b[i + 2] & 0x3F),
                3,
            )
        } else if b0 >= 0xC0 && i + 1 < b.len() {
            ((u32::from(b0 & 0x1F) << 6) | u32::from(b[i + 1] & 0x3F), 2)
        } else {
            (0xFFFD, 1)
        };
        self.pos = i + n;
        Some(cp)
    }
}

/// An owned, growable generalized-UTF-8 string.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Wtf8Buf {
    bytes: Vec<u8>,
}

impl Wtf8Buf {
    /// An empty string.
    pub fn new() -> Self {
        Wtf8Buf { bytes: Vec::new() }
    }

    /// An empty string with room for `n` bytes.
    pub fn with_capacity(n: usize) -> Self {
        Wtf8Buf {
            bytes: Vec::with_capacity(n),
        }
    }

    /// Appends ordinary UTF-8 text.
    #[inline]
    pub fn push_str(&mut self, s: &str) {
        self.bytes.extend_from_slice(s.as_bytes());
    }

    /// Appends another Python string.
    #[inline]
    pub fn push_wtf8(&mut self, s: &Wtf8) {
        self.bytes.extend_from_slice(s.as_bytes());
    }

    /// Appends one character.
    #[inline]
    pub fn push_char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.bytes
            .extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }

    /// Appends one code point, which may be a lone surrogate. Values above `0x10FFFF` are a
    /// caller bug; they are replaced by U+FFFD.
    pub fn push_code_point(&mut self, cp: u32) {
        if let Some(c) = char::from_u32(cp) {
            self.push_char(c);
        } else if (0xD800..=0xDFFF).contains(&cp) {
            self.bytes.push(0xE0 | (cp >> 12) as u8);
            self.bytes.push(0x80 | ((cp >> 6) & 0x3F) as u8);
            self.bytes.push(0x80 | (cp & 0x3F) as u8);
        } else {
            self.push_char('\u{FFFD}');
        }
    }

    /// The string built so far.
    #[inline]
    pub fn as_wtf8(&self) -> &Wtf8 {
        Wtf8::from_bytes_unchecked(&self.bytes)
    }

    /// Removes everything, keeping the allocation.
    pub fn clear(&mut self) {
        self.bytes.clear();
    }

    /// The encoded bytes.
    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }
}

impl std::ops::Deref for Wtf8Buf {
    type Target = Wtf8;
    fn deref(&self) -> &Wtf8 {
        self.as_wtf8()
    }
}

impl fmt::Debug for Wtf8Buf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_wtf8(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_utf8_round_trips() {
        let s = Wtf8::from_str("aé😀");
        assert_eq!(
            s.code_points().collect::<Vec<_>>(),
            vec![0x61, 0xE9, 0x1F600]
        );
        assert_eq!(s.len_code_points(), 3);
        assert_eq!(s.as_str(), Some("aé😀"));
    }

    #[test]
    fn surrogates_stay_unpaired() {
        let mut b = Wtf8Buf::new();
        b.push_code_point(0xD83D);
        b.push_code_point(0xDE00);
        assert_eq!(b.len_code_points(), 2);
        assert_eq!(b.code_points().collect::<Vec<_>>(), vec![0xD83D, 0xDE00]);
        assert_eq!(b.as_str(), None);
    }
}
