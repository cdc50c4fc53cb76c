//! Annotations back to source text, for `from __future__ import annotations` (CPython's
//! `Python/ast_unparse.c`, a limited unparser: its spacing, parenthesization and quoting
//! are what `__annotations__` strings contain).

use crate::ast::{
    Arg, Arguments, BoolOp, CmpOp, Comprehension, Constant, Conversion, Expr, ExprKind, Keyword,
    Operator, UnaryOp,
};
use crate::text::repr::{
    write_bigint_repr, write_bytes_repr, write_complex_repr, write_int_repr, write_str_repr,
};
use crate::text::wtf8::Wtf8Buf;
use crate::text::{Wtf8, float_repr::write_float_repr};

// Priority levels.
const PR_TUPLE: u8 = 0;
const PR_TEST: u8 = 1;
const PR_OR: u8 = 2;
const PR_AND: u8 = 3;
const PR_NOT: u8 = 4;
const PR_CMP: u8 = 5;
const PR_EXPR: u8 = 6;
const PR_BOR: u8 = PR_EXPR;
const PR_BXOR: u8 = 7;
const PR_BAND: u8 = 8;
const PR_SHIFT: u8 = 9;
const PR_ARITH: u8 = 10;
const PR_TERM: u8 = 11;
const PR_FACTOR: u8 = 12;
const PR_POWER: u8 = 13;
const PR_AWAIT: u8 = 14;
const PR_ATOM: u8 = 15;

/// The string an annotation compiles to under `from __future__ import annotations`.
pub(crate) fn unparse_annotation(e: &Expr<'_>) -> Wtf8Buf {
    let mut w = Wtf8Buf::new();
    expr(&mut w, e, PR_TEST);
    w
}

fn paren_if(w: &mut Wtf8Buf, cond: bool, s: &str) {
    if cond {
        w.push_str(s);
    }
}

fn expr(w: &mut Wtf8Buf, e: &Expr<'_>, level: u8) {
    stacker::maybe_grow(64 * 1024, 1024 * 1024, || expr_inner(w, e, level));
}

fn expr_inner(w: &mut Wtf8Buf, e: &Expr<'_>, level: u8) {
    match &e.kind {
        ExprKind::BoolOp { op, values } => {
            let (s, pr) = if *op == BoolOp::And {
                (" and ", PR_AND)
            } else {
                (" or ", PR_OR)
            };
            paren_if(w, level > pr, "(");
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    w.push_str(s);
                }
                expr(w, v, pr + 1);
            }
            paren_if(w, level > pr, ")");
        }
        ExprKind::BinOp { left, op, right } => {
            let (s, pr) = match op {
                Operator::Add => (" + ", PR_ARITH),
                Operator::Sub => (" - ", PR_ARITH),
                Operator::Mult => (" * ", PR_TERM),
                Operator::MatMult => (" @ ", PR_TERM),
                Operator::Div => (" / ", PR_TERM),
                Operator::Mod => (" % ", PR_TERM),
                Operator::LShift => (" << ", PR_SHIFT),
                Operator::RShift => (" >> ", PR_SHIFT),
                Operator::BitOr => (" | ", PR_BOR),
                Operator::BitXor => (" ^ ", PR_BXOR),
                Operator::BitAnd => (" & ", PR_BAND),
                Operator::FloorDiv => (" // ", PR_TERM),
                Operator::Pow => (" ** ", PR_POWER),
            };
            let rassoc = u8::from(*op == Operator::Pow);
            paren_if(w, level > pr, "(");
            expr(w, left, pr + rassoc);
            w.push_str(s);
            expr(w, right, pr + 1 - rassoc);
            paren_if(w, level > pr, ")");
        }
        ExprKind::UnaryOp { op, operand } => {
            let (s, pr) = match op {
                UnaryOp::Invert => ("~", PR_FACTOR),
                UnaryOp::Not => ("not ", PR_NOT),
                UnaryOp::UAdd => ("+", PR_FACTOR),
                UnaryOp::USub => ("-", PR_FACTOR),
            };
            paren_if(w, level > pr, "(");
            w.push_str(s);
            expr(w, operand, pr);
            paren_if(w, level > pr, ")");
        }
        ExprKind::Lambda { args, body } => {
            paren_if(w, level > PR_TEST, "(");
            let positional = args.args.len() + args.posonlyargs.len();
            w.push_str(if positional > 0 { "lambda " } else { "lambda" });
            arguments(w, args);
            w.push_str(": ");
            expr(w, body, PR_TEST);
            paren_if(w, level > PR_TEST, ")");
        }
        ExprKind::IfExp { test, body, orelse } => {
            paren_if(w, level > PR_TEST, "(");
            expr(w, body, PR_TEST + 1);
            w.push_str(" if ");
            expr(w, test, PR_TEST + 1);
            w.push_str(" else ");
            expr(w, orelse, PR_TEST);
            paren_if(w, level > PR_TEST, ")");
        }
        ExprKind::Dict { keys, values } => {
            w.push_str("{");
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    w.push_str(", ");
                }
                match keys.get(i).and_then(Option::as_ref) {
                    Some(k) => {
                        expr(w, k, PR_TEST);
                        w.push_str(": ");
                        expr(w, v, PR_TEST);
                    }
                    None => {
                        w.push_str("**");
                        expr(w, v, PR_EXPR);
                    }
                }
            }
            w.push_str("}");
        }
        ExprKind::Set { elts } => sequence(w, "{", elts, "}"),
        ExprKind::GeneratorExp { elt, generators } => {
            w.push_str("(");
            expr(w, elt, PR_TEST);
            comprehensions(w, generators);
            w.push_str(")");
        }
        ExprKind::ListComp { elt, generators } => {
            w.push_str("[");
            expr(w, elt, PR_TEST);
            comprehensions(w, generators);
            w.push_str("]");
        }
        ExprKind::SetComp { elt, generators } => {
            w.push_str("{");
            expr(w, elt, PR_TEST);
            comprehensions(w, generators);
            w.push_str("}");
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            w.push_str("{");
            expr(w, key, PR_TEST);
            w.push_str(": ");
            expr(w, value, PR_TEST);
            comprehensions(w, generators);
            w.push_str("}");
        }
        ExprKind::Yield { value } => match value {
            None => w.push_str("(yield)"),
            Some(v) => {
                w.push_str("(yield ");
                expr(w, v, PR_TEST);
                w.push_str(")");
            }
        },
        ExprKind::YieldFrom { value } => {
            w.push_str("(yield from ");
            expr(w, value, PR_TEST);
            w.push_str(")");
        }
        ExprKind::Await { value } => {
            paren_if(w, level > PR_AWAIT, "(");
            w.push_str("await ");
            expr(w, value, PR_ATOM);
            paren_if(w, level > PR_AWAIT, ")");
        }
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => {
            paren_if(w, level > PR_CMP, "(");
            expr(w, left, PR_CMP + 1);
            for (op, c) in ops.iter().zip(comparators.iter()) {
                w.push_str(match op {
                    CmpOp::Eq => " == ",
                    CmpOp::NotEq => " != ",
                    CmpOp::Lt => " < ",
                    CmpOp::LtE => " <= ",
                    CmpOp::Gt => " > ",
                    CmpOp::GtE => " >= ",
                    CmpOp::Is => " is ",
                    CmpOp::IsNot => " is not ",
                    CmpOp::In => " in ",
                    CmpOp::NotIn => " not in ",
                });
                expr(w, c, PR_CMP + 1);
            }
            paren_if(w, level > PR_CMP, ")");
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => call(w, func, args, keywords),
        ExprKind::Constant { value, kind_u } => {
            if let Constant::Ellipsis = value {
                w.push_str("...");
                return;
            }
            if *kind_u {
                w.push_str("u");
            }
            constant(w, value);
        }
        ExprKind::JoinedStr { values } => joined_str(w, values, false),
        ExprKind::TemplateStr { values } => {
            let body = ftstring_body(values, false);
            w.push_str("t");
            push_repr(w, &body);
        }
        ExprKind::FormattedValue {
            value,
            conversion,
            format_spec,
        } => {
            interpolation_value(w, value);
            replacement_tail(w, *conversion, *format_spec);
        }
        ExprKind::Interpolation {
            str,
            conversion,
            format_spec,
            ..
        } => {
            interpolation_str(w, str);
            replacement_tail(w, *conversion, *format_spec);
        }
        ExprKind::Attribute { value, attr, .. } => {
            expr(w, value, PR_ATOM);
            // Integers need a space before the attribute dot.
            let int = matches!(
                value.kind,
                ExprKind::Constant {
                    value: Constant::Int(_) | Constant::BigInt { .. },
                    ..
                }
            );
            w.push_str(if int { " ." } else { "." });
            w.push_str(attr);
        }
        ExprKind::Subscript { value, slice, .. } => {
            expr(w, value, PR_ATOM);
            w.push_str("[");
            expr(w, slice, PR_TUPLE);
            w.push_str("]");
        }
        ExprKind::Starred { value, .. } => {
            w.push_str("*");
            expr(w, value, PR_EXPR);
        }
        ExprKind::Slice { lower, upper, step } => {
            if let Some(l) = lower {
                expr(w, l, PR_TEST);
            }
            w.push_str(":");
            if let Some(u) = upper {
                expr(w, u, PR_TEST);
            }
            if let Some(s) = step {
                w.push_str(":");
                expr(w, s, PR_TEST);
            }
        }
        ExprKind::Name { id, .. } => w.push_str(id),
        ExprKind::List { elts, .. } => sequence(w, "[", elts, "]"),
        ExprKind::Tuple { elts, .. } => {
            if elts.is_empty() {
                w.push_str("()");
                return;
            }
            paren_if(w, level > PR_TUPLE, "(");
            for (i, x) in elts.iter().enumerate() {
                if i > 0 {
                    w.push_str(", ");
                }
                expr(w, x, PR_TEST);
            }
            paren_if(w, elts.len() == 1, ",");
            paren_if(w, level > PR_TUPLE, ")");
        }
        ExprKind::NamedExpr { target, value } => {
            paren_if(w, level > PR_TUPLE, "(");
            expr(w, target, PR_ATOM);
            w.push_str(" := ");
            expr(w, value, PR_ATOM);
            paren_if(w, level > PR_TUPLE, ")");
        }
    }
}

fn sequence(w: &mut Wtf8Buf, open: &str, elts: &[Expr<'_>], close: &str) {
    w.push_str(open);
    for (i, x) in elts.iter().enumerate() {
        if i > 0 {
            w.push_str(", ");
        }
        expr(w, x, PR_TEST);
    }
    w.push_str(close);
}

fn arg(w: &mut Wtf8Buf, a: &Arg<'_>) {
    w.push_str(a.arg);
    if let Some(ann) = a.annotation {
        w.push_str(": ");
        expr(w, ann, PR_TEST);
    }
}

fn arguments(w: &mut Wtf8Buf, args: &Arguments<'_>) {
    let mut first = true;
    let mut sep = |w: &mut Wtf8Buf| {
        if !first {
            w.push_str(", ");
        }
        first = false;
    };
    let (npos, nargs, ndef) = (args.posonlyargs.len(), args.args.len(), args.defaults.len());
    for i in 0..npos + nargs {
        sep(w);
        let a = if i < npos {
            &args.posonlyargs[i]
        } else {
            &args.args[i - npos]
        };
        arg(w, a);
        let di = i as isize - npos as isize - nargs as isize + ndef as isize;
        if di >= 0
            && let Some(d) = args.defaults.get(di as usize)
        {
            w.push_str("=");
            expr(w, d, PR_TEST);
        }
        if npos > 0 && i + 1 == npos {
            w.push_str(", /");
        }
    }
    if args.vararg.is_some() || !args.kwonlyargs.is_empty() {
        sep(w);
        w.push_str("*");
        if let Some(v) = args.vararg {
            arg(w, v);
        }
    }
    let (nkw, nkwdef) = (args.kwonlyargs.len(), args.kw_defaults.len());
    for (i, a) in args.kwonlyargs.iter().enumerate() {
        sep(w);
        arg(w, a);
        let di = i as isize - nkw as isize + nkwdef as isize;
        if di >= 0
            && let Some(Some(d)) = args.kw_defaults.get(di as usize)
        {
            w.push_str("=");
            expr(w, d, PR_TEST);
        }
    }
    if let Some(k) = args.kwarg {
        sep(w);
        w.push_str("**");
        arg(w, k);
    }
}

fn comprehensions(w: &mut Wtf8Buf, generators: &[Comprehension<'_>]) {
    for g in generators {
        w.push_str(if g.is_async { " async for " } else { " for " });
        expr(w, g.target, PR_TUPLE);
        w.push_str(" in ");
        expr(w, g.iter, PR_TEST + 1);
        for cond in g.ifs {
            w.push_str(" if ");
            expr(w, cond, PR_TEST + 1);
        }
    }
}

fn call(w: &mut Wtf8Buf, func: &Expr<'_>, args: &[Expr<'_>], keywords: &[Keyword<'_>]) {
    expr(w, func, PR_ATOM);
    if let ([single], []) = (args, keywords)
        && matches!(single.kind, ExprKind::GeneratorExp { .. })
    {
        // A lone generator expression supplies the parentheses.
        expr(w, single, PR_TEST);
        return;
    }
    w.push_str("(");
    let mut first = true;
    for a in args {
        if !first {
            w.push_str(", ");
        }
        first = false;
        expr(w, a, PR_TEST);
    }
    for k in keywords {
        if !first {
            w.push_str(", ");
        }
        first = false;
        match k.arg {
            None => w.push_str("**"),
            Some(name) => {
                w.push_str(name);
                w.push_str("=");
            }
        }
        expr(w, k.value, PR_TEST);
    }
    w.push_str(")");
}

/// `repr` of a constant; infinities are spelled `1e309` so the text evaluates back.
fn constant(w: &mut Wtf8Buf, c: &Constant<'_>) {
    let mut s = String::new();
    match c {
        Constant::None => s.push_str("None"),
        Constant::Bool(true) => s.push_str("True"),
        Constant::Bool(false) => s.push_str("False"),
        Constant::Ellipsis => s.push_str("Ellipsis"),
        Constant::Int(i) => write_int_repr(&mut s, *i),
        Constant::BigInt { negative, digits } => {
            if write_bigint_repr(&mut s, *negative, digits).is_err() {
                s.push_str("...");
            }
        }
        Constant::Float(f) => {
            write_float_repr(&mut s, *f);
            if f.is_infinite() {
                s = s.replace("inf", "1e309");
            }
        }
        Constant::Complex { real, imag } => {
            write_complex_repr(&mut s, *real, *imag);
            s = s.replace("inf", "1e309");
        }
        Constant::Str(text) => write_str_repr(&mut s, text),
        Constant::Bytes(b) => write_bytes_repr(&mut s, b),
        Constant::Tuple(items) => {
            w.push_str("(");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    w.push_str(", ");
                }
                constant(w, item);
            }
            paren_if(w, items.len() == 1, ",");
            w.push_str(")");
            return;
        }
        Constant::FrozenSet(_) => s.push_str("frozenset()"),
    }
    w.push_str(&s);
}

fn push_repr(w: &mut Wtf8Buf, body: &Wtf8) {
    let mut s = String::new();
    write_str_repr(&mut s, body);
    w.push_str(&s);
}

fn joined_str(w: &mut Wtf8Buf, values: &[Expr<'_>], is_format_spec: bool) {
    let body = ftstring_body(values, is_format_spec);
    if is_format_spec {
        w.push_wtf8(&body);
    } else {
        w.push_str("f");
        push_repr(w, &body);
    }
}

fn ftstring_body(values: &[Expr<'_>], is_format_spec: bool) -> Wtf8Buf {
    let mut body = Wtf8Buf::new();
    for v in values {
        fstring_element(&mut body, v, is_format_spec);
    }
    body
}

fn fstring_element(w: &mut Wtf8Buf, e: &Expr<'_>, is_format_spec: bool) {
    match &e.kind {
        ExprKind::Constant {
            value: Constant::Str(s),
            ..
        } => {
            // Literal text with its braces doubled.
            for cp in s.code_points() {
                match char::from_u32(cp) {
                    Some('{') => w.push_str("{{"),
                    Some('}') => w.push_str("}}"),
                    _ => w.push_code_point(cp),
                }
            }
        }
        ExprKind::JoinedStr { values } => joined_str(w, values, is_format_spec),
        _ => expr(w, e, PR_TEST),
    }
}

fn interpolation_str(w: &mut Wtf8Buf, text: &Wtf8) {
    // An expression starting with a brace is set off from the outer one.
    let starts_with_brace = text.as_bytes().first() == Some(&b'{');
    w.push_str(if starts_with_brace { "{ " } else { "{" });
    w.push_wtf8(text);
}

fn interpolation_value(w: &mut Wtf8Buf, value: &Expr<'_>) {
    let mut inner = Wtf8Buf::new();
    // Above PR_TEST so a lambda's colon gets parentheses.
    expr(&mut inner, value, PR_TEST + 1);
    interpolation_str(w, &inner);
}

fn replacement_tail(w: &mut Wtf8Buf, conversion: Conversion, format_spec: Option<&Expr<'_>>) {
    match conversion {
        Conversion::None => {}
        Conversion::Ascii => w.push_str("!a"),
        Conversion::Repr => w.push_str("!r"),
        Conversion::Str => w.push_str("!s"),
    }
    if let Some(spec) = format_spec {
        w.push_str(":");
        fstring_element(w, spec, true);
    }
    w.push_str("}");
}
