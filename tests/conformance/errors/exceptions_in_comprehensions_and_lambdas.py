# Errors raised inside comprehensions, lambdas, generators and their messages.
data = ["1", "2", "x", "4"]
try:
    [int(v) for v in data]
except ValueError as e:
    print("list comp:", e)
try:
    {v: 10 / int(v) for v in ["1", "0"]}
except ZeroDivisionError as e:
    print("dict comp:", e)
safe = [int(v) if v.isdigit() else None for v in data]
print(safe)
f = lambda d: d["missing"]
try:
    f({})
except KeyError as e:
    print("lambda:", repr(e))
g = (1 / (3 - i) for i in range(5))
out = []
try:
    for v in g:
        out.append(round(v, 3))
except ZeroDivisionError as e:
    print("generator:", e, out)
print(list(g))
try:
    sorted(["b", "a", 3])
except TypeError as e:
    print("sorted:", e)
try:
    max([[1], (1,)])
except TypeError as e:
    print("max:", e)
