# float repr is the shortest string that round-trips.
vals = [0.1, 0.2, 0.1 + 0.2, 1.0, -1.0, 0.0, -0.0, 1e16, 1e15, 123456789012345678.0,
        1e22, 1e23, 1.5e-5, 1e-4, 0.0001, 0.00001, 1e-7, 5e-324, 2.2250738585072014e-308,
        1.7976931348623157e308, 3.141592653589793, 2.718281828459045, 1 / 3, 2 / 3, 100.0,
        1e100, 12345.678, 0.5, 0.25, 9007199254740993.0, 123e-20, 4.35, 2.675, 1.1 * 1.1]
for v in vals:
    print(repr(v), str(v), float(repr(v)) == v)
print([0.1, 0.7, 1e50], (2.5,), {1.5: 0.3})
print(float("0.1"), float("1e500"), float("-1e500"), float("  3.25  "), float("1_000.5"))
print(float("infinity"), float("-Infinity"), float("nan"), float("+inf"), float("-nan"))
print(1e16 == 10000000000000000.0, repr(1e16), repr(9999999999999998.0))
