a = b = c = 1
a += 1; a -= 1; a *= 2; a /= 2; a //= 2; a %= 2; a **= 2
a @= b; a &= b; a |= b; a ^= b; a >>= b; a <<= b
r = a + b - c * a / b // c % a ** b @ c
r = a & b | c ^ ~a >> b << c
r = a < b > c <= a >= b == c != a
r = (a := 5) if False else ...
d = a.b, a[b], a(b), {a: b}, [a, *b], {**c}
