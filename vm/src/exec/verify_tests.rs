//! Tests of the bytecode verifier: compiler output passes, each kind of damage is caught, and
//! specialized instructions stay within their family head's stack bounds.

use std::rc::Rc;

use super::*;
use crate::compile::code::{CodeObject, Const};
use crate::instr::{CodeUnit, Uop};
use crate::parse::{Mode, parse_text};
use crate::types::code::decode_exception_table;

fn compile(src: &str) -> Rc<CodeObject> {
    let arena = arena::Arena::new();
    let parsed = parse_text(&arena, src, Mode::Exec).expect("parses");
    crate::compile::compile_module(&parsed, "<test>").expect("compiles")
}

/// The first function defined by `src`.
fn function(src: &str) -> CodeObject {
    let module = compile(src);
    module
        .consts
        .iter()
        .find_map(|c| match c {
            Const::Code(code) => Some((**code).clone()),
            _ => None,
        })
        .expect("a function")
}

fn check(code: &CodeObject) -> Result<(), VerifyError> {
    verify(code, &decode_exception_table(&code.exceptiontable))
}

/// Every code object in `code`'s constants, recursively.
fn all_codes(code: &Rc<CodeObject>, out: &mut Vec<Rc<CodeObject>>) {
    out.push(code.clone());
    for c in &code.consts {
        if let Const::Code(inner) = c {
            all_codes(inner, out);
        }
    }
}

const SAMPLE: &str = "
import sys
def gen(n):
    for i in range(n):
        try:
            yield i
        except ValueError as e:
            yield from gen(i)
        finally:
            pass
async def co(xs):
    async for x in xs:
        async with x as y:
            await y
    return [a async for a in xs]
class C:
    def m(self, *a, **k):
        with open(a[0]) as f:
            return {k: v for k, v in f if k}, [x for x in a if x], lambda: self
def big():
    x = 1
    while x < 10 ** 6:
        x += 1
        match x:
            case [1, *rest]: pass
            case {'a': b}: pass
            case C(m=2): pass
            case _: break
    try:
        raise ValueError
    except* ValueError:
        pass
    return f'{x!r:>{x}}'
";

#[test]
fn compiler_output_verifies() {
    let mut codes = Vec::new();
    all_codes(&compile(SAMPLE), &mut codes);
    assert!(codes.len() >= 6, "{}", codes.len());
    for code in codes {
        assert_eq!(check(&code), Ok(()), "{}", code.name);
    }
}

/// Rewrites the first instruction `op` of `f`'s code with `edit`.
fn damage(src: &str, op: Opcode, edit: impl FnOnce(&mut CodeObject, usize)) -> VerifyError {
    let mut code = function(src);
    let at = code
        .code
        .iter()
        .position(|u| u.opcode == op as u8)
        .unwrap_or_else(|| panic!("no {op} in {:?}", code.code));
    edit(&mut code, at);
    check(&code).expect_err("damaged code must fail")
}

const LOOP: &str = "def f(a, b):\n    for i in a:\n        b = b + i\n    return b\n";

#[test]
fn damaged_code_is_rejected() {
    let bad_opcode = damage(LOOP, Opcode::BINARY_OP, |c, at| c.code[at].opcode = 0);
    assert!(bad_opcode.reason.contains("invalid opcode"), "{bad_opcode}");

    let far = damage(LOOP, Opcode::JUMP_BACKWARD, |c, at| c.code[at].oparg = 250);
    assert!(far.reason.contains("before the start"), "{far}");

    let mid = damage(LOOP, Opcode::JUMP_BACKWARD, |c, at| c.code[at].oparg -= 1);
    assert!(mid.reason.contains("middle of an instruction"), "{mid}");

    let exit = damage(LOOP, Opcode::FOR_ITER, |c, at| c.code[at].oparg = 0);
    assert!(exit.reason.contains("END_FOR"), "{exit}");

    let local = damage(LOOP, Opcode::LOAD_FAST_BORROW, |c, at| c.code[at].oparg = 9);
    assert!(local.reason.contains("local index 9"), "{local}");

    let konst = damage("def f():\n    return 'x'\n", Opcode::LOAD_CONST, |c, at| {
        c.code[at].oparg = 7
    });
    assert!(konst.reason.contains("constant index 7"), "{konst}");

    let under = damage(LOOP, Opcode::BINARY_OP, |c, at| {
        c.code[at - 1] = CodeUnit::new(Opcode::POP_TOP as u8, 0);
        c.code[at - 2] = CodeUnit::new(Opcode::POP_TOP as u8, 0);
        c.code[at - 3] = CodeUnit::new(Opcode::POP_TOP as u8, 0);
    });
    assert!(under.reason.contains("empty stack"), "{under}");

    let over = damage(LOOP, Opcode::BINARY_OP, |c, _| c.stacksize = 2);
    assert!(over.reason.contains("overflows"), "{over}");

    let end = damage(LOOP, Opcode::RETURN_VALUE, |c, at| {
        c.code[at] = CodeUnit::new(Opcode::NOP as u8, 0)
    });
    assert!(end.reason.contains("past the end"), "{end}");

    let cache = damage(LOOP, Opcode::RETURN_VALUE, |c, at| {
        c.code[at] = CodeUnit::new(Opcode::BINARY_OP as u8, 0)
    });
    assert!(cache.reason.contains("cache runs past"), "{cache}");

    let copy0 = damage(LOOP, Opcode::BINARY_OP, |c, at| {
        c.code[at] = CodeUnit::new(Opcode::COPY as u8, 0);
        for u in &mut c.code[at + 1..at + 6] {
            *u = CodeUnit::new(Opcode::NOP as u8, 0);
        }
    });
    assert!(copy0.reason.contains("out of range"), "{copy0}");

    let mut empty = function(LOOP);
    empty.code.clear();
    assert!(check(&empty).is_err());

    let mut prefixes = function(LOOP);
    for _ in 0..4 {
        let ext = CodeUnit::new(Opcode::EXTENDED_ARG as u8, 0);
        prefixes.code.insert(0, ext);
    }
    assert!(check(&prefixes).is_err());
}

#[test]
fn specialized_opcodes_are_not_accepted() {
    let e = damage(LOOP, Opcode::BINARY_OP, |c, at| {
        c.code[at].opcode = Opcode::BINARY_OP_ADD_INT as u8
    });
    assert!(e.reason.contains("invalid opcode"), "{e}");
}

/// The lowest and highest stack level each uop of `op`'s body reaches, relative to the
/// level before it.
fn reach(op: Opcode, oparg: i32) -> (i32, i32) {
    let (mut level, mut low, mut high) = (0, 0, 0);
    for part in op.parts() {
        level -= part.uop.popped(oparg);
        low = low.min(level);
        level += part.uop.pushed(oparg);
        high = high.max(level);
    }
    (low, high)
}

/// The verifier checks a family head's bounds; the specializer may write any member of the
/// family over it later (for the opargs where the member's stack effect is the head's), so
/// none may reach further. Members that push a frame hand their inputs to the callee.
/// `BINARY_OP_SUBSCR_GETITEM`'s table row has `getitem` as a transient output one slot
/// above the head's reach: its body must hand it to the new frame without pushing it (it
/// deopts today: the specializer does not write it yet).
#[test]
fn family_members_keep_the_heads_stack_bounds() {
    let mut bad = Vec::new();
    for head in Opcode::ALL {
        if head.kind() != InstrKind::Real {
            continue;
        }
        for member in head.specializations() {
            let pushes_frame = member.parts().iter().any(|p| p.uop == Uop::_PUSH_FRAME);
            for oparg in 0..8 {
                if head.stack(oparg, false).popped < 0
                    || member.stack_effect(oparg, false) != head.stack_effect(oparg, false)
                {
                    continue;
                }
                let (lh, hh) = reach(head, oparg);
                let (lm, hm) = reach(member, oparg);
                let allowed = if member == Opcode::BINARY_OP_SUBSCR_GETITEM {
                    1
                } else {
                    0
                };
                if lm < lh || hm > hh + allowed {
                    bad.push(format!(
                        "{member} (oparg {oparg}) reaches [{lm}, {hm}], {head} [{lh}, {hh}]"
                    ));
                }
            }
            let _ = pushes_frame;
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
