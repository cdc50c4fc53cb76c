//! Compiles a parsed regex [`Node`] tree into a flat instruction list for the backtracking
//! matcher in `exec.rs`: captures become `Save` slots, alternation and repetition become
//! prioritised `Split`s, lookaround and atomic groups become sub-programs.

use super::parse::{Assert, Class, ClassItem, Mode, Node};
use super::uni;

#[derive(Clone, Copy, Debug)]
pub enum SubKind {
    Ahead { negate: bool },
    Behind { negate: bool, width: usize },
    Atomic,
}

#[derive(Clone, Debug)]
pub enum Inst {
    Char(u32),
    /// A character compared case-insensitively (stored lowercased).
    CharFold(u32, bool),
    AnyButNewline,
    Any,
    Class(usize, Mode),
    Assert(Assert, bool),
    Save(usize),
    /// Try `.0` first, then `.1` on backtracking.
    Split(usize, usize),
    Jmp(usize),
    Backref(usize, Mode),
    /// `regs[r] = pos` (restored on backtracking).
    LoopInit(usize),
    /// After one loop iteration: an empty iteration leaves the loop at `.1` (so
    /// empty-matching bodies cannot loop forever); otherwise `regs[r] = pos`.
    LoopCheck(usize, usize),
    /// Run the sub-program starting at `body`, then continue at `next`.
    Sub {
        kind: SubKind,
        body: usize,
        next: usize,
    },
    /// Continue if group `.0` matched, else jump to `.1`.
    IfGroup(usize, usize),
    /// A repeat of the one-character instruction right after it (CPython's
    /// `REPEAT_ONE`/`MIN_REPEAT_ONE`): every iteration consumes exactly one character, so
    /// the matcher runs the iterations in a tight loop and keeps one backtrack frame for
    /// the whole repeat instead of one per iteration; the continuation is at pc + 2.
    RepeatOne {
        min: u32,
        /// `u32::MAX`: unbounded.
        max: u32,
        greedy: bool,
    },
    /// End of the whole pattern.
    Match,
    /// End of a sub-program.
    SubEnd,
}

pub struct Program {
    pub insts: Vec<Inst>,
    pub classes: Vec<Class>,
    pub nslots: usize,
    pub nregs: usize,
    /// The character every match starts with, when the first-character set is one ASCII
    /// character (the search then scans for it alone).
    pub first: Option<u32>,
    /// Whether every match must start at the beginning of the text.
    pub anchored: bool,
    /// The characters a match can start with, when that is known and no match is empty:
    /// the search skips positions whose character is not in it.
    pub first_set: Option<FirstSet>,
}

/// A set of characters: an exact bitmap for ASCII, and for the rest only whether any
/// non-ASCII character may be in it.
#[derive(Clone, Debug, Default)]
pub struct FirstSet {
    ascii: [u64; 2],
    non_ascii: bool,
}

impl FirstSet {
    #[inline(always)]
    pub fn contains(&self, c: u32) -> bool {
        if c < 128 {
            self.ascii[(c >> 6) as usize] & (1 << (c & 63)) != 0
        } else {
            self.non_ascii
        }
    }

    /// The set's only character, when it holds exactly one ASCII character.
    fn only(&self) -> Option<u32> {
        let ones = self.ascii[0].count_ones() + self.ascii[1].count_ones();
        if self.non_ascii || ones != 1 {
            return None;
        }
        Some(if self.ascii[0] != 0 {
            self.ascii[0].trailing_zeros()
        } else {
            64 + self.ascii[1].trailing_zeros()
        })
    }

    fn add(&mut self, c: u32) {
        if c < 128 {
            self.ascii[(c >> 6) as usize] |= 1 << (c & 63);
        } else {
            self.non_ascii = true;
        }
    }

    fn union(&mut self, other: &FirstSet) {
        self.ascii[0] |= other.ascii[0];
        self.ascii[1] |= other.ascii[1];
        self.non_ascii |= other.non_ascii;
    }
}

/// What a node can start with: `set` None when any character may start it (or it is not
/// worth knowing), and whether it can match the empty string (conservatively true).
struct Start {
    set: Option<FirstSet>,
    nullable: bool,
}

fn start_of(node: &Node) -> Start {
    let one = |set: FirstSet| Start {
        set: Some(set),
        nullable: false,
    };
    let unknown = |nullable: bool| Start {
        set: None,
        nullable,
    };
    match node {
        Node::Empty | Node::Assert(..) | Node::Look { .. } => Start {
            set: Some(FirstSet::default()),
            nullable: true,
        },
        Node::Char(c, m) => {
            let mut set = FirstSet::default();
            set.add(*c);
            if m.icase {
                // Case-insensitive: the ASCII cases, and any non-ASCII character (a
                // Unicode fold may reach this one, as KELVIN SIGN reaches 'k').
                for a in 0..128u32 {
                    if uni::lower(a) == uni::lower(*c) || uni::upper(a) == uni::upper(*c) {
                        set.add(a);
                    }
                }
                set.non_ascii = true;
            }
            one(set)
        }
        Node::Class(cls, m) => {
            let mut set = FirstSet::default();
            for a in 0..128u32 {
                if class_matches(cls, a, *m) {
                    set.add(a);
                }
            }
            set.non_ascii = true;
            one(set)
        }
        Node::Any { .. } | Node::Backref(..) | Node::Cond { .. } => unknown(true),
        Node::Group(_, n) | Node::Atomic(n) => start_of(n),
        Node::Repeat { node, min, .. } => {
            let inner = start_of(node);
            Start {
                set: inner.set,
                nullable: *min == 0 || inner.nullable,
            }
        }
        Node::Concat(items) => {
            let mut set = FirstSet::default();
            for it in items {
                let s = start_of(it);
                match s.set {
                    Some(ref x) => set.union(x),
                    None => return unknown(true),
                }
                if !s.nullable {
                    return one(set);
                }
            }
            Start {
                set: Some(set),
                nullable: true,
            }
        }
        Node::Alt(branches) => {
            let mut set = FirstSet::default();
            let mut nullable = false;
            for b in branches {
                let s = start_of(b);
                match s.set {
                    Some(ref x) => set.union(x),
                    None => return unknown(true),
                }
                nullable |= s.nullable;
            }
            Start {
                set: Some(set),
                nullable,
            }
        }
    }
}

/// Programs longer than this are refused (counted repeats are expanded).
const MAX_INSTS: usize = 1 << 22;

pub fn compile(node: &Node, groups: usize) -> Result<Program, String> {
    let mut c = Compiler {
        insts: Vec::new(),
        classes: Vec::new(),
        nregs: 0,
    };
    c.insts.push(Inst::Save(0));
    c.emit(node)?;
    c.insts.push(Inst::Save(1));
    c.insts.push(Inst::Match);
    let anchored = starts_anchored(node);
    let start = start_of(node);
    let first_set = if start.nullable { None } else { start.set };
    let first = first_set.as_ref().and_then(FirstSet::only);
    Ok(Program {
        insts: c.insts,
        classes: c.classes,
        // The extra slot records the last group closed (`Match.lastindex`).
        nslots: 2 * (groups + 1) + 1,
        nregs: c.nregs,
        first,
        anchored,
        first_set,
    })
}

fn starts_anchored(node: &Node) -> bool {
    match node {
        Node::Assert(Assert::TextStart, _) => true,
        Node::Group(_, n) | Node::Atomic(n) => starts_anchored(n),
        Node::Concat(items) => items.first().is_some_and(starts_anchored),
        Node::Alt(bs) => bs.iter().all(starts_anchored),
        _ => false,
    }
}

struct Compiler {
    insts: Vec<Inst>,
    classes: Vec<Class>,
    nregs: usize,
}

impl Compiler {
    fn pc(&self) -> usize {
        self.insts.len()
    }

    fn push(&mut self, i: Inst) -> Result<usize, String> {
        if self.insts.len() >= MAX_INSTS {
            return Err("regular expression is too large".into());
        }
        self.insts.push(i);
        Ok(self.insts.len() - 1)
    }

    fn emit(&mut self, node: &Node) -> Result<(), String> {
        match node {
            Node::Empty => {}
            Node::Char(c, m) => {
                if m.icase && (uni::lower(*c) != *c || uni::upper(*c) != *c) {
                    let l = if m.ascii && *c >= 0x80 {
                        *c
                    } else {
                        uni::lower(*c)
                    };
                    self.push(Inst::CharFold(l, m.ascii))?;
                } else {
                    self.push(Inst::Char(*c))?;
                }
            }
            Node::Any { dotall } => {
                self.push(if *dotall {
                    Inst::Any
                } else {
                    Inst::AnyButNewline
                })?;
            }
            Node::Class(cls, m) => {
                let idx = self.classes.len();
                self.classes.push(cls.clone());
                self.push(Inst::Class(idx, *m))?;
            }
            Node::Assert(a, m) => {
                self.push(Inst::Assert(*a, m.ascii))?;
            }
            Node::Group(idx, body) => {
                if let Some(i) = idx {
                    self.push(Inst::Save(2 * i))?;
                }
                self.emit(body)?;
                if let Some(i) = idx {
                    self.push(Inst::Save(2 * i + 1))?;
                }
            }
            Node::Concat(items) => {
                for it in items {
                    self.emit(it)?;
                }
            }
            Node::Alt(branches) => {
                let mut jumps = Vec::new();
                for (k, b) in branches.iter().enumerate() {
                    if k + 1 < branches.len() {
                        let split = self.push(Inst::Split(0, 0))?;
                        self.emit(b)?;
                        jumps.push(self.push(Inst::Jmp(0))?);
                        let next = self.pc();
                        self.insts[split] = Inst::Split(split + 1, next);
                    } else {
                        self.emit(b)?;
                    }
                }
                let end = self.pc();
                for j in jumps {
                    self.insts[j] = Inst::Jmp(end);
                }
            }
            Node::Repeat {
                node,
                min,
                max,
                greedy,
                possessive,
            } => {
                if *possessive {
                    let inner = Node::Repeat {
                        node: node.clone(),
                        min: *min,
                        max: *max,
                        greedy: true,
                        possessive: false,
                    };
                    return self.emit_sub(SubKind::Atomic, &inner);
                }
                self.emit_repeat(node, *min, *max, *greedy)?;
            }
            Node::Backref(g, m) => {
                self.push(Inst::Backref(*g, *m))?;
            }
            Node::Look {
                behind,
                negate,
                node,
            } => {
                let kind = if *behind {
                    SubKind::Behind {
                        negate: *negate,
                        width: super::parse::fixed_width(node).unwrap_or(0),
                    }
                } else {
                    SubKind::Ahead { negate: *negate }
                };
                self.emit_sub(kind, node)?;
            }
            Node::Atomic(body) => self.emit_sub(SubKind::Atomic, body)?,
            Node::Cond { group, yes, no } => {
                let test = self.push(Inst::IfGroup(*group, 0))?;
                self.emit(yes)?;
                let jmp = self.push(Inst::Jmp(0))?;
                let no_pc = self.pc();
                self.emit(no)?;
                let end = self.pc();
                self.insts[test] = Inst::IfGroup(*group, no_pc);
                self.insts[jmp] = Inst::Jmp(end);
            }
        }
        Ok(())
    }

    fn emit_sub(&mut self, kind: SubKind, body: &Node) -> Result<(), String> {
        let at = self.push(Inst::Sub {
            kind,
            body: 0,
            next: 0,
        })?;
        let body_pc = self.pc();
        self.emit(body)?;
        self.push(Inst::SubEnd)?;
        let next = self.pc();
        self.insts[at] = Inst::Sub {
            kind,
            body: body_pc,
            next,
        };
        Ok(())
    }

    fn split(&mut self, at: usize, body: usize, exit: usize, greedy: bool) {
        self.insts[at] = if greedy {
            Inst::Split(body, exit)
        } else {
            Inst::Split(exit, body)
        };
    }

    fn emit_repeat(
        &mut self,
        node: &Node,
        min: u32,
        max: Option<u32>,
        greedy: bool,
    ) -> Result<(), String> {
        if is_one_char(node) && max.is_none_or(|m| m < u32::MAX) {
            self.push(Inst::RepeatOne {
                min,
                max: max.unwrap_or(u32::MAX),
                greedy,
            })?;
            let at = self.pc();
            self.emit(node)?;
            debug_assert_eq!(self.pc(), at + 1, "a one-character node is one instruction");
            return Ok(());
        }
        for _ in 0..min {
            self.emit(node)?;
        }
        match max {
            None => {
                // L: split(body, exit); body; loopcheck; jmp L
                let reg = self.nregs;
                self.nregs += 1;
                self.push(Inst::LoopInit(reg))?;
                let l = self.push(Inst::Split(0, 0))?;
                self.emit(node)?;
                let check = self.push(Inst::LoopCheck(reg, 0))?;
                self.push(Inst::Jmp(l))?;
                let exit = self.pc();
                self.insts[check] = Inst::LoopCheck(reg, exit);
                self.split(l, l + 1, exit, greedy);
            }
            Some(max) => {
                let mut splits = Vec::new();
                for _ in min..max {
                    splits.push(self.push(Inst::Split(0, 0))?);
                    self.emit(node)?;
                }
                let exit = self.pc();
                for s in splits {
                    self.split(s, s + 1, exit, greedy);
                }
            }
        }
        Ok(())
    }
}

/// Whether `node` always matches exactly one character and compiles to one instruction
/// without captures (what [`Inst::RepeatOne`] can repeat).
fn is_one_char(node: &Node) -> bool {
    match node {
        Node::Char(..) | Node::Any { .. } | Node::Class(..) => true,
        Node::Group(None, n) => is_one_char(n),
        _ => false,
    }
}

/// Whether `c` is in `cls` (case-insensitively when `mode.icase`).
pub fn class_matches(cls: &Class, c: u32, mode: Mode) -> bool {
    let hit = |c: u32| {
        cls.items.iter().any(|it| match *it {
            ClassItem::Range(lo, hi) => lo <= c && c <= hi,
            ClassItem::Digit(neg) => uni::is_digit(c, mode.ascii) != neg,
            ClassItem::Space(neg) => uni::is_space(c, mode.ascii) != neg,
            ClassItem::Word(neg) => uni::is_word(c, mode.ascii) != neg,
        })
    };
    let mut found = hit(c);
    if !found && mode.icase && !(mode.ascii && c >= 0x80) {
        let (l, u) = (uni::lower(c), uni::upper(c));
        // Also the lowercase of the uppercase: 'ſ' and 'ı' fold to 's' and 'i' that way.
        let lu = uni::lower(u);
        found = (l != c && hit(l)) || (u != c && hit(u)) || (lu != c && lu != l && hit(lu));
    }
    found != cls.negated
}
