#!/usr/bin/env python3.14
"""Differential check of tokenizer errors against CPython 3.14's compile() on many snippets.

Harvests every string constant of CPython's test suite (the sources its tests compile),
compiles each with CPython, tokenizes each with rpy (`tokenize_dump --errors`), and checks
what must hold given how CPython's parser consumes tokenizer errors:

- CPython compiles it: rpy's tokenizer reports no error;
- rpy's tokenizer *raised* an error outside f-strings: CPython reports exactly that error
  (the parser's full-source check lets it replace any parser error), except when the parser
  fails on an INDENT/DEDENT token ("unexpected indent"), where no such check runs;
- rpy's error is deferred or inside an f-string: CPython reports it, or a parser error;
- rpy reports nothing: CPython's error is not one only the tokenizer produces.

With `--random N`, the snippets are instead N random sequences of tricky fragments (quotes,
f-string prefixes, braces, brackets, backslashes, newlines, indentation, numbers...).

Usage: python3.14 tools/tokenizer_error_survey.py [--rpy BINARY] [--show N] [--random N] [DIR...]
"""

import argparse
import ast
import random
import re
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tokdump_format import quote  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TESTS = Path("/opt/cpython314/root/usr/lib/python3.14/test")

# Messages only the tokenizer produces.
TOKENIZER_ONLY = re.compile(
    r"unterminated (triple-quoted )?(string|[ft]-string) literal|invalid (decimal|hexadecimal|"
    r"octal|binary|imaginary) literal|invalid digit|leading zeros|invalid (non-printable )?"
    r"character|unmatched '|closing parenthesis|was never closed|too many nested|single '}'|"
    r"nested too deeply|newlines are not allowed in format|unindent does not match|"
    r"inconsistent use of tabs|too many levels of indentation|after line continuation|"
    r"unexpected EOF while parsing|prefixes are incompatible|cannot contain null bytes|"
    r"string: unmatched"
)


def harvest(dirs: list[Path]) -> list[str]:
    seen: dict[str, None] = {}
    for d in dirs:
        for path in sorted(d.rglob("*.py")):
            try:
                tree = ast.parse(path.read_bytes())
            except (SyntaxError, ValueError):
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    s = node.value
                    if 0 < len(s) <= 4000 and "\0" not in s and "\r" not in s and encodable(s):
                        seen.setdefault(s, None)
    return list(seen)


FRAGMENTS = [
    "f'", 'f"', "t'", "rb'", "'" * 3, '"' * 3, "'", '"', "{", "}", "{{", "}}", "(", ")", "[", "]",
    "\\", "\n", "\n  ", "\n\t", " ", "\t", "\x0c", "#", "x", "if", "1", "0x", "0o", "1e", ".",
    "...", ":", "=", "!", "!=", ":=", "é", "€", "\xa0", "\\N{", "_", "j", "$", "lambda",
    "\\\n", "0_", "x:{y", "!r", "else", "f'{", "}'", "pass",
]


def random_snippets(n: int, seed: int = 1) -> list[str]:
    """`n` random sequences of FRAGMENTS (deterministic for a seed), without duplicates."""
    rng = random.Random(seed)
    soups = ("".join(rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 16))) for _ in range(n))
    return list(dict.fromkeys(soups))


def encodable(s: str) -> bool:
    """Sources with lone surrogates cannot be compiled (nor written as UTF-8)."""
    try:
        s.encode()
    except UnicodeEncodeError:
        return False
    return True


def cpython_error(src: str) -> str | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            compile(src, "<s>", "exec")
        except SyntaxError as e:
            return f"{type(e).__name__}: {e.msg}|{e.lineno}|{e.offset}|{e.end_lineno}|{e.end_offset}"
        except (ValueError, MemoryError, RecursionError, OverflowError) as e:
            return f"{type(e).__name__}: {e}"
    return None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rpy", default=str(ROOT / "target/release/examples/tokenize_dump"))
    ap.add_argument("--show", type=int, default=10)
    ap.add_argument("--random", type=int, default=0)
    ap.add_argument("dirs", nargs="*")
    args = ap.parse_args()
    if args.random:
        snippets = random_snippets(args.random)
    else:
        snippets = harvest([Path(d) for d in args.dirs] or [TESTS])
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write("\n".join(quote(s) for s in snippets) + "\n")
        listing = f.name
    out = subprocess.run([args.rpy, "--errors", listing], capture_output=True, text=True, check=True)
    ours = out.stdout.splitlines()
    assert len(ours) == len(snippets), (len(ours), len(snippets))
    counts: dict[str, int] = {}
    bad: dict[str, list[str]] = {}
    for src, line in zip(snippets, ours):
        theirs = cpython_error(src)
        flags, _, mine = line.partition(" ")
        mine = mine or None
        if flags == "OK":
            ok = theirs is None or not TOKENIZER_ONLY.search(theirs.split("|")[0])
            key = "no error" if ok else "MISSED tokenizer error"
        elif theirs is None:
            ok, key = False, "SPURIOUS error (CPython compiles it)"
        elif flags == "R":
            # "unexpected indent/unindent" is the one parser error CPython reports without
            # looking for tokenizer errors further on.
            indent = re.match(r"IndentationError: unexpected (indent|unindent)\|", theirs)
            ok = mine == theirs or bool(indent)
            key = "raised, same error" if mine == theirs else ("unexpected indent first" if ok else "RAISED, CPython differs")
        else:
            same = mine == theirs
            ok = same or not TOKENIZER_ONLY.search(theirs.split("|")[0]) or "never closed" in theirs
            key = "deferred/f-string, same" if same else ("parser error first" if ok else "DEFERRED, CPython differs")
        counts[key] = counts.get(key, 0) + 1
        if not ok:
            bad.setdefault(key, []).append(f"{quote(src)[:300]}\n    cpython: {theirs}\n    rpy:     {line}")
    for key, n in sorted(counts.items()):
        print(f"{n:7d}  {key}")
    for key, items in bad.items():
        print(f"--- {key} (first {args.show})")
        for item in items[: args.show]:
            print("  " + item)
    total_bad = sum(len(v) for v in bad.values())
    print(f"{len(snippets) - total_bad}/{len(snippets)} snippets consistent")


if __name__ == "__main__":
    main()
