"""Hand-written tokenizer and decoder cases for harvest_syntax_cases.py.

Each case is (name, bytes). The expected result is not written here: the harvester runs
CPython 3.14 on the bytes, like every harvested case. The cases aim at what the Lib/test
literals reach poorly: raw bytes (BOMs, PEP 263 cookies, invalid UTF-8, NUL), newline
conventions, indentation, and the nesting limits of the tokenizer and the parser.
"""


def _nest(open_, close, n, inner=b"1"):
    return open_ * n + inner + close * n


def _indented_blocks(levels):
    lines = [b" " * i + b"if 1:\n" for i in range(levels)]
    return b"".join(lines) + b" " * levels + b"pass\n"


def decoding():
    bom = b"\xef\xbb\xbf"
    yield "bom/plain", bom + b"x = 1\n"
    yield "bom/alone", bom
    yield "bom/twice", bom + bom + b"x = 1\n"
    yield "bom/with-utf8-cookie", bom + b"# coding: utf-8\nx = 1\n"
    yield "bom/with-latin1-cookie", bom + b"# coding: latin-1\nx = 1\n"
    yield "bom/midfile", b"x = 1\n" + bom + b"y = 2\n"
    yield "bom/non-ascii-string", bom + "s = 'é€'\n".encode()
    yield "bom/utf16-le", b"\xff\xfex\x00=\x001\x00"
    yield "cookie/latin1-string", b"# -*- coding: latin-1 -*-\ns = '\xe9'\n"
    yield "cookie/latin1-ident", b"# coding: latin-1\n\xe9t\xe9 = 1\n"
    yield "cookie/latin1-comment", b"# coding=latin-1\n# caf\xe9\nx = 1\n"
    yield "cookie/iso-8859-15", b"# coding: iso-8859-15\ns = '\xa4'\n"
    yield "cookie/cp1252", b"# coding: cp1252\ns = '\x80'\n"
    yield "cookie/koi8-r", b"# coding: koi8-r\ns = '\xc1\xc2'\n"
    yield "cookie/shift-jis", b"# coding: shift_jis\ns = '\x82\xa0'\n"
    yield "cookie/euc-jp", b"# coding: euc-jp\ns = '\xa4\xa2'\n"
    yield "cookie/vim-style", b"# vim: set fileencoding=latin-1 :\ns = '\xe9'\n"
    yield "cookie/emacs-utf8", b"# -*- coding: utf-8 -*-\ns = '\xc3\xa9'\n"
    yield "cookie/utf8-dash-case", b"# coding: UTF-8\nx = 1\n"
    yield "cookie/utf8-alias", b"# coding: utf8\nx = 1\n"
    yield "cookie/utf-8-sig", b"# coding: utf-8-sig\nx = 1\n"
    yield "cookie/latin-1-alias", b"# coding: iso-latin-1\ns = '\xe9'\n"
    yield "cookie/second-line", b"#!/usr/bin/env python\n# coding: latin-1\ns = '\xe9'\n"
    yield "cookie/second-line-after-blank", b"\n# coding: latin-1\ns = '\xe9'\n"
    yield "cookie/second-line-after-code", b"x = 1\n# coding: latin-1\ns = '\xe9'\n"
    yield "cookie/third-line", b"#\n#\n# coding: latin-1\ns = '\xe9'\n"
    yield "cookie/after-code-same-line", b"x = 1  # coding: latin-1\ns = '\xe9'\n"
    yield "cookie/unknown", b"# coding: no-such-codec\nx = 1\n"
    yield "cookie/unknown-second-line", b"#!python\n# coding: no-such-codec\nx = 1\n"
    yield "cookie/ascii-with-non-ascii", b"# coding: ascii\ns = '\xe9'\n"
    yield "cookie/ascii-with-non-ascii-line3", b"# coding: ascii\nx = 1\ns = '\xe9'\n"
    yield "cookie/utf8-with-invalid", b"# coding: utf-8\ns = '\xe9'\n"
    yield "cookie/utf-16", b"# coding: utf-16\nx = 1\n"
    yield "cookie/empty-name", b"# coding: \nx = 1\n"
    yield "cookie/crlf", b"# coding: latin-1\r\ns = '\xe9'\r\n"
    yield "cookie/no-newline", b"# coding: latin-1"
    yield "cookie/in-string-not-comment", b"s = '# coding: latin-1'\nt = '\xc3\xa9'\n"
    yield "utf8/invalid-start-byte", b"\xff"
    yield "utf8/invalid-in-string", b"x = '\xff'\n"
    yield "utf8/invalid-in-comment", b"# \xff\nx = 1\n"
    yield "utf8/invalid-line-3", b"x = 1\ny = 2\nz = '\xe9'\n"
    yield "utf8/truncated-at-eof", b"x = '\xc3"
    yield "utf8/truncated-before-newline", b"x = 1 # \xc3\n"
    yield "utf8/overlong-nul", b"x = '\xc0\x80'\n"
    yield "utf8/surrogate", b"x = '\xed\xa0\x80'\n"
    yield "utf8/above-max", b"x = '\xf4\x90\x80\x80'\n"
    yield "utf8/continuation-alone", b"x = '\x80'\n"
    yield "utf8/four-byte-ok", "x = '😀'\n".encode()
    yield "utf8/four-byte-identifier", "😀 = 1\n".encode()
    yield "utf8/invalid-after-long-line", b"x = 1" + b" " * 300 + b"\xff\n"
    yield "nul/alone", b"\x00"
    yield "nul/after-code", b"x = 1\x00\n"
    yield "nul/in-comment", b"# \x00\nx = 1\n"
    yield "nul/in-string", b"x = '\x00'\n"
    yield "nul/line-2", b"x = 1\n\x00\n"
    yield "nul/after-bom", b"\xef\xbb\xbf\x00"
    yield "nul/in-cookie-file", b"# coding: latin-1\nx = '\x00'\n"


def newlines():
    yield "newline/crlf", b"x = 1\r\ny = 2\r\n"
    yield "newline/cr-only", b"x = 1\ry = 2\r"
    yield "newline/mixed", b"x = 1\r\ny = 2\rz = 3\n"
    yield "newline/none-at-eof", b"x = 1"
    yield "newline/crlf-in-triple-string", b"s = '''a\r\nb'''\r\n"
    yield "newline/cr-in-triple-string", b"s = '''a\rb'''\n"
    yield "newline/crlf-continuation", b"x = 1 + \\\r\n    2\r\n"
    yield "newline/continuation-at-eof", b"x = 1 \\"
    yield "newline/continuation-then-eof-newline", b"x = 1 \\\n"
    yield "newline/continuation-blank-next", b"x = 1 + \\\n\ny = 2\n"
    yield "newline/char-after-continuation", b"x = 1 \\ + 2\n"
    yield "newline/continuation-in-comment", b"# a \\\nx = 1\n"
    yield "newline/crlf-in-string-escape", b"s = 'a\\\r\nb'\n"
    yield "newline/cr-alone-in-string", b"s = 'a\rb'\n"
    yield "newline/only-newlines", b"\n\n\n"
    yield "newline/only-crlf", b"\r\n\r\n"
    yield "newline/empty", b""
    yield "newline/only-spaces", b"   "
    yield "newline/only-comment", b"# hello"
    yield "newline/only-tab", b"\t"
    yield "newline/blank-lines-with-spaces", b"x = 1\n   \n\t\ny = 2\n"
    yield "formfeed/line-start", b"\x0cx = 1\n"
    yield "formfeed/in-indent", b"if 1:\n \x0c x = 1\n"
    yield "formfeed/resets-indent", b"if 1:\n    x = 1\n\x0c    y = 2\n"
    yield "formfeed/between-tokens", b"x = \x0c 1\n"
    yield "formfeed/alone", b"\x0c"
    yield "formfeed/blank-line", b"x = 1\n\x0c\ny = 2\n"
    yield "whitespace/vertical-tab", b"x = \x0b1\n"
    yield "whitespace/nbsp", "x = \u00a01\n".encode()
    yield "whitespace/zero-width-space", "x\u200b = 1\n".encode()


def indentation():
    yield "indent/tabs", b"if 1:\n\tx = 1\n\ty = 2\n"
    yield "indent/tab-then-spaces-consistent", b"if 1:\n\tif 1:\n\t    x = 1\n"
    yield "indent/tab-vs-8-spaces", b"if 1:\n        x = 1\n\ty = 2\n"
    yield "indent/tab-vs-4-spaces", b"if 1:\n    x = 1\n\ty = 2\n"
    yield "indent/spaces-tab-mix", b"if 1:\n  \tx = 1\n\t  y = 2\n"
    yield "indent/unexpected", b"x = 1\n    y = 2\n"
    yield "indent/unexpected-first-line", b"    x = 1\n"
    yield "indent/expected-block", b"if 1:\nx = 1\n"
    yield "indent/expected-block-eof", b"if 1:\n"
    yield "indent/expected-block-def", b"def f():\n\nx = 1\n"
    yield "indent/dedent-mismatch", b"if 1:\n    x = 1\n  y = 2\n"
    yield "indent/dedent-mismatch-nested", b"if 1:\n  if 1:\n      x = 1\n    y = 2\n"
    yield "indent/comment-lines-ignored", b"if 1:\n# c\n    x = 1\n  # c\n"
    yield "indent/continuation-ignored", b"if 1:\n    x = (1,\n2)\n"
    yield "indent/dedent-at-eof-no-newline", b"if 1:\n    x = 1"
    yield "indent/99-levels", _indented_blocks(99)
    yield "indent/100-levels", _indented_blocks(100)
    yield "indent/101-levels", _indented_blocks(101)
    yield "indent/tab-size-column", b"if 1:\n\t\tx = 1\n                y = 2\n"


def nesting():
    for n in (199, 200, 201):
        yield f"nest/paren-{n}-unclosed", b"(" * n
    yield "nest/paren-199-closed", _nest(b"(", b")", 199)
    yield "nest/paren-200-closed", _nest(b"(", b")", 200)
    yield "nest/bracket-200-closed", _nest(b"[", b"]", 200)
    yield "nest/brace-200-closed", _nest(b"{", b"}", 200)
    yield "nest/mixed-201", _nest(b"([{", b"}])", 67)
    yield "nest/close-without-open", b")"
    yield "nest/mismatch", b"(]"
    yield "nest/mismatch-multiline", b"(\n1,\n2]\n"
    yield "nest/unclosed-multiline", b"x = (1,\n2,\n"
    yield "nest/unclosed-then-def", b"x = (1,\ndef f(): pass\n"
    yield "nest/unary-minus-5968", b"-" * 5968 + b"1"
    yield "nest/unary-minus-5969", b"-" * 5969 + b"1"
    yield "nest/unary-minus-6000", b"-" * 6000 + b"1"
    yield "nest/not-5969", b"not " * 5969 + b"x"
    yield "nest/not-5970", b"not " * 5970 + b"x"
    yield "nest/lambda-2984", b"lambda:" * 2984 + b"0"
    yield "nest/lambda-2985", b"lambda:" * 2985 + b"0"
    yield "nest/paren-tuple-100", _nest(b"(", b",)", 100)
    yield "nest/attribute-chain-1000", b"a" + b".b" * 1000
    yield "nest/call-chain-1000", b"f" + b"()" * 1000
    yield "nest/binop-chain-1000", b"+".join([b"1"] * 1000)
    yield "nest/power-chain-1000", b"**".join([b"2"] * 1000)
    yield "nest/compare-chain-300", b"<".join([b"a"] * 300)
    yield "nest/fstring-2", b"f'{f\"{1}\"}'"
    for depth in (149, 150, 200):
        inner = b"1"
        for i in range(depth):
            q = b"'" if i % 2 == 0 else b'"'
            inner = b"f" + q + b"{" + inner + b"}" + q
        yield f"nest/fstring-{depth}", inner
    yield "nest/many-args", b"f(" + b"a, " * 300 + b")"
    # ast.dump's own limits: _format recursion (992 UnaryOps dump from a script's top level,
    # 993 raise RecursionError) and repr of an int over 4300 decimal digits (ValueError).
    yield "dump/unary-minus-992", b"-" * 992 + b"1"
    yield "dump/unary-minus-993", b"-" * 993 + b"1"
    yield "dump/hex-int-4300-digits", b"x = 0x" + b"f" * 3571 + b"\n"
    yield "dump/hex-int-4302-digits", b"x = 0x" + b"f" * 3572 + b"\n"
    yield "nest/many-statements", b"x = 1\n" * 300
    yield "nest/long-line", b"x = " + b"1" * 3000 + b"\n"


def tokens():
    cases = {
        "number/leading-zero": b"x = 0777\n",
        "number/zeros-ok": b"x = 000\n",
        "number/underscore-end": b"x = 1_\n",
        "number/double-underscore": b"x = 1__0\n",
        "number/bin-bad-digit": b"x = 0b2\n",
        "number/oct-bad-digit": b"x = 0o8\n",
        "number/hex-empty": b"x = 0x\n",
        "number/exponent-empty": b"x = 1e\n",
        "number/exponent-sign-empty": b"x = 1e+\n",
        "number/dot-exponent": b"x = 1.e5\n",
        "number/imaginary-underscore": b"x = 1_000j\n",
        "number/float-underscore-after-dot": b"x = 1._0\n",
        "number/float-underscore-before-dot": b"x = 1_.0\n",
        "number/bin-underscore-end": b"x = 0b1_\n",
        "number/attribute-on-int": b"x = 1 .real\n",
        "number/attribute-no-space": b"x = 1.real\n",
        "number/followed-by-name": b"x = 1abc\n",
        "number/followed-by-keyword": b"x = 1if y else 2\n",
        "number/hex-followed-by-keyword": b"x = 0x1for\n",
        "number/huge": b"x = " + b"9" * 5000 + b"\n",
        "number/huge-float": b"x = 1" + b"0" * 400 + b".0\n",
        "number/imaginary-huge-exp": b"x = 1e999j\n",
        "ident/latin": "é = 1\n".encode(),
        "ident/nfkc": "ﬁ = 1\n".encode(),
        "ident/nfkc-keyword": "ｉｆ = 1\n".encode(),
        "ident/euro": "€ = 1\n".encode(),
        "ident/dollar": b"$x = 1\n",
        "ident/question": b"x? = 1\n",
        "ident/backtick": b"`x`\n",
        "ident/bang": b"x!\n",
        "ident/emoji": "x = 🐍\n".encode(),
        "ident/combining-start": "\u0301x = 1\n".encode(),
        "ident/greek": "λ = 1\nprint(λ)\n".encode(),
        "ident/control-char": b"x = \x01\n",
        "ident/bidi-override": "x = '\u202e'\n".encode(),
        "ident/bidi-override-bare": "x = \u202e1\n".encode(),
        "string/unterminated": b"x = 'abc\n",
        "string/unterminated-eof": b"x = 'abc",
        "string/unterminated-triple": b"x = '''abc\ndef\n",
        "string/unterminated-triple-eof": b'x = """abc',
        "string/bytes-non-ascii": "x = b'é'\n".encode(),
        "string/bad-prefix": b"x = bu'a'\n",
        "string/u-prefix": b"x = u'a'\n",
        "string/rb-prefix": b"x = Rb'\\d'\n",
        "string/unknown-named-escape": b"x = '\\N{NO SUCH NAME}'\n",
        "string/named-escape": b"x = '\\N{LATIN SMALL LETTER E WITH ACUTE}'\n",
        "string/truncated-x-escape": b"x = '\\x1'\n",
        "string/truncated-u-escape": b"x = '\\u12'\n",
        "string/big-U-escape": b"x = '\\U00110000'\n",
        "string/invalid-escape": b"x = '\\d'\n",
        "string/invalid-octal-escape": b"x = '\\777'\n",
        "string/bytes-invalid-escape": b"x = b'\\d'\n",
        "string/adjacent-mixed-bytes": b"x = 'a' b'b'\n",
        "string/implicit-concat-lines": b"x = ('a'\n'b')\n",
        "string/backslash-eof-in-string": b"x = 'abc\\",
        "fstring/unterminated-brace": b"f'{'\n",
        "fstring/empty-expr": b"f'{}'\n",
        "fstring/single-close": b"f'}'\n",
        "fstring/backslash-in-expr": b"f'{\"\\n\"}'\n",
        "fstring/nested-same-quotes": b"f'{'a'}'\n",
        "fstring/debug-format": b"f'{x=!r:>10}'\n",
        "fstring/multiline-expr": b"f'''{\nx\n}'''\n",
        "fstring/comment-in-expr": b"f'''{x # c\n}'''\n",
        "fstring/lambda-no-parens": b"f'{lambda x: 1}'\n",
        "fstring/walrus-no-parens": b"f'{x:=1}'\n",
        "tstring/basic": b"t'{x}'\n",
        "tstring/unterminated": b"t'{x'\n",
        "tstring/bytes-prefix": b"bt'x'\n",
        "operator/unknown-arrow": b"x <- 1\n",
        "operator/ne-barry": b"1 <> 2\n",
        "operator/walrus-statement": b"x := 1\n",
        "operator/ellipsis-spaced": b"x = . . .\n",
        "operator/at-eq": b"x @= y\n",
        "comment/type-ignore": b"x = 1  # type: ignore\n",
        "comment/type-comment": b"x = []  # type: list[int]\n",
    }
    yield from cases.items()


def cases():
    for group in (decoding, newlines, indentation, nesting, tokens):
        yield from group()
