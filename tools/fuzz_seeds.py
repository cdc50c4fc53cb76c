#!/usr/bin/env python3
"""Write the fuzz seed corpus: every source of the committed CPython-derived suites
(vm/tests/data/*.json) and the example scripts, one file per case, into fuzz/corpus/parse.
Runs under any Python 3."""

import base64
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def sources():
    for name in ("snippets.json", "syntax_errors.json", "compile_errors.json"):
        data = json.loads((ROOT / "vm/tests/data" / name).read_text(encoding="utf-8"))
        for case in data["cases"]:
            if "src_b64" in case:
                yield case["id"], base64.b64decode(case["src_b64"])
            else:
                yield case["id"], case["src"].encode("utf-8", "surrogatepass")
    for path in sorted((ROOT / "examples").glob("*.py")):
        yield path.stem, path.read_bytes()


def main():
    out = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "fuzz/corpus/parse"
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for ident, src in sources():
        (out / ident).write_bytes(src)
        n += 1
    print(f"{n} seeds in {out}")


if __name__ == "__main__":
    main()
