//! Runtime code objects: the compiler's `CodeObject` with constants as values, names as
//! interned strs, a mutable quickened copy of the bytecode (what the specializer rewrites),
//! the decoded exception table, and the frame layout the eval loop needs.

use std::cell::Cell;
use std::rc::Rc;

use crate::compile::code::{CodeObject, Const, co_flags, local_kind};
use crate::instr::{CodeUnit, Opcode};
use crate::object::{Py, PyCell, Value};
use crate::runtime::{PyResult, Vm};

use super::str::Str;

/// One decoded exception-table entry: instructions `start..end` (code-unit indices) jump to
/// `target` with the value stack cut to `depth`, pushing `lasti` first when asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExcEntry {
    /// First covered code unit.
    pub start: u32,
    /// One past the last covered code unit.
    pub end: u32,
    /// Handler code unit.
    pub target: u32,
    /// Stack depth to unwind to.
    pub depth: u32,
    /// Whether the handler expects the raising instruction's offset (`lasti`).
    pub lasti: bool,
}

/// A runtime code object.
pub struct Code {
    /// The compiler's code object (names as text, line and exception tables).
    pub meta: Rc<CodeObject>,
    /// `co_consts` as values.
    pub consts: Box<[Value]>,
    /// `co_names`, interned.
    pub names: Box<[Py<Str>]>,
    /// `co_localsplusnames`, interned.
    pub localsplusnames: Box<[Py<Str>]>,
    /// `co_name`.
    pub name: Py<Str>,
    /// `co_qualname`.
    pub qualname: Py<Str>,
    /// `co_filename`.
    pub filename: Py<Str>,
    /// Locals, cells and frees together.
    pub nlocalsplus: usize,
    /// Slots a frame needs: `nlocalsplus + stacksize`.
    pub framesize: usize,
    /// Number of free variables (the last `nfrees` of `localsplus`).
    pub nfrees: usize,
    /// The bytecode, quickened; specialized instructions and caches are written here.
    pub bytecode: Box<[Cell<CodeUnit>]>,
    /// The exception table, decoded.
    pub exc_table: Box<[ExcEntry]>,
    /// Version for call specialization guards.
    pub version: u32,
    /// Tier-2 executors installed on this code (opaque to tier 1).
    pub executors: PyCell<Vec<Value>>,
    /// `co_flags`.
    pub flags: u32,
    /// `co_argcount + 1` when every parameter is positional (no `*args`, `**kwargs` or
    /// keyword-only parameters) and fits the locals, else 0: the eval loop's inline call
    /// tests its shape with one compare (`exec::frame::positional_shape`).
    pub positional_call: usize,
    /// Whether the bytecode handles exceptions (`PUSH_EXC_INFO`): only then can a frame of
    /// it change or suspend with a handled exception, so only then does a generator of it
    /// swap its own exception state in while it runs.
    pub handles_exceptions: bool,
}

crate::payload!(Code);

/// The warm-up counter every specializable instruction starts with: `(1, 1)`.
pub const WARMUP_COUNTER: u16 = (1 << 4) | 1;
/// `JUMP_BACKWARD`'s initial counter: `(4095, 12)`.
pub const JUMP_COUNTER: u16 = (4095 << 4) | 12;
/// The counter of disabled specialization: `(0, 15)`, never triggers.
pub const UNREACHABLE_COUNTER: u16 = 15;
/// The initial branch history of `POP_JUMP_IF_*`.
pub const BRANCH_HISTORY: u16 = 0x5555;

/// Copies `code` with counters initialized as CPython's `_PyCode_Quicken` does.
pub fn quicken(code: &[CodeUnit], enable_counters: bool) -> Box<[Cell<CodeUnit>]> {
    let out: Box<[Cell<CodeUnit>]> = code.iter().map(|&u| Cell::new(u)).collect();
    let mut i = 0;
    while i + 1 < out.len() {
        let unit = out[i].get();
        let Some(op) = Opcode::from_u8(unit.opcode) else {
            i += 1;
            continue;
        };
        let caches = op.cache_entries() as usize;
        if caches > 0 {
            let counter = match op {
                Opcode::JUMP_BACKWARD => {
                    if enable_counters {
                        JUMP_COUNTER
                    } else {
                        UNREACHABLE_COUNTER
                    }
                }
                Opcode::POP_JUMP_IF_FALSE
                | Opcode::POP_JUMP_IF_TRUE
                | Opcode::POP_JUMP_IF_NONE
                | Opcode::POP_JUMP_IF_NOT_NONE => BRANCH_HISTORY,
                _ => WARMUP_COUNTER,
            };
            if let Some(c) = out.get(i + 1) {
                c.set(CodeUnit::from_cache(counter));
            }
            // The other cache units start empty whatever `co_code` held (`code.replace`
            // can pass any bytes): the generic `LOAD_GLOBAL` keeps its cache there.
            for c in out.iter().skip(i + 2).take(caches - 1) {
                c.set(CodeUnit::from_cache(0));
            }
            i += caches;
        }
        i += 1;
    }
    out
}

/// Decodes CPython's exception table (varint entries: start, size, target, depth/lasti).
pub fn decode_exception_table(table: &[u8]) -> Vec<ExcEntry> {
    let mut out = Vec::new();
    let mut pos = 0;
    let read = |pos: &mut usize| -> Option<u32> {
        let mut b = *table.get(*pos)?;
        *pos += 1;
        let mut val = u32::from(b & 63);
        while b & 64 != 0 {
            b = *table.get(*pos)?;
            *pos += 1;
            val = (val << 6) | u32::from(b & 63);
        }
        Some(val)
    };
    while pos < table.len() {
        let (Some(start), Some(size), Some(target), Some(dl)) = (
            read(&mut pos),
            read(&mut pos),
            read(&mut pos),
            read(&mut pos),
        ) else {
            break;
        };
        out.push(ExcEntry {
            start,
            end: start + size,
            target,
            depth: dl >> 1,
            lasti: dl & 1 != 0,
        });
    }
    out
}

impl Code {
    /// The handler covering code unit `index`, if any.
    pub fn handler_for(&self, index: u32) -> Option<ExcEntry> {
        self.exc_table
            .iter()
            .find(|e| e.start <= index && index < e.end)
            .copied()
    }

    /// Whether this is a generator, coroutine or async generator body.
    pub fn is_generator_like(&self) -> bool {
        self.flags & (co_flags::GENERATOR | co_flags::COROUTINE | co_flags::ASYNC_GENERATOR) != 0
    }

    /// Kind bits of local `i`.
    pub fn local_kind(&self, i: usize) -> u8 {
        self.meta.localspluskinds.get(i).copied().unwrap_or(0)
    }

    /// Whether local `i` is a cell (including arguments that are also cells).
    pub fn is_cell(&self, i: usize) -> bool {
        self.local_kind(i) & local_kind::CELL != 0
    }

    /// `co_argcount`.
    pub fn argcount(&self) -> usize {
        self.meta.argcount as usize
    }

    /// `co_posonlyargcount`.
    pub fn posonlyargcount(&self) -> usize {
        self.meta.posonlyargcount as usize
    }

    /// `co_kwonlyargcount`.
    pub fn kwonlyargcount(&self) -> usize {
        self.meta.kwonlyargcount as usize
    }

    /// The line of the instruction at code unit `index` (via the location table).
    pub fn line_for(&self, index: u32) -> Option<i32> {
        crate::exec::linetable::location_for(&self.meta.linetable, self.meta.firstlineno, index)
            .and_then(|l| l.line)
    }
}

impl Vm {
    /// Turns a compiled code object into a runtime code object.
    pub fn load_code(&self, code: &Rc<CodeObject>) -> PyResult<Py<Code>> {
        let mut consts = Vec::with_capacity(code.consts.len());
        for c in &code.consts {
            consts.push(self.const_value(c)?);
        }
        self.load_code_with(code, consts)
    }

    /// Builds a runtime code object whose `co_consts` are `consts` (one value per entry of
    /// `code.consts`; `code.replace(co_consts=...)` keeps the caller's objects).
    pub fn load_code_with(&self, code: &Rc<CodeObject>, consts: Vec<Value>) -> PyResult<Py<Code>> {
        debug_assert_eq!(consts.len(), code.consts.len());
        let names = code.names.iter().map(|n| self.intern(n)).collect();
        let localsplusnames = code
            .localsplusnames
            .iter()
            .map(|n| self.intern(n))
            .collect();
        let nlocalsplus = code.localsplusnames.len();
        let nfrees = code
            .localspluskinds
            .iter()
            .filter(|&&k| k & local_kind::FREE != 0)
            .count();
        let exc_table = decode_exception_table(&code.exceptiontable);
        // The eval loop runs the bytecode without bounds checks on what this proves.
        if let Err(e) = crate::exec::verify::verify(code, &exc_table) {
            return Err(self.new_system_error(format!(
                "invalid bytecode in code object '{}': {e}",
                code.name
            )));
        }
        let enable = self.config.specialize && self.plugins.specializer.is_some();
        let c = Code {
            meta: code.clone(),
            consts: consts.into_boxed_slice(),
            names,
            localsplusnames,
            name: self.intern(&code.name),
            qualname: self.intern(&code.qualname),
            filename: self.intern(&code.filename),
            nlocalsplus,
            framesize: nlocalsplus + code.stacksize as usize,
            nfrees,
            bytecode: quicken(&code.code, enable),
            exc_table: exc_table.into_boxed_slice(),
            version: self.next_code_version(),
            executors: PyCell::new(Vec::new()),
            flags: code.flags,
            positional_call: positional_call(code, nlocalsplus),
            handles_exceptions: code
                .code
                .iter()
                .any(|u| u.opcode == crate::instr::Opcode::PUSH_EXC_INFO as u8),
        };
        Ok(crate::object::core::alloc(&self.types.code, c))
    }

    fn next_code_version(&self) -> u32 {
        let v = self.type_versions.get();
        self.type_versions.set(v.wrapping_add(1).max(1));
        v
    }

    /// A compile-time constant as a value.
    pub fn const_value(&self, c: &Const) -> PyResult<Value> {
        Ok(match c {
            Const::None => Value::None,
            Const::Bool(b) => Value::Bool(*b),
            Const::Ellipsis => Value::Obj(self.ellipsis.clone()),
            Const::Int(i) => Value::Int(*i),
            Const::BigInt(b) => self.new_int((**b).clone()),
            Const::Float(f) => self.new_float(*f),
            Const::Complex { real, imag } => self.new_complex(*real, *imag),
            Const::Str(s) => {
                let is_name = s
                    .as_bytes()
                    .iter()
                    .all(|b| b.is_ascii_alphanumeric() || *b == b'_');
                match s.as_str() {
                    Some(text) if is_name => self.intern(text).into(),
                    _ => self.new_str_wtf8(s).into(),
                }
            }
            Const::Bytes(b) => self.new_bytes(b.to_vec()).into(),
            Const::Tuple(items) => {
                let mut v = Vec::with_capacity(items.len());
                for i in items.iter() {
                    v.push(self.const_value(i)?);
                }
                self.new_tuple(v).into()
            }
            Const::FrozenSet(items) => {
                let s = self.new_frozenset_empty();
                for i in items.iter() {
                    let v = self.const_value(i)?;
                    s.add(self, v)?;
                }
                s.into()
            }
            Const::Slice(parts) => {
                let [a, b, c] = &**parts;
                self.new_slice(
                    self.const_value(a)?,
                    self.const_value(b)?,
                    self.const_value(c)?,
                )
                .into()
            }
            Const::Code(code) => self.load_code(code)?.into(),
        })
    }
}

fn code_repr(vm: &Vm, v: &Value) -> PyResult<Value> {
    let c = v
        .downcast::<Code>()
        .ok_or_else(|| vm.new_type_error("expected code"))?;
    Ok(vm
        .new_str(&format!(
            "<code object {} at {:#x}, file \"{}\", line {}>",
            c.name.to_lossy(),
            v.id(),
            c.filename.to_lossy(),
            c.meta.firstlineno
        ))
        .into())
}

fn code<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<Code>> {
    v.downcast::<Code>()
        .ok_or_else(|| vm.new_type_error("expected code"))
}

/// Fills in `code`'s slots and attributes.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.code;
    t.slots.repr.set(Some(code_repr));
    vm.add_getset(
        t,
        "co_name",
        |vm, v| Ok(code(vm, v)?.name.clone().into()),
        None,
    );
    vm.add_getset(
        t,
        "co_qualname",
        |vm, v| Ok(code(vm, v)?.qualname.clone().into()),
        None,
    );
    vm.add_getset(
        t,
        "co_filename",
        |vm, v| Ok(code(vm, v)?.filename.clone().into()),
        None,
    );
    vm.add_getset(
        t,
        "co_firstlineno",
        |vm, v| Ok(Value::Int(i64::from(code(vm, v)?.meta.firstlineno))),
        None,
    );
    vm.add_getset(
        t,
        "co_argcount",
        |vm, v| Ok(Value::Int(code(vm, v)?.argcount() as i64)),
        None,
    );
    vm.add_getset(
        t,
        "co_posonlyargcount",
        |vm, v| Ok(Value::Int(code(vm, v)?.posonlyargcount() as i64)),
        None,
    );
    vm.add_getset(
        t,
        "co_kwonlyargcount",
        |vm, v| Ok(Value::Int(code(vm, v)?.kwonlyargcount() as i64)),
        None,
    );
    vm.add_getset(
        t,
        "co_flags",
        |vm, v| Ok(Value::Int(i64::from(code(vm, v)?.flags))),
        None,
    );
    vm.add_getset(
        t,
        "co_nlocals",
        |vm, v| Ok(Value::Int(code(vm, v)?.meta.nlocals() as i64)),
        None,
    );
    vm.add_getset(
        t,
        "co_consts",
        |vm, v| Ok(vm.new_tuple(code(vm, v)?.consts.to_vec()).into()),
        None,
    );
    vm.add_getset(
        t,
        "co_names",
        |vm, v| {
            let c = code(vm, v)?;
            Ok(vm
                .new_tuple(c.names.iter().map(Value::from).collect())
                .into())
        },
        None,
    );
    vm.add_getset(
        t,
        "co_varnames",
        |vm, v| {
            let c = code(vm, v)?;
            let names = c
                .localsplusnames
                .iter()
                .enumerate()
                .filter(|(i, _)| c.local_kind(*i) & local_kind::LOCAL != 0)
                .map(|(_, n)| Value::from(n))
                .collect();
            Ok(vm.new_tuple(names).into())
        },
        None,
    );
    vm.add_getset(
        t,
        "co_cellvars",
        |vm, v| names_of_kind(vm, v, local_kind::CELL),
        None,
    );
    vm.add_getset(
        t,
        "co_freevars",
        |vm, v| names_of_kind(vm, v, local_kind::FREE),
        None,
    );
    vm.add_getset(
        t,
        "co_code",
        |vm, v| Ok(vm.new_bytes(code(vm, v)?.meta.code_bytes()).into()),
        None,
    );
}

/// The names of the locals-plus slots whose kind has `kind`'s bit (`co_cellvars`,
/// `co_freevars`).
fn names_of_kind(vm: &Vm, v: &Value, kind: u8) -> PyResult<Value> {
    let c = code(vm, v)?;
    let names = c
        .localsplusnames
        .iter()
        .enumerate()
        .filter(|(i, _)| c.local_kind(*i) & kind != 0)
        .map(|(_, n)| Value::from(n))
        .collect();
    Ok(vm.new_tuple(names).into())
}

/// [`Code::positional_call`] of a compiled code object.
fn positional_call(code: &CodeObject, nlocalsplus: usize) -> usize {
    let argcount = code.argcount as usize;
    let plain = code.flags & (co_flags::VARARGS | co_flags::VARKEYWORDS) == 0
        && code.kwonlyargcount == 0
        && argcount <= nlocalsplus;
    if plain { argcount + 1 } else { 0 }
}
