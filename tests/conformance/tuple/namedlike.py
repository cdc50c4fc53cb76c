# Tuple-returning functions, swapping, nested unpacking, tuple subclasses.
def divmod_plus(a, b):
    return a // b, a % b, a / b
q, r, f = divmod_plus(17, 5)
print(q, r, f)
a, b = 1, 2
a, b = b, a
print(a, b)
(x, y), z = (1, 2), 3
print(x, y, z)
pairs = [(1, "one"), (2, "two"), (3, "three")]
for num, name in pairs:
    print(num, name)
nums, names = zip(*pairs)
print(nums, names)
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    @property
    def y(self):
        return self[1]
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
p = Point(3, 4)
print(p, p.x, p.y, p + (5,), type(p + (5,)).__name__, p == (3, 4), len(p), hash(p) == hash((3, 4)))
print(sorted([Point(2, 1), Point(1, 5)]))
