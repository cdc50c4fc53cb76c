# Micro kernel: bound method calls on instances (LOAD_ATTR_METHOD_WITH_VALUES, CALL).
N = 100_000


class Counter:
    def __init__(self):
        self.count = 0

    def add(self, k):
        self.count += k
        return self.count


def main(n):
    c = Counter()
    last = 0
    for i in range(n):
        last = c.add(i & 3)
    return last


print("method_call", main(N))
