//! Regular-expression syntax: turns a pattern (as code points) into a [`Node`] tree with
//! CPython `re`'s grammar (groups, named groups, lookaround, atomic groups, possessive and
//! lazy quantifiers, conditionals, backreferences, scoped inline flags, verbose mode) and
//! its error messages and positions.

use super::uni;

pub const F_IGNORECASE: u32 = 2;
pub const F_LOCALE: u32 = 4;
pub const F_MULTILINE: u32 = 8;
pub const F_DOTALL: u32 = 16;
pub const F_UNICODE: u32 = 32;
pub const F_VERBOSE: u32 = 64;
pub const F_ASCII: u32 = 256;

/// One member of a character class.
#[derive(Clone, Debug)]
pub enum ClassItem {
    Range(u32, u32),
    Digit(bool),
    Space(bool),
    Word(bool),
}

#[derive(Clone, Debug)]
pub struct Class {
    pub negated: bool,
    pub items: Vec<ClassItem>,
}

/// Zero-width assertions.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Assert {
    /// `^` without MULTILINE, `\A`.
    TextStart,
    /// `^` with MULTILINE.
    LineStart,
    /// `$` without MULTILINE: end, or before a final newline.
    TextEndOrNewline,
    /// `$` with MULTILINE.
    LineEnd,
    /// `\Z`.
    TextEnd,
    WordBoundary,
    NotWordBoundary,
}

/// Lexical flags that change how a node matches.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Mode {
    pub icase: bool,
    pub ascii: bool,
}

#[derive(Clone, Debug)]
pub enum Node {
    Empty,
    Char(u32, Mode),
    Any {
        dotall: bool,
    },
    Class(Class, Mode),
    Assert(Assert, Mode),
    Group(Option<usize>, Box<Node>),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
        greedy: bool,
        possessive: bool,
    },
    Backref(usize, Mode),
    Look {
        behind: bool,
        negate: bool,
        node: Box<Node>,
    },
    Atomic(Box<Node>),
    Cond {
        group: usize,
        yes: Box<Node>,
        no: Box<Node>,
    },
}

/// A parsed pattern.
pub struct Parsed {
    pub node: Node,
    pub groups: usize,
    pub names: Vec<(String, usize)>,
    pub flags: u32,
}

/// A syntax error: CPython's message and the position it reports.
#[derive(Debug)]
pub struct SyntaxError {
    pub msg: String,
    pub pos: usize,
}

type PResult<T> = Result<T, SyntaxError>;

const MAXREPEAT: u32 = u32::MAX;
/// Deeper group nesting fails like CPython's recursive parser does (RecursionError); the
/// bound also keeps the compiler's and matcher's recursion over the tree shallow.
const MAX_NESTING: usize = 300;
/// The message of the nesting error (`_rpyre.compile` raises it as RecursionError).
pub const TOO_DEEP: &str = "maximum recursion depth exceeded";
/// The position of errors CPython reports without one.
pub const NO_POS: usize = usize::MAX;

struct Parser<'a> {
    p: &'a [u32],
    i: usize,
    flags: u32,
    is_bytes: bool,
    groups: usize,
    names: Vec<(String, usize)>,
    open: Vec<usize>,
    depth: usize,
}

fn err<T>(msg: impl Into<String>, pos: usize) -> PResult<T> {
    Err(SyntaxError {
        msg: msg.into(),
        pos,
    })
}

fn chr(c: u32) -> char {
    char::from_u32(c).unwrap_or('\u{fffd}')
}

/// Parses `pattern` with the given flags; `is_bytes` selects the bytes-pattern rules.
pub fn parse(pattern: &[u32], flags: u32, is_bytes: bool) -> PResult<Parsed> {
    let mut p = Parser {
        p: pattern,
        i: 0,
        flags,
        is_bytes,
        groups: 0,
        names: Vec::new(),
        open: Vec::new(),
        depth: 0,
    };
    p.check_global_flags(flags, 0)?;
    let node = p.parse_alt()?;
    if p.i < p.p.len() {
        // Only a stray ')' stops the top-level alternation early.
        return err("unbalanced parenthesis", p.i);
    }
    let mut flags = p.flags;
    if !is_bytes && flags & (F_ASCII | F_LOCALE) == 0 {
        flags |= F_UNICODE;
    }
    // Backreferences to groups that do not exist (yet) were checked as they were parsed.
    Ok(Parsed {
        node,
        groups: p.groups,
        names: p.names,
        flags,
    })
}

impl Parser<'_> {
    fn peek(&self) -> Option<u32> {
        self.p.get(self.i).copied()
    }

    fn peek_is(&self, c: char) -> bool {
        self.peek() == Some(c as u32)
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek_is(c) {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn mode(&self) -> Mode {
        Mode {
            icase: self.flags & F_IGNORECASE != 0,
            ascii: self.flags & F_ASCII != 0 || self.is_bytes,
        }
    }

    fn check_global_flags(&self, flags: u32, pos: usize) -> PResult<()> {
        if flags & F_ASCII != 0 && flags & F_UNICODE != 0 {
            return err("ASCII and UNICODE flags are incompatible", pos);
        }
        if self.is_bytes && flags & F_UNICODE != 0 {
            return err("cannot use UNICODE flag with a bytes pattern", pos);
        }
        if !self.is_bytes && flags & F_LOCALE != 0 {
            return err("cannot use LOCALE flag with a str pattern", pos);
        }
        Ok(())
    }

    /// Skips whitespace and comments in verbose mode.
    fn skip_verbose(&mut self) {
        if self.flags & F_VERBOSE == 0 {
            return;
        }
        while let Some(c) = self.peek() {
            if matches!(c, 0x20 | 0x09 | 0x0a | 0x0b | 0x0c | 0x0d) {
                self.i += 1;
            } else if c == '#' as u32 {
                while let Some(c) = self.peek() {
                    self.i += 1;
                    if c == '\n' as u32 {
                        break;
                    }
                }
            } else {
                break;
            }
        }
    }

    fn parse_alt(&mut self) -> PResult<Node> {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return err(TOO_DEEP, NO_POS);
        }
        let mut branches = vec![self.parse_seq()?];
        while self.eat('|') {
            branches.push(self.parse_seq()?);
        }
        self.depth -= 1;
        Ok(if branches.len() == 1 {
            branches.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alt(branches)
        })
    }

    fn parse_seq(&mut self) -> PResult<Node> {
        let mut items: Vec<Node> = Vec::new();
        loop {
            self.skip_verbose();
            let Some(c) = self.peek() else { break };
            if c == '|' as u32 || c == ')' as u32 {
                break;
            }
            let start = self.i;
            if matches!(chr(c), '*' | '+' | '?') || (c == '{' as u32 && self.repeat_ahead()) {
                return err("nothing to repeat", start);
            }
            let atom = self.parse_atom()?;
            let atom = self.parse_quantifiers(atom)?;
            items.push(atom);
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(items),
        })
    }

    /// Whether a `{` at the cursor starts a valid `{m}`, `{m,}`, `{,n}` or `{m,n}`.
    fn repeat_ahead(&self) -> bool {
        let mut j = self.i + 1;
        let digits = |j: &mut usize| {
            let s = *j;
            while self.p.get(*j).is_some_and(|&c| (0x30..=0x39).contains(&c)) {
                *j += 1;
            }
            *j > s
        };
        let lo = digits(&mut j);
        if self.p.get(j) == Some(&(',' as u32)) {
            j += 1;
            digits(&mut j);
        } else if !lo {
            return false;
        }
        self.p.get(j) == Some(&('}' as u32))
    }

    fn read_int(&mut self) -> Option<u64> {
        let s = self.i;
        let mut v: u64 = 0;
        while let Some(c) = self.peek().filter(|c| (0x30..=0x39).contains(c)) {
            v = v.saturating_mul(10).saturating_add(u64::from(c - 0x30));
            self.i += 1;
        }
        (self.i > s).then_some(v)
    }

    fn parse_quantifiers(&mut self, mut atom: Node) -> PResult<Node> {
        let mut quantified = false;
        loop {
            self.skip_verbose();
            let Some(c) = self.peek() else { break };
            let here = self.i;
            let (min, max) = match chr(c) {
                '*' => {
                    self.i += 1;
                    (0, None)
                }
                '+' => {
                    self.i += 1;
                    (1, None)
                }
                '?' => {
                    self.i += 1;
                    (0, Some(1))
                }
                '{' if self.repeat_ahead() => {
                    self.i += 1;
                    let lo = self.read_int();
                    let hi = if self.eat(',') {
                        self.read_int()
                    } else {
                        Some(lo.unwrap_or(0))
                    };
                    self.i += 1; // '}'
                    let lo = lo.unwrap_or(0);
                    if lo >= u64::from(MAXREPEAT) || hi.is_some_and(|h| h >= u64::from(MAXREPEAT)) {
                        return err("the repetition number is too large", here + 1);
                    }
                    if let Some(h) = hi
                        && h < lo
                    {
                        return err("min repeat greater than max repeat", here + 1);
                    }
                    (lo as u32, hi.map(|h| h as u32))
                }
                _ => break,
            };
            if quantified {
                return err("multiple repeat", here);
            }
            if matches!(atom, Node::Assert(..)) {
                return err("nothing to repeat", here);
            }
            let (greedy, possessive) = if self.eat('?') {
                (false, false)
            } else if self.eat('+') {
                (true, true)
            } else {
                (true, false)
            };
            atom = Node::Repeat {
                node: Box::new(atom),
                min,
                max,
                greedy,
                possessive,
            };
            quantified = true;
        }
        Ok(atom)
    }

    fn parse_atom(&mut self) -> PResult<Node> {
        let start = self.i;
        let c = chr(self.p[self.i]);
        self.i += 1;
        let mode = self.mode();
        Ok(match c {
            '.' => Node::Any {
                dotall: self.flags & F_DOTALL != 0,
            },
            '^' => Node::Assert(
                if self.flags & F_MULTILINE != 0 {
                    Assert::LineStart
                } else {
                    Assert::TextStart
                },
                mode,
            ),
            '$' => Node::Assert(
                if self.flags & F_MULTILINE != 0 {
                    Assert::LineEnd
                } else {
                    Assert::TextEndOrNewline
                },
                mode,
            ),
            '[' => Node::Class(self.parse_class(start)?, mode),
            '(' => self.parse_group(start)?,
            '\\' => self.parse_escape(start)?,
            _ => Node::Char(c as u32, mode),
        })
    }

    fn parse_group(&mut self, start: usize) -> PResult<Node> {
        if !self.eat('?') {
            let idx = self.new_group();
            return self.group_body(Some(idx), start);
        }
        let Some(c) = self.peek() else {
            return err("unexpected end of pattern", self.i);
        };
        self.i += 1;
        match chr(c) {
            ':' => self.group_body(None, start),
            'P' => {
                if self.eat('<') {
                    let name = self.read_name('>')?;
                    let idx = self.add_named_group(name)?;
                    self.group_body(Some(idx), start)
                } else if self.eat('=') {
                    let name_pos = self.i;
                    let name = self.read_name(')')?;
                    let Some(idx) = self.lookup_name(&name) else {
                        return err(format!("unknown group name '{name}'"), name_pos);
                    };
                    if self.open.contains(&idx) {
                        return err("cannot refer to an open group", start);
                    }
                    Ok(Node::Backref(idx, self.mode()))
                } else {
                    let pos = self.i;
                    match self.peek() {
                        Some(c) => err(format!("unknown extension ?P{}", chr(c)), pos - 2),
                        None => err("unexpected end of pattern", pos),
                    }
                }
            }
            '<' if self.peek_is('=') || self.peek_is('!') => {
                let negate = self.eat('!');
                if !negate {
                    self.i += 1;
                }
                self.look(true, negate, start)
            }
            '<' => {
                let name = self.read_name('>')?;
                let idx = self.add_named_group(name)?;
                self.group_body(Some(idx), start)
            }
            '=' => self.look(false, false, start),
            '!' => self.look(false, true, start),
            '>' => {
                let body = self.group_body(None, start)?;
                Ok(Node::Atomic(Box::new(body)))
            }
            '#' => {
                while let Some(c) = self.peek() {
                    self.i += 1;
                    if c == ')' as u32 {
                        return Ok(Node::Empty);
                    }
                }
                err("missing ), unterminated comment", start)
            }
            '(' => self.parse_conditional(start),
            c if "aiLmsux-".contains(c) => {
                self.i -= 1;
                self.parse_flags(start)
            }
            c => err(format!("unknown extension ?{c}"), start + 1),
        }
    }

    fn new_group(&mut self) -> usize {
        self.groups += 1;
        self.groups
    }

    fn add_named_group(&mut self, name: String) -> PResult<usize> {
        let idx = self.groups + 1;
        if let Some(old) = self.lookup_name(&name) {
            return err(
                format!("redefinition of group name '{name}' as group {idx}; was group {old}"),
                self.i - name.chars().count() - 1,
            );
        }
        self.groups = idx;
        self.names.push((name, idx));
        Ok(idx)
    }

    fn lookup_name(&self, name: &str) -> Option<usize> {
        self.names
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|&(_, i)| i)
    }

    fn read_name(&mut self, term: char) -> PResult<String> {
        let start = self.i;
        let mut name = String::new();
        loop {
            match self.peek() {
                None => {
                    return err(
                        if term == '>' {
                            "missing >, unterminated name"
                        } else {
                            "missing ), unterminated name"
                        },
                        start,
                    );
                }
                Some(c) if c == term as u32 => {
                    self.i += 1;
                    break;
                }
                Some(c) => {
                    name.push(chr(c));
                    self.i += 1;
                }
            }
        }
        if name.is_empty() {
            return err("missing group name", start);
        }
        if !is_identifier(&name) || (self.is_bytes && !name.is_ascii()) {
            return err(format!("bad character in group name '{name}'"), start);
        }
        Ok(name)
    }

    fn group_body(&mut self, idx: Option<usize>, start: usize) -> PResult<Node> {
        if let Some(i) = idx {
            self.open.push(i);
        }
        let saved = self.flags;
        let body = self.parse_alt()?;
        self.flags = saved;
        if !self.eat(')') {
            return err("missing ), unterminated subpattern", start);
        }
        if idx.is_some() {
            self.open.pop();
        }
        Ok(Node::Group(idx, Box::new(body)))
    }

    fn look(&mut self, behind: bool, negate: bool, start: usize) -> PResult<Node> {
        let body = self.group_body(None, start)?;
        if behind && fixed_width(&body).is_none() {
            return err("look-behind requires fixed-width pattern", NO_POS);
        }
        Ok(Node::Look {
            behind,
            negate,
            node: Box::new(body),
        })
    }

    fn parse_conditional(&mut self, start: usize) -> PResult<Node> {
        let name_pos = self.i;
        let name = self.read_name_raw(')')?;
        let group = if let Ok(n) = name.parse::<usize>() {
            if n == 0 {
                return err("bad group number", name_pos);
            }
            n
        } else if let Some(i) = self.lookup_name(&name) {
            i
        } else if is_identifier(&name) {
            return err(format!("unknown group name '{name}'"), name_pos);
        } else {
            return err(format!("bad character in group name '{name}'"), name_pos);
        };
        let saved = self.flags;
        let yes = self.parse_seq()?;
        let no = if self.eat('|') {
            let no = self.parse_seq()?;
            if self.peek_is('|') {
                return err("conditional backref with more than two branches", self.i);
            }
            no
        } else {
            Node::Empty
        };
        self.flags = saved;
        if !self.eat(')') {
            return err("missing ), unterminated subpattern", start);
        }
        if group > self.groups {
            return err("invalid group reference", name_pos);
        }
        Ok(Node::Cond {
            group,
            yes: Box::new(yes),
            no: Box::new(no),
        })
    }

    fn read_name_raw(&mut self, term: char) -> PResult<String> {
        let start = self.i;
        let mut name = String::new();
        loop {
            match self.peek() {
                None => return err("missing ), unterminated name", start),
                Some(c) if c == term as u32 => {
                    self.i += 1;
                    break;
                }
                Some(c) => {
                    name.push(chr(c));
                    self.i += 1;
                }
            }
        }
        if name.is_empty() {
            return err("missing group name", start);
        }
        Ok(name)
    }

    /// `(?aiLmsux)` at the start or `(?aiLmsux-imsx:...)` anywhere.
    fn parse_flags(&mut self, start: usize) -> PResult<Node> {
        let mut on = 0u32;
        let mut off = 0u32;
        let mut minus = false;
        loop {
            let Some(c) = self.peek() else {
                return err("missing -, : or )", self.i);
            };
            let f = match chr(c) {
                'a' => F_ASCII,
                'i' => F_IGNORECASE,
                'L' => F_LOCALE,
                'm' => F_MULTILINE,
                's' => F_DOTALL,
                'u' => F_UNICODE,
                'x' => F_VERBOSE,
                '-' if !minus => {
                    minus = true;
                    self.i += 1;
                    if self.peek().is_some_and(|c| "auL".contains(chr(c))) {
                        return err(
                            "bad inline flags: cannot turn off flags 'a', 'u' and 'L'",
                            self.i + 1,
                        );
                    }
                    if !self.peek().is_some_and(|c| "imsx".contains(chr(c))) {
                        return err("missing flag", self.i);
                    }
                    continue;
                }
                ')' if !minus => {
                    self.i += 1;
                    if start != 0 {
                        return err("global flags not at the start of the expression", start);
                    }
                    self.check_global_flags(self.flags | on, start)?;
                    self.flags |= on;
                    return Ok(Node::Empty);
                }
                ':' => {
                    self.i += 1;
                    let saved = self.flags;
                    self.flags = (self.flags | on) & !off;
                    if on & (F_ASCII | F_UNICODE) != 0 {
                        self.flags &= !(F_ASCII | F_UNICODE);
                        self.flags |= on & (F_ASCII | F_UNICODE);
                    }
                    let body = self.parse_alt()?;
                    self.flags = saved;
                    if !self.eat(')') {
                        return err("missing ), unterminated subpattern", start);
                    }
                    return Ok(Node::Group(None, Box::new(body)));
                }
                c if c.is_ascii_alphabetic() => {
                    return err("unknown flag", self.i);
                }
                _ => return err("missing -, : or )", self.i),
            };
            if minus {
                if f & (F_IGNORECASE | F_MULTILINE | F_DOTALL | F_VERBOSE) == 0 {
                    return err(
                        "bad inline flags: cannot turn off flags 'a', 'u' and 'L'",
                        self.i,
                    );
                }
                off |= f;
            } else {
                if self.is_bytes && f == F_UNICODE {
                    return err(
                        "bad inline flags: cannot use 'u' flag with a bytes pattern",
                        self.i,
                    );
                }
                if !self.is_bytes && f == F_LOCALE {
                    return err(
                        "bad inline flags: cannot use 'L' flag with a str pattern",
                        self.i,
                    );
                }
                on |= f;
            }
            self.i += 1;
        }
    }

    fn parse_escape(&mut self, start: usize) -> PResult<Node> {
        let Some(c) = self.peek() else {
            return err("bad escape (end of pattern)", start);
        };
        self.i += 1;
        let mode = self.mode();
        let class = |item| {
            Node::Class(
                Class {
                    negated: false,
                    items: vec![item],
                },
                mode,
            )
        };
        Ok(match chr(c) {
            'A' => Node::Assert(Assert::TextStart, mode),
            // `\z` is 3.14's spelling of `\Z` (end of text only).
            'Z' | 'z' => Node::Assert(Assert::TextEnd, mode),
            'b' => Node::Assert(Assert::WordBoundary, mode),
            'B' => Node::Assert(Assert::NotWordBoundary, mode),
            'd' => class(ClassItem::Digit(false)),
            'D' => class(ClassItem::Digit(true)),
            's' => class(ClassItem::Space(false)),
            'S' => class(ClassItem::Space(true)),
            'w' => class(ClassItem::Word(false)),
            'W' => class(ClassItem::Word(true)),
            '1'..='9' => {
                // A backreference of up to two digits, or an octal escape of three.
                let d2 = self.peek().filter(|c| (0x30..=0x39).contains(c));
                if let Some(d) = d2
                    && (0x30..=0x37).contains(&c)
                    && (0x30..=0x37).contains(&d)
                    && self
                        .p
                        .get(self.i + 1)
                        .is_some_and(|c| (0x30..=0x37).contains(c))
                {
                    let v = (c - 0x30) * 64 + (d - 0x30) * 8 + (self.p[self.i + 1] - 0x30);
                    self.i += 2;
                    if v > 0o377 {
                        return err(
                            format!("octal escape value \\{:o} outside of range 0-0o377", v),
                            start,
                        );
                    }
                    return Ok(Node::Char(v, mode));
                }
                let mut n = (c - 0x30) as usize;
                if let Some(d) = d2 {
                    n = n * 10 + (d - 0x30) as usize;
                    self.i += 1;
                }
                if n > self.groups {
                    return err(format!("invalid group reference {n}"), start + 1);
                }
                if self.open.contains(&n) {
                    return err("cannot refer to an open group", start);
                }
                Node::Backref(n, mode)
            }
            _ => Node::Char(self.simple_escape(c, start, false)?, mode),
        })
    }

    /// Escapes that stand for one character (shared by patterns and classes).
    fn simple_escape(&mut self, c: u32, start: usize, in_class: bool) -> PResult<u32> {
        let ch = chr(c);
        Ok(match ch {
            'a' => 7,
            'b' if in_class => 8,
            'f' => 12,
            'n' => 10,
            'r' => 13,
            't' => 9,
            'v' => 11,
            '0' => {
                let mut v = 0;
                let mut n = 0;
                while n < 2 && self.peek().is_some_and(|c| (0x30..=0x37).contains(&c)) {
                    v = v * 8 + (self.p[self.i] - 0x30);
                    self.i += 1;
                    n += 1;
                }
                v
            }
            '1'..='7' if in_class => {
                let mut v = c - 0x30;
                let mut n = 0;
                while n < 2 && self.peek().is_some_and(|c| (0x30..=0x37).contains(&c)) {
                    v = v * 8 + (self.p[self.i] - 0x30);
                    self.i += 1;
                    n += 1;
                }
                if n == 0 {
                    return err(format!("bad escape \\{ch}"), start);
                }
                if v > 0o377 {
                    return err(
                        format!("octal escape value \\{:o} outside of range 0-0o377", v),
                        start,
                    );
                }
                v
            }
            'x' => self.hex_escape(2, start, 'x')?,
            'u' if !self.is_bytes => self.hex_escape(4, start, 'u')?,
            'U' if !self.is_bytes => {
                let v = self.hex_escape(8, start, 'U')?;
                if v > 0x10ffff {
                    return err(format!("bad escape \\U{v:08x}"), start);
                }
                v
            }
            'N' if !self.is_bytes => {
                return err("\\N{...} escapes are not supported by rpy's re", start);
            }
            c if c.is_ascii_alphanumeric() => return err(format!("bad escape \\{c}"), start),
            _ => c,
        })
    }

    fn hex_escape(&mut self, n: usize, start: usize, kind: char) -> PResult<u32> {
        let mut v = 0u32;
        let mut text = String::new();
        for _ in 0..n {
            match self.peek().and_then(|c| chr(c).to_digit(16)) {
                Some(d) => {
                    text.push(chr(self.p[self.i]));
                    v = v * 16 + d;
                    self.i += 1;
                }
                None => return err(format!("incomplete escape \\{kind}{text}"), start),
            }
        }
        Ok(v)
    }

    fn parse_class(&mut self, start: usize) -> PResult<Class> {
        let negated = self.eat('^');
        let mut items = Vec::new();
        let mut first = true;
        loop {
            let Some(c) = self.peek() else {
                return err("unterminated character set", start);
            };
            if c == ']' as u32 && !first {
                self.i += 1;
                break;
            }
            first = false;
            let item_start = self.i;
            let lo = match self.class_atom()? {
                Err(item) => {
                    items.push(item);
                    continue;
                }
                Ok(lo) => lo,
            };
            if self.peek_is('-') && self.p.get(self.i + 1).is_some_and(|&c| c != ']' as u32) {
                self.i += 1;
                let hi = match self.class_atom()? {
                    Ok(hi) => hi,
                    Err(_) => {
                        let text: String =
                            self.p[item_start..self.i].iter().map(|&c| chr(c)).collect();
                        return err(format!("bad character range {text}"), item_start);
                    }
                };
                if hi < lo {
                    let text: String = self.p[item_start..self.i].iter().map(|&c| chr(c)).collect();
                    return err(format!("bad character range {text}"), item_start);
                }
                items.push(ClassItem::Range(lo, hi));
            } else {
                items.push(ClassItem::Range(lo, lo));
            }
        }
        Ok(Class { negated, items })
    }

    /// One class member: a character (Ok) or a category escape (Err).
    fn class_atom(&mut self) -> PResult<Result<u32, ClassItem>> {
        let Some(c) = self.peek() else {
            return err("unterminated character set", self.i);
        };
        let start = self.i;
        self.i += 1;
        if c != '\\' as u32 {
            return Ok(Ok(c));
        }
        let Some(e) = self.peek() else {
            return err("unterminated character set", start);
        };
        self.i += 1;
        Ok(match chr(e) {
            'd' => Err(ClassItem::Digit(false)),
            'D' => Err(ClassItem::Digit(true)),
            's' => Err(ClassItem::Space(false)),
            'S' => Err(ClassItem::Space(true)),
            'w' => Err(ClassItem::Word(false)),
            'W' => Err(ClassItem::Word(true)),
            _ => Ok(self.simple_escape(e, start, true)?),
        })
    }
}

fn is_identifier(s: &str) -> bool {
    let mut it = s.chars();
    it.next().is_some_and(|c| c == '_' || uni::is_xid_start(c))
        && it.all(|c| c == '_' || uni::is_xid_continue(c))
}

/// The number of characters `node` always matches, or None when it varies.
pub fn fixed_width(node: &Node) -> Option<usize> {
    match node {
        Node::Empty | Node::Assert(..) | Node::Look { .. } => Some(0),
        Node::Char(..) | Node::Any { .. } | Node::Class(..) => Some(1),
        Node::Group(_, n) | Node::Atomic(n) => fixed_width(n),
        Node::Concat(items) => items
            .iter()
            .try_fold(0usize, |acc, n| Some(acc + fixed_width(n)?)),
        Node::Alt(branches) => {
            let w = fixed_width(&branches[0])?;
            branches[1..]
                .iter()
                .all(|b| fixed_width(b) == Some(w))
                .then_some(w)
        }
        Node::Repeat { node, min, max, .. } => {
            let w = fixed_width(node)?;
            (Some(*min) == *max || w == 0).then(|| w * *min as usize)
        }
        Node::Backref(..) => None,
        Node::Cond { yes, no, .. } => {
            let w = fixed_width(yes)?;
            (fixed_width(no) == Some(w)).then_some(w)
        }
    }
}
