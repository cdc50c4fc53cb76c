# None in containers, sorting with None via keys, default arguments and identity checks.
data = [3, None, 1, None, 2]
print(data.count(None), data.index(None), None in data, [x for x in data if x is not None])
print(sorted(data, key=lambda x: (x is None, x if x is not None else 0)))
print(sorted(data, key=lambda x: float("-inf") if x is None else x))
d = {None: "none key", "k": None}
print(d[None], d.get("k"), d.get("k", "default"), d.get("missing") is None, list(d.values()).count(None))
def f(x=None, *, y=None):
    return (x is None, y is None)
print(f(), f(0), f(y=False), f(None, y=None))
print(None == 0, None == False, None == "", None is not None, type(None)(), repr(type(None)))
print(max([1, 2], default=None), min([], default=None), next(iter([]), None), getattr(object(), "x", None))
