# Keyword calls to Python functions: bound by identity from the eval loop's registers when
# simple, through the general binding otherwise; results and errors must not differ.
import sys


def f(a, b, c=3, d=4):
    return (a, b, c, d)


def g(a, /, b, c=7):
    return (a, b, c)


def k(a, *, b=2):
    return (a, b)


class C:
    def m(self, x, y=10):
        return (type(self).__name__, x, y)


print(f(1, b=2))
print(f(1, 2, d=5))
print(f(b=1, a=2))
print(f(1, d=9, c=8, b=7))
print(g(1, b=2))
print(g(1, c=5, b=6))
print(k(1, b=5))
print(C().m(x=1))
print(C().m(1, y=2))
m = C().m
print(m(y=3, x=4))
print([f(i, b=i * 2) for i in range(3)])

# Strings built at run time: equal but not the interned names.
name = "".join(["b"])
print(f(1, **{name: 2}))

for call in (
    lambda: f(1, a=2),
    lambda: f(1, e=2),
    lambda: f(c=1),
    lambda: g(a=1, b=2),
    lambda: f(1, 2, b=3),
    lambda: k(1, 2),
):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)


# Defaults replaced between calls; a generator function called with keywords.
def h(a, b=1):
    return a + b


print(h(a=1))
h.__defaults__ = (100,)
print(h(a=1))


def gen(a, b=2):
    yield a
    yield b


print(list(gen(b=5, a=4)))


# Recursion through keyword calls stays bounded.
def deep(n=0):
    return deep(n=n + 1)


try:
    deep(n=0)
except RecursionError as e:
    print("RecursionError:", e)


# Frames pushed by keyword calls show up in tracebacks and sys._getframe().
def inner(x, y=0):
    return sys._getframe(1).f_code.co_name, x, y


def outer():
    return inner(y=1, x=2)


print(outer())


def boom(a, b=0):
    raise ValueError(a)


try:
    boom(b=1, a="x")
except ValueError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names)


# f(*args) and f(*args, **{}) of Python functions.
args = (1, 2)
print(f(*args), f(*args, **{}), f(*args, **{"d": 0}))
try:
    f(*(1, 2, 3, 4, 5))
except TypeError as e:
    print("TypeError:", e)
