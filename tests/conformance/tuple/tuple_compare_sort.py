# Lexicographic tuple comparison, sorting records, and tuples as composite dict keys.
records = [("smith", "john", 42), ("doe", "jane", 35), ("smith", "anna", 42), ("doe", "john", 29), ("adams", "zoe", 35)]
print(sorted(records))
print(sorted(records, key=lambda r: (-r[2], r[0], r[1])))
print(min(records), max(records, key=lambda r: r[1:]), (1, 2, 3) < (1, 2, 4) < (1, 3), (1, "a") < (1, "b"), (2,) > (1, 99, 99))
grid = {}
for x in range(3):
    for y in range(3):
        grid[(x, y)] = x * 3 + y
print(grid[(2, 1)], sorted(k for k, v in grid.items() if v % 4 == 0), (0, 0) in grid, (3, 3) in grid)
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print("TypeError:", e)
print((1, 2) == [1, 2], tuple([1, 2]) == (1, 2), (float("nan"),) == (float("nan"),))
n = float("nan")
print((n,) == (n,), [n] == [n], (1, (2, [3])) == (1, (2, [3])))
