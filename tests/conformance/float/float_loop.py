# A float-heavy loop (numeric integration and a recurrence), printed at full precision.
def f(x):
    return x * x * x - 2.0 * x + 1.0
n = 20000
h = 2.0 / n
total = 0.0
for i in range(n):
    x = -1.0 + (i + 0.5) * h
    total += f(x) * h
print(total)
x = 0.5
for _ in range(1000):
    x = 3.7 * x * (1.0 - x)
print(x)
s = 0.0
for k in range(1, 10001):
    s += 1.0 / (k * k)
print(s, (s * 6) ** 0.5)
vx, vy, px, py = 1.0, 0.0, 0.0, 1.0
dt = 0.001
for _ in range(5000):
    r3 = (px * px + py * py) ** 1.5
    vx -= px / r3 * dt
    vy -= py / r3 * dt
    px += vx * dt
    py += vy * dt
print(px, py, vx, vy)
