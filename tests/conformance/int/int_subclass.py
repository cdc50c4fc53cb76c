# Subclasses of int keep arithmetic but return plain ints from operators.
class MyInt(int):
    def __repr__(self):
        return f"MyInt({int(self)})"
    def double(self):
        return MyInt(self * 2)
a = MyInt(21)
print(a, repr(a), a + 1, type(a + 1).__name__, a.double(), type(a.double()).__name__)
print(a == 21, a < 22, hash(a) == hash(21), isinstance(a, int))
print(str(a), int(a), type(int(a)).__name__)
class Flagged(int):
    def __new__(cls, value, flag):
        obj = super().__new__(cls, value)
        obj.flag = flag
        return obj
f = Flagged(5, "x")
print(f, f.flag, f * 2, -f, abs(Flagged(-3, "y")))
class Add(int):
    def __add__(self, other):
        return "custom add"
    def __radd__(self, other):
        return "custom radd"
print(Add(1) + 2, 2 + Add(1), Add(1) + Add(2))
print(sorted([MyInt(3), 1, MyInt(2)]))
print(MyInt("ff", 16), MyInt(3.7))
