# ZeroDivisionError messages for ints, floats, complex, divmod, pow, modulo, Fraction-like code.
cases = [lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0, lambda: 1.0 // 0.0, lambda: 1.0 % 0,
         lambda: 0 / 0, lambda: divmod(5, 0), lambda: divmod(5.0, 0.0), lambda: 0 ** -1, lambda: 0.0 ** -2,
         lambda: (1 + 1j) / 0, lambda: 1j / 0j, lambda: pow(0, -1), lambda: 10**30 // 0, lambda: -(10**30) % 0,
         lambda: True / False, lambda: 5 % False, lambda: sum([1, 2]) / len([])]
for c in cases:
    try:
        c()
        print("no error")
    except ZeroDivisionError as e:
        print(type(e).__name__, e, isinstance(e, ArithmeticError))
def average(xs):
    return sum(xs) / len(xs)
for data in [[1, 2, 3], []]:
    try:
        print(average(data))
    except ZeroDivisionError as e:
        print("average failed:", e)
