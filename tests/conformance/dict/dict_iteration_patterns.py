# Iteration patterns: items with sorting, inversion with collisions, grouping, nested dicts, comprehensions.
scores = {"ann": 90, "bob": 72, "cyd": 90, "dan": 65, "eve": 72}
by_score = {}
for name, s in scores.items():
    by_score.setdefault(s, []).append(name)
print(by_score, dict(sorted(by_score.items(), reverse=True)))
print({s: sorted(n) for s, n in by_score.items()}, {v: k for k, v in scores.items()})
nested = {"a": {"x": 1, "y": {"z": 2}}, "b": {"x": 3}}
def flatten(d, prefix=""):
    out = {}
    for k, v in d.items():
        key = f"{prefix}.{k}" if prefix else k
        if isinstance(v, dict):
            out.update(flatten(v, key))
        else:
            out[key] = v
    return out
print(flatten(nested))
letters = {}
for word in "the quick brown fox jumps over the lazy dog".split():
    for ch in word:
        letters[ch] = letters.get(ch, 0) + 1
print(len(letters), sorted(letters.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
print(list(zip(scores, scores.values())), [k for k, v in scores.items() if v > 70], sum(scores.values()) / len(scores))
