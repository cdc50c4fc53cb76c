//! Expressions: the `codegen_visit_expr` dispatch, operators, comparisons and conditional
//! jumps, displays and unpacking, attributes, subscripts and slices.

use super::{Compiler, Ctx, NameOp, Res, STACK_USE_GUIDELINE};
use crate::ast::{BoolOp, CmpOp, Constant, Expr, ExprContext, ExprKind, Operator, UnaryOp};
use crate::compile::preprocess::{constant, is_debug, percent_format};
use crate::compile::{Const, Label, Location};
use crate::instr::Opcode;

pub(crate) use crate::instr::oparg::NB_SUBSCR;
/// `INTRINSIC_UNARY_POSITIVE`.
const INTRINSIC_UNARY_POSITIVE: u32 = 5;
/// `INTRINSIC_LIST_TO_TUPLE`.
pub(crate) const INTRINSIC_LIST_TO_TUPLE: u32 = 6;
/// `INTRINSIC_ASYNC_GEN_WRAP`.
const INTRINSIC_ASYNC_GEN_WRAP: u32 = 4;

/// The `BINARY_OP` oparg (`NB_*`) of an operator.
pub(crate) fn binop_arg(op: Operator, inplace: bool) -> u32 {
    let base = match op {
        Operator::Add => 0,
        Operator::BitAnd => 1,
        Operator::FloorDiv => 2,
        Operator::LShift => 3,
        Operator::MatMult => 4,
        Operator::Mult => 5,
        Operator::Mod => 6,
        Operator::BitOr => 7,
        Operator::Pow => 8,
        Operator::RShift => 9,
        Operator::Sub => 10,
        Operator::Div => 11,
        Operator::BitXor => 12,
    };
    if inplace { base + 13 } else { base }
}

/// A slice whose bounds are all constants (or absent): loaded as one slice constant.
pub(crate) fn is_constant_slice(s: &Expr<'_>) -> bool {
    match s.kind {
        ExprKind::Slice { lower, upper, step } => [lower, upper, step]
            .into_iter()
            .all(|p| p.is_none_or(|e| constant(e).is_some())),
        _ => false,
    }
}

/// How a display is built: the ops for `[...]`, `(...)` or `{...}`.
#[derive(Clone, Copy)]
pub(crate) struct Display {
    pub build: Opcode,
    pub add: Opcode,
    pub extend: Opcode,
    pub tuple: bool,
}

pub(crate) const LIST_DISPLAY: Display = Display {
    build: Opcode::BUILD_LIST,
    add: Opcode::LIST_APPEND,
    extend: Opcode::LIST_EXTEND,
    tuple: false,
};
pub(crate) const TUPLE_DISPLAY: Display = Display {
    build: Opcode::BUILD_LIST,
    add: Opcode::LIST_APPEND,
    extend: Opcode::LIST_EXTEND,
    tuple: true,
};
const SET_DISPLAY: Display = Display {
    build: Opcode::BUILD_SET,
    add: Opcode::SET_ADD,
    extend: Opcode::SET_UPDATE,
    tuple: false,
};

impl<'a> Compiler<'a, '_> {
    pub(crate) fn visit_expr(&mut self, e: &'a Expr<'a>) -> Res {
        self.guarded(|c| c.visit_expr_inner(e))
    }

    fn visit_expr_inner(&mut self, e: &'a Expr<'a>) -> Res {
        let loc = self.eloc(e);
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                self.visit_expr(value)?;
                self.emit(Opcode::COPY, 1, loc);
                self.visit_expr(target)?;
            }
            ExprKind::BoolOp { op, values } => self.boolop(loc, *op, values)?,
            ExprKind::BinOp { left, op, right } => {
                if *op == Operator::Mod
                    && let ExprKind::Constant {
                        value: Constant::Str(fmt),
                        ..
                    } = left.kind
                    && let ExprKind::Tuple { elts, .. } = right.kind
                    && let Some(joined) = percent_format(self.arena, e, fmt, elts)
                {
                    return self.visit_expr(joined);
                }
                self.visit_expr(left)?;
                self.visit_expr(right)?;
                self.emit(Opcode::BINARY_OP, binop_arg(*op, false), loc);
            }
            ExprKind::UnaryOp { op, operand } => {
                self.visit_expr(operand)?;
                match op {
                    UnaryOp::UAdd => {
                        self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_UNARY_POSITIVE, loc)
                    }
                    UnaryOp::Not => {
                        self.emit(Opcode::TO_BOOL, 0, loc);
                        self.emit(Opcode::UNARY_NOT, 0, loc);
                    }
                    UnaryOp::Invert => self.emit(Opcode::UNARY_INVERT, 0, loc),
                    UnaryOp::USub => self.emit(Opcode::UNARY_NEGATIVE, 0, loc),
                }
            }
            ExprKind::Lambda { args, body } => self.lambda(e, args, body)?,
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let next = self.new_label();
                self.jump_if(loc, test, next, false)?;
                self.visit_expr(body)?;
                self.emit_jump(Opcode::JUMP_NO_INTERRUPT, end, Location::NONE);
                self.use_label(next);
                self.visit_expr(orelse)?;
                self.use_label(end);
            }
            ExprKind::Dict { keys, values } => self.dict(loc, keys, values)?,
            ExprKind::Set { elts } => self.starunpack(loc, elts, None, 0, SET_DISPLAY)?,
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(
                    e,
                    super::comprehension::CompType::GenExp,
                    generators,
                    elt,
                    None,
                )?;
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(
                    e,
                    super::comprehension::CompType::List,
                    generators,
                    elt,
                    None,
                )?;
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(
                    e,
                    super::comprehension::CompType::Set,
                    generators,
                    elt,
                    None,
                )?;
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                self.comprehension(
                    e,
                    super::comprehension::CompType::Dict,
                    generators,
                    key,
                    Some(value),
                )?;
            }
            ExprKind::Yield { value } => {
                if !self.ste().is_function_like() {
                    return Err(self.error("'yield' outside function", loc));
                }
                match value {
                    Some(v) => self.visit_expr(v)?,
                    None => self.load_const(Const::None, loc),
                }
                self.emit_yield(loc);
            }
            ExprKind::YieldFrom { value } => {
                if !self.ste().is_function_like() {
                    return Err(self.error("'yield from' outside function", loc));
                }
                if self.u().scope_type == super::ScopeType::AsyncFunction {
                    return Err(self.error("'yield from' inside async function", loc));
                }
                self.visit_expr(value)?;
                self.emit(Opcode::GET_YIELD_FROM_ITER, 0, loc);
                self.load_const(Const::None, loc);
                self.yield_from(loc, false);
            }
            ExprKind::Await { value } => {
                self.visit_expr(value)?;
                self.emit(Opcode::GET_AWAITABLE, 0, loc);
                self.load_const(Const::None, loc);
                self.yield_from(loc, true);
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compare(loc, left, ops, comparators)?,
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(e, func, args, keywords)?,
            ExprKind::Constant { value, .. } => self.load_ast_const(value, loc),
            ExprKind::JoinedStr { values } => self.joined_str(loc, values)?,
            ExprKind::TemplateStr { values } => self.template_str(loc, values)?,
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.formatted_value(loc, value, *conversion, *format_spec)?;
            }
            ExprKind::Interpolation {
                value,
                str,
                conversion,
                format_spec,
            } => {
                self.interpolation(loc, value, str, *conversion, *format_spec)?;
            }
            ExprKind::Attribute { value, attr, ctx } => self.attribute(e, value, attr, *ctx)?,
            ExprKind::Subscript { value, slice, ctx } => self.subscript(loc, value, slice, *ctx)?,
            ExprKind::Starred { ctx, .. } => {
                let msg = if *ctx == ExprContext::Store {
                    "starred assignment target must be in a list or tuple"
                } else {
                    "can't use starred expression here"
                };
                return Err(self.error(msg, loc));
            }
            ExprKind::Slice { .. } => self.slice(e)?,
            ExprKind::Name { id, ctx } => {
                if is_debug(e) {
                    self.load_const(Const::Bool(true), loc);
                } else {
                    self.nameop(id, Ctx::from(*ctx), loc)?;
                }
            }
            ExprKind::List { elts, ctx } => match ctx {
                ExprContext::Store => self.assignment_unpack(loc, elts)?,
                ExprContext::Load => self.starunpack(loc, elts, None, 0, LIST_DISPLAY)?,
                ExprContext::Del => elts.iter().try_for_each(|x| self.visit_expr(x))?,
            },
            ExprKind::Tuple { elts, ctx } => match ctx {
                ExprContext::Store => self.assignment_unpack(loc, elts)?,
                ExprContext::Load => self.starunpack(loc, elts, None, 0, TUPLE_DISPLAY)?,
                ExprContext::Del => elts.iter().try_for_each(|x| self.visit_expr(x))?,
            },
        }
        Ok(())
    }

    /// `yield` (wrapped for async generators).
    pub(crate) fn emit_yield(&mut self, loc: Location) {
        let ste = self.ste();
        if ste.generator && ste.coroutine {
            self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_ASYNC_GEN_WRAP, loc);
        }
        self.emit(Opcode::YIELD_VALUE, 0, loc);
        self.emit(Opcode::RESUME, 1, loc);
    }

    fn boolop(&mut self, loc: Location, op: BoolOp, values: &'a [Expr<'a>]) -> Res {
        let jump = if op == BoolOp::And {
            Opcode::JUMP_IF_FALSE
        } else {
            Opcode::JUMP_IF_TRUE
        };
        let end = self.new_label();
        let Some((last, init)) = values.split_last() else {
            return Ok(());
        };
        for v in init {
            self.visit_expr(v)?;
            self.emit_jump(jump, end, loc);
            self.emit(Opcode::POP_TOP, 0, loc);
        }
        self.visit_expr(last)?;
        self.use_label(end);
        Ok(())
    }

    /// `COMPARE_OP`, `IS_OP` or `CONTAINS_OP` for one comparison.
    pub(crate) fn emit_compare(&mut self, loc: Location, op: CmpOp) {
        let (cmp, mask) = match op {
            CmpOp::Lt => (0, 2),
            CmpOp::LtE => (1, 2 | 8),
            CmpOp::Eq => (2, 8),
            CmpOp::NotEq => (3, 7),
            CmpOp::Gt => (4, 4),
            CmpOp::GtE => (5, 4 | 8),
            CmpOp::Is => return self.emit(Opcode::IS_OP, 0, loc),
            CmpOp::IsNot => return self.emit(Opcode::IS_OP, 1, loc),
            CmpOp::In => return self.emit(Opcode::CONTAINS_OP, 0, loc),
            CmpOp::NotIn => return self.emit(Opcode::CONTAINS_OP, 1, loc),
        };
        self.emit(Opcode::COMPARE_OP, (cmp << 5) | mask, loc);
    }

    fn compare(
        &mut self,
        loc: Location,
        left: &'a Expr<'a>,
        ops: &'a [CmpOp],
        comps: &'a [Expr<'a>],
    ) -> Res {
        self.visit_expr(left)?;
        let n = ops.len().min(comps.len());
        if n == 0 {
            return Ok(());
        }
        if n == 1 {
            self.visit_expr(&comps[0])?;
            self.emit_compare(loc, ops[0]);
            return Ok(());
        }
        let cleanup = self.new_label();
        for i in 0..n - 1 {
            self.visit_expr(&comps[i])?;
            self.emit(Opcode::SWAP, 2, loc);
            self.emit(Opcode::COPY, 2, loc);
            self.emit_compare(loc, ops[i]);
            self.emit(Opcode::COPY, 1, loc);
            self.emit(Opcode::TO_BOOL, 0, loc);
            self.emit_jump(Opcode::POP_JUMP_IF_FALSE, cleanup, loc);
            self.emit(Opcode::POP_TOP, 0, loc);
        }
        self.visit_expr(&comps[n - 1])?;
        self.emit_compare(loc, ops[n - 1]);
        let end = self.new_label();
        self.emit_jump(Opcode::JUMP_NO_INTERRUPT, end, Location::NONE);
        self.use_label(cleanup);
        self.emit(Opcode::SWAP, 2, loc);
        self.emit(Opcode::POP_TOP, 0, loc);
        self.use_label(end);
        Ok(())
    }

    /// Jumps to `next` when `e` is truthy (`cond`) or falsy (CPython's `codegen_jump_if`),
    /// short-circuiting through `not`, `and`/`or`, conditional expressions and chained
    /// comparisons.
    pub(crate) fn jump_if(
        &mut self,
        loc: Location,
        e: &'a Expr<'a>,
        next: Label,
        cond: bool,
    ) -> Res {
        self.guarded(|c| c.jump_if_inner(loc, e, next, cond))
    }

    fn jump_if_inner(&mut self, loc: Location, e: &'a Expr<'a>, next: Label, cond: bool) -> Res {
        match &e.kind {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => {
                return self.jump_if(loc, operand, next, !cond);
            }
            ExprKind::BoolOp { op, values } => {
                let Some((last, init)) = values.split_last() else {
                    return Ok(());
                };
                let cond2 = *op == BoolOp::Or;
                let next2 = if cond2 != cond {
                    self.new_label()
                } else {
                    next
                };
                for v in init {
                    self.jump_if(loc, v, next2, cond2)?;
                }
                self.jump_if(loc, last, next, cond)?;
                if next2 != next {
                    self.use_label(next2);
                }
                return Ok(());
            }
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_label();
                let next2 = self.new_label();
                self.jump_if(loc, test, next2, false)?;
                self.jump_if(loc, body, next, cond)?;
                self.emit_jump(Opcode::JUMP_NO_INTERRUPT, end, Location::NONE);
                self.use_label(next2);
                self.jump_if(loc, orelse, next, cond)?;
                self.use_label(end);
                return Ok(());
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } if ops.len() > 1 && comparators.len() == ops.len() => {
                let eloc = self.eloc(e);
                let n = ops.len() - 1;
                let cleanup = self.new_label();
                self.visit_expr(left)?;
                for i in 0..n {
                    self.visit_expr(&comparators[i])?;
                    self.emit(Opcode::SWAP, 2, eloc);
                    self.emit(Opcode::COPY, 2, eloc);
                    self.emit_compare(eloc, ops[i]);
                    self.emit(Opcode::TO_BOOL, 0, eloc);
                    self.emit_jump(Opcode::POP_JUMP_IF_FALSE, cleanup, eloc);
                }
                self.visit_expr(&comparators[n])?;
                self.emit_compare(eloc, ops[n]);
                self.emit(Opcode::TO_BOOL, 0, eloc);
                let jump = if cond {
                    Opcode::POP_JUMP_IF_TRUE
                } else {
                    Opcode::POP_JUMP_IF_FALSE
                };
                self.emit_jump(jump, next, eloc);
                let end = self.new_label();
                self.emit_jump(Opcode::JUMP_NO_INTERRUPT, end, Location::NONE);
                self.use_label(cleanup);
                self.emit(Opcode::POP_TOP, 0, eloc);
                if !cond {
                    self.emit_jump(Opcode::JUMP_NO_INTERRUPT, next, Location::NONE);
                }
                self.use_label(end);
                return Ok(());
            }
            _ => {}
        }
        self.visit_expr(e)?;
        let eloc = self.eloc(e);
        self.emit(Opcode::TO_BOOL, 0, eloc);
        let jump = if cond {
            Opcode::POP_JUMP_IF_TRUE
        } else {
            Opcode::POP_JUMP_IF_FALSE
        };
        self.emit_jump(jump, next, eloc);
        Ok(())
    }

    /// Builds a list, tuple or set display, or the positional arguments of a call
    /// (CPython's `starunpack_helper_impl`): directly when small and without `*`, else
    /// incrementally. `injected` is a name appended as a last element, `pushed` counts
    /// items already on the stack.
    pub(crate) fn starunpack(
        &mut self,
        loc: Location,
        elts: &'a [Expr<'a>],
        injected: Option<&'a str>,
        pushed: u32,
        d: Display,
    ) -> Res {
        let n = elts.len() as u32;
        let big = (n + pushed + u32::from(injected.is_some())) as usize > STACK_USE_GUIDELINE;
        let seen_star = elts
            .iter()
            .any(|x| matches!(x.kind, ExprKind::Starred { .. }));
        if !seen_star && !big {
            for x in elts {
                self.visit_expr(x)?;
            }
            let mut count = n;
            if let Some(name) = injected {
                self.nameop(name, Ctx::Load, loc)?;
                count += 1;
            }
            let op = if d.tuple {
                Opcode::BUILD_TUPLE
            } else {
                d.build
            };
            self.emit(op, count + pushed, loc);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(d.build, pushed, loc);
            built = true;
        }
        for (i, x) in elts.iter().enumerate() {
            if let ExprKind::Starred { value, .. } = x.kind {
                if !built {
                    self.emit(d.build, i as u32 + pushed, loc);
                    built = true;
                }
                self.visit_expr(value)?;
                self.emit(d.extend, 1, loc);
            } else {
                self.visit_expr(x)?;
                if built {
                    self.emit(d.add, 1, loc);
                }
            }
        }
        if let Some(name) = injected {
            self.nameop(name, Ctx::Load, loc)?;
            self.emit(d.add, 1, loc);
        }
        if d.tuple {
            self.emit(Opcode::CALL_INTRINSIC_1, INTRINSIC_LIST_TO_TUPLE, loc);
        }
        Ok(())
    }

    /// `UNPACK_SEQUENCE` / `UNPACK_EX` then the targets (CPython's `assignment_helper`).
    fn assignment_unpack(&mut self, loc: Location, elts: &'a [Expr<'a>]) -> Res {
        let n = elts.len();
        let mut seen_star = false;
        for (i, x) in elts.iter().enumerate() {
            if !matches!(x.kind, ExprKind::Starred { .. }) {
                continue;
            }
            if seen_star {
                return Err(self.error("multiple starred expressions in assignment", loc));
            }
            if i >= 1 << 8 || n - i > (i32::MAX >> 8) as usize {
                return Err(self.error("too many expressions in star-unpacking assignment", loc));
            }
            self.emit(Opcode::UNPACK_EX, (i + ((n - i - 1) << 8)) as u32, loc);
            seen_star = true;
        }
        if !seen_star {
            self.emit(Opcode::UNPACK_SEQUENCE, n as u32, loc);
        }
        for x in elts {
            match x.kind {
                ExprKind::Starred { value, .. } => self.visit_expr(value)?,
                _ => self.visit_expr(x)?,
            }
        }
        Ok(())
    }

    fn subdict(
        &mut self,
        loc: Location,
        keys: &'a [Option<Expr<'a>>],
        values: &'a [Expr<'a>],
        begin: usize,
        end: usize,
    ) -> Res {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if big {
            self.emit(Opcode::BUILD_MAP, 0, loc);
        }
        for (i, value) in values.iter().enumerate().take(end).skip(begin) {
            if let Some(Some(k)) = keys.get(i) {
                self.visit_expr(k)?;
            }
            self.visit_expr(value)?;
            if big {
                self.emit(Opcode::MAP_ADD, 1, loc);
            }
        }
        if !big {
            self.emit(Opcode::BUILD_MAP, n as u32, loc);
        }
        Ok(())
    }

    fn dict(&mut self, loc: Location, keys: &'a [Option<Expr<'a>>], values: &'a [Expr<'a>]) -> Res {
        let n = values.len();
        let mut have_dict = false;
        let mut elements = 0;
        for i in 0..n {
            let unpacking = keys.get(i).is_none_or(Option::is_none);
            if unpacking {
                if elements > 0 {
                    self.subdict(loc, keys, values, i - elements, i)?;
                    if have_dict {
                        self.emit(Opcode::DICT_UPDATE, 1, loc);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(Opcode::BUILD_MAP, 0, loc);
                    have_dict = true;
                }
                self.visit_expr(&values[i])?;
                self.emit(Opcode::DICT_UPDATE, 1, loc);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(loc, keys, values, i - elements, i + 1)?;
                if have_dict {
                    self.emit(Opcode::DICT_UPDATE, 1, loc);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(loc, keys, values, n - elements, n)?;
            if have_dict {
                self.emit(Opcode::DICT_UPDATE, 1, loc);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Opcode::BUILD_MAP, 0, loc);
        }
        Ok(())
    }

    /// The location of an attribute name: when the access spans lines, it starts at the
    /// attribute (CPython's `update_start_location_to_match_attr`).
    pub(crate) fn attr_loc(&self, mut loc: Location, attr_expr: &Expr<'_>) -> Location {
        let ExprKind::Attribute { attr, .. } = attr_expr.kind else {
            return loc;
        };
        let a = self.eloc(attr_expr);
        if loc.lineno != a.end_lineno {
            loc.lineno = a.end_lineno;
            let len = attr.chars().count() as i32;
            if len <= a.end_col_offset {
                loc.col_offset = a.end_col_offset - len;
            } else {
                loc.col_offset = -1;
                loc.end_col_offset = -1;
            }
            loc.end_lineno = loc.lineno.max(loc.end_lineno);
            if loc.lineno == loc.end_lineno {
                loc.end_col_offset = loc.col_offset.max(loc.end_col_offset);
            }
        }
        loc
    }

    fn attribute(
        &mut self,
        e: &'a Expr<'a>,
        value: &'a Expr<'a>,
        attr: &'a str,
        ctx: ExprContext,
    ) -> Res {
        let loc = self.eloc(e);
        if ctx == ExprContext::Load
            && let Some(nargs) = self.can_optimize_super_call(e)
        {
            self.load_args_for_super(value)?;
            let op = if nargs > 0 {
                NameOp::LoadSuperAttr
            } else {
                NameOp::LoadZeroSuperAttr
            };
            self.emit_attr_name(op, attr, loc);
            let aloc = self.attr_loc(loc, e);
            self.emit(Opcode::NOP, 0, aloc);
            return Ok(());
        }
        self.maybe_add_static_attribute(e);
        self.visit_expr(value)?;
        let aloc = self.attr_loc(loc, e);
        let op = match ctx {
            ExprContext::Load => NameOp::LoadAttr,
            ExprContext::Store => NameOp::Plain(Opcode::STORE_ATTR),
            ExprContext::Del => NameOp::Plain(Opcode::DELETE_ATTR),
        };
        self.emit_attr_name(op, attr, aloc);
        Ok(())
    }

    /// Records `self.X = ...` in the enclosing class's `__static_attributes__`.
    fn maybe_add_static_attribute(&mut self, e: &'a Expr<'a>) {
        let ExprKind::Attribute {
            value,
            attr,
            ctx: ExprContext::Store,
        } = e.kind
        else {
            return;
        };
        if !matches!(value.kind, ExprKind::Name { id: "self", .. }) {
            return;
        }
        if let Some(u) = self
            .units
            .iter_mut()
            .rev()
            .find(|u| u.scope_type == super::ScopeType::Class)
            && let Some(set) = &mut u.static_attributes
        {
            set.insert(attr);
        }
    }

    fn subscript(
        &mut self,
        loc: Location,
        value: &'a Expr<'a>,
        slice: &'a Expr<'a>,
        ctx: ExprContext,
    ) -> Res {
        self.visit_expr(value)?;
        if super::stmt::two_element_slice(slice) && ctx != ExprContext::Del {
            self.slice_two_parts(slice)?;
            let op = if ctx == ExprContext::Load {
                Opcode::BINARY_SLICE
            } else {
                Opcode::STORE_SLICE
            };
            self.emit(op, 0, loc);
        } else {
            self.visit_expr(slice)?;
            match ctx {
                ExprContext::Load => self.emit(Opcode::BINARY_OP, NB_SUBSCR, loc),
                ExprContext::Store => self.emit(Opcode::STORE_SUBSCR, 0, loc),
                ExprContext::Del => self.emit(Opcode::DELETE_SUBSCR, 0, loc),
            }
        }
        Ok(())
    }

    /// Start and stop of a slice (`None` when absent).
    pub(crate) fn slice_two_parts(&mut self, s: &'a Expr<'a>) -> Res {
        let ExprKind::Slice { lower, upper, .. } = s.kind else {
            return Ok(());
        };
        let loc = self.eloc(s);
        for part in [lower, upper] {
            match part {
                Some(p) => self.visit_expr(p)?,
                None => self.load_const(Const::None, loc),
            }
        }
        Ok(())
    }

    fn slice(&mut self, s: &'a Expr<'a>) -> Res {
        let ExprKind::Slice { lower, upper, step } = s.kind else {
            return Ok(());
        };
        let loc = self.eloc(s);
        if is_constant_slice(s) {
            let part = |p: Option<&Expr<'_>>| match p.and_then(constant) {
                Some(c) => super::const_from_ast(&c),
                None => Const::None,
            };
            let value = Const::Slice(std::rc::Rc::new([part(lower), part(upper), part(step)]));
            self.load_const(value, loc);
            return Ok(());
        }
        self.slice_two_parts(s)?;
        let mut n = 2;
        if let Some(st) = step {
            n += 1;
            self.visit_expr(st)?;
        }
        self.emit(Opcode::BUILD_SLICE, n, loc);
        Ok(())
    }
}
