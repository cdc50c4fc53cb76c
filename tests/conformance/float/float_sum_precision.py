# Summation accuracy: naive sum vs math.fsum vs sorted sums, and Kahan summation by hand.
import math
vals = [1e16, 1.0, -1e16, 0.1, 0.2, 0.3, 1e-8] * 50
naive = 0.0
for v in vals:
    naive += v
def kahan(xs):
    s = c = 0.0
    for x in xs:
        y = x - c
        t = s + y
        c = (t - s) - y
        s = t
    return s
print(naive, sum(vals), math.fsum(vals), kahan(vals), sum(sorted(vals, key=abs)))
print(sum([0.1] * 10) == 1.0, math.fsum([0.1] * 10) == 1.0, sum([0.5] * 4), math.fsum([1e308, -1e308, 1.0]))
harmonic = [1 / k for k in range(1, 10001)]
print(sum(harmonic), math.fsum(harmonic), sum(reversed(harmonic)))
print(0.1 + 0.2 - 0.3, (0.1 + 0.2) - 0.3 == 0, round(0.1 + 0.2 - 0.3, 20), math.isclose(0.1 + 0.2, 0.3, rel_tol=0, abs_tol=1e-15))
