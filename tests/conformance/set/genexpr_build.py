# set(genexpr) builds the set inside the generator's loop while the items are native keys:
# the iteration order (table layout), duplicates, the hashes of special ints and the switch
# to the general path must match adding the items one by one.
import math

print(list(set(x for x in range(20))))
print(list(set(x * 7 % 13 for x in range(40))))
print(list(set(-x for x in range(12))))
print(list(set(x for x in (-1, -2, 2**61 - 1, 2**61, -(2**61), 2**62, -(2**63), 2**63 - 1))))
print(list(set(x for x in (1, 1.0, True, 2, 2.0, 0, False, 0.0, -0.0))))
print(sorted(set(str(x) for x in range(30))))
print(sorted(map(repr, set(x for x in (None, None, 1, "a", "a", 1.5)))))
nan = float("nan")
s = set(x for x in (nan, nan, float("nan"), 1.0))
print(len(s), sum(1 for x in s if math.isnan(x)))


class K:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, o):
        print("eq", self.v, getattr(o, "v", o))
        return isinstance(o, K) and self.v == o.v

    def __repr__(self):
        return f"K({self.v})"


print(list(set(x for x in (1, 2, K(1), 3, K(1), 2))))
print(list(set(x for x in (K(5), 5, 6))))
print(list(set(x for x in (2**100, 2**100, 1, (1, 2), (1, 2), frozenset([1])))))
try:
    set(x for x in (1, 2, [3], 4))
except TypeError as e:
    print("TypeError", e)


def boom():
    yield 1
    yield 2
    raise ValueError("in generator")


try:
    set(boom())
except ValueError as e:
    print("ValueError", e)
print(sorted(set(i * i for i in range(100)))[-3:])
big = set(x for x in range(1000))
print(len(big), min(big), max(big), list(big)[:5])
fs = frozenset(x % 5 for x in range(50))
print(fs, type(fs).__name__)
s = {100, 200}
s.update(x for x in range(5))
print(list(s))
