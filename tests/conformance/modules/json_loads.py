# json.loads: types, unicode escapes, errors with positions, hooks.
import json
text = '{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "d\\u00e9\\n"}, "e": "\\ud83d\\udc0d"}'
obj = json.loads(text)
print(obj, type(obj["a"][1]).__name__, type(obj["a"][2]).__name__, obj["e"])
print(json.loads("[]"), json.loads(" 42 "), json.loads('"str"'), json.loads("null"), json.loads("1E3"), json.loads("NaN"), json.loads("-Infinity"))
print(json.loads('{"x": 1, "x": 2}'), json.loads("123456789012345678901234567890"), json.loads(b'{"bytes": 1}'))
for bad in ['{"a": 1,}', "[1, 2", "{'single': 1}", "", "tru", '{"a" 1}', "[1] extra", '"unterminated', "01"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e.msg, e.lineno, e.colno, e.pos, isinstance(e, ValueError))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=list), json.loads("[1.5]", parse_float=str), json.loads("[7]", parse_int=lambda s: int(s) * 2))
print(json.loads('{"__complex__": true, "re": 1, "im": 2}', object_hook=lambda d: complex(d["re"], d["im"]) if "__complex__" in d else d))
