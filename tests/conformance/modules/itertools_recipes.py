# Classic itertools recipes: grouper, roundrobin, unique_everseen, sliding windows, flatten, powerset.
import itertools as it
from collections import deque
def grouper(iterable, n, fill=None):
    return it.zip_longest(*[iter(iterable)] * n, fillvalue=fill)
def roundrobin(*iterables):
    iterators = deque(map(iter, iterables))
    while iterators:
        try:
            yield next(iterators[0])
            iterators.rotate(-1)
        except StopIteration:
            iterators.popleft()
def unique_everseen(iterable, key=None):
    seen = set()
    for el in iterable:
        k = el if key is None else key(el)
        if k not in seen:
            seen.add(k)
            yield el
def sliding(iterable, n):
    win = deque(maxlen=n)
    for x in iterable:
        win.append(x)
        if len(win) == n:
            yield tuple(win)
def powerset(s):
    s = list(s)
    return it.chain.from_iterable(it.combinations(s, r) for r in range(len(s) + 1))
print(list(grouper("ABCDEFG", 3, "x")), list(roundrobin("ABC", "D", "EF")))
print(list(unique_everseen("AAAABBBCCDAABBB")), list(unique_everseen("ABBcCAD", key=str.lower)))
print(list(sliding(range(6), 3)), list(powerset([1, 2, 3])))
print(list(it.chain.from_iterable([[1, 2], [3], []])), sum(1 for _ in it.product(range(3), repeat=4)))
print(list(it.starmap(lambda a, b: a * b, zip(range(5), it.count(10)))), list(it.accumulate(range(1, 6), lambda a, b: a * b)))
