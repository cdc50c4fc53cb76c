# type(name, bases, dict) creates classes dynamically.
def init(self, x):
    self.x = x
Point = type("Point", (), {"__init__": init, "norm": lambda self: abs(self.x), "kind": "dyn"})
p = Point(-3)
print(Point.__name__, p.x, p.norm(), p.kind, type(p).__name__, Point.__bases__)
Sub = type("Sub", (Point,), {"extra": True})
s = Sub(4)
print(s.norm(), s.extra, isinstance(s, Point), [c.__name__ for c in Sub.__mro__])
print(type(5).__name__, type("s") is str, type(type) is type, type(object).__name__)
try:
    type("X", (5,), {})
except TypeError as e:
    print("TypeError:", e)
try:
    type("X", (), [])
except TypeError as e:
    print("TypeError:", e)
try:
    type(1, 2)
except TypeError as e:
    print("TypeError:", e)
Q = type("Q", (object,), {"__slots__": ("a",), "__repr__": lambda self: "Q!"})
print(Q(), Q.__qualname__, Q.__module__)
