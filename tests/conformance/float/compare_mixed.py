# Exact comparisons between floats and big ints.
big = 2**53 + 1
print(big == float(big), big > float(big), float(big) < big)
print(10**16 == 1e16, 10**16 + 1 == 1e16, 10**16 + 1 > 1e16)
print(2**1024 > 1.7976931348623157e308, -(2**1024) < -1.7976931348623157e308)
vals = [1, 1.0, 0.5, -1, 2**63, 9.223372036854776e18, 1e300, 10**300]
for a in vals:
    print(repr(a), [a < b for b in vals], [a == b for b in vals])
print(0.0 == 0, -0.0 == 0, 0.1 == 1 / 10, 0.3 == 0.1 * 3)
print(sorted([3, 2.5, -1, 1e-3, 2**60, 1e18]))
print(max(2, 2.0), max(2.0, 2), min(1, 1.0), min(1.0, 1))
