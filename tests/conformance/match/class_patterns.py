# Class patterns: positional (__match_args__), keyword, builtins, nesting, guards.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
class Circle:
    __match_args__ = ("center", "radius")
    def __init__(self, center, radius):
        self.center, self.radius = center, radius
class Rect:
    def __init__(self, corner, w, h):
        self.corner, self.w, self.h = corner, w, h
def area(shape):
    match shape:
        case Circle(Point(x=0, y=0), r):
            return f"origin circle r={r}"
        case Circle(center=Point(x, y), radius=r) if r > 10:
            return f"big circle at {x},{y}"
        case Circle(_, r):
            return f"circle area {3 * r * r}"
        case Rect(w=w, h=h) if w == h:
            return f"square {w}"
        case Rect(corner=Point(x, y), w=w, h=h):
            return f"rect at {x},{y} area {w * h}"
        case Point(0, 0):
            return "origin point"
        case Point(x, 0) | Point(0, x):
            return f"on an axis at {x}"
        case Point():
            return "some point"
        case _:
            return "unknown"
shapes = [Circle(Point(0, 0), 2), Circle(Point(1, 2), 20), Circle(Point(1, 1), 3), Rect(Point(0, 0), 4, 4),
          Rect(Point(2, 3), 2, 5), Point(0, 0), Point(5, 0), Point(0, 7), Point(1, 1), "nope"]
for s in shapes:
    print(area(s))
def builtin_types(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(n):
            return f"int {n}"
        case float(f):
            return f"float {f}"
        case str(s):
            return f"str {s}"
        case list([a, *_]):
            return f"list starting {a}"
        case dict({"k": val}):
            return f"dict with k={val}"
        case tuple():
            return "tuple"
        case _:
            return "other"
for v in [True, 3, 2.5, "s", [9, 8], {"k": 1}, (), None]:
    print(repr(v), builtin_types(v))
class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print("TypeError:", e)
class TooMany:
    __match_args__ = ("a",)
    a = 1
try:
    match TooMany():
        case TooMany(1, 2):
            pass
except TypeError as e:
    print("TypeError:", e)
