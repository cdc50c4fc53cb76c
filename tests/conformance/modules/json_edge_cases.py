# JSON edge cases: unicode escapes, surrogates, large ints, float formatting, nested depth, key coercion.
import json
cases = ["\u2028\u2029", "\ud800", "tab\tquote\"", "日本", "\x7f", "\U0001F600"]
for s in cases:
    enc = json.dumps(s)
    print(enc, json.dumps(s, ensure_ascii=False) == '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t") + '"', json.loads(enc) == s)
print(json.dumps([1e-7, 1e21, 123456789.123456789, 2**64, -2**70, 0.1 + 0.2, 5e-324]))
print(json.loads("[1e400, -1e400, 1.5e-400]"), json.loads("0.1"), json.loads("-0"), json.loads("-0.0"))
deep = [[[[[["deep"]]]]]]
print(json.dumps(deep), json.loads(json.dumps(deep)) == deep)
print(json.dumps({"a": {"b": {"c": [1, {"d": None}]}}}, separators=(",", ":"), sort_keys=True))
print(json.dumps({3: "int", "3": "str"}), json.loads('{"3": "a", "3": "b"}'))
print(json.dumps("\\/"), json.loads('"\\/"'), json.dumps(None), json.dumps([None, True, False]))
