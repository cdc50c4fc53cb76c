//! The builtin types' behaviour, one module per type (payload, slots, methods). Each
//! module's `init` fills in its type object; `init_all` runs them and then finishes every
//! builtin type (slot wrappers for its dunders, slots inherited from its base).

pub mod async_gen;
pub mod bytearray_ops;
pub mod bytes;
pub mod bytes_methods;
pub mod code;
pub mod code_api;
pub mod code_replace;
pub mod complex;
pub mod descr;
pub(crate) mod descr_docs;
pub mod dict;
pub mod dict_type;
pub mod exception;
pub mod float;
pub mod float_type;
pub mod function;
pub mod function_new;
pub mod generator;
pub mod int;
pub mod int_type;
pub mod iter;
pub mod list;
mod list_items;
pub mod list_sort;
pub mod memoryview;
pub mod method_wrapper;
pub mod module;
pub mod object;
pub mod object_reduce;
pub mod range;
pub mod seq_dunders;
pub mod set;
pub mod set_type;
pub mod slice;
pub mod str;
pub mod str_case;
pub mod str_type;
pub mod super_;
pub mod traceback;
pub mod tuple;
pub mod type_;
mod type_layout;
pub mod union;

use crate::object::{Py, Type, Value};
use crate::runtime::Vm;

impl Type {
    /// Makes instances unhashable (`__hash__ = None`).
    pub fn set_hash_none(&self, vm: &Vm) {
        self.slots
            .hash
            .set(Some(crate::runtime::slot_dispatch::hash_not_implemented));
        self.dict().set_str(&vm.names.__hash__, Value::None);
    }
}

/// Fills in every builtin type, then finishes them (wrappers and inheritance).
pub(crate) fn init_all(vm: &Vm) {
    object::init(vm);
    type_::init(vm);
    int_type::init(vm);
    float_type::init(vm);
    complex::init(vm);
    str_type::init(vm);
    bytes::init(vm);
    memoryview::init(vm);
    list::init(vm);
    tuple::init(vm);
    dict_type::init(vm);
    set_type::init(vm);
    range::init(vm);
    seq_dunders::init(vm);
    object_reduce::init(vm);
    slice::init(vm);
    function::init(vm);
    function_new::init(vm);
    descr::init(vm);
    method_wrapper::init(vm);
    descr_docs::init(vm);
    module::init(vm);
    code::init(vm);
    code_api::init(vm);
    exception::init(vm);
    generator::init(vm);
    async_gen::init(vm);
    async_gen::init_anext(vm);
    traceback::init(vm);
    super_::init(vm);
    iter::init(vm);
    union::init(vm);
    crate::stdlib::builtins::init_types(vm);
    crate::stdlib::builtins_iter::init_types(vm);
    for t in [&vm.types.int, &vm.types.float] {
        vm.add_methods(
            t,
            &[("__format__", crate::runtime::format::number_format_method)],
        );
    }
    let all: Vec<Py<Type>> = vm
        .types
        .all()
        .into_iter()
        .cloned()
        .chain(vm.exc.all().into_iter().map(|(_, t)| t.clone()))
        .collect();
    for t in &all {
        crate::runtime::slot_dispatch::finish_builtin_type(vm, t);
    }
}
