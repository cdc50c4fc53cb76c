# collections.defaultdict and OrderedDict.
from collections import defaultdict, OrderedDict
dd = defaultdict(list)
for word in ["apple", "avocado", "banana", "cherry", "blueberry"]:
    dd[word[0]].append(word)
print(dd, dict(dd), dd["z"], "z" in dd, dd.default_factory)
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(sorted(counts.items()), counts.get("q"), "q" in counts)
nested = defaultdict(lambda: defaultdict(int))
nested["a"]["x"] += 1
nested["a"]["y"] += 2
print({k: dict(v) for k, v in nested.items()})
plain = defaultdict(None, {"k": 1})
try:
    plain["missing"]
except KeyError as e:
    print("KeyError:", e)
print(repr(defaultdict(int)), defaultdict(set, a={1}) == {"a": {1}})
od = OrderedDict()
od["b"] = 2
od["a"] = 1
od["c"] = 3
print(od, list(od), od.popitem(), od.popitem(last=False), od)
od2 = OrderedDict.fromkeys("abcde")
od2.move_to_end("b")
od2.move_to_end("e", last=False)
print(list(od2))
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1), list(reversed(od2)))
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError:", e)
