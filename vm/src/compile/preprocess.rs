//! What CPython 3.14's `Python/ast_preprocess.c` does to the AST at `optimize=0`, done
//! lazily: constant folding moved to the flow graph in 3.14, so only a few rewrites remain
//! and codegen asks for them where they matter instead of rewriting the tree.
//!
//! - A load of `__debug__` is the constant `True` ([`is_debug`]).
//! - `'literal %s %r' % (a, b)` with only `%s`/`%r`/`%a` units becomes an f-string
//!   ([`percent_format`]).
//! - Negative numbers and complex literals in `case` patterns are folded
//!   (`codegen/pattern.rs`).
//!
//! Docstring detection and `inspect.cleandoc` (CPython's `_PyAST_GetDocString` and
//! `_PyCompile_CleanDoc`) live here too.

use arena::Arena;

use crate::ast::{Constant, Conversion, Expr, ExprContext, ExprKind, Span, Stmt, StmtKind};
use crate::text::Wtf8;
use crate::text::wtf8::Wtf8Buf;

/// The span of nodes CPython creates with no location (`-1` everywhere).
pub const SPAN_NONE: Span = Span {
    start: u32::MAX,
    end: u32::MAX,
};

/// The docstring of a body: its first statement when that is a string constant.
pub fn docstring<'a>(body: &[Stmt<'a>]) -> Option<&'a Wtf8> {
    match body.first()?.kind {
        StmtKind::Expr {
            value:
                Expr {
                    kind:
                        ExprKind::Constant {
                            value: Constant::Str(s),
                            ..
                        },
                    ..
                },
        } => Some(s),
        _ => None,
    }
}

/// A load of `__debug__`, which compiles to `True` (optimization level 0).
pub fn is_debug(e: &Expr<'_>) -> bool {
    matches!(
        e.kind,
        ExprKind::Name {
            id: "__debug__",
            ctx: ExprContext::Load
        }
    )
}

/// The constant an expression stands for after preprocessing, if it is one.
pub fn constant<'a>(e: &Expr<'a>) -> Option<Constant<'a>> {
    match e.kind {
        ExprKind::Constant { value, .. } => Some(value),
        _ if is_debug(e) => Some(Constant::Bool(true)),
        _ => None,
    }
}

/// `inspect.cleandoc` without dropping leading and trailing blank lines (so line numbers
/// stay right): tabs expanded, the first line's leading spaces removed, and the common
/// indentation of the other lines removed.
///
/// CPython encodes the docstring to UTF-8 first, so a lone surrogate in it raises
/// `UnicodeEncodeError`.
pub fn clean_doc(doc: &Wtf8) -> Result<Wtf8Buf, crate::parse::SyntaxError> {
    let expanded = expand_tabs(doc.as_bytes());
    check_encodable(&expanded)?;
    Ok(clean_expanded(expanded))
}

/// The strict UTF-8 encoder's error for the first run of surrogates, if any.
fn check_encodable(bytes: &[u8]) -> Result<(), crate::parse::SyntaxError> {
    // WTF-8 encodes a surrogate as 0xED followed by a byte of 0xA0 or more; only then are
    // code points counted, for the message.
    if !memchr::memchr_iter(0xED, bytes).any(|i| bytes.get(i + 1).is_some_and(|&b| b >= 0xA0)) {
        return Ok(());
    }
    let cps: Vec<u32> = Wtf8::from_bytes_unchecked(bytes).code_points().collect();
    let is_surrogate = |c: u32| (0xD800..=0xDFFF).contains(&c);
    let Some(start) = cps.iter().position(|&c| is_surrogate(c)) else {
        return Ok(());
    };
    let end = start
        + cps[start..]
            .iter()
            .take_while(|&&c| is_surrogate(c))
            .count();
    let msg = if end - start == 1 {
        format!(
            "'utf-8' codec can't encode character '\\u{:04x}' in position {start}: surrogates not allowed",
            cps[start]
        )
    } else {
        format!(
            "'utf-8' codec can't encode characters in position {start}-{}: surrogates not allowed",
            end - 1
        )
    };
    Err(crate::parse::SyntaxError::new(
        crate::parse::ErrorKind::UnicodeEncodeError,
        msg,
    ))
}

fn clean_expanded(expanded: Vec<u8>) -> Wtf8Buf {
    let b = &expanded[..];
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    // Where the line starting at `p` ends, its newline included.
    let line_end = |p: usize| memchr::memchr(b'\n', &b[p..]).map_or(b.len(), |nl| p + nl + 1);
    // The smallest indentation of the non-blank lines after the first.
    let mut p = line_end(0);
    let mut margin = usize::MAX;
    while p < b.len() {
        let s = p;
        while at(p) == b' ' {
            p += 1;
        }
        if p < b.len() && b[p] != b'\n' {
            margin = margin.min(p - s);
        }
        p = line_end(p.min(b.len()));
    }
    if margin == usize::MAX {
        margin = 0;
    }
    let mut p = 0;
    while at(p) == b' ' {
        p += 1;
    }
    if p == 0 && margin == 0 {
        return bytes_to_wtf8(expanded);
    }
    let mut out = Vec::with_capacity(b.len());
    // The first line, without its leading spaces; then each line without the margin.
    let end = line_end(p);
    out.extend_from_slice(&b[p..end]);
    p = end;
    while p < b.len() {
        let mut i = 0;
        while i < margin && at(p) == b' ' {
            p += 1;
            i += 1;
        }
        let end = line_end(p);
        out.extend_from_slice(&b[p..end]);
        p = end;
    }
    bytes_to_wtf8(out)
}

fn bytes_to_wtf8(bytes: Vec<u8>) -> Wtf8Buf {
    let mut buf = Wtf8Buf::with_capacity(bytes.len());
    buf.push_wtf8(Wtf8::from_bytes_unchecked(&bytes));
    buf
}

/// `str.expandtabs()` (tab size 8) over WTF-8 bytes; columns count code points.
fn expand_tabs(s: &[u8]) -> Vec<u8> {
    if !s.contains(&b'\t') {
        return s.to_vec();
    }
    let mut out = Vec::with_capacity(s.len() + 16);
    let mut col = 0usize;
    for &c in s {
        match c {
            b'\t' => {
                let n = 8 - col % 8;
                out.extend(std::iter::repeat_n(b' ', n));
                col += n;
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                // Continuation bytes do not start a code point.
                if c & 0xC0 != 0x80 {
                    col += 1;
                }
            }
        }
    }
    out
}

/// `'...%s...' % (a, b)` as the f-string CPython's preprocessor turns it into, when every
/// conversion is `%s`, `%r` or `%a` (optionally with a width up to 99 and a precision) and
/// the counts match. The new nodes are allocated in `arena`; the literal parts and format
/// specs carry no location, as in CPython.
pub fn percent_format<'a>(
    arena: &'a Arena,
    node: &Expr<'a>,
    fmt: &Wtf8,
    elts: &'a [Expr<'a>],
) -> Option<&'a Expr<'a>> {
    if elts
        .iter()
        .any(|e| matches!(e.kind, ExprKind::Starred { .. }))
    {
        return None;
    }
    let cps: Vec<u32> = fmt.code_points().collect();
    let mut pos = 0usize;
    let mut cnt = 0usize;
    let mut values: Vec<Expr<'a>> = Vec::with_capacity(elts.len() * 2 + 1);
    loop {
        if let Some(lit) = parse_literal(&cps, &mut pos) {
            let s: &'a Wtf8 = arena_wtf8(arena, &lit);
            values.push(Expr {
                kind: ExprKind::Constant {
                    value: Constant::Str(s),
                    kind_u: false,
                },
                span: SPAN_NONE,
            });
        }
        if pos >= cps.len() {
            break;
        }
        let arg = elts.get(cnt)?;
        pos += 1;
        cnt += 1;
        values.push(parse_format(arena, &cps, &mut pos, arg)?);
    }
    if cnt < elts.len() {
        return None;
    }
    let values = arena.alloc_slice_fill_iter(values);
    Some(arena.alloc(Expr {
        kind: ExprKind::JoinedStr { values },
        span: node.span,
    }))
}

fn arena_wtf8<'a>(arena: &'a Arena, buf: &Wtf8Buf) -> &'a Wtf8 {
    Wtf8::from_bytes_unchecked(arena.alloc_slice_copy(buf.as_bytes()))
}

fn parse_literal(cps: &[u32], pos: &mut usize) -> Option<Wtf8Buf> {
    let start = *pos;
    let mut p = start;
    let mut out = Wtf8Buf::new();
    while p < cps.len() {
        if cps[p] != u32::from(b'%') {
            out.push_code_point(cps[p]);
            p += 1;
        } else if p + 1 < cps.len() && cps[p + 1] == u32::from(b'%') {
            out.push_code_point(u32::from(b'%'));
            p += 2;
        } else {
            break;
        }
    }
    *pos = p;
    (p != start).then_some(out)
}

const MAXDIGITS: u32 = 3;

/// One `%` unit after the `%`: flags, width, precision and the conversion character
/// (CPython's `simple_format_arg_parse` + `parse_format`).
fn parse_format<'a>(
    arena: &'a Arena,
    cps: &[u32],
    pos: &mut usize,
    arg: &'a Expr<'a>,
) -> Option<Expr<'a>> {
    let mut p = *pos;
    let mut next = || -> Option<u32> {
        let c = *cps.get(p)?;
        p += 1;
        Some(c)
    };
    let mut ljust = false;
    let mut ch;
    loop {
        ch = next()?;
        match char::from_u32(ch) {
            Some('-') => ljust = true,
            Some('+' | ' ' | '#' | '0') => {}
            _ => break,
        }
    }
    let is_digit = |c: u32| (u32::from(b'0')..=u32::from(b'9')).contains(&c);
    let mut width: i32 = -1;
    let mut prec: i32 = -1;
    if is_digit(ch) {
        width = 0;
        let mut digits = 0;
        while is_digit(ch) {
            width = width * 10 + (ch - u32::from(b'0')) as i32;
            ch = next()?;
            digits += 1;
            if digits >= MAXDIGITS {
                return None;
            }
        }
    }
    if ch == u32::from(b'.') {
        ch = next()?;
        prec = 0;
        if is_digit(ch) {
            let mut digits = 0;
            while is_digit(ch) {
                prec = prec * 10 + (ch - u32::from(b'0')) as i32;
                ch = next()?;
                digits += 1;
                if digits >= MAXDIGITS {
                    return None;
                }
            }
        }
    }
    let conversion = match char::from_u32(ch) {
        Some('s') => Conversion::Str,
        Some('r') => Conversion::Repr,
        Some('a') => Conversion::Ascii,
        _ => return None,
    };
    *pos = p;
    let mut spec = String::new();
    if !ljust && width > 0 {
        spec.push('>');
    }
    if width >= 0 {
        spec.push_str(&width.to_string());
    }
    if prec >= 0 {
        spec.push('.');
        spec.push_str(&prec.to_string());
    }
    let format_spec = (!spec.is_empty()).then(|| {
        let s: &'a Wtf8 = Wtf8::from_str(arena.alloc_str(&spec));
        &*arena.alloc(Expr {
            kind: ExprKind::Constant {
                value: Constant::Str(s),
                kind_u: false,
            },
            span: SPAN_NONE,
        })
    });
    Some(Expr {
        kind: ExprKind::FormattedValue {
            value: arg,
            conversion,
            format_spec,
        },
        span: arg.span,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(s: &str) -> String {
        match clean_doc(Wtf8::from_str(s)) {
            Ok(d) => d.as_wtf8().as_str().unwrap_or("").to_string(),
            Err(e) => e.msg,
        }
    }

    #[test]
    fn cleandoc_matches_cpython() {
        // Expected values from CPython 3.14 (`f.__doc__` of functions with these docstrings).
        assert_eq!(clean("Hello"), "Hello");
        assert_eq!(
            clean("  Hello\n    world\n      more\n  "),
            "Hello\nworld\n  more\n"
        );
        assert_eq!(clean("x\n\ty"), "x\ny");
        assert_eq!(clean("   "), "");
        assert_eq!(clean("\n  a\n  b"), "\na\nb");
    }

    #[test]
    fn docstring_with_surrogates_cannot_be_cleaned() {
        let mut doc = Wtf8Buf::new();
        doc.push_str("\tab");
        doc.push_code_point(0xD800);
        doc.push_code_point(0xDC00);
        let err = clean_doc(&doc).expect_err("surrogates are not encodable");
        assert_eq!(err.kind, crate::parse::ErrorKind::UnicodeEncodeError);
        // Positions count after tab expansion (8 columns for the tab).
        assert_eq!(
            err.msg,
            "'utf-8' codec can't encode characters in position 10-11: surrogates not allowed"
        );
    }
}
