# inf and nan behaviour: comparisons, arithmetic, hashing, containers.
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, repr(-nan), inf + 1, inf - inf, inf * 0, inf / inf, -inf * -1)
print(inf > 1e308, -inf < -1e308, inf == inf, nan == nan, nan != nan, nan < 1, nan > 1, nan is nan)
print(1 / inf, -1 / inf, 0 * inf, inf % 5 if False else "skip", 5 % inf, -5 % inf, 5 // inf, -5 // inf)
print(max(1, inf), min(-inf, 3), sorted([3, -inf, inf, 0]))
import math
print(math.isinf(inf), math.isnan(nan), math.isfinite(1.0), math.isfinite(inf), math.isfinite(nan))
print(math.inf == inf, math.nan != math.nan, math.copysign(1, -0.0), math.copysign(1, 0.0))
lst = [nan, 1.0]
print(nan in lst, lst.count(nan), lst.index(nan), float("nan") in lst)
print(hash(inf), hash(-inf), hash(0.0), hash(-0.0), hash(1.5), hash(0.1))
print(inf.is_integer(), (2.0).is_integer(), (2.5).is_integer())
try:
    int(inf)
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(nan)
except ValueError as e:
    print("ValueError:", e)
try:
    inf.as_integer_ratio()
except OverflowError as e:
    print("OverflowError:", e)
print(math.fsum([inf, 1.0]), inf ** 0, nan ** 0, 1 ** nan, pow(inf, -1))
