# Complex arithmetic in algorithms: quadratic roots, a small DFT and rotation by multiplication.
import math
def roots(a, b, c):
    d = (b * b - 4 * a * c) ** 0.5
    return ((-b + d) / (2 * a), (-b - d) / (2 * a))
for coeffs in [(1, -3, 2), (1, 2, 5), (1, 0, 1), (2, 4, 2)]:
    r1, r2 = roots(*coeffs)
    print(coeffs, complex(round(r1.real, 12), round(r1.imag, 12)) if isinstance(r1, complex) else r1,
          complex(round(r2.real, 12), round(r2.imag, 12)) if isinstance(r2, complex) else r2)
def dft(xs):
    n = len(xs)
    return [sum(x * complex(math.cos(-2 * math.pi * k * t / n), math.sin(-2 * math.pi * k * t / n)) for t, x in enumerate(xs)) for k in range(n)]
spec = dft([1, 0, -1, 0, 1, 0, -1, 0])
print([complex(round(z.real, 9) + 0.0, round(z.imag, 9) + 0.0) for z in spec])
p = 1 + 0j
rot = complex(math.cos(math.pi / 4), math.sin(math.pi / 4))
for i in range(8):
    p *= rot
print(round(p.real, 12), round(p.imag, 12))
