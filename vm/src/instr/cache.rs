//! Code units and inline caches: the 16-bit bytecode word and the named cache fields that
//! follow specializable instructions.
//!
//! Layouts are declared once in the table's `caches` section (`LoadAttrCache { counter/1,
//! version/2, keys_version/2, descr/4 }`); the generator turns each into a unit struct whose
//! associated consts are the fields (`LoadAttrCache::version`), with offsets computed here at
//! compile time. Field consts keep CPython's lower-case names so that they read like
//! `opcode._cache_format` and print like `dis --show-caches`.
//!
//! Multi-unit values are stored little-endian across consecutive units (unit 0 holds the
//! low 16 bits), which is what CPython's `write_u32`/`write_u64` produce on the little-endian
//! machines its goldens come from.

use std::fmt;

pub use super::opcode::layouts::*;

/// One 16-bit word of bytecode: an instruction (opcode byte, oparg byte) or a cache unit.
///
/// The layout matches CPython's `_Py_CODEUNIT` on little-endian machines: the opcode is the
/// low byte, so a cache unit's 16-bit value is `opcode | oparg << 8`.
#[repr(C, align(2))]
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct CodeUnit {
    /// The opcode byte (or the low byte of a cache value).
    pub opcode: u8,
    /// The oparg byte (or the high byte of a cache value).
    pub oparg: u8,
}

const _: () = assert!(std::mem::size_of::<CodeUnit>() == 2);
const _: () = assert!(std::mem::align_of::<CodeUnit>() == 2);

impl CodeUnit {
    /// An instruction unit.
    pub const fn new(opcode: u8, oparg: u8) -> CodeUnit {
        CodeUnit { opcode, oparg }
    }

    /// A cache unit holding `value`.
    pub const fn from_cache(value: u16) -> CodeUnit {
        let [opcode, oparg] = value.to_le_bytes();
        CodeUnit { opcode, oparg }
    }

    /// The unit read as a cache value.
    pub const fn cache(self) -> u16 {
        u16::from_le_bytes([self.opcode, self.oparg])
    }
}

impl fmt::Debug for CodeUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CodeUnit({}, {})", self.opcode, self.oparg)
    }
}

/// A named field of an inline cache.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CacheField {
    /// CPython's name for the field (`counter`, `version`, ...).
    pub name: &'static str,
    /// Position of the first unit, counted from the first cache unit (the counter is 0).
    pub offset: u8,
    /// Width in code units (1, 2 or 4).
    pub size: u8,
}

impl CacheField {
    /// One past the field's last unit.
    pub const fn end(self) -> u8 {
        self.offset + self.size
    }

    /// Reads the field from an instruction's cache units (`cache[0]` is the counter).
    ///
    /// # Panics
    /// If `cache` is shorter than the field's end. Callers pass the cache of the instruction
    /// the layout belongs to, whose length the table fixes, so this is an internal bug.
    #[track_caller]
    pub fn read(self, cache: &[CodeUnit]) -> u64 {
        let units = &cache[usize::from(self.offset)..usize::from(self.end())];
        units
            .iter()
            .rev()
            .fold(0u64, |acc, unit| acc << 16 | u64::from(unit.cache()))
    }

    /// Writes the low `16 * size` bits of `value` into the field.
    ///
    /// # Panics
    /// As [`CacheField::read`]; debug builds also reject values that do not fit.
    #[track_caller]
    pub fn write(self, cache: &mut [CodeUnit], value: u64) {
        debug_assert!(
            self.size >= 4 || value >> (16 * u32::from(self.size)) == 0,
            "{} does not fit in cache field {} ({} units)",
            value,
            self.name,
            self.size
        );
        let units = &mut cache[usize::from(self.offset)..usize::from(self.end())];
        for (i, unit) in units.iter_mut().enumerate() {
            *unit = CodeUnit::from_cache((value >> (16 * i)) as u16);
        }
    }

    /// Reads a one-unit field.
    #[track_caller]
    pub fn read_u16(self, cache: &[CodeUnit]) -> u16 {
        debug_assert_eq!(self.size, 1, "{} is not a u16 field", self.name);
        self.read(cache) as u16
    }

    /// Reads a two-unit field.
    #[track_caller]
    pub fn read_u32(self, cache: &[CodeUnit]) -> u32 {
        debug_assert_eq!(self.size, 2, "{} is not a u32 field", self.name);
        self.read(cache) as u32
    }

    /// Reads a four-unit field.
    #[track_caller]
    pub fn read_u64(self, cache: &[CodeUnit]) -> u64 {
        debug_assert_eq!(self.size, 4, "{} is not a u64 field", self.name);
        self.read(cache)
    }

    /// Writes a one-unit field.
    #[track_caller]
    pub fn write_u16(self, cache: &mut [CodeUnit], value: u16) {
        debug_assert_eq!(self.size, 1, "{} is not a u16 field", self.name);
        self.write(cache, u64::from(value));
    }

    /// Writes a two-unit field.
    #[track_caller]
    pub fn write_u32(self, cache: &mut [CodeUnit], value: u32) {
        debug_assert_eq!(self.size, 2, "{} is not a u32 field", self.name);
        self.write(cache, u64::from(value));
    }

    /// Writes a four-unit field.
    #[track_caller]
    pub fn write_u64(self, cache: &mut [CodeUnit], value: u64) {
        debug_assert_eq!(self.size, 4, "{} is not a u64 field", self.name);
        self.write(cache, value);
    }
}

/// The fields of one inline-cache layout, in physical order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CacheLayout {
    /// The layout's name in the table (`LoadAttrCache`).
    pub name: &'static str,
    /// The fields; offsets are contiguous from 0.
    pub fields: &'static [CacheField],
}

impl CacheLayout {
    /// Total size in code units.
    pub const fn size(&self) -> u8 {
        match self.fields.last() {
            Some(last) => last.end(),
            None => 0,
        }
    }

    /// The field called `name`.
    pub const fn field(&self, name: &str) -> Option<CacheField> {
        let mut i = 0;
        while i < self.fields.len() {
            if str_eq(self.fields[i].name, name) {
                return Some(self.fields[i]);
            }
            i += 1;
        }
        None
    }

    /// The field called `name`, failing compilation when used in a const and absent.
    pub const fn expect_field(&self, name: &str) -> CacheField {
        match self.field(name) {
            Some(field) => field,
            None => panic!("cache layout has no field of that name"),
        }
    }
}

/// Lays fields out back to back; used by the generator for each layout.
pub const fn with_offsets<const N: usize>(spec: [(&'static str, u8); N]) -> [CacheField; N] {
    let mut fields = [CacheField {
        name: "",
        offset: 0,
        size: 0,
    }; N];
    let mut offset = 0;
    let mut i = 0;
    while i < N {
        let (name, size) = spec[i];
        fields[i] = CacheField { name, offset, size };
        offset += size;
        i += 1;
    }
    fields
}

/// `==` on strings, usable in const fns.
pub(crate) const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIELDS: [CacheField; 3] = with_offsets([("counter", 1), ("version", 2), ("descr", 4)]);
    const LAYOUT: CacheLayout = CacheLayout {
        name: "Test",
        fields: &FIELDS,
    };

    #[test]
    fn offsets_are_prefix_sums() {
        assert_eq!(LAYOUT.size(), 7);
        assert_eq!(LAYOUT.expect_field("version").offset, 1);
        assert_eq!(LAYOUT.expect_field("descr").offset, 3);
        assert_eq!(LAYOUT.field("index"), None);
    }

    #[test]
    fn values_round_trip_little_endian() {
        let mut cache = [CodeUnit::default(); 7];
        let version = LAYOUT.expect_field("version");
        version.write_u32(&mut cache, 0xDEAD_BEEF);
        assert_eq!(cache[1].cache(), 0xBEEF);
        assert_eq!(cache[2].cache(), 0xDEAD);
        assert_eq!((cache[1].opcode, cache[1].oparg), (0xEF, 0xBE));
        assert_eq!(version.read_u32(&cache), 0xDEAD_BEEF);
        let descr = LAYOUT.expect_field("descr");
        descr.write_u64(&mut cache, 0x0123_4567_89AB_CDEF);
        assert_eq!(descr.read_u64(&cache), 0x0123_4567_89AB_CDEF);
        assert_eq!(
            version.read_u32(&cache),
            0xDEAD_BEEF,
            "neighbours untouched"
        );
        assert_eq!(CodeUnit::from_cache(0x1234).cache(), 0x1234);
    }
}
