# Division, modulo and divmod on very large ints (multi-limb), checked by reconstruction.
import math
a = 3**400 + 7
b = 2**130 - 5
q, r = divmod(a, b)
print(q % 10**20, r % 10**20, q * b + r == a, 0 <= r < b)
for x, y in [(a, -b), (-a, b), (-a, -b), (a, a), (b, a), (10**100, 10**50 + 1), (-(10**100), 7)]:
    q, r = divmod(x, y)
    print(q if abs(q) < 10**12 else f"...{q % 10**12}", r if abs(r) < 10**12 else f"...{r % 10**12}", q * y + r == x)
print(math.gcd(a, b), math.gcd(2**200 * 3, 2**150 * 9), (10**50) // 7 % 1000, pow(a, 3, b) == (a ** 3) % b)
print(len(str(2**10000)), str(2**10000)[:20], (2**10000) % 997, (7**777) % (10**9 + 7))
print(a.bit_length(), (a * a).bit_length(), (a * a) // a == a, (a << 100) >> 100 == a, -a // 1 == -a)
