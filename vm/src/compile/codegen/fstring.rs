//! f-strings and t-strings (PEP 750): `FORMAT_SIMPLE`/`FORMAT_WITH_SPEC` and
//! `BUILD_STRING`, `BUILD_INTERPOLATION` and `BUILD_TEMPLATE`.

use super::{Compiler, NameOp, Res, STACK_USE_GUIDELINE};
use crate::ast::{Conversion, Expr, ExprKind};
use crate::compile::{Const, Location};
use crate::instr::Opcode;
use crate::text::Wtf8;

/// The `FVC_*` code of a conversion (`CONVERT_VALUE` oparg).
fn fvc(c: Conversion) -> Option<u32> {
    match c {
        Conversion::None => None,
        Conversion::Str => Some(1),
        Conversion::Repr => Some(2),
        Conversion::Ascii => Some(3),
    }
}

impl<'a> Compiler<'a, '_> {
    pub(crate) fn joined_str(&mut self, loc: Location, values: &'a [Expr<'a>]) -> Res {
        if values.len() > STACK_USE_GUIDELINE {
            // ''.join([...]) for very long f-strings.
            self.load_const(Const::str(""), loc);
            self.emit_attr_name(NameOp::LoadMethod, "join", loc);
            self.emit(Opcode::BUILD_LIST, 0, loc);
            for v in values {
                self.visit_expr(v)?;
                self.emit(Opcode::LIST_APPEND, 1, loc);
            }
            self.emit(Opcode::CALL, 1, loc);
            return Ok(());
        }
        for v in values {
            self.visit_expr(v)?;
        }
        match values.len() {
            0 => self.load_const(Const::str(""), loc),
            1 => {}
            n => self.emit(Opcode::BUILD_STRING, n as u32, loc),
        }
        Ok(())
    }

    pub(crate) fn formatted_value(
        &mut self,
        loc: Location,
        value: &'a Expr<'a>,
        conversion: Conversion,
        format_spec: Option<&'a Expr<'a>>,
    ) -> Res {
        self.visit_expr(value)?;
        if let Some(c) = fvc(conversion) {
            self.emit(Opcode::CONVERT_VALUE, c, loc);
        }
        match format_spec {
            Some(spec) => {
                self.visit_expr(spec)?;
                self.emit(Opcode::FORMAT_WITH_SPEC, 0, loc);
            }
            None => self.emit(Opcode::FORMAT_SIMPLE, 0, loc),
        }
        Ok(())
    }

    /// A t-string: the tuple of literal strings (one more than interpolations), the
    /// tuple of interpolations, then `BUILD_TEMPLATE`.
    pub(crate) fn template_str(&mut self, loc: Location, values: &'a [Expr<'a>]) -> Res {
        let mut last_was_interpolation = true;
        let mut strings = 0;
        for v in values {
            if matches!(v.kind, ExprKind::Interpolation { .. }) {
                if last_was_interpolation {
                    self.load_const(Const::str(""), loc);
                    strings += 1;
                }
                last_was_interpolation = true;
            } else {
                self.visit_expr(v)?;
                strings += 1;
                last_was_interpolation = false;
            }
        }
        if last_was_interpolation {
            self.load_const(Const::str(""), loc);
            strings += 1;
        }
        self.emit(Opcode::BUILD_TUPLE, strings, loc);
        let mut interpolations = 0;
        for v in values {
            if matches!(v.kind, ExprKind::Interpolation { .. }) {
                self.visit_expr(v)?;
                interpolations += 1;
            }
        }
        self.emit(Opcode::BUILD_TUPLE, interpolations, loc);
        self.emit(Opcode::BUILD_TEMPLATE, 0, loc);
        Ok(())
    }

    pub(crate) fn interpolation(
        &mut self,
        loc: Location,
        value: &'a Expr<'a>,
        text: &Wtf8,
        conversion: Conversion,
        format_spec: Option<&'a Expr<'a>>,
    ) -> Res {
        self.visit_expr(value)?;
        let mut buf = crate::text::wtf8::Wtf8Buf::with_capacity(text.len_bytes());
        buf.push_wtf8(text);
        self.load_const(Const::Str(std::rc::Rc::new(buf)), loc);
        let mut oparg = 2;
        if let Some(spec) = format_spec {
            oparg += 1;
            self.visit_expr(spec)?;
        }
        if let Some(c) = fvc(conversion) {
            oparg |= c << 2;
        }
        self.emit(Opcode::BUILD_INTERPOLATION, oparg, loc);
        Ok(())
    }
}
