# Micro kernel: Python-to-Python calls with positional, default and keyword arguments.
N = 60_000


def add(a, b, c=1):
    return a + b + c


def main(n):
    total = 0
    for i in range(n):
        total = add(total, i) - add(i, 1, c=2)
    return total


print("function_call", main(N))
