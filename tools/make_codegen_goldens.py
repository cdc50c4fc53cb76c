#!/usr/bin/env python3.14
"""Write CPython 3.14's codegen output for the golden sources, for `vm/tests/codegen_golden.rs`.

The sources are those of the dis goldens (`vm/tests/golden/dis/{snippets,stdlib}/*.py`: one
hand-written file per language area, and a feature-covering selection of the standard
library). For each, `_testinternalcapi.compiler_codegen` (CPython's instruction sequence
before any flow-graph pass) is written to `vm/tests/golden/codegen/<dir>/<NAME>.json`:

    {"source": "../../dis/<dir>/<NAME>.py",
     "consts": [module constants as repr strings, code objects as "<code QUALNAME>"],
     "units": [[path, qualname-or-null, [[opcode, oparg, lineno, end_lineno, col, end_col], ...]], ...]}

Units are listed depth-first in `get_nested()` order, `path` being the dotted index path
("0" for the module, "0.2.1" for the second unit nested in the third one); jump opargs are
instruction indexes, a missing oparg is 0. Only the module's qualname is known to
`compiler_codegen`; nested units record null.

Usage: python3.14 tools/make_codegen_goldens.py [--check]
"""

import ast
import json
import os
import sys
import warnings

import _testinternalcapi

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCES = os.path.join(REPO, "vm", "tests", "golden", "dis")
OUT = os.path.join(REPO, "vm", "tests", "golden", "codegen")


def const_repr(c):
    if hasattr(c, "co_qualname"):
        return f"<code {c.co_qualname}>"
    return repr(c)


def units(seq, path="0"):
    instrs = [[i[0], 0 if i[1] is None else i[1], *i[2:]] for i in seq.get_instructions()]
    yield [path, instrs]
    for i, n in enumerate(seq.get_nested()):
        yield from units(n, f"{path}.{i}")


def golden(path, rel):
    with open(path, "rb") as f:
        src = f.read()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tree = ast.parse(src, os.path.basename(path))
        seq, meta = _testinternalcapi.compiler_codegen(tree, os.path.basename(path), 0, 0)
    lines = ['{"source": %s,' % json.dumps(rel),
             ' "consts": %s,' % json.dumps([const_repr(c) for c in meta["consts"]]),
             ' "units": [']
    us = list(units(seq))
    for i, u in enumerate(us):
        lines.append("  " + json.dumps(u, separators=(",", ":")) + ("," if i + 1 < len(us) else ""))
    lines.append("]}")
    return "\n".join(lines) + "\n"


def main():
    check = "--check" in sys.argv[1:]
    bad = 0
    for sub in ("snippets", "stdlib"):
        os.makedirs(os.path.join(OUT, sub), exist_ok=True)
        for name in sorted(os.listdir(os.path.join(SOURCES, sub))):
            if not name.endswith(".py"):
                continue
            src = os.path.join(SOURCES, sub, name)
            rel = f"../../dis/{sub}/{name}"
            text = golden(src, rel)
            out = os.path.join(OUT, sub, name[:-3] + ".json")
            if check:
                try:
                    with open(out) as f:
                        if f.read() != text:
                            print("differs:", out)
                            bad += 1
                except OSError:
                    print("missing:", out)
                    bad += 1
            else:
                with open(out, "w") as f:
                    f.write(text)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
