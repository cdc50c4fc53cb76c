# frozensets as dict keys and set members; equality between set and frozenset.
groups = {frozenset({"a", "b"}): 1, frozenset({"b", "c"}): 2}
print(groups[frozenset(["b", "a"])], frozenset("ab") in groups, len(groups))
fs = frozenset([3, 1, 2])
s = {3, 1, 2}
print(fs == s, s == fs, hash(fs) == hash(frozenset(s)), sorted(fs | {0}), type(fs & s).__name__, type(s & fs).__name__)
nested = {frozenset({1, 2}), frozenset({2, 1}), frozenset({3})}
print(len(nested), sorted(sorted(x) for x in nested))
print(frozenset() == set(), frozenset().union([1]), sorted(frozenset(range(5)).difference({1, 3})))
power = [frozenset()]
for x in [1, 2, 3]:
    power += [p | {x} for p in power]
print(sorted(sorted(p) for p in power), len(set(power)))
