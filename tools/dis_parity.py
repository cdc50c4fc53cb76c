#!/usr/bin/env python3.14
"""Compare rpy's code objects with CPython 3.14's, code object by code object.

Usage: python3.14 tools/dis_parity.py [--rpy PATH] [--jobs N] [--top N] [--no-stdlib]
                                      [--no-pyperformance] [--list-failed] [FILE ...]

For every file (by default CPython's standard library, the corpus the acceptance of issue 3
is measured on, plus the pyperformance compute workloads as a separate section), CPython
compiles the source in process (compile(bytes, FILE, "exec"), as `python3.14 -m dis FILE`)
and `rpy dis --json FILE` prints rpy's code objects. The two depth-first lists are compared
pairwise (a missing code object counts as different in every field) and the report gives:
- files, code objects, and the share of code objects whose co_code, co_exceptiontable,
  co_linetable, co_consts, co_names, co_localsplusnames, co_stacksize, co_flags (and all
  fields at once) are identical;
- the files rpy failed on, grouped by the first line of its error;
- the most frequent first differences in co_code (the first instruction pair that differs,
  CPython's vs rpy's, with a count and an example place) and in co_exceptiontable.

The pyperformance workloads come from `pip download --no-deps pyperformance==1.14.0`,
cached under pyperformance/cache/ (git-ignored); if the download fails their line says so.
Exit status: 0 when the comparison ran (whatever the rates), 2 on bad usage.
"""

import argparse
import collections
import concurrent.futures
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


def stdlib_files():
    root = os.path.dirname(os.__file__)
    out = []
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if x not in ("site-packages", "__pycache__"))
        for f in sorted(files):
            path = os.path.join(d, f)
            if f.endswith(".py") and os.path.isfile(path):
                out.append(path)
    return out


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
            if (
                name.endswith(".py")
                and "benchmarks" in parts
                and any(p in (f"bm_{w}" for w in COMPUTE_WORKLOADS) for p in parts)
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

    def add(self, path, codes, ours, reason):
        self.files += 1
        self.codes += len(codes)
        if ours is None:
            self.rpy_failed[reason].append(path)
            return
        for i, code in enumerate(codes):
            theirs = dis_json.code_dict(code)
            mine = ours[i] if i < len(ours) else None
            for field in FIELDS:
                if mine is not None and theirs[field] == mine.get(field):
                    self.same[field] += 1
            if mine is not None and all(theirs[k] == mine.get(k) for k in theirs):
                self.same["all"] += 1
            if mine is None:
                continue
            place = f"{path}:{{}} ({code.co_qualname})"
            if theirs["co_code"] != mine.get("co_code"):
                key, offset = first_code_difference(code, mine.get("co_code", ""))
                self.code_diffs[key] += 1
                self.code_examples.setdefault(key, place.format(line_at(code, offset)))
            if theirs["co_exceptiontable"] != mine.get("co_exceptiontable"):
                key, unit = first_exception_difference(code, mine.get("co_exceptiontable", ""))
                self.exc_diffs[key] += 1
                self.exc_examples.setdefault(key, place.format(line_at(code, 2 * unit)))

    def report(self, title, top, list_failed):
        p = print
        failed_files = sum(len(v) for v in self.rpy_failed.values())
        p(f"== {title}")
        p(
            f"files: {self.files} compared, CPython could not compile {len(self.cpython_failed)}, "
            f"rpy failed on {failed_files}"
        )
        p(f"code objects: {self.codes}")
        for field in FIELDS + ["all"]:
            n = self.same[field]
            pct = 100.0 * n / self.codes if self.codes else 0.0
            label = "all fields" if field == "all" else field
            p(f"  {label:<20} {pct:6.2f}% identical ({n})")
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
    if not os.path.exists(args.rpy):
        print(f"dis_parity: no rpy binary at {args.rpy} (cargo build --release)", file=sys.stderr)
        return 2
    sys.set_int_max_str_digits(0)
    print(f"rpy: {args.rpy}; CPython {sys.version.split()[0]} ({sys.executable})")
    sections = []
    if args.files:
        sections.append(("given files", args.files))
    elif not args.no_stdlib:
        sections.append(("CPython 3.14 standard library", stdlib_files()))
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
