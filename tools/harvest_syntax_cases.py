#!/opt/cpython314/bin/python3.14
"""Harvests front-end test cases from CPython 3.14's own test suite and records what
CPython 3.14 does with each of them.

Writes three files under vm/tests/data/ (relative to the repository root):

  syntax_errors.json   sources that ast.parse() rejects: exception type, message, location
  compile_errors.json  sources that ast.parse() accepts but compile() rejects
  snippets.json        sources that ast.parse() accepts: ast.dump() text, plain and with
                       include_attributes=True

Every source is fed to CPython as *bytes*, exactly as rpy's `parse_bytes` receives it, so the
expected values include CPython's decoding (BOM, PEP 263 cookies, invalid UTF-8). A case is
stored as "src" (text) when its bytes are valid UTF-8, else as "src_b64".

Candidates are the str/bytes constants of selected Lib/test files (minus regular expressions,
expected messages and docstrings), the examples of their doctests, `textwrap.dedent()` of
constant arguments, plus hand-written tokenizer and decoder cases (hand_cases.py beside this
script). CPython's result is the expected value; the test's own expectation is ignored.

Usage:
  harvest_syntax_cases.py            regenerate the data files
  harvest_syntax_cases.py --check    re-run CPython on the committed cases and fail on any
                                     difference (also fails if harvesting would add or drop
                                     cases)

Output is deterministic: same interpreter, same test files, same bytes.
"""

import argparse
import ast
import base64
import collections
import doctest
import hashlib
import json
import keyword
import os
import re
import sys
import textwrap
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hand_cases  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA_DIR = os.path.join(ROOT, "vm", "tests", "data")
LIB_TEST = os.path.join(os.path.dirname(os.__file__), "test")

# Test files harvested, in this order (the first occurrence of a source gives its origin).
SOURCE_FILES = [
    "test_syntax.py",
    "test_exceptions.py",
    "test_fstring.py",
    "test_tstring.py",
    "test_grammar.py",
    "test_patma.py",
    "test_positional_only_arg.py",
    "test_string_literals.py",
    "test_unicode_identifiers.py",
    "test_eof.py",
    "test_type_params.py",
    "test_type_aliases.py",
    "test_named_expressions.py",
    "test_genexps.py",
    "test_compile.py",
    "test_ast/snippets.py",
    "test_ast/test_ast.py",
    "test_unparse.py",
    "test_tokenize.py",
    "test_source_encoding.py",
    "test_utf8source.py",
    "test_int_literal.py",
    "test_keywordonlyarg.py",
    "test_print.py",
    "test_unpack.py",
    "test_unpack_ex.py",
    "test_generators.py",
    "test_coroutines.py",
    "test_asyncgen.py",
    "test_listcomps.py",
    "test_setcomps.py",
    "test_dictcomps.py",
    "test_except_star.py",
    "test_with.py",
    "test_decorators.py",
    "test_global.py",
    "test_scope.py",
    "test_super.py",
    "test_type_annotations.py",
    "test_future_stmt/test_future.py",
    "test_pep646_syntax.py",
    "test_extcall.py",
    "test_metaclass.py",
    "test_codeop.py",
    "test_symtable.py",
    "test_traceback.py",
    "test_peepholer.py",
    "test_compiler_codegen.py",
    "test_class.py",
    "test_raise.py",
    "test_yield_from.py",
    "test_opcodes.py",
    "test_builtin.py",
    "test_keyword.py",
    "test_baseexception.py",
    "test_exception_group.py",
    "test_annotationlib.py",
    "test_funcattrs.py",
    "test_repl.py",
    "test_string/test_templatelib.py",
    "test_future_stmt/test_future_multiple_features.py",
    "test_pyrepl/test_pyrepl.py",
]

# Harvested literals larger than this are dropped (hand-written cases may be larger).
MAX_SOURCE_BYTES = 4096
# Snippets whose include_attributes dump is larger than this are dropped (keeps files small).
MAX_DUMP_CHARS = 40000
# The same for hand-written cases, a few of which are large on purpose (limits, long lists).
MAX_HAND_DUMP_CHARS = 300000

# Calls whose arguments are not source code: positional indexes and keyword names whose
# constants are regular expressions or expected messages.
NON_SOURCE_ARGS = {
    "assertRaisesRegex": {1},
    "assertWarnsRegex": {1},
    "assertRegex": {1},
    "assertNotRegex": {1},
    "assertAllRaise": {1},
    "_check_error": {1},
    "check_syntax_error": {2},
    "assertRaisesSyntaxError": {1},
    "check_tokenize": {1},
    "check_warning": {1},
    "check_error": {1},
    "compile": {1, 2},
    "exec": set(),
}
# Calls all of whose arguments are messages: failures, skips, exceptions being raised.
MESSAGE_CALLS = {"fail", "skipTest", "skip", "skipIf", "skipUnless", "expectedFailure", "print"}
MESSAGE_CALL_SUFFIXES = ("Error", "Exception", "Warning", "Exit")
NON_SOURCE_KEYWORDS = {"msg", "errtext", "regex", "expected_regex", "message", "filename", "mode"}
REGEX_MODULE_FUNCS = {"compile", "match", "search", "fullmatch", "sub", "findall", "escape", "split"}

# Whole-line plain identifiers, numbers and <filename> markers: thousands of them in the tests
# (names, modes, filenames) and none says more than the few hand-written ones do.
TRIVIAL_RE = re.compile(r"\s*(?:[A-Za-z_][A-Za-z_0-9]*|[0-9]+|<[\w .\-]*>)\s*")

# Strings that reach the candidates although they are not sources (messages kept in
# variables, regular expressions, reprs, % and str.format templates), recognised by shape
# *and* by CPython rejecting them; `noise_reason` applies these to harvested errors only.
PROSE_RE = re.compile(r"[A-Za-z][\w,.'’;:!?()%-]*(?: [\w,.'’;:!?()%-]+)+")
TEMPLATE_RE = re.compile(r"%[srd]|\{\d?\}|\{[a-z_]+\}")
ESCAPE_FRAGMENT_RE = re.compile(r"\\[^\s]")

# Results that depend on the C stack size of the CPython build, not on the language.
STACK_DEPENDENT_RE = re.compile(r"Stack overflow|maximum recursion depth")


# --------------------------------------------------------------------------- harvesting


def _call_name(func):
    if isinstance(func, ast.Name):
        return func.id, None
    if isinstance(func, ast.Attribute):
        owner = func.value.id if isinstance(func.value, ast.Name) else None
        return func.attr, owner
    return None, None


def _const_value(node):
    """Value of a str/bytes constant, or of a `+` chain of them; None otherwise."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes)):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _const_value(node.left), _const_value(node.right)
        if left is not None and right is not None and type(left) is type(right):
            return left + right
    return None


class LiteralCollector(ast.NodeVisitor):
    """Collects (lineno, value) for every source-like str/bytes constant of a module."""

    def __init__(self):
        self.found = []
        self.skip = set()  # id() of constant nodes that are known not to be source

    def _mark_skipped(self, node):
        for sub in ast.walk(node):
            self.skip.add(id(sub))

    def visit_Call(self, node):
        name, owner = _call_name(node.func)
        if (
            (owner == "re" and name in REGEX_MODULE_FUNCS)
            or name in MESSAGE_CALLS
            or (name or "").startswith("requires")
            or (name or "").endswith(MESSAGE_CALL_SUFFIXES)
        ):
            for arg in node.args:
                self._mark_skipped(arg)
        elif name in NON_SOURCE_ARGS:
            for i, arg in enumerate(node.args):
                if i in NON_SOURCE_ARGS[name]:
                    self._mark_skipped(arg)
        for kw in node.keywords:
            if kw.arg in NON_SOURCE_KEYWORDS:
                self._mark_skipped(kw.value)
        if name == "dedent" and node.args:
            value = _const_value(node.args[0])
            if isinstance(value, str):
                self.found.append((node.lineno, textwrap.dedent(value)))
        self.generic_visit(node)

    def _skip_docstring(self, node):
        body = getattr(node, "body", None)
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            value = body[0].value.value
            if isinstance(value, str) and ">>>" not in value:
                self.skip.add(id(body[0].value))

    def visit_Module(self, node):
        self._skip_docstring(node)
        self.generic_visit(node)

    def visit_FunctionDef(self, node):
        self._skip_docstring(node)
        self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef
    visit_ClassDef = visit_FunctionDef

    def visit_BinOp(self, node):
        value = _const_value(node)
        if value is not None and id(node) not in self.skip:
            self.found.append((node.lineno, value))
            self._mark_skipped(node)
        self.generic_visit(node)

    def visit_JoinedStr(self, node):
        # Pieces of f-strings are fragments, not sources.
        self._mark_skipped(node)

    visit_TemplateStr = visit_JoinedStr

    def visit_Constant(self, node):
        if id(node) in self.skip or not isinstance(node.value, (str, bytes)):
            return
        self.found.append((node.lineno, node.value))


def doctest_examples(text, first_line):
    """(lineno, source) of each doctest example in `text`, which starts at `first_line`."""
    try:
        examples = doctest.DocTestParser().get_examples(text)
    except ValueError:
        return []
    return [(first_line + ex.lineno, ex.source) for ex in examples]


def harvest_file(rel):
    """Yields (origin, bytes) candidates from one Lib/test file, in source order."""
    path = os.path.join(LIB_TEST, rel)
    with open(path, "rb") as f:
        tree = ast.parse(f.read(), path)
    collector = LiteralCollector()
    collector.visit(tree)
    found = sorted(collector.found, key=lambda item: item[0])
    for lineno, value in found:
        if isinstance(value, str):
            if ">>>" in value:
                for ex_line, ex_src in doctest_examples(value, lineno):
                    yield f"{rel}:{ex_line}", ex_src.encode("utf-8")
                continue
            if "\n" in value.strip("\n"):
                # Multi-line literals are indented with the test's code and dedented before
                # use; the raw form would only test "unexpected indent" again and again.
                value = textwrap.dedent(value)
            elif value[:1] in (" ", "\t") and value.strip():
                # Single-line ones with leading blanks are mostly eval() arguments (eval strips
                # them); "unexpected indent" has its own hand-written cases.
                value = value.lstrip(" \t")
            try:
                data = value.encode("utf-8")
            except UnicodeEncodeError:
                continue  # lone surrogates: no bytes form means what the str meant
        else:
            data = value
        yield f"{rel}:{lineno}", data


def keep_harvested(data, stats):
    if len(data) > MAX_SOURCE_BYTES:
        stats["dropped: larger than 4 KB"] += 1
        return False
    if b"barry_as_FLUFL" in data:
        stats["dropped: barry_as_FLUFL future"] += 1
        return False
    text = data.decode("latin-1")
    if TRIVIAL_RE.fullmatch(text):
        stats["dropped: bare identifier/number/<name>"] += 1
        return False
    return True


def noise_reason(data, msg):
    """Why a harvested source that CPython rejects with `msg` is noise, or None."""
    text = data.decode("latin-1")
    if "\n" in text.strip():
        return None
    line = text.strip()
    if msg.startswith("invalid syntax") and PROSE_RE.fullmatch(line):
        if not any(keyword.iskeyword(w) or keyword.issoftkeyword(w) for w in line.split()):
            return "prose (words without keywords, invalid syntax)"
    if line.startswith("<") and line.endswith(">"):
        return "repr of an object"
    if TEMPLATE_RE.search(line) and msg.startswith("invalid syntax"):
        return "% or format template"
    if msg == "unexpected character after line continuation character":
        if not re.search(r"\\\s", line):
            return "escape fragment of a string"
    return None


# --------------------------------------------------------------------------- running CPython


def _warnings_of(caught):
    return [[w.category.__name__, str(w.message), w.lineno] for w in caught]


def _error_of(exc):
    if isinstance(exc, SyntaxError):
        return {
            "type": type(exc).__name__,
            "msg": exc.msg,
            "lineno": exc.lineno,
            "offset": exc.offset,
            "end_lineno": exc.end_lineno,
            "end_offset": exc.end_offset,
        }
    return {
        "type": type(exc).__name__,
        "msg": str(exc),
        "lineno": None,
        "offset": None,
        "end_lineno": None,
        "end_offset": None,
    }


def _frame_depth():
    depth, frame = 0, sys._getframe(1)
    while frame is not None:
        depth, frame = depth + 1, frame.f_back
    return depth


def dump_as_from_module_level(tree, **options):
    """ast.dump(tree) with the recursion headroom of `print(ast.dump(tree))` at a script's
    top level: rpy's `ast` command is compared with that, and the depth at which ast.dump
    raises RecursionError depends on how many frames are already on the stack."""
    limit = sys.getrecursionlimit()
    # The frames below this one, minus the script's own `<module>` frame.
    sys.setrecursionlimit(limit + _frame_depth() - 1)
    try:
        return ast.dump(tree, **options)
    finally:
        sys.setrecursionlimit(limit)


def dumps_of(tree):
    """{"dump", "dump_attrs"} texts, or {"dump_error"} when ast.dump raises (RecursionError
    for deep trees, ValueError for ints too long to repr)."""
    try:
        return {
            "dump": dump_as_from_module_level(tree),
            "dump_attrs": dump_as_from_module_level(tree, include_attributes=True),
        }
    except (RecursionError, ValueError) as exc:
        return {"dump_error": {"type": type(exc).__name__, "msg": str(exc)}}


def run_cpython(data):
    """What CPython does with `data`: ('error', err, warnings), ('compile_error',
    (err, dumps), warnings), ('ok', dumps, warnings), or ('skip', reason, None); dumps is
    what dumps_of() returns."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            tree = ast.parse(data)
        except (SyntaxError, MemoryError, RecursionError, ValueError) as exc:
            err = _error_of(exc)
            if STACK_DEPENDENT_RE.search(err["msg"]):
                return "skip", "depends on the C stack size", None
            return "error", err, _warnings_of(caught)
        parse_warnings = _warnings_of(caught)
    dumps = dumps_of(tree)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            compile(data, "<string>", "exec")
        except (SyntaxError, MemoryError, RecursionError, ValueError) as exc:
            err = _error_of(exc)
            if STACK_DEPENDENT_RE.search(err["msg"]):
                return "skip", "depends on the C stack size", None
            return "compile_error", (err, dumps), _warnings_of(caught)
    return "ok", dumps, parse_warnings


# --------------------------------------------------------------------------- output


def case_id(data):
    return hashlib.sha1(data).hexdigest()[:12]


def source_fields(data):
    try:
        return {"src": data.decode("utf-8")}
    except UnicodeDecodeError:
        return {"src_b64": base64.b64encode(data).decode("ascii")}


def case_bytes(case):
    if "src" in case:
        return case["src"].encode("utf-8")
    return base64.b64decode(case["src_b64"])


def build_case(origin, data, outcome, payload, warns, hand):
    case = {"id": case_id(data), "origin": origin}
    case.update(source_fields(data))
    if outcome == "error":
        case["error"] = payload
    else:
        if outcome == "compile_error":
            case["error"], payload = payload
        size = len(payload.get("dump_attrs") or "")
        if size > (MAX_HAND_DUMP_CHARS if hand else MAX_DUMP_CHARS):
            if not hand:
                return None
            # A large hand-written boundary case: only "it parses" is recorded.
            payload = {"dump": None, "dump_attrs": None}
        case.update(payload)
    if warns:
        case["warnings"] = warns
    return case


def collect():
    """Runs every candidate through CPython; returns ({file: [cases]}, stats)."""
    stats = {}
    stats_default = collections.Counter()
    seen = set()
    out = {"syntax_errors": [], "compile_errors": [], "snippets": []}
    per_file = collections.Counter()

    def add(origin, data, hand):
        if data in seen:
            stats_default["dropped: duplicate"] += 1
            return
        seen.add(data)
        outcome, payload, warns = run_cpython(data)
        if outcome == "skip":
            stats_default[f"dropped: {payload}"] += 1
            return
        reason = None if hand or outcome != "error" else noise_reason(data, payload["msg"])
        if reason:
            stats_default[f"dropped: {reason}"] += 1
            return
        case = build_case(origin, data, outcome, payload, warns, hand)
        if case is None:
            stats_default["dropped: dump larger than 40 KB"] += 1
            return
        target = {"error": "syntax_errors", "compile_error": "compile_errors", "ok": "snippets"}
        out[target[outcome]].append(case)
        per_file[(target[outcome], origin.split(":")[0])] += 1

    for name, data in hand_cases.cases():
        add(f"hand:{name}", data, True)
    for rel in SOURCE_FILES:
        for origin, data in harvest_file(rel):
            if keep_harvested(data, stats_default):
                add(origin, data, False)
    stats["dropped"] = dict(sorted(stats_default.items()))
    stats["per_file"] = per_file
    return out, stats


ABOUT = {
    "syntax_errors": "Sources CPython 3.14's ast.parse(bytes) rejects, with its exception.",
    "compile_errors": "Sources ast.parse accepts but compile(bytes, '<string>', 'exec') rejects, "
    "with the compile error and the ast.dump() texts.",
    "snippets": "Sources ast.parse(bytes) accepts, with ast.dump() and include_attributes=True "
    "as printed from a script's top level; dump_error: what ast.dump raises instead; null "
    "dumps without dump_error: too large to record, the case must only parse.",
}


def render(kind, cases):
    """One case per line, so that diffs and greps stay readable."""
    head = {
        "about": ABOUT[kind],
        "python": sys.version.split()[0],
        "generator": "tools/harvest_syntax_cases.py",
        "count": len(cases),
    }
    lines = [json.dumps(head, ensure_ascii=False)[:-1] + ', "cases": [']
    for i, case in enumerate(cases):
        sep = "," if i + 1 < len(cases) else ""
        lines.append(json.dumps(case, ensure_ascii=False) + sep)
    lines.append("]}")
    return "\n".join(lines) + "\n"


def data_path(kind):
    return os.path.join(DATA_DIR, f"{kind}.json")


def check(out):
    """Compares freshly computed results with the committed files; returns a failure count."""
    failures = 0
    for kind, cases in out.items():
        try:
            with open(data_path(kind), encoding="utf-8") as f:
                committed = json.load(f)
        except (OSError, ValueError) as exc:
            print(f"{kind}: cannot read committed data: {exc}")
            failures += 1
            continue
        # Re-verify each committed case directly against CPython...
        target = {"syntax_errors": "error", "compile_errors": "compile_error", "snippets": "ok"}
        for case in committed["cases"]:
            data = case_bytes(case)
            if case_id(data) != case["id"]:
                print(f"{kind} {case['id']}: id does not match its source")
                failures += 1
                continue
            outcome, payload, warns = run_cpython(data)
            fresh = build_case(case["origin"], data, outcome, payload, warns,
                               case["origin"].startswith("hand:"))
            if outcome != target[kind] or fresh != case:
                print(f"{kind} {case['id']} ({case['origin']}): differs from CPython "
                      f"(outcome now: {outcome})")
                print(f"  committed: {json.dumps(case, ensure_ascii=False)[:300]}")
                print(f"  fresh:     {json.dumps(fresh, ensure_ascii=False)[:300]}")
                failures += 1
        # ...and check that harvesting still yields the same set of cases.
        if render(kind, cases) != render(kind, committed["cases"]):
            old = {c["id"] for c in committed["cases"]}
            new = {c["id"] for c in cases}
            print(f"{kind}: harvest differs from committed file "
                  f"({len(new - old)} new, {len(old - new)} gone; the rest: order, origin or values)")
            failures += 1
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="verify the committed data against this CPython")
    args = parser.parse_args()
    if sys.version_info[:2] != (3, 14):
        sys.exit("run this under CPython 3.14 (/opt/cpython314/bin/python3.14)")
    # Settings that change results: the int digit limit (PYTHONINTMAXSTRDIGITS, -X) and the
    # recursion limit that ast.dump runs into.
    if sys.get_int_max_str_digits() != 4300 or sys.getrecursionlimit() != 1000:
        sys.exit("run with CPython's default int_max_str_digits and recursion limit")
    out, stats = collect()
    if args.check:
        failures = check(out)
        print("check:", "OK" if not failures else f"{failures} difference(s)")
        sys.exit(1 if failures else 0)
    os.makedirs(DATA_DIR, exist_ok=True)
    for kind, cases in out.items():
        with open(data_path(kind), "w", encoding="utf-8", newline="\n") as f:
            f.write(render(kind, cases))
    for kind, cases in out.items():
        size = os.path.getsize(data_path(kind))
        print(f"{kind}: {len(cases)} cases, {size} bytes", file=sys.stderr)
    for (kind, origin), n in sorted(stats["per_file"].items()):
        print(f"  {kind:15} {origin:36} {n}", file=sys.stderr)
    for reason, n in stats["dropped"].items():
        print(f"  {reason}: {n}", file=sys.stderr)


if __name__ == "__main__":
    main()
