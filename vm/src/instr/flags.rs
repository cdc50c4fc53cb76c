//! Instruction and uop property flags: CPython 3.14's metadata bits plus rpy's tier markers.
//!
//! The low 16 bits are CPython's `HAS_*_FLAG` values exactly (`_PyUop_Flags`,
//! `_PyOpcode_opcode_metadata[].flags`), so `Flags::cpython_bits` can be compared with the
//! tables read out of the 3.14 binary. The high bits record what CPython expresses with DSL
//! annotations (`tier1`, `tier2`, `specializing`) or with "not viable" analysis results.

use std::fmt;

/// A set of instruction or uop properties.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Flags(u32);

/// Names of the defined bits, in bit order, for `Debug` and for tests.
const NAMES: [(Flags, &str); 17] = [
    (Flags::ARG, "ARG"),
    (Flags::CONST, "CONST"),
    (Flags::NAME, "NAME"),
    (Flags::JUMP, "JUMP"),
    (Flags::FREE, "FREE"),
    (Flags::LOCAL, "LOCAL"),
    (Flags::EVAL_BREAK, "EVAL_BREAK"),
    (Flags::DEOPT, "DEOPT"),
    (Flags::ERROR, "ERROR"),
    (Flags::ESCAPES, "ESCAPES"),
    (Flags::EXIT, "EXIT"),
    (Flags::PURE, "PURE"),
    (Flags::ERROR_NO_POP, "ERROR_NO_POP"),
    (Flags::NO_SAVE_IP, "NO_SAVE_IP"),
    (Flags::TIER1, "TIER1"),
    (Flags::TIER2, "TIER2"),
    (Flags::SPECIALIZING, "SPECIALIZING"),
];

impl Flags {
    /// No flags.
    pub const EMPTY: Flags = Flags(0);
    /// The oparg is used.
    pub const ARG: Flags = Flags(1);
    /// The oparg indexes `co_consts`.
    pub const CONST: Flags = Flags(1 << 1);
    /// The oparg indexes (possibly shifted) `co_names`.
    pub const NAME: Flags = Flags(1 << 2);
    /// The instruction may jump (relative oparg).
    pub const JUMP: Flags = Flags(1 << 3);
    /// The oparg indexes a cell or free variable.
    pub const FREE: Flags = Flags(1 << 4);
    /// The oparg indexes a fast local.
    pub const LOCAL: Flags = Flags(1 << 5);
    /// Checks the eval breaker (signals, GIL drop requests, async exceptions).
    pub const EVAL_BREAK: Flags = Flags(1 << 6);
    /// A failed guard re-executes the unspecialized instruction (`DEOPT_IF`).
    pub const DEOPT: Flags = Flags(1 << 7);
    /// May raise.
    pub const ERROR: Flags = Flags(1 << 8);
    /// May run arbitrary code (decref, calls), so values must be spilled first.
    pub const ESCAPES: Flags = Flags(1 << 9);
    /// A failed guard leaves the trace through a side exit (`EXIT_IF`).
    pub const EXIT: Flags = Flags(1 << 10);
    /// No side effects: a candidate for constant folding and removal.
    pub const PURE: Flags = Flags(1 << 11);
    /// Raises without popping its inputs first (`ERROR_NO_POP`).
    pub const ERROR_NO_POP: Flags = Flags(1 << 14);
    /// Does not record its own address as the frame's instruction pointer.
    pub const NO_SAVE_IP: Flags = Flags(1 << 15);
    /// rpy: cannot run in tier 2 (CPython's `tier1` annotation or a non-viable body).
    pub const TIER1: Flags = Flags(1 << 16);
    /// rpy: exists only in tier-2 traces, never in a tier-1 instruction.
    pub const TIER2: Flags = Flags(1 << 17);
    /// rpy: the adaptive counter check of a family head (CPython's `specializing` ops);
    /// trace projection skips it.
    pub const SPECIALIZING: Flags = Flags(1 << 18);

    /// The mask of CPython's own metadata bits.
    pub const CPYTHON_MASK: u32 = 0xFFFF;

    /// The raw bits.
    pub const fn bits(self) -> u32 {
        self.0
    }

    /// The bits CPython 3.14 defines (`HAS_*_FLAG`), without rpy's markers.
    pub const fn cpython_bits(self) -> u16 {
        (self.0 & Self::CPYTHON_MASK) as u16
    }

    /// Both sets of flags.
    pub const fn union(self, other: Flags) -> Flags {
        Flags(self.0 | other.0)
    }

    /// The flags set in both.
    pub const fn intersection(self, other: Flags) -> Flags {
        Flags(self.0 & other.0)
    }

    /// Only CPython's bits (see [`Flags::cpython_bits`]).
    pub const fn cpython_only(self) -> Flags {
        Flags(self.0 & Self::CPYTHON_MASK)
    }

    /// These flags without `other`'s.
    pub const fn difference(self, other: Flags) -> Flags {
        Flags(self.0 & !other.0)
    }

    /// Whether every flag in `other` is set.
    pub const fn contains(self, other: Flags) -> bool {
        self.0 & other.0 == other.0
    }

    /// Whether any flag in `other` is set.
    pub const fn intersects(self, other: Flags) -> bool {
        self.0 & other.0 != 0
    }

    /// The names of the set flags, in bit order (CPython's spelling without `HAS_`/`_FLAG`).
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        NAMES
            .iter()
            .filter(move |(flag, _)| self.contains(*flag))
            .map(|(_, name)| *name)
    }

    /// The flag called `name` (as printed by [`Flags::names`]).
    pub fn from_name(name: &str) -> Option<Flags> {
        NAMES.iter().find(|(_, n)| *n == name).map(|(f, _)| *f)
    }
}

impl fmt::Debug for Flags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Flags(")?;
        for (i, name) in self.names().enumerate() {
            if i > 0 {
                f.write_str(" | ")?;
            }
            f.write_str(name)?;
        }
        f.write_str(")")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_bits_are_distinct() {
        let mut seen = 0u32;
        for (flag, name) in NAMES {
            assert_eq!(flag.bits().count_ones(), 1, "{name}");
            assert_eq!(seen & flag.bits(), 0, "{name} reuses a bit");
            seen |= flag.bits();
            assert_eq!(Flags::from_name(name), Some(flag));
        }
        let set = Flags::ARG.union(Flags::PURE).union(Flags::TIER1);
        assert_eq!(set.names().collect::<Vec<_>>(), ["ARG", "PURE", "TIER1"]);
        assert_eq!(set.cpython_bits(), 1 | 2048);
        assert_eq!(format!("{set:?}"), "Flags(ARG | PURE | TIER1)");
    }
}
