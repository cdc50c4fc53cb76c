# Arbitrary-precision arithmetic beyond 64 bits.
a = 2**64
b = 3**50
c = -(7**30)
print(a, b, c)
print(a + b, a - b, a * b, b // a, b % a)
print(a * a * a)
print(c * c, c // 12345, c % 12345)
print(divmod(b, c), divmod(c, b))
f = 1
for i in range(1, 41):
    f *= i
print("40! =", f)
print(f // (2**38), f % 1000003)
print(sum(range(10**6, 10**6 + 100)) * 10**20)
print((10**40 + 1) * (10**40 - 1) == 10**80 - 1)
big = int("9" * 60)
print(big + 1, big - big, -big)
print(2**200 - 2**199 == 2**199)
print(abs(-10**25), -(-10**25))
print(9223372036854775807 + 1, -9223372036854775808 - 1)
print(9223372036854775807 * 2, 4611686018427387904 * 2)
print((2**63) // 2, (-2**63) // -1)
