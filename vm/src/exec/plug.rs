//! The plug points: the `Specializer` (PEP 659) and `TraceOptimizer` (tier 2) traits the
//! `rpy` binary implements from the `specialize` and `tier2` crates, and the adaptive
//! counter logic of CPython 3.14 that decides when they are consulted.
//!
//! With no plug-ins installed (the default in `vm`), counters are still initialized by
//! quickening but never consulted, and specialized instructions never appear.

use std::rc::Rc;

use crate::instr::{CodeUnit, Opcode};
use crate::object::{Py, Value};
use crate::runtime::Vm;
use crate::types::code::Code;

use super::{Ctx, Flow};

/// What the specializer sees when a family head's counter fires.
pub struct SpecializeCtx<'a> {
    /// The VM.
    pub vm: &'a Vm,
    /// The code object being run.
    pub code: &'a Py<Code>,
    /// Index of the instruction (its cache follows).
    pub ip: usize,
    /// The instruction (a family head).
    pub opcode: Opcode,
    /// Its oparg.
    pub oparg: u32,
    /// The operands on top of the stack, bottom first (as many as the instruction pops).
    pub operands: &'a [Value],
}

impl SpecializeCtx<'_> {
    /// Rewrites the instruction's opcode (keeping its oparg).
    pub fn write_opcode(&self, op: Opcode) {
        // Only instructions (never a pseudo-instruction's truncated number): the eval
        // loop's dispatch relies on every fetched opcode byte being one.
        let Ok(byte) = u8::try_from(op as u16) else {
            return;
        };
        if let Some(cell) = self.code.bytecode.get(self.ip) {
            let old = cell.get();
            cell.set(CodeUnit::new(byte, old.oparg));
        }
    }

    /// Writes cache unit `offset` (0 is the counter).
    pub fn write_cache(&self, offset: usize, value: u16) {
        if let Some(cell) = self.code.bytecode.get(self.ip + 1 + offset) {
            cell.set(CodeUnit::from_cache(value));
        }
    }

    /// Reads cache unit `offset`.
    pub fn read_cache(&self, offset: usize) -> u16 {
        self.code
            .bytecode
            .get(self.ip + 1 + offset)
            .map_or(0, |c| c.get().cache())
    }
}

/// Adaptive specialization (PEP 659): rewrites family heads into specialized forms.
pub trait Specializer {
    /// Called when the counter of the family head at `ctx.ip` fires. Writes a specialized
    /// opcode and its cache (with the counter set to cooldown), or leaves the instruction
    /// alone (the counter then backs off).
    fn specialize(&self, ctx: &SpecializeCtx<'_>);
}

/// Tier 2: builds executors for hot loops.
pub trait TraceOptimizer {
    /// Called when the `JUMP_BACKWARD` at `ip` of `code` is hot. Returns whether an
    /// executor was installed (an `ENTER_EXECUTOR` written over the jump).
    fn on_hot_backedge(&self, vm: &Vm, code: &Py<Code>, ip: usize) -> bool;

    /// Runs executor `index` of `code` (entered from `ENTER_EXECUTOR` at `ip`); returns the
    /// instruction index to continue at in tier 1.
    fn execute(&self, vm: &Vm, code: &Py<Code>, ip: usize, index: u32) -> Option<usize>;
}

/// The installed plug-ins.
#[derive(Default)]
pub struct Plugins {
    /// The specializer, if any.
    pub specializer: Option<Rc<dyn Specializer>>,
    /// The trace optimizer, if any.
    pub tier2: Option<Rc<dyn TraceOptimizer>>,
}

/// CPython 3.14's backoff counter: `value << 4 | backoff`.
pub mod counter {
    /// Whether the counter fires (value 0 and not unreachable).
    pub fn triggers(c: u16) -> bool {
        c < 15
    }

    /// One execution later.
    pub fn advance(c: u16) -> u16 {
        c.wrapping_sub(16)
    }

    /// Restarts after a failed specialization, with exponential backoff.
    pub fn restart(c: u16) -> u16 {
        let backoff = c & 15;
        if backoff < 12 {
            let b = backoff + 1;
            (((1u16 << b) - 1) << 4) | b
        } else {
            (4095 << 4) | 12
        }
    }

    /// The cooldown after a successful specialization: `(52, 0)`.
    pub const COOLDOWN: u16 = 52 << 4;
}

/// The `_SPECIALIZE_*` prologue: with a specializer installed, count down and call it when
/// the counter fires (then re-dispatch the possibly rewritten instruction).
#[inline(always)]
pub(crate) fn maybe_specialize<const L: bool>(c: &mut Ctx<'_, L>, offset: usize) -> Flow {
    let Some(spec) = c.vm.plugins.specializer.as_ref() else {
        return Flow::Next;
    };
    if !c.vm.config.specialize {
        return Flow::Next;
    }
    let ctr = c.cache_u16(offset);
    if !counter::triggers(ctr) {
        c.set_cache_u16(offset, counter::advance(ctr));
        return Flow::Next;
    }
    let Some(c) = c.full() else {
        return Flow::Escape;
    };
    let spec = spec.clone();
    specialize_now(c, &*spec, offset, ctr)
}

#[cold]
fn specialize_now(c: &mut Ctx<'_>, spec: &dyn Specializer, offset: usize, ctr: u16) -> Flow {
    let op = c.op();
    let npop = op
        .parts()
        .first()
        .map_or(0, |p| p.uop.popped(c.oparg as i32).max(0) as usize);
    let code = c.code().clone();
    let operands = c.r.top_slice(npop.min(c.r.depth())).unwrap_or(&[]);
    let ctx = SpecializeCtx {
        vm: c.vm,
        code: &code,
        ip: c.ip,
        opcode: op,
        oparg: c.oparg,
        operands,
    };
    spec.specialize(&ctx);
    let now = c.r.unit(c.ip).map(|u| u.opcode);
    if now == Some(op as u8) {
        c.set_cache_u16(offset, counter::restart(ctr));
        return Flow::Next;
    }
    // Re-dispatch the rewritten instruction.
    c.next_ip = c.ip;
    Flow::Switch
}

/// `JUMP_BACKWARD`'s first execution: becomes `JUMP_BACKWARD_JIT` when tier 2 is on,
/// `JUMP_BACKWARD_NO_JIT` otherwise (only with a specializer installed).
#[inline(always)]
pub(crate) fn specialize_jump_backward<const L: bool>(c: &mut Ctx<'_, L>) -> Flow {
    if c.vm.plugins.specializer.is_none() || !c.vm.config.specialize {
        return Flow::Next;
    }
    let target = if c.vm.plugins.tier2.is_some() && c.vm.config.tier2 {
        Opcode::JUMP_BACKWARD_JIT
    } else {
        Opcode::JUMP_BACKWARD_NO_JIT
    };
    if let Some(cell) = c.r.cell(c.ip) {
        let u = cell.get();
        cell.set(CodeUnit::new(target as u8, u.oparg));
    }
    c.next_ip = c.ip;
    Flow::Switch
}

/// `_JIT`: counts the back edge and asks the trace optimizer when it is hot.
#[inline(always)]
pub(crate) fn on_hot_backedge(c: &mut Ctx<'_>) -> Flow {
    let Some(opt) = c.vm.plugins.tier2.as_ref() else {
        return Flow::Next;
    };
    if !c.vm.config.tier2 {
        return Flow::Next;
    }
    let ctr = c.cache_u16(0);
    if !counter::triggers(ctr) {
        c.set_cache_u16(0, counter::advance(ctr));
        return Flow::Next;
    }
    let opt = opt.clone();
    let code = c.code().clone();
    if !opt.on_hot_backedge(c.vm, &code, c.ip) {
        c.set_cache_u16(0, counter::restart(ctr));
    } else {
        c.set_cache_u16(0, (4095 << 4) | 12);
    }
    Flow::Next
}

/// `ENTER_EXECUTOR`: hands over to tier 2.
pub(crate) fn enter_executor(c: &mut Ctx<'_>) -> Flow {
    let Some(opt) = c.vm.plugins.tier2.clone() else {
        return super::uops::unsupported(c, "no tier-2 optimizer installed");
    };
    let code = c.code().clone();
    c.r.save(c.ip);
    match opt.execute(c.vm, &code, c.ip, c.oparg) {
        Some(next) => {
            c.next_ip = next;
            Flow::Switch
        }
        None => super::uops::unsupported(c, "executor failed"),
    }
}

/// `_QUICKEN_RESUME`: `RESUME` becomes `RESUME_CHECK` once specializing.
#[inline(always)]
pub(crate) fn quicken_resume<const L: bool>(c: &mut Ctx<'_, L>) {
    if c.vm.plugins.specializer.is_some()
        && c.vm.config.specialize
        && let Some(cell) = c.r.cell(c.ip)
    {
        let u = cell.get();
        cell.set(CodeUnit::new(Opcode::RESUME_CHECK as u8, u.oparg));
    }
}
