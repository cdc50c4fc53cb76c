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
    /// The character every match starts with, when it is a fixed case-sensitive one.
    pub first: Option<u32>,
    /// Whether every match must start at the beginning of the text.
    pub anchored: bool,
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
    let first = first_char(node);
    let anchored = starts_anchored(node);
    Ok(Program {
        insts: c.insts,
        classes: c.classes,
        // The extra slot records the last group closed (`Match.lastindex`).
        nslots: 2 * (groups + 1) + 1,
        nregs: c.nregs,
        first,
        anchored,
    })
}

fn first_char(node: &Node) -> Option<u32> {
    match node {
        Node::Char(c, m) if !m.icase => Some(*c),
        Node::Group(_, n) | Node::Atomic(n) => first_char(n),
        Node::Concat(items) => {
            for it in items {
                match it {
                    Node::Empty => continue,
                    Node::Group(None, n) if matches!(**n, Node::Empty) => continue,
                    _ => return first_char(it),
                }
            }
            None
        }
        Node::Repeat { node, min, .. } if *min > 0 => first_char(node),
        _ => None,
    }
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
        found = (l != c && hit(l)) || (u != c && hit(u));
    }
    found != cls.negated
}
