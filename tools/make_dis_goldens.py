#!/usr/bin/env python3.14
"""Write the dis goldens under vm/tests/golden/dis/ from CPython 3.14.

Usage: python3.14 tools/make_dis_goldens.py [--check]

Two kinds of sources:
- snippets/*.py: hand-written files, one area of the language each (committed as written);
- stdlib/*.py: copies of standard-library files chosen by this script: a greedy cover of
  the features seen over the whole corpus (AST node types, opcodes, named opargs, constant
  types, flags, line-table entry kinds, exception-table shapes, EXTENDED_ARG), cheapest
  files first, then a deterministic sample of small files up to a size budget.

For each source NAME.py it writes, next to it:
- NAME.json: tools/dis_json.py --extended output (the code objects, depth-first);
- NAME.dis: `python3.14 -m dis NAME.py` run from vm/tests/golden/dis/, code object
  addresses normalized to `at 0x?`;
- for snippets, NAME.COP.dis: the same with -C (caches), -O (offsets) and -P (positions).
MANIFEST.json lists every source with its origin and SHA-1. CPython runs with
PYTHONHASHSEED=0 (the script re-executes itself with it): frozensets of strings are then
in a reproducible order.

--check regenerates everything in memory and fails if a committed file differs (run it
after changing the CPython used, or to verify the goldens were not edited by hand).

--corpus-to DIR writes the same layout (sources, .json, .dis, .COP.dis, MANIFEST.json) for
every file of the standard library into DIR instead (about 700 MB, not committed), to run
the disassembler tests over the whole corpus:
    RPY_DIS_GOLDEN_DIR=DIR cargo test --release -p vm --test dis_text
"""

import ast
import dis
import hashlib
import io
import json
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dis_json  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOLDEN = os.path.join(REPO, "vm", "tests", "golden", "dis")
STDLIB = os.path.join(os.path.dirname(os.__file__))
# Bytes of generated output (dis text + JSON) the stdlib part may use.
STDLIB_BUDGET = 3_000_000
# Files above this much output are never picked (one file must not eat the budget).
MAX_FILE_OUTPUT = 400_000
SAMPLE_SEED = 3014

# Snippets also get a listing with every option of `python -m dis` on (-C -O -P).
VARIANTS = {"COP": {"show_caches": True, "show_offsets": True, "show_positions": True}}


def normalize(text):
    return re.sub(r"at 0x[0-9a-f]+", "at 0x?", text)


def dis_text(code, **options):
    """What `python3.14 -m dis` prints (dis.main: compile(bytes, name, "exec"), dis.dis)."""
    buf = io.StringIO()
    dis.dis(code, file=buf, **options)
    return normalize(buf.getvalue())


def linetable_kinds(table):
    kinds, i = set(), 0
    while i < len(table):
        if table[i] & 0x80:
            kinds.add((table[i] >> 3) & 15)
        i += 1
    return kinds


NAMED_ARGS = {
    "BINARY_OP", "CALL_INTRINSIC_1", "CALL_INTRINSIC_2", "COMPARE_OP", "CONVERT_VALUE",
    "SET_FUNCTION_ATTRIBUTE", "LOAD_SPECIAL", "LOAD_COMMON_CONSTANT", "IS_OP", "CONTAINS_OP",
}


def const_features(value, out):
    out.add("const:" + type(value).__name__)
    if isinstance(value, (tuple, frozenset)):
        for v in value:
            const_features(v, out)
    elif isinstance(value, str) and not value.isascii():
        out.add("const:str-nonascii")


def features(source, code):
    out = set()
    try:
        for node in ast.walk(ast.parse(source)):
            out.add("ast:" + type(node).__name__)
    except SyntaxError:
        pass
    for c in dis_json.code_objects(code):
        for ins in dis.get_instructions(c):
            out.add("op:" + ins.opname)
            if ins.opname in NAMED_ARGS:
                out.add(f"arg:{ins.opname}:{ins.arg}")
            elif ins.opname in ("LOAD_GLOBAL", "LOAD_ATTR", "LOAD_SUPER_ATTR"):
                out.add(f"arg:{ins.opname}:{ins.arg & 3}")
        for bit in range(32):
            if c.co_flags & (1 << bit):
                out.add(f"flag:{bit}")
        for kind in linetable_kinds(c.co_linetable):
            out.add(f"linetable:{kind}")
        for e in dis._parse_exception_table(c):
            out.add(f"exc:depth{min(e.depth, 6)}:{e.lasti}")
        for v in c.co_consts:
            const_features(v, out)
    return out


def outputs(name, source, variants):
    """The generated files for one source: {suffix: text}."""
    code = compile(source, name, "exec")
    files = {
        ".json": json.dumps(dis_json.module_dicts(code, extended=True), ensure_ascii=False, indent=0)
        + "\n",
        ".dis": dis_text(code),
    }
    if variants:
        for letter, options in VARIANTS.items():
            files[f".{letter}.dis"] = dis_text(code, **options)
    return files


def pick_stdlib():
    """(relative name, source bytes, origin) of the chosen standard-library files."""
    candidates = []
    for path in dis_json.stdlib_files():
        with open(path, "rb") as f:
            source = f.read()
        try:
            code = compile(source, path, "exec")
        except (SyntaxError, ValueError):
            continue
        size = sum(len(t) for t in outputs("x.py", source, False).values())
        if size > MAX_FILE_OUTPUT:
            continue
        rel = os.path.relpath(path, STDLIB)
        candidates.append((rel, source, size, features(source, code)))
    universe = set().union(*(c[3] for c in candidates))
    chosen, covered, used = [], set(), 0
    while covered != universe:
        best = max(candidates, key=lambda c: (len(c[3] - covered) / (c[2] + 2000), c[0]))
        if not best[3] - covered:
            break
        chosen.append(best)
        covered |= best[3]
        used += best[2]
        candidates.remove(best)
    rng = random.Random(SAMPLE_SEED)
    rng.shuffle(candidates)
    for c in candidates:
        # The codec modules are near copies of each other: the cover may take one.
        if c[0].startswith("encodings" + os.sep):
            continue
        if used + c[2] <= STDLIB_BUDGET and c[2] <= 60_000:
            chosen.append(c)
            used += c[2]
    print(
        f"stdlib: {len(chosen)} files, {used} bytes of output, {len(universe)} features",
        file=sys.stderr,
    )
    return sorted((rel, source) for rel, source, _, _ in chosen)


def golden_name(rel):
    return "stdlib/" + rel[:-3].replace(os.sep, ".") + ".py"


def plan():
    """{relative path: bytes} of every file under GOLDEN this script owns, and the manifest."""
    files, manifest = {}, []
    snippets = os.path.join(GOLDEN, "snippets")
    for f in sorted(os.listdir(snippets)):
        if f.endswith(".py"):
            name = "snippets/" + f
            with open(os.path.join(snippets, f), "rb") as fh:
                source = fh.read()
            manifest.append({"name": name, "origin": "hand", "variants": True, "sha1": sha1(source)})
            for suffix, text in outputs(name, source, True).items():
                files[name[:-3] + suffix] = text.encode()
    for rel, source in pick_stdlib():
        name = golden_name(rel)
        files[name] = source
        manifest.append({"name": name, "origin": "Lib/" + rel, "variants": False, "sha1": sha1(source)})
        for suffix, text in outputs(name, source, False).items():
            files[name[:-3] + suffix] = text.encode()
    files["MANIFEST.json"] = (json.dumps(manifest, indent=1) + "\n").encode()
    return files


def sha1(data):
    return hashlib.sha1(data).hexdigest()


def owned_on_disk():
    out = set()
    for d, _, fs in os.walk(GOLDEN):
        for f in fs:
            rel = os.path.relpath(os.path.join(d, f), GOLDEN).replace(os.sep, "/")
            generated = rel.startswith("snippets/") and not rel.endswith(".py")
            if rel.startswith("stdlib/") or rel == "MANIFEST.json" or generated:
                out.add(rel)
    return out


def write_corpus(out_dir):
    """Every compilable standard-library file, in the golden layout, under out_dir."""
    manifest = []
    os.makedirs(os.path.join(out_dir, "stdlib"), exist_ok=True)
    os.chdir(out_dir)
    for path in dis_json.stdlib_files():
        with open(path, "rb") as f:
            source = f.read()
        rel = os.path.relpath(path, STDLIB)
        name = golden_name(rel)
        try:
            files = outputs(name, source, True)
        except (SyntaxError, ValueError):
            continue
        files[".py"] = source
        for suffix, data in files.items():
            with open(name[:-3] + suffix, "wb") as f:
                f.write(data if isinstance(data, bytes) else data.encode())
        manifest.append({"name": name, "origin": "Lib/" + rel, "variants": True, "sha1": sha1(source)})
    with open("MANIFEST.json", "w") as f:
        json.dump(manifest, f, indent=1)
    print(f"wrote {len(manifest)} sources under {out_dir}", file=sys.stderr)
    return 0


def main(argv):
    dis_json.ensure_hash_seed()
    if "--corpus-to" in argv:
        return write_corpus(os.path.abspath(argv[argv.index("--corpus-to") + 1]))
    check = "--check" in argv
    # Names in the listings are relative to GOLDEN, as `python3.14 -m dis snippets/x.py` there.
    os.chdir(GOLDEN)
    files = plan()
    stale = owned_on_disk() - set(files)
    if check:
        bad = [p for p, data in files.items() if not os.path.exists(p) or open(p, "rb").read() != data]
        for p in sorted(bad) + sorted(stale):
            print("differs:" if p in files else "stale:", p)
        print(f"{len(files)} files checked, {len(bad) + len(stale)} differ")
        return 1 if bad or stale else 0
    for p in stale:
        os.remove(p)
    for p, data in files.items():
        os.makedirs(os.path.dirname(p) or ".", exist_ok=True)
        with open(p, "wb") as f:
            f.write(data)
    total = sum(len(d) for d in files.values())
    print(f"wrote {len(files)} files, {total} bytes; removed {len(stale)} stale", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
