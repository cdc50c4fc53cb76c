# Ellipsis as a placeholder, sentinel and in slicing tuples.
def stub():
    ...
class Proto:
    def method(self):
        ...
print(stub(), Proto().method(), ... is Ellipsis, [...] == [...], {...: "e"}[Ellipsis])
MISSING = ...
def lookup(d, key, default=MISSING):
    if key in d:
        return d[key]
    if default is ...:
        raise KeyError(key)
    return default
print(lookup({"a": 1}, "a"), lookup({}, "b", None), lookup({}, "c", 0))
try:
    lookup({}, "z")
except KeyError as e:
    print("KeyError:", e)
class Grid:
    def __getitem__(self, key):
        return tuple("..." if k is Ellipsis else k for k in (key if isinstance(key, tuple) else (key,)))
g = Grid()
print(g[..., 1], g[0, ...], g[...], str(...), repr(Ellipsis), hash(...) == hash(Ellipsis))
