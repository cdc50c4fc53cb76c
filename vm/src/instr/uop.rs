//! Micro-operations: the `Uop` enum generated from the table and the metadata tier 2 and the
//! tier-1 interpreter need about each one.
//!
//! A uop is the unit both tiers execute: a tier-1 instruction runs the uops of its body in
//! order, the tier-2 interpreter runs a trace of them one at a time. Bodies arrive with the
//! interpreter as `#[inline(always)]` functions dispatched by a `match` on `Uop`; this module
//! only describes them. Names and ids are CPython 3.14's, so traces can be diffed against
//! `_opcode.get_executor()`; uops CPython never numbers (its `tier1` and `specializing` ops)
//! have no [`Uop::cpython_id`].

use std::fmt;

use super::define::{define_uops, stack_item, uop_id};
use super::flags::Flags;
use super::stack::{self, StackItem};
use super::table::uop_table;

/// A named operand of a uop: read from the inline cache in tier 1 and from the trace's
/// operand fields in tier 2 (in CPython's DSL, the `name/size` cache effects).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UopCacheEntry {
    /// The entry's name (`unused` for skipped units).
    pub name: &'static str,
    /// Width in code units.
    pub size: u8,
}

/// Everything the table says about one uop.
#[derive(Clone, Copy, Debug)]
pub struct UopInfo {
    /// CPython's name.
    pub name: &'static str,
    /// CPython 3.14's uop id, if CPython numbers it.
    pub cpython_id: Option<u16>,
    /// Properties.
    pub flags: Flags,
    /// Stack values consumed, bottom first.
    pub inputs: &'static [StackItem],
    /// Stack values produced, bottom first.
    pub outputs: &'static [StackItem],
    /// Cache entries / operands read, in order.
    pub cache: &'static [UopCacheEntry],
    /// For a replica (`_LOAD_FAST_3`), the uop it specializes.
    pub replica_of: Option<Uop>,
    /// Tier-1-only uops that trace projection swaps for tier-2 ones: the single replacement,
    /// or for a conditional branch `[not taken, taken]`.
    pub replacements: &'static [Uop],
}

impl UopInfo {
    /// A replica row before `resolve_replicas` fills it in from its base.
    const fn replica_placeholder(name: &'static str, base: Uop) -> UopInfo {
        UopInfo {
            name,
            cpython_id: None,
            flags: Flags::EMPTY,
            inputs: &[],
            outputs: &[],
            cache: &[],
            replica_of: Some(base),
            replacements: &[],
        }
    }
}

uop_table!(define_uops);

/// Completes replica rows: a replica shares its base's stack effect and operands, loses the
/// `ARG` flag (its oparg is baked in) and is numbered right after the base, as CPython's
/// `replicate(N)` does (`_LOAD_FAST` 442, `_LOAD_FAST_0` 443, ...).
const fn resolve_replicas(mut rows: [UopInfo; UOP_COUNT]) -> [UopInfo; UOP_COUNT] {
    let mut i = 0;
    while i < UOP_COUNT {
        if let Some(base) = rows[i].replica_of {
            let b = rows[base as usize];
            let k = (i - base as usize) as u16;
            rows[i] = UopInfo {
                name: rows[i].name,
                cpython_id: match b.cpython_id {
                    Some(id) => Some(id + k),
                    None => None,
                },
                flags: b.flags.difference(Flags::ARG),
                inputs: b.inputs,
                outputs: b.outputs,
                cache: b.cache,
                replica_of: Some(base),
                replacements: b.replacements,
            };
        }
        i += 1;
    }
    rows
}

/// The resolved rows (also read by const fns elsewhere in `instr`).
pub(crate) static UOP_TABLE: [UopInfo; UOP_COUNT] = resolve_replicas(UOP_ROWS);

/// The largest CPython uop id in the table (`MAX_UOP_ID`).
pub const MAX_CPYTHON_UOP_ID: u16 = {
    let mut max = 0;
    let mut i = 0;
    while i < UOP_COUNT {
        if let Some(id) = UOP_TABLE[i].cpython_id
            && id > max
        {
            max = id;
        }
        i += 1;
    }
    max
};

static BY_CPYTHON_ID: [Option<Uop>; MAX_CPYTHON_UOP_ID as usize + 1] = {
    let mut table = [None; MAX_CPYTHON_UOP_ID as usize + 1];
    let mut i = 0;
    while i < UOP_COUNT {
        if let Some(id) = UOP_TABLE[i].cpython_id {
            assert!(table[id as usize].is_none(), "two uops share a CPython id");
            table[id as usize] = Some(Uop::ALL[i]);
        }
        i += 1;
    }
    table
};

/// How a failed guard leaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitKind {
    /// `DEOPT_IF`: re-execute the current instruction unspecialized (tier 1) or leave the
    /// trace to the instruction's start (tier 2).
    Deopt,
    /// `EXIT_IF`: leave the trace through a side exit that can warm up and get its own trace.
    Exit,
}

impl Uop {
    /// The table row.
    pub const fn info(self) -> &'static UopInfo {
        &UOP_TABLE[self as usize]
    }

    /// CPython's name (`_BINARY_OP_ADD_INT`).
    pub const fn name(self) -> &'static str {
        self.info().name
    }

    /// The uop called `name`.
    pub fn from_name(name: &str) -> Option<Uop> {
        Uop::ALL.iter().copied().find(|uop| uop.name() == name)
    }

    /// CPython 3.14's id for this uop, if CPython numbers it.
    pub const fn cpython_id(self) -> Option<u16> {
        self.info().cpython_id
    }

    /// The uop CPython numbers `id`.
    pub fn from_cpython_id(id: u16) -> Option<Uop> {
        BY_CPYTHON_ID.get(usize::from(id)).copied().flatten()
    }

    /// Properties.
    pub const fn flags(self) -> Flags {
        self.info().flags
    }

    /// How this uop leaves when its guard fails, if it can fail one.
    pub const fn exit_kind(self) -> Option<ExitKind> {
        let flags = self.flags();
        if flags.contains(Flags::EXIT) {
            Some(ExitKind::Exit)
        } else if flags.contains(Flags::DEOPT) {
            Some(ExitKind::Deopt)
        } else {
            None
        }
    }

    /// Whether this uop can bail out to tier 1 or a side exit.
    pub const fn is_guard(self) -> bool {
        self.exit_kind().is_some()
    }

    /// Whether this uop can only run in tier 1 (it is never placed in a trace as is).
    pub const fn is_tier1_only(self) -> bool {
        self.flags().contains(Flags::TIER1)
    }

    /// Whether this uop exists only in traces.
    pub const fn is_tier2_only(self) -> bool {
        self.flags().contains(Flags::TIER2)
    }

    /// Whether this is a family head's adaptive counter check (skipped by projection).
    pub const fn is_specializing(self) -> bool {
        self.flags().contains(Flags::SPECIALIZING)
    }

    /// How many oparg-specific replicas this uop has (`_PyUop_Replication`).
    pub fn replication(self) -> u8 {
        let replicas = Uop::ALL[self as usize + 1..]
            .iter()
            .take_while(|uop| uop.info().replica_of == Some(self))
            .count();
        replicas as u8
    }

    /// The replica for `oparg`, if `oparg` is below [`Uop::replication`].
    pub fn replica(self, oparg: u32) -> Option<Uop> {
        if oparg < u32::from(self.replication()) {
            Some(Uop::ALL[self as usize + 1 + oparg as usize])
        } else {
            None
        }
    }

    /// For a replica, its base uop.
    pub const fn replica_of(self) -> Option<Uop> {
        self.info().replica_of
    }

    /// The tier-2 uops projection substitutes for this tier-1-only one (see
    /// [`UopInfo::replacements`]).
    pub const fn replacements(self) -> &'static [Uop] {
        self.info().replacements
    }

    /// Stack values consumed, bottom first.
    pub const fn inputs(self) -> &'static [StackItem] {
        self.info().inputs
    }

    /// Stack values produced, bottom first.
    pub const fn outputs(self) -> &'static [StackItem] {
        self.info().outputs
    }

    /// Number of values consumed for `oparg`.
    pub fn popped(self, oparg: i32) -> i32 {
        stack::total(self.inputs(), oparg)
    }

    /// Number of values produced for `oparg`.
    pub fn pushed(self, oparg: i32) -> i32 {
        stack::total(self.outputs(), oparg)
    }

    /// The stack effect as written in the table, `(inputs -- outputs)`.
    pub fn signature(self) -> String {
        stack::signature(self.inputs(), self.outputs())
    }

    /// Cache entries (tier-2 operands) read, in order.
    pub const fn cache_entries(self) -> &'static [UopCacheEntry] {
        self.info().cache
    }

    /// Total width of the cache entries, in code units.
    pub const fn cache_size(self) -> u8 {
        let entries = self.cache_entries();
        let mut size = 0;
        let mut i = 0;
        while i < entries.len() {
            size += entries[i].size;
            i += 1;
        }
        size
    }
}

impl fmt::Display for Uop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Debug for Uop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
