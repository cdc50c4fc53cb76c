# dict.get/setdefault/pop/popitem ordering, update forms, fromkeys sharing, copy semantics.
d = dict.fromkeys(["a", "b", "c"], [])
d["a"].append(1)
print(d, d["b"] is d["c"])
d2 = {k: [] for k in "abc"}
d2["a"].append(1)
print(d2)
e = {"x": 1, "y": 2, "z": 3}
print(e.popitem(), e.popitem(), e, e.pop("x"), e)
f = {}
f.update(a=1)
f.update({"b": 2}, c=3)
f.update([("d", 4)], e=5)
f.update({"a": 100}.items())
print(f, len(f), f.setdefault("a"), f.setdefault("new", "v"), f.get("zz", "dflt"))
g = f.copy()
g["a"] = -1
print(f["a"], g["a"], f == g, {**f} == f, dict(f) is not f)
keys = list(f)
for k in keys:
    if k in "bd":
        del f[k]
print(f, list(f.keys()), list(f.values()))
print({}.get(None), {None: 1}.get(None), dict(zip(range(3), "abc")).get(1), len(dict.fromkeys("aabbc")))
