# Item reads and writes of doubles and C ints (the fixed-size paths) and their errors.
from array import array
d = array('d', [1.5, 2.5, float('nan'), -0.0]); i = array('i', [1, -2, 3])
print(d[0], d[-1], d[2], d[-4], i[0], i[-3], i[2])
for a, k in [(d, 4), (d, -5), (i, 3), (i, -4)]:
    try: a[k]
    except IndexError as e: print(e)
    try: a[k] = 1
    except IndexError as e: print(e)
d[1] = 7.25; d[-1] = 3; d[0] = True; i[0] = 2**31 - 1; i[-1] = -2**31; i[1] = True
print(d, i)
for bad in [2**31, -2**31 - 1]:
    try: i[0] = bad
    except OverflowError as e: print(e)
try: i[0] = 1.5
except TypeError as e: print(e)
try: d[0] = 'x'
except TypeError as e: print(e)
q = array('q', [5, 6]); q[1] = 2**40; print(q[1], q[-2]); f = array('f', [1.0]); f[0] = 0.1; print(f[0])
print(array('d')[:], array('i', range(5))[1:3])
