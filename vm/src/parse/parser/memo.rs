//! Memo tables: results of rules that the grammar may re-run at the same token index.
//!
//! A memo entry records where the rule ended and what it produced (or that it failed).
//! Entries are keyed by rule and start token in one small hash map per result type; only
//! positions actually tried get an entry, so the tables stay proportional to the work done.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

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
    StarPattern,
    SimpleStmt,
    InvalidNamedExpression,
}

/// Multiplicative hashing for the packed `(rule, position)` keys.
#[derive(Default, Clone, Copy)]
pub(super) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type Map<V> = HashMap<u64, (u32, Option<V>), BuildHasherDefault<KeyHasher>>;

#[inline]
fn key(rule: Rule, pos: usize) -> u64 {
    ((pos as u64) << 8) | rule as u64
}

/// One table per result type.
#[derive(Default)]
pub(super) struct Memo<'a> {
    exprs: Map<Expr<'a>>,
    stmts: Map<&'a [Stmt<'a>]>,
    stmt: Map<Stmt<'a>>,
    args: Map<CallArgs<'a>>,
    patterns: Map<Pattern<'a>>,
}

macro_rules! table {
    ($get:ident, $put:ident, $field:ident, $ty:ty) => {
        #[inline]
        pub(super) fn $get(&self, rule: Rule, pos: usize) -> Option<(usize, Option<$ty>)> {
            self.$field
                .get(&key(rule, pos))
                .map(|&(end, v)| (end as usize, v))
        }

        #[inline]
        pub(super) fn $put(&mut self, rule: Rule, pos: usize, end: usize, v: Option<$ty>) {
            self.$field.insert(key(rule, pos), (end as u32, v));
        }
    };
}

impl<'a> Memo<'a> {
    table!(expr, put_expr, exprs, Expr<'a>);
    table!(stmts, put_stmts, stmts, &'a [Stmt<'a>]);
    table!(stmt, put_stmt, stmt, Stmt<'a>);
    table!(args, put_args, args, CallArgs<'a>);
    table!(pattern, put_pattern, patterns, Pattern<'a>);

    /// Forgets everything (between the two passes).
    pub(super) fn clear(&mut self) {
        self.exprs.clear();
        self.stmts.clear();
        self.stmt.clear();
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

pub(super) use memoized;
