# tuple() of iterables, repetition edge cases, count/index with start/stop, tuple concatenation in loops.
print(tuple(range(5)), tuple("abc"), tuple({"k": 1}), tuple(x for x in [3, 1]), tuple((1, 2)) is not None)
t = (1, 2, 1, 3, 1)
print(t.count(1), t.index(1), t.index(1, 1), t.index(1, 3), t * 0, t * -2, (0,) * 3, t[::2], t[-1:-4:-1])
try:
    t.index(1, 5)
except ValueError as e:
    print("ValueError:", e)
acc = ()
for i in range(5):
    acc += (i * i,)
print(acc, len(acc), sum(acc), acc[1:-1])
single = 5,
nested = ((1, 2), (3, 4))
print(single, nested[1][0], [a + b for a, b in nested], dict(nested), list(zip(*nested)))
print(tuple.__name__, type(()).__name__, isinstance((), tuple), len(()), bool(()), bool((0,)))
