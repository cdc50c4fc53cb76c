# `in`, `index`, `pop`, `insert` and len() on their fast paths and at their edges.
nan = float("nan")
items = [1, 2.5, "a", None, True, (1, 2), nan, 10**30]
for x in [1, 1.0, 2.5, "a", None, True, (1, 2), nan, 10**30, 3, "b", 0, False]:
    print(repr(x), x in items, items.index(x) if x in items else "-")


class Eq:
    def __eq__(self, other):
        print("eq", other)
        return other == 7


print(7 in [1, 2, Eq(), 7])
print([1, Eq(), 3].index(3))
print([1, 2, 3, 2].index(2, 2), [1, 2, 3].index(3, -1))
try:
    [1, 2, 3].index(1, 1, 2)
except ValueError as e:
    print(e)
l = list(range(6))
print(l.pop(), l.pop(0), l.pop(-2), l.pop(True), l)
l.insert(-100, "a")
l.insert(100, "b")
l.insert(2, "c")
l.insert(False, "d")
print(l)
for bad in ("[].pop()", "[1].pop(5)", "[1].pop(-2)", "[1].pop(1.0)", "[1].pop(i=0)",
            "[].pop(1, 2)", "[].insert(1)", "[].insert(i=1, x=2)", "[].insert(1.5, 2)"):
    try:
        eval(bad)
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)


class Sized(list):
    def __len__(self):
        return 42


print(len([1, 2]), len((1,)), len({1: 2}), len({1, 2, 3}), len(frozenset()), len(Sized([1])))
print(min({5, 3, 9}), max(frozenset([1, 7, 2])), min([2, 1.5, 3]), max([True, 1]), min([1, True]))
print(max([3, 3, 2]), min([-(2**63), 2**63 - 1]), max(range(10)), min([4, 10**20, 2]))
print(int(2.9), int(-2.9), int(-0.0), int(1e18), int(-9.2e18), int(1e19), int(7), int(-(2**63)))
for bad in (float("nan"), float("inf")):
    try:
        int(bad)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
