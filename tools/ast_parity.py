#!/usr/bin/env python3.14
"""Measure how closely `rpy ast` matches CPython 3.14's `ast.dump(ast.parse(...))`.

Run under CPython 3.14. For every .py file under the given paths (default: the running
interpreter's standard library, Lib/test included) this computes, in-process,

  * `ast.dump(ast.parse(bytes))` and `ast.dump(..., include_attributes=True)`, or the
    exception `ast.dump` raises (RecursionError for deep trees, ValueError for huge ints), as
    `print(ast.dump(...))` at module level would see it;
  * for files `ast.parse` rejects: the exception type and line, and the exact stderr of
    `python3.14 FILE`;

then runs `rpy ast FILE` and `rpy ast --include-attributes FILE` and compares. Output: a
summary (files, parsed, dump matches, attribute-dump matches, rejected, same error type and
line, identical error report, rpy crashes and timeouts) and the first mismatches with a hint
of where they differ. `--json` prints the summary as JSON instead.

Usage: python3.14 tools/ast_parity.py [--rpy target/release/rpy] [--cpython python3.14]
                                      [--jobs 2] [--show 20] [--json] [PATH ...]
"""

import argparse
import ast
import json
import multiprocessing
import os
import re
import subprocess
import sys
import time
import warnings
from pathlib import Path

# ast.dump's recursion depth is measured from module level: `print(ast.dump(tree))` runs with
# the <module> frame below it. Workers call it deeper, so they raise the limit by their depth.
MODULE_LEVEL_FRAMES = 1

OPTIONS = {}


def frames_here():
    n, f = 0, sys._getframe(1)
    while f is not None:
        n, f = n + 1, f.f_back
    return n


def cpython_dump(tree, **kw):
    """ast.dump as called from module level: returns (text, None) or (None, exception type)."""
    extra = frames_here() - MODULE_LEVEL_FRAMES
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(old + extra)
    try:
        return ast.dump(tree, **kw), None
    except (RecursionError, ValueError) as e:
        return None, type(e).__name__
    finally:
        sys.setrecursionlimit(old)


def self_check():
    """The depth emulation must reproduce the module-level threshold: 992 minus signs dump,
    993 raise RecursionError (measured with `python3.14 -c`)."""
    ok, _ = cpython_dump(ast.parse("-" * 992 + "1"))
    _, err = cpython_dump(ast.parse("-" * 993 + "1"))
    if ok is None or err != "RecursionError":
        sys.exit("ast_parity: recursion-depth emulation is off; fix MODULE_LEVEL_FRAMES")


def run_rpy(path, *flags):
    """(exit code or 'timeout', stdout bytes, stderr text)."""
    cmd = [OPTIONS["rpy"], "ast", *flags, path]
    try:
        r = subprocess.run(cmd, capture_output=True, timeout=OPTIONS["timeout"])
    except subprocess.TimeoutExpired:
        return "timeout", b"", ""
    return r.returncode, r.stdout, r.stderr.decode("utf-8", "replace")


def rpy_crashed(code, stderr):
    return code not in (0, 1) or "panicked at" in stderr


def report_error(stderr):
    """(type, line) from a python3.14-style report or a `Type: message` line."""
    lines = [l for l in stderr.splitlines() if l]
    if not lines:
        return None, None
    m = re.match(r"(\w+)(?::|$)", lines[-1])
    etype = m.group(1) if m else None
    line = None
    for l in lines:
        m = re.match(r'  File ".*", line (\d+)$', l)
        if m:
            line = int(m.group(1))
            break
    return etype, line


def first_difference(expected, got, width=50):
    i = next((k for k, (a, b) in enumerate(zip(expected, got)) if a != b), min(len(expected), len(got)))
    lo = max(0, i - width)
    return (f"at char {i}: expected ...{expected[lo:i + width]!r}... "
            f"got ...{got[lo:i + width]!r}...")


def check_file(path):
    res = {"path": path, "crash": False, "mismatch": []}
    src = Path(path).read_bytes()
    try:
        tree = ast.parse(src)
        res["parsed"] = True
    except (SyntaxError, ValueError, MemoryError, RecursionError, OverflowError) as e:
        res["parsed"] = False
        res["error"] = (type(e).__name__, getattr(e, "lineno", None))
        code, out, err = run_rpy(path)
        res["crash"] = rpy_crashed(code, err)
        got_type, got_line = report_error(err) if code == 1 else (None, None)
        want_type, want_line = res["error"]
        res["same_error"] = got_type == want_type and (want_line is None or got_line == want_line)
        run = subprocess.run([OPTIONS["cpython"], path], capture_output=True)
        expected_report = run.stderr.decode("utf-8", "replace")
        res["same_report"] = code == 1 and err == expected_report
        if not res["same_error"]:
            res["mismatch"].append(("error", f"expected {want_type} line {want_line}, "
                                             f"got exit {code}: {err.strip()[-200:]!r}"))
        elif not res["same_report"]:
            res["mismatch"].append(("report", first_difference(expected_report, err)))
        return res
    for key, flags, kw in (("default", (), {}), ("attributes", ("--include-attributes",),
                                                  {"include_attributes": True})):
        text, dump_error = cpython_dump(tree, **kw)
        code, out, err = run_rpy(path, *flags)
        res["crash"] = res["crash"] or rpy_crashed(code, err)
        if dump_error is not None:
            ok = code == 1 and report_error(err)[0] == dump_error
            hint = f"expected ast.dump to raise {dump_error}, got exit {code}"
        else:
            expected = text + "\n"
            got = out.decode("utf-8", "replace")
            ok = code == 0 and got == expected
            hint = (first_difference(expected, got) if code == 0
                    else f"exit {code}: {err.strip()[-300:]!r}")
        res[key] = ok
        if not ok:
            res["mismatch"].append((key, hint))
    return res


def collect(paths):
    files = []
    for p in map(Path, paths):
        if p.is_dir():
            files += sorted(f for f in p.rglob("*.py") if f.is_file())
        elif p.is_file():
            files.append(p)
    return [str(f.resolve()) for f in files]


def init_worker(options):
    OPTIONS.update(options)
    sys.setrecursionlimit(1000)
    # ast.parse reports SyntaxWarnings on stderr; they are not what is being compared.
    warnings.simplefilter("ignore")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--rpy", default="target/release/rpy")
    ap.add_argument("--cpython", default="python3.14",
                    help="CPython 3.14 command used to capture `python3.14 FILE` reports")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--show", type=int, default=20, help="mismatches to list")
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if sys.version_info[:2] != (3, 14):
        sys.exit("ast_parity: run this with CPython 3.14")
    rpy = Path(args.rpy)
    if not rpy.is_file():
        sys.exit(f"ast_parity: {rpy} not found (build it: cargo build --release)")
    options = {"rpy": str(rpy.resolve()), "cpython": args.cpython, "timeout": args.timeout}
    init_worker(options)
    self_check()
    files = collect(args.paths or [str(Path(ast.__file__).parent)])
    start = time.monotonic()
    # fork, not the default forkserver: sys.executable may need a wrapper script to start.
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(args.jobs, initializer=init_worker, initargs=(options,)) as pool:
        results = sorted(pool.imap_unordered(check_file, files, chunksize=4),
                         key=lambda r: r["path"])
    parsed = [r for r in results if r["parsed"]]
    rejected = [r for r in results if not r["parsed"]]

    def pct(n, d):
        return round(100.0 * n / d, 2) if d else 100.0

    summary = {
        "files": len(results),
        "cpython_parses": len(parsed),
        "default_dump_matches": sum(r["default"] for r in parsed),
        "attribute_dump_matches": sum(r["attributes"] for r in parsed),
        "cpython_rejects": len(rejected),
        "same_error_type_and_line": sum(r["same_error"] for r in rejected),
        "identical_error_report": sum(r["same_report"] for r in rejected),
        "rpy_crashes_or_timeouts": sum(r["crash"] for r in results),
        "seconds": round(time.monotonic() - start, 1),
    }
    summary["default_dump_pct"] = pct(summary["default_dump_matches"], len(parsed))
    summary["attribute_dump_pct"] = pct(summary["attribute_dump_matches"], len(parsed))
    mismatches = [(r["path"], kind, hint) for r in results for kind, hint in r["mismatch"]]
    crashes = [r["path"] for r in results if r["crash"]]
    if args.json:
        summary["first_mismatches"] = [
            {"path": p, "kind": k, "hint": h} for p, k, h in mismatches[:args.show]]
        summary["crashed_files"] = crashes[:args.show]
        print(json.dumps(summary, indent=1))
        return
    s = summary
    print(f"files:                       {s['files']}")
    print(f"CPython parses:              {s['cpython_parses']}")
    print(f"  default dump matches:      {s['default_dump_matches']} ({s['default_dump_pct']}%)")
    print(f"  attribute dump matches:    {s['attribute_dump_matches']} ({s['attribute_dump_pct']}%)")
    print(f"CPython rejects:             {s['cpython_rejects']}")
    print(f"  same error type and line:  {s['same_error_type_and_line']}")
    print(f"  identical error report:    {s['identical_error_report']}")
    print(f"rpy crashes/timeouts:        {s['rpy_crashes_or_timeouts']}")
    print(f"time:                        {s['seconds']} s")
    if crashes:
        print("\ncrashed or timed out:")
        for p in crashes[:args.show]:
            print(f"  {p}")
    if mismatches:
        print(f"\nfirst {min(args.show, len(mismatches))} of {len(mismatches)} mismatches:")
        for p, k, h in mismatches[:args.show]:
            print(f"  {p} [{k}]\n    {h}")


if __name__ == "__main__":
    main()
