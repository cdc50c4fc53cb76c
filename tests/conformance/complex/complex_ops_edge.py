# complex division, integer powers, hashing, equality with int/float, and bool.
zs = [1 + 2j, -3.5 + 0.5j, 2j, 4 + 0j, -1 - 1j]
for a in zs:
    print(a, [a / b for b in zs[:3]], a ** 2, a ** 3, a ** -1, a ** 0)
print(hash(2j) == hash(complex(0, 2)), hash(3 + 0j) == hash(3), {1 + 0j: "one"}[1], 4 + 0j == 4.0, bool(0j), bool(1e-300j))
print((1 + 1j) ** 8, (1 + 1j) ** 0.5, 1j ** 1j, (-1) ** 0.5, pow(2 + 3j, 2))
print(complex(3, 4).conjugate() * complex(3, 4), abs(complex(-5, 12)), abs(complex(float("inf"), 1)), (3 + 4j).real.__class__.__name__)
print(round(abs(complex(1e300, 1e300)) / 1e300, 12), complex(1, 2) - 1j * 2, 0.5j * 2)
try:
    pow(1j, 2, 3)
except ValueError as e:
    print("ValueError:", e)
try:
    0j ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    int(1j)
except TypeError as e:
    print("TypeError:", e)
try:
    float(1j)
except TypeError as e:
    print("TypeError:", e)
