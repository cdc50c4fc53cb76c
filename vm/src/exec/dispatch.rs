//! The tier-1 dispatch, generated from the instruction table: each instruction runs the uop
//! bodies of its table row in order, each reading its cache fields at the offset the row
//! binds. Nothing here is written per instruction by hand.

use crate::instr::Opcode;
use crate::instr::instruction_table;
use crate::instr::opcode::bind_field;

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
        /// Executes instruction `op` (the tier-1 handler: its uops in table order).
        #[inline(always)]
        pub(crate) fn execute(op: Opcode, c: &mut Ctx<'_>) -> Flow {
            match op {
                $(
                    Opcode::$name => {
                        run_part!(c, $name, $p0 $($b0)?);
                        $(run_part!(c, $name, $p $($b)?);)*
                        Flow::Next
                    }
                )*
                _ => Flow::Fault,
            }
        }
    };
}

instruction_table!(define_tier1);
