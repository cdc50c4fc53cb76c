# collections.Counter: counting, most_common, arithmetic, elements, update/subtract.
from collections import Counter
c = Counter("abracadabra")
print(c, c["a"], c["z"], c.most_common(2), c.most_common()[-1], sorted(c.elements()))
c.update("aaz")
c.subtract({"b": 5})
print(c, c.total())
a = Counter(a=3, b=1)
b = Counter(a=1, b=2, c=4)
print(a + b, a - b, a | b, a & b, -b, +Counter(x=-1, y=2))
print(Counter([1, 1, 2]) == Counter({1: 2, 2: 1}), Counter(a=1) == Counter(a=1, b=0), Counter(a=1) <= Counter(a=2))
words = "the cat and the hat and the bat".split()
wc = Counter(words)
print(wc.most_common(3), sorted(wc), list(wc.keys()), dict(wc))
del wc["the"]
print(wc, len(wc), repr(Counter()))
print(Counter({"x": 2, "y": 0, "z": -1}).most_common(), sorted(Counter("hello").items()))
