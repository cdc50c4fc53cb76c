# array item reads and writes by int index: bounds, negative indices, conversions.
from array import array
a = array('d', [1.5, 2.5, float('nan'), -0.0])
print(a[0], a[-1], a[2] != a[2], a[-4])
for bad in (4, -5, 2**63 - 1, -2**63, 2**62):
    try:
        a[bad]
    except IndexError as e:
        print("get", bad, e)
    try:
        a[bad] = 1.0
    except IndexError as e:
        print("set", bad, e)
a[1] = 7
a[-2] = 3.25
print(a)
try:
    a[0] = "x"
except TypeError as e:
    print(e)
try:
    a[9] = "x"
except IndexError as e:
    print(e)
class F:
    def __float__(self):
        del a[:]
        return 1.0
a2 = array('d', [1.0, 2.0])
a = a2
try:
    a[1] = F()
except IndexError as e:
    print("shrunk", e)
print(a)
for code in "bBhHiIlLqQfdw":
    arr = array(code, [1, 2, 3] if code != "w" else "abc")
    arr[-1] = arr[0]
    print(code, arr[0], arr[-1], arr[1], len(arr))
b = array('B', [0, 255])
try:
    b[0] = 256
except OverflowError as e:
    print(e)
print(b[True], array('i', [5, 6])[-True])
