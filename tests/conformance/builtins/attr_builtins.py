# getattr, setattr, hasattr, delattr, vars, dir, callable.
class Obj:
    cls_attr = "c"
    def __init__(self):
        self.a = 1
    def method(self):
        return "m"
o = Obj()
print(getattr(o, "a"), getattr(o, "cls_attr"), getattr(o, "missing", "dflt"), getattr(o, "method")())
setattr(o, "b", 2)
setattr(o, "with space", 3)
print(vars(o), hasattr(o, "b"), hasattr(o, "zz"), getattr(o, "with space"))
delattr(o, "b")
print(hasattr(o, "b"), sorted(vars(o)))
try:
    getattr(o, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(o, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    delattr(o, "nope")
except AttributeError as e:
    print("AttributeError:", e)
print([n for n in dir(o) if not n.startswith("__")], "__class__" in dir(o))
print(callable(len), callable(Obj), callable(o), callable(o.method), callable(None), callable(lambda: 0))
class WithProp:
    @property
    def boom(self):
        raise ValueError("inside property")
try:
    hasattr(WithProp(), "boom")
except ValueError as e:
    print("hasattr propagates non-AttributeError:", e)
print(sorted(vars(Obj).keys() - {"__dict__", "__weakref__", "__module__", "__doc__", "__firstlineno__", "__static_attributes__"}))
