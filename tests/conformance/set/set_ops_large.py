# Set operations on larger integer sets, with results printed sorted.
a = set(range(0, 3000, 3))
b = set(range(0, 3000, 5))
c = set(range(0, 3000, 7))
print(len(a), len(b), len(c), len(a & b), len(a | b | c), len(a - b - c), len(a ^ b))
print(sorted(a & b & c)[:10], sorted((a & b) - c)[:5], max(a | b), min(c - {0}))
evens = {x for x in range(100) if x % 2 == 0}
squares = {x * x for x in range(15)}
print(sorted(evens & squares), sorted(squares - evens), evens.isdisjoint({1, 3, 5}), squares >= {0, 1, 4})
s = set()
for i in range(1000):
    s.add(i % 37)
    if i % 11 == 0:
        s.discard(i % 13)
print(len(s), sorted(s)[:10])
big = set(range(100000))
big -= set(range(0, 100000, 2))
print(len(big), 99999 in big, 2 in big)
