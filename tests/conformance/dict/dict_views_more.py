# Views: set algebra with other iterables, len after mutation, view repr, mapping attribute, reversed views.
d = {"a": 1, "b": 2, "c": 3}
k = d.keys()
print(sorted(k - ["a"]), sorted(k | ["z"]), k & {"b", "q"}, k ^ {"a", "x"} == {"b", "c", "x"}, k == {"a", "b", "c"}, k != ["a", "b", "c"])
items = d.items()
print(sorted(items - {("a", 1)}), {("a", 1), ("b", 99)} & items, ("c", 3) in items, ["c", 3] in items if False else ("c", 3) in items)
d["d"] = 4
print(len(k), len(items), len(d.values()), list(reversed(d.keys())), list(reversed(d.values())))
print(repr(k), repr(d.values()), repr(items))
print(k.mapping, type(k.mapping).__name__, k.mapping["a"])
try:
    d.values() == d.values()
    print("values views compare by identity:", d.values() == d.values())
except Exception as e:
    print(type(e).__name__, e)
print(isinstance(k, type({}.keys())), sorted(type(v).__name__ for v in (d.keys(), d.values(), d.items())))
