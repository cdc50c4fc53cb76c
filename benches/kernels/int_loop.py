# Micro kernel: small-int arithmetic in a while loop (immediate ints, compare, jump back).
N = 80_000


def main(n):
    total = 0
    i = 0
    while i < n:
        total += i * 3 % 7 - (i >> 2)
        i += 1
    return total


print("int_loop", main(N))
