# Introspecting classes: __dict__ keys, __mro__, __subclasses__, __bases__, __qualname__ for nested classes.
class Base:
    """Base docstring."""
    x = 1
    def method(self):
        pass
class Mid(Base):
    y = 2
class Leaf(Mid):
    class Inner:
        class Deeper:
            pass
    z = 3
print(Base.__doc__, Mid.__doc__, Leaf.__bases__, [c.__name__ for c in Leaf.__mro__])
print(Base.__subclasses__(), Mid.__subclasses__(), Leaf.__subclasses__())
print(sorted(k for k in Leaf.__dict__ if not k.startswith("__")), sorted(k for k in Base.__dict__ if not k.startswith("__")))
print(Leaf.Inner.Deeper.__qualname__, Leaf.Inner.__name__, Leaf.Inner.Deeper.__module__)
print(Leaf.x, Leaf.y, Leaf.z, "x" in Leaf.__dict__, hasattr(Leaf, "x"), Leaf.method is Base.method)
print(issubclass(Leaf, Base), isinstance(Leaf(), Mid), type(Leaf()).__mro__[1] is Mid, Leaf.__mro__ == Leaf.mro() if False else tuple(Leaf.mro()) == Leaf.__mro__)
print(type.__name__, type(Base).__name__, Base.__class__.__name__, Base().__class__.__name__, object.__subclasses__ is not None)
