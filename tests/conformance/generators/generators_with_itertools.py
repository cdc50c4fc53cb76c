# Combining generators with itertools: islice of infinite generators, chains, groupby over generated data.
import itertools as it
def naturals():
    n = 1
    while True:
        yield n
        n += 1
def triangular():
    return it.accumulate(naturals())
print(list(it.islice(triangular(), 10)))
evens = (n for n in naturals() if n % 2 == 0)
print(list(it.islice(evens, 5)), next(evens))
def collatz(n):
    while n != 1:
        yield n
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    yield 1
print(list(collatz(27))[:12], sum(1 for _ in collatz(27)), max(collatz(27)))
lengths = {n: sum(1 for _ in collatz(n)) for n in range(1, 30)}
print(max(lengths, key=lengths.get), sorted(lengths.items(), key=lambda kv: -kv[1])[:3])
for k, g in it.groupby(it.islice(naturals(), 20), key=lambda n: n // 5):
    print(k, list(g))
pairs = it.combinations(it.islice(naturals(), 5), 2)
print([p for p in pairs if sum(p) % 3 == 0])
print(list(it.takewhile(lambda x: x < 30, (x * x for x in naturals()))))
