# ZeroDivisionError messages and friends for ints.
tests = [
    lambda: 1 / 0,
    lambda: 1 // 0,
    lambda: 1 % 0,
    lambda: divmod(1, 0),
    lambda: 2**70 // 0,
    lambda: 2**70 % 0,
    lambda: pow(0, -1),
    lambda: pow(2, 3, 0),
    lambda: pow(2, -1, 4),
    lambda: 1 << -1,
    lambda: 1 >> -1,
    lambda: 0 ** -1,
    lambda: (5).to_bytes(1, "big", signed=False) + (300).to_bytes(1, "big"),
    lambda: (-1).to_bytes(1, "big"),
    lambda: int("12", 1),
    lambda: int("12", 37),
    lambda: int(12, 10),
]
for t in tests:
    try:
        print("result", t())
    except Exception as e:
        print(type(e).__name__, e)
