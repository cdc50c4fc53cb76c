# Ints as dict keys, hashes of small ints, __index__ use in slicing and ranges.
print(hash(0), hash(1), hash(-1), hash(-2), hash(2**61 - 1), hash(2**61), hash(-(2**61)))
print(hash(12345678901234567890), hash(2**100))
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(False))
d = {1: "one", 2**70: "big", -3: "neg"}
print(d[1.0], d[True], d[2**70], d[-3])
class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
lst = list(range(10))
print(lst[Idx(3)], lst[Idx(-1)], lst[Idx(2):Idx(8):Idx(2)])
print(range(Idx(5))[Idx(2)], list(range(Idx(1), Idx(10), Idx(3))))
print(bin(Idx(10)), hex(Idx(255)), oct(Idx(8)))
print("abcdef"[Idx(1)], b"xyz"[Idx(0)], (1, 2, 3)[Idx(2)])
print([0] * Idx(3), "ab" * Idx(2))
print(operator_index := Idx(7).__index__())
