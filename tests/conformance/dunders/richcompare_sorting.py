# Sorting uses only __lt__; max uses __gt__ via reflection; functools.total_ordering fills the rest.
import functools
calls = []
class OnlyLt:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        calls.append("lt")
        return self.v < o.v
    def __repr__(self):
        return f"L{self.v}"
items = [OnlyLt(v) for v in [3, 1, 2]]
print(sorted(items), max(items), min(items), len(calls) > 0, set(calls))
class OnlyGt:
    def __init__(self, v):
        self.v = v
    def __gt__(self, o):
        return self.v > o.v
    def __repr__(self):
        return f"G{self.v}"
print(sorted([OnlyGt(3), OnlyGt(1), OnlyGt(2)]), OnlyGt(1) < OnlyGt(2))
@functools.total_ordering
class Version:
    def __init__(self, s):
        self.parts = tuple(map(int, s.split(".")))
    def __eq__(self, o):
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __repr__(self):
        return ".".join(map(str, self.parts))
vs = [Version(s) for s in ["1.10.0", "1.2.9", "1.2.10", "0.9"]]
print(sorted(vs), Version("1.0") <= Version("1.0"), Version("2.0") > Version("1.99"), Version("1.0") >= Version("1.1"))
class NoOrder:
    pass
try:
    sorted([NoOrder(), NoOrder()])
except TypeError as e:
    print("TypeError:", e)
