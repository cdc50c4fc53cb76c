# List, set, dict comprehensions and generator expressions: nesting, conditions, scoping.
print([x * x for x in range(6)], [x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)], [[y for y in range(x)] for x in range(4)])
print(sorted({x % 4 for x in range(10)}), {k: len(k) for k in ["a", "bb", "ccc"]}, {v: k for k, v in enumerate("abc")})
print([a + b for a, b in [(1, 2), (3, 4)]], [c for s in ["ab", "cd"] for c in s.upper()])
print([x if x % 2 else -x for x in range(6)], [len(w) for w in "the quick brown fox".split() if w != "the"])
x = "outer"
lst = [x for x in range(3)]
print(x, lst)
def scope():
    y = 10
    return [y + i for i in range(3)], [[y * j for j in range(i)] for i in range(3)]
print(scope())
class C:
    base = 5
    vals = [i * 2 for i in range(3)]
print(C.vals)
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for i in range(3) for row in matrix], [sum(col) for col in zip(*matrix)])
print({(i, j): i * j for i in range(3) for j in range(3) if i <= j})
print([f(3) for f in [lambda n, k=k: n ** k for k in range(4)]])
pairs = [(a, b) for a in "xy" for b in (1, 2)]
print(pairs, len(pairs), list(dict.fromkeys(c for c in "mississippi")))
try:
    [undefined_name for _ in range(1)]
except NameError as e:
    print("NameError:", e)
print([i for i in range(5)][::-1], [*range(3), *"ab"], {**{"a": 1}, "b": 2})
