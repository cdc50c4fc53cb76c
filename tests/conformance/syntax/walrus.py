# Assignment expressions in conditions, comprehensions and while loops.
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
print([y for x in data if (y := x * 2) > 6], y)
values = iter([5, 3, 0, 7])
while (v := next(values)) != 0:
    print("value", v)
print("stopped at", v)
totals = [total := 0] + [total := total + x for x in range(5)]
print(totals, total)
def f():
    if any((hit := w).startswith("b") for w in ["apple", "banana", "cherry"]):
        return hit
print(f())
print((z := 10) + z, z)
def g(xs):
    return [last := x for x in xs], last
print(g([1, 2, 3]))
print([(a := i, a * a) for i in range(3)])
