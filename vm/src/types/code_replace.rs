//! `code.replace(**changes)` and `copy.replace(code, ...)` (`__replace__`): a new code object
//! with some fields replaced, checked as CPython checks them and then by the bytecode
//! verifier like every other code object (malformed bytecode raises instead of running).

use std::rc::Rc;

use crate::compile::code::{CodeObject, Const, local_kind};
use crate::instr::CodeUnit;
use crate::object::{Py, Value};
use crate::runtime::{Args, PyResult, Vm};

use super::bytes::Bytes;
use super::code::Code;
use super::str::Str;
use super::tuple::Tuple;

/// The keywords `replace` accepts, in CPython's order.
const FIELDS: [&str; 18] = [
    "co_argcount",
    "co_posonlyargcount",
    "co_kwonlyargcount",
    "co_nlocals",
    "co_stacksize",
    "co_flags",
    "co_firstlineno",
    "co_code",
    "co_consts",
    "co_names",
    "co_varnames",
    "co_freevars",
    "co_cellvars",
    "co_filename",
    "co_name",
    "co_qualname",
    "co_linetable",
    "co_exceptiontable",
];

fn wrong_type(vm: &Vm, field: &str, want: &str, got: &Value) -> crate::runtime::PyErr {
    vm.new_type_error(format!(
        "replace() argument '{field}' must be {want}, not {}",
        vm.type_name(got)
    ))
}

/// A non-negative C `int` field.
fn count(vm: &Vm, field: &str, v: &Value) -> PyResult<u32> {
    let Some(i) = vm.try_index(v)? else {
        return Err(wrong_type(vm, field, "int", v));
    };
    let i: i32 = i32::try_from(&*i)
        .map_err(|_| vm.new_overflow_error("Python int too large to convert to C int"))?;
    u32::try_from(i).map_err(|_| vm.new_value_error(format!("{field} must be a positive integer")))
}

fn text(vm: &Vm, field: &str, v: &Value) -> PyResult<Rc<str>> {
    match v.downcast::<Str>() {
        Some(s) => Ok(Rc::from(&*s.to_lossy())),
        None => Err(wrong_type(vm, field, "str", v)),
    }
}

fn bytes<'a>(vm: &Vm, field: &str, v: &'a Value) -> PyResult<&'a [u8]> {
    match v.downcast::<Bytes>() {
        Some(b) => Ok(b.as_bytes()),
        None => Err(wrong_type(vm, field, "bytes", v)),
    }
}

fn tuple<'a>(vm: &Vm, field: &str, v: &'a Value) -> PyResult<&'a [Value]> {
    match v.downcast::<Tuple>() {
        Some(t) => Ok(t.as_slice()),
        None => Err(wrong_type(vm, field, "tuple", v)),
    }
}

/// A tuple of names (`co_names`, `co_varnames`, ...): every item must be a str.
fn names(vm: &Vm, field: &str, v: &Value) -> PyResult<Vec<Rc<str>>> {
    tuple(vm, field, v)?
        .iter()
        .map(|n| match n.downcast::<Str>() {
            Some(s) => Ok(Rc::from(&*s.to_lossy())),
            None => Err(vm.new_system_error("non-string found in code slot")),
        })
        .collect()
}

/// The compile-time constant a value stands for, for the code object's metadata (equality,
/// `dis`); the runtime keeps the value itself.
fn const_of(vm: &Vm, v: &Value) -> PyResult<Const> {
    use super::int::as_int;
    Ok(match v {
        Value::None => Const::None,
        Value::Bool(b) => Const::Bool(*b),
        Value::Int(i) => Const::Int(*i),
        Value::Float(f) => Const::Float(*f),
        _ if v.is(&Value::Obj(vm.ellipsis.clone())) => Const::Ellipsis,
        _ if v.class(vm).is(&vm.types.int) => {
            Const::int(as_int(v).expect("int").big().into_owned())
        }
        _ if v.class(vm).is(&vm.types.float) => {
            Const::Float(super::float::as_float(v).expect("float"))
        }
        _ if v.class(vm).is(&vm.types.str) => {
            let mut buf = crate::text::wtf8::Wtf8Buf::default();
            buf.push_wtf8(v.downcast::<Str>().expect("str").as_wtf8());
            Const::Str(Rc::new(buf))
        }
        _ if v.class(vm).is(&vm.types.bytes) => {
            Const::Bytes(Rc::from(v.downcast::<Bytes>().expect("bytes").as_bytes()))
        }
        _ if v.class(vm).is(&vm.types.tuple) => {
            let items = tuple(vm, "co_consts", v)?;
            Const::Tuple(
                items
                    .iter()
                    .map(|i| const_of(vm, i))
                    .collect::<PyResult<_>>()?,
            )
        }
        _ if let Some(c) = v.downcast::<Code>() => Const::Code(c.meta.clone()),
        _ => {
            return Err(vm.new_not_implemented_error(format!(
                "rpy: code.replace(co_consts=...) does not support constants of type '{}' yet",
                vm.type_name(v)
            )));
        }
    })
}

/// Rebuilds the locals-plus layout from `co_varnames`, `co_cellvars` and `co_freevars` as
/// CPython does (a cell variable that is also a parameter shares the parameter's slot),
/// keeping the old kind's parameter and hidden bits on slots that keep their name.
fn localsplus(
    old: &CodeObject,
    varnames: Vec<Rc<str>>,
    cellvars: Vec<Rc<str>>,
    freevars: Vec<Rc<str>>,
) -> (Vec<Rc<str>>, Vec<u8>) {
    let mut names: Vec<Rc<str>> = Vec::new();
    let mut kinds: Vec<u8> = Vec::new();
    for n in varnames {
        names.push(n);
        kinds.push(local_kind::LOCAL);
    }
    let nvar = names.len();
    for n in cellvars {
        match names[..nvar].iter().position(|v| *v == n) {
            Some(i) => kinds[i] |= local_kind::CELL,
            None => {
                names.push(n);
                kinds.push(local_kind::CELL);
            }
        }
    }
    for n in freevars {
        names.push(n);
        kinds.push(local_kind::FREE);
    }
    let extra = local_kind::ARG_POS | local_kind::ARG_KW | local_kind::ARG_VAR | local_kind::HIDDEN;
    for (i, kind) in kinds.iter_mut().enumerate() {
        if old.localsplusnames.get(i) == Some(&names[i]) {
            *kind |= old.localspluskinds[i] & extra;
        }
    }
    (names, kinds)
}

/// The names of the locals-plus slots whose kind has `kind`'s bit.
fn slots_of(code: &CodeObject, kind: u8) -> Vec<Rc<str>> {
    code.localsplusnames
        .iter()
        .zip(&code.localspluskinds)
        .filter(|(_, k)| **k & kind != 0)
        .map(|(n, _)| n.clone())
        .collect()
}

fn replace(vm: &Vm, c: &Py<Code>, rest: Args<'_>) -> PyResult<Value> {
    if !rest.pos().is_empty() {
        return Err(vm.new_type_error("replace() takes no positional arguments"));
    }
    let mut new: CodeObject = (*c.meta).clone();
    let mut consts: Vec<Value> = c.consts.to_vec();
    let (mut varnames, mut cellvars, mut freevars) = (None, None, None);
    let mut nlocals = None;
    for (key, v) in rest.kwargs() {
        let key = key.to_lossy();
        match &*key {
            "co_argcount" => new.argcount = count(vm, &key, v)?,
            "co_posonlyargcount" => new.posonlyargcount = count(vm, &key, v)?,
            "co_kwonlyargcount" => new.kwonlyargcount = count(vm, &key, v)?,
            "co_nlocals" => nlocals = Some(count(vm, &key, v)? as usize),
            "co_stacksize" => new.stacksize = count(vm, &key, v)?,
            "co_flags" => new.flags = count(vm, &key, v)?,
            "co_firstlineno" => {
                let Some(i) = vm.try_index(v)? else {
                    return Err(wrong_type(vm, &key, "int", v));
                };
                new.firstlineno = i32::try_from(&*i).map_err(|_| {
                    vm.new_overflow_error("Python int too large to convert to C int")
                })?;
            }
            "co_code" => {
                let raw = bytes(vm, &key, v)?;
                if raw.len() % 2 != 0 {
                    return Err(vm.new_value_error("code: co_code is malformed"));
                }
                new.code = raw
                    .chunks_exact(2)
                    .map(|p| CodeUnit {
                        opcode: p[0],
                        oparg: p[1],
                    })
                    .collect();
            }
            "co_consts" => {
                let items = tuple(vm, &key, v)?;
                new.consts = items
                    .iter()
                    .map(|i| const_of(vm, i))
                    .collect::<PyResult<_>>()?;
                consts = items.to_vec();
            }
            "co_names" => new.names = names(vm, &key, v)?,
            "co_varnames" => varnames = Some(names(vm, &key, v)?),
            "co_cellvars" => cellvars = Some(names(vm, &key, v)?),
            "co_freevars" => freevars = Some(names(vm, &key, v)?),
            "co_filename" => new.filename = text(vm, &key, v)?,
            "co_name" => new.name = text(vm, &key, v)?,
            "co_qualname" => new.qualname = text(vm, &key, v)?,
            "co_linetable" => new.linetable = bytes(vm, &key, v)?.to_vec(),
            "co_exceptiontable" => new.exceptiontable = bytes(vm, &key, v)?.to_vec(),
            _ => {
                debug_assert!(!FIELDS.contains(&&*key));
                return Err(vm.new_type_error(format!(
                    "replace() got an unexpected keyword argument '{key}'"
                )));
            }
        }
    }
    if varnames.is_some() || cellvars.is_some() || freevars.is_some() {
        let varnames = varnames.unwrap_or_else(|| slots_of(&c.meta, local_kind::LOCAL));
        let cellvars = cellvars.unwrap_or_else(|| slots_of(&c.meta, local_kind::CELL));
        let freevars = freevars.unwrap_or_else(|| slots_of(&c.meta, local_kind::FREE));
        (new.localsplusnames, new.localspluskinds) =
            localsplus(&c.meta, varnames, cellvars, freevars);
    }
    let nvarnames = new.nlocals();
    if nlocals.is_some_and(|n| n != nvarnames) {
        return Err(vm.new_value_error("code: co_nlocals != len(co_varnames)"));
    }
    let nargs = new.argcount as usize
        + new.kwonlyargcount as usize
        + usize::from(new.flags & crate::compile::code::co_flags::VARARGS != 0)
        + usize::from(new.flags & crate::compile::code::co_flags::VARKEYWORDS != 0);
    if nvarnames < nargs {
        return Err(vm.new_value_error("code: co_varnames is too small"));
    }
    if new.posonlyargcount > new.argcount {
        return Err(vm.new_system_error("bad argument to internal function"));
    }
    Ok(vm.load_code_with(&Rc::new(new), consts)?.into())
}

/// `code.replace(**changes)`.
pub(crate) fn code_replace(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (c, rest) = vm.method_self::<Code>(args, "replace", "code")?;
    replace(vm, c, rest)
}

/// `code.__replace__(**changes)` (`copy.replace`).
pub(crate) fn code_dunder_replace(vm: &Vm, args: Args<'_>) -> PyResult<Value> {
    let (c, rest) = vm.method_self::<Code>(args, "__replace__", "code")?;
    replace(vm, c, rest)
}
