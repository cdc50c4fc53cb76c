# Keyword-only and positional-only parameters and their error messages.
def f(a, b, /, c, *, d, e=5):
    return (a, b, c, d, e)
print(f(1, 2, 3, d=4), f(1, 2, c=3, d=4, e=6))
tests = [lambda: f(1, b=2, c=3, d=4), lambda: f(1, 2, 3, 4), lambda: f(1, 2, 3), lambda: f(1, 2, 3, d=4, z=1),
         lambda: f(1), lambda: f(1, 2, 3, c=3, d=4), lambda: f()]
for t in tests:
    try:
        print(t())
    except TypeError as e:
        print("TypeError:", e)
def g(a, /, **kwargs):
    return a, kwargs
print(g(1, a=2), g(a=3) if False else g(4, b=5))
def h(*, only):
    return only
print(h(only=1))
try:
    h(1)
except TypeError as e:
    print("TypeError:", e)
def nodefault(x, y):
    return x + y
for call in [lambda: nodefault(1), lambda: nodefault(1, 2, 3), lambda: nodefault(1, x=1), lambda: nodefault(y=1, z=2)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
