# math functions whose results CPython gets from the C library, at printed precision.
import math
for x in [0.0, 0.5, 1.0, 2.0, 10.0, 100.0]:
    print(x, math.sqrt(x), math.exp(x), math.log1p(x), math.expm1(x))
for x in [0.1, 1.0, 2.0, math.e, 10.0, 1024.0]:
    print(x, math.log(x), math.log2(x), math.log10(x), math.log(x, 3))
for x in [0.0, math.pi / 6, math.pi / 4, math.pi / 2, math.pi, -1.0]:
    print(round(math.sin(x), 12), round(math.cos(x), 12), round(math.tan(x), 6))
print(math.atan2(1, 1), math.atan2(-1, -1), math.asin(1), math.acos(0), math.atan(1))
print(math.hypot(3, 4), math.hypot(1, 2, 2), math.dist((0, 0), (3, 4)))
print(math.degrees(math.pi), math.radians(180), math.pi, math.e, math.tau)
print(math.sinh(1), math.cosh(1), math.tanh(0.5), math.asinh(1), math.acosh(2), math.atanh(0.5))
print(math.fabs(-3), math.fmod(7, 3), math.fmod(-7, 3), math.remainder(7, 3), math.modf(3.75), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.pow(2, 10), math.pow(2, 0.5), math.copysign(3, -1), math.log(2**1000), math.log10(10**50))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 1.1, rel_tol=0.2))
print(math.erf(0.5), math.erfc(0.5), math.gamma(5), math.lgamma(10), math.gamma(0.5))
print(math.nextafter(1.0, 2.0), math.ulp(1.0), math.cbrt(27), math.exp2(10))
print(math.sumprod([1, 2, 3], [4, 5, 6]), math.fma(2.0, 3.0, 1.0))
