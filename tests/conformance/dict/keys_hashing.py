# Custom __hash__/__eq__ keys, equal keys of different types, and mutation of keys.
class Key:
    def __init__(self, name):
        self.name = name
    def __hash__(self):
        return hash(self.name.lower())
    def __eq__(self, other):
        return isinstance(other, Key) and self.name.lower() == other.name.lower()
    def __repr__(self):
        return f"Key({self.name!r})"
d = {Key("Alpha"): 1}
d[Key("ALPHA")] = 2
d[Key("beta")] = 3
print(d, d[Key("alpha")], Key("BETA") in d, len(d))
class Collide:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 7
    def __eq__(self, other):
        return self.v == other.v
    def __repr__(self):
        return f"C{self.v}"
cd = {Collide(i): i for i in range(20)}
print(len(cd), cd[Collide(13)], list(cd)[:4])
del cd[Collide(0)]
print(len(cd), Collide(0) in cd, cd[Collide(19)])
mixed = {1: "a", 2.0: "b", "3": "c", (4,): "d", None: "e", True: "f"}
print(mixed, mixed[1.0], mixed[2], mixed[(4,)])
class Unhashable:
    __hash__ = None
try:
    {Unhashable(): 1}
except TypeError as e:
    print("TypeError:", e)
