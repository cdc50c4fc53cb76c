# round() uses banker's rounding on the exact binary value.
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 4.5, 5.5]:
    print(v, round(v), type(round(v)).__name__)
for v in [2.675, 2.665, 1.005, 0.125, 0.375, 1.25, 1.35, -1.25, 123.456, 1e20 / 3]:
    print(v, round(v, 2), round(v, 1), round(v, 0), round(v, -1), round(v, -2))
print(round(1234.5678, -3), round(5e-324, 5), round(1e300, 2), round(-0.0), round(-0.4))
print(round(0.0, 3), round(-0.0, 3), round(2.5, None), round(7.0, 400))
import math
for v in [2.5, -2.5, 2.7, -2.7, 0.0, -0.0, 1e20]:
    print(v, math.floor(v), math.ceil(v), math.trunc(v), int(v))
try:
    round(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    round(float("nan"))
except ValueError as e:
    print("ValueError:", e)
print(round(float("inf"), 2), round(float("nan"), 2))
