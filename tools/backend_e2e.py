#!/opt/cpython314/bin/python3.14
"""Which end-to-end differences are the backend's: over a corpus, finds the code units whose
codegen output rpy already reproduces exactly, and compares rpy's final code objects for
those units with CPython's.

For each file: rpy's codegen units (`codegen_dump` example), CPython's
(`_testinternalcapi.compiler_codegen`, nested units in `get_nested()` order), rpy's code
objects (`rpy dis --json`) and CPython's (`tools/dis_json.py`'s schema, computed in process).
Units are paired by their path in the nested tree; code objects by (qualname, firstlineno,
occurrence). A unit counts as "same codegen" when instructions (with locations), constants,
names, varnames, cellvars, freevars, flags and argument counts all match; for those, any
difference in the final code object is the flow graph's or the assembler's (or metadata
codegen does not dump).

Usage: backend_e2e.py [--rpy target/release/rpy] [--limit N] [--filter TEXT] [--show N]
                      [--top N] [FILE ...]
"""

import argparse
import ast
import collections
import json
import os
import subprocess
import sys
import warnings

import _testinternalcapi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import codegen_parity  # noqa: E402
import dis_json  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIELDS = ["co_code", "co_exceptiontable", "co_linetable", "co_consts", "co_names",
          "co_localsplusnames", "co_stacksize", "co_flags"]
META = ["consts", "names", "varnames", "cellvars", "freevars", "flags", "argcount",
        "posonlyargcount", "kwonlyargcount"]


def cpython_side(path):
    """(codegen unit tree, {key: code object record}) or None."""
    try:
        with open(path, "rb") as f:
            src = f.read()
    except OSError:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            tree = ast.parse(src, path)
            seq, meta = _testinternalcapi.compiler_codegen(tree, path, 0, 0)
            code = compile(src, path, "exec", dont_inherit=True)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return None
    return codegen_parity.cpython_unit(seq, meta), keyed(dis_json.module_dicts(code))


def keyed(records):
    out, seen = {}, collections.Counter()
    for r in records:
        k = (r["qualname"], r["firstlineno"])
        out[k + (seen[k],)] = r
        seen[k] += 1
    return out


def rpy_final(rpy, path):
    done = subprocess.run([rpy, "dis", "--json", path], capture_output=True, timeout=120)
    if done.returncode != 0:
        return None
    return keyed(json.loads(done.stdout))


def normalized(field, value):
    """Frozenset constants compare as sets: CPython's iteration order depends on the string
    hash seed."""
    if field != "co_consts" or not isinstance(value, list):
        return value
    out = []
    for c in value:
        if c.startswith("frozenset("):
            try:
                c = ("frozenset", sorted(map(repr, eval(c, {"frozenset": frozenset}))))
            except Exception:
                pass
        out.append(c)
    return out


def unit_metadata_same(o, t):
    """Codegen metadata CPython exposes for every unit is only the module's; compare what
    both sides have (instructions always, constants where CPython reports them)."""
    if o["instrs"] != t["instrs"]:
        return False
    if "consts" in t and o.get("consts") != t["consts"]:
        return False
    return True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*")
    ap.add_argument("--rpy", default=os.path.join(ROOT, "target", "release", "rpy"))
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--filter", default="")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--top", type=int, default=20)
    args = ap.parse_args()
    paths = args.files
    if not paths:
        for d, dirs, names in os.walk(codegen_parity.CORPUS):
            dirs[:] = sorted(x for x in dirs if x not in ("site-packages", "__pycache__"))
            paths += [os.path.join(d, n) for n in sorted(names) if n.endswith(".py")]
    if args.filter:
        paths = [p for p in paths if args.filter in p]
    if args.limit:
        paths = paths[: args.limit]
    ours_cg = codegen_parity.rpy_codegen(paths, ROOT)
    sys.setrecursionlimit(10000)
    units = same_cg = 0
    field_ok = collections.Counter()
    first = collections.Counter()
    examples = {}
    shown = 0
    for p in paths:
        theirs = cpython_side(p)
        o = ours_cg.get(p)
        if theirs is None or not o or "unit" not in o:
            continue
        t_tree, t_final = theirs
        o_final = rpy_final(args.rpy, p)
        if o_final is None:
            continue
        tu = dict(codegen_parity.flatten(t_tree))
        ou = dict(codegen_parity.flatten(o["unit"]))
        # Final code objects in codegen (compile) order: match by the unit's qualname.
        for key, tunit in tu.items():
            ounit = ou.get(key)
            if ounit is None:
                continue
            units += 1
            if not unit_metadata_same(ounit, tunit):
                continue
            same_cg += 1
            ck = (ounit["qualname"], ounit["firstlineno"])
            occ = [k for k in o_final if k[:2] == ck]
            if not occ:
                continue
            fo, ft = o_final.get(occ[0]), t_final.get(occ[0])
            if fo is None or ft is None:
                continue
            bad = [f for f in FIELDS if normalized(f, fo.get(f)) != normalized(f, ft.get(f))]
            for f in FIELDS:
                field_ok[f] += f not in bad
            if bad:
                first[bad[0]] += 1
                examples.setdefault(bad[0], []).append(f"{p} {ck}")
                if shown < args.show:
                    shown += 1
                    print(f"=== {p} {ck}: {bad}")
                    for f in bad[:3]:
                        print(f"  {f}\n    rpy     {fo.get(f)}\n    cpython {ft.get(f)}")
    print(f"units {units}, same codegen {same_cg}")
    for f in FIELDS:
        print(f"  {f:20} {field_ok[f]} / {same_cg}")
    print("first differing field:")
    for f, n in first.most_common(args.top):
        print(f"  {n:6} {f}  e.g. {examples[f][:3]}")


if __name__ == "__main__":
    main()
