# dataclasses: generated __init__/__repr__/__eq__, defaults, field(default_factory), asdict/astuple.
from dataclasses import dataclass, field, asdict, astuple, fields, replace
@dataclass
class Point:
    x: int
    y: int = 0
@dataclass
class Inventory:
    name: str
    items: list = field(default_factory=list)
    count: int = field(default=0, repr=False)
p = Point(1, 2)
print(p, Point(3), p == Point(1, 2), p != Point(2, 1), p.x, repr(Point(y=5, x=4)))
inv = Inventory("box")
inv.items.append("pen")
print(inv, Inventory("b2"), inv.count, asdict(inv), astuple(p), [f.name for f in fields(Inventory)])
print(replace(p, y=99), p)
try:
    Point()
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Mutable:
        items: list = []
except ValueError as e:
    print("ValueError:", e)
@dataclass
class Nested:
    origin: Point
    tags: tuple = ()
print(asdict(Nested(Point(1, 1), ("a",))), Nested(Point(0, 0)) == Nested(Point(0, 0)))
print(hasattr(Point, "__hash__"), Point.__hash__, Point.__match_args__)
