import os
def f(*args, **kwargs):
    return args, kwargs
f()
f(1, 2, 3)
f(1, key=2)
f(*[1, 2])
f(**{'a': 1})
f(1, *(2, 3), 4, *[5], k=1, **{'z': 2}, m=3)
f(x for x in range(3))
os.path.join("a", "b")
os.getcwd()
print(len("abc"), isinstance(1, int), all(x for x in [1]), any(y > 1 for y in (1, 2)))
tuple(x for x in "ab")
list(range(10))
obj = object()
obj.__class__.__name__.upper()
"".join(str(i) for i in range(3))
(lambda: 1)()
f(a=1, b=2, c=3)(4)
max([3, 1], key=lambda v: -v)
def g(a, /, b, *, c):
    return a + b + c
g(1, 2, c=3)
g(1, b=2, c=3)
print(*range(3), sep=", ", end="\n")
