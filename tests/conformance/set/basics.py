# set and frozenset: operations, methods, comparisons (ints only, for stable order).
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b, [10])), sorted(a.intersection(b, {4})), sorted(a.difference([1], [2])), sorted(a.symmetric_difference([1, 9])))
print(a <= a, a < a, {1, 2} < a, a > {1}, a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({9}), {1} == frozenset({1}))
s = set()
s.add(3)
s.add(1)
s.add(3)
s.update([5, 6], (7,))
print(sorted(s), len(s), 5 in s)
s.discard(99)
s.remove(5)
print(sorted(s))
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)
p = s.pop()
print(p in {1, 3, 6, 7}, len(s))
s.clear()
print(s, set(), frozenset(), set([1, 1, 2]), frozenset("aa"))
c = {1, 2, 3}
c |= {4}
c &= {1, 2, 4, 8}
c -= {1}
c ^= {2, 16}
print(sorted(c))
c.intersection_update([4, 16, 32])
c.difference_update([16])
c.symmetric_difference_update([4, 5])
print(c)
fs = frozenset([3, 1, 2])
print(sorted(fs), hash(fs) == hash(frozenset([1, 2, 3])), {fs: "k"}[frozenset({1, 2, 3})], type(fs | {9}).__name__, type({9} | fs).__name__)
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
try:
    hash({1})
except TypeError as e:
    print("TypeError:", e)
try:
    fs.add(1)
except AttributeError as e:
    print("AttributeError:", e)
print({x % 5 for x in range(20)}, len({0, 0.0, False}), {1, 2} == {2, 1})
