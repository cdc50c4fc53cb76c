# CALL paths that push a frame in the eval loop: class instantiation with a Python
# __init__, instances with a Python __call__, and keyword arguments bound without the
# general binder. Results, errors, tracebacks and frames must match the Rust paths.
import sys


class Point:
    def __init__(self, x, y=0):
        self.x = x
        self.y = y


class BadInit:
    def __init__(self, v):
        return v


class Caller:
    def __call__(self, a, b=2, *, c=3):
        return (a, b, c, sys._getframe(1).f_code.co_name)


class GenCall:
    def __call__(self, n):
        for i in range(n):
            yield i * i


class StaticCall:
    __call__ = staticmethod(lambda *a: ("static", a))


class Meta(type):
    def __call__(cls, *a):
        return ("meta", cls.__name__, a)


class WithMeta(metaclass=Meta):
    def __init__(self, *a):
        raise AssertionError("not reached")


class NewOverride:
    def __new__(cls, v):
        o = super().__new__(cls)
        o.from_new = v
        return o

    def __init__(self, v):
        self.from_init = v * 2


def frames_of(exc):
    names = []
    tb = exc.__traceback__
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    return names


def instantiation():
    p = Point(1)
    q = Point(2, 3)
    r = Point(y=5, x=4)
    print("points", p.x, p.y, q.x, q.y, r.x, r.y)
    for arg in (None, 0, "s"):
        try:
            BadInit(arg)
            print("ok", arg)
        except TypeError as e:
            print("TypeError", e)
    try:
        Point()
    except TypeError as e:
        print("TypeError", e)
    try:
        Point(1, 2, 3)
    except TypeError as e:
        print("TypeError", e)
    try:
        Point(1, z=2)
    except TypeError as e:
        print("TypeError", e)
    print(WithMeta(1, 2))
    n = NewOverride(4)
    print("new/init", n.from_new, n.from_init)


def dunder_call():
    c = Caller()
    print(c(1), c(1, 5), c(1, c=9), c(a=7))
    try:
        c()
    except TypeError as e:
        print("TypeError", e)
    print(list(GenCall()(4)))
    print(StaticCall()(1, 2))
    c.__call__ = lambda *a: "instance attribute is ignored"
    print(c(0)[:1])
    try:
        object()()
    except TypeError as e:
        print("TypeError", e)


def raising(self, *a):
    raise ValueError("from " + type(self).__name__)


class RaisesInit:
    __init__ = raising


class RaisesCall:
    __call__ = raising


def tracebacks():
    for make in (lambda: RaisesInit(1), lambda: RaisesCall()(2)):
        try:
            make()
        except ValueError as e:
            print(e, frames_of(e))


class Deep:
    def __init__(self, n):
        self.child = Deep(n + 1)


class DeepCall:
    def __call__(self, n):
        return self(n + 1)


def recursion():
    for f in (lambda: Deep(0), lambda: DeepCall()(0)):
        try:
            f()
        except RecursionError as e:
            print("RecursionError", e)


def keywords():
    def f(a, b=2, c=3, *, d=4, e):
        return (a, b, c, d, e)

    print(f(1, e=5), f(1, c=7, e=0), f(e=1, a=2, d=3), f(1, 2, 3, d=0, e=9))
    for call in (
        lambda: f(1, a=2, e=3),
        lambda: f(1, e=2, zz=3),
        lambda: f(1),
        lambda: f(b=1, e=2),
    ):
        try:
            call()
        except TypeError as e:
            print("TypeError", e)

    def g(a, /, b, **kw):
        return (a, b, kw)

    print(g(1, b=2), g(1, 2, a=3))
    name = "".join(["c", "c"])

    def h(cc=0, dd=1):
        return (cc, dd)

    print(h(**{name: 5}), h(dd=3))


instantiation()
dunder_call()
tracebacks()
recursion()
keywords()
