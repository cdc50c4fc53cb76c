# BINARY_OP running a Python dunder as a frame of the caller's loop: results, the rest
# of the protocol after NotImplemented, reflected operands, subscripts, errors,
# tracebacks through the operator, frames and the recursion limit.
import sys


class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, o):
        if isinstance(o, V):
            return V(self.x + o.x)
        return NotImplemented

    def __sub__(self, o):
        return NotImplemented

    def __mul__(self, o):
        return V(self.x * o)

    __rmul__ = __mul__

    def __getitem__(self, i):
        return self.x + i

    def __repr__(self):
        return f"V({self.x})"


class W:
    def __radd__(self, o):
        return "W.__radd__"


class VV(V):
    def __radd__(self, o):
        return "VV.__radd__"


class WithNative(float):
    pass


print(V(1) + V(2), V(2) * 3, 3 * V(2), V(5)[10])
print(V(1) + W())
print(V(1) + VV(3))
print(V(2) * WithNative(1.5))
for a, b in [(V(1), 1), (V(1), "s")]:
    try:
        a + b
    except TypeError as e:
        print(type(e).__name__, e)
try:
    V(1) - V(2)
except TypeError as e:
    print(type(e).__name__, e)


class Seq:
    def __init__(self, items):
        self.items = items

    def __getitem__(self, i):
        if i >= len(self.items):
            raise IndexError(i)
        return self.items[i]


s = Seq([10, 20, 30])
print(s[0] + s[2], [x for x in s], NotImplemented is Seq.__getitem__(Seq([NotImplemented]), 0))


class NI:
    def __getitem__(self, i):
        return NotImplemented


print(NI()[0])


class Defaults:
    def __add__(self, o, extra=5):
        return o + extra

    def __sub__(self, *args):
        return args

    def __mul__(self, o, *, k=2):
        return o * k


d = Defaults()
print(d + 1, d - 2, d * 3)


class Gen:
    def __add__(self, o):
        yield o
        yield o + 1


print(list(Gen() + 7))


class Frames:
    def __add__(self, o):
        f = sys._getframe(1)
        return f.f_code.co_name, f.f_lineno - f.f_code.co_firstlineno, o


def caller():
    return Frames() + 1


print(caller())


class Boom:
    def __add__(self, o):
        raise ValueError("boom " + repr(o))

    def __getitem__(self, k):
        raise KeyError(k)


for thunk in (lambda: Boom() + 1, lambda: Boom()["k"]):
    try:
        thunk()
    except (ValueError, KeyError) as e:
        tb = e.__traceback__
        names = []
        while tb is not None:
            names.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        print(type(e).__name__, e, names)


class Deep:
    def __add__(self, o):
        return self + o


try:
    Deep() + 1
except RecursionError as e:
    print(type(e).__name__, e)


def handler():
    try:
        return Boom() + 2
    except ValueError as e:
        return "handled " + str(e)


print(handler())


class Counter:
    n = 0

    def __add__(self, o):
        Counter.n += 1
        return self


c = Counter()
for i in range(1000):
    c = c + i
print(Counter.n)


class Inplace:
    def __add__(self, o):
        return "add"

    def __iadd__(self, o):
        return "iadd"


x = Inplace()
x += 1
print(x, Inplace() + 1)
