# Set methods with multiple arguments, in-place operators vs methods, and comparisons.
s = {1, 2, 3}
print(sorted(s.union()), sorted(s.union([4], (5,), {6})), sorted(s.intersection([2, 3], range(3))), sorted(s.difference()))
t = s.copy()
t.update()
t.update(range(5), "x")
print(sorted(t, key=str))
u = {1, 2, 3, 4}
u.intersection_update({2, 3, 4, 5}, [3, 4])
print(u)
try:
    s |= [4]
except TypeError as e:
    print("TypeError:", e)
s.update([4])
print(sorted(s), s <= {1, 2, 3, 4}, s < {1, 2, 3, 4}, s.issubset([1, 2, 3, 4]), s.issuperset(range(1, 3)))
print({1, 2} < {1, 2}, {1, 2} <= {1, 2}, {1} > set(), set() < {1}, {1, 2} != {2, 1})
x = {0}
for i in range(5):
    x = x | {i * 2}
print(sorted(x), len(x), sorted({-1, -5, 3, 0}), {True, 1, 1.0}, {0, False, 0.0})
