#!/usr/bin/env python3.14
"""Generate (or re-verify) the expected results of the conformance suite with CPython 3.14.

Every script `tests/conformance/<area>/<name>.py` (files directly inside an area directory;
subdirectories hold helper modules and packages) is run by CPython 3.14 exactly the way
`tests/conformance.rs` runs rpy: cwd = the script's directory, `-X utf8`, and a fixed,
minimal environment. The results are written beside the script:

  <name>.out   stdout, always
  <name>.exit  the exit status, only when it is not 0
  <name>.err   stderr, when the exit status is not 0 or stderr is not empty

Optional inputs beside a script:

  <name>.argv  the command line after `-X utf8`, one argument per line (default: `{script}`).
               `{script}` is the script's file name, `{stem}` its name without `.py` (for
               `-m`), `{source}` the script's whole text as one argument (for `-c`).
  <name>.stdin bytes fed to stdin; without it stdin is empty, except that a lone `-`
               argument (read the program from stdin) feeds the script's source.

Normalization: the absolute path of tests/conformance (it appears in tracebacks) is written
as `{CONFORMANCE}` in .err files; nothing else is rewritten.

Each script runs twice, with PYTHONHASHSEED=0 and PYTHONHASHSEED=4242, and is refused if
the two runs differ (str hashing or addresses leaking into the output). Scripts are also
refused when they take too long, leave files behind, print the suite's absolute path on
stdout, or have frames of CPython's own standard library in their traceback (rpy's modules
are native, so those frames cannot be reproduced).

Usage:
  python3.14 tools/gen_conformance.py [FILTER...]          write expected results
  python3.14 tools/gen_conformance.py --check [FILTER...]  re-verify, write nothing
FILTER selects scripts whose `<area>/<name>` contains it.
"""

import argparse
import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUITE = ROOT / "tests" / "conformance"
CPYTHON = "/opt/cpython314/bin/python3.14"
PLACEHOLDER = "{CONFORMANCE}"
SEEDS = ("0", "4242")
TIME_LIMIT = 1.0  # seconds of wall clock under CPython, per run
STDLIB_MARKERS = ("/lib/python3.14/", "/opt/cpython314/")

# Keep in step with BASE_ENV in tests/conformance.rs.
BASE_ENV = {
    "PATH": "/usr/bin:/bin",
    "LC_ALL": "C.UTF-8",
    "TZ": "UTC",
    "PYTHONDONTWRITEBYTECODE": "1",
    "PYTHON_COLORS": "0",
    "NO_COLOR": "1",
}
BASE_ARGS = ["-X", "utf8"]


def scripts(filters: list[str]) -> list[Path]:
    found = []
    for area in sorted(p for p in SUITE.iterdir() if p.is_dir()):
        if area.name.startswith((".", "_")):
            continue
        for script in sorted(area.glob("*.py")):
            key = f"{area.name}/{script.stem}"
            if not filters or any(f in key for f in filters):
                found.append(script)
    return found


def lines(text: str) -> list[str]:
    """Lines split as Rust's `str::lines` does (the harness reads `.argv` files with it)."""
    out = text.split("\n")
    if out and out[-1] == "":
        out.pop()
    return [line.removesuffix("\r") for line in out]


def command_line(script: Path) -> tuple[list[str], bytes]:
    """The arguments after the interpreter, and stdin, as the harness builds them."""
    source = script.read_text(encoding="utf-8")
    argv_file = script.with_suffix(".argv")
    template = lines(argv_file.read_text(encoding="utf-8")) if argv_file.exists() else ["{script}"]
    args = [
        a.replace("{script}", script.name).replace("{stem}", script.stem).replace("{source}", source)
        for a in template
    ]
    stdin_file = script.with_suffix(".stdin")
    if stdin_file.exists():
        stdin = stdin_file.read_bytes()
    elif "-" in args:
        stdin = source.encode()
    else:
        stdin = b""
    return BASE_ARGS + args, stdin


def listing(directory: Path) -> set[str]:
    # Scripts that need a scratch file name it `_tmp_<pid>...` and remove it; those names are
    # skipped here because scripts of one area run in parallel, and checked once at the end.
    return {
        str(rel)
        for rel in (p.relative_to(directory) for p in directory.rglob("*"))
        if not rel.parts[0].startswith("_tmp")
    }


def run_once(script: Path, seed: str) -> tuple[bytes, str, int, float]:
    args, stdin = command_line(script)
    env = dict(BASE_ENV, PYTHONHASHSEED=seed)
    start = time.monotonic()
    proc = subprocess.run(
        [CPYTHON, *args], cwd=script.parent, env=env, input=stdin, capture_output=True, timeout=30
    )
    elapsed = time.monotonic() - start
    stderr = proc.stderr.decode("utf-8", "surrogateescape").replace(str(SUITE), PLACEHOLDER)
    return proc.stdout, stderr, proc.returncode, elapsed


def evaluate(script: Path) -> tuple[dict[str, bytes | None], list[str]]:
    """The expected files for a script (None: must not exist), and reasons to refuse it."""
    problems = []
    before = listing(script.parent)
    runs = [run_once(script, seed) for seed in SEEDS]
    after = listing(script.parent)
    if after != before:
        problems.append(f"left files behind: {sorted(after - before)}")
    (out, err, code, elapsed), second = runs[0], runs[1]
    if (out, err, code) != second[:3]:
        which = "stdout" if out != second[0] else "stderr" if err != second[1] else "exit status"
        problems.append(f"{which} differs between PYTHONHASHSEED={SEEDS[0]} and {SEEDS[1]}")
    if max(elapsed, second[3]) > TIME_LIMIT:
        problems.append(f"too slow: {max(elapsed, second[3]):.2f}s")
    if code < 0:
        problems.append(f"killed by signal {-code}")
    if str(SUITE).encode() in out:
        problems.append("prints the suite's absolute path on stdout")
    if any(m in err for m in STDLIB_MARKERS):
        problems.append("stderr mentions CPython's standard library files")
    files: dict[str, bytes | None] = {".out": out, ".exit": None, ".err": None}
    if code != 0:
        files[".exit"] = f"{code}\n".encode()
    if code != 0 or err:
        files[".err"] = err.encode("utf-8", "surrogateescape")
    return files, problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="verify, write nothing")
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("filters", nargs="*")
    opts = parser.parse_args()

    todo = scripts(opts.filters)
    with ThreadPoolExecutor(opts.jobs) as pool:
        results = list(pool.map(evaluate, todo))

    refused = stale = written = 0
    for script, (files, problems) in zip(todo, results):
        key = f"{script.parent.name}/{script.stem}"
        if problems:
            refused += 1
            print(f"REFUSED {key}: {'; '.join(problems)}")
            continue
        if files[".err"] and not files[".exit"]:
            # Legitimate for scripts that test stderr; otherwise usually a stray warning.
            print(f"NOTE {key} exits 0 with stderr: {files['.err'][:100]!r}")
        for suffix, content in files.items():
            path = script.with_suffix(suffix)
            current = path.read_bytes() if path.exists() else None
            if current == content:
                continue
            if opts.check:
                stale += 1
                print(f"STALE {key}{suffix}")
            elif content is None:
                path.unlink()
            else:
                path.write_bytes(content)
                written += 1
    # Expected files whose script is gone.
    orphans = []
    if not opts.filters:
        for suffix in (".out", ".exit", ".err", ".argv", ".stdin"):
            for path in SUITE.glob(f"*/*{suffix}"):
                if not path.with_suffix(".py").exists():
                    orphans.append(str(path.relative_to(SUITE)))
    leftovers = sorted(str(p.relative_to(SUITE)) for p in SUITE.rglob("_tmp*"))
    for path in leftovers:
        print(f"LEFTOVER {path} (a script did not remove its scratch file)")
    for orphan in sorted(orphans):
        print(f"ORPHAN {orphan} (no script)")
    verb = "stale" if opts.check else "written"
    print(f"{len(todo)} scripts, {refused} refused, {stale if opts.check else written} files {verb}")
    return 1 if refused or (opts.check and stale) or orphans or leftovers else 0


if __name__ == "__main__":
    sys.exit(main())
