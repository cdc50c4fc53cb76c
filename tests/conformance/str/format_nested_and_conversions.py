# Nested replacement fields, conversion flags combined with specs, and format on user types.
data = {"name": "Widget", "price": 1234.5, "qty": 3, "tags": ["a", "b"]}
print("{name:>10}|{price:>12,.2f}|{qty:^5d}|{tags!r:<12}|".format(**data))
for width in (6, 10):
    for align in "<^>":
        print(f"[{data['name']:{align}{width}.{width - 2}}]", end=" ")
    print()
print("{0:{fill}{align}{width}}".format("mid", fill="*", align="^", width=9), "{:{}}".format(3.14159, ".3"))
print("{!r:^12}".format("q"), f"{'q'!r:*>8}", "{0!s:.3}".format(3.14159), "{0!a}".format("ü"))
class Temp:
    def __init__(self, c):
        self.c = c
    def __format__(self, spec):
        unit = spec[-1] if spec and spec[-1] in "CF" else "C"
        number_spec = spec[:-1] if spec and spec[-1] in "CF" else spec
        value = self.c if unit == "C" else self.c * 9 / 5 + 32
        return format(value, number_spec or ".1f") + "°" + unit
t = Temp(21.5)
print(f"{t} {t:C} {t:F} {t:.0F} {t:08.3C}", "{:F}".format(t), format(t, ".2F"))
rows = [("alpha", 1, 0.5), ("beta", 22, 0.25), ("gamma", 333, 0.125)]
header = f"{'name':<8}{'n':>5}{'frac':>8}"
print(header)
print("-" * len(header))
for name, n, frac in rows:
    print(f"{name:<8}{n:>5}{frac:>8.1%}")
