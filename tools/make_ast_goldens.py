#!/usr/bin/env python3.14
"""Generate vm/tests/golden/ast/: a committed subset of CPython's stdlib with its ast.dump text.

For each chosen file the directory holds (NAME is the path under the stdlib with '/' -> '__'):
  NAME.py      the source bytes, unchanged;
  NAME.dump    ast.dump(ast.parse(bytes)) plus a newline (what `rpy ast` prints), or
  NAME.attrs   the same with include_attributes=True, or
  NAME.error   for a file ast.parse rejects (or a dump ast.dump fails on): "TYPE\\nLINENO\\n
               OFFSET\\nMSG\\n" (LINENO/OFFSET "None" when CPython has none).
MANIFEST.txt lists the files with their origin and the CPython version.

Selection is deterministic: files are scored by the syntax features they use (node types,
fields, constant kinds, string prefixes, encodings, line endings...), and picked greedily for
new features per byte until every feature seen in files up to --max-file is covered (within
half the budget); the rest goes to files up to --max-spread bytes spread evenly over the
library's directories (chosen by a hash of their path). Files CPython rejects are always included. The whole directory stays under --budget
bytes (default 4 MB).

Usage: python3.14 tools/make_ast_goldens.py [--budget BYTES] [--max-file N] [--max-spread N]
"""

import argparse
import ast
import hashlib
import io
import sys
import tokenize
from collections import defaultdict
from pathlib import Path

STDLIB = Path(ast.__file__).parent
OUT = Path(__file__).resolve().parent.parent / "vm/tests/golden/ast"


def features(src, tree):
    feats = set()
    for node in ast.walk(tree):
        name = type(node).__name__
        feats.add(name)
        for field in node._fields:
            value = getattr(node, field, None)
            if value not in (None, []):
                feats.add(f"{name}.{field}")
        if isinstance(node, ast.Constant):
            feats.add(f"const:{type(node.value).__name__}")
            if node.kind == "u":
                feats.add("const:u-prefix")
            if isinstance(node.value, int) and not isinstance(node.value, bool) and node.value >= 2**63:
                feats.add("const:bigint")
            if isinstance(node.value, str) and not node.value.isascii():
                feats.add("const:non-ascii-str")
            if isinstance(node.value, str) and any(not c.isprintable() for c in node.value):
                feats.add("const:escaped-str")
        if isinstance(node, ast.FormattedValue):
            feats.add(f"conversion:{node.conversion}")
        if isinstance(node, ast.Name) and not node.id.isascii():
            feats.add("non-ascii-identifier")
    if src.startswith(b"\xef\xbb\xbf"):
        feats.add("bytes:bom")
    if b"\r\n" in src:
        feats.add("bytes:crlf")
    if b"\t" in src:
        feats.add("bytes:tab")
    if b"\x0c" in src:
        feats.add("bytes:formfeed")
    if b"\\\n" in src:
        feats.add("bytes:continuation")
    if not src.isascii():
        feats.add("bytes:non-ascii")
    if b"coding" in src[:200]:
        feats.add("bytes:coding-cookie")
    try:
        for tok in tokenize.tokenize(io.BytesIO(src).readline):
            if tok.type in (tokenize.STRING, tokenize.FSTRING_START, tokenize.TSTRING_START):
                prefix = tok.string[:len(tok.string) - len(tok.string.lstrip("rRbBuUfFtT"))]
                feats.add(f"prefix:{prefix.lower()}")
                quote = tok.string[len(prefix):len(prefix) + 3]
                if quote in ('"""', "'''"):
                    feats.add("string:triple")
    except (SyntaxError, tokenize.TokenError):
        pass
    return feats


def dump_or_error(tree, **kw):
    try:
        return ast.dump(tree, **kw) + "\n", None
    except (RecursionError, ValueError) as e:
        return None, f"{type(e).__name__}\nNone\nNone\n{e}\n"


def error_text(e):
    return f"{type(e).__name__}\n{getattr(e, 'lineno', None)}\n{getattr(e, 'offset', None)}\n" \
           f"{getattr(e, 'msg', str(e))}\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--budget", type=int, default=4_000_000)
    ap.add_argument("--max-file", type=int, default=12_000,
                    help="largest source considered for feature coverage (bytes)")
    ap.add_argument("--max-spread", type=int, default=4_000,
                    help="largest source used to fill the rest of the budget (bytes)")
    args = ap.parse_args()
    if sys.version_info[:2] != (3, 14):
        sys.exit("run this with CPython 3.14")
    sys.setrecursionlimit(1000)
    candidates = {}
    rejected = {}
    for path in sorted(p for p in STDLIB.rglob("*.py") if p.is_file()):
        rel = path.relative_to(STDLIB).as_posix()
        if "site-packages" in rel:
            continue
        src = path.read_bytes()
        try:
            tree = ast.parse(src)
        except (SyntaxError, ValueError, MemoryError, RecursionError) as e:
            rejected[rel] = (src, error_text(e))
            continue
        if len(src) > args.max_file:
            continue
        default, derr = dump_or_error(tree)
        attrs, aerr = dump_or_error(tree, include_attributes=True)
        cost = len(src) + len(default or derr) + len(attrs or aerr)
        candidates[rel] = (src, default, attrs, derr or aerr, features(src, tree), cost)

    chosen = {}
    used = sum(len(src) + len(err) for src, err in rejected.values())
    covered = set()
    # Greedy: most new features per byte first.
    while True:
        best, best_score = None, 0.0
        for rel, (src, d, a, e, feats, cost) in candidates.items():
            if rel in chosen or used + cost > args.budget * 0.5:
                continue
            new = len(feats - covered)
            if new and new / cost > best_score:
                best, best_score = rel, new / cost
        if best is None:
            break
        chosen[best] = candidates[best]
        covered |= candidates[best][4]
        used += candidates[best][5]
    # Spread: round-robin over directories, each in hash order, while the budget allows.
    by_dir = defaultdict(list)
    for rel, c in candidates.items():
        if rel not in chosen and len(c[0]) <= args.max_spread:
            by_dir[rel.rsplit("/", 1)[0] if "/" in rel else "."].append(rel)
    for files in by_dir.values():
        files.sort(key=lambda r: hashlib.sha256(r.encode()).hexdigest())
    progress = True
    while progress:
        progress = False
        for d in sorted(by_dir):
            while by_dir[d]:
                rel = by_dir[d].pop(0)
                if used + candidates[rel][5] <= args.budget:
                    chosen[rel] = candidates[rel]
                    used += candidates[rel][5]
                    progress = True
                    break

    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.iterdir():
        if old.name != "known_failures.txt":  # the test's ratchet, kept across regenerations
            old.unlink()
    manifest = [f"# Generated by tools/make_ast_goldens.py with CPython {sys.version.split()[0]}; "
                "do not edit.", "# NAME <- stdlib path"]
    for rel, (src, default, attrs, err, _, _) in sorted(chosen.items()):
        name = rel.replace("/", "__")[:-3]
        (OUT / f"{name}.py").write_bytes(src)
        if default is not None:
            (OUT / f"{name}.dump").write_text(default, encoding="utf-8")
        if attrs is not None:
            (OUT / f"{name}.attrs").write_text(attrs, encoding="utf-8")
        if err is not None:
            (OUT / f"{name}.error").write_text(err, encoding="utf-8")
        manifest.append(f"{name} <- Lib/{rel}")
    for rel, (src, err) in sorted(rejected.items()):
        name = rel.replace("/", "__")[:-3]
        (OUT / f"{name}.py").write_bytes(src)
        (OUT / f"{name}.error").write_text(err, encoding="utf-8", errors="surrogateescape")
        manifest.append(f"{name} <- Lib/{rel} (rejected)")
    (OUT / "MANIFEST.txt").write_text("\n".join(manifest) + "\n")
    all_feats = set().union(*(c[4] for c in candidates.values()))
    print(f"{len(chosen)} files + {len(rejected)} rejected, {used} bytes, "
          f"{len(covered)}/{len(all_feats)} features covered by the greedy pass")


if __name__ == "__main__":
    main()
