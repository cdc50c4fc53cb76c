//! Traceback objects and frame objects (the introspection view of a frame: code, globals,
//! current line, locals, the calling frame).

use std::cell::Cell;
use std::ptr::NonNull;

use crate::exec::frame::{Frame, frame_ref};
use crate::object::{Py, PyCell, Value};
use crate::runtime::{PyResult, Vm};

use super::code::Code;
use super::dict::Dict;

/// A traceback entry.
pub struct Traceback {
    /// `tb_next`.
    pub next: PyCell<Value>,
    /// `tb_frame`.
    pub frame: Py<FrameObj>,
    /// `tb_lasti` (code-unit index).
    pub lasti: u32,
}

crate::payload!(Traceback, gc);

impl Traceback {
    /// Cycle collector: the next entry and the frame.
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        self.next.with(|v| visit.value(v));
        visit.py(&self.frame);
    }

    fn gc_clear(&self) {
        drop(self.next.replace(Value::None));
    }

    /// `tb_lineno`: the line of `lasti` in the frame's code (-1 when it has none),
    /// computed when asked. Most traceback entries are never read (an exception that
    /// ends a loop, a StopIteration caught at once): decoding the line table for each one
    /// made ~3% of async_generators.
    pub fn lineno(&self) -> i32 {
        self.frame.code.line_for(self.lasti).unwrap_or(-1)
    }
}

/// [`FrameObj`]'s line before it is computed.
const UNKNOWN_LINE: i32 = i32::MIN;

/// A frame object.
pub struct FrameObj {
    /// `f_code`.
    pub code: Py<Code>,
    /// `f_globals`.
    pub globals: Py<Dict>,
    /// `f_builtins`.
    pub builtins: Py<Dict>,
    /// The line of `lasti` once the frame is detached and the line was asked for
    /// (`UNKNOWN_LINE` until then): made and detached with every traceback entry, a frame
    /// object's line is rarely read, so it is not decoded eagerly.
    lineno: Cell<i32>,
    lasti: Cell<u32>,
    /// The instruction the frame was at when this object was made: its line (or 0) stands
    /// in when the current or last instruction has none.
    origin: u32,
    back: PyCell<Value>,
    locals: PyCell<Value>,
    live: Cell<Option<NonNull<Frame>>>,
}

crate::payload!(FrameObj, gc);

impl FrameObj {
    /// Cycle collector: code, globals, builtins, the calling frame object and the locals
    /// snapshot. A live frame's own values are held by the running frame (outside
    /// references by construction).
    fn gc_traverse(&self, visit: &mut crate::object::gc::Visitor<'_>) {
        visit.py(&self.code);
        visit.py(&self.globals);
        visit.py(&self.builtins);
        self.back.with(|v| visit.value(v));
        self.locals.with(|v| visit.value(v));
    }

    fn gc_clear(&self) {
        if self.live.get().is_none() {
            drop(self.back.replace(Value::None));
            drop(self.locals.replace(Value::None));
        }
    }
}

impl FrameObj {
    /// Freezes the view when the frame finishes: locals snapshot, last instruction.
    pub fn detach(&self, vm: &Vm, f: &Frame) {
        if self.live.get().is_none() {
            return;
        }
        self.lasti.set(f.ip.get() as u32);
        let snap = snapshot_locals(vm, f);
        drop(self.locals.replace(snap));
        self.live.set(None);
    }

    /// Freezes the view of `fo`, the frame object of `f`, which is going away. The
    /// locals snapshot ([`FrameObj::detach`]) is taken only when something besides the
    /// frame and the caller's reference holds `fo`: otherwise nothing can read it (frames
    /// take no weak references) and `fo` goes with the frame. An exception caught where it
    /// is raised leaves a frame object nobody keeps (its traceback entry's); building the
    /// snapshot dict for each was ~2% of async_generators.
    pub fn freeze(fo: &Py<FrameObj>, vm: &Vm, f: &Frame) {
        if fo.as_obj().refcount() > 2 {
            fo.detach(vm, f);
        } else {
            fo.detach_bare(f);
        }
    }

    /// Freezes the view without a VM (locals become empty): for frames dropped where no
    /// VM is reachable.
    pub fn detach_bare(&self, f: &Frame) {
        if self.live.get().is_none() {
            return;
        }
        self.lasti.set(f.ip.get() as u32);
        self.live.set(None);
    }

    /// The current line (of the last instruction once detached).
    pub fn lineno(&self) -> i32 {
        match self.live.get() {
            Some(p) => frame_ref(p).lineno().unwrap_or_else(|| self.origin_line()),
            None => {
                let known = self.lineno.get();
                if known != UNKNOWN_LINE {
                    return known;
                }
                let line = self
                    .code
                    .line_for(self.lasti.get())
                    .unwrap_or_else(|| self.origin_line());
                self.lineno.set(line);
                line
            }
        }
    }

    /// The line of the instruction the frame was at when this object was made, or 0.
    fn origin_line(&self) -> i32 {
        self.code.line_for(self.origin).unwrap_or(0)
    }
}

/// The locals of a frame as a dict (`f_locals`, `locals()` in functions).
pub fn snapshot_locals(vm: &Vm, f: &Frame) -> Value {
    let mapping = f.locals_mapping();
    if !mapping.is_null() {
        return mapping;
    }
    let d = vm.new_dict();
    let code = &f.code;
    for (i, v) in f.locals_slice().iter().enumerate() {
        let Some(name) = code.localsplusnames.get(i) else {
            continue;
        };
        let kind = code.local_kind(i);
        if kind & crate::compile::code::local_kind::HIDDEN != 0 {
            continue;
        }
        let is_cell = kind
            & (crate::compile::code::local_kind::CELL | crate::compile::code::local_kind::FREE)
            != 0;
        let value = if is_cell {
            match v.downcast::<super::function::CellObj>() {
                Some(c) => c.contents.get(),
                None => v.clone(),
            }
        } else {
            v.clone()
        };
        if !value.is_null() {
            d.set_str(name, value);
        }
    }
    d.into()
}

impl Vm {
    /// The frame object of a live frame (created on first request).
    pub fn frame_object(&self, f: NonNull<Frame>) -> Py<FrameObj> {
        let fr = frame_ref(f);
        if let Some(fo) = fr.frame_obj() {
            return fo;
        }
        let fo = crate::object::core::alloc(
            &self.types.frame,
            FrameObj {
                code: fr.code.clone(),
                globals: fr.globals().clone(),
                builtins: fr.builtins().clone(),
                lineno: Cell::new(UNKNOWN_LINE),
                lasti: Cell::new(fr.ip.get() as u32),
                origin: fr.ip.get() as u32,
                back: PyCell::new(Value::Null),
                locals: PyCell::new(Value::Null),
                live: Cell::new(Some(f)),
            },
        );
        fr.set_frame_obj(fo.clone());
        fo
    }

    /// A new traceback entry.
    pub fn new_traceback(&self, next: Value, frame: Py<FrameObj>, lasti: u32) -> Py<Traceback> {
        crate::object::core::alloc(
            &self.types.traceback,
            Traceback {
                next: PyCell::new(next),
                frame,
                lasti,
            },
        )
    }
}

fn fo<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<FrameObj>> {
    v.downcast::<FrameObj>()
        .ok_or_else(|| vm.new_type_error("expected frame"))
}

fn tb<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a Py<Traceback>> {
    v.downcast::<Traceback>()
        .ok_or_else(|| vm.new_type_error("expected traceback"))
}

fn frame_back(vm: &Vm, v: &Value) -> PyResult<Value> {
    let f = fo(vm, v)?;
    let cached = f.back.get();
    if !cached.is_null() {
        return Ok(cached);
    }
    let back = match f.live.get().and_then(|p| frame_ref(p).previous.get()) {
        Some(prev) => Value::from(vm.frame_object(prev)),
        None => Value::None,
    };
    Ok(back)
}

pub(crate) fn frame_locals(vm: &Vm, v: &Value) -> PyResult<Value> {
    let f = fo(vm, v)?;
    match f.live.get() {
        Some(p) => Ok(snapshot_locals(vm, frame_ref(p))),
        None => {
            let l = f.locals.get();
            Ok(if l.is_null() { vm.new_dict().into() } else { l })
        }
    }
}

/// Fills in the traceback and frame types.
pub(crate) fn init(vm: &Vm) {
    let t = &vm.types.traceback;
    vm.add_getset(
        t,
        "tb_next",
        |vm, v| Ok(tb(vm, v)?.next.get()),
        Some(|vm, v, new| {
            let t = tb(vm, v)?;
            let n = new.unwrap_or(Value::None);
            if !n.is_none() && n.downcast::<Traceback>().is_none() {
                return Err(vm.new_type_error("expected traceback object or None"));
            }
            drop(t.next.replace(n));
            Ok(())
        }),
    );
    vm.add_getset(
        t,
        "tb_frame",
        |vm, v| Ok(tb(vm, v)?.frame.clone().into()),
        None,
    );
    vm.add_getset(
        t,
        "tb_lineno",
        |vm, v| Ok(Value::Int(i64::from(tb(vm, v)?.lineno()))),
        None,
    );
    vm.add_getset(
        t,
        "tb_lasti",
        |vm, v| Ok(Value::Int(i64::from(tb(vm, v)?.lasti) * 2)),
        None,
    );
    let f = &vm.types.frame;
    vm.add_getset(
        f,
        "f_code",
        |vm, v| Ok(fo(vm, v)?.code.clone().into()),
        None,
    );
    vm.add_getset(
        f,
        "f_globals",
        |vm, v| Ok(fo(vm, v)?.globals.clone().into()),
        None,
    );
    vm.add_getset(
        f,
        "f_builtins",
        |vm, v| Ok(fo(vm, v)?.builtins.clone().into()),
        None,
    );
    vm.add_getset(
        f,
        "f_lineno",
        |vm, v| Ok(Value::Int(i64::from(fo(vm, v)?.lineno()))),
        None,
    );
    vm.add_getset(
        f,
        "f_lasti",
        |vm, v| Ok(Value::Int(i64::from(fo(vm, v)?.lasti.get()) * 2)),
        None,
    );
    vm.add_getset(f, "f_back", frame_back, None);
    vm.add_getset(f, "f_locals", frame_locals, None);
    f.slots.repr.set(Some(|vm, v| {
        let f = fo(vm, v)?;
        Ok(vm
            .new_str(&format!(
                "<frame at {:#x}, file '{}', line {}, code {}>",
                v.id(),
                f.code.filename.to_lossy(),
                f.lineno(),
                f.code.name.to_lossy()
            ))
            .into())
    }));
}
