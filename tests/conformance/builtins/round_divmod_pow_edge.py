# Edge cases for round, divmod and pow across int/float/bool/big values.
print(round(0.5), round(1.5), round(-0.5), round(-1.5), round(2.5, 0), round(-2.5, 0), round(5, -1), round(15, -1), round(25, -1))
print(round(1.23456, 3), round(-1.23456, 3), round(123.456, -2), round(10**20 + 0.0, -19), round(True), round(7, None))
print(divmod(7, 3), divmod(-7, 3), divmod(7, -3), divmod(7.0, 3), divmod(-7.5, 2), divmod(True, 2), divmod(10**30, 7))
print(pow(2, 0.5), pow(-2, 2), pow(-8, 1 / 3) if False else "-", pow(2, -3), pow(3, 4, 5), pow(-3, 3, 5), pow(3, -2, 7))
print(pow(0, 0), pow(0.0, 0), pow(1, 10**9), pow(-1, 10**9 + 1), pow(10, 20, 7), pow(2, 10**5, 10**9 + 7))
for bad in [lambda: pow(2, 3, 0.5), lambda: pow(2.0, 3, 5), lambda: divmod(1, 0.0), lambda: round(1.5, 1.5)]:
    try:
        print(bad())
    except (TypeError, ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
