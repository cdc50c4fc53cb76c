//! Code objects as the compiler produces them: CPython 3.14's `PyCodeObject` fields, with
//! constants as plain data ([`Const`]) so the compiler does not depend on the object model.
//! The interpreter turns a `CodeObject` into its runtime form (objects for the constants, a
//! mutable copy of `co_code` for the specializer) when it loads it.

use std::hash::{Hash, Hasher};
use std::rc::Rc;

use num_bigint::BigInt;

use crate::instr::CodeUnit;
use crate::text::wtf8::Wtf8Buf;

/// A value in `co_consts`.
///
/// Equality and hashing follow CPython's `_PyCode_ConstantKey`, which the compiler uses to
/// merge duplicate constants: values of different types never merge (`1`, `1.0` and `True`
/// are three constants), floats and complex numbers compare by bit pattern (so `0.0` and
/// `-0.0` stay apart and a NaN merges with an identical NaN), and containers compare
/// element-wise under the same rules.
#[derive(Clone, Debug)]
pub enum Const {
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// `...`.
    Ellipsis,
    /// An int that fits in `i64`.
    Int(i64),
    /// A larger int (never one that fits in `i64`: constructors normalize).
    BigInt(Rc<BigInt>),
    /// A float.
    Float(f64),
    /// A complex number.
    Complex { real: f64, imag: f64 },
    /// A str (may hold lone surrogates).
    Str(Rc<Wtf8Buf>),
    /// A bytes.
    Bytes(Rc<[u8]>),
    /// A tuple of constants.
    Tuple(Rc<[Const]>),
    /// A frozenset of constants, in the order CPython's set iteration would give.
    FrozenSet(Rc<[Const]>),
    /// A slice of constants (3.14 folds constant slices: `x[1:2]`).
    Slice(Rc<[Const; 3]>),
    /// A nested code object (function, class body, lambda, comprehension, annotation scope).
    Code(Rc<CodeObject>),
}

impl Const {
    /// An int constant, normalized to the `i64` form when it fits.
    pub fn int(value: BigInt) -> Const {
        match i64::try_from(&value) {
            Ok(small) => Const::Int(small),
            Err(_) => Const::BigInt(Rc::new(value)),
        }
    }

    /// A str constant from UTF-8 text.
    pub fn str(s: &str) -> Const {
        let mut buf = Wtf8Buf::with_capacity(s.len());
        buf.push_str(s);
        Const::Str(Rc::new(buf))
    }

    fn tag(&self) -> u8 {
        match self {
            Const::None => 0,
            Const::Bool(_) => 1,
            Const::Ellipsis => 2,
            Const::Int(_) | Const::BigInt(_) => 3,
            Const::Float(_) => 4,
            Const::Complex { .. } => 5,
            Const::Str(_) => 6,
            Const::Bytes(_) => 7,
            Const::Tuple(_) => 8,
            Const::FrozenSet(_) => 9,
            Const::Slice(_) => 10,
            Const::Code(_) => 11,
        }
    }
}

impl PartialEq for Const {
    fn eq(&self, other: &Const) -> bool {
        match (self, other) {
            (Const::None, Const::None) | (Const::Ellipsis, Const::Ellipsis) => true,
            (Const::Bool(a), Const::Bool(b)) => a == b,
            (Const::Int(a), Const::Int(b)) => a == b,
            (Const::BigInt(a), Const::BigInt(b)) => a == b,
            (Const::Float(a), Const::Float(b)) => a.to_bits() == b.to_bits(),
            (Const::Complex { real: a, imag: b }, Const::Complex { real: c, imag: d }) => {
                a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits()
            }
            (Const::Str(a), Const::Str(b)) => a == b,
            (Const::Bytes(a), Const::Bytes(b)) => a == b,
            (Const::Tuple(a), Const::Tuple(b)) => a == b,
            (Const::FrozenSet(a), Const::FrozenSet(b)) => {
                // Set equality: same size and every element of one is in the other.
                a.len() == b.len() && a.iter().all(|x| b.contains(x))
            }
            (Const::Slice(a), Const::Slice(b)) => a == b,
            // CPython's constant key for a code object is its identity, so code objects
            // never merge by content here: the codegen's code cache hands out the same
            // object for a node compiled twice where CPython's constant cache merges them.
            (Const::Code(a), Const::Code(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl Eq for Const {}

impl Hash for Const {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.tag().hash(state);
        match self {
            Const::None | Const::Ellipsis => {}
            Const::Bool(b) => b.hash(state),
            Const::Int(i) => i.hash(state),
            Const::BigInt(b) => b.hash(state),
            Const::Float(f) => f.to_bits().hash(state),
            Const::Complex { real, imag } => {
                real.to_bits().hash(state);
                imag.to_bits().hash(state);
            }
            Const::Str(s) => s.hash(state),
            Const::Bytes(b) => b.hash(state),
            Const::Tuple(items) => items.hash(state),
            // Order-independent, to agree with the set equality above.
            Const::FrozenSet(items) => items.len().hash(state),
            Const::Slice(parts) => parts.hash(state),
            Const::Code(code) => (Rc::as_ptr(code) as usize).hash(state),
        }
    }
}

/// `co_flags` bits (CPython 3.14 `Include/cpython/code.h`).
pub mod co_flags {
    /// Uses fast locals.
    pub const OPTIMIZED: u32 = 0x0001;
    /// A new `f_locals` dict is created for each call.
    pub const NEWLOCALS: u32 = 0x0002;
    /// Has a `*args` parameter.
    pub const VARARGS: u32 = 0x0004;
    /// Has a `**kwargs` parameter.
    pub const VARKEYWORDS: u32 = 0x0008;
    /// A nested function.
    pub const NESTED: u32 = 0x0010;
    /// A generator function.
    pub const GENERATOR: u32 = 0x0020;
    /// A coroutine (`async def`).
    pub const COROUTINE: u32 = 0x0080;
    /// A generator-based coroutine (`types.coroutine`).
    pub const ITERABLE_COROUTINE: u32 = 0x0100;
    /// An async generator.
    pub const ASYNC_GENERATOR: u32 = 0x0200;
    /// The first constant is the docstring (3.14).
    pub const HAS_DOCSTRING: u32 = 0x0400_0000;
    /// A method (defined directly in a class body; 3.14).
    pub const METHOD: u32 = 0x0800_0000;
    /// `from __future__ import annotations` (CO_FUTURE_ANNOTATIONS).
    pub const FUTURE_ANNOTATIONS: u32 = 0x0100_0000;
}

/// `co_localspluskinds` bits (CPython 3.14 `Include/internal/pycore_code.h`).
pub mod local_kind {
    /// A positional parameter.
    pub const ARG_POS: u8 = 0x02;
    /// A keyword parameter.
    pub const ARG_KW: u8 = 0x04;
    /// The `*args` / `**kwargs` parameter.
    pub const ARG_VAR: u8 = 0x08;
    /// Hidden from `locals()` (inlined comprehension variables).
    pub const HIDDEN: u8 = 0x10;
    /// A fast local.
    pub const LOCAL: u8 = 0x20;
    /// A cell variable.
    pub const CELL: u8 = 0x40;
    /// A free variable.
    pub const FREE: u8 = 0x80;
}

/// A compiled code object: the fields of CPython 3.14's `PyCodeObject` that the compiler
/// produces and `dis` / the interpreter read.
#[derive(Clone, Debug, Default)]
pub struct CodeObject {
    /// `co_name`.
    pub name: Rc<str>,
    /// `co_qualname`.
    pub qualname: Rc<str>,
    /// `co_filename`.
    pub filename: Rc<str>,
    /// `co_firstlineno`.
    pub firstlineno: i32,
    /// `co_argcount`.
    pub argcount: u32,
    /// `co_posonlyargcount`.
    pub posonlyargcount: u32,
    /// `co_kwonlyargcount`.
    pub kwonlyargcount: u32,
    /// `co_stacksize`.
    pub stacksize: u32,
    /// `co_flags` (see [`co_flags`]).
    pub flags: u32,
    /// `co_code`: instructions with zeroed inline caches.
    pub code: Vec<CodeUnit>,
    /// `co_consts`.
    pub consts: Vec<Const>,
    /// `co_names`.
    pub names: Vec<Rc<str>>,
    /// `co_localsplusnames`.
    pub localsplusnames: Vec<Rc<str>>,
    /// `co_localspluskinds` (see [`local_kind`]).
    pub localspluskinds: Vec<u8>,
    /// `co_linetable` (PEP 626 / 657 location table).
    pub linetable: Vec<u8>,
    /// `co_exceptiontable` (varint-encoded ranges).
    pub exceptiontable: Vec<u8>,
}

impl CodeObject {
    /// `co_code` as bytes (opcode, oparg pairs), as `code.co_code` returns it.
    pub fn code_bytes(&self) -> Vec<u8> {
        self.code.iter().flat_map(|u| [u.opcode, u.oparg]).collect()
    }

    /// Whether two code objects have the same content as CPython's `code_richcompare` sees
    /// it (names, counts, flags, first line, bytecode, constants, names, locals and both
    /// tables), with constants compared by `consts_eq`: the compiler's constant merging
    /// compares nested code objects by identity, `==` on code objects by content.
    pub fn same_content(
        &self,
        other: &CodeObject,
        consts_eq: impl Fn(&Const, &Const) -> bool,
    ) -> bool {
        self.name == other.name
            && self.argcount == other.argcount
            && self.posonlyargcount == other.posonlyargcount
            && self.kwonlyargcount == other.kwonlyargcount
            && self.flags == other.flags
            && self.firstlineno == other.firstlineno
            && self.code == other.code
            && self.consts.len() == other.consts.len()
            && self
                .consts
                .iter()
                .zip(&other.consts)
                .all(|(p, q)| consts_eq(p, q))
            && self.names == other.names
            && self.localsplusnames == other.localsplusnames
            && self.localspluskinds == other.localspluskinds
            && self.linetable == other.linetable
            && self.exceptiontable == other.exceptiontable
    }

    /// Number of fast locals (`co_nlocals`): entries whose kind has the LOCAL bit.
    pub fn nlocals(&self) -> usize {
        self.localspluskinds
            .iter()
            .filter(|&&k| k & local_kind::LOCAL != 0)
            .count()
    }
}
