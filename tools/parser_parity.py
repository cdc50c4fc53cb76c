#!/usr/bin/env python3.14
"""Compare rpy's parser with CPython 3.14's ast.parse over a corpus of .py files.

Usage: parser_parity.py [--root DIR] [--work DIR] [--rebuild-expected] [--show N]

Expected outputs (ast.dump with include_attributes=True, or the SyntaxError's type, msg and
location) are cached by file index in WORK/expected (default /tmp/rpy_parity; give each
corpus its own --work); rpy's come from the ast_corpus example.
Prints the number of files that match and the first mismatches.
"""
import ast
import os
import subprocess
import sys
import warnings

ROOT = "/opt/cpython314/root/usr/lib/python3.14"
WORK = "/tmp/rpy_parity"


def expected_for(path):
    with open(path, "rb") as f:
        src = f.read()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(src)
        return ast.dump(tree, include_attributes=True)
    except SyntaxError as e:
        return f"ERR {type(e).__name__}|{e.msg}|{e.lineno}|{e.offset}|{e.end_lineno or 0}|{e.end_offset or 0}"
    except (ValueError, MemoryError, RecursionError) as e:
        return f"ERR {type(e).__name__}|{e}|0|0|0|0"


def main():
    global WORK
    args = sys.argv[1:]
    root = ROOT
    if "--work" in args:
        WORK = args[args.index("--work") + 1]
    if "--root" in args:
        root = args[args.index("--root") + 1]
    show = 10
    if "--show" in args:
        show = int(args[args.index("--show") + 1])
    files = []
    for d, _, names in os.walk(root):
        for n in sorted(names):
            if n.endswith(".py") and os.path.isfile(os.path.join(d, n)):
                files.append(os.path.join(d, n))
    files.sort()
    os.makedirs(f"{WORK}/expected", exist_ok=True)
    os.makedirs(f"{WORK}/actual", exist_ok=True)
    listing = f"{WORK}/files.txt"
    with open(listing, "w") as f:
        f.write("\n".join(files) + "\n")
    for i, path in enumerate(files):
        exp = f"{WORK}/expected/{i}.txt"
        if "--rebuild-expected" in args or not os.path.exists(exp):
            with open(exp, "w") as f:
                f.write(expected_for(path))
    for name in os.listdir(f"{WORK}/actual"):
        os.unlink(f"{WORK}/actual/{name}")
    exe = os.environ.get("AST_CORPUS", "target/release/examples/ast_corpus")
    subprocess.run([exe, listing, f"{WORK}/actual"], check=True)
    ok = 0
    bad = []
    for i, path in enumerate(files):
        with open(f"{WORK}/expected/{i}.txt") as f:
            e = f.read()
        try:
            with open(f"{WORK}/actual/{i}.txt") as f:
                a = f.read()
        except FileNotFoundError:
            a = "<missing>"
        if a == e:
            ok += 1
        else:
            bad.append((path, e, a))
    print(f"{ok}/{len(files)} files match")
    for path, e, a in bad[:show]:
        n = 0
        while n < min(len(e), len(a)) and e[n] == a[n]:
            n += 1
        print(f"--- {path}\n  expected: ...{e[max(0, n - 150):n + 150]!r}\n  actual:   ...{a[max(0, n - 150):n + 150]!r}")
    return 0 if not bad else 1


if __name__ == "__main__":
    sys.exit(main())
