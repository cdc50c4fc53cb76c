#!/usr/bin/env python3.14
"""Compare rpy's codegen output with CPython 3.14's, unit by unit.

Runs under CPython 3.14 (it needs `_testinternalcapi.compiler_codegen`). For each source
file, CPython's codegen output (instruction sequence before any flow-graph pass, jump
targets as instruction indexes, nested units in `get_nested()` order) is compared with
what `cargo run -p vm --example codegen_dump` prints for the same file.

Usage:
    python3.14 tools/codegen_parity.py [--corpus DIR] [--limit N] [--filter TEXT]
        [--show N] [--dump-json OUT] [FILE...]

Prints how many units (code objects) have identical instruction sequences (opcode,
oparg and location), how many are identical ignoring locations, and the most frequent
first differences, so that work can go down the list.
"""

import argparse
import ast
import collections
import dis
import json
import os
import subprocess
import sys
import warnings

import _testinternalcapi

CORPUS = "/opt/cpython314/root/usr/lib/python3.14"
# The interpreter to run the CPython side in (a wrapper script may be needed to run it).
CPYTHON = os.environ.get("CPYTHON", "/opt/cpython314/bin/python3.14")
PSEUDO = {
    256: "ANNOTATIONS_PLACEHOLDER", 257: "JUMP", 258: "JUMP_IF_FALSE", 259: "JUMP_IF_TRUE",
    260: "JUMP_NO_INTERRUPT", 261: "LOAD_CLOSURE", 262: "POP_BLOCK", 263: "SETUP_CLEANUP",
    264: "SETUP_FINALLY", 265: "SETUP_WITH", 266: "STORE_FAST_MAYBE_NULL",
}


def opname(op):
    return PSEUDO.get(op) or dis.opname[op]


def const_repr(c):
    if hasattr(c, "co_qualname"):
        return f"<code {c.co_qualname}>"
    return repr(c)


def cpython_unit(seq, meta=None):
    instrs = [[i[0], 0 if i[1] is None else i[1], *i[2:]] for i in seq.get_instructions()]
    unit = {"instrs": instrs, "nested": [cpython_unit(n) for n in seq.get_nested()]}
    if meta is not None:
        unit["consts"] = [const_repr(c) for c in meta["consts"]]
        for k in ("argcount", "posonlyargcount", "kwonlyargcount"):
            unit[k] = meta[k]
    return unit


def cpython_codegen(path):
    with open(path, "rb") as f:
        src = f.read()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            tree = ast.parse(src, path)
        except (SyntaxError, ValueError) as e:
            return {"parse_error": str(e)}
        try:
            seq, meta = _testinternalcapi.compiler_codegen(tree, path, 0, 0)
        except SyntaxError as e:
            return {"error": {"type": type(e).__name__, "msg": e.msg, "lineno": e.lineno,
                              "offset": e.offset, "end_lineno": e.end_lineno,
                              "end_offset": e.end_offset}}
        except RecursionError as e:
            return {"error": {"type": "RecursionError", "msg": str(e)}}
    return {"unit": cpython_unit(seq, meta)}


def cpython_worker(listing, out):
    """Child-process entry: CPython's codegen for the files listed, as JSON."""
    with open(listing) as f:
        paths = [line.rstrip("\n") for line in f if line.strip()]
    results = {}
    for p in paths:
        try:
            results[p] = cpython_codegen(p)
        except OSError as e:
            results[p] = {"parse_error": str(e)}
    with open(out, "w") as f:
        json.dump(results, f)


def cpython_all(paths, root, chunk=100):
    """CPython's codegen for every path, in child processes: `compiler_codegen` is a test
    hook and occasionally corrupts its process, so a crashing chunk is redone file by file
    and files that crash alone are reported as skipped."""
    tmp_list = os.path.join(root, "target", "codegen_parity_cpython.txt")
    tmp_out = os.path.join(root, "target", "codegen_parity_cpython.json")
    results = {}

    def run(batch):
        with open(tmp_list, "w") as f:
            f.write("\n".join(batch) + "\n")
        r = subprocess.run([CPYTHON, os.path.abspath(__file__), "--cpython-worker",
                            tmp_list, tmp_out], capture_output=True)
        if r.returncode != 0:
            return None
        with open(tmp_out) as f:
            return json.load(f)

    for i in range(0, len(paths), chunk):
        batch = paths[i:i + chunk]
        got = run(batch)
        if got is None:
            got = {}
            for p in batch:
                one = run([p])
                got[p] = one[p] if one else {"parse_error": "CPython crashed"}
        results.update(got)
    return results


def rpy_codegen(paths, root):
    listing = os.path.join(root, "target", "codegen_parity_files.txt")
    with open(listing, "w") as f:
        f.write("\n".join(paths) + "\n")
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "vm", "--example", "codegen_dump"],
                   cwd=root, check=True)
    exe = os.path.join(root, "target", "release", "examples", "codegen_dump")
    out = subprocess.run([exe, "--files", listing], capture_output=True, text=True, cwd=root)
    if out.returncode != 0:
        sys.stderr.write(out.stderr[-3000:])
    results = {}
    for line in out.stdout.splitlines():
        rec = json.loads(line)
        results[rec["file"]] = rec
    return results


def flatten(unit, path="0"):
    yield path, unit
    for i, n in enumerate(unit.get("nested", [])):
        yield from flatten(n, f"{path}.{i}")


def first_diff(a, b):
    """(index, kind, ours, theirs) of the first difference between instruction lists."""
    for i, (x, y) in enumerate(zip(a, b)):
        if x[0] != y[0]:
            return i, "opcode", x, y
        if x[1] != y[1]:
            return i, "oparg", x, y
        if x[2:] != y[2:]:
            return i, "location", x, y
    if len(a) != len(b):
        i = min(len(a), len(b))
        return i, "length", a[i] if i < len(a) else None, b[i] if i < len(b) else None
    return None


def describe(kind, ours, theirs):
    o = opname(ours[0]) if ours else "END"
    t = opname(theirs[0]) if theirs else "END"
    if kind == "opcode" or kind == "length":
        return f"{kind}: ours {o} / cpython {t}"
    return f"{kind}: {t}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--corpus", default=CORPUS)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--filter", default="")
    ap.add_argument("--show", type=int, default=0, help="print N differing units in detail")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--dump-json", default="", help="write CPython's codegen output here")
    ap.add_argument("--cpython-worker", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.cpython_worker:
        cpython_worker(*args.cpython_worker)
        return
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

    paths = args.files
    if not paths:
        for d, _, names in os.walk(args.corpus):
            for n in names:
                full = os.path.join(d, n)
                if n.endswith(".py") and os.path.isfile(full):
                    paths.append(full)
        paths.sort()
    if args.filter:
        paths = [p for p in paths if args.filter in p]
    if args.limit:
        paths = paths[: args.limit]

    ours = rpy_codegen(paths, root)
    theirs = cpython_all(paths, root)
    if args.dump_json:
        with open(args.dump_json, "w") as f:
            json.dump(theirs, f)

    units = same = same_noloc = 0
    first = collections.Counter()
    examples = {}
    error_mismatch = []
    shown = 0
    for p in paths:
        t = theirs[p]
        o = ours.get(p, {"missing": True})
        if "parse_error" in t:
            continue
        if "error" in t or "error" in o or "unit" not in o:
            te, oe = t.get("error"), o.get("error")
            if not (te and oe and te.get("msg") == oe.get("msg") and te.get("lineno") == oe.get("lineno")):
                error_mismatch.append((p, te, oe if oe else {k: v for k, v in o.items() if k != "file"}))
            continue
        tu = dict(flatten(t["unit"]))
        ou = dict(flatten(o["unit"]))
        for key, tunit in tu.items():
            units += 1
            ounit = ou.get(key)
            if ounit is None:
                first["missing unit"] += 1
                continue
            d = first_diff(ounit["instrs"], tunit["instrs"])
            noloc = [x[:2] for x in ounit["instrs"]] == [x[:2] for x in tunit["instrs"]]
            same_noloc += noloc
            if d is None:
                same += 1
                continue
            label = describe(d[1], d[2], d[3])
            first[label] += 1
            examples.setdefault(label, (p, ounit.get("qualname", key), d[0]))
            if shown < args.show:
                shown += 1
                print(f"=== {p} unit {key} {ounit.get('qualname')}: first diff at {d[0]} ({label})")
                lo = max(0, d[0] - 4)
                for i in range(lo, min(d[0] + 6, max(len(ounit["instrs"]), len(tunit["instrs"])))):
                    a = ounit["instrs"][i] if i < len(ounit["instrs"]) else None
                    b = tunit["instrs"][i] if i < len(tunit["instrs"]) else None
                    fa = f"{opname(a[0])} {a[1:]}" if a else "-"
                    fb = f"{opname(b[0])} {b[1:]}" if b else "-"
                    mark = "  " if a == b else "!!"
                    print(f"  {mark} {i:4} ours {fa:45} cpython {fb}")
    pct = 100.0 * same / units if units else 0.0
    pct2 = 100.0 * same_noloc / units if units else 0.0
    print(f"files {len(paths)}  units {units}  identical {same} ({pct:.2f}%)  "
          f"identical ignoring locations {same_noloc} ({pct2:.2f}%)")
    print(f"error mismatches: {len(error_mismatch)}")
    for p, te, oe in error_mismatch[:10]:
        print(f"  {p}: cpython {te} / ours {oe}")
    print("most frequent first differences:")
    for label, n in first.most_common(args.top):
        ex = examples.get(label)
        print(f"  {n:6}  {label}   e.g. {ex}")


if __name__ == "__main__":
    main()
