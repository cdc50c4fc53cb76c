//! Caret anchors for traceback lines (CPython 3.13+'s `~~~^^^`): for a binary operation,
//! a subscript or a call, the operator or the brackets get `^` and the operands `~`.
//! Computed from the AST of the failing expression's source segment, as CPython's
//! `traceback._extract_caret_anchors_from_line_segment` and
//! `StackSummary._should_show_carets` do. All offsets here are in characters.

use crate::ast::{Expr, ExprKind, Mod, StmtKind};
use crate::parse::keyword_typos::py_splitlines;
use crate::parse::{LineIndex, Mode};

/// Where the secondary (`^`) part of a highlighted range lies, relative to the segment
/// (`left_col`/`right_col` on line 0 do not include the segment's start offset).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Anchors {
    /// Segment line where the primary part ends.
    pub left_line: usize,
    /// Column (characters) where the primary part ends.
    pub left_col: usize,
    /// Segment line where the secondary part ends.
    pub right_line: usize,
    /// Column (characters, exclusive) where the secondary part ends.
    pub right_col: usize,
    /// Character for the primary part.
    pub primary: char,
    /// Character for the secondary part.
    pub secondary: char,
}

/// `_byte_offset_to_character_offset`: the number of characters in the first `byte` bytes
/// of `line` (a cut multi-byte sequence counts as one character, like `errors="replace"`).
pub fn byte_to_char(line: &str, byte: i64) -> usize {
    let b = (byte.max(0) as usize).min(line.len());
    String::from_utf8_lossy(&line.as_bytes()[..b])
        .chars()
        .count()
}

/// The segment's lines as character vectors, with the AST positions of the wrapped parse.
struct Seg<'s> {
    lines: Vec<Vec<char>>,
    text: &'s str,
    index: &'s LineIndex,
}

impl Seg<'_> {
    /// `(line, col)` in segment coordinates of a byte offset in the wrapped source.
    fn pos(&self, offset: u32) -> Option<(usize, usize)> {
        let (line, col) = self.index.line_col(offset);
        let l = (line as usize).checked_sub(2)?;
        let _ = self.lines.get(l)?;
        let text = self.index.line_text(self.text, line);
        Some((l, byte_to_char(text, i64::from(col))))
    }

    fn end_of(&self, e: &Expr<'_>, force_valid: bool) -> Option<(usize, usize)> {
        let (l, c) = self.pos(e.span.end)?;
        if force_valid {
            self.next_valid(l, c)
        } else {
            Some((l, c))
        }
    }

    fn next_valid(&self, mut l: usize, mut c: usize) -> Option<(usize, usize)> {
        while l < self.lines.len() && c >= self.lines[l].len() {
            c = 0;
            l += 1;
        }
        (l < self.lines.len()).then_some((l, c))
    }

    fn char_at(&self, l: usize, c: usize) -> Option<char> {
        self.lines.get(l)?.get(c).copied()
    }

    fn increment_until(
        &self,
        mut l: usize,
        mut c: usize,
        stop: impl Fn(char) -> bool,
    ) -> Option<(usize, usize)> {
        loop {
            let ch = self.char_at(l, c)?;
            if ch == '\\' || ch == '#' {
                (l, c) = self.next_valid(l + 1, 0)?;
            } else if !stop(ch) {
                (l, c) = self.next_valid(l, c + 1)?;
            } else {
                return Some((l, c));
            }
        }
    }
}

/// Anchors for `segment` (the exact source of the failing instruction's range), if it is a
/// binary operation, subscript or call.
pub fn anchors(segment: &str) -> Option<Anchors> {
    let wrapped = format!("(\n{segment}\n)");
    let arena = arena::Arena::new();
    let parsed = crate::parse::parse_text(&arena, &wrapped, Mode::Exec).ok()?;
    let Mod::Module { body } = parsed.module else {
        return None;
    };
    let [stmt] = body else { return None };
    let StmtKind::Expr { value: expr } = stmt.kind else {
        return None;
    };
    let seg = Seg {
        lines: py_splitlines(segment)
            .iter()
            .map(|l| l.chars().collect())
            .collect(),
        text: &wrapped,
        index: &parsed.lines,
    };
    let make = |ll, lc, rl, rc| Anchors {
        left_line: ll,
        left_col: lc,
        right_line: rl,
        right_col: rc,
        primary: '~',
        secondary: '^',
    };
    match expr.kind {
        ExprKind::BinOp { left, right, .. } => {
            let (l, c) = seg.end_of(left, true)?;
            let (l, c) = seg.increment_until(l, c, |x| !x.is_whitespace() && x != ')')?;
            let mut right_col = c + 1;
            let line = &seg.lines[l];
            let (rl, rc) = seg.pos(right.span.start)?;
            if right_col < line.len()
                && (rl > l || right_col < rc)
                && !line[right_col].is_whitespace()
                && line[right_col] != '\\'
                && line[right_col] != '#'
            {
                right_col += 1;
            }
            Some(make(l, c, l, right_col))
        }
        ExprKind::Subscript { value, .. } => {
            let (l, c) = seg.end_of(value, true)?;
            let (l, c) = seg.increment_until(l, c, |x| x == '[')?;
            let (rl, rc) = seg.end_of(expr, false)?;
            Some(make(l, c, rl, rc))
        }
        ExprKind::Call { func, .. } => {
            let (l, c) = seg.end_of(func, true)?;
            let (l, c) = seg.increment_until(l, c, |x| x == '(')?;
            let (rl, rc) = seg.end_of(expr, false)?;
            Some(make(l, c, rl, rc))
        }
        _ => None,
    }
}

/// `StackSummary._should_show_carets`: carets are left out when the range is the whole
/// (dedented) line, or `return f(...)` / `x = f(...)` spanning all of it.
pub fn should_show_carets(
    start: usize,
    end: usize,
    all_lines: &[String],
    anchors: Option<&Anchors>,
) -> bool {
    let source = all_lines.join("\n");
    let arena = arena::Arena::new();
    if let Ok(parsed) = crate::parse::parse_text(&arena, &source, Mode::Exec)
        && let Mod::Module { body } = parsed.module
    {
        let Some(stmt) = body.first() else {
            return false;
        };
        let value = match stmt.kind {
            StmtKind::Return { value: Some(v) } => match v.kind {
                ExprKind::Call { func, .. } if matches!(func.kind, ExprKind::Name { .. }) => {
                    Some(v)
                }
                _ => None,
            },
            StmtKind::Assign { targets, value } => match (targets, value.kind) {
                ([t], ExprKind::Call { .. }) if matches!(t.kind, ExprKind::Name { .. }) => {
                    Some(value)
                }
                _ => None,
            },
            _ => None,
        };
        if let Some(v) = value {
            let index = &parsed.lines;
            let (l1, c1) = index.line_col(v.span.start);
            let (l2, c2) = index.line_col(v.span.end);
            let line_text = |l: u32| index.line_text(&source, l);
            if l1 == 1
                && l2 as usize == all_lines.len()
                && byte_to_char(line_text(l1), i64::from(c1)) == start
                && byte_to_char(line_text(l2), i64::from(c2)) == end
            {
                return false;
            }
        }
    }
    if anchors.is_some() {
        return true;
    }
    let first: String = all_lines
        .first()
        .map(|l| l.chars().take(start).collect())
        .unwrap_or_default();
    let last: String = all_lines
        .last()
        .map(|l| l.chars().skip(end).collect())
        .unwrap_or_default();
    !first.trim_start().is_empty() || !last.trim_end().is_empty()
}

/// `_display_width`: characters, with East Asian wide and fullwidth ones counting two.
pub fn display_width(line: &str, offset: usize) -> usize {
    line.chars()
        .take(offset)
        .map(|c| if is_wide(c) { 2 } else { 1 })
        .sum()
}

/// East Asian Width `W` or `F` (the main ranges of Unicode 16's EastAsianWidth.txt).
fn is_wide(c: char) -> bool {
    let c = c as u32;
    matches!(c,
        0x1100..=0x115F | 0x231A..=0x231B | 0x2329..=0x232A | 0x23E9..=0x23EC | 0x23F0 | 0x23F3
        | 0x25FD..=0x25FE | 0x2614..=0x2615 | 0x2648..=0x2653 | 0x267F | 0x2693 | 0x26A1
        | 0x26AA..=0x26AB | 0x26BD..=0x26BE | 0x26C4..=0x26C5 | 0x26CE | 0x26D4 | 0x26EA
        | 0x26F2..=0x26F3 | 0x26F5 | 0x26FA | 0x26FD | 0x2705 | 0x270A..=0x270B | 0x2728 | 0x274C
        | 0x274E | 0x2753..=0x2755 | 0x2757 | 0x2795..=0x2797 | 0x27B0 | 0x27BF | 0x2B1B..=0x2B1C
        | 0x2B50 | 0x2B55 | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xA960..=0xA97F | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE10..=0xFE19
        | 0xFE30..=0xFE6F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x16FE0..=0x16FE4 | 0x17000..=0x18CFF
        | 0x1B000..=0x1B2FF | 0x1F004 | 0x1F0CF | 0x1F18E | 0x1F191..=0x1F19A | 0x1F200..=0x1F251
        | 0x1F300..=0x1F320 | 0x1F32D..=0x1F335 | 0x1F337..=0x1F37C | 0x1F37E..=0x1F393
        | 0x1F3A0..=0x1F3CA | 0x1F3CF..=0x1F3D3 | 0x1F3E0..=0x1F3F0 | 0x1F3F4 | 0x1F3F8..=0x1F43E
        | 0x1F440 | 0x1F442..=0x1F4FC | 0x1F4FF..=0x1F53D | 0x1F54B..=0x1F54E | 0x1F550..=0x1F567
        | 0x1F57A | 0x1F595..=0x1F596 | 0x1F5A4 | 0x1F5FB..=0x1F64F | 0x1F680..=0x1F6C5 | 0x1F6CC
        | 0x1F6D0..=0x1F6D2 | 0x1F6D5..=0x1F6D7 | 0x1F6DC..=0x1F6DF | 0x1F6EB..=0x1F6EC
        | 0x1F6F4..=0x1F6FC | 0x1F7E0..=0x1F7EB | 0x1F7F0 | 0x1F90C..=0x1F93A | 0x1F93C..=0x1F945
        | 0x1F947..=0x1F9FF | 0x1FA70..=0x1FAFF | 0x20000..=0x2FFFD | 0x30000..=0x3FFFD)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(segment: &str) -> Option<(usize, usize, usize, usize)> {
        anchors(segment).map(|a| (a.left_line, a.left_col, a.right_line, a.right_col))
    }

    #[test]
    fn binop_subscript_call() {
        assert_eq!(render("a + b"), Some((0, 2, 0, 3)));
        assert_eq!(render("a // b"), Some((0, 2, 0, 4)));
        assert_eq!(render("(a) +b"), Some((0, 4, 0, 5)));
        assert_eq!(render("d[k]"), Some((0, 1, 0, 4)));
        assert_eq!(render("f(x)"), Some((0, 1, 0, 4)));
        assert_eq!(render("obj.m(\n  1)"), Some((0, 5, 1, 4)));
        assert_eq!(render("x"), None);
        assert_eq!(render("a +"), None);
    }

    #[test]
    fn carets_hidden_for_whole_line_calls() {
        let lines = vec!["return f(x)".to_string()];
        assert!(!should_show_carets(7, 11, &lines, None));
        let lines = vec!["x = f(x)".to_string()];
        assert!(!should_show_carets(4, 8, &lines, None));
        let lines = vec!["x = a.f(x)".to_string()];
        assert!(!should_show_carets(4, 10, &lines, None));
        let lines = vec!["return a.f(x)".to_string()];
        assert!(should_show_carets(7, 13, &lines, None));
        let lines = vec!["y = a.f(x) + 1".to_string()];
        assert!(should_show_carets(4, 10, &lines, None));
        let lines = vec!["f(x)".to_string()];
        assert!(!should_show_carets(0, 4, &lines, None));
    }
}
