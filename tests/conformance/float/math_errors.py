# math domain and range errors.
import math
cases = [("sqrt(-1)", lambda: math.sqrt(-1)), ("log(0)", lambda: math.log(0)),
         ("log(-1)", lambda: math.log(-1)), ("exp(1000)", lambda: math.exp(1000)),
         ("acos(2)", lambda: math.acos(2)), ("pow(0,-1)", lambda: math.pow(0, -1)),
         ("fmod(1,0)", lambda: math.fmod(1, 0)), ("log(1,1)", lambda: math.log(1, 1)),
         ("factorial(2.5)", lambda: math.factorial(2.5)), ("sqrt('x')", lambda: math.sqrt("x")),
         ("gamma(0)", lambda: math.gamma(0)), ("ldexp", lambda: math.ldexp(1.0, 10**6)),
         ("cosh(1000)", lambda: math.cosh(1000)), ("log(10**400)", lambda: math.log(10**400)),
         ("float(10**400)", lambda: float(10**400)), ("10**400 / 1", lambda: 10**400 / 1),
         ("2.0 ** 10000", lambda: 2.0 ** 10000), ("1e308 ** 2", lambda: 1e308 ** 2),
         ("(-8) ** 0.5", lambda: (-8) ** 0.5), ("0.0 ** -1", lambda: 0.0 ** -1),
         ("1.0 / 0", lambda: 1.0 / 0), ("1.0 // 0.0", lambda: 1.0 // 0.0), ("1.0 % 0.0", lambda: 1.0 % 0.0),
         ("divmod(1.0, 0)", lambda: divmod(1.0, 0))]
for name, f in cases:
    try:
        print(name, "->", f())
    except Exception as e:
        print(name, "->", type(e).__name__, e)
