# Temporaries of `a[:k] = a[k::-1]` are recycled into the next list built from a slice:
# every list must still be independent, and a recycled list's old items released.
import gc

p = list(range(9))
for k in range(9):
    p[:k + 1] = p[k::-1]
print(p)
q = p[:]
q[:3] = q[5:2:-1]
print(p, q)
r = p[::2]
s = p[1::2]
print(r, s, r is s)


class Noisy:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        # Runs while the list machinery recycles: build lists from slices here too.
        t = list(range(4))
        t[:2] = t[1::-1]
        print("del", self.n, t[::-1])


a = [Noisy(i) for i in range(3)]
a[:3] = a[:0:-1] + [Noisy(9)]
print([x.n for x in a])
a[:3] = [1, 2, 3][::-1]
print(a)
b = [[i] for i in range(5)]
c = b[::-1]
b[:2] = c[:2]
print(b, c)
c[0].append("shared")
print(b[0])
# Different lengths (splice) and growth.
d = list(range(5))
d[:2] = d[::-1]
print(d)
d[:8] = d[2::-1]
print(d)
print(gc.collect() >= 0)
# Subclass values are not recycled as lists.
class L(list):
    pass

e = L([1, 2, 3])
e[:2] = L(e[1::-1])
print(e, type(e).__name__)
# Removed items are released last first (CPython's list_ass_slice).
f = [Noisy(i) for i in range(20, 24)]
f[1:3] = []
print("deleted")
f[:] = [0]
print("replaced")
g = [Noisy(i) for i in range(30, 33)]
del g[:2]
print("done", len(g))
del g
print("end")
