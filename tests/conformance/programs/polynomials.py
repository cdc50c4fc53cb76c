# A polynomial class: arithmetic, evaluation (Horner), derivative, pretty printing, root finding.
class Poly:
    def __init__(self, coeffs):
        c = list(coeffs)
        while len(c) > 1 and c[-1] == 0:
            c.pop()
        self.c = c
    def __add__(self, o):
        o = o if isinstance(o, Poly) else Poly([o])
        n = max(len(self.c), len(o.c))
        return Poly([(self.c[i] if i < len(self.c) else 0) + (o.c[i] if i < len(o.c) else 0) for i in range(n)])
    __radd__ = __add__
    def __neg__(self):
        return Poly([-x for x in self.c])
    def __sub__(self, o):
        return self + (-o if isinstance(o, Poly) else -o)
    def __mul__(self, o):
        o = o if isinstance(o, Poly) else Poly([o])
        out = [0] * (len(self.c) + len(o.c) - 1)
        for i, a in enumerate(self.c):
            for j, b in enumerate(o.c):
                out[i + j] += a * b
        return Poly(out)
    __rmul__ = __mul__
    def __pow__(self, n):
        r = Poly([1])
        for _ in range(n):
            r = r * self
        return r
    def __call__(self, x):
        acc = 0
        for a in reversed(self.c):
            acc = acc * x + a
        return acc
    def deriv(self):
        return Poly([i * a for i, a in enumerate(self.c)][1:] or [0])
    def __eq__(self, o):
        return isinstance(o, Poly) and self.c == o.c
    def __repr__(self):
        terms = []
        for i in range(len(self.c) - 1, -1, -1):
            a = self.c[i]
            if a == 0 and len(self.c) > 1:
                continue
            sign = "-" if a < 0 else "+"
            mag = abs(a)
            body = ("" if mag == 1 and i else str(mag)) + ("x" if i else "") + (f"^{i}" if i > 1 else "")
            terms.append((sign, body))
        if not terms:
            return "0"
        first = ("-" if terms[0][0] == "-" else "") + terms[0][1]
        return first + "".join(f" {s} {b}" for s, b in terms[1:])
x = Poly([0, 1])
p = (x - 1) * (x - 2) * (x + 3)
print(p, p(0), p(1), p(2), p(-3), p(10), p.deriv(), p.deriv().deriv())
print((x + 1) ** 5, (x ** 2 + 1) - (x ** 2 + 1), 3 * x + 2, Poly([0]), -(x ** 3))
def newton(f, x0):
    df = f.deriv()
    for _ in range(50):
        x0 = x0 - f(x0) / df(x0)
    return round(x0, 10)
print(sorted(newton(p, s) for s in (-5.0, 0.5, 5.0)), newton(x ** 2 - 2, 1.0))
