# collections.abc: isinstance checks against the ABCs, and implementing one via mixins.
from collections import abc
samples = [[], (), {}, set(), frozenset(), "", b"", range(0), iter([]), (x for x in []), len, 1, {}.keys()]
names = ["Iterable", "Iterator", "Sequence", "MutableSequence", "Mapping", "MutableMapping", "Set", "MutableSet",
         "Sized", "Container", "Hashable", "Callable", "Collection", "Reversible", "Generator"]
for s in samples:
    print(type(s).__name__, [n for n in names if isinstance(s, getattr(abc, n))])
class Squares(abc.Sequence):
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        if not -self.n <= i < self.n:
            raise IndexError(i)
        return (i % self.n) ** 2
sq = Squares(5)
print(list(sq), sq.index(9), sq.count(4), 16 in sq, list(reversed(sq)), sq[1:3], isinstance(sq, abc.Sequence))
class Bag(abc.MutableMapping):
    def __init__(self):
        self.d = {}
    def __getitem__(self, k):
        return self.d[k]
    def __setitem__(self, k, v):
        self.d[k] = v
    def __delitem__(self, k):
        del self.d[k]
    def __iter__(self):
        return iter(self.d)
    def __len__(self):
        return len(self.d)
b = Bag()
b["x"] = 1
b.update(y=2)
print(dict(b.items()), b.get("z", 0), b.pop("x"), b.setdefault("w", 9), list(b), "y" in b, b == {"y": 2, "w": 9})
class Incomplete(abc.Mapping):
    def __getitem__(self, k):
        return k
try:
    Incomplete()
except TypeError as e:
    print("TypeError:", e)
class HasLen:
    def __len__(self):
        return 0
print(isinstance(HasLen(), abc.Sized), issubclass(HasLen, abc.Iterable), issubclass(list, abc.MutableSequence))
