# Star unpacking in assignments, calls, literals and for targets.
a, *b = [1, 2, 3]
*c, d = "xyz"
e, *f, g = range(6)
h, *i = (1,)
print(a, b, c, d, e, f, g, h, i)
(j, k), [l, *m] = (1, 2), [3, 4, 5]
print(j, k, l, m)
first, second, *_ = "abcdef"
print(first, second)
for x, *rest in [(1, 2, 3), (4,), (5, 6)]:
    print(x, rest)
for (p, q), r in [((1, 2), 3), ((4, 5), 6)]:
    print(p + q + r, end=" ")
print()
print([*"ab", *[1, 2], *range(2)], (*"xy",), {*"aab"} == {"a", "b"}, {**{"k": 1}, **dict(j=2)})
print(*[1, 2, 3], sep="-")
x, y = y, x = 1, 2
print(x, y)
a = b = c = [0]
a.append(1)
print(b, c is a)
nested = [1, [2, [3, [4]]]]
_, [_, [three, [four]]] = nested
print(three, four)
d = {}
d["a"], d["b"] = 1, 2
obj = type("O", (), {})()
obj.x, obj.y = "ox", "oy"
lst = [0, 0, 0]
lst[0], lst[2] = "L0", "L2"
print(d, obj.x, obj.y, lst)
for bad in ["a, b = [1]", "a, b = [1, 2, 3]", "a, *b, c = [1]", "a, b = 5"]:
    try:
        exec(bad)
    except (ValueError, TypeError) as err:
        print(bad, "->", type(err).__name__, err)
i = 0
items = [10, 20]
i, items[i] = 1, 99
print(i, items)
