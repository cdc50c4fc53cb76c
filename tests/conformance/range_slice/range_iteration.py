# Iterating ranges forward/backward with large steps and bounds; range in comprehensions.
print([list(range(a, b, s)) for a, b, s in [(0, 10, 4), (10, 0, -4), (-5, 5, 3), (5, -5, -3), (0, 1, 100)]])
print(sum(range(0, 10**6, 7)), len(range(-10**9, 10**9, 3)), list(range(2**63 - 3, 2**63 + 2)))
print(list(range(10))[::3], list(reversed(range(0, 20, 6))), [i for i in range(100) if i % 17 == 0])
r = range(3, 30, 4)
it = iter(r)
print(next(it), next(it), list(it), list(r), r.index(11), r.count(7), 7 in r, 8 in r)
print(range(5)[::-1], range(0, 10, 2)[1:4], range(0, 10, 2)[::-2], range(10)[-3:], range(10)[100:200])
print(list(map(lambda i: i * i, range(6))), dict.fromkeys(range(3), 0), set(range(4)) == {0, 1, 2, 3})
