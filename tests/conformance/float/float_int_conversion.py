# Conversions between float and int at the precision boundaries; int(), round(), // on floats.
for v in [2.0**53, 2.0**53 + 1, 2.0**53 + 2, 2.0**63, 2.0**64, 1e23, 123456789.987654321, -0.9999999999999999, 4.9999999999999995]:
    print(repr(v), int(v), round(v), v // 1, v % 1, float(int(v)) == v)
for n in [2**53, 2**53 + 1, 2**64 + 1, 10**22, 10**23, -(2**63) - 1, 3**40]:
    f = float(n)
    print(n, repr(f), int(f) == n, int(f) - n)
print(int(-0.0), float(-0), 7 / 2, 7 // 2.0, -7 // 2.0, 7.0 // -2, divmod(7.5, -2))
print(1e308 * 10 == float("inf"), int(1e308) > 10**307, float(10**308) == 1e308, float(2**1023) * 2)
