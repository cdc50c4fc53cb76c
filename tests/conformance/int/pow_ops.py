# Integer powers, negative exponents, three-argument pow.
for b in range(-3, 4):
    print(b, [b ** e for e in range(0, 6)])
print(2 ** 10, 2 ** 64, 2 ** 100, (-2) ** 63)
print(2 ** -1, 2 ** -2, 10 ** -3)
print((-8) ** 2, -8 ** 2)
print(2 ** 3 ** 2)
print(pow(2, 10), pow(3, 4, 5), pow(7, 100, 13), pow(2, 1000, 10**9 + 7))
print(pow(3, -1, 7), pow(5, -2, 13), pow(-3, 3, 7), pow(3, 3, -7))
print(pow(0, 0), 0 ** 0, pow(1, -1))
x = 3
x **= 4
print(x)
print(pow(2, 0, 1), pow(123456789, 987654321, 1000000007))
