//! Memo tables: results of rules that the grammar may re-run at the same token index.
//!
//! A memo entry records where the rule ended and what it produced (or that it failed). Each
//! memoized rule has a direct index from token position to its entry (a `u32` per token,
//! allocated zeroed the first time the rule is memoized in a source), and the entries live in
//! one vector per result type. Lookups and insertions are two array accesses, with no
//! hashing, which matters because `expression` is memoized at most expression starts.
//!
//! The direct indexes are the largest buffers of a parse (four bytes per token per rule):
//! they return to a per-thread pool when the parse ends, so a run over many sources zeroes
//! warm memory instead of faulting in fresh pages for every file.

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

const RULES: usize = Rule::InvalidNamedExpression as usize + 1;

/// The memo entries of one result type.
struct Entries<V> {
    items: Vec<(u32, Option<V>)>,
}

impl<V> Default for Entries<V> {
    fn default() -> Self {
        Entries { items: Vec::new() }
    }
}

impl<V> Entries<V> {
    fn with_capacity(n: usize) -> Self {
        Entries {
            items: Vec::with_capacity(n),
        }
    }
}

/// All memo tables of a parse.
pub(super) struct Memo<'a> {
    /// Tokens in the source (plus one for a position at the end).
    positions: usize,
    /// Per rule: `index[pos]` is 0 (not memoized) or one plus the entry's index in the
    /// entries of the rule's result type.
    index: [Vec<u32>; RULES],
    exprs: Entries<Expr<'a>>,
    stmts: Entries<&'a [Stmt<'a>]>,
    args: Entries<CallArgs<'a>>,
    patterns: Entries<Pattern<'a>>,
}

macro_rules! table {
    ($get:ident, $put:ident, $field:ident, $ty:ty) => {
        #[inline]
        pub(super) fn $get(&self, rule: Rule, pos: usize) -> Option<(usize, Option<$ty>)> {
            let k = *self.index[rule as usize].get(pos)?;
            let &(end, v) = self.$field.items.get((k as usize).checked_sub(1)?)?;
            Some((end as usize, v))
        }

        #[inline]
        pub(super) fn $put(&mut self, rule: Rule, pos: usize, end: usize, v: Option<$ty>) {
            let index = &mut self.index[rule as usize];
            if index.is_empty() {
                *index = zeroed_index(self.positions);
            }
            if let Some(slot) = index.get_mut(pos) {
                self.$field.items.push((end as u32, v));
                *slot = self.$field.items.len() as u32;
            }
        }
    };
}

// Index buffers of finished parses, per thread.
thread_local! {
    static SPARE_INDEXES: RefCell<Vec<Vec<u32>>> = const { RefCell::new(Vec::new()) };
}

/// Buffers larger than this (in entries) are freed rather than kept for the next parse.
const SPARE_MAX_LEN: usize = 1 << 20;

/// A zeroed index of `len` entries, in a spare buffer when there is one.
fn zeroed_index(len: usize) -> Vec<u32> {
    let spare = SPARE_INDEXES
        .try_with(|s| s.try_borrow_mut().ok()?.pop())
        .ok()
        .flatten();
    match spare {
        Some(mut v) => {
            v.clear();
            v.resize(len, 0);
            v
        }
        None => vec![0; len],
    }
}

impl Drop for Memo<'_> {
    fn drop(&mut self) {
        let _ = SPARE_INDEXES.try_with(|s| {
            if let Ok(mut s) = s.try_borrow_mut() {
                for index in &mut self.index {
                    if !index.is_empty() && index.capacity() <= SPARE_MAX_LEN && s.len() < RULES {
                        s.push(std::mem::take(index));
                    }
                }
            }
        });
    }
}

impl<'a> Memo<'a> {
    /// Empty tables for a source of `tokens` tokens.
    pub(super) fn new(tokens: usize) -> Self {
        Memo {
            positions: tokens + 1,
            index: Default::default(),
            // Up to about one expression entry per token and one block per fifty in typical
            // code: reserving that avoids regrowing (and copying) large vectors.
            exprs: Entries::with_capacity(tokens),
            stmts: Entries::with_capacity(tokens / 50),
            args: Entries::default(),
            patterns: Entries::default(),
        }
    }

    table!(expr, put_expr, exprs, Expr<'a>);
    table!(stmts, put_stmts, stmts, &'a [Stmt<'a>]);
    table!(args, put_args, args, CallArgs<'a>);
    table!(pattern, put_pattern, patterns, Pattern<'a>);

    /// Forgets everything (between the two passes).
    pub(super) fn clear(&mut self) {
        for index in &mut self.index {
            index.fill(0);
        }
        self.exprs.items.clear();
        self.stmts.items.clear();
        self.args.items.clear();
        self.patterns.items.clear();
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
