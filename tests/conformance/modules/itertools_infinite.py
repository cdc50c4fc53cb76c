# itertools: count, cycle, repeat.
import itertools as it
print(list(it.islice(it.count(), 5)), list(it.islice(it.count(10, 5), 4)), list(it.islice(it.count(1.5, 0.5), 3)))
print(list(it.islice(it.cycle("abc"), 7)), list(it.repeat("x", 3)), list(zip(range(3), it.repeat(0))))
print(list(it.islice(it.count(-3, -2), 3)), next(it.count(2**70)), list(it.repeat(1, 0)), list(it.repeat(1, -1)))
c = it.count(5)
next(c)
print(repr(c), repr(it.repeat("a", 2)), repr(it.count(1, 2)))
