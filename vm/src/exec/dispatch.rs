//! The tier-1 dispatch, generated from the instruction table: each instruction runs the uop
//! bodies of its table row in order, each reading its cache fields at the offset the row
//! binds. Nothing here is written per instruction by hand.
//!
//! Two contexts run the same uop bodies. [`step`] (the eval loop's body) runs the
//! instructions whose table row has the `[registers]` flag ([`Opcode::on_registers`]) on a
//! fresh per-instruction [`Ctx`] built from the loop's local registers: its address never reaches out-of-line code, so LLVM keeps the
//! instruction pointer, stack pointer and frame base in machine registers. Every other
//! instruction (and a register instruction whose slow path returns `Flow::Escape`) runs on
//! the loop's memory-resident `Ctx`, which out-of-line code (calls, frame switches,
//! unwinding) may read and change; the loop syncs its registers with it around those.

use crate::instr::Opcode;
use crate::instr::instruction_table;
use crate::instr::opcode::{bind_field, cache_size};

use super::frame::Regs;
use super::uops;
use super::{Ctx, Flow};

/// Runs one uop of an instruction body; leaves the body (labelled `$l`) unless the uop
/// says `Next`.
macro_rules! run_part {
    ($l:lifetime, $c:expr, $op:ident, $uop:ident) => {
        match uops::$uop($c, 0) {
            Flow::Next => {}
            other => break $l other,
        }
    };
    ($l:lifetime, $c:expr, $op:ident, $uop:ident $field:ident) => {
        match uops::$uop($c, {
            const OFFSET: usize = bind_field(Opcode::$op, stringify!($field)) as usize;
            OFFSET
        }) {
            Flow::Next => {}
            other => break $l other,
        }
    };
}

/// Generates [`execute`] and [`step`] from the instruction rows.
macro_rules! define_tier1 {
    (
        $oparg:ident;
        caches { $($caches:tt)* }
        instructions {
            $(
                $(#[doc = $doc:literal])*
                $name:ident = $num:literal $kind:ident $(($rel:ident))?
                $(oparg($arg:ident))?
                $(cache($cache:ident))?
                $(super($s1:ident, $s2:ident))?
                $([$flag:ident])?
                = $p0:ident $([$b0:ident])? $(+ $p:ident $([$b:ident])?)*
                ;
            )*
        }
        pseudo { $($pseudo:tt)* }
    ) => {
        /// Executes the instruction whose opcode byte is `byte` at `ip` (`== c.ip`) on the
        /// memory-resident context (the tier-1 handler: its uops in table order). Matching
        /// on the byte itself and stepping `next_ip` past a constant number of cache units
        /// keeps decoding to one jump; the opcode is not stored (`Ctx::op` reads it back).
        #[inline(never)]
        pub(crate) fn execute(byte: u8, ip: usize, c: &mut Ctx<'_>) -> Flow {
            match byte {
                $(
                    $num => {
                        c.next_ip = ip + 1 + {
                            const N: usize = cache_size(Opcode::$name) as usize;
                            N
                        };
                        'body: {
                            run_part!('body, c, $name, $p0 $($b0)?);
                            $(run_part!('body, c, $name, $p $($b)?);)*
                            Flow::Next
                        }
                    }
                )*
                _ => unknown_opcode(c, byte),
            }
        }

        /// The eval loop's body: executes the instruction `byte` at `ip` with `oparg` on
        /// the loop's registers `r`/`next_ip` (see the module comment). Any flow but
        /// `Next`/`Switch` leaves the state in `c` (the loop reloads its registers from it
        /// after handling the flow).
        ///
        /// The VM comes from `c` (read where a register instruction needs it) rather than
        /// a parameter: one live value less across the loop.
        #[inline(always)]
        pub(crate) fn step<'vm>(
            byte: u8,
            ip: usize,
            oparg: u32,
            r: &mut Regs,
            next_ip: &mut usize,
            c: &mut Ctx<'vm>,
        ) -> Flow {
            match byte {
                $(
                    $num => {
                        const NEXT: usize = 1 + cache_size(Opcode::$name) as usize;
                        if const { Opcode::$name.on_registers() } {
                            // No drop glue: dropping would pass the copy's address to
                            // `drop_in_place`. Its `err`/`exit` are only set with a flow
                            // that moves them out below.
                            let mut lc = std::mem::ManuallyDrop::new(Ctx::<
                                '_,
                                { Opcode::$name.on_registers() },
                            > {
                                vm: c.vm,
                                r: *r,
                                ip,
                                next_ip: ip + NEXT,
                                oparg,
                                err: None,
                                exit: None,
                            });
                            let flow = 'body: {
                                run_part!('body, &mut *lc, $name, $p0 $($b0)?);
                                $(run_part!('body, &mut *lc, $name, $p $($b)?);)*
                                Flow::Next
                            };
                            match flow {
                                Flow::Next => {
                                    *r = lc.r;
                                    *next_ip = lc.next_ip;
                                    Flow::Next
                                }
                                Flow::Switch => {
                                    // A call or return changed the frame: the memory
                                    // context follows (`sync_into` only moves `sp`).
                                    *r = lc.r;
                                    c.r = lc.r;
                                    *next_ip = lc.next_ip;
                                    Flow::Next
                                }
                                Flow::Escape => {
                                    // Nothing changed yet: re-run this instruction's own
                                    // body on the memory context. Going through `execute`
                                    // instead cost a second dispatch through one shared
                                    // indirect jump on every escape (each list subscript,
                                    // each non-immediate BINARY_OP): nbody ran ~40% slower
                                    // at equal instruction counts.
                                    sync_into(c, r, ip, oparg, ip + NEXT);
                                    let flow = escaped(c, |c| 'body: {
                                        run_part!('body, c, $name, $p0 $($b0)?);
                                        $(run_part!('body, c, $name, $p $($b)?);)*
                                        Flow::Next
                                    });
                                    reload(flow, r, next_ip, c);
                                    flow
                                }
                                other => {
                                    c.r = lc.r;
                                    c.ip = ip;
                                    c.oparg = oparg;
                                    c.next_ip = lc.next_ip;
                                    c.err = lc.err.take();
                                    c.exit = lc.exit.take();
                                    other
                                }
                            }
                        } else {
                            sync_into(c, r, ip, oparg, ip + NEXT);
                            let flow = 'body: {
                                run_part!('body, c, $name, $p0 $($b0)?);
                                $(run_part!('body, c, $name, $p $($b)?);)*
                                Flow::Next
                            };
                            reload(flow, r, next_ip, c);
                            flow
                        }
                    }
                )*
                _ => {
                    debug_assert!(false, "opcode {byte} has no instruction");
                    // SAFETY: every opcode byte the loop fetches is a table instruction:
                    // the verifier (`exec::verify`, `rows`) accepts only real instructions
                    // when the code object is made, and at run time only the specializer
                    // rewrites opcodes, always to members of the family it replaces (table
                    // rows). Without a reachable default LLVM drops the range test it kept
                    // before the jump table (`xor; test; jne` on every instruction).
                    unsafe { std::hint::unreachable_unchecked() }
                }
            }
        }
    };
}

instruction_table!(define_tier1);

/// Hands the loop's registers to the memory context before an instruction runs on it: the
/// stack pointer (the only register that moves between frame switches) and the decoded
/// instruction. The frame header's `ip` is brought up to date too (one store, as CPython
/// stores `frame->instr_ptr` per instruction): instructions on the memory context may run
/// Python code (a dunder, a property, `sys._getframe(1)`, `warnings.warn`) that reads this
/// frame's `f_lineno`, which would otherwise be the line of the last call or entry.
#[inline(always)]
fn sync_into(c: &mut Ctx<'_>, r: &Regs, ip: usize, oparg: u32, next_ip: usize) {
    r.frame().ip.set(ip);
    c.r.sync_sp(r);
    c.ip = ip;
    c.oparg = oparg;
    c.next_ip = next_ip;
}

/// Takes the loop's registers back from the memory context after an instruction ran on it.
/// Only a `Switch` (or a flow the loop hands to `after_flow`, which reloads everything)
/// changes the frame, so after `Next` the stack pointer is all that moved.
#[inline(always)]
fn reload(flow: Flow, r: &mut Regs, next_ip: &mut usize, c: &Ctx<'_>) {
    if flow == Flow::Next {
        r.sync_sp(&c.r);
    } else {
        *r = c.r;
    }
    *next_ip = c.next_ip;
}

/// Runs an escaped register instruction's body on the memory context, out of line: the
/// slow paths stay out of the loop's body (one direct call, no second dispatch).
#[inline(never)]
fn escaped<'vm>(c: &mut Ctx<'vm>, body: impl FnOnce(&mut Ctx<'vm>) -> Flow) -> Flow {
    body(c)
}

/// `EXTENDED_ARG` at `c.ip`: folds the prefixes into `c.oparg` and executes the instruction
/// they extend (at the index of its own unit, as `ip`). The verifier proved an instruction
/// follows within the code.
#[inline(never)]
pub(crate) fn extended_arg(c: &mut Ctx<'_>) -> Flow {
    let mut ip = c.ip;
    let mut oparg = c.oparg;
    loop {
        ip += 1;
        let unit = c.r.fetch(ip);
        oparg = (oparg << 8) | u32::from(unit.oparg);
        if unit.opcode != Opcode::EXTENDED_ARG as u8 {
            c.ip = ip;
            c.oparg = oparg;
            return execute(unit.opcode, ip, c);
        }
    }
}

/// An opcode byte no instruction has (bytecode rpy did not compile).
#[cold]
fn unknown_opcode(c: &mut Ctx<'_>, byte: u8) -> Flow {
    c.next_ip = c.ip + 1;
    let e = c.vm.new_system_error(format!("unknown opcode {byte}"));
    c.error(e)
}
