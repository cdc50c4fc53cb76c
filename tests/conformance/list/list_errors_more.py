# More list error messages: slice assignment mismatches, bad indexes, sort errors mid-way.
cases = [lambda: [1, 2, 3][1:2:0], lambda: [].__getitem__("x"), lambda: [1].insert(), lambda: [1].extend(5),
         lambda: [1].__setitem__(slice(0, 3, 2), [1, 2]), lambda: list.append(5, 1), lambda: [3, "a", 1].sort(),
         lambda: [1, 2].index(1, "a"), lambda: [0] * 1.5, lambda: [1] + None, lambda: [1] < None]
for c in cases:
    try:
        c()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)
x = [3, "a", 1]
try:
    x.sort()
except TypeError:
    print("list after failed sort:", sorted(map(str, x)), len(x))
