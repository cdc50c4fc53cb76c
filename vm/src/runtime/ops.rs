//! The number and comparison protocols: binary and in-place operators with CPython's
//! reflected-operand rules and sequence fallbacks, unary operators, rich comparison, truth
//! testing, hashing, `repr`/`str`.

use crate::object::slots::{BinaryFn, Slots};
use crate::object::{CompareOp, Py, Type, Value};
use crate::types::int::{as_int, int_add, int_mul, int_sub};
use crate::types::str::Str;

use super::{PyResult, Vm};

/// A binary operator: CPython's `NB_*` numbering (the `BINARY_OP` oparg).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinOp {
    /// `+`
    Add = 0,
    /// `&`
    And = 1,
    /// `//`
    FloorDiv = 2,
    /// `<<`
    LShift = 3,
    /// `@`
    MatMul = 4,
    /// `*`
    Mul = 5,
    /// `%`
    Rem = 6,
    /// `|`
    Or = 7,
    /// `**`
    Pow = 8,
    /// `>>`
    RShift = 9,
    /// `-`
    Sub = 10,
    /// `/`
    TrueDiv = 11,
    /// `^`
    Xor = 12,
}

impl BinOp {
    /// Decodes `BINARY_OP`'s oparg: the operator and whether it is in-place; `None` for
    /// `NB_SUBSCR` (26) and invalid values.
    #[inline(always)]
    pub fn from_oparg(oparg: u32) -> Option<(BinOp, bool)> {
        let (nb, inplace) = if oparg >= 13 {
            (oparg - 13, true)
        } else {
            (oparg, false)
        };
        // A match from each number to the variant with that discriminant, not a table
        // load: LLVM folds it to a range check, so the eval loop's `BINARY_OP` fast path
        // dispatches on the oparg itself (a table load cost ~8% on the int kernel).
        let op = match nb {
            0 => BinOp::Add,
            1 => BinOp::And,
            2 => BinOp::FloorDiv,
            3 => BinOp::LShift,
            4 => BinOp::MatMul,
            5 => BinOp::Mul,
            6 => BinOp::Rem,
            7 => BinOp::Or,
            8 => BinOp::Pow,
            9 => BinOp::RShift,
            10 => BinOp::Sub,
            11 => BinOp::TrueDiv,
            12 => BinOp::Xor,
            _ => return None,
        };
        Some((op, inplace))
    }

    /// The operator's symbol.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::And => "&",
            BinOp::FloorDiv => "//",
            BinOp::LShift => "<<",
            BinOp::MatMul => "@",
            BinOp::Mul => "*",
            BinOp::Rem => "%",
            BinOp::Or => "|",
            BinOp::Pow => "**",
            BinOp::RShift => ">>",
            BinOp::Sub => "-",
            BinOp::TrueDiv => "/",
            BinOp::Xor => "^",
        }
    }

    pub(crate) fn slot(self, s: &Slots) -> Option<BinaryFn> {
        match self {
            BinOp::Add => s.add.get(),
            BinOp::And => s.and.get(),
            BinOp::FloorDiv => s.floordiv.get(),
            BinOp::LShift => s.lshift.get(),
            BinOp::MatMul => s.matmul.get(),
            BinOp::Mul => s.mul.get(),
            BinOp::Rem => s.rem.get(),
            BinOp::Or => s.or.get(),
            BinOp::Pow => None,
            BinOp::RShift => s.rshift.get(),
            BinOp::Sub => s.sub.get(),
            BinOp::TrueDiv => s.truediv.get(),
            BinOp::Xor => s.xor.get(),
        }
    }

    fn inplace_slot(self, s: &Slots) -> Option<BinaryFn> {
        match self {
            BinOp::Add => s.iadd.get(),
            BinOp::And => s.iand.get(),
            BinOp::FloorDiv => s.ifloordiv.get(),
            BinOp::LShift => s.ilshift.get(),
            BinOp::MatMul => s.imatmul.get(),
            BinOp::Mul => s.imul.get(),
            BinOp::Rem => s.irem.get(),
            BinOp::Or => s.ior.get(),
            BinOp::Pow => None,
            BinOp::RShift => s.irshift.get(),
            BinOp::Sub => s.isub.get(),
            BinOp::TrueDiv => s.itruediv.get(),
            BinOp::Xor => s.ixor.get(),
        }
    }
}

impl Vm {
    /// CPython's `binary_op1`: the operand slots in the right order, `NotImplemented` if
    /// neither applies.
    fn binary_op1(&self, v: &Value, w: &Value, op: BinOp) -> PyResult<Value> {
        let tv = v.class(self);
        let tw = w.class(self);
        let slotv = op.slot(&tv.slots);
        let mut slotw = if tv.is(tw) { None } else { op.slot(&tw.slots) };
        if let (Some(a), Some(b)) = (slotv, slotw)
            && std::ptr::fn_addr_eq(a, b)
        {
            slotw = None;
        }
        if let Some(sv) = slotv {
            if let Some(sw) = slotw
                && tw.is_subtype(tv)
            {
                let x = sw(self, v, w)?;
                if !self.is_not_implemented(&x) {
                    return Ok(x);
                }
                slotw = None;
            }
            let x = sv(self, v, w)?;
            if !self.is_not_implemented(&x) {
                return Ok(x);
            }
        }
        if let Some(sw) = slotw {
            let x = sw(self, v, w)?;
            if !self.is_not_implemented(&x) {
                return Ok(x);
            }
        }
        Ok(self.not_implemented())
    }

    fn pow_op1(&self, v: &Value, w: &Value, m: &Value) -> PyResult<Value> {
        let tv = v.class(self);
        let tw = w.class(self);
        let slotv = tv.slots.pow.get();
        let mut slotw = if tv.is(tw) { None } else { tw.slots.pow.get() };
        if let (Some(a), Some(b)) = (slotv, slotw)
            && std::ptr::fn_addr_eq(a, b)
        {
            slotw = None;
        }
        if let Some(sv) = slotv {
            if let Some(sw) = slotw
                && tw.is_subtype(tv)
            {
                let x = sw(self, v, w, m)?;
                if !self.is_not_implemented(&x) {
                    return Ok(x);
                }
                slotw = None;
            }
            let x = sv(self, v, w, m)?;
            if !self.is_not_implemented(&x) {
                return Ok(x);
            }
        }
        if let Some(sw) = slotw {
            let x = sw(self, v, w, m)?;
            if !self.is_not_implemented(&x) {
                return Ok(x);
            }
        }
        Ok(self.not_implemented())
    }

    /// `v OP w`.
    #[inline]
    pub fn binary_op(&self, v: &Value, w: &Value, op: BinOp) -> PyResult<Value> {
        if let Some(r) = super::scalar_ops::binary(v, w, op) {
            return Ok(r);
        }
        self.binary_op_slow(v, w, op)
    }

    #[inline(never)]
    fn binary_op_slow(&self, v: &Value, w: &Value, op: BinOp) -> PyResult<Value> {
        if op == BinOp::Pow {
            let x = self.pow_op1(v, w, &Value::None)?;
            if !self.is_not_implemented(&x) {
                return Ok(x);
            }
            return Err(self.new_unsupported_operands("** or pow()", v, w));
        }
        let x = self.binary_op1(v, w, op)?;
        if !self.is_not_implemented(&x) {
            return Ok(x);
        }
        if let Some(r) = self.sequence_fallback(v, w, op)? {
            return Ok(r);
        }
        Err(self.binary_error(v, w, op.symbol()))
    }

    /// The rest of `v OP w` once `v`'s Python `__op__`, run by the eval loop as a frame
    /// (`slot_dispatch::binary_dunder`), returned NotImplemented: `w`'s reflected method
    /// or native slot, the sequence fallbacks, then the TypeError (as `binary_op1` and
    /// `binary_op_slow` go on).
    #[cold]
    pub(crate) fn binary_op_after_left(&self, v: &Value, w: &Value, op: BinOp) -> PyResult<Value> {
        let (tv, tw) = (v.class(self), w.class(self));
        if !tv.is(tw)
            && let Some(sw) = op.slot(&tw.slots)
        {
            let x = match op.slot(&tv.slots) {
                Some(sv) if std::ptr::fn_addr_eq(sv, sw) => {
                    super::slot_dispatch::binary_reflected(self, v, w, op)?
                }
                _ => sw(self, v, w)?,
            };
            if !self.is_not_implemented(&x) {
                return Ok(x);
            }
        }
        if let Some(r) = self.sequence_fallback(v, w, op)? {
            return Ok(r);
        }
        Err(self.binary_error(v, w, op.symbol()))
    }

    fn sequence_fallback(&self, v: &Value, w: &Value, op: BinOp) -> PyResult<Option<Value>> {
        match op {
            BinOp::Add => match v.class(self).slots.concat.get() {
                Some(concat) => concat(self, v, w).map(Some),
                None => Ok(None),
            },
            BinOp::Mul => {
                if let Some(rep) = v.class(self).slots.repeat.get() {
                    return rep(self, v, w).map(Some);
                }
                if let Some(rep) = w.class(self).slots.repeat.get() {
                    return rep(self, w, v).map(Some);
                }
                Ok(None)
            }
            _ => Ok(None),
        }
    }

    #[cold]
    fn binary_error(&self, v: &Value, w: &Value, symbol: &str) -> super::PyErr {
        if symbol == ">>"
            && v.downcast::<crate::types::function::NativeFunction>()
                .is_some_and(|f| f.name == "print")
        {
            return self.new_type_error(format!(
                "unsupported operand type(s) for >>: 'builtin_function_or_method' and '{}'. \
                 Did you mean \"print(<message>, file=<output_stream>)\"?",
                self.type_name(w)
            ));
        }
        self.new_unsupported_operands(symbol, v, w)
    }

    /// `v OP= w`.
    pub fn inplace_op(&self, v: &Value, w: &Value, op: BinOp) -> PyResult<Value> {
        // Immediate numbers have no in-place slots: the binary operation is the answer.
        if let Some(r) = super::scalar_ops::binary(v, w, op) {
            return Ok(r);
        }
        self.inplace_op_slow(v, w, op)
    }

    #[inline(never)]
    fn inplace_op_slow(&self, v: &Value, w: &Value, op: BinOp) -> PyResult<Value> {
        if matches!(
            (v, w),
            (Value::Int(_), Value::Int(_)) | (Value::Float(_), Value::Float(_))
        ) {
            match self.binary_op_slow(v, w, op) {
                // An unsupported pair falls through for the `OP=` message.
                Err(e) if e.class().is(&self.exc.type_error) => {}
                r => return r,
            }
        }
        if op == BinOp::Pow {
            if let Some(ipow) = v.class(self).slots.ipow.get() {
                let x = ipow(self, v, w, &Value::None)?;
                if !self.is_not_implemented(&x) {
                    return Ok(x);
                }
            }
            let x = self.pow_op1(v, w, &Value::None)?;
            if !self.is_not_implemented(&x) {
                return Ok(x);
            }
            return Err(self.new_unsupported_operands("**=", v, w));
        }
        if let Some(islot) = op.inplace_slot(&v.class(self).slots) {
            let x = islot(self, v, w)?;
            if !self.is_not_implemented(&x) {
                return Ok(x);
            }
        }
        let x = self.binary_op1(v, w, op)?;
        if !self.is_not_implemented(&x) {
            return Ok(x);
        }
        if let Some(r) = self.sequence_fallback(v, w, op)? {
            return Ok(r);
        }
        Err(self.binary_error(v, w, &format!("{}=", op.symbol())))
    }

    /// `pow(v, w, m)`.
    pub fn pow3(&self, v: &Value, w: &Value, m: &Value) -> PyResult<Value> {
        if m.is_none() {
            return self.binary_op(v, w, BinOp::Pow);
        }
        let x = self.pow_op1(v, w, m)?;
        if !self.is_not_implemented(&x) {
            return Ok(x);
        }
        // Like CPython's ternary_op, the modulus's type gets the last say.
        let (tv, tw, tm) = (v.class(self), w.class(self), m.class(self));
        if let Some(sm) = tm.slots.pow.get()
            && !tm.is(tv)
            && !tm.is(tw)
            && ![tv.slots.pow.get(), tw.slots.pow.get()]
                .iter()
                .any(|s| s.is_some_and(|s| std::ptr::fn_addr_eq(s, sm)))
        {
            let x = sm(self, v, w, m)?;
            if !self.is_not_implemented(&x) {
                return Ok(x);
            }
        }
        Err(self.new_type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
            self.type_name(v),
            self.type_name(w),
            self.type_name(m)
        )))
    }

    /// `-v`.
    pub fn neg(&self, v: &Value) -> PyResult<Value> {
        if let Value::Int(i) = v
            && let Some(r) = i.checked_neg()
        {
            return Ok(Value::Int(r));
        }
        if let Value::Float(f) = v {
            return Ok(Value::Float(-f));
        }
        self.unary(v, v.class(self).slots.neg.get(), "unary -")
    }

    /// `+v`.
    pub fn pos(&self, v: &Value) -> PyResult<Value> {
        self.unary(v, v.class(self).slots.pos.get(), "unary +")
    }

    /// `~v`.
    pub fn invert(&self, v: &Value) -> PyResult<Value> {
        self.unary(v, v.class(self).slots.invert.get(), "unary ~")
    }

    /// `abs(v)`.
    pub fn abs(&self, v: &Value) -> PyResult<Value> {
        // Immediate ints (but `i64::MIN`, whose absolute value needs a big int) and floats
        // (never NaN, so neither is the result) without the slot's calls.
        match *v {
            Value::Int(i) if i != i64::MIN => return Ok(Value::Int(i.abs())),
            Value::Float(f) => return Ok(Value::Float(f.abs())),
            _ => {}
        }
        self.unary(v, v.class(self).slots.abs.get(), "abs()")
    }

    fn unary(
        &self,
        v: &Value,
        slot: Option<crate::object::slots::UnaryFn>,
        what: &str,
    ) -> PyResult<Value> {
        match slot {
            Some(f) => f(self, v),
            None => Err(self.new_type_error(format!(
                "bad operand type for {what}: '{}'",
                self.type_name(v)
            ))),
        }
    }

    /// Rich comparison, CPython's `do_richcompare` (reflected operand first when it is a
    /// proper subclass; identity fallback for `==`/`!=`).
    #[inline]
    pub fn rich_compare(&self, v: &Value, w: &Value, op: CompareOp) -> PyResult<Value> {
        if let Some(r) = super::scalar_ops::compare(v, w, op) {
            return Ok(Value::Bool(r));
        }
        self.rich_compare_outer(v, w, op)
    }

    #[inline(never)]
    fn rich_compare_outer(&self, v: &Value, w: &Value, op: CompareOp) -> PyResult<Value> {
        if let Some(r) = crate::types::set_type::compare_exact_native(self, v, w, op) {
            return Ok(Value::Bool(r));
        }
        self.with_native_recursion(" in comparison", || self.rich_compare_slow(v, w, op))
    }

    fn rich_compare_slow(&self, v: &Value, w: &Value, op: CompareOp) -> PyResult<Value> {
        let tv = v.class(self).clone();
        let tw = w.class(self).clone();
        let mut checked_reverse = false;
        if !tv.is(&tw)
            && tw.is_subtype(&tv)
            && let Some(f) = tw.slots.richcompare.get()
        {
            checked_reverse = true;
            let r = f(self, w, v, op.swapped())?;
            if !self.is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if let Some(f) = tv.slots.richcompare.get() {
            let r = f(self, v, w, op)?;
            if !self.is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if !checked_reverse && let Some(f) = tw.slots.richcompare.get() {
            let r = f(self, w, v, op.swapped())?;
            if !self.is_not_implemented(&r) {
                return Ok(r);
            }
        }
        self.compare_fallback(v, w, op)
    }

    /// The rest of `v OP w` once `v`'s Python comparison dunder, run by the eval loop as a
    /// frame (`slot_dispatch::compare_dunder`, which only applies when `w`'s reflected
    /// method did not go first), returned NotImplemented: `w`'s reflected slot, then
    /// identity for `==`/`!=` or the TypeError (as `rich_compare_slow` goes on).
    #[cold]
    pub(crate) fn rich_compare_after_left(
        &self,
        v: &Value,
        w: &Value,
        op: CompareOp,
    ) -> PyResult<Value> {
        if let Some(f) = w.class(self).slots.richcompare.get() {
            let r = f(self, w, v, op.swapped())?;
            if !self.is_not_implemented(&r) {
                return Ok(r);
            }
        }
        self.compare_fallback(v, w, op)
    }

    /// Neither operand's comparison answered: identity for `==`/`!=`, else TypeError.
    fn compare_fallback(&self, v: &Value, w: &Value, op: CompareOp) -> PyResult<Value> {
        match op {
            CompareOp::Eq => Ok(Value::Bool(v.is(w))),
            CompareOp::Ne => Ok(Value::Bool(!v.is(w))),
            _ => Err(self.new_type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                v.class(self).name(),
                w.class(self).name()
            ))),
        }
    }

    /// `v == w` as a bool (identity implies equality, as in CPython's containers).
    #[inline]
    pub fn eq_bool(&self, v: &Value, w: &Value) -> PyResult<bool> {
        if v.is(w) {
            return Ok(true);
        }
        if let (Value::Obj(a), Value::Obj(b)) = (v, w)
            && let (Some(x), Some(y)) = (a.downcast::<Str>(), b.downcast::<Str>())
            && !a.ty().is_heap()
            && !b.ty().is_heap()
        {
            return Ok(x.as_bytes() == y.as_bytes());
        }
        let r = self.rich_compare(v, w, CompareOp::Eq)?;
        self.is_true(&r)
    }

    /// `v < w` as a bool.
    pub fn lt_bool(&self, v: &Value, w: &Value) -> PyResult<bool> {
        let r = self.rich_compare(v, w, CompareOp::Lt)?;
        self.is_true(&r)
    }

    /// Truth value (`bool(v)`).
    #[inline]
    pub fn is_true(&self, v: &Value) -> PyResult<bool> {
        match v {
            Value::Bool(b) => Ok(*b),
            Value::None | Value::Null => Ok(false),
            Value::Int(i) => Ok(*i != 0),
            Value::Float(f) => Ok(*f != 0.0),
            Value::Obj(o) => {
                let t = o.ty();
                if let Some(f) = t.slots.bool.get() {
                    return f(self, v);
                }
                if let Some(f) = t.slots.len.get() {
                    return Ok(f(self, v)? != 0);
                }
                Ok(true)
            }
        }
    }

    /// `not v`.
    pub fn not(&self, v: &Value) -> PyResult<bool> {
        Ok(!self.is_true(v)?)
    }

    /// `hash(v)`.
    #[inline]
    pub fn hash(&self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(super::hash::hash_i64(*i)),
            Value::Bool(b) => Ok(i64::from(*b)),
            Value::Float(f) => Ok(super::hash::hash_f64(*f, v.id() as usize)),
            Value::None | Value::Null => Ok(super::hash::NONE_HASH),
            Value::Obj(o) => {
                if let Some(s) = o.downcast::<Str>()
                    && !o.ty().is_heap()
                {
                    return Ok(s.hash());
                }
                match o.ty().slots.hash.get() {
                    Some(f) => f(self, v),
                    None => {
                        Err(self
                            .new_type_error(format!("unhashable type: '{}'", self.type_name(v))))
                    }
                }
            }
        }
    }

    /// `hash(key)` for a dict key: an exact TypeError becomes "cannot use 'T' as a dict key
    /// (original message)" (CPython 3.14's `dict_unhashable_type`).
    #[inline]
    pub fn hash_dict_key(&self, key: &Value) -> PyResult<i64> {
        self.hash(key)
            .map_err(|e| self.unhashable_in(e, key, "a dict key"))
    }

    /// `hash(key)` for a set element (see [`Vm::hash_dict_key`]).
    #[inline]
    pub fn hash_set_elem(&self, key: &Value) -> PyResult<i64> {
        self.hash(key)
            .map_err(|e| self.unhashable_in(e, key, "a set element"))
    }

    #[cold]
    pub(crate) fn unhashable_in(&self, e: super::PyErr, key: &Value, what: &str) -> super::PyErr {
        if !e.class().is(&self.exc.type_error) {
            return e;
        }
        let msg = self
            .str(&e.value())
            .map(|s| s.to_lossy().into_owned())
            .unwrap_or_default();
        self.new_type_error(format!(
            "cannot use '{}' as {what} ({msg})",
            self.type_name(key)
        ))
    }

    /// `repr(v)`.
    pub fn repr(&self, v: &Value) -> PyResult<Py<Str>> {
        let f = v.class(self).slots.repr.get();
        let r = self.with_native_recursion(" while getting the repr of an object", || match f {
            Some(f) => f(self, v),
            None => crate::types::object::object_repr(self, v),
        })?;
        r.into_downcast::<Str>().map_err(|r| {
            self.new_type_error(format!(
                "__repr__ returned non-string (type {})",
                self.type_name(&r)
            ))
        })
    }

    /// `str(v)`.
    pub fn str(&self, v: &Value) -> PyResult<Py<Str>> {
        if let Value::Obj(o) = v
            && o.ty().is(&self.types.str)
            && let Some(s) = o.downcast::<Str>()
        {
            return Ok(s.clone());
        }
        let f = v.class(self).slots.str.get();
        let r = match f {
            Some(f) => {
                self.with_native_recursion(" while getting the str of an object", || f(self, v))?
            }
            None => return self.repr(v),
        };
        r.into_downcast::<Str>().map_err(|r| {
            self.new_type_error(format!(
                "__str__ returned non-string (type {})",
                self.type_name(&r)
            ))
        })
    }

    /// `ascii(v)`.
    pub fn ascii(&self, v: &Value) -> PyResult<Py<Str>> {
        let r = self.repr(v)?;
        if r.is_ascii() {
            return Ok(r);
        }
        let mut out = String::with_capacity(r.as_bytes().len());
        for cp in r.code_points() {
            match cp {
                0..=0x7f => out.push(cp as u8 as char),
                0x80..=0xff => out.push_str(&format!("\\x{cp:02x}")),
                0x100..=0xffff => out.push_str(&format!("\\u{cp:04x}")),
                _ => out.push_str(&format!("\\U{cp:08x}")),
            }
        }
        Ok(self.new_str(&out))
    }

    /// Fast int arithmetic used by the interpreter's generic paths.
    pub fn add_ints(&self, a: &Value, b: &Value) -> Option<Value> {
        Some(int_add(self, as_int(a)?, as_int(b)?))
    }

    /// `a - b` for ints.
    pub fn sub_ints(&self, a: &Value, b: &Value) -> Option<Value> {
        Some(int_sub(self, as_int(a)?, as_int(b)?))
    }

    /// `a * b` for ints.
    pub fn mul_ints(&self, a: &Value, b: &Value) -> Option<Value> {
        Some(int_mul(self, as_int(a)?, as_int(b)?))
    }

    /// `isinstance(obj, cls)`.
    #[inline]
    pub fn isinstance(&self, obj: &Value, cls: &Value) -> PyResult<bool> {
        // The exact-class hit inline (`isinstance(x, C)` in a loop): the general check
        // below costs a call with a large prologue.
        if let Some(t) = cls.downcast::<Type>()
            && obj.class(self).is(t)
        {
            return Ok(true);
        }
        self.isinstance_general(obj, cls)
    }

    /// [`Vm::isinstance`] past the exact-class hit.
    #[inline(never)]
    fn isinstance_general(&self, obj: &Value, cls: &Value) -> PyResult<bool> {
        if let Some(t) = cls.downcast::<Type>()
            && cls.class(self).is(&self.types.type_)
        {
            let _ = t;
            return self.recursive_isinstance(obj, cls);
        }
        if let Some(tuple) = cls.downcast::<crate::types::tuple::Tuple>() {
            for item in tuple.as_slice() {
                if self
                    .with_native_recursion(" in __instancecheck__", || self.isinstance(obj, item))?
                {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if let Some(check) = self.type_lookup(cls.class(self), &self.names.__instancecheck__) {
            let r = self.with_native_recursion(" in __instancecheck__", || {
                let f = match check.class(self).slots.descr_get.get() {
                    Some(get) => get(self, &check, Some(cls), Some(&Value::from(cls.class(self))))?,
                    None => check.clone(),
                };
                self.call(&f, super::Args::positional(std::slice::from_ref(obj)))
            })?;
            return self.is_true(&r);
        }
        self.recursive_isinstance(obj, cls)
    }

    /// `isinstance` without `__instancecheck__`.
    pub fn recursive_isinstance(&self, obj: &Value, cls: &Value) -> PyResult<bool> {
        if let Some(t) = cls.downcast::<Type>() {
            if obj.class(self).is_subtype(t) {
                return Ok(true);
            }
            // An immediate's class (int, float, bool, None) keeps `object.__class__`.
            if !matches!(obj, Value::Obj(_)) || self.class_attr_is_type(obj) {
                return Ok(false);
            }
            if let Some(c) = self.getattr_opt(obj, &self.names.__class__)?
                && let Some(ct) = c.downcast::<Type>()
                && !ct.is(obj.class(self))
            {
                return Ok(ct.is_subtype(t));
            }
            return Ok(false);
        }
        if self.getattr_opt(cls, &self.names.__bases__)?.is_none() {
            return Err(self.new_type_error(
                "isinstance() arg 2 must be a type, a tuple of types, or a union",
            ));
        }
        match self.getattr_opt(obj, &self.names.__class__)? {
            Some(c) => self.abstract_issubclass(&c, cls),
            None => Ok(false),
        }
    }

    /// Whether `obj.__class__` is known to be `type(obj)` without asking: the type reads
    /// attributes generically and its `__class__` is `object`'s data descriptor, which
    /// wins over the instance dict and answers the type. A failed `isinstance` against a
    /// type then needs no attribute lookup (it was ~300 instructions of every
    /// `isinstance(x, tuple)` that answered False).
    fn class_attr_is_type(&self, obj: &Value) -> bool {
        let ty = obj.class(self);
        if !super::attr::uses_generic_getattr(ty) {
            return false;
        }
        let name = &self.names.__class__;
        match (
            self.type_lookup(ty, name),
            self.type_lookup(&self.types.object, name),
        ) {
            (Some(found), Some(base)) => found.is(&base),
            _ => false,
        }
    }

    /// `issubclass(derived, cls)`.
    pub fn issubclass(&self, derived: &Value, cls: &Value) -> PyResult<bool> {
        if let (Some(d), Some(c)) = (derived.downcast::<Type>(), cls.downcast::<Type>())
            && cls.class(self).is(&self.types.type_)
        {
            return Ok(d.is_subtype(c));
        }
        if let Some(tuple) = cls.downcast::<crate::types::tuple::Tuple>() {
            for item in tuple.as_slice() {
                if self.with_native_recursion(" in __subclasscheck__", || {
                    self.issubclass(derived, item)
                })? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if let Some(check) = self.type_lookup(cls.class(self), &self.names.__subclasscheck__) {
            let r = self.with_native_recursion(" in __subclasscheck__", || {
                let f = match check.class(self).slots.descr_get.get() {
                    Some(get) => get(self, &check, Some(cls), Some(&Value::from(cls.class(self))))?,
                    None => check.clone(),
                };
                self.call(&f, super::Args::positional(std::slice::from_ref(derived)))
            })?;
            return self.is_true(&r);
        }
        self.recursive_issubclass(derived, cls)
    }

    /// `issubclass` without `__subclasscheck__`.
    pub fn recursive_issubclass(&self, derived: &Value, cls: &Value) -> PyResult<bool> {
        if let (Some(d), Some(c)) = (derived.downcast::<Type>(), cls.downcast::<Type>()) {
            return Ok(d.is_subtype(c));
        }
        if self.getattr_opt(derived, &self.names.__bases__)?.is_none() {
            return Err(self.new_type_error("issubclass() arg 1 must be a class"));
        }
        if self.getattr_opt(cls, &self.names.__bases__)?.is_none() {
            return Err(self.new_type_error(
                "issubclass() arg 2 must be a class, a tuple of classes, or a union",
            ));
        }
        self.abstract_issubclass(derived, cls)
    }

    fn abstract_issubclass(&self, derived: &Value, cls: &Value) -> PyResult<bool> {
        let mut current = derived.clone();
        loop {
            if current.is(cls) {
                return Ok(true);
            }
            let Some(bases) = self.getattr_opt(&current, &self.names.__bases__)? else {
                return Ok(false);
            };
            let Some(t) = bases.downcast::<crate::types::tuple::Tuple>() else {
                return Ok(false);
            };
            match t.as_slice() {
                [] => return Ok(false),
                [single] => current = single.clone(),
                many => {
                    for b in many {
                        if self.with_native_recursion(" in __subclasscheck__", || {
                            self.abstract_issubclass(b, cls)
                        })? {
                            return Ok(true);
                        }
                    }
                    return Ok(false);
                }
            }
        }
    }
}
