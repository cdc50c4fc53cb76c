# Class attributes read through instances (`self.CONST`) at one warmed-up site: values of
# every kind, then each change that must make the site find something else.


def read(o):
    try:
        return o.K
    except AttributeError as e:
        return f"AttributeError: {e}"


def read_call(o):
    try:
        return o.K()
    except Exception as e:
        return f"{type(e).__name__}: {e}"


class C:
    def __init__(self):
        self.a = 1


c = C()
for value in [5, -7, 2**70, 1.5, -0.0, None, True, False, "text", (1, 2), len]:
    C.K = value
    print([read(c) for _ in range(3)])

C.K = 10
for _ in range(3):
    read(c)
# Shadowed by the instance (a new key), then unshadowed.
c.K = "own"
print(read(c))
del c.K
print(read(c))
# Another instance shadows it; the first does not.
d = C()
d.K = "d's"
print(read(d), read(c))
# Deleted from the class, then set again.
del C.K
print(read(c))
C.K = 11
print(read(c), read(c))


# The attribute's class gains a __get__ later (the owner's class does not change).
class Plain:
    pass


C.K = Plain()
for _ in range(3):
    r = read(c)
print(type(r).__name__)
Plain.__get__ = lambda self, obj, cls: "via __get__"
print(read(c))
del Plain.__get__
print(type(read(c)).__name__)


# Inherited from a base that changes.
class Base:
    K = "base"


class Sub(Base):
    pass


s = Sub()
for _ in range(3):
    read(s)
Base.K = "base changed"
print(read(s))
Sub.K = "sub"
print(read(s))


# A callable class attribute through the method form (no binding for plain objects).
class Callable:
    def __call__(self, *args):
        return f"called with {len(args)}"


Sub.K = Callable()
print([read_call(s) for _ in range(3)])
Sub.K = 3
print(read_call(s))


# __slots__ instances and instances with a materialized __dict__.
class S:
    __slots__ = ("x",)
    K = "slots class"


so = S()
print([read(so) for _ in range(3)])
S.K = "slots class changed"
print(read(so))

m = C()
C.K = "k"
for _ in range(3):
    read(m)
m.__dict__["K"] = "through __dict__"
print(read(m))
