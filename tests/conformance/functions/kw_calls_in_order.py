# Keyword calls whose keywords name the parameters right after the positional arguments,
# in order (`f(a, b=1)`): bound positionally from the eval loop's registers; the results,
# defaults and errors must match the general binding.


def f(a, b, c=3, d=4):
    return (a, b, c, d)


def g(a, /, b, c=7):
    return (a, b, c)


def r(a, b, c):
    return (a, b, c)


def kw(a, /, b, **rest):
    return (a, b, rest)


def star(a, *args, b=1):
    return (a, args, b)


class Board:
    def find(self, update=False):
        return ("find", type(self).__name__, update)

    def remove(self, ref, update=True):
        return ("remove", ref, update)


print(f(1, b=2))
print(f(1, b=2, c=5))
print(f(1, 2, c=5, d=6))
print(f(a=1, b=2, c=3, d=4))
print(g(1, b=2))
print(g(1, b=2, c=3))
print(kw(1, b=2))
print(kw(1, b=2, a=3))
print(star(1, b=2))
b = Board()
print(b.find(update=True))
print(b.remove(5, update=False))
m = b.find
print(m(update=1))
print(Board.find(b, update=2))
print([f(i, b=i + 1) for i in range(3)])

for call in (
    lambda: r(1, b=2),
    lambda: g(a=1, b=2),
    lambda: f(1, 2, 3, 4, c=5),
    lambda: b.find(update=True, extra=1),
    lambda: b.remove(update=False),
):
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)


# Defaults and code replaced between calls.
def h(a, b=1, c=2):
    return a + b + c


print(h(1, b=10))
h.__defaults__ = (100, 200)
print(h(1, b=10))


def h2(a, b=5, c=6):
    return a * b * c


h.__code__ = h2.__code__
print(h(1, b=10))


# Parameters that are cells, a generator function, an exception inside the callee.
def cells(a, b):
    return (lambda: a + b)()


print(cells(1, b=2))


def gen(a, b=2):
    yield a
    yield b


print(list(gen(4, b=5)))


def boom(a, b):
    return a // b


try:
    boom(1, b=0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)


def deep(n, step=1):
    return deep(n + step, step=step)


try:
    deep(0, step=1)
except RecursionError as e:
    print("RecursionError:", e)
