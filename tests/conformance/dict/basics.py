# dict creation, access, mutation and insertion order.
d = {"b": 2, "a": 1, "c": 3}
d["d"] = 4
d["a"] = 10
print(d, len(d), d["b"], d.get("x"), d.get("x", 0), "a" in d, "z" not in d)
del d["b"]
d["b"] = 20
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": "v"}, extra=1), dict(zip("abc", range(3))), dict())
print(dict.fromkeys("abc"), dict.fromkeys(["x", "y"], 0), {k: v for k, v in [(1, 2), (3, 4)]})
print(d.pop("a"), d.pop("zz", "default"), d.popitem(), d)
print(d.setdefault("c", 99), d.setdefault("new", []), d)
d.update({"c": 30}, e=5)
d.update([("f", 6)])
print(d)
e = d.copy()
e.clear()
print(d == d.copy(), e, {1: 2} == {1: 2.0}, {"a": 1, "b": 2} == {"b": 2, "a": 1})
print({**{"a": 1}, **{"b": 2, "a": 3}}, {"a": 1} | {"b": 2}, {"a": 1, "b": 2} | {"a": 9})
f = {"x": 1}
f |= {"y": 2}
f |= [("z", 3)]
print(f)
print({1: "int", 1.0: "float", True: "bool"}, {(1, 2): "t", None: "n", frozenset([1]): "fs"}[None])
