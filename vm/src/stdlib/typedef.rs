//! Helpers for native modules that define their own types (iterators, `array`, `Struct`,
//! `Random`, ...): creating the type object outside the core registry and finishing it
//! (slot wrappers for its dunders, slots inherited from its base) once its slots and
//! methods are filled in.

use crate::object::{Py, PyPayload, Type, type_flags};
use crate::runtime::Vm;

/// A new native type `module.name` with payload `T`, based on `object` (or `base`);
/// `subclassable` sets `Py_TPFLAGS_BASETYPE`. Fill its slots and methods, then call
/// [`finish_type`].
pub fn new_type<T: PyPayload>(
    vm: &Vm,
    name: &'static str,
    module: &'static str,
    base: Option<&Py<Type>>,
    subclassable: bool,
) -> Py<Type> {
    crate::runtime::registry::new_builtin_type::<T>(
        &vm.types.type_,
        &vm.types.dict,
        name,
        module,
        Some(base.unwrap_or(&vm.types.object)),
        if subclassable {
            type_flags::BASETYPE
        } else {
            0
        },
    )
}

/// Adds the slot wrappers and inherited slots of a type made by [`new_type`].
pub fn finish_type(vm: &Vm, ty: &Py<Type>) {
    crate::runtime::slot_dispatch::finish_builtin_type(vm, ty);
}

impl Vm {
    /// Records a type a native module made, under a qualified name ("itertools._tee"), so
    /// that its functions can find it again (CPython keeps these in module state).
    pub fn register_native_type(&self, qualname: &str, ty: &Py<Type>) {
        self.native_types.with_mut(|t| {
            t.retain(|(n, _)| n != qualname);
            t.push((qualname.to_string(), ty.clone()));
        });
    }

    /// A type recorded with [`Vm::register_native_type`].
    pub fn native_type(&self, qualname: &str) -> crate::runtime::PyResult<Py<Type>> {
        self.find_native_type(qualname)
            .ok_or_else(|| self.new_system_error(format!("type {qualname} is not initialized")))
    }

    /// The type registered under `qualname`, created by `create` and registered on first use
    /// (so that reimporting a module does not make new, incompatible types).
    pub(crate) fn cached_type(
        &self,
        qualname: &str,
        create: impl FnOnce(&Vm) -> crate::runtime::PyResult<Py<Type>>,
    ) -> crate::runtime::PyResult<Py<Type>> {
        if let Some(t) = self.find_native_type(qualname) {
            return Ok(t);
        }
        let t = create(self)?;
        self.register_native_type(qualname, &t);
        Ok(t)
    }

    fn find_native_type(&self, qualname: &str) -> Option<Py<Type>> {
        self.native_types.with(|t| {
            t.iter()
                .find(|(n, _)| n == qualname)
                .map(|(_, ty)| ty.clone())
        })
    }
}
