# Extended slices of lists (the direct path and the reused slice object) and of other types.
l = list(range(10))
print(l[::-1], l[8:2:-2], l[-3::-1], l[::3], l[100::-1], l[:-100:-1], l[5:5:-1])
s = slice(1, 5, 2)
print(l[s], s, l[s] is l[s])
ids = set()
for i in range(5):
    x = l[i::2]
print(x)
t = tuple(l); print(t[::-2], "abcdef"[::-1], b"xyz"[::-1])
class L(list):
    def __getitem__(self, k):
        return ("sub", k)
print(L([1,2,3])[::-1])
keep = []
for i in range(3):
    keep.append(slice(i, None, -1))
print(keep, [l[k] for k in keep])
try:
    l[::0]
except ValueError as e:
    print(e)
import sys
sl = slice(None, None, -1)
before = sys.getrefcount(sl)
for _ in range(3): l[sl]
print(sys.getrefcount(sl) == before)
print(l[True::-1], l[:2:True])
class Idx:
    def __index__(self): return 2
print(l[Idx()::-1])
