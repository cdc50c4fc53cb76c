# Rich comparisons: reflection, NotImplemented, total ordering by hand, chained comparisons.
class Ver:
    def __init__(self, s):
        self.t = tuple(int(p) for p in s.split("."))
    def __eq__(self, o):
        return isinstance(o, Ver) and self.t == o.t
    def __lt__(self, o):
        return self.t < o.t if isinstance(o, Ver) else NotImplemented
    def __le__(self, o):
        return self.t <= o.t if isinstance(o, Ver) else NotImplemented
    def __hash__(self):
        return hash(self.t)
    def __repr__(self):
        return "Ver(" + ".".join(map(str, self.t)) + ")"
vs = [Ver("1.10"), Ver("1.2"), Ver("1.2.1"), Ver("0.9")]
print(sorted(vs), max(vs), min(vs), Ver("1.0") == Ver("1.0"), Ver("1.0") != Ver("1.0"))
print(Ver("1") > Ver("0.5"), Ver("1") >= Ver("1"), Ver("2") > Ver("3"))
print(Ver("1.0") < Ver("1.1") < Ver("1.2"), Ver("1") == "1")
try:
    Ver("1") < 5
except TypeError as e:
    print("TypeError:", e)
class Logger:
    def __init__(self, n):
        self.n = n
    def __eq__(self, o):
        print(f"{self.n}.__eq__({getattr(o, 'n', o)})")
        return NotImplemented
    def __lt__(self, o):
        print(f"{self.n}.__lt__")
        return NotImplemented
    def __gt__(self, o):
        print(f"{self.n}.__gt__")
        return NotImplemented
a, b = Logger("a"), Logger("b")
print(a == b)
print(a != b)
try:
    a < b
except TypeError as e:
    print("TypeError:", e)
print(a == a, [a] == [a])
class AlwaysEq:
    def __eq__(self, o):
        return True
print(AlwaysEq() == 5, 5 == AlwaysEq(), AlwaysEq() in [1, 2], [1, 2].count(AlwaysEq()), [1, 2].index(AlwaysEq()))
class NeOnly:
    def __ne__(self, o):
        return "custom ne"
print(NeOnly() != 1, NeOnly() == 1)
