# Operator precedence among arithmetic and bitwise operators on ints.
print(1 + 2 << 3, 1 + (2 << 3), 2 * 3 ** 2, -2 ** 2, (-2) ** 2)
print(1 | 2 ^ 3 & 4, (1 | 2) ^ (3 & 4), ~5 + 1, -~5, ~-5)
print(10 - 4 - 3, 2 ** 2 ** 3, 100 // 10 // 3, 100 % 7 % 3)
print(7 & 3 == 3, (7 & 3) == 3, 1 < 2 == True)
print(not 1 + 1, not 0, -3 % 5 * 2)
a = [1, 2, 3]
i = 0
a[i] += 10
a[i + 1] *= 5
a[-1] **= 3
print(a)
class Box:
    def __init__(self):
        self.v = 1
b = Box()
b.v += 41
b.v <<= 1
print(b.v)
d = {"k": 3}
d["k"] //= 2
d["k"] -= 10
print(d)
