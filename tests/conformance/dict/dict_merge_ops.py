# dict | and |=, ** unpacking order, dict() with duplicates, and merging counters by hand.
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b, b | a, {**a, **b}, {**b, **a}, dict(a, **b), dict(b, y=0))
c = a.copy()
c |= b
c |= [("w", 0)]
print(c)
try:
    a | [("k", 1)]
except TypeError as e:
    print("TypeError:", e)
print(dict([("k", 1), ("k", 2)]), {"k": 1, "k": 2}, dict(k=1, **{"j": 2}))
inventory = [{"apple": 3, "pear": 1}, {"apple": 2, "kiwi": 5}, {"pear": 4}]
total = {}
for inv in inventory:
    for k, v in inv.items():
        total[k] = total.get(k, 0) + v
print(total, sorted(total, key=total.get, reverse=True))
merged = {}
for inv in inventory:
    merged = merged | inv
print(merged)
