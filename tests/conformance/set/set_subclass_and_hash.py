# Sets with custom element hashing, subclasses and comparison results.
class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"P{self.x, self.y}"
pts = {P(1, 2), P(1, 2), P(2, 1)}
print(len(pts), P(2, 1) in pts, sorted(pts, key=lambda p: (p.x, p.y)))
class Tags(set):
    def __repr__(self):
        return "Tags(" + ",".join(sorted(map(str, self))) + ")"
t = Tags([3, 1])
t.add(2)
print(t, type(t | {9}).__name__, isinstance(t, set), t == {1, 2, 3}, t <= {1, 2, 3, 4})
print({1, 2} == [1, 2], {1, 2} != frozenset([1, 2]), {1} < {1, 2} < {1, 2, 3})
try:
    {1} < [1, 2]
except TypeError as e:
    print("TypeError:", e)
try:
    {1} | [2]
except TypeError as e:
    print("TypeError:", e)
print(sorted({1, 2}.union([3])), set.union({1}, {2}, {3}) == {1, 2, 3})
