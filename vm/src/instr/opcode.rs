//! Instructions: the `Opcode` enum generated from the table (CPython 3.14 numbers, including
//! `CACHE`, `EXTENDED_ARG`, specialized, instrumented and pseudo-instructions) and the
//! metadata derived from it: names, cache sizes, flags and the `dis` predicates, families and
//! the deopt map, instrumentation pairs, oparg meanings and stack effects.
//!
//! An instruction's flags and stack effect are not written in the table: they are composed
//! from the uops of its body, exactly as CPython's cases generator composes a macro
//! instruction, and the composition is checked against CPython's tables in the tests.

use std::fmt;

use super::cache::CacheLayout;
use super::define::{
    declared_layout, define_instructions, jump_stack, oparg_kind, part, related_opcode, row_flag,
    stack_item, super_halves,
};
use super::expansion::Part;
use super::flags::Flags;
use super::oparg::OpargKind;
use super::stack::{self, Composed, StackItem};
use super::table::instruction_table;
use super::uop::{UOP_TABLE, Uop};

/// Where an instruction comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InstrKind {
    /// Emitted by the compiler (a family head or a plain instruction).
    Real,
    /// Written by the specializer over its family head ([`InstrInfo::related`]).
    Specialized,
    /// Written by `sys.monitoring` over its base instruction ([`InstrInfo::related`], if any).
    Instrumented,
    /// Exists only inside the compiler; lowered to real instructions before assembly.
    Pseudo,
}

/// How a pseudo-instruction is lowered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PseudoMode {
    /// Replaced by one of the targets (`JUMP` becomes `JUMP_FORWARD` or `JUMP_BACKWARD`).
    OneOf,
    /// Replaced by all the targets in order (`JUMP_IF_FALSE` is `COPY 1; TO_BOOL;
    /// POP_JUMP_IF_FALSE`).
    Sequence,
}

/// A pseudo-instruction's declared stack effect.
#[derive(Clone, Copy, Debug)]
pub struct PseudoStack {
    /// Values consumed.
    pub inputs: &'static [StackItem],
    /// Values produced.
    pub outputs: &'static [StackItem],
}

/// What the table says about a pseudo-instruction.
#[derive(Clone, Copy, Debug)]
pub struct PseudoInfo {
    /// How it is lowered.
    pub mode: PseudoMode,
    /// The real instructions it lowers to.
    pub targets: &'static [Opcode],
    /// Its stack effect when it does not jump.
    pub stack: PseudoStack,
    /// Its stack effect on the jump to its target, when different (`SETUP_*` push the
    /// exception and `lasti` only on the way to the handler).
    pub jump_stack: Option<PseudoStack>,
    /// Flags declared on top of those of the targets.
    pub flags: Flags,
}

/// Everything the table says about one instruction.
#[derive(Clone, Copy, Debug)]
pub struct InstrInfo {
    /// CPython's name.
    pub name: &'static str,
    /// The instruction.
    pub opcode: Opcode,
    /// Where it comes from.
    pub kind: InstrKind,
    /// The family head of a specialized instruction, or the base of an instrumented one.
    pub related: Option<Opcode>,
    /// The oparg's meaning, when the row states it (others inherit from `related`).
    pub oparg: Option<OpargKind>,
    /// The tier-1 body: the uops executed in order, with their cache bindings.
    pub parts: &'static [Part],
    /// For a super-instruction (`LOAD_FAST_LOAD_FAST`), the instructions whose bodies
    /// trace projection uses for the high and low nibble of the oparg.
    pub super_halves: Option<(Opcode, Opcode)>,
    /// Pseudo-instruction data.
    pub pseudo: Option<PseudoInfo>,
}

instruction_table!(define_instructions);

/// The offset of `field` in the cache layout of `op` (or of its family head or base).
/// Evaluated at compile time; an unknown field fails the build.
pub(crate) const fn bind_field(op: Opcode, field: &str) -> u8 {
    let layout = match own_layout(op) {
        Some(layout) => layout,
        None => match related_of(op) {
            Some(rel) => match own_layout(rel) {
                Some(layout) => layout,
                None => panic!("cache binding on an instruction without a cache layout"),
            },
            None => panic!("cache binding on an instruction without a cache layout"),
        },
    };
    layout.expect_field(field).offset
}

/// The number of `CACHE` units after `op` (its own layout or its family head's), at compile
/// time: the generated tier-1 handlers advance past them with a constant.
pub(crate) const fn cache_size(op: Opcode) -> u8 {
    match own_layout(op) {
        Some(layout) => layout.size(),
        None => match related_of(op) {
            Some(rel) => match own_layout(rel) {
                Some(layout) => layout.size(),
                None => 0,
            },
            None => 0,
        },
    }
}

/// The rows (also read by const fns elsewhere in `instr`).
pub(crate) static INSTR_TABLE: [InstrInfo; OPCODE_COUNT] = INSTR_ROWS;

/// One more than the largest opcode number (pseudo-instructions included).
pub const OPCODE_SLOTS: usize = {
    let mut max = 0;
    let mut i = 0;
    while i < OPCODE_COUNT {
        if INSTR_TABLE[i].opcode as usize > max {
            max = INSTR_TABLE[i].opcode as usize;
        }
        i += 1;
    }
    max + 1
};

/// Row index of each opcode number (`u16::MAX` where no instruction has that number).
pub(crate) const ROW_OF: [u16; OPCODE_SLOTS] = {
    let mut rows = [u16::MAX; OPCODE_SLOTS];
    let mut i = 0;
    while i < OPCODE_COUNT {
        let number = INSTR_TABLE[i].opcode as usize;
        assert!(
            rows[number] == u16::MAX,
            "two instructions share an opcode number"
        );
        rows[number] = i as u16;
        i += 1;
    }
    rows
};
static ROWS_BY_NUMBER: [u16; OPCODE_SLOTS] = ROW_OF;

/// The smallest instrumented opcode (`MIN_INSTRUMENTED_OPCODE`).
pub const MIN_INSTRUMENTED_OPCODE: u8 = {
    let mut min = u16::MAX;
    let mut i = 0;
    while i < OPCODE_COUNT {
        let info = &INSTR_TABLE[i];
        if matches!(info.kind, InstrKind::Instrumented) && (info.opcode as u16) < min {
            min = info.opcode as u16;
        }
        i += 1;
    }
    min as u8
};

/// The flags CPython's metadata gives the instruction in row `row`: for a real instruction,
/// the union of its uops' flags, except `PURE` and `NO_SAVE_IP`, which need every uop to
/// have them (CPython's `Properties.from_list`); for a pseudo-instruction, its declared
/// flags plus those of its targets, combined the same way.
const fn composed_flags(row: usize) -> Flags {
    const ALL_OF: Flags = Flags::PURE.union(Flags::NO_SAVE_IP);
    let info = &INSTR_TABLE[row];
    let (mut any, mut all, mut i) = (Flags::EMPTY, ALL_OF, 0);
    match info.pseudo {
        Some(pseudo) => {
            any = pseudo.flags;
            while i < pseudo.targets.len() {
                let target = composed_flags(ROW_OF[pseudo.targets[i] as usize] as usize);
                any = any.union(target);
                all = all.intersection(target);
                i += 1;
            }
        }
        None => {
            while i < info.parts.len() {
                let uop = UOP_TABLE[info.parts[i].uop as usize].flags;
                any = any.union(uop);
                all = all.intersection(uop);
                i += 1;
            }
        }
    }
    any.difference(ALL_OF).union(all).cpython_only()
}

static FLAGS: [Flags; OPCODE_COUNT] = {
    let mut flags = [Flags::EMPTY; OPCODE_COUNT];
    let mut i = 0;
    while i < OPCODE_COUNT {
        flags[i] = composed_flags(i);
        i += 1;
    }
    flags
};

/// `cache_size` of each row, so run-time queries are one load.
static CACHE_SIZES: [u8; OPCODE_COUNT] = {
    let mut sizes = [0; OPCODE_COUNT];
    let mut i = 0;
    while i < OPCODE_COUNT {
        sizes[i] = cache_size(INSTR_TABLE[i].opcode);
        i += 1;
    }
    sizes
};

/// The row of the instruction numbered `number`, with its flags and cache size, for the
/// per-opcode tables other modules build at compile time (`None` where no instruction has
/// that number).
pub(crate) const fn row_by_number(number: usize) -> Option<(&'static InstrInfo, Flags, u8)> {
    if number >= OPCODE_SLOTS || ROW_OF[number] == u16::MAX {
        return None;
    }
    let row = ROW_OF[number] as usize;
    Some((&INSTR_TABLE[row], FLAGS[row], CACHE_SIZES[row]))
}

/// Family head of each row: the row itself if anything specializes it, its head if it is
/// specialized.
static FAMILY: [Option<Opcode>; OPCODE_COUNT] = {
    let mut family = [None; OPCODE_COUNT];
    let mut i = 0;
    while i < OPCODE_COUNT {
        let info = &INSTR_TABLE[i];
        if let (InstrKind::Specialized, Some(head)) = (info.kind, info.related) {
            family[i] = Some(head);
            family[ROW_OF[head as usize] as usize] = Some(head);
        }
        i += 1;
    }
    family
};

impl Opcode {
    /// The table row.
    pub fn info(self) -> &'static InstrInfo {
        &INSTR_TABLE[usize::from(ROWS_BY_NUMBER[self as usize])]
    }

    fn row(self) -> usize {
        usize::from(ROWS_BY_NUMBER[self as usize])
    }

    /// CPython's name (`LOAD_ATTR_INSTANCE_VALUE`).
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// CPython's number (pseudo-instructions are 256 and up).
    pub const fn number(self) -> u16 {
        self as u16
    }

    /// The instruction numbered `number`, pseudo-instructions included.
    pub fn from_u16(number: u16) -> Option<Opcode> {
        let row = *ROWS_BY_NUMBER.get(usize::from(number))?;
        INSTR_TABLE.get(usize::from(row)).map(|info| info.opcode)
    }

    /// The instruction whose opcode byte is `byte` (never a pseudo-instruction).
    pub fn from_u8(byte: u8) -> Option<Opcode> {
        Opcode::from_u16(u16::from(byte))
    }

    /// The instruction called `name`.
    pub fn from_name(name: &str) -> Option<Opcode> {
        Opcode::ALL.iter().copied().find(|op| op.name() == name)
    }

    /// Every instruction in opcode order.
    pub fn by_number() -> impl Iterator<Item = Opcode> {
        ROWS_BY_NUMBER
            .iter()
            .filter_map(|&row| INSTR_TABLE.get(usize::from(row)).map(|info| info.opcode))
    }

    /// Where the instruction comes from.
    pub fn kind(self) -> InstrKind {
        self.info().kind
    }

    /// Whether this exists only inside the compiler.
    pub fn is_pseudo(self) -> bool {
        self.kind() == InstrKind::Pseudo
    }

    /// Whether the specializer wrote this over a family head.
    pub fn is_specialized(self) -> bool {
        self.kind() == InstrKind::Specialized
    }

    /// Whether `sys.monitoring` wrote this over a base instruction.
    pub fn is_instrumented(self) -> bool {
        self.kind() == InstrKind::Instrumented
    }

    /// The inline cache layout (inherited from the family head or the instrumented base).
    pub fn cache_layout(self) -> Option<&'static CacheLayout> {
        let info = self.info();
        own_layout(self).or_else(|| info.related.and_then(own_layout))
    }

    /// Number of `CACHE` units after the instruction (`_PyOpcode_Caches`).
    pub fn cache_entries(self) -> u8 {
        CACHE_SIZES[self.row()]
    }

    /// Size in code units, caches included (`INSTRUCTION_SIZE`).
    pub fn size(self) -> u8 {
        1 + self.cache_entries()
    }

    /// Properties: the union of the body's uop flags, except `PURE` and `NO_SAVE_IP`, which
    /// every uop must have; for a pseudo-instruction, the same over its targets plus its
    /// declared flags. These are CPython's `_PyOpcode_opcode_metadata` flags.
    pub fn flags(self) -> Flags {
        FLAGS[self.row()]
    }

    /// Whether the oparg is used (`_opcode.has_arg`).
    pub fn has_arg(self) -> bool {
        self.flags().contains(Flags::ARG)
    }

    /// Whether the oparg indexes `co_consts` (`dis.hasconst`).
    pub fn has_const(self) -> bool {
        self.flags().contains(Flags::CONST)
    }

    /// Whether the oparg indexes `co_names` (`dis.hasname`).
    pub fn has_name(self) -> bool {
        self.flags().contains(Flags::NAME)
    }

    /// Whether the oparg is a relative jump (`dis.hasjump`).
    pub fn has_jump(self) -> bool {
        self.flags().contains(Flags::JUMP)
    }

    /// Whether the oparg indexes a cell or free variable (`dis.hasfree`).
    pub fn has_free(self) -> bool {
        self.flags().contains(Flags::FREE)
    }

    /// Whether the oparg indexes a fast local (`dis.haslocal`).
    pub fn has_local(self) -> bool {
        self.flags().contains(Flags::LOCAL)
    }

    /// Whether this sets up an exception handler (`dis.hasexc`: the `SETUP_*` block pushes,
    /// recognisable by their separate stack effect on the jump to the handler).
    pub fn has_exc(self) -> bool {
        self.info().pseudo.is_some_and(|p| p.jump_stack.is_some())
    }

    /// The unspecialized form (`_PyOpcode_Deopt`): the family head of a specialized
    /// instruction, the instruction itself otherwise.
    pub fn deopt(self) -> Opcode {
        match self.info() {
            InstrInfo {
                kind: InstrKind::Specialized,
                related: Some(head),
                ..
            } => *head,
            _ => self,
        }
    }

    /// The family head, for a head and for its specializations.
    pub fn family(self) -> Option<Opcode> {
        FAMILY[self.row()]
    }

    /// The specialized forms of a family head, in table order.
    pub fn specializations(self) -> impl Iterator<Item = Opcode> {
        Opcode::ALL
            .into_iter()
            .filter(move |op| op.is_specialized() && op.info().related == Some(self))
    }

    /// The instruction an instrumented one stands in for (itself otherwise).
    pub fn deinstrument(self) -> Opcode {
        match self.info() {
            InstrInfo {
                kind: InstrKind::Instrumented,
                related: Some(base),
                ..
            } => *base,
            _ => self,
        }
    }

    /// The instrumented form of this instruction, if `sys.monitoring` has one.
    pub fn instrumented(self) -> Option<Opcode> {
        Opcode::ALL
            .into_iter()
            .find(|op| op.is_instrumented() && op.info().related == Some(self))
    }

    /// What the oparg means (shared by a family and by an instrumented pair).
    pub fn oparg_kind(self) -> OpargKind {
        let info = self.info();
        info.oparg
            .or_else(|| info.related.and_then(|rel| rel.info().oparg))
            .unwrap_or(OpargKind::None)
    }

    /// The tier-1 body: the uops to execute in order.
    pub fn parts(self) -> &'static [Part] {
        self.info().parts
    }

    /// For a super-instruction, the two instructions it fuses.
    pub fn super_halves(self) -> Option<(Opcode, Opcode)> {
        self.info().super_halves
    }

    /// For a pseudo-instruction, how it is lowered and to what.
    pub fn pseudo(self) -> Option<&'static PseudoInfo> {
        self.info().pseudo.as_ref()
    }

    /// Stack depth consumed and produced for `oparg`, on the jump (`jump`) or the fall-through
    /// path; for real instructions both paths are the same.
    pub fn stack(self, oparg: i32, jump: bool) -> Composed {
        match self.pseudo() {
            Some(pseudo) => {
                let effect = match (jump, pseudo.jump_stack) {
                    (true, Some(on_jump)) => on_jump,
                    _ => pseudo.stack,
                };
                Composed::default().then(
                    stack::total(effect.inputs, oparg),
                    stack::total(effect.outputs, oparg),
                )
            }
            None => self.parts().iter().fold(Composed::default(), |acc, part| {
                acc.then(part.uop.popped(oparg), part.uop.pushed(oparg))
            }),
        }
    }

    /// Net stack effect (`dis.stack_effect(op, oparg, jump=jump)`).
    pub fn stack_effect(self, oparg: i32, jump: bool) -> i32 {
        self.stack(oparg, jump).net()
    }

    /// The larger of the two paths' effects (`dis.stack_effect(op, oparg)`).
    pub fn max_stack_effect(self, oparg: i32) -> i32 {
        self.stack_effect(oparg, false)
            .max(self.stack_effect(oparg, true))
    }

    /// CPython's tier-1 instruction format: `I`, then `B` with an oparg or `X` without, then
    /// `C` for the counter and `0` for each further cache unit (`IBC00`).
    pub fn format(self) -> Option<String> {
        if self.is_pseudo() {
            return None;
        }
        let mut format = String::from(if self.has_arg() { "IB" } else { "IX" });
        for unit in 0..self.cache_entries() {
            format.push(if unit == 0 { 'C' } else { '0' });
        }
        Some(format)
    }
}

impl fmt::Display for Opcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl fmt::Debug for Opcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
