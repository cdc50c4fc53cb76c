# complex with cmath-free math: polar forms via abs and manual phase.
import math
pts = [1 + 1j, -1 + 1j, -1 - 1j, 1 - 1j, 2j, -3, 0.5 + 0.25j]
for p in pts:
    p = complex(p)
    r = abs(p)
    phi = math.atan2(p.imag, p.real)
    back = complex(r * math.cos(phi), r * math.sin(phi))
    print(p, round(r, 12), round(phi, 12), abs(back - p) < 1e-12)
roots = [complex(math.cos(2 * math.pi * k / 5), math.sin(2 * math.pi * k / 5)) for k in range(5)]
print(abs(sum(roots)) < 1e-12, [round(abs(r ** 5 - 1), 10) for r in roots])
def mandel(c, limit=50):
    z = 0j
    for i in range(limit):
        z = z * z + c
        if abs(z) > 2:
            return i
    return limit
for y in range(10, -11, -4):
    print("".join("#" if mandel(complex(x / 10, y / 10)) == 50 else "." for x in range(-20, 6)))
class C:
    def __complex__(self):
        return 2 + 5j
print(complex(C()), complex(1.5, 3), complex(-0.0, 2))
