//! The tier-1 dispatch, generated from the instruction table: each instruction runs the uop
//! bodies of its table row in order, each reading its cache fields at the offset the row
//! binds. Nothing here is written per instruction by hand.

use crate::instr::Opcode;
use crate::instr::instruction_table;
use crate::instr::opcode::{bind_field, cache_size};

use super::uops;
use super::{Ctx, Flow};

/// Runs one uop of an instruction body; leaves the instruction unless the uop says `Next`.
macro_rules! run_part {
    ($c:ident, $op:ident, $uop:ident) => {
        match uops::$uop($c, 0) {
            Flow::Next => {}
            other => return other,
        }
    };
    ($c:ident, $op:ident, $uop:ident $field:ident) => {
        match uops::$uop($c, {
            const OFFSET: usize = bind_field(Opcode::$op, stringify!($field)) as usize;
            OFFSET
        }) {
            Flow::Next => {}
            other => return other,
        }
    };
}

/// Generates [`execute`] from the instruction rows.
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
                = $p0:ident $([$b0:ident])? $(+ $p:ident $([$b:ident])?)*
                ;
            )*
        }
        pseudo { $($pseudo:tt)* }
    ) => {
        /// Executes the instruction whose opcode byte is `byte` at `ip` (`== c.ip`; the
        /// tier-1 handler: its uops in table order). Matching on the byte itself and
        /// stepping `next_ip` past a constant number of cache units keeps decoding to one
        /// jump; the opcode is not stored (`Ctx::op` reads it back when needed).
        #[inline(always)]
        pub(crate) fn execute(byte: u8, ip: usize, c: &mut Ctx<'_>) -> Flow {
            match byte {
                $(
                    $num => {
                        c.next_ip = ip + 1 + {
                            const N: usize = cache_size(Opcode::$name) as usize;
                            N
                        };
                        run_part!(c, $name, $p0 $($b0)?);
                        $(run_part!(c, $name, $p $($b)?);)*
                        Flow::Next
                    }
                )*
                _ => unknown_opcode(c, byte),
            }
        }
    };
}

instruction_table!(define_tier1);

/// An opcode byte no instruction has (bytecode rpy did not compile).
#[cold]
fn unknown_opcode(c: &mut Ctx<'_>, byte: u8) -> Flow {
    c.next_ip = c.ip + 1;
    let e = c.vm.new_system_error(format!("unknown opcode {byte}"));
    c.error(e)
}
