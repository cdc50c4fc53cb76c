# Bitwise operators on positive and negative ints (two's complement semantics).
vals = [0, 1, 5, 12, 255, -1, -5, -256, 2**70, -(2**70) + 3]
for a in vals:
    print(a, ~a, a << 3, a >> 2, a & 0xF0, a | 0x0F, a ^ 0xFF)
print(1 << 100, (1 << 100) >> 99, -1 >> 100, -(1 << 100) >> 50)
print(0b1100 & 0b1010, 0b1100 | 0b1010, 0b1100 ^ 0b1010)
print((2**80 - 1) & (2**40 + 12345), (2**80) | 1, (2**80) ^ (2**80))
print(-12345678901234567890 & 0xFFFF, -12345678901234567890 | 0xFFFF)
x = 0xF0
x &= 0x3C
x |= 1
x ^= 0xFF
x <<= 2
x >>= 1
print(x)
print(5 >> 0, 5 << 0, 0 << 1000)
