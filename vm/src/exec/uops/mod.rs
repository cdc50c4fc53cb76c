//! Uop bodies, one `#[inline(always)]` function per uop named as in CPython, grouped by
//! topic. Each takes the context and the offset of its cache entries within the
//! instruction's cache (0 when it reads none) and returns a [`Flow`]. The tier-1 dispatch
//! (`dispatch.rs`) composes them per the instruction table; tier 2 runs them one by one.

#![allow(non_snake_case)]

mod attr;
mod build;
mod calls;
mod compare;
mod control;
mod exc;
mod locals;
mod names;
mod specialized;
mod stack;

pub(crate) use attr::*;
pub(crate) use build::*;
pub(crate) use calls::*;
pub(crate) use compare::*;
pub(crate) use control::*;
pub(crate) use exc::*;
pub(crate) use locals::*;
pub(crate) use names::*;
pub(crate) use specialized::*;
pub(crate) use stack::*;

use std::ptr::NonNull;

use crate::object::{Py, Value};
use crate::types::code::Code;
use crate::types::str::Str;

use super::frame::{Frame, Regs, ReturnTo, frame_ref};
use super::{Ctx, Flow};

impl<const L: bool> Ctx<'_, L> {
    /// The running frame.
    #[inline(always)]
    pub fn frame<'f>(&self) -> &'f Frame {
        frame_ref(self.r.frame)
    }

    /// The running code.
    #[inline(always)]
    pub fn code<'f>(&self) -> &'f Py<Code> {
        &frame_ref(self.r.frame).code
    }

    /// `co_names[i]` for an instruction's name operand (`Some` always: the verifier
    /// proved every name oparg, shifted as its opcode's `OpargKind` says, indexes
    /// `co_names`; specialized forms keep their head's oparg). The `Option` keeps callers'
    /// fault paths, which fold away.
    #[inline(always)]
    pub fn name<'f>(&self, i: u32) -> Option<&'f Py<Str>> {
        let names = &self.code().names;
        debug_assert!((i as usize) < names.len(), "name {i} out of range");
        // SAFETY: in range, as the verifier proved (above).
        Some(unsafe { names.get_unchecked(i as usize) })
    }

    /// `co_consts[i]` for `LOAD_CONST`'s oparg, which the verifier proved in range.
    #[inline(always)]
    pub fn konst<'f>(&self, i: u32) -> &'f Value {
        let consts = &self.code().consts;
        debug_assert!((i as usize) < consts.len(), "constant {i} out of range");
        // SAFETY: in range, as the verifier proved (`Operand::Const`).
        unsafe { consts.get_unchecked(i as usize) }
    }

    /// The cache unit at `offset` of the current instruction's cache, as a 16-bit value.
    #[inline(always)]
    pub fn cache_u16(&self, offset: usize) -> u16 {
        self.r.cache_cell(self.ip + 1 + offset).get().cache()
    }

    /// Writes the cache unit at `offset`.
    #[inline(always)]
    pub fn set_cache_u16(&self, offset: usize, v: u16) {
        self.r
            .cache_cell(self.ip + 1 + offset)
            .set(crate::instr::CodeUnit::from_cache(v));
    }

    /// The two cache units at `offset` as a 32-bit value (low unit first, as CPython's
    /// `read_u32`).
    #[inline(always)]
    pub fn cache_u32(&self, offset: usize) -> u32 {
        u32::from(self.cache_u16(offset)) | (u32::from(self.cache_u16(offset + 1)) << 16)
    }

    /// Writes the two cache units at `offset` (see [`Ctx::cache_u32`]).
    #[inline(always)]
    pub fn set_cache_u32(&self, offset: usize, v: u32) {
        self.set_cache_u16(offset, v as u16);
        self.set_cache_u16(offset + 1, (v >> 16) as u16);
    }

    /// Stores the instruction's index in the frame header before a register instruction
    /// calls code that may run Python (a dunder reading `f_lineno` of its caller), as the
    /// memory context's sync does.
    #[inline(always)]
    pub fn save_ip(&self) {
        self.frame().ip.set(self.ip);
    }

    /// Jumps to code unit `target`.
    #[inline(always)]
    pub fn jump_to(&mut self, target: usize) {
        self.next_ip = target;
    }
}

impl Ctx<'_> {
    /// Makes `frame` (just pushed, its caller being the running frame) current: the
    /// caller resumes at `next_ip` when it returns.
    pub fn enter_frame(&mut self, frame: NonNull<Frame>) -> Flow {
        self.r.save(self.ip);
        self.frame().return_ip.set(self.next_ip);
        let f = frame_ref(frame);
        f.previous.set(Some(self.r.frame));
        self.vm.exec.current.set(Some(frame));
        self.r = Regs::load(frame);
        self.next_ip = f.ip.get();
        Flow::Switch
    }

    /// Leaves the running frame for its caller (after a return or a generator's first
    /// suspension), pushing `result` on the caller's stack.
    pub fn return_to_caller(&mut self, result: Value) -> Flow {
        let f = self.frame();
        let caller = f.previous.get();
        let to = f.return_to();
        super::eval::pop_frame(self);
        let Some(caller) = caller else {
            return Flow::Fault;
        };
        self.r = Regs::load(caller);
        let cf = frame_ref(caller);
        self.next_ip = cf.return_ip.get();
        self.ip = cf.ip.get();
        match to {
            // The instance is already the call's result on the caller's stack.
            ReturnTo::Init => self.check_init_result(result),
            ReturnTo::BinaryOp(op) => self.binary_dunder_result(op, result),
            ReturnTo::Compare(op) => compare::compare_dunder_result(self, op, result),
            ReturnTo::Push | ReturnTo::Next(_) => {
                crate::tri!(self.r.push(result));
                Flow::Switch
            }
        }
    }

    /// A dunder run by `BINARY_OP` as a frame returned `result`: it replaces the operands
    /// on the stack, or, NotImplemented from an arithmetic operator, the number protocol
    /// goes on from there (`Vm::binary_op_after_left`).
    fn binary_dunder_result(&mut self, oparg: u8, result: Value) -> Flow {
        let vm = self.vm;
        let result = match crate::runtime::BinOp::from_oparg(u32::from(oparg)) {
            Some((op, _)) if vm.is_not_implemented(&result) => {
                let lhs = crate::tri!(self.r.peek(2));
                let rhs = crate::tri!(self.r.peek(1));
                vm.binary_op_after_left(lhs, rhs, op)
            }
            _ => Ok(result),
        };
        crate::tri!(self.r.drop_n(2));
        match result {
            Ok(v) => {
                crate::tri!(self.r.push(v));
                Flow::Switch
            }
            Err(e) => self.error(e),
        }
    }

    /// An inlined `__init__` returned `result`: anything but None is a TypeError raised
    /// at the caller's `CALL` (CPython's `EXIT_INIT_CHECK`).
    #[inline]
    fn check_init_result(&mut self, result: Value) -> Flow {
        if result.is_none() {
            return Flow::Switch;
        }
        let e = self.vm.new_type_error(format!(
            "__init__() should return None, not '{}'",
            self.vm.type_name(&result)
        ));
        self.error(e)
    }
}

/// Raises `SystemError` for an instruction that cannot run in this interpreter.
#[cold]
pub(crate) fn unsupported(c: &mut Ctx<'_>, what: &str) -> Flow {
    c.error(c.vm.new_system_error(format!("{} cannot be executed: {what}", c.op().name())))
}
