# Error messages of list methods.
a = [1, 2, 3]
tests = [lambda: a[3], lambda: a[-4], lambda: a.index(9), lambda: a.remove(9), lambda: [].pop(),
         lambda: a.pop(10), lambda: a["x"], lambda: a.insert("x", 1), lambda: a + (1,), lambda: a * "2",
         lambda: a.__setitem__(5, 0), lambda: a.__delitem__(5), lambda: a.count(), lambda: list(5),
         lambda: a[1.0], lambda: [1, 2] < [1, "x"], lambda: a.sort(key=1)]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
print(a)
