# Slice reads, slice assignment (including extended slices) and slice deletion.
base = list(range(10))
print(base[2:8:2], base[::-1], base[-3:], base[:-3], base[8:2:-2], base[100:], base[-100:2])
a = base[:]
a[2:5] = ["a", "b"]
print(a)
a[0:0] = [-1, -2]
print(a)
a[len(a):] = [99]
print(a)
a[::3] = [0] * len(a[::3])
print(a)
a[1:3] = []
print(a)
a[-2:] = "xy"
print(a)
del a[::2]
print(a)
b = list(range(8))
b[5:2:-1] = ["p", "q", "r"]
print(b)
del b[1:6:2]
print(b)
try:
    b[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    b[0:2] = 5
except TypeError as e:
    print("TypeError:", e)
c = list(range(5))
c[1:4] = c
print(c)
d = [1, 2, 3]
d[5:10] = [4]
print(d)
e = list(range(6))
e[slice(1, None, 2)] = "abc"
print(e)
