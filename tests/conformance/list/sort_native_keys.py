# sorted()/list.sort() on all-int, all-float, all-str keys (native sorts) and on mixed or
# user-defined keys (the generic merge sort): order, stability, reverse, errors.
import random
random.seed(5)
a = [random.randrange(-50, 50) for _ in range(300)]
print(sorted(a)[:20], sorted(a, reverse=True)[:10])
f = [random.random() - 0.5 for _ in range(200)] + [0.0, -0.0, 0.0, -0.0, float('inf'), -float('inf')]
s = sorted(f)
print(s[:3], s[-3:], [repr(x) for x in s if x == 0])
print([repr(x) for x in sorted(f, reverse=True) if x == 0])
nan = float('nan')
print(sorted([3.0, nan, 1.0, 2.0]))
w = ["b", "a", "é", "\ud800", "😀", "\uffff", "ab", "", "A"]
print(ascii(sorted(w)), ascii(sorted(w, reverse=True)))
print(sorted([3, 1, 2**70, -2**70, True, 0]))
print(sorted([1, 2.5, 0, -1.5]))
class S(str):
    def __lt__(self, o): return len(self) < len(o)
print(sorted([S("ccc"), S("a"), S("bb")]))
print(sorted(["ccc", "a", "bb"], key=len), sorted(["ccc", "a", "bb", "dd"], key=len, reverse=True))
pairs = [(k % 3, k) for k in range(10)]
print(sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[0], reverse=True))
print(sorted(range(10), key=lambda x: -x))
l = [5, 3, 1]
l.sort(); print(l)
try:
    sorted([1, "a", 2])
except TypeError as e:
    print(e)
try:
    sorted(["a", 1])
except TypeError as e:
    print(e)
print(sorted([]), sorted([1]), sorted(["x"]))
print(sorted([2**63 - 1, -2**63, 0]))
