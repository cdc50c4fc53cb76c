//! Dead-block removal (`remove_unreachable`).
//!
//! Contract: `predecessors` becomes the number of edges (fall-through, jump, handler) into
//! each block reachable from the entry; the instructions of every other block are dropped
//! and it stops being a handler. Blocks stay linked, so empty blocks remain in the layout.

use super::{Cfg, opcodes};

pub(super) fn remove_unreachable(cfg: &mut Cfg) {
    let mut walk = cfg.walk();
    while let Some(b) = walk.next(cfg) {
        cfg[b].predecessors = 0;
    }
    let mut stack = cfg.traversal_stack();
    let entry = cfg.entry;
    cfg[entry].predecessors = 1;
    cfg[entry].visited = true;
    stack.push(entry);
    while let Some(b) = stack.pop() {
        if cfg[b].has_fallthrough()
            && let Some(next) = cfg[b].next
        {
            if !cfg[next].visited {
                cfg[next].visited = true;
                stack.push(next);
            }
            cfg[next].predecessors += 1;
        }
        cfg.with_instrs(b, |cfg, instrs| {
            for instr in instrs.iter() {
                if opcodes::has_target(instr.opcode)
                    && let Some(target) = instr.target
                {
                    if !cfg[target].visited {
                        cfg[target].visited = true;
                        stack.push(target);
                    }
                    cfg[target].predecessors += 1;
                }
            }
        });
    }
    let mut walk = cfg.walk();
    while let Some(b) = walk.next(cfg) {
        if cfg[b].predecessors == 0 {
            cfg[b].truncate(0);
            cfg[b].except_handler = false;
        }
    }
}
