# Functions as objects: attributes, equality/hash, storage in containers, __defaults__ mutation, __code__ info.
def f(a, b=2):
    return a + b
def g(a, b=2):
    return a + b
print(f == f, f == g, hash(f) == hash(f), {f: "f", g: "g"}[g], f.__name__, g.__qualname__)
f.calls = 0
f.tags = ["math"]
print(sorted(f.__dict__), f.calls, f.tags)
f.__defaults__ = (10,)
print(f(1), f.__code__.co_argcount, f.__code__.co_name, f.__code__.co_varnames)
handlers = {"add": lambda x, y: x + y, "sub": lambda x, y: x - y, "f": f}
print([handlers[k](7, 3) for k in ("add", "sub", "f")])
funcs = [len, str.upper, f, print, type, lambda: 0]
print([type(x).__name__ for x in funcs])
def make():
    def inner():
        return "inner"
    return inner
a, b = make(), make()
print(a is b, a == b, a() == b(), a.__code__ is b.__code__)
try:
    f.__code__ = "no"
except TypeError as e:
    print("TypeError:", e)
try:
    f.__defaults__ = 5
except TypeError as e:
    print("TypeError:", e)
