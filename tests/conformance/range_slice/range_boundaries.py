# range objects at the 64-bit boundaries: length, indexing, membership, index/count,
# slicing, reversal and equality, whichever internal form a range takes.
import sys
M = sys.maxsize
rs = [range(5), range(2, 9), range(10, 0, -3), range(0), range(-M, M), range(-M+2, M-1), range(M-5, M+5),
      range(-M - 10, -M + 3), range(0, 10**20, 10**18), range(5, -5, -1), range(3, 3), range(-2**63+2, 2**63-2)]
for r in rs:
    try:
        n = len(r)
    except OverflowError as e:
        n = repr(e)
    print(r, n, bool(r), r == range(r.start, r.stop, r.step), hash(r) == hash(range(r.start, r.stop, r.step)))
    print(r.start, r.stop, r.step)
    for k in (0, 1, -1, -2, 5, 2**62, -2**62):
        try:
            print(' ', k, r[k], r[k] in r, (r[k] + 1) in r, r.index(r[k]), r.count(r[k]))
        except IndexError as e:
            print(' ', k, e)
    if n != repr(n) and isinstance(n, int):
        print(r[1:4], r[::-1][:3], list(r[:3]), list(reversed(r[:3])))
    for x in (M, -M, -M-1, M+1, 0, 7):
        print(x in r, end=' ')
    print()
print(range(True, 5), range(1, 10, 2)[True])
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
class I:
    def __index__(self): return 4
print(range(I()), list(range(I(), 7)))
