# Conversions of big ints to and from decimal strings (below the default digit limit).
n = 7**500
s = str(n)
print(len(s), s[:20], s[-20:])
print(int(s) == n)
print(hex(n)[:30], len(bin(n)))
m = int("1" * 1000)
print(m % 97, len(str(m * m)))
print(str(-(10**100)))
print(int("-" + "9" * 300) + 10**300)
print(format(3**200, ",")[:40])
import sys
print(sys.get_int_max_str_digits())
try:
    int("1" * 5000)
except ValueError as e:
    print("ValueError:", e)
try:
    str(10**5000)
except ValueError as e:
    print("ValueError:", e)
print(len(hex(10**5000)))
