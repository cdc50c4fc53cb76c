# A Fraction-like class implementing the arithmetic protocol fully.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
class Frac:
    def __init__(self, n, d=1):
        if d == 0:
            raise ZeroDivisionError("Frac(%s, 0)" % n)
        if d < 0:
            n, d = -n, -d
        g = gcd(n, d) or 1
        self.n, self.d = n // g, d // g
    @staticmethod
    def _c(o):
        if isinstance(o, Frac):
            return o
        if isinstance(o, int):
            return Frac(o)
        return None
    def __add__(self, o):
        o = self._c(o)
        return NotImplemented if o is None else Frac(self.n * o.d + o.n * self.d, self.d * o.d)
    __radd__ = __add__
    def __sub__(self, o):
        o = self._c(o)
        return NotImplemented if o is None else Frac(self.n * o.d - o.n * self.d, self.d * o.d)
    def __rsub__(self, o):
        o = self._c(o)
        return NotImplemented if o is None else o - self
    def __mul__(self, o):
        o = self._c(o)
        return NotImplemented if o is None else Frac(self.n * o.n, self.d * o.d)
    __rmul__ = __mul__
    def __truediv__(self, o):
        o = self._c(o)
        return NotImplemented if o is None else Frac(self.n * o.d, self.d * o.n)
    def __rtruediv__(self, o):
        o = self._c(o)
        return NotImplemented if o is None else o / self
    def __neg__(self):
        return Frac(-self.n, self.d)
    def __eq__(self, o):
        o = self._c(o)
        return NotImplemented if o is None else (self.n, self.d) == (o.n, o.d)
    def __lt__(self, o):
        o = self._c(o)
        return NotImplemented if o is None else self.n * o.d < o.n * self.d
    def __hash__(self):
        return hash((self.n, self.d))
    def __float__(self):
        return self.n / self.d
    def __repr__(self):
        return f"{self.n}/{self.d}" if self.d != 1 else f"{self.n}"
h = Frac(0)
for k in range(1, 11):
    h = h + Frac(1, k)
print(h, float(h))
print(Frac(1, 2) + 1, 1 + Frac(1, 2), 1 - Frac(1, 3), Frac(2, 3) * 3, 3 / Frac(3, 4), -Frac(5, 10))
print(Frac(1, 2) == Frac(2, 4), Frac(1, 2) == 0.5, Frac(2, 2) == 1, Frac(1, 3) < Frac(1, 2), Frac(3, 2) > Frac(1))
print(sorted([Frac(1, 2), Frac(1, 3), Frac(3, 4), Frac(0)]), {Frac(1, 2): "half"}[Frac(2, 4)])
print(sum([Frac(1, n) for n in range(1, 5)], Frac(0)), max(Frac(7, 8), Frac(8, 9)))
try:
    Frac(1, 2) + 0.5
except TypeError as e:
    print("TypeError:", e)
try:
    Frac(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
