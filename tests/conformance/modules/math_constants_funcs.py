# math module: constants and exact-result functions.
import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan != math.nan)
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(10**20 + 0.5), type(math.floor(2.0)).__name__)
print(math.fabs(-2), math.factorial(20), math.isqrt(99), math.gcd(48, 180), math.lcm(21, 6), math.comb(30, 15), math.perm(6, 3))
print(math.copysign(5, -0.0), math.fmod(10, 3), math.fmod(-10, 3), math.remainder(10, 4), math.remainder(11, 4))
print(math.modf(-3.25), math.frexp(10.0), math.ldexp(5, -1), math.fsum([1e100, 1.0, -1e100, 1.0]))
print(math.isfinite(1e308), math.isinf(-math.inf), math.isnan(float("nan")), math.isclose(0.1 + 0.2, 0.3))
print(math.isclose(1e-10, 0), math.isclose(1e-10, 0, abs_tol=1e-9), math.dist([1, 1], [4, 5]), math.hypot(5, 12))
print(math.prod([1, 2, 3, 4]), math.sqrt(16), math.sqrt(2), math.exp(0), math.log(math.e ** 3), math.log2(1024), math.log10(0.001))
print(math.degrees(math.pi / 2), math.radians(90), math.sin(0), math.cos(0), math.atan2(0, -1))
print(math.nextafter(0.0, 1.0), math.ulp(2.0 ** 52), math.trunc(1e300) == int(1e300))
print(math.floor(True), math.ceil(7), math.pow(4, 0.5), math.pow(-8, 1 / 3) if False else "skip", math.fsum(x / 10 for x in range(10)))
print(sorted(n for n in ["acos", "sqrt", "pi", "gcd", "hypot", "comb", "fsum"] if hasattr(math, n)))
