# Results that cross the 64-bit boundary must stay exact.
M = 2**63 - 1
m = -2**63
print(M + 1, M + M, m - 1, m + m, m * -1, -m, abs(m))
print(M * M, m * m, M * m)
print(M // -1, m // -1, m % -1, m // 1)
print(M << 1, 1 << 63, 1 << 64, -1 << 63, -1 << 64)
print((M + 1) >> 1, (M + 1) - 1 == M)
x = M
for _ in range(5):
    x = x * 3 + 1
print(x)
y = m
for _ in range(5):
    y = y * 3 - 1
print(y)
print(sum([M] * 10), sum([m] * 10))
print(2**62 + 2**62, -(2**62) - 2**62)
print(3037000500 * 3037000500, -3037000500 * 3037000500)
print(pow(2, 63), pow(-2, 63), pow(2, 64) - 1)
print(hash(M + 1) == hash(2**63), (M + 1) == 2**63)
