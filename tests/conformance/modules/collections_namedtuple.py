# collections.namedtuple: fields, defaults, _replace, _asdict, _make, subclassing.
from collections import namedtuple
Point = namedtuple("Point", ["x", "y"])
p = Point(3, 4)
print(p, p.x, p[1], p._fields, p._asdict(), p._replace(x=10), Point._make([5, 6]), tuple(p), p == (3, 4))
x, y = p
print(x + y, len(p), hash(p) == hash((3, 4)), isinstance(p, tuple), type(p).__name__)
Rec = namedtuple("Rec", "name age city", defaults=["unknown"])
print(Rec("ann", 30), Rec("bob", 25, "rome"), Rec._field_defaults, Rec.__doc__)
Renamed = namedtuple("Renamed", ["ok", "def", "ok", "_x"], rename=True)
print(Renamed._fields)
class Vec(namedtuple("Vec", "x y")):
    __slots__ = ()
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    @property
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
print(Vec(1, 2) + Vec(3, 4), Vec(3, 4).norm, sorted([Vec(2, 1), Vec(1, 5)]))
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
try:
    namedtuple("Bad", ["1x"])
except ValueError as e:
    print("ValueError:", e)
try:
    p._replace(z=1)
except TypeError as e:
    print("TypeError:", e)
