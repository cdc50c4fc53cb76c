//! The control-flow graph of one code unit and CPython 3.14's passes over it
//! (`Python/flowgraph.c`): basic blocks built from codegen's instruction sequence, the
//! optimizations of `_PyCfg_OptimizeCodeUnit`, and the lowering of
//! `_PyCfg_OptimizedCfgToInstructionSequence` that hands the assembler a flat sequence.
//!
//! The pass order is declared once, in [`optimize_code_unit`] and [`lower`]. Each pass is a
//! file that opens with its contract. Passes reproduce CPython's algorithms decision for
//! decision (including the order blocks are visited in), because the goal is byte-identical
//! bytecode: a "better" choice anywhere is a parity bug.
//!
//! Blocks live in one `Vec` and are linked in layout order through `next` (CPython's
//! `b_next`); passes that restructure the graph relink them. Block ids are indexes into the
//! `Vec` and stay valid for the graph's lifetime.

mod build;
mod cold;
mod except;
mod fold;
mod inline;
mod linearize;
mod lines;
mod load_const;
mod load_fast;
mod localsplus;
mod nops;
pub(crate) mod opcodes;
mod peephole;
mod pseudo;
mod stackdepth;
mod superinstr;
mod swaps;
mod uninit;
mod unreachable;
mod unused_consts;

use std::collections::HashMap;
use std::num::NonZeroU32;
use std::ops::{Index, IndexMut};

use crate::compile::Const;
use crate::compile::instr_seq::{InstrSeq, Location};
use crate::compile::unit::UnitMetadata;
use crate::instr::Opcode;
use crate::parse::{ErrorKind, SyntaxError};

pub(crate) use linearize::{HandlerInfo, LinearInstr};

/// A block's index in [`Cfg::blocks`], never 0 (that slot holds a placeholder), so that
/// `Option<BlockId>` (in every instruction, twice) stays four bytes and indexing needs no
/// adjustment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct BlockId(NonZeroU32);

impl BlockId {
    /// The id of the block at `index` (at least 1).
    fn new(index: usize) -> BlockId {
        BlockId(NonZeroU32::new(index as u32).unwrap_or(NonZeroU32::MIN))
    }

    fn index(self) -> usize {
        self.0.get() as usize
    }
}

/// One instruction in a block (CPython's `cfg_instr`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct CfgInstr {
    /// The opcode (pseudo-instructions included until they are lowered).
    pub opcode: Opcode,
    /// The argument; for jumps, meaningless once `target` is set.
    pub oparg: u32,
    /// Source location.
    pub loc: Location,
    /// The jump or handler target, for instructions that have one.
    pub target: Option<BlockId>,
    /// The handler an exception raised here goes to (set by `label_exception_targets`).
    pub except: Option<BlockId>,
}

impl CfgInstr {
    pub(crate) fn new(opcode: Opcode, oparg: u32, loc: Location) -> CfgInstr {
        CfgInstr {
            opcode,
            oparg,
            loc,
            target: None,
            except: None,
        }
    }

    /// CPython's `INSTR_SET_OP0`: a new opcode without argument.
    pub(crate) fn set_op0(&mut self, opcode: Opcode) {
        self.opcode = opcode;
        self.oparg = 0;
    }

    /// CPython's `INSTR_SET_OP1`.
    pub(crate) fn set_op1(&mut self, opcode: Opcode, oparg: u32) {
        self.opcode = opcode;
        self.oparg = oparg;
    }
}

/// A basic block (CPython's `basicblock`).
#[derive(Debug)]
pub(crate) struct Block {
    pub instrs: Vec<CfgInstr>,
    /// The handler fields left in CPython's instruction array past the end of the block,
    /// from instructions removed by truncation, as a stack whose top is the slot at
    /// `instrs.len()`. CPython's
    /// `basicblock_addop` does not set `i_except`, so an instruction appended into such a
    /// slot inherits the stale handler, which shows in the exception table; fresh slots are
    /// zeroed. See [`Block::addop`].
    ghost_except: Vec<Option<BlockId>>,
    /// The block reached by falling through the end of this one.
    pub next: Option<BlockId>,
    /// Set when the block is a jump target in codegen's sequence, or was made one by a pass.
    pub label: Option<u32>,
    pub predecessors: i32,
    pub startdepth: i32,
    pub unsafe_locals_mask: u64,
    /// The block is an exception handler that gets `lasti` pushed.
    pub preserve_lasti: bool,
    pub visited: bool,
    pub except_handler: bool,
    pub cold: bool,
    pub warm: bool,
}

impl Block {
    pub(crate) fn new() -> Block {
        Block {
            instrs: Vec::new(),
            ghost_except: Vec::new(),
            next: None,
            label: None,
            predecessors: 0,
            startdepth: 0,
            unsafe_locals_mask: 0,
            preserve_lasti: false,
            visited: false,
            except_handler: false,
            cold: false,
            warm: false,
        }
    }

    /// A new block with room for `n` instructions.
    pub(crate) fn with_capacity(n: usize) -> Block {
        let mut block = Block::new();
        block.instrs.reserve_exact(n);
        block
    }

    pub(crate) fn last(&self) -> Option<&CfgInstr> {
        self.instrs.last()
    }

    /// `basicblock_addop`: appends `instr`, whose handler is whatever the slot held.
    pub(crate) fn addop(&mut self, mut instr: CfgInstr) {
        instr.except = self.take_ghost();
        self.instrs.push(instr);
    }

    /// `basicblock_append_instructions`: whole instructions overwrite the slots.
    pub(crate) fn append_copies(&mut self, instrs: &[CfgInstr]) {
        for &instr in instrs {
            self.take_ghost();
            self.instrs.push(instr);
        }
    }

    /// `basicblock_insert_instruction`: the block grows by one slot.
    pub(crate) fn insert(&mut self, pos: usize, instr: CfgInstr) {
        self.take_ghost();
        self.instrs.insert(pos, instr);
    }

    /// Shrinks the block to `len` instructions, remembering the handlers left behind.
    pub(crate) fn truncate(&mut self, len: usize) {
        // The stale slots are kept as a stack whose top is the slot at `instrs.len()`.
        for instr in self.instrs[len.min(self.instrs.len())..].iter().rev() {
            self.ghost_except.push(instr.except);
        }
        self.instrs.truncate(len);
    }

    fn take_ghost(&mut self) -> Option<BlockId> {
        self.ghost_except.pop().flatten()
    }

    /// CPython's `BB_HAS_FALLTHROUGH`: control can run off the end into `next`.
    pub(crate) fn has_fallthrough(&self) -> bool {
        !self
            .last()
            .is_some_and(|last| opcodes::is_no_fallthrough(last.opcode))
    }

    /// The block ends by leaving the code object (return or raise).
    pub(crate) fn exits_scope(&self) -> bool {
        self.last()
            .is_some_and(|last| opcodes::is_scope_exit(last.opcode))
    }

    /// No instruction carries a line number.
    pub(crate) fn has_no_lineno(&self) -> bool {
        self.instrs.iter().all(|i| i.loc.lineno < 0)
    }
}

/// The graph of one code unit.
#[derive(Debug)]
pub(crate) struct Cfg {
    /// The blocks by id; `blocks[0]` is an unused placeholder (see [`BlockId`]).
    pub blocks: Vec<Block>,
    pub entry: BlockId,
}

impl Index<BlockId> for Cfg {
    type Output = Block;
    fn index(&self, id: BlockId) -> &Block {
        &self.blocks[id.index()]
    }
}

impl IndexMut<BlockId> for Cfg {
    fn index_mut(&mut self, id: BlockId) -> &mut Block {
        &mut self.blocks[id.index()]
    }
}

impl Cfg {
    /// How many blocks the graph has made (linked or not).
    pub(crate) fn block_count(&self) -> usize {
        self.blocks.len() - 1
    }

    /// A new, unlinked block.
    pub(crate) fn new_block(&mut self) -> BlockId {
        self.blocks.push(Block::new());
        BlockId::new(self.blocks.len() - 1)
    }

    /// Runs `f` on block `b`'s instructions, taken out of the graph meanwhile so that `f`
    /// may update other blocks (and `b`'s other fields) without re-indexing the block for
    /// every instruction. `f` must not look at `b`'s instructions through the graph.
    pub(crate) fn with_instrs<R>(
        &mut self,
        b: BlockId,
        f: impl FnOnce(&mut Cfg, &mut [CfgInstr]) -> R,
    ) -> R {
        let mut instrs = std::mem::take(&mut self[b].instrs);
        let result = f(self, &mut instrs);
        self[b].instrs = instrs;
        result
    }

    /// Whether any instruction sets up an exception handler.
    pub(crate) fn has_handlers(&self) -> bool {
        let mut walk = self.walk();
        while let Some(b) = walk.next(self) {
            if self[b]
                .instrs
                .iter()
                .any(|i| opcodes::is_block_push(i.opcode))
            {
                return true;
            }
        }
        false
    }

    /// A walk over the layout without allocating (see [`Walk`]).
    pub(crate) fn walk(&self) -> Walk {
        Walk(Some(self.entry))
    }

    /// The blocks in layout order, as they are now.
    pub(crate) fn order(&self) -> Vec<BlockId> {
        let mut out = Vec::with_capacity(self.blocks.len());
        let mut cur = Some(self.entry);
        while let Some(b) = cur {
            out.push(b);
            cur = self[b].next;
        }
        out
    }

    /// The first non-empty block from `b` on in layout order.
    pub(crate) fn next_nonempty(&self, mut b: Option<BlockId>) -> Option<BlockId> {
        while let Some(id) = b {
            if !self[id].instrs.is_empty() {
                return Some(id);
            }
            b = self[id].next;
        }
        None
    }

    /// CPython's `make_cfg_traversal_stack`: clears `visited` on every block in layout order
    /// and returns an empty work stack with room for all of them.
    pub(crate) fn traversal_stack(&mut self) -> Vec<BlockId> {
        let mut n = 0;
        let mut cur = Some(self.entry);
        while let Some(b) = cur {
            self[b].visited = false;
            n += 1;
            cur = self[b].next;
        }
        Vec::with_capacity(n)
    }

    /// The largest label in use (`get_max_label`), -1 if none.
    pub(crate) fn max_label(&self) -> i64 {
        let mut max = -1i64;
        let mut cur = Some(self.entry);
        while let Some(b) = cur {
            if let Some(label) = self[b].label {
                max = max.max(i64::from(label));
            }
            cur = self[b].next;
        }
        max
    }
}

/// Walks the blocks in layout order. Each block's `next` is read when the block is handed
/// out, so the caller may change that block (but not relink the blocks after it).
pub(crate) struct Walk(Option<BlockId>);

impl Walk {
    pub(crate) fn next(&mut self, cfg: &Cfg) -> Option<BlockId> {
        let b = self.0?;
        self.0 = cfg[b].next;
        Some(b)
    }
}

/// The constants of the unit being compiled, as a list that folding appends to.
#[derive(Debug, Default)]
pub(crate) struct Consts {
    pub list: Vec<Const>,
    /// `list` position of each constant, covering a prefix of `list` (see `find`).
    // A fixed hasher: with std's per-process random seed, instruction counts of the same
    // compile differed between runs (the `make bench` gate needs them identical).
    index: Option<HashMap<Const, usize, crate::compile::hash::FxBuild>>,
}

impl Consts {
    pub(crate) fn new(list: Vec<Const>) -> Consts {
        Consts { list, index: None }
    }

    /// Forgets the hash index after the list was edited in place.
    pub(crate) fn reset_index(&mut self) {
        self.index = None;
    }

    /// CPython's `add_const`: the index of an equal constant (equality by
    /// `_PyCode_ConstantKey`, which is what the compiler's constant cache merges on),
    /// appending it if it is new.
    ///
    /// A NaN computed by folding is a new float object, and CPython's constant keys compare
    /// floats by identity before value, so such a constant never merges with another.
    pub(crate) fn add(&mut self, value: Const) -> Result<u32, SyntaxError> {
        if !contains_nan(&value)
            && let Some(i) = self.find(&value)
        {
            return Ok(i as u32);
        }
        if self.list.len() >= (i32::MAX - 1) as usize {
            return Err(internal_error(ErrorKind::MemoryError, "too many constants"));
        }
        self.list.push(value);
        Ok(self.list.len() as u32 - 1)
    }

    /// The index of an equal constant. Units with many constants get a hash index, built on
    /// first use and kept up to date by `add` (the list only grows until folding is over).
    fn find(&mut self, value: &Const) -> Option<usize> {
        if self.list.len() < 32 {
            return self.list.iter().position(|c| c == value);
        }
        let index = self.index.get_or_insert_with(HashMap::default);
        for (i, c) in self.list.iter().enumerate().skip(index.len()) {
            index.entry(c.clone()).or_insert(i);
        }
        index.get(value).copied()
    }

    pub(crate) fn get(&self, index: u32) -> Result<&Const, SyntaxError> {
        self.list.get(index as usize).ok_or_else(|| {
            internal_error(
                ErrorKind::SystemError,
                "Internal error: failed to get value of a constant",
            )
        })
    }
}

fn contains_nan(c: &Const) -> bool {
    match c {
        Const::Float(f) => f.is_nan(),
        Const::Complex { real, imag } => real.is_nan() || imag.is_nan(),
        Const::Tuple(items) | Const::FrozenSet(items) => items.iter().any(contains_nan),
        Const::Slice(parts) => parts.iter().any(contains_nan),
        _ => false,
    }
}

/// An error that is not about the user's source: CPython raises it as a plain exception of
/// `kind` (SystemError, ValueError) without a location.
pub(crate) fn internal_error(kind: ErrorKind, msg: &str) -> SyntaxError {
    SyntaxError::new(kind, msg)
}

/// Builds the graph from codegen's sequence (`_PyCfg_FromInstructionSequence`).
pub(crate) fn from_sequence(seq: &InstrSeq) -> Result<Cfg, SyntaxError> {
    build::from_sequence(seq)
}

/// `_PyCfg_OptimizeCodeUnit`: everything between codegen and the layout-dependent lowering.
pub(crate) fn optimize_code_unit(
    cfg: &mut Cfg,
    consts: &mut Consts,
    nlocals: usize,
    nparams: usize,
) -> Result<(), SyntaxError> {
    // Preprocessing: jump targets were resolved when the graph was built.
    // Without any SETUP_* there is no handler to find, no POP_BLOCK to remove and no cold
    // block to move: those passes would change nothing.
    let has_handlers = cfg.has_handlers();
    if has_handlers {
        except::mark_except_handlers(cfg);
        except::label_exception_targets(cfg)?;
    }

    // Optimization (CPython's `optimize_cfg`).
    build::check_cfg(cfg)?;
    inline::inline_small_or_no_lineno_blocks(cfg)?;
    unreachable::remove_unreachable(cfg);
    lines::resolve_line_numbers(cfg);
    load_const::optimize_load_const(cfg, consts)?;
    let mut cur = Some(cfg.entry);
    while let Some(b) = cur {
        peephole::optimize_basic_block(cfg, b, consts)?;
        cur = cfg[b].next;
    }
    nops::remove_redundant_nops_and_pairs(cfg);
    unreachable::remove_unreachable(cfg);
    nops::remove_redundant_nops_and_jumps(cfg)?;

    unused_consts::remove_unused_consts(cfg, consts);
    uninit::add_checks_for_loads_of_uninitialized_variables(cfg, nlocals, nparams);
    superinstr::insert_superinstructions(cfg);
    if has_handlers {
        cold::push_cold_blocks_to_end(cfg)?;
    }
    lines::resolve_line_numbers(cfg);
    Ok(())
}

/// What `_PyCfg_OptimizedCfgToInstructionSequence` produces besides the instructions.
pub(crate) struct Lowered {
    pub instrs: Vec<LinearInstr>,
    pub stackdepth: u32,
    pub nlocalsplus: usize,
}

/// `_PyCfg_OptimizedCfgToInstructionSequence`: pseudo-instructions to real ones, stack depth,
/// the localsplus prefix, jump directions and borrowed loads, then the flat sequence.
pub(crate) fn lower(
    mut cfg: Cfg,
    meta: &UnitMetadata,
    code_flags: u32,
) -> Result<Lowered, SyntaxError> {
    pseudo::convert_pseudo_conditional_jumps(&mut cfg);
    let stackdepth = stackdepth::calculate_stackdepth(&mut cfg)?;
    let nlocalsplus = localsplus::prepare_localsplus(&mut cfg, meta, code_flags)?;
    pseudo::convert_pseudo_ops(&mut cfg)?;
    pseudo::normalize_jumps(&mut cfg);
    load_fast::optimize_load_fast(&mut cfg);
    let instrs = linearize::to_instructions(&cfg)?;
    Ok(Lowered {
        instrs,
        stackdepth,
        nlocalsplus,
    })
}

/// `_PyCompile_OptimizeCfg` (what `_testinternalcapi.optimize_cfg` runs): the optimization
/// passes with no parameters, then the stack depth and borrowed loads, as a flat sequence.
/// Used by the differential tests to check the passes before assembly.
pub fn optimize_for_test(
    seq: &InstrSeq,
    consts: &mut Vec<Const>,
    nlocals: usize,
) -> Result<Vec<(Opcode, u32, Location)>, SyntaxError> {
    let mut cfg = from_sequence(seq)?;
    let mut pool = Consts::new(std::mem::take(consts));
    let result = optimize_code_unit(&mut cfg, &mut pool, nlocals, 0);
    *consts = pool.list;
    result?;
    stackdepth::calculate_stackdepth(&mut cfg)?;
    load_fast::optimize_load_fast(&mut cfg);
    let instrs = linearize::to_instructions(&cfg)?;
    Ok(instrs.iter().map(|i| (i.opcode, i.oparg, i.loc)).collect())
}
