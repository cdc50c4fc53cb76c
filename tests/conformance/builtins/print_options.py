# print with sep, end, file and flush; printing many kinds of objects.
import sys
print()
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", sep=", ", end=".\n")
print("no newline", end="")
print(" <- continued")
print(1, 2.0, 3j, None, True, [1], (2,), {3: 4}, {5}, b"6", sep=" | ")
print(*range(5), sep="\n", end="\n--\n")
print("to stdout explicitly", file=sys.stdout, flush=True)
print("x", sep=None, end=None)
print("multi\nline\tstring")
print("", end="")
print("unicode: é ✓ 🐍 日本")
try:
    print("x", sep=5)
except TypeError as e:
    print("TypeError:", e)
try:
    print("x", end=[])
except TypeError as e:
    print("TypeError:", e)
try:
    print("x", file="not a file")
except AttributeError as e:
    print("AttributeError:", e)
class Collector:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
c = Collector()
print("captured", 42, sep="-", file=c)
print(c.parts)
print(None)
print(print)  if False else print(type(print).__name__)
