# __eq__ between parent/child classes, NotImplemented fallbacks, and consistency with hashing and sets.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        if not isinstance(other, Point):
            return NotImplemented
        return (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"{type(self).__name__}({self.x}, {self.y})"
class ColorPoint(Point):
    def __init__(self, x, y, color):
        super().__init__(x, y)
        self.color = color
    def __eq__(self, other):
        if isinstance(other, ColorPoint):
            return super().__eq__(other) and self.color == other.color
        return super().__eq__(other)
    __hash__ = Point.__hash__
p, cp, cp2 = Point(1, 2), ColorPoint(1, 2, "red"), ColorPoint(1, 2, "blue")
print(p == cp, cp == p, cp == cp2, cp != cp2, p == (1, 2), (1, 2) == p, p != "x")
print(len({p, cp, cp2}), {p: "p"}[cp], sorted([repr(x) for x in {cp, cp2}]))
print([p, cp].count(Point(1, 2)), Point(1, 2) in [cp2], [cp].index(p))
class Loose:
    def __eq__(self, other):
        return True
    __hash__ = object.__hash__
print(Loose() == Loose(), Loose() in [1, "a"], len({Loose(), Loose()}))
