//! The backtracking matcher: runs a compiled [`Program`] over a text of code points (or
//! bytes) with an explicit backtrack stack, so neither long texts nor deep backtracking use
//! the Rust stack (only nested lookaround/atomic groups recurse, bounded by the pattern).

use super::parse::Assert;
use super::prog::{Inst, Program, SubKind, class_matches};
use super::uni;

pub const NONE: usize = usize::MAX;

/// A text the matcher can index by character position.
pub trait Text {
    fn at(&self, i: usize) -> u32;
}

impl Text for [u8] {
    #[inline]
    fn at(&self, i: usize) -> u32 {
        u32::from(self[i])
    }
}

impl Text for [u32] {
    #[inline]
    fn at(&self, i: usize) -> u32 {
        self[i]
    }
}

/// A backtrack record. Instruction and slot indices are `u32` (programs are capped at
/// `MAX_INSTS`), which keeps a frame at three words.
enum Frame {
    Alt {
        pc: u32,
        pos: usize,
    },
    /// A greedy one-character repeat that ran up to `pos` and may give back characters
    /// down to `min_pos`; its continuation is at `next`.
    Greedy {
        next: u32,
        min_pos: usize,
        pos: usize,
    },
    /// A lazy one-character repeat at `pos` that may take one more character (the item at
    /// `item`) up to `max_pos`; its continuation is at `item + 1`.
    Lazy {
        item: u32,
        pos: usize,
        max_pos: usize,
    },
    Slot {
        idx: u32,
        old: usize,
    },
    Reg {
        idx: u32,
        old: usize,
    },
}

const _: () = assert!(std::mem::size_of::<Frame>() == 24);

/// How a match attempt must end.
#[derive(Clone, Copy)]
pub struct Goal {
    /// The match must end at the end of the text (`fullmatch`).
    pub full: bool,
    /// No empty match may start here (`finditer`/`sub` after an empty match).
    pub forbid_empty_at: usize,
}

pub struct Matcher<'a, T: Text + ?Sized> {
    prog: &'a Program,
    text: &'a T,
    end: usize,
    pub slots: Vec<usize>,
    regs: Vec<usize>,
    stack: Vec<Frame>,
    goal: Goal,
    start: usize,
}

impl<'a, T: Text + ?Sized> Matcher<'a, T> {
    pub fn new(prog: &'a Program, text: &'a T, end: usize, goal: Goal) -> Self {
        Matcher {
            prog,
            text,
            end,
            slots: vec![NONE; prog.nslots],
            regs: vec![0; prog.nregs],
            stack: Vec::new(),
            goal,
            start: 0,
        }
    }

    /// Sets the position where no empty match may start (for the next search).
    pub fn set_forbid_empty_at(&mut self, pos: usize) {
        self.goal.forbid_empty_at = pos;
    }

    /// Tries a match starting exactly at `pos`; on success `slots` holds the spans.
    pub fn match_at(&mut self, pos: usize) -> bool {
        self.slots.fill(NONE);
        self.stack.clear();
        self.start = pos;
        self.run(0, pos).is_some()
    }

    /// Finds the first match starting at or after `pos`.
    pub fn search(&mut self, pos: usize) -> bool {
        if self.prog.anchored {
            return pos == 0 && self.match_at(0);
        }
        let mut p = pos;
        while p <= self.end {
            if let Some(f) = self.prog.first {
                while p < self.end && self.text.at(p) != f {
                    p += 1;
                }
                if p >= self.end {
                    return false;
                }
            } else if let Some(set) = &self.prog.first_set {
                // No match is empty, so none starts at the end or before a character
                // outside the set.
                while p < self.end && !set.contains(self.text.at(p)) {
                    p += 1;
                }
                if p >= self.end {
                    return false;
                }
            }
            if self.match_at(p) {
                return true;
            }
            p += 1;
        }
        false
    }

    fn is_word_at(&self, i: usize, ascii: bool) -> bool {
        i < self.end && uni::is_word(self.text.at(i), ascii)
    }

    fn assert(&self, a: Assert, ascii: bool, pos: usize) -> bool {
        let nl = 10;
        match a {
            Assert::TextStart => pos == 0,
            Assert::LineStart => pos == 0 || self.text.at(pos - 1) == nl,
            Assert::TextEnd => pos == self.end,
            Assert::TextEndOrNewline => {
                pos == self.end || (pos + 1 == self.end && self.text.at(pos) == nl)
            }
            Assert::LineEnd => pos == self.end || self.text.at(pos) == nl,
            Assert::WordBoundary | Assert::NotWordBoundary => {
                let before = pos > 0 && self.is_word_at(pos - 1, ascii);
                let after = self.is_word_at(pos, ascii);
                (before != after) == (a == Assert::WordBoundary)
            }
        }
    }

    fn set_slot(&mut self, idx: usize, val: usize) {
        let old = self.slots[idx];
        self.stack.push(Frame::Slot {
            idx: idx as u32,
            old,
        });
        self.slots[idx] = val;
    }

    fn set_reg(&mut self, idx: usize, val: usize) {
        let old = self.regs[idx];
        self.stack.push(Frame::Reg {
            idx: idx as u32,
            old,
        });
        self.regs[idx] = val;
    }

    /// Pops frames down to `base`, undoing captures, until a choice point is found.
    #[inline(always)]
    fn backtrack(&mut self, base: usize) -> Option<(usize, usize)> {
        while self.stack.len() > base {
            match self.stack.pop()? {
                Frame::Alt { pc, pos } => return Some((pc as usize, pos)),
                Frame::Slot { idx, old } => self.slots[idx as usize] = old,
                Frame::Reg { idx, old } => self.regs[idx as usize] = old,
                Frame::Greedy { next, min_pos, pos } => {
                    return Some(self.give_back(next as usize, min_pos, pos));
                }
                Frame::Lazy { item, pos, max_pos } => {
                    if let Some(resume) = self.take_one_more(item as usize, pos, max_pos) {
                        return Some(resume);
                    }
                }
            }
        }
        None
    }

    /// Backtracking into a greedy one-character repeat that ran up to `pos`: gives back one
    /// character (when the continuation starts with a literal, up to the next place it
    /// can match) and keeps the frame while more can be given back.
    #[inline(never)]
    fn give_back(&mut self, next: usize, min_pos: usize, pos: usize) -> (usize, usize) {
        let mut p = pos - 1;
        if let Inst::Char(c) = self.prog.insts[next] {
            while p > min_pos && (p >= self.end || self.text.at(p) != c) {
                p -= 1;
            }
        }
        if p > min_pos {
            self.stack.push(Frame::Greedy {
                next: next as u32,
                min_pos,
                pos: p,
            });
        }
        (next, p)
    }

    /// Backtracking into a lazy one-character repeat at `pos`: takes one more character
    /// when the item matches it, keeping the frame while more may be taken.
    #[inline(never)]
    fn take_one_more(&mut self, item: usize, pos: usize, max_pos: usize) -> Option<(usize, usize)> {
        if pos >= max_pos || !self.one_char(&self.prog.insts[item], pos) {
            return None;
        }
        let p = pos + 1;
        if p < max_pos {
            self.stack.push(Frame::Lazy {
                item: item as u32,
                pos: p,
                max_pos,
            });
        }
        Some((item + 1, p))
    }

    /// Whether the one-character instruction `inst` matches the character at `pos`.
    #[inline(always)]
    fn one_char(&self, inst: &Inst, pos: usize) -> bool {
        if pos >= self.end {
            return false;
        }
        let t = self.text.at(pos);
        match inst {
            Inst::Char(c) => t == *c,
            Inst::CharFold(c, ascii) => {
                let l = if *ascii && t >= 0x80 {
                    t
                } else {
                    uni::lower(t)
                };
                l == *c || (!*ascii && uni::lower(uni::upper(t)) == *c)
            }
            Inst::AnyButNewline => t != 10,
            Inst::Any => true,
            Inst::Class(idx, mode) => class_matches(&self.prog.classes[*idx], t, *mode),
            _ => false,
        }
    }

    /// Runs the one-character repeat at `pc` from `pos`: the position to continue at (the
    /// continuation is at `pc + 2`), with a backtrack frame for the other choices, or None
    /// when too few characters match.
    fn repeat_one(
        &mut self,
        pc: usize,
        pos: usize,
        min: u32,
        max: u32,
        greedy: bool,
    ) -> Option<usize> {
        let item = &self.prog.insts[pc + 1];
        let avail = self.end - pos.min(self.end);
        let max_len = if max == u32::MAX {
            avail
        } else {
            (max as usize).min(avail)
        };
        let min = min as usize;
        if min > max_len {
            return None;
        }
        let mut n = 0;
        let want = if greedy { max_len } else { min };
        while n < want && self.one_char(item, pos + n) {
            n += 1;
        }
        if n < min {
            return None;
        }
        let at = pos + n;
        if greedy {
            if n > min {
                self.stack.push(Frame::Greedy {
                    next: (pc + 2) as u32,
                    min_pos: pos + min,
                    pos: at,
                });
            }
        } else if n < max_len {
            self.stack.push(Frame::Lazy {
                item: (pc + 1) as u32,
                pos: at,
                max_pos: pos + max_len,
            });
        }
        Some(at)
    }

    /// Undoes everything above `base` (a sub-match whose effects must not stay).
    fn unwind(&mut self, base: usize) {
        while self.backtrack(base).is_some() {}
    }

    /// Drops the choice points above `base` but keeps the capture undo records, so a
    /// committed sub-match (atomic group, positive lookaround) is still undone when the
    /// enclosing match backtracks past it.
    fn commit(&mut self, base: usize) {
        let mut w = base;
        for r in base..self.stack.len() {
            if matches!(self.stack[r], Frame::Slot { .. } | Frame::Reg { .. }) {
                self.stack.swap(w, r);
                w += 1;
            }
        }
        self.stack.truncate(w);
    }

    /// Runs from `pc` at `pos` until `Match`/`SubEnd`; the end position, or None.
    fn run(&mut self, mut pc: usize, mut pos: usize) -> Option<usize> {
        let base = self.stack.len();
        let prog = self.prog;
        loop {
            let ok = match &prog.insts[pc] {
                inst @ (Inst::Char(_)
                | Inst::CharFold(..)
                | Inst::AnyButNewline
                | Inst::Any
                | Inst::Class(..)) => {
                    if self.one_char(inst, pos) {
                        pos += 1;
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::Assert(a, ascii) => {
                    if self.assert(*a, *ascii, pos) {
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::Save(idx) => {
                    self.set_slot(*idx, pos);
                    if idx & 1 == 1 && *idx > 1 {
                        self.set_slot(self.slots.len() - 1, idx / 2);
                    }
                    pc += 1;
                    true
                }
                Inst::Split(a, b) => {
                    self.stack.push(Frame::Alt { pc: *b as u32, pos });
                    pc = *a;
                    true
                }
                Inst::Jmp(t) => {
                    pc = *t;
                    true
                }
                Inst::Backref(g, mode) => match self.backref(*g, *mode, pos) {
                    Some(p) => {
                        pos = p;
                        pc += 1;
                        true
                    }
                    None => false,
                },
                Inst::LoopInit(r) => {
                    self.set_reg(*r, pos);
                    pc += 1;
                    true
                }
                Inst::LoopCheck(r, exit) => {
                    if self.regs[*r] == pos {
                        pc = *exit;
                    } else {
                        self.set_reg(*r, pos);
                        pc += 1;
                    }
                    true
                }
                Inst::IfGroup(g, no) => {
                    let (s, e) = (self.slots[2 * g], self.slots[2 * g + 1]);
                    pc = if s != NONE && e != NONE { pc + 1 } else { *no };
                    true
                }
                Inst::Sub { kind, body, next } => match self.sub(*kind, *body, pos) {
                    Some(p) => {
                        pos = p;
                        pc = *next;
                        true
                    }
                    None => false,
                },
                Inst::RepeatOne { min, max, greedy } => {
                    match self.repeat_one(pc, pos, *min, *max, *greedy) {
                        Some(p) => {
                            pos = p;
                            pc += 2;
                            true
                        }
                        None => false,
                    }
                }
                Inst::SubEnd => return Some(pos),
                Inst::Match => {
                    let full_ok = !self.goal.full || pos == self.end;
                    let empty_ok = !(pos == self.start && self.start == self.goal.forbid_empty_at);
                    if full_ok && empty_ok {
                        return Some(pos);
                    }
                    false
                }
            };
            if !ok {
                match self.backtrack(base) {
                    Some((p, q)) => {
                        pc = p;
                        pos = q;
                    }
                    None => return None,
                }
            }
        }
    }

    fn backref(&self, g: usize, mode: super::parse::Mode, pos: usize) -> Option<usize> {
        let (s, e) = (self.slots[2 * g], self.slots[2 * g + 1]);
        if s == NONE || e == NONE || e < s {
            return None;
        }
        let len = e - s;
        if pos + len > self.end {
            return None;
        }
        for k in 0..len {
            let (a, b) = (self.text.at(s + k), self.text.at(pos + k));
            let same = a == b || (mode.icase && uni::lower(a) == uni::lower(b));
            if !same {
                return None;
            }
        }
        Some(pos + len)
    }

    /// Runs a lookaround or atomic sub-program; the position to continue at, or None.
    fn sub(&mut self, kind: SubKind, body: usize, pos: usize) -> Option<usize> {
        let base = self.stack.len();
        let (start, negate) = match kind {
            SubKind::Ahead { negate } => (pos, negate),
            SubKind::Behind { negate, width } => match pos.checked_sub(width) {
                Some(s) => (s, negate),
                None => return negate.then_some(pos),
            },
            SubKind::Atomic => (pos, false),
        };
        // The main goal (fullmatch, empty-match rule) only applies to the whole match.
        let found = self.run(body, start);
        match (found, negate) {
            (Some(end), false) => {
                self.commit(base);
                Some(if matches!(kind, SubKind::Atomic) {
                    end
                } else {
                    pos
                })
            }
            (Some(_), true) => {
                self.unwind(base);
                None
            }
            (None, true) => Some(pos),
            (None, false) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{parse, prog};
    use super::*;

    fn compile(p: &str) -> Program {
        let cps: Vec<u32> = p.chars().map(|c| c as u32).collect();
        let parsed = parse::parse(&cps, 0, false).expect("pattern parses");
        prog::compile(&parsed.node, parsed.groups).expect("pattern compiles")
    }

    fn search(p: &str, text: &str) -> Option<(usize, usize)> {
        let prog = compile(p);
        let t: Vec<u32> = text.chars().map(|c| c as u32).collect();
        let goal = Goal {
            full: false,
            forbid_empty_at: NONE,
        };
        let mut m = Matcher::new(&prog, &t[..], t.len(), goal);
        m.search(0).then(|| (m.slots[0], m.slots[1]))
    }

    #[test]
    fn long_texts_do_not_use_the_rust_stack() {
        let text = "a".repeat(1_000_000) + "b";
        assert_eq!(search("(?:a|c)*b", &text), Some((0, 1_000_001)));
        assert_eq!(search("a*?b", &text), Some((0, 1_000_001)));
        assert_eq!(search("(a)*x", &"a".repeat(2_000)), None);
    }

    #[test]
    fn empty_loop_bodies_terminate() {
        assert_eq!(search("(?:a*)*b", "aab"), Some((0, 3)));
        assert_eq!(search("(?:|a)*", "aa"), Some((0, 0)));
        assert_eq!(search("(?:a?)+?b", "b"), Some((0, 1)));
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let deep = format!("{}a{}", "(".repeat(250), ")".repeat(250));
        assert_eq!(search(&deep, "a"), Some((0, 1)));
        let too_deep: Vec<u32> = format!("{}a{}", "(".repeat(400), ")".repeat(400))
            .chars()
            .map(|c| c as u32)
            .collect();
        let e = parse::parse(&too_deep, 0, false).err().expect("too deep");
        assert_eq!(e.msg, parse::TOO_DEEP);
        let looks = format!("{}a{}", "(?=".repeat(250), ")".repeat(250));
        assert_eq!(search(&looks, "a"), Some((0, 0)));
    }

    #[test]
    fn one_character_repeats_backtrack_like_loops() {
        // Greedy: gives back characters, skipping to where the next literal matches.
        assert_eq!(search("a.*b", "xaabzzbq"), Some((1, 7)));
        assert_eq!(search("[ab]{2,3}b", "aaab"), Some((0, 4)));
        assert_eq!(search("x\\w*y", "x__y_"), Some((0, 4)));
        // Lazy: takes one more character at a time, up to its maximum.
        assert_eq!(search("a.*?b", "aXbYb"), Some((0, 3)));
        assert_eq!(search("a.{1,2}?c", "abbbc"), None);
        assert_eq!(search("a.{1,3}?c", "abbbc"), Some((0, 5)));
        // Inside atomic groups and lookaheads the frames are dropped on commit.
        assert_eq!(search("(?>a*)a", "aaa"), None);
        assert_eq!(search("(?=a*)b", "b"), Some((0, 1)));
        assert_eq!(search("a*+b", "aab"), Some((0, 3)));
        // Long runs neither recurse nor keep a frame per character.
        let text = "a".repeat(1_000_000);
        assert_eq!(search("a*$", &text), Some((0, 1_000_000)));
    }

    #[test]
    fn first_set_skips_only_impossible_starts() {
        assert_eq!(search("[xy]z", "aaayz"), Some((3, 5)));
        assert_eq!(search("(?i)K", "aa\u{212a}"), Some((2, 3)));
        assert_eq!(search("(?:q|[0-9])+", "ab7q"), Some((2, 4)));
        // A pattern that can match empty matches at the start (no skipping).
        assert_eq!(search("x*", "abc"), Some((0, 0)));
        assert_eq!(search("(?<=a)b|c", "zab"), Some((2, 3)));
    }

    #[test]
    fn lookbehind_at_text_start() {
        assert_eq!(search("(?<!x)y", "y"), Some((0, 1)));
        assert_eq!(search("(?<=x)y", "y"), None);
        assert_eq!(search("(?<=ab|cd)e", "cde"), Some((2, 3)));
    }
}
