# Gaussian elimination over exact fractions (a hand-written Fraction class).
from math import gcd
class Q:
    __slots__ = ("n", "d")
    def __init__(self, n, d=1):
        if d < 0:
            n, d = -n, -d
        g = gcd(n, d) or 1
        self.n, self.d = n // g, d // g
    def __add__(self, o): o = q(o); return Q(self.n * o.d + o.n * self.d, self.d * o.d)
    def __sub__(self, o): o = q(o); return Q(self.n * o.d - o.n * self.d, self.d * o.d)
    def __mul__(self, o): o = q(o); return Q(self.n * o.n, self.d * o.d)
    def __truediv__(self, o): o = q(o); return Q(self.n * o.d, self.d * o.n)
    def __neg__(self): return Q(-self.n, self.d)
    def __eq__(self, o): o = q(o); return self.n == o.n and self.d == o.d
    def __bool__(self): return self.n != 0
    def __repr__(self): return str(self.n) if self.d == 1 else f"{self.n}/{self.d}"
def q(x):
    return x if isinstance(x, Q) else Q(x)
def solve(a, b):
    n = len(a)
    m = [[q(v) for v in row] + [q(bv)] for row, bv in zip(a, b)]
    for col in range(n):
        pivot = next((r for r in range(col, n) if m[r][col]), None)
        if pivot is None:
            raise ValueError("singular matrix")
        m[col], m[pivot] = m[pivot], m[col]
        pv = m[col][col]
        m[col] = [v / pv for v in m[col]]
        for r in range(n):
            if r != col and m[r][col]:
                f = m[r][col]
                m[r] = [rv - f * cv for rv, cv in zip(m[r], m[col])]
    return [row[-1] for row in m]
def det(a):
    m = [[q(v) for v in row] for row in a]
    n, sign, result = len(m), 1, Q(1)
    for col in range(n):
        pivot = next((r for r in range(col, n) if m[r][col]), None)
        if pivot is None:
            return Q(0)
        if pivot != col:
            m[col], m[pivot] = m[pivot], m[col]
            sign = -sign
        result = result * m[col][col]
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            m[r] = [rv - f * cv for rv, cv in zip(m[r], m[col])]
    return result * sign
A = [[2, 1, -1], [-3, -1, 2], [-2, 1, 2]]
print(solve(A, [8, -11, -3]), det(A))
H = [[Q(1, i + j + 1) for j in range(4)] for i in range(4)]
print(det(H), solve(H, [1, 0, 0, 0]))
try:
    solve([[1, 2], [2, 4]], [3, 6])
except ValueError as e:
    print("ValueError:", e)
print(det([[1, 2], [2, 4]]), det([[0, 1], [1, 0]]), det([[5]]))
