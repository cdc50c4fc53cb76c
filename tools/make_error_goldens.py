#!/usr/bin/env python3.14
"""Generate vm/tests/golden/errors/: invalid files and what CPython 3.14 reports for them.

For each case NAME this writes NAME.py (the exact bytes) and NAME.json with
  "parse":  the exception `ast.parse(bytes)` raises (type, msg, lineno, offset, end_lineno,
            end_offset, text, stmt_lineno = _metadata[0]); what rpy's front end must produce;
  "run":    the same attributes as `python3.14 NAME.py` raises them (captured with a
            sys.excepthook installed from a sitecustomize module);
  "stderr": what `python3.14 /golden/NAME.py` prints (the temporary directory is replaced by
            /golden, so tests render with filename "/golden/NAME.py");
  "suggests": true when the report carries a 3.14 keyword-typo suggestion, which needs the
            real tokenizer and parser to reproduce.

Usage: python3.14 tools/make_error_goldens.py [--cpython PATH]
"""

import argparse
import ast
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "vm/tests/golden/errors"
STDLIB = Path(ast.__file__).parent

CASES = {
    "generic": b"x = 5 $ 3\n",
    "unexpected_indent": b"x = 1\n  y = 2\n",
    "tab_indent_unexpected": b"\tx = $\n",
    "formfeed_indent": b"\x0c  x = $\n",
    "tab_error": b"if x:\n\tpass\n        pass\n",
    "dedent_mismatch": b"def f():\n    return 1\n  x = 2\n",
    "expected_block_eof": b"if True:\n",
    "expected_block": b"def f():\nreturn 1\n",
    "never_closed": b"x = (1,\n     2\ny = 3\n",
    "unicode_line": "x = \"\u00e9t\u00e9\" +* 2\n".encode(),
    "wide_chars": "s = '\u65e5\u672c' + * 1\n".encode(),
    "invalid_character": "a\u20ac = 1\n".encode(),
    "nbsp": "x =\u00a01\n".encode(),
    "unterminated_string": b'print("hello)\n',
    "unterminated_triple": b'x = """abc\n\n',
    "eof_in_expression": b"x = 1 +\n",
    "def_paren": b"def f(:\n  pass\n",
    "arg_unpacking": b"f(**x, *y)\n",
    "multiline_call": b"x = (\n  1 +\n  2 *)\n",
    "continuation": b"x = 1 \\ 2\n",
    "assign_to_call": b"f() = 1\n",
    "assign_literal": b"1 = x\n",
    "missing_comma": b"x = [1 2]\n",
    "walrus_target": b"(a.b := 1)\n",
    "fstring_empty": b"f'{}'\n",
    "fstring_backslash": b"f'{x!z}'\n",
    "fstring_unclosed": b"f'{x'\n",
    "return_lambda_star": b"lambda *: 0\n",
    "nested_parens": b"(" * 201 + b")" * 201 + b"\n",
    "deep_unary": b"-" * 6000 + b"1\n",
    "crlf": b"x = 1\r\ny = (\r\nz = $\r\n",
    "long_line": b"x = " + b"1 + " * 60 + b"$\n",
    "tabs_inside": b"x = (1,\t2,\t$)\n",
    "blank_text_eof": b"(\n",
    "except_star_plain": b"try:\n    pass\nexcept* :\n    pass\n",
    "import_from_paren": b"from x import (a, b\n",
    "print_stmt": b"print 'hello'\n",
    "null_byte": b"x = 1\x00\n",
    "null_byte_line3": b"a = 1\nb = (2 +\nc\x00d = 3\n",
    "null_byte_only": b"\x00",
    "non_utf8_line1": b"\xff = 1\n",
    "non_utf8_line2_after_code": b"x = 1\ny = \"\xff\"\n",
    "non_utf8_line4_after_comment": b"# c\nb = 2\nc = 3\ny = \"\xff\"\n",
    "non_utf8_line2_after_comment": b"# c\n\xff\n",
    "non_utf8_truncated": b'x = "\xc3',
    "utf8_cookie_bad": b'# coding: utf-8\nx = "\xff"\n',
    "utf8_cookie_truncated": b'# coding: utf-8\nx = "\xc3',
    "bom_bad": b"\xef\xbb\xbf\xff\n",
    "bom_surrogate": b'\xef\xbb\xbfx = 1\ny = "\xed\xa0\x80"\n',
    "bom_latin1_cookie": b"\xef\xbb\xbf# coding: latin-1\nx=1\n",
    "unknown_encoding": b"# coding: foo\nx=1\n",
    "ascii_cookie_bad": b'# -*- coding: ascii -*-\nx = "\xc3\xa9"\n',
    "ascii_cookie_bad_line5": b"# coding: ascii\n\n\n\n     \xc3\n",
    "ascii_cookie_line_itself": b"# coding: ascii \xc3\n",
    "utf8_nodash_cookie_bad": b"# coding: utf8\nabc\xff\n",
    "latin1_ok_then_error": b'# coding: latin-1\nx = "\xe9"\ny = $\n',
    "future_braces": b"\nfrom __future__ import braces\n",
    "future_unknown": b"from __future__ import nested_scopes, rested_snopes\n",
    "backslash_eof": b"\\\n\\\n",
    "backslash_after_code_eof": b"x = 1 \\\n",
    "long_line_parser_error": b"x = " + b"9" * 5000 + b"\n",
    "long_line_tokenizer_error": b"x = '" + b"a" * 1200 + b"\n",
    "long_line_invalid_syntax": b"x = [" + b"1, " * 400 + b"2 3]\n",
    "ascii_cookie_line2_bad_line1": b"#!/home/\xc3\xa4/bin/python\n#coding:ascii\nraise RuntimeError\n",
    "ascii_cookie_line2_bad_line2": b"#!/usr/bin/python\n#coding:ascii \xc3\xa4\nx = 1\n",
    "bad_byte_before_null": b"\xff\xfex\x00=\x001\x00\n",
    "null_before_bad_byte": b"x\x00\xff\n",
    "non_utf8_line2_in_string": b'print("""\n\xb1""")\n',
    "non_utf8_line2_in_fstring": b'F"""\n\xe5"""',
    "non_utf8_line2_after_backslash": b"x = 1 + \\\n\xff\n",
    "non_utf8_line2_in_brackets": b"x = (\n\xff)\n",
    "hex_codec_cookie": b"#coding:hex_codec\nprint('eggs')\n",
    "bom_null": b"\xef\xbb\xbf\x00",
    "typo_while": b"x = 1\nwhille x:\n    pass\n",
    "typo_in_function": b"def f():\n    x = 1\n    fro i in range(3):\n        pass\n",
    "typo_import": b"imprt os\n",
    "typo_none_found": b"x = 1\nfoo bar baz\n",
    "typo_comma": b"x = [1, 2 3]\n",
    "typo_retrun_module": b"retrun 1\n",
    "typo_await_outside": b"assertion is always true\n",
    "typo_nonlocal_module": b"nonlocall x\n",
    "typo_yield_module": b"yeild x\n",
    "typo_else": b"if x:\n    pass\nesle:\n    pass\n",
    "typo_deep_statement": b"def f():\n    x = 1\n    y = 2\n    whil x:\n        pass\n",
}


def attrs(e):
    d = {"type": type(e).__name__, "msg": getattr(e, "msg", str(e))}
    if isinstance(e, SyntaxError):
        md = getattr(e, "_metadata", None)
        d.update(lineno=e.lineno, offset=e.offset, end_lineno=e.end_lineno,
                 end_offset=e.end_offset, text=e.text,
                 stmt_lineno=md[0] if md else None)
    return d


HOOK = """
import json, sys
def _hook(t, e, tb):
    md = getattr(e, '_metadata', None)
    d = {'type': t.__name__, 'msg': getattr(e, 'msg', str(e))}
    if isinstance(e, SyntaxError):
        d.update(lineno=e.lineno, offset=e.offset, end_lineno=e.end_lineno,
                 end_offset=e.end_offset, text=e.text, stmt_lineno=md[0] if md else None)
    sys.stderr.write('@@HOOK@@' + json.dumps(d) + '\\n')
    sys.__excepthook__(t, e, tb)
sys.excepthook = _hook
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cpython", default="python3.14")
    args = ap.parse_args()
    if sys.version_info[:2] != (3, 14):
        sys.exit("run this with CPython 3.14")
    cases = dict(CASES)
    for rel in ["test/tokenizedata/bad_coding.py", "test/tokenizedata/bad_coding2.py",
                "test/tokenizedata/badsyntax_3131.py", "test/tokenizedata/badsyntax_pep3120.py"]:
        cases["stdlib_" + Path(rel).stem] = (STDLIB / rel).read_bytes()
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.iterdir():
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        hookdir = Path(tmp) / "hook"
        hookdir.mkdir()
        (hookdir / "sitecustomize.py").write_text(HOOK)
        work = Path(tmp) / "w"
        work.mkdir()
        for name, src in sorted(cases.items()):
            path = work / f"{name}.py"
            path.write_bytes(src)
            try:
                ast.parse(src)
                sys.exit(f"{name}: ast.parse accepted it")
            except (SyntaxError, ValueError, MemoryError, RecursionError) as e:
                parse = attrs(e)
            env = dict(os.environ, PYTHONPATH=str(hookdir))
            run = subprocess.run([args.cpython, str(path)], capture_output=True, env=env)
            hooked = [l for l in run.stderr.decode().splitlines(True) if l.startswith("@@HOOK@@")]
            plain = subprocess.run([args.cpython, str(path)], capture_output=True,
                                   env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"})
            stderr = plain.stderr.decode("utf-8", "surrogateescape").replace(str(work), "/golden")
            run_attrs = json.loads(hooked[0][len("@@HOOK@@"):]) if hooked else None
            if run_attrs and isinstance(run_attrs.get("msg"), str):
                run_attrs["msg"] = run_attrs["msg"].replace(str(work), "/golden")
            case = {
                "parse": parse,
                "run": run_attrs,
                "stderr": stderr,
                "suggests": "Did you mean '" in stderr,
            }
            (OUT / f"{name}.py").write_bytes(src)
            (OUT / f"{name}.json").write_text(json.dumps(case, indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {len(cases)} cases to {OUT}")


if __name__ == "__main__":
    main()
