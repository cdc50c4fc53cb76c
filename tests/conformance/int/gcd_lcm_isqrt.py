# math integer helpers: gcd, lcm, isqrt, factorial, comb, perm.
import math
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-12, 18), math.gcd(), math.gcd(12, 18, 27))
print(math.lcm(4, 6), math.lcm(4, 6, 10), math.lcm(), math.lcm(0, 5))
print(math.gcd(2**100, 6**50), math.lcm(2**40, 3**30))
for n in [0, 1, 2, 3, 4, 15, 16, 17, 10**20, 2**127, 10**40 + 12345]:
    r = math.isqrt(n)
    print(n, r, r * r <= n < (r + 1) ** 2)
print(math.factorial(0), math.factorial(5), math.factorial(25))
print(math.comb(10, 3), math.comb(50, 25), math.comb(5, 7), math.perm(5, 2), math.perm(5), math.perm(10, 0))
print(math.prod(range(1, 11)), math.prod([]), math.prod([2, 3], start=5))
for bad in [lambda: math.isqrt(-1), lambda: math.factorial(-1), lambda: math.comb(-1, 2)]:
    try:
        bad()
    except ValueError as e:
        print("ValueError:", e)
