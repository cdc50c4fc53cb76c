# list.pop(0)/insert(0) as a queue (consumed-front storage), slices with immediate bounds
# (BINARY_SLICE/STORE_SLICE without a slice object), and the paths they must not take.

q = list(range(10))
print(q.pop(0), q.pop(0), q, len(q), q[0], q[-1])
q.insert(0, 'a'); q.insert(0, 'b'); q.insert(0, 'c')
print(q, q.index(2), q.count('a'))
q.insert(-1, 'x'); q.insert(100, 'y'); q.insert(-100, 'z')
print(q, q[2:5], q[::-1][:3])

# A queue that pops the front and appends at the back keeps FIFO order.
q = list(range(1000))
total = 0
seen = []
while q:
    x = q.pop(0)
    total += x
    if x % 100 == 0 and 0 < x < 500:
        q.append(-x)
    if len(q) % 250 == 0:
        seen.append((len(q), q[:3], q[-2:]))
print(total, seen)

# Every list method after a run of front pops.
r = list(range(20))
for _ in range(8):
    r.pop(0)
print(r, r[3], r[-3], r[2:6], r[6:2:-1], 15 in r, 3 in r)
r.reverse(); print(r)
r[2:4] = [100, 200, 300]; print(r)
r.sort(); print(r)
del r[0]; r.remove(19); print(r, r.copy(), r * 2 == r + r)
r.extend([7, 8]); r.append(9); print(r, len(r))
r.clear(); print(r, len(r))
r.insert(0, 1); print(r, r.pop(0), r)
try:
    r.pop(0)
except IndexError as e:
    print('IndexError', e)

# Slices with immediate bounds, None bounds, out-of-range bounds.
a = list(range(10))
print(a[:], a[2:5], a[-3:], a[:-7], a[8:100], a[-100:2], a[5:2], a[None:3], a[7:None])
b = a[:]
b[2:5] = ['x']; print(b)
b[:0] = [1, 2]; print(b)
b[100:] = [99]; print(b)
b[-2:] = []; print(b)
b[3:1] = 'pq'; print(b)
b[:] = b; print(b)
b[1:3] = (i * i for i in range(4)); print(b)
try:
    b[0:2] = 5
except TypeError as e:
    print('TypeError', e)

# Bounds that need __index__, and bools, go the general way with the same results.
class I:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
print(a[I(2):I(4)], a[True:3])
c = a[:]; c[I(1):I(3)] = ['i']; print(c)
try:
    a['x':2]
except TypeError as e:
    print('TypeError', e)

# A list subclass keeps its own __getitem__/__setitem__ for slices.
class L(list):
    def __getitem__(self, k):
        return ('get', k)
    def __setitem__(self, k, v):
        print('set', k, v)
l = L([1, 2, 3])
print(l[1:2], l[:])
l[0:1] = [5]

# Tuples and strs still slice.
print((1, 2, 3, 4)[1:3], 'hello'[1:4], range(10)[2:5])

# isinstance against a type when __class__ is overridden (or not).
class A: pass
class B:
    @property
    def __class__(self): return A
class C:
    def __getattribute__(self, n):
        if n == '__class__':
            return A
        return object.__getattribute__(self, n)
class D:
    __class__ = A
print(isinstance(B(), A), isinstance(C(), A), isinstance(D(), A), isinstance(A(), B))
print(isinstance(3, tuple), isinstance(3, int), isinstance(True, int), isinstance(1.5, (int, str)))

# Set lookups: identity first, then equality across int/float/bool.
s = {1, 2, 3, 'a', (1, 2), 1.5, None}
print(1 in s, 1.0 in s, True in s, 'a' in s, ''.join(['a']) in s, (1, 2) in s, None in s, 4 in s, 2 ** 70 in s)
nan = float('nan')
print(nan in {nan}, float('nan') in {nan}, {1, 2} <= {1.0, 2.0, 3}, {1, 2} - {2.0})
