# Micro kernel: instance attribute reads (shared-keys layout, LOAD_ATTR_INSTANCE_VALUE).
N = 100_000


class Point:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


def main(n):
    p = Point(1, 2, 3)
    total = 0
    for _ in range(n):
        total += p.x + p.y + p.z
    return total


print("attr_read", main(N))
