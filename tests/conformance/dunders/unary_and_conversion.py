# Unary operators and conversion dunders: __neg__, __pos__, __abs__, __invert__, __int__, __float__,
# __complex__, __index__, __round__, __trunc__, __floor__, __ceil__, __bool__.
import math
class Num:
    def __init__(self, v):
        self.v = v
    def __neg__(self): return Num(-self.v)
    def __pos__(self): return Num(+self.v)
    def __abs__(self): return Num(abs(self.v))
    def __invert__(self): return Num(~int(self.v))
    def __int__(self): return int(self.v)
    def __float__(self): return float(self.v)
    def __complex__(self): return complex(self.v, 1)
    def __index__(self): return int(self.v)
    def __round__(self, n=None): return f"round({self.v}, {n})"
    def __trunc__(self): return "trunc"
    def __floor__(self): return "floor"
    def __ceil__(self): return "ceil"
    def __bool__(self): return self.v != 0
    def __repr__(self): return f"Num({self.v})"
n = Num(-3.7)
print(-n, +n, abs(n), ~Num(5), int(n), float(n), complex(n), round(n), round(n, 2))
print(math.trunc(n), math.floor(n), math.ceil(n), bool(n), bool(Num(0)), not Num(0))
m = Num(4)
print(bin(m), hex(m), oct(m), [10, 20, 30, 40, 50][m], "abcdef"[m:], list(range(m)), operator_like := m.__index__())
class NoNeg:
    pass
for f in [lambda: -NoNeg(), lambda: +NoNeg(), lambda: abs(NoNeg()), lambda: ~NoNeg(), lambda: int(NoNeg()),
          lambda: float(NoNeg()), lambda: round(NoNeg()), lambda: [1][NoNeg()], lambda: math.floor(NoNeg())]:
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
class BadInt:
    def __int__(self):
        return "x"
try:
    int(BadInt())
except TypeError as e:
    print("TypeError:", e)
class BadIndex:
    def __index__(self):
        return 1.5
try:
    [1][BadIndex()]
except TypeError as e:
    print("TypeError:", e)
