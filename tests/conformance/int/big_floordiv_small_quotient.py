# Floor division of big ints with small quotients (the estimate-and-correct path).
import random
rng = random.Random(5)
out = []
for i in range(400):
    b = rng.getrandbits(rng.choice([65, 100, 640, 3000])) | 1
    a = b * rng.getrandbits(rng.choice([1, 5, 20, 33, 34])) + rng.getrandbits(rng.choice([3, 64, 200]))
    for x, y in ((a, b), (-a, b), (a, -b), (-a, -b), (b * 7, b), (-b * 7, b), (b - 1, b), (1 - b, b)):
        q = x // y
        out.append(q)
        assert q * y + x % y == x and (x % y == 0 or (x % y > 0) == (y > 0)), (x, y)
print(len(out), sum(out) % 1000003, out[:12])
print((10**100 + 7) // (10**90 + 3), -(10**100) // (10**99 + 1), (2**200) // (2**199 - 1))
