# What object provides: __eq__ identity, __hash__, __str__ -> __repr__, __ne__ from __eq__.
class Plain:
    pass
a, b = Plain(), Plain()
print(a == a, a == b, a != b, a != a, hash(a) == hash(a), str(a) == repr(a), bool(a))
class EqOnly:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, EqOnly) and self.v == other.v
print(EqOnly(1) == EqOnly(1), EqOnly(1) != EqOnly(1), EqOnly(1) != EqOnly(2), EqOnly.__hash__)
try:
    hash(EqOnly(1))
except TypeError as e:
    print("TypeError:", e)
class ReprOnly:
    def __repr__(self):
        return "ReprOnly()"
print(str(ReprOnly()), f"{ReprOnly()}", [ReprOnly()], format(ReprOnly()))
class StrOnly:
    def __str__(self):
        return "just str"
s = StrOnly()
print(str(s), f"{s}", "%s" % s, repr(s).startswith("<__main__.StrOnly object at 0x"))
print(object.__name__, object.__bases__, type(object()).__name__)
try:
    object().x = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    Plain().missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Plain.missing
except AttributeError as e:
    print("AttributeError:", e)
print(Plain.__init__ is object.__init__, Plain.__doc__, type(Plain.__dict__).__name__)
