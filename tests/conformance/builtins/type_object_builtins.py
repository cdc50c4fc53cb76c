# type(), object(), super and property as builtins; len, abs on custom types; hash(); id identity.
print(type(1), type("s"), type([]), type(type), type(None), type(print), type(len).__name__)
o = object()
print(type(o).__name__, isinstance(o, object), o == o, o != object(), hasattr(o, "__dict__"))
class Base:
    def hello(self):
        return "base hello"
class Derived(Base):
    def hello(self):
        return "derived + " + super().hello()
print(Derived().hello(), super(Derived, Derived()).hello())
p = property(lambda self: 42)
C = type("C", (), {"answer": p})
print(C().answer, type(p).__name__)
print(len("abc"), len([1, 2]), len({}), len(range(10)), len(b"xy"), len({1: 2}), len(frozenset()))
try:
    len(iter([]))
except TypeError as e:
    print("TypeError:", e)
print(hash(None) == hash(None), hash((1, "a")) == hash((1, "a")), hash(frozenset({1})) == hash(frozenset([1])))
x = y = []
print(id(x) == id(y), x is y)
print(type("X", (int,), {})(5) + 1, type(type("E", (), {})()).__name__)
