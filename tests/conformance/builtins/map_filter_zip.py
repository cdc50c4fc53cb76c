# map (several iterables), filter (None and function), zip (strict=).
print(list(map(str, [1, 2, 3])), list(map(pow, [2, 3, 4], [5, 2])), list(map(lambda *a: sum(a), [1, 2], [3, 4], [5, 6])))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(str.isdigit, "a1b2c3")), list(filter(lambda x: x > 2, range(5))))
print(list(zip()), list(zip("ab")), list(zip("abc", range(10))), list(zip([1, 2], "xy", (True, False))))
print(dict(zip("abc", range(3))), list(zip(*[(1, "a"), (2, "b")])))
print(list(zip("ab", "cd", strict=True)))
for args in [("abc", "de"), ("a", "bc"), ("ab", "cd", "e")]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print("ValueError:", e)
m = map(int, ["1", "2", "x"])
print(next(m), next(m))
try:
    next(m)
except ValueError as e:
    print("ValueError:", e)
print(type(map(str, [])).__name__, type(filter(None, [])).__name__, type(zip()).__name__)
try:
    map(5, [1])
    list(map(5, [1]))
except TypeError as e:
    print("TypeError:", e)
print(list(map(lambda x, y: (x, y), "ab", "xyz")), list(map(len, [[], [1], [1, 2]])))
