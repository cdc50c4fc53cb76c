//! Running the cycle collector from the VM: a collection of generations `0..=g` finds the
//! unreachable containers (`object::gc`), clears weak references to them and runs the
//! callbacks of the surviving weak references, runs `__del__` once per object (PEP 442),
//! keeps what the finalizers resurrected, then clears the rest (or saves it in
//! `gc.garbage` under `DEBUG_SAVEALL`) and lets reference counting free it. `gc.callbacks`
//! are called before and after. Automatic collections start from the eval loop's periodic
//! check (a safe point) once the young count passes the threshold.

use crate::object::gc::{self, Collection};
use crate::object::{ObjRef, Value};
use crate::runtime::Vm;

/// `gc.DEBUG_STATS`.
pub const DEBUG_STATS: i64 = 1;
/// `gc.DEBUG_SAVEALL`.
pub const DEBUG_SAVEALL: i64 = 32;

impl Vm {
    /// Collects generations `0..=generation`; returns how many unreachable objects were
    /// found (0 when a collection is already running).
    pub fn gc_collect(&self, generation: usize) -> usize {
        if gc::collecting() {
            return 0;
        }
        self.gc_run_callbacks("start", generation, 0, 0);
        if generation == gc::GENERATIONS - 1 {
            self.clear_owned_caches();
        }
        let Some(mut col) = Collection::start(generation) else {
            return 0;
        };
        if self.stdlib.gc_debug.get() & DEBUG_STATS != 0 {
            eprintln!("gc: collecting generation {generation}...");
        }
        crate::stdlib::weakref::clear_weakrefs_of_garbage(self, &col.garbage);
        let mut finalized = false;
        for o in &col.garbage {
            if o.ty().has_finalizer() && !o.is_finalized() {
                o.mark_finalized();
                crate::runtime::slot_dispatch::run_finalizer(self, o);
                finalized = true;
            }
        }
        // The finalizers' look-ups may have cached (owned) references to garbage, which
        // would count as resurrecting it.
        if finalized && generation == gc::GENERATIONS - 1 {
            self.clear_owned_caches();
        }
        col.drop_resurrected();
        col.release_freed();
        let found = col.found;
        if self.stdlib.gc_debug.get() & DEBUG_SAVEALL != 0 {
            let saved: Vec<Value> = col.garbage.iter().cloned().map(Value::Obj).collect();
            if let Some(list) = self.stdlib.gc_garbage.get() {
                for v in saved {
                    list.push(v);
                }
            }
        } else {
            col.clear_garbage();
        }
        let examined = col.examined;
        col.finish(0);
        if self.stdlib.gc_debug.get() & DEBUG_STATS != 0 {
            eprintln!("gc: done, {found} unreachable, 0 uncollectable, {examined} examined");
        }
        self.gc_run_callbacks("stop", generation, found, 0);
        found
    }

    /// Runs the automatic collection the allocation count asked for, if any (called at
    /// the eval loop's periodic check).
    #[cold]
    #[inline(never)]
    pub fn gc_collect_pending(&self) {
        if let Some(g) = gc::take_pending() {
            self.gc_collect(g);
        }
    }

    fn gc_run_callbacks(&self, phase: &str, generation: usize, collected: usize, unc: usize) {
        let Some(list) = self.stdlib.gc_callbacks.get() else {
            return;
        };
        if list.is_empty() {
            return;
        }
        let info = self.new_dict();
        info.set_str(&self.intern("generation"), Value::Int(generation as i64));
        info.set_str(&self.intern("collected"), Value::Int(collected as i64));
        info.set_str(&self.intern("uncollectable"), Value::Int(unc as i64));
        let phase: Value = self.new_str(phase).into();
        let info: Value = info.into();
        for cb in list.to_vec() {
            if let Err(e) = self.call_pos(&cb, &[phase.clone(), info.clone()]) {
                self.report_unraisable_for(
                    &e,
                    "Exception ignored in garbage collector callback",
                    &cb,
                );
            }
        }
    }
}

/// Every object tracked by the collector that references one of `targets`
/// (`gc.get_referrers`).
pub fn referrers(targets: &[ObjRef]) -> Vec<ObjRef> {
    let addrs: Vec<usize> = targets.iter().map(ObjRef::addr).collect();
    gc::objects(None)
        .into_iter()
        .filter(|o| {
            let mut hit = false;
            let mut f = |c: &ObjRef| hit |= addrs.contains(&c.addr());
            gc::traverse(o, &mut gc::Visitor::new(&mut f));
            hit
        })
        .collect()
}
