# min/max with key and default, sum with start, all/any.
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("hello"), min((2, "b"), (2, "a")), max([1.5, 2, True]))
print(min(["aa", "b", "ccc"], key=len), max(["aa", "b", "ccc"], key=len), max([-5, 3, -7], key=abs))
print(min([], default="empty"), max([], default=None), min([1], default=0), max([], key=len, default="k"))
print(max([1, 3, 3, 2], key=lambda x: x), max([(1, "first"), (1, "second")], key=lambda t: t[0]))
print(min({3: "a", 1: "b"}), max("abc", "abd"), min(range(10, 0, -3)))
for bad in [lambda: min([]), lambda: max(), lambda: min(1), lambda: max(1, 2, default=0), lambda: min([1, "a"])]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(sum([1, 2, 3]), sum([1, 2], 10), sum([0.1] * 10), sum([[1], [2, 3]], []), sum(range(101)), sum([], 5))
print(sum([1, 2.5, 3j]), sum((x for x in range(5)), start=100), sum([True, True]))
for bad in [lambda: sum(["a", "b"], ""), lambda: sum([b"a"], b""), lambda: sum([1, "a"])]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)
print(all([]), any([]), all([1, 2]), all([1, 0]), any([0, 0, 3]), any(x > 5 for x in range(10)), all("abc"))
