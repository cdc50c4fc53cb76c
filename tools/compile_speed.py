#!/usr/bin/env python3.14
"""Parse+compile speed: CPython's compile() against rpy's, over the same files.

Usage: python3.14 tools/compile_speed.py [--repeat N] [--corpus DIR] [FILE...]

Times `compile(source_bytes, path, "exec")` in this CPython 3.14 (sources read into memory
first, best of N runs; warnings silenced), then runs
`cargo run -p vm --release --example compile_time` over the same file list, and prints both
totals and the ratio. Files CPython cannot compile are left out of both.

Both CPU time (this process's for CPython; the child's user+system time for rpy, which also
covers reading the files) and wall time are reported: on a shared machine wall time is noisy
and CPU time is the fairer comparison.
"""

import argparse
import os
import resource
import subprocess
import sys
import time
import warnings

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = "/opt/cpython314/root/usr/lib/python3.14"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--corpus", default=CORPUS)
    args = ap.parse_args()
    paths = args.files
    if not paths:
        for d, _, names in os.walk(args.corpus):
            for n in names:
                p = os.path.join(d, n)
                if n.endswith(".py") and os.path.isfile(p):
                    paths.append(p)
        paths.sort()
    sources = []
    for p in paths:
        with open(p, "rb") as f:
            src = f.read()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                compile(src, p, "exec")
        except Exception:
            continue
        sources.append((p, src))
    best = best_cpu = None
    for _ in range(args.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for p, src in sources:
                compile(src, p, "exec")
        t, c = time.perf_counter() - t0, time.process_time() - c0
        best = t if best is None else min(best, t)
        best_cpu = c if best_cpu is None else min(best_cpu, c)
    listing = os.path.join(REPO, "target", "compile_speed_files.txt")
    with open(listing, "w") as f:
        f.write("\n".join(p for p, _ in sources) + "\n")
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "vm", "--example", "compile_time"],
                   cwd=REPO, check=True)
    exe = os.path.join(REPO, "target", "release", "examples", "compile_time")
    out = subprocess.run([exe, "--repeat", str(args.repeat), "--files", listing],
                         capture_output=True, text=True, check=True).stdout.strip()
    rpy_cpu = None
    for _ in range(args.repeat):
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([exe, "--repeat", "1", "--files", listing], capture_output=True, check=True)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        c = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
        rpy_cpu = c if rpy_cpu is None else min(rpy_cpu, c)
    print(f"CPython {sys.version.split()[0]} compile(): {len(sources)} files, wall {best:.3f}s, "
          f"CPU {best_cpu:.3f}s (best of {args.repeat})")
    print(f"rpy: {out}")
    print(f"rpy CPU (whole run, best of {args.repeat}): {rpy_cpu:.3f}s")
    fields = out.split()
    rpy_total = float(dict(zip(fields[0::2], fields[1::2]))["total"])
    print(f"ratio CPython/rpy: wall {best / rpy_total:.2f}x, CPU {best_cpu / rpy_cpu:.2f}x")


if __name__ == "__main__":
    main()
