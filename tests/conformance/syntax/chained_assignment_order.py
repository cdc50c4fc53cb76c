# Chained and tuple assignments: targets assigned left to right; swaps through indexes and attributes.
class Rec:
    def __setattr__(self, name, value):
        print(f"set {name} = {value!r}")
        object.__setattr__(self, name, value)
class Log(list):
    def __setitem__(self, i, v):
        print(f"setitem [{i}] = {v!r}")
        super().__setitem__(i, v)
r = Rec()
lst = Log([0, 0, 0])
r.a = lst[0] = r.b = "v"
lst[1], r.c = "x", "y"
print(lst, r.a, r.b, r.c)
a = [1, 2, 3]
i = 0
i, a[i] = 1, "set index 1"
print(a)
x, y = 1, 2
x, y = y, x + y
print(x, y)
m = [[1, 2], [3, 4]]
m[0][1], m[1][0] = m[1][0], m[0][1]
print(m)
p = q = []
p.append(1)
print(p is q, q)
n1 = n2 = n3 = 0
n1 += 1
print(n1, n2, n3)
