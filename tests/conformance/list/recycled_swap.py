# Slice assignment of a same-length temporary list (the items trade places, the temporary is
# recycled): release order of the replaced items, reuse of the recycled list afterwards,
# aliasing, lists with a consumed front, subclasses and different lengths.


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


a = [D("a0"), D("a1"), D("a2"), D("a3")]
a[:3] = [D("n0"), D("n1"), D("n2")]
print([d.name for d in a])
a[1:3] = a[2:0:-1]
print([d.name for d in a])
del a
print("---")

perm = list(range(9))
for k in (8, 3, 5, 1, 0, 7):
    perm[: k + 1] = perm[k::-1]
    print(perm)
t = perm[2::-1]
u = perm[:4]
print(t, u, t is u)
perm[:3] = t
print(perm, t)

q = list(range(10))
q.pop(0)
q.pop(0)
q[:4] = q[3::-1]
print(q)
q.insert(0, "x")
q[1:3] = [q[2], q[1]]
print(q)


class L(list):
    pass


s = L([1, 2, 3, 4])
s[:2] = L([9, 8])
print(s, type(s).__name__)
p = [1, 2, 3]
p[:2] = L([7, 7])
print(p)
p[:2] = [5, 6, 7, 8]
print(p)
p[1:] = []
print(p)
p[:] = p
print(p)
p[0:5] = [p]
print(len(p), p[0] is p)


def fill():
    return [D("f%d" % i) for i in range(3)]


b = [D("b0"), D("b1")]
b[:2] = fill()[1:]
print([d.name for d in b])
b[0:2] = b[::-1]
print([d.name for d in b])
c = [10, 20, 30]
c[1:2] = [c]
print(c[0], c[1] is c, c[2])
c[-5:1] = [0]
print(c[0], len(c))
c[5:9] = [1, 2]
print(c[-2:], len(c))
print("end")
