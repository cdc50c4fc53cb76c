# Builtins with fast paths for their common argument shapes: the results and errors must
# be those of the general paths (min/max of two numbers, abs of immediate numbers,
# str.startswith/endswith without bounds).
import math

# min/max of two ints or floats: the first of equal items wins.
print(min(1, 2), min(2, 1), max(1, 2), max(2, 1), min(3, 3), max(-5, -5))
print(min(0.0, -0.0), min(-0.0, 0.0), max(0.0, -0.0), max(-0.0, 0.0))
print(min(1.5, 2.5), max(1.5, 2.5), min(2.5, 1.5), max(-1e308, 1e308))
print(min(1, 1.0), min(1.0, 1), max(1, 1.0), max(True, 1), min(1, True), max(False, 0))
print(min(2**63, 2**63 - 1), max(-2**63, -2**63 - 1), min(-9223372036854775808, 5))
nan = float("nan")
print(min(nan, 1.0), min(1.0, nan), max(nan, 2.0), max(2.0, nan))
print(math.isnan(max(nan, nan)), min(float("inf"), float("-inf")))
print(min(0, 255, key=None), max(3, 7, key=lambda v: -v), min(3, 7, key=abs))
for bad in (lambda: min(1, 2, default=0), lambda: max(1, 2, foo=3), lambda: min(),
            lambda: max(1, "a"), lambda: min(1.0, "b"), lambda: max(1)):
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)
print(max(0, min(255, int(0.7 * 255))), max(0, min(255, int(-3.2))), max(0, min(255, 300)))

# abs of immediate ints and floats, and what stays on the general path.
print(abs(-3), abs(3), abs(0), abs(-0.0), abs(-2.5), abs(float("-inf")))
print(abs(-9223372036854775807), abs(-9223372036854775808), abs(-2**70))
print(abs(True), abs(False), abs(-3 + 4j), math.isnan(abs(nan)))
class MyInt(int):
    def __abs__(self):
        return "MyInt.__abs__"
print(abs(MyInt(-4)))
for bad in (lambda: abs("x"), lambda: abs(None), lambda: abs(), lambda: abs(1, 2)):
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)

# startswith/endswith without bounds, with bounds, tuples and non-ASCII text.
s = "h\u00e9llo w\u00f6rld \U0001f600!"
print(s.startswith("h\u00e9"), s.startswith("he"), s.startswith(""), "".startswith(""))
print(s.endswith("\U0001f600!"), s.endswith("!"), s.endswith(""), s.endswith("x" + s))
print(s.startswith(s), s.endswith(s), s.startswith(s + "x"), "".endswith("a"))
print(s.startswith(("x", "h\u00e9l")), s.endswith(("?", "")), s.startswith(()))
print(s.startswith("\u00e9", 1), s.endswith("w", 0, 7), s.startswith("", 100), s.endswith("", 5, 2))
print("ab\ud800".startswith("ab"), "ab\ud800".endswith("\ud800"), "\ud800x".startswith("\ud800"))
print("a\U00010000".startswith("a\ud800"), "\U00010000".endswith("\udc00"))
class S(str):
    pass
print(S("abc").startswith(S("ab")), "abc".endswith(S("bc")))
for bad in (lambda: s.startswith(1), lambda: s.endswith(["a"]), lambda: s.startswith(("a", 2)),
            lambda: s.startswith(), lambda: s.endswith("a", "b"), lambda: s.startswith(prefix="h")):
    try:
        print(bad())
    except TypeError as e:
        print("TypeError:", e)
