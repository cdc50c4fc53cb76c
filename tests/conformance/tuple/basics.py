# tuples: construction, immutability, methods, comparison, hashing.
t = (1, "two", 3.0, None, (5, 6))
print(t, len(t), t[1], t[-1][0], t[1:3], t[::-1], t.index(3.0), t.count(None), (1,), (), tuple(), tuple("ab"))
print((1, 2) + (3,), (1,) * 3, (1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9), (1, 2) == (1, 2), () == ())
print(hash((1, 2)) == hash((1, 2)), hash((1, (2, 3))) == hash((1, (2, 3))), {(1, 2): "pair"}[(1, 2)])
a, b, *rest = (1, 2, 3, 4)
print(a, b, rest)
x = 1, 2
y = 3,
print(x, y, type(y).__name__)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
try:
    t.index("missing")
except ValueError as e:
    print("ValueError:", e)
try:
    t[10]
except IndexError as e:
    print("IndexError:", e)
u = ([1],)
u[0].append(2)
print(u)
try:
    u[0] += [3]
except TypeError as e:
    print("TypeError:", e)
print(u)
print(tuple(x * 2 for x in range(3)), tuple([1, 2]) is not None, (1, 2).__len__(), max((3, 9, 2)))
print(sorted([(2, "b"), (1, "z"), (2, "a")]), min([(1, 2), (1, 1)]))
print(hash(()), hash((1,)), hash((1, 2, 3)), hash((-1, -2)))
