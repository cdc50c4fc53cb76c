//! `match` statements (PEP 634): each pattern consumes the subject on top of the stack
//! and jumps to a "fail pop" block that pops whatever it left on failure; captured names
//! are kept on the stack under the working items and stored only when the whole pattern
//! matched (CPython's `codegen_pattern_*`).

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::{Compiler, Ctx, Res};
use crate::ast::{CmpOp, Expr, ExprKind, MatchCase, Operator, Pattern, PatternKind, UnaryOp};
use crate::compile::{Const, Label, Location};
use crate::instr::Opcode;

/// CPython's `pattern_context`.
struct PatternContext<'a> {
    /// Names captured so far, in stack order.
    stores: Vec<&'a str>,
    /// Whether an irrefutable pattern is acceptable here.
    allow_irrefutable: bool,
    /// `fail_pop[i]` pops `i` items, then falls through to `fail_pop[i - 1]`.
    fail_pop: Vec<Label>,
    /// Items on top of the stack that must stay there (captures go beneath them).
    on_top: usize,
}

fn is_wildcard(p: &Pattern<'_>) -> bool {
    matches!(p.kind, PatternKind::MatchAs { name: None, .. })
}

fn is_wildcard_star(p: &Pattern<'_>) -> bool {
    matches!(p.kind, PatternKind::MatchStar { name: None })
}

impl<'a> Compiler<'a, '_> {
    pub(crate) fn match_stmt(&mut self, subject: &'a Expr<'a>, cases: &'a [MatchCase<'a>]) -> Res {
        self.visit_expr(subject)?;
        let end = self.new_label();
        let Some(last) = cases.last() else {
            return Ok(());
        };
        let n = cases.len();
        let has_default = is_wildcard(last.pattern) && n > 1;
        let checked = n - usize::from(has_default);
        for (i, m) in cases[..checked].iter().enumerate() {
            let ploc = self.span(m.pattern.span);
            // Keep a copy of the subject unless this is the last case.
            if i + 1 != checked {
                self.emit(Opcode::COPY, 1, ploc);
            }
            let mut pc = PatternContext {
                stores: Vec::new(),
                allow_irrefutable: m.guard.is_some() || i + 1 == n,
                fail_pop: Vec::new(),
                on_top: 0,
            };
            self.pattern(m.pattern, &mut pc)?;
            for name in pc.stores.clone() {
                self.nameop(name, Ctx::Store, ploc)?;
            }
            if let Some(guard) = m.guard {
                self.ensure_fail_pop(&mut pc, 0);
                self.jump_if(ploc, guard, pc.fail_pop[0], false)?;
            }
            if i + 1 != checked {
                self.emit(Opcode::POP_TOP, 0, Location::NEXT);
            }
            self.stmts(m.body)?;
            self.emit_jump(Opcode::JUMP, end, Location::NONE);
            // A failed match reports the pattern's line, not the body's last one.
            self.emit_and_reset_fail_pop(ploc, &mut pc);
        }
        if has_default {
            let ploc = self.span(last.pattern.span);
            if n == 1 {
                self.emit(Opcode::POP_TOP, 0, ploc);
            } else {
                self.emit(Opcode::NOP, 0, ploc);
            }
            if let Some(guard) = last.guard {
                self.jump_if(ploc, guard, end, false)?;
            }
            self.stmts(last.body)?;
        }
        self.use_label(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternContext<'a>, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
    }

    fn jump_to_fail_pop(&mut self, loc: Location, pc: &mut PatternContext<'a>, op: Opcode) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.emit_jump(op, pc.fail_pop[pops], loc);
    }

    fn emit_and_reset_fail_pop(&mut self, loc: Location, pc: &mut PatternContext<'a>) {
        let labels = std::mem::take(&mut pc.fail_pop);
        let Some((&first, rest)) = labels.split_first() else {
            return;
        };
        for &l in rest.iter().rev() {
            self.use_label(l);
            self.emit(Opcode::POP_TOP, 0, loc);
        }
        self.use_label(first);
    }

    /// Moves the top of the stack `count - 1` places down (3.10's `ROT_N`).
    fn rotate(&mut self, loc: Location, mut count: usize) {
        while count > 1 {
            self.emit(Opcode::SWAP, count as u32, loc);
            count -= 1;
        }
    }

    fn store_name(
        &mut self,
        loc: Location,
        name: Option<&'a str>,
        pc: &mut PatternContext<'a>,
    ) -> Res {
        let Some(name) = name else {
            self.emit(Opcode::POP_TOP, 0, loc);
            return Ok(());
        };
        if pc.stores.contains(&name) {
            return Err(self.duplicate_store(loc, name));
        }
        self.rotate(loc, pc.on_top + pc.stores.len() + 1);
        pc.stores.push(name);
        Ok(())
    }

    fn duplicate_store(&self, loc: Location, name: &str) -> crate::parse::SyntaxError {
        let msg = format!(
            "multiple assignments to name {} in pattern",
            crate::text::repr::str_repr(name)
        );
        self.error(msg, loc)
    }

    fn pattern(&mut self, p: &'a Pattern<'a>, pc: &mut PatternContext<'a>) -> Res {
        self.guarded(|c| c.pattern_inner(p, pc))
    }

    fn subpattern(&mut self, p: &'a Pattern<'a>, pc: &mut PatternContext<'a>) -> Res {
        let saved = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = saved;
        Ok(())
    }

    fn pattern_inner(&mut self, p: &'a Pattern<'a>, pc: &mut PatternContext<'a>) -> Res {
        let loc = self.span(p.span);
        match &p.kind {
            PatternKind::MatchValue { value } => {
                match fold_pattern_value(value) {
                    Some(folded) => self.load_const(folded, self.eloc(value)),
                    None if matches!(
                        value.kind,
                        ExprKind::Constant { .. } | ExprKind::Attribute { .. }
                    ) =>
                    {
                        self.visit_expr(value)?;
                    }
                    None => {
                        return Err(self.error(
                            "patterns may only match literals and attribute lookups",
                            loc,
                        ));
                    }
                }
                self.emit_compare(loc, CmpOp::Eq);
                self.emit(Opcode::TO_BOOL, 0, loc);
                self.jump_to_fail_pop(loc, pc, Opcode::POP_JUMP_IF_FALSE);
            }
            PatternKind::MatchSingleton { value } => {
                self.load_ast_const(value, loc);
                self.emit_compare(loc, CmpOp::Is);
                self.jump_to_fail_pop(loc, pc, Opcode::POP_JUMP_IF_FALSE);
            }
            PatternKind::MatchSequence { patterns } => self.pattern_sequence(loc, patterns, pc)?,
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                self.pattern_mapping(loc, keys, patterns, *rest, pc)?;
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                self.pattern_class(loc, cls, patterns, kwd_attrs, kwd_patterns, pc)?;
            }
            PatternKind::MatchStar { name } => self.store_name(loc, *name, pc)?,
            PatternKind::MatchAs { pattern, name } => match pattern {
                None => {
                    if !pc.allow_irrefutable {
                        let msg = match name {
                            Some(n) => format!(
                                "name capture {} makes remaining patterns unreachable",
                                crate::text::repr::str_repr(n)
                            ),
                            None => "wildcard makes remaining patterns unreachable".to_string(),
                        };
                        return Err(self.error(msg, loc));
                    }
                    self.store_name(loc, *name, pc)?;
                }
                Some(sub) => {
                    // A copy to store if the sub-pattern matches.
                    pc.on_top += 1;
                    self.emit(Opcode::COPY, 1, loc);
                    self.pattern(sub, pc)?;
                    pc.on_top -= 1;
                    self.store_name(loc, *name, pc)?;
                }
            },
            PatternKind::MatchOr { patterns } => self.pattern_or(loc, patterns, pc)?,
        }
        Ok(())
    }

    fn pattern_sequence(
        &mut self,
        loc: Location,
        patterns: &'a [Pattern<'a>],
        pc: &mut PatternContext<'a>,
    ) -> Res {
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, q) in patterns.iter().enumerate() {
            if matches!(q.kind, PatternKind::MatchStar { .. }) {
                if star.is_some() {
                    return Err(self.error("multiple starred names in sequence pattern", loc));
                }
                star_wildcard = is_wildcard_star(q);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(q);
        }
        pc.on_top += 1;
        self.emit(Opcode::MATCH_SEQUENCE, 0, loc);
        self.jump_to_fail_pop(loc, pc, Opcode::POP_JUMP_IF_FALSE);
        match star {
            None => {
                self.emit(Opcode::GET_LEN, 0, loc);
                self.load_const(Const::Int(size as i64), loc);
                self.emit_compare(loc, CmpOp::Eq);
                self.jump_to_fail_pop(loc, pc, Opcode::POP_JUMP_IF_FALSE);
            }
            Some(_) if size > 1 => {
                self.emit(Opcode::GET_LEN, 0, loc);
                self.load_const(Const::Int(size as i64 - 1), loc);
                self.emit_compare(loc, CmpOp::GtE);
                self.jump_to_fail_pop(loc, pc, Opcode::POP_JUMP_IF_FALSE);
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Opcode::POP_TOP, 0, loc);
        } else if star_wildcard {
            self.sequence_subscr(loc, patterns, star.unwrap_or(usize::MAX), pc)?;
        } else {
            self.sequence_unpack(loc, patterns, pc)?;
        }
        Ok(())
    }

    fn sequence_unpack(
        &mut self,
        loc: Location,
        patterns: &'a [Pattern<'a>],
        pc: &mut PatternContext<'a>,
    ) -> Res {
        let n = patterns.len();
        let mut seen_star = false;
        for (i, q) in patterns.iter().enumerate() {
            if !matches!(q.kind, PatternKind::MatchStar { .. }) {
                continue;
            }
            if seen_star {
                return Err(self.error("multiple starred expressions in sequence pattern", loc));
            }
            if i >= 1 << 8 || n - i > (i32::MAX >> 8) as usize {
                return Err(self.error(
                    "too many expressions in star-unpacking sequence pattern",
                    loc,
                ));
            }
            self.emit(Opcode::UNPACK_EX, (i + ((n - i - 1) << 8)) as u32, loc);
            seen_star = true;
        }
        if !seen_star {
            self.emit(Opcode::UNPACK_SEQUENCE, n as u32, loc);
        }
        pc.on_top += n;
        for q in patterns {
            pc.on_top -= 1;
            self.subpattern(q, pc)?;
        }
        Ok(())
    }

    /// `[first, *_, last]`-style patterns index the subject instead of unpacking it.
    fn sequence_subscr(
        &mut self,
        loc: Location,
        patterns: &'a [Pattern<'a>],
        star: usize,
        pc: &mut PatternContext<'a>,
    ) -> Res {
        pc.on_top += 1;
        let size = patterns.len();
        for (i, q) in patterns.iter().enumerate() {
            if is_wildcard(q) || i == star {
                continue;
            }
            self.emit(Opcode::COPY, 1, loc);
            if i < star {
                self.load_const(Const::Int(i as i64), loc);
            } else {
                // The subject may not support negative indexes.
                self.emit(Opcode::GET_LEN, 0, loc);
                self.load_const(Const::Int((size - i) as i64), loc);
                self.emit(
                    Opcode::BINARY_OP,
                    super::expr::binop_arg(Operator::Sub, false),
                    loc,
                );
            }
            self.emit(Opcode::BINARY_OP, super::expr::NB_SUBSCR, loc);
            self.subpattern(q, pc)?;
        }
        pc.on_top -= 1;
        self.emit(Opcode::POP_TOP, 0, loc);
        Ok(())
    }

    fn pattern_class(
        &mut self,
        loc: Location,
        cls: &'a Expr<'a>,
        patterns: &'a [Pattern<'a>],
        kwd_attrs: &'a [&'a str],
        kwd_patterns: &'a [Pattern<'a>],
        pc: &mut PatternContext<'a>,
    ) -> Res {
        let (nargs, nattrs) = (patterns.len(), kwd_attrs.len());
        if nattrs != kwd_patterns.len() {
            let msg = format!(
                "kwd_attrs ({nattrs}) / kwd_patterns ({}) length mismatch in class pattern",
                kwd_patterns.len()
            );
            return Err(self.error(msg, loc));
        }
        for (i, attr) in kwd_attrs.iter().enumerate() {
            if let Some(j) = kwd_attrs[i + 1..].iter().position(|o| o == attr) {
                let kloc = self.span(kwd_patterns[i + 1 + j].span);
                return Err(self.error(
                    format!("attribute name repeated in class pattern: {attr}"),
                    kloc,
                ));
            }
        }
        self.visit_expr(cls)?;
        let names: Vec<Const> = kwd_attrs.iter().map(|a| Const::str(a)).collect();
        self.load_const(Const::Tuple(names.into()), loc);
        self.emit(Opcode::MATCH_CLASS, nargs as u32, loc);
        self.emit(Opcode::COPY, 1, loc);
        self.load_const(Const::None, loc);
        self.emit(Opcode::IS_OP, 1, loc);
        // On top: a tuple of the nargs + nattrs attributes (or None).
        pc.on_top += 1;
        self.jump_to_fail_pop(loc, pc, Opcode::POP_JUMP_IF_FALSE);
        self.emit(Opcode::UNPACK_SEQUENCE, (nargs + nattrs) as u32, loc);
        pc.on_top = (pc.on_top + nargs + nattrs).saturating_sub(1);
        for q in patterns.iter().chain(kwd_patterns) {
            pc.on_top = pc.on_top.saturating_sub(1);
            if is_wildcard(q) {
                self.emit(Opcode::POP_TOP, 0, loc);
                continue;
            }
            self.subpattern(q, pc)?;
        }
        Ok(())
    }

    fn pattern_mapping(
        &mut self,
        loc: Location,
        keys: &'a [Expr<'a>],
        patterns: &'a [Pattern<'a>],
        rest: Option<&'a str>,
        pc: &mut PatternContext<'a>,
    ) -> Res {
        let size = keys.len();
        if size != patterns.len() {
            let msg = format!(
                "keys ({size}) / patterns ({}) length mismatch in mapping pattern",
                patterns.len()
            );
            return Err(self.error(msg, loc));
        }
        pc.on_top += 1;
        self.emit(Opcode::MATCH_MAPPING, 0, loc);
        self.jump_to_fail_pop(loc, pc, Opcode::POP_JUMP_IF_FALSE);
        if size == 0 && rest.is_none() {
            // `{}`: done, pop the subject.
            pc.on_top -= 1;
            self.emit(Opcode::POP_TOP, 0, loc);
            return Ok(());
        }
        if size > 0 {
            self.emit(Opcode::GET_LEN, 0, loc);
            self.load_const(Const::Int(size as i64), loc);
            self.emit_compare(loc, CmpOp::GtE);
            self.jump_to_fail_pop(loc, pc, Opcode::POP_JUMP_IF_FALSE);
        }
        let mut seen: Vec<Const> = Vec::new();
        for key in keys {
            match fold_pattern_value(key).or_else(|| match key.kind {
                ExprKind::Constant { value, .. } => Some(super::const_from_ast(&value)),
                _ => None,
            }) {
                Some(value) => {
                    if seen.iter().any(|s| py_key_eq(s, &value)) {
                        let msg = format!(
                            "mapping pattern checks duplicate key ({})",
                            crate::compile::dump::const_repr(&value)
                        );
                        return Err(self.error(msg, loc));
                    }
                    seen.push(value.clone());
                    self.load_const(value, self.eloc(key));
                }
                None if matches!(key.kind, ExprKind::Attribute { .. }) => self.visit_expr(key)?,
                None => {
                    let msg = "mapping pattern keys may only match literals and attribute lookups";
                    return Err(self.error(msg, loc));
                }
            }
        }
        self.emit(Opcode::BUILD_TUPLE, size as u32, loc);
        self.emit(Opcode::MATCH_KEYS, 0, loc);
        // The keys tuple and a tuple of values now sit on the subject.
        pc.on_top += 2;
        self.emit(Opcode::COPY, 1, loc);
        self.load_const(Const::None, loc);
        self.emit(Opcode::IS_OP, 1, loc);
        self.jump_to_fail_pop(loc, pc, Opcode::POP_JUMP_IF_FALSE);
        self.emit(Opcode::UNPACK_SEQUENCE, size as u32, loc);
        pc.on_top = (pc.on_top + size).saturating_sub(1);
        for q in patterns {
            pc.on_top = pc.on_top.saturating_sub(1);
            self.subpattern(q, pc)?;
        }
        pc.on_top = pc.on_top.saturating_sub(2);
        match rest {
            Some(star) => {
                // rest = dict(subject); del rest[key] for each key.
                self.emit(Opcode::BUILD_MAP, 0, loc);
                self.emit(Opcode::SWAP, 3, loc);
                self.emit(Opcode::DICT_UPDATE, 2, loc);
                self.emit(Opcode::UNPACK_SEQUENCE, size as u32, loc);
                let mut left = size;
                while left > 0 {
                    self.emit(Opcode::COPY, (1 + left) as u32, loc);
                    left -= 1;
                    self.emit(Opcode::SWAP, 2, loc);
                    self.emit(Opcode::DELETE_SUBSCR, 0, loc);
                }
                self.store_name(loc, Some(star), pc)?;
            }
            None => {
                self.emit(Opcode::POP_TOP, 0, loc); // the keys
                self.emit(Opcode::POP_TOP, 0, loc); // the subject
            }
        }
        Ok(())
    }

    fn pattern_or(
        &mut self,
        loc: Location,
        alts: &'a [Pattern<'a>],
        pc: &mut PatternContext<'a>,
    ) -> Res {
        let end = self.new_label();
        let n = alts.len();
        let old_stores = std::mem::take(&mut pc.stores);
        let old_allow = pc.allow_irrefutable;
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let mut control: Option<Vec<&'a str>> = None;
        let diff = |c: &Self| c.error("alternative patterns bind different names", loc);
        for (i, alt) in alts.iter().enumerate() {
            let aloc = self.span(alt.span);
            pc.stores = Vec::new();
            pc.allow_irrefutable = i + 1 == n && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Opcode::COPY, 1, aloc);
            self.pattern(alt, pc)?;
            let nstores = pc.stores.len();
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) if ctl.len() != nstores => return Err(diff(self)),
                Some(ctl) => {
                    // Reorder the captures on the stack to the first alternative's order.
                    for icontrol in (0..nstores).rev() {
                        let name = ctl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|&s| s == name) else {
                            return Err(diff(self));
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<&'a str> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            pc.stores.splice(at..at, rotated);
                            for _ in 0..rotations {
                                self.rotate(aloc, icontrol + 1);
                            }
                        }
                    }
                }
            }
            self.emit_jump(Opcode::JUMP, end, aloc);
            self.emit_and_reset_fail_pop(aloc, pc);
        }
        pc.stores = old_stores;
        pc.allow_irrefutable = old_allow;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        // No alternative matched: pop the copy of the subject and fail.
        self.emit(Opcode::POP_TOP, 0, loc);
        self.jump_to_fail_pop(loc, pc, Opcode::JUMP);
        self.use_label(end);
        let control = control.unwrap_or_default();
        let nrots = control.len() + 1 + pc.on_top + pc.stores.len();
        for &name in &control {
            self.rotate(loc, nrots);
            if pc.stores.contains(&name) {
                return Err(self.duplicate_store(loc, name));
            }
            pc.stores.push(name);
        }
        // Pop the copy of the subject.
        self.emit(Opcode::POP_TOP, 0, loc);
        Ok(())
    }
}

/// The constant a `case` value folds to (CPython's `fold_const_match_patterns`): negative
/// numbers and complex literals such as `-1` and `1+2j`. `None` when nothing folds.
fn fold_pattern_value(e: &Expr<'_>) -> Option<Const> {
    match e.kind {
        ExprKind::UnaryOp {
            op: UnaryOp::USub,
            operand,
        } => {
            let ExprKind::Constant { value, .. } = operand.kind else {
                return None;
            };
            negate(&super::const_from_ast(&value))
        }
        ExprKind::BinOp {
            left,
            op: op @ (Operator::Add | Operator::Sub),
            right,
        } => {
            let ExprKind::Constant { value: r, .. } = right.kind else {
                return None;
            };
            let l = match left.kind {
                ExprKind::Constant { value, .. } => super::const_from_ast(&value),
                _ => fold_pattern_value(left)?,
            };
            add_sub(&l, &super::const_from_ast(&r), op == Operator::Sub)
        }
        _ => None,
    }
}

fn negate(c: &Const) -> Option<Const> {
    Some(match c {
        Const::Int(i) => match i.checked_neg() {
            Some(n) => Const::Int(n),
            None => Const::int(-BigInt::from(*i)),
        },
        Const::BigInt(b) => Const::int(-(**b).clone()),
        Const::Bool(b) => Const::Int(-i64::from(*b)),
        Const::Float(f) => Const::Float(-f),
        Const::Complex { real, imag } => Const::Complex {
            real: -real,
            imag: -imag,
        },
        _ => return None,
    })
}

/// A number as complex parts, for `int/float + complex`.
fn as_complex(c: &Const) -> Option<(f64, f64)> {
    Some(match c {
        Const::Int(i) => (*i as f64, 0.0),
        Const::BigInt(b) => (b.to_f64().filter(|f| f.is_finite())?, 0.0),
        Const::Bool(b) => (f64::from(u8::from(*b)), 0.0),
        Const::Float(f) => (*f, 0.0),
        Const::Complex { real, imag } => (*real, *imag),
        _ => return None,
    })
}

/// `l + r` or `l - r` for numeric constants, with 3.14's mixed-mode complex rules (a real
/// operand has no imaginary part: `0 - 0j == complex(0.0, -0.0)`).
fn add_sub(l: &Const, r: &Const, sub: bool) -> Option<Const> {
    let op = |a: f64, b: f64| if sub { a - b } else { a + b };
    match (l, r) {
        (Const::Complex { real: a, imag: ai }, Const::Complex { real: b, imag: bi }) => {
            Some(Const::Complex {
                real: op(*a, *b),
                imag: op(*ai, *bi),
            })
        }
        (Const::Complex { real, imag }, _) => Some(Const::Complex {
            real: op(*real, as_complex(r)?.0),
            imag: *imag,
        }),
        (_, Const::Complex { real, imag }) => {
            let a = as_complex(l)?.0;
            Some(Const::Complex {
                real: op(a, *real),
                imag: if sub { -imag } else { *imag },
            })
        }
        (Const::Float(_), _) | (_, Const::Float(_)) => {
            let (a, b) = (as_complex(l)?.0, as_complex(r)?.0);
            Some(Const::Float(if sub { a - b } else { a + b }))
        }
        _ => {
            let big = |c: &Const| match c {
                Const::Int(i) => Some(BigInt::from(*i)),
                Const::BigInt(b) => Some((**b).clone()),
                Const::Bool(b) => Some(BigInt::from(u8::from(*b))),
                _ => None,
            };
            let (a, b) = (big(l)?, big(r)?);
            Some(Const::int(if sub { a - b } else { a + b }))
        }
    }
}

/// Python `==` between two constant mapping keys (`1 == 1.0 == True`, `0.0 == -0.0`).
fn py_key_eq(a: &Const, b: &Const) -> bool {
    match (a, b) {
        (Const::Str(x), Const::Str(y)) => x == y,
        (Const::Bytes(x), Const::Bytes(y)) => x == y,
        (Const::None, Const::None) | (Const::Ellipsis, Const::Ellipsis) => true,
        _ => match (as_complex(a), as_complex(b)) {
            (Some(x), Some(y)) => {
                if let (Some(p), Some(q)) = (exact_int(a), exact_int(b)) {
                    return p == q;
                }
                x == y
            }
            _ => a == b,
        },
    }
}

fn exact_int(c: &Const) -> Option<BigInt> {
    match c {
        Const::Int(i) => Some(BigInt::from(*i)),
        Const::BigInt(b) => Some((**b).clone()),
        Const::Bool(b) => Some(BigInt::from(u8::from(*b))),
        _ => None,
    }
}
