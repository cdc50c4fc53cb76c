# Micro kernel: generator creation, resumption and exhaustion (FOR_ITER_GEN, YIELD_VALUE).
N = 100_000


def evens(n):
    for i in range(n):
        if i % 2 == 0:
            yield i


def pairs(it):
    prev = None
    for x in it:
        if prev is not None:
            yield prev + x
        prev = x


def main(n):
    total = 0
    for s in pairs(evens(n)):
        total += s
    total += sum(x for x in range(n // 10))
    return total


print("generator", main(N))
