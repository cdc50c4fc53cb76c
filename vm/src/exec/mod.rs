//! The tier-1 interpreter: frames, the eval loop, the uop bodies it dispatches (shared with
//! the tier-2 uop interpreter), exception unwinding and tracebacks, generators, and the
//! plug points for the specializer and the trace optimizer.
//!
//! Every instruction's handler is generated from the instruction table (`dispatch.rs`) as
//! the sequence of its uop bodies; each uop body is one function in `uops/<topic>.rs`.

pub mod call;
pub mod caret;
pub mod dispatch;
pub mod eval;
pub mod except_star;
pub mod frame;
pub mod genframe;
pub mod import;
pub mod import_spec;
pub mod intrinsics;
pub mod linetable;
pub mod plug;
pub mod suggest;
pub mod traceback;
pub mod uops;
pub mod verify;

use std::cell::Cell;
use std::ptr::NonNull;

use crate::object::{PyCell, Value};
use crate::runtime::{PyErr, Vm};

use self::frame::{DataStack, Frame, Regs, StackFault};

/// The eval loop's VM-wide state.
/// How deep native re-entries may nest before RecursionError ("Stack overflow"), standing
/// in for CPython 3.14's C-stack limit (whose 8 MB hold roughly this many levels of, e.g.,
/// `repr` of nested lists).
pub const NATIVE_DEPTH_LIMIT: u32 = 20_000;

#[derive(Default)]
pub struct ExecState {
    /// The data stack frames are carved from.
    pub stack: DataStack,
    /// The innermost executing frame (null when no Python code runs).
    pub current: Cell<Option<NonNull<Frame>>>,
    /// Python frames, checked against the recursion limit (as CPython 3.12+ counts).
    pub depth: Cell<u32>,
    /// Native re-entries (a native function calling back into Python, or recursing on
    /// nested data), checked against [`NATIVE_DEPTH_LIMIT`]: CPython bounds these by its
    /// C stack instead.
    pub native_depth: Cell<u32>,
    /// The exception being handled (`sys.exception()`), per generator chain: the top entry is
    /// the innermost; `None` entries mean "not handling one here".
    pub handled: PyCell<Vec<Value>>,
    /// The consumer driving a Rust-resumed generator frame (`types::generator::drive`):
    /// its `YIELD_VALUE` offers values to it without leaving the loop.
    pub gen_sink: Cell<Option<genframe::Sink>>,
    /// Objects whose repr is being computed (recursive containers print as `[...]`).
    pub repr_stack: PyCell<Vec<i64>>,
}

/// What a uop tells the loop. `Copy` and one byte: the exception or exit value a uop
/// produces travels in [`Ctx`] (`err`, `exit`), so the per-uop result carries no drop glue
/// and checking it costs one compare.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Flow {
    /// Continue with the instruction's next uop (or the next instruction).
    Next,
    /// The frame changed (call, return, yield): dispatch at the new frame's `next_ip`.
    Switch,
    /// An exception (in `Ctx::err`) was raised: unwind, adding a traceback entry.
    Error,
    /// Re-raise `Ctx::err` without a new traceback entry (`raise`, `RERAISE`).
    Reraise,
    /// A guard failed: re-execute the instruction as its family head.
    Deopt,
    /// Leave the Rust-level eval loop (the entry frame returned or yielded `Ctx::exit`).
    Exit,
    /// The bytecode broke the stack discipline (a compiler bug): raise SystemError.
    Fault,
    /// Only from a uop running on the eval loop's register copy (`Ctx::local`), before it
    /// changed anything: its slow path needs the memory-resident context, so the loop
    /// re-runs the whole instruction there.
    Escape,
}

/// How the eval loop was left.
pub enum Exit {
    /// The entry frame returned this value.
    Return(Value),
    /// The entry frame (a generator's) yielded this value.
    Yield(Value),
}

impl From<StackFault> for Flow {
    #[cold]
    fn from(_: StackFault) -> Flow {
        Flow::Fault
    }
}

/// The context uop bodies run in: the VM, the running frame's registers, and the current
/// instruction's position and oparg.
///
/// `LOCAL` marks the eval loop's per-instruction register copy (`dispatch::step`), which
/// LLVM keeps in machine registers only while its address never reaches out-of-line code:
/// the uops of register instructions are generic over it and reach out-of-line code only
/// through [`Ctx::full`], which on a copy says "no" (the uop then returns `Flow::Escape`
/// before changing anything, and the loop re-runs the instruction on the memory context).
/// `repr(C)`: both forms have one layout, which `full` relies on.
#[repr(C)]
pub struct Ctx<'vm, const LOCAL: bool = false> {
    /// The VM.
    pub vm: &'vm Vm,
    /// The running frame.
    pub r: Regs,
    /// Index of the current instruction.
    pub ip: usize,
    /// Index of the next instruction (jumps change it).
    pub next_ip: usize,
    /// The oparg, extended args applied.
    pub oparg: u32,
    /// The exception of a `Flow::Error` / `Flow::Reraise`.
    pub err: Option<PyErr>,
    /// The value of a `Flow::Exit`.
    pub exit: Option<Exit>,
}

impl<'vm, const LOCAL: bool> Ctx<'vm, LOCAL> {
    /// The opcode being executed, read back from the code (the loop does not store it per
    /// instruction; specialized ones deopt to their family head).
    pub fn op(&self) -> crate::instr::Opcode {
        self.r
            .unit(self.ip)
            .and_then(|u| crate::instr::Opcode::from_u8(u.opcode))
            .unwrap_or(crate::instr::Opcode::NOP)
    }

    /// The memory-resident context this is, or `None` on the loop's register copy (whose
    /// slow paths return `Flow::Escape` instead of handing it to out-of-line code).
    #[inline(always)]
    pub fn full(&mut self) -> Option<&mut Ctx<'vm>> {
        if LOCAL {
            return None;
        }
        // SAFETY: `LOCAL` is false, so `Self` is `Ctx<'vm, false>` itself (and both forms
        // have one `repr(C)` layout anyway).
        Some(unsafe { &mut *(self as *mut Self as *mut Ctx<'vm>) })
    }

    /// Raises `e` (with a traceback entry for this frame). On a register copy the store
    /// stays inline (an out-of-line call would take the copy's address).
    #[inline(always)]
    pub fn error(&mut self, e: PyErr) -> Flow {
        match self.full() {
            Some(c) => c.error_cold(e),
            None => {
                self.err = Some(e);
                Flow::Error
            }
        }
    }
}

impl Ctx<'_> {
    #[cold]
    #[inline(never)]
    fn error_cold(&mut self, e: PyErr) -> Flow {
        self.err = Some(e);
        Flow::Error
    }

    /// Re-raises `e` without a new traceback entry.
    #[cold]
    #[inline(never)]
    pub fn reraise(&mut self, e: PyErr) -> Flow {
        self.err = Some(e);
        Flow::Reraise
    }

    /// Leaves the eval loop with `x`.
    #[inline(never)]
    pub fn exit(&mut self, x: Exit) -> Flow {
        self.exit = Some(x);
        Flow::Exit
    }
}

/// `?` for stack operations inside uop bodies.
#[macro_export]
macro_rules! tri {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(e) => return $crate::exec::Flow::from(e),
        }
    };
}
