//! Instruction bodies as uops: the tier-1 body each instruction executes, and the tier-2
//! expansion trace projection copies into a trace (CPython's `_PyOpcode_macro_expansion`).
//!
//! The tier-1 body ([`Opcode::parts`]) is every uop of the row, specializing counter checks
//! and tier-1-only uops included; each part knows where in the inline cache its operands
//! start. The tier-2 view is derived from it at compile time the way CPython's
//! `opcode_metadata_generator.py` derives its table: specializing uops are dropped, a uop
//! reading cache entries records its first entry as operand0 and, if it reads more than one,
//! its last entry as operand1 of an extra step; replaced uops are marked for substitution;
//! super-instructions expand to their halves on the oparg's two nibbles. An instruction
//! with a non-viable (tier-1-only) uop has no tier-2 expansion, and projection stops there.

use super::opcode::{INSTR_TABLE, OPCODE_COUNT, Opcode, ROW_OF};
use super::uop::{UOP_TABLE, Uop};

/// One uop of a tier-1 instruction body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Part {
    /// The uop.
    pub uop: Uop,
    /// Where the uop's cache entries start, counted from the first cache unit (the counter
    /// is unit 0); `None` when it reads none.
    pub cache_offset: Option<u8>,
}

/// One cache entry a part reads, at its absolute position in the instruction's cache.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CacheRead {
    /// The uop's name for the entry.
    pub name: &'static str,
    /// First unit, counted from the counter (unit 0).
    pub offset: u8,
    /// Width in code units.
    pub size: u8,
}

impl Part {
    /// The cache entries this part reads, skipping `unused` gaps.
    pub fn cache_reads(self) -> impl Iterator<Item = CacheRead> {
        let start = self.cache_offset.unwrap_or(0);
        self.uop
            .cache_entries()
            .iter()
            .scan(start, |offset, entry| {
                let read = CacheRead {
                    name: entry.name,
                    offset: *offset,
                    size: entry.size,
                };
                *offset += entry.size;
                Some(read)
            })
            .filter(|read| read.name != "unused")
    }
}

/// What a tier-2 step's operands are taken from (CPython's expansion "size" codes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operand {
    /// The instruction's oparg (`OPARG_SIMPLE`).
    Simple,
    /// operand0 is read from `size` cache units at `offset` (`OPARG_CACHE_n`).
    Cache {
        /// First unit, counted from the counter (unit 0).
        offset: u8,
        /// Width in code units.
        size: u8,
    },
    /// The previous step's uop again: operand1 is read from `size` units at `offset`
    /// (`OPERAND1_n`).
    Operand1 {
        /// First unit, counted from the counter (unit 0).
        offset: u8,
        /// Width in code units.
        size: u8,
    },
    /// The oparg's high nibble (`OPARG_TOP`).
    Top,
    /// The oparg's low nibble (`OPARG_BOTTOM`).
    Bottom,
    /// The oparg becomes the return offset (`OPARG_SAVE_RETURN_OFFSET`).
    ReturnOffset,
    /// The uop is tier-1-only; projection substitutes one of its
    /// [`Uop::replacements`] (`OPARG_REPLACED`).
    Replaced,
}

impl Operand {
    /// CPython's name for the code (`OPARG_CACHE_2`).
    pub fn cpython_name(self) -> String {
        match self {
            Operand::Simple => "OPARG_SIMPLE".to_owned(),
            Operand::Cache { size, .. } => format!("OPARG_CACHE_{size}"),
            Operand::Operand1 { size, .. } => format!("OPERAND1_{size}"),
            Operand::Top => "OPARG_TOP".to_owned(),
            Operand::Bottom => "OPARG_BOTTOM".to_owned(),
            Operand::ReturnOffset => "OPARG_SAVE_RETURN_OFFSET".to_owned(),
            Operand::Replaced => "OPARG_REPLACED".to_owned(),
        }
    }
}

/// One step of a tier-2 expansion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    /// The uop to emit.
    pub uop: Uop,
    /// Where its operands come from.
    pub operand: Operand,
}

/// Room for the longest expansion; the build fails if the table needs more.
const CAPACITY: usize = 12;

#[derive(Clone, Copy)]
struct Expansion {
    steps: [Step; CAPACITY],
    len: usize,
}

const NO_STEP: Step = Step {
    uop: Uop::ALL[0],
    operand: Operand::Simple,
};

impl Expansion {
    const EMPTY: Expansion = Expansion {
        steps: [NO_STEP; CAPACITY],
        len: 0,
    };

    const fn push(mut self, uop: Uop, operand: Operand) -> Expansion {
        assert!(self.len < CAPACITY, "tier-2 expansion longer than CAPACITY");
        self.steps[self.len] = Step { uop, operand };
        self.len += 1;
        self
    }
}

/// The tier-2 expansion of the instruction in `row`, or `None` if it has a tier-1-only uop.
const fn expand(row: usize) -> Option<Expansion> {
    let info = &INSTR_TABLE[row];
    let mut out = Expansion::EMPTY;
    if let Some((high, low)) = info.super_halves {
        out = push_halves(out, high, Operand::Top);
        return Some(push_halves(out, low, Operand::Bottom));
    }
    if info.parts.is_empty() {
        return None;
    }
    let mut i = 0;
    while i < info.parts.len() {
        let part = info.parts[i];
        let uop = &UOP_TABLE[part.uop as usize];
        i += 1;
        if part.uop.is_specializing() {
            continue;
        }
        if !uop.replacements.is_empty() {
            out = out.push(part.uop, Operand::Replaced);
            continue;
        }
        if part.uop.is_tier1_only() {
            return None;
        }
        if matches!(part.uop, Uop::_SAVE_RETURN_OFFSET) {
            out = out.push(part.uop, Operand::ReturnOffset);
            continue;
        }
        let (Some(offset), false) = (part.cache_offset, uop.cache.is_empty()) else {
            out = out.push(part.uop, Operand::Simple);
            continue;
        };
        out = out.push(
            part.uop,
            Operand::Cache {
                offset,
                size: uop.cache[0].size,
            },
        );
        if uop.cache.len() > 1 {
            let last = uop.cache[uop.cache.len() - 1];
            let last_offset = offset + part.uop.cache_size() - last.size;
            out = out.push(
                part.uop,
                Operand::Operand1 {
                    offset: last_offset,
                    size: last.size,
                },
            );
        }
    }
    Some(out)
}

/// Appends the body of `half` with every step reading the given oparg nibble.
const fn push_halves(mut out: Expansion, half: Opcode, operand: Operand) -> Expansion {
    let parts = INSTR_TABLE[ROW_OF[half as usize] as usize].parts;
    let mut i = 0;
    while i < parts.len() {
        out = out.push(parts[i].uop, operand);
        i += 1;
    }
    out
}

static EXPANSIONS: [Option<Expansion>; OPCODE_COUNT] = {
    let mut table = [None; OPCODE_COUNT];
    let mut row = 0;
    while row < OPCODE_COUNT {
        table[row] = expand(row);
        row += 1;
    }
    table
};

/// The most uops any instruction expands to (`MAX_UOP_PER_EXPANSION`).
pub const MAX_UOPS_PER_EXPANSION: usize = {
    let mut max = 0;
    let mut row = 0;
    while row < OPCODE_COUNT {
        if let Some(expansion) = expand(row)
            && expansion.len > max
        {
            max = expansion.len;
        }
        row += 1;
    }
    max
};

impl Opcode {
    /// The uops trace projection emits for this instruction, or `None` if it cannot be
    /// projected (projection stops, or special-cases it).
    pub fn tier2_expansion(self) -> Option<&'static [Step]> {
        let row = usize::from(ROW_OF[self as usize]);
        EXPANSIONS[row]
            .as_ref()
            .map(|expansion| &expansion.steps[..expansion.len])
    }
}
