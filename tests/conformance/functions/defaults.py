# Default arguments: evaluation time, mutable defaults, None sentinel idiom.
def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"
print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punct="?"), greet(greeting="Yo", name="Di"))
def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
def safe(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc
print(safe(1), safe(2))
n = 10
def snapshot(v=n):
    return v
n = 20
print(snapshot(), snapshot.__defaults__, greet.__defaults__, safe.__defaults__)
def kw_defaults(a, *, b=2, c):
    return a, b, c
print(kw_defaults(1, c=3), kw_defaults.__kwdefaults__)
greet.__defaults__ = ("Hey", ".")
print(greet("Eve"))
def f(a, b=1, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(f(0, c=3), f(0, 9, 8, 7, c=3, e=5), f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__code__.co_varnames[:6])
