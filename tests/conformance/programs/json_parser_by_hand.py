# A recursive-descent JSON parser compared against the json module on many documents.
import json
class ParseError(Exception):
    pass
def parse(text):
    pos = 0
    def ws():
        nonlocal pos
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
    def value():
        nonlocal pos
        ws()
        if pos >= len(text):
            raise ParseError("unexpected end")
        ch = text[pos]
        if ch == "{":
            pos += 1
            out = {}
            ws()
            if text[pos] == "}":
                pos += 1
                return out
            while True:
                ws()
                k = string()
                ws()
                expect(":")
                out[k] = value()
                ws()
                if text[pos] == ",":
                    pos += 1
                    continue
                expect("}")
                return out
        if ch == "[":
            pos += 1
            out = []
            ws()
            if text[pos] == "]":
                pos += 1
                return out
            while True:
                out.append(value())
                ws()
                if text[pos] == ",":
                    pos += 1
                    continue
                expect("]")
                return out
        if ch == '"':
            return string()
        for word, v in (("true", True), ("false", False), ("null", None)):
            if text.startswith(word, pos):
                pos += len(word)
                return v
        return number()
    def expect(c):
        nonlocal pos
        if pos >= len(text) or text[pos] != c:
            raise ParseError(f"expected {c!r} at {pos}")
        pos += 1
    def string():
        nonlocal pos
        expect('"')
        out = []
        while text[pos] != '"':
            c = text[pos]
            if c == "\\":
                pos += 1
                e = text[pos]
                if e == "u":
                    code = int(text[pos + 1:pos + 5], 16)
                    pos += 4
                    if 0xD800 <= code < 0xDC00 and text[pos + 1:pos + 3] == "\\u":
                        low = int(text[pos + 3:pos + 7], 16)
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        pos += 6
                    out.append(chr(code))
                else:
                    out.append({"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "/": "/", "\\": "\\", '"': '"'}[e])
            else:
                out.append(c)
            pos += 1
        pos += 1
        return "".join(out)
    def number():
        nonlocal pos
        start = pos
        while pos < len(text) and text[pos] in "+-0123456789.eE":
            pos += 1
        s = text[start:pos]
        if not s:
            raise ParseError(f"unexpected {text[start]!r} at {start}")
        return float(s) if any(c in s for c in ".eE") else int(s)
    v = value()
    ws()
    if pos != len(text):
        raise ParseError(f"trailing data at {pos}")
    return v
docs = ['{"a": 1, "b": [true, false, null], "c": {"d": "e"}}', "[1, -2.5, 3e3, 0, -0.0]", '"esc \\" \\\\ \\n \\u00e9 \\ud83d\\ude00"',
        "  [ ]  ", "{}", '{"nested": [[[[1]]], {"x": {"y": [2, {"z": 3}]}}]}', "12345678901234567890", '[1, 2,]', '{"a" 1}', "[1] 2"]
for d in docs:
    try:
        mine = parse(d)
    except (ParseError, IndexError, KeyError, ValueError) as e:
        mine = f"error: {type(e).__name__}"
    try:
        ref = json.loads(d)
    except json.JSONDecodeError:
        ref = "error"
    agree = mine == ref or (isinstance(mine, str) and mine.startswith("error") and ref == "error")
    print(f"{d[:40]!r:<44} {agree} {mine!r}"[:150])
