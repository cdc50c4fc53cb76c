# Subclassing float.
class Meters(float):
    def __repr__(self):
        return f"{float(self)}m"
    def __add__(self, other):
        return Meters(float(self) + float(other))
m = Meters(2.5)
print(m, repr(m), m + 1, type(m + 1).__name__, m * 2, type(m * 2).__name__)
print(isinstance(m, float), m == 2.5, hash(m) == hash(2.5), round(m), m.is_integer())
class Pos(float):
    def __new__(cls, v):
        if v < 0:
            raise ValueError("negative")
        return super().__new__(cls, v)
print(Pos(3), Pos(4.5))
try:
    Pos(-1)
except ValueError as e:
    print("ValueError:", e)
print(sorted([Meters(3), 1.0, Meters(0.5)]))
