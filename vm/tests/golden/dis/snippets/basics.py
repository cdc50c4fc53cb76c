"""Assignments, operators and expressions at module level."""
a = 1
b = a + 2 * 3 - 4 / 5 // 6 % 7 ** 8
c = a << 2 >> 1 | 3 & 4 ^ 5
d = a @ b
e = -a, +a, ~a, not a
f = a < b <= c == d != e > f >= a
g = a is b, a is not b, a in b, a not in b
h = a and b or c and not d
i = a if b else c
a += 1; a -= 2; a *= 3; a /= 4; a //= 5; a %= 6; a **= 7
a <<= 1; a >>= 2; a |= 3; a &= 4; a ^= 5; a @= 6
x = y = z = 0
x, y = y, x
x, y, z = z, y, x
[p, q] = (1, 2)
(r, (s, t)) = 1, (2, 3)
lst = [1, 2, 3]
lst[0] = lst[-1]
lst[1:2] = [4, 5]
lst[::2] = lst[1::2]
del lst[0], lst[1:]
obj = type("O", (), {})()
obj.attr = 5
obj.attr += 1
lst[0] += 1
del obj.attr
print(a, b, c, d, e, f, g, h, i)
w = (x := 10) + x
big = 123456789012345678901234567890
neg = -5
huge = 2 ** 100
