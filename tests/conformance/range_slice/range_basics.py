# range objects: iteration, indexing, slicing, len, containment, equality, repr.
for args in [(5,), (2, 8), (0, 10, 3), (10, 0, -2), (5, 5), (0, -5), (-5, 5, 4), (1, 2, 10)]:
    r = range(*args)
    print(r, list(r), len(r), bool(r), r[0] if r else None, r[-1] if r else None)
r = range(0, 100, 7)
print(r[3], r[-2], r[2:5], r[::-1], r[::2], list(r[1:4]), 49 in r, 50 in r, 49.0 in r, r.index(49), r.count(49))
print(range(0) == range(5, 5), range(0, 3) == range(0, 3, 1), range(1, 10, 2) == range(1, 11, 2), range(3) == [0, 1, 2])
print(range(10**20)[-1], len(range(10**18)), 10**19 in range(0, 10**20, 3), range(-(2**70), 2**70, 2**69))
print(sum(range(101)), max(range(5)), list(reversed(range(1, 8, 3))), sorted(range(5, 0, -1)))
print(range(5).start, range(1, 7, 2).stop, range(1, 7, 2).step, hash(range(3)) == hash(range(0, 3)))
for bad in [lambda: range(0, 5, 0), lambda: range(3)[5], lambda: range(1.5), lambda: range(5).index(7), lambda: len(range(2**64))]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
