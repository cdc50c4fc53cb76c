#!/usr/bin/env python3.14
"""Generate vm/src/parse/tokenizer/testdata/errors{,_eval}.txt: tokenizer errors as CPython
reports them for `exec` input, for `eval` input (which gets no implicit final newline), and
for tokenizer warnings turned into errors (`-W error`, errors_werror.txt).

Each case is a source whose tokens parse fine up to a tokenizer error (or which is valid and
only warns), so what `compile(src, "<s>", "exec")` raises under CPython 3.14 is exactly the
error the tokenizer must store. The file holds two lines per case: the source quoted as in
the token dump (`\\n`, `\\t`, `\\\\`, `\\"`, `\\u{..}` escapes), then
`Type: message|lineno|offset|end_lineno|end_offset` (or `OK`), followed by
` | W message lineno` when the first SyntaxWarning is a tokenizer warning.

Usage: python3.14 tools/tokenizer_error_cases.py [--check]
"""

import sys
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tokdump_format import generate_table, quote  # noqa: E402

TESTDATA = Path(__file__).resolve().parent.parent / "vm/src/parse/tokenizer/testdata"

CASES = [
    # Numbers.
    "1_a", "1__0", "1_", "0777", "0_7", "00_", "0x", "0x_", "0xg", "0x1_", "0o8", "0o", "0o1_8",
    "0o19", "0b12", "0b", "0b2", "0b1_", "1e", "1E", "1e+", "1.e+", "1.5e-x", "1_000_", "1.5_",
    "1.5j_", "1jx", "1__", "0b1a", "0o7a", "0xfg", "1.e", "5.x", "00j", "1abc", "0_x",
    "x = 1if y else 2", "x = [0x1for x in y]", "x = 1or 2", "x = 0o7and 1",
    "x = 1in y", "x = 1is y", "x = 1not in y", "x = 1.5jif y else 2", "x = 1e5or 2", "x = 1_0if y else 2",
    "x = 0b1if y else 2", "x = 1andx", "x = 1 if 1else 2",
    # Identifiers.
    "a€b", "€", "x = \u00a0", "x\u00a0= 1", "x = a\u200bb", "x = 1 + \u2028", "\u0660 = 1",
    "_\u0660 = 1", "x = ☃", "x = 🐍", "\u1885 = 1", "x = \u00b7a", "a\u00b7 = 1",
    "x = \u0378", "ab\u200d = 1",
    # Strings.
    "x = 'abc", "x = \"abc", "x = '''abc", "x = '''abc\ndef", "x = \"\"\"a\n\nb\n",
    "x = 'abc\\'", "x = 'abc\\\\'", "x = 'a\\\nb", "x = rb'abc", "x = u'''", "x = b'\\'",
    "x = (\n'abc\n)", "x = 1\ny = 'oops\nz = 2\n", "s = '''\n\n\n", "'é'  'abc",
    # Prefixes.
    "ub'x'", "ur'x'", "uf'x'", "ut'x'", "bf'x'", "bt'x'", "ft'x'", "Bf'x'", "x = Ut'x'", "é = bF''",
    "fb''", "rft'x'",
    # f-strings.
    "f'{x'", "f\"{x\"", "f'{x!r'", "f'abc", "f'''abc", "f'''abc\n\n", "f'{'", "f'}'",
    "f'a}b'", "f'{x}}'", "f'{{}'", "f'{)}'", "f'{x)}'", "f'{x]}'", "f'{(x}'", "f'{[x}'",
    "f'{x!r:{y:{z:{w}}}}'", "f'{a:{b:{c}}}'", "f'{x:\n}'", "f'''{x:\n}'''", "f'{x:{y\n}}'",
    "t'{x'", "t'}'", "t'abc", "t'''abc", "f'{x:{y:{z:{w}}}}'", "f'{x!'", 
    "f'\\{x}'", "f'\\}'", "rf'\\{x}'", "t'\\{x}'", "f'{\"a'", "f'''{x'''", "f'''{\n'''",
    "f'{x:a{{b}}}'", "x = f'{1:\\\n}'", "f'{x!r}}'", "f'{ {1:2}[1] }}'",
    "f'{x:{{y}}}'", "f'{x:}}'", "f'{x::}'",
    # Brackets.
    ")", "]", "}", "x = (]", "x = (\n]", "x = [1, 2)", "x = {1: 2]", "x = (1,\n 2,\n 3]",
    "(", "x = (1,\n", "x = [\n\n", "foo(\n  1,\n", "x = {", "(((\n", "x = (1 +\n2",
    "(" * 200, "(" * 199 + ")" * 199, "[" * 201, "x = 1\n" + "(" * 100 + "\n",
    "x = (1, ]", "f(a, b]",
    # Indentation.
    "if x:\n    y\n  z\n", "if x:\n  y\n z", "if x:\n\ty\n        z\n", "if x:\n        y\n\tz\n",
    "if x:\n  y\n\tz\n", "if x:\n\ty\n\tz\n  w\n", "if x:\n \ty\n", "if x:\n\t y\n  \tz\n",
    "if x:\n    y\n      # c\n  z\n", "if 1:\n" + "".join(" " * i + "if 1:\n" for i in range(1, 101)),
    "if 1:\n" + "".join(" " * i + "if 1:\n" for i in range(1, 99)) + " " * 99 + "pass\n",
    "if x:\n  \\\n  y\n", "if x:\n\x0c    y\n  z\n", "if x:\n  y\n\x0c z\n",
    "class A:\n    def f(self):\n        pass\n   def g(self): pass\n",
    # Line continuation.
    "x = 1 + \\ y", "x = 1 + \\\\", "x = 1 + \\", "x = 1 + \\\n", "x = (1 + \\ 2)", "\\ x",
    "x = 1 \\\n  + \\ 2", "x = '''a\nb''' + \\ y", "x = 1 \\\n\\\n\\", "  \\\n  \\ x",
    "x = 1 + \\é", "if x:\n    \\\n", "x = (1 +\n  \\ 2)",
    # Non-printable and stray characters.
    "x = 1\x01", "x = \x7f", "x = \x0b1", 
    # Non-ASCII before the error: offsets count characters.
    "é = 0777", "é = 0_7", "ééé; ub'x'", "x = \'\'\'é\n\néé", "é; f'{x", "é = 1_é",
    # Valid sources (no error), to pin warnings and edge cases.
    "x = 1", "if x:\n  y", "x = (1,\n 2)\n", "f'{x=}'", "f'{x!r:>{w}}'", "x = 1e5j", "x = 0_0",
    "x = 1.__class__", "x = 1_0j", "t'{x}'", "f'{x:{y}}'",
    "def f():\n\tif x:\n\t\treturn 1\n\treturn 2\n",
]


# Expressions compiled in `eval` mode.
EVAL_CASES = [
    "1 + \\", "x\\", "\\", "1 +\\\n", "(1,", "'abc", "f'{x", "1 # c", "1", "x\n", "'" * 3 + "a\n",
    "f" + "'" * 3 + "{x\n", "1 + \\ 2", "0x", "1_", "(1 +\n\\", "[1,\n 2", "x if y else\\", "'a' \\",
    "1if x else 2", "f'{x}' \\",
]


# Sources whose tokenizer warning becomes an error under `-W error`.
WERROR_CASES = [
    "x = 1if y else 2", "x = [0x1for x in y]", "é = 1if y else 2", "f'\\{x}'",
    "x = 1\nf" + "'" * 3 + "a\n\\}{x}" + "'" * 3, "x = 1else 2", "y = 1.5jif x else 2",
    "x = 0o7or 1", "x = 0b1and 1", "t'\\{x}'", "x = 1_0is y",
]


def describe_werror(src: str) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            compile(src, "<s>", "exec")
        except SyntaxError as e:
            return f"{type(e).__name__}: {e.msg}|{e.lineno}|{e.offset}|{e.end_lineno}|{e.end_offset}"
    return "OK"


def describe_eval(src: str) -> str:
    return describe(src, "eval")


def describe(src: str, mode: str = "exec") -> str:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            compile(src, "<s>", mode)
            result = "OK"
        except (SyntaxError, ValueError, MemoryError) as e:
            if isinstance(e, SyntaxError):
                result = f"{type(e).__name__}: {e.msg}|{e.lineno}|{e.offset}|{e.end_lineno}|{e.end_offset}"
            else:
                result = f"{type(e).__name__}: {e}"
    syntax_warnings = [w for w in caught if issubclass(w.category, SyntaxWarning)]
    if syntax_warnings:
        w = syntax_warnings[0]
        result += f" | W {w.message} {w.lineno}"
    return result


def main() -> None:
    generate_table(TESTDATA / "errors.txt", Path(__file__).name, CASES, quote, describe)
    generate_table(TESTDATA / "errors_eval.txt", Path(__file__).name, EVAL_CASES, quote, describe_eval)
    generate_table(TESTDATA / "errors_werror.txt", Path(__file__).name, WERROR_CASES, quote, describe_werror)


if __name__ == "__main__":
    main()
