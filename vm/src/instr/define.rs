//! The generators that turn the rows of `table.rs` into enums and static metadata.
//!
//! `table.rs` holds the data as two X-macros (`uop_table!`, `instruction_table!`) that pass
//! their rows to a callback; `uop.rs` and `opcode.rs` call them with the generators defined
//! here. Each generator matches every row with one fixed pattern (no token munching), so
//! expansion stays linear in the size of the table. What cannot be expressed by pasting
//! tokens (cache offsets, replica ids, flag unions, the tier-2 view) is computed by const fns
//! over the generated arrays, so it is still fixed at compile time and never kept by hand.
//!
//! Row grammar (see `table.rs` for the full description):
//! - uop: `NAME = id|_ (inputs -- outputs) [cache(f/n, ...)] [FLAGS] [replicate(..)]
//!   [replaced(..)];`
//! - instruction: `NAME = number kind[(RELATED)] [oparg(Kind)] [cache(Layout)]
//!   [super(A, B)] = _UOP[field] + _UOP + ...;`
//! - pseudo: `NAME = number OneOf|Sequence(TARGETS) [oparg(Kind)] (in -- out)
//!   [jump(in -- out)] [FLAGS];`

/// One stack item: `name` (one slot) or `name[formula of oparg]`.
macro_rules! stack_item {
    ($oparg:ident; $name:ident) => {
        $crate::instr::stack::StackItem {
            name: stringify!($name),
            size: $crate::instr::stack::Size::One,
        }
    };
    ($oparg:ident; $name:ident [$($size:tt)+]) => {
        $crate::instr::stack::StackItem {
            name: stringify!($name),
            size: $crate::instr::stack::Size::Formula {
                text: stringify!($($size)+),
                eval: |$oparg: i32| -> i32 {
                    let _ = $oparg;
                    $($size)+
                },
            },
        }
    };
}

/// A uop's CPython id: a number, or `_` for tier-1-only uops that CPython never numbers.
macro_rules! uop_id {
    (_) => {
        None
    };
    ($id:literal) => {
        Some($id)
    };
}

/// Generates `Uop` and its raw metadata from the uop rows.
macro_rules! define_uops {
    (
        $oparg:ident;
        $(
            $(#[doc = $doc:literal])*
            $name:ident = $id:tt
            ( $($in:ident $([$($insz:tt)+])?),* -- $($out:ident $([$($outsz:tt)+])?),* )
            $(cache( $($cname:ident / $csize:literal),+ ))?
            [ $($flag:ident),* ]
            $(replicate( $($rep:ident),+ ))?
            $(replaced( $($repl:ident),+ ))?
            ;
        )*
    ) => {
        /// A micro-operation, named as in CPython 3.14 (`_GUARD_TOS_INT`).
        ///
        /// Discriminants are dense row indices; [`Uop::cpython_id`] gives CPython's number.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u16)]
        pub enum Uop {
            $(
                $(#[doc = $doc])*
                $name,
                $($(
                    #[doc = concat!("`", stringify!($name), "` replicated for one oparg value.")]
                    $rep,
                )+)?
            )*
        }

        /// Number of uops, replicas included.
        pub const UOP_COUNT: usize = [$(stringify!($name), $($(stringify!($rep),)+)?)*].len();

        impl Uop {
            /// Every uop, in table order.
            pub const ALL: [Uop; UOP_COUNT] = [$(Uop::$name, $($(Uop::$rep,)+)?)*];
        }

        /// Rows as written; replicas are placeholders completed by `resolve_replicas`.
        const UOP_ROWS: [UopInfo; UOP_COUNT] = [
            $(
                UopInfo {
                    name: stringify!($name),
                    cpython_id: uop_id!($id),
                    flags: Flags::EMPTY $(.union(Flags::$flag))*,
                    inputs: &[$(stack_item!($oparg; $in $([$($insz)+])?)),*],
                    outputs: &[$(stack_item!($oparg; $out $([$($outsz)+])?)),*],
                    cache: &[$($(UopCacheEntry { name: stringify!($cname), size: $csize }),+)?],
                    replica_of: None,
                    replacements: &[$($(Uop::$repl),+)?],
                },
                $($(UopInfo::replica_placeholder(stringify!($rep), Uop::$name),)+)?
            )*
        ];
    };
}

/// `Some(Opcode::X)` or `None`.
macro_rules! related_opcode {
    () => {
        None
    };
    ($rel:ident) => {
        Some(Opcode::$rel)
    };
}

/// An instruction's declared cache layout.
macro_rules! declared_layout {
    () => {
        None
    };
    ($layout:ident) => {
        Some(&layouts::$layout::LAYOUT)
    };
}

/// An optional oparg kind.
macro_rules! oparg_kind {
    () => {
        None
    };
    ($kind:ident) => {
        Some(OpargKind::$kind)
    };
}

/// One part of an instruction body, with its cache binding resolved to an offset.
macro_rules! part {
    ($op:ident, $uop:ident) => {
        Part {
            uop: Uop::$uop,
            cache_offset: None,
        }
    };
    ($op:ident, $uop:ident $field:ident) => {
        Part {
            uop: Uop::$uop,
            cache_offset: Some(bind_field(Opcode::$op, stringify!($field))),
        }
    };
}

/// The `super(A, B)` halves of a super-instruction.
macro_rules! super_halves {
    () => {
        None
    };
    ($first:ident, $second:ident) => {
        Some((Opcode::$first, Opcode::$second))
    };
}

/// A pseudo-instruction's alternative stack effect when it jumps.
macro_rules! jump_stack {
    () => {
        None
    };
    ($($item:ident),* ; $($out:ident),*) => {
        Some(PseudoStack {
            inputs: &[$(stack_item!(oparg; $item)),*],
            outputs: &[$(stack_item!(oparg; $out)),*],
        })
    };
}

/// Generates `Opcode`, the cache layout types and the raw instruction metadata.
macro_rules! define_instructions {
    (
        $oparg:ident;
        caches {
            $(
                $(#[doc = $cdoc:literal])*
                $layout:ident { $($field:ident / $fsize:literal),+ }
            )*
        }
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
        pseudo {
            $(
                $(#[doc = $pdoc:literal])*
                $pname:ident = $pnum:literal $mode:ident ( $($target:ident),+ )
                $(oparg($parg:ident))?
                ( $($pin:ident),* -- $($pout:ident),* )
                $(jump ( $($jin:ident),* -- $($jout:ident),* ))?
                [ $($pflag:ident),* ]
                ;
            )*
        }
    ) => {
        /// The inline cache layouts, one unit struct per layout; its associated consts are the
        /// fields (`LoadAttrCache::version`).
        pub mod layouts {
            use $crate::instr::cache::{CacheField, CacheLayout, with_offsets};

            $(
                $(#[doc = $cdoc])*
                #[derive(Clone, Copy, Debug)]
                pub struct $layout;

                #[allow(non_upper_case_globals)]
                impl $layout {
                    /// The layout as data.
                    pub const LAYOUT: CacheLayout = CacheLayout {
                        name: stringify!($layout),
                        fields: &with_offsets([$((stringify!($field), $fsize)),+]),
                    };
                    $(
                        #[doc = concat!("The `", stringify!($field), "` field.")]
                        pub const $field: CacheField =
                            Self::LAYOUT.expect_field(stringify!($field));
                    )+
                }
            )*

            /// Every cache layout the table declares.
            pub const CACHE_LAYOUTS: &[&CacheLayout] = &[$(&$layout::LAYOUT),*];
        }

        /// A CPython 3.14 instruction or pseudo-instruction, numbered as in CPython.
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[repr(u16)]
        pub enum Opcode {
            $($(#[doc = $doc])* $name = $num,)*
            $($(#[doc = $pdoc])* $pname = $pnum,)*
        }

        /// Number of instructions and pseudo-instructions.
        pub const OPCODE_COUNT: usize = [$(stringify!($name),)* $(stringify!($pname),)*].len();

        impl Opcode {
            /// Every instruction, in table order (families grouped, pseudo last).
            pub const ALL: [Opcode; OPCODE_COUNT] = [$(Opcode::$name,)* $(Opcode::$pname,)*];
        }

        /// The layout an instruction row declares, without inheritance.
        const fn own_layout(op: Opcode) -> Option<&'static CacheLayout> {
            match op {
                $(Opcode::$name => declared_layout!($($cache)?),)*
                _ => None,
            }
        }

        impl Opcode {
            /// Whether the tier-1 eval loop runs this instruction on its per-instruction
            /// register copy of the context (the row's `[registers]` flag; see
            /// `exec::dispatch`). Its uops must be generic over that copy.
            pub const fn on_registers(self) -> bool {
                match self {
                    $(Opcode::$name => row_flag!($($flag)?),)*
                    _ => false,
                }
            }
        }

        /// The family head or instrumented base a row names, for const lookups.
        const fn related_of(op: Opcode) -> Option<Opcode> {
            match op {
                $(Opcode::$name => related_opcode!($($rel)?),)*
                _ => None,
            }
        }

        /// The rows, in table order.
        const INSTR_ROWS: [InstrInfo; OPCODE_COUNT] = [
            $(
                InstrInfo {
                    name: stringify!($name),
                    opcode: Opcode::$name,
                    kind: InstrKind::$kind,
                    related: related_opcode!($($rel)?),
                    oparg: oparg_kind!($($arg)?),
                    parts: &[
                        part!($name, $p0 $($b0)?),
                        $(part!($name, $p $($b)?),)*
                    ],
                    super_halves: super_halves!($($s1, $s2)?),
                    pseudo: None,
                },
            )*
            $(
                InstrInfo {
                    name: stringify!($pname),
                    opcode: Opcode::$pname,
                    kind: InstrKind::Pseudo,
                    related: None,
                    oparg: oparg_kind!($($parg)?),
                    parts: &[],
                    super_halves: None,
                    pseudo: Some(PseudoInfo {
                        mode: PseudoMode::$mode,
                        targets: &[$(Opcode::$target),+],
                        stack: PseudoStack {
                            inputs: &[$(stack_item!($oparg; $pin)),*],
                            outputs: &[$(stack_item!($oparg; $pout)),*],
                        },
                        jump_stack: jump_stack!($($($jin),* ; $($jout),*)?),
                        flags: Flags::EMPTY $(.union(Flags::$pflag))*,
                    }),
                },
            )*
        ];
    };
}

/// An instruction row's optional flag (`[registers]`); any other word fails to compile.
macro_rules! row_flag {
    () => {
        false
    };
    (registers) => {
        true
    };
}

pub(crate) use {
    declared_layout, define_instructions, define_uops, jump_stack, oparg_kind, part,
    related_opcode, row_flag, stack_item, super_halves, uop_id,
};
