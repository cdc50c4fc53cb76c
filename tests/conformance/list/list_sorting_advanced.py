# Sorting with multi-key tuples, reverse stability, key functions with None handling, and sort in place vs sorted.
rows = [("b", 2, 3.5), ("a", 2, 1.0), ("c", 1, 2.0), ("a", 1, 9.9), ("b", 1, 3.5)]
print(sorted(rows, key=lambda r: (r[1], r[0])))
print(sorted(rows, key=lambda r: (-r[2], r[0])))
print(sorted(rows, key=lambda r: r[2], reverse=True))
stable = sorted(sorted(rows, key=lambda r: r[0]), key=lambda r: r[1], reverse=True)
print(stable)
values = [5, None, 3, None, 8, 1]
print(sorted(values, key=lambda v: (v is None, v or 0)), sorted(values, key=lambda v: (v is not None, v or 0)))
words = ["Banana", "apple", "cherry", "Apple", "banana", "date", "Date"]
print(sorted(words), sorted(words, key=str.casefold), sorted(words, key=lambda w: (w.lower(), w)), sorted(set(map(str.lower, words))))
nums = list(range(20))
nums.sort(key=lambda n: (n % 3, -n))
print(nums)
import random
rnd = random.Random(11)
data = [rnd.randint(0, 50) for _ in range(30)]
print(sorted(data) == sorted(data, reverse=True)[::-1], data[:10], sorted(data)[:10])
