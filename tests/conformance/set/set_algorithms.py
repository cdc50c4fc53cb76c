# Sets in algorithms: dedup preserving order, graph reachability, string sets printed sorted.
words = "the cat and the hat and the bat".split()
seen = set()
uniq = []
for w in words:
    if w not in seen:
        seen.add(w)
        uniq.append(w)
print(uniq, sorted(seen), len(seen))
graph = {1: [2, 3], 2: [4], 3: [4, 5], 4: [6], 5: [6], 6: [], 7: [1]}
def reach(start):
    out, stack = set(), [start]
    while stack:
        n = stack.pop()
        if n not in out:
            out.add(n)
            stack.extend(graph[n])
    return out
for n in graph:
    print(n, sorted(reach(n)))
a = set("abracadabra")
b = set("alacazam")
print(sorted(a), sorted(b), sorted(a - b), sorted(a | b), sorted(a & b), sorted(a ^ b))
print(sorted(frozenset(w) for w in ["ab", "ba", "cd"]) == sorted([frozenset("ab")] * 2 + [frozenset("cd")], key=sorted) or True)
print(len({frozenset("ab"), frozenset("ba"), frozenset("cd")}))
