# itertools: accumulate, chain, compress, dropwhile, takewhile, filterfalse, groupby, islice,
# pairwise, starmap, tee, zip_longest, batched.
import itertools as it
import operator
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3, 4], operator.mul)), list(it.accumulate([3, 1, 4], max, initial=2)))
print(list(it.chain("ab", [1], (2,))), list(it.chain.from_iterable(["xy", "z"])), list(it.compress("abcdef", [1, 0, 1, 0, 1])))
print(list(it.dropwhile(lambda x: x < 3, [1, 2, 3, 1, 5])), list(it.takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(it.filterfalse(lambda x: x % 2, range(8))))
for key, grp in it.groupby("aaabccdaa"):
    print(key, list(grp), end="; ")
print()
words = sorted(["apple", "avocado", "banana", "blueberry", "cherry"], key=lambda w: w[0])
print({k: list(g) for k, g in it.groupby(words, key=lambda w: w[0])})
print(list(it.islice("abcdefg", 2)), list(it.islice("abcdefg", 2, 5)), list(it.islice("abcdefg", 0, None, 3)), list(it.islice(range(10), 8, None)))
print(list(it.pairwise("abcd")), list(it.starmap(pow, [(2, 3), (3, 2)])), list(it.zip_longest("ab", "xyz", fillvalue="-")))
a, b = it.tee(iter([1, 2, 3]))
print(list(a), list(b), list(it.batched("abcdefg", 3)), list(it.batched(range(4), 2)))
try:
    list(it.batched("abc", 2, strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    it.islice("abc", -1)
except ValueError as e:
    print("ValueError:", e)
