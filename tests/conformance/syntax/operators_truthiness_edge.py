# Operator edge cases: not/and/or precedence, chained `is`/`in`, unary chains, comparisons with None.
print(not 1 == 2, not (1 == 2), (not 1) == 2, - - 3, + - + 3, ~ ~ 5, not not [])
print(1 if 0 else 2 if 0 else 3, [] or [] and [1], (0 or None) is None, 1 and 2 or 3, 0 and 2 or 3)
x = [1, 2]
print(x is x is x, 1 in x in [x], 2 not in x is False, (2 not in x) is False)
print(3 > 2 > 1 == 1, 3 > 2 < 1, 1 < 2 != 3, (1 < 2) + (2 < 3), sum(c > "m" for c in "python"))
print(True + True == 2, True is not False, None is not None, [] is not [], 0 == False is False)
print(5 // 2 * 2 + 5 % 2, -5 // 2, -5 % 2, -(5 // 2), 2 ** -1 ** 2, (2 ** -1) ** 2)
a = 5
a += a * 2
a -= a // 3
a **= 1
print(a, 7 & 3 | 8 ^ 1, (7 & 3) | (8 ^ 1), 1 << 2 + 1, (1 << 2) + 1)
