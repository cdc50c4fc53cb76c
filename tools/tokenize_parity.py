#!/usr/bin/env python3.14
"""Compare rpy's tokenizer with CPython 3.14's over a corpus of Python files.

CPython's `tokenize` module runs the C tokenizer (in its "extra tokens" mode); this script
turns its output into the dump format of `vm/src/parse/tokenizer/dump.rs` (comments, NL and
ENCODING dropped, hard keywords as NAME) and diffs it with the dump printed by
`cargo run -p vm --example tokenize_dump`. Where rpy stops at an error, CPython's
`compile()` must raise the same message and the tokens before it must agree (`tokenize`
skips some checks, e.g. identifier validation, and decodes sources its own way).

Usage:
  python3.14 tools/tokenize_parity.py [--rpy BINARY] [--show N] [PATH...]
      compare and report agreement (default PATH: the CPython 3.14 standard library)
  python3.14 tools/tokenize_parity.py --golden OUTDIR PATH...
      write CPython's dumps for PATHs as OUTDIR/<name>.tokens next to copies of the sources
"""

import argparse
import io
import os
import shutil
import subprocess
import sys
import tokenize
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tokdump_format import quote  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
STDLIB = Path("/opt/cpython314/root/usr/lib/python3.14")
DROP = {tokenize.COMMENT, tokenize.NL, tokenize.ENCODING}


def cpython_dump(data: bytes) -> str:
    """CPython's tokens for source bytes, in rpy's dump format."""
    out = []
    try:
        for t in tokenize.tokenize(io.BytesIO(data).readline):
            if t.type in DROP:
                continue
            name = tokenize.tok_name[t.type]
            if name == "OP" and t.exact_type == tokenize.ERRORTOKEN:
                name = "ERRORTOKEN"
            text = t.string
            if name == "NEWLINE" and text not in ("\n", ""):
                # "\r\n" in the file; rpy reads normalized newlines.
                text = "\n"
                t = t._replace(end=(t.end[0], t.start[1] + 1))
            text = text.replace("\r\n", "\n")
            (l1, c1), (l2, c2) = t.start, t.end
            out.append(f"{name} {quote(text)} {l1}:{c1}-{l2}:{c2}")
    except (SyntaxError, tokenize.TokenError) as e:
        out.append(f"ERROR {type(e).__name__}: {getattr(e, 'msg', e)}")
    return "\n".join(out) + "\n"


def rpy_dumps(binary: str, files: list[Path]) -> dict[str, str]:
    dumps: dict[str, str] = {}
    for i in range(0, len(files), 200):
        batch = [str(f) for f in files[i : i + 200]]
        res = subprocess.run([binary, *batch], capture_output=True, text=True, check=True)
        current = None
        for line in res.stdout.splitlines(keepends=True):
            if line.startswith("=== "):
                current = line[4:].rstrip("\n")
                dumps[current] = ""
            elif current is not None:
                dumps[current] += line
    return dumps


def split_error(dump: str) -> tuple[list[str], str | None]:
    """Token lines, and the error message (without location) if the dump ends in one."""
    lines, error = [], None
    for line in dump.splitlines():
        if line.startswith(("ERROR ", "DECODE ERROR ")):
            error = line.split(": ", 1)[1].rsplit("|", 4)[0]
            break
        lines.append(line)
    return lines, error


def compile_error(data: bytes, path: Path) -> str | None:
    try:
        compile(data, str(path), "exec")
    except SyntaxError as e:
        return e.msg
    except (ValueError, MemoryError, RecursionError) as e:
        return str(e)
    return None


def agrees(expected_dump: str, actual_dump: str, data: bytes, path: Path) -> bool:
    """rpy agrees with CPython: same tokens, or the same error as `compile()` after a prefix
    of `tokenize`'s tokens (tokenize skips some checks and decodes sources its own way)."""
    expected, expected_error = split_error(expected_dump)
    actual, actual_error = split_error(actual_dump)
    if actual_error is None:
        return expected_error is None and expected == actual
    return compile_error(data, path) == actual_error and expected[: len(actual)] == actual


def collect(paths: list[str]) -> list[Path]:
    files = []
    for p in map(Path, paths):
        files.extend(sorted(p.rglob("*.py")) if p.is_dir() else [p])
    files = [f for f in files if f.is_file()]
    return files


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rpy", default=str(ROOT / "target/release/examples/tokenize_dump"))
    ap.add_argument("--show", type=int, default=5, help="differences to print")
    ap.add_argument("--golden", help="write CPython dumps and sources into this directory")
    ap.add_argument("paths", nargs="*")
    args = ap.parse_args()
    files = collect(args.paths or [str(STDLIB)])
    if args.golden:
        out = Path(args.golden)
        out.mkdir(parents=True, exist_ok=True)
        for f in files:
            shutil.copyfile(f, out / f.name)
            (out / (f.name + ".tokens")).write_text(cpython_dump(f.read_bytes()))
        print(f"wrote {len(files)} goldens to {out}")
        return
    ours = rpy_dumps(args.rpy, files)
    agree, differ, shown = 0, [], 0
    for f in files:
        data = f.read_bytes()
        expected = cpython_dump(data)
        actual = ours.get(str(f), "MISSING\n")
        if agrees(expected, actual, data, f):
            agree += 1
            continue
        differ.append(f)
        if shown < args.show:
            shown += 1
            exp_lines, act_lines = expected.splitlines(), actual.splitlines()
            for i, (a, b) in enumerate(zip(exp_lines, act_lines)):
                if a != b:
                    print(f"{f}: token {i}\n  cpython: {a}\n  rpy:     {b}")
                    break
            else:
                print(f"{f}: lengths {len(exp_lines)} vs {len(act_lines)}; tails {exp_lines[-1:]} {act_lines[-1:]}")
    total = len(files)
    print(f"{agree}/{total} files agree ({100 * agree / max(total, 1):.2f}%)")
    for f in differ[args.show :][:50]:
        print("  differs:", f)


if __name__ == "__main__":
    main()
