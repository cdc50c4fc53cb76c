# Generator expressions as sole call arguments, in sum/any/all/min/max/dict/set/str.join, and laziness checks.
calls = []
def tracked(x):
    calls.append(x)
    return x
print(sum(tracked(i) for i in range(5)), calls)
calls.clear()
print(any(tracked(i) > 2 for i in range(10)), calls)
calls.clear()
print(all(tracked(i) < 3 for i in range(10)), calls)
print(min(len(w) for w in "a bb ccc".split()), max((len(w), w) for w in "a bb ccc dd".split()))
print(dict((i, i * i) for i in range(4)), set(c.lower() for c in "AbBa") == {"a", "b"}, "-".join(str(i) for i in range(4)))
print(sorted((x for x in [3, 1, 2]), reverse=True), list(zip((x for x in "ab"), (y for y in range(5)))))
g = (x * x for x in range(3))
print(type(g).__name__, 4 in g, list(g))
print(sum(x for x in range(10) if x % 2), tuple(i for i in "xyz"), max((i for i in []), default="empty"))
