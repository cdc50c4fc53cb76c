# Bit manipulation idioms: popcount, lowest set bit, power-of-two tests, gray code, bit reversal, masks.
def lowbit(n):
    return n & -n
def is_pow2(n):
    return n > 0 and n & (n - 1) == 0
def gray(n):
    return n ^ (n >> 1)
def reverse_bits(n, width):
    out = 0
    for _ in range(width):
        out = (out << 1) | (n & 1)
        n >>= 1
    return out
for n in [1, 2, 3, 12, 40, 255, 256, 1023, 2**40, 2**64 + 2**10]:
    print(n, bin(n).count("1"), n.bit_count(), lowbit(n), is_pow2(n), gray(n) if n < 2**20 else "-", n.bit_length())
print([gray(i) for i in range(16)], [reverse_bits(i, 4) for i in range(8)], reverse_bits(0b1011, 8))
subsets = [[i for i in range(4) if mask >> i & 1] for mask in range(16)]
print(subsets[5], subsets[15], len(subsets))
mask = (1 << 12) - 1
print(hex(0xDEADBEEF & mask), hex(0xDEADBEEF >> 12 & mask), ~mask & 0xFFFF, -1 & 0xFF, (-256) >> 4, (-256) & 0xFFF)
x = 0
for bit in (1, 5, 9):
    x |= 1 << bit
print(x, bin(x), x & ~(1 << 5), x ^ (1 << 9), bool(x >> 9 & 1))
