# KeyError messages, __missing__, and errors from dict methods.
d = {"a": 1}
for op in [lambda: d["b"], lambda: d[("t", 1)], lambda: d[None], lambda: d.pop("z"), lambda: {}.popitem(),
           lambda: d[[1]], lambda: {[]: 1}, lambda: dict([1, 2]), lambda: dict([(1, 2, 3)]), lambda: d.update(1),
           lambda: dict(1), lambda: {}.fromkeys(5), lambda: d | [1], lambda: d[""]]:
    try:
        print(op())
    except Exception as e:
        print(type(e).__name__, e, repr(e))
class Counter(dict):
    def __missing__(self, key):
        self[key] = 0
        return 0
c = Counter()
for ch in "hello":
    c[ch] += 1
print(c, c["zzz"], "zzz" in c, c.get("qqq"), "qqq" in c)
class Default(dict):
    def __missing__(self, key):
        return key.upper()
dd = Default(a="x")
print(dd["a"], dd["b"], dd.get("b"), len(dd))
