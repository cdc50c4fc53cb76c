# Large dicts with interleaved deletes and reinserts keep insertion order and sizes right.
d = {}
for i in range(20000):
    d[i] = i * 2
for i in range(0, 20000, 3):
    del d[i]
for i in range(0, 20000, 6):
    d[i] = "back"
print(len(d), list(d)[:6], list(d)[-4:], d[6], d.get(3), sum(1 for v in d.values() if v == "back"))
s = {}
for i in range(1000):
    s[str(i)] = i
for i in range(1000):
    if i % 2:
        del s[str(i)]
print(len(s), list(s)[:5], s["998"], "999" in s)
keys = [(i, str(i)) for i in range(500)]
t = dict.fromkeys(keys, 0)
for k in keys[::5]:
    t[k] += 1
print(len(t), sum(t.values()), t[(5, "5")], t[(6, "6")])
