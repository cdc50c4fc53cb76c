# @ and @= with __matmul__/__rmatmul__/__imatmul__; __pos__/__abs__/__invert__ on a matrix class.
class M:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
    def __matmul__(self, o):
        if isinstance(o, M):
            return M([[sum(a * b for a, b in zip(r, c)) for c in zip(*o.rows)] for r in self.rows])
        return NotImplemented
    def __rmatmul__(self, o):
        if isinstance(o, list):
            return [sum(a * b for a, b in zip(o, c)) for c in zip(*self.rows)]
        return NotImplemented
    def __imatmul__(self, o):
        print("in-place matmul")
        self.rows = (self @ o).rows
        return self
    def __pos__(self):
        return M(self.rows)
    def __neg__(self):
        return M([[-x for x in r] for r in self.rows])
    def __abs__(self):
        return sum(abs(x) for r in self.rows for x in r)
    def __invert__(self):
        return M(zip(*self.rows))
    def __repr__(self):
        return f"M({self.rows})"
a = M([[1, 2], [3, 4]])
b = M([[0, 1], [1, 0]])
print(a @ b, b @ a, [1, 1] @ a, +a, -a, abs(-a), ~a)
c = a
c @= b
print(c, c is a)
try:
    a @ 5
except TypeError as e:
    print("TypeError:", e)
try:
    5 @ a
except TypeError as e:
    print("TypeError:", e)
