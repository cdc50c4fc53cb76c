# hash() consistency rules: equal numbers hash equal across types, hashable containers, custom __hash__.
import math
nums = [0, 0.0, -0.0, False, 1, 1.0, True, 2**61 - 1, float(2**61), 2**63, -1, -1.0, 0.5, 1e100, 10**100]
for n in nums:
    print(repr(n), hash(n))
print(hash(1) == hash(1.0) == hash(True), hash(2.5) == hash(5 / 2), hash(10**100) == hash(float(10**100)), hash(complex(3, 0)) == hash(3))
print(hash(math.inf), hash(-math.inf), hash(()), hash((1, 2.0)) == hash((1.0, 2)), hash(frozenset()) == hash(frozenset()))
print(len({1, 1.0, True}), len({0, 0.0, False, -0.0}), len({(1, 2), (1.0, 2.0)}), {1: "a", 1.0: "b"})
