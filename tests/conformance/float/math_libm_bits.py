# Exact (bit-level) results of the math functions that come from the C library, over many
# inputs: the reference's acosh/asinh/atanh/erf/erfc are correctly rounded, cbrt is glibc's.
import math

state = 12345


def rand():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return (state >> 11) / 2**53


def inputs(lo, hi, n=400):
    return [lo + (hi - lo) * rand() for _ in range(n)]


cases = {
    "acosh": inputs(1.0, 3.0) + [1 + 2.0**-k for k in range(1, 60, 3)] + [10.0**k for k in range(1, 300, 17)],
    "asinh": inputs(-5.0, 5.0) + [2.0**-k for k in range(1, 1070, 41)] + [-(10.0**k) for k in range(1, 300, 17)],
    "atanh": inputs(-1.0, 1.0) + [1 - 2.0**-k for k in range(1, 53, 2)] + [2.0**-k for k in range(1, 1070, 41)],
    "erf": inputs(-6.0, 6.0) + [2.0**-k for k in range(1, 1070, 41)],
    "erfc": inputs(-6.0, 27.5) + [26.0 + k / 8 for k in range(12)],
    "cbrt": inputs(-100.0, 100.0) + [float(k**3) for k in range(1, 60)],
    "expm1": inputs(-3.0, 3.0, 100),
    "log1p": inputs(-0.9, 3.0, 100),
}
for name, xs in cases.items():
    f = getattr(math, name)
    digest = 0
    for x in xs:
        digest = (digest * 1000003 + hash(f(x))) % 2**61
    print(name, len(xs), digest, f(xs[0]).hex(), f(xs[-1]).hex())
print(math.acosh(2), math.atanh(0.5), math.asinh(1), math.erf(0.5), math.erfc(0.5), math.cbrt(27))
