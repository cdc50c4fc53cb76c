//! `co_localsplusnames` and `co_localspluskinds` (`compute_localsplus_info`).
//!
//! Contract: the locals come first in `varnames` order, parameters marked by kind
//! (positional-only, positional-or-keyword, keyword-only, `*args`, `**kwargs`), hidden ones
//! (inlined comprehension variables) and those that are also cells marked too; then the
//! cells that are not locals, in cell order; then the free variables.

use std::rc::Rc;

use crate::compile::code::{co_flags, local_kind};
use crate::compile::unit::UnitMetadata;

pub(super) fn compute_localsplus_info(
    meta: &UnitMetadata,
    nlocalsplus: usize,
) -> (Vec<Rc<str>>, Vec<u8>) {
    let mut names: Vec<Rc<str>> = vec![Rc::from(""); nlocalsplus];
    let mut kinds = vec![0u8; nlocalsplus];
    let mut set = |offset: usize, name: &Rc<str>, kind: u8| {
        if offset < nlocalsplus {
            names[offset] = name.clone();
            kinds[offset] = kind;
        }
    };
    let posonly = meta.posonlyargcount as usize;
    let posorkw = meta.argcount as usize;
    let kwonly = meta.kwonlyargcount as usize;
    let varargs = usize::from(meta.flags & co_flags::VARARGS != 0);
    let varkw = usize::from(meta.flags & co_flags::VARKEYWORDS != 0);
    let groups = [
        (posonly, local_kind::ARG_POS),
        (posorkw, local_kind::ARG_POS | local_kind::ARG_KW),
        (kwonly, local_kind::ARG_KW),
        (varargs, local_kind::ARG_VAR | local_kind::ARG_POS),
        (varkw, local_kind::ARG_VAR | local_kind::ARG_KW),
    ];
    let mut kind_of_index = Vec::with_capacity(meta.varnames.len());
    for (count, kind) in groups {
        kind_of_index.extend(std::iter::repeat_n(kind, count));
    }
    for (offset, name) in meta.varnames.iter().enumerate() {
        let mut kind = local_kind::LOCAL | kind_of_index.get(offset).copied().unwrap_or(0);
        if meta.fasthidden.iter().any(|(n, _)| n == name) {
            kind |= local_kind::HIDDEN;
        }
        if meta.cellvars.contains(name) {
            kind |= local_kind::CELL;
        }
        set(offset, name, kind);
    }
    let nlocals = meta.varnames.len();
    let mut numdropped = 0;
    for (index, name) in meta.cellvars.iter().enumerate() {
        if meta.varnames.contains(name) {
            numdropped += 1;
            continue;
        }
        set(index + nlocals - numdropped, name, local_kind::CELL);
    }
    let ncells = meta.cellvars.len();
    for (j, name) in meta.freevars.iter().enumerate() {
        set(ncells + j + nlocals - numdropped, name, local_kind::FREE);
    }
    (names, kinds)
}
