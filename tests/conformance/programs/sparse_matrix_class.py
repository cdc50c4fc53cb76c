# A sparse matrix class backed by dicts: arithmetic dunders, transpose, multiplication and dense rendering.
class Sparse:
    def __init__(self, rows, cols, data=None):
        self.rows, self.cols = rows, cols
        self.data = {k: v for k, v in (data or {}).items() if v}
    @classmethod
    def identity(cls, n):
        return cls(n, n, {(i, i): 1 for i in range(n)})
    def __getitem__(self, rc):
        return self.data.get(rc, 0)
    def __setitem__(self, rc, v):
        if v:
            self.data[rc] = v
        else:
            self.data.pop(rc, None)
    def __add__(self, o):
        out = dict(self.data)
        for k, v in o.data.items():
            out[k] = out.get(k, 0) + v
        return Sparse(self.rows, self.cols, out)
    def __mul__(self, k):
        return Sparse(self.rows, self.cols, {p: v * k for p, v in self.data.items()})
    __rmul__ = __mul__
    def __matmul__(self, o):
        out = {}
        by_row = {}
        for (i, j), v in o.data.items():
            by_row.setdefault(i, []).append((j, v))
        for (i, k), v in self.data.items():
            for j, w in by_row.get(k, []):
                out[(i, j)] = out.get((i, j), 0) + v * w
        return Sparse(self.rows, o.cols, out)
    def T(self):
        return Sparse(self.cols, self.rows, {(j, i): v for (i, j), v in self.data.items()})
    def __eq__(self, o):
        return (self.rows, self.cols, self.data) == (o.rows, o.cols, o.data)
    def __len__(self):
        return len(self.data)
    def __repr__(self):
        return "\n".join(" ".join(f"{self[i, j]:>3}" for j in range(self.cols)) for i in range(self.rows))
a = Sparse(3, 4, {(0, 0): 1, (0, 3): 2, (1, 1): 3, (2, 2): 4})
b = Sparse(4, 2, {(0, 0): 5, (3, 1): 6, (2, 0): -1})
print(a, "", b, "", a @ b, sep="\n")
print(len(a), len(a @ b), (a @ b).T() == b.T() @ a.T(), a @ Sparse.identity(4) == a, (2 * a + a) == a * 3)
a[0, 0] = 0
a[2, 3] = 9
print(sorted(a.data.items()), a[1, 1], a[0, 1])
