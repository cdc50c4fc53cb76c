# Set operations on their native paths (ints, strs, floats) and with keys whose __eq__
# runs Python code: contents, iteration order and results must match CPython's.

def show(label, s):
    print(label, type(s).__name__, list(s))

def show_sorted(label, s):
    # str and nan hashes vary between runs: their order is not comparable.
    print(label, type(s).__name__, sorted(map(repr, s)))

big = frozenset(range(50))
small = frozenset([3, 17, 40, 99, 64])
show("diff copy path", big - small)
show("diff add path", small - big)
show_sorted("diff strs", frozenset("abcdefghijklmnop") - frozenset("aeiou"))
show("and", big & small)
show("and rev", small & big)
show_sorted("and strs", set("hello world") & set("lowered"))
print("le", small <= big, frozenset([3, 17]) <= big, frozenset() <= small)

# Order after removals (dummies) and re-adds, then set algebra on those tables.
s = set(range(0, 200, 3))
for i in range(0, 200, 9):
    s.discard(i)
s.update([1000, 2000, 1, 2])
show("dummies", s)
show("dummies minus", s - {1, 2, 3, 6, 12})
show("minus dummies", set(range(30)) - s)
show("dummies and", s & set(range(0, 100, 2)))
t = set(s)
t -= set(range(0, 60))
show("isub", t)
u = set(s)
u.difference_update(range(50, 150))
show("difference_update iterable", u)
show("copy of dummies", s.copy())
show("frozenset of dummies", frozenset(s))

# Colliding hashes: ints that differ by a multiple of 2**61-1 hash alike.
M = 2**61 - 1
c = {1, 1 + M, 1 + 2 * M, 5, 5 + M}
show("collide minus", c - {1 + M})
show("collide and", c & {1, 5 + M, 7})
print("collide le", {1 + 2 * M, 5} <= c)
print(-1 in {-1, -2}, -2 in {-1}, hash(-1) == hash(-2))

# Floats and ints equal across types; nan identity.
nan = float("nan")
f = {1.0, 2, 3.5, nan}
show_sorted("mixed minus", f - {1, 2.0})
print("nan in", nan in f, float("nan") in f)
show_sorted("mixed and", f & {1, 3.5, nan})

# Keys with a Python __eq__: the general path, same results.
class K:
    calls = 0
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, other):
        K.calls += 1
        return isinstance(other, K) and self.v == other.v
    def __repr__(self):
        return f"K({self.v})"

ks = {K(i) for i in range(10)}
print(sorted((ks - {K(3), K(4)}), key=lambda k: k.v))
print(sorted((ks & {K(3), K(40)}), key=lambda k: k.v))
print({K(1), K(2)} <= ks, {K(1), K(20)} <= ks)
mixed = set(range(10)) | {K(100)}
print(sorted(map(repr, mixed - {1, 2, K(100)})))
m2 = set(mixed)
m2 -= {3, K(100), 4}
print(sorted(map(repr, m2)))
print(K.calls > 0)

# An __eq__ that mutates the set being probed.
class Evil:
    def __init__(self, target):
        self.target = target
    def __hash__(self):
        return 7
    def __eq__(self, other):
        self.target.clear()
        return False
victim = {7, 14}
e = Evil(victim)
try:
    print(e in victim, victim)
except RuntimeError as exc:
    print("RuntimeError", exc)
holder = set()
victim = {Evil(holder), 8}
print(len(victim - {7}), len(victim & {7, 8}), {7} <= victim)
