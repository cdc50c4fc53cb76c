# Floor division and modulo follow the sign of the divisor.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3), (-6, 3), (1, 10), (-1, 10),
         (100, 7), (-100, 7), (100, -7), (2**40 + 3, 5), (-(2**40) - 3, 5)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b))
    q, r = divmod(a, b)
    assert q * b + r == a
print(7 / 2, -7 / 2, 6 / 3, 1 / 3)
print(type(6 / 3).__name__)
x = 17
x //= 5
print(x)
x %= 2
print(x)
