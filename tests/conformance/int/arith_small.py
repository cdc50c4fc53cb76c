# Basic arithmetic on small ints, including negative operands.
vals = [0, 1, -1, 2, -2, 7, -7, 10, -10, 123, -123]
for a in vals:
    row = []
    for b in vals:
        row.append(a + b)
        row.append(a - b)
        row.append(a * b)
    print(a, row)
print(2 + 3 * 4 - 5)
print((2 + 3) * (4 - 5))
print(-(-5), +5, -0, +(-3))
x = 10
x += 5
x -= 3
x *= 2
print(x)
print(1_000_000 + 2_000)
print(0b1010, 0o17, 0xff, 0XAB, 0B11, 0O7)
