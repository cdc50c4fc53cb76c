//! Borrowed loads (`optimize_load_fast`).
//!
//! Contract: `LOAD_FAST` / `LOAD_FAST_LOAD_FAST` become `LOAD_FAST_BORROW` /
//! `LOAD_FAST_BORROW_LOAD_FAST_BORROW` when, within their block, every value they push is
//! consumed before the local it came from is overwritten or deleted, is never stored into a
//! local, and is not left on the stack at the end of the block. Each reachable block is
//! simulated once on a stack of abstract references, starting from `startdepth` unknown
//! values, with CPython's per-opcode rules (including its quirk of attributing the values
//! pushed by `GET_LEN`, `MATCH_*` and friends to the block's first instructions).

use super::{BlockId, Cfg, opcodes};
use crate::instr::Opcode;

/// Producer index of values that did not come from an instruction of this block.
const DUMMY_INSTR: i64 = -1;
/// Local of values that are not a local's reference.
const NOT_LOCAL: i64 = -1;

/// The loaded reference is still on the stack when its local is killed.
const SUPPORT_KILLED: u8 = 1;
/// The loaded reference is stored into a local.
const STORED_AS_LOCAL: u8 = 2;
/// The loaded reference is still on the stack at the end of the block.
const REF_UNCONSUMED: u8 = 4;

#[derive(Clone, Copy)]
struct Ref {
    instr: i64,
    local: i64,
}

const DUMMY: Ref = Ref {
    instr: DUMMY_INSTR,
    local: NOT_LOCAL,
};

struct State {
    refs: Vec<Ref>,
    flags: Vec<u8>,
    /// The simulated stack outgrew any real one (only absurd input gets here: a huge push
    /// at the very end of the code, which the stack depth never counts); the block is left
    /// unoptimized.
    overflow: bool,
}

/// More values than any real code keeps on the stack.
const MAX_REFS: usize = 1 << 20;

impl State {
    fn push(&mut self, instr: i64, local: i64) {
        if self.refs.len() >= MAX_REFS {
            self.overflow = true;
            return;
        }
        self.refs.push(Ref { instr, local });
    }

    /// Underflow cannot happen on a graph whose stack depth checked out; a dummy keeps a
    /// malformed one from panicking.
    fn pop(&mut self) -> Ref {
        self.refs.pop().unwrap_or(DUMMY)
    }

    fn flag(&mut self, instr: i64, flag: u8) {
        if let Some(f) = usize::try_from(instr)
            .ok()
            .and_then(|i| self.flags.get_mut(i))
        {
            *f |= flag;
        }
    }

    fn kill_local(&mut self, local: i64) {
        for i in 0..self.refs.len() {
            let r = self.refs[i];
            if r.local == local {
                self.flag(r.instr, SUPPORT_KILLED);
            }
        }
    }

    fn store_local(&mut self, local: i64, r: Ref) {
        self.kill_local(local);
        if r.instr != DUMMY_INSTR {
            self.flag(r.instr, STORED_AS_LOCAL);
        }
    }
}

fn push_block(cfg: &mut Cfg, stack: &mut Vec<BlockId>, target: BlockId) {
    if !cfg[target].visited {
        cfg[target].visited = true;
        stack.push(target);
    }
}

#[inline]
fn counts(op: Opcode, oparg: u32, jump: bool) -> (i64, i64) {
    opcodes::popped_pushed(op, oparg, jump).map_or((0, 0), |(p, q)| (i64::from(p), i64::from(q)))
}

pub(super) fn optimize_load_fast(cfg: &mut Cfg) {
    let mut max_instrs = 0;
    let mut walk = cfg.walk();
    while let Some(b) = walk.next(cfg) {
        max_instrs = max_instrs.max(cfg[b].instrs.len());
    }
    let mut state = State {
        refs: Vec::new(),
        flags: vec![0; max_instrs],
        overflow: false,
    };
    let mut stack = cfg.traversal_stack();
    let entry = cfg.entry;
    cfg[entry].startdepth = 0;
    cfg[entry].visited = true;
    stack.push(entry);
    while let Some(b) = stack.pop() {
        let len = cfg[b].instrs.len();
        state.flags[..len].fill(0);
        state.refs.clear();
        state.overflow = false;
        for _ in 0..cfg[b].startdepth.max(0) {
            state.refs.push(DUMMY);
        }
        let next = cfg[b].next;
        cfg.with_instrs(b, |cfg, instrs| {
            for (i, &instr) in instrs.iter().enumerate() {
                let (op, oparg) = (instr.opcode, instr.oparg);
                let ii = i as i64;
                let arg = i64::from(oparg);
                match op {
                    Opcode::DELETE_FAST => state.kill_local(arg),
                    Opcode::LOAD_FAST => state.push(ii, arg),
                    Opcode::LOAD_FAST_AND_CLEAR => {
                        state.kill_local(arg);
                        state.push(ii, arg);
                    }
                    Opcode::LOAD_FAST_LOAD_FAST => {
                        state.push(ii, arg >> 4);
                        state.push(ii, arg & 15);
                    }
                    Opcode::STORE_FAST => {
                        let r = state.pop();
                        state.store_local(arg, r);
                    }
                    Opcode::STORE_FAST_LOAD_FAST => {
                        let r = state.pop();
                        state.store_local(arg >> 4, r);
                        state.push(ii, arg & 15);
                    }
                    Opcode::STORE_FAST_STORE_FAST => {
                        let r = state.pop();
                        state.store_local(arg >> 4, r);
                        let r = state.pop();
                        state.store_local(arg & 15, r);
                    }
                    Opcode::COPY => {
                        let idx = state.refs.len() as i64 - arg;
                        let r = usize::try_from(idx)
                            .ok()
                            .and_then(|i| state.refs.get(i))
                            .copied()
                            .unwrap_or(DUMMY);
                        state.push(r.instr, r.local);
                    }
                    Opcode::SWAP => {
                        let n = state.refs.len();
                        if let Some(idx) = n.checked_sub(oparg as usize)
                            && idx < n
                        {
                            state.refs.swap(idx, n - 1);
                        }
                    }
                    // Consume no inputs. CPython attributes the pushed values to instructions
                    // 0.. of the block (a shadowed loop variable); reproduced as is.
                    Opcode::FORMAT_SIMPLE
                    | Opcode::GET_ANEXT
                    | Opcode::GET_LEN
                    | Opcode::GET_YIELD_FROM_ITER
                    | Opcode::IMPORT_FROM
                    | Opcode::MATCH_KEYS
                    | Opcode::MATCH_MAPPING
                    | Opcode::MATCH_SEQUENCE
                    | Opcode::WITH_EXCEPT_START => {
                        let (popped, pushed) = counts(op, oparg, false);
                        for j in 0..(pushed - popped).max(0) {
                            state.push(j, NOT_LOCAL);
                        }
                    }
                    // Consume some inputs, push nothing new.
                    Opcode::DICT_MERGE
                    | Opcode::DICT_UPDATE
                    | Opcode::LIST_APPEND
                    | Opcode::LIST_EXTEND
                    | Opcode::MAP_ADD
                    | Opcode::RERAISE
                    | Opcode::SET_ADD
                    | Opcode::SET_UPDATE => {
                        let (popped, pushed) = counts(op, oparg, false);
                        for _ in 0..(popped - pushed).max(0) {
                            state.pop();
                        }
                    }
                    Opcode::END_SEND | Opcode::SET_FUNCTION_ATTRIBUTE => {
                        let tos = state.pop();
                        state.pop();
                        state.push(tos.instr, tos.local);
                    }
                    Opcode::CHECK_EXC_MATCH => {
                        state.pop();
                        state.push(ii, NOT_LOCAL);
                    }
                    Opcode::FOR_ITER => {
                        if let Some(target) = instr.target {
                            push_block(cfg, &mut stack, target);
                        }
                        state.push(ii, NOT_LOCAL);
                    }
                    Opcode::LOAD_ATTR | Opcode::LOAD_SUPER_ATTR => {
                        let this = state.pop();
                        if op == Opcode::LOAD_SUPER_ATTR {
                            state.pop();
                            state.pop();
                        }
                        state.push(ii, NOT_LOCAL);
                        if oparg & 1 != 0 {
                            // A method load: assume self is pushed back.
                            state.push(this.instr, this.local);
                        }
                    }
                    Opcode::LOAD_SPECIAL | Opcode::PUSH_EXC_INFO => {
                        let tos = state.pop();
                        state.push(ii, NOT_LOCAL);
                        state.push(tos.instr, tos.local);
                    }
                    Opcode::SEND => {
                        if let Some(target) = instr.target {
                            push_block(cfg, &mut stack, target);
                        }
                        state.pop();
                        state.push(ii, NOT_LOCAL);
                    }
                    _ => {
                        let has_target = opcodes::has_target(op);
                        let (popped, pushed) = counts(op, oparg, has_target);
                        if has_target && let Some(target) = instr.target {
                            push_block(cfg, &mut stack, target);
                        }
                        if !opcodes::is_block_push(op) {
                            for _ in 0..popped {
                                state.pop();
                            }
                            for _ in 0..pushed.min(MAX_REFS as i64 + 1) {
                                state.push(ii, NOT_LOCAL);
                            }
                        }
                    }
                }
            }

            // The fall-through successor.
            if let Some(term) = instrs.last()
                && let Some(next) = next
                && !opcodes::is_no_fallthrough(term.opcode)
            {
                push_block(cfg, &mut stack, next);
            }

            for j in 0..state.refs.len() {
                let r = state.refs[j];
                if r.instr != DUMMY_INSTR {
                    state.flag(r.instr, REF_UNCONSUMED);
                }
            }

            for (i, instr) in instrs.iter_mut().enumerate() {
                if state.flags[i] == 0 && !state.overflow {
                    match instr.opcode {
                        Opcode::LOAD_FAST => instr.opcode = Opcode::LOAD_FAST_BORROW,
                        Opcode::LOAD_FAST_LOAD_FAST => {
                            instr.opcode = Opcode::LOAD_FAST_BORROW_LOAD_FAST_BORROW;
                        }
                        _ => {}
                    }
                }
            }
        });
    }
}
