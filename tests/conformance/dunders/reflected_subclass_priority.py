# A subclass's reflected method is tried first when it overrides it.
class Base:
    def __init__(self, name):
        self.name = name
    def __add__(self, other):
        return f"{self.name}.__add__"
    def __radd__(self, other):
        return f"{self.name}.__radd__"
    def __lt__(self, other):
        return f"{self.name}.__lt__"
    def __gt__(self, other):
        return f"{self.name}.__gt__"
class Sub(Base):
    def __radd__(self, other):
        return f"{self.name}.__radd__ (sub)"
    def __gt__(self, other):
        return f"{self.name}.__gt__ (sub)"
class SubNoOverride(Base):
    pass
b, s, n = Base("b"), Sub("s"), SubNoOverride("n")
print(b + s, s + b, b + n, n + b, b + b)
print(b < s, s < b, b < n, b > s)
class Left:
    def __add__(self, other):
        print("Left.__add__ -> NotImplemented")
        return NotImplemented
class Right:
    def __radd__(self, other):
        print("Right.__radd__")
        return "right wins"
print(Left() + Right())
class Both:
    def __add__(self, other):
        return NotImplemented
    def __radd__(self, other):
        return NotImplemented
try:
    Both() + Both()
except TypeError as e:
    print("TypeError:", e)
class IntLike(int):
    def __radd__(self, other):
        return "IntLike.__radd__"
    def __rsub__(self, other):
        return NotImplemented
print(1 + IntLike(2), IntLike(2) + 1, 5 - IntLike(3))
