#!/usr/bin/env python3.14
"""Checks the insta snapshots of vm/tests/ast_snapshots.rs against CPython 3.14.

Each snapshot file holds the source (insta's `expression:` header, a JSON-style string) and
rpy's `ast.dump(..., indent=1)`; this recomputes the dump with the running CPython and
reports any snapshot that differs. Run after `INSTA_UPDATE=always cargo test -p vm --test
ast_snapshots` before committing new or changed snapshots:

    python3.14 tools/check_ast_snapshots.py
"""

import ast
import json
import pathlib
import sys

SNAPSHOTS = pathlib.Path(__file__).resolve().parent.parent / "vm/tests/snapshots"


def main() -> int:
    if sys.version_info[:2] != (3, 14):
        print("run this with CPython 3.14", file=sys.stderr)
        return 2
    bad = 0
    files = sorted(SNAPSHOTS.glob("ast_snapshots__*.snap"))
    for path in files:
        text = path.read_text()
        _, header, body = text.split("---\n", 2)
        expr = next(l for l in header.splitlines() if l.startswith("expression: "))
        source = json.loads(expr[len("expression: "):])
        expected = ast.dump(ast.parse(source), indent=1)
        if body.rstrip("\n") != expected:
            bad += 1
            print(f"DIFFERS: {path.name}")
    print(f"{len(files) - bad}/{len(files)} snapshots equal CPython's ast.dump")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
