#!/usr/bin/env python3.14
"""Generate vm/tests/data/parser_cases.json: parser test cases with CPython 3.14's answers.

Each case is a source parsed in a mode; CPython's `ast.parse` gives either the dump (with and
without attributes) or the exception (type, msg, lineno, offset, end_lineno, end_offset,
CPython's None as 0). Run with python3.14 from the repository root; the output is
deterministic.
"""
import ast
import base64
import json
import sys
import warnings

FEATURES = {
    # Statements and blocks.
    "decorators": "@a.b(c)\n@d\n@(lambda f: f)\ndef f(): pass\n@e\nclass C: pass\n",
    "async": (
        "async def f():\n"
        "    await x\n"
        "    async for a in b: pass\n"
        "    async with c as d, e: pass\n"
        "    return [i async for i in y if await i]\n"
    ),
    "global_nonlocal": "def f():\n    global a, b\n    def g():\n        nonlocal c\n",
    "del_targets": "del a, b.c, d[1:2], (e, [f]), g[1, 2]\n",
    "try_except": (
        "try:\n    pass\nexcept (A, B) as e:\n    raise X from e\nexcept C:\n    raise\n"
        "else:\n    pass\nfinally:\n    pass\n"
    ),
    "except_star": "try:\n    pass\nexcept* ValueError as eg:\n    pass\nexcept* (A, B):\n    pass\n",
    "except_unparenthesized": "try:\n    pass\nexcept A, B:\n    pass\n",
    "with_forms": (
        "with a: pass\nwith a as b, c as (d, e): pass\nwith (a as b, c): pass\n"
        "with (a, b) as c: pass\nwith (a, b): pass\nwith (yield): pass\n"
    ),
    "if_elif_else": "if a:\n    pass\nelif b:\n    pass\nelif c:\n    pass\nelse:\n    pass\n",
    "loops": "for a, *b in c:\n    break\nelse:\n    continue\nwhile x:\n    pass\nelse:\n    pass\n",
    "imports": (
        "import a, b.c as d\nfrom . import x\nfrom .. a import (b, c as d,)\n"
        "from ...a.b import *\nfrom .... import e\n"
    ),
    "assignments": "a = b = c\na, *b = c\n[a, b] = c\na.b += 1\na[0] **= 2\nx: int\ny: int = 1\n(z): int\na.b: int = 1\n",
    "annotations": "def f(a: int, *b: str, c: 'x' = 1, **d: list[int]) -> None: pass\n",
    "assert_return_yield": "def f():\n    assert x, 'm'\n    return a, b\n    yield\n    yield from y\n    x = yield z\n",
    "type_alias": "type A = int\ntype B[T] = list[T]\ntype C[T: int = str, *Ts = *tuple[int], **P = [int]] = T\n",
    "type_params_defs": "def f[T, *Ts, **P](x: T) -> T: pass\nclass C[T: (int, str)](Base, metaclass=M): pass\n",
    "soft_keywords_as_names": (
        "match = 1\ncase = 2\ntype = 3\n_ = 4\nmatch.foo = type(case)\nprint(match, case, type, _)\n"
        "match(x)\nmatch[1]\nmatch -x:\n    case _:\n        pass\n"
    ),
    "match_patterns": (
        "match p:\n"
        "    case 1 | -2 | 3.5 | -1j | 1+2j | -1-2j | 'a' 'b' | b'x' | None | True | False:\n        pass\n"
        "    case x if x > 0:\n        pass\n"
        "    case a.b.c:\n        pass\n"
        "    case [1, *rest] | (1, *_) | [] | ():\n        pass\n"
        "    case {'k': v, 1: _, a.b: [x], **kw}:\n        pass\n"
        "    case {}:\n        pass\n"
        "    case Point(1, y=2) | Point() | a.B(x, y, z=(1 | 2)):\n        pass\n"
        "    case (1 as one) | [_ as two]:\n        pass\n"
        "    case _:\n        pass\n"
    ),
    "match_subjects": "match a, *b:\n    case [x, *y]:\n        pass\nmatch (x := f()):\n    case _:\n        pass\n",
    # Expressions.
    "precedence": "x = not a and b or c if d else e\ny = -a ** -b * c @ d // e % f + g - h << i >> j & k ^ l | m\n",
    "comparisons": "a < b <= c == d != e > f >= g in h not in i is j is not k\n",
    "lambdas": "lambda: 0\nlambda a, b=1, /, c=2, *d, e, f=3, **g: 0\nlambda *, a: a\nlambda a, /: a\n",
    "calls": "f(a, *b, c=1, **d, e=2)\nf(x for x in y)\nf(a)(b)[c].d\nf(*a, *b, **c, **d)\nf(a=1, *b)\n",
    "walrus": "if (n := len(a)) > 10: pass\n[y for x in z if (y := f(x))]\nf(a := 1)\nx[y := 1]\n",
    "comprehensions": (
        "[x for x in y]\n{x for x in y if x if z}\n{k: v for k, v in d.items()}\n"
        "(x for x in y for z in x)\n[x async for x in y]\n[[y for y in x] for x in z]\n"
    ),
    "star_unpacking": "a, *b = *c, d\n[*a, *b]\n{*a, *b}\n{**a, 'b': 1, **c}\nf(*a)\nx[*a]\nx[1:2, *a]\nprint(*a, sep='')\n",
    "subscripts_slices": "a[1]\na[1:2]\na[::3]\na[1:2, 3]\na[:, ...]\na[()]\na[(1, 2)]\na[b:=1]\n",
    "displays": "()\n(1,)\n(1, 2)\n[]\n[1, 2,]\n{}\n{1: 2, **x}\n{1, 2}\n...\n",
    "await_yield_exprs": "async def f():\n    x = await y\n    return [await z for z in w]\ndef g():\n    x = yield\n    y = (yield from z)\n",
    "conditional_chains": "a if b else c if d else e\n",
    "attribute_chains": "a.b.c.d(e).f[g].h\n",
    "parenthesized_positions": "(a)\n((a + b))\n(yield)\nf((a))\n[(a)]\n",
    # Literals.
    "numbers": (
        "0\n00\n1_000\n0xFF_ff\n0o17\n0b1_0\n9223372036854775807\n9223372036854775808\n"
        "123456789012345678901234567890\n0x1_0000_0000_0000_0000_0000\n1.5\n1.\n.5\n1e10\n1E-5\n"
        "1_0.0_1e1_0\n1e400\n2j\n1.5J\n0j\n"
    ),
    "strings": (
        "'a' \"b\" '''c''' \"\"\"d\"\"\"\nu'u'\nr'\\d' R\"\\n\"\nb'\\x00\\xff' rb'\\d' BR'x'\n"
        "'\\N{DIGIT ONE}\\u00e9\\U0001F600\\x41\\101\\n\\t\\\\\\''\n'\\ud800'\n'a' 'b' u'c'\nb'a' b'b'\n"
        "'line\\\ncont'\n'\\\xe9'\n"
    ),
    "fstrings": (
        "f'a{x}b'\nf'{x!r:>{w}} {y=}'\nf'{x=!s:^10}'\nf'{{}}{x}'\nf'{x:}'\nf'{x:{y}{z}}'\n"
        "f'{\"nested\"} {f\"{y}\"}'\nrf'\\d{x}'\nf'{x}' 'a' f'{y}'\n'a' f'' 'b'\nf'''{\nx\n=}'''\n"
        "f'{x:=10}'\nf'{(x:=10)}'\nf'{x!a}'\nf'{3.14:.2f}'\nf'{a[\"k\"]}'\nf'\\N{DIGIT ONE}{x}'\n"
        "f'{x = !r}'\nf'{x:{y=}}'\n"
    ),
    "tstrings": "t'a{x}b'\nt'{x!r:>{w}} {y = }'\nt'{x}' t'y'\nt'{ x }'\nt'{x:{y}}'\nt''\n",
    # SyntaxWarnings: invalid escapes (an f-string's own parts are dated from its closing
    # quote's line, format specs from their own line) and numbers touching keywords.
    "escape_warnings": (
        'x = "\\d", b"\\q", \'\\777\'\n'
        'y = f"""{x}\n\\d{y:\n\\e}\n\\f"""\n'
        'z = t"""{x}\n{{\\d"""\n'
        'w = [1if x else 2 for x in y]\n'
    ),
    # Debug text and t-string `str` drop comments but keep literals (escaped quotes included).
    "fstring_debug_comments": (
        'f"""{(\n 1, # c\n "\\"#")=}"""\n'
        't"""{(\n 1, # c\n "\\\\" #x\n)}"""\n'
        "f'''{(\n 1, # c\n \"a#b\")=}'''\n"
        "f'''{x # c\n=}'''\n"
    ),
    # Layout.
    "line_continuation": "x = 1 + \\\n    2\nif a and \\\n   b:\n    pass\n",
    "tabs_and_blank_lines": "if x:\n\tpass\n\n\n\t# c\n\tpass\n",
    "semicolons": "a = 1; b = 2;\nif x: a; b\n",
    "docstring_and_unicode_names": "'''doc'''\n\u00e9t\u00e9 = 1\n\uff21 = 2\n\u2167 = 3\n",
    "no_final_newline": "x = (1,\n     2)",
    "crlf_and_cr": "x = 1\r\ny = 2\rz = 3\r\n",
}

ENCODED = {
    "latin1_cookie": b"# -*- coding: latin-1 -*-\nx = '\xe9t\xe9'\n",
    "utf8_bom": b"\xef\xbb\xbfx = '\xc3\xa9'\n",
    "cp1252_cookie": b"# coding: cp1252\nx = '\x80'\n",
}

ERRORS = {
    # Generic errors and their location.
    "generic_at_token": "a b\n",
    "generic_at_eof": "x = (1 +\n",
    "generic_at_newline": "x = 1 +\n",
    "generic_no_final_newline": "x = 1 +",
    "generic_decorator_at_eof": "@tag",
    "missing_comma": "f(a b)\n",
    "missing_comma_nested": "[1, 2 3]\n",
    # Found by the error pass looking into a display after a primary (`primary genexp` falls
    # into invalid_comprehension, which accepts `{` and `[`).
    "missing_comma_in_set_after_name": "return a {None True}\n",
    "missing_comma_in_list_after_name": "x = a [b c] d\n",
    # The memo is shared between expression_without_invalid and the invalid rules (`b` is
    # memoized without them, so the set after it is never examined).
    "memo_shared_without_invalid": "a b{t to}\n",
    # A parser error inside an f-string replacement field beats a bracket never closed there.
    "fstring_error_before_unclosed_brace": "x = f\"{\n  return x\n",
    # dict's `'{' invalid_double_starred_kvpairs '}'` is not guarded by the error pass (only
    # alternatives starting with an invalid rule are), so its errors come from the first pass.
    "dict_missing_colon_first_pass": "d = {\n    'a': 1,\n    'b' 2,\n}\n",
    "dict_key_call_error_first_pass": "{1:2, f(a b): 3}\n",
    "dict_key_group_error_second_pass": "{1:2, -(a b): 3}\n",
    "dict_after_soft_keyword": "case {1:2, b 4}\n",
    "nested_unclosed_braces": "d" + "{" * 25 + "```" + "{" * 7 + "ef f():y\n",
    "expected_colon": "if x\n    pass\n",
    "expected_colon_with_comment": "if x  # c\n    pass\n",
    "unexpected_indent": "x = 1\n    y = 2\n",
    "unexpected_unindent": "if x:\n    pass\n  y\n",
    "expected_indented_block": "def f():\npass\n",
    "expected_indented_block_at_eof": "for x in y:\n",
    "else_elif": "if x:\n    pass\nelse:\n    pass\nelif y:\n    pass\n",
    "forced_colon_else": "if x:\n    pass\nelse\n    pass\n",
    "forced_paren_def": "def f:\n    pass\n",
    # Tokenizer errors against parser errors.
    "later_unterminated_string_wins": "a b\nx = 'unterminated\n",
    "later_unclosed_paren_wins": "a b\nx = (\n",
    "earlier_unclosed_paren_loses": "x = (\n",
    "tokenizer_error_reached": "x = $\n",
    "bad_dedent": "if x:\n        a\n    b\n",
    # Specialized messages.
    "assign_to_call": "f() = 1\n",
    "assign_to_literal_in_tuple": "x, 1 = y\n",
    "augassign_tuple": "a, b += 1\n",
    "annotate_tuple": "a, b: int\n",
    "delete_call": "del f()\n",
    "for_target": "for f() in x: pass\n",
    "walrus_target": "(a.b := 1)\n",
    "keyword_assign": "f(True=1)\n",
    "positional_after_keyword": "f(a=1, b)\n",
    "genexp_unparenthesized": "f(x for x in y, 1)\n",
    "print_statement": "print 'hello'\n",
    "legacy_ne": "1 <> 2\n",
    "not_after_operator": "x = 1 + not 2\n",
    "default_missing": "def f(a=): pass\n",
    "bare_star": "def f(*): pass\n",
    "param_after_kwargs": "def f(**k, a): pass\n",
    "slash_twice": "def f(a, /, b, /): pass\n",
    "import_from_trailing_comma": "from a import b,\n",
    "import_nothing": "import\n",
    "except_both": "try:\n    pass\nexcept A:\n    pass\nexcept* B:\n    pass\n",
    "except_as_unparenthesized": "try:\n    pass\nexcept A, B as e:\n    pass\n",
    "dict_missing_value": "{1:}\n",
    "dict_missing_colon": "{1: 2, 3}\n",
    "comprehension_unpacking": "[*x for x in y]\n",
    "comprehension_tuple_target": "[x, y for x in z]\n",
    "match_as_underscore": "match x:\n    case 1 as _:\n        pass\n",
    "match_keyword_then_positional": "match x:\n    case C(a=1, b):\n        pass\n",
    "complex_literal_real": "match x:\n    case 1j + 2j:\n        pass\n",
    "type_params_empty": "def f[](): pass\n",
    "typevartuple_bound": "class C[*T: int]: pass\n",
    "fstring_empty_field": "f'{}'\n",
    "fstring_bad_conversion": "f'{x!z}'\n",
    "fstring_conversion_space": "f'{x! r}'\n",
    "fstring_missing_brace": "f'{x'\n",
    "fstring_lambda": "f'{lambda x: x}'\n",
    "tstring_mixed": "t'{x}' 'y'\n",
    "bytes_mixed": "b'a' 'b'\n",
    "bytes_non_ascii": "b'\u00e9'\n",
    "bad_escape": "'\\x4'\n",
    "bad_escape_bytes": "b'\\x4'\n",
    "unknown_named_escape": "'\\N{NOT A NAME}'\n",
    "future_unknown": "from __future__ import nope\n",
    "future_braces": "from __future__ import braces\n",
    "huge_decimal": "x = " + "1" * 4301 + "\n",
    "identifier_normalizes_to_none": "\U0001d40d\U0001d428\U0001d427\U0001d41e = 1\n",
    # Nesting limits.
    "deep_unary_fails": "-" * 5969 + "1\n",
    "deep_unary_parses": "-" * 5968 + "1\n",
    "deep_not_fails": "not " * 5970 + "x\n",
    "deep_lambda_fails": "lambda:" * 2985 + "x\n",
    "deep_conditional_fails": "x if y else " * 5970 + "x\n",
    "deep_power_fails": "a**" * 2985 + "a\n",
}

MODES = {
    "eval_expression": ("eval", "x if y else z\n"),
    "eval_tuple": ("eval", "a, b"),
    "eval_statement": ("eval", "x = 1"),
    "eval_empty": ("eval", ""),
    "eval_incomplete": ("eval", "1 +"),
    "single_statement": ("single", "x = 1"),
    "single_compound": ("single", "if x:\n  pass"),
    "single_two_statements": ("single", "x = 1\ny = 2"),
    "single_blank": ("single", "\n"),
    "single_incomplete": ("single", "if x"),
    "eval_trailing_backslash": ("eval", "x \\"),
    "eval_unclosed": ("eval", "(1,\n2"),
    "single_nested_blocks_at_eof": ("single", "if x:\n  if y:\n    pass"),
    "single_trailing_backslash": ("single", "x = 1 \\"),
    "single_dangling_else": ("single", "if x:\n  pass\nelse"),
    "func_type_full": ("func_type", "(int, *str, **bytes) -> bool"),
    "func_type_empty": ("func_type", "() -> None"),
    "func_type_bad": ("func_type", "int -> x"),
}


def outcome(src, mode):
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            tree = ast.parse(src, mode=mode)
    except SyntaxError as e:
        return {"error": {
            "type": type(e).__name__, "msg": e.msg, "lineno": e.lineno or 0, "offset": e.offset or 0,
            "end_lineno": e.end_lineno or 0, "end_offset": e.end_offset or 0,
        }}
    except (MemoryError, ValueError, RecursionError) as e:
        return {"error": {"type": type(e).__name__, "msg": str(e), "lineno": 0, "offset": 0,
                          "end_lineno": 0, "end_offset": 0}}
    found = [[w.lineno, str(w.message)] for w in caught if issubclass(w.category, SyntaxWarning)]
    extra = {"warnings": found} if found else {}
    try:
        return {"dump": ast.dump(tree), "dump_attrs": ast.dump(tree, include_attributes=True),
                **extra}
    except RecursionError:
        # Too deep for ast.dump itself: only record that it parses.
        return {"parses": True}


def main():
    cases = []
    for name, src in FEATURES.items():
        cases.append({"name": f"feature/{name}", "mode": "exec", "src": src, **outcome(src.encode(), "exec")})
    for name, raw in ENCODED.items():
        cases.append({"name": f"encoding/{name}", "mode": "exec", "src_b64": base64.b64encode(raw).decode(),
                      **outcome(raw, "exec")})
    for name, src in ERRORS.items():
        cases.append({"name": f"error/{name}", "mode": "exec", "src": src, **outcome(src.encode(), "exec")})
    for name, (mode, src) in MODES.items():
        cases.append({"name": f"mode/{name}", "mode": mode, "src": src, **outcome(src.encode(), mode)})
    path = "vm/tests/data/parser_cases.json"
    with open(path, "w") as f:
        f.write("[\n")
        f.write(",\n".join(json.dumps(c, ensure_ascii=True) for c in cases))
        f.write("\n]\n")
    print(f"wrote {len(cases)} cases to {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
