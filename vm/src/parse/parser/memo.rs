//! Memo tables: results of rules that the grammar may re-run at the same token index.
//!
//! A memo entry records which rule ran, where it ended and what it produced (or that it
//! failed). As in pegen, which hangs a list of memo entries on each token, the entries of a
//! position form a chain, newest first, starting from a per-token head; a lookup walks the few
//! rules memoized at that position. The values live in one vector per result type.
//!
//! This keeps the memo proportional to what the parse memoized: one `u32` head per token
//! plus one small node per entry, where a dense table per rule would zero and touch four
//! bytes per token for each of a dozen rules. The head table returns to a per-thread spare
//! when the parse ends, so a run over many sources zeroes warm memory instead of faulting in
//! fresh pages for every file.

use std::cell::RefCell;

use crate::ast::{Expr, Pattern, Stmt};

use super::arguments::CallArgs;

/// The memoized rules.
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(super) enum Rule {
    Expression,
    Disjunction,
    BitwiseOr,
    StarExpression,
    TPrimary,
    StarTarget,
    DelTarget,
    Strings,
    Block,
    Arguments,
    ClosedPattern,
    /// Only records that the rule ran at a position without raising (it never succeeds).
    InvalidNamedExpression,
}

/// One memo entry, linked into its position's chain.
#[derive(Clone, Copy)]
struct Node {
    /// Token index where the rule ended (its start when it failed).
    end: u32,
    /// One plus the index of the position's next older node; 0 ends the chain.
    next: u32,
    /// Index of the value in the vector of the rule's result type.
    slot: u32,
    rule: Rule,
}

/// All memo tables of a parse.
pub(super) struct Memo<'a> {
    /// Tokens in the source (plus one for a position at the end).
    positions: usize,
    /// Per position: one plus the index of its newest node, 0 when nothing is memoized there.
    /// Allocated on the first insertion.
    heads: Vec<u32>,
    nodes: Vec<Node>,
    exprs: Vec<Option<Expr<'a>>>,
    stmts: Vec<Option<&'a [Stmt<'a>]>>,
    args: Vec<Option<CallArgs<'a>>>,
    patterns: Vec<Option<Pattern<'a>>>,
}

macro_rules! table {
    ($get:ident, $put:ident, $field:ident, $ty:ty) => {
        #[inline]
        pub(super) fn $get(&self, rule: Rule, pos: usize) -> Option<(usize, Option<$ty>)> {
            let node = self.find(rule, pos)?;
            let v = *self.$field.get(node.slot as usize)?;
            Some((node.end as usize, v))
        }

        #[inline]
        pub(super) fn $put(&mut self, rule: Rule, pos: usize, end: usize, v: Option<$ty>) {
            let slot = self.$field.len() as u32;
            if self.link(rule, pos, end, slot) {
                self.$field.push(v);
            }
        }
    };
}

// The head table of a finished parse, per thread.
thread_local! {
    static SPARE_HEADS: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
}

/// Head tables larger than this (in entries) are freed rather than kept for the next parse.
const SPARE_MAX_LEN: usize = 1 << 22;

/// A zeroed head table of `len` entries, in the spare buffer when there is one.
fn zeroed_heads(len: usize) -> Vec<u32> {
    let mut v = SPARE_HEADS
        .try_with(|s| s.try_borrow_mut().map(|mut s| std::mem::take(&mut *s)))
        .ok()
        .and_then(Result::ok)
        .unwrap_or_default();
    v.clear();
    v.resize(len, 0);
    v
}

impl Drop for Memo<'_> {
    fn drop(&mut self) {
        if self.heads.capacity() > SPARE_MAX_LEN {
            return;
        }
        let heads = std::mem::take(&mut self.heads);
        let _ = SPARE_HEADS.try_with(|s| {
            if let Ok(mut s) = s.try_borrow_mut()
                && s.capacity() < heads.capacity()
            {
                *s = heads;
            }
        });
    }
}

impl<'a> Memo<'a> {
    /// Empty tables for a source of `tokens` tokens.
    pub(super) fn new(tokens: usize) -> Self {
        Memo {
            positions: tokens + 1,
            heads: Vec::new(),
            // Up to about one entry per token, and one block per fifty, in typical code:
            // reserving that avoids regrowing (and copying) large vectors.
            nodes: Vec::with_capacity(tokens),
            exprs: Vec::with_capacity(tokens),
            stmts: Vec::with_capacity(tokens / 50),
            args: Vec::new(),
            patterns: Vec::new(),
        }
    }

    /// The newest entry of `rule` at `pos`.
    #[inline]
    fn find(&self, rule: Rule, pos: usize) -> Option<Node> {
        let mut k = *self.heads.get(pos)?;
        while k != 0 {
            let node = *self.nodes.get(k as usize - 1)?;
            if node.rule == rule {
                return Some(node);
            }
            k = node.next;
        }
        None
    }

    /// Links a new entry of `rule` at `pos` whose value goes to `slot`; false (nothing
    /// linked) for a position past the end, or when the counts would overflow `u32`.
    #[inline]
    fn link(&mut self, rule: Rule, pos: usize, end: usize, slot: u32) -> bool {
        if pos >= self.positions || self.nodes.len() >= u32::MAX as usize - 1 {
            return false;
        }
        if self.heads.is_empty() {
            self.heads = zeroed_heads(self.positions);
        }
        let head = &mut self.heads[pos];
        self.nodes.push(Node {
            end: end as u32,
            next: *head,
            slot,
            rule,
        });
        *head = self.nodes.len() as u32;
        true
    }

    table!(expr, put_expr, exprs, Expr<'a>);
    table!(stmts, put_stmts, stmts, &'a [Stmt<'a>]);
    table!(args, put_args, args, CallArgs<'a>);
    table!(pattern, put_pattern, patterns, Pattern<'a>);

    /// Forgets everything (between the two passes).
    pub(super) fn clear(&mut self) {
        self.heads.fill(0);
        self.nodes.clear();
        self.exprs.clear();
        self.stmts.clear();
        self.args.clear();
        self.patterns.clear();
    }
}

/// Runs a memoized rule: returns the stored result (moving the cursor to where it ended) or
/// runs `$body`, stores its outcome and returns it.
macro_rules! memoized {
    ($p:expr, $get:ident, $put:ident, $rule:expr, $body:expr) => {{
        let start = $p.pos;
        if let Some((end, v)) = $p.memo.$get($rule, start) {
            $p.pos = end;
            v
        } else {
            let v = $body;
            if v.is_none() {
                $p.pos = start;
            }
            let end = $p.pos;
            $p.memo.$put($rule, start, end, v);
            v
        }
    }};
}

/// Like [`memoized!`], but only in the error pass, where the `invalid_*` rules re-run these
/// rules at positions the first pass already tried; the first pass never does. Within the
/// error pass the memo is shared between `*_without_invalid` contexts and the rest, as in
/// pegen: a result computed with the `invalid_*` rules off is reused with them on.
macro_rules! memoized_in_error_pass {
    ($p:expr, $get:ident, $put:ident, $rule:expr, $body:expr) => {{
        if $p.error_pass {
            memoized!($p, $get, $put, $rule, $body)
        } else {
            let start = $p.pos;
            let v = $body;
            if v.is_none() {
                $p.pos = start;
            }
            v
        }
    }};
}

pub(super) use {memoized, memoized_in_error_pass};
