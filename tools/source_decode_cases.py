#!/usr/bin/env python3.14
"""Generate vm/src/parse/testdata/decode.txt: how CPython 3.14 decodes source bytes.

Two lines per case: the source bytes (printable ASCII as is, other bytes and backslash as
`\\xNN`), then either `OK ` and the decoded text (quoted like the token dump), or
`ERR Type: message|lineno|offset|end_lineno|end_offset` from `compile(bytes, "<s>", "exec")` (None
as 0). The first line is a header. Decoded texts come from `tokenize.detect_encoding`, which
applies the same coding declaration rules, and universal newlines.

Usage: python3.14 tools/source_decode_cases.py [--check]
"""

import io
import tokenize
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tokdump_format import generate_table, quote  # noqa: E402


OUT = Path(__file__).resolve().parent.parent / "vm/src/parse/testdata/decode.txt"

CASES = [
    b"x = 1\n", b"", b"x", b"\xef\xbb\xbfx = 1\n", b"\xef\xbb\xbf", b"\xef\xbb",
    b"x = 1\r\ny = 2\r\n", b"x = 1\ry = 2\r", b"a\r\r\nb\n\r", "x = 'é€𝄞'\n".encode(),
    # Invalid UTF-8.
    b'x = 1\ny = "\xff"\n', b'x = "\xc3\xa9\xff"\n', b"x = 1 # \xff\n", b"# \xff\nx=1\n", b"\xc3\n",
    b'x=1\r\ny = "\xff"\r\n', b'x = "\xed\xa0\x80"\n', b'x = "\xf0\x9f\x98"\n', b"\xff\xfe",
    b'\xef\xbb\xbfx = "\xff"\n', b'x = """\n\n\xff"""\n', b"\xc0\x80", b"x = '\xf4\x90\x80\x80'\n",
    b'x = "\xe2\x82"\n',
    # Coding declarations.
    b'# coding: latin-1\nx = "\xff"\n', b'# coding: utf-8\nx = "\xff"\n', b'# coding: utf8\nx = "\xff"\n',
    b'# coding: ascii\nx = "\xff"\n', b'# coding: ascii\r\nx = "\xff"\n', b"# coding: ascii\nx = 1 # \xff\n",
    b'# vim: set fileencoding=cp1252 :\nx = "\x80"\n', b'#!python\n# coding: latin-1\nx = "\xff"\n',
    b'x=1\n# coding: latin-1\nx = "\xff"\n', b'\n# coding: latin-1\nx = "\xff"\n', b"  # coding: latin-1\n",
    b"x # coding: latin-1\n", b"# coding: UTF_8\n", b"# coding: utf-8-sig\n", b"\xef\xbb\xbf# coding: utf-8-sig\n",
    b"\xef\xbb\xbf# coding: utf-8\n", b"\xef\xbb\xbf# coding: UTF-8\n", b"# coding=latin-1\n",
    b"# coding:\tlatin-1\n", b"#coding:latin-1\n", b"# encoding: latin-1\n", b"# coding : latin-1\n",
    b'\x0c# coding: latin-1\nx="\xff"\n', b"# coding: rot13\nx=1\n", b"# coding: rot_13\n", b"# coding: hex\nx=1\n",
    b"# coding: Base64_Codec\n", b"\xef\xbb\xbf# coding: latin-1\ny = 1\n", b"\xef\xbb\xbf\n# coding: cp1252\ny = 1\n",
    b"\xef\xbb\xbf# coding: foobar\ny = 1\n", b"# coding: foobar\ny = 1\n", b'# coding: cp1252\nx = "\x81"\n',
    b'# coding: cp1252\nx = "\x81"\r\n', b'# coding: LATIN1\nx = "\xff"\n', b'# coding: l1\nx = "\xff"\n',
    b"# coding: utf-8\n\xef\xbb\xbfx=1\n", b'# coding: iso-8859-15\nx = "\xa4"\n', b"x = 1\n# coding: foobar\n",
    b"#\n#\n# coding: foobar\n", b"# coding: utf-8\n# coding: foobar\n", b"\n\n# coding: foobar\n",
    b'x = "\xff"\n# coding: foobar\n', b"# coding: latin-1\n\xff = 1\n", b"# coding: mbcs\n",
    b"# coding: undefined\nx=1\n", b'# coding: koi8-r\nx = "\xc1\xc2"\n', b'# -*- coding: cp437 -*-\nx = "\x80\xff"\n',
    b'# coding: iso_8859_2\nx = "\xa1"\n', b"# coding: ISO-8859-1\n", b"# coding: latin-1-foo\n",
    b"# coding: utf-8-variant\n", b"# coding: iso.8859.1\n", b"# coding: cp-1252\n", b"# coding: mac_roman\n",
    b"# coding: utf8\nx = '\xe2\x82'\n", b"# coding: utf8\nx = '\xe2\x82\n", b"# coding: utf_8\n\xed\xa0\x80\n",
    b"# coding:\n", b"# coding: \n", b"# coding:latin-1 x", b"\t # -*- coding: latin-1 -*-\n\xe9 = 1\n",
    b"# coding: latin-1", b"#!/bin/sh\n# coding: ascii\n\xff\n",
]


def quote_bytes(b: bytes) -> str:
    return "".join(chr(c) if 0x20 <= c < 0x7F and c != 0x5C else f"\\x{c:02x}" for c in b)


def describe(b: bytes) -> str:
    try:
        compile(b, "<s>", "exec")
    except SyntaxError as e:
        fields = [e.lineno, e.offset, e.end_lineno, e.end_offset]
        return f"ERR {type(e).__name__}: " + "|".join([e.msg] + [str(f or 0) for f in fields])
    except ValueError as e:
        return f"ERR ValueError: {e}|0|0|0|0"
    encoding, _ = tokenize.detect_encoding(io.BytesIO(b).readline)
    text = b.decode(encoding).replace("\r\n", "\n").replace("\r", "\n")
    return "OK " + quote(text)


def main() -> None:
    generate_table(OUT, Path(__file__).name, CASES, quote_bytes, describe)


if __name__ == "__main__":
    main()
