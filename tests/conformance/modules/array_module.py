# array: typecodes, append/extend, indexing, tobytes/frombytes, buffer behaviour.
from array import array
a = array("i", [1, 2, 3])
a.append(4)
a.extend([5, 6])
a.insert(0, 0)
print(a, len(a), a[2], a[-1], a[1:4], a.typecode, a.itemsize, a.tolist())
a[0] = 100
del a[1]
print(a, a.index(3), a.count(5), 3 in a, a.pop(), a.pop(0), a)
a.reverse()
print(a, sum(a), max(a))
d = array("d", [1.5, 2.25])
print(d, d.tobytes(), array("d", d.tobytes()) == d, d * 2, d + array("d", [3.0]))
b = array("B", b"hello")
print(b, bytes(b), b.tobytes().decode(), array("b", [-1, 127]))
u = array("H", [1, 65535])
print(u, u.tobytes())
try:
    array("B", [256])
except OverflowError as e:
    print("OverflowError:", e)
try:
    array("i", [1.5])
except TypeError as e:
    print("TypeError:", e)
try:
    array("z")
except ValueError as e:
    print("ValueError:", e)
f = array("f", [0.1])
print(f[0], array("q", [2**62]), array("l", range(3)))
a2 = array("i")
a2.frombytes(array("i", [7, 8]).tobytes())
print(a2, a2 == array("i", [7, 8]), a2 < array("i", [7, 9]))
