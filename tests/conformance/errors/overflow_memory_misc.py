# OverflowError, and other less common errors with their messages.
import math
cases = [lambda: math.exp(1000), lambda: float(10**400), lambda: int(float("inf")), lambda: 2.0 ** 5000,
         lambda: round(float("inf")), lambda: (10**400) / 3, lambda: [0] * (2**62), lambda: "x" * (2**63),
         lambda: range(2**100).__len__(), lambda: chr(2**31), lambda: (1).to_bytes(1000000000000000000000, "big"),
         lambda: math.factorial(10**100) if False else math.ldexp(1.0, 2**62), lambda: 10.0 ** 400,
         lambda: __import__("time").gmtime(10**30), lambda: bytes(2**62) if False else int("1" * 10, 2) << (2**70)]
for c in cases:
    try:
        c()
        print("no error")
    except (OverflowError, MemoryError, ValueError) as e:
        print(type(e).__name__, e)
