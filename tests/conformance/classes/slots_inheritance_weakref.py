# __slots__ across inheritance, __weakref__ slot, empty slots subclasses, and slot defaults via class attrs.
import weakref
class A:
    __slots__ = ("a",)
class B(A):
    __slots__ = ("b",)
class C(B):
    __slots__ = ()
class W:
    __slots__ = ("v", "__weakref__")
c = C()
c.a, c.b = 1, 2
print(c.a, c.b, hasattr(c, "__dict__"), sorted(B.__slots__), C.__slots__)
try:
    c.z = 3
except AttributeError as e:
    print("AttributeError:", e)
w = W()
w.v = 5
r = weakref.ref(w)
print(r().v)
del w
print(r())
try:
    weakref.ref(c)
except TypeError as e:
    print("TypeError:", e)
class Defaults:
    __slots__ = ("x",)
    def __init__(self, x=None):
        if x is not None:
            self.x = x
    def get(self):
        return getattr(self, "x", "unset")
print(Defaults().get(), Defaults(7).get())
try:
    class Conflict:
        __slots__ = ("x",)
        x = 1
except ValueError as e:
    print("ValueError:", e)
class Many:
    __slots__ = [f"f{i}" for i in range(5)]
m = Many()
for i in range(5):
    setattr(m, f"f{i}", i * i)
print([getattr(m, f"f{i}") for i in range(5)], len(Many.__slots__))
