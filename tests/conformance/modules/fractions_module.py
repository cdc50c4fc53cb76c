from fractions import Fraction as F
import math
print(F(), F(3), F(6, 4), F(-6, 4), F(6, -4), F('3/7'), F(' -1.5e-3 '), F('1_000.5'), F(0.1), F(F(1, 3), F(2, 5)))
a, b = F(1, 3), F(5, 7)
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b), a ** 3, a ** -2, (-a) ** -3, a ** F(1, 2), 2 ** F(3), 2 ** F(1, 2))
print(a + 1, 1 + a, a + 0.5, 0.5 + a, a * 1j, 3 - a, 3 / a, 3 // a, a < b, a <= 0.3334, a == F(2, 6), a == 1/3, F(1, 2) == 0.5, F(2) == 2)
print(hash(F(1, 2)) == hash(0.5), hash(F(3)) == hash(3), hash(F(-1)), hash(F(1, 3)), hash(F(-7, 11)))
print(int(F(-7, 2)), math.floor(F(-7, 2)), math.ceil(F(-7, 2)), round(F(5, 2)), round(F(7, 2)), round(F(12345, 1000), 2), round(F(12345), -2), float(F(1, 3)))
print(F(3.141592653589793).limit_denominator(1000), F(1, 3).limit_denominator(2), F(10, 3).is_integer(), F(4).as_integer_ratio())
print(repr(F(1, 3)), str(F(4, 2)), bool(F(0)), abs(F(-1, 2)), -F(1, 2), +F(1, 2), format(F(1, 3), '.5f'), format(F(-2, 3), '>+12.3%'), format(F(1, 3), '^9'))
print(sorted([F(1, 2), 0.3, 1, F(1, 5)]), max(F(1, 2), F(2, 3)), sum([F(1, 2)] * 5))
for bad in ["F(1, 0)", "F('abc')", "F(1.5, 2)", "F([1])", "F(float('inf'))", "F(float('nan'))", "F(0) ** -1", "F(1) / 0", "F(1) / F(0)"]:
    try: print(eval(bad))
    except Exception as e: print(type(e).__name__, e)
from collections import defaultdict
d = defaultdict(F); d['x'] += F(1, 2); print(d)
