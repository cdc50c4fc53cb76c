# LOAD_ATTR's own cache of a method (o.m() and o.m): every change that must make the same
# instruction find something else, run through one call site that warmed up first.


def call_m(o):
    return o.m()


def get_m(o):
    return o.m


def show(label, o):
    try:
        r = call_m(o)
    except Exception as e:
        r = f"{type(e).__name__}: {e}"
    try:
        b = get_m(o)
        b = b() if callable(b) else b
    except Exception as e:
        b = f"{type(e).__name__}: {e}"
    print(label, r, b)


class A:
    def __init__(self):
        self.x = 1

    def m(self):
        return "A.m"


a = A()
for _ in range(5):
    show("warm", a)

# The class's method replaced, then deleted (falls back to nothing).
A.m = lambda self: "A.m replaced"
show("replaced", a)
del A.m
show("deleted", a)
A.m = lambda self: "A.m again"
show("again", a)

# An instance attribute shadowing the method (a new shared key).
a.m = lambda: "instance m"
show("shadowed", a)
del a.m
show("unshadowed", a)

# A second instance: keys grew, the first never set it.
b = A()
show("other instance", b)
b.m = lambda: "b's own"
show("other shadowed", b)
show("first again", a)


# A base class's method changed under a subclass.
class Base:
    def m(self):
        return "Base.m"


class Sub(Base):
    pass


s = Sub()
for _ in range(3):
    show("sub warm", s)
Base.m = lambda self: "Base.m replaced"
show("base replaced", s)
Sub.m = lambda self: "Sub.m"
show("sub own", s)
del Sub.m
show("sub del", s)


# __class__ assignment to a class with another m.
class Other:
    def m(self):
        return "Other.m"


s.__class__ = Other
show("class assigned", s)
s.__class__ = Sub
show("class back", s)


# __bases__ assignment.
class NewBase:
    def m(self):
        return "NewBase.m"


Sub.__bases__ = (NewBase,)
show("bases assigned", s)


# __dict__ replaced with one holding m.
d = A()
show("before dict", d)
d.__dict__ = {"m": lambda: "from new __dict__"}
show("dict replaced", d)
d.__dict__ = {}
show("dict emptied", d)


# __getattribute__ / __getattr__ defined later.
class G:
    def m(self):
        return "G.m"


g = G()
for _ in range(3):
    show("g warm", g)
G.__getattribute__ = lambda self, name: (lambda: "from __getattribute__")
show("getattribute", g)
del G.__getattribute__
show("getattribute removed", g)
G.__getattr__ = lambda self, name: "getattr " + name
del G.m
show("getattr fallback", g)


# A data descriptor replacing the method on the class.
class D:
    def m(self):
        return "D.m"


dd = D()
for _ in range(3):
    show("d warm", dd)
D.m = property(lambda self: (lambda: "property result"))
show("property", dd)


class Meta(type):
    pass


class WithMeta(metaclass=Meta):
    def m(self):
        return "WithMeta.m"


w = WithMeta()
show("meta", w)
Meta.m = property(lambda cls: "meta property")
show("meta data descriptor", w)
print(WithMeta.m)


# __slots__ instances (no attribute storage) and a slot named like nothing else.
class S:
    __slots__ = ("x",)

    def m(self):
        return "S.m"


so = S()
for _ in range(3):
    show("slots", so)
S.m = lambda self: "S.m replaced"
show("slots replaced", so)
try:
    so.m = 5
except AttributeError as e:
    print("slots store", e)


# Builtin instances through the same site.
class L(list):
    def m(self):
        return "L.m"


show("list subclass", L())
show("list subclass again", L())


# Staticmethod, classmethod and a plain callable object on the class.
class K:
    m = staticmethod(lambda: "static")


show("staticmethod", K())
K.m = classmethod(lambda cls: "classmethod " + cls.__name__)
show("classmethod", K())


class Callable:
    def __call__(self, *args):
        return f"callable with {len(args)} args"


K.m = Callable()
show("callable object", K())


# A method whose class dies while the call site still remembers it.
def make():
    class T:
        def m(self):
            return "T.m"

    return T()


for i in range(3):
    show("fresh class", make())
import gc

gc.collect()
show("after collect", make())


# The old method may be freed when replaced (CPython frees it at once; a method cache that
# holds it may delay that): its __del__-bearing default runs code at a site that used it.
seen = []


class Noisy:
    def __del__(self):
        seen.append((call_m(victim), get_m(victim)()))


class V:
    def m(self, _keep=Noisy()):
        return "V.m"


victim = V()
for _ in range(3):
    show("v warm", victim)
V.m = lambda self: "V.m replaced"
gc.collect()
show("v after", victim)
print("during del", all(r == ("V.m replaced", "V.m replaced") for r in seen))
