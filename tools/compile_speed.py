#!/opt/cpython314/bin/python3.14
"""Parse+compile speed of rpy against CPython 3.14's compile(), side by side, over the same
files (by default CPython's standard library, the issue-3 corpus).

Usage: compile_speed.py [--repeat N] [--limit N] [FILE ...]

CPython: compile(source_bytes, path, "exec", dont_inherit=True) for each file, in process,
best of N rounds. rpy: the `compile_time` example (release build), parse + compile_module,
in process, best of N rounds. Prints both totals and the ratio.
"""

import argparse
import os
import subprocess
import sys
import time
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def corpus():
    lib = os.path.dirname(os.__file__)
    out = []
    for d, dirs, names in os.walk(lib):
        dirs[:] = sorted(x for x in dirs if x not in ("site-packages", "__pycache__"))
        out += [os.path.join(d, n) for n in sorted(names)
                if n.endswith(".py") and os.path.isfile(os.path.join(d, n))]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    paths = args.files or corpus()
    if args.limit:
        paths = paths[: args.limit]
    sources = []
    for p in paths:
        with open(p, "rb") as f:
            sources.append((p, f.read()))
    sys.setrecursionlimit(20000)
    best = None
    for _ in range(args.repeat):
        t = 0.0
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for p, src in sources:
                t0 = time.perf_counter()
                try:
                    compile(src, p, "exec", dont_inherit=True)
                except (SyntaxError, ValueError, RecursionError, MemoryError):
                    pass
                t += time.perf_counter() - t0
        best = t if best is None else min(best, t)
    listing = os.path.join(ROOT, "target", "compile_speed_files.txt")
    with open(listing, "w") as f:
        f.write("\n".join(paths) + "\n")
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "vm", "--example", "compile_time"],
                   cwd=ROOT, check=True)
    exe = os.path.join(ROOT, "target", "release", "examples", "compile_time")
    out = subprocess.run([exe, "--repeat", str(args.repeat), "--files", listing],
                         capture_output=True, text=True, check=True).stdout.split()
    fields = dict(zip(out[0::2], out[1::2]))
    rpy = float(fields["total"])
    print(f"files {len(paths)}")
    print(f"CPython compile(): {best:.3f} s")
    print(f"rpy parse+compile: {rpy:.3f} s (parse {fields['parse']} s, compile {fields['compile']} s,"
          f" failed {fields['failed']})")
    print(f"ratio: rpy is {best / rpy:.2f}x CPython's speed")


if __name__ == "__main__":
    main()
