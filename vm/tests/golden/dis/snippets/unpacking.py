a, b = 1, 2
a, *b = [1, 2, 3]
*a, b = range(3)
a, *b, c = "abcd"
(a, b), c = (1, 2), 3
[a, [b, *c]] = [1, [2, 3, 4]]
d = [*a, *b]
e = (*a, 1, *b)
f = {*a, *b}
g = {**{"x": 1}, "y": 2, **{}}
h = [1, *a, 2]
i = {"a": 1, **g}
j = print(*a, *b)
k = dict(**g, z=1)
for x, *y in [(1, 2, 3)]:
    pass

def unpack_args(t):
    x, y, z = t
    first, *rest = t
    return x, y, z, first, rest

def swap(a, b, c):
    a, b = b, a
    a, b, c = c, b, a
    a, b, c, d = d, c, b, a
    return a, b, c
