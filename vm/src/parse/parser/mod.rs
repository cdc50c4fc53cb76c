//! The Python 3.14 PEG parser: token cursor, memo tables, depth accounting, error state and
//! the two-pass driver that turns a token list into the arena AST.
//!
//! The parser is a hand-written recursive-descent transcription of CPython 3.14's
//! `Grammar/python.gram`. Each grammar rule is a method returning `Option<T>`: `None` means
//! "no match" and the caller restores the cursor (`self.pos`) and tries its next alternative.
//! Left-recursive rules (`sum`, `primary`, `t_primary`, ...) are loops, so `a.b.c...` of any
//! length never recurses. Rules whose alternatives share a prefix parse the prefix once and
//! then try the suffixes in grammar order, which is equivalent for a deterministic PEG and
//! avoids the exponential re-parsing CPython avoids with memoization; the few places where
//! re-parsing at one position is inherent (`expression`, `t_primary`, call `arguments`,
//! `block`) are memoized by token index.
//!
//! Errors follow CPython's design exactly, because their location is observable:
//!
//! * An error raised anywhere (tokenizer error reached, a forced token like `else &&':'`, an
//!   action that rejects its input, nesting too deep) sets [`Parser::error`]; from then on
//!   every rule fails at entry, like pegen's `error_indicator`.
//! * If the first pass fails without an error, the furthest token it ever *looked at*
//!   (`fill`) is remembered, the memo is cleared and a second pass runs with the `invalid_*`
//!   rules enabled, which raise the specialized messages. If that pass raises nothing, the
//!   generic "invalid syntax" is reported at the remembered token (or "unexpected indent"
//!   when that token is an INDENT).
//! * A tokenizer error further down the file replaces a parser error, as CPython's
//!   `_PyPegen_tokenize_full_source_to_check_for_errors` does (see [`errors`]).

mod arguments;
mod compound;
mod errors;
mod escapes;
mod expressions;
mod future;
mod invalid_expr;
mod invalid_params;
mod invalid_stmt;
mod memo;
mod numbers;
mod patterns;
mod primary;
mod statements;
mod strings;
mod targets;

use arena::{Arena, ArenaVec, Interner};

use super::line_index::LineIndex;
use super::token::{Token, TokenKind};
use super::tokenizer::TokenStream;
use super::{Mode, SyntaxError, Warning};
use crate::ast::*;

use errors::PendingError;
use memo::Memo;

/// CPython's `MAXSTACK`: rule nesting beyond this raises MemoryError.
pub(super) const MAX_DEPTH: u32 = 6000;

/// Stack growth: when less than `RED_ZONE` bytes remain, recursion continues on a fresh
/// `STACK_CHUNK`-byte segment, so deep inputs are safe on any thread.
///
/// Asking stacker for the remaining stack at every rule costs a thread-local lookup and a
/// call; instead the parser keeps the address below which the red zone starts
/// ([`Parser::stack_floor`]) and compares the address of a local with it, refreshing the
/// floor only when it switches stack segments.
const RED_ZONE: usize = 128 * 1024;
const STACK_CHUNK: usize = 2 * 1024 * 1024;

/// An address in the current stack frame: close enough to the stack pointer for a check
/// against a red zone of `RED_ZONE` bytes.
#[inline(always)]
fn stack_address() -> usize {
    let marker = 0u8;
    std::hint::black_box(std::ptr::addr_of!(marker)) as usize
}

/// The address below which the current stack segment has less than `RED_ZONE` bytes left;
/// `usize::MAX` (always take the slow path) when stacker cannot tell.
#[inline(never)]
fn stack_floor() -> usize {
    match stacker::remaining_stack() {
        Some(remaining) => stack_address().saturating_sub(remaining) + RED_ZONE,
        None => usize::MAX,
    }
}

/// Runs a rule body one rule level deeper (pegen counts every rule function it enters):
/// raises the MemoryError past `MAX_DEPTH`, and yields the body's type's default (failure)
/// once an error is raised. `return` in the body leaves the rule.
macro_rules! rule_frame {
    ($p:ident, $body:block) => {{
        $p.depth += 1;
        if $p.depth > $crate::parse::parser::MAX_DEPTH {
            $p.stack_overflow();
        }
        let r = if $p.failed() {
            Default::default()
        } else {
            // A closure, so that `return` in the body leaves the rule, not the caller.
            let mut body = || $body;
            body()
        };
        $p.depth -= 1;
        r
    }};
}
pub(super) use rule_frame;

/// The parser state for one source.
pub(crate) struct Parser<'a, 't> {
    arena: &'a Arena,
    names: Interner<'a>,
    src: &'a str,
    toks: &'t [Token],
    /// The tokenizer's output: the error that follows the last token, if tokenizing stopped
    /// early, and how it competes with parser errors.
    stream: &'t TokenStream,
    lines: &'t LineIndex,
    mode: Mode,
    /// Cursor: index of the next token.
    pos: usize,
    /// One past the furthest token index looked at (pegen's `fill`).
    fill: usize,
    /// Second pass: the `invalid_*` rules are enabled.
    invalid_pass: bool,
    /// The second pass is running (`invalid_pass` is off inside `*_without_invalid` rules).
    error_pass: bool,
    /// Current rule nesting (pegen's `level`).
    depth: u32,
    /// The first error raised; once set, every rule fails.
    error: Option<PendingError>,
    /// `from __future__ import barry_as_FLUFL` was seen.
    barry: bool,
    memo: Memo<'a>,
    /// A primary the first pass parsed ahead of the rule chain that reaches it (see
    /// `Parser::primary_expression`).
    primary_ahead: Option<PrimaryAhead<'a>>,
    /// Past this stack address, rules continue on a new stack segment (see `RED_ZONE`).
    stack_floor: usize,
    /// Parenthesis nesting level of each token, computed for the error pass only.
    levels: Vec<u16>,
    warnings: Vec<Warning>,
    /// Line of the last compound statement the error pass completed (pegen's
    /// `last_stmt_location`, exposed as `SyntaxError._metadata`).
    last_stmt_line: u32,
}

/// A `primary` parsed at token `start`, rule depth `depth`, ending at token `end`.
#[derive(Clone, Copy)]
struct PrimaryAhead<'a> {
    start: usize,
    depth: u32,
    end: usize,
    value: Expr<'a>,
}

/// What a successful parse produces besides the tree.
pub(crate) struct Outcome<'a> {
    pub module: Mod<'a>,
    pub warnings: Vec<Warning>,
}

/// Parses `toks` (the tokens of `src`, ending at the first tokenizer error `tok_err` if any).
pub(crate) fn parse_tokens<'a>(
    arena: &'a Arena,
    src: &'a str,
    lines: &LineIndex,
    stream: &TokenStream,
    mode: Mode,
) -> Result<Outcome<'a>, SyntaxError> {
    let mut p = Parser {
        arena,
        names: Interner::new(arena),
        src,
        toks: &stream.tokens,
        stream,
        lines,
        mode,
        pos: 0,
        fill: 0,
        invalid_pass: false,
        error_pass: false,
        depth: 0,
        stack_floor: stack_floor(),
        primary_ahead: None,
        error: None,
        barry: false,
        memo: Memo::new(stream.tokens.len()),
        levels: Vec::new(),
        warnings: Vec::new(),
        last_stmt_line: 0,
    };
    let result = p.start_rule();
    if let (Some(module), None) = (result, &p.error) {
        if mode == Mode::Single && p.bad_single_statement() {
            p.raise_last_token(
                super::ErrorKind::SyntaxError,
                "multiple statements found while compiling a single statement",
            );
            return Err(p.finish_error());
        }
        if let Mod::Module { body } | Mod::Interactive { body } = module {
            p.check_future_imports(body)?;
        }
        return Ok(Outcome {
            module,
            warnings: std::mem::take(&mut p.warnings),
        });
    }
    Err(p.second_pass_and_report())
}

/// `single` input: pegen turns the first ENDMARKER into a NEWLINE (without a position) and
/// closes the blocks still open, so that `if x:\n  pass` ends like a complete statement.
pub(crate) fn end_single_input(tokens: &mut Vec<Token>) {
    let Some(last) = tokens.last().copied() else {
        return;
    };
    if last.kind != TokenKind::EndMarker || tokens.len() == 1 {
        return;
    }
    let open = tokens.iter().fold(0i64, |n, t| match t.kind {
        TokenKind::Indent => n + 1,
        TokenKind::Dedent => n - 1,
        _ => n,
    });
    tokens.pop();
    tokens.push(Token {
        kind: TokenKind::Newline,
        ..last
    });
    for _ in 0..open.max(0) {
        tokens.push(Token {
            kind: TokenKind::Dedent,
            ..last
        });
    }
    tokens.push(last);
}

impl<'a, 't> Parser<'a, 't> {
    fn start_rule(&mut self) -> Option<Mod<'a>> {
        match self.mode {
            Mode::Exec => self.file(),
            Mode::Eval => self.eval(),
            Mode::Single => self.interactive(),
            Mode::FuncType => self.func_type(),
        }
    }

    // --- Token cursor -------------------------------------------------------------------

    /// The kind of the token at the cursor. Looking at the token the tokenizer failed on
    /// raises the tokenizer's error (as pegen's `_PyPegen_fill_token` does).
    #[inline]
    fn peek(&mut self) -> TokenKind {
        self.kind_at(self.pos)
    }

    /// The kind of the token at index `i`, with the same bookkeeping as [`Parser::peek`].
    #[inline]
    fn kind_at(&mut self, i: usize) -> TokenKind {
        if i >= self.fill {
            self.fill = i + 1;
        }
        match self.toks.get(i) {
            Some(t) => t.kind,
            None => self.hit_tokenizer_error(),
        }
    }

    #[cold]
    fn hit_tokenizer_error(&mut self) -> TokenKind {
        self.fill = self.fill.min(self.toks.len() + 1);
        if self.error.is_none() {
            self.error = Some(match &self.stream.error {
                Some(e) => PendingError::Final(e.clone()),
                None => PendingError::Final(SyntaxError::new(
                    super::ErrorKind::SyntaxError,
                    "unexpected end of token stream",
                )),
            });
        }
        TokenKind::EndMarker
    }

    /// True (and advances) when the cursor token has kind `k`.
    #[inline]
    fn eat(&mut self, k: TokenKind) -> bool {
        if self.peek() == k {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// The index of the cursor token when it has kind `k` (and advances past it).
    #[inline]
    fn expect(&mut self, k: TokenKind) -> Option<usize> {
        if self.peek() == k {
            self.pos += 1;
            Some(self.pos - 1)
        } else {
            None
        }
    }

    /// Lookahead: does the cursor token have kind `k`? (no advance)
    #[inline]
    fn at(&mut self, k: TokenKind) -> bool {
        self.peek() == k
    }

    /// The token at index `i`; `i` must have been looked at already.
    #[inline]
    fn tok(&self, i: usize) -> Token {
        match self.toks.get(i) {
            Some(t) => *t,
            None => {
                let end = self.toks.last().map_or(0, |t| t.end);
                Token {
                    kind: TokenKind::EndMarker,
                    start: end,
                    end,
                }
            }
        }
    }

    #[inline]
    fn text(&self, i: usize) -> &'a str {
        let t = self.tok(i);
        &self.src[t.start as usize..t.end as usize]
    }

    /// Is the cursor token the NAME `kw` (a soft keyword such as `match`)?
    #[inline]
    fn at_soft_keyword(&mut self, kw: &str) -> bool {
        self.peek() == TokenKind::Name && self.text(self.pos) == kw
    }

    /// Consumes the soft keyword `kw`, returning its token index.
    fn eat_soft_keyword(&mut self, kw: &str) -> Option<usize> {
        if self.at_soft_keyword(kw) {
            self.pos += 1;
            Some(self.pos - 1)
        } else {
            None
        }
    }

    /// Is the cursor token any soft keyword (`_`, `case`, `match`, `type`)?
    fn at_any_soft_keyword(&mut self) -> bool {
        self.peek() == TokenKind::Name
            && matches!(self.text(self.pos), "_" | "case" | "match" | "type")
    }

    /// Start offset of the token at index `i` (a node starting there).
    #[inline]
    fn start_of(&self, i: usize) -> u32 {
        self.tok(i).start
    }

    /// End offset of the last token before the cursor that is not NEWLINE, INDENT, DEDENT
    /// or ENDMARKER: where a node that ends here ends (pegen's EXTRA end).
    fn last_end(&self) -> u32 {
        let mut i = self.pos;
        while i > 0 {
            i -= 1;
            let t = self.tok(i);
            if !matches!(
                t.kind,
                TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent | TokenKind::EndMarker
            ) {
                return t.end;
            }
        }
        self.tok(0).end
    }

    /// The span of a node that started at token `start` and ends at the cursor.
    #[inline]
    fn span_from(&self, start: usize) -> Span {
        Span::new(self.start_of(start), self.last_end())
    }

    /// The span of the single token at index `i`.
    #[inline]
    fn tok_span(&self, i: usize) -> Span {
        let t = self.tok(i);
        Span::new(t.start, t.end)
    }

    /// Has an error been raised? Every rule checks this at entry.
    #[inline]
    fn failed(&self) -> bool {
        self.error.is_some()
    }

    // --- Recursion accounting ---------------------------------------------------------------

    /// Runs `f` one rule level deeper: raises CPython's MemoryError past `MAX_DEPTH`, fails
    /// fast after an error, and grows the Rust stack when it runs low.
    #[inline]
    fn nest<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        self.nest_by(1, f)
    }

    /// Like [`Parser::nest`] for a rule that stands for `levels` CPython rule frames (e.g. a
    /// left-recursive rule, which pegen runs as a rule plus its `_raw` helper).
    fn nest_by<T>(&mut self, levels: u32, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        self.depth += levels;
        if self.depth > MAX_DEPTH {
            self.stack_overflow();
        }
        let r = if self.failed() {
            None
        } else if stack_address() < self.stack_floor {
            self.on_new_stack(f)
        } else {
            f(self)
        };
        self.depth -= levels;
        r
    }

    /// Runs `f` on a fresh stack segment when the current one is nearly used up, with the
    /// stack floor of the segment it runs on.
    #[cold]
    #[inline(never)]
    fn on_new_stack<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        stacker::maybe_grow(RED_ZONE, STACK_CHUNK, || {
            let saved = self.stack_floor;
            self.stack_floor = stack_floor();
            let r = f(self);
            self.stack_floor = saved;
            r
        })
    }

    #[cold]
    fn stack_overflow(&mut self) {
        if self.error.is_none() {
            self.error = Some(PendingError::Final(SyntaxError::new(
                super::ErrorKind::MemoryError,
                "Parser stack overflowed - Python source too complex to parse",
            )));
        }
    }

    // --- Allocation helpers ---------------------------------------------------------------

    #[inline]
    fn alloc<T>(&self, v: T) -> &'a T {
        self.arena.alloc(v)
    }

    #[inline]
    fn vec<T>(&self) -> ArenaVec<'a, T> {
        self.arena.vec()
    }

    #[inline]
    fn expr(&self, kind: ExprKind<'a>, span: Span) -> Expr<'a> {
        Expr { kind, span }
    }

    #[inline]
    fn stmt(&self, kind: StmtKind<'a>, span: Span) -> Stmt<'a> {
        Stmt { kind, span }
    }

    /// The identifier of the NAME token at index `i`, NFKC-normalized if not ASCII.
    ///
    /// An ASCII name is its own text: a slice of the arena copy of the source, so making it
    /// costs nothing and backtracking over it needs no cache. Non-ASCII names (rare) are
    /// normalized and interned each time they are made.
    #[inline]
    fn ident(&mut self, i: usize) -> &'a str {
        let text = self.text(i);
        if text.is_ascii() {
            return text;
        }
        self.normalized_name(text)
    }

    #[cold]
    fn normalized_name(&mut self, text: &str) -> &'a str {
        use unicode_normalization::UnicodeNormalization;
        let normalized: String = text.nfkc().collect();
        if matches!(normalized.as_str(), "None" | "True" | "False") {
            self.raise_value_error(format!(
                "identifier field can't represent '{normalized}' constant"
            ));
        }
        self.names.intern(&normalized)
    }

    /// `NAME` as a `Name(id, Load)` expression.
    fn name(&mut self) -> Option<Expr<'a>> {
        let i = self.expect(TokenKind::Name)?;
        Some(self.name_expr(i))
    }

    fn name_expr(&mut self, i: usize) -> Expr<'a> {
        let id = self.ident(i);
        self.expr(
            ExprKind::Name {
                id,
                ctx: ExprContext::Load,
            },
            self.tok_span(i),
        )
    }

    /// `NAME` as an identifier with its token index.
    fn name_ident(&mut self) -> Option<(&'a str, usize)> {
        let i = self.expect(TokenKind::Name)?;
        Some((self.ident(i), i))
    }
}
