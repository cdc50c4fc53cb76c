# sorted, reversed, enumerate.
data = [5, 2, 9, 1, 5, 6]
print(sorted(data), sorted(data, reverse=True), data, sorted("hello"), sorted({"b": 1, "a": 2}))
print(sorted(data, key=lambda x: -x), sorted(["bb", "a", "ccc"], key=len), sorted([(1, "b"), (1, "a"), (0, "z")]))
print(list(reversed(data)), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))), list(reversed({"x": 1, "y": 2})))
print(list(enumerate("abc")), list(enumerate("abc", 10)), list(enumerate([], 5)), dict(enumerate("xy", start=1)))
e = enumerate(["p", "q"])
print(next(e), next(e), next(e, "end"))
try:
    reversed({1, 2})
except TypeError as err:
    print("TypeError:", err)
try:
    sorted([1, 2], key=lambda x: x, cmp=None)
except TypeError as err:
    print("TypeError:", err)
try:
    reversed(iter([1]))
except TypeError as err:
    print("TypeError:", err)
print(sorted([3, 1, 2], key=None), sorted([], reverse=True), sorted(x for x in (3, 1)))
