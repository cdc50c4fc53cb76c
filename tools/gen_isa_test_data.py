#!/usr/bin/env python3.14
"""Generate the instruction-set test data under vm/tests/data/ from CPython 3.14.

stack_effects.json: for every opcode `dis` knows (real, instrumented and pseudo; CPython
rejects specialized ones), `dis.stack_effect(op, oparg, jump=...)` for oparg 0..255 on the
fall-through path ("nojump") and, where it differs, on the jump ("jump"). Opcodes without an
oparg have a single "noarg" value (CPython refuses an oparg for them). A null entry means
CPython raised ValueError for that oparg.

cpython-3.14-isa.json is copied verbatim from ../shared/reference/ (it was read out of the
3.14.10 binary by dump_isa.py); pass --isa PATH to copy it from elsewhere.

Both are read by vm/tests/isa_facts.rs. Usage:
    /opt/cpython314/bin/python3.14 tools/gen_isa_test_data.py [--isa PATH] [--check]
--check regenerates in memory and fails if the committed files differ.
"""

import argparse
import _opcode
import dis
import json
import shutil
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "vm/tests/data"
DEFAULT_ISA = Path("/work/shared/reference/cpython-3.14-isa.json")


def effect(op, oparg, jump):
    try:
        return dis.stack_effect(op, oparg, jump=jump)
    except ValueError:
        return None


def stack_effects():
    entries = {}
    for name, op in sorted(dis.opmap.items(), key=lambda item: item[1]):
        if not _opcode.has_arg(op):
            entries[name] = {"opcode": op, "noarg": effect(op, None, None)}
            continue
        nojump = [effect(op, oparg, False) for oparg in range(256)]
        jump = [effect(op, oparg, True) for oparg in range(256)]
        entry = {"opcode": op, "nojump": nojump}
        if jump != nojump:
            entry["jump"] = jump
        entries[name] = entry
    lines = [f"  {json.dumps(name)}: {json.dumps(entry)}" for name, entry in entries.items()]
    header = {
        "python_version": sys.version.split()[0],
        "generator": "tools/gen_isa_test_data.py",
    }
    body = ",\n".join(lines)
    return f'{{\n  "meta": {json.dumps(header)},\n  "effects": {{\n{body}\n  }}\n}}\n'


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--isa", type=Path, default=DEFAULT_ISA)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    if sys.version_info[:2] != (3, 14):
        sys.exit("run this with CPython 3.14")
    text = stack_effects()
    target = DATA / "stack_effects.json"
    isa_target = DATA / "cpython-3.14-isa.json"
    if args.check:
        stale = [p.name for p, ok in [
            (target, target.exists() and target.read_text() == text),
            (isa_target, isa_target.exists() and isa_target.read_bytes() == args.isa.read_bytes()),
        ] if not ok]
        if stale:
            sys.exit(f"stale: {', '.join(stale)}")
        return
    target.write_text(text)
    shutil.copyfile(args.isa, isa_target)


if __name__ == "__main__":
    main()
