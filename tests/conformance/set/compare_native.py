# Set comparisons and min/max over sets: exact sets and frozensets whose elements compare
# natively take a shortcut; subclasses, elements with __eq__ and errors take the protocol.
a = frozenset({1, 2, 3}); b = {1, 2, 3, 4}; c = frozenset([1, 2, 3])
for x, y in [(a, b), (b, a), (a, c), (c, a), (a, a), (set(), a), (b, b), (set(), frozenset())]:
    print(x <= y, x < y, x >= y, x > y, x == y, x != y)
class S(frozenset):
    def __le__(self, other):
        return 'S.__le__'
s = S({1, 2})
print(s <= a, a >= s, s == frozenset({1, 2}), frozenset({1, 2}) >= s)
print({1.0, 'a'} == {1, 'a'}, {1} <= {True}, {(1, 2)} <= {(1, 2), 3}, {'x', 2.5} < {'x', 2.5, None})
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return 1
    def __eq__(self, other):
        print('eq', self.v, other.v)
        return self.v == other.v
print({K(1)} <= {K(2), K(1)}, {K(3)} == {K(3)})
try: {1} < [1]
except TypeError as e: print(e)
print({1} == [1], {1} != (1,))
print(min({5, 3, 9}), max(frozenset({5, 3, 9})), min({True, 2}), max({2.5, 1}))
print(min({-1, 7}, key=lambda v: -v), max({-1, 7}, key=None), min({2, -2**70, 5}), max({'b', 'a'}))
print(min(set(), default=4), max(frozenset(), default=None))
big = set(range(1000)) - {0, 999}
print(min(big), max(big), min(frozenset([-5])), max({10**20, 3}))
try: min(set())
except ValueError as e: print(e)
try: max({1, None})
except TypeError as e: print(e)
