# Ordering guarantees across deletes and re-inserts; dict comprehension; sorted by value.
d = {}
for i in range(10):
    d[i] = i * i
for i in range(0, 10, 3):
    del d[i]
d[0] = "back"
d[4] = "updated"
print(d)
print(list(d.items())[:3], next(iter(d)), next(reversed(d)))
scores = {"amy": 82, "bob": 95, "cal": 82, "dee": 70, "eve": 95}
print(sorted(scores, key=scores.get), sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])))
inv = {}
for name, s in scores.items():
    inv.setdefault(s, []).append(name)
print(inv)
print({v: k for k, v in scores.items()})
print({k: v for k, v in sorted(scores.items()) if v > 80})
print(max(scores, key=scores.get), min(scores.values()), sum(scores.values()))
big = {i: str(i) for i in range(5000)}
for i in range(0, 5000, 2):
    del big[i]
print(len(big), list(big)[:5], list(big)[-3:])
