# Micro kernel: float arithmetic in a for-range loop (immediate floats, no allocation).
N = 100_000


def main(n):
    x = 0.0
    y = 1.0
    for i in range(n):
        x = x * 0.5 + y * 1.25 - i * 0.001
        y = y + x * 1e-6
    return round(x, 6), round(y, 6)


print("float_loop", main(N))
