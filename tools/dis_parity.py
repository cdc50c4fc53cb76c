#!/usr/bin/env python3.14
"""Compare rpy's code objects with CPython 3.14's, code object by code object.

Usage: python3.14 tools/dis_parity.py [--rpy PATH] [--jobs N] [--top N] [--no-stdlib]
                                      [--no-pyperformance] [--list-failed] [FILE ...]

For every file (by default CPython's standard library, the corpus the acceptance of issue 3
is measured on, plus the pyperformance compute workloads as a separate section), CPython
compiles the source in process (compile(bytes, FILE, "exec"), as `python3.14 -m dis FILE`)
and `rpy dis --json FILE` prints rpy's code objects. The two depth-first lists are compared
pairwise, aligned on (qualname, firstlineno) so that one missing or extra code object does
not shift every later pair (a CPython code object without a counterpart counts as
different in every field), and the report gives:
- files, code objects, and the share of code objects whose co_code, co_exceptiontable,
  co_linetable, co_consts, co_names, co_localsplusnames, co_stacksize, co_flags (and all
  fields at once) are identical;
- the files rpy failed on, grouped by the first line of its error;
- the most frequent first differences in co_code (the first instruction pair that differs,
  CPython's vs rpy's, with a count and an example place) and in co_exceptiontable.

The pyperformance workloads come from `pip download --no-deps pyperformance==1.14.0`,
cached under pyperformance/cache/ (git-ignored); if the download fails their line says so.
CPython runs with PYTHONHASHSEED=0 (the script re-executes itself with it) so that
frozensets of strings have a reproducible order (see tools/dis_json.py).
Exit status: 0 when the comparison ran (whatever the rates), 2 on bad usage.
"""

import argparse
import collections
import concurrent.futures
import difflib
import dis
import json
import os
import subprocess
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dis_json  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CACHE = os.path.join(REPO, "pyperformance", "cache")
PYPERFORMANCE = "pyperformance==1.14.0"
WHEEL = "pyperformance-1.14.0-py3-none-any.whl"
# The compute set of ../shared/reference/pyperformance-workloads.md.
COMPUTE_WORKLOADS = [
    "nbody", "fannkuch", "spectral_norm", "richards", "richards_super", "nqueens", "float",
    "chaos", "go", "deltablue", "coroutines", "generators", "hexiom", "unpack_sequence",
    "pidigits", "meteor_contest", "raytrace", "scimark", "barnes_hut", "async_generators",
]
FIELDS = [
    "co_code", "co_exceptiontable", "co_linetable", "co_consts", "co_names",
    "co_localsplusnames", "co_stacksize", "co_flags",
]
RPY_TIMEOUT = 120


def pyperformance_files():
    """The compute workloads' sources, extracted from the cached wheel (fetched if missing)."""
    wheel = os.path.join(CACHE, WHEEL)
    if not os.path.exists(wheel):
        os.makedirs(CACHE, exist_ok=True)
        for pip in ([sys.executable, "-m", "pip"], ["python3", "-m", "pip"], ["pip"]):
            try:
                done = subprocess.run(
                    pip + ["download", "--no-deps", PYPERFORMANCE, "-d", CACHE],
                    capture_output=True, timeout=300,
                )
            except (OSError, subprocess.TimeoutExpired):
                continue
            if done.returncode == 0 and os.path.exists(wheel):
                break
        else:
            return None
    root = os.path.join(CACHE, WHEEL[: -len("-py3-none-any.whl")])
    out = []
    with zipfile.ZipFile(wheel) as z:
        for name in sorted(z.namelist()):
            parts = name.split("/")
            # The wheel holds each workload twice (benchmarks/ and the data-files copy).
            if (
                name.endswith(".py")
                and name.startswith("pyperformance/data-files/benchmarks/")
                and parts[3] in (f"bm_{w}" for w in COMPUTE_WORKLOADS)
            ):
                path = os.path.join(root, *parts)
                if not os.path.exists(path):
                    os.makedirs(os.path.dirname(path), exist_ok=True)
                    with open(path, "wb") as f:
                        f.write(z.read(name))
                out.append(path)
    return out


def run_rpy(rpy, path):
    """rpy's code objects for `path` as a list of dicts, or the first line of its error."""
    try:
        done = subprocess.run(
            [rpy, "dis", "--json", path], capture_output=True, timeout=RPY_TIMEOUT
        )
    except subprocess.TimeoutExpired:
        return None, f"timeout after {RPY_TIMEOUT} s"
    except OSError as e:
        return None, f"cannot run rpy: {e}"
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        reason = lines[-1] if lines else f"exit status {done.returncode}"
        if done.returncode < 0:
            reason = f"killed by signal {-done.returncode}: {reason}"
        return None, reason[:200]
    try:
        return json.loads(done.stdout), None
    except ValueError as e:
        return None, f"invalid JSON from rpy: {e}"


def instructions(code_bytes):
    """(offset, opname, arg) of each instruction, caches skipped."""
    return [
        (offset, dis._all_opname[op], arg)
        for offset, _, op, arg in dis._unpack_opargs(code_bytes)
    ]


def line_at(code, offset):
    for start, end, line in code.co_lines():
        if start <= offset < end:
            return line
    return code.co_firstlineno


def first_code_difference(code, ours_hex):
    """(key, offset) of the first instruction where rpy's co_code differs from CPython's."""
    theirs = instructions(code.co_code)
    ours = instructions(bytes.fromhex(ours_hex))
    for i in range(max(len(theirs), len(ours))):
        a = theirs[i] if i < len(theirs) else None
        b = ours[i] if i < len(ours) else None
        if a is None or b is None or a[1:] != b[1:]:
            if a is not None and b is not None and a[1] == b[1]:
                key = f"{a[1]}: arg {a[2]} vs {b[2]}"
            else:
                # Opargs vary too much to group by: names only.
                key = f"{a[1] if a else '<end>'} vs {b[1] if b else '<end>'}"
            return key, (a or b)[0]
    return "same instructions, different bytes", 0


def parse_exception_table(table):
    code = type("C", (), {"co_exceptiontable": table})()
    return dis._parse_exception_table(code)


def first_exception_difference(code, ours_hex):
    theirs = parse_exception_table(code.co_exceptiontable)
    ours = parse_exception_table(bytes.fromhex(ours_hex))
    for i in range(max(len(theirs), len(ours))):
        a = theirs[i] if i < len(theirs) else None
        b = ours[i] if i < len(ours) else None
        if a is None:
            return "extra entry in rpy", b.start
        if b is None:
            return "entry missing in rpy", a.start
        diff = [f for f in ("start", "end", "target", "depth", "lasti") if getattr(a, f) != getattr(b, f)]
        if diff:
            return "entry differs in " + "/".join(diff), a.start
    return "same entries, different bytes", 0


def varint(table, i):
    b = table[i]
    value, shift = b & 63, 0
    while b & 64:
        i += 1
        b = table[i]
        shift += 6
        value |= (b & 63) << shift
    return value, i + 1


def positions(table, firstlineno):
    """co_positions() of a location table: (line, end_line, col, end_col) per code unit,
    None for unknown parts (the format of Objects/locations.md)."""
    out, line, i = [], firstlineno, 0
    try:
        while i < len(table):
            first = table[i]
            kind, length, i = (first >> 3) & 15, (first & 7) + 1, i + 1
            if kind == 15:
                pos = (None, None, None, None)
            elif kind == 14:
                delta, i = varint(table, i)
                line += -(delta >> 1) if delta & 1 else delta >> 1
                end, i = varint(table, i)
                col, i = varint(table, i)
                end_col, i = varint(table, i)
                pos = (line, line + end, col - 1 if col else None, end_col - 1 if end_col else None)
            elif kind == 13:
                delta, i = varint(table, i)
                line += -(delta >> 1) if delta & 1 else delta >> 1
                pos = (line, line, None, None)
            elif kind >= 10:
                line += kind - 10
                pos = (line, line, table[i], table[i + 1])
                i += 2
            else:
                second = table[i]
                i += 1
                col = kind << 3 | second >> 4
                pos = (line, line, col, col + (second & 15))
            out.extend([pos] * length)
    except IndexError:
        pass
    return out


def first_position_difference(code, mine):
    """(key, code unit) of the first code unit whose source position differs."""
    theirs = list(code.co_positions())
    ours = positions(bytes.fromhex(mine.get("co_linetable", "")), mine.get("firstlineno", 0))
    names = {}
    for offset, name, _ in instructions(code.co_code):
        names[offset // 2] = name
    current = "?"
    for i in range(max(len(theirs), len(ours))):
        current = names.get(i, current)
        a = theirs[i] if i < len(theirs) else None
        b = ours[i] if i < len(ours) else None
        if a != b:
            if a is None or b is None:
                return f"{current}: table {'longer' if a is None else 'shorter'} in rpy", i
            parts = [n for n, x, y in zip(("line", "end_line", "col", "end_col"), a, b) if x != y]
            return f"{current}: {'/'.join(parts)}", i
    return "same positions, different bytes", 0


def same_up_to_set_order(theirs, ours):
    """co_consts equal when frozenset items may come in another order: CPython rebuilds a
    frozenset constant (in a different iteration order when items collide) whenever one of
    its strings was already interned in the process, so its order there depends on what
    the process compiled or imported before, which no other compiler can reproduce. The
    test is on the characters of the reprs, a close enough proxy for a diagnostic."""
    if theirs == ours:
        return True
    if len(theirs) != len(ours):
        return False
    return all(a == b or ("frozenset(" in a and sorted(a) == sorted(b)) for a, b in zip(theirs, ours))


def first_const_difference(theirs, ours):
    """A short description of how two co_consts lists (of reprs) first differ."""
    if sorted(theirs) == sorted(ours):
        return "same constants, different order"
    for i, (a, b) in enumerate(zip(theirs, ours)):
        if a != b:
            return f"#{i}: {a[:40]} vs {b[:40]}"
    return f"{len(theirs)} constants vs {len(ours)}"


SET_ORDER = "co_consts up to frozenset order"
MISSING = "code object missing in rpy"
EXTRA = "extra code object in rpy"


def align(codes, ours):
    """(CPython code object, rpy's dict or None) pairs, in CPython's depth-first order.

    Matched on (qualname, firstlineno) with difflib, so that a code object one side lacks
    (an inlined or an extra genexpr, say) leaves the following pairs aligned."""
    theirs_keys = [(c.co_qualname, c.co_firstlineno) for c in codes]
    ours_keys = [(d.get("qualname"), d.get("firstlineno")) for d in ours]
    partner = {}
    matcher = difflib.SequenceMatcher(None, theirs_keys, ours_keys, autojunk=False)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            partner[block.a + k] = ours[block.b + k]
    # Unmatched runs of equal length pair up in order (a renamed or moved code object is
    # still compared field by field).
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace" and i2 - i1 == j2 - j1:
            for k in range(i2 - i1):
                partner[i1 + k] = ours[j1 + k]
    return [(c, partner.get(i)) for i, c in enumerate(codes)]


class Tally:
    def __init__(self):
        self.files = 0
        self.cpython_failed = []
        self.rpy_failed = collections.defaultdict(list)
        self.codes = 0
        self.same = collections.Counter()
        self.code_diffs = collections.Counter()
        self.code_examples = {}
        self.exc_diffs = collections.Counter()
        self.exc_examples = {}
        self.line_diffs = collections.Counter()
        self.line_examples = {}
        self.const_diffs = collections.Counter()
        self.const_examples = {}
        self.missing = 0
        self.extra = 0

    def add(self, path, codes, ours, reason):
        self.files += 1
        self.codes += len(codes)
        if ours is None:
            self.rpy_failed[reason].append(path)
            return
        pairs = align(codes, ours)
        for code, mine in pairs:
            theirs = dis_json.code_dict(code)
            for field in FIELDS:
                if mine is not None and theirs[field] == mine.get(field):
                    self.same[field] += 1
            place = f"{path}:{{}} ({code.co_qualname})"
            if mine is None:
                self.missing += 1
                self.code_examples.setdefault(MISSING, place.format(code.co_firstlineno))
                self.code_diffs[MISSING] += 1
                continue
            if all(theirs[k] == mine.get(k) for k in theirs):
                self.same["all"] += 1
            if theirs["co_code"] != mine.get("co_code"):
                key, offset = first_code_difference(code, mine.get("co_code", ""))
                self.code_diffs[key] += 1
                self.code_examples.setdefault(key, place.format(line_at(code, offset)))
            if theirs["co_exceptiontable"] != mine.get("co_exceptiontable"):
                key, unit = first_exception_difference(code, mine.get("co_exceptiontable", ""))
                self.exc_diffs[key] += 1
                self.exc_examples.setdefault(key, place.format(line_at(code, 2 * unit)))
            if theirs["co_linetable"] != mine.get("co_linetable"):
                key, unit = first_position_difference(code, mine)
                self.line_diffs[key] += 1
                self.line_examples.setdefault(key, place.format(line_at(code, 2 * unit)))
            if same_up_to_set_order(theirs["co_consts"], mine.get("co_consts") or []):
                self.same[SET_ORDER] += 1
            if theirs["co_consts"] != mine.get("co_consts"):
                key = first_const_difference(theirs["co_consts"], mine.get("co_consts") or [])
                self.const_diffs[key] += 1
                self.const_examples.setdefault(key, place.format(code.co_firstlineno))
        paired = {id(mine) for _, mine in pairs if mine is not None}
        for mine in ours:
            if id(mine) not in paired:
                self.extra += 1
                kind = str(mine.get("qualname")).rsplit(".", 1)[-1]
                key = f"{EXTRA}: {kind}"
                self.code_diffs[key] += 1
                self.code_examples.setdefault(key, f"{path}:{mine.get('firstlineno')}")

    def report(self, title, top, list_failed):
        p = print
        failed_files = sum(len(v) for v in self.rpy_failed.values())
        p(f"== {title}")
        p(
            f"files: {self.files} compared, CPython could not compile {len(self.cpython_failed)}, "
            f"rpy failed on {failed_files}"
        )
        p(
            f"code objects: {self.codes} (without a counterpart: {self.missing} missing in rpy, "
            f"{self.extra} extra in rpy)"
        )
        width = len(SET_ORDER)
        for field in FIELDS + [SET_ORDER, "all"]:
            n = self.same[field]
            pct = 100.0 * n / self.codes if self.codes else 0.0
            label = "all fields" if field == "all" else field
            p(f"  {label:<{width}} {pct:6.2f}% identical ({n})")
        if self.rpy_failed:
            p("rpy failed on (by error):")
            for reason, paths in sorted(self.rpy_failed.items(), key=lambda kv: -len(kv[1])):
                shown = paths if list_failed else paths[:3]
                more = "" if len(shown) == len(paths) else f", ... ({len(paths)} files)"
                p(f"  {len(paths):6}  {reason}")
                p(f"          {', '.join(shown)}{more}")
        for name, counter, examples in (
            ("co_code (first differing instruction, CPython vs rpy)", self.code_diffs, self.code_examples),
            ("co_exceptiontable", self.exc_diffs, self.exc_examples),
            ("co_linetable (first code unit whose position differs)", self.line_diffs, self.line_examples),
            ("co_consts (first differing constant, CPython vs rpy)", self.const_diffs, self.const_examples),
        ):
            if counter:
                p(f"most frequent first differences in {name}:")
                for key, n in counter.most_common(top):
                    p(f"  {n:6}  {key}   e.g. {examples[key]}")
        p()


def compare(paths, rpy, jobs, tally):
    compiled = []
    for path in paths:
        try:
            code = dis_json.compile_file(path)
        except (SyntaxError, ValueError) as e:
            tally.cpython_failed.append((path, f"{type(e).__name__}: {e}"))
            continue
        compiled.append((path, dis_json.code_objects(code)))
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        results = pool.map(lambda item: run_rpy(rpy, item[0]), compiled)
        for (path, codes), (ours, reason) in zip(compiled, results):
            tally.add(path, codes, ours, reason)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rpy", default=os.path.join(REPO, "target", "release", "rpy"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--no-stdlib", action="store_true")
    ap.add_argument("--no-pyperformance", action="store_true")
    ap.add_argument("--list-failed", action="store_true", help="name every file rpy failed on")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args(argv)
    dis_json.ensure_hash_seed()
    if not os.path.exists(args.rpy):
        print(f"dis_parity: no rpy binary at {args.rpy} (cargo build --release)", file=sys.stderr)
        return 2
    sys.set_int_max_str_digits(0)
    print(f"rpy: {args.rpy}; CPython {sys.version.split()[0]} ({sys.executable})")
    sections = []
    if args.files:
        sections.append(("given files", args.files))
    elif not args.no_stdlib:
        sections.append(("CPython 3.14 standard library", dis_json.stdlib_files()))
    if not args.no_pyperformance and not args.files:
        workloads = pyperformance_files()
        if workloads is None:
            print(f"== pyperformance compute workloads\nnot available: `pip download {PYPERFORMANCE}` failed\n")
        else:
            sections.append(("pyperformance compute workloads", workloads))
    for title, paths in sections:
        tally = Tally()
        compare(paths, args.rpy, args.jobs, tally)
        tally.report(title, args.top, args.list_failed)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
