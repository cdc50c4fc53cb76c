# json.dumps formatting options, CPython's exact output.
import json
data = {"name": "Ada", "age": 36, "langs": ["en", "fr"], "active": True, "score": 9.5, "none": None, "nested": {"a": [1, {"b": 2}]}}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps(data, indent="\t", sort_keys=True))
print(json.dumps(data, separators=(",", ":")))
print(json.dumps([1, 2], indent=0))
print(json.dumps({"b": 1, "a": 2}, sort_keys=True), json.dumps([]), json.dumps({}), json.dumps([], indent=2), json.dumps({}, indent=2))
print(json.dumps("é✓🐍\n\"quote\"\\"), json.dumps("é✓🐍", ensure_ascii=False), json.dumps("\x00\x1f\x7f"))
print(json.dumps(1e100), json.dumps(0.1), json.dumps(-0.0), json.dumps(10**30), json.dumps(1.0), json.dumps(float("inf")), json.dumps(float("nan")))
print(json.dumps({1: "int key", 2.5: "float key", True: "bool key", None: "none key"}))
print(json.dumps((1, 2)), json.dumps("plain"), json.dumps(None), json.dumps(False))
try:
    json.dumps({"s": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print("TypeError:", e)
print(json.dumps({"set": {3, 1, 2}}, default=sorted), json.dumps({(1, 2): 3}, skipkeys=True))
