# keys/values/items views are live and support set operations.
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), "a" in k, 2 in v, ("a", 1) in it, ("a", 2) in it)
d["d"] = 4
del d["a"]
print(list(k), list(v), list(it))
print(sorted(k & {"b", "x"}), sorted(k | {"z"}), sorted(k - {"b"}), sorted(k ^ {"b", "q"}), k == {"b", "c", "d"})
print(sorted(it & {("b", 2), ("c", 0)}), k.isdisjoint({"q"}), k <= {"b", "c", "d", "e"})
print(list(reversed(d)), list(reversed(d.values())), list(reversed(d.items())))
print(d.keys().mapping["b"] if hasattr(d.keys(), "mapping") else "no mapping")
try:
    for key in d:
        d[key + "x"] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    for key in d.keys():
        del d[key]
except RuntimeError as e:
    print("RuntimeError:", e)
print(sorted(d.items()))
vv = {"x": [1]}.values()
print(vv == vv, list(vv))
