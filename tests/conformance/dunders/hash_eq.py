# __hash__ and __eq__ contract in dicts and sets; __hash__ = None; inherited hashing.
class Pt:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
d = {Pt(1, 2): "a"}
print(d[Pt(1, 2)], Pt(1, 2) in {Pt(1, 2)}, len({Pt(0, 0), Pt(0, 0), Pt(0, 1)}))
class Unh:
    __hash__ = None
try:
    {Unh()}
except TypeError as e:
    print("TypeError:", e)
class ChildOfPt(Pt):
    pass
print(ChildOfPt(1, 2) in d, hash(ChildOfPt(3, 4)) == hash(Pt(3, 4)))
class EqChild(Pt):
    def __eq__(self, o):
        return False
print(EqChild.__hash__)
class KeepHash(Pt):
    def __eq__(self, o):
        return True
    __hash__ = Pt.__hash__
print(hash(KeepHash(1, 1)) == hash((1, 1)))
class BadHash:
    def __hash__(self):
        return "no"
try:
    hash(BadHash())
except TypeError as e:
    print("TypeError:", e)
class BigHash:
    def __hash__(self):
        return 2**100
print(hash(BigHash()) == hash(2**100))
class HashCount:
    calls = 0
    def __hash__(self):
        HashCount.calls += 1
        return 1
h = HashCount()
s = {h}
h in s
d2 = {h: 1}
d2[h]
print(HashCount.calls)
