#!/usr/bin/env python3.14
"""Side-by-side speed of the front end: rpy vs CPython 3.14 over the same files.

Runs, alternately and ROUNDS times each, CPython's `ast.parse` (and `compile()` with
--compile) over every .py file under PATH (default: the standard library of the running
interpreter) inside one CPython process, and `rpy bench-frontend` over the same files inside
one rpy process. File reading is outside the timed region on both sides. Prints each round and
the median ratio CPython time / rpy time (above 1 means rpy is faster).

Usage: python3.14 tools/frontend_speed.py [--rpy target/release/rpy] [--cpython PY] [--compile]
                                          [--rounds 3] [PATH ...]
"""

import argparse
import os
import statistics
import subprocess
import sys
import sysconfig

CPYTHON_SIDE = r"""
import ast, os, sys, time, warnings
warnings.simplefilter("ignore")
mode, paths = sys.argv[1], sys.argv[2:]
files = []
for root in paths:
    for d, dirs, fs in os.walk(root):
        dirs.sort()
        for f in sorted(fs):
            p = os.path.join(d, f)
            if f.endswith(".py") and os.path.isfile(p):
                files.append(p)
srcs = [(p, open(p, "rb").read()) for p in files]
ok = err = 0
t = time.perf_counter()
cpu = time.process_time()
for p, s in srcs:
    try:
        if mode == "parse":
            ast.parse(s)
        else:
            compile(s, p, "exec")
        ok += 1
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        err += 1
print(f"files={len(srcs)} ok={ok} errors={err} seconds={time.perf_counter() - t:.4f} "
      f"cpu_seconds={time.process_time() - cpu:.4f}")
"""


def seconds(line):
    fields = dict(kv.split("=") for kv in line.split())
    return float(fields["seconds"]), fields


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rpy", default="target/release/rpy")
    ap.add_argument("--cpython", default=os.environ.get("CPYTHON", sys.executable),
                    help="the CPython 3.14 to compare with (default: this interpreter)")
    ap.add_argument("--compile", action="store_true", help="parse+compile instead of parse")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("paths", nargs="*")
    args = ap.parse_args()
    paths = args.paths or [sysconfig.get_paths()["stdlib"]]
    mode = "compile" if args.compile else "parse"
    ratios = []
    cpu_ratios = []
    for r in range(args.rounds):
        out = subprocess.run([args.cpython, "-c", CPYTHON_SIDE, mode, *paths],
                             capture_output=True, text=True, check=True).stdout
        c, cf = seconds(out)
        cmd = [args.rpy, "bench-frontend", *(["--compile"] if args.compile else []), *paths]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
        rp, rf = seconds(out)
        ratios.append(c / rp)
        cpu = ""
        if "cpu_seconds" in cf and "cpu_seconds" in rf:
            cc, rc = float(cf["cpu_seconds"]), float(rf["cpu_seconds"])
            cpu_ratios.append(cc / rc)
            cpu = f"  CPU time: CPython {cc:.3f} s rpy {rc:.3f} s ratio {cc / rc:.2f}x"
        print(f"round {r + 1}: CPython {c:.3f} s ({cf['ok']} ok)  rpy {rp:.3f} s "
              f"({rf['ok']} ok)  ratio {c / rp:.2f}x{cpu}", flush=True)
    print(f"{mode}: median ratio CPython/rpy = {statistics.median(ratios):.2f}x "
          f"over {args.rounds} rounds (wall time)")
    if cpu_ratios:
        print(f"{mode}: median ratio CPython/rpy = {statistics.median(cpu_ratios):.2f}x "
              f"over {args.rounds} rounds (CPU time, the fairer one on a loaded machine)")


if __name__ == "__main__":
    main()
