//! `__add__`, `__mul__` and `__rmul__` of the builtin sequences (str, bytes, bytearray, list,
//! tuple), whose `+` and `*` live in the sequence slots (`sq_concat`, `sq_repeat`) that have no
//! dunder of their own: CPython exposes them as wrapper descriptors of those slots.

use crate::object::slots::SlotId;
use crate::runtime::Vm;
use crate::runtime::slot_dispatch::add_slot_wrapper;

/// Adds the wrappers to each builtin sequence type that has the slots and not the names.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types;
    for ty in [&t.str, &t.bytes, &t.bytearray, &t.list, &t.tuple] {
        let has = |name: &str| ty.dict().get_rust_str(name).is_some();
        if ty.slots.concat.get().is_some() && !has("__add__") {
            add_slot_wrapper(vm, ty, "__add__", SlotId::concat);
        }
        if ty.slots.repeat.get().is_some() {
            for dunder in ["__mul__", "__rmul__"] {
                if !has(dunder) {
                    add_slot_wrapper(vm, ty, dunder, SlotId::repeat);
                }
            }
        }
    }
}
