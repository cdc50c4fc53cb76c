# One attribute site that sees instances of several classes (the inline cache keeps two
# instance places), then the classes change under it.


class Base:
    def __init__(self, x):
        self.x = x
        self.y = x * 2

    def get_x(self):
        return self.x

    def get_y(self):
        return self.y


class A(Base):
    pass


class B(Base):
    pass


class C(Base):
    pass


class D(Base):
    def __init__(self, x):
        self.y = -x
        self.x = x + 100


def read_all(objs, rounds=3):
    out = []
    for _ in range(rounds):
        for o in objs:
            out.append((type(o).__name__, o.get_x(), o.get_y()))
    return out


objs = [A(1), B(2), A(3), B(4)]
print(read_all(objs))

# A third and fourth class at the same sites (different layout for D).
objs += [C(5), D(6)]
print(read_all(objs))

# A property on one sibling shadows the instance attribute (data descriptor wins).
B.x = property(lambda self: "prop-x")
print(read_all(objs, 2))
del B.x
print(read_all(objs, 2))

# A class attribute without __get__ does not shadow the instance attribute.
A.x = "class-x"
print(read_all(objs, 2))
del A.x

# An instance that loses its attribute: AttributeError at the same site.
a = A(7)
del a.x
for o in [a, B(8)] * 2:
    try:
        print(o.get_x())
    except AttributeError as e:
        print("AttributeError", e)

# __dict__ replaced on one instance, seen alternately with others.
b = B(9)
b.__dict__ = {"x": "dict-x", "y": "dict-y"}
print(read_all([A(10), b, B(11), b], 2))

# __class__ assignment between siblings.
o = A(12)
print(read_all([o, B(13)], 1))
o.__class__ = B
print(read_all([o, A(14)], 1))

# __getattr__ added to a base later: only for missing attributes.
Base.__getattr__ = lambda self, name: "missing-" + name
a = A(15)
del a.y
print(read_all([a, B(16)], 2))
del Base.__getattr__

# __getattribute__ added to one sibling later.
B.__getattribute__ = lambda self, name: (
    "ga-x" if name == "x" else object.__getattribute__(self, name)
)
print(read_all([A(17), B(18)], 2))
del B.__getattribute__
print(read_all([A(17), B(18)], 2))


# __slots__ siblings at one site.
class S1:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x
        self.y = -x


class S2(S1):
    __slots__ = ()


class S3:
    __slots__ = ("y", "x")

    def __init__(self, x):
        self.x = x
        self.y = -x


def sx(o):
    return o.x


for o in [S1(1), S2(2), S3(3), S1(4), S3(5)] * 2:
    print(sx(o), end=" ")
print()
s = S3(6)
del s.x
for o in [S1(7), s]:
    try:
        print(sx(o))
    except AttributeError as e:
        print("AttributeError", e)


# Stores at one site on two sibling classes, then a data descriptor on one of them.
def set_x(o, v):
    o.x = v


log = []
for i in range(6):
    o = (A if i % 2 else B)(0)
    set_x(o, i)
    log.append(o.x)
print(log)


class Logged:
    def __set__(self, obj, v):
        log.append(("set", v))

    def __get__(self, obj, cls):
        return "logged"


B.x = Logged()
log = []
for i in range(4):
    o = (A if i % 2 else B)(0)
    set_x(o, i)
    log.append(o.x)
print(log)
del B.x

# Module attributes and instance attributes at one site.
import math


class HasPi:
    def __init__(self):
        self.pi = "inst-pi"


def get_pi(o):
    return o.pi


print([get_pi(o) for o in [math, HasPi(), math, HasPi(), math]])
