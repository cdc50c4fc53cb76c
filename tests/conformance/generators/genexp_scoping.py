# Generator expressions: scoping, late evaluation, first iterable evaluated eagerly.
x = 10
g = (x + i for i in range(3))
x = 100
print(list(g))
data = [1, 2, 3]
g2 = (v * 2 for v in data)
data = [7, 8]
print(list(g2))
def make():
    return (i * j for i in range(3) for j in range(2))
print(list(make()))
try:
    g3 = (1 / 0 for _ in range(3))
    print("created lazily")
    list(g3)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    g4 = (i for i in 5)
except TypeError as e:
    print("TypeError at creation:", e)
nested = ((i, (j for j in range(i))) for i in range(3))
print([(i, list(js)) for i, js in nested])
print(sum(i for i in range(10) if i % 3 == 0), "".join(c.upper() for c in "abc"), any(n > 5 for n in [1, 9]))
